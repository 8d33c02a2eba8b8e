use std::process::ExitCode;

use clap::Parser;
use fugong::app::App;
use fugong::cli::{Cli, Command};
use fugong::data::{self, Invalid};
use fugong::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => check(file.as_deref().or(cli.data.as_deref())),
        None => dashboard(&cli),
    }
}

fn print_invalid(invalid: &Invalid) {
    for p in &invalid.problems {
        eprintln!("{}: {p}", invalid.origin);
    }
    if invalid.problems.len() > 1 {
        eprintln!("{}: {} problems", invalid.origin, invalid.problems.len());
    }
}

/// `fugong check`: every problem on stderr, or the summary on stdout.
fn check(path: Option<&std::path::Path>) -> ExitCode {
    match data::load(path) {
        Ok(loaded) => {
            println!("{}", loaded.summary());
            ExitCode::SUCCESS
        }
        Err(invalid) => {
            print_invalid(&invalid);
            ExitCode::FAILURE
        }
    }
}

/// The dashboard: load and check first, in a normal terminal, then draw.
fn dashboard(cli: &Cli) -> ExitCode {
    let loaded = match data::load(cli.data.as_deref()) {
        Ok(l) => l,
        Err(invalid) => {
            print_invalid(&invalid);
            return ExitCode::FAILURE;
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some();
    let app = App::new(loaded, cli.lang, Theme::select(cli.theme, no_color));
    match fugong::term::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fugong: {e:#}");
            ExitCode::FAILURE
        }
    }
}
