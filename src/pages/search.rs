//! The search results page: the query and facets live in the URL (shareable; Back and Forward
//! work); results of every kind, highlighted; facets with counts; "did you mean" and the latest
//! items when nothing matches.

use crate::api::{topics_now, use_store};
use crate::app::use_lang;
use crate::components::bits::{use_meta, CountryTag, SampleBadge};
use crate::components::filters::{paged, use_query_filter, FilterBar, FilterField};
use crate::components::search_box::{doc_page, marked, results_href, results_path};
use crate::filter::SearchFilter;
use crate::i18n::format_date;
use crate::routes::{with_query, Page};
use crate::search::engine::{best_field, highlight, snippet};
use crate::search::{Kind, Query};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let store = use_store();
    store.request_search();
    let parsed = use_query_filter(|pairs| SearchFilter::from_query(pairs));
    use_meta(|l| (l.t().search.to_string(), l.t().search_label.to_string()));
    let navigate = use_navigate();
    let (draft, set_draft) = signal(parsed.get_untracked().0.q);
    // Back/Forward to another query updates the box.
    Effect::new(move |_| set_draft.set(parsed.with(|(f, _)| f.q.clone())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&results_path(lang, &draft.get_untracked()), Default::default());
    };
    view! {
        <div class="page search-page">
            <h1>{t.search}</h1>
            <form class="search-page-form" role="search" on:submit=submit>
                <label for="search-q">{t.search_label}</label>
                <div class="search-row-inline">
                    <input id="search-q" type="search" name="q" maxlength="200" autocomplete="off"
                        prop:value=move || draft.get() on:input=move |ev| set_draft.set(event_target_value(&ev))/>
                    <button type="submit" class="button">{t.search}</button>
                </div>
            </form>
            {move || {
                let (f, ignored) = parsed.get();
                let Some(ix) = store.search.get() else {
                    return view! { <div class="skeleton" aria-busy="true"><div class="skeleton-line"></div><div class="skeleton-line"></div><div class="skeleton-line"></div></div> }.into_any();
                };
                let l = lang;
                let t = l.t();
                let index = ix.index.clone();
                let query = Query::parse(&f.q, false);
                if query.is_empty() {
                    return view! { <p class="muted">{t.search_empty}</p> }.into_any();
                }
                let hits = index.search(&query);
                let facets = index.facets(&hits, &f.facets);
                let shown_hits: Vec<_> = hits.iter().filter(|h| index.passes(h, &f.facets)).cloned().collect();
                let count = shown_hits.len();
                let topics = topics_now(store);
                let topic_label = |id: &str| topics.iter().find(|tp| tp.id == id).map_or(id.to_string(), |tp| tp.title.get(l).to_string());
                let fields = vec![
                    FilterField { key: "kind", label: t.filter_kind, options: facets.kinds.iter().map(|(k, n)| (k.code().to_string(), format!("{} ({n})", t.kind(*k)))).collect(), selected: f.facets.kind.map(|k| k.code().to_string()) },
                    FilterField { key: "country", label: t.filter_country, options: facets.countries.iter().map(|(c, n)| (c.code().to_string(), format!("{} ({n})", t.country(*c)))).collect(), selected: f.facets.country.map(|c| c.code().to_string()) },
                    FilterField { key: "topic", label: t.filter_topic, options: facets.topics.iter().map(|(id, n)| (id.clone(), format!("{} ({n})", topic_label(id)))).collect(), selected: f.facets.topic.clone() },
                    FilterField { key: "year", label: t.filter_year, options: facets.years.iter().map(|(y, n)| (y.to_string(), format!("{y} ({n})"))).collect(), selected: f.facets.year.map(|y| y.to_string()) },
                ];
                let path = with_query(&Page::Search.path(l), &[], &[("q", Some(f.q.clone()))]);
                let suggestion = index.did_you_mean(&query);
                let did_you_mean = suggestion.map(|s| view! { <p class="did-you-mean">{t.did_you_mean} " " <a href=results_href(l, &s)>{s.clone()}</a> "?"</p> });
                let bar = view! { <FilterBar fields=fields path=path count=count ignored=ignored/> };
                if hits.is_empty() {
                    let latest: Vec<_> = index.latest(5).into_iter().cloned().collect();
                    return view! {
                        <p class="empty" role="status">{t.search_none} " «" {f.q.clone()} "»."</p>
                        {did_you_mean}
                        <h2>{t.latest_items}</h2>
                        <ul class="results">{latest.into_iter().map(|d| view! {
                            <li class="result"><span class="tag">{t.kind(d.kind)}</span> " " <a href=doc_page(&d).href(l)>{d.title.get(l).to_string()}</a></li>
                        }).collect_view()}</ul>
                    }.into_any();
                }
                let full = query.terms.len();
                let index = index.clone();
                let results = paged(true, "results", count, move |i| {
                    let h = &shown_hits[i];
                    let d = &index.docs[h.doc as usize];
                    let title = highlight(d.title.get(l), &h.matched);
                    let snip = snippet(best_field(d, l, &h.matched), &h.matched, 180);
                    let date = d.date.filter(|_| d.kind != Kind::Topic).map(|x| format_date(l, x));
                    let partial = h.words < full;
                    view! {
                        <li class="result">
                            <p class="meta">
                                <span class="tag">{l.t().kind(d.kind)}</span>
                                {d.country.map(|c| view! { <CountryTag country=c/> })}
                                {date.map(|x| view! { <span>{x}</span> })}
                                <SampleBadge sample=d.sample/>
                                {partial.then(|| view! { <span class="muted">{l.t().partial_match}</span> })}
                            </p>
                            <h2 class="result-title"><a href=doc_page(d).href(l)>{marked(title)}</a></h2>
                            <p class="snippet">{marked(snip)}</p>
                        </li>
                    }
                    .into_any()
                });
                view! {
                    {did_you_mean}
                    {bar}
                    {(ix.failed > 0).then(|| view! { <p class="notice">{t.search_partial}</p> })}
                    {results}
                }.into_any()
            }}
        </div>
    }
}
