//! The terminal's lifecycle and the event loop.
//!
//! `ratatui::init` enters raw mode and the alternate screen and installs a
//! panic hook that restores the terminal; `restore` runs on every way out.

use std::io::{IsTerminal, stdout};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::input;
use crate::ui;

/// Runs the dashboard until the user quits.
pub fn run(mut app: App) -> Result<()> {
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        bail!(
            "the dashboard needs a terminal on stdin and stdout; `fugong check` prints the summary without one"
        );
    }
    let mut terminal = ratatui::init();
    let result = (|| -> Result<()> {
        execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
        let size = terminal.size().context("reading the terminal size")?;
        app.update(input::Action::Resize(size.width, size.height));
        event_loop(&mut terminal, &mut app)
    })();
    // Restore whatever happened above.
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    let mut dirty = true;
    loop {
        if dirty {
            terminal
                .draw(|frame| ui::draw(frame, app))
                .context("drawing the dashboard")?;
            dirty = false;
        }
        // Block until something happens: no tick while idle.
        let ev = event::read().context("reading terminal input")?;
        dirty |= handle(app, &ev);
        // Take everything already queued (a burst of resizes, a fast typist)
        // before drawing once.
        while event::poll(Duration::ZERO).context("polling terminal input")? {
            let ev = event::read().context("reading terminal input")?;
            dirty |= handle(app, &ev);
        }
        if app.quit {
            return Ok(());
        }
    }
}

fn handle(app: &mut App, ev: &event::Event) -> bool {
    match input::action(ev, app.mode(), app.panel) {
        Some(action) => app.update(action),
        None => false,
    }
}
