//! A chart scene as SVG markup: for pages written at build time (the embeddable chart widget)
//! and for the interactive chart (`components/chart.rs`), which sets it as the SVG's content so
//! that a redraw is one DOM write, not one per attribute of every mark. Every text is escaped.

use super::scene::{Anchor, Mark, RuleClass, Scene, TextClass};
use crate::markup::escape;
use std::fmt::Write;

/// Fill of series `s`: solid for the first, then textures (colour never carries meaning alone).
pub fn fill(uid: &str, s: usize) -> String {
    if s.is_multiple_of(5) {
        format!("var(--c{})", s % 5)
    } else {
        format!("url(#{uid}-p{})", s % 5)
    }
}

/// Texture overlays for series 1–4 (drawn in the page's background colour).
pub const OVERLAYS: [&str; 4] =
    ["M0,6 L6,0", "M3,3 m-1,0 a1,1 0 1,0 2,0 a1,1 0 1,0 -2,0", "M0,0 L6,6 M0,6 L6,0", "M0,3 L6,3"];

/// How the points (bars and dots linked to a value) are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Points {
    /// A page without script: each point carries its text as a `<title>`.
    Titled,
    /// The interactive chart: each point is an image named by its text, with `data-point`, one
    /// Tab stop (`selected`, the first if none) and the `selected` class on the selected one.
    Focusable { selected: Option<usize> },
}

/// A dot's marker: a different shape per series, as the lines also differ by dash.
fn marker(x: f64, y: f64, series: usize) -> String {
    match series % 4 {
        0 => format!("M{x:.1},{y:.1} m-5,0 a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0"),
        1 => format!("M{:.1},{:.1} h9 v9 h-9 z", x - 4.5, y - 4.5),
        2 => format!("M{x:.1},{:.1} l6,6 l-6,6 l-6,-6 z", y - 6.0),
        _ => format!("M{x:.1},{:.1} l6,10 h-12 z", y - 6.0),
    }
}

/// The SVG's content for a scene: texture definitions, then every mark in drawing order.
pub fn content(scene: &Scene, uid: &str, points: Points) -> String {
    let mut out = String::with_capacity(160 * scene.marks.len() + 800);
    out.push_str("<defs>");
    for (i, d) in OVERLAYS.iter().enumerate() {
        let s = i + 1;
        let _ = write!(
            out,
            "<pattern id=\"{uid}-p{s}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"var(--c{s})\"/><path d=\"{d}\" stroke=\"var(--bg)\" stroke-width=\"1.5\" fill=\"var(--bg)\"/></pattern>"
        );
    }
    out.push_str("</defs>");
    // A point's attributes after its shape's, and what it holds.
    let point = |out: &mut String, p: usize, class: &str| {
        let text = scene.points.get(p).map(|pt| escape(&pt.text)).unwrap_or_default();
        match points {
            Points::Titled => {
                let _ = write!(out, " class=\"{class}\"><title>{text}</title>");
            }
            Points::Focusable { selected } => {
                let on = selected == Some(p);
                let stop = if selected.unwrap_or(0) == p { "0" } else { "-1" };
                let _ = write!(
                    out,
                    " class=\"{class}{}\" tabindex=\"{stop}\" data-point=\"{p}\" role=\"img\" aria-label=\"{text}\">",
                    if on { " selected" } else { "" }
                );
            }
        }
    };
    for m in &scene.marks {
        match m {
            Mark::Rule { x1, y1, x2, y2, class } => {
                let c = if *class == RuleClass::Zero { "ct-zero" } else { "ct-grid" };
                let _ =
                    write!(out, "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" class=\"{c}\"/>");
            }
            Mark::Text { x, y, text, anchor, class } => {
                let a = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let c = match class {
                    TextClass::Label => "ct-label",
                    TextClass::Tick => "ct-tick",
                    TextClass::Value => "ct-value",
                    TextClass::ValueInside => "ct-value inside",
                    TextClass::Missing => "ct-missing",
                };
                let _ = write!(
                    out,
                    "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{a}\" class=\"{c}\">{}</text>",
                    escape(text)
                );
            }
            Mark::Line { d, series } => {
                let _ = write!(out, "<path d=\"{}\" class=\"ct-line l{}\"/>", escape(d), series % 5);
            }
            Mark::Rect { x, y, w, h, series, point: p, rest } => {
                let fill = if *rest { "var(--rest)".to_string() } else { fill(uid, *series) };
                let _ =
                    write!(out, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\"");
                match p {
                    Some(p) => point(&mut out, *p, "ct-point"),
                    None => out.push('>'),
                }
                out.push_str("</rect>");
            }
            Mark::Dot { x, y, series, point: p } => {
                let _ = write!(out, "<path d=\"{}\"", marker(*x, *y, *series));
                point(&mut out, *p, &format!("ct-dot l{}", series % 5));
                out.push_str("</path>");
            }
        }
    }
    out
}

/// The whole SVG element of a page without script, named `label`.
pub fn render(scene: &Scene, uid: &str, label: &str) -> String {
    format!(
        "<svg class=\"chart-svg\" viewBox=\"0 0 {:.1} {:.1}\" width=\"100%\" role=\"img\" aria-label=\"{}\" focusable=\"false\">{}</svg>",
        scene.width,
        scene.height,
        escape(label),
        content(scene, uid, Points::Titled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scene::layout;
    use crate::charts::spec::ChartSpec;
    use crate::lang::Lang;
    use crate::model::{parse_file, Dataset};

    fn scenes() -> Vec<(String, Scene)> {
        let text = crate::testdata::read("public/content/datasets.json");
        let datasets = parse_file::<Dataset>(&text).unwrap().items;
        assert!(!datasets.is_empty());
        datasets
            .iter()
            .map(|d| (d.id.clone(), layout(&ChartSpec::from_dataset(d, Lang::Es), 400.0, Lang::Es)))
            .collect()
    }

    /// Every element opened is closed or self-closing, in order (a well-formed fragment).
    fn balanced(svg: &str) -> bool {
        let mut open = Vec::new();
        for tag in svg.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or_default();
            let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or_default();
            if tag.starts_with('/') {
                if open.pop() != Some(name) {
                    return false;
                }
            } else if !tag.ends_with('/') {
                open.push(name);
            }
        }
        open.is_empty()
    }

    #[test]
    fn every_bundled_chart_renders_as_well_formed_svg() {
        let mut dots = 0;
        for (id, scene) in scenes() {
            let svg = render(&scene, "w", "<t>");
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{id}");
            assert!(svg.contains("aria-label=\"&lt;t&gt;\""));
            assert!(balanced(&svg), "{id}: {svg}");
            // Without script, each point says its value as a title, and nothing is focusable.
            assert_eq!(svg.matches("<title>").count(), scene.points.len(), "{id}");
            assert!(!svg.contains("tabindex") && !svg.contains("data-point"), "{id}");
            dots += svg.matches("class=\"ct-dot").count();
        }
        assert!(dots > 0, "a line chart among the bundled ones");
    }

    #[test]
    fn the_interactive_chart_has_one_tab_stop_on_the_selected_point() {
        for (id, scene) in scenes() {
            let n = scene.points.len();
            if n < 2 {
                continue;
            }
            for selected in [None, Some(0), Some(n - 1)] {
                let svg = content(&scene, "c", Points::Focusable { selected });
                assert!(balanced(&svg), "{id}");
                assert!(!svg.contains("<title>"), "{id}: the tooltip says the value, not the browser's");
                assert_eq!(svg.matches("tabindex=\"0\"").count(), 1, "{id}");
                assert_eq!(svg.matches("tabindex=\"-1\"").count(), n - 1, "{id}");
                let stop = selected.unwrap_or(0);
                let at = svg.find("tabindex=\"0\"").unwrap();
                assert!(svg[at..].starts_with(&format!("tabindex=\"0\" data-point=\"{stop}\"")), "{id}");
                assert_eq!(svg.matches(" selected\"").count(), usize::from(selected.is_some()), "{id}");
                // Each point is an image named by its text, escaped.
                for (p, pt) in scene.points.iter().enumerate() {
                    let named = format!("data-point=\"{p}\" role=\"img\" aria-label=\"{}\"", escape(&pt.text));
                    assert!(svg.contains(&named), "{id}: point {p}");
                }
            }
        }
    }

    #[test]
    fn text_in_a_scene_is_escaped() {
        let (_, mut scene) = scenes().remove(0);
        scene.marks.push(Mark::Text {
            x: 1.0,
            y: 2.0,
            text: "<script>&\"".into(),
            anchor: Anchor::Start,
            class: TextClass::Label,
        });
        if let Some(p) = scene.points.first_mut() {
            p.text = "<img src=x onerror=alert(1)>".into();
        }
        for svg in [render(&scene, "w", "x"), content(&scene, "c", Points::Focusable { selected: None })] {
            assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
            assert!(svg.contains("&lt;script&gt;&amp;&quot;"));
        }
    }
}
