//! Small reusable views. They read the language from context and take checked model types.

pub mod bits;
pub mod cards;
pub mod filters;
pub mod layout;
pub mod section;
