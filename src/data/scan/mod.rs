//! Finding every figure of a paragraph: numbers with their units and
//! qualifiers, percentages, percentage-point changes, ordinals, dates and
//! times, in Chinese (`zh`) or English (`en`).
//!
//! `draft` turns what is found into records; `check` uses it to list the
//! figures of an article that no record carries. No crate reads news text
//! this way (chinese-number reads neither 2.3万 nor percentages, and none
//! reads qualifiers or 截至3月23日), so the grammar is ours. It is one
//! pass over the characters, linear in the paragraph.

mod en;
mod found;
pub mod units;
mod zh;

pub use found::*;

/// Every figure of `paragraph`, in order, in the language given.
pub fn scan(paragraph: &str, chinese: bool) -> Vec<Found> {
    if !chinese {
        return en::scan(paragraph);
    }
    // Some pages set figures apart with spaces (截至 2 月 22 日, 490 万 人):
    // read them without, and give the positions in the paragraph as written.
    match squeeze(paragraph) {
        None => zh::scan(paragraph),
        Some((text, at)) => zh::scan(&text)
            .into_iter()
            .map(|mut f| {
                let back = |i: usize| match i.checked_sub(1) {
                    Some(last) => at[last] + 1,
                    None => 0,
                };
                f.start = at[f.start];
                f.end = back(f.end);
                if let What::Number(n) = &mut f.what {
                    n.unit_end = back(n.unit_end);
                }
                f
            })
            .collect(),
    }
}

/// The paragraph without the spaces that stand between a digit and a Han
/// character (either way round), with each byte's offset in the paragraph;
/// `None` when there are none.
fn squeeze(p: &str) -> Option<(String, Vec<usize>)> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '%' | '％' | '.');
    let gap = |k: usize| {
        let (Some(&(_, a)), Some(&(_, b))) = (
            k.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(k + 1),
        ) else {
            return false;
        };
        chars[k].1 == ' ' && ((numeric(a) && is_han(b)) || (is_han(a) && numeric(b)))
    };
    if !(0..chars.len()).any(gap) {
        return None;
    }
    let mut text = String::with_capacity(p.len());
    let mut at = Vec::with_capacity(p.len() + 1);
    for (k, &(i, c)) in chars.iter().enumerate() {
        if gap(k) {
            continue;
        }
        text.push(c);
        at.extend(i..i + c.len_utf8());
    }
    at.push(p.len());
    Some((text, at))
}

/// Years the paragraph prints (2020年, "March 22, 2020"), for the draft's year.
pub fn years(paragraph: &str, chinese: bool) -> Vec<i32> {
    scan(paragraph, chinese)
        .into_iter()
        .filter_map(|f| match f.what {
            What::Date(d) => d.year,
            _ => None,
        })
        .chain(zh::printed_years(paragraph))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Qualifier;

    fn figures(p: &str) -> Vec<&str> {
        scan(p, true)
            .into_iter()
            .map(|f| &p[f.start..f.end])
            .collect()
    }

    #[test]
    fn spaced_figures_read_as_written() {
        let p = "截至 2 月 22 日，复工数 4.2 万家，复工人数 490 万人，复工面均达九成五以上。";
        assert_eq!(figures(p), ["2 月 22 日", "4.2 万", "490 万", "九成五以上"]);
        let f = scan(p, true).remove(3);
        assert!(
            matches!(f.what, What::Percent { value, qualifier: Qualifier::MoreThan, .. } if value == 95.0)
        );
    }

    #[test]
    fn traditional_chinese() {
        let p = "全省已復工企業4.45萬家，復工率超過90%，較前一日提高5.6個百分點。";
        assert_eq!(figures(p), ["4.45萬", "超過90%", "5.6"]);
        assert!(matches!(scan(p, true)[2].what, What::Points { value, .. } if value == 5.6));
    }
}
