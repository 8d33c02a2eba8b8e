//! What the user can ask for, whatever key or click asked it.

use crate::panel::Panel;

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
    /// Esc: close a popup, else clear the filter; never quits.
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
    /// `[`: the as-of date to the previous date of an event or a report.
    EarlierEvent,
    /// `]`: the as-of date to the next date of an event or a report.
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
    /// `x`: write the panel's rows, as filtered and sorted, to a CSV file.
    ExportView,
    /// `w`: the selected row shows every cell in full, or no longer.
    ToggleWrap,
    /// `n` / `N`: the next / previous row matching the filter.
    NextMatch,
    PrevMatch,
    /// In a popup, `q` or `?`: close it, and every detail behind it.
    ClosePopup,
    /// In a detail, `Tab` / `Shift-Tab`: select the next / previous record
    /// it names.
    NextLink,
    PrevLink,
    Click(u16, u16),
    /// Mouse wheel at a position: negative is up.
    Scroll(u16, u16, i8),
}
