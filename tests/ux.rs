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
            let sort = match lang {
                Lang::Zh => "排序: 原文顺序 ↑",
                _ => "sort: article order ↑",
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
