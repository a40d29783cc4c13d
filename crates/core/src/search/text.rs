//! Text normalisation for search: folding (lowercase, no accents: "Perú" = "peru", "ñ" = "n"),
//! tokens with their positions in the original text, stop words, and light stemmers.

/// Lowercase without diacritics. Characters outside Latin are only lowercased.
pub fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' | 'Á' | 'À' | 'Ä' | 'Â' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'Ó' | 'Ò' | 'Ö' | 'Ô' | 'Õ' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Words longer than this are cut (no real word is; it bounds the work on absurd input).
pub const MAX_TOKEN: usize = 40;

/// A word of a text: folded, lowercased with its accents, and where it is (bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    pub exact: String,
    pub start: usize,
    pub end: usize,
}

/// Words: runs of letters and digits ("OCDS", "2023", "mipymes", "e-commerce" → "e", "commerce").
pub fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<Token>, from: usize, to: usize| {
        let word = &s[from..to];
        let exact: String = word.chars().take(MAX_TOKEN).flat_map(char::to_lowercase).collect();
        out.push(Token { folded: fold(&exact), exact, start: from, end: to });
    };
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(from) = start.take() {
            flush(&mut out, from, i);
        }
    }
    if let Some(from) = start {
        flush(&mut out, from, s.len());
    }
    out
}

/// Stop words of both languages, folded and sorted (binary search).
const STOP: [&str; 112] = [
    "a", "about", "al", "also", "an", "and", "ante", "are", "as", "at", "be", "been", "but", "by", "can", "como",
    "con", "contra", "cual", "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellos", "en",
    "entre", "era", "es", "esa", "ese", "eso", "esta", "este", "esto", "for", "from", "fue", "ha", "had", "han", "has",
    "hasta", "have", "hay", "he", "her", "his", "in", "into", "is", "it", "its", "la", "las", "le", "les", "lo", "los",
    "mas", "may", "mi", "muy", "ni", "no", "nor", "not", "o", "of", "on", "or", "our", "para", "pero", "por", "que",
    "se", "ser", "si", "sin", "sobre", "son", "su", "sus", "than", "that", "the", "their", "them", "there", "these",
    "they", "this", "those", "to", "tras", "u", "un", "una", "uno", "unos", "was", "we", "were", "which", "who",
    "with", "y",
];

pub fn is_stop(folded: &str) -> bool {
    STOP.binary_search(&folded).is_ok()
}

fn strip<'a>(w: &'a str, suffix: &str, min_stem: usize) -> Option<&'a str> {
    w.strip_suffix(suffix).filter(|s| s.chars().count() >= min_stem)
}

/// A light Spanish stemmer (plurals, gender, -mente; after Savoy's light stemmer), on folded
/// words: licitaciones → licitacion, compras/compra → compr, públicas → public.
pub fn stem_es(w: &str) -> String {
    if w.chars().count() < 4 || w.bytes().any(|b| b.is_ascii_digit()) {
        return w.to_string();
    }
    if let Some(s) = strip(w, "mente", 4) {
        return s.to_string();
    }
    let w = if let Some(s) = strip(w, "ciones", 2) {
        format!("{s}cion")
    } else if let Some(s) = strip(w, "siones", 2) {
        format!("{s}sion")
    } else if let Some(s) = strip(w, "ces", 3) {
        format!("{s}z")
    } else if let Some(s) = strip(w, "es", 3).filter(|s| s.ends_with(['r', 'l', 'n', 'd', 'z', 'j', 's', 'y'])) {
        s.to_string()
    } else if let Some(s) = strip(w, "s", 3).filter(|_| !w.ends_with("is")) {
        s.to_string()
    } else {
        w.to_string()
    };
    match strip(&w, "a", 4).or_else(|| strip(&w, "o", 4)).or_else(|| strip(&w, "e", 4)) {
        Some(s) => s.to_string(),
        None => w,
    }
}

/// A light English stemmer (plurals, -ing, -ed, -ment, final e): procurement/procure/procuring →
/// procur, suppliers → supplier, agencies → agenc.
pub fn stem_en(w: &str) -> String {
    if w.chars().count() < 4 || w.bytes().any(|b| b.is_ascii_digit()) {
        return w.to_string();
    }
    let mut w = if let Some(s) = strip(w, "ies", 2) {
        format!("{s}y")
    } else if let Some(s) =
        strip(w, "es", 3).filter(|s| s.ends_with("ss") || s.ends_with('x') || s.ends_with("ch") || s.ends_with("sh"))
    {
        s.to_string()
    } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        w.to_string()
    } else if let Some(s) = strip(w, "s", 3) {
        s.to_string()
    } else {
        w.to_string()
    };
    for suffix in ["ment", "ing", "ed"] {
        if let Some(s) = strip(&w, suffix, 3) {
            let b = s.as_bytes();
            // "shipping" → "ship", not "shipp".
            let undouble =
                b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'l' | b's' | b'z');
            w = if undouble { s[..s.len() - 1].to_string() } else { s.to_string() };
            break;
        }
    }
    if w.ends_with('y') && w.len() > 3 {
        w.pop();
        w.push('i');
    }
    match strip(&w, "e", 4) {
        Some(s) => s.to_string(),
        None => w,
    }
}

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) if at most `max`.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[n]).filter(|d| *d <= max)
}

/// Edits allowed for a query word: none under five letters, one from five, two from nine.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Perú"), "peru");
        assert_eq!(fold("LICITACIÓN"), "licitacion");
        assert_eq!(fold("Año Niño"), "ano nino");
        assert_eq!(fold("Ölçü"), "olcu");
    }

    #[test]
    fn tokens_keep_their_place_in_the_text() {
        let t = tokens("Compras Públicas: ¡Perú, 2023! e-commerce");
        let words: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(words, ["compras", "publicas", "peru", "2023", "e", "commerce"]);
        assert_eq!(t[1].exact, "públicas");
        assert_eq!(&"Compras Públicas: ¡Perú, 2023! e-commerce"[t[2].start..t[2].end], "Perú");
        assert!(tokens("!!! ??? 🙂 ---").is_empty());
        assert_eq!(tokens(&"a".repeat(1000))[0].folded.len(), MAX_TOKEN);
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "STOP must stay sorted");
        assert!(is_stop("de") && is_stop("the") && is_stop("para") && !is_stop("compras"));
    }

    #[test]
    fn spanish_stems() {
        assert_eq!(stem_es("licitaciones"), stem_es("licitacion"));
        assert_eq!(stem_es("compras"), stem_es("compra"));
        assert_eq!(stem_es("publicas"), stem_es("publico"));
        assert_eq!(stem_es("proveedores"), stem_es("proveedor"));
        assert_eq!(stem_es("mujeres"), stem_es("mujer"));
        assert_eq!(stem_es("paises"), stem_es("pais"));
        assert_eq!(stem_es("sostenibles"), stem_es("sostenible"));
        assert_eq!(stem_es("2023"), "2023");
        assert_ne!(stem_es("compras"), stem_es("comercio"));
    }

    #[test]
    fn english_stems() {
        assert_eq!(stem_en("procurement"), stem_en("procure"));
        assert_eq!(stem_en("procuring"), stem_en("procure"));
        assert_eq!(stem_en("suppliers"), stem_en("supplier"));
        assert_eq!(stem_en("agencies"), stem_en("agency"));
        assert_eq!(stem_en("businesses"), stem_en("business"));
        assert_eq!(stem_en("shipping"), "ship");
        assert_eq!(stem_en("tenders"), stem_en("tender"));
        assert_eq!(stem_en("process"), "process");
    }

    #[test]
    fn edit_distance_with_a_budget() {
        assert_eq!(within("licitacion", "licitasion", 2), Some(1));
        assert_eq!(within("compars", "compras", 1), Some(1), "a swap is one edit");
        assert_eq!(within("chile", "chine", 1), Some(1));
        assert_eq!(within("peru", "mexico", 2), None);
        assert_eq!(within("", "ab", 2), Some(2));
        assert_eq!(typo_budget("peru"), 0);
        assert_eq!(typo_budget("compras"), 1);
        assert_eq!(typo_budget("licitaciones"), 2);
    }
}
