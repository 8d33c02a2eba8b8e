//! Workforce: every count of people, filtered by province and category, and
//! a bar chart of the selected row's category, or, for a count reported on
//! several dates, its series over time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::{chart, widgets};
use crate::app::{App, CategoryFilter};
use crate::content;
use crate::data::Lang;
use crate::data::series::Kind;
use crate::layout;
use crate::panel::{Panel, SortKey};
use crate::text::{Column, Content, Strip, fit, table, table_body};
use crate::theme::Theme;

fn filter_name(f: &CategoryFilter, lang: Lang) -> &str {
    match f {
        CategoryFilter::People => lang.pick("全部人员", "all people"),
        CategoryFilter::One(c) => content::category_name(c, lang),
        CategoryFilter::All => lang.pick("全部数字", "every count"),
    }
}

/// The value column is as wide as the widest value on screen (units are
/// never cut), within limits; the text columns as wide as their cells on
/// screen, the description taking what is left.
fn columns(lang: Lang, value_width: u16, date_width: u16) -> [Column; 5] {
    [
        Column::text(lang.pick("内容", "what"), 8).weight(3).grow(),
        Column::new(
            lang.pick("数值", "value"),
            Constraint::Length(value_width.clamp(8, 26)),
        )
        .right(),
        Column::text(lang.pick("地点", "where"), 4),
        Column::text(lang.pick("机构", "organisation"), 4),
        Column::new(lang.pick("日期", "date"), Constraint::Length(date_width)),
    ]
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let p = lang.prose();
    let [list, side] = layout::workforce(body, app.shape().charted);
    let view = app.view(Panel::Workforce);
    let ds = &app.data().dataset;
    let h = usize::from(table_body(list).height);
    let ctx = app.ctx();
    // Each visible value and date once: they size their columns and fill
    // them.
    let shown: Vec<(String, (String, bool))> = view
        .visible(h)
        .map(|i| {
            (
                ds.counts[i].shown(p),
                content::dated(&ctx, &ds.counts[i].when),
            )
        })
        .collect();
    let value_width = shown
        .iter()
        .map(|(v, _)| crate::text::width(v))
        .max()
        .unwrap_or(0);
    let date_width = content::date_width(shown.iter().map(|(_, (d, _))| d.as_str()));
    let rows = view
        .visible(h)
        .zip(shown)
        .map(|(i, (value, (date, later)))| {
            let c = &ds.counts[i];
            let row = vec![
                widgets::label(&c.label, lang, Style::default()),
                Content::Text(value.into(), t.figure),
                widgets::label_or_blank(app.data().place_text(c.place.as_deref()), lang, t.muted),
                widgets::label_or_blank(
                    app.data().organisation_text(c.organisation.as_deref()),
                    lang,
                    t.muted,
                ),
                Content::from(date),
            ];
            // Reported after the as-of date: greyed, with when it was.
            if later {
                row.into_iter().map(|c| c.restyled(t.later)).collect()
            } else {
                row
            }
        })
        .collect();
    let province = app.province().map_or_else(
        || p.pick("全部省份", "all provinces").to_string(),
        |t| t.get(p).into_owned(),
    );
    let title = format!(
        " {} · {} [c] · {} [p] ({}) ",
        p.pick("人员与数字", "Workforce"),
        filter_name(app.category(), p),
        province,
        view.rows.len()
    );
    table(
        list,
        buf,
        widgets::block(title, t),
        &{
            let mut cols = columns(
                lang,
                u16::try_from(value_width).unwrap_or(u16::MAX),
                date_width,
            );
            widgets::mark_sorted(
                &mut cols,
                app,
                Panel::Workforce,
                &[
                    (SortKey::Label, 0),
                    (SortKey::Value, 1),
                    (SortKey::Place, 2),
                    (SortKey::Date, 4),
                ],
            );
            cols
        },
        widgets::body(app, Panel::Workforce, rows),
        t,
    );

    // The chart: the counts listed near the selected one that share its
    // category and unit (never tonnes beside aircraft), as horizontal bars
    // scaled to the largest shown. Only a bounded stretch of the list around
    // the selection is looked at, so drawing costs what is visible.
    let Some(sel) = view.selected_row().map(|i| &ds.counts[i]) else {
        widgets::empty_box(side, app.empty_note(Panel::Workforce), t, buf);
        return;
    };
    // A count reported on several dates: its series as a line chart.
    let side = if let Some(i) = view.selected_row() {
        let ctx = app.ctx();
        let points = app.chart_points(Kind::Count, i, usize::from(side.width) * 2);
        let all = ctx.data.series.plotted(Kind::Count, i).len();
        if points.len() > 1 && side.height >= 6 {
            // A tall column keeps the category's bars below the chart.
            let (side, rest) = if side.height > 24 {
                let [a, b] = side.layout(&Layout::vertical([
                    Constraint::Length(16),
                    Constraint::Fill(1),
                ]));
                (a, Some(b))
            } else {
                (side, None)
            };
            let b = widgets::block(
                format!(
                    " {} · {} ({}) ",
                    sel.label.get(lang),
                    p.pick("历次报道", "over time"),
                    all
                ),
                t,
            );
            let inner = b.inner(side);
            b.render(side, buf);
            chart::draw(Kind::Count, &points, app.as_of(), lang, t, inner, buf);
            match rest {
                Some(r) => r,
                None => return,
            }
        } else {
            side
        }
    } else {
        side
    };
    // An ordinal (第二批, day 42) is a position, not an amount: no bar.
    if sel.ordinal {
        let why = p.pick(
            "序数（第几批、第几天）表示次序，不是数量：不画条形",
            "an ordinal (batch 2, day 42) is a position, not an amount: no bar",
        );
        let b = widgets::block(String::new(), t);
        let inner = b.inner(side);
        b.render(side, buf);
        widgets::wrapped(
            &[ratatui::text::Line::styled(why, t.muted)],
            "…",
            t,
            inner,
            buf,
        );
        return;
    }
    let height = usize::from(side.height.saturating_sub(2));
    let alike = |i: usize| {
        let c = &ds.counts[i];
        c.category == sel.category && c.unit == sel.unit && !c.ordinal
    };
    const SCAN: usize = 2_000;
    let before: Vec<usize> = view.rows[view.selected.saturating_sub(SCAN)..view.selected]
        .iter()
        .rev()
        .copied()
        .filter(|&i| alike(i))
        .take(height.saturating_sub(1))
        .collect();
    let after: Vec<usize> = view.rows[view.selected + 1..]
        .iter()
        .take(SCAN)
        .copied()
        .filter(|&i| alike(i))
        .take(height.saturating_sub(1))
        .collect();
    // The selection in the middle where both sides have enough.
    let want_before = before.len().min(
        height
            .saturating_sub(1)
            .saturating_sub(after.len())
            .max(height.saturating_sub(1) / 2),
    );
    let mut bars: Vec<usize> = before[..want_before].iter().rev().copied().collect();
    bars.push(view.rows[view.selected]);
    bars.extend(after.iter().take(height.saturating_sub(bars.len())));
    let unit = sel.unit.get(p);
    let b = widgets::block(
        format!(
            " {} · {unit} ({}) ",
            content::category_name(&sel.category, p),
            bars.len()
        ),
        t,
    );
    let inner = b.inner(side);
    b.render(side, buf);
    let max = bars
        .iter()
        .map(|&i| ds.counts[i].value)
        .max()
        .unwrap_or(1)
        .max(1);
    let w = usize::from(inner.width);
    let vw = bars
        .iter()
        .map(|&i| {
            crate::text::width(
                &ds.counts[i]
                    .qualifier
                    .show(ds.counts[i].value, lang.prose()),
            )
        })
        .max()
        .unwrap_or(1)
        .min(w / 3);
    // Labels as wide as the widest in sight, up to half the box; the bars
    // take the rest.
    let label_of = |i: usize| {
        ds.counts[i]
            .label
            .get(if lang == Lang::Both { Lang::Zh } else { lang })
    };
    let lw = bars
        .iter()
        .take(usize::from(inner.height))
        .map(|&i| crate::text::width(&label_of(i)))
        .max()
        .unwrap_or(6)
        .clamp(6, (w / 2).max(6));
    let bw = w.saturating_sub(lw + vw + 2);
    for (n, &i) in bars.iter().take(usize::from(inner.height)).enumerate() {
        let c = &ds.counts[i];
        let style = if Some(i) == view.selected_row() {
            t.selected
        } else {
            t.base
        };
        let value = c.qualifier.show(c.value, lang.prose());
        let label = label_of(i);
        // Reported after the as-of date: greyed, as in the table.
        let (bars, figure, style) = match app.chronology().later(&c.when, app.as_of()) {
            Some(_) => (
                Theme {
                    gauge_fill: t.later,
                    gauge_empty: t.later,
                    ..*t
                },
                t.later,
                if style == t.selected { style } else { t.later },
            ),
            None => (*t, t.figure, style),
        };
        let y = inner.y + u16::try_from(n).unwrap_or(0);
        Strip::new(buf, Rect::new(inner.x, y, inner.width, 1))
            .text(&label, lw, false, style)
            .text(" ", 1, false, Style::default())
            .bar(c.value as f64 / max as f64, bw, &bars)
            .text(&fit(&value, vw), vw + 1, true, figure);
    }
}
