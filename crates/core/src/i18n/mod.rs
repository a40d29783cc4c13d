//! Languages, interface strings and locale-aware formatting of dates and numbers.

mod format;
mod indicators;
mod strings;
mod widget;

pub use format::{
    event_when, format_count, format_counted, format_date, format_number, format_partial_date, format_share,
    format_short, format_value, hhmm, month_name, zone_city,
};
pub use indicators::IndicatorStrings;
pub use strings::{Door, Strings};
pub use widget::WidgetStrings;

pub use crate::lang::Lang;

/// Each language's strings (the language itself is `crate::lang`, a leaf every module can use).
impl Lang {
    /// The interface strings in this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Es => &strings::ES,
            Lang::En => &strings::EN,
        }
    }

    /// The open-contracting indicators page's strings in this language.
    pub fn o(self) -> &'static IndicatorStrings {
        match self {
            Lang::Es => &indicators::ES,
            Lang::En => &indicators::EN,
        }
    }

    /// The widgets' and Embed page's strings in this language.
    pub fn w(self) -> &'static WidgetStrings {
        match self {
            Lang::Es => &widget::ES,
            Lang::En => &widget::EN,
        }
    }
}
