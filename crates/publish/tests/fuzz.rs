//! Fuzzing every parser of outside data, on the stable toolchain (cargo-fuzz needs nightly).
//! Each target is seeded with the real files of the repo (content, the files the publishing step
//! writes from it, the OCDS samples) and fed mutations of them: bytes flipped, inserted, deleted,
//! repeated, JSON tokens and hostile values spliced in, parts of other seeds crossed over. Not
//! coverage-guided: an input whose outcome (Ok, or the error's first words) is new joins the
//! corpus, a cheap stand-in for coverage that keeps mutations near the parsers' branches.
//!
//! Each input must not panic, must not allocate past `ALLOC_CAP` at once, and must take under
//! `TIME_CAP`. `cargo test` runs a short pass (`FUZZ_ITERS`, default 2,000 per target);
//! `scripts/fuzz.sh` runs 1,000,000 per target and prints the figures. A crash is saved under
//! `target/fuzz-crashes/` and becomes a named test in `regressions` below.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use observatorio_core::model::{parse_file, Dataset, Document, Event, NewsItem, Site, Topic};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

// ---- allocation accounting, per thread (each test runs in its own thread) ----

struct Counting;
thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let _ = LIVE.try_with(|c| {
                let now = c.get() + l.size();
                c.set(now);
                let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
            });
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        let _ = LIVE.try_with(|c| c.set(c.get().saturating_sub(l.size())));
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

/// The most any one input may hold allocated at once (beyond what was live before it).
const ALLOC_CAP: usize = 64 * 1024 * 1024;
/// The longest any one input may take.
const TIME_CAP: Duration = Duration::from_secs(1);
/// Seeds longer than this are cut (a parse of a 5 MB file per input would take hours).
const SEED_CAP: usize = 64 * 1024;

// ---- the mutator ----

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e308",
    "1e999",
    "-0",
    "18446744073709551616",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"<script>alert(1)</script>\"",
    "\"javascript:alert(1)\"",
    "\"data:text/html,x\"",
    "\"https://e.org/\"",
    "\"mailto:a@b.c\"",
    "\"2024-02-30\"",
    "\"0000-00-00\"",
    "\"9999-12-31T23:59:59Z\"",
    "\"1970-01-01T00:00:00Z\"",
    "\"America/Bogota\"",
    "\"Mars/Olympus\"",
    "\"AP\"",
    "\"XX\"",
    "\"es\"",
    "\"format\"",
    "\"id\"",
    "\"items\"",
    "\"rows\"",
    "\"releases\"",
    "\"records\"",
    "\"tender\"",
    "\"value\"",
    "\"amount\"",
    "\"currency\"",
    "\"date\"",
    "\"\u{202e}\"",
    "\"ñáé€𝄞\"",
    "%",
    "%ZZ",
    "%00",
    "&",
    "=",
    "?",
    "#",
    "/",
    "..",
    "\n",
    "\r\n",
    "\t",
    "\\",
    "\u{feff}",
];

fn mutate(rng: &mut Rng, corpus: &[Vec<u8>], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&corpus[rng.below(corpus.len())]);
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                out.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                out.drain(i..i + n);
            }
            3 if len > 0 => {
                // Repeat a span: deep nesting, long strings, many items.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(32));
                let span = out[i..i + n].to_vec();
                for _ in 0..1 + rng.below(200) {
                    out.splice(i..i, span.iter().copied());
                }
            }
            4 | 5 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let i = rng.below(len + 1);
                out.splice(i..i, t.iter().copied());
            }
            6 if len > 0 => {
                // Replace a span with a token.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(16));
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(i..i + n, t.iter().copied());
            }
            7 => {
                // Cross over with another seed.
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let (a, b) = (rng.below(other.len()), rng.below(other.len()));
                    let (a, b) = (a.min(b), a.max(b));
                    let i = rng.below(len + 1);
                    out.splice(i..i, other[a..b].iter().copied());
                }
            }
            8 if len > 0 => out.truncate(rng.below(len)),
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.extend_from_slice(t);
            }
        }
        out.truncate(4 * SEED_CAP);
    }
}

// ---- the runner ----

/// A target: its name, its seeds, and the function under test, which returns a short outcome
/// (the corpus grows with inputs whose outcome is new).
struct Target {
    name: &'static str,
    seeds: Vec<Vec<u8>>,
    run: fn(&str) -> String,
}

struct Figures {
    inputs: usize,
    corpus: usize,
    slowest: Duration,
    peak: usize,
    crashes: Vec<PathBuf>,
}

fn fuzz(t: &Target, iters: usize, seed: u64) -> Figures {
    assert!(!t.seeds.is_empty(), "{}: no seeds", t.name);
    let mut corpus: Vec<Vec<u8>> = t.seeds.iter().map(|s| s[..s.len().min(SEED_CAP)].to_vec()).collect();
    let mut seen = HashSet::new();
    let mut rng = Rng(seed ^ t.name.len() as u64 ^ 0x9e37_79b9_7f4a_7c15);
    let mut input = Vec::new();
    let mut f = Figures { inputs: 0, corpus: 0, slowest: Duration::ZERO, peak: 0, crashes: Vec::new() };
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for k in 0..iters + corpus.len() {
        // The seeds themselves first, then mutations.
        if k < t.seeds.len() {
            input.clear();
            input.extend_from_slice(&corpus[k]);
        } else {
            mutate(&mut rng, &corpus, &mut input);
        }
        let text = String::from_utf8_lossy(&input).into_owned();
        let base = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(base));
        let start = Instant::now();
        let outcome = std::panic::catch_unwind(|| (t.run)(&text));
        let took = start.elapsed();
        let peak = PEAK.with(Cell::get).saturating_sub(base);
        f.inputs += 1;
        f.slowest = f.slowest.max(took);
        f.peak = f.peak.max(peak);
        let bad = match &outcome {
            Err(_) => Some("panic"),
            Ok(_) if took > TIME_CAP => Some("slow"),
            Ok(_) if peak > ALLOC_CAP => Some("alloc"),
            Ok(_) => None,
        };
        if let Some(why) = bad {
            let dir = root().join("target/fuzz-crashes");
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("{}-{why}-{}.txt", t.name, f.crashes.len()));
            let _ = std::fs::write(&file, &input);
            f.crashes.push(file);
            if f.crashes.len() >= 5 {
                break;
            }
            continue;
        }
        if let Ok(o) = outcome {
            if seen.insert(o) && input.len() <= 4 * SEED_CAP && corpus.len() < 4096 {
                corpus.push(input.clone());
            }
        }
    }
    std::panic::set_hook(prev);
    f.corpus = corpus.len();
    f
}

fn iters() -> usize {
    std::env::var("FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

fn check(t: Target) {
    let n = iters();
    let f = fuzz(&t, n, 0x5eed);
    println!(
        "fuzz {}: {} inputs, {} seeds, corpus {}, slowest {:.1} ms, peak {:.1} MiB, crashes {}",
        t.name,
        f.inputs,
        t.seeds.len(),
        f.corpus,
        f.slowest.as_secs_f64() * 1000.0,
        f.peak as f64 / 1_048_576.0,
        f.crashes.len()
    );
    assert!(f.crashes.is_empty(), "{}: inputs that failed, saved in {:?}", t.name, f.crashes);
}

// ---- seeds: the real files ----

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn content(texts: &HashMap<String, String>) -> observatorio_publish::input::Content {
    observatorio_publish::input::Content::from_texts(texts.clone())
}

fn config() -> observatorio_publish::input::Config {
    observatorio_publish::input::Config::new("https://example.org/", today())
}

fn texts() -> HashMap<String, String> {
    let mut texts = HashMap::new();
    for name in ["site.json", "topics.json", "news.json", "documents.json", "events.json", "datasets.json"] {
        if let Ok(t) = std::fs::read_to_string(root().join("public/content").join(name)) {
            texts.insert(name.to_string(), t);
        }
    }
    texts
}

fn bytes(files: impl IntoIterator<Item = String>) -> Vec<Vec<u8>> {
    files.into_iter().map(String::into_bytes).collect()
}

fn outcome<T, E: std::fmt::Display>(r: Result<T, E>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => e.to_string().split_whitespace().take(4).collect::<Vec<_>>().join(" "),
    }
}

fn content_outcome<T>(r: Result<observatorio_core::model::Loaded<T>, observatorio_core::model::FileError>) -> String {
    match r {
        Ok(l) => format!("ok {} {}", l.items.len().min(3), l.problems.len().min(3)),
        Err(e) => e.detail(observatorio_core::lang::Lang::En).split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

// ---- the targets ----

#[test]
fn content_files() {
    // The full files, the home page's digests and the items' own files: the same formats.
    let t = texts();
    let mut seeds: Vec<String> = t.values().cloned().collect();
    seeds.extend(observatorio_publish::files::home_digest(&content(&t), &config()).into_iter().map(|(_, b)| b));
    seeds.extend(observatorio_publish::files::item_files(&content(&t)).into_iter().map(|(_, b)| b));
    check(Target {
        name: "content_files",
        seeds: bytes(seeds),
        run: |s| {
            [
                content_outcome(parse_file::<NewsItem>(s)),
                content_outcome(parse_file::<Document>(s)),
                content_outcome(parse_file::<Event>(s)),
                content_outcome(parse_file::<Topic>(s)),
                content_outcome(parse_file::<Site>(s)),
                content_outcome(parse_file::<Dataset>(s)),
            ]
            .join("|")
        },
    });
}

#[test]
fn list_indexes_and_pages() {
    let files = observatorio_publish::files::list_files(&content(&texts()));
    check(Target {
        name: "list_indexes_and_pages",
        seeds: bytes(files.into_iter().map(|(_, b)| b)),
        run: |s| {
            use observatorio_core::model::list::{parse_index, EventIndex};
            [
                outcome(parse_index("lists/news.json", s).map_err(|e| e.detail(observatorio_core::lang::Lang::En))),
                outcome(
                    EventIndex::parse("lists/events.json", s).map_err(|e| e.detail(observatorio_core::lang::Lang::En)),
                ),
                content_outcome(parse_file::<NewsItem>(s)),
                content_outcome(parse_file::<Event>(s)),
            ]
            .join("|")
        },
    });
}

#[test]
fn search_index_parts() {
    let files = observatorio_publish::files::search(&content(&texts()), Vec::new());
    check(Target {
        name: "search_index_parts",
        seeds: bytes(files.into_iter().map(|(_, b)| b)),
        run: |s| {
            use observatorio_core::search::ship::{ChunkFile, DocFile, FacetsFile, IndexFile, SuggestFile, VocabFile};
            use observatorio_core::search::{engine::Query, Index};
            let index: Result<IndexFile, _> = serde_json::from_str(s);
            let mut out = vec![outcome(index.as_ref().map(|_| ()))];
            // Each kind of part, read and added to an index as the browser does, then searched.
            let mut ix = match index {
                Ok(f) => Index::new(f).unwrap_or_default(),
                Err(_) => Index::default(),
            };
            match serde_json::from_str::<FacetsFile>(s) {
                Ok(f) => out.push(outcome(ix.add_facets(f))),
                Err(e) => out.push(outcome::<(), _>(Err(e))),
            }
            if let Ok(f) = serde_json::from_str::<ChunkFile>(s) {
                ix.add_chunk(0, f);
                out.push("chunk".into());
            }
            if let Ok(f) = serde_json::from_str::<VocabFile>(s) {
                ix.add_vocab("co", f);
                out.push("vocab".into());
            }
            if let Ok(f) = serde_json::from_str::<DocFile>(s) {
                ix.add_doc(0, f);
                out.push("doc".into());
            }
            out.push(outcome(serde_json::from_str::<SuggestFile>(s).map(|_| ())));
            for q in ["compras", "co", "lima 2019"] {
                let hits = ix.top(&Query::parse(q, false), 5);
                out.push(format!("{}", hits.map_or(0, |h| h.len())));
            }
            out.join("|")
        },
    });
}

/// Every `.json`/`.jsonl` file under the bundled OCDS samples (cut to `SEED_CAP`).
fn ocds_seeds() -> Vec<String> {
    let mut paths = Vec::new();
    observatorio_publish::files::ocds_files(&root().join("public/ocds"), &mut paths);
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

#[test]
fn ocds_packages_records_releases_and_lines() {
    check(Target {
        name: "ocds_files",
        seeds: bytes(ocds_seeds()),
        run: |s| {
            let read = observatorio_core::ocds::read::read("fuzz.json", s);
            format!("{:?}", read.problems.len().min(5))
        },
    });
}

#[test]
fn ocds_digests_and_manifest() {
    let files = observatorio_publish::files::ocds(&root().join("public/ocds")).files;
    // The bundled data's profiles are published, and seed the fuzzing of their reader.
    assert!(files.iter().any(|(f, _)| f.starts_with("ocds/profiles/buyer-")), "no profiles published");
    let mut seeds: Vec<String> = files.into_iter().map(|(_, b)| b).collect();
    seeds.push(std::fs::read_to_string(root().join("public/ocds/sources.json")).unwrap());
    check(Target {
        name: "ocds_digests_and_manifest",
        seeds: bytes(seeds),
        run: |s| {
            use observatorio_core::ocds::digest::{Details, Digest, Manifest};
            let (m, problems) = Manifest::parse(s);
            [
                format!("{} {}", m.sources.len().min(3), problems.len().min(3)),
                outcome(Digest::parse("d.json", s).map(|_| ())),
                outcome(Details::parse("p.json", s).map(|_| ())),
                outcome(observatorio_core::ocds::profile::Shard::parse("s.json", s).map(|_| ())),
            ]
            .join("|")
        },
    });
}

#[test]
fn url_query_strings_and_paths() {
    let seeds = [
        "?country=CO&year=2019&topic=integration",
        "?q=compras+p%C3%BAblicas&kind=news&country=PE",
        "?view=month&month=2027-03",
        "?day=2027-03-04&zone=America%2FBogota",
        "/es/news/observatory-launch?x=1#top",
        "/en/indicators/co?list=buyers&page=3",
        "?country=XX&year=abcd&&=&%",
        "/obs/es/search?q=%E2%80%AE",
    ];
    check(Target {
        name: "url_query_strings_and_paths",
        seeds: bytes(seeds.iter().map(|s| s.to_string())),
        run: |s| {
            use observatorio_core::filter::*;
            use observatorio_core::routes::*;
            let pairs = parse_query(s);
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let _ = NewsFilter::from_query(borrowed.iter().copied());
            let _ = DocFilter::from_query(borrowed.iter().copied());
            let _ = EventFilter::from_query(borrowed.iter().copied());
            let _ = strip_base(s, "/obs/");
            let _ = lang_of_path(s);
            let _ = switch_lang(s, observatorio_core::lang::Lang::En);
            let _ = with_query(s, &pairs, &[("page", Some("2".into())), ("country", None)]);
            let _ = observatorio_core::calendar::month::parse_day(s);
            let _ = observatorio_core::calendar::month::Month::parse(s);
            let _ = observatorio_core::search::engine::Query::parse(s, true);
            let _ = observatorio_core::search::engine::parse_contracting_id(s);
            format!("{}", pairs.len().min(4))
        },
    });
}

#[test]
fn widget_options() {
    let seeds = [
        "?country=CL&n=3&theme=dark&accent=%230b3a6e&compact=1",
        "?area=integration&n=10&theme=light",
        "?accent=red;}</style>&n=100000",
    ];
    check(Target {
        name: "widget_options",
        seeds: bytes(seeds.iter().map(|s| s.to_string())),
        run: |s| {
            use observatorio_core::widget::{Kind, Options};
            let pairs = observatorio_core::routes::parse_query(s);
            let mut n = 0;
            for kind in [Kind::News, Kind::Events, Kind::Search, Kind::Chart] {
                for lang in observatorio_core::lang::Lang::ALL {
                    n += Options::from_query(kind, lang, &pairs).1.len();
                }
            }
            format!("{}", n.min(5))
        },
    });
}

#[test]
fn stored_drafts() {
    use observatorio_core::calendar::participate::Draft;
    let d = Draft { name: "Ana".into(), email: "ana@example.cl".into(), message: "Propongo hablar de pymes.".into() };
    check(Target {
        name: "stored_drafts",
        seeds: bytes([d.store(), Draft::default().store()]),
        run: |s| {
            let d = Draft::restore(s);
            format!("{} {}", d.is_empty(), d.validate().is_ok())
        },
    });
}

/// The harness itself finds what it is there to find: a panic, a slow input, an allocation past
/// the cap, each reached only through mutation (no seed has them).
#[test]
fn the_harness_catches_panics_slowness_and_allocations() {
    let t = |name, run| Target { name, seeds: bytes(["{\"a\": [1, 2]}".to_string()]), run };
    let panics = fuzz(
        &t("self_test_panic", |s| if s.contains("null") { panic!("found") } else { s.len().to_string() }),
        20_000,
        1,
    );
    assert!(!panics.crashes.is_empty());
    let slow = fuzz(
        &t("self_test_slow", |s| {
            if s.contains("true") {
                std::thread::sleep(TIME_CAP + Duration::from_millis(10));
            }
            s.len().to_string()
        }),
        20_000,
        2,
    );
    assert!(slow.crashes.iter().any(|c| c.to_string_lossy().contains("-slow-")));
    let big = fuzz(
        &t("self_test_alloc", |s| {
            if s.contains("false") {
                std::hint::black_box(vec![1u8; ALLOC_CAP + 1]).len().to_string()
            } else {
                s.len().to_string()
            }
        }),
        20_000,
        3,
    );
    assert!(big.crashes.iter().any(|c| c.to_string_lossy().contains("-alloc-")));
    for c in panics.crashes.iter().chain(&slow.crashes).chain(&big.crashes) {
        let _ = std::fs::remove_file(c);
    }
}

/// Inputs that once failed a target, kept as named tests (none found so far: see BENCHMARKS.md).
mod regressions {}
