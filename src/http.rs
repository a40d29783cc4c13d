//! The app's one HTTP client: every download (content files, search parts, open-contracting
//! digests and files, `build.json`) and the comment form's post go through here; no other module
//! calls gloo-net. Each loader turns `HttpError` into its own messages.
//!
//! A size cap, when given, refuses a file before parsing: first by the size the server
//! announces (compressed, so smaller than the text), then by the text itself.

/// How a file is read with respect to caches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fresh {
    /// It changes with each build: read with this page's build (`?v=<build>`, see `site_file`).
    OfBuild,
    /// It is named after its content (it never changes): read as it is.
    Named,
    /// Never from a cache (`build.json`, which says whether a newer build is out).
    NoStore,
}

/// Why a download failed.
#[derive(Clone, Debug, PartialEq)]
pub enum HttpError {
    /// The request or the body did not complete (offline, DNS, CORS, aborted): the client's text.
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// Over its cap: `bytes` is at least the file's size.
    TooLarge { bytes: u64, cap: u64 },
}

/// This page's build (its `<meta name="build">`, see `bundle::index_html`), read once; empty
/// at build time and on a page without one.
pub fn build() -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::document;
        thread_local! {
            static BUILD: std::cell::OnceCell<&'static str> = const { std::cell::OnceCell::new() };
        }
        BUILD.with(|b| {
            *b.get_or_init(|| {
                let id = document()
                    .query_selector("meta[name=build]")
                    .ok()
                    .flatten()
                    .and_then(|m| m.get_attribute("content"))
                    .unwrap_or_default();
                Box::leak(id.into_boxed_str())
            })
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    ""
}

/// A file of the site as this build reads it (see `routes::with_version`): the URL the service
/// worker stores it under.
pub fn site_file(path: &str) -> String {
    observatorio_core::routes::with_version(path, build())
}

/// A GET of `path`: for `Fresh::OfBuild`, the very URL `site_file` names (gloo-net adds the
/// query itself: given one in the path, it would end the URL with a stray `&`).
fn request(path: &str, fresh: Fresh) -> gloo_net::http::RequestBuilder {
    let request = gloo_net::http::Request::get(path);
    match fresh {
        Fresh::OfBuild if observatorio_core::routes::versioned(path, build()) => request.query([("v", build())]),
        Fresh::OfBuild | Fresh::Named => request,
        Fresh::NoStore => request.cache(web_sys::RequestCache::NoStore),
    }
}

/// Starts downloading files a chunk will soon read, before its code is there: `<link
/// rel=preload as=fetch>` (as the start script does for a page's first files), which the
/// chunk's own `get_text` of the same file then takes from the browser's preload cache. Each
/// path once per visit; files read `Fresh::OfBuild`.
pub fn preload(paths: &[String]) {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::document;
        thread_local! {
            static DONE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let doc = document();
        let Some(head) = doc.head() else { return };
        for path in paths {
            let url = site_file(path);
            if DONE.with(|d| d.borrow().contains(&url)) {
                continue;
            }
            let Ok(link) = doc.create_element("link") else { continue };
            let _ = link.set_attribute("rel", "preload");
            let _ = link.set_attribute("as", "fetch");
            let _ = link.set_attribute("crossorigin", "anonymous");
            let _ = link.set_attribute("href", &url);
            if head.append_child(&link).is_ok() {
                DONE.with(|d| d.borrow_mut().push(url));
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = paths;
}

/// Downloads `path` (relative to the document's base URL, so a sub-path deployment works) as
/// text, refused past `cap` bytes when one is given.
pub async fn get_text(path: &str, fresh: Fresh, cap: Option<u64>) -> Result<String, HttpError> {
    let network = |e: gloo_net::Error| HttpError::Network(e.to_string());
    let resp = request(path, fresh).send().await.map_err(network)?;
    if !resp.ok() {
        return Err(HttpError::Status(resp.status()));
    }
    let over = |bytes: u64| match cap {
        Some(cap) if bytes > cap => Err(HttpError::TooLarge { bytes, cap }),
        _ => Ok(()),
    };
    over(resp.headers().get("content-length").and_then(|l| l.trim().parse::<u64>().ok()).unwrap_or(0))?;
    let text = resp.text().await.map_err(network)?;
    over(text.len() as u64)?;
    Ok(text)
}

/// Posts a form (`application/x-www-form-urlencoded`, fields already encoded) and says whether
/// the service accepted it.
pub async fn post_form(endpoint: &str, body: String) -> bool {
    let req = gloo_net::http::Request::post(endpoint)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body);
    match req {
        Ok(r) => r.send().await.map(|res| res.ok()).unwrap_or(false),
        Err(_) => false,
    }
}
