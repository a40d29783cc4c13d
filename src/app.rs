//! The app: base path, language context, router and the page shell.

use crate::api::Store;
use crate::components::layout::{Footer, Header};
use crate::i18n::Lang;
use crate::pages::*;
use crate::routes::{lang_of_path, normalize_base, strip_base};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_params_map};
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
    provide_context(Base(base.clone()));
    view! {
        <Router base=base>
            <Routes fallback=|| view! { <FallbackShell/> }>
                <Route path=path!("/") view=RootRedirect/>
                <ParentRoute path=path!("/:lang") view=Shell>
                    <Route path=path!("") view=HomePage/>
                    <Route path=path!("topics") view=TopicsPage/>
                    <Route path=path!("topics/:id") view=TopicPage/>
                    <Route path=path!("news") view=NewsListPage/>
                    <Route path=path!("news/:id") view=NewsItemPage/>
                    <Route path=path!("documents") view=DocumentsPage/>
                    <Route path=path!("documents/:id") view=DocumentPage/>
                    <Route path=path!("events") view=EventsPage/>
                    <Route path=path!("events/:id") view=EventPage/>
                    <Route path=path!("data") view=DataPage/>
                    <Route path=path!("data/:id") view=DatasetPage/>
                    <Route path=path!("about") view=AboutPage/>
                </ParentRoute>
            </Routes>
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

/// Header, main and footer around the current page, in the URL's language.
#[component]
fn Shell() -> impl IntoView {
    let params = use_params_map();
    let known = Memo::new(move |_| params.with(|p| p.get("lang").and_then(|l| Lang::from_code(&l))));
    let lang = Memo::new(move |_| known.get().unwrap_or_default());
    provide_context(LangCtx(lang));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // After an in-app navigation, move focus to the new page so screen readers announce it
    // (not on the first load, where the browser's own focus handling applies).
    let location = use_location();
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
    // Rebuilt whenever the language changes: every view below reads it once.
    move || {
        lang.track();
        view! {
            <Header/>
            <main id="main" tabindex="-1">
                <Show when=move || known.get().is_some() fallback=|| view! { <NotFoundPage/> }>
                    <Outlet/>
                </Show>
            </main>
            <Footer/>
        }
    }
}

/// Unknown URLs outside any language: the shell in the language the path suggests.
#[component]
fn FallbackShell() -> impl IntoView {
    let location = use_location();
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    let lang = Memo::new(move |_| lang_of_path(strip_base(&location.pathname.get(), &base)));
    provide_context(LangCtx(lang));
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    move || {
        lang.track();
        view! {
            <Header/>
            <main id="main" tabindex="-1"><NotFoundPage/></main>
            <Footer/>
        }
    }
}
