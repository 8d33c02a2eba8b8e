//! Loader fuzzing in `cargo test`: arbitrary bytes, JSON-shaped noise, and
//! valid datasets mutated byte by byte and value by value. Loading never
//! panics and deep nesting is an error, not a stack overflow; a mutant that
//! still loads is drawn in every panel. (`fuzz/` has the same target for
//! `cargo fuzz`, to run for hours.)

mod support;

use fugong::data::{self, Lang};
use fugong::input::Action;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;

const MINIMAL: &str = include_str!("data/minimal.json");
const CORPUS: &str = include_str!("data/hostile/corpus.json");

/// Loads `text`; if it loads, draws every panel and the first row's detail,
/// each frame whole (see `support::check_cells`), the detail a popup over a
/// panel that lists a row. If it does not load, says why.
fn load_and_draw(text: &str) {
    match data::load_str(text, "fuzz") {
        Ok(loaded) => {
            let mut app = support::app_with(&loaded, Lang::Both);
            for panel in support::PANELS {
                app.update(Action::GoPanel(panel));
                support::assert_cells(&support::render_at(&mut app, 80, 24), &format!("{panel:?}"));
                app.update(Action::Open);
                let buf = support::render_at(&mut app, 80, 24);
                support::assert_cells(&buf, &format!("{panel:?} detail"));
                let popup = buf.content().iter().any(|c| c.symbol() == "╔");
                let rows = support::row_count(&app, panel) > 0;
                assert_eq!(popup, rows, "{panel:?}: a detail opens over a row");
                app.update(Action::Back);
            }
        }
        Err(invalid) => assert!(!invalid.problems.is_empty(), "refused without a reason"),
    }
}

/// Loading through a file too: the UTF-8 check and the size limit.
fn load_file(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fuzz.json");
    std::fs::write(&path, bytes).unwrap();
    if let Err(invalid) = data::load_path(&path) {
        assert!(!invalid.problems.is_empty());
        for p in &invalid.problems {
            assert!(!p.is_empty());
        }
    }
}

/// Tokens that JSON and the format care about, to splice into datasets.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "-",
    "0",
    "-1",
    "1e308",
    "1e400",
    "-1e400",
    "18446744073709551615",
    "18446744073709551616",
    "4294967296",
    "2147483648",
    "0.5",
    "NaN",
    "\"\u{1b}[2J\u{202e}\"",
    "\"\"",
    "\"2020-02-30\"",
    "\"25:61\"",
    "\"多\"",
    "\"%\"",
    "\"第\"",
    "\"万\"",
    "\"亿亿亿\"",
    "\"一亿亿亿亿亿\"",
    "[[[[[[[[[[",
    "{\"a\":",
    "\"schema_version\"",
    "\"id\"",
    "\"kind\"",
    "\"day_number\"",
    "\"days_before\"",
    "\"when\"",
    "\"derivation\"",
    "\"figure\"",
    "\"quote\"",
    "\"value\"",
    "\"date\"",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Insert(at, t)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

fn mutate(base: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut b = base.as_bytes().to_vec();
    for m in mutations {
        let len = b.len().max(1);
        match *m {
            Mutation::Flip(at, x) => {
                if !b.is_empty() {
                    b[at % len] = x;
                }
            }
            Mutation::Insert(at, t) => {
                let at = at % (b.len() + 1);
                b.splice(at..at, TOKENS[t].bytes());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                b.drain(at.min(end)..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                let copy = b[at.min(end)..end].to_vec();
                b.splice(end..end, copy);
            }
        }
    }
    b
}

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "3",
    "42",
    "101",
    "1e308",
    "-1e308",
    "18446744073709551615",
    "18446744073709551616",
    "4294967295",
    "4294967296",
    "2147483647",
    "-2147483649",
    "0.5",
    "98.3",
    "5e-324",
    "2020",
    "4380000",
];
const STRINGS: &[&str] = &[
    "",
    " ",
    "x",
    "\u{1b}[2J\u{202e}",
    "2020-03-22",
    "2020-02-30",
    "2019-11-27",
    "-5920-03-01",
    "2020-05-15",
    "2020-09-30",
    "10:59",
    "25:61",
    "98.3%",
    "101%",
    "0%",
    "100%",
    "多",
    "2.3万多",
    "四十二",
    "零",
    "478",
    "470",
    "一亿亿亿亿亿",
    "3月22日",
    "5月中旬前",
    "入冬",
    "rate-a",
    "count-total",
    "count-resumed",
    "count-day",
    "count-jobs",
    "event-flight",
    "event-began",
    "event-plan",
    "place-a",
    "org-a",
    "project-a",
    "day_number",
    "days_before",
    "exact",
    "at_least",
    "order_of",
    "undated",
    "winter",
    "day",
    "mid_month",
    "end_of_month",
    "on",
    "before",
    "since",
    "as_of",
    "morning",
    "noon",
    "done",
    "planned",
    "workers",
    "jobs",
    "duration",
];

/// A JSON value to put anywhere: extremes, wrong types, hostile text, nesting.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop::sample::select(NUMBERS).prop_map(|n| serde_json::from_str::<Value>(n).unwrap()),
        prop::sample::select(STRINGS).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,12}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a random path (chosen by `picks`) with `new`.
fn replace_at(v: &mut Value, picks: &[usize], new: Value) {
    match (picks.split_first(), v) {
        (Some((&p, rest)), Value::Array(a)) if !a.is_empty() => {
            let n = a.len();
            replace_at(&mut a[p % n], rest, new);
        }
        (Some((&p, rest)), Value::Object(m)) if !m.is_empty() => {
            let n = m.len();
            replace_at(m.values_mut().nth(p % n).unwrap(), rest, new);
        }
        (_, v) => *v = new,
    }
}

/// Changes the value at a random path to another of its kind: a string to
/// another string, a number to another number, a list loses or repeats an
/// element, an object loses a field. Such mutants often still load.
fn change_in_kind(v: &mut Value, picks: &[usize], pick: usize) {
    match (picks.split_first(), v) {
        (Some((&p, rest)), Value::Array(a)) if !a.is_empty() && !rest.is_empty() => {
            let n = a.len();
            change_in_kind(&mut a[p % n], rest, pick);
        }
        (Some((&p, rest)), Value::Object(m)) if !m.is_empty() && !rest.is_empty() => {
            let n = m.len();
            change_in_kind(m.values_mut().nth(p % n).unwrap(), rest, pick);
        }
        (_, v) => match v {
            Value::String(s) => *s = STRINGS[pick % STRINGS.len()].to_string(),
            Value::Number(_) => {
                *v = serde_json::from_str(NUMBERS[pick % NUMBERS.len()]).unwrap();
            }
            Value::Bool(b) => *b = !*b,
            Value::Array(a) if !a.is_empty() => {
                let i = pick % a.len();
                if pick.is_multiple_of(2) {
                    a.remove(i);
                } else {
                    let x = a[i].clone();
                    a.push(x);
                }
            }
            Value::Object(m) if !m.is_empty() => {
                let i = pick % m.len();
                let k = m.keys().nth(i).unwrap().clone();
                m.remove(&k);
            }
            _ => {}
        },
    }
}

proptest! {
    #![proptest_config(Config { cases: 128, max_shrink_iters: 500, ..Config::default() })]

    /// Valid-looking mutants: what still loads is drawn.
    #[test]
    fn datasets_with_a_value_changed_in_kind_never_panic(
        changes in prop::collection::vec(
            (prop::collection::vec(any::<usize>(), 1..7), any::<usize>()), 1..4),
        base in prop::sample::select(vec![MINIMAL, CORPUS]),
    ) {
        let mut v: Value = serde_json::from_str(base).unwrap();
        for (picks, pick) in &changes {
            change_in_kind(&mut v, picks, *pick);
        }
        load_and_draw(&v.to_string());
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, max_shrink_iters: 500, ..Config::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_and_draw(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_shaped_noise_never_panics(text in "[\\[\\]{}\":, 0-9a-z_\\-.eE\\\\]{0,200}") {
        load_and_draw(&format!("{{{text}"));
        load_and_draw(&text);
    }

    #[test]
    fn mutated_datasets_never_panic(
        base in prop::sample::select(vec![MINIMAL, CORPUS]),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let bytes = mutate(base, &mutations);
        load_and_draw(&String::from_utf8_lossy(&bytes));
    }

    /// Any value anywhere: what still loads is drawn.
    #[test]
    fn datasets_with_a_value_replaced_never_panic(
        picks in prop::collection::vec(any::<usize>(), 1..7),
        new in value(),
        base in prop::sample::select(vec![MINIMAL, CORPUS]),
    ) {
        let mut v: Value = serde_json::from_str(base).unwrap();
        replace_at(&mut v, &picks, new);
        load_and_draw(&v.to_string());
    }
}

proptest! {
    #![proptest_config(Config { cases: 32, ..Config::default() })]

    /// Through a file: invalid UTF-8, and the same mutations.
    #[test]
    fn files_of_arbitrary_bytes_never_panic(
        mutations in prop::collection::vec(mutation(), 0..4),
        noise in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = mutate(MINIMAL, &mutations);
        bytes.extend(noise);
        load_file(&bytes);
    }
}

/// The embedded dataset, mutated: fewer cases, as each load checks 50 KB.
#[test]
fn the_embedded_dataset_mutated_never_panics() {
    let mut runner = proptest::test_runner::TestRunner::new(Config {
        cases: 32,
        ..Config::default()
    });
    runner
        .run(&prop::collection::vec(mutation(), 1..4), |m| {
            load_and_draw(&String::from_utf8_lossy(&mutate(data::EMBEDDED, &m)));
            Ok(())
        })
        .unwrap();
}

/// Deep nesting in every place a value can go is an error with a message,
/// not a stack overflow.
#[test]
fn deep_nesting_is_an_error() {
    let deep = |open: &str, n: usize| open.repeat(n);
    let cases = [
        deep("[", 1_000_000),
        deep("{\"a\":", 1_000_000),
        format!("{{\"schema_version\": 1, \"title\": {}", deep("[", 100_000)),
        format!(
            "{{\"schema_version\": 1, \"title\": {}",
            deep("{\"zh\":", 100_000)
        ),
        // Inside an internally tagged enum, which serde buffers before it
        // reads the tag.
        MINIMAL.replacen(
            "\"derivation\": {",
            &format!("\"derivation\": {{\"x\": {}", deep("[", 100_000)),
            1,
        ),
        MINIMAL.replacen(
            "\"derivation\": {",
            &format!("\"derivation\": {{\"x\": {}", deep("{\"y\":", 100_000)),
            1,
        ),
        MINIMAL.replacen(
            "\"when\": {",
            &format!("\"when\": {}", deep("[", 100_000)),
            1,
        ),
        MINIMAL.replacen(
            "\"places\": [",
            &format!("\"places\": {}", deep("[", 100_000)),
            1,
        ),
        format!("{} {}", MINIMAL.trim_end(), deep("[", 100_000)),
    ];
    for (i, text) in cases.iter().enumerate() {
        let invalid = data::load_str(text, "deep").expect_err("deep nesting is refused");
        assert_eq!(
            invalid.problems.len(),
            1,
            "case {i}: {:?}",
            invalid.problems
        );
        let p = &invalid.problems[0];
        assert!(p.len() < 500, "case {i}: a short message: {p}");
    }
}

/// Deep nesting is refused the same way from a file, through the binary.
#[test]
fn check_refuses_deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.json");
    std::fs::write(
        &path,
        format!(
            "{{\"schema_version\": 1, \"title\": {}",
            "[".repeat(1_000_000)
        ),
    )
    .unwrap();
    let out = support::fugong().arg("check").arg(&path).output().unwrap();
    support::assert_no_panic(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("overflow"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
