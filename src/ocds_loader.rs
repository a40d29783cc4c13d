//! The open-contracting data the indicators page reads: the manifest of sources, each source's
//! digest (or its OCDS files on the web, parsed with the same code the publishing step uses)
//! and, when a list of processes is shown, its details. Kept for the whole visit; each source
//! loads on its own, and a bad one is named while the others still show. Downloads go through
//! the one client (`http`), with this data's own size caps.

use leptos::prelude::*;
use leptos::task::spawn_local;
use observatorio_core::ocds::digest::{Details, Digest, Manifest, Source};
use observatorio_core::ocds::process::Process;
use observatorio_core::ocds::profile::Shard;
use std::collections::HashMap;
use std::sync::Arc;

/// Compared by identity, so memos over large data only notify when it is rebuilt.
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// One source, read.
pub struct SourceData {
    pub source: Source,
    pub processes: Vec<Process>,
    pub files: Vec<String>,
    pub problems: Vec<String>,
    pub damaged: usize,
    /// (key field, processes lacking it).
    pub missing: Vec<(&'static str, usize)>,
    /// Processes whose text lost characters to a wrong encoding before publication.
    pub broken_text: usize,
}

#[derive(Clone)]
pub enum SourceState {
    Loading,
    Ready(Arc<SourceData>),
    Failed(String),
}

/// The manifest as read, with the problems it had (sources left out), or why it could not be.
pub type ManifestState = Option<Result<Shared<(Manifest, Vec<String>)>, String>>;

/// A file read once per visit (`read_once`): None while reading, then read or why not.
pub type ReadState<T> = Option<Result<Shared<T>, String>>;

/// A source's details: None while reading, then read or why not.
pub type DetailsState = ReadState<Details>;

/// A file of published profiles: None while reading, then read or why not.
pub type ProfilesState = ReadState<Shard>;

/// The manifest and every source read so far, kept for the whole visit.
#[derive(Clone, Copy)]
pub struct OcdsStore {
    pub manifest: RwSignal<ManifestState>,
    pub states: RwSignal<HashMap<String, SourceState>>,
    /// Each source's details (ocids, titles), read when a list of processes is shown: None
    /// while reading.
    pub details: RwSignal<HashMap<String, DetailsState>>,
    /// Files of published profiles by path, read when a profile is opened: None while reading.
    pub profiles: RwSignal<HashMap<String, ProfilesState>>,
}

impl OcdsStore {
    fn new() -> Self {
        OcdsStore {
            manifest: RwSignal::new(None),
            states: RwSignal::new(HashMap::new()),
            details: RwSignal::new(HashMap::new()),
            profiles: RwSignal::new(HashMap::new()),
        }
    }
}

/// The store, created the first time the page is visited.
pub fn use_ocds() -> OcdsStore {
    if let Some(s) = use_context::<OcdsStore>() {
        return s;
    }
    let s = OcdsStore::new();
    provide_context(s);
    s
}

/// Files past these sizes are refused with a message instead of a frozen tab: a digest is
/// compact (25,000 processes: 3 MB), an OCDS file as published is parsed whole on the phone
/// (bundle a larger one, and the publishing step digests it).
const MAX_DIGEST_BYTES: usize = observatorio_core::ocds::read::MAX_BYTES;
const MAX_RAW_BYTES: usize = 10 * 1024 * 1024;

async fn fetch(url: &str) -> Result<String, String> {
    fetch_max(url, MAX_DIGEST_BYTES).await
}

async fn fetch_max(url: &str, max: usize) -> Result<String, String> {
    use crate::http::{get_text, Fresh, HttpError};
    get_text(url, Fresh::OfBuild, Some(max as u64)).await.map_err(|e| match e {
        HttpError::Network(e) => format!("{url}: {e}"),
        HttpError::Status(status) => format!("{url}: HTTP {status}"),
        HttpError::TooLarge { bytes, cap } => {
            format!("{url}: {} MB, more than the {} MB this page reads", bytes >> 20, cap >> 20)
        }
    })
}

/// Reads one source: its digest, or its OCDS files on the web (parsed here with the same code
/// the publishing step uses).
async fn load_source(s: Source) -> Result<SourceData, String> {
    let (processes, files, problems, damaged) = if let Some(path) = &s.digest {
        let text = fetch(path).await?;
        // Let the browser paint the progress before the parse.
        next_task().await;
        let d = Digest::parse(path, &text)?;
        next_task().await;
        let (processes, damaged) = d.processes();
        (processes, d.files, d.problems, damaged)
    } else {
        let mut texts = Vec::new();
        let mut problems = Vec::new();
        for url in &s.files {
            match fetch_max(url, MAX_RAW_BYTES).await {
                Ok(t) => texts.push((url.clone(), t)),
                Err(e) => {
                    problems.push(e);
                    texts.push((url.clone(), String::new()));
                }
            }
        }
        let ok: Vec<(&str, &str)> =
            texts.iter().filter(|(_, t)| !t.is_empty()).map(|(u, t)| (u.as_str(), t.as_str())).collect();
        if ok.is_empty() {
            return Err(problems.join("; "));
        }
        let (processes, more) = observatorio_core::ocds::load(texts.iter().map(|(u, t)| (u.as_str(), t.as_str())));
        problems.extend(more.into_iter().filter(|p| !p.contains(": the file is empty")));
        (processes, s.files.clone(), problems, 0)
    };
    let missing = observatorio_core::ocds::indicators::missing_fields(&processes);
    let broken_text = processes.iter().filter(|p| p.has_broken_text()).count();
    Ok(SourceData { source: s, processes, files, problems, damaged, missing, broken_text })
}

/// Yields to the event loop once (a resolved promise is not enough: the browser paints only
/// between tasks), so progress shows between heavy steps.
pub async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Reads the manifest, once per visit (called from an effect: none runs when the first view is
/// rendered at build time, where the page shows its placeholders).
pub fn load_manifest(store: OcdsStore) {
    if store.manifest.get_untracked().is_none() {
        spawn_local(async move {
            let m = fetch(observatorio_core::published::ocds::MANIFEST)
                .await
                .map(|t| Shared(Arc::new(Manifest::parse(&t))));
            store.manifest.set(Some(m));
        });
    }
}

/// Reads the manifest again (its error's retry).
pub fn retry_manifest(store: OcdsStore) {
    store.manifest.set(None);
    load_manifest(store);
}

/// Reads a source again (its error's retry): the page shows its progress until it settles.
pub fn retry_source(store: OcdsStore, s: Source) {
    store.states.update(|st| {
        st.insert(s.id.clone(), SourceState::Loading);
    });
    spawn_local(load_source_into(store, s));
}

/// Reads one source and records what came of it.
pub async fn load_source_into(store: OcdsStore, s: Source) {
    let id = s.id.clone();
    let state = match load_source(s).await {
        Ok(d) => SourceState::Ready(Arc::new(d)),
        Err(e) => SourceState::Failed(e),
    };
    store.states.update(|st| {
        st.insert(id, state);
    });
}

/// Starts reading the details (ocids, titles) of these sources, each once per visit: they are
/// published apart from the digests.
pub fn load_details(store: OcdsStore, sources: &[Arc<SourceData>]) {
    for d in sources {
        if let Some(path) = &d.source.details {
            read_once(store.details, d.source.id.clone(), path.clone(), Details::parse);
        }
    }
}

/// Starts reading a file of published profiles, once per visit (one that fails leaves the
/// profile to be computed from the page's data).
pub fn load_profiles(store: OcdsStore, path: String) {
    read_once(store.profiles, path.clone(), path, Shard::parse);
}

/// Reads `path` into `map` under `key`, once per visit: None while reading, then what `parse`
/// made of it, or why not.
fn read_once<T: Send + Sync + 'static>(
    map: RwSignal<HashMap<String, ReadState<T>>>,
    key: String,
    path: String,
    parse: fn(&str, &str) -> Result<T, String>,
) {
    if map.with_untracked(|m| m.contains_key(&key)) {
        return;
    }
    map.update_untracked(|m| {
        m.insert(key.clone(), None);
    });
    spawn_local(async move {
        let got = fetch(&path).await.and_then(|t| parse(&path, &t));
        map.update(|m| {
            m.insert(key, Some(got.map(|v| Shared(Arc::new(v)))));
        });
    });
}
