//! Why valid JSON does not read as a dataset: every record's problem of
//! shape at once (a text where a number belongs, a negative count, a date
//! that does not exist), each in the words a person uses, not serde's.
//!
//! The typed read stops at its first problem. So the file is read again as
//! JSON values and each record on its own, then the rest of the dataset
//! with its lists of records left empty: one bad date no longer hides the
//! others, nor a type error the next record's.

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

use super::model::{Change, Count, Dataset, Event, Organisation, Person, Place, Project, Rate};
use super::sanitize::clean;

/// The lists of records, each read element by element.
const LISTS: [&str; 8] = [
    "places",
    "organisations",
    "rates",
    "counts",
    "events",
    "projects",
    "people",
    "changes",
];

/// Every problem of shape in `v`, in file order of the lists, one line
/// each ("rates[0].value: must be a number, not the text \"92.5\""). Empty
/// when the records and the rest all read.
pub fn problems(v: &Value) -> Vec<String> {
    let Some(top) = v.as_object() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for key in LISTS {
        let Some(Value::Array(items)) = top.get(key) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let at = format!("{key}[{i}]");
            let problem = match key {
                "places" => problem::<Place>(item, &at),
                "organisations" => problem::<Organisation>(item, &at),
                "rates" => problem::<Rate>(item, &at),
                "counts" => problem::<Count>(item, &at),
                "events" => problem::<Event>(item, &at),
                "projects" => problem::<Project>(item, &at),
                "people" => problem::<Person>(item, &at),
                _ => problem::<Change>(item, &at),
            };
            out.extend(problem);
        }
    }
    // The rest: title, source, year, and any list that is not a list.
    let mut rest = top.clone();
    for key in LISTS {
        if let Some(list @ Value::Array(_)) = rest.get_mut(key) {
            *list = Value::Array(Vec::new());
        }
    }
    out.extend(problem::<Dataset>(&Value::Object(rest), ""));
    out
}

/// The first problem of reading `item` as a `T`, under the path `at`.
fn problem<T: DeserializeOwned>(item: &Value, at: &str) -> Option<String> {
    let e = serde_path_to_error::deserialize::<_, T>(item).err()?;
    let raw = value_at(item, e.path());
    let inner = clean(&e.path().to_string()).into_owned();
    let path = match (at.is_empty(), inner.as_str()) {
        (true, ".") => "top level".to_string(),
        (true, _) => inner,
        (false, ".") => at.to_string(),
        (false, _) => format!("{at}.{inner}"),
    };
    let message = clean(&e.into_inner().to_string()).into_owned();
    Some(format!("{path}: {}", words(&message, &path, raw)))
}

/// The value at `path` inside `v`, where the path leads to one.
fn value_at<'v>(v: &'v Value, path: &Path) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, s| match s {
        Segment::Seq { index } => v.get(*index),
        Segment::Map { key } => v.get(key.as_str()),
        _ => Some(v),
    })
}

/// serde's message in a person's words: what the field must be, and what
/// it is instead. Messages with no better words stay as serde says them.
pub fn words(message: &str, path: &str, raw: Option<&Value>) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    // A date or a time of day that does not parse (2020-02-30, 25:00).
    if let Some(Value::String(s)) = raw
        && !message.starts_with("invalid type")
    {
        let s = clean(s);
        // Written as a date, but no such day (2020-02-30), or not written
        // as one at all.
        let shaped = s.len() == 10
            && s.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        match field {
            "date" | "from" if shaped => {
                return format!("\"{s}\" is not a date: the calendar has no such day");
            }
            "date" | "from" => return format!("\"{s}\" is not a date (YYYY-MM-DD)"),
            "time" => return format!("\"{s}\" is not a time of day (HH:MM)"),
            _ => {}
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("must be {}, not {}", wanted(expected), shown(got));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if got.starts_with("integer `-") && is_whole(expected) {
            return format!("must not be negative, not {}", shown(got));
        }
        if is_whole(expected) || expected == "f64" {
            return format!("must be {}, not {}", wanted(expected), shown(got));
        }
        return message.to_string();
    }
    // unknown variant `finished`, expected `done` or `planned`
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (got, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let choices = expected
            .trim_start_matches("one of ")
            .replace(" or ", ", ")
            .replace('`', "");
        return format!("\"{got}\" is not one of: {choices}");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!("the field \"{name}\" is missing");
    }
    message.to_string()
}

fn is_whole(expected: &str) -> bool {
    matches!(
        expected,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64"
    )
}

/// What serde expected, in words.
fn wanted(expected: &str) -> String {
    match expected {
        "f32" | "f64" => "a number".into(),
        e if is_whole(e) => "a whole number".into(),
        "a string" | "a borrowed string" => "text".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list ([…])".into(),
        e if e.starts_with("struct ") || e == "a map" => "an object ({…})".into(),
        e if e.starts_with("a string of the form") => e.replacen("a string", "text", 1),
        "" => "something else".into(),
        e => e.to_string(),
    }
}

/// What serde found, in words: `string "92.5"` is the text "92.5".
fn shown(got: &str) -> String {
    let ticked = |s: &str| s.trim_matches('`').to_string();
    if let Some(s) = got.strip_prefix("string ") {
        format!("the text {s}")
    } else if let Some(n) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
    {
        format!("the number {}", ticked(n))
    } else if let Some(b) = got.strip_prefix("boolean ") {
        ticked(b)
    } else {
        match got {
            "map" => "an object".into(),
            "sequence" => "a list".into(),
            "unit value" | "null" => "null".into(),
            g => g.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Value {
        serde_json::from_str(include_str!("../../tests/data/minimal.json")).unwrap()
    }

    #[test]
    fn every_record_is_read_on_its_own_and_each_problem_said_in_words() {
        let mut v = minimal();
        v["rates"][0]["value"] = "92.5".into();
        v["counts"][0]["value"] = (-5).into();
        v["counts"][1]["when"]["date"] = "2020-02-30".into();
        v["counts"][2]["value"] = 2.5.into();
        v["events"][0]["when"]["time"] = "25:00".into();
        v["title"] = 3.into();
        v["events"][1]["status"] = "finished".into();
        v["events"][2]["when"]["date"] = "3月22日".into();
        assert_eq!(
            problems(&v),
            [
                "rates[0].value: must be a number, not the text \"92.5\"",
                "counts[0].value: must not be negative, not the number -5",
                "counts[1].when.date: \"2020-02-30\" is not a date: the calendar has no such day",
                "counts[2].value: must be a whole number, not the number 2.5",
                "events[0].when.time: \"25:00\" is not a time of day (HH:MM)",
                "events[1].status: \"finished\" is not one of: done, planned",
                "events[2].when.date: \"3月22日\" is not a date (YYYY-MM-DD)",
                "title: must be an object ({…}), not the number 3",
            ]
        );
    }

    #[test]
    fn a_missing_field_and_a_list_that_is_not_one_are_named() {
        let mut v = minimal();
        v["rates"][0].as_object_mut().unwrap().remove("figure");
        v["people"] = "none".into();
        assert_eq!(
            problems(&v),
            [
                "rates[0]: the field \"figure\" is missing",
                "people: must be a list ([…]), not the text \"none\"",
            ]
        );
    }

    #[test]
    fn a_valid_dataset_has_no_problem_of_shape() {
        assert!(problems(&minimal()).is_empty());
        let embedded: Value = serde_json::from_str(crate::data::EMBEDDED).unwrap();
        assert!(problems(&embedded).is_empty());
    }
}
