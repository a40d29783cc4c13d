//! Events: an agenda (upcoming first, then past ones with their recordings) or a month grid,
//! filtered by country, area, format and organizer; the event page with its times in every
//! member capital, calendar files and how to take part.

use super::{today, use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::{topics_now, use_store, ListFile, Rows};
use crate::components::bits::{use_meta, CountryTag, ExternalLink, LinkList, Paragraphs, SampleBadge, Tx};
use crate::components::calendar::{month_url, AddToCalendar, FeedLinks, MonthGrid, ZoneTable};
use crate::components::cards::EventCard;
use crate::components::comment_form::CommentForm;
use crate::components::filters::{paged_items, use_query_filter, with_counts, FilterBar, FilterField};
use crate::components::section::{RowsSection, Section};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use observatorio_core::calendar::month::Month;
use observatorio_core::filter::{EventFilter, EventView};
use observatorio_core::i18n::{event_when, format_date};
use observatorio_core::model::list::EventIndex;
use observatorio_core::model::{Event, EventFormat, LinkKind};
use observatorio_core::routes::{href, with_query, Page};
use std::sync::Arc;

#[component]
pub fn EventsPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let parsed = use_query_filter(|pairs| EventFilter::from_query(pairs));
    use_meta(|l| (l.t().events.to_string(), l.t().intro_description.to_string()));
    let today = today();
    // The page's state: set by any navigation (links, filters, Back/Forward) and, without a
    // router round trip, by the grid itself, which then rewrites the URL in place.
    let cal = RwSignal::new(parsed.get_untracked());
    Effect::new(move |_| cal.set(parsed.get()));
    // Separate memos, so moving through the calendar redraws only the grid (and a day move only
    // the cells it concerns), never the filter bar or the event list behind it. All share the
    // type of `parsed`: each memo type costs about 10 KB of wasm.
    let aspect = move |f: fn(&EventFilter) -> EventFilter| {
        Memo::new(move |_| cal.with(|(filter, ignored)| (f(filter), ignored.clone())))
    };
    let filters = aspect(|f| EventFilter { view: EventView::Agenda, month: None, day: None, ..f.clone() });
    let mode = aspect(|f| EventFilter { view: f.view, ..Default::default() });
    let month_of = aspect(|f| EventFilter { month: f.month.or(f.day.map(Month::of)), ..Default::default() });
    let day_of = aspect(|f| EventFilter { day: f.day, ..Default::default() });
    let on_go = Callback::new(move |(m, d): (Month, Option<chrono::NaiveDate>)| {
        cal.update(|(f, _)| {
            f.month = Some(m);
            f.day = d;
        });
        let url = month_url(&Page::Events.path(lang), &crate::components::filters::location_query(), m, d);
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href(&url)));
        }
    });
    let mode = move || mode.with(|(f, _)| f.view);
    let day = move || day_of.with(|(f, _)| f.day);
    view! {
        <div class="page">
            <h1>{lang.t().events}</h1>
            <RowsSection
                list=store.lists().events
                render=move |rows| {
                    let ix: Arc<EventIndex> = match &rows {
                        Rows::Full(loaded) => Arc::new(EventIndex::of_events(&loaded.items)),
                        Rows::Paged(ix) => ix.clone(),
                    };
                    let list = store.lists().events;
                    let mut organizers: Vec<(String, String)> = ix
                        .organizers
                        .iter()
                        .map(|(k, name)| (k.clone(), name.get(lang).to_string()))
                        .collect();
                    organizers.sort_unstable_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
                    move || {
                        let l = lang;
                        let t = l.t();
                        let (filter, ignored) = filters.get();
                        let topics = topics_now(store);
                        let formats = EventFormat::CODES
                            .iter()
                            .filter_map(|c| EventFormat::parse(c))
                            .map(|f| (f.code().to_string(), t.event_format(Some(f)).to_string()))
                            .collect();
                        let mut fields = vec![
                            FilterField::country(l, filter.country),
                            FilterField::topic(l, &topics, filter.topic.clone()),
                            FilterField {
                                key: "format",
                                label: t.filter_format,
                                options: formats,
                                selected: filter.format.map(|f| f.code().to_string()),
                                counts: None,
                            },
                            FilterField {
                                key: "organizer",
                                label: t.filter_organizer,
                                options: organizers.clone(),
                                selected: filter.organizer.clone(),
                                counts: None,
                            },
                        ];
                        with_counts(
                            &mut fields,
                            |pairs| {
                                let (f, _) = EventFilter::from_query(
                                    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                                );
                                (0..ix.rows.len()).filter(|i| f.matches_row(&ix, *i)).count()
                            },
                        );
                        let shown: Arc<Vec<usize>> = Arc::new(
                            (0..ix.rows.len()).filter(|i| filter.matches_row(&ix, *i)).collect(),
                        );
                        let count = shown.len();
                        let opening = Month::opening(
                            today,
                            shown
                                .iter()
                                .map(|i| (
                                    ix.rows[*i].start.date(),
                                    ix.rows[*i].end.date().max(ix.rows[*i].start.date()),
                                )),
                        );
                        let month = move || month_of.with(|(f, _)| f.month.unwrap_or(opening));
                        let (ix, rows) = (ix.clone(), rows.clone());
                        let body = move || {
                            let (ix, shown, rows) = (ix.clone(), shown.clone(), rows.clone());
                            match mode() {
                                EventView::Agenda => agenda(list, &rows, &ix, &shown, today),
                                EventView::Month => {
                                    let grid_events = ix.clone();
                                    let in_grid = Memo::new(move |_| {
                                        let (first, last) = month().grid_range();
                                        shown
                                            .iter()
                                            .copied()
                                            .filter(|i| {
                                                let e = &ix.rows[*i];
                                                e.start.date() <= last && e.end.date().max(e.start.date()) >= first
                                            })
                                            .collect::<Vec<usize>>()
                                    });
                                    let selected = Signal::derive(move || {
                                        let m = month();
                                        day().filter(|d| m.contains(*d))
                                    });
                                    let all = grid_events.clone();
                                    // Without a month in the URL, the grid opens on the next shown event's.
                                    // The agenda's filters and the month grid read the index (published, or made
                                    // from the full file); the cards read the events a page file at a time.
                                    // By label, then key (an archive of thousands of events has a handful).
                                    // Indices of the events that touch the month's grid: no event is copied.
                                    view! {
                                        <MonthGrid
                                            events=grid_events
                                            shown=in_grid.into()
                                            month=Signal::derive(month)
                                            selected=selected
                                            today=today
                                            on_go=on_go
                                        />
                                        {move || {
                                            in_grid.with(|on| day_list(list, &rows, &all, on, month(), selected.get()))
                                        }}
                                    }
                                        .into_any()
                                }
                            }
                        };
                        view! {
                            <ViewSwitch current=mode() />
                            <FilterBar fields=fields path=Page::Events.path(l) count=count ignored=ignored />
                            {body}
                            <FeedLinks />
                        }
                    }
                }
            />
        </div>
    }
}

/// Agenda and Month, as links that keep the filters.
#[component]
fn ViewSwitch(current: EventView) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let query = use_query_map();
    let link = move |v: Option<&str>| {
        let cur: Vec<(String, String)> =
            query.get_untracked().into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        href(&with_query(
            &Page::Events.path(lang),
            &cur,
            &[("view", v.map(str::to_string)), ("month", None), ("day", None)],
        ))
    };
    view! {
        <nav class="view-switch" aria-label=t.calendar_view>
            // Plain links: the router's <A> marks every link to this path as current.
            <a href=link(None) aria-current=(current == EventView::Agenda).then_some("page")>
                {t.view_agenda}
            </a>
            <a href=link(Some("month")) aria-current=(current == EventView::Month).then_some("page")>
                {t.view_month}
            </a>
        </nav>
    }
}

/// Upcoming first (soonest first), then past (newest first), each shown a page at a time.
fn agenda(
    list: ListFile<Event>,
    rows: &Rows<Event>,
    ix: &EventIndex,
    shown: &[usize],
    today: chrono::NaiveDate,
) -> AnyView {
    let lang = use_lang();
    let t = lang.t();
    let upcoming: Vec<usize> = shown.iter().copied().filter(|i| !ix.rows[*i].is_past(today)).collect();
    let past: Vec<usize> = shown.iter().rev().copied().filter(|i| ix.rows[*i].is_past(today)).collect();
    let has_past = !past.is_empty();
    view! {
        <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t.upcoming_events}</h2>
            {if upcoming.is_empty() {
                view! { <p class="muted">{t.no_upcoming}</p> }.into_any()
            } else {
                event_cards(list, rows, upcoming, today)
            }}
        </section>
        {has_past
            .then(|| {
                view! {
                    <section aria-labelledby="past-title">
                        <h2 id="past-title">{t.past_events}</h2>
                        {event_cards(list, rows, past, today)}
                    </section>
                }
            })}
    }
    .into_any()
}

/// The cards of the events at `positions`, a page at a time (each once its page file is there).
pub(crate) fn event_cards(
    list: ListFile<Event>,
    rows: &Rows<Event>,
    positions: Vec<usize>,
    today: chrono::NaiveDate,
) -> AnyView {
    paged_items(list, rows, positions, "cards", move |e| {
        let past = e.is_past(today);
        view! { <EventCard event=e past=past /> }.into_any()
    })
}

/// Under the grid: the chosen day's events, or a hint.
fn day_list(
    list: ListFile<Event>,
    rows: &Rows<Event>,
    ix: &EventIndex,
    in_grid: &[usize],
    month: Month,
    day: Option<chrono::NaiveDate>,
) -> AnyView {
    let lang = use_lang();
    let t = lang.t();
    let today = today();
    let Some(day) = day else {
        let any = in_grid
            .iter()
            .map(|i| &ix.rows[*i])
            .any(|e| e.start.date() <= month.last() && e.end.date() >= month.first());
        return view! { <p class="muted day-hint">{if any { t.choose_day } else { t.no_events_month }}</p> }.into_any();
    };
    let on_day: Vec<usize> = in_grid
        .iter()
        .copied()
        .filter(|i| {
            let e = &ix.rows[*i];
            e.start.date() <= day && e.end.date().max(e.start.date()) >= day
        })
        .collect();
    view! {
        <section class="day-events" aria-labelledby="day-title">
            <h2 id="day-title">{format_date(lang, day)}</h2>
            {if on_day.is_empty() {
                view! { <p class="muted">{t.no_events_day}</p> }.into_any()
            } else {
                event_cards(list, rows, on_day, today)
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn EventPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id();
    // The item's own file, not the archive (see `File::item`).
    let file = crate::api::File::<Event>::item(id);
    use_item_meta(file, id, |l| l.t().events, |i| (&i.title, &i.summary));
    view! {
        <div class="page">
            <Section
                res=file
                lines=6
                render=move |events| {
                    let events = events.clone();
                    move || {
                        let wanted = id.get();
                        let l = lang;
                        let t = l.t();
                        let Some(e) = events.items.iter().find(|e| e.id == wanted).cloned() else {
                            return view! {
                                <NotFoundItem id=wanted back=Page::Events back_label=|l| l.t().back_to_events />
                            }
                                .into_any();
                        };
                        let past = e.is_past(today());
                        let (recordings, other): (Vec<_>, Vec<_>) = e
                            .links
                            .iter()
                            .cloned()
                            .partition(|lk| matches!(lk.kind, LinkKind::Recording | LinkKind::Material));
                        let (register, other): (Vec<_>, Vec<_>) = other
                            .into_iter()
                            .partition(|lk| !past && lk.kind == LinkKind::Registration);
                        let part = e.participation.clone();
                        let can_comment = !past && (part.form.is_some() || part.email.is_some());
                        let take_part = !past
                            && (e.how_to_take_part.is_some() || (part.form.is_some() && part.email.is_some()));
                        let when = event_when(l, &e.start, &e.end, e.timezone.as_deref());
                        // Before the event, registration links lead the "take part" section.
                        view! {
                            <article class="article prose">
                                <p class="meta">
                                    <span class="tag" class:tag-upcoming=!past>
                                        {if past { t.past } else { t.upcoming }}
                                    </span>
                                    " "
                                    <CountryTag country=e.country />
                                    <SampleBadge sample=e.sample />
                                </p>
                                <h1>
                                    <Tx text=e.title.clone() />
                                </h1>
                                <p class="lead">
                                    <Tx text=e.summary.clone() />
                                </p>
                                <dl class="facts">
                                    <dt>{t.when}</dt>
                                    <dd>
                                        <time datetime=e.start.date().to_string()>{when}</time>
                                    </dd>
                                    {e
                                        .timezone
                                        .clone()
                                        .map(|tz| {
                                            view! {
                                                <dt>{t.time_zone}</dt>
                                                <dd>{observatorio_core::i18n::zone_city(l, &tz)}</dd>
                                            }
                                        })}
                                    <dt>{t.format}</dt>
                                    <dd>{t.event_format(e.format)}</dd>
                                    {e
                                        .place
                                        .clone()
                                        .map(|p| {
                                            view! {
                                                <dt>{t.where_}</dt>
                                                <dd>
                                                    <Tx text=p />
                                                </dd>
                                            }
                                        })}
                                    <dt>{t.organizer}</dt>
                                    <dd>
                                        <Tx text=e.organizer.clone() />
                                    </dd>
                                </dl>
                                // What a reader acts on sits by the date: registration, the
                                // calendar, the comment form further down.
                                {(!past)
                                    .then(|| {
                                        view! {
                                            <div class="event-actions">
                                                {register
                                                    .iter()
                                                    .cloned()
                                                    .map(|lk| {
                                                        view! {
                                                            <ExternalLink url=lk.url class="button">
                                                                <Tx text=lk.label />
                                                            </ExternalLink>
                                                        }
                                                    })
                                                    .collect_view()} <AddToCalendar event=e.clone() />
                                                {can_comment
                                                    .then(|| {
                                                        view! {
                                                            <a class="button secondary" href="#comment-title">
                                                                {t.comment_title}
                                                            </a>
                                                        }
                                                    })}
                                            </div>
                                        }
                                    })}
                                <ZoneTable event=e.clone() />
                                <Paragraphs blocks=e.body.clone() />
                                {take_part
                                    .then(|| {
                                        view! {
                                            <section class="take-part" aria-labelledby="take-part-title">
                                                <h2 id="take-part-title">{t.how_to_take_part}</h2>
                                                {e
                                                    .how_to_take_part
                                                    .clone()
                                                    .map(|h| {
                                                        view! {
                                                            <p>
                                                                <Tx text=h />
                                                            </p>
                                                        }
                                                    })}
                                                {part
                                                    .email
                                                    .clone()
                                                    .filter(|_| part.form.is_some())
                                                    .map(|m| {
                                                        view! {
                                                            <p>
                                                                {t.write_to} " "
                                                                <a href=format!("mailto:{m}")>{m.clone()}</a>
                                                            </p>
                                                        }
                                                    })}
                                            </section>
                                        }
                                    })}
                                {can_comment
                                    .then(|| {
                                        view! {
                                            <CommentForm
                                                event_id=e.id.clone()
                                                title=e.title.get(l).to_string()
                                                organizer=e.organizer.get(l).to_string()
                                                form=part.form.clone()
                                                email=part.email.clone()
                                            />
                                        }
                                    })}
                                {(!recordings.is_empty())
                                    .then(|| {
                                        view! {
                                            <h2>{t.recordings}</h2>
                                            <LinkList links=recordings />
                                        }
                                    })}
                                {(!other.is_empty())
                                    .then(|| {
                                        view! {
                                            <h2>{t.links}</h2>
                                            <ul class="links">
                                                {other
                                                    .into_iter()
                                                    .map(|lk| {
                                                        let kind = lk.kind;
                                                        view! {
                                                            <li>
                                                                <ExternalLink url=lk.url>
                                                                    <span class="tag">{t.link_kind(kind)}</span>
                                                                    " "
                                                                    <Tx text=lk.label />
                                                                </ExternalLink>
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                                <TopicTags ids=e.topics.clone() />
                                <p>
                                    <A href=Page::Events.href(lang)>{lang.t().back_to_events}</A>
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
