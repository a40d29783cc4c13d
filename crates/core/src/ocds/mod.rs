//! Open Contracting Data Standard (OCDS) data: reading files as published (`read`), compiling
//! releases per process (`merge`), the fields indicators use (`process`) and the indicators
//! with their coverage (`indicators`). Pure: tested natively, and run in the browser.

pub mod digest;
pub mod explain;
pub mod fx;
pub mod indicators;
pub mod merge;
pub mod methodology;
pub mod process;
pub mod profile;
pub mod read;
pub mod report;
pub mod tables;

use process::Process;

/// Processes from several files: compiled releases from records as they are, releases
/// compiled per ocid; and every problem met, naming its file. Each process's `file` is the
/// index of the file it came from (for releases spread over files, the first one).
pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Vec<Process>, Vec<String>) {
    let l = load_dated(files);
    (l.processes, l.problems)
}

/// What `load` reads, with the latest day the files' packages say they were published.
pub struct Loaded {
    pub processes: Vec<Process>,
    pub problems: Vec<String>,
    pub published: Option<String>,
}

/// `load`, keeping the files' publication day too (the publishing step writes it in the manifest).
pub fn load_dated<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Loaded {
    let mut published = None;
    let mut releases = Vec::new();
    let mut compiled = Vec::new();
    let mut problems = Vec::new();
    let mut first_file: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (i, (name, text)) in files.into_iter().enumerate() {
        let i = i as u32;
        let r = read::read(name, text);
        for v in &r.releases {
            if let Some(ocid) = v.get("ocid").and_then(serde_json::Value::as_str) {
                first_file.entry(ocid.to_string()).or_insert(i);
            }
        }
        releases.extend(r.releases);
        compiled.extend(r.compiled.into_iter().map(|c| (i, c)));
        problems.extend(r.problems);
        published = published.max(r.published);
    }
    let (merged, orphans) = merge::compile(releases);
    if orphans > 0 {
        problems.push(format!("{orphans} release(s) without an ocid were left out"));
    }
    // A process published both as a record and as releases counts once (the record wins).
    let mut seen = std::collections::HashSet::new();
    let from_records = compiled.iter().filter_map(|(i, c)| Process::from_release(c).map(|p| Process { file: *i, ..p }));
    let from_releases = merged
        .iter()
        .filter_map(Process::from_release)
        .map(|p| Process { file: first_file.get(&p.ocid).copied().unwrap_or(0), ..p });
    let processes = from_records.chain(from_releases).filter(|p| seen.insert(p.ocid.clone())).collect();
    Loaded { processes, problems, published }
}
