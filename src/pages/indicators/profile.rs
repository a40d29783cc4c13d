//! A buyer's or a supplier's page (`?buyer-profile=…`, `?supplier-profile=…`): shareable, in
//! both languages, every number a link to its processes. Figures come from `ocds::profile`,
//! computed from the page's data or read from the file the publishing step wrote.

use super::trends::cell;
use super::{count, num, page_href, pct};
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::lang::Lang;
use observatorio_core::model::Country;
use observatorio_core::ocds::indicators::KEY_INDICATORS;
use observatorio_core::ocds::profile::{Party, Profile, PARTNERS_SHOWN};
use observatorio_core::ocds::report::{Filter, List};
use observatorio_core::routes::{with_query, Page};

/// The link to a party's profile.
pub fn profile_href(l: Lang, c: Country, party: Party, key: &str) -> String {
    observatorio_core::routes::href(&with_query(
        &Page::Indicators(c).path(l),
        &[],
        &[(party.param(), Some(key.to_string()))],
    ))
}

/// Which profile a URL asks for, if any.
pub fn wanted<'a>(get: impl Fn(&str) -> Option<String> + 'a) -> Option<(Party, String)> {
    [Party::Buyer, Party::Supplier].into_iter().find_map(|p| {
        get(p.param()).map(|k| (p, k.trim().to_string())).filter(|(_, k)| !k.is_empty() && k.len() <= 300)
    })
}

#[component]
pub fn ProfileView(country: Country, party: Party, key: String, profile: Option<Profile>) -> impl IntoView {
    let l = use_lang();
    let o = l.o();
    let back = page_href(l, country, &Filter::default(), None);
    let Some(p) = profile else {
        return view! {
            <section class="profile" aria-labelledby="profile-title">
                <p>
                    <a href=back>{"← "}{o.back}</a>
                </p>
                <h2 id="profile-title">{key.clone()}</h2>
                <p class="notice" role="status">
                    {o.profile_unknown}
                </p>
            </section>
        }
        .into_any();
    };
    let member = p.country.unwrap_or(country);
    let rates = super::manifest_rates(crate::ocds_loader::use_ocds());
    // Lists behind each number: the party's processes, narrowed further.
    let own = match party {
        Party::Buyer => Filter { buyer: Some(key.clone()), ..Filter::default() },
        Party::Supplier => Filter { supplier: Some(key.clone()), ..Filter::default() },
    };
    let list = move |f: &Filter| page_href(l, member, f, Some(List::All));
    let name = p.name.clone().unwrap_or_else(|| key.clone());
    let kind = match party {
        Party::Buyer => o.buyer,
        Party::Supplier => o.supplier,
    };
    let matched = if p.by_id { o.matched_by_id } else { o.matched_by_name };
    let figures = KEY_INDICATORS
        .iter()
        .enumerate()
        .map(|(k, (id, u))| {
            view! {
                <tr>
                    <th scope="row">{o.indicator(id)}</th>
                    <td class="num">{cell(l, *u, p.figures.values[k])}</td>
                    <td class="num">{cell(l, *u, p.member_figures.values[k])}</td>
                </tr>
            }
        })
        .collect_view();
    let mix = p
        .mix
        .iter()
        .map(|(m, n)| {
            let f = Filter { method: Some(*m), ..own.clone() };
            view! {
                <tr>
                    <th scope="row">{o.method(*m)}</th>
                    <td class="num">
                        <a href=list(&f)>{count(l, *n)}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let other = match party {
        Party::Buyer => Party::Supplier,
        Party::Supplier => Party::Buyer,
    };
    let partners = p
        .concentration
        .iter()
        .map(|c| {
            let rows = c
                .partners
                .iter()
                .take(PARTNERS_SHOWN)
                .map(|x| {
                    let pair = match party {
                        Party::Buyer => Filter { supplier: Some(x.key.clone()), ..own.clone() },
                        Party::Supplier => Filter { buyer: Some(x.key.clone()), ..own.clone() },
                    };
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=profile_href(
                                    l,
                                    member,
                                    other,
                                    &x.key,
                                )>{x.name.clone().unwrap_or_else(|| x.key.clone())}</a>
                            </th>
                            <td class="num">
                                <a href=list(&pair)>{count(l, x.processes)}</a>
                            </td>
                            <td class="num">{num(l, x.value, 0)}</td>
                            <td class="num">{pct(l, x.share)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let more = (c.count > PARTNERS_SHOWN)
                .then(|| view! { <p class="muted">{format!("{} {}", count(l, c.count), o.more_partners)}</p> });
            view! {
                <h4>{format!("{} · {} {}", c.currency, num(l, c.total, 0), o.awarded_word)}</h4>
                <p class="hhi">
                    <strong>{format!("HHI: {}", num(l, c.hhi, 0))}</strong>
                    " "
                    <span class="muted">{o.hhi_scale(c.hhi)}</span>
                </p>
                <div
                    class="table-wrap"
                    role="region"
                    tabindex="0"
                    aria-label=format!("{} {} — {}", o.partners(party), c.currency, o.table)
                >
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{o.partners(party)}</th>
                                <th scope="col" class="num">
                                    {o.mix_count}
                                </th>
                                <th scope="col" class="num">
                                    {o.awarded}
                                </th>
                                <th scope="col" class="num">
                                    {o.share}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {more}
            }
        })
        .collect_view();
    let years = p
        .years
        .iter()
        .map(|y| {
            let f = Filter { year: Some(y.year), ..own.clone() };
            let value = y.value.iter().map(|(c, v)| format!("{} {c}", num(l, *v, 0))).collect::<Vec<_>>().join(" · ");
            let amounts: Vec<(i32, String, f64)> = y.value.iter().map(|(c, v)| (y.year, c.clone(), *v)).collect();
            let usd = rates.0.total(&amounts);
            let usd = (usd.converted > 0 && usd.unconverted.is_empty()).then(|| {
                let rate_year = usd.rates.first().map_or(y.year, |r| r.2.year);
                o.usd_approx(&num(l, usd.usd, 0), rate_year)
            });
            view! {
                <tr>
                    <th scope="row">{y.year}</th>
                    <td class="num">
                        <a href=list(&f)>{count(l, y.processes)}</a>
                    </td>
                    <td class="num">{value}</td>
                    <td class="num">{usd.unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    let no_partners = p.concentration.is_empty().then(|| view! { <p class="muted">{o.no_partners}</p> });
    view! {
        <section class="profile" aria-labelledby="profile-title">
            <p>
                <a href=back>{"← "}{o.back}</a>
            </p>
            <p class="kicker">{kind} " · " {l.t().country(member)}</p>
            <h2 id="profile-title">{name}</h2>
            <p class="muted matched">{matched} " " <code>{key.clone()}</code></p>
            <p class="profile-count">
                <a class="figure" href=list(&own)>
                    {observatorio_core::i18n::format_counted(l, p.count, o.process_one, o.processes_word)}
                </a>
            </p>
            <h3>{o.profile_figures}</h3>
            <div class="table-wrap" role="region" tabindex="0" aria-label=o.profile_figures>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{o.indicator_word}</th>
                            <th scope="col" class="num">
                                {kind}
                            </th>
                            <th scope="col" class="num">
                                {l.t().country(member)}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{figures}</tbody>
                </table>
            </div>
            <p class="muted">{o.profile_compare}</p>
            <h3>{o.indicator("procedure-mix")}</h3>
            <table class="data-table">
                <tbody>{mix}</tbody>
            </table>
            <h3>{o.partners(party)}</h3>
            <p class="explain">{o.hhi_explain}</p>
            {no_partners}
            {partners}
            <h3>{o.per_year_title}</h3>
            <div class="table-wrap" role="region" tabindex="0" aria-label=o.per_year_title>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{o.year}</th>
                            <th scope="col" class="num">
                                {o.mix_count}
                            </th>
                            <th scope="col" class="num">
                                {o.mix_value}
                            </th>
                            <th scope="col" class="num">
                                {o.usd_column()}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{years}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
