//! Loads the search index's parts (written by the publishing step: see `search::ship`) as
//! queries need them, each once, relative to the document's base URL (sub-folder deployments).
//! A part that cannot be loaded is recorded as missing: searches go on without it and say so.

use leptos::prelude::*;
use leptos::task::spawn_local;
use observatorio_core::lang::Lang;
use observatorio_core::search::engine::{highlight, Segment};
use observatorio_core::search::index::{plan, Plan, SUGGESTIONS};
use observatorio_core::search::ship::{file_name, ChunkFile, DocFile, FacetsFile, IndexFile, SuggestFile, VocabFile};
use observatorio_core::search::{Hit, Index, Need, Query};
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use observatorio_core::published::search as parts;

type ReadyFiles = HashMap<(Lang, Option<String>), Arc<SuggestFile>>;

/// Only the download is asynchronous (one future type for every part); parsing runs after it,
/// synchronously (see `api`: generic futures per file type cost the wasm dearly).
/// The parts in a version's folder are named after their content (`Part::Named`); the files
/// outside it change with each build, and are read with it (`Part::OfBuild`).
enum Part {
    Named,
    OfBuild,
}

async fn get_text(url: String, part: Part) -> Result<String, String> {
    use crate::http::{Fresh, HttpError};
    let fresh = match part {
        Part::Named => Fresh::Named,
        Part::OfBuild => Fresh::OfBuild,
    };
    // Over its cap, a part is missing (named as such), never parsed.
    crate::http::get_text(&url, fresh, Some(observatorio_core::model::size_cap(&url))).await.map_err(|e| match e {
        HttpError::Network(detail) => detail,
        HttpError::Status(status) => format!("{url}: HTTP {status}"),
        HttpError::TooLarge { bytes, cap } => {
            observatorio_core::model::FileError::TooLarge { file: url.clone(), bytes, cap }.detail(Lang::En)
        }
    })
}

fn parse<T: DeserializeOwned>(text: Result<String, String>) -> Result<T, String> {
    serde_json::from_str(&text?).map_err(|e| e.to_string())
}

/// Once per visit: when the connection comes back, whatever failed is asked for again.
fn on_online(data: SearchData, lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        // For the visit: the search data lives as long as the app.
        std::mem::forget(window_event_listener(leptos::ev::online, move |_| data.retry_failed(lang)));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (data, lang);
}

/// What the search box shows for a query being typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggested {
    /// (kind, id, title, words to mark).
    pub items: Vec<(observatorio_core::search::Kind, String, String, HashSet<String>)>,
    /// Parts are still loading (the list is the best known so far).
    pub loading: bool,
}

#[derive(Clone, Copy)]
pub struct SearchData {
    /// None until `search/index.json` has loaded; an error message if it cannot be.
    pub index: RwSignal<Option<Result<Index, String>>>,
    /// Ready suggestions, per language and file (`None`: first.json; else the initial's file).
    ready: RwSignal<ReadyFiles>,
    /// How many parts could not be loaded.
    pub failed: RwSignal<usize>,
    asked: StoredValue<HashSet<String>>,
    /// The files that could not be loaded, asked for again by `retry_failed`.
    failed_files: StoredValue<Vec<String>>,
}

impl Default for SearchData {
    fn default() -> Self {
        Self::new()
    }
}

impl SearchData {
    pub fn new() -> Self {
        SearchData {
            index: RwSignal::new(None),
            ready: RwSignal::new(HashMap::new()),
            failed: RwSignal::new(0),
            asked: StoredValue::new(HashSet::new()),
            failed_files: StoredValue::new(Vec::new()),
        }
    }

    fn record_failure(&self, file: String) {
        self.failed.update(|n| *n += 1);
        self.failed_files.update_value(|f| f.push(file));
    }

    /// Asks again for everything that could not be loaded: the connection may be back (the
    /// browser's `online` event) or the reader searches again. Queries waiting on those parts
    /// are recomputed as they arrive; the entry point, if it was what failed, is loaded anew.
    pub fn retry_failed(&self, lang: Lang) {
        let files = self.failed_files.try_update_value(std::mem::take).unwrap_or_default();
        let index_failed = self.index.with_untracked(|i| matches!(i, Some(Err(_))));
        if files.is_empty() && !index_failed {
            return;
        }
        self.asked.update_value(|a| {
            for f in &files {
                a.remove(f);
            }
            if index_failed {
                a.remove("index");
            }
        });
        self.failed.set(0);
        if index_failed {
            self.index.set(None);
        } else {
            self.add(Index::clear_missing);
        }
        // Suggestions files that failed were stood in for by empty ones.
        self.ready.update(|r| r.retain(|_, f| !f.is_empty()));
        self.start(lang);
    }

    /// True the first time `key` is asked for.
    fn first_ask(&self, key: String) -> bool {
        self.asked.try_update_value(|a| a.insert(key)).unwrap_or(false)
    }

    fn version(&self) -> Option<String> {
        self.index.with_untracked(|i| i.as_ref().and_then(|r| r.as_ref().ok()).map(|ix| ix.version.clone()))
    }

    /// Loads the entry point and, at the same time, the reader's one-letter suggestions (when
    /// the box gets focus): the first keystroke's suggestions are one round trip away at most.
    pub fn start(&self, lang: Lang) {
        let this = *self;
        if self.index.with_untracked(|i| matches!(i, Some(Err(_)))) {
            // It failed before (offline?): asked for again now that the reader is back.
            return self.retry_failed(lang);
        }
        if this.first_ask("index".into()) {
            spawn_local(async move {
                let text = get_text(parts::index(), Part::OfBuild).await;
                this.index.set(Some(parse::<IndexFile>(text).and_then(Index::new)));
                on_online(this, lang);
            });
        }
        this.ready_file(lang, None);
    }

    /// Loads a file of ready suggestions (the two-letter ones once the entry point is known).
    fn ready_file(&self, lang: Lang, initial: Option<String>) {
        let (name, part) = match &initial {
            None => (parts::first(lang), Part::OfBuild),
            Some(i) => {
                let Some(v) = self.version() else { return };
                (parts::initial(&v, lang, &file_name(i)), Part::Named)
            }
        };
        if !self.first_ask(name.clone()) {
            return;
        }
        let this = *self;
        spawn_local(async move {
            let text = get_text(name.clone(), part).await;
            let file = parse::<SuggestFile>(text).unwrap_or_else(|_| {
                this.record_failure(name);
                SuggestFile::new()
            });
            this.ready.update(|r| {
                r.insert((lang, initial), Arc::new(file));
            });
        });
    }

    /// Fetches the parts a query needs (each once); they are added to the index as they arrive.
    pub fn fetch(&self, needs: Vec<Need>) {
        let Some(v) = self.version() else { return };
        for need in needs {
            let url = match &need {
                Need::Vocab(k) => parts::vocab(&v, &file_name(k)),
                Need::Chunk(i) => parts::chunk(&v, *i),
                Need::Facets => parts::facets(&v),
                Need::Doc(n) => parts::doc(&v, *n as usize),
            };
            if !self.first_ask(url.clone()) {
                continue;
            }
            let this = *self;
            spawn_local(async move {
                let text = get_text(url.clone(), Part::Named).await;
                if !this.apply(need, text) {
                    this.record_failure(url);
                }
            });
        }
    }

    /// Adds a downloaded part to the index, or records it as missing (false).
    fn apply(&self, need: Need, text: Result<String, String>) -> bool {
        let added: Result<(), String> = match &need {
            Need::Vocab(k) => parse::<VocabFile>(text).map(|f| self.add(|ix| ix.add_vocab(k, f))),
            Need::Chunk(i) => parse::<ChunkFile>(text).map(|f| self.add(|ix| ix.add_chunk(*i, f))),
            Need::Doc(n) => parse::<DocFile>(text).map(|f| self.add(|ix| ix.add_doc(*n, f))),
            Need::Facets => parse::<FacetsFile>(text).and_then(|f| {
                let mut r = Ok(());
                self.add(|ix| r = ix.add_facets(f));
                r
            }),
        };
        if added.is_err() {
            self.add(|ix| ix.add_missing(need));
        }
        added.is_ok()
    }

    fn add(&self, f: impl FnOnce(&mut Index)) {
        self.index.update(|i| {
            if let Some(Ok(ix)) = i {
                f(ix)
            }
        });
    }

    /// Runs `f` on the index, fetching whatever it says it needs; None while anything is missing.
    pub fn with<T>(&self, f: impl FnOnce(&Index) -> Result<T, Vec<Need>>) -> Option<T> {
        let r = self.index.with(|i| match i {
            Some(Ok(ix)) => Some(f(ix)),
            _ => None,
        })?;
        match r {
            Ok(v) => Some(v),
            Err(needs) => {
                self.fetch(needs);
                None
            }
        }
    }

    /// The suggestions for what is typed so far (tracked: recomputed as parts arrive).
    pub fn suggest(&self, lang: Lang, typed: &str) -> Suggested {
        let q = Query::parse(typed, true);
        let loading = Suggested { items: Vec::new(), loading: true };
        match plan(&q) {
            Plan::Nothing => Suggested { items: Vec::new(), loading: false },
            Plan::Ready { file, prefix } => {
                let key = (lang, file.clone());
                let list = self.ready.with(|r| r.get(&key).cloned());
                let Some(list) = list else {
                    // Tracked: asked again once the entry point has loaded.
                    if file.is_none() || self.index.with(|i| i.is_some()) {
                        self.ready_file(lang, file);
                    }
                    return loading;
                };
                let items = list
                    .get(&prefix)
                    .into_iter()
                    .flatten()
                    .filter_map(|s| {
                        let kind = observatorio_core::search::Kind::parse(&s.kind)?;
                        Some((kind, s.id.clone(), s.title.clone(), s.matched.iter().cloned().collect()))
                    })
                    .collect();
                Suggested { items, loading: false }
            }
            Plan::Search(q) => {
                // No index (it could not be loaded): nothing is coming, the box must not wait.
                if self.index.with(|i| matches!(i, Some(Err(_)))) {
                    return Suggested { items: Vec::new(), loading: false };
                }
                let Some(hits) = self.with(|ix| ix.top(&q, SUGGESTIONS)) else { return loading };
                self.described(lang, &q, &hits).map_or(loading, |items| Suggested { items, loading: false })
            }
        }
    }

    /// Titles and matched words of hits, once their documents are loaded.
    #[allow(clippy::type_complexity)]
    pub fn described(
        &self,
        lang: Lang,
        q: &Query,
        hits: &[Hit],
    ) -> Option<Vec<(observatorio_core::search::Kind, String, String, HashSet<String>)>> {
        self.with(|ix| {
            // Every text needed is asked for at once (`Ok(None)`: could not be loaded, left out).
            let texts: Vec<_> = hits.iter().map(|h| ix.text(h.doc)).collect();
            let needs: Vec<Need> = texts.iter().filter_map(|t| t.as_ref().err()).flatten().cloned().collect();
            if !needs.is_empty() {
                return Err(needs);
            }
            let docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
            let matched = ix.matched_each(&docs, q);
            Ok(texts
                .into_iter()
                .zip(matched)
                .filter_map(|(d, m)| d.ok().flatten().map(|d| (d.kind, d.id.clone(), d.title.get(lang).to_string(), m)))
                .collect())
        })
    }
}

/// Where the visit's search data is kept once the search chunk has made it (see `chunks`): the
/// shell holds only this cell, so none of the engine's code is in the main module.
#[derive(Clone, Copy)]
pub struct SearchCell(pub StoredValue<Option<SearchData>>);

/// The visit's search data, made on first use (under the app's root owner: it lasts the whole
/// visit, whichever view asked).
pub fn use_search() -> SearchData {
    match use_context::<SearchCell>() {
        Some(cell) => search_data(cell),
        None => SearchData::new(),
    }
}

/// The search data kept in `cell` (for callers without the context: an event handler's task).
pub fn search_data(cell: SearchCell) -> SearchData {
    if let Some(data) = cell.0.get_value() {
        return data;
    }
    let data = match crate::context::root_owner() {
        Some(root) => root.with(SearchData::new),
        None => SearchData::new(),
    };
    cell.0.set_value(Some(data));
    data
}

/// The search box's list for `typed`, ready to draw: each suggestion's path, kind and title with
/// its matched words marked; and whether parts are still loading (see `SearchData::suggest`).
pub fn box_suggestions(
    cell: SearchCell,
    lang: Lang,
    typed: &str,
) -> (Vec<(String, observatorio_core::search::Kind, Vec<Segment>)>, bool) {
    let s = search_data(cell).suggest(lang, typed);
    let items = s
        .items
        .iter()
        .map(|(kind, id, title, matched)| (doc_path(*kind, id, lang), *kind, highlight(title, matched)))
        .collect();
    (items, s.loading)
}

/// Where a search result leads.
pub fn doc_path(kind: observatorio_core::search::Kind, id: &str, lang: Lang) -> String {
    use observatorio_core::ocds::profile::Party;
    use observatorio_core::routes::{with_query, Page};
    use observatorio_core::search::engine::{parse_contracting_id, Subject};
    use observatorio_core::search::Kind;
    let page = |p: Page| p.path(lang);
    let id_ = id.to_string();
    match kind {
        Kind::News => page(Page::NewsItem(id_)),
        Kind::Document => page(Page::Document(id_)),
        Kind::Event => page(Page::Event(id_)),
        Kind::Topic => page(Page::Topic(id_)),
        Kind::Dataset => page(Page::Dataset(id_)),
        Kind::Tool => match id {
            "data" => page(Page::Data),
            "embed" => page(Page::Embed),
            _ => page(Page::Indicators(observatorio_core::model::Country::Ap)),
        },
        // A process, a buyer's or a supplier's profile on its member's indicators page.
        Kind::Contracting => {
            let Some((member, subject, key)) = parse_contracting_id(id) else {
                return page(Page::Indicators(observatorio_core::model::Country::Ap));
            };
            let c = observatorio_core::ocds::report::country_from_slug(member)
                .unwrap_or(observatorio_core::model::Country::Ap);
            let param = match subject {
                Subject::Process => "process",
                Subject::Buyer => Party::Buyer.param(),
                Subject::Supplier => Party::Supplier.param(),
            };
            with_query(&page(Page::Indicators(c)), &[], &[(param, Some(key.to_string()))])
        }
    }
}

/// A search result's link, with the deployment's base.
pub fn doc_href(kind: observatorio_core::search::Kind, id: &str, lang: Lang) -> String {
    observatorio_core::routes::href(&doc_path(kind, id, lang))
}
