//! `fugong` as a whole process: `snapshot` of the embedded dataset, against
//! the process floor (starting a process that does nothing) in the same group.
//!
//! `cargo bench --bench process`.

use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program starts");
    assert!(status.success(), "{program} {args:?} failed");
}

fn process(c: &mut Criterion) {
    let fugong = env!("CARGO_BIN_EXE_fugong");
    let mut g = c.benchmark_group("process");
    g.sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(2));
    g.bench_function("true_floor", |b| b.iter(|| run("true", &[])));
    g.bench_function("fugong --version", |b| {
        b.iter(|| run(fugong, &["--version"]))
    });
    g.bench_function("fugong snapshot", |b| b.iter(|| run(fugong, &["snapshot"])));
    g.bench_function("fugong snapshot --size 200x60", |b| {
        b.iter(|| run(fugong, &["snapshot", "--size", "200x60"]))
    });
    g.bench_function("fugong check", |b| b.iter(|| run(fugong, &["check"])));
    g.finish();
}

criterion_group!(benches, process);
criterion_main!(benches);
