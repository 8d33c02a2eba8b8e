//! Checks: every consistency check the loader ran, with inputs and outcome,
//! and every derived value with its formula.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::block;
use super::text::{Body, Column, Content, table, table_body};
use crate::app::{App, Panel};
use crate::data::Lang;

pub fn list_area(body: Rect) -> Rect {
    table_body(super::table_over_box(body)[0])
}

fn columns(lang: Lang) -> [Column; 4] {
    [
        Column::new(" ", Constraint::Length(1)),
        Column::new(lang.pick("类型", "kind"), Constraint::Length(9)),
        Column::new(lang.pick("对象", "record"), Constraint::Fill(2)),
        Column::new(lang.pick("计算", "computation"), Constraint::Fill(3)),
    ]
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lang = app.lang;
    let p = lang.prose();
    let [list, below] = super::table_over_box(body);
    let view = app.view(Panel::Checks);
    let checks = &app.data.checks;
    let h = usize::from(table_body(list).height);
    let rows = view
        .visible(h)
        .map(|i| {
            let c = &checks[i];
            let (sym, style) = if c.passed {
                ("✓", t.pass)
            } else {
                ("✗", t.fail)
            };
            let subject = app
                .label_of_id(&c.subject)
                .map_or_else(|| c.subject.clone(), |l| l.get(lang).into_owned());
            vec![
                Content::Text(sym.to_string(), style),
                Content::from(c.kind.label().get(p).into_owned()),
                Content::from(subject),
                Content::Text(c.formula.get(p).into_owned(), t.muted),
            ]
        })
        .collect();
    // A loaded dataset passed every check (a failure makes it invalid), so
    // there is nothing to count per frame.
    let passed = checks.len();
    let title = format!(
        " {} {passed}/{} ✓ ({}) ",
        p.pick("一致性核对", "Consistency checks"),
        checks.len(),
        view.rows.len()
    );
    table(
        list,
        buf,
        block(title, t),
        &columns(lang),
        Body::of(rows, view, app.lang),
        t,
    );

    // The selection's computation and inputs.
    let b = block(format!(" {} ", p.pick("输入", "Inputs")), t);
    let inner = b.inner(below);
    b.render(below, buf);
    let mut lines = Vec::new();
    if let Some(c) = view.selected_row().map(|i| &checks[i]) {
        lines.push(Line::from(vec![
            Span::styled(
                if c.passed { "✓ " } else { "✗ " },
                if c.passed { t.pass } else { t.fail },
            ),
            Span::styled(c.formula.get(p).into_owned(), t.base),
        ]));
        for id in &c.inputs {
            let label = app
                .label_of_id(id)
                .map(|l| l.get(lang).into_owned())
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("  ← {id}  "), t.muted),
                Span::styled(label, t.base),
            ]));
        }
    }
    super::wrapped(
        &lines,
        p.pick("↓ 回车查看全部", "↓ Enter shows all"),
        t,
        inner,
        buf,
    );
}
