//! Reading and parsing a dataset file, with errors a person can act on.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::model::{Dataset, SCHEMA_VERSION};
use super::sanitize::clean;

/// Larger files are refused before they are read: the article's dataset is
/// 50 KB, and a file of this size would take gigabytes once parsed.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a dataset file into a string: one clear line for every way it can fail.
pub fn read_file(path: &Path) -> Result<String, String> {
    let shown = clean(&path.display().to_string()).into_owned();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{shown}: no such file"),
        std::io::ErrorKind::PermissionDenied => format!("{shown}: permission denied"),
        _ => format!("{shown}: cannot read: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("{shown}: is a directory, not a dataset file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{shown}: file is {} MiB; fugong reads datasets of at most {} MiB",
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

/// A character for a message: printable as itself, anything else as U+XXXX.
fn sanitize_char(c: char) -> String {
    let s = c.to_string();
    match clean(&s) {
        std::borrow::Cow::Borrowed(_) => format!("'{c}'"),
        std::borrow::Cow::Owned(o) => o,
    }
}

/// Parses the JSON text into a [`Dataset`]; the error names the line, column
/// and JSON path of the first problem.
pub fn parse(text: &str) -> Result<Dataset, String> {
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
    // The fast path: a valid file is read once, without tracking paths.
    // Only a failure is read again, with serde_path_to_error, to say where.
    let ds = match serde_json::from_str::<Dataset>(text) {
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
    let result: Result<Dataset, String> = serde_path_to_error::deserialize(&mut de).map_err(|e| {
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
        Ok(()) => match serde_json::from_str::<Dataset>(text) {
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
    fn empty_text_is_explained() {
        assert!(parse("  \n").unwrap_err().contains("empty"));
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let ds = include_str!("../../assets/dataset.json");
        let err = parse(&format!("{ds} x")).unwrap_err();
        assert!(err.contains("trailing"), "{err}");
    }
}
