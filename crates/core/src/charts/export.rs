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

/// A number column whose data qualifies some values ("más de 70") is followed by a column
/// with that qualifier, so the numbers stay numbers and the qualifier is not lost.
pub fn csv(d: &Dataset, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let qualified: Vec<bool> = (0..d.columns.len())
        .map(|j| d.rows.iter().any(|r| matches!(r.get(j), Some(Cell::Number { at_least: true, .. }))))
        .collect();
    let mut header: Vec<String> = Vec::new();
    for (c, q) in d.columns.iter().zip(&qualified) {
        let label = match &c.unit {
            Some(u) => format!("{} ({})", c.label.get(lang), u.get(lang)),
            None => c.label.get(lang).to_string(),
        };
        if *q {
            header.push(csv_field(&label));
            header.push(csv_field(&format!("{} — {}", c.label.get(lang), lang.pick("calificador", "qualifier"))));
        } else {
            header.push(csv_field(&label));
        }
    }
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let at_least = lang.t().at_least;
    for row in &d.rows {
        let mut cells: Vec<String> = Vec::new();
        for (j, c) in row.iter().enumerate() {
            cells.push(match c {
                Cell::Missing => String::new(),
                Cell::Number { value, .. } => number(*value),
                Cell::Text(t) => csv_field(t.get(lang)),
            });
            if qualified.get(j) == Some(&true) {
                let q = matches!(c, Cell::Number { at_least: true, .. });
                cells.push(if q { at_least.to_string() } else { String::new() });
            }
        }
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
        assert_eq!(lines[0], "Activity,Measure,Amount (USD),Amount — qualifier");
        assert_eq!(lines[1], "10th LAB4+ Forum,Expected business,2710734,");
        // "More than 5.79 million", as the data says.
        assert_eq!(lines[3], "10th Business Macro-Round,Expected business,5790000,more than");
        assert_eq!(lines[4], "Virtual investment roundtable (China),Investment intention,7840000000,");
        assert!(c.starts_with('\u{feff}'));
        let subsectors = csv(&dataset("infrastructure-portfolio-subsectors"), Lang::Es);
        assert!(subsectors.contains("\r\nCarreteras,\r\n"), "{subsectors}");
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
    }

    #[test]
    fn csv_keeps_a_qualifier_beside_its_number() {
        let c = csv(&dataset("promotion-activities-2022"), Lang::Es);
        let lines: Vec<&str> = c.trim_start_matches('\u{feff}').split("\r\n").collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let at = header.iter().position(|h| h.ends_with("— calificador")).unwrap();
        let first: Vec<&str> = lines[1].split(',').collect();
        assert_eq!((first[at - 1], first[at]), ("70", "más de"));
        let second: Vec<&str> = lines[2].split(',').collect();
        assert_eq!((second[at - 1], second[at]), ("21", ""));
        let en = csv(&dataset("promotion-activities-2022"), Lang::En);
        assert!(en.contains("— qualifier") && en.contains(",more than"), "{en}");
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
