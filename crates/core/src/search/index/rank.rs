//! Ranking: the candidates of a query's words, BM25F-weighted with the title bonus, phrases
//! checked, the top k in order; which words matched, for highlights.

use super::*;

impl Index {
    /// Documents matching the query, best first: those with every word first, then those
    /// missing one, and so on; by score within each group; ties go to the newest. A quoted
    /// phrase keeps, of the first PHRASE_CHECK candidates, those whose text holds it.
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>, Vec<Need>> {
        let mut hits = self.candidates(q)?;
        sort(&mut hits);
        if q.phrases.is_empty() {
            return Ok(hits);
        }
        hits.truncate(PHRASE_CHECK);
        pending(hits.iter().map(|h| Need::Doc(h.doc)).filter(|n| !self.has(n)).collect())?;
        hits.retain(|h| self.texts.get(&h.doc).is_some_and(|d| q.phrases.iter().all(|p| d.has_phrase(p))));
        Ok(hits)
    }

    /// The best `k` results only (suggestions as you type: no full sort).
    pub fn top(&self, q: &Query, k: usize) -> Result<Vec<Hit>, Vec<Need>> {
        if !q.phrases.is_empty() {
            return self.search(q).map(|mut h| {
                h.truncate(k);
                h
            });
        }
        let mut hits = self.candidates(q)?;
        if hits.len() > k && k > 0 {
            hits.select_nth_unstable_by(k - 1, order);
            hits.truncate(k);
        }
        sort(&mut hits);
        Ok(hits)
    }

    /// Scores every document matching at least one word (dense arrays: a common word touches
    /// most documents).
    pub(super) fn candidates(&self, q: &Query) -> Result<Vec<Hit>, Vec<Need>> {
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut needs = Vec::new();
        let terms: Vec<Arc<TermHits>> = q.terms.iter().map(|t| self.term_hits(t, &mut needs)).collect();
        pending(needs)?;
        let n = self.docs;
        let mut total = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut title = vec![0u8; n];
        let mut class = vec![0u8; n];
        for list in &terms {
            for (doc, score, c) in list.iter() {
                let d = *doc as usize;
                total[d] += score;
                matched[d] += 1;
                if *c > 0 {
                    title[d] += 1;
                    class[d] = *c;
                }
            }
        }
        let all = q.terms.len() as u8;
        let mut hits = Vec::new();
        for d in 0..n {
            if matched[d] == 0 {
                continue;
            }
            let mut score = total[d];
            // A title holding every word of the query is what people look for, the more so
            // when the title is little else ("Declaración de Lima" for "declaración").
            if title[d] == all {
                let coverage = (q.terms.len() as f32 / f32::from(class[d].max(1))).min(1.0);
                score *= TITLE_BONUS + 0.5 * coverage;
            }
            hits.push(Hit { doc: d as u32, score, words: usize::from(matched[d]) });
        }
        Ok(hits)
    }

    /// One query word's matches: (document, best score over the words it stands for, title
    /// class if one of them is in the title). Kept once complete: while a query is typed, the
    /// words before the last are not worked out again at every keystroke.
    pub(super) fn term_hits(&self, t: &QueryTerm, needs: &mut Vec<Need>) -> Arc<TermHits> {
        let key = (t.folded.clone(), t.exact.clone(), t.prefix);
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return hit;
        }
        let before = needs.len();
        let words = self.words_for(t, needs);
        for (w, _) in &words {
            self.postings(w, needs);
        }
        if needs.len() > before {
            return Arc::default();
        }
        let mut best: HashMap<u32, (f32, u8)> = HashMap::new();
        for (w, factor) in &words {
            for (doc, v) in self.postings(w, needs) {
                // A score of 0 (a word in nearly every document) still matches.
                let s = (factor * (*v >> 4) as f32 / SCALE).max(f32::MIN_POSITIVE);
                let e = best.entry(*doc).or_insert((0.0, 0));
                e.0 = e.0.max(s);
                if v & 15 != 0 {
                    e.1 = (v & 15) as u8;
                }
            }
        }
        if t.exact != t.folded {
            for doc in self.accented(t) {
                if let Some(e) = best.get_mut(doc) {
                    e.0 *= ACCENT_BONUS;
                }
            }
        }
        let hits: Arc<TermHits> = Arc::new(best.into_iter().map(|(d, (s, c))| (d, s, c)).collect());
        if let Ok(mut c) = self.cache.lock() {
            if c.len() >= TERM_CACHE {
                c.clear();
            }
            c.insert(key, hits.clone());
        }
        hits
    }

    /// The words of `doc` that matched the query (for highlighting); words of parts not loaded
    /// are left out.
    pub fn matched(&self, doc: u32, q: &Query) -> HashSet<String> {
        self.matched_each(&[doc], q).pop().unwrap_or_default()
    }

    /// `matched` for several documents, expanding the query once.
    pub fn matched_each(&self, docs: &[u32], q: &Query) -> Vec<HashSet<String>> {
        let mut needs = Vec::new();
        let words: Vec<(String, f32)> = q.terms.iter().flat_map(|t| self.words_for(t, &mut needs)).collect();
        let lists: Vec<(&String, &[(u32, u32)])> =
            words.iter().map(|(w, _)| (w, self.postings(w, &mut needs))).collect();
        docs.iter()
            .map(|doc| {
                lists
                    .iter()
                    .filter(|(_, p)| p.binary_search_by_key(doc, |x| x.0).is_ok())
                    .map(|(w, _)| (*w).clone())
                    .collect()
            })
            .collect()
    }

    /// The newest documents' numbers (for "no results"): documents are numbered newest first.
    pub fn latest(&self, n: usize) -> Vec<u32> {
        (0..self.dated.min(n) as u32).collect()
    }
}
