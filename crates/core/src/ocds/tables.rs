//! The comparison of the four members and the time series, as datasets: what the page draws
//! (with the site's chart component, which also offers them as CSV and JSON) and what it offers
//! to download, built from `Facts::key_figures` with no page involved.

use super::digest::Source;
use super::fx::Rates;
use super::indicators::{Facts, KeyFigures, KeySums, KeyUnit, KEY_INDICATORS};
use super::process::Process;
use crate::lang::Lang;
use crate::model::{Blocks, Cell, ChartKind, Column, ColumnKind, Country, Dataset, Text};

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text { es: f(Lang::Es), en: Some(f(Lang::En)) }
}

fn unit(u: KeyUnit) -> Option<Text> {
    match u {
        KeyUnit::Share => Some(both(|_| "%".into())),
        KeyUnit::Bidders => Some(both(|l| l.o().bidders_unit.into())),
        KeyUnit::Days => Some(both(|l| l.o().days.into())),
        KeyUnit::Ratio => None,
    }
}

/// An indicator's value as the tables show it: shares in percent, the rest as they are.
pub fn shown(u: KeyUnit, v: f64) -> f64 {
    match u {
        KeyUnit::Share => v * 100.0,
        _ => v,
    }
}

fn number(v: Option<f64>) -> Cell {
    match v {
        Some(value) if value.is_finite() => Cell::Number { value, at_least: false },
        _ => Cell::Missing,
    }
}

fn count(n: usize) -> Cell {
    Cell::Number { value: n as f64, at_least: false }
}

fn dataset(id: &str, title: Text, source: Text, country: Country, chart: Option<ChartKind>) -> Dataset {
    Dataset {
        id: id.to_string(),
        title,
        summary: both(|_| String::new()),
        source,
        source_url: None,
        notes: Blocks::default(),
        country,
        topics: Vec::new(),
        year: 0,
        chart,
        columns: Vec::new(),
        rows: Vec::new(),
        highlights: Vec::new(),
        sample: false,
    }
}

fn text_column(id: &str, label: Text) -> Column {
    Column { id: id.into(), label, kind: ColumnKind::Text, unit: None }
}

fn number_column(id: &str, label: Text, unit: Option<Text>) -> Column {
    Column { id: id.into(), label, kind: ColumnKind::Number, unit }
}

/// Every key indicator, each with the processes it rests on, one row per group (`label`):
/// the comparison's table, and a member's time series as one CSV.
pub fn full(
    id: &str,
    title: Text,
    source: Text,
    country: Country,
    first: Column,
    rows: &[(Text, &KeyFigures)],
) -> Dataset {
    let mut d = dataset(id, title, source, country, None);
    d.columns.push(first);
    d.columns.push(number_column("processes", both(|l| l.o().mix_count.into()), None));
    for (key, u) in KEY_INDICATORS {
        d.columns.push(number_column(key, both(|l| l.o().indicator(key).into()), unit(u)));
        d.columns.push(number_column(
            &format!("{key}-n"),
            both(|l| format!("{} — {}", l.o().indicator(key), l.o().used)),
            None,
        ));
    }
    d.rows = rows
        .iter()
        .map(|(label, k)| {
            let mut row = vec![Cell::Text(label.clone()), count(k.processes)];
            for ((v, n), (_, u)) in k.values.iter().zip(KEY_INDICATORS) {
                row.push(number(v.map(|v| shown(u, v))));
                row.push(count(*n));
            }
            row
        })
        .collect();
    d
}

/// The members side by side: every key indicator per member, on one methodology.
pub fn comparison(source: Text, rows: &[(Country, KeyFigures)]) -> Dataset {
    let labelled: Vec<(Text, &KeyFigures)> =
        rows.iter().map(|(c, k)| (both(|l| l.t().country(*c).into()), k)).collect();
    full(
        "ocds-comparison",
        both(|l| l.o().comparison.into()),
        source,
        Country::Ap,
        text_column("member", both(|l| l.o().member.into())),
        &labelled,
    )
}

/// The shares of the comparison as a grouped bar chart (one scale, percent).
pub fn comparison_chart(source: Text, rows: &[(Country, KeyFigures)]) -> Dataset {
    let mut d = dataset(
        crate::widget::PROCUREMENT_COMPARISON,
        both(|l| l.o().comparison_shares.into()),
        source,
        Country::Ap,
        Some(ChartKind::Bar),
    );
    d.columns.push(text_column("member", both(|l| l.o().member.into())));
    let shares: Vec<usize> = (0..KEY_INDICATORS.len()).filter(|k| KEY_INDICATORS[*k].1 == KeyUnit::Share).collect();
    for &k in &shares {
        let key = KEY_INDICATORS[k].0;
        d.columns.push(number_column(key, both(|l| l.o().indicator(key).into()), unit(KeyUnit::Share)));
    }
    d.rows = rows
        .iter()
        .map(|(c, f)| {
            let mut row = vec![Cell::Text(both(|l| l.t().country(*c).into()))];
            row.extend(shares.iter().map(|&k| number(f.values[k].0.map(|v| v * 100.0))));
            row
        })
        .collect();
    d
}

/// The members' shares side by side over every process given, for the publishing step (the
/// comparison's embeddable widget): each process with its member; the summary says how many
/// processes of which years the figures rest on, and each member's count is in its label.
pub fn published_comparison(
    processes: &[Process],
    member: &[Country],
    source: Text,
    topics: Vec<String>,
) -> Option<Dataset> {
    let facts = Facts::of(processes);
    let groups = Groups::of(&facts, |i| member.get(i).copied());
    let all: Vec<usize> = (0..processes.len()).collect();
    let t = Trends::of(&facts, &all, super::report::Filter::default().days(), &groups);
    let rows: Vec<(Country, KeyFigures)> = t.members.into_iter().filter(|(_, k)| k.processes > 0).collect();
    if rows.is_empty() {
        return None;
    }
    let mut d = comparison_chart(source, &rows);
    for (row, (_, k)) in d.rows.iter_mut().zip(&rows) {
        if let Some(Cell::Text(label)) = row.first_mut() {
            let n = k.processes;
            *label = both(|l| {
                format!(
                    "{} ({})",
                    label.get(l),
                    crate::i18n::format_counted(l, n, l.o().process_one, l.o().processes_word)
                )
            });
        }
    }
    let years: Vec<i32> =
        processes.iter().filter_map(|p| p.year).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let runs = super::report::year_runs(&years);
    let total = processes.len();
    d.summary = both(|l| l.o().basis(&crate::i18n::format_count(l, total), &runs));
    d.year = years.last().copied().unwrap_or_default();
    d.topics = topics;
    // The headline: the competitive share over every process (the members' means, weighted by
    // the processes each rests on, are the mean over all).
    let (sum, used) = rows.iter().fold((0.0, 0usize), |(s, n), (_, k)| match k.values[0] {
        (Some(v), u) => (s + v * u as f64, n + u),
        _ => (s, n),
    });
    if used > 0 {
        let members = rows.len();
        d.highlights = vec![crate::model::Highlight {
            value: (sum / used as f64 * 1000.0).round() / 10.0,
            decimals: 1,
            prefix: None,
            suffix: Some(both(|_| "%".into())),
            at_least: false,
            label: both(|l| l.o().headline(used, members)),
        }];
    }
    d.notes = crate::model::Blocks {
        es: vec![Lang::Es.o().published_note().into()],
        en: Some(vec![Lang::En.o().published_note().into()]),
    };
    Some(d)
}

/// One indicator per year, one line per series (a member, or the page's processes): years
/// with no processes in a series are gaps, not zeros.
pub fn series(
    source: Text,
    country: Country,
    key: usize,
    years: &[i32],
    lines: &[(Text, Vec<KeyFigures>)],
) -> Option<Dataset> {
    let (id, u) = *KEY_INDICATORS.get(key)?;
    let mut d = dataset(
        &format!("ocds-series-{id}"),
        both(|l| format!("{} — {}", l.o().indicator(id), l.o().per_year)),
        source,
        country,
        Some(ChartKind::Line),
    );
    d.columns.push(text_column("year", both(|l| l.o().year.into())));
    for (label, _) in lines {
        d.columns.push(number_column(&label.es, label.clone(), unit(u)));
    }
    d.rows = years
        .iter()
        .enumerate()
        .map(|(y, year)| {
            let mut row = vec![Cell::Text(both(|_| year.to_string()))];
            row.extend(
                lines.iter().map(|(_, figs)| number(figs.get(y).and_then(|f| f.values[key].0).map(|v| shown(u, v)))),
            );
            row
        })
        .collect();
    Some(d)
}

/// Every key indicator per year for one group of processes (a member's): one CSV.
pub fn per_year(id: &str, source: Text, country: Country, years: &[i32], figs: &[KeyFigures]) -> Dataset {
    let rows: Vec<(Text, &KeyFigures)> = years.iter().zip(figs).map(|(y, k)| (both(|_| y.to_string()), k)).collect();
    full(
        id,
        both(|l| format!("{} — {}", l.o().title, l.o().per_year)),
        source,
        country,
        text_column("year", both(|l| l.o().year.into())),
        &rows,
    )
}

/// The key figures a page compares: per member (the comparison), per year for the page's
/// processes, and per year per member (the time series).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trends {
    pub members: Vec<(Country, KeyFigures)>,
    pub years: Vec<i32>,
    pub by_year: Vec<KeyFigures>,
    pub member_years: Vec<(Country, Vec<KeyFigures>)>,
}

/// The four members, in the order tables show them.
pub const MEMBERS: [Country; 4] = [Country::Cl, Country::Co, Country::Mx, Country::Pe];

/// Each process's member and year as small indices, worked out once per page's data so that a
/// filter change only walks numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Groups {
    pub years: Vec<i32>,
    /// Per process: (index into `MEMBERS`, index into `years`), u8/u16::MAX for none.
    of: Vec<(u8, u16)>,
}

impl Groups {
    pub fn of(facts: &Facts, member: impl Fn(usize) -> Option<Country>) -> Groups {
        let years = facts.years();
        let of = (0..facts.facts.len())
            .map(|i| {
                let m = member(i).and_then(|c| MEMBERS.iter().position(|x| *x == c)).map_or(u8::MAX, |m| m as u8);
                let y = facts.facts[i].year.and_then(|y| years.binary_search(&y).ok()).map_or(u16::MAX, |y| y as u16);
                (m, y)
            })
            .collect();
        Groups { years, of }
    }
}

impl Groups {
    /// How many member × year cells there are: one more row and column for processes of no
    /// member or year.
    pub fn cells(&self) -> usize {
        (MEMBERS.len() + 1) * (self.years.len() + 1)
    }

    /// Process `i`'s cell.
    pub fn cell(&self, i: usize) -> usize {
        let (nm, ny) = (MEMBERS.len() + 1, self.years.len() + 1);
        let (m, y) = self.of.get(i).copied().unwrap_or((u8::MAX, u16::MAX));
        (m as usize).min(nm - 1) * ny + (y as usize).min(ny - 1)
    }
}

impl Trends {
    /// Over the selection `sel`, in one walk into member × year cells, folded into the
    /// members' and the years' figures.
    pub fn of(facts: &Facts, sel: &[usize], days: f64, groups: &Groups) -> Trends {
        let cells = facts.key_sums(sel, days, groups.cells(), |i| Some(groups.cell(i)));
        Trends::fold(&cells, groups)
    }

    /// From the member × year cells' sums (`Groups::cell`).
    pub fn fold(cells: &[KeySums], groups: &Groups) -> Trends {
        let (nm, ny) = (MEMBERS.len() + 1, groups.years.len() + 1);
        let none = KeySums::default();
        let cells = |k: usize| cells.get(k).unwrap_or(&none);
        let fold = |pick: &dyn Fn(usize, usize) -> bool| {
            let mut acc = KeySums::default();
            for k in 0..nm * ny {
                if pick(k / ny, k % ny) {
                    acc.add(cells(k));
                }
            }
            acc.figures()
        };
        let members = (0..MEMBERS.len()).map(|m| (MEMBERS[m], fold(&|cm, _| cm == m))).collect();
        let by_year = (0..ny - 1).map(|y| fold(&|_, cy| cy == y)).collect();
        let member_years = (0..MEMBERS.len())
            .map(|m| (MEMBERS[m], (0..ny - 1).map(|y| cells(m * ny + y).figures()).collect()))
            .collect();
        Trends { members, years: groups.years.clone(), by_year, member_years }
    }
}

/// Suppliers awarded in a year, and how many of them had no award in an earlier year of the
/// data (the data's first year has no earlier one: its share is not given).
#[derive(Clone, Debug, PartialEq)]
pub struct NewSuppliers {
    pub year: i32,
    pub suppliers: usize,
    pub new: usize,
    /// None for the first year with awards.
    pub share: Option<f64>,
}

/// A member's supplier market in one currency: awarded value, suppliers, HHI.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketConcentration {
    pub currency: String,
    pub total: f64,
    pub suppliers: usize,
    pub hhi: f64,
}

/// Per member: new suppliers per year and the concentration of awarded value among suppliers
/// (HHI per currency), over every process given (computed once per page, not per filter).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Market {
    pub members: Vec<(Country, Vec<NewSuppliers>, Vec<MarketConcentration>)>,
    /// Per member (same order): awarded value per (year, currency), sorted; year 0 where the
    /// process has no year. What `fx::Rates::total` turns into dollars.
    pub awarded: Vec<Vec<(i32, String, f64)>>,
}

impl Market {
    /// From the facts' valued awards (interned ids, no string hashing), per member.
    pub fn of(facts: &Facts, groups: &Groups) -> Market {
        use std::collections::HashMap;
        let nm = MEMBERS.len();
        // Per member: (year, supplier) of each valued award, and value per (currency, supplier).
        let mut pairs: Vec<Vec<(u16, u32)>> = vec![Vec::new(); nm];
        let mut value: Vec<HashMap<(u32, u32), f64>> = vec![HashMap::new(); nm];
        let mut per_year: Vec<HashMap<(u16, u32), f64>> = vec![HashMap::new(); nm];
        for (i, (m, y)) in groups.of.iter().enumerate() {
            let m = *m as usize;
            if m >= nm {
                continue;
            }
            for (cur, s, v) in facts.supplies_of(i) {
                if *y != u16::MAX {
                    pairs[m].push((*y, s));
                }
                *value[m].entry((cur, s)).or_default() += v;
                *per_year[m].entry((*y, cur)).or_default() += v;
            }
        }
        let mut members = Vec::new();
        let mut awarded = Vec::new();
        for (m, c) in MEMBERS.iter().enumerate() {
            let mut p = std::mem::take(&mut pairs[m]);
            if p.is_empty() && value[m].is_empty() {
                continue;
            }
            p.sort_unstable();
            p.dedup();
            // Each supplier's first year: the pairs are sorted by year, so the first met.
            let mut first: HashMap<u32, u16> = HashMap::new();
            for (y, s) in &p {
                first.entry(*s).or_insert(*y);
            }
            let mut years: Vec<NewSuppliers> = Vec::new();
            for (y, s) in &p {
                let year = groups.years.get(*y as usize).copied().unwrap_or_default();
                if years.last().is_none_or(|r| r.year != year) {
                    years.push(NewSuppliers { year, suppliers: 0, new: 0, share: None });
                }
                if let Some(r) = years.last_mut() {
                    r.suppliers += 1;
                    r.new += usize::from(first.get(s) == Some(y));
                }
            }
            for r in years.iter_mut().skip(1) {
                r.share = (r.suppliers > 0).then(|| r.new as f64 / r.suppliers as f64);
            }
            let mut per_cur: Vec<(u32, Vec<f64>)> = Vec::new();
            for ((cur, _), v) in &value[m] {
                match per_cur.iter_mut().find(|x| x.0 == *cur) {
                    Some(x) => x.1.push(*v),
                    None => per_cur.push((*cur, vec![*v])),
                }
            }
            let mut conc: Vec<MarketConcentration> = per_cur
                .into_iter()
                .filter_map(|(cur, vs)| {
                    let total: f64 = vs.iter().sum();
                    (total > 0.0).then(|| MarketConcentration {
                        currency: facts.name(cur),
                        total,
                        suppliers: vs.len(),
                        hhi: vs.iter().map(|v| (v / total * 100.0).powi(2)).sum(),
                    })
                })
                .collect();
            conc.sort_by(|a, b| a.currency.cmp(&b.currency));
            members.push((*c, years, conc));
            let mut a: Vec<(i32, String, f64)> = per_year[m]
                .iter()
                .map(|((y, cur), v)| (groups.years.get(*y as usize).copied().unwrap_or(0), facts.name(*cur), *v))
                .collect();
            a.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
            awarded.push(a);
        }
        Market { members, awarded }
    }
}

/// A day (UTC) as YYYY-MM-DD.
pub fn day(ts: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(ts, 0).map(|d| d.format("%Y-%m-%d").to_string())
}

/// One process of a list: the process (its details filled), its source, the OCDS file it came
/// from (a site path or a URL) and the value that put it in the list.
pub struct Listed<'a> {
    pub process: &'a Process,
    pub source: &'a Source,
    pub file: String,
    pub measure: Option<f64>,
}

/// A list of processes as a table a person can reuse: names, not ids; dates as days; the
/// publisher's page and the OCDS file; `measure` names the list's value column, if any.
/// Values also in US dollars at their year's rate (`rates`), with the year of the rate used.
pub fn process_list(
    id: &str,
    title: Text,
    measure: Option<(Text, Option<Text>)>,
    rows: &[Listed],
    rates: &Rates,
) -> Dataset {
    let mut publishers: Vec<&str> = rows.iter().map(|r| r.source.publisher.as_str()).collect();
    publishers.sort_unstable();
    publishers.dedup();
    let source = both(|_| publishers.join("; "));
    let mut d = dataset(id, title, source, Country::Ap, None);
    let col = |id: &str, es: &str, en: &str| text_column(id, Text { es: es.into(), en: Some(en.into()) });
    d.columns = vec![
        col("ocid", "ocid", "ocid"),
        col("title", "Título", "Title"),
        col("buyer", "Comprador", "Buyer"),
        col("suppliers", "Proveedores", "Suppliers"),
        col("method", "Modalidad (OCDS)", "Method (OCDS)"),
        col("local-method", "Nombre local de la modalidad", "Local name of the method"),
        number_column("value", both(|l| l.o().value.into()), None),
        col("currency", "Moneda", "Currency"),
        number_column("value-usd", both(|l| l.o().usd_column().into()), None),
        col("usd-rate-year", "Año del tipo de cambio", "Year of the exchange rate"),
        col("tender-start", "Inicio de ofertas", "Tender start"),
        col("tender-end", "Cierre de ofertas", "Tender end"),
        col("award-date", "Adjudicación", "Award"),
        col("signed", "Firma", "Signature"),
    ];
    if let Some((label, unit)) = measure.clone() {
        d.columns.push(number_column("measure", label, unit));
    }
    d.columns.extend([
        col("publisher-page", "Página del publicador", "Publisher's page"),
        col("document", "Documento del proceso", "Process document"),
        col("ocds-file", "Archivo OCDS", "OCDS file"),
        col("publisher", "Publicador", "Publisher"),
        col("licence", "Licencia", "Licence"),
    ]);
    let t = |s: Option<String>| Cell::Text(both(|_| s.clone().unwrap_or_default()));
    d.rows = rows
        .iter()
        .map(|r| {
            let p = r.process;
            let value = p.tender_value.as_ref().or(p.contract_value.as_ref());
            let suppliers: Vec<&str> = p.suppliers().into_iter().map(|k| p.supplier_name(k)).collect();
            let mut row = vec![
                t(Some(p.ocid.clone())),
                t(p.title.clone()),
                t(p.buyer_name.clone().or_else(|| p.buyer.clone())),
                t(Some(suppliers.join("; "))),
                Cell::Text(both(|l| l.o().method(p.method).into())),
                t(p.method_details.clone()),
                number(value.map(|m| m.amount)),
                t(value.map(|m| m.currency.clone())),
            ];
            let usd = value.zip(p.year).and_then(|(m, y)| rates.to_usd(&m.currency, y, m.amount));
            row.extend([number(usd.map(|u| u.0)), t(usd.map(|u| u.1.year.to_string()))]);
            row.extend([
                t(p.tender_start.and_then(day)),
                t(p.tender_end.and_then(day)),
                t(p.awards.iter().filter_map(|a| a.date).min().and_then(day)),
                t(p.signed.iter().min().copied().and_then(day)),
            ]);
            if measure.is_some() {
                row.push(number(r.measure));
            }
            row.extend([
                t(p.tender_id.as_deref().and_then(|i| r.source.process_page(i))),
                t(p.document.clone()),
                t(Some(r.file.clone())),
                t(Some(r.source.publisher.clone())),
                t(r.source.licence.clone()),
            ]);
            row
        })
        .collect();
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::export::csv;

    fn figs(processes: usize, competitive: Option<f64>, used: usize) -> KeyFigures {
        let mut k = KeyFigures { processes, ..KeyFigures::default() };
        k.values[0] = (competitive, used);
        k
    }

    #[test]
    fn comparison_and_series_tables() {
        let src = Text { es: "OECE".into(), en: None };
        let rows = vec![(Country::Cl, figs(2, None, 0)), (Country::Pe, figs(21, Some(0.5), 20))];
        let d = comparison(src.clone(), &rows);
        assert_eq!(d.rows.len(), 2);
        assert_eq!(d.columns.len(), 2 + 2 * KEY_INDICATORS.len());
        // No data is an empty cell, never a zero; shares in percent, with their coverage.
        let text = csv(&d, Lang::Es);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("Procesos competitivos (%)"), "{}", lines[0]);
        assert!(lines[1].starts_with("Chile,2,,0,"), "{}", lines[1]);
        assert!(lines[2].starts_with("Perú,21,50,20,"), "{}", lines[2]);
        let chart = comparison_chart(src.clone(), &rows);
        assert_eq!(chart.columns.len(), 1 + 3);
        assert_eq!(chart.rows[1][1], Cell::Number { value: 50.0, at_least: false });
        // A series: one column per line, gaps where a year has no figure.
        let lines =
            vec![(Text { es: "Perú".into(), en: Some("Peru".into()) }, vec![figs(1, Some(1.0), 1), figs(0, None, 0)])];
        let s = series(src.clone(), Country::Pe, 0, &[2023, 2024], &lines).unwrap();
        assert_eq!(s.rows[0][1], Cell::Number { value: 100.0, at_least: false });
        assert_eq!(s.rows[1][1], Cell::Missing);
        assert!(series(src.clone(), Country::Pe, 99, &[2024], &lines).is_none());
        let py = per_year("peru-per-year", src, Country::Pe, &[2023, 2024], &lines[0].1);
        assert!(csv(&py, Lang::En).lines().nth(1).unwrap().starts_with("2023,1,100,1,"));
    }

    #[test]
    fn trends_per_member_and_year() {
        let ps: Vec<Process> = [
            ("a", "2020-01-01", "open"),
            ("b", "2020-02-01", "direct"),
            ("c", "2021-01-01", "open"),
            ("d", "2021-01-01", "direct"),
        ]
        .iter()
        .filter_map(|(o, d, m)| {
            Process::from_release(
                &serde_json::json!({"ocid":o,"tender":{"procurementMethod":m,"tenderPeriod":{"startDate":d}}}),
            )
        })
        .collect();
        let facts = Facts::of(&ps);
        // a, b Chilean; c Peruvian; d of no member.
        let member = |i: usize| [Some(Country::Cl), Some(Country::Cl), Some(Country::Pe), None][i];
        let groups = Groups::of(&facts, member);
        let t = Trends::of(&facts, &[0, 1, 2, 3], 15.0, &groups);
        assert_eq!(t.years, [2020, 2021]);
        assert_eq!(t.members[0], (Country::Cl, t.members[0].1.clone()));
        assert_eq!((t.members[0].1.processes, t.members[0].1.values[0]), (2, (Some(0.5), 2)));
        assert_eq!(t.members[1].1.processes, 0);
        assert_eq!(t.by_year.iter().map(|k| k.processes).collect::<Vec<_>>(), [2, 2]);
        let pe = &t.member_years[3];
        assert_eq!((pe.0, pe.1[0].processes, pe.1[1].processes), (Country::Pe, 0, 1));
        assert_eq!(pe.1[1].values[0], (Some(1.0), 1));
        // A selection: the rows stay, emptied.
        let t = Trends::of(&facts, &[2], 15.0, &groups);
        assert_eq!(t.by_year[0].processes, 0);
    }

    #[test]
    fn new_suppliers_per_year_and_market_concentration() {
        let ps: Vec<Process> = [
            serde_json::json!({"ocid":"a","buyer":{"id":"B"},"tender":{"tenderPeriod":{"startDate":"2020-01-01"}},"awards":[{"value":{"amount":300,"currency":"PEN"},"suppliers":[{"id":"S1"}]}]}),
            serde_json::json!({"ocid":"b","buyer":{"id":"B"},"tender":{"tenderPeriod":{"startDate":"2021-01-01"}},"awards":[{"value":{"amount":100,"currency":"PEN"},"suppliers":[{"id":"S1"},{"id":"S2"}]}]}),
            serde_json::json!({"ocid":"c","buyer":{"id":"B2"},"tender":{"tenderPeriod":{"startDate":"2021-05-01"}},"awards":[{"value":{"amount":5,"currency":"USD"},"suppliers":[{"id":"S3"}]}]}),
            // No value: not a supply (the market counts valued awards).
            serde_json::json!({"ocid":"d","buyer":{"id":"B2"},"tender":{"tenderPeriod":{"startDate":"2021-06-01"}},"awards":[{"suppliers":[{"id":"S9"}]}]}),
        ]
        .iter()
        .filter_map(Process::from_release)
        .collect();
        let facts = Facts::of(&ps);
        let m = Market::of(&facts, &Groups::of(&facts, |_| Some(Country::Pe)));
        assert_eq!(m.members.len(), 1);
        let (c, years, conc) = &m.members[0];
        assert_eq!(*c, Country::Pe);
        // Awarded value per year and currency, what the dollar figures convert.
        assert_eq!(
            m.awarded[0],
            [(2020, "PEN".to_string(), 300.0), (2021, "PEN".to_string(), 100.0), (2021, "USD".to_string(), 5.0)]
        );
        assert_eq!(years[0], NewSuppliers { year: 2020, suppliers: 1, new: 1, share: None });
        // 2021: S1 (seen in 2020), S2 and S3 new.
        assert_eq!(years[1], NewSuppliers { year: 2021, suppliers: 3, new: 2, share: Some(2.0 / 3.0) });
        // PEN: S1 350, S2 50 of 400 (the joint award split evenly).
        assert_eq!((conc[0].currency.as_str(), conc[0].total, conc[0].suppliers), ("PEN", 400.0, 2));
        assert!((conc[0].hhi - (87.5f64.powi(2) + 12.5f64.powi(2))).abs() < 1e-9);
        assert_eq!((conc[1].currency.as_str(), conc[1].hhi), ("USD", 10_000.0));
        assert!(Market::of(&facts, &Groups::of(&facts, |_| None)).members.is_empty());
    }

    #[test]
    fn the_published_comparison_names_its_basis() {
        let ps: Vec<Process> = [("a", "2016-01-01", "open", 1), ("b", "2018-02-01", "direct", 1), ("c", "2024-01-01", "open", 3)]
            .iter()
            .filter_map(|(o, d, m, n)| {
                Process::from_release(&serde_json::json!({"ocid":o,"tender":{"procurementMethod":m,"numberOfTenderers":n,"tenderPeriod":{"startDate":d}}}))
            })
            .collect();
        let src = Text { es: "OECE".into(), en: None };
        let d = published_comparison(&ps, &[Country::Co, Country::Co, Country::Pe], src.clone(), vec![]).unwrap();
        assert_eq!(d.id, "ocds-comparison-shares");
        assert_eq!(d.summary.es, "Cifras calculadas sobre 3 procesos de 2016, 2018 y 2024.");
        // Members with processes only, each with its count.
        let labels: Vec<String> = d
            .rows
            .iter()
            .map(|r| match &r[0] {
                Cell::Text(t) => t.es.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(labels, ["Colombia (2 procesos)", "Perú (1 proceso)"]);
        assert_eq!(d.rows[0][1], Cell::Number { value: 50.0, at_least: false });
        // The headline: 2 of 3 competitive, over both members; the year is the latest.
        assert_eq!(d.highlights[0].value, 66.7);
        assert_eq!(d.highlights[0].label.es, "de los procesos fueron competitivos (abiertos o selectivos), sobre 3 procesos de 2 miembros con datos abiertos");
        assert_eq!(d.year, 2024);
        // Written as an editor would write it, it reads back the same.
        let file = serde_json::json!({"format": 1, "datasets": [crate::model::dataset_json(&d)]}).to_string();
        let back = crate::model::parse_file::<Dataset>(&file).unwrap();
        assert_eq!(back.items[0], d);
        assert!(published_comparison(&[], &[], src, vec![]).is_none());
    }

    #[test]
    fn a_process_list_reads_as_names_and_days() {
        let p = Process::from_release(&serde_json::json!({"ocid":"ocds-70d2nz-1-LE26","buyer":{"id":"CL-1","name":"Hospital, Norte"},
            "tender":{"id":"1-LE26","title":"Sillas","procurementMethod":"open","procurementMethodDetails":"Licitación Pública",
                "value":{"amount":1500,"currency":"CLP"},"tenderPeriod":{"startDate":"2026-01-05T10:00:00-03:00","endDate":"2026-01-20"}},
            "awards":[{"date":"2026-02-01","suppliers":[{"id":"S1","name":"Muebles \"Sur\""}]}]}))
        .unwrap();
        let source = Source {
            publisher: "ChileCompra".into(),
            licence: Some("CC0 1.0".into()),
            page: Some("https://www.mercadopublico.cl/x?idlicitacion={id}".into()),
            ..Source::default()
        };
        let rows = [Listed { process: &p, source: &source, file: "ocds/chile/a.json".into(), measure: Some(15.0) }];
        let d = process_list(
            "processes",
            Text { es: "Procesos".into(), en: None },
            Some((Text { es: "Días".into(), en: None }, None)),
            &rows,
            &serde_json::from_str(r#"{"per_usd":{"CLP":{"2024":750}}}"#).unwrap(),
        );
        let text = csv(&d, Lang::Es);
        let line = text.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "ocds-70d2nz-1-LE26,Sillas,\"Hospital, Norte\",\"Muebles \"\"Sur\"\"\",Abierta,Licitación Pública,1500,CLP,2,2024,2026-01-05,2026-01-20,2026-02-01,,15,https://www.mercadopublico.cl/x?idlicitacion=1-LE26,,ocds/chile/a.json,ChileCompra,CC0 1.0"
        );
        assert_eq!(d.source.es, "ChileCompra");
    }
}

/// Timings on the 100,000 generated processes (`scripts/build-ocds-corpus.sh` first):
/// `cargo test --lib timing_at_scale -- --ignored --nocapture`.
#[cfg(test)]
mod scale {
    use super::*;
    use crate::ocds::digest::Digest;

    #[test]
    #[ignore]
    fn timing_at_scale() {
        let mut ps = Vec::new();
        let mut country = Vec::new();
        // The generated corpus (scripts/build-ocds-corpus.sh) at the workspace root.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dist-ocds/ocds/digest");
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.display().to_string();
            if name.ends_with(".details.json") {
                continue;
            }
            let d = Digest::parse(&name, &std::fs::read_to_string(&p).unwrap()).unwrap();
            let (got, _) = d.processes();
            let c = [("chile", Country::Cl), ("colombia", Country::Co), ("mexico", Country::Mx), ("peru", Country::Pe)]
                .iter()
                .find(|x| name.contains(x.0))
                .map(|x| x.1);
            country.extend(std::iter::repeat_n(c, got.len()));
            ps.extend(got);
        }
        let facts = Facts::of(&ps);
        let sel: Vec<usize> = (0..ps.len()).collect();
        let t = std::time::Instant::now();
        let _ = crate::ocds::report::dashboard(&facts, &sel, 15.0);
        let dash = t.elapsed();
        let groups = Groups::of(&facts, |i| country[i]);
        let t = std::time::Instant::now();
        let _ = Trends::of(&facts, &sel, 15.0, &groups);
        let trends = t.elapsed();
        let t = std::time::Instant::now();
        let _ = Market::of(&facts, &groups);
        let market = t.elapsed();
        eprintln!("{} processes: dashboard {dash:?}, trends {trends:?}, market {market:?}", ps.len());
        eprintln!("names {}", facts.names.len());
        if let Ok(n) = std::env::var("LOOP") {
            let (f, _) = crate::ocds::report::Filter::from_query([("category", "works")]);
            let sel: Vec<usize> = ps.iter().enumerate().filter(|(_, p)| f.matches(p)).map(|(i, _)| i).collect();
            let t = std::time::Instant::now();
            for _ in 0..n.parse::<usize>().unwrap() {
                std::hint::black_box(crate::ocds::report::figures(&facts, &sel, 15.0, &groups));
            }
            eprintln!("loop {:?}", t.elapsed());
        }
        // A filter change: the selection walk, then the two summaries over it (median of 9).
        use crate::ocds::report::Filter;
        let years = facts.years();
        for (name, q) in [
            ("year", years.get(years.len() / 2).map(|y| y.to_string()).unwrap_or_default()),
            ("method", "open".into()),
            ("category", "works".into()),
        ] {
            let (f, _) = Filter::from_query([(name, q.as_str())]);
            let mut t = [Vec::new(), Vec::new(), Vec::new()];
            let mut n = 0;
            for _ in 0..9 {
                let a = std::time::Instant::now();
                let sel = f.select(&facts);
                let b = std::time::Instant::now();
                let _ = crate::ocds::report::figures(&facts, &sel, 15.0, &groups);
                let c = std::time::Instant::now();
                let d = std::time::Instant::now();
                n = sel.len();
                t[0].push(b - a);
                t[1].push(c - b);
                t[2].push(d - c);
            }
            let [s, r, _] = t.map(|mut v| {
                v.sort();
                v[4]
            });
            eprintln!("{name}={q} ({n}): select {s:?}, dashboard and trends {r:?}");
        }
    }
}
