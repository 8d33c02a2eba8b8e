//! The pieces every panel draws with: boxes, the popup frame, wrapped text
//! and a list's table body. Panels share these, never each other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::App;
use crate::data::{Lang, Text};
use crate::panel::{Panel, SortKey};
use crate::text::{self, Body, Boxed, Column, Content};
use crate::theme::Theme;

/// A bordered box with a title, in the theme.
pub fn block<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Boxed<'a> {
    Boxed::new(title.into().style(theme.title), theme.border)
}

/// The visible `rows` of a panel's list, with its selection, what it says
/// when empty (see [`crate::app::App::empty_note`]), and whether the
/// selected row is unfolded (`w`).
pub fn body<'a>(app: &'a App, panel: Panel, rows: Vec<Vec<Content<'a>>>) -> Body<'a> {
    Body {
        rows,
        selected: app.view(panel).selected_on_screen(),
        empty: app.empty_note(panel),
        wrap: app.wrap(),
        hidden: app.popup_cleared(),
    }
}

/// A cell of `text` in `lang`, as `text.get(lang)` reads, borrowed: in
/// both languages its two halves, which the table joins.
/// A text with one language missing reads as `Text::get` has it, marked.
pub fn label(text: &Text, lang: Lang, style: Style) -> Content<'_> {
    if !text.is_whole() {
        return Content::Text(text.get(lang), style);
    }
    match lang {
        Lang::Zh => Content::Text(text.zh.as_str().into(), style),
        Lang::En => Content::Text(text.en.as_str().into(), style),
        Lang::Both => Content::Pair(&text.zh, &text.en, style),
    }
}

/// [`label`] of a text a record may lack: blank without one.
pub fn label_or_blank<'a>(text: Option<&'a Text>, lang: Lang, style: Style) -> Content<'a> {
    match text {
        Some(t) => label(t, lang, style),
        None => Content::Text("".into(), style),
    }
}

/// An empty bordered box that says why it is empty.
pub fn empty_box(area: Rect, message: &str, theme: &Theme, buf: &mut Buffer) {
    let b = block(String::new(), theme);
    let inner = b.inner(area);
    b.render(area, buf);
    text::line(buf, inner, &Line::styled(message, theme.muted));
}

/// A popup's frame at `rect` within `area`, cleared, with a border; returns
/// its inside.
pub fn popup(area: Rect, rect: Rect, title: String, theme: &Theme, buf: &mut Buffer) -> Rect {
    text::clear(buf, crate::layout::popup_cleared(area, rect), theme.base);
    let b = Boxed::new(Line::from(title).style(theme.title), theme.border_focus).double();
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
    text::paragraph(buf, area, &w, 0);
}

/// Marks the column `panel`'s list is sorted by with ↑ or ↓ (`at` maps a
/// sort key to its column); the article's order marks none.
pub fn mark_sorted(cols: &mut [Column], app: &App, panel: Panel, at: &[(SortKey, usize)]) {
    let key = app.sort_key(panel);
    let Some(&(_, c)) = at.iter().find(|(k, _)| *k == key) else {
        return;
    };
    if let Some(col) = cols.get_mut(c) {
        let arrow = if app.view(panel).descending {
            "↓"
        } else {
            "↑"
        };
        col.title = format!("{}{arrow}", col.title.trim_end());
    }
}
