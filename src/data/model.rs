//! The dataset's types, exactly as they appear in the JSON file.
//!
//! Every struct denies unknown fields so a typo in a user's file is reported
//! with its path instead of being silently ignored. How the types read
//! (dates, places, counts) is in `show`; this module imports nothing of the crate
//! but `Lang` and the `Qualifier` of `figure`, which reads figures.

use serde::{Deserialize, Serialize};

pub use super::figure::Qualifier;
pub use crate::lang::Lang;
use time::{Date, Time};

/// The `schema_version` this build of fugong reads.
pub const SCHEMA_VERSION: u32 = 1;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");
time::serde::format_description!(hh_mm, Time, "[hour]:[minute]");

/// A text in the dashboard's languages. One of them may be missing (a
/// draft has only the article's language): it is then left out or empty,
/// and the dashboard shows the other with a mark (see [`Text::get`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub title: Text,
    pub source: Article,
    pub year: Year,
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub rates: Vec<Rate>,
    #[serde(default)]
    pub counts: Vec<Count>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub projects: Vec<Project>,
    /// The people the article names. Older datasets have none.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Changes the article states (提高5.6个百分点). Older datasets have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// The article the figures come from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: Text,
    /// How many paragraphs (lines) the article has; every source paragraph must be within.
    pub paragraphs: u32,
    #[serde(default)]
    pub note: Option<Text>,
    /// The article itself, where the dataset carries it: its paragraphs in
    /// order, one string each, exactly as written. When present there are
    /// `paragraphs` of them, and every quote must be in its paragraph
    /// verbatim. Older datasets leave it out.
    #[serde(default)]
    pub text: Option<Vec<String>>,
    /// Figures of the text that no record carries, each with the reason:
    /// `check` warns of any other figure of the text that no record carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unrecorded: Vec<Unrecorded>,
    /// Drafted by `fugong draft` and not yet checked by a person: the
    /// dashboard says DRAFT. Whoever checks the labels removes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drafted: bool,
}

/// A figure of the article that the dataset leaves out on purpose.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unrecorded {
    pub paragraph: u32,
    /// The characters as the text writes them, as `draft` finds them.
    pub figure: String,
    pub reason: Text,
}

/// The year of every date the article states. When the article does not
/// print it, `inferred` says so. A derived date (an event with a
/// `derivation`) may fall outside it: 116 days before 2020-03-22 is 2019-11-27.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// `None` when neither the article nor the person who drafted the
    /// dataset gives it: `check` then says what to add.
    pub value: Option<i32>,
    pub inferred: bool,
    /// Why, when `inferred`.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub reason: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub province: Text,
    #[serde(default)]
    pub city: Option<Text>,
    /// District or county.
    #[serde(default)]
    pub county: Option<Text>,
    /// Township, zone or site below the county.
    #[serde(default)]
    pub locality: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub place: Option<String>,
}

/// Where a figure was found: a 1-based paragraph (line) of the article and a
/// short verbatim quote from it that contains the figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub paragraph: u32,
    pub quote: String,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A calendar day.
    #[default]
    Day,
    /// 中旬: days 11-20 of the month; the date is the 15th.
    MidMonth,
    /// 月底: the date is the last day of the month.
    EndOfMonth,
    /// 入冬: the onset of winter, with no calendar date.
    Winter,
    /// No date at all ("截至目前": as of the report).
    Undated,
}

/// How the record relates to its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// It happened (or is due) on the date.
    #[default]
    On,
    /// Due before the date (5月中旬前).
    Before,
    /// From the date on (从2月10日起).
    Since,
    /// A figure as it stood on the date (截至目前).
    AsOf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    Morning,
    Noon,
    Afternoon,
}

/// When a record happened, is due, or was reported.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    #[serde(default, with = "iso_date::option")]
    pub date: Option<Date>,
    #[serde(default, with = "hh_mm::option")]
    pub time: Option<Time>,
    #[serde(default)]
    pub part_of_day: Option<PartOfDay>,
    #[serde(default)]
    pub precision: Precision,
    #[serde(default)]
    pub relation: Relation,
}

/// How a value that the article does not print was computed from ones it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Derivation {
    /// Day `day` (a count id, ordinal) of something fell on event `on`:
    /// it began on `on.date - (day - 1)`.
    DayNumber { day: String, on: String },
    /// Event `before` came `days` (a count id) days after this one:
    /// this one is `before.date - days`.
    DaysBefore { days: String, before: String },
}

/// A percentage stated by the article, such as 复工率98.3%.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub id: String,
    pub label: Text,
    /// Percent, 0-100.
    pub value: f64,
    /// 5成以上: more than 50%.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// The figure as the article writes it ("98.3%"); the quote must contain it.
    pub figure: String,
    /// Id of the count that is the numerator, where the article gives one.
    #[serde(default)]
    pub numerator: Option<String>,
    /// Id of the count that is the denominator, where the article gives one.
    #[serde(default)]
    pub denominator: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub when: When,
    pub source: Source,
}

/// What a count counts; the Workforce panel shows the people categories.
/// The set is open: a name that is not one of the known ones below (a
/// user's article is not about cadres and commandos) is `Other`, kept as
/// written and shown as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Category {
    /// Party members and cadres sent to help.
    Cadres,
    /// Workers sent out, brought back or at work on a site.
    Workers,
    /// Employees on post or on a job.
    Staff,
    /// Members of commando teams.
    Commando,
    /// People the article does not say more of (村民, 人).
    People,
    Jobs,
    Enterprises,
    /// Teams, groups, batches, branches and divisions.
    Teams,
    Supplies,
    /// Tonnes, aircraft, cranes, sites, provinces, capacity.
    Physical,
    /// Days, hours, minutes.
    Duration,
    /// A name of the dataset's own ("vehicles", "money").
    Other(Box<str>),
}

impl Category {
    /// The known categories, in the order the Workforce panel cycles them.
    pub const KNOWN: [Category; 11] = [
        Category::Cadres,
        Category::Workers,
        Category::Staff,
        Category::Commando,
        Category::People,
        Category::Jobs,
        Category::Enterprises,
        Category::Teams,
        Category::Supplies,
        Category::Physical,
        Category::Duration,
    ];

    /// The name in the dataset's format ("cadres", or the dataset's own).
    pub fn name(&self) -> &str {
        match self {
            Category::Cadres => "cadres",
            Category::Workers => "workers",
            Category::Staff => "staff",
            Category::Commando => "commando",
            Category::People => "people",
            Category::Jobs => "jobs",
            Category::Enterprises => "enterprises",
            Category::Teams => "teams",
            Category::Supplies => "supplies",
            Category::Physical => "physical",
            Category::Duration => "duration",
            Category::Other(name) => name,
        }
    }

    /// The category a name in the format stands for.
    pub fn from_name(name: &str) -> Category {
        Category::KNOWN
            .into_iter()
            .find(|c| c.name() == name)
            .unwrap_or_else(|| Category::Other(name.into()))
    }

    /// Counts of people: what the Workforce panel lists.
    pub fn is_people(&self) -> bool {
        matches!(
            self,
            Category::Cadres
                | Category::Workers
                | Category::Staff
                | Category::Commando
                | Category::People
        )
    }
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        if name.trim().is_empty() {
            return Err(serde::de::Error::custom(
                "a category is a name, such as \"workers\" or one of the dataset's own; it is empty",
            ));
        }
        Ok(Category::from_name(&name))
    }
}

/// A whole-number figure: people, enterprises, tonnes, days...
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub id: String,
    pub label: Text,
    pub category: Category,
    pub value: u64,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// An ordinal (第四十二天: day 42; 第二批: the second batch), not a quantity.
    #[serde(default)]
    pub ordinal: bool,
    pub unit: Text,
    /// The figure as the article writes it ("2.3万多", "四十二"); the quote must contain it.
    pub figure: String,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub when: When,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Reported as having happened.
    Done,
    /// A planned milestone.
    Planned,
}

/// A change a figure went through, as the article states it: 复工率66.7%，
/// 较前一日提高5.6个百分点 is +5.6 percentage points of that rate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub id: String,
    pub label: Text,
    /// Signed: 提高5.6 is +5.6, 下降2.5 is −2.5.
    pub value: f64,
    /// "个百分点" / "percentage points".
    pub unit: Text,
    /// The id of the rate or count that changed, where the article says.
    #[serde(default)]
    pub of: Option<String>,
    /// The figure as the article writes it ("5.6"); the quote must contain it.
    pub figure: String,
    pub when: When,
    /// What the change is measured against, where the article says: 较前一日
    /// is the day before `when`, 较2月10日 is 2月10日. Without it the change
    /// is against the previous report of the series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<When>,
    pub source: Source,
}

/// A dated event or a planned milestone.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub label: Text,
    pub status: EventStatus,
    pub when: When,
    /// The date or time as the article writes it ("3月22日", "5月中旬前"); the
    /// quote must contain it. Absent only for derived events.
    #[serde(default)]
    pub figure: Option<String>,
    #[serde(default)]
    pub derivation: Option<Derivation>,
    /// Id of a stated event whose date a derived one must equal.
    #[serde(default)]
    pub agrees_with: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub source: Source,
}

/// A project or programme, linking its events and figures by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub events: Vec<String>,
    /// Ids of rates and counts.
    #[serde(default)]
    pub figures: Vec<String>,
}

/// A person the article names, with the role it gives them and where it
/// names them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    /// The name as written, and in pinyin.
    pub name: Text,
    /// The role as the article gives it ("总经理"), and a translation.
    pub role: Text,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    /// Where the article names them; the quote must contain the name.
    pub source: Source,
    /// What the dataset adds that the article does not say (the English).
    #[serde(default)]
    pub note: Option<Text>,
}

impl Text {
    /// Both languages empty.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// The text in `lang`; in `Both`, "中文 · English". Where one language
    /// is missing, the other, after a mark that names its language
    /// ("[zh] 全省已复工企业"): never a blank.
    pub fn get(&self, lang: Lang) -> std::borrow::Cow<'_, str> {
        match (lang, self.zh.is_empty(), self.en.is_empty()) {
            (_, true, true) => "".into(),
            (Lang::Zh, false, _) => self.zh.as_str().into(),
            (Lang::En, _, false) => self.en.as_str().into(),
            (_, false, true) => marked(ONLY_ZH, &self.zh).into(),
            (_, true, false) => marked(ONLY_EN, &self.en).into(),
            (Lang::Both, false, false) => {
                // As `format!("{} · {}", ..)` writes it, sized once.
                let mut s = String::with_capacity(self.zh.len() + " · ".len() + self.en.len());
                s.push_str(&self.zh);
                s.push_str(" · ");
                s.push_str(&self.en);
                s.into()
            }
        }
    }

    /// Both languages present.
    pub fn is_whole(&self) -> bool {
        !self.zh.is_empty() && !self.en.is_empty()
    }
}

/// The mark before a text that is only in Chinese, shown where English was asked for.
pub const ONLY_ZH: &str = "[zh] ";
/// The mark before a text that is only in English, shown where Chinese was asked for.
pub const ONLY_EN: &str = "[en] ";

fn marked(mark: &str, text: &str) -> String {
    let mut s = String::with_capacity(mark.len() + text.len());
    s.push_str(mark);
    s.push_str(text);
    s
}
