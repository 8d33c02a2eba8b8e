//! Loading and checking a dataset, against the parsing floor: the same text
//! parsed by `serde_json` into an untyped `Value`, in the same group.
//!
//! `first_frame`: what the dashboard does before its first frame is on
//! screen (load and check, `App::new`, one draw at 200x60), against the
//! load alone in the same group: the budget is 1.2x.
//!
//! `cargo bench --bench load`; one size: `cargo bench --bench load -- load/100k`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fugong::app::App;
use fugong::data::{self, EMBEDDED, Lang, check, load};
use fugong::input::Action;
use fugong::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn load_and_check(c: &mut Criterion) {
    let sets = [
        ("embedded", EMBEDDED),
        ("10k", common::synthetic(10_000)),
        ("100k", common::synthetic(100_000)),
    ];
    for (name, text) in sets {
        let mut g = c.benchmark_group(format!("load/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        match name {
            "embedded" => common::light(&mut g),
            "10k" => common::heavy(&mut g, 2),
            _ => common::heavy(&mut g, 5),
        }
        // Results are dropped outside the timing: freeing is not loading.
        g.bench_function("parse_floor", |b| {
            b.iter_with_large_drop(|| {
                serde_json::from_str::<serde_json::Value>(black_box(text)).expect("valid JSON")
            })
        });
        g.bench_function("load_str", |b| {
            b.iter_with_large_drop(|| common::loaded(black_box(text)))
        });
        // Load, then the dashboard's state and its first frame, as `fugong
        // --data` does before anything is on screen.
        g.bench_function("first_frame", |b| {
            b.iter_with_large_drop(|| {
                let mut app = App::new(common::loaded(black_box(text)), Lang::Both, Theme::DARK);
                app.update(Action::Resize(200, 60));
                let mut terminal =
                    Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
                let _ = terminal.draw(|frame| fugong::ui::draw(frame, &app));
                (app, terminal)
            })
        });
        // Its parts: the typed parse, then the checks on a parsed dataset.
        g.bench_function("parse_typed", |b| {
            b.iter_with_large_drop(|| load::parse(black_box(text)).expect("parses"))
        });
        let parsed = load::parse(text).expect("parses");
        g.bench_function("check", |b| {
            b.iter_with_large_drop(|| check::check(black_box(&parsed)))
        });
        if name == "100k" {
            // From a file, as `fugong check big.json` and `--data` do.
            let path =
                std::env::temp_dir().join(format!("fugong-bench-{}.json", std::process::id()));
            std::fs::write(&path, text).expect("write the dataset");
            g.bench_function("load_path", |b| {
                b.iter_with_large_drop(|| data::load_path(black_box(&path)).expect("valid"))
            });
            let _ = std::fs::remove_file(&path);
        }
        g.finish();
    }
}

criterion_group!(benches, load_and_check);
criterion_main!(benches);
