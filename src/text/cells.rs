//! Writing a glyph into a cell without building its symbol anew.
//!
//! `Cell::set_symbol` makes a new string of the glyph every time. Cloning
//! a cell whose symbol is short copies it instead, so each glyph is made
//! once: printable ASCII in a table built at compile time, bars and borders
//! as constants, any other plain character in a small cache.

use std::cell::RefCell;

use std::num::NonZeroU16;

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::Style;

/// Printable ASCII, in order from the space.
const ASCII: &[u8; 95] = b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// A cell holding each printable ASCII character, from the space on.
static ASCII_CELLS: [Cell; 95] = ascii_cells();

const fn ascii_cells() -> [Cell; 95] {
    let mut out = [Cell::EMPTY; 95];
    let mut i = 0;
    while i < ASCII.len() {
        let (_, rest) = ASCII.as_slice().split_at(i);
        let (one, _) = rest.split_at(1);
        if let Ok(s) = core::str::from_utf8(one) {
            // The cell replaced is empty: nothing to drop.
            std::mem::forget(std::mem::replace(&mut out[i], Cell::new(s)));
        }
        i += 1;
    }
    out
}

/// The cell of a printable ASCII byte (a space for any other byte).
pub(super) fn ascii(b: u8) -> &'static Cell {
    let i = usize::from(b.wrapping_sub(b' '));
    ASCII_CELLS.get(i).unwrap_or(&Cell::EMPTY)
}

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

/// How many characters other than ASCII the cache holds (a power of two).
const CACHED: usize = 1024;

thread_local! {
    /// Cells of recently drawn characters, by their code point modulo
    /// [`CACHED`]: a Chinese text repeats few characters.
    static CACHE: RefCell<Vec<(char, Cell)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with a source of cells for characters: ASCII from its
/// table, anything else from the cache (made on a miss).
pub(super) fn with_chars<R>(f: impl FnOnce(&mut Chars<'_>) -> R) -> R {
    CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => {
            if cache.len() != CACHED {
                cache.clear();
                cache.resize(CACHED, ('\0', Cell::EMPTY));
            }
            f(&mut Chars {
                cache: &mut cache,
                scratch: Cell::EMPTY,
            })
        }
        // Already in use further up: without a cache.
        Err(_) => f(&mut Chars {
            cache: &mut Vec::new(),
            scratch: Cell::EMPTY,
        }),
    })
}

/// See [`with_chars`].
pub(super) struct Chars<'c> {
    cache: &'c mut Vec<(char, Cell)>,
    /// Where a character is made when there is no cache.
    scratch: Cell,
}

impl Chars<'_> {
    /// A cell holding `c`.
    #[inline]
    pub(super) fn cell(&mut self, c: char) -> &Cell {
        if c.is_ascii() {
            // `c` fits in a byte.
            return ascii(c as u8);
        }
        let i = (c as usize) & (CACHED - 1);
        match self.cache.get_mut(i) {
            Some(entry) => {
                if entry.0 != c {
                    entry.1.set_symbol(c.encode_utf8(&mut [0; 4]));
                    entry.0 = c;
                }
                &entry.1
            }
            None => {
                self.scratch.set_symbol(c.encode_utf8(&mut [0; 4]));
                &self.scratch
            }
        }
    }

    /// Writes the glyph `g` and then `style` into `cell`, as
    /// `cell.set_symbol(g).set_style(style)` does.
    pub(super) fn put(&mut self, cell: &mut Cell, g: &str, style: Style) {
        let mut chars = g.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => put(cell, self.cell(c), style),
            _ => {
                unmeasured(cell).set_symbol(g).set_style(style);
            }
        }
    }
}

/// Writes the symbol of `from` and then `style` into `cell`, as
/// `cell.set_symbol(from.symbol()).set_style(style)` does: everything
/// else `cell` holds stays.
#[inline]
pub(super) fn put(cell: &mut Cell, from: &Cell, style: Style) {
    let mut new = from.clone();
    new.fg = cell.fg;
    new.bg = cell.bg;
    new.underline_color = cell.underline_color;
    new.modifier = cell.modifier;
    new.diff_option = unmeasured(cell).diff_option;
    #[allow(deprecated)]
    {
        new.skip = cell.skip;
    }
    *cell = new;
    cell.set_style(style);
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
    fn every_ascii_cell_holds_its_character() {
        for b in b' '..=b'~' {
            assert_eq!(ascii(b).symbol(), char::from(b).to_string());
            let mut made = Cell::EMPTY;
            made.set_symbol(&char::from(b).to_string());
            assert_eq!(ascii(b), &made);
        }
        assert_eq!(ascii(b'\n').symbol(), " ");
    }

    #[test]
    fn cached_cells_hold_their_character_even_when_evicted() {
        let texts = ["复工率", "中文", "·", "é", "，。"];
        with_chars(|chars| {
            for _ in 0..2 {
                for t in texts {
                    for c in t.chars() {
                        assert_eq!(chars.cell(c).symbol(), c.to_string());
                        // The character CACHED code points on lands on the same entry.
                        if let Some(other) = char::from_u32(c as u32 + CACHED as u32) {
                            assert_eq!(chars.cell(other).symbol(), other.to_string());
                        }
                    }
                }
            }
        });
    }

    #[test]
    fn without_the_cache_cells_still_hold_their_character() {
        with_chars(|_| {
            with_chars(|inner| {
                for c in ['复', 'é', 'a', '工'] {
                    assert_eq!(inner.cell(c).symbol(), c.to_string());
                }
            })
        });
    }

    #[test]
    fn put_is_set_symbol_then_set_style() {
        let styles = [
            Style::default(),
            Style::new().fg(Color::Cyan),
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
            Style::new()
                .underline_color(Color::Red)
                .remove_modifier(Modifier::ITALIC),
        ];
        let mut before = Cell::EMPTY;
        before
            .set_symbol("旧")
            .set_style(Style::new().fg(Color::Green).bg(Color::Black).italic());
        before.set_diff_option(CellDiffOption::Skip);
        for style in styles {
            for g in ["a", "复", "█", " "] {
                let mut ours = before.clone();
                let mut from = Cell::EMPTY;
                from.set_symbol(g).set_style(Style::new().fg(Color::Yellow));
                put(&mut ours, &from, style);
                let mut theirs = before.clone();
                theirs.set_symbol(g).set_style(style);
                assert_eq!(ours, theirs, "{g:?} {style:?}");
                assert_eq!(ours.diff_option, theirs.diff_option);
            }
        }
    }
}
