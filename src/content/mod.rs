//! Content made from the data: the lines of a detail, of the help and of
//! every popup, and how a record looks wherever it appears. Pure functions
//! of a [`Ctx`] (data, date, language, theme), never of the app: the app
//! builds a detail with them when it opens, and the panels draw with them.

pub mod article;
mod ctx;
pub mod detail;
pub mod help;
mod marks;
mod people;
pub mod popup;
pub mod series;

pub use article::Spot;
pub use ctx::{Ctx, Target, as_of_text, field};
pub use marks::{
    Emptiness, category_name, date_width, dated, empty_list, events_of, fraction, mark,
    nothing_yet, record_value_line, summary_note, value_parts, verdict,
};
pub use people::{people_of, person_line};
pub use popup::Popup;
