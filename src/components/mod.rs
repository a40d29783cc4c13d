//! Small reusable views. They read the language from context and take checked model types.

pub mod bits;
pub mod calendar;
pub mod cards;
pub mod chart;
pub mod comment_form;
pub mod data_table;
pub mod filters;
/// Keeping a page for offline reading.
pub mod keep;
pub mod layout;
pub mod search_box;
pub mod section;
