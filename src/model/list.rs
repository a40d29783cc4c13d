//! Long lists in pages: the publishing step writes, per list (news, documents), a small index
//! of the columns its filters read, one row per item in the list's order, and the items
//! themselves in page files of `LIST_FILE_PAGE` (`content/lists/<key>.json` and
//! `content/lists/<key>/<n>.json`). A list page filters the rows, then downloads only the pages
//! holding the items it shows, so it costs the same whatever the archive's size.
//!
//! Rows are matched to items by position, so an index is used whole or not at all: one damaged
//! row refuses it (the app then reads the full file).

use super::{AuthorKind, Country, DocKind, Document, FileError, NewsItem, Problem, ProblemKind, FORMAT_VERSION};
use serde_json::{json, Value};

/// Items per page file. Part of the format: a page's number is `position / LIST_FILE_PAGE`.
pub const LIST_FILE_PAGE: usize = 25;

/// The columns the list filters read (see `filter`).
pub trait Facets {
    fn country(&self) -> Country;
    fn year(&self) -> i32;
    fn has_topic(&self, id: &str) -> bool;
    /// Documents only.
    fn doc_kind(&self) -> Option<DocKind> {
        None
    }
    /// Documents only.
    fn author_kind(&self) -> Option<AuthorKind> {
        None
    }
}

impl Facets for NewsItem {
    fn country(&self) -> Country {
        self.country
    }
    fn year(&self) -> i32 {
        self.date.year
    }
    fn has_topic(&self, id: &str) -> bool {
        self.topics.iter().any(|t| t == id)
    }
}

impl Facets for Document {
    fn country(&self) -> Country {
        self.country
    }
    fn year(&self) -> i32 {
        self.date.year
    }
    fn has_topic(&self, id: &str) -> bool {
        self.topics.iter().any(|t| t == id)
    }
    fn doc_kind(&self) -> Option<DocKind> {
        Some(self.kind)
    }
    fn author_kind(&self) -> Option<AuthorKind> {
        Some(self.author.kind)
    }
}

/// One item's filter columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub year: i32,
    pub country: Country,
    /// Indices into `ListIndex::topics`.
    pub topics: Vec<u16>,
    pub kind: Option<DocKind>,
    pub author: Option<AuthorKind>,
}

/// A list's index: the thematic areas its rows name, and one row per item, in order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListIndex {
    pub topics: Vec<String>,
    pub rows: Vec<Row>,
}

/// A row with the index's table of areas, to match filters against.
pub struct RowRef<'a> {
    pub row: &'a Row,
    pub topics: &'a [String],
}

impl Facets for RowRef<'_> {
    fn country(&self) -> Country {
        self.row.country
    }
    fn year(&self) -> i32 {
        self.row.year
    }
    fn has_topic(&self, id: &str) -> bool {
        self.row.topics.iter().any(|&t| self.topics.get(usize::from(t)).is_some_and(|x| x == id))
    }
    fn doc_kind(&self) -> Option<DocKind> {
        self.row.kind
    }
    fn author_kind(&self) -> Option<AuthorKind> {
        self.row.author
    }
}

impl ListIndex {
    pub fn row(&self, i: usize) -> Option<RowRef<'_>> {
        self.rows.get(i).map(|row| RowRef { row, topics: &self.topics })
    }

    /// The page file holding the item at `position`, and its place in that page.
    pub fn page_of(position: usize) -> (usize, usize) {
        (position / LIST_FILE_PAGE, position % LIST_FILE_PAGE)
    }
}

/// The index of `items` (already in the list's order) as the publishing step writes it:
/// `{"format":1,"topics":[…],"rows":[[year,"CO",[0,2]], …]}`; document rows add their type
/// and author kind.
pub fn index_json<T: Facets + super::ContentFile>(items: &[T], topic_ids: &[String]) -> String {
    let topics: Vec<&String> = topic_ids.iter().take(usize::from(u16::MAX)).collect();
    let rows: Vec<Value> = items
        .iter()
        .map(|it| {
            let t: Vec<usize> = topics.iter().enumerate().filter(|(_, id)| it.has_topic(id)).map(|(i, _)| i).collect();
            let mut row = vec![json!(it.year()), json!(it.country().code()), json!(t)];
            if let (Some(k), Some(a)) = (it.doc_kind(), it.author_kind()) {
                row.push(json!(k.code()));
                row.push(json!(a.code()));
            }
            Value::Array(row)
        })
        .collect();
    json!({ "format": FORMAT_VERSION, "topics": topics, "rows": rows }).to_string()
}

/// Reads an index; any damaged row refuses the whole index (positions must hold).
pub fn parse_index(file: &str, text: &str) -> Result<ListIndex, FileError> {
    let bad = |path: String, detail: &str| {
        FileError::Invalid(Problem::error(file, path, ProblemKind::Shape { detail: detail.to_string() }))
    };
    let v: Value = serde_json::from_str(text).map_err(|e| bad(String::new(), &e.to_string()))?;
    if v.get("format").and_then(Value::as_u64) != Some(FORMAT_VERSION) {
        return Err(FileError::Invalid(Problem::error(
            file,
            "format",
            ProblemKind::Format { found: v.get("format").and_then(Value::as_u64) },
        )));
    }
    let topics: Vec<String> = match v.get("topics").and_then(Value::as_array) {
        Some(list) if list.len() <= usize::from(u16::MAX) => {
            list.iter().map(|t| t.as_str().map(str::to_string)).collect::<Option<_>>()
        }
        _ => None,
    }
    .ok_or_else(|| bad("topics".into(), "expected a list of area ids"))?;
    let rows = v.get("rows").and_then(Value::as_array).ok_or_else(|| bad("rows".into(), "expected a list"))?;
    let mut out = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let row = (|| {
            let cells = r.as_array()?;
            let year = i32::try_from(cells.first()?.as_i64()?).ok()?;
            let country = Country::parse(cells.get(1)?.as_str()?)?;
            let topic_ids = cells.get(2)?.as_array()?;
            let mut t = Vec::with_capacity(topic_ids.len());
            for x in topic_ids {
                let x = u16::try_from(x.as_u64()?).ok()?;
                (usize::from(x) < topics.len()).then_some(())?;
                t.push(x);
            }
            let (kind, author) = match (cells.get(3), cells.get(4)) {
                (None, None) => (None, None),
                (Some(k), Some(a)) => (Some(DocKind::parse(k.as_str()?)?), Some(AuthorKind::parse(a.as_str()?)?)),
                _ => return None,
            };
            Some(Row { year, country, topics: t, kind, author })
        })();
        out.push(row.ok_or_else(|| bad(format!("rows[{i}]"), "not a row of this list"))?);
    }
    Ok(ListIndex { topics, rows: out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_file;

    fn bundled<T: crate::model::ContentFile>() -> Vec<T> {
        parse_file::<T>(&std::fs::read_to_string(format!("public/content/{}", T::FILE)).unwrap()).unwrap().items
    }

    #[test]
    fn an_index_reads_back_with_the_same_facets() {
        let topics: Vec<String> =
            bundled::<crate::model::Topic>().into_iter().map(|t| t.id).chain(["unused".to_string()]).collect();
        let docs: Vec<Document> = bundled();
        let ix = parse_index("lists/documents.json", &index_json(&docs, &topics)).unwrap();
        assert_eq!(ix.rows.len(), docs.len());
        for (i, d) in docs.iter().enumerate() {
            let r = ix.row(i).unwrap();
            assert_eq!(
                (r.country(), r.year(), r.doc_kind(), r.author_kind()),
                (d.country, d.date.year, Some(d.kind), Some(d.author.kind))
            );
            for t in &topics {
                assert_eq!(r.has_topic(t), d.topics.contains(t), "{} {t}", d.id);
            }
        }
        let news: Vec<NewsItem> = bundled();
        let ix = parse_index("lists/news.json", &index_json(&news, &topics)).unwrap();
        assert_eq!(ix.row(0).unwrap().doc_kind(), None);
        assert_eq!(ListIndex::page_of(0), (0, 0));
        assert_eq!(ListIndex::page_of(LIST_FILE_PAGE + 3), (1, 3));
    }

    #[test]
    fn a_damaged_index_is_refused_whole() {
        let ok = r#"{"format":1,"topics":["a"],"rows":[[2023,"CO",[0]],[2022,"PE",[]]]}"#;
        assert_eq!(parse_index("f", ok).unwrap().rows.len(), 2);
        for bad in [
            r#"{"format":2,"topics":[],"rows":[]}"#,
            r#"{"format":1,"rows":[]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[2023,"XX",[0]]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[2023,"CO",[1]]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[2023,"CO",[-1]]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[99999999999,"CO",[]]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[2023,"CO",[],"study"]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[[2023,"CO",[],"nope","committee"]]}"#,
            r#"{"format":1,"topics":["a"],"rows":[{"year":2023}]}"#,
            "not json",
        ] {
            assert!(parse_index("f", bad).is_err(), "{bad}");
        }
    }
}
