//! What the app provides to every view: the reader's language, the deployment base, the site's
//! origin and the app's root owner. Apart from the router (`app`), so components and pages read
//! them without reaching back into the app that draws them.

use leptos::prelude::*;
use observatorio_core::lang::Lang;
use observatorio_core::routes::normalize_base;

/// The reader's language, taken from the URL's first segment.
#[derive(Clone, Copy)]
pub struct LangCtx(pub Memo<Lang>);

/// The page's language. A page is rebuilt when the language changes (see `Shell`), so views
/// read it once instead of each text being a reactive closure: that keeps the wasm smaller.
pub fn use_lang() -> Lang {
    use_context::<LangCtx>().map(|c| c.0.get_untracked()).unwrap_or_default()
}

/// The deployment base ("" at the root, "/observatorio" under a sub-path), from `<base href>`,
/// which the publishing step writes from `BASE` (see `bundle::index_html`).
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

thread_local! {
    /// The app's root owner (in the browser): what is made on first use for the whole visit
    /// (the search data, the long lists) is made under it, not under the view that asked.
    static ROOT: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
}

/// Records the current owner as the app's root (when the app mounts).
pub fn set_root_owner() {
    ROOT.with(|r| *r.borrow_mut() = Owner::current());
}

/// The app's root owner, once the app is mounted (never when rendering at build time).
pub fn root_owner() -> Option<Owner> {
    ROOT.with(|r| r.borrow().clone())
}
