//! The time axis, drawn to scale, shared by the Overview and the Timeline.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use time::{Date, Month};

use super::widgets::block;
use crate::app::App;
use crate::content::{as_of_text, mark};
use crate::data::Lang;
use crate::panel::Panel;
use crate::text::{self, fit, width};

/// The span of the axis: the earliest and latest calendar dates.
fn span(app: &App) -> Option<(Date, Date)> {
    let dates = app.timeline_dates();
    Some((*dates.first()?, *dates.last()?))
}

/// The axis in a bordered block; `selected` (an event index) is marked.
pub fn render(app: &App, area: Rect, selected: Option<usize>, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang().prose();
    let b = block(format!(" {} ", lang.pick("时间轴", "Time axis")), t);
    let inner = b.inner(area);
    b.render(area, buf);
    let ds = &app.data().dataset;
    let Some((first, last)) = span(app) else {
        let why = if ds.events.is_empty() {
            app.empty_note(Panel::Timeline)
        } else {
            lang.pick("没有带日期的事件", "no dated events")
        };
        buf.set_stringn(inner.x, inner.y, why, usize::from(inner.width), t.muted);
        return;
    };
    let dates = app.timeline_dates();
    let undated = app.timeline().len() - dates.len();
    let slot = if undated > 0 { 4 } else { 0 };
    let w = inner.width.saturating_sub(slot);
    if w < 4 || inner.height == 0 {
        return;
    }
    let days = (last - first).whole_days().max(1);
    let col = |d: Date| -> u16 {
        let x = (d - first).whole_days().clamp(0, days) * i64::from(w - 1) / days;
        u16::try_from(x).unwrap_or(0)
    };
    // The dated events, sorted: the events at column c are a contiguous run,
    // those less than ceil((c + 1) * days / (w - 1)) days after the first
    // (where `col` reaches c + 1). One binary search per column, on what
    // is left of the run, over the packed dates (not each event's).
    let dated = &app.timeline()[..dates.len()];
    let span = i64::from(w - 1);
    let y = inner.y;
    let ctx = app.ctx();
    // The selection's column, if it is dated: found once, not by scanning
    // each column's events.
    let selected_col = selected.and_then(|s| ds.events.get(s)?.when.date).map(col);
    let mut start = 0;
    for c in 0..w {
        let next = (i64::from(c) + 1) * days;
        let limit = next / span + i64::from(next % span != 0);
        // Compared as dates: the day `limit` days after the first.
        let end = match first.checked_add(time::Duration::days(limit)) {
            Some(bound) => start + dates[start..].partition_point(|&d| d < bound),
            None => dated.len(),
        };
        let here = &dated[start..end];
        start = end;
        let Some(&head) = here.first() else {
            continue;
        };
        let shown = match selected {
            Some(s) if selected_col == Some(c) => s,
            _ => head,
        };
        let e = &ds.events[shown];
        let (sym, style) = mark(e, ctx.status(e), t);
        let style = if Some(shown) == selected {
            t.selected
        } else {
            style
        };
        mark_cell(buf, inner.x + c, y, sym, style);
    }
    if slot > 0 {
        buf.set_string(inner.x + w, y, " ┊", t.muted);
        if let Some(&i) = app.timeline().last() {
            let e = &ds.events[i];
            let (sym, style) = mark(e, app.ctx().status(e), t);
            let style = if Some(i) == selected && ds.events[i].when.date.is_none() {
                t.selected
            } else {
                style
            };
            buf.set_string(inner.x + w + 2, y, sym, style);
        }
    }
    // Baseline with a tick at each month's start, and month names under it.
    if inner.height < 3 {
        return;
    }
    for x in inner.x..inner.x + w {
        mark_cell(buf, x, y + 1, "─", t.border);
    }
    // Ticks at month starts, every `step` months so that there are at most
    // about a quarter as many as columns: a span of centuries costs no more
    // than a span of months. Whole years are labelled by year alone.
    let first_month = i64::from(first.year()) * 12 + i64::from(u8::from(first.month())) - 1;
    let last_month = i64::from(last.year()) * 12 + i64::from(u8::from(last.month())) - 1;
    let span_months = last_month - first_month + 1;
    let mut step = (span_months * 4 / i64::from(w).max(1)).max(1);
    if step > 12 {
        step = (step + 11) / 12 * 12;
    }
    let mut free_from = 0u16;
    let mut m = if step >= 12 {
        // Start at a January.
        first_month + (12 - first_month.rem_euclid(12)) % 12
    } else {
        first_month
    };
    while m <= last_month {
        let (year, month) = (m.div_euclid(12), m.rem_euclid(12) + 1);
        let start = i32::try_from(year)
            .ok()
            .and_then(|y| {
                Month::try_from(u8::try_from(month).ok()?)
                    .ok()
                    .map(|mo| (y, mo))
            })
            .and_then(|(y, mo)| Date::from_calendar_date(y, mo, 1).ok());
        if let Some(start) = start.filter(|d| *d >= first) {
            let x = col(start);
            mark_cell(buf, inner.x + x, y + 1, "┼", t.border);
            let name = if step >= 12 {
                format!("{year}")
            } else if lang == Lang::Zh {
                if month == 1 || free_from == 0 {
                    format!("{year}年{month}月")
                } else {
                    format!("{month}月")
                }
            } else {
                let short = &format!("{}", start.month())[..3];
                if month == 1 || free_from == 0 {
                    format!("{short} {year}")
                } else {
                    short.to_string()
                }
            };
            let nw = u16::try_from(width(&name)).unwrap_or(0);
            if x >= free_from && x + nw <= w {
                buf.set_string(inner.x + x, y + 2, &name, t.muted);
                free_from = x + nw + 1;
            }
        }
        m += step;
    }
    // The as-of date on the baseline: everything right of it is later.
    if let Some(d) = app.as_of() {
        let x = if d < first {
            0
        } else if d > last {
            w - 1
        } else {
            col(d)
        };
        buf.set_string(inner.x + x, y + 1, as_of_mark(d, first, last), t.as_of);
    }
    if slot > 0
        && let Some(&i) = app.timeline().last()
    {
        // The slot past the axis holds what has no calendar date.
        let name = match ds.events[i].when.precision {
            crate::data::Precision::Winter => lang.pick("冬", "win"),
            _ => lang.pick("无期", "n.d."),
        };
        buf.set_string(inner.x + w + 1, y + 2, fit(name, 3), t.muted);
    }
    // The selected event under its mark.
    if inner.height >= 4
        && let Some(s) = selected
    {
        let e = &ds.events[s];
        let x = e.when.date.map_or(w + 2, col);
        let text = format!("{} {}", e.when.describe(lang), e.label.get(app.lang()));
        let tw = u16::try_from(width(&text)).unwrap_or(u16::MAX);
        let room = inner.width;
        // Put the text right of the pointer when it fits or when there is
        // more room on the right, else left of it; cut to fit either way.
        let right_room = room.saturating_sub(x + 2);
        let line = if x + 2 + tw <= room || right_room >= x {
            Line::from(vec![
                Span::raw(" ".repeat(usize::from(x))),
                Span::styled("▲ ", t.accent),
                Span::styled(fit(&text, usize::from(right_room)), t.base),
            ])
        } else {
            let avail = usize::from(x);
            let text = fit(&text, avail.saturating_sub(1));
            let pad = avail.saturating_sub(width(&text) + 1);
            Line::from(vec![
                Span::raw(" ".repeat(pad)),
                Span::styled(text, t.base),
                Span::raw(" "),
                Span::styled("▲", t.accent),
            ])
        };
        text::line(buf, Rect::new(inner.x, y + 3, inner.width, 1), &line);
    }
    // Legend: symbol and word, never colour alone. It takes the pointer's
    // line when there is no selection to point at.
    if inner.height >= 5 || (inner.height == 4 && selected.is_none()) {
        let mut legend = Line::from(vec![
            Span::styled("● ", t.done),
            Span::styled(lang.pick("已完成  ", "done  "), t.muted),
            Span::styled("○ ", t.planned),
            Span::styled(lang.pick("计划  ", "planned  "), t.muted),
            Span::styled("◆ ", t.derived),
            Span::styled(lang.pick("推算", "derived"), t.muted),
            Span::styled(
                format!(
                    "   {} → {}  ",
                    crate::fmt::date(first, lang.prose() == Lang::Zh),
                    crate::fmt::date(last, lang.prose() == Lang::Zh)
                ),
                t.muted,
            ),
        ]);
        if let Some(d) = app.as_of() {
            legend.push_span(Span::styled(as_of_mark(d, first, last), t.as_of));
            legend.push_span(Span::styled(format!(" {}", as_of_text(d, lang)), t.muted));
        }
        // Too wide: the span of dates goes (the axis's labels say it), so
        // the as-of date is never cut.
        if legend.width() > usize::from(inner.width) && legend.spans.len() > 6 {
            legend.spans.remove(6);
            legend.spans.insert(6, Span::raw("   "));
        }
        text::line(
            buf,
            Rect::new(inner.x, y + inner.height - 1, inner.width, 1),
            &legend,
        );
    }
}

/// How the axis marks the as-of date: on it, or before or after its span.
fn as_of_mark(d: Date, first: Date, last: Date) -> &'static str {
    if d < first {
        "◂"
    } else if d > last {
        "▸"
    } else {
        "┃"
    }
}

/// One one-cell symbol, as `set_string` would write it, without segmenting
/// it into glyphs first: the axis writes one per column.
fn mark_cell(buf: &mut Buffer, x: u16, y: u16, sym: &str, style: Style) {
    if let Some(c) = buf.cell_mut((x, y)) {
        c.set_symbol(sym).set_style(style);
    }
}
