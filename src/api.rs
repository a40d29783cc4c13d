//! Fetching content files. Each file is its own resource, so a missing or broken file only
//! affects the sections that show it.

use crate::model::{parse_file, ContentFile, Dataset, Document, Event, FileError, Loaded, NewsItem, Site, Topic};
use leptos::prelude::*;
use std::sync::Arc;

/// One file's outcome, cheap to clone into views.
pub type Res<T> = Result<Arc<Loaded<T>>, FileError>;

/// Fetches `content/<file>` relative to the document's base URL, so a sub-path deployment works.
pub async fn fetch_file<T: ContentFile>() -> Res<T> {
    let url = format!("content/{}", T::FILE);
    let network = |e: gloo_net::Error| FileError::Network { file: T::FILE.to_string(), detail: e.to_string() };
    let resp = gloo_net::http::Request::get(&url).send().await.map_err(network)?;
    if !resp.ok() {
        return Err(FileError::Http { file: T::FILE.to_string(), status: resp.status() });
    }
    let text = resp.text().await.map_err(network)?;
    parse_file::<T>(&text).map(Arc::new)
}

/// Every content file, loaded once per visit and shared by all pages.
#[derive(Clone, Copy)]
pub struct Store {
    pub site: LocalResource<Res<Site>>,
    pub topics: LocalResource<Res<Topic>>,
    pub news: LocalResource<Res<NewsItem>>,
    pub documents: LocalResource<Res<Document>>,
    pub events: LocalResource<Res<Event>>,
    pub datasets: LocalResource<Res<Dataset>>,
}

impl Store {
    pub fn new() -> Self {
        Store {
            site: LocalResource::new(fetch_file::<Site>),
            topics: LocalResource::new(fetch_file::<Topic>),
            news: LocalResource::new(fetch_file::<NewsItem>),
            documents: LocalResource::new(fetch_file::<Document>),
            events: LocalResource::new(fetch_file::<Event>),
            datasets: LocalResource::new(fetch_file::<Dataset>),
        }
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_store() -> Store {
    use_context::<Store>().unwrap_or_default()
}

/// Topics when they have loaded, for labels and filter options; empty otherwise (never blocks).
pub fn topics_now(store: Store) -> Vec<Topic> {
    match store.topics.get() {
        Some(Ok(l)) => l.items.clone(),
        _ => Vec::new(),
    }
}
