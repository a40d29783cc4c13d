//! Checks a content folder the way the site reads it: one line per problem, with file, JSON path,
//! what is wrong and how to fix it. Exit status 1 on any error; warnings alone exit 0.
//!
//! Usage: check-content [FOLDER] [--lang es|en] [--quiet-warnings] [--ocds OCDS_DIR]
//! OCDS_DIR (default: FOLDER/../ocds, when it exists) holds the open-contracting sources
//! manifest, checked as an error, and the OCDS files it names, read as the site reads them
//! (what cannot be read is a warning: the data is published as its publisher provides it).

fn main() -> std::process::ExitCode {
    cli::main()
}

mod cli {
    use observatorio_core::lang::Lang;
    use observatorio_core::model::{
        check_references, parse_file, Dataset, Document, Event, NewsItem, Problem, Severity, Topic,
    };
    use std::path::Path;
    use std::process::ExitCode;

    const FILES: [&str; 6] =
        ["site.json", "topics.json", "news.json", "documents.json", "events.json", "datasets.json"];

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let lang = match args.iter().position(|a| a == "--lang").and_then(|i| args.get(i + 1)) {
            Some(l) => Lang::from_code(l).unwrap_or_default(),
            None => Lang::En,
        };
        let quiet = args.iter().any(|a| a == "--quiet-warnings");
        let dir = args
            .iter()
            .enumerate()
            .find(|(i, a)| !a.starts_with("--") && (*i == 0 || (args[i - 1] != "--lang" && args[i - 1] != "--ocds")))
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| "public/content".to_string());
        let dir = Path::new(&dir);

        let mut problems: Vec<Problem> = Vec::new();
        let mut texts = std::collections::HashMap::new();
        for name in FILES {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(text) => {
                    problems.extend(observatorio_core::model::check_file(name, &text).unwrap_or_default());
                    texts.insert(name, text);
                }
                Err(e) => problems.push(Problem::error(
                    name,
                    "",
                    observatorio_core::model::ProblemKind::Shape {
                        detail: format!("cannot read {}: {e}", dir.join(name).display()),
                    },
                )),
            }
        }
        // References across files, using whatever items could be read.
        fn items<T: observatorio_core::model::ContentFile>(texts: &std::collections::HashMap<&str, String>) -> Vec<T> {
            texts.get(T::FILE).and_then(|t| parse_file::<T>(t).ok()).map(|l| l.items).unwrap_or_default()
        }
        problems.extend(check_references(
            &items::<Topic>(&texts),
            &items::<NewsItem>(&texts),
            &items::<Document>(&texts),
            &items::<Event>(&texts),
            &items::<Dataset>(&texts),
        ));

        // Ids of the figures the publishing step computes ("ocds-…") are not the editors' to use.
        for (i, d) in items::<Dataset>(&texts).iter().enumerate() {
            if observatorio_core::widget::is_procurement(&d.id) {
                problems.push(Problem::error(
                    <Dataset as observatorio_core::model::ContentFile>::FILE,
                    format!("datasets[{i}].id"),
                    observatorio_core::model::ProblemKind::ReservedId { value: d.id.clone() },
                ));
            }
        }

        let ocds_dir = match args.iter().position(|a| a == "--ocds").and_then(|i| args.get(i + 1)) {
            Some(d) => Some(Path::new(d).to_path_buf()),
            None => Some(dir.join("../ocds")).filter(|d| d.join("sources.json").exists()),
        };
        if let Some(d) = ocds_dir {
            problems.extend(check_ocds(&d));
        }
        problems.extend(check_synonyms(dir));

        let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
        let warnings = problems.len() - errors;
        problems.sort_by(|a, b| (a.severity, &a.file).cmp(&(b.severity, &b.file)));
        for p in &problems {
            if quiet && p.severity == Severity::Warning {
                continue;
            }
            if lang == Lang::En {
                println!("{p}");
            } else {
                let sev = if p.severity == Severity::Error { "error" } else { "aviso" };
                println!(
                    "{}: {}: {sev}: {} (solución: {})",
                    p.file,
                    if p.path.is_empty() { "$" } else { &p.path },
                    p.message(lang),
                    p.hint(lang)
                );
            }
        }
        println!("{}: {errors} error(s), {warnings} warning(s)", dir.display());
        if errors > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// The optional synonyms file: unreadable is an error, a bad group (left out) a warning.
    fn check_synonyms(dir: &Path) -> Vec<Problem> {
        use observatorio_core::model::ProblemKind::Shape;
        use observatorio_core::search::synonyms::{Synonyms, FILE};
        let Ok(text) = std::fs::read_to_string(dir.join(FILE)) else { return Vec::new() };
        let (s, problems) = Synonyms::parse(&text);
        let whole = s.is_empty() && problems.len() == 1 && !problems[0].starts_with("synonyms[");
        problems
            .into_iter()
            .map(|detail| {
                if whole {
                    Problem::error(FILE, "", Shape { detail })
                } else {
                    Problem::warning(FILE, "synonyms", Shape { detail })
                }
            })
            .collect()
    }

    /// The sources manifest (errors) and the local OCDS files it names (warnings), read with the
    /// same code as the publishing step.
    fn check_ocds(dir: &Path) -> Vec<Problem> {
        use observatorio_core::model::ProblemKind::Ocds;
        let file = "ocds/sources.json";
        let text = match std::fs::read_to_string(dir.join("sources.json")) {
            Ok(t) => t,
            Err(e) => {
                return vec![Problem::error(file, "", Ocds { detail: format!("cannot read {}: {e}", dir.display()) })]
            }
        };
        let (manifest, manifest_problems) = observatorio_core::ocds::digest::Manifest::parse(&text);
        let mut out: Vec<Problem> =
            manifest_problems.into_iter().map(|detail| Problem::error(file, "sources", Ocds { detail })).collect();
        for s in &manifest.sources {
            let Some(folder) = &s.folder else { continue };
            let mut paths = Vec::new();
            observatorio_publish::files::ocds_files(&dir.join(folder), &mut paths);
            if paths.is_empty() {
                out.push(Problem::error(
                    file,
                    format!("sources[\"{}\"].folder", s.id),
                    Ocds { detail: format!("no .json or .jsonl files under {folder}") },
                ));
            }
            for p in paths {
                let name = format!("ocds/{}", p.strip_prefix(dir).unwrap_or(&p).display());
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                for detail in observatorio_core::ocds::read::read(&name, &text).problems {
                    out.push(Problem::warning(&name, "", Ocds { detail }));
                }
            }
        }
        out
    }
}
