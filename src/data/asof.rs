//! What was known on a date: the dashboard's "as of" view of a dataset.
//!
//! Nothing here changes the data. A [`Chronology`] is computed once per
//! dataset; asking what is known on a date is then a comparison per record.
//!
//! The rules:
//! - A rate or count is known from the date it reports (`on`, `as_of`,
//!   `before`). A figure that runs "since" a date, or has no date, is known
//!   from the report: the latest date the dataset reports.
//! - An event that happened is known from its date (an undated one from the
//!   report). A planned milestone is known from the report that states it;
//!   from then on its status is computed against the date: due in N days,
//!   or past due with no report.
//! - Records of one series (see [`super::series`]) are one figure over
//!   time: the Overview shows only the latest of each known on the date.

use std::sync::Arc;

use time::{Date, Month};

use super::model::{Dataset, Event, EventStatus, Lang, Precision, Relation, When};
use super::series::Series;

/// The dates of a dataset that the as-of date moves between.
#[derive(Debug, Clone, Default)]
pub struct Chronology {
    /// The latest date the dataset reports (a dated rate, count or event
    /// that happened): the default as-of date, and the date undated figures
    /// are known from. `None` when nothing in the dataset has a date.
    pub report: Option<Date>,
    /// The distinct calendar dates of events, ascending: where `[` and `]` stop.
    pub stops: Vec<Date>,
    /// The earliest and latest calendar dates of any record.
    pub span: Option<(Date, Date)>,
    /// Every series: what the as-of date shows the latest of (shared with
    /// the loaded data, not copied).
    series: Arc<Series>,
}

/// A milestone's or event's state on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Happened on or before the date.
    Done,
    /// Happened on or before the date; the date is computed, not stated.
    Derived,
    /// Happens after the as-of date, on this date.
    Later(Date),
    /// A planned milestone whose plan was reported after the as-of date.
    Unannounced(Date),
    /// Planned and due in `days` (0: due that day). `approx` when the due
    /// date is a mid-month or month-end estimate.
    Due { days: i64, approx: bool },
    /// Planned, due `days` ago, and not reported done though the data
    /// reports past the due date.
    Overdue { days: i64, approx: bool },
    /// Planned, due after the data's last report (this date), and the
    /// as-of date is past it: the data cannot say whether it was done.
    NoReport(Date),
    /// Planned with no calendar date (入冬前).
    Planned,
}

impl Status {
    /// Whether the record is shown as not yet known on the date.
    pub fn is_later(self) -> bool {
        matches!(self, Status::Later(_) | Status::Unannounced(_))
    }

    /// Whether the status depends on the as-of date, so that a sentence
    /// quoting it must say which date.
    pub fn is_relative(self) -> bool {
        !matches!(self, Status::Done | Status::Derived | Status::Planned)
    }

    /// A short status for a table cell: "done", "due in 204 d", "not yet: 03-22".
    pub fn short(self, lang: Lang) -> String {
        let zh = lang.prose() == Lang::Zh;
        let tilde = |approx: bool| match (approx, zh) {
            (true, true) => "约",
            (true, false) => "~",
            _ => "",
        };
        match self {
            Status::Done => lang.pick("已完成", "done").to_string(),
            Status::Derived => lang.pick("推算", "derived").to_string(),
            Status::Later(d) if zh => format!("{}发生", zh_day(d)),
            Status::Later(d) => format!("not yet: {}", month_day(d)),
            Status::Unannounced(d) if zh => format!("{}公布", zh_day(d)),
            Status::Unannounced(d) => format!("announced {}", month_day(d)),
            Status::Due { days: 0, approx } if zh => format!("{}今日到期", tilde(approx)),
            Status::Due { days: 0, approx } => format!("due {}today", tilde(approx)),
            Status::Due { days, approx } if zh => {
                format!("{}{}天后到期", tilde(approx), zh_number(days))
            }
            Status::Due { days, approx } => format!("due in {}{} d", tilde(approx), group(days)),
            Status::Overdue { days, approx } if zh => {
                format!("逾期{}{}天", tilde(approx), zh_number(days))
            }
            Status::Overdue { days, approx } => {
                format!("past due {}{} d", tilde(approx), group(days))
            }
            Status::NoReport(r) if zh => format!("{}后无报道", zh_day(r)),
            Status::NoReport(r) => format!("no report after {}", month_day(r)),
            Status::Planned => lang.pick("计划", "planned").to_string(),
        }
    }

    /// The status as a phrase for sentences and the detail popup.
    pub fn describe(self, lang: Lang) -> String {
        let zh = lang.prose() == Lang::Zh;
        let about = |approx: bool| match (approx, zh) {
            (true, true) => "约",
            (true, false) => "about ",
            _ => "",
        };
        match self {
            Status::Done => lang.pick("已完成", "done").to_string(),
            Status::Derived => lang
                .pick("已完成（日期为推算）", "done (date derived)")
                .to_string(),
            Status::Later(d) if zh => format!("{}发生，晚于所选日期", crate::fmt::zh_date(d)),
            Status::Later(d) => format!("happens on {}, after the as-of date", crate::fmt::iso(d)),
            Status::Unannounced(d) if zh => {
                format!("计划，{}公布，晚于所选日期", crate::fmt::zh_date(d))
            }
            Status::Unannounced(d) => format!(
                "planned, announced on {}, after the as-of date",
                crate::fmt::iso(d)
            ),
            Status::Due { days: 0, .. } => lang
                .pick("计划，今日到期", "planned, due today")
                .to_string(),
            Status::Due { days, approx } if zh => {
                format!("计划，{}{}天后到期", about(approx), zh_number(days))
            }
            Status::Due { days, approx } => format!(
                "planned, due in {}{} {}",
                about(approx),
                group(days),
                days_word(days)
            ),
            Status::Overdue { days, approx } if zh => {
                format!("已逾期{}{}天，未见完成报道", about(approx), zh_number(days))
            }
            Status::Overdue { days, approx } => format!(
                "past due by {}{} {}, with no report",
                about(approx),
                group(days),
                days_word(days)
            ),
            Status::NoReport(r) if zh => format!(
                "计划，到期日晚于数据的最后报道（{}），无从得知是否完成",
                crate::fmt::zh_date(r)
            ),
            Status::NoReport(r) => format!(
                "planned, due after the data's last report ({}): whether it was done is not known",
                crate::fmt::iso(r)
            ),
            Status::Planned => lang.pick("计划", "planned").to_string(),
        }
    }
}

/// 43964 → "43,964".
fn group(n: i64) -> String {
    crate::fmt::group(n.unsigned_abs())
}

/// 43964 → "43964", 20000 → "2万".
fn zh_number(n: i64) -> String {
    crate::fmt::number(n.unsigned_abs(), true)
}

fn days_word(n: i64) -> &'static str {
    if n == 1 { "day" } else { "days" }
}

/// "03-22".
fn month_day(d: Date) -> String {
    crate::fmt::month_day(d, false)
}

/// "3月25日", as the article writes a day.
fn zh_day(d: Date) -> String {
    crate::fmt::month_day(d, true)
}

/// A figure reported after the as-of date, in a table cell: "reported 03-25".
pub fn reported_short(d: Date, lang: Lang) -> String {
    match lang.prose() {
        Lang::Zh => format!("{}报道", zh_day(d)),
        _ => format!("reported {}", month_day(d)),
    }
}

pub use super::series::reported;

/// When an event that happened is known: its date, or else the report's.
fn happened(e: &Event, report: Option<Date>) -> Option<Date> {
    e.when.date.or(report)
}

/// Whether something known from `known` is known on `as_of`. With no as-of
/// date (a dataset without dates) everything is.
pub fn is_known(known: Option<Date>, as_of: Option<Date>) -> bool {
    match (known, as_of) {
        (Some(k), Some(d)) => k <= d,
        _ => true,
    }
}

impl Chronology {
    pub fn new(ds: &Dataset) -> Chronology {
        Chronology::with_series(ds, Arc::new(Series::new(ds)))
    }

    /// As [`Chronology::new`], with the dataset's series already found.
    pub fn with_series(ds: &Dataset, series: Arc<Series>) -> Chronology {
        let report = series.report;
        // Where `[` and `]` stop: each event's date, and each date a rate or
        // count is reported as of (a series' report dates).
        let reported = |w: &When| match w.relation {
            Relation::On | Relation::AsOf => w.date,
            _ => None,
        };
        let mut stops: Vec<Date> = ds
            .events
            .iter()
            .filter_map(|e| e.when.date)
            .chain(ds.rates.iter().filter_map(|r| reported(&r.when)))
            .chain(ds.counts.iter().filter_map(|c| reported(&c.when)))
            .collect();
        stops.sort_unstable();
        stops.dedup();
        let all = ds
            .rates
            .iter()
            .map(|r| r.when.date)
            .chain(ds.counts.iter().map(|c| c.when.date))
            .flatten()
            .chain(stops.iter().copied());
        let span = all.fold(None, |acc: Option<(Date, Date)>, d| match acc {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        });
        Chronology {
            report,
            stops,
            span,
            series,
        }
    }

    /// The dataset's series.
    pub fn series(&self) -> &Series {
        &self.series
    }

    /// The Overview's headline figures on `as_of`: the largest counts of
    /// people, jobs and enterprises known then (the latest of each series),
    /// largest first, at most ten.
    pub fn headline(&self, ds: &Dataset, as_of: Option<Date>) -> Vec<usize> {
        const MAX: usize = 10;
        let mut v: Vec<usize> = (0..ds.counts.len())
            .filter(|&i| ds.counts[i].is_headline() && self.count_is_latest(ds, i, as_of))
            .collect();
        v.sort_by_key(|&i| std::cmp::Reverse(ds.counts[i].value));
        v.truncate(MAX);
        v
    }

    /// The date the dashboard opens on: the latest date reported, or, in a
    /// dataset that reports nothing dated (only plans), its first date.
    pub fn default_date(&self) -> Option<Date> {
        self.report.or(self.span.map(|(first, _)| first))
    }

    /// The first and last dates the dataset holds, if it holds any.
    pub fn span(&self) -> Option<(Date, Date)> {
        self.span
    }

    /// Whether rate `i` is the latest of its series known on `as_of`.
    pub fn rate_is_latest(&self, ds: &Dataset, i: usize, as_of: Option<Date>) -> bool {
        let next = self
            .series
            .rates
            .next(i)
            .map(|n| self.series.rates.known(n));
        self.is_latest(&ds.rates[i].when, next.as_ref(), as_of)
    }

    /// Whether count `i` is the latest of its series known on `as_of`.
    pub fn count_is_latest(&self, ds: &Dataset, i: usize, as_of: Option<Date>) -> bool {
        let next = self
            .series
            .counts
            .next(i)
            .map(|n| self.series.counts.known(n));
        self.is_latest(&ds.counts[i].when, next.as_ref(), as_of)
    }

    /// Known on `as_of`, and the next of its series (`next`) is not yet.
    fn is_latest(&self, when: &When, next: Option<&Option<Date>>, as_of: Option<Date>) -> bool {
        self.later(when, as_of).is_none()
            && !next
                .copied()
                .flatten()
                .is_some_and(|n| is_known(Some(n), as_of))
    }

    /// When a rate or count becomes known, if after `as_of`.
    pub fn later(&self, when: &When, as_of: Option<Date>) -> Option<Date> {
        let known = reported(when, self.report);
        (!is_known(known, as_of)).then_some(known).flatten()
    }

    /// An event's status on `as_of`.
    pub fn status(&self, e: &Event, as_of: Option<Date>) -> Status {
        match e.status {
            EventStatus::Done => {
                let known = happened(e, self.report);
                match (known, as_of) {
                    (Some(k), Some(d)) if k > d => Status::Later(k),
                    _ if e.derivation.is_some() => Status::Derived,
                    _ => Status::Done,
                }
            }
            EventStatus::Planned => {
                // A plan is known from the report that states it.
                if let (Some(r), Some(d)) = (self.report, as_of)
                    && d < r
                {
                    return Status::Unannounced(r);
                }
                let (Some(due), Some(d)) = (e.when.date, as_of) else {
                    return Status::Planned;
                };
                let approx = e.when.precision != Precision::Day;
                let days = (due - d).whole_days();
                if days >= 0 {
                    Status::Due { days, approx }
                } else if let Some(r) = self.report.filter(|&r| due > r) {
                    // Due after everything the data reports: not "past due".
                    Status::NoReport(r)
                } else {
                    Status::Overdue {
                        days: -days,
                        approx,
                    }
                }
            }
        }
    }

    /// The event date before `d`, if any.
    pub fn previous_stop(&self, d: Date) -> Option<Date> {
        let i = self.stops.partition_point(|&s| s < d);
        i.checked_sub(1).map(|i| self.stops[i])
    }

    /// The event date after `d`, if any.
    pub fn next_stop(&self, d: Date) -> Option<Date> {
        self.stops
            .get(self.stops.partition_point(|&s| s <= d))
            .copied()
    }

    /// `d` moved by `months` to day `day` of that month (or its last day
    /// when shorter), staying within the month before the dataset's first
    /// date and the month after its last; `None` when that would leave them.
    /// Keeping `day` across moves makes `{` then `}` return to the start.
    pub fn shift_months(&self, d: Date, months: i32, day: u8) -> Option<Date> {
        let (first, last) = self.span?;
        let lo = add_months(first, -1)?.replace_day(1).ok()?;
        let hi = add_months(last, 1)?;
        let hi = hi
            .replace_day(time::util::days_in_month(hi.month(), hi.year()))
            .ok()?;
        let moved = add_months(d, months)?;
        let moved = moved
            .replace_day(day.min(time::util::days_in_month(moved.month(), moved.year())))
            .ok()?;
        if (lo..=hi).contains(&moved) {
            return Some(moved);
        }
        // From outside the range (a --as-of far away), a move towards it
        // lands at its edge; a move away from it is refused.
        let towards = (months > 0 && d < lo) || (months < 0 && d > hi);
        towards.then(|| moved.clamp(lo, hi))
    }
}

/// `d` plus `months` calendar months; the day is kept, or the month's last
/// day when the month is shorter (01-31 + 1 month = 02-29 in 2020).
pub fn add_months(d: Date, months: i32) -> Option<Date> {
    let index = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months;
    let year = index.div_euclid(12);
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = d.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn embedded() -> Dataset {
        crate::data::load(None)
            .map(|l| l.dataset)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_article_reports_up_to_march_25() {
        let c = Chronology::new(&embedded());
        assert_eq!(c.report, Some(date!(2020 - 03 - 25)));
        assert_eq!(c.stops.first(), Some(&date!(2019 - 11 - 27)));
        assert_eq!(c.stops.last(), Some(&date!(2020 - 10 - 15)));
    }

    #[test]
    fn stops_step_between_event_dates() {
        let c = Chronology::new(&embedded());
        let d = date!(2020 - 03 - 25);
        let next = c.next_stop(d);
        assert_eq!(next, Some(date!(2020 - 05 - 15)));
        assert_eq!(c.previous_stop(date!(2020 - 05 - 15)), Some(d));
        assert_eq!(c.previous_stop(date!(2019 - 11 - 27)), None);
        assert_eq!(c.next_stop(date!(2020 - 10 - 15)), None);
    }

    #[test]
    fn months_keep_the_day_or_the_last_day() {
        assert_eq!(
            add_months(date!(2020 - 01 - 31), 1),
            Some(date!(2020 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2020 - 03 - 25), -3),
            Some(date!(2019 - 12 - 25))
        );
        assert_eq!(
            add_months(date!(2020 - 12 - 15), 1),
            Some(date!(2021 - 01 - 15))
        );
    }

    #[test]
    fn month_steps_stop_a_month_past_the_data() {
        let c = Chronology::new(&embedded());
        // The data runs 2019-11-27 .. 2020-10-15: months Oct 2019 .. Nov 2020.
        let back = |d, day| c.shift_months(d, -1, day);
        let on = |d, day| c.shift_months(d, 1, day);
        assert_eq!(back(date!(2019 - 11 - 27), 27), Some(date!(2019 - 10 - 27)));
        assert_eq!(back(date!(2019 - 10 - 27), 27), None);
        assert_eq!(on(date!(2020 - 10 - 31), 31), Some(date!(2020 - 11 - 30)));
        assert_eq!(on(date!(2020 - 11 - 30), 31), None);
    }

    #[test]
    fn from_far_away_a_month_step_lands_at_the_edge() {
        let c = Chronology::new(&embedded());
        let far = date!(1990 - 01 - 01);
        assert_eq!(c.shift_months(far, 1, 1), Some(date!(2019 - 10 - 01)));
        assert_eq!(c.shift_months(far, -1, 1), None);
        let late = date!(2030 - 01 - 01);
        assert_eq!(c.shift_months(late, -1, 1), Some(date!(2020 - 11 - 30)));
        assert_eq!(c.shift_months(late, 1, 1), None);
    }

    #[test]
    fn month_steps_keep_their_day() {
        let c = Chronology::new(&embedded());
        let mut d = date!(2020 - 03 - 31);
        d = c.shift_months(d, -1, 31).unwrap_or(d);
        assert_eq!(d, date!(2020 - 02 - 29));
        d = c.shift_months(d, 1, 31).unwrap_or(d);
        assert_eq!(d, date!(2020 - 03 - 31));
    }

    #[test]
    fn milestones_are_due_then_past_due() {
        let ds = embedded();
        let c = Chronology::new(&ds);
        let hydro = ds
            .events
            .iter()
            .find(|e| e.id == "event-nangang-hydro-test")
            .unwrap_or_else(|| panic!("no hydro test"));
        assert_eq!(
            c.status(hydro, Some(date!(2020 - 10 - 05))),
            Status::Due {
                days: 10,
                approx: true
            }
        );
        // Due after the data's last report (03-25): past its date, the data
        // cannot say whether it was done.
        assert_eq!(
            c.status(hydro, Some(date!(2020 - 10 - 20))),
            Status::NoReport(date!(2020 - 03 - 25))
        );
        assert_eq!(
            c.status(hydro, Some(date!(2020 - 10 - 20))).short(Lang::En),
            "no report after 03-25"
        );
        // Due before it and not reported done: past due.
        let mut early = hydro.clone();
        early.when.date = Some(date!(2020 - 03 - 25));
        assert_eq!(
            c.status(&early, Some(date!(2020 - 03 - 30))),
            Status::Overdue {
                days: 5,
                approx: true
            }
        );
        let flights = ds
            .events
            .iter()
            .find(|e| e.id == "event-c919-flights")
            .unwrap_or_else(|| panic!("no flights"));
        assert_eq!(
            c.status(flights, Some(date!(2020 - 03 - 21))),
            Status::Later(date!(2020 - 03 - 22))
        );
        assert_eq!(c.status(flights, Some(date!(2020 - 03 - 22))), Status::Done);
        // The plan itself is known from the report, 03-25.
        assert_eq!(
            c.status(hydro, Some(date!(2020 - 03 - 01))),
            Status::Unannounced(date!(2020 - 03 - 25))
        );
        assert_eq!(c.status(flights, None), Status::Done);
    }

    #[test]
    fn undated_figures_are_known_from_the_report() {
        let ds = embedded();
        let c = Chronology::new(&ds);
        let jobs = ds
            .counts
            .iter()
            .position(|x| x.id == "count-linxiang-jobs")
            .unwrap_or_else(|| panic!("no jobs"));
        assert!(!c.count_is_latest(&ds, jobs, Some(date!(2020 - 03 - 24))));
        assert!(c.count_is_latest(&ds, jobs, Some(date!(2020 - 03 - 25))));
        assert_eq!(
            c.later(&ds.counts[jobs].when, Some(date!(2020 - 03 - 01))),
            Some(date!(2020 - 03 - 25))
        );
    }

    #[test]
    fn a_series_shows_its_latest_figure_known() {
        let mut ds = embedded();
        let mut older = ds.rates[1].clone();
        older.id = "older".into();
        older.value = 50.0;
        older.when.date = Some(date!(2020 - 03 - 01));
        ds.rates.push(older);
        let c = Chronology::new(&ds);
        let (new, old) = (1, ds.rates.len() - 1);
        let on = |d| Some(d);
        assert!(c.rate_is_latest(&ds, old, on(date!(2020 - 03 - 10))));
        assert!(!c.rate_is_latest(&ds, new, on(date!(2020 - 03 - 10))));
        assert!(!c.rate_is_latest(&ds, old, on(date!(2020 - 03 - 25))));
        assert!(c.rate_is_latest(&ds, new, on(date!(2020 - 03 - 25))));
        assert!(!c.rate_is_latest(&ds, old, on(date!(2020 - 02 - 01))));
    }
}
