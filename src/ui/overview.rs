//! Overview: a gauge for every rate, the headline counts, a strip of the timeline.
//!
//! Gauges get a line per rate and the headline figures the rows they need,
//! each up to what leaves room for the rest; the timeline strip takes the
//! remainder, and lists events under its axis when it has room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{axis, chart, events, widgets};
use crate::app::App;
use crate::content::{self, Emptiness, series};
use crate::data::Lang;
use crate::data::series::Kind;
use crate::fmt::percent;
use crate::layout;
use crate::panel::{Collection, Panel};
use crate::text::{Boxed, Strip, fit, table_body, width};

pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let lang = app.lang();
    let [gauges, counts, strip, events_area] = layout::overview(
        body,
        app.view(Panel::Overview).rows.len(),
        app.headline().len(),
    );
    let view = app.view(Panel::Overview);
    let ctx = app.ctx();

    // Gauges, one line each: label, bar, value, numerator/denominator, date.
    let title = format!(" {} ({}) ", lang.pick("比率", "Rates"), view.rows.len());
    let b = widgets::block(title, t);
    let inner = b.inner(gauges);
    b.render(gauges, buf);
    let w = usize::from(inner.width);
    let ds = &app.data().dataset;
    let p = lang.prose();
    let zh = p == Lang::Zh;
    // Text takes the room it needs, measured on the rows in sight; the bar
    // takes what is left, at least a fifth of the line. Dates are written
    // in full ("2020年3月25日") where they fit, else without the year.
    // Each row in sight's texts, made once: n/N, the date in full and
    // without its year.
    struct Texts {
        frac: String,
        full: String,
        short: String,
    }
    let texts: Vec<Texts> = view
        .rows
        .iter()
        .skip(view.offset)
        .take(usize::from(inner.height))
        .map(|&row| {
            let r = &ds.rates[row];
            Texts {
                frac: content::fraction(&ctx, r),
                full: r.when.short(p),
                short: r
                    .when
                    .date
                    .map_or_else(|| "—".to_string(), |d| crate::fmt::month_day(d, zh)),
            }
        })
        .collect();
    let widest = |f: &dyn Fn(&Texts) -> &str| texts.iter().map(|x| width(f(x))).max().unwrap_or(0);
    let vw = 6;
    let fw = widest(&|x| &x.frac);
    let full_dw = widest(&|x| &x.full).max(1);
    let short_dw = widest(&|x| &x.short).max(1);
    // A sparkline of each series beside its gauge, when the data has one.
    let sw = if app.shape().charted && w >= 70 { 8 } else { 0 };
    let fixed = |dw: usize| vw + fw + dw + 4 + sw + usize::from(sw > 0);
    let min_bar = (w / 5).max(4);
    let full = w >= fixed(full_dw) + min_bar + 8;
    let dw = if full { full_dw } else { short_dw };
    let lw = view
        .visible(usize::from(inner.height))
        .map(|row| width(&ds.rates[row].label.get(lang)))
        .max()
        .unwrap_or(0)
        .min(w.saturating_sub(fixed(dw) + min_bar))
        .max(8);
    let bw = w.saturating_sub(lw + fixed(dw)).max(1);
    if view.rows.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&nothing_yet(app, true), w),
            w,
            t.muted,
        );
    }
    for (line_no, ((i, &row), x)) in view
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .zip(&texts)
        .enumerate()
    {
        let r = &ds.rates[row];
        let (frac, date) = (&x.frac, if full { &x.full } else { &x.short });
        let selected = i == view.selected;
        let label_style = if selected { t.selected } else { t.base };
        let y = inner.y + u16::try_from(line_no).unwrap_or(0);
        let mut strip = Strip::new(buf, Rect::new(inner.x, y, inner.width, 1));
        strip
            .text(&r.label.get(lang), lw, false, label_style)
            .text(" ", 1, false, Style::default())
            .bar(r.value / 100.0, bw, t);
        if sw > 0 {
            // What was known on the as-of date, up to this report.
            let points = series::known_tail(&ctx, Kind::Rate, row, sw);
            let spark = if points.len() > 1 {
                chart::sparkline(Kind::Rate, &points, sw)
            } else {
                String::new()
            };
            strip.text(&spark, sw + 1, true, t.figure);
        }
        strip
            .text(&percent(r.value), vw + 1, true, t.figure)
            .text(frac, fw + 1, true, t.muted)
            .text(date, dw + 1, true, t.muted);
    }

    // Headline counts as large figures, in boxes of equal width, in rows of
    // three lines: figure, label, gap. As many as the rows hold at the
    // least width; then each box widens into the room the row leaves, up to
    // what its widest label needs. Those left out for want of room are
    // counted in the title.
    let inside = Boxed::inside(counts);
    let most = (inside.width / layout::FIGURE_W).max(1);
    let rows = (inside.height + 1) / 3;
    let hidden = app
        .headline()
        .len()
        .saturating_sub(usize::from(most * rows));
    let shown = app.headline().len() - hidden;
    let per_row = u16::try_from(shown.div_ceil(usize::from(rows.max(1))))
        .unwrap_or(most)
        .clamp(1, most);
    let needed = app
        .headline()
        .iter()
        .take(shown)
        .map(|&i| {
            let c = &ds.counts[i];
            let label = match lang {
                Lang::Both => width(&c.label.zh).max(width(&c.label.en)),
                _ => width(&c.label.get(lang)),
            };
            label.max(width(&c.shown(lang.prose()))) + 1
        })
        .max()
        .unwrap_or(0);
    let needed = u16::try_from(needed).unwrap_or(u16::MAX);
    let cw = (inside.width / per_row).min(needed).max(layout::FIGURE_W);
    let title = lang.pick("主要数字", "Headline figures");
    let b = widgets::block(title_with_more(app, title, hidden, Panel::Workforce), t);
    let inner = b.inner(counts);
    b.render(counts, buf);
    let counts = &app.data().dataset.counts;
    if app.headline().is_empty() {
        let w = usize::from(inner.width);
        buf.set_stringn(
            inner.x,
            inner.y,
            fit(&nothing_yet(app, false), w),
            w,
            t.muted,
        );
    }
    for (k, c) in app
        .headline()
        .iter()
        .map(|&i| &counts[i])
        .take(usize::from(per_row * rows))
        .enumerate()
    {
        let k = u16::try_from(k).unwrap_or(0);
        let x = inner.x + (k % per_row) * cw;
        let y = inner.y + (k / per_row) * 3;
        let w = usize::from(cw.min(inner.width) - 1);
        // 2.3万多个 / 23,000+ jobs; in both languages the value reads as
        // English, as everywhere, and the English label takes the line
        // under the Chinese one.
        let value = c.shown(lang.prose());
        buf.set_string(x, y, fit(&value, w), t.figure);
        let one = c.label.get(lang);
        let one = [one.as_ref()];
        let labels: &[&str] = match lang {
            _ if !c.label.is_whole() => &one,
            Lang::Zh => &[&c.label.zh],
            Lang::En => &[&c.label.en],
            Lang::Both => &[&c.label.zh, &c.label.en],
        };
        for (dy, label) in (1..).zip(labels) {
            if y + dy < inner.bottom() {
                buf.set_string(x, y + dy, fit(label, w), t.muted);
            }
        }
    }

    // The timeline strip, and the events in date order under it.
    axis::render(app, strip, None, buf);
    if events_area.height >= 4 {
        let shown = usize::from(table_body(events_area).height);
        let hidden = app.timeline().len().saturating_sub(shown);
        let title = lang.pick("事件与里程碑", "Events and milestones");
        let title = title_with_more(app, title, hidden, Panel::Timeline);
        events::render(
            app,
            events_area,
            title,
            app.timeline().iter().copied(),
            None,
            buf,
        );
    }
}

/// What an empty gauge or figure box says: that the dataset has none, that
/// the filter matches none, or that nothing is reported yet on the as-of
/// date.
fn nothing_yet(app: &App, gauges: bool) -> String {
    let why = if gauges {
        app.emptiness(Panel::Overview)
    } else if app.data().dataset.counts.is_empty() {
        Emptiness::Absent
    } else {
        Emptiness::NotYet
    };
    let collection = if gauges {
        Collection::Rates
    } else {
        Collection::Counts
    };
    match why {
        Emptiness::NotYet => content::nothing_yet(&app.ctx()),
        why => content::empty_list(app.lang(), collection, why).to_string(),
    }
}

/// A box's title that says how many of its items are left out for want of
/// room, and where they all are: " Headline figures · +6 more: 3 Workforce ".
fn title_with_more(app: &App, title: &str, hidden: usize, panel: Panel) -> String {
    if hidden == 0 {
        return format!(" {title} ");
    }
    let p = app.lang().prose();
    let tab = format!("{} {}", panel.index() + 1, panel.title(p));
    match p {
        Lang::Zh => format!(" {title} · 另有 {hidden} 项，见 {tab} "),
        _ => format!(" {title} · +{hidden} more: {tab} "),
    }
}
