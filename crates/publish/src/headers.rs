//! The HTTP headers a static host serves the site with, written by the publishing step (native
//! only): a Content-Security-Policy with no `'unsafe-inline'` (the hashes of the inline scripts
//! and styles the build wrote), the usual security headers, caching (hashed files immutable for a
//! year, everything else revalidated) and the types hosts guess wrong (calendars, feeds,
//! manifests). One list of rules (`rules`), written in two formats: `_headers` (Netlify,
//! Cloudflare Pages), which `scripts/serve.mjs` also serves, so every browser test runs under the
//! policy a deployment has; and an nginx include (`NGINX`).

use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The headers file of Netlify and Cloudflare Pages (neither serves it as a page).
pub const NETLIFY: &str = "_headers";
/// The same rules for nginx: `include` it in the `server` block that serves the site.
pub const NGINX: &str = "headers.nginx.conf";

/// The CSP source of an inline script's or style's text: `'sha256-…'`.
pub fn source_of(text: &str) -> String {
    use base64::Engine;
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The hashes of a set of pages' inline scripts and styles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inline {
    pub scripts: BTreeSet<String>,
    pub styles: BTreeSet<String>,
}

impl Inline {
    /// Adds the inline `<script>`s (those without `src`) and `<style>`s of `html`.
    pub fn add(&mut self, html: &str) {
        for (open, text) in elements(html, "script") {
            if !open.contains(" src=") {
                self.scripts.insert(source_of(text));
            }
        }
        for (_, text) in elements(html, "style") {
            self.styles.insert(source_of(text));
        }
    }
}

/// Each `<tag …>text</tag>` of `html`: (the opening tag, the text), as the browser hashes it.
fn elements<'a>(html: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at..];
        // `<scripts…` or `<styled…` are other tags.
        if !after[open.len()..].starts_with(['>', ' ', '\t', '\n']) {
            rest = &after[open.len()..];
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        out.push((&after[..gt], &body[..end]));
        rest = &body[end + close.len()..];
    }
    out
}

/// `scheme://host[:port]` of an http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c)))
        .then(|| format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// What the rules depend on, gathered by the publishing step from what it wrote.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// The deployment base: "/" or "/sub/path/".
    pub base: String,
    /// The app's pages (and offline pages) and the widget pages.
    pub pages: Inline,
    pub widgets: Inline,
    /// Origins of the comment form services the content names (connect-src, form-action).
    pub services: BTreeSet<String>,
    /// The search index's version folder (`search/<version>/`, hashed: immutable).
    pub search_version: Option<String>,
    /// Feeds, relative to the base: `feeds/es/news.rss.xml`…
    pub feeds: Vec<String>,
}

fn joined(fixed: &[&str], more: &BTreeSet<String>) -> String {
    fixed.iter().map(|s| s.to_string()).chain(more.iter().cloned()).collect::<Vec<_>>().join(" ")
}

impl Site {
    /// The policy of the app's pages and its service worker: its own files only, wasm compiled
    /// from them, the build's inline start script and stylesheet by hash, posts only to the
    /// form services the content names, framed by nobody.
    pub fn csp(&self) -> String {
        let services = &self.services;
        [
            "default-src 'self'".to_string(),
            format!("script-src {}", joined(&["'self'", "'wasm-unsafe-eval'"], &self.pages.scripts)),
            format!("style-src {}", joined(&["'self'"], &self.pages.styles)),
            // The tab's icon is `data:` until the page is live; downloads are `blob:`.
            "img-src 'self' data: blob:".to_string(),
            format!("connect-src {}", joined(&["'self'"], services)),
            format!("form-action {}", joined(&["'self'"], services)),
            // The Embed page previews the widgets, which are ours.
            "frame-src 'self'".to_string(),
            "worker-src 'self'".to_string(),
            "manifest-src 'self'".to_string(),
            "object-src 'none'".to_string(),
            "base-uri 'self'".to_string(),
            "frame-ancestors 'none'".to_string(),
        ]
        .join("; ")
    }

    /// The widget pages' policy: no code but their own inline script, framed by any page (that is
    /// what they are for); they fetch nothing, and their only form (search) opens the site.
    pub fn widget_csp(&self) -> String {
        [
            "default-src 'none'".to_string(),
            format!("script-src {}", joined(&[], &self.widgets.scripts)),
            format!("style-src {}", joined(&[], &self.widgets.styles)),
            "img-src 'self' data:".to_string(),
            "base-uri 'self'".to_string(),
            "form-action 'self'".to_string(),
            "frame-ancestors *".to_string(),
        ]
        .join("; ")
    }

    /// Every rule, paths under the base. No header is set twice for any path (hosts join the
    /// values of rules that overlap, and two policies would both apply).
    pub fn rules(&self) -> Vec<Rule> {
        let at = |p: &str| format!("{}{p}", self.base);
        let cache = |v: &str| ("Cache-Control", v.to_string());
        let immutable = || cache("public, max-age=31536000, immutable");
        let revalidate = || cache("no-cache");
        let csp = || ("Content-Security-Policy", self.csp());
        let mut rules = vec![Rule {
            path: at("*"),
            headers: vec![
                ("X-Content-Type-Options", "nosniff".to_string()),
                ("Referrer-Policy", "strict-origin-when-cross-origin".to_string()),
                (
                    "Permissions-Policy",
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()".to_string(),
                ),
                ("Cross-Origin-Opener-Policy", "same-origin".to_string()),
            ],
        }];
        // The app's pages, the offline pages and the worker (whose own policy covers its fetches).
        for page in ["", "index.html", "404.html"] {
            rules.push(Rule { path: at(page), headers: vec![csp(), revalidate()] });
        }
        for lang in observatorio_core::lang::Lang::ALL {
            rules.push(Rule { path: at(&format!("{}/*", lang.code())), headers: vec![csp(), revalidate()] });
        }
        rules.push(Rule { path: at(observatorio_core::published::WORKER), headers: vec![csp(), revalidate()] });
        rules.push(Rule {
            path: at("widget/*"),
            headers: vec![("Content-Security-Policy", self.widget_csp()), revalidate()],
        });
        rules.push(Rule { path: at(&format!("{}*", crate::bundle::APP)), headers: vec![immutable()] });
        if let Some(v) = &self.search_version {
            rules.push(Rule { path: at(&format!("search/{v}/*")), headers: vec![immutable()] });
        }
        for lang in observatorio_core::lang::Lang::ALL {
            rules.push(Rule { path: at(&format!("search/{}/*", lang.code())), headers: vec![revalidate()] });
        }
        for dir in ["search/index.json", "content/*", "ocds/*", "oembed/*", "icons/*", "embed.js", "offline.js"] {
            rules.push(Rule { path: at(dir), headers: vec![revalidate()] });
        }
        rules.push(Rule {
            path: at("calendar/*"),
            headers: vec![("Content-Type", "text/calendar; charset=utf-8".to_string()), revalidate()],
        });
        for lang in observatorio_core::lang::Lang::ALL {
            rules.push(Rule {
                path: at(&observatorio_core::published::manifest(lang)),
                headers: vec![("Content-Type", "application/manifest+json".to_string()), revalidate()],
            });
        }
        for feed in &self.feeds {
            let kind = if feed.ends_with(".atom.xml") { "application/atom+xml" } else { "application/rss+xml" };
            rules.push(Rule {
                path: at(feed),
                headers: vec![("Content-Type", format!("{kind}; charset=utf-8")), revalidate()],
            });
        }
        rules
    }
}

/// Headers for the paths `path` matches (`*` at the end: anything below).
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
}

/// The rules as Netlify's and Cloudflare Pages' `_headers` file.
pub fn netlify(rules: &[Rule]) -> String {
    let mut out =
        String::from("# Written by the publishing step (src/headers.rs) for this build: the hashes change with it.\n");
    for r in rules {
        out.push_str(&r.path);
        out.push('\n');
        for (k, v) in &r.headers {
            out.push_str(&format!("  {k}: {v}\n"));
        }
    }
    out
}

/// The rules as an nginx include. nginx drops a server's `add_header`s in a location that has
/// its own, so each location repeats the catch-all rule's headers (the first rule).
pub fn nginx(rules: &[Rule]) -> String {
    let mut out = String::from(
        "# Written by the publishing step (src/headers.rs) for this build: include it in the server block\n\
         # that serves the site (root at the built folder). The hashes change with each build.\n",
    );
    let Some((all, rest)) = rules.split_first() else { return out };
    let line = |k: &str, v: &str| format!("add_header {k} \"{}\" always;\n", v.replace('"', "\\\""));
    for (k, v) in &all.headers {
        out.push_str(&line(k, v));
    }
    for r in rest {
        let location = match r.path.strip_suffix('*') {
            Some(prefix) => format!("location ^~ {prefix}"),
            None => format!("location = {}", r.path),
        };
        out.push_str(&format!("{location} {{\n"));
        for (k, v) in all.headers.iter().chain(&r.headers) {
            if *k == "Content-Type" {
                // nginx sets the type from the extension: this location's is set here.
                out.push_str(&format!("    types {{ }}\n    default_type \"{v}\";\n"));
            } else {
                out.push_str(&format!("    {}", line(k, v)));
            }
        }
        out.push_str("}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        let mut pages = Inline::default();
        pages.add("<html><head><style>body{}</style><script id=\"app-start\" data-js=\"a\">go()</script><script src=\"x.js\"></script></head><body><script>\nfix()\n</script></body></html>");
        let mut widgets = Inline::default();
        widgets.add("<style>.w{}</style><script>resize()</script>");
        Site {
            base: "/obs/".into(),
            pages,
            widgets,
            services: ["https://forms.example.org".to_string()].into(),
            search_version: Some("6eeedf0f".into()),
            feeds: vec!["feeds/es/news.rss.xml".into(), "feeds/en/news.atom.xml".into()],
        }
    }

    #[test]
    fn hashes_are_those_a_browser_computes() {
        // Known value: the SHA-256 of "alert('Hello, world.');", as the CSP specification's example.
        assert_eq!(source_of("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
        let s = site();
        assert_eq!(s.pages.scripts, [source_of("go()"), source_of("\nfix()\n")].into());
        assert_eq!(s.pages.styles, [source_of("body{}")].into());
        // A <scripts> or <styled> tag is not a script or a style.
        let mut other = Inline::default();
        other.add("<scripts>x</scripts><styled>y</styled>");
        assert_eq!(other, Inline::default());
    }

    #[test]
    fn the_policies_allow_only_what_the_site_uses() {
        let s = site();
        let csp = s.csp();
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'") && !csp.contains('*'));
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' {} {}",
                source_of("\nfix()\n"),
                source_of("go()")
            )) || csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' {} {}",
                source_of("go()"),
                source_of("\nfix()\n")
            ))
        );
        assert!(csp.contains("connect-src 'self' https://forms.example.org;"));
        assert!(csp.contains("form-action 'self' https://forms.example.org;"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
        let w = s.widget_csp();
        assert!(w.contains("frame-ancestors *") && w.contains(&source_of("resize()")) && !w.contains("'self' 'wasm"));
    }

    #[test]
    fn no_header_is_set_twice_for_a_path() {
        let rules = site().rules();
        assert!(rules.iter().all(|r| r.path.starts_with("/obs/")));
        let probe = [
            "/obs/",
            "/obs/es/news",
            "/obs/app/observatorio-1.js",
            "/obs/search/6eeedf0f/c/0.json",
            "/obs/search/es/first.json",
            "/obs/widget/es/news.html",
            "/obs/calendar/es/events.ics",
            "/obs/feeds/es/news.rss.xml",
            "/obs/sw.js",
            "/obs/manifest.es.webmanifest",
            "/obs/content/news.json",
        ];
        for path in probe {
            let mut names: Vec<&str> = rules
                .iter()
                .filter(|r| r.path.strip_suffix('*').map_or(r.path == path, |p| path.starts_with(p)))
                .flat_map(|r| r.headers.iter().map(|(k, _)| *k))
                .collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "{path}: {names:?}");
            assert!(names.contains(&"X-Content-Type-Options"), "{path}");
            assert!(names.contains(&"Cache-Control"), "{path}");
        }
    }

    #[test]
    fn both_formats_carry_every_rule() {
        let rules = site().rules();
        let file = netlify(&rules);
        assert!(file.contains("\n/obs/app/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(file.contains("\n/obs/feeds/en/news.atom.xml\n  Content-Type: application/atom+xml; charset=utf-8\n"));
        let conf = nginx(&rules);
        assert!(conf.contains("location ^~ /obs/app/ {\n"));
        assert!(conf.contains("location = /obs/sw.js {\n"));
        assert!(conf.contains("    default_type \"text/calendar; charset=utf-8\";\n"));
        // Each location repeats the common headers (nginx would drop them otherwise).
        let locations = conf.matches("location ").count();
        assert_eq!(conf.matches("add_header X-Content-Type-Options").count(), locations + 1);
    }

    #[test]
    fn origins() {
        assert_eq!(origin_of("https://Forms.Example.org/a/b?c").as_deref(), Some("https://forms.example.org"));
        assert_eq!(origin_of("http://localhost:8080/x").as_deref(), Some("http://localhost:8080"));
        assert_eq!(origin_of("https://user@host.org/x").as_deref(), Some("https://host.org"));
        assert_eq!(origin_of("mailto:a@b.org"), None);
        assert_eq!(origin_of("javascript://x"), None);
        assert_eq!(origin_of("https://a b/"), None);
    }
}
