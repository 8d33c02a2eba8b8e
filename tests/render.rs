//! Render tests: every panel at 80x24 and 120x40 in each language, popups,
//! colour where it carries meaning, and a sweep of sizes in which every
//! frame is whole: "too small" below the minimum, the tabs and the footer
//! from it on.

mod support;

use fugong::app::App;
use fugong::data::Lang;
use fugong::input::Action;
use fugong::layout::{MIN_HEIGHT, MIN_WIDTH};
use fugong::panel::Panel;
use fugong::theme::Theme;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::Color;
use support::{
    LANGS, PANELS, app, check_cells, draw, embedded, lang_arg, lines, screen_text, step,
    step_and_draw,
};

#[test]
fn every_panel_in_every_language_at_three_sizes() {
    for lang in LANGS {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            for panel in PANELS {
                let mut a = app(lang);
                let t = step_and_draw(&mut a, &[Action::GoPanel(panel)], w, h);
                let name = format!("{:?}_{}_{w}x{h}", panel, lang_arg(lang)).to_lowercase();
                insta::assert_snapshot!(name, screen_text(&t));
            }
        }
    }
}

#[test]
fn detail_popup_of_a_rate() {
    let mut a = app(Lang::En);
    // Rongchang's 98.3% is the second rate in article order.
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::Down, Action::Open],
        120,
        40,
    );
    let text = screen_text(&t);
    assert!(text.contains("98.3%"), "{text}");
    assert!(text.contains("470"), "{text}");
    assert!(text.contains("复工率98.3%"), "the verbatim quote: {text}");
    insta::assert_snapshot!("detail_rate_en_120x40", text);
}

#[test]
fn detail_popup_of_a_derived_event_in_chinese() {
    let mut a = app(Lang::Zh);
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Timeline), Action::Open],
        80,
        24,
    );
    let text = screen_text(&t);
    assert!(text.contains("推算"), "{text}");
    insta::assert_snapshot!("detail_event_zh_80x24", text);
}

#[test]
fn help_overlay_lists_the_keymap() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app(lang);
        // Tall enough for the whole help: every binding is on screen.
        let t = step_and_draw(&mut a, &[Action::ToggleHelp], 80, 80);
        let text = screen_text(&t);
        for b in fugong::input::KEYMAP {
            let help = if lang == Lang::Zh {
                b.help_zh
            } else {
                b.help_en
            };
            assert!(text.contains(help), "help lacks {help:?}:\n{text}");
        }
        insta::assert_snapshot!(format!("help_{}_80x80", lang_arg(lang)), text);
    }
}

#[test]
fn help_scrolls_when_the_terminal_is_short() {
    let mut a = app(Lang::En);
    let t = step_and_draw(&mut a, &[Action::ToggleHelp], 80, 24);
    let text = screen_text(&t);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("↕ 1/"), "the title says it scrolls: {text}");
    assert!(!text.contains("Mouse:"), "{text}");
    let t = step_and_draw(&mut a, &[Action::Bottom], 80, 24);
    let text = screen_text(&t);
    assert!(
        text.contains("Mouse:"),
        "the last line is reachable: {text}"
    );
    let (at, of) = scroll_position(&text);
    assert_eq!(at, of, "at the bottom");
    // One step up from the bottom moves at once, however far we pressed.
    let t = step_and_draw(&mut a, &[Action::Down, Action::Down, Action::Up], 80, 24);
    assert_eq!(scroll_position(&screen_text(&t)), (of - 1, of));
}

/// The "↕ n/m" a scrolling popup's title shows.
fn scroll_position(text: &str) -> (u32, u32) {
    let at = text.find("↕ ").expect("scroll position shown") + "↕ ".len();
    let rest = &text[at..];
    let end = rest.find(' ').unwrap();
    let (n, m) = rest[..end].split_once('/').unwrap();
    (n.parse().unwrap(), m.parse().unwrap())
}

#[test]
fn too_small_says_so_and_recovers() {
    let mut a = app(Lang::En);
    let t = draw(&mut a, 50, 12);
    assert!(screen_text(&t).contains("terminal too small (need 60x16"));
    let t = draw(&mut a, 80, 24);
    assert!(!screen_text(&t).contains("too small"));
    assert!(screen_text(&t).contains("Rates (4)"));
}

/// Every row spans the area's width exactly: no glyph crosses the edge.
#[test]
fn rows_have_exact_display_width() {
    for lang in [Lang::Zh, Lang::Both] {
        for panel in PANELS {
            for (w, h) in [(60, 16), (80, 24), (97, 31), (133, 41)] {
                let mut a = app(lang);
                let t = step_and_draw(&mut a, &[Action::GoPanel(panel)], w, h);
                for (y, row) in lines(&t).iter().enumerate() {
                    let rw = fugong::text::width(row);
                    assert_eq!(rw, usize::from(w), "{panel:?} {w}x{h} row {y}: {row}");
                }
            }
        }
    }
}

/// What every frame of the size sweep must show: below the minimum size the
/// "too small" line and nothing else; from it on the title, the tab line
/// with every tab's number and the current panel's name, the footer with the
/// sort status, and (with `popup`) the popup's border. Every row holds whole
/// glyphs and spans the width.
#[track_caller]
fn assert_whole_frame(a: &App, t: &Buffer, popup: bool) {
    let (w, h) = (t.area.width, t.area.height);
    let what = format!("{:?} {:?} {w}x{h}", a.panel(), a.overlay());
    if let Err(e) = check_cells(t) {
        panic!("{what}: {e}\n{}", screen_text(t));
    }
    let rows = lines(t);
    assert_eq!(rows.len(), usize::from(h), "{what}");
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        let says = format!("terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT}, have {w}x{h})");
        for (y, row) in rows.iter().enumerate() {
            let want = if y == usize::from(h / 2) {
                fugong::text::fit(&says, usize::from(w))
            } else {
                String::new()
            };
            assert_eq!(row.trim_end(), want, "{what}: row {y}");
        }
        if h > 0 && usize::from(w) >= says.chars().count() {
            assert!(
                rows[usize::from(h / 2)].contains(&says),
                "{what}: the whole line"
            );
        }
        return;
    }
    let screen = || rows.join("\n");
    assert!(
        rows[0].starts_with(" 复工 fugong │"),
        "{what}: the title\n{}",
        screen()
    );
    let tabs = &rows[1];
    for p in Panel::ALL {
        let number = format!(" {} ", p.index() + 1);
        assert!(tabs.contains(&number), "{what}: tab {number:?} in {tabs:?}");
    }
    let current = fugong::layout::tab_label(a.panel(), a.lang(), false);
    assert!(
        tabs.contains(current.trim()),
        "{what}: {current:?} in {tabs:?}"
    );
    let footer = &rows[usize::from(h) - 1];
    // The sort's key and direction (the word "sort" only from 100 wide).
    let key = a.sort_key(a.panel()).name(a.lang());
    assert!(footer.contains(key), "{what}: the footer {footer:?}");
    if t.area.width >= 100 {
        let sort = a.lang().pick("排序: ", "sort: ");
        assert!(footer.contains(sort), "{what}: the footer {footer:?}");
    }
    let border = t.content().iter().any(|c| c.symbol() == "╔");
    assert_eq!(border, popup, "{what}: the popup\n{}", screen());
}

/// Every size from 0x0 to 60x30 for every panel, and the popups over a
/// coarser grid: "too small" below the minimum, a whole frame from it on.
#[test]
fn size_sweep_draws_too_small_or_a_whole_frame() {
    for panel in PANELS {
        let mut a = app(Lang::Both);
        a.update(Action::GoPanel(panel));
        assert_eq!(a.panel(), panel);
        for w in 0..=60 {
            for h in 0..=30 {
                let t = draw(&mut a, w, h);
                assert_whole_frame(&a, &t, false);
            }
        }
    }
    // Popups too, at a coarser step.
    for overlay in [Action::ToggleHelp, Action::Open] {
        let mut a = app(Lang::Zh);
        a.update(overlay);
        assert!(a.overlay().is_some(), "{overlay:?} opens a popup");
        for w in (0..=70).step_by(3) {
            for h in (0..=30).step_by(2) {
                let t = draw(&mut a, w, h);
                assert_whole_frame(&a, &t, true);
            }
        }
    }
}

/// The colour of the first cell showing `needle`, at or below row `from`.
fn cell_fg(buf: &Buffer, needle: &str, from: u16) -> Option<Color> {
    for y in from..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == needle {
                return buf[(x, y)].fg.into();
            }
        }
    }
    None
}

#[test]
fn status_has_symbol_and_colour() {
    let mut a = app(Lang::En);
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Timeline), Action::Bottom],
        120,
        40,
    );
    // Done, planned and derived differ in symbol and in colour.
    let done = cell_fg(&t, "●", 0);
    let planned = cell_fg(&t, "○", 0);
    let derived = cell_fg(&t, "◆", 0);
    assert_eq!(done, Some(Theme::DARK.done.fg.unwrap()));
    assert_eq!(planned, Some(Theme::DARK.planned.fg.unwrap()));
    assert_eq!(derived, Some(Theme::DARK.derived.fg.unwrap()));
    assert!(done != planned && planned != derived && done != derived);

    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Checks)], 120, 40);
    // Below the title (which also shows "✓") and the selected first row.
    assert_eq!(cell_fg(&t, "✓", 5), Some(Theme::DARK.pass.fg.unwrap()));
}

#[test]
fn selected_row_is_highlighted() {
    let mut a = app(Lang::En);
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::Down],
        120,
        40,
    );
    let lines = lines(&t);
    let y = lines
        .iter()
        .position(|l| l.contains("98.3%"))
        .expect("row shown");
    assert_eq!(
        t[(2, u16::try_from(y).unwrap())].bg,
        Theme::DARK.selected.bg.unwrap()
    );
    let other = lines
        .iter()
        .position(|l| l.contains("99%"))
        .expect("row shown");
    assert_ne!(
        t[(2, u16::try_from(other).unwrap())].bg,
        Theme::DARK.selected.bg.unwrap()
    );
}

#[test]
fn no_color_theme_draws_no_colour() {
    for panel in PANELS {
        let mut a = App::new(embedded().clone(), Lang::Both, Theme::MONO);
        let t = step_and_draw(&mut a, &[Action::GoPanel(panel)], 120, 40);
        for cell in t.content() {
            assert_eq!(cell.fg, Color::Reset, "{panel:?}");
            assert_eq!(cell.bg, Color::Reset, "{panel:?}");
        }
        // The selection is still visible, by reversal.
        assert!(
            t.content()
                .iter()
                .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
            "{panel:?}"
        );
    }
}

#[test]
fn light_theme_uses_no_white_or_yellow_text_on_the_body() {
    for panel in PANELS {
        let mut a = App::new(embedded().clone(), Lang::En, Theme::LIGHT);
        let t = step_and_draw(&mut a, &[Action::GoPanel(panel)], 120, 40);
        for cell in t.content() {
            if cell.bg == Color::Reset && cell.symbol() != " " {
                assert!(
                    !matches!(
                        cell.fg,
                        Color::White | Color::Yellow | Color::LightYellow | Color::Gray
                    ),
                    "{panel:?}: {:?} text {:?} is unreadable on white",
                    cell.fg,
                    cell.symbol()
                );
            }
        }
    }
}

/// The three dates of the as-of snapshots: before the first event, mid-way,
/// and after the last planned milestone.
const AS_OF_DATES: [(&str, time::Date); 3] = [
    ("before", time::macros::date!(2019 - 11 - 01)),
    ("midway", time::macros::date!(2020 - 03 - 01)),
    ("after", time::macros::date!(2020 - 11 - 01)),
];

#[test]
fn overview_and_timeline_as_of_three_dates() {
    for (name, date) in AS_OF_DATES {
        for lang in [Lang::En, Lang::Zh] {
            for panel in [Panel::Overview, Panel::Timeline] {
                let mut a = app(lang);
                a = a.with_as_of(Some(date));
                let t = step_and_draw(&mut a, &[Action::GoPanel(panel), Action::Bottom], 100, 34);
                let text = screen_text(&t);
                // The header says which date is shown.
                let header = &lines(&t)[0];
                let shown = fugong::content::as_of_text(date, lang);
                assert!(header.contains(&shown), "{header}");
                let snap = format!("as_of_{name}_{:?}_{}", panel, lang_arg(lang)).to_lowercase();
                insta::assert_snapshot!(snap, text);
            }
        }
    }
}

#[test]
fn later_rows_are_greyed_and_past_due_milestones_are_marked() {
    let mut a = app(Lang::En);
    a = a.with_as_of(Some(time::macros::date!(2020 - 06 - 01)));
    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Timeline)], 120, 40);
    let text = screen_text(&t);
    // The steel frame was due before mid-May, after the data's last report
    // (03-25): whether it was done, the data cannot say.
    assert!(text.contains("no report after 03-25"), "{text}");
    assert!(!text.contains("past due"), "{text}");
    assert!(text.contains("due in ~121 d"), "{text}");
    // The as-of mark sits on the axis's baseline (the legend repeats it).
    let baseline = lines(&t)
        .into_iter()
        .find(|l| l.contains('┼'))
        .unwrap_or_default();
    assert!(baseline.contains('┃'), "no as-of mark on the axis:\n{text}");

    // Due before the last report and not reported done: past due, in red.
    let mut v: serde_json::Value = serde_json::from_str(fugong::data::EMBEDDED).unwrap();
    for e in v["events"].as_array_mut().unwrap() {
        if e["figure"] == "5月中旬前" {
            e["when"]["date"] = "2020-03-15".into();
            e["figure"] = "3月中旬前".into();
            e["source"]["quote"] = "在3月中旬前".into();
        }
    }
    v["source"].as_object_mut().unwrap().remove("text");
    let mut early = support::app_from(&v.to_string(), Lang::En)
        .with_as_of(Some(time::macros::date!(2020 - 06 - 01)));
    let t = step_and_draw(&mut early, &[Action::GoPanel(Panel::Timeline)], 120, 40);
    let text = screen_text(&t);
    assert!(text.contains("past due ~78 d"), "{text}");
    let row = lines(&t)
        .iter()
        .position(|l| l.contains("past due"))
        .and_then(|y| u16::try_from(y).ok())
        .unwrap_or_else(|| panic!("no past-due row:\n{text}"));
    let x = (0..t.area.width)
        .find(|&x| t[(x, row)].symbol() == "○")
        .unwrap_or_else(|| panic!("no mark on the past-due row"));
    assert_eq!(t[(x, row)].fg, Theme::DARK.overdue.fg.unwrap());

    // Before the C919 flights, their row is greyed and says when they come.
    a = a.with_as_of(Some(time::macros::date!(2020 - 03 - 01)));
    let t = draw(&mut a, 120, 40);
    let lines = lines(&t);
    let y = lines
        .iter()
        .position(|l| l.contains("Six C919"))
        .unwrap_or_else(|| panic!("no C919 row"));
    assert!(lines[y].contains("not yet: 03-22"), "{}", lines[y]);
    let x = lines[y]
        .find("Six C919")
        .map(|b| lines[y][..b].chars().count());
    let x = u16::try_from(x.unwrap_or(0)).unwrap_or(0);
    assert_eq!(
        t[(x, u16::try_from(y).unwrap_or(0))].fg,
        Theme::DARK.later.fg.unwrap()
    );
}

/// The popup footer offers `y` only where it copies: in a detail.
#[test]
fn popup_footer_offers_copy_only_in_a_detail() {
    let mut a = app(Lang::En);
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::Open],
        100,
        30,
    );
    let footer = lines(&t).pop().unwrap_or_default();
    assert!(footer.contains("y copy"), "{footer}");
    let t = step_and_draw(&mut a, &[Action::Back, Action::ToggleHelp], 100, 30);
    let footer = lines(&t).pop().unwrap_or_default();
    assert!(!footer.contains("y copy"), "{footer}");
}

/// The Article panel at the largest size too, in each language.
#[test]
fn article_panel_at_200x60() {
    for lang in LANGS {
        let mut a = app(lang);
        let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Article)], 200, 60);
        // Its snapshot is the matrix's (every panel at 200x60).
        check_cells(&t).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
    }
}

/// The cells of the first run of `needle` on a row of the screen (a wide
/// glyph's hidden cell skipped), at or below row `from`.
fn find_cells(buf: &Buffer, needle: &str, from: u16) -> Option<Vec<(u16, u16)>> {
    let glyphs: Vec<String> = needle.chars().map(String::from).collect();
    for y in from..buf.area.height {
        let mut row: Vec<(u16, &str)> = Vec::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            row.push((x, sym));
            x += sym.cell_width().max(1);
        }
        for start in 0..row.len() {
            if row.len() - start >= glyphs.len()
                && glyphs.iter().zip(&row[start..]).all(|(g, (_, s))| g == s)
            {
                return Some(
                    row[start..start + glyphs.len()]
                        .iter()
                        .map(|&(x, _)| (x, y))
                        .collect(),
                );
            }
        }
    }
    None
}

#[test]
fn article_marks_the_selected_figure_reversed_and_the_others_underlined() {
    use ratatui::style::Modifier;
    let mut a = app(Lang::Zh);
    // The first figure: 3月22日 in ¶2; then 四十二, then 6.
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Article), Action::Down],
        80,
        24,
    );
    let has = |cells: &[(u16, u16)], m: Modifier| cells.iter().all(|&p| t[p].modifier.contains(m));
    let selected = find_cells(&t, "四十二", 3).expect("四十二 on screen");
    assert!(has(&selected, Modifier::REVERSED), "{}", screen_text(&t));
    assert!(!has(&selected, Modifier::UNDERLINED));
    let other = find_cells(&t, "3月22日", 3).expect("3月22日 on screen");
    assert!(has(&other, Modifier::UNDERLINED) && !has(&other, Modifier::REVERSED));
    // In the figure's colour too, but not by colour alone.
    assert_eq!(t[other[0]].fg, Theme::DARK.figure.fg.unwrap());
    // Text that is no figure is neither.
    let plain = find_cells(&t, "中国商飞", 3).expect("text on screen");
    assert!(!has(&plain, Modifier::UNDERLINED) && !has(&plain, Modifier::REVERSED));
    // The paragraph number in the margin; a heading in the title style.
    assert!(
        lines(&t).iter().any(|l| l.starts_with("│¶2  ")),
        "{}",
        screen_text(&t)
    );
    let heading = find_cells(&t, "及时化解难题", 3).expect("the heading on screen");
    assert!(has(&heading, Modifier::BOLD));
    assert_eq!(t[heading[0]].fg, Theme::DARK.title.fg.unwrap());
}

#[test]
fn article_follows_the_selection_down_the_text() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Article), Action::Bottom]);
    let t = draw(&mut a, 80, 24);
    let text = screen_text(&t);
    // The last figure is in the last paragraphs, now on screen.
    assert!(text.contains("¶2"), "{text}");
    assert!(!text.contains("¶1  "), "scrolled past the start: {text}");
    let last = a.view(Panel::Article).rows.len();
    assert!(text.contains(&format!("({last}/{last})")), "{text}");
}

#[test]
fn article_without_its_text_says_so() {
    let json = std::fs::read_to_string(support::path("tests/data/minimal.json")).unwrap();
    let mut a = support::app_from(&json, Lang::En);
    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Article)], 80, 24);
    let text = screen_text(&t);
    assert!(
        text.contains("this dataset does not carry its article (source.text)"),
        "{text}"
    );
    assert_eq!(a.view(Panel::Article).rows.len(), 0);
}

#[test]
fn detail_shows_the_whole_paragraph_with_the_quote_underlined() {
    use ratatui::style::Modifier;
    let mut a = app(Lang::En);
    let t = step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::Down, Action::Open],
        120,
        40,
    );
    let text = screen_text(&t);
    // Words of ¶10 outside the quote “已经复工470家，复工率98.3%”.
    assert!(text.contains("重庆唯美有限公司生产车间"), "{text}");
    assert!(text.contains("¶10"), "{text}");
    // The quote inside the paragraph is underlined; the rest is not.
    let below = lines(&t)
        .iter()
        .position(|l| l.contains("¶10 the paragraph"))
        .and_then(|y| u16::try_from(y).ok())
        .expect("the paragraph's heading");
    let in_para = find_cells(&t, "复工率98.3%", below).expect("the quote in the paragraph");
    assert!(
        in_para
            .iter()
            .all(|&p| t[p].modifier.contains(Modifier::UNDERLINED))
    );
    let rest = find_cells(&t, "重庆唯美", 0).expect("the paragraph");
    assert!(
        rest.iter()
            .all(|&p| !t[p].modifier.contains(Modifier::UNDERLINED))
    );
}

/// The list's sort shows on its column's header (↑ ↓) and the footer says
/// where the selection is (2/4).
#[test]
fn the_sorted_column_and_the_position_are_shown() {
    let mut a = app(Lang::En);
    // Rates: article order, then by label, then by value.
    let t = step_and_draw(
        &mut a,
        &[
            Action::GoPanel(Panel::Rates),
            Action::CycleSort,
            Action::CycleSort,
            Action::Down,
        ],
        120,
        40,
    );
    let text = screen_text(&t);
    let header = text.lines().find(|l| l.contains("n/N")).unwrap_or_default();
    assert!(header.contains("value↑"), "{header}");
    assert!(!header.contains("rate↑"), "{header}");
    let footer = text.lines().last().unwrap_or_default();
    let at = a.view(Panel::Rates).selected + 1;
    assert!(
        footer.contains(&format!("{at}/4 · sort: value ↑")),
        "{footer}"
    );
    // Reversed, the arrow turns; in article order no column is marked.
    let t = step_and_draw(&mut a, &[Action::FlipSort], 120, 40);
    assert!(screen_text(&t).contains("value↓"));
    let mut b = app(Lang::Zh);
    let t = step_and_draw(&mut b, &[Action::GoPanel(Panel::Rates)], 80, 24);
    let text = screen_text(&t);
    assert!(!text.contains('↓') && text.lines().filter(|l| l.contains('↑')).count() == 1);
    assert!(
        text.lines()
            .last()
            .unwrap_or_default()
            .contains("1/4 · 原文顺序 ↑")
    );
}
