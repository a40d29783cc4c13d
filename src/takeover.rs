//! How the app takes over a page's static first view (browser only).
//!
//! A page whose first view was rendered at build time by the app's components carries
//! `#app[data-ssr]` (see `prerender`). The app is drawn apart from the document (so no id is
//! ever in the page twice) and the two are swapped in one step, with nothing flashing or moving:
//! - routes that only read content (the home, a news item, About, the thematic areas' index:
//!   `View::keeps_first_view`) keep the static content itself. Their view is a placeholder the
//!   static `<main>`'s content moves into, so the page's largest element is never painted again,
//!   and going live needs neither their chunk nor their content files. The home does so only if
//!   it was rendered for the reader's date (its upcoming events depend on it);
//! - other routes swap once none of their sections is still loading (checked every 50 ms; after
//!   15 s the app is shown anyway, so that the page becomes usable).
//!
//! Other pages (the generic static view) are replaced at once. Either way `#app` then carries
//! `data-live`. Text typed meanwhile into the static search box, and its focus, carry over.

use crate::chunks::View;
use std::cell::Cell;

thread_local! {
    /// Set at mount when the page has a static first view that a route may keep: whether it
    /// was rendered for the reader's date. Taken by the first route drawn.
    static FIRST_VIEW: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether the route being drawn keeps the page's static first view (once: only the first
/// route drawn after mounting may).
pub fn keeps_first_view(view: View) -> bool {
    match FIRST_VIEW.with(Cell::take) {
        Some(today) => view.keeps_first_view() && (today || view != View::Home),
        None => false,
    }
}

/// The placeholder a kept first view moves into (`display: contents`: it adds no box).
pub const KEPT: &str = "kept-first-view";

#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let Some(old) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        leptos::mount::mount_to_body(crate::app::App);
        return;
    };
    let next = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match next {
        Some(next) if old.has_attribute("data-ssr") => {
            let rendered_for = old.get_attribute("data-date").unwrap_or_default();
            FIRST_VIEW.with(|f| f.set(Some(rendered_for == crate::pages::today().to_string())));
            leptos::mount::mount_to(next.clone(), crate::app::App).forget();
            // Not in this task: the app's first effects run once it ends, and one of them would
            // draw the search box again, empty, after the typed text was carried over.
            leptos::prelude::set_timeout(move || take_over(old, next, 0), std::time::Duration::ZERO);
        }
        _ => {
            old.set_text_content(None);
            leptos::mount::mount_to(old.clone(), crate::app::App).forget();
            let _ = old.set_attribute("data-live", "");
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn take_over(old: web_sys::HtmlElement, next: web_sys::HtmlElement, waited_ms: u32) {
    use leptos::prelude::{document, set_timeout};
    use wasm_bindgen::JsCast;
    let find = |root: &web_sys::HtmlElement, sel: &str| root.query_selector(sel).ok().flatten();
    // The route's chunk could not be loaded: the static page stays (it reads, its links work),
    // with the error and its retry above its content, until a retry brings the chunk.
    if let Some(error) = find(&next, ".chunk-error") {
        if find(&old, ".chunk-error").is_none() {
            show_error(&old, &error);
        }
        set_timeout(move || take_over(old, next, waited_ms), std::time::Duration::from_millis(200));
        return;
    }
    if let Some(notice) = find(&old, ".chunk-error") {
        notice.remove();
    }
    // Still loading: a section's skeleton, or the route not drawn yet.
    let loading = find(&next, ".skeleton").is_some() || find(&next, "main > *").is_none();
    if loading && waited_ms < 15_000 {
        set_timeout(move || take_over(old, next, waited_ms + 50), std::time::Duration::from_millis(50));
        return;
    }
    // A kept first view: the static main's content moves into the route's placeholder.
    if let (Some(slot), Some(main)) = (find(&next, &format!(".{KEPT}")), find(&old, "main")) {
        while let Some(child) = main.first_child() {
            if slot.append_child(&child).is_err() {
                break;
            }
        }
    }
    let input = |root: &web_sys::HtmlElement| {
        find(root, "#site-search").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let typed = input(&old).map(|i| (i.value(), document().active_element().is_some_and(|a| a == **i)));
    if old.replace_with_with_node_1(&next).is_err() {
        return;
    }
    next.set_id("app");
    let _ = next.set_attribute("data-live", "");
    if let (Some((value, focused)), Some(new)) = (typed, input(&next)) {
        if !value.is_empty() {
            new.set_value(&value);
            // A bubbling event, as typing sends: the box's handler (delegated, as Leptos does)
            // takes the text into its state, which the app then draws from.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = new.dispatch_event(&ev);
            }
        }
        if focused {
            let _ = new.focus();
        }
    }
}

/// A copy of the app's chunk error at the top of the static page's `<main>`, whose button
/// retries the chunks that failed (or reloads the page when a new build replaced this one's).
#[cfg(target_arch = "wasm32")]
fn show_error(old: &web_sys::HtmlElement, error: &web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let (Some(main), Ok(copy)) = (old.query_selector("main").ok().flatten(), error.clone_node_with_deep(true)) else {
        return;
    };
    let stale = error.has_attribute("data-stale");
    if let Some(button) = copy.dyn_ref::<web_sys::Element>().and_then(|c| c.query_selector("button").ok().flatten()) {
        let click = Closure::<dyn FnMut()>::new(move || {
            if stale {
                let _ = leptos::prelude::window().location().reload();
            } else {
                crate::chunks::retry_failed();
            }
        });
        let _ = button.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
    }
    let _ = main.insert_before(&copy, main.first_child().as_ref());
}
