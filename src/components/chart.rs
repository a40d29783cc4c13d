//! A dataset as a chart: title, subtitle, SVG drawn from `charts::scene`, tooltips that work by
//! touch, keyboard and pointer, a text summary, a table toggle, CSV/JSON downloads, a permalink,
//! source and notes. Sized to its container's width.

use crate::components::bits::{save_file, ExternalLink, Paragraphs, SampleBadge, Tx};
use crate::components::cards::Heading;
use crate::components::data_table::DataTable;
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::charts::scene::{layout, Scene};
use observatorio_core::charts::spec::ChartSpec;
use observatorio_core::charts::summary::summary;
use observatorio_core::charts::svg::{self, Points};
use observatorio_core::charts::{export, scene};
use observatorio_core::lang::Lang;
use observatorio_core::model::{ChartKind, Dataset};
use observatorio_core::routes::Page;

/// The point a pointer or focus event is on (`data-point` of the mark under it), if any.
fn point_of(ev: &web_sys::Event) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-point]").ok()??.get_attribute("data-point")?.parse().ok()
}

/// The SVG for a scene, named `name`. Its marks are written as one piece of markup by
/// `charts::svg` (a filter change on the indicators page redraws three charts: one DOM write
/// each, where a view per mark set hundreds of attributes and listeners); events are handled
/// here for all marks. The chart is one Tab stop (the current point, the first at first); arrow
/// keys, Home and End move between points inside it.
fn draw(scene: Memo<Scene>, uid: String, name: String, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    // The selection moves the Tab stop and the highlight on the drawn marks: rewriting the
    // markup would take the focus away from the point the reader is on.
    Effect::new(move |_| {
        let now = selected.get();
        let Some(svg) = svg_ref.get() else { return };
        let Ok(marks) = svg.query_selector_all("[data-point]") else { return };
        for i in 0..marks.length() {
            let Some(el) = marks.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            let p = el.get_attribute("data-point").and_then(|p| p.parse::<usize>().ok());
            let stop = if p == Some(now.unwrap_or(0)) { "0" } else { "-1" };
            let _ = el.set_attribute("tabindex", stop);
            let _ = el.class_list().toggle_with_force("selected", p.is_some() && p == now);
        }
    });
    let pick = move |ev: web_sys::Event| {
        if let Some(p) = point_of(&ev) {
            if selected.get_untracked() != Some(p) {
                selected.set(Some(p));
            }
        }
    };
    // Markup from `svg::content`, which escapes every text it writes (labels, values, the
    // data's names): safe as the SVG's content.
    let content = move || {
        let points = Points::Focusable { selected: selected.get_untracked() };
        scene.with(|s| svg::content(s, &uid, points))
    };
    view! {
        <svg
            node_ref=svg_ref
            class="chart-svg"
            viewBox=move || scene.with(|s| format!("0 0 {:.1} {:.1}", s.width, s.height))
            width="100%"
            role="group"
            aria-label=name
            focusable="false"
            on:focusin=move |ev| pick(ev.into())
            on:mouseover=move |ev| pick(ev.into())
            on:click=move |ev| pick(ev.into())
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let points = scene.with_untracked(|s| s.points.len());
                let Some(to) = observatorio_core::charts::scene::step(
                    selected.get_untracked().unwrap_or(0),
                    points,
                    &ev.key(),
                ) else {
                    return;
                };
                ev.prevent_default();
                selected.set(Some(to));
                let svg = event_target::<web_sys::Element>(&ev).closest("svg").ok().flatten();
                if let Some(el) = svg.and_then(|s| s.query_selector(&format!("[data-point=\"{to}\"]")).ok().flatten()) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(el) {
                        let _ = el.focus();
                    }
                }
            }
            inner_html=content
        ></svg>
    }
}

/// The page's own address, for a download made from it.
pub fn here() -> String {
    window().location().href().unwrap_or_default()
}

/// A list item with a button that saves the file `make` writes, when a reader asks for it.
pub fn download_button(
    label: impl IntoView + 'static,
    file: String,
    mime: &'static str,
    make: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <li>
            <button
                type="button"
                class="button secondary"
                on:click=move |_| {
                    if let Some(text) = make() {
                        save_file(&file, mime, &text)
                    }
                }
            >
                {label}
            </button>
        </li>
    }
}

/// CSV and JSON buttons (two list items) for a dataset built only when a reader asks for it: a
/// filter change that redraws a chart does not write its files again. `url` is where the JSON
/// says the data comes from.
pub fn download_buttons(
    l: Lang,
    name: impl Into<String>,
    data: impl Fn() -> Option<Dataset> + Clone + Send + Sync + 'static,
    url: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let t = l.t();
    let name = name.into();
    let json = data.clone();
    view! {
        {download_button(t.download_csv, format!("{name}.csv"), "text/csv", move || data().map(|d| export::csv(&d, l)))}
        {download_button(
            t.download_json,
            format!("{name}.json"),
            "application/json",
            move || json().map(|d| export::json(&d, l, &url())),
        )}
    }
}

#[component]
pub fn Chart(
    /// The data; a signal redraws the same chart in place when it changes (the indicators page).
    #[prop(into)]
    dataset: Signal<Dataset>,
    #[prop(default = 2)] level: u8,
    /// Where the permalink points (by default the dataset's page).
    #[prop(optional)]
    permalink: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let live = dataset;
    // Title, notes and kind are read once: only the rows change in place.
    let dataset = live.get_untracked();
    let uid = format!("chart-{}", dataset.id);
    let frame: NodeRef<leptos::html::Div> = NodeRef::new();
    let width = RwSignal::new(360.0);
    let selected = RwSignal::new(None::<usize>);
    let show_table = RwSignal::new(false);
    // Follow the container's width: layout is recomputed for it, text stays readable.
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    // A ResizeObserver reports the width once layout is done (and on every resize), so
    // measuring never forces a layout of a page that has just changed (measured: 39 ms per
    // filter change on the indicators page under 4× CPU slowdown, with `clientWidth` read
    // right after mounting).
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(measure);
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            measure();
            return;
        };
        observer.observe(&el);
        let keep = send_wrapper::SendWrapper::new((observer, callback));
        on_cleanup(move || keep.0.disconnect());
    });

    let spec = Memo::new(move |_| live.with(|d| ChartSpec::from_dataset(d, lang)));
    let scene = Memo::new(move |_| spec.with(|s| layout(s, width.get(), lang)));
    let kind = dataset.chart.unwrap_or(ChartKind::Bar);
    let tip = move || {
        selected.get().and_then(|p| {
            scene.with(|s| {
                s.points.get(p).map(|pt| {
                    // Opens towards the middle of the frame from the point, so it is never cut.
                    let x = pt.x / s.width * 100.0;
                    let top = pt.y / s.height * 100.0;
                    let (left, right) = if x < 50.0 {
                        (Some(format!("{:.1}%", (x - 4.0).max(0.0))), None)
                    } else {
                        (None, Some(format!("{:.1}%", (96.0 - x).max(0.0))))
                    };
                    // Set through the CSSOM (style: properties), which a strict policy allows,
                    // not as a `style` attribute, which it blocks.
                    view! {
                        <div
                            class="chart-tip"
                            aria-hidden="true"
                            style:left=left
                            style:right=right
                            style:top=format!("{top:.1}%")
                        >
                            {pt.text.clone()}
                        </div>
                    }
                })
            })
        })
    };
    let legend_uid = uid.clone();
    let legend = move || {
        spec.with(|s| {
            (s.series.len() > 1 && kind != ChartKind::Figures).then(|| {
                let uid = legend_uid.clone();
                let items = s
                    .series
                    .iter()
                    .enumerate()
                    .map(|(i, series)| {
                        let swatch = if kind == ChartKind::Line {
                            view! {
                                <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true">
                                    <path d="M0,6 H24" class=format!("ct-line l{}", i % 5)></path>
                                </svg>
                            }
                            .into_any()
                        } else {
                            view! {
                                <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">
                                    <rect width="12" height="12" fill=svg::fill(&uid, i)></rect>
                                </svg>
                            }
                            .into_any()
                        };
                        view! { <li>{swatch} {series.name.clone()}</li> }
                    })
                    .collect_view();
                view! {
                    <ul class="legend" aria-label=lang.t().legend>
                        {items}
                    </ul>
                }
            })
        })
    };
    let figures = move || {
        spec.with(|s| {
            let l = lang;
            s.categories
                .iter()
                .enumerate()
                .map(|(i, cat)| {
                    let first = s.series.first();
                    let value = match first.and_then(|f| f.values.get(i).copied().flatten()) {
                        Some(v) => {
                            let at_least = first.and_then(|f| f.at_least.get(i).copied()).unwrap_or(false);
                            scene::full_value(l, v, at_least, s.unit.as_deref())
                        }
                        None => l.t().not_stated.to_string(),
                    };
                    view! {
                        <div class="key-figure static">
                            <span class="figure">{value}</span>
                            <span class="figure-label">{cat.clone()}</span>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let downloads = {
        let l = lang;
        let page = permalink.clone().unwrap_or_else(|| Page::Dataset(dataset.id.clone()).href(l));
        let url = crate::context::origin().map(|o| format!("{o}{page}")).unwrap_or(page.clone());
        view! {
            <ul class="chart-actions">
                {download_buttons(l, dataset.id.clone(), move || Some(live.get_untracked()), move || url.clone())} <li>
                    <a class="permalink" href=page>
                        {l.t().permalink}
                    </a>
                </li>
            </ul>
        }
    };
    let title_id = format!("{uid}-title");
    let chart_name = dataset.title.get(lang).to_string();
    let src = dataset.clone();
    let (figure_id, labelled_by, body_uid) = (uid.clone(), title_id.clone(), uid.clone());
    view! {
        <figure
            class="chart"
            id=figure_id
            aria-labelledby=labelled_by
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    selected.set(None)
                }
            }
        >
            <Heading level=level>
                <span id=title_id>
                    <Tx text=dataset.title.clone() />
                </span>
            </Heading>
            <p class="chart-subtitle">
                <Tx text=dataset.summary.clone() />
                " "
                <SampleBadge sample=dataset.sample />
            </p>
            <div class="chart-toolbar">
                <button
                    type="button"
                    class="button secondary"
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|t| *t = !*t)
                >
                    {move || if show_table.get() { lang.t().view_chart } else { lang.t().view_table }}
                </button>
                {move || {
                    (!show_table.get() && kind != ChartKind::Figures)
                        .then(|| {
                            scene.with(|s| s.axis_title.clone()).map(|t| view! { <span class="axis-title">{t}</span> })
                        })
                }}
            </div>
            <Show when=move || !show_table.get() fallback=move || view! { <DataTable dataset=live.get() /> }>
                {
                    let (legend, uid, name) = (legend.clone(), body_uid.clone(), chart_name.clone());
                    if kind == ChartKind::Figures {
                        view! { <div class="figures">{figures}</div> }.into_any()
                    } else {
                        view! {
                            <div class="chart-frame" node_ref=frame on:mouseleave=move |_| selected.set(None)>
                                {draw(scene, uid, name, selected)}
                                {tip}
                            </div>
                            {legend}
                            <p class="chart-hint muted">
                                <span class="hint-touch">{lang.t().chart_hint_touch}</span>
                                <span class="hint-mouse">{lang.t().chart_hint_mouse}</span>
                                " "
                                <span class="hint-keys">{lang.t().chart_hint_keys}</span>
                            </p>
                        }
                            .into_any()
                    }
                }
            </Show>
            <p class="chart-summary">
                <strong>{lang.t().summary_label} ": "</strong>
                {move || spec.with(|s| summary(s, lang))}
            </p>
            <figcaption>
                <p>
                    <strong>{lang.t().source} ": "</strong>
                    {match src.source_url.clone() {
                        Some(u) => {
                            view! {
                                <ExternalLink url=u>
                                    <Tx text=src.source.clone() />
                                </ExternalLink>
                            }
                                .into_any()
                        }
                        None => view! { <Tx text=src.source.clone() /> }.into_any(),
                    }}
                </p>
                {(!src.notes.es.is_empty())
                    .then(|| {
                        view! {
                            <div class="chart-notes">
                                <Paragraphs blocks=src.notes.clone() />
                            </div>
                        }
                    })}
            </figcaption>
            {downloads}
        </figure>
    }
}
