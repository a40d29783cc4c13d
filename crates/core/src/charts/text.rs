//! Label layout without a DOM: an estimate of text width, wrapping to a width, and abbreviation
//! with an ellipsis when a label would need more lines than it has room for.

/// Average glyph width as a share of the font size, for the system sans-serif fonts. Generous,
/// so estimates err towards wrapping rather than colliding.
const GLYPH: f64 = 0.58;

pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * GLYPH
}

/// Greedy word wrap into at most `max_lines` lines of `width` px; the last line ends in "…" if
/// the text does not fit. A single word longer than a line is cut.
pub fn wrap(text: &str, width: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let max_chars = ((width / (font_px * GLYPH)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate_len =
            if current.is_empty() { word.chars().count() } else { current.chars().count() + 1 + word.chars().count() };
        if candidate_len <= max_chars {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let lines: Vec<String> = lines.into_iter().map(|l| truncate(&l, max_chars, false)).collect();
    if lines.len() <= max_lines.max(1) {
        return lines;
    }
    let mut kept: Vec<String> = lines[..max_lines.max(1)].to_vec();
    if let Some(last) = kept.last_mut() {
        *last = truncate(last, max_chars, true);
    }
    kept
}

/// Shortens `s` to `max` characters; `force` adds the ellipsis even when it fits (more text follows).
fn truncate(s: &str, max: usize, force: bool) -> String {
    let n = s.chars().count();
    if n <= max && !force {
        return s.to_string();
    }
    let keep = if n < max { n } else { max.saturating_sub(1) };
    let mut out: String = s.chars().take(keep).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_abbreviates_the_rest() {
        // 14 px → about 8.1 px a glyph; 120 px → 14 characters a line.
        let lines = wrap("Primera Rueda de Contactos de Proveedores de Compras Públicas", 120.0, 14.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 14), "{lines:?}");
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Puertos", 120.0, 14.0, 2), vec!["Puertos"]);
        assert_eq!(wrap("", 120.0, 14.0, 2), Vec::<String>::new());
    }

    #[test]
    fn long_words_are_cut_not_overflowing() {
        let lines = wrap("Supercalifragilisticoespialidoso", 60.0, 14.0, 1);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].chars().count() <= 7 && lines[0].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[0], 14.0) <= 60.0);
    }
}
