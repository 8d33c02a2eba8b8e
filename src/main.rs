use std::process::ExitCode;

use clap::Parser;
use fugong::app::App;
use std::io::Write as _;

use anyhow::Context as _;
use fugong::cli::{Cli, Command, SnapshotFormat};
use fugong::data::sanitize::clean;
use fugong::data::{self, Invalid};
use fugong::input::Action;
use fugong::theme::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The as-of date is a way of showing the data; check covers every
    // record as it is. Say so rather than ignore it.
    if cli.as_of.is_some() && matches!(cli.command, Some(Command::Check { .. })) {
        say(
            "fugong: --as-of applies to the dashboard, snapshot, read and export; check always covers every record",
        );
        return ExitCode::from(2);
    }
    match &cli.command {
        Some(Command::Check { file, article }) => check(
            file.as_deref().or(cli.data.as_deref()),
            article.as_deref(),
            &cli.drafting(),
        ),
        Some(Command::Draft {
            article,
            output,
            force,
        }) => draft(article, output.as_deref(), *force, &cli.drafting()),
        Some(Command::Snapshot {
            panel,
            size,
            format,
        }) => with_data(&cli, |loaded| {
            warn_as_of(&cli, &loaded);
            let mut app = App::new(loaded, cli.lang, theme(&cli)).with_as_of(cli.as_of);
            app.update(Action::GoPanel(*panel));
            let buf = fugong::snapshot::render(&mut app, size.0, size.1);
            let text = match format {
                SnapshotFormat::Plain => fugong::snapshot::plain(&buf),
                SnapshotFormat::Ansi => fugong::snapshot::ansi(&buf),
            };
            std::io::stdout()
                .write_all(text.as_bytes())
                .context("writing the snapshot")
        }),
        Some(Command::Read { panel }) => with_data(&cli, |loaded| {
            warn_as_of(&cli, &loaded);
            let mut out = std::io::stdout().lock();
            fugong::read::write(&loaded, &panel.panels(), cli.lang, cli.as_of, &mut out)?;
            out.flush().context("writing to stdout")
        }),
        Some(Command::Export {
            what,
            format,
            output,
            force,
            bom,
        }) => {
            if *bom && *format == fugong::export::Format::Json {
                eprintln!(
                    "fugong: --bom is for CSV and Markdown; JSON is UTF-8 without a byte-order mark"
                );
                return ExitCode::from(2);
            }
            with_data(&cli, |loaded| {
                warn_as_of(&cli, &loaded);
                let rows = fugong::export::rows_as_of(&loaded, *what, cli.as_of);
                let mut bytes = Vec::new();
                if *bom {
                    bytes.extend_from_slice("\u{feff}".as_bytes());
                }
                fugong::export::write(*what, &rows, *format, &mut bytes)?;
                match output {
                    Some(path) => fugong::export::write_file(path, *force, &bytes),
                    None => std::io::stdout()
                        .write_all(&bytes)
                        .context("writing to stdout"),
                }
            })
        }
        None => dashboard(&cli),
    }
}

fn theme(cli: &Cli) -> Theme {
    Theme::select(cli.theme, std::env::var_os("NO_COLOR").is_some())
}

/// Loads the dataset, then runs `f`; any error is one line on stderr.
fn with_data(cli: &Cli, f: impl FnOnce(data::Loaded) -> anyhow::Result<()>) -> ExitCode {
    let loaded = match data::load_with(cli.data.as_deref(), &cli.drafting()) {
        Ok(l) => l,
        Err(invalid) => {
            print_invalid(&invalid);
            return ExitCode::FAILURE;
        }
    };
    match f(loaded) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            fail(&e);
            ExitCode::FAILURE
        }
    }
}

/// A closed pipe (`| head`): not an error worth a message.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// One line on stderr, with anything that could drive the terminal made
/// visible: error messages can repeat a file's name or contents.
/// An `--as-of` date outside the data's dates still shows the data as
/// known then; one line on stderr says that it lies outside them.
fn warn_as_of(cli: &Cli, loaded: &data::Loaded) {
    let span = fugong::data::asof::Chronology::new(&loaded.dataset).span();
    let (Some(d), Some((first, last))) = (cli.as_of, span) else {
        return;
    };
    let iso = fugong::fmt::iso;
    if d < first {
        say(&format!(
            "fugong: warning: --as-of {} is before the data's first date, {}: nothing is known yet",
            iso(d),
            iso(first)
        ));
    } else if d > last {
        say(&format!(
            "fugong: warning: --as-of {} is after the data's last date, {}: nothing changes after it",
            iso(d),
            iso(last)
        ));
    }
}

fn say(line: &str) {
    eprintln!("{}", clean(line));
}

fn fail(e: &anyhow::Error) {
    say(&format!("fugong: {e:#}"));
}

fn print_invalid(invalid: &Invalid) {
    for p in &invalid.problems {
        say(&format!("{}: {p}", invalid.origin));
    }
    if invalid.problems.len() > 1 {
        say(&format!(
            "{}: {} problems",
            invalid.origin,
            invalid.problems.len()
        ));
    }
}

/// `fugong check [--article FILE]`: every problem on stderr, or the summary
/// on stdout. An article file that cannot be read is one line.
fn check(
    path: Option<&std::path::Path>,
    article: Option<&std::path::Path>,
    drafting: &data::draft::Options,
) -> ExitCode {
    let article = match article.map(data::load::read_article).transpose() {
        Ok(a) => a,
        Err(line) => {
            say(&format!("fugong: {line}"));
            return ExitCode::FAILURE;
        }
    };
    let result = match &article {
        Some(a) => data::load_against(path, a),
        None => data::load_with(path, drafting),
    };
    match result {
        Ok(loaded) => {
            // Not println!: a reader that stops early (| head -1) closes
            // the pipe, and that is no error.
            let mut out = std::io::stdout().lock();
            let mut text = loaded.summary();
            if let Some(a) = &article {
                text.push('\n');
                text.push_str(&loaded.article_summary(a));
            }
            if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    say(&format!("fugong: writing to stdout: {e}"));
                    return ExitCode::FAILURE;
                }
                return ExitCode::SUCCESS;
            }
            drop(out);
            // Warnings do not fail the check: a figure left out may be
            // left out on purpose, and source.unrecorded says why.
            let origin = path.map_or("embedded dataset".to_string(), |p| {
                clean(&p.display().to_string()).into_owned()
            });
            for w in &loaded.warnings {
                say(&format!("{origin}: warning: {w}"));
            }
            if !loaded.warnings.is_empty() {
                say(&format!(
                    "{origin}: {} figures of the text no record carries",
                    loaded.warnings.len()
                ));
            }
            ExitCode::SUCCESS
        }
        Err(invalid) => {
            print_invalid(&invalid);
            ExitCode::FAILURE
        }
    }
}

/// `fugong draft ARTICLE.txt [-o OUT.json [--force]]`: the draft as JSON,
/// checked before it is written, so what is written always loads.
fn draft(
    article: &std::path::Path,
    output: Option<&std::path::Path>,
    force: bool,
    opts: &data::draft::Options,
) -> ExitCode {
    let origin = clean(&article.display().to_string()).into_owned();
    let text = match data::load::read_article_text(article) {
        Ok(t) => t,
        Err(line) => {
            say(&format!("fugong: {line}"));
            return ExitCode::FAILURE;
        }
    };
    let mut opts = opts.clone();
    opts.title = article
        .file_stem()
        .map(|s| clean(&s.to_string_lossy()).into_owned())
        .unwrap_or_default();
    let dataset = match data::draft::draft(&text, &opts) {
        Ok(d) => d,
        Err(p) => {
            say(&format!("fugong: article {origin}: {p}"));
            return ExitCode::FAILURE;
        }
    };
    // What is written must load, but for the one thing only a person can
    // add: a year the text does not give.
    let problems = data::check::check(&dataset).problems;
    let year_only = problems.iter().all(|p| p.starts_with("year.value:"));
    if !problems.is_empty() && !year_only {
        print_invalid(&Invalid {
            origin: origin.clone(),
            problems,
        });
        return ExitCode::FAILURE;
    }
    // Streamed: a long article's draft is several times its size.
    let to = |w: &mut dyn std::io::Write| {
        serde_json::to_writer_pretty(&mut *w, &dataset)
            .map_err(std::io::Error::from)
            .and_then(|()| w.write_all(b"\n"))
    };
    let result = match output {
        Some(path) => fugong::export::write_file_with(path, force, to),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            to(&mut out)
                .and_then(|()| out.flush())
                .context("writing to stdout")
        }
    };
    match result {
        Ok(()) => {
            let ds = &dataset;
            say(&format!(
                "{origin}: drafted {} rates, {} counts, {} events, {} changes from {} paragraphs; year {}",
                ds.rates.len(),
                ds.counts.len(),
                ds.events.len(),
                ds.changes.len(),
                ds.source.paragraphs,
                ds.year
                    .value
                    .map_or("unknown, so no dates: give --year YYYY".to_string(), |y| y
                        .to_string()),
            ));
            ExitCode::SUCCESS
        }
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            fail(&e);
            ExitCode::FAILURE
        }
    }
}

/// The dashboard: load and check first, in a normal terminal, then draw.
fn dashboard(cli: &Cli) -> ExitCode {
    if let Err(e) = fugong::term::require_terminal() {
        fail(&e);
        return ExitCode::FAILURE;
    }
    let loaded = match data::load_with(cli.data.as_deref(), &cli.drafting()) {
        Ok(l) => l,
        Err(invalid) => {
            print_invalid(&invalid);
            return ExitCode::FAILURE;
        }
    };
    warn_as_of(cli, &loaded);
    let app = App::new(loaded, cli.lang, theme(cli))
        .drafting(cli.drafting())
        .without_clipboard(cli.no_clipboard)
        .watching(cli.data.clone().filter(|_| cli.watch))
        .with_as_of(cli.as_of);
    match fugong::term::run(app) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) => {
            fail(&e);
            ExitCode::FAILURE
        }
    }
}
