//! Every figure of the embedded dataset traced back to the article it came
//! from: the quote is in its paragraph, verbatim, and holds the figure.
//!
//! The article is `tests/data/article.txt`, one paragraph per line, built
//! into this test: without it the test does not compile.

mod support;

use std::collections::BTreeSet;

use fugong::data::{self, Loaded, Source};

/// The article the embedded dataset is built from.
const ARTICLE: &str = include_str!("data/article.txt");

/// The article's paragraphs, one per line.
fn article() -> Vec<&'static str> {
    ARTICLE.lines().collect()
}

fn dataset() -> &'static Loaded {
    support::embedded()
}

/// Every record with a source: (kind, id, figure, source).
fn sourced(loaded: &Loaded) -> Vec<(&'static str, &str, Option<&str>, &Source)> {
    let ds = &loaded.dataset;
    let rates = ds
        .rates
        .iter()
        .map(|r| ("rate", r.id.as_str(), Some(r.figure.as_str()), &r.source));
    let counts = ds
        .counts
        .iter()
        .map(|c| ("count", c.id.as_str(), Some(c.figure.as_str()), &c.source));
    let events = ds
        .events
        .iter()
        .map(|e| ("event", e.id.as_str(), e.figure.as_deref(), &e.source));
    rates.chain(counts).chain(events).collect()
}

#[test]
fn article_has_the_paragraphs_the_dataset_says() {
    let paragraphs = article();
    let loaded = dataset();
    assert_eq!(
        paragraphs.len(),
        usize::try_from(loaded.dataset.source.paragraphs).unwrap()
    );
    assert!(ARTICLE.ends_with('\n'), "every paragraph ends its line");
    for (n, p) in (1..).zip(&paragraphs) {
        assert!(!p.trim().is_empty(), "paragraph {n} is empty");
    }
}

#[test]
fn every_quote_is_verbatim_in_its_paragraph_and_holds_its_figure() {
    let paragraphs = article();
    let loaded = dataset();
    let records = sourced(loaded);
    assert!(records.len() > 50, "only {} records", records.len());
    let mut failures = Vec::new();
    for (kind, id, figure, source) in records {
        let n = usize::try_from(source.paragraph).unwrap();
        let Some(line) = n.checked_sub(1).and_then(|i| paragraphs.get(i)) else {
            failures.push(format!("{kind} {id}: paragraph {n} is not in the article"));
            continue;
        };
        if !line.contains(&source.quote) {
            failures.push(format!(
                "{kind} {id}: quote {:?} is not in paragraph {n}",
                source.quote
            ));
        }
        if let Some(figure) = figure
            && !source.quote.contains(figure)
        {
            failures.push(format!(
                "{kind} {id}: quote {:?} does not hold its figure {figure:?}",
                source.quote
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_stated_event_has_a_figure_and_derived_ones_have_inputs() {
    let loaded = dataset();
    for e in &loaded.dataset.events {
        assert!(
            e.figure.is_some() || e.derivation.is_some(),
            "event {} has neither a figure nor a derivation",
            e.id
        );
    }
}

fn has_arabic_digit(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
}

const NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿";

/// Measure words (classifiers) that follow a figure written in Chinese numerals:
/// 三地, 第二批, 四十二天, 千万千瓦.
const CLASSIFIERS: &[&str] = &[
    "千瓦", "天", "地", "批", "个", "名", "家", "支", "台", "只", "套", "吨", "人", "架", "次",
    "年", "月", "日",
];

/// Whether the paragraph holds a figure in Chinese numerals: a run of
/// numerals, read as at least 2, followed by a measure word. A lone 一
/// before a measure word is mostly the article "a" (一家企业, 一批工人) and
/// numerals inside names (四川) are not followed by a measure word.
fn has_chinese_figure(p: &str) -> bool {
    let chars: Vec<char> = p.chars().collect();
    let is_numeral = |c: char| NUMERALS.contains(c);
    for start in 0..chars.len() {
        if !is_numeral(chars[start]) || (start > 0 && is_numeral(chars[start - 1])) {
            continue;
        }
        // The shortest run followed by a measure word: 千万 in 千万千瓦.
        let mut end = start + 1;
        while end <= chars.len() && chars[start..end].iter().all(|&c| is_numeral(c)) {
            let rest: String = chars[end..].iter().collect();
            if CLASSIFIERS.iter().any(|m| rest.starts_with(m)) {
                let run: String = chars[start..end].iter().collect();
                if data::figure::parse(&run).is_some_and(|f| f.value >= 2.0) {
                    return true;
                }
            }
            end += 1;
        }
    }
    false
}

#[test]
fn chinese_figure_detector() {
    assert!(has_chinese_figure("安全复工复产第四十二天。"));
    assert!(has_chinese_figure("三地同步试飞成功"));
    assert!(has_chinese_figure("第二批劳务人员"));
    assert!(has_chinese_figure("千万千瓦级清洁能源基地"));
    assert!(!has_chinese_figure(
        "春节期间企业员工返回四川、浙江等地过节"
    ));
    assert!(!has_chinese_figure("一家竹制品企业，一批技术工人"));
    assert!(!has_chinese_figure("第一时间"));
    assert!(!has_chinese_figure("冲在一线"));
}

/// A cheap completeness guard: every paragraph that prints a figure has at
/// least one record sourced from it, and the paragraphs without one are the
/// ones that print no figure at all.
#[test]
fn every_paragraph_with_a_figure_is_sourced() {
    let paragraphs = article();
    let loaded = dataset();
    let sourced_paragraphs: BTreeSet<u32> = sourced(loaded)
        .iter()
        .map(|(_, _, _, s)| s.paragraph)
        .collect();
    let numbered = (1u32..).zip(&paragraphs);

    let unsourced_with_digits: Vec<u32> = numbered
        .clone()
        .filter(|(n, p)| has_arabic_digit(p) && !sourced_paragraphs.contains(n))
        .map(|(n, _)| n)
        .collect();
    assert!(
        unsourced_with_digits.is_empty(),
        "paragraphs with an Arabic digit but no record: {unsourced_with_digits:?}"
    );

    let without_figures: BTreeSet<u32> = numbered
        .clone()
        .filter(|(_, p)| !has_arabic_digit(p) && !has_chinese_figure(p))
        .map(|(n, _)| n)
        .collect();
    // Computed from the article: the lead (1), the section headings (4-5,
    // 11-12, 18-19), and prose paragraphs that print no figure (8, 9, 13, 27).
    assert_eq!(
        without_figures,
        BTreeSet::from([1, 4, 5, 8, 9, 11, 12, 13, 18, 19, 27])
    );
    let unsourced: BTreeSet<u32> = numbered
        .filter(|(n, _)| !sourced_paragraphs.contains(n))
        .map(|(n, _)| n)
        .collect();
    // Paragraph 9 prints no figure the heuristics see, but its 一批技术工人
    // (a batch of technical workers) is a record, and so are its people.
    let expected: BTreeSet<u32> = without_figures
        .difference(&BTreeSet::from([9]))
        .copied()
        .collect();
    assert_eq!(
        unsourced, expected,
        "paragraphs without a record should be exactly those without a figure, but 9"
    );
}
