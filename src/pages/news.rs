//! News list with filters (country, year, thematic area) and the article page.

use super::{use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::{topics_now, use_store};
use crate::components::bits::{use_meta, CountryTag, LinkList, Paragraphs, SampleBadge, Tx};
use crate::components::cards::NewsCard;
use crate::components::filters::{filtered_rows, use_query_filter, with_counts, FilterField};
use crate::components::section::{RowsSection, Section};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::filter::NewsFilter;
use observatorio_core::i18n::format_partial_date;
use observatorio_core::routes::Page;

#[component]
pub fn NewsListPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let parsed = use_query_filter(|pairs| NewsFilter::from_query(pairs));
    use_meta(|l| (l.t().news.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().news}</h1>
            <RowsSection
                list=store.lists().news
                render=move |rows| {
                    move || {
                        let l = lang;
                        let (filter, ignored) = parsed.get();
                        let topics = topics_now(store);
                        let mut fields = vec![
                            FilterField::country(l, filter.country),
                            FilterField::year(l, rows.years().into_iter(), filter.year),
                            FilterField::topic(l, &topics, filter.topic.clone()),
                        ];
                        with_counts(
                            &mut fields,
                            |pairs| {
                                let (f, _) = NewsFilter::from_query(
                                    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                                );
                                rows.positions(|n| f.matches(n)).len()
                            },
                        );
                        let bar = (Page::News.path(l), fields, ignored);
                        let country = filter.country.filter(|c| *c != observatorio_core::model::Country::Ap);
                        let feed = |atom| observatorio_core::routes::href(
                            &format!("/{}", observatorio_core::published::news_feed(l, country, atom)),
                        );
                        // The feed of the chosen member country (with the Alliance's news), else all.
                        view! {
                            {filtered_rows(
                                bar,
                                store.lists().news,
                                &rows,
                                |n| filter.matches(n),
                                "cards",
                                |n| view! { <NewsCard item=n level=2 /> }.into_any(),
                            )}
                            <p class="feeds small">
                                {l.t().subscribe_news} " "
                                <a href=feed(false) rel="external" type="application/rss+xml">
                                    "RSS"
                                </a> " · " <a href=feed(true) rel="external" type="application/atom+xml">
                                    "Atom"
                                </a> {country.map(|c| format!(" ({})", l.t().country(c)))}
                            </p>
                        }
                    }
                }
            />
        </div>
    }
}

#[component]
pub fn NewsItemPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id();
    // The item's own file, not the archive (see `File::item`).
    let file = crate::api::File::<observatorio_core::model::NewsItem>::item(id);
    use_item_meta(file, id, |l| l.t().news, |i| (&i.title, &i.summary));
    view! {
        <div class="page">
            <Section
                res=file
                lines=6
                render=move |news| {
                    let news = news.clone();
                    move || {
                        let wanted = id.get();
                        match news.items.iter().find(|n| n.id == wanted).cloned() {
                            None => {
                                view! { <NotFoundItem id=wanted back=Page::News back_label=|l| l.t().back_to_news /> }
                                    .into_any()
                            }
                            Some(n) => {
                                let date = n.date;
                                view! {
                                    <article class="article prose">
                                        <p class="meta">
                                            <time datetime=date.iso()>{format_partial_date(lang, &date)}</time>
                                            " "
                                            <CountryTag country=n.country />
                                            <SampleBadge sample=n.sample />
                                        </p>
                                        <h1>
                                            <Tx text=n.title />
                                        </h1>
                                        <p class="lead">
                                            <Tx text=n.summary />
                                        </p>
                                        <Paragraphs blocks=n.body />
                                        {(!n.links.is_empty())
                                            .then(|| {
                                                view! {
                                                    <h2>{lang.t().links}</h2>
                                                    <LinkList links=n.links />
                                                }
                                            })}
                                        <TopicTags ids=n.topics />
                                        <p>
                                            <A href=Page::News.href(lang)>{lang.t().back_to_news}</A>
                                        </p>
                                    </article>
                                }
                                    .into_any()
                            }
                        }
                    }
                }
            />
        </div>
    }
}
