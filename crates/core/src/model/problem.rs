//! What can be wrong with a content file, worded for the editor who has to fix it.

use crate::lang::Lang;
#[cfg(feature = "checker")]
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The item (or the file) cannot be shown.
    Error,
    /// Shown, but something an editor should fix (a missing translation, say).
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file is not valid JSON.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The JSON does not have the expected shape (wrong type, unknown or missing field).
    Shape {
        detail: String,
    },
    /// The open-contracting sources manifest or one of its OCDS files (the detail names it).
    Ocds {
        detail: String,
    },
    /// The `format` field is missing or names a version this build cannot read.
    Format {
        found: Option<u64>,
    },
    MissingSpanish,
    MissingEnglish,
    EmptyText,
    BadDate {
        value: String,
    },
    BadEventTime {
        value: String,
    },
    MixedEventTimes,
    EndBeforeStart,
    BadTimeZone {
        value: String,
    },
    BadFormEndpoint {
        value: String,
    },
    BadEmail {
        value: String,
    },
    BadId {
        value: String,
    },
    /// A dataset id of the `ocds-` kind, kept for the datasets the publishing step computes.
    ReservedId {
        value: String,
    },
    DuplicateId {
        value: String,
    },
    UnknownReference {
        kind: &'static str,
        value: String,
    },
    BadUrl {
        value: String,
    },
    UnknownCountry {
        value: String,
    },
    UnknownCode {
        value: String,
        expected: &'static [&'static str],
    },
    RowLength {
        expected: usize,
        found: usize,
    },
    NotANumber,
    Empty,
    /// One of the official pages (`site.pages`) is not written.
    MissingPage {
        page: &'static str,
    },
    /// No national procurement portal is listed (`site.portals`).
    MissingPortals,
}

/// One problem: where (file and JSON path) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    pub path: String,
    pub severity: Severity,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn error(file: &str, path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem { file: file.to_string(), path: path.into(), severity: Severity::Error, kind }
    }

    pub fn warning(file: &str, path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem { file: file.to_string(), path: path.into(), severity: Severity::Warning, kind }
    }

    /// What is wrong, in the editor's language.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match &self.kind {
            Syntax { line, column, detail } => lang.pick(
                format!("el archivo no es JSON válido (línea {line}, columna {column}: {detail})"),
                format!("the file is not valid JSON (line {line}, column {column}: {detail})"),
            ),
            Shape { detail } => lang.pick(format!("forma inesperada: {detail}"), format!("unexpected shape: {detail}")),
            Ocds { detail } => lang
                .pick(format!("datos de contratación abierta: {detail}"), format!("open contracting data: {detail}")),
            Format { found: Some(v) } => lang.pick(
                format!("versión de formato {v} no admitida (se admite {})", super::FORMAT_VERSION),
                format!("format version {v} is not supported (this site reads {})", super::FORMAT_VERSION),
            ),
            Format { found: None } => {
                lang.pick("falta el campo \"format\"".into(), "the \"format\" field is missing".into())
            }
            MissingSpanish => lang.pick("falta el texto en español".into(), "the Spanish text is missing".into()),
            MissingEnglish => {
                lang.pick("falta la traducción al inglés".into(), "the English translation is missing".into())
            }
            EmptyText => lang.pick("el texto está vacío".into(), "the text is empty".into()),
            BadDate { value } => {
                lang.pick(format!("fecha no válida: \"{value}\""), format!("not a valid date: \"{value}\""))
            }
            BadEventTime { value } => lang
                .pick(format!("fecha u hora no válida: \"{value}\""), format!("not a valid date or time: \"{value}\"")),
            MixedEventTimes => lang.pick(
                "el inicio y el fin mezclan día completo y hora".into(),
                "start and end mix a whole day with a time".into(),
            ),
            EndBeforeStart => {
                lang.pick("el evento termina antes de empezar".into(), "the event ends before it starts".into())
            }
            BadTimeZone { value } => {
                lang.pick(format!("zona horaria desconocida: \"{value}\""), format!("unknown time zone: \"{value}\""))
            }
            BadFormEndpoint { value } => lang.pick(
                format!("el formulario debe enviarse a una dirección https: \"{value}\""),
                format!("the form must post to an https address: \"{value}\""),
            ),
            BadEmail { value } => lang.pick(
                format!("correo electrónico no válido: \"{value}\""),
                format!("not a valid e-mail address: \"{value}\""),
            ),
            BadId { value } => {
                lang.pick(format!("identificador no válido: \"{value}\""), format!("not a valid id: \"{value}\""))
            }
            ReservedId { value } => {
                lang.pick(format!("identificador reservado: \"{value}\""), format!("reserved id: \"{value}\""))
            }
            DuplicateId { value } => {
                lang.pick(format!("identificador repetido: \"{value}\""), format!("duplicate id: \"{value}\""))
            }
            UnknownReference { kind, value } => {
                lang.pick(format!("{kind} \"{value}\" no existe"), format!("{kind} \"{value}\" does not exist"))
            }
            BadUrl { value } => {
                lang.pick(format!("enlace no permitido: \"{value}\""), format!("link not allowed: \"{value}\""))
            }
            UnknownCountry { value } => {
                lang.pick(format!("país desconocido: \"{value}\""), format!("unknown country: \"{value}\""))
            }
            UnknownCode { value, .. } => {
                lang.pick(format!("valor desconocido: \"{value}\""), format!("unknown value: \"{value}\""))
            }
            RowLength { expected, found } => lang.pick(
                format!("la fila tiene {found} celdas y hay {expected} columnas"),
                format!("the row has {found} cells but there are {expected} columns"),
            ),
            NotANumber => lang.pick(
                "esta columna es numérica: la celda debe ser un número o null".into(),
                "this column is numeric: the cell must be a number or null".into(),
            ),
            Empty => lang.pick("la lista está vacía".into(), "the list is empty".into()),
            MissingPage { page } => lang.pick(
                format!("falta la página «{page}»: el pie de cada página la enlaza"),
                format!("the \"{page}\" page is missing: every page's footer links to it"),
            ),
            MissingPortals => lang.pick(
                "no hay portales nacionales de compras: la portada no puede enlazarlos".into(),
                "no national procurement portal is listed: the home page cannot link to them".into(),
            ),
        }
    }

    /// How to fix it, for the content checker (English and Spanish). Native only: the browser
    /// shows readers what failed, not editing advice, and the text would cost wasm bytes.
    #[cfg(feature = "checker")]
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match &self.kind {
            Syntax { .. } => lang.pick(
                "revise comas, comillas y llaves cerca de esa posición",
                "check commas, quotes and brackets near that position",
            )
            .into(),
            Shape { .. } => lang.pick(
                "compare con el ejemplo de docs/content.md",
                "compare with the example in docs/content.md",
            )
            .into(),
            Ocds { .. } => lang.pick(
                "vea «ocds/sources.json» en docs/content.md; un archivo OCDS se publica tal como lo entrega su publicador",
                "see \"ocds/sources.json\" in docs/content.md; an OCDS file is published as its publisher provides it",
            )
            .into(),
            Format { .. } => format!("\"format\": {}", super::FORMAT_VERSION),
            MissingSpanish | EmptyText => {
                lang.pick("escriba el texto en \"es\"", "write the text under \"es\"").into()
            }
            MissingEnglish => {
                lang.pick("añada \"en\" con la traducción", "add \"en\" with the translation").into()
            }
            BadDate { .. } => lang.pick(
                "use AAAA, AAAA-MM o AAAA-MM-DD, p. ej. 2023-12-04",
                "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-12-04",
            )
            .into(),
            BadEventTime { .. } | MixedEventTimes => lang.pick(
                "use AAAA-MM-DD para un día completo o AAAA-MM-DDTHH:MM (hora local) en inicio y fin",
                "use YYYY-MM-DD for a whole day or YYYY-MM-DDTHH:MM (local time) for both start and end",
            )
            .into(),
            EndBeforeStart => lang.pick("corrija \"start\" o \"end\"", "correct \"start\" or \"end\"").into(),
            BadTimeZone { .. } => {
                lang.pick("use un nombre IANA, p. ej. America/Lima", "use an IANA name, e.g. America/Lima")
                    .into()
            }
            BadFormEndpoint { .. } => lang.pick(
                "use la dirección https que le dio su servicio de formularios, p. ej. https://formspree.io/f/abcd1234",
                "use the https address your form service gave you, e.g. https://formspree.io/f/abcd1234",
            )
            .into(),
            BadEmail { .. } => lang.pick("p. ej. eventos@ejemplo.org", "e.g. events@example.org").into(),
            BadId { .. } => lang.pick(
                "solo minúsculas sin tilde, cifras y guiones, p. ej. cumbre-lima-2019",
                "only lowercase letters without accents, digits and hyphens, e.g. lima-summit-2019",
            )
            .into(),
            ReservedId { .. } => lang.pick(
                "los identificadores que empiezan por «ocds-» son de las cifras que el Observatorio calcula de los datos OCDS; elija otro",
                "ids starting with \"ocds-\" belong to the figures the Observatory computes from the OCDS data; choose another",
            )
            .into(),
            DuplicateId { .. } => {
                lang.pick("cada elemento necesita un identificador propio", "give each item its own id").into()
            }
            UnknownReference { .. } => lang.pick(
                "use un identificador existente o créelo primero",
                "use an existing id or create it first",
            )
            .into(),
            BadUrl { .. } => lang.pick(
                "solo se admiten enlaces https://, http:// o mailto:",
                "only https://, http:// or mailto: links are allowed",
            )
            .into(),
            UnknownCountry { .. } => lang.pick(
                "use AP (toda la Alianza), CL, CO, MX o PE",
                "use AP (the whole Alliance), CL, CO, MX or PE",
            )
            .into(),
            UnknownCode { expected, .. } => {
                format!("{}: {}", lang.pick("valores admitidos", "allowed values"), expected.join(", "))
            }
            RowLength { .. } => {
                lang.pick("una celda por columna, en el mismo orden", "one cell per column, in the same order")
                    .into()
            }
            NotANumber => lang.pick(
                "escriba el número sin comillas ni separadores, p. ej. 2710734",
                "write the number without quotes or separators, e.g. 2710734",
            )
            .into(),
            Empty => lang.pick("añada al menos un elemento", "add at least one item").into(),
            MissingPage { .. } => lang
                .pick(
                    "añádala en \"pages\" con \"updated\" y \"body\" (vea docs/content.md)",
                    "add it under \"pages\" with \"updated\" and \"body\" (see docs/content.md)",
                )
                .into(),
            MissingPortals => lang
                .pick(
                    "añada \"portals\": [{\"country\": \"CL\", \"name\": \"…\", \"url\": \"https://…\"}] (vea docs/content.md)",
                    "add \"portals\": [{\"country\": \"CL\", \"name\": \"…\", \"url\": \"https://…\"}] (see docs/content.md)",
                )
                .into(),
        }
    }
}

#[cfg(feature = "checker")]
impl fmt::Display for Problem {
    /// One line for the checker: `file: path: error: what is wrong (fix: how)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { "$" } else { &self.path };
        write!(f, "{}: {}: {}: {} (fix: {})", self.file, path, sev, self.message(Lang::En), self.hint(Lang::En))
    }
}
