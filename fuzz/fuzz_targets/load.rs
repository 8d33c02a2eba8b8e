//! Any bytes as a dataset: loading never panics, and a dataset that loads
//! draws in every panel and its first detail popup without panicking.
//!
//! cargo +nightly fuzz run load fuzz/corpus/load assets tests/data -- -dict=fuzz/load.dict

#![no_main]

use fugong::app::App;
use fugong::panel::Panel;
use fugong::data::{self, Lang};
use fugong::input::Action;
use fugong::theme::Theme;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(loaded) = data::load_str(text, "fuzz") else {
        return;
    };
    let mut app = App::new(loaded, Lang::Both, Theme::DARK);
    for panel in Panel::ALL {
        app.update(Action::GoPanel(panel));
        for (w, h) in [(80, 24), (60, 16)] {
            fugong::snapshot::render(&mut app, w, h);
        }
        app.update(Action::Open);
        fugong::snapshot::render(&mut app, 80, 24);
        app.update(Action::Back);
    }
});
