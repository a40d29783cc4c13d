//! Downloads for reuse: CSV (RFC 4180, UTF-8 with BOM so spreadsheets read accents) and JSON,
//! with the reader's language for labels and plain machine-readable numbers.

use crate::lang::Lang;
use crate::model::{Cell, Dataset};
use serde_json::{json, Map, Value};

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn number(v: f64) -> String {
    // Plain decimal notation, never exponents: 7840000000, 0.001.
    let s = format!("{v}");
    if s.contains('e') {
        format!("{v:.0}")
    } else {
        s
    }
}

pub fn csv(d: &Dataset, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = d
        .columns
        .iter()
        .map(|c| match &c.unit {
            Some(u) => csv_field(&format!("{} ({})", c.label.get(lang), u.get(lang))),
            None => csv_field(c.label.get(lang)),
        })
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &d.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Missing => String::new(),
                Cell::Number { value, .. } => number(*value),
                Cell::Text(t) => csv_field(t.get(lang)),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

pub fn json(d: &Dataset, lang: Lang, url: &str) -> String {
    let columns: Vec<Value> = d
        .columns
        .iter()
        .map(|c| json!({ "id": c.id, "label": c.label.get(lang), "unit": c.unit.as_ref().map(|u| u.get(lang)) }))
        .collect();
    let rows: Vec<Value> = d
        .rows
        .iter()
        .map(|row| {
            let mut m = Map::new();
            for (c, cell) in d.columns.iter().zip(row) {
                let v = match cell {
                    Cell::Missing => Value::Null,
                    Cell::Number { value, at_least: false } => json!(value),
                    Cell::Number { value, at_least: true } => json!({ "value": value, "at_least": true }),
                    Cell::Text(t) => json!(t.get(lang)),
                };
                m.insert(c.id.clone(), v);
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "id": d.id,
        "title": d.title.get(lang),
        "source": d.source.get(lang),
        "year": d.year,
        "url": url,
        "sample": d.sample,
        "columns": columns,
        "rows": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_file;

    fn dataset(id: &str) -> Dataset {
        let all = parse_file::<Dataset>(include_str!("../../../../public/content/datasets.json")).unwrap().items;
        all.into_iter().find(|d| d.id == id).unwrap()
    }

    #[test]
    fn csv_quotes_and_keeps_plain_numbers() {
        let c = csv(&dataset("promotion-results-2022"), Lang::En);
        let lines: Vec<&str> = c.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Activity,Measure,Amount (USD)");
        assert_eq!(lines[1], "10th LAB4+ Forum,Expected business,2710734");
        assert_eq!(lines[4], "Virtual investment roundtable (China),Investment intention,7840000000");
        assert!(c.starts_with('\u{feff}'));
        let subsectors = csv(&dataset("infrastructure-portfolio-subsectors"), Lang::Es);
        assert!(subsectors.contains("\r\nCarreteras,\r\n"), "{subsectors}");
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
    }

    #[test]
    fn json_is_valid_and_complete() {
        let j = json(&dataset("promotion-activities-2022"), Lang::Es, "https://x/es/data/promotion-activities-2022");
        let v: Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["rows"].as_array().unwrap().len(), 5);
        assert_eq!(v["rows"][0]["companies"], json!({ "value": 70.0, "at_least": true }));
        assert_eq!(v["rows"][1]["companies"], json!(21.0));
        assert_eq!(v["columns"][0]["label"], "Actividad");
    }
}
