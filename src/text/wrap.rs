//! Wrapping styled lines by display width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::width::each_glyph;

/// The character `g` is made of, when it is one.
fn single(g: &str) -> Option<char> {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Closing punctuation never starts a line; it stays with what it closes.
fn closes(g: &str) -> bool {
    single(g).is_some_and(|c| {
        matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '）'
                | '」'
                | '』'
                | '”'
                | '’'
                | '》'
                | '…'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | '%'
                | '％'
        )
    })
}

/// Opening punctuation never ends a line; it stays with what it opens.
fn opens(g: &str) -> bool {
    single(g).is_some_and(|c| matches!(c, '（' | '「' | '『' | '“' | '‘' | '《' | '(' | '['))
}

/// Whether `g` continues a number or word: digits and letters, and the
/// Chinese signs that belong to a number (2.3万多, 98.3%).
fn joins(prev: &str, g: &str) -> bool {
    let word = |s: &str| {
        s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '+' | '-' | '/' | '\'' | '_' | '~')
        })
    };
    let digit_end = prev.chars().last().is_some_and(|c| c.is_ascii_digit());
    let g1 = single(g);
    (word(prev) && word(g))
        || (digit_end && matches!(g1, Some('万' | '亿' | '多' | '余')))
        || (matches!(single(prev), Some('万' | '亿')) && g1 == Some('多'))
}

/// Wraps styled lines to `width` cells, breaking at spaces and between
/// Chinese characters, but never inside a number or a word (2.3万多 stays
/// whole), never before closing or after opening punctuation, and never
/// splitting a glyph. Every returned line fits in `width`.
pub fn wrap(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut out = Vec::new();
    // Scratch, borrowed from `lines`: each glyph with its style and width,
    // the unbreakable units as ranges of glyphs, and the line being filled.
    let mut glyphs: Vec<(&str, Style, usize)> = Vec::new();
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut current: Vec<(&str, Style)> = Vec::new();
    for line in lines {
        glyphs.clear();
        units.clear();
        let mut prev = "";
        let mut glue_next = false;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            each_glyph(&span.content, |_, g, gw| {
                let space = g.chars().all(char::is_whitespace);
                let attach =
                    !space && !units.is_empty() && (glue_next || closes(g) || joins(prev, g));
                glyphs.push((g, style, gw));
                match units.last_mut() {
                    Some(unit) if attach => unit.1 = glyphs.len(),
                    _ => units.push((glyphs.len() - 1, glyphs.len())),
                }
                glue_next = opens(g);
                prev = g;
                true
            });
        }
        if units.is_empty() || width == 0 {
            out.push(Line::default());
            continue;
        }
        current.clear();
        let mut used = 0;
        let hang = hanging(line, width);
        let flush = |current: &mut Vec<(&str, Style)>, out: &mut Vec<Line<'static>>| {
            // Trailing spaces are not shown.
            while current.last().is_some_and(|(g, _)| g.trim().is_empty()) {
                current.pop();
            }
            out.push(to_line(current));
            current.clear();
            // A continued line starts under the text, not under its label.
            current.extend(std::iter::repeat_n((" ", Style::default()), hang));
            hang
        };
        for &(a, b) in &units {
            let unit = glyphs.get(a..b).unwrap_or(&[]);
            let uw: usize = unit.iter().map(|&(_, _, gw)| gw).sum();
            let is_space = unit.iter().all(|(g, _, _)| g.trim().is_empty());
            if used + uw > width && used > hang {
                used = flush(&mut current, &mut out);
                if is_space {
                    continue;
                }
            }
            if used + uw <= width {
                used += uw;
                current.extend(unit.iter().map(|&(g, st, _)| (g, st)));
                continue;
            }
            // A unit wider than a whole line: split it by glyph.
            for &(g, st, gw) in unit {
                if used + gw > width && used > hang {
                    used = flush(&mut current, &mut out);
                }
                if gw <= width {
                    used += gw;
                    current.push((g, st));
                }
            }
        }
        flush(&mut current, &mut out);
    }
    out
}

/// How far a line's continuations are indented: under its second span when
/// its first is a label padded to a column ("S-Tab ← h   next panel",
/// "date: as of 2020-03-25"), else under its own leading ASCII spaces; never more
/// than a third of the width, so there is room to continue.
fn hanging(line: &Line<'_>, width: usize) -> usize {
    let w = |s: &str| super::width::width(s);
    let hang = match line.spans.as_slice() {
        // A label: padded to a column, or a field's name and colon.
        [first, _, ..] if first.content.ends_with("  ") || first.content.ends_with(": ") => {
            w(&first.content)
        }
        // ASCII spaces only: an article's first-line indent (　　) is
        // typography, and its next lines start at the margin.
        [first, ..] => first.content.len() - first.content.trim_start_matches(' ').len(),
        [] => 0,
    };
    if hang * 3 <= width { hang } else { 0 }
}

/// Joins styled graphemes back into spans.
fn to_line(cells: &[(&str, Style)]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style: Option<Style> = None;
    for &(g, st) in cells {
        if style.is_some_and(|s| s != st) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(st);
        text.push_str(g);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style.unwrap_or_default()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod wrap_tests {
    use super::super::width::Cells;
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_continued_line_hangs_under_its_text() {
        let help = Line::from(vec![
            Span::raw("x           "),
            Span::raw("save this panel's rows as CSV"),
        ]);
        assert_eq!(
            plain(&wrap(&[help], 40)),
            ["x           save this panel's rows as", "            CSV"]
        );
        // Indented text keeps its indent; a label wider than a third of
        // the width does not hang.
        let indented = Line::from("  … 3 earlier and more words");
        assert_eq!(
            plain(&wrap(&[indented], 14)),
            ["  … 3 earlier", "  and more", "  words"]
        );
        let wide = Line::from(vec![
            Span::raw("a long label: "),
            Span::raw("and its value"),
        ]);
        assert_eq!(
            plain(&wrap(&[wide], 20)),
            ["a long label: and", "its value"]
        );
        // Every line still fits.
        let cjk = Line::from(vec![Span::raw("出处 "), Span::raw("复工复产".repeat(6))]);
        for l in wrap(&[cjk], 10) {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(super::super::width::width(&text) <= 10, "{text}");
        }
    }

    #[test]
    fn glyphs_are_classified_as_by_their_text() {
        // The rules as they were written, on the glyph's text.
        let closes_text = |g: &str| {
            [
                "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "》", "…",
                ",", ".", ";", ":", "!", "?", ")", "%", "％",
            ]
            .contains(&g)
        };
        let opens_text = |g: &str| ["（", "「", "『", "“", "‘", "《", "(", "["].contains(&g);
        let sample = "，。、；：！？）」』”’》…,.;:!?)%％（「『“‘《([]a1万亿多余中 　\u{301}e\u{301}，\u{301}1\u{fe0f}\u{20e3}万\u{301}";
        let mut glyphs: Vec<&str> = sample.graphemes(true).collect();
        glyphs.extend(["", "ab", "12", "万多"]);
        for g in &glyphs {
            assert_eq!(closes(g), closes_text(g), "{g:?}");
            assert_eq!(opens(g), opens_text(g), "{g:?}");
            for prev in &glyphs {
                let digit_end = prev.chars().last().is_some_and(|c| c.is_ascii_digit());
                let word = |s: &str| {
                    s.chars().all(|c| {
                        c.is_ascii_alphanumeric()
                            || matches!(c, '.' | ',' | '+' | '-' | '/' | '\'' | '_' | '~')
                    })
                };
                let joins_text = (word(prev) && word(g))
                    || (digit_end && ["万", "亿", "多", "余"].contains(g))
                    || (["万", "亿"].contains(prev) && *g == "多");
                assert_eq!(joins(prev, g), joins_text, "{prev:?} {g:?}");
            }
        }
    }

    #[test]
    fn numbers_stay_whole() {
        let l = [Line::from("临翔区与178家省内外企业对接2.3万多个就业岗位")];
        for w in 8..30 {
            let wrapped = plain(&wrap(&l, w));
            assert!(
                wrapped.iter().all(|s| s.width() <= usize::from(w)),
                "{w}: {wrapped:?}"
            );
            assert!(
                wrapped.iter().any(|s| s.contains("2.3万多")),
                "{w}: {wrapped:?}"
            );
            assert!(
                wrapped.iter().any(|s| s.contains("178")),
                "{w}: {wrapped:?}"
            );
        }
    }

    #[test]
    fn closing_punctuation_stays_behind() {
        let l = [Line::from("从2月10日起”。然后")];
        for w in 6..12 {
            for s in plain(&wrap(&l, w)) {
                assert!(!s.starts_with('。') && !s.starts_with('”'), "{w}: {s:?}");
            }
        }
    }

    #[test]
    fn english_breaks_at_spaces() {
        let l = [Line::from("the quick brown fox")];
        assert_eq!(plain(&wrap(&l, 10)), ["the quick", "brown fox"]);
    }

    #[test]
    fn styles_survive() {
        let l = [Line::from(vec![
            Span::styled("ab", Style::new().bold()),
            Span::raw("cd"),
        ])];
        let w = wrap(&l, 10);
        assert_eq!(w[0].spans.len(), 2);
        assert_eq!(w[0].spans[0].style, Style::new().bold());
    }

    #[test]
    fn never_wider_than_the_width() {
        let l = [Line::from("👩‍🔬🇨🇳中文ｶﾞa1️⃣ ".repeat(20))];
        for w in 1..40 {
            for s in plain(&wrap(&l, w)) {
                assert!(s.width() <= usize::from(w), "{w}: {s:?}");
            }
        }
    }
}
