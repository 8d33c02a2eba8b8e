//! Series: one figure reported on several dates.
//!
//! What makes a series (the rule `check`, the as-of view, the charts,
//! `read` and `export` share):
//! - rates with the same label (both languages), organisation and place;
//! - counts with the same label, organisation, place, unit (both
//!   languages) and category: 1.5万名 workers and 1.5万个 masks are two
//!   series even where a label repeats.
//!
//! A series' points are ordered by the date each is known from (see
//! [`reported`]): two points of one series on one date would hide each
//! other, and `check` refuses them.
//!
//! A change (提高5.6个百分点) of a rate or count implies the value it
//! changed from: the figure minus the change. Its date is the change's
//! `from` where the article says, else the series' previous point's.
//!
//! The index is built once, in one sort, with no list per series: the
//! points of all series sit in one vector, each series a range of it.

use std::collections::HashMap;

use time::Date;

use super::index::{Index, RecordRef};
use super::model::{Category, Change, Dataset, Qualifier, Relation, Text, When};

/// When a rate or count is known, given the report date (the latest date
/// the dataset reports): its date, unless it runs "since" a date or has
/// none, when it is as of the report.
pub fn reported(when: &When, report: Option<Date>) -> Option<Date> {
    match (when.date, when.relation) {
        (Some(d), Relation::On | Relation::AsOf | Relation::Before) => Some(d),
        _ => report,
    }
}

/// The latest date the dataset reports: a dated rate or count, or an event
/// that happened. `None` when nothing has a date.
pub fn report_date(ds: &Dataset) -> Option<Date> {
    let stated = |w: &When| match w.relation {
        Relation::On | Relation::AsOf | Relation::Before => w.date,
        Relation::Since => None,
    };
    ds.rates
        .iter()
        .map(|r| stated(&r.when))
        .chain(ds.counts.iter().map(|c| stated(&c.when)))
        .chain(
            ds.events
                .iter()
                .filter(|e| e.status == super::model::EventStatus::Done)
                .map(|e| e.when.date),
        )
        .flatten()
        .max()
}

/// Which records a series holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Rate,
    Count,
}

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Rate => "rates",
            Kind::Count => "counts",
        }
    }
}

/// The series of one kind of record.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    /// Every record's index, grouped by series and ordered by date within.
    points: Vec<u32>,
    /// Where each series starts in `points`; one more entry than series.
    starts: Vec<u32>,
    /// For each record: its series, and its position in `points`.
    line: Vec<u32>,
    at: Vec<u32>,
    /// Each record's date known, as `points` is ordered.
    known: Vec<Option<Date>>,
}

impl Lines {
    fn new<'a, K: std::hash::Hash + Eq + 'a>(
        keys: impl ExactSizeIterator<Item = (K, Option<Date>)>,
    ) -> Lines {
        let n = keys.len();
        // Number the series (hashed fast, seeded per process so no dataset
        // can be made to collide), then sort once by series and date.
        let mut numbers: HashMap<K, u32, foldhash::fast::RandomState> =
            HashMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default());
        let mut members: Vec<(u32, Option<Date>, u32)> = Vec::with_capacity(n);
        let mut known = Vec::with_capacity(n);
        for (i, (key, date)) in keys.enumerate() {
            let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
            let line = *numbers.entry(key).or_insert(next);
            members.push((line, date, u32::try_from(i).unwrap_or(u32::MAX)));
            known.push(date);
        }
        members.sort_unstable();
        let series = numbers.len();
        let mut starts = Vec::with_capacity(series + 1);
        let mut line = vec![0; n];
        let mut at = vec![0; n];
        let mut points = Vec::with_capacity(n);
        for (pos, &(l, _, i)) in members.iter().enumerate() {
            while starts.len() <= l as usize {
                starts.push(u32::try_from(pos).unwrap_or(u32::MAX));
            }
            line[i as usize] = l;
            at[i as usize] = u32::try_from(pos).unwrap_or(u32::MAX);
            points.push(i);
        }
        while starts.len() <= series {
            starts.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
        Lines {
            points,
            starts,
            line,
            at,
            known,
        }
    }

    /// How many series there are.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records of series `s`, oldest first.
    pub fn points(&self, s: usize) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.starts.get(s), self.starts.get(s + 1)) else {
            return &[];
        };
        self.points.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// The series record `i` belongs to.
    pub fn of(&self, i: usize) -> Option<usize> {
        self.line.get(i).map(|&l| l as usize)
    }

    /// The records of record `i`'s series, oldest first.
    pub fn with(&self, i: usize) -> &[u32] {
        self.of(i).map_or(&[], |s| self.points(s))
    }

    /// The records of `i`'s series known on `as_of` (all, with no date),
    /// oldest first: a prefix of [`Lines::with`].
    pub fn known_with(&self, i: usize, as_of: Option<Date>) -> &[u32] {
        let all = self.with(i);
        let Some(d) = as_of else { return all };
        let n = all.partition_point(|&p| {
            self.known
                .get(p as usize)
                .copied()
                .flatten()
                .is_none_or(|k| k <= d)
        });
        &all[..n]
    }

    /// The record after `i` in its series, if any.
    pub fn next(&self, i: usize) -> Option<usize> {
        let at = *self.at.get(i)? as usize;
        let &n = self.points.get(at + 1)?;
        (self.line.get(n as usize) == self.line.get(i)).then_some(n as usize)
    }

    /// The record before `i` in its series, if any.
    pub fn previous(&self, i: usize) -> Option<usize> {
        let at = (*self.at.get(i)? as usize).checked_sub(1)?;
        let &p = self.points.get(at)?;
        (self.line.get(p as usize) == self.line.get(i)).then_some(p as usize)
    }

    /// The date record `i` is known from.
    pub fn known(&self, i: usize) -> Option<Date> {
        self.known.get(i).copied().flatten()
    }

    /// Records of one series known on one date, as (earlier, later) record
    /// pairs: each would hide the other.
    fn same_date(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.points.windows(2).filter_map(|w| {
            let (a, b) = (w[0] as usize, w[1] as usize);
            (self.line.get(a) == self.line.get(b) && self.known(a) == self.known(b))
                .then_some((a.min(b), a.max(b)))
        })
    }
}

/// Every series of a dataset.
#[derive(Debug, Clone, Default)]
pub struct Series {
    pub rates: Lines,
    pub counts: Lines,
    /// The dataset's report date, which undated points are known from.
    pub report: Option<Date>,
    /// Each change of a rate or count, by the record it is of: (kind,
    /// record, change), sorted. Filled by [`Series::link`].
    changes: Vec<(Kind, u32, u32)>,
    /// Every series' points to draw, rates then counts. Filled by
    /// [`Series::link`].
    plots: [Plots; 2],
}

/// One point of a series to draw: a dated report, or the value a change
/// implies on a date nothing reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub date: Date,
    pub value: f64,
    pub qualifier: Qualifier,
    /// Implied by a change (99% less 73 points), not reported.
    pub derived: bool,
    /// The rate or count reported, or the change that implies it.
    pub record: u32,
    /// The date it is known from (a value a change implies is known when
    /// both the change and what it is of are); `None`: always.
    pub known: Option<Date>,
}

/// The points of every series of one kind, in one vector: series `s` is
/// `points[starts[s]..starts[s + 1]]`, oldest first.
#[derive(Debug, Clone, Default)]
struct Plots {
    points: Vec<Plot>,
    starts: Vec<u32>,
}

/// The value a change implies its figure had before, and where that is
/// reported, if it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Implied {
    pub kind: Kind,
    /// The record that changed.
    pub of: usize,
    /// Its value minus the change.
    pub value: f64,
    /// The date it is the value of: the change's `from`, or the series'
    /// previous point's date; `None` when neither says.
    pub date: Option<Date>,
    /// The point of the series on that date, when the series has one.
    pub reported: Option<usize>,
}

impl Series {
    pub fn new(ds: &Dataset) -> Series {
        let report = report_date(ds);
        type RateKey<'a> = (&'a Text, Option<&'a str>, Option<&'a str>);
        type CountKey<'a> = (RateKey<'a>, &'a Text, &'a Category);
        let rates = Lines::new(ds.rates.iter().map(|r| -> (RateKey<'_>, _) {
            (
                (&r.label, r.organisation.as_deref(), r.place.as_deref()),
                reported(&r.when, report),
            )
        }));
        let counts = Lines::new(ds.counts.iter().map(|c| -> (CountKey<'_>, _) {
            (
                (
                    (&c.label, c.organisation.as_deref(), c.place.as_deref()),
                    &c.unit,
                    &c.category,
                ),
                reported(&c.when, report),
            )
        }));
        Series {
            rates,
            counts,
            report,
            changes: Vec::new(),
            plots: Default::default(),
        }
    }

    /// Files each change under the rate or count it is of, once the ids
    /// are known.
    pub fn link(&mut self, ds: &Dataset, index: &Index) {
        self.changes = ds
            .changes
            .iter()
            .enumerate()
            .filter_map(|(j, c)| {
                let (kind, i) = match index.get(c.of.as_deref()?)? {
                    RecordRef::Rate(i) => (Kind::Rate, i),
                    RecordRef::Count(i) => (Kind::Count, i),
                    _ => return None,
                };
                Some((kind, u32::try_from(i).ok()?, u32::try_from(j).ok()?))
            })
            .collect();
        self.changes.sort_unstable();
        self.plots = [Kind::Rate, Kind::Count].map(|kind| self.plot(ds, kind));
    }

    /// The points of every series of `kind`: its dated reports and, on
    /// dates none reports, the values its changes imply (a date implied
    /// twice keeps the first). Undated reports cannot be placed on a time
    /// axis and are left out.
    fn plot(&self, ds: &Dataset, kind: Kind) -> Plots {
        let lines = self.lines(kind);
        let mut plots = Plots {
            points: Vec::with_capacity(lines.points.len()),
            starts: Vec::with_capacity(lines.len() + 1),
        };
        let mut out: Vec<Plot> = Vec::new();
        let mut derived: Vec<Plot> = Vec::new();
        let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for s in 0..lines.len() {
            plots.starts.push(index(plots.points.len()));
            out.clear();
            derived.clear();
            for &m in lines.points(s) {
                let m = m as usize;
                let (when, value, qualifier) = match kind {
                    Kind::Rate => {
                        let r = &ds.rates[m];
                        (&r.when, r.value, r.qualifier)
                    }
                    Kind::Count => {
                        let c = &ds.counts[m];
                        (&c.when, c.value as f64, c.qualifier)
                    }
                };
                let known = reported(when, self.report);
                if let Some(date) = when.date {
                    out.push(Plot {
                        date,
                        value,
                        qualifier,
                        derived: false,
                        record: index(m),
                        known,
                    });
                }
                for j in self.changes_of(kind, m) {
                    let c = &ds.changes[j];
                    if let Some(Implied {
                        value,
                        date: Some(date),
                        reported: None,
                        ..
                    }) = self.implied(ds, c, kind, m)
                    {
                        derived.push(Plot {
                            date,
                            value,
                            qualifier,
                            derived: true,
                            record: index(j),
                            known: known.max(reported(&c.when, self.report)),
                        });
                    }
                }
            }
            // In date order already (a series' records are by the date they
            // are known from): the sort only checks, and each look below
            // is a search.
            out.sort_by_key(|p| p.date);
            derived.retain(|d| out.binary_search_by_key(&d.date, |p| p.date).is_err());
            derived.sort_by_key(|d| d.date);
            derived.dedup_by_key(|d| d.date);
            out.append(&mut derived);
            out.sort_by_key(|p| p.date);
            plots.points.extend_from_slice(&out);
        }
        plots.starts.push(index(plots.points.len()));
        plots
    }

    /// The points of record `i`'s series, oldest first (see [`Plot`]).
    pub fn plotted(&self, kind: Kind, i: usize) -> &[Plot] {
        let plots = &self.plots[kind as usize];
        let Some(s) = self.lines(kind).of(i) else {
            return &[];
        };
        let (Some(&a), Some(&b)) = (plots.starts.get(s), plots.starts.get(s + 1)) else {
            return &[];
        };
        plots.points.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// Whether any series of `kind` may have two points to draw: one with
    /// two reports, or a report with a change. Cheap: for the layout.
    pub fn may_chart(&self, kind: Kind) -> bool {
        let lines = self.lines(kind);
        (0..lines.len()).any(|s| lines.points(s).len() > 1)
            || self.changes.iter().any(|&(k, _, _)| k == kind)
    }

    /// The changes of record `i` (a rate or a count), in the dataset's order.
    pub fn changes_of(&self, kind: Kind, i: usize) -> impl Iterator<Item = usize> + '_ {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let from = self
            .changes
            .partition_point(|&(k, r, _)| (k, r) < (kind, i));
        self.changes[from..]
            .iter()
            .take_while(move |&&(k, r, _)| (k, r) == (kind, i))
            .map(|&(_, _, j)| j as usize)
    }

    pub fn lines(&self, kind: Kind) -> &Lines {
        match kind {
            Kind::Rate => &self.rates,
            Kind::Count => &self.counts,
        }
    }

    /// Every pair of records of one series on one date, earlier index first.
    pub fn clashes(&self) -> impl Iterator<Item = (Kind, usize, usize)> + '_ {
        [Kind::Rate, Kind::Count]
            .into_iter()
            .flat_map(|k| self.lines(k).same_date().map(move |(a, b)| (k, a, b)))
    }

    /// [`Series::clashes`] as "rates[7]: ..." problems for `check`.
    pub fn same_date_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (kind, a, b) in self.clashes() {
            let what = match kind {
                Kind::Rate => "label, organisation and place",
                Kind::Count => "label, organisation, place, unit and category",
            };
            let lines = self.lines(kind);
            {
                let date = lines
                    .known(a)
                    .map_or_else(|| "no date".to_string(), crate::fmt::iso);
                out.push(format!(
                    "{p}[{b}]: one series with {p}[{a}] (the same {what}) on the same date \
                     ({date}), so one would hide the other; give one a different label or date",
                    p = kind.path(),
                ));
            }
        }
        out
    }

    /// What a change implies its figure had before, when it names a rate
    /// or count (`of` resolved to `kind` and index by the caller).
    pub fn implied(&self, ds: &Dataset, c: &Change, kind: Kind, of: usize) -> Option<Implied> {
        let now = match kind {
            Kind::Rate => ds.rates.get(of)?.value,
            Kind::Count => ds.counts.get(of)?.value as f64,
        };
        let lines = self.lines(kind);
        let previous = lines.previous(of);
        let (date, reported) = match c.from.as_ref().and_then(|w| w.date) {
            Some(d) => {
                // The series is in the order of its known dates: a search.
                let all = lines.with(of);
                let from = all.partition_point(|&p| lines.known(p as usize) < Some(d));
                let at = all[from..]
                    .iter()
                    .map(|&p| p as usize)
                    .take_while(|&p| lines.known(p) == Some(d))
                    .find(|&p| p != of);
                (Some(d), at)
            }
            None => (previous.and_then(|p| lines.known(p)), previous),
        };
        Some(Implied {
            kind,
            of,
            value: now - c.value,
            date,
            reported,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Precision, Rate, Source};

    fn date(m: u8, d: u8) -> Date {
        Date::from_calendar_date(2020, time::Month::try_from(m).unwrap(), d).unwrap()
    }

    fn rate(id: &str, label: &str, value: f64, on: Option<Date>) -> Rate {
        Rate {
            id: id.into(),
            label: Text {
                zh: label.into(),
                en: String::new(),
            },
            value,
            qualifier: Default::default(),
            figure: format!("{value}%"),
            numerator: None,
            denominator: None,
            organisation: None,
            place: None,
            when: When {
                date: on,
                precision: if on.is_some() {
                    Precision::Day
                } else {
                    Precision::Undated
                },
                relation: Relation::AsOf,
                ..When::default()
            },
            source: Source {
                paragraph: 1,
                quote: String::new(),
            },
        }
    }

    fn dataset(rates: Vec<Rate>) -> Dataset {
        let mut ds = crate::data::check::fixtures::minimal();
        ds.rates = rates;
        ds
    }

    #[test]
    fn a_series_is_its_points_in_date_order() {
        let ds = dataset(vec![
            rate("a3", "复工率", 99.0, Some(date(2, 28))),
            rate("b", "到岗率", 80.0, Some(date(2, 28))),
            rate("a1", "复工率", 26.0, Some(date(2, 10))),
            rate("a2", "复工率", 98.0, Some(date(2, 27))),
        ]);
        let s = Series::new(&ds);
        assert_eq!(s.rates.len(), 2);
        assert_eq!(s.rates.with(0), &[2, 3, 0]);
        assert_eq!(s.rates.with(1), &[1]);
        assert_eq!(s.rates.previous(0), Some(3));
        assert_eq!(s.rates.previous(2), None);
        assert_eq!(s.rates.next(2), Some(3));
        assert_eq!(s.rates.next(0), None);
        assert_eq!(s.rates.next(1), None, "not into the next series");
        assert_eq!(s.rates.known_with(0, Some(date(2, 27))), &[2, 3]);
        assert_eq!(s.rates.known_with(0, Some(date(2, 1))), &[] as &[u32]);
        assert_eq!(s.rates.known_with(0, None), &[2, 3, 0]);
        assert!(s.same_date_problems().is_empty());
    }

    #[test]
    fn the_same_label_in_another_place_or_unit_is_another_series() {
        let mut ds = dataset(vec![
            rate("a", "复工率", 90.0, Some(date(2, 28))),
            rate("b", "复工率", 95.0, Some(date(2, 28))),
        ]);
        ds.rates[1].place = Some("place-a".into());
        assert_eq!(Series::new(&ds).rates.len(), 2);
        let mut c = ds.counts[0].clone();
        c.unit.zh = "个".into();
        ds.counts.push(c);
        let s = Series::new(&ds);
        assert_eq!(
            s.counts.len(),
            ds.counts.len(),
            "a unit apart is a series apart"
        );
        assert!(s.same_date_problems().is_empty());
    }

    #[test]
    fn two_points_of_a_series_on_one_date_are_a_problem() {
        let ds = dataset(vec![
            rate("a", "复工率", 90.0, Some(date(2, 28))),
            rate("b", "复工率", 95.0, Some(date(2, 28))),
            rate("c", "复工率", 96.0, Some(date(3, 1))),
        ]);
        assert_eq!(
            Series::new(&ds).same_date_problems(),
            [
                "rates[1]: one series with rates[0] (the same label, organisation and place) \
              on the same date (2020-02-28), so one would hide the other; give one a \
              different label or date"
            ]
        );
    }

    #[test]
    fn a_change_implies_the_value_before_it() {
        let ds = dataset(vec![
            rate("a1", "复工面", 26.0, Some(date(2, 10))),
            rate("a2", "复工面", 99.0, Some(date(2, 28))),
        ]);
        let s = Series::new(&ds);
        let mut c = crate::data::model::Change {
            id: "c".into(),
            label: ds.rates[1].label.clone(),
            value: 73.0,
            unit: Text::default(),
            of: Some("a2".into()),
            figure: "73".into(),
            when: ds.rates[1].when.clone(),
            from: None,
            source: ds.rates[1].source.clone(),
        };
        // Against the previous point, when the change does not say.
        let i = s.implied(&ds, &c, Kind::Rate, 1).unwrap();
        assert_eq!(
            (i.value, i.date, i.reported),
            (26.0, Some(date(2, 10)), Some(0))
        );
        // Against the date it names, reported there or not.
        c.from = Some(When {
            date: Some(date(2, 27)),
            precision: Precision::Day,
            ..When::default()
        });
        c.value = 1.0;
        let i = s.implied(&ds, &c, Kind::Rate, 1).unwrap();
        assert_eq!(
            (i.value, i.date, i.reported),
            (98.0, Some(date(2, 27)), None)
        );
    }
}
