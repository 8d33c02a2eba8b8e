//! Painting text and bars straight into the buffer, cell by cell.

use std::cell::RefCell;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
#[cfg(test)]
use ratatui::widgets::Widget;

use super::cells;
use super::width::{each_glyph, fitted, plain_width, printable_ascii};
use crate::theme::Theme;

const EIGHTHS: [&str; 7] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar's full and empty glyphs.
const FULL: &str = "█";
const SHADE: &str = "░";

/// A bar of `w` cells for `ratio` (clamped to 0..=1): how many full cells,
/// the partial glyph after them if any, and how many empty cells.
fn bar_parts(ratio: f64, w: usize) -> (usize, Option<&'static str>, usize) {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (ratio * (w * 8) as f64).round() as usize;
    let full = eighths / 8;
    let rem = eighths % 8;
    let partial = if rem > 0 && full < w {
        EIGHTHS.get(rem - 1).copied()
    } else {
        None
    };
    let used = full + usize::from(partial.is_some());
    (full, partial, w.saturating_sub(used))
}

/// Writes glyphs into one row of a buffer exactly as ratatui draws one
/// `Span` into `area` (ratatui-core 0.1's `Span::render`): controls
/// dropped, a zero-width glyph joined to the cell before it, the cells
/// under a wide glyph cleared, and nothing past the area's right edge.
/// It writes the cells directly, so a run of plain ASCII or of bar glyphs
/// costs no grapheme segmentation, and blank padding costs no text at all.
pub(super) struct Pen<'b> {
    buf: &'b mut Buffer,
    /// Index in `buf.content` of the row's first cell, at `buf.area.x`.
    row: usize,
    left: u16,
    right: u16,
    x: u16,
    /// Glyphs written so far.
    written: usize,
    /// The cell before `x` was cleared as the hidden half of a wide glyph.
    hidden_before: bool,
    /// A glyph did not fit: the span is cut there.
    full: bool,
}

impl<'b> Pen<'b> {
    /// A pen over `area`'s first row, or none when the area is off the buffer.
    pub(super) fn new(buf: &'b mut Buffer, area: Rect) -> Option<Pen<'b>> {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return None;
        }
        let row = usize::from(area.y - buf.area.y) * usize::from(buf.area.width);
        Some(Pen {
            buf,
            row,
            left: area.x,
            right: area.right(),
            x: area.x,
            written: 0,
            hidden_before: false,
            full: false,
        })
    }

    fn cell(&mut self, x: u16) -> Option<&mut Cell> {
        let i = self.row + usize::from(x - self.buf.area.x);
        self.buf.content.get_mut(i)
    }

    /// One glyph `g` of `width` cells.
    fn glyph(&mut self, g: &str, width: u16, style: Style) {
        if self.full {
            return;
        }
        let x = self.x;
        let next = x.saturating_add(width);
        if next > self.right {
            self.full = true;
            return;
        }
        let hidden_before = self.hidden_before;
        let first = self.written == 0;
        if first || (width > 0 && x != self.left) {
            if let Some(c) = self.cell(x) {
                put(c, g, style);
            }
        } else {
            // A zero-width glyph, or one after only zero-width glyphs: it
            // joins the glyph already in its cell.
            let at = if x == self.left { x } else { x - 1 };
            let joined = at != x && hidden_before;
            if let Some(c) = self.cell(at) {
                let c = cells::unmeasured(c);
                if joined {
                    // The cell was cleared, so it held no symbol.
                    c.set_symbol(g).set_style(style);
                } else {
                    let mut s = String::from(c.symbol());
                    s.push_str(g);
                    c.set_symbol(&s).set_style(style);
                }
            }
        }
        for hidden in x.saturating_add(1)..next {
            if let Some(c) = self.cell(hidden) {
                c.reset();
            }
        }
        if width > 0 {
            self.hidden_before = width > 1;
        } else if x != self.left {
            self.hidden_before = false;
        }
        self.x = next;
        self.written += 1;
    }

    /// Whether the next glyph joins zero-width glyphs already written in
    /// the first cell (so it goes through [`Pen::glyph`]).
    fn joins(&self) -> bool {
        self.written > 0 && self.x == self.left
    }

    /// A run of `n` glyphs of one cell each, the `k`th being `glyph(k)`.
    fn run<'g>(&mut self, n: usize, style: Style, glyph: impl Fn(usize) -> &'g str) {
        if n == 0 || self.full {
            return;
        }
        let mut from = 0;
        if self.joins() {
            // The first may join zero-width glyphs before it.
            self.glyph(glyph(0), 1, style);
            if self.full {
                return;
            }
            from = 1;
        }
        // Every glyph simply takes the next cell, as `glyph` would do.
        let room = usize::from(self.right - self.x);
        let k = (n - from).min(room);
        let start = self.row + usize::from(self.x - self.buf.area.x);
        if let Some(cells) = self.buf.content.get_mut(start..start + k) {
            for (i, c) in cells.iter_mut().enumerate() {
                cells::put(c, glyph(from + i), style);
            }
        }
        self.x += u16::try_from(k).unwrap_or(0);
        self.written += k;
        if k > 0 {
            self.hidden_before = false;
        }
        self.full = n - from > room;
    }

    /// `n` copies of the one-cell glyph `g`.
    fn repeat(&mut self, g: &str, n: usize, style: Style) {
        self.run(n, style, |_| g);
    }

    /// `n` blank cells in `style`. A frame starts blank, so most of them
    /// only take the style.
    fn blanks(&mut self, n: usize, style: Style) {
        if n == 0 || self.full || self.joins() {
            self.repeat(" ", n, style);
            return;
        }
        let room = usize::from(self.right - self.x);
        let k = n.min(room);
        let start = self.row + usize::from(self.x - self.buf.area.x);
        if let Some(cells) = self.buf.content.get_mut(start..start + k) {
            for c in cells {
                if c.symbol() == " " {
                    c.set_style(style);
                } else {
                    cells::put(c, " ", style);
                }
            }
        }
        self.x += u16::try_from(k).unwrap_or(0);
        self.written += k;
        if k > 0 {
            self.hidden_before = false;
        }
        self.full = n > room;
    }

    /// Printable ASCII, a glyph of one cell per byte.
    fn ascii(&mut self, s: &str, style: Style) {
        self.run(s.len(), style, |i| s.get(i..=i).unwrap_or(" "));
    }

    /// Text of plain characters only (see `plain_width`): each is a glyph
    /// of a known width, written straight into its cell, as `glyph` would.
    fn plain(&mut self, s: &str, style: Style) {
        if self.full || s.is_empty() {
            return;
        }
        let mut rest = s;
        if self.joins() {
            // After only zero-width glyphs: the first joins them.
            let Some(c) = s.chars().next() else { return };
            let (g, tail) = s.split_at(c.len_utf8());
            self.glyph(g, plain_width(c).map_or(1, |w| w as u16), style);
            rest = tail;
        }
        // The cells from `x` to the right edge.
        let start = self.row + usize::from(self.x - self.buf.area.x);
        let room = usize::from(self.right - self.x);
        let Some(row) = self.buf.content.get_mut(start..start + room) else {
            return;
        };
        let (mut at, mut n, mut last_w) = (0, 0, 0);
        let mut full = false;
        for c in rest.chars() {
            // Of plain characters, those of two cells are from U+3000 on.
            let w = if c >= '\u{3000}' { 2 } else { 1 };
            let Some(cell) = row.get_mut(at).filter(|_| at + w <= room) else {
                full = true;
                break;
            };
            cells::put(cell, c.encode_utf8(&mut [0; 4]), style);
            if w == 2 {
                cell.diff_option = cells::WIDE;
                if let Some(cell) = row.get_mut(at + 1) {
                    cell.reset();
                }
            }
            at += w;
            n += 1;
            last_w = w;
        }
        self.x += u16::try_from(at).unwrap_or(0);
        self.full |= full;
        self.written += n;
        if n > 0 {
            self.hidden_before = last_w > 1;
        }
    }

    /// Text, glyph by glyph.
    pub(super) fn text(&mut self, s: &str, style: Style) {
        if printable_ascii(s) {
            self.ascii(s, style);
            return;
        }
        if s.chars().all(|c| plain_width(c).is_some()) {
            self.plain(s, style);
            return;
        }
        each_glyph(s, |_, g, gw| {
            if !g.contains(char::is_control) {
                self.glyph(g, u16::try_from(gw).unwrap_or(u16::MAX), style);
            }
            !self.full
        });
    }
}

/// Writes `g` in `style` into a cell. A frame starts from blank cells, so
/// the blanks that pad every column cost no new symbol.
fn put(c: &mut Cell, g: &str, style: Style) {
    if c.symbol() != g {
        cells::unmeasured(c).set_symbol(g);
    }
    c.set_style(style);
}

thread_local! {
    /// Scratch for [`padded`]: each glyph of a text as (start, end, width).
    static GLYPHS: RefCell<Vec<(usize, usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Draws `s` fitted and padded to `w` cells, as a `Span` of [`pad`]`(s, w,
/// right)` in `style` would be drawn into `area`, and returns the padded
/// width. Only the text is segmented into glyphs; the padding is written
/// as blank cells.
pub(super) fn padded(
    buf: &mut Buffer,
    area: Rect,
    s: &str,
    w: usize,
    right: bool,
    style: Style,
) -> usize {
    if printable_ascii(s) {
        // Cut by bytes: each is a glyph of one cell.
        let (shown, cut) = match s.get(..w.saturating_sub(1)) {
            _ if s.len() <= w => (s, false),
            Some(head) if w > 0 => (head, true),
            _ => ("", false),
        };
        let sw = shown.len() + usize::from(cut);
        let gap = w.saturating_sub(sw);
        draw_padded(buf, area, (sw, gap, right), style, |pen| {
            pen.ascii(shown, style);
            if cut {
                pen.glyph("…", 1, style);
            }
        });
        return sw + gap;
    }
    if w > 0
        && let Some(drawn) = padded_plain(buf, area, s, w, right, style)
    {
        return drawn;
    }
    // Measure and draw from one segmentation into glyphs, stopping once
    // the text is known not to fit.
    GLYPHS.with_borrow_mut(|glyphs| {
        glyphs.clear();
        let mut total = 0;
        each_glyph(s, |i, g, gw| {
            total += gw;
            glyphs.push((i, i + g.len(), gw));
            total <= w
        });
        // What `fit` keeps: all of it, or the glyphs that leave a cell for
        // the "…" (up to the first that does not).
        let (kept, cut) = if total <= w {
            (glyphs.len(), false)
        } else if w == 0 {
            (0, false)
        } else {
            let mut used = 0;
            let kept = glyphs
                .iter()
                .take_while(|&&(_, _, gw)| {
                    used += gw;
                    used < w
                })
                .count();
            (kept, true)
        };
        let next_is_control = glyphs
            .get(kept)
            .and_then(|&(start, end, _)| s.get(start..end))
            .is_some_and(|g| g.contains(char::is_control));
        if cut && next_is_control {
            // The kept text may end in a prepended mark that the "…" would
            // join (it ends a glyph only before a control): fit the plain way.
            let (s, sw) = fitted(s, w);
            let gap = w.saturating_sub(sw);
            draw_padded(buf, area, (sw, gap, right), style, |pen| {
                pen.text(&s, style)
            });
            return sw + gap;
        }
        let sw = glyphs.iter().take(kept).map(|g| g.2).sum::<usize>() + usize::from(cut);
        let gap = w.saturating_sub(sw);
        draw_padded(buf, area, (sw, gap, right), style, |pen| {
            for &(start, end, gw) in glyphs.iter().take(kept) {
                if pen.full {
                    return;
                }
                let Some(g) = s.get(start..end) else { continue };
                if !g.contains(char::is_control) {
                    pen.glyph(g, u16::try_from(gw).unwrap_or(u16::MAX), style);
                }
            }
            if cut {
                pen.glyph("…", 1, style);
            }
        });
        sw + gap
    })
}

/// [`padded`] for text of plain characters only (see `plain_width`), up to
/// where it is cut: each character is a glyph of a known width, so no
/// grapheme segmentation and no scratch list are needed. `None` when a
/// character that matters is not plain; `padded` then segments in full.
fn padded_plain(
    buf: &mut Buffer,
    area: Rect,
    s: &str,
    w: usize,
    right: bool,
    style: Style,
) -> Option<usize> {
    // How much fits: all of it, or the glyphs that leave a cell for "…".
    let (mut total, mut kept_end, mut kept_w) = (0, 0, 0);
    let mut chars = s.char_indices();
    let mut next = chars.next().map(|(i, c)| (i, c, plain_width(c)));
    while let Some((i, c, cw)) = next {
        let cw = cw?;
        // A plain character is a glyph on its own before another plain
        // one or at the end; anything else may join it.
        next = chars.next().map(|(i, c)| (i, c, plain_width(c)));
        if let Some((_, _, None)) = next {
            return None;
        }
        if total + cw < w {
            kept_end = i + c.len_utf8();
            kept_w = total + cw;
        }
        total += cw;
        if total > w {
            break;
        }
    }
    let cut = total > w;
    let (shown, sw) = if cut {
        (s.get(..kept_end)?, kept_w + 1)
    } else {
        (s, total)
    };
    let gap = w.saturating_sub(sw);
    draw_padded(buf, area, (sw, gap, right), style, |pen| {
        pen.plain(shown, style);
        if cut {
            pen.glyph("…", 1, style);
        }
    });
    Some(sw + gap)
}

/// Draws, as one span, text `sw` cells wide (drawn by `text`) with `gap`
/// blank cells in `style` before it when `right`, else after it.
fn draw_padded(
    buf: &mut Buffer,
    area: Rect,
    (sw, gap, right): (usize, usize, bool),
    style: Style,
    text: impl FnOnce(&mut Pen<'_>),
) {
    // ratatui skips a span of no width.
    if sw + gap == 0 {
        return;
    }
    let Some(mut pen) = Pen::new(buf, area) else {
        return;
    };
    if right {
        pen.blanks(gap, style);
    }
    text(&mut pen);
    if !right {
        pen.blanks(gap, style);
    }
}

/// Draws a bar of `w` cells at the start of `area` (cut at its right edge),
/// the filled part in `fill` and the rest in `empty`, cell by cell.
pub(super) fn draw_bar(
    buf: &mut Buffer,
    area: Rect,
    ratio: f64,
    w: usize,
    fill: Style,
    empty: Style,
) {
    let (full, partial, rest) = bar_parts(ratio, w);
    let filled = full + usize::from(partial.is_some());
    if filled > 0
        && let Some(mut pen) = Pen::new(buf, area)
    {
        pen.repeat(FULL, full, fill);
        if let Some(g) = partial {
            pen.glyph(g, 1, fill);
        }
    }
    if rest > 0
        && let Some(mut pen) = Pen::new(buf, indent(area, filled))
    {
        pen.repeat(SHADE, rest, empty);
    }
    // Every cell of the bar holds a one-cell glyph.
    let area = area.intersection(buf.area);
    if !area.is_empty() {
        let start = buf.index_of(area.x, area.y);
        let n = w.min(usize::from(area.width));
        if let Some(run) = buf.content.get_mut(start..start + n) {
            cells::tell_narrow(run);
        }
    }
}

/// `area` without its first `by` columns.
pub(super) fn indent(area: Rect, by: usize) -> Rect {
    let by = u16::try_from(by).unwrap_or(u16::MAX);
    Rect {
        x: area.x.saturating_add(by),
        width: area.width.saturating_sub(by),
        ..area
    }
}

/// One row of pieces side by side, each as wide as given, drawn as
/// ratatui draws a `Line` of spans (each piece one span) into the row:
/// each piece starts where the ones before it end, and nothing is drawn
/// past the row's right edge.
pub struct Strip<'b> {
    buf: &'b mut Buffer,
    rest: Rect,
}

impl<'b> Strip<'b> {
    /// The strip along `area`'s first row.
    pub fn new(buf: &'b mut Buffer, area: Rect) -> Strip<'b> {
        let rest = area.intersection(buf.area);
        let rest = Rect { height: 1, ..rest };
        Strip { buf, rest }
    }

    /// Whether there is room left for another piece.
    fn open(&self) -> bool {
        !self.rest.is_empty()
    }

    /// `s` fitted and padded to `w` cells (right-aligned when `right`).
    pub fn text(&mut self, s: &str, w: usize, right: bool, style: Style) -> &mut Self {
        if self.open() {
            let used = padded(self.buf, self.rest, s, w, right, style);
            self.rest = indent(self.rest, used);
        }
        self
    }

    /// A bar of `w` cells for `ratio`, in the theme's colours.
    pub fn bar(&mut self, ratio: f64, w: usize, theme: &Theme) -> &mut Self {
        if self.open() {
            draw_bar(
                self.buf,
                self.rest,
                ratio,
                w,
                theme.gauge_fill,
                theme.gauge_empty,
            );
            self.rest = indent(self.rest, w);
        }
        self
    }
}

/// Sets `style` on every cell of `area`, as `Buffer::set_style` does, a
/// row of cells at a time rather than a lookup per cell.
pub fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    let w = usize::from(buf.area.width);
    for y in area.top()..area.bottom() {
        let start = usize::from(y - buf.area.y) * w + usize::from(area.x - buf.area.x);
        if let Some(row) = buf.content.get_mut(start..start + usize::from(area.width)) {
            for cell in row {
                cell.set_style(style);
            }
        }
    }
}

/// Clears every cell of `area` and sets `style` on it, as ratatui's
/// `Clear` and then `Buffer::set_style` do, a row of cells at a time.
pub fn clear(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    let w = usize::from(buf.area.width);
    for y in area.top()..area.bottom() {
        let start = usize::from(y - buf.area.y) * w + usize::from(area.x - buf.area.x);
        if let Some(row) = buf.content.get_mut(start..start + usize::from(area.width)) {
            for cell in row {
                *cell = Cell::EMPTY;
                cell.set_style(style);
            }
        }
        // The cell before is now followed by a blank: measured again.
        if area.x > buf.area.x
            && let Some(before) = buf.content.get_mut(start - 1)
        {
            cells::unmeasured(before);
        }
    }
}

/// A box with a rounded border and a title at its top left: what ratatui's
/// `Block` with every border, `BorderType::Rounded`, a border style and a
/// title draws, cell for cell, without styling every cell of the area
/// first (a block of the default style changes nothing there).
pub struct Boxed<'a> {
    title: Line<'a>,
    border: Style,
    /// Sides and corners: vertical, horizontal, ╭ ╮ ╰ ╯ (or their doubles).
    set: &'static BorderSet,
}

/// The glyphs of a box's border: the sides, then the corners from the top left.
pub struct BorderSet([&'static str; 6]);

static ROUNDED: BorderSet = BorderSet(["│", "─", "╭", "╮", "╰", "╯"]);

static DOUBLE: BorderSet = BorderSet(["║", "═", "╔", "╗", "╚", "╝"]);

impl<'a> Boxed<'a> {
    pub fn new(title: Line<'a>, border: Style) -> Boxed<'a> {
        Boxed {
            title,
            border,
            set: &ROUNDED,
        }
    }

    /// The same box with a double border (`BorderType::Double`).
    pub fn double(self) -> Boxed<'a> {
        Boxed {
            set: &DOUBLE,
            ..self
        }
    }

    /// The area inside the border, as `Block::inner` computes it.
    pub fn inner(&self, area: Rect) -> Rect {
        Boxed::inside(area)
    }

    /// The area inside any box's border at `area`.
    pub fn inside(area: Rect) -> Rect {
        let mut inner = area;
        inner.x = inner.x.saturating_add(1).min(inner.right());
        inner.width = inner.width.saturating_sub(1);
        inner.y = inner.y.saturating_add(1).min(inner.bottom());
        inner.height = inner.height.saturating_sub(1);
        inner.width = inner.width.saturating_sub(1);
        inner.height = inner.height.saturating_sub(1);
        inner
    }

    pub fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (left, top) = (area.left(), area.top());
        let right = area.right() - 1;
        let bottom = area.bottom() - 1;
        let whole = buf.area;
        let w = usize::from(whole.width);
        let at = |x: u16, y: u16| usize::from(y - whole.y) * w + usize::from(x - whole.x);
        let style = self.border;
        let put = |buf: &mut Buffer, i: usize, sym: &str| {
            if let Some(c) = buf.content.get_mut(i) {
                cells::put(c, sym, style);
            }
        };
        // In Block's order: the sides, then the corners over them.
        let [v, h, top_left, top_right, bottom_left, bottom_right] = &self.set.0;
        for y in top..=bottom {
            put(buf, at(left, y), v);
        }
        for x in left..=right {
            put(buf, at(x, top), h);
        }
        for y in top..=bottom {
            put(buf, at(right, y), v);
        }
        for x in left..=right {
            put(buf, at(x, bottom), h);
        }
        put(buf, at(right, bottom), bottom_right);
        put(buf, at(right, top), top_right);
        put(buf, at(left, bottom), bottom_left);
        put(buf, at(left, top), top_left);
        // The title on the top border, between the corners, cut to fit.
        let room = area.width.saturating_sub(2);
        let title_w = u16::try_from(self.title.width()).unwrap_or(u16::MAX);
        let title_area = Rect::new(left.saturating_add(1), top, title_w.min(room), 1);
        if !title_area.is_empty() {
            super::lines::line(buf, title_area, &self.title);
            // A title cut by the corner ends in "…" (over a whole glyph:
            // the last cell, or the two of a wide one it would split).
            if title_w > room && room >= 2 {
                let last = title_area.right() - 1;
                // The second half of a wide glyph: its first half goes too.
                if let Some(c) = buf.cell_mut((last - 1, top))
                    && super::width(c.symbol()) > 1
                {
                    cells::unmeasured(c).set_symbol(" ");
                }
                if let Some(c) = buf.cell_mut((last, top)) {
                    cells::unmeasured(c).set_symbol("…");
                }
            }
        }
        // The horizontal sides are runs of one-cell glyphs: the top one
        // from the title's end (or the corner) to the corner.
        let from = if title_area.is_empty() {
            left
        } else {
            title_area.right()
        };
        let sides = if bottom > top {
            &[(top, from), (bottom, left)][..]
        } else {
            &[(top, from)][..]
        };
        for &(y, x) in sides {
            if x <= right
                && let Some(run) = buf.content.get_mut(at(x, y)..=at(right, y))
            {
                cells::tell_narrow(run);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cut_by_the_corner_ends_in_an_ellipsis() {
        let style = Style::default();
        for (title, want) in [
            (" Shufang Township ", "╭ Shufang…╮"),
            // A wide glyph's second cell holds a blank.
            (" 书坊乡党建联盟 ", "╭ 书 坊 乡  …╮"),
            (" 书坊乡党建联盟x", "╭ 书 坊 乡  …╮"),
            (" ab书坊乡党建联盟", "╭ ab书 坊  …╮"),
            (" short ", "╭ short ──╮"),
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 11, 3));
            Boxed::new(Line::raw(title), style).render(buf.area, &mut buf);
            let top: String = (0..11).map(|x| buf[(x, 0)].symbol()).collect();
            assert_eq!(top, want, "{title:?}");
        }
    }

    #[test]
    fn bars_have_exact_width_and_clamp() {
        for r in [-1.0, 0.0, 0.33, 0.5, 0.999, 1.0, 7.0, f64::NAN] {
            let (full, partial, empty) = bar_parts(r, 10);
            assert_eq!(full + usize::from(partial.is_some()) + empty, 10, "{r}");
        }
        assert_eq!(bar_parts(1.0, 4), (4, None, 0));
        assert_eq!(bar_parts(0.0, 4), (0, None, 4));
    }

    fn text_width(w: usize) -> u16 {
        u16::try_from(w).unwrap_or(u16::MAX)
    }

    #[test]
    fn a_box_draws_what_a_rounded_block_draws() {
        use ratatui::style::{Color, Modifier};
        use ratatui::widgets::{Block, BorderType, Borders};
        let border = Style::new().fg(Color::DarkGray);
        let title =
            || Line::from(" 复工 Rates (4) ").style(Style::new().add_modifier(Modifier::BOLD));
        let sizes = [
            (0, 0),
            (1, 1),
            (1, 5),
            (2, 2),
            (5, 1),
            (8, 3),
            (12, 4),
            (40, 6),
        ];
        let kinds = [(false, BorderType::Rounded), (true, BorderType::Double)];
        for ((w, h), (double, kind)) in sizes.into_iter().flat_map(|s| kinds.map(|k| (s, k))) {
            let area = Rect::new(1, 1, w, h);
            let mut ours = Buffer::empty(Rect::new(0, 0, 44, 9));
            let mut theirs = ours.clone();
            let b = Boxed::new(title(), border);
            let b = if double { b.double() } else { b };
            let inner = b.inner(area);
            b.render(area, &mut ours);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_type(kind)
                .border_style(border)
                .title(title());
            assert_eq!(inner, block.inner(area), "{w}x{h}");
            block.render(area, &mut theirs);
            // Where the corner cuts the title, ours ends it in "…" (and
            // blanks a wide glyph it would split); the rest is Block's.
            let room = w.saturating_sub(2);
            if text_width(title().width()) > room && room >= 2 && h > 0 {
                let last = area.x + room;
                if super::super::width(theirs[(last - 1, area.y)].symbol()) > 1 {
                    theirs[(last - 1, area.y)].set_symbol(" ");
                }
                theirs[(last, area.y)].set_symbol("…");
            }
            assert_eq!(super::super::cells::measured(&ours), theirs, "{w}x{h}");
        }
    }

    #[test]
    fn clear_is_ratatuis_clear_then_set_style() {
        use ratatui::style::{Color, Modifier};
        use ratatui::widgets::Clear;
        let whole = Rect::new(0, 0, 12, 6);
        let mut before = Buffer::empty(whole);
        for (i, c) in before.content.iter_mut().enumerate() {
            c.set_symbol(if i % 2 == 0 { "复" } else { "x" })
                .set_style(Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC));
        }
        let style = Style::new().bg(Color::Black).fg(Color::White);
        for area in [
            whole,
            Rect::new(2, 1, 5, 3),
            Rect::new(11, 5, 1, 1),
            Rect::default(),
        ] {
            let mut ours = before.clone();
            let mut theirs = before.clone();
            clear(&mut ours, area, style);
            Clear.render(area, &mut theirs);
            theirs.set_style(area, style);
            assert_eq!(ours, theirs, "{area:?}");
        }
    }

    #[test]
    fn padded_draws_what_a_span_of_the_fitted_padded_text_draws() {
        use crate::text::{fit, pad};
        use ratatui::text::Span;
        let texts = [
            "",
            "abc",
            "复工率98.3%",
            "荣昌高新区复工率 · Work resumption rate",
            "café au lait",
            "e\u{301}te\u{301}",
            "复\u{301}工",
            "ｶﾞｷﾞ",
            "1️⃣ 人",
            "a\u{7}b",
            "全角，标点。“引号”",
        ];
        for text in texts {
            for w in 0..14 {
                for right in [false, true] {
                    let area = Rect::new(0, 0, 16, 1);
                    let mut ours = Buffer::empty(area);
                    let mut theirs = Buffer::empty(area);
                    let style = Style::new().fg(ratatui::style::Color::Cyan);
                    let n = padded(&mut ours, area, text, w, right, style);
                    let expected = pad(&fit(text, w), w, right);
                    Span::styled(expected.clone(), style).render(area, &mut theirs);
                    assert_eq!(
                        super::super::cells::measured(&ours),
                        theirs,
                        "{text:?} in {w} cells, right: {right}"
                    );
                    assert_eq!(n, crate::text::width(&expected), "{text:?} {w}");
                }
            }
        }
    }
}
