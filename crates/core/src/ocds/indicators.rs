//! Procurement indicators over processes, each with its coverage: how many processes it could
//! use and, for the others, why they were left out. Methods follow OCP's indicator catalogue
//! and Cardinal (open-contracting/cardinal-rs) where it defines them: R003 (short submission
//! period: open procedures, tender period under a threshold, 15 days by default) and R018
//! (single bid: competitive procedures, i.e. open or selective, with one tenderer).
//!
//! Two steps, for speed at 100,000 processes: each process's facts are worked out once
//! (`Facts::of`: the rules of every indicator live there), then a selection is summarised in
//! one pass over compact rows (`Facts::summary`), which is what a filter change re-runs.

use super::process::{Method, Process};
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const DAY: f64 = 86_400.0;

/// Why a process was left out of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    NoMethod,
    NotCompetitive,
    NotOpen,
    NoTenderers,
    NoTenderPeriod,
    PeriodEndsBeforeStart,
    /// A tender period that starts and ends at the same instant: a placeholder (Peru's
    /// SEACE publishes the same day at midnight for both), not a period of no days.
    ZeroLengthPeriod,
    NoAwardDate,
    AwardBeforeTenderEnd,
    NoSignature,
    SignedBeforeAward,
    NoValue,
    /// An estimated value of 0: "not published" (four of Peru's sample), not a free purchase.
    ZeroValue,
    OtherCurrency,
    NoBuyer,
    NoSupplier,
    /// No comparable bids (R024, R058): see `process::second_bid_ratio`.
    NoComparableBids,
    /// The method's code and its local name contradict each other.
    ContradictoryMethod,
}

impl Reason {
    pub const ALL: [Reason; 18] = [
        Reason::NoMethod,
        Reason::NotCompetitive,
        Reason::NotOpen,
        Reason::NoTenderers,
        Reason::NoTenderPeriod,
        Reason::PeriodEndsBeforeStart,
        Reason::ZeroLengthPeriod,
        Reason::NoAwardDate,
        Reason::AwardBeforeTenderEnd,
        Reason::NoSignature,
        Reason::SignedBeforeAward,
        Reason::NoValue,
        Reason::ZeroValue,
        Reason::OtherCurrency,
        Reason::NoBuyer,
        Reason::NoSupplier,
        Reason::NoComparableBids,
        Reason::ContradictoryMethod,
    ];
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    pub used: usize,
    /// Processes left out, per reason (indexed like `Reason::ALL`).
    excluded: [usize; Reason::ALL.len()],
}

impl Coverage {
    fn skip(&mut self, r: Reason) {
        self.excluded[r as usize] += 1;
    }
    fn count<T>(&mut self, r: &Result<T, Reason>) {
        match r {
            Ok(_) => self.used += 1,
            Err(e) => self.skip(*e),
        }
    }
    pub fn total(&self) -> usize {
        self.used + self.excluded.iter().sum::<usize>()
    }
    /// How many were left out for a reason.
    pub fn excluded(&self, r: Reason) -> usize {
        self.excluded[r as usize]
    }
    /// (reason, processes) for every reason that left some out.
    pub fn reasons(&self) -> Vec<(Reason, usize)> {
        Reason::ALL.iter().map(|r| (*r, self.excluded(*r))).filter(|(_, n)| *n > 0).collect()
    }
}

/// A share (0–1) of the processes used, and how many are in its numerator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Share {
    pub share: Option<f64>,
    pub count: usize,
    /// The numerator's processes (positions in the selection), when asked for (`Detail::Positions`).
    pub hits: Vec<usize>,
    pub coverage: Coverage,
}

/// Durations or counts, with their summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Values outside the interquartile fences (decision period only).
    pub outlier_count: usize,
    /// (position in the selection, value) of every process used, when asked for.
    pub values: Vec<(usize, f64)>,
    /// Positions of the outliers, when asked for.
    pub outliers: Vec<usize>,
    pub coverage: Coverage,
}

/// Whether a summary lists the processes behind each number (for a drill-down) or only counts
/// them (for the dashboard, which a filter change recomputes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Counts,
    Positions,
}

/// A stats indicator being summed: the sum, and each value with its position if asked for.
/// Quantiles come from `Facts::quantiles` either way.
struct StatsAcc {
    coverage: Coverage,
    sum: f64,
    values: Vec<(usize, f64)>,
}

impl StatsAcc {
    fn new(n: usize, detail: Detail) -> Self {
        let n = if detail == Detail::Positions { n } else { 0 };
        StatsAcc { coverage: Coverage::default(), sum: 0.0, values: Vec::with_capacity(n) }
    }
    fn add(&mut self, k: usize, r: &Result<f64, Reason>, detail: Detail) {
        match r {
            Ok(x) => {
                self.coverage.used += 1;
                self.sum += x;
                if detail == Detail::Positions {
                    self.values.push((k, *x));
                }
            }
            Err(e) => self.coverage.skip(*e),
        }
    }
    /// Mean; median and (for `outliers`) the values beyond the interquartile fences, read from
    /// the sorted orders; the outliers' positions when the values were kept.
    fn finish(self, facts: &Facts, j: usize, selected: &[bool], outliers: bool) -> Stats {
        let n = self.coverage.used;
        let mean = (n > 0).then(|| self.sum / n as f64);
        let [q1, median, q3] = facts.quantiles(j, selected, n, [0.25, 0.5, 0.75]);
        let mut s = Stats { mean, median, coverage: self.coverage, values: self.values, ..Stats::default() };
        if let (true, Some(q1), Some(q3)) = (outliers, q1, q3) {
            let iqr = q3 - q1;
            let (lo, hi) = (q1 - 1.5 * iqr, q3 + 1.5 * iqr);
            s.outlier_count = facts.count_outside(j, selected, lo, hi);
            s.outliers = s.values.iter().filter(|(_, x)| *x < lo || *x > hi).map(|(i, _)| *i).collect();
        }
        s
    }
}

/// A share being summed.
#[derive(Default)]
struct ShareAcc {
    coverage: Coverage,
    count: usize,
    hits: Vec<usize>,
}

impl ShareAcc {
    fn add<T>(&mut self, k: usize, r: &Result<T, Reason>, hit: impl Fn(&T) -> bool, detail: Detail) {
        match r {
            Ok(x) => {
                self.coverage.used += 1;
                if hit(x) {
                    self.count += 1;
                    if detail == Detail::Positions {
                        self.hits.push(k);
                    }
                }
            }
            Err(e) => self.coverage.skip(*e),
        }
    }
    fn finish(self) -> Share {
        let share = (self.coverage.used > 0).then(|| self.count as f64 / self.coverage.used as f64);
        Share { share, count: self.count, hits: self.hits, coverage: self.coverage }
    }
}

// The rules, one per indicator, on one process.

fn first_award_date(p: &Process) -> Option<i64> {
    p.awards.iter().filter_map(|a| a.date).min()
}

/// The method, unless missing or contradicted by its local name.
fn method(p: &Process) -> Result<Method, Reason> {
    match p.method {
        _ if p.method_conflict => Err(Reason::ContradictoryMethod),
        None => Err(Reason::NoMethod),
        Some(m) => Ok(m),
    }
}

fn competitive(p: &Process) -> Result<bool, Reason> {
    method(p).map(Method::competitive)
}

/// Tenderers of a competitive process (single bid, bidders).
fn tenderers(p: &Process) -> Result<u32, Reason> {
    let m = method(p)?;
    match p.tenderers {
        _ if !m.competitive() => Err(Reason::NotCompetitive),
        None => Err(Reason::NoTenderers),
        Some(n) => Ok(n),
    }
}

fn tender_days(p: &Process) -> Result<f64, Reason> {
    match (p.tender_start, p.tender_end) {
        (Some(s), Some(e)) if e == s => Err(Reason::ZeroLengthPeriod),
        (Some(s), Some(e)) if e > s => Ok((e - s) as f64 / DAY),
        (Some(_), Some(_)) => Err(Reason::PeriodEndsBeforeStart),
        _ => Err(Reason::NoTenderPeriod),
    }
}

/// R003's tender period: open procedures only.
fn open_tender_days(p: &Process) -> Result<f64, Reason> {
    match method(p)? {
        Method::Open => tender_days(p),
        _ => Err(Reason::NotOpen),
    }
}

/// Decision period: first award date minus tender end, in days.
fn decision_days(p: &Process) -> Result<f64, Reason> {
    match (p.tender_end, first_award_date(p)) {
        (None, _) => Err(Reason::NoTenderPeriod),
        (_, None) => Err(Reason::NoAwardDate),
        (Some(end), Some(aw)) if aw < end => Err(Reason::AwardBeforeTenderEnd),
        (Some(end), Some(aw)) => Ok((aw - end) as f64 / DAY),
    }
}

/// Days from the first award to the first contract signature.
fn signature_days(p: &Process) -> Result<f64, Reason> {
    match (first_award_date(p), p.signed.iter().min()) {
        (None, _) => Err(Reason::NoAwardDate),
        (_, None) => Err(Reason::NoSignature),
        (Some(aw), Some(s)) if *s < aw => Err(Reason::SignedBeforeAward),
        (Some(aw), Some(s)) => Ok((s - aw) as f64 / DAY),
    }
}

/// Contracted value over estimated (tender) value, in the same currency.
fn contracted_ratio(p: &Process) -> Result<f64, Reason> {
    match (&p.tender_value, &p.contract_value) {
        (Some(t), Some(c)) if t.currency != c.currency => Err(Reason::OtherCurrency),
        (Some(t), Some(c)) if t.amount > 0.0 => Ok(c.amount / t.amount),
        (Some(t), Some(_)) if t.amount == 0.0 => Err(Reason::ZeroValue),
        _ => Err(Reason::NoValue),
    }
}

/// Whether a process counts for supplier concentration: a buyer, and awards with a value and
/// suppliers. Its buyer, or why it is left out.
pub fn concentration_use(p: &Process) -> Result<&String, Reason> {
    let buyer = p.buyer.as_ref().ok_or(Reason::NoBuyer)?;
    let mut valued = p.awards.iter().filter(|a| a.value.as_ref().is_some_and(|v| v.amount > 0.0)).peekable();
    if valued.peek().is_none() {
        return Err(Reason::NoValue);
    }
    if valued.all(|a| a.suppliers.is_empty()) {
        return Err(Reason::NoSupplier);
    }
    Ok(buyer)
}

/// Key fields and how many of `ps` lack each (the dashboard counts them in its one pass).
pub fn missing_fields(ps: &[Process]) -> Vec<(&'static str, usize)> {
    KEY_FIELDS.iter().map(|(f, lacks)| (*f, ps.iter().filter(|p| lacks(p)).count())).collect()
}

/// Tells whether a process lacks a field.
pub type Lacks = fn(&Process) -> bool;

/// Key fields, and how to tell a process lacks each.
pub const KEY_FIELDS: [(&str, Lacks); 8] = [
    ("buyer", |p| p.buyer.is_none()),
    ("tender.procurementMethod", |p| p.method.is_none()),
    ("tender.value", |p| p.tender_value.is_none()),
    ("tender.tenderPeriod", |p| p.tender_start.is_none() || p.tender_end.is_none()),
    ("tender.numberOfTenderers", |p| p.tenderers.is_none()),
    ("awards.date", |p| first_award_date(p).is_none()),
    ("awards.suppliers", |p| p.awards.iter().all(|a| a.suppliers.is_empty())),
    ("contracts.dateSigned", |p| p.signed.is_empty()),
];

/// One process's facts: what each indicator takes from it, or why it cannot. Text is interned
/// (`Facts::names`), so summarising compares numbers, not strings.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub method: Option<Method>,
    local: Option<u32>,
    /// Tender value, else contracted value: (currency, amount).
    value: Option<(u32, f64)>,
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
fn bid_flags(ratios: &[(usize, f64)], total: usize, detail: Detail) -> (Share, Share) {
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

/// Facts of many processes, with their interned text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub facts: Vec<Fact>,
    pub names: Vec<String>,
    /// A buyer's or supplier's name as published (the first one met), by its interned id or
    /// key, both interned: tables show names,
    /// filters and links keep ids.
    labels: IdMap<u32, u32>,
    /// (key, amount) per valued award and supplier (a joint award's value split evenly among
    /// its suppliers); a key is one (buyer, currency, supplier), so summing needs no hashing.
    supplies: Vec<(u32, f64)>,
    /// Per key: its (buyer, currency) group and its supplier.
    keys: Vec<(u32, u32)>,
    /// Per group: buyer and currency.
    groups: Vec<(u32, u32)>,
    /// Per stats indicator (`STATS`), the processes with a value, sorted by it: a selection's
    /// quantiles are then read in one walk, with no sorting or selecting per filter change.
    orders: [Vec<u32>; STATS_COUNT],
}

/// The stats indicators, in the order of `Facts::orders`.
type Value = fn(&Fact) -> Result<f64, Reason>;
const STATS: [Value; 5] =
    [|f| f.tenderers.map(f64::from), |f| f.tender_days, |f| f.decision_days, |f| f.signature_days, |f| f.ratio];

/// A small, fast hasher for interned ids (the standard one is built to resist attacks on text
/// keys, and costs several times more here).
#[derive(Default)]
struct IdHasher(u64);

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

type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Builds `Facts` a part at a time, so a page can let the browser breathe between parts:
/// `add` processes (in order), then `sort` each stats indicator's order, then take `facts`.
#[derive(Default)]
pub struct FactsBuilder {
    pub facts: Facts,
    index: HashMap<String, u32>,
    key_index: IdMap<(u32, u32), u32>,
    group_index: IdMap<(u32, u32), u32>,
}

impl FactsBuilder {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(i) = self.index.get(s) {
            return *i;
        }
        let names = &mut self.facts.names;
        names.push(s.to_string());
        self.index.insert(s.to_string(), names.len() as u32 - 1);
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
            let missing = KEY_FIELDS.iter().enumerate().fold(0u8, |m, (i, (_, lacks))| m | (u8::from(lacks(p)) << i));
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
                second_bid: p.second_bid,
            });
        }
    }

    /// Sorts stats indicator `j`'s order (once every process is added).
    pub fn sort(&mut self, j: usize) {
        let (Some(value), facts) = (STATS.get(j), &self.facts.facts) else { return };
        let mut order: Vec<(f64, u32)> =
            facts.iter().enumerate().filter_map(|(i, x)| Some((value(x).ok()?, i as u32))).collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        self.facts.orders[j] = order.into_iter().map(|x| x.1).collect();
    }
}

/// The number of stats indicators (`FactsBuilder::sort` takes each).
pub const STATS_COUNT: usize = 5;

impl Facts {
    pub fn of<P: Borrow<Process>>(ps: &[P]) -> Facts {
        let mut b = FactsBuilder::default();
        b.add(ps);
        for j in 0..STATS_COUNT {
            b.sort(j);
        }
        b.facts
    }

    /// Quantiles (type 7) of stats indicator `j` over the selected processes, `n` of which have
    /// a value: one walk of the indicator's sorted order.
    fn quantiles<const Q: usize>(&self, j: usize, selected: &[bool], n: usize, qs: [f64; Q]) -> [Option<f64>; Q] {
        let mut out = [None; Q];
        if n == 0 {
            return out;
        }
        // The ranks each quantile needs: floor and ceil of q·(n−1).
        let ranks: Vec<(usize, usize, f64)> = qs
            .iter()
            .map(|q| {
                let pos = q.clamp(0.0, 1.0) * (n - 1) as f64;
                (pos.floor() as usize, pos.ceil() as usize, pos - pos.floor())
            })
            .collect();
        let last = ranks.iter().map(|r| r.1).max().unwrap_or(0);
        let mut at: Vec<(usize, f64)> = Vec::with_capacity(2 * Q);
        let mut r = 0;
        for &i in &self.orders[j] {
            if !selected.get(i as usize).copied().unwrap_or(false) {
                continue;
            }
            if ranks.iter().any(|x| x.0 == r || x.1 == r) {
                if let Some(v) = self.facts.get(i as usize).and_then(|f| STATS[j](f).ok()) {
                    at.push((r, v));
                }
            }
            if r == last {
                break;
            }
            r += 1;
        }
        let value = |rank: usize| at.iter().find(|x| x.0 == rank).map(|x| x.1);
        for (o, (lo, hi, frac)) in out.iter_mut().zip(ranks) {
            if let (Some(a), Some(b)) = (value(lo), value(hi)) {
                *o = Some(a + (b - a) * frac);
            }
        }
        out
    }

    /// How many selected values of stats indicator `j` lie outside `[lo, hi]`.
    fn count_outside(&self, j: usize, selected: &[bool], lo: f64, hi: f64) -> usize {
        let value = |i: u32| self.facts.get(i as usize).and_then(|f| STATS[j](f).ok());
        let below = self.orders[j]
            .iter()
            .filter(|i| selected.get(**i as usize).copied().unwrap_or(false))
            .take_while(|i| value(**i).is_some_and(|v| v < lo))
            .count();
        let above = self.orders[j]
            .iter()
            .rev()
            .filter(|i| selected.get(**i as usize).copied().unwrap_or(false))
            .take_while(|i| value(**i).is_some_and(|v| v > hi))
            .count();
        below + above
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// An interned text (an id, a name, a currency's code).
    pub fn name(&self, i: u32) -> String {
        self.names.get(i as usize).cloned().unwrap_or_default()
    }

    /// The published name of the buyer or supplier interned at `i`, if the data has one.
    fn label(&self, i: u32) -> Option<String> {
        self.labels.get(&i).map(|n| self.name(*n))
    }

    /// Every indicator over the processes `sel` (indices into the facts), in one pass.
    /// `days` is R003's threshold; `top_n` the suppliers counted per buyer.
    /// The per-buyer tables keep their first `rows` rows (the counts say how many there were).
    pub fn summary(&self, sel: &[usize], days: f64, top_n: usize, detail: Detail, rows: usize) -> Summary {
        let n = sel.len();
        let mut mix: Vec<MixRow> = Vec::new();
        let mut mix_cov = Coverage::default();
        let (mut competitive, mut single, mut short) = (ShareAcc::default(), ShareAcc::default(), ShareAcc::default());
        let mut bidders = StatsAcc::new(n, detail);
        let (mut tendering, mut decision) = (StatsAcc::new(n, detail), StatsAcc::new(n, detail));
        let (mut signature, mut ratio) = (StatsAcc::new(n, detail), StatsAcc::new(n, detail));
        let mut buyer_cov = Coverage::default();
        // Per buyer (by name id): (processes, non-competitive ones); dense, no hashing.
        let mut per_buyer: Vec<(u32, u32)> = vec![(0, 0); self.names.len()];
        let mut conc_cov = Coverage::default();
        // Value per key (0: untouched, as every amount counted is positive), and the keys met.
        let mut supplied = vec![0.0f64; self.keys.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut missing = [0usize; 8];
        let mut ratios: Vec<(usize, f64)> = Vec::new();
        for (k, &i) in sel.iter().enumerate() {
            let Some(f) = self.facts.get(i) else { continue };
            if let Some(r) = f.second_bid {
                ratios.push((k, r));
            }
            // Procedure mix: every process has a row, known method or not.
            if f.method.is_some() {
                mix_cov.used += 1;
            } else {
                mix_cov.skip(Reason::NoMethod);
            }
            let row = match mix.iter().position(|r| r.method == f.method) {
                Some(r) => r,
                None => {
                    mix.push(MixRow { method: f.method, ..MixRow::default() });
                    mix.len() - 1
                }
            };
            let row = &mut mix[row];
            row.count += 1;
            if let Some(l) = f.local {
                if !row.local_ids.contains(&l) {
                    row.local_ids.push(l);
                }
            }
            if let Some((cur, amount)) = f.value {
                match row.value_ids.iter_mut().find(|(c, _)| *c == cur) {
                    Some(v) => v.1 += amount,
                    None => row.value_ids.push((cur, amount)),
                }
            }
            competitive.add(k, &f.competitive, |c| *c, detail);
            single.add(k, &f.tenderers, |t| *t == 1, detail);
            bidders.add(k, &f.tenderers.map(f64::from), detail);
            short.add(k, &f.open_tender_days, |d| *d < days, detail);
            tendering.add(k, &f.tender_days, detail);
            decision.add(k, &f.decision_days, detail);
            signature.add(k, &f.signature_days, detail);
            ratio.add(k, &f.ratio, detail);
            buyer_cov.count(&f.buyer_method);
            if let Ok((b, comp)) = f.buyer_method {
                if let Some(row) = per_buyer.get_mut(b as usize) {
                    row.0 += 1;
                    row.1 += u32::from(!comp);
                }
            }
            conc_cov.count(&f.supply);
            if let Ok((_, from, to)) = f.supply {
                for (key, v) in self.supplies.get(from as usize..to as usize).unwrap_or(&[]) {
                    if let Some(acc) = supplied.get_mut(*key as usize) {
                        if *acc == 0.0 {
                            touched.push(*key);
                        }
                        *acc += v;
                    }
                }
            }
            let mut m = f.missing;
            while m != 0 {
                missing[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        }
        for row in &mut mix {
            row.local_names = row.local_ids.iter().map(|i| self.name(*i)).collect();
            row.value = row.value_ids.iter().map(|(c, v)| (self.name(*c), *v)).collect();
        }
        mix.sort_by_key(|r| r.method.map_or(4, |m| m as u8));
        let name = |i: u32| self.names.get(i as usize).map_or("", String::as_str);
        // Rows are ranked on ids and numbers; only the rows kept get their names as text.
        let mut ranked: Vec<(u32, u32, u32)> =
            per_buyer.iter().enumerate().filter(|(_, r)| r.0 > 0).map(|(b, r)| (b as u32, r.0, r.1)).collect();
        let buyers_count = ranked.len();
        ranked.sort_unstable_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then_with(|| name(a.0).cmp(name(b.0))));
        let buyers: Vec<BuyerRow> = ranked
            .into_iter()
            .take(rows)
            .map(|(b, p, nc)| BuyerRow {
                buyer: self.name(b),
                name: self.label(b),
                processes: p as usize,
                non_competitive: nc as usize,
            })
            .collect();
        // Per (buyer, currency) group: the total and the top suppliers, kept by a linear scan.
        let mut groups: Vec<(f64, Vec<(u32, f64)>)> = vec![(0.0, Vec::new()); self.groups.len()];
        for key in touched {
            if let (Some((g, s)), Some(v)) = (self.keys.get(key as usize), supplied.get(key as usize)) {
                let Some((total, top)) = groups.get_mut(*g as usize) else { continue };
                *total += v;
                // Larger value first; equal values by supplier name, for a stable order.
                let before = |a: &(u32, f64), b: &(u32, f64)| a.1 > b.1 || (a.1 == b.1 && name(a.0) < name(b.0));
                let item = (*s, *v);
                if top.len() < top_n || top.last().is_some_and(|last| before(&item, last)) {
                    let at = top.iter().position(|x| before(&item, x)).unwrap_or(top.len());
                    top.insert(at, item);
                    top.truncate(top_n);
                }
            }
        }
        let mut ranked: Vec<(usize, f64, f64)> = groups
            .iter()
            .enumerate()
            .filter(|(_, (total, _))| *total > 0.0)
            .map(|(g, (total, top))| (g, top.iter().map(|x| x.1).sum::<f64>() / total, *total))
            .collect();
        let concentration_count = ranked.len();
        let buyer_of = |g: usize| self.groups.get(g).map_or("", |x| name(x.0));
        ranked.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1).then(b.2.total_cmp(&a.2)).then_with(|| buyer_of(a.0).cmp(buyer_of(b.0)))
        });
        let concentration: Vec<Concentration> = ranked
            .into_iter()
            .take(rows)
            .filter_map(|(g, share, total)| {
                let (b, cur) = *self.groups.get(g)?;
                let top = groups[g].1.iter().map(|(s, v)| (self.name(*s), *v)).collect();
                let top_names = groups[g].1.iter().map(|(s, _)| self.label(*s)).collect();
                Some(Concentration {
                    top_names,
                    buyer: self.name(b),
                    name: self.label(b),
                    currency: self.name(cur),
                    total,
                    top,
                    share,
                })
            })
            .collect();
        let mut selected = vec![false; self.facts.len()];
        for &i in sel {
            if let Some(x) = selected.get_mut(i) {
                *x = true;
            }
        }
        let bidders = bidders.finish(self, 0, &selected, false);
        let tendering = tendering.finish(self, 1, &selected, false);
        let decision = decision.finish(self, 2, &selected, true);
        let signature = signature.finish(self, 3, &selected, false);
        let ratio = ratio.finish(self, 4, &selected, false);
        let (close_bid, discounted_bid) = bid_flags(&ratios, n, detail);
        Summary {
            total: n,
            close_bid,
            discounted_bid,
            mix,
            mix_coverage: mix_cov,
            competitive: competitive.finish(),
            single_bid: single.finish(),
            bidders,
            short: short.finish(),
            tendering,
            decision,
            signature,
            ratio,
            buyers,
            buyers_count,
            buyers_coverage: buyer_cov,
            concentration,
            concentration_count,
            concentration_coverage: conc_cov,
            missing: KEY_FIELDS.iter().zip(missing).map(|((name, _), n)| (*name, n)).collect(),
        }
    }
}

/// Count and value per method, with the local names used for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MixRow {
    pub method: Option<Method>,
    pub local_names: Vec<String>,
    pub count: usize,
    /// Tender value (else contracted value) per currency.
    pub value: Vec<(String, f64)>,
    local_ids: Vec<u32>,
    value_ids: Vec<(u32, f64)>,
}

/// Per buyer: its processes (with a known method) and how many are not competitive.
#[derive(Clone, Debug, PartialEq)]
pub struct BuyerRow {
    /// The buyer's id (what a filter selects).
    pub buyer: String,
    /// Its name as published, when the data has one.
    pub name: Option<String>,
    pub processes: usize,
    pub non_competitive: usize,
}

/// Per buyer and currency: the top suppliers' share of the value it awarded.
#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    pub buyer: String,
    pub name: Option<String>,
    pub currency: String,
    pub total: f64,
    /// (supplier, value), largest first.
    pub top: Vec<(String, f64)>,
    /// Each top supplier's published name, when the data has one.
    pub top_names: Vec<Option<String>>,
    /// Share of `total` held by the `top` suppliers.
    pub share: f64,
}

/// Every indicator over one selection; indices are into the selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub total: usize,
    /// Open, selective, limited, direct, then unknown.
    pub mix: Vec<MixRow>,
    pub mix_coverage: Coverage,
    pub competitive: Share,
    /// R018.
    pub single_bid: Share,
    pub bidders: Stats,
    /// R003.
    pub short: Share,
    /// R024 (price close to the winning bid) and R058 (heavily discounted bid).
    pub close_bid: Share,
    pub discounted_bid: Share,
    pub tendering: Stats,
    /// With outliers by the interquartile rule (below Q1 − 1.5 IQR or above Q3 + 1.5 IQR).
    pub decision: Stats,
    pub signature: Stats,
    pub ratio: Stats,
    /// Most non-competitive processes first (the first rows asked for), of `buyers_count`.
    pub buyers: Vec<BuyerRow>,
    pub buyers_count: usize,
    pub buyers_coverage: Coverage,
    /// Most concentrated first (the first rows asked for), of `concentration_count`.
    pub concentration: Vec<Concentration>,
    pub concentration_count: usize,
    pub concentration_coverage: Coverage,
    /// Key fields and how many processes lack each.
    pub missing: Vec<(&'static str, usize)>,
}

/// The eight dashboard indicators that compare across groups (members, years), in this order:
/// (id, unit). Shares are 0–1; the others are means.
pub const KEY_INDICATORS: [(&str, KeyUnit); 8] = [
    ("competitive-share", KeyUnit::Share),
    ("single-bid", KeyUnit::Share),
    ("bidders", KeyUnit::Bidders),
    ("short-submission", KeyUnit::Share),
    ("tendering-period", KeyUnit::Days),
    ("decision-period", KeyUnit::Days),
    ("award-to-signature", KeyUnit::Days),
    ("contracted-vs-estimated", KeyUnit::Ratio),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyUnit {
    Share,
    Bidders,
    Days,
    Ratio,
}

/// One group's sums of the key indicators: values and the processes each rests on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeySums {
    pub processes: usize,
    sums: [(f64, usize); KEY_INDICATORS.len()],
}

impl KeySums {
    pub fn add(&mut self, o: &KeySums) {
        self.processes += o.processes;
        for (a, b) in self.sums.iter_mut().zip(&o.sums) {
            a.0 += b.0;
            a.1 += b.1;
        }
    }

    pub fn figures(&self) -> KeyFigures {
        KeyFigures {
            processes: self.processes,
            values: self.sums.map(|(sum, used)| ((used > 0).then(|| sum / used as f64), used)),
        }
    }
}

/// One group's key figures (a member's, a year's): per `KEY_INDICATORS` entry, its value (share
/// or mean, the dashboard's rule) and the processes it rests on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyFigures {
    pub processes: usize,
    pub values: [(Option<f64>, usize); KEY_INDICATORS.len()],
}

impl Facts {
    /// Key figures of many groups at once, in one pass over `sel`: `group` says which of the
    /// `groups` a process belongs to (None: none). Means only, so a filter change that redraws
    /// the comparison and the time series costs one walk, not one summary per group.
    pub fn key_figures(
        &self,
        sel: &[usize],
        days: f64,
        groups: usize,
        group: impl Fn(usize) -> Option<usize>,
    ) -> Vec<KeyFigures> {
        self.key_sums(sel, days, groups, group).iter().map(KeySums::figures).collect()
    }

    /// The sums behind `key_figures` (sums add up: a grouping's totals fold into coarser ones).
    pub fn key_sums(
        &self,
        sel: &[usize],
        days: f64,
        groups: usize,
        group: impl Fn(usize) -> Option<usize>,
    ) -> Vec<KeySums> {
        let mut acc = vec![KeySums::default(); groups];
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        for &i in sel {
            let (Some(f), Some(g)) = (self.facts.get(i), group(i)) else { continue };
            let Some(a) = acc.get_mut(g) else { continue };
            a.processes += 1;
            let values = [
                f.competitive.ok().map(flag),
                f.tenderers.ok().map(|t| flag(t == 1)),
                f.tenderers.ok().map(f64::from),
                f.open_tender_days.ok().map(|d| flag(d < days)),
                f.tender_days.ok(),
                f.decision_days.ok(),
                f.signature_days.ok(),
                f.ratio.ok(),
            ];
            for (slot, v) in a.sums.iter_mut().zip(values) {
                if let Some(v) = v {
                    slot.0 += v;
                    slot.1 += 1;
                }
            }
        }
        acc
    }

    /// Per process with valued awards: the (supplier, value) of each, its currency, by the
    /// interned ids (a member's market is summed from these with no string hashing).
    pub fn supplies_of(&self, i: usize) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        let range = match self.facts.get(i).map(|f| &f.supply) {
            Some(Ok((_, from, to))) => *from as usize..*to as usize,
            _ => 0..0,
        };
        self.supplies.get(range).unwrap_or(&[]).iter().filter_map(|(key, v)| {
            let (g, s) = *self.keys.get(*key as usize)?;
            let (_, cur) = *self.groups.get(g as usize)?;
            Some((cur, s, *v))
        })
    }

    /// The years of the processes, oldest first.
    pub fn years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self.facts.iter().filter_map(|f| f.year).collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    }
}

/// Every indicator over all of `ps`.
pub fn summarize<P: Borrow<Process>>(ps: &[P], days: f64, top_n: usize) -> Summary {
    let facts = Facts::of(ps);
    let all: Vec<usize> = (0..facts.len()).collect();
    facts.summary(&all, days, top_n, Detail::Positions, usize::MAX)
}

/// One indicator at a time, for tests that pin each on its own.
#[cfg(test)]
mod one {
    use super::*;
    fn s<P: Borrow<Process>>(p: &[P]) -> Summary {
        summarize(p, 15.0, 3)
    }
    pub fn procedure_mix<P: Borrow<Process>>(p: &[P]) -> (Vec<MixRow>, Coverage) {
        let s = s(p);
        (s.mix, s.mix_coverage)
    }
    pub fn competitive_share<P: Borrow<Process>>(p: &[P]) -> Share {
        s(p).competitive
    }
    pub fn single_bid<P: Borrow<Process>>(p: &[P]) -> Share {
        s(p).single_bid
    }
    pub fn bidders<P: Borrow<Process>>(p: &[P]) -> Stats {
        s(p).bidders
    }
    pub fn short_submission<P: Borrow<Process>>(p: &[P], days: f64) -> Share {
        summarize(p, days, 3).short
    }
    pub fn tendering_period<P: Borrow<Process>>(p: &[P]) -> Stats {
        s(p).tendering
    }
    pub fn decision_period<P: Borrow<Process>>(p: &[P]) -> Stats {
        s(p).decision
    }
    pub fn award_to_signature<P: Borrow<Process>>(p: &[P]) -> Stats {
        s(p).signature
    }
    pub fn contracted_vs_estimated<P: Borrow<Process>>(p: &[P]) -> Stats {
        s(p).ratio
    }
    pub fn buyers_non_competitive<P: Borrow<Process>>(p: &[P]) -> (Vec<BuyerRow>, Coverage) {
        let s = s(p);
        (s.buyers, s.buyers_coverage)
    }
    pub fn supplier_concentration<P: Borrow<Process>>(p: &[P], n: usize) -> (Vec<Concentration>, Coverage) {
        let s = summarize(p, 15.0, n);
        (s.concentration, s.concentration_coverage)
    }
}

#[cfg(test)]
mod tests {
    use super::one::*;
    use super::*;
    use crate::ocds::read::read;
    use serde_json::json;

    fn ps(v: Vec<serde_json::Value>) -> Vec<Process> {
        v.iter().filter_map(Process::from_release).collect()
    }

    #[test]
    fn cardinal_examples() {
        // docs/examples/R/003.jsonl: no procurement method, so excluded: nothing flagged.
        let r = read(
            "003.jsonl",
            r#"{"ocid":"F","tender":{"tenderPeriod":{"startDate":"2020-08-03T18:00:00-05:00","endDate":"2020-08-04T18:00:00-05:00"}}}"#,
        );
        let p = ps(r.releases);
        let s = short_submission(&p, 15.0);
        assert!(s.hits.is_empty());
        assert_eq!(s.coverage.excluded(Reason::NoMethod), 1);
        // The same process declared open is flagged (a 1-day period).
        let mut open = p.clone();
        open[0].method = Some(Method::Open);
        assert_eq!(short_submission(&open, 15.0).hits, [0]);
        assert_eq!(short_submission(&open, 1.0).hits, Vec::<usize>::new());
        // docs/examples/R/018.jsonl: flagged.
        let r = read("018.jsonl", r#"{"ocid":"F","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}"#);
        let s = single_bid(&ps(r.releases));
        assert_eq!((s.hits.clone(), s.share), (vec![0], Some(1.0)));
    }

    /// Cardinal's docs/examples/R/024.jsonl and 058.jsonl: five processes, W wins with 1 USD
    /// against L; only F's losing bid differs (2 in 024, 100 in 058).
    fn bid_example(f_loser: f64, others: f64) -> String {
        let line = |ocid: &str, lose: f64| {
            format!(
                r#"{{"ocid":"{ocid}","bids":{{"details":[{{"status":"valid","tenderers":[{{"id":"W"}}],"value":{{"amount":1,"currency":"USD"}}}},{{"status":"valid","tenderers":[{{"id":"L"}}],"value":{{"amount":{lose},"currency":"USD"}}}}]}},"awards":[{{"status":"active","suppliers":[{{"id":"W"}}]}}]}}"#
            )
        };
        ["F", "1", "2", "3", "4"]
            .iter()
            .map(|o| line(o, if *o == "F" { f_loser } else { others }))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_self_contradicting_method_is_named_and_left_out() {
        let p = ps(vec![
            json!({"ocid":"a","buyer":{"id":"B"},"tender":{"procurementMethod":"open","procurementMethodDetails":"Adjudicación Directa","numberOfTenderers":1}}),
            json!({"ocid":"b","buyer":{"id":"B"},"tender":{"procurementMethod":"open","procurementMethodDetails":"Licitación Pública","numberOfTenderers":1}}),
        ]);
        assert!(p[0].method_conflict && !p[1].method_conflict);
        let s = summarize(&p, 15.0, 3);
        assert_eq!((s.competitive.coverage.used, s.competitive.coverage.excluded(Reason::ContradictoryMethod)), (1, 1));
        assert_eq!(s.single_bid.coverage.excluded(Reason::ContradictoryMethod), 1);
        assert_eq!(s.buyers_coverage.excluded(Reason::ContradictoryMethod), 1);
        // Kept through a digest.
        let d = crate::ocds::digest::Digest::encode("s", false, vec!["f".into()], vec![], &p);
        let (back, _) =
            crate::ocds::digest::Digest::parse("d", &serde_json::to_string(&d).unwrap()).unwrap().processes();
        assert_eq!(back.iter().map(|x| x.method_conflict).collect::<Vec<_>>(), [true, false]);
    }

    #[test]
    fn cardinal_bid_examples() {
        // 024: F's ratio is 1.0 against four of 99; F alone is flagged (Cardinal: {"F":{"R024":1.0}}).
        let p = ps(read("024.jsonl", &bid_example(2.0, 100.0)).releases);
        assert_eq!(
            p.iter().map(|x| x.second_bid).collect::<Vec<_>>(),
            [Some(1.0), Some(99.0), Some(99.0), Some(99.0), Some(99.0)]
        );
        let s = summarize(&p, 15.0, 3);
        assert_eq!((s.close_bid.hits.clone(), s.close_bid.coverage.used), (vec![0], 5));
        assert!(s.discounted_bid.hits.is_empty());
        // 058: F's ratio is 99 against four of 1.0; F alone is flagged ({"F":{"R058":99.0}}).
        let p = ps(read("058.jsonl", &bid_example(100.0, 2.0)).releases);
        let s = summarize(&p, 15.0, 3);
        assert_eq!(s.discounted_bid.hits, [0]);
        assert!(s.close_bid.hits.is_empty());
        // Type-8 quartiles as statrs computes them.
        assert_eq!(quantile_type8(&[1.0, 99.0, 99.0, 99.0, 99.0], 0.75), Some(99.0));
        assert!(
            (quantile_type8(&[1.0, 99.0, 99.0, 99.0, 99.0], 0.25).unwrap() - (1.0 + 98.0 * 2.0 / 3.0)).abs() < 1e-9
        );
        assert_eq!(quantile_type8(&[], 0.5), None);
        // Exclusions: a pending award, two active awards, a joint award, a bid of two tenderers,
        // the winner not the lowest, no losing bid: no ratio.
        let one = |v: serde_json::Value| Process::from_release(&v).unwrap().second_bid;
        let bids = json!({"details":[{"status":"valid","tenderers":[{"id":"W"}],"value":{"amount":10,"currency":"USD"}},{"status":"valid","tenderers":[{"id":"L"}],"value":{"amount":12,"currency":"USD"}}]});
        assert_eq!(
            one(json!({"ocid":"a","bids":bids,"awards":[{"status":"active","suppliers":[{"id":"W"}]}]})),
            Some(0.2)
        );
        assert_eq!(
            one(
                json!({"ocid":"a","bids":bids,"awards":[{"status":"active","suppliers":[{"id":"W"}]},{"status":"pending"}]})
            ),
            None
        );
        assert_eq!(
            one(
                json!({"ocid":"a","bids":bids,"awards":[{"status":"active","suppliers":[{"id":"W"}]},{"status":"active","suppliers":[{"id":"L"}]}]})
            ),
            None
        );
        assert_eq!(
            one(json!({"ocid":"a","bids":bids,"awards":[{"status":"active","suppliers":[{"id":"W"},{"id":"L"}]}]})),
            None
        );
        assert_eq!(one(json!({"ocid":"a","bids":bids,"awards":[{"status":"active","suppliers":[{"id":"L"}]}]})), None);
        assert_eq!(
            one(
                json!({"ocid":"a","bids":{"details":[{"status":"valid","tenderers":[{"id":"W"},{"id":"X"}],"value":{"amount":10,"currency":"USD"}}]},"awards":[{"status":"active","suppliers":[{"id":"W"}]}]})
            ),
            None
        );
        // The real Chilean sample: bids, but no award yet: none comparable.
        let (cl, _) = crate::ocds::load(
            crate::testdata::folder("public/ocds/chile/sample").iter().map(|(a, b)| (a.as_str(), b.as_str())),
        );
        assert!(cl.iter().all(|p| p.second_bid.is_none()));
        assert_eq!(summarize(&cl, 15.0, 3).close_bid.coverage.excluded(Reason::NoComparableBids), cl.len());
    }

    #[test]
    fn hand_made_processes() {
        let p = ps(vec![
            json!({"ocid":"a","buyer":{"id":"B1"},"tender":{"procurementMethod":"open","numberOfTenderers":1,"value":{"amount":100,"currency":"MXN"},
                "tenderPeriod":{"startDate":"2020-01-01","endDate":"2020-01-11"}},
                "awards":[{"id":"1","date":"2020-01-21","value":{"amount":90,"currency":"MXN"},"suppliers":[{"id":"S1"}]}],
                "contracts":[{"id":"1","dateSigned":"2020-01-31","value":{"amount":90,"currency":"MXN"}}]}),
            json!({"ocid":"b","buyer":{"id":"B1"},"tender":{"procurementMethod":"selective","numberOfTenderers":4,"value":{"amount":200,"currency":"MXN"},
                "tenderPeriod":{"startDate":"2020-02-01","endDate":"2020-03-02"}},
                "awards":[{"id":"1","date":"2020-03-04","value":{"amount":10,"currency":"MXN"},"suppliers":[{"id":"S2"}]}],
                "contracts":[{"id":"1","dateSigned":"2020-03-03","value":{"amount":220,"currency":"USD"}}]}),
            json!({"ocid":"c","buyer":{"id":"B2"},"tender":{"procurementMethod":"direct","value":{"amount":50,"currency":"MXN"}},
                "awards":[{"id":"1","value":{"amount":50,"currency":"MXN"},"suppliers":[{"id":"S1"}]}]}),
            json!({"ocid":"d","tender":{"procurementMethodDetails":"Licitación Pública","numberOfTenderers":3}}),
            json!({"ocid":"e","buyer":{"id":"B1"},"awards":[{"id":"1","value":{"amount":300,"currency":"MXN"},"suppliers":[{"id":"S3"}]}]}),
        ]);
        let (mix, cov) = procedure_mix(&p);
        assert_eq!(cov.used, 4);
        assert_eq!(cov.excluded(Reason::NoMethod), 1);
        let open = mix.iter().find(|r| r.method == Some(Method::Open)).unwrap();
        assert_eq!((open.count, open.local_names.clone()), (2, vec!["Licitación Pública".to_string()]));
        assert_eq!(open.value, [("MXN".to_string(), 100.0)]);
        let c = competitive_share(&p);
        assert_eq!((c.share, c.coverage.used), (Some(0.75), 4));
        let sb = single_bid(&p);
        assert_eq!((sb.hits.clone(), sb.coverage.used), (vec![0], 3));
        assert_eq!(sb.coverage.excluded(Reason::NotCompetitive), 1);
        let b = bidders(&p);
        assert_eq!((b.mean, b.median), (Some(8.0 / 3.0), Some(3.0)));
        let short = short_submission(&p, 15.0);
        assert_eq!(short.hits, [0]);
        assert_eq!(short.coverage.excluded(Reason::NoTenderPeriod), 1);
        let tp = tendering_period(&p);
        assert_eq!((tp.mean, tp.coverage.used), (Some(20.0), 2));
        let dp = decision_period(&p);
        assert_eq!(dp.values, [(0, 10.0), (1, 2.0)]);
        let sig = award_to_signature(&p);
        assert_eq!(sig.values, [(0, 10.0)]);
        assert_eq!(sig.coverage.excluded(Reason::SignedBeforeAward), 1);
        let ratio = contracted_vs_estimated(&p);
        assert_eq!(ratio.values, [(0, 0.9)]);
        assert_eq!(ratio.coverage.excluded(Reason::OtherCurrency), 1);
        let (buyers, _) = buyers_non_competitive(&p);
        assert_eq!(
            buyers.iter().map(|b| (b.buyer.as_str(), b.processes, b.non_competitive)).collect::<Vec<_>>(),
            [("B2", 1, 1), ("B1", 2, 0)]
        );
        let (conc, cov) = supplier_concentration(&p, 1);
        let b1 = conc.iter().find(|c| c.buyer == "B1").unwrap();
        assert_eq!(b1.top, [("S3".to_string(), 300.0)]);
        assert!((b1.share - 0.75).abs() < 1e-9);
        assert_eq!(cov.excluded(Reason::NoBuyer), 1);
        // The dashboard's one-pass count agrees with the plain one.
        assert_eq!(summarize(&p, 15.0, 3).missing, missing_fields(&p));
        let missing: std::collections::BTreeMap<_, _> = missing_fields(&p).into_iter().collect();
        assert_eq!(missing["buyer"], 1);
        assert_eq!(missing["contracts.dateSigned"], 3);
    }

    #[test]
    fn key_figures_per_group_agree_with_the_dashboard() {
        let p = ps(vec![
            json!({"ocid":"a","tender":{"procurementMethod":"open","numberOfTenderers":1,"tenderPeriod":{"startDate":"2020-01-01","endDate":"2020-01-11"}}}),
            json!({"ocid":"b","tender":{"procurementMethod":"open","numberOfTenderers":3,"tenderPeriod":{"startDate":"2021-01-01","endDate":"2021-01-31"}}}),
            json!({"ocid":"c","tender":{"procurementMethod":"direct","tenderPeriod":{"startDate":"2021-02-01","endDate":"2021-02-01"}}}),
            json!({"ocid":"d","tender":{"numberOfTenderers":2}}),
        ]);
        let facts = Facts::of(&p);
        assert_eq!(facts.years(), [2020, 2021]);
        let all: Vec<usize> = (0..p.len()).collect();
        // One group: the dashboard's figures.
        let one = facts.key_figures(&all, 15.0, 1, |_| Some(0));
        let s = summarize(&p, 15.0, 3);
        assert_eq!(one[0].processes, 4);
        assert_eq!(one[0].values[0], (s.competitive.share, s.competitive.coverage.used));
        assert_eq!(one[0].values[1], (s.single_bid.share, s.single_bid.coverage.used));
        assert_eq!(one[0].values[2], (s.bidders.mean, s.bidders.coverage.used));
        assert_eq!(one[0].values[3], (s.short.share, s.short.coverage.used));
        assert_eq!(one[0].values[4], (s.tendering.mean, s.tendering.coverage.used));
        // Per year: 2020 holds a, 2021 holds b and c (c's zero-length period is left out).
        let ys = facts.years();
        let by_year = facts
            .key_figures(&all, 15.0, ys.len(), |i| facts.facts[i].year.and_then(|y| ys.iter().position(|x| *x == y)));
        assert_eq!(by_year[0].processes, 1);
        assert_eq!(by_year[0].values[1], (Some(1.0), 1));
        assert_eq!(by_year[1].processes, 2);
        assert_eq!(by_year[1].values[0], (Some(0.5), 2));
        assert_eq!(by_year[1].values[4], (Some(30.0), 1));
        assert_eq!(by_year[1].values[7], (None, 0));
        // A group out of range, or none, is skipped: never a panic.
        let odd = facts.key_figures(&all, 15.0, 1, Some);
        assert_eq!(odd[0].processes, 1);
    }

    #[test]
    fn interquartile_outliers() {
        let rel = |i: usize, days: i64| {
            let end = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
            let aw = end + chrono::Days::new(days as u64);
            json!({"ocid": format!("p{i}"), "tender":{"tenderPeriod":{"startDate":"2019-12-01","endDate":end.to_string()}},"awards":[{"id":"1","date":aw.to_string()}]})
        };
        let p = ps([10, 12, 11, 13, 12, 95].iter().enumerate().map(|(i, d)| rel(i, *d)).collect());
        let dp = decision_period(&p);
        assert_eq!(dp.outliers, [5]);
        // Quantiles are "type 7" (linear interpolation): Q1 of 1, 2, 3, 4 days is 1.75.
        let four = ps([1u64, 2, 3, 4]
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let end = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(*d);
                json!({"ocid": format!("q{i}"), "tender":{"tenderPeriod":{"startDate":"2020-01-01","endDate":end.to_string()}}})
            })
            .collect());
        let facts = Facts::of(&four);
        let all = vec![true; 4];
        assert_eq!(facts.quantiles(1, &all, 4, [0.25, 0.5, 1.0]), [Some(1.75), Some(2.5), Some(4.0)]);
    }
}

#[cfg(test)]
mod samples {
    //! The bundled real samples (public/ocds/, from open-contracting/sample-data). The expected
    //! figures were computed independently with a short Python script over the same files
    //! (json module only: each record's compiledRelease, numberOfTenderers else tenderers).
    use super::one::*;
    use super::*;

    fn load(globs: &[&str]) -> (Vec<Process>, Vec<String>) {
        let mut texts = Vec::new();
        for dir in globs {
            texts.extend(crate::testdata::folder(dir));
        }
        crate::ocds::load(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }

    #[test]
    fn mexican_records() {
        let (p, problems) =
            load(&["public/ocds/mexico/cdmx/sample/records", "public/ocds/mexico/jalisco/sample/records"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.len(), 14);
        let (mix, _) = procedure_mix(&p);
        let count = |m| mix.iter().find(|r| r.method == Some(m)).map_or(0, |r| r.count);
        assert_eq!((count(Method::Open), count(Method::Limited)), (10, 4));
        assert!(!p.iter().any(Process::has_broken_text));
        let sb = single_bid(&p);
        assert_eq!((sb.share, sb.coverage.used), (Some(0.0), 10));
        let b = bidders(&p);
        assert_eq!(b.median, Some(4.0));
        assert!((b.mean.unwrap() - 3.9).abs() < 1e-9);
    }

    /// Peru (OECE, SEACE v3: a page of the API's records and one record) and Chile
    /// (ChileCompra: two tender release packages, one process published in 10 releases).
    #[test]
    fn peruvian_and_chilean_samples() {
        let (pe, problems) = load(&["public/ocds/peru/sample"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(pe.len(), 21);
        let (mix, _) = procedure_mix(&pe);
        let count = |m| mix.iter().find(|r| r.method == Some(m)).map_or(0, |r| r.count);
        assert_eq!((count(Method::Open), count(Method::Direct)), (20, 1));
        // 18 open processes say how many tendered; one had a single tenderer.
        let sb = single_bid(&pe);
        assert_eq!(sb.coverage.used, 18);
        assert!((sb.share.unwrap() - 1.0 / 18.0).abs() < 1e-9);
        // Bidders are counted in competitive processes: the median of those 18 counts.
        assert_eq!(bidders(&pe).median, Some(13.0));
        // Every open process's tender period starts and ends at the same midnight: named and
        // left out, not counted as periods of 0 days.
        let tp = tendering_period(&pe);
        assert_eq!((tp.coverage.used, tp.coverage.excluded(Reason::ZeroLengthPeriod)), (0, 20));
        assert_eq!(tp.median, None);
        // An estimated value of 0 is "not published", not a ratio of infinity.
        assert_eq!(contracted_vs_estimated(&pe).coverage.excluded(Reason::ZeroValue), 1);
        // Tables name buyers as published; their ids stay for filtering.
        let (buyers, _) = buyers_non_competitive(&pe);
        let onp = buyers.iter().find(|b| b.buyer == "PE-CONSUCODE-1984").expect("ONP is a buyer");
        assert_eq!(onp.name.as_deref(), Some("OFICINA DE NORMALIZACION PREVISIONAL"));

        let (cl, problems) = load(&["public/ocds/chile/sample"]);
        assert!(problems.is_empty(), "{problems:?}");
        // The ten releases of one tender are one process, with its last release's tenderers.
        assert_eq!(cl.len(), 2);
        assert_eq!(bidders(&cl).median, Some(3.0));
    }

    #[test]
    fn the_dashboards_counts_agree_with_the_full_lists_on_any_selection() {
        let (p, _) = load(&[
            "public/ocds/colombia/sample/records",
            "public/ocds/mexico/cdmx/sample/records",
            "public/ocds/mexico/jalisco/sample/records",
            "public/ocds/mexico/jalisco/sample/releases",
        ]);
        // Spread the real processes' dates so durations differ, and repeat them.
        let mut many = Vec::new();
        for k in 0..40i64 {
            for x in &p {
                let mut x = x.clone();
                if let Some(e) = x.tender_end.as_mut() {
                    *e += k * 7_919;
                }
                many.push(x);
            }
        }
        let facts = Facts::of(&many);
        let mut seed = 7u64;
        for round in 0..30 {
            let sel: Vec<usize> = (0..many.len())
                .filter(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    round == 0 || (seed >> 33).is_multiple_of(3)
                })
                .collect();
            let quick = facts.summary(&sel, 15.0, 3, Detail::Counts, 10);
            let full = facts.summary(&sel, 15.0, 3, Detail::Positions, 10);
            for (a, b) in [
                (&quick.bidders, &full.bidders),
                (&quick.tendering, &full.tendering),
                (&quick.decision, &full.decision),
                (&quick.signature, &full.signature),
                (&quick.ratio, &full.ratio),
            ] {
                assert_eq!((a.median, &a.coverage), (b.median, &b.coverage));
                // The walk over the sorted order gives the median of the values, sorted here.
                let mut v: Vec<f64> = b.values.iter().map(|x| x.1).collect();
                v.sort_by(f64::total_cmp);
                let mid = (v.len().max(1) - 1) as f64 / 2.0;
                let (lo, hi) = (mid.floor() as usize, mid.ceil() as usize);
                let sorted_median = (!v.is_empty()).then(|| v[lo] + (v[hi] - v[lo]) * (mid - lo as f64));
                assert_eq!(a.median, sorted_median);
                assert!(a.mean.zip(b.mean).is_none_or(|(x, y)| (x - y).abs() < 1e-9));
                assert_eq!(a.outlier_count, b.outliers.len());
            }
            assert!(full.tendering.values.len() > 10 && (round > 0 || !full.decision.values.is_empty()));
            assert_eq!(
                (quick.single_bid.count, quick.single_bid.share),
                (full.single_bid.hits.len(), full.single_bid.share)
            );
        }
    }

    #[test]
    fn every_sample_file_reads_without_losing_a_process() {
        let (p, problems) = load(&[
            "public/ocds/colombia/sample/records",
            "public/ocds/colombia/sample/releases",
            "public/ocds/mexico/cdmx/sample/records",
            "public/ocds/mexico/cdmx/sample/releases",
            "public/ocds/mexico/jalisco/sample/records",
            "public/ocds/mexico/jalisco/sample/releases",
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        // The Colombian sample lost some accented letters before publication (U+FFFD).
        let broken: Vec<&str> = p.iter().filter(|x| x.has_broken_text()).map(|x| x.ocid.as_str()).collect();
        assert!(!broken.is_empty() && broken.iter().all(|o| o.starts_with("ocds-k50g02-")), "{broken:?}");
        // Each process once, whether published as a record, as releases or both.
        let mut ocids: Vec<&str> = p.iter().map(|x| x.ocid.as_str()).collect();
        ocids.sort();
        ocids.dedup();
        assert_eq!(ocids.len(), p.len());
        // Every process is accounted for by every indicator: used or excluded with a reason.
        for cov in [
            competitive_share(&p).coverage,
            single_bid(&p).coverage,
            decision_period(&p).coverage,
            award_to_signature(&p).coverage,
        ] {
            assert_eq!(cov.total(), p.len());
        }
    }
}
