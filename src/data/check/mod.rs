//! Semantic and consistency checks, run once at load time.
//!
//! A problem makes the file invalid. A consistency check is a fact worth
//! showing (470 / 478 = 98.3 %): the loader keeps every one it ran, with its
//! inputs and outcome, so the Checks panel can list them.
//!
//! The checks by subject, one module each: `ids` (the index, references
//! between records), `sources` (labels, paragraphs and quotes), `dates`
//! (date shapes and the year), `figures` (rates and counts against their
//! figures, ratios), `events` (event figures, derived dates and their
//! agreement) and `text` (quotes against the article's text, and the text
//! a dataset carries against an article file). The tests of each are in its
//! module.

mod changes;
mod coverage;
mod dates;
mod events;
mod figures;
#[cfg(test)]
pub(crate) mod fixtures;
mod ids;
mod sources;
mod text;

use time::Date;

pub use super::index::{Index, RecordRef};
use super::load::ArticleFile;
use super::model::{Count, Dataset, Event, Text};
use super::series::Series;
use crate::fmt::iso;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// A stated rate against its numerator and denominator.
    Ratio,
    /// A figure as written ("2.3万多") against its value and qualifier.
    Figure,
    /// A derived date recomputed from its inputs.
    Derived,
    /// A derived date against a date the article states.
    Agreement,
    /// The year of every date, and why, when the article does not print it.
    Year,
    /// A change against the values it joins: 99% − 73 points = 26%, as
    /// reported on 2月10日.
    Change,
}

impl CheckKind {
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            CheckKind::Ratio => ("比率", "ratio"),
            CheckKind::Figure => ("数字", "figure"),
            CheckKind::Derived => ("推算", "derived"),
            CheckKind::Agreement => ("相符", "agreement"),
            CheckKind::Year => ("年份", "year"),
            CheckKind::Change => ("变化", "change"),
        };
        Text {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }
}

/// One consistency check the loader ran.
#[derive(Debug, Clone)]
pub struct CheckResult {
    pub kind: CheckKind,
    /// The record checked.
    pub subject: String,
    /// The records it was checked against.
    pub inputs: Vec<String>,
    /// What was computed, in both languages.
    pub formula: Text,
    pub passed: bool,
}

/// The outcome of checking a dataset.
pub struct Report {
    pub index: Index,
    /// The dataset's series (see [`crate::data::series`]).
    pub series: Series,
    pub checks: Vec<CheckResult>,
    pub problems: Vec<String>,
    /// Figures of the carried text that no record carries.
    pub warnings: Vec<String>,
}

fn text(zh: String, en: String) -> Text {
    Text { zh, en }
}

struct Checker<'a> {
    ds: &'a Dataset,
    /// The article file the quotes are checked against instead of the
    /// dataset's own text (`check --article`).
    against: Option<&'a ArticleFile>,
    index: Index,
    series: Series,
    checks: Vec<CheckResult>,
    problems: Vec<String>,
}

/// Runs every check on a parsed dataset; quotes are checked against the
/// text it carries, if it carries one.
pub fn check(ds: &Dataset) -> Report {
    check_against(ds, None)
}

/// Runs every check on a parsed dataset, with the quotes checked against
/// `article` when given (and the text the dataset carries, if any, compared
/// with it paragraph by paragraph), else against the dataset's own text.
pub fn check_against(ds: &Dataset, article: Option<&ArticleFile>) -> Report {
    let mut c = Checker {
        ds,
        against: article,
        index: Index::default(),
        series: Series::new(ds),
        checks: Vec::new(),
        problems: Vec::new(),
    };
    c.collect_ids();
    c.series.link(ds, &c.index);
    c.label("title".to_string(), &ds.title);
    c.label("source.title".to_string(), &ds.source.title);
    c.check_places_and_organisations();
    c.check_rates();
    c.check_counts();
    c.check_events();
    c.check_projects();
    c.check_people();
    c.problems.extend(c.series.same_date_problems());
    c.check_changes();
    c.check_text();
    c.year();
    // The checks that relate figures to each other first, then each figure
    // against its text; the article's order within each kind.
    c.checks.sort_by_key(|k| match k.kind {
        CheckKind::Year => 0,
        CheckKind::Ratio => 1,
        CheckKind::Derived => 2,
        CheckKind::Agreement => 3,
        CheckKind::Change => 4,
        CheckKind::Figure => 5,
    });
    let warnings = coverage::uncovered(ds, article);
    Report {
        index: c.index,
        series: c.series,
        checks: c.checks,
        problems: c.problems,
        warnings,
    }
}

impl<'a> Checker<'a> {
    fn problem(&mut self, path: String, msg: impl std::fmt::Display) {
        self.problems.push(format!("{path}: {msg}"));
    }

    fn count(&self, id: &str) -> Option<&'a Count> {
        match self.index.get(id)? {
            RecordRef::Count(i) => self.ds.counts.get(i),
            _ => None,
        }
    }

    fn event(&self, id: &str) -> Option<&'a Event> {
        match self.index.get(id)? {
            RecordRef::Event(i) => self.ds.events.get(i),
            _ => None,
        }
    }
}

/// "an event", "a count".
fn article(noun: &str) -> String {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {noun}")
    } else {
        format!("a {noun}")
    }
}

fn show_date(d: Option<Date>) -> String {
    d.map_or_else(|| "(no date)".to_string(), iso)
}

/// A date in a check's Chinese formula: "2020年2月10日".
fn zh_show_date(d: Option<Date>) -> String {
    d.map_or_else(|| "（无日期）".to_string(), crate::fmt::zh_date)
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::data::load::parse;
    use crate::data::model::EventStatus;

    // --- the valid dataset ---

    #[test]
    fn minimal_dataset_passes_every_check() {
        let report = check(&minimal());
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        let checks = &report.checks;
        assert_eq!(count_of_kind(checks, CheckKind::Ratio), 1);
        // One rate and four counts.
        assert_eq!(count_of_kind(checks, CheckKind::Figure), 5);
        assert_eq!(count_of_kind(checks, CheckKind::Derived), 1);
        assert_eq!(count_of_kind(checks, CheckKind::Agreement), 0);
        // The inferred year is listed with its reason.
        assert_eq!(count_of_kind(checks, CheckKind::Year), 1);
        assert_eq!(checks.len(), 8);
        assert_eq!(checks[0].kind, CheckKind::Year, "listed first");
        assert!(checks.iter().all(|c| c.passed), "{checks:#?}");
    }

    #[test]
    fn embedded_dataset_passes_every_check() {
        let report = check(&parse(crate::data::EMBEDDED).expect("embedded dataset parses"));
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        assert!(report.checks.iter().all(|c| c.passed));
        for kind in [
            CheckKind::Ratio,
            CheckKind::Figure,
            CheckKind::Derived,
            CheckKind::Agreement,
        ] {
            assert!(count_of_kind(&report.checks, kind) > 0, "no {kind:?} check");
        }
    }

    #[test]
    fn problems_are_all_reported_at_once() {
        let mut ds = minimal();
        ds.projects[0].id = String::new();
        ds.counts[JOBS].value = 1;
        ds.events[BEGAN].status = EventStatus::Planned;
        ds.rates[RATE].source.paragraph = 0;
        assert_eq!(problems(&ds).len(), 4, "{:#?}", problems(&ds));
    }
}
