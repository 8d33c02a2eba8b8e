//! Number and date formatting shared by the checks, the dashboard and the CLI.
//!
//! One style per language, written here once. Chinese as the article writes
//! it: digits without separators, 万 and 亿 for round large numbers, the
//! qualifier in words, the unit joined on (1.5万多名, 298名, 第42天), dates
//! as 2020年3月22日. English: digits grouped by thousands, the qualifier as a
//! sign (15,000+ people, ~10,000,000), dates as 2020-03-22. Functions that
//! depend on the language take `zh`: whether the text is Chinese.
//!
//! A leaf: it imports nothing from the crate, so every other module may use it.

use time::Date;

/// 23000 → "23,000".
pub fn group(n: u64) -> String {
    // The digits, last first, without formatting machinery.
    let (mut digits, mut len, mut rest) = ([0u8; 20], 0, n);
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(len + len / 3);
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
    out
}

/// A whole number in a language's style: "23,000" in English; in Chinese
/// "23000" below 万, and 万 or 亿 when the number is round enough to need at
/// most two decimals there ("2.3万", "1000万", "1.5亿"), as Chinese news
/// writes it; "10175" stays as it is.
pub fn number(n: u64, zh: bool) -> String {
    if !zh {
        return group(n);
    }
    const WAN: u64 = 10_000;
    const YI: u64 = 100_000_000;
    let scaled = |unit: u64, word: &str| {
        let whole = n / unit;
        let hundredths = (n % unit) / (unit / 100);
        let mut s = whole.to_string();
        if hundredths > 0 {
            s.push_str(&format!(".{hundredths:02}"));
            let kept = s.trim_end_matches('0').len();
            s.truncate(kept);
        }
        s.push_str(word);
        s
    };
    if n >= YI && n.is_multiple_of(YI / 100) {
        scaled(YI, "亿")
    } else if n >= WAN && n.is_multiple_of(WAN / 100) {
        scaled(WAN, "万")
    } else {
        n.to_string()
    }
}

/// What is written around a number to say how exact it is, in the
/// language's style: in English a sign, "~" before ("~10,000,000"), "+" after
/// ("23,000+"); in Chinese words, "约" or "超过" before, "多" after ("2.3万多").
/// The data's qualifier converts into it, so this module needs no data types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    pub before: &'static str,
    pub after: &'static str,
}

/// A count's number as shown: "23,000+", "~10,000,000", "298"; in Chinese
/// "2.3万多", "约1000万", "298".
pub fn count_value(value: u64, marks: Marks, zh: bool) -> String {
    let Marks { before, after } = marks;
    format!("{before}{}{after}", number(value, zh))
}

/// An English unit for `value` of it: "1 person", "1 team", "2 teams".
/// Units are written in the plural; one of them reads in the singular.
pub fn singular(unit: &str, value: u64) -> std::borrow::Cow<'_, str> {
    if value != 1 {
        return unit.into();
    }
    match unit {
        "people" => "person".into(),
        "days and nights" => "day and night".into(),
        u if u.ends_with("ies") => format!("{}y", &u[..u.len() - 3]).into(),
        u if ["ches", "shes", "xes", "sses"]
            .iter()
            .any(|e| u.ends_with(e)) =>
        {
            u[..u.len() - 2].into()
        }
        u if u.ends_with('s') && !u.ends_with("ss") => u[..u.len() - 1].into(),
        u => u.into(),
    }
}

/// A percentage as shown: 98.3 → "98.3%", 100 → "100%".
pub fn percent(value: f64) -> String {
    use std::fmt::Write;
    // Datasets state rates to at most a few decimals; trim the trailing
    // zeros. One buffer, formatted once, trimmed in place.
    let mut s = String::with_capacity(16);
    let _ = write!(s, "{value:.2}");
    let kept = s.trim_end_matches('0').trim_end_matches('.').len();
    s.truncate(kept);
    s.push('%');
    s
}

/// A number to at most two decimals, trailing zeros trimmed: 5.6, 73, 2.25.
pub fn trim_number(value: f64) -> String {
    let s = format!("{value:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A date in a language's style: "2020年3月22日" or "2020-03-22".
pub fn date(d: Date, zh: bool) -> String {
    if zh { zh_date(d) } else { iso(d) }
}

/// A date without its year, for short cells: "3月22日" or "03-22".
pub fn month_day(d: Date, zh: bool) -> String {
    if zh {
        format!("{}月{}日", u8::from(d.month()), d.day())
    } else {
        format!("{:02}-{:02}", u8::from(d.month()), d.day())
    }
}

/// 2020-03-22: English's style, and what files and scripts read.
pub fn iso(d: Date) -> String {
    let mut s = String::with_capacity(10);
    push_iso(&mut s, d);
    s
}

/// [`iso`], written at the end of `out`.
pub fn push_iso(out: &mut String, d: Date) {
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            for div in [1000, 100, 10, 1] {
                out.push(digit(y / div));
            }
        }
        _ => out.push_str(&format!("{:04}", d.year())),
    }
    for n in [u32::from(u8::from(d.month())), u32::from(d.day())] {
        out.push('-');
        out.push(digit(n / 10));
        out.push(digit(n));
    }
}

/// 2020年3月25日.
pub fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_group_write_what_format_writes() {
        let mut d = Date::MIN;
        while d < Date::MAX {
            let want = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
            assert_eq!(iso(d), want);
            d = d.saturating_add(time::Duration::days(997));
        }
        let mut n: u64 = 0;
        while n < u64::MAX / 3 {
            let digits = n.to_string();
            let mut want = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    want.push(',');
                }
                want.push(c);
            }
            assert_eq!(group(n), want, "{n}");
            n = n * 3 + 1;
        }
        for n in 0..20_000 {
            assert_eq!(group(n).replace(',', ""), n.to_string());
        }
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(23000), "23,000");
        assert_eq!(group(10_000_000), "10,000,000");
        assert_eq!(group(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn counts_keep_their_marks() {
        let marks = |before, after| Marks { before, after };
        assert_eq!(count_value(23000, marks("", "+"), false), "23,000+");
        assert_eq!(count_value(298, Marks::default(), false), "298");
        assert_eq!(
            count_value(10_000_000, marks("~", ""), false),
            "~10,000,000"
        );
        assert_eq!(count_value(23000, marks("", "多"), true), "2.3万多");
        assert_eq!(count_value(10_000_000, marks("约", ""), true), "约1000万");
    }

    #[test]
    fn chinese_numbers_are_written_as_the_article_writes_them() {
        for (n, zh) in [
            (0, "0"),
            (298, "298"),
            (2048, "2048"),
            (7000, "7000"),
            (9999, "9999"),
            (10_000, "1万"),
            (10_175, "10175"),
            (15_000, "1.5万"),
            (23_000, "2.3万"),
            (10_100, "1.01万"),
            (10_010, "10010"),
            (123_400, "12.34万"),
            (10_000_000, "1000万"),
            (99_990_000, "9999万"),
            (100_000_000, "1亿"),
            (150_000_000, "1.5亿"),
            (100_100_000, "10010万"),
            (u64::MAX, "18446744073709551615"),
        ] {
            assert_eq!(number(n, true), zh, "{n}");
        }
        assert_eq!(number(15_000, false), "15,000");
    }

    #[test]
    fn a_chinese_number_reads_back_as_its_value() {
        // Every 万 form names its number exactly: what it drops is zeros.
        let read = |s: &str| -> u64 {
            let (num, unit) = match s.strip_suffix('亿') {
                Some(n) => (n, 100_000_000.0),
                None => match s.strip_suffix('万') {
                    Some(n) => (n, 10_000.0),
                    None => (s, 1.0),
                },
            };
            (num.parse::<f64>().unwrap_or(f64::NAN) * unit).round() as u64
        };
        let mut n: u64 = 1;
        for _ in 0..2000 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                % 10_000_000_000;
            let round = n - n % 100;
            for v in [n, round, round * 100] {
                assert_eq!(read(&number(v, true)), v, "{v} → {}", number(v, true));
            }
        }
    }

    #[test]
    fn dates_in_each_language() {
        let d = Date::from_calendar_date(2020, time::Month::March, 22).unwrap();
        assert_eq!(date(d, true), "2020年3月22日");
        assert_eq!(date(d, false), "2020-03-22");
        assert_eq!(month_day(d, true), "3月22日");
        assert_eq!(month_day(d, false), "03-22");
    }

    #[test]
    fn one_of_a_unit_reads_singular() {
        assert_eq!(singular("people", 1), "person");
        assert_eq!(singular("teams", 1), "team");
        assert_eq!(singular("teams", 4), "teams");
        assert_eq!(singular("kg", 1), "kg");
        assert_eq!(singular("batches", 1), "batch");
        assert_eq!(singular("aircraft", 1), "aircraft");
    }

    #[test]
    fn percentages_trim_zeros() {
        assert_eq!(percent(98.3), "98.3%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(99.0), "99%");
        assert_eq!(percent(0.0), "0%");
    }

    /// The formatting `percent` replaced: two `format!`s.
    fn percent_as_before(value: f64) -> String {
        let s = format!("{value:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        format!("{s}%")
    }

    #[test]
    fn percent_writes_what_it_wrote_before() {
        let mut values = vec![
            0.0,
            -0.0,
            0.125,
            0.005,
            0.015,
            99.995,
            99.994999,
            100.0,
            1e-9,
            -1e-9,
            1e300,
            -1e300,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -12.5,
            -0.001,
            10.0,
            1000.0,
        ];
        // Every hundredth and thousandth around the range rates live in,
        // and a spread of bit patterns.
        for i in -20_000..=200_000 {
            values.push(f64::from(i) / 1000.0);
        }
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..100_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
        }
        for v in values {
            assert_eq!(percent(v), percent_as_before(v), "{v:e}");
        }
    }
}
