//! Display width: Chinese glyphs take two cells, and nothing here ever
//! splits one.

use std::borrow::Cow;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// Display width in terminal cells, measured glyph by glyph as ratatui's
/// buffer measures it ([`CellWidth`]), so that what fugong pads and cuts is
/// what ratatui places: ｶﾞ is two cells, as terminals draw it.
pub fn width(s: &str) -> usize {
    if printable_ascii(s) {
        return s.len();
    }
    // Plain characters only: each is a glyph of its own width.
    let mut w = 0;
    for c in s.chars() {
        match plain_width(c) {
            Some(cw) => w += cw,
            None => {
                w = 0;
                each_glyph(s, |_, _, gw| {
                    w += gw;
                    true
                });
                return w;
            }
        }
    }
    w
}

/// [`width`] of one glyph (grapheme).
pub(super) fn glyph_width(g: &str) -> usize {
    match g.as_bytes() {
        [b] if b.is_ascii_control() => 0,
        _ => usize::from(g.cell_width()),
    }
}

/// Whether `s` is printable ASCII only: every byte then is a glyph of one cell.
pub(super) fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// The width of a character that is a glyph on its own when the next one is
/// such a character too, or ends the text: printable ASCII, Latin-1 letters
/// and signs, general punctuation, the four arrows ←↑→↓, box drawing, block
/// elements, geometric shapes (● ○ ◆ ▲) and braille (one cell); CJK ideographs,
/// punctuation and fullwidth forms (two). No rule of grapheme segmentation
/// joins two of them, and their [`glyph_width`] is fixed.
pub(super) fn plain_width(c: char) -> Option<usize> {
    match c {
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{2193}'
        | '\u{2500}'..='\u{259F}'
        | '\u{25A0}'..='\u{25FC}'
        | '\u{2800}'..='\u{28FF}' => Some(1),
        '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303E}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}' => Some(2),
        _ => None,
    }
}

/// Calls `f` with each glyph (grapheme) of `s`, where it starts, and its
/// [`glyph_width`], while `f` returns true. Runs of plain characters (see
/// [`plain_width`]) skip grapheme segmentation; from the first other
/// character on, the rest is segmented in full.
pub(super) fn each_glyph<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str, usize) -> bool) {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_plain = chars.peek().is_none_or(|&(_, n)| plain_width(n).is_some());
        match (plain_width(c), s.get(i..i + c.len_utf8())) {
            (Some(w), Some(g)) if next_plain => {
                if !f(i, g, w) {
                    return;
                }
            }
            _ => {
                // A glyph starts here: what follows a plain character that
                // is followed by another never joins it.
                for (j, g) in s.get(i..).unwrap_or("").grapheme_indices(true) {
                    if !f(i + j, g, glyph_width(g)) {
                        return;
                    }
                }
                return;
            }
        }
    }
}

/// `.width()` in this module is [`width`], not unicode-width's.
pub(super) trait Cells {
    fn width(&self) -> usize;
}

impl Cells for str {
    fn width(&self) -> usize {
        width(self)
    }
}

/// `s` cut to at most `max` cells, ending in "…" when cut; never splits a glyph.
pub fn fit(s: &str, max: usize) -> String {
    fitted(s, max).0.into_owned()
}

/// [`fit`], borrowing when nothing is cut, with the result's width.
pub(super) fn fitted(s: &str, max: usize) -> (Cow<'_, str>, usize) {
    let w = s.width();
    if w <= max {
        return (Cow::Borrowed(s), w);
    }
    if max == 0 {
        return (Cow::Borrowed(""), 0);
    }
    let mut out = String::new();
    let mut used = 0;
    each_glyph(s, |_, g, w| {
        if used + w > max - 1 {
            return false;
        }
        out.push_str(g);
        used += w;
        true
    });
    out.push('…');
    let w = out.width();
    (Cow::Owned(out), w)
}

/// `s` fitted and padded with spaces to exactly `w` cells (right-aligned when `right`).
pub fn pad(s: &str, w: usize, right: bool) -> String {
    let s = fit(s, w);
    let gap = w.saturating_sub(s.width());
    if right {
        format!("{}{s}", " ".repeat(gap))
    } else {
        format!("{s}{}", " ".repeat(gap))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_cells_not_chars() {
        assert_eq!(fit("复工率", 6), "复工率");
        assert_eq!(fit("复工率98.3%", 6), "复工…");
        assert_eq!(width(&fit("复工率98.3%", 6)), 5);
        assert_eq!(fit("a中b", 2), "a…");
        assert_eq!(fit("中文", 1), "…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn fit_never_splits_a_grapheme() {
        let s = "🇨🇳🇨🇳🇨🇳";
        let f = fit(s, 5);
        assert!(f.ends_with('…'));
        assert!(width(&f) <= 5);
        assert!(f.trim_end_matches('…').graphemes(true).all(|g| g == "🇨🇳"));
    }

    #[test]
    fn pad_fills_exactly() {
        assert_eq!(width(&pad("中文", 7, false)), 7);
        assert_eq!(pad("12", 4, true), "  12");
        assert_eq!(width(&pad("中文测试很长", 5, true)), 5);
    }

    #[test]
    fn plain_characters_are_glyphs_of_their_width() {
        let mut plain = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Some(w) = plain_width(c) else { continue };
            plain += 1;
            let s = c.to_string();
            assert_eq!(w, glyph_width(&s), "{c:?}");
            assert_eq!(w, usize::from(s.cell_width()), "{c:?}");
            // `Pen::plain` tells the two widths apart by this alone.
            assert_eq!(w == 2, c >= '\u{3000}', "{c:?}");
            // Neither joins the glyph before it nor the one after it.
            for other in ["a", "中", "。"] {
                assert_eq!(format!("{other}{c}").graphemes(true).count(), 2, "{c:?}");
                assert_eq!(format!("{c}{other}").graphemes(true).count(), 2, "{c:?}");
            }
        }
        assert_eq!(
            plain,
            95 + 13 + 82 + 24 + 4 + 160 + 93 + 256 + 42 + 15 + 20992 + 96
        );
    }

    #[test]
    fn each_glyph_is_grapheme_segmentation() {
        let texts = [
            "",
            "abc",
            "复工率98.3%，。",
            "a\u{301}b中\u{301}文",
            "中\u{200d}文👩\u{200d}🔬🇨🇳🇨🇳1\u{fe0f}\u{20e3}ｶﾞ",
            "\u{301}中",
            "ab\r\ncd\u{7}e",
            "中\u{0600}文",
            "Ａ\u{ff9e}Ｂ中\u{e0100}",
            "\u{1100}\u{1161}\u{11a8}한국어",
            "▲ 2020 │ ●○◆ ⣿⠁ ←↑→↓ █▏░ ╭─╮",
            "◆\u{fe0f}●│\u{301}─",
        ];
        for t in texts {
            let mut got = Vec::new();
            each_glyph(t, |i, g, w| {
                got.push((i, g, w));
                true
            });
            let want: Vec<_> = t
                .grapheme_indices(true)
                .map(|(i, g)| (i, g, glyph_width(g)))
                .collect();
            assert_eq!(got, want, "{t:?}");
            assert_eq!(want.iter().map(|g| g.2).sum::<usize>(), width(t), "{t:?}");
        }
    }
}
