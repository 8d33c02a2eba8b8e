//! Text layout by display width: Chinese glyphs take two cells, and nothing
//! here ever splits one.

use std::borrow::Cow;
use std::cell::RefCell;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::Theme;

/// Display width in terminal cells, measured glyph by glyph as ratatui's
/// buffer measures it ([`CellWidth`]), so that what fugong pads and cuts is
/// what ratatui places: ｶﾞ is two cells, as terminals draw it.
pub fn width(s: &str) -> usize {
    if printable_ascii(s) {
        return s.len();
    }
    let mut w = 0;
    each_glyph(s, |_, _, gw| {
        w += gw;
        true
    });
    w
}

/// [`width`] of one glyph (grapheme).
fn glyph_width(g: &str) -> usize {
    match g.as_bytes() {
        [b] if b.is_ascii_control() => 0,
        _ => usize::from(g.cell_width()),
    }
}

/// Whether `s` is printable ASCII only: every byte then is a glyph of one cell.
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// The width of a character that is a glyph on its own when the next one is
/// such a character too, or ends the text: printable ASCII, Latin-1 letters
/// and signs and general punctuation (one cell); CJK ideographs,
/// punctuation and fullwidth forms (two). No rule of grapheme segmentation
/// joins two of them, and their [`glyph_width`] is fixed.
fn plain_width(c: char) -> Option<usize> {
    match c {
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}' | '\u{2010}'..='\u{2027}' => Some(1),
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
fn each_glyph<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str, usize) -> bool) {
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
trait Cells {
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
fn fitted(s: &str, max: usize) -> (Cow<'_, str>, usize) {
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

/// The partial glyphs of a bar, one to seven eighths of a cell.
const EIGHTHS: [&str; 7] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"];

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
struct Pen<'b> {
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
    fn new(buf: &'b mut Buffer, area: Rect) -> Option<Pen<'b>> {
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

    fn cell(&mut self, x: u16) -> Option<&mut ratatui::buffer::Cell> {
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
                c.set_symbol(g).set_style(style);
            }
        } else {
            // A zero-width glyph, or one after only zero-width glyphs: it
            // joins the glyph already in its cell.
            let at = if x == self.left { x } else { x - 1 };
            let joined = at != x && hidden_before;
            if let Some(c) = self.cell(at) {
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

    /// A run of `n` glyphs of one cell each, the `k`th being `glyph(k)`.
    fn run<'g>(&mut self, n: usize, style: Style, glyph: impl Fn(usize) -> &'g str) {
        if n == 0 || self.full {
            return;
        }
        // The first may join zero-width glyphs before it; after it, every
        // glyph simply takes the next cell, as `glyph` would do.
        self.glyph(glyph(0), 1, style);
        if self.full {
            return;
        }
        let room = usize::from(self.right - self.x);
        let k = (n - 1).min(room);
        let start = self.row + usize::from(self.x - self.buf.area.x);
        if let Some(cells) = self.buf.content.get_mut(start..start + k) {
            for (i, c) in cells.iter_mut().enumerate() {
                c.set_symbol(glyph(i + 1)).set_style(style);
            }
        }
        self.x += u16::try_from(k).unwrap_or(0);
        self.written += k;
        if k > 0 {
            self.hidden_before = false;
        }
        self.full = n - 1 > room;
    }

    /// `n` copies of the one-cell glyph `g`.
    fn repeat(&mut self, g: &str, n: usize, style: Style) {
        self.run(n, style, |_| g);
    }

    /// Printable ASCII, a glyph of one cell per byte.
    fn ascii(&mut self, s: &str, style: Style) {
        self.run(s.len(), style, |i| s.get(i..=i).unwrap_or(" "));
    }

    /// Text, glyph by glyph.
    fn text(&mut self, s: &str, style: Style) {
        if printable_ascii(s) {
            self.ascii(s, style);
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

thread_local! {
    /// Scratch for [`padded`]: each glyph of a text as (start, end, width).
    static GLYPHS: RefCell<Vec<(usize, usize, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Draws `s` fitted and padded to `w` cells, as a `Span` of [`pad`]`(s, w,
/// right)` in `style` would be drawn into `area`, and returns the padded
/// width. Only the text is segmented into glyphs; the padding is written
/// as blank cells.
fn padded(buf: &mut Buffer, area: Rect, s: &str, w: usize, right: bool, style: Style) -> usize {
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
        pen.repeat(" ", gap, style);
    }
    text(&mut pen);
    if !right {
        pen.repeat(" ", gap, style);
    }
}

/// Draws a bar of `w` cells at the start of `area` (cut at its right edge),
/// the filled part in `fill` and the rest in `empty`, cell by cell.
fn draw_bar(buf: &mut Buffer, area: Rect, ratio: f64, w: usize, fill: Style, empty: Style) {
    let (full, partial, rest) = bar_parts(ratio, w);
    let filled = full + usize::from(partial.is_some());
    if filled > 0
        && let Some(mut pen) = Pen::new(buf, area)
    {
        pen.repeat("█", full, fill);
        if let Some(g) = partial {
            pen.glyph(g, 1, fill);
        }
    }
    if rest > 0
        && let Some(mut pen) = Pen::new(buf, indent(area, filled))
    {
        pen.repeat("░", rest, empty);
    }
}

/// `area` without its first `by` columns.
fn indent(area: Rect, by: usize) -> Rect {
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

/// A table column: its heading, width constraint and alignment.
pub struct Column {
    pub title: String,
    pub constraint: Constraint,
    pub right: bool,
}

impl Column {
    pub fn new(title: impl Into<String>, constraint: Constraint) -> Column {
        Column {
            title: title.into(),
            constraint,
            right: false,
        }
    }

    pub fn right(mut self) -> Column {
        self.right = true;
        self
    }
}

/// A cell's content: plain text in a style, or a bar.
pub enum Content {
    Text(String, Style),
    /// A bar as wide as its column for a ratio (clamped to 0..=1), in the
    /// theme's gauge colours, or all in one style once restyled.
    Bar(f64, Option<Style>),
}

impl Content {
    /// The same content in `style`: how a row not yet known on the as-of
    /// date is greyed.
    pub fn restyled(self, style: Style) -> Content {
        match self {
            Content::Text(s, _) => Content::Text(s, style),
            Content::Bar(ratio, _) => Content::Bar(ratio, Some(style)),
        }
    }
}

impl From<String> for Content {
    fn from(s: String) -> Content {
        Content::Text(s, Style::default())
    }
}

/// The body rows area of a table drawn by [`table`] in `area`.
pub fn table_body(area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    Rect::new(
        inner.x,
        inner.y.saturating_add(1),
        inner.width,
        inner.height.saturating_sub(1),
    )
}

/// Resolved column widths for `area`, the same ones [`table`] draws with.
pub fn column_widths(area: Rect, columns: &[Column]) -> Vec<u16> {
    let inner = Block::bordered().inner(area);
    Layout::horizontal(columns.iter().map(|c| c.constraint))
        .spacing(1)
        .split(Rect::new(0, 0, inner.width, 1))
        .iter()
        .map(|r| r.width)
        .collect()
}

/// Where each column starts, relative to the table's inner area, and how
/// wide it is: the widths of [`column_widths`] laid out one cell apart, as
/// ratatui's `Table` lays them out.
fn column_spans(inner: Rect, widths: &[u16]) -> Vec<(u16, u16)> {
    Layout::horizontal(widths.iter().map(|&w| Constraint::Length(w)))
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, inner.width, 1))
        .iter()
        .map(|r| (r.x, r.width))
        .collect()
}

/// A table's visible rows, which of them is selected, and what to say when
/// there are none.
pub struct Body<'a> {
    pub rows: Vec<Vec<Content>>,
    pub selected: Option<usize>,
    pub empty: &'a str,
}

impl<'a> Body<'a> {
    /// The visible `rows` of a panel's list, with its selection, and the
    /// usual "no rows match" in the app's language.
    pub fn of(
        rows: Vec<Vec<Content>>,
        view: &crate::app::ListView,
        lang: crate::data::Lang,
    ) -> Body<'a> {
        Body {
            rows,
            selected: view.selected_on_screen(),
            empty: lang.pick("没有匹配的行", "no rows match"),
        }
    }
}

/// Draws a bordered table of the visible rows only. Text is fitted to each
/// column by display width, so no glyph is split or overlaps the next column.
///
/// The cells are written straight into the buffer: each cell's text once,
/// its padding as blank cells, bars cell by cell. What it draws is what
/// ratatui's `Table` drew with every cell padded to its column's width
/// (and the render snapshots and cell tests pin that), at a fraction of
/// the cost.
pub fn table(
    area: Rect,
    buf: &mut Buffer,
    block: Block<'_>,
    columns: &[Column],
    body: Body<'_>,
    theme: &Theme,
) {
    let Body {
        rows,
        selected,
        empty,
    } = body;
    if rows.is_empty() {
        // Say so, rather than show a bare header.
        let body = table_body(area);
        if body.height > 0 {
            buf.set_stringn(
                body.x,
                body.y,
                fit(empty, usize::from(body.width)),
                usize::from(body.width),
                theme.muted,
            );
        }
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let widths = column_widths(area, columns);
    let spans = column_spans(inner, &widths);
    let cell = |(x, w): (u16, u16), y: u16| Rect::new(inner.x.saturating_add(x), y, w, 1);

    // The header: one style over the row, then the titles.
    buf.set_style(Rect { height: 1, ..inner }, theme.title);
    for (col, (&w, &span)) in columns.iter().zip(widths.iter().zip(&spans)) {
        let area = cell(span, inner.y);
        padded(
            buf,
            area,
            &col.title,
            usize::from(w),
            col.right,
            Style::default(),
        );
    }

    let body = table_body(area);
    for (i, cells) in rows.into_iter().enumerate().take(usize::from(body.height)) {
        let y = body.y + u16::try_from(i).unwrap_or(u16::MAX);
        let is_selected = Some(i) == selected;
        if is_selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..body
                },
                theme.selected,
            );
        }
        // On the selected row the selection's colours win over the cells'
        // own, so nothing is, say, white on light cyan.
        let chosen = |style: Style| {
            if is_selected {
                style.patch(theme.selected)
            } else {
                style
            }
        };
        let laid = columns.iter().zip(widths.iter().zip(&spans));
        for (content, (col, (&w, &span))) in cells.into_iter().zip(laid) {
            let area = cell(span, y);
            let w = usize::from(w);
            match content {
                Content::Text(s, style) => {
                    padded(buf, area, &s, w, col.right, chosen(style));
                }
                Content::Bar(ratio, style) => {
                    let (fill, rest) =
                        style.map_or((theme.gauge_fill, theme.gauge_empty), |s| (s, s));
                    draw_bar(buf, area, ratio, w, chosen(fill), chosen(rest));
                }
            }
        }
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
            // Neither joins the glyph before it nor the one after it.
            for other in ["a", "中", "。"] {
                assert_eq!(format!("{other}{c}").graphemes(true).count(), 2, "{c:?}");
                assert_eq!(format!("{c}{other}").graphemes(true).count(), 2, "{c:?}");
            }
        }
        assert_eq!(plain, 95 + 13 + 82 + 24 + 42 + 15 + 20992 + 96);
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

    #[test]
    fn bars_have_exact_width_and_clamp() {
        for r in [-1.0, 0.0, 0.33, 0.5, 0.999, 1.0, 7.0, f64::NAN] {
            let (full, partial, empty) = bar_parts(r, 10);
            assert_eq!(full + usize::from(partial.is_some()) + empty, 10, "{r}");
        }
        assert_eq!(bar_parts(1.0, 4), (4, None, 0));
        assert_eq!(bar_parts(0.0, 4), (0, None, 4));
    }
}

/// Closing punctuation never starts a line; it stays with what it closes.
fn closes(g: &str) -> bool {
    matches!(
        g,
        "，" | "。"
            | "、"
            | "；"
            | "："
            | "！"
            | "？"
            | "）"
            | "」"
            | "』"
            | "”"
            | "’"
            | "》"
            | "…"
            | ","
            | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "%"
            | "％"
    )
}

/// Opening punctuation never ends a line; it stays with what it opens.
fn opens(g: &str) -> bool {
    matches!(g, "（" | "「" | "『" | "“" | "‘" | "《" | "(" | "[")
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
    (word(prev) && word(g))
        || (digit_end && matches!(g, "万" | "亿" | "多" | "余"))
        || (matches!(prev, "万" | "亿") && g == "多")
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
            for g in span.content.graphemes(true) {
                let space = g.chars().all(char::is_whitespace);
                let attach =
                    !space && !units.is_empty() && (glue_next || closes(g) || joins(prev, g));
                glyphs.push((g, style, glyph_width(g)));
                match units.last_mut() {
                    Some(unit) if attach => unit.1 = glyphs.len(),
                    _ => units.push((glyphs.len() - 1, glyphs.len())),
                }
                glue_next = opens(g);
                prev = g;
            }
        }
        if units.is_empty() || width == 0 {
            out.push(Line::default());
            continue;
        }
        current.clear();
        let mut used = 0;
        let flush = |current: &mut Vec<(&str, Style)>, out: &mut Vec<Line<'static>>| {
            // Trailing spaces are not shown.
            while current.last().is_some_and(|(g, _)| g.trim().is_empty()) {
                current.pop();
            }
            out.push(to_line(current));
            current.clear();
        };
        for &(a, b) in &units {
            let unit = glyphs.get(a..b).unwrap_or(&[]);
            let uw: usize = unit.iter().map(|&(_, _, gw)| gw).sum();
            let is_space = unit.iter().all(|(g, _, _)| g.trim().is_empty());
            if used + uw > width && used > 0 {
                flush(&mut current, &mut out);
                used = 0;
                if is_space {
                    continue;
                }
            }
            if uw <= width {
                used += uw;
                current.extend(unit.iter().map(|&(g, st, _)| (g, st)));
                continue;
            }
            // A unit wider than a whole line: split it by glyph.
            for &(g, st, gw) in unit {
                if used + gw > width && used > 0 {
                    flush(&mut current, &mut out);
                    used = 0;
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
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
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
