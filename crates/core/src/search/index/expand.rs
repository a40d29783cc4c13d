//! A query word's expansion: the vocabulary's words it stands for (itself, its stems, the words
//! a prefix being typed stands for, those within a typo) with their weights, and their postings.

use super::*;

impl Index {
    /// The words a query word stands for, with how much each counts (from the vocabulary of its
    /// initial).
    pub(super) fn words_for(&self, t: &QueryTerm, needs: &mut Vec<Need>) -> Vec<(String, f32)> {
        let key = vocab_key(&t.folded);
        let before = needs.len();
        // No word has this initial: nothing but typos (through the second letter) can match.
        let vocab = self.vocab_of(&key, needs).unwrap_or(&[]);
        if needs.len() > before {
            return Vec::new();
        }
        let mut out: Vec<(String, f32)> = Vec::new();
        fn add(out: &mut Vec<(String, f32)>, w: &str, f: f32) {
            match out.iter_mut().find(|(x, _)| x == w) {
                Some(e) => e.1 = e.1.max(f),
                None => out.push((w.to_string(), f)),
            }
        }
        if vocab.binary_search_by(|w| w.word.as_str().cmp(&t.folded)).is_ok() {
            add(&mut out, &t.folded, 1.0);
        }
        let (es, en) = (stem_es(&t.folded), stem_en(&t.folded));
        for w in vocab.iter().filter(|w| w.stem_es == es || w.stem_en == en || w.stem_es == en || w.stem_en == es) {
            add(&mut out, &w.word, STEM);
        }
        if t.prefix {
            let from = vocab.partition_point(|w| w.word.as_str() < t.folded.as_str());
            let mut found: Vec<&Word> = vocab[from..].iter().take_while(|w| w.word.starts_with(&t.folded)).collect();
            found.sort_by_key(|w| std::cmp::Reverse(w.df));
            for w in found.into_iter().take(MAX_PREFIX) {
                add(&mut out, &w.word, PREFIX);
            }
        }
        if out.is_empty() && typo_budget(&t.folded) > 0 {
            // Typos: in this initial's words, and in those of the word's second letter, which
            // catch the first two letters swapped ("ocmpras") or a stray first letter.
            let second = t.folded.chars().nth(1).map(String::from).filter(|k| *k != key);
            let other = second.and_then(|k| self.vocab_of(&k, needs));
            let words = vocab.iter().chain(other.into_iter().flatten());
            for (d, w) in near(words, &t.folded, typo_budget(&t.folded), None).into_iter().take(MAX_TYPOS) {
                add(&mut out, w, TYPO[d]);
            }
        }
        out
    }

    /// The postings of a word, if its chunk is loaded; `needs` gets the chunk otherwise.
    pub(super) fn postings(&self, word: &str, needs: &mut Vec<Need>) -> &[(u32, u32)] {
        let Some(i) = chunk_of(&self.firsts, word) else { return &[] };
        let Some(c) = self.chunks.get(&i) else {
            self.ask(needs, Need::Chunk(i));
            return &[];
        };
        c.words
            .binary_search_by(|w| w.as_str().cmp(word))
            .ok()
            .and_then(|w| c.postings.get(w))
            .map_or(&[], Vec::as_slice)
    }

    pub(super) fn accented(&self, t: &QueryTerm) -> &[u32] {
        let chunk = chunk_of(&self.firsts, &t.folded).and_then(|i| self.chunks.get(&i));
        chunk.and_then(|c| c.accented.get(&t.exact)).map_or(&[], Vec::as_slice)
    }
}
