//! What the checks' tests share: the minimal dataset and its records.

use super::{CheckKind, CheckResult, check};
use crate::data::load::parse;
use crate::data::model::Dataset;

pub(super) const MINIMAL: &str = include_str!("../../../tests/data/minimal.json");

// Indices in tests/data/minimal.json.
pub(super) const RATE: usize = 0; // rate-a: 98.3% = count-resumed / count-total
pub(super) const TOTAL: usize = 0; // count-total: 478
pub(super) const RESUMED: usize = 1; // count-resumed: 470
pub(super) const JOBS: usize = 2; // count-jobs: "2.3万多", at_least, undated
pub(super) const DAY: usize = 3; // count-day: "四十二", ordinal
pub(super) const FLIGHT: usize = 0; // event-flight: "3月22日", 10:59
pub(super) const BEGAN: usize = 1; // event-began: derived, day 42 on event-flight
pub(super) const PLAN: usize = 2; // event-plan: "5月中旬前", planned

pub(crate) fn minimal() -> Dataset {
    parse(MINIMAL).expect("tests/data/minimal.json parses")
}

/// A person of the minimal dataset's organisation and place, named in
/// paragraph 3 ("3月22日，第四十二天。" does not name them: a test with the
/// article's text changes it or the quote).
pub(super) fn person(quote: &str) -> crate::data::model::Person {
    let text = |zh: &str, en: &str| crate::data::model::Text {
        zh: zh.to_string(),
        en: en.to_string(),
    };
    crate::data::model::Person {
        id: "person-a".to_string(),
        name: text("王海", "Wang Hai"),
        role: text("队长", "Head"),
        organisation: Some("org-a".to_string()),
        place: Some("place-a".to_string()),
        source: crate::data::model::Source {
            paragraph: 3,
            quote: quote.to_string(),
        },
        note: None,
    }
}

pub(super) fn problems(ds: &Dataset) -> Vec<String> {
    check(ds).problems
}

/// Asserts that checking `ds` finds exactly these problems, in order.
#[track_caller]
pub(super) fn assert_problems(ds: &Dataset, expected: &[&str]) {
    assert_eq!(problems(ds), expected);
}

pub(super) fn count_of_kind(checks: &[CheckResult], kind: CheckKind) -> usize {
    checks.iter().filter(|c| c.kind == kind).count()
}
