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

mod facts;
mod key;
mod rules;
mod summary;
pub use facts::*;
pub use key::*;
pub use rules::*;
pub use summary::*;

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
    pub(super) excluded: [usize; Reason::ALL.len()],
}

impl Coverage {
    pub(super) fn skip(&mut self, r: Reason) {
        self.excluded[r as usize] += 1;
    }
    pub(super) fn count<T>(&mut self, r: &Result<T, Reason>) {
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

/// A stats indicator being summed: the sum, and each value (with its position if asked for),
/// from which `finish` selects the quantiles.
pub(super) struct StatsAcc {
    pub(super) coverage: Coverage,
    pub(super) sum: f64,
    detail: Detail,
    /// `Detail::Positions`: (position, value) of each.
    pub(super) values: Vec<(usize, f64)>,
    /// `Detail::Counts`: each value.
    xs: Vec<f64>,
}

impl StatsAcc {
    pub(super) fn new(n: usize, detail: Detail) -> Self {
        let (values, xs) = match detail {
            Detail::Positions => (Vec::with_capacity(n), Vec::new()),
            Detail::Counts => (Vec::new(), Vec::with_capacity(n)),
        };
        StatsAcc { coverage: Coverage::default(), sum: 0.0, detail, values, xs }
    }
    pub(super) fn add(&mut self, k: usize, r: &Result<f64, Reason>) {
        match r {
            Ok(x) => {
                self.coverage.used += 1;
                self.sum += x;
                match self.detail {
                    Detail::Positions => self.values.push((k, *x)),
                    Detail::Counts => self.xs.push(*x),
                }
            }
            Err(e) => self.coverage.skip(*e),
        }
    }
    /// Mean, median and (for `outliers`) the values beyond the interquartile fences, with the
    /// outliers' positions when the values were kept.
    pub(super) fn finish(self, outliers: bool) -> Stats {
        let n = self.coverage.used;
        let mean = (n > 0).then(|| self.sum / n as f64);
        let mut xs = match self.detail {
            Detail::Positions => self.values.iter().map(|v| v.1).collect(),
            Detail::Counts => self.xs,
        };
        // The quartiles only where the outliers need them.
        let [q1, median, q3] =
            if outliers { quantiles(&mut xs, [0.25, 0.5, 0.75]) } else { [None, quantiles(&mut xs, [0.5])[0], None] };
        let mut s = Stats { mean, median, coverage: self.coverage, values: self.values, ..Stats::default() };
        if let (Some(q1), Some(q3)) = (q1, q3) {
            let iqr = q3 - q1;
            let (lo, hi) = (q1 - 1.5 * iqr, q3 + 1.5 * iqr);
            s.outlier_count = xs.iter().filter(|x| **x < lo || **x > hi).count();
            s.outliers = s.values.iter().filter(|(_, x)| *x < lo || *x > hi).map(|(i, _)| *i).collect();
        }
        s
    }
}

/// Quantiles (type 7: linear between the values at the ranks around q·(n−1)) of `v`, which is
/// reordered: each rank is found by selection, O(n), with no sort (a filter change runs this
/// over every selected process's values). `qs` ascending: each is selected among the values
/// above the one before.
pub(super) fn quantiles<const Q: usize>(v: &mut [f64], qs: [f64; Q]) -> [Option<f64>; Q] {
    let mut out = [None; Q];
    let n = v.len();
    if n == 0 {
        return out;
    }
    let mut start = 0;
    for (o, q) in out.iter_mut().zip(qs) {
        let pos = q.clamp(0.0, 1.0) * (n - 1) as f64;
        let (lo, frac) = ((pos.floor() as usize).min(n - 1), pos - pos.floor());
        // Past `start`, the values are the largest n − start, in some order.
        let from = if lo >= start { start } else { 0 };
        let (_, a, above) = v[from..].select_nth_unstable_by(lo - from, f64::total_cmp);
        start = lo;
        let a = *a;
        // The next rank's value is the smallest above.
        let b = if frac > 0.0 { above.iter().copied().min_by(f64::total_cmp).unwrap_or(a) } else { a };
        *o = Some(a + (b - a) * frac);
    }
    out
}

/// A share being summed.
#[derive(Default)]
pub(super) struct ShareAcc {
    pub(super) coverage: Coverage,
    pub(super) count: usize,
    pub(super) hits: Vec<usize>,
}

impl ShareAcc {
    pub(super) fn add<T>(&mut self, k: usize, r: &Result<T, Reason>, hit: impl Fn(&T) -> bool, detail: Detail) {
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
    pub(super) fn finish(self) -> Share {
        let share = (self.coverage.used > 0).then(|| self.count as f64 / self.coverage.used as f64);
        Share { share, count: self.count, hits: self.hits, coverage: self.coverage }
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
        assert_eq!(tendering_period(&four).median, Some(2.5));
        assert_eq!(quantiles(&mut [4.0, 1.0, 3.0, 2.0], [0.25, 0.5, 1.0]), [Some(1.75), Some(2.5), Some(4.0)]);
        assert_eq!(quantiles(&mut [7.0], [0.0, 0.5, 1.0]), [Some(7.0); 3]);
        assert_eq!(quantiles(&mut [], [0.5]), [None]);
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
