//! A chart scene as SVG markup, for pages written at build time (the embeddable chart widget).
//! The interactive view is `components/chart.rs`; both draw the same `scene::layout`.

use super::scene::{Anchor, Mark, RuleClass, Scene, TextClass};
use crate::markup::escape;

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

/// The SVG element for a scene; each value carries its full text as an accessible label.
pub fn render(scene: &Scene, uid: &str, label: &str) -> String {
    let f = |v: f64| format!("{v:.1}");
    let mut out = format!(
        "<svg class=\"chart-svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" aria-label=\"{}\" focusable=\"false\"><defs>",
        f(scene.width),
        f(scene.height),
        escape(label)
    );
    for (i, d) in OVERLAYS.iter().enumerate() {
        let s = i + 1;
        out.push_str(&format!(
            "<pattern id=\"{uid}-p{s}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"var(--c{s})\"/><path d=\"{d}\" stroke=\"var(--bg)\" stroke-width=\"1.5\" fill=\"var(--bg)\"/></pattern>"
        ));
    }
    out.push_str("</defs>");
    for m in &scene.marks {
        let title = |p: Option<usize>| {
            p.and_then(|p| scene.points.get(p))
                .map(|pt| format!("<title>{}</title>", escape(&pt.text)))
                .unwrap_or_default()
        };
        out.push_str(&match m {
            Mark::Rule { x1, y1, x2, y2, class } => {
                let c = if *class == RuleClass::Zero { "ct-zero" } else { "ct-grid" };
                format!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{c}\"/>", f(*x1), f(*y1), f(*x2), f(*y2))
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
                format!(
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"{a}\" class=\"{c}\">{}</text>",
                    f(*x),
                    f(*y),
                    escape(text)
                )
            }
            Mark::Line { d, series } => format!("<path d=\"{}\" class=\"ct-line l{}\"/>", escape(d), series % 5),
            Mark::Rect { x, y, w, h, series, point, rest } => {
                let fill = if *rest { "var(--rest)".to_string() } else { fill(uid, *series) };
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\">{}</rect>",
                    f(*x),
                    f(*y),
                    f(*w),
                    f(*h),
                    title(*point)
                )
            }
            Mark::Dot { x, y, series, point } => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" class=\"ct-dot l{}\">{}</circle>",
                f(*x),
                f(*y),
                series % 5,
                title(Some(*point))
            ),
        });
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scene::layout;
    use crate::charts::spec::ChartSpec;
    use crate::lang::Lang;
    use crate::model::{parse_file, Dataset};

    #[test]
    fn every_bundled_chart_renders_as_well_formed_svg() {
        let text = crate::testdata::read("public/content/datasets.json");
        let datasets = parse_file::<Dataset>(&text).unwrap().items;
        assert!(!datasets.is_empty());
        for d in datasets {
            let spec = ChartSpec::from_dataset(&d, Lang::Es);
            let scene = layout(&spec, 400.0, Lang::Es);
            let svg = render(&scene, "w", "<t>");
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{}", d.id);
            assert!(svg.contains("aria-label=\"&lt;t&gt;\""));
            // Balanced elements: every text, bar and dot is closed.
            assert_eq!(svg.matches("<rect x=").count(), svg.matches("</rect>").count(), "{}", d.id);
            assert_eq!(svg.matches("<circle").count(), svg.matches("</circle>").count(), "{}", d.id);
            assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count(), "{}", d.id);
        }
    }
}
