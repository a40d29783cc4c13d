//! Events: upcoming first, then past ones with their recordings; the event page.

use super::{today, use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::use_store;
use crate::app::use_lang;
use crate::components::bits::{use_meta, CountryTag, ExternalLink, Paragraphs, SampleBadge, Tx};
use crate::components::cards::EventCard;
use crate::components::section::Section;
use crate::i18n::event_when;
use crate::model::LinkKind;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EventsPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    use_meta(|l| (l.t().events.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().events}</h1>
            <Section res=store.events render=move |events| {
                let today = today();
                let upcoming: Vec<_> = events.items.iter().filter(|e| !e.is_past(today)).cloned().collect();
                // Past events newest first.
                let past: Vec<_> = events.items.iter().rev().filter(|e| e.is_past(today)).cloned().collect();
                view! {
                    <section aria-labelledby="upcoming-title">
                        <h2 id="upcoming-title">{lang.t().upcoming_events}</h2>
                        {if upcoming.is_empty() {
                            view! { <p class="muted">{lang.t().no_upcoming}</p> }.into_any()
                        } else {
                            view! { <div class="cards">{upcoming.into_iter().map(|e| view! { <EventCard event=e past=false/> }).collect_view()}</div> }.into_any()
                        }}
                    </section>
                    <section aria-labelledby="past-title">
                        <h2 id="past-title">{lang.t().past_events}</h2>
                        <div class="cards">{past.into_iter().map(|e| view! { <EventCard event=e past=true/> }).collect_view()}</div>
                    </section>
                }
            }/>
        </div>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = use_id();
    use_item_meta(store.events, id, |l| l.t().events, |i| (&i.title, &i.summary));
    view! {
        <div class="page">
            <Section res=store.events lines=6 render=move |events| {
                let events = events.clone();
                move || {
                    let wanted = id.get();
                    let l = lang;
                    let t = l.t();
                    let Some(e) = events.items.iter().find(|e| e.id == wanted).cloned() else {
                        return view! { <NotFoundItem id=wanted back=Page::Events back_label=|l| l.t().back_to_events/> }.into_any();
                    };
                    let past = e.is_past(today());
                    let (recordings, other): (Vec<_>, Vec<_>) = e.links.iter().cloned().partition(|lk| matches!(lk.kind, LinkKind::Recording | LinkKind::Material));
                    let when = event_when(l, &e.start, &e.end, e.timezone.as_deref());
                    view! {
                        <article class="article prose">
                            <p class="meta">
                                <span class="tag" class:tag-upcoming=!past>{if past { t.past } else { t.upcoming }}</span>
                                " " <CountryTag country=e.country/> <SampleBadge sample=e.sample/>
                            </p>
                            <h1><Tx text=e.title.clone()/></h1>
                            <p class="lead"><Tx text=e.summary.clone()/></p>
                            <dl class="facts">
                                <dt>{t.when}</dt><dd><time datetime=e.start.date().to_string()>{when}</time></dd>
                                {e.timezone.clone().map(|tz| view! { <dt>{t.time_zone}</dt><dd><code>{tz}</code></dd> })}
                                <dt>{t.format}</dt><dd>{t.event_format(e.format)}</dd>
                                {e.place.clone().map(|p| view! { <dt>{t.where_}</dt><dd><Tx text=p/></dd> })}
                                <dt>{t.organizer}</dt><dd><Tx text=e.organizer.clone()/></dd>
                            </dl>
                            <Paragraphs blocks=e.body.clone()/>
                            {(!past).then(|| e.how_to_take_part.clone().map(|h| view! {
                                <section class="take-part" aria-labelledby="take-part-title">
                                    <h2 id="take-part-title">{t.how_to_take_part}</h2>
                                    <p><Tx text=h/></p>
                                </section>
                            }))}
                            {(!recordings.is_empty()).then(|| view! {
                                <h2>{t.recordings}</h2>
                                <ul class="links">{recordings.into_iter().map(|lk| view! { <li><ExternalLink url=lk.url><Tx text=lk.label/></ExternalLink></li> }).collect_view()}</ul>
                            })}
                            {(!other.is_empty()).then(|| view! {
                                <h2>{t.links}</h2>
                                <ul class="links">{other.into_iter().map(|lk| {
                                    let kind = lk.kind;
                                    view! { <li><ExternalLink url=lk.url><span class="tag">{t.link_kind(kind)}</span> " " <Tx text=lk.label/></ExternalLink></li> }
                                }).collect_view()}</ul>
                            })}
                            <TopicTags ids=e.topics.clone()/>
                            <p><A href=Page::Events.href(lang)>{lang.t().back_to_events}</A></p>
                        </article>
                    }.into_any()
                }
            }/>
        </div>
    }
}
