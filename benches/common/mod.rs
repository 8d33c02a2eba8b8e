//! What the benchmarks share: the synthetic datasets, made once per run by
//! the same generator as `cargo run --example synth`, and an app on them.

// Each benchmark binary uses a part of this module.
#![allow(dead_code)]

#[path = "../../examples/synth/generate.rs"]
pub mod synth;

use std::sync::OnceLock;
use std::time::Duration;

use criterion::{BenchmarkGroup, SamplingMode, measurement::WallTime};
use fugong::app::App;
use fugong::data::{self, EMBEDDED, Lang, Loaded};
use fugong::theme::Theme;

/// The seed of every synthetic dataset, as `synth`'s default.
pub const SEED: u64 = 2020;

/// The synthetic dataset of `records` records (5,000, 10,000 or 100,000), made once.
pub fn synthetic(records: usize) -> &'static str {
    static FIVE_K: OnceLock<String> = OnceLock::new();
    static TEN_K: OnceLock<String> = OnceLock::new();
    static HUNDRED_K: OnceLock<String> = OnceLock::new();
    let cell = match records {
        5_000 => &FIVE_K,
        10_000 => &TEN_K,
        100_000 => &HUNDRED_K,
        _ => panic!("the benchmarks use 5k, 10k and 100k records, not {records}"),
    };
    cell.get_or_init(|| synth::generate(records, SEED))
}

/// The datasets that rendering and interaction are measured on.
pub fn datasets() -> [(&'static str, &'static str); 2] {
    [("embedded", EMBEDDED), ("100k", synthetic(100_000))]
}

pub fn loaded(text: &str) -> Loaded {
    match data::load_str(text, "benchmark") {
        Ok(l) => l,
        Err(e) => panic!("the benchmark dataset is invalid: {e}: {:?}", e.problems),
    }
}

/// The dashboard on `text`, as `fugong` starts it (both languages, dark theme).
pub fn app(text: &str) -> App {
    App::new(loaded(text), Lang::Both, Theme::DARK)
}

/// Ten samples of equal size for work of many milliseconds; `secs` must
/// hold at least ten runs of the slowest benchmark of the group.
pub fn heavy(g: &mut BenchmarkGroup<'_, WallTime>, secs: u64) {
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(secs));
}

/// Short runs for work of micro- to milliseconds.
pub fn light(g: &mut BenchmarkGroup<'_, WallTime>) {
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
}
