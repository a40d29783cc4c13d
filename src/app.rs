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

/// Mounts the app in `#app`, replacing the static first view that index.html paints meanwhile.
pub fn mount() {
    let target = document().get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(el) => {
            el.set_text_content(None);
            leptos::mount::mount_to(el, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    crate::routes::set_base(&base);
    provide_context(Store::new());
    provide_context(crate::search_loader::SearchData::new());
    provide_context(Base(base.clone()));
    view! {
        <Router base=base>
            <Shell/>
        </Router>
    }
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
