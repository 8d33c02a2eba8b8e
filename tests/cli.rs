//! `fugong check` as a person runs it: the real binary, real files, exit codes
//! and the exact lines it prints.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use support::{Fugong, assert_no_panic};

/// The binary as a person who asked for no colour runs it: what `check`
/// prints must read the same.
fn fugong() -> Command {
    Fugong::new().no_color().cmd()
}

/// Runs `fugong check FILE` and asserts it fails with exactly `lines` on
/// stderr (each already prefixed), nothing on stdout, and no panic.
#[track_caller]
fn assert_fails(args: &[&str], lines: &[String]) {
    let stderr = fails_with(args, 1);
    let expected: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(stderr, expected, "args: {args:?}");
}

/// Runs `args`, expects exit `code` with nothing on stdout and no panic,
/// and returns stderr.
#[track_caller]
fn fails_with(args: &[&str], code: i32) -> String {
    let out = fugong()
        .args(args)
        .assert()
        .failure()
        .code(code)
        .get_output()
        .clone();
    assert_no_panic(&out);
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(
        out.stdout.is_empty(),
        "{args:?}: stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr
}

/// The stderr of a failing `fugong check PATH`, after the common checks.
#[track_caller]
fn check_stderr(path: &Path) -> String {
    check_stderr_of(Fugong::new().no_color(), path)
}

/// [`check_stderr`] with the binary started by `start`.
#[track_caller]
fn check_stderr_of(start: Fugong, path: &Path) -> String {
    let out = start
        .cmd()
        .arg("check")
        .arg(path)
        .assert()
        .failure()
        .code(1)
        .get_output()
        .clone();
    assert_no_panic(&out);
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr
}

fn bad(name: &str) -> String {
    format!("tests/data/bad/{name}")
}

#[test]
fn check_embedded_dataset() {
    fugong()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("rates 4, counts 41"))
        .stdout(predicate::str::contains("places 15, people 9"))
        .stdout(predicate::str::contains("all 70 quotes (9 of people)"))
        .stdout(predicate::str::contains("checks:"))
        .stdout(predicate::str::is_match(r"checks: (\d+) of (\d+) passed").unwrap())
        .stderr(predicate::str::is_empty());
}

#[test]
fn check_embedded_dataset_passes_all_its_checks() {
    let out = fugong()
        .arg("check")
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("checks: "))
        .expect("a checks line");
    let words: Vec<&str> = line.split_whitespace().collect();
    // "checks: N of M passed (...)"
    assert_eq!(words[1], words[3], "{line}");
}

#[test]
fn check_valid_minimal_fixture() {
    fugong()
        .args(["check", "tests/data/minimal.json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Minimal dataset"))
        .stdout(predicate::str::contains("rates 1, counts 4, events 3"))
        .stdout(predicate::str::contains("checks: 8 of 8 passed"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn data_option_names_the_file() {
    fugong()
        .args(["--data", "tests/data/minimal.json", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Minimal dataset"));
    let file = bad("schema-version.json");
    assert_fails(
        &["--data", &file, "check"],
        &[format!(
            "{file}: schema_version: 2 is not supported; this fugong reads version 1"
        )],
    );
    // The option is global: it may follow the subcommand.
    assert_fails(
        &["check", "--data", &file],
        &[format!(
            "{file}: schema_version: 2 is not supported; this fugong reads version 1"
        )],
    );
}

#[test]
fn check_argument_wins_over_data_option() {
    fugong()
        .args([
            "--data",
            &bad("schema-version.json"),
            "check",
            "tests/data/minimal.json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Minimal dataset"));
}

#[test]
fn missing_file() {
    let file = "tests/data/bad/no-such-file.json";
    assert_fails(&["check", file], &[format!("{file}: no such file")]);
}

#[test]
fn directory() {
    let dir = "tests/data/bad";
    assert_fails(
        &["check", dir],
        &[format!("{dir}: is a directory, not a dataset file")],
    );
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.json");
    // "{"title": "café"}" in Latin-1: the é is byte 0xE9.
    fs::write(&path, b"{\"title\": \"caf\xe9\"}").unwrap();
    let stderr = check_stderr(&path);
    assert_eq!(
        stderr,
        format!(
            "{}: not valid UTF-8 (first bad byte at offset 14)\n",
            path.display()
        )
    );
}

#[test]
fn empty_file() {
    let file = bad("empty.json");
    assert_fails(
        &["check", &file],
        &[format!(
            "{file}: the file is empty; a dataset is a JSON object"
        )],
    );
}

#[test]
fn deeply_nested_arrays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.json");
    fs::write(&path, "[".repeat(100_000)).unwrap();
    let stderr = check_stderr(&path);
    assert!(
        stderr.starts_with(&format!("{}: ", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains("starts with '['"), "{stderr}");

    // Nested inside a field the loader does descend into.
    let path = dir.path().join("deep-title.json");
    fs::write(
        &path,
        format!(
            "{{\"schema_version\": 1, \"title\": {}",
            "[".repeat(100_000)
        ),
    )
    .unwrap();
    let stderr = check_stderr(&path);
    assert!(stderr.contains("title"), "{stderr}");
}

#[test]
fn number_out_of_range_names_its_path() {
    let file = bad("number-out-of-range.json");
    assert_fails(
        &["check", &file],
        &[format!(
            "{file}: counts[0].value: number out of range at line 20 column 19"
        )],
    );
}

#[test]
fn every_problem_of_shape_is_said_at_once_in_words() {
    // A text where a number belongs, a negative count, a date that does
    // not exist: three records, three lines, none hiding another.
    let file = bad("shape-errors.json");
    assert_fails(
        &["check", &file],
        &[
            format!(
                "{file}: rates[0].value: must be a number, not the text \"98.3\" at line 13 column 91"
            ),
            format!("{file}: counts[1].value: must not be negative, not the number -470"),
            format!(
                "{file}: counts[3].when.date: \"2020-02-30\" is not a date: the calendar has no such day"
            ),
            format!("{file}: 3 problems"),
        ],
    );
}

#[test]
fn unknown_field_names_the_field_and_its_path() {
    let file = bad("unknown-field.json");
    let out = fugong()
        .args(["check", &file])
        .assert()
        .failure()
        .code(1)
        .get_output()
        .clone();
    assert_no_panic(&out);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "{file}: counts[2].qualifer: unknown field `qualifer`, expected one of "
        )),
        "{stderr}"
    );
    // It suggests the right name, and says where.
    assert!(stderr.contains("`qualifier`"), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("at line 26 column 31"),
        "{stderr}"
    );
}

#[test]
fn json_syntax_error_has_line_and_column() {
    let file = bad("syntax-error.json");
    assert_fails(
        &["check", &file],
        &[format!(
            "{file}: invalid JSON: expected `,` or `}}` at line 3 column 28"
        )],
    );
}

#[test]
fn wrong_schema_version() {
    let file = bad("schema-version.json");
    assert_fails(
        &["check", &file],
        &[format!(
            "{file}: schema_version: 2 is not supported; this fugong reads version 1"
        )],
    );
}

#[test]
fn semantic_errors_are_all_reported() {
    let file = bad("semantic-errors.json");
    let lines: Vec<String> = [
        "projects[0].id: duplicate id \"rate-a\"",
        "rates[0].value: stated 98.4% but 470 / 478 = 98.33%, beyond rounding",
        "counts[2].source.paragraph: paragraph 0 is outside the article's 1-3",
        "events[1].status: a derived event cannot be planned",
        "4 problems",
    ]
    .iter()
    .map(|l| format!("{file}: {l}"))
    .collect();
    assert_fails(&["check", &file], &lines);
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: 200 MiB long, no blocks written.
    fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let start = Instant::now();
    let stderr = check_stderr(&path);
    let elapsed = start.elapsed();
    assert_eq!(
        stderr,
        format!(
            "{}: file is 200 MiB; fugong reads files of at most 64 MiB\n",
            path.display()
        )
    );
    // Reading 200 MiB of zeros and parsing them would take far longer than
    // starting the binary, even in a debug build on a slow machine.
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.json");
    fs::copy(support::path("tests/data/minimal.json"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let mut start = Fugong::new().no_color();
    if fs::read(&path).is_ok() {
        // Root reads a mode-000 file: run it without the capabilities that
        // let it, as an ordinary user would.
        if !support::have("setpriv") {
            return;
        }
        start = start.under(&["setpriv", "--bounding-set=-dac_override,-dac_read_search"]);
    }
    let stderr = check_stderr_of(start, &path);
    assert_eq!(stderr, format!("{}: permission denied\n", path.display()));
}

#[test]
fn hostile_path_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("bad\u{1b}[2J\u{202e}.json");
    let stderr = check_stderr(&path);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(!stderr.contains('\u{202e}'), "{stderr:?}");
    assert!(
        stderr.ends_with("bad⟨U+001B⟩[2J⟨U+202E⟩.json: no such file\n"),
        "{stderr:?}"
    );
}

/// `snapshot --as-of` draws the day asked for: the header says it, and the
/// Overview holds only what was known then.
#[test]
fn snapshot_as_of_draws_that_day() {
    let out = fugong()
        .args(["snapshot", "--size", "100x30", "--lang", "en"])
        .args(["--as-of", "2020-03-01"])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("as of 2020-03-01"), "{header}");
    assert!(
        text.contains("nothing reported yet (as of 2020-03-01)"),
        "{text}"
    );
    // The rates are reported on 03-25: not on the Overview on 03-01.
    assert!(!text.contains("98.3%"), "{text}");
    let default = fugong()
        .args(["snapshot", "--size", "100x30", "--lang", "en"])
        .assert()
        .success()
        .get_output()
        .clone();
    let default = String::from_utf8(default.stdout).expect("UTF-8");
    assert!(default.contains("as of 2020-03-25"), "{default}");
    assert!(default.contains("98.3%"), "{default}");
}

/// A date that is not one is refused before anything is drawn, in one line
/// that says the format, by every command that takes it.
#[test]
fn a_bad_as_of_date_is_one_clear_line() {
    for args in [
        &["snapshot", "--as-of", "2020-02-30"][..],
        &["read", "--as-of", "March"][..],
        &["--as-of", "20200325"][..],
    ] {
        let stderr = fails_with(args, 2);
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: invalid value"),
            "{args:?}: {stderr}"
        );
        assert!(first.contains("YYYY-MM-DD"), "{args:?}: {stderr}");
    }
}

/// `--as-of` is a way of showing the data; `check` covers every record,
/// and says so rather than ignore it.
#[test]
fn as_of_is_refused_where_it_would_be_ignored() {
    let args = &["check", "--as-of", "2020-03-01"][..];
    let stderr = fails_with(args, 2);
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains("--as-of applies to"), "{args:?}: {stderr}");
}

/// An `--as-of` date outside the data's dates warns in one line on stderr,
/// and the command still runs; inside them, nothing is said.
#[test]
fn as_of_outside_the_data_warns_and_still_runs() {
    for (date, says) in [
        ("2030-01-01", "is after the data's last date, 2020-10-15"),
        ("2019-01-01", "is before the data's first date, 2019-11-27"),
    ] {
        for command in ["snapshot", "read"] {
            let out = fugong()
                .args([command, "--lang", "en", "--as-of", date])
                .assert()
                .success()
                .get_output()
                .clone();
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            assert_eq!(stderr.lines().count(), 1, "{command} {date}: {stderr}");
            assert!(
                stderr.starts_with(&format!("fugong: warning: --as-of {date} {says}")),
                "{command} {date}: {stderr}"
            );
            assert!(!out.stdout.is_empty(), "{command} {date}: still runs");
        }
    }
    let out = fugong()
        .args(["snapshot", "--as-of", "2020-03-01"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stderr.is_empty(), "inside the data's dates: no warning");
}
