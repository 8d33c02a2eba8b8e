//! What the scanner finds, and the clauses and sentences around it.

use crate::data::model::{Category, PartOfDay, Precision, Qualifier, Relation};

/// A figure found in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the figure's characters in the paragraph (2.3万多,
    /// 第四十二, 98.3%, 3月22日上午10时59分, more than 23,000).
    pub start: usize,
    pub end: usize,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A count: people, enterprises, tonnes, days; or an ordinal (第二批).
    Number(Number),
    /// A percentage (98.3%, 八成, 5成以上).
    Percent {
        value: f64,
        decimals: u32,
        qualifier: Qualifier,
    },
    /// A change in percentage points (提高5.6个百分点); `value` is signed
    /// by the verb before it (下降 → negative).
    Points {
        value: f64,
        decimals: u32,
    },
    Date(DateFound),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    pub qualifier: Qualifier,
    pub ordinal: bool,
    pub unit_zh: String,
    pub unit_en: String,
    pub category: Category,
    /// Where the unit ends (the figure's end when there is none); the
    /// words after it name what is counted.
    pub unit_end: usize,
}

/// A date or a time as the article writes it, without the year unless it
/// prints one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateFound {
    pub year: Option<i32>,
    /// `None` for a time alone (下午2点半): the day is the last one named.
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The last day of a range (2月1日-27日).
    pub until_day: Option<u8>,
    pub precision: DatePrecision,
    pub relation: Relation,
    pub time: Option<(u8, u8)>,
    pub part_of_day: Option<PartOfDay>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    MidMonth,
    EndOfMonth,
    Winter,
    /// A time of day with no date of its own.
    TimeOnly,
}

impl DatePrecision {
    pub fn model(self) -> Precision {
        match self {
            DatePrecision::Day | DatePrecision::TimeOnly => Precision::Day,
            DatePrecision::MidMonth => Precision::MidMonth,
            DatePrecision::EndOfMonth => Precision::EndOfMonth,
            DatePrecision::Winter => Precision::Winter,
        }
    }
}

/// The language of a text, by its letters: Chinese when it has more Han
/// characters than Latin words.
pub fn is_chinese(text: &str) -> bool {
    let han = text.chars().filter(|c| is_han(*c)).count();
    let latin = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        .count();
    han >= latin
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The words after `at` up to the clause's end: at most eight characters
/// of Chinese, or four words of English.
pub fn noun_after(p: &str, at: usize, chinese: bool) -> &str {
    let (_, end) = clause(p, at);
    let s = &p[at..end.max(at)];
    // Not into the next figure: 乡镇干部和1名人社服务人员.
    let s = match s.find(|c: char| c.is_ascii_digit() || (chinese && "和及与".contains(c))) {
        Some(k) if chinese || k > 0 => &s[..k],
        _ => s,
    };
    let cut = if chinese {
        s.char_indices().nth(8).map_or(s.len(), |(k, _)| k)
    } else {
        s.match_indices(' ').nth(4).map_or(s.len(), |(k, _)| k)
    };
    &s[..cut]
}

/// The words before `at` back to the clause's start: at most sixteen
/// characters of Chinese, or four words of English.
pub fn noun_before(p: &str, at: usize, chinese: bool) -> &str {
    let (start, _) = clause(p, at);
    let s = &p[start.min(at)..at];
    // Not back into the figure before: 共128名工人其中… reads from 名 on.
    let s = match s.rfind(|c: char| c.is_ascii_digit()) {
        Some(k) => &s[k + 1..],
        None => s,
    };
    let cut = if chinese {
        let n = s.chars().count();
        s.char_indices()
            .nth(n.saturating_sub(16))
            .map_or(0, |(k, _)| k)
    } else {
        s.rmatch_indices(' ').nth(4).map_or(0, |(k, _)| k + 1)
    };
    &s[cut..]
}

/// The sentence around byte `at`: from after the previous 。！？； (or
/// ". ") to the next, as a byte range.
pub fn sentence(paragraph: &str, at: usize) -> (usize, usize) {
    bounds(paragraph, at, |c| {
        matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '.')
    })
}

/// The clause around byte `at`: the sentence, cut at commas and colons too.
pub fn clause(paragraph: &str, at: usize) -> (usize, usize) {
    bounds(paragraph, at, |c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '；'
                | '!'
                | '?'
                | ';'
                | '，'
                | '、'
                | '：'
                | ','
                | ':'
                | '“'
                | '”'
                | '"'
                | '（'
                | '）'
                | '('
                | ')'
                | '…'
                | '.'
                | '—'
        )
    })
}

fn bounds(paragraph: &str, at: usize, stop: impl Fn(char) -> bool) -> (usize, usize) {
    let mut at = at.min(paragraph.len());
    while !paragraph.is_char_boundary(at) {
        at -= 1;
    }
    // A comma or a point between digits (1,801, 98.3) is part of a number;
    // an English full stop ends a sentence only before a space or the end.
    let stops = |i: usize, c: char| {
        if matches!(c, ',' | '.') && is_digit_comma(paragraph, i) {
            return false;
        }
        if c == '.' {
            return paragraph[i + 1..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        }
        stop(c)
    };
    let start = paragraph[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| stops(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = paragraph[at..]
        .char_indices()
        .find(|&(i, c)| stops(at + i, c))
        .map_or(paragraph.len(), |(i, _)| at + i);
    (start, end)
}

/// A comma between digits (1,801) is part of a number, not a clause's end.
fn is_digit_comma(p: &str, i: usize) -> bool {
    let before = p[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let after = p[i + 1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit());
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_by_letters() {
        assert!(is_chinese("3月22日，中国商飞公司安全复工复产第四十二天。"));
        assert!(!is_chinese(
            "On March 22, more than 23,000 workers returned."
        ));
    }

    #[test]
    fn clauses_and_sentences() {
        let p = "截至目前，荣昌高新区478家投产企业，已经复工470家。下一句";
        let at = p.find("478").unwrap();
        let (s, e) = clause(p, at);
        assert_eq!(&p[s..e], "荣昌高新区478家投产企业");
        let (s, e) = sentence(p, at);
        assert_eq!(&p[s..e], "截至目前，荣昌高新区478家投产企业，已经复工470家");
        let p = "In all, 1,801 firms reopened, officials said.";
        let (s, e) = clause(p, p.find("1,801").unwrap());
        assert_eq!(&p[s..e], " 1,801 firms reopened");
    }
}
