//! Drawing each panel through ratatui's `Terminal` on a `TestBackend`, as the
//! dashboard draws (render, then diff against the last frame), against the
//! drawing floor: an empty frame of the same size, in the same group.
//!
//! The embedded dataset fills few rows (4 rates, 9 projects); 5k records fill
//! every list at 200x60 as 100k do, so 5k against 100k compares the same
//! visible content with 20 times the data behind it.
//!
//! `cargo bench --bench render`; one group: `cargo bench --bench render -- render/100k/200x60`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use fugong::app::App;
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    let _ = terminal.draw(|frame| ui::draw(frame, app));
}

fn render(c: &mut Criterion) {
    let [embedded, big] = common::datasets();
    let sets = [
        (embedded, &[(80, 24), (200, 60)][..]),
        (("5k", common::synthetic(5_000)), &[(200, 60)][..]),
        (big, &[(80, 24), (200, 60)][..]),
    ];
    for ((name, text), sizes) in sets {
        let mut app = common::app(text);
        for &(w, h) in sizes {
            let mut g = c.benchmark_group(format!("render/{name}/{w}x{h}"));
            common::light(&mut g);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
            app.update(Action::Resize(w, h));
            g.bench_function("empty_frame_floor", |b| {
                b.iter(|| {
                    let _ = terminal.draw(|_| {});
                })
            });
            for panel in Panel::ALL {
                app.update(Action::GoPanel(panel));
                g.bench_function(format!("{panel:?}"), |b| {
                    b.iter(|| draw(&mut terminal, &app))
                });
            }
            // The detail popup of the first Workforce row, over its panel.
            app.update(Action::GoPanel(Panel::Workforce));
            app.update(Action::Open);
            g.bench_function("Detail", |b| b.iter(|| draw(&mut terminal, &app)));
            app.update(Action::Back);
            g.finish();
        }
    }
}

criterion_group!(benches, render);
criterion_main!(benches);
