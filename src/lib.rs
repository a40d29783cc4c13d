//! Pacific Alliance Public Procurement Observatory.
//!
//! Pure logic (content model and checks, filters, i18n, formatting) lives in plain modules that
//! compile and are tested natively. The Leptos views (`app`, `api`, `components`, `pages`) exist
//! only in the browser build.

pub mod calendar;
pub mod charts;
pub mod cite;
/// News feeds, sitemap and robots.txt (native only: the publishing step).
#[cfg(not(target_arch = "wasm32"))]
pub mod feeds;
pub mod filter;
pub mod i18n;
pub mod markup;
pub mod model;
/// Open-contracting data and procurement indicators (pure; issue 8).
pub mod ocds;
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

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
/// The browser's tz database behind the calendar's conversions.
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod pages;
/// Loads the search index's parts as queries need them.
#[cfg(target_arch = "wasm32")]
pub mod search_loader;
