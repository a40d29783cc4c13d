//! Time-zone conversions for events stored as local wall-clock times in an IANA zone. The tz
//! database itself is behind [`ZoneDb`]: chrono-tz natively (tests, the publishing step), the
//! browser's own Intl data in the app, so no tz data ships in the wasm.

use crate::model::{Country, Event, EventTime};
use chrono::{Duration, NaiveDateTime};

/// A source of UTC offsets.
pub trait ZoneDb {
    /// Seconds east of UTC in `zone` at the instant `utc`; `None` for an unknown zone.
    fn offset(&self, zone: &str, utc: NaiveDateTime) -> Option<i32>;
}

/// The member capitals, west to east as their clocks usually run.
pub const CAPITALS: [(Country, &str); 4] = [
    (Country::Mx, "America/Mexico_City"),
    (Country::Co, "America/Bogota"),
    (Country::Pe, "America/Lima"),
    (Country::Cl, "America/Santiago"),
];

/// The UTC instant of a local time in `zone`. A time repeated when clocks go back is taken at
/// its first occurrence; a time skipped when clocks go forward is moved forward by the gap (as
/// calendar programs and RFC 5545 do).
pub fn to_utc(db: &dyn ZoneDb, zone: &str, local: NaiveDateTime) -> Option<NaiveDateTime> {
    // The offsets a day either side cover any transition near this time.
    let before = db.offset(zone, local - Duration::days(1))?;
    let after = db.offset(zone, local + Duration::days(1))?;
    let valid = |off: i32| {
        let utc = local - Duration::seconds(off.into());
        (db.offset(zone, utc) == Some(off)).then_some(utc)
    };
    match (valid(before), valid(after)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (Some(a), None) | (None, Some(a)) => Some(a),
        (None, None) => Some(local - Duration::seconds(before.into())),
    }
}

/// The local wall-clock time in `zone` at the instant `utc`, with its offset.
pub fn from_utc(db: &dyn ZoneDb, zone: &str, utc: NaiveDateTime) -> Option<(NaiveDateTime, i32)> {
    let off = db.offset(zone, utc)?;
    Some((utc + Duration::seconds(off.into()), off))
}

/// "UTC−3", "UTC+5:30", "UTC".
pub fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '−' } else { '+' };
    let m = seconds.unsigned_abs() / 60;
    match m % 60 {
        0 => format!("UTC{sign}{}", m / 60),
        r => format!("UTC{sign}{}:{r:02}", m / 60),
    }
}

/// An event's start and end in one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneRow {
    pub zone: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub offset: i32,
}

/// A timed event's UTC start and end; `None` for whole-day events or an unknown zone.
pub fn event_utc(db: &dyn ZoneDb, e: &Event) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let zone = e.timezone.as_deref()?;
    match (e.start, e.end) {
        (EventTime::At(s), EventTime::At(en)) => Some((to_utc(db, zone, s)?, to_utc(db, zone, en)?)),
        _ => None,
    }
}

/// A timed event's times in each of `zones` (unknown zones are left out).
pub fn event_in_zones(db: &dyn ZoneDb, e: &Event, zones: &[&str]) -> Vec<ZoneRow> {
    let Some((s, en)) = event_utc(db, e) else {
        return Vec::new();
    };
    zones
        .iter()
        .filter_map(|z| {
            let (start, offset) = from_utc(db, z, s)?;
            let (end, _) = from_utc(db, z, en)?;
            Some(ZoneRow { zone: z.to_string(), start, end, offset })
        })
        .collect()
}

/// The tz database compiled into native builds.
#[cfg(feature = "checker")]
pub struct TzDb;

#[cfg(feature = "checker")]
impl ZoneDb for TzDb {
    fn offset(&self, zone: &str, utc: NaiveDateTime) -> Option<i32> {
        use chrono::{Offset, TimeZone};
        let tz: chrono_tz::Tz = zone.parse().ok()?;
        Some(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
    }
}

#[cfg(feature = "checker")]
pub use crate::model::known_zone;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventTime;

    fn t(s: &str) -> NaiveDateTime {
        match EventTime::parse(s).unwrap() {
            EventTime::At(dt) => dt,
            EventTime::Day(_) => panic!("not a time"),
        }
    }

    /// Local time in `from` → local time in `to`.
    fn conv(from: &str, local: &str, to: &str) -> String {
        let utc = to_utc(&TzDb, from, t(local)).unwrap();
        from_utc(&TzDb, to, utc).unwrap().0.format("%Y-%m-%dT%H:%M").to_string()
    }

    #[test]
    fn the_2022_seminar_in_every_member_capital() {
        // 24 Nov 2022 12:00 in Mexico City (no more daylight saving since October 2022).
        let at = "2022-11-24T12:00";
        assert_eq!(conv("America/Mexico_City", at, "America/Bogota"), "2022-11-24T13:00");
        assert_eq!(conv("America/Mexico_City", at, "America/Lima"), "2022-11-24T13:00");
        assert_eq!(conv("America/Mexico_City", at, "America/Santiago"), "2022-11-24T15:00");
        assert_eq!(conv("America/Mexico_City", at, "UTC"), "2022-11-24T18:00");
    }

    #[test]
    fn mexico_dropped_daylight_saving_in_2022() {
        // Summer 2022: Mexico City still at UTC−5; summer 2023: UTC−6 all year.
        assert_eq!(conv("America/Mexico_City", "2022-07-01T12:00", "UTC"), "2022-07-01T17:00");
        assert_eq!(conv("America/Mexico_City", "2023-07-01T12:00", "UTC"), "2023-07-01T18:00");
        // The last change: 30 Oct 2022, 02:00 → 01:00.
        assert_eq!(conv("America/Mexico_City", "2022-10-29T12:00", "America/Bogota"), "2022-10-29T12:00");
        assert_eq!(conv("America/Mexico_City", "2022-10-31T12:00", "America/Bogota"), "2022-10-31T13:00");
    }

    #[test]
    fn both_sides_of_chiles_changes() {
        // Chile's 2023 winter time began on 2 April (UTC−3 → UTC−4) and summer time on
        // 3 September (UTC−4 → UTC−3).
        assert_eq!(conv("America/Lima", "2023-04-01T12:00", "America/Santiago"), "2023-04-01T14:00");
        assert_eq!(conv("America/Lima", "2023-04-03T12:00", "America/Santiago"), "2023-04-03T13:00");
        assert_eq!(conv("America/Lima", "2023-09-02T12:00", "America/Santiago"), "2023-09-02T13:00");
        assert_eq!(conv("America/Lima", "2023-09-04T12:00", "America/Santiago"), "2023-09-04T14:00");
        // The 26 Sep 2023 workshop at 10:00 Santiago was 08:00 in Lima and Bogotá.
        assert_eq!(conv("America/Santiago", "2023-09-26T10:00", "America/Lima"), "2023-09-26T08:00");
    }

    #[test]
    fn skipped_and_repeated_local_times() {
        // Santiago, 3 Sep 2023: 00:00 jumps to 01:00, so 00:30 does not exist → moved to 01:30.
        assert_eq!(conv("America/Santiago", "2023-09-03T00:30", "America/Santiago"), "2023-09-03T01:30");
        // Santiago, 2 Apr 2023: 00:00 goes back to 23:00 on the 1st, so 23:30 on the 1st happens
        // twice; the first occurrence (UTC−3) is taken.
        assert_eq!(conv("America/Santiago", "2023-04-01T23:30", "UTC"), "2023-04-02T02:30");
    }

    #[test]
    fn unknown_zones_and_labels() {
        assert_eq!(to_utc(&TzDb, "Mars/Olympus", t("2022-11-24T12:00")), None);
        assert!(known_zone("America/Bogota") && !known_zone("America/Atlantis"));
        assert_eq!(offset_label(-3 * 3600), "UTC−3");
        assert_eq!(offset_label(19800), "UTC+5:30");
        assert_eq!(offset_label(0), "UTC");
    }
}
