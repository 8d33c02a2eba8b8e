//! A record as one sentence with its source: what `y` copies and what
//! `fugong read` prints.
//!
//! Chinese reads as Chinese (2020年3月25日, figures in the article's style
//! such as 2.3万多个), English as English (2020-03-25, 23,000+ jobs): `fmt`'s
//! one style per language. The quote is the
//! article's words and stays in Chinese in both.

use time::Date;

use crate::data::asof::Chronology;
use crate::data::{Lang, Loaded, Person, Rate, RecordRef, Source, Text, When, sanitize};
use crate::fmt::percent;

/// Whether a sentence is in Chinese; otherwise it is in English. (Both
/// languages are two sentences: see `App::citation` and `read`.)
fn zh(lang: Lang) -> bool {
    lang == Lang::Zh
}

/// "— source: paragraph 10, “复工率98.3%”" / "——出处：第10段，“复工率98.3%”".
fn source(src: &Source, lang: Lang) -> String {
    if zh(lang) {
        format!("——出处：第{}段，“{}”", src.paragraph, src.quote)
    } else {
        format!(" — source: paragraph {}, “{}”", src.paragraph, src.quote)
    }
}

/// "王海，党员攻关队队长，中国商飞公司" / "Wang Hai (王海), Head of the
/// Party members' task force, COMAC": a person, their role and their
/// organisation, or else their place, where the dataset gives one.
pub fn person_sentence(data: &Loaded, x: &Person, lang: Lang) -> String {
    let org = data.organisation_name(x.organisation.as_deref(), lang.prose());
    let at = match data.place_of(x.place.as_deref(), None) {
        Some(p) if org.is_empty() => p.full(lang.prose()),
        _ => org,
    };
    match (zh(lang), at.is_empty()) {
        (true, true) => format!("{}，{}", x.name.zh, x.role.zh),
        (true, false) => format!("{}，{}，{at}", x.name.zh, x.role.zh),
        (false, true) => format!("{} ({}), {}", x.name.en, x.name.zh, x.role.en),
        (false, false) => format!("{} ({}), {}, {at}", x.name.en, x.name.zh, x.role.en),
    }
}

/// "label: value, date" in the sentence's language.
fn head(label: &Text, value: &str, when: &str, lang: Lang) -> String {
    if zh(lang) {
        format!("{}：{value}，{when}", label.get(Lang::Zh))
    } else {
        format!("{}: {value}, {when}", label.get(lang))
    }
}

fn date(when: &When, lang: Lang) -> String {
    when.describe(lang.prose())
}

/// A rate's numerator and denominator: "(470/478)", or "" when absent.
fn fraction(data: &Loaded, r: &Rate, lang: Lang) -> String {
    let n = |v: u64| crate::fmt::number(v, zh(lang));
    let f = match (data.fraction(r), zh(lang)) {
        ((Some(a), Some(b)), _) => format!("{}/{}", n(a), n(b)),
        // Read aloud, "253/?" says nothing.
        ((Some(a), None), true) => format!("{}，总数未注明", n(a)),
        ((Some(a), None), false) => format!("{} of a total not given", n(a)),
        _ => return String::new(),
    };
    if zh(lang) {
        format!("（{f}）")
    } else {
        format!(" ({f})")
    }
}

/// One sentence for a rate, count, event, project or person, with its source.
/// `as_of` decides an event's status. `None` for places and organisations.
pub fn sentence(
    data: &Loaded,
    chronology: &Chronology,
    record: RecordRef,
    lang: Lang,
    as_of: Option<Date>,
) -> Option<String> {
    let ds = &data.dataset;
    // "(as of 2020-02-25)": what a status or a note is relative to.
    let on = |d: Date| match zh(lang) {
        true => format!("（截至{}）", crate::fmt::zh_date(d)),
        false => format!(" (as of {})", crate::fmt::iso(d)),
    };
    // A figure reported after the as-of date says so.
    let later = |when: &When| match (chronology.later(when, as_of), as_of) {
        (Some(k), Some(d)) if zh(lang) => format!(
            "，{}报道，晚于{}",
            crate::fmt::zh_date(k),
            crate::fmt::zh_date(d)
        ),
        (Some(k), Some(d)) => format!(
            ", reported {}, after {}",
            crate::fmt::iso(k),
            crate::fmt::iso(d)
        ),
        _ => String::new(),
    };
    let s = match record {
        RecordRef::Rate(i) => {
            let r = ds.rates.get(i)?;
            let value = format!("{}{}", percent(r.value), fraction(data, r, lang));
            head(&r.label, &value, &date(&r.when, lang), lang)
                + &later(&r.when)
                + &source(&r.source, lang)
        }
        RecordRef::Count(i) => {
            let c = ds.counts.get(i)?;
            head(&c.label, &c.shown(lang.prose()), &date(&c.when, lang), lang)
                + &later(&c.when)
                + &source(&c.source, lang)
        }
        RecordRef::Change(i) => {
            let c = ds.changes.get(i)?;
            let of =
                c.of.as_deref()
                    .and_then(|id| data.record_by_id(id))
                    .map(|r| r.label().get(lang).into_owned());
            let value = match (of, zh(lang)) {
                (Some(of), true) => format!("{}（{of}）", c.shown(lang.prose())),
                (Some(of), false) => format!("{} (of {of})", c.shown(lang.prose())),
                (None, _) => c.shown(lang.prose()),
            };
            head(&c.label, &value, &date(&c.when, lang), lang) + &source(&c.source, lang)
        }
        RecordRef::Event(i) => {
            let e = ds.events.get(i)?;
            let st = chronology.status(e, as_of);
            let mut status = st.describe(lang);
            if let Some(d) = as_of.filter(|_| st.is_relative()) {
                status.push_str(&on(d));
            }
            head(&e.label, &date(&e.when, lang), &status, lang) + &source(&e.source, lang)
        }
        RecordRef::Project(i) => {
            let p = ds.projects.get(i)?;
            let mut paragraphs: Vec<u32> = p
                .events
                .iter()
                .chain(&p.figures)
                .filter_map(|id| Some(data.record_by_id(id)?.source()?.paragraph))
                .collect();
            paragraphs.sort_unstable();
            paragraphs.dedup();
            let list = |sep: &str| {
                paragraphs
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            // The summary is the dataset's words, as of the report, not the
            // article's: say so.
            let whose = match (zh(lang), chronology.report) {
                (true, Some(r)) => format!("数据集摘要，截至{}", crate::fmt::zh_date(r)),
                (true, None) => "数据集摘要".to_string(),
                (false, Some(r)) => format!("the dataset's summary as of {}", crate::fmt::iso(r)),
                (false, None) => "the dataset's summary".to_string(),
            };
            match (zh(lang), paragraphs.len()) {
                (true, 0) => format!("{}：{}（{whose}）", p.name.zh, p.summary.zh),
                (true, _) => format!(
                    "{}：{}（{whose}；数字出自第{}段）",
                    p.name.zh,
                    p.summary.zh,
                    list("、")
                ),
                (false, n) => format!(
                    "{}: {} ({whose}{})",
                    p.name.get(lang),
                    p.summary.get(lang),
                    match n {
                        0 => String::new(),
                        1 => format!("; figures from paragraph {}", list("")),
                        _ => format!("; figures from paragraphs {}", list(", ")),
                    }
                ),
            }
        }
        RecordRef::Person(i) => {
            let x = ds.people.get(i)?;
            person_sentence(data, x, lang) + &source(&x.source, lang)
        }
        RecordRef::Place(_) | RecordRef::Organisation(_) => return None,
    };
    Some(sanitize::clean(&s).into_owned())
}

/// A check as a sentence: what was checked, and whether it held.
pub fn check_sentence(data: &Loaded, i: usize, lang: Lang) -> Option<String> {
    let c = data.checks.get(i)?;
    let verdict = match (zh(lang), c.passed) {
        (true, true) => "通过",
        (true, false) => "未通过",
        (false, true) => "passed",
        (false, false) => "failed",
    };
    let kind = c.kind.label();
    // What was checked: the subject's label where it has one, with the
    // paragraph it was read from.
    // Only a sourced record (a rate, count or event) is named.
    let (label, para) = match data.record_by_id(&c.subject) {
        Some(r) => match r.source() {
            Some(src) => (Some(r.label()), Some(src.paragraph)),
            None => (None, None),
        },
        None => (None, None),
    };
    let s = if zh(lang) {
        let what = label.map_or_else(|| c.subject.clone(), |l| l.zh.clone());
        let at = para.map(|n| format!("（第{n}段）")).unwrap_or_default();
        format!("{}核对：{what}{at}：{}——{verdict}", kind.zh, c.formula.zh)
    } else {
        let mut kind = kind.en.clone();
        if let Some(first) = kind.get(..1) {
            kind = first.to_uppercase() + &kind[1..];
        }
        let what = label.map_or_else(|| c.subject.clone(), |l| l.get(lang).into_owned());
        let at = para
            .map(|n| format!(" (paragraph {n})"))
            .unwrap_or_default();
        format!("{kind} check of {what}{at}: {} — {verdict}", c.formula.en)
    };
    Some(sanitize::clean(&s).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> Loaded {
        crate::data::load(None).unwrap_or_else(|e| panic!("{e}"))
    }

    fn find(data: &Loaded, id: &str) -> RecordRef {
        data.index.get(id).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn a_rate_reads_with_its_fraction_date_and_quote() {
        let data = loaded();
        let c = Chronology::new(&data.dataset);
        let r = find(&data, "rate-rongchang-resumption");
        let en = sentence(&data, &c, r, Lang::En, c.report).unwrap_or_default();
        // 截至目前: the article prints no date for the zone's figures.
        assert!(
            en.contains(": 98.3% (470/478), as of the report — source: paragraph 10, “"),
            "{en}"
        );
        let zh = sentence(&data, &c, r, Lang::Zh, c.report).unwrap_or_default();
        assert!(
            zh.contains("：98.3%（470/478），截至报道时——出处：第10段，“"),
            "{zh}"
        );
    }

    #[test]
    fn chinese_writes_figures_in_the_articles_style() {
        let data = loaded();
        let c = Chronology::new(&data.dataset);
        let s = |id, lang| sentence(&data, &c, find(&data, id), lang, c.report).unwrap_or_default();
        assert!(s("count-linxiang-jobs", Lang::Zh).contains("2.3万多个"));
        assert!(s("count-linxiang-jobs", Lang::En).contains("23,000+ jobs"));
        // The value in digits, one style for every figure; the quote keeps
        // the article's own words.
        let day = s("count-comac-resumption-day", Lang::Zh);
        assert!(day.contains("第42天"), "{day}");
        assert!(day.contains("“安全复工复产第四十二天”"), "{day}");
    }
}
