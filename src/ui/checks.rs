//! Checks: every consistency check the loader ran, with inputs and outcome,
//! and every derived value with its formula.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::widgets;
use crate::app::App;
use crate::content;
use crate::data::Lang;
use crate::layout;
use crate::panel::{Panel, SortKey};
use crate::text::{Column, Content, table, table_body};

fn columns(lang: Lang) -> [Column; 4] {
    [
        Column::new(" ", Constraint::Length(1)),
        Column::new(lang.pick("类型", "kind"), Constraint::Length(9)),
        Column::text(lang.pick("对象", "record"), 8),
        Column::text(lang.pick("计算", "computation"), 10)
            .weight(2)
            .grow(),
    ]
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let p = lang.prose();
    let [list, below] = layout::table_over_box(body);
    let view = app.view(Panel::Checks);
    let ctx = app.ctx();
    let checks = &app.data().checks;
    let h = usize::from(table_body(list).height);
    let rows = view
        .visible(h)
        .map(|i| {
            let c = &checks[i];
            let (sym, style) = content::verdict(c.passed, t);
            let subject = ctx
                .label_of(&c.subject)
                .map_or_else(|| c.subject.clone(), |l| l.get(lang).into_owned());
            vec![
                Content::Text(sym.into(), style),
                Content::from(c.kind.label().get(p).into_owned()),
                Content::from(subject),
                Content::Text(c.formula.get(p), t.muted),
            ]
        })
        .collect();
    // A loaded dataset passed every check (a failure makes it invalid), so
    // there is nothing to count per frame.
    let passed = checks.len();
    // The quotes were checked against the text too, people's among them.
    let quotes = match (app.data().dataset.source.text.is_some(), p) {
        (false, _) => String::new(),
        (true, Lang::Zh) => {
            let (n, people) = app.data().quote_count();
            format!("· 引文{n}条逐字相符（人物{people}条） ")
        }
        (true, _) => {
            let (n, people) = app.data().quote_count();
            format!("· {n} quotes verbatim ({people} of people) ")
        }
    };
    let title = format!(
        " {} {passed}/{} ✓ ({}) {quotes}",
        p.pick("一致性核对", "Consistency checks"),
        checks.len(),
        view.rows.len()
    );
    table(
        list,
        buf,
        widgets::block(title, t),
        &{
            let mut cols = columns(lang);
            widgets::mark_sorted(
                &mut cols,
                app,
                Panel::Checks,
                &[(SortKey::Status, 0), (SortKey::Kind, 1)],
            );
            cols
        },
        widgets::body(app, Panel::Checks, rows),
        t,
    );

    // The selection's computation and inputs.
    let b = widgets::block(format!(" {} ", p.pick("输入", "Inputs")), t);
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
            let label = ctx
                .label_of(id)
                .map(|l| l.get(lang).into_owned())
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("  ← {id}  "), t.muted),
                Span::styled(label, t.base),
            ]));
        }
    }
    widgets::wrapped(
        &lines,
        p.pick("↓ 回车查看全部", "↓ Enter shows all"),
        t,
        inner,
        buf,
    );
}
