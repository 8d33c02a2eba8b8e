//! The `?` overlay, generated from the one keymap table.

use ratatui::text::{Line, Span};

use crate::data::Lang;
use crate::input::{Context, KEYMAP};
use crate::panel::Panel;
use crate::text::pad;
use crate::theme::Theme;

/// A mark the panels draw, as each language writes it, and what it means.
pub struct Mark {
    pub zh: &'static str,
    pub en: &'static str,
    pub means_zh: &'static str,
    pub means_en: &'static str,
}

const fn mark(
    zh: &'static str,
    en: &'static str,
    means_zh: &'static str,
    means_en: &'static str,
) -> Mark {
    Mark {
        zh,
        en,
        means_zh,
        means_en,
    }
}

/// Every mark a panel draws without a word beside it, explained under
/// "Marks" in the help.
pub const MARKS: &[Mark] = &[
    mark(
        "[zh] [en]",
        "[zh] [en]",
        "该文字只有中文或英文，另一种语言缺失（如草稿）",
        "text only in Chinese or English; the other language is missing (as in a draft)",
    ),
    mark(
        "草稿",
        "DRAFT",
        "由 fugong draft 从原文起草，未经核对",
        "drafted by fugong draft from an article's text, not yet checked by a person",
    ),
    mark(
        "● ○ ◆",
        "● ○ ◆",
        "事件：已完成、计划、推算（由其他数字算出）",
        "event done, planned, derived (from other figures)",
    ),
    mark(
        "470/478",
        "470/478",
        "比率的分子/分母：共 478，其中 470",
        "a rate's n/N: 470 of 478",
    ),
    mark(
        "253/?",
        "253/?",
        "253 人到岗，总数原文未给出",
        "253 on post, the total not given",
    ),
    mark(
        "• ▄",
        "• ▄",
        "曲线图上的点：报道的数值；由变化推算的数值（如“较2月10日提高73个百分点”）",
        "on a chart: a reported value; a value a change implies (73 points up since 10 Feb)",
    ),
    mark(
        "│ ⢸",
        "│ ⢸",
        "曲线图上的竖线：截至日期，其右为之后才报道的数值",
        "the vertical line on a chart: the as-of date; what lies right of it is reported later",
    ),
    mark(
        "▃██",
        "▃██",
        "总览中比率旁的小图：该数字历次的值，按日期排列，从零画起",
        "beside an Overview rate: its values over time, in date order, from zero",
    ),
    mark(
        "▶",
        "▶",
        "详情的“历次报道”中：所选的那一次",
        "in a detail's Over time: the selected report",
    ),
    mark(
        "23,000+",
        "23,000+",
        "数字后的 +：至少（“多”）",
        "+ after a number: at least (多)",
    ),
    mark(
        "~1,000",
        "~1,000",
        "数字前的 ~：约数（“约”“左右”）或数量级（“级”），详情里写明",
        "~ before a number: about (约, 左右) or of the order of (级); the detail says which",
    ),
    mark(
        ">300",
        ">300",
        "数字前的 >：超过（“超过”“以上”）",
        "> before a number: more than (超过, 以上)",
    ),
    mark(
        "<1,000",
        "<1,000",
        "数字前的 <：将近（“近”）",
        "< before a number: nearly (近), a little under",
    ),
    mark(
        "~03-31",
        "~03-31",
        "日期前的 ~：约数（中旬、月底）",
        "~ before a date: about (mid-month, month-end)",
    ),
    mark(
        "<05-15",
        "<05-15",
        "日期前的 <：在此日期之前",
        "< before a date: before that date",
    ),
    mark(
        "—",
        "—",
        "没有日期（截至报道时）",
        "no date (as of the report)",
    ),
    mark(
        "#",
        "#",
        "项目列表：该项目的数字与里程碑个数",
        "Projects: the project's figures and milestones",
    ),
    mark("┃", "┃", "时间轴上的查看日期", "the as-of date on the axis"),
    mark(
        "◂ ▸",
        "◂ ▸",
        "查看日期在时间轴之前、之后",
        "the as-of date lies before, after the axis",
    ),
    mark(
        "▲",
        "▲",
        "指向时间轴上所选的事件",
        "points at the selected event on the axis",
    ),
    mark(
        "┊ 冬 无期",
        "┊ win n.d.",
        "时间轴末端之后：入冬、无日期的事件",
        "past the axis's end: events in winter, undated",
    ),
    mark("✓ ✗", "✓ ✗", "核对通过、未通过", "a check passed, failed"),
    mark(
        "↑ ↓",
        "↑ ↓",
        "页脚：升序、降序（s 换列，S 反转）",
        "sorted ascending, descending (s, S)",
    ),
    mark(
        "…",
        "…",
        "文字被截断：Enter 查看全文",
        "text cut to fit: Enter shows it whole",
    ),
    mark(
        "↕ 2/9",
        "↕ 2/9",
        "弹窗可滚动，及当前位置",
        "a popup scrolls, and where it is",
    ),
    mark(
        "⟨U+202E⟩",
        "⟨U+202E⟩",
        "数据集中不可见的字符，以记号显示",
        "an invisible character of the dataset, made visible",
    ),
];

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
    lines.push(Line::styled(p.pick("符号", "Marks"), t.title));
    for m in MARKS {
        let (mark, what) = if zh {
            (m.zh, m.means_zh)
        } else {
            (m.en, m.means_en)
        };
        lines.push(Line::from(vec![
            Span::styled(pad(mark, 12, false), t.key),
            Span::raw(what),
        ]));
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
    fn every_mark_is_explained_in_both_languages() {
        let (en, zh) = (text(Lang::En), text(Lang::Zh));
        for m in MARKS {
            assert!(en.contains(&format!("{}  ", m.en)), "{}", m.en);
            assert!(en.contains(m.means_en), "{}", m.means_en);
            assert!(zh.contains(&format!("{}  ", m.zh)), "{}", m.zh);
            assert!(zh.contains(m.means_zh), "{}", m.means_zh);
        }
        // The marks a new user asked about.
        let marks = en.split("\nMarks\n").nth(1).unwrap_or_default();
        for asked in ["253/?", "#", "┊", "win", "▲", "470/478"] {
            assert!(marks.contains(asked), "{asked} is not explained:\n{marks}");
        }
        assert!(
            zh.split("\n符号\n")
                .nth(1)
                .unwrap_or_default()
                .contains("冬")
        );
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
