//! Suggestions: did-you-mean from the vocabulary, and the ready suggestions the search box
//! shows for one- and two-letter queries (written by the publishing step).

use super::*;

impl Index {
    /// A spelling the index knows, for a query that found nothing: each unknown word replaced
    /// by its closest known word (same first letter), of the page's language `lang` first.
    pub fn did_you_mean(&self, q: &Query, lang: Lang) -> Result<Option<String>, Vec<Need>> {
        let mut needs = Vec::new();
        let mut changed = false;
        let mut words = Vec::new();
        for t in &q.terms {
            let Some(vocab) = self.vocab_of(&vocab_key(&t.folded), &mut needs) else {
                words.push(t.folded.clone());
                continue;
            };
            let known = vocab.binary_search_by(|w| w.word.as_str().cmp(&t.folded)).is_ok();
            let closest = if known {
                None
            } else {
                near(vocab.iter(), &t.folded, 2, Some(lang)).first().map(|(_, w)| w.to_string())
            };
            match closest {
                Some(w) => {
                    changed = true;
                    words.push(w);
                }
                None => words.push(t.folded.clone()),
            }
        }
        pending(needs)?;
        Ok((changed && !words.is_empty()).then(|| words.join(" ")))
    }

    /// Ready suggestions in `lang` (publishing step): for each initial, and per initial for each
    /// two-letter prefix.
    pub fn suggest_files(&self, lang: Lang) -> (SuggestFile, Vec<(String, SuggestFile)>) {
        let mut first = SuggestFile::new();
        let mut per_initial = Vec::new();
        for (initial, vocab) in &self.vocab {
            first.insert(initial.clone(), self.ready(initial, lang));
            let mut twos: Vec<String> = vocab.iter().map(|w| w.word.chars().take(2).collect()).collect();
            twos.dedup();
            let file: SuggestFile = twos
                .into_iter()
                .filter(|p| p.chars().count() == 2)
                .map(|p| (p.clone(), self.ready(&p, lang)))
                .collect();
            per_initial.push((initial.clone(), file));
        }
        (first, per_initial)
    }

    /// The suggestions for a short prefix, computed with every word it starts (not only the
    /// most frequent, as in the browser).
    pub(super) fn ready(&self, prefix: &str, lang: Lang) -> Vec<Suggestion> {
        let q = Query::parse(prefix, true);
        let Ok(hits) = self.top(&q, SUGGESTIONS) else { return Vec::new() };
        hits.iter()
            .filter_map(|h| {
                let d = self.texts.get(&h.doc)?;
                let mut matched: Vec<String> = self.matched(h.doc, &q).into_iter().collect();
                matched.sort();
                Some(Suggestion {
                    kind: d.kind.code().to_string(),
                    id: d.id.clone(),
                    title: d.title.get(lang).to_string(),
                    matched,
                })
            })
            .collect()
    }
}
