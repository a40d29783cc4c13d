//! Client-side search over everything the Observatory publishes: accent- and case-insensitive
//! matching, light Spanish and English stemming, prefix matching while typing, typo tolerance,
//! stop words of both languages, quoted phrases, BM25 ranking with field weights and recency,
//! facets, highlighted titles and snippets, "did you mean". Plain Rust, tested natively.
//!
//! `ship` builds the index in the publishing step, in parts; `index` answers queries from the
//! parts loaded so far, saying which others it needs.

pub mod engine;
pub mod index;
pub mod ship;
pub mod synonyms;
pub mod text;

pub use engine::{Doc, Facets, Hit, Kind, Query, Segment};
pub use index::{Index, Need};
