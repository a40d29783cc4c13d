//! An indicator's methodology page (`?methodology=<id>`), linked from its card and section.

use super::page_href;
use crate::components::bits::ExternalLink;
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::model::{Country, SafeUrl};
use observatorio_core::ocds::explain::explain;
use observatorio_core::ocds::methodology::{of, pick};
use observatorio_core::ocds::report::Filter;
use observatorio_core::routes::{with_query, Page};

/// The link to an indicator's methodology.
pub fn methodology_href(l: observatorio_core::lang::Lang, c: Country, id: &str) -> String {
    observatorio_core::routes::href(&with_query(
        &Page::Indicators(c).path(l),
        &[],
        &[("methodology", Some(id.to_string()))],
    ))
}

#[component]
pub fn MethodologyView(country: Country, id: String) -> impl IntoView {
    let l = use_lang();
    let o = l.o();
    let back = page_href(l, country, &Filter::default(), None);
    let Some(m) = of(&id) else {
        return view! {
            <section class="methodology" aria-labelledby="methodology-title">
                <p>
                    <a href=back>{"← "}{o.back}</a>
                </p>
                <h2 id="methodology-title">{o.methodology}</h2>
                <p class="notice" role="status">
                    {o.methodology_unknown}
                </p>
            </section>
        }
        .into_any();
    };
    let exclusions = m.exclusions.iter().map(|r| view! { <li>{o.reason(*r)}</li> }).collect_view();
    let url = m.reference_url.and_then(|u| SafeUrl::parse(u).ok());
    let back_to = format!("{back}#{}", m.id);
    view! {
        <section class="methodology" aria-labelledby="methodology-title">
            <p>
                <a href=back_to>{"← "}{o.back}</a>
            </p>
            <p class="kicker">{o.methodology}</p>
            <h2 id="methodology-title">{o.indicator(m.id)}</h2>
            <dl class="methodology-parts">
                <dt>{o.m_definition}</dt>
                <dd>{explain(m.id, l).unwrap_or_default()}</dd>
                <dt>{o.m_formula}</dt>
                <dd>{pick(m.formula, l)}</dd>
                <dt>{o.m_threshold}</dt>
                <dd>{m.threshold.map_or(o.m_no_threshold, |t| pick(t, l))}</dd>
                <dt>{o.m_exclusions}</dt>
                <dd>
                    {if m.exclusions.is_empty() {
                        view! { <p>{o.m_no_exclusions}</p> }.into_any()
                    } else {
                        view! {
                            <p>{o.m_exclusions_intro}</p>
                            <ul>{exclusions}</ul>
                        }
                            .into_any()
                    }}
                </dd>
                <dt>{o.m_reference}</dt>
                <dd>
                    {pick(m.reference, l)} " "
                    {url.map(|u| view! { <ExternalLink url=u>{o.m_reference_link}</ExternalLink> })}
                </dd>
                <dt>{o.m_limitations}</dt>
                <dd>{pick(m.limitations, l)}</dd>
            </dl>
        </section>
    }
    .into_any()
}
