//! A buyer's or a supplier's profile: its processes, method mix, competition against its
//! member's, the suppliers (or buyers) it works with most with their shares and the
//! concentration index (HHI), and values per year, each currency on its own.
//!
//! The publishing step also writes every profile of the bundled data, at the default threshold,
//! in small files (`Shard`, `ocds/profiles/<party>-<n>.json`), so that a profile opened from a
//! shared link reads one of them instead of every process of the page.

use super::indicators::{Facts, KeyFigures};
use super::process::{supplier_key, Method, Process};
use crate::model::Country;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Partners a profile lists (the rest are counted); a published profile keeps only these.
pub const PARTNERS_SHOWN: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

    fn name(self) -> &'static str {
        match self {
            Party::Buyer => "buyer",
            Party::Supplier => "supplier",
        }
    }
}

/// Who a buyer works with (its suppliers) or a supplier (its buyers), in one currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub key: String,
    pub name: Option<String>,
    pub processes: usize,
    pub value: f64,
    /// Of the currency's awarded value, 0–1.
    pub share: f64,
}

/// Awarded value in one currency, with its partners and their concentration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Concentration {
    pub currency: String,
    pub total: f64,
    /// Largest first (a published profile keeps the first `PARTNERS_SHOWN`).
    pub partners: Vec<Partner>,
    /// How many partners there are in all.
    pub count: usize,
    /// Herfindahl–Hirschman index: the sum of the squared shares in percent (0–10,000).
    pub hhi: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearRow {
    pub year: i32,
    pub processes: usize,
    /// Tender value (else contracted), per currency.
    pub value: Vec<(String, f64)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub party: Party,
    pub key: String,
    pub name: Option<String>,
    /// Matched by the identifier the data gives (else by its normalised name).
    pub by_id: bool,
    pub country: Option<Country>,
    /// The members its processes belong to (a supplier matched by name may span several).
    pub members: Vec<Country>,
    /// Its processes: indices into the facts (not published: `count` tells how many).
    #[serde(skip)]
    pub processes: Vec<usize>,
    pub count: usize,
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
    let country = member(*mine.first()?);
    let same_member: Vec<usize> = (0..ps.len()).filter(|i| member(*i) == country).collect();
    let member_figures = facts.key_figures(&same_member, days, 1, |_| Some(0)).pop().unwrap_or_default();
    Some(profile_of(ps, facts, days, party, key, mine, member_figures, &member))
}

/// The profile of `key`, whose processes are `mine` (not empty), against its member's figures.
#[allow(clippy::too_many_arguments)]
fn profile_of(
    ps: &[&Process],
    facts: &Facts,
    days: f64,
    party: Party,
    key: &str,
    mine: Vec<usize>,
    member_figures: KeyFigures,
    member: &impl Fn(usize) -> Option<Country>,
) -> Profile {
    let country = mine.first().and_then(|&i| member(i));
    let mut members: Vec<Country> = mine.iter().filter_map(|&i| member(i)).collect();
    members.sort_unstable();
    members.dedup();
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
    let figures = facts.key_figures(&mine, days, 1, |_| Some(0)).pop().unwrap_or_default();
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
            Some(Concentration { currency, total, count: partners.len(), partners, hhi })
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
    Profile {
        party,
        key: key.to_string(),
        name,
        by_id,
        country,
        members,
        count: mine.len(),
        processes: mine,
        mix,
        figures,
        member_figures,
        concentration,
        years,
    }
}

/// Every buyer's and supplier's profile among `ps` (`members[i]`: process i's member), at
/// threshold `days`: the processes of each party and each member's figures found in one pass,
/// not one pass over every process per party.
pub fn all_profiles(ps: &[Process], members: &[Country], days: f64) -> Vec<Profile> {
    let refs: Vec<&Process> = ps.iter().collect();
    let facts = Facts::of(ps);
    let member = |i: usize| members.get(i).copied();
    let mut per_member: HashMap<Option<Country>, Vec<usize>> = HashMap::new();
    let mut buyers: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut suppliers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in ps.iter().enumerate() {
        per_member.entry(member(i)).or_default().push(i);
        if let Some(b) = &p.buyer {
            buyers.entry(b.as_str()).or_default().push(i);
        }
        for s in p.awards.iter().flat_map(|a| a.suppliers.iter()) {
            let list = suppliers.entry(s.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let figures: HashMap<Option<Country>, KeyFigures> = per_member
        .iter()
        .map(|(c, sel)| (*c, facts.key_figures(sel, days, 1, |_| Some(0)).pop().unwrap_or_default()))
        .collect();
    let mut out = Vec::with_capacity(buyers.len() + suppliers.len());
    for (party, map) in [(Party::Buyer, buyers), (Party::Supplier, suppliers)] {
        let mut keys: Vec<(&str, Vec<usize>)> = map.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (key, mine) in keys {
            let c = mine.first().and_then(|&i| member(i));
            let theirs = figures.get(&c).cloned().unwrap_or_default();
            out.push(profile_of(&refs, &facts, days, party, key, mine, theirs, &member));
        }
    }
    out
}

/// Where the published profiles are and what they were computed with (in the browser's
/// manifest, `digest::Manifest::profiles`): the threshold, and how many files each party's
/// profiles are spread over (`shard`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub days: f64,
    pub buyer: u32,
    pub supplier: u32,
}

impl Published {
    /// The file holding `party`'s profile `key`, if any were published.
    pub fn file(&self, party: Party, key: &str) -> Option<String> {
        let n = self.count(party);
        (n > 0).then(|| shard_file(party, shard(key, n)))
    }

    /// How many files hold `party`'s profiles.
    fn count(&self, party: Party) -> u32 {
        match party {
            Party::Buyer => self.buyer,
            Party::Supplier => self.supplier,
        }
    }
}

/// Which of `n` files holds `key`: FNV-1a over its bytes, so the same key always lands in the
/// same file, whichever build wrote it.
pub fn shard(key: &str, n: u32) -> u32 {
    let h = key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    h % n.max(1)
}

fn shard_file(party: Party, n: u32) -> String {
    format!("ocds/profiles/{}-{n}.json", party.name())
}

/// Version of the profiles' files; a file of another version is not read (the browser then
/// computes the profile from the page's data).
pub const SHARD_FORMAT: u32 = 1;

/// One file of published profiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub format: u32,
    pub profiles: Vec<Profile>,
}

/// Profiles per file, about: a shared link waits for its file (about 4 KiB brotli at 10; 11 KiB
/// at 40, some 40 ms more on a slow phone's network), while more files only cost the host disk.
const PER_SHARD: usize = 10;

impl Shard {
    pub fn parse(file: &str, text: &str) -> Result<Shard, String> {
        let s: Shard = serde_json::from_str(text).map_err(|e| format!("{file}: not a valid file of profiles ({e})"))?;
        if s.format != SHARD_FORMAT {
            return Err(format!("{file}: profiles of format {} (expected {SHARD_FORMAT})", s.format));
        }
        Ok(s)
    }

    pub fn find(&self, party: Party, key: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.party == party && p.key == key)
    }

    /// The files of `profiles` (computed at `days`), each profile's partners cut to those
    /// shown: what the manifest says of them, and (path, text) per file.
    pub fn write(profiles: Vec<Profile>, days: f64) -> (Published, Vec<(String, String)>) {
        let count = |party| profiles.iter().filter(|p| p.party == party).count();
        let shards = |n: usize| if n == 0 { 0 } else { n.div_ceil(PER_SHARD).next_power_of_two().min(4096) as u32 };
        let published =
            Published { days, buyer: shards(count(Party::Buyer)), supplier: shards(count(Party::Supplier)) };
        // Every file, the empty ones too: a file that cannot be read is then an error, never a
        // party without a profile.
        let mut files: std::collections::BTreeMap<String, Vec<Profile>> = [Party::Buyer, Party::Supplier]
            .into_iter()
            .flat_map(|party| (0..published.count(party)).map(move |n| (shard_file(party, n), Vec::new())))
            .collect();
        for mut p in profiles {
            for c in &mut p.concentration {
                c.partners.truncate(PARTNERS_SHOWN);
            }
            if let Some(f) = published.file(p.party, &p.key) {
                files.entry(f).or_default().push(p);
            }
        }
        let files = files
            .into_iter()
            .map(|(f, profiles)| {
                (f, serde_json::to_string(&Shard { format: SHARD_FORMAT, profiles }).unwrap_or_default())
            })
            .collect();
        (published, files)
    }
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

    fn sample() -> Vec<Process> {
        [
            json!({"ocid":"a","buyer":{"id":"B1","name":"Hospital"},"tender":{"procurementMethod":"open","numberOfTenderers":1,"tenderPeriod":{"startDate":"2024-01-01"}},
                "awards":[{"value":{"amount":90,"currency":"CLP"},"suppliers":[{"id":"S1","name":"Sur"}]}]}),
            json!({"ocid":"b","buyer":{"id":"B1"},"tender":{"procurementMethod":"direct","tenderPeriod":{"startDate":"2025-01-01"}},
                "awards":[{"value":{"amount":40,"currency":"CLP"},"suppliers":[{"name":"Norte  s.a."},{"id":"S1"}]}]}),
            json!({"ocid":"c","buyer":{"id":"B2","name":"Escuela"},"tender":{"procurementMethod":"open","numberOfTenderers":3,"tenderPeriod":{"startDate":"2025-01-01"}},
                "awards":[{"value":{"amount":10,"currency":"PEN"},"suppliers":[{"name":"NORTE S.A"}]}]}),
        ]
        .iter()
        .filter_map(Process::from_release)
        .collect()
    }

    #[test]
    fn every_profile_at_once_is_each_profile_computed_alone() {
        let ps = sample();
        let members = [Country::Cl, Country::Cl, Country::Pe];
        let refs: Vec<&Process> = ps.iter().collect();
        let facts = Facts::of(&ps);
        let all = all_profiles(&ps, &members, 15.0);
        let keys: Vec<(Party, &str)> = all.iter().map(|p| (p.party, p.key.as_str())).collect();
        assert_eq!(
            keys,
            [(Party::Buyer, "B1"), (Party::Buyer, "B2"), (Party::Supplier, "NORTE S.A"), (Party::Supplier, "S1")]
        );
        for p in &all {
            let alone = profile(&refs, &facts, 15.0, p.party, &p.key, |i| members.get(i).copied()).unwrap();
            assert_eq!(&alone, p);
        }
        // A supplier matched by name in two members says so; its country is its first process's.
        let norte = &all[2];
        assert_eq!(
            (norte.members.clone(), norte.country, norte.count),
            (vec![Country::Cl, Country::Pe], Some(Country::Cl), 2)
        );
    }

    #[test]
    fn published_profiles_are_read_back_from_their_files() {
        let ps = sample();
        let all = all_profiles(&ps, &[Country::Cl, Country::Cl, Country::Pe], 15.0);
        let (published, files) = Shard::write(all.clone(), 15.0);
        // A handful of profiles: one file per party.
        assert_eq!(published, Published { days: 15.0, buyer: 1, supplier: 1 });
        assert_eq!(
            files.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
            ["ocds/profiles/buyer-0.json", "ocds/profiles/supplier-0.json"]
        );
        for p in &all {
            let file = published.file(p.party, &p.key).unwrap();
            let (_, text) = files.iter().find(|f| f.0 == file).unwrap();
            let back = Shard::parse(&file, text).unwrap();
            let got = back.find(p.party, &p.key).unwrap();
            // All but the processes' indices, which mean nothing outside the page's data (and
            // the last bit of a share: JSON's decimals are read back to the nearest float).
            let mut want = Profile { processes: Vec::new(), ..p.clone() };
            let mut got = got.clone();
            for c in want.concentration.iter_mut().chain(got.concentration.iter_mut()) {
                c.partners.iter_mut().for_each(|x| x.share = (x.share * 1e9).round());
            }
            assert_eq!(got, want);
        }
        assert!(Shard::parse("f", &files[0].1).unwrap().find(Party::Supplier, "B1").is_none());
        // Another format, or not a file of profiles: an error naming the file.
        let other = files[0].1.replacen("\"format\":1", "\"format\":9", 1);
        assert!(Shard::parse("ocds/profiles/buyer-0.json", &other).unwrap_err().contains("format 9"));
        assert!(Shard::parse("x.json", "[1,2]").unwrap_err().starts_with("x.json: not a valid file of profiles"));
        assert!(Shard::parse("x.json", "{\"format\":1,\"profiles\":[{\"party\":\"buyer\"}]}").is_err());
    }

    #[test]
    fn a_key_always_lands_in_the_same_file_and_partners_are_cut_when_published() {
        // FNV-1a's published test values (the empty string, "a").
        assert_eq!(shard("", 1 << 31), 0x011c_9dc5);
        assert_eq!(shard("a", 1 << 31), 0x640c_292c);
        assert_eq!(shard("anything", 0), 0);
        assert!((0..200).all(|i| shard(&format!("PE-S{i:04}"), 16) < 16));
        let p = Published { days: 15.0, buyer: 0, supplier: 8 };
        assert_eq!(p.file(Party::Buyer, "B1"), None);
        assert_eq!(p.file(Party::Supplier, "S1"), Some(format!("ocds/profiles/supplier-{}.json", shard("S1", 8))));
        // Many profiles: files of about ten, a power of two of them; partners cut to those shown.
        let one = all_profiles(&sample(), &[Country::Cl, Country::Cl, Country::Pe], 15.0).remove(0);
        let many: Vec<Profile> = (0..100)
            .map(|i| {
                let mut p = Profile { key: format!("B{i}"), ..one.clone() };
                let partner = p.concentration[0].partners[0].clone();
                p.concentration[0].partners = vec![partner; 30];
                p.concentration[0].count = 30;
                p
            })
            .collect();
        let (published, files) = Shard::write(many, 15.0);
        // Every file is written, however few profiles land in it.
        assert_eq!((published.buyer, published.supplier, files.len()), (16, 0, 16));
        let shard = Shard::parse("f", &files[0].1).unwrap();
        assert!(shard
            .profiles
            .iter()
            .all(|p| p.concentration[0].partners.len() == PARTNERS_SHOWN && p.concentration[0].count == 30));
    }
}
