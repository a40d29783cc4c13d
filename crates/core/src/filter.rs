//! List filters as they appear in the URL's query string. Unknown or absurd values are ignored
//! (and reported) rather than breaking the page, so any shared URL still shows something.

use crate::calendar::month::{parse_day, Month};
use crate::model::list::Facets;
use crate::model::{AuthorKind, Country, Dataset, DocKind, Event, EventFormat};
use chrono::NaiveDate;

/// Longest query value considered; anything longer cannot be a real filter value.
/// The longest query value read (an organizer key is cut to it: `model::organizer_key`).
pub const MAX_VALUE: usize = crate::model::MAX_KEY;

/// Filters of the news list: `?country=PE&year=2023&topic=sustainable-procurement`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewsFilter {
    pub country: Option<Country>,
    pub year: Option<i32>,
    pub topic: Option<String>,
}

/// Filters of the document library: also by type and author.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFilter {
    pub kind: Option<DocKind>,
    pub author: Option<AuthorKind>,
    pub country: Option<Country>,
    pub topic: Option<String>,
    pub year: Option<i32>,
}

pub(crate) fn year(v: &str) -> Option<i32> {
    (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.parse().ok()).flatten()
}

fn topic(v: &str) -> Option<String> {
    crate::model::is_valid_id(v).then(|| v.to_string())
}

/// Stores a parsed value; reports whether it made sense (for `read`'s list of ignored keys).
pub(crate) fn set<T>(slot: &mut Option<T>, value: Option<T>) -> Option<bool> {
    let ok = value.is_some();
    *slot = value;
    Some(ok)
}

/// Shared by every filter: reads known keys, collects the ones that made no sense.
pub(crate) fn read<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    mut set: impl FnMut(&str, &str) -> Option<bool>,
) -> Vec<String> {
    let mut ignored = Vec::new();
    for (k, v) in pairs {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let ok = v.len() <= MAX_VALUE && set(k, v).unwrap_or(true);
        if !ok {
            ignored.push(k.chars().take(30).collect());
        }
    }
    ignored
}

impl NewsFilter {
    /// Parses query pairs; returns the filter and the names of parameters that were ignored.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<String>) {
        let mut f = NewsFilter::default();
        let ignored = read(pairs, |k, v| match k {
            "country" => set(&mut f.country, Country::parse(v)),
            "year" => set(&mut f.year, year(v)),
            "topic" => set(&mut f.topic, topic(v)),
            _ => None,
        });
        (f, ignored)
    }

    /// A news item, or its row in the list's index.
    pub fn matches<F: Facets + ?Sized>(&self, n: &F) -> bool {
        self.country.is_none_or(|c| n.country() == c)
            && self.year.is_none_or(|y| n.year() == y)
            && self.topic.as_ref().is_none_or(|t| n.has_topic(t))
    }

    pub fn is_empty(&self) -> bool {
        *self == NewsFilter::default()
    }

    pub fn to_query(&self) -> String {
        query(&[
            ("country", self.country.map(|c| c.code().to_string())),
            ("year", self.year.map(|y| y.to_string())),
            ("topic", self.topic.clone()),
        ])
    }
}

impl DocFilter {
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<String>) {
        let mut f = DocFilter::default();
        let ignored = read(pairs, |k, v| match k {
            "type" => set(&mut f.kind, DocKind::parse(v)),
            "author" => set(&mut f.author, AuthorKind::parse(v)),
            "country" => set(&mut f.country, Country::parse(v)),
            "topic" => set(&mut f.topic, topic(v)),
            "year" => set(&mut f.year, year(v)),
            _ => None,
        });
        (f, ignored)
    }

    /// A document, or its row in the list's index.
    pub fn matches<F: Facets + ?Sized>(&self, d: &F) -> bool {
        self.kind.is_none_or(|k| d.doc_kind() == Some(k))
            && self.author.is_none_or(|a| d.author_kind() == Some(a))
            && self.country.is_none_or(|c| d.country() == c)
            && self.topic.as_ref().is_none_or(|t| d.has_topic(t))
            && self.year.is_none_or(|y| d.year() == y)
    }

    pub fn is_empty(&self) -> bool {
        *self == DocFilter::default()
    }

    pub fn to_query(&self) -> String {
        query(&[
            ("type", self.kind.map(|k| k.code().to_string())),
            ("author", self.author.map(|a| a.code().to_string())),
            ("country", self.country.map(|c| c.code().to_string())),
            ("topic", self.topic.clone()),
            ("year", self.year.map(|y| y.to_string())),
        ])
    }
}

/// Filters of the data page: `?topic=…&country=…&year=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataFilter {
    pub topic: Option<String>,
    pub country: Option<Country>,
    pub year: Option<i32>,
}

impl DataFilter {
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<String>) {
        let mut f = DataFilter::default();
        let ignored = read(pairs, |k, v| match k {
            "topic" => set(&mut f.topic, topic(v)),
            "country" => set(&mut f.country, Country::parse(v)),
            "year" => set(&mut f.year, year(v)),
            _ => None,
        });
        (f, ignored)
    }

    pub fn matches(&self, d: &Dataset) -> bool {
        self.topic.as_ref().is_none_or(|t| d.topics.contains(t))
            && self.country.is_none_or(|c| d.country == c)
            && self.year.is_none_or(|y| d.year == y)
    }
}

/// How the events page shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventView {
    /// Upcoming first, then past.
    #[default]
    Agenda,
    Month,
}

/// The events page's state: `?view=month&month=2027-03&day=2027-03-18&country=CO&topic=…&format=online&organizer=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub country: Option<Country>,
    pub topic: Option<String>,
    pub format: Option<EventFormat>,
    /// [`organizer_key`] of the organizer's name.
    pub organizer: Option<String>,
    pub view: EventView,
    pub month: Option<Month>,
    pub day: Option<NaiveDate>,
}

pub use crate::model::organizer_key;

impl EventFilter {
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<String>) {
        let mut f = EventFilter::default();
        let ignored = read(pairs, |k, v| match k {
            "country" => set(&mut f.country, Country::parse(v)),
            "topic" => set(&mut f.topic, topic(v)),
            "format" => set(&mut f.format, EventFormat::parse(v)),
            "organizer" => set(&mut f.organizer, topic(v)),
            "view" => {
                let parsed = match v {
                    "month" => Some(EventView::Month),
                    "agenda" => Some(EventView::Agenda),
                    _ => None,
                };
                f.view = parsed.unwrap_or_default();
                Some(parsed.is_some())
            }
            "month" => set(&mut f.month, Month::parse(v)),
            "day" => set(&mut f.day, parse_day(v)),
            _ => None,
        });
        (f, ignored)
    }

    /// Whether an event passes the country, area, format and organizer filters; the event's
    /// [`organizer_key`] is computed once per load by the caller.
    /// `matches_keyed` for the row at `i` of the events list's index.
    pub fn matches_row(&self, ix: &crate::model::list::EventIndex, i: usize) -> bool {
        let Some(r) = ix.rows.get(i) else { return false };
        self.country.is_none_or(|c| r.country == c)
            && self.topic.as_ref().is_none_or(|t| ix.has_topic(i, t))
            && self.format.is_none_or(|f| r.format == Some(f))
            && self.organizer.as_deref().is_none_or(|o| ix.organizer_key(i) == o)
    }

    pub fn matches_keyed(&self, e: &Event, organizer: &str) -> bool {
        self.country.is_none_or(|c| e.country == c)
            && self.topic.as_ref().is_none_or(|t| e.topics.contains(t))
            && self.format.is_none_or(|f| e.format == Some(f))
            && self.organizer.as_deref().is_none_or(|o| organizer == o)
    }

    /// The month shown: the chosen one, else the chosen day's, else today's.
    pub fn month_or(&self, today: NaiveDate) -> Month {
        self.month.or(self.day.map(Month::of)).unwrap_or(Month::of(today))
    }

    /// The selected day, if it lies in the month shown.
    pub fn day_in(&self, month: Month) -> Option<NaiveDate> {
        self.day.filter(|d| month.contains(*d))
    }
}

/// The search page's state: `?q=…&kind=news&country=PE&topic=…&year=2023`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// The query as typed (searched up to its first 200 characters).
    pub q: String,
    pub facets: crate::search::engine::FacetFilter,
}

impl SearchFilter {
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<String>) {
        let mut f = SearchFilter::default();
        let mut pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        // The query may be long or odd: it is text, never an error (and not subject to `read`'s limit).
        if let Some(i) = pairs.iter().position(|(k, _)| *k == "q") {
            f.q = pairs.remove(i).1.chars().take(crate::search::engine::MAX_QUERY).collect();
        }
        let ignored = read(pairs, |k, v| match k {
            "kind" => set(&mut f.facets.kind, crate::search::Kind::parse(v)),
            "country" => set(&mut f.facets.country, Country::parse(v)),
            "topic" => set(&mut f.facets.topic, topic(v)),
            "year" => set(&mut f.facets.year, year(v)),
            _ => None,
        });
        (f, ignored)
    }
}

/// "?a=1&b=2", or "" when nothing is set (see `routes::query_string`).
fn query(pairs: &[(&str, Option<String>)]) -> String {
    crate::routes::query_string(pairs.iter().filter_map(|(k, v)| Some((*k, v.as_deref()?))))
}

/// Distinct years, newest first, for a year filter's options.
pub fn years(dates: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut ys: Vec<i32> = dates.collect();
    ys.sort_unstable_by(|a, b| b.cmp(a));
    ys.dedup();
    ys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_filter_round_trips() {
        let (f, ignored) = NewsFilter::from_query([("country", "PE"), ("year", "2019"), ("topic", "trade-agreements")]);
        assert!(ignored.is_empty());
        assert_eq!(f.country, Some(Country::Pe));
        assert_eq!(f.to_query(), "?country=PE&year=2019&topic=trade-agreements");
        assert_eq!(NewsFilter::from_query([("country", "PE"), ("year", "2019"), ("topic", "trade-agreements")]).0, f);
    }

    #[test]
    fn absurd_values_are_ignored_and_reported() {
        let long = "x".repeat(10_000);
        let (f, ignored) = NewsFilter::from_query([
            ("country", "Narnia"),
            ("year", "99999"),
            ("topic", "<script>"),
            ("utm", "x"),
            ("topic", long.as_str()),
        ]);
        assert!(f.is_empty());
        assert_eq!(ignored, vec!["country", "year", "topic", "topic"]);
        let (d, ignored) = DocFilter::from_query([("type", "study"), ("author", "alien"), ("year", "")]);
        assert_eq!(d.kind, Some(DocKind::Study));
        assert_eq!(d.author, None);
        assert_eq!(ignored, vec!["author"]);
    }

    #[test]
    fn data_filter() {
        let (f, ignored) = DataFilter::from_query([("topic", "digital-economy"), ("year", "2023"), ("country", "XX")]);
        assert_eq!(f.topic.as_deref(), Some("digital-economy"));
        assert_eq!(f.year, Some(2023));
        assert_eq!(ignored, vec!["country"]);
    }

    #[test]
    fn event_filter_reads_view_month_and_organizer() {
        let (f, ignored) = EventFilter::from_query([
            ("view", "month"),
            ("month", "2027-03"),
            ("day", "2027-03-18"),
            ("format", "online"),
            ("organizer", "comite-de-compras-publicas"),
            ("country", "CO"),
        ]);
        assert!(ignored.is_empty());
        assert_eq!(f.view, EventView::Month);
        assert_eq!(f.month_or(NaiveDate::MIN).code(), "2027-03");
        assert_eq!(f.day_in(Month::parse("2027-03").unwrap()), parse_day("2027-03-18"));
        assert_eq!(f.day_in(Month::parse("2027-04").unwrap()), None);
        let (f, ignored) = EventFilter::from_query([("view", "year"), ("month", "2027-13"), ("day", "yesterday")]);
        assert_eq!(f, EventFilter::default());
        assert_eq!(ignored, vec!["view", "month", "day"]);
        let today = parse_day("2026-11-28").unwrap();
        assert_eq!(f.month_or(today).code(), "2026-11");
        assert_eq!(
            organizer_key(&crate::model::Text::new("Comité de Compras Públicas (AP)", "x")),
            "comite-de-compras-publicas-ap"
        );
    }

    #[test]
    fn search_filter_keeps_any_query_and_checks_facets() {
        let long = "x".repeat(10_000);
        let (f, ignored) =
            SearchFilter::from_query([("q", long.as_str()), ("kind", "news"), ("country", "PE"), ("year", "abc")]);
        assert_eq!(f.q.len(), 200);
        assert_eq!(f.facets.kind, Some(crate::search::Kind::News));
        assert_eq!(ignored, vec!["year"]);
        let (f, _) = SearchFilter::from_query([("q", "<script>\u{202e}🙂")]);
        assert_eq!(f.q, "<script>\u{202e}🙂");
    }

    #[test]
    fn years_are_distinct_and_newest_first() {
        assert_eq!(years([2019, 2023, 2019, 2021].into_iter()), vec![2023, 2021, 2019]);
    }
}
