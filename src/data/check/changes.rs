//! Changes (提高5.6个百分点): each against its figure, and the record it
//! is a change of.

use super::{CheckKind, CheckResult, Checker, text};
use crate::data::figure;
use crate::data::model::Lang;

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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::super::fixtures::*;
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
}
