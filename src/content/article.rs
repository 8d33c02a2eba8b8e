//! The article as the dashboard shows it: where each sourced figure stands
//! in its paragraph (found once per dataset), and the paragraphs as styled
//! lines with the figures marked, the paragraph numbers in a margin.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::ctx::Ctx;
use crate::data::{Dataset, Record, RecordRef};
use crate::text;

/// One figure of the article: the bytes of its paragraph that write it,
/// and the record it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// 1-based, as `source.paragraph`.
    pub paragraph: usize,
    /// Within the paragraph's text.
    pub range: Range<usize>,
    pub record: RecordRef,
}

/// Every sourced figure whose quote is in its paragraph and whose figure is
/// in its quote, in reading order (paragraph, then position; ties keep the
/// dataset's order: rates, counts, events). Empty when the dataset does not
/// carry its article.
pub fn spots(ds: &Dataset) -> Vec<Spot> {
    let Some(paragraphs) = ds.source.text.as_deref() else {
        return Vec::new();
    };
    let records = (0..ds.rates.len())
        .map(RecordRef::Rate)
        .chain((0..ds.counts.len()).map(RecordRef::Count))
        .chain((0..ds.events.len()).map(RecordRef::Event))
        .chain((0..ds.changes.len()).map(RecordRef::Change));
    let mut out: Vec<Spot> = records
        .filter_map(|r| {
            let figure = match r {
                RecordRef::Rate(i) => ds.rates.get(i).map(|x| x.figure.as_str()),
                RecordRef::Count(i) => ds.counts.get(i).map(|x| x.figure.as_str()),
                RecordRef::Event(i) => ds.events.get(i).and_then(|x| x.figure.as_deref()),
                RecordRef::Change(i) => ds.changes.get(i).map(|x| x.figure.as_str()),
                _ => None,
            }?;
            let src = Record::of(ds, r)?.source()?;
            let paragraph = usize::try_from(src.paragraph).ok()?;
            let text = paragraphs.get(paragraph.checked_sub(1)?)?;
            if figure.is_empty() || src.quote.is_empty() {
                return None;
            }
            let start = text.find(src.quote.as_str())? + src.quote.find(figure)?;
            Some(Spot {
                paragraph,
                range: start..start + figure.len(),
                record: r,
            })
        })
        .collect();
    // Stable: equal places keep the dataset's order.
    out.sort_by_key(|s| (s.paragraph, s.range.start, s.range.end));
    out
}

/// A section heading: a short line that is not a sentence ("及时化解难题——",
/// "当好企业有序复产的“服务员”").
pub fn is_heading(paragraph: &str) -> bool {
    let t = paragraph.trim();
    !t.is_empty() && t.chars().count() <= 24 && !t.ends_with(['。', '！', '？', '.', '!', '?'])
}

/// Whether a paragraph contains `needle` (lower-cased); an empty needle is
/// in every paragraph.
pub fn paragraph_matches(paragraph: &str, needle: &str) -> bool {
    needle.is_empty() || paragraph.to_lowercase().contains(needle)
}

/// The article wrapped to a width, and where each figure landed.
#[derive(Debug, Default)]
pub struct Page {
    pub lines: Vec<Line<'static>>,
    /// For each spot (as indexed in the spots given), the line it starts on;
    /// `None` when its paragraph is not shown.
    pub spot_lines: Vec<Option<usize>>,
}

/// How a figure is marked: the selection reversed, the others underlined,
/// both in the figure's colour, greyed when reported after the as-of date.
fn mark(ctx: &Ctx<'_>, r: RecordRef, selected: bool) -> Style {
    let t = ctx.theme;
    let ds = &ctx.data.dataset;
    let later = match r {
        RecordRef::Rate(i) => ds
            .rates
            .get(i)
            .is_some_and(|x| ctx.chronology.later(&x.when, ctx.as_of).is_some()),
        RecordRef::Count(i) => ds
            .counts
            .get(i)
            .is_some_and(|x| ctx.chronology.later(&x.when, ctx.as_of).is_some()),
        RecordRef::Event(i) => ds.events.get(i).is_some_and(|e| ctx.status(e).is_later()),
        _ => false,
    };
    let base = if later { t.later } else { t.figure };
    base.add_modifier(if selected {
        Modifier::REVERSED
    } else {
        Modifier::UNDERLINED
    })
}

/// The paragraphs that contain `needle` (lower-cased; all when empty), each
/// wrapped to `width` behind a margin that numbers it ("¶10"), a blank line
/// between them, headings in the title style. Figures are marked; the
/// figure `selected` (an index into `spots`) is reversed. The whole article:
/// see [`window`] for what one screen needs.
pub fn page(
    ctx: &Ctx<'_>,
    spots: &[Spot],
    selected: Option<usize>,
    needle: &str,
    width: u16,
) -> Page {
    let mut out = Page {
        lines: Vec::new(),
        spot_lines: vec![None; spots.len()],
    };
    let Some(paragraphs) = ctx.data.dataset.source.text.as_deref() else {
        return out;
    };
    for (i, para) in paragraphs.iter().enumerate() {
        if !paragraph_matches(para, needle) {
            continue;
        }
        if !out.lines.is_empty() {
            out.lines.push(Line::default());
        }
        let first = out.lines.len();
        let (lines, on) = block(ctx, spots, i + 1, selected, needle, width);
        for (k, line) in on {
            out.spot_lines[k] = Some(first + line);
        }
        out.lines.extend(lines);
    }
    out
}

/// What one screen of `height` lines shows of [`page`]: the selected
/// figure's line a third of the way down where it can be, the page's end at
/// the bottom when it is near. Only the paragraphs that reach the screen are
/// wrapped, so it costs what is visible, whatever the article's length.
pub fn window(
    ctx: &Ctx<'_>,
    spots: &[Spot],
    selected: Option<usize>,
    needle: &str,
    width: u16,
    height: usize,
) -> Vec<Line<'static>> {
    let Some(paragraphs) = ctx.data.dataset.source.text.as_deref() else {
        return Vec::new();
    };
    let shown = |n: usize| {
        paragraphs
            .get(n - 1)
            .is_some_and(|p| paragraph_matches(p, needle))
    };
    let count = paragraphs.len();
    // The selected figure's paragraph, or the first shown.
    let anchor = selected
        .and_then(|k| spots.get(k))
        .map(|s| s.paragraph)
        .filter(|&n| shown(n))
        .or_else(|| (1..=count).find(|&n| shown(n)));
    let Some(anchor) = anchor else {
        return Vec::new();
    };
    let (mut lines, on) = block(ctx, spots, anchor, selected, needle, width);
    let mut at = selected
        .and_then(|k| on.iter().find(|(s, _)| *s == k))
        .map_or(0, |&(_, line)| line);
    let (mut before, mut after) = (anchor - 1, anchor + 1);
    // Earlier paragraphs, one at a time, each with the blank line after it.
    let mut earlier = |lines: &mut Vec<Line<'static>>, at: &mut usize| -> bool {
        while before >= 1 {
            let n = before;
            before -= 1;
            if shown(n) {
                let (mut b, _) = block(ctx, spots, n, selected, needle, width);
                b.push(Line::default());
                *at += b.len();
                b.append(lines);
                *lines = b;
                return true;
            }
        }
        false
    };
    while at < height / 3 && earlier(&mut lines, &mut at) {}
    let top = |lines: &Vec<Line<'static>>, at: usize| {
        at.saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height))
    };
    // Later paragraphs until the screen is full.
    while lines.len() < at.saturating_sub(height / 3) + height && after <= count {
        if shown(after) {
            let (b, _) = block(ctx, spots, after, selected, needle, width);
            lines.push(Line::default());
            lines.extend(b);
        }
        after += 1;
    }
    // Near the end: fill from above.
    while lines.len() < height && earlier(&mut lines, &mut at) {}
    let mut first = top(&lines, at);
    // Not the blank line between two paragraphs at the top.
    if first > 0 && first < at && lines.get(first).is_some_and(|l| l.width() == 0) {
        first += 1;
    }
    lines.into_iter().skip(first).take(height).collect()
}

/// One paragraph (`n`, from 1) wrapped to `width` behind its margin, and the
/// line (from 0) each of its figures starts on, as (spot, line).
fn block(
    ctx: &Ctx<'_>,
    spots: &[Spot],
    n: usize,
    selected: Option<usize>,
    needle: &str,
    width: u16,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = ctx.theme;
    let Some(paragraphs) = ctx.data.dataset.source.text.as_deref() else {
        return (Vec::new(), Vec::new());
    };
    let Some(para) = paragraphs.get(n - 1) else {
        return (Vec::new(), Vec::new());
    };
    let margin = text::width(&format!("¶{} ", paragraphs.len()));
    let body_w = u16::try_from(usize::from(width).saturating_sub(margin)).unwrap_or(0);
    let plain = if is_heading(para) {
        t.title.add_modifier(Modifier::BOLD)
    } else {
        t.base
    };
    // Spots are in reading order: this paragraph's are one run.
    let start = spots.partition_point(|s| s.paragraph < n);
    let end = start + spots[start..].partition_point(|s| s.paragraph == n);
    let here: Vec<usize> = (start..end).collect();
    let line = Line::from(marked(ctx, para, spots, &here, selected, needle, plain));
    // Each figure's line: wrapping only drops spaces, so the line that
    // holds as many visible characters as come before the figure, and one.
    let wrapped = text::wrap(&[line], body_w);
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let mut ends = Vec::with_capacity(wrapped.len());
    let mut seen = 0;
    for l in &wrapped {
        seen += l.spans.iter().map(|s| visible(&s.content)).sum::<usize>();
        ends.push(seen);
    }
    let on = here
        .iter()
        .map(|&k| {
            let before = para.get(..spots[k].range.start).map_or(0, visible);
            (k, ends.iter().position(|&e| e > before).unwrap_or(0))
        })
        .collect();
    let lines = wrapped
        .into_iter()
        .enumerate()
        .map(|(j, l)| {
            let m = if j == 0 {
                text::pad(&format!("¶{n}"), margin, false)
            } else {
                " ".repeat(margin)
            };
            let mut spans = vec![Span::styled(m, t.muted)];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    (lines, on)
}

/// A paragraph's spans: its text, the figures at `here` (indices into
/// `spots`) marked, and what the filter searches for (`needle`,
/// lower-cased) in the filter's style. Overlapping figures share their
/// cells; the selection's mark wins.
fn marked(
    ctx: &Ctx<'_>,
    para: &str,
    spots: &[Spot],
    here: &[usize],
    selected: Option<usize>,
    needle: &str,
    plain: Style,
) -> Vec<Span<'static>> {
    let mut cuts: Vec<usize> = vec![0, para.len()];
    for &k in here {
        cuts.push(spots[k].range.start);
        cuts.push(spots[k].range.end);
    }
    // Where lower-casing keeps every byte in place (it does for Chinese and
    // ASCII), the needle's places in the lower-cased text are its places here.
    let lower = para.to_lowercase();
    let found: Vec<Range<usize>> = if needle.is_empty() || lower.len() != para.len() {
        Vec::new()
    } else {
        lower
            .match_indices(needle)
            .map(|(i, m)| i..i + m.len())
            .collect()
    };
    for r in &found {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.retain(|&c| para.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let search = ctx.theme.filter.add_modifier(Modifier::BOLD);
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = para.get(a..b) else {
            continue;
        };
        let covering = here
            .iter()
            .copied()
            .filter(|&k| spots[k].range.start <= a && b <= spots[k].range.end);
        let mut style = None;
        for k in covering {
            let sel = Some(k) == selected;
            if style.is_none() || sel {
                style = Some(mark(ctx, spots[k].record, sel));
            }
        }
        let searched = found.iter().any(|r| r.start <= a && b <= r.end);
        let style = style.unwrap_or(if searched { search } else { plain });
        spans.push(Span::styled(piece.to_string(), style));
    }
    spans
}

/// A paragraph with its figures in brackets: 已经复工[470]家. Overlapping
/// figures are bracketed once, as the first of them.
pub fn bracketed(para: &str, spots: &[Spot], paragraph: usize) -> String {
    let mut out = String::with_capacity(para.len() + 16);
    let mut at = 0;
    for s in spots.iter().filter(|s| s.paragraph == paragraph) {
        if s.range.start < at {
            continue;
        }
        let (Some(before), Some(fig)) = (para.get(at..s.range.start), para.get(s.range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push('[');
        out.push_str(fig);
        out.push(']');
        at = s.range.end;
    }
    out.push_str(para.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::asof::Chronology;
    use crate::data::{Lang, Loaded, load};
    use crate::theme::Theme;

    fn embedded() -> Loaded {
        load(None).expect("the embedded dataset loads")
    }

    fn text(data: &Loaded) -> &[String] {
        data.dataset.source.text.as_deref().expect("the article")
    }

    #[test]
    fn every_spot_is_its_records_figure_in_reading_order() {
        let data = embedded();
        let spots = spots(&data.dataset);
        assert!(spots.len() > 40, "{}", spots.len());
        for s in &spots {
            let written = &text(&data)[s.paragraph - 1][s.range.clone()];
            let figure = match s.record {
                RecordRef::Rate(i) => data.dataset.rates[i].figure.clone(),
                RecordRef::Count(i) => data.dataset.counts[i].figure.clone(),
                RecordRef::Event(i) => data.dataset.events[i].figure.clone().unwrap_or_default(),
                _ => String::new(),
            };
            assert_eq!(written, figure, "{:?}", s.record);
        }
        assert!(
            spots
                .windows(2)
                .all(|w| (w[0].paragraph, w[0].range.start) <= (w[1].paragraph, w[1].range.start))
        );
    }

    #[test]
    fn headings_are_the_six_short_lines() {
        let data = embedded();
        let headings: Vec<usize> = text(&data)
            .iter()
            .enumerate()
            .filter(|(_, p)| is_heading(p))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(headings, [4, 5, 11, 12, 18, 19]);
    }

    #[test]
    fn brackets_mark_the_figures() {
        let data = embedded();
        let spots = spots(&data.dataset);
        let p10 = bracketed(&text(&data)[9], &spots, 10);
        assert!(
            p10.contains("荣昌高新区[478]家投产企业，已经复工[470]家，复工率[98.3%]"),
            "{p10}"
        );
        // A paragraph without figures reads as written.
        assert_eq!(bracketed(&text(&data)[0], &spots, 1), text(&data)[0]);
    }

    #[test]
    fn each_figure_lands_on_the_line_that_shows_it() {
        let data = embedded();
        let chronology = Chronology::new(&data.dataset);
        let ctx = Ctx {
            data: &data,
            chronology: &chronology,
            as_of: chronology.default_date(),
            lang: Lang::Zh,
            theme: &Theme::DARK,
        };
        let spots = spots(&data.dataset);
        for width in [40, 78, 198] {
            let page = page(&ctx, &spots, None, "", width);
            for (k, s) in spots.iter().enumerate() {
                let at = page.spot_lines[k].expect("every paragraph is shown");
                let line: String = page.lines[at]
                    .spans
                    .iter()
                    .map(|x| x.content.as_ref())
                    .collect();
                let fig = &text(&data)[s.paragraph - 1][s.range.clone()];
                // It starts there (a date such as 3月21日 may wrap after 3).
                let starts = line.contains(fig)
                    || fig
                        .char_indices()
                        .skip(1)
                        .any(|(i, _)| line.ends_with(&fig[..i]));
                assert!(starts, "{width}: {fig} on {line:?}");
                assert!(crate::text::width(&line) <= usize::from(width), "{line}");
            }
        }
        // A needle keeps only its paragraphs, and is marked in them.
        let page = page(&ctx, &spots, None, "荣昌", 78);
        assert!(
            spots
                .iter()
                .enumerate()
                .all(|(k, s)| page.spot_lines[k].is_some() == (s.paragraph == 10))
        );
        let search = Theme::DARK.filter.add_modifier(Modifier::BOLD);
        assert!(
            page.lines
                .iter()
                .flat_map(|l| &l.spans)
                .any(|s| s.content == "荣昌" && s.style == search)
        );
    }

    #[test]
    fn a_window_is_the_page_seen_through_the_screen() {
        let data = embedded();
        let chronology = crate::data::asof::Chronology::new(&data.dataset);
        let theme = crate::theme::Theme::DARK;
        let ctx = Ctx {
            data: &data,
            chronology: &chronology,
            as_of: chronology.default_date(),
            lang: crate::data::Lang::Zh,
            theme: &theme,
        };
        let spots = spots(&data.dataset);
        let plain = |lines: &[Line<'_>]| -> Vec<String> {
            lines
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        };
        for (width, height) in [(40, 10), (78, 16), (198, 48)] {
            for needle in ["", "荣昌"] {
                for selected in [None, Some(0), Some(spots.len() / 2), Some(spots.len() - 1)] {
                    let page = page(&ctx, &spots, selected, needle, width);
                    let at = selected
                        .and_then(|k| page.spot_lines.get(k).copied().flatten())
                        .unwrap_or(0);
                    let mut top = at
                        .saturating_sub(height / 3)
                        .min(page.lines.len().saturating_sub(height));
                    if top > 0 && top < at && page.lines.get(top).is_some_and(|l| l.width() == 0) {
                        top += 1;
                    }
                    let want: Vec<Line> =
                        page.lines.iter().skip(top).take(height).cloned().collect();
                    let got = window(&ctx, &spots, selected, needle, width, height);
                    assert_eq!(
                        plain(&got),
                        plain(&want),
                        "{width}x{height} {needle:?} {selected:?}"
                    );
                }
            }
        }
    }
}
