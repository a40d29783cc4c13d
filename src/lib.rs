//! Pacific Alliance Public Procurement Observatory: the Leptos app.
//!
//! It runs in the browser (feature `csr`), and natively in the publishing step, which renders
//! each page's first view with the same components (`app::render_first_view`, feature `ssr`);
//! browser-only calls are kept out of what renders there. The pure domain it shows is the
//! `observatorio-core` crate; the publishing step is `observatorio-publish`.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
/// Code loaded per route: the wasm chunks and their loading state.
pub mod chunks;
pub mod components;
/// The contexts every view reads: language, base, origin, root owner.
pub mod context;
/// The one HTTP client: downloads with optional size caps, and the comment form's post.
pub mod http;
/// The browser's tz database behind the calendar's conversions.
pub mod intl;
/// The open-contracting data the indicators page reads.
pub mod ocds_loader;
pub mod pages;
/// Loads the search index's parts as queries need them.
pub mod search_loader;
/// How the app takes over a page's static first view.
pub mod table_labels;
pub mod takeover;
