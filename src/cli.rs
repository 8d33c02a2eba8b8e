//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::data::Lang;
use crate::export::{Format, What};
use crate::panel::Panel;
use crate::theme::ThemeName;

/// fugong (复工): a terminal dashboard of China's spring-2020 return to work,
/// every figure traced to the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "fugong", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Reload the --data file when it changes on disk.
    #[arg(long, requires = "data")]
    pub watch: bool,

    /// A dataset file in fugong's JSON format (default: the embedded article
    /// dataset), or an article's text (a .txt file, or any file that is not
    /// JSON), drafted in memory as `fugong draft` would.
    #[arg(long, value_name = "FILE", global = true)]
    pub data: Option<PathBuf>,

    /// The year of the article's dates, for drafting a text that does not
    /// print it (`draft`, and `--data ARTICLE.txt`).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1000..=9999), global = true)]
    pub year: Option<i32>,

    /// Language of labels at start; `L` cycles it in the dashboard. For
    /// `draft`, the article's language: zh or en (both, the default: detect it).
    #[arg(long, value_enum, default_value_t = Lang::Both, global = true)]
    pub lang: Lang,

    /// Show the data as known on this date, YYYY-MM-DD (default: the latest
    /// date the dataset reports), in the dashboard, `snapshot` and `read`.
    /// `[` `]` `{` `}` move it in the dashboard.
    #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
    pub as_of: Option<time::Date>,

    /// Never write to the clipboard: `y` shows the citation instead of copying it.
    #[arg(long)]
    pub no_clipboard: bool,

    /// Colour theme; NO_COLOR (any value) turns colour off.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark, global = true)]
    pub theme: ThemeName,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset: print every problem (exit 1) or a summary (exit 0).
    Check {
        /// The file to check (default: the embedded dataset).
        file: Option<PathBuf>,
        /// Check every quote against this text of the article (UTF-8, one
        /// paragraph a line, blank lines ignored) instead of the dataset's
        /// own; a dataset that carries its text must match it too.
        #[arg(long, value_name = "ARTICLE.txt")]
        article: Option<PathBuf>,
    },
    /// Draft a dataset from an article's text: every figure with its
    /// paragraph and quote, labelled from the words around it. Check the
    /// labels, then open it with --data.
    Draft {
        /// The article: UTF-8 text, one paragraph a line, blank lines ignored.
        #[arg(value_name = "ARTICLE.txt")]
        article: PathBuf,
        /// Write to FILE (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "OUT.json")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Print a panel exactly as the dashboard draws it, with no terminal needed.
    Snapshot {
        /// The panel to draw.
        #[arg(long, value_enum, default_value_t = Panel::Overview)]
        panel: Panel,
        /// The frame's size, WIDTHxHEIGHT.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// plain: text only; ansi: with colour and style as SGR sequences.
        #[arg(long, value_enum, default_value_t = SnapshotFormat::Plain)]
        format: SnapshotFormat,
    },
    /// Print panels as plain sentences, one figure per line with its date and
    /// source: for screen readers, and for pasting into a report.
    Read {
        /// The panel to read, or all of them.
        #[arg(long, value_enum, default_value = "all")]
        panel: PanelChoice,
    },
    /// Write a table of the dataset as CSV (the default), JSON or Markdown; with --as-of, only what is known on that date.
    Export {
        /// Which records.
        #[arg(long, value_enum)]
        what: What,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to FILE (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Begin a CSV or Markdown file with a UTF-8 byte-order mark, so that
        /// spreadsheets (Excel) read its Chinese as UTF-8.
        #[arg(long)]
        bom: bool,
    },
}

impl Cli {
    /// How an article's text is drafted: the year given, and the language
    /// detected. Only `fugong draft` takes `--lang` as the article's
    /// language; elsewhere it is the language to show, and a Chinese
    /// article shown in English is still read as Chinese.
    pub fn drafting(&self) -> crate::data::draft::Options {
        let chinese = match (&self.command, self.lang) {
            (Some(Command::Draft { .. }), Lang::Zh) => Some(true),
            (Some(Command::Draft { .. }), Lang::En) => Some(false),
            _ => None,
        };
        crate::data::draft::Options {
            year: self.year,
            chinese,
            title: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SnapshotFormat {
    #[default]
    Plain,
    Ansi,
}

/// A panel, or every panel (`all`): the panels' own names, and one more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelChoice(pub Option<Panel>);

impl PanelChoice {
    pub const ALL: PanelChoice = PanelChoice(None);

    pub fn panels(self) -> Vec<Panel> {
        match self.0 {
            None => Panel::ALL.to_vec(),
            Some(p) => vec![p],
        }
    }
}

impl ValueEnum for PanelChoice {
    fn value_variants<'a>() -> &'a [Self] {
        static CHOICES: std::sync::LazyLock<Vec<PanelChoice>> = std::sync::LazyLock::new(|| {
            std::iter::once(PanelChoice::ALL)
                .chain(Panel::ALL.map(|p| PanelChoice(Some(p))))
                .collect()
        });
        &CHOICES
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self.0 {
            None => Some(clap::builder::PossibleValue::new("all").help("every panel")),
            Some(p) => p.to_possible_value(),
        }
    }
}

/// "2020-03-25" → a date; anything else is refused with the format to use.
pub fn parse_date(s: &str) -> Result<time::Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s.trim(), &format)
        .map_err(|e| format!("expected a date as YYYY-MM-DD, such as 2020-03-25 ({e})"))
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    crate::snapshot::parse_size(s)
}
