//! The publishing step (native only): from the checked content and the app's built code, it
//! writes what a static host serves: the app's files named after their content (`bundle`), each
//! page's first view (`prerender`, with the app's own components), the files derived from the
//! content (`files`: item files, list pages, search parts, digests, calendars), feeds and
//! sitemaps (`feeds`), widget pages (`widget_page`), the service worker and offline pages
//! (`offline`) and the hosts' headers (`headers`). The command-line tools are in `src/bin`.

#![recursion_limit = "256"]

/// The app's code named after its content, and index.html.
pub mod bundle;
/// News feeds, sitemap and robots.txt.
pub mod feeds;
/// The files derived from the content.
pub mod files;
/// The HTTP headers (security policy, caching, types) written for static hosts.
pub mod headers;
/// The input, checked once: configuration and content.
pub mod input;
/// The service worker, web app manifests and offline pages.
pub mod offline;
/// Static HTML per shareable URL, for link previews.
pub mod prerender;
/// Widgets' static pages.
pub mod widget_page;
