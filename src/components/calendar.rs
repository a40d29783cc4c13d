//! The events calendar's views: the month grid (ARIA grid, roving focus), an event's times in
//! the member capitals and the reader's zone, "add to calendar" and the subscribable feeds.
//! The logic is in `observatorio_core::calendar`; these only draw it.

use crate::components::bits::Tx;
use crate::context::use_lang;
use crate::intl::{reader_zone, IntlDb};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::calendar::ics::{event_url, google_link};
use observatorio_core::calendar::month::{day_cells, DayCell, GridKey, Month, GRID_WEEKS};
use observatorio_core::calendar::zones::{event_in_zones, offset_label, ZoneRow, CAPITALS};
use observatorio_core::i18n::{format_date, hhmm, month_name, zone_city};
use observatorio_core::lang::Lang;
use observatorio_core::model::{Country, Event, EventTime};
use observatorio_core::published::{event_calendar, events_calendar};
use observatorio_core::routes::{href, with_query, Page};
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

/// The month grid. Drawn once, six weeks of cells; moving through months rewrites only what
/// differs in those cells (text and attributes), in one synchronous pass, instead of rebuilding
/// 42 cells through the view: this is what keeps a month change under a frame on a slow phone.
#[component]
pub fn MonthGrid(
    /// The events list's index: the grid needs nothing else (not the events themselves).
    events: std::sync::Arc<observatorio_core::model::list::EventIndex>,
    /// Indices into `events.rows` of the (filtered) events that touch the month's grid.
    shown: Signal<Vec<usize>>,
    month: Signal<Month>,
    selected: Signal<Option<NaiveDate>>,
    today: NaiveDate,
    /// Moves the calendar to a month (and day): the page updates its state and the URL.
    on_go: Callback<(Month, Option<NaiveDate>)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let cells = Memo::new(move |_| {
        let m = month.get();
        shown.with(|ix| {
            let on: Vec<&observatorio_core::model::list::EventRow> =
                ix.iter().filter_map(|i| events.rows.get(*i)).collect();
            day_cells(m, today, &on, |e| e.title.get(lang))
        })
    });
    // The day that takes part in the tab order: the chosen one, else today, else the first
    // marked day of the month, else the 1st.
    let default_day = move || {
        let m = month.get_untracked();
        cells.with_untracked(|cells| {
            m.contains(today)
                .then_some(today)
                .or_else(|| cells.iter().find(|c| c.in_month && c.count > 0).map(|c| c.date))
                .unwrap_or(m.first())
        })
    };
    let go = move |day: NaiveDate| {
        FOCUS_DAY.with(|f| f.set(Some(day)));
        on_go.run((Month::of(day), Some(day)));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(key) = GridKey::from_key(&ev.key()) else { return };
        let from = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-date]").ok().flatten())
            .and_then(|e| e.get_attribute("data-date"))
            .and_then(|d| observatorio_core::calendar::month::parse_day(&d))
            .unwrap_or_else(|| selected.get_untracked().unwrap_or_else(default_day));
        ev.prevent_default();
        go(key.apply(from));
    };
    // Clicks are handled once for the whole grid (not one listener per day).
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(day) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-date]").ok().flatten())
            .and_then(|e| e.get_attribute("data-date"))
            .and_then(|d| observatorio_core::calendar::month::parse_day(&d))
        {
            go(day);
        }
    };
    // Previous, next and this month: real links (new tab, copy link) that a plain click
    // follows in place. Their targets are set with the cells.
    let nav = |to: NavTarget| {
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            on_go.run(to(month.get_untracked(), today));
        }
    };
    let targets: [NavTarget; 3] =
        [|m, _| (m.prev(), None), |m, _| (m.next(), None), |_, today| (Month::of(today), Some(today))];
    let path = Page::Events.path(lang);
    let grid = NodeRef::<leptos::html::Table>::new();
    let head = NodeRef::<leptos::html::Div>::new();
    let drawn = StoredValue::new_local(Vec::<DayCell>::new());
    Effect::new(move |_| {
        let (Some(table), Some(head)) = (grid.get(), head.get()) else { return };
        let m = month.get();
        cells.with(|cells| {
            drawn.update_value(|old| {
                if old.first().map(|c| c.date) != cells.first().map(|c| c.date) {
                    draw_head(&head, lang, m, today, &path, &targets);
                }
                draw_cells(&table, lang, old, cells);
                old.clone_from(cells);
            })
        });
        // The chosen day: aria-selected, and the one day in the tab order.
        let day = selected.get().unwrap_or_else(default_day);
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
    let labels = [t.prev_month, t.next_month];
    view! {
        <div class="calendar">
            <div class="cal-head" node_ref=head>
                <a class="button secondary icon" aria-label=labels[0] on:click=nav(targets[0])>
                    <span aria-hidden="true">"‹"</span>
                </a>
                <h2 id="cal-title" aria-live="polite"></h2>
                <a class="button secondary icon" aria-label=labels[1] on:click=nav(targets[1])>
                    <span aria-hidden="true">"›"</span>
                </a>
                <a class="button secondary" on:click=nav(targets[2])>
                    {t.this_month}
                </a>
            </div>
            <table
                node_ref=grid
                role="grid"
                class="month-grid"
                aria-labelledby="cal-title"
                aria-describedby="cal-hint"
                on:keydown=on_key
                on:click=on_click
            >
                <thead>
                    <tr>
                        {(0..7)
                            .map(|i| {
                                view! {
                                    <th scope="col" abbr=t.weekdays[i]>
                                        <span aria-hidden="true">{t.weekdays_short[i]}</span>
                                        <span class="sr-only">{t.weekdays[i]}</span>
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {(0..GRID_WEEKS)
                        .map(|_| {
                            view! {
                                <tr>
                                    {(0..7)
                                        .map(|_| {
                                            view! {
                                                <td role="gridcell" aria-selected="false" class="day">
                                                    <button type="button" tabindex="-1">
                                                        <span class="day-num" aria-hidden="true"></span>
                                                        <span class="dot" aria-hidden="true"></span>
                                                        // One text node per day (titles on wide screens only, by CSS).
                                                        <span class="cell-events" aria-hidden="true"></span>
                                                    </button>
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p id="cal-hint" class="muted small">
                {t.grid_hint}
            </p>
        </div>
    }
}

/// The events page in the month view at `month` (and `day`), keeping the other filters of `query`.
pub fn month_url(path: &str, query: &[(String, String)], month: Month, day: Option<NaiveDate>) -> String {
    with_query(
        path,
        query,
        &[("view", Some("month".into())), ("month", Some(month.code())), ("day", day.map(|d| d.to_string()))],
    )
}

/// The month's title and its navigation links' targets (a link with nowhere to go is hidden).
fn draw_head(
    head: &web_sys::HtmlDivElement,
    lang: Lang,
    m: Month,
    today: NaiveDate,
    path: &str,
    targets: &[NavTarget; 3],
) {
    let children = head.children();
    let show = [m.has_prev(), m.has_next(), m != Month::of(today)];
    let links = [0, 2, 3];
    // The filters in the address bar, read once for the three links.
    let query = crate::components::filters::location_query();
    for (k, to) in targets.iter().enumerate() {
        let Some(a) = children.item(links[k]) else { continue };
        let (month, day) = to(m, today);
        let _ = a.set_attribute("href", &href(&month_url(path, &query, month, day)));
        set_flag(&a, "hidden", !show[k]);
    }
    if let Some(h2) = children.item(1) {
        h2.set_text_content(Some(&month_title(lang, m)));
    }
}

/// Rewrites the grid's cells from `old` to `new`, touching only what differs.
fn draw_cells(table: &web_sys::HtmlTableElement, lang: Lang, old: &[DayCell], new: &[DayCell]) {
    let t = lang.t();
    let Some(body) = table.t_bodies().item(0) else { return };
    let rows = body.children();
    let td_at = |i: usize| rows.item((i / 7) as u32).and_then(|r| r.children().item((i % 7) as u32));
    for (i, cell) in new.iter().enumerate() {
        let before = old.get(i);
        if before == Some(cell) {
            continue;
        }
        let Some(td) = td_at(i) else { continue };
        let Some(button) = td.first_element_child() else { continue };
        let parts = button.children();
        let changed = |f: fn(&DayCell) -> String| before.map(f).as_ref() != Some(&f(cell));
        if changed(|c| c.class()) {
            td.set_class_name(&cell.class());
        }
        if before.map(|c| c.date) != Some(cell.date) {
            let _ = button.set_attribute("data-date", &cell.date.to_string());
            set_flag(&button, "aria-current", cell.today);
            if before.map(|c| c.date.day()) != Some(cell.date.day()) {
                if let Some(n) = parts.item(0) {
                    n.set_text_content(Some(&cell.date.day().to_string()));
                }
            }
        }
        let n = cell.count;
        let label = format!(
            "{}, {}{}",
            t.weekdays[cell.date.weekday().num_days_from_monday() as usize],
            format_date(lang, cell.date),
            if n == 0 { String::new() } else { format!(": {n} {}", if n == 1 { t.event_one } else { t.event_many }) }
        );
        let _ = button.set_attribute("aria-label", &label);
        if before.map(|c| c.titles.as_str()) != Some(cell.titles.as_str()) {
            if let Some(text) = parts.item(2) {
                text.set_text_content(Some(&cell.titles));
            }
        }
    }
    // Rows a month does not use are hidden (and out of the accessibility tree).
    if old.len() != new.len() {
        for w in 0..GRID_WEEKS {
            if let Some(row) = rows.item(w as u32) {
                set_flag(&row, "hidden", w * 7 >= new.len());
            }
        }
    }
}

/// Where a navigation link goes from a month (given today): previous, next, this month.
type NavTarget = fn(Month, NaiveDate) -> (Month, Option<NaiveDate>);

/// Sets or removes a boolean attribute (`aria-current` takes the value "date").
fn set_flag(el: &web_sys::Element, name: &str, on: bool) {
    let _ = if on {
        el.set_attribute(name, if name == "aria-current" { "date" } else { "" })
    } else {
        el.remove_attribute(name)
    };
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
                    <th scope="row">
                        {place}
                        {mine
                            .then(|| {
                                view! {
                                    " "
                                    <span class="tag">{t.your_time}</span>
                                }
                            })} <span class="offset">{offset_label(r.offset)}</span>
                    </th>
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
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="sr-only">{t.time_zone}</span>
                        </th>
                        <th scope="col">{t.starts}</th>
                        <th scope="col">{t.ends}</th>
                    </tr>
                </thead>
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
    let ics = href(&format!("/{}", event_calendar(lang, &event.id)));
    let page = crate::context::origin()
        .map(|o| event_url(&format!("{o}{}", observatorio_core::routes::base()), lang, &event.id))
        .unwrap_or_default();
    let google = google_link(&event, lang, &page);
    view! {
        <div class="add-calendar" role="group" aria-labelledby="add-cal-title">
            <span id="add-cal-title" class="actions-label">
                {t.add_to_calendar}
            </span>
            <span class="actions">
                <a class="button secondary" href=ics download=format!("{}.ics", event.id) rel="external">
                    {t.download_ics}
                </a>
                <a class="button secondary" href=google target="_blank" rel="noopener noreferrer">
                    {t.google_calendar}
                    <span class="sr-only">{format!(" ({})", t.new_tab)}</span>
                </a>
            </span>
        </div>
    }
}

/// Links to the subscribable feeds (all events, and per member country).
#[component]
pub fn FeedLinks() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let feed = move |c: Option<Country>, label: &'static str| {
        view! {
            <a href=href(&format!("/{}", events_calendar(lang, c))) rel="external">
                {label}
            </a>
        }
    };
    view! {
        <p class="feeds small">
            {t.subscribe} " " {feed(None, t.all_countries)}
            {Country::ALL
                .iter()
                .copied()
                .filter(|c| *c != Country::Ap)
                .map(|c| {
                    view! {
                        " · "
                        {feed(Some(c), t.country(c))}
                    }
                })
                .collect_view()}
        </p>
    }
}

/// The title of an event, linked, for day lists.
#[component]
pub fn EventLink(event: Event) -> impl IntoView {
    let lang = use_lang();
    view! {
        <A href=Page::Event(event.id.clone()).href(lang)>
            <Tx text=event.title />
        </A>
    }
}
