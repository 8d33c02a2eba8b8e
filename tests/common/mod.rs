//! Helpers shared by the render and action tests.
#![allow(dead_code)]

use fugong::app::App;
use fugong::data::{self, Lang};
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::theme::Theme;
use fugong::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The dashboard on the embedded dataset.
pub fn app(lang: Lang) -> App {
    App::new(
        data::load(None).expect("embedded dataset loads"),
        lang,
        Theme::DARK,
    )
}

/// The dashboard on a dataset text.
pub fn app_from(json: &str, lang: Lang) -> App {
    App::new(
        data::load_str(json, "test").expect("fixture loads"),
        lang,
        Theme::DARK,
    )
}

/// Applies actions in order (csvlens' `step` idea).
pub fn step(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// Resizes the app and draws it into a fresh test terminal.
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| ui::draw(f, app)).expect("draw");
    terminal
}

/// Applies actions, then draws: `step_and_draw`.
pub fn step_and_draw(app: &mut App, actions: &[Action], w: u16, h: u16) -> Terminal<TestBackend> {
    step(app, actions);
    draw(app, w, h)
}

/// The screen's text, one string per row, with wide glyphs' padding cells removed.
pub fn screen(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            s
        })
        .collect()
}

pub fn screen_text(t: &Terminal<TestBackend>) -> String {
    screen(t).join("\n")
}

pub const PANELS: [Panel; 6] = Panel::ALL;
