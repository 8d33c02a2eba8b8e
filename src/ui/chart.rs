//! A series over time: a line chart of its points (ratatui's `Chart`), dates
//! to scale on the x axis, and a line of words that says what the marks
//! are; and the Overview's one-line sparkline.
//!
//! Meaning is never colour alone: a report is `•`, a value a change
//! implies is `▄`, the as-of date a vertical line, and the words above the
//! chart name each. A chart costs what it shows: a long series is thinned
//! to the lowest and highest value of each column before it is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};
use time::Date;

use crate::content::series::{Point, day};
use crate::data::Lang;
use crate::data::series::Kind;
use crate::text::{fit, width};
use crate::theme::Theme;

/// x for a date: its day number.
fn x(d: Date) -> f64 {
    f64::from(d.to_julian_day())
}

/// The y axis' bounds: rates within 0–100 in steps of ten around the
/// values, counts from zero up.
fn y_bounds(kind: Kind, points: &[Point]) -> [f64; 2] {
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.value), hi.max(p.value))
    });
    match kind {
        Kind::Rate => {
            let lo = ((lo / 10.0).floor() * 10.0).clamp(0.0, 90.0);
            let hi = ((hi / 10.0).ceil() * 10.0).clamp(lo + 10.0, 100.0);
            [lo, hi.max(lo + 10.0)]
        }
        Kind::Count => [0.0, nice(hi)],
    }
}

/// The least round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
/// of ten) at or above `v`: an
/// axis' round top (253 → 300).
fn nice(v: f64) -> f64 {
    if v <= 1.0 || !v.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&top| top >= v)
        .unwrap_or(10.0 * p)
}

/// At most two points per column (the lowest and the highest of those
/// that fall in it, in date order), so a long series costs the width.
fn thin(points: &[(f64, f64)], x0: f64, x1: f64, columns: usize) -> Vec<(f64, f64)> {
    if points.len() <= columns * 2 || columns == 0 || x1 <= x0 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(columns * 2);
    let col = |x: f64| (((x - x0) / (x1 - x0)) * (columns - 1) as f64) as usize;
    let mut i = 0;
    while i < points.len() {
        let c = col(points[i].0);
        let mut j = i;
        let (mut lo, mut hi) = (i, i);
        while j < points.len() && col(points[j].0) == c {
            if points[j].1 < points[lo].1 {
                lo = j;
            }
            if points[j].1 > points[hi].1 {
                hi = j;
            }
            j += 1;
        }
        out.push(points[lo.min(hi)]);
        if lo != hi {
            out.push(points[lo.max(hi)]);
        }
        i = j;
    }
    out
}

/// The words above a chart: the as-of date first (it survives a narrow
/// chart), the marks, and the latest points known on the date that fit,
/// each with its qualifier: "as of 03-18 │ • reported ▄ implied by a change
/// · 02-10 26%▄ 02-27 98%▄ 02-28 99%".
pub fn legend(kind: Kind, points: &[Point], as_of: Option<Date>, lang: Lang, w: usize) -> String {
    let p = lang.prose();
    let mut head = String::new();
    if let Some(d) = as_of {
        head.push_str(&p.pick("截至{} │ ", "as of {} │ ").replace("{}", &day(d, p)));
    }
    head.push_str(p.pick("•报道", "• reported"));
    if points.iter().any(|p| p.derived) {
        head.push_str(p.pick("  ▄由变化推算", "  ▄ implied by a change"));
    }
    // The latest known points that fit after the marks, oldest of them first.
    let known: Vec<&Point> = points.iter().filter(|p| !p.later).collect();
    let mut tail: Vec<String> = Vec::new();
    let mut used = width(&head) + 3;
    for pt in known.iter().rev() {
        let s = format!(
            "{} {}{}",
            pt.day(p),
            pt.shown(kind, p),
            if pt.derived { "▄" } else { "" }
        );
        let sw = width(&s) + 1;
        if used + sw > w {
            break;
        }
        used += sw;
        tail.push(s);
    }
    if tail.is_empty() {
        return head;
    }
    tail.reverse();
    let cut = if tail.len() < known.len() { "…" } else { "" };
    format!("{head} · {cut}{}", tail.join(" "))
}

/// Draws `points` (two or more, oldest first) in `area`: the legend line,
/// then the chart. `as_of` moves the marker.
pub fn draw(
    kind: Kind,
    points: &[Point],
    as_of: Option<Date>,
    lang: Lang,
    t: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.height == 0 || area.width == 0 || points.is_empty() {
        return;
    }
    let w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        fit(&legend(kind, points, as_of, lang, w), w),
        w,
        t.muted,
    );
    if area.height < 4 {
        return;
    }
    let plot = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    // A value not known on the as-of date but dated before it (what a
    // later change implies) would stand left of the marker as if known:
    // it is left out, as `read` and the sparkline leave it out.
    let shown: Vec<Point> = points
        .iter()
        .filter(|p| !(p.later && as_of.is_some_and(|d| p.date <= d)))
        .copied()
        .collect();
    let points = &shown[..];
    if points.is_empty() {
        return;
    }
    let (first, last) = (points[0].date, points[points.len() - 1].date);
    let [x0, x1] = if first == last {
        [x(first) - 1.0, x(first) + 1.0]
    } else {
        [x(first), x(last)]
    };
    let [y0, y1] = y_bounds(kind, points);
    let columns = usize::from(area.width) * 2;
    let xy = |p: &Point| (x(p.date), p.value);
    // The line in two parts: what is known on the as-of date, and from its
    // last known point on, what comes later (greyed).
    let split = points.partition_point(|p| !p.later);
    let known: Vec<(f64, f64)> = points[..split].iter().map(xy).collect();
    let after: Vec<(f64, f64)> = points[split.saturating_sub(1)..].iter().map(xy).collect();
    let known = thin(&known, x0, x1, columns);
    let after = if split < points.len() {
        thin(&after, x0, x1, columns)
    } else {
        Vec::new()
    };
    let dots = |pick: &dyn Fn(&Point) -> bool| -> Vec<(f64, f64)> {
        points.iter().filter(|p| pick(p)).map(xy).collect()
    };
    // Marks for each point only while they stay apart.
    let marked = points.len() <= usize::from(area.width) / 2;
    let (reported, later) = if marked {
        (
            dots(&|p| !p.derived && !p.later),
            dots(&|p| !p.derived && p.later),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let derived = dots(&|p| p.derived && !p.later);
    let derived_later = dots(&|p| p.derived && p.later);
    // Where the as-of date falls inside the series; after its last point
    // everything is known and the words say so.
    let marker = as_of
        .filter(|&d| d >= first && d < last)
        .map(|d| vec![(x(d), y0), (x(d), y1)])
        .unwrap_or_default();
    // The marker in the as-of colour of the header's date (its background
    // there): a line has no background to show.
    let marker_style = Style::new()
        .fg(t.as_of.bg.unwrap_or(ratatui::style::Color::Reset))
        .add_modifier(ratatui::style::Modifier::BOLD);
    let mut sets = Vec::new();
    for (data, style) in [
        (&known, t.figure),
        (&after, t.later),
        (&marker, marker_style),
    ] {
        if !data.is_empty() {
            sets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(style)
                    .data(data),
            );
        }
    }
    for (data, marker, style) in [
        (&reported, Marker::Dot, t.figure),
        (&later, Marker::Dot, t.later),
        (&derived, Marker::Bar, t.derived),
        (&derived_later, Marker::Bar, t.later),
    ] {
        if !data.is_empty() {
            sets.push(
                Dataset::default()
                    .marker(marker)
                    .graph_type(GraphType::Scatter)
                    .style(style)
                    .data(data),
            );
        }
    }
    let mid = Date::from_julian_day(((x0 + x1) / 2.0).round() as i32).ok();
    let mut x_labels = vec![Span::raw(day(first, lang))];
    if plot.width >= 40
        && let Some(m) = mid.filter(|m| *m != first && *m != last)
    {
        x_labels.push(Span::raw(day(m, lang)));
    }
    x_labels.push(Span::raw(day(last, lang)));
    Chart::new(sets)
        .style(Style::default())
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                .labels(x_labels)
                .style(t.muted),
        )
        .y_axis(
            Axis::default()
                .bounds([y0, y1])
                .labels([y0, y1].map(|v| Line::raw(crate::content::series::show(kind, v, lang))))
                .style(t.muted),
        )
        .render(plot, buf);
}

/// Eight levels of a sparkline.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The last `w` values of a series as one line of bars, from zero (rates
/// up to 100%, counts up to their largest): "▂▇█".
pub fn sparkline(kind: Kind, points: &[Point], w: usize) -> String {
    let shown = &points[points.len().saturating_sub(w)..];
    let top = match kind {
        Kind::Rate => 100.0,
        Kind::Count => shown.iter().fold(0.0, |m: f64, p| m.max(p.value)),
    };
    shown
        .iter()
        .map(|p| {
            let level = if top > 0.0 {
                (p.value / top * 7.0).round().clamp(0.0, 7.0) as usize
            } else {
                0
            };
            LEVELS[level]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Qualifier;

    fn pt(m: u8, d: u8, value: f64, derived: bool) -> Point {
        Point {
            date: Date::from_calendar_date(2020, time::Month::try_from(m).unwrap(), d).unwrap(),
            value,
            qualifier: Qualifier::Exact,
            derived,
            later: false,
            record: 0,
        }
    }

    #[test]
    fn a_long_series_is_thinned_to_two_points_a_column() {
        let points: Vec<(f64, f64)> = (0..10_000)
            .map(|i| (f64::from(i), f64::from(i % 7)))
            .collect();
        let thinned = thin(&points, 0.0, 9999.0, 100);
        assert!(thinned.len() <= 200, "{}", thinned.len());
        assert!(thinned.len() >= 100);
        assert!(
            thinned.windows(2).all(|w| w[0].0 <= w[1].0),
            "in date order"
        );
        // Each column keeps its extremes.
        assert!(thinned.iter().any(|p| p.1 == 6.0) && thinned.iter().any(|p| p.1 == 0.0));
        let few = [(0.0, 1.0), (1.0, 2.0)];
        assert_eq!(thin(&few, 0.0, 1.0, 100), few);
    }

    #[test]
    fn the_legend_names_every_mark_and_the_latest_points_that_fit() {
        let points = [
            pt(2, 10, 26.0, true),
            pt(2, 27, 98.0, true),
            pt(2, 28, 99.0, false),
        ];
        let d = points[2].date;
        let l = legend(Kind::Rate, &points, Some(d), Lang::En, 120);
        assert_eq!(
            l,
            "as of 02-28 │ • reported  ▄ implied by a change · 02-10 26%▄ 02-27 98%▄ 02-28 99%"
        );
        let narrow = legend(Kind::Rate, &points, Some(d), Lang::En, 70);
        assert!(narrow.ends_with("· …02-28 99%"), "{narrow}");
        let zh = legend(Kind::Rate, &points, None, Lang::Zh, 80);
        assert_eq!(
            zh,
            "•报道  ▄由变化推算 · 2月10日 26%▄ 2月27日 98%▄ 2月28日 99%"
        );
    }

    #[test]
    fn sparklines_rise_from_zero() {
        let points = [
            pt(2, 10, 26.0, true),
            pt(2, 27, 98.0, true),
            pt(2, 28, 99.0, false),
        ];
        assert_eq!(sparkline(Kind::Rate, &points, 8), "▃██");
        assert_eq!(sparkline(Kind::Rate, &points, 2), "██");
        assert_eq!(sparkline(Kind::Count, &points, 8), "▃██");
    }

    #[test]
    fn count_axes_end_on_a_round_number() {
        assert_eq!(nice(253.0), 300.0);
        assert_eq!(nice(300.0), 300.0);
        assert_eq!(nice(2100.0), 2500.0);
        assert_eq!(nice(44_500.0), 50_000.0);
        assert_eq!(nice(0.0), 1.0);
    }

    #[test]
    fn rate_axes_stay_within_a_hundred() {
        assert_eq!(
            y_bounds(Kind::Rate, &[pt(2, 1, 93.0, false), pt(2, 2, 99.7, false)]),
            [90.0, 100.0]
        );
        assert_eq!(
            y_bounds(
                Kind::Rate,
                &[pt(2, 1, 100.0, false), pt(2, 2, 100.0, false)]
            ),
            [90.0, 100.0]
        );
        assert_eq!(
            y_bounds(Kind::Rate, &[pt(2, 1, 0.0, false), pt(2, 2, 5.0, false)]),
            [0.0, 10.0]
        );
    }
}
