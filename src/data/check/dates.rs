//! Date shapes, and the year of every date.

use super::{CheckKind, CheckResult, Checker, text};
use crate::data::model::{Precision, When};
use crate::fmt::iso;

impl Checker<'_> {
    /// Date shape, and the dataset's year for dates the article states.
    pub(super) fn when(&mut self, path: &str, when: &When, derived: bool) {
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
        // An inferred year is every stated date's year: the article wrote
        // them without one. A dataset whose text prints its years (reports
        // of 2020 and 2021, a series over years) may state any of them.
        if let Some(d) = when.date
            && !derived
            && self.ds.year.inferred
            && let Some(year) = self.ds.year.value
            && d.year() != year
        {
            self.problem(
                format!("{path}.date"),
                format_args!(
                    "{} is not in the dataset's year {year}; only derived dates may be",
                    iso(d),
                ),
            );
        }
    }

    /// The year is a derived value too when the article does not print it:
    /// listed with its reason, like every other derivation.
    pub(super) fn year(&mut self) {
        let y = &self.ds.year;
        let Some(value) = y.value else {
            let reason = y.reason.get(crate::data::model::Lang::En);
            let why = if reason.is_empty() {
                String::new()
            } else {
                format!(" ({})", reason.trim_end_matches('.'))
            };
            if self.ds.source.drafted {
                // A draft without its year has left its dates out: only a
                // new draft puts them back.
                self.problem(
                    "year.value".to_string(),
                    format_args!(
                        "the year is unknown{why}, so the draft has no dates: draft again with --year YYYY"
                    ),
                );
            } else if !self.ds.events.is_empty() {
                self.problem(
                    "year.value".to_string(),
                    format_args!(
                        "the year is unknown{why}, so the article's dates cannot be placed: \
                         set \"year\": {{\"value\": YYYY, \"inferred\": false}}"
                    ),
                );
            }
            return;
        };
        if y.inferred && y.reason.is_empty() {
            self.problem(
                "year.reason".to_string(),
                "an inferred year needs its reason: how the article shows it",
            );
        }
        let (zh, en) = if y.inferred {
            (
                format!(
                    "{value}年（推定）：{}",
                    y.reason.get(crate::data::model::Lang::Zh)
                ),
                format!(
                    "{value} (inferred): {}",
                    y.reason.get(crate::data::model::Lang::En)
                ),
            )
        } else {
            (format!("{value}年（原文）"), format!("{value} (printed)"))
        };
        self.checks.push(CheckResult {
            kind: CheckKind::Year,
            subject: value.to_string(),
            inputs: Vec::new(),
            formula: text(zh, en),
            passed: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, time};

    use super::super::check;
    use super::super::fixtures::*;
    use crate::data::model::{PartOfDay, Precision};

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
    fn a_printed_year_lets_stated_dates_fall_in_other_years() {
        let mut ds = minimal();
        ds.year.inferred = false;
        ds.counts[TOTAL].when.date = Some(date!(2019 - 03 - 25));
        ds.events[FLIGHT].when.date = Some(date!(2021 - 03 - 22));
        let report = check(&ds);
        assert!(
            !report.problems.iter().any(|p| p.contains("dataset's year")),
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
}
