//! How records look wherever they appear: an event's mark, a category's
//! name, a rate's n/N, a record's value line. Shared by the panels and the
//! detail, so a panel never borrows from another.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::ctx::{Ctx, as_of_text};
use crate::data::asof::Status;
use crate::data::{Category, Event, EventStatus, Lang, Project, Rate, RecordRef, Text, When};
use crate::fmt::percent;
use crate::panel::Collection;
use crate::text::{pad, width};
use crate::theme::Theme;

/// How an event looks: the symbol says done, planned or derived; the style
/// adds its state on the as-of date (greyed when later, red when past due).
pub fn mark(e: &Event, s: Status, t: &Theme) -> (&'static str, Style) {
    let sym = if e.derivation.is_some() {
        "◆"
    } else if e.status == EventStatus::Planned {
        "○"
    } else {
        "●"
    };
    let style = match s {
        Status::Later(_) | Status::Unannounced(_) => t.later,
        Status::Overdue { .. } => t.overdue,
        Status::Derived => t.derived,
        Status::Done => t.done,
        Status::Due { .. } | Status::Planned => t.planned,
        Status::NoReport(_) => t.muted,
    };
    (sym, style)
}

/// How a check's outcome looks: ✓ passed, ✗ failed, never colour alone.
pub fn verdict(passed: bool, t: &Theme) -> (&'static str, Style) {
    if passed {
        ("✓", t.pass)
    } else {
        ("✗", t.fail)
    }
}

/// A category's name in `lang`; a dataset's own category by its own name.
pub fn category_name(c: &Category, lang: Lang) -> &str {
    match c {
        Category::Cadres => lang.pick("党员干部", "cadres"),
        Category::Workers => lang.pick("务工人员", "workers"),
        Category::Staff => lang.pick("员工", "staff"),
        Category::Commando => lang.pick("突击队员", "commando"),
        Category::Jobs => lang.pick("岗位", "jobs"),
        Category::Enterprises => lang.pick("企业", "enterprises"),
        Category::Teams => lang.pick("队伍批次", "teams"),
        Category::Supplies => lang.pick("物资", "supplies"),
        Category::Physical => lang.pick("实物", "physical"),
        Category::People => lang.pick("人员", "people"),
        Category::Duration => lang.pick("时长", "duration"),
        Category::Other(name) => name,
    }
}

/// "470/478", "10,175/11,234" (in Chinese "10175/11234"), "253/?" or "".
pub fn fraction(ctx: &Ctx<'_>, r: &Rate) -> String {
    let n = |v: u64| crate::fmt::number(v, ctx.lang.prose() == Lang::Zh);
    match ctx.data.fraction(r) {
        (Some(a), Some(b)) => format!("{}/{}", n(a), n(b)),
        (Some(a), None) => format!("{}/?", n(a)),
        (None, Some(b)) => format!("?/{}", n(b)),
        (None, None) => String::new(),
    }
}

/// A row's date as its date column writes it ("<2020-05-15",
/// "2020年5月中旬前"), or for a row reported after the as-of date its note
/// ("reported 03-25"); and whether it is such a row.
pub fn dated(ctx: &Ctx<'_>, when: &When) -> (String, bool) {
    match ctx.reported_note(when) {
        Some(note) => (note, true),
        None => (when.short(ctx.lang.prose()), false),
    }
}

/// The cells a date column needs for the visible rows' dates (see
/// [`dated`]): the widest, at least the header's 4.
pub fn date_width<'s>(dates: impl Iterator<Item = &'s str>) -> u16 {
    let widest = dates.map(width).max().unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX).max(4)
}

/// A project's events in date order.
pub fn events_of<'a>(ctx: &Ctx<'a>, p: &Project) -> Vec<&'a Event> {
    let data = ctx.data;
    let mut v: Vec<&Event> = p.events.iter().filter_map(|id| data.event(id)).collect();
    v.sort_by_key(|e| e.when.order_key());
    v
}

/// A project's summary tells its whole story, as of the report: when the
/// date shown is earlier, a greyed line says so.
pub fn summary_note(ctx: &Ctx<'_>) -> Option<Line<'static>> {
    let (Some(r), Some(d)) = (ctx.chronology.report, ctx.as_of) else {
        return None;
    };
    if d >= r {
        return None;
    }
    let note = match ctx.lang.prose() {
        Lang::Zh => format!("（摘要截至{}，晚于所选日期）", crate::fmt::zh_date(r)),
        _ => format!(
            "(summary as of {}, after the as-of date)",
            crate::fmt::iso(r)
        ),
    };
    Some(Line::styled(note, ctx.theme.later))
}

/// A rate's, count's or event's value as shown, its label, and when it is
/// known if that is after the as-of date.
pub fn value_parts<'a>(r: RecordRef, ctx: &Ctx<'a>) -> Option<(String, &'a Text, Option<String>)> {
    let ds = &ctx.data.dataset;
    let p = ctx.lang.prose();
    Some(match r {
        RecordRef::Rate(i) => {
            let x = ds.rates.get(i)?;
            (percent(x.value), &x.label, ctx.reported_note(&x.when))
        }
        RecordRef::Count(i) => {
            let x = ds.counts.get(i)?;
            (x.shown(p), &x.label, ctx.reported_note(&x.when))
        }
        RecordRef::Event(i) => {
            let x = ds.events.get(i)?;
            let s = ctx.status(x);
            // Its date as the table writes it: "mid-October 2020", "before winter".
            (
                x.when.describe(p),
                &x.label,
                s.is_later().then(|| s.short(p)),
            )
        }
        RecordRef::Change(i) => {
            let x = ds.changes.get(i)?;
            (x.shown(p), &x.label, ctx.reported_note(&x.when))
        }
        // A person: the name where a figure goes, then the role.
        RecordRef::Person(i) => {
            let x = ds.people.get(i)?;
            (x.name.get(ctx.lang).into_owned(), &x.role, None)
        }
        _ => return None,
    })
}

/// A record's value right-aligned in `w` cells, then its label. What is not
/// known on the as-of date is greyed and says when it is ("reported 03-25",
/// "not yet: 03-22"). `None` for records that have no value.
pub fn record_value_line(r: RecordRef, ctx: &Ctx<'_>, w: usize) -> Option<Line<'static>> {
    let t = ctx.theme;
    let (value, label, later) = value_parts(r, ctx)?;
    let (fig, text) = match later {
        Some(_) => (t.later, t.later),
        None => (t.figure, t.base),
    };
    let mut spans = vec![
        // Right-aligned in `w` cells; a wider value is never cut.
        Span::styled(
            format!("{}  ", pad(&value, w.max(width(&value)), true)),
            fig,
        ),
        Span::styled(label.get(ctx.lang).into_owned(), text),
    ];
    if let Some(when) = later {
        spans.push(Span::styled(format!(" ({when})"), t.later));
    }
    Some(Line::from(spans))
}

/// What an empty gauge or figure box says when no filter hides anything:
/// nothing reported yet on the as-of date.
pub fn nothing_yet(ctx: &Ctx<'_>) -> String {
    let p = ctx.lang.prose();
    match ctx.as_of {
        Some(d) if p == Lang::Zh => format!("尚无报道（{}）", as_of_text(d, p)),
        Some(d) => format!("nothing reported yet ({})", as_of_text(d, p)),
        None => p.pick("没有数据", "no data").to_string(),
    }
}

/// Why a list shows no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emptiness {
    /// The dataset has none of these records.
    Absent,
    /// The typed filter matches none.
    Filtered,
    /// Workforce: the category or province filter leaves none.
    Narrowed,
    /// The Overview: none is reported yet on the as-of date.
    NotYet,
}

/// What an empty list says: which records the dataset lacks, or which
/// filter hides them, so "no rows match" never shows with no filter set.
pub fn empty_list(lang: Lang, c: Collection, why: Emptiness) -> &'static str {
    let p = lang.prose();
    match why {
        Emptiness::Filtered => p.pick(
            "没有与筛选匹配的行（Esc 清除筛选）",
            "no rows match the filter (Esc clears it)",
        ),
        Emptiness::Narrowed => p.pick(
            "此类别与省份没有数字（c 换类别，p 换省份）",
            "no counts in this category and province (c, p change them)",
        ),
        Emptiness::NotYet => p.pick("尚无报道", "nothing reported yet"),
        Emptiness::Absent => match c {
            Collection::Rates => p.pick("数据集中没有比率", "no rates in this dataset"),
            Collection::Counts => p.pick("数据集中没有数字", "no counts in this dataset"),
            Collection::Events => p.pick("数据集中没有事件", "no events in this dataset"),
            Collection::Projects => p.pick("数据集中没有项目", "no projects in this dataset"),
            Collection::Checks => p.pick("数据集中没有可核对的内容", "no checks in this dataset"),
            Collection::Figures => p.pick(
                "原文中没有标出出处的数字",
                "no sourced figures in the article",
            ),
        },
    }
}
