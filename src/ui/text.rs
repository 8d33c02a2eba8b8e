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

impl Content {
    /// The same content in `style`: how a row not yet known on the as-of
    /// date is greyed.
    pub fn restyled(self, style: Style) -> Content {
        match self {
            Content::Text(s, _) => Content::Text(s, style),
            Content::Spans(spans) => {
                Content::Spans(spans.into_iter().map(|sp| sp.style(style)).collect())
            }
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
    let widths = column_widths(area, columns);
    let header = Row::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| Cell::from(pad(&c.title, usize::from(w), c.right))),
    )
    .style(theme.title);
    let body = rows.into_iter().enumerate().map(|(i, cells)| {
        // On the selected row the selection's colours win over the cells'
        // own, so nothing is, say, white on light cyan.
        let chosen = |style: Style| {
            if Some(i) == selected {
                style.patch(theme.selected)
            } else {
                style
            }
        };
        let row = Row::new(cells.into_iter().zip(columns.iter().zip(&widths)).map(
            |(content, (col, &w))| {
                match content {
                    Content::Text(s, style) => Cell::from(Span::styled(
                        pad(&s, usize::from(w), col.right),
                        chosen(style),
                    )),
                    Content::Spans(spans) => Cell::from(Line::from(
                        spans
                            .into_iter()
                            .map(|sp| {
                                let st = chosen(sp.style);
                                sp.style(st)
                            })
                            .collect::<Vec<_>>(),
                    )),
                }
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
    for line in lines {
        // The line as (grapheme, style) pairs, grouped into unbreakable units.
        let mut units: Vec<Vec<(String, Style)>> = Vec::new();
        let mut prev = String::new();
        let mut glue_next = false;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            for g in span.content.graphemes(true) {
                let space = g.chars().all(char::is_whitespace);
                let attach =
                    !space && !units.is_empty() && (glue_next || closes(g) || joins(&prev, g));
                if attach {
                    if let Some(u) = units.last_mut() {
                        u.push((g.to_string(), style));
                    }
                } else {
                    units.push(vec![(g.to_string(), style)]);
                }
                glue_next = opens(g);
                prev = g.to_string();
            }
        }
        if units.is_empty() || width == 0 {
            out.push(Line::default());
            continue;
        }
        let mut current: Vec<(String, Style)> = Vec::new();
        let mut used = 0;
        let flush = |current: &mut Vec<(String, Style)>, out: &mut Vec<Line<'static>>| {
            // Trailing spaces are not shown.
            while current.last().is_some_and(|(g, _)| g.trim().is_empty()) {
                current.pop();
            }
            out.push(to_line(std::mem::take(current)));
        };
        for unit in units {
            let uw: usize = unit.iter().map(|(g, _)| g.width()).sum();
            let is_space = unit.iter().all(|(g, _)| g.trim().is_empty());
            if used + uw > width && used > 0 {
                flush(&mut current, &mut out);
                used = 0;
                if is_space {
                    continue;
                }
            }
            if uw <= width {
                used += uw;
                current.extend(unit);
                continue;
            }
            // A unit wider than a whole line: split it by glyph.
            for (g, st) in unit {
                let gw = g.width();
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
fn to_line(cells: Vec<(String, Style)>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style: Option<Style> = None;
    for (g, st) in cells {
        if style.is_some_and(|s| s != st) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(st);
        text.push_str(&g);
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
