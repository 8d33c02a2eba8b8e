//! What each popup shows: its title, its lines and how wide it wants to be.

use std::borrow::Cow;

use ratatui::style::Modifier;
use ratatui::text::Line;

use super::ctx::Ctx;

/// A popup's content, before it is wrapped to the screen.
pub struct Popup<'a> {
    pub title: String,
    pub lines: Cow<'a, [Line<'static>]>,
    /// The widest the popup is drawn, in cells.
    pub width: u16,
}

impl<'a> Popup<'a> {
    pub fn help(ctx: &Ctx<'_>) -> Popup<'static> {
        let p = ctx.lang.prose();
        Popup {
            title: format!(" {} · ? Esc ", p.pick("帮助", "Help")),
            lines: super::help::lines(ctx.lang, ctx.theme).into(),
            width: 66,
        }
    }

    /// A record's detail, from lines built once when it opened: drawing
    /// and scrolling only read them. The selected link's line (`Tab`) is
    /// reversed; `depth` details lie behind this one (`Esc` goes back).
    pub fn detail(
        ctx: &Ctx<'_>,
        lines: &'a [Line<'static>],
        selected: Option<usize>,
        depth: usize,
    ) -> Popup<'a> {
        let p = ctx.lang.prose();
        let lines: Cow<'a, [Line<'static>]> = match selected.filter(|&i| i < lines.len()) {
            Some(i) => {
                let mut owned = lines.to_vec();
                owned[i] = owned[i]
                    .clone()
                    .patch_style(ratatui::style::Style::new().add_modifier(Modifier::REVERSED));
                owned.into()
            }
            None => lines.into(),
        };
        let back = if depth > 0 {
            p.pick(" · Esc 返回", " · Esc back")
        } else {
            " · Esc"
        };
        Popup {
            title: format!(" {}{back} ", p.pick("详情", "Detail")),
            lines,
            width: 100,
        }
    }

    /// What `y` would have copied, with `--no-clipboard`.
    pub fn citation(ctx: &Ctx<'_>, text: &str) -> Popup<'static> {
        let (p, t) = (ctx.lang.prose(), ctx.theme);
        Popup {
            title: format!(
                " {} · Esc ",
                p.pick("引用（剪贴板已关闭）", "Citation (clipboard off)")
            ),
            lines: text
                .lines()
                .map(|l| Line::styled(l.to_string(), t.base))
                .chain([
                    Line::default(),
                    Line::styled(
                        p.pick(
                            "已设 --no-clipboard：可按住 Shift 用鼠标选取复制。",
                            "--no-clipboard is set: select the text with Shift and the mouse to copy it.",
                        ),
                        t.muted,
                    ),
                ])
                .collect::<Vec<_>>()
                .into(),
            width: 100,
        }
    }

    /// The problems of the last reload, or that the file is valid again.
    pub fn errors(ctx: &Ctx<'_>, errors: &[String]) -> Popup<'static> {
        let (p, t) = (ctx.lang.prose(), ctx.theme);
        Popup {
            title: format!(
                " {} ({}) · Esc ",
                p.pick(
                    "重新加载失败，仍显示上一版数据",
                    "Reload failed; showing the last good data"
                ),
                errors.len()
            ),
            lines: if errors.is_empty() {
                vec![Line::styled(
                    p.pick(
                        "文件已恢复有效；屏幕上是最新数据。",
                        "The file is valid again; the data on screen is current.",
                    ),
                    t.pass,
                )]
            } else {
                errors
                    .iter()
                    .map(|e| Line::styled(e.clone(), t.fail))
                    .collect()
            }
            .into(),
            width: 100,
        }
    }

    /// The lines as plain text, before wrapping: what the popup says.
    pub fn text(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }
}
