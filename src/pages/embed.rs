//! The Embed page: choose a widget and its options, see it live, copy the snippet (or the plain
//! iframe). The options, URLs and code come from `observatorio_core::widget`; this page only edits them.

use crate::api::{topics_now, use_store};
use crate::components::bits::use_meta;
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::lang::Lang;
use observatorio_core::model::{ChartKind, Country};
use observatorio_core::widget::{self, Kind, Options, Rgb, Theme, DEFAULT_COUNT, MAX_COUNT};

/// The site's absolute root, as hosts must reference it (`https://…/observatorio/`).
fn site_root() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}/", observatorio_core::routes::base().trim_end_matches('/'))
}

#[component]
pub fn EmbedPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    use_meta(|l| (l.t().embed.to_string(), l.w().embed_intro.to_string()));
    let w = lang.w();
    let t = lang.t();
    // The configuration lives in the page's URL, so it can be shared; without one, the news
    // widget (real items) is what a visitor sees first.
    let (first, first_dataset) = from_page_query(lang);
    let opts = RwSignal::new(Options { dataset: first_dataset, ..first.clone() });
    let count_text = RwSignal::new(first.count.unwrap_or(DEFAULT_COUNT).to_string());
    let count_ok =
        move || count_text.with(|s| s.trim().parse::<u8>().ok().filter(|n| (1..=MAX_COUNT).contains(n)).is_some());
    let accent_on = RwSignal::new(first.accent.is_some());
    let accent_text = RwSignal::new(first.accent.map(|c| c.hex()).unwrap_or_else(|| "#0b3a6e".to_string()));
    let set = move |f: &dyn Fn(&mut Options)| opts.update(|o| f(o));
    // Charts the widget can show: the members' procurement comparison (published from the
    // OCDS data), then the datasets (their list loads with the page).
    let charts = move || {
        let wl = opts.with(|o| o.lang);
        let mut out = vec![(widget::PROCUREMENT_COMPARISON.to_string(), wl.o().comparison_shares.to_string(), false)];
        out.extend(
            store
                .datasets
                .items_now()
                .into_iter()
                .filter(|d| d.chart.is_some() && widget::valid_id(&d.id) && !widget::is_procurement(&d.id))
                .map(|d| (d.id.clone(), d.title.get(wl).to_string(), d.chart == Some(ChartKind::Figures))),
        );
        out
    };
    // The options as chosen, with a dataset filled in for a chart.
    let effective = Memo::new(move |_| {
        let mut o = opts.get();
        if o.kind == Kind::Chart && o.dataset.is_none() {
            o.dataset = charts().first().map(|c| c.0.clone());
        }
        o.count = if count_ok() { count_text.with(|s| s.trim().parse().ok()) } else { None };
        o.accent = if accent_on.get() { accent_text.with(|s| Rgb::parse(s)) } else { None };
        // The widget's title names what it shows: the area's or the chart's name.
        o.label = match (o.kind, &o.area, &o.dataset) {
            (Kind::Chart, _, Some(id)) => charts().into_iter().find(|c| &c.0 == id).map(|c| c.1),
            (k, Some(a), _) if k.lists() => {
                topics_now(store).into_iter().find(|t| &t.id == a).map(|t| t.title.get(o.lang).to_string())
            }
            _ => None,
        };
        o
    });
    // Every change is written to the address bar (in place: Back leaves the page).
    Effect::new(move |_| {
        let o = effective.get();
        let mut pairs: Vec<(&str, String)> = vec![("widget", o.kind.code().to_string())];
        if o.lang != lang {
            pairs.push(("wlang", o.lang.code().to_string()));
        }
        if let (Kind::Chart, Some(id)) = (o.kind, &o.dataset) {
            pairs.push(("dataset", id.clone()));
        }
        pairs.extend(o.pairs());
        let q = observatorio_core::routes::query_string(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        let url = observatorio_core::routes::href(&format!("{}{q}", observatorio_core::routes::Page::Embed.path(lang)));
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
    let (host_width, set_host_width) = signal(HostWidth::Phone);
    let snippet = move || effective.with(|o| o.snippet(&site_root()));
    let iframe_code = move || effective.with(|o| o.iframe(&site_root()));
    let preview_src = move || effective.with(|o| o.url(&site_root()));
    let oembed_href = move || effective.with(|o| format!("{}{}", site_root(), o.oembed_path()));

    // The live preview sizes itself like an embedded widget: hello on load, then heights from
    // this origin and this iframe only.
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let height = RwSignal::new(Kind::Events.default_height());
    let handle = window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
        let Some(f) = frame.get_untracked() else { return };
        let own = window().location().origin().unwrap_or_default();
        // Compared as JS values: the frame's window is not an `instanceof Window` of this realm.
        let from_preview = e
            .source()
            .zip(f.content_window())
            .is_some_and(|(s, w)| wasm_bindgen::JsValue::from(s) == wasm_bindgen::JsValue::from(w));
        if e.origin() != own || !from_preview {
            return;
        }
        let data = e.data();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|v| v.as_string());
        let h = js_sys::Reflect::get(&data, &"height".into()).ok().and_then(|v| v.as_f64());
        if let (Some("observatorio:size"), Some(h)) = (kind.as_deref(), h) {
            if h > 0.0 && h < 20_000.0 {
                height.set(h.ceil() as u32);
            }
        }
    });
    on_cleanup(move || handle.remove());
    let hello = move |_| {
        if let Some(win) = frame.get_untracked().and_then(|f| f.content_window()) {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"observatorio:hello".into());
            let _ = win.post_message(&msg, &window().location().origin().unwrap_or_default());
        }
    };

    let select = move |id: &'static str,
                       label: &'static str,
                       options: Vec<(String, String)>,
                       current: Signal<String>,
                       on: fn(&mut Options, &str)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|o| on(o, &v));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(v, l)| {
                            let sel = v.clone();
                            view! {
                                <option value=v selected=move || current.get() == sel>
                                    {l}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    // A yes/no option: a checkbox showing `get` of the options, writing back with `put`.
    let check = move |id: &'static str, label: &'static str, get: fn(&Options) -> bool, put: fn(&mut Options, bool)| {
        view! {
            <label class="check field">
                <input
                    id=id
                    type="checkbox"
                    prop:checked=move || opts.with(get)
                    on:change=move |ev| {
                        let c = event_target_checked(&ev);
                        set(&|o| put(o, c));
                    }
                />
                " "
                {label}
            </label>
        }
    };
    let kinds: Vec<(String, String)> =
        Kind::ALL.iter().map(|k| (k.code().to_string(), w.kind_title(*k).to_string())).collect();
    let langs: Vec<(String, String)> = vec![("es".into(), "Español".into()), ("en".into(), "English".into())];
    let mut countries = vec![(String::new(), t.all_countries.to_string())];
    countries.extend(Country::ALL.iter().map(|c| (c.code().to_string(), t.country(*c).to_string())));
    let themes: Vec<(String, String)> =
        Theme::ALL.iter().map(|th| (th.code().to_string(), w.theme_name(*th).to_string())).collect();
    let lists = move || effective.with(|o| o.kind.lists());
    let is_chart = move || effective.with(|o| o.kind == Kind::Chart);
    let copied = RwSignal::new(None::<(&'static str, bool)>);
    let copy = move |which: &'static str, text: String| {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some((which, ok)));
        });
    };
    let status = move |which: &'static str| {
        move || {
            copied
                .get()
                .filter(|(w, _)| *w == which)
                .map(|(_, ok)| if ok { lang.w().copied } else { lang.w().copy_failed })
        }
    };

    view! {
        <div class="page embed-page">
            <h1>{lang.t().embed}</h1>
            <p class="lead">{w.embed_intro}</p>
            <div class="embed-grid">
                <form class="embed-options" on:submit=|ev| ev.prevent_default()>
                    {select(
                        "embed-kind",
                        w.widget,
                        kinds,
                        Signal::derive(move || opts.with(|o| o.kind.code().to_string())),
                        |o, v| o.kind = Kind::parse(v).unwrap_or_default(),
                    )}
                    {select(
                        "embed-lang",
                        w.language,
                        langs,
                        Signal::derive(move || opts.with(|o| o.lang.code().to_string())),
                        |o, v| o.lang = Lang::from_code(v).unwrap_or_default(),
                    )}
                    <Show when=is_chart>
                        <div class="field">
                            <label for="embed-dataset">{w.dataset}</label>
                            <select
                                id="embed-dataset"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    set(&|o| o.dataset = Some(v.clone()));
                                }
                            >
                                {move || {
                                    charts()
                                        .into_iter()
                                        .map(|(id, title, _)| {
                                            let sel = id.clone();
                                            view! {
                                                <option
                                                    value=id
                                                    selected=move || {
                                                        effective.with(|o| o.dataset.as_deref() == Some(sel.as_str()))
                                                    }
                                                >
                                                    {title}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </select>
                        </div>
                    </Show>
                    <Show when=lists>
                        {select(
                            "embed-country",
                            t.filter_country,
                            countries.clone(),
                            Signal::derive(move || {
                                opts.with(|o| o.country.map(|c| c.code().to_string()).unwrap_or_default())
                            }),
                            |o, v| o.country = Country::parse(v),
                        )} <div class="field">
                            <label for="embed-area">{t.filter_topic}</label>
                            <select
                                id="embed-area"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    set(&|o| o.area = widget::valid_id(&v).then(|| v.clone()));
                                }
                            >
                                <option value="">{w.all_areas}</option>
                                {move || {
                                    topics_now(store)
                                        .into_iter()
                                        .map(|tp| {
                                            let sel = tp.id.clone();
                                            view! {
                                                <option
                                                    value=tp.id.clone()
                                                    selected=move || {
                                                        opts.with(|o| o.area.as_deref() == Some(sel.as_str()))
                                                    }
                                                >
                                                    {tp.title.get(lang).to_string()}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </select>
                        </div> <div class="field">
                            <label for="embed-n">{w.count}" (1–"{MAX_COUNT}")"</label>
                            <input
                                id="embed-n"
                                type="number"
                                inputmode="numeric"
                                min="1"
                                max=MAX_COUNT.to_string()
                                prop:value=move || count_text.get()
                                aria-invalid=move || (!count_ok()).to_string()
                                aria-describedby="embed-n-error"
                                on:input=move |ev| count_text.set(event_target_value(&ev))
                            />
                            <p id="embed-n-error" class="field-error" role="alert">
                                {move || (!count_ok()).then_some(lang.w().count_range)}
                            </p>
                        </div>
                    </Show>
                    {select(
                        "embed-theme",
                        w.theme,
                        themes,
                        Signal::derive(move || opts.with(|o| o.theme.code().to_string())),
                        |o, v| o.theme = Theme::parse(v).unwrap_or_default(),
                    )}
                    <fieldset class="field">
                        <legend>{w.accent}</legend>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || !accent_on.get()
                                on:change=move |ev| accent_on.set(!event_target_checked(&ev))
                            />
                            " "
                            {w.default_accent}
                        </label>
                        <input
                            id="embed-accent"
                            type="color"
                            aria-label=w.accent
                            prop:value=move || accent_text.get()
                            disabled=move || !accent_on.get()
                            on:input=move |ev| accent_text.set(event_target_value(&ev))
                        />
                    </fieldset>
                    {check(
                        "embed-heading",
                        lang.pick("Mostrar el título del widget", "Show the widget's own heading"),
                        |o| !o.no_heading,
                        |o, c| o.no_heading = !c,
                    )}
                    <Show when=lists>
                        {check(
                            "embed-samples",
                            lang.pick("Incluir el contenido de ejemplo", "Include sample content"),
                            |o| !o.no_samples,
                            |o, c| o.no_samples = !c,
                        )}
                    </Show>
                    {check("embed-compact", w.compact, |o| o.compact, |o, c| o.compact = c)}
                </form>
                <section class="embed-preview" aria-labelledby="embed-preview-title">
                    <h2 id="embed-preview-title">{w.preview}</h2>
                    // The widget as it will sit in a ministry's page, at a phone's width or a
                    // desktop's.
                    <div class="host-widths" role="group" aria-label=lang.pick("Ancho de la página", "Page width")>
                        {[HostWidth::Phone, HostWidth::Desktop]
                            .into_iter()
                            .map(|hw| {
                                view! {
                                    <button
                                        type="button"
                                        class="button secondary"
                                        aria-pressed=move || (host_width.get() == hw).to_string()
                                        on:click=move |_| set_host_width.set(hw)
                                    >
                                        {hw.label(lang)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                    <div class="mock-host" class:phone=move || host_width.get() == HostWidth::Phone>
                        <div class="mock-bar" aria-hidden="true">
                            <span class="mock-dot"></span>
                            <span class="mock-url">"ministerio.gob.example"</span>
                        </div>
                        <div class="mock-page">
                            <p class="mock-title" aria-hidden="true">
                                {lang.pick("Portal del ministerio", "The ministry's portal")}
                            </p>
                            <div class="mock-line" aria-hidden="true"></div>
                            <div class="mock-line short" aria-hidden="true"></div>
                            <iframe
                                id="embed-preview"
                                node_ref=frame
                                src=preview_src
                                title=move || effective.with(|o| o.title())
                                style:height=move || format!("{}px", height.get())
                                on:load=hello
                            ></iframe>
                            <div class="mock-line" aria-hidden="true"></div>
                        </div>
                    </div>
                </section>
            </div>
            <section class="embed-code" aria-labelledby="embed-snippet-title">
                <h2 id="embed-snippet-title">{w.snippet}</h2>
                <p class="muted">{w.snippet_help}</p>
                <textarea
                    id="embed-snippet"
                    readonly
                    rows="5"
                    spellcheck="false"
                    prop:value=snippet
                    aria-labelledby="embed-snippet-title"
                ></textarea>
                <p>
                    <button type="button" class="button" on:click=move |_| copy("snippet", snippet())>
                        {w.copy}
                    </button>
                    " "
                    <span role="status">{status("snippet")}</span>
                </p>
                <h2 id="embed-iframe-title">{w.iframe}</h2>
                <p class="muted">{w.iframe_help}</p>
                <textarea
                    id="embed-iframe"
                    readonly
                    rows="3"
                    spellcheck="false"
                    prop:value=iframe_code
                    aria-labelledby="embed-iframe-title"
                ></textarea>
                <p>
                    <button type="button" class="button secondary" on:click=move |_| copy("iframe", iframe_code())>
                        {w.copy}
                    </button>
                    " "
                    <span role="status">{status("iframe")}</span>
                </p>
                <p>
                    <a type="application/json+oembed" href=oembed_href>
                        {w.oembed}
                    </a>
                </p>
            </section>
        </div>
    }
}

/// The mock host page's width in the preview.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HostWidth {
    Phone,
    Desktop,
}

impl HostWidth {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            HostWidth::Phone => lang.pick("Teléfono (360 px)", "Phone (360 px)"),
            HostWidth::Desktop => lang.pick("Escritorio", "Desktop"),
        }
    }
}

/// The widget configured in the page's URL (`?widget=news&country=CL&heading=0…`), with its
/// dataset for a chart; the news widget in the page's language without one.
fn from_page_query(lang: Lang) -> (Options, Option<String>) {
    let pairs = crate::components::filters::location_query();
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let kind = get("widget").and_then(|k| Kind::parse(&k)).unwrap_or(Kind::News);
    let wlang = get("wlang").and_then(|l| Lang::from_code(&l)).unwrap_or(lang);
    let (o, _) = Options::from_query(kind, wlang, &pairs);
    (o, get("dataset").filter(|d| widget::valid_id(d)))
}
