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
    if chinese {
        zh::scan(paragraph)
    } else {
        en::scan(paragraph)
    }
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
