//! Code loaded per route. The views of the heavier routes are compiled into wasm chunks of their
//! own (the build splits cargo's output with `wasm-split-cli`, see `scripts/build.sh`): a page
//! downloads the shell (router, layout, content model, the home, news and documents views) and
//! the chunk of its own route, fetched the first time the route is shown and never twice.
//!
//! Each chunk's entry point is a `wasm_split` function that builds its route's view. It is
//! declared `fallible`: a chunk that cannot be loaded (network, a redeploy that removed it) is an
//! error the route shows with a retry button, never a panic. Natively (first views rendered at
//! build time) the same functions are plain calls.

use crate::search_loader::SearchCell;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use observatorio_core::lang::Lang;
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// A chunk of the app's code, loaded on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chunk {
    /// The content's routes: the home, news, documents, events (agenda, month grid, an event's
    /// times and comment form), datasets and their charts, the thematic areas, About. They share
    /// most of their code (the content files, their loading, lists, cards, filters): one chunk
    /// costs fewer requests and bytes than several that would share most of it (BENCHMARKS.md).
    /// A page landing on a route that only shows content (the home, a news item, About, the
    /// areas' index) keeps its static first view and does not need this chunk to go live (see
    /// `takeover`); in-app navigation to them does.
    Content,
    /// Open-contracting indicators (the OCDS reading code).
    Indicators,
    /// A buyer's or supplier's profile opened from a link, read from its published file (see
    /// `pages::indicators::published`): a small part of the indicators' code.
    Profile,
    /// The search results page.
    Search,
    /// The Embed page (widget options, snippets, previews).
    Embed,
}

impl Chunk {
    /// Its name in the build (`#[wasm_split(name)]` below; `build.json` lists each one's files).
    pub fn name(self) -> &'static str {
        match self {
            Chunk::Content => "content",
            Chunk::Indicators => "indicators",
            Chunk::Profile => "profile",
            Chunk::Search => "search",
            Chunk::Embed => "embed",
        }
    }
}

/// The route a chunk draws (a chunk may hold several).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Home,
    NewsItem,
    About,
    Info,
    Topics,
    News,
    Documents,
    Document,
    Events,
    Event,
    Data,
    Dataset,
    Topic,
    Indicators,
    /// The indicators page opened at a profile before the indicators' chunk is loaded (chosen
    /// by the route from the URL's query, see `app`; `of` never gives it).
    Profile,
    Search,
    Embed,
}

impl View {
    /// The route that draws `page`.
    pub fn of(page: &observatorio_core::routes::Page) -> View {
        use observatorio_core::routes::Page;
        match page {
            Page::Home => View::Home,
            Page::Topics => View::Topics,
            Page::Topic(_) => View::Topic,
            Page::News => View::News,
            Page::NewsItem(_) => View::NewsItem,
            Page::Documents => View::Documents,
            Page::Document(_) => View::Document,
            Page::Events => View::Events,
            Page::Event(_) => View::Event,
            Page::Data => View::Data,
            Page::Dataset(_) => View::Dataset,
            Page::About => View::About,
            Page::Info(_) => View::Info,
            Page::Search => View::Search,
            Page::Embed => View::Embed,
            Page::Indicators(_) => View::Indicators,
        }
    }

    pub fn chunk(self) -> Chunk {
        match self {
            View::Home | View::NewsItem | View::About | View::Topics | View::Topic => Chunk::Content,
            View::News | View::Documents | View::Document | View::Events | View::Event => Chunk::Content,
            View::Data | View::Dataset | View::Info => Chunk::Content,
            View::Indicators => Chunk::Indicators,
            View::Profile => Chunk::Profile,
            View::Search => Chunk::Search,
            View::Embed => Chunk::Embed,
        }
    }

    /// Whether a page landing on this route keeps its static first view (see `takeover`).
    pub fn keeps_first_view(self) -> bool {
        matches!(self, View::Home | View::NewsItem | View::About | View::Topics)
    }

    /// The section's name, the heading of its skeleton while the chunk loads.
    pub fn section(self, lang: Lang) -> &'static str {
        let t = lang.t();
        match self {
            View::Home => t.home,
            View::NewsItem | View::News => t.news,
            View::About | View::Info => t.about,
            View::Documents | View::Document => t.documents,
            View::Topics => t.topics,
            View::Events | View::Event => t.events,
            View::Data | View::Dataset => t.data,
            View::Topic => t.topics,
            View::Indicators | View::Profile => t.indicators,
            View::Search => t.search,
            View::Embed => t.embed,
        }
    }
}

/// A chunk that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<SplitLoaderError> for ChunkError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkError
    }
}

type Built = Result<AnyView, ChunkError>;

#[wasm_split(content, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_content))]
fn content_view(view: View) -> Built {
    use crate::pages::*;
    Ok(match view {
        View::NewsItem => view! { <NewsItemPage /> }.into_any(),
        View::About => view! { <AboutPage /> }.into_any(),
        View::Info => view! { <InfoPage /> }.into_any(),
        View::Topics => view! { <TopicsPage /> }.into_any(),
        View::News => view! { <NewsListPage /> }.into_any(),
        View::Documents => view! { <DocumentsPage /> }.into_any(),
        View::Document => view! { <DocumentPage /> }.into_any(),
        View::Events => view! { <EventsPage /> }.into_any(),
        View::Event => view! { <EventPage /> }.into_any(),
        View::Data => view! { <DataPage /> }.into_any(),
        View::Dataset => view! { <DatasetPage /> }.into_any(),
        View::Topic => view! { <TopicPage /> }.into_any(),
        _ => view! { <HomePage /> }.into_any(),
    })
}

#[wasm_split(indicators, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_indicators))]
fn indicators_view(_view: View) -> Built {
    Ok(view! { <crate::pages::IndicatorsPage /> }.into_any())
}

#[wasm_split(profile, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_profile))]
fn profile_view(_view: View) -> Built {
    Ok(view! { <crate::pages::ProfilePage /> }.into_any())
}

#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_search))]
fn search_view(_view: View) -> Built {
    Ok(view! { <crate::pages::SearchPage /> }.into_any())
}

/// The search box's suggestions for `typed` (see `search_loader::box_suggestions`); `None` if the
/// search chunk is not loaded.
#[allow(clippy::type_complexity)]
pub fn suggestions(
    cell: SearchCell,
    lang: Lang,
    typed: String,
) -> Option<(Vec<(String, observatorio_core::search::Kind, Vec<observatorio_core::search::engine::Segment>)>, bool)> {
    now(search_suggestions(cell, lang, typed)).and_then(Result::ok)
}

#[allow(clippy::type_complexity)]
#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_search_suggestions))]
fn search_suggestions(
    cell: SearchCell,
    lang: Lang,
    typed: String,
) -> Result<
    (Vec<(String, observatorio_core::search::Kind, Vec<observatorio_core::search::engine::Segment>)>, bool),
    ChunkError,
> {
    Ok(crate::search_loader::box_suggestions(cell, lang, &typed))
}

/// Starts loading the search index's entry point, once the search chunk is there (the box got
/// the focus).
pub fn start_search(cell: SearchCell, lang: Lang) {
    leptos::task::spawn_local(async move {
        let _ = search_start(cell, lang).await;
    });
}

#[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
fn search_start(cell: SearchCell, lang: Lang) -> Result<(), ChunkError> {
    crate::search_loader::search_data(cell).start(lang);
    Ok(())
}

/// A task whose code is in a chunk (the future is made there).
pub type Task<T> = std::pin::Pin<Box<dyn Future<Output = T>>>;

/// Keeping a page for offline reading, for the shell's button (`components::keep`): the cache and
/// the kept list's code live in the content chunk.
#[wasm_split(content, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn keep_item(file: &'static str, id: String, path: String) -> Result<Task<bool>, ChunkError> {
    Ok(Box::pin(async move { crate::components::keep::browser::keep(file, &id, &path).await }))
}

/// Forgetting a kept page (see `keep_item`).
#[wasm_split(content, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn forget_item(path: String) -> Result<Task<()>, ChunkError> {
    Ok(Box::pin(async move { crate::components::keep::browser::remove(&path).await }))
}

#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_embed))]
fn embed_view(_view: View) -> Built {
    Ok(view! { <crate::pages::EmbedPage /> }.into_any())
}

/// Polls a future once. The split wrappers are `async` only to load their chunk: once their
/// loader has loaded it (each split function has a loader of its own: `load` awaits those of the
/// functions called through here) they complete at the first poll, so a view can be built
/// synchronously, in the reactive owner of the route (contexts and cleanups work as for any
/// other view).
fn now<F: Future>(f: F) -> Option<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    match std::pin::pin!(f).poll(&mut cx) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// The view of `view`, built by its chunk; `None` if the chunk is not loaded yet.
pub fn build(view: View) -> Option<Built> {
    match view.chunk() {
        Chunk::Content => now(content_view(view)),
        Chunk::Indicators => now(indicators_view(view)),
        Chunk::Profile => now(profile_view(view)),
        Chunk::Search => now(search_view(view)),
        Chunk::Embed => now(embed_view(view)),
    }
}

/// Loads a chunk (without building anything). A failed load is not remembered: calling again
/// tries again.
pub async fn load(chunk: Chunk) -> Result<(), ChunkError> {
    let r = match chunk {
        Chunk::Content => preload_content().await,
        Chunk::Indicators => preload_indicators().await,
        Chunk::Profile => preload_profile().await,
        // Each split function has its own loader: the box's suggestions are built synchronously
        // (`now`) once the chunk is there, so theirs must be ready too.
        Chunk::Search => match preload_search().await {
            Ok(()) => preload_search_suggestions().await,
            e => e,
        },
        Chunk::Embed => preload_embed().await,
    };
    r.map_err(ChunkError::from)
}

/// Where a chunk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Idle,
    Loading,
    Ready,
    /// It could not be loaded (network, server): a retry may work.
    Failed,
    /// It could not be loaded because a new build of the site replaced this page's: only a
    /// reload helps (a page never mixes the code of two builds).
    Stale,
}

const ALL: [Chunk; 5] = [Chunk::Content, Chunk::Indicators, Chunk::Profile, Chunk::Search, Chunk::Embed];

/// Every chunk's state for this visit, shared by the routes (a context).
#[derive(Clone, Copy)]
pub struct Chunks {
    states: [RwSignal<State>; ALL.len()],
}

thread_local! {
    /// The app's chunks, for the takeover's retry button on a static first view.
    static APP_CHUNKS: std::cell::Cell<Option<Chunks>> = const { std::cell::Cell::new(None) };
}

impl Default for Chunks {
    fn default() -> Self {
        Self::new()
    }
}

impl Chunks {
    /// The app's (once per visit, see `app::routed`).
    pub fn new() -> Self {
        // Natively the chunks are part of the program: first views render at once.
        let initial = if cfg!(target_arch = "wasm32") { State::Idle } else { State::Ready };
        let chunks = Chunks { states: std::array::from_fn(|_| RwSignal::new(initial)) };
        APP_CHUNKS.with(|c| c.set(Some(chunks)));
        chunks
    }

    fn signal(&self, chunk: Chunk) -> RwSignal<State> {
        self.states[chunk as usize]
    }

    /// The chunk's state (tracked).
    pub fn state(&self, chunk: Chunk) -> State {
        self.signal(chunk).get()
    }

    /// The chunk's state, untracked.
    pub fn state_untracked(&self, chunk: Chunk) -> State {
        self.signal(chunk).get_untracked()
    }

    /// Starts loading `chunk` unless it is loaded or loading; a failed chunk is tried again.
    pub fn load(&self, chunk: Chunk) {
        let s = self.signal(chunk);
        if matches!(s.get_untracked(), State::Loading | State::Ready | State::Stale) {
            return;
        }
        s.set(State::Loading);
        leptos::task::spawn_local(async move {
            let state = match load(chunk).await {
                Ok(()) => State::Ready,
                Err(_) if replaced().await => State::Stale,
                Err(_) => State::Failed,
            };
            s.set(state);
        });
    }
}

/// Tries again every chunk that failed (the retry on a static first view, see `takeover`).
pub fn retry_failed() {
    if let Some(chunks) = APP_CHUNKS.with(std::cell::Cell::get) {
        for chunk in ALL {
            if chunks.signal(chunk).get_untracked() == State::Failed {
                chunks.load(chunk);
            }
        }
    }
}

pub fn use_chunks() -> Chunks {
    use_context::<Chunks>().unwrap_or_default()
}

/// Whether the site now serves another build than this page's: `build.json` (never cached)
/// names another id than the page's `<meta name="build">`. False when it cannot be told.
async fn replaced() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let got = crate::http::get_text("build.json", crate::http::Fresh::NoStore, None).await;
        got.is_ok_and(|text| names_another_build(&text, crate::http::build()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Whether `build.json` (as `bundle::manifest_json` writes it: `{"build":"<id>",…}`) names a
/// build other than `mine`. Read without a JSON parser, which the main module does not carry.
pub fn names_another_build(manifest: &str, mine: &str) -> bool {
    let key = "\"build\":\"";
    let Some(at) = manifest.find(key) else { return false };
    let rest = &manifest[at + key.len()..];
    let Some(end) = rest.find('"') else { return false };
    !mine.is_empty() && &rest[..end] != mine
}

/// The route a path (relative to the deployment base) leads to, for prefetching its chunk when
/// a reader is about to follow a link; `None` for the root, unknown paths and other sites.
pub fn view_of_path(path: &str) -> Option<View> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut parts = path.trim_matches('/').split('/');
    Lang::from_code(parts.next()?)?;
    let (section, id) = (parts.next().unwrap_or(""), parts.next());
    Some(match (section, id) {
        ("", None) => View::Home,
        ("topics", None) => View::Topics,
        ("topics", Some(_)) => View::Topic,
        ("news", None) => View::News,
        ("news", Some(_)) => View::NewsItem,
        ("documents", None) => View::Documents,
        ("documents", Some(_)) => View::Document,
        ("events", None) => View::Events,
        ("events", Some(_)) => View::Event,
        ("data", None) => View::Data,
        ("data", Some(_)) => View::Dataset,
        ("about", None) => View::About,
        ("about", Some(_)) => View::Info,
        ("search", None) => View::Search,
        ("embed", None) => View::Embed,
        ("indicators", _) => View::Indicators,
        _ => return None,
    })
}

/// Fetches the chunk of a link's route when the reader is about to follow it (the pointer is
/// over it, a finger touches it, or the keyboard focus reaches it): the app is live by then, so
/// this never competes with the page's own loading. Only links inside the site count.
pub fn prefetch_on_intent(chunks: Chunks, base: String) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let on = move |target: Option<web_sys::EventTarget>| {
            let live = document().query_selector("#app[data-live]").ok().flatten().is_some();
            let Some(link) = target
                .filter(|_| live)
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let here = window().location().origin().unwrap_or_default();
            if link.origin() != here {
                return;
            }
            let path = link.pathname();
            if let Some(view) = view_of_path(observatorio_core::routes::strip_base(&path, &base)) {
                chunks.load(view.chunk());
            }
        };
        let on2 = on.clone();
        let on3 = on.clone();
        // For the visit: the app is never unmounted.
        std::mem::forget(window_event_listener(leptos::ev::pointerover, move |ev| on(ev.target())));
        std::mem::forget(window_event_listener(leptos::ev::touchstart, move |ev| on2(ev.target())));
        std::mem::forget(window_event_listener(leptos::ev::focusin, move |ev| on3(ev.target())));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (chunks, base);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_the_route_whose_chunk_to_fetch() {
        assert_eq!(view_of_path("/es/"), Some(View::Home));
        assert_eq!(view_of_path("/en/events?view=month&month=2027-03"), Some(View::Events));
        assert_eq!(view_of_path("/es/events/summit-2019"), Some(View::Event));
        assert_eq!(view_of_path("/es/indicators/peru"), Some(View::Indicators));
        assert_eq!(view_of_path("/es/topics/sustainable-procurement#x"), Some(View::Topic));
        assert_eq!(view_of_path("/fr/news"), None);
        assert_eq!(view_of_path("/"), None);
        assert_eq!(view_of_path("/es/unknown"), None);
        // Every route's path leads back to it.
        use observatorio_core::routes::Page;
        for page in [
            Page::Home,
            Page::News,
            Page::Documents,
            Page::Events,
            Page::Data,
            Page::About,
            Page::Search,
            Page::Embed,
            Page::Topics,
        ] {
            assert_eq!(view_of_path(&page.path(Lang::En)), Some(View::of(&page)), "{page:?}");
        }
        for page in [
            Page::NewsItem("a".into()),
            Page::Document("b".into()),
            Page::Event("c".into()),
            Page::Dataset("d".into()),
            Page::Topic("e".into()),
            Page::Info(observatorio_core::model::InfoKind::Licence),
            Page::Indicators(observatorio_core::model::Country::Pe),
        ] {
            assert_eq!(view_of_path(&page.path(Lang::Es)), Some(View::of(&page)), "{page:?}");
        }
    }
}
