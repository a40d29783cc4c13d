//! What search works on: documents of every kind as [`Doc`]s, queries, results and facets, and
//! the highlighting of matched words. The index itself is built in `ship` and read in `index`.

use super::text::{is_stop, tokens};
use crate::lang::Lang;
use crate::model::{Country, Dataset, Document, Event, NewsItem, Text, Topic};
use chrono::NaiveDate;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    News,
    Document,
    Event,
    Topic,
    Dataset,
    /// Open-contracting data: processes, buyers and suppliers (`id`: see `contracting_id`).
    Contracting,
    /// The tools' pages: the indicators, the data, the widgets.
    Tool,
}

/// What a `Kind::Contracting` document is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Process,
    Buyer,
    Supplier,
}

impl Subject {
    fn code(self) -> &'static str {
        match self {
            Subject::Process => "process",
            Subject::Buyer => "buyer",
            Subject::Supplier => "supplier",
        }
    }
}

/// A contracting document's id: `<member slug>/<subject>/<key>` ("peru/buyer/PE-CONSUCODE-1984").
pub fn contracting_id(member: &str, s: Subject, key: &str) -> String {
    format!("{member}/{}/{key}", s.code())
}

/// The parts of a contracting document's id.
pub fn parse_contracting_id(id: &str) -> Option<(&str, Subject, &str)> {
    let (member, rest) = id.split_once('/')?;
    let (s, key) = rest.split_once('/')?;
    let s = [Subject::Process, Subject::Buyer, Subject::Supplier].into_iter().find(|x| x.code() == s)?;
    (!key.is_empty()).then_some((member, s, key))
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::News, Kind::Document, Kind::Event, Kind::Topic, Kind::Dataset, Kind::Contracting, Kind::Tool];

    pub fn code(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Document => "document",
            Kind::Event => "event",
            Kind::Topic => "topic",
            Kind::Dataset => "dataset",
            Kind::Contracting => "contracting",
            Kind::Tool => "tool",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// One searchable item, whatever its kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub kind: Kind,
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// Longer text (article body, description…), searched with the lowest weight.
    pub body: Text,
    pub date: Option<NaiveDate>,
    pub country: Option<Country>,
    pub topics: Vec<String>,
    pub sample: bool,
}

fn join(blocks: &crate::model::Blocks) -> Text {
    Text { es: blocks.es.join("\n"), en: blocks.en.as_ref().map(|b| b.join("\n")) }
}

/// Adds a line (both languages) to a searchable text.
fn append(body: &mut Text, extra: &Text) {
    body.es.push('\n');
    body.es.push_str(&extra.es);
    if let (Some(en), Some(x)) = (body.en.as_mut(), extra.en.as_ref()) {
        en.push('\n');
        en.push_str(x);
    }
}

impl Doc {
    pub fn year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.date.map(|d| d.year())
    }

    pub fn from_news(n: &NewsItem) -> Doc {
        Doc {
            kind: Kind::News,
            id: n.id.clone(),
            title: n.title.clone(),
            summary: n.summary.clone(),
            body: join(&n.body),
            date: n.date.first_day(),
            country: Some(n.country),
            topics: n.topics.clone(),
            sample: n.sample,
        }
    }

    pub fn from_document(d: &Document) -> Doc {
        let mut body = join(&d.body);
        // The author is searchable too ("ChileCompra", "Comité").
        append(&mut body, &d.author.name);
        Doc {
            kind: Kind::Document,
            id: d.id.clone(),
            title: d.title.clone(),
            summary: d.summary.clone(),
            body,
            date: d.date.first_day(),
            country: Some(d.country),
            topics: d.topics.clone(),
            sample: d.sample,
        }
    }

    pub fn from_event(e: &Event) -> Doc {
        let mut body = join(&e.body);
        for extra in [Some(&e.organizer), e.place.as_ref()].into_iter().flatten() {
            append(&mut body, extra);
        }
        Doc {
            kind: Kind::Event,
            id: e.id.clone(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            body,
            date: Some(e.start.date()),
            country: Some(e.country),
            topics: e.topics.clone(),
            sample: e.sample,
        }
    }

    pub fn from_topic(t: &Topic) -> Doc {
        Doc {
            kind: Kind::Topic,
            id: t.id.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            body: join(&t.description),
            date: None,
            country: None,
            topics: vec![t.id.clone()],
            sample: t.sample,
        }
    }

    pub fn from_dataset(d: &Dataset) -> Doc {
        Doc {
            kind: Kind::Dataset,
            id: d.id.clone(),
            title: d.title.clone(),
            summary: d.summary.clone(),
            body: Text { es: format!("{}\n{}", d.source.es, d.notes.es.join("\n")), en: d.source.en.clone() },
            date: NaiveDate::from_ymd_opt(d.year, 1, 1),
            country: Some(d.country),
            topics: d.topics.clone(),
            sample: d.sample,
        }
    }

    /// The texts searched: (text, field, Spanish?), both languages. The country's names count
    /// as a field of their own, so "compras públicas perú" finds what Peru published.
    pub(crate) fn fields(&self) -> [(&str, usize, bool); 8] {
        fn en(t: &Text) -> &str {
            t.en.as_deref().unwrap_or("")
        }
        let country = |lang| self.country.map_or("", |c| Lang::t(lang).country(c));
        [
            (&self.title.es, 0, true),
            (en(&self.title), 0, false),
            (&self.summary.es, 1, true),
            (en(&self.summary), 1, false),
            (&self.body.es, 2, true),
            (en(&self.body), 2, false),
            (country(Lang::Es), 3, true),
            (country(Lang::En), 3, false),
        ]
    }

    /// Whether any of the document's texts holds the words of `phrase` in a row.
    pub fn has_phrase(&self, phrase: &[String]) -> bool {
        self.fields().iter().any(|(text, _, _)| {
            let words: Vec<String> = tokens(text).into_iter().map(|t| t.folded).collect();
            words.windows(phrase.len()).any(|w| w == phrase)
        })
    }
}

/// Everything the Observatory publishes, as search documents.
pub fn docs_of(
    news: &[NewsItem],
    documents: &[Document],
    events: &[Event],
    topics: &[Topic],
    datasets: &[Dataset],
) -> Vec<Doc> {
    news.iter()
        .map(Doc::from_news)
        .chain(documents.iter().map(Doc::from_document))
        .chain(events.iter().map(Doc::from_event))
        .chain(topics.iter().map(Doc::from_topic))
        .chain(datasets.iter().map(Doc::from_dataset))
        .collect()
}

/// A word of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryTerm {
    pub folded: String,
    pub exact: String,
    /// The word being typed: also matches as a prefix.
    pub prefix: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<QueryTerm>,
    /// Quoted phrases, as folded words.
    pub phrases: Vec<Vec<String>>,
}

/// Longest query considered (characters); the rest is ignored, not an error.
pub const MAX_QUERY: usize = 200;
const MAX_TERMS: usize = 8;

impl Query {
    /// `typing`: the last word may be unfinished (suggestions as you type).
    pub fn parse(input: &str, typing: bool) -> Query {
        let input: String = input.chars().take(MAX_QUERY).collect();
        let mut q = Query::default();
        let mut words: Vec<(String, String)> = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            let toks = tokens(part);
            // Odd parts are inside quotes (an unclosed quote runs to the end).
            if i % 2 == 1 && toks.len() > 1 {
                q.phrases.push(toks.iter().map(|t| t.folded.clone()).collect());
            }
            words.extend(toks.into_iter().map(|t| (t.folded, t.exact)));
        }
        let ends_in_word = input.chars().last().is_some_and(char::is_alphanumeric);
        let all_stop = words.iter().all(|(f, _)| is_stop(f));
        let n = words.len();
        for (i, (folded, exact)) in words.into_iter().enumerate() {
            if (!all_stop && is_stop(&folded)) || q.terms.iter().any(|t| t.folded == folded) {
                continue;
            }
            q.terms.push(QueryTerm { folded, exact, prefix: typing && ends_in_word && i == n - 1 });
        }
        q.terms.truncate(MAX_TERMS);
        q
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A result: the document's number, its score and how many of the query's words it matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
    /// How many of the query's words it matched.
    pub words: usize,
}

/// A piece of text, marked when it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// Result counts per facet value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    pub kinds: Vec<(Kind, usize)>,
    pub countries: Vec<(Country, usize)>,
    pub topics: Vec<(String, usize)>,
    pub years: Vec<(i32, usize)>,
}

/// Facet choices; each facet's counts are computed with the other facets applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetFilter {
    pub kind: Option<Kind>,
    pub country: Option<Country>,
    pub topic: Option<String>,
    pub year: Option<i32>,
}

/// `text` with the matched words marked.
pub fn highlight(text: &str, matched: &HashSet<String>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for t in tokens(text) {
        if matched.contains(&t.folded) {
            if t.start > at {
                out.push(Segment { text: text[at..t.start].to_string(), mark: false });
            }
            out.push(Segment { text: text[t.start..t.end].to_string(), mark: true });
            at = t.end;
        }
    }
    if at < text.len() {
        out.push(Segment { text: text[at..].to_string(), mark: false });
    }
    out
}

/// About `width` characters of `text` around its first matched word, marked, with ellipses
/// where it was cut; the start of the text when nothing matched.
pub fn snippet(text: &str, matched: &HashSet<String>, width: usize) -> Vec<Segment> {
    let toks = tokens(text);
    let first = toks.iter().find(|t| matched.contains(&t.folded)).map_or(0, |t| t.start);
    // Start a little before the match, at a word boundary.
    let lead = width / 3;
    let mut start = toks
        .iter()
        .rev()
        .map(|t| t.start)
        .find(|s| *s <= first && text[*s..first].chars().count() >= lead)
        .unwrap_or(0);
    if text[..first].chars().count() < lead {
        start = 0;
    }
    let end = text[start..].char_indices().nth(width).map_or(text.len(), |(i, _)| start + i);
    // End at a word boundary.
    let end = if end < text.len() {
        toks.iter().rev().map(|t| t.end).find(|e| *e <= end && *e > start).unwrap_or(end)
    } else {
        end
    };
    let mut segs = highlight(&text[start..end], matched);
    if start > 0 {
        segs.insert(0, Segment { text: "… ".into(), mark: false });
    }
    if end < text.len() {
        segs.push(Segment { text: " …".into(), mark: false });
    }
    segs
}

/// The text a result shows under its title: the best field in the reader's language.
pub fn best_field<'a>(d: &'a Doc, lang: Lang, matched: &HashSet<String>) -> &'a str {
    let summary = d.summary.get(lang);
    let body = d.body.get(lang);
    let hits = |s: &str| tokens(s).iter().any(|t| matched.contains(&t.folded));
    if !hits(summary) && hits(body) {
        body
    } else {
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_and_snippets_mark_matched_words_only() {
        let matched: HashSet<String> = ["compras".to_string(), "peru".to_string()].into();
        let segs = highlight("Las compras del Perú, <b>", &matched);
        let marked: Vec<&str> = segs.iter().filter(|s| s.mark).map(|s| s.text.as_str()).collect();
        assert_eq!(marked, ["compras", "Perú"]);
        assert_eq!(segs.iter().map(|s| s.text.as_str()).collect::<String>(), "Las compras del Perú, <b>");
        let long = format!("{} compras públicas {}", "palabra ".repeat(50), "otra ".repeat(50));
        let snip = snippet(&long, &matched, 80);
        let text: String = snip.iter().map(|s| s.text.as_str()).collect();
        assert!(text.starts_with("… ") && text.ends_with(" …") && text.contains("compras"), "{text}");
        assert!(text.chars().count() <= 90);
    }
}
