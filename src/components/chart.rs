//! A dataset as a chart: title, subtitle, SVG drawn from `charts::scene`, tooltips that work by
//! touch, keyboard and pointer, a text summary, a table toggle, CSV/JSON downloads, a permalink,
//! source and notes. Sized to its container's width.

use crate::components::bits::{ExternalLink, Paragraphs, SampleBadge, Tx};
use crate::components::cards::Heading;
use crate::components::data_table::DataTable;
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::charts::scene::{layout, Anchor, Mark, RuleClass, Scene, TextClass};
use observatorio_core::charts::spec::ChartSpec;
use observatorio_core::charts::summary::summary;
use observatorio_core::charts::{export, scene};
use observatorio_core::model::{ChartKind, Dataset};
use observatorio_core::routes::Page;

/// Fill of series `s`: solid for the first, then textures, so colour never carries meaning alone.
fn fill(uid: &str, s: usize) -> String {
    if s.is_multiple_of(5) {
        format!("var(--c{})", s % 5)
    } else {
        format!("url(#{uid}-p{})", s % 5)
    }
}

/// Texture definitions (one per series after the first) in the series' colours.
fn patterns(uid: &str) -> impl IntoView {
    // Each texture: (background series colour, overlay path in the page background colour).
    const OVERLAYS: [&str; 4] =
        ["M0,6 L6,0", "M3,3 m-1,0 a1,1 0 1,0 2,0 a1,1 0 1,0 -2,0", "M0,0 L6,6 M0,6 L6,0", "M0,3 L6,3"];
    OVERLAYS
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let s = i + 1;
            view! {
                <pattern id=format!("{uid}-p{s}") patternUnits="userSpaceOnUse" width="6" height="6">
                    <rect width="6" height="6" fill=format!("var(--c{s})")></rect>
                    <path d=*d stroke="var(--bg)" stroke-width="1.5" fill="var(--bg)"></path>
                </pattern>
            }
        })
        .collect_view()
}

fn anchor(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

fn text_class(c: TextClass) -> &'static str {
    match c {
        TextClass::Label => "ct-label",
        TextClass::Tick => "ct-tick",
        TextClass::Value => "ct-value",
        TextClass::ValueInside => "ct-value inside",
        TextClass::Missing => "ct-missing",
    }
}

/// The SVG for a scene, named `name`; marks linked to points select their tooltip. The chart is
/// one Tab stop (the current point, the first at first); arrow keys, Home and End move between
/// points inside it.
fn draw(scene: &Scene, uid: &str, name: String, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let f = |v: f64| format!("{v:.1}");
    let stop = move |p: usize| if selected.get().unwrap_or(0) == p { "0" } else { "-1" };
    let points = scene.points.len();
    let marks = scene
        .marks
        .iter()
        .map(|m| match m.clone() {
            Mark::Rule { x1, y1, x2, y2, class } => {
                let class = if class == RuleClass::Zero { "ct-zero" } else { "ct-grid" };
                view! { <line x1=f(x1) y1=f(y1) x2=f(x2) y2=f(y2) class=class></line> }.into_any()
            }
            Mark::Text { x, y, text, anchor: a, class } => view! {
                <text x=f(x) y=f(y) text-anchor=anchor(a) class=text_class(class)>
                    {text}
                </text>
            }
            .into_any(),
            Mark::Line { d, series } => view! { <path d=d class=format!("ct-line l{}", series % 5)></path> }.into_any(),
            Mark::Rect { x, y, w, h, series, point, rest } => {
                let fill = if rest { "var(--rest)".to_string() } else { fill(uid, series) };
                match point {
                    None => view! { <rect x=f(x) y=f(y) width=f(w) height=f(h) fill=fill></rect> }.into_any(),
                    Some(p) => {
                        let label = scene.points[p].text.clone();
                        view! {
                            <rect
                                x=f(x)
                                y=f(y)
                                width=f(w)
                                height=f(h)
                                fill=fill
                                tabindex=move || stop(p)
                                data-point=p
                                role="img"
                                aria-label=label
                                class="ct-point"
                                class:selected=move || selected.get() == Some(p)
                                on:focus=move |_| selected.set(Some(p))
                                on:mouseenter=move |_| selected.set(Some(p))
                                on:click=move |_| selected.set(Some(p))
                            ></rect>
                        }
                        .into_any()
                    }
                }
            }
            Mark::Dot { x, y, series, point } => {
                let label = scene.points[point].text.clone();
                // A different marker per series, as the lines also differ by dash.
                let d = match series % 4 {
                    0 => format!("M{},{} m-5,0 a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0", f(x), f(y)),
                    1 => format!("M{},{} h9 v9 h-9 z", f(x - 4.5), f(y - 4.5)),
                    2 => format!("M{},{} l6,6 l-6,6 l-6,-6 z", f(x), f(y - 6.0)),
                    _ => format!("M{},{} l6,10 h-12 z", f(x), f(y - 6.0)),
                };
                view! {
                    <path
                        d=d
                        class=format!("ct-dot l{}", series % 5)
                        tabindex=move || stop(point)
                        data-point=point
                        role="img"
                        aria-label=label
                        class:selected=move || selected.get() == Some(point)
                        on:focus=move |_| selected.set(Some(point))
                        on:mouseenter=move |_| selected.set(Some(point))
                        on:click=move |_| selected.set(Some(point))
                    ></path>
                }
                .into_any()
            }
        })
        .collect_view();
    let (w, h) = (scene.width, scene.height);
    view! {
        <svg
            class="chart-svg"
            viewBox=format!("0 0 {} {}", f(w), f(h))
            width="100%"
            role="group"
            aria-label=name
            focusable="false"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
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
        >
            <defs>{patterns(uid)}</defs>
            {marks}
        </svg>
    }
}

/// `data:` link for a download (a local file the reader saves, not a link leaving the site).
fn data_url(mime: &str, body: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", observatorio_core::routes::encode_segment(body))
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
                                    <rect width="12" height="12" fill=fill(&uid, i)></rect>
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
    let downloads = move || {
        let ds = live.get();
        let l = lang;
        let page = permalink.clone().unwrap_or_else(|| Page::Dataset(ds.id.clone()).href(l));
        let url = crate::context::origin().map(|o| format!("{o}{page}")).unwrap_or(page.clone());
        let t = l.t();
        view! {
            <ul class="chart-actions">
                <li>
                    <a
                        class="button secondary"
                        download=format!("{}.csv", ds.id)
                        href=data_url("text/csv", &export::csv(&ds, l))
                    >
                        {t.download_csv}
                    </a>
                </li>
                <li>
                    <a
                        class="button secondary"
                        download=format!("{}.json", ds.id)
                        href=data_url("application/json", &export::json(&ds, l, &url))
                    >
                        {t.download_json}
                    </a>
                </li>
                <li>
                    <a class="permalink" href=page>
                        {t.permalink}
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
                                {move || scene.with(|s| draw(s, &uid, name.clone(), selected))}
                                {tip}
                            </div>
                            {legend}
                            <p class="chart-hint muted">{lang.t().chart_hint}</p>
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
