//! Client-side search over everything the Observatory publishes: accent- and case-insensitive
//! matching, light Spanish and English stemming, prefix matching while typing, typo tolerance,
//! stop words of both languages, quoted phrases, BM25 ranking with field weights and recency,
//! facets, highlighted titles and snippets, "did you mean". Plain Rust, tested natively.

pub mod engine;
pub mod text;

pub use engine::{Doc, Facets, Hit, Index, Kind, Query, Segment};
