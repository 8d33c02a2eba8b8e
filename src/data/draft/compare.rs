//! What a change is measured from (较2月10日, 较前一日), and labels kept
//! apart where two figures of one date share their words.

use super::super::model::{Dataset, Precision, Relation, When};
use super::super::scan::{Found, What};
use super::super::series::{Kind, Series};

/// Which of a paragraph's figures are dates a change is measured from:
/// one after 较, 比 (较2月10日), "from" or "than", and the dates listed
/// after it (较2月10日、2月27日).
pub(super) fn comparisons(p: &str, fs: &[Found], chinese: bool) -> Vec<bool> {
    const ZH: [&str; 5] = ["相比", "较", "較", "比", "对比"];
    const EN: [&str; 5] = ["from", "than", "compared with", "compared to", "against"];
    let mut out = Vec::with_capacity(fs.len());
    let mut last_end: Option<usize> = None;
    for f in fs {
        let is_date = matches!(&f.what, What::Date(d) if d.day.is_some());
        let before = p[..f.start].trim_end();
        let after_word = if chinese {
            ZH.iter().any(|w| before.ends_with(w))
        } else {
            let lower = before.to_ascii_lowercase();
            EN.iter().any(|w| lower.ends_with(w))
        };
        let listed = last_end.is_some_and(|e| {
            let between = p.get(e..f.start).unwrap_or("").trim();
            ["、", "和", "及", ",", "，", "and", "or"].contains(&between)
        });
        let yes = is_date && (after_word || listed);
        last_end = yes.then_some(f.end);
        out.push(yes);
    }
    out
}

/// 较前一日提高5.6个百分点: the change is against the day before its date.
pub(super) fn previous_day(before: &str, when: &When) -> Option<When> {
    const WORDS: [&str; 10] = [
        "前一日",
        "前一天",
        "上一日",
        "昨日",
        "昨天",
        "前日",
        "the previous day",
        "the day before",
        "a day earlier",
        "a day before",
    ];
    let lower = before.to_lowercase();
    if !WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let d = when.date?.previous_day()?;
    Some(When {
        date: Some(d),
        precision: Precision::Day,
        relation: Relation::On,
        ..When::default()
    })
}

/// Labels are the words around a figure, so two figures of one date can
/// share one: they would read as one series on one date, which `check`
/// refuses. Each but the first gets its paragraph, or, within one
/// paragraph, its number among the records.
pub(super) fn apart(ds: &mut Dataset, chinese: bool) {
    // Each pass settles every clash it sees; a new label can clash again
    // only with one that already carries a mark, so a few passes suffice.
    for _ in 0..4 {
        let clashes: Vec<_> = Series::new(ds).clashes().collect();
        if clashes.is_empty() {
            return;
        }
        for (kind, a, b) in clashes {
            let (first, label, para) = match kind {
                Kind::Rate => {
                    let [x, y] = [a, b].map(|i| ds.rates[i].source.paragraph);
                    (x, &mut ds.rates[b].label, y)
                }
                Kind::Count => {
                    let [x, y] = [a, b].map(|i| ds.counts[i].source.paragraph);
                    (x, &mut ds.counts[b].label, y)
                }
            };
            let mark = match (first == para, chinese) {
                (false, true) => format!("（第{para}段）"),
                (false, false) => format!(" (¶{para})"),
                (true, true) => format!("（{}）", b + 1),
                (true, false) => format!(" ({})", b + 1),
            };
            for s in [&mut label.zh, &mut label.en] {
                if !s.is_empty() {
                    s.push_str(&mark);
                }
            }
        }
    }
}
