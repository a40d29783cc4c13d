//! Chart layout as plain data: for a spec and a width, the marks to draw (rectangles, rules,
//! lines, dots, text) and the data points readers can select. The view only turns marks into SVG
//! elements, so every geometric decision is tested natively.

use super::scale::{decimals_for, nice_ticks, whole_ticks, Magnitude, Scale};
use super::spec::ChartSpec;
use super::text::{text_width, wrap};
use crate::i18n::format_number;
use crate::lang::Lang;
use crate::model::ChartKind;

pub const LABEL_PX: f64 = 13.0;
pub const TICK_PX: f64 = 12.0;
const PAD: f64 = 8.0;
const BAR: f64 = 18.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TextClass {
    Label,
    Tick,
    Value,
    ValueInside,
    Missing,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RuleClass {
    Grid,
    Zero,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A bar, column or share segment; `point` links it to `Scene::points`; `rest` is the
    /// remainder of a share.
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        series: usize,
        point: Option<usize>,
        rest: bool,
    },
    Rule {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        class: RuleClass,
    },
    Line {
        d: String,
        series: usize,
    },
    Dot {
        x: f64,
        y: f64,
        series: usize,
        point: usize,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        class: TextClass,
    },
}

/// A value a reader can select (by touch, keyboard or pointer) to see its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub series: usize,
    pub index: usize,
    /// Where the tooltip points, in the scene's coordinates.
    pub x: f64,
    pub y: f64,
    /// "Category — Series: value", in full.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub points: Vec<Point>,
    /// Unit and magnitude, stated once: "USD, millones".
    pub axis_title: Option<String>,
}

/// The value in full, as tooltips and tables show it (see `i18n::format_value`).
pub use crate::i18n::format_value as full_value;

/// A value label in the axis' magnitude: 7.84e9 with billions → "7,84".
pub fn short_value(lang: Lang, v: f64, mag: Magnitude) -> String {
    crate::i18n::format_short(lang, v / mag.divisor())
}

/// A bar's or column's value label, with the data's qualifier ("más de 70") when it has one.
fn value_label(lang: Lang, spec: &ChartSpec, s: usize, i: usize, v: f64, mag: Magnitude) -> String {
    let short = short_value(lang, v, mag);
    if spec.series.get(s).and_then(|x| x.at_least.get(i)).copied().unwrap_or(false) {
        format!("{} {short}", lang.t().at_least)
    } else {
        short
    }
}

fn axis_title(lang: Lang, unit: Option<&str>, mag: Magnitude) -> Option<String> {
    match (unit, mag.word(lang)) {
        (Some(u), Some(m)) => Some(format!("{u}, {m}")),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(m)) => Some(m.to_string()),
        (None, None) => None,
    }
}

fn point_text(lang: Lang, spec: &ChartSpec, s: usize, i: usize, v: f64) -> String {
    let cat = spec.categories.get(i).map(String::as_str).unwrap_or("");
    let at_least = spec.series[s].at_least.get(i).copied().unwrap_or(false);
    let value = full_value(lang, v, at_least, spec.unit.as_deref());
    if spec.series.len() > 1 {
        format!("{cat} — {}: {value}", spec.series[s].name)
    } else {
        format!("{cat}: {value}")
    }
}

/// Lays out `spec` at `width` px (clamped to 240..=1200).
pub fn layout(spec: &ChartSpec, width: f64, lang: Lang) -> Scene {
    let width = if width.is_finite() { width.clamp(240.0, 1200.0) } else { 320.0 };
    if spec.categories.is_empty() || spec.series.is_empty() {
        return Scene { width, height: 0.0, ..Scene::default() };
    }
    match spec.kind {
        ChartKind::Column | ChartKind::ColumnStacked | ChartKind::Line => vertical(spec, width, lang),
        ChartKind::Share => share(spec, width, lang),
        _ => horizontal(spec, width, lang),
    }
}

/// Per category, the (negative, positive) extent: sums when stacked, extremes otherwise.
fn extents(spec: &ChartSpec) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for i in 0..spec.categories.len() {
        let vals = spec.series.iter().filter_map(|s| s.values.get(i).copied().flatten());
        if spec.is_stacked() {
            let (neg, pos) = vals.fold((0.0, 0.0), |(n, p), v| if v < 0.0 { (n + v, p) } else { (n, p + v) });
            lo = lo.min(neg);
            hi = hi.max(pos);
        } else {
            for v in vals {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    (lo, hi)
}

/// Where a stacked segment starts and ends: negative values stack down from zero, positive up.
fn stack(neg: &mut f64, pos: &mut f64, v: f64) -> (f64, f64) {
    let acc = if v < 0.0 { neg } else { pos };
    let from = *acc;
    *acc += v;
    (from, from + v)
}

/// Tick marks, gridlines and labels along a horizontal value axis; drops every other label
/// when they would collide.
/// `area` is (top, bottom, width) of the plot.
fn ticks_x(marks: &mut Vec<Mark>, x: &Scale, ticks: &[f64], mag: Magnitude, lang: Lang, area: (f64, f64, f64)) {
    let (top, bottom, width) = area;
    let step = ticks.get(1).map(|t| t - ticks[0]).unwrap_or(1.0);
    let decimals = decimals_for(step / mag.divisor());
    let labels: Vec<String> = ticks.iter().map(|t| format_number(lang, t / mag.divisor(), decimals)).collect();
    let widest = labels.iter().map(|l| text_width(l, TICK_PX)).fold(0.0, f64::max);
    let spacing = if ticks.len() > 1 { (x.map(ticks[1]) - x.map(ticks[0])).abs() } else { f64::MAX };
    let every = if spacing > 0.0 { ((widest + 8.0) / spacing).ceil().max(1.0) as usize } else { 1 };
    for (i, (t, label)) in ticks.iter().zip(labels).enumerate() {
        let px = x.map(*t);
        let class = if *t == 0.0 { RuleClass::Zero } else { RuleClass::Grid };
        marks.push(Mark::Rule { x1: px, y1: top, x2: px, y2: bottom, class });
        if i % every == 0 {
            // Centred under its tick, but never past the chart's edges.
            let half = text_width(&label, TICK_PX) / 2.0;
            let tx = px.clamp(half, (width - half).max(half));
            marks.push(Mark::Text {
                x: tx,
                y: bottom + 15.0,
                text: label,
                anchor: Anchor::Middle,
                class: TextClass::Tick,
            });
        }
    }
}

/// Whole-number ticks when every value is a whole number (counts), round ones otherwise.
fn ticks_for(spec: &ChartSpec, lo: f64, hi: f64, target: usize) -> (f64, f64, Vec<f64>) {
    if spec.values().all(|v| v.fract() == 0.0) {
        whole_ticks(lo, hi, target)
    } else {
        nice_ticks(lo, hi, target)
    }
}

fn horizontal(spec: &ChartSpec, width: f64, lang: Lang) -> Scene {
    let (lo, hi) = extents(spec);
    let mag = Magnitude::for_max(lo.abs().max(hi.abs()));
    let mut marks = Vec::new();
    let mut points = Vec::new();
    let widest_value = spec
        .series
        .iter()
        .enumerate()
        .flat_map(|(s, x)| x.values.iter().enumerate().filter_map(move |(i, v)| v.map(|v| (s, i, v))))
        .map(|(s, i, v)| text_width(&value_label(lang, spec, s, i, v, mag), LABEL_PX))
        .fold(0.0, f64::max);
    let reserve = (widest_value + 8.0).min(width * 0.3);
    let (x0, x1) = (PAD, width - PAD - reserve);
    let target = ((x1 - x0) / 90.0).clamp(2.0, 8.0) as usize;
    let (d0, d1, ticks) = ticks_for(spec, lo, hi, target);
    let x = Scale::new((d0, d1), (x0, x1));
    let stacked = spec.is_stacked();
    let mut y = 4.0;
    for i in 0..spec.categories.len() {
        for line in wrap(&spec.categories[i], width - 2.0 * PAD, LABEL_PX, 3) {
            y += LABEL_PX + 3.0;
            marks.push(Mark::Text { x: PAD, y, text: line, anchor: Anchor::Start, class: TextClass::Label });
        }
        y += 5.0;
        let (mut neg, mut pos) = (0.0, 0.0);
        let mut any = false;
        for (s, series) in spec.series.iter().enumerate() {
            let Some(v) = series.values.get(i).copied().flatten() else {
                if !stacked || s == 0 {
                    let text = lang.t().not_stated.to_string();
                    marks.push(Mark::Text {
                        x: x.map(0.0) + 4.0,
                        y: y + BAR - 5.0,
                        text,
                        anchor: Anchor::Start,
                        class: TextClass::Missing,
                    });
                }
                if !stacked {
                    y += BAR + 3.0;
                }
                continue;
            };
            any = true;
            let (from, to) = if stacked { stack(&mut neg, &mut pos, v) } else { (0.0, v) };
            let (a, b) = (x.map(from.min(to)), x.map(from.max(to)));
            let point = points.len();
            points.push(Point {
                series: s,
                index: i,
                x: x.map(to),
                y: y + BAR / 2.0,
                text: point_text(lang, spec, s, i, v),
            });
            marks.push(Mark::Rect { x: a, y, w: (b - a).max(1.0), h: BAR, series: s, point: Some(point), rest: false });
            if !stacked {
                let text = value_label(lang, spec, s, i, v, mag);
                marks.push(Mark::Text {
                    x: x.map(v.max(0.0)) + 4.0,
                    y: y + BAR - 5.0,
                    text,
                    anchor: Anchor::Start,
                    class: TextClass::Value,
                });
                y += BAR + 3.0;
            }
        }
        if stacked {
            if any {
                let text = short_value(lang, pos + neg, mag);
                marks.push(Mark::Text {
                    x: x.map(pos) + 4.0,
                    y: y + BAR - 5.0,
                    text,
                    anchor: Anchor::Start,
                    class: TextClass::Value,
                });
            }
            y += BAR + 3.0;
        }
        y += 10.0;
    }
    ticks_x(&mut marks, &x, &ticks, mag, lang, (0.0, y, width));
    Scene { width, height: y + 24.0, marks, points, axis_title: axis_title(lang, spec.unit.as_deref(), mag) }
}

fn vertical(spec: &ChartSpec, width: f64, lang: Lang) -> Scene {
    let (lo, hi) = extents(spec);
    let mag = Magnitude::for_max(lo.abs().max(hi.abs()));
    let plot_h = (width * 0.55).clamp(180.0, 300.0);
    let target = (plot_h / 50.0).clamp(3.0, 6.0) as usize;
    let (d0, d1, ticks) = ticks_for(spec, lo, hi, target);
    let step = ticks.get(1).map(|t| t - ticks[0]).unwrap_or(1.0);
    let decimals = decimals_for(step / mag.divisor());
    let tick_labels: Vec<String> = ticks.iter().map(|t| format_number(lang, t / mag.divisor(), decimals)).collect();
    let left = tick_labels.iter().map(|l| text_width(l, TICK_PX)).fold(0.0, f64::max) + 10.0;
    let (top, x0, x1) = (10.0, left, width - PAD);
    let n = spec.categories.len();
    let band = (x1 - x0) / n as f64;
    // Category labels: wrapped under their band, or thinned out when bands are narrow.
    let every = ((36.0 / band).ceil() as usize).max(1);
    let label_lines: Vec<Vec<String>> = spec
        .categories
        .iter()
        .map(|c| {
            if band >= 40.0 {
                wrap(c, band - 4.0, TICK_PX, 3)
            } else {
                wrap(c, band * every as f64 - 4.0, TICK_PX, 1)
            }
        })
        .collect();
    let max_lines = label_lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let bottom = top + plot_h;
    let y = Scale::new((d0, d1), (bottom, top));
    let mut marks = Vec::new();
    let mut points = Vec::new();
    for (t, label) in ticks.iter().zip(tick_labels) {
        let py = y.map(*t);
        let class = if *t == 0.0 { RuleClass::Zero } else { RuleClass::Grid };
        marks.push(Mark::Rule { x1: x0, y1: py, x2: x1, y2: py, class });
        marks.push(Mark::Text { x: x0 - 6.0, y: py + 4.0, text: label, anchor: Anchor::End, class: TextClass::Tick });
    }
    for (i, lines) in label_lines.into_iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let cx = x0 + band * (i as f64 + 0.5);
        for (k, line) in lines.into_iter().enumerate() {
            let ly = bottom + 16.0 + k as f64 * 15.0;
            marks.push(Mark::Text { x: cx, y: ly, text: line, anchor: Anchor::Middle, class: TextClass::Label });
        }
    }
    let ns = spec.series.len();
    if spec.kind == ChartKind::Line {
        for (s, series) in spec.series.iter().enumerate() {
            let mut d = String::new();
            let mut pen_down = false;
            for (i, v) in series.values.iter().enumerate() {
                let cx = x0 + band * (i as f64 + 0.5);
                match v {
                    Some(v) => {
                        let cy = y.map(*v);
                        d.push_str(&format!("{}{:.1},{:.1}", if pen_down { 'L' } else { 'M' }, cx, cy));
                        pen_down = true;
                        let point = points.len();
                        points.push(Point {
                            series: s,
                            index: i,
                            x: cx,
                            y: cy,
                            text: point_text(lang, spec, s, i, *v),
                        });
                        marks.push(Mark::Dot { x: cx, y: cy, series: s, point });
                    }
                    // A gap, not a drop to zero, where the value is missing.
                    None => pen_down = false,
                }
            }
            if !d.is_empty() {
                marks.insert(0, Mark::Line { d, series: s });
            }
        }
    } else {
        let stacked = spec.is_stacked();
        let inner = band * 0.8;
        let col_w = if stacked { inner } else { inner / ns as f64 };
        for i in 0..n {
            let left_edge = x0 + band * i as f64 + band * 0.1;
            let (mut neg, mut pos) = (0.0, 0.0);
            for (s, series) in spec.series.iter().enumerate() {
                let cx = if stacked { left_edge } else { left_edge + col_w * s as f64 };
                let Some(v) = series.values.get(i).copied().flatten() else {
                    if !stacked {
                        let text = "–".to_string();
                        marks.push(Mark::Text {
                            x: cx + col_w / 2.0,
                            y: y.map(0.0) - 4.0,
                            text,
                            anchor: Anchor::Middle,
                            class: TextClass::Missing,
                        });
                    }
                    continue;
                };
                let (from, to) = if stacked { stack(&mut neg, &mut pos, v) } else { (0.0, v) };
                let (ya, yb) = (y.map(from.max(to)), y.map(from.min(to)));
                let point = points.len();
                points.push(Point {
                    series: s,
                    index: i,
                    x: cx + col_w / 2.0,
                    y: y.map(to),
                    text: point_text(lang, spec, s, i, v),
                });
                marks.push(Mark::Rect {
                    x: cx,
                    y: ya,
                    w: (col_w - 1.0).max(1.0),
                    h: (yb - ya).max(1.0),
                    series: s,
                    point: Some(point),
                    rest: false,
                });
                let text = value_label(lang, spec, s, i, v, mag);
                if !stacked && ns == 1 && text_width(&text, TICK_PX) <= band - 2.0 {
                    let ty = if v >= 0.0 { ya - 4.0 } else { yb + 13.0 };
                    marks.push(Mark::Text {
                        x: cx + col_w / 2.0,
                        y: ty,
                        text,
                        anchor: Anchor::Middle,
                        class: TextClass::Value,
                    });
                }
            }
        }
    }
    let height = bottom + 10.0 + max_lines * 15.0 + 6.0;
    Scene { width, height, marks, points, axis_title: axis_title(lang, spec.unit.as_deref(), mag) }
}

/// One 100 % bar per category: the share, then the rest of the whole.
fn share(spec: &ChartSpec, width: f64, lang: Lang) -> Scene {
    let mut marks = Vec::new();
    let mut points = Vec::new();
    let (x0, x1) = (PAD, width - PAD);
    let x = Scale::new((0.0, 100.0), (x0, x1));
    let mut y = 4.0;
    let series = &spec.series[0];
    for i in 0..spec.categories.len() {
        for line in wrap(&spec.categories[i], width - 2.0 * PAD, LABEL_PX, 3) {
            y += LABEL_PX + 3.0;
            marks.push(Mark::Text { x: PAD, y, text: line, anchor: Anchor::Start, class: TextClass::Label });
        }
        y += 5.0;
        let h = 24.0;
        match series.values.get(i).copied().flatten() {
            Some(v) => {
                let end = x.map(v.clamp(0.0, 100.0));
                let point = points.len();
                points.push(Point {
                    series: 0,
                    index: i,
                    x: end,
                    y: y + h / 2.0,
                    text: point_text(lang, spec, 0, i, v),
                });
                marks.push(Mark::Rect {
                    x: x0,
                    y,
                    w: (end - x0).max(1.0),
                    h,
                    series: 0,
                    point: Some(point),
                    rest: false,
                });
                marks.push(Mark::Rect { x: end, y, w: (x1 - end).max(0.0), h, series: 0, point: None, rest: true });
                let text = full_value(lang, v, false, Some("%"));
                let inside = end - x0 > text_width(&text, LABEL_PX) + 12.0;
                let (tx, class) =
                    if inside { (x0 + 6.0, TextClass::ValueInside) } else { (end + 4.0, TextClass::Value) };
                marks.push(Mark::Text { x: tx, y: y + h - 7.0, text, anchor: Anchor::Start, class });
            }
            None => {
                marks.push(Mark::Rect { x: x0, y, w: x1 - x0, h, series: 0, point: None, rest: true });
                let text = lang.t().not_stated.to_string();
                marks.push(Mark::Text {
                    x: x0 + 6.0,
                    y: y + h - 7.0,
                    text,
                    anchor: Anchor::Start,
                    class: TextClass::Missing,
                });
            }
        }
        y += h + 14.0;
    }
    Scene { width, height: y + 4.0, marks, points, axis_title: None }
}

/// The point a key moves to among `n` (the chart's arrow keys): right or down the next, left or
/// up the previous, Home the first, End the last; `None` for other keys.
pub fn step(current: usize, n: usize, key: &str) -> Option<usize> {
    let last = n.checked_sub(1)?;
    Some(match key {
        "ArrowRight" | "ArrowDown" => (current + 1).min(last),
        "ArrowLeft" | "ArrowUp" => current.saturating_sub(1).min(last),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn arrow_keys_move_between_points_and_stop_at_the_ends() {
        assert_eq!(super::step(0, 3, "ArrowRight"), Some(1));
        assert_eq!(super::step(2, 3, "ArrowDown"), Some(2));
        assert_eq!(super::step(0, 3, "ArrowLeft"), Some(0));
        assert_eq!(super::step(2, 3, "ArrowUp"), Some(1));
        assert_eq!(super::step(1, 3, "End"), Some(2));
        assert_eq!(super::step(2, 3, "Home"), Some(0));
        assert_eq!(super::step(0, 3, "Tab"), None);
        assert_eq!(super::step(0, 0, "ArrowRight"), None);
    }

    use super::*;
    use crate::charts::spec::Series;

    fn spec(kind: ChartKind, cats: &[&str], series: &[(&str, &[Option<f64>])]) -> ChartSpec {
        ChartSpec {
            kind,
            categories: cats.iter().map(|c| c.to_string()).collect(),
            series: series
                .iter()
                .map(|(n, v)| Series { name: n.to_string(), values: v.to_vec(), at_least: vec![false; v.len()] })
                .collect(),
            unit: None,
        }
    }

    fn rects(s: &Scene) -> Vec<(f64, f64, f64, f64)> {
        s.marks
            .iter()
            .filter_map(
                |m| if let Mark::Rect { x, y, w, h, rest: false, .. } = m { Some((*x, *y, *w, *h)) } else { None },
            )
            .collect()
    }

    fn texts(s: &Scene, class: TextClass) -> Vec<String> {
        s.marks
            .iter()
            .filter_map(|m| {
                if let Mark::Text { text, class: c, .. } = m {
                    (*c == class).then(|| text.clone())
                } else {
                    None
                }
            })
            .collect()
    }

    #[test]
    fn everything_stays_inside_the_width() {
        for width in [240.0, 320.0, 390.0, 1280.0] {
            for kind in [
                ChartKind::Bar,
                ChartKind::BarStacked,
                ChartKind::Column,
                ChartKind::ColumnStacked,
                ChartKind::Line,
                ChartKind::Share,
            ] {
                let s = spec(
                    kind,
                    &["Una categoría con un nombre muy largo que no cabe en una línea", "B", "C"],
                    &[("x", &[Some(12.0), Some(-3.0), None]), ("y", &[Some(5.5), Some(8.0), Some(1e9)])],
                );
                let scene = layout(&s, width, Lang::Es);
                let w = scene.width;
                for m in &scene.marks {
                    match m {
                        Mark::Rect { x, w: rw, .. } => {
                            assert!(*x >= 0.0 && x + rw <= w + 0.5, "{kind:?} at {width}: rect {x}+{rw}")
                        }
                        Mark::Text { x, text, anchor, class, .. } => {
                            let tw = text_width(text, if *class == TextClass::Tick { TICK_PX } else { LABEL_PX });
                            let (a, b) = match anchor {
                                Anchor::Start => (*x, x + tw),
                                Anchor::Middle => (x - tw / 2.0, x + tw / 2.0),
                                Anchor::End => (x - tw, *x),
                            };
                            assert!(a >= -1.0 && b <= w + 24.0, "{kind:?} at {width}: text {text:?} from {a} to {b}");
                        }
                        _ => {}
                    }
                }
                assert!(scene.height > 0.0);
            }
        }
    }

    #[test]
    fn bars_start_at_zero_and_negative_values_go_left() {
        let s = spec(ChartKind::Bar, &["a", "b"], &[("v", &[Some(10.0), Some(-5.0)])]);
        let scene = layout(&s, 400.0, Lang::En);
        let r = rects(&scene);
        assert_eq!(r.len(), 2);
        let zero = r[1].0 + r[1].2; // the negative bar ends at zero
        assert!((r[0].0 - zero).abs() < 0.01, "positive bar starts where the negative one ends");
        assert!(r[1].2 > 0.0 && r[0].2 > r[1].2);
        assert_eq!(scene.points.len(), 2);
        assert_eq!(scene.points[1].text, "b: -5");
    }

    #[test]
    fn missing_values_are_said_not_drawn_as_zero() {
        let s = spec(ChartKind::Bar, &["Carreteras", "Total"], &[("Proyectos", &[None, Some(15.0)])]);
        let scene = layout(&s, 320.0, Lang::Es);
        assert_eq!(rects(&scene).len(), 1);
        assert_eq!(texts(&scene, TextClass::Missing), vec!["no indicado"]);
        let line = spec(ChartKind::Line, &["2019", "2020", "2021"], &[("v", &[Some(1.0), None, Some(3.0)])]);
        let scene = layout(&line, 320.0, Lang::Es);
        let d =
            scene.marks.iter().find_map(|m| if let Mark::Line { d, .. } = m { Some(d.clone()) } else { None }).unwrap();
        assert_eq!(d.matches('M').count(), 2, "a gap: {d}");
        assert_eq!(scene.points.len(), 2);
    }

    #[test]
    fn zero_only_and_single_point() {
        let s = spec(ChartKind::Column, &["a"], &[("v", &[Some(0.0)])]);
        let scene = layout(&s, 320.0, Lang::En);
        assert_eq!(scene.points.len(), 1);
        assert!(texts(&scene, TextClass::Tick).len() >= 2);
        let empty = spec(ChartKind::Bar, &[], &[("v", &[])]);
        assert!(layout(&empty, 320.0, Lang::En).marks.is_empty());
    }

    #[test]
    fn magnitude_is_stated_once() {
        let mut s = spec(ChartKind::Bar, &["LAB4+", "China"], &[("USD", &[Some(2_710_734.0), Some(7.84e9)])]);
        s.unit = Some("USD".into());
        let scene = layout(&s, 390.0, Lang::Es);
        assert_eq!(scene.axis_title.as_deref(), Some("USD, miles de millones"));
        assert_eq!(texts(&scene, TextClass::Value), vec!["0,0027", "7,84"]);
        assert!(
            texts(&scene, TextClass::Tick).iter().all(|t| !t.contains("USD") && t.len() <= 3),
            "{:?}",
            texts(&scene, TextClass::Tick)
        );
        assert_eq!(scene.points[1].text, "China: 7.840.000.000\u{a0}USD");
        let en = layout(&s, 390.0, Lang::En);
        assert_eq!(en.axis_title.as_deref(), Some("USD, billions"));
    }

    #[test]
    fn stacked_bars_add_up() {
        let s = spec(ChartKind::ColumnStacked, &["CL"], &[("a", &[Some(60.0)]), ("b", &[Some(40.0)])]);
        let scene = layout(&s, 320.0, Lang::En);
        let r = rects(&scene);
        assert_eq!(r.len(), 2);
        assert!((r[1].1 + r[1].3 - r[0].1).abs() < 0.01, "the second segment sits on the first");
        assert_eq!(scene.points[0].text, "CL — a: 60");
    }

    #[test]
    fn shares_fill_a_whole() {
        let s = ChartSpec { unit: Some("%".into()), ..spec(ChartKind::Share, &["PIB"], &[("%", &[Some(42.9)])]) };
        let scene = layout(&s, 320.0, Lang::Es);
        let all: Vec<f64> =
            scene.marks.iter().filter_map(|m| if let Mark::Rect { w, .. } = m { Some(*w) } else { None }).collect();
        assert!((all.iter().sum::<f64>() - (320.0 - 16.0)).abs() < 0.01);
        assert!((all[0] / (320.0 - 16.0) - 0.429).abs() < 0.001);
        assert!(scene.marks.iter().any(|m| matches!(m, Mark::Text { text, .. } if text == "42,9\u{a0}%")));
    }

    #[test]
    fn short_and_full_values() {
        assert_eq!(short_value(Lang::Es, 2_710_734.0, Magnitude::Million), "2,71");
        assert_eq!(short_value(Lang::En, 150.0, Magnitude::One), "150");
        assert_eq!(short_value(Lang::En, 0.00125, Magnitude::One), "0.0013");
        assert_eq!(short_value(Lang::En, 1e12, Magnitude::Trillion), "1");
        assert_eq!(full_value(Lang::En, 70.0, true, None), "more than 70");
        assert_eq!(full_value(Lang::Es, 42.9, false, Some("%")), "42,9\u{a0}%");
        assert_eq!(full_value(Lang::En, 0.001, false, None), "0.0010");
    }

    #[test]
    fn a_qualified_value_keeps_its_qualifier_on_the_bar_and_counts_get_whole_ticks() {
        let mut s = spec(ChartKind::Bar, &["A", "B"], &[("n", &[Some(70.0), Some(3.0)])]);
        s.series[0].at_least = vec![true, false];
        let scene = layout(&s, 360.0, Lang::Es);
        let texts: Vec<&str> = scene
            .marks
            .iter()
            .filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.as_str()) } else { None })
            .collect();
        assert!(texts.contains(&"más de 70"), "{texts:?}");
        assert!(texts.contains(&"3"));
        assert_eq!(scene.points[0].text, "A: más de 70");
        // Counts of a few: whole ticks only.
        let few = spec(ChartKind::Column, &["A", "B"], &[("n", &[Some(1.0), Some(3.0)])]);
        let scene = layout(&few, 360.0, Lang::Es);
        let ticks: Vec<&str> = scene
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, class: TextClass::Tick, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(!ticks.is_empty() && ticks.iter().all(|t| !t.contains(',')), "{ticks:?}");
    }
}
