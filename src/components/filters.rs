//! Filter bars whose state lives in the URL's query string, so filtered lists can be shared and
//! Back/Forward work.

use crate::api::{ListFile, Rows};
use crate::components::section::LoadError;
use crate::context::use_lang;
use leptos::prelude::AnyView;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use observatorio_core::filter::years;
use observatorio_core::lang::Lang;
use observatorio_core::model::list::{Facets, ListIndex, Listed};
use observatorio_core::model::{Country, Topic};
use observatorio_core::routes::{changed_query, with_query};

/// The query pairs of the address bar as it is now (the calendar updates it in place, without
/// the router, so the router's copy may be older).
pub fn location_query() -> Vec<(String, String)> {
    // First views rendered at build time have no query (and no window).
    if cfg!(not(target_arch = "wasm32")) {
        return Vec::new();
    }
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    observatorio_core::routes::parse_query(&search)
}

/// One select of a filter bar.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterField {
    pub key: &'static str,
    pub label: &'static str,
    /// (value in the URL, visible label)
    pub options: Vec<(String, String)>,
    pub selected: Option<String>,
    /// How many items each option would show with the other filters kept (same order as
    /// `options`), where the page can count them.
    pub counts: Option<Vec<usize>>,
}

impl FilterField {
    fn new(key: &'static str, label: &'static str, options: Vec<(String, String)>, selected: Option<String>) -> Self {
        FilterField { key, label, options, selected, counts: None }
    }

    /// The member countries and the Alliance.
    pub fn country(lang: Lang, selected: Option<Country>) -> Self {
        let t = lang.t();
        let options = Country::ALL.iter().map(|c| (c.code().to_string(), t.country(*c).to_string())).collect();
        FilterField::new("country", t.filter_country, options, selected.map(|c| c.code().to_string()))
    }

    /// The years that occur in a list, newest first.
    pub fn year(lang: Lang, occurring: impl Iterator<Item = i32>, selected: Option<i32>) -> Self {
        let options = years(occurring).into_iter().map(|y| (y.to_string(), y.to_string())).collect();
        FilterField::new("year", lang.t().filter_year, options, selected.map(|y| y.to_string()))
    }

    /// The thematic areas (empty until topics.json has loaded).
    pub fn topic(lang: Lang, topics: &[Topic], selected: Option<String>) -> Self {
        let options = topics.iter().map(|tp| (tp.id.clone(), tp.title.get(lang).to_string())).collect();
        FilterField::new("topic", lang.t().filter_topic, options, selected)
    }

    /// The label of the chosen option, for its chip.
    fn chosen(&self) -> Option<&str> {
        let v = self.selected.as_deref()?;
        Some(self.options.iter().find(|(value, _)| value == v).map(|(_, l)| l.as_str()).unwrap_or(v))
    }
}

/// Each field's options counted: `count(pairs)` is how many items the query `pairs` shows; an
/// option's count is that of the current query with its key set to the option.
pub fn with_counts(fields: &mut [FilterField], count: impl Fn(&[(String, String)]) -> usize) {
    let now = location_query();
    for f in fields.iter_mut() {
        let counts = f
            .options
            .iter()
            .map(|(value, _)| {
                let mut pairs: Vec<(String, String)> = now.iter().filter(|(k, _)| k != f.key).cloned().collect();
                pairs.push((f.key.to_string(), value.clone()));
                count(&pairs)
            })
            .collect();
        f.counts = Some(counts);
    }
}

thread_local! {
    /// The lists whose filters the reader opened in this visit: they stay open as the list is
    /// drawn again after each change.
    static OPEN: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// Results first: the count, one "Filter" control that opens the selects, the active filters as
/// chips that each remove one; changing a select rewrites that key of the query and navigates.
/// When nothing matches, the page says so and offers to remove each filter.
/// A page that keeps the bar while its filters change passes signals: the selects are built
/// again only when their options change, and the count (a live region), the chips and the
/// chosen values follow in place.
#[component]
pub fn FilterBar(
    #[prop(into)] fields: Signal<Vec<FilterField>>,
    path: String,
    #[prop(into)] count: Signal<usize>,
    #[prop(into)] ignored: Signal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let navigate = use_navigate();
    let deferred = use_context::<DeferredQuery>();
    // The query as the page now reads it: a change not yet written to the address bar counts.
    let now_query = move || deferred.and_then(|d| d.0.get_untracked()).unwrap_or_else(location_query);
    let chips_path = path.clone();
    let chips = Memo::new(move |_| {
        let now = now_query();
        fields.with(|fs| {
            fs.iter()
                .filter_map(|f| {
                    let label = f.chosen()?;
                    let to = observatorio_core::routes::href(&with_query(&chips_path, &now, &[(f.key, None)]));
                    Some((format!("{}: {label}", f.label), to))
                })
                .collect::<Vec<_>>()
        })
    });
    let active = Memo::new(move |_| chips.with(Vec::len));
    let open = OPEN.with(|o| o.borrow().contains(&path));
    let key_path = path.clone();
    let on_toggle = move |ev: leptos::ev::Event| {
        let opened = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        OPEN.with(|o| {
            let mut o = o.borrow_mut();
            if opened {
                o.insert(key_path.clone());
            } else {
                o.remove(&key_path);
            }
        });
    };
    // What the selects are made of; the chosen values are not part of it.
    let shape = Memo::new(move |_| {
        fields.with(|fs| fs.iter().map(|f| (f.key, f.label, f.options.clone(), f.counts.clone())).collect::<Vec<_>>())
    });
    let chosen = move |key: &'static str| fields.with(|fs| fs.iter().find(|f| f.key == key)?.selected.clone());
    let select_path = path.clone();
    let selects = move || {
        shape
            .get()
            .into_iter()
            .map(|(key, label, options, counts)| {
                let navigate = navigate.clone();
                let path = select_path.clone();
                let id = format!("filter-{key}");
                let on_change = move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    let change = [(key, (!value.is_empty()).then_some(value))];
                    let now = now_query();
                    let to = with_query(&path, &now, &change);
                    match deferred {
                        Some(d) => d.change(changed_query(&now, &change), to, navigate.clone()),
                        None => navigate(&to, NavigateOptions { scroll: false, ..Default::default() }),
                    }
                };
                // The attribute for the first view and a rebuilt list; the property as the
                // filters change with the list kept.
                let selected = untrack(|| chosen(key));
                view! {
                    <div class="filter">
                        <label for=id.clone()>{label}</label>
                        <select id=id name=key on:change=on_change prop:value=move || chosen(key).unwrap_or_default()>
                            <option value="" selected=selected.is_none()>
                                {t.filter_all}
                            </option>
                            {options
                                .into_iter()
                                .enumerate()
                                .map(|(i, (value, label))| {
                                    let sel = selected.as_deref() == Some(value.as_str());
                                    let label = match counts.as_ref().and_then(|c| c.get(i)) {
                                        Some(n) => {
                                            format!("{label} ({})", observatorio_core::i18n::format_count(lang, *n))
                                        }
                                        None => label,
                                    };
                                    view! {
                                        <option value=value selected=sel>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                }
            })
            .collect_view()
    };
    let chip_list = move || {
        chips
            .get()
            .into_iter()
            .map(|(label, to)| {
                let aria = format!("{}: {label}", t.remove_filter);
                view! {
                    <li>
                        <leptos_router::components::A href=to attr:class="chip" attr:aria-label=aria>
                            <span>{label}</span>
                            <span class="chip-x" aria-hidden="true">
                                "×"
                            </span>
                        </leptos_router::components::A>
                    </li>
                }
            })
            .collect_view()
    };
    let clear = observatorio_core::routes::href(&path);
    let summary = move || match active.get() {
        0 => t.filter_open.to_string(),
        n => format!("{} ({n})", t.filter_open),
    };
    let result = move || {
        let count = count.get();
        if count == 0 && active.get() > 0 {
            t.no_match.to_string()
        } else {
            observatorio_core::i18n::format_counted(lang, count, t.result_one, t.results)
        }
    };
    // Which of the two chip lists shows: under the count, or offered when nothing matches.
    let state = Memo::new(move |_| (active.get() > 0, count.get() > 0));
    let clear_chips = clear.clone();
    view! {
        <div class="filter-head">
            <p class="result-count" role="status">
                {result}
            </p>
            <details class="filters" open=open on:toggle=on_toggle>
                <summary class="button secondary">{summary}</summary>
                <form class="filter-bar" role="search" aria-label=t.filters on:submit=|ev| ev.prevent_default()>
                    {selects}
                </form>
            </details>
        </div>
        {move || match state.get() {
            (true, true) => {
                let clear_chips = clear_chips.clone();
                view! {
                    <ul class="chips" aria-label=t.active_filters>
                        {chip_list}
                        {move || {
                            (active.get() > 1)
                                .then(|| {
                                    view! {
                                        <li>
                                            <leptos_router::components::A
                                                href=clear_chips.clone()
                                                attr:class="chip-clear"
                                            >
                                                {t.clear_filters}
                                            </leptos_router::components::A>
                                        </li>
                                    }
                                })
                        }}
                    </ul>
                }
                    .into_any()
            }
            (true, false) => {
                view! {
                    <div class="empty widen">
                        <p>{t.widen_intro}</p>
                        <ul class="chips">
                            {chip_list} <li>
                                <leptos_router::components::A href=clear.clone() attr:class="chip-clear">
                                    {t.clear_filters}
                                </leptos_router::components::A>
                            </li>
                        </ul>
                    </div>
                }
                    .into_any()
            }
            _ => ().into_any(),
        }}
        {move || {
            ignored
                .with(|i| (!i.is_empty()).then(|| i.join(", ")))
                .map(|list| view! { <p class="notice">{t.ignored_filters} " " <code>{list}</code></p> })
        }}
    }
}

/// A filter parsed from query pairs, with the names of the parameters it ignored.
pub type Parsed<F> = (F, Vec<String>);

/// A filter read from the URL's query string, kept in step with it.
pub fn use_query_filter<F>(parse: fn(Vec<(&str, &str)>) -> Parsed<F>) -> Memo<Parsed<F>>
where
    F: Clone + PartialEq + Send + Sync + 'static,
{
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| parse(q.into_iter().map(|(k, v)| (k.as_ref(), v)).collect())))
}

/// The same, for a page whose redraw is costly: its filter bar's changes are drawn first and
/// written to the address bar after the next frame. Under a phone's CPU, `history.pushState`
/// alone takes about 20 ms on the indicators page with 100,000 processes loaded; paid before
/// the redraw, it delayed every figure by that much. Back and shared links work as before:
/// the address bar holds the filters one frame later, and the router's query, once it has
/// them, parses to the same filter (nothing is drawn twice).
pub fn use_deferred_query_filter<F>(parse: fn(Vec<(&str, &str)>) -> Parsed<F>) -> Memo<Parsed<F>>
where
    F: Clone + PartialEq + Send + Sync + 'static,
{
    let query = use_query_map();
    let deferred = DeferredQuery(RwSignal::new(None));
    provide_context(deferred);
    Memo::new(move |_| match deferred.0.get() {
        Some(pairs) => parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()),
        None => query.with(|q| parse(q.into_iter().map(|(k, v)| (k.as_ref(), v)).collect())),
    })
}

/// Query pairs chosen in a filter bar and not yet in the address bar (`use_deferred_query_filter`).
#[derive(Clone, Copy)]
pub struct DeferredQuery(RwSignal<Option<Vec<(String, String)>>>);

impl DeferredQuery {
    /// Draws `pairs` now; navigates to `to` once the frame showing them is painted (a
    /// `requestAnimationFrame` callback runs before that paint, a timeout set in it after).
    /// Several changes within one frame make one history entry, the last.
    fn change(self, pairs: Vec<(String, String)>, to: String, navigate: impl Fn(&str, NavigateOptions) + 'static) {
        self.0.set(Some(pairs.clone()));
        let write = move || {
            // A later change, or a navigation meanwhile (Back), has the last word.
            if self.0.with_untracked(|p| p.as_ref() == Some(&pairs)) {
                navigate(&to, NavigateOptions { scroll: false, ..Default::default() });
                self.0.set(None);
            }
        };
        if document().hidden() {
            return write();
        }
        request_animation_frame(move || set_timeout(write, std::time::Duration::ZERO));
    }
}

/// Items a list shows at first, and how many more each "show more" adds: an archive of
/// thousands stays quick to draw.
pub const LIST_PAGE: usize = 20;

/// `total` items drawn `LIST_PAGE` at a time in a `<div>` (or an `<ol>`), with a "show more"
/// button that keeps focus; `item(i)` draws the i-th.
pub fn paged(
    ordered: bool,
    class: &'static str,
    total: usize,
    item: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let lang = use_lang();
    let (limit, set_limit) = signal(LIST_PAGE.min(total));
    let item = StoredValue::new(item);
    let items = move || {
        view! {
            <For each=move || 0..limit.get() key=|i| *i let:i>
                {item.with_value(|f| f(i))}
            </For>
        }
    };
    let list = if ordered {
        view! { <ol class=class>{items}</ol> }.into_any()
    } else {
        view! { <div class=class>{items}</div> }.into_any()
    };
    view! {
        {list}
        <Show when=move || { limit.get() < total }>
            <p class="more">
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| set_limit.update(|n| *n = (*n + LIST_PAGE).min(total))
                >
                    {move || format!("{} ({} / {total})", lang.t().show_more, limit.get())}
                </button>
            </p>
        </Show>
    }
    .into_any()
}

/// A filtered list page's body: the filter bar and count, then the matching items a page at a
/// time (or a note).
pub fn filtered_list<T: Clone + Send + Sync + 'static>(
    bar: (String, Vec<FilterField>, Vec<String>),
    items: &[T],
    keep: impl Fn(&T) -> bool,
    class: &'static str,
    card: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let lang = use_lang();
    let (path, fields, ignored) = bar;
    let filtered = fields.iter().any(|f| f.selected.is_some());
    let shown: Vec<T> = items.iter().filter(|i| keep(i)).cloned().collect();
    let count = shown.len();
    let list = if shown.is_empty() {
        // A filter that leaves nothing is told by the bar, with the ways to widen it.
        (!filtered).then(|| view! { <p class="empty">{lang.t().no_results}</p> }).into_any()
    } else {
        paged(false, class, count, move |i| card(shown[i].clone()))
    };
    view! {
        <FilterBar fields=fields path=path count=count ignored=ignored />
        {list}
    }
    .into_any()
}

/// `filtered_list` for a long list read a page file at a time (see `api::ListFile`): rows are
/// filtered on the index's columns; each shown item waits for its page, as a placeholder.
pub fn filtered_rows<T: Listed<Index = ListIndex> + Facets + Clone + PartialEq + Send + Sync + 'static>(
    bar: (String, Vec<FilterField>, Vec<String>),
    list: ListFile<T>,
    rows: &Rows<T>,
    keep: impl Fn(&dyn Facets) -> bool,
    class: &'static str,
    card: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let lang = use_lang();
    let (path, fields, ignored) = bar;
    let filtered = fields.iter().any(|f| f.selected.is_some());
    let empty = move || (!filtered).then(|| view! { <p class="empty">{lang.t().no_results}</p> }).into_any();
    let (count, body) = rows_list(list, rows, keep, class, card, empty);
    view! {
        <FilterBar fields=fields path=path count=count ignored=ignored />
        {body}
    }
    .into_any()
}

/// The items of a long list that `keep` accepts, `LIST_PAGE` at a time, each drawn by `card`
/// once its page file is there (`empty` when none match); and how many match.
pub fn rows_list<T: Listed<Index = ListIndex> + Facets + Clone + PartialEq + Send + Sync + 'static>(
    list: ListFile<T>,
    rows: &Rows<T>,
    keep: impl Fn(&dyn Facets) -> bool,
    class: &'static str,
    card: impl Fn(T) -> AnyView + Send + Sync + 'static,
    empty: impl FnOnce() -> AnyView,
) -> (usize, AnyView) {
    let shown = rows.positions(keep);
    let count = shown.len();
    if shown.is_empty() {
        return (0, empty());
    }
    (count, paged_items(list, rows, shown, class, card))
}

/// The items at `positions` of a long list, `LIST_PAGE` at a time, each drawn by `card` once its
/// page file is there (a placeholder meanwhile; its page's error and retry if it fails).
pub fn paged_items<T: Listed + Clone + PartialEq + Send + Sync + 'static>(
    list: ListFile<T>,
    rows: &Rows<T>,
    positions: Vec<usize>,
    class: &'static str,
    card: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let rows = rows.clone();
    let card = std::sync::Arc::new(card);
    // A page file that fails is told once, at the first item shown from it, with one retry.
    let first_of_page = first_of_page(&positions);
    paged(false, class, positions.len(), move |k| {
        let (at, rows, card, first) = (positions[k], rows.clone(), card.clone(), first_of_page[k]);
        (move || match list.item(&rows, at) {
            None => view! {
                <div class="card skeleton" aria-hidden="true">
                    <div class="skeleton-line"></div>
                    <div class="skeleton-line"></div>
                    <div class="skeleton-line"></div>
                </div>
            }
            .into_any(),
            Some(Ok(item)) => card(item),
            Some(Err(error)) if first => {
                view! { <LoadError error=error retry=move || list.retry_item(at) /> }.into_any()
            }
            Some(Err(_)) => ().into_any(),
        })
        .into_any()
    })
}

/// For each of `positions` (in the order shown), whether it is the first shown from its page file.
fn first_of_page(positions: &[usize]) -> Vec<bool> {
    let mut seen = std::collections::HashSet::new();
    positions.iter().map(|&at| seen.insert(ListIndex::page_of(at).0)).collect()
}

#[cfg(test)]
mod tests {
    use super::first_of_page;
    use observatorio_core::model::list::LIST_FILE_PAGE;

    #[test]
    fn a_failed_page_file_is_told_once_whatever_the_order() {
        let p = LIST_FILE_PAGE;
        assert_eq!(first_of_page(&[0, 1, 2]), [true, false, false]);
        // Newest first, filtered: positions from two page files, interleaved by the filter.
        assert_eq!(first_of_page(&[p + 3, p + 1, 4, p, 0]), [true, false, true, false, false]);
        assert!(first_of_page(&[]).is_empty());
    }
}
