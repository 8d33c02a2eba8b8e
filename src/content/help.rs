//! The `?` overlay, generated from the one keymap table.

use ratatui::text::{Line, Span};

use crate::data::Lang;
use crate::input::{Context, KEYMAP};
use crate::panel::Panel;
use crate::text::pad;
use crate::theme::Theme;

/// The help's lines: every binding of the keymap, by where it works.
pub fn lines(lang: Lang, t: &Theme) -> Vec<Line<'static>> {
    let p = lang.prose();
    let zh = p == Lang::Zh;
    let mut sections: Vec<(Context, String)> = vec![
        (Context::Global, p.pick("按键", "Keys").to_string()),
        (
            Context::AsOf,
            p.pick(
                "按日期查看（页眉显示日期）",
                "As of a date (shown in the header)",
            )
            .to_string(),
        ),
    ];
    // Each panel's own keys, under the panel's name.
    for panel in Panel::ALL {
        let title = panel.title(p);
        sections.push((
            Context::Panel(panel),
            if zh {
                format!("{title}面板")
            } else {
                format!("On {title}")
            },
        ));
    }
    sections.extend([
        (
            Context::Filter,
            p.pick("输入筛选时", "While typing a filter").to_string(),
        ),
        (Context::Popup, p.pick("弹窗中", "In a popup").to_string()),
        (Context::Detail, p.pick("详情中", "In a detail").to_string()),
    ]);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (ctx, heading) in sections {
        let mut bindings = KEYMAP.iter().filter(|b| b.context == ctx).peekable();
        if bindings.peek().is_none() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading, t.title));
        for b in bindings {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: Lang) -> String {
        lines(lang, &Theme::DARK)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_binding_is_listed_once_per_context() {
        let en = text(Lang::En);
        for b in KEYMAP {
            assert!(en.contains(b.help_en), "{} missing", b.help_en);
        }
        assert!(en.contains("On Workforce") && en.contains("On Timeline"));
        // Panels without keys of their own get no heading.
        assert!(!en.contains("On Rates"));
        assert!(text(Lang::Zh).contains("人员面板"));
    }

    #[test]
    fn popup_keys_are_listed() {
        let en = text(Lang::En);
        let popup = en.split("In a popup").nth(1).unwrap_or_default();
        assert!(
            popup.contains("PgDn ^F") && popup.contains("scroll down"),
            "{popup}"
        );
    }
}
