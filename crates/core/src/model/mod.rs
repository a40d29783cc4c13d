//! The content model: serde types as editors publish them (`raw`), checked at the edge into
//! domain types (`content`) that the rest of the app can trust. The same code runs in the
//! browser and in the `check-content` command.

mod content;
pub mod list;
mod load;
mod problem;
pub mod raw;
mod refs;
mod text;
mod values;

pub use content::*;
pub use load::{check_file, check_size, parse_file, size_cap, ContentFile, FileError, Loaded, FORMAT_VERSION};
pub use problem::{Problem, ProblemKind, Severity};
pub use refs::check_references;
pub use text::{organizer_key, Blocks, Text, MAX_KEY};
pub use values::{is_valid_id, plausible_email, Country, EventTime, PartialDate, SafeUrl, MAX_EMAIL};
