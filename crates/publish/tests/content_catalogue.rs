//! The bundled content is valid, and every broken file in tests/fixtures/bad gives the message an
//! editor needs: file, JSON path, what is wrong — while the good items of the file still load.

// Tests fail by panicking (see clippy.toml for unit tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use observatorio_core::lang::Lang;
use observatorio_core::model::*;
use std::fs;

/// The repository's root: paths below are relative to it, as an editor types them.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The checker, run from the repository's root.
fn checker() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_check-content"));
    c.current_dir(root());
    c
}

fn bad(name: &str) -> String {
    read(&format!("tests/fixtures/bad/{name}"))
}

/// The problem at `path`, as the checker prints it.
fn line_at(problems: &[Problem], path: &str) -> String {
    problems.iter().find(|p| p.path == path).map(|p| p.to_string()).unwrap_or_else(|| {
        panic!("no problem at {path}; got:\n{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))
    })
}

#[test]
fn bundled_content_is_valid_and_complete() {
    let dir = "public/content";
    let topics = parse_file::<Topic>(&read(&format!("{dir}/topics.json"))).unwrap();
    let news = parse_file::<NewsItem>(&read(&format!("{dir}/news.json"))).unwrap();
    let docs = parse_file::<Document>(&read(&format!("{dir}/documents.json"))).unwrap();
    let events = parse_file::<Event>(&read(&format!("{dir}/events.json"))).unwrap();
    let data = parse_file::<Dataset>(&read(&format!("{dir}/datasets.json"))).unwrap();
    let site = parse_file::<Site>(&read(&format!("{dir}/site.json"))).unwrap();
    for problems in [&topics.problems, &news.problems, &docs.problems, &events.problems, &data.problems, &site.problems]
    {
        assert!(problems.is_empty(), "{problems:#?}");
    }
    assert!(check_references(&topics.items, &news.items, &docs.items, &events.items, &data.items).is_empty());
    assert!(news.items.len() >= 10);
    // Newest first.
    assert_eq!(news.items[0].id, "observatory-launch");
    assert!(news.items.windows(2).all(|w| w[0].date >= w[1].date));
    // Every real item has both languages; invented ones say so.
    for n in &news.items {
        assert!(n.title.en.is_some() && n.body.en.is_some(), "{}", n.id);
        assert!(!n.sample);
    }
    for e in events.items.iter().filter(|e| e.sample) {
        assert!(e.title.es.starts_with("Ejemplo") && e.title.get(Lang::En).starts_with("Sample"), "{}", e.id);
    }
    for d in docs.items.iter().filter(|d| d.sample) {
        assert!(d.title.es.starts_with("Ejemplo"), "{}", d.id);
    }
    // The events the source names, with their local times.
    let seminar = events.items.iter().find(|e| e.id == "digital-teaching-seminar-2022").unwrap();
    assert_eq!(seminar.start, EventTime::parse("2022-11-24T12:00").unwrap());
    assert_eq!(seminar.timezone.as_deref(), Some("America/Mexico_City"));
    let workshop = events.items.iter().find(|e| e.id == "digital-security-workshop-2023").unwrap();
    assert_eq!(workshop.links.iter().filter(|l| l.kind == LinkKind::Recording).count(), 2);
    for id in ["xiv-summit-lima-2019", "xvii-summit-oaxaca-2022", "observatory-launch-2023"] {
        assert!(events.items.iter().any(|e| e.id == id), "{id}");
    }
    for id in [
        "promotion-activities-2022",
        "infrastructure-portfolio-subsectors",
        "cyber-readiness-latam",
        "alliance-weight-latam",
    ] {
        assert!(data.items.iter().any(|d| d.id == id), "{id}");
    }
}

#[test]
fn file_level_errors_name_the_problem() {
    let cases: [(&str, &str); 5] = [
        ("news.syntax.json", "news.json: $: error: the file is not valid JSON (line 1, column 39: trailing comma)"),
        ("news.format-version.json", "news.json: format: error: format version 2 is not supported (this site reads 1)"),
        ("news.format-missing.json", "news.json: format: error: the \"format\" field is missing"),
        (
            "news.not-object.json",
            "news.json: $: error: unexpected shape: expected an object with \"format\" and \"news\"",
        ),
        ("news.not-list.json", "news.json: news: error: unexpected shape: \"news\" must be a list"),
    ];
    for (file, expected) in cases {
        match parse_file::<NewsItem>(&bad(file)) {
            Err(FileError::Invalid(p)) => assert!(p.to_string().starts_with(expected), "{file}: {p}"),
            other => panic!("{file}: expected a file error, got {other:?}"),
        }
    }
}

#[test]
fn bad_news_items_are_left_out_with_exact_messages() {
    let loaded = parse_file::<NewsItem>(&bad("news.items.json")).unwrap();
    let ids: Vec<&str> = loaded.items.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["good-one", "no-english"], "only valid items load");
    assert_eq!(loaded.skipped(), 8);
    let p = &loaded.problems;
    assert!(
        line_at(p, "news[1].date").contains("not a valid date: \"2023-02-30\" (fix: use YYYY, YYYY-MM or YYYY-MM-DD")
    );
    assert!(line_at(p, "news[2].country")
        .contains("unknown country: \"BR\" (fix: use AP (the whole Alliance), CL, CO, MX or PE)"));
    assert!(line_at(p, "news[3].title.es").contains("error: the Spanish text is missing"));
    assert!(line_at(p, "news[4].links[0].url").contains("link not allowed: \"javascript:alert(1)\""));
    assert!(line_at(p, "news[5].id").contains("not a valid id: \"Bad Id\""));
    assert!(line_at(p, "news[6].id").contains("duplicate id: \"good-one\""));
    assert!(line_at(p, "news[7].titel").contains("unknown field `titel`"));
    assert!(line_at(p, "news[8].date").contains("invalid type: integer `2023`, expected a string"));
    let warning = line_at(p, "news[9].title.en");
    assert!(warning.contains("warning: the English translation is missing"), "{warning}");
    // The Spanish message for the same problem.
    let es = p.iter().find(|x| x.path == "news[2].country").unwrap();
    assert_eq!(es.message(Lang::Es), "país desconocido: \"BR\"");
}

#[test]
fn bad_events() {
    let loaded = parse_file::<Event>(&bad("events.items.json")).unwrap();
    assert_eq!(loaded.items.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["fine"]);
    let p = &loaded.problems;
    assert!(line_at(p, "events[0].end").contains("the event ends before it starts"));
    assert!(line_at(p, "events[1].timezone")
        .contains("unknown time zone: \"Mars/Olympus\" (fix: use an IANA name, e.g. America/Lima)"));
    assert!(line_at(p, "events[2].timezone").contains("unknown time zone: \"\""));
    assert!(line_at(p, "events[3].start").contains("not a valid date or time: \"2022-11-24T25:00\""));
    assert!(line_at(p, "events[4].end").contains("start and end mix a whole day with a time"));
    assert!(line_at(p, "events[5].format")
        .contains("unknown value: \"virtual\" (fix: allowed values: online, in_person, hybrid)"));
    // Well shaped but not in the tz database.
    assert!(line_at(p, "events[6].timezone").contains("unknown time zone: \"America/Atlantis\""));
    assert!(line_at(p, "events[7].country").contains("\"AR\""));
    assert!(line_at(p, "events[8].participation.form").contains("the form must post to an https address"));
    assert!(
        line_at(p, "events[8].participation.email").contains("not a valid e-mail address: \"events at example.org\"")
    );
    assert!(line_at(p, "events[9].start").contains("not a valid date or time: \"24/11/2022\""));
}

#[test]
fn bad_datasets_and_documents() {
    let loaded = parse_file::<Dataset>(&bad("datasets.items.json")).unwrap();
    assert!(loaded.items.is_empty());
    let p = &loaded.problems;
    assert!(line_at(p, "datasets[0].rows[1]").contains("the row has 1 cells but there are 2 columns"));
    assert!(line_at(p, "datasets[1].rows[0][1]").contains("this column is numeric"));
    assert!(line_at(p, "datasets[2].columns[0].type")
        .contains("unknown value: \"date\" (fix: allowed values: text, number)"));

    let loaded = parse_file::<Document>(&bad("documents.items.json")).unwrap();
    let p = &loaded.problems;
    assert!(line_at(p, "documents[0].type").contains("unknown value: \"novel\""));
    assert!(line_at(p, "documents[1].author.kind")
        .contains("unknown value: \"ghost\" (fix: allowed values: committee, collaborator, alliance, external)"));
    assert!(line_at(p, "documents[2].date").contains("not a valid date: \"2022-13\""));
    assert!(line_at(p, "documents[2].url").contains("link not allowed: \"data:text/html"));
    // The reference is fine inside the file, and caught across files.
    assert_eq!(loaded.items.len(), 1);
    let refs = check_references(&[], &[], &loaded.items, &[], &[]);
    assert_eq!(refs.len(), 1);
    assert!(refs[0]
        .to_string()
        .contains("documents[id=unknown-topic].topics[0]: error: topic \"no-such-topic\" does not exist"));
}

#[test]
fn the_checker_command_reports_and_fails() {
    let ok = checker().arg("public/content").output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    let tmp = std::env::temp_dir().join(format!("observatorio-check-{}", std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    for f in ["site.json", "topics.json", "documents.json", "events.json", "datasets.json"] {
        fs::copy(root().join("public/content").join(f), tmp.join(f)).unwrap();
    }
    fs::copy(root().join("tests/fixtures/bad/news.items.json"), tmp.join("news.json")).unwrap();
    let out = checker().arg(&tmp).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains("news.json: news[2].country: error: unknown country: \"BR\""), "{stdout}");
    assert!(stdout.contains(": 8 error(s), 1 warning(s)"), "{stdout}");
    let es = checker().arg(&tmp).args(["--lang", "es"]).output().unwrap();
    assert!(String::from_utf8_lossy(&es.stdout).contains("país desconocido: \"BR\" (solución: use AP"));
    fs::remove_dir_all(&tmp).ok();
}

#[test]
fn the_checker_reads_the_open_contracting_sources() {
    // The bundled manifest and samples: no errors.
    let ok = checker().args(["public/content", "--ocds", "public/ocds"]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    let out = checker().args(["public/content", "--ocds", "tests/fixtures/bad/ocds"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for line in [
        "ocds/sources.json: sources: error: open contracting data: sources.json: source \"usa\": country \"US\" is not a member (use CL, CO, MX or PE)",
        "source \"script\": \"javascript:alert(1)\" is not an http(s) address",
        "ocds/sources.json: sources[\"empty\"].folder: error: open contracting data: no .json or .jsonl files under peru",
        "ocds/mexico/cdmx/truncated.json: $: warning: open contracting data: ocds/mexico/cdmx/truncated.json: not valid JSON",
        "ocds/mexico/cdmx/lines.jsonl: $: warning: open contracting data: ocds/mexico/cdmx/lines.jsonl:2: not valid JSON",
    ] {
        assert!(stdout.contains(line), "missing: {line}\n{stdout}");
    }
    assert!(stdout.contains(": 3 error(s), 2 warning(s)"), "{stdout}");
}

#[test]
fn a_dataset_may_not_take_an_id_of_the_computed_figures() {
    let tmp = std::env::temp_dir().join(format!("observatorio-reserved-{}", std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    for f in ["site.json", "topics.json", "documents.json", "events.json", "news.json"] {
        fs::copy(root().join("public/content").join(f), tmp.join(f)).unwrap();
    }
    let data =
        read("public/content/datasets.json").replacen("\"id\": \"alliance-weight-latam\"", "\"id\": \"ocds-mine\"", 1);
    assert!(data.contains("ocds-mine"));
    fs::write(tmp.join("datasets.json"), data).unwrap();
    let out = checker().arg(&tmp).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("datasets.json: datasets[0].id: error: reserved id: \"ocds-mine\""), "{stdout}");
    let es = checker().arg(&tmp).args(["--lang", "es"]).output().unwrap();
    assert!(String::from_utf8_lossy(&es.stdout)
        .contains("identificador reservado: \"ocds-mine\" (solución: los identificadores que empiezan por «ocds-»"));
    fs::remove_dir_all(&tmp).ok();
}
