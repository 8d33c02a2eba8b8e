//! Article: the article itself, paragraph by paragraph, every figure the
//! dataset sources marked in it, and the selected one named below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::widgets;
use crate::app::App;
use crate::content::{article, record_value_line};
use crate::layout;
use crate::panel::Panel;
use crate::text;

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let p = lang.prose();
    let ctx = app.ctx();
    let [text_area, below] = layout::article(body);
    let view = app.view(Panel::Article);
    let spots = app.spots();
    let title = format!(
        " {} ({}/{}) ",
        Panel::Article.title(lang),
        view.selected_row().map_or(0, |_| view.selected + 1),
        view.rows.len()
    );
    let b = widgets::block(title, t);
    let inner = b.inner(text_area);
    b.render(text_area, buf);
    if app.data().dataset.source.text.is_none() {
        let msg = p.pick(
            "此数据集不含原文（source.text）",
            "this dataset does not carry its article (source.text)",
        );
        widgets::wrapped(&[Line::styled(msg, t.muted)], "", t, inner, buf);
        return;
    }
    let selected = view.selected_row();
    let shown = article::window(
        &ctx,
        spots,
        selected,
        &view.filter.to_lowercase(),
        inner.width,
        usize::from(inner.height),
    );
    if shown.is_empty() {
        let none = Line::styled(
            p.pick("没有段落含有此文字", "no paragraph has this text"),
            t.muted,
        );
        text::line(buf, inner, &none);
    } else {
        text::paragraph(buf, inner, &shown, 0);
    }

    // The selected figure: what it is, and where.
    let Some(spot) = selected.and_then(|k| spots.get(k)) else {
        widgets::empty_box(
            below,
            p.pick("没有选中的数字", "no figure selected"),
            t,
            buf,
        );
        return;
    };
    let b = widgets::block(format!(" ¶{} ", spot.paragraph), t);
    let inner = b.inner(below);
    b.render(below, buf);
    // The footer hints Enter; the box keeps to what fits of the record.
    let line = record_value_line(spot.record, &ctx, 0).unwrap_or_default();
    let mut lines = text::wrap(&[line], inner.width);
    lines.truncate(usize::from(inner.height));
    text::paragraph(buf, inner, &lines, 0);
}
