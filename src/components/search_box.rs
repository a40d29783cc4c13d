//! The search box in every page's header: suggestions as you type, in the ARIA combobox
//! pattern ("/" focuses it; arrows move; Enter opens; Escape closes), and the results page on
//! Enter. The index's entry point and the one-letter suggestions load when the box gets focus;
//! the parts a query needs load as it is typed (see `search_loader`).

use crate::chunks::{use_chunks, Chunk, State};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use observatorio_core::lang::Lang;
use observatorio_core::routes::{href, with_query, Page};
use observatorio_core::search::engine::{Kind, Segment};

/// Text with its matched words in `<mark>` (as text nodes: nothing is parsed as HTML).
pub fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| if s.mark { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
        .collect_view()
}

/// The results page's path for a query (for the router, which adds the deployment base).
pub fn results_path(lang: Lang, q: &str) -> String {
    with_query(&Page::Search.path(lang), &[], &[("q", Some(q.to_string()))])
}

/// The results page's URL for a query (for links).
pub fn results_href(lang: Lang, q: &str) -> String {
    href(&results_path(lang, q))
}

/// The box's suggestions: (path, kind, title with its matched words).
type Listed = Vec<(String, Kind, Vec<Segment>)>;

#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    // The engine is in the search chunk, loaded when the box gets focus (with the index's entry
    // point); until then the box is a plain form that opens the results page.
    let chunks = use_chunks();
    let cell = use_context::<crate::search_loader::SearchCell>()
        .unwrap_or_else(|| crate::search_loader::SearchCell(StoredValue::new(None)));
    let navigate = use_navigate();
    let (text, set_text) = signal(String::new());
    let (open, set_open) = signal(false);
    let (active, set_active) = signal(None::<usize>);
    let input = NodeRef::<leptos::html::Input>::new();
    // (path, kind, title segments) and whether parts are loading, computed as the reader types.
    // While parts of the index load, the last list stays (marked as loading) rather than
    // flashing empty.
    let state = Memo::new(move |prev: Option<&(Listed, bool)>| {
        let q = text.get();
        let (items, loading) = match chunks.state(Chunk::Search) {
            State::Ready => crate::chunks::suggestions(cell, lang, q.clone()).unwrap_or_default(),
            _ => (Vec::new(), !q.trim().is_empty()),
        };
        match prev {
            Some((old, _)) if loading && items.is_empty() && !q.trim().is_empty() => (old.clone(), true),
            _ => (items, loading),
        }
    });
    let suggestions = Memo::new(move |_| state.with(|(s, _)| s.clone()));
    let loading = move || state.with(|(_, l)| *l);
    // The last option is "see all results".
    let count = move || suggestions.with(Vec::len) + usize::from(!text.with(|q| q.trim().is_empty()));
    let go = {
        let navigate = navigate.clone();
        move |to: String| {
            set_open.set(false);
            set_active.set(None);
            navigate(&to, Default::default());
        }
    };
    let target = move |i: usize| -> String {
        suggestions
            .with(|s| s.get(i).map(|(h, _, _)| h.clone()))
            .unwrap_or_else(|| results_path(lang, &text.get_untracked()))
    };
    let on_key = {
        let go = go.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let n = count();
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    set_open.set(true);
                    let down = ev.key() == "ArrowDown";
                    set_active.update(|a| {
                        *a = Some(match (*a, down) {
                            (None, true) => 0,
                            (None, false) => n - 1,
                            (Some(i), true) => (i + 1) % n,
                            (Some(i), false) => (i + n - 1) % n,
                        })
                    });
                }
                "Enter" => {
                    ev.prevent_default();
                    if text.with_untracked(|q| q.trim().is_empty()) {
                        return;
                    }
                    go(target(active.get_untracked().unwrap_or(usize::MAX)));
                }
                "Escape" => {
                    // The browser would also clear a search field; only close the list.
                    if open.get_untracked() && count() > 0 {
                        ev.prevent_default();
                        set_open.set(false);
                        set_active.set(None);
                    } else {
                        set_text.set(String::new());
                    }
                }
                _ => {}
            }
        }
    };
    // "/" anywhere (outside a text field) focuses the box (in the browser; the publishing step
    // renders the box as HTML only).
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || e.closest("[contenteditable]").ok().flatten().is_some()
            });
            if !typing {
                if let Some(i) = input.get() {
                    ev.prevent_default();
                    let _ = i.focus();
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    let expanded = move || open.get() && count() > 0;
    let option_id = |i: usize| format!("search-option-{i}");
    let go_click = go.clone();
    view! {
        <form
            class="search-form"
            role="search"
            aria-label=t.search_label
            action=Page::Search.href(lang)
            on:submit=move |ev| ev.prevent_default()
        >
            <label for="site-search" class="sr-only">
                {t.search_label}
            </label>
            <input
                node_ref=input
                id="site-search"
                name="q"
                type="search"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                placeholder=t.search_placeholder
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                aria-keyshortcuts="/"
                prop:value=move || text.get()
                on:focus=move |_| {
                    {
                        use observatorio_core::published::search;
                        crate::http::preload(&[search::index(), search::first(lang)]);
                    }
                    chunks.load(Chunk::Search);
                    crate::chunks::start_search(cell, lang);
                }
                on:input=move |ev| {
                    set_text.set(event_target_value(&ev));
                    set_open.set(true);
                    set_active.set(None);
                }
                on:keydown=on_key
                on:blur=move |_| {
                    set_timeout(
                        move || {
                            if document().active_element().is_none_or(|a| a.id() != "site-search") {
                                set_open.set(false);
                            }
                        },
                        std::time::Duration::from_millis(150),
                    );
                }
            />
            // data-q: the query the list was drawn for (benchmarks and tests wait on it), and
            // aria-busy while parts of the index load.
            <ul
                id="search-suggestions"
                role="listbox"
                class="suggestions"
                aria-label=t.search_suggestions
                hidden=move || !expanded()
                data-q=move || text.get()
                aria-busy=move || loading().to_string()
            >
                // Nothing to show yet: the parts this query needs are loading. Always there,
                // shown or hidden, rather than drawn in the list below: redrawing that list
                // left a line added there behind once the loading ended.
                <li
                    role="option"
                    aria-disabled="true"
                    aria-selected="false"
                    class="loading"
                    hidden=move || {
                        !(suggestions.with(Vec::is_empty) && loading() && !text.with(|q| q.trim().is_empty()))
                    }
                >
                    {lang.t().loading}
                </li>
                {move || {
                    let go = go_click.clone();
                    let list = suggestions.get();
                    let n = list.len();
                    let items = list
                        .into_iter()
                        .enumerate()
                        .map(|(i, (to, kind, title))| {
                            let go = go.clone();
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        go(to.clone());
                                    }
                                >
                                    <span class="tag">{lang.t().kind(kind)}</span>
                                    " "
                                    <span>{marked(title)}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    let q = text.get();
                    view! {
                        {items}
                        {(!q.trim().is_empty())
                            .then(|| {
                                let go = go.clone();
                                let to = results_path(lang, &q);
                                view! {
                                    <li
                                        id=option_id(n)
                                        role="option"
                                        class="all"
                                        aria-selected=move || (active.get() == Some(n)).to_string()
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            go(to.clone());
                                        }
                                    >
                                        {format!("{} «{}»", lang.t().search_all, q.trim())}
                                    </li>
                                }
                            })}
                    }
                }}
            </ul>
            <span class="sr-only" role="status" aria-live="polite">
                {move || {
                    if expanded() {
                        format!("{} {}", suggestions.with(Vec::len), lang.t().search_suggestions)
                    } else {
                        String::new()
                    }
                }}
            </span>
        </form>
    }
}
