//! The app's code as the site serves it (native only: the publishing step). The build script
//! compiles the app, splits it into a main module and per-route chunks (`wasm-split-cli`), runs
//! wasm-bindgen on the main module and wasm-opt on each (see `scripts/build.sh`); this module
//! then names every file after its content, so a browser can cache it for a year and a page never
//! mixes files of two builds, and writes `index.html` from its template: the deployment base,
//! the stylesheet inlined (a render-blocking request would cost a whole round trip on a slow
//! network), the module script, and the preloads of the code every page needs.
//!
//! What the build hands over (`APP_DIR`):
//! - `observatorio.js`: one ES module, bundled and minified by esbuild from a two-line start
//!   script, wasm-bindgen's glue and wasm-split's loader of the chunks (they import each other);
//! - `observatorio_bg.wasm`: the main module;
//! - `split_<name>.wasm`: a route's chunk (`#[wasm_split(name)]`, see `chunks`), and
//!   `chunk_<n>.wasm`: code shared by several of them, loaded with them;
//! - `__wasm_split.js`: the loader as wasm-split wrote it, read (not shipped) for which files
//!   each split loads.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// Where the app's files go in the site.
pub const APP: &str = "app/";
const JS: &str = "observatorio.js";
const MAIN: &str = "observatorio_bg.wasm";
const LOADER: &str = "__wasm_split.js";

/// The app's files renamed after their content, and what pages need to know of them.
#[derive(Debug, Default)]
pub struct Bundle {
    /// (path in the site, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// The module script's path in the site.
    pub js: String,
    /// The main module's path.
    pub main: String,
    /// Per split (`calendar`, `data`, …), the paths of the wasm files it loads, its own last.
    pub splits: BTreeMap<String, Vec<String>>,
    /// The build's id (changes with any of its code).
    pub build: String,
}

/// 16 hex digits of the SHA-256 of `parts`.
fn hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// `split_calendar.wasm` → `split_calendar-0123456789abcdef.wasm`.
fn hashed(name: &str, h: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{h}.{ext}"),
        None => format!("{name}-{h}"),
    }
}

/// The quoted `./<file>.wasm` names in the loader, in order of appearance.
fn wasm_names(loader: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = loader;
    while let Some(at) = rest.find("\"./") {
        let tail = &rest[at + 3..];
        let Some(end) = tail.find('"') else { break };
        let name = &tail[..end];
        if name.ends_with(".wasm") && !name.contains('/') && !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &tail[end..];
    }
    out
}

/// Which wasm files each split loads, read from the loader wasm-split wrote:
/// `const __chunk_6 = makeLoad(() => { … "./chunk_6.wasm" … }, []);` and
/// `export const __wasm_split_load_calendar = wrapAsyncCb(makeLoad(() => { … "./split_calendar.wasm" … }, [__chunk_6, …]));`
fn split_map(loader: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut chunks: BTreeMap<String, String> = BTreeMap::new();
    let mut splits = BTreeMap::new();
    for statement in loader.split("makeLoad(").skip(1).zip(loader.split("makeLoad(")) {
        let (body, before) = statement;
        // The binding is the last `const NAME =` before this call.
        let Some(decl) = before.rfind("const ") else { continue };
        let name = before[decl + 6..].split([' ', '=']).next().unwrap_or("").to_string();
        let file = wasm_names(body).into_iter().next();
        // The dependency list closes the call: `, [a, b]);`.
        let deps: Vec<String> = body
            .rfind(", [")
            .and_then(|at| body[at + 3..].split(']').next())
            .map(|list| list.split(',').map(|d| d.trim().to_string()).filter(|d| !d.is_empty()).collect())
            .unwrap_or_default();
        if let Some(split) = name.strip_prefix("__wasm_split_load_") {
            let mut files: Vec<String> = deps
                .iter()
                .map(|d| chunks.get(d).cloned().ok_or_else(|| format!("{LOADER}: unknown chunk {d} for {split}")))
                .collect::<Result<_, _>>()?;
            files.extend(file);
            splits.insert(split.to_string(), files);
        } else if let Some(file) = file {
            chunks.insert(name, file);
        }
    }
    if splits.is_empty() {
        return Err(format!("{LOADER}: no split loaders found"));
    }
    Ok(splits)
}

/// Reads the build's files from `dir` and names them after their content.
pub fn bundle(dir: &Path) -> Result<Bundle, String> {
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()));
    let text = |name: &str| read(name).and_then(|b| String::from_utf8(b).map_err(|_| format!("{name}: not UTF-8")));
    let (mut js, main, loader) = (text(JS)?, read(MAIN)?, text(LOADER)?);
    let mut files = Vec::new();
    let mut renamed = BTreeMap::new();
    let mut rename = |js: &mut String, name: &str, bytes: Vec<u8>| -> Result<String, String> {
        let new = hashed(name, &hash(&[&bytes]));
        let quoted = |n: &str| [format!("\"./{n}\""), format!("\"{n}\""), format!("'{n}'")];
        let before = js.len();
        for (old, to) in quoted(name).iter().zip(quoted(&new)) {
            *js = js.replace(old.as_str(), &to);
        }
        if js.len() == before {
            return Err(format!("{JS} does not name {name}"));
        }
        files.push((format!("{APP}{new}"), bytes));
        renamed.insert(name.to_string(), format!("{APP}{new}"));
        Ok(format!("{APP}{new}"))
    };
    for name in wasm_names(&loader) {
        let bytes = read(&name)?;
        rename(&mut js, &name, bytes)?;
    }
    let main_path = rename(&mut js, MAIN, main)?;
    let splits = split_map(&loader)?
        .into_iter()
        .map(|(split, list)| (split, list.iter().filter_map(|f| renamed.get(f).cloned()).collect()))
        .collect();
    // The script names every other file: its hash is the build's.
    let build = hash(&[js.as_bytes()]);
    let js_path = format!("{APP}{}", hashed(JS, &build));
    files.push((js_path.clone(), js.into_bytes()));
    Ok(Bundle { files, js: js_path, main: main_path, splits, build })
}

/// Starts the app once the first view is painted, so that its downloads never hold that paint
/// back (nor, in Lighthouse's simulation, the largest paint): the main module, and the files in
/// `data-preload` (this page's chunks and content files, written by the publishing step) are
/// preloaded together, the script asked for first (so it never waits behind them for a
/// connection); it then fetches each module from its preload.
/// On an indicators page opened at a buyer's or supplier's profile, the files of
/// `data-preload-profile` (the profile's chunk) are preloaded instead of `data-preload`, with
/// the file holding the profile (`data-profiles`, see `with_profiles`; named as
/// `ocds::profile::shard` names it; none for another threshold than the published one).
/// A script that cannot be loaded leaves the static page as it is.
pub const START: &str = "(function(s){var d=s.dataset,done=0;function pf(){var p=d.profiles,q=location.search,\
m=/[?&](buyer|supplier)-profile=([^&#]+)/.exec(q),k,h=2166136261,n;if(!p||!m||/[?&]days=/.test(q))return[];\
try{k=decodeURIComponent(m[2].replace(/\\+/g,' ')).trim()}catch(e){return[]}\
n=+p.split(' ')[m[1]=='buyer'?1:2];new TextEncoder().encode(k).forEach(function(b){h=Math.imul(h^b,16777619)>>>0});\
return n&&k?['ocds/profiles/'+m[1]+'-'+h%n+'.json?v='+document.querySelector('meta[name=build]').content]:[]}\
function go(){if(done++)return;\
var f=pf(),p=f.length&&d.preloadProfile||d.preload;import(new URL(d.js,document.baseURI).href).catch(function(){});\
[d.wasm].concat(p?p.split(' '):[],f).forEach(function(h){var l=document.createElement('link');\
l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=h;document.head.appendChild(l)})}\
requestAnimationFrame(function(){setTimeout(go,0)});setTimeout(go,3000)})(document.currentScript)";

/// Sets the page's own preloads (see `START`) in a page made from `index.html`.
/// Content files are named as the app fetches them, with the page's build (`routes::with_version`);
/// the app's own files are named after their content already.
pub fn with_preloads(html: &str, files: &[String]) -> String {
    html.replacen("data-preload=\"\"", &format!("data-preload=\"{}\"", preload_list(html, files)), 1)
}

/// Files as the app fetches them: content files with the page's build, the app's own files
/// named after their content already.
fn preload_list(html: &str, files: &[String]) -> String {
    let build = build_of(html);
    let files: Vec<String> = files
        .iter()
        .map(|f| if f.starts_with(APP) { f.clone() } else { observatorio_core::routes::with_version(f, build) })
        .collect();
    files.join(" ")
}

/// Tells an indicators page's `START` where the published profiles are ("days buyers
/// suppliers": the threshold and each party's count of files) and what a profile preloads
/// instead of the page's own files (`files`: the profile's chunk and the manifest).
pub fn with_profiles(html: &str, p: &observatorio_core::ocds::profile::Published, files: &[String]) -> String {
    html.replacen(
        " data-preload=\"",
        &format!(
            " data-profiles=\"{} {} {}\" data-preload-profile=\"{}\" data-preload=\"",
            p.days,
            p.buyer,
            p.supplier,
            preload_list(html, files)
        ),
        1,
    )
}

/// The build id a page made from `index.html` carries (`<meta name="build" content="…">`).
pub fn build_of(html: &str) -> &str {
    let key = "<meta name=\"build\" content=\"";
    html.find(key).and_then(|at| html[at + key.len()..].split('"').next()).unwrap_or("")
}

/// `index.html` from its template: `<base href="/">` set to `base`, the stylesheet link
/// (`<link rel="stylesheet" href="style/main.css">`) replaced by `css` inline, and at the
/// `<!-- app -->` marker the build's id and the script that starts the app (`START`).
pub fn index_html(template: &str, css: &str, base: &str, b: &Bundle) -> Result<String, String> {
    let base = observatorio_core::routes::base_href(base);
    let with_base = template.replacen("<base href=\"/\">", &format!("<base href=\"{base}\">"), 1);
    if with_base == template && base != "/" {
        return Err("index.html: no <base href=\"/\"> to set".into());
    }
    let link = "<link rel=\"stylesheet\" href=\"style/main.css\">";
    if !with_base.contains(link) {
        return Err(format!("index.html: no {link} to inline"));
    }
    let styled = with_base.replacen(link, &format!("<style>{}</style>", css.trim()), 1);
    let app = format!(
        "<meta name=\"build\" content=\"{build}\"><script id=\"app-start\" data-js=\"{js}\" data-wasm=\"{main}\" data-preload=\"\">{START}</script>",
        build = b.build,
        js = b.js,
        main = b.main,
    );
    let marker = "<!-- app -->";
    if !styled.contains(marker) {
        return Err(format!("index.html: no {marker} marker"));
    }
    Ok(compact(&styled.replacen(marker, &app, 1)))
}

/// The template without its comments (notes for whoever edits it) and its indentation: every
/// page's HTML is made from it.
fn compact(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        match rest[at..].find("-->") {
            Some(end) => rest = &rest[at + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Where a page finds the current build's id and the files of each split (`build.json`, never
/// cached): a page whose chunk is gone learns whether a new build replaced its own, and the
/// publishing step reads which files a route's first view should preload.
pub const MANIFEST: &str = "build.json";

/// `{"build":"…","splits":{"calendar":["app/chunk_6-….wasm","app/split_calendar-….wasm"],…}}`.
pub fn manifest_json(b: &Bundle) -> String {
    serde_json::json!({ "build": b.build, "splits": b.splits }).to_string()
}

/// The files of each split, read back from `build.json` (empty if it cannot be read).
pub fn splits_of_manifest(text: &str) -> BTreeMap<String, Vec<String>> {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::from_value(v.get("splits")?.clone()).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER_JS: &str = r#"import { initSync } from "./observatorio.js";
/* calendar, data */
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk_6.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* data */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk_7.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_data = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_data.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6, __chunk_7]));
export const __wasm_split_load_calendar = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_calendar.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
export const __wasm_split_load_empty = wrapAsyncCb(makeLoad(() => async (_imp) => ({}), []));
"#;

    #[test]
    fn the_loader_says_which_files_each_split_loads() {
        let map = split_map(LOADER_JS).unwrap();
        assert_eq!(map["data"], ["chunk_6.wasm", "chunk_7.wasm", "split_data.wasm"]);
        assert_eq!(map["calendar"], ["chunk_6.wasm", "split_calendar.wasm"]);
        assert!(map["empty"].is_empty());
        assert_eq!(wasm_names(LOADER_JS), ["chunk_6.wasm", "chunk_7.wasm", "split_data.wasm", "split_calendar.wasm"]);
    }

    #[test]
    fn files_are_named_after_their_content_and_the_script_names_them() {
        let dir = std::env::temp_dir().join(format!("observatorio-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let wasm = ["chunk_6.wasm", "chunk_7.wasm", "split_data.wasm", "split_calendar.wasm"];
        let js = |extra: &str| {
            let urls: String = wasm.iter().map(|f| format!("fetch(new URL(\"./{f}\",import.meta.url));")).collect();
            format!("{urls}x(new URL(\"observatorio_bg.wasm\",import.meta.url));{extra}")
        };
        std::fs::write(dir.join(JS), js("")).unwrap();
        std::fs::write(dir.join(MAIN), b"main").unwrap();
        std::fs::write(dir.join(LOADER), LOADER_JS).unwrap();
        for f in wasm {
            std::fs::write(dir.join(f), f.as_bytes()).unwrap();
        }
        let b = bundle(&dir).unwrap();
        let script = String::from_utf8(b.files.iter().find(|(n, _)| *n == b.js).unwrap().1.clone()).unwrap();
        let chunk6 = format!("chunk_6-{}.wasm", hash(&[b"chunk_6.wasm"]));
        assert!(script.contains(&format!("\"./{chunk6}\"")), "{script}");
        assert!(script.contains(&format!("\"{}\"", b.main.trim_start_matches(APP))));
        assert!(!script.contains("\"./split_data.wasm\""));
        assert_eq!(b.js, format!("{APP}observatorio-{}.js", b.build));
        assert_eq!(
            b.splits["calendar"],
            [format!("{APP}{chunk6}"), format!("{APP}split_calendar-{}.wasm", hash(&[b"split_calendar.wasm"]))]
        );
        assert_eq!(b.files.len(), 6);
        // A chunk that did not change keeps its name in the next build; the build's id changes.
        std::fs::write(dir.join("split_data.wasm"), b"changed").unwrap();
        let next = bundle(&dir).unwrap();
        assert_eq!(next.splits["calendar"], b.splits["calendar"]);
        assert_ne!(next.splits["data"], b.splits["data"]);
        assert_ne!(next.build, b.build);
        // A script that does not name a file the loader lists is refused.
        std::fs::write(dir.join(JS), js("").replace("./chunk_7.wasm", "./other.wasm")).unwrap();
        assert!(bundle(&dir).unwrap_err().contains("chunk_7.wasm"));
        let html = index_html(
            "<head><base href=\"/\"><link rel=\"stylesheet\" href=\"style/main.css\"><!-- app --></head>",
            "a{b:c}",
            "/observatorio/",
            &b,
        )
        .unwrap();
        assert!(html.contains("<base href=\"/observatorio/\"><style>a{b:c}</style><meta name=\"build\""), "{html}");
        assert_eq!(compact("<a>\n   <!-- note -->\n  <b> x </b>\n</a>"), "<a>\n<b> x </b>\n</a>");
        assert!(html.contains(&format!(
            "<script id=\"app-start\" data-js=\"{}\" data-wasm=\"{}\" data-preload=\"\">",
            b.js, b.main
        )));
        assert_eq!(splits_of_manifest(&manifest_json(&b)), b.splits);
        assert_eq!(build_of(&html), b.build);
        // Content files are preloaded under the very URL the app fetches: with the build.
        assert!(with_preloads(&html, &["app/a.wasm".into(), "content/b.json".into()])
            .contains(&format!("data-preload=\"app/a.wasm content/b.json?v={}\">", b.build)));
        // An indicators page says where the published profiles are, for a shared link's preload.
        let p = observatorio_core::ocds::profile::Published { days: 15.0, buyer: 64, supplier: 512 };
        let with = with_profiles(
            &with_preloads(&html, &["app/i.wasm".into()]),
            &p,
            &["app/p.wasm".into(), "ocds/m.json".into()],
        );
        let attrs = format!(" data-profiles=\"15 64 512\" data-preload-profile=\"app/p.wasm ocds/m.json?v={}\" data-preload=\"app/i.wasm\"", b.build);
        assert!(with.contains(&attrs), "{with}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_app_tells_a_newer_build_from_build_json() {
        // The app (chunks) reads what this module writes.
        let b = Bundle { build: "0123456789abcdef".into(), ..Default::default() };
        let manifest = manifest_json(&b);
        assert!(!observatorio::chunks::names_another_build(&manifest, "0123456789abcdef"));
        assert!(observatorio::chunks::names_another_build(&manifest, "fedcba9876543210"));
        // What cannot be read (a host's error page, a truncated file) tells nothing.
        assert!(!observatorio::chunks::names_another_build("<html>not found</html>", "fedcba9876543210"));
        assert!(!observatorio::chunks::names_another_build("{\"build\":\"01", "fedcba9876543210"));
        assert!(!observatorio::chunks::names_another_build(&manifest, ""));
    }
}
