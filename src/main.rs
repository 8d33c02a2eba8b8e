use std::process::ExitCode;

use clap::Parser;
use fugong::cli::{Cli, Command};
use fugong::data;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => check(file.as_deref().or(cli.data.as_deref())),
        None => check(cli.data.as_deref()),
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
            for p in &invalid.problems {
                eprintln!("{}: {p}", invalid.origin);
            }
            if invalid.problems.len() > 1 {
                eprintln!("{}: {} problems", invalid.origin, invalid.problems.len());
            }
            ExitCode::FAILURE
        }
    }
}
