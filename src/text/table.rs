//! Tables drawn by display width: columns, a header, and the visible rows.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;

use super::paint::{Boxed, draw_bar, padded};
use super::width::fit;
use crate::theme::Theme;

/// A table column: its heading, width and alignment. Its width is either a
/// fixed constraint, or fitted to what the rows in sight hold ([`Fit`]).
pub struct Column {
    pub title: String,
    pub constraint: Constraint,
    pub right: bool,
    pub fit: Option<Fit>,
}

/// A column whose width follows its cells: see [`allot`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Text, as wide as its widest cell (or heading), at least `min`,
    /// giving way by `weight` when the room is short; `grow` takes the room
    /// left over when the table has no bar.
    Text { min: u16, weight: u16, grow: bool },
    /// A bar, at least `min`, with the room the text leaves.
    Bar { min: u16 },
}

impl Column {
    pub fn new(title: impl Into<String>, constraint: Constraint) -> Column {
        Column {
            title: title.into(),
            constraint,
            right: false,
            fit: None,
        }
    }

    /// A text column as wide as its widest cell in sight, at least `min`.
    pub fn text(title: impl Into<String>, min: u16) -> Column {
        Column {
            fit: Some(Fit::Text {
                min,
                weight: 1,
                grow: false,
            }),
            ..Column::new(title, Constraint::Min(min))
        }
    }

    /// A bar column with what the text leaves, at least `min`.
    pub fn bar(min: u16) -> Column {
        Column {
            fit: Some(Fit::Bar { min }),
            ..Column::new(" ", Constraint::Min(min))
        }
    }

    /// A text column that also takes the room nothing else needs.
    pub fn grow(mut self) -> Column {
        if let Some(Fit::Text { grow, .. }) = self.fit.as_mut() {
            *grow = true;
        }
        self
    }

    /// When the room is short, this column keeps `weight` times the cells
    /// of a column of weight 1 (the default).
    pub fn weight(mut self, weight: u16) -> Column {
        if let Some(Fit::Text { weight: w, .. }) = self.fit.as_mut() {
            *w = weight;
        }
        self
    }

    pub fn right(mut self) -> Column {
        self.right = true;
        self
    }
}

/// How wide a column wants to be, for [`allot`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Always this wide (a value of known width).
    Fixed(u16),
    /// Text: as wide as its widest cell in sight, `natural`, and never
    /// narrower than `min` while the line has room for the minimums. When
    /// the room is short, columns give way in proportion to `weight`
    /// (a column of weight 2 keeps twice the cells of one of weight 1);
    /// `grow` takes what is left when there is no bar.
    Text {
        natural: u16,
        min: u16,
        weight: u16,
        grow: bool,
    },
    /// A bar: at least `min`, and whatever the text leaves.
    Bar { min: u16 },
}

/// Column widths for a line `total` cells wide, columns one cell apart.
/// Text gets the room it needs; when there is not room for all of it, each
/// text column gets what it needs up to one level (times its weight), so
/// the widest give way first and a short column is never cut for a long
/// one; bars take what is left (shared equally), or, with no bar, the
/// growing text columns, else the first text column.
pub fn allot(total: u16, wants: &[Want]) -> Vec<u16> {
    let gaps = u16::try_from(wants.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let usable = total.saturating_sub(gaps);
    let mut widths: Vec<u16> = wants
        .iter()
        .map(|w| match *w {
            Want::Fixed(n) => n,
            Want::Text { natural, min, .. } => min.min(natural),
            Want::Bar { min } => min,
        })
        .collect();
    let base: u32 = widths.iter().map(|&w| u32::from(w)).sum();
    let mut spare = u32::from(usable).saturating_sub(base);
    // What each text column still wants above its minimum, and its weight.
    let extra: Vec<(u32, u32)> = wants
        .iter()
        .zip(&widths)
        .map(|(w, &now)| match *w {
            Want::Text {
                natural, weight, ..
            } => (
                u32::from(natural.saturating_sub(now)),
                u32::from(weight.max(1)),
            ),
            _ => (0, 1),
        })
        .collect();
    let wanted: u32 = extra.iter().map(|e| e.0).sum();
    let grant: Vec<u32> = if wanted <= spare {
        extra.iter().map(|e| e.0).collect()
    } else {
        // The highest level the spare room pays for: a column of weight w
        // gets what it wants up to level × w. Found by bisection; the few
        // cells rounding leaves go to the bars.
        let paid = |level: f64| -> u32 {
            extra
                .iter()
                .map(|&(e, w)| e.min((level * f64::from(w)) as u32))
                .sum()
        };
        let (mut lo, mut hi) = (0.0f64, f64::from(wanted) + 1.0);
        for _ in 0..48 {
            let mid = (lo + hi) / 2.0;
            if paid(mid) <= spare {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        extra
            .iter()
            .map(|&(e, w)| e.min((lo * f64::from(w)) as u32))
            .collect()
    };
    for (w, g) in widths.iter_mut().zip(&grant) {
        *w = w.saturating_add(u16::try_from(*g).unwrap_or(u16::MAX));
    }
    spare = spare.saturating_sub(grant.iter().sum());
    // What is left: to the bars, else the growing text, else the first text.
    let all = 0..wants.len();
    let bars: Vec<usize> = all
        .clone()
        .filter(|&i| matches!(wants[i], Want::Bar { .. }))
        .collect();
    let growing: Vec<usize> = all
        .clone()
        .filter(|&i| matches!(wants[i], Want::Text { grow: true, .. }))
        .collect();
    let takers = if !bars.is_empty() {
        bars
    } else if !growing.is_empty() {
        growing
    } else {
        all.clone()
            .find(|&i| matches!(wants[i], Want::Text { .. }))
            .into_iter()
            .collect()
    };
    let n = u32::try_from(takers.len()).unwrap_or(1).max(1);
    for (k, &i) in takers.iter().enumerate() {
        let share = spare / n + u32::from(u32::try_from(k).unwrap_or(0) < spare % n);
        widths[i] = widths[i].saturating_add(u16::try_from(share).unwrap_or(u16::MAX));
    }
    widths
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

/// Widths for columns fitted to the rows in sight: each [`Fit::Text`]
/// column as wide as its widest cell or heading, the others at their
/// fixed length, by [`allot`].
fn fitted_widths(total: u16, columns: &[Column], rows: &[Vec<Content<'_>>]) -> Vec<u16> {
    // Headings whole where the line has room for every one of them.
    let headed = |min: u16, title: &str| min.max(u16::try_from(super::width(title)).unwrap_or(min));
    let wants = wants(columns, rows, headed);
    let needs: u32 = wants
        .iter()
        .map(|w| match *w {
            Want::Fixed(n) | Want::Bar { min: n } => u32::from(n),
            Want::Text { natural, min, .. } => u32::from(natural.min(min)),
        })
        .sum::<u32>()
        + u32::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    if needs <= u32::from(total) {
        return allot(total, &wants);
    }
    allot(total, &self::wants(columns, rows, |min, _| min))
}

/// What each column wants, its text columns' minimums from `min_of`.
fn wants(
    columns: &[Column],
    rows: &[Vec<Content<'_>>],
    min_of: impl Fn(u16, &str) -> u16,
) -> Vec<Want> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| match c.fit {
            Some(Fit::Bar { min }) => Want::Bar { min },
            Some(Fit::Text { min, weight, grow }) => {
                let widest = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|cell| match cell {
                        Content::Text(s, _) => super::width(s),
                        Content::Pair(a, b, _) => super::width(a) + 3 + super::width(b),
                        Content::Bar(..) => 0,
                    })
                    .max()
                    .unwrap_or(0)
                    .max(super::width(&c.title));
                Want::Text {
                    natural: u16::try_from(widest).unwrap_or(u16::MAX),
                    min: min_of(min, &c.title),
                    weight,
                    grow,
                }
            }
            None => match c.constraint {
                Constraint::Length(n) => Want::Fixed(n),
                Constraint::Min(n) => Want::Text {
                    natural: n,
                    min: n,
                    weight: 1,
                    grow: true,
                },
                _ => Want::Text {
                    natural: 1,
                    min: 1,
                    weight: 1,
                    grow: true,
                },
            },
        })
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
    /// The selected row shows every cell in full, wrapped over as many
    /// lines as its longest cell needs (the rows below move down; when the
    /// selection is near the bottom, rows at the top make room).
    pub wrap: bool,
    /// What a popup drawn next clears: cells wholly inside it are not
    /// drawn, since they would never be seen.
    pub hidden: Rect,
}

/// Whether `cell` lies wholly inside `hidden`.
fn covered(hidden: Rect, cell: Rect) -> bool {
    !hidden.is_empty() && hidden.intersection(cell) == cell
}

/// The text of a cell, joined where it is a pair, or `None` for a bar.
fn cell_text<'s>(content: &'s Content<'_>, joined: &'s mut String) -> Option<&'s str> {
    match content {
        Content::Text(s, _) => Some(s),
        Content::Pair(a, b, _) => {
            joined.clear();
            joined.push_str(a);
            joined.push_str(" · ");
            joined.push_str(b);
            Some(joined)
        }
        Content::Bar(..) => None,
    }
}

/// Each cell of a row wrapped to its column's width: one string per line.
fn wrapped_cells(cells: &[Content<'_>], widths: &[u16]) -> Vec<Vec<String>> {
    let mut joined = String::new();
    cells
        .iter()
        .zip(widths)
        .map(|(c, &w)| match cell_text(c, &mut joined) {
            Some(s) if super::width(s) > usize::from(w) && w > 0 => {
                super::wrap(&[ratatui::text::Line::raw(s.to_string())], w)
                    .iter()
                    .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                    .collect()
            }
            Some(s) => vec![s.to_string()],
            None => Vec::new(),
        })
        .collect()
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
        wrap,
        hidden,
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
    let widths = if columns.iter().any(|c| c.fit.is_some()) {
        fitted_widths(inner.width, columns, &rows)
    } else {
        column_widths(area, columns)
    };
    let spans = column_spans(inner, &widths);
    let cell = |(x, w): (u16, u16), y: u16| Rect::new(inner.x.saturating_add(x), y, w, 1);

    // The header: one style over the row, then the titles.
    buf.set_style(Rect { height: 1, ..inner }, theme.title);
    for (col, (&w, &span)) in columns.iter().zip(widths.iter().zip(&spans)) {
        let area = cell(span, inner.y);
        if covered(hidden, area) {
            continue;
        }
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
    let height = usize::from(body.height);
    // Wrapping: the selected row's cells, line by line, the lines it takes
    // beyond its own, and the rows skipped at the top to keep it in sight.
    let unfolded = match (wrap, selected) {
        (true, Some(s)) => rows.get(s).map(|cells| (s, wrapped_cells(cells, &widths))),
        _ => None,
    };
    let extra = unfolded.as_ref().map_or(0, |(_, cells)| {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        lines.saturating_sub(1).min(height.saturating_sub(1))
    });
    let skip = unfolded
        .as_ref()
        .map_or(0, |&(s, _)| (s + 1 + extra).saturating_sub(height));
    // Where a `Content::Pair` is joined, reused from cell to cell.
    let mut joined = String::new();
    for (i, cells) in rows.into_iter().enumerate().skip(skip) {
        let is_selected = Some(i) == selected;
        let line = i - skip
            + if selected.is_some_and(|s| i > s) {
                extra
            } else {
                0
            };
        if line >= height {
            break;
        }
        let y = body.y + u16::try_from(line).unwrap_or(u16::MAX);
        let lines = if is_selected { 1 + extra } else { 1 };
        if is_selected {
            buf.set_style(
                Rect {
                    y,
                    height: u16::try_from(lines).unwrap_or(1),
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
        for (k, (content, (col, (&w, &span)))) in cells.into_iter().zip(laid).enumerate() {
            let area = cell(span, y);
            let w = usize::from(w);
            let wrapped = unfolded
                .as_ref()
                .filter(|_| is_selected && extra > 0)
                .and_then(|(_, cells)| cells.get(k))
                .filter(|lines| lines.len() > 1);
            if let (Some(lines), Content::Text(_, style) | Content::Pair(_, _, style)) =
                (wrapped, &content)
            {
                for (dy, text) in (0u16..).zip(lines.iter().take(extra + 1)) {
                    let at = cell(span, y + dy);
                    if covered(hidden, at) {
                        continue;
                    }
                    padded(buf, at, text, w, col.right, chosen(*style));
                }
                continue;
            }
            if covered(hidden, area) {
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_popup_clears_are_not_drawn_and_nothing_else_changes() {
        let theme = Theme::DARK;
        let labels = [
            "复工率 · Work resumption rate",
            "a",
            "中文中文中文中文中文中文中文中文中文",
            "Shufang Township Party-building alliance",
            "",
        ];
        let rows = || -> Vec<Vec<Content<'static>>> {
            (0..30)
                .map(|i| {
                    vec![
                        Content::Text(labels[i % labels.len()].into(), Style::default()),
                        Content::Bar((i % 7) as f64 / 6.0, None),
                        Content::Pair("江西", "Jiangxi", theme.muted),
                        Content::Text(format!("{i}").into(), theme.figure),
                    ]
                })
                .collect()
        };
        let columns = [
            Column::text("what", 4).grow(),
            Column::bar(5),
            Column::text("where", 4),
            Column::new("n", Constraint::Length(3)).right(),
        ];
        let area = Rect::new(0, 0, 70, 20);
        for hidden in [
            Rect::new(10, 3, 40, 10),
            Rect::new(0, 0, 70, 20),
            Rect::new(21, 0, 7, 1),
            Rect::new(33, 5, 1, 14),
            Rect::new(60, 2, 30, 30),
        ] {
            for (selected, wrap) in [(None, false), (Some(4), false), (Some(2), true)] {
                let draw = |skip: Rect| {
                    let mut buf = Buffer::empty(area);
                    let body = Body {
                        rows: rows(),
                        selected,
                        empty: "",
                        wrap,
                        hidden: skip,
                    };
                    table(
                        area,
                        &mut buf,
                        Boxed::new("t".into(), theme.border),
                        &columns,
                        body,
                        &theme,
                    );
                    super::super::clear(&mut buf, hidden, theme.base);
                    buf
                };
                let (skipped, drawn) = (draw(hidden), draw(Rect::default()));
                assert_eq!(skipped, drawn, "{hidden:?} {selected:?} {wrap}");
            }
        }
    }

    fn text(natural: u16, min: u16) -> Want {
        Want::Text {
            natural,
            min,
            weight: 1,
            grow: false,
        }
    }

    #[test]
    fn text_gets_what_it_needs_and_the_bar_the_rest() {
        let w = allot(
            80,
            &[
                text(20, 8),
                Want::Bar { min: 10 },
                Want::Fixed(6),
                text(7, 3),
            ],
        );
        assert_eq!(w, vec![20, 44, 6, 7]);
        assert_eq!(w.iter().sum::<u16>() + 3, 80);
    }

    #[test]
    fn the_widest_column_gives_way_first() {
        // 30 cells of text room for a 40-cell label and a 9-cell n/N: the
        // short column stays whole.
        let w = allot(44, &[text(40, 8), Want::Bar { min: 4 }, text(9, 3)]);
        assert_eq!(w, vec![29, 4, 9]);
    }

    #[test]
    fn weights_share_a_short_line() {
        // 40 cells of room above the minimums for two columns that want
        // 100: the heavier keeps twice as many (26 and 13), and the cell
        // rounding leaves goes to the first.
        let heavy = Want::Text {
            natural: 104,
            min: 4,
            weight: 2,
            grow: false,
        };
        let w = allot(49, &[heavy, text(104, 4)]);
        assert_eq!(w, vec![4 + 26 + 1, 4 + 13]);
    }

    #[test]
    fn minimums_hold_while_there_is_room_for_them() {
        let w = allot(20, &[text(40, 8), text(40, 8)]);
        // 19 cells for two columns of at least 8: both keep 8 and share the
        // rest.
        assert_eq!(w, vec![10, 9]);
    }

    #[test]
    fn with_no_bar_the_first_text_column_takes_the_rest() {
        let w = allot(50, &[text(10, 4), text(5, 4)]);
        assert_eq!(w, vec![44, 5]);
        let grows = Want::Text {
            natural: 5,
            min: 4,
            weight: 1,
            grow: true,
        };
        assert_eq!(allot(50, &[text(10, 4), grows]), vec![10, 39]);
    }

    #[test]
    fn never_more_than_the_line() {
        for total in 0..120u16 {
            for natural in [0u16, 3, 17, 60] {
                let wants = [
                    text(natural, 6),
                    Want::Bar { min: 4 },
                    Want::Fixed(5),
                    text(natural / 2, 2),
                ];
                let w = allot(total, &wants);
                let sum: u16 = w.iter().sum::<u16>() + 3;
                let mins: u16 = 6.min(natural) + 4 + 5 + 2.min(natural / 2) + 3;
                if total >= mins {
                    assert_eq!(sum, total, "{total} {natural}: {w:?}");
                } else {
                    assert_eq!(sum, mins, "{total} {natural}: {w:?}");
                }
            }
        }
    }
}
