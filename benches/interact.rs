//! What a key costs over 100k records: a filter keystroke, a sort, starting
//! the app, and one whole cycle of key, update and draw at 200x60 (moving
//! the as-of date among them).
//!
//! `cargo bench --bench interact`; one group: `cargo bench --bench interact -- interact/sort`.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use fugong::app::App;
use fugong::data::Lang;
use fugong::input::{self, Action};
use fugong::panel::{Panel, SortKey};
use fugong::theme::Theme;
use fugong::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Times `timed` only; `untimed` puts the app back before the next iteration.
fn time_only(
    app: &mut App,
    iters: u64,
    mut timed: impl FnMut(&mut App),
    mut untimed: impl FnMut(&mut App),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        timed(app);
        total += start.elapsed();
        untimed(app);
    }
    total
}

fn start_filter(app: &mut App, panel: Panel, filter: &str) {
    app.update(Action::GoPanel(panel));
    app.update(Action::StartFilter);
    for ch in filter.chars() {
        app.update(Action::FilterChar(ch));
    }
}

fn clear_filter(app: &mut App) {
    app.update(Action::Back);
}

/// One key typed into the filter: the panel's list is filtered and sorted again.
fn filter(c: &mut Criterion) {
    let text = common::synthetic(100_000);
    let mut app = common::app(text);
    app.update(Action::Resize(200, 60));
    let mut g = c.benchmark_group("interact/100k/filter");
    common::heavy(&mut g, 2);
    let cases: [(Panel, &str, char); 8] = [
        (Panel::Workforce, "", 'e'),
        (Panel::Workforce, "work", 'e'),
        (Panel::Workforce, "务工", '人'),
        (Panel::Timeline, "return", ' '),
        (Panel::Checks, "", '9'),
        // Column conditions: each key filters every row again.
        (Panel::Workforce, "value>100", '0'),
        (Panel::Timeline, "date<2020-03-0", '1'),
        (Panel::Workforce, "place:湖", '北'),
    ];
    for (panel, before, ch) in cases {
        start_filter(&mut app, panel, before);
        g.bench_function(format!("{panel:?}/{before}+{ch}"), |b| {
            b.iter_custom(|iters| {
                time_only(
                    &mut app,
                    iters,
                    |a| {
                        a.update(Action::FilterChar(ch));
                    },
                    |a| {
                        a.update(Action::FilterBackspace);
                    },
                )
            })
        });
        clear_filter(&mut app);
    }
    g.finish();
}

/// `s` on a panel of 100k rows: the sort moves to `key`.
fn sort(c: &mut Criterion) {
    let text = common::synthetic(100_000);
    let mut app = common::app(text);
    app.update(Action::Resize(200, 60));
    let mut g = c.benchmark_group("interact/100k/sort");
    common::heavy(&mut g, 2);
    let cases: [(Panel, SortKey, Lang); 7] = [
        (Panel::Workforce, SortKey::Label, Lang::Both),
        (Panel::Workforce, SortKey::Label, Lang::En),
        (Panel::Workforce, SortKey::Value, Lang::Both),
        (Panel::Workforce, SortKey::Date, Lang::Both),
        (Panel::Workforce, SortKey::Place, Lang::Both),
        (Panel::Timeline, SortKey::Label, Lang::Both),
        (Panel::Checks, SortKey::Kind, Lang::Both),
    ];
    for (panel, key, lang) in cases {
        app.update(Action::GoPanel(panel));
        while app.lang() != lang {
            app.update(Action::CycleLang);
        }
        let keys = panel.sort_keys();
        let k = keys
            .iter()
            .position(|x| *x == key)
            .expect("a sort key of the panel");
        let before = (k + keys.len() - 1) % keys.len();
        g.bench_function(format!("{panel:?}/{key:?}/{lang:?}"), |b| {
            b.iter_custom(|iters| {
                time_only(
                    &mut app,
                    iters,
                    |a| {
                        a.update(Action::CycleSort);
                    },
                    |a| {
                        while a.sort_key(panel) != keys[before] {
                            a.update(Action::CycleSort);
                        }
                    },
                )
            })
        });
        // Back to the article's order, in both languages.
        while app.sort_key(panel) != keys[0] {
            app.update(Action::CycleSort);
        }
        while app.lang() != Lang::Both {
            app.update(Action::CycleLang);
        }
    }
    // `S`: the same sort, reversed.
    app.update(Action::GoPanel(Panel::Workforce));
    g.bench_function("Workforce/flip", |b| {
        b.iter(|| app.update(black_box(Action::FlipSort)))
    });
    g.finish();
}

/// `App::new`: what happens between load and the first frame.
fn start(c: &mut Criterion) {
    let mut g = c.benchmark_group("interact/100k/start");
    common::heavy(&mut g, 4);
    let loaded = common::loaded(common::synthetic(100_000));
    g.bench_function("App::new", |b| {
        b.iter_batched(
            || loaded.clone(),
            |l| App::new(l, Lang::Both, Theme::DARK),
            BatchSize::LargeInput,
        )
    });
    // The first filter keystroke on a dashboard whose search text is not
    // built yet (the dashboard builds it on a thread after its first frame,
    // so a person meets this only by typing within that time).
    g.bench_function("first filter key, search text not built", |b| {
        b.iter_batched(
            || {
                let mut app = App::new(loaded.clone(), Lang::Both, Theme::DARK);
                app.update(Action::Resize(200, 60));
                app.update(Action::GoPanel(Panel::Workforce));
                app.update(Action::StartFilter);
                app
            },
            |mut app| {
                app.update(Action::FilterChar('e'));
                app
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// What the event loop does with one event: map it, update, draw if changed.
fn step(app: &mut App, terminal: &mut Terminal<TestBackend>, ev: &Event) {
    if let Some(action) = input::action(ev, app.mode(), app.panel())
        && app.update(action).redraws()
    {
        let _ = terminal.draw(|frame| ui::draw(frame, app));
    }
}

/// One whole cycle at 200x60: a key event becomes an action, the app
/// updates, and the frame is drawn (as the event loop does).
fn cycle(c: &mut Criterion) {
    for (name, text) in common::datasets() {
        let mut app = common::app(text);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
        app.update(Action::Resize(200, 60));
        let mut g = c.benchmark_group(format!("interact/{name}/cycle"));
        common::light(&mut g);
        g.bench_function("empty_frame_floor", |b| {
            b.iter(|| {
                let _ = terminal.draw(|_| {});
            })
        });
        // j and k in turn, so the selection stays put.
        for panel in Panel::ALL {
            app.update(Action::GoPanel(panel));
            let mut down = true;
            g.bench_function(format!("{panel:?}/j-k"), |b| {
                b.iter(|| {
                    step(&mut app, &mut terminal, &key(if down { 'j' } else { 'k' }));
                    down = !down;
                })
            });
        }
        // A key typed into the Workforce filter, then drawn.
        start_filter(&mut app, Panel::Workforce, "work");
        g.bench_function("Workforce/filter-key", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    step(&mut app, &mut terminal, &key('e'));
                    total += start.elapsed();
                    app.update(Action::FilterBackspace);
                }
                total
            })
        });
        clear_filter(&mut app);
        // Scrolling the detail popup of a Workforce row.
        app.update(Action::GoPanel(Panel::Workforce));
        app.update(Action::Open);
        let mut down = true;
        g.bench_function("Detail/j-k", |b| {
            b.iter(|| {
                step(&mut app, &mut terminal, &key(if down { 'j' } else { 'k' }));
                down = !down;
            })
        });
        app.update(Action::Back);
        // Moving the as-of date: `[` and `]` in turn on the Overview, whose
        // gauges and headline figures are recomputed for the date.
        app.update(Action::GoPanel(Panel::Overview));
        let mut back = true;
        g.bench_function("Overview/as-of-[-]", |b| {
            b.iter(|| {
                step(&mut app, &mut terminal, &key(if back { '[' } else { ']' }));
                back = !back;
            })
        });
        g.finish();
    }
}

criterion_group!(benches, filter, sort, start, cycle);
criterion_main!(benches);
