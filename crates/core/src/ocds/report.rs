//! What the indicators page shows, without the page: the filters in its URL, the filters'
//! options, every indicator over the selected processes, and the processes behind each number.

use super::indicators::{Detail, Facts, KeySums, Stats, Summary, KEY_FIELDS};
use super::process::{Method, Process};
use super::tables::{Groups, Trends};
use crate::filter::{read, set, year};

/// R003's default threshold (Cardinal's), in days.
pub const DEFAULT_DAYS: u32 = 15;
/// Rows shown in the per-buyer tables.
pub const TOP_BUYERS: usize = 10;
/// Suppliers counted in each buyer's concentration.
pub const TOP_SUPPLIERS: usize = 3;

pub use crate::routes::{country_from_slug, country_slug};

/// A method filter value: a code of OCDS's list, or "unknown" for processes without one.
pub fn method_code(m: Option<Method>) -> &'static str {
    m.map_or("unknown", Method::code)
}

fn parse_method(v: &str) -> Option<Option<Method>> {
    match v {
        "unknown" => Some(None),
        code => Method::read(Some(code), None).map(Some),
    }
}

fn plain(v: &str) -> Option<String> {
    (!v.chars().any(char::is_control)).then(|| v.to_string())
}

/// `?year=2016&buyer=…&category=goods&method=open&days=10`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub year: Option<i32>,
    pub buyer: Option<String>,
    /// A supplier's key (its id, else its normalised name): set from a profile's links.
    pub supplier: Option<String>,
    /// One process, by its ocid (a search result's link); the page matches it, as digests
    /// publish ocids apart.
    pub process: Option<String>,
    pub category: Option<String>,
    /// `Some(None)`: processes whose method is unknown.
    pub method: Option<Option<Method>>,
    /// R003's threshold, 1–365 days.
    pub days: Option<u32>,
}

impl Filter {
    /// The filter, and the names of the parameters that made no sense (ignored, and said so).
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Filter, Vec<String>) {
        let mut f = Filter::default();
        let ignored = read(pairs, |k, v| match k {
            "year" => set(&mut f.year, year(v)),
            "buyer" => set(&mut f.buyer, plain(v)),
            "supplier" => set(&mut f.supplier, plain(v)),
            "process" => set(&mut f.process, plain(v)),
            "category" => set(&mut f.category, plain(v)),
            "method" => set(&mut f.method, parse_method(v)),
            "days" => set(&mut f.days, v.parse().ok().filter(|d| (1..=365).contains(d))),
            _ => None,
        });
        (f, ignored)
    }

    /// Query changes that set this filter (for `routes::with_query`).
    pub fn changes(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("year", self.year.map(|y| y.to_string())),
            ("buyer", self.buyer.clone()),
            ("supplier", self.supplier.clone()),
            ("process", self.process.clone()),
            ("category", self.category.clone()),
            ("method", self.method.map(|m| method_code(m).to_string())),
            ("days", self.days.filter(|d| *d != DEFAULT_DAYS).map(|d| d.to_string())),
        ]
    }

    pub fn matches(&self, p: &Process) -> bool {
        self.year.is_none_or(|y| p.year == Some(y))
            && self.buyer.as_ref().is_none_or(|b| p.buyer.as_ref() == Some(b))
            && self.supplier.as_ref().is_none_or(|s| p.awards.iter().any(|a| a.suppliers.contains(s)))
            && self.category.as_ref().is_none_or(|c| p.category.as_ref() == Some(c))
            && self.method.is_none_or(|m| p.method == m)
    }

    /// The processes this filter selects, as indices into `facts`: what `matches` says of
    /// each process, read from the facts' interned columns, so no text is compared per process
    /// (a filter change at 100,000 processes). The ocid (`process`) is not among the facts: the
    /// caller matches it.
    pub fn select(&self, facts: &Facts) -> Vec<usize> {
        // A text no process has selects nothing.
        let id = |s: &Option<String>| s.as_deref().map(|s| facts.id(s).ok_or(()));
        let (Ok(buyer), Ok(supplier), Ok(category)) =
            (id(&self.buyer).transpose(), id(&self.supplier).transpose(), id(&self.category).transpose())
        else {
            return Vec::new();
        };
        facts
            .selectors
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                self.year.is_none_or(|y| f.year() == Some(y))
                    && self.method.is_none_or(|m| f.method == m)
                    && category.is_none_or(|c| f.category() == Some(c))
                    && buyer.is_none_or(|b| f.buyer() == Some(b))
                    && supplier.is_none_or(|s| facts.awarded(*i).contains(&s))
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn days(&self) -> f64 {
        f64::from(self.days.unwrap_or(DEFAULT_DAYS))
    }

    /// Only the threshold set (it changes an indicator, not the selection).
    pub fn selects_all(&self) -> bool {
        Filter { days: None, ..self.clone() } == Filter::default()
    }
}

/// The processes behind a number: `?list=single-bid`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum List {
    All,
    Method(Option<Method>),
    Competitive,
    NonCompetitive,
    SingleBid,
    Bidders,
    Short,
    Tendering,
    Decision,
    Outliers,
    Signature,
    Ratio,
    Concentration,
    CloseBid,
    DiscountedBid,
    /// Processes lacking a key field (index into `KEY_FIELDS`).
    Missing(usize),
}

impl List {
    pub fn parse(v: &str) -> Option<List> {
        Some(match v {
            "all" => List::All,
            "competitive" => List::Competitive,
            "non-competitive" => List::NonCompetitive,
            "single-bid" => List::SingleBid,
            "bidders" => List::Bidders,
            "short-submission" => List::Short,
            "tendering-period" => List::Tendering,
            "decision-period" => List::Decision,
            "decision-outliers" => List::Outliers,
            "award-to-signature" => List::Signature,
            "contracted-vs-estimated" => List::Ratio,
            "supplier-concentration" => List::Concentration,
            "close-bid" => List::CloseBid,
            "discounted-bid" => List::DiscountedBid,
            _ => {
                if let Some(m) = v.strip_prefix("method-") {
                    List::Method(parse_method(m)?)
                } else {
                    List::Missing(KEY_FIELDS.iter().position(|(f, _)| v.strip_prefix("missing-") == Some(*f))?)
                }
            }
        })
    }

    pub fn code(self) -> String {
        match self {
            List::All => "all".into(),
            List::Method(m) => format!("method-{}", method_code(m)),
            List::Competitive => "competitive".into(),
            List::NonCompetitive => "non-competitive".into(),
            List::SingleBid => "single-bid".into(),
            List::Bidders => "bidders".into(),
            List::Short => "short-submission".into(),
            List::Tendering => "tendering-period".into(),
            List::Decision => "decision-period".into(),
            List::Outliers => "decision-outliers".into(),
            List::Signature => "award-to-signature".into(),
            List::Ratio => "contracted-vs-estimated".into(),
            List::Concentration => "supplier-concentration".into(),
            List::CloseBid => "close-bid".into(),
            List::DiscountedBid => "discounted-bid".into(),
            List::Missing(i) => format!("missing-{}", KEY_FIELDS.get(i).map_or("", |f| f.0)),
        }
    }

    /// The explanation this list belongs to (ids of `explain::EXPLANATIONS`).
    pub fn indicator(self) -> &'static str {
        match self {
            List::All | List::Method(_) => "procedure-mix",
            List::Competitive => "competitive-share",
            List::NonCompetitive => "buyer-non-competitive",
            List::SingleBid => "single-bid",
            List::Bidders => "bidders",
            List::Short => "short-submission",
            List::Tendering => "tendering-period",
            List::Decision | List::Outliers => "decision-period",
            List::Signature => "award-to-signature",
            List::Ratio => "contracted-vs-estimated",
            List::Concentration => "supplier-concentration",
            List::CloseBid => "close-bid",
            List::DiscountedBid => "discounted-bid",
            List::Missing(_) => "missing-fields",
        }
    }

    /// Positions in `sel` (indices into `facts`) of the processes behind this number, with
    /// each one's value where the indicator has one (days, bidders, ratio).
    pub fn select(self, facts: &Facts, sel: &[usize], days: f64) -> Vec<(usize, Option<f64>)> {
        let where_ = |keep: &dyn Fn(&super::indicators::Fact) -> bool| -> Vec<(usize, Option<f64>)> {
            sel.iter()
                .enumerate()
                .filter(|(_, i)| facts.facts.get(**i).is_some_and(keep))
                .map(|(k, _)| (k, None))
                .collect()
        };
        let plain = |v: Vec<usize>| v.into_iter().map(|i| (i, None)).collect();
        let valued = |s: Stats| s.values.into_iter().map(|(i, v)| (i, Some(v))).collect();
        let summary = || facts.summary(sel, days, TOP_SUPPLIERS, Detail::Positions, 0);
        match self {
            List::All => (0..sel.len()).map(|i| (i, None)).collect(),
            List::Method(m) => where_(&|f| f.method == m),
            List::Competitive => where_(&|f| f.competitive == Ok(true)),
            List::NonCompetitive => where_(&|f| f.competitive == Ok(false)),
            List::SingleBid => where_(&|f| f.tenderers == Ok(1)),
            List::Bidders => valued(summary().bidders),
            List::Short => plain(summary().short.hits),
            List::Tendering => valued(summary().tendering),
            List::Decision => valued(summary().decision),
            List::Outliers => {
                let s = summary().decision;
                s.values.into_iter().filter(|(i, _)| s.outliers.contains(i)).map(|(i, v)| (i, Some(v))).collect()
            }
            List::Signature => valued(summary().signature),
            List::Ratio => valued(summary().ratio),
            List::Concentration => where_(&|f| f.supply.is_ok()),
            List::CloseBid => plain(summary().close_bid.hits),
            List::DiscountedBid => plain(summary().discounted_bid.hits),
            List::Missing(j) => where_(&|f| f.missing >> j & 1 == 1),
        }
    }
}

/// What the dashboard shows: every indicator over one selection (indices are positions in
/// it), counts only, with the per-buyer tables cut to their first rows.
pub fn dashboard(facts: &Facts, sel: &[usize], days: f64) -> Summary {
    facts.summary(sel, days, TOP_SUPPLIERS, Detail::Counts, TOP_BUYERS)
}

/// The dashboard and the trends (the comparison and the time series) over one selection, in
/// one walk of it: what a filter change computes.
pub fn figures(facts: &Facts, sel: &[usize], days: f64, groups: &Groups) -> (Summary, Trends) {
    let mut cells = vec![KeySums::default(); groups.cells()];
    let s =
        facts.summary_in(sel, days, TOP_SUPPLIERS, Detail::Counts, TOP_BUYERS, &mut cells, &|i| Some(groups.cell(i)));
    (s, Trends::fold(&cells, groups))
}

/// The filters' choices, from the processes of the page's country (not the filtered ones, so
/// a choice never disappears because of another).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The page's processes, before any filter.
    pub processes: usize,
    pub years: Vec<i32>,
    /// (id, name, processes), most processes first.
    pub buyers: Vec<(String, String, usize)>,
    pub categories: Vec<String>,
    pub methods: Vec<Option<Method>>,
}

/// Years as runs of consecutive years, oldest first (any order in): what a sentence like
/// "2015–2018, 2024 and 2026" says.
pub fn year_runs(years: &[i32]) -> Vec<(i32, i32)> {
    let mut ys = years.to_vec();
    ys.sort_unstable();
    ys.dedup();
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for y in ys {
        match runs.last_mut() {
            Some(last) if last.1.checked_add(1) == Some(y) => last.1 = y,
            _ => runs.push((y, y)),
        }
    }
    runs
}

impl Options {
    pub fn of(ps: &[&Process]) -> Options {
        use std::collections::{BTreeMap, BTreeSet, HashMap};
        let mut years = BTreeSet::new();
        let mut buyers: HashMap<&str, (&str, usize)> = HashMap::new();
        let mut categories = BTreeSet::new();
        let mut methods = BTreeMap::new();
        for p in ps {
            years.extend(p.year);
            if let Some(b) = &p.buyer {
                let e = buyers.entry(b).or_insert((p.buyer_name.as_deref().unwrap_or(b), 0));
                e.1 += 1;
            }
            categories.extend(p.category.as_deref());
            methods.insert(p.method, ());
        }
        let mut buyers: Vec<(String, String, usize)> =
            buyers.into_iter().map(|(id, (name, n))| (id.to_string(), name.to_string(), n)).collect();
        buyers.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        Options {
            processes: ps.len(),
            years: years.into_iter().rev().collect(),
            buyers,
            categories: categories.into_iter().map(str::to_string).collect(),
            methods: methods.into_keys().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ps() -> Vec<Process> {
        [
            json!({"ocid":"a","buyer":{"id":"B1","name":"Uno"},"tender":{"procurementMethod":"open","numberOfTenderers":1,"mainProcurementCategory":"goods",
                "tenderPeriod":{"startDate":"2020-01-01","endDate":"2020-01-05"}}}),
            json!({"ocid":"b","buyer":{"id":"B1","name":"Uno"},"tender":{"procurementMethod":"direct","mainProcurementCategory":"works","tenderPeriod":{"startDate":"2021-01-01"}}}),
            json!({"ocid":"c","buyer":{"id":"B 2","name":"Dos"},"tender":{"procurementMethod":"open","numberOfTenderers":3,"tenderPeriod":{"startDate":"2021-03-01","endDate":"2021-04-01"}}}),
            json!({"ocid":"d","tender":{"tenderPeriod":{"startDate":"2021-05-01"}}}),
        ]
        .iter()
        .filter_map(Process::from_release)
        .collect()
    }

    #[test]
    fn filters_read_from_the_url_and_select() {
        let (f, ignored) = Filter::from_query([
            ("year", "2021"),
            ("buyer", "B 2"),
            ("method", "open"),
            ("days", "0"),
            ("category", "x\u{0}y"),
            ("other", "1"),
        ]);
        assert_eq!(ignored, ["days", "category"]);
        let all = ps();
        let sel: Vec<&Process> = all.iter().filter(|p| f.matches(p)).collect();
        assert_eq!(sel.iter().map(|p| p.ocid.as_str()).collect::<Vec<_>>(), ["c"]);
        assert_eq!(f.days(), 15.0);
        let (u, _) = Filter::from_query([("method", "unknown")]);
        assert_eq!(all.iter().filter(|p| u.matches(p)).count(), 1);
        let url = crate::routes::with_query("/es/indicators", &[], &f.changes());
        assert_eq!(url, "/es/indicators?year=2021&buyer=B%202&method=open");
        assert!(Filter::from_query([("days", "10")]).0.selects_all());
        assert_eq!(Filter::from_query([("year", "99999")]).1, ["year"]);
        // A supplier (a profile's links): processes where it holds an award.
        let mut with_award = all.clone();
        with_award[1].awards =
            vec![crate::ocds::process::Award { date: None, value: None, suppliers: vec!["S1".into()], status: None }];
        let (s, _) = Filter::from_query([("supplier", "S1")]);
        assert_eq!(with_award.iter().filter(|p| s.matches(p)).map(|p| p.ocid.as_str()).collect::<Vec<_>>(), ["b"]);
        assert!(crate::routes::with_query("/es/indicators", &[], &s.changes()).ends_with("?supplier=S1"));
    }

    /// The facts' columns select what `matches` does, for every filter over the real samples
    /// (and a text no process has: nothing).
    #[test]
    fn selection_from_the_facts_agrees_with_matching_each_process() {
        let (all, _) = crate::ocds::load(
            [
                "public/ocds/colombia/sample/records",
                "public/ocds/mexico/jalisco/sample/records",
                "public/ocds/peru/sample",
            ]
            .iter()
            .flat_map(|d| crate::testdata::folder(d))
            .collect::<Vec<_>>()
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str())),
        );
        let facts = Facts::of(&all);
        let o = Options::of(&all.iter().collect::<Vec<_>>());
        let supplier = all.iter().flat_map(|p| p.awards.iter().flat_map(|a| a.suppliers.clone())).next().unwrap();
        let mut queries: Vec<Vec<(&str, String)>> =
            vec![vec![], vec![("buyer", "nobody".into())], vec![("supplier", supplier)]];
        queries.extend(o.years.iter().map(|y| vec![("year", y.to_string())]));
        queries.extend(o.buyers.iter().take(3).map(|b| vec![("buyer", b.0.clone())]));
        queries.extend(o.categories.iter().map(|c| vec![("category", c.clone()), ("method", "open".into())]));
        queries.extend(
            o.methods.iter().map(|m| vec![("method", method_code(*m).into()), ("year", o.years[0].to_string())]),
        );
        let mut hits = 0;
        for q in queries {
            let (f, ignored) = Filter::from_query(q.iter().map(|(k, v)| (*k, v.as_str())));
            assert!(ignored.is_empty());
            let walked: Vec<usize> = (0..all.len()).filter(|i| f.matches(&all[*i])).collect();
            assert_eq!(f.select(&facts), walked, "{q:?}");
            hits += walked.len();
        }
        assert!(hits > all.len(), "the filters select something");
    }

    #[test]
    fn one_walk_gives_the_dashboard_and_the_trends() {
        let all = ps();
        let facts = Facts::of(&all);
        let member =
            [Some(crate::model::Country::Co), Some(crate::model::Country::Pe), None, Some(crate::model::Country::Co)];
        let groups = Groups::of(&facts, |i| member[i]);
        for sel in [vec![0, 1, 2, 3], vec![1, 3], vec![]] {
            let (s, t) = figures(&facts, &sel, 15.0, &groups);
            assert_eq!(s, dashboard(&facts, &sel, 15.0));
            assert_eq!(t, Trends::of(&facts, &sel, 15.0, &groups));
        }
    }

    #[test]
    fn lists_behind_the_numbers() {
        let all = ps();
        let facts = Facts::of(&all);
        let sel: Vec<usize> = (0..all.len()).collect();
        for code in [
            "all",
            "method-open",
            "method-unknown",
            "single-bid",
            "short-submission",
            "missing-buyer",
            "decision-outliers",
        ] {
            assert_eq!(List::parse(code).map(List::code).as_deref(), Some(code));
        }
        assert_eq!(List::parse("missing-nothing"), None);
        assert_eq!(List::parse("method-bogus"), None);
        let ids = |l: &str, days: f64| -> Vec<&str> {
            List::parse(l).unwrap().select(&facts, &sel, days).iter().map(|(i, _)| all[sel[*i]].ocid.as_str()).collect()
        };
        assert_eq!(ids("single-bid", 15.0), ["a"]);
        assert_eq!(ids("short-submission", 15.0), ["a"]);
        assert_eq!(ids("short-submission", 3.0), Vec::<&str>::new());
        assert_eq!(ids("non-competitive", 15.0), ["b"]);
        assert_eq!(ids("method-unknown", 15.0), ["d"]);
        assert_eq!(ids("missing-buyer", 15.0), ["d"]);
        let tp = List::Tendering.select(&facts, &sel, 15.0);
        assert_eq!(tp, [(0, Some(4.0)), (2, Some(31.0))]);
        // Positions in the selection, not indices into all processes.
        assert_eq!(List::SingleBid.select(&facts, &[2, 0], 15.0), [(1, None)]);
    }

    #[test]
    fn report_and_options() {
        let all = ps();
        let r = dashboard(&Facts::of(&all), &[0, 1, 2, 3], 15.0);
        assert_eq!(r.total, 4);
        assert_eq!(r.single_bid.share, Some(0.5));
        assert_eq!(r.buyers[0].buyer, "B1");
        assert_eq!(r.buyers_count, 2);
        let sel: Vec<&Process> = all.iter().collect();
        let o = Options::of(&sel);
        assert_eq!(o.years, [2021, 2020]);
        assert_eq!(o.processes, 4);
        assert_eq!(year_runs(&o.years), [(2020, 2021)]);
        assert_eq!(year_runs(&[2026, 2016, 2015, 2017, 2024, 2018, 2016]), [(2015, 2018), (2024, 2024), (2026, 2026)]);
        assert_eq!(year_runs(&[i32::MAX, i32::MAX - 1]), [(i32::MAX - 1, i32::MAX)]);
        assert!(year_runs(&[]).is_empty());
        assert_eq!(o.buyers[0], ("B1".to_string(), "Uno".to_string(), 2));
        assert_eq!(o.categories, ["goods", "works"]);
        assert_eq!(o.methods, [None, Some(Method::Open), Some(Method::Direct)]);
        assert_eq!(country_from_slug("peru"), Some(crate::model::Country::Pe));
        assert_eq!(country_from_slug(""), None);
    }
}
