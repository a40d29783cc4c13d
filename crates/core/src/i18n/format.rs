//! Dates and numbers written the way each language's readers expect.

use super::Lang;
use crate::model::PartialDate;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// "09:05" (chrono's strftime would add ~20 KB of wasm for this).
pub fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month name for `month` in 1..=12 (anything else yields an empty string rather than a panic).
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let names = match lang {
        Lang::Es => &MONTHS_ES,
        Lang::En => &MONTHS_EN,
    };
    month.checked_sub(1).and_then(|i| names.get(i as usize)).copied().unwrap_or("")
}

/// "4 de diciembre de 2023" / "December 4, 2023".
pub fn format_date(lang: Lang, d: NaiveDate) -> String {
    let m = month_name(lang, d.month());
    match lang {
        Lang::Es => format!("{} de {} de {}", d.day(), m, d.year()),
        Lang::En => format!("{} {}, {}", m, d.day(), d.year()),
    }
}

/// A date known to the year, month or day.
pub fn format_partial_date(lang: Lang, d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(month), Some(day)) => match NaiveDate::from_ymd_opt(d.year, month, day) {
            Some(date) => format_date(lang, date),
            None => d.year.to_string(),
        },
        (Some(month), None) => {
            let m = month_name(lang, month);
            match lang {
                Lang::Es => format!("{m} de {}", d.year),
                Lang::En => format!("{m} {}", d.year),
            }
        }
        _ => d.year.to_string(),
    }
}

/// Groups thousands and picks the decimal mark of the language: es 1.234,5 — en 1,234.5.
/// Spanish style (RAE) does not group four-digit numbers: 2022, 7840.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (group, point) = match lang {
        Lang::Es => ('.', ','),
        Lang::En => (',', '.'),
    };
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let group_it = !(lang == Lang::Es && int.len() == 4);
    let mut out = String::new();
    if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if group_it && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// A value in full, as charts' tooltips, tables and summaries show it: "más de 5.790.000",
/// "42,9 %" (a qualifier and the unit kept).
pub fn format_value(lang: Lang, v: f64, at_least: bool, unit: Option<&str>) -> String {
    let decimals = if v.fract() == 0.0 { 0 } else { significant_decimals(v) };
    let mut s = format_number(lang, v, decimals);
    if let Some(u) = unit {
        if u == "%" {
            s.push_str(if lang == Lang::Es { "\u{a0}%" } else { "%" });
        } else {
            s.push('\u{a0}');
            s.push_str(u);
        }
    }
    if at_least {
        s = format!("{} {s}", lang.t().at_least);
    }
    s
}

/// Enough decimals for two significant digits below 1, one otherwise (at most 6).
fn significant_decimals(v: f64) -> usize {
    let a = v.abs();
    if a == 0.0 || a >= 1.0 {
        1
    } else {
        ((-a.log10()).ceil() as usize + 1).min(6)
    }
}

/// A value already in its axis' magnitude, as an axis label: 7.84 → "7,84", 150.0 → "150"
/// (two or three significant digits, trailing zeros dropped).
pub fn format_short(lang: Lang, x: f64) -> String {
    let a = x.abs();
    let decimals = if x.fract() == 0.0 {
        0
    } else if a < 1.0 {
        significant_decimals(x)
    } else if a < 10.0 {
        2
    } else if a < 100.0 {
        1
    } else {
        0
    };
    trim_zeros(format_number(lang, x, decimals), lang)
}

fn trim_zeros(s: String, lang: Lang) -> String {
    let point = lang.pick(',', '.');
    if !s.contains(point) {
        return s;
    }
    let t = s.trim_end_matches('0');
    t.trim_end_matches(point).to_string()
}

/// A count: "1.234" / "1,234".
pub fn format_count(lang: Lang, n: usize) -> String {
    format_number(lang, n as f64, 0)
}

/// A count with its noun, singular for one: "1 resultado", "2 resultados", "1.234 procesos"
/// (`one` and `many` in the reader's language).
pub fn format_counted(lang: Lang, n: usize, one: &str, many: &str) -> String {
    format!("{} {}", format_count(lang, n), if n == 1 { one } else { many })
}

/// A share (0.25) as the indicators show it: "25,0 %" / "25.0 %".
pub fn format_share(lang: Lang, share: f64) -> String {
    format!("{} %", format_number(lang, share * 100.0, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(format_counted(Lang::Es, 1, "resultado", "resultados"), "1 resultado");
        assert_eq!(format_counted(Lang::Es, 0, "resultado", "resultados"), "0 resultados");
        assert_eq!(format_counted(Lang::En, 1234, "process", "processes"), "1,234 processes");
        assert_eq!(format_share(Lang::Es, 0.25), "25,0 %");
    }

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 4).unwrap();
        assert_eq!(format_date(Lang::Es, d), "4 de diciembre de 2023");
        assert_eq!(format_date(Lang::En, d), "December 4, 2023");
    }

    #[test]
    fn partial_dates() {
        let month = PartialDate { year: 2019, month: Some(7), day: None };
        assert_eq!(format_partial_date(Lang::Es, &month), "julio de 2019");
        assert_eq!(format_partial_date(Lang::En, &month), "July 2019");
        let year = PartialDate { year: 2022, month: None, day: None };
        assert_eq!(format_partial_date(Lang::En, &year), "2022");
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(format_number(Lang::Es, 1234.5, 1), "1234,5");
        assert_eq!(format_number(Lang::Es, 12345.5, 1), "12.345,5");
        assert_eq!(format_number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(format_number(Lang::En, 2_710_734.0, 0), "2,710,734");
        assert_eq!(format_number(Lang::Es, 2_710_734.0, 0), "2.710.734");
        assert_eq!(format_number(Lang::En, -1234.0, 0), "-1,234");
        assert_eq!(format_number(Lang::En, -0.0001, 0), "0");
        assert_eq!(format_number(Lang::Es, 42.9, 1), "42,9");
        assert_eq!(format_number(Lang::En, f64::NAN, 0), "–");
    }

    #[test]
    fn month_out_of_range_is_empty_not_a_panic() {
        assert_eq!(month_name(Lang::Es, 0), "");
        assert_eq!(month_name(Lang::En, 13), "");
    }
}

/// The city readers know a zone by: "America/Mexico_City" → "Ciudad de México".
pub fn zone_city(lang: Lang, tz: &str) -> String {
    match tz {
        "America/Mexico_City" => lang.pick("Ciudad de México", "Mexico City").into(),
        "America/Bogota" => "Bogotá".into(),
        "America/Lima" => "Lima".into(),
        "America/Santiago" => "Santiago".into(),
        other => other.rsplit('/').next().unwrap_or(other).replace('_', " "),
    }
}

/// When an event happens, in its own local time: "24 de noviembre de 2022, 12:00–13:30 (hora de
/// Ciudad de México)", "1–6 July 2019" style ranges are written in full for clarity.
pub fn event_when(
    lang: Lang,
    start: &crate::model::EventTime,
    end: &crate::model::EventTime,
    tz: Option<&str>,
) -> String {
    use crate::model::EventTime;
    let (sd, ed) = (start.date(), end.date());
    let mut out = format_date(lang, sd);
    match (start, end) {
        (EventTime::At(s), EventTime::At(e)) => {
            out.push_str(&format!(", {}", hhmm(s.time())));
            if e.date() == sd {
                if e != s {
                    out.push_str(&format!("–{}", hhmm(e.time())));
                }
            } else {
                out.push_str(&format!(" – {}, {}", format_date(lang, ed), hhmm(e.time())));
            }
            if let Some(tz) = tz {
                let city = zone_city(lang, tz);
                out.push_str(&match lang {
                    Lang::Es => format!(" (hora de {city})"),
                    Lang::En => format!(" ({city} time)"),
                });
            }
        }
        _ if ed != sd => {
            out.push_str(" – ");
            out.push_str(&format_date(lang, ed));
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crate::model::EventTime;

    #[test]
    fn event_times_read_naturally() {
        let p = |s| EventTime::parse(s).unwrap();
        assert_eq!(
            event_when(Lang::Es, &p("2022-11-24T12:00"), &p("2022-11-24T12:00"), Some("America/Mexico_City")),
            "24 de noviembre de 2022, 12:00 (hora de Ciudad de México)"
        );
        assert_eq!(
            event_when(Lang::En, &p("2027-03-18T10:00"), &p("2027-03-18T11:30"), Some("America/Bogota")),
            "March 18, 2027, 10:00–11:30 (Bogotá time)"
        );
        assert_eq!(
            event_when(Lang::Es, &p("2019-07-01"), &p("2019-07-06"), None),
            "1 de julio de 2019 – 6 de julio de 2019"
        );
        assert_eq!(event_when(Lang::En, &p("2023-12-04"), &p("2023-12-04"), None), "December 4, 2023");
        assert_eq!(zone_city(Lang::En, "Europe/Oslo"), "Oslo");
    }
}

#[cfg(test)]
mod strings_tests {
    use crate::lang::Lang;
    use crate::model::Country;

    #[test]
    fn each_language_names_countries_in_itself() {
        // Regression: `is_es` compared addresses of a `const`, which differ between uses.
        assert_eq!(Lang::Es.t().country(Country::Ap), "Alianza del Pacífico");
        assert_eq!(Lang::En.t().country(Country::Ap), "Pacific Alliance");
        assert_eq!(Lang::Es.t().country(Country::Mx), "México");
    }
}
