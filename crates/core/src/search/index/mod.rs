//! The search engine over the shipped parts (see `ship`): whatever has been loaded so far. A
//! query that needs a part not yet loaded says which ([`Need`]); the browser fetches it and asks
//! again. Natively every part is loaded at once (tests, the publishing step).

use super::engine::{Doc, FacetFilter, Facets, Hit, Kind, Query, QueryTerm};
use super::ship::{
    chunk_of, country_of_char, kind_of_char, ungap, vocab_key, ChunkFile, DocFile, FacetsFile, IndexFile, Shipped,
    SuggestFile, Suggestion, VocabFile, FORMAT, SCALE,
};
use super::text::{stem_en, stem_es, typo_budget, within};
use crate::lang::Lang;
use crate::model::Country;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

mod expand;
mod facets;
mod rank;
mod suggest;
pub use facets::FacetTable;

/// How much a match counts, by how it matched.
const STEM: f32 = 0.9;
const PREFIX: f32 = 0.7;
const TYPO: [f32; 3] = [1.0, 0.5, 0.35];
/// The exact accented spelling ranks above its unaccented twin.
const ACCENT_BONUS: f32 = 1.15;
/// Every query word in the title.
const TITLE_BONUS: f32 = 1.5;
/// Words a prefix stands for while typing (the most frequent), and words within a typo.
const MAX_PREFIX: usize = 5;
const MAX_TYPOS: usize = 40;
/// A word being typed expands in the browser from this many letters; shorter ones alone have
/// ready suggestions, and after other words wait for the next letter.
pub const MIN_PREFIX: usize = 3;
/// Suggestions under the search box.
pub const SUGGESTIONS: usize = 6;
/// Documents an index may hold (the Observatory has tens of thousands).
pub const MAX_DOCS: usize = 1_000_000;
/// Candidates checked for a quoted phrase (each needs its document's text).
pub const PHRASE_CHECK: usize = 100;

/// A part of the index a query needs and that has not been loaded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Need {
    Vocab(String),
    Chunk(usize),
    Facets,
    Doc(u32),
}

/// A word of the vocabulary with its stems (worked out once, when the file loads).
#[derive(Debug)]
struct Word {
    word: String,
    df: u32,
    stem_es: String,
    stem_en: String,
    /// The languages it was met in (`VocabFile::langs`; 3 when not known).
    langs: u8,
}

/// A chunk, read: postings as (document, shipped value).
#[derive(Debug, Default)]
struct Chunk {
    words: Vec<String>,
    postings: Vec<Vec<(u32, u32)>>,
    accented: HashMap<String, Vec<u32>>,
}

impl Chunk {
    /// Damaged entries (documents past the index, overflowing gaps) are cut, never trusted.
    fn read(f: ChunkFile, n: usize) -> Chunk {
        let n = n as u32;
        let postings = f
            .postings
            .iter()
            .map(|flat| {
                let docs = ungap(flat.iter().step_by(2).copied(), n);
                docs.zip(flat.iter().skip(1).step_by(2)).map_while(|(d, v)| Some((d?, *v))).collect()
            })
            .collect();
        Chunk {
            postings,
            accented: f.accented.into_iter().map(|(s, g)| (s, ungap(g, n).map_while(|d| d).collect())).collect(),
            words: f.words,
        }
    }
}

/// Whatever parts of the index have been loaded.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub version: String,
    docs: usize,
    dated: usize,
    firsts: Arc<Vec<String>>,
    initials: Arc<HashSet<String>>,
    facets: Option<Arc<FacetTable>>,
    vocab: HashMap<String, Arc<Vec<Word>>>,
    chunks: HashMap<usize, Arc<Chunk>>,
    texts: HashMap<u32, Arc<Doc>>,
    /// Parts that could not be loaded: queries go on without them.
    missing: HashSet<Need>,
    /// Query words worked out (see `term_hits`), shared by the index's clones.
    cache: Arc<Mutex<TermCache>>,
}

/// A query word's matches: (document, score, title class).
type TermHits = Vec<(u32, f32, u8)>;
/// Query word (folded, as typed, being typed?) → its matches.
type TermCache = HashMap<(String, String, bool), Arc<TermHits>>;
/// Query words kept (the words of a few queries).
const TERM_CACHE: usize = 64;

/// How the search box answers a query as it is typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    Nothing,
    /// One short word: the ready suggestions for `prefix`, in the file of `initial` (`None`:
    /// `first.json`).
    Ready {
        file: Option<String>,
        prefix: String,
    },
    /// Search the index (a short word being typed after others waits for its next letter).
    Search(Query),
}

/// The plan for a query being typed.
pub fn plan(q: &Query) -> Plan {
    let short = |t: &QueryTerm| t.prefix && t.folded.chars().count() < MIN_PREFIX;
    match q.terms.as_slice() {
        [] => Plan::Nothing,
        [t] if short(t) && q.phrases.is_empty() => {
            Plan::Ready { file: (t.folded.chars().count() > 1).then(|| vocab_key(&t.folded)), prefix: t.folded.clone() }
        }
        [rest @ .., last] if short(last) => Plan::Search(Query { terms: rest.to_vec(), phrases: q.phrases.clone() }),
        _ => Plan::Search(q.clone()),
    }
}

impl Index {
    /// Checks the entry point.
    pub fn new(f: IndexFile) -> Result<Index, String> {
        if f.format != FORMAT {
            return Err(format!("format {} (this site reads format {FORMAT})", f.format));
        }
        if f.version.is_empty() || !f.version.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err("no version".into());
        }
        if !f.chunks.windows(2).all(|w| w[0] < w[1]) {
            return Err("chunks out of order".into());
        }
        // Each query works over arrays as long as the documents: a damaged count must not
        // exhaust the browser's memory.
        if f.docs as usize > MAX_DOCS {
            return Err(format!("{} documents (at most {MAX_DOCS})", f.docs));
        }
        Ok(Index {
            version: f.version,
            docs: f.docs as usize,
            dated: (f.dated as usize).min(f.docs as usize),
            firsts: Arc::new(f.chunks),
            initials: Arc::new(f.initials.into_iter().collect()),
            ..Default::default()
        })
    }

    /// Every part at once (native: tests and the publishing step).
    pub fn from_shipped(s: &Shipped) -> Result<Index, String> {
        let mut ix = Index::new(s.index.clone())?;
        ix.add_facets(s.facets.clone())?;
        for (i, f) in s.chunks.iter().enumerate() {
            ix.add_chunk(i, f.clone());
        }
        for (key, f) in &s.vocab {
            ix.add_vocab(key, f.clone());
        }
        for (i, d) in s.docs.iter().enumerate() {
            ix.add_doc(i as u32, DocFile::from_doc(d));
        }
        Ok(ix)
    }

    /// Everything given, in one index (tests).
    pub fn build(docs: Vec<Doc>) -> Index {
        Index::from_shipped(&super::ship::ship(docs)).unwrap_or_default()
    }

    /// Everything the Observatory publishes, in one index (tests).
    pub fn from_content(
        news: &[crate::model::NewsItem],
        documents: &[crate::model::Document],
        events: &[crate::model::Event],
        topics: &[crate::model::Topic],
        datasets: &[crate::model::Dataset],
    ) -> Index {
        Index::build(super::engine::docs_of(news, documents, events, topics, datasets))
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    pub fn add_facets(&mut self, f: FacetsFile) -> Result<(), String> {
        self.facets = Some(Arc::new(FacetTable::read(f, self.docs)?));
        Ok(())
    }

    pub fn add_chunk(&mut self, i: usize, f: ChunkFile) {
        self.chunks.insert(i, Arc::new(Chunk::read(f, self.docs)));
    }

    pub fn add_vocab(&mut self, key: &str, f: VocabFile) {
        let langs = f.langs;
        let words = f
            .words
            .into_iter()
            .zip(f.df)
            .enumerate()
            .map(|(i, (word, df))| Word {
                stem_es: stem_es(&word),
                stem_en: stem_en(&word),
                langs: langs.get(i).copied().filter(|l| (1..=3).contains(l)).unwrap_or(3),
                word,
                df,
            })
            .collect();
        self.vocab.insert(key.to_string(), Arc::new(words));
    }

    /// A damaged document file is left out (the result shows without it).
    pub fn add_doc(&mut self, n: u32, f: DocFile) {
        if let Some(d) = f.into_doc().filter(|_| (n as usize) < self.docs) {
            self.texts.insert(n, Arc::new(d));
        }
    }

    pub fn doc(&self, n: u32) -> Option<&Arc<Doc>> {
        self.texts.get(&n)
    }

    /// Records a part that could not be loaded, so queries stop waiting for it.
    pub fn add_missing(&mut self, need: Need) {
        self.missing.insert(need);
    }

    /// Forgets the parts recorded as missing, so that queries ask for them again.
    pub fn clear_missing(&mut self) {
        self.missing.clear();
    }

    pub fn has(&self, need: &Need) -> bool {
        self.missing.contains(need)
            || match need {
                Need::Vocab(k) => self.vocab.contains_key(k),
                Need::Chunk(i) => self.chunks.contains_key(i),
                Need::Facets => self.facets.is_some(),
                Need::Doc(n) => self.texts.contains_key(n),
            }
    }

    /// Adds a part to `needs`, unless it could not be loaded (queries go on without it).
    fn ask(&self, needs: &mut Vec<Need>, need: Need) {
        if !self.missing.contains(&need) {
            needs.push(need);
        }
    }

    /// The vocabulary of an initial if loaded; `needs` gets it if it exists (not every initial
    /// starts a word) and is not loaded yet.
    fn vocab_of(&self, key: &str, needs: &mut Vec<Need>) -> Option<&[Word]> {
        if let Some(v) = self.vocab.get(key) {
            return Some(v.as_slice());
        }
        if self.initials.contains(key) {
            self.ask(needs, Need::Vocab(key.to_string()));
        }
        None
    }

    /// A result's text: `Ok(None)` when it could not be loaded, `Err` while it is needed.
    pub fn text(&self, n: u32) -> Result<Option<&Arc<Doc>>, Vec<Need>> {
        match self.texts.get(&n) {
            Some(d) => Ok(Some(d)),
            None if self.has(&Need::Doc(n)) => Ok(None),
            None => Err(vec![Need::Doc(n)]),
        }
    }
}

/// Fails with the parts still needed, each once.
fn pending(mut needs: Vec<Need>) -> Result<(), Vec<Need>> {
    if needs.is_empty() {
        return Ok(());
    }
    needs.sort();
    needs.dedup();
    Err(needs)
}

/// Words within `budget` edits of `folded` (not itself): closest first, then the most used, then
/// in vocabulary order.
/// Known words within `budget` edits of `folded`, closest first; among equally close ones,
/// those of `lang` (the page's) first, then the most used.
fn near<'a>(
    words: impl Iterator<Item = &'a Word>,
    folded: &str,
    budget: usize,
    lang: Option<Lang>,
) -> Vec<(usize, &'a str)> {
    let bit = match lang {
        Some(Lang::Es) => 1,
        Some(Lang::En) => 2,
        None => 3,
    };
    let mut found: Vec<(usize, bool, u32, &str)> = words
        .filter(|w| w.word.len().abs_diff(folded.len()) <= budget)
        .filter_map(|w| {
            within(folded, &w.word, budget).filter(|d| *d > 0).map(|d| (d, w.langs & bit == 0, w.df, w.word.as_str()))
        })
        .collect();
    found.sort_by_key(|(d, other, df, _)| (*d, *other, std::cmp::Reverse(*df)));
    found.into_iter().map(|(d, _, _, w)| (d, w)).collect()
}

fn order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.words
        .cmp(&a.words)
        .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal))
        .then_with(|| a.doc.cmp(&b.doc))
}

fn sort(hits: &mut [Hit]) {
    hits.sort_unstable_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn doc(id: &str, kind: Kind, title: &str, date: &str, country: Country) -> Doc {
        Doc {
            kind,
            id: id.into(),
            title: Text::new(title, title),
            summary: Text::new("", ""),
            body: Text::new("", ""),
            date: crate::calendar::month::parse_day(date),
            country: Some(country),
            topics: vec!["t".into()],
            sample: false,
        }
    }

    fn ids(ix: &Index, q: &str) -> Vec<String> {
        ix.search(&Query::parse(q, false)).unwrap().iter().map(|h| ix.doc(h.doc).unwrap().id.clone()).collect()
    }

    #[test]
    fn a_spelling_suggestion_prefers_the_page_language() {
        let mut es = doc("es", Kind::News, "", "2024-01-01", Country::Cl);
        es.title = Text::new("Tener", "Having");
        let mut en = doc("en", Kind::News, "", "2024-01-02", Country::Cl);
        en.title = Text::new("Licitar", "Tender");
        let ix = Index::build(vec![es, en]);
        // "tendr" is one edit from both: the page's language decides.
        let q = Query::parse("tendr", false);
        assert_eq!(ix.did_you_mean(&q, Lang::Es).unwrap().as_deref(), Some("tener"));
        assert_eq!(ix.did_you_mean(&q, Lang::En).unwrap().as_deref(), Some("tender"));
        // A known word is never corrected, whatever its language.
        assert_eq!(ix.did_you_mean(&Query::parse("tender", false), Lang::Es).unwrap(), None);
    }

    #[test]
    fn exact_spelling_first_then_newest() {
        let ix = Index::build(vec![
            doc("ano", Kind::News, "Informe del ano fiscal", "2024-01-01", Country::Cl),
            doc("año", Kind::News, "Informe del año fiscal", "2020-01-01", Country::Cl),
            doc("old", Kind::Document, "Compras verdes", "2019-01-01", Country::Pe),
            doc("new", Kind::Document, "Compras verdes", "2023-01-01", Country::Pe),
        ]);
        // "ñ" matches "n", and the exact spelling ranks first either way.
        assert_eq!(ids(&ix, "año"), ["año", "ano"]);
        assert_eq!(ids(&ix, "compras verdes"), ["new", "old"]);
    }

    #[test]
    fn facets_count_with_the_other_facets_applied() {
        let ix = Index::build(vec![
            doc("a", Kind::News, "compras", "2023-05-01", Country::Cl),
            doc("b", Kind::Document, "compras", "2023-06-01", Country::Pe),
            doc("c", Kind::Document, "compras", "2022-01-01", Country::Pe),
        ]);
        let hits = ix.search(&Query::parse("compras", false)).unwrap();
        let f = FacetFilter { kind: Some(Kind::Document), ..Default::default() };
        let facets = ix.facets(&hits, &f).unwrap();
        // Kinds are counted without the kind choice; countries and years with it.
        assert_eq!(facets.kinds, [(Kind::News, 1), (Kind::Document, 2)]);
        assert_eq!(facets.countries, [(Country::Pe, 2)]);
        assert_eq!(facets.years, [(2023, 1), (2022, 1)]);
        assert_eq!(hits.iter().filter(|h| ix.passes(h, &f)).count(), 2);
    }

    fn corpus() -> Vec<Doc> {
        let mut docs = vec![
            doc("a", Kind::News, "Compras públicas en Perú", "2024-03-01", Country::Pe),
            doc("b", Kind::Document, "Compras sostenibles", "2023-01-01", Country::Cl),
            doc("c", Kind::Event, "Seminario de contratación", "2025-06-01", Country::Co),
            doc("d", Kind::News, "Licitaciones electrónicas", "2022-02-02", Country::Mx),
        ];
        docs[3].body = Text::new("Las licitaciones y las compras del Estado", "Tenders and public procurement");
        docs
    }

    /// Reads the files as a browser would, from their JSON text.
    fn from_files(files: &[(String, String)], want: impl Fn(&str) -> bool) -> Index {
        let get = |p: &str| files.iter().find(|(path, _)| path == p).map(|(_, j)| j.as_str());
        let mut ix = Index::new(serde_json::from_str(get("search/index.json").unwrap()).unwrap()).unwrap();
        let v = ix.version.clone();
        for (path, json) in files {
            let Some(rest) = path.strip_prefix(&format!("search/{v}/")) else { continue };
            if !want(rest) {
                continue;
            }
            let name = rest.rsplit('/').next().unwrap().trim_end_matches(".json");
            match rest.split('/').next().unwrap() {
                "c" => ix.add_chunk(name.parse().unwrap(), serde_json::from_str(json).unwrap()),
                "w" => ix.add_vocab(name, serde_json::from_str(json).unwrap()),
                "d" => ix.add_doc(name.parse().unwrap(), serde_json::from_str(json).unwrap()),
                "facets.json" => ix.add_facets(serde_json::from_str(json).unwrap()).unwrap(),
                _ => {}
            }
        }
        ix
    }

    #[test]
    fn the_files_read_back_give_the_same_answers() {
        let shipped = super::super::ship::ship(corpus());
        let full = Index::from_shipped(&shipped).unwrap();
        let files = shipped.files(&[]);
        let read = from_files(&files, |_| true);
        for q in ["compras", "compra publica peru", "licitacion", "seminario contratacion", "tenders"] {
            let q = Query::parse(q, false);
            assert_eq!(read.search(&q).unwrap(), full.search(&q).unwrap());
            assert!(!full.search(&q).unwrap().is_empty());
        }
        // Numbered newest first: the 2025 event is document 0.
        assert_eq!(full.doc(0).unwrap().id, "c");
        assert_eq!(full.latest(2), [0, 1]);
    }

    #[test]
    fn a_query_names_the_parts_it_needs_and_answers_once_they_are_there() {
        let shipped = super::super::ship::ship(corpus());
        let files = shipped.files(&[]);
        let q = Query::parse("compras licitaciones", false);
        // Only the entry point: the vocabularies of both initials first.
        let mut ix = from_files(&files, |_| false);
        assert_eq!(ix.search(&q).unwrap_err(), [Need::Vocab("c".into()), Need::Vocab("l".into())]);
        for (k, f) in &shipped.vocab {
            ix.add_vocab(k, f.clone());
        }
        // Then the chunks holding the chosen words, and nothing else.
        let needs = ix.search(&q).unwrap_err();
        assert!(!needs.is_empty() && needs.iter().all(|n| matches!(n, Need::Chunk(_))), "{needs:?}");
        for n in &needs {
            if let Need::Chunk(i) = n {
                ix.add_chunk(*i, shipped.chunks[*i].clone());
            }
        }
        let full = Index::from_shipped(&shipped).unwrap();
        assert_eq!(ix.search(&q).unwrap(), full.search(&q).unwrap());
        // Facets wait for their file; a part that failed to load is done without.
        let hits = ix.search(&q).unwrap();
        assert_eq!(ix.facets(&hits, &FacetFilter::default()), Err(Need::Facets));
        ix.add_missing(Need::Facets);
        assert_eq!(ix.facets(&hits, &FacetFilter::default()), Ok(Facets::default()));
        let mut partial = from_files(&files, |p| p.starts_with("w/"));
        for n in partial.search(&q).unwrap_err() {
            partial.add_missing(n);
        }
        assert!(partial.search(&q).unwrap().is_empty());
        // A quoted phrase needs the candidates' texts.
        let phrase = Query::parse("\"compras del estado\"", false);
        assert!(ix.search(&phrase).unwrap_err().iter().all(|n| matches!(n, Need::Doc(_))));
        assert_eq!(ids(&full, "\"compras del estado\""), ["d"]);
    }

    #[test]
    fn damaged_parts_are_refused_or_cut_never_trusted() {
        let shipped = super::super::ship::ship(corpus());
        let mut bad = shipped.index.clone();
        bad.format = 99;
        assert!(Index::new(bad).unwrap_err().contains("format 99"));
        let mut bad = shipped.index.clone();
        bad.version = "../x".into();
        assert!(Index::new(bad).is_err());
        let mut bad = shipped.index.clone();
        bad.docs = u32::MAX;
        assert!(Index::new(bad).unwrap_err().contains("at most"));
        let mut ix = Index::new(shipped.index.clone()).unwrap();
        let mut facets = shipped.facets.clone();
        facets.kinds.push('n');
        assert!(ix.add_facets(facets).is_err());
        let mut facets = shipped.facets.clone();
        facets.years = vec![(2020, u32::MAX)];
        assert!(ix.add_facets(facets).is_err());
        // More areas than a mask has bits: the extra ones are not counted, nothing overflows.
        let mut facets = shipped.facets.clone();
        facets.topic_ids.extend((0..100).map(|i| format!("t{i}")));
        ix.add_facets(facets).unwrap();
        let hits = Index::from_shipped(&shipped).unwrap().search(&Query::parse("compras", false)).unwrap();
        let f = FacetFilter { topic: Some("t99".into()), ..Default::default() };
        assert!(ix.facets(&hits, &f).unwrap().topics.len() <= 64);
        ix.add_facets(shipped.facets.clone()).unwrap();
        // Postings past the documents, overflowing gaps, an odd tail: cut where they go wrong.
        for (i, c) in shipped.chunks.iter().enumerate() {
            let mut c = c.clone();
            for p in c.postings.iter_mut() {
                p.extend([u32::MAX, 5, 1]);
            }
            ix.add_chunk(i, c);
        }
        for (k, f) in &shipped.vocab {
            ix.add_vocab(k, f.clone());
        }
        let full = Index::from_shipped(&shipped).unwrap();
        let q = Query::parse("compras", false);
        assert_eq!(ix.search(&q).unwrap(), full.search(&q).unwrap());
        // A document file of an unknown kind, or numbered past the index, is left out.
        let mut d = DocFile::from_doc(&corpus()[0]);
        d.kind = "spell".into();
        ix.add_doc(0, d);
        ix.add_doc(99, DocFile::from_doc(&corpus()[0]));
        assert!(ix.doc(0).is_none() && ix.doc(99).is_none());
    }

    #[test]
    fn short_words_being_typed_use_ready_suggestions() {
        let q = |s: &str| Query::parse(s, true);
        assert_eq!(plan(&q("")), Plan::Nothing);
        assert_eq!(plan(&q("c")), Plan::Ready { file: None, prefix: "c".into() });
        assert_eq!(plan(&q("Co")), Plan::Ready { file: Some("c".into()), prefix: "co".into() });
        assert!(matches!(plan(&q("com")), Plan::Search(_)));
        // After other words, a short last word waits for its next letter.
        let Plan::Search(rest) = plan(&q("compras pe")) else { panic!() };
        assert_eq!(rest.terms.len(), 1);
        // A finished short word is searched ("compras pe " ends in a space).
        let Plan::Search(all) = plan(&q("compras pe ")) else { panic!() };
        assert_eq!(all.terms.len(), 2);
        // The ready files hold what the engine finds for those prefixes.
        let full = Index::build(corpus());
        let (first, per_initial) = full.suggest_files(Lang::En);
        assert_eq!(
            first["c"].first().map(|s| s.id.as_str()),
            full.top(&q("c"), 1).unwrap().first().map(|h| full.doc(h.doc).unwrap().id.as_str())
        );
        let (_, c) = per_initial.iter().find(|(i, _)| i == "c").unwrap();
        assert!(c["co"].iter().any(|s| s.id == "a" && s.matched.contains(&"compras".to_string())));
    }

    #[test]
    fn the_first_two_letters_swapped_are_a_typo_too() {
        let ix = Index::build(corpus());
        assert_eq!(ids(&ix, "ocmpras sostenibles"), ["b", "a", "d"]);
        assert_eq!(ids(&ix, "slicitaciones"), ["d"]);
        // The second letter's vocabulary is a part like any other: named when missing.
        let shipped = super::super::ship::ship(corpus());
        let part = Index::new(shipped.index.clone()).unwrap();
        // No word starts with "o" here: no request for it, only for "c".
        assert_eq!(part.search(&Query::parse("ocmpras", false)).unwrap_err(), [Need::Vocab("c".into())]);
        // A word of an initial no word has matches nothing, without asking for anything.
        assert_eq!(part.search(&Query::parse("xyzzy", false)).unwrap(), []);
    }
}
