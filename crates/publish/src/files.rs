//! The publishing step, run when the site is built: files derived from the checked content
//! (`input::Content`, parsed once) and the configuration (`input::Config`).
//! - The home page's digest: the few items the home page shows, in the same format as the full
//!   files (so the browser reads them with the same code), so the first view downloads a fixed,
//!   small amount whatever the size of the archive.
//! - Calendar files (RFC 5545): one per event and subscribable feeds, all events and per member
//!   country, in both languages, converted to UTC with the tz database.
//! - News feeds (RSS and Atom, all and per member country), sitemap.xml and robots.txt.
//! - A static HTML file per shareable URL with its link-preview tags (see `prerender`).
//! - The embeddable widgets' pages and oEmbed descriptions (see `widget::page`).
//! - One file per news item, document and event, for their pages.
//! - The search index, in parts (see `search::ship`).

use crate::input::{Config, Content, InContent};
use observatorio_core::model::{ContentFile, Dataset, Event, NewsItem, Site, Topic};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// How many items of each kind the home page shows (see pages/home.rs).
pub const HOME_NEWS: usize = 3;
/// Upcoming events kept, and recent past ones, around the build date (one more of each than the
/// home page shows, so a digest a day old still fills the page).
pub const HOME_UPCOMING: usize = 4;
pub const HOME_RECENT: usize = 3;
/// Key figures on the home page (the first highlight of each of the first datasets that have one).
pub const HOME_FIGURES: usize = 4;

/// Keeps the raw items whose id is in `ids`, in the order of `ids`, each passed through `trim`.
fn pick(raw: &Value, key: &str, ids: &[String], trim: impl Fn(&mut Map<String, Value>)) -> Value {
    let list = raw.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let by_id: HashMap<String, Value> =
        list.into_iter().filter_map(|v| Some((v.get("id")?.as_str()?.to_string(), v))).collect();
    let items: Vec<Value> = ids
        .iter()
        .filter_map(|id| by_id.get(id).cloned())
        .map(|mut v| {
            if let Value::Object(m) = &mut v {
                trim(m);
            }
            v
        })
        .collect();
    json!({ "format": observatorio_core::model::FORMAT_VERSION, key: items })
}

/// The first paragraph of each language of a paragraphs field.
fn first_paragraph(m: &mut Map<String, Value>, field: &str) {
    if let Some(Value::Object(blocks)) = m.get_mut(field) {
        for v in blocks.values_mut() {
            if let Value::Array(a) = v {
                a.truncate(1);
            }
        }
    }
}

fn ids<T: ContentFile>(items: &[T]) -> Vec<String> {
    items.iter().map(|i| i.id().to_string()).collect()
}

/// The home digest: (file name, JSON text) for `content/home/`. Files that cannot be read are
/// left out, and the browser then falls back to the full file (and its error message).
pub fn home_digest(c: &Content, cfg: &Config) -> Vec<(String, String)> {
    let today = cfg.today;
    let mut out = Vec::new();
    let raw = |name: &str| c.json(name).cloned();
    let mut emit = |name: &str, v: Value| out.push((name.to_string(), v.to_string()));

    if let (Ok(site), Some(mut r)) = (&c.site, raw(Site::FILE)) {
        if !site.items.is_empty() {
            if let Some(Value::Object(m)) = r.get_mut("site") {
                first_paragraph(m, "about");
                // The official pages are read on their own routes, from the full file.
                m.remove("pages");
            }
            emit(Site::FILE, r);
        }
    }
    if let (Ok(news), Some(r)) = (&c.news, raw(NewsItem::FILE)) {
        let keep = ids(&news.items[..news.items.len().min(HOME_NEWS)]);
        // Home cards show the summary, never the article: the body (required by the format)
        // is reduced to an ellipsis.
        emit(
            NewsItem::FILE,
            pick(&r, "news", &keep, |m| {
                m.insert("body".into(), json!({ "es": ["…"], "en": ["…"] }));
                m.remove("links");
            }),
        );
    }
    if let (Ok(events), Some(r)) = (&c.events, raw(Event::FILE)) {
        let upcoming = events.items.iter().filter(|e| !e.is_past(today)).take(HOME_UPCOMING);
        let past: Vec<&Event> = events.items.iter().filter(|e| e.is_past(today)).collect();
        let recent = past.iter().rev().take(HOME_RECENT).rev().copied();
        // Chronological, as in the full file.
        let mut keep: Vec<&Event> = recent.chain(upcoming).collect();
        keep.sort_by_key(|e| e.start);
        let keep: Vec<String> = keep.iter().map(|e| e.id.clone()).collect();
        emit(
            Event::FILE,
            pick(&r, "events", &keep, |m| {
                m.remove("body");
                m.remove("how_to_take_part");
            }),
        );
    }
    if let (Ok(data), Some(r)) = (&c.datasets, raw(Dataset::FILE)) {
        let keep: Vec<String> =
            data.items.iter().filter(|d| !d.highlights.is_empty()).take(HOME_FIGURES).map(|d| d.id.clone()).collect();
        emit(
            Dataset::FILE,
            pick(&r, "datasets", &keep, |m| {
                // The home page shows only the first highlight; one row keeps the file valid.
                for field in ["rows", "highlights"] {
                    if let Some(Value::Array(list)) = m.get_mut(field) {
                        list.truncate(1);
                    }
                }
                m.remove("notes");
            }),
        );
    }
    if let (Ok(topics), Some(r)) = (&c.topics, raw(Topic::FILE)) {
        emit(
            Topic::FILE,
            pick(&r, "topics", &ids(&topics.items), |m| {
                m.remove("description");
            }),
        );
    }
    out
}

/// Calendar files: (path relative to the site root, iCalendar text). `site_url` is the public
/// address of the deployed site (with its sub-folder), used for UIDs and event links; `stamp`
/// is the DTSTAMP. Member-country feeds also carry the Alliance-wide events, which concern every
/// member.
pub fn calendars(c: &Content, cfg: &Config) -> Vec<(String, String)> {
    use observatorio_core::calendar::ics::calendar;
    use observatorio_core::calendar::zones::TzDb;
    use observatorio_core::lang::Lang;
    use observatorio_core::model::Country;
    use observatorio_core::published::{event_calendar, events_calendar};
    let Ok(events) = &c.events else {
        return Vec::new();
    };
    let (site_url, stamp) = (cfg.site.as_str(), cfg.stamp());
    let mut out = Vec::new();
    for lang in [Lang::Es, Lang::En] {
        let t = lang.t();
        let name = |suffix: &str| format!("{} — {}{suffix}", t.site_name, t.events);
        out.push((events_calendar(lang, None), calendar(&name(""), &events.items, lang, &TzDb, site_url, stamp)));
        for c in Country::ALL.iter().copied().filter(|c| *c != Country::Ap) {
            let feed = events.items.iter().filter(|e| e.country == c || e.country == Country::Ap);
            let title = calendar(&name(&format!(" ({})", t.country(c))), feed, lang, &TzDb, site_url, stamp);
            out.push((events_calendar(lang, Some(c)), title));
        }
        for e in &events.items {
            out.push((event_calendar(lang, &e.id), calendar(e.title.get(lang), [e], lang, &TzDb, site_url, stamp)));
        }
    }
    out
}

/// The comment form services the events name (their endpoints), for the security policy.
pub fn form_services(c: &Content) -> Vec<String> {
    c.items::<Event>().iter().filter_map(|e| e.participation.form.as_ref().map(|f| f.as_str().to_string())).collect()
}

/// News feeds, sitemap and robots.txt: (path relative to the site root, text). A file that
/// cannot be read contributes nothing (the checker reports it).
pub fn site_files(c: &Content, cfg: &Config) -> Vec<(String, String)> {
    use crate::feeds::{atom, feed_items, robots, rss, sitemaps, Pages};
    use observatorio_core::lang::Lang;
    use observatorio_core::model::{Country, Document};
    use observatorio_core::published::news_feed as feed_path;
    let (news, site_url) = (c.items::<NewsItem>(), cfg.site.as_str());
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for country in std::iter::once(None).chain(Country::ALL.iter().copied().filter(|c| *c != Country::Ap).map(Some))
        {
            let list = feed_items(news, country);
            out.push((feed_path(lang, country, false), rss(&list, lang, country, site_url)));
            out.push((feed_path(lang, country, true), atom(&list, lang, country, site_url)));
        }
    }
    let pages = Pages {
        topics: c.items::<Topic>(),
        news,
        documents: c.items::<Document>(),
        events: c.items::<Event>(),
        datasets: c.items::<Dataset>(),
    };
    out.extend(sitemaps(&pages.list(), site_url));
    out.push(("robots.txt".into(), robots(site_url)));
    out
}

/// The embeddable widgets' static pages and their oEmbed descriptions (see `widget::page`).
pub fn widgets(c: &Content, cfg: &Config) -> Vec<(String, String)> {
    let w = crate::widget_page::Content {
        topics: c.items::<Topic>(),
        news: c.items::<NewsItem>(),
        events: c.items::<Event>(),
        datasets: c.items::<Dataset>(),
    };
    crate::widget_page::all(&w, cfg.today, cfg.site.as_str())
}

/// One file per news item, document and event (`content/items/<kind>/<id>.json`, in the format
/// of the full file with that one item), so an item's page (where shared links land) downloads
/// its item and not the archive. Items without a valid id are left to the full file.
pub fn item_files(c: &Content) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for key in ["news", "documents", "events"] {
        let Some(raw) = c.json(&format!("{key}.json")) else {
            continue;
        };
        for item in raw.get(key).and_then(Value::as_array).into_iter().flatten() {
            let Some(id) =
                item.get("id").and_then(Value::as_str).filter(|id| observatorio_core::model::is_valid_id(id))
            else {
                continue;
            };
            let body = json!({ "format": observatorio_core::model::FORMAT_VERSION, key: [item] });
            out.push((observatorio_core::published::item_file(&format!("{key}.json"), id), body.to_string()));
        }
    }
    out
}

/// The news, document and event lists in pages (see `model::list`): an index of what their
/// filters (and the events' month grid) read, and page files of the items in the list's order
/// (checked items only, as the app shows them).
pub fn list_files(c: &Content) -> Vec<(String, String)> {
    let topics: Vec<String> = c.items::<Topic>().iter().map(|t| t.id.clone()).collect();
    let mut out = Vec::new();
    list_of::<NewsItem>(c, &topics, &mut out);
    list_of::<observatorio_core::model::Document>(c, &topics, &mut out);
    list_of::<observatorio_core::model::Event>(c, &topics, &mut out);
    out
}

fn list_of<T: observatorio_core::model::list::Listed + InContent>(
    c: &Content,
    topics: &[String],
    out: &mut Vec<(String, String)>,
) {
    use observatorio_core::model::list::LIST_FILE_PAGE;
    let (Ok(loaded), Some(raw)) = (T::of(c), c.json(T::FILE)) else { return };
    // The raw items by id, to write each checked item as the editor wrote it.
    let by_id: HashMap<&str, &Value> = raw
        .get(T::KEY)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| Some((v.get("id")?.as_str()?, v)))
        .collect();
    let kept: Vec<&Value> = loaded.items.iter().filter_map(|it| by_id.get(it.id()).copied()).collect();
    if kept.len() != loaded.items.len() {
        return; // positions would not hold: the app reads the full file
    }
    let key = T::KEY;
    out.push((observatorio_core::published::list_index(key), T::index_json(&loaded.items, topics)));
    for (n, page) in kept.chunks(LIST_FILE_PAGE).enumerate() {
        let body = json!({ "format": observatorio_core::model::FORMAT_VERSION, key: page });
        out.push((observatorio_core::published::list_page(key, n), body.to_string()));
    }
}

/// The tools' pages as search documents (what each is for, in both languages).
fn tool_docs() -> Vec<observatorio_core::search::Doc> {
    use observatorio_core::lang::Lang;
    use observatorio_core::model::Text;
    let both = |f: &dyn Fn(Lang) -> String| Text { es: f(Lang::Es), en: Some(f(Lang::En)) };
    let tool = |id: &str, title: Text, summary: Text, body: Text| observatorio_core::search::Doc {
        kind: observatorio_core::search::Kind::Tool,
        id: id.to_string(),
        title,
        summary,
        body,
        date: None,
        country: None,
        topics: Vec::new(),
        sample: false,
    };
    vec![
        tool(
            "indicators",
            both(&|l| l.o().title.into()),
            both(&|l| l.o().intro.into()),
            both(&|l| format!("OCDS {} {} R003 R018 HHI", l.o().comparison, l.o().series_title)),
        ),
        tool(
            "data",
            both(&|l| l.t().data.into()),
            both(&|l| l.t().intro_description.into()),
            both(&|l| format!("{} CSV JSON", l.t().indicators)),
        ),
        tool(
            "embed",
            both(&|l| l.t().embed.into()),
            both(&|l| l.w().embed_intro.into()),
            both(&|_| "widget iframe oEmbed".into()),
        ),
    ]
}

/// The search index, in the parts a browser fetches as queries need them (see `search::ship`).
/// A file that cannot be read contributes nothing (the checker reports it).
pub fn search(c: &Content, extra: Vec<observatorio_core::search::Doc>) -> Vec<(String, String)> {
    use observatorio_core::lang::Lang;
    use observatorio_core::model::Document;
    let (topics, news, documents) = (c.items::<Topic>(), c.items::<NewsItem>(), c.items::<Document>());
    let (events, datasets) = (c.items::<Event>(), c.items::<Dataset>());
    let mut docs = observatorio_core::search::engine::docs_of(news, documents, events, topics, datasets);
    docs.extend(tool_docs());
    docs.extend(extra);
    let shipped = observatorio_core::search::ship::ship_with(docs, &c.synonyms);
    let suggest: Vec<_> = match observatorio_core::search::Index::from_shipped(&shipped) {
        Ok(ix) => Lang::ALL
            .iter()
            .map(|l| {
                let (first, per_initial) = ix.suggest_files(*l);
                (*l, first, per_initial)
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    shipped.files(&suggest)
}

/// Pre-rendered pages for link previews: (path, HTML), and how many pages were left to the
/// app's 404.html fallback because of `limit` (pages per language, list pages first, then the
/// newest items). `template` is the built index.html.
pub fn prerendered(
    c: &Content,
    cfg: &Config,
    template: &str,
    chunks: &std::collections::BTreeMap<String, Vec<String>>,
    profiles: Option<&observatorio_core::ocds::profile::Published>,
) -> (Vec<(String, String)>, usize) {
    let (today, site_url, limit) = (cfg.today, cfg.site.as_str(), cfg.prerender_limit);
    use crate::prerender::{file_path, pages, render};
    use observatorio_core::lang::Lang;
    // The pages' list and their first views read the same items, parsed once.
    let preset = observatorio::api::Preset {
        site: c.site.clone(),
        topics: c.topics.clone(),
        news: c.news.clone(),
        documents: c.documents.clone(),
        events: c.events.clone(),
        datasets: c.datasets.clone(),
    };
    let base = crate::prerender::template_base(template);
    let origin = cfg.site.origin().unwrap_or("");
    let mut out = Vec::new();
    let mut skipped = 0;
    for lang in Lang::ALL {
        let all = pages(lang, c.items(), c.items(), c.items(), c.items(), c.items());
        skipped += all.len().saturating_sub(limit);
        for meta in all.iter().take(limit) {
            let view = crate::prerender::drawn_by_app(&meta.page).then(|| {
                observatorio::app::render_first_view(origin, &base, &meta.page.path(lang), preset.clone(), today)
            });
            let view = view.as_deref().map(|v| (v, today));
            let preloads = crate::prerender::preloads(&meta.page, chunks);
            if let Some(html) = render(template, lang, meta, site_url, lang.t().site_name, view, &preloads) {
                let html = match (&meta.page, profiles) {
                    (observatorio_core::routes::Page::Indicators(_), Some(p)) => {
                        crate::bundle::with_profiles(&html, p, &crate::prerender::profile_preloads(chunks))
                    }
                    _ => html,
                };
                out.push((file_path(lang, &meta.page), html));
            }
        }
    }
    (out, skipped)
}

/// OCDS data: each source whose manifest names a local folder is read with the same code as
/// the browser's and written as a compact digest (`ocds/digest/<id>.json`); the manifest the
/// browser reads (`ocds/manifest.json`) lists every source with its digest or its URLs.
/// `ocds_dir` holds `sources.json` and the folders, and is served as `ocds/` (the build copies it),
/// so each process links to its file.
pub fn ocds(ocds_dir: &std::path::Path) -> Ocds {
    use observatorio_core::ocds::digest::{Digest, Manifest};
    let Ok(text) = std::fs::read_to_string(ocds_dir.join("sources.json")) else {
        return Ocds {
            problems: vec![format!("{}: no sources.json; no OCDS data published", ocds_dir.display())],
            ..Ocds::default()
        };
    };
    let (mut manifest, mut problems) = Manifest::parse(&text);
    let mut out = Vec::new();
    let mut docs = Vec::new();
    // Every bundled process with its member, for the comparison published as a widget.
    let mut all = Vec::new();
    let mut members = Vec::new();
    let mut credits: Vec<String> = Vec::new();
    for s in &mut manifest.sources {
        let Some(folder) = s.folder.take() else { continue };
        let mut paths = Vec::new();
        ocds_files(&ocds_dir.join(&folder), &mut paths);
        paths.sort();
        if paths.is_empty() {
            problems.push(format!("sources.json: source \"{}\": no .json or .jsonl files under {folder}", s.id));
        }
        let mut files = Vec::new();
        let mut texts = Vec::new();
        for p in &paths {
            let rel = p.strip_prefix(ocds_dir).unwrap_or(p).to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(p) {
                Ok(t) => texts.push(t),
                Err(e) => {
                    problems.push(format!("ocds/{rel}: cannot be read ({e})"));
                    texts.push(String::new());
                }
            }
            files.push(format!("ocds/{rel}"));
        }
        let observatorio_core::ocds::Loaded { processes, problems: file_problems, published } =
            observatorio_core::ocds::load_dated(files.iter().zip(&texts).map(|(n, t)| (n.as_str(), t.as_str())));
        if s.published.is_none() {
            s.published = published;
        }
        let in_processes = docs
            .iter()
            .filter(|d: &&observatorio_core::search::Doc| {
                use observatorio_core::search::engine::{parse_contracting_id, Subject};
                matches!(parse_contracting_id(&d.id), Some((_, Subject::Process, _)))
            })
            .count();
        let in_parties = docs.len() - in_processes;
        docs.extend(contracting_docs(
            s,
            &processes,
            SEARCH_PROCESSES.saturating_sub(in_processes),
            SEARCH_PARTIES.saturating_sub(in_parties),
        ));
        let mut digest = Digest::encode(&s.id, s.sample, files, file_problems, &processes);
        // Ocids and titles apart: only a list of processes needs them.
        let details = observatorio_core::ocds::digest::Details::take(&mut digest.processes);
        let (path, details_path) =
            (observatorio_core::published::ocds::digest(&s.id), observatorio_core::published::ocds::details(&s.id));
        out.push((path.clone(), serde_json::to_string(&digest).unwrap_or_default()));
        out.push((details_path.clone(), serde_json::to_string(&details).unwrap_or_default()));
        s.digest = Some(path);
        s.details = Some(details_path);
        if let Some(c) = observatorio_core::model::Country::parse(&s.country) {
            members.extend(std::iter::repeat_n(c, processes.len()));
            all.extend(processes);
            let credit = match &s.licence {
                Some(l) => format!("{} ({l})", s.publisher),
                None => s.publisher.clone(),
            };
            if !credits.contains(&credit) {
                credits.push(credit);
            }
        }
    }
    // Every profile, in small files, when the publishing step has every source's processes (a
    // source read from the web in the browser would be missing from them).
    if !all.is_empty() && manifest.sources.iter().all(|s| s.digest.is_some()) {
        use observatorio_core::ocds::profile::{all_profiles, Shard};
        let days = observatorio_core::ocds::report::Filter::default().days();
        let (published, files) = Shard::write(all_profiles(&all, &members, days), days);
        out.extend(files);
        manifest.profiles = Some(published);
    }
    let profiles = manifest.profiles.clone();
    out.push((
        observatorio_core::published::ocds::MANIFEST.into(),
        serde_json::to_string(&manifest).unwrap_or_default(),
    ));
    let source = observatorio_core::model::Text { es: credits.join("; "), en: None };
    let comparison = observatorio_core::ocds::tables::published_comparison(&all, &members, source, Vec::new());
    Ocds { files: out, problems, docs, comparison, profiles }
}

/// What the publishing step makes of the OCDS data.
#[derive(Default)]
pub struct Ocds {
    /// Digests, details and the browser's manifest: (path, text).
    pub files: Vec<(String, String)>,
    pub problems: Vec<String>,
    /// Processes, buyers and suppliers for the site's search.
    pub docs: Vec<observatorio_core::search::Doc>,
    /// The members side by side over every bundled process (joins the datasets, see
    /// `Content::with_dataset`).
    pub comparison: Option<observatorio_core::model::Dataset>,
    /// The profiles published (the indicators pages preload a shared link's file).
    pub profiles: Option<observatorio_core::ocds::profile::Published>,
}

/// Processes, and buyers and suppliers (those with most processes first), the search indexes
/// per build: the generated benchmark's 100,000 processes made a 154 MB index of 37,742 files
/// with no cap on parties and 20,000 processes; the bundled data is far below both.
pub const SEARCH_PROCESSES: usize = 2_000;
pub const SEARCH_PARTIES: usize = 3_000;

/// A source's processes (up to `max`), buyers and suppliers as search documents: "licitación",
/// a buyer's name or an ocid finds them.
pub fn contracting_docs(
    s: &observatorio_core::ocds::digest::Source,
    ps: &[observatorio_core::ocds::process::Process],
    max: usize,
    max_parties: usize,
) -> Vec<observatorio_core::search::Doc> {
    use observatorio_core::model::Text;
    use observatorio_core::search::engine::{contracting_id, Subject};
    use observatorio_core::search::{Doc, Kind};
    let Some(country) = observatorio_core::model::Country::parse(&s.country) else { return Vec::new() };
    let slug = observatorio_core::ocds::report::country_slug(country);
    let both = |es: String, en: String| Text { es, en: Some(en) };
    let doc = |subject, key: &str, title: Text, summary: Text, body: Text, date| Doc {
        kind: Kind::Contracting,
        id: contracting_id(slug, subject, key),
        title,
        summary,
        body,
        date,
        country: Some(country),
        topics: Vec::new(),
        sample: s.sample,
    };
    let mut out = Vec::new();
    // Buyers and suppliers once each, with their processes counted.
    let mut parties: Vec<(Subject, String, String, usize)> = Vec::new();
    let mut add = |subject, key: &str, name: &str| match parties.iter_mut().find(|p| p.0 == subject && p.1 == key) {
        Some(p) => p.3 += 1,
        None => parties.push((subject, key.to_string(), name.to_string(), 1)),
    };
    for (i, p) in ps.iter().enumerate() {
        if let Some(b) = &p.buyer {
            add(Subject::Buyer, b, p.buyer_name.as_deref().unwrap_or(b));
        }
        for k in p.suppliers() {
            add(Subject::Supplier, k, p.supplier_name(k));
        }
        if i >= max {
            continue;
        }
        let title = p.title.clone().unwrap_or_else(|| p.ocid.clone());
        let buyer = p.buyer_name.clone().or_else(|| p.buyer.clone()).unwrap_or_default();
        let method = |l: observatorio_core::lang::Lang| {
            let m = l.o().method(p.method);
            p.method_details.as_ref().map_or(m.to_string(), |d| format!("{m} ({d})"))
        };
        let summary = both(
            format!("{buyer} · {}", method(observatorio_core::lang::Lang::Es)),
            format!("{buyer} · {}", method(observatorio_core::lang::Lang::En)),
        );
        let suppliers: Vec<&str> = p.suppliers().into_iter().map(|k| p.supplier_name(k)).collect();
        let text = format!("{}\n{}\n{}", p.ocid, p.tender_id.clone().unwrap_or_default(), suppliers.join("\n"));
        let date = p.tender_start.and_then(|t| chrono::DateTime::from_timestamp(t, 0)).map(|d| d.date_naive());
        out.push(doc(
            Subject::Process,
            &p.ocid,
            Text { es: title, en: None },
            summary,
            Text { es: text, en: None },
            date,
        ));
    }
    parties.sort_by_key(|p| std::cmp::Reverse(p.3));
    parties.truncate(max_parties);
    for (subject, key, name, n) in parties {
        let (es, en) = match subject {
            Subject::Buyer => ("Comprador", "Buyer"),
            _ => ("Proveedor", "Supplier"),
        };
        let summary =
            both(format!("{es} · {n} procesos · {}", s.publisher), format!("{en} · {n} processes · {}", s.publisher));
        out.push(doc(subject, &key, Text { es: name, en: None }, summary, Text { es: key.clone(), en: None }, None));
    }
    out
}

/// Every .json / .jsonl file under `dir`, recursively.
pub fn ocds_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            ocds_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json" || x == "jsonl") {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use observatorio_core::model::parse_file;

    fn content(texts: &HashMap<String, String>) -> Content {
        Content::from_texts(texts.clone())
    }

    fn config(site: &str, today: NaiveDate) -> Config {
        Config::new(site, today)
    }

    #[test]
    fn processes_buyers_and_suppliers_become_search_documents_within_caps() {
        let ps: Vec<observatorio_core::ocds::process::Process> = [
            serde_json::json!({"ocid":"ocds-a-1","buyer":{"id":"B1","name":"Hospital"},"tender":{"title":"Sillas","procurementMethodDetails":"Licitación Pública"},
                "awards":[{"suppliers":[{"id":"S1","name":"Sur"}]}]}),
            serde_json::json!({"ocid":"ocds-a-2","buyer":{"id":"B1","name":"Hospital"},"awards":[{"suppliers":[{"id":"S2","name":"Norte"}]}]}),
        ]
        .iter()
        .filter_map(observatorio_core::ocds::process::Process::from_release)
        .collect();
        let s = observatorio_core::ocds::digest::Source {
            country: "PE".into(),
            publisher: "OECE".into(),
            ..Default::default()
        };
        let docs = contracting_docs(&s, &ps, 10, 10);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["peru/process/ocds-a-1", "peru/process/ocds-a-2", "peru/buyer/B1", "peru/supplier/S1", "peru/supplier/S2"]
        );
        assert!(docs[0].summary.es.contains("Licitación Pública") && docs[0].summary.es.starts_with("Hospital"));
        assert_eq!(docs[2].summary.es, "Comprador · 2 procesos · OECE");
        // Caps: one process, and the party with most processes.
        let few = contracting_docs(&s, &ps, 1, 1);
        assert_eq!(few.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["peru/process/ocds-a-1", "peru/buyer/B1"]);
        let doc_path = |id: &str| {
            observatorio_core::search::engine::parse_contracting_id(id).map(|(m, _, k)| (m.to_string(), k.to_string()))
        };
        assert_eq!(doc_path("peru/supplier/PE-RUC-1"), Some(("peru".into(), "PE-RUC-1".into())));
        assert_eq!(doc_path("peru/nothing/x"), None);
    }

    fn bundled() -> HashMap<String, String> {
        ["site.json", "topics.json", "news.json", "documents.json", "events.json", "datasets.json"]
            .iter()
            .map(|f| {
                (
                    f.to_string(),
                    std::fs::read_to_string(
                        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content").join(f),
                    )
                    .unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn each_item_has_a_file_with_that_item_only() {
        let mut texts = bundled();
        let out: HashMap<String, String> = item_files(&content(&texts)).into_iter().collect();
        let news = parse_file::<NewsItem>(&texts["news.json"]).unwrap().items;
        let docs = parse_file::<observatorio_core::model::Document>(&texts["documents.json"]).unwrap().items;
        let events = parse_file::<Event>(&texts["events.json"]).unwrap().items;
        assert_eq!(out.len(), news.len() + docs.len() + events.len());
        // Read with the app's own code, each file is exactly its item.
        for n in &news {
            let one = parse_file::<NewsItem>(&out[&format!("content/items/news/{}.json", n.id)]).unwrap();
            assert!(one.problems.is_empty());
            assert_eq!(one.items, std::slice::from_ref(n));
        }
        let e = &events[0];
        assert_eq!(
            parse_file::<Event>(&out[&format!("content/items/events/{}.json", e.id)]).unwrap().items,
            std::slice::from_ref(e)
        );
        // An id that could not be a file name (the checker reports it) gets no file.
        texts.insert("news.json".into(), r#"{"format":1,"news":[{"id":"../x"},{"id":"ok-1"}]}"#.into());
        texts.remove("documents.json");
        texts.remove("events.json");
        let paths: Vec<String> = item_files(&content(&texts)).into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ["content/items/news/ok-1.json"]);
    }

    #[test]
    fn the_digest_is_valid_content_and_small() {
        let texts = bundled();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let out: HashMap<String, String> =
            home_digest(&content(&texts), &config("https://ejemplo.org/", today)).into_iter().collect();
        assert_eq!(out.len(), 5);
        let news = parse_file::<NewsItem>(&out["news.json"]).unwrap();
        assert!(news.problems.is_empty());
        assert_eq!(
            news.items.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["observatory-launch", "digital-security-workshop", "promotion-strategy-2022"]
        );
        assert!(news.items.iter().all(|n| n.body.es == ["…"] && n.links.is_empty()));
        let events = parse_file::<Event>(&out["events.json"]).unwrap();
        let ids: Vec<&str> = events.items.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "xvii-summit-oaxaca-2022",
                "digital-security-workshop-2023",
                "observatory-launch-2023",
                "sample-webinar-selling-to-government-2027",
                "sample-sustainable-procurement-forum-2027"
            ]
        );
        // Past events keep their recordings for the home cards.
        assert_eq!(events.items[1].links.len(), 2);
        let data = parse_file::<Dataset>(&out["datasets.json"]).unwrap();
        assert!(data.items.iter().all(|d| d.highlights.len() == 1 && d.rows.len() == 1));
        assert_eq!(data.items.len(), HOME_FIGURES);
        assert!(parse_file::<Topic>(&out["topics.json"]).unwrap().items.len() >= 5);
        let site = parse_file::<Site>(&out["site.json"]).unwrap();
        assert_eq!(site.items[0].about.es.len(), 1);
        let full: usize = ["news.json", "events.json", "datasets.json", "topics.json", "site.json"]
            .iter()
            .map(|f| texts[*f].len())
            .sum();
        let digest: usize = out.values().map(String::len).sum();
        assert!(digest * 3 < full, "digest {digest} bytes vs {full}");
    }

    #[test]
    fn a_broken_file_is_left_out_of_the_digest() {
        let mut texts = bundled();
        texts.insert("news.json".into(), "{ not json".into());
        let out = home_digest(
            &content(&texts),
            &config("https://ejemplo.org/", NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()),
        );
        assert!(out.iter().all(|(f, _)| f != "news.json"));
        assert_eq!(out.len(), 4);
    }

    /// A minimal built index.html: the markers `prerender::render` looks for.
    fn template(base: &str) -> String {
        format!("<!doctype html><html lang=es><title>O</title><meta content=x name=description><base href={base}><script id=\"app-start\" data-preload=\"\"></script><body><div id=app><main><section class=hero id=shell-hero><h1>O</h1></section></main><noscript>js</noscript></div></body></html>")
    }

    #[test]
    fn first_views_are_rendered_by_the_app_components() {
        let texts = bundled();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let (pages, skipped) = prerendered(
            &content(&texts),
            &config("https://ejemplo.org/obs/", today),
            &template("/obs/"),
            &Default::default(),
            Some(&observatorio_core::ocds::profile::Published { days: 15.0, buyer: 2, supplier: 4 }),
        );
        assert_eq!(skipped, 0);
        let page = |path: &str| pages.iter().find(|(p, _)| p == path).map(|(_, h)| h.as_str()).unwrap();
        // The indicators pages, and only they, say where the published profiles are.
        assert!(page("es/indicators/peru/index.html")
            .contains(" data-profiles=\"15 2 4\" data-preload-profile=\"ocds/manifest.json"));
        assert!(!page("es/news/index.html").contains("data-profiles"));
        // An article: its body, topic tags and back link, inside the header and footer, with
        // links carrying the deployment base; no skeleton, so nothing to flash.
        let news: Vec<NewsItem> = content(&texts).items::<NewsItem>().to_vec();
        let launch = news.iter().find(|n| n.id == "observatory-launch").unwrap();
        let html = page("es/news/observatory-launch/index.html");
        assert!(html.contains("<div id=app data-ssr data-date=2026-11-28><a href=\"#main\" class=\"skip-link\">"));
        for text in &launch.body.es {
            let start: String = text.chars().take(30).collect();
            assert!(html.contains(&observatorio_core::markup::escape(&start)), "body paragraph missing: {start}");
        }
        assert!(html.contains("href=\"/obs/es/topics/procurement-systems\""));
        assert!(html.contains("<footer class=\"site-footer\">") && html.contains("id=\"site-search\""));
        // The brand link is the current page only on the home page.
        assert!(!html.contains("aria-current=\"page\" class=\"brand\""));
        assert!(page("es/index.html").contains("aria-current=\"page\" class=\"brand\""));
        // Under the deployment base, as the browser's router marks it.
        assert!(page("es/news/index.html").contains("<a href=\"/obs/es/news\" aria-current=\"page\">"));
        assert!(
            !html.contains("skeleton")
                && !html.contains("shell-hero")
                && html.ends_with("<noscript><p class=\"notice\">Sin JavaScript puede leer esta página y seguir sus enlaces; la búsqueda, los filtros, el calendario y los gráficos necesitan JavaScript.</p></noscript></div></body></html>")
        );
        // The home page: the three latest news, and real events first: the bundled upcoming
        // events are samples, so it says none is announced and shows the latest real ones.
        let home = page("es/index.html");
        for n in news.iter().take(3) {
            assert!(home.contains(&observatorio_core::markup::escape(n.title.get(observatorio_core::lang::Lang::Es))));
        }
        assert!(!home.contains("sample-webinar-selling-to-government-2027"));
        assert!(home.contains(observatorio_core::lang::Lang::Es.t().no_upcoming));
        assert!(home.contains("observatory-launch-2023"));
        // English pages in English; a list page with its filters and count.
        assert!(page("en/news/observatory-launch/index.html")
            .contains(&observatorio_core::markup::escape(launch.title.get(observatorio_core::lang::Lang::En))));
        assert!(page("es/news/index.html").contains(&format!("{} resultados", news.len())));
        // The indicators: their heading and explanations, placeholders for the figures the
        // browser computes.
        let indicators = page("es/indicators/index.html");
        assert!(indicators.contains("data-ssr") && indicators.contains("class=\"skeleton\""));
        assert!(indicators.contains(&observatorio_core::markup::escape(observatorio_core::lang::Lang::Es.o().title)));
        // The embed builder keeps the heading-and-summary view.
        assert!(!page("es/embed/index.html").contains("data-ssr"));
        assert!(page("es/embed/index.html").contains("id=shell-page"));
        // Every other page is drawn by the app (search results are not pre-rendered).
        let drawn = pages.iter().filter(|(_, h)| h.contains("data-ssr")).count();
        assert_eq!(drawn, pages.len() - 2);
    }

    #[test]
    fn a_missing_file_renders_its_sections_error_not_a_blank_page() {
        let mut texts = bundled();
        texts.remove("events.json");
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let (pages, _) = prerendered(
            &content(&texts),
            &config("https://ejemplo.org/", today),
            &template("/"),
            &Default::default(),
            None,
        );
        let home = &pages.iter().find(|(p, _)| p == "es/index.html").unwrap().1;
        assert!(home.contains("class=\"load-error\"") && home.contains("observatory-launch"));
    }

    #[test]
    fn lists_are_an_index_and_pages_holding_the_items_in_order() {
        use observatorio_core::model::list::{parse_index, LIST_FILE_PAGE};
        let mut texts = bundled();
        // A bigger list than the bundled one: 60 copies of the first item under new ids, and a
        // broken item, which is left out of the index and the pages alike.
        let mut raw: Value = serde_json::from_str(&texts["news.json"]).unwrap();
        let first = raw["news"][0].clone();
        let list = raw["news"].as_array_mut().unwrap();
        for i in 0..60 {
            let mut copy = first.clone();
            copy["id"] = json!(format!("copy-{i}"));
            list.push(copy);
        }
        list.push(json!({ "id": "broken", "date": "2024-02-30" }));
        texts.insert("news.json".into(), raw.to_string());
        let files: HashMap<String, String> = list_files(&content(&texts)).into_iter().collect();
        let loaded = parse_file::<NewsItem>(&texts["news.json"]).unwrap();
        let ix = parse_index("lists/news.json", &files["content/lists/news.json"]).unwrap();
        assert_eq!(ix.rows.len(), loaded.items.len());
        let pages = loaded.items.len().div_ceil(LIST_FILE_PAGE);
        let mut read = Vec::new();
        for n in 0..pages {
            let page = parse_file::<NewsItem>(&files[&format!("content/lists/news/{n}.json")]).unwrap();
            assert!(page.problems.is_empty() && page.items.len() <= LIST_FILE_PAGE);
            read.extend(page.items);
        }
        assert!(!files.contains_key(&format!("content/lists/news/{pages}.json")));
        assert_eq!(read, loaded.items, "the pages hold the list's items in its order");
        assert!(files.contains_key("content/lists/documents.json"));
    }
}
