//! The search results page: the query and facets live in the URL (shareable; Back and Forward
//! work); results of every kind, highlighted; facets with counts; "did you mean" and the latest
//! items when nothing matches. Each result's text loads on its own as the list shows it.

use crate::api::{topics_now, use_store};
use crate::components::bits::{use_meta, CountryTag, SampleBadge};
use crate::components::filters::{paged, use_query_filter, FilterBar, FilterField};
use crate::components::search_box::{marked, results_href, results_path};
use crate::context::use_lang;
use crate::search_loader::doc_href;
use crate::search_loader::use_search;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use observatorio_core::filter::SearchFilter;
use observatorio_core::i18n::format_date;
use observatorio_core::routes::{with_query, Page};
use observatorio_core::search::engine::{best_field, highlight, snippet};
use observatorio_core::search::{Facets, Hit, Kind, Query};

/// What the page shows for the query in the URL.
#[derive(Clone, Debug, PartialEq)]
enum State {
    Loading,
    Unavailable,
    Empty,
    NoHits { did_you_mean: Option<String>, latest: Vec<u32> },
    Hits { shown: Vec<Hit>, facets: Facets, did_you_mean: Option<String> },
}

/// Skeleton lines while a part loads.
fn skeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <div class="skeleton-line"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line"></div>
        </div>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let store = use_store();
    let data = use_search();
    data.start(lang);
    let parsed = use_query_filter(|pairs| SearchFilter::from_query(pairs));
    use_meta(|l| (l.t().search.to_string(), l.t().search_label.to_string()));
    let navigate = use_navigate();
    let (draft, set_draft) = signal(parsed.get_untracked().0.q);
    // Back/Forward to another query updates the box.
    Effect::new(move |_| set_draft.set(parsed.with(|(f, _)| f.q.clone())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Searching again asks again for what failed (the connection may be back).
        data.retry_failed(lang);
        navigate(&results_path(lang, &draft.get_untracked()), Default::default());
    };
    let state = Memo::new(move |_| {
        let f = parsed.with(|(f, _)| f.clone());
        match data.index.with(|i| i.as_ref().map(Result::is_ok)) {
            None => return State::Loading,
            Some(false) => return State::Unavailable,
            Some(true) => {}
        }
        let query = Query::parse(&f.q, false);
        if query.is_empty() {
            return State::Empty;
        }
        let Some(hits) = data.with(|ix| ix.search(&query)) else { return State::Loading };
        // Misspelt words may still find results (typo tolerance): the spelling is offered too.
        let Some(did_you_mean) = data.with(|ix| ix.did_you_mean(&query, lang)) else { return State::Loading };
        if hits.is_empty() {
            let latest = data.with(|ix| Ok(ix.latest(5))).unwrap_or_default();
            return State::NoHits { did_you_mean, latest };
        }
        let Some(facets) = data.with(|ix| ix.facets(&hits, &f.facets).map_err(|n| vec![n])) else {
            return State::Loading;
        };
        let shown = data.with(|ix| Ok(hits.iter().filter(|h| ix.passes(h, &f.facets)).cloned().collect::<Vec<_>>()));
        State::Hits { shown: shown.unwrap_or_default(), facets, did_you_mean }
    });
    view! {
        <div class="page search-page">
            <h1>{t.search}</h1>
            <form class="search-page-form" role="search" on:submit=submit>
                <label for="search-q">{t.search_label}</label>
                <div class="search-row-inline">
                    <input
                        id="search-q"
                        type="search"
                        name="q"
                        maxlength="200"
                        autocomplete="off"
                        prop:value=move || draft.get()
                        on:input=move |ev| set_draft.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">
                        {t.search}
                    </button>
                </div>
            </form>
            {move || {
                let (f, ignored) = parsed.get();
                let l = lang;
                let t = l.t();
                let query = Query::parse(&f.q, false);
                let partial = move || {
                    (data.failed.get() > 0).then(|| view! { <p class="notice">{t.search_partial}</p> })
                };
                match state.get() {
                    State::Loading => skeleton().into_any(),
                    State::Unavailable => {
                        view! {
                            <p class="notice" role="alert">
                                {t.search_unavailable}
                            </p>
                        }
                            .into_any()
                    }
                    State::Empty => view! { <p class="muted">{t.search_empty}</p> }.into_any(),
                    State::NoHits { did_you_mean, latest } => {
                        view! {
                            <p class="empty" role="status">
                                {t.search_none}
                                " «"
                                {f.q.clone()}
                                "»."
                            </p>
                            {did_you_mean.map(|s| offer(l, s))}
                            {partial}
                            <h2>{t.latest_items}</h2>
                            <ul class="results">
                                {latest
                                    .into_iter()
                                    .map(|n| {
                                        view! {
                                            <li class="result">
                                                {move || {
                                                    data.with(|ix| ix.text(n).map(|d| d.cloned()))
                                                        .flatten()
                                                        .map(|d| {
                                                            view! {
                                                                <span class="tag">{l.t().kind(d.kind)}</span>
                                                                " "
                                                                <a href=doc_href(
                                                                    d.kind,
                                                                    &d.id,
                                                                    l,
                                                                )>{d.title.get(l).to_string()}</a>
                                                            }
                                                        })
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    State::Hits { shown, facets, did_you_mean } => {
                        let count = shown.len();
                        let topics = topics_now(store);
                        let topic_label = |id: &str| {
                            topics
                                .iter()
                                .find(|tp| tp.id == id)
                                .map_or(id.to_string(), |tp| tp.title.get(l).to_string())
                        };
                        let fields = vec![
                            FilterField {
                                key: "kind",
                                label: t.filter_kind,
                                options: facets
                                    .kinds
                                    .iter()
                                    .map(|(k, n)| (k.code().to_string(), format!("{} ({n})", t.kind(*k))))
                                    .collect(),
                                selected: f.facets.kind.map(|k| k.code().to_string()),
                                counts: None,
                            },
                            FilterField {
                                key: "country",
                                label: t.filter_country,
                                options: facets
                                    .countries
                                    .iter()
                                    .map(|(c, n)| (c.code().to_string(), format!("{} ({n})", t.country(*c))))
                                    .collect(),
                                selected: f.facets.country.map(|c| c.code().to_string()),
                                counts: None,
                            },
                            FilterField {
                                key: "topic",
                                label: t.filter_topic,
                                options: facets
                                    .topics
                                    .iter()
                                    .map(|(id, n)| (id.clone(), format!("{} ({n})", topic_label(id))))
                                    .collect(),
                                selected: f.facets.topic.clone(),
                                counts: None,
                            },
                            FilterField {
                                key: "year",
                                label: t.filter_year,
                                options: facets
                                    .years
                                    .iter()
                                    .map(|(y, n)| (y.to_string(), format!("{y} ({n})")))
                                    .collect(),
                                selected: f.facets.year.map(|y| y.to_string()),
                                counts: None,
                            },
                        ];
                        let path = with_query(&Page::Search.path(l), &[], &[("q", Some(f.q.clone()))]);
                        let full = query.terms.len();
                        let query = StoredValue::new(query);
                        let results = paged(
                            true,
                            "results",
                            count,
                            move |i| {
                                let h = shown[i].clone();
                                view! { <li class="result">{move || result(h.clone(), query.get_value(), full)}</li> }
                                    .into_any()
                            },
                        );
                        view! {
                            {did_you_mean.map(|s| offer(l, s))}
                            <FilterBar fields=fields path=path count=count ignored=ignored />
                            {partial}
                            {results}
                        }
                            .into_any()
                    }
                }
            }}
        </div>
    }
}

/// "Did you mean …?" with a link to that search.
fn offer(l: observatorio_core::lang::Lang, s: String) -> impl IntoView {
    view! { <p class="did-you-mean">{l.t().did_you_mean} " " <a href=results_href(l, &s)>{s.clone()}</a> "?"</p> }
}

/// One result, once its text has loaded (a skeleton line until then).
fn result(h: Hit, query: Query, full: usize) -> AnyView {
    let l = use_lang();
    let data = use_search();
    // Some(None): the text could not be loaded (recorded as missing): a note instead.
    let loaded = data.with(|ix| Ok(ix.text(h.doc)?.map(|d| (d.clone(), ix.matched(h.doc, &query)))));
    let Some(loaded) = loaded else {
        return view! {
            <div class="skeleton" aria-busy="true">
                <div class="skeleton-line"></div>
            </div>
        }
        .into_any();
    };
    let Some((d, matched)) = loaded else {
        return view! { <p class="muted">{l.t().search_item_failed}</p> }.into_any();
    };
    let title = highlight(d.title.get(l), &matched);
    let snip = snippet(best_field(&d, l, &matched), &matched, 180);
    let date = d.date.filter(|_| d.kind != Kind::Topic).map(|x| format_date(l, x));
    let partial = h.words < full;
    view! {
        <p class="meta">
            <span class="tag">{l.t().kind(d.kind)}</span>
            {d.country.map(|c| view! { <CountryTag country=c /> })}
            {date.map(|x| view! { <span>{x}</span> })}
            <SampleBadge sample=d.sample />
            {partial.then(|| view! { <span class="muted">{l.t().partial_match}</span> })}
        </p>
        // The open-contracting data's names and titles are published in Spanish.
        <h2 class="result-title" lang=(d.kind == Kind::Contracting).then_some("es")>
            <a href=doc_href(d.kind, &d.id, l)>{marked(title)}</a>
        </h2>
        <p class="snippet">{marked(snip)}</p>
    }
    .into_any()
}
