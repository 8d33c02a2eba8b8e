//! Drawing: reads the [`App`] and never changes it.
//!
//! One render path: the dashboard, the tests and any text snapshot draw
//! `&App` as a widget into a buffer.

mod checks;
mod detail;
pub use detail::detail_lines;
mod help;
mod overview;
mod projects;
mod rates;
pub mod text;
mod theme;
mod timeline;
mod workforce;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub use theme::Theme;

use crate::app::{App, Overlay, Panel};
use crate::input::{Mode, hints};
use text::fit;

/// Below this size the dashboard says so instead of drawing broken widgets.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Where things are on screen: shared by drawing and mouse hit-testing.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    pub tabs: Vec<(Panel, Rect)>,
    pub body: Rect,
    pub footer: Rect,
    /// The current panel's list rows (one row per line), for clicks and paging.
    pub list: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The screen's layout for `app` at `area`.
pub fn regions(area: Rect, app: &App) -> Regions {
    if too_small(area) {
        return Regions::default();
    }
    let [_title, tab_line, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut tabs = Vec::with_capacity(Panel::ALL.len());
    let mut x = tab_line.x + 1;
    // When the names do not all fit, only the current tab keeps its name.
    let full: u16 = Panel::ALL
        .iter()
        .map(|&p| tab_width(p, app, false) + 1)
        .sum();
    let compact = full > tab_line.width;
    for p in Panel::ALL {
        let w = tab_width(p, app, compact && p != app.panel);
        let w = w.min(tab_line.right().saturating_sub(x));
        tabs.push((p, Rect::new(x, tab_line.y, w, 1)));
        x = x.saturating_add(w + 1);
    }
    let list = match app.panel {
        Panel::Overview => overview::list_area(body, app),
        Panel::Rates => rates::list_area(body),
        Panel::Workforce => workforce::list_area(body),
        Panel::Timeline => timeline::list_area(body),
        Panel::Projects => projects::list_area(body),
        Panel::Checks => checks::list_area(body),
    };
    Regions {
        tabs,
        body,
        footer,
        list,
    }
}

/// A tab's label: " 3 Workforce ", or " 3 " when `compact`.
fn tab_label(p: Panel, app: &App, compact: bool) -> String {
    if compact {
        format!(" {} ", p.index() + 1)
    } else {
        format!(" {} {} ", p.index() + 1, p.title(app.lang))
    }
}

fn tab_width(p: Panel, app: &App, compact: bool) -> u16 {
    u16::try_from(text::width(&tab_label(p, app, compact))).unwrap_or(u16::MAX)
}

/// Draws the whole dashboard into a frame.
pub fn draw(frame: &mut ratatui::Frame, app: &App) {
    frame.render_widget(app, frame.area());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        buf.set_style(area, t.base);
        if too_small(area) {
            let msg = format!(
                "terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{})",
                area.width, area.height
            );
            let y = area.y + area.height / 2;
            if area.height > 0 {
                buf.set_stringn(
                    area.x,
                    y,
                    fit(&msg, usize::from(area.width)),
                    usize::from(area.width),
                    t.fail,
                );
            }
            return;
        }
        let r = regions(area, self);
        self.render_header(area, &r, buf);
        match self.panel {
            Panel::Overview => overview::render(self, r.body, buf),
            Panel::Rates => rates::render(self, r.body, buf),
            Panel::Workforce => workforce::render(self, r.body, buf),
            Panel::Timeline => timeline::render(self, r.body, buf),
            Panel::Projects => projects::render(self, r.body, buf),
            Panel::Checks => checks::render(self, r.body, buf),
        }
        self.render_footer(r.footer, buf);
        if let Some(content) = popup_content(self) {
            render_popup(self, content, r.body, buf);
        }
    }
}

impl App {
    fn render_header(&self, area: Rect, r: &Regions, buf: &mut Buffer) {
        let t = &self.theme;
        let ds = &self.data.dataset;
        let title_area = Rect::new(area.x, area.y, area.width, 1);
        let title = format!(" 复工 fugong │ {}", ds.title.get(self.lang));
        // The as-of date, marked when moved away from the report's.
        let as_of = self
            .as_of
            .map(|d| crate::app::as_of_text(d, self.lang.prose()))
            .unwrap_or_default();
        let moved = self.as_of != self.chronology.default_date();
        let right = Line::from(vec![
            Span::styled(format!(" {as_of} "), if moved { t.as_of } else { t.accent }),
            Span::styled(format!(" {} ", self.lang.name()), t.muted),
        ]);
        let w = usize::from(area.width);
        let rw = right.width();
        let line = Line::from(vec![Span::styled(
            fit(&title, w.saturating_sub(rw + 1)),
            t.header,
        )]);
        line.render(title_area, buf);
        let rw16 = u16::try_from(rw).unwrap_or(0).min(area.width);
        right.render(Rect::new(area.right() - rw16, area.y, rw16, 1), buf);
        for (p, rect) in &r.tabs {
            let style = if *p == self.panel {
                t.tab_active
            } else {
                t.tab
            };
            let label = tab_label(*p, self, rect.width < tab_width(*p, self, false));
            buf.set_stringn(
                rect.x,
                rect.y,
                fit(&label, usize::from(rect.width)),
                usize::from(rect.width),
                style,
            );
        }
    }

    fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let zh = self.lang.prose() == crate::data::Lang::Zh;
        let mode = self.mode();
        let view = self.view(self.panel);
        let mut spans: Vec<Span> = Vec::new();
        if let Some(notice) = &self.notice {
            // What the last key did; the next key clears it.
            let w = usize::from(area.width).saturating_sub(1);
            spans.push(Span::styled(format!(" {}", fit(notice, w)), t.accent));
            Line::from(spans).render(area, buf);
            return;
        }
        if let Some(first) = self.reload_errors.first() {
            let n = self.reload_errors.len();
            // The key to the full list first, so a narrow footer keeps it.
            spans.push(Span::styled(
                format!(
                    " ✗ {} ({n}, e): ",
                    self.lang.pick("重新加载失败", "reload failed")
                ),
                t.fail,
            ));
            spans.push(Span::styled(format!("{first} "), t.fail));
        }
        if mode == Mode::Filtering || !view.filter.is_empty() {
            spans.push(Span::styled(format!(" /{}", view.filter), t.filter));
            if mode == Mode::Filtering {
                spans.push(Span::styled("▏", t.filter));
            }
            spans.push(Span::styled(format!(" ({}) ", view.rows.len()), t.muted));
        }
        let status = format!(
            " {}: {}{} ",
            self.lang.pick("排序", "sort"),
            self.sort_key(self.panel).name(self.lang),
            if view.descending { " ↓" } else { " ↑" }
        );
        let sw = u16::try_from(text::width(&status)).unwrap_or(0);
        let left = Rect::new(area.x, area.y, area.width.saturating_sub(sw), 1);
        // Whole hints only: one that does not fit is left out, not cut.
        let mut used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        let hints = hints(mode, self.panel, zh);
        for (key, what) in hints {
            let (k, w) = (format!(" {key}"), format!(" {what}"));
            let need = text::width(&k) + text::width(&w);
            // Keep a space before the sort status.
            if used + need + 1 > usize::from(left.width) {
                break;
            }
            used += need;
            spans.push(Span::styled(k, t.key));
            spans.push(Span::styled(w, t.muted));
        }
        // Spans are cut by ratatui at the area's edge without splitting a glyph.
        Line::from(spans).render(left, buf);
        if area.width > sw + 20 {
            buf.set_string(area.right() - sw, area.y, status, t.muted);
        }
    }
}

/// What a popup shows: its title, its lines and its widest width.
struct PopupContent<'a> {
    title: String,
    lines: std::borrow::Cow<'a, [Line<'static>]>,
    width: u16,
}

fn popup_content(app: &App) -> Option<PopupContent<'_>> {
    let t = &app.theme;
    let p = app.lang.prose();
    Some(match app.overlay.as_ref()? {
        Overlay::Help => PopupContent {
            title: format!(" {} · ? Esc ", p.pick("帮助", "Help")),
            lines: help::lines(app).into(),
            width: 66,
        },
        // Built once, when the popup opened: drawing and scrolling only read it.
        Overlay::Detail { .. } => PopupContent {
            title: format!(" {} · Esc ", p.pick("详情", "Detail")),
            lines: app.detail.as_slice().into(),
            width: 100,
        },
        Overlay::Citation(text) => PopupContent {
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
        },
        Overlay::Errors => PopupContent {
            title: format!(
                " {} ({}) · Esc ",
                p.pick(
                    "重新加载失败，仍显示上一版数据",
                    "Reload failed; showing the last good data"
                ),
                app.reload_errors.len()
            ),
            lines: if app.reload_errors.is_empty() {
                std::borrow::Cow::Owned(vec![Line::styled(
                    p.pick(
                        "文件已恢复有效；屏幕上是最新数据。",
                        "The file is valid again; the data on screen is current.",
                    ),
                    t.pass,
                )])
            } else {
                app.reload_errors
                    .iter()
                    .map(|e| Line::styled(e.clone(), t.fail))
                    .collect::<Vec<_>>()
                    .into()
            },
            width: 100,
        },
    })
}

/// The popup's rectangle in `body` and its content wrapped to fit it.
fn popup_geometry(body: Rect, content: &PopupContent) -> (Rect, Vec<Line<'static>>) {
    let w = content
        .width
        .min(body.width.saturating_sub(4))
        .max(body.width.min(20));
    let inner_w = w.saturating_sub(2);
    let wrapped = text::wrap(&content.lines, inner_w);
    let total = wrapped.len();
    let h = u16::try_from(total + 2)
        .unwrap_or(u16::MAX)
        .min(body.height.saturating_sub(2));
    let w = w.min(body.width);
    let rect = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    );
    (rect, wrapped)
}

/// The open popup's lines as plain text, before wrapping: what it says,
/// for tests and scripts.
pub fn detail_text(app: &App) -> Vec<String> {
    popup_content(app)
        .map(|c| {
            c.lines
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        })
        .unwrap_or_default()
}

/// How far the open popup can scroll: its wrapped lines past its height.
pub fn popup_max_scroll(app: &App) -> u16 {
    let Some(content) = popup_content(app) else {
        return 0;
    };
    let body = regions(app.area, app).body;
    let (rect, wrapped) = popup_geometry(body, &content);
    let visible = usize::from(rect.height.saturating_sub(2));
    u16::try_from(wrapped.len().saturating_sub(visible)).unwrap_or(u16::MAX)
}

fn render_popup(app: &App, content: PopupContent, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (rect, wrapped) = popup_geometry(body, &content);
    let visible = usize::from(rect.height.saturating_sub(2));
    let max = u16::try_from(wrapped.len().saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = app.popup_scroll.min(max);
    let title = if max > 0 {
        // Say there is more, and where we are.
        format!("{}↕ {}/{} ", content.title, scroll + 1, max + 1)
    } else {
        content.title
    };
    // Drawn within the body, so the cells beside the popup are cleared too.
    let inner = popup(body, rect.width, rect.height, title, t, buf);
    Paragraph::new(wrapped)
        .scroll((scroll, 0))
        .render(inner, buf);
}

/// What a figure reported after the as-of date says instead of its date:
/// "reported 03-25"; `None` when it is known on the date.
pub fn reported_note(app: &App, when: &crate::data::When) -> Option<String> {
    let k = app.chronology.later(when, app.as_of)?;
    Some(crate::data::asof::reported_short(k, app.lang.prose()))
}

/// A bordered block with a title, in the theme.
pub fn block<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(title.into().style(theme.title))
}

/// A table above a seven-line box for the selection (Rates, Checks).
pub fn table_over_box(body: Rect) -> [Rect; 2] {
    body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(7),
    ]))
}

/// An empty bordered box that says why it is empty.
pub fn empty_box(area: Rect, message: &str, theme: &Theme, buf: &mut Buffer) {
    let b = block(String::new(), theme);
    let inner = b.inner(area);
    b.render(area, buf);
    Line::styled(message.to_string(), theme.muted).render(inner, buf);
}

/// A centred popup of at most `w`x`h`, cleared, with a border.
pub fn popup(area: Rect, w: u16, h: u16, title: String, theme: &Theme, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let rect = Rect::new(x, y, w, h);
    // Clear one column beyond each side too, so no half of a wide glyph
    // under the popup's edge is left behind.
    let wide = Rect::new(
        rect.x.saturating_sub(1).max(area.x),
        rect.y,
        (rect.width + 2).min(area.right() - rect.x.saturating_sub(1).max(area.x)),
        rect.height,
    );
    Clear.render(wide, buf);
    buf.set_style(wide, theme.base);
    let b = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::from(title).style(theme.title));
    let inner = b.inner(rect);
    b.render(rect, buf);
    inner
}

/// Styled lines wrapped to `area` (see [`text::wrap`]). When they do not
/// all fit, the last line says how to see the rest.
pub fn wrapped(lines: &[Line<'_>], more: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut w = text::wrap(lines, area.width);
    let h = usize::from(area.height);
    if w.len() > h && h > 0 {
        w.truncate(h - 1);
        w.push(Line::styled(
            text::fit(more, usize::from(area.width)),
            theme.key,
        ));
    }
    Paragraph::new(w).render(area, buf);
}

/// A label and a value: "label: value".
pub fn field<'a>(label: &str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted),
        Span::styled(value, Style::default()),
    ])
}
