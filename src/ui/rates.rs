//! Rates: a table of every rate with an inline bar; the selection's gauge and source below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Widget};

use super::{chart, widgets};
use crate::app::App;
use crate::content::{self, field};
use crate::data::Lang;
use crate::data::asof::Status;
use crate::data::series::Kind;
use crate::fmt::percent;
use crate::layout;
use crate::panel::{Panel, SortKey};
use crate::text::{Column, Content, table, table_body};

/// Text columns are as wide as the rows on screen need, the bar has the
/// rest; the date column widens to say "reported 03-25" only when a row on
/// screen needs it.
fn columns(lang: Lang, date_width: u16) -> [Column; 6] {
    [
        Column::text(lang.pick("比率", "rate"), 8).weight(2),
        Column::bar(6),
        Column::new(lang.pick("数值", "value"), Constraint::Length(6)).right(),
        Column::text(lang.pick("分子/分母", "n/N"), 3).right(),
        Column::new(lang.pick("日期", "date"), Constraint::Length(date_width)),
        Column::text(lang.pick("地点/机构", "where / who"), 6),
    ]
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let [list, below] = layout::rates(body, app.shape().charted);
    let view = app.view(Panel::Rates);
    let ctx = app.ctx();
    let ds = &app.data().dataset;
    let h = usize::from(table_body(list).height);
    // Each visible row's date once: it sizes the column and fills it.
    let dates: Vec<(String, bool)> = view
        .visible(h)
        .map(|i| content::dated(&ctx, &ds.rates[i].when))
        .collect();
    let mut cols = columns(
        lang,
        content::date_width(dates.iter().map(|(d, _)| d.as_str())),
    );
    widgets::mark_sorted(
        &mut cols,
        app,
        Panel::Rates,
        &[(SortKey::Label, 0), (SortKey::Value, 2), (SortKey::Date, 4)],
    );
    let rows = view
        .visible(h)
        .zip(dates)
        .map(|(i, (date, later))| {
            let r = &ds.rates[i];
            let place = app
                .data()
                .whereabouts(r.place.as_deref(), r.organisation.as_deref());
            let row = vec![
                widgets::label(&r.label, lang, Style::default()),
                Content::Bar(r.value / 100.0, None),
                Content::Text(percent(r.value).into(), t.figure),
                Content::Text(content::fraction(&ctx, r).into(), t.muted),
                Content::from(date),
                widgets::label_or_blank(place, lang, t.muted),
            ];
            // Reported after the as-of date: greyed, with when it was.
            if later {
                row.into_iter().map(|c| c.restyled(t.later)).collect()
            } else {
                row
            }
        })
        .collect();
    let title = format!(
        " {} ({}) ",
        lang.pick("全部比率", "All rates"),
        view.rows.len()
    );
    table(
        list,
        buf,
        widgets::block(title, t),
        &cols,
        widgets::body(app, Panel::Rates, rows),
        t,
    );

    let Some(r) = view.selected_row().map(|i| &ds.rates[i]) else {
        widgets::empty_box(below, app.empty_note(Panel::Rates), t, buf);
        return;
    };
    let b = widgets::block(format!(" {} ", r.label.get(lang)), t);
    let inner = b.inner(below);
    b.render(below, buf);
    // A series of two points or more: its chart beside the selection.
    let i = view.selected_row().unwrap_or(0);
    let points = app.chart_points(Kind::Rate, i, usize::from(inner.width) * 2);
    let inner = if points.len() > 1 && inner.width >= 50 && inner.height >= 5 {
        let left = (inner.width * 2 / 5).clamp(24, 60);
        let [info, _, plot] = inner.layout(&Layout::horizontal([
            Constraint::Length(left),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        chart::draw(Kind::Rate, &points, app.as_of(), lang, t, plot, buf);
        info
    } else {
        inner
    };
    let [gauge, src] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let frac = content::fraction(&ctx, r);
    let label = if frac.is_empty() {
        percent(r.value)
    } else {
        format!("{} ({frac})", percent(r.value))
    };
    let later = app.chronology().later(&r.when, app.as_of());
    Gauge::default()
        .ratio((r.value / 100.0).clamp(0.0, 1.0))
        .label(Span::styled(
            label,
            if later.is_some() { t.later } else { t.figure },
        ))
        .gauge_style(if later.is_some() {
            t.later
        } else {
            t.gauge_fill
        })
        .use_unicode(true)
        .render(gauge, buf);
    let p = lang.prose();
    let mut lines = vec![field(p.pick("日期", "date"), r.when.describe(p), t)];
    if let Some(k) = later {
        lines.push(Line::styled(Status::Later(k).describe(p), t.later));
    }
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} ¶{}: ", p.pick("出处", "source"), r.source.paragraph),
            t.muted,
        ),
        Span::styled(format!("“{}”", r.source.quote), t.accent),
    ]));
    widgets::wrapped(
        &lines,
        p.pick("↓ 回车查看全部", "↓ Enter shows all"),
        t,
        src,
        buf,
    );
}
