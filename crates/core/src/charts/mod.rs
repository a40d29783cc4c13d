//! Charts as pure logic: scales and nice ticks, label layout, the chart scene (marks and
//! selectable points), text summaries and data exports. The SVG view is in
//! `components/chart.rs` and only draws what `scene::layout` decides.

pub mod export;
pub mod scale;
pub mod scene;
pub mod spec;
pub mod summary;
pub mod svg;
pub mod text;
