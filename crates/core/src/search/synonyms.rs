//! The field's names and synonyms, shipped as editable content (`content/synonyms.json`):
//! groups of words that stand for one another ("licitación", "convocatoria", "tender"; the
//! national portals' names; "mipyme", "pyme", "MSME"). Applied when the index is built: a
//! document that says one word of a group is also found by the others (with the body's weight),
//! so they are known words, never "corrected" into unrelated ones. An entry of several words
//! ("Colombia Compra Eficiente") is a phrase that brings the group's single words to a document.

use super::text::{is_stop, tokens};
use serde::Deserialize;

pub const FILE: &str = "synonyms.json";
const FORMAT: u32 = 1;
/// An entry longer than this cannot be a name or a term.
const MAX_ENTRY: usize = 80;

/// One group: its single words and its phrases, folded.
#[derive(Clone, Debug, Default, PartialEq)]
struct Group {
    words: Vec<String>,
    phrases: Vec<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synonyms {
    groups: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    format: u32,
    synonyms: Vec<Vec<String>>,
}

impl Synonyms {
    /// Parses the file; each problem names the group, and a bad group is left out.
    pub fn parse(text: &str) -> (Synonyms, Vec<String>) {
        let raw: Raw = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => return (Synonyms::default(), vec![format!("not a synonyms file ({e})")]),
        };
        if raw.format != FORMAT {
            return (Synonyms::default(), vec![format!("format {} is not supported (expected {FORMAT})", raw.format)]);
        }
        let mut problems = Vec::new();
        let mut groups = Vec::new();
        for (i, entries) in raw.synonyms.iter().enumerate() {
            let mut g = Group::default();
            let mut bad = None;
            for e in entries {
                let words: Vec<String> = tokens(e).into_iter().map(|t| t.folded).filter(|w| !is_stop(w)).collect();
                match words.len() {
                    _ if e.chars().count() > MAX_ENTRY => {
                        bad = Some(format!("\"{}…\" is too long", e.chars().take(20).collect::<String>()))
                    }
                    0 => bad = Some(format!("\"{e}\" has no word to search")),
                    1 => g.words.extend(words),
                    _ => g.phrases.push(words),
                }
            }
            g.words.sort();
            g.words.dedup();
            if bad.is_none() && g.words.len() + g.phrases.len() < 2 {
                bad = Some("a group needs at least two entries".into());
            }
            match bad {
                Some(why) => problems.push(format!("synonyms[{i}]: {why}")),
                None => groups.push(g),
            }
        }
        (Synonyms { groups }, problems)
    }

    /// The words a document gains: for each group it mentions (one of its words, or a phrase in
    /// `sequence`, the document's folded words in order), the group's words it lacks.
    pub fn added(&self, has: impl Fn(&str) -> bool, sequence: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for g in &self.groups {
            let phrase = |p: &Vec<String>| sequence.windows(p.len()).any(|w| w == p.as_slice());
            if g.words.iter().any(|w| has(w)) || g.phrases.iter().any(phrase) {
                for w in &g.words {
                    if !has(w) && !out.contains(w) {
                        out.push(w.clone());
                    }
                }
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every single word of the groups: names of the field the index knows even where no text
    /// uses them, so that a spelling suggestion never "corrects" them ("ocds" into "ocde").
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flat_map(|g| g.words.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_bring_their_words_to_documents_that_mention_one() {
        let (s, problems) = Synonyms::parse(
            r#"{"format":1,"synonyms":[["Licitación","convocatoria","tender"],["SECOP","Colombia Compra Eficiente"],["solo"],["de"]]}"#,
        );
        assert_eq!(
            problems,
            ["synonyms[2]: a group needs at least two entries", "synonyms[3]: \"de\" has no word to search"]
        );
        let seq = |t: &str| tokens(t).into_iter().map(|t| t.folded).collect::<Vec<_>>();
        let doc = seq("Resultados de la licitación pública");
        let has = |w: &str| doc.iter().any(|d| d == w);
        assert_eq!(s.added(has, &doc), ["convocatoria", "tender"]);
        // A phrase brings the group's single words.
        let doc = seq("Informe de Colombia Compra Eficiente");
        let has = |w: &str| doc.iter().any(|d| d == w);
        assert_eq!(s.added(has, &doc), ["secop"]);
        let doc = seq("Nada que ver");
        assert!(s.added(|w| doc.iter().any(|d| d == w), &doc).is_empty());
        assert_eq!(Synonyms::parse("{}").1.len(), 1);
        assert_eq!(Synonyms::parse(r#"{"format":2,"synonyms":[]}"#).1, ["format 2 is not supported (expected 1)"]);
    }
}
