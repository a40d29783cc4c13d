//! Fetching content files. Each file is its own resource, so a missing or broken file only
//! affects the sections that show it.
//!
//! Only the download is asynchronous (one future type for every file); parsing and checking run
//! synchronously in a memo per file. Measured: a `Suspend` per file kind and call site made the
//! async state machines over 100 KB of the wasm.

use leptos::prelude::*;
use observatorio_core::model::list::{Facets, ListIndex, Listed};
use observatorio_core::model::{
    parse_file, ContentFile, Dataset, Document, Event, FileError, Loaded, NewsItem, Site, Topic,
};
use observatorio_core::published;
use std::sync::Arc;

/// The full content files and the home page's digest of them (written by the publishing step).
const FULL: fn(&str) -> String = published::content_file;
const HOME: fn(&str) -> String = published::home_file;

/// One file's outcome, cheap to clone into views.
pub type Res<T> = Result<Arc<Loaded<T>>, FileError>;

/// Fetches `path` (under `content/`) relative to the document's base URL, so a sub-path
/// deployment works; errors name `file`. With `or_full`, a file written by the publishing step in
/// place of part of `file`, in its format (the home page's digest, an item's own file), that is
/// missing falls back to the full `file`. A list's index and page files have other formats and
/// positions of their own: they never do.
async fn fetch_text(path: String, file: &'static str, or_full: bool) -> Result<Arc<str>, FileError> {
    use crate::http::{get_text, Fresh, HttpError};
    let full = published::content_file(file);
    let cap = |p: &str| Some(observatorio_core::model::size_cap(p));
    let mut got = get_text(&path, Fresh::OfBuild, cap(&path)).await;
    let mut path = path;
    if or_full && matches!(got, Err(HttpError::Status(404))) && path != full {
        got = get_text(&full, Fresh::OfBuild, cap(&full)).await;
        path = full;
    }
    got.map(Arc::from).map_err(|e| match e {
        HttpError::Network(detail) => FileError::Network { file: file.to_string(), detail },
        HttpError::Status(status) => FileError::Http { file: file.to_string(), status },
        // Over its cap, a file is named in the section's error by its own path
        // (`lists/events.json`), the file the editor would look at.
        HttpError::TooLarge { bytes, cap } => {
            FileError::TooLarge { file: published::as_editor_names(&path).to_string(), bytes, cap }
        }
    })
}

/// One item's own file (see `published::item_file`), or the full file when the id could not be
/// a file name (the page then says "not found").
#[cfg(target_arch = "wasm32")]
pub fn item_path(file: &str, id: &str) -> String {
    if observatorio_core::model::is_valid_id(id) {
        published::item_file(file, id)
    } else {
        published::content_file(file)
    }
}

/// A content file: its download and its checked items (`None` while loading).
pub struct File<T: Send + Sync + 'static> {
    /// Set by the first view that needs the file: a page downloads only what it shows.
    wanted: RwSignal<bool>,
    raw: LocalResource<Option<Result<Arc<str>, FileError>>>,
    pub parsed: Memo<Option<Res<T>>>,
}

impl<T: Send + Sync + 'static> Clone for File<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for File<T> {}

impl<T: ContentFile + PartialEq + Send + Sync + 'static> File<T> {
    fn load(path_of: fn(&str) -> String) -> Self {
        let wanted = RwSignal::new(false);
        let raw = LocalResource::new(move || {
            let wanted = wanted.get();
            async move {
                if wanted {
                    Some(fetch_text(path_of(T::FILE), T::FILE, true).await)
                } else {
                    None
                }
            }
        });
        let parsed =
            Memo::new(move |_| raw.get().flatten().map(|r| r.and_then(|text| parse_file::<T>(&text).map(Arc::new))));
        File { wanted, raw, parsed }
    }
}

impl<T: Stored> File<T> {
    /// The file of the item named by `id` (an item page's): downloaded again when `id` changes.
    #[cfg(target_arch = "wasm32")]
    pub fn item(id: Memo<String>) -> Self {
        let wanted = RwSignal::new(true);
        let raw = LocalResource::new(move || {
            let id = id.get();
            async move { Some(fetch_text(item_path(T::FILE, &id), T::FILE, true).await) }
        });
        let parsed =
            Memo::new(move |_| raw.get().flatten().map(|r| r.and_then(|text| parse_file::<T>(&text).map(Arc::new))));
        File { wanted, raw, parsed }
    }

    /// When rendering first views at build time, the item comes from the store's full file.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn item(_id: Memo<String>) -> Self {
        T::in_store(&use_store())
    }
}

impl<T: ContentFile + PartialEq + Send + Sync + 'static> File<T> {
    /// A file whose outcome is already known: the publishing step renders first views with it
    /// (nothing is downloaded).
    pub fn ready(res: Res<T>) -> Self {
        let wanted = RwSignal::new(true);
        let raw = LocalResource::new(|| async { None });
        let parsed = Memo::new(move |_| Some(res.clone()));
        File { wanted, raw, parsed }
    }
}

/// Item kinds with a page of their own, and where the store keeps their full file.
pub trait Stored: ContentFile + PartialEq + Send + Sync + 'static {
    fn in_store(store: &Store) -> File<Self>;
}

impl Stored for NewsItem {
    fn in_store(store: &Store) -> File<Self> {
        store.news
    }
}
impl Stored for Document {
    fn in_store(store: &Store) -> File<Self> {
        store.documents()
    }
}
impl Stored for Event {
    fn in_store(store: &Store) -> File<Self> {
        store.events
    }
}

impl<T: Send + Sync + 'static> File<T> {
    /// Starts the download if no view has asked for this file yet.
    pub fn request(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// Downloads the file again (the retry button).
    pub fn retry(&self) {
        self.raw.refetch();
    }

    /// The items once loaded; empty while loading or on error (for labels and filter options).
    pub fn items_now(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.request();
        match self.parsed.get() {
            Some(Ok(l)) => l.items.clone(),
            _ => Vec::new(),
        }
    }
}

/// A long list as a page reads it: the index of its filters' columns with the items fetched a
/// page file at a time (`Paged`), or the full file (`Full`: no index published, or when first
/// views are rendered at build time). Both show the same items in the same order.
pub enum Rows<T: Listed> {
    Full(Arc<Loaded<T>>),
    Paged(Arc<T::Index>),
}

impl<T: Listed> Clone for Rows<T> {
    fn clone(&self) -> Self {
        match self {
            Rows::Full(l) => Rows::Full(l.clone()),
            Rows::Paged(ix) => Rows::Paged(ix.clone()),
        }
    }
}

impl<T: Listed> PartialEq for Rows<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Rows::Full(a), Rows::Full(b)) => Arc::ptr_eq(a, b),
            (Rows::Paged(a), Rows::Paged(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl<T: Facets + Listed<Index = ListIndex>> Rows<T> {
    /// Positions of the items `keep` accepts, in order.
    pub fn positions(&self, keep: impl Fn(&dyn Facets) -> bool) -> Vec<usize> {
        match self {
            Rows::Full(l) => l.items.iter().enumerate().filter(|(_, x)| keep(*x)).map(|(i, _)| i).collect(),
            Rows::Paged(ix) => (0..ix.rows.len()).filter(|&i| ix.row(i).is_some_and(|r| keep(&r))).collect(),
        }
    }

    /// Every item's year (for the year filter's options).
    pub fn years(&self) -> Vec<i32> {
        match self {
            Rows::Full(l) => l.items.iter().map(Facets::year).collect(),
            Rows::Paged(ix) => ix.rows.iter().map(|r| r.year).collect(),
        }
    }
}

/// A list's index being loaded: `None` until asked for and downloaded.
type IndexResource<I> = LocalResource<Option<Result<Option<Arc<I>>, FileError>>>;

/// A list (news, documents): its index when published, else its full file; page files are
/// fetched as the items they hold are shown, each once.
pub struct ListFile<T: Listed + Send + Sync + 'static> {
    wanted: RwSignal<bool>,
    /// The parsed index; `Ok(None)` when there is none to use (missing or damaged).
    raw: IndexResource<T::Index>,
    /// The full file, read when there is no usable index.
    full: File<T>,
    pub rows: Memo<Option<Result<Rows<T>, FileError>>>,
    /// Page files by number: `None` while loading.
    pages: RwSignal<std::collections::HashMap<usize, Option<Res<T>>>>,
}

impl<T: Listed + Send + Sync + 'static> Clone for ListFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Listed + Send + Sync + 'static> Copy for ListFile<T> {}

impl<T: Listed + Clone + PartialEq + Send + Sync + 'static> ListFile<T> {
    fn load(full: File<T>) -> Self {
        let wanted = RwSignal::new(false);
        let raw = LocalResource::new(move || {
            let wanted = wanted.get();
            async move {
                if !wanted {
                    return None;
                }
                let index = match fetch_text(published::list_index(T::KEY), T::FILE, false).await {
                    Ok(text) => T::parse_index(&text).ok().map(Arc::new),
                    Err(FileError::Http { status: 404, .. }) => None,
                    Err(e) => return Some(Err(e)),
                };
                // No index (an older build), or a damaged one: the full file, as before.
                if index.is_none() {
                    full.request();
                }
                Some(Ok(index))
            }
        });
        let rows = Memo::new(move |_| match raw.get().flatten()? {
            Ok(Some(ix)) => Some(Ok(Rows::Paged(ix))),
            Ok(None) => full.parsed.get().map(|r| r.map(Rows::Full)),
            Err(e) => Some(Err(e)),
        });
        ListFile { wanted, raw, full, rows, pages: RwSignal::new(Default::default()) }
    }

    /// A list whose items are already loaded (first views rendered at build time).
    fn ready(full: File<T>) -> Self {
        let rows = Memo::new(move |_| full.parsed.get().map(|r| r.map(Rows::Full)));
        let raw = LocalResource::new(|| async { None });
        ListFile { wanted: RwSignal::new(true), raw, full, rows, pages: RwSignal::new(Default::default()) }
    }

    /// Starts the download if no view has asked for this list yet.
    pub fn request(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    pub fn retry(&self) {
        self.raw.refetch();
        self.full.retry();
    }

    /// The item at `position`: at once from the full file, else from its page file (fetched on
    /// first need). `None` while its page loads.
    pub fn item(&self, rows: &Rows<T>, position: usize) -> Option<Result<T, FileError>> {
        let (n, at) = ListIndex::page_of(position);
        let page = match rows {
            Rows::Full(l) => return l.items.get(position).cloned().map(Ok),
            Rows::Paged(_) => self.page(n)?,
        };
        Some(page.and_then(|p| {
            p.items.get(at).cloned().ok_or(FileError::Http {
                file: published::as_editor_names(&published::list_page(T::KEY, n)).to_string(),
                status: 404,
            })
        }))
    }

    fn page(&self, n: usize) -> Option<Res<T>> {
        if let Some(state) = self.pages.with(|m| m.get(&n).cloned()) {
            return state;
        }
        // Marked as loading without redrawing; the download's answer redraws.
        self.pages.update_untracked(|m| {
            m.insert(n, None);
        });
        let pages = self.pages;
        leptos::task::spawn_local(async move {
            let path = published::list_page(T::KEY, n);
            let res = fetch_text(path, T::FILE, false).await.and_then(|text| parse_file::<T>(&text).map(Arc::new));
            pages.update(|m| {
                m.insert(n, Some(res));
            });
        });
        None
    }

    /// Downloads the page holding `position` again (its retry button).
    pub fn retry_item(&self, position: usize) {
        let (n, _) = ListIndex::page_of(position);
        self.pages.update(|m| {
            m.remove(&n);
        });
    }
}

/// Every content file, loaded once per visit and shared by all pages.
#[derive(Clone, Copy)]
pub struct Store {
    pub site: File<Site>,
    pub topics: File<Topic>,
    pub news: File<NewsItem>,
    pub events: File<Event>,
    pub datasets: File<Dataset>,
    /// The home page's digest: the same formats, only the items the home page shows.
    pub home: Home,
    /// What only routes in chunks read, made the first time one asks (see `later`).
    later: StoredValue<Option<Later>>,
}

/// The documents file and the long lists: made on first use, by the code of the routes that
/// read them, so that their loading and parsing code is in those routes' chunks, not in the
/// main module (see `chunks`).
#[derive(Clone, Copy)]
struct Later {
    documents: File<Document>,
    lists: Lists,
}

#[derive(Clone, Copy)]
pub struct Lists {
    pub news: ListFile<NewsItem>,
    pub documents: ListFile<Document>,
    pub events: ListFile<Event>,
}

#[derive(Clone, Copy)]
pub struct Home {
    pub site: File<Site>,
    pub topics: File<Topic>,
    pub news: File<NewsItem>,
    pub events: File<Event>,
    pub datasets: File<Dataset>,
}

impl Store {
    pub fn new() -> Self {
        let (topics, news, events, datasets) = (File::load(FULL), File::load(FULL), File::load(FULL), File::load(FULL));
        Store {
            site: File::load(FULL),
            topics,
            news,
            events,
            datasets,
            home: Home {
                site: File::load(HOME),
                topics: File::load(HOME),
                news: File::load(HOME),
                events: File::load(HOME),
                datasets: File::load(HOME),
            },
            later: StoredValue::new(None),
        }
    }

    /// The long lists (news, documents), a page at a time.
    pub fn lists(&self) -> Lists {
        self.later().lists
    }

    /// The full documents file.
    pub fn documents(&self) -> File<Document> {
        self.later().documents
    }

    fn later(&self) -> Later {
        if let Some(later) = self.later.get_value() {
            return later;
        }
        // Under the app's root owner: the files stay for the whole visit, whichever page asked.
        let (news, events) = (self.news, self.events);
        let make = move || {
            let documents = File::load(FULL);
            let lists = Lists {
                news: ListFile::load(news),
                documents: ListFile::load(documents),
                events: ListFile::load(events),
            };
            Later { documents, lists }
        };
        let later = match crate::context::root_owner() {
            Some(root) => root.with(make),
            None => make(),
        };
        self.later.set_value(Some(later));
        later
    }
}

/// Every file's outcome, known in advance: the publishing step renders each page's first view
/// from it (see `app::render_first_view`).
#[derive(Clone)]
pub struct Preset {
    pub site: Res<Site>,
    pub topics: Res<Topic>,
    pub news: Res<NewsItem>,
    pub documents: Res<Document>,
    pub events: Res<Event>,
    pub datasets: Res<Dataset>,
}

impl Store {
    /// A store whose files are already loaded; the home page's digest is the full files (the
    /// home page shows the same first items of either).
    pub fn preset(p: Preset) -> Self {
        let (news, documents, events) =
            (File::ready(p.news.clone()), File::ready(p.documents), File::ready(p.events.clone()));
        let lists = Lists {
            news: ListFile::ready(news),
            documents: ListFile::ready(documents),
            events: ListFile::ready(events),
        };
        Store {
            site: File::ready(p.site.clone()),
            topics: File::ready(p.topics.clone()),
            news,
            events,
            datasets: File::ready(p.datasets.clone()),
            later: StoredValue::new(Some(Later { documents, lists })),
            home: Home {
                site: File::ready(p.site),
                topics: File::ready(p.topics),
                news: File::ready(p.news),
                events: File::ready(p.events),
                datasets: File::ready(p.datasets),
            },
        }
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

/// Where the visit's store is kept (a context): made on first use by the routes that read
/// content (see `app::routed`), or preset when first views are rendered at build time.
#[derive(Clone, Copy)]
pub struct StoreCell(pub StoredValue<Option<Store>>);

/// The visit's content files, made on first use under the app's root owner (they last the
/// whole visit, whichever page asked).
pub fn use_store() -> Store {
    let Some(cell) = use_context::<StoreCell>() else { return Store::new() };
    if let Some(store) = cell.0.get_value() {
        return store;
    }
    let store = match crate::context::root_owner() {
        Some(root) => root.with(Store::new),
        None => Store::new(),
    };
    cell.0.set_value(Some(store));
    store
}

/// Topics when they have loaded, for labels and filter options; empty otherwise (never blocks).
pub fn topics_now(store: Store) -> Vec<Topic> {
    store.topics.items_now()
}
