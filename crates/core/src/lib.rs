//! The observatory's pure domain: what the app shows and the publishing step writes, as plain
//! Rust with no DOM and no Leptos, tested natively.
//!
//! The content model and its checks (`model`), both languages' texts and formatters (`i18n`),
//! the site's URLs and query strings (`routes`), list filters (`filter`), the search engine and
//! its index formats (`search`), calendar maths and time zones (`calendar`), charts' layout
//! (`charts`), open-contracting data and indicators (`ocds`), widget options (`widget`),
//! citations (`cite`) and the escaping of text in HTML (`markup`).

pub mod calendar;
pub mod charts;
pub mod cite;
pub mod filter;
pub mod i18n;
/// The two languages (a leaf).
pub mod lang;
pub mod markup;
pub mod model;
/// Open-contracting data and procurement indicators.
pub mod ocds;
/// The paths of every published file, for the writer and the reader alike.
pub mod published;
pub mod recent;
pub mod routes;
pub mod search;
/// Embeddable widgets: options, snippet, oEmbed (their static pages: `observatorio-publish`).
pub mod widget;

/// The repository's files that unit tests read (bundled content and OCDS samples), wherever
/// cargo runs them from.
#[cfg(test)]
pub(crate) mod testdata {
    use std::path::PathBuf;

    /// A path relative to the repository's root.
    pub fn path(rel: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
    }

    pub fn read(rel: &str) -> String {
        std::fs::read_to_string(path(rel)).unwrap()
    }

    /// A folder's files in name order, each named by its path relative to the repository.
    pub fn folder(rel: &str) -> Vec<(String, String)> {
        let mut names: Vec<_> = std::fs::read_dir(path(rel)).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        names
            .into_iter()
            .map(|n| n.to_string_lossy().into_owned())
            .map(|n| (format!("{rel}/{n}"), read(&format!("{rel}/{n}"))))
            .collect()
    }
}
