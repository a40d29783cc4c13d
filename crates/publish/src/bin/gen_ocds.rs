//! Generates a large OCDS sample (flagged `sample`) from the bundled real samples, for measuring
//! the indicators page at scale. Each generated process copies the shape of a real one (which
//! fields it publishes, its method and local method name) and draws new values, spread over the
//! four members, their currencies and local method names.
//! Usage: gen-ocds OCDS_DIR [--processes N]
//! Reads OCDS_DIR's samples, writes OCDS_DIR/generated/<country>/part-NN.jsonl (release lines)
//! and replaces OCDS_DIR/sources.json with one generated source per member.

fn main() -> std::process::ExitCode {
    use observatorio_core::ocds::process::{Method, Process};
    use serde_json::json;
    use std::path::{Path, PathBuf};

    /// Deterministic (xorshift), so every run measures the same data.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
        /// Skewed towards small indices (a few buyers and suppliers do most of the business).
        fn skewed(&mut self, n: u64) -> u64 {
            let u = (self.below(1_000_000) as f64 + 0.5) / 1_000_000.0;
            ((n as f64).powf(u) - 1.0) as u64 % n.max(1)
        }
    }

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }

    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen-ocds OCDS_DIR [--processes N]");
        return std::process::ExitCode::from(2);
    };
    let total: u64 =
        args.iter().position(|a| a == "--processes").and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(100_000);
    let mut paths = Vec::new();
    for sub in ["colombia", "mexico"] {
        files(&dir.join(sub), &mut paths);
    }
    paths.sort();
    let texts: Vec<(String, String)> =
        paths.iter().filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?))).collect();
    let (templates, _) = observatorio_core::ocds::load(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    if templates.is_empty() {
        eprintln!("gen-ocds: no sample processes under {}", dir.display());
        return std::process::ExitCode::FAILURE;
    }

    // (code, slug, currency, typical amount, local names per method: open, selective, limited, direct)
    let members = [
        (
            "CL",
            "chile",
            "CLP",
            40_000_000.0,
            ["Licitación Pública", "Licitación Privada", "Trato Directo", "Compra Ágil"],
        ),
        (
            "CO",
            "colombia",
            "COP",
            150_000_000.0,
            ["Licitación pública", "Selección abreviada", "Mínima cuantía", "Contratación directa"],
        ),
        (
            "MX",
            "mexico",
            "MXN",
            2_000_000.0,
            [
                "Licitación Pública",
                "Invitación a cuando menos tres personas",
                "Adjudicación por excepción",
                "Adjudicación Directa",
            ],
        ),
        (
            "PE",
            "peru",
            "PEN",
            500_000.0,
            ["Licitación Pública", "Adjudicación Simplificada", "Comparación de Precios", "Contratación Directa"],
        ),
    ];
    let codes = ["open", "selective", "limited", "direct"];
    let day = 86_400i64;
    let iso = |t: i64| chrono::DateTime::from_timestamp(t, 0).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let per = total / members.len() as u64;
    let mut sources = Vec::new();
    for (m, (code, slug, currency, typical, local)) in members.iter().enumerate() {
        let n = if m + 1 == members.len() { total - per * (members.len() as u64 - 1) } else { per };
        let out_dir = dir.join("generated").join(slug);
        let _ = std::fs::remove_dir_all(&out_dir);
        if let Err(e) = std::fs::create_dir_all(&out_dir) {
            eprintln!("gen-ocds: {}: {e}", out_dir.display());
            return std::process::ExitCode::FAILURE;
        }
        let mut part = String::new();
        let mut part_no = 0;
        for i in 0..n {
            let t: &Process = &templates[(rng.below(templates.len() as u64)) as usize];
            // The method: the template's (so the real mix shows through), else drawn.
            let method = match (t.method, rng.below(100)) {
                (_, 0..=2) => None,
                (Some(mm), 3..=49) => Some(mm),
                (_, 50..=79) => Some(Method::Open),
                (_, 80..=87) => Some(Method::Selective),
                (_, 88..=91) => Some(Method::Limited),
                _ => Some(Method::Direct),
            };
            let mi = method.map(|mm| codes.iter().position(|c| *c == mm.code()).unwrap_or(0));
            let year = 2017 + rng.below(9) as i32;
            let start = chrono::NaiveDate::from_ymd_opt(year, 1, 1)
                .and_then(|d| d.and_hms_opt(14, 0, 0))
                .map_or(0, |d| d.and_utc().timestamp())
                + rng.below(360) as i64 * day;
            let competitive = method.is_some_and(|mm| mm.competitive());
            let period = if competitive { 3 + rng.skewed(50) as i64 } else { 1 + rng.below(10) as i64 };
            let end = start + period * day;
            // Decision period: mostly weeks, a few far longer (outliers by design).
            let decision = if rng.chance(4) { 120 + rng.below(200) as i64 } else { 5 + rng.below(40) as i64 };
            let award = end + decision * day;
            let signed = award + (1 + rng.below(30) as i64) * day;
            let estimate = (typical * (0.05 + rng.below(2000) as f64 / 100.0)).round();
            let contracted = (estimate * (0.8 + rng.below(45) as f64 / 100.0)).round();
            let buyer = rng.skewed(400);
            let tenderers = if competitive {
                if rng.chance(18) {
                    1
                } else {
                    2 + rng.skewed(12)
                }
            } else {
                1
            };
            let supplier = rng.skewed(6_000);
            let ocid = format!("ocds-sample-{}-{year}-{i:06}", code.to_ascii_lowercase());
            let mut tender = json!({ "id": format!("{i}") });
            if let Some(mm) = method {
                tender["procurementMethod"] = json!(mm.code());
            }
            if let Some(k) = mi {
                tender["procurementMethodDetails"] = json!(local[k]);
            }
            if t.category.is_some() || rng.chance(70) {
                tender["mainProcurementCategory"] = json!(["goods", "services", "works"][rng.below(3) as usize]);
            }
            if t.tender_value.is_some() || rng.chance(60) {
                tender["value"] = json!({ "amount": estimate, "currency": currency });
            }
            if t.tender_start.is_some() || rng.chance(70) {
                tender["tenderPeriod"] = json!({ "startDate": iso(start), "endDate": iso(end) });
            }
            if t.tenderers.is_some() || rng.chance(60) {
                tender["numberOfTenderers"] = json!(tenderers);
            }
            let mut release = json!({
                "ocid": ocid,
                "id": format!("{ocid}-1"),
                "date": iso(start),
                "tag": ["compiled"],
                "initiationType": "tender",
                "buyer": { "id": format!("{code}-B{buyer:03}"), "name": format!("Entidad compradora de ejemplo {buyer} ({code})") },
                "tender": tender,
            });
            if !t.awards.is_empty() || rng.chance(80) {
                release["awards"] = json!([{
                    "id": "1",
                    "status": "active",
                    "date": iso(award),
                    "value": { "amount": contracted, "currency": currency },
                    "suppliers": [{ "id": format!("{code}-S{supplier:04}"), "name": format!("Proveedor de ejemplo {supplier}") }],
                }]);
                if !t.signed.is_empty() || rng.chance(70) {
                    release["contracts"] = json!([{ "id": "1", "awardID": "1", "dateSigned": iso(signed),
                        "value": { "amount": contracted, "currency": currency } }]);
                }
            }
            part.push_str(&release.to_string());
            part.push('\n');
            if (i + 1) % 10_000 == 0 || i + 1 == n {
                let p = out_dir.join(format!("part-{part_no:02}.jsonl"));
                if let Err(e) = std::fs::write(&p, &part) {
                    eprintln!("gen-ocds: {}: {e}", p.display());
                    return std::process::ExitCode::FAILURE;
                }
                part.clear();
                part_no += 1;
            }
        }
        let names = [("Chile", "Chile"), ("Colombia", "Colombia"), ("México", "Mexico"), ("Perú", "Peru")][m];
        sources.push(json!({
            "id": format!("generated-{slug}"),
            "country": code,
            "name": { "es": format!("{}: datos de ejemplo generados ({n} procesos)", names.0),
                      "en": format!("{}: generated sample data ({n} processes)", names.1) },
            "publisher": "Observatorio (generados a partir de las muestras reales de Colombia y México)",
            "sample": true,
            "folder": format!("generated/{slug}"),
        }));
    }
    let manifest = json!({ "format": 1, "sources": sources });
    if let Err(e) =
        std::fs::write(dir.join("sources.json"), serde_json::to_string_pretty(&manifest).unwrap_or_default())
    {
        eprintln!("gen-ocds: sources.json: {e}");
        return std::process::ExitCode::FAILURE;
    }
    println!("gen-ocds: {total} processes (sample) from {} real templates in {}", templates.len(), dir.display());
    std::process::ExitCode::SUCCESS
}
