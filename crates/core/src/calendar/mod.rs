//! The events calendar's pure logic: the month grid and its keyboard moves, time-zone
//! conversions (behind a tz database the caller supplies: chrono-tz natively, the browser's Intl
//! in the app), calendar files (RFC 5545) and links, and the comment form's draft rules.

pub mod ics;
pub mod month;
pub mod participate;
pub mod zones;

/// The home page's events: up to `up` upcoming ones (soonest first) and `recent` past ones
/// (latest first), from `items` in date order. A visitor's first sight is real: sample events
/// are shown only where no real one exists at all, to keep a demonstration site from looking
/// empty.
pub fn home_events(
    items: &[crate::model::Event],
    today: chrono::NaiveDate,
    up: usize,
    recent: usize,
) -> (Vec<&crate::model::Event>, Vec<&crate::model::Event>) {
    let samples_too = items.iter().all(|e| e.sample);
    let shown = |e: &&crate::model::Event| samples_too || !e.sample;
    let upcoming = items.iter().filter(shown).filter(|e| !e.is_past(today)).take(up).collect();
    let past = items.iter().rev().filter(shown).filter(|e| e.is_past(today)).take(recent).collect();
    (upcoming, past)
}

#[cfg(test)]
mod home_tests {
    use super::home_events;
    use crate::model::{parse_file, Event};
    use chrono::NaiveDate;

    fn ids<'a>(es: &[&'a Event]) -> Vec<&'a str> {
        es.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn the_home_shows_real_events_first_and_samples_only_on_a_site_of_samples() {
        let text = crate::testdata::read("public/content/events.json");
        let mut events = parse_file::<Event>(&text).unwrap().items;
        events.sort_by_key(|e| e.start);
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        // The bundled upcoming events are samples: none on the home; the latest real ones are.
        assert!(events.iter().any(|e| e.sample && !e.is_past(today)));
        let (up, recent) = home_events(&events, today, 3, 2);
        assert!(up.is_empty(), "{:?}", ids(&up));
        assert_eq!(recent.len(), 2);
        assert!(recent.iter().all(|e| !e.sample && e.is_past(today)));
        assert!(recent[0].start >= recent[1].start, "latest first");
        // A real upcoming event comes first, and only real ones are listed.
        let mut real = events.iter().find(|e| e.sample && !e.is_past(today)).unwrap().clone();
        real.sample = false;
        real.id = "real-upcoming".into();
        let mut with_real = events.clone();
        with_real.push(real);
        with_real.sort_by_key(|e| e.start);
        let (up, _) = home_events(&with_real, today, 3, 2);
        assert_eq!(ids(&up), ["real-upcoming"]);
        // Only samples: shown, so a demonstration site is not empty.
        let samples: Vec<Event> = events.iter().filter(|e| e.sample).cloned().collect();
        let (up, _) = home_events(&samples, today, 3, 2);
        assert_eq!(up.len(), samples.iter().filter(|e| !e.is_past(today)).count().min(3));
        assert!(!up.is_empty());
    }
}
