//! Each process's facts, interned and in compact rows, built in parts (`FactsBuilder`).

use super::*;

/// One process's facts: what each indicator takes from it, or why it cannot. Text is interned
/// (`Facts::names`), so summarising compares numbers, not strings.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub method: Option<Method>,
    pub(super) local: Option<u32>,
    /// Tender value, else contracted value: (currency, amount).
    pub(super) value: Option<(u32, f64)>,
    pub competitive: Result<bool, Reason>,
    pub tenderers: Result<u32, Reason>,
    pub open_tender_days: Result<f64, Reason>,
    pub tender_days: Result<f64, Reason>,
    pub decision_days: Result<f64, Reason>,
    pub signature_days: Result<f64, Reason>,
    pub ratio: Result<f64, Reason>,
    /// Buyer and whether the method is competitive (buyers' use of non-competitive methods).
    pub buyer_method: Result<(u32, bool), Reason>,
    /// Buyer, and this process's range in `Facts::supplies`.
    pub supply: Result<(u32, u32, u32), Reason>,
    /// Bit i set: lacks `KEY_FIELDS[i]`.
    pub missing: u8,
    /// The process's year (time series group by it).
    pub year: Option<i32>,
    /// This process's range in `Facts::awarded`: the keys of every award's suppliers.
    pub(super) awarded: (u32, u32),
    /// Cardinal's second-lowest bid ratio (R024, R058).
    pub second_bid: Option<f64>,
}

/// A quantile as Cardinal computes it (statrs: Hyndman and Fan's type 8, approximately
/// median-unbiased), of values sorted ascending.
pub fn quantile_type8(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    let (first, last) = (*sorted.first()?, *sorted.last()?);
    let h = (n as f64 + 1.0 / 3.0) * p + 1.0 / 3.0;
    if h <= 1.0 {
        return Some(first);
    }
    if h >= n as f64 {
        return Some(last);
    }
    let lo = h.floor() as usize;
    let (x, y) = (sorted[lo - 1], sorted[lo]);
    Some(x + (h - lo as f64) * (y - x))
}

/// R024 and R058 over a selection: the fences from its ratios (Q1 − 1.5 IQR, Q3 + 1.5 IQR) and
/// the flagged positions, with Cardinal's guards (R024 only when Q1 and the fence are above 0,
/// R058 when its fence is).
pub(super) fn bid_flags(ratios: &[(usize, f64)], total: usize, detail: Detail) -> (Share, Share) {
    let mut sorted: Vec<f64> = ratios.iter().map(|r| r.1).collect();
    sorted.sort_unstable_by(f64::total_cmp);
    let mut coverage = Coverage { used: ratios.len(), ..Coverage::default() };
    coverage.excluded[Reason::NoComparableBids as usize] = total - ratios.len();
    let (q1, q3) = (quantile_type8(&sorted, 0.25), quantile_type8(&sorted, 0.75));
    let flag = |keep: &dyn Fn(f64) -> bool| {
        let hits: Vec<usize> = ratios.iter().filter(|r| keep(r.1)).map(|r| r.0).collect();
        let used = coverage.used;
        Share {
            share: (used > 0).then(|| hits.len() as f64 / used as f64),
            count: hits.len(),
            hits: if detail == Detail::Positions { hits } else { Vec::new() },
            coverage: coverage.clone(),
        }
    };
    match (q1, q3) {
        (Some(q1), Some(q3)) => {
            let (lower, upper) = ((q3 - q1).mul_add(-1.5, q1), (q3 - q1).mul_add(1.5, q3));
            let close = if q1 > 0.0 && lower > 0.0 { flag(&|x| x <= lower) } else { flag(&|_| false) };
            let discounted = if upper > 0.0 { flag(&|x| x >= upper) } else { flag(&|_| false) };
            (close, discounted)
        }
        _ => (flag(&|_| false), flag(&|_| false)),
    }
}

/// What the filters select a process on, kept apart from its other facts so that a filter
/// change walks 16 bytes per process, not the whole fact; text interned (`Facts::names`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Selectors {
    year: i32,
    buyer: u32,
    category: u32,
    pub method: Option<Method>,
}

/// "None" in a selector's column (no year 2³¹ − 1 nor 4 billion texts is read).
const NONE_I32: i32 = i32::MIN;
const NONE_U32: u32 = u32::MAX;

impl Selectors {
    pub fn year(&self) -> Option<i32> {
        (self.year != NONE_I32).then_some(self.year)
    }
    pub fn buyer(&self) -> Option<u32> {
        (self.buyer != NONE_U32).then_some(self.buyer)
    }
    pub fn category(&self) -> Option<u32> {
        (self.category != NONE_U32).then_some(self.category)
    }
}

/// Facts of many processes, with their interned text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub facts: Vec<Fact>,
    /// Per process (as `facts`).
    pub selectors: Vec<Selectors>,
    pub names: Vec<String>,
    /// Each interned text's position in `names`.
    pub(super) index: HashMap<String, u32>,
    /// A buyer's or supplier's name as published (the first one met), by its interned id or
    /// key, both interned: tables show names,
    /// filters and links keep ids.
    pub(super) labels: IdMap<u32, u32>,
    /// (key, amount) per valued award and supplier (a joint award's value split evenly among
    /// its suppliers); a key is one (buyer, currency, supplier), so summing needs no hashing.
    pub(super) supplies: Vec<(u32, f64)>,
    /// Per key: its (buyer, currency) group and its supplier.
    pub(super) keys: Vec<(u32, u32)>,
    /// Per group: buyer and currency.
    pub(super) groups: Vec<(u32, u32)>,
    /// Supplier keys of every award, valued or not (`Fact::awarded` ranges over it).
    pub(super) awarded: Vec<u32>,
}

/// A small, fast hasher for interned ids (the standard one is built to resist attacks on text
/// keys, and costs several times more here).
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub(super) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Builds `Facts` a part at a time, so a page can let the browser breathe between parts:
/// `add` processes (in order), then take `facts`.
#[derive(Default)]
pub struct FactsBuilder {
    pub facts: Facts,
    pub(super) key_index: IdMap<(u32, u32), u32>,
    pub(super) group_index: IdMap<(u32, u32), u32>,
}

impl FactsBuilder {
    pub(super) fn id(&mut self, s: &str) -> u32 {
        if let Some(i) = self.facts.index.get(s) {
            return *i;
        }
        let names = &mut self.facts.names;
        names.push(s.to_string());
        self.facts.index.insert(s.to_string(), names.len() as u32 - 1);
        names.len() as u32 - 1
    }

    pub fn add<P: Borrow<Process>>(&mut self, ps: &[P]) {
        for p in ps.iter().map(Borrow::borrow) {
            let local = p.method_details.as_deref().map(|s| self.id(s));
            let value = p.tender_value.as_ref().or(p.contract_value.as_ref()).map(|m| (self.id(&m.currency), m.amount));
            let buyer = p.buyer.as_deref().map(|b| self.id(b));
            if let (Some(b), Some(n)) = (buyer, p.buyer_name.as_deref()) {
                if !self.facts.labels.contains_key(&b) {
                    let n = self.id(n);
                    self.facts.labels.insert(b, n);
                }
            }
            for (k, n) in &p.names {
                let k = self.id(k);
                if !self.facts.labels.contains_key(&k) {
                    let n = self.id(n);
                    self.facts.labels.insert(k, n);
                }
            }
            let buyer_method = match (buyer, method(p)) {
                (None, _) => Err(Reason::NoBuyer),
                (_, Err(e)) => Err(e),
                (Some(b), Ok(m)) => Ok((b, m.competitive())),
            };
            let supply = match concentration_use(p) {
                Err(e) => Err(e),
                Ok(_) => {
                    let start = self.facts.supplies.len() as u32;
                    let b = buyer.unwrap_or(0);
                    for a in &p.awards {
                        let Some(v) = a.value.as_ref().filter(|v| v.amount > 0.0) else { continue };
                        let each = v.amount / a.suppliers.len().max(1) as f64;
                        let cur = self.id(&v.currency);
                        let f = &mut self.facts;
                        let g = *self.group_index.entry((b, cur)).or_insert_with(|| {
                            f.groups.push((b, cur));
                            f.groups.len() as u32 - 1
                        });
                        for s in &a.suppliers {
                            let s = self.id(s);
                            let f = &mut self.facts;
                            let key = *self.key_index.entry((g, s)).or_insert_with(|| {
                                f.keys.push((g, s));
                                f.keys.len() as u32 - 1
                            });
                            f.supplies.push((key, each));
                        }
                    }
                    Ok((b, start, self.facts.supplies.len() as u32))
                }
            };
            let from = self.facts.awarded.len() as u32;
            for s in p.awards.iter().flat_map(|a| &a.suppliers) {
                let s = self.id(s);
                self.facts.awarded.push(s);
            }
            let awarded = (from, self.facts.awarded.len() as u32);
            let category = p.category.as_deref().map(|c| self.id(c));
            let missing = KEY_FIELDS.iter().enumerate().fold(0u8, |m, (i, (_, lacks))| m | (u8::from(lacks(p)) << i));
            self.facts.selectors.push(Selectors {
                // A year of i32::MIN is none (no date reads as that year).
                year: p.year.unwrap_or(NONE_I32),
                buyer: buyer.unwrap_or(NONE_U32),
                category: category.unwrap_or(NONE_U32),
                method: p.method,
            });
            self.facts.facts.push(Fact {
                method: p.method,
                local,
                value,
                competitive: competitive(p),
                tenderers: tenderers(p),
                open_tender_days: open_tender_days(p),
                tender_days: tender_days(p),
                decision_days: decision_days(p),
                signature_days: signature_days(p),
                ratio: contracted_ratio(p),
                buyer_method,
                supply,
                missing,
                year: p.year,
                awarded,
                second_bid: p.second_bid,
            });
        }
    }
}

impl Facts {
    pub fn of<P: Borrow<Process>>(ps: &[P]) -> Facts {
        let mut b = FactsBuilder::default();
        b.add(ps);
        b.facts
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Where `s` is interned, if any process has it.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    /// The supplier keys of process `i`'s awards.
    pub fn awarded(&self, i: usize) -> &[u32] {
        match self.facts.get(i) {
            Some(f) => self.awarded.get(f.awarded.0 as usize..f.awarded.1 as usize).unwrap_or(&[]),
            None => &[],
        }
    }

    /// An interned text (an id, a name, a currency's code).
    pub fn name(&self, i: u32) -> String {
        self.names.get(i as usize).cloned().unwrap_or_default()
    }

    /// The published name of the buyer or supplier interned at `i`, if the data has one.
    pub(super) fn label(&self, i: u32) -> Option<String> {
        self.labels.get(&i).map(|n| self.name(*n))
    }
}
