//! Drafting an article's text into a dataset (`fugong draft`): the seed
//! article (budget: under 5 ms), and the same text repeated to about 1 MB
//! and 10 MB, to show the cost grows linearly (budget: 10 MB under 2 s).
//! Each group also drafts and checks (`data::load_draft`, what
//! `--data ARTICLE.txt` does), since check verifies every quote.
//!
//! `cargo bench --bench draft`; one size: `cargo bench --bench draft -- draft/seed`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fugong::data::{self, draft};

const SEED: &str = include_str!("../tests/data/article.txt");

/// The seed article repeated until it is at least `bytes` long.
fn repeated(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + SEED.len());
    while s.len() < bytes {
        s.push_str(SEED);
        if !s.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

fn drafting(c: &mut Criterion) {
    let opts = draft::Options {
        year: Some(2020),
        ..draft::Options::default()
    };
    let sets = [
        ("seed", SEED.to_string()),
        ("1MB", repeated(1 << 20)),
        ("10MB", repeated(10 << 20)),
    ];
    for (name, text) in &sets {
        let mut g = c.benchmark_group(format!("draft/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        match *name {
            "seed" => common::light(&mut g),
            "1MB" => common::heavy(&mut g, 2),
            _ => common::heavy(&mut g, 8),
        }
        g.bench_function("draft", |b| {
            b.iter_with_large_drop(|| draft::draft(black_box(text), &opts).expect("drafts"))
        });
        g.bench_function("draft_and_check", |b| {
            b.iter_with_large_drop(|| {
                data::load_draft(black_box(text), "bench", &opts).expect("the draft checks")
            })
        });
        g.finish();
    }
}

criterion_group!(benches, drafting);
criterion_main!(benches);
