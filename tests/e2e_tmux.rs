//! The dashboard as a person uses it: the real binary in a real terminal.
//!
//! Each test starts its own tmux server (`tmux -L <unique socket>`, no user
//! configuration), runs `fugong` in a pane of a fixed size, sends keys and
//! reads the screen with `tmux capture-pane -p` after every step, polling
//! until the expected text is there rather than sleeping. After the program
//! quits it checks the exit status, that nothing was written to stderr, that
//! `stty -g` inside the pane is what it was before the launch, that the
//! pane's modes (alternate screen, mouse reporting, cursor, keypad) are back
//! to what they were, and that the dashboard is gone from the screen.
//!
//! `y` is checked through tmux's own clipboard: with `set-clipboard on`,
//! tmux turns the program's OSC 52 into a paste buffer.
//!
//! Without tmux these tests pass with a note, except on CI (`CI=true`), where
//! its absence is a failure.

mod support;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fugong::app::{App, Effect};
use fugong::data::Lang;
use fugong::input::{self, Action};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::{Fugong, shell_quote};
use tempfile::TempDir;

/// How long a step may take to show on screen (generous for a slow CI).
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

/// The tmux session every test uses (each on its own server).
const SESSION: &str = "fugong";

/// Printed by the pane's shell before the launch and after the exit.
const READY: &str = "fugong-e2e: ready";
const EXITED: &str = "fugong-e2e: exited";
/// Printed by the pane's shell when the program has stopped (Ctrl-Z).
const SUSPENDED: &str = "fugong-e2e: suspended";

/// The pane's terminal modes, as tmux tracks them.
const MODES: &str = "alternate=#{alternate_on} cursor=#{cursor_flag} \
     keypad=#{keypad_flag} keypad_cursor=#{keypad_cursor_flag} \
     mouse_any=#{mouse_any_flag} mouse_button=#{mouse_button_flag} \
     mouse_standard=#{mouse_standard_flag} mouse_all=#{mouse_all_flag} \
     mouse_sgr=#{mouse_sgr_flag} mouse_utf8=#{mouse_utf8_flag} \
     insert=#{insert_flag} wrap=#{wrap_flag} origin=#{origin_flag}";

/// Texts only the dashboard draws, in any language.
const DASHBOARD: &[&str] = &[
    "fugong │",
    "1 Overview",
    "1 总览",
    "╭",
    "║",
    "sort:",
    "排序:",
];

/// Whether tmux runs; without it, a failure on CI and a skip elsewhere.
fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required under CI=true: install tmux to run the end-to-end dashboard tests"
        );
        println!("note: tmux is not installed; the end-to-end dashboard test is skipped");
    }
    ok
}

/// A socket name no other test, run or user shares.
fn socket_name() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "fugong-e2e-{}-{}-{nanos:x}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// `fugong` running in a tmux pane on a private server, killed on drop.
struct Pane {
    socket: String,
    /// The socket's file, removed with the server.
    socket_path: Option<PathBuf>,
    dir: TempDir,
    /// The pane's modes before the launch.
    modes_before: String,
    started: Instant,
}

impl Drop for Pane {
    fn drop(&mut self) {
        // Runs even when an assertion failed, before the temporary directory goes.
        let _ = self.tmux(&["kill-server"]);
        // tmux leaves the socket's file behind.
        if let Some(path) = &self.socket_path
            && path.file_name() == Some(self.socket.as_ref())
        {
            let _ = fs::remove_file(path);
        }
    }
}

impl Pane {
    /// Starts `fugong ARGS` in a `width`x`height` pane and waits for the
    /// first frame; `None` when tmux is missing and this is not CI.
    fn launch(width: u16, height: u16, args: &[&str]) -> Option<Pane> {
        Pane::launch_with(width, height, args, "", false)
    }

    /// [`Pane::launch`] with environment assignments before the command
    /// (`FUGONG_DEBUG_PANIC=1`), and, with `suspend`, a shell with job
    /// control that, when the program stops, saves `stty -g`, prints
    /// [`SUSPENDED`], waits for Enter and runs `fg`.
    fn launch_with(
        width: u16,
        height: u16,
        args: &[&str],
        env: &str,
        suspend: bool,
    ) -> Option<Pane> {
        if !have_tmux() {
            return None;
        }
        let mut pane = Pane {
            socket: socket_name(),
            socket_path: None,
            dir: tempfile::tempdir().expect("a temporary directory"),
            modes_before: String::new(),
            started: Instant::now(),
        };
        let file = |name: &str| shell_quote(&pane.path(name).display().to_string());
        let cmd = Fugong::new().shell(args);
        // The terminal's state is saved before and after the program, in the
        // same pane; `read` holds the launch until the modes are recorded.
        let resume = if suspend {
            format!(
                "echo \"stopped=$?\" > {stopped}\n\
                 stty -g > {during}\n\
                 echo {suspended}\n\
                 read go\n\
                 fg\n",
                stopped = file("stopped"),
                during = file("stty-suspended"),
                suspended = shell_quote(SUSPENDED),
            )
        } else {
            String::new()
        };
        let script = format!(
            "{job_control}stty -g > {before}\n\
             echo {ready}\n\
             read go\n\
             {env} {cmd} 2> {stderr}\n\
             {resume}\
             echo \"exit=$?\" > {status}\n\
             stty -g > {after}\n\
             echo {exited}\n\
             exec sleep 300\n",
            job_control = if suspend { "set -m\n" } else { "" },
            before = file("stty-before"),
            ready = shell_quote(READY),
            stderr = file("stderr"),
            status = file("status"),
            after = file("stty-after"),
            exited = shell_quote(EXITED),
        );
        let script_path = pane.path("run.sh");
        fs::write(&script_path, script).expect("write the pane's script");
        // One command string, run by `sh` (bash for job control) whatever
        // the user's shell is.
        let shell = if suspend { "bash" } else { "sh" };
        let command = format!(
            "{shell} {}",
            shell_quote(&script_path.display().to_string())
        );
        let (w, h) = (width.to_string(), height.to_string());
        let out = pane.tmux(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &w,
            "-y",
            &h,
            &command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        pane.socket_path = Some(PathBuf::from(pane.display("#{socket_path}")));
        let size = pane.display("#{pane_width}x#{pane_height}");
        assert_eq!(size, format!("{width}x{height}"), "the pane's size");
        pane.wait_until("the shell before the launch", |s| s.contains(READY));
        pane.modes_before = pane.display(MODES);
        assert!(
            pane.modes_before.starts_with("alternate=0 "),
            "before the launch: {}",
            pane.modes_before
        );
        pane.keys(&["Enter"]);
        Some(pane)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap_or_else(|e| format!("<{name}: {e}>"))
    }

    /// Runs a tmux command on this test's own server, away from any user's.
    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .env_remove("TMUX_PANE")
            .output()
            .expect("run tmux")
    }

    /// A tmux format expanded for the pane.
    fn display(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", SESSION, format]);
        assert!(
            out.status.success(),
            "tmux display-message: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim_end().to_string()
    }

    /// The screen as text.
    fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", SESSION]);
        if out.status.success() {
            String::from_utf8_lossy(&out.stdout).into_owned()
        } else {
            format!(
                "<capture-pane failed: {}>",
                String::from_utf8_lossy(&out.stderr)
            )
        }
    }

    /// Sends tmux key names (`q`, `Enter`, `Escape`, `BTab`, `C-c`, ...).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION];
        args.extend_from_slice(keys);
        let out = self.tmux(&args);
        assert!(
            out.status.success(),
            "tmux send-keys {keys:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Types `text` literally, as a person would.
    fn type_text(&self, text: &str) {
        let out = self.tmux(&["send-keys", "-t", SESSION, "-l", text]);
        assert!(
            out.status.success(),
            "tmux send-keys -l {text:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Polls the screen until `done` holds; fails with the last screen.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "{what}: not on screen after {TIMEOUT:?}\n\
                     --- screen ---\n{screen}--- end of screen ---\n\
                     status: {}\nstderr: {}",
                    self.read("status").trim(),
                    self.read("stderr").trim(),
                );
            }
            sleep(POLL);
        }
    }

    /// Waits until every `want` text is on the dashboard and no `absent` one
    /// is; fails at once if the program has exited.
    fn expect(&self, step: &str, want: &[&str], absent: &[&str]) -> String {
        let screen = self.wait_until(step, |s| {
            s.contains(EXITED)
                || (want.iter().all(|w| s.contains(w)) && !absent.iter().any(|a| s.contains(a)))
        });
        assert!(
            !screen.contains(EXITED),
            "{step}: the dashboard exited unexpectedly ({}), stderr: {}\n{screen}",
            self.read("status").trim(),
            self.read("stderr").trim()
        );
        screen
    }

    /// Sends `keys`, then [`Pane::expect`]s the screen.
    fn step(&self, keys: &[&str], want: &[&str], absent: &[&str]) -> String {
        self.keys(keys);
        self.expect(&format!("after {keys:?}"), want, absent)
    }

    /// Types `text`, then [`Pane::expect`]s the screen.
    fn typed(&self, text: &str, want: &[&str], absent: &[&str]) -> String {
        self.type_text(text);
        self.expect(&format!("after typing {text:?}"), want, absent)
    }

    /// Lets the program set tmux's clipboard with OSC 52, as a user's
    /// `set -s set-clipboard on` does.
    fn clipboard_on(&self) {
        self.set_clipboard("on");
    }

    /// tmux's `set-clipboard` server option: on, external or off.
    fn set_clipboard(&self, value: &str) {
        let out = self.tmux(&["set-option", "-s", "set-clipboard", value]);
        assert!(
            out.status.success(),
            "tmux set-option -s set-clipboard {value}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The names of tmux's paste buffers, newest first.
    fn buffers(&self) -> Vec<String> {
        let out = self.tmux(&["list-buffers", "-F", "#{buffer_name}"]);
        assert!(
            out.status.success(),
            "tmux list-buffers: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Polls tmux's newest paste buffer until there is one; fails after
    /// [`TIMEOUT`].
    fn wait_for_buffer(&self) -> String {
        let start = Instant::now();
        loop {
            if !self.buffers().is_empty() {
                let out = self.tmux(&["show-buffer"]);
                assert!(out.status.success(), "tmux show-buffer");
                return String::from_utf8(out.stdout).expect("the buffer is UTF-8");
            }
            assert!(
                start.elapsed() <= TIMEOUT,
                "no tmux paste buffer after {TIMEOUT:?}\n{}",
                self.screen()
            );
            sleep(POLL);
        }
    }

    /// Asserts the program runs in the alternate screen with the mouse on,
    /// so the checks after it quits mean something.
    fn assert_running_modes(&self) {
        let modes = self.display(MODES);
        assert!(modes.contains("alternate=1"), "while running: {modes}");
        assert!(modes.contains("mouse_any=1"), "while running: {modes}");
    }

    /// The pid of the program running in the pane (the shell's child).
    fn program_pid(&self) -> u32 {
        let shell: u32 = self.display("#{pane_pid}").parse().expect("pane pid");
        for entry in fs::read_dir("/proc").expect("/proc") {
            let Ok(entry) = entry else { continue };
            let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
            let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
                continue;
            };
            let fields: Vec<&str> = rest.split_whitespace().collect();
            if fields.get(1).and_then(|p| p.parse::<u32>().ok()) == Some(shell)
                && stat.contains("(fugong)")
            {
                return entry.file_name().to_string_lossy().parse().expect("pid");
            }
        }
        panic!("no fugong process under the pane's shell {shell}");
    }

    /// The process state letter (R, S, T, ...) of `pid`.
    fn state(pid: u32) -> char {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.rsplit_once(')')
            .and_then(|(_, r)| r.trim_start().chars().next())
            .unwrap_or('?')
    }

    /// Sends the quit `keys` and checks that the program exited cleanly and
    /// left the terminal as it found it.
    fn quit_with(self, keys: &[&str]) {
        self.assert_running_modes();
        self.keys(keys);
        self.check_exit(&format!("{keys:?}"), "exit=0", |stderr| stderr.is_empty());
    }

    /// Sends `signal` to the program and checks that it exited with
    /// 128 + the signal's number and left the terminal as it found it.
    fn quit_by_signal(self, signal: &str, number: u32) {
        self.assert_running_modes();
        let pid = self.program_pid();
        let ok = Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(ok.success(), "kill -{signal} {pid}");
        let status = format!("exit={}", 128 + number);
        self.check_exit(&format!("SIG{signal}"), &status, |stderr| stderr.is_empty());
    }

    /// Waits for the exit and checks its status, its stderr, and that the
    /// terminal is as it was before the launch.
    fn check_exit(self, how: &str, want_status: &str, stderr_ok: impl Fn(&str) -> bool) {
        let keys = how;
        let screen = self.wait_until(&format!("exit after {keys}"), |s| s.contains(EXITED));
        let status = self.read("status");
        let stderr = self.read("stderr");
        assert_eq!(
            status.trim(),
            want_status,
            "exit status after {keys}; stderr: {stderr}"
        );
        assert!(stderr_ok(&stderr), "stderr after {keys}: {stderr:?}");
        let before = self.read("stty-before");
        let after = self.read("stty-after");
        assert!(!before.trim().is_empty(), "stty -g before: {before:?}");
        assert_eq!(before, after, "stty -g before and after {keys}");
        let modes = self.display(MODES);
        assert_eq!(
            modes, self.modes_before,
            "the pane's modes before and after {keys}"
        );
        // The alternate screen is left: the shell's lines are back, the dashboard gone.
        assert!(
            screen.contains(READY),
            "the shell's screen is back:\n{screen}"
        );
        for text in DASHBOARD {
            assert!(
                !screen.contains(text),
                "the dashboard ({text:?}) is still on screen after {keys}:\n{screen}"
            );
        }
        println!("{keys}: {:.2?} in tmux", self.started.elapsed());
    }
}

/// The English dashboard's first frame.
fn expect_first_frame_en(pane: &Pane) {
    pane.expect(
        "the first frame",
        &[
            "复工 fugong │",
            "English",
            "1 Overview",
            "6 Checks",
            "Rates (4)",
            "98.3%",
            "470/478",
            "Headline figures",
            "Time axis",
            "? help",
            "1/4 · ",
            "article order ↑",
        ],
        &["中文"],
    );
}

/// Every panel, by number and by Tab / Shift-Tab / h / l / arrows; a detail
/// popup; a filter; the language cycle; help; at the pane's size.
fn tour_en(pane: &Pane) {
    expect_first_frame_en(pane);
    pane.assert_running_modes();

    // 1-6 select panels.
    pane.step(
        &["2"],
        &[
            "All rates (4)",
            "Weimei on-post rate",
            "98.3%",
            "470/478",
            "? help",
        ],
        &["Headline figures"],
    );
    pane.step(
        &["3"],
        &[
            "Workforce · all people [c] · all provinces [p]",
            "c category",
        ],
        &["All rates"],
    );
    pane.step(
        &["4"],
        &["Events and milestones (16)", "Time axis", "● done"],
        &["Workforce ·"],
    );
    pane.step(
        &["5"],
        &["Projects (", "│project"],
        &["Events and milestones"],
    );
    pane.step(
        &["6"],
        &["Consistency checks", "Inputs", "✓"],
        &["Projects ("],
    );
    pane.step(
        &["1"],
        &["Rates (4)", "Headline figures"],
        &["Consistency checks"],
    );

    // Tab, l and → go right; Shift-Tab, h and ← go left, wrapping around.
    pane.step(&["Tab"], &["All rates (4)"], &["Headline figures"]);
    pane.step(&["l"], &["Workforce · "], &["All rates"]);
    pane.step(
        &["Right"],
        &["Events and milestones (16)"],
        &["Workforce · "],
    );
    pane.step(&["h"], &["Workforce · "], &["Events and milestones"]);
    pane.step(&["Left"], &["All rates (4)"], &["Workforce · "]);
    pane.step(&["BTab"], &["Headline figures"], &["All rates"]);
    pane.step(&["BTab"], &["Article (1/"], &["Headline figures"]);
    pane.step(&["BTab"], &["Consistency checks"], &["Article (1/"]);
    pane.step(&["Tab"], &["Article (1/"], &["Consistency checks"]);
    pane.step(&["Tab"], &["Headline figures"], &["Article (1/"]);

    // j/k move the selection: the box below follows it.
    pane.step(
        &["2"],
        &["All rates (4)", "99% (253/?)"],
        &["Headline figures"],
    );
    pane.step(&["j"], &["98.3% (470/478)"], &["99% (253/?)"]);
    pane.step(&["k"], &["99% (253/?)"], &["98.3% (470/478)"]);

    // Enter opens the selection's detail; Esc closes it.
    pane.step(
        &["Enter"],
        &["Detail · Esc", "rate-weimei-on-post", "Source"],
        &["? help"],
    );
    pane.step(&["Escape"], &["All rates (4)", "? help"], &["Detail · Esc"]);

    // A filter typed as text: letters that are keys elsewhere (h, g) are text here.
    pane.step(&["/"], &["/▏ (4)", "Enter keep"], &["? help"]);
    pane.typed(
        "Huanghe",
        &[
            "All rates (2)",
            "/Huanghe▏ (2)",
            "Huanghe Company work re",
            "Huanghe Company product",
        ],
        &["Weimei on-post rate", "470/478", "All rates (4)"],
    );
    pane.step(
        &["Enter"],
        &["All rates (2)", "/Huanghe (2)", "? help"],
        &["/Huanghe▏", "Weimei on-post rate"],
    );

    // L cycles English → both → 中文 → English; the filter stays.
    pane.step(
        &["L"],
        &[
            "中文+English",
            "黄河公司复工率 · Huanghe Company work resumption rate",
        ],
        &["全部比率"],
    );
    pane.step(
        &["L"],
        &[
            "全部比率 (2)",
            "1 总览",
            "6 核对",
            "黄河公司复工率",
            "? 帮助",
            "/Huanghe (2)",
        ],
        &[
            "English",
            "All rates",
            "Overview",
            "Huanghe Company",
            "? help",
        ],
    );
    pane.step(
        &["L"],
        &[
            "All rates (2)",
            "1 Overview",
            "English",
            "Huanghe Company work re",
            "? help",
        ],
        &["中文+English", "全部比率", "总览", "? 帮助"],
    );

    // Esc clears a kept filter (and does not quit).
    pane.step(
        &["Escape"],
        &["All rates (4)", "Weimei on-post rate", "470/478"],
        &["/Huanghe"],
    );

    // ? shows the help; Esc closes it.
    pane.step(
        &["?"],
        &[
            "Help · ? Esc",
            "Keys",
            "Overview",
            "next panel",
            "previous panel",
        ],
        &["? help"],
    );
    pane.step(&["Escape"], &["All rates (4)", "? help"], &["Help · ? Esc"]);
}

#[test]
fn tour_at_120x40_then_q() {
    let Some(pane) = Pane::launch(120, 40, &["--lang", "en"]) else {
        return;
    };
    tour_en(&pane);
    pane.quit_with(&["q"]);
}

#[test]
fn tour_at_80x24_then_q() {
    let Some(pane) = Pane::launch(80, 24, &["--lang", "en"]) else {
        return;
    };
    tour_en(&pane);
    pane.quit_with(&["q"]);
}

#[test]
fn chinese_at_120x40_then_q() {
    let Some(pane) = Pane::launch(120, 40, &["--lang", "zh"]) else {
        return;
    };
    pane.expect(
        "the first frame",
        &[
            "中文",
            "1 总览",
            "2 比率",
            "比率 (4)",
            "主要数字",
            "时间轴",
            "98.3%",
            "? 帮助",
        ],
        &["English", "Overview", "Headline figures"],
    );
    pane.step(
        &["2"],
        &[
            "全部比率 (4)",
            "唯美公司上岗率",
            "荣昌高新区复工率",
            "470/478",
        ],
        &["主要数字"],
    );
    pane.step(&["/"], &["/▏ (4)", "Enter 保留"], &["? 帮助"]);
    pane.typed(
        "黄河",
        &[
            "全部比率 (2)",
            "/黄河▏ (2)",
            "黄河公司复工率",
            "黄河公司复产率",
        ],
        &["唯美公司上岗率", "全部比率 (4)"],
    );
    pane.step(&["Enter"], &["/黄河 (2)", "? 帮助"], &["/黄河▏"]);
    pane.step(
        &["Enter"],
        &["详情 · Esc", "rate-huanghe-work-resumption", "出处"],
        &["? 帮助"],
    );
    pane.step(&["Escape"], &["全部比率 (2)", "? 帮助"], &["详情 · Esc"]);
    pane.step(&["?"], &["帮助 · ? Esc", "按键", "下一面板"], &["? 帮助"]);
    pane.step(&["Escape"], &["全部比率 (2)", "? 帮助"], &["帮助 · ? Esc"]);
    pane.step(&["3"], &["人员与数字 · 全部人员 [c]"], &["全部比率"]);
    pane.step(&["4"], &["事件与里程碑 (16)"], &["人员与数字"]);
    pane.step(&["5"], &["项目 (", "│项目"], &["事件与里程碑"]);
    pane.step(&["6"], &["一致性核对", "输入"], &["项目 ("]);
    pane.step(&["L"], &["Consistency checks", "English"], &["一致性核对"]);
    pane.step(
        &["L", "L"],
        &["一致性核对", "6 核对"],
        &["Consistency checks", "English"],
    );
    pane.quit_with(&["q"]);
}

#[test]
fn ctrl_c_quits_while_typing_a_filter() {
    // The default language: both.
    let Some(pane) = Pane::launch(80, 24, &[]) else {
        return;
    };
    pane.expect(
        "the first frame",
        &[
            "中文+English",
            "1 Overview",
            "唯美公司上岗率 · Weimei",
            "98.3%",
        ],
        &[],
    );
    pane.step(&["/"], &["/▏ (4)"], &[]);
    pane.typed("Hu", &["/Hu▏"], &[]);
    pane.quit_with(&["C-c"]);
}

#[test]
fn esc_closes_then_clears_and_never_quits() {
    let Some(pane) = Pane::launch(120, 40, &["--lang", "en"]) else {
        return;
    };
    expect_first_frame_en(&pane);
    // Esc closes the help, then a detail, then clears a filter, without quitting.
    pane.step(&["?"], &["Help · ? Esc"], &["? help"]);
    pane.step(
        &["Escape"],
        &["Headline figures", "? help"],
        &["Help · ? Esc"],
    );
    pane.step(&["2"], &["All rates (4)"], &["Headline figures"]);
    pane.step(&["Enter"], &["Detail · Esc"], &["? help"]);
    pane.step(&["Escape"], &["All rates (4)", "? help"], &["Detail · Esc"]);
    pane.step(&["/"], &["/▏ (4)"], &["? help"]);
    pane.typed("Huanghe", &["All rates (2)"], &["All rates (4)"]);
    pane.step(&["Enter"], &["/Huanghe (2)", "? help"], &["/Huanghe▏"]);
    pane.step(&["Escape"], &["All rates (4)"], &["/Huanghe"]);
    // With nothing left to close, Esc stays and says which key quits.
    for _ in 0..3 {
        pane.step(
            &["Escape"],
            &["All rates (4)", "nothing to close; q quits"],
            &["? help"],
        );
    }
    // Any other key clears the note.
    pane.step(&["j"], &["All rates (4)", "? help"], &["nothing to close"]);
    pane.quit_with(&["q"]);
}

#[test]
fn esc_esc_esc_keeps_the_chinese_dashboard_and_q_quits() {
    let Some(pane) = Pane::launch(80, 24, &["--lang", "zh"]) else {
        return;
    };
    pane.expect("the first frame", &["1 总览", "? 帮助"], &["English"]);
    pane.keys(&["Escape", "Escape", "Escape"]);
    pane.expect(
        "after Esc Esc Esc",
        &["1 总览", "没有可关闭的内容；按 q 退出"],
        &[],
    );
    pane.quit_with(&["q"]);
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let Some(pane) = Pane::launch(80, 24, &["--lang", "en"]) else {
            return;
        };
        pane.expect("the first frame", &["Rates (4)", "98.3%"], &[]);
        pane.quit_by_signal(signal, number);
    }
}

#[test]
fn a_panic_restores_the_terminal() {
    // The trigger exists in debug builds only, which is what `cargo test` builds.
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(pane) = Pane::launch_with(80, 24, &["--lang", "en"], "FUGONG_DEBUG_PANIC=1", false)
    else {
        return;
    };
    // The panic comes right after the first frame; its message reaches stderr
    // after the terminal is restored.
    pane.check_exit("a panic", "exit=101", |stderr| {
        stderr.contains("deliberate panic")
    });
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let Some(pane) = Pane::launch_with(100, 30, &["--lang", "en"], "", true) else {
        return;
    };
    pane.step(&["2"], &["All rates (4)"], &[]);
    let pid = pane.program_pid();
    pane.keys(&["C-z"]);
    let screen = pane.wait_until("the shell after Ctrl-Z", |s| s.contains(SUSPENDED));
    assert_eq!(Pane::state(pid), 'T', "the program is stopped");
    // The shell has a normal terminal while the program is stopped.
    assert_eq!(
        pane.read("stty-suspended"),
        pane.read("stty-before"),
        "stty -g while suspended"
    );
    assert!(pane.display(MODES).starts_with("alternate=0 "), "{screen}");
    for text in DASHBOARD {
        assert!(!screen.contains(text), "{text:?} still shown:\n{screen}");
    }
    // The prompt is usable: the shell reads a line.
    pane.keys(&["Enter"]);
    // `fg`: the whole dashboard is back, on the panel it was on.
    pane.expect(
        "after fg",
        &[
            "复工 fugong │",
            "1 Overview",
            "All rates (4)",
            "98.3%",
            "? help",
        ],
        &[SUSPENDED],
    );
    pane.quit_with(&["q"]);
}

/// A key pressed in the library's dashboard, through the binary's keymap.
fn press(app: &mut App, c: char) -> Effect {
    let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = input::action(&key, app.mode(), app.panel());
    app.update(action.unwrap_or_else(|| panic!("{c:?} does nothing")))
}

/// Feeds `keys` to an English dashboard of `width`x`height` built by the
/// library; returns the citation of the selection and, after `y`, the
/// footer's notice.
fn copied_by_the_library(
    width: u16,
    height: u16,
    keys: &str,
    no_clipboard: bool,
) -> (String, String) {
    let mut app = support::app(Lang::En).without_clipboard(no_clipboard);
    app.update(Action::Resize(width, height));
    keys.chars().for_each(|c| {
        press(&mut app, c);
    });
    let target = app.selected_target().expect("a selected record");
    let citation = app.citation(target).expect("the selection has a citation");
    let copied = match press(&mut app, 'y') {
        Effect::Copy(text) => Some(text),
        _ => None,
    };
    assert_eq!(
        copied.as_deref(),
        (!no_clipboard).then_some(citation.as_str()),
        "what the library hands to the clipboard"
    );
    if no_clipboard {
        // The citation is shown whole in a popup instead.
        assert_eq!(
            app.overlay().cloned(),
            Some(fugong::app::Overlay::Citation(citation.clone()))
        );
        return (citation, String::new());
    }
    let notice = app.notice().expect("y leaves a notice").to_string();
    (citation, notice)
}

/// The footer's notice after a copy inside tmux with `set_clipboard`.
fn in_tmux(citation: &str, set_clipboard: &str, buffer: Result<(), String>) -> String {
    let mut app = support::app(Lang::En);
    app.update(Action::Resize(120, 40));
    let tmux = fugong::app::InTmux {
        set_clipboard: set_clipboard.to_string(),
        buffer,
    };
    app.copied_in_tmux(citation, tmux);
    app.notice().expect("a notice").to_string()
}

/// tmux with `set-clipboard off` drops OSC 52: the footer says the copy is
/// in tmux's paste buffer only, and it is there. With "external" (tmux's
/// default), tmux passes OSC 52 on and makes no buffer: fugong makes one.
#[test]
fn y_inside_tmux_says_where_the_copy_went() {
    let (w, h) = (120, 40);
    for (setting, said) in [
        ("off", "in tmux's buffer only (tmux's set-clipboard is off"),
        ("external", "copied: in tmux's buffer, and sent on"),
    ] {
        let Some(pane) = Pane::launch(w, h, &["--lang", "en"]) else {
            return;
        };
        pane.set_clipboard(setting);
        expect_first_frame_en(&pane);
        let (citation, _) = copied_by_the_library(w, h, "2j", false);
        let notice = in_tmux(&citation, setting, Ok(()));
        assert!(notice.starts_with(said), "{notice}");
        pane.step(&["2"], &["All rates (4)"], &["Headline figures"]);
        pane.step(&["j"], &["98.3% (470/478)"], &["99% (253/?)"]);
        pane.step(&["y"], &[&notice_start(&notice, 60)], &["? help"]);
        assert_eq!(
            pane.wait_for_buffer(),
            citation,
            "{setting}: the paste buffer"
        );
        assert_eq!(pane.buffers().len(), 1, "{setting}: one paste buffer");
        pane.quit_with(&["q"]);
    }
}

/// The footer's notice as far as the pane shows it: its first `n` characters.
fn notice_start(notice: &str, n: usize) -> String {
    notice.chars().take(n).collect()
}

#[test]
fn y_copies_the_citation_through_osc_52() {
    let (w, h) = (120, 40);
    let Some(pane) = Pane::launch(w, h, &["--lang", "en"]) else {
        return;
    };
    pane.clipboard_on();
    expect_first_frame_en(&pane);
    let (citation, notice) = copied_by_the_library(w, h, "2j", false);
    assert!(notice.starts_with("copied: "), "{notice}");
    // In tmux the footer says where the copy went, as it found out.
    let notice = in_tmux(&citation, "on", Ok(()));
    assert!(
        notice.starts_with("copied: in tmux's buffer, and sent on"),
        "{notice}"
    );
    assert!(pane.buffers().is_empty(), "no paste buffer before y");
    pane.step(&["2"], &["All rates (4)"], &["Headline figures"]);
    pane.step(&["j"], &["98.3% (470/478)"], &["99% (253/?)"]);
    pane.step(&["y"], &[&notice_start(&notice, 40)], &["? help"]);
    assert_eq!(pane.wait_for_buffer(), citation, "the tmux paste buffer");
    assert_eq!(pane.buffers().len(), 1, "one paste buffer");
    // The next key clears the notice.
    pane.step(&["k"], &["? help"], &["copied: "]);
    pane.quit_with(&["q"]);
}

#[test]
fn no_clipboard_shows_the_citation_and_copies_nothing() {
    let (w, h) = (120, 40);
    let Some(pane) = Pane::launch(w, h, &["--lang", "en", "--no-clipboard"]) else {
        return;
    };
    pane.clipboard_on();
    expect_first_frame_en(&pane);
    let (citation, _) = copied_by_the_library(w, h, "2j", true);
    pane.step(&["2"], &["All rates (4)"], &["Headline figures"]);
    pane.step(&["j"], &["98.3% (470/478)"], &["99% (253/?)"]);
    pane.step(
        &["y"],
        &["Citation (clipboard off)", &notice_start(&citation, 40)],
        &["copied"],
    );
    // The program writes the clipboard before it draws the notice, and
    // tmux reads the pane's output in order: had it copied, the buffer
    // would be there by now.
    assert_eq!(pane.buffers(), Vec::<String>::new(), "no paste buffer");
    // q closes the popup, then quits.
    pane.step(&["q"], &["All rates (4)"], &["Citation (clipboard off)"]);
    pane.quit_with(&["q"]);
}

#[test]
fn a_watched_file_made_invalid_says_so_on_its_own_line() {
    for (w, h, lang, failed, sort, popup) in [
        (
            80,
            24,
            "en",
            "reload failed (e shows it)",
            "article order ↑",
            "Reload failed; showing the last good data",
        ),
        (
            200,
            60,
            "zh",
            "重新加载失败（按 e 查看）",
            "排序: 原文顺序 ↑",
            "重新加载失败，仍显示上一版数据",
        ),
    ] {
        let folder = tempfile::tempdir().expect("a temporary directory");
        let file = folder.path().join("mine.json");
        let valid = include_str!("../assets/dataset.json");
        fs::write(&file, valid).expect("write the dataset");
        let shown = file.display().to_string();
        let Some(pane) = Pane::launch(w, h, &["--lang", lang, "--data", &shown, "--watch"]) else {
            return;
        };
        pane.expect("the first frame", &["1 ", sort], &[failed]);
        // Saved half-written: not JSON.
        fs::write(&file, "{\"title\": ").expect("break the dataset");
        let screen = pane.expect("after the file broke", &[failed], &[]);
        let rows: Vec<&str> = screen.lines().collect();
        let at = rows
            .iter()
            .position(|r| r.contains(failed))
            .expect("the line is there");
        assert!(rows[at].trim_start().starts_with("✗ "), "{}", rows[at]);
        // The footer below it is whole: hints on the left, the sort label
        // at the right edge, nothing of the error in it.
        let footer = rows[at + 1];
        assert!(footer.trim_end().ends_with(sort), "{footer:?}\n{screen}");
        assert!(!footer.contains('✗'), "{footer:?}");
        // `e` shows the whole problem; Esc closes it.
        pane.step(&["e"], &[popup, &shown], &[]);
        pane.step(&["Escape"], &[failed, sort], &[popup]);
        // Valid again: the line goes.
        fs::write(&file, valid).expect("restore the dataset");
        pane.expect("after the file was mended", &[sort], &[failed]);
        pane.quit_with(&["q"]);
    }
}
