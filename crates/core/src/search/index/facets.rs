//! Facets: the documents' kind, member, year and topics, read from their own part; counts of a
//! result set with the other facets applied.

use super::*;

/// The documents' facets, one entry per document.
#[derive(Debug, Default)]
pub struct FacetTable {
    kind: Vec<Kind>,
    country: Vec<Option<Country>>,
    year: Vec<Option<i32>>,
    topics: Vec<u64>,
    topic_ids: Vec<String>,
}

impl FacetTable {
    /// Checks a facets file against the number of documents: every column must describe them all.
    pub fn read(f: FacetsFile, n: usize) -> Result<FacetTable, String> {
        let kind: Option<Vec<Kind>> = f.kinds.chars().map(kind_of_char).collect();
        let kind = kind.ok_or("unknown kind")?;
        let country: Vec<Option<Country>> = f.countries.chars().map(country_of_char).collect();
        let mut year = Vec::with_capacity(n);
        for (y, count) in &f.years {
            if year.len() + *count as usize > n {
                return Err("years run past the documents".into());
            }
            year.extend(std::iter::repeat_n((*y != 0).then_some(*y), *count as usize));
        }
        if kind.len() != n || country.len() != n || year.len() != n || f.topics.len() != n {
            return Err(format!("columns of different lengths for {n} documents"));
        }
        // The masks have 64 bits: areas past them cannot be counted (the build writes at most 64).
        let mut topic_ids = f.topic_ids;
        topic_ids.truncate(64);
        Ok(FacetTable { kind, country, year, topics: f.topics, topic_ids })
    }

    pub(super) fn has_topic(&self, doc: usize, topic: &str) -> bool {
        self.topic_ids.iter().position(|t| t == topic).is_some_and(|i| self.topics[doc] & (1 << i) != 0)
    }

    pub(super) fn passes(&self, d: usize, f: &FacetFilter, skip: Option<usize>) -> bool {
        (skip == Some(0) || f.kind.is_none_or(|k| self.kind[d] == k))
            && (skip == Some(1) || f.country.is_none_or(|c| self.country[d] == Some(c)))
            && (skip == Some(2) || f.topic.as_ref().is_none_or(|x| self.has_topic(d, x)))
            && (skip == Some(3) || f.year.is_none_or(|y| self.year[d] == Some(y)))
    }
}

impl Index {
    /// Counts per facet value over `hits`, each facet with the other facets' choices applied.
    pub fn facets(&self, hits: &[Hit], f: &FacetFilter) -> Result<Facets, Need> {
        let Some(t) = self.facets.as_deref() else {
            return if self.missing.contains(&Need::Facets) { Ok(Facets::default()) } else { Err(Need::Facets) };
        };
        let mut kinds: HashMap<Kind, usize> = HashMap::new();
        let mut countries: HashMap<Country, usize> = HashMap::new();
        let mut topics = vec![0usize; t.topic_ids.len()];
        let mut years: HashMap<i32, usize> = HashMap::new();
        for h in hits {
            let d = h.doc as usize;
            if t.passes(d, f, Some(0)) {
                *kinds.entry(t.kind[d]).or_default() += 1;
            }
            if let Some(c) = t.country[d].filter(|_| t.passes(d, f, Some(1))) {
                *countries.entry(c).or_default() += 1;
            }
            if t.passes(d, f, Some(2)) {
                for (i, n) in topics.iter_mut().enumerate() {
                    *n += usize::from(t.topics[d] & (1 << i) != 0);
                }
            }
            if let Some(y) = t.year[d].filter(|_| t.passes(d, f, Some(3))) {
                *years.entry(y).or_default() += 1;
            }
        }
        let mut out = Facets {
            kinds: kinds.into_iter().collect(),
            countries: countries.into_iter().collect(),
            topics: t.topic_ids.iter().cloned().zip(topics).filter(|(_, n)| *n > 0).collect(),
            years: years.into_iter().collect(),
        };
        out.kinds.sort();
        out.countries.sort();
        out.topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.years.sort_by_key(|y| std::cmp::Reverse(y.0));
        Ok(out)
    }

    /// Whether a hit passes every facet choice (all pass while the facets are not loaded).
    pub fn passes(&self, h: &Hit, f: &FacetFilter) -> bool {
        self.facets.as_deref().is_none_or(|t| t.passes(h.doc as usize, f, None))
    }
}
