//! `fugong draft`: an article's text becomes a dataset. Every figure the
//! scanner finds becomes a record with its paragraph, the clause around it
//! as its quote, and its characters as its figure; labels are the words
//! around it, in the article's language only. The article's text is carried,
//! so every quote is verified when the draft is loaded.

mod compare;
mod words;
mod year;

use time::{Date, Month, Time};

use compare::{apart, comparisons, previous_day};
use words::{english_unit, event_label, rate_label, source};

use super::load::article_paragraphs;
use super::model::{
    Article, Change, Count, Dataset, Derivation, Event, EventStatus, Precision, Rate, Relation,
    SCHEMA_VERSION, Text, When,
};
use super::scan::{self, DatePrecision, Found, Number, What};

/// The longest paragraph (line) drafted: news paragraphs are a few
/// hundred characters; a longer line is not one paragraph a line.
pub const MAX_PARAGRAPH_BYTES: usize = 64 * 1024;

/// What the person drafting says: the year, the language, a title.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub year: Option<i32>,
    /// `Some(true)` for Chinese, `Some(false)` for English; detected when `None`.
    pub chinese: Option<bool>,
    /// The title, where the text has none (the file's name).
    pub title: String,
}

/// Drafts a dataset from an article's text: UTF-8, one paragraph a line,
/// blank lines ignored. A problem is one line.
pub fn draft(text: &str, opts: &Options) -> Result<Dataset, String> {
    if text.contains('\0') {
        return Err("is not a text file: it holds NUL bytes (a binary file?)".to_string());
    }
    if let Some((n, line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.len() > MAX_PARAGRAPH_BYTES)
    {
        return Err(format!(
            "line {} is {} KiB long; an article has one paragraph a line, of at most {} KiB",
            n + 1,
            line.len() / 1024,
            MAX_PARAGRAPH_BYTES / 1024
        ));
    }
    let paragraphs = article_paragraphs(text);
    if paragraphs.is_empty() {
        return Err("has no paragraphs (every line is blank)".to_string());
    }
    let chinese = opts
        .chinese
        .unwrap_or_else(|| scan::is_chinese(&paragraphs.concat()));
    let found: Vec<Vec<Found>> = paragraphs.iter().map(|p| scan::scan(p, chinese)).collect();
    let year = year::year(&paragraphs, &found, chinese, opts.year);
    // A year given that the text's dates cannot be in: 2月29日 in 2021.
    if let Some(y) = year.value
        && !time::util::is_leap_year(y)
        && let Some(n) = found.iter().position(|fs| {
            fs.iter().any(|f| {
                matches!(&f.what, What::Date(d) if d.month == Some(2) && d.day == Some(29) && d.year.is_none())
            })
        })
    {
        return Err(format!(
            "paragraph {} dates something February 29, which {y} does not have: give a leap year with --year",
            n + 1
        ));
    }
    let mut b = Builder {
        chinese,
        year: year.value,
        rates: Vec::new(),
        counts: Vec::new(),
        events: Vec::new(),
        changes: Vec::new(),
        change_at: Vec::new(),
        ahead: Vec::new(),
        first_event: 0,
        stated: std::collections::HashMap::new(),
    };
    for (i, (p, fs)) in paragraphs.iter().zip(&found).enumerate() {
        b.paragraph(u32::try_from(i + 1).unwrap_or(u32::MAX), p, fs);
    }
    // A derived date agrees with a date the article states, wherever it
    // states it (从2月10日起 comes a paragraph after 第四十二天).
    for e in &mut b.events {
        if e.derivation.is_some()
            && e.agrees_with.is_none()
            && let Some(d) = e.when.date
        {
            e.agrees_with = b.stated.get(&d).cloned();
        }
    }
    // The title given (the file's name), else the article's first words.
    let title = if opts.title.trim().is_empty() {
        let first = paragraphs[0].trim_matches(['　', ' ']);
        first.chars().take(20).collect()
    } else {
        opts.title.clone()
    };
    // A file's name is in no language: it stands for both.
    let title = if opts.title.trim().is_empty() {
        one(chinese, title)
    } else {
        Text {
            zh: title.clone(),
            en: title,
        }
    };
    let n = u32::try_from(paragraphs.len()).map_err(|_| "has too many paragraphs".to_string())?;
    let mut ds = Dataset {
        schema_version: SCHEMA_VERSION,
        title: title.clone(),
        source: Article {
            title,
            paragraphs: n,
            note: Some(Text {
                zh: "由 fugong draft 从原文起草：每个标签取自数字周围的词，只有原文的语言；请核对标签、类别和日期。".to_string(),
                en: "Drafted by fugong draft from the text: each label is the words around its figure, in the article's language only; check the labels, categories and dates.".to_string(),
            }),
            text: Some(paragraphs),
            unrecorded: Vec::new(),
            drafted: true,
        },
        year,
        places: Vec::new(),
        organisations: Vec::new(),
        rates: b.rates,
        counts: b.counts,
        events: b.events,
        projects: Vec::new(),
        people: Vec::new(),
        changes: b.changes,
    };
    apart(&mut ds, chinese);
    Ok(ds)
}

/// A text in the article's language only.
fn one(chinese: bool, s: String) -> Text {
    if chinese {
        Text {
            zh: s,
            en: String::new(),
        }
    } else {
        Text {
            zh: String::new(),
            en: s,
        }
    }
}

struct Builder {
    chinese: bool,
    year: Option<i32>,
    rates: Vec<Rate>,
    counts: Vec<Count>,
    events: Vec<Event>,
    changes: Vec<Change>,
    /// Where each change's figure is in its paragraph.
    change_at: Vec<usize>,
    /// This paragraph's dates, all of them, for figures dated after.
    ahead: Vec<Dated>,
    /// Where this paragraph's events begin, for their ids.
    first_event: usize,
    /// The first stated event of each day, for derived dates to agree with.
    stated: std::collections::HashMap<Date, String>,
}

/// A date found earlier in the paragraph, for the figures after it.
#[derive(Clone)]
struct Dated {
    at: usize,
    when: Option<When>,
    event: Option<usize>,
}

impl Builder {
    fn paragraph(&mut self, n: u32, p: &str, fs: &[Found]) {
        let mut dates: Vec<Dated> = Vec::new();
        // This paragraph's rates, where they are, for the changes after them.
        let mut rates_here: Vec<(usize, String, String)> = Vec::new();
        let first_change = self.changes.len();
        // Rates to match with the counts of the paragraph, once all are read
        // (English writes "98.3 percent, with 470 of 478 firms").
        let mut ratios: Vec<(usize, u32)> = Vec::new();
        let mut last_day: Option<(u8, u8)> = None;
        let first_count = self.counts.len();
        let first_rate = self.rates.len();
        self.first_event = self.events.len();
        let compared = comparisons(p, fs, self.chinese);
        // The dates a change is measured from (较2月10日), where they are.
        let mut froms: Vec<(usize, When)> = Vec::new();
        self.ahead = fs
            .iter()
            .zip(&compared)
            .filter(|(_, c)| !**c)
            .filter_map(|(f, _)| match &f.what {
                What::Date(d) if d.precision != DatePrecision::TimeOnly => Some(Dated {
                    at: f.start,
                    when: self.when(d, d.month, d.day).filter(|w| w.date.is_some()),
                    event: None,
                }),
                _ => None,
            })
            .collect();
        for (f, &is_from) in fs.iter().zip(&compared) {
            let figure = &p[f.start..f.end];
            match &f.what {
                // 较2月10日 is what a change is against: neither an event nor
                // the date of the figures after it.
                What::Date(d) if is_from => {
                    if let Some(w) = self.when(d, d.month, d.day).filter(|w| w.date.is_some()) {
                        froms.push((f.start, w));
                    }
                }
                What::Date(d) => {
                    let (month, day) = match (d.month, d.day, d.precision) {
                        (_, _, DatePrecision::TimeOnly) => match last_day {
                            Some((m, dd)) => (Some(m), Some(dd)),
                            None => (None, None),
                        },
                        (m, dd, _) => (m, dd),
                    };
                    if let (Some(m), Some(dd)) = (month, day) {
                        last_day = Some((m, dd));
                    }
                    let when = self.when(d, month, day);
                    let event = if d.relation == Relation::AsOf
                        || when.is_none() && d.precision != DatePrecision::Winter
                    {
                        None
                    } else {
                        Some(self.event(
                            n,
                            p,
                            f,
                            figure,
                            when.clone().unwrap_or_else(|| When {
                                precision: Precision::Winter,
                                relation: d.relation,
                                ..When::default()
                            }),
                        ))
                    };
                    dates.push(Dated {
                        at: f.start,
                        when: when.filter(|w| w.date.is_some()).map(|w| When {
                            time: None,
                            part_of_day: None,
                            ..w
                        }),
                        event,
                    });
                }
                What::Number(x) => {
                    let when = self.when_of(p, f.start, &dates);
                    self.count(n, p, f, figure, x, when, &dates, first_count);
                }
                What::Percent {
                    value,
                    decimals,
                    qualifier,
                } => {
                    let when = self.when_of(p, f.start, &dates);
                    let label = rate_label(p, f.start, f.end, self.chinese);
                    let id = format!("rate-p{n}-{}", self.rates.len() - first_rate + 1);
                    let r = Rate {
                        id,
                        label: one(self.chinese, label),
                        value: *value,
                        qualifier: *qualifier,
                        figure: figure.to_string(),
                        numerator: None,
                        denominator: None,
                        organisation: None,
                        place: None,
                        when,
                        source: source(n, p, f),
                    };
                    if (0.0..=100.0).contains(value) {
                        ratios.push((self.rates.len(), *decimals));
                        let own = if self.chinese {
                            &r.label.zh
                        } else {
                            &r.label.en
                        };
                        rates_here.push((f.start, r.id.clone(), own.clone()));
                        self.rates.push(r);
                    }
                }
                What::Points { value, .. } => {
                    let when = self.when_of(p, f.start, &dates);
                    let (s, _) = scan::sentence(p, f.start);
                    let before_here: Vec<&(usize, String, String)> = rates_here
                        .iter()
                        .filter(|r| r.0 >= s && r.0 < f.start)
                        .collect();
                    // 分别提高73个百分点、1个百分点: the k-th change after 分别
                    // is of the k-th rate of the sentence; else of the last one.
                    let respectively = p[s..f.start]
                        .rfind("分别")
                        .or_else(|| p[s..f.start].rfind("分別"))
                        .or_else(|| p[s..f.start].find("respectively"));
                    let k = respectively.map(|at| {
                        self.change_at[first_change..]
                            .iter()
                            .filter(|&&a| a >= s + at)
                            .count()
                    });
                    // 较2月10日、2月27日分别提高73个百分点、1个百分点: one
                    // rate against two dates, the k-th change against the
                    // k-th date.
                    let from_here: Vec<&When> = froms
                        .iter()
                        .filter(|(at, _)| *at >= s && *at < f.start)
                        .map(|(_, w)| w)
                        .collect();
                    let from = match (k, from_here.len()) {
                        (_, 0) => previous_day(&p[s..f.start], &when),
                        (Some(k), n) if n > 1 => from_here.get(k).map(|w| (*w).clone()),
                        _ => from_here.last().map(|w| (*w).clone()),
                    };
                    let of = match k {
                        Some(_) if from_here.len() > 1 => before_here.last().copied(),
                        Some(k) => before_here.get(k).copied(),
                        None => before_here.last().copied(),
                    };
                    let words = scan::noun_before(p, f.start, self.chinese)
                        .trim()
                        .to_string();
                    let words = match (words.is_empty(), self.chinese) {
                        (false, _) => words,
                        (true, true) => "变化".to_string(),
                        (true, false) => "change".to_string(),
                    };
                    let label = match of {
                        Some((_, _, l)) if self.chinese => format!("{l}：{words}"),
                        Some((_, _, l)) => format!("{l}: {words}"),
                        None => words,
                    };
                    let k = self.changes.len() - first_change + 1;
                    self.changes.push(Change {
                        id: format!("change-p{n}-{k}"),
                        label: one(
                            self.chinese,
                            if label.is_empty() {
                                figure.to_string()
                            } else {
                                label
                            },
                        ),
                        value: *value,
                        unit: Text {
                            zh: "个百分点".to_string(),
                            en: "percentage points".to_string(),
                        },
                        of: of.map(|(_, id, _)| id.clone()),
                        figure: figure.to_string(),
                        when,
                        from,
                        source: source(n, p, f),
                    });
                    self.change_at.push(f.start);
                }
            }
        }
        for (i, decimals) in ratios {
            if let Some((num, den)) = self.ratio(self.rates[i].value, decimals, first_count) {
                self.rates[i].numerator = Some(num);
                self.rates[i].denominator = Some(den);
            }
        }
    }

    /// The `when` of a found date, or `None` when the year is unknown.
    fn when(&self, d: &scan::DateFound, month: Option<u8>, day: Option<u8>) -> Option<When> {
        if d.precision == DatePrecision::Winter {
            return Some(When {
                precision: Precision::Winter,
                relation: d.relation,
                ..When::default()
            });
        }
        let year = d.year.or(self.year)?;
        let month = Month::try_from(month?).ok()?;
        let day = match d.precision {
            DatePrecision::MidMonth => 15,
            DatePrecision::EndOfMonth => time::util::days_in_month(month, year),
            _ => day?,
        };
        let date = Date::from_calendar_date(year, month, day).ok()?;
        Some(When {
            date: Some(date),
            time: d.time.and_then(|(h, m)| Time::from_hms(h, m, 0).ok()),
            part_of_day: d.part_of_day,
            precision: d.precision.model(),
            relation: d.relation,
        })
    }

    /// The date of a figure: the last one named before it in its sentence,
    /// as of it when the sentence says 截至 or 目前; else undated.
    fn when_of(&self, p: &str, at: usize, dates: &[Dated]) -> When {
        let (s, e) = scan::sentence(p, at);
        let as_of = ["截至", "截止", "目前", "as of", "so far", "to date"]
            .iter()
            .any(|w| p[s..at].contains(w));
        // The last date before it in its sentence; in English also the
        // first after it ("1,500 masks were delivered on March 18").
        let dated = dates
            .iter()
            .rev()
            .find(|d| d.at >= s && d.at < at)
            .and_then(|d| d.when.clone())
            .or_else(|| {
                (!self.chinese)
                    .then(|| self.ahead.iter().find(|d| d.at > at && d.at < e))
                    .flatten()
                    .and_then(|d| d.when.clone())
            });
        match dated {
            Some(w) => When {
                relation: if as_of { Relation::AsOf } else { w.relation },
                ..w
            },
            None => When {
                precision: Precision::Undated,
                relation: if as_of { Relation::AsOf } else { Relation::On },
                ..When::default()
            },
        }
    }

    fn event(&mut self, n: u32, p: &str, f: &Found, figure: &str, when: When) -> usize {
        let (s, e) = scan::sentence(p, f.start);
        // Planned when a word of intent follows the date closely (9月底要完成);
        // 主要 or 需要 further on says nothing of it.
        let near: String = p[f.end..e].chars().take(10).collect();
        let planned = when.relation == Relation::Before
            || [
                "要完成",
                "将",
                "计划",
                "预计",
                "力争",
                "确保",
                "争取",
                "will",
                "plan",
                "expected",
                "due",
            ]
            .iter()
            .any(|w| near.contains(w))
            || near.trim_start_matches(['，', ',', ' ']).starts_with('要')
            || (!self.chinese
                && [" will ", " plans to ", " is to ", " are to ", " due "]
                    .iter()
                    .any(|w| p[s..f.start].contains(w)));
        let label = event_label(p, f.start, f.end, self.chinese);
        let k = self.events.len() - self.first_event + 1;
        let id = format!("event-p{n}-{k}");
        if let (Some(d), Precision::Day) = (when.date, when.precision) {
            self.stated.entry(d).or_insert_with(|| id.clone());
        }
        self.events.push(Event {
            id,
            label: one(self.chinese, label),
            status: if planned {
                EventStatus::Planned
            } else {
                EventStatus::Done
            },
            when,
            figure: Some(figure.to_string()),
            derivation: None,
            agrees_with: None,
            organisation: None,
            place: None,
            source: source(n, p, f),
        });
        self.events.len() - 1
    }

    #[allow(clippy::too_many_arguments)]
    fn count(
        &mut self,
        n: u32,
        p: &str,
        f: &Found,
        figure: &str,
        x: &Number,
        when: When,
        dates: &[Dated],
        first: usize,
    ) {
        let after = scan::noun_after(p, x.unit_end, self.chinese);
        let label = if after.chars().count() >= 2 {
            after.to_string()
        } else {
            scan::noun_before(p, f.start, self.chinese).to_string()
        };
        let label = if label.trim().is_empty() {
            figure.to_string()
        } else {
            label.trim().to_string()
        };
        let unit_en = if x.unit_en.is_empty() {
            english_unit(&x.category).to_string()
        } else {
            x.unit_en.clone()
        };
        let k = self.counts.len() - first + 1;
        let id = format!("count-p{n}-{k}");
        self.counts.push(Count {
            id: id.clone(),
            label: one(self.chinese, label.clone()),
            category: x.category.clone(),
            value: x.value.round().max(0.0) as u64,
            qualifier: x.qualifier,
            ordinal: x.ordinal,
            unit: Text {
                zh: x.unit_zh.clone(),
                en: unit_en,
            },
            figure: figure.to_string(),
            organisation: None,
            place: None,
            when,
            source: source(n, p, f),
        });
        // 3月22日，…第四十二天: day 42 fell on 3月22日, so day 1 is derived.
        let (s, _) = scan::sentence(p, f.start);
        let day_unit = x.unit_zh == "天" || x.unit_en.starts_with("day");
        if x.ordinal && day_unit && x.value >= 1.0 {
            let on = dates
                .iter()
                .rev()
                .find(|d| d.at >= s && d.at < f.start)
                .and_then(|d| d.event);
            if let Some(on) = on {
                self.derive_first_day(n, p, f, &id, on, &label, x.value as i64);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn derive_first_day(
        &mut self,
        n: u32,
        p: &str,
        f: &Found,
        day_id: &str,
        on: usize,
        label: &str,
        day: i64,
    ) {
        let Some(on_date) = self.events[on].when.date else {
            return;
        };
        let Some(first) = on_date.checked_sub(time::Duration::days(day - 1)) else {
            return;
        };
        let on_id = self.events[on].id.clone();
        let k = self.events.len() - self.first_event + 1;
        let label = if self.chinese {
            format!("{label}：第1天（推算）")
        } else {
            format!("{label}: day 1 (derived)")
        };
        self.events.push(Event {
            id: format!("event-p{n}-{k}"),
            label: one(self.chinese, label),
            status: EventStatus::Done,
            when: When {
                date: Some(first),
                ..When::default()
            },
            figure: None,
            derivation: Some(Derivation::DayNumber {
                day: day_id.to_string(),
                on: on_id,
            }),
            agrees_with: None,
            organisation: None,
            place: None,
            source: source(n, p, f),
        });
    }

    /// A rate next to two counts of one unit whose ratio it is (470家 of
    /// 478家, 98.3%) gets them as numerator and denominator.
    fn ratio(&self, value: f64, decimals: u32, first_count: usize) -> Option<(String, String)> {
        let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
        let here: Vec<&Count> = self.counts[first_count..]
            .iter()
            .filter(|c| !c.ordinal)
            .collect();
        for num in &here {
            for den in &here {
                if num.id == den.id
                    || num.unit != den.unit
                    || den.value == 0
                    || num.value > den.value
                {
                    continue;
                }
                let ratio = 100.0 * num.value as f64 / den.value as f64;
                if (ratio - value).abs() <= tolerance {
                    return Some((num.id.clone(), den.id.clone()));
                }
            }
        }
        None
    }
}
