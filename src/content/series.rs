//! A series as points to draw and words to read: its reports, and the
//! values its changes imply where nothing is reported.
//!
//! A point costs no text: the words for one are made only for the points
//! a panel shows ([`Point::shown`], [`Point::day`]).

use time::Date;

use super::ctx::Ctx;
use crate::data::asof::is_known;
use crate::data::series::{Implied, Kind, Plot};
use crate::data::{Change, Lang, Loaded, Qualifier, RecordRef};
use crate::fmt::percent;

/// One value of a series on a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub date: Date,
    pub value: f64,
    pub qualifier: Qualifier,
    /// Implied by a change (99% less 73 points), not reported.
    pub derived: bool,
    /// Known only after the as-of date.
    pub later: bool,
    /// The rate or count reported, or the change that implies it.
    pub record: usize,
}

impl Point {
    /// "98%", ">90%", "4.45万" / "44,500" as the value column writes it in
    /// `lang`.
    pub fn shown(&self, kind: Kind, lang: Lang) -> String {
        let lang = lang.prose();
        match kind {
            Kind::Rate => self.qualifier.show_percent(self.value, lang),
            Kind::Count => self
                .qualifier
                .show(self.value.max(0.0).round() as u64, lang),
        }
    }

    /// "2月10日" / "02-10".
    pub fn day(&self, lang: Lang) -> String {
        day(self.date, lang)
    }
}

/// "2月10日" / "02-10".
pub fn day(d: Date, lang: Lang) -> String {
    crate::fmt::month_day(d, lang.prose() == Lang::Zh)
}

impl Point {
    /// A series' point as seen on the as-of date.
    pub fn of(p: &Plot, as_of: Option<Date>) -> Point {
        Point {
            date: p.date,
            value: p.value,
            qualifier: p.qualifier,
            derived: p.derived,
            later: !is_known(p.known, as_of),
            record: p.record as usize,
        }
    }
}

/// Every dated point of record `i`'s series, oldest first: its reports and,
/// on dates none reports, the values its changes imply (found once, at
/// load: [`crate::data::series::Series::plotted`]).
pub fn points(ctx: &Ctx<'_>, kind: Kind, i: usize) -> Vec<Point> {
    ctx.data
        .series
        .plotted(kind, i)
        .iter()
        .map(|p| Point::of(p, ctx.as_of))
        .collect()
}

/// The last `n` points of record `i`'s series known on the as-of date,
/// oldest first: what a sparkline shows. It costs `n`, not the series.
pub fn known_tail(ctx: &Ctx<'_>, kind: Kind, i: usize, n: usize) -> Vec<Point> {
    let all = ctx.data.series.plotted(kind, i);
    // A point is never known before its date, so none after the as-of
    // date is known.
    let end = ctx
        .as_of
        .map_or(all.len(), |d| all.partition_point(|p| p.date <= d));
    let mut tail: Vec<Point> = all[..end]
        .iter()
        .rev()
        .map(|p| Point::of(p, ctx.as_of))
        .filter(|p| !p.later)
        .take(n)
        .collect();
    tail.reverse();
    tail
}

/// Record `i`'s series to draw `columns` wide: every point when they fit
/// two to a column; else, of each column, the lowest and the highest value
/// and the first value a change implies, with the first and the last point
/// kept. A chart costs its width, not the series.
pub fn chart_points(ctx: &Ctx<'_>, kind: Kind, i: usize, columns: usize) -> Vec<Point> {
    let all = ctx.data.series.plotted(kind, i);
    let of = |p: &Plot| Point::of(p, ctx.as_of);
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        return Vec::new();
    };
    if all.len() <= columns * 2 || columns < 2 {
        return all.iter().map(of).collect();
    }
    let (x0, span) = (
        first.date.to_julian_day(),
        (last.date.to_julian_day() - first.date.to_julian_day()).max(1),
    );
    let column = |p: &Plot| {
        (i64::from(p.date.to_julian_day() - x0) * (columns as i64 - 1) / i64::from(span)) as usize
    };
    let mut out = Vec::with_capacity(columns * 3);
    let mut k = 0;
    while k < all.len() {
        let c = column(&all[k]);
        let mut end = k;
        let (mut lo, mut hi, mut derived) = (k, k, None);
        while end < all.len() && column(&all[end]) == c {
            let p = &all[end];
            if p.value < all[lo].value {
                lo = end;
            }
            if p.value > all[hi].value {
                hi = end;
            }
            if p.derived && derived.is_none() {
                derived = Some(end);
            }
            end += 1;
        }
        let mut picked = vec![lo, hi];
        picked.extend(derived);
        if k == 0 {
            picked.push(0);
        }
        if end == all.len() {
            picked.push(end - 1);
        }
        picked.sort_unstable();
        picked.dedup();
        out.extend(picked.into_iter().map(|x| of(&all[x])));
        k = end;
    }
    out
}

/// A series in one sentence, as known on the as-of date: "Weimei on-post
/// rate rose from 62.5% on 2020-02-20 to 99% on 2020-03-25 (4 reports)".
/// The sentence runs from the first report to the last; the values its
/// changes imply are named apart ("a change implies 26% on 2020-02-10"),
/// so a derived value is never read as reported. With one report, the
/// sentence runs over the implied values too, each marked "(implied)".
/// `None` for fewer than two points.
pub fn sentence(ctx: &Ctx<'_>, kind: Kind, i: usize, label: &str) -> Option<String> {
    // Walks the series without copying it: a sentence costs its words.
    let all = ctx.data.series.plotted(kind, i);
    let known = || {
        all.iter()
            .filter(|p| is_known(p.known, ctx.as_of))
            .map(|p| Point::of(p, ctx.as_of))
    };
    // Fewer than two points is no series.
    known().nth(1)?;
    let reports = known().filter(|p| !p.derived).count();
    let span = |p: &Point| reports < 2 || !p.derived;
    let first = known().find(span)?;
    let last = known().rev().find(span)?;
    // The implied values the sentence does not run from or to: up to four
    // (three are named, more are counted).
    let mut others: Vec<Point> = Vec::new();
    let mut more = 0usize;
    for p in known().filter(|p| p.derived && p.date != first.date && p.date != last.date) {
        if others.len() < 4 {
            others.push(p);
        }
        more += 1;
    }
    let (first, last) = (&first, &last);
    let zh = ctx.lang.prose() == Lang::Zh;
    let date = |d: Date| crate::fmt::date(d, zh);
    // A count says its unit: 4,900,000 people, 4,900,000人.
    let unit = match kind {
        Kind::Rate => String::new(),
        Kind::Count => ctx.data.dataset.counts.get(i).map_or(String::new(), |c| {
            let u = c.unit.get(ctx.lang.prose());
            if zh || u.is_empty() {
                u.into_owned()
            } else {
                format!(" {u}")
            }
        }),
    };
    let amount = |p: &Point| format!("{}{unit}", p.shown(kind, ctx.lang));
    let value = |p: &Point| {
        let v = amount(p);
        match (p.derived, zh) {
            (false, _) => v,
            (true, true) => format!("{v}（推算）"),
            (true, false) => format!("{v} (implied)"),
        }
    };
    let (a, b) = (value(first), value(last));
    let (d0, d1) = (date(first.date), date(last.date));
    let same = last.value == first.value;
    let verb = if last.value > first.value {
        ["升至", "rose"]
    } else {
        ["降至", "fell"]
    };
    // At most three implied values are named; more are counted.
    let named = more <= 3;
    let list = |sep: &str, at: &dyn Fn(&Point) -> String| -> String {
        others.iter().map(at).collect::<Vec<_>>().join(sep)
    };
    Some(if zh {
        let mut n = format!("{reports}次报道");
        if !others.is_empty() {
            if named {
                let l = list("、", &|p| format!("{}{}", date(p.date), amount(p)));
                n.push_str(&format!("；由变化推算：{l}"));
            } else {
                n.push_str(&format!("；另有{more}个值由变化推算"));
            }
        }
        if same {
            format!("{label}从{d0}到{d1}持平于{a}（{n}）")
        } else {
            format!("{label}从{d0}的{a}{}{d1}的{b}（{n}）", verb[0])
        }
    } else {
        let mut n = format!("{reports} report{}", if reports == 1 { "" } else { "s" });
        if !others.is_empty() {
            if named {
                let l = list(" and ", &|p| format!("{} on {}", amount(p), date(p.date)));
                let who = if others.len() == 1 {
                    "a change implies"
                } else {
                    "changes imply"
                };
                n.push_str(&format!("; {who} {l}"));
            } else {
                n.push_str(&format!("; changes imply {more} more values"));
            }
        }
        if same {
            format!("{label} held at {a} from {d0} to {d1} ({n})")
        } else {
            format!("{label} {} from {a} on {d0} to {b} on {d1} ({n})", verb[1])
        }
    })
}

/// A value as its kind shows it in `lang`, exactly: "26%", "44,500" / "4.45万".
pub fn show(kind: Kind, v: f64, lang: Lang) -> String {
    match kind {
        Kind::Rate => percent(v),
        Kind::Count => Qualifier::Exact.show(v.max(0.0).round() as u64, lang.prose()),
    }
}

/// What change `c` implies its figure was before it, and how: "99% − 73 =
/// 26%". `None` when the change names no rate or count.
pub fn implied(data: &Loaded, c: &Change, lang: Lang) -> Option<(Implied, String)> {
    let (kind, of) = match c.of.as_deref().and_then(|id| data.index.get(id)) {
        Some(RecordRef::Rate(i)) => (Kind::Rate, i),
        Some(RecordRef::Count(i)) => (Kind::Count, i),
        _ => return None,
    };
    let im = data.series.implied(&data.dataset, c, kind, of)?;
    let now = match kind {
        Kind::Rate => data.dataset.rates[of].value,
        Kind::Count => data.dataset.counts[of].value as f64,
    };
    let formula = format!(
        "{} − {} = {}",
        show(kind, now, lang),
        crate::fmt::trim_number(c.value),
        show(kind, im.value, lang)
    );
    Some((im, formula))
}

/// Whether record `i`'s series has two points or more to draw.
pub fn is_charted(ctx: &Ctx<'_>, kind: Kind, i: usize) -> bool {
    ctx.data.series.may_chart(kind) && points(ctx, kind, i).len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::asof::Chronology;
    use crate::data::{Change, Loaded, Precision, Relation, When};
    use crate::theme::Theme;

    fn on(m: u8, d: u8) -> When {
        When {
            date: Date::from_calendar_date(2020, time::Month::try_from(m).unwrap(), d).ok(),
            precision: Precision::Day,
            relation: Relation::AsOf,
            ..When::default()
        }
    }

    /// The embedded dataset's first rate reported again on 3月26日, with a
    /// change against 3月20日 that nothing reports.
    fn data() -> Loaded {
        let mut ds = crate::data::load::parse(crate::data::EMBEDDED).unwrap();
        ds.source.text = None;
        let mut later = ds.rates[0].clone();
        later.id = "rate-later".into();
        later.when = on(3, 26);
        later.value = 100.0;
        later.figure = "100%".into();
        later.source.quote = "100%".into();
        later.numerator = None;
        later.denominator = None;
        ds.changes.push(Change {
            id: "change-later".into(),
            label: later.label.clone(),
            value: 5.0,
            unit: crate::data::Text::default(),
            of: Some("rate-later".into()),
            figure: "5".into(),
            when: on(3, 26),
            from: Some(on(3, 20)),
            source: crate::data::Source {
                paragraph: 1,
                quote: "5".into(),
            },
        });
        ds.rates.push(later);
        let text = serde_json::to_string(&ds).unwrap();
        crate::data::load_str(&text, "test").unwrap()
    }

    #[test]
    fn a_series_is_its_reports_and_the_values_its_changes_imply() {
        let data = data();
        let chronology =
            Chronology::with_series(&data.dataset, std::sync::Arc::clone(&data.series));
        let theme = Theme::DARK;
        let ctx = Ctx {
            data: &data,
            chronology: &chronology,
            as_of: chronology.default_date(),
            lang: Lang::En,
            theme: &theme,
        };
        let last = data.dataset.rates.len() - 1;
        let p = points(&ctx, Kind::Rate, 0);
        let seen: Vec<(String, String, bool)> = p
            .iter()
            .map(|p| (p.day(Lang::En), p.shown(Kind::Rate, Lang::En), p.derived))
            .collect();
        assert_eq!(
            seen,
            [
                ("03-20".into(), "95%".into(), true),
                ("03-25".into(), "99%".into(), false),
                ("03-26".into(), "100%".into(), false),
            ]
        );
        assert_eq!(p[2].record, last);
        assert_eq!(
            sentence(&ctx, Kind::Rate, 0, "Weimei on-post rate").as_deref(),
            Some(
                "Weimei on-post rate rose from 99% on 2020-03-25 to 100% on 2020-03-26 \
                 (2 reports; a change implies 95% on 2020-03-20)"
            )
        );
        let zh = Ctx {
            lang: Lang::Zh,
            ..ctx
        };
        assert_eq!(
            sentence(&zh, Kind::Rate, 0, "唯美公司上岗率").as_deref(),
            Some(
                "唯美公司上岗率从2020年3月25日的99%升至2020年3月26日的100%（2次报道；由变化推算：2020年3月20日95%）"
            )
        );
        assert_eq!(sentence(&ctx, Kind::Rate, 1, "one"), None);
        assert!(is_charted(&ctx, Kind::Rate, 0));
        assert!(
            !is_charted(&ctx, Kind::Rate, 1),
            "a single report draws as today"
        );
        // As of 3月25日 the 3月26日 report, and what its change implies, are later.
        let ctx = Ctx {
            as_of: on(3, 25).date,
            ..ctx
        };
        let later: Vec<bool> = points(&ctx, Kind::Rate, 0)
            .iter()
            .map(|p| p.later)
            .collect();
        assert_eq!(later, [true, false, true]);
    }
}
