//! Bilingual text: Spanish is required, English expected; the reader's language is shown, with
//! Spanish as the fallback so nothing is ever blank.

use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Text {
    pub es: String,
    pub en: Option<String>,
}

impl Text {
    pub fn new(es: &str, en: &str) -> Self {
        Text { es: es.to_string(), en: Some(en.to_string()) }
    }

    /// The text in `lang`, or the Spanish text when that translation is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.en.as_deref().unwrap_or(&self.es),
            Lang::Es => &self.es,
        }
    }

    /// True when `lang` would fall back to Spanish (shown with `lang="es"` for screen readers).
    pub fn is_fallback(&self, lang: Lang) -> bool {
        lang == Lang::En && self.en.is_none()
    }
}

/// Paragraphs of plain text in both languages. Never HTML: views render each as a `<p>`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Blocks {
    pub es: Vec<String>,
    pub en: Option<Vec<String>>,
}

impl Blocks {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => self.en.as_deref().unwrap_or(&self.es),
            Lang::Es => &self.es,
        }
    }

    pub fn is_fallback(&self, lang: Lang) -> bool {
        lang == Lang::En && self.en.is_none()
    }
}

/// The longest key made from a name (`organizer_key`), as the filters read it back from a URL.
pub const MAX_KEY: usize = 100;

/// A stable URL key for an organizer: its Spanish name, lowercased, accents folded, words joined
/// by hyphens ("Comité de Compras Públicas" → "comite-de-compras-publicas").
pub fn organizer_key(name: &Text) -> String {
    let mut out = String::new();
    for c in name.es.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(MAX_KEY).collect()
}
