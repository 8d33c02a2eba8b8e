//! Drawing: reads the [`App`] and never changes it.
//!
//! One render path: the dashboard, the tests and any text snapshot draw
//! `&App` as a widget into a buffer. Each panel has its file and draws with
//! the shared [`widgets`], [`events`] and [`axis`]; panels never import
//! each other.

mod article;
mod axis;
mod chart;
mod checks;
mod events;
mod overview;
mod projects;
mod rates;
mod timeline;
mod widgets;
mod workforce;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::content::as_of_text;
use crate::data::Lang;
use crate::input::{self, Mode};
use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH, Regions, tab_label};
use crate::panel::Panel;
use crate::text;

/// Draws the whole dashboard into a frame.
pub fn draw(frame: &mut ratatui::Frame, app: &App) {
    frame.render_widget(app, frame.area());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme();
        text::fill_style(buf, area, t.base);
        if layout::too_small(area) {
            let msg = format!(
                "terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{})",
                area.width, area.height
            );
            let y = area.y + area.height / 2;
            if area.height > 0 {
                buf.set_stringn(
                    area.x,
                    y,
                    text::fit(&msg, usize::from(area.width)),
                    usize::from(area.width),
                    t.fail,
                );
            }
            return;
        }
        let r = layout::regions(&layout::Shape {
            area,
            ..self.shape()
        });
        render_header(self, &r, buf);
        match self.panel() {
            Panel::Overview => overview::render(self, r.body, buf),
            Panel::Rates => rates::render(self, r.body, buf),
            Panel::Workforce => workforce::render(self, r.body, buf),
            Panel::Timeline => timeline::render(self, r.body, buf),
            Panel::Projects => projects::render(self, r.body, buf),
            Panel::Checks => checks::render(self, r.body, buf),
            Panel::Article => article::render(self, r.body, buf),
        }
        render_alert(self, r.alert, buf);
        render_footer(self, r.footer, buf);
        render_popup(self, r.body, buf);
    }
}

fn render_header(app: &App, r: &Regions, buf: &mut Buffer) {
    let t = app.theme();
    let ds = &app.data().dataset;
    let area = r.title;
    // A dataset drafted from an article's text says so: nobody should take
    // its guessed labels for a curated dataset's.
    let draft = if app.data().drafted {
        app.lang().prose().pick(" 草稿", " DRAFT")
    } else {
        ""
    };
    let title = format!(" 复工 fugong{draft} │ {}", ds.title.get(app.lang()));
    // The as-of date, marked when moved away from the report's.
    let as_of = app
        .as_of()
        .map(|d| as_of_text(d, app.lang().prose()))
        .unwrap_or_default();
    let moved = app.as_of() != app.chronology().default_date();
    let right = Line::from(vec![
        Span::styled(format!(" {as_of} "), if moved { t.as_of } else { t.accent }),
        Span::styled(format!(" {} ", app.lang().name()), t.muted),
    ]);
    let w = usize::from(area.width);
    let rw = right.width();
    let line = Line::from(vec![Span::styled(
        text::fit(&title, w.saturating_sub(rw + 1)),
        t.header,
    )]);
    text::line(buf, area, &line);
    let rw16 = u16::try_from(rw).unwrap_or(0).min(area.width);
    text::line(buf, Rect::new(area.right() - rw16, area.y, rw16, 1), &right);
    for &(p, rect, compact) in &r.tabs {
        let style = if p == app.panel() {
            t.tab_active
        } else {
            t.tab
        };
        let label = tab_label(p, app.lang(), compact);
        buf.set_stringn(
            rect.x,
            rect.y,
            text::fit(&label, usize::from(rect.width)),
            usize::from(rect.width),
            style,
        );
    }
}

/// A failed reload, on its own line above the footer: the key to every
/// problem first, so a narrow line keeps it, then the first problem, cut
/// with "…" where the line ends.
fn render_alert(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(first), false) = (app.reload_errors().first(), area.is_empty()) else {
        return;
    };
    let n = app.reload_errors().len();
    let lang = app.lang().prose();
    let head = match (lang, n) {
        (Lang::Zh, 1) => "重新加载失败（按 e 查看）".to_string(),
        (Lang::Zh, _) => format!("重新加载失败（按 e 查看全部 {n} 个问题）"),
        (_, 1) => "reload failed (e shows it)".to_string(),
        (_, _) => format!("reload failed (e shows all {n} problems)"),
    };
    let colon = lang.pick("：", ": ");
    let line = format!(" ✗ {head}{colon}{first}");
    let w = usize::from(area.width).saturating_sub(1);
    buf.set_stringn(area.x, area.y, text::fit(&line, w), w, app.theme().fail);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let zh = app.lang().prose() == Lang::Zh;
    let mode = app.mode();
    let view = app.view(app.panel());
    let mut spans: Vec<Span> = Vec::new();
    if let Some(notice) = &app.notice() {
        // What the last key did; the next key clears it.
        let w = usize::from(area.width).saturating_sub(1);
        spans.push(Span::styled(format!(" {}", text::fit(notice, w)), t.accent));
        text::line(buf, area, &Line::from(spans));
        return;
    }
    if mode == Mode::Filtering || !view.filter.is_empty() {
        spans.push(Span::styled(format!(" /{}", view.filter), t.filter));
        if mode == Mode::Filtering {
            spans.push(Span::styled("▏", t.filter));
        }
        spans.push(Span::styled(format!(" ({}) ", view.rows.len()), t.muted));
        // A condition that did not read, said before the hints.
        if let Some(note) = app.filter_note() {
            spans.push(Span::styled(format!("{note} "), t.fail));
        }
    }
    // Where the selection is in the list (7/40), then the sort.
    let position = match view.rows.len() {
        0 => String::new(),
        n => format!("{}/{n} · ", view.selected.min(n - 1) + 1),
    };
    // Narrow, the word "sort" gives way to the position: the key and its
    // arrow say it, and the column header carries the arrow too.
    let label = if area.width >= 100 {
        format!("{}: ", app.lang().pick("排序", "sort"))
    } else {
        String::new()
    };
    let status = format!(
        " {position}{label}{}{} ",
        app.sort_key(app.panel()).name(app.lang()),
        if view.descending { " ↓" } else { " ↑" }
    );
    let sw = u16::try_from(text::width(&status)).unwrap_or(0);
    let left = Rect::new(area.x, area.y, area.width.saturating_sub(sw), 1);
    // Whole hints only, by rank: the first that does not fit ends them, so
    // what is shown is always the most needed.
    let mut used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let hints = input::hints(mode, app.panel(), zh);
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
    text::line(buf, left, &Line::from(spans));
    if area.width > sw + 20 {
        buf.set_string(area.right() - sw, area.y, status, t.muted);
    }
}

/// The open popup, if any, centred in the body and scrolled.
fn render_popup(app: &App, body: Rect, buf: &mut Buffer) {
    let Some((content, rect, wrapped)) = app.popup_in(body) else {
        return;
    };
    let max = layout::popup_max_scroll(rect, wrapped.len());
    let scroll = app.popup_scroll().min(max);
    let title = if max > 0 {
        // Say there is more, and where we are.
        format!("{}↕ {}/{} ", content.title, scroll + 1, max + 1)
    } else {
        content.title
    };
    // Drawn within the body, so the cells beside the popup are cleared too.
    let inner = widgets::popup(body, rect, title, app.theme(), buf);
    text::paragraph(buf, inner, &wrapped, scroll);
}

/// The open popup's lines as plain text, before wrapping: what it says,
/// for tests and scripts.
pub fn popup_text(app: &App) -> Vec<String> {
    app.popup().map(|c| c.text()).unwrap_or_default()
}
