//! The article's text: the text a dataset carries has `source.paragraphs`
//! paragraphs, every record's quote is in its paragraph verbatim, and with
//! an article file (`check --article`) the quotes are checked against the
//! file instead, and the carried text against the file, paragraph by
//! paragraph.
//!
//! Nothing is normalised: a quote is in its paragraph when it is a
//! substring of it, char for char (full-width and half-width forms, spaces
//! and punctuation included). A quote that is not is reported with the
//! paragraph's nearest stretch, verbatim, so the difference can be seen.

use super::Checker;
use crate::data::load::ArticleFile;
use crate::data::model::{Dataset, Source};

/// Differing paragraphs shown one by one; any more are only numbered.
const SHOWN_DIFFERENCES: usize = 5;
/// Paragraph numbers listed after those, at most.
const LISTED_DIFFERENCES: usize = 20;
/// Characters shown either side of a difference.
const CONTEXT: usize = 10;
/// A differing stretch longer than this is cut.
const MAX_DIFFERENCE: usize = 40;

impl Checker<'_> {
    pub(super) fn check_text(&mut self) {
        let ds = self.ds;
        let paragraphs = ds.source.paragraphs;
        // A text of another length than `paragraphs` is numbered otherwise
        // than the quotes' paragraphs: it is reported once, and no quote is
        // checked against it (each would be a misleading line of its own).
        const UNCHECKED: &str = "the quotes are not checked against it";
        let carried_fits = match &ds.source.text {
            Some(carried) if carried.len() != paragraphs as usize => {
                self.problem(
                    "source.text".to_string(),
                    format_args!(
                        "{} paragraphs, but source.paragraphs is {paragraphs}; {UNCHECKED}",
                        carried.len()
                    ),
                );
                false
            }
            _ => true,
        };
        let (text, of) = match (self.against, &ds.source.text) {
            (Some(file), carried) => {
                if let Some(carried) = carried {
                    self.compare_text(carried, file);
                }
                if file.paragraphs.len() != paragraphs as usize {
                    self.problem(
                        "source.paragraphs".to_string(),
                        format_args!(
                            "{paragraphs}, but {} has {} paragraphs (non-blank lines); {UNCHECKED}",
                            file.origin,
                            file.paragraphs.len()
                        ),
                    );
                    return;
                }
                (file.paragraphs.as_slice(), format!(" of {}", file.origin))
            }
            (None, Some(carried)) if carried_fits => (carried.as_slice(), String::new()),
            (None, _) => return,
        };
        for (path, id, source) in sourced(ds) {
            self.quote_in_text(&path, id, source, text, &of);
        }
    }

    /// A quote against its paragraph of `text`, which has
    /// `source.paragraphs` paragraphs. An empty quote, or a paragraph
    /// outside them, is already a problem of its own.
    fn quote_in_text(&mut self, path: &str, id: &str, source: &Source, text: &[String], of: &str) {
        let quote = source.quote.as_str();
        let n = source.paragraph as usize;
        let Some(paragraph) = n.checked_sub(1).and_then(|i| text.get(i)) else {
            return;
        };
        if quote.trim().is_empty() || paragraph.contains(quote) {
            return;
        }
        self.problem(
            format!("{path} ({id})"),
            format_args!(
                "quote \"{quote}\" is not in paragraph {n}{of}; nearest: \"{}\"",
                nearest(paragraph, quote)
            ),
        );
    }

    /// The text the dataset carries against the file, paragraph by
    /// paragraph. A difference in their lengths is reported by the checks of
    /// each against `source.paragraphs`.
    fn compare_text(&mut self, carried: &[String], file: &ArticleFile) {
        let differing: Vec<usize> = carried
            .iter()
            .zip(&file.paragraphs)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i)
            .collect();
        for &i in differing.iter().take(SHOWN_DIFFERENCES) {
            let (at, ours, theirs) = difference(&carried[i], &file.paragraphs[i]);
            self.problem(
                format!("source.text[{i}]"),
                format_args!(
                    "paragraph {} differs from {} at character {at}: the dataset has \"{ours}\", the file \"{theirs}\"",
                    i + 1,
                    file.origin
                ),
            );
        }
        let rest = &differing[differing.len().min(SHOWN_DIFFERENCES)..];
        if !rest.is_empty() {
            let mut listed: Vec<String> = rest
                .iter()
                .take(LISTED_DIFFERENCES)
                .map(|i| (i + 1).to_string())
                .collect();
            if rest.len() > LISTED_DIFFERENCES {
                listed.push("…".to_string());
            }
            self.problem(
                "source.text".to_string(),
                format_args!(
                    "{} more paragraphs differ from {}: {}",
                    rest.len(),
                    file.origin,
                    listed.join(", ")
                ),
            );
        }
    }
}

/// Every record with a source, in the article's order of kinds: its path,
/// id and source.
fn sourced(ds: &Dataset) -> impl Iterator<Item = (String, &str, &Source)> {
    let rates = ds.rates.iter().enumerate();
    let rates = rates.map(|(i, r)| (format!("rates[{i}]"), r.id.as_str(), &r.source));
    let counts = ds.counts.iter().enumerate();
    let counts = counts.map(|(i, c)| (format!("counts[{i}]"), c.id.as_str(), &c.source));
    let events = ds.events.iter().enumerate();
    let events = events.map(|(i, e)| (format!("events[{i}]"), e.id.as_str(), &e.source));
    let people = ds.people.iter().enumerate();
    let people = people.map(|(i, p)| (format!("people[{i}]"), p.id.as_str(), &p.source));
    let changes = ds.changes.iter().enumerate();
    let changes = changes.map(|(i, c)| (format!("changes[{i}]"), c.id.as_str(), &c.source));
    rates
        .chain(counts)
        .chain(events)
        .chain(people)
        .chain(changes)
}

/// The stretch of `paragraph` nearest to `quote`, verbatim.
///
/// Of the stretches as long as the quote (in chars), the one with the
/// fewest differing characters, the first of equals: 470 for 471 is one.
/// Where a stretch of another length is nearer by edit distance (a
/// character added or left out, which shifts every later one), that one.
pub(super) fn nearest<'p>(paragraph: &'p str, quote: &str) -> &'p str {
    let starts: Vec<usize> = paragraph.char_indices().map(|(b, _)| b).collect();
    let p: Vec<char> = paragraph.chars().collect();
    let q: Vec<char> = quote.chars().collect();
    let byte = |k: usize| starts.get(k).copied().unwrap_or(paragraph.len());
    let hamming = (q.len() <= p.len())
        .then(|| {
            (0..=p.len() - q.len())
                .map(|s| {
                    let d = p[s..s + q.len()]
                        .iter()
                        .zip(&q)
                        .filter(|(a, b)| a != b)
                        .count();
                    (d, s)
                })
                .min()
        })
        .flatten();
    let (edits, from, to) = best_edit_window(&p, &q);
    match hamming {
        Some((d, s)) if d <= edits => &paragraph[byte(s)..byte(s + q.len())],
        _ => &paragraph[byte(from)..byte(to)],
    }
}

/// The stretch `p[from..to]` of least edit distance to `q` (insertions,
/// deletions and substitutions, each 1), and that distance: Sellers'
/// approximate substring match, which lets the stretch start anywhere.
fn best_edit_window(p: &[char], q: &[char]) -> (usize, usize, usize) {
    // Row i: the cost of matching q[..i] to a stretch ending before p[j],
    // and where that stretch starts.
    let mut cost: Vec<usize> = vec![0; p.len() + 1];
    let mut start: Vec<usize> = (0..=p.len()).collect();
    for (i, &qc) in q.iter().enumerate() {
        let mut next_cost = vec![i + 1; p.len() + 1];
        let mut next_start = vec![0; p.len() + 1];
        for (j, &pc) in p.iter().enumerate() {
            let substitute = (cost[j] + usize::from(qc != pc), start[j]);
            let skip_quote_char = (cost[j + 1] + 1, start[j + 1]);
            let skip_text_char = (next_cost[j] + 1, next_start[j]);
            // The first of equal costs: a substitution keeps the length.
            let (c, s) = [skip_quote_char, skip_text_char]
                .into_iter()
                .fold(substitute, |best, x| if x.0 < best.0 { x } else { best });
            next_cost[j + 1] = c;
            next_start[j + 1] = s;
        }
        cost = next_cost;
        start = next_start;
    }
    // Of equal costs, the stretch nearest the quote's length, then the first.
    let (to, edits) = cost
        .iter()
        .enumerate()
        .min_by_key(|&(j, &c)| (c, (j - start[j]).abs_diff(q.len()), j))
        .map_or((0, q.len()), |(j, &c)| (j, c));
    (edits, start[to], to)
}

/// Where `a` and `b` first differ (1-based, in chars), and the differing
/// stretch of each with up to [`CONTEXT`] characters either side, `…`
/// where cut.
fn difference(a: &str, b: &str) -> (usize, String, String) {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let longest_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(longest_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let show = |s: &[char]| {
        let from = prefix.saturating_sub(CONTEXT);
        let differing_end = (s.len() - suffix).min(prefix + MAX_DIFFERENCE);
        let to = (differing_end + CONTEXT).min(s.len());
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        out.extend(&s[from..to]);
        if to < s.len() {
            out.push('…');
        }
        out
    };
    (prefix + 1, show(&a), show(&b))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{check, check_against};
    use super::{difference, nearest};
    use crate::data::load::ArticleFile;
    use crate::data::model::Dataset;

    /// The minimal dataset's article: every quote of it in its paragraph.
    const TEXT: [&str; 3] = [
        "截至目前，荣昌高新区478家投产企业，已经复工470家，复工率98.3%。",
        "对接2.3万多个就业岗位，必须要在5月中旬前完成。",
        "3月22日，第四十二天。",
    ];

    fn with_text(text: &[&str]) -> Dataset {
        let mut ds = minimal();
        ds.source.text = Some(text.iter().map(|s| s.to_string()).collect());
        ds
    }

    fn file(text: &[&str]) -> ArticleFile {
        ArticleFile {
            origin: "article.txt".to_string(),
            paragraphs: text.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn every_quote_in_its_paragraph_passes() {
        assert_problems(&with_text(&TEXT), &[]);
        // Without a text there is nothing to check the quotes against.
        assert_problems(&minimal(), &[]);
    }

    #[test]
    fn a_quote_not_in_its_paragraph_names_the_nearest_text() {
        let mut text = TEXT;
        text[0] = "截至目前，荣昌高新区478家投产企业，已经复工471家，复工率98.3%。";
        assert_problems(
            &with_text(&text),
            &[
                "counts[1] (count-resumed): quote \"复工470家\" is not in paragraph 1; nearest: \"复工471家\"",
            ],
        );
    }

    #[test]
    fn a_person_whose_quote_is_not_in_its_paragraph_fails() {
        let mut text = TEXT;
        text[2] = "3月22日，第四十二天。队长王海说。";
        let mut ds = with_text(&text);
        ds.people.push(person("队长王海"));
        assert_problems(&ds, &[]);
        ds.people[0].source.quote = "队长王海说：".to_string();
        assert_problems(
            &ds,
            &[
                "people[0] (person-a): quote \"队长王海说：\" is not in paragraph 3; nearest: \"队长王海说。\"",
            ],
        );
    }

    #[test]
    fn every_mismatch_is_reported() {
        let text = [
            "截至目前，荣昌高新区479家投产企业，已经复工471家，复工率98.3%。",
            TEXT[1],
            "3月23日，第四十二天。",
        ];
        assert_problems(
            &with_text(&text),
            &[
                "counts[0] (count-total): quote \"478家投产企业\" is not in paragraph 1; nearest: \"479家投产企业\"",
                "counts[1] (count-resumed): quote \"复工470家\" is not in paragraph 1; nearest: \"复工471家\"",
                "events[0] (event-flight): quote \"3月22日，第四十二天\" is not in paragraph 3; nearest: \"3月23日，第四十二天\"",
            ],
        );
    }

    #[test]
    fn nothing_is_normalised() {
        // A full-width percent sign and digits are other characters.
        let mut text = TEXT;
        text[0] = "截至目前，荣昌高新区478家投产企业，已经复工470家，复工率９８.３％。";
        assert_problems(
            &with_text(&text),
            &[
                "rates[0] (rate-a): quote \"复工率98.3%\" is not in paragraph 1; nearest: \"复工率９８.３％\"",
            ],
        );
    }

    #[test]
    fn a_text_of_another_length_than_paragraphs() {
        assert_problems(
            &with_text(&TEXT[..2]),
            &[
                "source.text: 2 paragraphs, but source.paragraphs is 3; the quotes are not checked against it",
            ],
        );
        let four = [TEXT[0], TEXT[1], TEXT[2], "多出的一段。"];
        assert_problems(
            &with_text(&four),
            &[
                "source.text: 4 paragraphs, but source.paragraphs is 3; the quotes are not checked against it",
            ],
        );
        // Even one not in its paragraph.
        let four = [TEXT[0], TEXT[1], "第四十三天", "多出的一段。"];
        assert_eq!(problems(&with_text(&four)).len(), 1);
    }

    #[test]
    fn against_a_file_the_file_is_the_text() {
        // A dataset without text, checked against a file.
        let ds = minimal();
        assert!(check_against(&ds, Some(&file(&TEXT))).problems.is_empty());
        let mut text = TEXT;
        text[2] = "3月22日，第四十三天。";
        assert_eq!(
            check_against(&ds, Some(&file(&text))).problems,
            [
                "counts[3] (count-day): quote \"第四十二天\" is not in paragraph 3 of article.txt; nearest: \"第四十三天\"",
                "events[0] (event-flight): quote \"3月22日，第四十二天\" is not in paragraph 3 of article.txt; nearest: \"3月22日，第四十三天\"",
                "events[1] (event-began): quote \"第四十二天\" is not in paragraph 3 of article.txt; nearest: \"第四十三天\"",
            ]
        );
        assert_eq!(
            check_against(&ds, Some(&file(&TEXT[..2]))).problems,
            [
                "source.paragraphs: 3, but article.txt has 2 paragraphs (non-blank lines); the quotes are not checked against it"
            ]
        );
    }

    #[test]
    fn against_a_file_the_carried_text_must_be_the_file() {
        let ds = with_text(&TEXT);
        assert!(check_against(&ds, Some(&file(&TEXT))).problems.is_empty());
        let mut text = TEXT;
        text[1] = "对接2.3万多个就业岗位，必须要在5月中旬前完成！";
        assert_eq!(
            check_against(&ds, Some(&file(&text))).problems,
            [
                "source.text[1]: paragraph 2 differs from article.txt at character 25: the dataset has \"…须要在5月中旬前完成。\", the file \"…须要在5月中旬前完成！\""
            ]
        );
        // The quotes are checked against the file, not the carried text.
        let mut ds = with_text(&TEXT);
        ds.source.text = Some(vec![String::new(); 3]);
        let problems = check_against(&ds, Some(&file(&TEXT))).problems;
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems.iter().all(|p| p.starts_with("source.text[")));
        assert!(!check(&ds).problems.is_empty());
    }

    #[test]
    fn many_differing_paragraphs_are_counted() {
        let mut ds = minimal();
        ds.source.paragraphs = 30;
        ds.source.text = Some((0..30).map(|i| format!("第{i}段")).collect());
        let theirs: Vec<String> = (0..30).map(|i| format!("第{i}段。")).collect();
        let theirs: Vec<&str> = theirs.iter().map(String::as_str).collect();
        let problems = check_against(&ds, Some(&file(&theirs))).problems;
        // The quotes are not in these paragraphs either.
        let problems: Vec<_> = problems
            .into_iter()
            .filter(|p| p.starts_with("source.text"))
            .collect();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert_eq!(
            problems[0],
            "source.text[0]: paragraph 1 differs from article.txt at character 4: the dataset has \"第0段\", the file \"第0段。\""
        );
        assert!(
            problems[5]
                .starts_with("source.text: 25 more paragraphs differ from article.txt: 6, 7, 8,"),
            "{}",
            problems[5]
        );
        assert!(problems[5].ends_with(", 25, …"), "{}", problems[5]);
    }

    #[test]
    fn nearest_is_the_window_with_fewest_differences() {
        let p = "截至目前，荣昌高新区478家投产企业，已经复工471家，复工率98.3%。";
        assert_eq!(
            nearest(p, "已经复工470家，复工率98.3%"),
            "已经复工471家，复工率98.3%"
        );
        // Two differences, still the same stretch.
        assert_eq!(
            nearest(p, "已经复工470家，复工率98.4%"),
            "已经复工471家，复工率98.3%"
        );
        // A character left out of the quote: the stretch is one longer.
        assert_eq!(
            nearest(p, "已经复工471家复工率98.3%"),
            "已经复工471家，复工率98.3%"
        );
        // A character the quote has and the paragraph does not.
        assert_eq!(
            nearest(p, "已经复工471家，，复工率98.3%"),
            "已经复工471家，复工率98.3%"
        );
        // A quote longer than the paragraph.
        assert_eq!(nearest("复工率", "复工率98.3%"), "复工率");
        assert_eq!(nearest("", "复工率"), "");
        assert_eq!(nearest("复工率", ""), "");
    }

    #[test]
    fn a_difference_is_shown_with_context() {
        let a = "截至目前，荣昌高新区478家投产企业，已经复工470家，复工率98.3%。";
        let b = "截至目前，荣昌高新区478家投产企业，已经复工471家，复工率98.3%。";
        assert_eq!(
            difference(a, b),
            (
                26,
                "…产企业，已经复工470家，复工率98.3%…".to_string(),
                "…产企业，已经复工471家，复工率98.3%…".to_string()
            )
        );
        // One is the other cut short.
        assert_eq!(
            difference("复工率", "复工率98.3%"),
            (4, "复工率".to_string(), "复工率98.3%".to_string())
        );
        // A long difference is cut.
        let long_a = "甲".repeat(100);
        let long_b = "乙".repeat(100);
        let (at, x, y) = difference(&long_a, &long_b);
        assert_eq!(at, 1);
        assert_eq!(x, format!("{}…", "甲".repeat(50)));
        assert_eq!(y, format!("{}…", "乙".repeat(50)));
    }
}
