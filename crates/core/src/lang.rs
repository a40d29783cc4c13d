//! The Observatory's two languages: a leaf module (it uses nothing else of the crate), so any
//! module can name a language without reaching the strings (`i18n`).

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

    /// The one of two values in this language: `lang.pick("Buscar", "Search")`.
    pub fn pick<T>(self, es: T, en: T) -> T {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_pick_follows_the_language() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(l.other().other(), l);
        }
        assert_eq!(Lang::from_code("ES"), None);
        assert_eq!((Lang::Es.pick("sí", "yes"), Lang::En.pick("sí", "yes")), ("sí", "yes"));
    }
}
