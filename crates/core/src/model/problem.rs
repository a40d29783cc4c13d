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
        let es = lang == Lang::Es;
        match &self.kind {
            Syntax { line, column, detail } => {
                if es {
                    format!("el archivo no es JSON válido (línea {line}, columna {column}: {detail})")
                } else {
                    format!("the file is not valid JSON (line {line}, column {column}: {detail})")
                }
            }
            Shape { detail } => {
                if es {
                    format!("forma inesperada: {detail}")
                } else {
                    format!("unexpected shape: {detail}")
                }
            }
            Ocds { detail } => {
                if es {
                    format!("datos de contratación abierta: {detail}")
                } else {
                    format!("open contracting data: {detail}")
                }
            }
            Format { found: Some(v) } => {
                if es {
                    format!("versión de formato {v} no admitida (se admite {})", super::FORMAT_VERSION)
                } else {
                    format!("format version {v} is not supported (this site reads {})", super::FORMAT_VERSION)
                }
            }
            Format { found: None } => {
                if es {
                    "falta el campo \"format\"".into()
                } else {
                    "the \"format\" field is missing".into()
                }
            }
            MissingSpanish => {
                if es {
                    "falta el texto en español".into()
                } else {
                    "the Spanish text is missing".into()
                }
            }
            MissingEnglish => {
                if es {
                    "falta la traducción al inglés".into()
                } else {
                    "the English translation is missing".into()
                }
            }
            EmptyText => {
                if es {
                    "el texto está vacío".into()
                } else {
                    "the text is empty".into()
                }
            }
            BadDate { value } => {
                if es {
                    format!("fecha no válida: \"{value}\"")
                } else {
                    format!("not a valid date: \"{value}\"")
                }
            }
            BadEventTime { value } => {
                if es {
                    format!("fecha u hora no válida: \"{value}\"")
                } else {
                    format!("not a valid date or time: \"{value}\"")
                }
            }
            MixedEventTimes => {
                if es {
                    "el inicio y el fin mezclan día completo y hora".into()
                } else {
                    "start and end mix a whole day with a time".into()
                }
            }
            EndBeforeStart => {
                if es {
                    "el evento termina antes de empezar".into()
                } else {
                    "the event ends before it starts".into()
                }
            }
            BadTimeZone { value } => {
                if es {
                    format!("zona horaria desconocida: \"{value}\"")
                } else {
                    format!("unknown time zone: \"{value}\"")
                }
            }
            BadFormEndpoint { value } => {
                if es {
                    format!("el formulario debe enviarse a una dirección https: \"{value}\"")
                } else {
                    format!("the form must post to an https address: \"{value}\"")
                }
            }
            BadEmail { value } => {
                if es {
                    format!("correo electrónico no válido: \"{value}\"")
                } else {
                    format!("not a valid e-mail address: \"{value}\"")
                }
            }
            BadId { value } => {
                if es {
                    format!("identificador no válido: \"{value}\"")
                } else {
                    format!("not a valid id: \"{value}\"")
                }
            }
            DuplicateId { value } => {
                if es {
                    format!("identificador repetido: \"{value}\"")
                } else {
                    format!("duplicate id: \"{value}\"")
                }
            }
            UnknownReference { kind, value } => {
                if es {
                    format!("{kind} \"{value}\" no existe")
                } else {
                    format!("{kind} \"{value}\" does not exist")
                }
            }
            BadUrl { value } => {
                if es {
                    format!("enlace no permitido: \"{value}\"")
                } else {
                    format!("link not allowed: \"{value}\"")
                }
            }
            UnknownCountry { value } => {
                if es {
                    format!("país desconocido: \"{value}\"")
                } else {
                    format!("unknown country: \"{value}\"")
                }
            }
            UnknownCode { value, .. } => {
                if es {
                    format!("valor desconocido: \"{value}\"")
                } else {
                    format!("unknown value: \"{value}\"")
                }
            }
            RowLength { expected, found } => {
                if es {
                    format!("la fila tiene {found} celdas y hay {expected} columnas")
                } else {
                    format!("the row has {found} cells but there are {expected} columns")
                }
            }
            NotANumber => {
                if es {
                    "esta columna es numérica: la celda debe ser un número o null".into()
                } else {
                    "this column is numeric: the cell must be a number or null".into()
                }
            }
            Empty => {
                if es {
                    "la lista está vacía".into()
                } else {
                    "the list is empty".into()
                }
            }
        }
    }

    /// How to fix it, for the content checker (English and Spanish). Native only: the browser
    /// shows readers what failed, not editing advice, and the text would cost wasm bytes.
    #[cfg(feature = "checker")]
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let es = lang == Lang::Es;
        match &self.kind {
            Syntax { .. } => if es {
                "revise comas, comillas y llaves cerca de esa posición"
            } else {
                "check commas, quotes and brackets near that position"
            }
            .into(),
            Shape { .. } => if es {
                "compare con el ejemplo de docs/content.md"
            } else {
                "compare with the example in docs/content.md"
            }
            .into(),
            Ocds { .. } => if es {
                "vea «ocds/sources.json» en docs/content.md; un archivo OCDS se publica tal como lo entrega su publicador"
            } else {
                "see \"ocds/sources.json\" in docs/content.md; an OCDS file is published as its publisher provides it"
            }
            .into(),
            Format { .. } => format!("\"format\": {}", super::FORMAT_VERSION),
            MissingSpanish | EmptyText => {
                if es { "escriba el texto en \"es\"" } else { "write the text under \"es\"" }.into()
            }
            MissingEnglish => {
                if es { "añada \"en\" con la traducción" } else { "add \"en\" with the translation" }.into()
            }
            BadDate { .. } => if es {
                "use AAAA, AAAA-MM o AAAA-MM-DD, p. ej. 2023-12-04"
            } else {
                "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-12-04"
            }
            .into(),
            BadEventTime { .. } | MixedEventTimes => if es {
                "use AAAA-MM-DD para un día completo o AAAA-MM-DDTHH:MM (hora local) en inicio y fin"
            } else {
                "use YYYY-MM-DD for a whole day or YYYY-MM-DDTHH:MM (local time) for both start and end"
            }
            .into(),
            EndBeforeStart => if es { "corrija \"start\" o \"end\"" } else { "correct \"start\" or \"end\"" }.into(),
            BadTimeZone { .. } => {
                if es { "use un nombre IANA, p. ej. America/Lima" } else { "use an IANA name, e.g. America/Lima" }
                    .into()
            }
            BadFormEndpoint { .. } => if es {
                "use la dirección https que le dio su servicio de formularios, p. ej. https://formspree.io/f/abcd1234"
            } else {
                "use the https address your form service gave you, e.g. https://formspree.io/f/abcd1234"
            }
            .into(),
            BadEmail { .. } => if es { "p. ej. eventos@ejemplo.org" } else { "e.g. events@example.org" }.into(),
            BadId { .. } => if es {
                "solo minúsculas sin tilde, cifras y guiones, p. ej. cumbre-lima-2019"
            } else {
                "only lowercase letters without accents, digits and hyphens, e.g. lima-summit-2019"
            }
            .into(),
            DuplicateId { .. } => {
                if es { "cada elemento necesita un identificador propio" } else { "give each item its own id" }.into()
            }
            UnknownReference { .. } => if es {
                "use un identificador existente o créelo primero"
            } else {
                "use an existing id or create it first"
            }
            .into(),
            BadUrl { .. } => if es {
                "solo se admiten enlaces https://, http:// o mailto:"
            } else {
                "only https://, http:// or mailto: links are allowed"
            }
            .into(),
            UnknownCountry { .. } => if es {
                "use AP (toda la Alianza), CL, CO, MX o PE"
            } else {
                "use AP (the whole Alliance), CL, CO, MX or PE"
            }
            .into(),
            UnknownCode { expected, .. } => {
                format!("{}: {}", if es { "valores admitidos" } else { "allowed values" }, expected.join(", "))
            }
            RowLength { .. } => {
                if es { "una celda por columna, en el mismo orden" } else { "one cell per column, in the same order" }
                    .into()
            }
            NotANumber => if es {
                "escriba el número sin comillas ni separadores, p. ej. 2710734"
            } else {
                "write the number without quotes or separators, e.g. 2710734"
            }
            .into(),
            Empty => if es { "añada al menos un elemento" } else { "add at least one item" }.into(),
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
