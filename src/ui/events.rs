//! The table of events, shared by the Overview and the Timeline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};

use super::widgets::{self, block};
use crate::app::App;
use crate::content::mark;
use crate::data::Lang;
use crate::data::asof::Status;
use crate::panel::{Panel, SortKey};
use crate::text::{Body, Column, Content, table, table_body, width};

/// The status column is as wide as the widest status on screen ("past due
/// ~3,518 d", "no report after 03-25"), within limits.
fn columns(lang: Lang, status_width: u16) -> [Column; 5] {
    [
        Column::new(" ", Constraint::Length(1)),
        Column::new(lang.pick("日期", "date"), Constraint::Length(21)),
        Column::text(lang.pick("事件", "event"), 8).weight(3).grow(),
        Column::text(lang.pick("地点", "where"), 4),
        Column::new(
            lang.pick("状态", "status"),
            Constraint::Length(status_width.clamp(8, 22)),
        ),
    ]
}

/// A table of events: symbol, date, label, place, status. `events` yields
/// event indices from the first visible row; only what fits is taken.
pub fn render(
    app: &App,
    area: Rect,
    title: String,
    events: impl Iterator<Item = usize>,
    selected: Option<usize>,
    buf: &mut Buffer,
) {
    let t = app.theme();
    let lang = app.lang();
    let ds = &app.data().dataset;
    let h = usize::from(table_body(area).height);
    // Each visible status once: it sizes the column and fills it.
    let ctx = app.ctx();
    let visible: Vec<(usize, Status, String)> = events
        .take(h)
        .map(|i| {
            let s = ctx.status(&ds.events[i]);
            (i, s, s.short(lang.prose()))
        })
        .collect();
    let status_width = visible
        .iter()
        .map(|(_, _, shown)| width(shown))
        .max()
        .unwrap_or(0)
        + 1;
    let rows = visible
        .into_iter()
        .map(|(i, s, shown)| {
            let e = &ds.events[i];
            let (sym, style) = mark(e, s, t);
            // Not yet happened on the as-of date: the whole row is greyed.
            let text = if s.is_later() { t.later } else { t.base };
            let muted = if s.is_later() { t.later } else { t.muted };
            let place = app
                .data()
                .whereabouts(e.place.as_deref(), e.organisation.as_deref());
            vec![
                Content::Text(sym.into(), style),
                Content::Text(e.when.describe(lang.prose()).into(), text),
                widgets::label(&e.label, lang, text),
                widgets::label_or_blank(place, lang, muted),
                Content::Text(shown.into(), style),
            ]
        })
        .collect();
    table(
        area,
        buf,
        block(title, t),
        &{
            let mut cols = columns(lang, u16::try_from(status_width).unwrap_or(u16::MAX));
            // The Timeline's list is sorted; the Overview's box is by date.
            if app.panel() == Panel::Timeline {
                widgets::mark_sorted(
                    &mut cols,
                    app,
                    Panel::Timeline,
                    &[
                        (SortKey::Date, 1),
                        (SortKey::Label, 2),
                        (SortKey::Status, 4),
                    ],
                );
            }
            cols
        },
        Body {
            rows,
            selected,
            empty: app.empty_note(Panel::Timeline),
            // Only a list with a selection unfolds it.
            wrap: selected.is_some() && app.wrap(),
            hidden: app.popup_cleared(),
        },
        t,
    );
}
