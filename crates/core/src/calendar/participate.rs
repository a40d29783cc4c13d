//! Taking part in an event without a server of ours: the comment form's limits, its draft (kept
//! in the browser's storage) and the prefilled e-mail it falls back to.

use crate::routes::encode_segment;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 100;
pub use crate::model::MAX_EMAIL;
pub const MAX_MESSAGE: usize = 2000;

/// What the reader has typed so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub name: String,
    pub email: String,
    pub message: String,
}

/// Why a draft cannot be sent yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftError {
    MessageEmpty,
    MessageTooLong,
    NameTooLong,
    EmailInvalid,
}

pub use crate::model::plausible_email;

impl Draft {
    /// Storage key of an event's draft.
    pub fn key(event_id: &str) -> String {
        format!("observatorio.draft.{event_id}")
    }

    /// A stored draft; anything unreadable or oversized is treated as no draft, and fields are
    /// cut to the form's limits.
    pub fn restore(stored: &str) -> Draft {
        if stored.len() > 4 * (MAX_NAME + MAX_EMAIL + MAX_MESSAGE) + 100 {
            return Draft::default();
        }
        let d: Draft = serde_json::from_str(stored).unwrap_or_default();
        let cut = |s: String, n: usize| s.chars().take(n).collect::<String>();
        Draft { name: cut(d.name, MAX_NAME), email: cut(d.email, MAX_EMAIL), message: cut(d.message, MAX_MESSAGE) }
    }

    pub fn store(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.email.trim().is_empty() && self.message.trim().is_empty()
    }

    /// Checks limits; the e-mail is optional but must look like one if given.
    pub fn validate(&self) -> Result<(), DraftError> {
        let m = self.message.trim();
        if m.is_empty() {
            Err(DraftError::MessageEmpty)
        } else if m.chars().count() > MAX_MESSAGE {
            Err(DraftError::MessageTooLong)
        } else if self.name.trim().chars().count() > MAX_NAME {
            Err(DraftError::NameTooLong)
        } else if !self.email.trim().is_empty() && !plausible_email(self.email.trim()) {
            Err(DraftError::EmailInvalid)
        } else {
            Ok(())
        }
    }

    /// The fields posted to the form service (`event` names what the comment is about).
    pub fn fields(&self, event_id: &str, event_title: &str) -> Vec<(&'static str, String)> {
        vec![
            ("event", event_id.to_string()),
            ("_subject", event_title.to_string()),
            ("name", self.name.trim().to_string()),
            ("email", self.email.trim().to_string()),
            ("message", self.message.trim().to_string()),
        ]
    }

    /// A `mailto:` link with the subject and the draft filled in.
    pub fn mailto(&self, to: &str, subject: &str) -> String {
        let mut body = self.message.trim().to_string();
        if !self.name.trim().is_empty() {
            body.push_str(&format!("\n\n— {}", self.name.trim()));
        }
        format!("mailto:{}?subject={}&body={}", to.trim(), encode_segment(subject), encode_segment(&body))
    }
}

/// A honeypot field: people never see or fill it; bots filling every field do, and their post
/// is dropped (shown as sent, so they learn nothing).
pub fn is_bot(honeypot: &str) -> bool {
    !honeypot.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_limits_and_email() {
        let mut d = Draft { message: "  ".into(), ..Default::default() };
        assert_eq!(d.validate(), Err(DraftError::MessageEmpty));
        d.message = "x".repeat(MAX_MESSAGE + 1);
        assert_eq!(d.validate(), Err(DraftError::MessageTooLong));
        d.message = "ñ".repeat(MAX_MESSAGE);
        assert_eq!(d.validate(), Ok(()));
        d.email = "not an email".into();
        assert_eq!(d.validate(), Err(DraftError::EmailInvalid));
        d.email = "ana@example.cl".into();
        assert_eq!(d.validate(), Ok(()));
        d.name = "n".repeat(MAX_NAME + 1);
        assert_eq!(d.validate(), Err(DraftError::NameTooLong));
        for bad in ["a@b", "@b.cl", "a@.cl", "a@b.", "a b@c.cl", "<a@b.cl>", "a@b.cl,c@d.cl"] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn drafts_survive_storage_and_bad_storage_is_no_draft() {
        let d = Draft { name: "Ana".into(), email: "".into(), message: "Comentario «útil»\n2ª línea".into() };
        assert_eq!(Draft::restore(&d.store()), d);
        assert_eq!(Draft::restore("{not json"), Draft::default());
        assert_eq!(Draft::restore("null"), Draft::default());
        assert_eq!(Draft::restore(r#"{"message": 5}"#), Draft::default());
        let long = Draft { message: "x".repeat(3000), ..Default::default() };
        assert_eq!(Draft::restore(&long.store()).message.len(), MAX_MESSAGE);
        assert_eq!(Draft::restore(&"x".repeat(100_000)), Draft::default());
    }

    #[test]
    fn mailto_is_prefilled_and_encoded() {
        let d = Draft { name: "Ana".into(), email: String::new(), message: "Hola & adiós?".into() };
        assert_eq!(
            d.mailto("eventos@example.org", "Foro 2027"),
            "mailto:eventos@example.org?subject=Foro%202027&body=Hola%20%26%20adi%C3%B3s%3F%0A%0A%E2%80%94%20Ana"
        );
        assert!(is_bot("http://spam") && !is_bot(""));
    }
}
