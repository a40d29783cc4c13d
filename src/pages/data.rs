//! Datasets as readable tables (charts come with the charts work).

use super::{use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::{topics_now, use_store};
use crate::components::bits::{use_meta, CountryTag, SampleBadge};
use crate::components::chart::Chart;
use crate::components::filters::{filtered_list, use_query_filter, FilterField};
use crate::components::section::Section;
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::filter::DataFilter;
use observatorio_core::routes::Page;

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let parsed = use_query_filter(|pairs| DataFilter::from_query(pairs));
    use_meta(|l| (l.t().data.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().data}</h1>
            <Section
                res=store.datasets
                render=move |data| {
                    let data = data.clone();
                    move || {
                        let l = lang;
                        let (filter, ignored) = parsed.get();
                        let topics = topics_now(store);
                        let fields = vec![
                            FilterField::topic(l, &topics, filter.topic.clone()),
                            FilterField::country(l, filter.country),
                            FilterField::year(l, data.items.iter().map(|d| d.year), filter.year),
                        ];
                        let bar = (Page::Data.path(l), fields, ignored);
                        filtered_list(
                            bar,
                            &data.items,
                            |d| filter.matches(d),
                            "dataset-list",
                            |d| view! { <Chart dataset=d level=2 /> }.into_any(),
                        )
                    }
                }
            />
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
            <Section
                res=store.datasets
                lines=6
                render=move |data| {
                    let data = data.clone();
                    move || {
                        let wanted = id.get();
                        let Some(d) = data.items.iter().find(|d| d.id == wanted).cloned() else {
                            return view! {
                                <NotFoundItem id=wanted back=Page::Data back_label=|l| l.t().back_to_data />
                            }
                                .into_any();
                        };
                        view! {
                            <article class="article">
                                <p class="meta">
                                    <span class="tag">{d.year}</span>
                                    " "
                                    <CountryTag country=d.country />
                                    <SampleBadge sample=d.sample />
                                </p>
                                <Chart dataset=d.clone() level=1 />
                                <TopicTags ids=d.topics.clone() />
                                <p>
                                    <A href=Page::Data.href(lang)>{lang.t().back_to_data}</A>
                                </p>
                            </article>
                        }
                            .into_any()
                    }
                }
            />
        </div>
    }
}
