//! How records read: a qualified number, a date, a place, a count, as the
//! dashboard, the CLI and the checks write them.

use super::model::{
    Change, Count, Lang, PartOfDay, Place, Precision, Qualifier, Relation, Text, When,
};
use crate::fmt::{self, Marks};

impl Qualifier {
    /// What is written around the number, in `lang`'s style (English in
    /// `Both`): in English "+" after "at least", ">" before "more than", "<"
    /// before "nearly", "~" before "about" and "of the order of" (the detail
    /// says which); in Chinese the article's words: 多 after, 超过, 近, 约
    /// before.
    pub fn marks(self, lang: Lang) -> Marks {
        let zh = lang == Lang::Zh;
        let (before, after) = match (self, zh) {
            (Qualifier::Exact, _) => ("", ""),
            (Qualifier::AtLeast, false) => ("", "+"),
            (Qualifier::AtLeast, true) => ("", "多"),
            (Qualifier::MoreThan, false) => (">", ""),
            (Qualifier::MoreThan, true) => ("超过", ""),
            (Qualifier::Nearly, false) => ("<", ""),
            (Qualifier::Nearly, true) => ("近", ""),
            (Qualifier::About | Qualifier::OrderOf, false) => ("~", ""),
            (Qualifier::About | Qualifier::OrderOf, true) => ("约", ""),
        };
        Marks { before, after }
    }

    /// A percentage with this qualifier, as shown in `lang`: ">90%",
    /// "超过90%", "98.3%".
    pub fn show_percent(self, value: f64, lang: Lang) -> String {
        let m = self.marks(lang);
        format!("{}{}{}", m.before, fmt::percent(value), m.after)
    }

    /// A number with this qualifier, as shown in `lang`: "23,000+",
    /// "~10,000,000", "298"; "2.3万多", "约1000万", "298".
    pub fn show(self, value: u64, lang: Lang) -> String {
        fmt::count_value(value, self.marks(lang), lang == Lang::Zh)
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl When {
    /// The date as the article would write it, without the year: "3月22日",
    /// "5月中旬", "9月底", "入冬". `None` when undated.
    pub fn zh_date(&self) -> Option<String> {
        let d = self.date;
        match self.precision {
            Precision::Day => d.map(|d| format!("{}月{}日", u8::from(d.month()), d.day())),
            Precision::MidMonth => d.map(|d| format!("{}月中旬", u8::from(d.month()))),
            Precision::EndOfMonth => d.map(|d| format!("{}月底", u8::from(d.month()))),
            Precision::Winter => Some("入冬".to_string()),
            Precision::Undated => None,
        }
    }

    /// A full, human description of the date in one language, e.g.
    /// "2020-03-22 10:59", "before mid-May 2020", "2020年5月中旬前", "as reported".
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut core = match (self.precision, self.date) {
            (Precision::Day, Some(d)) => {
                if zh {
                    fmt::zh_date(d)
                } else {
                    fmt::iso(d)
                }
            }
            (Precision::MidMonth, Some(d)) => {
                if zh {
                    format!("{}年{}月中旬", d.year(), u8::from(d.month()))
                } else {
                    format!(
                        "mid-{} {}",
                        MONTHS_EN[usize::from(u8::from(d.month()) - 1)],
                        d.year()
                    )
                }
            }
            (Precision::EndOfMonth, Some(d)) => {
                if zh {
                    format!("{}年{}月底", d.year(), u8::from(d.month()))
                } else {
                    format!(
                        "end of {} {}",
                        MONTHS_EN[usize::from(u8::from(d.month()) - 1)],
                        d.year()
                    )
                }
            }
            (Precision::Winter, _) => (if zh { "入冬" } else { "winter" }).to_string(),
            _ => (if zh { "未注明日期" } else { "undated" }).to_string(),
        };
        if let Some(t) = self.time {
            core.push_str(&format!(" {:02}:{:02}", t.hour(), t.minute()));
        } else if let Some(p) = self.part_of_day {
            // 2月17日中午, but "2020-02-17 noon".
            let s = match (p, zh) {
                (PartOfDay::Morning, true) => "上午",
                (PartOfDay::Noon, true) => "中午",
                (PartOfDay::Afternoon, true) => "下午",
                (PartOfDay::Morning, false) => "morning",
                (PartOfDay::Noon, false) => "noon",
                (PartOfDay::Afternoon, false) => "afternoon",
            };
            if !zh {
                core.push(' ');
            }
            core.push_str(s);
        }
        let undated = self.date.is_none() && self.precision == Precision::Undated;
        match (self.relation, zh) {
            (Relation::On, _) => core,
            (Relation::Before, true) => format!("{core}前"),
            (Relation::Before, false) => format!("before {core}"),
            (Relation::Since, true) => format!("{core}起"),
            (Relation::Since, false) => format!("since {core}"),
            (Relation::AsOf, true) if undated => "截至报道时".to_string(),
            (Relation::AsOf, false) if undated => "as of the report".to_string(),
            (Relation::AsOf, true) => format!("截至{core}"),
            (Relation::AsOf, false) => format!("as of {core}"),
        }
    }

    /// A short form for narrow columns, without the time of day: in English
    /// "2020-03-22", "<2020-05-15" (before), "~2020-10-15" (mid-month or end of
    /// month), "winter"; in Chinese "2020年3月22日", "2020年5月中旬前",
    /// "2020年9月底", "入冬"; "—" when undated.
    pub fn short(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let Some(d) = self.date else {
            return match (self.precision, zh) {
                (Precision::Winter, true) => "入冬".to_string(),
                (Precision::Winter, false) => "winter".to_string(),
                _ => "—".to_string(),
            };
        };
        if zh {
            let (y, m) = (d.year(), u8::from(d.month()));
            let core = match self.precision {
                Precision::MidMonth => format!("{y}年{m}月中旬"),
                Precision::EndOfMonth => format!("{y}年{m}月底"),
                _ => fmt::zh_date(d),
            };
            return match self.relation {
                Relation::Before => format!("{core}前"),
                _ => core,
            };
        }
        let mark = match (self.relation, self.precision) {
            (Relation::Before, _) => "<",
            (_, Precision::MidMonth | Precision::EndOfMonth) => "~",
            _ => "",
        };
        let mut s = String::with_capacity(mark.len() + 10);
        s.push_str(mark);
        fmt::push_iso(&mut s, d);
        s
    }
}

impl Place {
    /// The most specific level: its locality, county, city or province
    /// ("荣昌高新区" / "Rongchang High-tech Zone").
    pub fn short_text(&self) -> &Text {
        self.locality
            .as_ref()
            .or(self.county.as_ref())
            .or(self.city.as_ref())
            .unwrap_or(&self.province)
    }

    /// Every level: "重庆市 荣昌区 荣昌高新区" / "Rongchang High-tech Zone, Rongchang District, Chongqing".
    pub fn full(&self, lang: Lang) -> String {
        let levels = [
            Some(&self.province),
            self.city.as_ref(),
            self.county.as_ref(),
            self.locality.as_ref(),
        ];
        let levels = levels.into_iter().flatten();
        match lang {
            Lang::Zh => levels.map(|t| t.zh.as_str()).collect::<Vec<_>>().join(" "),
            Lang::En => {
                let mut v: Vec<&str> = levels.map(|t| t.en.as_str()).collect();
                v.reverse();
                v.join(", ")
            }
            Lang::Both => format!("{} · {}", self.full(Lang::Zh), self.full(Lang::En)),
        }
    }
}

impl Count {
    /// "2.3万多个" / "23,000+ jobs"; ordinals as "第42天" / "day 42". `Both`
    /// reads as English. An English article's count, with no Chinese unit,
    /// reads in English in Chinese too.
    pub fn shown(&self, lang: Lang) -> String {
        let lang = match lang {
            Lang::Zh if !self.unit.zh.is_empty() => Lang::Zh,
            _ => Lang::En,
        };
        let v = self.qualifier.show(self.value, lang);
        match (self.ordinal, lang) {
            (true, Lang::Zh) => format!("第{v}{}", self.unit.zh),
            (true, _) => format!("{} {v}", self.unit.en),
            (false, Lang::Zh) => format!("{v}{}", self.unit.zh),
            (false, _) => format!("{v} {}", fmt::singular(&self.unit.en, self.value)),
        }
    }
}

impl When {
    /// Orders dates; undated records go last, winter after every calendar
    /// date.
    pub fn order_key(&self) -> (u8, Option<time::Date>, Option<time::Time>) {
        match (self.date, self.precision) {
            (Some(d), _) => (0, Some(d), self.time),
            (None, Precision::Winter) => (1, None, None),
            (None, _) => (2, None, None),
        }
    }
}

impl Count {
    /// Whether the count can be a headline figure: people, jobs or
    /// enterprises, and not an ordinal.
    pub fn is_headline(&self) -> bool {
        !self.ordinal
            && (self.category.is_people()
                || matches!(
                    self.category,
                    super::model::Category::Jobs | super::model::Category::Enterprises
                ))
    }
}

impl Change {
    /// The change with its sign and unit: "+5.6 个百分点", "−2.5 percentage points".
    pub fn shown(&self, lang: Lang) -> String {
        let sign = if self.value < 0.0 { "−" } else { "+" };
        let n = fmt::trim_number(self.value.abs());
        let unit = match lang {
            Lang::Zh => self.unit.get(Lang::Zh),
            _ => {
                // "+1 percentage point", "+2 percentage points".
                let many = if self.value.abs() == 1.0 { 1 } else { 2 };
                let en = self.unit.get(Lang::En);
                fmt::singular(&en, many).into_owned().into()
            }
        };
        match lang {
            Lang::Zh => format!("{sign}{n}{unit}"),
            _ => format!("{sign}{n} {unit}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_their_qualifier() {
        assert_eq!(Qualifier::AtLeast.show(23000, Lang::En), "23,000+");
        assert_eq!(Qualifier::Exact.show(298, Lang::En), "298");
        assert_eq!(Qualifier::OrderOf.show(10_000_000, Lang::En), "~10,000,000");
        assert_eq!(Qualifier::AtLeast.show(23000, Lang::Zh), "2.3万多");
        assert_eq!(Qualifier::MoreThan.show(300, Lang::Zh), "超过300");
        assert_eq!(Qualifier::Nearly.show(2000, Lang::Zh), "近2000");
        assert_eq!(Qualifier::OrderOf.show(10_000_000, Lang::Zh), "约1000万");
        // Both reads as English, as every line in both languages does.
        assert_eq!(Qualifier::AtLeast.show(23000, Lang::Both), "23,000+");
    }

    fn when(date: (i32, u8, u8), precision: Precision, relation: Relation) -> When {
        let month = time::Month::try_from(date.1).unwrap();
        When {
            date: Some(time::Date::from_calendar_date(date.0, month, date.2).unwrap()),
            precision,
            relation,
            ..When::default()
        }
    }

    #[test]
    fn short_dates_in_each_language() {
        let day = when((2020, 3, 22), Precision::Day, Relation::On);
        assert_eq!(day.short(Lang::Zh), "2020年3月22日");
        assert_eq!(day.short(Lang::En), "2020-03-22");
        let before = when((2020, 5, 15), Precision::MidMonth, Relation::Before);
        assert_eq!(before.short(Lang::Zh), "2020年5月中旬前");
        assert_eq!(before.short(Lang::En), "<2020-05-15");
        let end = when((2020, 9, 30), Precision::EndOfMonth, Relation::On);
        assert_eq!(end.short(Lang::Zh), "2020年9月底");
        assert_eq!(end.short(Lang::En), "~2020-09-30");
        let winter = When {
            precision: Precision::Winter,
            ..When::default()
        };
        assert_eq!(winter.short(Lang::Zh), "入冬");
        assert_eq!(winter.short(Lang::Both), "winter");
        assert_eq!(When::default().short(Lang::Zh), "—");
    }
}
