//! The `?` overlay, generated from the one keymap table.

use ratatui::text::{Line, Span};

use super::text::pad;
use crate::app::App;
use crate::input::{Context, KEYMAP};

/// The help's lines, from the one keymap table.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let p = app.lang.prose();
    let zh = p == crate::data::Lang::Zh;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (ctx, heading) in [
        (Context::Global, p.pick("按键", "Keys")),
        (
            Context::AsOf,
            p.pick(
                "按日期查看（页眉显示日期）",
                "As of a date (shown in the header)",
            ),
        ),
        (Context::Workforce, p.pick("人员面板", "On Workforce")),
        (Context::Timeline, p.pick("时间线面板", "On Timeline")),
        (
            Context::Filter,
            p.pick("输入筛选时", "While typing a filter"),
        ),
        (Context::Popup, p.pick("弹窗中", "In a popup")),
        (Context::Detail, p.pick("详情中", "In a detail")),
    ] {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading, t.title));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            lines.push(Line::from(vec![
                Span::styled(pad(b.shown, 12, false), t.key),
                Span::raw(if zh { b.help_zh } else { b.help_en }),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        p.pick(
            "鼠标：点击标签或行选择；滚轮滚动列表。",
            "Mouse: click a tab or a row to select it; the wheel scrolls the list.",
        ),
        t.muted,
    ));
    lines
}
