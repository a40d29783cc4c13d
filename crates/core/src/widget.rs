//! Embeddable widgets for member ministries' sites.
//!
//! A widget is a static page written by the publishing step (`observatorio_publish::widget_page`): its content rendered at
//! build time, plus a small inline script that applies the reader's options (country, area,
//! count, theme, accent, compact) and reports its height to the host page. No wasm is loaded in a
//! widget: under the benchmark's Slow 4G each request costs 562 ms, so only a page that carries
//! its content can be visible within 1.5 s (see BENCHMARKS.md). The host page includes
//! `public/embed.js`, which turns placeholders into iframes and resizes them.
//!
//! This module holds what the Embed page and the publishing step share: the options and their
//! validation, the widget URLs, the snippet and iframe code, and the oEmbed description.

use crate::lang::Lang;
use crate::markup::escape;
use crate::model::Country;

/// Chart ids of the open contracting data (`ocds-…`, reserved: content datasets may not use
/// them): seen on the indicators page, not on a dataset's.
pub const PROCUREMENT_PREFIX: &str = "ocds-";

/// The members' comparison over the bundled OCDS data, published as a chart widget.
pub const PROCUREMENT_COMPARISON: &str = "ocds-comparison-shares";

pub fn is_procurement(id: &str) -> bool {
    id.starts_with(PROCUREMENT_PREFIX)
}

/// The widgets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    #[default]
    Events,
    News,
    Chart,
    Search,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Events, Kind::News, Kind::Chart, Kind::Search];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Events => "events",
            Kind::News => "news",
            Kind::Chart => "chart",
            Kind::Search => "search",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Whether the widget lists items (and so takes country, area and count).
    pub fn lists(self) -> bool {
        matches!(self, Kind::Events | Kind::News)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's system.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// Items a list widget shows by default, and at most (more belongs on the Observatory itself).
pub const DEFAULT_COUNT: u8 = 5;
pub const MAX_COUNT: u8 = 10;

/// An accent colour: only `#rgb` or `#rrggbb` is accepted, so nothing but a colour can reach CSS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let ch = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    /// Black or white, whichever reads better on this colour (text on an accent background).
    pub fn text_on(self) -> &'static str {
        let l = self.luminance();
        // Contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05).
        if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
            "#ffffff"
        } else {
            "#000000"
        }
    }
}

/// A widget's options. What the embed page builds and what the widget's own script accepts (the
/// same rules are in `widget_page`'s script, tested in the browser).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Options {
    pub kind: Kind,
    pub lang: Lang,
    pub country: Option<Country>,
    /// A thematic area's id.
    pub area: Option<String>,
    pub count: Option<u8>,
    pub theme: Theme,
    pub accent: Option<Rgb>,
    pub compact: bool,
    /// The widget's own heading hidden (`heading=0`): the host page has its own.
    pub no_heading: bool,
    /// Sample items left out (`samples=0`) of a list widget.
    pub no_samples: bool,
    /// The chart widget's dataset.
    pub dataset: Option<String>,
    /// The chosen area's or chart's name, for the widget's title (not an option of its URL).
    pub label: Option<String>,
}

/// The options a widget reads from its URL (and `embed.js` passes on from `data-*`).
pub const OPTION_NAMES: [&str; 8] = ["country", "area", "n", "theme", "accent", "compact", "heading", "samples"];

/// `1`/`true`/`yes` or `0`/`false`/`no`.
fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// A dataset or area id as it may appear in a widget URL.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

impl Options {
    /// From query pairs (`country`, `area`, `n`, `theme`, `accent`, `compact`, `heading`,
    /// `samples`); each invalid
    /// value falls back to its default and its name is returned, for the widget's discreet note.
    pub fn from_query(kind: Kind, lang: Lang, pairs: &[(String, String)]) -> (Options, Vec<&'static str>) {
        let mut o = Options { kind, lang, ..Options::default() };
        let mut ignored = Vec::new();
        for (k, v) in pairs {
            let v = v.trim();
            let ok = match k.as_str() {
                "country" => Country::parse(&v.to_ascii_uppercase()).map(|c| o.country = Some(c)).is_some(),
                "area" => valid_id(v).then(|| o.area = Some(v.to_string())).is_some(),
                "n" => {
                    v.parse::<u8>().ok().filter(|n| (1..=MAX_COUNT).contains(n)).map(|n| o.count = Some(n)).is_some()
                }
                "theme" => Theme::parse(v).map(|t| o.theme = t).is_some(),
                "accent" => Rgb::parse(v).map(|c| o.accent = Some(c)).is_some(),
                "compact" => flag(v).map(|f| o.compact = f).is_some(),
                "heading" => flag(v).map(|f| o.no_heading = !f).is_some(),
                "samples" => flag(v).map(|f| o.no_samples = !f).is_some(),
                _ => true,
            };
            if !ok {
                if let Some(name) = OPTION_NAMES.into_iter().find(|n| n == k) {
                    if !ignored.contains(&name) {
                        ignored.push(name);
                    }
                }
            }
        }
        (o, ignored)
    }

    /// The widget page's path, relative to the site's root (`widget/es/events.html`): a file,
    /// not a folder, so its relative links work whether or not a host adds a trailing slash.
    pub fn path(&self) -> String {
        match (self.kind, &self.dataset) {
            (Kind::Chart, Some(id)) => format!("widget/{}/chart/{id}.html", self.lang.code()),
            (k, _) => format!("widget/{}/{}.html", self.lang.code(), k.code()),
        }
    }

    /// Where the widget's oEmbed description is published, from the site's root.
    pub fn oembed_path(&self) -> String {
        match (self.kind, &self.dataset) {
            (Kind::Chart, Some(id)) => format!("oembed/{}/chart/{id}.json", self.lang.code()),
            (k, _) => format!("oembed/{}/{}.json", self.lang.code(), k.code()),
        }
    }

    /// The options that differ from the defaults, as query pairs.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.kind.lists() {
            if let Some(c) = self.country {
                out.push(("country", c.code().to_string()));
            }
            if let Some(a) = &self.area {
                out.push(("area", a.clone()));
            }
            if let Some(n) = self.count.filter(|n| *n != DEFAULT_COUNT) {
                out.push(("n", n.to_string()));
            }
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.code().to_string()));
        }
        if let Some(c) = self.accent {
            out.push(("accent", c.hex()));
        }
        if self.compact {
            out.push(("compact", "1".into()));
        }
        if self.no_heading {
            out.push(("heading", "0".into()));
        }
        if self.no_samples && self.kind.lists() {
            out.push(("samples", "0".into()));
        }
        out
    }

    /// What the widget shows, in words: its iframe's title and its placeholder's link
    /// ("Próximos eventos — Chile", "Noticias — Alianza del Pacífico · Integración").
    pub fn title(&self) -> String {
        let area = self.label.as_deref();
        let w = self.lang.w();
        let mut out = w.kind_title(self.kind).to_string();
        if self.kind.lists() {
            if let Some(c) = self.country {
                out.push_str(&format!(" — {}", self.lang.t().country(c)));
            }
            if let Some(a) = area {
                out.push_str(&format!(" · {a}"));
            }
        } else if let (Kind::Chart, Some(name)) = (self.kind, area) {
            out.push_str(&format!(" — {name}"));
        }
        format!("{out} ({})", self.lang.t().short_name)
    }

    /// The widget's full URL on a site (`site` ends with `/`).
    pub fn url(&self, site: &str) -> String {
        let q = crate::routes::query_string(self.pairs().iter().map(|(k, v)| (*k, v.as_str())));
        format!("{site}{}{q}", self.path())
    }

    /// The snippet a host page pastes: a placeholder whose link works without JavaScript, and
    /// the script that turns it into a self-sizing iframe.
    pub fn snippet(&self, site: &str) -> String {
        let mut attrs = format!("data-observatorio=\"{}\" data-lang=\"{}\"", self.kind.code(), self.lang.code());
        if let (Kind::Chart, Some(id)) = (self.kind, &self.dataset) {
            attrs.push_str(&format!(" data-dataset=\"{}\"", escape(id)));
        }
        for (k, v) in self.pairs() {
            attrs.push_str(&format!(" data-{k}=\"{}\"", escape(&v)));
        }
        format!(
            "<div {attrs}><a href=\"{}\">{}</a></div>\n<script src=\"{site}embed.js\" async></script>",
            escape(&self.fallback_link(site)),
            escape(&self.title()),
        )
    }

    /// The plain iframe, for hosts that allow no script (fixed height: it cannot resize itself).
    pub fn iframe(&self, site: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:{}px;border:0\"></iframe>",
            escape(&self.url(site)),
            escape(&self.title()),
            self.kind.default_height()
        )
    }

    /// The Observatory's page for the widget's content: where the placeholder's own link and
    /// the widget's "see on the site" link go.
    pub fn site_page(&self) -> crate::routes::Page {
        use crate::routes::Page;
        match (self.kind, &self.dataset) {
            (Kind::Events, _) => Page::Events,
            (Kind::News, _) => Page::News,
            (Kind::Chart, Some(id)) if is_procurement(id) => Page::Indicators(crate::model::Country::Ap),
            (Kind::Chart, Some(id)) => Page::Dataset(id.clone()),
            (Kind::Chart, None) => Page::Data,
            (Kind::Search, _) => Page::Search,
        }
    }

    /// Where the placeholder's own link goes (`site_page`, absolute).
    pub fn fallback_link(&self, site: &str) -> String {
        format!("{}{}", site.trim_end_matches('/'), self.site_page().path(self.lang))
    }
}

impl Kind {
    /// A sensible fixed height for the plain iframe form, in CSS pixels.
    pub fn default_height(self) -> u32 {
        match self {
            Kind::Events | Kind::News => 520,
            Kind::Chart => 420,
            Kind::Search => 140,
        }
    }
}

/// An oEmbed 1.0 description of a widget ("rich" type), as JSON.
pub fn oembed(o: &Options, site: &str, site_name: &str) -> String {
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": site_name,
        "provider_url": site,
        // A chart by its own name; the other widgets by their kind's.
        "title": match (o.kind, &o.label) {
            (Kind::Chart, Some(name)) => name.clone(),
            _ => o.lang.w().kind_title(o.kind).to_string(),
        },
        "html": o.iframe(site),
        "width": 400,
        "height": o.kind.default_height(),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn options_parse_and_hostile_values_fall_back() {
        let (o, ignored) = Options::from_query(
            Kind::Events,
            Lang::En,
            &q(&[
                ("country", "co"),
                ("area", "sustainable-procurement"),
                ("n", "3"),
                ("theme", "dark"),
                ("accent", "#C00"),
                ("compact", "1"),
            ]),
        );
        assert!(ignored.is_empty());
        assert_eq!(o.country, Some(Country::Co));
        assert_eq!(o.area.as_deref(), Some("sustainable-procurement"));
        assert_eq!((o.count, o.theme, o.compact), (Some(3), Theme::Dark, true));
        assert_eq!(o.accent.map(Rgb::hex).as_deref(), Some("#cc0000"));
        let (o, ignored) = Options::from_query(
            Kind::News,
            Lang::Es,
            &q(&[
                ("accent", "red;}</style><script>alert(1)</script>"),
                ("n", "100000"),
                ("theme", "neon"),
                ("country", "AR"),
                ("area", "<b>"),
                ("compact", "maybe"),
                ("n", "0"),
                ("utm_source", "x"),
            ]),
        );
        assert_eq!(o, Options { kind: Kind::News, ..Options::default() });
        assert_eq!(ignored, ["accent", "n", "theme", "country", "area", "compact"]);
        for bad in ["#12345", "#ggg", "rgb(1,2,3)", "#1234567", "", "#", "expression(alert(1))"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn heading_and_samples_can_be_left_out_and_the_title_names_the_content() {
        let (o, bad) =
            Options::from_query(Kind::News, Lang::Es, &q(&[("heading", "0"), ("samples", "no"), ("country", "cl")]));
        assert!(bad.is_empty());
        assert!(o.no_heading && o.no_samples);
        assert_eq!(o.pairs(), [("country", "CL".to_string()), ("heading", "0".into()), ("samples", "0".into())]);
        let (_, bad) = Options::from_query(Kind::News, Lang::Es, &q(&[("heading", "maybe")]));
        assert_eq!(bad, ["heading"]);
        // A chart has no samples option to pass on.
        let chart = Options { kind: Kind::Chart, no_samples: true, ..Options::default() };
        assert!(chart.pairs().is_empty());
        let named = Options { label: Some("Integración".into()), ..o };
        assert_eq!(named.title(), "Últimas noticias — Chile · Integración (Observatorio de Compras Públicas)");
        assert!(named
            .iframe("https://x.org/")
            .contains("title=\"Últimas noticias — Chile · Integración (Observatorio de Compras Públicas)\""));
    }

    #[test]
    fn accent_text_keeps_contrast() {
        assert_eq!(Rgb::parse("#ffeb3b").unwrap().text_on(), "#000000");
        assert_eq!(Rgb::parse("#0b3a6e").unwrap().text_on(), "#ffffff");
        assert_eq!(Rgb::parse("#c00").unwrap().text_on(), "#ffffff");
        assert!((Rgb(255, 255, 255).luminance() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn urls_snippet_and_oembed() {
        let site = "https://example.org/observatorio/";
        let o = Options {
            kind: Kind::Events,
            lang: Lang::Es,
            country: Some(Country::Pe),
            count: Some(3),
            accent: Rgb::parse("#0a0"),
            ..Options::default()
        };
        assert_eq!(
            o.url(site),
            "https://example.org/observatorio/widget/es/events.html?country=PE&n=3&accent=%2300aa00"
        );
        let snippet = o.snippet(site);
        assert!(snippet.starts_with("<div data-observatorio=\"events\" data-lang=\"es\" data-country=\"PE\" data-n=\"3\" data-accent=\"#00aa00\"><a href=\"https://example.org/observatorio/es/events\">"), "{snippet}");
        assert!(snippet.ends_with("<script src=\"https://example.org/observatorio/embed.js\" async></script>"));
        let chart = Options {
            kind: Kind::Chart,
            lang: Lang::En,
            dataset: Some("ap-trade".into()),
            count: Some(3),
            ..Options::default()
        };
        // A chart takes no count.
        assert_eq!(chart.url(site), "https://example.org/observatorio/widget/en/chart/ap-trade.html");
        assert!(chart.snippet(site).contains("data-dataset=\"ap-trade\""));
        let oe: serde_json::Value = serde_json::from_str(&oembed(&chart, site, "Observatorio")).unwrap();
        assert_eq!(oe["type"], "rich");
        assert_eq!(oe["version"], "1.0");
        assert!(oe["html"]
            .as_str()
            .unwrap()
            .starts_with("<iframe src=\"https://example.org/observatorio/widget/en/chart/ap-trade.html\""));
        assert!(!valid_id("../x") && !valid_id("") && valid_id("a-1"));
    }

    #[test]
    fn a_procurement_chart_is_seen_on_the_indicators_page_and_named_by_its_title() {
        let o = Options {
            kind: Kind::Chart,
            dataset: Some(PROCUREMENT_COMPARISON.into()),
            label: Some("Competencia por miembro".into()),
            ..Options::default()
        };
        assert_eq!(o.fallback_link("https://x.org/"), "https://x.org/es/indicators");
        assert_eq!(o.path(), "widget/es/chart/ocds-comparison-shares.html");
        let e: serde_json::Value = serde_json::from_str(&oembed(&o, "https://x.org/", "Obs")).unwrap();
        assert_eq!(e["title"], "Competencia por miembro");
        let content = Options { dataset: Some("sample-tenders-by-year".into()), ..o };
        assert_eq!(content.fallback_link("https://x.org/"), "https://x.org/es/data/sample-tenders-by-year");
    }

    /// The two scripts that read options by name (the host page's loader and the widget page's
    /// own) know exactly these: a new option added here and not there would be dropped silently.
    #[test]
    fn the_scripts_pass_on_and_read_every_option() {
        let embed = crate::testdata::read("public/embed.js");
        let list = embed.lines().find(|l| l.contains("].forEach(function (o)")).expect("embed.js's option list");
        let names: Vec<&str> = list.split('\'').skip(1).step_by(2).collect();
        assert_eq!(names, OPTION_NAMES, "embed.js");
        let widget = crate::testdata::read("crates/publish/src/widget.js");
        for name in OPTION_NAMES {
            assert!(widget.contains(&format!("opt('{name}'")), "widget.js reads {name}");
            assert!(embed.contains(&format!("data-{name}")), "embed.js documents data-{name}");
        }
    }
}
