//! `fugong snapshot`: the frame the dashboard would draw, as text.
//!
//! The same `&App` widget renders into a plain buffer; no terminal is
//! opened or queried.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::buffer::CellWidth;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::input::Action;

/// Draws `app` at `width`x`height` into a buffer.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize(width, height));
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    (&*app).render(area, &mut buf);
    buf
}

/// Walks a row's visible cells: a wide glyph's trailing cell is skipped.
fn row_cells(buf: &Buffer, y: u16) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    let mut skip = 0usize;
    (0..buf.area.width).filter_map(move |x| {
        if skip > 0 {
            skip -= 1;
            return None;
        }
        let cell = &buf[(x, y)];
        skip = usize::from(cell.symbol().cell_width()).saturating_sub(1);
        Some(cell)
    })
}

/// Plain text: one line per row, trailing spaces trimmed, no escape byte.
pub fn plain(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = row_cells(buf, y).map(|c| c.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Text with colour and style as SGR sequences only.
pub fn ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut current: Option<Style> = None;
        for cell in row_cells(buf, y) {
            let style = cell.style();
            if current != Some(style) {
                out.push_str(&sgr(style));
                current = Some(style);
            }
            out.push_str(cell.symbol());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.to_string());
        }
    }
    if let Some(c) = style.fg.and_then(|c| colour(c, false)) {
        codes.push(c);
    }
    if let Some(c) = style.bg.and_then(|c| colour(c, true)) {
        codes.push(c);
    }
    let mut s = String::from("\x1b[");
    let _ = write!(s, "{}m", codes.join(";"));
    s
}

fn colour(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => (base).to_string(),
        Color::Red => (base + 1).to_string(),
        Color::Green => (base + 2).to_string(),
        Color::Yellow => (base + 3).to_string(),
        Color::Blue => (base + 4).to_string(),
        Color::Magenta => (base + 5).to_string(),
        Color::Cyan => (base + 6).to_string(),
        Color::Gray => (base + 7).to_string(),
        Color::DarkGray => (bright).to_string(),
        Color::LightRed => (bright + 1).to_string(),
        Color::LightGreen => (bright + 2).to_string(),
        Color::LightYellow => (bright + 3).to_string(),
        Color::LightBlue => (bright + 4).to_string(),
        Color::LightMagenta => (bright + 5).to_string(),
        Color::LightCyan => (bright + 6).to_string(),
        Color::White => (bright + 7).to_string(),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    })
}

/// Parses "120x40".
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size \"{s}\" is not WIDTHxHEIGHT, e.g. 120x40"))?;
    let parse = |v: &str, what: &str| {
        v.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| format!("{what} \"{v}\" must be a whole number from 1 to 1000"))
    };
    let (w, h) = (parse(w, "width")?, parse(h, "height")?);
    // Below this the dashboard draws only "terminal too small": a frame
    // worth printing needs at least this much.
    let (mw, mh) = (crate::layout::MIN_WIDTH, crate::layout::MIN_HEIGHT);
    if w < mw || h < mh {
        return Err(format!(
            "{w}x{h} is below the smallest frame fugong draws, {mw}x{mh}"
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("120x40"), Ok((120, 40)));
        assert_eq!(parse_size("60X16"), Ok((60, 16)));
        assert_eq!(
            parse_size("59x16"),
            Err("59x16 is below the smallest frame fugong draws, 60x16".into())
        );
        assert!(parse_size("60x15").is_err());
        assert!(parse_size("0x10").is_err());
        assert!(parse_size("120").is_err());
        assert!(parse_size("axb").is_err());
        assert!(parse_size("5000x10").is_err());
    }

    #[test]
    fn plain_skips_wide_glyph_padding() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "中文ab", Style::default());
        assert_eq!(plain(&buf), "中文ab\n");
    }

    #[test]
    fn ansi_uses_sgr_only() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_string(
            0,
            0,
            "ab",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        let s = ansi(&buf);
        assert!(s.starts_with("\x1b[0;1;31mab\x1b[0m  ") || s.starts_with("\x1b[0;1;31mab\x1b[0m"));
        // Every escape is CSI ... m.
        for part in s.split('\x1b').skip(1) {
            assert!(part.starts_with('['));
            let end = part.find('m').expect("SGR ends in m");
            assert!(part[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'));
        }
    }
}
