//! Reading a figure as the article writes it: "298", "2.3万多", "四十二",
//! "98.3%", "千万", "近千", "5成以上", "百分之九十八", "more than 23,000".

use serde::{Deserialize, Serialize};

/// How exact a figure is: 2.3万多 is `at_least` 23000, 近千 is `nearly`
/// 1000, 超过300 is `more_than` 300, 约300 and 300左右 are `about` 300,
/// 千万千瓦级 is of the `order_of` 10 GW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// 多, 余, 逾, "+": this number and some more.
    AtLeast,
    /// 超, 超过, 以上, "more than", "over": above this number.
    MoreThan,
    /// 近, "nearly", "almost": a little under this number.
    Nearly,
    /// 约, 左右, "about", "around": close to this number, either side.
    About,
    /// 级: of this order of magnitude.
    OrderOf,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::Nearly,
        Qualifier::About,
        Qualifier::OrderOf,
    ];

    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }

    /// The name in the dataset's format ("at_least").
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::OrderOf => "order_of",
        }
    }

    /// The words of the article that say it, for messages.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "no qualifier",
            Qualifier::AtLeast => "多, 余, 逾 or +",
            Qualifier::MoreThan => "超, 超过, 以上, \"more than\" or \"over\"",
            Qualifier::Nearly => "近, \"nearly\" or \"almost\"",
            Qualifier::About => "约, 左右, \"about\" or \"around\"",
            Qualifier::OrderOf => "级",
        }
    }
}

/// A figure read from the article's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// What the figure's own words say of its exactness. 级 is not among
    /// them: it follows the unit (千万千瓦级), outside the figure.
    pub qualifier: Qualifier,
    /// A percentage: 98.3%, ９５％, 百分之九十八, 八成, "98.3 percent".
    pub percent: bool,
    /// Digits after the decimal point, for rounding tolerance ("98.3" → 1).
    pub decimals: u32,
}

/// Words before the number that qualify it, longest first.
const PREFIXES: [(&str, Qualifier); 18] = [
    ("more than ", Qualifier::MoreThan),
    ("at least ", Qualifier::AtLeast),
    ("approximately ", Qualifier::About),
    ("nearly ", Qualifier::Nearly),
    ("almost ", Qualifier::Nearly),
    ("around ", Qualifier::About),
    ("about ", Qualifier::About),
    ("over ", Qualifier::MoreThan),
    ("超过", Qualifier::MoreThan),
    ("超過", Qualifier::MoreThan),
    ("將近", Qualifier::Nearly),
    ("約", Qualifier::About),
    ("大约", Qualifier::About),
    ("将近", Qualifier::Nearly),
    ("逾", Qualifier::AtLeast),
    ("超", Qualifier::MoreThan),
    ("近", Qualifier::Nearly),
    ("约", Qualifier::About),
];

/// Words after the number that qualify it.
const SUFFIXES: [(&str, Qualifier); 6] = [
    ("以上", Qualifier::MoreThan),
    ("左右", Qualifier::About),
    ("多", Qualifier::AtLeast),
    ("余", Qualifier::AtLeast),
    ("餘", Qualifier::AtLeast),
    ("+", Qualifier::AtLeast),
];

/// Words that say a qualifier outside the figure, just before it (超过300)
/// or after its unit (300名以上, 千万千瓦级).
fn words_around(q: Qualifier) -> (&'static [&'static str], &'static [&'static str]) {
    match q {
        Qualifier::Exact => (&[], &[]),
        Qualifier::AtLeast => (&["逾", "at least "], &["多", "余"]),
        Qualifier::MoreThan => (&["超过", "超", "more than ", "over "], &["以上"]),
        Qualifier::Nearly => (&["近", "nearly ", "almost "], &[]),
        Qualifier::About => (&["约", "大约", "about ", "around "], &["左右"]),
        Qualifier::OrderOf => (&[], &["级"]),
    }
}

/// Why a record's qualifier `q` disagrees with its figure `f` (written
/// `figure` in `quote`), or `None` when they agree: the figure's own words
/// (2.3万多), or words beside it in the quote (超过300, 300名以上,
/// 千万千瓦级), must say it.
pub fn qualifier_problem(f: &Figure, figure: &str, quote: &str, q: Qualifier) -> Option<String> {
    if f.qualifier == q {
        return None;
    }
    if !f.qualifier.is_exact() {
        return Some(if f.qualifier == Qualifier::AtLeast {
            "the figure says \"more than\" (多): qualifier must be \"at_least\"".to_string()
        } else {
            format!(
                "the figure says {}: qualifier must be \"{}\"",
                f.qualifier.words(),
                f.qualifier.name()
            )
        });
    }
    let (before_words, after_words) = words_around(q);
    let beside = quote.match_indices(figure).any(|(at, _)| {
        let before = &quote[..at];
        // After the figure: its unit (up to four characters), then the word.
        let after: String = quote[at + figure.len()..].chars().take(6).collect();
        before_words.iter().any(|w| before.ends_with(w))
            || after_words.iter().any(|w| after.contains(w))
    });
    if beside {
        return None;
    }
    Some(if q == Qualifier::AtLeast {
        "qualifier \"at_least\" needs a figure with 多, 余 or +".to_string()
    } else {
        format!(
            "qualifier \"{}\" needs {} in or beside the figure \"{figure}\"",
            q.name(),
            q.words()
        )
    })
}

/// Reads a figure, or `None` when the text is not one fugong can read.
pub fn parse(text: &str) -> Option<Figure> {
    // 4.2 万, 490 万: spaces set apart a Chinese figure, not part of it.
    let squeezed;
    let mut s = if text.contains(' ') && !text.chars().any(|c| c.is_ascii_alphabetic()) {
        squeezed = text.replace(' ', "");
        squeezed.as_str()
    } else {
        text.trim()
    };
    let mut qualifier = Qualifier::Exact;
    let set = |q: Qualifier, qualifier: &mut Qualifier| -> Option<()> {
        if q == Qualifier::Exact {
            return Some(());
        }
        // Two words that qualify one number ("近300多") do not read as one.
        (*qualifier == Qualifier::Exact).then(|| *qualifier = q)
    };
    s = s.strip_prefix('第').unwrap_or(s);
    for (word, q) in PREFIXES {
        if let Some(rest) = strip_prefix_ignore_case(s, word) {
            set(q, &mut qualifier)?;
            s = rest;
            break;
        }
    }
    let mut percent = false;
    let mut tenths = false;
    if let Some(rest) = s.strip_prefix("百分之") {
        percent = true;
        s = rest;
    }
    loop {
        if let Some((rest, q)) = SUFFIXES
            .iter()
            .find_map(|&(w, q)| s.strip_suffix(w).map(|r| (r, q)))
        {
            set(q, &mut qualifier)?;
            s = rest;
        } else if let Some(rest) = s
            .strip_suffix(['%', '％'])
            .or_else(|| s.strip_suffix(" percent"))
            .or_else(|| s.strip_suffix(" per cent"))
        {
            if percent {
                return None;
            }
            percent = true;
            s = rest.trim_end();
        } else if let Some((rest, d)) = s
            .strip_suffix(|c: char| chinese_digit(c).is_some_and(|d| d > 0))
            .and_then(|r| {
                r.strip_suffix('成')
                    .map(|r2| (r2, s[r.len()..].chars().next()))
            })
            .filter(|_| !percent)
        {
            // 九成五: nine and a half tenths.
            let (value, _) = parse_arabic(rest).or_else(|| parse_chinese(rest).map(|v| (v, 0)))?;
            let half = d.and_then(chinese_digit).unwrap_or(0) as f64;
            return Some(Figure {
                value: value * 10.0 + half,
                qualifier,
                percent: true,
                decimals: 0,
            });
        } else if let Some(rest) = s.strip_suffix('成').filter(|_| !percent) {
            // 八成: eight tenths.
            percent = true;
            tenths = true;
            s = rest;
        } else {
            break;
        }
    }
    let (mut value, decimals) = parse_arabic(s)
        .or_else(|| parse_chinese(s).map(|v| (v, 0)))
        .or_else(|| parse_english(s).map(|v| (v, 0)))?;
    if tenths {
        value *= 10.0;
    }
    Some(Figure {
        value,
        qualifier,
        percent,
        decimals,
    })
}

fn strip_prefix_ignore_case<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    head.eq_ignore_ascii_case(word).then(|| &s[word.len()..])
}

/// "42" of "42nd": the digits before an English ordinal's suffix.
pub fn strip_ordinal(s: &str) -> Option<&str> {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|x| s.strip_suffix(x))
}

/// English number words; "one" is left out ("one of the", "one-stop").
pub const ENGLISH_NUMBERS: [(&str, f64); 19] = [
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("thousand", 1000.0),
];

/// English ordinal words; "first" is left out ("for the first time").
pub const ENGLISH_ORDINALS: [(&str, f64); 9] = [
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

/// "two", "six", "42nd", "second": an English number or ordinal.
fn parse_english(s: &str) -> Option<f64> {
    if let Some(digits) = strip_ordinal(s)
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        return digits.parse().ok();
    }
    let lower = s.to_ascii_lowercase();
    ENGLISH_NUMBERS
        .iter()
        .chain(&ENGLISH_ORDINALS)
        .find(|(w, _)| *w == lower)
        .map(|&(_, v)| v)
}

/// A digit as the article may write it: ASCII or full-width (０-９).
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// "2.3万", "1,234", "15万", "6530", "１２００", "4.45萬", "172.9亿",
/// "1.5 million".
fn parse_arabic(s: &str) -> Option<(f64, u32)> {
    let scales: [(&str, f64); 8] = [
        ("万", 1e4),
        ("萬", 1e4),
        ("亿", 1e8),
        ("億", 1e8),
        (" thousand", 1e3),
        (" million", 1e6),
        (" billion", 1e9),
        ("千", 1e3),
    ];
    let (digits, multiplier) = scales
        .iter()
        .find_map(|&(w, m)| s.strip_suffix(w).map(|r| (r, m)))
        .unwrap_or((s, 1.0));
    let mut plain = String::with_capacity(digits.len());
    let mut seen_point = false;
    for c in digits.chars() {
        if let Some(d) = digit(c) {
            plain.push(char::from_digit(d, 10)?);
        } else if matches!(c, '.' | '．') && !seen_point && !plain.is_empty() {
            seen_point = true;
            plain.push('.');
        } else if matches!(c, ',' | '，') && !seen_point && !plain.is_empty() {
            // A thousands separator.
        } else {
            return None;
        }
    }
    if plain.is_empty() || plain.ends_with('.') {
        return None;
    }
    let decimals = plain
        .split_once('.')
        .map_or(0, |(_, frac)| u32::try_from(frac.len()).unwrap_or(u32::MAX));
    let value: f64 = plain.parse().ok()?;
    Some((value * multiplier, decimals))
}

/// A Chinese numeral digit (零 to 九, 两/兩 for two).
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A Chinese numeral unit: 十 百 千 万 亿 (and their traditional forms).
pub fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Chinese numerals: "四十二", "二", "十", "千万", "两百", "一百二十".
fn parse_chinese(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u64;
    let mut section = 0u64;
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            continue;
        }
        match chinese_unit(c)? {
            unit @ (10 | 100 | 1000) => {
                section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
                digit = None;
            }
            unit => {
                let part = section.checked_add(digit.unwrap_or(0))?;
                let part = if part == 0 && total == 0 { 1 } else { part };
                total = total.checked_add(part)?.checked_mul(unit)?;
                section = 0;
                digit = None;
            }
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
        assert_eq!(value("１２００"), Some(1200.0));
        assert_eq!(value("4.45萬").map(f64::round), Some(44_500.0));
        assert_eq!(value("172.9亿").map(f64::round), Some(17_290_000_000.0));
        assert_eq!(value("23,000"), Some(23_000.0));
        assert_eq!(value("1.5 million").map(f64::round), Some(1_500_000.0));
    }

    #[test]
    fn qualifiers_and_percent() {
        let f = parse("2.3万多").unwrap();
        assert!(f.qualifier == Qualifier::AtLeast && !f.percent);
        let f = parse("98.3%").unwrap();
        assert!(f.percent && f.qualifier == Qualifier::Exact);
        assert_eq!(f.decimals, 1);
        assert_eq!(f.value, 98.3);
        assert_eq!(parse("7000多").unwrap().qualifier, Qualifier::AtLeast);
        assert_eq!(parse("7000").unwrap().qualifier, Qualifier::Exact);
        assert_eq!(parse("9.7万余").unwrap().qualifier, Qualifier::AtLeast);
        assert_eq!(
            parse("近千").unwrap(),
            fig(1000.0, Qualifier::Nearly, false)
        );
        assert_eq!(parse("超过300").unwrap().qualifier, Qualifier::MoreThan);
        assert_eq!(parse("300以上").unwrap().qualifier, Qualifier::MoreThan);
        assert_eq!(parse("约300").unwrap().qualifier, Qualifier::About);
        assert_eq!(parse("300左右").unwrap().qualifier, Qualifier::About);
        assert_eq!(parse("逾300").unwrap().qualifier, Qualifier::AtLeast);
        assert_eq!(
            parse("more than 23,000").unwrap().qualifier,
            Qualifier::MoreThan
        );
        assert_eq!(
            parse("nearly 300").unwrap(),
            fig(300.0, Qualifier::Nearly, false)
        );
        assert_eq!(parse("近300多"), None, "two qualifiers");
    }

    fn fig(value: f64, qualifier: Qualifier, percent: bool) -> Figure {
        Figure {
            value,
            qualifier,
            percent,
            decimals: 0,
        }
    }

    #[test]
    fn percentages_in_every_form() {
        assert_eq!(parse("９５％").unwrap(), fig(95.0, Qualifier::Exact, true));
        assert_eq!(
            parse("百分之九十八").unwrap(),
            fig(98.0, Qualifier::Exact, true)
        );
        assert_eq!(parse("八成").unwrap(), fig(80.0, Qualifier::Exact, true));
        assert_eq!(
            parse("5成以上").unwrap(),
            fig(50.0, Qualifier::MoreThan, true)
        );
        let f = parse("98.3 percent").unwrap();
        assert!(f.percent && f.value == 98.3 && f.decimals == 1);
        assert_eq!(parse("百分之9%"), None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(value("四十二"), Some(42.0));
        assert_eq!(value("第四十二"), Some(42.0));
        assert_eq!(value("二"), Some(2.0));
        assert_eq!(value("十"), Some(10.0));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("两百零三"), Some(203.0));
        assert_eq!(value("一百二十"), Some(120.0));
        assert_eq!(value("千万"), Some(10_000_000.0));
        assert_eq!(value("三万五千"), Some(35_000.0));
        assert_eq!(value("兩萬"), Some(20_000.0));
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
            "1.",
            "万万万万万万万万万万",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}
