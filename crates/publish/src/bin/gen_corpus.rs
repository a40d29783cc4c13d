//! Generates a large sample corpus in the content format, for measuring scale (search, lists,
//! calendar, first view). Every item is flagged `"sample": true` and titled "Ejemplo:/Sample:".
//! Usage: gen-corpus OUT_DIR [--news 10000] [--documents 5000] [--events 2000] [--seed 7]
//! Site, topics and datasets are copied from public/content, so OUT_DIR is a complete content
//! folder that can replace the bundled one (scripts/build-corpus.sh does that).

fn main() -> std::process::ExitCode {
    corpus::run()
}

mod corpus {
    use serde_json::{json, Value};
    use std::path::PathBuf;

    /// A small deterministic generator (xorshift64*), so a corpus is the same on every machine.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    const COUNTRIES: [&str; 5] = ["CL", "CO", "MX", "PE", "AP"];
    const ZONES: [(&str, &str); 5] = [
        ("CL", "America/Santiago"),
        ("CO", "America/Bogota"),
        ("MX", "America/Mexico_City"),
        ("PE", "America/Lima"),
        ("AP", "America/Lima"),
    ];
    const PLACES: [(&str, &str, &str); 5] = [
        ("CL", "Santiago, Chile", "Santiago, Chile"),
        ("CO", "Bogotá, Colombia", "Bogotá, Colombia"),
        ("MX", "Ciudad de México, México", "Mexico City, Mexico"),
        ("PE", "Lima, Perú", "Lima, Peru"),
        ("AP", "Lima, Perú", "Lima, Peru"),
    ];
    /// (es, en) subjects of procurement news.
    const SUBJECTS: [(&str, &str); 24] = [
        ("las compras públicas sostenibles", "sustainable public procurement"),
        ("las licitaciones electrónicas", "electronic tenders"),
        ("la participación de las mipymes", "participation of MSMEs"),
        ("las empresas lideradas por mujeres", "women-led businesses"),
        ("los acuerdos comerciales", "trade agreements"),
        ("el capítulo de contratación pública", "the government procurement chapter"),
        ("los catálogos electrónicos", "electronic catalogues"),
        ("los datos abiertos de contratación", "open contracting data"),
        ("la integridad en las adquisiciones", "integrity in procurement"),
        ("las compras de medicamentos", "medicine purchases"),
        ("la infraestructura vial", "road infrastructure"),
        ("los convenios marco", "framework agreements"),
        ("la innovación en compras públicas", "innovation in public procurement"),
        ("los proveedores extranjeros", "foreign suppliers"),
        ("la trazabilidad de los contratos", "contract traceability"),
        ("los plazos de pago a proveedores", "supplier payment times"),
        ("la economía digital", "the digital economy"),
        ("la ciberseguridad del sector público", "public sector cybersecurity"),
        ("las compras de alimentos escolares", "school food purchases"),
        ("la competencia en los procesos", "competition in tenders"),
        ("las garantías de cumplimiento", "performance guarantees"),
        ("la planificación anual de compras", "annual procurement planning"),
        ("los registros de proveedores", "supplier registers"),
        ("la capacitación de compradores", "buyer training"),
    ];
    const ACTIONS: [(&str, &str); 12] = [
        ("Nuevo informe sobre", "New report on"),
        ("Taller regional sobre", "Regional workshop on"),
        ("Se publica una guía de", "A guide is published on"),
        ("Avances en", "Progress in"),
        ("Diálogo público-privado sobre", "Public-private dialogue on"),
        ("Cifras del año en", "The year's figures in"),
        ("Consulta abierta sobre", "Open consultation on"),
        ("Buenas prácticas en", "Good practice in"),
        ("Estudio comparado de", "Comparative study of"),
        ("Reforma normativa de", "Regulatory reform of"),
        ("Seminario web sobre", "Webinar on"),
        ("Balance de", "Review of"),
    ];
    const ORGANIZERS: [(&str, &str); 6] = [
        ("Comité de Compras Públicas (ejemplo)", "Public Procurement Committee (sample)"),
        ("ChileCompra (ejemplo)", "ChileCompra (sample)"),
        ("Colombia Compra Eficiente (ejemplo)", "Colombia Compra Eficiente (sample)"),
        (
            "Secretaría Anticorrupción y Buen Gobierno (ejemplo)",
            "Anti-Corruption and Good Government Ministry (sample)",
        ),
        ("OECE Perú (ejemplo)", "OECE Peru (sample)"),
        ("Red académica invitada (ejemplo)", "Invited academic network (sample)"),
    ];
    const DOC_KINDS: [&str; 7] = ["study", "statistics", "article", "declaration", "report", "portfolio", "guide"];
    const AUTHOR_KINDS: [&str; 4] = ["committee", "collaborator", "alliance", "external"];
    const FORMATS: [&str; 3] = ["online", "in_person", "hybrid"];

    fn text(es: String, en: String) -> Value {
        json!({ "es": es, "en": en })
    }

    fn cap(s: &str) -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    }

    fn topics(rng: &mut Rng, ids: &[String]) -> Vec<String> {
        let mut t: Vec<String> = (0..1 + rng.below(2)).map(|_| rng.pick(ids).clone()).collect();
        t.sort();
        t.dedup();
        t
    }

    /// Title, summary and body about one subject, in both languages.
    fn story(rng: &mut Rng, country: &str) -> (Value, Value, Value) {
        let (s_es, s_en) = *rng.pick(&SUBJECTS);
        let (a_es, a_en) = *rng.pick(&ACTIONS);
        let (o_es, o_en) = *rng.pick(&SUBJECTS);
        let (place_es, place_en) = PLACES.iter().find(|p| p.0 == country).map(|p| (p.1, p.2)).unwrap_or(("", ""));
        let pct = 5 + rng.below(60);
        let title = text(format!("Ejemplo: {a_es} {s_es}"), format!("Sample: {a_en} {s_en}"));
        let summary = text(
            format!("Texto de ejemplo sobre {s_es} y {o_es}, con datos ficticios desde {place_es}."),
            format!("Sample text about {s_en} and {o_en}, with fictitious figures from {place_en}."),
        );
        let body = json!({
            "es": [
                format!("{} concentran el {pct} % de los procesos revisados en este ejemplo.", cap(s_es)),
                format!("El texto es ficticio: sirve para medir la búsqueda, las listas y el calendario con un archivo grande. También menciona {o_es}."),
            ],
            "en": [
                format!("{} account for {pct}% of the processes reviewed in this sample.", cap(s_en)),
                format!("The text is fictitious: it measures search, lists and the calendar with a large archive. It also mentions {o_en}."),
            ]
        });
        (title, summary, body)
    }

    fn date(rng: &mut Rng, from: i32, to: i32) -> chrono::NaiveDate {
        let y = from + rng.below((to - from + 1) as usize) as i32;
        chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default() + chrono::Days::new(rng.below(365) as u64)
    }

    fn arg(args: &[String], name: &str, default: usize) -> usize {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    pub fn run() -> std::process::ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some(out) = args.first().filter(|a| !a.starts_with("--")) else {
            eprintln!("usage: gen-corpus OUT_DIR [--news N] [--documents N] [--events N] [--seed N]");
            return std::process::ExitCode::from(2);
        };
        let (n_news, n_docs, n_events) =
            (arg(&args, "--news", 10_000), arg(&args, "--documents", 5_000), arg(&args, "--events", 2_000));
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ arg(&args, "--seed", 7) as u64);
        let out = PathBuf::from(out);
        if let Err(e) = std::fs::create_dir_all(&out) {
            eprintln!("gen-corpus: {e}");
            return std::process::ExitCode::FAILURE;
        }
        for f in ["site.json", "topics.json", "datasets.json"] {
            if let Err(e) = std::fs::copy(PathBuf::from("public/content").join(f), out.join(f)) {
                eprintln!("gen-corpus: cannot copy {f}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
        let topics_text = std::fs::read_to_string("public/content/topics.json").unwrap_or_default();
        let topic_ids: Vec<String> = serde_json::from_str::<Value>(&topics_text)
            .ok()
            .and_then(|v| {
                v["topics"].as_array().map(|a| a.iter().filter_map(|t| t["id"].as_str().map(String::from)).collect())
            })
            .unwrap_or_default();
        if topic_ids.is_empty() {
            eprintln!("gen-corpus: public/content/topics.json has no topics");
            return std::process::ExitCode::FAILURE;
        }

        let mut news: Vec<(chrono::NaiveDate, Value)> = (0..n_news)
            .map(|i| {
                let country = *rng.pick(&COUNTRIES);
                let (title, summary, body) = story(&mut rng, country);
                let d = date(&mut rng, 2015, 2026);
                (
                    d,
                    json!({ "id": format!("sample-news-{i}"), "sample": true, "date": d.to_string(), "country": country,
                    "topics": topics(&mut rng, &topic_ids), "title": title, "summary": summary, "body": body }),
                )
            })
            .collect();
        news.sort_by_key(|n| std::cmp::Reverse(n.0));
        let docs: Vec<Value> = (0..n_docs)
            .map(|i| {
                let country = *rng.pick(&COUNTRIES);
                let (title, summary, body) = story(&mut rng, country);
                let (o_es, o_en) = *rng.pick(&ORGANIZERS);
                json!({ "id": format!("sample-document-{i}"), "sample": true, "type": rng.pick(&DOC_KINDS),
                    "author": { "kind": rng.pick(&AUTHOR_KINDS), "name": text(o_es.into(), o_en.into()) },
                    "country": country, "topics": topics(&mut rng, &topic_ids), "date": date(&mut rng, 2012, 2026).to_string(),
                    "title": title, "summary": summary, "body": body })
            })
            .collect();
        let events: Vec<Value> = (0..n_events)
            .map(|i| {
                let country = *rng.pick(&COUNTRIES);
                let (title, summary, body) = story(&mut rng, country);
                let zone = ZONES.iter().find(|z| z.0 == country).map_or("America/Lima", |z| z.1);
                let (o_es, o_en) = *rng.pick(&ORGANIZERS);
                let day = date(&mut rng, 2019, 2030);
                let format = *rng.pick(&FORMATS);
                let (start, end) = if rng.below(3) == 0 {
                    (day.to_string(), (day + chrono::Days::new(rng.below(3) as u64)).to_string())
                } else {
                    let h = 8 + rng.below(10);
                    (format!("{day}T{h:02}:00"), format!("{day}T{:02}:30", h + 1))
                };
                let mut e = json!({ "id": format!("sample-event-{i}"), "sample": true, "title": title, "summary": summary,
                    "body": body, "start": start, "end": end, "timezone": zone, "format": format, "country": country,
                    "topics": topics(&mut rng, &topic_ids), "organizer": text(o_es.into(), o_en.into()),
                    "participation": { "email": "eventos@example.org" } });
                if format != "online" {
                    let p = PLACES.iter().find(|p| p.0 == country).map_or(("", "", ""), |p| *p);
                    e["place"] = text(p.1.into(), p.2.into());
                }
                e
            })
            .collect();
        let files = [
            ("news.json", json!({ "format": 1, "news": news.into_iter().map(|n| n.1).collect::<Vec<_>>() })),
            ("documents.json", json!({ "format": 1, "documents": docs })),
            ("events.json", json!({ "format": 1, "events": events })),
        ];
        for (name, v) in files {
            if let Err(e) = std::fs::write(out.join(name), v.to_string()) {
                eprintln!("gen-corpus: cannot write {name}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
        println!("gen-corpus: {n_news} news, {n_docs} documents, {n_events} events (all sample) in {}", out.display());
        std::process::ExitCode::SUCCESS
    }
}
