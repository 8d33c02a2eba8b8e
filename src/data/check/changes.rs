//! Changes (提高5.6个百分点): each against its figure, and the record it
//! is a change of.

use super::{CheckKind, CheckResult, Checker, text};
use crate::data::figure;
use crate::data::index::RecordRef;
use crate::data::model::{Change, Lang};
use crate::data::series::Kind;
use crate::fmt::iso;

impl Checker<'_> {
    pub(super) fn check_changes(&mut self) {
        let ds = self.ds;
        for (i, c) in ds.changes.iter().enumerate() {
            let path = format!("changes[{i}]");
            self.label(format!("{path}.label"), &c.label);
            self.source(&path, &c.source, Some(&c.figure));
            self.when(&path, &c.when, false);
            if let Some(of) = &c.of {
                self.reference(format!("{path}.of"), of, &["rate", "count"]);
            }
            let Some(f) = figure::parse(&c.figure).filter(|f| !f.percent) else {
                self.problem(
                    format!("{path}.figure"),
                    format_args!(
                        "\"{}\" is not a number fugong can read (e.g. \"5.6\")",
                        c.figure
                    ),
                );
                continue;
            };
            // The sign is the verb's (提高, 下降), not the figure's.
            let tolerance = 0.5 * 10f64.powi(-(f.decimals as i32)) + 1e-9;
            let passed = (f.value - c.value.abs()).abs() <= tolerance;
            self.checks.push(CheckResult {
                kind: CheckKind::Figure,
                subject: c.id.clone(),
                inputs: Vec::new(),
                formula: text(
                    format!("“{}” 读作 {}", c.figure, c.shown(Lang::Zh)),
                    format!("“{}” reads as {}", c.figure, c.shown(Lang::En)),
                ),
                passed,
            });
            if !passed {
                self.problem(
                    format!("{path}.value"),
                    format_args!("{} disagrees with its figure \"{}\"", c.value, c.figure),
                );
            }
            self.check_implied(&path, c, f.decimals);
        }
    }

    /// A change joins two values: the figure it is of, and the one it
    /// implies before. When that one is reported too, they must agree to
    /// the figures' precision.
    fn check_implied(&mut self, path: &str, c: &Change, decimals: u32) {
        let ds = self.ds;
        if let Some(from) = &c.from {
            self.when(&format!("{path}.from"), from, false);
            if let (Some(a), Some(b)) = (from.date, c.when.date)
                && a >= b
            {
                self.problem(
                    format!("{path}.from"),
                    format_args!("{} is not before the change's date {}", iso(a), iso(b)),
                );
            }
        }
        let (kind, of, now_decimals) = match c.of.as_deref().and_then(|id| self.index.get(id)) {
            Some(RecordRef::Rate(i)) => (Kind::Rate, i, figure_decimals(&ds.rates[i].figure)),
            Some(RecordRef::Count(i)) => (Kind::Count, i, 0),
            _ => return,
        };
        let Some(implied) = self.series.implied(ds, c, kind, of) else {
            return;
        };
        let Some(p) = implied.reported else { return };
        let (before, before_decimals, unit) = match kind {
            Kind::Rate => (ds.rates[p].value, figure_decimals(&ds.rates[p].figure), "%"),
            Kind::Count => (ds.counts[p].value as f64, 0, ""),
        };
        // Each figure is rounded to its own decimals: the error is at most
        // half a unit of the last digit of each.
        let half = |d: u32| 0.5 * 10f64.powi(-(d as i32));
        let tolerance = half(decimals) + half(now_decimals) + half(before_decimals) + 1e-9;
        let passed = (implied.value - before).abs() <= tolerance;
        let (now, id_before) = match kind {
            Kind::Rate => (ds.rates[of].value, &ds.rates[p].id),
            Kind::Count => (ds.counts[of].value as f64, &ds.counts[p].id),
        };
        let n = |v: f64| format!("{}{unit}", crate::fmt::trim_number(v));
        let date = implied.date.map(iso).unwrap_or_default();
        self.checks.push(CheckResult {
            kind: CheckKind::Change,
            subject: c.id.clone(),
            inputs: vec![c.of.clone().unwrap_or_default(), id_before.clone()],
            formula: text(
                format!(
                    "{} − {} = {}，{date}报道{}",
                    n(now),
                    crate::fmt::trim_number(c.value),
                    n(implied.value),
                    n(before)
                ),
                format!(
                    "{} − {} = {}; {date} reported {}",
                    n(now),
                    crate::fmt::trim_number(c.value),
                    n(implied.value),
                    n(before)
                ),
            ),
            passed,
        });
        if !passed {
            self.problem(
                format!("{path}.value"),
                format_args!(
                    "{} − {} = {}, but {id_before} reports {} on {date}",
                    n(now),
                    crate::fmt::trim_number(c.value),
                    n(implied.value),
                    n(before)
                ),
            );
        }
    }
}

/// How many decimals a figure as written has ("98.3%" has 1).
fn figure_decimals(figure: &str) -> u32 {
    figure::parse(figure).map_or(0, |f| f.decimals)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CheckKind, check};
    use crate::data::model::{Change, Text, When};

    fn change(figure: &str, value: f64, of: Option<&str>) -> Change {
        Change {
            id: "change-a".into(),
            label: Text {
                zh: "复工率提高".into(),
                en: String::new(),
            },
            value,
            unit: Text {
                zh: "个百分点".into(),
                en: "percentage points".into(),
            },
            of: of.map(str::to_string),
            figure: figure.into(),
            when: When {
                precision: crate::data::model::Precision::Undated,
                ..When::default()
            },
            from: None,
            source: crate::data::model::Source {
                paragraph: 1,
                quote: format!("提高{figure}个百分点"),
            },
        }
    }

    #[test]
    fn a_change_reads_as_its_figure_and_names_what_changed() {
        let mut ds = minimal();
        ds.source.text = None;
        ds.changes.push(change("5.6", 5.6, Some("rate-a")));
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.subject == "change-a" && c.passed)
        );
        ds.changes[0].value = -5.6;
        assert!(check(&ds).problems.is_empty(), "the sign is the verb's");
        ds.changes[0].value = 6.6;
        ds.changes[0].of = Some("count-jobs".into());
        assert_problems(
            &ds,
            &["changes[0].value: 6.6 disagrees with its figure \"5.6\""],
        );
        ds.changes[0].value = 5.6;
        ds.changes[0].of = Some("org-a".into());
        assert_problems(
            &ds,
            &["changes[0].of: \"org-a\" names an organisation, not a rate or count"],
        );
    }

    /// rate-a (98.3% on its date) and an earlier report of it, 90.0%.
    fn with_earlier(earlier: f64, figure: &str) -> crate::data::model::Dataset {
        let mut ds = minimal();
        ds.source.text = None;
        let mut r = ds.rates[RATE].clone();
        r.id = "rate-earlier".into();
        r.value = earlier;
        r.figure = figure.into();
        r.numerator = None;
        r.denominator = None;
        r.source.quote = figure.into();
        let d = ds.rates[RATE].when.date.expect("rate-a is dated");
        r.when.date = Some(d - time::Duration::days(1));
        ds.rates.push(r);
        ds
    }

    #[test]
    fn a_change_is_checked_against_the_value_it_implies() {
        let mut ds = with_earlier(92.7, "92.7%");
        // 98.3 − 5.6 = 92.7: against the previous report of the series.
        ds.changes.push(change("5.6", 5.6, Some("rate-a")));
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let c = report
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::Change)
            .expect("a change check");
        assert!(c.passed);
        assert_eq!(c.inputs, ["rate-a", "rate-earlier"]);
        assert!(
            c.formula.en.starts_with("98.3% − 5.6 = 92.7%"),
            "{}",
            c.formula.en
        );
        // Within the rounding of the figures (92.75 written 92.7 or 92.8).
        ds.rates[1].value = 92.8;
        ds.rates[1].figure = "92.8%".into();
        ds.rates[1].source.quote = "92.8%".into();
        assert!(check(&ds).problems.is_empty());
        // Beyond it, a problem that says what disagrees.
        ds.rates[1].value = 90.0;
        ds.rates[1].figure = "90%".into();
        ds.rates[1].source.quote = "90%".into();
        let p = problems(&ds);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("changes[0].value: 98.3% − 5.6 = 92.7%, but rate-earlier reports 90%"),
            "{p:?}"
        );
    }

    #[test]
    fn a_change_from_a_date_is_checked_against_that_date_only() {
        let mut ds = with_earlier(90.0, "90%");
        let d = ds.rates[RATE].when.date.expect("dated");
        let mut c = change("5.6", 5.6, Some("rate-a"));
        c.when = ds.rates[RATE].when.clone();
        c.from = Some(When {
            date: Some(d - time::Duration::days(3)),
            precision: crate::data::model::Precision::Day,
            ..When::default()
        });
        ds.changes.push(c);
        // Nothing is reported three days before: implied, not checked.
        let report = check(&ds);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(!report.checks.iter().any(|c| c.kind == CheckKind::Change));
        // A from date that is not before the change's is a problem.
        ds.changes[0].from.as_mut().unwrap().date = Some(d);
        let p = problems(&ds);
        assert!(
            p.iter()
                .any(|p| p.starts_with("changes[0].from: ") && p.contains("is not before")),
            "{p:?}"
        );
    }
}
