//! Pacific Alliance Public Procurement Observatory.
//!
//! Pure logic (content model and checks, filters, i18n, formatting) lives in plain modules that
//! compile and are tested natively. The Leptos views (`app`, `api`, `components`, `pages`) run in
//! the browser, and natively in the publishing step, which renders each page's first view with
//! them (`app::render_first_view`); browser-only calls are kept out of what renders there.

#![recursion_limit = "256"]

/// The app's code named after its content, and index.html (native only: the publishing step).
#[cfg(not(target_arch = "wasm32"))]
pub mod bundle;
pub mod calendar;
pub mod charts;
pub mod cite;
/// News feeds, sitemap and robots.txt (native only: the publishing step).
#[cfg(not(target_arch = "wasm32"))]
pub mod feeds;
pub mod filter;
/// The HTTP headers (security policy, caching, types) written for static hosts (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod headers;
pub mod i18n;
pub mod markup;
pub mod model;
/// Open-contracting data and procurement indicators (pure; issue 8).
pub mod ocds;
/// The service worker, web app manifests and offline pages, as the publishing step writes them.
pub mod offline;
/// Static HTML per shareable URL, for link previews (native only: the publishing step).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
/// Build-time files derived from the content (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod routes;
pub mod search;
/// Embeddable widgets: options, snippet, oEmbed; their static pages are written when publishing.
pub mod widget;

pub mod api;
pub mod app;
/// Code loaded per route: the wasm chunks and their loading state.
pub mod chunks;
pub mod components;
/// The browser's tz database behind the calendar's conversions.
pub mod intl;
pub mod pages;
/// Loads the search index's parts as queries need them.
pub mod search_loader;
/// How the app takes over a page's static first view.
pub mod takeover;
