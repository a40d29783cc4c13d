//! Every view's URL, built in one place. Paths are relative to the router's base (the sub-path
//! the site is deployed under); the language is always the first segment.

use crate::lang::Lang;
use crate::model::Country;
use std::cell::Cell;

thread_local! {
    /// Per thread: the browser sets it once; the publishing step (and each native test) may
    /// render pages for another base.
    static BASE: Cell<&'static str> = const { Cell::new("") };
}

/// Records the deployment base (see `normalize_base`): once at start-up in the browser, before
/// rendering pages at build time.
pub fn set_base(base: &str) {
    let base = normalize_base(base);
    // Leaked once per distinct base: a process sees one or two.
    BASE.with(|b| {
        if b.get() != base {
            b.set(Box::leak(base.into_boxed_str()));
        }
    });
}

/// The deployment base: "" at the root, "/observatorio" under a sub-path.
pub fn base() -> &'static str {
    BASE.with(Cell::get)
}

/// A link's `href` for a base-relative path. The router strips the base when matching and adds
/// it when navigating, but an `<a href>` must carry it (new tabs, copied links).
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Topics,
    Topic(String),
    News,
    NewsItem(String),
    Documents,
    Document(String),
    Events,
    Event(String),
    Data,
    Dataset(String),
    About,
    /// One of the official pages (licence, privacy, contact, accessibility, methodology).
    Info(crate::model::InfoKind),
    Search,
    Embed,
    /// Open-contracting indicators of a member, or of the whole Alliance (`Country::Ap`).
    Indicators(crate::model::Country),
}

impl Page {
    /// The `href` of this view, with the deployment base.
    pub fn href(&self, lang: Lang) -> String {
        href(&self.path(lang))
    }

    /// The path of this view relative to the deployment base.
    pub fn path(&self, lang: Lang) -> String {
        let l = lang.code();
        match self {
            Page::Home => format!("/{l}/"),
            Page::Topics => format!("/{l}/topics"),
            Page::Topic(id) => format!("/{l}/topics/{}", encode_segment(id)),
            Page::News => format!("/{l}/news"),
            Page::NewsItem(id) => format!("/{l}/news/{}", encode_segment(id)),
            Page::Documents => format!("/{l}/documents"),
            Page::Document(id) => format!("/{l}/documents/{}", encode_segment(id)),
            Page::Events => format!("/{l}/events"),
            Page::Event(id) => format!("/{l}/events/{}", encode_segment(id)),
            Page::Data => format!("/{l}/data"),
            Page::Dataset(id) => format!("/{l}/data/{}", encode_segment(id)),
            Page::About => format!("/{l}/about"),
            Page::Info(k) => format!("/{l}/about/{}", k.code()),
            Page::Search => format!("/{l}/search"),
            Page::Embed => format!("/{l}/embed"),
            Page::Indicators(c) => match country_slug(*c) {
                "" => format!("/{l}/indicators"),
                slug => format!("/{l}/indicators/{slug}"),
            },
        }
    }
}

/// Ids are checked to be URL-safe, but an id typed into the address bar is not: escape anything
/// outside the unreserved set.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Query pairs from a `?a=1&b=x%20y` string (`+` is a space; bad escapes are kept as typed).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The one way the site writes a query string: `?k=v&…` in the pairs' order, keys and values
/// percent-encoded; "" when there are none.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let q: Vec<String> =
        pairs.into_iter().map(|(k, v)| format!("{}={}", encode_segment(k), encode_segment(v))).collect();
    if q.is_empty() {
        String::new()
    } else {
        format!("?{}", q.join("&"))
    }
}

/// `path` with the current query changed: each key in `changes` is removed, then set again if
/// it has a value. Keys and values are percent-encoded.
pub fn with_query(path: &str, current: &[(String, String)], changes: &[(&str, Option<String>)]) -> String {
    let pairs = changed_query(current, changes);
    format!("{path}{}", query_string(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

/// The query pairs `with_query` writes, before encoding: each key in `changes` removed, then
/// appended again if it has a value.
pub fn changed_query(current: &[(String, String)], changes: &[(&str, Option<String>)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> =
        current.iter().filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)).cloned().collect();
    pairs.extend(changes.iter().filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v))));
    pairs
}

/// Removes the deployment base ("/observatorio") from a browser path.
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// The language a path is in, from its first segment (Spanish when it has none or an unknown one).
pub fn lang_of_path(path: &str) -> Lang {
    path.trim_start_matches('/').split('/').next().and_then(Lang::from_code).unwrap_or_default()
}

/// The same view in another language: swaps (or adds) the language segment, keeping the rest of
/// the path and the query.
pub fn switch_lang(path_and_query: &str, to: Lang) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let trimmed = path.trim_start_matches('/');
    let rest = match trimmed.split_once('/') {
        Some((first, rest)) if Lang::from_code(first).is_some() => rest,
        None if Lang::from_code(trimmed).is_some() => "",
        _ => trimmed,
    };
    let mut out = format!("/{}/{}", to.code(), rest);
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Normalises a configured base: "" or "/" for the root, otherwise "/sub/path" (no trailing slash).
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// The base as `<base href>` and the manifests' id write it: `/` at the root, `/observatorio/`.
pub fn base_href(base: &str) -> String {
    format!("{}/", normalize_base(base))
}

/// Whether `path` is one of this site's files and `build` known (see `with_version`).
pub fn versioned(path: &str, build: &str) -> bool {
    !build.is_empty() && !path.contains("://") && !path.starts_with("//")
}

/// A site file as a page of build `build` fetches it (`content/news.json?v=<build>`): a content
/// file of another build is then never read from a cache (the service worker's or the HTTP
/// one's), and the publishing step's preloads name the very same URL. Other sites' addresses
/// and an unknown build are left as they are.
pub fn with_version(path: &str, build: &str) -> String {
    if !versioned(path, build) {
        return path.to_string();
    }
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}v={}", encode_segment(build))
}

/// The member a page is about, from its URL segment ("colombia"); the Alliance has none.
pub fn country_slug(c: Country) -> &'static str {
    match c {
        Country::Ap => "",
        Country::Cl => "chile",
        Country::Co => "colombia",
        Country::Mx => "mexico",
        Country::Pe => "peru",
    }
}

pub fn country_from_slug(s: &str) -> Option<Country> {
    Country::ALL.into_iter().find(|c| *c != Country::Ap && country_slug(*c) == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(Page::Home.path(Lang::Es), "/es/");
        assert_eq!(
            Page::NewsItem("lanzamiento-observatorio".into()).path(Lang::En),
            "/en/news/lanzamiento-observatorio"
        );
        assert_eq!(Page::Dataset("a b/<c>".into()).path(Lang::Es), "/es/data/a%20b%2F%3Cc%3E");
        assert_eq!(Page::Info(crate::model::InfoKind::Privacy).path(Lang::En), "/en/about/privacy");
    }

    #[test]
    fn language_switch_keeps_path_and_query() {
        assert_eq!(switch_lang("/es/news?country=PE&year=2023", Lang::En), "/en/news?country=PE&year=2023");
        assert_eq!(switch_lang("/en/", Lang::Es), "/es/");
        assert_eq!(switch_lang("/en", Lang::Es), "/es/");
        assert_eq!(switch_lang("/", Lang::En), "/en/");
        assert_eq!(switch_lang("/unknown/page", Lang::En), "/en/unknown/page");
    }

    #[test]
    fn base_handling() {
        assert_eq!(normalize_base("/observatorio/"), "/observatorio");
        assert_eq!(normalize_base("/"), "");
        assert_eq!(base_href("/observatorio"), "/observatorio/");
        assert_eq!(base_href(""), "/");
        assert_eq!(strip_base("/observatorio/es/news", "/observatorio"), "/es/news");
        assert_eq!(strip_base("/observatorio", "/observatorio/"), "/");
        assert_eq!(strip_base("/observatorio-x/es", "/observatorio"), "/observatorio-x/es");
        assert_eq!(strip_base("/es/news", ""), "/es/news");
        assert_eq!(lang_of_path("/en/news"), Lang::En);
        assert_eq!(lang_of_path("/fr/news"), Lang::Es);
    }

    #[test]
    fn queries_are_decoded() {
        assert_eq!(
            parse_query("?q=compras+p%C3%BAblicas&country=PE&x=%ZZ&&flag"),
            vec![
                ("q".to_string(), "compras públicas".to_string()),
                ("country".to_string(), "PE".to_string()),
                ("x".to_string(), "%ZZ".to_string()),
                ("flag".to_string(), String::new()),
            ]
        );
        assert_eq!(parse_query(""), vec![]);
        assert_eq!(parse_query("?a=%"), vec![("a".to_string(), "%".to_string())]);
    }

    #[test]
    fn query_changes_keep_the_other_keys() {
        let cur = vec![("country".to_string(), "PE".to_string()), ("month".to_string(), "2027-03".to_string())];
        assert_eq!(
            with_query("/es/events", &cur, &[("month", Some("2027-04".into())), ("day", None)]),
            "/es/events?country=PE&month=2027-04"
        );
        assert_eq!(with_query("/es/events", &cur, &[("country", None), ("month", None)]), "/es/events");
        assert_eq!(with_query("/x", &[], &[("q", Some("a b&c".into()))]), "/x?q=a%20b%26c");
        assert_eq!(query_string([("q", "a b&c"), ("accent", "#0a0")]), "?q=a%20b%26c&accent=%230a0");
        assert_eq!(query_string([]), "");
        // The pairs a page reads before the address bar is rewritten: what that address parses to.
        let changed = changed_query(&cur, &[("month", Some("2027-04".into())), ("q", Some("a b&c".into()))]);
        assert_eq!(
            changed,
            parse_query(
                with_query("/es/events", &cur, &[("month", Some("2027-04".into())), ("q", Some("a b&c".into()))])
                    .split_once('?')
                    .unwrap()
                    .1
            )
        );
        assert_eq!(changed[0], ("country".to_string(), "PE".to_string()));
    }

    #[test]
    fn site_files_carry_the_build_and_other_sites_do_not() {
        assert_eq!(with_version("content/news.json", "ab12"), "content/news.json?v=ab12");
        assert_eq!(with_version("ocds/x.json?page=2", "ab12"), "ocds/x.json?page=2&v=ab12");
        assert_eq!(with_version("https://api.example.org/r.json", "ab12"), "https://api.example.org/r.json");
        assert_eq!(with_version("content/news.json", ""), "content/news.json");
    }
}
