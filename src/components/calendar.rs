//! The events calendar's views: the month grid (ARIA grid, roving focus), an event's times in
//! the member capitals and the reader's zone, "add to calendar" and the subscribable feeds.
//! The logic is in `crate::calendar`; these only draw it.

use crate::app::use_lang;
use crate::calendar::ics::{event_file_path, event_url, feed_path, google_link};
use crate::calendar::month::{events_by_day, GridKey, Month};
use crate::calendar::zones::{event_in_zones, offset_label, ZoneRow, CAPITALS};
use crate::components::bits::Tx;
use crate::i18n::{format_date, hhmm, month_name, zone_city, Lang};
use crate::intl::{reader_zone, IntlDb};
use crate::model::{Country, Event, EventTime};
use crate::routes::{href, with_query, Page};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The day to focus once the grid has been redrawn after a keyboard or click move.
    static FOCUS_DAY: Cell<Option<NaiveDate>> = const { Cell::new(None) };
}

/// "marzo de 2027" / "March 2027".
pub fn month_title(lang: Lang, m: Month) -> String {
    match lang {
        Lang::Es => format!("{} de {}", month_name(lang, m.month), m.year),
        Lang::En => format!("{} {}", month_name(lang, m.month), m.year),
    }
}

/// The month grid.
#[component]
pub fn MonthGrid(
    events: std::sync::Arc<Vec<Event>>,
    /// Indices into `events` of the (filtered) events drawn in this month's grid.
    shown: Vec<usize>,
    month: Month,
    selected: Signal<Option<NaiveDate>>,
    today: NaiveDate,
    /// Moves the calendar to a month (and day): the page updates its state and the URL.
    on_go: Callback<(Month, Option<NaiveDate>)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let path = Page::Events.path(lang);
    let days = events_by_day(month, shown.iter().map(|i| &events[*i]));
    let count_on = |d: NaiveDate| days.iter().find(|(day, _)| *day == d).map_or(0, |(_, v)| v.len());
    // The day that takes part in the tab order: the chosen one, else today, else the first
    // marked day, else the 1st.
    let default_day = month
        .contains(today)
        .then_some(today)
        .or_else(|| days.iter().map(|(d, _)| *d).find(|d| month.contains(*d)))
        .unwrap_or(month.first());
    let link = {
        let path = path.clone();
        move |m: Month, day: Option<NaiveDate>| {
            with_query(
                &path,
                &crate::components::filters::location_query(),
                &[("view", Some("month".into())), ("month", Some(m.code())), ("day", day.map(|d| d.to_string()))],
            )
        }
    };
    let go = move |day: NaiveDate| {
        FOCUS_DAY.with(|f| f.set(Some(day)));
        on_go.run((Month::of(day), Some(day)));
    };
    let on_key = {
        move |ev: leptos::ev::KeyboardEvent| {
            let Some(key) = GridKey::from_key(&ev.key()) else { return };
            let from = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("[data-date]").ok().flatten())
                .and_then(|e| e.get_attribute("data-date"))
                .and_then(|d| crate::calendar::month::parse_day(&d))
                .unwrap_or_else(|| selected.get_untracked().unwrap_or(default_day));
            ev.prevent_default();
            go(key.apply(from));
        }
    };
    // Clicks are handled once for the whole grid (not one listener per day).
    let on_click = {
        move |ev: leptos::ev::MouseEvent| {
            if let Some(day) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("button[data-date]").ok().flatten())
                .and_then(|e| e.get_attribute("data-date"))
                .and_then(|d| crate::calendar::month::parse_day(&d))
            {
                go(day);
            }
        }
    };
    // The chosen day (aria-selected, and the one day in the tab order) is drawn statically and
    // then moved by hand: a day move touches two cells instead of rebuilding 42.
    let grid = NodeRef::<leptos::html::Table>::new();
    Effect::new(move |_| {
        let day = selected.get().unwrap_or(default_day);
        let Some(table) = grid.get() else { return };
        let find = |sel: &str| table.query_selector(sel).ok().flatten();
        if let Some(old) = find("td[aria-selected=\"true\"]") {
            let _ = old.set_attribute("aria-selected", "false");
        }
        if let Some(old) = find("button[tabindex=\"0\"]") {
            let _ = old.set_attribute("tabindex", "-1");
        }
        if let Some(button) = find(&format!("button[data-date=\"{day}\"]")) {
            let _ = button.set_attribute("tabindex", "0");
            if selected.get_untracked() == Some(day) {
                if let Some(td) = button.parent_element() {
                    let _ = td.set_attribute("aria-selected", "true");
                }
            }
            // Focus follows a keyboard or click move, not a page load.
            if FOCUS_DAY.with(|f| f.take()).is_some() {
                if let Ok(b) = button.dyn_into::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        }
    });
    let title = month_title(lang, month);
    let initial = selected.get_untracked();
    let focus_at = initial.unwrap_or(default_day);
    let rows = month
        .weeks()
        .into_iter()
        .map(|week| {
            let cells = week
                .into_iter()
                .map(|d| {
                    let n = count_on(d);
                    let label = format!(
                        "{}, {}{}",
                        t.weekdays[d.weekday().num_days_from_monday() as usize],
                        format_date(lang, d),
                        if n == 0 { String::new() } else { format!(": {n} {}", if n == 1 { t.event_one } else { t.event_many }) }
                    );
                    // One class attribute, computed once.
                    let mut class = String::from("day");
                    for (on, name) in [(!month.contains(d), " other-month"), (n > 0, " has-events"), (d == today, " today")] {
                        if on {
                            class.push_str(name);
                        }
                    }
                    let titles: Vec<String> = days
                        .iter()
                        .find(|(day, _)| *day == d)
                        .map(|(_, ix)| ix.iter().take(3).map(|i| events[shown[*i]].title.get(lang).to_string()).collect())
                        .unwrap_or_default();
                    let more = n.saturating_sub(3);
                    view! {
                        <td role="gridcell" aria-selected=if initial == Some(d) { "true" } else { "false" } class=class>
                            <button type="button" data-date=d.to_string() tabindex=if d == focus_at { "0" } else { "-1" }
                                aria-label=label aria-current=(d == today).then_some("date")>
                                <span class="day-num" aria-hidden="true">{d.day()}</span>
                                // One text node per day (titles on wide screens only, by CSS): a
                                // month of a busy calendar stays a few hundred nodes.
                                {(n > 0).then(|| {
                                    let mut text = titles.join("\n");
                                    if more > 0 {
                                        text.push_str(&format!("\n+{more}"));
                                    }
                                    view! {
                                        <span class="dot" aria-hidden="true"></span>
                                        <span class="cell-events" aria-hidden="true">{text}</span>
                                    }
                                })}
                            </button>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let (prev, next, now) = (month.prev(), month.next(), Month::of(today));
    // The links keep their href (new tab, copy link); a plain click moves in place.
    let move_to = move |m: Month, day: Option<NaiveDate>| {
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            on_go.run((m, day));
        }
    };
    view! {
        <div class="calendar">
            <div class="cal-head">
                // Plain links (the router still handles them): cheaper than <A>, which tracks
                // whether it is the current page.
                {month.has_prev().then(|| view! { <a href=href(&link(prev, None)) class="button secondary icon" aria-label=t.prev_month on:click=move_to(prev, None)><span aria-hidden="true">"‹"</span></a> })}
                <h2 id="cal-title" aria-live="polite">{title}</h2>
                {month.has_next().then(|| view! { <a href=href(&link(next, None)) class="button secondary icon" aria-label=t.next_month on:click=move_to(next, None)><span aria-hidden="true">"›"</span></a> })}
                {(month != now).then(|| view! { <a href=href(&link(now, Some(today))) class="button secondary" on:click=move_to(now, Some(today))>{t.this_month}</a> })}
            </div>
            <table node_ref=grid role="grid" class="month-grid" aria-labelledby="cal-title" aria-describedby="cal-hint" on:keydown=on_key on:click=on_click>
                <thead><tr>
                    {(0..7).map(|i| view! { <th scope="col" abbr=t.weekdays[i]><span aria-hidden="true">{t.weekdays_short[i]}</span><span class="sr-only">{t.weekdays[i]}</span></th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p id="cal-hint" class="muted small">{t.grid_hint}</p>
        </div>
    }
}

fn zone_time(lang: Lang, base: NaiveDate, dt: chrono::NaiveDateTime) -> String {
    if dt.date() == base {
        hhmm(dt.time())
    } else {
        format!("{} ({})", hhmm(dt.time()), format_date(lang, dt.date()))
    }
}

/// A timed event's start and end in the member capitals and the reader's zone.
#[component]
pub fn ZoneTable(event: Event) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let (EventTime::At(start), Some(zone)) = (event.start, event.timezone.clone()) else {
        return view! { <p class="muted small">{t.all_day_note}</p> }.into_any();
    };
    let reader = reader_zone();
    let mut zones: Vec<&str> = CAPITALS.iter().map(|(_, z)| *z).collect();
    if !zones.contains(&zone.as_str()) {
        zones.insert(0, &zone);
    }
    if let Some(r) = reader.as_deref().filter(|r| !zones.contains(r)) {
        zones.push(r);
    }
    let rows: Vec<ZoneRow> = event_in_zones(&IntlDb, &event, &zones);
    if rows.is_empty() {
        return view! { <p class="notice">{t.zone_unknown}</p> }.into_any();
    }
    let base = start.date();
    let body = rows
        .into_iter()
        .map(|r| {
            let country = CAPITALS.iter().find(|(_, z)| *z == r.zone).map(|(c, _)| *c);
            let mine = reader.as_deref() == Some(r.zone.as_str());
            let place = match country {
                Some(c) if c != Country::Ap => format!("{} ({})", zone_city(lang, &r.zone), t.country(c)),
                _ => zone_city(lang, &r.zone),
            };
            view! {
                <tr class:mine=mine class:own=r.zone == zone>
                    <th scope="row">{place}{mine.then(|| view! { " " <span class="tag">{t.your_time}</span> })}
                        <span class="offset">{offset_label(r.offset)}</span></th>
                    <td>{zone_time(lang, base, r.start)}</td>
                    <td>{(r.end != r.start).then(|| zone_time(lang, base, r.end))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="zones">
                <caption>{t.times_title}</caption>
                <thead><tr><th scope="col"><span class="sr-only">{t.time_zone}</span></th><th scope="col">{t.starts}</th><th scope="col">{t.ends}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The .ics file written by the publishing step, and a Google Calendar link.
#[component]
pub fn AddToCalendar(event: Event) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let ics = href(&format!("/{}", event_file_path(lang, &event.id)));
    let page = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|o| event_url(&format!("{o}{}", crate::routes::base()), lang, &event.id))
        .unwrap_or_default();
    let google = google_link(&event, lang, &page);
    view! {
        <section class="add-calendar" aria-labelledby="add-cal-title">
            <h2 id="add-cal-title">{t.add_to_calendar}</h2>
            <p class="actions">
                <a class="button secondary" href=ics download=format!("{}.ics", event.id) rel="external">{t.download_ics}</a>
                <a class="button secondary" href=google target="_blank" rel="noopener noreferrer">{t.google_calendar}<span class="sr-only">{format!(" ({})", t.new_tab)}</span></a>
            </p>
        </section>
    }
}

/// Links to the subscribable feeds (all events, and per member country).
#[component]
pub fn FeedLinks() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let feed = move |c: Option<Country>, label: &'static str| {
        view! { <a href=href(&format!("/{}", feed_path(lang, c))) rel="external">{label}</a> }
    };
    view! {
        <p class="feeds small">
            {t.subscribe} " " {feed(None, t.all_countries)}
            {Country::ALL.iter().copied().filter(|c| *c != Country::Ap).map(|c| view! { " · " {feed(Some(c), t.country(c))} }).collect_view()}
        </p>
    }
}

/// The title of an event, linked, for day lists.
#[component]
pub fn EventLink(event: Event) -> impl IntoView {
    let lang = use_lang();
    view! { <A href=Page::Event(event.id.clone()).href(lang)><Tx text=event.title/></A> }
}
