//! A drafted record's words: its label from the words around its figure,
//! its unit in English, and its quote (the clause around it).

use crate::data::model::{Category, Source};
use crate::data::scan::{self, Found};

pub(super) fn english_unit(c: &Category) -> &'static str {
    match c {
        Category::Jobs => "jobs",
        Category::Teams => "teams",
        Category::Enterprises => "enterprises",
        Category::Duration => "days",
        Category::Cadres
        | Category::Workers
        | Category::Staff
        | Category::Commando
        | Category::People => "people",
        _ => "items",
    }
}

/// A rate's label: the words before it in its clause (复工率, 上岗率), without
/// the verb that joins them (达, 为); else the words after.
pub(super) fn rate_label(p: &str, start: usize, end: usize, chinese: bool) -> String {
    let before = scan::noun_before(p, start, chinese);
    // Not the tail of the figure before (95％和八成).
    let mut s = before
        .trim()
        .trim_start_matches(['％', '%', '和', '及', '与', '、', ' ']);
    for w in [
        "达到",
        "达",
        "为",
        "是",
        "到",
        "约",
        "超过",
        "近",
        "保持在",
        "提高到",
        "升至",
        "reached",
        "was",
        "at",
        "of",
    ] {
        s = s.strip_suffix(w).unwrap_or(s).trim_end();
    }
    if s.chars().count() >= 2 {
        return s.to_string();
    }
    let after = scan::noun_after(p, end, chinese).trim();
    if after.is_empty() {
        p[start..end].to_string()
    } else {
        after.to_string()
    }
}

/// An event's label: the words after its date, in its clause or the next
/// (3月22日，中国商飞公司…); where nothing follows in its sentence, the
/// words before it ("1,500 masks were delivered on March 18").
pub(super) fn event_label(p: &str, start: usize, end: usize, chinese: bool) -> String {
    let (_, se) = scan::sentence(p, end);
    let (_, ce) = scan::clause(p, end);
    let mut s = p[end..ce].trim_start_matches(['，', ',', ' ', '　']).trim();
    if s.chars().count() < 4 && ce < se {
        let next = p[ce..se].trim_start_matches(|c: char| !c.is_alphanumeric() && !scan::is_han(c));
        let at = se - next.len();
        let (_, ne) = scan::clause(p, at);
        s = p[at..ne.clamp(at, se)].trim();
    }
    if s.chars().count() < 2 {
        s = scan::noun_before(p, start, chinese).trim();
    }
    let cut = s.char_indices().nth(16).map_or(s.len(), |(k, _)| k);
    let label = s[..cut].trim();
    if label.is_empty() {
        p[start..end].to_string()
    } else {
        label.to_string()
    }
}

/// The clause around the figure, verbatim; a short one takes the clause after it too.
pub(super) fn source(n: u32, p: &str, f: &Found) -> Source {
    let (mut s, mut e) = scan::clause(p, f.start);
    s = s.min(f.start);
    e = e.max(f.end);
    if p[s..e].chars().count() < 8 {
        let (_, se) = scan::sentence(p, f.start);
        let after_stop = e + p[e..].chars().next().map_or(0, char::len_utf8);
        let next_end = scan::clause(p, after_stop).1.min(se);
        if next_end > e {
            e = next_end;
        }
        // Stay whole characters and at most about 40 of them.
        let limit = p[s..]
            .char_indices()
            .nth(40)
            .map_or(p.len(), |(k, _)| s + k);
        e = e.min(limit.max(f.end));
    }
    let quote = p[s..e].trim_matches(['　', ' ']);
    Source {
        paragraph: n,
        quote: quote.to_string(),
    }
}
