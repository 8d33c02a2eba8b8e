//! The dashboard's state and [`App::update`], the only place it changes.
//!
//! `state` holds the fields (private to this module) and the readers;
//! `update` turns an action into a state change and an [`Effect`]; `rows`
//! keeps each panel's list filtered and sorted; `search` is the text rows
//! are filtered by; `reload` takes a reloaded dataset; `view` is one list.

mod query;
mod reload;
mod rows;
mod search;
mod state;
mod update;
mod view;

pub use state::{App, Effect, InTmux, Overlay};
pub use view::{CategoryFilter, ListView};
