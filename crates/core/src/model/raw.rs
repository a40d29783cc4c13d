//! The content files exactly as editors write them. Unknown fields are rejected so that a typo
//! ("titel") is reported instead of silently ignored. See docs/content.md.

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub es: Option<String>,
    pub en: Option<String>,
}

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawBlocks {
    pub es: Option<Vec<String>>,
    pub en: Option<Vec<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    #[serde(default)]
    pub kind: Option<String>,
    pub label: RawText,
    pub url: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub name: RawText,
    pub tagline: RawText,
    pub about: RawBlocks,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    /// The official pages (licence, privacy, contact, accessibility, methodology), by kind.
    #[serde(default)]
    pub pages: std::collections::BTreeMap<String, RawInfoPage>,
    /// The members' national procurement portals (the home page's "selling to government").
    #[serde(default)]
    pub portals: Vec<RawPortal>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawPortal {
    pub country: String,
    pub name: String,
    pub url: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawInfoPage {
    /// When the text was last reviewed (YYYY-MM-DD).
    pub updated: String,
    pub body: RawBlocks,
    #[serde(default)]
    pub links: Vec<RawLink>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: String,
    pub title: RawText,
    pub summary: RawText,
    #[serde(default)]
    pub description: Option<RawBlocks>,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawNews {
    pub id: String,
    pub date: String,
    pub country: String,
    #[serde(default)]
    pub topics: Vec<String>,
    pub title: RawText,
    pub summary: RawText,
    pub body: RawBlocks,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawAuthor {
    pub kind: String,
    pub name: RawText,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub author: RawAuthor,
    pub country: String,
    #[serde(default)]
    pub topics: Vec<String>,
    pub date: String,
    pub title: RawText,
    pub summary: RawText,
    #[serde(default)]
    pub body: Option<RawBlocks>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub title: RawText,
    pub summary: RawText,
    #[serde(default)]
    pub body: Option<RawBlocks>,
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub place: Option<RawText>,
    pub country: String,
    #[serde(default)]
    pub topics: Vec<String>,
    pub organizer: RawText,
    #[serde(default)]
    pub how_to_take_part: Option<RawText>,
    #[serde(default)]
    pub participation: Option<RawParticipation>,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub sample: bool,
}

/// Where comments on an event go: a form service's endpoint (https) and/or an e-mail address.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawParticipation {
    #[serde(default)]
    pub form: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawColumn {
    pub id: String,
    pub label: RawText,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub unit: Option<RawText>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawHighlight {
    pub value: f64,
    #[serde(default)]
    pub decimals: Option<u8>,
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub suffix: Option<RawText>,
    #[serde(default)]
    pub at_least: bool,
    pub label: RawText,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub id: String,
    pub title: RawText,
    pub summary: RawText,
    pub source: RawText,
    #[serde(default)]
    pub source_url: Option<String>,
    #[serde(default)]
    pub notes: Option<RawBlocks>,
    pub country: String,
    #[serde(default)]
    pub topics: Vec<String>,
    pub year: i32,
    #[serde(default)]
    pub chart: Option<String>,
    pub columns: Vec<RawColumn>,
    pub rows: Vec<Vec<Value>>,
    #[serde(default)]
    pub highlights: Vec<RawHighlight>,
    #[serde(default)]
    pub sample: bool,
}
