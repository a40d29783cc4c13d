//! Home: what the Observatory is, latest news, upcoming and recent events, key figures, areas.

use super::today;
use crate::api::use_store;
use crate::components::bits::{use_meta, Paragraphs};
use crate::components::cards::{EventCard, KeyFigure, NewsCard, TopicCard};
use crate::components::section::Section;
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::i18n::Door;
use observatorio_core::model::Country;
use observatorio_core::routes::Page;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store().home;
    let t = lang.t();
    use_meta(|l| (String::new(), l.t().intro_description.to_string()));
    view! {
        <div class="home">
            <section class="hero" aria-labelledby="hero-title">
                <h1 id="hero-title">{t.site_name}</h1>
                <p class="lead">{t.intro_description}</p>
                <ul class="members" aria-label=t.members_label()>
                    {[Country::Cl, Country::Co, Country::Mx, Country::Pe]
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li class=format!("member member-{}", c.code().to_ascii_lowercase())>{t.country(c)}</li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>

            <Doors />

            <section class="home-about" aria-labelledby="about-title">
                <h2 id="about-title" class="sr-only">
                    {t.about}
                </h2>
                <Section
                    res=store.site
                    lines=2
                    render=move |site| {
                        site.items
                            .first()
                            .cloned()
                            .map(|s| {
                                let first = observatorio_core::model::Blocks {
                                    es: s.about.es.iter().take(1).cloned().collect(),
                                    en: s.about.en.as_ref().map(|e| e.iter().take(1).cloned().collect()),
                                };
                                view! {
                                    <div class="about-intro">
                                        <Paragraphs blocks=first />
                                    </div>
                                    <p>
                                        <A href=Page::About.href(lang)>{t.read_more}</A>
                                    </p>
                                }
                            })
                    }
                />
            </section>

            <section aria-labelledby="news-title">
                <div class="section-head">
                    <h2 id="news-title">{t.latest_news}</h2>
                    <A href=Page::News.href(lang)>{t.all_news}</A>
                </div>
                <Section
                    res=store.news
                    render=|news| {
                        view! {
                            <div class="cards">
                                {news
                                    .items
                                    .iter()
                                    .take(3)
                                    .cloned()
                                    .map(|n| view! { <NewsCard item=n /> })
                                    .collect_view()}
                            </div>
                        }
                    }
                />
            </section>

            <section aria-labelledby="events-title">
                <div class="section-head">
                    <h2 id="events-title">{t.upcoming_events}</h2>
                    <A href=Page::Events.href(lang)>{t.all_events}</A>
                </div>
                <Section
                    res=store.events
                    render=move |events| {
                        let (upcoming, recent) = observatorio_core::calendar::home_events(&events.items, today(), 3, 2);
                        let upcoming: Vec<_> = upcoming.into_iter().cloned().collect();
                        let recent: Vec<_> = recent.into_iter().cloned().collect();
                        // Real events first: samples only where there is no real one.
                        view! {
                            {if upcoming.is_empty() {
                                view! { <p class="muted">{t.no_upcoming}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="cards">
                                        {upcoming
                                            .into_iter()
                                            .map(|e| view! { <EventCard event=e past=false /> })
                                            .collect_view()}
                                    </div>
                                }
                                    .into_any()
                            }}
                            <h3 class="subhead">{t.recent_events}</h3>
                            <div class="cards">
                                {recent
                                    .into_iter()
                                    .map(|e| view! { <EventCard event=e past=true level=4 /> })
                                    .collect_view()}
                            </div>
                        }
                    }
                />
            </section>

            <section aria-labelledby="figures-title">
                <div class="section-head">
                    <h2 id="figures-title">{move || t.key_figures}</h2>
                    <A href=Page::Data.href(lang)>{t.all_data}</A>
                </div>
                <Section
                    res=store.datasets
                    lines=2
                    render=|data| {
                        view! {
                            <div class="figures">
                                {data
                                    .items
                                    .iter()
                                    .flat_map(|d| d.highlights.iter().take(1).map(move |h| (d.id.clone(), h.clone())))
                                    .take(4)
                                    .map(|(id, h)| view! { <KeyFigure figure=h dataset=id /> })
                                    .collect_view()}
                            </div>
                        }
                    }
                />
            </section>

            <section aria-labelledby="topics-title">
                <div class="section-head">
                    <h2 id="topics-title">{t.thematic_areas}</h2>
                    <A href=Page::Topics.href(lang)>{t.topics}</A>
                </div>
                <Section
                    res=store.topics
                    render=|topics| {
                        view! {
                            <div class="cards cards-compact">
                                {topics.items.iter().cloned().map(|tp| view! { <TopicCard topic=tp /> }).collect_view()}
                            </div>
                        }
                    }
                />
            </section>
        </div>
    }
}

/// The tasks people come for, each a door: a member's indicators, the events, the documents,
/// the data and downloads, and the national portals for selling to government (from the site's
/// file, like the intro below them).
#[component]
fn Doors() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let door = |d: Door, page: Page, extra: AnyView| {
        let (title, text) = t.door(d);
        view! {
            <li class="door">
                <h3>
                    <A href=page.href(lang)>{title}</A>
                </h3>
                <p>{text}</p>
                {extra}
            </li>
        }
    };
    let countries = view! {
        <ul class="door-links">
            {[Country::Cl, Country::Co, Country::Mx, Country::Pe]
                .into_iter()
                .map(|c| {
                    view! {
                        <li>
                            <A href=Page::Indicators(c).href(lang)>{t.country(c)}</A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any();
    // The portals are content (`site.json`), read from the home digest with the site's intro.
    let portals = view! {
        <Section
            res=use_store().home.site
            lines=2
            render=move |site| {
                let portals = site.items.first().map(|s| s.portals.clone()).unwrap_or_default();
                view! {
                    <ul class="door-links">
                        {portals
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <a href=p.url.as_str().to_string() target="_blank" rel="noopener noreferrer">
                                            {p.name}
                                            <span class="muted">{format!(" ({})", t.country(p.country))}</span>
                                            <span class="sr-only">{format!(" ({}, {})", t.external, t.new_tab)}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
    .into_any();
    let (sell_title, sell_text) = t.door(Door::Sell);
    view! {
        <section class="doors" aria-labelledby="doors-title">
            <h2 id="doors-title">{t.doors_title()}</h2>
            <ul class="door-grid">
                {door(Door::Indicators, Page::Indicators(Country::Ap), countries)}
                {door(Door::Events, Page::Events, ().into_any())}
                {door(Door::Documents, Page::Documents, ().into_any())} {door(Door::Data, Page::Data, ().into_any())}
                <li class="door">
                    <h3>{sell_title}</h3>
                    <p>{sell_text}</p>
                    {portals}
                </li>
            </ul>
        </section>
    }
}
