//! What every record must have: a label in at least one language, and a source
//! paragraph inside the article with a quote that contains the figure.

use super::Checker;
use crate::data::model::{Source, Text};

impl Checker<'_> {
    pub(super) fn label(&mut self, path: String, label: &Text) {
        // One language is enough (a draft has the article's); the
        // dashboard marks the other as missing.
        if label.zh.trim().is_empty() && label.en.trim().is_empty() {
            self.problem(path, "label is empty in both languages (zh and en)");
        }
    }

    pub(super) fn source(&mut self, path: &str, source: &Source, figure: Option<&str>) {
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
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

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
        ds.counts[JOBS].label.zh = " ".to_string();
        // One language is enough.
        ds.places[0].province.zh = String::new();
        assert_problems(
            &ds,
            &[
                "counts[2].label: label is empty in both languages (zh and en)",
                "counts[2].source.quote: quote is empty",
            ],
        );
    }
}
