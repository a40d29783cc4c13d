//! Checked domain types, and the checks that turn raw items into them.

use super::problem::{Problem, ProblemKind};
use super::raw::*;
use super::text::{Blocks, Text};
use super::values::{is_valid_id, Country, EventTime, PartialDate, SafeUrl};
use serde_json::Value;

/// An enum whose values are short codes in the content files.
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const CODES: &'static [&'static str] = &[$($code),+];
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }
    };
}

code_enum!(
    /// What a link is for; events show registration links before the event and recordings after.
    LinkKind { Info = "info", Registration = "registration", Recording = "recording", Material = "material", Source = "source" }
);
code_enum!(DocKind { Study = "study", Statistics = "statistics", Article = "article", Declaration = "declaration", Report = "report", Portfolio = "portfolio", Guide = "guide" });
code_enum!(
    /// Who wrote a document: the Procurement Committee, an invited collaborator, another body of
    /// the Alliance, or an outside source the Observatory cites.
    AuthorKind { Committee = "committee", Collaborator = "collaborator", Alliance = "alliance", External = "external" }
);
code_enum!(EventFormat { Online = "online", InPerson = "in_person", Hybrid = "hybrid" });
code_enum!(
    /// How a dataset is drawn: bars (horizontal) or columns, grouped or stacked when there are
    /// several number columns; lines over ordered categories; shares of a whole; key-figure cards.
    ChartKind {
        Bar = "bar",
        BarStacked = "bar_stacked",
        Column = "column",
        ColumnStacked = "column_stacked",
        Line = "line",
        Share = "share",
        Figures = "figures",
    }
);
code_enum!(ColumnKind { Text = "text", Number = "number" });
code_enum!(
    /// The pages an official site owes its readers, linked from every page's footer; their texts
    /// are in `site.json` (`pages`), their titles in the interface's strings.
    InfoKind {
        Licence = "licence",
        Privacy = "privacy",
        Contact = "contact",
        Accessibility = "accessibility",
        Methodology = "methodology",
    }
);

/// One of those pages: when its text was last reviewed, its paragraphs and its links.
#[derive(Clone, Debug, PartialEq)]
pub struct InfoPage {
    pub kind: InfoKind,
    pub updated: PartialDate,
    pub body: Blocks,
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub kind: LinkKind,
    pub label: Text,
    pub url: SafeUrl,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: Text,
    pub tagline: Text,
    pub about: Blocks,
    pub url: Option<SafeUrl>,
    pub contact: Option<SafeUrl>,
    /// In `InfoKind` order; a page left out shows that it is not written yet.
    pub pages: Vec<InfoPage>,
    /// The members' national procurement portals, in the file's order.
    pub portals: Vec<Portal>,
}

/// A member's national public procurement portal, where businesses find and answer tenders.
/// Its name is a proper noun, the same in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Portal {
    pub country: Country,
    pub name: String,
    pub url: SafeUrl,
}

impl Site {
    pub fn page(&self, kind: InfoKind) -> Option<&InfoPage> {
        self.pages.iter().find(|p| p.kind == kind)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub description: Blocks,
    pub sample: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewsItem {
    pub id: String,
    pub date: PartialDate,
    pub country: Country,
    pub topics: Vec<String>,
    pub title: Text,
    pub summary: Text,
    pub body: Blocks,
    pub links: Vec<Link>,
    pub sample: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub kind: AuthorKind,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: String,
    pub kind: DocKind,
    pub author: Author,
    pub country: Country,
    pub topics: Vec<String>,
    pub date: PartialDate,
    pub title: Text,
    pub summary: Text,
    pub body: Blocks,
    pub url: Option<SafeUrl>,
    pub sample: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub body: Blocks,
    pub start: EventTime,
    pub end: EventTime,
    /// IANA zone of the local times; absent for whole-day events whose zone does not matter.
    pub timezone: Option<String>,
    pub format: Option<EventFormat>,
    pub place: Option<Text>,
    pub country: Country,
    pub topics: Vec<String>,
    pub organizer: Text,
    pub how_to_take_part: Option<Text>,
    pub participation: Participation,
    pub links: Vec<Link>,
    pub sample: bool,
}

/// How readers send comments, with no server of ours: a form service's https endpoint, an
/// e-mail address, both or neither.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Participation {
    pub form: Option<SafeUrl>,
    pub email: Option<String>,
}

impl Event {
    /// An event is past once its last day is before `today`.
    pub fn is_past(&self, today: chrono::NaiveDate) -> bool {
        self.end.date() < today
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub id: String,
    pub label: Text,
    pub kind: ColumnKind,
    pub unit: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Missing,
    Number { value: f64, at_least: bool },
    Text(Text),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub value: f64,
    pub decimals: usize,
    pub prefix: Option<String>,
    pub suffix: Option<Text>,
    pub at_least: bool,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub source: Text,
    pub source_url: Option<SafeUrl>,
    pub notes: Blocks,
    pub country: Country,
    pub topics: Vec<String>,
    pub year: i32,
    pub chart: Option<ChartKind>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub highlights: Vec<Highlight>,
    pub sample: bool,
}

/// Collects problems while checking one item; an item with any error is left out.
#[doc(hidden)]
pub struct Checker<'a> {
    pub file: &'a str,
    pub problems: Vec<Problem>,
    errors: usize,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a str) -> Self {
        Checker { file, problems: Vec::new(), errors: 0 }
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    /// Runs a check whose errors must not sink the whole item: they are reported as warnings,
    /// and the part is left out (`None`).
    fn part<T>(&mut self, check: impl FnOnce(&mut Self) -> T) -> Option<T> {
        let (errors, at) = (self.errors, self.problems.len());
        let v = check(self);
        if self.errors == errors {
            return Some(v);
        }
        self.errors = errors;
        for p in &mut self.problems[at..] {
            p.severity = super::problem::Severity::Warning;
        }
        None
    }

    pub fn error(&mut self, path: &str, kind: ProblemKind) {
        self.errors += 1;
        self.problems.push(Problem::error(self.file, path, kind));
    }

    pub fn warn(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem::warning(self.file, path, kind));
    }

    fn text(&mut self, path: &str, raw: &RawText) -> Text {
        let es = raw.es.as_deref().map(str::trim).unwrap_or("");
        if raw.es.is_none() {
            self.error(&format!("{path}.es"), ProblemKind::MissingSpanish);
        } else if es.is_empty() {
            self.error(&format!("{path}.es"), ProblemKind::EmptyText);
        }
        let en = raw.en.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if en.is_none() {
            self.warn(&format!("{path}.en"), ProblemKind::MissingEnglish);
        }
        Text { es: es.to_string(), en: en.map(str::to_string) }
    }

    fn opt_text(&mut self, path: &str, raw: &Option<RawText>) -> Option<Text> {
        raw.as_ref().map(|r| self.text(path, r))
    }

    fn blocks(&mut self, path: &str, raw: &RawBlocks) -> Blocks {
        let clean = |v: &Option<Vec<String>>| -> Option<Vec<String>> {
            let v: Vec<String> = v.as_ref()?.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
            (!v.is_empty()).then_some(v)
        };
        let es = clean(&raw.es);
        if es.is_none() {
            self.error(
                &format!("{path}.es"),
                if raw.es.is_none() { ProblemKind::MissingSpanish } else { ProblemKind::EmptyText },
            );
        }
        let en = clean(&raw.en);
        if en.is_none() {
            self.warn(&format!("{path}.en"), ProblemKind::MissingEnglish);
        }
        Blocks { es: es.unwrap_or_default(), en }
    }

    fn opt_blocks(&mut self, path: &str, raw: &Option<RawBlocks>) -> Blocks {
        raw.as_ref().map(|b| self.blocks(path, b)).unwrap_or_default()
    }

    fn id(&mut self, path: &str, id: &str) -> String {
        if !is_valid_id(id) {
            self.error(path, ProblemKind::BadId { value: id.to_string() });
        }
        id.to_string()
    }

    fn country(&mut self, path: &str, code: &str) -> Country {
        Country::parse(code).unwrap_or_else(|| {
            self.error(path, ProblemKind::UnknownCountry { value: code.to_string() });
            Country::Ap
        })
    }

    fn date(&mut self, path: &str, s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap_or_else(|| {
            self.error(path, ProblemKind::BadDate { value: s.to_string() });
            PartialDate { year: 0, month: None, day: None }
        })
    }

    fn url(&mut self, path: &str, s: &str) -> Option<SafeUrl> {
        match SafeUrl::parse(s) {
            Ok(u) => Some(u),
            Err(_) => {
                self.error(path, ProblemKind::BadUrl { value: s.to_string() });
                None
            }
        }
    }

    fn opt_url(&mut self, path: &str, s: &Option<String>) -> Option<SafeUrl> {
        s.as_deref().and_then(|s| self.url(path, s))
    }

    fn code<T: Copy>(
        &mut self,
        path: &str,
        s: &str,
        parse: fn(&str) -> Option<T>,
        codes: &'static [&'static str],
    ) -> Option<T> {
        let v = parse(s);
        if v.is_none() {
            self.error(path, ProblemKind::UnknownCode { value: s.to_string(), expected: codes });
        }
        v
    }

    fn topics(&mut self, path: &str, ids: &[String]) -> Vec<String> {
        for (i, id) in ids.iter().enumerate() {
            if !is_valid_id(id) {
                self.error(&format!("{path}[{i}]"), ProblemKind::BadId { value: id.clone() });
            }
        }
        ids.to_vec()
    }

    fn links(&mut self, path: &str, raw: &[RawLink]) -> Vec<Link> {
        let mut out = Vec::new();
        for (i, l) in raw.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let kind = match &l.kind {
                Some(k) => self.code(&format!("{p}.kind"), k, LinkKind::parse, LinkKind::CODES),
                None => Some(LinkKind::Info),
            };
            let label = self.text(&format!("{p}.label"), &l.label);
            let url = self.url(&format!("{p}.url"), &l.url);
            if let (Some(kind), Some(url)) = (kind, url) {
                out.push(Link { kind, label, url });
            }
        }
        out
    }
}

pub(crate) fn check_site(c: &mut Checker, p: &str, r: &RawSite) -> Site {
    Site {
        name: c.text(&format!("{p}.name"), &r.name),
        tagline: c.text(&format!("{p}.tagline"), &r.tagline),
        about: c.blocks(&format!("{p}.about"), &r.about),
        url: c.opt_url(&format!("{p}.url"), &r.url),
        contact: c.opt_url(&format!("{p}.contact"), &r.contact),
        pages: check_info_pages(c, &format!("{p}.pages"), &r.pages),
        portals: check_portals(c, &format!("{p}.portals"), &r.portals),
    }
}

fn check_portals(c: &mut Checker, p: &str, raw: &[RawPortal]) -> Vec<Portal> {
    // A bad portal is left out (reported), never the site with it.
    let out: Vec<Portal> = raw
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let at = format!("{p}[{i}]");
            c.part(|c| {
                let name = r.name.trim();
                if name.is_empty() {
                    c.error(&format!("{at}.name"), ProblemKind::EmptyText);
                }
                let country = c.country(&format!("{at}.country"), &r.country);
                let url = c.url(&format!("{at}.url"), &r.url);
                url.map(|url| Portal { country, name: name.to_string(), url })
            })
            .flatten()
        })
        .collect();
    if out.is_empty() {
        c.warn(p, ProblemKind::MissingPortals);
    }
    out
}

fn check_info_pages(c: &mut Checker, p: &str, raw: &std::collections::BTreeMap<String, RawInfoPage>) -> Vec<InfoPage> {
    // A bad page is left out (and shows as not written), never the site's name and intro with it.
    for key in raw.keys().filter(|k| InfoKind::parse(k).is_none()) {
        c.warn(&format!("{p}.{key}"), ProblemKind::UnknownCode { value: key.clone(), expected: InfoKind::CODES });
    }
    let mut out = Vec::new();
    for &kind in InfoKind::ALL {
        let at = format!("{p}.{}", kind.code());
        match raw.get(kind.code()) {
            Some(r) => out.extend(c.part(|c| InfoPage {
                kind,
                updated: c.date(&format!("{at}.updated"), &r.updated),
                body: c.blocks(&format!("{at}.body"), &r.body),
                links: c.links(&format!("{at}.links"), &r.links),
            })),
            None => c.warn(&at, ProblemKind::MissingPage { page: kind.code() }),
        }
    }
    out
}

pub(crate) fn check_topic(c: &mut Checker, p: &str, r: &RawTopic) -> Topic {
    Topic {
        id: c.id(&format!("{p}.id"), &r.id),
        title: c.text(&format!("{p}.title"), &r.title),
        summary: c.text(&format!("{p}.summary"), &r.summary),
        description: c.opt_blocks(&format!("{p}.description"), &r.description),
        sample: r.sample,
    }
}

pub(crate) fn check_news(c: &mut Checker, p: &str, r: &RawNews) -> NewsItem {
    NewsItem {
        id: c.id(&format!("{p}.id"), &r.id),
        date: c.date(&format!("{p}.date"), &r.date),
        country: c.country(&format!("{p}.country"), &r.country),
        topics: c.topics(&format!("{p}.topics"), &r.topics),
        title: c.text(&format!("{p}.title"), &r.title),
        summary: c.text(&format!("{p}.summary"), &r.summary),
        body: c.blocks(&format!("{p}.body"), &r.body),
        links: c.links(&format!("{p}.links"), &r.links),
        sample: r.sample,
    }
}

pub(crate) fn check_document(c: &mut Checker, p: &str, r: &RawDocument) -> Document {
    Document {
        id: c.id(&format!("{p}.id"), &r.id),
        kind: c.code(&format!("{p}.type"), &r.kind, DocKind::parse, DocKind::CODES).unwrap_or(DocKind::Report),
        author: Author {
            kind: c
                .code(&format!("{p}.author.kind"), &r.author.kind, AuthorKind::parse, AuthorKind::CODES)
                .unwrap_or(AuthorKind::External),
            name: c.text(&format!("{p}.author.name"), &r.author.name),
        },
        country: c.country(&format!("{p}.country"), &r.country),
        topics: c.topics(&format!("{p}.topics"), &r.topics),
        date: c.date(&format!("{p}.date"), &r.date),
        title: c.text(&format!("{p}.title"), &r.title),
        summary: c.text(&format!("{p}.summary"), &r.summary),
        body: c.opt_blocks(&format!("{p}.body"), &r.body),
        url: c.opt_url(&format!("{p}.url"), &r.url),
        sample: r.sample,
    }
}

/// A plausible IANA zone name ("Area/Location", ASCII): the browser's check, which has no tz
/// database of its own (an unknown zone there shows the stored local time only).
/// Whether the tz database knows a zone (the content checker).
#[cfg(feature = "checker")]
pub fn known_zone(zone: &str) -> bool {
    zone.parse::<chrono_tz::Tz>().is_ok()
}

#[cfg_attr(feature = "checker", allow(dead_code))]
fn plausible_zone(tz: &str) -> bool {
    let mut parts = tz.split('/');
    let area = parts.next().unwrap_or("");
    const AREAS: [&str; 9] =
        ["Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];
    (AREAS.contains(&area)
        && tz.split('/').skip(1).all(|s| {
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'+')
        })
        && tz.contains('/'))
        || tz == "UTC"
}

fn check_participation(c: &mut Checker, p: &str, r: &RawParticipation) -> Participation {
    let form = r.form.as_deref().and_then(|f| match SafeUrl::parse(f) {
        Ok(u) if u.as_str().to_ascii_lowercase().starts_with("https://") => Some(u),
        _ => {
            c.error(&format!("{p}.form"), ProblemKind::BadFormEndpoint { value: f.chars().take(80).collect() });
            None
        }
    });
    let email = r.email.as_deref().and_then(|e| {
        let ok = super::values::plausible_email(e.trim());
        if !ok {
            c.error(&format!("{p}.email"), ProblemKind::BadEmail { value: e.chars().take(80).collect() });
        }
        ok.then(|| e.trim().to_string())
    });
    Participation { form, email }
}

pub(crate) fn check_event(c: &mut Checker, p: &str, r: &RawEvent) -> Event {
    let time = |c: &mut Checker, path: String, s: &str| {
        EventTime::parse(s).or_else(|| {
            c.error(&path, ProblemKind::BadEventTime { value: s.to_string() });
            None
        })
    };
    let start = time(c, format!("{p}.start"), &r.start);
    let end = match &r.end {
        Some(e) => time(c, format!("{p}.end"), e),
        None => start,
    };
    if let (Some(s), Some(e)) = (start, end) {
        match (s, e) {
            (EventTime::Day(_), EventTime::At(_)) | (EventTime::At(_), EventTime::Day(_)) => {
                c.error(&format!("{p}.end"), ProblemKind::MixedEventTimes)
            }
            _ if e < s => c.error(&format!("{p}.end"), ProblemKind::EndBeforeStart),
            _ => {}
        }
        if matches!(s, EventTime::At(_)) && r.timezone.is_none() {
            c.error(&format!("{p}.timezone"), ProblemKind::BadTimeZone { value: String::new() });
        }
    }
    if let Some(tz) = &r.timezone {
        // Natively the tz database decides; the browser checks the shape and lets Intl judge.
        #[cfg(feature = "checker")]
        let known = known_zone(tz);
        #[cfg(not(feature = "checker"))]
        let known = plausible_zone(tz);
        if !known {
            c.error(&format!("{p}.timezone"), ProblemKind::BadTimeZone { value: tz.clone() });
        }
    }
    let fallback = EventTime::Day(chrono::NaiveDate::MIN);
    Event {
        id: c.id(&format!("{p}.id"), &r.id),
        title: c.text(&format!("{p}.title"), &r.title),
        summary: c.text(&format!("{p}.summary"), &r.summary),
        body: c.opt_blocks(&format!("{p}.body"), &r.body),
        start: start.unwrap_or(fallback),
        end: end.unwrap_or(fallback),
        timezone: r.timezone.clone(),
        format: r
            .format
            .as_deref()
            .and_then(|f| c.code(&format!("{p}.format"), f, EventFormat::parse, EventFormat::CODES)),
        place: c.opt_text(&format!("{p}.place"), &r.place),
        country: c.country(&format!("{p}.country"), &r.country),
        topics: c.topics(&format!("{p}.topics"), &r.topics),
        organizer: c.text(&format!("{p}.organizer"), &r.organizer),
        how_to_take_part: c.opt_text(&format!("{p}.how_to_take_part"), &r.how_to_take_part),
        participation: r
            .participation
            .as_ref()
            .map(|pt| check_participation(c, &format!("{p}.participation"), pt))
            .unwrap_or_default(),
        links: c.links(&format!("{p}.links"), &r.links),
        sample: r.sample,
    }
}

fn check_cell(c: &mut Checker, path: &str, kind: ColumnKind, v: &Value) -> Cell {
    match (kind, v) {
        (_, Value::Null) => Cell::Missing,
        (ColumnKind::Number, Value::Number(n)) => {
            Cell::Number { value: n.as_f64().unwrap_or(f64::NAN), at_least: false }
        }
        (ColumnKind::Number, Value::Object(o)) if o.contains_key("value") => {
            let value = o.get("value").and_then(Value::as_f64);
            let at_least = o.get("at_least").and_then(Value::as_bool).unwrap_or(false);
            let known = o.keys().all(|k| k == "value" || k == "at_least");
            match value {
                Some(value) if known => Cell::Number { value, at_least },
                _ => {
                    c.error(path, ProblemKind::NotANumber);
                    Cell::Missing
                }
            }
        }
        (ColumnKind::Number, _) => {
            c.error(path, ProblemKind::NotANumber);
            Cell::Missing
        }
        (ColumnKind::Text, Value::String(s)) => Cell::Text(Text { es: s.clone(), en: Some(s.clone()) }),
        (ColumnKind::Text, other) => match serde_json::from_value::<RawText>(other.clone()) {
            Ok(raw) => Cell::Text(c.text(path, &raw)),
            Err(e) => {
                c.error(path, ProblemKind::Shape { detail: e.to_string() });
                Cell::Missing
            }
        },
    }
}

/// A dataset as an editor would write it in `datasets.json` (what `check_dataset` reads back
/// to the same dataset): for datasets the publishing step computes, such as the members'
/// procurement comparison.
pub fn dataset_json(d: &Dataset) -> Value {
    use serde_json::json;
    let text = |t: &Text| match &t.en {
        Some(en) => json!({ "es": t.es, "en": en }),
        None => json!({ "es": t.es }),
    };
    let mut v = json!({
        "id": d.id,
        "title": text(&d.title),
        "summary": text(&d.summary),
        "source": text(&d.source),
        "country": d.country.code(),
        "topics": d.topics,
        "year": d.year,
        "columns": d.columns.iter().map(|c| {
            let mut col = json!({ "id": c.id, "label": text(&c.label), "type": c.kind.code() });
            if let Some(u) = &c.unit {
                col["unit"] = text(u);
            }
            col
        }).collect::<Vec<_>>(),
        "rows": d.rows.iter().map(|r| r.iter().map(|cell| match cell {
            Cell::Missing => Value::Null,
            Cell::Number { value, at_least: false } => json!(value),
            Cell::Number { value, at_least: true } => json!({ "value": value, "at_least": true }),
            Cell::Text(t) => text(t),
        }).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "highlights": d.highlights.iter().map(|h| {
            let mut o = json!({ "value": h.value, "decimals": h.decimals, "at_least": h.at_least, "label": text(&h.label) });
            if let Some(p) = &h.prefix {
                o["prefix"] = json!(p);
            }
            if let Some(s) = &h.suffix {
                o["suffix"] = text(s);
            }
            o
        }).collect::<Vec<_>>(),
        "sample": d.sample,
    });
    if let Some(u) = &d.source_url {
        v["source_url"] = json!(u.as_str());
    }
    if !d.notes.es.is_empty() {
        v["notes"] = match &d.notes.en {
            Some(en) => json!({ "es": d.notes.es, "en": en }),
            None => json!({ "es": d.notes.es }),
        };
    }
    if let Some(c) = d.chart {
        v["chart"] = json!(c.code());
    }
    v
}

pub(crate) fn check_dataset(c: &mut Checker, p: &str, r: &RawDataset) -> Dataset {
    let mut columns = Vec::new();
    for (i, col) in r.columns.iter().enumerate() {
        let cp = format!("{p}.columns[{i}]");
        columns.push(Column {
            id: c.id(&format!("{cp}.id"), &col.id),
            label: c.text(&format!("{cp}.label"), &col.label),
            kind: c
                .code(&format!("{cp}.type"), &col.kind, ColumnKind::parse, ColumnKind::CODES)
                .unwrap_or(ColumnKind::Text),
            unit: c.opt_text(&format!("{cp}.unit"), &col.unit),
        });
    }
    if columns.is_empty() {
        c.error(&format!("{p}.columns"), ProblemKind::Empty);
    }
    let mut rows = Vec::new();
    for (i, row) in r.rows.iter().enumerate() {
        if row.len() != columns.len() {
            c.error(&format!("{p}.rows[{i}]"), ProblemKind::RowLength { expected: columns.len(), found: row.len() });
            continue;
        }
        let cells = row
            .iter()
            .zip(&columns)
            .enumerate()
            .map(|(j, (v, col))| check_cell(c, &format!("{p}.rows[{i}][{j}]"), col.kind, v))
            .collect();
        rows.push(cells);
    }
    if r.rows.is_empty() {
        c.error(&format!("{p}.rows"), ProblemKind::Empty);
    }
    let highlights = r
        .highlights
        .iter()
        .enumerate()
        .map(|(i, h)| Highlight {
            value: h.value,
            decimals: h.decimals.unwrap_or(0).min(6) as usize,
            prefix: h.prefix.clone(),
            suffix: c.opt_text(&format!("{p}.highlights[{i}].suffix"), &h.suffix),
            at_least: h.at_least,
            label: c.text(&format!("{p}.highlights[{i}].label"), &h.label),
        })
        .collect();
    Dataset {
        id: c.id(&format!("{p}.id"), &r.id),
        title: c.text(&format!("{p}.title"), &r.title),
        summary: c.text(&format!("{p}.summary"), &r.summary),
        source: c.text(&format!("{p}.source"), &r.source),
        source_url: c.opt_url(&format!("{p}.source_url"), &r.source_url),
        notes: c.opt_blocks(&format!("{p}.notes"), &r.notes),
        country: c.country(&format!("{p}.country"), &r.country),
        topics: c.topics(&format!("{p}.topics"), &r.topics),
        year: r.year,
        chart: r.chart.as_deref().and_then(|k| c.code(&format!("{p}.chart"), k, ChartKind::parse, ChartKind::CODES)),
        columns,
        rows,
        highlights,
        sample: r.sample,
    }
}
