//! The publishing step, run by the build (Trunk's post_build hook): writes files derived from the
//! checked content into the built site. Usage: publish CONTENT_DIR OUT_CONTENT_DIR [--today YYYY-MM-DD]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use observatorio::model::PartialDate;
    use std::collections::HashMap;
    use std::path::PathBuf;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(src), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: publish CONTENT_DIR OUT_CONTENT_DIR [--today YYYY-MM-DD]");
        return std::process::ExitCode::from(2);
    };
    let today = args
        .iter()
        .position(|a| a == "--today")
        .and_then(|i| args.get(i + 1))
        .and_then(|d| PartialDate::parse(d)?.date())
        .unwrap_or_else(|| {
            let days = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() / 86_400)
                .unwrap_or(0);
            chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
                .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
                .unwrap_or_default()
        });
    let mut texts = HashMap::new();
    for name in ["site.json", "topics.json", "news.json", "documents.json", "events.json", "datasets.json"] {
        if let Ok(t) = std::fs::read_to_string(PathBuf::from(src).join(name)) {
            texts.insert(name.to_string(), t);
        }
    }
    let dir = PathBuf::from(out).join("home");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("publish: cannot create {}: {e}", dir.display());
        return std::process::ExitCode::FAILURE;
    }
    for (name, body) in observatorio::publish::home_digest(&texts, today) {
        if let Err(e) = std::fs::write(dir.join(&name), body) {
            eprintln!("publish: cannot write {name}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    }
    println!("publish: home digest written to {} (as of {today})", dir.display());
    std::process::ExitCode::SUCCESS
}
