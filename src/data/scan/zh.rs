//! The Chinese grammar of figures.

use super::found::{DateFound, DatePrecision, Found, Number, What};
use super::units::{self, unit_at};
use crate::data::figure::{self, Qualifier, chinese_digit, chinese_unit, digit};
use crate::data::model::{Category, PartOfDay, Relation};

/// Words that start with a numeral but are not figures.
const IDIOMS: &[&str] = &[
    "十分",
    "万一",
    "千万别",
    "千万不",
    "千万要",
    "千方百计",
    "千家万户",
    "千辛万苦",
    "万众一心",
    "三三两两",
    "一五一十",
    "四面八方",
    "五湖四海",
    "九死一生",
    "七上八下",
    "十全十美",
    "两岸",
    "两会",
    "两新",
    "三农",
    "十四五",
    "十三五",
    "百姓",
    "百年",
    "千年",
    "万物",
    "八方",
];

/// Ordinal units after 第一: 第一批 is a figure, 第一时间 an idiom.
const FIRST_OF: &[&str] = &[
    "批", "期", "天", "届", "轮", "阶段", "季度", "列", "趟", "架",
];

/// Qualifier words just before a number, longest first; they are part of
/// the figure (超过300, 近千).
const BEFORE: &[(&str, Qualifier)] = &[
    ("超过", Qualifier::MoreThan),
    ("超過", Qualifier::MoreThan),
    ("將近", Qualifier::Nearly),
    ("約", Qualifier::About),
    ("将近", Qualifier::Nearly),
    ("大约", Qualifier::About),
    ("逾", Qualifier::AtLeast),
    ("超", Qualifier::MoreThan),
    ("近", Qualifier::Nearly),
    ("约", Qualifier::About),
];

const PARTS_OF_DAY: &[(&str, PartOfDay)] = &[
    ("上午", PartOfDay::Morning),
    ("早上", PartOfDay::Morning),
    ("凌晨", PartOfDay::Morning),
    ("中午", PartOfDay::Noon),
    ("下午", PartOfDay::Afternoon),
    ("傍晚", PartOfDay::Afternoon),
    ("晚上", PartOfDay::Afternoon),
];

/// After 成, words that make it a verb or noun, not tenths (成立, 成为).
const NOT_TENTHS: &str = "立为功本员交长果绩熟都效型品片群";

pub(super) fn scan(p: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut month: Option<u8> = None;
    let mut i = 0;
    while i < p.len() {
        let rest = &p[i..];
        let Some(c) = rest.chars().next() else { break };
        let found = if digit(c).is_some() {
            arabic(p, i, &mut month)
        } else if rest.starts_with("百分之") {
            percent_words(p, i)
        } else if rest.starts_with("入冬前") || rest.starts_with("入冬") {
            let len = if rest.starts_with("入冬前") {
                "入冬前".len()
            } else {
                "入冬".len()
            };
            let before = rest.starts_with("入冬前");
            Some(Found {
                start: i,
                end: i + len,
                what: What::Date(DateFound {
                    precision: DatePrecision::Winter,
                    relation: if before {
                        Relation::Before
                    } else {
                        Relation::On
                    },
                    ..DateFound::default()
                }),
            })
            .filter(|_| before)
        } else if chinese_digit(c).is_some() || chinese_unit(c).is_some() {
            if let Some(idiom) = IDIOMS.iter().find(|w| rest.starts_with(**w)) {
                i += idiom.len();
                continue;
            }
            chinese(p, i)
        } else {
            None
        };
        match found {
            Some(f) => {
                i = f.end.max(i + c.len_utf8());
                out.push(f);
            }
            None => {
                // Skip the whole run of digits or numerals, not one character:
                // C919 is not 919.
                i += rest
                    .char_indices()
                    .find(|&(_, x)| {
                        digit(x).is_none()
                            && chinese_digit(x).is_none()
                            && chinese_unit(x).is_none()
                            && !x.is_ascii_alphanumeric()
                    })
                    .map_or(rest.len(), |(k, _)| k.max(c.len_utf8()));
            }
        }
    }
    out
}

/// 2020年 before a month, wherever the paragraph prints one.
pub(super) fn printed_years(p: &str) -> Vec<i32> {
    let mut out = Vec::new();
    for (at, _) in p.match_indices('年') {
        let digits: String = p[..at]
            .chars()
            .rev()
            .take_while(|c| digit(*c).is_some())
            .collect();
        if digits.chars().count() == 4 {
            let y: String = digits
                .chars()
                .rev()
                .filter_map(|c| digit(c).and_then(|d| char::from_digit(d, 10)))
                .collect();
            if let Ok(y) = y.parse::<i32>()
                && (1900..=2100).contains(&y)
            {
                out.push(y);
            }
        }
    }
    out
}

/// Digits from `i`: their value, decimals and end. 1,801 and 1，801 take
/// their separators only before three digits.
fn digits(p: &str, i: usize) -> (f64, u32, usize) {
    let mut s = String::new();
    let mut end = i;
    let mut point = false;
    let mut it = p[i..].char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if let Some(d) = digit(c) {
            s.push(char::from_digit(d, 10).unwrap_or('0'));
            end = i + k + c.len_utf8();
        } else if matches!(c, '.' | '．')
            && !point
            && it.peek().is_some_and(|&(_, n)| digit(n).is_some())
        {
            point = true;
            s.push('.');
        } else if matches!(c, ',' | '，') && !point {
            let next3: Vec<char> = p[i + k + c.len_utf8()..].chars().take(4).collect();
            let three = next3.len() >= 3 && next3[..3].iter().all(|&x| digit(x).is_some());
            let fourth = next3.get(3).is_some_and(|&x| digit(x).is_some());
            if !three || fourth {
                break;
            }
        } else {
            break;
        }
    }
    let decimals = s.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    (s.parse().unwrap_or(0.0), decimals, end)
}

fn prev_char(p: &str, i: usize) -> Option<char> {
    p[..i].chars().next_back()
}

/// A figure that starts with an Arabic digit at `i`.
fn arabic(p: &str, i: usize, month: &mut Option<u8>) -> Option<Found> {
    if prev_char(p, i).is_some_and(|c| c.is_ascii_alphabetic() || c == '-' || c == '.') {
        return None; // C919, K1351, COVID-19, v2.3
    }
    let (mut value, decimals, mut j) = digits(p, i);
    let rest = &p[j..];
    if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None; // 5A, 5G
    }
    if rest.starts_with('号') && !p[..i].ends_with('月') {
        return None; // 7号机组
    }
    if rest.starts_with('月') || rest.starts_with('年') {
        return date(p, i, month);
    }
    if rest.starts_with('日') || rest.starts_with('号') {
        // A day alone reads in the month last named (the 27日 of 2月1日-27日
        // is taken with its range).
        return month.and_then(|_| date(p, i, month));
    }
    if rest.starts_with('时') || rest.starts_with('点') {
        return time_alone(p, i);
    }
    let (start, mut qualifier) = before(p, i);
    if rest.starts_with("个百分点") || rest.starts_with("個百分點") {
        let value = if p[..start].ends_with("下降")
            || p[..start].ends_with("减少")
            || p[..start].ends_with("回落")
        {
            -value
        } else {
            value
        };
        return Some(Found {
            start: i,
            end: j,
            what: What::Points { value, decimals },
        });
    }
    let scale = [("万", 1e4), ("萬", 1e4), ("亿", 1e8), ("億", 1e8)]
        .into_iter()
        .find(|(w, _)| rest.starts_with(w));
    if let Some((w, m)) = scale {
        value *= m;
        j += w.len();
    } else if rest.starts_with('千')
        && !["千瓦", "千克", "千米"].iter().any(|u| rest.starts_with(u))
    {
        value *= 1e3;
        j += '千'.len_utf8();
    }
    let more = &p[j..];
    if let Some(w) = ["多", "余", "餘"].iter().find(|w| more.starts_with(**w)) {
        if qualifier.is_exact() {
            qualifier = Qualifier::AtLeast;
        }
        j += w.len();
    }
    let ordinal = p[..start].ends_with('第');
    let start = if ordinal {
        start - '第'.len_utf8()
    } else {
        start
    };
    let more = &p[j..];
    if more.starts_with(['%', '％']) {
        let end = j + more.chars().next().map_or(1, char::len_utf8);
        // 98%以上: more than 98%, the word outside the figure.
        let (_, qualifier) = after_unit(p, end, qualifier);
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
    if let Some(f) = tenths(p, start, j, value, qualifier) {
        return Some(f);
    }
    number(p, start, j, value, qualifier, ordinal)
}

/// A qualifier word just before `i`, and where the figure then starts.
fn before(p: &str, i: usize) -> (usize, Qualifier) {
    for (w, q) in BEFORE {
        if p[..i].ends_with(w) {
            return (i - w.len(), *q);
        }
    }
    (i, Qualifier::Exact)
}

/// 以上, 左右 or 级 after a unit: the record's qualifier, outside the figure.
fn after_unit(p: &str, j: usize, q: Qualifier) -> (usize, Qualifier) {
    let rest = &p[j..];
    for (w, x) in [
        ("以上", Qualifier::MoreThan),
        ("左右", Qualifier::About),
        ("级", Qualifier::OrderOf),
    ] {
        if rest.starts_with(w) && q.is_exact() {
            return (j + w.len(), x);
        }
    }
    (j, q)
}

/// 八成, 5成以上: tenths, a percentage.
fn tenths(p: &str, start: usize, j: usize, value: f64, q: Qualifier) -> Option<Found> {
    let rest = &p[j..];
    let after = rest.strip_prefix('成')?;
    if !(1.0..=10.0).contains(&value) || after.starts_with(|c| NOT_TENTHS.contains(c)) {
        return None;
    }
    let mut end = j + '成'.len_utf8();
    // 九成五: nine and a half tenths, 95%.
    let mut value = value * 10.0;
    if let Some((d, c)) = after
        .chars()
        .next()
        .and_then(|c| chinese_digit(c).map(|d| (d, c)))
        .filter(|&(d, _)| d > 0)
    {
        value += d as f64;
        end += c.len_utf8();
    }
    let after = &p[end..];
    let mut qualifier = q;
    for (w, x) in [
        ("以上", Qualifier::MoreThan),
        ("左右", Qualifier::About),
        ("多", Qualifier::AtLeast),
    ] {
        if after.starts_with(w) && q.is_exact() {
            end += w.len();
            qualifier = x;
        }
    }
    Some(Found {
        start,
        end,
        what: What::Percent {
            value,
            decimals: 0,
            qualifier,
        },
    })
}

/// A number whose unit starts at `j`; none without a unit.
fn number(
    p: &str,
    start: usize,
    j: usize,
    value: f64,
    q: Qualifier,
    ordinal: bool,
) -> Option<Found> {
    // Some pages set figures apart with spaces: 接回 62 名员工.
    let mut k = j + (p[j..].len() - p[j..].trim_start_matches(' ').len()).min(1);
    // 40多个日夜: 个 then a noun of time.
    let unit = unit_at(&p[k..])?;
    k += unit.zh.len();
    let (unit_end, qualifier) = after_unit(p, k, q);
    let after = super::found::noun_after(p, unit_end, true);
    let before = after.is_empty();
    let noun = if before {
        super::found::noun_before(p, start, true)
    } else {
        after
    };
    let (unit_zh, unit_en, category) = if unit.zh == "个" || unit.zh == "個" {
        match [
            "日夜",
            "月",
            "小时",
            "工作日",
            "省份",
            "城市",
            "地区",
            "项目",
            "就业岗位",
            "岗位",
        ]
        .iter()
        .find(|w| p[k..].starts_with(**w))
        {
            Some(&w) if ["日夜", "月", "小时", "工作日"].contains(&w) => (
                format!("个{w}"),
                english_of(w).to_string(),
                Category::Duration,
            ),
            _ => (
                "个".to_string(),
                String::new(),
                units::category(unit, noun, before),
            ),
        }
    } else {
        (
            unit.zh.to_string(),
            unit.en.to_string(),
            units::category(unit, noun, before),
        )
    };
    let figure_end = j;
    Some(Found {
        start,
        end: figure_end,
        what: What::Number(Number {
            value,
            qualifier,
            ordinal,
            unit_zh,
            unit_en,
            category,
            unit_end,
        }),
    })
}

fn english_of(w: &str) -> &'static str {
    match w {
        "日夜" => "days and nights",
        "月" => "months",
        "小时" => "hours",
        _ => "working days",
    }
}

/// 百分之九十八, 百分之5: a percentage in words.
fn percent_words(p: &str, i: usize) -> Option<Found> {
    let after = i + "百分之".len();
    let rest = &p[after..];
    let len: usize = rest
        .chars()
        .take_while(|&c| {
            chinese_digit(c).is_some()
                || chinese_unit(c).is_some()
                || digit(c).is_some()
                || c == '.'
                || c == '．'
        })
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let f = figure::parse(&p[i..after + len])?;
    Some(Found {
        start: i,
        end: after + len,
        what: What::Percent {
            value: f.value,
            decimals: f.decimals,
            qualifier: Qualifier::Exact,
        },
    })
}

/// A Chinese numeral at `i` followed by a unit (三地, 四十二天, 千万千瓦).
fn chinese(p: &str, i: usize) -> Option<Found> {
    let rest = &p[i..];
    let run: Vec<(usize, char)> = rest
        .char_indices()
        .take_while(|&(_, c)| chinese_digit(c).is_some() || chinese_unit(c).is_some())
        .collect();
    let ordinal = p[..i].ends_with('第');
    let (start, qualifier) = before(p, i);
    let start = if ordinal { i - '第'.len_utf8() } else { start };
    // The longest numeral that a unit (or 成, or 个百分点) follows.
    for n in (1..=run.len()).rev() {
        let (k, last) = run[n - 1];
        let end = i + k + last.len_utf8();
        let text = &p[i..end];
        let Some(f) = figure::parse(text) else {
            continue;
        };
        let after = &p[end..];
        let mut j = end;
        let mut q = qualifier;
        if let Some(w) = ["多", "余", "餘"].iter().find(|w| after.starts_with(**w)) {
            j += w.len();
            if q.is_exact() {
                q = Qualifier::AtLeast;
            }
        }
        // 一 alone is an article (一批, 一家), not a count; 第一批 is an ordinal.
        if text == "一" && !(ordinal && FIRST_OF.iter().any(|u| p[j..].starts_with(u))) {
            return None;
        }
        if let Some(t) = tenths(p, start, j, f.value, q) {
            return Some(t);
        }
        if p[j..].starts_with("个百分点") || p[j..].starts_with("個百分點") {
            return Some(Found {
                start: i,
                end: j,
                what: What::Points {
                    value: f.value,
                    decimals: 0,
                },
            });
        }
        if unit_at(&p[j..]).is_some() {
            // 十分 reads as "very" unless it is 十分钟.
            if text == "十" && p[j..].starts_with('分') && !p[j..].starts_with("分钟") {
                return None;
            }
            return number(p, start, j, f.value, q, ordinal);
        }
    }
    None
}

/// A time with no date before it: 下午2点半, 10时59分.
fn time_alone(p: &str, i: usize) -> Option<Found> {
    let (time, end) = clock(p, i)?;
    let (start, part) = PARTS_OF_DAY
        .iter()
        .find(|(w, _)| p[..i].ends_with(w))
        .map_or((i, None), |(w, d)| (i - w.len(), Some(*d)));
    Some(Found {
        start,
        end,
        what: What::Date(DateFound {
            time: Some(time),
            part_of_day: part,
            precision: DatePrecision::TimeOnly,
            ..DateFound::default()
        }),
    })
}

/// 10时59分, 2点半, 19时20分, 3点: hour and minute, and the end.
fn clock(p: &str, i: usize) -> Option<((u8, u8), usize)> {
    let (h, _, j) = digits(p, i);
    let rest = &p[j..];
    let mark = if rest.starts_with('时') {
        '时'
    } else if rest.starts_with('点') {
        '点'
    } else {
        return None;
    };
    let mut end = j + mark.len_utf8();
    let mut minute = 0.0;
    let after = &p[end..];
    if after.starts_with('半') {
        minute = 30.0;
        end += '半'.len_utf8();
    } else if after.starts_with(|c: char| digit(c).is_some()) {
        let (m, _, k) = digits(p, end);
        if p[k..].starts_with('分') && !p[k..].starts_with("分钟") {
            minute = m;
            end = k + '分'.len_utf8();
        }
    } else if mark == '时'
        && !after.starts_with('许')
        && !PARTS_OF_DAY.iter().any(|(w, _)| p[..i].ends_with(w))
    {
        // 24时 alone is rarely a clock time in news: take it with minutes,
        // or after 上午/下午 (上午8时).
        return None;
    }
    let (h, m) = (h as u8, minute as u8);
    if h > 24 || m > 59 {
        return None;
    }
    // 下午2点半 is 14:30.
    let pm = ["下午", "晚上", "傍晚"].iter().any(|w| p[..i].ends_with(w)) && h < 12;
    Some(((if pm { h + 12 } else { h }, m), end))
}

/// A date at `i`: [2020年]3月22日[上午][10时59分][前], 10月中旬, 9月底,
/// 2月1日-27日; 截至 before it makes it "as of", 从…起 "since".
fn date(p: &str, i: usize, month: &mut Option<u8>) -> Option<Found> {
    let mut d = DateFound::default();
    let (n, _, mut j) = digits(p, i);
    if p[j..].starts_with('年') {
        if !(1900.0..=2100.0).contains(&n) {
            return None;
        }
        d.year = Some(n as i32);
        j += '年'.len_utf8();
        if !p[j..].starts_with(|c: char| digit(c).is_some()) {
            return None;
        }
        let (m, _, k) = digits(p, j);
        if !p[k..].starts_with('月') {
            return None;
        }
        d.month = Some(m as u8);
        j = k + '月'.len_utf8();
    } else if p[j..].starts_with('月') {
        d.month = Some(n as u8);
        j += '月'.len_utf8();
    } else {
        // A day alone, in the month last named.
        d.month = *month;
        d.day = Some(n as u8);
        j += p[j..].chars().next().map_or(1, char::len_utf8);
    }
    if d.day.is_none() {
        let rest = &p[j..];
        if rest.starts_with(|c: char| digit(c).is_some()) {
            let (day, _, k) = digits(p, j);
            if !(p[k..].starts_with('日') || p[k..].starts_with('号')) {
                return None;
            }
            d.day = Some(day as u8);
            j = k + '日'.len_utf8();
        } else if rest.starts_with("中旬") {
            d.precision = DatePrecision::MidMonth;
            j += "中旬".len();
        } else if rest.starts_with('底') || rest.starts_with("末") {
            d.precision = DatePrecision::EndOfMonth;
            j += '底'.len_utf8();
        } else {
            return None; // a month alone (3月以来) dates nothing precisely
        }
    }
    let valid = d.month.is_some_and(|m| (1..=12).contains(&m))
        && d.day.is_none_or(|x| (1..=31).contains(&x));
    if !valid {
        return None;
    }
    *month = d.month;
    // A range: 2月1日-27日, 2月1日至27日.
    for sep in ["-", "—", "–", "～", "~", "至", "到"] {
        if d.day.is_some() && p[j..].starts_with(sep) {
            let k = j + sep.len();
            if p[k..].starts_with(|c: char| digit(c).is_some()) {
                let (until, _, e) = digits(p, k);
                if p[e..].starts_with('日')
                    && until > f64::from(d.day.unwrap_or(0))
                    && until <= 31.0
                {
                    d.until_day = Some(until as u8);
                    j = e + '日'.len_utf8();
                }
            }
            break;
        }
    }
    if let Some((w, part)) = PARTS_OF_DAY.iter().find(|(w, _)| p[j..].starts_with(*w)) {
        d.part_of_day = Some(*part);
        j += w.len();
        if let Some((t, e)) = clock(p, j) {
            d.time = Some(t);
            j = e;
        }
    } else if let Some((t, e)) = p[j..]
        .starts_with(|c: char| digit(c).is_some())
        .then(|| clock(p, j))
        .flatten()
    {
        d.time = Some(t);
        j = e;
    }
    if p[j..].starts_with('前') {
        d.relation = Relation::Before;
        j += '前'.len_utf8();
    } else if p[..i].ends_with("截至") || p[..i].ends_with("截止") || p[..i].ends_with("截至到")
    {
        d.relation = Relation::AsOf;
    } else if (p[..i].ends_with('从') || p[..i].ends_with("自"))
        && (p[j..].starts_with('起') || p[j..].starts_with("以来") || p[j..].starts_with("开始"))
    {
        d.relation = Relation::Since;
    }
    Some(Found {
        start: i,
        end: j,
        what: What::Date(d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(p: &str) -> Vec<&str> {
        scan(p).into_iter().map(|f| &p[f.start..f.end]).collect()
    }

    fn number(p: &str) -> Number {
        match scan(p).into_iter().next().map(|f| f.what) {
            Some(What::Number(n)) => n,
            other => panic!("{p}: {other:?}"),
        }
    }

    #[test]
    fn numbers_with_units_and_qualifiers() {
        assert_eq!(figures("抽调298名党员干部"), ["298"]);
        assert_eq!(figures("对接2.3万多个就业岗位"), ["2.3万多"]);
        assert_eq!(figures("共9.7万余人"), ["9.7万余"]);
        assert_eq!(figures("总投资172.9亿元"), ["172.9亿"]);
        assert_eq!(
            figures("输送1,801名工人，另有１２００人"),
            ["1,801", "１２００"]
        );
        assert_eq!(figures("近千名工人"), ["近千"]);
        assert_eq!(figures("超过300家企业"), ["超过300"]);
        let n = number("千万千瓦级清洁能源基地");
        assert_eq!(
            (n.value, n.qualifier, n.unit_zh.as_str()),
            (1e7, Qualifier::OrderOf, "千瓦")
        );
        let n = number("300名以上");
        assert_eq!(n.qualifier, Qualifier::MoreThan);
        let n = number("40多个日夜");
        assert_eq!(
            (n.unit_zh.as_str(), n.category),
            ("个日夜", Category::Duration)
        );
        assert_eq!(number("三地同步").value, 3.0);
        assert_eq!(number("一百二十名").value, 120.0);
    }

    #[test]
    fn ordinals() {
        let n = number("安全复工复产第四十二天");
        assert!(n.ordinal && n.value == 42.0);
        assert_eq!(
            figures("第二批劳务人员，第159列专列，第42天"),
            ["第二", "第159", "第42"]
        );
        assert_eq!(figures("第一批"), ["第一"]);
    }

    #[test]
    fn what_is_not_a_figure() {
        for p in [
            "第一时间成立",
            "下沉一线",
            "一片繁忙景象",
            "一封封声援信",
            "一日一图",
            "K1351次列车",
            "5A级景区",
            "7号机组",
            "C919大型客机",
            "十分重要",
            "千方百计",
            "一批技术工人",
            "第一次出远门",
            "COVID-19疫情",
        ] {
            assert_eq!(figures(p), Vec::<&str>::new(), "{p}");
        }
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(figures("复工率98.3%，上岗率９５％"), ["98.3%", "９５％"]);
        assert_eq!(figures("达到百分之九十八"), ["百分之九十八"]);
        assert_eq!(figures("八成企业，5成以上员工"), ["八成", "5成以上"]);
        let p = "分别提高73个百分点、1个百分点，下降2.5个百分点";
        let values: Vec<f64> = scan(p)
            .into_iter()
            .filter_map(|f| match f.what {
                What::Points { value, .. } => Some(value),
                _ => None,
            })
            .collect();
        assert_eq!(values, [73.0, 1.0, -2.5]);
        assert_eq!(figures("成立了5支队伍"), ["5"]);
    }

    fn date_of(p: &str) -> DateFound {
        match scan(p).into_iter().find_map(|f| match f.what {
            What::Date(d) => Some(d),
            _ => None,
        }) {
            Some(d) => d,
            None => panic!("no date in {p}"),
        }
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            figures("3月22日上午10时59分，转子落回"),
            ["3月22日上午10时59分"]
        );
        let d = date_of("3月22日上午10时59分");
        assert_eq!(
            (d.month, d.day, d.time),
            (Some(3), Some(22), Some((10, 59)))
        );
        let d = date_of("下午2点半，企业");
        assert_eq!(
            (d.time, d.precision),
            (Some((14, 30)), DatePrecision::TimeOnly)
        );
        assert_eq!(date_of("19时20分").time, Some((19, 20)));
        assert_eq!(date_of("截至3月23日，全省").relation, Relation::AsOf);
        assert_eq!(date_of("从2月10日起").relation, Relation::Since);
        assert_eq!(
            date_of("在10月中旬要完成").precision,
            DatePrecision::MidMonth
        );
        assert_eq!(date_of("9月底要完成").precision, DatePrecision::EndOfMonth);
        let d = date_of("必须要在5月中旬前");
        assert_eq!(
            (d.precision, d.relation),
            (DatePrecision::MidMonth, Relation::Before)
        );
        assert_eq!(date_of("需要在入冬前完成").precision, DatePrecision::Winter);
        let d = date_of("2月1日-27日，共开行");
        assert_eq!((d.day, d.until_day), (Some(1), Some(27)));
        assert_eq!(date_of("2020年3月22日").year, Some(2020));
        assert_eq!(
            date_of("2月29日下午").part_of_day,
            Some(PartOfDay::Afternoon)
        );
        assert_eq!(figures("3月以来"), Vec::<&str>::new());
    }
}
