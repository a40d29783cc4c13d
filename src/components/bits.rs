//! Tiny building blocks: bilingual text with the right `lang`, paragraphs, safe external links,
//! sample badges, page titles.

use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::lang::Lang;
use observatorio_core::model::{Blocks, Country, SafeUrl, Text};

/// Text in the reader's language; a Spanish fallback is marked `lang="es"` for screen readers.
#[component]
pub fn Tx(#[prop(into)] text: Text) -> impl IntoView {
    let lang = use_lang();
    let t2 = text.clone();
    view! { <span lang=if t2.is_fallback(lang) { Some("es") } else { None }>{text.get(lang).to_string()}</span> }
}

/// Paragraphs of plain text. Content is never parsed as HTML.
#[component]
pub fn Paragraphs(#[prop(into)] blocks: Blocks) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang;
        let fallback = blocks.is_fallback(l).then_some("es");
        blocks.get(l).iter().map(|p| view! { <p lang=fallback>{p.clone()}</p> }).collect_view()
    }
}

/// A link that leaves the site: only checked http(s)/mailto URLs, new tab for web pages.
#[component]
pub fn ExternalLink(url: SafeUrl, #[prop(optional)] class: Option<&'static str>, children: Children) -> impl IntoView {
    let lang = use_lang();
    let mailto = url.is_mailto();
    view! {
        <a
            class=class
            href=url.as_str().to_string()
            target=(!mailto).then_some("_blank")
            rel=(!mailto).then_some("noopener noreferrer")
        >
            {children()}
            {(!mailto)
                .then(|| {
                    view! {
                        <span class="sr-only">{format!(" ({}, {})", lang.t().external, lang.t().new_tab)}</span>
                        <span class="ext" aria-hidden="true">
                            "↗"
                        </span>
                    }
                })}
        </a>
    }
}

/// Marks content that is sample, not real.
#[component]
pub fn SampleBadge(sample: bool) -> impl IntoView {
    let lang = use_lang();
    sample.then(|| {
        view! {
            <span class="badge sample" title=lang.t().sample_note>
                {lang.t().sample}
                <span class="sr-only">{format!(": {}", lang.t().sample_note)}</span>
            </span>
        }
    })
}

#[component]
pub fn CountryTag(country: Country) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class="tag country" data-country=country.code()>
            {lang.t().country(country)}
        </span>
    }
}

/// Sets the document title and description for the current view.
pub fn set_meta(lang: Lang, title: &str, description: &str) {
    let doc = document();
    let site = lang.t().site_name;
    doc.set_title(&if title.is_empty() { site.to_string() } else { format!("{title} · {site}") });
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta
            .set_attribute("content", if description.is_empty() { lang.t().intro_description } else { description });
    }
}

/// Keeps the title and description in step with the language (and any data the closure reads).
pub fn use_meta(f: impl Fn(Lang) -> (String, String) + 'static) {
    let lang = use_lang();
    Effect::new(move |_| {
        let l = lang;
        let (title, desc) = f(l);
        set_meta(l, &title, &desc);
    });
}

/// Saves `body` as a file the reader downloads (built on demand, so a list of thousands of
/// processes costs nothing until asked for). A local `blob:` file: nothing leaves the site.
#[cfg(target_arch = "wasm32")]
pub fn save_file(name: &str, mime: &str, body: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let a = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = a {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoked after the click has started the download.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn save_file(_name: &str, _mime: &str, _body: &str) {}

/// A list of links that leave the site (an item's sources, an event's recordings, a page's
/// references), each with its label.
#[component]
pub fn LinkList(links: Vec<observatorio_core::model::Link>) -> impl IntoView {
    view! {
        <ul class="links">
            {links
                .into_iter()
                .map(|lk| {
                    view! {
                        <li>
                            <ExternalLink url=lk.url>
                                <Tx text=lk.label />
                            </ExternalLink>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
