//! What content is made from: the data, the date it is shown as of, the
//! language and the theme. Never the app itself, so the same lines come out
//! of the dashboard, `snapshot` and the tests.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use time::Date;

use crate::data::asof::{Chronology, Status};
use crate::data::{Event, Lang, Loaded, RecordRef, When};
use crate::theme::Theme;

/// The data as one reader sees it.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub data: &'a Loaded,
    pub chronology: &'a Chronology,
    /// The date the data is shown as of; `None` when the dataset has no dates.
    pub as_of: Option<Date>,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Ctx<'_> {
    /// An event's status on the as-of date.
    pub fn status(&self, e: &Event) -> Status {
        self.chronology.status(e, self.as_of)
    }

    /// What a figure reported after the as-of date says instead of its
    /// date: "reported 03-25"; `None` when it is known on the date.
    pub fn reported_note(&self, when: &When) -> Option<String> {
        let k = self.chronology.later(when, self.as_of)?;
        Some(crate::data::asof::reported_short(k, self.lang.prose()))
    }
}

/// What a detail popup shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Record(RecordRef),
    Check(usize),
}

/// "as of 2020-03-25" / "截至2020年3月25日".
pub fn as_of_text(d: Date, lang: Lang) -> String {
    match lang.prose() {
        Lang::Zh => format!("截至{}", crate::fmt::zh_date(d)),
        _ => format!("as of {}", crate::fmt::iso(d)),
    }
}

/// A label and a value: "label: value".
pub fn field<'a>(label: &str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.muted),
        Span::styled(value, Style::default()),
    ])
}

impl<'a> Ctx<'a> {
    /// The label of any record by id (a place's is its province).
    pub fn label_of(&self, id: &str) -> Option<&'a crate::data::Text> {
        Some(self.data.record_by_id(id)?.label())
    }
}
