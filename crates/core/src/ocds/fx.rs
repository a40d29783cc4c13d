//! A common unit for amounts in the members' currencies: US dollars at each year's average
//! exchange rate, shipped as content (`rates` in `ocds/sources.json`) with its source, so that
//! members can be compared. Amounts stay per currency everywhere; a dollar figure is shown
//! beside them, never instead, and says which year's rate it used.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Yearly average rates: units of each currency per US dollar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// Who publishes the rates and which series, in both languages (shown under every
    /// dollar figure).
    #[serde(default)]
    pub source: super::digest::Names,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Per currency (ISO 4217 code), per year: units per US dollar, the year's average.
    #[serde(default)]
    pub per_usd: BTreeMap<String, BTreeMap<i32, f64>>,
}

/// The rate a conversion used: which year's, and whether it is that year's own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub per_usd: f64,
    /// The year of the rate used: the amount's own, or the latest earlier one published.
    pub year: i32,
}

impl Rates {
    pub fn is_empty(&self) -> bool {
        self.per_usd.is_empty()
    }

    /// Checks the table, leaving out what is wrong; each problem says what to fix.
    pub fn check(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        if !self.is_empty() && (self.source.es.trim().is_empty() || self.source.en.trim().is_empty()) {
            problems.push(
                "sources.json: rates: name their \"source\" (who publishes them, which series) with \"es\" and \"en\""
                    .into(),
            );
        }
        if let Some(u) = &self.url {
            if !crate::model::SafeUrl::parse(u).is_ok_and(|x| !x.is_mailto()) {
                problems.push(format!("sources.json: rates: url \"{u}\" is not an http(s) address"));
                self.url = None;
            }
        }
        self.per_usd.retain(|cur, years| {
            if cur.len() != 3 || !cur.bytes().all(|b| b.is_ascii_uppercase()) {
                problems.push(format!("sources.json: rates: \"{cur}\" is not a currency code (three capital letters, ISO 4217)"));
                return false;
            }
            years.retain(|y, r| {
                let ok = (1950..=2100).contains(y) && r.is_finite() && *r > 0.0;
                if !ok {
                    problems.push(format!(
                        "sources.json: rates: {cur} {y}: {r} is not a rate (units per US dollar, above 0) for a year from 1950 to 2100"
                    ));
                }
                ok
            });
            !years.is_empty()
        });
        problems
    }

    /// The rate for an amount of `year` in `currency`: that year's, else the latest earlier
    /// year's (data newer than the rates' last year); none before the first year or for a
    /// currency the table lacks. Dollars are themselves, any year.
    pub fn rate(&self, currency: &str, year: i32) -> Option<Rate> {
        if currency == "USD" {
            return Some(Rate { per_usd: 1.0, year });
        }
        let (y, r) = self.per_usd.get(currency)?.range(..=year).next_back()?;
        Some(Rate { per_usd: *r, year: *y })
    }

    /// `amount` of `currency` in `year`, in US dollars, with the rate used.
    pub fn to_usd(&self, currency: &str, year: i32, amount: f64) -> Option<(f64, Rate)> {
        let r = self.rate(currency, year)?;
        Some((amount / r.per_usd, r))
    }

    /// Amounts per (year, currency) summed in dollars: what converted, what could not (no rate
    /// for its currency or year: left out and counted, never guessed), and the rates used.
    pub fn total(&self, amounts: &[(i32, String, f64)]) -> UsdTotal {
        let mut t = UsdTotal::default();
        for (year, cur, amount) in amounts {
            match self.to_usd(cur, *year, *amount) {
                Some((usd, rate)) => {
                    t.usd += usd;
                    t.converted += 1;
                    if cur != "USD" {
                        let used = (cur.clone(), *year, rate);
                        if !t.rates.iter().any(|(c, y, _)| c == cur && *y == *year) {
                            t.rates.push(used);
                        }
                    }
                }
                None => t.unconverted.push((*year, cur.clone())),
            }
        }
        t.rates.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        t
    }
}

/// A sum in dollars over several years and currencies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UsdTotal {
    pub usd: f64,
    /// How many (year, currency) amounts went in.
    pub converted: usize,
    /// (year, currency) amounts left out: no rate for them.
    pub unconverted: Vec<(i32, String)>,
    /// (currency, year of the amounts, rate used), sorted.
    pub rates: Vec<(String, i32, Rate)>,
}

impl UsdTotal {
    /// Whether some amount used an earlier year's rate (its own was not published yet).
    pub fn borrowed(&self) -> bool {
        self.rates.iter().any(|(_, y, r)| r.year != *y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates() -> Rates {
        serde_json::from_str(
            r#"{"source":{"es":"Banco Mundial","en":"World Bank"},"per_usd":{"PEN":{"2016":3.375,"2024":3.754},"CLP":{"2024":943.58}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_year_uses_its_own_rate_or_the_latest_earlier_one() {
        let r = rates();
        assert_eq!(r.rate("PEN", 2016), Some(Rate { per_usd: 3.375, year: 2016 }));
        // 2020 has no rate: 2016's, and it says so.
        assert_eq!(r.rate("PEN", 2020).map(|r| r.year), Some(2016));
        assert_eq!(r.rate("CLP", 2026).map(|r| r.year), Some(2024));
        // Nothing before the first year, nothing for a currency the table lacks.
        assert_eq!(r.rate("PEN", 2015), None);
        assert_eq!(r.rate("COP", 2016), None);
        assert_eq!(r.rate("USD", 1999), Some(Rate { per_usd: 1.0, year: 1999 }));
        let (usd, _) = r.to_usd("CLP", 2024, 943.58 * 10.0).unwrap();
        assert!((usd - 10.0).abs() < 1e-9);
    }

    #[test]
    fn a_total_counts_what_it_could_not_convert_and_names_the_rates() {
        let r = rates();
        let t = r.total(&[
            (2016, "PEN".into(), 337.5),
            (2026, "CLP".into(), 94_358.0),
            (2026, "CLP".into(), 94_358.0),
            (2016, "COP".into(), 1e6),
            (2016, "USD".into(), 5.0),
        ]);
        assert!((t.usd - 305.0).abs() < 1e-9, "{}", t.usd);
        assert_eq!(t.converted, 4);
        assert_eq!(t.unconverted, [(2016, "COP".to_string())]);
        assert_eq!(
            t.rates.iter().map(|(c, y, r)| (c.as_str(), *y, r.year)).collect::<Vec<_>>(),
            [("CLP", 2026, 2024), ("PEN", 2016, 2016)]
        );
        assert!(t.borrowed());
    }

    #[test]
    fn a_bad_table_is_named_and_what_is_wrong_left_out() {
        let mut r: Rates = serde_json::from_str(
            r#"{"url":"javascript:x","per_usd":{"pen":{"2016":3.3},"MXN":{"2016":-1,"1800":20,"2017":18.93}}}"#,
        )
        .unwrap();
        let p = r.check();
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(p[0].contains("\"source\""));
        assert!(p.iter().any(|p| p.contains("\"pen\" is not a currency code")));
        assert_eq!(r.url, None);
        assert_eq!(r.per_usd.len(), 1);
        assert_eq!(r.per_usd["MXN"].len(), 1);
        // A year key that is not a number does not parse: the manifest says so as a whole.
        assert!(serde_json::from_str::<Rates>(r#"{"per_usd":{"PEN":{"x":1}}}"#).is_err());
    }

    #[test]
    fn a_manifest_with_a_bad_table_of_rates_keeps_its_sources() {
        use super::super::digest::Manifest;
        let text = r#"{"format":1,"sources":[{"id":"pe","country":"PE","name":{"es":"a","en":"b"},"publisher":"OECE","folder":"peru"}],
            "rates":{"per_usd":{"PEN":{"x":1}}}}"#;
        let (m, problems) = Manifest::parse(text);
        assert_eq!(m.sources.len(), 1);
        assert!(m.rates.is_empty());
        assert!(problems[0].starts_with("sources.json: rates: not a table of rates"), "{problems:?}");
        // The bundled table reads whole, and is written back as it was read.
        let bundled = include_str!("../../../../public/ocds/sources.json");
        let (m, problems) = Manifest::parse(bundled);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(m.rates.per_usd.len(), 4);
        let again = Manifest::parse(&serde_json::to_string(&m).unwrap()).0;
        assert_eq!(again, m);
    }
}
