//! How records read: a qualified number, a date, a place, a count, as the
//! dashboard, the CLI and the checks write them.

use super::model::{Change, Count, Lang, PartOfDay, Place, Precision, Qualifier, Relation, When};
use crate::fmt::{self, Marks};

impl Qualifier {
    /// What is written around the number: "+" after "at least", ">" before
    /// "more than", "<" before "nearly", "~" before "about" and "of the
    /// order of" (the detail says which).
    pub fn marks(self) -> Marks {
        let (before, after) = match self {
            Qualifier::Exact => ("", ""),
            Qualifier::AtLeast => ("", "+"),
            Qualifier::MoreThan => (">", ""),
            Qualifier::Nearly => ("<", ""),
            Qualifier::About | Qualifier::OrderOf => ("~", ""),
        };
        Marks { before, after }
    }

    /// A number with this qualifier, as shown: "23,000+", "~10,000,000", "298".
    pub fn show(self, value: u64) -> String {
        fmt::count_value(value, self)
    }
}

impl From<Qualifier> for Marks {
    fn from(q: Qualifier) -> Self {
        q.marks()
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

    /// A short form for narrow columns: "03-22", "≤05-15", "~10-15", "—".
    pub fn short(&self) -> String {
        let Some(d) = self.date else {
            return match self.precision {
                Precision::Winter => "winter".to_string(),
                _ => "—".to_string(),
            };
        };
        let mark = match (self.relation, self.precision) {
            (Relation::Before, _) => "<",
            (_, Precision::MidMonth | Precision::EndOfMonth) => "~",
            _ => "",
        };
        format!(
            "{mark}{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

impl Place {
    /// The most specific level: "荣昌高新区" / "Rongchang High-tech Zone".
    pub fn short(&self, lang: Lang) -> String {
        let t = self
            .locality
            .as_ref()
            .or(self.county.as_ref())
            .or(self.city.as_ref())
            .unwrap_or(&self.province);
        t.get(lang).into_owned()
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
    /// "23,000+ 个" / "23,000+ jobs"; ordinals as "第42天" / "day 42".
    pub fn shown(&self, lang: Lang) -> String {
        let v = self.qualifier.show(self.value);
        match (self.ordinal, lang) {
            (true, Lang::Zh) => format!("第{v}{}", self.unit.zh),
            (true, _) => format!("{} {v}", self.unit.en),
            (false, Lang::Zh) => format!("{v} {}", self.unit.zh),
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
        format!("{sign}{n} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_their_qualifier() {
        assert_eq!(Qualifier::AtLeast.show(23000), "23,000+");
        assert_eq!(Qualifier::Exact.show(298), "298");
        assert_eq!(Qualifier::OrderOf.show(10_000_000), "~10,000,000");
        // The dashboard's callers pass the qualifier to `fmt` as they did.
        assert_eq!(fmt::count_value(23000, Qualifier::AtLeast), "23,000+");
    }
}
