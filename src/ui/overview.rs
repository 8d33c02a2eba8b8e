//! Overview: a gauge for every rate, the headline counts, a strip of the timeline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::text::{Strip, fit};
use super::{block, timeline};
use crate::app::{App, Panel};
use crate::data::Lang;
use crate::fmt::percent;

/// Width of one headline figure's box.
const FIGURE_W: u16 = 20;

/// Gauges get a line per rate and the headline figures the rows they need,
/// each up to what leaves room for the rest; the timeline strip takes the
/// remainder, and lists events under its axis when it has room.
fn split(body: Rect, app: &App) -> [Rect; 4] {
    let rates = u16::try_from(app.view(Panel::Overview).rows.len()).unwrap_or(u16::MAX);
    let gauges = rates
        .saturating_add(2)
        .clamp(3, body.height.saturating_sub(10).max(3));
    let per_row = (body.width.saturating_sub(2) / FIGURE_W).max(1);
    let n = u16::try_from(app.headline.len()).unwrap_or(u16::MAX);
    let figure_rows = n.div_ceil(per_row).max(1);
    let figures = (figure_rows * 3 + 1)
        .min(body.height.saturating_sub(gauges + 6))
        .max(4);
    body.layout(&Layout::vertical([
        Constraint::Length(gauges),
        Constraint::Length(figures),
        Constraint::Length(6),
        Constraint::Fill(1),
    ]))
}

pub fn list_area(body: Rect, app: &App) -> Rect {
    split(body, app)[0].inner(ratatui::layout::Margin::new(1, 1))
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let [gauges, counts, strip, events] = split(body, app);
    let view = app.view(Panel::Overview);

    // Gauges, one line each: label, bar, value, numerator/denominator, date.
    let title = format!(" {} ({}) ", lang.pick("比率", "Rates"), view.rows.len());
    let b = block(title, t);
    let inner = b.inner(gauges);
    b.render(gauges, buf);
    let w = usize::from(inner.width);
    let (vw, fw, dw) = (6, 11, if w >= 90 { 10 } else { 5 });
    let lw = (w * 2 / 5).clamp(8, 48);
    let bw = w.saturating_sub(lw + vw + fw + dw + 4).max(1);
    let ds = &app.data.dataset;
    if view.rows.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&nothing_yet(app, true), w),
            w,
            t.muted,
        );
    }
    for (line_no, (i, &row)) in view
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let r = &ds.rates[row];
        let frac = super::rates::fraction(app, r);
        let date = r.when.short();
        let date = if dw < 10 {
            date.get(5..).unwrap_or(&date).to_string()
        } else {
            date
        };
        let selected = i == view.selected;
        let label_style = if selected { t.selected } else { t.base };
        let y = inner.y + u16::try_from(line_no).unwrap_or(0);
        Strip::new(buf, Rect::new(inner.x, y, inner.width, 1))
            .text(&r.label.get(lang), lw, false, label_style)
            .text(" ", 1, false, Style::default())
            .bar(r.value / 100.0, bw, t)
            .text(&percent(r.value), vw + 1, true, t.figure)
            .text(&frac, fw + 1, true, t.muted)
            .text(&date, dw + 1, true, t.muted);
    }

    // Headline counts as large figures.
    let b = block(
        format!(" {} ", lang.pick("主要数字", "Headline figures")),
        t,
    );
    let inner = b.inner(counts);
    b.render(counts, buf);
    // Boxes of equal width, in rows of three lines: figure, label, gap.
    let cw = FIGURE_W;
    let per_row = (inner.width / cw).max(1);
    let rows = (inner.height + 1) / 3;
    let counts = &app.data.dataset.counts;
    if app.headline.is_empty() {
        let w = usize::from(inner.width);
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&nothing_yet(app, false), w),
            w,
            t.muted,
        );
    }
    for (k, c) in app
        .headline
        .iter()
        .map(|&i| &counts[i])
        .take(usize::from(per_row * rows))
        .enumerate()
    {
        let k = u16::try_from(k).unwrap_or(0);
        let x = inner.x + (k % per_row) * cw;
        let y = inner.y + (k / per_row) * 3;
        let w = usize::from(cw.min(inner.width) - 1);
        // Chinese reads the article's figure (2.3万多个); in both languages
        // the English label takes the line under the Chinese one.
        let value = match lang {
            Lang::En => c.shown(Lang::En),
            _ => crate::cite::zh_count(c),
        };
        buf.set_string(x, y, fit(&value, w), t.figure);
        let labels: &[&str] = match lang {
            Lang::Zh => &[&c.label.zh],
            Lang::En => &[&c.label.en],
            Lang::Both => &[&c.label.zh, &c.label.en],
        };
        for (dy, label) in (1..).zip(labels) {
            if y + dy < inner.bottom() {
                buf.set_string(x, y + dy, fit(label, w), t.muted);
            }
        }
    }

    // The timeline strip, and the events in date order under it.
    timeline::render_axis(app, strip, None, buf);
    if events.height >= 4 {
        let title = format!(" {} ", lang.pick("事件与里程碑", "Events and milestones"));
        timeline::render_list(app, events, title, app.timeline.iter().copied(), None, buf);
    }
}

/// What an empty gauge or figure box says: no match for the filter, or
/// nothing reported yet on the as-of date.
fn nothing_yet(app: &App, filtered: bool) -> String {
    let p = app.lang.prose();
    match app.as_of {
        _ if filtered && !app.view(Panel::Overview).filter.is_empty() => {
            p.pick("没有匹配的行", "no rows match").to_string()
        }
        Some(d) if p == Lang::Zh => format!("尚无报道（{}）", crate::app::as_of_text(d, p)),
        Some(d) => format!("nothing reported yet ({})", crate::app::as_of_text(d, p)),
        None => p.pick("没有数据", "no data").to_string(),
    }
}
