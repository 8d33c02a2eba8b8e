//! Coverage: every figure of the article's text that no record carries,
//! as a warning. A curated dataset shows it missed nothing, or says in
//! `source.unrecorded` why it leaves a figure out.

use crate::data::load::ArticleFile;
use crate::data::model::Dataset;
use crate::data::scan;

/// One line per figure of the text (the `article` file's, else the
/// dataset's own) that no rate, count, event or `source.unrecorded` entry
/// of its paragraph carries; and one per `unrecorded` entry that names no
/// figure of its paragraph.
pub(super) fn uncovered(ds: &Dataset, article: Option<&ArticleFile>) -> Vec<String> {
    let paragraphs: &[String] = match (article, &ds.source.text) {
        (Some(a), _) => &a.paragraphs,
        (None, Some(t)) => t,
        (None, None) => return Vec::new(),
    };
    let chinese = scan::is_chinese(&paragraphs.concat());
    let mut carried: Vec<(u32, &str, bool)> = Vec::new();
    carried.extend(
        ds.rates
            .iter()
            .map(|r| (r.source.paragraph, r.figure.as_str(), false)),
    );
    carried.extend(
        ds.counts
            .iter()
            .map(|c| (c.source.paragraph, c.figure.as_str(), false)),
    );
    carried.extend(
        ds.events
            .iter()
            .filter_map(|e| Some((e.source.paragraph, e.figure.as_deref()?, false))),
    );
    let first_unrecorded = carried.len();
    carried.extend(
        ds.source
            .unrecorded
            .iter()
            .map(|u| (u.paragraph, u.figure.as_str(), false)),
    );
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for f in scan::scan(p, chinese) {
            let found = &p[f.start..f.end];
            let by = carried.iter_mut().find(|(at, fig, used)| {
                !*used
                    && *at == n
                    && !fig.is_empty()
                    && (found.contains(*fig) || fig.contains(found))
            });
            match by {
                Some(slot) => slot.2 = true,
                None => {
                    let (s, e) = scan::clause(p, f.start);
                    let clause = p[s.min(f.start)..e.max(f.end)].trim_matches(['　', ' ']);
                    out.push(format!(
                        "paragraph {n}: \"{found}\" ({clause}) is a figure no record carries; \
                         record it, or list it in source.unrecorded with the reason"
                    ));
                }
            }
        }
    }
    for (k, (n, fig, used)) in carried[first_unrecorded..].iter().enumerate() {
        if !used {
            out.push(format!(
                "source.unrecorded[{k}]: \"{fig}\" is not a figure of paragraph {n} as fugong reads it"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Text, Unrecorded};

    fn dataset(text: &[&str]) -> Dataset {
        let mut ds = super::super::fixtures::minimal();
        ds.source.paragraphs = text.len() as u32;
        ds.source.text = Some(text.iter().map(|s| s.to_string()).collect());
        ds
    }

    #[test]
    fn figures_no_record_carries_are_listed() {
        let ds = crate::data::load_str(crate::data::EMBEDDED, "embedded")
            .unwrap()
            .dataset;
        assert_eq!(
            uncovered(&ds, None),
            Vec::<String>::new(),
            "the embedded dataset carries every figure"
        );
        let mut ds = ds;
        let i = ds.counts.iter().position(|c| c.figure == "2048").unwrap();
        ds.counts.remove(i);
        let w = uncovered(&ds, None);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("paragraph 20: \"2048\" (重达2048吨的转子在与机组阔别116天后) is a figure no record carries"), "{w:?}");
    }

    #[test]
    fn unrecorded_figures_are_explained_or_stale() {
        let mut ds = dataset(&["共有5个工作组。"]);
        ds.rates.clear();
        ds.counts.clear();
        ds.events.clear();
        assert_eq!(uncovered(&ds, None).len(), 1);
        ds.source.unrecorded.push(Unrecorded {
            paragraph: 1,
            figure: "5".into(),
            reason: Text {
                zh: "示例".into(),
                en: "an example".into(),
            },
        });
        assert_eq!(uncovered(&ds, None), Vec::<String>::new());
        ds.source.unrecorded[0].paragraph = 2;
        let w = uncovered(&ds, None);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[1].starts_with("source.unrecorded[0]: \"5\" is not a figure of paragraph 2"),
            "{w:?}"
        );
    }
}
