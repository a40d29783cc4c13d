//! Strings of the open-contracting indicators page.

use crate::ocds::indicators::Reason;
use crate::ocds::process::Method;

pub struct IndicatorStrings {
    pub es: bool,
    pub title: &'static str,
    pub intro: &'static str,
    pub countries_label: &'static str,
    pub loading: &'static str,
    pub computing: &'static str,
    pub no_sources: &'static str,
    pub manifest_error: &'static str,
    pub source_error: &'static str,
    pub sample_data: &'static str,
    pub filter_buyer: &'static str,
    pub filter_category: &'static str,
    pub filter_method: &'static str,
    pub filter_days: &'static str,
    pub processes_word: &'static str,
    /// The singulars of `processes_word` and `outliers` (counts of one).
    pub process_one: &'static str,
    pub outlier_one: &'static str,
    pub based_on: &'static str,
    pub left_out: &'static str,
    pub see_processes: &'static str,
    pub mean: &'static str,
    pub median: &'static str,
    pub days: &'static str,
    pub outliers: &'static str,
    pub no_data: &'static str,
    pub mix_method: &'static str,
    pub mix_local: &'static str,
    pub mix_count: &'static str,
    pub mix_value: &'static str,
    pub buyer: &'static str,
    pub non_competitive: &'static str,
    pub share: &'static str,
    pub currency: &'static str,
    pub awarded: &'static str,
    pub top_suppliers: &'static str,
    pub top_share: &'static str,
    pub more_buyers: &'static str,
    pub field: &'static str,
    pub missing: &'static str,
    pub quality: &'static str,
    pub quality_intro: &'static str,
    pub files: &'static str,
    pub damaged: &'static str,
    pub problems: &'static str,
    pub no_problems: &'static str,
    pub publisher_site: &'static str,
    /// The licence a source's publisher gives its data, with the credit it asks for.
    pub licence: &'static str,
    /// The years a source's processes cover.
    pub period: &'static str,
    /// When the source's publisher published the data.
    pub data_date: &'static str,
    pub list_title: &'static str,
    pub back: &'static str,
    pub unknown_list: &'static str,
    pub ocds_data: &'static str,
    pub process: &'static str,
    pub value: &'static str,
    pub ratio: &'static str,
    pub bidders_unit: &'static str,
    pub estimated: &'static str,
    pub table: &'static str,
    pub broken_text: &'static str,
    /// Column heading: the processes an indicator rests on.
    pub used: &'static str,
    pub comparison: &'static str,
    pub comparison_intro: &'static str,
    pub comparison_shares: &'static str,
    pub glossary: &'static str,
    pub market_title: &'static str,
    pub market_intro: &'static str,
    pub new_suppliers: &'static str,
    pub new_word: &'static str,
    pub market_hhi: &'static str,
    pub methodology: &'static str,
    pub methodology_link: &'static str,
    pub methodology_unknown: &'static str,
    pub m_definition: &'static str,
    pub m_formula: &'static str,
    pub m_threshold: &'static str,
    pub m_no_threshold: &'static str,
    pub m_exclusions: &'static str,
    pub m_exclusions_intro: &'static str,
    pub m_no_exclusions: &'static str,
    pub m_reference: &'static str,
    pub m_reference_link: &'static str,
    pub m_limitations: &'static str,
    pub supplier: &'static str,
    pub matched_by_id: &'static str,
    pub matched_by_name: &'static str,
    pub profile_unknown: &'static str,
    pub more_partners: &'static str,
    pub awarded_word: &'static str,
    pub hhi_explain: &'static str,
    pub no_partners: &'static str,
    pub profile_figures: &'static str,
    pub profile_compare: &'static str,
    pub indicator_word: &'static str,
    pub per_year_title: &'static str,
    pub member: &'static str,
    pub per_year: &'static str,
    pub year: &'static str,
    pub series_title: &'static str,
    pub series_intro: &'static str,
    pub series_pick: &'static str,
    pub download_member: &'static str,
    pub download_all: &'static str,
    pub data_licence: &'static str,
    pub untitled: &'static str,
    pub suppliers: &'static str,
    pub tender_dates: &'static str,
    pub award_date: &'static str,
    pub signed_date: &'static str,
    pub publisher_page: &'static str,
    pub process_document: &'static str,
    pub measure: &'static str,
}

impl IndicatorStrings {
    /// Runs of years as a phrase: "2011, 2015–2016 y 2024" ("" for none).
    pub fn years(&self, runs: &[(i32, i32)]) -> String {
        let parts: Vec<String> =
            runs.iter().map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), self.pick("y", "and")),
        }
    }

    /// What the page's figures rest on: "Cifras calculadas sobre 62 procesos de 2015–2018, 2024
    /// y 2026." (`processes` already formatted, "1" with the singular; `runs` from
    /// `report::year_runs`.)
    pub fn basis(&self, processes: &str, runs: &[(i32, i32)]) -> String {
        let years = self.years(runs);
        let noun = if processes == "1" { self.process_one } else { self.processes_word };
        match (self.es, years.is_empty()) {
            (true, false) => format!("Cifras calculadas sobre {processes} {noun} de {years}."),
            (true, true) => format!("Cifras calculadas sobre {processes} {noun} sin año publicado."),
            (false, false) => format!("Figures computed from {processes} {noun} of {years}."),
            (false, true) => format!("Figures computed from {processes} {noun} with no year published."),
        }
    }

    fn pick(&self, es: &'static str, en: &'static str) -> &'static str {
        if self.es {
            es
        } else {
            en
        }
    }

    pub fn usd_title(&self) -> &'static str {
        self.pick("Valor adjudicado en dólares, para comparar", "Awarded value in US dollars, for comparison")
    }

    pub fn usd_intro(&self) -> &'static str {
        self.pick(
            "Cada importe se convierte con el tipo de cambio promedio del año de su proceso; al lado, la suma en la moneda del país. Los datos de un año sin tipo publicado todavía usan el del último año disponible, y así se indica. Sirve para comparar órdenes de magnitud entre los miembros; no es una cifra oficial de ninguno.",
            "Each amount is converted at the average exchange rate of its process's year; beside it, the sum in the country's own currency. Data of a year with no rate published yet uses the latest year's, and says so. It serves to compare orders of magnitude between the members; it is no member's official figure.",
        )
    }

    pub fn usd_column(&self) -> &'static str {
        self.pick("En dólares (US$)", "In US dollars (US$)")
    }

    pub fn own_currency(&self) -> &'static str {
        self.pick("En su moneda", "In its own currency")
    }

    pub fn rates_used(&self) -> &'static str {
        self.pick("Tipo de cambio usado (por US$)", "Rate used (per US$)")
    }

    pub fn rates_source(&self) -> &'static str {
        self.pick("Tipos de cambio", "Exchange rates")
    }

    /// A rate's year beside the data's: "2024 (para datos de 2026)".
    pub fn rate_year(&self, rate_year: i32, data_year: i32) -> String {
        if rate_year == data_year {
            rate_year.to_string()
        } else if self.es {
            format!("{rate_year} (para datos de {data_year}, aún sin tipo publicado)")
        } else {
            format!("{rate_year} (for data of {data_year}, no rate published yet)")
        }
    }

    /// Amounts left out of a dollar total: "Sin tipo de cambio, fuera del total: COP de 2014".
    pub fn no_rate(&self, what: &str) -> String {
        format!("{} {what}", self.pick("Sin tipo de cambio, fuera del total:", "No rate, left out of the total:"))
    }

    /// The procurement headline's label: "de los procesos fueron competitivos (abiertos o
    /// selectivos), sobre 62 procesos de 4 miembros con datos abiertos".
    pub fn headline(&self, processes: usize, members: usize) -> String {
        let l = if self.es { crate::lang::Lang::Es } else { crate::lang::Lang::En };
        let n = crate::i18n::format_counted(l, processes, self.process_one, self.processes_word);
        match (self.es, members) {
            (true, 1) => format!("de los procesos fueron competitivos (abiertos o selectivos), sobre {n} con datos abiertos"),
            (true, m) => format!(
                "de los procesos fueron competitivos (abiertos o selectivos), sobre {n} de {m} miembros con datos abiertos"
            ),
            (false, 1) => format!("of procedures were competitive (open or selective), over {n} with open data"),
            (false, m) => {
                format!("of procedures were competitive (open or selective), over {n} of {m} members with open data")
            }
        }
    }

    /// What the published comparison is, under its chart.
    pub fn published_note(&self) -> &'static str {
        self.pick(
            "Calculado por el Observatorio al publicar el sitio, con la misma metodología que la página de indicadores, sobre los datos de contratación abierta (OCDS) que publica cada miembro. Entre paréntesis, los procesos de cada miembro: con pocos, una cifra dice poco. La página de indicadores da la cobertura de cada cifra, su metodología y los procesos que la componen.",
            "Computed by the Observatory when the site is published, on the same methodology as the indicators page, from the open contracting data (OCDS) each member publishes. In brackets, each member's processes: with few, a figure says little. The indicators page gives each figure's coverage, its methodology and the processes behind it.",
        )
    }

    /// A value's dollar equivalent: "≈ US$ 1.234 (tipo de cambio de 2024)".
    pub fn usd_approx(&self, usd: &str, rate_year: i32) -> String {
        match self.es {
            true => format!("≈\u{a0}US$\u{a0}{usd} (tipo de cambio de {rate_year})"),
            false => format!("≈\u{a0}US$\u{a0}{usd} ({rate_year} exchange rate)"),
        }
    }

    pub fn of_year(&self, currency: &str, year: i32) -> String {
        match (year, self.es) {
            (0, true) => format!("{currency} sin año"),
            (0, false) => format!("{currency} with no year"),
            (y, true) => format!("{currency} de {y}"),
            (y, false) => format!("{currency} of {y}"),
        }
    }

    /// Whom a party works with: a buyer's suppliers, a supplier's buyers.
    pub fn partners(&self, party: crate::ocds::profile::Party) -> &'static str {
        match party {
            crate::ocds::profile::Party::Buyer => {
                self.pick("Proveedores con los que más trabaja", "Suppliers it works with most")
            }
            crate::ocds::profile::Party::Supplier => {
                self.pick("Compradores con los que más trabaja", "Buyers it works with most")
            }
        }
    }

    /// An HHI in words, on the thresholds of the 2023 US Merger Guidelines.
    pub fn hhi_scale(&self, hhi: f64) -> &'static str {
        if hhi > 1800.0 {
            self.pick("concentración alta (más de 1.800)", "highly concentrated (above 1,800)")
        } else if hhi >= 1000.0 {
            self.pick("concentración moderada (1.000–1.800)", "moderately concentrated (1,000–1,800)")
        } else {
            self.pick("concentración baja (menos de 1.000)", "unconcentrated (below 1,000)")
        }
    }

    /// An indicator's heading, by its id (those of `ocds::explain`).
    pub fn indicator(&self, id: &str) -> &'static str {
        match id {
            "procedure-mix" => self.pick("Modalidades de contratación", "Procurement methods"),
            "competitive-share" => self.pick("Procesos competitivos", "Competitive procedures"),
            "single-bid" => self.pick("Oferta única (R018)", "Single bid (R018)"),
            "bidders" => self.pick("Oferentes por proceso", "Bidders per procedure"),
            "short-submission" => self.pick("Plazo de ofertas corto (R003)", "Short submission period (R003)"),
            "close-bid" => {
                self.pick("Precio cercano a la oferta ganadora (R024)", "Price close to the winning bid (R024)")
            }
            "discounted-bid" => self.pick("Oferta con gran descuento (R058)", "Heavily discounted bid (R058)"),
            "tendering-period" => self.pick("Plazo de presentación de ofertas", "Tendering period"),
            "decision-period" => self.pick("Plazo de decisión", "Decision period"),
            "award-to-signature" => self.pick("De la adjudicación a la firma", "Award to signature"),
            "contracted-vs-estimated" => self.pick("Contratado frente a estimado", "Contracted versus estimated"),
            "buyer-non-competitive" => {
                self.pick("Compradores y procesos no competitivos", "Buyers' use of non-competitive procedures")
            }
            "supplier-concentration" => self.pick("Concentración de proveedores", "Supplier concentration"),
            "missing-fields" => self.pick("Datos clave que faltan", "Missing key fields"),
            _ => self.pick("Procesos", "Processes"),
        }
    }

    pub fn method(&self, m: Option<Method>) -> &'static str {
        match m {
            Some(Method::Open) => self.pick("Abierta", "Open"),
            Some(Method::Selective) => self.pick("Selectiva", "Selective"),
            Some(Method::Limited) => self.pick("Limitada", "Limited"),
            Some(Method::Direct) => self.pick("Directa", "Direct"),
            None => self.pick("Sin modalidad publicada", "Method not published"),
        }
    }

    pub fn category(&self, c: &str) -> String {
        match c {
            "goods" => self.pick("Bienes", "Goods").into(),
            "services" => self.pick("Servicios", "Services").into(),
            "works" => self.pick("Obras", "Works").into(),
            other => other.to_string(),
        }
    }

    pub fn reason(&self, r: Reason) -> &'static str {
        match r {
            Reason::NoMethod => self.pick("sin modalidad publicada", "no procurement method published"),
            Reason::NotCompetitive => self.pick("no es competitivo", "not competitive"),
            Reason::NotOpen => self.pick("no es una licitación abierta", "not an open procedure"),
            Reason::NoTenderers => self.pick("sin número de oferentes", "no number of tenderers"),
            Reason::NoTenderPeriod => self.pick("sin plazo de ofertas", "no tender period"),
            Reason::PeriodEndsBeforeStart => {
                self.pick("el plazo termina antes de empezar", "the period ends before it starts")
            }
            Reason::ZeroLengthPeriod => self.pick(
                "plazo de ofertas de cero días (empieza y termina en el mismo instante: dato de relleno)",
                "a tender period of zero days (it starts and ends at the same instant: a placeholder)",
            ),
            Reason::NoAwardDate => self.pick("sin fecha de adjudicación", "no award date"),
            Reason::AwardBeforeTenderEnd => {
                self.pick("adjudicado antes del cierre de ofertas", "awarded before the tender closed")
            }
            Reason::NoSignature => self.pick("sin fecha de firma", "no signature date"),
            Reason::SignedBeforeAward => self.pick("firmado antes de adjudicar", "signed before the award"),
            Reason::NoValue => self.pick("sin valores", "no values"),
            Reason::ZeroValue => {
                self.pick("valor estimado 0 (no publicado)", "an estimated value of 0 (not published)")
            }
            Reason::OtherCurrency => self.pick("valores en monedas distintas", "values in different currencies"),
            Reason::NoBuyer => self.pick("sin comprador", "no buyer"),
            Reason::NoSupplier => self.pick("sin proveedor", "no supplier"),
            Reason::ContradictoryMethod => self.pick(
                "modalidad contradictoria (el código y el nombre local dicen cosas distintas)",
                "a self-contradicting method (its code and its local name disagree)",
            ),
            Reason::NoComparableBids => self.pick(
                "sin ofertas comparables (hace falta una sola adjudicación activa a un proveedor y sus ofertas válidas con valor)",
                "no comparable bids (one active award to one supplier and its valid bids with values are needed)",
            ),
        }
    }

    /// A key field's plain name (its OCDS path is shown beside it).
    pub fn field_name(&self, path: &str) -> &'static str {
        match path {
            "buyer" => self.pick("Comprador", "Buyer"),
            "tender.procurementMethod" => self.pick("Modalidad", "Procurement method"),
            "tender.value" => self.pick("Valor estimado", "Estimated value"),
            "tender.tenderPeriod" => self.pick("Plazo de ofertas", "Tender period"),
            "tender.numberOfTenderers" => self.pick("Número de oferentes", "Number of tenderers"),
            "awards.date" => self.pick("Fecha de adjudicación", "Award date"),
            "awards.suppliers" => self.pick("Proveedores adjudicados", "Awarded suppliers"),
            "contracts.dateSigned" => self.pick("Fecha de firma", "Signature date"),
            _ => "",
        }
    }

    /// "Basado en 120 de 400 procesos".
    pub fn based(&self, used: usize, total: usize, fmt: impl Fn(usize) -> String) -> String {
        let noun = if total == 1 { self.process_one } else { self.processes_word };
        format!("{} {} {} {} {noun}", self.based_on, fmt(used), self.pick("de", "of"), fmt(total))
    }

    /// "Leyendo los datos: 2 de 4 fuentes…"
    pub fn progress(&self, done: usize, total: usize) -> String {
        if self.es {
            format!("{} {done} de {total} fuentes…", self.loading)
        } else {
            format!("{} {done} of {total} sources…", self.loading)
        }
    }
}

pub const ES: IndicatorStrings = IndicatorStrings {
    es: true,
    title: "Indicadores de contratación abierta",
    intro: "Cifras calculadas en su navegador a partir de los datos de contratación abierta (estándar OCDS) que publican los sistemas de compras de los países miembros. Cada cifra dice cuántos procesos pudo usar y por qué dejó fuera los demás; cada número lleva a la lista de procesos que lo forman.",
    countries_label: "País",
    loading: "Leyendo los datos:",
    computing: "Calculando…",
    no_sources: "Todavía no hay fuentes de datos de contratación abierta para este país.",
    manifest_error: "No se pudo leer la lista de fuentes de datos (ocds/manifest.json).",
    source_error: "Esta fuente no se pudo leer; las demás se muestran igualmente.",
    sample_data: "Parte de estos datos son de ejemplo (generados), no reales.",
    filter_buyer: "Comprador",
    filter_category: "Categoría",
    filter_method: "Modalidad",
    filter_days: "Plazo corto: menos de (días)",
    processes_word: "procesos",
    process_one: "proceso",
    outlier_one: "caso atípico",
    based_on: "Basado en",
    left_out: "Procesos que quedaron fuera",
    see_processes: "Ver los procesos",
    mean: "media",
    median: "mediana",
    days: "días",
    outliers: "casos atípicos",
    no_data: "Sin datos suficientes",
    mix_method: "Modalidad (OCDS)",
    mix_local: "Nombre local",
    mix_count: "Procesos",
    mix_value: "Valor",
    buyer: "Comprador",
    non_competitive: "No competitivos",
    share: "Proporción",
    currency: "Moneda",
    awarded: "Valor adjudicado",
    top_suppliers: "Principales proveedores",
    top_share: "Proporción de los 3 principales",
    more_buyers: "compradores en total; se muestran los primeros.",
    field: "Dato",
    missing: "Procesos sin el dato",
    quality: "Calidad de los datos",
    quality_intro: "Por fuente: qué archivos se leyeron, qué no se pudo leer y qué datos clave faltan.",
    files: "Archivos",
    damaged: "Procesos dañados que se dejaron fuera",
    problems: "Problemas al leer",
    no_problems: "Todos los archivos se leyeron sin problemas.",
    publisher_site: "Sitio del publicador",
    licence: "Licencia",
    period: "Periodo cubierto",
    data_date: "Fecha de los datos",
    list_title: "Procesos",
    back: "Volver a los indicadores",
    unknown_list: "Esa lista no existe; se muestran todos los procesos.",
    ocds_data: "Datos OCDS",
    process: "Proceso",
    value: "Valor",
    ratio: "Contratado / estimado",
    bidders_unit: "oferentes",
    estimated: "estimado",
    table: "tabla",
    broken_text: "Procesos con caracteres dañados (\u{FFFD}) en su texto, tal como se publicaron",
    used: "procesos con el dato",
    comparison: "Comparación entre los miembros",
    comparison_intro: "Cada indicador con la misma metodología para Chile, Colombia, México y Perú. Entre paréntesis, los procesos en que se basa cada cifra: con pocos procesos, una cifra dice poco. Las muestras de cada país son de años y tamaños distintos (vea la calidad de los datos).",
    member: "Miembro",
    market_title: "Proveedores nuevos y concentración del mercado",
    market_intro: "Sobre todos los procesos de la página (sin filtros). Por año: proveedores adjudicados y cuántos no tenían adjudicaciones en años anteriores de estos datos (el primer año no tiene anterior, por eso no lleva proporción). Por moneda: el índice HHI del valor adjudicado entre todos los proveedores del país (los umbrales, en la metodología de la concentración).",
    new_suppliers: "Proveedores nuevos por año",
    new_word: "Nuevos",
    market_hhi: "Concentración del valor adjudicado (HHI)",
    methodology: "Metodología",
    methodology_link: "Metodología de este indicador",
    methodology_unknown: "Ese indicador no existe.",
    m_definition: "Definición",
    m_formula: "Cálculo",
    m_threshold: "Umbral",
    m_no_threshold: "No usa umbral.",
    m_exclusions: "Procesos que deja fuera",
    m_exclusions_intro: "Cada uno se cuenta y se muestra bajo la cifra, con su motivo:",
    m_no_exclusions: "Ninguno: cuenta todos los procesos.",
    m_reference: "Referencia",
    m_reference_link: "Ver la referencia",
    m_limitations: "Limitaciones",
    supplier: "Proveedor",
    matched_by_id: "Reconocido por el identificador que dan los datos:",
    matched_by_name: "Los datos no le dan identificador: reconocido por su nombre normalizado (mayúsculas y espacios), por lo que dos empresas con el mismo nombre se contarían juntas:",
    profile_unknown: "Ningún proceso de estos datos corresponde a ese comprador o proveedor.",
    more_partners: "en total; se muestran los 20 primeros.",
    awarded_word: "adjudicados",
    hhi_explain: "Parte del valor adjudicado que se llevó cada uno, por moneda (un valor adjudicado a varios proveedores a la vez se reparte a partes iguales). El índice de Herfindahl-Hirschman (HHI) suma los cuadrados de esas partes en porcentaje: de casi 0 (muchos, cada uno con poco) a 10.000 (uno solo). Los umbrales son los de las directrices de fusiones de EE. UU. de 2023.",
    no_partners: "Sus procesos no publican adjudicaciones con valor y proveedor.",
    profile_figures: "Sus indicadores frente a los de su país",
    profile_compare: "Misma metodología que la página de indicadores; entre paréntesis, los procesos en que se basa cada cifra.",
    indicator_word: "Indicador",
    per_year_title: "Procesos y valores por año",
    glossary: "Glosario: los códigos y datos de esta página",
    comparison_shares: "Competencia, oferta única y plazos cortos, por miembro (%)",
    per_year: "por año",
    year: "Año",
    series_title: "Evolución por año",
    series_intro: "Un indicador por año, para cada serie; los años sin procesos quedan en blanco. Entre paréntesis, los procesos de cada año.",
    series_pick: "Indicador",
    download_member: "Todos los indicadores por año, un CSV por miembro",
    download_all: "Tabla completa",
    data_licence: "Datos de los publicadores, con su licencia:",
    untitled: "Proceso sin título publicado",
    suppliers: "Proveedores",
    tender_dates: "Plazo de ofertas",
    award_date: "Adjudicación",
    signed_date: "Firma del contrato",
    publisher_page: "Página del proceso en el sitio del publicador",
    process_document: "Documento del proceso (publicador)",
    measure: "Medida",
};

pub const EN: IndicatorStrings = IndicatorStrings {
    es: false,
    title: "Open contracting indicators",
    intro: "Figures computed in your browser from the open contracting data (the OCDS standard) published by the member countries' procurement systems. Each figure says how many processes it could use and why it left the others out; each number leads to the list of processes behind it.",
    countries_label: "Country",
    loading: "Reading the data:",
    computing: "Computing…",
    no_sources: "There are no open contracting data sources for this country yet.",
    manifest_error: "The list of data sources (ocds/manifest.json) could not be read.",
    source_error: "This source could not be read; the others are shown all the same.",
    sample_data: "Part of this data is sample (generated) data, not real.",
    filter_buyer: "Buyer",
    filter_category: "Category",
    filter_method: "Method",
    filter_days: "Short period: under (days)",
    processes_word: "processes",
    process_one: "process",
    outlier_one: "outlier",
    based_on: "Based on",
    left_out: "Processes left out",
    see_processes: "See the processes",
    mean: "mean",
    median: "median",
    days: "days",
    outliers: "outliers",
    no_data: "Not enough data",
    mix_method: "Method (OCDS)",
    mix_local: "Local name",
    mix_count: "Processes",
    mix_value: "Value",
    buyer: "Buyer",
    non_competitive: "Non-competitive",
    share: "Share",
    currency: "Currency",
    awarded: "Awarded value",
    top_suppliers: "Top suppliers",
    top_share: "Share of the top 3",
    more_buyers: "buyers in all; the first are shown.",
    field: "Field",
    missing: "Processes without it",
    quality: "Data quality",
    quality_intro: "Per source: which files were read, what could not be read and which key fields are missing.",
    files: "Files",
    damaged: "Damaged processes left out",
    problems: "Problems reading",
    no_problems: "Every file was read without problems.",
    publisher_site: "Publisher's site",
    licence: "Licence",
    period: "Period covered",
    data_date: "Date of the data",
    list_title: "Processes",
    back: "Back to the indicators",
    unknown_list: "That list does not exist; all processes are shown.",
    ocds_data: "OCDS data",
    process: "Process",
    value: "Value",
    ratio: "Contracted / estimated",
    bidders_unit: "bidders",
    estimated: "estimated",
    table: "table",
    broken_text: "Processes whose text has damaged characters (\u{FFFD}), as published",
    used: "processes with the data",
    comparison: "Comparison between the members",
    comparison_intro: "Each indicator on one methodology for Chile, Colombia, Mexico and Peru. In brackets, the processes each figure rests on: with few processes, a figure says little. Each member's sample covers different years and sizes (see the data quality).",
    member: "Member",
    market_title: "New suppliers and market concentration",
    market_intro: "Over all of the page's processes (no filters). Per year: suppliers awarded and how many had no awards in earlier years of this data (the first year has no earlier one, so no share). Per currency: the HHI of the value awarded among all of the country's suppliers (the thresholds are in the concentration's methodology).",
    new_suppliers: "New suppliers per year",
    new_word: "New",
    market_hhi: "Concentration of the awarded value (HHI)",
    methodology: "Methodology",
    methodology_link: "This indicator's methodology",
    methodology_unknown: "That indicator does not exist.",
    m_definition: "Definition",
    m_formula: "Computation",
    m_threshold: "Threshold",
    m_no_threshold: "It uses no threshold.",
    m_exclusions: "Processes it leaves out",
    m_exclusions_intro: "Each is counted and shown under the figure, with its reason:",
    m_no_exclusions: "None: it counts every process.",
    m_reference: "Reference",
    m_reference_link: "See the reference",
    m_limitations: "Limitations",
    supplier: "Supplier",
    matched_by_id: "Matched by the identifier the data gives:",
    matched_by_name: "The data gives it no identifier: matched by its normalised name (case and spaces), so two companies with the same name would be counted together:",
    profile_unknown: "No process in this data belongs to that buyer or supplier.",
    more_partners: "in all; the first 20 are shown.",
    awarded_word: "awarded",
    hhi_explain: "The part of the awarded value each received, per currency (a value awarded to several suppliers at once is split evenly). The Herfindahl-Hirschman index (HHI) sums the squares of those parts in percent: from nearly 0 (many, each with little) to 10,000 (one alone). The thresholds are those of the 2023 US Merger Guidelines.",
    no_partners: "Its processes publish no awards with a value and a supplier.",
    profile_figures: "Its indicators against its country's",
    profile_compare: "The same methodology as the indicators page; in brackets, the processes each figure rests on.",
    indicator_word: "Indicator",
    per_year_title: "Processes and values per year",
    glossary: "Glossary: the codes and fields on this page",
    comparison_shares: "Competition, single bids and short periods, per member (%)",
    per_year: "per year",
    year: "Year",
    series_title: "Change over the years",
    series_intro: "One indicator per year, for each series; years with no processes are left blank. In brackets, each year's processes.",
    series_pick: "Indicator",
    download_member: "Every indicator per year, one CSV per member",
    download_all: "Full table",
    data_licence: "Data from the publishers, under their licences:",
    untitled: "Process with no published title",
    suppliers: "Suppliers",
    tender_dates: "Tender period",
    award_date: "Award",
    signed_date: "Contract signed",
    publisher_page: "The process's page on the publisher's site",
    process_document: "Process document (publisher)",
    measure: "Measure",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocds::explain::EXPLANATIONS;
    use crate::ocds::indicators::KEY_FIELDS;

    #[test]
    fn every_indicator_reason_and_field_has_a_name_in_both_languages() {
        for s in [&ES, &EN] {
            for (id, _, _) in EXPLANATIONS {
                assert_ne!(s.indicator(id), s.indicator("?"), "{id}");
            }
            for r in Reason::ALL {
                assert!(!s.reason(r).is_empty());
            }
            for (f, _) in KEY_FIELDS {
                assert!(!s.field_name(f).is_empty(), "{f}");
            }
        }
        assert_eq!(ES.based(3, 10, |n| n.to_string()), "Basado en 3 de 10 procesos");
        assert_eq!(
            ES.basis("62", &[(2015, 2018), (2024, 2024), (2026, 2026)]),
            "Cifras calculadas sobre 62 procesos de 2015–2018, 2024 y 2026."
        );
        assert_eq!(EN.basis("21", &[(2024, 2024)]), "Figures computed from 21 processes of 2024.");
        assert_eq!(EN.basis("2", &[(2016, 2016), (2018, 2018)]), "Figures computed from 2 processes of 2016 and 2018.");
        assert!(ES.basis("0", &[]).contains("sin año"));
        assert_eq!(EN.basis("1", &[(2024, 2024)]), "Figures computed from 1 process of 2024.");
        assert_eq!(ES.based(1, 1, |n| n.to_string()), format!("{} 1 de 1 proceso", ES.based_on));
        assert_eq!(EN.progress(1, 4), "Reading the data: 1 of 4 sources…");
        assert_eq!(ES.category("works"), "Obras");
    }
}
