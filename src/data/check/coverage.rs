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
    // What each paragraph's records carry, filed by paragraph so that a
    // long text costs what it is long: (figure, unrecorded entry, used).
    let mut carried: Vec<Vec<Carried<'_>>> = vec![Vec::new(); paragraphs.len()];
    for r in &ds.rates {
        file(
            &mut carried,
            r.source.paragraph,
            &r.figure,
            None,
            Some(false),
        );
    }
    for c in &ds.counts {
        file(
            &mut carried,
            c.source.paragraph,
            &c.figure,
            None,
            Some(false),
        );
    }
    for e in &ds.events {
        if let Some(f) = &e.figure {
            file(&mut carried, e.source.paragraph, f, None, Some(true));
        }
    }
    for c in &ds.changes {
        file(
            &mut carried,
            c.source.paragraph,
            &c.figure,
            None,
            Some(false),
        );
    }
    // 截至3月23日 dates the figures after it rather than being a record of
    // its own: it is carried by a figure of its paragraph dated that day.
    let mut dated: Vec<Vec<(u8, u8)>> = vec![Vec::new(); paragraphs.len()];
    let whens = ds
        .rates
        .iter()
        .map(|r| (r.source.paragraph, &r.when))
        .chain(ds.counts.iter().map(|c| (c.source.paragraph, &c.when)))
        .chain(ds.changes.iter().map(|c| (c.source.paragraph, &c.when)))
        // 较2月10日: the date a change is measured from.
        .chain(
            ds.changes
                .iter()
                .filter_map(|c| Some((c.source.paragraph, c.from.as_ref()?))),
        );
    for (n, w) in whens {
        if let (Some(d), Some(slot)) = (
            w.date,
            (n as usize).checked_sub(1).and_then(|i| dated.get_mut(i)),
        ) {
            slot.push((u8::from(d.month()), d.day()));
        }
    }
    let mut stale = Vec::new();
    for (k, u) in ds.source.unrecorded.iter().enumerate() {
        if !file(&mut carried, u.paragraph, &u.figure, Some(k), None) {
            stale.push((k, not_a_figure(k, &u.figure, u.paragraph)));
        }
    }
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let n = i + 1;
        let here = &mut carried[i];
        for f in scan::scan(p, chinese) {
            let found = &p[f.start..f.end];
            // A date by an event, a number by a rate, count or change (never
            // a count's 25 for the 25 of 3月25日); the one that writes it
            // exactly first, else one that holds it or is part of it
            // (2月17日 of 2月17日中午).
            let is_date = matches!(f.what, scan::What::Date(_));
            let fits = |c: &Carried<'_>| !c.used && c.date.is_none_or(|d| d == is_date);
            let exact = here.iter().position(|c| fits(c) && c.figure == found);
            let by = match exact {
                Some(k) => here.get_mut(k),
                None => here.iter_mut().find(|c| {
                    fits(c)
                        && !c.figure.is_empty()
                        && (found.contains(c.figure) || c.figure.contains(found))
                }),
            };
            let dates_a_figure = match &f.what {
                scan::What::Date(d) => d.month.zip(d.day).is_some_and(|md| dated[i].contains(&md)),
                _ => false,
            };
            match by {
                Some(c) => c.used = true,
                None if dates_a_figure => {}
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
        for c in here.iter() {
            if let (Some(k), false) = (c.unrecorded, c.used) {
                stale.push((k, not_a_figure(k, c.figure, n)));
            }
        }
    }
    stale.sort();
    out.extend(stale.into_iter().map(|(_, line)| line));
    out
}

#[derive(Clone)]
struct Carried<'a> {
    figure: &'a str,
    /// The index of its `source.unrecorded` entry, if it is one.
    unrecorded: Option<usize>,
    /// An event's figure (a date), or a number's; `None` for an
    /// unrecorded entry, which may be either.
    date: Option<bool>,
    used: bool,
}

/// Files a figure under its paragraph; `false` when the text has no such paragraph.
fn file<'a>(
    carried: &mut [Vec<Carried<'a>>],
    paragraph: u32,
    figure: &'a str,
    unrecorded: Option<usize>,
    date: Option<bool>,
) -> bool {
    match (paragraph as usize)
        .checked_sub(1)
        .and_then(|i| carried.get_mut(i))
    {
        Some(slot) => {
            slot.push(Carried {
                figure,
                unrecorded,
                date,
                used: false,
            });
            true
        }
        None => false,
    }
}

fn not_a_figure(k: usize, figure: &str, paragraph: impl std::fmt::Display) -> String {
    format!(
        "source.unrecorded[{k}]: \"{figure}\" is not a figure of paragraph {paragraph} as fugong reads it"
    )
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
