//! The search index as the publishing step writes it, in parts a browser fetches only when a
//! query needs them (the Pagefind approach; sizes and timings in BENCHMARKS.md):
//!
//! - `search/index.json` — the entry point: the folder of this build's other files (a new build
//!   never mixes with a cached old one), the number of documents, the first word of each chunk.
//! - `search/<v>/w/<initial>.json` — every word starting with that letter and how many documents
//!   use it: a query word is expanded here (exact, stems of both languages, prefix while typing,
//!   typos past the first letter), then only the chunks holding the chosen words are fetched.
//! - `search/<v>/c/<i>.json` — chunks of the sorted words with their postings (document, BM25F
//!   score worked out here, title length class) and accented spellings; a common word is a
//!   chunk of its own.
//! - `search/<v>/facets.json` — every document's kind, country, year and areas (results page).
//! - `search/<v>/d/<n>.json` — one document's texts (titles, snippets, quoted phrases).
//! - `search/<lang>/first.json` and `search/<v>/<lang>/p/<initial>.json` — the suggestions
//!   for one- and two-letter queries, titles included: prefixes that short match too much to
//!   expand in the browser, and the first keystroke then needs no request.
//!
//! Documents are numbered newest first: the number breaks ties by recency and keeps postings'
//! gaps small.

use super::engine::{Doc, Kind};
use super::text::{is_stop, tokens};
use crate::lang::Lang;
use crate::model::{Country, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Bumped when the files' shape changes; a browser refuses other formats with a message.
pub const FORMAT: u32 = 1;

/// Title, summary, body, country.
pub const FIELDS: usize = 4;
/// Field weights (BM25F): a word in the title counts most.
const WEIGHTS: [f32; FIELDS] = [4.0, 2.0, 1.0, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Scores are shipped in steps of 1/SCALE (a word in nearly every document scores ~0 and costs
/// almost nothing once compressed).
pub const SCALE: f32 = 16.0;

/// `search/index.json`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IndexFile {
    pub format: u32,
    /// The folder of this build's other files.
    pub version: String,
    /// Documents, numbered newest first; the first `dated` have a date.
    pub docs: u32,
    pub dated: u32,
    /// The first word of each chunk, in order.
    pub chunks: Vec<String>,
    /// The initials that have a vocabulary file (a word of another initial matches nothing,
    /// without a request).
    #[serde(default)]
    pub initials: Vec<String>,
}

/// `search/<v>/facets.json`: one entry per document.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct FacetsFile {
    /// One character per document: its kind (n, d, e, t, s).
    pub kinds: String,
    /// One character per document: its country (a, c, o, m, p), "-" for none.
    pub countries: String,
    /// Runs of (year, how many documents), in document order; year 0 for undated documents.
    pub years: Vec<(i32, u32)>,
    /// Thematic areas named by the documents, and per document a bit mask over them.
    pub topic_ids: Vec<String>,
    pub topics: Vec<u64>,
}

/// `search/<v>/c/<i>.json`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ChunkFile {
    /// Folded words, sorted.
    pub words: Vec<String>,
    /// Per word: gap to the previous document, then score × SCALE × 16 + title class (0: not in
    /// the title, else the title's length in words, 1 to 15); repeated.
    pub postings: Vec<Vec<u32>>,
    /// Accented spelling ("perú") → gaps between the documents that use it.
    pub accented: Vec<(String, Vec<u32>)>,
}

/// `search/<v>/w/<initial>.json`.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct VocabFile {
    /// Folded words, sorted.
    pub words: Vec<String>,
    /// Documents using each word.
    pub df: Vec<u32>,
    /// Per word, the languages of the texts it appears in: 1 Spanish, 2 English, 3 both (a
    /// spelling suggestion prefers the page's language). Absent in older indexes: both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub langs: Vec<u8>,
}

/// `search/<v>/d/<n>.json`: a document's texts and where it leads.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct DocFile {
    pub kind: String,
    pub id: String,
    pub title: (String, Option<String>),
    pub summary: (String, Option<String>),
    pub body: (String, Option<String>),
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub sample: bool,
}

/// A ready suggestion (`first.json`, `p/<initial>.json`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub kind: String,
    pub id: String,
    pub title: String,
    /// Words to mark in the title.
    pub matched: Vec<String>,
}

/// Short query → its suggestions in one language.
pub type SuggestFile = BTreeMap<String, Vec<Suggestion>>;

/// One language's ready suggestions: `first.json`, and per initial its two-letter prefixes.
pub type Ready = (Lang, SuggestFile, Vec<(String, SuggestFile)>);

/// Everything the publishing step writes, before serialisation.
#[derive(Clone, Debug, Default)]
pub struct Shipped {
    pub index: IndexFile,
    pub facets: FacetsFile,
    pub chunks: Vec<ChunkFile>,
    pub vocab: BTreeMap<String, VocabFile>,
    pub docs: Vec<Doc>,
}

/// Postings per chunk, about (a word with more is a chunk of its own): ~10 KB of JSON.
const CHUNK_POSTINGS: usize = 1_500;

/// The vocabulary file a folded word belongs to: its first character.
pub fn vocab_key(folded: &str) -> String {
    folded.chars().take(1).collect()
}

/// A key as a file name: letters and digits as they are, anything else (non-Latin scripts) hex.
pub fn file_name(key: &str) -> String {
    if key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        key.to_string()
    } else {
        format!("x{}", key.bytes().map(|b| format!("{b:02x}")).collect::<String>())
    }
}

pub fn kind_char(k: Kind) -> char {
    match k {
        Kind::News => 'n',
        Kind::Document => 'd',
        Kind::Event => 'e',
        Kind::Topic => 't',
        Kind::Dataset => 's',
        Kind::Contracting => 'c',
        Kind::Tool => 'g',
    }
}

pub fn kind_of_char(c: char) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| kind_char(*k) == c)
}

pub fn country_char(c: Option<Country>) -> char {
    match c {
        Some(Country::Ap) => 'a',
        Some(Country::Cl) => 'c',
        Some(Country::Co) => 'o',
        Some(Country::Mx) => 'm',
        Some(Country::Pe) => 'p',
        None => '-',
    }
}

pub fn country_of_char(c: char) -> Option<Country> {
    Country::ALL.into_iter().find(|k| country_char(Some(*k)) == c)
}

fn pair(t: &Text) -> (String, Option<String>) {
    (t.es.clone(), t.en.clone())
}

fn text((es, en): (String, Option<String>)) -> Text {
    Text { es, en }
}

impl DocFile {
    pub fn from_doc(d: &Doc) -> DocFile {
        DocFile {
            kind: d.kind.code().to_string(),
            id: d.id.clone(),
            title: pair(&d.title),
            summary: pair(&d.summary),
            body: pair(&d.body),
            date: d.date,
            country: d.country.map(|c| c.code().to_string()),
            topics: d.topics.clone(),
            sample: d.sample,
        }
    }

    /// None for an unknown kind (a damaged file).
    pub fn into_doc(self) -> Option<Doc> {
        Some(Doc {
            kind: Kind::parse(&self.kind)?,
            id: self.id,
            title: text(self.title),
            summary: text(self.summary),
            body: text(self.body),
            date: self.date,
            country: self.country.as_deref().and_then(Country::parse),
            topics: self.topics,
            sample: self.sample,
        })
    }
}

/// Per document and word: frequency in each field.
type Tf = [f32; FIELDS];

/// Builds every part from the documents (any order; they are numbered newest first here).
pub fn ship(docs: Vec<Doc>) -> Shipped {
    ship_with(docs, &super::synonyms::Synonyms::default())
}

/// `ship`, with the field's synonyms applied to each document (see `synonyms`).
pub fn ship_with(mut docs: Vec<Doc>, synonyms: &super::synonyms::Synonyms) -> Shipped {
    // Newest first, undated last; a stable sort keeps the files' order among equals.
    docs.sort_by_key(|d| std::cmp::Reverse(d.date));
    let n = docs.len();
    let mut words: HashMap<String, Vec<(u32, Tf)>> = HashMap::new();
    let mut accented: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut doc_len: Vec<Tf> = Vec::with_capacity(n);
    // Per word, the languages of the texts it was met in (see `VocabFile::langs`).
    let mut langs: HashMap<String, u8> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let d = d as u32;
        let mut tf: HashMap<String, Tf> = HashMap::new();
        let mut len = [0.0; FIELDS];
        // The document's words in order, for the synonyms' phrases.
        let mut sequence: Vec<String> = Vec::new();
        for (text, field, es) in doc.fields() {
            for tok in tokens(text) {
                if is_stop(&tok.folded) {
                    continue;
                }
                // Looked up before inserting: a clone only for a word met the first time.
                let bit = if es { 1 } else { 2 };
                match langs.get_mut(&tok.folded) {
                    Some(m) => *m |= bit,
                    None => {
                        langs.insert(tok.folded.clone(), bit);
                    }
                }
                if !synonyms.is_empty() {
                    sequence.push(tok.folded.clone());
                }
                len[field] += 1.0;
                if tok.exact != tok.folded {
                    let list = accented.entry(tok.exact).or_default();
                    if list.last() != Some(&d) {
                        list.push(d);
                    }
                }
                tf.entry(tok.folded).or_default()[field] += 1.0;
            }
        }
        // A synonym counts once, as a word of the body (the lowest weight).
        for w in synonyms.added(|w| tf.contains_key(w), &sequence) {
            tf.entry(w).or_default()[2] += 1.0;
        }
        for (w, f) in tf {
            words.entry(w).or_default().push((d, f));
        }
        doc_len.push(len);
    }
    // The synonyms' words are known words, used by no document if none has them (no postings).
    for w in synonyms.words() {
        words.entry(w.to_string()).or_default();
        langs.entry(w.to_string()).or_insert(3);
    }
    let mut avg = [1.0f32; FIELDS];
    for (f, a) in avg.iter_mut().enumerate() {
        if n > 0 {
            *a = (doc_len.iter().map(|l| l[f]).sum::<f32>() / n as f32).max(1.0);
        }
    }
    let bm25 = |df: usize, tf: &Tf, d: u32| -> f32 {
        let idf = ((n as f32 - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln();
        let len = &doc_len[d as usize];
        let w: f32 = (0..FIELDS).map(|f| WEIGHTS[f] * tf[f] / (1.0 - B + B * len[f] / avg[f])).sum();
        idf * w * (K1 + 1.0) / (w + K1)
    };
    let mut sorted: Vec<(String, Vec<(u32, Tf)>)> = words.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut chunks: Vec<ChunkFile> = Vec::new();
    let mut firsts: Vec<String> = Vec::new();
    let mut in_chunk = usize::MAX;
    let mut vocab: BTreeMap<String, VocabFile> = BTreeMap::new();
    for (word, mut list) in sorted {
        list.sort_by_key(|p| p.0);
        let df = list.len();
        if in_chunk.saturating_add(df) > CHUNK_POSTINGS {
            chunks.push(ChunkFile::default());
            firsts.push(word.clone());
            in_chunk = 0;
        }
        in_chunk += df;
        let mut flat = Vec::with_capacity(list.len() * 2);
        let mut prev = 0;
        for (d, tf) in &list {
            let q = (bm25(df, tf, *d) * SCALE).round().clamp(0.0, 100_000.0) as u32;
            let class = if tf[0] > 0.0 { title_class(doc_len[*d as usize][0]) } else { 0 };
            flat.push(d - prev);
            flat.push(q * 16 + class);
            prev = *d;
        }
        let v = vocab.entry(vocab_key(&word)).or_default();
        v.words.push(word.clone());
        v.df.push(df as u32);
        // A synonym added to a document was met in no text: both languages.
        v.langs.push(langs.get(&word).copied().unwrap_or(3));
        if let Some(c) = chunks.last_mut() {
            c.words.push(word);
            c.postings.push(flat);
        }
    }
    for (spelling, list) in accented {
        let folded = super::text::fold(&spelling);
        if let Some(c) = chunk_of(&firsts, &folded).and_then(|i| chunks.get_mut(i)) {
            c.accented.push((spelling, gaps(&list)));
        }
    }
    let mut topic_ids: Vec<String> = docs.iter().flat_map(|d| d.topics.iter().cloned()).collect();
    topic_ids.sort();
    topic_ids.dedup();
    topic_ids.truncate(64);
    let mut years: Vec<(i32, u32)> = Vec::new();
    for d in &docs {
        let y = d.year().unwrap_or(0);
        match years.last_mut() {
            Some((last, count)) if *last == y => *count += 1,
            _ => years.push((y, 1)),
        }
    }
    let facets = FacetsFile {
        kinds: docs.iter().map(|d| kind_char(d.kind)).collect(),
        countries: docs.iter().map(|d| country_char(d.country)).collect(),
        years,
        topics: docs
            .iter()
            .map(|d| {
                topic_ids.iter().enumerate().filter(|(_, t)| d.topics.contains(t)).fold(0u64, |m, (i, _)| m | (1 << i))
            })
            .collect(),
        topic_ids,
    };
    let index = IndexFile {
        format: FORMAT,
        version: String::new(),
        docs: n as u32,
        dated: docs.iter().filter(|d| d.date.is_some()).count() as u32,
        chunks: firsts,
        initials: vocab.keys().cloned().collect(),
    };
    let mut shipped = Shipped { index, facets, chunks, vocab, docs };
    shipped.index.version = shipped.version();
    shipped
}

/// A title's length class: words in one language (the count covers both), 1 to 15.
pub fn title_class(words_both_languages: f32) -> u32 {
    ((words_both_languages / 2.0).round() as u32).clamp(1, 15)
}

/// The chunk a word falls in: the last whose first word is not after it.
pub fn chunk_of(firsts: &[String], folded: &str) -> Option<usize> {
    firsts.partition_point(|f| f.as_str() <= folded).checked_sub(1)
}

/// Gaps between sorted numbers (the first from zero).
pub fn gaps(sorted: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    sorted
        .iter()
        .map(|d| {
            let g = d - prev;
            prev = *d;
            g
        })
        .collect()
}

/// The numbers back from their gaps; None past `n` or on overflow (a damaged file).
pub fn ungap(gaps: impl IntoIterator<Item = u32>, n: u32) -> impl Iterator<Item = Option<u32>> {
    let mut at: Option<u32> = Some(0);
    gaps.into_iter().map(move |g| {
        at = at.and_then(|a| a.checked_add(g)).filter(|d| *d < n);
        at
    })
}

impl Shipped {
    /// A short hash of the index (FNV-1a over the words, postings and documents), so each
    /// build's files live in their own folder.
    fn version(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(self.facets.kinds.as_bytes());
        eat(self.facets.countries.as_bytes());
        for c in &self.chunks {
            for (w, p) in c.words.iter().zip(&c.postings) {
                eat(w.as_bytes());
                for x in p {
                    eat(&x.to_le_bytes());
                }
            }
        }
        for d in &self.docs {
            for t in [&d.id, &d.title.es, &d.summary.es, &d.body.es] {
                eat(t.as_bytes());
            }
            for t in [&d.title.en, &d.summary.en, &d.body.en].into_iter().flatten() {
                eat(t.as_bytes());
            }
        }
        format!("{:08x}", h as u32)
    }

    /// The files, as (path under the site, JSON). `suggest` holds, per language, the ready
    /// suggestions for one-letter queries and per initial those for two-letter ones (worked out
    /// with the engine: see `Index::suggest_files`).
    pub fn files(&self, suggest: &[Ready]) -> Vec<(String, String)> {
        use crate::published::search as parts;
        let v = &self.index.version;
        let mut out = vec![(parts::index(), json(&self.index))];
        out.push((parts::facets(v), json(&self.facets)));
        for (i, c) in self.chunks.iter().enumerate() {
            out.push((parts::chunk(v, i), json(c)));
        }
        for (key, w) in &self.vocab {
            out.push((parts::vocab(v, &file_name(key)), json(w)));
        }
        for (i, d) in self.docs.iter().enumerate() {
            out.push((parts::doc(v, i), json(&DocFile::from_doc(d))));
        }
        for (lang, first, per_initial) in suggest {
            // Outside the version folder: fetched with index.json, at once, when the box gets focus.
            out.push((parts::first(*lang), json(first)));
            for (initial, f) in per_initial {
                out.push((parts::initial(v, *lang, &file_name(initial)), json(f)));
            }
        }
        out
    }
}

fn json<T: Serialize>(x: &T) -> String {
    serde_json::to_string(x).unwrap_or_default()
}
