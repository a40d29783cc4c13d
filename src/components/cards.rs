//! Cards for lists: news, documents, events, topics and key figures.

use crate::components::bits::{CountryTag, ExternalLink, SampleBadge, Tx};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::i18n::{event_when, format_number, format_partial_date};
use observatorio_core::model::{Document, Event, Highlight, NewsItem, Topic};
use observatorio_core::routes::Page;

#[component]
pub fn NewsCard(item: NewsItem, #[prop(default = 3)] level: u8) -> impl IntoView {
    let lang = use_lang();
    let date = item.date;
    let href = Page::NewsItem(item.id.clone()).href(lang);
    let title = item.title.clone();
    view! {
        <article class="card">
            <p class="meta">
                <time datetime=date.iso()>{format_partial_date(lang, &date)}</time>
                " "
                <CountryTag country=item.country />
                <SampleBadge sample=item.sample />
            </p>
            <Heading level=level>
                <A href=href>
                    <Tx text=title />
                </A>
            </Heading>
            <p>
                <Tx text=item.summary />
            </p>
        </article>
    }
}

#[component]
pub fn DocCard(doc: Document, #[prop(default = 3)] level: u8) -> impl IntoView {
    let lang = use_lang();
    let date = doc.date;
    let kind = doc.kind;
    let author = doc.author.kind;
    let id = doc.id.clone();
    view! {
        <article class="card">
            <p class="meta">
                <span class="tag">{lang.t().doc_kind(kind)}</span>
                " "
                <time datetime=date.iso()>{format_partial_date(lang, &date)}</time>
                " "
                <CountryTag country=doc.country />
                <SampleBadge sample=doc.sample />
            </p>
            <Heading level=level>
                <A href=Page::Document(id.clone()).href(lang)>
                    <Tx text=doc.title />
                </A>
            </Heading>
            <p class="byline">{lang.t().author_kind(author)} " · " <Tx text=doc.author.name /></p>
            <p>
                <Tx text=doc.summary />
            </p>
        </article>
    }
}

#[component]
pub fn EventCard(event: Event, #[prop(default = 3)] level: u8, past: bool) -> impl IntoView {
    let lang = use_lang();
    let (start, end, tz) = (event.start, event.end, event.timezone.clone());
    let format = event.format;
    let id = event.id.clone();
    let place = event.place.clone();
    // Past events lead straight to their recordings.
    let recordings: Vec<_> = if past {
        event.links.iter().filter(|l| l.kind == observatorio_core::model::LinkKind::Recording).cloned().collect()
    } else {
        Vec::new()
    };
    view! {
        <article class="card event-card" class:past=past>
            <p class="meta">
                <span class="tag" class:tag-upcoming=!past>
                    {if past { lang.t().past } else { lang.t().upcoming }}
                </span>
                " "
                <span class="tag">{lang.t().event_format(format)}</span>
                " "
                <CountryTag country=event.country />
                <SampleBadge sample=event.sample />
            </p>
            <Heading level=level>
                <A href=Page::Event(id.clone()).href(lang)>
                    <Tx text=event.title />
                </A>
            </Heading>
            <p class="when">
                <time datetime=start.date().to_string()>{event_when(lang, &start, &end, tz.as_deref())}</time>
            </p>
            {place
                .map(|p| {
                    view! {
                        <p class="where">
                            <Tx text=p />
                        </p>
                    }
                })}
            <p>
                <Tx text=event.summary />
            </p>
            {(!recordings.is_empty())
                .then(|| {
                    view! {
                        <ul class="links compact">
                            {recordings
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <li>
                                            <ExternalLink url=l.url>
                                                <span aria-hidden="true">"▶ "</span>
                                                <Tx text=l.label />
                                            </ExternalLink>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </article>
    }
}

#[component]
pub fn TopicCard(topic: Topic, #[prop(default = 3)] level: u8) -> impl IntoView {
    let lang = use_lang();
    let id = topic.id.clone();
    view! {
        <article class="card topic-card">
            <Heading level=level>
                <A href=Page::Topic(id.clone()).href(lang)>
                    <Tx text=topic.title />
                </A>
            </Heading>
            <p>
                <Tx text=topic.summary />
            </p>
        </article>
    }
}

/// A headline figure: "42,9 %" with what it measures, linking to its dataset.
#[component]
pub fn KeyFigure(figure: Highlight, dataset: String) -> impl IntoView {
    let lang = use_lang();
    let value = move || {
        let l = lang;
        let mut s = String::new();
        if figure.at_least {
            s.push_str(l.t().at_least);
            s.push(' ');
        }
        if let Some(p) = &figure.prefix {
            s.push_str(p);
        }
        s.push_str(&format_number(l, figure.value, figure.decimals));
        if let Some(suffix) = &figure.suffix {
            let suffix = suffix.get(l);
            // "42,9 %" in Spanish style, "42.9%" in English; words always get a space.
            if (suffix == "%" && l == observatorio_core::lang::Lang::Es) || suffix.starts_with(char::is_alphabetic) {
                s.push('\u{a0}');
            }
            s.push_str(suffix);
        }
        s
    };
    let label = figure.label.clone();
    view! {
        <A href=Page::Dataset(dataset.clone()).href(lang) attr:class="key-figure">
            <span class="figure">{value}</span>
            <span class="figure-label">
                <Tx text=label />
            </span>
        </A>
    }
}

/// A heading at a level chosen by the page, so the outline stays correct wherever a card sits.
#[component]
pub fn Heading(level: u8, children: Children) -> impl IntoView {
    match level {
        1 => view! { <h1>{children()}</h1> }.into_any(),
        2 => view! { <h2>{children()}</h2> }.into_any(),
        4 => view! { <h4>{children()}</h4> }.into_any(),
        _ => view! { <h3>{children()}</h3> }.into_any(),
    }
}
