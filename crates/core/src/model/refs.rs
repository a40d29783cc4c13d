//! Checks across files: every topic an item names must exist.

use super::content::{Dataset, Document, Event, NewsItem, Topic};
use super::load::ContentFile;
use super::problem::{Problem, ProblemKind};
use std::collections::HashSet;

/// Problems with references between files (the browser simply omits an unknown topic's label).
pub fn check_references(
    topics: &[Topic],
    news: &[NewsItem],
    documents: &[Document],
    events: &[Event],
    datasets: &[Dataset],
) -> Vec<Problem> {
    let known: HashSet<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    let mut out = Vec::new();
    let mut scan = |file: &str, key: &str, id: &str, refs: &[String]| {
        for (i, t) in refs.iter().enumerate() {
            if !known.contains(t.as_str()) {
                out.push(Problem::error(
                    file,
                    format!("{key}[id={id}].topics[{i}]"),
                    ProblemKind::UnknownReference { kind: "topic", value: t.clone() },
                ));
            }
        }
    };
    for n in news {
        scan(NewsItem::FILE, NewsItem::KEY, &n.id, &n.topics);
    }
    for d in documents {
        scan(Document::FILE, Document::KEY, &d.id, &d.topics);
    }
    for e in events {
        scan(Event::FILE, Event::KEY, &e.id, &e.topics);
    }
    for d in datasets {
        scan(Dataset::FILE, Dataset::KEY, &d.id, &d.topics);
    }
    out
}
