//! Long lists in pages: the publishing step writes, per list (news, documents), a small index
//! of the columns its filters read, one row per item in the list's order, and the items
//! themselves in page files of `LIST_FILE_PAGE` (`content/lists/<key>.json` and
//! `content/lists/<key>/<n>.json`). A list page filters the rows, then downloads only the pages
//! holding the items it shows, so it costs the same whatever the archive's size.
//!
//! Rows are matched to items by position, so an index is used whole or not at all: one damaged
//! row refuses it (the app then reads the full file).
//!
//! The events list has an index of its own (`EventIndex`): what the agenda's filters and the
//! month grid read (dates, country, areas, format, organizer, title), so the grid never needs
//! the full file.

use super::{
    AuthorKind, ContentFile, Country, DocKind, Document, Event, EventFormat, EventTime, FileError, NewsItem, Problem,
    ProblemKind, Text, FORMAT_VERSION,
};
use serde_json::{json, Value};

/// A list published in pages: its index's type and format, written and read here.
pub trait Listed: ContentFile + Sized {
    type Index: Send + Sync + 'static;
    /// The index of `items` (in the list's order) as the publishing step writes it.
    fn index_json(items: &[Self], topics: &[String]) -> String;
    /// Reads an index; any damaged row refuses it whole.
    fn parse_index(text: &str) -> Result<Self::Index, FileError>;
}

impl Listed for NewsItem {
    type Index = ListIndex;
    fn index_json(items: &[Self], topics: &[String]) -> String {
        index_json(items, topics)
    }
    fn parse_index(text: &str) -> Result<ListIndex, FileError> {
        parse_index(Self::FILE, text)
    }
}

impl Listed for Document {
    type Index = ListIndex;
    fn index_json(items: &[Self], topics: &[String]) -> String {
        index_json(items, topics)
    }
    fn parse_index(text: &str) -> Result<ListIndex, FileError> {
        parse_index(Self::FILE, text)
    }
}

impl Listed for Event {
    type Index = EventIndex;
    fn index_json(items: &[Self], topics: &[String]) -> String {
        EventIndex::of(items, topics).to_json()
    }
    fn parse_index(text: &str) -> Result<EventIndex, FileError> {
        EventIndex::parse(Self::FILE, text)
    }
}

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

/// One event as the agenda's filters and the month grid read it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub start: EventTime,
    pub end: EventTime,
    pub country: Country,
    /// Indices into `EventIndex::topics`.
    pub topics: Vec<u16>,
    pub format: Option<EventFormat>,
    /// Index into `EventIndex::organizers`.
    pub organizer: u16,
    pub title: Text,
}

impl EventRow {
    /// Past once its last day is before `today` (as `Event::is_past`).
    pub fn is_past(&self, today: chrono::NaiveDate) -> bool {
        self.end.date() < today
    }
}

/// The events list's index: its areas and organizers (key, name), and a row per event in the
/// list's order (by start). Made from the full file too, so the page reads one shape either way.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventIndex {
    pub topics: Vec<String>,
    /// (`model::organizer_key` of the name, the name).
    pub organizers: Vec<(String, Text)>,
    pub rows: Vec<EventRow>,
}

impl EventIndex {
    /// The index of `events` (in the list's order); areas are `topics`' ids.
    pub fn of(events: &[Event], topics: &[String]) -> EventIndex {
        let topics: Vec<String> = topics.iter().take(usize::from(u16::MAX)).cloned().collect();
        let mut organizers: Vec<(String, Text)> = Vec::new();
        let rows = events
            .iter()
            .map(|e| {
                let key = crate::model::organizer_key(&e.organizer);
                let organizer = match organizers.iter().position(|(k, _)| *k == key) {
                    Some(i) => i,
                    None => {
                        organizers.push((key, e.organizer.clone()));
                        organizers.len() - 1
                    }
                };
                EventRow {
                    start: e.start,
                    end: e.end,
                    country: e.country,
                    topics: topics
                        .iter()
                        .enumerate()
                        .filter(|(_, id)| e.topics.contains(id))
                        .filter_map(|(i, _)| u16::try_from(i).ok())
                        .collect(),
                    format: e.format,
                    organizer: u16::try_from(organizer).unwrap_or(u16::MAX),
                    title: e.title.clone(),
                }
            })
            .collect();
        EventIndex { topics, organizers, rows }
    }

    /// The index of a full file's events (no index published, or first views at build time):
    /// its areas are those the events name, in order of appearance.
    pub fn of_events(events: &[Event]) -> EventIndex {
        let mut topics: Vec<String> = Vec::new();
        for t in events.iter().flat_map(|e| &e.topics) {
            if !topics.contains(t) {
                topics.push(t.clone());
            }
        }
        EventIndex::of(events, &topics)
    }

    /// `{"format":1,"topics":[…],"organizers":[["key","es","en"|null],…],
    /// "rows":[["2027-03-10T09:00","2027-03-10T11:00","CO",[0],"online"|null,0,"es","en"|null],…]}`.
    pub fn to_json(&self) -> String {
        let text = |t: &Text| (json!(t.es), json!(t.en));
        let organizers: Vec<Value> = self
            .organizers
            .iter()
            .map(|(k, name)| {
                let (es, en) = text(name);
                json!([k, es, en])
            })
            .collect();
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                let (es, en) = text(&r.title);
                json!([
                    r.start.iso(),
                    r.end.iso(),
                    r.country.code(),
                    r.topics,
                    r.format.map(|f| f.code()),
                    r.organizer,
                    es,
                    en
                ])
            })
            .collect();
        json!({ "format": FORMAT_VERSION, "topics": self.topics, "organizers": organizers, "rows": rows }).to_string()
    }

    /// Reads an index; any damaged row or reference refuses it whole (positions must hold).
    pub fn parse(file: &str, text: &str) -> Result<EventIndex, FileError> {
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
        let list = |key: &str| v.get(key).and_then(Value::as_array).filter(|l| l.len() <= usize::from(u16::MAX));
        let topics: Vec<String> = list("topics")
            .and_then(|l| l.iter().map(|t| t.as_str().map(str::to_string)).collect::<Option<_>>())
            .ok_or_else(|| bad("topics".into(), "expected a list of area ids"))?;
        let text_of = |es: Option<&Value>, en: Option<&Value>| -> Option<Text> {
            let es = es?.as_str()?.to_string();
            let en = match en {
                None | Some(Value::Null) => None,
                Some(v) => Some(v.as_str()?.to_string()),
            };
            Some(Text { es, en })
        };
        let organizers: Vec<(String, Text)> = list("organizers")
            .and_then(|l| {
                l.iter()
                    .map(|o| {
                        let o = o.as_array()?;
                        Some((o.first()?.as_str()?.to_string(), text_of(o.get(1), o.get(2))?))
                    })
                    .collect::<Option<_>>()
            })
            .ok_or_else(|| bad("organizers".into(), "expected a list of [key, name, name in English]"))?;
        let rows = v.get("rows").and_then(Value::as_array).ok_or_else(|| bad("rows".into(), "expected a list"))?;
        let mut out = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let row = (|| {
                let c = r.as_array()?;
                let start = EventTime::parse(c.first()?.as_str()?)?;
                let end = EventTime::parse(c.get(1)?.as_str()?)?;
                let country = Country::parse(c.get(2)?.as_str()?)?;
                let mut t = Vec::new();
                for x in c.get(3)?.as_array()? {
                    let x = u16::try_from(x.as_u64()?).ok()?;
                    (usize::from(x) < topics.len()).then_some(())?;
                    t.push(x);
                }
                let format = match c.get(4)? {
                    Value::Null => None,
                    f => Some(EventFormat::parse(f.as_str()?)?),
                };
                let organizer = u16::try_from(c.get(5)?.as_u64()?).ok()?;
                (usize::from(organizer) < organizers.len()).then_some(())?;
                let title = text_of(c.get(6), c.get(7))?;
                Some(EventRow { start, end, country, topics: t, format, organizer, title })
            })();
            out.push(row.ok_or_else(|| bad(format!("rows[{i}]"), "not a row of the events list"))?);
        }
        Ok(EventIndex { topics, organizers, rows: out })
    }

    /// Whether the row at `i` is tagged with the area `id`.
    pub fn has_topic(&self, i: usize, id: &str) -> bool {
        self.rows
            .get(i)
            .is_some_and(|r| r.topics.iter().any(|&t| self.topics.get(usize::from(t)).is_some_and(|x| x == id)))
    }

    /// The organizer's key of the row at `i`.
    pub fn organizer_key(&self, i: usize) -> &str {
        self.rows.get(i).and_then(|r| self.organizers.get(usize::from(r.organizer))).map_or("", |(k, _)| k.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_file;

    fn bundled<T: crate::model::ContentFile>() -> Vec<T> {
        parse_file::<T>(&crate::testdata::read(&format!("public/content/{}", T::FILE))).unwrap().items
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

    #[test]
    fn the_events_index_reads_back_and_matches_the_events() {
        let topics: Vec<String> = bundled::<crate::model::Topic>().into_iter().map(|t| t.id).collect();
        let events: Vec<Event> = bundled();
        let ix = EventIndex::of(&events, &topics);
        let back = Event::parse_index(&Event::index_json(&events, &topics)).unwrap();
        assert_eq!(back, ix);
        assert_eq!(ix.rows.len(), events.len());
        for (i, e) in events.iter().enumerate() {
            let r = &back.rows[i];
            assert_eq!(
                (r.start, r.end, r.country, r.format, &r.title),
                (e.start, e.end, e.country, e.format, &e.title)
            );
            assert_eq!(back.organizer_key(i), crate::model::organizer_key(&e.organizer));
            assert_eq!(back.organizers[usize::from(r.organizer)].1, e.organizer);
            for t in &topics {
                assert_eq!(back.has_topic(i, t), e.topics.contains(t), "{} {t}", e.id);
            }
        }
        // Organizers are listed once each.
        let mut keys: Vec<&String> = back.organizers.iter().map(|(k, _)| k).collect();
        keys.dedup();
        assert_eq!(keys.len(), back.organizers.len());
    }

    #[test]
    fn a_damaged_events_index_is_refused_whole() {
        let row = r#"["2027-03-10T09:00","2027-03-10","CO",[0],"online",0,"T",null]"#;
        let ok = format!(r#"{{"format":1,"topics":["a"],"organizers":[["k","O",null]],"rows":[{row}]}}"#);
        assert_eq!(EventIndex::parse("f", &ok).unwrap().rows.len(), 1);
        for bad in [
            ok.replace("\"format\":1", "\"format\":2"),
            ok.replace("2027-03-10T09:00", "2027-13-10"),
            ok.replace("\"CO\"", "\"XX\""),
            ok.replace("[0],\"online\"", "[1],\"online\""),
            ok.replace("\"online\"", "\"teleport\""),
            ok.replace(",0,\"T\"", ",1,\"T\""),
            ok.replace(",0,\"T\"", ",-1,\"T\""),
            ok.replace("\"T\",null", "7,null"),
            ok.replace("[[\"k\",\"O\",null]]", "[[\"k\"]]"),
            ok.replace("\"organizers\":[[\"k\",\"O\",null]],", ""),
            "[]".to_string(),
        ] {
            assert!(EventIndex::parse("f", &bad).is_err(), "{bad}");
        }
    }
}
