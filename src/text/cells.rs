//! Writing a glyph into a cell, and what a cell tells ratatui's diff.
//!
//! A glyph is written with `Cell::set_symbol`: ratatui keeps a symbol of up
//! to 24 bytes inline, so writing one copies it and allocates nothing.
//! (Cloning a prepared cell of the glyph instead, and looking glyphs up in
//! a cache, measured slower: the clone copies the symbol through the stack
//! in pieces the processor cannot forward.)

use std::num::NonZeroU16;

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::Style;

/// What a cell of a plain two-cell character (see `paint::plain_width`)
/// tells the diff: its width, so that ratatui's diff need not measure it
/// again every frame. For such a glyph the diff does exactly what it does
/// when it measures (it skips the cell under the glyph's right half, and
/// writes the glyph when it changed); only for a narrow glyph would a
/// forced width change what it writes, so narrow cells are left measured.
pub(super) const WIDE: CellDiffOption = match NonZeroU16::new(2) {
    Some(two) => CellDiffOption::ForcedWidth(two),
    None => CellDiffOption::None,
};

/// What a cell of a one-cell glyph followed by another glyph tells the
/// diff: its width (see [`tell_narrow`]).
const NARROW: CellDiffOption = CellDiffOption::ForcedWidth(NonZeroU16::MIN);

/// Tells the diff that every cell of `run` but the last is one cell wide:
/// `run` must be a row of one-cell glyphs, none blank, drawn side by side
/// (a bar, a border). For a narrow glyph, ratatui's diff does one thing
/// more when it measures: where the last frame had a wide glyph, it also
/// rewrites the cell after, which the wide glyph covered. That cell was
/// blank then (a wide glyph is followed by a blank) and holds a glyph now,
/// so the diff writes it anyway: telling the width changes nothing the
/// diff writes. The last cell is followed by something else, and is left
/// to be measured.
pub(super) fn tell_narrow(run: &mut [Cell]) {
    if let Some((_, init)) = run.split_last_mut() {
        for c in init {
            c.diff_option = NARROW;
        }
    }
}

/// Drops a width told to the diff ([`WIDE`], [`tell_narrow`]) from a cell
/// whose glyph is about to change.
#[inline]
pub(super) fn unmeasured(c: &mut Cell) -> &mut Cell {
    if matches!(c.diff_option, CellDiffOption::ForcedWidth(_)) {
        c.diff_option = CellDiffOption::None;
    }
    c
}

/// Writes the glyph `g` and then `style` into `cell`, as
/// `cell.set_symbol(g).set_style(style)` does, dropping a width told to
/// the diff: everything else `cell` holds stays.
#[inline]
pub(super) fn put(cell: &mut Cell, g: &str, style: Style) {
    unmeasured(cell).set_symbol(g).set_style(style);
}

/// `buf` as ratatui would hold it, each cell's width left to be measured:
/// for comparing with ratatui's own drawing. Fails if a cell says a width
/// other than its glyph's (the diff would then skip the wrong cells).
#[cfg(test)]
pub(crate) fn measured(buf: &ratatui::buffer::Buffer) -> ratatui::buffer::Buffer {
    use ratatui::buffer::CellWidth;
    let mut out = buf.clone();
    for cell in &mut out.content {
        if let CellDiffOption::ForcedWidth(w) = cell.diff_option {
            assert_eq!(w.get(), cell.symbol().cell_width(), "{cell:?}");
            cell.diff_option = CellDiffOption::None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Line;

    /// What the diff writes: each cell's place, glyph and look.
    fn writes(prev: &Buffer, next: &Buffer) -> Vec<(u16, u16, String, Style)> {
        prev.diff(next)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.symbol().to_string(), c.style()))
            .collect()
    }

    #[test]
    fn widths_told_to_the_diff_change_nothing_it_writes() {
        let area = Rect::new(0, 0, 14, 3);
        let mut before = Vec::new();
        let looks = [
            Style::new(),
            Style::new().bg(Color::Cyan),
            Style::new().add_modifier(Modifier::REVERSED),
        ];
        for text in [
            "中文中文中文中",
            " 中文中文中文",
            "ab中文cd复工x😀",
            "abcdefghijklmn",
            "",
            "████░░░░──╮",
        ] {
            for look in looks {
                let mut b = Buffer::empty(area);
                for y in 0..3 {
                    b.set_string(0, y, text, look);
                }
                before.push(b);
            }
        }
        let mut after = Vec::new();
        for x in 0..3 {
            for w in [0, 1, 2, 5, 13, 14] {
                for ratio in [0.0, 0.3, 0.55, 1.0] {
                    let mut b = Buffer::empty(area);
                    let at = Rect::new(x, 1, area.width - x, 1);
                    super::super::paint::draw_bar(&mut b, at, ratio, w, looks[1], looks[0]);
                    after.push(b);
                }
            }
        }
        for (w, title) in [(14, " 复工率 "), (9, " Rates (12) "), (4, ""), (1, " x ")] {
            for h in [1, 2, 3] {
                let mut b = Buffer::empty(area);
                super::super::paint::Boxed::new(Line::raw(title), looks[0])
                    .render(Rect::new(0, 0, w, h), &mut b);
                after.push(b);
            }
        }
        let mut told = 0;
        for next in &after {
            told += next
                .content
                .iter()
                .filter(|c| c.diff_option != CellDiffOption::None)
                .count();
            let measured = measured(next);
            for prev in &before {
                // Everything the diff writes when it measures, it writes
                // when told; what else it writes is what the terminal shows
                // already (a cell told now and measured in the last frame
                // counts as changed).
                let (told, plain) = (writes(prev, next), writes(prev, &measured));
                for w in &plain {
                    assert!(told.contains(w), "{w:?} not written\n{prev:?}\n{next:?}");
                }
                for (x, y, sym, style) in told.iter().filter(|w| !plain.contains(w)) {
                    let was = &prev[(*x, *y)];
                    assert_eq!(
                        (was.symbol(), was.style()),
                        (sym.as_str(), *style),
                        "({x},{y})"
                    );
                }
            }
        }
        assert!(told > 100, "only {told} cells tell the diff their width");
    }

    #[test]
    fn put_drops_a_told_width_and_keeps_what_else_the_cell_says() {
        let styles = [
            Style::default(),
            Style::new().fg(Color::Cyan),
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
            Style::new()
                .underline_color(Color::Red)
                .remove_modifier(Modifier::ITALIC),
        ];
        let looks = Style::new().fg(Color::Green).bg(Color::Black).italic();
        for (told, after) in [
            (WIDE, CellDiffOption::None),
            (NARROW, CellDiffOption::None),
            (CellDiffOption::Skip, CellDiffOption::Skip),
            (CellDiffOption::None, CellDiffOption::None),
        ] {
            let mut before = Cell::EMPTY;
            before.set_symbol("旧").set_style(looks);
            before.set_diff_option(told);
            for style in styles {
                for g in ["a", "复", "█", " ", "👍🏽"] {
                    let mut ours = before.clone();
                    put(&mut ours, g, style);
                    let mut theirs = before.clone();
                    theirs.set_symbol(g).set_style(style).set_diff_option(after);
                    assert_eq!(ours, theirs, "{g:?} {style:?} after {told:?}");
                }
            }
        }
    }
}
