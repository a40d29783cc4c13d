//! What a chart shows, read from a dataset: categories (the text columns), series (the number
//! columns) and their values, in the reader's language.

use crate::lang::Lang;
use crate::model::{Cell, ChartKind, ColumnKind, Dataset};

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// The source gives a minimum ("more than 70").
    pub at_least: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The unit shared by every series ("%", "USD"), stated once in the axis title.
    pub unit: Option<String>,
}

impl ChartSpec {
    pub fn from_dataset(d: &Dataset, lang: Lang) -> ChartSpec {
        let text_cols: Vec<usize> =
            d.columns.iter().enumerate().filter(|(_, c)| c.kind == ColumnKind::Text).map(|(i, _)| i).collect();
        let num_cols: Vec<usize> =
            d.columns.iter().enumerate().filter(|(_, c)| c.kind == ColumnKind::Number).map(|(i, _)| i).collect();
        let categories = d
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let parts: Vec<&str> = text_cols
                    .iter()
                    .filter_map(|&i| match row.get(i) {
                        Some(Cell::Text(t)) => Some(t.get(lang)),
                        _ => None,
                    })
                    .collect();
                if parts.is_empty() {
                    format!("{}", r + 1)
                } else {
                    parts.join(" — ")
                }
            })
            .collect();
        let series = num_cols
            .iter()
            .map(|&i| {
                let cells = d.rows.iter().map(|row| match row.get(i) {
                    Some(Cell::Number { value, at_least }) if value.is_finite() => (Some(*value), *at_least),
                    _ => (None, false),
                });
                let (values, at_least) = cells.unzip();
                Series { name: d.columns[i].label.get(lang).to_string(), values, at_least }
            })
            .collect();
        let units: Vec<Option<&str>> =
            num_cols.iter().map(|&i| d.columns[i].unit.as_ref().map(|u| u.get(lang))).collect();
        let unit = match units.first() {
            Some(Some(u)) if units.iter().all(|x| *x == Some(*u)) => Some(u.to_string()),
            _ => None,
        };
        ChartSpec { kind: d.chart.unwrap_or(ChartKind::Bar), categories, series, unit }
    }

    /// Every known value, for domains and summaries.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series.iter().flat_map(|s| s.values.iter().flatten().copied())
    }

    pub fn is_stacked(&self) -> bool {
        matches!(self.kind, ChartKind::BarStacked | ChartKind::ColumnStacked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{scene::layout, summary::summary};
    use crate::model::parse_file;

    #[test]
    fn every_bundled_dataset_lays_out_at_every_width_in_both_languages() {
        let all = parse_file::<Dataset>(include_str!("../../../../public/content/datasets.json")).unwrap().items;
        for d in &all {
            for lang in Lang::ALL {
                let spec = ChartSpec::from_dataset(d, lang);
                assert_eq!(spec.categories.len(), d.rows.len());
                for width in [0.0, 240.0, 320.0, 390.0, 1280.0, f64::NAN] {
                    let scene = layout(&spec, width, lang);
                    assert!(scene.width >= 240.0 && scene.height.is_finite(), "{}", d.id);
                }
                assert!(!summary(&spec, lang).is_empty());
            }
        }
        let subsectors = all.iter().find(|d| d.id == "infrastructure-portfolio-subsectors").unwrap();
        let spec = ChartSpec::from_dataset(subsectors, Lang::En);
        assert_eq!(spec.series[0].values, vec![None, None, None, None, None, Some(15.0)]);
        let activities = all.iter().find(|d| d.id == "promotion-activities-2022").unwrap();
        let spec = ChartSpec::from_dataset(activities, Lang::Es);
        assert_eq!(spec.categories[0], "Primera Rueda de Contactos de Proveedores de Compras Públicas — Enero");
        assert!(spec.series[0].at_least[0]);
        assert_eq!(spec.unit, None);
    }

    #[test]
    fn a_dataset_without_numbers_has_no_series_and_no_panic() {
        let text = r#"{ "format": 1, "datasets": [ { "id": "t", "title": { "es": "T", "en": "T" }, "summary": { "es": "S", "en": "S" },
            "source": { "es": "F", "en": "S" }, "country": "AP", "year": 2022, "chart": "figures",
            "columns": [ { "id": "a", "label": { "es": "A", "en": "A" }, "type": "text" } ], "rows": [ ["x"] ] } ] }"#;
        let d = parse_file::<Dataset>(text).unwrap().items.remove(0);
        let spec = ChartSpec::from_dataset(&d, Lang::Es);
        assert!(spec.series.is_empty());
        assert_eq!(layout(&spec, 320.0, Lang::Es).marks.len(), 0);
        assert_eq!(summary(&spec, Lang::Es), "La fuente no publica los valores de este gráfico.");
    }
}
