//! Text gets the room the window has (bars take what is left), and a cut
//! cell can be read in full: `w` unfolds the selected row. `n` / `N` find
//! the rows a filter matches.

mod support;

use fugong::data::Lang;
use fugong::input::Action;
use fugong::panel::Panel;
use ratatui::buffer::Buffer;
use serde_json::Value;
use support::{app, app_from, lines, screen_text, step, step_and_draw};

const MINIMAL: &str = include_str!("data/minimal.json");

/// The minimal dataset with its rate over five-digit counts: 10175 of 11234.
fn big_fraction() -> String {
    let mut v: Value = serde_json::from_str(MINIMAL).unwrap();
    for (i, value) in [(0, 11234), (1, 10175)] {
        let c = &mut v["counts"][i];
        c["value"] = value.into();
        c["figure"] = value.to_string().into();
    }
    v["counts"][0]["source"]["quote"] = "11234家投产企业".into();
    v["counts"][1]["source"]["quote"] = "复工10175家".into();
    let r = &mut v["rates"][0];
    r["value"] = 90.6.into();
    r["figure"] = "90.6%".into();
    r["source"]["quote"] = "复工率90.6%".into();
    v.to_string()
}

#[test]
fn a_long_numerator_and_denominator_are_never_cut() {
    for (lang, want) in [(Lang::En, "10,175/11,234"), (Lang::Zh, "10175/11234")] {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let mut a = app_from(&big_fraction(), lang);
            let screen = screen_text(&step_and_draw(
                &mut a,
                &[Action::GoPanel(Panel::Rates)],
                w,
                h,
            ));
            assert!(screen.contains(want), "{lang:?} {w}x{h}:\n{screen}");
        }
    }
}

#[test]
fn labels_take_the_room_the_window_has() {
    let mut a = app(Lang::En);
    // At 200 columns the Overview's longest rate label is whole; at 80 it is
    // cut, and the bar still has a fifth of the line.
    let wide = screen_text(&step_and_draw(&mut a, &[], 200, 60));
    assert!(
        wide.contains("Work resumption rate, Rongchang High-tech Zone "),
        "{wide}"
    );
    let narrow = step_and_draw(&mut a, &[], 80, 24);
    let row = lines(&narrow)
        .into_iter()
        .find(|l| l.contains("Work resumption rate"))
        .expect("the rate's gauge");
    assert!(row.contains('…'), "{row}");
    assert!(row.matches('█').count() >= 10, "{row}");
    // Workforce's headers are whole at 120 columns.
    let wf = screen_text(&step_and_draw(
        &mut a,
        &[Action::GoPanel(Panel::Workforce)],
        120,
        40,
    ));
    assert!(wf.contains("organisation"), "{wf}");
    // The Projects list is as wide as its names, up to two fifths of the
    // screen: whole at 120 columns in Chinese, where it was fixed at 38.
    let projects = step_and_draw(
        &mut app(Lang::Zh),
        &[Action::GoPanel(Panel::Projects)],
        120,
        40,
    );
    assert!(screen_text(&projects).contains("书坊乡党建联盟服务队助恒泽竹业招工"));
    // The headline figures' labels have the room their row leaves.
    let zh = screen_text(&step_and_draw(&mut app(Lang::Zh), &[], 80, 24));
    assert!(zh.contains("输出返岗复工的劳务人员"), "{zh}");
}

/// The row of the Checks list that holds `text`, and the screen's lines.
fn row_of(buf: &Buffer, text: &str) -> Option<usize> {
    lines(buf).iter().position(|l| l.contains(text))
}

#[test]
fn w_unfolds_the_selected_row_and_folds_it_again() {
    let mut a = app(Lang::En);
    // The day-42 derivation: its computation is cut at 80 columns.
    step(
        &mut a,
        &[Action::GoPanel(Panel::Checks), Action::Down, Action::Down],
    );
    let before = step_and_draw(&mut a, &[], 80, 24);
    let at = row_of(&before, "day 42 on 2020-03-22").expect("the derivation's row");
    let next = row_of(&before, "Unit No. 7 rotor").expect("the row after it");
    assert_eq!(next, at + 1);
    assert!(
        !lines(&before)[at].contains("= 2020-02-10"),
        "cut at first: {}",
        lines(&before)[at]
    );

    let after = step_and_draw(&mut a, &[Action::ToggleWrap], 80, 24);
    let text = screen_text(&after);
    assert!(a.wrap());
    // The whole computation, over two lines of the same row, in the
    // selection's colours; the next row moved down by one.
    let lines = lines(&after);
    let row = row_of(&after, "day 42 on 2020-03-22").expect("still there");
    assert!(lines[row + 1].contains("2020-02-10"), "{text}");
    assert_eq!(row_of(&after, "Unit No. 7 rotor"), Some(row + 2), "{text}");
    let selected = a.theme().selected.bg;
    let y = u16::try_from(row + 1).unwrap();
    assert_eq!(after[(40, y)].bg, selected.unwrap_or_default());
    insta::assert_snapshot!("wrap_checks_en_80x24", text);

    // The footer says what w did; w again folds it.
    assert!(a.notice().is_some_and(|n| n.contains("wrap")));
    let folded = step_and_draw(&mut a, &[Action::ToggleWrap], 80, 24);
    assert_eq!(row_of(&folded, "Unit No. 7 rotor"), Some(row + 1));
}

#[test]
fn an_unfolded_row_at_the_bottom_stays_in_sight() {
    let mut a = app(Lang::Zh);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Checks), Action::ToggleWrap],
    );
    // Down to the last row on screen, whose cells are cut.
    let first = step_and_draw(&mut a, &[], 80, 24);
    let h = a.list_height();
    for _ in 1..h {
        a.update(Action::Down);
    }
    let buf = step_and_draw(&mut a, &[], 80, 24);
    let text = screen_text(&buf);
    let selected = a.view(Panel::Checks).selected;
    let label = a.selected_id(Panel::Checks).expect("a selected check");
    // The list's first row made way; the selection and its extra lines are
    // above the box's bottom border.
    assert_ne!(lines(&first)[4], lines(&buf)[4], "{text}");
    assert!(selected + 1 >= h, "{label}");
    let bottom = lines(&buf)
        .iter()
        .position(|l| l.starts_with('╰'))
        .expect("the list's bottom border");
    let style = a.theme().selected.bg.unwrap_or_default();
    let unfolded = (0..bottom)
        .filter(|&y| buf[(40, u16::try_from(y).unwrap())].bg == style)
        .count();
    assert!(unfolded >= 2, "{text}");
}

#[test]
fn n_and_big_n_find_the_rows_a_filter_matched() {
    let mut a = app(Lang::En);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Workforce), Action::NextMatch],
    );
    assert!(
        a.notice().is_some_and(|n| n.contains("no filter")),
        "{:?}",
        a.notice()
    );
    let all = a.view(Panel::Workforce).rows.len();

    // Filter, keep it, and step through the rows it lists, round the end.
    step(&mut a, &[Action::StartFilter]);
    for c in "临翔".chars() {
        a.update(Action::FilterChar(c));
    }
    a.update(Action::FilterDone);
    let matched = a.view(Panel::Workforce).rows.clone();
    assert!(matched.len() >= 2 && matched.len() < all);
    a.update(Action::NextMatch);
    assert_eq!(a.view(Panel::Workforce).selected, 1);
    a.update(Action::PrevMatch);
    a.update(Action::PrevMatch);
    assert_eq!(a.view(Panel::Workforce).selected, matched.len() - 1);

    // After Esc the whole list is back, and n visits only what matched,
    // in the list's order, round from the end.
    a.update(Action::Back);
    assert_eq!(a.view(Panel::Workforce).rows.len(), all);
    step(&mut a, &[Action::Top]);
    let mut seen = Vec::new();
    for _ in 0..matched.len() {
        a.update(Action::NextMatch);
        seen.push(a.view(Panel::Workforce).selected_row().unwrap());
    }
    let mut in_order = matched.clone();
    in_order.sort_by_key(|r| a.view(Panel::Workforce).rows.iter().position(|x| x == r));
    if a.view(Panel::Workforce).rows.first() == in_order.first() {
        // The first match was already selected: n starts after it.
        in_order.rotate_left(1);
    }
    assert_eq!(seen, in_order);
    a.update(Action::NextMatch);
    assert!(
        a.notice().is_some_and(|n| n.contains("wrapped")),
        "{:?}",
        a.notice()
    );
    a.update(Action::PrevMatch);
    assert_eq!(
        a.view(Panel::Workforce).selected_row(),
        seen.last().copied()
    );

    // A filter nothing matches says so, and the selection stays.
    step(&mut a, &[Action::StartFilter]);
    for c in "zzz".chars() {
        a.update(Action::FilterChar(c));
    }
    step(&mut a, &[Action::FilterDone]);
    step(&mut a, &[Action::Back]);
    let at = a.view(Panel::Workforce).selected;
    a.update(Action::NextMatch);
    assert!(a.notice().is_some_and(|n| n.contains("no row matches")));
    assert_eq!(a.view(Panel::Workforce).selected, at);
}
