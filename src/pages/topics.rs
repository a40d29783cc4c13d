//! Thematic areas, and one area with everything tagged to it.

use super::{today, use_id, use_item_meta, NotFoundItem};
use crate::api::{use_store, Rows};
use crate::components::bits::{use_meta, Paragraphs, Tx};
use crate::components::cards::{DocCard, NewsCard, TopicCard};
use crate::components::chart::Chart;
use crate::components::filters::rows_list;
use crate::components::section::{RowsSection, Section};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::routes::Page;

#[component]
pub fn TopicsPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    use_meta(|l| (l.t().topics.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().topics}</h1>
            <Section
                res=store.topics
                render=|topics| {
                    view! {
                        <div class="cards">
                            {topics
                                .items
                                .iter()
                                .cloned()
                                .map(|tp| view! { <TopicCard topic=tp level=2 /> })
                                .collect_view()}
                        </div>
                    }
                }
            />
        </div>
    }
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = use_id();
    use_item_meta(store.topics, id, |l| l.t().topics, |i| (&i.title, &i.summary));
    let tagged = move |topics: &[String]| topics.iter().any(|t| *t == id.get());
    // The long lists (news, documents) are read a page at a time, like their own pages.
    let nothing = move || view! { <p class="muted">{lang.t().nothing_tagged}</p> }.into_any();
    view! {
        <div class="page">
            <Section
                res=store.topics
                lines=3
                render=move |topics| {
                    let topics = topics.clone();
                    move || {
                        let wanted = id.get();
                        match topics.items.iter().find(|t| t.id == wanted).cloned() {
                            None => {
                                view! {
                                    <NotFoundItem id=wanted back=Page::Topics back_label=|l| l.t().back_to_topics />
                                }
                                    .into_any()
                            }
                            Some(tp) => {
                                view! {
                                    <h1>
                                        <Tx text=tp.title />
                                    </h1>
                                    <p class="lead">
                                        <Tx text=tp.summary />
                                    </p>
                                    <div class="prose">
                                        <Paragraphs blocks=tp.description />
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    }
                }
            />
            <Show when=move || {
                matches!(store.topics.parsed.get(), Some(Ok(t)) if t.items.iter().any(|t| t.id == id.get()))
            }>
                <section aria-labelledby="topic-news">
                    <h2 id="topic-news">{lang.t().related_news}</h2>
                    <RowsSection
                        list=store.lists().news
                        render=move |rows| move || {
                            let wanted = id.get();
                            rows_list(
                                    store.lists().news,
                                    &rows,
                                    |n| n.has_topic(&wanted),
                                    "cards",
                                    |n| view! { <NewsCard item=n /> }.into_any(),
                                    nothing,
                                )
                                .1
                        }
                    />
                </section>
                <section aria-labelledby="topic-docs">
                    <h2 id="topic-docs">{lang.t().related_documents}</h2>
                    <RowsSection
                        list=store.lists().documents
                        render=move |rows| move || {
                            let wanted = id.get();
                            rows_list(
                                    store.lists().documents,
                                    &rows,
                                    |d| d.has_topic(&wanted),
                                    "cards",
                                    |d| view! { <DocCard doc=d /> }.into_any(),
                                    nothing,
                                )
                                .1
                        }
                    />
                </section>
                <section aria-labelledby="topic-events">
                    <h2 id="topic-events">{lang.t().related_events}</h2>
                    // The events index, newest first; each card once its page file is there.
                    <RowsSection
                        list=store.lists().events
                        render=move |rows| move || {
                            let wanted = id.get();
                            let tagged: Vec<usize> = match &rows {
                                Rows::Full(loaded) => {
                                    loaded
                                        .items
                                        .iter()
                                        .enumerate()
                                        .rev()
                                        .filter(|(_, e)| e.topics.contains(&wanted))
                                        .map(|(i, _)| i)
                                        .collect()
                                }
                                Rows::Paged(ix) => {
                                    (0..ix.rows.len()).rev().filter(|i| ix.has_topic(*i, &wanted)).collect()
                                }
                            };
                            if tagged.is_empty() {
                                nothing()
                            } else {
                                super::events::event_cards(store.lists().events, &rows, tagged, today())
                            }
                        }
                    />
                </section>
                <section aria-labelledby="topic-data">
                    <h2 id="topic-data">{lang.t().related_data}</h2>
                    <Section
                        res=store.datasets
                        render=move |data| {
                            let data = data.clone();
                            list(
                                lang.t().nothing_tagged,
                                data
                                    .items
                                    .iter()
                                    .filter(|d| tagged(&d.topics))
                                    .cloned()
                                    .map(|d| view! { <Chart dataset=d level=3 /> })
                                    .collect::<Vec<_>>(),
                            )
                        }
                    />
                </section>
                <p>
                    <A href=Page::Topics.href(lang)>{lang.t().back_to_topics}</A>
                </p>
            </Show>
        </div>
    }
}

/// Cards, or a short note when an area has nothing of that kind yet.
fn list<V: IntoView + 'static>(empty: &'static str, cards: Vec<V>) -> AnyView {
    if cards.is_empty() {
        view! { <p class="muted">{empty}</p> }.into_any()
    } else {
        view! { <div class="cards">{cards}</div> }.into_any()
    }
}
