//! fugong: a terminal dashboard of sourced recovery figures.
//!
//! The flow runs one way: [`data::load`] reads, sanitizes and checks a dataset
//! once; input becomes an [`input::Action`]; [`app::App::update`] is the only
//! place state changes; [`ui`] draws the state and never changes it.

pub mod app;
pub mod cite;
pub mod cli;
pub mod data;
pub mod export;
pub mod fmt;
pub mod input;
pub mod read;
pub mod snapshot;
pub mod term;
pub mod ui;
