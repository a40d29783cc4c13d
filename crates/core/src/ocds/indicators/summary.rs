//! Every indicator over a selection of facts, in one pass (what a filter change re-runs), and
//! the tables it fills: procedure mix, buyers, supplier concentration.

use super::*;

impl Facts {
    /// Every indicator over the processes `sel` (indices into the facts), in one pass.
    /// `days` is R003's threshold; `top_n` the suppliers counted per buyer.
    /// The per-buyer tables keep their first `rows` rows (the counts say how many there were).
    pub fn summary(&self, sel: &[usize], days: f64, top_n: usize, detail: Detail, rows: usize) -> Summary {
        self.summary_in(sel, days, top_n, detail, rows, &mut [], &|_| None)
    }

    /// `summary`, and in the same walk the key indicators' sums of each process's group
    /// (`cell`: its index in `cells`, None for none), as `key_sums` gives them: a filter
    /// change then reads each selected process once.
    #[allow(clippy::too_many_arguments)]
    pub fn summary_in(
        &self,
        sel: &[usize],
        days: f64,
        top_n: usize,
        detail: Detail,
        rows: usize,
        cells: &mut [KeySums],
        cell: &dyn Fn(usize) -> Option<usize>,
    ) -> Summary {
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
            if !cells.is_empty() {
                if let Some(c) = cell(i).and_then(|c| cells.get_mut(c)) {
                    c.count(f, days);
                }
            }
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
            bidders.add(k, &f.tenderers.map(f64::from));
            short.add(k, &f.open_tender_days, |d| *d < days, detail);
            tendering.add(k, &f.tender_days);
            decision.add(k, &f.decision_days);
            signature.add(k, &f.signature_days);
            ratio.add(k, &f.ratio);
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
        top_rows(&mut ranked, rows, |a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then_with(|| name(a.0).cmp(name(b.0))));
        let buyers: Vec<BuyerRow> = ranked
            .into_iter()
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
        top_rows(&mut ranked, rows, |a, b| {
            b.1.total_cmp(&a.1).then(b.2.total_cmp(&a.2)).then_with(|| buyer_of(a.0).cmp(buyer_of(b.0)))
        });
        let concentration: Vec<Concentration> = ranked
            .into_iter()
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
        let bidders = bidders.finish(false);
        let tendering = tendering.finish(false);
        let decision = decision.finish(true);
        let signature = signature.finish(false);
        let ratio = ratio.finish(false);
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

/// Keeps the first `rows` of `v` in `order`, sorted: the rest are cut by selection first, so
/// ranking thousands of buyers for a table of ten sorts ten.
fn top_rows<T>(v: &mut Vec<T>, rows: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if rows < v.len() {
        if rows > 0 {
            v.select_nth_unstable_by(rows - 1, &order);
        }
        v.truncate(rows);
    }
    v.sort_unstable_by(order);
}

/// Count and value per method, with the local names used for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MixRow {
    pub method: Option<Method>,
    pub local_names: Vec<String>,
    pub count: usize,
    /// Tender value (else contracted value) per currency.
    pub value: Vec<(String, f64)>,
    pub(super) local_ids: Vec<u32>,
    pub(super) value_ids: Vec<(u32, f64)>,
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
