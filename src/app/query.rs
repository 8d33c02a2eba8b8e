//! A filter's words: free text, and conditions on a column, each a word of
//! its own: `value>1000`, `value<=98.5`, `date<2020-03-01`, `date>=03-20`,
//! `place:临翔`, `org:商飞`, `label:复工`, in English or Chinese field names
//! (`数值>1000`, `日期<3-1`, `地点:临翔`, `机构:`, `名称:`; the label also as the
//! column headers name it: `what:`, `event:`, `内容:`, `事件:`, `标签:`). A row is listed
//! when it has the free text and meets every condition. A word that names
//! no field, or whose value does not read, is free text.

use time::{Date, Month};

use crate::data::{Lang, Loaded, Place, RecordRef};

/// A column a condition is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Date,
    Place,
    Organisation,
    Label,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Less,
    AtMost,
    More,
    AtLeast,
    Equal,
    /// `place:临翔`: the text contains it.
    Has,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    Date(Date),
    /// Lower-cased.
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    pub field: Field,
    pub op: Op,
    pub arg: Arg,
    /// For a place or organisation: which of the dataset's (by position)
    /// have the text in a name, found once by [`Query::prepare`] (there
    /// are few of them), so that a row costs an index.
    pub ids: Option<Vec<bool>>,
}

/// A filter, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// The free words, lower-cased, joined by spaces as typed.
    pub text: String,
    pub conds: Vec<Cond>,
    /// Words that name a column and a comparison but whose value does not
    /// read ("value>abc"), each with why; they are searched as free text,
    /// and the footer says so.
    pub problems: Vec<(String, Problem)>,
}

/// Why a word that looks like a condition is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NotANumber,
    NotADate,
    /// `value:5`: a number is compared, not searched.
    NeedsComparison,
}

impl Problem {
    pub fn say(self, lang: Lang) -> &'static str {
        match self {
            Problem::NotANumber => lang.pick("不是数字", "not a number"),
            Problem::NotADate => lang.pick(
                "不是日期（写 2020-03-01 或 3-1）",
                "not a date (write 2020-03-01 or 03-01)",
            ),
            Problem::NeedsComparison => lang.pick(
                "数值和日期用 < <= > >= = 比较",
                "values and dates take < <= > >= =",
            ),
        }
    }
}

const FIELDS: &[(&str, Field)] = &[
    ("value", Field::Value),
    ("数值", Field::Value),
    ("date", Field::Date),
    ("日期", Field::Date),
    ("place", Field::Place),
    ("where", Field::Place),
    ("地点", Field::Place),
    ("organisation", Field::Organisation),
    ("org", Field::Organisation),
    ("机构", Field::Organisation),
    ("label", Field::Label),
    ("what", Field::Label),
    ("event", Field::Label),
    ("名称", Field::Label),
    ("标签", Field::Label),
    ("内容", Field::Label),
    ("事件", Field::Label),
];

/// Longest first, so `<=` is not read as `<`.
const OPS: &[(&str, Op)] = &[
    ("<=", Op::AtMost),
    (">=", Op::AtLeast),
    ("<", Op::Less),
    (">", Op::More),
    ("=", Op::Equal),
    (":", Op::Has),
    ("：", Op::Has),
];

/// Reads a filter (already lower-cased); `year` is the year of a date
/// written without one (`03-01`, `3-1`).
pub fn parse(needle: &str, year: i32) -> Query {
    let mut q = Query::default();
    let mut free: Vec<&str> = Vec::new();
    for word in needle.split_whitespace() {
        match condition(word, year) {
            Ok(Some(c)) => q.conds.push(c),
            Ok(None) => free.push(word),
            Err(p) => {
                q.problems.push((word.to_string(), p));
                free.push(word);
            }
        }
    }
    q.text = free.join(" ");
    q
}

/// A word as a condition: `Ok(None)` when it names no column and
/// comparison (or its value is still to come), `Err` when its value does
/// not read.
fn condition(word: &str, year: i32) -> Result<Option<Cond>, Problem> {
    let Some((name, field)) = FIELDS.iter().find(|(n, _)| word.starts_with(n)) else {
        return Ok(None);
    };
    let rest = &word[name.len()..];
    let Some((op_text, op)) = OPS.iter().find(|(o, _)| rest.starts_with(o)) else {
        return Ok(None);
    };
    let value = rest[op_text.len()..].trim();
    if value.is_empty() {
        return Ok(None);
    }
    let arg = match (field, op) {
        (Field::Value | Field::Date, Op::Has) => return Err(Problem::NeedsComparison),
        (Field::Value, _) => Arg::Number(
            value
                .replace(',', "")
                .parse()
                .map_err(|_| Problem::NotANumber)?,
        ),
        (Field::Date, _) => Arg::Date(date(value, year).ok_or(Problem::NotADate)?),
        (_, Op::Has | Op::Equal) => Arg::Text(value.to_string()),
        _ => return Ok(None),
    };
    Ok(Some(Cond {
        field: *field,
        op: *op,
        arg,
        ids: None,
    }))
}

/// `2020-03-01`, `03-01`, `3-1`.
fn date(s: &str, year: i32) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (y.parse().ok()?, m, d),
        [m, d] => (year, m, d),
        _ => return None,
    };
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y, month, d.parse().ok()?).ok()
}

fn compare<T: PartialOrd>(have: T, op: Op, want: T) -> bool {
    match op {
        Op::Less => have < want,
        Op::AtMost => have <= want,
        Op::More => have > want,
        Op::AtLeast => have >= want,
        Op::Equal | Op::Has => have == want,
    }
}

/// Lower-cased as the filter is: ASCII cheaply, the rest in full.
fn has(name: &str, want: &str) -> bool {
    if name.is_ascii() {
        name.to_ascii_lowercase().contains(want)
    } else {
        name.to_lowercase().contains(want)
    }
}

impl Query {
    /// Finds, once, the places and organisations a condition names.
    pub fn prepare(&mut self, data: &Loaded) {
        let ds = &data.dataset;
        for c in &mut self.conds {
            let Arg::Text(want) = &c.arg else { continue };
            c.ids = match c.field {
                Field::Place => Some(
                    ds.places
                        .iter()
                        .map(|p| has(&p.full(Lang::Zh), want) || has(&p.full(Lang::En), want))
                        .collect(),
                ),
                Field::Organisation => Some(
                    ds.organisations
                        .iter()
                        .map(|o| has(&o.name.zh, want) || has(&o.name.en, want))
                        .collect(),
                ),
                _ => None,
            };
        }
    }

    pub fn is_plain(&self) -> bool {
        self.conds.is_empty()
    }

    /// Whether record `r` meets every condition. A record without the
    /// column (a project's date) does not. `at` is its organisation and
    /// place by position, where the caller has them at hand.
    pub fn admits(
        &self,
        data: &Loaded,
        r: RecordRef,
        at: Option<(Option<usize>, Option<usize>)>,
    ) -> bool {
        self.conds.iter().all(|c| meets(c, data, r, at))
    }
}

fn meets(
    c: &Cond,
    data: &Loaded,
    r: RecordRef,
    at: Option<(Option<usize>, Option<usize>)>,
) -> bool {
    // A place or organisation found once, and the row's at hand: an index.
    if let (Some(marks), Some((org, place))) = (&c.ids, at) {
        let pick = match c.field {
            Field::Place => place,
            _ => org,
        };
        return pick.and_then(|k| marks.get(k)).copied().unwrap_or(false);
    }
    let ds = &data.dataset;
    let Some(record) = data.record(r) else {
        return false;
    };
    match (&c.arg, c.field) {
        (Arg::Number(want), Field::Value) => {
            let have = match r {
                RecordRef::Rate(i) => ds.rates[i].value,
                RecordRef::Count(i) => ds.counts[i].value as f64,
                RecordRef::Change(i) => ds.changes[i].value,
                _ => return false,
            };
            compare(have, c.op, *want)
        }
        (Arg::Date(want), Field::Date) => record
            .when()
            .and_then(|w| w.date)
            .is_some_and(|have| compare(have, c.op, *want)),
        (Arg::Text(want), Field::Label) => {
            let l = record.label();
            has(&l.zh, want) || has(&l.en, want)
        }
        (Arg::Text(want), Field::Organisation) => record
            .organisation()
            .and_then(|id| data.organisation(id))
            .is_some_and(|o| has(&o.name.zh, want) || has(&o.name.en, want)),
        (Arg::Text(want), Field::Place) => {
            let place: Option<&Place> = data.place_of(record.place(), record.organisation());
            place.is_some_and(|p| has(&p.full(Lang::Zh), want) || has(&p.full(Lang::En), want))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn words_are_conditions_or_free_text() {
        let q = parse("value>1000 工人 date<=03-01 place:临翔 value>abc", 2020);
        assert_eq!(q.text, "工人 value>abc");
        assert_eq!(q.problems, [("value>abc".to_string(), Problem::NotANumber)]);
        assert_eq!(
            q.conds,
            [
                Cond {
                    field: Field::Value,
                    op: Op::More,
                    arg: Arg::Number(1000.0),
                    ids: None,
                },
                Cond {
                    field: Field::Date,
                    op: Op::AtMost,
                    arg: Arg::Date(date!(2020 - 03 - 01)),
                    ids: None,
                },
                Cond {
                    field: Field::Place,
                    op: Op::Has,
                    arg: Arg::Text("临翔".into()),
                    ids: None,
                },
            ]
        );
        assert_eq!(parse("数值>=1,500", 2020).conds[0].arg, Arg::Number(1500.0));
        // The column headers' words name the label too.
        for w in [
            "what:干部",
            "内容:干部",
            "标签:干部",
            "event:干部",
            "事件:干部",
        ] {
            assert_eq!(parse(w, 2020).conds[0].field, Field::Label, "{w}");
        }
        assert!(
            parse("date<2020-02-30", 2020).conds.is_empty(),
            "not a date"
        );
        assert!(parse("value:5", 2020).conds.is_empty());
        assert!(parse("value>", 2020).conds.is_empty());
    }

    #[test]
    fn conditions_hold_on_the_records() {
        let data = crate::data::load(None).unwrap();
        let ds = &data.dataset;
        let q = parse("value>1000", 2020);
        for (i, c) in ds.counts.iter().enumerate() {
            assert_eq!(
                q.admits(&data, RecordRef::Count(i), None),
                c.value > 1000,
                "{}",
                c.id
            );
        }
        let q = parse("date<2020-03-01", 2020);
        for (i, e) in ds.events.iter().enumerate() {
            let want = e.when.date.is_some_and(|d| d < date!(2020 - 03 - 01));
            assert_eq!(q.admits(&data, RecordRef::Event(i), None), want, "{}", e.id);
        }
        let mut q = parse("place:临翔", 2020);
        let unprepared: Vec<bool> = (0..ds.counts.len())
            .map(|i| q.admits(&data, RecordRef::Count(i), None))
            .collect();
        q.prepare(&data);
        let search = crate::app::search::Search::new(&data);
        let prepared: Vec<bool> = (0..ds.counts.len())
            .map(|i| {
                let at = search.whereabouts(crate::panel::Collection::Counts, i);
                q.admits(&data, RecordRef::Count(i), at)
            })
            .collect();
        assert_eq!(prepared, unprepared, "the ids found once say the same");
        let n = (0..ds.counts.len())
            .filter(|&i| q.admits(&data, RecordRef::Count(i), None))
            .count();
        assert!(n > 0);
        assert!(
            !q.admits(&data, RecordRef::Project(0), None) || ds.projects[0].id.contains("linxiang")
        );
    }
}
