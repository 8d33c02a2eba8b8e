//! Rates and counts: each figure as written against its value and
//! qualifier, and a rate against its numerator and denominator.

use super::{CheckKind, CheckResult, Checker, text};
use crate::data::figure;
use crate::data::model::Lang;
use crate::fmt::group;

impl Checker<'_> {
    pub(super) fn check_rates(&mut self) {
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
                    let qualifier_problem =
                        figure::qualifier_problem(&f, &r.figure, &r.source.quote, r.qualifier);
                    if let Some(msg) = &qualifier_problem {
                        self.problem(format!("{path}.qualifier"), msg);
                    }
                    let passed =
                        (f.value - r.value).abs() <= tolerance && qualifier_problem.is_none();
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
                let (zn, zd) = (
                    crate::fmt::number(num.value, true),
                    crate::fmt::number(den.value, true),
                );
                self.checks.push(CheckResult {
                    kind: CheckKind::Ratio,
                    subject: r.id.clone(),
                    inputs: vec![num.id.clone(), den.id.clone()],
                    formula: text(
                        format!("{zn} / {zd} = {computed:.2}%，文中为 {}%", r.value),
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

    pub(super) fn check_counts(&mut self) {
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
            let qualifier_problem =
                figure::qualifier_problem(&f, &c.figure, &c.source.quote, c.qualifier);
            let qualifier_ok = qualifier_problem.is_none();
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
            if let Some(msg) = qualifier_problem {
                self.problem(format!("{path}.qualifier"), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CheckKind, check};
    use crate::data::model::{Category, Dataset, Qualifier};

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
        // 九成八 reads now (98%); 大多数 and a bare number do not.
        for figure in ["大多数", "98.3"] {
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
}
