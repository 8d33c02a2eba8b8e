//! Tables drawn by display width: columns, a header, and the visible rows.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;

use super::paint::{Boxed, draw_bar, padded};
use super::width::fit;
use crate::theme::Theme;

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
pub enum Content<'a> {
    /// Text, borrowed where it is already written somewhere.
    Text(Cow<'a, str>, Style),
    /// Two texts read as one, "first · second" (a label in both
    /// languages), joined in a buffer the table reuses rather than in a
    /// string of the cell's own.
    Pair(&'a str, &'a str, Style),
    /// A bar as wide as its column for a ratio (clamped to 0..=1), in the
    /// theme's gauge colours, or all in one style once restyled.
    Bar(f64, Option<Style>),
}

impl<'a> Content<'a> {
    /// The same content in `style`: how a row not yet known on the as-of
    /// date is greyed.
    pub fn restyled(self, style: Style) -> Content<'a> {
        match self {
            Content::Text(s, _) => Content::Text(s, style),
            Content::Pair(a, b, _) => Content::Pair(a, b, style),
            Content::Bar(ratio, _) => Content::Bar(ratio, Some(style)),
        }
    }
}

impl From<String> for Content<'_> {
    fn from(s: String) -> Self {
        Content::Text(s.into(), Style::default())
    }
}

impl<'a> From<Cow<'a, str>> for Content<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Content::Text(s, Style::default())
    }
}

/// The body rows area of a table drawn by [`table`] in `area`.
pub fn table_body(area: Rect) -> Rect {
    let inner = Boxed::inside(area);
    Rect::new(
        inner.x,
        inner.y.saturating_add(1),
        inner.width,
        inner.height.saturating_sub(1),
    )
}

/// Resolved column widths for `area`, the same ones [`table`] draws with.
pub fn column_widths(area: Rect, columns: &[Column]) -> Vec<u16> {
    let inner = Boxed::inside(area);
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
    pub rows: Vec<Vec<Content<'a>>>,
    pub selected: Option<usize>,
    pub empty: &'a str,
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
    block: Boxed<'_>,
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
    // Where a `Content::Pair` is joined, reused from cell to cell.
    let mut joined = String::new();
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
                Content::Pair(first, second, style) => {
                    joined.clear();
                    joined.push_str(first);
                    joined.push_str(" · ");
                    joined.push_str(second);
                    padded(buf, area, &joined, w, col.right, chosen(style));
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
