//! Open-contracting indicators, per member (`/es/indicators/mexico`) and for the Alliance
//! (`/es/indicators`), computed in the browser from the OCDS digests the publishing step
//! writes (or from OCDS files on the web). Each source loads on its own: a bad one is named and
//! the others still show. Filters live in the URL; `?list=…` shows the processes behind a
//! number. Every figure comes from `ocds::report`; this file only draws.

use crate::components::bits::{use_meta, ExternalLink, SampleBadge};
use crate::components::chart::Chart;
use crate::components::filters::{paged, use_deferred_query_filter, FilterBar, FilterField, Parsed};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
// The page's numbers, through i18n's formatters.
use observatorio_core::i18n::{format_count as count, format_counted, format_number as num, format_share as pct};
use observatorio_core::lang::Lang;
use observatorio_core::model::{Blocks, Cell, ChartKind, Column, ColumnKind, Country, Dataset, SafeUrl, Text};
use observatorio_core::ocds::digest::Source;
use observatorio_core::ocds::explain::explain;
use observatorio_core::ocds::indicators::{Coverage, Facts, FactsBuilder, Share, Stats, Summary, KEY_FIELDS};
use observatorio_core::ocds::process::Process;
use observatorio_core::ocds::report::{method_code, Filter, List, Options, DEFAULT_DAYS};
use observatorio_core::ocds::tables::{process_list, Listed, Trends};
use observatorio_core::recent::Recent;
use observatorio_core::routes::{with_query, Page};
use std::sync::{Arc, Mutex};

use crate::components::section::ErrorNotice;
use crate::ocds_loader::{
    load_details, load_manifest, load_source_into, next_task, retry_manifest, retry_source, use_ocds,
};
pub use crate::ocds_loader::{Shared, SourceData, SourceState};

mod methodology;
mod profile;
mod published;
mod trends;
use crate::components::chart::{download_buttons, here};
use methodology::{methodology_href, MethodologyView};
use observatorio_core::ocds::profile::{Party, Profile};
use profile::{profile_href, ProfileView};
pub use published::ProfilePage;
use published::{use_country, use_published_profile, use_wanted_profile, PublishedProfile};
use trends::{Comparison, MarketView, Series};

/// The processes of a page's sources and their facts, built once every source has settled.
pub struct Pool {
    sources: Vec<Arc<SourceData>>,
    /// (source, row) of each process.
    refs: Vec<(u16, u32)>,
    /// Each source's member (read once: `member` is asked for every process by a profile).
    members: Vec<Option<Country>>,
    facts: Facts,
    /// The filters' choices for these processes.
    options: Shared<Options>,
    /// New suppliers per year and market concentration, per member (no filters).
    market: Shared<observatorio_core::ocds::tables::Market>,
    /// Each process's member and year, for the comparison and the time series.
    groups: observatorio_core::ocds::tables::Groups,
    /// What the last filters gave, so going back to one (a chip removed, Back) computes nothing.
    seen: Mutex<Seen>,
}

/// The last filters' selections and figures, by filter (a selection by its filter without the
/// threshold, which changes figures, not processes).
struct Seen {
    sel: Recent<Filter, Shared<Vec<usize>>>,
    figures: Recent<Filter, Figures>,
}

/// The dashboard's summary and the trends of one filter (computed together, in one walk).
type Figures = (Shared<Summary>, Shared<Trends>);

/// Filters remembered: a selection of every process is 400 KB, so a few.
const SEEN: usize = 6;

/// Processes added to the facts per step of `Pool::build`, between which the browser can paint
/// and respond (measured: the whole 100,000 at once was a 1-second task at 4× CPU slowdown).
const BUILD_STEP: usize = 10_000;

impl Pool {
    async fn build(sources: Vec<Arc<SourceData>>) -> Pool {
        let mut refs = Vec::new();
        let mut b = FactsBuilder::default();
        for (s, d) in sources.iter().enumerate() {
            refs.extend((0..d.processes.len() as u32).map(|r| (s as u16, r)));
            for part in d.processes.chunks(BUILD_STEP) {
                b.add(part);
                next_task().await;
            }
        }
        let all: Vec<&Process> = sources.iter().flat_map(|d| d.processes.iter()).collect();
        let options = Shared(Arc::new(Options::of(&all)));
        next_task().await;
        let country: Vec<Option<Country>> = sources.iter().map(|d| Country::parse(&d.source.country)).collect();
        let groups = observatorio_core::ocds::tables::Groups::of(&b.facts, |i| {
            refs.get(i).and_then(|(s, _)| country.get(*s as usize).copied().flatten())
        });
        next_task().await;
        let market = Shared(Arc::new(observatorio_core::ocds::tables::Market::of(&b.facts, &groups)));
        let seen = Mutex::new(Seen { sel: Recent::new(SEEN), figures: Recent::new(SEEN) });
        Pool { facts: b.facts, refs, members: country, options, sources, market, groups, seen }
    }
}

impl Pool {
    /// The result kept for `f` in `pick`'s list, else `make()`'s, kept. A process asked for by
    /// its ocid is matched as its details arrive, so its results are not kept.
    fn recall<V: Clone>(
        &self,
        pick: fn(&mut Seen) -> &mut Recent<Filter, V>,
        f: Filter,
        make: impl FnOnce() -> V,
    ) -> V {
        match self.seen.lock() {
            Ok(mut seen) if f.process.is_none() => pick(&mut seen).get_or_insert_with(f, make),
            _ => make(),
        }
    }

    /// The member whose data process `i` is.
    fn member(&self, i: usize) -> Option<Country> {
        let (s, _) = *self.refs.get(i)?;
        *self.members.get(s as usize)?
    }

    /// The publishers of the page's data, as a dataset's source.
    fn publishers(&self) -> Text {
        let mut names: Vec<&str> = self.sources.iter().map(|d| d.source.publisher.as_str()).collect();
        names.dedup();
        Text { es: names.join("; "), en: None }
    }
}

/// The exchange rates the manifest ships (none until it is read, or if it has none).
fn manifest_rates(store: crate::ocds_loader::OcdsStore) -> Shared<observatorio_core::ocds::fx::Rates> {
    Shared(Arc::new(store.manifest.with_untracked(|m| match m {
        Some(Ok(m)) => m.0 .0.rates.clone(),
        _ => Default::default(),
    })))
}

/// The processes `f` selects, as indices into the pool's `refs`, walked in storage order.
fn select(p: &Pool, f: &Filter, store: crate::ocds_loader::OcdsStore) -> Vec<usize> {
    if f.selects_all() {
        (0..p.refs.len()).collect()
    } else if let Some(ocid) = &f.process {
        let all = p.sources.iter().flat_map(|d| d.processes.iter());
        // Digests publish ocids apart: matched once the details are here.
        load_details(store, &p.sources);
        let refs = &p.refs;
        store.details.with(|m| {
            all.enumerate()
                .filter(|(i, x)| {
                    f.matches(x)
                        && (x.ocid == *ocid
                            || refs.get(*i).is_some_and(|(s, r)| {
                                let id = p.sources.get(*s as usize).map(|d| d.source.id.as_str()).unwrap_or("");
                                matches!(m.get(id), Some(Some(Ok(d))) if d.0.ocid.get(*r as usize) == Some(ocid))
                            }))
                })
                .map(|(i, _)| i)
                .collect()
        })
    } else {
        f.select(&p.facts)
    }
}

/// A profile computed from the page's data.
fn computed_profile(pool: &Pool, party: Party, key: &str, days: f64) -> Option<Profile> {
    let ps: Vec<&Process> = pool.sources.iter().flat_map(|d| d.processes.iter()).collect();
    observatorio_core::ocds::profile::profile(&ps, &pool.facts, days, party, key, |i| pool.member(i))
}

fn in_country(s: &Source, c: Country) -> bool {
    c == Country::Ap || s.country == c.code()
}

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let country = use_country();
    let store = use_ocds();
    // The manifest, once per visit (in an effect: none runs when the first view is rendered at
    // build time, where the page shows its placeholders).
    Effect::new(move |_| load_manifest(store));
    let parsed = use_deferred_query_filter(|pairs| Filter::from_query(pairs));
    let query = use_query_map();
    let wanted_profile = use_wanted_profile();
    // The page's processes, once read and pooled.
    let pool: RwSignal<Option<Shared<Pool>>> = RwSignal::new(None);
    // A profile opened from a link reads its published file, if there is one for its
    // threshold, instead of every process of the page; the page's data loads only if the
    // reader goes on to the indicators or a list (or is there already: then it is computed).
    let published = use_published_profile(
        store,
        country,
        wanted_profile,
        Signal::derive(move || parsed.with(|(f, _)| f.days())),
        Signal::derive(move || pool.with(Option::is_some)),
    );
    // Start reading the sources this country needs (each once per visit).
    Effect::new(move |_| {
        if published.with(|p| !matches!(p, PublishedProfile::None)) {
            return;
        }
        let (Some(Ok(m)), Some(c)) = (store.manifest.get(), country.get()) else { return };
        for s in m.0 .0.sources.iter().filter(|s| in_country(s, c)) {
            if store.states.with_untracked(|st| st.contains_key(&s.id)) {
                continue;
            }
            store.states.update(|st| {
                st.insert(s.id.clone(), SourceState::Loading);
            });
            spawn_local(load_source_into(store, s.clone()));
        }
    });
    // The page's sources: (source, state) in the manifest's order.
    let page_sources = Memo::new(move |_| {
        let (Some(Ok(m)), Some(c)) = (store.manifest.get(), country.get()) else { return Vec::new() };
        store.states.with(|st| {
            m.0 .0
                .sources
                .iter()
                .filter(|s| in_country(s, c))
                .map(|s| (s.id.clone(), st.get(&s.id).map(|x| matches!(x, SourceState::Loading)).unwrap_or(true)))
                .collect::<Vec<_>>()
        })
    });
    // The pool is built in steps once every source of the page has settled; a newer build
    // (another country, a source arriving) makes an older one's result be dropped.
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let ids = page_sources.get();
        pool.set(None);
        if ids.is_empty() || ids.iter().any(|(_, loading)| *loading) {
            return;
        }
        let ready: Vec<Arc<SourceData>> = store.states.with_untracked(|st| {
            ids.iter()
                .filter_map(|(id, _)| match st.get(id) {
                    Some(SourceState::Ready(d)) => Some(d.clone()),
                    _ => None,
                })
                .collect()
        });
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let built = Pool::build(ready).await;
            if generation.try_get_value() == Some(mine) {
                pool.set(Some(Shared(Arc::new(built))));
            }
        });
    });
    // A process asked for by its ocid (a search result) is shown as a list of one.
    let list = Memo::new(move |_| {
        query.with(|q| match (q.get("list"), q.get("process")) {
            (Some(v), _) => Some(List::parse(&v).ok_or(v)),
            (None, Some(_)) => Some(Ok(List::All)),
            (None, None) => None,
        })
    });
    let showing_list = Memo::new(move |_| list.with(Option::is_some));
    let wanted_methodology = Memo::new(move |_| query.with(|q| q.get("methodology")));
    let selection = Memo::new(move |_| {
        let p = pool.get()?;
        let (f, _) = parsed.get();
        let key = Filter { days: None, ..f.clone() };
        Some(p.0.recall(|s| &mut s.sel, key, || Shared(Arc::new(select(&p.0, &f, store)))))
    });
    let link_filter = Memo::new(move |_| parsed.with(|(f, _)| f.clone()));
    let figures = Memo::new(move |_| {
        let (p, sel) = (pool.get()?, selection.get()?);
        let f = parsed.with(|(f, _)| f.clone());
        let days = f.days();
        Some(p.0.recall(
            |s| &mut s.figures,
            f,
            || {
                let (s, t) = observatorio_core::ocds::report::figures(&p.0.facts, &sel.0, days, &p.0.groups);
                (Shared(Arc::new(s)), Shared(Arc::new(t)))
            },
        ))
    });
    let report = Memo::new(move |_| figures.with(|f| f.as_ref().map(|f| f.0.clone())));
    let trends = Memo::new(move |_| figures.with(|f| f.as_ref().map(|f| f.1.clone())));

    let body = move || {
        let Some(c) = country.get() else {
            return view! { <p class="notice">{lang.t().not_found_text}</p> }.into_any();
        };
        // A methodology needs no data: shown at once.
        if let Some(id) = wanted_methodology.get() {
            return view! { <MethodologyView country=c id=id /> }.into_any();
        }
        // The wanted profile read before the memo that follows it, so a change of it alone is
        // seen here too (a subscriber checks its sources in the order it read them).
        let wanted = wanted_profile.get();
        match (published.get(), wanted) {
            (PublishedProfile::Loading, _) => return view! { <Progress done=0 total=0 /> }.into_any(),
            (PublishedProfile::Ready(profile), Some((party, key))) => {
                let profile = profile.map(|p| *p);
                return view! { <ProfileView country=c party=party key=key profile=profile /> }.into_any();
            }
            _ => {}
        }
        match store.manifest.get() {
            None => view! { <Progress done=0 total=0 /> }.into_any(),
            Some(Err(e)) => view! { <ErrorNotice message=o.manifest_error.to_string() detail=e retry=move || retry_manifest(store) /> }
            .into_any(),
            Some(Ok(m)) => {
                let sources: Vec<Source> = m.0 .0.sources.iter().filter(|s| in_country(s, c)).cloned().collect();
                if sources.is_empty() {
                    return view! { <p class="notice">{o.no_sources}</p> }.into_any();
                }
                let states = page_sources.get();
                let done = states.iter().filter(|(_, loading)| !*loading).count();
                if done < states.len() {
                    return view! { <Progress done=done total=states.len() /> }.into_any();
                }
                let Some(p) = pool.get() else {
                    return view! { <Progress done=done total=states.len() computing=true /> }.into_any();
                };
                let failed: Vec<(Source, String)> = store.states.with_untracked(|st| {
                    sources
                        .iter()
                        .filter_map(|s| match st.get(&s.id) {
                            Some(SourceState::Failed(e)) => Some((s.clone(), e.clone())),
                            _ => None,
                        })
                        .collect()
                });
                // Sources the manifest itself got wrong (left out), named.
                let manifest_problems = m.0 .1.clone();
                let manifest_problems = (!manifest_problems.is_empty()).then(|| {
                    view! {
                        <div class="notice">
                            <ul>
                                {manifest_problems
                                    .into_iter()
                                    .map(|p| {
                                        view! {
                                            <li>
                                                <code>{p}</code>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                });
                // Each part follows only what it shows, so a filter change redraws the filters
                // and the figures, not the data-quality panel.
                if let Some((party, key)) = wanted_profile.get() {
                    let days = parsed.with_untracked(|(f, _)| f.days());
                    let profile = computed_profile(&p.0, party, &key, days);
                    return view! { <ProfileView country=c party=party key=key profile=profile /> }.into_any();
                }
                if showing_list.get() {
                    let p = p.clone();
                    return (move || {
                        let (Some(sel), Some(l)) = (selection.get(), list.get()) else { return ().into_any() };
                        let filter = parsed.with(|(f, _)| f.clone());
                        view! { <ProcessList country=c pool=p.clone() sel=sel filter=filter list=l /> }.into_any()
                    })
                    .into_any();
                }
                let filters = move || {
                    let opts = pool.with(|p| p.as_ref().map(|p| p.0.options.clone()))?;
                    let count = Signal::derive(move || selection.with(|s| s.as_ref().map_or(0, |s| s.0.len())));
                    Some(view! { <Filters country=c options=opts parsed=parsed count=count /> })
                };
                // Built once per country and data; its figures follow the filters in place.
                let live = Live {
                    country: c,
                    report,
                    trends,
                    filter: link_filter,
                    publishers: StoredValue::new(p.0.publishers()),
                    licences: StoredValue::new(licence_parts(&p.0.sources)),
                };
                view! {
                    {manifest_problems}
                    <Failures failed=failed.clone() />
                    {filters}
                    <Dashboard live=live />
                    <MarketView market=p.0.market.clone() rates=manifest_rates(store) />
                    <Quality pool=p failed=failed />
                    <Glossary />
                }
                .into_any()
            }
        }
    };
    view! { <Heading country=country>{body}</Heading> }
}

/// The page's title, heading, introduction and members' tabs, around its body.
#[component]
fn Heading(country: Memo<Option<Country>>, children: Children) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    use_meta(move |l| {
        let title = match country.get() {
            Some(Country::Ap) => l.o().title.to_string(),
            None => l.t().not_found_title.to_string(),
            Some(c) => format!("{} — {}", l.o().title, l.t().country(c)),
        };
        (title, l.o().intro.to_string())
    });
    let tabs = move || {
        let here = country.get();
        Country::ALL
            .into_iter()
            .map(|c| {
                let current = (Some(c) == here).then_some("page");
                view! {
                    <li>
                        <a href=Page::Indicators(c).href(lang) aria-current=current>
                            {lang.t().country(c)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="page indicators">
            <h1>
                {move || match country.get() {
                    Some(Country::Ap) => o.title.to_string(),
                    Some(c) => format!("{} — {}", o.title, lang.t().country(c)),
                    None => lang.t().not_found_title.to_string(),
                }}
            </h1>
            <p class="lead">{o.intro}</p>
            <nav class="country-tabs" aria-label=o.countries_label>
                <ul>{tabs}</ul>
            </nav>
            {children()}
        </div>
    }
}

#[component]
fn Progress(done: usize, total: usize, #[prop(optional)] computing: bool) -> impl IntoView {
    let lang = use_lang();
    let text = if computing {
        lang.o().computing.to_string()
    } else if total == 0 {
        lang.o().loading.trim_end_matches(':').to_string() + "…"
    } else {
        lang.o().progress(done, total)
    };
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <p class="progress-text">{text}</p>
            <progress max=total.max(1) value=done></progress>
            <div class="skeleton-line" aria-hidden="true"></div>
            <div class="skeleton-line" aria-hidden="true"></div>
        </div>
    }
}

#[component]
fn Failures(failed: Vec<(Source, String)>) -> impl IntoView {
    let lang = use_lang();
    let store = use_ocds();
    failed
        .into_iter()
        .map(|(s, e)| {
            let name = lang.pick(&s.name.es, &s.name.en).clone();
            view! {
                <ErrorNotice
                    subject=name
                    message=lang.o().source_error.to_string()
                    detail=e
                    retry=move || retry_source(store, s.clone())
                />
            }
        })
        .collect_view()
}

/// The page's URL with a filter and, optionally, a list.
fn page_href(l: Lang, c: Country, f: &Filter, list: Option<List>) -> String {
    let mut changes = f.changes();
    changes.push(("list", list.map(List::code)));
    observatorio_core::routes::href(&with_query(&Page::Indicators(c).path(l), &[], &changes))
}

/// Built once per page's data: the selects keep their options as the filters change, and the
/// count, the chips and the chosen values follow (a filter change rebuilt 107 elements).
#[component]
fn Filters(
    country: Country,
    options: Shared<Options>,
    parsed: Memo<Parsed<Filter>>,
    count: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let opts = options.0.clone();
    let fields = Memo::new(move |_| parsed.with(|(filter, _)| filter_fields(lang, &opts, filter)));
    let ignored = Memo::new(move |_| parsed.with(|(_, ignored)| ignored.clone()));
    let opts = &options.0;
    let basis = o.basis(&self::count(lang, opts.processes), &observatorio_core::ocds::report::year_runs(&opts.years));
    view! {
        <p class="basis muted">{basis}</p>
        <FilterBar fields=fields path=Page::Indicators(country).path(lang) count=count ignored=ignored />
    }
}

/// The filters' selects for the page's choices, with `filter`'s values chosen.
fn filter_fields(lang: Lang, opts: &Options, filter: &Filter) -> Vec<FilterField> {
    let o = lang.o();
    let mut buyers: Vec<(String, String)> = opts
        .buyers
        .iter()
        .take(BUYER_OPTIONS)
        .map(|(id, name, n)| (id.clone(), format!("{name} ({})", self::count(lang, *n))))
        .collect();
    if let Some(b) = &filter.buyer {
        if !buyers.iter().any(|(id, _)| id == b) {
            buyers.push((b.clone(), b.clone()));
        }
    }
    let days = filter.days.unwrap_or(DEFAULT_DAYS);
    let mut day_options: Vec<u32> = vec![5, 7, 10, 15, 20, 30];
    if !day_options.contains(&days) {
        day_options.push(days);
        day_options.sort_unstable();
    }
    let fields = vec![
        FilterField::year(lang, opts.years.iter().copied(), filter.year),
        FilterField {
            key: "buyer",
            label: o.filter_buyer,
            options: buyers,
            selected: filter.buyer.clone(),
            counts: None,
        },
        FilterField {
            key: "category",
            label: o.filter_category,
            options: opts.categories.iter().map(|c| (c.clone(), o.category(c))).collect(),
            selected: filter.category.clone(),
            counts: None,
        },
        FilterField {
            key: "method",
            label: o.filter_method,
            options: opts.methods.iter().map(|m| (method_code(*m).to_string(), o.method(*m).to_string())).collect(),
            selected: filter.method.map(|m| method_code(m).to_string()),
            counts: None,
        },
        FilterField {
            key: "days",
            label: o.filter_days,
            options: day_options.into_iter().map(|d| (d.to_string(), d.to_string())).collect(),
            selected: filter.days.map(|d| d.to_string()),
            counts: None,
        },
    ];
    let mut fields = fields;
    // A supplier is chosen from a profile's links, not from a list of thousands: shown while set.
    if let Some(sup) = &filter.supplier {
        fields.insert(
            2,
            FilterField {
                key: "supplier",
                label: o.supplier,
                options: vec![(sup.clone(), sup.clone())],
                selected: Some(sup.clone()),
                counts: None,
            },
        );
    }
    fields
}

/// Buyers offered in the filter: those with the most processes (a longer select is no help on
/// a phone, and costs time at each filter change); a buyer chosen from a table is added.
const BUYER_OPTIONS: usize = 60;

/// "Based on N of M processes", and why the others were left out.
fn coverage_note(lang: Lang, coverage: &Coverage, total: usize) -> AnyView {
    let o = lang.o();
    let reasons = coverage.reasons();
    view! {
        <p class="coverage">{o.based(coverage.used, total, |n| count(lang, n))}</p>
        {(!reasons.is_empty())
            .then(|| {
                view! {
                    <details class="left-out">
                        <summary>{o.left_out}</summary>
                        <ul>
                            {reasons
                                .into_iter()
                                .map(|(r, n)| view! { <li>{format!("{}: {}", o.reason(r), count(lang, n))}</li> })
                                .collect_view()}
                        </ul>
                    </details>
                }
            })}
    }
    .into_any()
}

/// Under a per-buyer table: how many rows there were in all, and the coverage.
fn rows_note(lang: Lang, shown: usize, all: usize, coverage: &Coverage, total: usize) -> AnyView {
    let more = (all > shown)
        .then(|| view! { <p class="muted">{format!("{} {}", count(lang, all), lang.o().more_buyers)}</p> });
    view! {
        {more}
        {coverage_note(lang, coverage, total)}
    }
    .into_any()
}

/// What one indicator card shows; recomputed per filter change, drawn in place.
#[derive(Clone, Debug, Default, PartialEq)]
struct CardData {
    figure: String,
    detail: Option<String>,
    href: String,
    coverage: Coverage,
    total: usize,
    outliers: Option<(String, String)>,
}

/// The dashboard's inputs: the report (None while computing) and the filter, for links.
#[derive(Clone, Copy)]
struct Live {
    country: Country,
    report: Memo<Option<Shared<Summary>>>,
    trends: Memo<Option<Shared<Trends>>>,
    filter: Memo<Filter>,
    /// The data's publishers (a chart's source) and their licences (under each download).
    publishers: StoredValue<Text>,
    licences: StoredValue<Vec<(String, Option<String>)>>,
}

impl Live {
    fn href(&self, l: Lang, f: &Filter, list: Option<List>) -> String {
        page_href(l, self.country, f, list)
    }
}

/// One indicator: heading, figure (a link to its processes), coverage, explanation. Built once;
/// its text follows the filters.
fn card(lang: Lang, country: Country, id: &'static str, data: Memo<CardData>) -> AnyView {
    let o = lang.o();
    view! {
        <section class="ind-card" id=id aria-labelledby=format!("{id}-h")>
            <h2 id=format!("{id}-h")>{o.indicator(id)}</h2>
            <p class="ind-figure">
                <a class="figure" href=move || data.with(|d| d.href.clone())>
                    {move || data.with(|d| d.figure.clone())}
                </a>
                " "
                <span class="ind-detail">{move || data.with(|d| d.detail.clone())}</span>
            </p>
            {move || {
                data.with(|d| d.outliers.clone())
                    .map(|(href, text)| {
                        view! {
                            <p class="outliers">
                                <a href=href>{text}</a>
                            </p>
                        }
                    })
            }}
            {move || data.with(|d| coverage_note(lang, &d.coverage, d.total))}
            <p class="explain">{explain(id, lang).unwrap_or_default()}</p>
            <p class="methodology-link">
                <a href=methodology_href(lang, country, id)>{o.methodology_link}</a>
            </p>
        </section>
    }
    .into_any()
}

#[component]
fn Dashboard(live: Live) -> impl IntoView {
    let lang = use_lang();
    let l = lang;
    let o = l.o();
    let share_card = move |id: &'static str, pick: fn(&Summary) -> &Share, list: List| {
        let data = Memo::new(move |_| {
            let (Some(r), f) = (live.report.get(), live.filter.get()) else { return CardData::default() };
            let sh = pick(&r.0);
            CardData {
                figure: sh.share.map_or(o.no_data.to_string(), |x| pct(l, x)),
                detail: sh.share.map(|_| format!("({} / {})", count(l, sh.count), count(l, sh.coverage.used))),
                href: live.href(l, &f, Some(list)),
                coverage: sh.coverage.clone(),
                total: r.0.total,
                outliers: None,
            }
        });
        card(l, live.country, id, data)
    };
    let has_bids =
        Memo::new(move |_| live.report.with(|r| r.as_ref().is_some_and(|r| r.0.close_bid.coverage.used > 0)));
    let stats_card = move |id: &'static str, pick: fn(&Summary) -> &Stats, list: List, unit: &'static str, d: usize| {
        let data = Memo::new(move |_| {
            let (Some(r), f) = (live.report.get(), live.filter.get()) else { return CardData::default() };
            let st = pick(&r.0);
            let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
            CardData {
                figure: st.mean.map_or(o.no_data.to_string(), |m| format!("{}{unit}", num(l, m, d))),
                detail: st.median.map(|m| format!("({}: {})", o.median, num(l, m, d))),
                href: live.href(l, &f, Some(list)),
                coverage: st.coverage.clone(),
                total: r.0.total,
                outliers: (st.outlier_count > 0).then(|| {
                    (
                        live.href(l, &f, Some(List::Outliers)),
                        format_counted(l, st.outlier_count, o.outlier_one, o.outliers),
                    )
                }),
            }
        });
        card(l, live.country, id, data)
    };
    view! {
        <div class="ind-grid">
            {share_card("competitive-share", |r| &r.competitive, List::Competitive)}
            {share_card("single-bid", |r| &r.single_bid, List::SingleBid)}
            {stats_card("bidders", |r| &r.bidders, List::Bidders, o.bidders_unit, 1)}
            {share_card("short-submission", |r| &r.short, List::Short)}
            // Bid-level flags only where the data has comparable bids.
            {move || has_bids.get().then(|| share_card("close-bid", |r| &r.close_bid, List::CloseBid))}
            {move || has_bids.get().then(|| share_card("discounted-bid", |r| &r.discounted_bid, List::DiscountedBid))}
            {stats_card("tendering-period", |r| &r.tendering, List::Tendering, o.days, 1)}
            {stats_card("decision-period", |r| &r.decision, List::Decision, o.days, 1)}
            {stats_card("award-to-signature", |r| &r.signature, List::Signature, o.days, 1)}
            {stats_card("contracted-vs-estimated", |r| &r.ratio, List::Ratio, "", 2)}
        </div>
        {(live.country == Country::Ap).then(|| view! { <Comparison live=live /> })}
        <Series live=live />
        <Mix live=live />
        <Buyers live=live />
        <Concentrations live=live />
        <Missing live=live />
    }
}

/// An indicator's section: heading, explanation, an optional chart, its table (a scrollable,
/// named region; `head` is each column's label and whether it holds numbers) and what follows.
fn table_section(
    lang: Lang,
    country: Country,
    id: &'static str,
    chart: Option<AnyView>,
    head: Vec<(&'static str, bool)>,
    rows: impl Fn() -> AnyView + Send + Sync + 'static,
    after: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> AnyView {
    let o = lang.o();
    let head = head
        .into_iter()
        .map(|(label, num)| {
            view! {
                <th scope="col" class:num=num>
                    {label}
                </th>
            }
        })
        .collect_view();
    view! {
        <section class="ind-section" id=id aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{o.indicator(id)}</h2>
            <p class="explain">
                {explain(id, lang).unwrap_or_default()} " "
                <a href=methodology_href(lang, country, id)>{o.methodology_link}</a>
            </p>
            {chart}
            <div
                class="table-wrap"
                role="region"
                tabindex="0"
                aria-label=format!("{} — {}", o.indicator(id), o.table)
            >
                <table class="data-table">
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {after}
        </section>
    }
    .into_any()
}

/// The procedure mix as a chart (the site's chart component, redrawn in place) and a table
/// with the publishers' own names.
#[component]
fn Mix(live: Live) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let text = |es: &str, en: &str| Text { es: es.to_string(), en: Some(en.to_string()) };
    let label = |m| Text { es: Lang::Es.o().method(m).to_string(), en: Some(Lang::En.o().method(m).to_string()) };
    let country = live.country;
    let dataset = Memo::new(move |_| Dataset {
        id: "procedure-mix".into(),
        title: text(Lang::Es.o().indicator("procedure-mix"), Lang::En.o().indicator("procedure-mix")),
        summary: text("", ""),
        source: live.publishers.get_value(),
        source_url: None,
        notes: Blocks::default(),
        country,
        topics: Vec::new(),
        year: 0,
        chart: Some(ChartKind::Bar),
        columns: vec![
            Column { id: "method".into(), label: text("Modalidad", "Method"), kind: ColumnKind::Text, unit: None },
            Column {
                id: "processes".into(),
                label: text("Procesos", "Processes"),
                kind: ColumnKind::Number,
                unit: None,
            },
        ],
        rows: live
            .report
            .get()
            .map(|r| {
                r.0.mix
                    .iter()
                    .map(|m| vec![Cell::Text(label(m.method)), Cell::Number { value: m.count as f64, at_least: false }])
                    .collect()
            })
            .unwrap_or_default(),
        highlights: Vec::new(),
        sample: false,
    });
    let rows = move || {
        let (Some(r), f) = (live.report.get(), live.filter.get()) else { return ().into_any() };
        r.0.mix
            .iter()
            .map(|m| {
                let value =
                    m.value.iter().map(|(c, v)| format!("{} {c}", num(lang, *v, 0))).collect::<Vec<_>>().join(" · ");
                view! {
                    <tr>
                        <th scope="row">{o.method(m.method)}</th>
                        <td>{m.local_names.join(" · ")}</td>
                        <td class="num">
                            <a href=live.href(lang, &f, Some(List::Method(m.method)))>{count(lang, m.count)}</a>
                        </td>
                        <td class="num">{value}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let permalink = format!("{}#procedure-mix", Page::Indicators(country).href(lang));
    let chart = view! { <Chart dataset=Signal::from(dataset) level=3 permalink=permalink /> }.into_any();
    let head = vec![(o.mix_method, false), (o.mix_local, false), (o.mix_count, true), (o.mix_value, true)];
    let after = move || live.report.get().map(|r| coverage_note(lang, &r.0.mix_coverage, r.0.total));
    table_section(lang, live.country, "procedure-mix", Some(chart), head, rows, after)
}

#[component]
fn Buyers(live: Live) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    // Rows by rank, built when their number changes; a filter change rewrites each row's buyer,
    // links and figures in place.
    let shown = Memo::new(move |_| live.report.with(|r| r.as_ref().map_or(0, |r| r.0.buyers.len())));
    let row = move |i: usize| live.report.with(|r| r.as_ref().and_then(|r| r.0.buyers.get(i).cloned()));
    let rows = move || {
        (0..shown.get())
            .map(|i| {
                let b = Memo::new(move |_| row(i));
                let link = move |list: List| {
                    b.with(|b| {
                        let b = b.as_ref()?;
                        let f = live.filter.with(|f| Filter { buyer: Some(b.buyer.clone()), ..f.clone() });
                        Some(live.href(lang, &f, Some(list)))
                    })
                };
                let profile =
                    move || b.with(|b| b.as_ref().map(|b| profile_href(lang, live.country, Party::Buyer, &b.buyer)));
                let name = move || b.with(|b| b.as_ref().map(|b| b.name.clone().unwrap_or_else(|| b.buyer.clone())));
                let processes = move || b.with(|b| b.as_ref().map(|b| count(lang, b.processes)));
                let non_competitive = move || b.with(|b| b.as_ref().map(|b| count(lang, b.non_competitive)));
                let share = move || {
                    b.with(|b| {
                        b.as_ref().map(|b| {
                            pct(lang, if b.processes > 0 { b.non_competitive as f64 / b.processes as f64 } else { 0.0 })
                        })
                    })
                };
                view! {
                    <tr>
                        <th scope="row">
                            <a href=profile lang="es">
                                {name}
                            </a>
                        </th>
                        <td class="num">
                            <a href=move || link(List::All)>{processes}</a>
                        </td>
                        <td class="num">
                            <a href=move || link(List::NonCompetitive)>{non_competitive}</a>
                        </td>
                        <td class="num">{share}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let after = move || {
        live.report.get().map(|r| {
            let s = &r.0;
            rows_note(lang, s.buyers.len(), s.buyers_count, &s.buyers_coverage, s.total)
        })
    };
    let head = vec![(o.buyer, false), (o.mix_count, true), (o.non_competitive, true), (o.share, true)];
    table_section(lang, live.country, "buyer-non-competitive", None, head, rows, after)
}

#[component]
fn Concentrations(live: Live) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let rows = move || {
        let (Some(r), filter) = (live.report.get(), live.filter.get()) else { return ().into_any() };
        r.0.concentration
            .iter()
            .map(|c| {
                let f = Filter { buyer: Some(c.buyer.clone()), ..filter.clone() };
                let top = c
                    .top
                    .iter()
                    .zip(c.top_names.iter().chain(std::iter::repeat(&None)))
                    .map(|((s, _), n)| {
                        let name = n.clone().unwrap_or_else(|| s.clone());
                        view! { <a href=profile_href(lang, live.country, Party::Supplier, s)>{name}</a> }
                    })
                    .collect::<Vec<_>>();
                let n_top = top.len();
                let top = top
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| {
                        view! {
                            {a}
                            {(i + 1 < n_top).then_some(" · ")}
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            <a href=profile_href(lang, live.country, Party::Buyer, &c.buyer) lang="es">
                                {c.name.clone().unwrap_or_else(|| c.buyer.clone())}
                            </a>
                        </th>
                        <td>{c.currency.clone()}</td>
                        <td class="num">{num(lang, c.total, 0)}</td>
                        <td class="num">
                            <a href=live.href(lang, &f, Some(List::Concentration))>{pct(lang, c.share)}</a>
                        </td>
                        <td>{top}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let after = move || {
        live.report.get().map(|r| {
            let s = &r.0;
            rows_note(lang, s.concentration.len(), s.concentration_count, &s.concentration_coverage, s.total)
        })
    };
    let head =
        vec![(o.buyer, false), (o.currency, false), (o.awarded, true), (o.top_share, true), (o.top_suppliers, false)];
    table_section(lang, live.country, "supplier-concentration", None, head, rows, after)
}

#[component]
fn Missing(live: Live) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    // One row per key field, built once the figures are there; a filter change rewrites the
    // cells in place.
    let ready = Memo::new(move |_| live.report.with(Option::is_some));
    let missing = move |i: usize| {
        live.report.with(|r| r.as_ref().and_then(|r| Some((r.0.missing.get(i)?.1, r.0.total.max(1) as f64))))
    };
    let rows = move || {
        if !ready.get() {
            return ().into_any();
        }
        KEY_FIELDS
            .iter()
            .enumerate()
            .map(|(i, (field, _))| {
                let href = move || live.filter.with(|f| live.href(lang, f, Some(List::Missing(i))));
                let n = move || missing(i).map(|(n, _)| count(lang, n));
                let share = move || missing(i).map(|(n, total)| pct(lang, n as f64 / total));
                view! {
                    <tr>
                        <th scope="row">{o.field_name(field)} " " <code>{*field}</code></th>
                        <td class="num">
                            <a href=href>{n}</a>
                        </td>
                        <td class="num">{share}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let head = vec![(o.field, false), (o.missing, true), (o.share, true)];
    table_section(lang, live.country, "missing-fields", None, head, rows, || None)
}

/// Per source: what was read, what could not be, and which key fields are missing.
/// Every code and field the page shows, in words.
#[component]
fn Glossary() -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let items = observatorio_core::ocds::explain::GLOSSARY
        .iter()
        .map(|g| {
            view! {
                <dt>
                    <code>{g.0}</code>
                </dt>
                <dd>{observatorio_core::ocds::explain::term(g, lang)}</dd>
            }
        })
        .collect_view();
    view! {
        <section class="ind-section glossary" id="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title">{o.glossary}</h2>
            <dl>{items}</dl>
        </section>
    }
}

#[component]
fn Quality(pool: Shared<Pool>, failed: Vec<(Source, String)>) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let name = move |s: &Source| lang.pick(&s.name.es, &s.name.en).clone();
    let read = pool
        .0
        .sources
        .iter()
        .map(|d| {
            let s = &d.source;
            let n = d.processes.len().max(1) as f64;
            let site = s.url.as_deref().and_then(|u| SafeUrl::parse(u).ok());
            let years: Vec<i32> = d.processes.iter().filter_map(|p| p.year).collect();
            let period = o.years(&observatorio_core::ocds::report::year_runs(&years));
            let published = s
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| observatorio_core::i18n::format_date(lang, d));
            let problems = d
                .problems
                .iter()
                .take(20)
                .map(|p| {
                    view! {
                        <li>
                            <code>{p.clone()}</code>
                        </li>
                    }
                })
                .collect_view();
            let more = d.problems.len().saturating_sub(20);
            view! {
                <article class="source" data-source=s.id.clone()>
                    <h3 id=format!("quality-{}", s.id)>{name(s)} " " <SampleBadge sample=s.sample /></h3>
                    <p class="muted">
                        <span lang="es">{s.publisher.clone()}</span>
                        {site
                            .map(|u| {
                                view! {
                                    " · "
                                    <ExternalLink url=u>{o.publisher_site}</ExternalLink>
                                }
                            })}
                    </p>
                    <dl class="facts">
                        {s
                            .licence
                            .clone()
                            .map(|l| {
                                view! {
                                    <dt>{o.licence}</dt>
                                    <dd>{l}</dd>
                                }
                            })}
                        {(!period.is_empty())
                            .then(|| {
                                view! {
                                    <dt>{o.period}</dt>
                                    <dd>{period.clone()}</dd>
                                }
                            })}
                        {published
                            .map(|d| {
                                view! {
                                    <dt>{o.data_date}</dt>
                                    <dd>{d}</dd>
                                }
                            })} <dt>{o.files}</dt><dd>{count(lang, d.files.len())}</dd> <dt>{lang.o().mix_count}</dt>
                        <dd>{count(lang, d.processes.len())}</dd>
                        {(d.damaged > 0)
                            .then(|| {
                                view! {
                                    <dt>{o.damaged}</dt>
                                    <dd>{count(lang, d.damaged)}</dd>
                                }
                            })}
                        {(d.broken_text > 0)
                            .then(|| {
                                view! {
                                    <dt>{o.broken_text}</dt>
                                    <dd>{count(lang, d.broken_text)}</dd>
                                }
                            })}
                    </dl>
                    {if d.problems.is_empty() {
                        view! { <p>{o.no_problems}</p> }.into_any()
                    } else {
                        view! {
                            <p>{o.problems}</p>
                            <ul class="problems">{problems}</ul>
                            {(more > 0).then(|| view! { <p class="muted">{format!("+{more}")}</p> })}
                        }
                            .into_any()
                    }}
                    <div class="table-wrap" role="region" tabindex="0" aria-labelledby=format!("quality-{}", s.id)>
                        <table class="data-table compact">
                            <thead>
                                <tr>
                                    <th scope="col">{o.field}</th>
                                    <th scope="col" class="num">
                                        {o.missing}
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {d
                                    .missing
                                    .iter()
                                    .map(|(f, m)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{o.field_name(f)} " " <code>{*f}</code></th>
                                                <td class="num">
                                                    {format!("{} ({})", count(lang, *m), pct(lang, *m as f64 / n))}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                </article>
            }
        })
        .collect_view();
    let failed = failed
        .into_iter()
        .map(|(s, e)| {
            view! {
                <article class="source failed" data-source=s.id.clone()>
                    <h3>{name(&s)}</h3>
                    <p class="load-error">
                        <code>{e}</code>
                    </p>
                </article>
            }
        })
        .collect_view();
    view! {
        <section class="ind-section quality" id="data-quality" aria-labelledby="data-quality-title">
            <h2 id="data-quality-title">{o.quality}</h2>
            <p>{o.quality_intro}</p>
            {read}
            {failed}
        </section>
    }
}

/// The processes behind a number, as a person reads them: title, buyer, suppliers, method,
/// value, dates, the measure that put each there, the publisher's page and the OCDS file; the
/// whole list downloadable as CSV and JSON.
#[component]
fn ProcessList(
    country: Country,
    pool: Shared<Pool>,
    sel: Shared<Vec<usize>>,
    filter: Filter,
    list: Result<List, String>,
) -> impl IntoView {
    let lang = use_lang();
    let o = lang.o();
    let store = use_ocds();
    let known = list.is_ok();
    let list = list.unwrap_or(List::All);
    let rows = Arc::new(list.select(&pool.0.facts, &sel.0, filter.days()));
    let rates = manifest_rates(store);
    load_details(store, &pool.0.sources);
    // A process with its details filled in (once they are here), and where it came from.
    let listed = {
        let pool = pool.clone();
        let sel = sel.clone();
        move |pos: usize| -> Option<(Process, Arc<SourceData>)> {
            let &i = sel.0.get(pos)?;
            let (s, r) = *pool.0.refs.get(i)?;
            let d = pool.0.sources.get(s as usize)?.clone();
            let mut p = d.processes.get(r as usize)?.clone();
            store.details.with(|m| {
                if let Some(Some(Ok(x))) = m.get(&d.source.id) {
                    x.0.fill(r as usize, &mut p);
                }
            });
            Some((p, d))
        }
    };
    let heading = match list {
        List::Method(m) => format!("{}: {}", o.indicator(list.indicator()), o.method(m)),
        List::Missing(i) => {
            format!("{}: {}", o.indicator(list.indicator()), KEY_FIELDS.get(i).map_or("", |f| o.field_name(f.0)))
        }
        List::Outliers => format!("{}: {}", o.indicator(list.indicator()), o.outliers),
        List::NonCompetitive => format!("{}: {}", o.list_title, o.non_competitive),
        List::All => o.list_title.to_string(),
        _ => format!("{}: {}", o.list_title, o.indicator(list.indicator())),
    };
    let back = page_href(lang, country, &Filter { process: None, ..filter.clone() }, None);
    let total = rows.len();
    let unit = match list {
        List::Bidders => o.bidders_unit,
        List::Ratio => "",
        _ => o.days,
    };
    let measured_kind = rows.iter().any(|r| r.1.is_some());
    let licences = licences_note(lang, &pool.0.sources);
    let item = {
        let rows = rows.clone();
        let listed = listed.clone();
        let rates = rates.clone();
        move |k: usize| -> AnyView {
            let Some(&(pos, value)) = rows.get(k) else { return ().into_any() };
            let listed = listed.clone();
            let rates = rates.clone();
            let Some((_, d)) = listed(pos) else { return ().into_any() };
            let row = sel.0.get(pos).and_then(|i| pool.0.refs.get(*i)).map_or(0, |r| r.1 as usize);
            let file = d.files.get(d.processes.get(row).map_or(0, |p| p.file as usize)).cloned().unwrap_or_default();
            let measured = value.map(|v| format!("{} {unit}", num(lang, v, if list == List::Ratio { 2 } else { 1 })));
            let source = d.source.clone();
            // Redrawn when the details arrive (titles, ocids, the publisher's page).
            let body = move || {
                let Some((p, _)) = listed(pos) else { return ().into_any() };
                let title = p.title.clone().unwrap_or_else(|| o.untitled.to_string());
                let ocid = Some(p.ocid.clone())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| format!("{} {}", o.process, row + 1));
                let method = match (&p.method_details, p.method) {
                    (Some(local), m) => format!("{} ({local})", o.method(m)),
                    (None, m) => o.method(m).to_string(),
                };
                let value = p.tender_value.as_ref().or(p.contract_value.as_ref());
                let usd = value.zip(p.year).and_then(|(m, y)| rates.0.to_usd(&m.currency, y, m.amount));
                let value_text = value.map(|m| {
                    let own = format!("{} {}", num(lang, m.amount, 0), m.currency);
                    match usd.filter(|_| m.currency != "USD") {
                        Some((u, r)) => format!("{own} {}", o.usd_approx(&num(lang, u, 0), r.year)),
                        None => own,
                    }
                });
                let suppliers: Vec<(String, String)> =
                    p.suppliers().into_iter().map(|k| (k.to_string(), p.supplier_name(k).to_string())).collect();
                let n_sup = suppliers.len();
                let suppliers_view = suppliers
                    .into_iter()
                    .enumerate()
                    .map(|(i, (k, n))| {
                        view! {
                            <a href=profile_href(lang, country, Party::Supplier, &k)>{n}</a>
                            {(i + 1 < n_sup).then_some(" · ")}
                        }
                    })
                    .collect_view();
                let buyer_name = p.buyer_name.clone().or_else(|| p.buyer.clone()).unwrap_or_else(|| "—".into());
                let buyer_view = match &p.buyer {
                    Some(b) => view! {
                        <a href=profile_href(lang, country, Party::Buyer, b) lang="es">
                            {buyer_name}
                        </a>
                    }
                    .into_any(),
                    None => view! { <span lang="es">{buyer_name}</span> }.into_any(),
                };
                let date = |t: Option<i64>| t.and_then(observatorio_core::ocds::tables::day);
                let dates = [
                    (
                        o.tender_dates,
                        match (date(p.tender_start), date(p.tender_end)) {
                            (Some(a), Some(b)) => Some(format!("{a} – {b}")),
                            (a, b) => a.or(b),
                        },
                    ),
                    (o.award_date, date(p.awards.iter().filter_map(|a| a.date).min())),
                    (o.signed_date, date(p.signed.iter().min().copied())),
                ];
                let page =
                    p.tender_id.as_deref().and_then(|t| source.process_page(t)).and_then(|u| SafeUrl::parse(&u).ok());
                let doc = p.document.as_deref().and_then(|u| SafeUrl::parse(u).ok()).filter(|u| !u.is_mailto());
                let link = if file.starts_with("http://") || file.starts_with("https://") {
                    SafeUrl::parse(&file)
                        .ok()
                        .map(|u| view! { <ExternalLink url=u>{o.ocds_data}</ExternalLink> }.into_any())
                } else if !file.is_empty() {
                    Some(
                        view! {
                            <a href=observatorio_core::routes::href(&format!("/{file}")) type="application/json">
                                {o.ocds_data}
                            </a>
                        }
                        .into_any(),
                    )
                } else {
                    None
                };
                view! {
                    <h3 class="process-title">{title}</h3>
                    <p class="ocid">
                        <code>{ocid}</code>
                    </p>
                    <dl class="process-facts">
                        <dt>{o.buyer}</dt>
                        <dd>{buyer_view}</dd>
                        {(n_sup > 0)
                            .then(|| {
                                view! {
                                    <dt>{o.suppliers}</dt>
                                    <dd>{suppliers_view}</dd>
                                }
                            })}
                        <dt>{o.filter_method}</dt>
                        <dd>{method}</dd>
                        {value_text
                            .map(|v| {
                                view! {
                                    <dt>{o.value}</dt>
                                    <dd>{v}</dd>
                                }
                            })}
                        {dates
                            .into_iter()
                            .filter_map(|(l, v)| {
                                v.map(|v| {
                                    view! {
                                        <dt>{l}</dt>
                                        <dd>{v}</dd>
                                    }
                                })
                            })
                            .collect_view()}
                    </dl>
                    <p class="process-links">
                        {page
                            .map(|u| {
                                view! {
                                    <ExternalLink url=u>{o.publisher_page}</ExternalLink>
                                    " "
                                }
                            })}
                        {doc
                            .map(|u| {
                                view! {
                                    <ExternalLink url=u>{o.process_document}</ExternalLink>
                                    " "
                                }
                            })} {link}
                    </p>
                }
                .into_any()
            };
            view! {
                <li class="process">
                    {measured
                        .map(|m| {
                            view! {
                                <p class="measure">
                                    <strong>{m}</strong>
                                </p>
                            }
                        })} {body}
                </li>
            }
            .into_any()
        }
    };
    // The whole list as a file, built when asked for.
    let data = {
        let rows = rows.clone();
        let heading = heading.clone();
        move || {
            let listed_rows: Vec<(Process, Arc<SourceData>, String, Option<f64>)> = rows
                .iter()
                .filter_map(|&(pos, v)| {
                    let (p, d) = listed(pos)?;
                    let file = d.files.get(p.file as usize).cloned().unwrap_or_default();
                    Some((p, d, file, v))
                })
                .collect();
            let items: Vec<Listed> = listed_rows
                .iter()
                .map(|(p, d, file, v)| Listed { process: p, source: &d.source, file: file.clone(), measure: *v })
                .collect();
            let unit_text = (!unit.is_empty()).then(|| Text { es: unit.to_string(), en: None });
            let measure = measured_kind.then(|| (Text { es: o.measure.to_string(), en: None }, unit_text));
            Some(process_list("processes", Text { es: heading.clone(), en: None }, measure, &items, &rates.0))
        }
    };
    view! {
        <section class="process-list" aria-labelledby="process-list-title">
            <p>
                <a href=back.clone()>{"← "}{o.back}</a>
            </p>
            <h2 id="process-list-title">{heading}</h2>
            {(!known).then(|| view! { <p class="notice">{o.unknown_list}</p> })}
            <p class="result-count" role="status">
                {format_counted(lang, total, o.process_one, o.processes_word)}
            </p>
            <ul class="downloads">{download_buttons(lang, "processes", data, here)}</ul>
            {licences}
            {paged(true, "processes", total, item)}
        </section>
    }
}

/// Under each download: the publishers whose data it holds, with their licences.
/// Each source's publisher and the licence it states, once per publisher.
fn licence_parts(sources: &[Arc<SourceData>]) -> Vec<(String, Option<String>)> {
    let mut parts: Vec<(String, Option<String>)> =
        sources.iter().map(|d| (d.source.publisher.clone(), d.source.licence.clone())).collect();
    parts.dedup();
    parts
}

fn licences_note(lang: Lang, sources: &[Arc<SourceData>]) -> AnyView {
    licences_view(lang, licence_parts(sources))
}

/// "Data from the publishers, under their licences: …". The publishers' names are proper names
/// in Spanish, marked so on an English page.
pub(crate) fn licences_view(lang: Lang, parts: Vec<(String, Option<String>)>) -> AnyView {
    let last = parts.len().saturating_sub(1);
    let parts = parts
        .into_iter()
        .enumerate()
        .map(|(i, (publisher, licence))| {
            view! {
                <span lang="es">{publisher}</span>
                {licence.map(|l| format!(" ({l})"))}
                {(i < last).then_some("; ")}
            }
        })
        .collect_view();
    view! { <p class="muted licences">{lang.o().data_licence} " " {parts}</p> }.into_any()
}
