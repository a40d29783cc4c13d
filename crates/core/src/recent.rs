//! The last few results a page computed, by key, most recent first: what it reuses when the
//! reader goes back to a state seen a moment ago (a filter chip removed, Back, a toggle).
//! A handful of entries, so a linear scan beats hashing and keys need only `PartialEq`.

#[derive(Debug, Clone)]
pub struct Recent<K, V> {
    capacity: usize,
    items: Vec<(K, V)>,
}

impl<K: PartialEq, V: Clone> Recent<K, V> {
    /// Keeps at most `capacity` results (at least one).
    pub fn new(capacity: usize) -> Self {
        Recent { capacity: capacity.max(1), items: Vec::new() }
    }

    /// The result for `key`: the one kept, else `make()`'s, kept in place of the least recent.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> V {
        let value = match self.items.iter().position(|(k, _)| *k == key) {
            Some(i) => self.items.remove(i).1,
            None => make(),
        };
        self.items.insert(0, (key, value.clone()));
        self.items.truncate(self.capacity);
        value
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Recent;
    use std::cell::Cell;

    #[test]
    fn a_key_seen_is_not_computed_again_and_the_least_recent_goes_first() {
        let made = Cell::new(0);
        let mut r = Recent::new(2);
        let mut get = |k: &str| {
            r.get_or_insert_with(k.to_string(), || {
                made.set(made.get() + 1);
                k.len()
            })
        };
        assert_eq!(get("a"), 1);
        assert_eq!(get("bb"), 2);
        assert_eq!(get("a"), 1);
        assert_eq!(made.get(), 2, "'a' was kept");
        // 'bb' is now the least recent: a third key pushes it out, and 'a' stays.
        assert_eq!(get("ccc"), 3);
        assert_eq!(get("a"), 1);
        assert_eq!(made.get(), 3);
        assert_eq!(get("bb"), 2);
        assert_eq!(made.get(), 4, "'bb' was computed again");
    }

    #[test]
    fn capacity_is_at_least_one() {
        let mut r = Recent::new(0);
        assert_eq!(r.get_or_insert_with(1, || "x"), "x");
        assert_eq!(r.get_or_insert_with(1, || "y"), "x");
        assert_eq!(r.len(), 1);
        assert!(!r.is_empty());
    }
}
