//! The terminal's lifecycle and the event loop.
//!
//! [`init`] installs a panic hook that restores the terminal (mouse
//! reporting off, raw mode off, main screen back), then enters raw mode and
//! the alternate screen, as `ratatui::init` does. The same restore runs on
//! every way out: quitting, an error, SIGTERM, SIGHUP and SIGINT (through
//! signal-hook), and around a suspend (Ctrl-Z or SIGTSTP), after which
//! SIGCONT brings the dashboard back, fully redrawn.
//!
//! Frames go through [`WideSafe`], which fixes how ratatui writes the cell
//! after an emoji with VS16 (see there).

use std::io::{IsTerminal, Stdout, Write as _, stdout};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::{Context, Result, bail};
use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType as BackendClear, CrosstermBackend, WindowSize};
use ratatui::buffer::{Cell, CellWidth};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::{Position, Size};
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect};
use crate::input::{self, Action};
use crate::ui;

/// The dashboard's terminal.
type Screen = Terminal<WideSafe<CrosstermBackend<Stdout>>>;

/// A backend that writes frames through `B`, except that after a glyph
/// carrying VS16 (U+FE0F, as in 1️⃣ or ❤️) it leaves out the update of the
/// glyph's blank trailing cell and starts the next cell with a cursor move.
///
/// ratatui measures such a glyph as two cells and, to clear terminals that
/// draw it in one, sends its trailing cell right after it without moving the
/// cursor. Terminals that draw it in two cells (most do, as tmux does) have
/// already moved past that cell, so the blank lands one column late and the
/// rest of the row shifts by one. With the cursor placed explicitly, every
/// cell lands where the buffer has it in both kinds of terminal; a terminal
/// that draws the glyph in one cell only keeps whatever was in the cell
/// after it.
pub struct WideSafe<B>(pub B);

impl<B: Backend> Backend for WideSafe<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut run: Vec<(u16, u16, &'a Cell)> = Vec::new();
        // The cells a wide VS16 glyph covers on its row (x from..to), whose
        // blank updates are left out.
        let mut covered: Option<(u16, u16, u16)> = None;
        for (x, y, cell) in content {
            if let Some((row, from, to)) = covered {
                if y == row && (from..to).contains(&x) && cell.symbol().trim().is_empty() {
                    continue;
                }
                covered = None;
            }
            run.push((x, y, cell));
            let w = cell.symbol().cell_width();
            if w > 1 && cell.symbol().contains('\u{fe0f}') {
                // Whatever comes next starts a new run, with a cursor move.
                self.0.draw(run.drain(..))?;
                covered = Some((y, x.saturating_add(1), x.saturating_add(w)));
            }
        }
        self.0.draw(run.into_iter())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: BackendClear) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

impl<B: std::io::Write> std::io::Write for WideSafe<CrosstermBackend<B>> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::Write::flush(&mut self.0)
    }
}

/// Restores the terminal on a panic, then enters the dashboard's modes
/// as a resume from a suspend does ([`enter`]).
fn init() -> Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        hook(info);
    }));
    let mut terminal =
        Terminal::new(WideSafe(CrosstermBackend::new(stdout()))).context("opening the terminal")?;
    enter(&mut terminal)?;
    Ok(terminal)
}

/// What wakes the loop: terminal input, the watched file changing, or a signal.
enum Wake {
    Input(Event),
    FileChanged,
    InputFailed(std::io::Error),
    Signal(i32),
}

/// How the dashboard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal ended it (SIGTERM, SIGHUP, SIGINT); the terminal was restored.
    Signal(i32),
}

impl Outcome {
    /// The process exit code: 0, or 128 + the signal number, as shells do.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Quit => 0,
            Outcome::Signal(s) => u8::try_from(128 + s).unwrap_or(1),
        }
    }
}

/// Fails at once, before anything is written, when there is no terminal.
pub fn require_terminal() -> Result<()> {
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        bail!(
            "the dashboard needs a terminal on stdin and stdout; without one, use `fugong snapshot` to print a panel or `fugong export` to write a table"
        );
    }
    Ok(())
}

/// Leaves the dashboard's terminal modes: mouse off, then raw mode off, main
/// screen back, cursor shown.
fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(stdout(), ratatui::crossterm::cursor::Show);
}

/// Enters them again after a suspend.
fn enter(terminal: &mut Screen) -> Result<()> {
    enable_raw_mode().context("entering raw mode")?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
        .context("entering the alternate screen")?;
    terminal.hide_cursor().context("hiding the cursor")?;
    // Clear the screen, and draw an empty frame so ratatui's idea of the
    // screen is blank too: the next draw repaints every cell. (Terminal::clear
    // would ask the terminal for the cursor position, a query that the input
    // thread's read would swallow.)
    execute!(stdout(), Clear(ClearType::All)).context("clearing the screen")?;
    terminal.draw(|_| {}).context("clearing the screen")?;
    execute!(stdout(), Clear(ClearType::All)).context("clearing the screen")?;
    Ok(())
}

/// Runs the dashboard until the user quits or a signal ends it.
pub fn run(mut app: App) -> Result<Outcome> {
    require_terminal()?;
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])
        .context("installing signal handlers")?;
    let signal_handle = signals.handle();
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if signal_tx.send(Wake::Signal(sig)).is_err() {
                return;
            }
        }
    });
    // The watcher lives as long as the loop; dropping it stops the notifications.
    let _watcher = match app.watched() {
        Some(path) => {
            let tx = tx.clone();
            Some(watch(path, move || {
                let _ = tx.send(Wake::FileChanged);
            })?)
        }
        None => None,
    };
    let result = (|| -> Result<Outcome> {
        let mut terminal = init()?;
        let size = terminal.size().context("reading the terminal size")?;
        app.update(Action::Resize(size.width, size.height));
        spawn_input(tx);
        event_loop(&mut terminal, &mut app, &rx)
    })();
    // Restore whatever happened above.
    leave();
    signal_handle.close();
    result
}

/// Reads terminal input on its own thread, blocking, and forwards it.
fn spawn_input(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(ev) => Wake::Input(ev),
                Err(e) => Wake::InputFailed(e),
            };
            let failed = matches!(wake, Wake::InputFailed(_));
            if tx.send(wake).is_err() || failed {
                return;
            }
        }
    });
}

/// Calls `on_change` whenever the file at `path` is created, written or
/// removed. It watches the file's folder, so an editor's save-by-rename and a
/// file that vanishes and comes back are both seen: file-system
/// notifications, not polling. Watching stops when the watcher is dropped.
pub fn watch(
    path: &Path,
    on_change: impl Fn() + Send + 'static,
) -> Result<notify::RecommendedWatcher> {
    let name = path.file_name().map(ToOwned::to_owned);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        let ours = ev.paths.iter().any(|p| p.file_name() == name.as_deref());
        let relevant = matches!(
            ev.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        );
        if ours && relevant {
            on_change();
        }
    })
    .context("starting the file watcher")?;
    watcher
        .watch(&dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("watching {}", dir.display()))?;
    Ok(watcher)
}

/// Stops the process with the terminal restored; returns after SIGCONT with
/// the dashboard's modes back and a full redraw due.
fn suspend(terminal: &mut Screen) -> Result<()> {
    leave();
    // SIGSTOP cannot be caught: the process stops here until `fg`.
    signal_hook::low_level::raise(SIGSTOP).context("suspending")?;
    enter(terminal)
}

fn event_loop(terminal: &mut Screen, app: &mut App, rx: &Receiver<Wake>) -> Result<Outcome> {
    let mut dirty = true;
    let mut first_frame = true;
    loop {
        if dirty {
            terminal
                .draw(|frame| ui::draw(frame, app))
                .context("drawing the dashboard")?;
            dirty = false;
            debug_panic();
        }
        if first_frame {
            // The first frame is up: build what filtering needs on another
            // thread, so the first keystroke finds it ready.
            app.prepare_search();
            first_frame = false;
        }
        // Block until something happens: no tick while idle.
        let first = rx.recv().context("the input thread stopped")?;
        // Take everything already queued (a burst of resizes, an editor's
        // several writes) before drawing once; reload once per burst.
        let mut file_changed = false;
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let effect = match wake {
                Wake::Input(ev) => match input::action(&ev, app.mode(), app.panel()) {
                    Some(action) => app.update(action),
                    None => Effect::None,
                },
                Wake::FileChanged => {
                    file_changed = true;
                    Effect::None
                }
                Wake::InputFailed(e) => return Err(e).context("reading terminal input"),
                Wake::Signal(SIGTSTP) => Effect::Suspend,
                Wake::Signal(SIGCONT) => {
                    // Continued after a stop we did not make (kill -STOP):
                    // the shell may have changed the modes; take them again.
                    enter(terminal)?;
                    Effect::Redraw
                }
                Wake::Signal(sig) => return Ok(Outcome::Signal(sig)),
            };
            if let Some(outcome) = perform(terminal, app, effect, &mut dirty)? {
                return Ok(outcome);
            }
        }
        if file_changed {
            let effect = app.update(Action::FileChanged);
            if let Some(outcome) = perform(terminal, app, effect, &mut dirty)? {
                return Ok(outcome);
            }
        }
    }
}

/// Does what an update asked for; `Some` when the dashboard is to end.
fn perform(
    terminal: &mut Screen,
    app: &mut App,
    effect: Effect,
    dirty: &mut bool,
) -> Result<Option<Outcome>> {
    *dirty |= effect.redraws();
    match effect {
        Effect::None | Effect::Redraw => {}
        Effect::Quit => return Ok(Some(Outcome::Quit)),
        // Only a keypress (`y`) ever asks for this.
        Effect::Copy(text) => {
            let out = terminal.backend_mut();
            out.write_all(osc52(&text).as_bytes())
                .and_then(|()| std::io::Write::flush(out))
                .context("writing to the clipboard")?;
            // Inside tmux the footer says where the text really went.
            if let Some(tmux) = tmux_copy(&text) {
                *dirty |= app.copied_in_tmux(&text, tmux).redraws();
            }
        }
        Effect::Suspend => {
            suspend(terminal)?;
            // Our own SIGCONT arrives now too; the redraw covers it.
        }
        Effect::Export { name, bytes, rows } => {
            let written = write_free(std::path::Path::new("."), &name, &bytes).map(|n| (n, rows));
            *dirty |= app.exported(written).redraws();
        }
        Effect::Reload(path) => {
            // The one file read after start-up, here and not in the app.
            let reloaded = app.reloaded(crate::data::load_path_with(&path, app.draft_options()));
            *dirty |= reloaded.redraws();
        }
    }
    Ok(None)
}

/// Writes `bytes` to `name` in `dir` (the working folder), or to the first
/// of `name-2`, `name-3`… that does not exist: an export never replaces a
/// file. Returns the name written, or the reason in one line.
fn write_free(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<String, String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut last = String::new();
    for n in 1..100 {
        let candidate = match n {
            1 => name.to_string(),
            _ => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(&candidate);
        if path.exists() {
            continue;
        }
        match crate::export::write_file(&path, false, bytes) {
            Ok(()) => return Ok(candidate),
            Err(e) => last = format!("{e:#}"),
        }
    }
    Err(if last.is_empty() {
        format!("{name} and 98 more names are taken")
    } else {
        last
    })
}

/// Inside tmux (`$TMUX` set), where a copy went: tmux's `set-clipboard`
/// decides whether it takes the OSC 52 ("on": into a paste buffer and on to
/// the terminal; "external", the default: on to the terminal only; "off":
/// nowhere). Unless it is "on", the text is put in a paste buffer with
/// `tmux load-buffer`, so it is somewhere sure. `None` outside tmux, or when
/// tmux cannot be asked.
fn tmux_copy(text: &str) -> Option<crate::app::InTmux> {
    use std::process::{Command, Stdio};
    std::env::var_os("TMUX")?;
    let asked = Command::new("tmux")
        .args(["show-options", "-sv", "set-clipboard"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let set_clipboard = String::from_utf8_lossy(&asked.stdout).trim().to_string();
    if set_clipboard == "on" {
        return Some(crate::app::InTmux {
            set_clipboard,
            buffer: Ok(()),
        });
    }
    let clean = cleaned(text);
    let load = || -> std::io::Result<std::process::Output> {
        let mut child = Command::new("tmux")
            .args(["load-buffer", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(clean.as_bytes())?;
        }
        child.wait_with_output()
    };
    let buffer = match load() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).trim().to_string()),
        Err(e) => Err(e.to_string()),
    };
    Some(crate::app::InTmux {
        set_clipboard,
        buffer,
    })
}

/// What a copy puts on a clipboard: `text` sanitized again, line by line,
/// so line breaks between sentences stay and nothing else can drive the
/// terminal.
fn cleaned(text: &str) -> String {
    let lines: Vec<_> = text.lines().map(crate::data::sanitize::clean).collect();
    lines.join("\n")
}

/// The terminal's "set clipboard" sequence (OSC 52) for `text`, which is
/// sanitized again so nothing in it can drive the terminal. It works over SSH,
/// and in tmux with `set-clipboard on`.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD.encode(cleaned(text));
    format!("\x1b]52;c;{payload}\x07")
}

/// Debug builds only: `FUGONG_DEBUG_PANIC=1` panics after the first draw, so
/// the tests can check that a panic restores the terminal.
fn debug_panic() {
    #[cfg(debug_assertions)]
    if std::env::var_os("FUGONG_DEBUG_PANIC").is_some() {
        panic!("FUGONG_DEBUG_PANIC is set: a deliberate panic to test terminal restore");
    }
}

#[cfg(test)]
mod tests {
    use super::{WideSafe, osc52, write_free};
    use ratatui::backend::{Backend, TestBackend};
    use ratatui::buffer::Cell;

    /// Draws `cells` (x, symbol) on row 0 of `backend` through WideSafe.
    fn draw(backend: &mut WideSafe<TestBackend>, cells: &[(u16, &str)]) {
        let cells: Vec<(u16, Cell)> = cells
            .iter()
            .map(|&(x, s)| {
                let mut c = Cell::default();
                c.set_symbol(s);
                (x, c)
            })
            .collect();
        backend
            .draw(cells.iter().map(|(x, c)| (*x, 0, c)))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    fn row(backend: &WideSafe<TestBackend>) -> Vec<String> {
        let buf = backend.0.buffer();
        (0..buf.area.width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn a_wide_vs16_glyphs_blank_trailing_cell_is_left_out() {
        let mut b = WideSafe(TestBackend::new(4, 1));
        draw(&mut b, &[(0, "a"), (1, "b"), (2, "c")]);
        // ratatui sends 1️⃣ then its trailing blank: the blank is not sent,
        // and the next cell is still drawn.
        draw(&mut b, &[(0, "1\u{fe0f}\u{20e3}"), (1, " "), (2, "z")]);
        let r = row(&b);
        assert_eq!(r[1], "b", "the covered cell was not written: {r:?}");
        assert_eq!(r[2], "z", "{r:?}");
    }

    #[test]
    fn a_narrow_glyph_with_vs16_keeps_the_update_after_it() {
        let mut b = WideSafe(TestBackend::new(3, 1));
        draw(&mut b, &[(0, "b"), (1, "X")]);
        // One cell wide: the blank after it is a real update.
        draw(&mut b, &[(0, "a\u{fe0f}"), (1, " ")]);
        assert_eq!(row(&b)[1], " ");
    }
    use base64::Engine as _;

    fn payload(seq: &str) -> String {
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap_or_else(|| panic!("not an OSC 52 sequence: {seq:?}"));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_clipboard_gets_the_text_in_base64() {
        let text = "荣昌高新区复工率：98.3%（470/478）";
        assert_eq!(payload(&osc52(text)), text);
    }

    #[test]
    fn nothing_in_the_copied_text_can_drive_the_terminal() {
        let seq = osc52("a\x1b]0;title\x07b\u{202e}c\u{9b}");
        // Exactly one escape and one BEL: the sequence's own.
        assert_eq!(seq.matches('\x1b').count(), 1);
        assert_eq!(seq.matches('\x07').count(), 1);
        let text = payload(&seq);
        assert!(
            !text.chars().any(crate::data::sanitize::is_hostile),
            "{text:?}"
        );
        assert!(text.contains("⟨U+202E⟩"), "{text:?}");
    }

    #[test]
    fn an_export_from_the_dashboard_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let name = "fugong-rates-2020-03-25.csv";
        assert_eq!(write_free(dir.path(), name, b"a").as_deref(), Ok(name));
        assert_eq!(
            write_free(dir.path(), name, b"b").as_deref(),
            Ok("fugong-rates-2020-03-25-2.csv")
        );
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), b"a");
        let missing = dir.path().join("gone");
        let e = write_free(&missing, name, b"c").unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
    }
}
