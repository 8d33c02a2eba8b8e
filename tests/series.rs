//! Series on a real dataset: Jiangsu's large industrial firms on three
//! dates, from three reports (`tests/data/series/jiangsu.source.md`). A
//! series reads as one sentence, draws as a chart on Rates and Workforce
//! and a sparkline on the Overview; the as-of date moves the chart's
//! marker; the values a change implies are drawn and exported as derived,
//! with their formula, and checked when the earlier value is reported too.

mod support;

use fugong::app::App;
use fugong::data::{self, Lang, Loaded};
use fugong::export::{self, What};
use fugong::input::Action;
use fugong::panel::Panel;
use fugong::read;
use fugong::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use serde_json::Value;
use time::Date;
use time::macros::date;

use support::{assert_cells, fugong, row_text, screen_text, step, step_and_draw};

const JIANGSU: &str = "tests/data/series/jiangsu.json";

fn text() -> String {
    std::fs::read_to_string(support::path(JIANGSU)).expect("the Jiangsu dataset is there")
}

fn jiangsu() -> Loaded {
    data::load_str(&text(), "jiangsu").unwrap_or_else(|e| panic!("{:#?}", e.problems))
}

/// The dataset as JSON, edited by `f`, with its text left out so that
/// new quotes need not be in it.
fn edited(f: impl FnOnce(&mut Value)) -> Result<Loaded, data::Invalid> {
    let mut v: Value = serde_json::from_str(&text()).expect("JSON");
    v["source"]
        .as_object_mut()
        .expect("a source")
        .remove("text");
    f(&mut v);
    data::load_str(&v.to_string(), "edited")
}

fn lines(data: &Loaded, panel: Panel, lang: Lang, as_of: Option<Date>) -> Vec<String> {
    read::panel(data, panel, lang, as_of).lines
}

const SHARE_EN: &str = "Share of large industrial firms back at work rose from 93% on \
    2020-02-22 to 99.7% on 2020-03-18 (3 reports; changes imply 26% on 2020-02-10 and 98% \
    on 2020-02-27)";
const SHARE_ZH: &str = "规模以上工业企业复工面从2020年2月22日的93%升至2020年3月18日的99.7%\
    （3次报道；由变化推算：2020年2月10日26%、2020年2月27日98%）";

#[test]
fn a_three_date_series_reads_as_one_sentence() {
    let data = jiangsu();
    for (lang, sentence) in [(Lang::En, SHARE_EN), (Lang::Zh, SHARE_ZH)] {
        let rates = lines(&data, Panel::Rates, lang, None);
        assert_eq!(
            rates.iter().filter(|l| *l == sentence).count(),
            1,
            "once on Rates: {rates:#?}"
        );
        // Before the three reports, in the order of the dataset.
        let at = rates.iter().position(|l| l == sentence).unwrap();
        assert!(rates[at + 1].contains("93%") && rates[at + 3].contains("99.7%"));
        let overview = lines(&data, Panel::Overview, lang, None);
        assert!(overview.iter().any(|l| l == sentence), "{overview:#?}");
    }
    let workforce = lines(&data, Panel::Workforce, Lang::En, None);
    assert!(
        workforce.iter().any(|l| l
            == "Workers back at work rose from 4,900,000 people on 2020-02-22 to 7,500,000 people on \
                2020-03-18 (3 reports)"),
        "{workforce:#?}"
    );
    let zh = lines(&data, Panel::Workforce, Lang::Zh, None);
    assert!(
        zh.iter()
            .any(|l| l == "复工人数从2020年2月22日的490万人升至2020年3月18日的750万人（3次报道）"),
        "{zh:#?}"
    );
}

#[test]
fn the_sentence_says_only_what_is_known_on_the_as_of_date() {
    let data = jiangsu();
    let on = |d: Date| lines(&data, Panel::Rates, Lang::En, Some(d));
    let mid = on(date!(2020 - 02 - 28));
    assert!(
        mid.iter().any(|l| l
            == "Share of large industrial firms back at work rose from 93% on 2020-02-22 to \
                99% on 2020-02-28 (2 reports; changes imply 26% on 2020-02-10 and 98% on \
                2020-02-27)"),
        "{mid:#?}"
    );
    // One report is a figure, not a series.
    let first = on(date!(2020 - 02 - 22));
    assert!(
        !first.iter().any(|l| l.contains(" rose from ")),
        "{first:#?}"
    );
}

#[test]
fn with_one_report_the_sentence_marks_what_a_change_implies() {
    // Only the 2月28日 report and its two changes.
    let data = edited(|v| {
        let rates = v["rates"].as_array_mut().unwrap();
        rates.retain(|r| r["id"] != "rate-share-0222" && r["id"] != "rate-share-0318");
    })
    .unwrap();
    let rates = lines(&data, Panel::Rates, Lang::En, None);
    assert!(
        rates.iter().any(|l| l
            == "Share of large industrial firms back at work rose from 26% (implied) on \
                2020-02-10 to 99% on 2020-02-28 (1 report; a change implies 98% on 2020-02-27)"),
        "{rates:#?}"
    );
}

#[test]
fn a_change_is_checked_when_the_earlier_value_is_reported_too() {
    // 99% on 2月28日, one point above 2月27日: 98% then.
    let with_0227 = |value: f64| {
        edited(move |v| {
            let mut r = v["rates"][1].clone();
            r["id"] = "rate-share-0227".into();
            r["value"] = value.into();
            r["figure"] = format!("{value}%").into();
            r["source"]["quote"] = format!("复工面{value}%").into();
            r["when"]["date"] = "2020-02-27".into();
            v["rates"].as_array_mut().unwrap().push(r);
        })
    };
    let agrees = with_0227(98.0).unwrap_or_else(|e| panic!("{:#?}", e.problems));
    let checked: Vec<_> = agrees
        .checks
        .iter()
        .filter(|c| c.kind == fugong::data::CheckKind::Change)
        .collect();
    assert_eq!(
        checked.len(),
        1,
        "only the change from 2月27日 has a report"
    );
    assert!(checked[0].passed);
    assert_eq!(checked[0].subject, "change-share-since-0227");
    // Each figure is good to half its last digit: 99 − 1 is 98 ± 1.5.
    assert!(with_0227(97.0).is_ok(), "within the figures' precision");
    let e = with_0227(96.0).expect_err("96% disagrees with 99% − 1");
    assert!(
        e.problems
            .iter()
            .any(|p| p.contains("changes[1]") && p.contains("96")),
        "{:#?}",
        e.problems
    );
}

fn app(lang: Lang, theme: Theme) -> App {
    App::new(jiangsu(), lang, theme)
}

/// One of the braille patterns a line chart draws with.
fn is_braille(symbol: &str) -> bool {
    symbol
        .chars()
        .next()
        .is_some_and(|ch| ('\u{2801}'..='\u{28FF}').contains(&ch))
}

/// How many cells of the frame a line chart drew.
fn braille(buf: &Buffer) -> usize {
    buf.content()
        .iter()
        .filter(|c| is_braille(c.symbol()))
        .count()
}

/// How many cells show `mark`, below the chart's legend line (which shows
/// each mark once, and the latest points that fit).
fn count_of(buf: &Buffer, mark: &str) -> usize {
    count_where(buf, |c| c.symbol() == mark)
}

/// How many cells below the chart's legend line pass `keep`.
fn count_where(buf: &Buffer, keep: impl Fn(&ratatui::buffer::Cell) -> bool) -> usize {
    let legend = (0..buf.area.height)
        .find(|&y| {
            let r = row_text(buf, y);
            r.contains("• reported") || r.contains("•报道")
        })
        .expect("a chart legend");
    let w = usize::from(buf.area.width);
    buf.content()
        .iter()
        .enumerate()
        .filter(|(i, c)| i / w > usize::from(legend) && keep(c))
        .count()
}

#[test]
fn rates_draws_the_selected_series_as_a_line_chart() {
    for (w, h) in [(80, 24), (200, 60)] {
        for lang in [Lang::En, Lang::Zh] {
            let mut a = app(lang, Theme::DARK);
            let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Rates)], w, h);
            assert_cells(&t, "rates");
            let name = format!("series_rates_{}_{w}x{h}", support::lang_arg(lang));
            insta::assert_snapshot!(name.clone(), screen_text(&t));
            assert!(braille(&t) > 10, "a line: {name}");
            // Three reports as dots, two implied values as bars.
            assert_eq!(count_of(&t, "•"), 3, "{name}: three reports");
            assert_eq!(count_of(&t, "▄"), 2, "{name}: two implied values");
        }
    }
}

#[test]
fn a_single_point_draws_as_before() {
    // The embedded dataset reports each rate once: no chart, no sparkline.
    let mut a = App::new(support::embedded().clone(), Lang::En, Theme::DARK);
    for panel in [Panel::Overview, Panel::Rates, Panel::Workforce] {
        let t = step_and_draw(&mut a, &[Action::GoPanel(panel)], 120, 40);
        assert_eq!(braille(&t), 0, "{panel:?}");
        assert!(!screen_text(&t).contains("• reported"), "{panel:?}");
    }
}

/// The columns of the cells drawn in the as-of marker's style.
fn marker_columns(buf: &Buffer, as_of: Color) -> Vec<u16> {
    let mut xs: Vec<u16> = buf
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.fg == as_of && is_braille(c.symbol()))
        .map(|(i, _)| (i as u16) % buf.area.width)
        .collect();
    xs.sort_unstable();
    xs.dedup();
    xs
}

#[test]
fn the_as_of_date_moves_a_marker_along_the_chart() {
    // The header's as-of colour (its background there), on a dark terminal.
    let colour = Theme::DARK.as_of.bg.expect("the as-of style has a colour");
    let on = |d: Date| {
        let mut a = app(Lang::En, Theme::DARK).with_as_of(Some(d));
        let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Rates)], 120, 40);
        (marker_columns(&t, colour), screen_text(&t))
    };
    let (early, _) = on(date!(2020 - 02 - 24));
    let (late, text) = on(date!(2020 - 03 - 10));
    assert_eq!(early.len(), 1, "one vertical line: {early:?}");
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(late[0] > early[0], "{early:?} then {late:?}");
    assert!(text.contains("as of 2020-03-10"), "the words say it too");
    // After the last point everything is known: no line.
    let (after, _) = on(date!(2020 - 03 - 19));
    assert!(after.is_empty(), "{after:?}");
}

#[test]
fn workforce_charts_the_selected_count_over_time() {
    for (w, h, lang) in [(80, 24, Lang::Zh), (200, 60, Lang::En)] {
        let mut a = app(lang, Theme::DARK);
        let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Workforce)], w, h);
        assert_cells(&t, "workforce");
        let name = format!("series_workforce_{}_{w}x{h}", support::lang_arg(lang));
        insta::assert_snapshot!(name.clone(), screen_text(&t));
        assert!(braille(&t) > 10, "{name}");
    }
}

#[test]
fn the_overview_has_a_sparkline_beside_each_series() {
    for (w, h) in [(80, 24), (200, 60)] {
        for lang in [Lang::En, Lang::Zh] {
            let mut a = app(lang, Theme::DARK);
            let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Overview)], w, h);
            let name = format!("series_overview_{}_{w}x{h}", support::lang_arg(lang));
            insta::assert_snapshot!(name.clone(), screen_text(&t));
            // 26% (implied), 93%, 98% (implied), 99%, 99.7% from zero to
            // 100%: one low bar, four full ones; 71%, 73%, 90%.
            let share = (0..h)
                .map(|y| row_text(&t, y))
                .find(|r| r.contains("99.7%"));
            let staff = (0..h).map(|y| row_text(&t, y)).find(|r| r.contains("90%"));
            assert!(share.is_some_and(|r| r.contains("▃████")), "{name}");
            assert!(staff.is_some_and(|r| r.contains("▆▆▇")), "{name}");
        }
    }
}

#[test]
fn charts_are_readable_without_colour_and_on_white() {
    let mut mono = app(Lang::En, Theme::MONO);
    let t = step_and_draw(&mut mono, &[Action::GoPanel(Panel::Rates)], 120, 40);
    assert!(t.content().iter().all(|c| c.fg == Color::Reset));
    // The marks are told apart by shape, and the legend names them.
    assert_eq!(count_of(&t, "•"), 3);
    assert_eq!(count_of(&t, "▄"), 2);
    assert!(screen_text(&t).contains("• reported  ▄ implied by a change"));
    let mut light = app(Lang::En, Theme::LIGHT);
    let t = step_and_draw(&mut light, &[Action::GoPanel(Panel::Rates)], 120, 40);
    for c in t.content() {
        if c.bg == Color::Reset && c.symbol() != " " {
            assert!(
                !matches!(
                    c.fg,
                    Color::White | Color::Yellow | Color::LightYellow | Color::Gray
                ),
                "{:?} on white: {:?}",
                c.fg,
                c.symbol()
            );
        }
    }
}

#[test]
fn export_series_writes_one_row_per_point_with_its_source() {
    let data = jiangsu();
    let rows = export::rows(&data, What::Series);
    // Four series of three reports, and two implied points.
    assert_eq!(rows.len(), 4 * 3 + 2);
    let share: Vec<_> = rows
        .iter()
        .filter(|r| r["series"] == "rate-share-0222")
        .collect();
    let seen: Vec<(String, f64, bool)> = share
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_string(),
                r["value"].as_f64().unwrap(),
                r["derived"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("2020-02-10".into(), 26.0, true),
            ("2020-02-22".into(), 93.0, false),
            ("2020-02-27".into(), 98.0, true),
            ("2020-02-28".into(), 99.0, false),
            ("2020-03-18".into(), 99.7, false),
        ]
    );
    assert_eq!(share[0]["formula"], "99% - 73 = 26%");
    // Known when the change is: 2月28日.
    assert_eq!(share[0]["known"], "2020-02-28");
    assert_eq!(share[1]["known"], "2020-02-22");
    assert_eq!(share[0]["record"], "change-share-since-0210");
    assert_eq!(share[1]["formula"], Value::Null);
    assert_eq!(share[1]["quote"], "复工面 93%");
    assert_eq!(share[1]["paragraph"], 1);
    // Every quote is in the paragraph it names.
    let ds = &data.dataset;
    let paragraphs = ds.source.text.as_ref().unwrap();
    for r in &rows {
        let n = r["paragraph"].as_u64().unwrap() as usize;
        assert!(paragraphs[n - 1].contains(r["quote"].as_str().unwrap()));
        let cols: Vec<&str> = r.keys().map(String::as_str).collect();
        assert_eq!(cols, export::columns(What::Series));
    }
    // And through the binary, as CSV with its header.
    let out = fugong()
        .args([
            "export", "--what", "series", "--format", "csv", "--data", JIANGSU,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 1 + rows.len());
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .starts_with("series,point,kind,")
    );
}

/// A rate reported every day for `n` days from 2020-01-01 (over several
/// years: the text prints them), its value a saw between 20% and 100%.
fn long_series(n: usize) -> Loaded {
    let start = date!(2020 - 01 - 01);
    let rates: Vec<Value> = (0..n)
        .map(|k| {
            let d = start + time::Duration::days(k as i64);
            let v = 20 + (k * 37) % 81;
            serde_json::json!({
                "id": format!("r{k}"), "label": {"zh": "复工率", "en": "Resumption rate"},
                "value": v, "figure": format!("{v}%"),
                "when": {"date": d.to_string(), "relation": "as_of"},
                "source": {"paragraph": 1, "quote": format!("{v}%")}
            })
        })
        .collect();
    let v = serde_json::json!({
        "schema_version": 1, "title": {"zh": "长", "en": "Long"},
        "source": {"title": {"zh": "合成", "en": "Synthetic"}, "paragraphs": 1},
        "year": {"value": 2020, "inferred": false},
        "places": [], "organisations": [], "rates": rates, "counts": [], "events": [],
        "projects": []
    });
    data::load_str(&v.to_string(), "long").unwrap_or_else(|e| panic!("{:#?}", e.problems))
}

#[test]
fn a_long_series_is_drawn_from_a_few_points_a_column() {
    use fugong::content::{Ctx, series};
    use fugong::data::asof::Chronology;
    use fugong::data::series::Kind;
    let data = long_series(5_000);
    let chronology = Chronology::with_series(&data.dataset, data.series.clone());
    let theme = Theme::DARK;
    let ctx = Ctx {
        data: &data,
        chronology: &chronology,
        as_of: chronology.default_date(),
        lang: Lang::En,
        theme: &theme,
    };
    let all = series::points(&ctx, Kind::Rate, 0);
    assert_eq!(all.len(), 5_000);
    let columns = 200;
    let drawn = series::chart_points(&ctx, Kind::Rate, 0, columns);
    assert!(drawn.len() <= 2 * columns + 2, "{}", drawn.len());
    assert_eq!(drawn.first().map(|p| p.date), all.first().map(|p| p.date));
    assert_eq!(drawn.last().map(|p| p.date), all.last().map(|p| p.date));
    let extreme = |ps: &[series::Point]| {
        ps.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.value), hi.max(p.value))
        })
    };
    assert_eq!(
        extreme(&drawn),
        extreme(&all),
        "the lowest and highest stay"
    );
    assert!(drawn.windows(2).all(|w| w[0].date < w[1].date));
    // A short series is drawn whole.
    assert_eq!(
        series::chart_points(&ctx, Kind::Rate, 0, 5_000).len(),
        5_000
    );
    // And the dashboard draws it, at any as-of date, as a chart.
    let mut a = App::new(data.clone(), Lang::En, Theme::DARK);
    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Rates)], 120, 40);
    assert!(braille(&t) > 10);
    let t = step_and_draw(&mut a, &[Action::EarlierMonth], 120, 40);
    assert_cells(&t, "after moving the date");
    // The header's as-of colour (its background there), on a dark terminal.
    let colour = Theme::DARK.as_of.bg.expect("the as-of style has a colour");
    assert_eq!(
        marker_columns(&t, colour).len(),
        1,
        "the date is inside the series"
    );
}

#[test]
fn moving_the_date_redraws_the_chart_as_known_then() {
    // Jiangsu as of 3月19日, then a month earlier: 2月19日, before every
    // report, so each dot turns to the later style.
    let mut a = app(Lang::En, Theme::DARK);
    let later = Theme::DARK.later.fg.expect("later has a colour");
    let dots = |b: &Buffer| count_where(b, |c| c.symbol() == "•" && c.fg == later);
    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Rates)], 120, 40);
    assert_eq!(dots(&t), 0);
    let t = step_and_draw(&mut a, &[Action::EarlierMonth], 120, 40);
    assert!(screen_text(&t).contains("as of 2020-02-19"));
    assert_eq!(dots(&t), 3, "three reports, all later");
}

#[test]
fn what_is_not_known_yet_is_greyed_right_of_the_marker_or_left_out() {
    // As of 2月25日: 93% is known; 99%, 99.7% and the 98% that the 2月28日
    // change implies for 2月27日 come later, right of the marker, greyed;
    // the 26% it implies for 2月10日 would stand left of the marker as if
    // known, so it is not drawn.
    let mut a = app(Lang::En, Theme::DARK).with_as_of(Some(date!(2020 - 02 - 25)));
    let t = step_and_draw(&mut a, &[Action::GoPanel(Panel::Rates)], 120, 40);
    let later = Theme::DARK.later.fg.expect("later has a colour");
    assert_eq!(count_of(&t, "▄"), 1, "only 2月27日's implied value");
    assert_eq!(count_where(&t, |c| c.symbol() == "▄" && c.fg == later), 1);
    assert_eq!(count_where(&t, |c| c.symbol() == "•" && c.fg == later), 2);
    assert_eq!(count_where(&t, |c| c.symbol() == "•" && c.fg != later), 1);
    // The line right of the marker is greyed too.
    assert!(count_where(&t, |c| is_braille(c.symbol()) && c.fg == later) > 0);
    // The legend lists only what is known.
    let text = screen_text(&t);
    let legend = text.lines().find(|l| l.contains("• reported")).unwrap();
    assert!(legend.contains("as of 02-25"), "{legend}");
    assert!(
        !legend.contains("99%") && legend.contains("02-22 93%"),
        "{legend}"
    );
}

#[test]
fn brackets_stop_on_each_report_date_of_a_series() {
    // From 3月19日 back: the 3月18日 report, the department's publication
    // of 2月29日, then the reports of 2月28日 and 2月22日.
    let mut a = app(Lang::En, Theme::DARK);
    let mut seen = Vec::new();
    for _ in 0..4 {
        step(&mut a, &[Action::EarlierEvent]);
        seen.push(a.as_of().map(|d| d.to_string()).unwrap_or_default());
    }
    assert_eq!(
        seen,
        ["2020-03-18", "2020-02-29", "2020-02-28", "2020-02-22"]
    );
}
