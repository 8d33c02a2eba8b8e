//! Events: a stated date against its figure, a derived date recomputed
//! from its inputs, and a derived date against the date the article states.

use time::Duration;

use super::{CheckKind, CheckResult, Checker, show_date, text, zh_show_date};
use crate::data::model::{Derivation, Event, EventStatus};
use crate::fmt::{iso, zh_date};

impl Checker<'_> {
    pub(super) fn check_events(&mut self) {
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
                let (za, zb) = (zh_show_date(e.when.date), zh_show_date(o.when.date));
                self.checks.push(CheckResult {
                    kind: CheckKind::Agreement,
                    subject: e.id.clone(),
                    inputs: vec![o.id.clone()],
                    formula: text(
                        format!("推算日期 {za} = 文中日期 {zb}"),
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
        // 2 月 22 日 says 2月22日.
        let squeezed = figure.replace(' ', "");
        let figure = squeezed.as_str();
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
                            zh_date(anchor_date),
                            count.value,
                            zh_date(anchor_date)
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
                    format!("{} − {}天", zh_date(anchor_date), count.value),
                    format!("{} − {} days", iso(anchor_date), count.value),
                ),
            ),
        };
        let computed = i64::try_from(back)
            .ok()
            .and_then(|b| anchor_date.checked_sub(Duration::days(b)));
        let passed = computed.is_some() && computed == e.when.date;
        let result = show_date(computed);
        let zh_result = zh_show_date(computed);
        self.checks.push(CheckResult {
            kind: CheckKind::Derived,
            subject: e.id.clone(),
            inputs: vec![count.id.clone(), anchor.id.clone()],
            formula: text(
                format!("{} = {zh_result}", formula.0),
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
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::super::fixtures::*;
    use super::super::{CheckKind, check};
    use crate::data::model::{Dataset, Derivation, EventStatus, Precision, Relation, When};

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
}
