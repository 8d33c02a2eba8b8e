//! What the tests share: the dashboard on a dataset, actions applied as the
//! event loop applies them, the three ways a frame is drawn, a screen read
//! back as text, how glyphs sit in their cells, and the binary started as a
//! person or a script starts it.
//!
//! Screens are read with ratatui's own measure of a glyph (`CellWidth`,
//! which `fugong::text::width` uses too), so a wide glyph's hidden second
//! cell is skipped exactly where ratatui placed it.
//!
//! Every test file compiles this module and uses a part of it.
#![allow(dead_code)]

mod bin;
mod terminal;

use std::path::PathBuf;
use std::sync::OnceLock;

use fugong::app::{App, Effect};
use fugong::data::{self, Lang, Loaded};
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::theme::Theme;
use fugong::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::widgets::Widget;

// Re-exported so tests name `support::X`; each test file uses some.
#[allow(unused_imports)]
pub use bin::{BIN, Fugong, assert_no_panic, fugong, have, lang_arg, panel_arg, shell_quote};
#[allow(unused_imports)]
pub use terminal::{
    Allow, Audit, Emulator, MemTerminal, Shared, assert_plain_text, assert_safe, audit,
    is_forbidden, terminal_width,
};

/// The crate root: fixture paths are relative to it.
pub const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

pub const LANGS: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Both];
pub const PANELS: [Panel; 7] = Panel::ALL;

/// A file of the crate, by its path from the crate root.
pub fn path(relative: &str) -> PathBuf {
    PathBuf::from(MANIFEST).join(relative)
}

// ---------------------------------------------------------------------------
// The dashboard
// ---------------------------------------------------------------------------

/// The embedded dataset, loaded and checked once per test binary.
pub fn embedded() -> &'static Loaded {
    static EMBEDDED: OnceLock<Loaded> = OnceLock::new();
    EMBEDDED.get_or_init(|| data::load(None).expect("the embedded dataset loads"))
}

/// The dashboard on the embedded dataset, in `lang`, dark theme.
pub fn app(lang: Lang) -> App {
    app_with(embedded(), lang)
}

/// The dashboard on `loaded`, in `lang`, dark theme.
pub fn app_with(loaded: &Loaded, lang: Lang) -> App {
    App::new(loaded.clone(), lang, Theme::DARK)
}

/// The dashboard on a dataset's text, which must load.
pub fn app_from(json: &str, lang: Lang) -> App {
    let loaded = data::load_str(json, "test")
        .unwrap_or_else(|e| panic!("the fixture loads: {:#?}", e.problems));
    App::new(loaded, lang, Theme::DARK)
}

/// Applies an action as the dashboard's event loop does: a reload it asks
/// for is read and handed back.
pub fn apply(app: &mut App, action: Action) -> Effect {
    match app.update(action) {
        Effect::Reload(path) => app.reloaded(data::load_path(&path)),
        e => e,
    }
}

/// Applies actions in order (csvlens' `step` idea).
pub fn step(app: &mut App, actions: &[Action]) {
    for a in actions {
        apply(app, *a);
    }
}

/// How many rows a panel lists.
pub fn row_count(app: &App, panel: Panel) -> usize {
    app.view(panel).rows.len()
}

// ---------------------------------------------------------------------------
// Drawing: into a buffer, through ratatui's Terminal, or as bytes
// (`MemTerminal`)
// ---------------------------------------------------------------------------

/// The app, as a widget, at its current size into a fresh buffer: what
/// `fugong snapshot` draws.
pub fn render(app: &App) -> Buffer {
    let area = app.area();
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

/// Resizes, then [`render`]s.
pub fn render_at(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Action::Resize(w, h));
    render(app)
}

/// Resizes the app and draws a frame through ratatui's `Terminal` on a
/// fresh `TestBackend`, as the dashboard draws its frames; returns the
/// backend's buffer.
pub fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| ui::draw(f, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// Applies actions, then [`draw`]s.
pub fn step_and_draw(app: &mut App, actions: &[Action], w: u16, h: u16) -> Buffer {
    step(app, actions);
    draw(app, w, h)
}

// ---------------------------------------------------------------------------
// Reading a screen
// ---------------------------------------------------------------------------

/// A row's visible text: each glyph once, a wide glyph's hidden cell skipped.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0usize;
    for x in buf.area.left()..buf.area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        s.push_str(sym);
        skip = usize::from(sym.cell_width()).saturating_sub(1);
    }
    s
}

/// The screen's text, one string per row.
pub fn lines(buf: &Buffer) -> Vec<String> {
    (buf.area.top()..buf.area.bottom())
        .map(|y| row_text(buf, y))
        .collect()
}

/// The screen's text, its rows joined by line feeds.
pub fn screen_text(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

/// Checks how glyphs sit in their cells: no cell is zero cells wide, every
/// wide glyph is followed by blank cells it covers (nothing drawn over its
/// second half: no border, no column, no popup edge), and no glyph runs past
/// the right edge. Together: every row spans exactly the area's width.
pub fn check_cells(buf: &Buffer) -> Result<(), String> {
    check_cells_with(buf, false)
}

/// [`check_cells`], and with `widths_agree` also that ratatui measures every
/// glyph as fugong's `text::width` and a terminal do: when they differ,
/// ratatui places what follows the glyph elsewhere than fugong padded it
/// for, and skips cells the terminal does not cover.
pub fn check_cells_with(buf: &Buffer, widths_agree: bool) -> Result<(), String> {
    let area = buf.area;
    // A width a cell tells the diff must be its glyph's, or the diff skips
    // (or writes) the wrong cells.
    for (i, cell) in buf.content().iter().enumerate() {
        if let ratatui::buffer::CellDiffOption::ForcedWidth(w) = cell.diff_option {
            let sym = cell.symbol();
            let (x, y) = buf.pos_of(i);
            if w.get() != sym.cell_width() {
                return Err(format!(
                    "({x},{y}): {sym:?} tells the diff it is {} cells wide\n{}",
                    w.get(),
                    row_text(buf, y)
                ));
            }
            // A narrow cell that does not let the diff measure it must be
            // followed by a glyph in its row (see `text::cells::tell_narrow`).
            let next = buf.content().get(i + 1).map(|c| c.symbol());
            if w.get() == 1 && (x + 1 >= area.right() || matches!(next, None | Some(" " | ""))) {
                return Err(format!(
                    "({x},{y}): {sym:?} tells the diff it is one cell wide before a blank\n{}",
                    row_text(buf, y)
                ));
            }
        }
    }
    if widths_agree {
        for cell in buf.content() {
            let sym = cell.symbol();
            let ours = fugong::text::width(sym);
            let theirs = usize::from(sym.cell_width());
            let terminal = terminal_width(sym);
            if ours != theirs || theirs != terminal {
                return Err(format!(
                    "{sym:?} is {ours} cells wide to fugong, {theirs} to ratatui, {terminal} to a terminal"
                ));
            }
        }
    }
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let sym = buf[(x, y)].symbol();
            let w = usize::from(sym.cell_width());
            if w == 0 {
                return Err(format!(
                    "({x},{y}): cell {sym:?} is zero cells wide\n{}",
                    row_text(buf, y)
                ));
            }
            for k in 1..w {
                let Some(cx) = x.checked_add(u16::try_from(k).unwrap_or(u16::MAX)) else {
                    return Err(format!("({x},{y}): {sym:?} overflows"));
                };
                if cx >= area.right() {
                    return Err(format!(
                        "({x},{y}): wide {sym:?} runs past the right edge\n{}",
                        row_text(buf, y)
                    ));
                }
                let under = buf[(cx, y)].symbol();
                if !(under == " " || under.is_empty()) {
                    return Err(format!(
                        "({x},{y}): wide {sym:?} has {under:?} drawn over its second half\n{}",
                        row_text(buf, y)
                    ));
                }
            }
            x = x.saturating_add(u16::try_from(w).unwrap_or(u16::MAX));
        }
        let rw = fugong::text::width(&row_text(buf, y));
        if rw != usize::from(area.width) {
            return Err(format!(
                "row {y} is {rw} cells wide, not {}\n{}",
                area.width,
                row_text(buf, y)
            ));
        }
    }
    Ok(())
}

/// [`check_cells`], failing with the screen.
#[track_caller]
pub fn assert_cells(buf: &Buffer, what: &str) {
    if let Err(e) = check_cells(buf) {
        panic!("{what}: {e}\n{}", screen_text(buf));
    }
}
