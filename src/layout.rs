//! Where things are on screen: pure functions of the app's shape (its size,
//! panel, language and how many rows the Overview's boxes hold), called by
//! both `App::update` (paging, clicks, popup scrolling) and the drawing, so
//! the two always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;

use crate::content::Popup;
use crate::data::Lang;
use crate::panel::Panel;
use crate::text;

/// Below this size the dashboard says so instead of drawing broken widgets.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// How wide one headline figure's box is on the Overview.
pub const FIGURE_W: u16 = 20;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// What the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub area: Rect,
    pub panel: Panel,
    pub lang: Lang,
    /// Rows in the Overview's rate gauges.
    pub overview_rows: usize,
    /// Headline figures on the Overview.
    pub headlines: usize,
    /// A line of its own above the footer, for a failed reload.
    pub alert: bool,
    /// The panel's records have a series to chart: its box grows.
    pub charted: bool,
    /// The widest project name in the language shown, in cells: the
    /// Projects list is as wide as it needs, within limits.
    pub project_names: u16,
}

/// Where things are on screen: shared by drawing and mouse hit-testing.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    pub title: Rect,
    /// Each tab's place, and whether it shows its number only.
    pub tabs: Vec<(Panel, Rect, bool)>,
    pub body: Rect,
    /// The failed reload's line above the footer; no height when none.
    pub alert: Rect,
    pub footer: Rect,
    /// The current panel's list rows (one row per line), for clicks and paging.
    pub list: Rect,
}

/// The screen's layout.
pub fn regions(s: &Shape) -> Regions {
    if too_small(s.area) {
        return Regions::default();
    }
    let [title, tab_line, body, alert, footer] = s.area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(s.alert)),
        Constraint::Length(1),
    ]));
    let mut tabs = Vec::with_capacity(Panel::ALL.len());
    let mut x = tab_line.x + 1;
    // When the names do not all fit, the tabs furthest from the current one
    // lose theirs first, until the rest fit; the current tab keeps its name.
    let mut compact = [false; Panel::ALL.len()];
    let total = |compact: &[bool]| -> u16 {
        Panel::ALL
            .iter()
            .zip(compact)
            .map(|(&p, &c)| tab_width(p, s.lang, c) + 1)
            .sum()
    };
    let mut by_distance: Vec<Panel> = Panel::ALL.into_iter().filter(|&p| p != s.panel).collect();
    by_distance.sort_by_key(|p| std::cmp::Reverse(p.index().abs_diff(s.panel.index())));
    for p in by_distance {
        if total(&compact) <= tab_line.width {
            break;
        }
        compact[p.index()] = true;
    }
    for p in Panel::ALL {
        let short = compact[p.index()];
        let w = tab_width(p, s.lang, short).min(tab_line.right().saturating_sub(x));
        // A tab cut at the right edge shows its number only.
        let short = short || w < tab_width(p, s.lang, false);
        tabs.push((p, Rect::new(x, tab_line.y, w, 1), short));
        x = x.saturating_add(w + 1);
    }
    Regions {
        title,
        tabs,
        body,
        alert,
        footer,
        list: list_area(s, body),
    }
}

/// A tab's label: " 3 Workforce ", or " 3 " when `compact`.
pub fn tab_label(p: Panel, lang: Lang, compact: bool) -> String {
    if compact {
        format!(" {} ", p.index() + 1)
    } else {
        format!(" {} {} ", p.index() + 1, p.title(lang))
    }
}

pub fn tab_width(p: Panel, lang: Lang, compact: bool) -> u16 {
    u16::try_from(text::width(&tab_label(p, lang, compact))).unwrap_or(u16::MAX)
}

/// The current panel's list rows within the body.
fn list_area(s: &Shape, body: Rect) -> Rect {
    match s.panel {
        Panel::Overview => overview(body, s.overview_rows, s.headlines)[0].inner(Margin::new(1, 1)),
        Panel::Rates => text::table_body(rates(body, s.charted)[0]),
        Panel::Checks => text::table_body(table_over_box(body)[0]),
        Panel::Workforce => text::table_body(workforce(body, s.charted)[0]),
        Panel::Timeline => text::table_body(timeline(body)[1]),
        Panel::Projects => text::table_body(projects(body, s.project_names)[0]),
        Panel::Article => article(body)[0].inner(Margin::new(1, 1)),
    }
}

/// The Overview: gauges, headline figures, the time axis, the events.
pub fn overview(body: Rect, rates: usize, headlines: usize) -> [Rect; 4] {
    let rates = u16::try_from(rates).unwrap_or(u16::MAX);
    let gauges = rates
        .saturating_add(2)
        .clamp(3, body.height.saturating_sub(10).max(3));
    let per_row = (body.width.saturating_sub(2) / FIGURE_W).max(1);
    let n = u16::try_from(headlines).unwrap_or(u16::MAX);
    let figure_rows = n.div_ceil(per_row).max(1);
    let figures = (figure_rows * 3 + 1)
        .min(body.height.saturating_sub(gauges + 6))
        .max(4);
    body.layout(&Layout::vertical([
        Constraint::Length(gauges),
        Constraint::Length(figures),
        Constraint::Length(6),
        Constraint::Fill(1),
    ]))
}

/// A table above a seven-line box for the selection (Rates, Checks).
pub fn table_over_box(body: Rect) -> [Rect; 2] {
    body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(7),
    ]))
}

/// The box below a table: seven lines, or, when it holds a chart, up to
/// half the body (at most 16 lines).
fn box_height(body: Rect, charted: bool) -> u16 {
    if charted {
        (body.height / 2).clamp(7, 16)
    } else {
        7
    }
}

/// Rates: the table above the selection's box, which grows for a chart.
pub fn rates(body: Rect, charted: bool) -> [Rect; 2] {
    body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(box_height(body, charted)),
    ]))
}

/// Workforce: wide screens put the chart beside the table, narrow ones below it.
pub fn workforce(body: Rect, charted: bool) -> [Rect; 2] {
    if body.width >= 110 {
        // The table's five text columns take two thirds; the bars, whose
        // labels are one column, the rest.
        body.layout(&Layout::horizontal([
            Constraint::Fill(2),
            Constraint::Fill(1),
        ]))
    } else {
        body.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(box_height(body, charted)),
        ]))
    }
}

/// Timeline: the axis above the list.
pub fn timeline(body: Rect) -> [Rect; 2] {
    body.layout(&Layout::vertical([
        Constraint::Length(8),
        Constraint::Fill(1),
    ]))
}

/// Projects: the list beside the card.
/// Projects: the list as wide as its widest name (`names` cells) and its
/// count column need, from 22 cells up to two fifths of the body; the card
/// has the rest.
pub fn projects(body: Rect, names: u16) -> [Rect; 2] {
    let most = (body.width * 2 / 5).max(22);
    let left = names.saturating_add(2 + 1 + 2).clamp(22, most);
    body.layout(&Layout::horizontal([
        Constraint::Length(left),
        Constraint::Fill(1),
    ]))
}

/// Article: the text above a box naming the selected figure.
pub fn article(body: Rect) -> [Rect; 2] {
    body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(3),
    ]))
}

/// A popup's rectangle in `body` and its content wrapped to fit it.
pub fn popup(body: Rect, content: &Popup<'_>) -> (Rect, Vec<Line<'static>>) {
    let wrapped = text::wrap(&content.lines, popup_wrap_width(body, content.width));
    (popup_rect(body, content.width, wrapped.len()), wrapped)
}

/// How wide a popup at most `width` wide wraps its lines in `body`.
pub fn popup_wrap_width(body: Rect, width: u16) -> u16 {
    popup_outer_width(body, width).saturating_sub(2)
}

fn popup_outer_width(body: Rect, width: u16) -> u16 {
    width
        .min(body.width.saturating_sub(4))
        .max(body.width.min(20))
}

/// Where a popup at most `width` wide with `lines` wrapped lines is drawn
/// in `body`: centred, as tall as its lines and border within the body.
pub fn popup_rect(body: Rect, width: u16, lines: usize) -> Rect {
    let w = popup_outer_width(body, width).min(body.width);
    let h = u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .min(body.height.saturating_sub(2));
    Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    )
}

/// What a popup at `rect` clears of `area` before it is drawn: its
/// rectangle and one column beyond each side, so that no half of a wide
/// glyph under its edge is left behind.
pub fn popup_cleared(area: Rect, rect: Rect) -> Rect {
    let x = rect.x.saturating_sub(1).max(area.x);
    Rect::new(
        x,
        rect.y,
        (rect.width + 2).min(area.right().saturating_sub(x)),
        rect.height,
    )
}

/// Where line `line` of a popup's content starts once wrapped, and how
/// many rows the popup shows: to scroll a line into view.
pub fn popup_row(body: Rect, content: &Popup<'_>, line: usize) -> (u16, u16) {
    let (rect, _) = popup(body, content);
    let inner_w = rect.width.saturating_sub(2);
    let before = text::wrap(&content.lines[..line.min(content.lines.len())], inner_w).len();
    (
        u16::try_from(before).unwrap_or(u16::MAX),
        rect.height.saturating_sub(2),
    )
}

/// How far a popup can scroll: its wrapped lines past its height.
pub fn popup_max_scroll(rect: Rect, wrapped: usize) -> u16 {
    let visible = usize::from(rect.height.saturating_sub(2));
    u16::try_from(wrapped.saturating_sub(visible)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(w: u16, h: u16, panel: Panel) -> Shape {
        Shape {
            area: Rect::new(0, 0, w, h),
            panel,
            lang: Lang::En,
            overview_rows: 4,
            headlines: 10,
            alert: false,
            charted: false,
            project_names: 30,
        }
    }

    #[test]
    fn a_failed_reload_takes_a_line_from_the_body() {
        for p in Panel::ALL {
            let calm = regions(&shape(80, 24, p));
            let alert = regions(&Shape {
                alert: true,
                ..shape(80, 24, p)
            });
            assert_eq!(calm.alert.height, 0, "{p:?}");
            assert_eq!(alert.alert, Rect::new(0, 22, 80, 1), "{p:?}");
            assert_eq!(alert.footer, calm.footer, "{p:?}");
            assert_eq!(alert.body.height + 1, calm.body.height, "{p:?}");
        }
    }

    #[test]
    fn a_chart_grows_the_selection_box_to_half_the_body_within_7_to_16_rows() {
        for (h, grown) in [(14, 7), (20, 10), (40, 16), (60, 16)] {
            let body = Rect::new(0, 2, 80, h);
            assert_eq!(rates(body, false)[1].height, 7, "no chart: {h}");
            assert_eq!(rates(body, true)[1].height, grown, "{h}");
            // Narrow Workforce stacks its chart below the table the same way.
            assert_eq!(workforce(body, true)[1].height, grown, "{h}");
        }
        // Wide Workforce puts it beside the table, the full height.
        let wide = Rect::new(0, 2, 200, 56);
        assert_eq!(workforce(wide, true)[1].height, 56);
    }

    #[test]
    fn too_small_has_no_regions() {
        assert!(regions(&shape(59, 30, Panel::Rates)).tabs.is_empty());
        assert!(!regions(&shape(60, 16, Panel::Rates)).tabs.is_empty());
    }

    #[test]
    fn every_list_lies_in_the_body() {
        for p in Panel::ALL {
            for (w, h) in [(60, 16), (80, 24), (200, 60)] {
                let r = regions(&shape(w, h, p));
                assert!(r.list.height > 0, "{p:?} {w}x{h}");
                assert_eq!(r.body.union(r.list), r.body, "{p:?} {w}x{h}");
            }
        }
    }

    #[test]
    fn narrow_tabs_keep_the_current_name_and_lose_the_furthest_first() {
        let width = |r: &Regions, p: Panel| {
            r.tabs
                .iter()
                .find(|(x, ..)| *x == p)
                .map(|(_, r, _)| r.width)
        };
        let r = regions(&shape(60, 20, Panel::Timeline));
        assert_eq!(
            width(&r, Panel::Timeline),
            Some(tab_width(Panel::Timeline, Lang::En, false))
        );
        assert_eq!(width(&r, Panel::Article), Some(3));
        assert_eq!(width(&r, Panel::Overview), Some(3));
        // At 80 only the tab furthest from the Overview loses its name.
        let r = regions(&shape(80, 24, Panel::Overview));
        assert_eq!(width(&r, Panel::Article), Some(3));
        assert_eq!(
            width(&r, Panel::Checks),
            Some(tab_width(Panel::Checks, Lang::En, false))
        );
        // Everything fits at 200.
        let r = regions(&shape(200, 60, Panel::Overview));
        for p in Panel::ALL {
            assert_eq!(width(&r, p), Some(tab_width(p, Lang::En, false)), "{p:?}");
        }
    }
}
