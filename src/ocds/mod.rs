//! Open Contracting Data Standard (OCDS) data: reading files as published (`read`), compiling
//! releases per process (`merge`), the fields indicators use (`process`) and the indicators
//! with their coverage (`indicators`). Pure: tested natively, and run in the browser.

pub mod explain;
pub mod indicators;
pub mod merge;
pub mod process;
pub mod read;

use process::Process;

/// Processes from several files: compiled releases from records as they are, releases
/// compiled per ocid; and every problem met, naming its file.
pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Vec<Process>, Vec<String>) {
    let mut releases = Vec::new();
    let mut compiled = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in files {
        let r = read::read(name, text);
        releases.extend(r.releases);
        compiled.extend(r.compiled);
        problems.extend(r.problems);
    }
    let (merged, orphans) = merge::compile(releases);
    if orphans > 0 {
        problems.push(format!("{orphans} release(s) without an ocid were left out"));
    }
    // A process published both as a record and as releases counts once (the record wins).
    let mut seen = std::collections::HashSet::new();
    let processes = compiled
        .iter()
        .chain(merged.iter())
        .filter_map(Process::from_release)
        .filter(|p| seen.insert(p.ocid.clone()))
        .collect();
    (processes, problems)
}
