//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::data::Lang;

/// fugong (复工): a terminal dashboard of China's spring-2020 return to work,
/// every figure traced to the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "fugong", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A dataset file in fugong's JSON format (default: the embedded article dataset).
    #[arg(long, value_name = "FILE", global = true)]
    pub data: Option<PathBuf>,

    /// Language of labels at start; `L` cycles it in the dashboard.
    #[arg(long, value_enum, default_value_t = Lang::Both, global = true)]
    pub lang: Lang,

    /// Colour theme; NO_COLOR (any value) turns colour off.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset: print every problem (exit 1) or a summary (exit 0).
    Check {
        /// The file to check (default: the embedded dataset).
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}
