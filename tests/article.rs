//! The article inside the dataset: `source.text` in the format and the
//! schema, every quote verbatim in its paragraph, and `fugong check
//! --article FILE` as a person runs it (the real binary, real files, exit
//! codes and the exact lines it prints).

mod support;

use std::path::PathBuf;

use serde_json::{Value, json};
use support::{Fugong, assert_no_panic};

/// The article as published: 27 paragraphs, one a line.
const ARTICLE: &str = "tests/data/article.txt";

fn read(relative: &str) -> String {
    let path = support::path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn embedded() -> Value {
    serde_json::from_str(&read("assets/dataset.json")).expect("the dataset is JSON")
}

/// Runs `args`; returns the exit code, stdout and stderr, after checking
/// that nothing panicked.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Fugong::new()
        .no_color()
        .cmd()
        .args(args)
        .output()
        .expect("fugong runs");
    assert_no_panic(&out);
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// Runs `args`, expects exit 1, nothing on stdout and exactly `lines` on stderr.
#[track_caller]
fn assert_fails(args: &[&str], lines: &[String]) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 1, "{args:?}: {stderr}");
    assert_eq!(stdout, "", "{args:?}");
    let expected: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(stderr, expected, "{args:?}");
}

/// A folder for the test's files, and a path in it as a string.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Scratch {
        Scratch(tempfile::tempdir().expect("a temporary folder"))
    }

    fn write(&self, name: &str, contents: &str) -> String {
        let path: PathBuf = self.0.path().join(name);
        std::fs::write(&path, contents).expect("write a test file");
        path.display().to_string()
    }

    fn dataset(&self, name: &str, v: &Value) -> String {
        self.write(name, &serde_json::to_string_pretty(v).expect("JSON"))
    }
}

/// The article with paragraph `n` (1-based) edited by replacing `from` with `to`.
fn article_with(edits: &[(usize, &str, &str)]) -> String {
    let mut lines: Vec<String> = read(ARTICLE).lines().map(str::to_string).collect();
    for &(n, from, to) in edits {
        let line = &mut lines[n - 1];
        assert!(line.contains(from), "paragraph {n} has no {from}");
        *line = line.replacen(from, to, 1);
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn without_text(mut v: Value) -> Value {
    v["source"]
        .as_object_mut()
        .expect("source is an object")
        .remove("text")
        .expect("the embedded dataset carries its text");
    v
}

#[test]
fn the_embedded_dataset_matches_the_article() {
    let (code, stdout, stderr) = run(&["check", "--article", ARTICLE]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        stdout.contains(
            "text: carried, 27 paragraphs; all 70 quotes (9 of people) are in their paragraphs verbatim\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "article: tests/data/article.txt, 27 paragraphs, the same as the dataset's text; all 70 quotes (9 of people) are in their paragraphs verbatim\n"
        ),
        "{stdout}"
    );
    // The carried text is the file's, byte for byte.
    let v = embedded();
    let text: Vec<&str> = v["source"]["text"]
        .as_array()
        .expect("source.text")
        .iter()
        .map(|p| p.as_str().expect("a paragraph is a string"))
        .collect();
    assert_eq!(text, read(ARTICLE).lines().collect::<Vec<_>>());
    assert_eq!(v["source"]["paragraphs"], json!(text.len()));
}

#[test]
fn one_changed_figure_names_the_paragraph_the_record_and_the_nearest_text() {
    let dir = Scratch::new();
    let file = dir.write(
        "a.txt",
        &article_with(&[(10, "已经复工470家", "已经复工471家")]),
    );
    assert_fails(
        &["check", "--article", &file],
        &[
            format!(
                "embedded dataset: source.text[9]: paragraph 10 differs from {file} at character 211: the dataset has \"…产企业，已经复工470家，复工率98.3%…\", the file \"…产企业，已经复工471家，复工率98.3%…\""
            ),
            format!(
                "embedded dataset: rates[1] (rate-rongchang-resumption): quote \"已经复工470家，复工率98.3%\" is not in paragraph 10 of {file}; nearest: \"已经复工471家，复工率98.3%\""
            ),
            format!(
                "embedded dataset: counts[13] (count-rongchang-enterprises-resumed): quote \"已经复工470家\" is not in paragraph 10 of {file}; nearest: \"已经复工471家\""
            ),
            "embedded dataset: 3 problems".to_string(),
        ],
    );
}

#[test]
fn two_changed_figures_are_two_lines() {
    let dir = Scratch::new();
    let file = dir.write(
        "b.txt",
        &article_with(&[(7, "298", "297"), (20, "2048", "2049")]),
    );
    // A dataset without its text: the file is the only text.
    let data = dir.dataset("no-text.json", &without_text(embedded()));
    assert_fails(
        &["check", &data, "--article", &file],
        &[
            format!(
                "{data}: counts[6] (count-jinhu-cadres): quote \"抽调298名党员干部\" is not in paragraph 7 of {file}; nearest: \"抽调297名党员干部\""
            ),
            format!(
                "{data}: counts[24] (count-xiangjiaba-rotor-weight): quote \"重达2048吨的转子\" is not in paragraph 20 of {file}; nearest: \"重达2049吨的转子\""
            ),
            format!("{data}: 2 problems"),
        ],
    );
    // The embedded dataset: the same two, and the two paragraphs its text
    // disagrees with the file in.
    let (code, _, stderr) = run(&["check", "--article", &file]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(lines[0].starts_with("embedded dataset: source.text[6]: paragraph 7 differs"));
    assert!(lines[1].starts_with("embedded dataset: source.text[19]: paragraph 20 differs"));
    assert!(lines[2].contains("counts[6] (count-jinhu-cadres)"));
    assert!(lines[3].contains("counts[24] (count-xiangjiaba-rotor-weight)"));
    assert_eq!(lines[4], "embedded dataset: 4 problems");
}

#[test]
fn a_quote_not_in_the_carried_text_fails_check() {
    let dir = Scratch::new();
    let mut v = embedded();
    let p = v["source"]["text"][9]
        .as_str()
        .expect("paragraph 10")
        .to_string();
    v["source"]["text"][9] = json!(p.replacen("已经复工470家", "已经复工471家", 1));
    let data = dir.dataset("changed.json", &v);
    assert_fails(
        &["check", &data],
        &[
            format!(
                "{data}: rates[1] (rate-rongchang-resumption): quote \"已经复工470家，复工率98.3%\" is not in paragraph 10; nearest: \"已经复工471家，复工率98.3%\""
            ),
            format!(
                "{data}: counts[13] (count-rongchang-enterprises-resumed): quote \"已经复工470家\" is not in paragraph 10; nearest: \"已经复工471家\""
            ),
            format!("{data}: 2 problems"),
        ],
    );
}

#[test]
fn the_carried_text_must_match_the_file() {
    let dir = Scratch::new();
    // A paragraph no quote comes from: only the texts disagree.
    let mut v = embedded();
    v["source"]["text"][0] = json!("　　连日来，各级党组织和党员、干部强化担当作为。");
    let data = dir.dataset("other-text.json", &v);
    // Alone, the dataset is valid: no quote is from paragraph 1.
    assert_eq!(run(&["check", &data]).0, 0);
    assert_fails(
        &["check", &data, "--article", ARTICLE],
        &[format!(
            "{data}: source.text[0]: paragraph 1 differs from {ARTICLE} at character 24: the dataset has \"…员、干部强化担当作为。\", the file \"…员、干部强化担当作为，发挥党建引领作用，积极推动企业有序复工复产。\""
        )],
    );
}

#[test]
fn a_text_of_the_wrong_length_fails() {
    let dir = Scratch::new();
    let mut v = embedded();
    v["source"]["text"]
        .as_array_mut()
        .expect("source.text")
        .pop();
    let data = dir.dataset("short.json", &v);
    assert_fails(
        &["check", &data],
        &[format!(
            "{data}: source.text: 26 paragraphs, but source.paragraphs is 27; the quotes are not checked against it"
        )],
    );
    // An article file of the wrong length, likewise: its first paragraph left out.
    let lines: Vec<String> = read(ARTICLE)
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect();
    let file = dir.write("short.txt", &lines.concat());
    let data = dir.dataset("no-text.json", &without_text(embedded()));
    assert_fails(
        &["check", &data, "--article", &file],
        &[format!(
            "{data}: source.paragraphs: 27, but {file} has 26 paragraphs (non-blank lines); the quotes are not checked against it"
        )],
    );
}

#[test]
fn a_dataset_without_its_text_still_loads() {
    let dir = Scratch::new();
    let data = dir.dataset("no-text.json", &without_text(embedded()));
    let (code, stdout, stderr) = run(&["check", &data]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("text: not carried; quotes are checked against their figures only"),
        "{stdout}"
    );
    // And passes against the article, which is then its only text.
    let (code, stdout, _) = run(&["check", &data, "--article", ARTICLE]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with(
        "article: tests/data/article.txt, 27 paragraphs; all 70 quotes (9 of people) are in their paragraphs verbatim\n"
    ));
    // The minimal fixture has no text either.
    assert_eq!(run(&["check", "tests/data/minimal.json"]).0, 0);
}

#[test]
fn blank_lines_and_crlf_are_not_paragraphs() {
    let dir = Scratch::new();
    let spaced: String = read(ARTICLE)
        .lines()
        .map(|l| format!("{l}\r\n\r\n  \r\n"))
        .collect();
    let file = dir.write("spaced.txt", &format!("\n{spaced}"));
    let (code, _, stderr) = run(&["check", "--article", &file]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn an_article_file_that_cannot_be_read_is_one_line() {
    let dir = Scratch::new();
    let missing = dir.0.path().join("missing.txt").display().to_string();
    assert_fails(
        &["check", "--article", &missing],
        &[format!("fugong: article {missing}: no such file")],
    );
    assert_fails(
        &["check", "--article", "tests/data"],
        &["fugong: article tests/data: is a directory, not an article file".to_string()],
    );
    let latin1 = dir.0.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").expect("write");
    let latin1 = latin1.display().to_string();
    assert_fails(
        &["check", "--article", &latin1],
        &[format!(
            "fugong: article {latin1}: not valid UTF-8 (first bad byte at offset 3)"
        )],
    );
    let blank = dir.write("blank.txt", "\n \n");
    assert_fails(
        &["check", "--article", &blank],
        &[format!(
            "fugong: article {blank}: has no paragraphs (every line is blank)"
        )],
    );
    // A usage error is clap's: exit 2.
    let (code, stdout, stderr) = run(&["check", "--article"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("--article <ARTICLE.txt>"), "{stderr}");
}

#[test]
fn hostile_text_in_the_article_file_is_shown_escaped() {
    let dir = Scratch::new();
    let file = dir.write(
        "hostile.txt",
        &article_with(&[(10, "已经复工470家", "已经复工4\u{1b}[2J70家")]),
    );
    let (code, _, stderr) = run(&["check", "--article", &file]);
    assert_eq!(code, 1);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    // The file is cleaned as it is read, as a dataset's strings are.
    assert!(
        stderr.contains("the file \"…投产企业，已经复工4⟨U+001B⟩[2J70家，"),
        "{stderr}"
    );
}

// --- the format: source.text in the schema and the loader alike ---

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&read("assets/schema.json")).expect("JSON");
    jsonschema::draft202012::new(&schema).expect("a valid schema")
}

fn loads(v: &Value) -> Result<(), String> {
    fugong::data::load_str(&v.to_string(), "test")
        .map(|_| ())
        .map_err(|e| e.problems.join("\n"))
}

#[test]
fn the_schema_and_the_loader_agree_on_the_text() {
    let v = validator();
    let with_text = embedded();
    assert!(v.is_valid(&with_text));
    loads(&with_text).expect("the embedded dataset loads");
    for ok in [without_text(embedded()), {
        let mut m = embedded();
        m["source"]["text"] = Value::Null;
        m
    }] {
        assert!(v.is_valid(&ok));
        loads(&ok).expect("no text, or null, is valid");
    }
    for bad in [
        json!("一段"),
        json!([1, 2]),
        json!({"1": "一段"}),
        json!([["一段"]]),
    ] {
        let mut m = embedded();
        m["source"]["text"] = bad.clone();
        assert!(!v.is_valid(&m), "the schema accepts text {bad}");
        let problem = loads(&m).expect_err("the loader refuses it too");
        assert!(problem.starts_with("source.text"), "{problem}");
    }
}

#[test]
fn a_derived_date_may_fall_before_the_year() {
    // The rule as the schema states it, and the one record it is for.
    let schema = read("assets/schema.json");
    assert!(schema.contains("a derived date (an event with a `derivation`) may fall outside it"));
    let v = embedded();
    let out = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["id"] == "event-xiangjiaba-rotor-out")
        .expect("the rotor's derived event");
    assert_eq!(out["when"]["date"], "2019-11-27");
    assert_eq!(out["derivation"]["kind"], "days_before");
}
