//! The publishing step's input, read and checked once and passed to every writer: the
//! configuration (`Config`: the deployed address, today's date, limits, the base) and the
//! content (`Content`: each file's text, its JSON and its checked items, parsed once).

use chrono::{NaiveDate, NaiveDateTime};
use observatorio::api::Res;
use observatorio_core::model::{parse_file, ContentFile, Dataset, Document, Event, FileError, NewsItem, Site, Topic};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// The content files the publishing step reads, as editors name them.
pub const FILES: [&str; 7] =
    ["site.json", "topics.json", "news.json", "documents.json", "events.json", "datasets.json", "synonyms.json"];

/// The deployed address (sub-folder included), which absolute links start with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl {
    url: String,
    origin: Option<String>,
}

impl SiteUrl {
    pub fn new(url: &str) -> SiteUrl {
        SiteUrl { url: url.to_string(), origin: crate::headers::origin_of(url) }
    }

    /// As configured (`https://example.org/observatorio/`).
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// `https://example.org`; `None` when the address is not an http(s) one.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// The absolute URL of a site path (`/es/news` → `https://example.org/observatorio/es/news`).
    pub fn absolute(&self, path: &str) -> String {
        crate::feeds::absolute(&self.url, path)
    }
}

/// What the writers need to know besides the content.
#[derive(Clone, Debug)]
pub struct Config {
    pub site: SiteUrl,
    /// The date the build is "as of": upcoming and past events, the home page's digest.
    pub today: NaiveDate,
    /// Pages per language rendered ahead (list pages first, then the newest items); the rest
    /// are left to the app's 404.html fallback.
    pub prerender_limit: usize,
    /// The deployment base (`/`, `/observatorio/`).
    pub base: String,
}

impl Config {
    /// The configuration of a build as of `today` for `site` at the root, with the default
    /// limit.
    pub fn new(site: &str, today: NaiveDate) -> Config {
        Config { site: SiteUrl::new(site), today, prerender_limit: 5_000, base: "/".into() }
    }

    /// The calendar files' stamp: the build's day at midnight.
    pub fn stamp(&self) -> NaiveDateTime {
        self.today.and_hms_opt(0, 0, 0).unwrap_or_default()
    }
}

/// The content, parsed once: each file's text as the editor wrote it, its JSON (writers that
/// keep the editor's JSON of an item read it) and its checked items.
pub struct Content {
    texts: HashMap<String, String>,
    json: HashMap<String, Value>,
    pub site: Res<Site>,
    pub topics: Res<Topic>,
    pub news: Res<NewsItem>,
    pub documents: Res<Document>,
    pub events: Res<Event>,
    pub datasets: Res<Dataset>,
    /// The field's synonyms for the search index (none when the file is missing or bad).
    pub synonyms: observatorio_core::search::synonyms::Synonyms,
}

fn parsed<T: ContentFile>(texts: &HashMap<String, String>) -> Res<T> {
    match texts.get(T::FILE) {
        Some(t) => parse_file::<T>(t).map(Arc::new),
        None => Err(FileError::Http { file: T::FILE.into(), status: 404 }),
    }
}

impl Content {
    /// From the files' texts (file name → text); a missing file is a 404 of its own.
    pub fn from_texts(texts: HashMap<String, String>) -> Content {
        let json =
            texts.iter().filter_map(|(n, t)| Some((n.clone(), serde_json::from_str::<Value>(t).ok()?))).collect();
        Content {
            site: parsed(&texts),
            topics: parsed(&texts),
            news: parsed(&texts),
            documents: parsed(&texts),
            events: parsed(&texts),
            datasets: parsed(&texts),
            synonyms: texts
                .get(observatorio_core::search::synonyms::FILE)
                .map(|t| observatorio_core::search::synonyms::Synonyms::parse(t).0)
                .unwrap_or_default(),
            json,
            texts,
        }
    }

    /// With a dataset the publishing step computed (the members' procurement comparison) first
    /// in `datasets.json`, as if an editor had written it there; unchanged when that file is
    /// missing or not a valid datasets file (its problems are the editor's to fix, and are
    /// reported as they are).
    pub fn with_dataset(self, d: &observatorio_core::model::Dataset) -> Content {
        let file = <observatorio_core::model::Dataset as ContentFile>::FILE;
        if self.datasets.is_err() {
            return self;
        }
        let Some(Value::Object(mut root)) = self.json.get(file).cloned() else { return self };
        let Some(Value::Array(list)) = root.get_mut("datasets") else { return self };
        list.retain(|x| x.get("id").and_then(Value::as_str) != Some(d.id.as_str()));
        list.insert(0, observatorio_core::model::dataset_json(d));
        let mut texts = self.texts;
        texts.insert(file.to_string(), Value::Object(root).to_string());
        Content::from_texts(texts)
    }

    /// Reads the content folder's files (those that cannot be read are missing).
    pub fn read(dir: &Path) -> Content {
        let texts = FILES
            .iter()
            .filter_map(|name| Some((name.to_string(), std::fs::read_to_string(dir.join(name)).ok()?)))
            .collect();
        Content::from_texts(texts)
    }

    /// A file's text, when it could be read.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.texts.get(file).map(String::as_str)
    }

    /// A file's JSON, when it is JSON.
    pub fn json(&self, file: &str) -> Option<&Value> {
        self.json.get(file)
    }

    /// The checked items of a kind (none when its file is missing or cannot be read).
    pub fn items<T: InContent>(&self) -> &[T] {
        T::of(self).as_ref().map(|l| l.items.as_slice()).unwrap_or(&[])
    }
}

/// A kind of content, found in `Content`.
pub trait InContent: ContentFile + Sized {
    fn of(c: &Content) -> &Res<Self>;
}

macro_rules! in_content {
    ($($t:ty => $field:ident),*) => {
        $(impl InContent for $t {
            fn of(c: &Content) -> &Res<Self> {
                &c.$field
            }
        })*
    };
}
in_content!(Site => site, Topic => topics, NewsItem => news, Document => documents, Event => events, Dataset => datasets);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_once_and_missing_files_are_their_own_error() {
        let c = Content::from_texts(HashMap::from([
            ("news.json".to_string(), r#"{"format":1,"news":[]}"#.to_string()),
            ("events.json".to_string(), "{ not json".to_string()),
        ]));
        assert!(c.news.is_ok() && c.items::<NewsItem>().is_empty());
        assert!(matches!(c.events, Err(FileError::Invalid(_))) && c.json("events.json").is_none());
        assert_eq!(c.text("events.json"), Some("{ not json"));
        assert!(matches!(&c.topics, Err(FileError::Http { status: 404, .. })));
        let cfg = Config::new("https://example.org/obs/", NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(cfg.site.origin(), Some("https://example.org"));
        assert_eq!(cfg.site.absolute("/es/news"), "https://example.org/obs/es/news");
        assert_eq!(SiteUrl::new("ftp://example.org").origin(), None);
    }
}
