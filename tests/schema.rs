//! assets/schema.json and fugong's loader describe the same format: the
//! shipped datasets are valid under the schema, and what the schema rejects
//! the loader rejects too, so the two cannot drift apart unnoticed.

mod support;

use jsonschema::Validator;
use serde_json::{Value, json};

fn read_json(relative: &str) -> Value {
    let path = support::path(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator() -> Validator {
    let schema = read_json("assets/schema.json");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema declares draft 2020-12"
    );
    jsonschema::draft202012::new(&schema).expect("assets/schema.json is a valid 2020-12 schema")
}

fn schema_errors(v: &Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn minimal() -> Value {
    read_json("tests/data/minimal.json")
}

/// Loads a dataset the way `fugong check` does: parse, sanitize and check.
fn load(instance: &Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(instance).unwrap();
    fugong::data::load_str(&text, "test")
        .map(|_| ())
        .map_err(|e| e.problems.join("\n"))
}

/// Parses only: the shape of the file, without the semantic checks.
fn parse(instance: &Value) -> Result<(), String> {
    let text = serde_json::to_string(instance).unwrap();
    fugong::data::load::parse(&text).map(|_| ())
}

/// `instance` with the value at JSON pointer `at` changed by `f`.
fn with(instance: &Value, at: &str, f: impl FnOnce(&mut Value)) -> Value {
    let mut v = instance.clone();
    f(v.pointer_mut(at)
        .unwrap_or_else(|| panic!("no {at} in the fixture")));
    v
}

fn set(instance: &Value, at: &str, value: Value) -> Value {
    with(instance, at, |v| *v = value)
}

fn insert(instance: &Value, at: &str, value: Value) -> Value {
    let (parent, key) = at.rsplit_once('/').unwrap();
    with(instance, parent, |v| {
        v.as_object_mut().unwrap().insert(key.to_string(), value);
    })
}

fn remove(instance: &Value, at: &str) -> Value {
    let (parent, key) = at.rsplit_once('/').unwrap();
    with(instance, parent, |v| {
        v.as_object_mut()
            .unwrap()
            .remove(key)
            .unwrap_or_else(|| panic!("no {at} to remove"));
    })
}

#[test]
fn embedded_dataset_is_valid() {
    let v = validator();
    let errors = schema_errors(&v, &read_json("assets/dataset.json"));
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn minimal_fixture_is_valid() {
    let v = validator();
    let errors = schema_errors(&v, &minimal());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    load(&minimal()).expect("the loader accepts it too");
}

/// Every object of the format, by a JSON pointer into minimal.json.
const OBJECTS: &[&str] = &[
    "",
    "/title",
    "/source",
    "/source/title",
    "/year",
    "/year/reason",
    "/places/0",
    "/places/0/county",
    "/organisations/0",
    "/organisations/0/name",
    "/rates/0",
    "/rates/0/label",
    "/rates/0/when",
    "/rates/0/source",
    "/counts/0",
    "/counts/0/unit",
    "/counts/2/when",
    "/events/0",
    "/events/0/when",
    "/events/1/derivation",
    "/events/2/source",
    "/projects/0",
    "/projects/0/summary",
];

#[test]
fn unknown_field_is_rejected_by_both_everywhere() {
    let v = validator();
    for at in OBJECTS {
        let bad = with(&minimal(), at, |o| {
            o.as_object_mut()
                .unwrap_or_else(|| panic!("{at} is not an object"))
                .insert("unexpected_field".to_string(), json!(1));
        });
        let errors = schema_errors(&v, &bad);
        assert!(
            errors.iter().any(|e| e.contains("unexpected_field")),
            "schema accepts an unknown field at {at:?}: {errors:?}"
        );
        let problem = load(&bad).expect_err(&format!("loader accepts an unknown field at {at:?}"));
        assert!(
            problem.contains("unknown field `unexpected_field`"),
            "{at}: {problem}"
        );
        // The loader says where, as a path: "rates[0].when.unexpected_field"
        // (an internally tagged enum, such as a derivation, names only itself).
        let object = at
            .split('/')
            .filter(|s| !s.is_empty())
            .fold(String::new(), |mut p, s| {
                if s.bytes().all(|b| b.is_ascii_digit()) {
                    p.push_str(&format!("[{s}]"));
                } else {
                    if !p.is_empty() {
                        p.push('.');
                    }
                    p.push_str(s);
                }
                p
            });
        let field = if object.is_empty() {
            "unexpected_field".to_string()
        } else {
            format!("{object}.unexpected_field")
        };
        assert!(
            problem.starts_with(&format!("{field}: "))
                || (*at == "/events/1/derivation" && problem.starts_with(&format!("{object}: "))),
            "{at}: {problem}"
        );
    }
}

#[test]
fn unknown_field_fixture_is_rejected_by_both() {
    let v = validator();
    let bad = read_json("tests/data/bad/unknown-field.json");
    assert!(!v.is_valid(&bad));
    let problem = load(&bad).unwrap_err();
    assert!(
        problem.starts_with("counts[2].qualifer: unknown field `qualifer`"),
        "{problem}"
    );
}

/// The minimal fixture with one person, every field filled.
fn with_person() -> Value {
    insert(
        &minimal(),
        "/people",
        json!([{
            "id": "person-a",
            "name": {"zh": "王海", "en": "Wang Hai"},
            "role": {"zh": "队长", "en": "Head"},
            "organisation": "org-a",
            "place": "place-a",
            "source": {"paragraph": 1, "quote": "队长王海"},
            "note": {"zh": "拼音", "en": "pinyin"}
        }]),
    )
}

#[test]
fn a_person_is_read_by_both_and_an_unknown_field_in_one_rejected_by_both() {
    let v = validator();
    let ok = with_person();
    assert!(
        schema_errors(&v, &ok).is_empty(),
        "{:?}",
        schema_errors(&v, &ok)
    );
    parse(&ok).expect("the loader reads a person");
    for at in [
        "/people/0",
        "/people/0/name",
        "/people/0/role",
        "/people/0/source",
    ] {
        let bad = with(&ok, at, |o| {
            o.as_object_mut()
                .unwrap_or_else(|| panic!("{at} is not an object"))
                .insert("unexpected_field".to_string(), json!(1));
        });
        assert!(!v.is_valid(&bad), "schema accepts an unknown field at {at}");
        let problem = load(&bad).expect_err(at);
        assert!(
            problem.contains("unknown field `unexpected_field`"),
            "{at}: {problem}"
        );
    }
}

/// Changes that break the format: the schema rejects each, and so must the loader.
fn shape_errors() -> Vec<(&'static str, Value)> {
    let m = minimal();
    let person = with_person();
    vec![
        ("person without role", remove(&person, "/people/0/role")),
        ("person without source", remove(&person, "/people/0/source")),
        (
            "person name not bilingual",
            set(&person, "/people/0/name", json!("王海")),
        ),
        ("schema_version 2", set(&m, "/schema_version", json!(2))),
        ("no title", remove(&m, "/title")),
        ("no year", remove(&m, "/year")),
        ("title in neither language", set(&m, "/title", json!({}))),
        ("category empty", set(&m, "/counts/0/category", json!(""))),
        (
            "qualifier unknown",
            insert(&m, "/counts/0/qualifier", json!("roughly")),
        ),
        (
            "title not bilingual",
            set(&m, "/title", json!("最小数据集")),
        ),
        ("count without figure", remove(&m, "/counts/0/figure")),
        ("count without when", remove(&m, "/counts/0/when")),
        ("rate without source", remove(&m, "/rates/0/source")),
        ("event without status", remove(&m, "/events/0/status")),
        (
            "count value a string",
            set(&m, "/counts/0/value", json!("478")),
        ),
        (
            "count value negative",
            set(&m, "/counts/0/value", json!(-1)),
        ),
        (
            "count value fractional",
            set(&m, "/counts/0/value", json!(478.5)),
        ),
        (
            "rate value a string",
            set(&m, "/rates/0/value", json!("98.3")),
        ),
        (
            "paragraphs negative",
            set(&m, "/source/paragraphs", json!(-3)),
        ),
        (
            "paragraph 0",
            set(&m, "/counts/0/source/paragraph", json!(0)),
        ),
        ("rate above 100", set(&m, "/rates/0/value", json!(101))),
        ("empty id", set(&m, "/places/0/id", json!(""))),
        (
            "category not a name",
            set(&m, "/counts/0/category", json!(3)),
        ),
        (
            "unknown status",
            set(&m, "/events/0/status", json!("cancelled")),
        ),
        (
            "unknown precision",
            set(&m, "/events/2/when/precision", json!("week")),
        ),
        (
            "unknown relation",
            set(&m, "/events/2/when/relation", json!("after")),
        ),
        (
            "unknown part of day",
            set(&m, "/events/0/when/part_of_day", json!("night")),
        ),
        (
            "date without zero padding",
            set(&m, "/counts/0/when/date", json!("2020-3-25")),
        ),
        (
            "date with a time",
            set(&m, "/counts/0/when/date", json!("2020-03-25T10:00")),
        ),
        (
            "time with seconds",
            set(&m, "/events/0/when/time", json!("10:59:00")),
        ),
        (
            "time past midnight",
            set(&m, "/events/0/when/time", json!("24:00")),
        ),
        (
            "unknown derivation",
            set(
                &m,
                "/events/1/derivation",
                json!({"kind": "weeks_before", "weeks": "count-day", "before": "event-flight"}),
            ),
        ),
        (
            "derivation with the other kind's fields",
            set(
                &m,
                "/events/1/derivation",
                json!({"kind": "days_before", "day": "count-day", "on": "event-flight"}),
            ),
        ),
        (
            "ordinal a string",
            set(&m, "/counts/3/ordinal", json!("yes")),
        ),
        (
            "project events not a list",
            set(&m, "/projects/0/events", json!("event-flight")),
        ),
        ("places not a list", set(&m, "/places", json!({}))),
        ("a list, not an object", json!([])),
    ]
}

#[test]
fn what_the_schema_rejects_the_loader_rejects() {
    let v = validator();
    for (name, bad) in shape_errors() {
        assert!(!v.is_valid(&bad), "schema accepts: {name}");
        assert!(
            load(&bad).is_err(),
            "loader accepts what the schema rejects: {name}"
        );
    }
}

/// Variants the format allows: optional fields left out or null.
fn allowed_variants() -> Vec<(&'static str, Value)> {
    let m = minimal();
    let mut bare = m.clone();
    for key in [
        "places",
        "organisations",
        "rates",
        "counts",
        "events",
        "projects",
    ] {
        bare.as_object_mut().unwrap().remove(key);
    }
    vec![
        ("no record lists", bare),
        ("title in Chinese only", remove(&m, "/title/en")),
        ("label in English only", remove(&m, "/counts/0/label/zh")),
        (
            "a category of the dataset's own",
            set(&m, "/counts/0/category", json!("vehicles")),
        ),
        (
            "no year reason when printed",
            set(&m, "/year", json!({"value": 2020, "inferred": false})),
        ),
        (
            "a source note",
            insert(&m, "/source/note", json!({"zh": "注", "en": "note"})),
        ),
        (
            "null optional reference",
            set(&m, "/rates/0/organisation", json!(null)),
        ),
        ("null place", insert(&m, "/counts/0/place", json!(null))),
        (
            "null agrees_with",
            insert(&m, "/events/0/agrees_with", json!(null)),
        ),
        (
            "qualifier spelled out",
            insert(&m, "/counts/0/qualifier", json!("exact")),
        ),
        (
            "ordinal false",
            insert(&m, "/counts/0/ordinal", json!(false)),
        ),
        (
            "empty when",
            set(&m, "/counts/2/when", json!({"precision": "undated"})),
        ),
        (
            "project without lists",
            remove(&remove(&m, "/projects/0/events"), "/projects/0/figures"),
        ),
        (
            "a person with only what is required",
            remove(
                &remove(
                    &remove(&with_person(), "/people/0/organisation"),
                    "/people/0/place",
                ),
                "/people/0/note",
            ),
        ),
        (
            "a person with null references",
            set(&with_person(), "/people/0/organisation", json!(null)),
        ),
    ]
}

#[test]
fn what_the_schema_allows_the_loader_reads() {
    let v = validator();
    for (name, ok) in allowed_variants() {
        let errors = schema_errors(&v, &ok);
        assert!(errors.is_empty(), "schema rejects {name}: {errors:?}");
        if let Err(e) = parse(&ok) {
            panic!("loader cannot read what the schema allows ({name}): {e}");
        }
    }
}

/// serde's derive reads a struct from a JSON array of its fields in order, so
/// the loader accepts `[1, {"zh": …, "en": …}, …]` as a dataset and
/// `"title": ["…", "…"]` as a text, where the schema requires objects.
#[test]
#[ignore = "known drift: the loader accepts serde's positional-array form of structs"]
fn positional_arrays_are_rejected_by_both() {
    let v = validator();
    let m = minimal();
    let obj = m.as_object().unwrap();
    let fields = [
        "schema_version",
        "title",
        "source",
        "year",
        "places",
        "organisations",
        "rates",
        "counts",
        "events",
        "projects",
    ];
    let positional = Value::Array(fields.iter().map(|k| obj[*k].clone()).collect());
    let title = set(&m, "/title", json!(["最小数据集", "Minimal dataset"]));
    for (name, bad) in [
        ("dataset as an array", positional),
        ("title as an array", title),
    ] {
        assert!(!v.is_valid(&bad), "schema accepts {name}");
        assert!(load(&bad).is_err(), "loader accepts {name}");
    }
}
