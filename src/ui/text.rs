//! Text layout by display width: Chinese glyphs take two cells, and nothing
//! here ever splits one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Theme;

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` cells, ending in "…" when cut; never splits a glyph.
pub fn fit(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
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

/// A bar of `w` cells for `ratio` (clamped to 0..=1): (filled, empty), in eighths.
pub fn bar(ratio: f64, w: usize) -> (String, String) {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (ratio * (w * 8) as f64).round() as usize;
    let full = eighths / 8;
    let rem = eighths % 8;
    let mut filled = "█".repeat(full);
    if rem > 0 && full < w {
        filled.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][rem - 1]);
    }
    let used = full + usize::from(rem > 0 && full < w);
    (filled, "░".repeat(w.saturating_sub(used)))
}

/// A bar as spans in the theme.
pub fn bar_spans(ratio: f64, w: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (f, e) = bar(ratio, w);
    vec![
        Span::styled(f, theme.gauge_fill),
        Span::styled(e, theme.gauge_empty),
    ]
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

/// A cell's content: plain text in a style, or ready-made spans (bars).
pub enum Content {
    Text(String, Style),
    Spans(Vec<Span<'static>>),
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

/// Draws a bordered table of the visible rows only. Text is fitted to each
/// column by display width, so no glyph is split or overlaps the next column.
pub fn table(
    area: Rect,
    buf: &mut Buffer,
    block: Block<'_>,
    columns: &[Column],
    rows: Vec<Vec<Content>>,
    selected: Option<usize>,
    theme: &Theme,
) {
    let widths = column_widths(area, columns);
    let header = Row::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| Cell::from(pad(&c.title, usize::from(w), c.right))),
    )
    .style(theme.title);
    let body = rows.into_iter().enumerate().map(|(i, cells)| {
        let row = Row::new(cells.into_iter().zip(columns.iter().zip(&widths)).map(
            |(content, (col, &w))| match content {
                Content::Text(s, style) => {
                    Cell::from(Span::styled(pad(&s, usize::from(w), col.right), style))
                }
                Content::Spans(spans) => Cell::from(Line::from(spans)),
            },
        ));
        if Some(i) == selected {
            row.style(theme.selected)
        } else {
            row
        }
    });
    Table::new(body, widths.iter().map(|&w| Constraint::Length(w)))
        .header(header)
        .column_spacing(1)
        .block(block)
        .render(area, buf);
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
    fn bars_have_exact_width_and_clamp() {
        for r in [-1.0, 0.0, 0.33, 0.5, 0.999, 1.0, 7.0, f64::NAN] {
            let (f, e) = bar(r, 10);
            assert_eq!(width(&f) + width(&e), 10, "{r}");
        }
        assert_eq!(bar(1.0, 4).0, "████");
        assert_eq!(bar(0.0, 4).1, "░░░░");
    }
}
