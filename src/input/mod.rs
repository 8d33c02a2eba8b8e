//! Input: a pure function from a terminal event to an [`Action`].
//!
//! One table, [`KEYMAP`], drives the handler, the `?` help overlay and the
//! footer's hints, popups included, so none of them can disagree.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::panel::Panel;

mod action;

pub use action::Action;

/// Where a key means something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere outside the text filter and popups.
    Global,
    /// In a popup (help, detail, errors, citation).
    Popup,
    /// In a record's detail popup, besides the popup keys.
    Detail,
    /// While typing a filter.
    Filter,
    /// On one panel: its own keys.
    Panel(Panel),
    /// Moving the as-of date: anywhere outside the filter and popups.
    AsOf,
}

/// The state input depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filtering,
    Popup,
    /// A record's detail: a popup whose record can be copied.
    Detail,
}

/// One row of the keymap: the keys, what they do, the help text, and the
/// footer's hint for it if it has one.
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help overlay.
    pub shown: &'static str,
    pub action: Action,
    pub context: Context,
    pub help_en: &'static str,
    pub help_zh: &'static str,
    pub hint: Option<Hint>,
}

/// A binding's place in the footer: the keys and a word or two for them.
/// The footer shows the hints of the keys that work in the current mode,
/// by rank, as many whole ones as fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub rank: u8,
    pub keys: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn bind(
    keys: &'static [(KeyCode, KeyModifiers)],
    shown: &'static str,
    action: Action,
    context: Context,
    help_en: &'static str,
    help_zh: &'static str,
) -> Binding {
    Binding {
        keys,
        shown,
        action,
        context,
        help_en,
        help_zh,
        hint: None,
    }
}

impl Binding {
    const fn hint(
        self,
        rank: u8,
        keys: &'static str,
        zh: &'static str,
        en: &'static str,
    ) -> Binding {
        Binding {
            hint: Some(Hint { rank, keys, zh, en }),
            ..self
        }
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

// Keys that several contexts share, written once.
const DOWN: &[(KeyCode, KeyModifiers)] = &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)];
const UP: &[(KeyCode, KeyModifiers)] = &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)];
const PAGE_DOWN: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::PageDown, NONE),
    (KeyCode::Char('f'), CTRL),
    (KeyCode::Char('d'), CTRL),
];
const PAGE_UP: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::PageUp, NONE),
    (KeyCode::Char('b'), CTRL),
    (KeyCode::Char('u'), CTRL),
];
const TOP: &[(KeyCode, KeyModifiers)] = &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)];
const BOTTOM: &[(KeyCode, KeyModifiers)] = &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)];

use Context::{AsOf, Detail, Filter, Global, Popup};

/// The one keymap. Order is the order of the help overlay.
pub const KEYMAP: &[Binding] = &[
    bind(
        &[(KeyCode::Char('1'), NONE)],
        "1",
        Action::GoPanel(Panel::Overview),
        Global,
        "Overview",
        "总览",
    ),
    bind(
        &[(KeyCode::Char('2'), NONE)],
        "2",
        Action::GoPanel(Panel::Rates),
        Global,
        "Rates",
        "比率",
    ),
    bind(
        &[(KeyCode::Char('3'), NONE)],
        "3",
        Action::GoPanel(Panel::Workforce),
        Global,
        "Workforce",
        "人员",
    ),
    bind(
        &[(KeyCode::Char('4'), NONE)],
        "4",
        Action::GoPanel(Panel::Timeline),
        Global,
        "Timeline",
        "时间线",
    ),
    bind(
        &[(KeyCode::Char('5'), NONE)],
        "5",
        Action::GoPanel(Panel::Projects),
        Global,
        "Projects",
        "项目",
    ),
    bind(
        &[(KeyCode::Char('6'), NONE)],
        "6",
        Action::GoPanel(Panel::Checks),
        Global,
        "Checks",
        "核对",
    ),
    bind(
        &[(KeyCode::Char('7'), NONE)],
        "7",
        Action::GoPanel(Panel::Article),
        Global,
        "Article",
        "原文",
    ),
    bind(
        &[
            (KeyCode::Tab, NONE),
            (KeyCode::Right, NONE),
            (KeyCode::Char('l'), NONE),
        ],
        "Tab → l",
        Action::NextPanel,
        Global,
        "next panel",
        "下一面板",
    )
    .hint(11, "Tab", "面板", "panel"),
    bind(
        &[
            (KeyCode::BackTab, NONE),
            (KeyCode::Left, NONE),
            (KeyCode::Char('h'), NONE),
        ],
        "S-Tab ← h",
        Action::PrevPanel,
        Global,
        "previous panel",
        "上一面板",
    ),
    bind(DOWN, "↓ j", Action::Down, Global, "next row", "下一行"),
    bind(UP, "↑ k", Action::Up, Global, "previous row", "上一行"),
    bind(
        PAGE_DOWN,
        "PgDn ^F",
        Action::PageDown,
        Global,
        "page down",
        "下一页",
    ),
    bind(
        PAGE_UP,
        "PgUp ^B",
        Action::PageUp,
        Global,
        "page up",
        "上一页",
    ),
    bind(TOP, "g Home", Action::Top, Global, "first row", "第一行"),
    bind(
        BOTTOM,
        "G End",
        Action::Bottom,
        Global,
        "last row",
        "最后一行",
    ),
    bind(
        &[(KeyCode::Enter, NONE)],
        "Enter",
        Action::Open,
        Global,
        "details and source",
        "详情与出处",
    )
    .hint(4, "Enter", "详情", "detail"),
    bind(
        &[(KeyCode::Char('/'), NONE)],
        "/",
        Action::StartFilter,
        Global,
        "filter: words, value>1000, date<03-01, place:临翔",
        "筛选：词语，或 数值>1000 日期<3-1 地点:临翔",
    )
    .hint(6, "/", "筛选", "filter"),
    bind(
        &[(KeyCode::Char('s'), NONE)],
        "s",
        Action::CycleSort,
        Global,
        "next sort column",
        "切换排序列",
    )
    .hint(9, "s", "排序", "sort"),
    bind(
        &[(KeyCode::Char('S'), NONE)],
        "S",
        Action::FlipSort,
        Global,
        "reverse sort",
        "反向排序",
    ),
    bind(
        &[(KeyCode::Char('L'), NONE)],
        "L",
        Action::CycleLang,
        Global,
        "language: 中文 / English / both",
        "语言：中文／英文／双语",
    )
    .hint(10, "L", "语言", "language"),
    bind(
        &[(KeyCode::Char('p'), NONE)],
        "p",
        Action::CycleProvince,
        Context::Panel(Panel::Workforce),
        "filter by province",
        "按省份筛选",
    )
    .hint(3, "p", "省份", "province"),
    bind(
        &[(KeyCode::Char('c'), NONE)],
        "c",
        Action::CycleCategory,
        Context::Panel(Panel::Workforce),
        "filter by category",
        "按类别筛选",
    )
    .hint(2, "c", "类别", "category"),
    bind(
        &[(KeyCode::Char('a'), NONE)],
        "a",
        Action::AsOfSelected,
        Context::Panel(Panel::Timeline),
        "as of this event's date (Enter: its detail)",
        "以此事件日期为准（Enter：详情）",
    )
    .hint(5, "a", "设为日期", "as of"),
    bind(
        DOWN,
        "↓ j",
        Action::Down,
        Context::Panel(Panel::Article),
        "next figure in the text",
        "下一个数字",
    )
    .hint(3, "j k", "数字", "figures"),
    bind(
        UP,
        "↑ k",
        Action::Up,
        Context::Panel(Panel::Article),
        "previous figure in the text",
        "上一个数字",
    ),
    bind(
        &[(KeyCode::Char('/'), NONE)],
        "/",
        Action::StartFilter,
        Context::Panel(Panel::Article),
        "search the text: only the paragraphs with it",
        "搜索原文：只显示含有它的段落",
    )
    .hint(6, "/", "搜索", "search"),
    bind(
        &[(KeyCode::Char('['), NONE)],
        "[",
        Action::EarlierEvent,
        AsOf,
        "as of the previous date of an event or a report",
        "日期移到上一个事件或报道的日期",
    )
    // `[` and `]` are one hint: they go either way.
    .hint(8, "[ ]", "日期", "date"),
    bind(
        &[(KeyCode::Char(']'), NONE)],
        "]",
        Action::LaterEvent,
        AsOf,
        "as of the next date of an event or a report",
        "日期移到下一个事件或报道的日期",
    ),
    bind(
        &[(KeyCode::Char('{'), NONE)],
        "{",
        Action::EarlierMonth,
        AsOf,
        "as of a month earlier",
        "日期提前一个月",
    ),
    bind(
        &[(KeyCode::Char('}'), NONE)],
        "}",
        Action::LaterMonth,
        AsOf,
        "as of a month later",
        "日期推后一个月",
    ),
    bind(
        &[(KeyCode::Char('0'), NONE)],
        "0",
        Action::AsOfReport,
        AsOf,
        "as of the report's date again",
        "日期回到报道日期",
    ),
    bind(
        &[(KeyCode::Char('y'), NONE)],
        "y",
        Action::Copy,
        Global,
        "copy the figure with its source",
        "复制数字及出处",
    )
    .hint(7, "y", "复制", "copy"),
    bind(
        &[(KeyCode::Char('x'), NONE)],
        "x",
        Action::ExportView,
        Global,
        "save this panel's rows (filtered, sorted) as CSV",
        "把本面板的行（按筛选和排序）写入 CSV 文件",
    ),
    bind(
        &[(KeyCode::Char('w'), NONE)],
        "w",
        Action::ToggleWrap,
        Global,
        "show the selected row's cut cells in full",
        "选中行显示完整（折行）",
    ),
    bind(
        &[(KeyCode::Char('n'), NONE)],
        "n",
        Action::NextMatch,
        Global,
        "next row matching the filter",
        "下一个符合筛选的行",
    ),
    bind(
        &[(KeyCode::Char('N'), NONE)],
        "N",
        Action::PrevMatch,
        Global,
        "previous row matching the filter",
        "上一个符合筛选的行",
    ),
    bind(
        &[(KeyCode::Char('z'), CTRL)],
        "^Z",
        Action::Suspend,
        Global,
        "suspend (fg returns)",
        "挂起（fg 返回）",
    ),
    bind(
        &[(KeyCode::Char('e'), NONE)],
        "e",
        Action::ShowErrors,
        Global,
        "problems of the last reload (--watch)",
        "最近一次重新加载的问题（--watch）",
    ),
    bind(
        &[(KeyCode::Char('?'), NONE)],
        "?",
        Action::ToggleHelp,
        Global,
        "this help",
        "帮助",
    )
    .hint(0, "?", "帮助", "help"),
    bind(
        &[(KeyCode::Esc, NONE)],
        "Esc",
        Action::Back,
        Global,
        "close / clear the filter (never quits)",
        "关闭／清除筛选（不退出）",
    ),
    bind(
        &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        "q ^C",
        Action::Quit,
        Global,
        "quit",
        "退出",
    )
    .hint(1, "q", "退出", "quit"),
    bind(
        &[(KeyCode::Esc, NONE)],
        "Esc",
        Action::Back,
        Popup,
        "close the popup (a followed detail: back)",
        "关闭弹窗（跟随打开的详情：返回）",
    )
    .hint(0, "Esc", "关闭", "close"),
    bind(
        &[(KeyCode::Char('q'), NONE), (KeyCode::Char('?'), NONE)],
        "q ?",
        Action::ClosePopup,
        Popup,
        "close the popup, every detail with it",
        "关闭弹窗及所有详情",
    ),
    bind(DOWN, "↓ j", Action::Down, Popup, "scroll down", "向下滚动"),
    bind(UP, "↑ k", Action::Up, Popup, "scroll up", "向上滚动"),
    bind(
        PAGE_DOWN,
        "PgDn ^F",
        Action::PageDown,
        Popup,
        "page down",
        "下一页",
    ),
    bind(
        PAGE_UP,
        "PgUp ^B",
        Action::PageUp,
        Popup,
        "page up",
        "上一页",
    ),
    bind(TOP, "g Home", Action::Top, Popup, "to the top", "到顶部"),
    bind(
        BOTTOM,
        "G End",
        Action::Bottom,
        Popup,
        "to the end",
        "到底部",
    ),
    bind(
        &[(KeyCode::Tab, NONE)],
        "Tab",
        Action::NextLink,
        Detail,
        "select the next record it names",
        "选择下一个相关记录",
    )
    .hint(2, "Tab", "选择", "select"),
    bind(
        &[(KeyCode::BackTab, NONE)],
        "S-Tab",
        Action::PrevLink,
        Detail,
        "select the previous record it names",
        "选择上一个相关记录",
    ),
    bind(
        &[(KeyCode::Enter, NONE)],
        "Enter",
        Action::Open,
        Detail,
        "open the selected record (Esc comes back)",
        "打开所选记录（Esc 返回）",
    ),
    bind(
        &[(KeyCode::Char('y'), NONE)],
        "y",
        Action::Copy,
        Detail,
        "copy the record with its source",
        "复制记录及出处",
    )
    .hint(1, "y", "复制", "copy"),
    bind(
        &[(KeyCode::Enter, NONE)],
        "Enter",
        Action::FilterDone,
        Filter,
        "keep the filter",
        "保留筛选",
    )
    .hint(0, "Enter", "保留", "keep"),
    bind(
        &[(KeyCode::Esc, NONE)],
        "Esc",
        Action::Back,
        Filter,
        "clear the filter",
        "清除筛选",
    )
    .hint(1, "Esc", "清除", "clear"),
    bind(
        &[(KeyCode::Backspace, NONE)],
        "⌫",
        Action::FilterBackspace,
        Filter,
        "delete a character",
        "删除一个字符",
    ),
];

/// Where keys mean something in a mode, most specific first.
pub fn contexts(mode: Mode, panel: Panel) -> [Option<Context>; 3] {
    match mode {
        Mode::Filtering => [Some(Filter), None, None],
        Mode::Popup => [Some(Popup), None, None],
        Mode::Detail => [Some(Detail), Some(Popup), None],
        Mode::Normal => [Some(Context::Panel(panel)), Some(Global), Some(AsOf)],
    }
}

fn lookup(code: KeyCode, mods: KeyModifiers, mode: Mode, panel: Panel) -> Option<Action> {
    // Ctrl-C quits and Ctrl-Z suspends from anywhere.
    if code == KeyCode::Char('c') && mods.contains(CTRL) {
        return Some(Action::Quit);
    }
    if code == KeyCode::Char('z') && mods.contains(CTRL) {
        return Some(Action::Suspend);
    }
    contexts(mode, panel).into_iter().flatten().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.context == ctx)
            .find(|b| b.keys.iter().any(|&(c, m)| c == code && m == mods))
            .map(|b| b.action)
    })
}

/// Maps a terminal event to an action, given the input mode and the panel.
pub fn action(event: &Event, mode: Mode, panel: Panel) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(key, mode, panel),
        Event::Mouse(m) => mouse_action(m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, mode: Mode, panel: Panel) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // Terminals differ on whether Shift comes with an upper-case letter or
    // with BackTab; the key itself already says it.
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - SHIFT,
        _ => key.modifiers,
    };
    let found = match mode {
        // A popup scrolls with its keys whatever the modifiers held with them.
        Mode::Popup | Mode::Detail => lookup(key.code, mods, mode, panel)
            .or_else(|| lookup(key.code, KeyModifiers::NONE, mode, panel)),
        _ => lookup(key.code, mods, mode, panel),
    };
    match (mode, key.code) {
        // Anything else typed into a filter is text.
        (Mode::Filtering, KeyCode::Char(c))
            if found.is_none() && !mods.contains(CTRL) && !mods.contains(KeyModifiers::ALT) =>
        {
            Some(Action::FilterChar(c))
        }
        _ => found,
    }
}

fn mouse_action(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
        _ => None,
    }
}

/// The footer's hints in a mode: (keys, words) in the footer's language,
/// by rank. An action bound in two active contexts is hinted once, as the
/// more specific context has it.
pub fn hints(mode: Mode, panel: Panel, zh: bool) -> Vec<(&'static str, &'static str)> {
    let active = contexts(mode, panel);
    let mut found: Vec<(Hint, Action)> = Vec::new();
    for ctx in active.into_iter().flatten() {
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            if let Some(h) = b.hint
                && !found.iter().any(|(_, a)| *a == b.action)
            {
                found.push((h, b.action));
            }
        }
    }
    found.sort_by_key(|(h, _)| h.rank);
    found
        .into_iter()
        .map(|(h, _)| (h.keys, if zh { h.zh } else { h.en }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        let n = |c| action(&key(c, NONE), Mode::Normal, Panel::Rates);
        assert_eq!(n(KeyCode::Char('j')), n(KeyCode::Down));
        assert_eq!(n(KeyCode::Char('k')), n(KeyCode::Up));
        assert_eq!(n(KeyCode::Char('l')), n(KeyCode::Right));
        assert_eq!(n(KeyCode::Char('h')), n(KeyCode::Left));
        assert_eq!(n(KeyCode::Char('g')), n(KeyCode::Home));
        assert_eq!(n(KeyCode::Char('j')), Some(Action::Down));
    }

    #[test]
    fn shift_is_optional_for_capitals() {
        for mods in [NONE, SHIFT] {
            assert_eq!(
                action(&key(KeyCode::Char('L'), mods), Mode::Normal, Panel::Rates),
                Some(Action::CycleLang)
            );
            assert_eq!(
                action(&key(KeyCode::Char('G'), mods), Mode::Normal, Panel::Rates),
                Some(Action::Bottom)
            );
            assert_eq!(
                action(&key(KeyCode::BackTab, mods), Mode::Normal, Panel::Rates),
                Some(Action::PrevPanel)
            );
        }
    }

    #[test]
    fn filtering_takes_letters_as_text() {
        let a = action(
            &key(KeyCode::Char('q'), NONE),
            Mode::Filtering,
            Panel::Rates,
        );
        assert_eq!(a, Some(Action::FilterChar('q')));
        let a = action(
            &key(KeyCode::Char('复'), NONE),
            Mode::Filtering,
            Panel::Rates,
        );
        assert_eq!(a, Some(Action::FilterChar('复')));
        let a = action(&key(KeyCode::Esc, NONE), Mode::Filtering, Panel::Rates);
        assert_eq!(a, Some(Action::Back));
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for mode in [Mode::Normal, Mode::Filtering, Mode::Popup, Mode::Detail] {
            assert_eq!(
                action(&key(KeyCode::Char('c'), CTRL), mode, Panel::Overview),
                Some(Action::Quit)
            );
        }
    }

    #[test]
    fn workforce_keys_only_on_workforce() {
        let c = key(KeyCode::Char('c'), NONE);
        assert_eq!(
            action(&c, Mode::Normal, Panel::Workforce),
            Some(Action::CycleCategory)
        );
        assert_eq!(action(&c, Mode::Normal, Panel::Rates), None);
    }

    #[test]
    fn popups_page_with_the_list_keys() {
        for mode in [Mode::Popup, Mode::Detail] {
            for (code, want) in [
                (KeyCode::Char('f'), Action::PageDown),
                (KeyCode::Char('d'), Action::PageDown),
                (KeyCode::Char('b'), Action::PageUp),
                (KeyCode::Char('u'), Action::PageUp),
            ] {
                assert_eq!(action(&key(code, CTRL), mode, Panel::Rates), Some(want));
            }
        }
    }

    #[test]
    fn popups_scroll_whatever_the_modifiers() {
        for mods in [SHIFT, CTRL, KeyModifiers::ALT] {
            assert_eq!(
                action(&key(KeyCode::Down, mods), Mode::Popup, Panel::Rates),
                Some(Action::Down)
            );
        }
        // Ctrl-C still quits from a popup.
        assert_eq!(
            action(&key(KeyCode::Char('c'), CTRL), Mode::Detail, Panel::Rates),
            Some(Action::Quit)
        );
    }

    #[test]
    fn footer_hints_follow_the_mode_and_the_panel() {
        let keys = |mode, panel| -> Vec<&str> {
            hints(mode, panel, false)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        };
        assert_eq!(keys(Mode::Detail, Panel::Rates), ["Esc", "y", "Tab"]);
        assert_eq!(keys(Mode::Popup, Panel::Rates), ["Esc"]);
        assert_eq!(keys(Mode::Filtering, Panel::Rates), ["Enter", "Esc"]);
        let workforce = keys(Mode::Normal, Panel::Workforce);
        assert_eq!(workforce[..4], ["?", "q", "c", "p"]);
        assert!(!keys(Mode::Normal, Panel::Rates).contains(&"c"));
        assert!(keys(Mode::Normal, Panel::Timeline).contains(&"a"));
        assert_eq!(hints(Mode::Popup, Panel::Rates, true), [("Esc", "关闭")]);
    }

    #[test]
    fn every_binding_is_reachable() {
        // The first key of each binding maps back to its action in its context.
        for b in KEYMAP {
            let (mode, panel) = match b.context {
                Context::Global | Context::AsOf => (Mode::Normal, Panel::Rates),
                Context::Panel(p) => (Mode::Normal, p),
                Context::Popup => (Mode::Popup, Panel::Rates),
                Context::Detail => (Mode::Detail, Panel::Rates),
                Context::Filter => (Mode::Filtering, Panel::Rates),
            };
            for &(code, mods) in b.keys {
                assert_eq!(
                    action(&key(code, mods), mode, panel),
                    Some(b.action),
                    "{} in {:?}",
                    b.shown,
                    b.context
                );
            }
        }
    }
}
