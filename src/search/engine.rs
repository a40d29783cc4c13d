//! The search index and its queries. Documents of every kind become [`Doc`]s; the index maps
//! folded words to weighted postings, stems to words, and accented spellings to documents.

use super::text::{is_stop, stem_en, stem_es, tokens, typo_budget, within};
use crate::i18n::Lang;
use crate::model::{Country, Dataset, Document, Event, NewsItem, Text, Topic};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    News,
    Document,
    Event,
    Topic,
    Dataset,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::News, Kind::Document, Kind::Event, Kind::Topic, Kind::Dataset];

    pub fn code(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Document => "document",
            Kind::Event => "event",
            Kind::Topic => "topic",
            Kind::Dataset => "dataset",
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
    fn fields(&self) -> [(&str, usize, bool); 8] {
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
}

#[derive(Debug, Default)]
pub struct Index {
    pub docs: Vec<Doc>,
    /// Folded words, sorted (prefix ranges, typo scans).
    terms: Vec<String>,
    /// Per word: (document, frequency in each field).
    postings: Vec<Vec<(u32, [f32; FIELDS])>>,
    /// Stem (Spanish or English) → words.
    stems: HashMap<String, Vec<u32>>,
    /// Accented spelling ("año", "perú") → documents that use it.
    accented: HashMap<String, Vec<u32>>,
    doc_len: Vec<[f32; FIELDS]>,
    avg_len: [f32; FIELDS],
}

/// Title, summary, body, country.
const FIELDS: usize = 4;
/// Field weights (BM25F): a word in the title counts most.
const WEIGHTS: [f32; FIELDS] = [4.0, 2.0, 1.0, 1.0];

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

/// A result: the document, its score and the words it matched (for highlighting).
#[derive(Clone, Debug)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
    /// How many of the query's words it matched.
    pub words: usize,
    pub matched: HashSet<String>,
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

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a match counts, by how it matched.
const STEM: f32 = 0.9;
const PREFIX: f32 = 0.7;
const TYPO: [f32; 3] = [1.0, 0.5, 0.35];
/// The exact accented spelling ranks above its unaccented twin.
const ACCENT_BONUS: f32 = 1.15;
/// Every query word in the title.
const TITLE_BONUS: f32 = 1.5;
/// Words matched by prefix or typos, at most (the most frequent are kept).
const MAX_EXPANSIONS: usize = 40;

impl Index {
    pub fn build(docs: Vec<Doc>) -> Index {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<(u32, [f32; FIELDS])>> = Vec::new();
        let mut stems: HashMap<String, Vec<u32>> = HashMap::new();
        let mut accented: HashMap<String, Vec<u32>> = HashMap::new();
        let mut doc_len = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let d = d as u32;
            let mut tf: HashMap<u32, [f32; FIELDS]> = HashMap::new();
            let mut len = [0.0; FIELDS];
            for (text, field, es) in doc.fields() {
                for tok in tokens(text) {
                    if is_stop(&tok.folded) {
                        continue;
                    }
                    len[field] += 1.0;
                    let id = *ids.entry(tok.folded.clone()).or_insert_with(|| {
                        terms.push(tok.folded.clone());
                        postings.push(Vec::new());
                        (terms.len() - 1) as u32
                    });
                    tf.entry(id).or_default()[field] += 1.0;
                    let stem = if es { stem_es(&tok.folded) } else { stem_en(&tok.folded) };
                    let words = stems.entry(stem).or_default();
                    if !words.contains(&id) {
                        words.push(id);
                    }
                    if tok.exact != tok.folded {
                        let list = accented.entry(tok.exact).or_default();
                        if list.last() != Some(&d) {
                            list.push(d);
                        }
                    }
                }
            }
            for (id, f) in tf {
                postings[id as usize].push((d, f));
            }
            doc_len.push(len);
        }
        // Sort the vocabulary, remapping word ids.
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_by(|a, b| terms[*a as usize].cmp(&terms[*b as usize]));
        let mut new_id = vec![0u32; terms.len()];
        for (new, old) in order.iter().enumerate() {
            new_id[*old as usize] = new as u32;
        }
        let sorted_terms = order.iter().map(|o| std::mem::take(&mut terms[*o as usize])).collect();
        let sorted_postings = order.iter().map(|o| std::mem::take(&mut postings[*o as usize])).collect();
        for words in stems.values_mut() {
            for w in words.iter_mut() {
                *w = new_id[*w as usize];
            }
        }
        let mut avg_len = [1.0; FIELDS];
        for (f, avg) in avg_len.iter_mut().enumerate() {
            if !docs.is_empty() {
                *avg = (doc_len.iter().map(|l| l[f]).sum::<f32>() / docs.len() as f32).max(1.0);
            }
        }
        Index { docs, terms: sorted_terms, postings: sorted_postings, stems, accented, doc_len, avg_len }
    }

    /// Everything the Observatory publishes, in one index.
    pub fn from_content(
        news: &[NewsItem],
        documents: &[Document],
        events: &[Event],
        topics: &[Topic],
        datasets: &[Dataset],
    ) -> Index {
        let docs = news
            .iter()
            .map(Doc::from_news)
            .chain(documents.iter().map(Doc::from_document))
            .chain(events.iter().map(Doc::from_event))
            .chain(topics.iter().map(Doc::from_topic))
            .chain(datasets.iter().map(Doc::from_dataset))
            .collect();
        Index::build(docs)
    }

    fn term_id(&self, folded: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(folded)).ok().map(|i| i as u32)
    }

    fn df(&self, term: u32) -> usize {
        self.postings[term as usize].len()
    }

    /// The words a query word stands for, with how much each counts.
    fn expand(&self, t: &QueryTerm) -> Vec<(u32, f32)> {
        let mut out: HashMap<u32, f32> = HashMap::new();
        fn add(out: &mut HashMap<u32, f32>, id: u32, f: f32) {
            let e = out.entry(id).or_insert(0.0);
            *e = e.max(f);
        }
        if let Some(id) = self.term_id(&t.folded) {
            add(&mut out, id, 1.0);
        }
        for stem in [stem_es(&t.folded), stem_en(&t.folded)] {
            for id in self.stems.get(&stem).into_iter().flatten() {
                add(&mut out, *id, STEM);
            }
        }
        if t.prefix {
            let from = self.terms.partition_point(|w| w.as_str() < t.folded.as_str());
            let mut found: Vec<u32> = (from..self.terms.len())
                .take_while(|i| self.terms[*i].starts_with(&t.folded))
                .map(|i| i as u32)
                .collect();
            found.sort_by_key(|id| std::cmp::Reverse(self.df(*id)));
            for id in found.into_iter().take(MAX_EXPANSIONS) {
                add(&mut out, id, PREFIX);
            }
        }
        if out.is_empty() {
            for (id, d) in self.typos(&t.folded).into_iter().take(MAX_EXPANSIONS) {
                add(&mut out, id, TYPO[d]);
            }
        }
        out.into_iter().collect()
    }

    /// Words within the word's typo budget: (word, edits), closest and most frequent first.
    fn typos(&self, folded: &str) -> Vec<(u32, usize)> {
        let budget = typo_budget(folded);
        if budget == 0 {
            return Vec::new();
        }
        let mut found: Vec<(u32, usize)> = self
            .terms
            .iter()
            .enumerate()
            .filter(|(_, w)| w.len().abs_diff(folded.len()) <= budget)
            .filter_map(|(i, w)| within(folded, w, budget).filter(|d| *d > 0).map(|d| (i as u32, d)))
            .collect();
        found.sort_by_key(|(id, d)| (*d, std::cmp::Reverse(self.df(*id))));
        found
    }

    /// BM25F: field frequencies normalised by field length, weighted, then saturated once.
    fn bm25(&self, term: u32, tf: &[f32; FIELDS], doc: u32) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.df(term) as f32;
        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        let len = &self.doc_len[doc as usize];
        let weighted: f32 = (0..FIELDS).map(|f| WEIGHTS[f] * tf[f] / (1.0 - B + B * len[f] / self.avg_len[f])).sum();
        idf * weighted * (K1 + 1.0) / (weighted + K1)
    }

    /// Documents matching every word (and every phrase), best first; ties go to the newest.
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        if q.is_empty() {
            return Vec::new();
        }
        // Per document: score, how many query words it matched, the words it matched.
        let mut scores: HashMap<u32, (f32, usize, HashSet<String>, usize)> = HashMap::new();
        for t in &q.terms {
            let mut per_doc: HashMap<u32, (f32, Vec<u32>, bool)> = HashMap::new();
            for (term, factor) in self.expand(t) {
                for (doc, tf) in &self.postings[term as usize] {
                    let s = factor * self.bm25(term, tf, *doc);
                    let e = per_doc.entry(*doc).or_insert((0.0, Vec::new(), false));
                    e.0 = e.0.max(s);
                    e.1.push(term);
                    e.2 |= tf[0] > 0.0;
                }
            }
            if t.exact != t.folded {
                for doc in self.accented.get(&t.exact).into_iter().flatten() {
                    if let Some(e) = per_doc.get_mut(doc) {
                        e.0 *= ACCENT_BONUS;
                    }
                }
            }
            for (doc, (ts, words, in_title)) in per_doc {
                let e = scores.entry(doc).or_insert((0.0, 0, HashSet::new(), 0));
                e.0 += ts;
                e.1 += 1;
                e.2.extend(words.iter().map(|w| self.terms[*w as usize].clone()));
                e.3 += usize::from(in_title);
            }
        }
        // A title holding every word of the query is what people look for, the more so when
        // the title is little else ("Declaración de Lima" for "declaración").
        for (doc, (score, _, _, in_title)) in scores.iter_mut() {
            if *in_title == q.terms.len() {
                let title_words = (self.doc_len[*doc as usize][0] / 2.0).max(1.0);
                let coverage = (q.terms.len() as f32 / title_words).min(1.0);
                *score *= TITLE_BONUS + 0.5 * coverage;
            }
        }
        // Documents with every word first; then those missing one, and so on (a search never
        // comes back empty because one word is absent), each group by score.
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .filter(|(doc, _)| q.phrases.iter().all(|p| self.has_phrase(*doc, p)))
            .map(|(doc, (score, words, matched, _))| Hit { doc, score, words, matched })
            .collect();
        hits.sort_by(|a, b| {
            b.words
                .cmp(&a.words)
                .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal))
                .then_with(|| self.docs[b.doc as usize].date.cmp(&self.docs[a.doc as usize].date))
                .then_with(|| a.doc.cmp(&b.doc))
        });
        hits
    }

    fn has_phrase(&self, doc: u32, phrase: &[String]) -> bool {
        self.docs[doc as usize].fields().iter().any(|(text, _, _)| {
            let words: Vec<String> = tokens(text).into_iter().map(|t| t.folded).collect();
            words.windows(phrase.len()).any(|w| w == phrase)
        })
    }

    /// A spelling the index knows, for a query that found nothing: each unknown word replaced
    /// by its closest known word.
    pub fn did_you_mean(&self, q: &Query) -> Option<String> {
        let mut changed = false;
        let words: Vec<String> = q
            .terms
            .iter()
            .map(|t| {
                // A word the index knows as spelt needs no suggestion (a known word always
                // expands, so checking the expansion too only repeated a vocabulary scan).
                if self.term_id(&t.folded).is_some() {
                    return t.folded.clone();
                }
                let closest = self
                    .terms
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.len().abs_diff(t.folded.len()) <= 2)
                    .filter_map(|(i, w)| {
                        within(&t.folded, w, 2).filter(|d| *d > 0).map(|d| (d, std::cmp::Reverse(self.df(i as u32)), w))
                    })
                    .min();
                match closest {
                    Some((_, _, w)) => {
                        changed = true;
                        w.clone()
                    }
                    None => t.folded.clone(),
                }
            })
            .collect();
        (changed && !words.is_empty()).then(|| words.join(" "))
    }

    /// Counts per facet value over `hits`, each facet with the other facets' choices applied.
    pub fn facets(&self, hits: &[Hit], f: &FacetFilter) -> Facets {
        let doc = |h: &Hit| &self.docs[h.doc as usize];
        let pass = |d: &Doc, skip: usize| {
            (skip == 0 || f.kind.is_none_or(|k| d.kind == k))
                && (skip == 1 || f.country.is_none_or(|c| d.country == Some(c)))
                && (skip == 2 || f.topic.as_ref().is_none_or(|t| d.topics.contains(t)))
                && (skip == 3 || f.year.is_none_or(|y| d.year() == Some(y)))
        };
        let mut kinds: HashMap<Kind, usize> = HashMap::new();
        let mut countries: HashMap<Country, usize> = HashMap::new();
        let mut topics: HashMap<String, usize> = HashMap::new();
        let mut years: HashMap<i32, usize> = HashMap::new();
        for h in hits {
            let d = doc(h);
            if pass(d, 0) {
                *kinds.entry(d.kind).or_default() += 1;
            }
            if pass(d, 1) {
                if let Some(c) = d.country {
                    *countries.entry(c).or_default() += 1;
                }
            }
            if pass(d, 2) {
                for t in &d.topics {
                    *topics.entry(t.clone()).or_default() += 1;
                }
            }
            if pass(d, 3) {
                if let Some(y) = d.year() {
                    *years.entry(y).or_default() += 1;
                }
            }
        }
        let mut out = Facets {
            kinds: kinds.into_iter().collect(),
            countries: countries.into_iter().collect(),
            topics: topics.into_iter().collect(),
            years: years.into_iter().collect(),
        };
        out.kinds.sort();
        out.countries.sort();
        out.topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.years.sort_by_key(|y| std::cmp::Reverse(y.0));
        out
    }

    /// Whether a hit passes every facet choice.
    pub fn passes(&self, h: &Hit, f: &FacetFilter) -> bool {
        let d = &self.docs[h.doc as usize];
        f.kind.is_none_or(|k| d.kind == k)
            && f.country.is_none_or(|c| d.country == Some(c))
            && f.topic.as_ref().is_none_or(|t| d.topics.contains(t))
            && f.year.is_none_or(|y| d.year() == Some(y))
    }

    /// The newest documents (for "no results").
    pub fn latest(&self, n: usize) -> Vec<&Doc> {
        let mut docs: Vec<&Doc> = self.docs.iter().filter(|d| d.date.is_some()).collect();
        docs.sort_by_key(|d| std::cmp::Reverse(d.date));
        docs.truncate(n);
        docs
    }
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

    #[test]
    fn exact_spelling_first_then_newest() {
        let ix = Index::build(vec![
            doc("ano", Kind::News, "Informe del ano fiscal", "2024-01-01", Country::Cl),
            doc("año", Kind::News, "Informe del año fiscal", "2020-01-01", Country::Cl),
            doc("old", Kind::Document, "Compras verdes", "2019-01-01", Country::Pe),
            doc("new", Kind::Document, "Compras verdes", "2023-01-01", Country::Pe),
        ]);
        let ids = |q: &str| -> Vec<String> {
            ix.search(&Query::parse(q, false)).iter().map(|h| ix.docs[h.doc as usize].id.clone()).collect()
        };
        // "ñ" matches "n", and the exact spelling ranks first either way.
        assert_eq!(ids("año"), ["año", "ano"]);
        assert_eq!(ids("compras verdes"), ["new", "old"]);
    }

    #[test]
    fn facets_count_with_the_other_facets_applied() {
        let ix = Index::build(vec![
            doc("a", Kind::News, "compras", "2023-05-01", Country::Cl),
            doc("b", Kind::Document, "compras", "2023-06-01", Country::Pe),
            doc("c", Kind::Document, "compras", "2022-01-01", Country::Pe),
        ]);
        let hits = ix.search(&Query::parse("compras", false));
        let f = FacetFilter { kind: Some(Kind::Document), ..Default::default() };
        let facets = ix.facets(&hits, &f);
        // Kinds are counted without the kind choice; countries and years with it.
        assert_eq!(facets.kinds, [(Kind::News, 1), (Kind::Document, 2)]);
        assert_eq!(facets.countries, [(Country::Pe, 2)]);
        assert_eq!(facets.years, [(2023, 1), (2022, 1)]);
        assert_eq!(hits.iter().filter(|h| ix.passes(h, &f)).count(), 2);
    }

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
