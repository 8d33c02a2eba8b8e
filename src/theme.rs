//! Colours and styles: one theme value, no colour literal anywhere else.
//!
//! Colour never carries meaning alone: every coloured state also has a
//! symbol (✓ ✗, ● ○ ◆) or a modifier, so the monochrome theme loses nothing.

use ratatui::style::{Color, Modifier, Style};

/// The themes `--theme` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub selected: Style,
    pub muted: Style,
    pub key: Style,
    pub accent: Style,
    pub figure: Style,
    pub gauge_fill: Style,
    pub gauge_empty: Style,
    pub done: Style,
    pub planned: Style,
    pub derived: Style,
    pub pass: Style,
    pub fail: Style,
    pub filter: Style,
    /// Records not yet known on the as-of date: greyed.
    pub later: Style,
    /// A milestone past its due date with no report.
    pub overdue: Style,
    /// The as-of date when moved away from the report's.
    pub as_of: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

impl Theme {
    pub const DARK: Theme = Theme {
        base: Style::new().fg(Color::Gray),
        header: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        tab: fg(Color::Gray),
        tab_active: Style::new()
            .fg(Color::Black)
            .bg(Color::Cyan)
            .add_modifier(Modifier::BOLD),
        border: fg(Color::DarkGray),
        border_focus: fg(Color::Cyan),
        title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        selected: Style::new()
            .fg(Color::Black)
            .bg(Color::LightCyan)
            .add_modifier(Modifier::BOLD),
        muted: fg(Color::DarkGray),
        key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        accent: fg(Color::LightBlue),
        figure: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
        gauge_fill: fg(Color::Green),
        gauge_empty: fg(Color::DarkGray),
        done: fg(Color::Green),
        planned: fg(Color::Yellow),
        derived: fg(Color::Magenta),
        pass: fg(Color::Green),
        fail: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        filter: Style::new().fg(Color::Yellow),
        later: Style::new()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::ITALIC),
        overdue: Style::new()
            .fg(Color::LightRed)
            .add_modifier(Modifier::BOLD),
        as_of: Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
    };

    /// For a white terminal: dark text, no light-grey or yellow on white.
    pub const LIGHT: Theme = Theme {
        base: Style::new().fg(Color::Black),
        header: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
        tab: fg(Color::Black),
        tab_active: Style::new()
            .fg(Color::White)
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD),
        border: fg(Color::DarkGray),
        border_focus: fg(Color::Blue),
        title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        selected: Style::new()
            .fg(Color::White)
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD),
        muted: fg(Color::Rgb(80, 80, 80)),
        key: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        accent: fg(Color::Blue),
        figure: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
        gauge_fill: fg(Color::Rgb(0, 110, 0)),
        gauge_empty: fg(Color::DarkGray),
        done: fg(Color::Rgb(0, 110, 0)),
        planned: fg(Color::Rgb(160, 90, 0)),
        derived: fg(Color::Magenta),
        pass: fg(Color::Rgb(0, 110, 0)),
        fail: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        filter: Style::new().fg(Color::Magenta),
        later: Style::new()
            .fg(Color::Rgb(140, 140, 140))
            .add_modifier(Modifier::ITALIC),
        overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        as_of: Style::new()
            .fg(Color::White)
            .bg(Color::Rgb(160, 90, 0))
            .add_modifier(Modifier::BOLD),
    };

    /// NO_COLOR: modifiers only.
    pub const MONO: Theme = Theme {
        base: Style::new(),
        header: Style::new().add_modifier(Modifier::BOLD),
        tab: Style::new(),
        tab_active: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        border: Style::new(),
        border_focus: Style::new().add_modifier(Modifier::BOLD),
        title: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        muted: Style::new().add_modifier(Modifier::DIM),
        key: Style::new().add_modifier(Modifier::BOLD),
        accent: Style::new(),
        figure: Style::new().add_modifier(Modifier::BOLD),
        gauge_fill: Style::new(),
        gauge_empty: Style::new().add_modifier(Modifier::DIM),
        done: Style::new(),
        planned: Style::new(),
        derived: Style::new(),
        pass: Style::new(),
        fail: Style::new().add_modifier(Modifier::BOLD),
        filter: Style::new().add_modifier(Modifier::UNDERLINED),
        later: Style::new().add_modifier(Modifier::DIM.union(Modifier::ITALIC)),
        overdue: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        as_of: Style::new().add_modifier(Modifier::REVERSED),
    };

    /// The theme for a name, honouring NO_COLOR (any value, even empty).
    pub fn select(name: ThemeName, no_color: bool) -> Theme {
        match (no_color, name) {
            (true, _) => Theme::MONO,
            (false, ThemeName::Dark) => Theme::DARK,
            (false, ThemeName::Light) => Theme::LIGHT,
        }
    }
}
