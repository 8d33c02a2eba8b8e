//! The terminal's lifecycle and the event loop.
//!
//! `ratatui::init` enters raw mode and the alternate screen and installs a
//! panic hook that restores the terminal; `restore` runs on every way out.

use std::io::{IsTerminal, stdout};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::{Context, Result, bail};
use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::input::{self, Action};
use crate::ui;

/// What wakes the loop: terminal input, or the watched file changing.
enum Wake {
    Input(Event),
    FileChanged,
    InputFailed(std::io::Error),
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

/// Runs the dashboard until the user quits.
pub fn run(mut app: App) -> Result<()> {
    require_terminal()?;
    let (tx, rx) = mpsc::channel();
    // The watcher lives as long as the loop; dropping it stops the notifications.
    let _watcher = match app.watch.clone() {
        Some(path) => {
            let tx = tx.clone();
            Some(watch(&path, move || {
                let _ = tx.send(Wake::FileChanged);
            })?)
        }
        None => None,
    };
    let mut terminal = ratatui::init();
    let result = (|| -> Result<()> {
        execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
        let size = terminal.size().context("reading the terminal size")?;
        app.update(Action::Resize(size.width, size.height));
        spawn_input(tx);
        event_loop(&mut terminal, &mut app, &rx)
    })();
    // Restore whatever happened above.
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Wake>,
) -> Result<()> {
    let mut dirty = true;
    loop {
        if dirty {
            terminal
                .draw(|frame| ui::draw(frame, app))
                .context("drawing the dashboard")?;
            dirty = false;
        }
        // Block until something happens: no tick while idle.
        let first = rx.recv().context("the input thread stopped")?;
        // Take everything already queued (a burst of resizes, an editor's
        // several writes) before drawing once; reload once per burst.
        let mut file_changed = false;
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            match wake {
                Wake::Input(ev) => {
                    if let Some(action) = input::action(&ev, app.mode(), app.panel) {
                        dirty |= app.update(action);
                    }
                }
                Wake::FileChanged => file_changed = true,
                Wake::InputFailed(e) => return Err(e).context("reading terminal input"),
            }
            if app.quit {
                return Ok(());
            }
        }
        if file_changed {
            dirty |= app.update(Action::FileChanged);
        }
    }
}
