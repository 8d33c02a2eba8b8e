//! Text by display width: measuring, cutting, padding, wrapping, and
//! painting tables and bars into a buffer. Chinese glyphs take two cells,
//! and nothing here ever splits one.
//!
//! It knows styles and the theme (its only import of the crate), never the
//! app or the data.

mod cells;
pub mod collate;
mod lines;
mod paint;
mod table;
mod width;
mod wrap;

pub use lines::{line, paragraph};
pub use paint::{Boxed, Strip, clear, fill_style};
pub use table::{Body, Column, Content, Fit, Want, allot, table, table_body};
pub use width::{fit, pad, width};
pub use wrap::wrap;
