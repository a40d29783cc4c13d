//! The comparison of the four members and the time series: drawn from `ocds::tables`, redrawn
//! in place when the filters change, each with its table, its coverage and its downloads.

use super::{count, num, pct, Live, Shared};
use crate::components::bits::ExternalLink;
use crate::components::chart::{download_button, download_buttons, here, Chart};
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::lang::Lang;
use observatorio_core::model::{Country, SafeUrl, Text};
use observatorio_core::ocds::fx::Rates;
use observatorio_core::ocds::indicators::{KeyFigures, KeyUnit, KEY_INDICATORS};
use observatorio_core::ocds::tables::{comparison, comparison_chart, per_year, series, Market};
use observatorio_core::routes::Page;

/// A key figure as text, with the processes it rests on: "62,5 % (8)".
pub(super) fn cell(l: Lang, u: KeyUnit, v: (Option<f64>, usize)) -> String {
    let n = count(l, v.1);
    match v.0 {
        None => format!("— ({n})"),
        Some(x) => {
            let shown = match u {
                KeyUnit::Share => pct(l, x),
                KeyUnit::Ratio => num(l, x, 2),
                KeyUnit::Bidders | KeyUnit::Days => num(l, x, 1),
            };
            format!("{shown} ({n})")
        }
    }
}

/// Chile, Colombia, Mexico and Peru side by side (the Alliance's page).
#[component]
pub fn Comparison(live: Live) -> impl IntoView {
    let l = use_lang();
    let o = l.o();
    let source = live.publishers;
    let members = Memo::new(move |_| live.trends.get().map(|t| t.0.members.clone()).unwrap_or_default());
    let chart = Memo::new(move |_| comparison_chart(source.get_value(), &members.get()));
    // The rows (one per member) are built when the members change; a filter change rewrites
    // their cells' text in place.
    let shown = Memo::new(move |_| members.with(|m| m.iter().map(|(c, _)| *c).collect::<Vec<_>>()));
    let rows = move || {
        shown
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let processes = move || members.with(|m| m.get(i).map(|(_, k)| count(l, k.processes)));
                let cells = KEY_INDICATORS
                    .iter()
                    .enumerate()
                    .map(|(j, (_, u))| {
                        let text = move || {
                            members.with(|m| m.get(i).and_then(|(_, k)| k.values.get(j)).map(|v| cell(l, *u, *v)))
                        };
                        view! { <td class="num">{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            <a href=Page::Indicators(c).href(l)>{l.t().country(c)}</a>
                        </th>
                        <td class="num">{processes}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let head = KEY_INDICATORS
        .iter()
        .map(|(id, _)| {
            view! {
                <th scope="col" class="num">
                    {o.indicator(id)}
                </th>
            }
        })
        .collect_view();
    let permalink = format!("{}#comparison", Page::Indicators(Country::Ap).href(l));
    view! {
        <section class="ind-section" id="comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{o.comparison}</h2>
            <p class="explain">{o.comparison_intro}</p>
            <Chart dataset=Signal::from(chart) level=3 permalink=permalink />
            <div class="table-wrap" role="region" tabindex="0" aria-label=format!("{} — {}", o.comparison, o.table)>
                <table class="data-table comparison">
                    <thead>
                        <tr>
                            <th scope="col">{o.member}</th>
                            <th scope="col" class="num">
                                {o.mix_count}
                            </th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3 class="downloads-title">{o.download_all}</h3>
            <ul class="downloads">
                {download_buttons(
                    l,
                    "ocds-comparison",
                    move || Some(comparison(source.get_value(), &members.get_untracked())),
                    here,
                )}
            </ul>
            {super::licences_view(l, live.licences.get_value())}
        </section>
    }
}

/// One indicator per year (picked by the reader): per member on the Alliance's page, for the
/// member's processes on its own; every indicator per year as one CSV per series.
#[component]
pub fn Series(live: Live) -> impl IntoView {
    let l = use_lang();
    let o = l.o();
    let country = live.country;
    let source = live.publishers;
    let (key, set_key) = signal(0usize);
    // The series: each member on the Alliance's page (those with processes), else the page's.
    let lines = Memo::new(move |_| {
        let Some(t) = live.trends.get() else { return (Vec::new(), Vec::<(Country, Text, Vec<KeyFigures>)>::new()) };
        let t = &t.0;
        let label = |c: Country| Text { es: Lang::Es.t().country(c).into(), en: Some(Lang::En.t().country(c).into()) };
        let lines = if country == Country::Ap {
            t.member_years
                .iter()
                .filter(|(_, ks)| ks.iter().any(|k| k.processes > 0))
                .map(|(c, ks)| (*c, label(*c), ks.clone()))
                .collect()
        } else {
            vec![(country, label(country), t.by_year.clone())]
        };
        (t.years.clone(), lines)
    });
    let chart = Memo::new(move |_| {
        let (years, lines) = lines.get();
        let named: Vec<(Text, Vec<KeyFigures>)> = lines.into_iter().map(|(_, t, k)| (t, k)).collect();
        series(source.get_value(), country, key.get(), &years, &named)
            .unwrap_or_else(|| comparison_chart(source.get_value(), &[]))
    });
    // The table's shape (its years and series) is built when it changes; a filter change or
    // another indicator rewrites the cells' text in place.
    let shape =
        Memo::new(move |_| lines.with(|(ys, ls)| (ys.clone(), ls.iter().map(|(c, _, _)| *c).collect::<Vec<_>>())));
    let series_shown = Memo::new(move |_| shape.with(|(_, cs)| cs.clone()));
    let head = move || {
        series_shown
            .get()
            .into_iter()
            .map(|c| {
                view! {
                    <th scope="col" class="num">
                        {l.t().country(c)}
                    </th>
                }
            })
            .collect_view()
    };
    let rows = move || {
        let (years, cs) = shape.get();
        years
            .iter()
            .enumerate()
            .map(|(y, year)| {
                let cells = (0..cs.len())
                    .map(|s| {
                        let text = move || {
                            let k = key.get();
                            let u = KEY_INDICATORS.get(k).map_or(KeyUnit::Share, |x| x.1);
                            lines.with(|(_, ls)| {
                                let f = ls.get(s).and_then(|(_, _, ks)| ks.get(y));
                                match f {
                                    Some(f) if f.processes > 0 => {
                                        cell(l, u, f.values.get(k).copied().unwrap_or((None, 0)))
                                    }
                                    _ => "—".into(),
                                }
                            })
                        };
                        view! { <td class="num">{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{*year}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let pick = KEY_INDICATORS
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            view! {
                <option value=i.to_string() selected=move || key.get() == i>
                    {o.indicator(id)}
                </option>
            }
        })
        .collect_view();
    // One CSV per series: every indicator per year.
    let per_series = move || {
        series_shown
            .get()
            .into_iter()
            .map(|c| {
                let name: &'static str = match c {
                    Country::Cl => "ocds-per-year-chile",
                    Country::Co => "ocds-per-year-colombia",
                    Country::Mx => "ocds-per-year-mexico",
                    Country::Pe => "ocds-per-year-peru",
                    Country::Ap => "ocds-per-year",
                };
                let data = move || {
                    let (years, ls) = lines.get_untracked();
                    let (_, _, ks) = ls.into_iter().find(|x| x.0 == c)?;
                    Some(per_year(name, source.get_value(), c, &years, &ks))
                };
                download_button(l.t().country(c), format!("{name}.csv"), "text/csv", move || {
                    data().map(|d| observatorio_core::charts::export::csv(&d, l))
                })
            })
            .collect_view()
    };
    let permalink = format!("{}#time-series", Page::Indicators(country).href(l));
    view! {
        <section class="ind-section" id="time-series" aria-labelledby="time-series-title">
            <h2 id="time-series-title">{o.series_title}</h2>
            <p class="explain">{o.series_intro}</p>
            <label class="field">
                <span>{o.series_pick}</span>
                <select on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        set_key.set(i.min(KEY_INDICATORS.len() - 1));
                    }
                }>{pick}</select>
            </label>
            // Drawn anew for another indicator (its title and unit change); in place for filters.
            {move || {
                key.track();
                view! { <Chart dataset=Signal::from(chart) level=3 permalink=permalink.clone() /> }
            }}
            <div class="table-wrap" role="region" tabindex="0" aria-label=format!("{} — {}", o.series_title, o.table)>
                <table class="data-table series">
                    <thead>
                        <tr>
                            <th scope="col">{o.year}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3 class="downloads-title">{o.download_member}</h3>
            <ul class="downloads">{per_series}</ul>
            {super::licences_view(l, live.licences.get_value())}
        </section>
    }
}

/// New suppliers per year and the concentration of each member's market (HHI per currency),
/// over all of the page's processes.
#[component]
pub fn MarketView(market: Shared<Market>, rates: Shared<Rates>) -> impl IntoView {
    let l = use_lang();
    let o = l.o();
    let usd = usd_view(l, &market.0, &rates.0);
    let rows = market
        .0
        .members
        .iter()
        .map(|(c, years, conc)| {
            let years = years
                .iter()
                .map(|y| {
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", l.t().country(*c), y.year)}</th>
                            <td class="num">{count(l, y.suppliers)}</td>
                            <td class="num">{count(l, y.new)}</td>
                            <td class="num">{y.share.map_or("—".to_string(), |s| pct(l, s))}</td>
                        </tr>
                    }
                })
                .collect_view();
            let conc = conc
                .iter()
                .map(|m| {
                    view! {
                        <tr>
                            <th scope="row">{format!("{} · {}", l.t().country(*c), m.currency)}</th>
                            <td class="num">{count(l, m.suppliers)}</td>
                            <td class="num">{num(l, m.total, 0)}</td>
                            <td class="num">{num(l, m.hhi, 0)} " " <span class="muted">{o.hhi_scale(m.hhi)}</span></td>
                        </tr>
                    }
                })
                .collect_view();
            (years, conc)
        })
        .collect::<Vec<_>>();
    let (years, conc): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    view! {
        <section class="ind-section" id="supplier-market" aria-labelledby="supplier-market-title">
            <h2 id="supplier-market-title">{o.market_title}</h2>
            <p class="explain">{o.market_intro}</p>
            <h3>{o.new_suppliers}</h3>
            <div class="table-wrap" role="region" tabindex="0" aria-label=o.new_suppliers>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{o.year}</th>
                            <th scope="col" class="num">
                                {o.suppliers}
                            </th>
                            <th scope="col" class="num">
                                {o.new_word}
                            </th>
                            <th scope="col" class="num">
                                {o.share}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{years}</tbody>
                </table>
            </div>
            <h3>{o.market_hhi}</h3>
            <div class="table-wrap" role="region" tabindex="0" aria-label=o.market_hhi>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{o.currency}</th>
                            <th scope="col" class="num">
                                {o.suppliers}
                            </th>
                            <th scope="col" class="num">
                                {o.awarded}
                            </th>
                            <th scope="col" class="num">
                                "HHI"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{conc}</tbody>
                </table>
            </div>
            {usd}
        </section>
    }
}

/// Each member's awarded value in US dollars at its years' rates, beside its own currencies,
/// with the rates used and their source; nothing when the content ships no rates.
fn usd_view(l: Lang, market: &Market, rates: &Rates) -> Option<AnyView> {
    if rates.is_empty() || market.members.is_empty() {
        return None;
    }
    let o = l.o();
    let rows = market
        .members
        .iter()
        .zip(&market.awarded)
        .map(|((c, _, _), amounts)| {
            let total = rates.total(amounts);
            // Per currency, over the years.
            let mut own: Vec<(String, f64)> = Vec::new();
            for (_, cur, v) in amounts {
                match own.iter_mut().find(|(c, _)| c == cur) {
                    Some(x) => x.1 += v,
                    None => own.push((cur.clone(), *v)),
                }
            }
            // No break inside an amount or a rate ("USD / 75.465" on a phone).
            let own = own.iter().map(|(c, v)| format!("{c}\u{a0}{}", num(l, *v, 0))).collect::<Vec<_>>().join("; ");
            // One rate per line; no break between a number and its currency.
            let used = total
                .rates
                .iter()
                .enumerate()
                .map(|(i, (cur, y, r))| {
                    let rate =
                        format!("1\u{a0}US$ = {}\u{a0}{cur} ({})", num(l, r.per_usd, 2), o.rate_year(r.year, *y));
                    view! {
                        {(i > 0).then(|| view! { <br /> })}
                        {rate}
                    }
                })
                .collect_view();
            let left = (!total.unconverted.is_empty()).then(|| {
                let what = total.unconverted.iter().map(|(y, c)| o.of_year(c, *y)).collect::<Vec<_>>().join(", ");
                view! { <p class="muted">{o.no_rate(&what)}</p> }
            });
            view! {
                <tr>
                    <th scope="row">{l.t().country(*c)}</th>
                    <td class="num">{own}</td>
                    <td class="num">{(total.converted > 0).then(|| format!("US$\u{a0}{}", num(l, total.usd, 0)))}</td>
                    <td>{used} {left}</td>
                </tr>
            }
        })
        .collect_view();
    let source = l.pick(&rates.source.es, &rates.source.en).to_string();
    let source = match rates.url.as_deref().and_then(|u| SafeUrl::parse(u).ok()) {
        Some(u) => view! { <ExternalLink url=u>{source}</ExternalLink> }.into_any(),
        None => view! { <span>{source}</span> }.into_any(),
    };
    Some(
        view! {
            <h3>{o.usd_title()}</h3>
            <p class="explain">{o.usd_intro()}</p>
            <div class="table-wrap" role="region" tabindex="0" aria-label=o.usd_title()>
                <table class="data-table" id="awarded-usd">
                    <thead>
                        <tr>
                            <th scope="col">{o.member}</th>
                            <th scope="col" class="num">
                                {o.own_currency()}
                            </th>
                            <th scope="col" class="num">
                                {o.usd_column()}
                            </th>
                            <th scope="col">{o.rates_used()}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="licences">{o.rates_source()} ": " {source} {rates.licence.clone().map(|x| format!(" ({x})"))}</p>
        }
        .into_any(),
    )
}
