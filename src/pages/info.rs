//! The official pages (licence and attribution, privacy, contact, accessibility, methodology):
//! their texts come from `site.json`; the licence page adds each open-contracting source's
//! publisher and licence from the published manifest, the methodology page links every
//! indicator's own methodology.

use crate::api::use_store;
use crate::components::bits::{use_meta, ExternalLink, LinkList, Paragraphs};
use crate::components::section::{ErrorNotice, Section, Skeleton};
use crate::context::use_lang;
use crate::ocds_loader::{load_manifest, retry_manifest, use_ocds};
use leptos::prelude::*;
use observatorio_core::i18n::format_partial_date;
use observatorio_core::model::{Country, InfoKind, SafeUrl};
use observatorio_core::routes::Page;

#[component]
pub fn InfoPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = super::use_id();
    let kind = Memo::new(move |_| InfoKind::parse(&id.get()));
    use_meta(move |l| match kind.get() {
        Some(k) => (l.t().info(k).to_string(), l.t().intro_description.to_string()),
        None => (l.t().not_found_title.to_string(), String::new()),
    });
    move || {
        let Some(kind) = kind.get() else {
            return view! { <super::NotFoundPage /> }.into_any();
        };
        let t = lang.t();
        view! {
            <div class="page prose info-page">
                <h1>{t.info(kind)}</h1>
                <Section
                    res=store.site
                    render=move |site| {
                        let site = site.items.first().cloned();
                        let contact = site.as_ref().and_then(|s| s.contact.clone());
                        let page = site.as_ref().and_then(|s| s.page(kind).cloned());
                        match page {
                            None => {
                                view! {
                                    <p class="notice">{t.info_missing()}</p>
                                    <ContactLine contact=contact />
                                }
                                    .into_any()
                            }
                            Some(p) => {
                                view! {
                                    <p class="meta">
                                        <time datetime=p
                                            .updated
                                            .iso()>{t.info_updated(&format_partial_date(lang, &p.updated))}</time>
                                    </p>
                                    <Paragraphs blocks=p.body />
                                    {(kind == InfoKind::Contact).then(|| view! { <ContactLine contact=contact /> })}
                                    {(!p.links.is_empty())
                                        .then(|| {
                                            view! { <LinkList links=p.links /> }
                                        })}
                                }
                                    .into_any()
                            }
                        }
                    }
                />
                {match kind {
                    InfoKind::Licence => view! { <DataSources /> }.into_any(),
                    InfoKind::Methodology => view! { <IndicatorMethods /> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        }
        .into_any()
    }
}

#[component]
fn ContactLine(contact: Option<SafeUrl>) -> impl IntoView {
    let lang = use_lang();
    contact.map(|url| {
        let shown = url.as_str().trim_start_matches("mailto:").to_string();
        view! { <p>{lang.t().info_contact_address()} ": " <ExternalLink url=url>{shown}</ExternalLink></p> }
    })
}

/// Each open-contracting source: its publisher, the licence it states (or that it states none)
/// and the date of its data, as the published manifest says.
#[component]
fn DataSources() -> impl IntoView {
    let lang = use_lang();
    let store = use_ocds();
    // In an effect: none runs when the first view is rendered at build time.
    Effect::new(move |_| load_manifest(store));
    let t = lang.t();
    view! {
        <section aria-labelledby="data-sources">
            <h2 id="data-sources">{t.info_data_sources()}</h2>
            {move || match store.manifest.get() {
                None => view! { <Skeleton lines=4 /> }.into_any(),
                Some(Err(e)) => {
                    view! {
                        <ErrorNotice
                            message=lang.o().manifest_error.to_string()
                            detail=e
                            retry=move || retry_manifest(store)
                        />
                    }
                        .into_any()
                }
                Some(Ok(m)) => {
                    let sources = m.0.0.sources.clone();
                    view! {
                        <ul class="sources">
                            {sources
                                .into_iter()
                                .map(|s| {
                                    let country = Country::parse(&s.country).map(|c| t.country(c)).unwrap_or_default();
                                    let name = lang.pick(s.name.es.clone(), s.name.en.clone());
                                    let url = s.url.as_deref().and_then(|u| SafeUrl::parse(u).ok());
                                    view! {
                                        <li>
                                            <strong>{name}</strong>
                                            " ("
                                            {country}
                                            ")"
                                            <br />
                                            {t.info_publisher()}
                                            ": "
                                            <span lang="es">{s.publisher.clone()}</span>
                                            <br />
                                            {t.info_licence()}
                                            ": "
                                            {s.licence.clone().unwrap_or_else(|| t.info_no_licence().to_string())}
                                            {s
                                                .published
                                                .as_deref()
                                                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                                                .map(|d| {
                                                    view! {
                                                        <br />
                                                        {lang.o().data_date}
                                                        ": "
                                                        {observatorio_core::i18n::format_date(lang, d)}
                                                    }
                                                })}
                                            {url
                                                .map(|u| {
                                                    view! {
                                                        <br />
                                                        <ExternalLink url=u>{t.info_publisher_site()}</ExternalLink>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Every indicator with a link to its methodology (definition, formula, threshold, exclusions,
/// reference, limitations).
#[component]
fn IndicatorMethods() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section aria-labelledby="indicator-methods">
            <h2 id="indicator-methods">{lang.t().info_indicators()}</h2>
            <ul>
                {observatorio_core::ocds::methodology::METHODS
                    .iter()
                    .map(|m| {
                        let href = observatorio_core::routes::href(
                            &observatorio_core::routes::with_query(
                                &Page::Indicators(Country::Ap).path(lang),
                                &[],
                                &[("methodology", Some(m.id.to_string()))],
                            ),
                        );
                        view! {
                            <li>
                                <a href=href>{lang.o().indicator(m.id)}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
