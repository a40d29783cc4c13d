//! A text summary of a chart for screen readers (and anyone): which value is highest, which is
//! lowest and by how much, and what is missing.

use super::scene::full_value;
use super::spec::ChartSpec;
use crate::lang::Lang;
use crate::model::ChartKind;

pub fn summary(spec: &ChartSpec, lang: Lang) -> String {
    let es = lang == Lang::Es;
    let unit = spec.unit.as_deref();
    let n = spec.categories.len();
    if spec.values().next().is_none() {
        return lang.pick(
            "La fuente no publica los valores de este gráfico.".into(),
            "The source does not publish this chart's values.".into(),
        );
    }
    // Stacked charts are summarised by their totals.
    let series: Vec<(String, Vec<Option<f64>>)> = if spec.is_stacked() {
        let totals = (0..n)
            .map(|i| {
                let vals: Vec<f64> = spec.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).collect();
                (!vals.is_empty()).then(|| vals.iter().sum())
            })
            .collect();
        vec![("Total".to_string(), totals)]
    } else if spec.kind == ChartKind::Share {
        vec![(String::new(), spec.series[0].values.clone())]
    } else {
        spec.series.iter().map(|s| (s.name.clone(), s.values.clone())).collect()
    };
    let mut parts = Vec::new();
    for (name, values) in &series {
        let known: Vec<(usize, f64)> = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        let prefix = if series.len() > 1 { format!("{name}: ") } else { String::new() };
        let cat = |i: usize| spec.categories.get(i).cloned().unwrap_or_default();
        let val = |v: f64| full_value(lang, v, false, unit);
        let sentence = match known.as_slice() {
            [] => continue,
            [(i, v)] => lang.pick(
                format!("{prefix}un solo dato, «{}»: {}.", cat(*i), val(*v)),
                format!("{prefix}a single value, “{}”: {}.", cat(*i), val(*v)),
            ),
            _ => {
                let max = known.iter().copied().fold((0, f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
                let min = known.iter().copied().fold((0, f64::MAX), |a, b| if b.1 < a.1 { b } else { a });
                // A difference of percentages is in percentage points.
                let diff = if unit == Some("%") {
                    let pp = crate::i18n::format_number(
                        lang,
                        max.1 - min.1,
                        if (max.1 - min.1).fract() == 0.0 { 0 } else { 1 },
                    );
                    lang.pick(format!("{pp} puntos porcentuales"), format!("{pp} percentage points"))
                } else {
                    val(max.1 - min.1)
                };
                let ratio =
                    (min.1 > 0.0 && max.1 / min.1 >= 1.5).then(|| crate::i18n::format_number(lang, max.1 / min.1, 1));
                if max.1 == min.1 {
                    lang.pick(
                        format!("{prefix}todos los valores son iguales: {}.", val(max.1)),
                        format!("{prefix}all values are equal: {}.", val(max.1)),
                    )
                } else if es {
                    let times = ratio.map(|r| format!(", {r} veces más")).unwrap_or_default();
                    format!(
                        "{prefix}el valor más alto es «{}» ({}), {diff} más que el más bajo, «{}» ({}){times}.",
                        cat(max.0),
                        val(max.1),
                        cat(min.0),
                        val(min.1)
                    )
                } else {
                    let times = ratio.map(|r| format!(", {r} times as much")).unwrap_or_default();
                    format!(
                        "{prefix}the highest value is “{}” ({}), {diff} more than the lowest, “{}” ({}){times}.",
                        cat(max.0),
                        val(max.1),
                        cat(min.0),
                        val(min.1)
                    )
                }
            }
        };
        parts.push(sentence);
        let missing = values.iter().filter(|v| v.is_none()).count();
        if missing > 0 {
            parts.push(lang.pick(
                format!("{prefix}sin dato para {missing} de {n} categorías."),
                format!("{prefix}no value for {missing} of {n} categories."),
            ));
        }
    }
    parts.iter().map(|p| capitalise(p)).collect::<Vec<_>>().join(" ")
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

    #[test]
    fn highest_lowest_and_how_much() {
        let s = one(
            ChartKind::Bar,
            &["riesgo entre sus cinco principales preocupaciones", "seguro cibernético", "ningún control"],
            &[Some(73.0), Some(29.0), Some(75.0)],
            Some("%"),
        );
        assert_eq!(summary(&s, Lang::Es), "El valor más alto es «ningún control» (75\u{a0}%), 46 puntos porcentuales más que el más bajo, «seguro cibernético» (29\u{a0}%), 2,6 veces más.");
        assert_eq!(summary(&s, Lang::En), "The highest value is “ningún control” (75%), 46 percentage points more than the lowest, “seguro cibernético” (29%), 2.6 times as much.");
    }

    #[test]
    fn missing_single_and_equal() {
        let s = one(ChartKind::Bar, &["Carreteras", "Puertos", "Total"], &[None, None, Some(15.0)], None);
        assert_eq!(summary(&s, Lang::Es), "Un solo dato, «Total»: 15. Sin dato para 2 de 3 categorías.");
        let none = one(ChartKind::Bar, &["a"], &[None], None);
        assert_eq!(summary(&none, Lang::En), "The source does not publish this chart's values.");
        let eq = one(ChartKind::Column, &["a", "b"], &[Some(0.0), Some(0.0)], None);
        assert_eq!(summary(&eq, Lang::En), "All values are equal: 0.");
    }
}
