//! Series at scale, against the render budgets: one series of 10,000
//! reports, and 10,000 series of 10 reports, each a rate and a count with a
//! change on every fifth report. Every panel a series draws on (Overview's
//! sparklines, the Rates and Workforce charts, a rate's detail) at 200x60,
//! against the drawing floor of the same group; and the load, which finds
//! the series.
//!
//! `cargo bench --bench series`.

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

fn series(c: &mut Criterion) {
    for (name, n, points) in [("1x10000", 1, 10_000), ("10000x10", 10_000, 10)] {
        let text = common::series(n, points);
        let mut g = c.benchmark_group(format!("series/{name}"));
        common::heavy(&mut g, 5);
        g.bench_function("load_str", |b| b.iter(|| common::loaded(&text)));
        g.finish();

        let mut app = common::app(&text);
        let (w, h) = (200, 60);
        let mut g = c.benchmark_group(format!("series/{name}/{w}x{h}"));
        common::light(&mut g);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
        app.update(Action::Resize(w, h));
        g.bench_function("empty_frame_floor", |b| {
            b.iter(|| {
                let _ = terminal.draw(|_| {});
            })
        });
        for panel in [Panel::Overview, Panel::Rates, Panel::Workforce] {
            app.update(Action::GoPanel(panel));
            g.bench_function(format!("{panel:?}"), |b| {
                b.iter(|| draw(&mut terminal, &app))
            });
        }
        app.update(Action::GoPanel(Panel::Rates));
        app.update(Action::Open);
        g.bench_function("Detail", |b| b.iter(|| draw(&mut terminal, &app)));
        app.update(Action::Back);
        g.finish();
    }
}

criterion_group!(benches, series);
criterion_main!(benches);
