//! A text summary of a chart for screen readers (and anyone): which value is highest, which is
//! lowest and by how much, and what is missing.

use super::scene::full_value;
use super::spec::ChartSpec;
use crate::lang::Lang;
use crate::model::ChartKind;

/// A value as the chart shows it: its number and whether the source gives it as a minimum.
type Point = (usize, f64, bool);
/// A series as the summary reads it: its name (empty if alone) and per category its value and
/// whether it is a minimum.
type Read = (String, Vec<Option<(f64, bool)>>);

pub fn summary(spec: &ChartSpec, lang: Lang) -> String {
    let n = spec.categories.len();
    if spec.values().next().is_none() {
        return lang.pick(
            "La fuente no publica los valores de este gráfico.".into(),
            "The source does not publish this chart's values.".into(),
        );
    }
    let at_least = |s: &super::spec::Series, i: usize| s.at_least.get(i).copied().unwrap_or(false);
    // A series' values, each with whether it is a minimum.
    let read = |s: &super::spec::Series| -> Vec<Option<(f64, bool)>> {
        s.values.iter().enumerate().map(|(i, v)| v.map(|v| (v, at_least(s, i)))).collect()
    };
    // Stacked charts are summarised by their totals (a minimum if any part is one).
    let series: Vec<Read> = if spec.is_stacked() {
        let totals: Vec<Option<(f64, bool)>> = (0..n)
            .map(|i| {
                let parts: Vec<(f64, bool)> = spec
                    .series
                    .iter()
                    .filter_map(|s| s.values.get(i).copied().flatten().map(|v| (v, at_least(s, i))))
                    .collect();
                (!parts.is_empty()).then(|| (parts.iter().map(|p| p.0).sum(), parts.iter().any(|p| p.1)))
            })
            .collect();
        let known: Vec<f64> = totals.iter().flatten().map(|t| t.0).collect();
        // Parts of the same whole everywhere (100 %): the totals say nothing, the first part does.
        if known.len() > 1 && known.iter().all(|t| (t - known[0]).abs() < 1e-9) {
            vec![(spec.series[0].name.clone(), read(&spec.series[0]))]
        } else {
            vec![("Total".to_string(), totals)]
        }
    } else {
        let named = spec.kind != ChartKind::Share && spec.series.len() > 1;
        spec.series
            .iter()
            .take(if spec.kind == ChartKind::Share { 1 } else { usize::MAX })
            .map(|s| {
                let name = if named { s.name.clone() } else { String::new() };
                (name, read(s))
            })
            .collect()
    };
    // Years in order (or a line chart) read as a change over time, other categories as a ranking.
    let over_time = spec.kind == ChartKind::Line || (n >= 3 && spec.categories.iter().all(|c| is_year(c)));
    let words = Words { spec, lang };
    let mut parts = Vec::new();
    for (name, values) in &series {
        let known: Vec<Point> = values.iter().enumerate().filter_map(|(i, v)| v.map(|(v, a)| (i, v, a))).collect();
        let prefix = if name.is_empty() { String::new() } else { format!("{name}: ") };
        let sentence = match known.as_slice() {
            [] => continue,
            [p] => lang.pick(
                format!("{prefix}un solo dato, {}: {}.", words.cat(p.0), words.val(p)),
                format!("{prefix}a single value, {}: {}.", words.cat(p.0), words.val(p)),
            ),
            _ if known.iter().all(|p| p.1 == known[0].1 && p.2 == known[0].2) => lang.pick(
                format!("{prefix}todos los valores son iguales: {}.", words.val(&known[0])),
                format!("{prefix}all values are equal: {}.", words.val(&known[0])),
            ),
            _ if over_time => format!("{prefix}{}", words.trend(&known)),
            _ => format!("{prefix}{}", words.ranking(&known)),
        };
        parts.push(sentence);
        // What is missing, named when it is one or two (a year, a category), else counted.
        let missing: Vec<usize> = (0..n).filter(|&i| values.get(i).is_none_or(Option::is_none)).collect();
        let of = if over_time { lang.pick("años", "years") } else { lang.pick("categorías", "categories") };
        match missing.as_slice() {
            [] => {}
            [a] => parts.push(
                lang.pick(format!("sin dato para {}.", words.cat(*a)), format!("no value for {}.", words.cat(*a))),
            ),
            [a, b] => parts.push(lang.pick(
                format!("sin dato para {} y {}.", words.cat(*a), words.cat(*b)),
                format!("no value for {} and {}.", words.cat(*a), words.cat(*b)),
            )),
            m => parts.push(lang.pick(
                format!("sin dato para {} de {n} {of}.", m.len()),
                format!("no value for {} of {n} {of}.", m.len()),
            )),
        }
    }
    parts.iter().map(|p| capitalise(p)).collect::<Vec<_>>().join(" ")
}

/// A year as a category ("2019").
fn is_year(c: &str) -> bool {
    c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit())
}

struct Words<'a> {
    spec: &'a ChartSpec,
    lang: Lang,
}

impl Words<'_> {
    fn unit(&self) -> Option<&str> {
        self.spec.unit.as_deref()
    }

    /// A category as a sentence names it: a year as it is, other labels quoted.
    fn cat(&self, i: usize) -> String {
        let c = self.spec.categories.get(i).cloned().unwrap_or_default();
        if is_year(&c) {
            c
        } else {
            self.lang.pick(format!("«{c}»"), format!("“{c}”"))
        }
    }

    fn val(&self, p: &Point) -> String {
        full_value(self.lang, p.1, p.2, self.unit())
    }

    /// `p` before `then` in "from 410 to 470 thousand": its number alone when both are plain
    /// numbers of the unit (the unit is said once).
    fn bare(&self, p: &Point, then: &Point) -> String {
        if p.2 || then.2 {
            self.val(p)
        } else {
            full_value(self.lang, p.1, false, None)
        }
    }

    /// How far apart two values are: percentage points between percentages.
    fn gap(&self, d: f64) -> String {
        if self.unit() == Some("%") {
            let pp = crate::i18n::format_number(self.lang, d, if d.fract() == 0.0 { 0 } else { 1 });
            self.lang.pick(format!("{pp} puntos porcentuales"), format!("{pp} percentage points"))
        } else {
            full_value(self.lang, d, false, self.unit())
        }
    }

    /// The categories holding `v`: "«A»", "«A» y «B»", "«A», «B» y 3 más".
    fn holders(&self, known: &[Point], v: f64) -> (String, usize) {
        let at: Vec<String> = known.iter().filter(|p| p.1 == v).map(|p| self.cat(p.0)).collect();
        let and = self.lang.pick(" y ", " and ");
        let text = match at.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a}{and}{b}"),
            [a, b, c] => format!("{a}, {b}{and}{c}"),
            [a, b, rest @ ..] => {
                self.lang.pick(format!("{a}, {b} y {} más", rest.len()), format!("{a}, {b} and {} more", rest.len()))
            }
            [] => String::new(),
        };
        (text, at.len())
    }

    /// Highest and lowest, and by how much (not when either is only a minimum: the gap is unknown).
    fn ranking(&self, known: &[Point]) -> String {
        let es = self.lang == Lang::Es;
        let max = known.iter().copied().fold(known[0], |a, b| if b.1 > a.1 { b } else { a });
        let min = known.iter().copied().fold(known[0], |a, b| if b.1 < a.1 { b } else { a });
        let (top, tops) = self.holders(known, max.1);
        let (low, _) = self.holders(known, min.1);
        let share = self.spec.kind == ChartKind::Share;
        let mut s = match (es, share) {
            (true, true) => {
                format!(
                    "la proporción más alta es {top} ({}); la más baja, {low} ({}).",
                    self.val(&max),
                    self.val(&min)
                )
            }
            (false, true) => {
                format!("the largest share is {top} ({}); the smallest, {low} ({}).", self.val(&max), self.val(&min))
            }
            (true, false) => format!(
                "{top} {} el valor más alto ({}) y {low} el más bajo ({}){}",
                if tops > 1 { "comparten" } else { "tiene" },
                self.val(&max),
                self.val(&min),
                if max.2 || min.2 { ".".to_string() } else { format!(": {} menos.", self.gap(max.1 - min.1)) }
            ),
            (false, false) => format!(
                "{top} {} the highest value ({}) and {low} the lowest ({}){}",
                if tops > 1 { "share" } else { "has" },
                self.val(&max),
                self.val(&min),
                if max.2 || min.2 { ".".to_string() } else { format!(", {} less.", self.gap(max.1 - min.1)) }
            ),
        };
        if !share && !max.2 && !min.2 && min.1 > 0.0 && max.1 / min.1 >= 1.5 {
            let ratio = max.1 / min.1;
            let r = crate::i18n::format_number(self.lang, ratio, if ratio >= 10.0 { 0 } else { 1 });
            s.push_str(&self.lang.pick(
                format!(" El más alto es {r} veces el más bajo."),
                format!(" The highest is {r} times the lowest."),
            ));
        }
        s
    }

    /// From the first value to the last, and the peak when it is neither.
    fn trend(&self, known: &[Point]) -> String {
        let (first, last) = (known[0], known[known.len() - 1]);
        let (a, b) = (self.cat(first.0), self.cat(last.0));
        let change = if first.2 || last.2 {
            String::new()
        } else if last.1 > first.1 {
            self.lang
                .pick(format!(", {} más", self.gap(last.1 - first.1)), format!(", up {}", self.gap(last.1 - first.1)))
        } else if last.1 < first.1 {
            self.lang.pick(
                format!(", {} menos", self.gap(first.1 - last.1)),
                format!(", down {}", self.gap(first.1 - last.1)),
            )
        } else {
            String::new()
        };
        let mut s = if first.1 == last.1 && first.2 == last.2 {
            self.lang.pick(
                format!("de {a} a {b} empezó y terminó en {}", self.val(&first)),
                format!("from {a} to {b} it began and ended at {}", self.val(&first)),
            )
        } else {
            self.lang.pick(
                format!("de {a} a {b} pasó de {} a {}{change}", self.bare(&first, &last), self.val(&last)),
                format!("from {a} to {b} it went from {} to {}{change}", self.bare(&first, &last), self.val(&last)),
            )
        };
        let max = known.iter().copied().fold(first, |x, y| if y.1 > x.1 { y } else { x });
        if max.1 > first.1 && max.1 > last.1 {
            let when = self.cat(max.0);
            let years = is_year(&when);
            s.push_str(&self.lang.pick(
                format!("; el valor más alto fue {}{when} ({})", if years { "en " } else { "" }, self.val(&max)),
                format!("; the highest value was {}{when} ({})", if years { "in " } else { "" }, self.val(&max)),
            ));
        }
        s.push('.');
        s
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::Series;

    fn one(kind: ChartKind, cats: &[&str], values: &[Option<f64>], unit: Option<&str>) -> ChartSpec {
        ChartSpec {
            kind,
            categories: cats.iter().map(|c| c.to_string()).collect(),
            series: vec![Series { name: "v".into(), values: values.to_vec(), at_least: vec![false; values.len()] }],
            unit: unit.map(str::to_string),
        }
    }

    fn with_series(kind: ChartKind, cats: &[&str], series: Vec<Series>, unit: Option<&str>) -> ChartSpec {
        ChartSpec {
            kind,
            categories: cats.iter().map(|c| c.to_string()).collect(),
            series,
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn highest_lowest_and_how_much() {
        let s = one(
            ChartKind::Bar,
            &["riesgo entre sus cinco principales preocupaciones", "seguro cibernético", "ningún control"],
            &[Some(73.0), Some(29.0), Some(75.0)],
            Some("%"),
        );
        assert_eq!(summary(&s, Lang::Es), "«ningún control» tiene el valor más alto (75\u{a0}%) y «seguro cibernético» el más bajo (29\u{a0}%): 46 puntos porcentuales menos. El más alto es 2,6 veces el más bajo.");
        assert_eq!(summary(&s, Lang::En), "“ningún control” has the highest value (75%) and “seguro cibernético” the lowest (29%), 46 percentage points less. The highest is 2.6 times the lowest.");
        // Ties are named together.
        let tie = one(ChartKind::Column, &["Chile", "Perú", "México"], &[Some(4.0), Some(4.0), Some(3.0)], None);
        assert_eq!(
            summary(&tie, Lang::Es),
            "«Chile» y «Perú» comparten el valor más alto (4) y «México» el más bajo (3): 1 menos."
        );
    }

    #[test]
    fn a_minimum_in_the_data_stays_a_minimum_and_no_gap_is_made_up() {
        let mut s = one(ChartKind::Bar, &["Rueda de negocios", "Feria"], &[Some(70.0), Some(21.0)], None);
        s.series[0].at_least = vec![true, false];
        assert_eq!(
            summary(&s, Lang::Es),
            "«Rueda de negocios» tiene el valor más alto (más de 70) y «Feria» el más bajo (21)."
        );
        assert_eq!(
            summary(&s, Lang::En),
            "“Rueda de negocios” has the highest value (more than 70) and “Feria” the lowest (21)."
        );
    }

    #[test]
    fn years_read_as_a_change_over_time() {
        let s = one(
            ChartKind::Column,
            &["2015", "2016", "2017", "2018"],
            &[Some(10.0), Some(30.0), Some(22.0), Some(25.0)],
            None,
        );
        assert_eq!(
            summary(&s, Lang::Es),
            "De 2015 a 2018 pasó de 10 a 25, 15 más; el valor más alto fue en 2016 (30)."
        );
        assert_eq!(
            summary(&s, Lang::En),
            "From 2015 to 2018 it went from 10 to 25, up 15; the highest value was in 2016 (30)."
        );
        let down = one(ChartKind::Line, &["2020", "2021", "2022"], &[Some(61.5), Some(60.0), Some(58.0)], Some("%"));
        assert_eq!(summary(&down, Lang::En), "From 2020 to 2022 it went from 61.5 to 58%, down 3.5 percentage points.");
        let back = one(ChartKind::Column, &["2019", "2020", "2021"], &[Some(5.0), Some(9.0), Some(5.0)], None);
        assert_eq!(
            summary(&back, Lang::Es),
            "De 2019 a 2021 empezó y terminó en 5; el valor más alto fue en 2020 (9)."
        );
        // Several series: each named.
        let two = with_series(
            ChartKind::Line,
            &["2021", "2022", "2023"],
            vec![
                Series {
                    name: "Chile".into(),
                    values: vec![Some(1.0), Some(2.0), Some(3.0)],
                    at_least: vec![false; 3],
                },
                Series { name: "Perú".into(), values: vec![Some(5.0), None, Some(5.0)], at_least: vec![false; 3] },
            ],
            None,
        );
        assert_eq!(
            summary(&two, Lang::Es),
            "Chile: de 2021 a 2023 pasó de 1 a 3, 2 más. Perú: todos los valores son iguales: 5. Sin dato para 2022."
        );
    }

    #[test]
    fn shares_name_the_largest_and_smallest() {
        let s =
            one(ChartKind::Share, &["Obras", "Bienes", "Servicios"], &[Some(50.0), Some(30.0), Some(20.0)], Some("%"));
        assert_eq!(
            summary(&s, Lang::Es),
            "La proporción más alta es «Obras» (50\u{a0}%); la más baja, «Servicios» (20\u{a0}%)."
        );
        assert_eq!(summary(&s, Lang::En), "The largest share is “Obras” (50%); the smallest, “Servicios” (20%).");
    }

    #[test]
    fn stacked_parts_of_a_whole_are_read_by_their_first_part() {
        let s = with_series(
            ChartKind::ColumnStacked,
            &["Chile", "México"],
            vec![
                Series { name: "Mipymes".into(), values: vec![Some(58.0), Some(39.0)], at_least: vec![false; 2] },
                Series { name: "Grandes".into(), values: vec![Some(42.0), Some(61.0)], at_least: vec![false; 2] },
            ],
            Some("%"),
        );
        assert_eq!(summary(&s, Lang::Es), "Mipymes: «Chile» tiene el valor más alto (58\u{a0}%) y «México» el más bajo (39\u{a0}%): 19 puntos porcentuales menos.");
        let mut totals = s.clone();
        totals.series[1].values = vec![Some(2.0), Some(1.0)];
        totals.unit = None;
        assert_eq!(summary(&totals, Lang::En), "Total: “Chile” has the highest value (60) and “México” the lowest (40), 20 less. The highest is 1.5 times the lowest.");
    }

    #[test]
    fn missing_single_and_equal() {
        let many = one(ChartKind::Bar, &["a", "b", "c", "d"], &[None, None, None, Some(1.0)], None);
        assert_eq!(summary(&many, Lang::En), "A single value, “d”: 1. No value for 3 of 4 categories.");
        let s = one(ChartKind::Bar, &["Carreteras", "Puertos", "Total"], &[None, None, Some(15.0)], None);
        assert_eq!(summary(&s, Lang::Es), "Un solo dato, «Total»: 15. Sin dato para «Carreteras» y «Puertos».");
        let none = one(ChartKind::Bar, &["a"], &[None], None);
        assert_eq!(summary(&none, Lang::En), "The source does not publish this chart's values.");
        let eq = one(ChartKind::Column, &["a", "b"], &[Some(0.0), Some(0.0)], None);
        assert_eq!(summary(&eq, Lang::En), "All values are equal: 0.");
    }
}
