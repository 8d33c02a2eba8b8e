//! fugong: a terminal dashboard of sourced recovery figures.
//!
//! The flow runs one way: [`data::load`] reads, sanitizes and checks a
//! dataset once; input becomes an [`input::Action`]; after start-up [`app::App::update`]
//! is the only place state changes, and returns an [`app::Effect`] that
//! [`term`] performs; [`ui`] draws the state and never changes it.
//! ARCHITECTURE.md has the modules and what may import what.

pub mod app;
pub mod cite;
pub mod cli;
pub mod content;
pub mod data;
pub mod export;
pub mod fmt;
pub mod input;
pub mod lang;
pub mod layout;
pub mod panel;
pub mod read;
pub mod snapshot;
pub mod term;
pub mod text;
pub mod theme;
pub mod ui;
