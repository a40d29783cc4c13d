//! Search relevance against the bundled content: each query, in Spanish or English, typed as
//! people type (no accents, typos, plurals, partial words), with the item it must rank first
//! (or among the first three). Also the behaviour on absurd input.

// Tests fail by panicking (see clippy.toml for unit tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use observatorio_core::model::*;
use observatorio_core::search::Index;
use observatorio_core::search::Query;
use std::fs;

fn index() -> Index {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content");
    let read = |f: &str| fs::read_to_string(root.join(f)).unwrap();
    Index::from_content(
        &parse_file::<NewsItem>(&read("news.json")).unwrap().items,
        &parse_file::<Document>(&read("documents.json")).unwrap().items,
        &parse_file::<Event>(&read("events.json")).unwrap().items,
        &parse_file::<Topic>(&read("topics.json")).unwrap().items,
        &parse_file::<Dataset>(&read("datasets.json")).unwrap().items,
    )
}

fn top(ix: &Index, q: &str, typing: bool) -> Vec<String> {
    ix.search(&Query::parse(q, typing)).unwrap().iter().map(|h| ix.doc(h.doc).unwrap().id.clone()).collect()
}

/// (query, typing, expected id, must be within the first n)
const TABLE: &[(&str, bool, &str, usize)] = &[
    // Accents and case.
    ("compras publicas peru", false, "observatory-launch-2023", 5),
    ("observatorio compras publicas", false, "observatory-launch", 2),
    ("LANZAMIENTO OBSERVATORIO", false, "observatory-launch-2023", 2),
    ("declaracion de lima", false, "lima-declaration-2019", 1),
    ("cumbre oaxaca", false, "xvii-summit-oaxaca-2022", 2),
    ("japon", false, "joint-declaration-japan-2019", 2),
    ("Japón declaración conjunta", false, "joint-declaration-japan-2019", 2),
    ("mexico consejo de ministros", false, "xxvi-council-of-ministers", 1),
    // Stemming, both languages.
    ("contrato adjudicado", false, "sample-msme-share-by-country", 1),
    ("declaraciones conjuntas", false, "joint-declarations-japan-oecd-eec", 1),
    ("procure", false, "sustainable-procurement", 3),
    ("suppliers guide", false, "sample-supplier-guide", 1),
    ("sustainable procurement", false, "sustainable-procurement", 1),
    ("exporting companies promotion", false, "promotion-strategy-2022", 1),
    ("mujeres", false, "msme-women", 1),
    ("women-led businesses", false, "msme-women", 1),
    // English.
    ("cybersecurity study", false, "grupo-radar-datasec-2021", 1),
    ("cyber risk survey", false, "cyber-risk-perception-survey-2019", 1),
    ("labour observatory", false, "regional-labor-observatory", 2),
    ("infrastructure portfolio", false, "infrastructure-investment-portfolio-2022", 3),
    ("Norway", false, "alliance-in-norway", 1),
    ("OECD", false, "joint-declaration-oecd-2019", 2),
    ("environment declaration", false, "environment-declaration-2019", 1),
    // Typos.
    ("obsevatorio", false, "observatory-launch", 4),
    ("ciberseguriad", false, "grupo-radar-datasec-2021", 3),
    ("infraestrutura", false, "infrastructure-investment-portfolio-2022", 3),
    ("Arendalsukka", false, "alliance-in-norway", 1),
    // Prefixes while typing.
    ("arendal", true, "alliance-in-norway", 1),
    ("seminario vir", true, "digital-teaching-seminar-2022", 2),
    ("euroasi", true, "joint-declaration-eec-2019", 1),
    // One word that is most of a title.
    ("declaración", false, "lima-declaration-2019", 1),
    ("encuesta", false, "cyber-risk-perception-survey-2019", 1),
    // Quoted phrases.
    ("\"seguridad digital\"", false, "digital-security-workshop", 3),
    ("\"trading system\"", false, "multilateral-trading-system-declaration-2019", 1),
    // Spanish ñ without the key.
    ("mipymes pequenas empresas", false, "msme-women", 3),
];

#[test]
fn relevance_table() {
    let ix = index();
    let mut failures = Vec::new();
    for (q, typing, want, n) in TABLE {
        let got = top(&ix, q, *typing);
        if !got.iter().take(*n).any(|id| id == want) {
            failures.push(format!("{q:?}: want {want} in top {n}, got {:?}", &got[..got.len().min(5)]));
        }
    }
    assert!(TABLE.len() >= 30);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn phrases_are_stricter_than_words() {
    let ix = index();
    let words = top(&ix, "sistema comercio", false).len();
    let phrase = top(&ix, "\"sistema multilateral de comercio\"", false);
    assert!(!phrase.is_empty() && phrase.len() < words, "{phrase:?} vs {words}");
}

#[test]
fn nothing_found_suggests_a_spelling() {
    let ix = index();
    let q = Query::parse("ciberseguridaaaad xyzzy", false);
    assert!(ix.search(&q).unwrap().is_empty());
    let q = Query::parse("declarasiones conjuntaz", false);
    let suggestion = ix.did_you_mean(&q, observatorio_core::lang::Lang::Es).unwrap().unwrap_or_default();
    assert!(suggestion.starts_with("declaraciones conjunta"), "{suggestion}");
    assert!(!ix.search(&Query::parse(&suggestion, false)).unwrap().is_empty());
    assert_eq!(ix.latest(3).len(), 3);
}

#[test]
fn absurd_input_is_harmless() {
    let ix = index();
    let long = "compras ".repeat(1300);
    for q in
        [long.as_str(), "!!!???...", "🙂🚀", "مناقصات عامة", "<script>alert(1)</script>", "\"", "\"\"\"", "   ", ""]
    {
        let start = std::time::Instant::now();
        let _ = ix.search(&Query::parse(q, true));
        let _ = ix.did_you_mean(&Query::parse(q, false), observatorio_core::lang::Lang::Es);
        assert!(start.elapsed().as_millis() < 500, "{q:.30}");
    }
    assert!(Query::parse("!!!", true).is_empty());
    // Stop words alone are still searched.
    assert!(!Query::parse("de la", false).is_empty());
}

#[test]
fn the_fields_names_are_not_corrected_on_a_spanish_page() {
    // As the publishing step builds it: with the bundled synonyms.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content");
    let read = |f: &str| fs::read_to_string(root.join(f)).unwrap();
    let docs = observatorio_core::search::engine::docs_of(
        &parse_file::<NewsItem>(&read("news.json")).unwrap().items,
        &parse_file::<Document>(&read("documents.json")).unwrap().items,
        &parse_file::<Event>(&read("events.json")).unwrap().items,
        &parse_file::<Topic>(&read("topics.json")).unwrap().items,
        &parse_file::<Dataset>(&read("datasets.json")).unwrap().items,
    );
    let (synonyms, problems) = observatorio_core::search::synonyms::Synonyms::parse(&read("synonyms.json"));
    assert!(problems.is_empty());
    let ix = Index::from_shipped(&observatorio_core::search::ship::ship_with(docs, &synonyms)).unwrap();
    // Without them, "ocds" was offered as "ocde".
    assert_eq!(
        index().did_you_mean(&Query::parse("ocds", false), observatorio_core::lang::Lang::Es).unwrap().as_deref(),
        Some("ocde")
    );
    for word in ["ocds", "secop", "seace", "compranet", "tender", "licitación", "mipyme"] {
        let q = Query::parse(word, false);
        assert_eq!(ix.did_you_mean(&q, observatorio_core::lang::Lang::Es).unwrap(), None, "{word}");
    }
}
