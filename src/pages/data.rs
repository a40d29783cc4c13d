//! Datasets as readable tables (charts come with the charts work).

use super::{use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::{topics_now, use_store};
use crate::app::use_lang;
use crate::components::bits::{use_meta, CountryTag, SampleBadge};
use crate::components::chart::Chart;
use crate::components::filters::{FilterBar, FilterField};
use crate::components::section::Section;
use crate::filter::DataFilter;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let query = use_query_map();
    let parsed =
        Memo::new(move |_| query.with(|q| DataFilter::from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    use_meta(|l| (l.t().data.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().data}</h1>
            <Section res=store.datasets render=move |data| {
                let data = data.clone();
                move || {
                    let l = lang;
                    let t = l.t();
                    let (filter, ignored) = parsed.get();
                    let topics = topics_now(store);
                    let fields = vec![
                        FilterField::topic(l, &topics, filter.topic.clone()),
                        FilterField::country(l, filter.country),
                        FilterField::year(l, data.items.iter().map(|d| d.year), filter.year),
                    ];
                    let shown: Vec<_> = data.items.iter().filter(|d| filter.matches(d)).cloned().collect();
                    view! {
                        <FilterBar fields=fields path=Page::Data.path(l) count=shown.len() ignored=ignored/>
                        {if shown.is_empty() {
                            view! { <p class="empty">{t.no_results}</p> }.into_any()
                        } else {
                            view! { <div class="dataset-list">{shown.into_iter().map(|d| view! { <Chart dataset=d level=2/> }).collect_view()}</div> }.into_any()
                        }}
                    }
                }
            }/>
        </div>
    }
}

#[component]
pub fn DatasetPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = use_id();
    use_item_meta(store.datasets, id, |l| l.t().data, |i| (&i.title, &i.summary));
    view! {
        <div class="page">
            <Section res=store.datasets lines=6 render=move |data| {
                let data = data.clone();
                move || {
                    let wanted = id.get();
                    let Some(d) = data.items.iter().find(|d| d.id == wanted).cloned() else {
                        return view! { <NotFoundItem id=wanted back=Page::Data back_label=|l| l.t().back_to_data/> }.into_any();
                    };
                    view! {
                        <article class="article">
                            <p class="meta"><span class="tag">{d.year}</span> " " <CountryTag country=d.country/> <SampleBadge sample=d.sample/></p>
                            <Chart dataset=d.clone() level=1/>
                            <TopicTags ids=d.topics.clone()/>
                            <p><A href=Page::Data.href(lang)>{lang.t().back_to_data}</A></p>
                        </article>
                    }.into_any()
                }
            }/>
        </div>
    }
}
