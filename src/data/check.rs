//! Semantic and consistency checks, run once at load time.
//!
//! A problem makes the file invalid. A consistency check is a fact worth
//! showing (470 / 478 = 98.3 %): the loader keeps every one it ran, with its
//! inputs and outcome, so the Checks panel can list them.

use std::collections::HashMap;

use time::{Date, Duration};

use super::figure;
use super::model::{
    Count, Dataset, Derivation, Event, EventStatus, Precision, Qualifier, Source, Text, When,
};
use crate::fmt::{group, iso};

/// What kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRef {
    Place(usize),
    Organisation(usize),
    Rate(usize),
    Count(usize),
    Event(usize),
    Project(usize),
}

impl RecordRef {
    fn kind_name(self) -> &'static str {
        match self {
            RecordRef::Place(_) => "place",
            RecordRef::Organisation(_) => "organisation",
            RecordRef::Rate(_) => "rate",
            RecordRef::Count(_) => "count",
            RecordRef::Event(_) => "event",
            RecordRef::Project(_) => "project",
        }
    }
}

/// Every id of the dataset, and what it names.
#[derive(Debug, Clone, Default)]
pub struct Index {
    ids: HashMap<String, RecordRef>,
}

impl Index {
    pub fn get(&self, id: &str) -> Option<RecordRef> {
        self.ids.get(id).copied()
    }
}

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
}

impl CheckKind {
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            CheckKind::Ratio => ("比率", "ratio"),
            CheckKind::Figure => ("数字", "figure"),
            CheckKind::Derived => ("推算", "derived"),
            CheckKind::Agreement => ("相符", "agreement"),
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
                (format!("organisations[{i}].id"), &r.id, RecordRef::Organisation(i))
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
            if let Some(prev) = self.index.ids.insert(id.clone(), r) {
                self.index.ids.insert(id.clone(), prev);
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
                        "\"{id}\" is a {}, expected a {}",
                        r.kind_name(),
                        kinds.join(" or ")
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
                format_args!("quote \"{}\" does not contain its figure \"{f}\"", source.quote),
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

    fn check_places_and_organisations(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.places.iter().enumerate() {
            self.label(format!("places[{i}].province"), &p.province);
        }
        for (i, o) in ds.organisations.iter().enumerate() {
            self.label(format!("organisations[{i}].name"), &o.name);
            self.optional_reference(format!("organisations[{i}].place"), o.place.as_ref(), "place");
        }
    }

    fn check_rates(&mut self) {
        let ds = self.ds;
        for (i, r) in ds.rates.iter().enumerate() {
            let path = format!("rates[{i}]");
            self.label(format!("{path}.label"), &r.label);
            self.optional_reference(format!("{path}.organisation"), r.organisation.as_ref(), "organisation");
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
                        format_args!("\"{}\" is not a percentage fugong can read (e.g. \"98.3%\")", r.figure),
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
            self.optional_reference(format!("{path}.organisation"), c.organisation.as_ref(), "organisation");
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
            let shown = crate::fmt::count_value(c.value, c.qualifier, c.ordinal);
            self.checks.push(CheckResult {
                kind: CheckKind::Figure,
                subject: c.id.clone(),
                inputs: Vec::new(),
                formula: text(
                    format!("“{}” 读作 {shown}", c.figure),
                    format!("“{}” reads as {shown}", c.figure),
                ),
                passed: value_ok && qualifier_ok,
            });
            if !value_ok {
                self.problem(
                    format!("{path}.value"),
                    format_args!("{} disagrees with its figure \"{}\" ({read})", c.value, c.figure),
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
            self.optional_reference(format!("{path}.organisation"), e.organisation.as_ref(), "organisation");
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
                self.problem(format!("{path}.status"), "a derived event cannot be planned");
            }
            if let Some(d) = &e.derivation {
                self.derivation(&path, e, d);
            }
            if let Some(other) = &e.agrees_with
                && self.reference(format!("{path}.agrees_with"), other, &["event"]).is_some()
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
        if let Some(expected) = e.when.zh_date()
            && !figure.contains(&expected)
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
                        format!("{}为第{}天 → 第1天 = {} − {back}天", iso(anchor_date), count.value, iso(anchor_date)),
                        format!("day {} on {} → day 1 = {} − {back} days", count.value, iso(anchor_date), iso(anchor_date)),
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
            formula: text(format!("{} = {result}", formula.0), format!("{} = {result}", formula.1)),
            passed,
        });
        if !passed {
            self.problem(
                format!("{path}.when.date"),
                format_args!("is {}, but {} = {result}", show_date(e.when.date), formula.1),
            );
        }
    }

    fn check_projects(&mut self) {
        let ds = self.ds;
        for (i, p) in ds.projects.iter().enumerate() {
            let path = format!("projects[{i}]");
            self.label(format!("{path}.name"), &p.name);
            self.optional_reference(format!("{path}.organisation"), p.organisation.as_ref(), "organisation");
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

fn show_date(d: Option<Date>) -> String {
    d.map_or_else(|| "(no date)".to_string(), iso)
}
