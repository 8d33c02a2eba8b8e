//! The draft's year: given, printed, or reasoned from a leap day and a
//! weekday; else unknown, and `check` says what to add.

use time::{Date, Month, Weekday};

use super::super::model::{Text, Year};
use super::super::scan::{self, Found, What};

/// The years tried when the text gives only a leap day or a weekday.
const WINDOW: std::ops::RangeInclusive<i32> = 1990..=2035;

pub(super) fn year(
    paragraphs: &[String],
    found: &[Vec<Found>],
    chinese: bool,
    given: Option<i32>,
) -> Year {
    let mut printed: Vec<i32> = paragraphs
        .iter()
        .flat_map(|p| scan::years(p, chinese))
        .collect();
    printed.sort_unstable();
    // The year printed most often (a later one on a tie).
    let most = printed
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map(|run| run[0]);
    if let Some(y) = given {
        let inferred = most != Some(y);
        return Year {
            value: Some(y),
            inferred,
            reason: if inferred {
                text(
                    "起草时由 --year 给出；原文未印此年份。",
                    "Given with --year when drafted; the text does not print it.",
                )
            } else {
                Text::default()
            },
        };
    }
    if let Some(y) = most {
        return Year {
            value: Some(y),
            inferred: false,
            reason: Text::default(),
        };
    }
    // Constraints: a 2月29日 needs a leap year; a date with its weekday
    // (3月22日（星期日）, "Sunday, March 22") needs that weekday.
    let mut leap = false;
    let mut weekdays: Vec<(u8, u8, Weekday)> = Vec::new();
    for (p, fs) in paragraphs.iter().zip(found) {
        for f in fs {
            let What::Date(d) = &f.what else { continue };
            let (Some(m), Some(day)) = (d.month, d.day) else {
                continue;
            };
            if m == 2 && day == 29 {
                leap = true;
            }
            if let Some(w) = weekday_near(p, f.start, f.end) {
                weekdays.push((m, day, w));
            }
        }
    }
    if !leap && weekdays.is_empty() {
        return unknown(&[]);
    }
    let fits: Vec<i32> = WINDOW
        .filter(|&y| !leap || time::util::is_leap_year(y))
        .filter(|&y| {
            weekdays.iter().all(|&(m, d, w)| {
                Month::try_from(m)
                    .ok()
                    .and_then(|m| Date::from_calendar_date(y, m, d).ok())
                    .is_some_and(|date| date.weekday() == w)
            })
        })
        .collect();
    match fits.as_slice() {
        [y] => Year {
            value: Some(*y),
            inferred: true,
            reason: text(
                &format!(
                    "原文未印年份；{}{WINDOW_ZH}只有{y}年相符。",
                    if leap {
                        "文中有2月29日（闰年），"
                    } else {
                        ""
                    }
                    .to_string()
                        + if weekdays.is_empty() {
                            ""
                        } else {
                            "日期与星期相配，"
                        }
                ),
                &format!(
                    "The text prints no year; {}{y} is the only year of {} to {} that fits.",
                    if leap {
                        "it dates something 2月29日 (a leap year), "
                    } else {
                        ""
                    }
                    .to_string()
                        + if weekdays.is_empty() {
                            ""
                        } else {
                            "its weekdays match, and "
                        },
                    WINDOW.start(),
                    WINDOW.end()
                ),
            ),
        },
        many => unknown(many),
    }
}

const WINDOW_ZH: &str = "在1990至2035年间";

/// No year: the text gives none, or fits several (`candidates`).
fn unknown(candidates: &[i32]) -> Year {
    let list = candidates
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let reason = if candidates.len() > 1 {
        text(
            &format!("原文未印年份；其日期与{list}年都相符：用 --year 给出。"),
            &format!("The text prints no year; its dates fit {list}: give it with --year."),
        )
    } else {
        text(
            "原文未印年份，也推不出唯一的年份：用 --year 给出。",
            "The text prints no year and none follows from it: give it with --year.",
        )
    };
    Year {
        value: None,
        inferred: false,
        reason,
    }
}

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_string(),
        en: en.to_string(),
    }
}

/// A weekday written next to a date: 3月22日（星期日）, 周日, "Sunday, March 22".
fn weekday_near(p: &str, start: usize, end: usize) -> Option<Weekday> {
    let after: String = p[end..].chars().take(5).collect();
    let before: String = {
        let v: Vec<char> = p[..start].chars().rev().take(10).collect();
        v.into_iter().rev().collect()
    };
    const ZH: [(&str, Weekday); 14] = [
        ("星期一", Weekday::Monday),
        ("星期二", Weekday::Tuesday),
        ("星期三", Weekday::Wednesday),
        ("星期四", Weekday::Thursday),
        ("星期五", Weekday::Friday),
        ("星期六", Weekday::Saturday),
        ("星期日", Weekday::Sunday),
        ("周一", Weekday::Monday),
        ("周二", Weekday::Tuesday),
        ("周三", Weekday::Wednesday),
        ("周四", Weekday::Thursday),
        ("周五", Weekday::Friday),
        ("周六", Weekday::Saturday),
        ("周日", Weekday::Sunday),
    ];
    const EN: [(&str, Weekday); 7] = [
        ("Monday", Weekday::Monday),
        ("Tuesday", Weekday::Tuesday),
        ("Wednesday", Weekday::Wednesday),
        ("Thursday", Weekday::Thursday),
        ("Friday", Weekday::Friday),
        ("Saturday", Weekday::Saturday),
        ("Sunday", Weekday::Sunday),
    ];
    ZH.iter()
        .find(|(w, _)| after.trim_start_matches(['（', '(', ' ']).starts_with(w))
        .or_else(|| {
            EN.iter()
                .find(|(w, _)| before.trim_end_matches([',', ' ']).ends_with(w))
        })
        .map(|&(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_of(text: &str, given: Option<i32>) -> Year {
        let ps: Vec<String> = text.lines().map(str::to_string).collect();
        let fs: Vec<_> = ps.iter().map(|p| scan::scan(p, true)).collect();
        year(&ps, &fs, true, given)
    }

    #[test]
    fn given_printed_reasoned_or_unknown() {
        assert_eq!(year_of("3月22日，复工。", Some(2020)).value, Some(2020));
        assert!(year_of("3月22日，复工。", Some(2020)).inferred);
        let y = year_of("2020年3月22日，复工。", None);
        assert_eq!((y.value, y.inferred), (Some(2020), false));
        // A leap day alone fits many years.
        assert_eq!(year_of("2月29日下午，包机起飞。", None).value, None);
        // With its weekday, two in the window: 1992-02-29 and 2020-02-29
        // were Saturdays, 28 years apart.
        let y = year_of("2月29日（星期六）下午，包机起飞。", None);
        assert_eq!(y.value, None);
        assert!(y.reason.en.contains("1992, 2020"), "{:?}", y.reason);
        // Weekdays alone: the calendar repeats, so the reason names each
        // year that fits.
        let y = year_of("3月22日（星期一），复工。4月1日（星期四）。", None);
        assert_eq!(y.value, None);
        assert!(
            y.reason
                .en
                .contains("fit 1993, 1999, 2004, 2010, 2021, 2027, 2032:"),
            "{:?}",
            y.reason
        );
        assert_eq!(year_of("复工复产。", None).value, None);
    }
}
