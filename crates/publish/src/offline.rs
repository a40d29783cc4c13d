//! Reading offline and installing the site (native only: the publishing step). Writes the service
//! worker from its template (`public/sw.js`) with this build's id, what it precaches and its cache
//! cap; the web app manifests (one per language); and the offline pages, static HTML that needs
//! no app: `public/offline.js` lists on them what this device can read offline.
//!
//! The worker and the offline page's script name what the app's keep button stores
//! (`components::keep`): a test checks that they agree.

use crate::bundle::Bundle;
use observatorio_core::lang::Lang;
use observatorio_core::markup::escape as esc;
use observatorio_core::published::{manifest as manifest_path, offline_page as page_path, WORKER};

/// What the reader kept, as the app's keep button stores it (the worker never evicts it).
pub use observatorio::components::keep::{KEPT_CACHE, KEPT_LIST};
/// The most the worker keeps of what was read (pages, content, code of other routes), oldest
/// out first: a phone's storage is shared with everything else on it.
pub const RUNTIME_CAP_BYTES: u64 = 40 * 1024 * 1024;
/// The splits whose code is precached: the pages people read, and search.
const PRECACHED_SPLITS: [&str; 2] = ["content", "search"];

/// The icons (in `public/icons/`, copied by the build): (file, sizes, type, purpose).
pub const ICONS: [(&str, &str, &str, &str); 5] = [
    ("icons/icon.svg", "any", "image/svg+xml", "any"),
    ("icons/icon-192.png", "192x192", "image/png", "any"),
    ("icons/icon-512.png", "512x512", "image/png", "any"),
    ("icons/maskable.svg", "any", "image/svg+xml", "maskable"),
    ("icons/maskable-512.png", "512x512", "image/png", "maskable"),
];

/// What the workers store at install, relative to the base (each its language's pages): the home
/// and offline pages of both languages, the app's main code and the code of the main routes, the manifests and icons.
pub fn precache(b: &Bundle) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        out.push(format!("{}/", lang.code()));
        out.push(page_path(lang));
        out.push(manifest_path(lang));
    }
    out.push("offline.js".into());
    out.extend(ICONS.iter().map(|i| i.0.to_string()));
    out.push(b.js.clone());
    out.push(b.main.clone());
    for split in PRECACHED_SPLITS {
        for f in b.splits.get(split).into_iter().flatten() {
            if !out.contains(f) {
                out.push(f.clone());
            }
        }
    }
    out
}

/// The worker from its template: every marker must be there (a template edited wrongly fails
/// the build rather than ship a worker that caches nothing).
pub fn worker(template: &str, build: &str, precache: &[String], cap: u64) -> Result<String, String> {
    let list = serde_json::to_string(precache).map_err(|e| e.to_string())?;
    let mut js = template.to_string();
    for (marker, value) in [("__BUILD__", build.to_string()), ("__PRECACHE__", list), ("__CAP__", cap.to_string())] {
        if !js.contains(marker) {
            return Err(format!("{WORKER}: no {marker} to fill in"));
        }
        js = js.replacen(marker, &value, 1);
    }
    Ok(js)
}

/// The web app manifest of a language. Addresses are relative to the manifest (so to the base),
/// except the app's id, the same for both languages: one app, whichever the reader installs.
pub fn manifest(lang: Lang, base: &str) -> String {
    let t = lang.t();
    let base = observatorio_core::routes::base_href(base);
    let icons: Vec<serde_json::Value> = ICONS
        .iter()
        .map(|(src, sizes, kind, purpose)| serde_json::json!({"src": src, "sizes": sizes, "type": kind, "purpose": purpose}))
        .collect();
    serde_json::json!({
        "id": base,
        "name": t.site_name,
        "short_name": t.app_short_name,
        "description": t.intro_description,
        "lang": lang.code(),
        "dir": "ltr",
        "start_url": format!("{}/", lang.code()),
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b3a6e",
        "icons": icons,
    })
    .to_string()
}

/// The offline page of a language: shown by the worker in place of a page this device has not
/// stored, and linked from the footer as the list of what can be read offline. It needs no app
/// (only `offline.js`, which fills in the lists), so it works with nothing else cached.
pub fn page(lang: Lang, base: &str, css: &str) -> String {
    let t = lang.t();
    let other = match lang {
        Lang::Es => Lang::En,
        Lang::En => Lang::Es,
    };
    let base = observatorio_core::routes::base_href(base);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{heading} · {site}</title><meta name=\"robots\" content=\"noindex\">\
<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"theme-color\" content=\"#0b3a6e\">\
<base href=\"{base}\"><link rel=\"icon\" href=\"icons/icon.svg\" type=\"image/svg+xml\">\
<link rel=\"manifest\" href=\"{manifest}\"><style>{css}</style>\
<script src=\"offline.js\" defer></script></head>\n<body><div class=\"offline-shell\">\
<header class=\"site-header\"><div class=\"bar\"><a class=\"brand\" href=\"{code}/\">\
<img class=\"brand-mark\" src=\"icons/icon.svg\" alt=\"\" width=\"36\" height=\"36\"><span class=\"brand-name\">{short}</span></a>\
<div class=\"bar-actions\"><a class=\"lang-switch\" href=\"{other_page}\" hreflang=\"{other_code}\">{switch}</a></div></div></header>\
<main id=\"main\" class=\"offline-page\" tabindex=\"-1\">\
<h1 id=\"offline-title\" data-here=\"{heading}\">{title}</h1>\
<div id=\"offline-why\"><p class=\"lead\">{unvisited}</p><p><button type=\"button\" id=\"offline-retry\" class=\"button\">{retry}</button></p></div>\
<p id=\"offline-intro\">{intro}</p>\
<p id=\"offline-unsupported\" class=\"notice\" hidden>{unsupported}</p>\
<section aria-labelledby=\"kept-h\"><h2 id=\"kept-h\">{kept}</h2>\
<ul id=\"offline-kept\" class=\"offline-list\" data-empty=\"{none_kept}\" data-remove=\"{remove}\"></ul></section>\
<section aria-labelledby=\"visited-h\"><h2 id=\"visited-h\">{visited}</h2>\
<ul id=\"offline-visited\" class=\"offline-list\" data-empty=\"{none_visited}\"></ul></section>\
<p><a href=\"{code}/\">{home}</a></p></main></div></body></html>\n",
        code = lang.code(),
        other_code = other.code(),
        other_page = page_path(other),
        switch = esc(t.switch_to),
        site = esc(t.site_name),
        short = esc(t.short_name),
        manifest = manifest_path(lang),
        css = css.trim(),
        heading = esc(t.offline_heading),
        title = esc(t.offline_title),
        unvisited = esc(t.offline_unvisited),
        retry = esc(t.retry),
        intro = esc(t.offline_intro),
        unsupported = esc(t.offline_unsupported),
        kept = esc(t.offline_kept),
        none_kept = esc(t.offline_none_kept),
        remove = esc(t.offline_remove),
        visited = esc(t.offline_visited),
        none_visited = esc(t.offline_none_visited),
        home = esc(t.home),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        let mut splits = std::collections::BTreeMap::new();
        splits.insert("content".to_string(), vec!["app/chunk_1-a.wasm".to_string(), "app/split_content-b.wasm".into()]);
        splits.insert("search".to_string(), vec!["app/chunk_1-a.wasm".to_string(), "app/split_search-c.wasm".into()]);
        splits.insert("indicators".to_string(), vec!["app/split_indicators-d.wasm".to_string()]);
        Bundle {
            files: Vec::new(),
            js: "app/observatorio-1.js".into(),
            main: "app/observatorio_bg-2.wasm".into(),
            splits,
            build: "0123".into(),
        }
    }

    #[test]
    fn the_shell_and_the_main_routes_are_precached_once_each_and_the_heavy_tools_are_not() {
        let list = precache(&bundle());
        for f in ["es/", "en/", "es/offline.html", "en/offline.html", "offline.js", "manifest.en.webmanifest"] {
            assert!(list.contains(&f.to_string()), "{f} in {list:?}");
        }
        for f in [
            "app/observatorio-1.js",
            "app/observatorio_bg-2.wasm",
            "app/split_content-b.wasm",
            "app/split_search-c.wasm",
        ] {
            assert!(list.contains(&f.to_string()), "{f}");
        }
        assert_eq!(list.iter().filter(|f| *f == "app/chunk_1-a.wasm").count(), 1);
        assert!(!list.iter().any(|f| f.contains("indicators")));
        assert!(ICONS.iter().all(|i| list.contains(&i.0.to_string())));
    }

    #[test]
    fn the_worker_gets_its_build_list_and_cap_or_the_build_fails() {
        let template = "const BUILD = '__BUILD__';\nconst PRECACHE = __PRECACHE__;\nconst CAP = __CAP__;";
        let js = worker(template, "0123", &["".into(), "es/".into()], 99).unwrap();
        assert_eq!(js, "const BUILD = '0123';\nconst PRECACHE = [\"\",\"es/\"];\nconst CAP = 99;");
        assert!(worker("const CAP = __CAP__;", "0123", &[], 1).unwrap_err().contains("__BUILD__"));
        // The real template has every marker.
        let real = include_str!("../../../public/sw.js");
        assert!(worker(real, "0123", &[], RUNTIME_CAP_BYTES).is_ok());
        let page_script = include_str!("../../../public/offline.js");
        assert!(page_script.contains(KEPT_LIST) && page_script.contains(&format!("'{KEPT_CACHE}'")));
    }

    #[test]
    fn manifests_name_one_app_in_each_language_under_the_base() {
        let es: serde_json::Value = serde_json::from_str(&manifest(Lang::Es, "/observatorio/")).unwrap();
        let en: serde_json::Value = serde_json::from_str(&manifest(Lang::En, "/observatorio")).unwrap();
        assert_eq!(es["id"], "/observatorio/");
        assert_eq!(es["id"], en["id"]);
        assert_eq!(es["start_url"], "es/");
        assert_eq!(en["start_url"], "en/");
        assert_eq!(es["scope"], "./");
        assert_ne!(es["name"], en["name"]);
        let icons = es["icons"].as_array().unwrap();
        assert!(icons
            .iter()
            .any(|i| i["purpose"] == "maskable" && i["type"] == "image/png" && i["sizes"] == "512x512"));
        assert!(icons.iter().any(|i| i["sizes"] == "192x192"));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&manifest(Lang::Es, "/")).unwrap()["id"], "/");
    }

    #[test]
    fn the_offline_page_is_localized_static_and_names_its_lists() {
        let es = page(Lang::Es, "/sub/", "a{b:c}");
        assert!(es.contains("<html lang=\"es\">") && es.contains("<base href=\"/sub/\">"));
        assert!(es.contains(Lang::Es.t().offline_title) && es.contains("id=\"offline-kept\""));
        assert!(es.contains("<style>a{b:c}</style>") && es.contains("<script src=\"offline.js\" defer>"));
        assert!(!es.contains("app-start"), "the offline page needs no app");
        let en = page(Lang::En, "/", "");
        assert!(en.contains(Lang::En.t().offline_none_kept.split('“').next().unwrap()));
        assert!(en.contains("href=\"es/offline.html\""));
    }
}
