//! Reading a figure as the article writes it: "298", "2.3万多", "四十二", "98.3%", "千万".

/// A figure read from the article's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// Ends in 多 / 余 / + ("more than").
    pub at_least: bool,
    /// Ends in % / ％.
    pub percent: bool,
    /// Digits after the decimal point, for rounding tolerance ("98.3" → 1).
    pub decimals: u32,
}

/// Reads a figure, or `None` when the text is not one fugong can read.
pub fn parse(text: &str) -> Option<Figure> {
    let mut s = text.trim();
    s = s.strip_prefix('第').unwrap_or(s);
    let mut at_least = false;
    let mut percent = false;
    loop {
        if let Some(rest) = s.strip_suffix(['多', '余', '+']) {
            at_least = true;
            s = rest;
        } else if let Some(rest) = s.strip_suffix(['%', '％']) {
            percent = true;
            s = rest;
        } else {
            break;
        }
    }
    let (value, decimals) = parse_arabic(s).or_else(|| parse_chinese(s).map(|v| (v, 0)))?;
    Some(Figure {
        value,
        at_least,
        percent,
        decimals,
    })
}

/// "2.3万", "1,234", "15万", "6530".
fn parse_arabic(s: &str) -> Option<(f64, u32)> {
    let (digits, multiplier) = match s.strip_suffix('万') {
        Some(rest) => (rest, 1e4),
        None => match s.strip_suffix('亿') {
            Some(rest) => (rest, 1e8),
            None => (s, 1.0),
        },
    };
    let digits: String = digits.chars().filter(|&c| c != ',').collect();
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, frac)| u32::try_from(frac.len()).unwrap_or(u32::MAX));
    let value: f64 = digits.parse().ok()?;
    Some((value * multiplier, decimals))
}

/// Chinese numerals: "四十二", "二", "十", "千万", "两百".
fn parse_chinese(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u64;
    let mut section = 0u64;
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
                digit = None;
            }
            '万' | '亿' => {
                let unit = if c == '万' { 10_000 } else { 100_000_000 };
                let part = section.checked_add(digit.unwrap_or(0))?;
                let part = if part == 0 && total == 0 { 1 } else { part };
                total = total.checked_add(part)?.checked_mul(unit)?;
                section = 0;
                digit = None;
            }
            _ => return None,
        }
    }
    let value = total
        .checked_add(section)?
        .checked_add(digit.unwrap_or(0))?;
    // u64 → f64 is exact far beyond any figure an article prints.
    Some(value as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<f64> {
        parse(s).map(|f| f.value)
    }

    #[test]
    fn arabic_figures() {
        assert_eq!(value("298"), Some(298.0));
        assert_eq!(value("6530"), Some(6530.0));
        assert_eq!(value("1,234"), Some(1234.0));
        assert_eq!(value("15万").map(f64::round), Some(150_000.0));
        assert_eq!(value("2.3万多").map(f64::round), Some(23_000.0));
    }

    #[test]
    fn qualifiers_and_percent() {
        let f = parse("2.3万多").unwrap();
        assert!(f.at_least && !f.percent);
        let f = parse("98.3%").unwrap();
        assert!(f.percent && !f.at_least);
        assert_eq!(f.decimals, 1);
        assert_eq!(f.value, 98.3);
        assert!(parse("7000多").unwrap().at_least);
        assert!(!parse("7000").unwrap().at_least);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(value("四十二"), Some(42.0));
        assert_eq!(value("第四十二"), Some(42.0));
        assert_eq!(value("二"), Some(2.0));
        assert_eq!(value("十"), Some(10.0));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("两百零三"), Some(203.0));
        assert_eq!(value("千万"), Some(10_000_000.0));
        assert_eq!(value("三万五千"), Some(35_000.0));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for s in [
            "",
            "多",
            "abc",
            "3月",
            ".5",
            "1.2.3",
            "万万万万万万万万万万",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}
