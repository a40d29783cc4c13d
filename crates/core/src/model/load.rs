//! Reading one content file: JSON syntax, format version, then each item on its own, so that one
//! bad item is reported and left out while the rest of the file still shows.

use super::content::*;
use super::problem::{Problem, ProblemKind, Severity};
use super::raw::*;
use crate::lang::Lang;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;

/// The content format this build reads. Bump it, with a migration note in docs/content.md, when
/// a change would make old files mean something else.
pub const FORMAT_VERSION: u64 = 1;

/// A kind of content file: its name, the key holding its items and how items are checked.
pub trait ContentFile: Sized {
    const FILE: &'static str;
    const KEY: &'static str;
    /// The key holds one object rather than a list (site settings).
    const SINGLE: bool = false;
    type Raw: DeserializeOwned;
    #[doc(hidden)]
    fn check(c: &mut Checker, path: &str, raw: &Self::Raw) -> Self;
    fn id(&self) -> &str;
    /// Order in which lists show the items (newest first for news, say).
    fn sort(_items: &mut [Self]) {}
}

impl ContentFile for Site {
    const FILE: &'static str = "site.json";
    const KEY: &'static str = "site";
    const SINGLE: bool = true;
    type Raw = RawSite;
    fn check(c: &mut Checker, p: &str, r: &RawSite) -> Self {
        check_site(c, p, r)
    }
    fn id(&self) -> &str {
        "site"
    }
}

impl ContentFile for Topic {
    const FILE: &'static str = "topics.json";
    const KEY: &'static str = "topics";
    type Raw = RawTopic;
    fn check(c: &mut Checker, p: &str, r: &RawTopic) -> Self {
        check_topic(c, p, r)
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl ContentFile for NewsItem {
    const FILE: &'static str = "news.json";
    const KEY: &'static str = "news";
    type Raw = RawNews;
    fn check(c: &mut Checker, p: &str, r: &RawNews) -> Self {
        check_news(c, p, r)
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn sort(items: &mut [Self]) {
        items.sort_by_key(|i| std::cmp::Reverse(i.date));
    }
}

impl ContentFile for Document {
    const FILE: &'static str = "documents.json";
    const KEY: &'static str = "documents";
    type Raw = RawDocument;
    fn check(c: &mut Checker, p: &str, r: &RawDocument) -> Self {
        check_document(c, p, r)
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn sort(items: &mut [Self]) {
        items.sort_by_key(|i| std::cmp::Reverse(i.date));
    }
}

impl ContentFile for Event {
    const FILE: &'static str = "events.json";
    const KEY: &'static str = "events";
    type Raw = RawEvent;
    fn check(c: &mut Checker, p: &str, r: &RawEvent) -> Self {
        check_event(c, p, r)
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn sort(items: &mut [Self]) {
        items.sort_by_key(|e| e.start);
    }
}

impl ContentFile for Dataset {
    const FILE: &'static str = "datasets.json";
    const KEY: &'static str = "datasets";
    type Raw = RawDataset;
    fn check(c: &mut Checker, p: &str, r: &RawDataset) -> Self {
        check_dataset(c, p, r)
    }
    fn id(&self) -> &str {
        &self.id
    }
}

/// The usable items of a file, and every problem found in it (errors of left-out items too).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub items: Vec<T>,
    pub problems: Vec<Problem>,
}

impl<T> Loaded<T> {
    /// How many items were left out because of errors.
    pub fn skipped(&self) -> usize {
        // One error can't leave out two items, and an item's errors share its "key[i]" prefix.
        let mut seen = HashSet::new();
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .filter_map(|p| p.path.split_once(']').map(|(head, _)| head.to_string()))
            .filter(|head| seen.insert(head.clone()))
            .count()
    }
}

/// Why a whole file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// The request did not complete (offline, DNS, CORS, aborted).
    Network { file: String, detail: String },
    /// The server answered with an error status (404 for a missing file).
    Http { file: String, status: u16 },
    /// The file arrived but cannot be read: bad JSON, wrong shape or format version.
    Invalid(Problem),
    /// The file is over its size cap (`size_cap`): not parsed, so a huge file never freezes the
    /// page. `bytes` is at least the file's size (the compressed size when that alone is over).
    TooLarge { file: String, bytes: u64, cap: u64 },
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// The most bytes the browser reads of the file at `path` (a content file's URL path, as the
/// app fetches it under `content/`, or a search index part's) before parsing it. Each cap is far
/// above what the bundled content and the 17,000-item corpus publish (BENCHMARKS.md): the full
/// news file of the corpus, 10 MB, is the one file past its cap, and the app never reads it (it
/// reads the list's index and page files).
pub fn size_cap(path: &str) -> u64 {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let in_dir = |dir: &str| path.contains(&format!("/{dir}/")) || path.starts_with(&format!("{dir}/"));
    if path.contains("search/") {
        // Index parts (vocabulary, postings, documents) and the entry points.
        return 4 * MIB;
    }
    if in_dir("items") {
        512 * KIB
    } else if in_dir("home") {
        2 * MIB
    } else if in_dir("lists") {
        // A list's index (`lists/news.json`) or one page file of it (`lists/news/3.json`).
        let page = path.rsplit('/').nth(1).is_some_and(|dir| dir != "lists");
        if page {
            2 * MIB
        } else {
            8 * MIB
        }
    } else {
        8 * MIB
    }
}

/// `Err(TooLarge)` when `bytes` is over the cap of `path`; errors name `file`.
pub fn check_size(file: &str, path: &str, bytes: u64) -> Result<(), FileError> {
    let cap = size_cap(path);
    if bytes > cap {
        return Err(FileError::TooLarge { file: file.to_string(), bytes, cap });
    }
    Ok(())
}

/// "12.3 MB" / "12,3 MB": sizes in messages for readers.
fn megabytes(bytes: u64, lang: Lang) -> String {
    let mb = format!("{:.1}", bytes as f64 / 1_000_000.0);
    let mb = lang.pick(mb.replace('.', ","), mb);
    format!("{mb} MB")
}

impl FileError {
    /// A message for readers, in their language; editors get the details from `detail`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileError::Network { .. } => lang
                .pick(
                    "No se pudo conectar para cargar esta sección. Compruebe su conexión e inténtelo de nuevo.",
                    "We could not connect to load this section. Check your connection and try again.",
                )
                .into(),
            FileError::Http { status: 404, .. } => lang
                .pick(
                    "No se encontró el contenido de esta sección (archivo ausente).",
                    "The content of this section was not found (missing file).",
                )
                .into(),
            FileError::Http { status, .. } => lang.pick(
                format!("El servidor no entregó el contenido de esta sección (error {status})."),
                format!("The server did not deliver this section's content (error {status})."),
            ),
            FileError::Invalid(_) => lang
                .pick(
                    "El contenido de esta sección tiene un error y no se puede mostrar.",
                    "This section's content has an error and cannot be shown.",
                )
                .into(),
            FileError::TooLarge { file, bytes, cap } => {
                let (size, max) = (megabytes(*bytes, lang), megabytes(*cap, lang));
                lang.pick(
                    format!("El archivo {file} es demasiado grande para mostrarlo ({size}; el máximo es {max})."),
                    format!("The file {file} is too large to show ({size}; the limit is {max})."),
                )
            }
        }
    }

    /// Technical detail for editors: file, path and what is wrong.
    pub fn detail(&self, lang: Lang) -> String {
        match self {
            FileError::Network { file, detail } => format!("{file}: {detail}"),
            FileError::Http { file, status } => format!("{file}: HTTP {status}"),
            FileError::TooLarge { file, bytes, cap } => format!("{file}: {bytes} bytes > {cap} (model::size_cap)"),
            FileError::Invalid(p) => {
                let path = if p.path.is_empty() { "$" } else { &p.path };
                format!("{}: {}: {}", p.file, path, p.message(lang))
            }
        }
    }
}

fn invalid(file: &str, path: &str, kind: ProblemKind) -> FileError {
    FileError::Invalid(Problem::error(file, path, kind))
}

/// Deserializes one item; on failure, the JSON path inside the item and the message.
/// The path tracking (serde_path_to_error) serves the content checker; the browser build skips
/// it, as it roughly doubles the deserialisation code in the wasm, and says only which item.
#[cfg(feature = "checker")]
fn deserialize_item<R: DeserializeOwned>(v: &Value) -> Result<R, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| (e.path().to_string(), e.into_inner().to_string()))
}

#[cfg(not(feature = "checker"))]
fn deserialize_item<R: DeserializeOwned>(v: &Value) -> Result<R, (String, String)> {
    R::deserialize(v).map_err(|e| (".".to_string(), e.to_string()))
}

/// Parses and checks one file. `Err` only when nothing in it can be used.
pub fn parse_file<T: ContentFile>(text: &str) -> Result<Loaded<T>, FileError> {
    let file = T::FILE;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let detail = e.to_string();
        // serde_json appends " at line L column C"; the position is reported separately.
        let detail = detail.split(" at line ").next().unwrap_or(&detail).to_string();
        invalid(file, "", ProblemKind::Syntax { line: e.line(), column: e.column(), detail })
    })?;
    let Value::Object(obj) = value else {
        return Err(invalid(
            file,
            "",
            ProblemKind::Shape { detail: format!("expected an object with \"format\" and \"{}\"", T::KEY) },
        ));
    };
    match obj.get("format").map(Value::as_u64) {
        Some(Some(FORMAT_VERSION)) => {}
        Some(Some(v)) => return Err(invalid(file, "format", ProblemKind::Format { found: Some(v) })),
        Some(None) => {
            return Err(invalid(
                file,
                "format",
                ProblemKind::Shape { detail: "\"format\" must be a whole number".into() },
            ))
        }
        None => return Err(invalid(file, "format", ProblemKind::Format { found: None })),
    }
    let mut problems = Vec::new();
    for key in obj.keys().filter(|k| *k != "format" && *k != T::KEY) {
        problems.push(Problem::warning(
            file,
            key.as_str(),
            ProblemKind::Shape { detail: format!("unknown field `{key}` is ignored") },
        ));
    }
    let elements: Vec<(String, &Value)> = match (obj.get(T::KEY), T::SINGLE) {
        (Some(v @ Value::Object(_)), true) => vec![(T::KEY.to_string(), v)],
        (Some(Value::Array(list)), false) => {
            list.iter().enumerate().map(|(i, v)| (format!("{}[{i}]", T::KEY), v)).collect()
        }
        (Some(_), single) => {
            let want = if single { "an object" } else { "a list" };
            return Err(invalid(file, T::KEY, ProblemKind::Shape { detail: format!("\"{}\" must be {want}", T::KEY) }));
        }
        (None, _) => {
            return Err(invalid(file, T::KEY, ProblemKind::Shape { detail: format!("missing field `{}`", T::KEY) }))
        }
    };
    let mut items = Vec::new();
    let mut ids = HashSet::new();
    for (path, element) in elements {
        let raw: T::Raw = match deserialize_item(element) {
            Ok(raw) => raw,
            Err((inner, detail)) => {
                let full = if inner == "." { path } else { format!("{path}.{inner}") };
                problems.push(Problem::error(file, full, ProblemKind::Shape { detail }));
                continue;
            }
        };
        let mut c = Checker::new(file);
        let item = T::check(&mut c, &path, &raw);
        let ok = c.errors() == 0;
        problems.append(&mut c.problems);
        if !ok {
            continue;
        }
        if !ids.insert(item.id().to_string()) {
            problems.push(Problem::error(
                file,
                format!("{path}.id"),
                ProblemKind::DuplicateId { value: item.id().to_string() },
            ));
            continue;
        }
        items.push(item);
    }
    if T::SINGLE && items.is_empty() {
        let first = problems.iter().find(|p| p.severity == Severity::Error).cloned();
        return Err(FileError::Invalid(first.unwrap_or_else(|| Problem::error(file, T::KEY, ProblemKind::Empty))));
    }
    T::sort(&mut items);
    Ok(Loaded { items, problems })
}

/// Every problem in a file, for the content checker; `name` picks the file kind.
pub fn check_file(name: &str, text: &str) -> Option<Vec<Problem>> {
    fn run<T: ContentFile>(text: &str) -> Vec<Problem> {
        match parse_file::<T>(text) {
            Ok(l) => l.problems,
            Err(FileError::Invalid(p)) => vec![p],
            Err(other) => vec![Problem::error(T::FILE, "", ProblemKind::Shape { detail: other.detail(Lang::En) })],
        }
    }
    Some(match name {
        "site.json" => run::<Site>(text),
        "topics.json" => run::<Topic>(text),
        "news.json" => run::<NewsItem>(text),
        "documents.json" => run::<Document>(text),
        "events.json" => run::<Event>(text),
        "datasets.json" => run::<Dataset>(text),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Country;

    #[test]
    fn each_kind_of_file_has_its_cap() {
        assert_eq!(size_cap("content/items/news/launch.json"), 512 * KIB);
        assert_eq!(size_cap("content/home/news.json?v=abc"), 2 * MIB);
        assert_eq!(size_cap("content/lists/news.json"), 8 * MIB);
        assert_eq!(size_cap("content/lists/news/3.json"), 2 * MIB);
        assert_eq!(size_cap("/obs/content/lists/events/0.json"), 2 * MIB);
        assert_eq!(size_cap("content/events.json"), 8 * MIB);
        assert_eq!(size_cap("search/6eeedf0f/c/3.json"), 4 * MIB);
        // The corpus's largest index and page files are well under their caps; its 10 MB full
        // news file (never read by the app) is over.
        assert!(check_size("lists/events.json", "content/lists/events.json", 344_287).is_ok());
        assert!(check_size("news.json", "content/news.json", 10_068_642).is_err());
    }

    #[test]
    fn a_file_over_its_cap_is_named_in_both_languages() {
        let e = check_size("events.json", "content/events.json", 10_485_760).unwrap_err();
        assert_eq!(e, FileError::TooLarge { file: "events.json".into(), bytes: 10_485_760, cap: 8 * MIB });
        assert_eq!(
            e.message(Lang::Es),
            "El archivo events.json es demasiado grande para mostrarlo (10,5 MB; el máximo es 8,4 MB)."
        );
        assert_eq!(e.message(Lang::En), "The file events.json is too large to show (10.5 MB; the limit is 8.4 MB).");
        assert_eq!(e.detail(Lang::En), "events.json: 10485760 bytes > 8388608 (model::size_cap)");
    }

    #[test]
    fn official_pages_are_read_in_their_order_and_a_missing_or_unknown_one_is_named() {
        let text = r#"{"format":1,"site":{"name":{"es":"O","en":"O"},"tagline":{"es":"T","en":"T"},
            "about":{"es":["A"],"en":["A"]},"pages":{
            "privacy":{"updated":"2026-12-02","body":{"es":["P"],"en":["P"]}},
            "licence":{"updated":"2026-12","body":{"es":["L"],"en":["L"]},
              "links":[{"label":{"es":"CC","en":"CC"},"url":"https://creativecommons.org/licenses/by/4.0/"}]},
            "contact":{"updated":"no","body":{"es":["C"],"en":["C"]}},
            "cookies":{"updated":"2026-12-02","body":{"es":["X"],"en":["X"]}}}}}"#;
        let loaded = parse_file::<Site>(text).unwrap();
        let site = &loaded.items[0];
        // The contact page's date is wrong: it is left out, the rest of the site stays.
        let kinds: Vec<InfoKind> = site.pages.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [InfoKind::Licence, InfoKind::Privacy]);
        assert_eq!(site.name.get(Lang::Es), "O");
        assert_eq!(site.page(InfoKind::Licence).unwrap().links.len(), 1);
        assert_eq!(site.page(InfoKind::Privacy).unwrap().updated.iso(), "2026-12-02");
        assert!(site.page(InfoKind::Methodology).is_none());
        let problems: Vec<(String, Severity)> =
            check_file("site.json", text).unwrap().into_iter().map(|p| (p.path.clone(), p.severity)).collect();
        assert!(problems.contains(&("site.pages.cookies".into(), Severity::Warning)), "{problems:?}");
        assert!(problems.contains(&("site.pages.contact.updated".into(), Severity::Warning)), "{problems:?}");
        assert!(problems.contains(&("site.pages.accessibility".into(), Severity::Warning)), "{problems:?}");
        assert!(problems.contains(&("site.pages.methodology".into(), Severity::Warning)), "{problems:?}");
        // No portal listed: the home page cannot link to any, which the checker says.
        assert!(problems.contains(&("site.portals".into(), Severity::Warning)), "{problems:?}");
        assert_eq!(problems.len(), 5, "{problems:?}");
    }

    #[test]
    fn portals_are_read_in_order_and_a_bad_one_is_left_out_alone() {
        let text = r#"{"format":1,"site":{"name":{"es":"O","en":"O"},"tagline":{"es":"T","en":"T"},
            "about":{"es":["A"],"en":["A"]},"portals":[
            {"country":"PE","name":" SEACE ","url":"https://www.gob.pe/oece"},
            {"country":"XX","name":"Nowhere","url":"https://example.org/"},
            {"country":"CL","name":"Mercado Público","url":"javascript:alert(1)"},
            {"country":"CO","name":"","url":"https://www.colombiacompra.gov.co/"},
            {"country":"MX","name":"ComprasMX","url":"https://comprasmx.buengobierno.gob.mx/"}]}}"#;
        let loaded = parse_file::<Site>(text).unwrap();
        let portals: Vec<(Country, &str, &str)> =
            loaded.items[0].portals.iter().map(|p| (p.country, p.name.as_str(), p.url.as_str())).collect();
        assert_eq!(
            portals,
            [
                (Country::Pe, "SEACE", "https://www.gob.pe/oece"),
                (Country::Mx, "ComprasMX", "https://comprasmx.buengobierno.gob.mx/")
            ]
        );
        let paths: Vec<String> = check_file("site.json", text)
            .unwrap()
            .into_iter()
            .filter(|p| p.path.starts_with("site.portals"))
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["site.portals[1].country", "site.portals[2].url", "site.portals[3].name"]);
        // The bundled site lists the four members' portals.
        let bundled =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/content/site.json")).unwrap();
        let site = parse_file::<Site>(&bundled).unwrap();
        let countries: Vec<Country> = site.items[0].portals.iter().map(|p| p.country).collect();
        assert_eq!(countries, [Country::Cl, Country::Co, Country::Mx, Country::Pe]);
    }
}
