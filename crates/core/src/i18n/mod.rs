//! Languages, interface strings and locale-aware formatting of dates and numbers.

mod format;
mod indicators;
mod strings;
mod widget;

pub use format::{event_when, format_date, format_number, format_partial_date, hhmm, month_name, zone_city};
pub use indicators::IndicatorStrings;
pub use strings::Strings;
pub use widget::WidgetStrings;

/// The Observatory's languages. Spanish is the default and the one every content field must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// BCP 47 code, used in URLs and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Parses a URL segment; anything but an exact known code is rejected.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }

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
