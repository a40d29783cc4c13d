//! What a chart shows, read from a dataset: categories (the text columns), series (the number
//! columns) and their values, in the reader's language.

use crate::i18n::Lang;
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
