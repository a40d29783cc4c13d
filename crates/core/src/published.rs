//! The layout of the published files: every path the publishing step writes and the app (or a
//! page's links) reads, relative to the deployment's base. The writer and the reader both call
//! these functions, so they cannot drift apart; `tests::round_trip` walks every kind.
//!
//! Ids come checked (`model::is_valid_id`): a path never holds a slash or a dot-dot.

use crate::lang::Lang;
use crate::model::Country;

/// The full content files, as editors write them (`content/news.json`).
pub const CONTENT: &str = "content/";

/// A full content file (`news.json` → `content/news.json`).
pub fn content_file(file: &str) -> String {
    format!("{CONTENT}{file}")
}

/// The home page's digest of a content file: its format, only what the home page shows.
pub fn home_file(file: &str) -> String {
    format!("{CONTENT}home/{file}")
}

/// One item's own file, in the format of the full file with that one item
/// (`news.json`, `lanzamiento` → `content/items/news/lanzamiento.json`).
pub fn item_file(file: &str, id: &str) -> String {
    format!("{CONTENT}items/{}/{id}.json", file.trim_end_matches(".json"))
}

/// A paged list's index (`content/lists/news.json`): what its filters read.
pub fn list_index(key: &str) -> String {
    format!("{CONTENT}lists/{key}.json")
}

/// A paged list's page `n` (`content/lists/news/0.json`).
pub fn list_page(key: &str, n: usize) -> String {
    format!("{CONTENT}lists/{key}/{n}.json")
}

/// A path under `content/` as the editor knows the file (`lists/news.json`), for messages.
pub fn as_editor_names(path: &str) -> &str {
    path.strip_prefix(CONTENT).unwrap_or(path)
}

/// The search index's parts (see `search::ship`): the index names the build's version `v`;
/// the other parts live in a folder per version, so a new build replaces them whole.
pub mod search {
    use crate::lang::Lang;

    pub const ROOT: &str = "search/";

    pub fn index() -> String {
        format!("{ROOT}index.json")
    }
    /// The suggestions shown before a first letter is typed (not versioned: read at once).
    pub fn first(lang: Lang) -> String {
        format!("{ROOT}{}/first.json", lang.code())
    }
    /// The suggestions of words starting with one initial (its file name: `search::ship`).
    pub fn initial(v: &str, lang: Lang, name: &str) -> String {
        format!("{ROOT}{v}/{}/p/{name}.json", lang.code())
    }
    /// A part of the vocabulary (its file name: `search::ship::file_name`).
    pub fn vocab(v: &str, name: &str) -> String {
        format!("{ROOT}{v}/w/{name}.json")
    }
    /// A chunk of postings.
    pub fn chunk(v: &str, i: usize) -> String {
        format!("{ROOT}{v}/c/{i}.json")
    }
    pub fn facets(v: &str) -> String {
        format!("{ROOT}{v}/facets.json")
    }
    /// A document's file (what a result shows).
    pub fn doc(v: &str, n: usize) -> String {
        format!("{ROOT}{v}/d/{n}.json")
    }
    /// The folder of one version's parts.
    pub fn version_dir(v: &str) -> String {
        format!("{ROOT}{v}/")
    }
}

/// The open-contracting data: the manifest of sources the indicators page reads first, and each
/// source's digest and the details (ocids, titles) only a list of processes needs.
pub mod ocds {
    pub const MANIFEST: &str = "ocds/manifest.json";

    pub fn digest(source: &str) -> String {
        format!("ocds/digest/{source}.json")
    }
    pub fn details(source: &str) -> String {
        format!("ocds/digest/{source}.details.json")
    }
}

/// A news feed (RSS or Atom) of a language, all members or one.
pub fn news_feed(lang: Lang, country: Option<Country>, atom: bool) -> String {
    let ext = if atom { "atom" } else { "rss" };
    match country {
        None => format!("feeds/{}/news.{ext}.xml", lang.code()),
        Some(c) => format!("feeds/{}/news-{}.{ext}.xml", lang.code(), c.code().to_ascii_lowercase()),
    }
}

/// A language's calendar of events (iCalendar), all members or one.
pub fn events_calendar(lang: Lang, country: Option<Country>) -> String {
    match country {
        None => format!("calendar/{}/events.ics", lang.code()),
        Some(c) => format!("calendar/{}/events-{}.ics", lang.code(), c.code().to_ascii_lowercase()),
    }
}

/// One event's calendar file.
pub fn event_calendar(lang: Lang, id: &str) -> String {
    format!("calendar/{}/{id}.ics", lang.code())
}

/// The service worker, at the deployment's root (registered once per language, each scoped to
/// that language's pages).
pub const WORKER: &str = "sw.js";

/// A language's offline page.
pub fn offline_page(lang: Lang) -> String {
    format!("{}/offline.html", lang.code())
}

/// A link to it from the app. The page is static (no app): links carry `rel="external"`, so
/// the router lets the browser load it.
pub fn offline_href(lang: Lang) -> String {
    crate::routes::href(&format!("/{}", offline_page(lang)))
}

/// A language's web app manifest.
pub fn manifest(lang: Lang) -> String {
    format!("manifest.{}.webmanifest", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of path: what each writer names, each reader finds, and neither can mistake
    /// for another kind.
    #[test]
    fn round_trip() {
        let all = [
            content_file("news.json"),
            home_file("news.json"),
            item_file("news.json", "lanzamiento"),
            list_index("news"),
            list_page("news", 0),
            search::index(),
            search::first(Lang::Es),
            search::initial("v1", Lang::En, "x61"),
            search::vocab("v1", "x61"),
            search::chunk("v1", 3),
            search::facets("v1"),
            search::doc("v1", 7),
            ocds::MANIFEST.to_string(),
            ocds::digest("peru"),
            ocds::details("peru"),
            news_feed(Lang::Es, None, false),
            news_feed(Lang::En, Some(Country::Pe), true),
            events_calendar(Lang::Es, None),
            events_calendar(Lang::En, Some(Country::Cl)),
            event_calendar(Lang::Es, "foro"),
            WORKER.to_string(),
            offline_page(Lang::En),
            manifest(Lang::Es),
        ];
        let expected = [
            "content/news.json",
            "content/home/news.json",
            "content/items/news/lanzamiento.json",
            "content/lists/news.json",
            "content/lists/news/0.json",
            "search/index.json",
            "search/es/first.json",
            "search/v1/en/p/x61.json",
            "search/v1/w/x61.json",
            "search/v1/c/3.json",
            "search/v1/facets.json",
            "search/v1/d/7.json",
            "ocds/manifest.json",
            "ocds/digest/peru.json",
            "ocds/digest/peru.details.json",
            "feeds/es/news.rss.xml",
            "feeds/en/news-pe.atom.xml",
            "calendar/es/events.ics",
            "calendar/en/events-cl.ics",
            "calendar/es/foro.ics",
            "sw.js",
            "en/offline.html",
            "manifest.es.webmanifest",
        ];
        assert_eq!(all.to_vec(), expected.map(String::from).to_vec());
        // Distinct, relative (the base is added by the reader), and every part of a version in
        // its folder.
        let unique: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        assert!(all.iter().all(|p| !p.starts_with('/') && !p.contains("//")));
        for p in [
            search::initial("v1", Lang::Es, "a"),
            search::vocab("v1", "a"),
            search::chunk("v1", 0),
            search::doc("v1", 0),
        ] {
            assert!(p.starts_with(&search::version_dir("v1")), "{p}");
        }
        assert_eq!(as_editor_names(&list_index("events")), "lists/events.json");
        assert_eq!(offline_href(Lang::Es), crate::routes::href("/es/offline.html"));
    }
}
