//! Calendar files (RFC 5545) and "add to calendar" links. Timed events are written in UTC (the
//! caller converts with a [`ZoneDb`]), whole-day events as dates with an exclusive end.

use super::zones::{event_utc, ZoneDb};
use crate::lang::Lang;
use crate::model::{Event, EventTime, LinkKind};
use crate::routes::{encode_segment, Page};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};

/// Escapes a TEXT value (RFC 5545 §3.3.11); other control characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (§3.1), never inside a UTF-8 character, and ends it with
/// CRLF. Continuation lines start with one space, which counts towards their 75.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// `20221124` (chrono's strftime is avoided: it adds kilobytes to the wasm).
fn basic_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `20221124T120000`
fn basic_time(t: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}{:02}", basic_date(t.date()), t.hour(), t.minute(), t.second())
}

fn utc_stamp(t: NaiveDateTime) -> String {
    format!("{}Z", basic_time(t))
}

/// Where an event's page lives, absolute.
pub fn event_url(site_url: &str, lang: Lang, id: &str) -> String {
    format!("{}{}", site_url.trim_end_matches('/'), Page::Event(id.to_string()).path(lang))
}

/// The domain part of UIDs: the site's host, so UIDs stay the same across builds.
fn uid_host(site_url: &str) -> &str {
    let rest = site_url.split_once("://").map_or(site_url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty()).unwrap_or("observatorio.invalid")
}

/// The description: summary, how to take part, then links, in the reader's language.
fn description(e: &Event, lang: Lang, url: &str) -> String {
    let mut d = e.summary.get(lang).to_string();
    if let Some(h) = &e.how_to_take_part {
        d.push_str("\n\n");
        d.push_str(h.get(lang));
    }
    for l in e.links.iter().filter(|l| matches!(l.kind, LinkKind::Registration | LinkKind::Info)) {
        d.push_str(&format!("\n{}: {}", l.label.get(lang), l.url.as_str()));
    }
    d.push_str(&format!("\n\n{url}"));
    d
}

/// One VEVENT; `None` when a timed event's zone is unknown to `db` (the checker prevents it).
pub fn vevent(e: &Event, lang: Lang, db: &dyn ZoneDb, site_url: &str, stamp: NaiveDateTime) -> Option<String> {
    let url = event_url(site_url, lang, &e.id);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@{}", e.id, uid_host(site_url)),
        format!("DTSTAMP:{}", utc_stamp(stamp)),
    ];
    match (e.start, e.end) {
        (EventTime::At(_), _) => {
            let (s, en) = event_utc(db, e)?;
            lines.push(format!("DTSTART:{}", utc_stamp(s)));
            if en > s {
                lines.push(format!("DTEND:{}", utc_stamp(en)));
            }
        }
        (EventTime::Day(s), end) => {
            let last = end.date().max(s);
            lines.push(format!("DTSTART;VALUE=DATE:{}", basic_date(s)));
            lines.push(format!("DTEND;VALUE=DATE:{}", basic_date(last + Days::new(1))));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(e.title.get(lang))));
    lines.push(format!("DESCRIPTION:{}", escape(&description(e, lang, &url))));
    if let Some(p) = &e.place {
        lines.push(format!("LOCATION:{}", escape(p.get(lang))));
    }
    lines.push(format!("URL:{url}"));
    if e.sample {
        lines.push("CATEGORIES:SAMPLE".into());
    }
    lines.push("END:VEVENT".into());
    Some(lines.iter().map(|l| fold(l)).collect())
}

/// A whole calendar. `name` is the calendar's display name.
pub fn calendar<'a>(
    name: &str,
    events: impl IntoIterator<Item = &'a Event>,
    lang: Lang,
    db: &dyn ZoneDb,
    site_url: &str,
    stamp: NaiveDateTime,
) -> String {
    let mut out: String = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:-//Pacific Alliance//Public Procurement Observatory//{}", lang.code().to_uppercase()),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ]
    .iter()
    .map(|l| fold(l))
    .collect();
    for e in events {
        if let Some(v) = vevent(e, lang, db, site_url, stamp) {
            out.push_str(&v);
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// Google Calendar's "add event" link. Local times with the event's zone (`ctz`), so the
/// browser needs no tz data; whole days as dates with an exclusive end.
pub fn google_link(e: &Event, lang: Lang, page_url: &str) -> String {
    let dates = match (e.start, e.end) {
        (EventTime::At(s), EventTime::At(en)) => {
            format!("{}/{}", basic_time(s), basic_time(en.max(s)))
        }
        (s, en) => {
            let last = en.date().max(s.date());
            format!("{}/{}", basic_date(s.date()), basic_date(last + Days::new(1)))
        }
    };
    let mut url = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={dates}&details={}",
        encode_segment(e.title.get(lang)),
        encode_segment(&format!("{}\n\n{page_url}", e.summary.get(lang)))
    );
    if let (EventTime::At(_), Some(z)) = (e.start, &e.timezone) {
        url.push_str(&format!("&ctz={}", encode_segment(z)));
    }
    if let Some(p) = &e.place {
        url.push_str(&format!("&location={}", encode_segment(p.get(lang))));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::zones::TzDb;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a, b; c\\d\ne\r\u{7}"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "á".repeat(60));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        // Unfolding restores the line.
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    fn seminar() -> Event {
        let json = r#"{"format":1,"events":[{"id":"seminar","title":{"es":"Seminario, digital; 2022","en":"Seminar"},
          "summary":{"es":"Resumen","en":"Summary"},"start":"2022-11-24T12:00","end":"2022-11-24T13:30",
          "timezone":"America/Mexico_City","country":"AP","organizer":{"es":"o","en":"o"}},
          {"id":"summit","title":{"es":"Cumbre","en":"Summit"},"summary":{"es":"r","en":"s"},
          "start":"2019-07-01","end":"2019-07-06","place":{"es":"Lima, Perú","en":"Lima, Peru"},"country":"PE","organizer":{"es":"o","en":"o"}}]}"#;
        crate::model::parse_file::<Event>(json).unwrap().items.remove(1)
    }

    #[test]
    fn timed_events_in_utc_and_days_with_exclusive_ends() {
        let stamp = crate::calendar::month::parse_day("2026-11-28").unwrap().and_hms_opt(0, 0, 0).unwrap();
        let e = seminar();
        let v = vevent(&e, Lang::Es, &TzDb, "https://example.org/obs/", stamp).unwrap();
        assert!(v.contains("UID:seminar@example.org\r\n"));
        assert!(v.contains("DTSTAMP:20261128T000000Z\r\n"));
        assert!(v.contains("DTSTART:20221124T180000Z\r\nDTEND:20221124T193000Z\r\n"));
        assert!(v.contains("SUMMARY:Seminario\\, digital\\; 2022\r\n"));
        assert!(v.contains("URL:https://example.org/obs/es/events/seminar\r\n"));
        let json = r#"{"format":1,"events":[{"id":"summit","title":{"es":"Cumbre","en":"Summit"},"summary":{"es":"r","en":"s"},
          "start":"2019-07-01","end":"2019-07-06","country":"PE","organizer":{"es":"o","en":"o"}}]}"#;
        let day = crate::model::parse_file::<Event>(json).unwrap().items.remove(0);
        let v = vevent(&day, Lang::En, &TzDb, "https://example.org", stamp).unwrap();
        assert!(v.contains("DTSTART;VALUE=DATE:20190701\r\nDTEND;VALUE=DATE:20190707\r\n"));
        let cal = calendar("Observatorio", [&e, &day], Lang::Es, &TzDb, "https://example.org", stamp);
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 2);
        assert!(!cal.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn google_links_keep_local_time_and_zone() {
        let g = google_link(&seminar(), Lang::En, "https://example.org/en/events/seminar");
        assert!(g.starts_with("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Seminar&"));
        assert!(g.contains("&dates=20221124T120000/20221124T133000&"));
        assert!(g.contains("&ctz=America%2FMexico_City"));
    }
}
