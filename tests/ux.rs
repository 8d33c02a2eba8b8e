//! What a new user trips over: a failed reload on its own line, hidden
//! content that says so, every mark explained. Render snapshots at 80x24,
//! 120x40 and 200x60 in each language, with cell styles where colour
//! carries meaning.

mod support;

use fugong::app::{App, Overlay};
use fugong::data::{Invalid, Lang};
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::theme::Theme;
use support::{LANGS, app, assert_cells, draw, lang_arg, lines, screen_text, step};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// A reload that failed with two problems, the first longer than any line.
fn failed_reload(a: &mut App) {
    let long = format!(
        "rates[0].value: {} (the end of a long problem)",
        "a problem that goes on ".repeat(10)
    );
    a.reloaded(Err(Invalid {
        origin: "watched.json".to_string(),
        problems: vec![long, "counts[3].date: not a date".to_string()],
    }));
}

#[test]
fn a_failed_reload_has_its_own_line_above_the_footer() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut a = app(lang);
            step(&mut a, &[Action::GoPanel(Panel::Rates)]);
            failed_reload(&mut a);
            let t = draw(&mut a, w, h);
            assert_cells(&t, "a failed reload");
            let rows = lines(&t);
            let (alert, footer) = (&rows[usize::from(h) - 2], &rows[usize::from(h) - 1]);
            // The key to every problem first, the first problem cut cleanly.
            let key = match lang {
                Lang::Zh => "重新加载失败（按 e 查看全部 2 个问题）：watched.json",
                _ => "reload failed (e shows all 2 problems): watched.json",
            };
            assert!(alert.starts_with(&format!(" ✗ {key}")), "{alert}");
            assert!(alert.trim_end().ends_with('…'), "cut with …: {alert}");
            assert!(!alert.contains("the end of a long problem"), "{alert}");
            // The footer keeps its hints and its sort label, untouched.
            let sort = match (lang, w >= 100) {
                (Lang::Zh, true) => "1/4 · 排序: 原文顺序 ↑",
                (Lang::Zh, false) => "1/4 · 原文顺序 ↑",
                (_, true) => "1/4 · sort: article order ↑",
                (_, false) => "1/4 · article order ↑",
            };
            assert!(footer.trim_end().ends_with(sort), "{footer}");
            assert!(footer.contains(" ? "), "{footer}");
            assert!(!footer.contains('✗'), "{footer}");
            // Red, as every failure is.
            let fail = Theme::DARK.fail.fg;
            assert_eq!(t[(1, h - 2)].symbol(), "✗");
            assert_eq!(t[(1, h - 2)].fg, fail.unwrap_or_default());
            let name = format!("reload_failed_{}_{w}x{h}", lang_arg(lang));
            insta::assert_snapshot!(name, screen_text(&t));
        }
    }
}

#[test]
fn the_whole_problem_is_in_the_errors_popup_and_the_line_goes_when_valid_again() {
    let mut a = app(Lang::En);
    a.update(Action::Resize(80, 24));
    failed_reload(&mut a);
    let body_with_alert = fugong::layout::regions(&a.shape()).body;
    step(&mut a, &[Action::ShowErrors]);
    assert_eq!(a.overlay().cloned(), Some(Overlay::Errors));
    let text = fugong::ui::popup_text(&a).join("\n");
    assert!(text.contains("the end of a long problem"), "{text}");
    assert!(text.contains("counts[3].date: not a date"), "{text}");
    // A valid file: the line goes and the body has it back.
    a.reloaded(Ok(support::embedded().clone()));
    step(&mut a, &[Action::Back]);
    let t = draw(&mut a, 80, 24);
    assert!(!screen_text(&t).contains("reload failed"));
    let body = fugong::layout::regions(&a.shape()).body;
    assert_eq!(body.height, body_with_alert.height + 1);
}

#[test]
fn one_problem_is_said_in_the_singular() {
    for (lang, want) in [
        (
            Lang::En,
            " ✗ reload failed (e shows it): watched.json: no such file",
        ),
        (
            Lang::Zh,
            " ✗ 重新加载失败（按 e 查看）：watched.json: no such file",
        ),
    ] {
        let mut a = app(lang);
        a.reloaded(Err(Invalid {
            origin: "watched.json".to_string(),
            problems: vec!["no such file".to_string()],
        }));
        let t = draw(&mut a, 120, 40);
        assert_eq!(lines(&t)[38].trim_end(), want);
    }
}

/// The headline figures that fit at a size: boxes of 20 cells, three lines each.
fn headline_room(a: &mut App, w: u16, h: u16) -> usize {
    a.update(Action::Resize(w, h));
    let body = fugong::layout::regions(&a.shape()).body;
    let [_, counts, ..] =
        fugong::layout::overview(body, a.view(Panel::Overview).rows.len(), a.headline().len());
    let per_row = usize::from((counts.width - 2) / fugong::layout::FIGURE_W);
    per_row * usize::from((counts.height - 2 + 1) / 3)
}

#[test]
fn headline_figures_left_out_are_counted_with_where_to_see_them() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut a = app(lang);
            let hidden = a
                .headline()
                .len()
                .saturating_sub(headline_room(&mut a, w, h));
            let t = draw(&mut a, w, h);
            let text = screen_text(&t);
            let more = match lang {
                Lang::Zh => format!("主要数字 · 另有 {hidden} 项，见 3 人员"),
                _ => format!("Headline figures · +{hidden} more: 3 Workforce"),
            };
            assert_eq!(text.contains(&more), hidden > 0, "{w}x{h}:\n{text}");
            if (w, h) == (80, 24) {
                assert!(hidden > 0, "the article's ten figures do not fit at 80x24");
            }
            if (w, h) == (200, 60) {
                assert_eq!(hidden, 0, "all fit at 200x60");
                assert!(!text.contains("more:") && !text.contains("另有"), "{text}");
            }
            let name = format!("hidden_overview_{}_{w}x{h}", lang_arg(lang));
            insta::assert_snapshot!(name, text);
        }
    }
}

#[test]
fn the_overviews_events_left_out_are_counted() {
    let mut a = app(Lang::En);
    let t = draw(&mut a, 120, 40);
    let text = screen_text(&t);
    let total = a.timeline().len();
    // The events box lists the first events under its column header.
    let start = text.find("Events and milestones").expect("the events box");
    let shown = text[start..]
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with('╰'))
        .count();
    assert!(shown < total, "{text}");
    let more = format!(
        "Events and milestones · +{} more: 4 Timeline",
        total - shown
    );
    assert!(text.contains(&more), "{more}\n{text}");
}

/// The article's dataset without its events (and the projects' references to them).
fn without_events() -> App {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../assets/dataset.json")).expect("JSON");
    v["events"] = serde_json::json!([]);
    for p in v["projects"].as_array_mut().expect("projects") {
        p["events"] = serde_json::json!([]);
    }
    support::app_from(&v.to_string(), Lang::En)
}

#[test]
fn no_events_says_so_instead_of_no_rows_match() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            let mut a = without_events();
            if lang == Lang::Zh {
                step(&mut a, &[Action::CycleLang, Action::CycleLang]);
            }
            assert_eq!(a.lang(), lang);
            step(&mut a, &[Action::GoPanel(Panel::Timeline)]);
            let t = draw(&mut a, w, h);
            assert_cells(&t, "no events");
            let text = screen_text(&t);
            let none = match lang {
                Lang::Zh => "数据集中没有事件",
                _ => "no events in this dataset",
            };
            // Both the axis and the list say it.
            assert_eq!(text.matches(none).count(), 2, "{w}x{h}:\n{text}");
            assert!(!text.contains("no rows match") && !text.contains("没有与筛选匹配"));
            let name = format!("no_events_timeline_{}_{w}x{h}", lang_arg(lang));
            insta::assert_snapshot!(name, text);
        }
    }
}

#[test]
fn every_empty_collection_says_which() {
    let json = r#"{"schema_version": 1, "title": {"zh": "空", "en": "Empty"},
        "source": {"title": {"zh": "无", "en": "None"}, "paragraphs": 1},
        "year": {"value": 2020, "inferred": false, "reason": {"zh": "-", "en": "-"}}}"#;
    let mut a = support::app_from(json, Lang::En);
    for (panel, says) in [
        (
            Panel::Overview,
            &[
                "no rates in this dataset",
                "no counts in this dataset",
                "no events in this dataset",
            ][..],
        ),
        (Panel::Rates, &["no rates in this dataset"][..]),
        (Panel::Workforce, &["no counts in this dataset"][..]),
        (Panel::Timeline, &["no events in this dataset"][..]),
        (Panel::Projects, &["no projects in this dataset"][..]),
    ] {
        step(&mut a, &[Action::GoPanel(panel)]);
        let text = screen_text(&draw(&mut a, 120, 40));
        for s in says {
            assert!(text.contains(s), "{panel:?} lacks {s:?}:\n{text}");
        }
        assert!(!text.contains("no rows match"), "{panel:?}:\n{text}");
    }
}

#[test]
fn an_empty_list_names_the_filter_that_empties_it() {
    let mut a = app(Lang::En);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::StartFilter],
    );
    for c in "zzz".chars() {
        a.update(Action::FilterChar(c));
    }
    let text = screen_text(&draw(&mut a, 120, 40));
    assert!(
        text.contains("no rows match the filter (Esc clears it)"),
        "{text}"
    );
    // Workforce: a dataset with a count, but none of people, the default.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../assets/dataset.json")).expect("JSON");
    let counts = v["counts"].as_array_mut().expect("counts");
    counts.retain(|c| c["category"] == "jobs");
    assert!(!counts.is_empty());
    v["rates"] = serde_json::json!([]);
    v["events"] = serde_json::json!([]);
    for p in v["projects"].as_array_mut().expect("projects") {
        p["figures"] = serde_json::json!([]);
        p["events"] = serde_json::json!([]);
    }
    let mut b = support::app_from(&v.to_string(), Lang::En);
    step(&mut b, &[Action::GoPanel(Panel::Workforce)]);
    let text = screen_text(&draw(&mut b, 120, 40));
    assert!(
        text.contains("no counts in this category and province (c, p change them)"),
        "{text}"
    );
}

#[test]
fn every_mark_a_panel_draws_is_explained_in_the_help() {
    for lang in [Lang::Zh, Lang::En] {
        // What the panels draw, on the Timeline with a selection.
        let mut drawn = String::new();
        for panel in Panel::ALL {
            let mut a = app(lang);
            step(&mut a, &[Action::GoPanel(panel), Action::Down]);
            drawn.push_str(&screen_text(&draw(&mut a, 120, 40)));
        }
        let help: String = {
            let mut a = app(lang);
            step(&mut a, &[Action::ToggleHelp]);
            fugong::ui::popup_text(&a).join("\n")
        };
        let marks = help
            .split(if lang == Lang::Zh {
                "\n符号\n"
            } else {
                "\nMarks\n"
            })
            .nth(1)
            .expect("the help has its marks");
        let winter = if lang == Lang::Zh { "冬" } else { "win" };
        for m in ["253/?", "#", "┊", "▲", "┃", "✓", "—", winter] {
            assert!(drawn.contains(m), "{m:?} is not drawn anywhere");
            let explained = marks.lines().any(|l| {
                l.split("  ")
                    .next()
                    .is_some_and(|k| k.split(' ').any(|w| w == m))
            });
            assert!(explained, "{m:?} is drawn but not explained:\n{marks}");
        }
    }
}

#[test]
fn the_help_ends_with_the_marks() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            let mut a = app(lang);
            step(
                &mut a,
                &[Action::Resize(w, h), Action::ToggleHelp, Action::Bottom],
            );
            let t = draw(&mut a, w, h);
            assert_cells(&t, "help");
            let text = screen_text(&t);
            assert!(text.contains("⟨U+202E⟩"), "the last mark: {text}");
            let name = format!("help_marks_{}_{w}x{h}", lang_arg(lang));
            insta::assert_snapshot!(name, text);
        }
    }
}
