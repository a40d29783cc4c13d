//! The app: base path, language context, router and the page shell.

use crate::api::Store;
use crate::components::layout::{Footer, Header};
use crate::i18n::Lang;
use crate::pages::*;
use crate::routes::{lang_of_path, normalize_base, strip_base};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Redirect, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

/// The reader's language, taken from the URL's first segment.
#[derive(Clone, Copy)]
pub struct LangCtx(pub Memo<Lang>);

/// The page's language. A page is rebuilt when the language changes (see `Shell`), so views
/// read it once instead of each text being a reactive closure: that keeps the wasm smaller.
pub fn use_lang() -> Lang {
    use_context::<LangCtx>().map(|c| c.0.get_untracked()).unwrap_or_default()
}

/// The deployment base ("" at the root, "/observatorio" under a sub-path), from `<base href>`,
/// which Trunk writes from `--public-url`.
#[derive(Clone)]
pub struct Base(pub String);

pub fn base_path() -> String {
    let href =
        document().query_selector("base").ok().flatten().and_then(|b| b.get_attribute("href")).unwrap_or_default();
    normalize_base(&href)
}

/// The site's origin ("https://example.org"), for absolute links in downloads and calendar
/// links: the browser's, or when rendering at build time the deployed address's.
#[cfg(target_arch = "wasm32")]
pub fn origin() -> Option<String> {
    web_sys::window().and_then(|w| w.location().origin().ok())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn origin() -> Option<String> {
    use_context::<Origin>().map(|o| o.0)
}

/// The deployed origin, when rendering at build time (see `origin`).
#[derive(Clone)]
pub struct Origin(pub String);

/// Mounts the app in `#app`. A page whose first view was rendered at build time by these same
/// components (`data-ssr`, see `render_first_view`) keeps it on screen while the app draws the
/// page beside it, hidden; the two swap in one step once the app's sections have their content,
/// so nothing flashes or moves. Other pages (the generic static view) are replaced at once.
/// Either way `#app` then carries `data-live`.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    let doc = document();
    let Some(old) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        leptos::mount::mount_to_body(App);
        return;
    };
    let next = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match next {
        Some(next) if old.has_attribute("data-ssr") && old.after_with_node_1(&next).is_ok() => {
            next.set_hidden(true);
            leptos::mount::mount_to(next.clone(), App).forget();
            take_over(old, next, 0);
        }
        _ => {
            old.set_text_content(None);
            leptos::mount::mount_to(old.clone(), App).forget();
            let _ = old.set_attribute("data-live", "");
        }
    }
}

/// Swaps the static first view for the app's once no section is still loading (checked every
/// 50 ms; after 15 s the app is shown anyway, loading or not, so the page becomes usable).
/// Text typed meanwhile into the static search box, and its focus, carry over.
#[cfg(target_arch = "wasm32")]
fn take_over(old: web_sys::HtmlElement, next: web_sys::HtmlElement, waited_ms: u32) {
    let loading = next.query_selector(".skeleton").ok().flatten().is_some();
    if loading && waited_ms < 15_000 {
        set_timeout(move || take_over(old, next, waited_ms + 50), std::time::Duration::from_millis(50));
        return;
    }
    let input = |root: &web_sys::HtmlElement| {
        root.query_selector("#site-search").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let typed = input(&old).map(|i| (i.value(), document().active_element().is_some_and(|a| a == **i)));
    old.remove();
    next.set_id("app");
    next.set_hidden(false);
    let _ = next.set_attribute("data-live", "");
    if let (Some((value, focused)), Some(new)) = (typed, input(&next)) {
        if !value.is_empty() {
            new.set_value(&value);
            if let Ok(ev) = web_sys::Event::new("input") {
                let _ = new.dispatch_event(&ev);
            }
        }
        if focused {
            let _ = new.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    crate::routes::set_base(&base);
    routed(Store::new(), base)
}

/// The contexts every page reads and the router around the shell: the browser's app and the
/// build-time rendering (`render_first_view`) share them, so their pages see the same things.
fn routed(store: Store, base: String) -> impl IntoView {
    provide_context(store);
    provide_context(crate::search_loader::SearchData::new());
    provide_context(Base(base.clone()));
    view! {
        <Router base=base>
            <Shell/>
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
    let base = crate::routes::normalize_base(base);
    crate::routes::set_base(&base);
    let owner = Owner::new();
    owner.with(|| {
        // The full URL path, as the browser's router sees it (it matches and marks the current
        // links with the base included).
        provide_context(leptos_router::location::RequestUrl::new(&format!("{base}{path}")));
        provide_context(crate::pages::Today(today));
        provide_context(Origin(origin.to_string()));
        routed(Store::preset(preset), base).to_html()
    })
}

/// "/" → "/es/" (Spanish first), keeping any query string.
#[component]
fn RootRedirect() -> impl IntoView {
    let search = use_location().search.get_untracked();
    let to = if search.is_empty() { "/es/".to_string() } else { format!("/es/?{}", search.trim_start_matches('?')) };
    view! { <Redirect path=to/> }
}

/// Header, main and footer around the current page, in the URL's language. A flat route table
/// (rather than nested routes under `/:lang`) keeps the router's share of the wasm small.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
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
        view! { <Header/> }
    };
    let chrome_bottom = move || {
        lang.track();
        view! { <Footer/> }
    };
    view! {
        {chrome_top}
        <main id="main" tabindex="-1">
            <FlatRoutes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/") view=RootRedirect/>
                <Route path=path!("/:lang") view=keyed(HomePage)/>
                <Route path=path!("/:lang/topics") view=keyed(TopicsPage)/>
                <Route path=path!("/:lang/topics/:id") view=keyed(TopicPage)/>
                <Route path=path!("/:lang/news") view=keyed(NewsListPage)/>
                <Route path=path!("/:lang/news/:id") view=keyed(NewsItemPage)/>
                <Route path=path!("/:lang/documents") view=keyed(DocumentsPage)/>
                <Route path=path!("/:lang/documents/:id") view=keyed(DocumentPage)/>
                <Route path=path!("/:lang/events") view=keyed(EventsPage)/>
                <Route path=path!("/:lang/events/:id") view=keyed(EventPage)/>
                <Route path=path!("/:lang/data") view=keyed(DataPage)/>
                <Route path=path!("/:lang/data/:id") view=keyed(DatasetPage)/>
                <Route path=path!("/:lang/about") view=keyed(AboutPage)/>
                <Route path=path!("/:lang/search") view=keyed(SearchPage)/>
                <Route path=path!("/:lang/embed") view=keyed(EmbedPage)/>
                <Route path=path!("/:lang/indicators") view=keyed(IndicatorsPage)/>
                <Route path=path!("/:lang/indicators/:country") view=keyed(IndicatorsPage)/>
            </FlatRoutes>
        </main>
        {chrome_bottom}
    }
}

/// A page, rebuilt when the language changes (its views read the language once), or the
/// not-found page when the first segment is not a language.
fn keyed<V: IntoView + 'static>(page: fn() -> V) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        let known = use_context::<Known>().map(|k| k.0);
        (move || match known.map(|k| k.get()) {
            Some(None) => view! { <NotFoundPage/> }.into_any(),
            _ => page().into_any(),
        })
        .into_any()
    }
}

/// Whether the URL's first segment is a known language (`Some`), tracked for `keyed`.
#[derive(Clone, Copy)]
struct Known(Memo<Option<Lang>>);
