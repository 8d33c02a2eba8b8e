//! `fugong snapshot` and `fugong export` as a script runs them: the real
//! binary with no terminal, its output checked byte by byte and compared with
//! what the library draws and loads.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use fugong::app::App;
use fugong::data::{self, EventStatus, Lang, Loaded, Qualifier};
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::text::width;
use serde_json::Value;
use support::{Fugong, LANGS, assert_no_panic, fugong, have, lang_arg, panel_arg};

/// A copy of minimal.json whose labels hold commas, quotes, a newline, a
/// `|` and a backslash.
const TRICKY: &str = "tests/data/export-tricky.json";

const SIZES: [(u16, u16); 5] = [(1, 1), (60, 16), (80, 24), (120, 40), (300, 100)];
const WHATS: [&str; 5] = ["rates", "counts", "events", "projects", "checks"];

/// Runs the binary, expects exit 0 and an empty stderr, returns stdout.
#[track_caller]
fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = fugong().args(args).output().expect("run fugong");
    assert_no_panic(&out);
    assert!(
        out.status.success(),
        "{args:?}: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs the binary and expects it to fail with `code`.
#[track_caller]
fn failure_of(args: &[&str], code: i32) -> Output {
    let out = fugong().args(args).output().expect("run fugong");
    assert_no_panic(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

// ---------------------------------------------------------------------------
// snapshot
// ---------------------------------------------------------------------------

/// What the dashboard draws for `panel` at `w`x`h`, through ratatui's
/// Terminal on a TestBackend, one string per row with trailing spaces
/// trimmed.
fn drawn(mut app: App, panel: Panel, w: u16, h: u16) -> Vec<String> {
    app.update(Action::GoPanel(panel));
    trimmed(&support::draw(&mut app, w, h))
}

/// A screen's rows with trailing spaces trimmed.
fn trimmed(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    support::lines(buf)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Checks that every escape in `bytes` is an SGR sequence, ESC [ digits/; m.
#[track_caller]
fn assert_sgr_only(bytes: &[u8], what: &str) {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != 0x1b {
            i += 1;
            continue;
        }
        assert_eq!(
            bytes.get(i + 1),
            Some(&b'['),
            "{what}: ESC not followed by [ at {i}"
        );
        let mut j = i + 2;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
            j += 1;
        }
        assert_eq!(
            bytes.get(j),
            Some(&b'm'),
            "{what}: escape at {i} is not SGR: {:?}",
            String::from_utf8_lossy(&bytes[i..(j + 1).min(bytes.len())])
        );
        i = j + 1;
    }
}

/// The text of an `ansi` snapshot with its SGR sequences removed.
fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// No control character except the line feed (and ESC where allowed).
#[track_caller]
fn assert_no_controls(s: &str, allow_esc: bool, what: &str) {
    if let Some(c) = s
        .chars()
        .find(|&c| c.is_control() && c != '\n' && !(allow_esc && c == '\x1b'))
    {
        panic!("{what}: control character U+{:04X}", u32::from(c));
    }
}

/// Whether an SGR sequence in `s` sets a foreground or background colour.
fn has_colour(s: &str) -> bool {
    s.split('\x1b').skip(1).any(|seq| {
        let body = seq.trim_start_matches('[');
        let body = &body[..body.find('m').unwrap_or(body.len())];
        body.split(';').any(|code| {
            code.parse::<u16>()
                .is_ok_and(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
        })
    })
}

#[track_caller]
fn check_plain(text: &str, expected: &[String], w: u16, h: u16, what: &str) {
    assert!(
        !text.as_bytes().contains(&0x1b),
        "{what}: escape byte in plain"
    );
    assert_no_controls(text, false, what);
    assert!(text.ends_with('\n'), "{what}: ends with a newline");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), usize::from(h), "{what}: one line per row");
    for (y, line) in lines.iter().enumerate() {
        assert!(
            width(line) <= usize::from(w),
            "{what}: row {y} is {} cells wide: {line:?}",
            width(line)
        );
        assert_eq!(
            line.trim_end(),
            *line,
            "{what}: row {y} has trailing spaces"
        );
    }
    for (y, (got, want)) in lines.iter().zip(expected).enumerate() {
        assert_eq!(
            got, want,
            "{what}: row {y} differs from the dashboard's render"
        );
    }
}

#[track_caller]
fn check_ansi(text: &str, expected: &[String], w: u16, h: u16, what: &str) {
    assert_sgr_only(text.as_bytes(), what);
    assert_no_controls(text, true, what);
    assert!(has_colour(text), "{what}: the dark theme colours something");
    let stripped = strip_sgr(text);
    let lines: Vec<&str> = stripped.lines().collect();
    assert_eq!(lines.len(), usize::from(h), "{what}: one line per row");
    for (y, (got, want)) in lines.iter().zip(expected).enumerate() {
        assert!(
            width(got) <= usize::from(w),
            "{what}: row {y} is {} cells wide",
            width(got)
        );
        assert_eq!(
            got.trim_end(),
            want,
            "{what}: row {y}'s text differs from the dashboard's render"
        );
    }
}

/// What `fugong snapshot` prints, drawn by the library in this process with
/// the binary's own steps: the dashboard on the embedded dataset, its panel,
/// one frame, as plain text or ANSI.
fn library_snapshot(panel: Panel, lang: Lang, w: u16, h: u16, format: &str) -> String {
    let mut app = support::app(lang);
    app.update(Action::GoPanel(panel));
    let buf = fugong::snapshot::render(&mut app, w, h);
    match format {
        "plain" => fugong::snapshot::plain(&buf),
        _ => fugong::snapshot::ansi(&buf),
    }
}

/// Checks a snapshot in `format` against the dashboard's render.
#[track_caller]
fn check_format(format: &str, text: &str, expected: &[String], w: u16, h: u16, what: &str) {
    match format {
        "plain" => check_plain(text, expected, w, h, what),
        _ => check_ansi(text, expected, w, h, what),
    }
}

/// Every panel x size x language x format, as the library draws a snapshot:
/// plain text with no escape, ANSI with SGR only, and the same text the
/// TestBackend shows. The binary prints these very bytes (see
/// `the_binary_prints_what_the_library_draws`).
#[test]
fn snapshot_every_panel_size_lang_and_format() {
    for panel in Panel::ALL {
        for lang in LANGS {
            for (w, h) in SIZES {
                let expected = drawn(support::app(lang), panel, w, h);
                for format in ["plain", "ansi"] {
                    let what = format!("{} {} {w}x{h} {format}", panel_arg(panel), lang_arg(lang));
                    let text = library_snapshot(panel, lang, w, h, format);
                    check_format(format, &text, &expected, w, h, &what);
                }
            }
        }
    }
}

/// The real binary prints, byte for byte, what the library draws: every
/// panel once, and every language once, at sizes from 60x16 to 300x100, in
/// both formats. Nine runs; the matrix above is checked in this process.
#[test]
fn the_binary_prints_what_the_library_draws() {
    let mut runs: Vec<(Panel, Lang, (u16, u16), &str)> = Panel::ALL
        .iter()
        .map(|&p| (p, Lang::Both, (80, 24), "plain"))
        .collect();
    runs.extend([
        (Panel::Timeline, Lang::Zh, (60, 16), "ansi"),
        (Panel::Checks, Lang::En, (300, 100), "ansi"),
        (Panel::Overview, Lang::Both, (60, 16), "ansi"),
    ]);
    for (panel, lang, (w, h), format) in runs {
        let size = format!("{w}x{h}");
        let what = format!("{} {} {size} {format}", panel_arg(panel), lang_arg(lang));
        let out = stdout_of(&[
            "snapshot",
            "--panel",
            panel_arg(panel),
            "--size",
            &size,
            "--lang",
            lang_arg(lang),
            "--format",
            format,
        ]);
        let text = String::from_utf8(out).expect("snapshot is UTF-8");
        assert_eq!(
            text,
            library_snapshot(panel, lang, w, h, format),
            "{what}: the binary's snapshot differs from the library's"
        );
        check_format(
            format,
            &text,
            &drawn(support::app(lang), panel, w, h),
            w,
            h,
            &what,
        );
    }
}

/// The defaults are overview, 120x40, both languages, plain.
#[test]
fn snapshot_defaults() {
    let default = stdout_of(&["snapshot"]);
    let explicit = stdout_of(&[
        "snapshot", "--panel", "overview", "--size", "120x40", "--lang", "both", "--format",
        "plain",
    ]);
    assert_eq!(default, explicit);
    let text = String::from_utf8(default).unwrap();
    check_plain(
        &text,
        &drawn(support::app(Lang::Both), Panel::Overview, 120, 40),
        120,
        40,
        "default",
    );
    // An upper-case X is accepted too.
    assert_eq!(
        stdout_of(&["snapshot", "--size", "120X40"]),
        text.as_bytes()
    );
}

/// `--data` applies to snapshots, before or after the subcommand.
#[test]
fn snapshot_of_another_dataset() {
    let json = fs::read_to_string(support::path("tests/data/minimal.json")).unwrap();
    for panel in Panel::ALL {
        let expected = drawn(support::app_from(&json, Lang::En), panel, 80, 24);
        for args in [
            vec!["--data", "tests/data/minimal.json", "snapshot"],
            vec!["snapshot", "--data", "tests/data/minimal.json"],
        ] {
            let mut args = args.clone();
            args.extend([
                "--lang",
                "en",
                "--size",
                "80x24",
                "--panel",
                panel_arg(panel),
            ]);
            let text = String::from_utf8(stdout_of(&args)).unwrap();
            check_plain(&text, &expected, 80, 24, &format!("{args:?}"));
            assert!(text.contains("Minimal dataset"), "{text}");
        }
    }
}

/// One render path: `snapshot::plain(snapshot::render(..))` is the TestBackend
/// screen, row for row, for every panel, size and language, and with popups.
#[test]
fn plain_snapshot_is_the_testbackend_render() {
    let sizes = [
        (1, 1),
        (59, 16),
        (60, 15),
        (60, 16),
        (80, 24),
        (120, 40),
        (300, 100),
    ];
    for panel in Panel::ALL {
        for lang in LANGS {
            for (w, h) in sizes {
                let what = format!("{} {} {w}x{h}", panel_arg(panel), lang_arg(lang));
                let mut app = support::app(lang);
                app.update(Action::GoPanel(panel));
                let text = fugong::snapshot::plain(&fugong::snapshot::render(&mut app, w, h));
                check_plain(&text, &drawn(support::app(lang), panel, w, h), w, h, &what);
            }
        }
    }
    // Popups go through the same path.
    for actions in [
        vec![Action::ToggleHelp],
        vec![Action::GoPanel(Panel::Rates), Action::Down, Action::Open],
        vec![
            Action::GoPanel(Panel::Timeline),
            Action::Bottom,
            Action::Open,
        ],
    ] {
        let mut a = support::app(Lang::Both);
        support::step(&mut a, &actions);
        let text = fugong::snapshot::plain(&fugong::snapshot::render(&mut a, 100, 30));
        let mut b = support::app(Lang::Both);
        let expected = trimmed(&support::step_and_draw(&mut b, &actions, 100, 30));
        check_plain(&text, &expected, 100, 30, &format!("{actions:?}"));
    }
}

/// With stdout a file, stdin /dev/null and no controlling terminal (setsid),
/// the snapshot is the same bytes.
#[test]
fn snapshot_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "snapshot", "--panel", "timeline", "--size", "80x24", "--lang", "zh",
    ];
    for format in ["plain", "ansi"] {
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--format", format]);
        let piped = stdout_of(&full);

        // stdout redirected to a file.
        let path = dir.path().join(format!("snap-{format}.txt"));
        let status = Fugong::new()
            .std()
            .args(&full)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&path).unwrap())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{status:?}");
        assert_eq!(fs::read(&path).unwrap(), piped, "{format}: file vs pipe");

        // No controlling terminal.
        if !have("setsid") {
            continue;
        }
        let path = dir.path().join(format!("setsid-{format}.txt"));
        let out = Fugong::new()
            .setsid()
            .std()
            .args(&full)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&path).unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty());
        assert_eq!(fs::read(&path).unwrap(), piped, "{format}: setsid");
    }
}

/// An invalid size is a usage error (exit 2) with a message, not a panic.
#[test]
fn snapshot_invalid_size() {
    for size in [
        "0x10", "10x0", "abc", "5000x1", "1x5000", "120", "x", "-5x10", "65536x1", "", "12x4x2",
    ] {
        let arg = format!("--size={size}");
        let out = failure_of(&["snapshot", &arg], 2);
        assert!(out.stdout.is_empty(), "{size:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!(
                "error: invalid value '{size}' for '--size <SIZE>'"
            )),
            "{size:?}: {stderr}"
        );
        let first = stderr.lines().next().unwrap();
        assert!(
            first.contains("WIDTHxHEIGHT") || first.contains("from 1 to 1000"),
            "{size:?}: the message says what is expected: {first}"
        );
        assert!(!stderr.contains('\x1b'), "{stderr:?}");
    }
    // Below the smallest frame the dashboard draws, the minimum is named
    // (the library still draws "terminal too small" there).
    for size in ["1000x1", "59x16", "60x15", "1x1"] {
        let out = failure_of(&["snapshot", "--size", size], 2);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("smallest frame fugong draws, 60x16"),
            "{size}: {stderr}"
        );
    }
    // Bounds are inclusive.
    let text = String::from_utf8(stdout_of(&["snapshot", "--size", "1000x16"])).unwrap();
    assert_eq!(text.lines().count(), 16);
    let text = String::from_utf8(stdout_of(&["snapshot", "--size", "60x16"])).unwrap();
    assert!(!text.contains("too small"));
}

// ---------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------

fn load(path: Option<&str>) -> Loaded {
    data::load(path.map(support::path).as_deref()).expect("dataset loads")
}

fn export(data: Option<&str>, what: &str, format: &str) -> Vec<u8> {
    let mut args = vec!["export", "--what", what, "--format", format];
    if let Some(d) = data {
        args.extend(["--data", d]);
    }
    stdout_of(&args)
}

type Record = HashMap<String, String>;

/// A CSV export parsed back: its header and records.
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Record>) {
    let mut r = csv::Reader::from_reader(bytes);
    let head: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let recs = r
        .records()
        .map(|rec| {
            let rec = rec.expect("valid CSV record");
            assert_eq!(rec.len(), head.len(), "every record has every column");
            head.iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (head, recs)
}

/// A JSON value as the CSV writes it.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        // A list is a JSON list; its CSV cell, the items space-separated.
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

/// A JSON export parsed back: its (first object's) keys and records.
fn parse_json(bytes: &[u8]) -> (Vec<String>, Vec<Record>) {
    let v: Value = serde_json::from_slice(bytes).expect("valid JSON");
    let arr = v.as_array().expect("an array");
    let head: Vec<String> = arr
        .first()
        .map(|o| o.as_object().unwrap().keys().cloned().collect())
        .unwrap_or_default();
    let recs = arr
        .iter()
        .map(|o| {
            let o = o.as_object().expect("an array of objects");
            let keys: Vec<String> = o.keys().cloned().collect();
            assert_eq!(keys, head, "every object has the same keys in order");
            o.iter().map(|(k, v)| (k.clone(), cell(v))).collect()
        })
        .collect();
    (head, recs)
}

/// The qualifier's name as the dataset's format writes it (serde's).
fn qualifier(q: Qualifier) -> String {
    match serde_json::to_value(q) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("a qualifier serializes as a string, not {other:?}"),
    }
}

fn iso(d: Option<time::Date>) -> String {
    d.map(fugong::fmt::iso).unwrap_or_default()
}

/// Compares exported records with the dataset, field by field.
#[track_caller]
fn compare(d: &Loaded, what: &str, recs: &[Record], ctx: &str) {
    let ds = &d.dataset;
    let f = |r: &Record, k: &str| -> String {
        r.get(k)
            .unwrap_or_else(|| panic!("{ctx}: no column {k}"))
            .clone()
    };
    match what {
        "rates" => {
            assert_eq!(recs.len(), ds.rates.len(), "{ctx}: one row per rate");
            for (r, rate) in recs.iter().zip(&ds.rates) {
                assert_eq!(f(r, "id"), rate.id, "{ctx}");
                assert_eq!(f(r, "label_zh"), rate.label.zh, "{ctx}");
                assert_eq!(f(r, "label_en"), rate.label.en, "{ctx}");
                assert_eq!(f(r, "value").parse::<f64>().unwrap(), rate.value, "{ctx}");
                assert_eq!(f(r, "qualifier"), "exact", "{ctx}");
                assert_eq!(
                    f(r, "paragraph"),
                    rate.source.paragraph.to_string(),
                    "{ctx}"
                );
                assert_eq!(f(r, "quote"), rate.source.quote, "{ctx}");
                assert_eq!(f(r, "figure"), rate.figure, "{ctx}");
                assert_eq!(f(r, "date"), iso(rate.when.date), "{ctx}");
            }
        }
        "counts" => {
            assert_eq!(recs.len(), ds.counts.len(), "{ctx}: one row per count");
            for (r, c) in recs.iter().zip(&ds.counts) {
                assert_eq!(f(r, "id"), c.id, "{ctx}");
                assert_eq!(f(r, "label_zh"), c.label.zh, "{ctx}");
                assert_eq!(f(r, "label_en"), c.label.en, "{ctx}");
                assert_eq!(f(r, "value").parse::<u64>().unwrap(), c.value, "{ctx}");
                assert_eq!(f(r, "qualifier"), qualifier(c.qualifier), "{ctx}");
                assert_eq!(f(r, "ordinal"), c.ordinal.to_string(), "{ctx}");
                assert_eq!(f(r, "paragraph"), c.source.paragraph.to_string(), "{ctx}");
                assert_eq!(f(r, "quote"), c.source.quote, "{ctx}");
                assert_eq!(f(r, "figure"), c.figure, "{ctx}");
                assert_eq!(f(r, "date"), iso(c.when.date), "{ctx}");
            }
        }
        "events" => {
            assert_eq!(recs.len(), ds.events.len(), "{ctx}: one row per event");
            let ids: BTreeSet<String> = recs.iter().map(|r| f(r, "id")).collect();
            let want: BTreeSet<String> = ds.events.iter().map(|e| e.id.clone()).collect();
            assert_eq!(ids, want, "{ctx}: every event once");
            let mut last = None;
            for r in recs {
                let e = d.event(&f(r, "id")).expect("an event id");
                assert_eq!(f(r, "label_zh"), e.label.zh, "{ctx}");
                assert_eq!(f(r, "label_en"), e.label.en, "{ctx}");
                assert_eq!(f(r, "date"), iso(e.when.date), "{ctx}");
                let status = match (e.derivation.is_some(), e.status) {
                    (true, _) => "derived",
                    (false, EventStatus::Done) => "done",
                    (false, EventStatus::Planned) => "planned",
                };
                assert_eq!(f(r, "status"), status, "{ctx}: {}", e.id);
                assert_eq!(f(r, "paragraph"), e.source.paragraph.to_string(), "{ctx}");
                assert_eq!(f(r, "quote"), e.source.quote, "{ctx}");
                assert_eq!(
                    f(r, "figure"),
                    e.figure.clone().unwrap_or_default(),
                    "{ctx}"
                );
                // In date order, undated last.
                let key = e.when.order_key();
                if let Some(prev) = last {
                    assert!(prev <= key, "{ctx}: events in date order at {}", e.id);
                }
                last = Some(key);
            }
        }
        "projects" => {
            assert_eq!(recs.len(), ds.projects.len(), "{ctx}: one row per project");
            for (r, p) in recs.iter().zip(&ds.projects) {
                assert_eq!(f(r, "id"), p.id, "{ctx}");
                assert_eq!(f(r, "label_zh"), p.name.zh, "{ctx}");
                assert_eq!(f(r, "label_en"), p.name.en, "{ctx}");
                assert_eq!(f(r, "summary_zh"), p.summary.zh, "{ctx}");
                assert_eq!(f(r, "summary_en"), p.summary.en, "{ctx}");
                assert_eq!(f(r, "events"), p.events.join(" "), "{ctx}");
                assert_eq!(f(r, "figures"), p.figures.join(" "), "{ctx}");
            }
        }
        "checks" => {
            assert_eq!(recs.len(), d.checks.len(), "{ctx}: one row per check");
            for (r, c) in recs.iter().zip(&d.checks) {
                assert_eq!(f(r, "kind"), c.kind.label().en, "{ctx}");
                assert_eq!(f(r, "subject"), c.subject, "{ctx}");
                assert_eq!(f(r, "inputs"), c.inputs.join(" "), "{ctx}");
                assert_eq!(f(r, "formula_zh"), c.formula.zh, "{ctx}");
                assert_eq!(f(r, "formula_en"), c.formula.en, "{ctx}");
                assert_eq!(f(r, "passed"), c.passed.to_string(), "{ctx}");
            }
        }
        other => unreachable!("{other}"),
    }
}

const DATASETS: [Option<&str>; 3] = [None, Some("tests/data/minimal.json"), Some(TRICKY)];

#[test]
fn csv_export_round_trips() {
    for data in DATASETS {
        let d = load(data);
        for what in WHATS {
            let ctx = format!("{data:?} {what} csv");
            let bytes = export(data, what, "csv");
            let (head, recs) = parse_csv(&bytes);
            assert!(!head.is_empty(), "{ctx}");
            compare(&d, what, &recs, &ctx);
            // The library's rows, column for column.
            let rows = fugong::export::rows(&d, what_of(what));
            assert_eq!(rows.len(), recs.len(), "{ctx}");
            for (row, rec) in rows.iter().zip(&recs) {
                let keys: Vec<&String> = row.keys().collect();
                assert_eq!(keys, head.iter().collect::<Vec<_>>(), "{ctx}");
                for (k, v) in row {
                    assert_eq!(&cell(v), &rec[k], "{ctx}: column {k}");
                }
            }
        }
    }
}

fn what_of(what: &str) -> fugong::export::What {
    use fugong::export::What;
    match what {
        "rates" => What::Rates,
        "counts" => What::Counts,
        "events" => What::Events,
        "projects" => What::Projects,
        "checks" => What::Checks,
        other => unreachable!("{other}"),
    }
}

/// Commas and quotes survive CSV; a newline in the input file is a space.
#[test]
fn csv_export_of_awkward_labels() {
    let bytes = export(Some(TRICKY), "rates", "csv");
    let text = String::from_utf8(bytes.clone()).unwrap();
    // The csv crate's quoting, as any spreadsheet reads it.
    assert!(text.contains(r#","a, ""quoted"" label","#), "{text}");
    let (_, recs) = parse_csv(&bytes);
    assert_eq!(recs[0]["label_en"], r#"a, "quoted" label"#);
    // "复工率\n第二行" in the file: the loader made the newline a space.
    assert_eq!(recs[0]["label_zh"], "复工率 第二行");
    assert_eq!(recs[0]["place_en"], "Rongchang District, Chongqing");

    let (_, recs) = parse_csv(&export(Some(TRICKY), "events", "csv"));
    let flight = recs.iter().find(|r| r["id"] == "event-flight").unwrap();
    assert_eq!(flight["label_en"], r#"Test flights, back\slash "ok""#);

    let (_, recs) = parse_csv(&export(Some(TRICKY), "projects", "csv"));
    assert_eq!(
        recs[0]["summary_en"],
        "A test project; line one line two, with | pipe"
    );
    // Every line of the file is a whole record: no newline inside a field.
    assert_eq!(text.lines().count(), 2, "{text}");
}

/// The CSV writer itself quotes a newline so it round-trips, should a field
/// ever hold one.
#[test]
fn csv_writer_round_trips_newlines() {
    let d = load(None);
    let mut rows = fugong::export::rows(&d, fugong::export::What::Rates);
    let label = "line one\nline two, \"quoted\"\r\nthree";
    rows[0].insert("label_en".into(), Value::String(label.into()));
    let mut bytes = Vec::new();
    fugong::export::write(
        fugong::export::What::Rates,
        &rows,
        fugong::export::Format::Csv,
        &mut bytes,
    )
    .unwrap();
    let (_, recs) = parse_csv(&bytes);
    assert_eq!(recs.len(), rows.len());
    assert_eq!(recs[0]["label_en"], label);

    let mut md = Vec::new();
    fugong::export::write(
        fugong::export::What::Rates,
        &rows,
        fugong::export::Format::Markdown,
        &mut md,
    )
    .unwrap();
    let md = String::from_utf8(md).unwrap();
    assert_eq!(
        md.lines().count(),
        2 + rows.len(),
        "a newline never splits a row"
    );
}

#[test]
fn json_export_round_trips() {
    for data in DATASETS {
        let d = load(data);
        for what in WHATS {
            let ctx = format!("{data:?} {what} json");
            let bytes = export(data, what, "json");
            let v: Value = serde_json::from_slice(&bytes).expect("valid JSON");
            let arr = v.as_array().expect("an array");
            // Types: numbers are numbers, flags are booleans, absences null.
            for o in arr {
                let o = o.as_object().unwrap();
                for (k, v) in o {
                    match k.as_str() {
                        "value" | "paragraph" => assert!(v.is_number(), "{ctx}: {k} = {v}"),
                        "passed" | "ordinal" => assert!(v.is_boolean(), "{ctx}: {k} = {v}"),
                        "id" | "label_zh" | "label_en" | "quote" | "subject" => {
                            assert!(v.is_string(), "{ctx}: {k} = {v}")
                        }
                        "time" => assert!(v.is_null() || v.is_string(), "{ctx}: {k} = {v}"),
                        _ => {}
                    }
                }
            }
            let (head, recs) = parse_json(&bytes);
            compare(&d, what, &recs, &ctx);
            // The same columns as the CSV, in the same order.
            let (csv_head, csv_recs) = parse_csv(&export(data, what, "csv"));
            assert_eq!(head, csv_head, "{ctx}");
            assert_eq!(recs, csv_recs, "{ctx}: JSON and CSV hold the same cells");
        }
    }
    let (_, recs) = parse_json(&export(Some(TRICKY), "rates", "json"));
    assert_eq!(recs[0]["label_en"], r#"a, "quoted" label"#);
    assert_eq!(recs[0]["label_zh"], "复工率 第二行");
}

/// A Markdown row's cells, `\|` and `\\` unescaped.
fn md_cells(line: &str) -> Vec<String> {
    assert!(line.starts_with("| ") && line.ends_with(" |"), "{line:?}");
    let mut cells = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => cells
                .last_mut()
                .unwrap()
                .push(chars.next().expect("escape")),
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    // "| a | b |" splits as "", " a ", " b ", "".
    assert_eq!(cells.first().map(String::as_str), Some(""), "{line:?}");
    assert_eq!(cells.last().map(String::as_str), Some(""), "{line:?}");
    cells[1..cells.len() - 1]
        .iter()
        .map(|c| {
            let c = c.strip_prefix(' ').unwrap_or_else(|| panic!("{line:?}"));
            c.strip_suffix(' ')
                .unwrap_or_else(|| panic!("{line:?}"))
                .to_string()
        })
        .collect()
}

#[test]
fn markdown_export_is_a_table() {
    for data in DATASETS {
        let d = load(data);
        for what in WHATS {
            let ctx = format!("{data:?} {what} markdown");
            let text = String::from_utf8(export(data, what, "markdown")).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let (csv_head, csv_recs) = parse_csv(&export(data, what, "csv"));
            let n = csv_head.len();
            assert_eq!(
                lines.len(),
                2 + csv_recs.len(),
                "{ctx}: header, separator, rows"
            );
            assert_eq!(md_cells(lines[0]), csv_head, "{ctx}: header row");
            assert_eq!(
                lines[1],
                format!("|{}", " --- |".repeat(n)),
                "{ctx}: separator row"
            );
            let recs: Vec<Record> = lines[2..]
                .iter()
                .map(|l| {
                    let cells = md_cells(l);
                    assert_eq!(cells.len(), n, "{ctx}: {l}");
                    csv_head.iter().cloned().zip(cells).collect()
                })
                .collect();
            assert_eq!(recs, csv_recs, "{ctx}: the same cells as the CSV");
            compare(&d, what, &recs, &ctx);
        }
    }
    // The pipe and the backslash in the fixture's labels are escaped.
    let text = String::from_utf8(export(Some(TRICKY), "counts", "markdown")).unwrap();
    assert!(text.contains(r"| Enterprises \| in production |"), "{text}");
    let text = String::from_utf8(export(Some(TRICKY), "events", "markdown")).unwrap();
    assert!(
        text.contains(r#"| Test flights, back\\slash "ok" |"#),
        "{text}"
    );
    let text = String::from_utf8(export(Some(TRICKY), "projects", "markdown")).unwrap();
    assert!(text.contains(r"line two, with \| pipe"), "{text}");
}

/// Every export lists the column names, even of a table with no records.
#[test]

fn empty_table_still_has_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: Value = serde_json::from_str(
        &fs::read_to_string(support::path("tests/data/minimal.json")).unwrap(),
    )
    .unwrap();
    v.as_object_mut().unwrap().remove("projects");
    let path = dir.path().join("no-projects.json");
    fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let p = path.to_str().unwrap();
    let json = export(Some(p), "projects", "json");
    assert_eq!(
        serde_json::from_slice::<Value>(&json).unwrap(),
        Value::Array(vec![])
    );
    let (head, recs) = parse_csv(&export(Some(p), "projects", "csv"));
    assert!(recs.is_empty());
    let want = ["id", "label_zh", "label_en"].map(String::from);
    assert!(head.starts_with(&want), "CSV header: {head:?}");
    let md = String::from_utf8(export(Some(p), "projects", "markdown")).unwrap();
    assert_eq!(md.lines().count(), 2, "{md}");
    let md_head = md_cells(md.lines().next().unwrap());
    assert!(md_head.starts_with(&want), "Markdown header: {md_head:?}");
}

/// The names in a folder.
fn listing(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[track_caller]
fn one_line(stderr: &[u8]) -> String {
    let s = String::from_utf8(stderr.to_vec()).unwrap();
    assert_eq!(s.lines().count(), 1, "one line: {s:?}");
    assert!(s.ends_with('\n'), "{s:?}");
    assert!(s.starts_with("fugong: "), "{s:?}");
    assert!(!s.contains('\x1b'), "{s:?}");
    s
}

#[test]
fn export_output_file_force_and_atomic_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rates.csv");
    let out_s = out.to_str().unwrap();
    let expected = export(None, "rates", "csv");

    // A new file: written, nothing on stdout, nothing else left in the folder.
    let stdout = stdout_of(&["export", "--what", "rates", "--format", "csv", "-o", out_s]);
    assert!(stdout.is_empty());
    assert_eq!(fs::read(&out).unwrap(), expected);
    assert_eq!(
        listing(dir.path()),
        BTreeSet::from(["rates.csv".to_string()])
    );

    // An existing file is refused without --force and left as it was.
    fs::write(&out, "precious\n").unwrap();
    for format in ["csv", "json", "markdown"] {
        let o = failure_of(
            &[
                "export", "--what", "counts", "--format", format, "--output", out_s,
            ],
            1,
        );
        assert!(o.stdout.is_empty());
        let msg = one_line(&o.stderr);
        assert!(msg.contains("--force"), "{msg}");
        assert!(msg.contains(out_s), "names the file: {msg}");
        assert_eq!(fs::read_to_string(&out).unwrap(), "precious\n");
        assert_eq!(
            listing(dir.path()),
            BTreeSet::from(["rates.csv".to_string()])
        );
    }

    // --force overwrites.
    let stdout = stdout_of(&[
        "export", "--what", "counts", "--format", "json", "-o", out_s, "--force",
    ]);
    assert!(stdout.is_empty());
    assert_eq!(fs::read(&out).unwrap(), export(None, "counts", "json"));
    assert_eq!(
        listing(dir.path()),
        BTreeSet::from(["rates.csv".to_string()])
    );

    // --force needs -o.
    let o = failure_of(
        &["export", "--what", "rates", "--format", "csv", "--force"],
        2,
    );
    assert!(o.stdout.is_empty());

    // A folder that does not exist: one line, no file, no folder made.
    let missing = dir.path().join("no-such-dir").join("out.csv");
    let o = failure_of(
        &[
            "export",
            "--what",
            "rates",
            "--format",
            "csv",
            "-o",
            missing.to_str().unwrap(),
        ],
        1,
    );
    assert!(o.stdout.is_empty());
    let msg = one_line(&o.stderr);
    assert!(msg.contains("no-such-dir"), "{msg}");
    assert!(!missing.exists());
    assert!(!dir.path().join("no-such-dir").exists());
    assert_eq!(
        listing(dir.path()),
        BTreeSet::from(["rates.csv".to_string()])
    );

    // The target is a folder: even with --force it fails, and the temporary
    // file is gone.
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("keep.txt"), "keep").unwrap();
    for force in [false, true] {
        let mut args = vec![
            "export",
            "--what",
            "rates",
            "--format",
            "csv",
            "-o",
            sub.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        let o = failure_of(&args, 1);
        one_line(&o.stderr);
        assert!(sub.is_dir());
        assert_eq!(listing(&sub), BTreeSet::from(["keep.txt".to_string()]));
        assert_eq!(
            listing(dir.path()),
            BTreeSet::from(["rates.csv".to_string(), "sub".to_string()]),
            "force: {force}"
        );
    }
}

/// Without -o the export goes to stdout and no file is made; a relative -o
/// is relative to the working folder.
#[test]
fn export_to_stdout_and_relative_output() {
    let dir = tempfile::tempdir().unwrap();
    let data = support::path("tests/data/minimal.json");
    let data = data.to_str().unwrap();
    for format in ["csv", "json", "markdown"] {
        let out = fugong()
            .current_dir(dir.path())
            .args([
                "--data", data, "export", "--what", "events", "--format", format,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(out.stderr.is_empty());
        assert_eq!(
            out.stdout,
            export(Some("tests/data/minimal.json"), "events", format)
        );
        assert!(listing(dir.path()).is_empty(), "no file written");
    }
    let out = fugong()
        .current_dir(dir.path())
        .args([
            "--data", data, "export", "--what", "events", "--format", "csv", "-o", "ev.csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read(dir.path().join("ev.csv")).unwrap(),
        export(Some("tests/data/minimal.json"), "events", "csv")
    );
    assert_eq!(listing(dir.path()), BTreeSet::from(["ev.csv".to_string()]));
}

/// A closed pipe (`| head`) ends the export, and every other command that
/// prints, quietly.
#[test]
fn export_into_a_closed_pipe() {
    for args in [
        &["export", "--what", "counts", "--format", "json"][..],
        &["check"][..],
        &["read"][..],
        &["snapshot"][..],
    ] {
        closed_pipe(args);
    }
}

fn closed_pipe(args: &[&str]) {
    let mut child = Fugong::new()
        .std()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A bad dataset fails export and snapshot with its problems, exit 1.
#[test]
fn bad_dataset_fails_export_and_snapshot() {
    let file = "tests/data/bad/syntax-error.json";
    for args in [
        vec![
            "--data", file, "export", "--what", "rates", "--format", "csv",
        ],
        vec!["--data", file, "snapshot"],
    ] {
        let o = failure_of(&args, 1);
        assert!(o.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(o.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("{file}: invalid JSON")),
            "{stderr}"
        );
    }
}

// ---------------------------------------------------------------------------
// the dashboard without a terminal
// ---------------------------------------------------------------------------

/// Runs the dashboard with stdin /dev/null and stdout a pipe; returns the
/// output and the wall time.
fn run_dashboard(start: Fugong, args: &[&str]) -> (Output, Duration) {
    let began = Instant::now();
    let out = start
        .std()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (out, began.elapsed())
}

#[test]
fn dashboard_without_a_terminal_points_to_snapshot_and_export() {
    let mut starts = vec![("stdin /dev/null, stdout a pipe", Fugong::new())];
    if have("setsid") {
        starts.push(("setsid, no controlling terminal", Fugong::new().setsid()));
    }
    for (how, start) in starts {
        for args in [
            vec![],
            vec!["--lang", "zh"],
            vec!["--data", "tests/data/minimal.json", "--watch"],
            // Even a dataset that would fail: the terminal is checked first.
            vec!["--data", "tests/data/bad/syntax-error.json"],
        ] {
            let ctx = format!("{how}: {args:?}");
            let (out, took) = run_dashboard(start, &args);
            assert!(!out.status.success(), "{ctx}: exits non-zero");
            assert_eq!(out.status.code(), Some(1), "{ctx}");
            assert!(!out.stdout.contains(&0x1b), "{ctx}: escape on stdout");
            assert!(!out.stderr.contains(&0x1b), "{ctx}: escape on stderr");
            assert!(out.stdout.is_empty(), "{ctx}: nothing on stdout");
            assert_no_panic(&out);
            let msg = one_line(&out.stderr);
            assert!(msg.contains("terminal"), "{ctx}: {msg}");
            assert!(msg.contains("fugong snapshot"), "{ctx}: {msg}");
            assert!(msg.contains("fugong export"), "{ctx}: {msg}");
            // A sanity bound, not a benchmark: it must not wait for input.
            assert!(took < Duration::from_secs(2), "{ctx}: took {took:?}");
        }
    }
    // --watch needs --data: a usage error.
    let (out, _) = run_dashboard(Fugong::new(), &["--watch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// The theme flag and NO_COLOR change styles only, never the text.
#[test]
fn themes_change_style_not_text() {
    let base = stdout_of(&["snapshot", "--panel", "checks", "--size", "80x24"]);
    let light = stdout_of(&[
        "snapshot", "--panel", "checks", "--size", "80x24", "--theme", "light",
    ]);
    assert_eq!(base, light);
    let mono = fugong()
        .env("NO_COLOR", "1")
        .args([
            "snapshot", "--panel", "checks", "--size", "80x24", "--format", "ansi",
        ])
        .output()
        .unwrap();
    assert!(mono.status.success());
    let mono = String::from_utf8(mono.stdout).unwrap();
    assert_sgr_only(mono.as_bytes(), "NO_COLOR ansi");
    assert!(!has_colour(&mono), "NO_COLOR: no colour codes");
    let plain: Vec<String> = String::from_utf8(base)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let stripped: Vec<String> = strip_sgr(&mono)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(stripped, plain);
}

/// Paths in messages are shown escaped, as `fugong check` does: a folder
/// name holding an escape sequence must not reach the terminal raw.
#[test]
fn export_error_shows_a_hostile_folder_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bad\u{1b}[2J\u{202e}").join("out.csv");
    let o = failure_of(
        &[
            "export",
            "--what",
            "rates",
            "--format",
            "csv",
            "-o",
            target.to_str().unwrap(),
        ],
        1,
    );
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(!o.stderr.contains(&0x1b), "raw escape on stderr: {msg:?}");
    assert!(
        !msg.contains('\u{202e}'),
        "raw bidi override on stderr: {msg:?}"
    );
    one_line(&o.stderr);
}

/// An exported file gets the permissions of any new file (the umask), as a
/// shell redirect would, not the private 0600 of a temporary file.
#[test]

fn exported_file_has_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    fs::File::create(&reference).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let ordinary = mode(&reference);

    let out = dir.path().join("rates.csv");
    let out_s = out.to_str().unwrap();
    stdout_of(&["export", "--what", "rates", "--format", "csv", "-o", out_s]);
    assert_eq!(
        format!("{:o}", mode(&out)),
        format!("{ordinary:o}"),
        "a new export"
    );

    // --force keeps an existing file's mode.
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    stdout_of(&[
        "export", "--what", "rates", "--format", "csv", "-o", out_s, "--force",
    ]);
    assert_eq!(format!("{:o}", mode(&out)), "644", "an overwritten export");
}

/// What scripts and spreadsheets need of an export: CSV without asking, a
/// byte-order mark on request, lists as JSON lists, the same unit columns
/// for rates and counts, a rate's numerator and denominator by id as well
/// as by value, and `--as-of` leaving out what is reported later.
#[test]
fn export_fits_scripts_and_spreadsheets() {
    let d = load(None);
    let ds = &d.dataset;
    // CSV is the default format.
    let plain = stdout_of(&["export", "--what", "rates"]);
    assert_eq!(plain, export(None, "rates", "csv"));
    // --bom puts U+FEFF first, and nothing else changes.
    let bom = stdout_of(&["export", "--what", "rates", "--bom"]);
    assert_eq!(&bom[..3], "\u{feff}".as_bytes());
    assert_eq!(&bom[3..], &plain[..]);
    let json_bom = failure_of(
        &["export", "--what", "rates", "--format", "json", "--bom"],
        2,
    );
    one_line(&json_bom.stderr);
    // Lists are lists in JSON, space-separated ids in CSV.
    let v: Value = serde_json::from_slice(&export(None, "projects", "json")).unwrap();
    let first = &v[0];
    let want: Vec<Value> = ds.projects[0]
        .events
        .iter()
        .map(|e| Value::from(e.as_str()))
        .collect();
    assert_eq!(first["events"], Value::Array(want));
    let (_, recs) = parse_csv(&export(None, "projects", "csv"));
    assert_eq!(recs[0]["events"], ds.projects[0].events.join(" "));
    let checks: Value = serde_json::from_slice(&export(None, "checks", "json")).unwrap();
    assert!(
        checks
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["inputs"].is_array())
    );
    // Rates and counts name their unit in the same two columns.
    let (rate_head, _) = parse_csv(&export(None, "rates", "csv"));
    let (count_head, _) = parse_csv(&export(None, "counts", "csv"));
    for col in ["unit_zh", "unit_en"] {
        assert!(rate_head.iter().any(|h| h == col) && count_head.iter().any(|h| h == col));
    }
    assert!(!rate_head.iter().any(|h| h == "unit"));
    // The value as each language writes it, beside the number itself.
    let (_, counts) = parse_csv(&export(None, "counts", "csv"));
    let jobs = counts
        .iter()
        .find(|c| c["id"] == "count-linxiang-jobs")
        .expect("the jobs count");
    assert_eq!(
        (
            &jobs["value"][..],
            &jobs["shown_zh"][..],
            &jobs["shown_en"][..]
        ),
        ("23000", "2.3万多个", "23,000+ jobs")
    );
    let (_, rates) = parse_csv(&export(None, "rates", "csv"));
    assert!(
        rates
            .iter()
            .any(|r| r["shown_zh"] == "98.3%" && r["value"] == "98.3")
    );
    // A ratio's counts by id and by value.
    let (i, rate) = ds
        .rates
        .iter()
        .enumerate()
        .find(|(_, r)| r.numerator.is_some() && r.denominator.is_some())
        .expect("a rate with both counts");
    let num = d.count(rate.numerator.as_deref().unwrap()).unwrap();
    assert_eq!(rates[i]["numerator_id"], num.id);
    assert_eq!(rates[i]["numerator"], num.value.to_string());
    assert_eq!(
        rates[i]["denominator_id"],
        rate.denominator.clone().unwrap()
    );
    // As of a date, what is reported later is left out.
    let early = "2020-02-20";
    let (_, events) = parse_csv(&stdout_of(&[
        "export", "--what", "events", "--as-of", early,
    ]));
    let (_, all) = parse_csv(&export(None, "events", "csv"));
    assert!(!events.is_empty() && events.len() < all.len());
    assert!(
        events
            .iter()
            .all(|e| e["date"].as_str() <= early || e["status"] == "planned")
    );
}

/// `-o` into a folder that is not there names the folder, not a
/// temporary file.
#[test]
fn export_into_a_missing_folder_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("out.csv");
    let o = failure_of(
        &["export", "--what", "rates", "-o", target.to_str().unwrap()],
        1,
    );
    let msg = String::from_utf8_lossy(&o.stderr);
    one_line(&o.stderr);
    assert!(
        msg.contains("missing") && msg.contains("does not exist"),
        "{msg}"
    );
    assert!(!msg.contains(".fugong-export"), "{msg}");
}
