//! The publishing step, run by the build (`scripts/build.sh`): writes the app's code and
//! index.html, and the files derived from the checked content, into the built site.
//! Usage: publish CONTENT_DIR SITE_DIR [--today YYYY-MM-DD] [--ocds OCDS_DIR]
//!        [--app APP_DIR --template index.html --css main.css [--base /sub/path/] [--worker sw.js]]
//! OCDS_DIR (default: CONTENT_DIR/../ocds) holds sources.json and the OCDS files. With `--app`,
//! the compiled code in APP_DIR is named after its content into SITE_DIR/app/ and index.html
//! (and 404.html, the static hosts' fallback: the same page) written from the template (see
//! `observatorio_publish::bundle`); every page's HTML is then made from that index.html.
//! Writes SITE_DIR/content/home/*, SITE_DIR/calendar/**.ics, SITE_DIR/feeds/**.xml,
//! SITE_DIR/sitemap.xml, SITE_DIR/robots.txt, SITE_DIR/widget/**, SITE_DIR/oembed/**, SITE_DIR/ocds/**
//! SITE_DIR/content/items/**, SITE_DIR/content/lists/** and SITE_DIR/search/**. Absolute links use the environment's SITE_URL
//! (the deployed address, sub-folder included), else site.json's "url".

fn main() -> std::process::ExitCode {
    use observatorio_core::model::PartialDate;
    use observatorio_publish::input::{Config, Content, SiteUrl};
    use std::path::PathBuf;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(src), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: publish CONTENT_DIR SITE_DIR [--today YYYY-MM-DD]");
        return std::process::ExitCode::from(2);
    };
    let today = args
        .iter()
        .position(|a| a == "--today")
        .and_then(|i| args.get(i + 1))
        .and_then(|d| PartialDate::parse(d)?.date())
        .unwrap_or_else(|| {
            let days = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() / 86_400)
                .unwrap_or(0);
            chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
                .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
                .unwrap_or_default()
        });
    // The input, read and checked once, then passed to every writer.
    let content = Content::read(&PathBuf::from(src));
    let ocds_dir = args
        .iter()
        .position(|a| a == "--ocds")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(src).join("../ocds"));
    let observatorio_publish::files::Ocds {
        files: ocds,
        problems: ocds_problems,
        docs: ocds_docs,
        mut comparison,
        profiles,
    } = observatorio_publish::files::ocds(&ocds_dir);
    // The members' procurement comparison joins the datasets, first: on the home's key figures,
    // the data page and (with its area) the procurement systems' page.
    let content = match comparison.as_mut() {
        Some(d) => {
            let area = "procurement-systems";
            if content.topics.as_ref().is_ok_and(|t| t.items.iter().any(|x| x.id == area)) {
                d.topics = vec![area.to_string()];
            }
            content.with_dataset(d)
        }
        None => content,
    };
    let site_url = std::env::var("SITE_URL").ok().filter(|u| !u.trim().is_empty()).unwrap_or_else(|| {
        content
            .json("site.json")
            .and_then(|v| v["site"]["url"].as_str().map(str::to_string))
            .unwrap_or_else(|| "https://observatorio.invalid/".into())
    });
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let cfg = Config {
        site: SiteUrl::new(&site_url),
        today,
        prerender_limit: std::env::var("PRERENDER_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000),
        base: flag("--base").unwrap_or_else(|| "/".into()),
    };
    if cfg.site.origin().is_none() {
        eprintln!("publish: the site address {site_url} is not an http(s) URL: absolute links start with it as it is");
    }
    let out = PathBuf::from(out);
    if let Some(app) = flag("--app") {
        if let Err(e) = write_app(&out, &app, flag("--template"), flag("--css"), flag("--base"), flag("--worker")) {
            eprintln!("publish: {e}");
            return std::process::ExitCode::FAILURE;
        }
    }
    let home: Vec<(String, String)> = observatorio_publish::files::home_digest(&content, &cfg)
        .into_iter()
        .map(|(name, body)| (observatorio_core::published::home_file(&name), body))
        .collect();
    // The full datasets file as the app reads it: with the computed dataset, if any.
    let datasets_file = <observatorio_core::model::Dataset as observatorio_core::model::ContentFile>::FILE;
    let home: Vec<(String, String)> = home
        .into_iter()
        .chain(
            content
                .text(datasets_file)
                .map(|t| (observatorio_core::published::content_file(datasets_file), t.to_string())),
        )
        .collect();
    let calendars = observatorio_publish::files::calendars(&content, &cfg);
    let site = observatorio_publish::files::site_files(&content, &cfg);
    // Link-preview pages, from the built index.html (absent when run on a bare folder).
    let chunks = std::fs::read_to_string(out.join(observatorio_publish::bundle::MANIFEST))
        .map(|t| observatorio_publish::bundle::splits_of_manifest(&t))
        .unwrap_or_default();
    let (pages, skipped) = match std::fs::read_to_string(out.join("index.html")) {
        Ok(template) => observatorio_publish::files::prerendered(&content, &cfg, &template, &chunks, profiles.as_ref()),
        Err(_) => (Vec::new(), 0),
    };
    let widgets = observatorio_publish::files::widgets(&content, &cfg);
    for p in &ocds_problems {
        eprintln!("publish: {p}");
    }
    let n_profiles = ocds.iter().filter(|(f, _)| f.starts_with("ocds/profiles/")).count();
    let n_ocds = ocds.len().saturating_sub(1 + n_profiles) / 2;
    let mut items = observatorio_publish::files::item_files(&content);
    let n_items = items.len();
    let lists = observatorio_publish::files::list_files(&content);
    let n_lists = lists.len();
    items.extend(lists);
    let search = observatorio_publish::files::search(&content, ocds_docs);
    let n_search = search.len();
    // A new build's index replaces the old one whole (its parts live in a folder per version).
    let _ = std::fs::remove_dir_all(out.join("search"));
    let n_pages = pages.len();
    let n_widgets = widgets.len();
    let (n_home, n_cal, n_site) = (home.len(), calendars.len(), site.len());
    for (path, body) in
        home.into_iter().chain(calendars).chain(site).chain(pages).chain(widgets).chain(ocds).chain(items).chain(search)
    {
        let path = out.join(path);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|_| std::fs::write(&path, body));
        if let Err(e) = written {
            eprintln!("publish: cannot write {}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    // The headers last: their policy hashes the inline scripts and styles of the pages above.
    match write_headers(&out, &cfg.base, &content) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("publish: {e}");
            return std::process::ExitCode::FAILURE;
        }
    }
    println!(
        "publish: {n_home} home digest files, {n_cal} calendar files, {n_site} feed/sitemap/robots files, {n_pages} link-preview pages ({skipped} left to the app past PRERENDER_LIMIT={}), {n_widgets} widget pages and oEmbed files, {n_ocds} OCDS digests, {n_profiles} files of profiles, {n_items} item files, {n_lists} list index and page files, {n_search} search index files in {} (as of {today}, for {site_url})",
        cfg.prerender_limit,
        out.display()
    );
    std::process::ExitCode::SUCCESS
}

/// The app's files and index.html (see `observatorio_publish::bundle`).
fn write_app(
    out: &std::path::Path,
    app: &str,
    template: Option<String>,
    css: Option<String>,
    base: Option<String>,
    worker: Option<String>,
) -> Result<(), String> {
    use observatorio_core::lang::Lang;
    use observatorio_publish::{bundle, offline};
    let read = |f: Option<String>, what: &str| {
        let f = f.ok_or_else(|| format!("--app needs {what}"))?;
        std::fs::read_to_string(&f).map_err(|e| format!("{f}: {e}"))
    };
    let (template, css) = (read(template, "--template")?, read(css, "--css")?);
    let b = bundle::bundle(std::path::Path::new(app))?;
    let base = base.as_deref().unwrap_or("/");
    let html = bundle::index_html(&template, &css, base, &b)?;
    // The service worker, the offline pages and the install manifests (see `offline`).
    let mut extra = Vec::new();
    if let Some(worker) = worker {
        let template = std::fs::read_to_string(&worker).map_err(|e| format!("{worker}: {e}"))?;
        let js = offline::worker(&template, &b.build, &offline::precache(&b), offline::RUNTIME_CAP_BYTES)?;
        extra.push((observatorio_core::published::WORKER.to_string(), js.into_bytes()));
    }
    for lang in Lang::ALL {
        extra.push((observatorio_core::published::offline_page(lang), offline::page(lang, base, &css).into_bytes()));
        extra.push((observatorio_core::published::manifest(lang), offline::manifest(lang, base).into_bytes()));
    }
    // A new build's code replaces the old one's whole.
    let _ = std::fs::remove_dir_all(out.join(bundle::APP));
    let manifest = bundle::manifest_json(&b);
    let files = b.files.into_iter().chain(extra).chain([
        ("index.html".to_string(), html.clone().into_bytes()),
        ("404.html".to_string(), html.into_bytes()),
        (bundle::MANIFEST.to_string(), manifest.into_bytes()),
    ]);
    for (path, body) in files {
        let path = out.join(path);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, body))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// `_headers` and the nginx include (see `observatorio_publish::headers`), from the pages written in
/// `out`: their inline scripts' and styles' hashes, the feeds, the search index's version.
fn write_headers(
    out: &std::path::Path,
    base: &str,
    content: &observatorio_publish::input::Content,
) -> Result<(), String> {
    use observatorio_publish::headers::{self, Inline, Site};
    fn walk(dir: &std::path::Path, into: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, into);
            } else {
                into.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(out, &mut files);
    let (mut pages, mut widgets) = (Inline::default(), Inline::default());
    let mut feeds = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(out).unwrap_or(file).to_string_lossy().replace('\\', "/");
        if rel.ends_with(".html") {
            let html = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
            if rel.starts_with("widget/") {
                widgets.add(&html)
            } else {
                pages.add(&html)
            }
        } else if rel.starts_with("feeds/") && rel.ends_with(".xml") {
            feeds.push(rel);
        }
    }
    feeds.sort();
    let search_version = std::fs::read_dir(out.join("search"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.len() >= 8 && n.chars().all(|c| c.is_ascii_hexdigit()));
    let services =
        observatorio_publish::files::form_services(content).iter().filter_map(|u| headers::origin_of(u)).collect();
    let site =
        Site { base: observatorio_core::routes::base_href(base), pages, widgets, services, search_version, feeds };
    let rules = site.rules();
    for (name, text) in [(headers::NETLIFY, headers::netlify(&rules)), (headers::NGINX, headers::nginx(&rules))] {
        std::fs::write(out.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    Ok(())
}
