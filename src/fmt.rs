//! Number and date formatting shared by the checks, the dashboard and the CLI.
//!
//! A leaf: it imports nothing from the crate, so every other module may use it.

use time::Date;

/// 23000 → "23,000".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What is written around a number to say how exact it is: "~" before
/// ("~10,000,000"), "+" after ("23,000+"). The data's qualifier converts into
/// it, so this module needs no data types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    pub before: &'static str,
    pub after: &'static str,
}

/// A count's number as shown: "23,000+", "~10,000,000", "298".
pub fn count_value(value: u64, marks: impl Into<Marks>) -> String {
    let Marks { before, after } = marks.into();
    format!("{before}{}{after}", group(value))
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

/// 2020-03-22.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// 2020年3月25日.
pub fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(count_value(23000, marks("", "+")), "23,000+");
        assert_eq!(count_value(298, Marks::default()), "298");
        assert_eq!(count_value(10_000_000, marks("~", "")), "~10,000,000");
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
