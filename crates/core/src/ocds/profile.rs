//! A buyer's or a supplier's profile: its processes, method mix, competition against its
//! member's, the suppliers (or buyers) it works with most with their shares and the
//! concentration index (HHI), and values per year, each currency on its own.

use super::indicators::{Facts, KeyFigures};
use super::process::{supplier_key, Method, Process};
use crate::model::Country;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    Buyer,
    Supplier,
}

impl Party {
    /// The query parameter of a profile's URL (`?buyer-profile=…`).
    pub fn param(self) -> &'static str {
        match self {
            Party::Buyer => "buyer-profile",
            Party::Supplier => "supplier-profile",
        }
    }
}

/// Who a buyer works with (its suppliers) or a supplier (its buyers), in one currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    pub key: String,
    pub name: Option<String>,
    pub processes: usize,
    pub value: f64,
    /// Of the currency's awarded value, 0–1.
    pub share: f64,
}

/// Awarded value in one currency, with its partners and their concentration.
#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    pub currency: String,
    pub total: f64,
    /// Largest first.
    pub partners: Vec<Partner>,
    /// Herfindahl–Hirschman index: the sum of the squared shares in percent (0–10,000).
    pub hhi: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub processes: usize,
    /// Tender value (else contracted), per currency.
    pub value: Vec<(String, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub party: Party,
    pub key: String,
    pub name: Option<String>,
    /// Matched by the identifier the data gives (else by its normalised name).
    pub by_id: bool,
    pub country: Option<Country>,
    /// Its processes: indices into the facts.
    pub processes: Vec<usize>,
    pub mix: Vec<(Option<Method>, usize)>,
    /// Its key figures, and its member's over the same indicators.
    pub figures: KeyFigures,
    pub member_figures: KeyFigures,
    pub concentration: Vec<Concentration>,
    pub years: Vec<YearRow>,
}

/// Whether supplier `key` has an award in process `p` (buyers are found by the facts' column).
fn supplies(p: &Process, key: &str) -> bool {
    p.awards.iter().any(|a| a.suppliers.iter().any(|s| s == key))
}

/// The profile of `key` among `ps` (indexed like `facts`); `member` tells each process's
/// member. None when no process involves it.
pub fn profile(
    ps: &[&Process],
    facts: &Facts,
    days: f64,
    party: Party,
    key: &str,
    member: impl Fn(usize) -> Option<Country>,
) -> Option<Profile> {
    let mine: Vec<usize> = match party {
        // A buyer by the facts' interned column (a number per process, not its id's text).
        Party::Buyer => match facts.id(key) {
            Some(id) => (0..ps.len()).filter(|&i| facts.selectors.get(i).and_then(|s| s.buyer()) == Some(id)).collect(),
            None => Vec::new(),
        },
        Party::Supplier => (0..ps.len()).filter(|i| supplies(ps[*i], key)).collect(),
    };
    let first = *mine.first()?;
    let country = member(first);
    let name = mine.iter().find_map(|&i| {
        let p = ps[i];
        match party {
            Party::Buyer => p.buyer_name.clone(),
            Party::Supplier => p.names.iter().find(|(k, _)| k == key).map(|(_, n)| n.clone()),
        }
    });
    let by_id = match party {
        Party::Buyer => true,
        Party::Supplier => name.as_deref().is_none_or(|n| supplier_key(None, Some(n)).as_deref() != Some(key)),
    };
    let mut mix: Vec<(Option<Method>, usize)> = Vec::new();
    for &i in &mine {
        let m = ps[i].method;
        match mix.iter_mut().find(|x| x.0 == m) {
            Some(x) => x.1 += 1,
            None => mix.push((m, 1)),
        }
    }
    mix.sort_by_key(|x| x.0.map_or(4, |m| m as u8));
    let same_member: Vec<usize> = (0..ps.len()).filter(|i| member(*i) == country).collect();
    let figures = facts.key_figures(&mine, days, 1, |_| Some(0)).pop().unwrap_or_default();
    let member_figures = facts.key_figures(&same_member, days, 1, |_| Some(0)).pop().unwrap_or_default();
    // Partners per currency: for a buyer its suppliers, for a supplier its buyers; a joint
    // award's value split evenly among its suppliers (as the concentration indicator does).
    let mut per_currency: Vec<(String, Vec<Partner>)> = Vec::new();
    for &i in &mine {
        let p = ps[i];
        // This process's (currency, partner, name, value), merged before counting it once.
        let mut here: Vec<(String, String, Option<String>, f64)> = Vec::new();
        for a in &p.awards {
            let Some(v) = a.value.as_ref().filter(|v| v.amount > 0.0 && v.amount.is_finite()) else { continue };
            let each = v.amount / a.suppliers.len().max(1) as f64;
            let partners: Vec<(String, Option<String>)> = match party {
                Party::Buyer => a
                    .suppliers
                    .iter()
                    .map(|s| (s.clone(), Some(p.supplier_name(s).to_string()).filter(|n| n != s)))
                    .collect(),
                Party::Supplier if a.suppliers.iter().any(|s| s == key) => {
                    p.buyer.iter().map(|b| (b.clone(), p.buyer_name.clone())).collect()
                }
                Party::Supplier => Vec::new(),
            };
            for (k, n) in partners {
                match here.iter_mut().find(|x| x.0 == v.currency && x.1 == k) {
                    Some(x) => x.3 += each,
                    None => here.push((v.currency.clone(), k, n, each)),
                }
            }
        }
        for (currency, k, n, amount) in here {
            let slot = match per_currency.iter().position(|(c, _)| *c == currency) {
                Some(s) => s,
                None => {
                    per_currency.push((currency, Vec::new()));
                    per_currency.len() - 1
                }
            };
            let list = &mut per_currency[slot].1;
            match list.iter_mut().find(|x| x.key == k) {
                Some(x) => {
                    x.value += amount;
                    x.processes += 1;
                }
                None => list.push(Partner { key: k, name: n, processes: 1, value: amount, share: 0.0 }),
            }
        }
    }
    let concentration = per_currency
        .into_iter()
        .filter_map(|(currency, mut partners)| {
            let total: f64 = partners.iter().map(|x| x.value).sum();
            if total <= 0.0 {
                return None;
            }
            for x in &mut partners {
                x.share = x.value / total;
            }
            partners.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.key.cmp(&b.key)));
            let hhi = partners.iter().map(|x| (x.share * 100.0).powi(2)).sum();
            Some(Concentration { currency, total, partners, hhi })
        })
        .collect();
    let mut years: Vec<YearRow> = Vec::new();
    for &i in &mine {
        let p = ps[i];
        let Some(y) = p.year else { continue };
        let row = match years.iter().position(|r| r.year == y) {
            Some(r) => r,
            None => {
                years.push(YearRow { year: y, processes: 0, value: Vec::new() });
                years.len() - 1
            }
        };
        let row = &mut years[row];
        row.processes += 1;
        if let Some(m) = p.tender_value.as_ref().or(p.contract_value.as_ref()).filter(|m| m.amount.is_finite()) {
            match row.value.iter_mut().find(|(c, _)| *c == m.currency) {
                Some(v) => v.1 += m.amount,
                None => row.value.push((m.currency.clone(), m.amount)),
            }
        }
    }
    years.sort_by_key(|r| r.year);
    Some(Profile {
        party,
        key: key.to_string(),
        name,
        by_id,
        country,
        processes: mine,
        mix,
        figures,
        member_figures,
        concentration,
        years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_buyers_and_a_suppliers_profile() {
        let ps: Vec<Process> = [
            json!({"ocid":"a","buyer":{"id":"B1","name":"Hospital"},"tender":{"procurementMethod":"open","numberOfTenderers":1,"value":{"amount":100,"currency":"CLP"},"tenderPeriod":{"startDate":"2024-01-01"}},
                "awards":[{"value":{"amount":90,"currency":"CLP"},"suppliers":[{"id":"S1","name":"Sur"}]},{"value":{"amount":30,"currency":"CLP"},"suppliers":[{"id":"S1","name":"Sur"}]}]}),
            json!({"ocid":"b","buyer":{"id":"B1"},"tender":{"procurementMethod":"direct","tenderPeriod":{"startDate":"2025-01-01"}},
                "awards":[{"value":{"amount":40,"currency":"CLP"},"suppliers":[{"name":"Norte  s.a."},{"id":"S1"}]}]}),
            json!({"ocid":"c","buyer":{"id":"B2","name":"Escuela"},"tender":{"procurementMethod":"open","numberOfTenderers":3,"tenderPeriod":{"startDate":"2025-01-01"}},
                "awards":[{"value":{"amount":10,"currency":"USD"},"suppliers":[{"name":"NORTE S.A"}]}]}),
        ]
        .iter()
        .filter_map(Process::from_release)
        .collect();
        let refs: Vec<&Process> = ps.iter().collect();
        let facts = Facts::of(&ps);
        let member = |_| Some(Country::Cl);
        let b = profile(&refs, &facts, 15.0, Party::Buyer, "B1", member).unwrap();
        assert_eq!(
            (b.name.as_deref(), b.by_id, b.country, b.processes.clone()),
            (Some("Hospital"), true, Some(Country::Cl), vec![0, 1])
        );
        assert_eq!(b.mix, [(Some(Method::Open), 1), (Some(Method::Direct), 1)]);
        // Against its member's: competitive 1 of 2 here, 2 of 3 in Chile.
        assert_eq!((b.figures.values[0], b.member_figures.values[0]), ((Some(0.5), 2), (Some(2.0 / 3.0), 3)));
        // S1: 90 + 30 in a, 20 in b (a joint award split evenly): 140 of 160 CLP, in 2 processes.
        let c = &b.concentration[0];
        assert_eq!((c.currency.as_str(), c.total), ("CLP", 160.0));
        assert_eq!(
            (c.partners[0].key.as_str(), c.partners[0].name.as_deref(), c.partners[0].processes),
            ("S1", Some("Sur"), 2)
        );
        assert_eq!(c.partners[1].key, "NORTE S.A");
        let hhi = (140.0f64 / 160.0 * 100.0).powi(2) + (20.0f64 / 160.0 * 100.0).powi(2);
        assert!((c.hhi - hhi).abs() < 1e-9);
        assert_eq!(b.years.iter().map(|y| (y.year, y.processes)).collect::<Vec<_>>(), [(2024, 1), (2025, 1)]);
        assert_eq!(b.years[0].value, [("CLP".to_string(), 100.0)]);
        // A supplier with no id, matched by its normalised name across buyers and currencies.
        let s = profile(&refs, &facts, 15.0, Party::Supplier, "NORTE S.A", member).unwrap();
        assert!(!s.by_id);
        assert_eq!(s.processes, [1, 2]);
        let buyers: Vec<(&str, &str)> =
            s.concentration.iter().map(|c| (c.currency.as_str(), c.partners[0].key.as_str())).collect();
        assert_eq!(buyers, [("CLP", "B1"), ("USD", "B2")]);
        assert_eq!(s.concentration[1].hhi, 10_000.0);
        assert!(profile(&refs, &facts, 15.0, Party::Supplier, "S1", member).unwrap().by_id);
        assert!(profile(&refs, &facts, 15.0, Party::Buyer, "nobody", member).is_none());
        // A buyer is found by the facts' interned column: texts interned as something else (a
        // name, a supplier) are no buyer's id.
        assert!(profile(&refs, &facts, 15.0, Party::Buyer, "Hospital", member).is_none());
        assert!(profile(&refs, &facts, 15.0, Party::Buyer, "S1", member).is_none());
        assert_eq!(profile(&refs, &facts, 15.0, Party::Buyer, "B2", member).unwrap().processes, [2]);
    }
}
