//! The binary as a person or a script starts it: one start, from the crate
//! root, in one environment, with the few options some tests need.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use fugong::data::Lang;
use fugong::panel::Panel;

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_fugong");

/// How long a run may take before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Variables the start removes: NO_COLOR, so the binary draws in the default
/// (dark) theme exactly what the library draws, and the backtrace switches,
/// so a panic prints its short message with the `RUST_BACKTRACE` hint that
/// [`assert_no_panic`] looks for.
const REMOVED: [&str; 3] = ["NO_COLOR", "RUST_BACKTRACE", "RUST_LIB_BACKTRACE"];

/// The usual start: `Fugong::new().cmd()`.
pub fn fugong() -> assert_cmd::Command {
    Fugong::new().cmd()
}

/// A start of the binary, with options; [`fugong`] is the plain one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fugong {
    no_color: bool,
    /// A program and its arguments that run the binary (`setsid --wait`),
    /// or nothing.
    under: &'static [&'static str],
}

impl Fugong {
    pub fn new() -> Fugong {
        Fugong::default()
    }

    /// With `NO_COLOR=1`, as for a person who asked for no colour.
    pub fn no_color(mut self) -> Fugong {
        self.no_color = true;
        self
    }

    /// Run by `prefix` (a program and its arguments, the binary's path
    /// after them); see [`have`].
    pub fn under(mut self, prefix: &'static [&'static str]) -> Fugong {
        self.under = prefix;
        self
    }

    /// Under `setsid --wait`, with no controlling terminal.
    pub fn setsid(self) -> Fugong {
        self.under(&["setsid", "--wait"])
    }

    /// As a `std::process::Command`, for what `assert_cmd` does not do: a
    /// file or /dev/null as stdin or stdout, or a child to hold.
    pub fn std(self) -> Command {
        let mut cmd = match self.under.split_first() {
            Some((program, args)) => {
                let mut c = Command::new(program);
                c.args(args).arg(BIN);
                c
            }
            None => Command::new(BIN),
        };
        cmd.current_dir(super::MANIFEST);
        for var in REMOVED {
            cmd.env_remove(var);
        }
        if self.no_color {
            cmd.env("NO_COLOR", "1");
        }
        cmd
    }

    /// As an `assert_cmd::Command` (stdin, stdout and stderr piped) that is
    /// killed after a minute: a hang is a failure, not a stuck test run.
    pub fn cmd(self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std());
        cmd.timeout(TIMEOUT);
        cmd
    }

    /// As a POSIX shell command line running `args`, for a shell that runs
    /// it in a terminal (tmux). It keeps the shell's working folder.
    pub fn shell(self, args: &[&str]) -> String {
        assert!(self.under.is_empty(), "the shell in the terminal starts it");
        let mut line = String::from("env");
        for var in REMOVED {
            line.push_str(" -u ");
            line.push_str(var);
        }
        if self.no_color {
            line.push_str(" NO_COLOR=1");
        }
        for word in std::iter::once(BIN).chain(args.iter().copied()) {
            line.push(' ');
            line.push_str(&shell_quote(word));
        }
        line
    }
}

/// `s` quoted for a POSIX shell.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Whether `program --version` runs (util-linux's `setsid`, `setpriv`);
/// prints a note when it does not, as the case that needs it is skipped.
pub fn have(program: &str) -> bool {
    let ok = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        println!("note: {program} not found; the case that needs it is skipped");
    }
    ok
}

/// Asserts that a run of the binary did not panic: not the exit status of a
/// panic (101), and neither the panic message nor its backtrace hint on
/// stderr.
#[track_caller]
pub fn assert_no_panic(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "a panic: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}

/// The name `--panel` takes.
pub fn panel_arg(p: Panel) -> &'static str {
    match p {
        Panel::Overview => "overview",
        Panel::Rates => "rates",
        Panel::Workforce => "workforce",
        Panel::Timeline => "timeline",
        Panel::Projects => "projects",
        Panel::Checks => "checks",
        Panel::Article => "article",
    }
}

/// The name `--lang` takes.
pub fn lang_arg(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
        Lang::Both => "both",
    }
}
