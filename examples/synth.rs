//! Prints a synthetic dataset in fugong's format, for benchmarks at scale.
//!
//! ```sh
//! cargo run --release --example synth -- --records 100000 > big.json
//! cargo run --release --example synth -- --records 10000 --seed 7 > ten-k.json
//! ```
//!
//! `--records` is the number of rates, counts and events together (projects,
//! places and organisations come on top); `--seed` (default 2020) picks the
//! data: the same seed gives the same bytes.

#[path = "synth/generate.rs"]
mod generate;

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut records: usize = 100_000;
    let mut seed: u64 = 2020;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value.as_deref()) {
            ("--records", Some(v)) => v.parse().map(|n| records = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| seed = n).is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!("usage: synth [--records N] [--seed S]");
            return ExitCode::FAILURE;
        }
    }
    let text = generate::generate(records, seed);
    if text.len() as u64 > 64 * 1024 * 1024 {
        eprintln!(
            "synth: warning: {} MiB is more than fugong reads (64 MiB)",
            text.len() / (1024 * 1024)
        );
    }
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
