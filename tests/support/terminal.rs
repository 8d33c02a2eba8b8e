//! The terminal's side: what a byte stream asks a terminal to do (a `vte`
//! audit), a ratatui terminal over crossterm that writes into memory, and a
//! tiny terminal emulator that shows what those bytes put on a screen.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use fugong::app::App;
use fugong::term::WideSafe;
use fugong::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must never reach a terminal: every control (C0, DEL,
/// C1), the bidirectional controls, and the invisible format characters the
/// loader promises to mark.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

/// Which control sequences a stream may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allow {
    /// What ratatui's CrosstermBackend emits for a frame: cursor movement
    /// and positioning (CSI H, f, A, B, C, D, G, d), SGR (CSI … m), and
    /// hiding or showing the cursor (CSI ? 25 l / h).
    Terminal,
    /// `snapshot --format ansi`: SGR only, and line feeds.
    SgrOnly,
}

/// A `vte::Perform` that records everything a terminal would be asked to do.
#[derive(Debug, Default)]
pub struct Audit {
    /// The printed text, in order.
    pub text: String,
    /// Sequences the parser completed (CSI, ESC, OSC, DCS).
    pub sequences: usize,
    /// Every CSI final byte seen, with its private marker: "m", "H", "?l".
    pub csi_seen: std::collections::BTreeSet<String>,
    pub line_feeds: usize,
    pub problems: Vec<String>,
    strict: bool,
}

impl Audit {
    fn problem(&mut self, p: String) {
        if self.problems.len() < 20 {
            self.problems.push(p);
        }
    }
}

impl vte::Perform for Audit {
    fn print(&mut self, c: char) {
        if is_forbidden(c) {
            self.problem(format!("printed U+{:04X}", u32::from(c)));
        }
        if c == '\u{FFFD}' {
            self.problem("printed U+FFFD: the stream is not valid UTF-8".into());
        }
        self.text.push(c);
    }

    fn execute(&mut self, byte: u8) {
        match byte {
            b'\n' => {
                self.line_feeds += 1;
                self.text.push('\n');
            }
            b'\r' if !self.strict => {}
            _ => self.problem(format!("control 0x{byte:02X} executed")),
        }
    }

    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
        self.sequences += 1;
        self.problem(format!("DCS {action:?}"));
    }

    fn put(&mut self, _byte: u8) {}

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell: bool) {
        self.sequences += 1;
        let first = params
            .first()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        self.problem(format!("OSC {first:?}"));
    }

    fn csi_dispatch(&mut self, params: &vte::Params, inter: &[u8], ignore: bool, action: char) {
        self.sequences += 1;
        let params: Vec<Vec<u16>> = params.iter().map(<[u16]>::to_vec).collect();
        let marker = String::from_utf8_lossy(inter).into_owned();
        self.csi_seen.insert(format!("{marker}{action}"));
        let ok = !ignore
            && match (self.strict, inter, action) {
                (_, [], 'm') => true,
                (false, [], 'H' | 'f' | 'A' | 'B' | 'C' | 'D' | 'G' | 'd') => true,
                (false, [b'?'], 'h' | 'l') => params == [vec![25]],
                _ => false,
            };
        if !ok {
            self.problem(format!("CSI {marker}{params:?} {action:?}"));
        }
    }

    fn esc_dispatch(&mut self, inter: &[u8], _: bool, byte: u8) {
        self.sequences += 1;
        self.problem(format!(
            "ESC {}{:?}",
            String::from_utf8_lossy(inter),
            char::from(byte)
        ));
    }
}

/// Parses `bytes` as a terminal would and returns what it records.
pub fn audit(bytes: &[u8], allow: Allow) -> Audit {
    let mut a = Audit {
        strict: allow == Allow::SgrOnly,
        ..Audit::default()
    };
    if let Err(e) = std::str::from_utf8(bytes) {
        a.problem(format!("not UTF-8: {e}"));
    }
    let mut parser = vte::Parser::new();
    parser.advance(&mut a, bytes);
    // Every ESC must start a sequence the parser completed: SOS, PM and APC
    // strings are swallowed without a callback, and so is an unterminated
    // sequence at the end.
    let escapes = bytes.iter().filter(|&&b| b == 0x1b).count();
    if escapes != a.sequences {
        a.problem(format!(
            "{escapes} ESC bytes but {} completed sequences (an APC, PM or SOS string, or an unterminated one)",
            a.sequences
        ));
    }
    a
}

/// Asserts that `bytes` only moves the cursor and sets SGR (or SGR only),
/// and returns the printed text.
#[track_caller]
pub fn assert_safe(bytes: &[u8], allow: Allow, what: &str) -> String {
    let a = audit(bytes, allow);
    assert!(
        a.problems.is_empty(),
        "{what}: the stream asks the terminal for more than it should: {:#?}",
        a.problems
    );
    a.text
}

/// Asserts that a message meant for a person's terminal (stderr, stdout,
/// an exported file) holds no escape, no control but line breaks (and tabs
/// and carriage returns where `allow_crtab`), and no invisible character.
#[track_caller]
pub fn assert_plain_text(s: &str, allow_crtab: bool, what: &str) {
    for (i, c) in s.char_indices() {
        let fine = c == '\n' || (allow_crtab && (c == '\r' || c == '\t'));
        assert!(
            fine || !is_forbidden(c),
            "{what}: U+{:04X} at byte {i}: {:?}",
            u32::from(c),
            &s[s.floor_char_boundary(i.saturating_sub(40))..s.ceil_char_boundary(i + 40)]
        );
    }
}

/// A `Write` whose bytes stay readable after the backend took it.
#[derive(Clone, Default)]
pub struct Shared(pub Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A real ratatui terminal over crossterm, writing into memory, of a fixed
/// size so nothing queries a real terminal. Successive draws are diffed as
/// in the dashboard.
pub struct MemTerminal {
    pub terminal: Terminal<WideSafe<CrosstermBackend<Shared>>>,
    out: Shared,
    taken: usize,
}

impl MemTerminal {
    pub fn new(w: u16, h: u16) -> MemTerminal {
        let out = Shared::default();
        let terminal = Terminal::with_options(
            WideSafe(CrosstermBackend::new(out.clone())),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
            },
        )
        .expect("a terminal over memory");
        MemTerminal {
            terminal,
            out,
            taken: 0,
        }
    }

    /// Draws the app as the dashboard does; returns the frame's buffer and
    /// the bytes written for it.
    pub fn draw(&mut self, app: &App) -> (Buffer, Vec<u8>) {
        let buf = self
            .terminal
            .draw(|f| ui::draw(f, app))
            .expect("draw into memory")
            .buffer
            .clone();
        let all = self.out.0.borrow();
        let new = all[self.taken..].to_vec();
        self.taken = all.len();
        (buf, new)
    }
}

/// A minimal terminal: a grid of cells that follows cursor positioning,
/// prints glyphs with unicode-width's widths (joining zero-width characters,
/// flag pairs and halfwidth voiced marks to the glyph before them, as
/// terminals that draw such clusters as one glyph do), and erases a wide glyph when either of its halves is
/// overwritten, as xterm does. It ignores SGR.
pub struct Emulator {
    pub w: u16,
    pub h: u16,
    /// Each cell's text; `None` is the hidden second half of a wide glyph.
    cells: Vec<Option<String>>,
    x: u16,
    y: u16,
    parser: vte::Parser,
}

struct EmuPerform<'a> {
    w: u16,
    h: u16,
    cells: &'a mut Vec<Option<String>>,
    x: &'a mut u16,
    y: &'a mut u16,
}

impl EmuPerform<'_> {
    fn idx(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.w) + usize::from(x)
    }

    /// Erases whatever wide glyph covers (x, y), as a terminal does before
    /// writing there.
    fn unshare(&mut self, x: u16, y: u16) {
        if x >= self.w || y >= self.h {
            return;
        }
        let i = self.idx(x, y);
        if self.cells[i].is_none() && x > 0 {
            // The second half: erase the first.
            let j = self.idx(x - 1, y);
            self.cells[j] = Some(" ".into());
            self.cells[i] = Some(" ".into());
        }
        // The first half: a covered cell follows it.
        if x + 1 < self.w {
            let j = self.idx(x + 1, y);
            if self.cells[j].is_none() {
                self.cells[j] = Some(" ".into());
            }
        }
    }
}

impl vte::Perform for EmuPerform<'_> {
    fn print(&mut self, c: char) {
        let (x, y) = (*self.x, *self.y);
        if y >= self.h {
            return;
        }
        let cw = char_width(c);
        // A regional indicator after a lone one makes a flag: one glyph,
        // two cells, as in terminals that draw flags.
        // So does a halfwidth voiced mark after a halfwidth kana: one
        // cluster, two cells.
        let ri = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let kana = |c: char| ('\u{FF66}'..='\u{FF9D}').contains(&c);
        let joins = |prev: char| (ri(c) && ri(prev)) || (matches!(c, 'ﾞ' | 'ﾟ') && kana(prev));
        if x > 0 {
            let i = self.idx(x - 1, y);
            if let Some(s) = &mut self.cells[i]
                && s.chars().count() == 1
                && s.chars().all(joins)
            {
                s.push(c);
                if x < self.w {
                    self.unshare(x, y);
                    let j = self.idx(x, y);
                    self.cells[j] = None;
                }
                *self.x = x + 1;
                return;
            }
        }
        if cw == 0 {
            // Joins the glyph before the cursor; it may widen it (VS16).
            if x == 0 {
                return;
            }
            let mut hx = x - 1;
            if self.cells[self.idx(hx, y)].is_none() && hx > 0 {
                hx -= 1;
            }
            let i = self.idx(hx, y);
            if let Some(s) = &mut self.cells[i] {
                let before = s.width();
                s.push(c);
                if s.width() >= 2 && before < 2 && hx + 1 < self.w {
                    self.unshare(hx + 1, y);
                    let j = self.idx(hx + 1, y);
                    self.cells[j] = None;
                    *self.x = hx + 2;
                }
            }
            return;
        }
        if x >= self.w {
            return;
        }
        self.unshare(x, y);
        if cw >= 2 && x + 1 < self.w {
            self.unshare(x + 1, y);
        }
        let i = self.idx(x, y);
        self.cells[i] = Some(c.to_string());
        if cw >= 2 && x + 1 < self.w {
            let j = self.idx(x + 1, y);
            self.cells[j] = None;
        }
        *self.x = x.saturating_add(u16::try_from(cw).unwrap_or(1));
    }

    fn csi_dispatch(&mut self, params: &vte::Params, inter: &[u8], _: bool, action: char) {
        if !inter.is_empty() {
            return;
        }
        let p: Vec<u16> = params.iter().map(|p| p[0]).collect();
        let arg = |i: usize| p.get(i).copied().filter(|&v| v > 0).unwrap_or(1);
        match action {
            'H' | 'f' => {
                *self.y = arg(0) - 1;
                *self.x = arg(1) - 1;
            }
            'G' => *self.x = arg(0) - 1,
            'd' => *self.y = arg(0) - 1,
            'A' => *self.y = self.y.saturating_sub(arg(0)),
            'B' => *self.y = self.y.saturating_add(arg(0)),
            'C' => *self.x = self.x.saturating_add(arg(0)),
            'D' => *self.x = self.x.saturating_sub(arg(0)),
            _ => {}
        }
    }
}

impl Emulator {
    pub fn new(w: u16, h: u16) -> Emulator {
        Emulator {
            w,
            h,
            cells: vec![Some(" ".into()); usize::from(w) * usize::from(h)],
            x: 0,
            y: 0,
            parser: vte::Parser::new(),
        }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let mut p = EmuPerform {
            w: self.w,
            h: self.h,
            cells: &mut self.cells,
            x: &mut self.x,
            y: &mut self.y,
        };
        self.parser.advance(&mut p, bytes);
    }

    /// The row's cells: a glyph's text, or `None` for a cell a wide glyph
    /// to its left covers.
    pub fn cells(&self, y: u16) -> &[Option<String>] {
        let start = usize::from(y) * usize::from(self.w);
        &self.cells[start..start + usize::from(self.w)]
    }

    /// Where the screen differs from what `buf` holds: a cell showing other
    /// text, or covered by a glyph where the buffer has something to show.
    pub fn differs_from(&self, buf: &Buffer, y: u16) -> Option<u16> {
        (0..self.w).find(|&x| {
            let want = buf[(x, y)].symbol();
            match &self.cells(y)[usize::from(x)] {
                Some(s) => s != want,
                None => !(want == " " || want.is_empty()),
            }
        })
    }

    /// What a row shows: each glyph once.
    pub fn row(&self, y: u16) -> String {
        let start = usize::from(y) * usize::from(self.w);
        self.cells[start..start + usize::from(self.w)]
            .iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// A character's width on a terminal: unicode-width's, except that the
/// halfwidth voiced marks ﾞ ﾟ take a cell of their own (unicode-width 0.2.2
/// counts them as zero, as combining marks).
fn char_width(c: char) -> usize {
    if matches!(c, 'ﾞ' | 'ﾟ') {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// A glyph's width on a terminal: how far [`Emulator`] moves the cursor.
pub fn terminal_width(sym: &str) -> usize {
    let mut e = Emulator::new(8, 1);
    e.feed(sym.as_bytes());
    usize::from(e.x)
}
