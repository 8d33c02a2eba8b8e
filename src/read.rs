//! `fugong read`: the dashboard as plain sentences, one figure per line,
//! each with its date and source. No box drawing, no alignment, no colour:
//! for a screen reader, or for pasting into a report.

use std::io::Write;

use anyhow::{Context as _, Result};
use time::Date;

use crate::cite::{check_sentence, sentence};
use crate::content::{Ctx, article, as_of_text, people_of, series};
use crate::data::asof::Chronology;
use crate::data::series::Kind;
use crate::data::{EventStatus, Lang, Loaded, RecordRef};
use crate::panel::Panel;

/// What a reading of one panel says, line by line.
pub struct Reading {
    pub heading: String,
    pub lines: Vec<String>,
}

/// The lines of one panel in one language (`Zh` or `En`), as of `as_of`
/// (`None`: the latest date the dataset reports).
pub fn panel(data: &Loaded, panel: Panel, lang: Lang, as_of: Option<Date>) -> Reading {
    let chronology = Chronology::with_series(&data.dataset, std::sync::Arc::clone(&data.series));
    let as_of = as_of.or(chronology.default_date());
    read_panel(data, &chronology, panel, lang, as_of)
}

fn read_panel(
    data: &Loaded,
    chronology: &Chronology,
    panel: Panel,
    lang: Lang,
    as_of: Option<Date>,
) -> Reading {
    let ds = &data.dataset;
    let zh = lang == Lang::Zh;
    let say = |r: RecordRef| sentence(data, chronology, r, lang, as_of);
    let mut lines = Vec::new();
    // Figures reported after the date are left out, and counted.
    let mut later = 0usize;
    let known = |when| chronology.later(when, as_of).is_none();
    // Whether a record is known on the date; projects always are.
    let shown = |r: RecordRef| match r {
        RecordRef::Rate(j) => known(&ds.rates[j].when),
        RecordRef::Count(j) => known(&ds.counts[j].when),
        RecordRef::Event(j) => !chronology.status(&ds.events[j], as_of).is_later(),
        _ => true,
    };
    // The panel's records in order; those not known yet are counted instead.
    let records: Vec<RecordRef> = match panel {
        Panel::Overview | Panel::Checks | Panel::Article => Vec::new(),
        Panel::Rates => (0..ds.rates.len()).map(RecordRef::Rate).collect(),
        Panel::Workforce => (0..ds.counts.len()).map(RecordRef::Count).collect(),
        Panel::Timeline => {
            let mut order: Vec<usize> = (0..ds.events.len()).collect();
            order.sort_by_key(|&i| ds.events[i].when.order_key());
            order.into_iter().map(RecordRef::Event).collect()
        }
        // Each project, then its milestones in date order (as its card
        // lists them), then its figures.
        Panel::Projects => ds
            .projects
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                let mut events: Vec<usize> = p
                    .events
                    .iter()
                    .filter_map(|id| match data.index.get(id) {
                        Some(RecordRef::Event(e)) => Some(e),
                        _ => None,
                    })
                    .collect();
                events.sort_by_key(|&e| ds.events[e].when.order_key());
                let figures = p.figures.iter().filter_map(|id| data.index.get(id));
                // Then the people the article names in its story.
                let people: Vec<RecordRef> = people_of(data, p)
                    .iter()
                    .filter_map(|x| data.index.get(&x.id))
                    .collect();
                std::iter::once(RecordRef::Project(i))
                    .chain(events.into_iter().map(RecordRef::Event))
                    .chain(figures)
                    .chain(people)
            })
            .collect(),
    };
    let theme = crate::theme::Theme::MONO;
    let ctx = Ctx {
        data,
        chronology,
        as_of,
        lang,
        theme: &theme,
    };
    // A series in one sentence, once, before its first report.
    let mut told: Vec<bool> = Vec::new();
    let mut series_line = |kind: Kind, i: usize, lines: &mut Vec<String>| {
        let lines_of = data.series.lines(kind);
        let Some(s) = lines_of.of(i) else { return };
        let slot = match kind {
            Kind::Rate => s * 2,
            Kind::Count => s * 2 + 1,
        };
        if told.len() <= slot {
            told.resize(slot + 1, false);
        }
        if told[slot] {
            return;
        }
        told[slot] = true;
        let label = match kind {
            Kind::Rate => &ds.rates[i].label,
            Kind::Count => &ds.counts[i].label,
        };
        lines.extend(series::sentence(&ctx, kind, i, &label.get(lang)));
    };
    for r in records {
        if shown(r) {
            match (panel, r) {
                (Panel::Rates, RecordRef::Rate(i)) => series_line(Kind::Rate, i, &mut lines),
                (Panel::Workforce, RecordRef::Count(i)) => series_line(Kind::Count, i, &mut lines),
                _ => {}
            }
            lines.extend(say(r));
        } else {
            later += 1;
        }
    }
    match panel {
        Panel::Overview => {
            for i in 0..ds.rates.len() {
                if chronology.rate_is_latest(ds, i, as_of) {
                    lines.extend(say(RecordRef::Rate(i)));
                    series_line(Kind::Rate, i, &mut lines);
                } else if !known(&ds.rates[i].when) {
                    later += 1;
                }
            }
            for i in chronology.headline(ds, as_of) {
                lines.extend(say(RecordRef::Count(i)));
                series_line(Kind::Count, i, &mut lines);
            }
            // Headline figures that could be shown once they are reported.
            later += ds
                .counts
                .iter()
                .filter(|c| c.is_headline() && !known(&c.when))
                .count();
            lines.push(events_summary(data, chronology, lang, as_of));
        }
        Panel::Checks => {
            let failed = data.checks.iter().filter(|c| !c.passed).count();
            let n = data.checks.len();
            lines.push(match (zh, failed) {
                (true, 0) => format!("共{n}项核对，全部通过。"),
                (true, f) => format!("共{n}项核对，{f}项未通过。"),
                (false, 0) => format!("{n} checks, all passed."),
                (false, f) => format!("{n} checks, {f} failed."),
            });
            if ds.source.text.is_some() {
                let (quotes, people) = data.quote_count();
                lines.push(match zh {
                    true => format!("共{quotes}条引文（其中{people}条为人物出处）均逐字见于其段落。"),
                    false => format!(
                        "All {quotes} quotes ({people} of them naming people) are verbatim in their paragraphs."
                    ),
                });
            }
            lines.extend((0..n).filter_map(|i| check_sentence(data, i, lang)));
        }
        // Each paragraph as written, its figures in brackets.
        Panel::Article => match ds.source.text.as_deref() {
            Some(text) => {
                let spots = article::spots(ds);
                lines.extend(text.iter().enumerate().map(|(i, para)| {
                    let marked = article::bracketed(para, &spots, i + 1);
                    crate::data::sanitize::clean(&format!("¶{} {}", i + 1, marked.trim()))
                        .into_owned()
                }));
            }
            None => lines.push(
                lang.pick(
                    "此数据集不含原文（source.text）。",
                    "This dataset does not carry its article (source.text).",
                )
                .to_string(),
            ),
        },
        Panel::Rates | Panel::Workforce | Panel::Timeline | Panel::Projects => {}
    }
    if later > 0
        && let Some(d) = as_of
    {
        lines.push(match (zh, later) {
            (true, n) => format!("另有{n}项在{}之后报道，未列出。", crate::fmt::zh_date(d)),
            (false, 1) => format!(
                "1 more item is reported after {} and is not listed.",
                crate::fmt::iso(d)
            ),
            (false, n) => format!(
                "{n} more items are reported after {} and are not listed.",
                crate::fmt::iso(d)
            ),
        });
    }
    let title = panel.title(lang);
    // Checks and the article do not depend on the date.
    let as_of = as_of.filter(|_| !matches!(panel, Panel::Checks | Panel::Article));
    let heading = match as_of {
        Some(d) if zh => format!("{title}（{}）", as_of_text(d, lang)),
        Some(d) => format!("{title} ({})", as_of_text(d, lang)),
        None => title.to_string(),
    };
    Reading { heading, lines }
}

/// One line about the events: how many are done and planned on the date,
/// and the next milestone due.
fn events_summary(
    data: &Loaded,
    chronology: &Chronology,
    lang: Lang,
    as_of: Option<Date>,
) -> String {
    let ds = &data.dataset;
    let zh = lang == Lang::Zh;
    let statuses: Vec<_> = ds
        .events
        .iter()
        .map(|e| chronology.status(e, as_of))
        .collect();
    let done = statuses
        .iter()
        .zip(&ds.events)
        .filter(|(s, e)| !s.is_later() && e.status == EventStatus::Done)
        .count();
    use crate::data::asof::Status;
    // Milestones known on the date: due, past due, or with no calendar date.
    let count = |f: fn(&Status) -> bool| statuses.iter().filter(|s| f(s)).count();
    let due = count(|s| {
        matches!(
            s,
            Status::Due { .. } | Status::Planned | Status::NoReport(_)
        )
    });
    let overdue = count(|s| matches!(s, Status::Overdue { .. }));
    let next = ds
        .events
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| matches!(s, Status::Due { .. }))
        .min_by_key(|(e, _)| e.when.order_key());
    let mut s = match (zh, overdue) {
        (true, 0) => format!("事件与里程碑：{done}项已发生，{due}项计划中。"),
        (true, o) => {
            format!("事件与里程碑：{done}项已发生，{due}项计划中，{o}项已逾期且未见完成报道。")
        }
        (false, 0) => format!("Events and milestones: {done} happened, {due} planned."),
        (false, o) => format!(
            "Events and milestones: {done} happened, {due} planned, {o} past due with no report."
        ),
    };
    if let Some((e, st)) = next {
        if zh {
            s.push_str(&format!(
                "下一项：{}，{}。",
                e.label.get(Lang::Zh),
                st.describe(lang)
            ));
        } else {
            s.push_str(&format!(
                " Next: {}, {}.",
                e.label.get(lang),
                st.describe(lang)
            ));
        }
    }
    crate::data::sanitize::clean(&s).into_owned()
}

/// Prints the readings of `panels`: in Chinese, in English, or (`Both`) in
/// Chinese and then in English.
pub fn write(
    data: &Loaded,
    panels: &[Panel],
    lang: Lang,
    as_of: Option<Date>,
    out: &mut dyn Write,
) -> Result<()> {
    let chronology = Chronology::with_series(&data.dataset, std::sync::Arc::clone(&data.series));
    let as_of = as_of.or(chronology.default_date());
    let langs: &[Lang] = match lang {
        Lang::Zh => &[Lang::Zh],
        Lang::En => &[Lang::En],
        Lang::Both => &[Lang::Zh, Lang::En],
    };
    let mut first = true;
    for &l in langs {
        let title = crate::data::sanitize::clean(&data.dataset.title.get(l)).into_owned();
        if !first {
            writeln!(out).context("writing the reading")?;
        }
        first = false;
        writeln!(out, "{title}").context("writing the reading")?;
        for &p in panels {
            let r = read_panel(data, &chronology, p, l, as_of);
            writeln!(out).context("writing the reading")?;
            writeln!(out, "{}", r.heading).context("writing the reading")?;
            for line in &r.lines {
                writeln!(out, "{line}").context("writing the reading")?;
            }
        }
    }
    Ok(())
}
