//! The English grammar of figures: "more than 23,000 workers", "98.3
//! percent", "March 22", "the 42nd day", "nearly 300 enterprises".

use super::found::{DateFound, DatePrecision, Found, Number, What};
use super::units::english_category;
use crate::data::figure::Qualifier;
use crate::data::model::Relation;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

use crate::data::figure::{ENGLISH_NUMBERS as WORDS, ENGLISH_ORDINALS as ORDINALS};

const QUALIFIERS: [(&str, Qualifier); 8] = [
    ("more than ", Qualifier::MoreThan),
    ("at least ", Qualifier::AtLeast),
    ("approximately ", Qualifier::About),
    ("nearly ", Qualifier::Nearly),
    ("almost ", Qualifier::Nearly),
    ("around ", Qualifier::About),
    ("about ", Qualifier::About),
    ("over ", Qualifier::MoreThan),
];

/// Words after a number that are not what it counts.
const STOP: [&str; 24] = [
    "of", "in", "to", "from", "were", "was", "have", "had", "and", "who", "that", "at", "on",
    "for", "with", "by", "are", "is", "the", "a", "an", "or", "than", "as",
];

/// A word of the paragraph: its byte range and text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(p: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in p.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '%' | '-' | '\'' | '.' | ',' | ':');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(trimmed(p, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(trimmed(p, s, p.len()));
    }
    out.retain(|w| !w.text.is_empty());
    out
}

/// A word without the punctuation that ends a clause (", " ". ").
fn trimmed(p: &str, s: usize, e: usize) -> Word<'_> {
    let t = p[s..e].trim_end_matches(['.', ',', ':', '\'']);
    Word {
        start: s,
        end: s + t.len(),
        text: t,
    }
}

fn lower(w: &Word<'_>) -> String {
    w.text.to_ascii_lowercase()
}

/// "23,000" → 23000 with its decimals; `None` for a code (C919, COVID-19).
fn arabic(text: &str) -> Option<(f64, u32, &str)> {
    let digits_end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(text.len(), |(i, _)| i);
    let (num, tail) = text.split_at(digits_end);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let plain: String = num.chars().filter(|&c| c != ',').collect();
    let value: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    Some((value, decimals, tail))
}

pub(super) fn scan(p: &str) -> Vec<Found> {
    let ws = words(p);
    let mut out = Vec::new();
    let mut month: Option<u8> = None;
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        let lw = lower(&w);
        let lw = lw.strip_prefix("mid-").unwrap_or(&lw);
        if let Some(m) = MONTHS.iter().position(|m| {
            lw == *m || (lw.len() >= 3 && m.starts_with(lw) && p[w.end..].starts_with('.'))
        }) && let Some((f, next)) = month_day(p, &ws, i, m)
        {
            month = Some(m as u8 + 1);
            out.push(f);
            i = next;
            continue;
        }
        // "on the 7th": a day of the month last named.
        if let Some(m) = month
            && p[..w.start].to_ascii_lowercase().ends_with("the ")
            && let Some(day) = crate::data::figure::strip_ordinal(w.text)
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d))
        {
            out.push(Found {
                start: w.start,
                end: w.end,
                what: What::Date(DateFound {
                    month: Some(m),
                    day: Some(day),
                    ..DateFound::default()
                }),
            });
            i += 1;
            continue;
        }
        if let Some(f) = number_at(p, &ws, i) {
            let end = f.end;
            out.push(f);
            while i < ws.len() && ws[i].start < end {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    out
}

/// "March 22", "March 22, 2020", "mid-March" and the words before that say
/// how the figure relates to it ("as of", "since", "before").
fn month_day(p: &str, ws: &[Word<'_>], i: usize, m: usize) -> Option<(Found, usize)> {
    let w = ws[i];
    let mut d = DateFound {
        month: Some(m as u8 + 1),
        ..DateFound::default()
    };
    let start = w.start;
    let mut end = w.end;
    let mut next = i + 1;
    let before = p[..w.start].to_ascii_lowercase();
    if w.text.to_ascii_lowercase().starts_with("mid-") {
        d.precision = DatePrecision::MidMonth;
    } else if before.ends_with("end of ") || before.ends_with("end-") {
        d.precision = DatePrecision::EndOfMonth;
    } else {
        let day = ws.get(i + 1).and_then(|x| {
            let t = x.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            t.parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .map(|d| (d, x))
        })?;
        d.day = Some(day.0);
        end = day.1.end;
        next = i + 2;
        if let Some(y) = ws
            .get(i + 2)
            .and_then(|x| x.text.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
        {
            d.year = Some(y);
            end = ws[i + 2].end;
            next = i + 3;
        }
    }
    if before.ends_with("as of ")
        || before.ends_with("as at ")
        || before.ends_with("by the end of ")
        || before.ends_with("by ")
    {
        d.relation = Relation::AsOf;
    } else if before.ends_with("since ") {
        d.relation = Relation::Since;
    } else if before.ends_with("before ") || before.ends_with("before the end of ") {
        d.relation = Relation::Before;
    }
    Some((
        Found {
            start,
            end,
            what: What::Date(d),
        },
        next,
    ))
}

/// A number at word `i`, with the qualifier before it and the noun after.
fn number_at(p: &str, ws: &[Word<'_>], i: usize) -> Option<Found> {
    let w = ws[i];
    let lw = lower(&w);
    let (mut value, decimals, tail, mut ordinal) = if let Some((v, d, tail)) = arabic(w.text) {
        match tail {
            "" | "%" => (v, d, tail, false),
            "st" | "nd" | "rd" | "th" => (v, 0, "", true),
            _ => return None, // 5A, 5G, 10am
        }
    } else if let Some(&(_, v)) = WORDS.iter().find(|(x, _)| lw == *x) {
        (v, 0, "", false)
    } else if let Some(&(_, v)) = ORDINALS.iter().find(|(x, _)| lw == *x) {
        (v, 0, "", true)
    } else {
        return None;
    };
    let before = &p[..w.start];
    if before.ends_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
        return None; // COVID-19, K-1351
    }
    // Years are not counts: 2020, "in 2019".
    if tail.is_empty()
        && decimals == 0
        && !ordinal
        && w.text.len() == 4
        && (1900.0..=2100.0).contains(&value)
    {
        return None;
    }
    let lower_before = before.to_ascii_lowercase();
    let (start, qualifier) = QUALIFIERS
        .iter()
        .find(|(q, _)| lower_before.ends_with(q))
        .map_or((w.start, Qualifier::Exact), |(q, x)| {
            (w.start - q.len(), *x)
        });
    let mut end = w.end;
    let mut k = i + 1;
    if let Some(scale) = ws.get(k).and_then(|x| match lower(x).as_str() {
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "thousand" => Some(1e3),
        _ => None,
    }) {
        value *= scale;
        end = ws[k].end;
        k += 1;
    }
    let next = ws.get(k).map(lower).unwrap_or_default();
    if tail == "%"
        || next == "percent"
        || (next == "per" && ws.get(k + 1).is_some_and(|x| lower(x) == "cent"))
    {
        let points = ws.get(k + 1).is_some_and(|x| lower(x).starts_with("point"));
        if next == "percent" {
            end = ws[k].end;
        } else if next == "per" {
            end = ws[k + 1].end;
        }
        if points {
            return Some(Found {
                start: w.start,
                end,
                what: What::Points {
                    value: signed(&lower_before, value),
                    decimals,
                },
            });
        }
        return Some(Found {
            start,
            end,
            what: What::Percent {
                value,
                decimals,
                qualifier,
            },
        });
    }
    if next == "percentage" && ws.get(k + 1).is_some_and(|x| lower(x).starts_with("point")) {
        return Some(Found {
            start: w.start,
            end,
            what: What::Points {
                value: signed(&lower_before, value),
                decimals,
            },
        });
    }
    // "day 42" is an ordinal too.
    if !ordinal
        && ["day", "batch", "train"]
            .iter()
            .any(|x| lower_before.ends_with(&format!("{x} ")))
    {
        ordinal = true;
    }
    // The noun: the next word, skipping one code (six C919 aircraft); the
    // second word when it is the plural (migrant workers).
    // "470 of 478 firms": what the second number counts.
    let mut noun_at = k;
    if ws.get(k).is_some_and(|x| lower(x) == "of")
        && ws.get(k + 1).is_some_and(|x| arabic(x.text).is_some())
    {
        noun_at = k + 2;
    }
    if ws
        .get(noun_at)
        .is_some_and(|x| x.text.chars().any(|c| c.is_ascii_digit()))
    {
        noun_at += 1;
    }
    // A noun is lowercase: "7th, Shang Jianhua said" counts no Shangs.
    if ws
        .get(noun_at)
        .is_some_and(|x| x.text.starts_with(|c: char| c.is_ascii_uppercase()))
    {
        return None;
    }
    let first = ws.get(noun_at).map(lower).filter(|x| {
        !STOP.contains(&x.as_str()) && x.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
    });
    let Some(first) = first else {
        // Without a noun, a bare number is not drafted.
        return None;
    };
    let second = ws.get(noun_at + 1).map(lower).filter(|x| {
        !STOP.contains(&x.as_str())
            && x.ends_with('s')
            && !first.ends_with('s')
            && x.chars().all(|c| c.is_ascii_alphabetic())
    });
    let noun = second.unwrap_or(first);
    let unit_end = ws[noun_at].end;
    Some(Found {
        start,
        end,
        what: What::Number(Number {
            value,
            qualifier,
            ordinal,
            unit_zh: String::new(),
            category: english_category(&noun),
            unit_en: noun,
            unit_end,
        }),
    })
}

/// A change is negative after "down", "fell", "dropped", "decreased".
fn signed(before: &str, v: f64) -> f64 {
    let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    if last
        .iter()
        .any(|w| ["down", "fell", "dropped", "decreased", "declined", "lower"].contains(w))
    {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Category;

    fn figures(p: &str) -> Vec<&str> {
        scan(p).into_iter().map(|f| &p[f.start..f.end]).collect()
    }

    #[test]
    fn english_figures() {
        let p =
            "More than 23,000 workers returned, and 98.3 percent of firms reopened by March 22.";
        assert_eq!(figures(p), ["More than 23,000", "98.3 percent", "March 22"]);
        let p = "nearly 300 enterprises and 1.5 million masks; six C919 aircraft flew";
        assert_eq!(figures(p), ["nearly 300", "1.5 million", "six"]);
        let f = scan("six C919 aircraft").remove(0);
        assert!(
            matches!(f.what, What::Number(ref n) if n.unit_en == "aircraft" && n.category == Category::Physical)
        );
        let f = scan("23,000 migrant workers").remove(0);
        assert!(
            matches!(f.what, What::Number(ref n) if n.unit_en == "workers" && n.category == Category::Workers)
        );
    }

    #[test]
    fn english_non_figures() {
        for p in [
            "COVID-19 cases",
            "K1351 train",
            "a 5A scenic spot",
            "in 2020 the",
            "for the first time",
            "one of the",
        ] {
            assert_eq!(figures(p), Vec::<&str>::new(), "{p}");
        }
    }

    #[test]
    fn english_dates_ordinals_points() {
        let f = scan("As of March 23, 2020, the rate").remove(0);
        assert!(
            matches!(f.what, What::Date(ref d) if d.relation == Relation::AsOf && d.year == Some(2020) && d.day == Some(23))
        );
        let f = scan("the 42nd day of work").remove(0);
        assert!(matches!(f.what, What::Number(ref n) if n.ordinal && n.value == 42.0));
        let f = scan("up 5.6 percentage points").remove(0);
        assert!(matches!(f.what, What::Points { value, .. } if value == 5.6));
        let f = scan("in mid-October").remove(0);
        assert!(matches!(f.what, What::Date(ref d) if d.precision == DatePrecision::MidMonth));
    }
}
