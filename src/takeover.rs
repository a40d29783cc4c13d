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

/// Mounts `app` over the page's static first view (the router's shell, passed in by `main`:
/// this module knows the page, not the app).
#[cfg(target_arch = "wasm32")]
pub fn mount<F, N>(app: F)
where
    F: Fn() -> N + Copy + 'static,
    N: leptos::prelude::IntoView + 'static,
{
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let Some(old) = doc.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        leptos::mount::mount_to_body(app);
        return;
    };
    let next = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match next {
        Some(next) if old.has_attribute("data-ssr") => {
            let rendered_for = old.get_attribute("data-date").unwrap_or_default();
            FIRST_VIEW.with(|f| f.set(Some(rendered_for == crate::pages::today().to_string())));
            leptos::mount::mount_to(next.clone(), app).forget();
            // Not in this task: the app's first effects run once it ends, and one of them would
            // draw the search box again, empty, after the typed text was carried over.
            leptos::prelude::set_timeout(move || take_over(old, next, 0), std::time::Duration::ZERO);
        }
        _ => {
            old.set_text_content(None);
            leptos::mount::mount_to(old.clone(), app).forget();
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
    // A content file failed although the static page has that content: the static content
    // stays, with a notice and a retry, instead of the app's error boxes (see `stale`).
    let failed = find(&next, "main .load-error").is_some();
    // (Not when the static page has placeholders of its own, as the indicators' figures.)
    let stale = failed && !loading && find(&old, "main .load-error, main .skeleton").is_none();
    // A kept first view: the static main's content moves into the route's placeholder; so does
    // a page whose content failed to load, into a box of its own.
    let slot = if stale { stale::slot(&next) } else { find(&next, &format!(".{KEPT}")) };
    if let (Some(slot), Some(main)) = (slot, find(&old, "main")) {
        while let Some(child) = main.first_child() {
            if slot.append_child(&child).is_err() {
                break;
            }
        }
    }
    // Choices made on the static page before now (a filter, a checkbox) carry over.
    let choices = if stale { Vec::new() } else { choices::made(&old) };
    let input = |root: &web_sys::HtmlElement| {
        find(root, "#site-search").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let typed = input(&old).map(|i| (i.value(), document().active_element().is_some_and(|a| a == **i)));
    if old.replace_with_with_node_1(&next).is_err() {
        return;
    }
    next.set_id("app");
    let _ = next.set_attribute("data-live", "");
    choices::apply(&next, choices);
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

/// A page whose content file failed after its static first view was painted: the static
/// content stays, in a box before the route's own view (hidden, with its error boxes), under a
/// small notice whose retry presses the hidden retry buttons. Once the route's view has its
/// content, or on the next navigation, the box goes and the route's view shows.
#[cfg(target_arch = "wasm32")]
pub mod stale {
    use leptos::prelude::{document, set_timeout};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    const BOX: &str = "stale-first-view";
    /// On `<main>` while the box is shown: the stylesheet hides the route's view.
    const MARK: &str = "data-stale-view";

    /// The box in `next`'s main, with the notice, ready to receive the static content.
    pub fn slot(next: &web_sys::HtmlElement) -> Option<web_sys::Element> {
        let main = next.query_selector("main").ok().flatten()?;
        let doc = document();
        let lang = doc
            .document_element()
            .and_then(|h| h.get_attribute("lang"))
            .and_then(|c| observatorio_core::lang::Lang::from_code(&c))
            .unwrap_or(observatorio_core::lang::Lang::Es);
        let t = lang.t();
        let holder = doc.create_element("div").ok()?;
        holder.set_class_name(BOX);
        let notice = doc.create_element("p").ok()?;
        notice.set_class_name("notice stale-notice");
        let _ = notice.set_attribute("role", "status");
        let text = doc.create_element("span").ok()?;
        text.set_text_content(Some(t.stale_view));
        let button = doc.create_element("button").ok()?;
        let _ = button.set_attribute("type", "button");
        button.set_class_name("link-button");
        button.set_text_content(Some(t.retry));
        let click = Closure::<dyn FnMut()>::new(retry);
        let _ = button.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
        let _ = notice.append_child(&text);
        let _ = notice.append_child(&doc.create_text_node(" "));
        let _ = notice.append_child(&button);
        let first = doc.create_element("div").ok()?;
        let _ = holder.append_child(&notice);
        let _ = holder.append_child(&first);
        let _ = main.insert_before(&holder, main.first_child().as_ref());
        let _ = main.set_attribute(MARK, "");
        Some(first)
    }

    /// Presses the hidden view's retry buttons, then watches for its content.
    fn retry() {
        let Some(main) = document().get_element_by_id("main") else { return };
        let Ok(buttons) = main.query_selector_all(":scope > :not(.stale-first-view) .load-error button") else {
            return;
        };
        for i in 0..buttons.length() {
            if let Some(b) = buttons.item(i).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                b.click();
            }
        }
        watch(0);
    }

    fn watch(waited_ms: u32) {
        let Some(main) = document().get_element_by_id("main") else { return };
        let pending = |sel: &str| main.query_selector(&format!(":scope > :not(.{BOX}) {sel}")).ok().flatten().is_some();
        // A retry's error box may stay a moment before its file is asked again: both mean
        // "not yet" until the wait is over (then the notice stays, for another retry).
        if !pending(".skeleton, .load-error") {
            end();
        } else if waited_ms < 20_000 {
            set_timeout(move || watch(waited_ms + 200), std::time::Duration::from_millis(200));
        }
    }

    /// The route's view shows again (its content came, or the reader went elsewhere).
    pub fn end() {
        let Some(main) = document().get_element_by_id("main") else { return };
        if !main.has_attribute(MARK) {
            return;
        }
        let _ = main.remove_attribute(MARK);
        if let Ok(Some(holder)) = main.query_selector(&format!(":scope > .{BOX}")) {
            holder.remove();
        }
    }
}

/// The state of the static page's form controls that the reader changed (a filter's select, a
/// checkbox, a text field other than the search box, which `take_over` carries itself), applied
/// to the app's controls of the same id with the events a reader's change sends.
#[cfg(target_arch = "wasm32")]
mod choices {
    use wasm_bindgen::JsCast;

    pub enum Choice {
        Value(String, String),
        Checked(String, bool),
    }

    pub fn made(root: &web_sys::HtmlElement) -> Vec<Choice> {
        let mut out = Vec::new();
        let Ok(all) = root.query_selector_all("main select[id], main input[id], main textarea[id]") else {
            return out;
        };
        for i in 0..all.length() {
            let Some(node) = all.item(i) else { continue };
            if let Some(s) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
                let options = s.options();
                let changed = (0..options.length()).any(|k| {
                    options
                        .item(k)
                        .and_then(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                        .is_some_and(|o| o.selected() != o.default_selected())
                });
                if changed {
                    out.push(Choice::Value(s.id(), s.value()));
                }
            } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                let kind = input.type_();
                if kind == "checkbox" || kind == "radio" {
                    if input.checked() != input.default_checked() {
                        out.push(Choice::Checked(input.id(), input.checked()));
                    }
                } else if input.value() != input.default_value() && input.id() != "site-search" {
                    out.push(Choice::Value(input.id(), input.value()));
                }
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if area.default_value().is_ok_and(|d| d != area.value()) {
                    out.push(Choice::Value(area.id(), area.value()));
                }
            }
        }
        out
    }

    pub fn apply(root: &web_sys::HtmlElement, choices: Vec<Choice>) {
        for choice in choices {
            let id = match &choice {
                Choice::Value(id, _) | Choice::Checked(id, _) => id.clone(),
            };
            let Ok(Some(el)) = root.query_selector(&format!("main [id=\"{}\"]", id.replace(['"', '\\'], ""))) else {
                continue;
            };
            match (&choice, el.dyn_ref::<web_sys::HtmlSelectElement>(), el.dyn_ref::<web_sys::HtmlInputElement>()) {
                (Choice::Value(_, v), Some(s), _) => s.set_value(v),
                (Choice::Value(_, v), None, Some(i)) => i.set_value(v),
                (Choice::Checked(_, c), None, Some(i)) => i.set_checked(*c),
                (Choice::Value(_, v), None, None) => match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    Some(a) => a.set_value(v),
                    None => continue,
                },
                _ => continue,
            }
            // Bubbling, as a reader's change is: the app's handlers are delegated.
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = el.dispatch_event(&ev);
                }
            }
        }
    }
}
