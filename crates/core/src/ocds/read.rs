//! Reading OCDS files as published: release packages, record packages (each record's
//! `compiledRelease`, or its releases when that is missing), a bare release or record, and
//! line-delimited JSON of any of these. Errors name the file and say what was wrong.

use serde_json::Value;

/// Files past this size are refused with a message instead of freezing a phone's tab.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// What a file held, as releases, plus what could not be read.
#[derive(Debug, Default)]
pub struct Read {
    pub releases: Vec<Value>,
    /// Compiled releases from records: already one per process.
    pub compiled: Vec<Value>,
    /// Problems, each naming the file (and line, for line-delimited files).
    pub problems: Vec<String>,
    /// The latest day its packages say they were published (`publishedDate`).
    pub published: Option<String>,
}

fn take(v: Value, out: &mut Read, file: &str, line: Option<usize>) {
    let at = line.map(|l| format!("{file}:{l}")).unwrap_or_else(|| file.to_string());
    let Value::Object(mut m) = v else {
        out.problems.push(format!("{at}: not a JSON object (an OCDS release, record or package)"));
        return;
    };
    out.published = out.published.take().max(published_day(&m));
    if let Some(Value::Array(releases)) = m.remove("releases").filter(|_| !m.contains_key("ocid")) {
        // A release package.
        out.releases.extend(releases.into_iter().filter(Value::is_object));
    } else if let Some(Value::Array(records)) = m.remove("records") {
        for (i, r) in records.into_iter().enumerate() {
            take_record(r, out, &format!("{at} records[{i}]"));
        }
    } else if m.contains_key("compiledRelease")
        || (m.contains_key("releases") && m.contains_key("ocid") && !m.contains_key("tag"))
    {
        take_record(Value::Object(m), out, &at);
    } else if m.contains_key("ocid") {
        out.releases.push(Value::Object(m));
    } else {
        out.problems.push(format!("{at}: neither a release package, a record package, a release nor a record (no \"releases\", \"records\" or \"ocid\")"));
    }
}

fn take_record(r: Value, out: &mut Read, at: &str) {
    let Value::Object(mut m) = r else {
        out.problems.push(format!("{at}: a record that is not an object"));
        return;
    };
    match m.remove("compiledRelease") {
        Some(c @ Value::Object(_)) => out.compiled.push(c),
        _ => match m.remove("releases") {
            // Linked releases (only url/date/tag) cannot be used; embedded ones can.
            Some(Value::Array(rs)) if rs.iter().any(|r| r.get("tender").is_some() || r.get("awards").is_some()) => {
                out.releases.extend(rs.into_iter().filter(Value::is_object))
            }
            _ => out.problems.push(format!("{at}: a record without a compiledRelease or embedded releases")),
        },
    }
}

/// The day (YYYY-MM-DD) of a package's `publishedDate`, if it is a real date.
fn published_day(m: &serde_json::Map<String, Value>) -> Option<String> {
    let d = m.get("publishedDate")?.as_str()?.get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(|_| d.to_string())
}

/// Reads one file's text (`file` is its name, for messages).
pub fn read(file: &str, text: &str) -> Read {
    let mut out = Read::default();
    if text.len() > MAX_BYTES {
        out.problems.push(format!("{file}: {} MB, more than the {} MB a browser can read safely; split it or publish it line-delimited in smaller files", text.len() >> 20, MAX_BYTES >> 20));
        return out;
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        out.problems.push(format!("{file}: the file is empty"));
        return out;
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(v) => take(v, &mut out, file, None),
        Err(whole) => {
            // Line-delimited JSON: one release, record or package per line.
            let mut any = false;
            for (i, line) in trimmed.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => {
                        any = true;
                        take(v, &mut out, file, Some(i + 1));
                    }
                    Err(e) if any || i > 0 => out.problems.push(format!("{file}:{}: not valid JSON ({e})", i + 1)),
                    Err(_) => {
                        out.problems.push(format!("{file}: not valid JSON ({whole}); truncated or not an OCDS file?"));
                        return out;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packages_publication_date_is_read_and_checked() {
        let day = |t: &str| read("f.json", t).published;
        assert_eq!(day(r#"{"publishedDate":"2025-12-28T12:28:28-05:00","records":[]}"#).as_deref(), Some("2025-12-28"));
        let lines = "{\"publishedDate\":\"2024-01-02T00:00:00Z\",\"releases\":[]}\n{\"publishedDate\":\"2024-03-01\",\"releases\":[]}\n";
        assert_eq!(day(lines).as_deref(), Some("2024-03-01"));
        for bad in [
            "",
            "{}",
            r#"{"publishedDate":"soon"}"#,
            r#"{"publishedDate":"2024-13-45"}"#,
            r#"{"publishedDate":"2024-01-0é"}"#,
            "[1,2]",
            "{\"ocid\":1",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
        let pe = crate::testdata::read("public/ocds/peru/sample/oece-api-v1-records-2024-04-seace_v3-page1.json");
        assert_eq!(day(&pe).as_deref(), Some("2025-12-28"));
    }

    #[test]
    fn every_published_shape_is_read() {
        let package = r#"{"uri":"x","releases":[{"ocid":"a","id":"1"},{"ocid":"b","id":"1"}]}"#;
        assert_eq!(read("p.json", package).releases.len(), 2);
        let records = r#"{"records":[{"ocid":"a","releases":[{"url":"u"}],"compiledRelease":{"ocid":"a"}},{"ocid":"b","releases":[{"url":"u","date":"2020"}]}]}"#;
        let r = read("r.json", records);
        assert_eq!(r.compiled.len(), 1);
        assert_eq!(r.problems, ["r.json records[1]: a record without a compiledRelease or embedded releases"]);
        let jsonl = "{\"ocid\":\"F\",\"tender\":{\"numberOfTenderers\":1}}\n\n{\"ocid\":\"G\"}\n{\"ocid\":\n";
        let r = read("l.jsonl", jsonl);
        assert_eq!(r.releases.len(), 2);
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].starts_with("l.jsonl:4: not valid JSON"), "{:?}", r.problems);
        let truncated = r#"{"releases":[{"ocid":"a","#;
        assert!(read("t.json", truncated).problems[0].starts_with("t.json: not valid JSON"));
        assert_eq!(read("e.json", " ").problems, ["e.json: the file is empty"]);
        assert!(read("n.json", "[1,2]").problems[0].contains("not a JSON object"));
        assert!(read("o.json", r#"{"a":1}"#).problems[0].contains("neither a release package"));
    }
}
