//! Projects: the list of projects, and the selected one's card: its
//! milestones as a progress line and its figures.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::widgets;
use crate::app::App;
use crate::content;
use crate::data::RecordRef;
use crate::data::asof::Status;
use crate::layout;
use crate::panel::Panel;
use crate::text::{Column, Content, table, table_body, width};

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let p = lang.prose();
    let [list, card] = layout::projects(body, app.shape().project_names);
    let ctx = app.ctx();
    let view = app.view(Panel::Projects);
    let ds = &app.data().dataset;
    let h = usize::from(table_body(list).height);
    let rows = view
        .visible(h)
        .map(|i| {
            let pr = &ds.projects[i];
            vec![
                widgets::label(&pr.name, lang, Style::default()),
                Content::Text(
                    format!("{}", pr.figures.len() + pr.events.len()).into(),
                    t.muted,
                ),
            ]
        })
        .collect();
    let cols = [
        Column::new(p.pick("项目", "project"), Constraint::Fill(1)),
        Column::new("#", Constraint::Length(2)).right(),
    ];
    let title = format!(" {} ({}) ", p.pick("项目", "Projects"), view.rows.len());
    table(
        list,
        buf,
        widgets::block(title, t),
        &cols,
        widgets::body(app, Panel::Projects, rows),
        t,
    );

    let Some(pr) = view.selected_row().map(|i| &ds.projects[i]) else {
        widgets::empty_box(card, app.empty_note(Panel::Projects), t, buf);
        return;
    };
    let b = widgets::block(format!(" {} ", pr.name.get(lang)), t);
    let inner = b.inner(card);
    b.render(card, buf);
    let mut lines: Vec<Line> = Vec::new();
    let org = app
        .data()
        .organisation_name(pr.organisation.as_deref(), lang);
    if !org.is_empty() {
        lines.push(content::field(p.pick("单位", "organisation"), org, t));
    }
    if let Some(place) = app
        .data()
        .place_of(pr.place.as_deref(), pr.organisation.as_deref())
    {
        lines.push(content::field(p.pick("地点", "place"), place.full(lang), t));
    }
    lines.push(Line::styled(pr.summary.get(lang).into_owned(), t.base));
    lines.extend(content::summary_note(&ctx));
    lines.push(Line::default());

    // Milestones as a progress line: ●──●──○, done ones first in time.
    let events = content::events_of(&ctx, pr);
    if !events.is_empty() {
        let states: Vec<Status> = events.iter().map(|e| ctx.status(e)).collect();
        let done = states
            .iter()
            .filter(|s| matches!(s, Status::Done | Status::Derived))
            .count();
        lines.push(Line::styled(
            format!("{} ({done}/{})", p.pick("进度", "Progress"), events.len()),
            t.title,
        ));
        let mut spans = Vec::new();
        for (k, (e, &s)) in events.iter().zip(&states).enumerate() {
            if k > 0 {
                spans.push(Span::styled("──", t.border));
            }
            let (sym, style) = content::mark(e, s, t);
            spans.push(Span::styled(sym, style));
        }
        lines.push(Line::from(spans));
        // Dates in a column as wide as the widest one.
        let dw = events
            .iter()
            .map(|e| width(&e.when.describe(p)))
            .max()
            .unwrap_or(0);
        let sw = states.iter().map(|s| width(&s.short(p))).max().unwrap_or(0);
        for (e, &s) in events.iter().zip(&states) {
            let (sym, style) = content::mark(e, s, t);
            let text = if s.is_later() { t.later } else { t.base };
            let when = e.when.describe(p);
            // Symbol, date and status first, so a wrapped label never
            // carries them off to the next line.
            lines.push(Line::from(vec![
                Span::styled(format!("{sym} "), style),
                Span::styled(
                    format!("{}{} ", when, " ".repeat(dw - width(&when).min(dw))),
                    t.muted,
                ),
                Span::styled(crate::text::pad(&s.short(p), sw + 1, false), style),
                Span::styled(e.label.get(lang).into_owned(), text),
            ]));
        }
        lines.push(Line::default());
    }
    // The people the article names in the project's story.
    let people = content::people_of(app.data(), pr);
    if !people.is_empty() {
        lines.push(Line::styled(
            format!("{} ({})", p.pick("人物", "People"), people.len()),
            t.title,
        ));
        lines.extend(people.iter().map(|x| content::person_line(x, &ctx)));
        lines.push(Line::default());
    }
    if !pr.figures.is_empty() {
        lines.push(Line::styled(p.pick("数字", "Figures"), t.title));
        // Each figure with when it is reported, if after the as-of date.
        let figures: Vec<RecordRef> = pr
            .figures
            .iter()
            .filter_map(|id| app.data().index.get(id))
            .filter(|r| matches!(r, RecordRef::Rate(_) | RecordRef::Count(_)))
            .collect();
        // Values right-aligned in a column as wide as the widest one.
        let vw = figures
            .iter()
            .filter_map(|&r| content::value_parts(r, &ctx))
            .map(|(v, _, _)| width(&v))
            .max()
            .unwrap_or(0)
            .min(24);
        lines.extend(
            figures
                .iter()
                .filter_map(|&r| content::record_value_line(r, &ctx, vw)),
        );
    }
    widgets::wrapped(
        &lines,
        p.pick("↓ 回车查看全部", "↓ Enter shows all"),
        t,
        inner,
        buf,
    );
}
