//! Action tests: actions in, state out, through `App::update` only.

mod support;

use fugong::app::{CategoryFilter, Effect, Overlay};
use fugong::content::Target;
use fugong::data::{Category, Lang, RecordRef};
use fugong::input::Action;
use fugong::panel::Panel;
use support::{app, app_from, assert_cells, render_at, row_count, screen_text, step};

fn type_filter(a: &mut fugong::app::App, text: &str) {
    a.update(Action::StartFilter);
    for c in text.chars() {
        a.update(Action::FilterChar(c));
    }
}

#[test]
fn panels_cycle_both_ways() {
    let mut a = app(Lang::En);
    assert_eq!(a.panel(), Panel::Overview);
    for expected in [
        Panel::Rates,
        Panel::Workforce,
        Panel::Timeline,
        Panel::Projects,
        Panel::Checks,
        Panel::Article,
        Panel::Overview,
    ] {
        a.update(Action::NextPanel);
        assert_eq!(a.panel(), expected);
    }
    a.update(Action::PrevPanel);
    assert_eq!(a.panel(), Panel::Article);
    a.update(Action::GoPanel(Panel::Timeline));
    assert_eq!(a.panel(), Panel::Timeline);
}

#[test]
fn selection_stays_in_bounds() {
    let mut a = app(Lang::En);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Rates), Action::Up, Action::PageUp],
    );
    assert_eq!(a.view(Panel::Rates).selected, 0);
    step(&mut a, &[Action::PageDown, Action::PageDown, Action::Down]);
    assert_eq!(a.view(Panel::Rates).selected, 3, "four rates");
    step(&mut a, &[Action::Top]);
    assert_eq!(a.view(Panel::Rates).selected, 0);
    step(&mut a, &[Action::Bottom]);
    assert_eq!(a.view(Panel::Rates).selected, 3);
}

#[test]
fn empty_list_after_filter_has_no_selection_and_no_detail() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "no such rate");
    assert!(a.view(Panel::Rates).rows.is_empty());
    step(
        &mut a,
        &[Action::FilterDone, Action::Down, Action::Bottom, Action::Up],
    );
    assert_eq!(a.view(Panel::Rates).selected, 0);
    assert_eq!(a.view(Panel::Rates).selected_row(), None);
    a.update(Action::Open);
    assert_eq!(a.overlay().cloned(), None, "nothing to open");
}

#[test]
fn one_row_list() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "zzz"); // matches nothing
    assert!(a.view(Panel::Rates).rows.is_empty());
    a.update(Action::Back);
    type_filter(&mut a, "98.3"); // the figure as written
    assert_eq!(a.view(Panel::Rates).rows.len(), 1);
    step(
        &mut a,
        &[
            Action::FilterDone,
            Action::Down,
            Action::PageDown,
            Action::Bottom,
        ],
    );
    assert_eq!(a.view(Panel::Rates).selected, 0);
    a.update(Action::Open);
    assert_eq!(
        a.overlay().cloned(),
        Some(Overlay::Detail {
            target: Target::Record(RecordRef::Rate(1)),
        })
    );
}

#[test]
fn filter_matches_chinese_and_english() {
    let mut a = app(Lang::Zh);
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "黄河");
    assert_eq!(a.view(Panel::Rates).rows, vec![2, 3]);
    a.update(Action::Back);
    assert!(a.view(Panel::Rates).filter.is_empty());
    assert_eq!(a.view(Panel::Rates).rows.len(), 4);
    type_filter(&mut a, "HUANGHE");
    assert_eq!(
        a.view(Panel::Rates).rows,
        vec![2, 3],
        "case-insensitive English"
    );
}

#[test]
fn filter_then_sort_keeps_the_filter_and_orders_rows() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Workforce));
    a.update(Action::CycleCategory); // cadres
    assert_eq!(a.category(), &CategoryFilter::One(Category::Cadres));
    type_filter(&mut a, "cadre");
    a.update(Action::FilterDone);
    let rows = a.view(Panel::Workforce).rows.clone();
    assert!(rows.len() >= 2);
    // Sort by value (article order → label → value), then descending.
    step(&mut a, &[Action::CycleSort, Action::CycleSort]);
    let values: Vec<u64> = a
        .view(Panel::Workforce)
        .rows
        .iter()
        .map(|&i| a.data().dataset.counts[i].value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    a.update(Action::FlipSort);
    let desc: Vec<u64> = a
        .view(Panel::Workforce)
        .rows
        .iter()
        .map(|&i| a.data().dataset.counts[i].value)
        .collect();
    assert!(desc.windows(2).all(|w| w[0] >= w[1]), "{desc:?}");
    assert_eq!(desc.len(), rows.len(), "sorting keeps the filter");
    assert_eq!(a.view(Panel::Workforce).filter, "cadre");
}

#[test]
fn selection_follows_its_record_through_a_sort() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Rates), Action::Down]);
    let before = a.view(Panel::Rates).selected_row();
    step(&mut a, &[Action::CycleSort, Action::FlipSort]);
    assert_eq!(a.view(Panel::Rates).selected_row(), before);
}

#[test]
fn language_cycles_through_three() {
    let mut a = app(Lang::Zh);
    a.update(Action::CycleLang);
    assert_eq!(a.lang(), Lang::En);
    a.update(Action::CycleLang);
    assert_eq!(a.lang(), Lang::Both);
    a.update(Action::CycleLang);
    assert_eq!(a.lang(), Lang::Zh);
}

#[test]
fn esc_closes_then_clears_and_never_quits() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "huang");
    a.update(Action::FilterDone);
    a.update(Action::Open);
    assert!(matches!(a.overlay().cloned(), Some(Overlay::Detail { .. })));
    assert_eq!(a.update(Action::Back), Effect::Redraw);
    assert_eq!(a.overlay().cloned(), None);
    assert_eq!(a.update(Action::Back), Effect::Redraw);
    assert!(a.view(Panel::Rates).filter.is_empty());
    // With nothing open, Esc stays and says which key quits, in the
    // footer, until the next key.
    for _ in 0..3 {
        assert_eq!(a.update(Action::Back), Effect::Redraw);
        assert_eq!(a.notice(), Some("nothing to close; q quits"));
    }
    let screen = screen_text(&render_at(&mut a, 80, 24));
    assert!(screen.contains("nothing to close; q quits"), "{screen}");
    a.update(Action::Down);
    assert_eq!(a.notice(), None);
    a.update(Action::CycleLang);
    a.update(Action::CycleLang);
    a.update(Action::Back);
    assert_eq!(a.notice(), Some("没有可关闭的内容；按 q 退出"));
    assert_eq!(a.update(Action::Quit), Effect::Quit);
}

#[test]
fn esc_leaves_the_filter_while_typing_and_never_quits() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "huang");
    assert_eq!(a.update(Action::Back), Effect::Redraw);
    assert!(a.view(Panel::Rates).filter.is_empty());
    assert_eq!(a.mode(), fugong::input::Mode::Normal);
    assert_eq!(row_count(&a, Panel::Rates), 4);
    assert_ne!(a.update(Action::Back), Effect::Quit);
}

#[test]
fn help_toggles_and_keys_do_not_leak_through_popups() {
    let mut a = app(Lang::En);
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay().cloned(), Some(Overlay::Help));
    a.update(Action::NextPanel);
    assert_eq!(a.panel(), Panel::Overview, "the popup takes the keys");
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay().cloned(), None);
}

#[test]
fn quit_is_immediate() {
    let mut a = app(Lang::En);
    assert_eq!(a.update(Action::Quit), Effect::Quit);
}

#[test]
fn workforce_filters_by_category_and_province() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Workforce));
    let people = a.view(Panel::Workforce).rows.len();
    assert!(people > 0);
    for &i in &a.view(Panel::Workforce).rows {
        assert!(a.data().dataset.counts[i].category.is_people());
    }
    // Province filter: each step lists only that province's counts.
    a.update(Action::CycleProvince);
    let province = a.province().unwrap().zh.clone();
    for &i in &a.view(Panel::Workforce).rows {
        let c = &a.data().dataset.counts[i];
        let p = a.data().place(c.place.as_deref().unwrap()).unwrap();
        assert_eq!(p.province.zh, province);
    }
    // Every province `p` stops at lists a row of the category; cycling
    // round returns to every province.
    let mut stops = 1;
    while a.province().is_some() {
        assert!(
            !a.view(Panel::Workforce).rows.is_empty(),
            "{:?} lists nothing",
            a.province()
        );
        a.update(Action::CycleProvince);
        stops += 1;
        assert!(stops <= a.provinces().len() + 1);
    }
    // Some province has no count of people; p passes it by.
    assert!(
        stops <= a.provinces().len(),
        "{stops} stops of {}",
        a.provinces().len()
    );
    assert_eq!(a.province(), None);
    assert_eq!(a.view(Panel::Workforce).rows.len(), people);
    // Categories end with "every count".
    while *a.category() != CategoryFilter::All {
        a.update(Action::CycleCategory);
    }
    assert_eq!(
        a.view(Panel::Workforce).rows.len(),
        a.data().dataset.counts.len()
    );
}

#[test]
fn mouse_clicks_tabs_and_rows_and_wheel_scrolls() {
    let mut a = app(Lang::En);
    a.update(Action::Resize(120, 40));
    let regions = fugong::layout::regions(&a.shape());
    let (_, rates_tab, _) = regions.tabs[1];
    a.update(Action::Click(rates_tab.x + 1, rates_tab.y));
    assert_eq!(a.panel(), Panel::Rates);
    let list = fugong::layout::regions(&a.shape()).list;
    a.update(Action::Click(list.x + 2, list.y + 2));
    assert_eq!(a.view(Panel::Rates).selected, 2);
    // A click below the last row changes nothing.
    assert!(!a.update(Action::Click(list.x + 2, list.y + 30)).redraws());
    assert_eq!(a.view(Panel::Rates).selected, 2);
    a.update(Action::Scroll(list.x + 2, list.y, -1));
    assert_eq!(a.view(Panel::Rates).selected, 0);
    // The wheel outside the list does nothing.
    assert!(!a.update(Action::Scroll(0, 0, 1)).redraws());
}

#[test]
fn paging_scrolls_a_long_list() {
    let mut a = app(Lang::En);
    a.update(Action::Resize(80, 24));
    a.update(Action::GoPanel(Panel::Checks));
    let h = a.list_height();
    let n = a.view(Panel::Checks).rows.len();
    assert!(n > h, "the checks list is longer than the screen");
    a.update(Action::PageDown);
    assert_eq!(a.view(Panel::Checks).selected, h);
    let v = a.view(Panel::Checks);
    assert!(v.offset <= v.selected && v.selected < v.offset + h);
    a.update(Action::Bottom);
    let v = a.view(Panel::Checks);
    assert_eq!(v.selected, n - 1);
    assert_eq!(v.offset, n - h);
}

#[test]
fn empty_dataset_works_everywhere() {
    let json = r#"{"schema_version": 1, "title": {"zh": "空", "en": "Empty"},
        "source": {"title": {"zh": "无", "en": "None"}, "paragraphs": 1},
        "year": {"value": 2020, "inferred": false, "reason": {"zh": "-", "en": "-"}}}"#;
    let mut a = app_from(json, Lang::En);
    for p in Panel::ALL {
        step(
            &mut a,
            &[
                Action::GoPanel(p),
                Action::Down,
                Action::Bottom,
                Action::Open,
                Action::CycleSort,
            ],
        );
        // Only the Checks panel has a row: the dataset's year.
        assert_eq!(a.overlay().cloned().is_some(), p == Panel::Checks, "{p:?}");
        // It draws whole, the title and, over the Checks, the year's detail.
        let buf = render_at(&mut a, 80, 24);
        assert_cells(&buf, &format!("{p:?}"));
        let text = screen_text(&buf);
        assert!(text.contains("Empty"), "{p:?}: the title\n{text}");
        assert_eq!(
            text.contains('╔'),
            p == Panel::Checks,
            "{p:?}: a popup\n{text}"
        );
        if a.overlay().cloned().is_some() {
            a.update(Action::Back);
        }
    }
}

#[test]
fn a_label_sort_follows_the_language() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Rates), Action::CycleSort]);
    assert_eq!(a.sort_key(Panel::Rates), fugong::panel::SortKey::Label);
    let labels = |a: &fugong::app::App, zh: bool| -> Vec<String> {
        a.view(Panel::Rates)
            .rows
            .iter()
            .map(|&i| {
                let l = &a.data().dataset.rates[i].label;
                if zh {
                    l.zh.clone()
                } else {
                    l.en.to_lowercase()
                }
            })
            .collect()
    };
    let en = labels(&a, false);
    assert!(en.windows(2).all(|w| w[0] <= w[1]), "{en:?}");
    step(&mut a, &[Action::CycleLang, Action::CycleLang]); // both, then 中文
    assert_eq!(a.lang(), Lang::Zh);
    // Chinese by pinyin, as a dictionary orders it.
    let zh = labels(&a, true);
    let key = fugong::text::collate::key;
    assert!(zh.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "{zh:?}");
}

#[test]
fn provinces_sort_by_pinyin_in_chinese_with_place_names_read_right() {
    let mut a = app(Lang::Zh);
    step(&mut a, &[Action::GoPanel(Panel::Workforce)]);
    while a.sort_key(Panel::Workforce) != fugong::panel::SortKey::Place {
        a.update(Action::CycleSort);
    }
    let ds = &a.data().dataset;
    let province = |i: usize| -> String {
        let c = &ds.counts[i];
        a.data()
            .place_of(c.place.as_deref(), c.organisation.as_deref())
            .map(|p| p.province.zh.clone())
            .unwrap_or_default()
    };
    let order: Vec<String> = a
        .view(Panel::Workforce)
        .rows
        .iter()
        .map(|&i| province(i))
        .collect();
    let mut firsts: Vec<String> = Vec::new();
    for p in order.iter().filter(|p| !p.is_empty()) {
        if firsts.last() != Some(p) {
            firsts.push(p.clone());
        }
    }
    // 重庆 is Chóngqìng: before 江苏 (Jiāngsū), where both the code point
    // order and 重's common reading, zhòng, would put it after.
    let at = |name: &str| firsts.iter().position(|p| p == name);
    assert!(
        at("重庆市") < at("江苏省") && at("重庆市").is_some(),
        "{firsts:?}"
    );
    let key = fugong::text::collate::key;
    assert!(
        firsts.windows(2).all(|w| key(&w[0]) < key(&w[1])),
        "{firsts:?}"
    );
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut a = app(Lang::En);
    a.update(Action::Resize(40, 10));
    assert!(!a.update(Action::GoPanel(Panel::Workforce)).redraws());
    assert!(!a.update(Action::Open).redraws());
    assert_eq!(a.panel(), Panel::Overview);
    assert_eq!(a.overlay().cloned(), None);
    // Quitting still works.
    assert_eq!(a.update(Action::Quit), Effect::Quit);
}

#[test]
fn filter_matches_what_a_row_shows_besides_its_label() {
    let mut a = app(Lang::En);
    a.update(Action::GoPanel(Panel::Workforce));
    a.update(Action::CycleCategory); // any category will do; go back to all
    while *a.category() != CategoryFilter::All {
        a.update(Action::CycleCategory);
    }
    for needle in ["linxiang", "临翔", "jinhu county"] {
        type_filter(&mut a, needle);
        let n = a.view(Panel::Workforce).rows.len();
        assert!(n > 0, "{needle}: the place column");
        a.update(Action::Back);
    }
    // The organisation, on the Timeline.
    a.update(Action::FilterDone);
    a.update(Action::GoPanel(Panel::Timeline));
    type_filter(&mut a, "huadian");
    assert_eq!(
        a.view(Panel::Timeline).rows.len(),
        4,
        "Nangang's four milestones"
    );
    a.update(Action::Back);
    // The figure as written, on Rates.
    a.update(Action::GoPanel(Panel::Rates));
    type_filter(&mut a, "98.3%");
    assert_eq!(a.view(Panel::Rates).rows.len(), 1);
}

mod as_of {
    use super::*;

    /// What an update asked the clipboard to take.
    fn copied(e: Effect) -> String {
        match e {
            Effect::Copy(text) => text,
            other => panic!("nothing copied: {other:?}"),
        }
    }
    use fugong::panel::Panel;
    use time::macros::date;

    /// Everything the as-of date decides: the date, the Overview's rows and
    /// headline figures, and every panel's rows and selection.
    fn state(a: &fugong::app::App) -> String {
        let views: Vec<_> = Panel::ALL
            .iter()
            .map(|&p| a.view(p))
            .map(|v| (v.rows.clone(), v.selected, v.offset))
            .collect();
        format!("{:?} {:?} {:?}", a.as_of(), a.headline(), views)
    }

    #[test]
    fn defaults_to_the_latest_reported_date() {
        let a = app(Lang::En);
        assert_eq!(a.as_of(), Some(date!(2020 - 03 - 25)));
        // Every rate and the headline are known on the report's date.
        assert_eq!(a.view(Panel::Overview).rows.len(), 4);
        assert!(!a.headline().is_empty());
    }

    #[test]
    fn brackets_step_between_event_dates() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        a.update(Action::EarlierEvent);
        assert_eq!(a.as_of(), Some(date!(2020 - 03 - 22)));
        // The footer names what happened that day.
        let notice = a.notice().unwrap_or_default();
        assert!(notice.contains("as of 2020-03-22"), "{notice}");
        assert!(notice.contains("C919"), "{notice}");
        a.update(Action::LaterEvent);
        assert_eq!(a.as_of(), Some(date!(2020 - 03 - 25)));
        a.update(Action::LaterEvent);
        assert_eq!(a.as_of(), Some(date!(2020 - 05 - 15)));
        // Past the last event, `]` says so and stays.
        for _ in 0..10 {
            a.update(Action::LaterEvent);
        }
        assert_eq!(a.as_of(), Some(date!(2020 - 10 - 15)));
        assert_eq!(a.notice(), Some("no later event"));
        a.update(Action::AsOfReport);
        assert_eq!(a.as_of(), Some(date!(2020 - 03 - 25)));
    }

    #[test]
    fn moving_back_and_forth_returns_to_the_same_state() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        let start = state(&a);
        let moves = [
            (Action::EarlierEvent, Action::LaterEvent),
            (Action::EarlierMonth, Action::LaterMonth),
        ];
        // Within the dataset's range: five months back is 2019-10-25, in the
        // month before the first date.
        for (back, forth) in moves {
            for n in 1..=5 {
                for _ in 0..n {
                    a.update(back);
                }
                assert_ne!(a.as_of(), Some(date!(2020 - 03 - 25)));
                for _ in 0..n {
                    a.update(forth);
                }
                assert_eq!(state(&a), start, "{back:?} x{n} then {forth:?} x{n}");
            }
        }
    }

    #[test]
    fn the_overview_shows_only_what_is_known() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        let data_before = format!("{:?}", a.data().dataset);
        a = a.with_as_of(Some(date!(2020 - 03 - 01)));
        assert!(a.view(Panel::Overview).rows.is_empty());
        // Only the 128 workers flown out on 02-29 are known by then.
        let ds = &a.data().dataset;
        let shown: Vec<u64> = a.headline().iter().map(|&i| ds.counts[i].value).collect();
        assert_eq!(shown, vec![128]);
        // The Rates panel still lists every rate (greyed when later).
        assert_eq!(a.view(Panel::Rates).rows.len(), 4);
        assert_eq!(format!("{:?}", a.data().dataset), data_before);
    }

    #[test]
    fn a_on_the_timeline_sets_the_date_to_the_selected_event() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        a.update(Action::GoPanel(Panel::Timeline));
        // Rows are in date order: the third is COMAC's first day, 02-10.
        a.update(Action::Down);
        a.update(Action::Down);
        a.update(Action::AsOfSelected);
        assert_eq!(a.as_of(), Some(date!(2020 - 02 - 10)));
        // Enter still opens the detail, as on every panel.
        a.update(Action::Open);
        assert!(a.overlay().cloned().is_some());
    }

    #[test]
    fn y_hands_the_citation_to_the_clipboard_once() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        a.update(Action::GoPanel(Panel::Rates));
        a.update(Action::Down);
        let copied = copied(a.update(Action::Copy));
        assert!(copied.contains("98.3% (470/478)"), "{copied}");
        assert!(copied.contains("source: paragraph 10"), "{copied}");
        assert!(a.notice().unwrap_or_default().starts_with("copied: "));
        // The next key clears the notice and copies nothing.
        assert_eq!(a.update(Action::Down), Effect::Redraw);
        assert!(a.notice().is_none());
        // --no-clipboard shows the citation and never fills the clipboard.
        let mut a = a.without_clipboard(true);
        assert_eq!(a.update(Action::Copy), Effect::Redraw);
        // Shown whole in a popup, which Esc closes.
        match &a.overlay().cloned() {
            Some(Overlay::Citation(text)) => {
                let now = a.selected_target().and_then(|t| a.citation(t));
                assert_eq!(Some(text.clone()), now);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            a.update(Action::Back),
            Effect::Redraw,
            "closes, never quits"
        );
        assert!(a.overlay().cloned().is_none());
    }

    #[test]
    fn in_both_languages_y_copies_two_sentences() {
        let mut a = app(Lang::Both);
        a.update(Action::Resize(120, 40));
        a.update(Action::GoPanel(Panel::Rates));
        a.update(Action::Down);
        let copied = copied(a.update(Action::Copy));
        let lines: Vec<&str> = copied.lines().collect();
        assert_eq!(lines.len(), 2, "{copied}");
        assert!(lines[0].starts_with("荣昌高新区复工率：98.3%"), "{copied}");
        assert!(lines[1].contains(": 98.3% (470/478)"), "{copied}");
        assert!(!lines[1].contains("荣昌高新区复工率 ·"), "{copied}");
    }

    #[test]
    fn a_copied_status_names_its_date() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        a = a.with_as_of(Some(date!(2020 - 04 - 01)));
        a.update(Action::GoPanel(Panel::Timeline));
        a.update(Action::Bottom);
        // The last row in date order is the milestone with no date; one
        // up is the hydrostatic test, due mid-October.
        a.update(Action::Up);
        let copied = copied(a.update(Action::Copy));
        assert!(
            copied.contains("due in about 197 days (as of 2020-04-01)"),
            "{copied}"
        );
    }

    #[test]
    fn sorting_by_status_follows_the_date() {
        let mut a = app(Lang::En);
        a.update(Action::Resize(120, 40));
        a.update(Action::GoPanel(Panel::Timeline));
        // Timeline sorts by date, label, status: two presses.
        a.update(Action::CycleSort);
        a.update(Action::CycleSort);
        let ids = |a: &fugong::app::App| -> Vec<String> {
            a.view(Panel::Timeline)
                .rows
                .iter()
                .map(|&i| a.data().dataset.events[i].id.clone())
                .collect()
        };
        let pos = |a: &fugong::app::App, id: &str| ids(a).iter().position(|x| x == id);
        let (frame, hydro) = ("event-nangang-steel-frame", "event-nangang-hydro-test");
        // On the report's date both are due, the steel frame sooner.
        assert!(pos(&a, frame) < pos(&a, hydro));
        // On 2020-06-01 the steel frame is past due: after every due one.
        a = a.with_as_of(Some(date!(2020 - 06 - 01)));
        assert!(pos(&a, frame) > pos(&a, hydro), "{:?}", ids(&a));
    }
}

/// The search text built on a thread (as the dashboard does after its first
/// frame) filters and sorts exactly as the one built on the first keystroke.
#[test]
fn search_built_ahead_filters_and_sorts_as_one_built_on_demand() {
    let run = |ahead: bool| {
        let mut a = app(Lang::Both);
        if ahead {
            a.prepare_search();
        }
        let mut seen = Vec::new();
        for panel in [
            Panel::Workforce,
            Panel::Timeline,
            Panel::Checks,
            Panel::Projects,
        ] {
            a.update(Action::GoPanel(panel));
            type_filter(&mut a, "荣昌");
            a.update(Action::FilterDone);
            seen.push(a.view(panel).rows.clone());
            a.update(Action::Back);
            // By label: the sort borrows the search text too.
            while a.sort_key(panel) != fugong::panel::SortKey::Label
                && panel.sort_keys().contains(&fugong::panel::SortKey::Label)
            {
                a.update(Action::CycleSort);
            }
            seen.push(a.view(panel).rows.clone());
        }
        seen
    };
    let ahead = run(true);
    assert_eq!(ahead, run(false));
    assert!(ahead.iter().any(|rows| !rows.is_empty()));
}

/// The figure of the Article's selection, as the article writes it.
fn selected_figure(a: &fugong::app::App) -> (usize, String) {
    let k = a
        .view(Panel::Article)
        .selected_row()
        .expect("a figure selected");
    let s = &a.spots()[k];
    let text = a.data().dataset.source.text.as_ref().expect("the article");
    (
        s.paragraph,
        text[s.paragraph - 1][s.range.clone()].to_string(),
    )
}

#[test]
fn article_j_and_k_move_from_figure_to_figure_in_reading_order() {
    let mut a = app(Lang::Zh);
    step(&mut a, &[Action::GoPanel(Panel::Article)]);
    assert_eq!(a.view(Panel::Article).rows.len(), a.spots().len());
    // ¶2: 3月22日, 四十二, 6, 三.
    assert_eq!(selected_figure(&a), (2, "3月22日".to_string()));
    step(&mut a, &[Action::Down]);
    assert_eq!(selected_figure(&a), (2, "四十二".to_string()));
    step(&mut a, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(selected_figure(&a), (3, "2月10日".to_string()));
    step(&mut a, &[Action::Up]);
    assert_eq!(selected_figure(&a), (2, "三".to_string()));
    // Every figure after the one before it in the text.
    let order: Vec<(usize, usize)> = a
        .view(Panel::Article)
        .rows
        .iter()
        .map(|&k| (a.spots()[k].paragraph, a.spots()[k].range.start))
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
}

#[test]
fn article_enter_opens_the_selected_figures_record() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Article)]);
    // Down to Rongchang's 98.3% in ¶10.
    while selected_figure(&a) != (10, "98.3%".to_string()) {
        let before = a.view(Panel::Article).selected;
        a.update(Action::Down);
        assert_ne!(a.view(Panel::Article).selected, before, "98.3% is listed");
    }
    a.update(Action::Open);
    let ds = &a.data().dataset;
    let rate = ds
        .rates
        .iter()
        .position(|r| r.id == "rate-rongchang-resumption");
    assert_eq!(
        a.overlay(),
        Some(&Overlay::Detail {
            target: Target::Record(RecordRef::Rate(rate.expect("the rate")))
        })
    );
    let text = fugong::ui::popup_text(&a).join("\n");
    assert!(text.contains("rate-rongchang-resumption"), "{text}");
    // Esc closes it, back on the same figure.
    a.update(Action::Back);
    assert!(a.overlay().is_none());
    assert_eq!(selected_figure(&a), (10, "98.3%".to_string()));
}

#[test]
fn article_filter_keeps_the_figures_of_the_paragraphs_with_the_words() {
    let mut a = app(Lang::Zh);
    step(&mut a, &[Action::GoPanel(Panel::Article)]);
    type_filter(&mut a, "荣昌");
    let rows = a.view(Panel::Article).rows.clone();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|&k| a.spots()[k].paragraph == 10),
        "only ¶10 names 荣昌"
    );
    let buf = render_at(&mut a, 80, 24);
    let text = screen_text(&buf);
    assert!(text.contains("¶10") && !text.contains("¶2 "), "{text}");
    assert!(text.contains(&format!("/荣昌▏ ({})", rows.len())), "{text}");
}

#[test]
fn e_without_watch_says_why_nothing_opens() {
    for (lang, why) in [
        (
            Lang::En,
            "e lists reload problems: start with --data FILE --watch",
        ),
        (
            Lang::Zh,
            "e 列出重新加载的问题；需以 --data 文件 --watch 启动",
        ),
    ] {
        let mut a = app(lang);
        assert_eq!(a.update(Action::ShowErrors), Effect::Redraw);
        assert_eq!(a.overlay().cloned(), None);
        assert_eq!(a.notice(), Some(why));
        let screen = screen_text(&render_at(&mut a, 120, 40));
        assert!(
            screen.lines().last().unwrap_or_default().contains(why),
            "{screen}"
        );
    }
}

/// `x` exports the panel's rows as its list shows them: filtered and
/// sorted, as CSV, named for the table and the as-of date; the footer then
/// says where they went. The Article's figures are not a table.
#[test]
fn x_exports_the_view_as_filtered_and_sorted() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Workforce)]);
    // Filter to the counts whose text has 党员, sorted by value.
    step(&mut a, &[Action::StartFilter]);
    for c in "党员".chars() {
        step(&mut a, &[Action::FilterChar(c)]);
    }
    step(&mut a, &[Action::FilterDone, Action::CycleSort]);
    let shown: Vec<String> = a
        .view(Panel::Workforce)
        .rows
        .iter()
        .map(|&i| a.data().dataset.counts[i].id.clone())
        .collect();
    assert!(!shown.is_empty() && shown.len() < a.data().dataset.counts.len());
    let Effect::Export { name, bytes, rows } = a.update(Action::ExportView) else {
        panic!("x asks for a file to be written");
    };
    assert_eq!(name, "fugong-counts-2020-03-25.csv");
    assert_eq!(rows, shown.len());
    let mut r = csv::Reader::from_reader(&bytes[..]);
    let ids: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
    assert_eq!(ids, shown, "the list's rows, in its order");
    a.exported(Ok((name.clone(), rows)));
    assert_eq!(
        a.notice(),
        Some(format!("wrote {rows} rows to {name}").as_str())
    );
    step(&mut a, &[Action::GoPanel(Panel::Article)]);
    assert!(matches!(a.update(Action::ExportView), Effect::Redraw));
    assert!(a.notice().is_some_and(|n| n.contains("not a table")));
}

/// A filter's word can be a condition on a column; the list keeps the rows
/// that have the other words and meet every condition, and a condition
/// that loosens as it is typed (value<1 → value<10000) lets rows back in.
#[test]
fn a_filter_can_hold_conditions_on_columns() {
    let mut a = app(Lang::En);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Workforce), Action::StartFilter],
    );
    let ds = a.data().dataset.clone();
    let type_in = |a: &mut fugong::app::App, s: &str| {
        for c in s.chars() {
            step(a, &[Action::FilterChar(c)]);
        }
    };
    type_in(&mut a, "value>1000");
    let listed: Vec<usize> = a.view(Panel::Workforce).rows.clone();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|&i| ds.counts[i].value > 1000));
    // Clear, then a bound that loosens as its digits come.
    step(&mut a, &[Action::Back, Action::StartFilter]);
    type_in(&mut a, "value<1");
    assert_eq!(row_count(&a, Panel::Workforce), 0);
    type_in(&mut a, "0000");
    let loose = row_count(&a, Panel::Workforce);
    assert!(loose > 0, "value<10000 lets rows back in");
    assert!(
        a.view(Panel::Workforce)
            .rows
            .iter()
            .all(|&i| ds.counts[i].value < 10_000)
    );
    // A date bound on the Timeline, with free text beside it.
    step(
        &mut a,
        &[
            Action::Back,
            Action::GoPanel(Panel::Timeline),
            Action::StartFilter,
        ],
    );
    type_in(&mut a, "date<2020-03-01");
    let early = a.view(Panel::Timeline).rows.clone();
    assert!(!early.is_empty());
    assert!(early.iter().all(|&i| {
        ds.events[i]
            .when
            .date
            .is_some_and(|d| d < time::macros::date!(2020 - 03 - 01))
    }));
}

/// An ordinal (第二批, day 42) is a position, not an amount: Workforce
/// draws no bar for it, and says why.
#[test]
fn an_ordinal_is_not_drawn_as_a_bar() {
    let mut a = app(Lang::En);
    step(&mut a, &[Action::GoPanel(Panel::Workforce)]);
    // Every count, then down to the first ordinal.
    while *a.category() != CategoryFilter::All {
        a.update(Action::CycleCategory);
    }
    let rows = a.view(Panel::Workforce).rows.clone();
    let at = rows
        .iter()
        .position(|&i| a.data().dataset.counts[i].ordinal)
        .expect("the article has an ordinal");
    for _ in 0..at {
        a.update(Action::Down);
    }
    let t = render_at(&mut a, 120, 40);
    let text = screen_text(&t);
    assert!(
        text.contains("an ordinal (batch 2, day 42)") && text.contains("not an amount: no bar"),
        "{text}"
    );
}

/// A word that looks like a condition but does not read as one is said in
/// the footer, as is a condition on a column the panel lacks.
#[test]
fn a_condition_that_does_not_read_is_said() {
    let mut a = app(Lang::En);
    step(
        &mut a,
        &[Action::GoPanel(Panel::Workforce), Action::StartFilter],
    );
    for c in "value>abc".chars() {
        step(&mut a, &[Action::FilterChar(c)]);
    }
    assert_eq!(a.filter_note().as_deref(), Some("value>abc: not a number"));
    let t = render_at(&mut a, 120, 40);
    let footer = screen_text(&t)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(footer.contains("value>abc: not a number"), "{footer}");
    step(
        &mut a,
        &[
            Action::Back,
            Action::GoPanel(Panel::Checks),
            Action::StartFilter,
        ],
    );
    for c in "value>5".chars() {
        step(&mut a, &[Action::FilterChar(c)]);
    }
    assert!(
        a.filter_note()
            .is_some_and(|n| n.contains("no such column"))
    );
    // A plain word says nothing.
    step(
        &mut a,
        &[Action::Back, Action::StartFilter, Action::FilterChar('x')],
    );
    assert_eq!(a.filter_note(), None);
}

/// As of an earlier date, `x` leaves out what is reported later, as
/// `export --as-of` does: the file named for the date holds what was known.
#[test]
fn x_exports_what_is_known_on_the_as_of_date() {
    let mut a = app(Lang::En).with_as_of(Some(time::macros::date!(2020 - 03 - 21)));
    step(&mut a, &[Action::GoPanel(Panel::Workforce)]);
    let listed = a.view(Panel::Workforce).rows.len();
    let Effect::Export { name, bytes, rows } = a.update(Action::ExportView) else {
        panic!("x asks for a file");
    };
    assert_eq!(name, "fugong-counts-2020-03-21.csv");
    assert!(
        rows < listed,
        "{rows} of {listed}: the later ones are left out"
    );
    let want = fugong::export::rows_as_of(
        a.data(),
        fugong::export::What::Counts,
        Some(time::macros::date!(2020 - 03 - 21)),
    );
    let mut r = csv::Reader::from_reader(&bytes[..]);
    for rec in r.records() {
        let id = rec.unwrap()[0].to_string();
        assert!(
            want.iter().any(|w| w["id"] == id.as_str()),
            "{id} is reported later"
        );
    }
}

/// A detail's related records can be selected (Tab) and opened (Enter);
/// Esc comes back to the detail they were opened from, then closes it.
#[test]
fn a_detail_follows_its_links_and_comes_back() {
    let mut a = app(Lang::En);
    a.update(Action::Resize(120, 40));
    step(&mut a, &[Action::GoPanel(Panel::Rates), Action::Open]);
    let first = match a.overlay() {
        Some(Overlay::Detail { target }) => *target,
        other => panic!("a detail is open, not {other:?}"),
    };
    // Tab selects a record the detail names; its line is reversed.
    step(&mut a, &[Action::NextLink]);
    let t = render_at(&mut a, 120, 40);
    let reversed = t
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED) && c.symbol() != " ")
        .count();
    assert!(reversed > 3, "the selected link shows");
    step(&mut a, &[Action::Open]);
    let second = match a.overlay() {
        Some(Overlay::Detail { target }) => *target,
        other => panic!("the link opens a detail, not {other:?}"),
    };
    assert_ne!(second, first);
    assert!(screen_text(&render_at(&mut a, 120, 40)).contains("Esc back"));
    // Shift-Tab from nothing selects the last link; Esc goes back.
    step(&mut a, &[Action::Back]);
    assert!(matches!(a.overlay(), Some(Overlay::Detail { target }) if *target == first));
    step(&mut a, &[Action::Back]);
    assert!(a.overlay().is_none());
    // q (or ?) closes every detail at once.
    step(
        &mut a,
        &[
            Action::Open,
            Action::NextLink,
            Action::Open,
            Action::ClosePopup,
        ],
    );
    assert!(a.overlay().is_none());
}

/// On the Timeline (events are exported by date, found by id), as of an
/// earlier date: the file holds the listed events known then, in the
/// list's order, and no other.
#[test]
fn x_exports_the_timeline_as_known_on_the_date() {
    let on = time::macros::date!(2020 - 03 - 01);
    let mut a = app(Lang::En).with_as_of(Some(on));
    step(
        &mut a,
        &[Action::GoPanel(Panel::Timeline), Action::FlipSort],
    );
    let ds = a.data().dataset.clone();
    let chronology = fugong::data::asof::Chronology::new(&ds);
    let want: Vec<String> = a
        .view(Panel::Timeline)
        .rows
        .iter()
        .filter(|&&i| !chronology.status(&ds.events[i], Some(on)).is_later())
        .map(|&i| ds.events[i].id.clone())
        .collect();
    assert!(
        want.len() < a.view(Panel::Timeline).rows.len(),
        "some come later"
    );
    let Effect::Export { bytes, .. } = a.update(Action::ExportView) else {
        panic!("x asks for a file");
    };
    let mut r = csv::Reader::from_reader(&bytes[..]);
    let ids: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
    assert_eq!(ids, want);
}

/// Inside tmux the footer says where a copy went, as `term` found out;
/// a copy that went nowhere is not called copied.
#[test]
fn a_copy_in_tmux_tells_the_truth() {
    use fugong::app::InTmux;
    let said = |set_clipboard: &str, buffer: Result<(), String>, lang| {
        let mut a = app(lang);
        a.copied_in_tmux(
            "a citation",
            InTmux {
                set_clipboard: set_clipboard.to_string(),
                buffer,
            },
        );
        a.notice().unwrap_or_default().to_string()
    };
    let failed = || Err("no server".to_string());
    assert_eq!(
        said("off", Ok(()), Lang::En),
        "in tmux's buffer only (tmux's set-clipboard is off; prefix ] pastes): a citation"
    );
    let nowhere = said("off", failed(), Lang::En);
    assert!(nowhere.starts_with("not copied: "), "{nowhere}");
    assert!(!nowhere.contains("a citation"), "{nowhere}");
    let passed_on = said("external", failed(), Lang::En);
    assert!(
        passed_on.contains("not in tmux's buffer (no server)"),
        "{passed_on}"
    );
    assert!(said("on", Ok(()), Lang::Zh).starts_with("已复制，在 tmux 缓冲区"));
    assert!(said("off", failed(), Lang::Zh).starts_with("未复制"));
}
