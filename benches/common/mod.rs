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

/// A dataset of `series` rates and `series` counts of `points` reports
/// each, a report every other day from 2020-01-01, and on every fifth
/// report a change against the day before (a value it implies): the
/// series benchmarks' data. Rates run from 20% to 100%, counts up to
/// about 50,000.
pub fn series(series: usize, points: usize) -> String {
    use serde_json::json;
    let start = time::macros::date!(2020 - 01 - 01);
    let day = |n: usize| {
        let d = start + time::Duration::days(n as i64);
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    };
    let mut rates = Vec::with_capacity(series * points);
    let mut counts = Vec::with_capacity(series * points);
    let mut changes = Vec::new();
    for s in 0..series {
        for p in 0..points {
            let rate = 20.0 + 80.0 * (p as f64 + 1.0) / points as f64;
            let rate = (rate * 10.0).round() / 10.0;
            let count = 1_000 + (s * 7 + p * 13) % 49_000;
            let date = day(2 * p);
            let id = format!("rate-{s}-{p}");
            rates.push(json!({
                "id": id, "label": {"zh": format!("复工率{s}"), "en": format!("Resumption rate {s}")},
                "value": rate, "figure": format!("{rate}%"),
                "when": {"date": date, "relation": "as_of"},
                "source": {"paragraph": 1, "quote": format!("{rate}%")}
            }));
            counts.push(json!({
                "id": format!("count-{s}-{p}"),
                "label": {"zh": format!("返岗人数{s}"), "en": format!("Workers back {s}")},
                "category": "workers", "value": count, "unit": {"zh": "人", "en": "people"},
                "figure": count.to_string(), "when": {"date": date, "relation": "as_of"},
                "source": {"paragraph": 1, "quote": count.to_string()}
            }));
            if p % 5 == 4 {
                changes.push(json!({
                    "id": format!("change-{s}-{p}"),
                    "label": {"zh": "较前一日提高", "en": "Rise since the day before"},
                    "value": 0.5, "unit": {"zh": "个百分点", "en": "percentage points"},
                    "of": id, "figure": "0.5", "when": {"date": date, "relation": "as_of"},
                    "from": {"date": day(2 * p - 1), "relation": "on"},
                    "source": {"paragraph": 1, "quote": "0.5"}
                }));
            }
        }
    }
    json!({
        "schema_version": 1,
        "title": {"zh": "序列", "en": "Series"},
        "source": {"title": {"zh": "合成", "en": "Synthetic"}, "paragraphs": 1},
        "year": {"value": 2020, "inferred": false},
        "places": [], "organisations": [], "rates": rates, "counts": counts,
        "changes": changes, "events": [], "projects": [], "people": []
    })
    .to_string()
}
