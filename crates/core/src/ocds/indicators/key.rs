//! The key indicators that compare across groups (members, years): sums per group in one pass,
//! and their figures.

use super::*;

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
    pub(super) sums: [(f64, usize); KEY_INDICATORS.len()],
}

impl KeySums {
    pub fn add(&mut self, o: &KeySums) {
        self.processes += o.processes;
        for (a, b) in self.sums.iter_mut().zip(&o.sums) {
            a.0 += b.0;
            a.1 += b.1;
        }
    }

    /// Counts one process in (`days`: R003's threshold).
    pub(super) fn count(&mut self, f: &Fact, days: f64) {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        self.processes += 1;
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
        for (slot, v) in self.sums.iter_mut().zip(values) {
            if let Some(v) = v {
                slot.0 += v;
                slot.1 += 1;
            }
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
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
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
        for &i in sel {
            let (Some(f), Some(g)) = (self.facts.get(i), group(i)) else { continue };
            if let Some(a) = acc.get_mut(g) {
                a.count(f, days);
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
