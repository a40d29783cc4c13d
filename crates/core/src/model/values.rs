//! Small checked values: countries, partial dates, event times, safe links, ids.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Digits only, exactly `len` of them (no sign, no spaces): chrono's parser is lenient and large.
fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// "YYYY-MM-DD", strictly.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y, 4)? as i32, digits(m, 2)?, digits(d, 2)?)
}

/// "HH:MM" or "HH:MM:SS".
fn iso_time(s: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [h, m] => NaiveTime::from_hms_opt(digits(h, 2)?, digits(m, 2)?, 0),
        [h, m, sec] => NaiveTime::from_hms_opt(digits(h, 2)?, digits(m, 2)?, digits(sec, 2)?),
        _ => None,
    }
}

/// The Alliance's members, and the Alliance as a whole (`AP`); in files by its `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Country {
    Ap,
    Cl,
    Co,
    Mx,
    Pe,
}

impl Country {
    pub const ALL: [Country; 5] = [Country::Ap, Country::Cl, Country::Co, Country::Mx, Country::Pe];

    pub fn parse(code: &str) -> Option<Country> {
        match code {
            "AP" => Some(Country::Ap),
            "CL" => Some(Country::Cl),
            "CO" => Some(Country::Co),
            "MX" => Some(Country::Mx),
            "PE" => Some(Country::Pe),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Country::Ap => "AP",
            Country::Cl => "CL",
            Country::Co => "CO",
            Country::Mx => "MX",
            Country::Pe => "PE",
        }
    }
}

/// A date known to the year, the month or the day: "2019", "2019-07", "2019-07-06".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = digits;
        let year = num(parts.first()?, 4)? as i32;
        match parts.len() {
            1 => Some(PartialDate { year, month: None, day: None }),
            2 => {
                let month = num(parts[1], 2)?;
                (1..=12).contains(&month).then_some(PartialDate { year, month: Some(month), day: None })
            }
            3 => {
                let (month, day) = (num(parts[1], 2)?, num(parts[2], 2)?);
                NaiveDate::from_ymd_opt(year, month, day)?;
                Some(PartialDate { year, month: Some(month), day: Some(day) })
            }
            _ => None,
        }
    }

    pub fn full(date: NaiveDate) -> PartialDate {
        use chrono::Datelike;
        PartialDate { year: date.year(), month: Some(date.month()), day: Some(date.day()) }
    }

    /// The first day it covers ("2023" → 1 January 2023), for sorting and feeds.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The full date when the day is known.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// ISO form, as published: "2019-07".
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// When an event starts or ends: a whole day, or a local wall-clock time in the event's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    Day(NaiveDate),
    At(NaiveDateTime),
}

/// Chronological: a whole day sorts as its midnight, so days and timed events interleave.
impl Ord for EventTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |t: &EventTime| (t.date(), t.time().unwrap_or(NaiveTime::MIN));
        key(self)
            .cmp(&key(other))
            .then_with(|| matches!(self, EventTime::At(_)).cmp(&matches!(other, EventTime::At(_))))
    }
}

impl PartialOrd for EventTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl EventTime {
    /// "2022-11-24" or "2022-11-24T12:00" (seconds allowed but not needed).
    pub fn parse(s: &str) -> Option<EventTime> {
        match s.split_once('T') {
            Some((d, t)) => Some(EventTime::At(iso_date(d)?.and_time(iso_time(t)?))),
            None => iso_date(s).map(EventTime::Day),
        }
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            EventTime::Day(d) => *d,
            EventTime::At(dt) => dt.date(),
        }
    }

    /// As published, which `parse` reads back: "2022-11-24", "2022-11-24T12:00" (seconds only
    /// when there are some).
    pub fn iso(&self) -> String {
        use chrono::{Datelike, Timelike};
        let day = |d: NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        match self {
            EventTime::Day(d) => day(*d),
            EventTime::At(dt) if dt.second() == 0 => format!("{}T{:02}:{:02}", day(dt.date()), dt.hour(), dt.minute()),
            EventTime::At(dt) => {
                format!("{}T{:02}:{:02}:{:02}", day(dt.date()), dt.hour(), dt.minute(), dt.second())
            }
        }
    }

    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            EventTime::Day(_) => None,
            EventTime::At(dt) => Some(dt.time()),
        }
    }
}

/// A link that may leave the site: only http(s) and mailto, so no `javascript:` or `data:` URL
/// from content ever reaches an `href`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl(String);

impl SafeUrl {
    pub fn parse(s: &str) -> Result<SafeUrl, &'static str> {
        let s = s.trim();
        if s.is_empty() {
            return Err("empty");
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("whitespace");
        }
        let lower = s.to_ascii_lowercase();
        let rest = if let Some(r) = lower.strip_prefix("https://") {
            r
        } else if let Some(r) = lower.strip_prefix("http://") {
            r
        } else if let Some(r) = lower.strip_prefix("mailto:") {
            return if r.contains('@') && !r.starts_with('@') { Ok(SafeUrl(s.to_string())) } else { Err("mailto") };
        } else {
            return Err("scheme");
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || host.starts_with('.') || !host.contains('.') && !host.starts_with("localhost") {
            return Err("host");
        }
        Ok(SafeUrl(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_mailto(&self) -> bool {
        self.0.to_ascii_lowercase().starts_with("mailto:")
    }
}

/// Ids appear in URLs: lowercase ASCII letters, digits and single hyphens, 1 to 80 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// The longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;

/// A plausible e-mail address (the form service checks it for real).
pub fn plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.len() <= MAX_EMAIL
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_strictly() {
        assert_eq!(PartialDate::parse("2019").unwrap().iso(), "2019");
        assert_eq!(PartialDate::parse("2019-07").unwrap().iso(), "2019-07");
        assert_eq!(PartialDate::parse("2019-07-06").unwrap().iso(), "2019-07-06");
        for bad in ["", "19", "2019-7", "2019-13", "2023-02-30", "2019-07-06-01", "abcd", "2019/07/06", "+201"] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
        }
        assert!(PartialDate::parse("2019-07").unwrap() < PartialDate::parse("2019-07-01").unwrap());
    }

    #[test]
    fn days_and_times_sort_chronologically() {
        let p = |s| EventTime::parse(s).unwrap();
        assert!(p("2022-11-24T12:00") < p("2022-11-25"));
        assert!(p("2022-11-24") < p("2022-11-24T00:01"));
        assert!(p("2019-07-01") < p("2022-11-24T12:00"));
        assert!(p("2023-09-26") > p("2022-11-24T12:00"));
    }

    #[test]
    fn event_times() {
        assert!(matches!(EventTime::parse("2022-11-24T12:00"), Some(EventTime::At(_))));
        assert!(matches!(EventTime::parse("2022-11-24T12:00:30"), Some(EventTime::At(_))));
        assert!(matches!(EventTime::parse("2019-07-01"), Some(EventTime::Day(_))));
        for bad in ["2022-11-24T25:00", "2022-11-31", "24/11/2022", "2022-11-24T", "noon"] {
            assert!(EventTime::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn only_web_and_mail_links_are_safe() {
        for good in [
            "https://youtu.be/KUuGmLnQ-ew",
            "http://example.org/a?b#c",
            "mailto:someone@example.org",
            "HTTPS://Example.org",
        ] {
            assert!(SafeUrl::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://x.org",
            "//evil.org",
            "/local",
            "https://",
            "https://exa mple.org",
            "mailto:",
            "vbscript:x",
            " java\tscript:x",
            "https://nohost",
        ] {
            assert!(SafeUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("xiv-cumbre-lima-2019"));
        for bad in ["", "Upper", "with space", "-lead", "trail-", "a--b", "ñandú", "a/b", &"x".repeat(81)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
