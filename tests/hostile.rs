//! Hostile text never reaches the terminal.
//!
//! `tests/data/hostile/corpus.json` is a valid dataset whose every string
//! that the dashboard shows (labels, units, places, organisations, projects,
//! quotes, event figures, ids, title, the year's reason) carries `ESC[2J`,
//! OSC 0, OSC 52, an OSC 8 link, a DCS and an APC string, C1 controls
//! (U+009B and friends), NUL, BS, BEL, CR, TAB, DEL, the bidi overrides and
//! isolates and the zero-width and format characters. Every panel, popup and
//! footer is drawn through ratatui's real `CrosstermBackend` into memory,
//! and `snapshot`, `export` and `check` are run as a user runs them; a VT
//! parser (`vte`) then says what a terminal would have been asked to do.

mod support;

use std::process::Output;

use fugong::data::{self, Lang, Loaded};
use fugong::input::Action;
use fugong::panel::Panel;
use serde_json::Value;
use support::{
    Allow, MemTerminal, PANELS, app_with, assert_no_panic, assert_plain_text, assert_safe, audit,
    fugong,
};
const CORPUS_PATH: &str = "tests/data/hostile/corpus.json";
const CORPUS: &str = include_str!("data/hostile/corpus.json");

/// The payload every hostile string of the corpus carries, in pieces.
const PIECES: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{9b}31m",
    "\u{0}\u{8}\u{7}\r\t\u{7f}",
    "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}",
    "\u{2066}\u{2067}\u{2068}\u{2069}",
    "\u{200b}\u{200c}\u{200d}\u{200e}\u{200f}\u{feff}\u{ad}",
    "\u{1b}P1$qm\u{1b}\\",
    "\u{1b}_apc\u{1b}\\",
];

/// A short hostile string for ids and extra fields.
const H: &str = "\u{202e}\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{200b}";

fn corpus() -> Loaded {
    data::load_str(CORPUS, "corpus").expect("the hostile corpus is a valid dataset")
}

#[track_caller]
fn run(args: &[&str]) -> Output {
    let out = fugong().args(args).output().expect("run fugong");
    assert_no_panic(&out);
    out
}

/// Every string in a JSON value, with its path.
fn strings(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                strings(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The auditor itself: it must flag what it is there to flag.
#[test]
fn the_audit_catches_every_kind_of_escape() {
    let bad: &[(&str, &[u8])] = &[
        ("OSC 0", b"\x1b]0;t\x07"),
        ("OSC 52", b"\x1b]52;c;eA==\x1b\\"),
        ("OSC 8", b"\x1b]8;;u\x1b\\t\x1b]8;;\x1b\\"),
        ("DCS", b"\x1bP1$qm\x1b\\"),
        ("APC", b"\x1b_apc\x1b\\"),
        ("PM", b"\x1b^pm\x1b\\"),
        ("SOS", b"\x1bXsos\x1b\\"),
        ("C1 CSI, UTF-8", "\u{9b}31m".as_bytes()),
        ("C1 CSI, raw byte", b"\x9b31m"),
        ("BEL", b"a\x07"),
        ("NUL", b"\x00"),
        ("BS", b"\x08"),
        ("TAB", b"\t"),
        ("DEL", b"\x7f"),
        ("RLO", "\u{202e}".as_bytes()),
        ("isolate", "\u{2066}".as_bytes()),
        ("ZWSP", "\u{200b}".as_bytes()),
        ("BOM", "\u{feff}".as_bytes()),
        ("soft hyphen", "\u{ad}".as_bytes()),
        ("erase display", b"\x1b[2J"),
        ("alternate screen", b"\x1b[?1049h"),
        ("mouse reporting", b"\x1b[?1000h"),
        ("save cursor", b"\x1b7"),
        ("reset", b"\x1bc"),
        ("unterminated", b"ab\x1b["),
    ];
    for (what, bytes) in bad {
        assert!(
            !audit(bytes, Allow::Terminal).problems.is_empty(),
            "{what} went unnoticed"
        );
    }
    let frame = b"\x1b[1;1H\x1b[38;5;12m\xe4\xb8\xad\x1b[0m\x1b[?25l\x1b[3;7H\x1b[39m\x1b[?25h";
    let a = audit(frame, Allow::Terminal);
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    assert_eq!(a.text, "中");
    let snap = b"\x1b[0;1;31mab\x1b[0m\n";
    assert!(audit(snap, Allow::SgrOnly).problems.is_empty());
    assert!(!audit(b"\x1b[1;1H", Allow::SgrOnly).problems.is_empty());
    assert!(!audit(b"a\rb", Allow::SgrOnly).problems.is_empty());
}

/// The corpus really is hostile where it matters, and loading leaves no
/// hostile character anywhere in the dataset, only visible markers.
#[test]
fn corpus_is_hostile_and_loading_marks_every_string() {
    let raw: Value = serde_json::from_str(CORPUS).unwrap();
    let mut all = Vec::new();
    strings(&raw, "", &mut all);
    for field in [
        ".title.zh",
        ".title.en",
        ".year.reason.en",
        ".places[0].province.zh",
        ".places[0].locality.en",
        ".organisations[0].name.zh",
        ".rates[0].label.zh",
        ".rates[0].label.en",
        ".rates[0].source.quote",
        ".counts[0].label.en",
        ".counts[0].unit.zh",
        ".events[0].label.zh",
        ".events[0].figure",
        ".projects[0].name.en",
        ".projects[0].summary.zh",
    ] {
        let (_, s) = all
            .iter()
            .find(|(p, _)| p == field)
            .unwrap_or_else(|| panic!("{field} missing"));
        for piece in PIECES {
            assert!(s.contains(piece), "{field} lacks {piece:?}");
        }
    }
    let ids = all.iter().filter(|(p, _)| p.ends_with(".id")).count();
    assert!(ids >= 10);
    for (p, s) in all.iter().filter(|(p, _)| p.ends_with(".id")) {
        assert!(s.contains("\u{1b}[2J"), "{p}");
    }

    let loaded = corpus();
    let clean = serde_json::to_value(&loaded.dataset).unwrap();
    let mut all = Vec::new();
    strings(&clean, "", &mut all);
    for (p, s) in &all {
        assert_plain_text(s, false, p);
        assert!(!s.contains('\n'), "{p}: a label stays on one line");
    }
    let title = &loaded.dataset.title.en;
    for marker in [
        "⟨U+202E⟩",
        "⟨U+001B⟩[2J",
        "⟨U+009B⟩",
        "⟨U+0000⟩",
        "⟨U+200B⟩",
    ] {
        assert!(title.contains(marker), "{marker} in {title}");
    }
    for c in &loaded.checks {
        assert_plain_text(&c.subject, false, "check subject");
        assert_plain_text(&c.formula.zh, false, "check formula");
        assert_plain_text(&c.formula.en, false, "check formula");
    }
}

/// Draws, through the crossterm backend, every panel, every row's detail
/// popup, the Workforce filters and the help, and checks every frame's bytes.
fn every_screen(loaded: &Loaded, lang: Lang, w: u16, h: u16) -> String {
    let mut a = app_with(loaded, lang);
    a.update(Action::Resize(w, h));
    let mut term = MemTerminal::new(w, h);
    let mut text = String::new();
    let mut frame = |a: &fugong::app::App, what: String| {
        let (buf, bytes) = term.draw(a);
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(support::is_forbidden),
                "{what}: cell {:?}",
                cell.symbol()
            );
        }
        text.push_str(&assert_safe(&bytes, Allow::Terminal, &what));
    };
    for panel in PANELS {
        a.update(Action::GoPanel(panel));
        a.update(Action::Top);
        frame(&a, format!("{panel:?} {lang:?} {w}x{h}"));
        for i in 0..support::row_count(&a, panel).min(8) {
            a.update(Action::Open);
            frame(&a, format!("{panel:?} {lang:?} {w}x{h} detail of row {i}"));
            a.update(Action::Bottom);
            frame(
                &a,
                format!("{panel:?} {lang:?} {w}x{h} detail of row {i}, end"),
            );
            a.update(Action::Back);
            a.update(Action::Down);
            frame(&a, format!("{panel:?} {lang:?} {w}x{h} row {}", i + 1));
        }
        if panel == Panel::Workforce {
            a.update(Action::CycleProvince);
            frame(&a, format!("{panel:?} {lang:?} {w}x{h} province"));
            for k in 0..12 {
                a.update(Action::CycleCategory);
                frame(&a, format!("{panel:?} {lang:?} {w}x{h} category {k}"));
            }
        }
    }
    a.update(Action::ToggleHelp);
    frame(&a, format!("help {lang:?} {w}x{h}"));
    a.update(Action::Bottom);
    frame(&a, format!("help {lang:?} {w}x{h}, end"));
    text
}

#[test]
fn every_panel_and_popup_through_the_crossterm_backend() {
    let loaded = corpus();
    // Both shows the Chinese and the English texts.
    for lang in [Lang::Zh, Lang::Both] {
        for (w, h) in [(60, 16), (97, 31), (250, 70)] {
            let text = every_screen(&loaded, lang, w, h);
            if w == 250 {
                // Shown, as markers, not dropped.
                for marker in ["⟨U+202E⟩", "⟨U+001B⟩", "⟨U+009B⟩", "⟨U+2066⟩", "⟨U+FEFF⟩"]
                {
                    assert!(text.contains(marker), "{lang:?}: no {marker} on screen");
                }
            }
        }
    }
}

/// What the user types into the filter is shown in the footer: it must not
/// carry bidi or zero-width characters to the terminal either.
#[test]
fn typed_filter_text_is_shown_safely() {
    let loaded = corpus();
    for panel in PANELS {
        let mut a = app_with(&loaded, Lang::Both);
        a.update(Action::Resize(120, 40));
        a.update(Action::GoPanel(panel));
        a.update(Action::StartFilter);
        for c in "\u{1b}[2J\u{202e}\u{2066}\u{200b}\u{feff}\u{9b}\u{7}x".chars() {
            a.update(Action::FilterChar(c));
        }
        let mut term = MemTerminal::new(120, 40);
        let (_, bytes) = term.draw(&a);
        assert_safe(
            &bytes,
            Allow::Terminal,
            &format!("{panel:?} while filtering"),
        );
        a.update(Action::FilterDone);
        let (_, bytes) = term.draw(&a);
        assert_safe(&bytes, Allow::Terminal, &format!("{panel:?} filtered"));
    }
}

/// A watched file that turns hostile and invalid: the footer and the `e`
/// popup show why, without a raw escape or bidi character.
#[test]
fn reload_errors_are_shown_safely() {
    reload_errors_are_safe(|name| !HOSTILE_KEYS.contains(&name));
}

/// The footer's "reload failed: …" line is drawn with `Line`, which passes
/// zero-width characters on to the terminal with the glyph before them.
#[test]
fn reload_errors_naming_a_hostile_key_are_shown_safely() {
    reload_errors_are_safe(|name| HOSTILE_KEYS.contains(&name));
}

fn reload_errors_are_safe(which: fn(&str) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, _) in invalid_variants().into_iter().filter(|v| which(v.0)) {
        for file in ["d.json".to_string(), format!("d{H}.json")] {
            let path = dir.path().join(&file);
            std::fs::write(&path, &text).unwrap();
            for (w, h) in [(120, 40), (250, 70)] {
                let what = format!("{name}, {file:?}, {w}x{h}");
                let mut a = app_with(&corpus(), Lang::Both).watching(Some(path.clone()));
                a.update(Action::Resize(w, h));
                support::apply(&mut a, Action::FileChanged);
                assert!(!a.reload_errors().is_empty(), "{what}");
                for e in a.reload_errors() {
                    assert_plain_text(e, false, &what);
                }
                let mut term = MemTerminal::new(w, h);
                let (_, bytes) = term.draw(&a);
                assert_safe(&bytes, Allow::Terminal, &format!("{what}: footer"));
                a.update(Action::ShowErrors);
                let (_, bytes) = term.draw(&a);
                assert_safe(&bytes, Allow::Terminal, &format!("{what}: popup"));
            }
        }
    }
}

/// `snapshot` in both formats, every panel, through the real binary.
#[test]
fn snapshot_of_the_corpus_is_safe() {
    for panel in PANELS {
        for lang in [Lang::Zh, Lang::Both] {
            for size in ["60x16", "120x40", "250x70"] {
                for format in ["ansi", "plain"] {
                    let what = format!("{panel:?} {lang:?} {size} {format}");
                    let out = run(&[
                        "--data",
                        CORPUS_PATH,
                        "--lang",
                        support::lang_arg(lang),
                        "snapshot",
                        "--panel",
                        support::panel_arg(panel),
                        "--size",
                        size,
                        "--format",
                        format,
                    ]);
                    assert!(out.status.success(), "{what}");
                    assert!(out.stderr.is_empty(), "{what}");
                    if format == "ansi" {
                        let a = audit(&out.stdout, Allow::SgrOnly);
                        assert!(a.problems.is_empty(), "{what}: {:#?}", a.problems);
                        assert_plain_text(&a.text, false, &what);
                    } else {
                        assert!(!out.stdout.contains(&0x1b), "{what}");
                        assert_plain_text(&String::from_utf8(out.stdout).unwrap(), false, &what);
                    }
                }
            }
        }
    }
}

/// `export` in every format writes the marked text, never the raw one.
#[test]
fn export_of_the_corpus_is_safe() {
    for what in ["rates", "counts", "events", "projects", "checks"] {
        for format in ["csv", "json", "markdown"] {
            let ctx = format!("export {what} {format}");
            let out = run(&[
                "--data",
                CORPUS_PATH,
                "export",
                "--what",
                what,
                "--format",
                format,
            ]);
            assert!(out.status.success(), "{ctx}");
            let s = String::from_utf8(out.stdout).unwrap();
            assert_plain_text(&s, format == "csv", &ctx);
            if what != "checks" {
                assert!(s.contains("⟨U+202E⟩"), "{ctx}: {s}");
            }
        }
    }
}

/// `check` on the corpus: its summary repeats the title, marked.
#[test]
fn check_summary_of_the_corpus_is_safe() {
    let out = run(&["check", CORPUS_PATH]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert_plain_text(&s, false, "check summary");
    assert!(s.contains("⟨U+001B⟩[2J"), "{s}");
}

/// Invalid hostile datasets: serde's messages repeat the input (unknown
/// fields and variants, invalid types), and the checks repeat quotes, figures
/// and ids. Each one, and each message, is `(mutation, repeats the input)`.
fn invalid_variants() -> Vec<(&'static str, String, bool)> {
    let base: Value = serde_json::from_str(CORPUS).unwrap();
    let h = || Value::from(H);
    type Mutation = (&'static str, fn(&mut Value, Value), bool);
    let mutations: Vec<Mutation> = vec![
        (
            "unknown field",
            |v, h| v["counts"][0][h.as_str().unwrap()] = 1.into(),
            true,
        ),
        (
            "unknown top-level field",
            |v, h| v[h.as_str().unwrap()] = Value::Null,
            true,
        ),
        (
            "unknown field in a text",
            |v, h| v["title"][h.as_str().unwrap()] = "x".into(),
            true,
        ),
        (
            // Categories are open: a hostile name is a name (cleaned like
            // any string), and an empty one is refused.
            "empty category",
            |v, _| v["counts"][0]["category"] = "".into(),
            false,
        ),
        (
            "unknown variant: qualifier",
            |v, h| v["counts"][1]["qualifier"] = h,
            true,
        ),
        (
            "unknown variant: status",
            |v, h| v["events"][0]["status"] = h,
            true,
        ),
        (
            "unknown variant: precision",
            |v, h| v["events"][0]["when"]["precision"] = h,
            true,
        ),
        (
            "unknown variant: relation",
            |v, h| v["rates"][0]["when"]["relation"] = h,
            true,
        ),
        (
            "unknown variant: part of day",
            |v, h| v["events"][0]["when"]["part_of_day"] = h,
            true,
        ),
        (
            "unknown derivation kind",
            |v, h| v["events"][1]["derivation"]["kind"] = h,
            true,
        ),
        (
            "string for a number",
            |v, h| v["counts"][0]["value"] = h,
            true,
        ),
        ("string for a rate", |v, h| v["rates"][0]["value"] = h, true),
        ("string for a version", |v, h| v["schema_version"] = h, true),
        ("string for a bool", |v, h| v["year"]["inferred"] = h, true),
        ("string for a text", |v, h| v["title"] = h, true),
        (
            "string for a list",
            |v, h| v["projects"][0]["events"] = h,
            true,
        ),
        ("bad date", |v, h| v["rates"][0]["when"]["date"] = h, false),
        ("bad time", |v, h| v["events"][0]["when"]["time"] = h, false),
        (
            "unreadable rate figure",
            |v, h| {
                v["rates"][0]["figure"] = format!("{}98.3%", h.as_str().unwrap()).into();
            },
            true,
        ),
        (
            "unreadable count figure",
            |v, h| {
                v["counts"][0]["figure"] = format!("478{}", h.as_str().unwrap()).into();
            },
            true,
        ),
        (
            "quote without its figure",
            |v, h| v["counts"][0]["source"]["quote"] = h,
            true,
        ),
        (
            "event figure without its date",
            |v, h| {
                let f = format!("{}4月1日", h.as_str().unwrap());
                v["events"][0]["figure"] = f.clone().into();
                v["events"][0]["source"]["quote"] = f.into();
            },
            true,
        ),
        (
            "dangling reference",
            |v, h| v["events"][0]["organisation"] = h,
            true,
        ),
        (
            "dangling derivation",
            |v, h| v["events"][1]["derivation"]["on"] = h,
            true,
        ),
        (
            "duplicate id",
            |v, _| {
                let id = v["counts"][0]["id"].clone();
                v["counts"][1]["id"] = id;
            },
            true,
        ),
        (
            "empty label",
            |v, _| {
                v["rates"][0]["label"]["zh"] = " ".into();
                v["rates"][0]["label"]["en"] = "".into();
            },
            false,
        ),
    ];
    mutations
        .into_iter()
        .map(|(name, f, repeats)| {
            let mut v = base.clone();
            f(&mut v, h());
            (name, serde_json::to_string_pretty(&v).unwrap(), repeats)
        })
        .collect()
}

/// The variants whose hostile text is an unknown key: serde_path_to_error
/// puts the key, raw, into the error's path.
const HOSTILE_KEYS: [&str; 3] = [
    "unknown field",
    "unknown top-level field",
    "unknown field in a text",
];

#[test]
fn problems_in_a_hostile_dataset_are_shown_marked() {
    problems_are_marked(|name| !HOSTILE_KEYS.contains(&name));
}

#[test]
fn problems_naming_a_hostile_key_are_shown_marked() {
    problems_are_marked(|name| HOSTILE_KEYS.contains(&name));
}

fn problems_are_marked(which: fn(&str) -> bool) {
    for (name, text, repeats) in invalid_variants().into_iter().filter(|v| which(v.0)) {
        let invalid = data::load_str(&text, "hostile.json").expect_err(name);
        assert_plain_text(&invalid.origin, false, name);
        assert_plain_text(&invalid.to_string(), false, name);
        for p in &invalid.problems {
            assert_plain_text(p, false, &format!("{name}: {p}"));
        }
        if repeats {
            assert!(
                // Marked by the loader, or escaped by serde's `Debug`.
                invalid
                    .problems
                    .iter()
                    .any(|p| p.contains("⟨U+001B⟩") || p.contains("\\u{1b}")),
                "{name}: the message repeats the input, marked: {:?}",
                invalid.problems
            );
        }
    }
}

/// `check`, `snapshot` and `export` on a hostile invalid file write no
/// escape byte to stderr (nor anything to stdout).
#[test]
fn check_on_hostile_files_writes_no_escape() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<(String, Vec<u8>)> = invalid_variants()
        .into_iter()
        .map(|(name, text, _)| (name.to_string(), text.into_bytes()))
        .collect();
    // Raw bytes the JSON text cannot carry as a value.
    files.push((
        "starts with ESC".into(),
        format!("\u{1b}[2J{CORPUS}").into(),
    ));
    files.push(("starts with RLO".into(), format!("\u{202e}{CORPUS}").into()));
    files.push(("starts with C1".into(), format!("\u{9b}{CORPUS}").into()));
    files.push((
        "raw ESC inside a string".into(),
        CORPUS
            .replacen("敌意数据集", "敌意\u{1b}]0;pwned\u{7}", 1)
            .into(),
    ));
    files.push((
        "raw C1 and bidi in a key".into(),
        CORPUS
            .replacen("\"schema_version\"", "\"\u{9b}2J\u{202e}\"", 1)
            .into(),
    ));
    let mut not_utf8 = CORPUS.as_bytes().to_vec();
    not_utf8.splice(10..10, [0x1b, b'[', b'2', b'J', 0x9b, 0xff]);
    files.push(("not UTF-8".into(), not_utf8));
    files.push((
        "trailing garbage".into(),
        format!("{CORPUS}\u{1b}]0;x\u{7}").into(),
    ));
    for (i, (name, bytes)) in files.iter().enumerate() {
        let path = dir.path().join(format!("{i}{H}.json"));
        std::fs::write(&path, bytes).unwrap();
        let p = path.to_str().unwrap();
        let runs: Vec<Vec<&str>> = if i == 0 {
            vec![
                vec!["check", p],
                vec!["--data", p, "snapshot"],
                vec!["--data", p, "export", "--what", "rates", "--format", "csv"],
            ]
        } else {
            vec![vec!["check", p]]
        };
        for args in runs {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{name}: {args:?}");
            assert!(!out.stderr.contains(&0x1b), "{name}: ESC on stderr");
            let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
            assert_plain_text(&stderr, false, name);
            assert!(!stderr.is_empty(), "{name}: says why");
            assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        }
    }
    assert!(support::path(CORPUS_PATH).exists());
}
