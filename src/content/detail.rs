//! The detail popup: every field of a record, its source, its checks and
//! related records (same organisation or same project).

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::ctx::{Ctx, Target, as_of_text, field};
use super::marks::{category_name, events_of, mark, record_value_line, summary_note, verdict};
use super::series;
use crate::data::series::Kind;
use crate::data::{Change, Lang, Qualifier, RecordRef, Source, Text, When};
use crate::fmt::percent;
use crate::text::width;

/// A detail's lines, and which of them name another record (a link:
/// `Tab` selects it, `Enter` opens its detail).
#[derive(Debug, Default)]
pub struct Detail {
    pub lines: Vec<Line<'static>>,
    /// (line, record): the line that names the record, in line order.
    pub links: Vec<(usize, RecordRef)>,
}

impl Detail {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// The line naming record `r` (see [`record_line`]), as a link.
    fn link(&mut self, r: RecordRef, ctx: &Ctx<'_>) -> bool {
        self.link_in(r, ctx, 14)
    }

    /// [`Detail::link`] with the values right-aligned in `w` cells.
    fn link_in(&mut self, r: RecordRef, ctx: &Ctx<'_>, w: usize) -> bool {
        let Some(line) = record_line(r, ctx, w) else {
            return false;
        };
        self.links.push((self.lines.len(), r));
        self.lines.push(line);
        true
    }

    /// Another detail's lines and links after these.
    fn append(&mut self, other: Detail) {
        let at = self.lines.len();
        self.links
            .extend(other.links.into_iter().map(|(l, r)| (l + at, r)));
        self.lines.extend(other.lines);
    }
}

impl Extend<Line<'static>> for Detail {
    fn extend<I: IntoIterator<Item = Line<'static>>>(&mut self, lines: I) {
        self.lines.extend(lines);
    }
}

/// How many related records the popup lists at most.
const RELATED_MAX: usize = 12;

fn both(label: &str, text: &Text, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let t = ctx.theme;
    if !text.is_whole() {
        return vec![field(label, text.get(ctx.lang).into_owned(), t)];
    }
    vec![
        field(label, text.zh.clone(), t),
        Line::from(vec![
            Span::raw(" ".repeat(width(label) + 2)),
            Span::raw(text.en.clone()),
        ]),
    ]
}

fn when_lines(when: &When, ctx: &Ctx<'_>) -> Line<'static> {
    let p = ctx.lang.prose();
    let s = match ctx.lang {
        Lang::Both => format!("{} · {}", when.describe(Lang::Zh), when.describe(Lang::En)),
        _ => when.describe(p),
    };
    field(p.pick("日期", "date"), s, ctx.theme)
}

fn source_lines(src: &Source, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let t = ctx.theme;
    let p = ctx.lang.prose();
    let mut v = vec![
        Line::default(),
        Line::styled(p.pick("出处", "Source"), t.title),
        field(
            p.pick("段落", "paragraph"),
            format!("{} / {}", src.paragraph, ctx.data.dataset.source.paragraphs),
            t,
        ),
        Line::from(vec![
            Span::styled(format!("{}: ", p.pick("原文", "quote")), t.muted),
            Span::styled(format!("“{}”", src.quote), t.accent),
        ]),
    ];
    // The whole paragraph, where the dataset carries it, the quote marked
    // in it (underlined, not by colour alone).
    let para = ctx
        .data
        .dataset
        .source
        .text
        .as_deref()
        .and_then(|text| text.get(usize::try_from(src.paragraph).ok()?.checked_sub(1)?));
    if let Some(para) = para {
        let at = (!src.quote.is_empty())
            .then(|| para.find(src.quote.as_str()))
            .flatten();
        let mut spans = Vec::new();
        match at {
            Some(a) => {
                let b = a + src.quote.len();
                spans.push(Span::styled(para[..a].trim_start().to_string(), t.base));
                spans.push(Span::styled(
                    para[a..b].to_string(),
                    t.accent.add_modifier(Modifier::UNDERLINED),
                ));
                spans.push(Span::styled(para[b..].trim_end().to_string(), t.base));
            }
            None => spans.push(Span::styled(para.trim().to_string(), t.base)),
        }
        v.push(Line::default());
        v.push(Line::styled(
            format!("¶{} {}", src.paragraph, p.pick("全段", "the paragraph")),
            t.muted,
        ));
        v.push(Line::from(spans));
    }
    v
}

fn org_place(org: Option<&str>, place: Option<&str>, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let t = ctx.theme;
    let p = ctx.lang.prose();
    let mut v = Vec::new();
    let o = ctx.data.organisation_name(org, ctx.lang);
    if !o.is_empty() {
        v.push(field(p.pick("单位", "organisation"), o, t));
    }
    if let Some(pl) = ctx.data.place_of(place, org) {
        v.push(field(p.pick("地点", "place"), pl.full(ctx.lang), t));
    }
    v
}

/// The checks whose subject is `id`.
fn check_lines(id: &str, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let t = ctx.theme;
    let p = ctx.lang.prose();
    let mut v = Vec::new();
    for c in ctx.data.checks.iter().filter(|c| c.subject == id) {
        if v.is_empty() {
            v.push(Line::default());
            v.push(Line::styled(p.pick("核对", "Checks"), t.title));
        }
        let (sym, style) = verdict(c.passed, t);
        v.push(Line::from(vec![
            Span::styled(format!("{sym} "), style),
            Span::styled(format!("{}: ", c.kind.label().get(p)), t.muted),
            Span::raw(c.formula.get(p).into_owned()),
        ]));
    }
    v
}

/// The lines every sourced record's detail ends with, read through its
/// [`Record`](crate::data::Record): date (when `dated`: an event shows its
/// own above, with its status), organisation and place, source, the checks
/// on it, and related records.
fn provenance(r: RecordRef, dated: bool, ctx: &Ctx<'_>) -> Detail {
    let mut v = Detail::default();
    let Some(rec) = ctx.data.record(r) else {
        return v;
    };
    if let Some(w) = rec.when().filter(|_| dated) {
        v.push(when_lines(w, ctx));
        if let (Some(k), Some(d)) = (ctx.chronology.later(w, ctx.as_of), ctx.as_of) {
            let lang = ctx.lang.prose();
            let text = match lang {
                Lang::Zh => format!(
                    "{}尚未报道：{}报道",
                    crate::fmt::zh_date(d),
                    crate::fmt::zh_date(k)
                ),
                _ => format!(
                    "not yet reported on {}: reported {}",
                    crate::fmt::iso(d),
                    crate::fmt::iso(k)
                ),
            };
            v.push(Line::from(vec![
                Span::styled(
                    format!("{}: ", lang.pick("按日期", "as of")),
                    ctx.theme.muted,
                ),
                Span::styled(text, ctx.theme.later),
            ]));
        }
    }
    v.extend(org_place(rec.organisation(), rec.place(), ctx));
    if let Some(source) = rec.source() {
        v.extend(source_lines(source, ctx));
    }
    v.extend(check_lines(rec.id(), ctx));
    v.append(related_lines(rec.id(), rec.organisation(), ctx));
    v
}

/// "value: 98.3%   written “98.3%”": the value as shown and as the article wrote it.
fn value_line(shown: String, figure: &str, ctx: &Ctx<'_>) -> Line<'static> {
    let t = ctx.theme;
    let p = ctx.lang.prose();
    Line::from(vec![
        Span::styled(format!("{}: ", p.pick("数值", "value")), t.muted),
        Span::styled(shown, t.figure),
        Span::styled(
            format!("   {} “{figure}”", p.pick("原文写作", "written")),
            t.muted,
        ),
    ])
}

/// One line naming a record and its value, indented like the fields.
fn record_line(r: RecordRef, ctx: &Ctx<'_>, w: usize) -> Option<Line<'static>> {
    let mut line = record_value_line(r, ctx, w)?;
    line.spans.insert(0, Span::raw("  "));
    Some(line)
}

/// Records sharing an organisation or a project with `id`.
fn related_lines(id: &str, org: Option<&str>, ctx: &Ctx<'_>) -> Detail {
    let ds = &ctx.data.dataset;
    let t = ctx.theme;
    let p = ctx.lang.prose();
    // In order of first mention, each once (a set keeps this linear).
    let mut ids: Vec<&str> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::from([id]);
    for pr in &ds.projects {
        if pr.events.iter().chain(&pr.figures).any(|x| x == id) {
            for x in pr.events.iter().chain(&pr.figures) {
                if seen.insert(x) {
                    ids.push(x);
                }
            }
        }
    }
    if let Some(org) = org {
        let same = ds
            .rates
            .iter()
            .filter(|r| r.organisation.as_deref() == Some(org))
            .map(|r| &r.id)
            .chain(
                ds.counts
                    .iter()
                    .filter(|c| c.organisation.as_deref() == Some(org))
                    .map(|c| &c.id),
            )
            .chain(
                ds.events
                    .iter()
                    .filter(|e| e.organisation.as_deref() == Some(org))
                    .map(|e| &e.id),
            )
            .chain(
                ds.people
                    .iter()
                    .filter(|x| x.organisation.as_deref() == Some(org))
                    .map(|x| &x.id),
            );
        for x in same {
            if seen.insert(x) {
                ids.push(x);
            }
        }
    }
    let mut v = Detail::default();
    if ids.is_empty() {
        return v;
    }
    v.push(Line::default());
    v.push(Line::styled(
        format!("{} ({})", p.pick("相关记录", "Related"), ids.len()),
        t.title,
    ));
    let shown: Vec<RecordRef> = ids
        .iter()
        .take(RELATED_MAX)
        .filter_map(|x| ctx.data.index.get(x))
        .collect();
    // The values in one column, as wide as the widest (within reason).
    let w = shown
        .iter()
        .filter_map(|&r| super::value_parts(r, ctx))
        .map(|(value, _, _)| crate::text::width(&value))
        .max()
        .unwrap_or(0)
        .min(28);
    for r in shown {
        v.link_in(r, ctx, w);
    }
    if ids.len() > RELATED_MAX {
        v.push(Line::styled(
            format!("  … +{}", ids.len() - RELATED_MAX),
            t.muted,
        ));
    }
    v
}

/// A line for each record of `ids` that has a value (see [`record_line`]).
fn id_lines(ids: &[String], ctx: &Ctx<'_>) -> Detail {
    let mut v = Detail::default();
    for r in ids.iter().filter_map(|id| ctx.data.index.get(id)) {
        v.link(r, ctx);
    }
    v
}

/// The changes the article states of a rate or count (提高5.6个百分点), as lines.
fn changes_of(kind: Kind, i: usize, ctx: &Ctx<'_>, v: &mut Detail) {
    let p = ctx.lang.prose();
    let mut changes = ctx.data.series.changes_of(kind, i).peekable();
    if changes.peek().is_some() {
        v.push(Line::styled(p.pick("变化", "Changes"), ctx.theme.title));
    }
    for j in changes {
        v.link(RecordRef::Change(j), ctx);
    }
}

/// A rate's or count's series, when it has two points or more: the
/// sentence, then each point (this one marked), at most a dozen.
fn series_of(kind: Kind, i: usize, label: &str, ctx: &Ctx<'_>, v: &mut Detail) {
    const MAX: usize = 12;
    // A series of two points or more, known or not on the as-of date: the
    // points below say which come later; the sentence, what is known.
    if ctx.data.series.plotted(kind, i).len() < 2 {
        return;
    }
    let p = ctx.lang.prose();
    let t = ctx.theme;
    v.push(Line::styled(p.pick("历次报道", "Over time"), t.title));
    v.push(Line::from(
        series::sentence(ctx, kind, i, label).unwrap_or_else(|| {
            p.pick(
                "截至所选日期，该数字只有一个已知的值",
                "on the as-of date, one value of it is known",
            )
            .to_string()
        }),
    ));
    // The dozen around this record, found by its date: a detail costs
    // its lines, not the series.
    let all = ctx.data.series.plotted(kind, i);
    let date = match kind {
        Kind::Rate => ctx.data.dataset.rates.get(i).and_then(|r| r.when.date),
        Kind::Count => ctx.data.dataset.counts.get(i).and_then(|c| c.when.date),
    };
    let at = date
        .map(|d| {
            let from = all.partition_point(|pt| pt.date < d);
            all[from..]
                .iter()
                .take_while(|pt| pt.date == d)
                .position(|pt| !pt.derived && pt.record as usize == i)
                .map_or(from, |k| from + k)
        })
        .unwrap_or(0);
    let from = at
        .saturating_sub(MAX / 2)
        .min(all.len().saturating_sub(MAX));
    if from > 0 {
        v.push(Line::styled(
            p.pick("  …前面还有{}个", "  … {} earlier")
                .replace("{}", &from.to_string()),
            t.muted,
        ));
    }
    for (k, plot) in all.iter().enumerate().skip(from).take(MAX) {
        let pt = series::Point::of(plot, ctx.as_of);
        let mark = if k == at { "▶ " } else { "  " };
        let note = match (pt.derived, pt.later) {
            (true, _) => p.pick(" ▄由变化推算", " ▄ implied by a change"),
            (false, true) => p.pick(" （晚于所选日期）", " (after the as-of date)"),
            (false, false) => "",
        };
        let style = if pt.later { t.later } else { Style::default() };
        v.push(Line::styled(
            format!("{mark}{} {}{note}", pt.day(p), pt.shown(kind, p)),
            style,
        ));
    }
    let after = all.len().saturating_sub(from + MAX);
    if after > 0 {
        v.push(Line::styled(
            p.pick("  …后面还有{}个", "  … {} later")
                .replace("{}", &after.to_string()),
            t.muted,
        ));
    }
}

/// What a change implies its figure was before it: "before: 99% − 73 =
/// 26% on 2月10日", and whether that is reported.
fn implied_of(c: &Change, ctx: &Ctx<'_>, v: &mut Detail) {
    let data = ctx.data;
    let Some((im, formula)) = series::implied(data, c, ctx.lang) else {
        return;
    };
    let p = ctx.lang.prose();
    let date = im
        .date
        .map(|d| p.pick("（{}）", " on {}").replace("{}", &series::day(d, p)))
        .unwrap_or_default();
    v.push(field(
        p.pick("变化前（推算）", "before (derived)"),
        format!("{formula}{date}"),
        ctx.theme,
    ));
    let show = |v: f64| series::show(im.kind, v, ctx.lang);
    let kind = im.kind;
    let reported = match im.reported {
        Some(r) => {
            let v = match kind {
                Kind::Rate => data.dataset.rates[r].value,
                Kind::Count => data.dataset.counts[r].value as f64,
            };
            p.pick("报道为{}，已核对", "reported as {}, checked")
                .replace("{}", &show(v))
        }
        None => p
            .pick("没有报道，只是推算", "not reported (derived only)")
            .to_string(),
    };
    v.push(field(p.pick("该日", "on that date"), reported, ctx.theme));
}

/// Every line of a record's or a check's detail.
pub fn detail_lines(ctx: &Ctx<'_>, target: Target) -> Vec<Line<'static>> {
    detail(ctx, target).lines
}

/// A record's or a check's detail: its lines and its links.
pub fn detail(ctx: &Ctx<'_>, target: Target) -> Detail {
    let ds = &ctx.data.dataset;
    let t = ctx.theme;
    let p = ctx.lang.prose();
    let mut v = Detail::default();
    match target {
        Target::Record(RecordRef::Rate(i)) => {
            let Some(r) = ds.rates.get(i) else { return v };
            v.extend(both(p.pick("比率", "rate"), &r.label, ctx));
            v.push(field("id", r.id.clone(), t));
            v.push(value_line(percent(r.value), &r.figure, ctx));
            for (name, id) in [
                (p.pick("分子", "numerator"), &r.numerator),
                (p.pick("分母", "denominator"), &r.denominator),
            ] {
                if let Some(c) = id.as_deref().and_then(|id| ctx.data.count(id)) {
                    // A link to the count, on its field's line.
                    if let Some(r) = id.as_deref().and_then(|id| ctx.data.index.get(id)) {
                        v.links.push((v.lines.len(), r));
                    }
                    v.push(field(
                        name,
                        format!("{} — {}", c.shown(p), c.label.get(ctx.lang)),
                        t,
                    ));
                }
            }
            changes_of(Kind::Rate, i, ctx, &mut v);
            series_of(Kind::Rate, i, &r.label.get(ctx.lang), ctx, &mut v);
            v.append(provenance(RecordRef::Rate(i), true, ctx));
        }
        Target::Record(RecordRef::Change(i)) => {
            let Some(c) = ds.changes.get(i) else { return v };
            v.extend(both(p.pick("变化", "change"), &c.label, ctx));
            v.push(field("id", c.id.clone(), t));
            v.push(value_line(c.shown(p), &c.figure, ctx));
            if let Some(r) = c.of.as_deref().and_then(|id| ctx.data.index.get(id)) {
                v.push(Line::styled(p.pick("变化的是", "Change of"), t.title));
                v.link(r, ctx);
            }
            implied_of(c, ctx, &mut v);
            v.append(provenance(RecordRef::Change(i), true, ctx));
        }
        Target::Record(RecordRef::Count(i)) => {
            let Some(c) = ds.counts.get(i) else { return v };
            v.extend(both(p.pick("数字", "count"), &c.label, ctx));
            v.push(field("id", c.id.clone(), t));
            v.push(value_line(c.shown(p), &c.figure, ctx));
            let q = match (c.ordinal, c.qualifier) {
                (true, _) => p.pick("序数（第几）", "an ordinal (the n-th), not a quantity"),
                (false, Qualifier::Exact) => p.pick("确数", "exact"),
                (false, Qualifier::AtLeast) => p.pick("“多”：至少此数", "at least (多: more than)"),
                (false, Qualifier::MoreThan) => {
                    p.pick("“超过/以上”：多于此数", "more than (超过, 以上)")
                }
                (false, Qualifier::Nearly) => {
                    p.pick("“近”：略少于此数", "nearly (近): a little under")
                }
                (false, Qualifier::About) => p.pick("“约/左右”：大约此数", "about (约, 左右)"),
                (false, Qualifier::OrderOf) => p.pick("量级（级）", "order of magnitude (级)"),
            };
            v.push(field(p.pick("限定", "qualifier"), q.to_string(), t));
            v.push(field(
                p.pick("类别", "category"),
                category_name(&c.category, p).to_string(),
                t,
            ));
            v.push(field(
                p.pick("单位", "unit"),
                format!("{} / {}", c.unit.zh, c.unit.en),
                t,
            ));
            changes_of(Kind::Count, i, ctx, &mut v);
            series_of(Kind::Count, i, &c.label.get(ctx.lang), ctx, &mut v);
            v.append(provenance(RecordRef::Count(i), true, ctx));
        }
        Target::Record(RecordRef::Event(i)) => {
            let Some(e) = ds.events.get(i) else { return v };
            v.extend(both(p.pick("事件", "event"), &e.label, ctx));
            v.push(field("id", e.id.clone(), t));
            let s = ctx.status(e);
            let (sym, style) = mark(e, s, t);
            let on = ctx
                .as_of
                .filter(|_| s.is_relative())
                .map(|d| format!(" ({})", as_of_text(d, p)))
                .unwrap_or_default();
            v.push(Line::from(vec![
                Span::styled(format!("{}: ", p.pick("状态", "status")), t.muted),
                Span::styled(format!("{sym} {}", s.describe(p)), style),
                Span::styled(on, t.muted),
            ]));
            v.push(when_lines(&e.when, ctx));
            if let Some(f) = &e.figure {
                v.push(field(p.pick("原文写作", "written"), format!("“{f}”"), t));
            }
            if let Some(other) = e.agrees_with.as_deref().and_then(|id| ctx.data.event(id)) {
                v.push(field(
                    p.pick("与之相符", "agrees with"),
                    format!("{} ({})", other.label.get(ctx.lang), other.when.describe(p)),
                    t,
                ));
            }
            // The date is shown above, with the figure it was read from.
            v.append(provenance(RecordRef::Event(i), false, ctx));
        }
        Target::Record(RecordRef::Project(i)) => {
            let Some(pr) = ds.projects.get(i) else {
                return v;
            };
            v.extend(both(p.pick("项目", "project"), &pr.name, ctx));
            v.push(field("id", pr.id.clone(), t));
            v.extend(both(p.pick("概述", "summary"), &pr.summary, ctx));
            v.extend(summary_note(ctx));
            v.extend(org_place(
                pr.organisation.as_deref(),
                pr.place.as_deref(),
                ctx,
            ));
            v.push(Line::default());
            v.push(Line::styled(p.pick("事件", "Events"), t.title));
            for r in events_of(ctx, pr)
                .iter()
                .filter_map(|e| ctx.data.index.get(&e.id))
            {
                v.link(r, ctx);
            }
            let people = super::people::people_of(ctx.data, pr);
            if !people.is_empty() {
                v.push(Line::default());
                v.push(Line::styled(p.pick("人物", "People"), t.title));
                for r in people.iter().filter_map(|x| ctx.data.index.get(&x.id)) {
                    v.link(r, ctx);
                }
            }
            v.push(Line::default());
            v.push(Line::styled(p.pick("数字", "Figures"), t.title));
            v.append(id_lines(&pr.figures, ctx));
        }
        Target::Record(RecordRef::Person(i)) => {
            let Some(x) = ds.people.get(i) else { return v };
            v.extend(both(p.pick("人物", "person"), &x.name, ctx));
            v.push(field("id", x.id.clone(), t));
            v.extend(both(p.pick("职务", "role"), &x.role, ctx));
            if let Some(n) = &x.note {
                v.push(field(p.pick("注", "note"), n.get(p).into_owned(), t));
            }
            v.append(provenance(RecordRef::Person(i), false, ctx));
        }
        Target::Record(RecordRef::Place(_) | RecordRef::Organisation(_)) => {}
        Target::Check(i) => {
            let Some(c) = ctx.data.checks.get(i) else {
                return v;
            };
            let (sym, style) = verdict(c.passed, t);
            v.push(Line::from(vec![
                Span::styled(format!("{sym} "), style),
                Span::styled(c.kind.label().get(p).into_owned(), t.title),
            ]));
            v.push(field(
                p.pick("计算", "computation"),
                c.formula.get(p).into_owned(),
                t,
            ));
            v.push(Line::default());
            v.push(Line::styled(p.pick("对象", "Record"), t.title));
            if let Some(r) = ctx.data.index.get(&c.subject) {
                v.link(r, ctx);
            }
            if let Some(src) = ctx.data.record_by_id(&c.subject).and_then(|r| r.source()) {
                v.extend(source_lines(src, ctx));
            }
            if !c.inputs.is_empty() {
                v.push(Line::default());
                v.push(Line::styled(p.pick("输入", "Inputs"), t.title));
                v.append(id_lines(&c.inputs, ctx));
            }
        }
    }
    v
}
