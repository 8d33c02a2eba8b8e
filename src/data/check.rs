//! Semantic and consistency checks, run once at load time.
//!
//! A problem makes the file invalid. A consistency check is a fact worth
//! showing (470 / 478 = 98.3 %): the loader keeps every one it ran, with its
//! inputs and outcome, so the Checks panel can list them.

use time::{Date, Duration};

use super::figure;
pub use super::index::{Index, RecordRef};
use super::model::{
    Count, Dataset, Derivation, Event, EventStatus, Lang, Precision, Qualifier, Source, Text, When,
};
use crate::fmt::{group, iso};

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
}

impl CheckKind {
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            CheckKind::Ratio => ("比率", "ratio"),
            CheckKind::Figure => ("数字", "figure"),
            CheckKind::Derived => ("推算", "derived"),
            CheckKind::Agreement => ("相符", "agreement"),
            CheckKind::Year => ("年份", "year"),
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
    pub checks: Vec<CheckResult>,
    pub problems: Vec<String>,
}

fn text(zh: String, en: String) -> Text {
    Text { zh, en }
}

struct Checker<'a> {
    ds: &'a Dataset,
    index: Index,
    checks: Vec<CheckResult>,
    problems: Vec<String>,
}

/// Runs every check on a parsed dataset.
pub fn check(ds: &Dataset) -> Report {
    let mut c = Checker {
        ds,
        index: Index::default(),
        checks: Vec::new(),
        problems: Vec::new(),
    };
    c.collect_ids();
    c.check_places_and_organisations();
    c.check_rates();
    c.check_counts();
    c.check_events();
    c.check_projects();
    c.year();
    // The checks that relate figures to each other first, then each figure
    // against its text; the article's order within each kind.
    c.checks.sort_by_key(|k| match k.kind {
        CheckKind::Year => 0,
        CheckKind::Ratio => 1,
        CheckKind::Derived => 2,
        CheckKind::Agreement => 3,
        CheckKind::Figure => 4,
    });
    Report {
        index: c.index,
        checks: c.checks,
        problems: c.problems,
    }
}

impl<'a> Checker<'a> {
    fn problem(&mut self, path: String, msg: impl std::fmt::Display) {
        self.problems.push(format!("{path}: {msg}"));
    }

    fn collect_ids(&mut self) {
        let ds = self.ds;
        let all = ds
            .places
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("places[{i}].id"), &r.id, RecordRef::Place(i)))
            .chain(ds.organisations.iter().enumerate().map(|(i, r)| {
                (
                    format!("organisations[{i}].id"),
                    &r.id,
                    RecordRef::Organisation(i),
                )
            }))
            .chain(
                ds.rates
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("rates[{i}].id"), &r.id, RecordRef::Rate(i))),
            )
            .chain(
                ds.counts
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("counts[{i}].id"), &r.id, RecordRef::Count(i))),
            )
            .chain(
                ds.events
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("events[{i}].id"), &r.id, RecordRef::Event(i))),
            )
            .chain(
                ds.projects
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("projects[{i}].id"), &r.id, RecordRef::Project(i))),
            );
        for (path, id, r) in all {
            if id.trim().is_empty() {
                self.problem(path, "id is empty");
                continue;
            }
            if self.index.insert(id, r).is_err() {
                self.problem(path, format_args!("duplicate id \"{id}\""));
            }
        }
    }

    /// Checks that `id` names a record of one of the `kinds`.
    fn reference(&mut self, path: String, id: &str, kinds: &[&str]) -> Option<RecordRef> {
        match self.index.get(id) {
            None => {
                self.problem(path, format_args!("\"{id}\" does not name any record"));
                None
            }
            Some(r) if !kinds.contains(&r.kind_name()) => {
                self.problem(
                    path,
                    format_args!(
                        "\"{id}\" names {}, not {}",
                        article(r.kind_name()),
                        article(&kinds.join(" or "))
                    ),
                );
                None
            }
            Some(r) => Some(r),
        }
    }

    fn optional_reference(&mut self, path: String, id: Option<&String>, kind: &str) {
        if let Some(id) = id {
            self.reference(path, id, &[kind]);
        }
    }

    fn label(&mut self, path: String, label: &Text) {
        if label.zh.trim().is_empty() {
            self.problem(format!("{path}.zh"), "label is empty");
        }
        if label.en.trim().is_empty() {
            self.problem(format!("{path}.en"), "label is empty");
        }
    }

    fn source(&mut self, path: &str, source: &Source, figure: Option<&str>) {
        let paragraphs = self.ds.source.paragraphs;
        if source.paragraph == 0 || source.paragraph > paragraphs {
            self.problem(
                format!("{path}.source.paragraph"),
                format_args!(
                    "paragraph {} is outside the article's 1-{paragraphs}",
                    source.paragraph
                ),
            );
        }
        if source.quote.trim().is_empty() {
            self.problem(format!("{path}.source.quote"), "quote is empty");
        } else if let Some(f) = figure
            && !source.quote.contains(f)
        {
            self.problem(
                format!("{path}.source.quote"),
                format_args!(
                    "quote \"{}\" does not contain its figure \"{f}\"",
                    source.quote
                ),
            );
        }
    }

    /// Date shape, and the dataset's year for dates the article states.
    fn when(&mut self, path: &str, when: &When, derived: bool) {
        let path = format!("{path}.when");
        match (when.precision, when.date) {
            (Precision::Day, None) => {
                self.problem(path.clone(), "precision \"day\" needs a date");
            }
            (Precision::MidMonth, Some(d)) if d.day() != 15 => self.problem(
                path.clone(),
                format_args!("a mid_month date is written as the 15th, not {}", iso(d)),
            ),
            (Precision::EndOfMonth, Some(d)) if d.day() != d.month().length(d.year()) => self
                .problem(
                    path.clone(),
                    format_args!(
                        "an end_of_month date is written as the month's last day, not {}",
                        iso(d)
                    ),
                ),
            (Precision::MidMonth | Precision::EndOfMonth, None) => {
                self.problem(path.clone(), "this precision needs a date");
            }
            (Precision::Winter | Precision::Undated, Some(_)) => {
                self.problem(path.clone(), "this precision takes no date");
            }
            _ => {}
        }
        if when.date.is_none() && (when.time.is_some() || when.part_of_day.is_some()) {
            self.problem(path.clone(), "a time of day needs a date");
        }
        if let Some(d) = when.date
            && !derived
            && d.year() != self.ds.year.value
        {
            self.problem(
                format!("{path}.date"),
                format_args!(
                    "{} is not in the dataset's year {}; only derived dates may be",
                    iso(d),
                    self.ds.year.value
                ),
            );
        }
    }

    /// The year is a derived value too when the article does not print it:
    /// listed with its reason, like every other derivation.
    fn year(&mut self) {
        let y = &self.ds.year;
        let (zh, en) = if y.inferred {
            (
                format!("{}年（推定）：{}", y.value, y.reason.zh),
                format!("{} (inferred): {}", y.value, y.reason.en),
            )
        } else {
            (
                format!("{}年（原文）", y.value),
                format!("{} (printed)", y.value),
            )
        };
        self.checks.push(CheckResult {
            kind: CheckKind::Year,
            subject: y.value.to_string(),
            inputs: Vec::new(),
            formula: text(zh, en),
            passed: true,
        });
    }

    fn check_places_and_organisations(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.places.iter().enumerate() {
            self.label(format!("places[{i}].province"), &p.province);
        }
        for (i, o) in ds.organisations.iter().enumerate() {
            self.label(format!("organisations[{i}].name"), &o.name);
            self.optional_reference(
                format!("organisations[{i}].place"),
                o.place.as_ref(),
                "place",
            );
        }
    }

    fn check_rates(&mut self) {
        let ds = self.ds;
        for (i, r) in ds.rates.iter().enumerate() {
            let path = format!("rates[{i}]");
            self.label(format!("{path}.label"), &r.label);
            self.optional_reference(
                format!("{path}.organisation"),
                r.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), r.place.as_ref(), "place");
            self.source(&path, &r.source, Some(&r.figure));
            self.when(&path, &r.when, false);
            if !(0.0..=100.0).contains(&r.value) {
                self.problem(
                    format!("{path}.value"),
                    format_args!("{} is not a percentage between 0 and 100", r.value),
                );
            }
            // The figure as written.
            let stated_decimals = match figure::parse(&r.figure) {
                Some(f) if f.percent => {
                    let tolerance = 0.5 * 10f64.powi(-(f.decimals as i32)) + 1e-9;
                    let passed = (f.value - r.value).abs() <= tolerance && !f.at_least;
                    self.checks.push(CheckResult {
                        kind: CheckKind::Figure,
                        subject: r.id.clone(),
                        inputs: Vec::new(),
                        formula: text(
                            format!("“{}” 读作 {}%", r.figure, f.value),
                            format!("“{}” reads as {}%", r.figure, f.value),
                        ),
                        passed,
                    });
                    if !passed {
                        self.problem(
                            format!("{path}.value"),
                            format_args!("{} disagrees with its figure \"{}\"", r.value, r.figure),
                        );
                    }
                    f.decimals
                }
                _ => {
                    self.problem(
                        format!("{path}.figure"),
                        format_args!(
                            "\"{}\" is not a percentage fugong can read (e.g. \"98.3%\")",
                            r.figure
                        ),
                    );
                    0
                }
            };
            let num = r.numerator.as_ref().and_then(|id| {
                self.reference(format!("{path}.numerator"), id, &["count"])
                    .and_then(|_| self.count(id))
            });
            let den = r.denominator.as_ref().and_then(|id| {
                self.reference(format!("{path}.denominator"), id, &["count"])
                    .and_then(|_| self.count(id))
            });
            if let (Some(num), Some(den)) = (num, den) {
                if num.value > den.value {
                    self.problem(
                        format!("{path}.numerator"),
                        format_args!(
                            "numerator {} is above its denominator {}",
                            num.value, den.value
                        ),
                    );
                }
                if den.value == 0 {
                    self.problem(format!("{path}.denominator"), "denominator is zero");
                    continue;
                }
                let computed = num.value as f64 / den.value as f64 * 100.0;
                let tolerance = 0.5 * 10f64.powi(-(stated_decimals as i32)) + 1e-9;
                let passed = (computed - r.value).abs() <= tolerance;
                let (n, d) = (group(num.value), group(den.value));
                self.checks.push(CheckResult {
                    kind: CheckKind::Ratio,
                    subject: r.id.clone(),
                    inputs: vec![num.id.clone(), den.id.clone()],
                    formula: text(
                        format!("{n} / {d} = {computed:.2}%，文中为 {}%", r.value),
                        format!("{n} / {d} = {computed:.2}%, stated {}%", r.value),
                    ),
                    passed,
                });
                if !passed {
                    self.problem(
                        format!("{path}.value"),
                        format_args!(
                            "stated {}% but {n} / {d} = {computed:.2}%, beyond rounding",
                            r.value
                        ),
                    );
                }
            }
        }
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

    fn check_counts(&mut self) {
        let ds = self.ds;
        for (i, c) in ds.counts.iter().enumerate() {
            let path = format!("counts[{i}]");
            self.label(format!("{path}.label"), &c.label);
            self.optional_reference(
                format!("{path}.organisation"),
                c.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), c.place.as_ref(), "place");
            self.source(&path, &c.source, Some(&c.figure));
            self.when(&path, &c.when, false);
            let Some(f) = figure::parse(&c.figure).filter(|f| !f.percent) else {
                self.problem(
                    format!("{path}.figure"),
                    format_args!("\"{}\" is not a number fugong can read (e.g. \"298\", \"2.3万多\", \"四十二\")", c.figure),
                );
                continue;
            };
            let read = f.value.round();
            let value_ok = (read - c.value as f64).abs() < 0.5;
            let qualifier_ok = match c.qualifier {
                Qualifier::AtLeast => f.at_least,
                Qualifier::Exact | Qualifier::OrderOf => !f.at_least,
            };
            self.checks.push(CheckResult {
                kind: CheckKind::Figure,
                subject: c.id.clone(),
                inputs: Vec::new(),
                formula: text(
                    format!("“{}” 读作 {}", c.figure, c.shown(Lang::Zh)),
                    format!("“{}” reads as {}", c.figure, c.shown(Lang::En)),
                ),
                passed: value_ok && qualifier_ok,
            });
            if !value_ok {
                self.problem(
                    format!("{path}.value"),
                    format_args!(
                        "{} disagrees with its figure \"{}\" ({read})",
                        c.value, c.figure
                    ),
                );
            }
            if !qualifier_ok {
                let msg = if f.at_least {
                    "the figure says \"more than\" (多): qualifier must be \"at_least\""
                } else {
                    "qualifier \"at_least\" needs a figure with 多, 余 or +"
                };
                self.problem(format!("{path}.qualifier"), msg);
            }
        }
    }

    fn check_events(&mut self) {
        let ds = self.ds;
        for (i, e) in ds.events.iter().enumerate() {
            let path = format!("events[{i}]");
            self.label(format!("{path}.label"), &e.label);
            self.optional_reference(
                format!("{path}.organisation"),
                e.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), e.place.as_ref(), "place");
            let derived = e.derivation.is_some();
            self.when(&path, &e.when, derived);
            match (&e.figure, derived) {
                (None, false) => self.problem(
                    format!("{path}.figure"),
                    "an event the article states needs its date as written (\"3月22日\")",
                ),
                (Some(f), _) => {
                    self.source(&path, &e.source, Some(f));
                    self.event_figure(&path, e, f);
                }
                (None, true) => self.source(&path, &e.source, None),
            }
            if derived && e.status == EventStatus::Planned {
                self.problem(
                    format!("{path}.status"),
                    "a derived event cannot be planned",
                );
            }
            if let Some(d) = &e.derivation {
                self.derivation(&path, e, d);
            }
            if let Some(other) = &e.agrees_with
                && self
                    .reference(format!("{path}.agrees_with"), other, &["event"])
                    .is_some()
                && let Some(o) = self.event(other)
            {
                let passed = o.when.date == e.when.date;
                let (a, b) = (show_date(e.when.date), show_date(o.when.date));
                self.checks.push(CheckResult {
                    kind: CheckKind::Agreement,
                    subject: e.id.clone(),
                    inputs: vec![o.id.clone()],
                    formula: text(
                        format!("推算日期 {a} = 文中日期 {b}"),
                        format!("derived {a} = stated {b}"),
                    ),
                    passed,
                });
                if !passed {
                    self.problem(
                        format!("{path}.agrees_with"),
                        format_args!("derived date {a} differs from \"{other}\" on {b}"),
                    );
                }
            }
        }
    }

    /// An event's figure ("3月22日", "5月中旬前") must say the date it has.
    fn event_figure(&mut self, path: &str, e: &Event, figure: &str) {
        let says_date = figure.contains('月') || figure.contains("入冬");
        if !says_date {
            return;
        }
        // A match must not follow a digit: "11月22日" does not say 1月22日.
        if let Some(expected) = e.when.zh_date()
            && !figure
                .match_indices(expected.as_str())
                .any(|(i, _)| !figure[..i].ends_with(|c: char| c.is_ascii_digit()))
        {
            self.problem(
                format!("{path}.when"),
                format_args!("the figure \"{figure}\" does not say {expected}"),
            );
        }
    }

    fn derivation(&mut self, path: &str, e: &Event, d: &Derivation) {
        let (count_id, event_id, count_field, event_field) = match d {
            Derivation::DayNumber { day, on } => (day, on, "day", "on"),
            Derivation::DaysBefore { days, before } => (days, before, "days", "before"),
        };
        let dpath = format!("{path}.derivation");
        let count = self
            .reference(format!("{dpath}.{count_field}"), count_id, &["count"])
            .and_then(|_| self.count(count_id));
        let anchor = self
            .reference(format!("{dpath}.{event_field}"), event_id, &["event"])
            .and_then(|_| self.event(event_id));
        let (Some(count), Some(anchor)) = (count, anchor) else {
            return;
        };
        let Some(anchor_date) = anchor.when.date else {
            self.problem(
                format!("{dpath}.{event_field}"),
                format_args!("\"{event_id}\" has no date to derive from"),
            );
            return;
        };
        let (back, formula) = match d {
            Derivation::DayNumber { .. } => {
                let back = count.value.saturating_sub(1);
                (
                    back,
                    (
                        format!(
                            "{}为第{}天 → 第1天 = {} − {back}天",
                            iso(anchor_date),
                            count.value,
                            iso(anchor_date)
                        ),
                        format!(
                            "day {} on {} → day 1 = {} − {back} days",
                            count.value,
                            iso(anchor_date),
                            iso(anchor_date)
                        ),
                    ),
                )
            }
            Derivation::DaysBefore { .. } => (
                count.value,
                (
                    format!("{} − {}天", iso(anchor_date), count.value),
                    format!("{} − {} days", iso(anchor_date), count.value),
                ),
            ),
        };
        let computed = i64::try_from(back)
            .ok()
            .and_then(|b| anchor_date.checked_sub(Duration::days(b)));
        let passed = computed.is_some() && computed == e.when.date;
        let result = show_date(computed);
        self.checks.push(CheckResult {
            kind: CheckKind::Derived,
            subject: e.id.clone(),
            inputs: vec![count.id.clone(), anchor.id.clone()],
            formula: text(
                format!("{} = {result}", formula.0),
                format!("{} = {result}", formula.1),
            ),
            passed,
        });
        if !passed {
            self.problem(
                format!("{path}.when.date"),
                format_args!(
                    "is {}, but {} = {result}",
                    show_date(e.when.date),
                    formula.1
                ),
            );
        }
    }

    fn check_projects(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.projects.iter().enumerate() {
            let path = format!("projects[{i}]");
            self.label(format!("{path}.name"), &p.name);
            self.optional_reference(
                format!("{path}.organisation"),
                p.organisation.as_ref(),
                "organisation",
            );
            self.optional_reference(format!("{path}.place"), p.place.as_ref(), "place");
            for (j, id) in p.events.iter().enumerate() {
                self.reference(format!("{path}.events[{j}]"), id, &["event"]);
            }
            for (j, id) in p.figures.iter().enumerate() {
                self.reference(format!("{path}.figures[{j}]"), id, &["rate", "count"]);
            }
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

#[cfg(test)]
mod tests {
    use time::macros::{date, time};

    use super::*;
    use crate::data::load::parse;
    use crate::data::model::{Category, PartOfDay, Relation};

    const MINIMAL: &str = include_str!("../../tests/data/minimal.json");

    // Indices in tests/data/minimal.json.
    const RATE: usize = 0; // rate-a: 98.3% = count-resumed / count-total
    const TOTAL: usize = 0; // count-total: 478
    const RESUMED: usize = 1; // count-resumed: 470
    const JOBS: usize = 2; // count-jobs: "2.3万多", at_least, undated
    const DAY: usize = 3; // count-day: "四十二", ordinal
    const FLIGHT: usize = 0; // event-flight: "3月22日", 10:59
    const BEGAN: usize = 1; // event-began: derived, day 42 on event-flight
    const PLAN: usize = 2; // event-plan: "5月中旬前", planned

    fn minimal() -> Dataset {
        parse(MINIMAL).expect("tests/data/minimal.json parses")
    }

    fn problems(ds: &Dataset) -> Vec<String> {
        check(ds).problems
    }

    /// Asserts that checking `ds` finds exactly these problems, in order.
    #[track_caller]
    fn assert_problems(ds: &Dataset, expected: &[&str]) {
        assert_eq!(problems(ds), expected);
    }

    fn count_of_kind(checks: &[CheckResult], kind: CheckKind) -> usize {
        checks.iter().filter(|c| c.kind == kind).count()
    }

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
    fn ratio_check_shows_its_inputs() {
        let report = check(&minimal());
        let ratio = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Ratio)
            .expect("a ratio check");
        assert_eq!(ratio.subject, "rate-a");
        assert_eq!(ratio.inputs, ["count-resumed", "count-total"]);
        assert!(
            ratio.formula.en.contains("470 / 478"),
            "{}",
            ratio.formula.en
        );
        assert!(
            ratio.formula.zh.contains("470 / 478"),
            "{}",
            ratio.formula.zh
        );
        assert!(ratio.formula.en.contains("98.33%"), "{}", ratio.formula.en);
        assert!(ratio.passed);
    }

    #[test]
    fn derived_check_shows_its_computation() {
        let report = check(&minimal());
        let derived = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Derived)
            .expect("a derived check");
        assert_eq!(derived.subject, "event-began");
        assert_eq!(derived.inputs, ["count-day", "event-flight"]);
        assert_eq!(
            derived.formula.en,
            "day 42 on 2020-03-22 → day 1 = 2020-03-22 − 41 days = 2020-02-10"
        );
    }

    #[test]
    fn index_names_every_record() {
        let report = check(&minimal());
        let index = &report.index;
        assert_eq!(index.get("place-a"), Some(RecordRef::Place(0)));
        assert_eq!(index.get("org-a"), Some(RecordRef::Organisation(0)));
        assert_eq!(index.get("rate-a"), Some(RecordRef::Rate(0)));
        assert_eq!(index.get("count-day"), Some(RecordRef::Count(3)));
        assert_eq!(index.get("event-plan"), Some(RecordRef::Event(2)));
        assert_eq!(index.get("project-a"), Some(RecordRef::Project(0)));
        assert_eq!(index.get("nothing"), None);
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

    // --- ids and references ---

    #[test]
    fn duplicate_id() {
        let mut ds = minimal();
        let mut copy = ds.places[0].clone();
        copy.province.en = "Elsewhere".to_string();
        ds.places.push(copy);
        let report = check(&ds);
        assert_eq!(report.problems, ["places[1].id: duplicate id \"place-a\""]);
        // The first record keeps the id.
        assert_eq!(report.index.get("place-a"), Some(RecordRef::Place(0)));
    }

    #[test]
    fn duplicate_id_across_kinds() {
        let mut ds = minimal();
        ds.projects[0].id = "rate-a".to_string();
        let report = check(&ds);
        assert_eq!(report.problems, ["projects[0].id: duplicate id \"rate-a\""]);
        assert_eq!(report.index.get("rate-a"), Some(RecordRef::Rate(0)));
    }

    #[test]
    fn empty_id() {
        let mut ds = minimal();
        ds.projects[0].id = " ".to_string();
        assert_problems(&ds, &["projects[0].id: id is empty"]);
        ds.projects[0].id = String::new();
        assert_problems(&ds, &["projects[0].id: id is empty"]);
    }

    #[test]
    fn dangling_reference() {
        let mut ds = minimal();
        ds.rates[RATE].organisation = Some("org-missing".to_string());
        ds.organisations[0].place = Some("place-missing".to_string());
        ds.projects[0].events.push("event-missing".to_string());
        assert_problems(
            &ds,
            &[
                "organisations[0].place: \"place-missing\" does not name any record",
                "rates[0].organisation: \"org-missing\" does not name any record",
                "projects[0].events[3]: \"event-missing\" does not name any record",
            ],
        );
    }

    #[test]
    fn dangling_numerator_skips_the_ratio() {
        let mut ds = minimal();
        ds.rates[RATE].numerator = Some("count-missing".to_string());
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["rates[0].numerator: \"count-missing\" does not name any record"]
        );
        assert_eq!(count_of_kind(&report.checks, CheckKind::Ratio), 0);
    }

    #[test]
    fn reference_to_the_wrong_kind() {
        let mut ds = minimal();
        ds.rates[RATE].numerator = Some("event-flight".to_string());
        assert_problems(
            &ds,
            &["rates[0].numerator: \"event-flight\" names an event, not a count"],
        );

        let mut ds = minimal();
        ds.counts[TOTAL].place = Some("org-a".to_string());
        ds.projects[0].figures[0] = "event-plan".to_string();
        ds.projects[0].events[0] = "rate-a".to_string();
        assert_problems(
            &ds,
            &[
                "counts[0].place: \"org-a\" names an organisation, not a place",
                "projects[0].events[0]: \"rate-a\" names a rate, not an event",
                "projects[0].figures[0]: \"event-plan\" names an event, not a rate or count",
            ],
        );
    }

    #[test]
    fn derivation_references_the_wrong_kinds() {
        let mut ds = minimal();
        ds.events[BEGAN].derivation = Some(Derivation::DayNumber {
            day: "event-plan".to_string(),
            on: "count-day".to_string(),
        });
        assert_problems(
            &ds,
            &[
                "events[1].derivation.day: \"event-plan\" names an event, not a count",
                "events[1].derivation.on: \"count-day\" names a count, not an event",
            ],
        );
    }

    // --- sources ---

    #[test]
    fn paragraph_zero() {
        let mut ds = minimal();
        ds.counts[TOTAL].source.paragraph = 0;
        assert_problems(
            &ds,
            &["counts[0].source.paragraph: paragraph 0 is outside the article's 1-3"],
        );
    }

    #[test]
    fn paragraph_beyond_the_article() {
        let mut ds = minimal();
        ds.rates[RATE].source.paragraph = 4;
        ds.events[BEGAN].source.paragraph = 99;
        assert_problems(
            &ds,
            &[
                "rates[0].source.paragraph: paragraph 4 is outside the article's 1-3",
                "events[1].source.paragraph: paragraph 99 is outside the article's 1-3",
            ],
        );
        // The last paragraph is inside.
        let mut ds = minimal();
        ds.rates[RATE].source.paragraph = 3;
        assert_problems(&ds, &[]);
    }

    #[test]
    fn quote_missing_its_figure() {
        let mut ds = minimal();
        ds.counts[TOTAL].source.quote = "投产企业".to_string();
        ds.rates[RATE].source.quote = "复工率98%".to_string();
        ds.events[PLAN].source.quote = "在5月前".to_string();
        assert_problems(
            &ds,
            &[
                "rates[0].source.quote: quote \"复工率98%\" does not contain its figure \"98.3%\"",
                "counts[0].source.quote: quote \"投产企业\" does not contain its figure \"478\"",
                "events[2].source.quote: quote \"在5月前\" does not contain its figure \"5月中旬前\"",
            ],
        );
    }

    #[test]
    fn empty_quote_and_labels() {
        let mut ds = minimal();
        ds.counts[JOBS].source.quote = "  ".to_string();
        ds.counts[JOBS].label.en = String::new();
        ds.places[0].province.zh = String::new();
        assert_problems(
            &ds,
            &[
                "places[0].province.zh: label is empty",
                "counts[2].label.en: label is empty",
                "counts[2].source.quote: quote is empty",
            ],
        );
    }

    // --- rates ---

    /// Makes rate-a a stated rate with no numerator or denominator.
    fn lone_rate(ds: &mut Dataset, value: f64, figure: &str) {
        let r = &mut ds.rates[RATE];
        r.value = value;
        r.figure = figure.to_string();
        r.source.quote = format!("复工率{figure}");
        r.numerator = None;
        r.denominator = None;
    }

    #[test]
    fn rate_above_100() {
        let mut ds = minimal();
        lone_rate(&mut ds, 101.0, "101%");
        assert_problems(
            &ds,
            &["rates[0].value: 101 is not a percentage between 0 and 100"],
        );
    }

    #[test]
    fn rate_below_0() {
        let mut ds = minimal();
        lone_rate(&mut ds, -1.0, "98.3%");
        assert_problems(
            &ds,
            &[
                "rates[0].value: -1 is not a percentage between 0 and 100",
                "rates[0].value: -1 disagrees with its figure \"98.3%\"",
            ],
        );
    }

    #[test]
    fn rate_bounds_are_inclusive() {
        for (value, figure) in [(0.0, "0%"), (100.0, "100%")] {
            let mut ds = minimal();
            lone_rate(&mut ds, value, figure);
            assert_problems(&ds, &[]);
        }
    }

    #[test]
    fn numerator_above_denominator() {
        let mut ds = minimal();
        let resumed = &mut ds.counts[RESUMED];
        resumed.value = 480;
        resumed.figure = "480".to_string();
        resumed.source.quote = "复工480家".to_string();
        assert_problems(
            &ds,
            &[
                "rates[0].numerator: numerator 480 is above its denominator 478",
                "rates[0].value: stated 98.3% but 480 / 478 = 100.42%, beyond rounding",
            ],
        );
    }

    #[test]
    fn zero_denominator() {
        let mut ds = minimal();
        let total = &mut ds.counts[TOTAL];
        total.value = 0;
        total.figure = "0".to_string();
        total.source.quote = "0家投产企业".to_string();
        let report = check(&ds);
        assert_eq!(
            report.problems,
            [
                "rates[0].numerator: numerator 470 is above its denominator 0",
                "rates[0].denominator: denominator is zero",
            ]
        );
        assert_eq!(count_of_kind(&report.checks, CheckKind::Ratio), 0);
    }

    #[test]
    fn stated_rate_agrees_within_rounding() {
        // 470 / 478 = 98.326…: "98.3%" is it rounded to one decimal.
        let report = check(&minimal());
        assert!(report.problems.is_empty());
        // "98%" is it rounded to a whole percent.
        let mut ds = minimal();
        let r = &mut ds.rates[RATE];
        r.value = 98.0;
        r.figure = "98%".to_string();
        r.source.quote = "复工率98%".to_string();
        assert_problems(&ds, &[]);
    }

    #[test]
    fn stated_rate_disagrees_beyond_rounding() {
        let mut ds = minimal();
        let r = &mut ds.rates[RATE];
        r.value = 98.4;
        r.figure = "98.4%".to_string();
        r.source.quote = "复工率98.4%".to_string();
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["rates[0].value: stated 98.4% but 470 / 478 = 98.33%, beyond rounding"]
        );
        let ratio = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Ratio)
            .expect("the ratio check is kept when it fails");
        assert!(!ratio.passed);
        assert!(
            ratio.formula.en.contains("470 / 478"),
            "{}",
            ratio.formula.en
        );
    }

    #[test]
    fn rate_value_not_matching_its_figure() {
        let mut ds = minimal();
        let r = &mut ds.rates[RATE];
        r.figure = "99%".to_string();
        r.source.quote = "复工率99%".to_string();
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["rates[0].value: 98.3 disagrees with its figure \"99%\""]
        );
        let figure = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Figure && c.subject == "rate-a")
            .expect("the rate's figure check");
        assert!(!figure.passed);
    }

    #[test]
    fn unreadable_rate_figure() {
        for figure in ["九成八", "98.3"] {
            let mut ds = minimal();
            let r = &mut ds.rates[RATE];
            r.figure = figure.to_string();
            r.source.quote = format!("复工率{figure}");
            assert_problems(
                &ds,
                &[&format!(
                    "rates[0].figure: \"{figure}\" is not a percentage fugong can read (e.g. \"98.3%\")"
                )],
            );
        }
    }

    // --- counts ---

    #[test]
    fn count_value_not_matching_its_figure() {
        let mut ds = minimal();
        ds.counts[JOBS].value = 24_000;
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["counts[2].value: 24000 disagrees with its figure \"2.3万多\" (23000)"]
        );
        let figure = report
            .checks
            .iter()
            .find(|c| c.subject == "count-jobs")
            .expect("the count's figure check");
        assert_eq!(figure.kind, CheckKind::Figure);
        assert!(!figure.passed);
        assert!(
            figure.formula.en.starts_with("“2.3万多” reads as 24,000+"),
            "{}",
            figure.formula.en
        );
    }

    #[test]
    fn at_least_qualifier_without_duo() {
        let mut ds = minimal();
        ds.counts[TOTAL].qualifier = Qualifier::AtLeast;
        assert_problems(
            &ds,
            &["counts[0].qualifier: qualifier \"at_least\" needs a figure with 多, 余 or +"],
        );
    }

    #[test]
    fn duo_without_at_least_qualifier() {
        for qualifier in [Qualifier::Exact, Qualifier::OrderOf] {
            let mut ds = minimal();
            ds.counts[JOBS].qualifier = qualifier;
            assert_problems(
                &ds,
                &[
                    "counts[2].qualifier: the figure says \"more than\" (多): qualifier must be \"at_least\"",
                ],
            );
        }
    }

    #[test]
    fn unreadable_count_figure() {
        // A percentage is not a count either.
        for figure in ["若干", "478%"] {
            let mut ds = minimal();
            let c = &mut ds.counts[TOTAL];
            c.figure = figure.to_string();
            c.source.quote = format!("{figure}家投产企业");
            let report = check(&ds);
            assert_eq!(
                report.problems,
                [format!(
                    "counts[0].figure: \"{figure}\" is not a number fugong can read (e.g. \"298\", \"2.3万多\", \"四十二\")"
                )]
            );
            assert!(!report.checks.iter().any(|c| c.subject == "count-total"));
        }
    }

    #[test]
    fn chinese_numeral_figures_are_read() {
        let mut ds = minimal();
        let c = &mut ds.counts[JOBS];
        c.value = 10_000_000;
        c.qualifier = Qualifier::OrderOf;
        c.category = Category::Physical;
        c.figure = "千万".to_string();
        c.source.quote = "千万千瓦级".to_string();
        assert_problems(&ds, &[]);
    }

    // --- dates ---

    #[test]
    fn mid_month_not_the_15th() {
        let mut ds = minimal();
        ds.events[PLAN].when.date = Some(date!(2020 - 05 - 14));
        assert_problems(
            &ds,
            &["events[2].when: a mid_month date is written as the 15th, not 2020-05-14"],
        );
    }

    #[test]
    fn end_of_month_not_the_last_day() {
        let mut ds = minimal();
        let e = &mut ds.events[PLAN];
        e.when.precision = Precision::EndOfMonth;
        e.when.date = Some(date!(2020 - 05 - 30));
        e.figure = Some("5月底前".to_string());
        e.source.quote = "在5月底前".to_string();
        assert_problems(
            &ds,
            &[
                "events[2].when: an end_of_month date is written as the month's last day, not 2020-05-30",
            ],
        );
        // The last day is right, leap February included.
        ds.events[PLAN].when.date = Some(date!(2020 - 05 - 31));
        assert_problems(&ds, &[]);
        let e = &mut ds.events[PLAN];
        e.when.date = Some(date!(2020 - 02 - 29));
        e.figure = Some("2月底前".to_string());
        e.source.quote = "在2月底前".to_string();
        assert_problems(&ds, &[]);
    }

    #[test]
    fn month_precisions_need_a_date() {
        let mut ds = minimal();
        ds.events[PLAN].when.date = None;
        assert_problems(&ds, &["events[2].when: this precision needs a date"]);
    }

    #[test]
    fn winter_with_a_date() {
        let mut ds = minimal();
        let e = &mut ds.events[PLAN];
        e.when.precision = Precision::Winter;
        e.figure = Some("入冬前".to_string());
        e.source.quote = "在入冬前".to_string();
        assert_problems(&ds, &["events[2].when: this precision takes no date"]);
        ds.events[PLAN].when.date = None;
        assert_problems(&ds, &[]);
    }

    #[test]
    fn undated_with_a_date() {
        let mut ds = minimal();
        ds.counts[JOBS].when.date = Some(date!(2020 - 03 - 25));
        assert_problems(&ds, &["counts[2].when: this precision takes no date"]);
    }

    #[test]
    fn day_without_a_date() {
        let mut ds = minimal();
        ds.counts[TOTAL].when.date = None;
        assert_problems(&ds, &["counts[0].when: precision \"day\" needs a date"]);
    }

    #[test]
    fn time_without_a_date() {
        let mut ds = minimal();
        ds.counts[JOBS].when.time = Some(time!(10:59));
        assert_problems(&ds, &["counts[2].when: a time of day needs a date"]);
        let mut ds = minimal();
        ds.counts[JOBS].when.part_of_day = Some(PartOfDay::Afternoon);
        assert_problems(&ds, &["counts[2].when: a time of day needs a date"]);
    }

    #[test]
    fn stated_date_outside_the_dataset_year() {
        let mut ds = minimal();
        ds.counts[TOTAL].when.date = Some(date!(2019 - 03 - 25));
        assert_problems(
            &ds,
            &[
                "counts[0].when.date: 2019-03-25 is not in the dataset's year 2020; only derived dates may be",
            ],
        );
        let mut ds = minimal();
        ds.events[FLIGHT].when.date = Some(date!(2021 - 03 - 22));
        let report = check(&ds);
        assert!(
            report.problems.contains(
                &"events[0].when.date: 2021-03-22 is not in the dataset's year 2020; only derived dates may be"
                    .to_string()
            ),
            "{:#?}",
            report.problems
        );
    }

    #[test]
    fn derived_date_may_fall_in_another_year() {
        // Day 100 on 2020-03-22 began on 2019-12-14.
        let mut ds = minimal();
        let c = &mut ds.counts[DAY];
        c.value = 100;
        c.figure = "一百".to_string();
        c.source.quote = "第一百天".to_string();
        ds.events[BEGAN].when.date = Some(date!(2019 - 12 - 14));
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        assert!(report.checks.iter().all(|c| c.passed));
    }

    // --- events ---

    #[test]
    fn stated_event_without_figure() {
        let mut ds = minimal();
        ds.events[FLIGHT].figure = None;
        assert_problems(
            &ds,
            &[
                "events[0].figure: an event the article states needs its date as written (\"3月22日\")",
            ],
        );
    }

    #[test]
    fn derived_event_needs_no_figure() {
        let ds = minimal();
        assert!(ds.events[BEGAN].figure.is_none());
        assert_problems(&ds, &[]);
    }

    #[test]
    fn event_figure_says_another_date() {
        let mut ds = minimal();
        let e = &mut ds.events[FLIGHT];
        e.figure = Some("3月21日".to_string());
        e.source.quote = "3月21日，第四十二天".to_string();
        assert_problems(
            &ds,
            &["events[0].when: the figure \"3月21日\" does not say 3月22日"],
        );
    }

    #[test]
    fn event_figure_month_must_match_whole() {
        // "11月22日" contains "1月22日": the month must not just end the same.
        let mut ds = minimal();
        let e = &mut ds.events[FLIGHT];
        e.when.date = Some(date!(2020 - 01 - 22));
        e.figure = Some("11月22日".to_string());
        e.source.quote = "11月22日，第四十二天".to_string();
        let report = check(&ds);
        assert!(
            report.problems.contains(
                &"events[0].when: the figure \"11月22日\" does not say 1月22日".to_string()
            ),
            "{:#?}",
            report.problems
        );
    }

    #[test]
    fn event_figure_with_a_time_of_day() {
        let mut ds = minimal();
        let e = &mut ds.events[FLIGHT];
        e.figure = Some("3月22日上午10时59分".to_string());
        e.source.quote = "3月22日上午10时59分".to_string();
        assert_problems(&ds, &[]);
        ds.events[FLIGHT].when.date = Some(date!(2020 - 03 - 23));
        let report = check(&ds);
        assert!(
            report.problems.contains(
                &"events[0].when: the figure \"3月22日上午10时59分\" does not say 3月23日"
                    .to_string()
            ),
            "{:#?}",
            report.problems
        );
    }

    #[test]
    fn derived_date_wrong() {
        let mut ds = minimal();
        ds.events[BEGAN].when.date = Some(date!(2020 - 02 - 11));
        let report = check(&ds);
        assert_eq!(
            report.problems,
            [
                "events[1].when.date: is 2020-02-11, but day 42 on 2020-03-22 → day 1 = 2020-03-22 − 41 days = 2020-02-10"
            ]
        );
        let derived = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Derived)
            .expect("the derived check is kept when it fails");
        assert!(!derived.passed);
    }

    #[test]
    fn days_before_derivation() {
        // 42 days before 2020-03-22 is 2020-02-09, one day before day 1 of 42.
        let mut ds = minimal();
        ds.events[BEGAN].derivation = Some(Derivation::DaysBefore {
            days: "count-day".to_string(),
            before: "event-flight".to_string(),
        });
        assert_problems(
            &ds,
            &["events[1].when.date: is 2020-02-10, but 2020-03-22 − 42 days = 2020-02-09"],
        );
        ds.events[BEGAN].when.date = Some(date!(2020 - 02 - 09));
        assert_problems(&ds, &[]);
    }

    #[test]
    fn derivation_from_an_undated_event() {
        let mut ds = minimal();
        let e = &mut ds.events[FLIGHT];
        e.when = When {
            precision: Precision::Undated,
            relation: Relation::AsOf,
            ..When::default()
        };
        assert_problems(
            &ds,
            &["events[1].derivation.on: \"event-flight\" has no date to derive from"],
        );
    }

    #[test]
    fn derived_event_without_a_date() {
        let mut ds = minimal();
        ds.events[BEGAN].when.date = None;
        assert_problems(
            &ds,
            &[
                "events[1].when: precision \"day\" needs a date",
                "events[1].when.date: is (no date), but day 42 on 2020-03-22 → day 1 = 2020-03-22 − 41 days = 2020-02-10",
            ],
        );
    }

    /// Adds a stated event on 2020-02-10 that event-began must agree with.
    fn with_stated_start(ds: &mut Dataset) {
        let mut stated = ds.events[FLIGHT].clone();
        stated.id = "event-stated-start".to_string();
        stated.when = When {
            date: Some(date!(2020 - 02 - 10)),
            relation: Relation::Since,
            ..When::default()
        };
        stated.figure = Some("2月10日".to_string());
        stated.source.quote = "从2月10日起".to_string();
        ds.events.push(stated);
        ds.events[BEGAN].agrees_with = Some("event-stated-start".to_string());
    }

    #[test]
    fn agrees_with_a_stated_date() {
        let mut ds = minimal();
        with_stated_start(&mut ds);
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        let agreement = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Agreement)
            .expect("an agreement check");
        assert!(agreement.passed);
        assert_eq!(agreement.subject, "event-began");
        assert_eq!(agreement.inputs, ["event-stated-start"]);
        assert_eq!(
            agreement.formula.en,
            "derived 2020-02-10 = stated 2020-02-10"
        );
    }

    #[test]
    fn agrees_with_mismatch() {
        let mut ds = minimal();
        ds.events[BEGAN].agrees_with = Some("event-plan".to_string());
        let report = check(&ds);
        assert_eq!(
            report.problems,
            [
                "events[1].agrees_with: derived date 2020-02-10 differs from \"event-plan\" on 2020-05-15"
            ]
        );
        let agreement = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Agreement)
            .expect("the agreement check is kept when it fails");
        assert!(!agreement.passed);
    }

    #[test]
    fn agrees_with_the_wrong_kind() {
        let mut ds = minimal();
        ds.events[BEGAN].agrees_with = Some("count-day".to_string());
        let report = check(&ds);
        assert_eq!(
            report.problems,
            ["events[1].agrees_with: \"count-day\" names a count, not an event"]
        );
        assert_eq!(count_of_kind(&report.checks, CheckKind::Agreement), 0);
    }

    #[test]
    fn planned_and_derived() {
        let mut ds = minimal();
        ds.events[BEGAN].status = EventStatus::Planned;
        assert_problems(
            &ds,
            &["events[1].status: a derived event cannot be planned"],
        );
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
