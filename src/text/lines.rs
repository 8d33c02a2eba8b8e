//! Styled lines written straight into the buffer: what ratatui's `Line`
//! and `Paragraph` draw, cell for cell, without their per-glyph iterators.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::cells;
use super::paint::{Pen, fill_style, indent};
use super::width::{each_glyph, printable_ascii};

/// How wide ratatui takes a span to be when it places the next one: by
/// unicode-width, which may differ from what its glyphs fill (ｶﾞ).
fn span_width(s: &str) -> usize {
    if printable_ascii(s) {
        s.len()
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// Draws `line` into the first row of `area` as `Line::render` does.
pub fn line(buf: &mut Buffer, area: Rect, line: &Line<'_>) {
    if matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
        line.render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let area = Rect { height: 1, ..area };
    let widths = line.spans.iter().map(|s| span_width(&s.content));
    if widths.sum::<usize>() == 0 {
        return;
    }
    fill_style(buf, area, line.style);
    // Each span from where the one before it ends; a span of no width is
    // not drawn at all.
    let mut rest = area;
    for span in &line.spans {
        let sw = span_width(&span.content);
        if sw == 0 {
            continue;
        }
        if rest.is_empty() {
            break;
        }
        if let Some(mut pen) = Pen::new(buf, rest) {
            pen.text(&span.content, span.style);
        }
        rest = indent(rest, sw);
    }
}

/// Draws `lines` into `area` as `Paragraph::new(lines).scroll((scroll, 0))`
/// does: a line to a row, cut at the right edge, glyphs wider than the
/// area skipped, the cells under a wide glyph left as they were.
pub fn paragraph(buf: &mut Buffer, area: Rect, lines: &[Line<'_>], scroll: u16) {
    if lines
        .iter()
        .any(|l| matches!(l.alignment, Some(Alignment::Center | Alignment::Right)))
    {
        Paragraph::new(lines.to_vec())
            .scroll((scroll, 0))
            .render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let max = usize::from(area.width);
    let stride = usize::from(buf.area.width);
    let shown = lines.iter().skip(usize::from(scroll));
    for (y, line) in (area.top()..area.bottom()).zip(shown) {
        let start = usize::from(y - buf.area.y) * stride + usize::from(area.x - buf.area.x);
        let Some(row) = buf.content.get_mut(start..start + max) else {
            return;
        };
        let mut used = 0;
        let mut open = true;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            each_glyph(&span.content, |_, g, w| {
                if w > max || g.contains(char::is_control) {
                    return true;
                }
                if used + w > max {
                    open = false;
                    return false;
                }
                if w > 0
                    && let Some(cell) = row.get_mut(used)
                {
                    cells::put(cell, g, style);
                }
                used += w;
                true
            });
            if !open {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    fn texts() -> Vec<&'static str> {
        vec![
            "",
            "abc",
            " 复工 fugong │ 荣昌 ",
            "荣昌高新区复工率 · Work resumption rate",
            "café au lait",
            "e\u{301}te\u{301}",
            "\u{301}中",
            "复\u{301}工",
            "ｶﾞｷﾞ ｶﾞ",
            "1️⃣ 人 👩‍🔬",
            "a\u{7}b\tc\r\n",
            "全角，标点。“引号”",
            "\u{200b}",
        ]
    }

    /// Lines of one to three spans of the texts, in a few styles.
    fn lines() -> Vec<Line<'static>> {
        let t = texts();
        let styles = [
            Style::default(),
            Style::new().fg(Color::Cyan),
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
        ];
        let mut out = Vec::new();
        for (i, a) in t.iter().enumerate() {
            for (j, b) in t.iter().enumerate().step_by(3) {
                let sa = styles[i % 3];
                let sb = styles[(i + j) % 3];
                out.push(Line::from(vec![Span::styled(*a, sa), Span::styled(*b, sb)]));
                out.push(
                    Line::from(vec![
                        Span::styled(*b, sb),
                        Span::raw(" "),
                        Span::styled(*a, sa),
                    ])
                    .style(styles[j % 3]),
                );
            }
            out.push(Line::from(*a));
        }
        out
    }

    /// A buffer that already holds something, as a frame being drawn does.
    fn base(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (i, c) in buf.content.iter_mut().enumerate() {
            if i % 3 == 0 {
                c.set_symbol("x").set_style(Style::new().fg(Color::Red));
            }
        }
        buf
    }

    #[test]
    fn a_line_draws_what_ratatui_draws() {
        let whole = Rect::new(0, 0, 30, 2);
        for l in lines() {
            for (x, w) in [(0, 30), (2, 9), (5, 4), (29, 1), (3, 0), (28, 6)] {
                let area = Rect::new(x, 1, w, 1);
                let mut ours = base(whole);
                let mut theirs = ours.clone();
                line(&mut ours, area, &l);
                (&l).render(area, &mut theirs);
                assert_eq!(
                    super::super::cells::measured(&ours),
                    theirs,
                    "{l:?} at {area:?}"
                );
            }
        }
    }

    #[test]
    fn a_paragraph_draws_what_ratatui_draws() {
        let all = lines();
        let whole = Rect::new(0, 0, 24, 7);
        for chunk in all.chunks(5) {
            for area in [
                Rect::new(0, 0, 24, 7),
                Rect::new(3, 1, 7, 3),
                Rect::new(1, 2, 2, 4),
                Rect::new(22, 5, 5, 5),
                Rect::new(5, 0, 1, 7),
            ] {
                for scroll in [0, 1, 4, 9] {
                    let mut ours = base(whole);
                    let mut theirs = ours.clone();
                    paragraph(&mut ours, area, chunk, scroll);
                    Paragraph::new(chunk.to_vec())
                        .scroll((scroll, 0))
                        .render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{chunk:?} at {area:?}, scrolled {scroll}");
                }
            }
        }
    }
}
