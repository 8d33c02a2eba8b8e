//! Input: a pure function from a terminal event to an [`Action`].
//!
//! One table, [`KEYMAP`], drives both the handler and the `?` help overlay, so
//! the two cannot disagree.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::Panel;

/// Everything the user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextPanel,
    PrevPanel,
    GoPanel(Panel),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open the detail of the selection.
    Open,
    /// Esc: close a popup, else clear the filter, else quit.
    Back,
    StartFilter,
    FilterChar(char),
    FilterBackspace,
    /// Enter while typing: keep the filter and return to the list.
    FilterDone,
    CycleSort,
    FlipSort,
    CycleLang,
    ToggleHelp,
    /// Workforce: next province filter.
    CycleProvince,
    /// Workforce: next category filter.
    CycleCategory,
    Resize(u16, u16),
    /// Ctrl-Z: give the shell back until `fg`.
    Suspend,
    /// The watched dataset file changed on disk: reload it.
    FileChanged,
    /// Show the problems of the last failed reload.
    ShowErrors,
    /// `[`: the as-of date to the previous event's date.
    EarlierEvent,
    /// `]`: the as-of date to the next event's date.
    LaterEvent,
    /// `{`: the as-of date a month back.
    EarlierMonth,
    /// `}`: the as-of date a month on.
    LaterMonth,
    /// `0`: the as-of date back to the report's.
    AsOfReport,
    /// Timeline: the as-of date to the selected event's.
    AsOfSelected,
    /// `y`: copy the selection with its citation.
    Copy,
    Click(u16, u16),
    /// Mouse wheel at a position: negative is up.
    Scroll(u16, u16, i8),
}

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
    /// On the Workforce panel.
    Workforce,
    /// On the Timeline panel.
    Timeline,
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

/// One row of the keymap: the keys, what they do, and the help text.
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help overlay.
    pub shown: &'static str,
    pub action: Action,
    pub context: Context,
    pub help_en: &'static str,
    pub help_zh: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The one keymap. Order is the order of the help overlay.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[(KeyCode::Char('1'), NONE)],
        shown: "1",
        action: Action::GoPanel(Panel::Overview),
        context: Context::Global,
        help_en: "Overview",
        help_zh: "总览",
    },
    Binding {
        keys: &[(KeyCode::Char('2'), NONE)],
        shown: "2",
        action: Action::GoPanel(Panel::Rates),
        context: Context::Global,
        help_en: "Rates",
        help_zh: "比率",
    },
    Binding {
        keys: &[(KeyCode::Char('3'), NONE)],
        shown: "3",
        action: Action::GoPanel(Panel::Workforce),
        context: Context::Global,
        help_en: "Workforce",
        help_zh: "人员",
    },
    Binding {
        keys: &[(KeyCode::Char('4'), NONE)],
        shown: "4",
        action: Action::GoPanel(Panel::Timeline),
        context: Context::Global,
        help_en: "Timeline",
        help_zh: "时间线",
    },
    Binding {
        keys: &[(KeyCode::Char('5'), NONE)],
        shown: "5",
        action: Action::GoPanel(Panel::Projects),
        context: Context::Global,
        help_en: "Projects",
        help_zh: "项目",
    },
    Binding {
        keys: &[(KeyCode::Char('6'), NONE)],
        shown: "6",
        action: Action::GoPanel(Panel::Checks),
        context: Context::Global,
        help_en: "Checks",
        help_zh: "核对",
    },
    Binding {
        keys: &[
            (KeyCode::Tab, NONE),
            (KeyCode::Right, NONE),
            (KeyCode::Char('l'), NONE),
        ],
        shown: "Tab → l",
        action: Action::NextPanel,
        context: Context::Global,
        help_en: "next panel",
        help_zh: "下一面板",
    },
    Binding {
        keys: &[
            (KeyCode::BackTab, NONE),
            (KeyCode::Left, NONE),
            (KeyCode::Char('h'), NONE),
        ],
        shown: "S-Tab ← h",
        action: Action::PrevPanel,
        context: Context::Global,
        help_en: "previous panel",
        help_zh: "上一面板",
    },
    Binding {
        keys: &[(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)],
        shown: "↓ j",
        action: Action::Down,
        context: Context::Global,
        help_en: "next row",
        help_zh: "下一行",
    },
    Binding {
        keys: &[(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)],
        shown: "↑ k",
        action: Action::Up,
        context: Context::Global,
        help_en: "previous row",
        help_zh: "上一行",
    },
    Binding {
        keys: &[
            (KeyCode::PageDown, NONE),
            (KeyCode::Char('f'), CTRL),
            (KeyCode::Char('d'), CTRL),
        ],
        shown: "PgDn ^F",
        action: Action::PageDown,
        context: Context::Global,
        help_en: "page down",
        help_zh: "下一页",
    },
    Binding {
        keys: &[
            (KeyCode::PageUp, NONE),
            (KeyCode::Char('b'), CTRL),
            (KeyCode::Char('u'), CTRL),
        ],
        shown: "PgUp ^B",
        action: Action::PageUp,
        context: Context::Global,
        help_en: "page up",
        help_zh: "上一页",
    },
    Binding {
        keys: &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
        shown: "g Home",
        action: Action::Top,
        context: Context::Global,
        help_en: "first row",
        help_zh: "第一行",
    },
    Binding {
        keys: &[(KeyCode::End, NONE), (KeyCode::Char('G'), NONE)],
        shown: "G End",
        action: Action::Bottom,
        context: Context::Global,
        help_en: "last row",
        help_zh: "最后一行",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        shown: "Enter",
        action: Action::Open,
        context: Context::Global,
        help_en: "details and source",
        help_zh: "详情与出处",
    },
    Binding {
        keys: &[(KeyCode::Char('/'), NONE)],
        shown: "/",
        action: Action::StartFilter,
        context: Context::Global,
        help_en: "filter rows (中文 or English)",
        help_zh: "筛选（中文或英文）",
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        shown: "s",
        action: Action::CycleSort,
        context: Context::Global,
        help_en: "next sort column",
        help_zh: "切换排序列",
    },
    Binding {
        keys: &[(KeyCode::Char('S'), NONE)],
        shown: "S",
        action: Action::FlipSort,
        context: Context::Global,
        help_en: "reverse sort",
        help_zh: "反向排序",
    },
    Binding {
        keys: &[(KeyCode::Char('L'), NONE)],
        shown: "L",
        action: Action::CycleLang,
        context: Context::Global,
        help_en: "language: 中文 / English / both",
        help_zh: "语言：中文／英文／双语",
    },
    Binding {
        keys: &[(KeyCode::Char('p'), NONE)],
        shown: "p",
        action: Action::CycleProvince,
        context: Context::Workforce,
        help_en: "filter by province",
        help_zh: "按省份筛选",
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        shown: "c",
        action: Action::CycleCategory,
        context: Context::Workforce,
        help_en: "filter by category",
        help_zh: "按类别筛选",
    },
    Binding {
        keys: &[(KeyCode::Char('a'), NONE)],
        shown: "a",
        action: Action::AsOfSelected,
        context: Context::Timeline,
        help_en: "as of this event's date (Enter: its detail)",
        help_zh: "以此事件日期为准（Enter：详情）",
    },
    Binding {
        keys: &[(KeyCode::Char('['), NONE)],
        shown: "[",
        action: Action::EarlierEvent,
        context: Context::AsOf,
        help_en: "as of the previous event's date",
        help_zh: "日期移到上一事件",
    },
    Binding {
        keys: &[(KeyCode::Char(']'), NONE)],
        shown: "]",
        action: Action::LaterEvent,
        context: Context::AsOf,
        help_en: "as of the next event's date",
        help_zh: "日期移到下一事件",
    },
    Binding {
        keys: &[(KeyCode::Char('{'), NONE)],
        shown: "{",
        action: Action::EarlierMonth,
        context: Context::AsOf,
        help_en: "as of a month earlier",
        help_zh: "日期提前一个月",
    },
    Binding {
        keys: &[(KeyCode::Char('}'), NONE)],
        shown: "}",
        action: Action::LaterMonth,
        context: Context::AsOf,
        help_en: "as of a month later",
        help_zh: "日期推后一个月",
    },
    Binding {
        keys: &[(KeyCode::Char('0'), NONE)],
        shown: "0",
        action: Action::AsOfReport,
        context: Context::AsOf,
        help_en: "as of the report's date again",
        help_zh: "日期回到报道日期",
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        shown: "y",
        action: Action::Copy,
        context: Context::Global,
        help_en: "copy the figure with its source",
        help_zh: "复制数字及出处",
    },
    Binding {
        keys: &[(KeyCode::Char('z'), CTRL)],
        shown: "^Z",
        action: Action::Suspend,
        context: Context::Global,
        help_en: "suspend (fg returns)",
        help_zh: "挂起（fg 返回）",
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        shown: "e",
        action: Action::ShowErrors,
        context: Context::Global,
        help_en: "problems of the last reload (--watch)",
        help_zh: "最近一次重新加载的问题（--watch）",
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE)],
        shown: "?",
        action: Action::ToggleHelp,
        context: Context::Global,
        help_en: "this help",
        help_zh: "帮助",
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        shown: "Esc",
        action: Action::Back,
        context: Context::Global,
        help_en: "close / clear filter / quit",
        help_zh: "关闭／清除筛选／退出",
    },
    Binding {
        keys: &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        shown: "q ^C",
        action: Action::Quit,
        context: Context::Global,
        help_en: "quit",
        help_zh: "退出",
    },
    Binding {
        keys: &[
            (KeyCode::Esc, NONE),
            (KeyCode::Char('q'), NONE),
            (KeyCode::Char('?'), NONE),
        ],
        shown: "Esc q ?",
        action: Action::Back,
        context: Context::Popup,
        help_en: "close the popup",
        help_zh: "关闭弹窗",
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        shown: "y",
        action: Action::Copy,
        context: Context::Detail,
        help_en: "copy the record with its source",
        help_zh: "复制记录及出处",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        shown: "Enter",
        action: Action::FilterDone,
        context: Context::Filter,
        help_en: "keep the filter",
        help_zh: "保留筛选",
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        shown: "Esc",
        action: Action::Back,
        context: Context::Filter,
        help_en: "clear the filter",
        help_zh: "清除筛选",
    },
    Binding {
        keys: &[(KeyCode::Backspace, NONE)],
        shown: "⌫",
        action: Action::FilterBackspace,
        context: Context::Filter,
        help_en: "delete a character",
        help_zh: "删除一个字符",
    },
];

fn lookup(code: KeyCode, mods: KeyModifiers, contexts: &[Context]) -> Option<Action> {
    // Ctrl-C quits and Ctrl-Z suspends from anywhere.
    if code == KeyCode::Char('c') && mods.contains(CTRL) {
        return Some(Action::Quit);
    }
    if code == KeyCode::Char('z') && mods.contains(CTRL) {
        return Some(Action::Suspend);
    }
    contexts.iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.context == *ctx)
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
    match mode {
        Mode::Filtering => lookup(key.code, mods, &[Context::Filter]).or(match key.code {
            KeyCode::Char(c) if !mods.contains(CTRL) && !mods.contains(KeyModifiers::ALT) => {
                Some(Action::FilterChar(c))
            }
            _ => None,
        }),
        Mode::Popup | Mode::Detail => {
            let contexts: &[Context] = match mode {
                Mode::Detail => &[Context::Detail, Context::Popup],
                _ => &[Context::Popup],
            };
            lookup(key.code, mods, contexts).or(popup_scroll(key.code))
        }
        Mode::Normal => {
            let contexts: &[Context] = match panel {
                Panel::Workforce => &[Context::Workforce, Context::Global, Context::AsOf],
                Panel::Timeline => &[Context::Timeline, Context::Global, Context::AsOf],
                _ => &[Context::Global, Context::AsOf],
            };
            lookup(key.code, mods, contexts)
        }
    }
}

/// A popup scrolls with the list keys.
fn popup_scroll(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        _ => None,
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

/// Key hints for the footer: (keys, what) in the footer's language.
pub fn hints(mode: Mode, panel: Panel, zh: bool) -> Vec<(&'static str, &'static str)> {
    let wanted: &[Action] = match mode {
        Mode::Filtering => &[Action::FilterDone, Action::Back],
        Mode::Popup => &[Action::Back],
        Mode::Detail => &[Action::Back, Action::Copy],
        Mode::Normal => match panel {
            // Most needed first: what does not fit is left out from the end.
            Panel::Workforce => &[
                Action::ToggleHelp,
                Action::Quit,
                Action::CycleCategory,
                Action::CycleProvince,
                Action::Open,
                Action::StartFilter,
                Action::Copy,
                Action::CycleSort,
                Action::CycleLang,
            ],
            Panel::Timeline => &[
                Action::ToggleHelp,
                Action::Quit,
                Action::Open,
                Action::AsOfSelected,
                Action::StartFilter,
                Action::Copy,
                Action::CycleSort,
                Action::CycleLang,
            ],
            _ => &[
                Action::ToggleHelp,
                Action::Quit,
                Action::Open,
                Action::StartFilter,
                Action::Copy,
                Action::EarlierEvent,
                Action::CycleSort,
                Action::CycleLang,
                Action::NextPanel,
            ],
        },
    };
    // Where the hinted keys are bound in this mode.
    let contexts: &[Context] = match mode {
        Mode::Filtering => &[Context::Filter],
        Mode::Popup => &[Context::Popup],
        Mode::Detail => &[Context::Popup, Context::Detail],
        Mode::Normal => &[
            Context::Global,
            Context::Workforce,
            Context::Timeline,
            Context::AsOf,
        ],
    };
    wanted
        .iter()
        .filter_map(|a| {
            KEYMAP
                .iter()
                .find(|b| b.action == *a && contexts.contains(&b.context))
                .map(|b| {
                    // `[` and `]` are one hint: they go either way.
                    let shown = match b.action {
                        Action::EarlierEvent => "[ ]",
                        _ => b.shown.split(' ').next().unwrap_or(b.shown),
                    };
                    (
                        shown,
                        short_hint(b.action, mode, zh).unwrap_or(if zh {
                            b.help_zh
                        } else {
                            b.help_en
                        }),
                    )
                })
        })
        .collect()
}

/// One or two words for the footer, where the help text is too long.
fn short_hint(a: Action, mode: Mode, zh: bool) -> Option<&'static str> {
    let (z, e) = match a {
        Action::NextPanel => ("面板", "panel"),
        Action::Open => ("详情", "detail"),
        Action::StartFilter => ("筛选", "filter"),
        Action::CycleSort => ("排序", "sort"),
        Action::CycleLang => ("语言", "language"),
        Action::ToggleHelp => ("帮助", "help"),
        Action::Quit => ("退出", "quit"),
        Action::CycleCategory => ("类别", "category"),
        Action::CycleProvince => ("省份", "province"),
        Action::FilterDone => ("保留", "keep"),
        Action::Back if matches!(mode, Mode::Popup | Mode::Detail) => ("关闭", "close"),
        Action::Back => ("清除", "clear"),
        Action::Copy => ("复制", "copy"),
        Action::AsOfSelected => ("设为日期", "as of"),
        Action::EarlierEvent => ("日期", "date"),
        _ => return None,
    };
    Some(if zh { z } else { e })
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
    fn every_binding_is_reachable() {
        // The first key of each binding maps back to its action in its context.
        for b in KEYMAP {
            let (mode, panel) = match b.context {
                Context::Global | Context::AsOf => (Mode::Normal, Panel::Rates),
                Context::Timeline => (Mode::Normal, Panel::Timeline),
                Context::Workforce => (Mode::Normal, Panel::Workforce),
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
