//! The compact form the publishing step writes for the browser: per source, the fields the
//! indicators use, column by column; repeated text (buyers, suppliers, local method names,
//! currencies) in one string table; dates chained within each process and coded short. Each
//! process keeps the index of the file it came from, so it links to its OCDS data. Measured on
//! 100,000 generated processes: see BENCHMARKS.md.
//!
//! Also the sources manifest (`ocds/sources.json`): which OCDS files the Observatory reads, for
//! which member, local folders digested at publishing time or URLs read in the browser.

use super::process::{year_of, Award, Method, Money, Process};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const FORMAT: u32 = 1;

/// A name in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    pub es: String,
    pub en: String,
}

/// One source of OCDS data, as the manifest names it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// URL-safe id, unique (it names the digest file).
    pub id: String,
    /// Member country code: CL, CO, MX or PE.
    pub country: String,
    pub name: Names,
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// The publisher's page for the data (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Generated or invented data, shown with a "sample" badge.
    #[serde(default)]
    pub sample: bool,
    /// The date of the data (YYYY-MM-DD): the latest `publishedDate` of the source's packages,
    /// written by the publishing step (or set by the editor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// A folder under the OCDS directory, digested by the publishing step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// OCDS files on the web (http or https), read by the browser as published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// The publisher's web page for one process, with `{id}` where the tender's id goes
    /// (`tender.id`), for publishers whose processes have such pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Written by the publishing step: the digest's path in the built site, and its details'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

impl Source {
    /// The publisher's page for the process whose tender id is `id`, if the source has pages.
    pub fn process_page(&self, id: &str) -> Option<String> {
        let template = self.page.as_deref()?;
        let mut encoded = String::new();
        for b in id.trim().bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                encoded.push(b as char);
            } else {
                encoded.push_str(&format!("%{b:02X}"));
            }
        }
        (!encoded.is_empty()).then(|| template.replace("{id}", &encoded))
    }
}

/// What a list of processes shows of each and the indicators do not need, published apart from
/// the digest (`<id>.details.json`), row by row in the digest's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub ocid: Vec<String>,
    #[serde(default)]
    pub title: Vec<Option<String>>,
    #[serde(default)]
    pub tender_id: Vec<Option<String>>,
    #[serde(default)]
    pub document: Vec<Option<String>>,
}

impl Details {
    /// Takes these columns out of a digest's (they are about half its bytes).
    pub fn take(c: &mut Columns) -> Details {
        Details {
            ocid: std::mem::take(&mut c.ocid),
            title: std::mem::take(&mut c.title),
            tender_id: std::mem::take(&mut c.tender_id),
            document: std::mem::take(&mut c.document),
        }
    }

    pub fn parse(file: &str, text: &str) -> Result<Details, String> {
        serde_json::from_str(text).map_err(|e| format!("{file}: not a valid details file ({e})"))
    }

    /// Fills a process's details from row `row`, leaving what it has (URL sources have all).
    pub fn fill(&self, row: usize, p: &mut Process) {
        let get = |v: &[Option<String>]| v.get(row).cloned().flatten();
        if p.ocid.is_empty() {
            p.ocid = self.ocid.get(row).cloned().unwrap_or_default();
        }
        p.title = p.title.take().or_else(|| get(&self.title));
        p.tender_id = p.tender_id.take().or_else(|| get(&self.tender_id));
        p.document = p.document.take().or_else(|| get(&self.document));
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub sources: Vec<Source>,
    /// Yearly exchange rates to US dollars, for comparing members (`fx`).
    #[serde(default, skip_serializing_if = "super::fx::Rates::is_empty")]
    pub rates: super::fx::Rates,
    /// The profiles the publishing step wrote (absent: each profile is computed in the browser).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiles: Option<super::profile::Published>,
}

impl Manifest {
    /// Parses and checks a manifest; each problem says which source and what to fix. Sources
    /// with a problem are left out, the others kept.
    pub fn parse(text: &str) -> (Manifest, Vec<String>) {
        let invalid = |e: serde_json::Error| format!("sources.json: not a valid sources manifest ({e})");
        let mut v: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return (Manifest::default(), vec![invalid(e)]),
        };
        // The rates apart: a bad table of rates costs the dollar figures, not the sources.
        let rates = v.as_object_mut().and_then(|o| o.remove("rates"));
        // So are the published profiles: without them a profile is computed from the data.
        let profiles = v.as_object_mut().and_then(|o| o.remove("profiles"));
        let mut m: Manifest = match serde_json::from_value(v) {
            Ok(m) => m,
            Err(e) => return (Manifest::default(), vec![invalid(e)]),
        };
        let mut problems = Vec::new();
        match rates.map(serde_json::from_value::<super::fx::Rates>) {
            None => {}
            Some(Ok(mut r)) => {
                problems.extend(r.check());
                m.rates = r;
            }
            Some(Err(e)) => problems.push(format!(
                "sources.json: rates: not a table of rates ({e}); amounts are shown without their dollar equivalents"
            )),
        }
        match profiles.map(serde_json::from_value::<super::profile::Published>) {
            None => {}
            Some(Ok(p)) => m.profiles = Some(p),
            Some(Err(e)) => problems.push(format!(
                "sources.json: profiles: not a list of published profiles ({e}); profiles are computed from the data"
            )),
        }
        if m.format != FORMAT {
            problems.push(format!("sources.json: format {} is not supported (expected {FORMAT})", m.format));
            return (Manifest::default(), problems);
        }
        let mut seen = std::collections::HashSet::new();
        m.sources.retain(|s| {
            let at = format!("sources.json: source \"{}\"", s.id);
            let mut bad = |p: String| {
                problems.push(format!("{at}: {p}"));
                false
            };
            if s.id.is_empty() || !s.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                return bad("the id must be letters, digits, '-' or '_'".into());
            }
            if !seen.insert(s.id.clone()) {
                return bad("the id is used twice; give each source its own".into());
            }
            if !matches!(s.country.as_str(), "CL" | "CO" | "MX" | "PE") {
                return bad(format!("country \"{}\" is not a member (use CL, CO, MX or PE)", s.country));
            }
            if s.name.es.trim().is_empty() || s.name.en.trim().is_empty() {
                return bad("the name needs both \"es\" and \"en\"".into());
            }
            if s.folder.is_none() && s.files.is_empty() && s.digest.is_none() {
                return bad("name a \"folder\" (digested when publishing) or \"files\" (URLs)".into());
            }
            if let Some(u) =
                s.files.iter().chain(&s.url).find(|u| !crate::model::SafeUrl::parse(u).is_ok_and(|x| !x.is_mailto()))
            {
                return bad(format!("\"{u}\" is not an http(s) address"));
            }
            if let Some(t) = &s.page {
                let ok = t.contains("{id}")
                    && crate::model::SafeUrl::parse(&t.replace("{id}", "x")).is_ok_and(|x| !x.is_mailto());
                if !ok {
                    return bad(format!(
                        "page \"{t}\" must be an http(s) address with {{id}} where the tender's id goes"
                    ));
                }
            }
            if let Some(f) = &s.folder {
                if f.split('/').any(|p| p == ".." || p.is_empty()) {
                    return bad(format!("folder \"{f}\" must be a plain path under the OCDS folder"));
                }
            }
            true
        });
        (m, problems)
    }
}

/// A source's processes, column by column (each column compresses far better than rows).
/// Dates are chained within a process (the first one present absolute, each later one relative
/// to the previous present one: start, end, awards, signatures) and coded by `time_code`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Columns {
    /// Published apart (`Details`, read only to list processes): the indicators do
    /// not need them, and they are a tenth of the bytes. Empty then; ocids read as "".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocid: Vec<String>,
    /// Likewise published apart (`Details`): what a list of processes shows of each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tender_id: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document: Vec<Option<String>>,
    /// Index into `Digest::files`.
    pub file: Vec<u32>,
    /// Index into `Digest::buyers`.
    pub buyer: Vec<Option<u32>>,
    /// 0 open, 1 selective, 2 limited, 3 direct.
    pub method: Vec<Option<u8>>,
    /// String indices: the local method name, the category, the currencies.
    pub local: Vec<Option<u32>>,
    pub category: Vec<Option<u32>>,
    #[serde(with = "amounts")]
    pub value: Vec<Option<f64>>,
    pub currency: Vec<Option<u32>>,
    pub start: Vec<Option<i64>>,
    pub end: Vec<Option<i64>>,
    pub tenderers: Vec<Option<u32>>,
    /// Awards per process, then each award's fields in one flat column each.
    pub awards: Vec<u32>,
    pub award_date: Vec<Option<i64>>,
    #[serde(with = "amounts")]
    pub award_value: Vec<Option<f64>>,
    pub award_currency: Vec<Option<u32>>,
    pub award_suppliers: Vec<Vec<u32>>,
    /// Signatures per process, then their dates.
    pub signatures: Vec<u32>,
    pub signed: Vec<i64>,
    /// 0: no contract value; 1: the awards' total (same currency, the usual case); 2: its own,
    /// the next entry of `contract_value` and `contract_currency`.
    pub contract: Vec<u8>,
    #[serde(with = "amounts")]
    pub contract_value: Vec<Option<f64>>,
    pub contract_currency: Vec<u32>,
    /// Only for processes without a start date (the year is the start's otherwise).
    pub year: Vec<Option<i32>>,
    /// Cardinal's second-lowest bid ratio per process; left out when no process has one.
    #[serde(default, skip_serializing_if = "all_none", with = "amounts")]
    pub second_bid: Vec<Option<f64>>,
    /// Rows whose method code and local name contradict each other (rare: a list of rows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub method_conflict: Vec<u32>,
}

fn all_none(v: &[Option<f64>]) -> bool {
    v.iter().all(Option::is_none)
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub format: u32,
    pub source: String,
    #[serde(default)]
    pub sample: bool,
    /// Paths of the files read, relative to the site's root (or URLs).
    pub files: Vec<String>,
    /// What could not be read, naming the file.
    #[serde(default)]
    pub problems: Vec<String>,
    pub strings: Vec<String>,
    /// (id, name) string indices of each buyer.
    pub buyers: Vec<(u32, Option<u32>)>,
    /// (key, name) string indices of each supplier with a published name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppliers: Vec<(u32, u32)>,
    pub processes: Columns,
}

/// Amounts written as integers when whole ("735000", not "735000.0"): shorter, same value.
mod amounts {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[Option<f64>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|a| match a {
            Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => serde_json::Value::from(*x as i64),
            Some(x) => serde_json::Value::from(*x),
            None => serde_json::Value::Null,
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<f64>>, D::Error> {
        Vec::<Option<f64>>::deserialize(d)
    }
}

/// The awards' total when every valued award is in `currency`.
fn awards_total(awards: &[Award]) -> Option<Money> {
    let valued: Vec<&Money> = awards.iter().filter_map(|a| a.value.as_ref()).collect();
    let first = valued.first()?;
    valued
        .iter()
        .all(|m| m.currency == first.currency)
        .then(|| Money { amount: valued.iter().map(|m| m.amount).sum(), currency: first.currency.clone() })
}

const METHODS: [Method; 4] = [Method::Open, Method::Selective, Method::Limited, Method::Direct];

/// Seconds as a short number: whole days as `days×3`, whole minutes as `minutes×3+1`, else
/// `seconds×3+2` (dates are mostly whole days or minutes apart).
fn time_code(v: i64) -> i64 {
    let code = if v % 86_400 == 0 {
        (v / 86_400).checked_mul(3)
    } else if v % 60 == 0 {
        (v / 60).checked_mul(3).and_then(|x| x.checked_add(1))
    } else {
        v.checked_mul(3).and_then(|x| x.checked_add(2))
    };
    // Dates come from chrono (a few hundred thousand years at most): never out of range.
    code.unwrap_or(0)
}

fn time_decode(x: i64) -> Option<i64> {
    let (unit, tag) = match x.rem_euclid(3) {
        0 => (86_400, 0),
        1 => (60, 1),
        _ => (1, 2),
    };
    ((x - tag) / 3).checked_mul(unit)
}

#[derive(Default)]
struct Table {
    index: HashMap<String, u32>,
    strings: Vec<String>,
}

impl Table {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(i) = self.index.get(s) {
            return *i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
    fn opt(&mut self, s: &Option<String>) -> Option<u32> {
        s.as_deref().map(|s| self.id(s))
    }
}

/// Dates chained: the first present is absolute, later ones relative to the previous present one.
struct Chain(Option<i64>);

impl Chain {
    fn enc(&mut self, d: Option<i64>) -> Option<i64> {
        let d = d?;
        let out = self.0.map_or(Some(d), |prev| d.checked_sub(prev)).unwrap_or(0);
        self.0 = Some(d);
        Some(time_code(out))
    }
    fn dec(&mut self, v: Option<i64>) -> Option<i64> {
        let v = time_decode(v?)?;
        let d = self.0.map_or(Some(v), |prev| prev.checked_add(v))?;
        self.0 = Some(d);
        Some(d)
    }
}

impl Digest {
    pub fn encode(source: &str, sample: bool, files: Vec<String>, problems: Vec<String>, ps: &[Process]) -> Digest {
        let mut t = Table::default();
        let mut buyers: Vec<(u32, Option<u32>)> = Vec::new();
        let mut buyer_index: HashMap<&str, u32> = HashMap::new();
        let mut c = Columns::default();
        let mut suppliers: Vec<(u32, u32)> = Vec::new();
        let mut named: std::collections::HashSet<u32> = std::collections::HashSet::new();
        for p in ps {
            let mut chain = Chain(None);
            c.ocid.push(p.ocid.clone());
            c.title.push(p.title.clone());
            c.tender_id.push(p.tender_id.clone());
            c.document.push(p.document.clone());
            for (k, n) in &p.names {
                let k = t.id(k);
                if named.insert(k) {
                    suppliers.push((k, t.id(n)));
                }
            }
            c.file.push(p.file);
            c.buyer.push(p.buyer.as_deref().map(|b| {
                *buyer_index.entry(b).or_insert_with(|| {
                    buyers.push((t.id(b), t.opt(&p.buyer_name)));
                    buyers.len() as u32 - 1
                })
            }));
            c.method.push(p.method.and_then(|m| METHODS.iter().position(|x| *x == m)).map(|i| i as u8));
            c.local.push(t.opt(&p.method_details));
            c.category.push(t.opt(&p.category));
            c.value.push(p.tender_value.as_ref().map(|m| m.amount));
            c.currency.push(p.tender_value.as_ref().map(|m| t.id(&m.currency)));
            c.start.push(chain.enc(p.tender_start));
            c.end.push(chain.enc(p.tender_end));
            c.tenderers.push(p.tenderers);
            c.awards.push(p.awards.len() as u32);
            for a in &p.awards {
                c.award_date.push(chain.enc(a.date));
                c.award_value.push(a.value.as_ref().map(|m| m.amount));
                c.award_currency.push(a.value.as_ref().map(|m| t.id(&m.currency)));
                c.award_suppliers.push(a.suppliers.iter().map(|s| t.id(s)).collect());
            }
            c.signatures.push(p.signed.len() as u32);
            c.signed.extend(p.signed.iter().filter_map(|d| chain.enc(Some(*d))));
            match &p.contract_value {
                None => c.contract.push(0),
                Some(m) if Some(m) == awards_total(&p.awards).as_ref() => c.contract.push(1),
                Some(m) => {
                    c.contract.push(2);
                    c.contract_value.push(Some(m.amount));
                    c.contract_currency.push(t.id(&m.currency));
                }
            }
            c.second_bid.push(p.second_bid);
            if p.method_conflict {
                c.method_conflict.push(c.file.len() as u32 - 1);
            }
            c.year.push(if p.tender_start.is_some() && p.tender_start.and_then(year_of) == p.year {
                None
            } else {
                p.year
            });
        }
        Digest {
            format: FORMAT,
            source: source.to_string(),
            sample,
            files,
            problems,
            strings: t.strings,
            buyers,
            suppliers,
            processes: c,
        }
    }

    /// Reads a digest's text; the message names the file.
    pub fn parse(file: &str, text: &str) -> Result<Digest, String> {
        let d: Digest = serde_json::from_str(text)
            .map_err(|e| format!("{file}: not a valid OCDS digest ({e}); truncated, or written by another version?"))?;
        if d.format != FORMAT {
            return Err(format!("{file}: digest format {} is not supported (expected {FORMAT})", d.format));
        }
        Ok(d)
    }

    /// The processes, and how many were left out because the file is damaged (an index past
    /// a table, a column shorter than the others): never a panic.
    pub fn processes(&self) -> (Vec<Process>, usize) {
        let c = &self.processes;
        let n = c.file.len();
        let s = |i: Option<u32>| -> Result<Option<String>, ()> {
            match i {
                None => Ok(None),
                Some(i) => self.strings.get(i as usize).cloned().map(Some).ok_or(()),
            }
        };
        let money = |amount: Option<f64>, cur: Option<u32>| -> Result<Option<Money>, ()> {
            Ok(match amount {
                Some(amount) if amount.is_finite() => Some(Money { amount, currency: s(cur)?.unwrap_or_default() }),
                _ => None,
            })
        };
        fn at<T: Clone>(v: &[T], i: usize) -> Result<T, ()> {
            v.get(i).cloned().ok_or(())
        }
        let names: HashMap<u32, u32> = self.suppliers.iter().copied().collect();
        let (mut a, mut sg, mut cv) = (0usize, 0usize, 0usize);
        let mut row = |i: usize| -> Result<Process, ()> {
            let file = at(&c.file, i)?;
            if file as usize >= self.files.len() {
                return Err(());
            }
            let mut chain = Chain(None);
            let (tender_start, tender_end) = (chain.dec(at(&c.start, i)?), chain.dec(at(&c.end, i)?));
            let n_awards = at(&c.awards, i)? as usize;
            let mut awards = Vec::with_capacity(n_awards.min(64));
            let mut supplier_names: Vec<(String, String)> = Vec::new();
            for k in a..a.checked_add(n_awards).ok_or(())? {
                for x in c.award_suppliers.get(k).ok_or(())? {
                    if let Some(n) = names.get(x) {
                        let key = s(Some(*x))?.unwrap_or_default();
                        if !supplier_names.iter().any(|(k, _)| *k == key) {
                            supplier_names.push((key, s(Some(*n))?.unwrap_or_default()));
                        }
                    }
                }
                awards.push(Award {
                    date: chain.dec(at(&c.award_date, k)?),
                    value: money(at(&c.award_value, k)?, at(&c.award_currency, k)?)?,
                    suppliers: c
                        .award_suppliers
                        .get(k)
                        .ok_or(())?
                        .iter()
                        .map(|x| s(Some(*x)).map(Option::unwrap_or_default))
                        .collect::<Result<_, _>>()?,
                    status: None,
                });
            }
            a += n_awards;
            let n_signed = at(&c.signatures, i)? as usize;
            let signed = c.signed.get(sg..sg.checked_add(n_signed).ok_or(())?).ok_or(())?;
            let signed = signed.iter().filter_map(|d| chain.dec(Some(*d))).collect();
            sg += n_signed;
            let (buyer, buyer_name) = match at(&c.buyer, i)? {
                None => (None, None),
                Some(b) => {
                    let (id, name) = *self.buyers.get(b as usize).ok_or(())?;
                    (s(Some(id))?, s(name)?)
                }
            };
            let contract_value = match at(&c.contract, i)? {
                0 => None,
                1 => awards_total(&awards),
                2 => {
                    cv += 1;
                    money(at(&c.contract_value, cv - 1)?, Some(at(&c.contract_currency, cv - 1)?))?
                }
                _ => return Err(()),
            };
            Ok(Process {
                ocid: c.ocid.get(i).cloned().unwrap_or_default(),
                file,
                buyer,
                buyer_name,
                method: match at(&c.method, i)? {
                    None => None,
                    Some(m) => Some(*METHODS.get(m as usize).ok_or(())?),
                },
                method_details: s(at(&c.local, i)?)?,
                category: s(at(&c.category, i)?)?,
                tender_value: money(at(&c.value, i)?, at(&c.currency, i)?)?,
                tender_start,
                tender_end,
                tenderers: at(&c.tenderers, i)?,
                awards,
                signed,
                contract_value,
                year: tender_start.and_then(year_of).or(at(&c.year, i)?),
                title: c.title.get(i).cloned().flatten(),
                tender_id: c.tender_id.get(i).cloned().flatten(),
                document: c.document.get(i).cloned().flatten(),
                names: supplier_names,
                second_bid: c.second_bid.get(i).copied().flatten().filter(|x| x.is_finite()),
                method_conflict: c.method_conflict.binary_search(&(i as u32)).is_ok(),
            })
        };
        let mut out = Vec::with_capacity(n);
        let mut bad = 0;
        for i in 0..n {
            match row(i) {
                Ok(p) => out.push(p),
                // Award and signature columns are consumed in order: after a damaged count
                // nothing further can be trusted.
                Err(()) => {
                    bad = n - out.len();
                    break;
                }
            }
        }
        (out, bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_processes() -> Vec<Process> {
        let mut texts = Vec::new();
        for dir in ["public/ocds/mexico/jalisco/sample/records", "public/ocds/colombia/sample/releases"] {
            texts.extend(crate::testdata::folder(dir));
        }
        crate::ocds::load(texts.iter().map(|(n, t)| (n.as_str(), t.as_str()))).0
    }

    #[test]
    fn a_digest_gives_back_the_same_processes() {
        let mut ps = sample_processes();
        assert!(ps.len() > 15);
        // The digest does not keep award statuses (no indicator uses them).
        for p in &mut ps {
            for a in &mut p.awards {
                a.status = None;
            }
        }
        let files: Vec<String> = (0..40).map(|i| format!("f{i}.json")).collect();
        let d = Digest::encode("s", false, files, vec![], &ps);
        let text = serde_json::to_string(&d).unwrap();
        let back = Digest::parse("s.json", &text).unwrap();
        let (got, bad) = back.processes();
        assert_eq!(bad, 0);
        assert_eq!(got, ps);
        assert!(got.iter().any(|p| p.file > 0));
    }

    #[test]
    fn details_apart_and_pages_of_processes() {
        let ps = sample_processes();
        let mut d = Digest::encode("s", false, vec!["f.json".into(); 40], vec![], &ps);
        let details = Details::take(&mut d.processes);
        assert!(d.processes.title.is_empty() && d.processes.ocid.is_empty());
        let text = serde_json::to_string(&details).unwrap();
        let details = Details::parse("s.details.json", &text).unwrap();
        let (mut got, _) = d.processes();
        assert!(got.iter().all(|p| p.ocid.is_empty() && p.title.is_none()));
        for (i, p) in got.iter_mut().enumerate() {
            details.fill(i, p);
        }
        assert_eq!(got.iter().map(|p| &p.title).collect::<Vec<_>>(), ps.iter().map(|p| &p.title).collect::<Vec<_>>());
        assert!(got.iter().all(|p| !p.ocid.is_empty()));
        // Supplier names come with the digest (tables show them).
        assert!(got.iter().any(|p| !p.names.is_empty()));
        assert!(Details::parse("x", "[1]").unwrap_err().starts_with("x: not a valid details file"));
        let s = Source {
            page: Some(
                "https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion={id}"
                    .into(),
            ),
            ..Source::default()
        };
        assert_eq!(
            s.process_page("1211839-44-LE26").as_deref(),
            Some("https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=1211839-44-LE26")
        );
        assert!(s.process_page("a&b=c").unwrap().ends_with("=a%26b%3Dc"));
        assert_eq!(s.process_page(" "), None);
        let bad = r#"{"format":1,"sources":[{"id":"a","country":"CL","name":{"es":"a","en":"a"},"publisher":"p","files":["https://example.org/a.json"],"page":"javascript:alert({id})"}]}"#;
        let (m, problems) = Manifest::parse(bad);
        assert!(m.sources.is_empty() && problems[0].contains("must be an http(s) address"), "{problems:?}");
    }

    #[test]
    fn times_are_coded_short_and_exactly() {
        for v in [0, 86_400, -86_400 * 3, 1_596_495_600, 60, -120, 1, -7, 1_596_495_601, 3 * 86_400 + 60] {
            assert_eq!(time_decode(time_code(v)), Some(v), "{v}");
        }
        assert_eq!(time_code(6 * 86_400), 18);
        assert_eq!(time_decode(i64::MAX), None);
    }

    #[test]
    fn damaged_digests_are_reported_not_panicked_on() {
        assert!(Digest::parse("d.json", r#"{"format":1,"source":"#)
            .unwrap_err()
            .starts_with("d.json: not a valid OCDS digest"));
        let empty = r#""processes":{"ocid":[],"file":[],"buyer":[],"method":[],"local":[],"category":[],"value":[],"currency":[],"start":[],"end":[],"tenderers":[],"awards":[],"award_date":[],"award_value":[],"award_currency":[],"award_suppliers":[],"signatures":[],"signed":[],"contract":[],"contract_value":[],"contract_currency":[],"year":[]}"#;
        let text = format!(r#"{{"format":9,"source":"x","files":[],"strings":[],"buyers":[],{empty}}}"#);
        assert!(Digest::parse("d.json", &text).unwrap_err().contains("format 9"));
        let d = |cols: &str| {
            let text = format!(
                r#"{{"format":1,"source":"x","files":["a"],"strings":["B","MXN"],"buyers":[[0,null]],"processes":{{{cols}}}}}"#
            );
            Digest::parse("d.json", &text).unwrap().processes()
        };
        let good = r#""ocid":["ok","next"],"file":[0,0],"buyer":[0,null],"method":[0,null],"local":[null,null],"category":[null,null],"value":[null,null],"currency":[null,null],"start":[300,null],"end":[6,null],"tenderers":[1,null],"awards":[1,0],"award_date":[3],"award_value":[5.0],"award_currency":[1],"award_suppliers":[[0]],"signatures":[0,0],"signed":[],"contract":[1,0],"contract_value":[],"contract_currency":[],"year":[null,2019]"#;
        let (ps, bad) = d(good);
        assert_eq!(bad, 0);
        assert_eq!(
            (ps[0].tender_start, ps[0].tender_end, ps[0].awards[0].date),
            (Some(8_640_000), Some(8_812_800), Some(8_899_200))
        );
        assert_eq!((ps[0].buyer.as_deref(), ps[0].year, ps[1].year), (Some("B"), Some(1970), Some(2019)));
        assert_eq!(ps[0].contract_value, Some(Money { amount: 5.0, currency: "MXN".into() }));
        // A currency index past the table: that process and the rest are left out, counted.
        let (ps, bad) = d(&good.replace(r#""award_currency":[1]"#, r#""award_currency":[7]"#));
        assert_eq!((ps.len(), bad), (0, 2));
        // A column shorter than the others, a file or buyer past its table, a bad method.
        for (from, to) in [
            (r#""tenderers":[1,null]"#, r#""tenderers":[1]"#),
            (r#""file":[0,0]"#, r#""file":[0,4]"#),
            (r#""buyer":[0,null]"#, r#""buyer":[0,3]"#),
            (r#""method":[0,null]"#, r#""method":[0,9]"#),
            (r#""awards":[1,0]"#, r#""awards":[1,4000000000]"#),
            (r#""contract":[1,0]"#, r#""contract":[1,2]"#),
        ] {
            let (ps, bad) = d(&good.replace(from, to));
            assert_eq!((ps.len(), bad), (1, 1), "{to}");
        }
    }

    #[test]
    fn manifest_problems_name_the_source() {
        let text = r#"{"format":1,"sources":[
            {"id":"ok","country":"MX","name":{"es":"A","en":"A"},"publisher":"P","folder":"mexico/cdmx"},
            {"id":"ok","country":"MX","name":{"es":"A","en":"A"},"publisher":"P","folder":"x"},
            {"id":"us","country":"US","name":{"es":"A","en":"A"},"publisher":"P","folder":"x"},
            {"id":"js","country":"PE","name":{"es":"A","en":"A"},"publisher":"P","files":["javascript:alert(1)"]},
            {"id":"up","country":"CL","name":{"es":"A","en":"A"},"publisher":"P","folder":"../etc"},
            {"id":"none","country":"CL","name":{"es":"A","en":""},"publisher":"P","folder":"x"}]}"#;
        let (m, problems) = Manifest::parse(text);
        assert_eq!(m.sources.len(), 1);
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems[0].contains("\"ok\": the id is used twice"));
        assert!(problems[1].contains("country \"US\""));
        assert!(problems[2].contains("javascript:alert(1)"));
        assert!(problems[3].contains("../etc"));
        assert!(problems[4].contains("both \"es\" and \"en\""));
        assert!(Manifest::parse("{").1[0].starts_with("sources.json: not a valid"));
    }

    #[test]
    fn a_manifest_says_where_the_published_profiles_are_and_a_bad_entry_costs_only_them() {
        let source = r#"{"id":"ok","country":"MX","name":{"es":"A","en":"A"},"publisher":"P","folder":"x"}"#;
        let good = format!(r#"{{"format":1,"sources":[{source}],"profiles":{{"days":15,"buyer":2,"supplier":8}}}}"#);
        let (m, problems) = Manifest::parse(&good);
        assert!(problems.is_empty(), "{problems:?}");
        let p = m.profiles.clone().unwrap();
        assert_eq!((p.days, p.buyer, p.supplier), (15.0, 2, 8));
        assert_eq!(Manifest::parse(&serde_json::to_string(&m).unwrap()).0, m);
        let bad = format!(r#"{{"format":1,"sources":[{source}],"profiles":{{"days":"x"}}}}"#);
        let (m, problems) = Manifest::parse(&bad);
        assert_eq!((m.sources.len(), m.profiles), (1, None));
        assert!(problems[0].starts_with("sources.json: profiles: not a list of published profiles"), "{problems:?}");
        // None published: nothing said.
        assert_eq!(Manifest::parse(&format!(r#"{{"format":1,"sources":[{source}]}}"#)).0.profiles, None);
    }
}
