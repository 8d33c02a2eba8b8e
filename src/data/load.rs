//! Reading and parsing a dataset file, with errors a person can act on.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::model::{Dataset, SCHEMA_VERSION};
use super::sanitize::{self, Sanitizer, clean};

/// Larger files are refused before they are read: the article's dataset is
/// 57 KB with its article, and a file of this size would take gigabytes once parsed.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a dataset file into a string: one clear line for every way it can fail.
pub fn read_file(path: &Path) -> Result<String, String> {
    read_text(path, "a dataset file")
}

/// Reads a text file of at most [`MAX_FILE_BYTES`] into a string; `what` the
/// file should be ("a dataset file") says what a directory is not.
fn read_text(path: &Path, what: &str) -> Result<String, String> {
    let shown = clean(&path.display().to_string()).into_owned();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{shown}: no such file"),
        std::io::ErrorKind::PermissionDenied => format!("{shown}: permission denied"),
        _ => format!("{shown}: cannot read: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("{shown}: is a directory, not {what}"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{shown}: file is {} MiB; fugong reads files of at most {} MiB",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => format!("{shown}: permission denied"),
        _ => format!("{shown}: cannot open: {e}"),
    })?;
    // `take` guards against a file that grows between the size check and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{shown}: file is larger than {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads an article's text to draft: one line naming the file for every
/// way it can fail.
pub fn read_article_text(path: &Path) -> Result<String, String> {
    read_text(path, "an article file").map_err(|p| format!("article {p}"))
}

/// An article's text read from a file (`check --article`), to check a
/// dataset's quotes and its own text against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// The file's path as given, cleaned for messages.
    pub origin: String,
    /// The paragraphs in order, one a non-blank line of the file.
    pub paragraphs: Vec<String>,
}

/// Reads an article file: UTF-8, one paragraph a line, blank (empty or
/// whitespace-only) lines ignored. Lines end in LF or CRLF (the CR is not
/// text), and a byte-order mark at the start is not text either; nothing else of a line is changed but what [`clean`] marks, so the
/// file's text and a dataset's, cleaned when parsed, compare alike. A
/// problem is one line that names the file as the article.
pub fn read_article(path: &Path) -> Result<ArticleFile, String> {
    let origin = clean(&path.display().to_string()).into_owned();
    let text = read_text(path, "an article file").map_err(|p| format!("article {p}"))?;
    let paragraphs = article_paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(format!(
            "article {origin}: has no paragraphs (every line is blank)"
        ));
    }
    Ok(ArticleFile { origin, paragraphs })
}

/// The paragraphs of an article's text: its non-blank lines, cleaned.
pub fn article_paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| clean(l).into_owned())
        .collect()
}

/// A character for a message: printable as itself, anything else as U+XXXX.
fn sanitize_char(c: char) -> String {
    let s = c.to_string();
    match clean(&s) {
        std::borrow::Cow::Borrowed(_) => format!("'{c}'"),
        std::borrow::Cow::Owned(o) => o,
    }
}

/// Parses the JSON text into a [`Dataset`], every string of it cleaned (see
/// [`sanitize`]); the error names the line, column and JSON path of the
/// first problem.
pub fn parse(text: &str) -> Result<Dataset, String> {
    parse_all(text).map_err(|mut problems| {
        if problems.is_empty() {
            "the file could not be read as a dataset".to_string()
        } else {
            problems.swap_remove(0)
        }
    })
}

/// As [`parse`], with every problem of shape the file has, not only the
/// first (see [`super::shape`]); the first says its line and column.
pub fn parse_all(text: &str) -> Result<Dataset, Vec<String>> {
    parse_first(text).map_err(|first| {
        // Valid JSON: each record read on its own, for all the problems.
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
            return vec![first];
        };
        let mut all = super::shape::problems(&v);
        if all.is_empty() {
            return vec![first];
        }
        // The typed read's problem is one of them: give it its place in
        // the file.
        if let Some((path, rest)) = first.split_once(": ")
            && let Some(at) = rest.rfind(" at line ")
            && let Some(p) = all.iter_mut().find(|p| p.starts_with(&format!("{path}: ")))
        {
            p.push_str(&rest[at..]);
        }
        all
    })
}

fn parse_first(text: &str) -> Result<Dataset, String> {
    if text.trim().is_empty() {
        return Err("the file is empty; a dataset is a JSON object".to_string());
    }
    if let Some(first) = text.trim_start().chars().next()
        && first != '{'
    {
        let shown = sanitize_char(first);
        return Err(format!(
            "a dataset is a JSON object starting with '{{', but this file starts with {shown}"
        ));
    }
    // The fast path: a valid file is read once, without tracking paths, and
    // every string is cleaned as it is read. Only a failure is read again,
    // with serde_path_to_error, to say where.
    let ds = match sanitize::from_str::<Dataset>(text) {
        Ok(ds) => ds,
        Err(_) => return Err(explain(text)),
    };
    if ds.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "schema_version: {} is not supported; this fugong reads version {SCHEMA_VERSION}",
            ds.schema_version
        ));
    }
    Ok(ds)
}

/// The first problem of a text that does not parse, with its JSON path.
fn explain(text: &str) -> String {
    let mut de = serde_json::Deserializer::from_str(text);
    // The same sanitized read as the fast path, below the path tracking.
    let result: Result<Dataset, String> = serde_path_to_error::deserialize(Sanitizer(&mut de))
        .map_err(|e| {
            // The path can hold a key from the file (an unknown field's name).
            let path = clean(&e.path().to_string()).into_owned();
            let inner = e.into_inner();
            let msg = clean(&inner.to_string()).into_owned();
            // serde_json files an out-of-range number (1e400 for a u64) under
            // syntax errors, but it is a value at a path like any shape error.
            let out_of_range = msg.starts_with("number out of range");
            if (inner.is_syntax() && !out_of_range) || inner.is_eof() {
                format!("invalid JSON: {msg}")
            } else if path == "." {
                // Valid JSON of the wrong shape at the top level (a missing field).
                format!("top level: {msg}")
            } else {
                format!("{path}: {msg}")
            }
        });
    match result.and_then(|_| {
        de.end()
            .map_err(|e| format!("invalid JSON: {}", clean(&e.to_string())))
    }) {
        Err(problem) => problem,
        // serde_json::from_str failed but the tracked read did not: say what
        // from_str said.
        Ok(()) => match sanitize::from_str::<Dataset>(text) {
            Err(e) => format!("invalid JSON: {}", clean(&e.to_string())),
            Ok(_) => "the file could not be read as a dataset".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = parse("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        assert!(err.starts_with("invalid JSON:"), "{err}");
        assert!(err.contains("line 3 column 3"), "{err}");
    }

    #[test]
    fn shape_errors_name_the_path() {
        let err = parse(r#"{"schema_version": "one"}"#).unwrap_err();
        assert!(err.starts_with("schema_version:"), "{err}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        // The typed model stops at the first value of the wrong shape, and
        // serde_json's recursion limit stops an untyped descent.
        let text = "[".repeat(100_000);
        let err = parse(&text).unwrap_err();
        assert!(err.contains("starts with '['"), "{err}");
        let text = format!(
            "{{\"schema_version\": 1, \"title\": {}",
            "[".repeat(100_000)
        );
        let err = parse(&text).unwrap_err();
        assert!(err.contains("title"), "{err}");
    }

    #[test]
    fn an_article_is_its_non_blank_lines() {
        let text = "\u{feff}第一段。\r\n\r\n   \n　　第二段 \u{a0}\n\u{3000}\n第三段\u{202e}。";
        assert_eq!(
            article_paragraphs(text),
            ["第一段。", "　　第二段 \u{a0}", "第三段⟨U+202E⟩。"]
        );
        assert!(article_paragraphs("\n \n").is_empty());
    }

    #[test]
    fn an_article_file_that_cannot_be_read_is_one_line() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let shown = dir.path().display().to_string();
        let missing = dir.path().join("missing.txt");
        assert_eq!(
            read_article(&missing),
            Err(format!("article {}: no such file", missing.display()))
        );
        assert_eq!(
            read_article(dir.path()),
            Err(format!(
                "article {shown}: is a directory, not an article file"
            ))
        );
        let latin1 = dir.path().join("latin1.txt");
        std::fs::write(&latin1, b"caf\xe9\n").expect("write");
        assert_eq!(
            read_article(&latin1),
            Err(format!(
                "article {}: not valid UTF-8 (first bad byte at offset 3)",
                latin1.display()
            ))
        );
        let blank = dir.path().join("blank.txt");
        std::fs::write(&blank, "\n  \n").expect("write");
        assert_eq!(
            read_article(&blank),
            Err(format!(
                "article {}: has no paragraphs (every line is blank)",
                blank.display()
            ))
        );
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "甲\n\n乙\n").expect("write");
        let file = read_article(&good).expect("a readable article");
        assert_eq!(file.paragraphs, ["甲", "乙"]);
        assert_eq!(file.origin, good.display().to_string());
    }

    #[test]
    fn empty_text_is_explained() {
        assert!(parse("  \n").unwrap_err().contains("empty"));
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let ds = include_str!("../../assets/dataset.json");
        let err = parse(&format!("{ds} x")).unwrap_err();
        assert!(err.contains("trailing"), "{err}");
    }

    use serde_json::Value;

    /// Hostile enough: an override, a CSI, a C1 CSI, a zero-width space, a
    /// tab and a line break.
    const H: &str = "\u{202e}\u{1b}[2J\u{9b}31m\u{200b}\t\n";

    /// The `n`th string of `v`, depth first.
    fn nth_string<'v>(v: &'v mut Value, n: &mut usize) -> Option<&'v mut String> {
        match v {
            Value::String(s) if *n == 0 => Some(s),
            Value::String(_) => {
                *n -= 1;
                None
            }
            Value::Array(a) => a.iter_mut().find_map(|x| nth_string(x, n)),
            Value::Object(m) => m.values_mut().find_map(|x| nth_string(x, n)),
            _ => None,
        }
    }

    /// Every path of `v` (array indices as `[]`), and whether one value at
    /// it is filled: not null, not an empty array.
    fn filled(v: &Value, path: &str, out: &mut std::collections::BTreeMap<String, bool>) {
        let full = match v {
            Value::Null => false,
            Value::Array(a) => !a.is_empty(),
            _ => true,
        };
        *out.entry(path.to_string()).or_default() |= full;
        match v {
            Value::Array(a) => a.iter().for_each(|x| filled(x, &format!("{path}[]"), out)),
            Value::Object(m) => m
                .iter()
                .for_each(|(k, x)| filled(x, &format!("{path}.{k}"), out)),
            _ => {}
        }
    }

    fn strings<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
        match v {
            Value::String(s) => out.push(s),
            Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            Value::Object(m) => m.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }

    /// No string field can be missed: every string of a dataset in which
    /// every field of every kind is filled is made hostile, one at a time,
    /// keeping each that the model still accepts (text, not a date or a
    /// name). The dataset parsed from it, written back to JSON, holds no
    /// hostile character in any string. A field added to the model is in
    /// the dataset written back; if no value fills it, this test says so.
    #[test]
    fn every_string_the_loader_keeps_is_clean() {
        let corpus = include_str!("../../tests/data/hostile/corpus.json");
        let mut raw: Value = serde_json::from_str(corpus).expect("the corpus is JSON");
        // What the corpus leaves out: times of day, the other derivation,
        // the article's text, people.
        raw["source"]["text"] = serde_json::json!(["第一段。", "第二段。"]);
        for kind in ["rates", "counts"] {
            raw[kind][0]["when"]["time"] = "10:59".into();
            raw[kind][0]["when"]["part_of_day"] = "morning".into();
        }
        let events = raw["events"].as_array_mut().expect("events");
        let mut other = events[0].clone();
        other["derivation"] =
            serde_json::json!({"kind": "days_before", "days": "d", "before": "b"});
        other["when"]["part_of_day"] = "noon".into();
        events.push(other);
        // A person, every field filled.
        raw["people"] = serde_json::json!([{
            "id": "person-a",
            "name": {"zh": "王海", "en": "Wang Hai"},
            "role": {"zh": "队长", "en": "Head"},
            "organisation": "org-a",
            "place": "place-a",
            "source": {"paragraph": 1, "quote": "队长王海"},
            "note": {"zh": "拼音", "en": "pinyin"}
        }]);
        parse(&raw.to_string()).expect("the filled corpus parses");

        let mut kept = 0;
        for i in 0.. {
            let mut v = raw.clone();
            let Some(s) = nth_string(&mut v, &mut { i }) else {
                break;
            };
            s.push_str(H);
            if parse(&v.to_string()).is_ok() {
                raw = v;
                kept += 1;
            }
        }
        assert!(kept > 100, "only {kept} strings were taken as text");

        let ds = parse(&raw.to_string()).expect("the hostile dataset parses");
        let back = serde_json::to_value(&ds).expect("a dataset serializes");
        let mut paths = std::collections::BTreeMap::new();
        filled(&back, "", &mut paths);
        let empty: Vec<_> = paths.iter().filter(|(_, f)| !**f).map(|(p, _)| p).collect();
        assert!(
            empty.is_empty(),
            "no value fills {empty:?}: add one to this test's dataset"
        );
        let mut all = Vec::new();
        strings(&back, &mut all);
        for s in all {
            assert!(!s.chars().any(super::super::sanitize::is_hostile), "{s:?}");
        }
        // Every kept string still says what was there.
        let title = &ds.title.en;
        assert!(
            title.contains("⟨U+202E⟩⟨U+001B⟩[2J⟨U+009B⟩31m⟨U+200B⟩  "),
            "{title}"
        );
    }
}
