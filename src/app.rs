//! The app: the router and the page shell (the contexts it provides: `context`).

use crate::api::Store;
use crate::chunks::{use_chunks, Chunk, State, View};
use crate::components::layout::{Footer, Header};
use crate::components::section::Skeleton;
use crate::context::{base_path, use_lang, Base, LangCtx};
use crate::pages::*;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Redirect, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use observatorio_core::lang::Lang;
use observatorio_core::routes::{lang_of_path, strip_base};
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    crate::context::set_root_owner();
    let base = base_path();
    observatorio_core::routes::set_base(&base);
    routed(None, base)
}

/// The contexts every page reads and the router around the shell: the browser's app and the
/// build-time rendering (`render_first_view`) share them, so their pages see the same things.
fn routed(store: Option<Store>, base: String) -> impl IntoView {
    // The content files are read by the routes' chunks: the store is made on first use
    // (`use_store`), so its loading and parsing code is not in the main module.
    provide_context(crate::api::StoreCell(StoredValue::new(store)));
    provide_context(crate::search_loader::SearchCell(StoredValue::new(None)));
    let chunks = crate::chunks::Chunks::new();
    provide_context(chunks);
    crate::chunks::prefetch_on_intent(chunks, base.clone());
    provide_context(Base(base.clone()));
    view! {
        <Router base=base>
            <Shell />
        </Router>
    }
}

/// The page at `path` (relative to the deployment base `base`) rendered to HTML by the app's own
/// components, with every content file already loaded: the static first view that the publishing
/// step writes into each page's `#app`, before the wasm arrives (see `mount`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_first_view(
    origin: &str,
    base: &str,
    path: &str,
    preset: crate::api::Preset,
    today: chrono::NaiveDate,
) -> String {
    use leptos::tachys::view::RenderHtml;
    let base = observatorio_core::routes::normalize_base(base);
    observatorio_core::routes::set_base(&base);
    let owner = Owner::new();
    owner.with(|| {
        // The full URL path, as the browser's router sees it (it matches and marks the current
        // links with the base included).
        provide_context(leptos_router::location::RequestUrl::new(&format!("{base}{path}")));
        provide_context(crate::pages::Today(today));
        provide_context(crate::context::Origin(origin.to_string()));
        routed(Some(Store::preset(preset)), base).to_html()
    })
}

/// "/" → "/es/" (Spanish first), keeping any query string.
#[component]
fn RootRedirect() -> impl IntoView {
    let search = use_location().search.get_untracked();
    let to = if search.is_empty() { "/es/".to_string() } else { format!("/es/?{}", search.trim_start_matches('?')) };
    view! { <Redirect path=to /> }
}

/// Header, main and footer around the current page, in the URL's language. A flat route table
/// (rather than nested routes under `/:lang`) keeps the router's share of the wasm small.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    // Once the shell is in the page: data tables read as cards on phones (see `table_labels`).
    Effect::new(move |_| crate::table_labels::watch());
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    // The first path segment: a known language, or None (the root, or an unknown prefix).
    let segment = Memo::new(move |_| {
        let path = location.pathname.get();
        let first = strip_base(&path, &base).trim_start_matches('/').split('/').next().unwrap_or("").to_string();
        first
    });
    let known = Memo::new(move |_| Lang::from_code(&segment.get()));
    let lang = Memo::new(move |_| known.get().unwrap_or_else(|| lang_of_path(&segment.get())));
    provide_context(LangCtx(lang));
    provide_context(Known(known));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // After an in-app navigation, move focus to the new page so screen readers announce it
    // (not on the first load, where the browser's own focus handling applies).
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        if first.is_some() {
            #[cfg(target_arch = "wasm32")]
            crate::takeover::stale::end();
            if let Some(main) =
                document().get_element_by_id("main").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }
    });
    // Header and footer are rebuilt when the language changes; so is each page (see `keyed`),
    // but not the router itself, which must stay to complete the navigation.
    let chrome_top = move || {
        lang.track();
        view! { <Header /> }
    };
    let keep = move || {
        lang.track();
        view! { <crate::components::keep::KeepOffline /> }
    };
    let chrome_bottom = move || {
        lang.track();
        view! { <Footer /> }
    };
    view! {
        {chrome_top}
        <main id="main" tabindex="-1">
            <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
                <Route path=path!("/") view=RootRedirect />
                <Route path=path!("/:lang") view=chunked(View::Home) />
                <Route path=path!("/:lang/topics") view=chunked(View::Topics) />
                <Route path=path!("/:lang/topics/:id") view=chunked(View::Topic) />
                <Route path=path!("/:lang/news") view=chunked(View::News) />
                <Route path=path!("/:lang/news/:id") view=chunked(View::NewsItem) />
                <Route path=path!("/:lang/documents") view=chunked(View::Documents) />
                <Route path=path!("/:lang/documents/:id") view=chunked(View::Document) />
                <Route path=path!("/:lang/events") view=chunked(View::Events) />
                <Route path=path!("/:lang/events/:id") view=chunked(View::Event) />
                <Route path=path!("/:lang/data") view=chunked(View::Data) />
                <Route path=path!("/:lang/data/:id") view=chunked(View::Dataset) />
                <Route path=path!("/:lang/about") view=chunked(View::About) />
                <Route path=path!("/:lang/about/:id") view=chunked(View::Info) />
                <Route path=path!("/:lang/search") view=chunked(View::Search) />
                <Route path=path!("/:lang/embed") view=chunked(View::Embed) />
                <Route path=path!("/:lang/indicators") view=indicators() />
                <Route path=path!("/:lang/indicators/:country") view=indicators() />
            </FlatRoutes>
            {keep}
        </main>
        {chrome_bottom}
    }
}

/// A page, rebuilt when the language changes (its views read the language once), or the
/// not-found page when the first segment is not a language.
fn per_lang(
    page: impl Fn() -> AnyView + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        let known = use_context::<Known>().map(|k| k.0);
        let page = page.clone();
        (move || match known.map(|k| k.get()) {
            Some(None) => view! { <NotFoundPage /> }.into_any(),
            _ => page(),
        })
        .into_any()
    }
}

/// A route whose code is in a chunk of its own (see `chunks`): its skeleton while the chunk
/// loads, its view once it is there, or a localized error with a retry button.
fn chunked(view: View) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    per_lang(move || {
        if crate::takeover::keeps_first_view(view) {
            return view! { <div class=crate::takeover::KEPT></div> }.into_any();
        }
        let chunks = use_chunks();
        let chunk = view.chunk();
        chunks.load(chunk);
        (move || match chunks.state(chunk) {
            State::Ready => match crate::chunks::build(view) {
                Some(Ok(v)) => v,
                _ => view! { <ChunkFailed chunk=chunk /> }.into_any(),
            },
            State::Failed => view! { <ChunkFailed chunk=chunk /> }.into_any(),
            State::Stale => view! { <ChunkFailed chunk=chunk stale=true /> }.into_any(),
            State::Idle | State::Loading => view! { <ChunkSkeleton view=view /> }.into_any(),
        })
        .into_any()
    })
}

/// The indicators' routes. A buyer's or supplier's profile opened while the indicators' code
/// is not loaded is drawn by the profile's lighter chunk, from its published file (a shared
/// link needs neither the indicators' code nor their data); whatever the reader does next on
/// that page, the profile's page hands to the indicators' (see `pages::indicators::published`).
/// Otherwise the indicators' page draws profiles itself (computed at once when its data is
/// pooled). Chosen once, when the route is shown: nothing reactive here, in the main module.
fn indicators() -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        use observatorio_core::ocds::profile::Party;
        let query = leptos_router::hooks::use_query_map();
        let profile = query
            .with_untracked(|q| [Party::Buyer, Party::Supplier].iter().any(|p| q.get_str(p.param()).is_some()))
            && use_chunks().state_untracked(Chunk::Indicators) != State::Ready;
        chunked(if profile { View::Profile } else { View::Indicators })()
    }
}

/// The route's section name and placeholder lines while its chunk loads (the page's heading
/// comes with its view).
#[component]
fn ChunkSkeleton(view: View) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page">
            <p class="section-name">{view.section(lang)}</p>
            <Skeleton lines=6 />
        </div>
    }
}

/// A chunk that could not be loaded: what happened, in the reader's language, and what to do:
/// try again, or reload when a new version of the site replaced this page's (`stale`).
#[component]
pub(crate) fn ChunkFailed(chunk: Chunk, #[prop(optional)] stale: bool) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let chunks = use_chunks();
    let (message, action) = if stale { (t.new_version, t.reload) } else { (t.chunk_failed, t.retry) };
    let act = move |_| {
        if stale {
            let _ = window().location().reload();
        } else {
            chunks.load(chunk);
        }
    };
    view! {
        <div class="page">
            <div class="load-error chunk-error" role="alert" data-stale=stale.then_some("")>
                <p class="load-error-message">{message}</p>
                <button type="button" class="button" on:click=act>
                    {action}
                </button>
            </div>
        </div>
    }
}

/// Whether the URL's first segment is a known language (`Some`), tracked for `keyed`.
#[derive(Clone, Copy)]
struct Known(Memo<Option<Lang>>);
