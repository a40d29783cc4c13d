//! List filters as they appear in the URL's query string. Unknown or absurd values are ignored
//! (and reported) rather than breaking the page, so any shared URL still shows something.

use crate::model::{AuthorKind, Country, Dataset, DocKind, Document, NewsItem};

/// Longest query value considered; anything longer cannot be a real filter value.
const MAX_VALUE: usize = 100;

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

fn year(v: &str) -> Option<i32> {
    (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.parse().ok()).flatten()
}

fn topic(v: &str) -> Option<String> {
    crate::model::is_valid_id(v).then(|| v.to_string())
}

/// Stores a parsed value; reports whether it made sense (for `read`'s list of ignored keys).
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> Option<bool> {
    let ok = value.is_some();
    *slot = value;
    Some(ok)
}

/// Shared by every filter: reads known keys, collects the ones that made no sense.
fn read<'a>(
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

    pub fn matches(&self, n: &NewsItem) -> bool {
        self.country.is_none_or(|c| n.country == c)
            && self.year.is_none_or(|y| n.date.year == y)
            && self.topic.as_ref().is_none_or(|t| n.topics.contains(t))
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

    pub fn matches(&self, d: &Document) -> bool {
        self.kind.is_none_or(|k| d.kind == k)
            && self.author.is_none_or(|a| d.author.kind == a)
            && self.country.is_none_or(|c| d.country == c)
            && self.topic.as_ref().is_none_or(|t| d.topics.contains(t))
            && self.year.is_none_or(|y| d.date.year == y)
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

/// "?a=1&b=2", or "" when nothing is set. Values are ids and codes, which need no escaping.
fn query(pairs: &[(&str, Option<String>)]) -> String {
    let parts: Vec<String> = pairs.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}"))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
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
    fn years_are_distinct_and_newest_first() {
        assert_eq!(years([2019, 2023, 2019, 2021].into_iter()), vec![2023, 2021, 2019]);
    }
}
