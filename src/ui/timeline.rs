//! Timeline: every event and milestone on a time axis drawn to scale, and a
//! chronological list beside it whose selection is marked on the axis.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{axis, events};
use crate::app::App;
use crate::layout;
use crate::panel::Panel;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let [axis_area, list] = layout::timeline(body);
    let view = app.view(Panel::Timeline);
    axis::render(app, axis_area, view.selected_row(), buf);
    let title = format!(
        " {} ({}) ",
        app.lang().pick("事件与里程碑", "Events and milestones"),
        view.rows.len()
    );
    let visible = view.visible(usize::MAX);
    events::render(app, list, title, visible, view.selected_on_screen(), buf);
}
