//! The benchmarks' synthetic data is a valid dataset: every benchmark
//! loads it, and one that does not load measures nothing.

#[path = "../examples/synth/generate.rs"]
#[allow(dead_code)]
mod synth;

#[test]
fn the_synthetic_dataset_passes_check() {
    for records in [1_000, 10_000] {
        let text = synth::generate(records, 2020);
        if let Err(e) = fugong::data::load_str(&text, "synthetic") {
            let first: Vec<&String> = e.problems.iter().take(5).collect();
            panic!(
                "{records} records: {} problems, first {first:#?}",
                e.problems.len()
            );
        }
    }
}
