//! Numbers at and past their limits: 0, negative, 101 %, 1e308, u64::MAX and
//! friends, wherever the schema takes a number. Each is either refused by
//! `check` with a line that names it, or loaded and drawn (clamped where a
//! widget needs it) without a panic, in every panel and every detail popup.

mod support;

use fugong::data::{self, Lang, Loaded};
use fugong::input::Action;
use serde_json::{Value, json};
use support::{
    PANELS, app_with, assert_cells, assert_no_panic, draw, fugong, render_at, screen_text,
};

const MINIMAL: &str = include_str!("data/minimal.json");
const U64_MAX: &str = "18446744073709551615";

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

/// A number JSON holds as written, even one no Rust type takes.
fn raw(n: &str) -> Value {
    serde_json::from_str(n).unwrap_or_else(|_| Value::String(format!("not a JSON number: {n}")))
}

/// Adds a count of workers with `value` written as `figure`.
fn add_count(v: &mut Value, id: &str, value: Value, figure: &str) {
    v["counts"].as_array_mut().unwrap().push(json!({
        "id": id,
        "label": {"zh": format!("极值 {id}"), "en": format!("Extreme {id}")},
        "category": "workers",
        "value": value,
        "unit": {"zh": "人", "en": "people"},
        "figure": figure,
        "place": "place-a",
        "when": {"date": "2020-03-25"},
        "source": {"paragraph": 1, "quote": format!("共{figure}人")}
    }));
}

/// The rate `rates[0]` stated as `value` and `figure`, with no numerator or
/// denominator to check it against.
fn set_rate(v: &mut Value, value: Value, figure: &str) {
    let r = &mut v["rates"][0];
    r["value"] = value;
    r["figure"] = figure.into();
    r["source"]["quote"] = format!("复工率{figure}").into();
    let r = r.as_object_mut().unwrap();
    r.remove("numerator");
    r.remove("denominator");
}

/// `events[1]` (derived) as `days` days before `events[0]` (2020-03-22).
fn days_before(v: &mut Value, days: Value, figure: &str, date: &str) {
    add_count(v, "count-days", days, figure);
    let last = v["counts"].as_array().unwrap().len() - 1;
    v["counts"][last]["category"] = "duration".into();
    v["events"][1]["derivation"] =
        json!({"kind": "days_before", "days": "count-days", "before": "event-flight"});
    v["events"][1]["when"]["date"] = date.into();
}

/// A date `days` before 2020-03-22, as the dataset writes it.
fn before_flight(days: i64) -> String {
    let d = time::Date::from_calendar_date(2020, time::Month::March, 22).unwrap()
        - time::Duration::days(days);
    fugong::fmt::iso(d)
}

enum Expect {
    /// Loads; the text must appear somewhere in the detail popups.
    Shown(&'static str),
    /// Loads; drawn once per panel (a frame of it is slow, see
    /// `a_long_time_axis_draws_quickly`); the text is in the Timeline.
    ShownOnce(&'static str),
    /// Refused; a problem contains the text.
    Refused(&'static str),
}
use Expect::{Refused, Shown, ShownOnce};

type Case = (&'static str, Box<dyn Fn(&mut Value)>, Expect);

fn cases() -> Vec<Case> {
    vec![
        // Rates: percent, 0 to 100; the gauge takes value / 100.
        (
            "rate 0%",
            Box::new(|v| set_rate(v, 0.into(), "0%")),
            Shown("0%"),
        ),
        (
            "rate 100%",
            Box::new(|v| set_rate(v, 100.into(), "100%")),
            Shown("100%"),
        ),
        (
            "rate 100% of u64::MAX / u64::MAX",
            Box::new(|v| {
                add_count(v, "count-max", raw(U64_MAX), U64_MAX);
                let r = &mut v["rates"][0];
                r["value"] = 100.into();
                r["figure"] = "100%".into();
                r["source"]["quote"] = "复工率100%".into();
                r["numerator"] = "count-max".into();
                r["denominator"] = "count-max".into();
            }),
            Shown("18,446,744,073,709,551,615"),
        ),
        (
            "rate -1%",
            Box::new(|v| set_rate(v, (-1).into(), "-1%")),
            Refused("rates[0]"),
        ),
        (
            "rate -0.5",
            Box::new(|v| set_rate(v, raw("-0.5"), "0%")),
            Refused("rates[0].value: -0.5 is not a percentage"),
        ),
        (
            "rate 101%",
            Box::new(|v| set_rate(v, 101.into(), "101%")),
            Refused("rates[0].value: 101 is not a percentage between 0 and 100"),
        ),
        (
            "rate 100.0001%",
            Box::new(|v| set_rate(v, raw("100.0001"), "100.0001%")),
            Refused("rates[0].value: 100.0001 is not a percentage"),
        ),
        (
            "rate 1e308",
            Box::new(|v| set_rate(v, raw("1e308"), "98.3%")),
            Refused("rates[0].value"),
        ),
        (
            "rate -1e308",
            Box::new(|v| set_rate(v, raw("-1e308"), "98.3%")),
            Refused("rates[0].value"),
        ),
        (
            "rate 1e400",
            Box::new(|v| set_rate(v, raw("1e400"), "98.3%")),
            Refused("rates[0].value"),
        ),
        (
            "rate u64::MAX",
            Box::new(|v| set_rate(v, raw(U64_MAX), "98.3%")),
            Refused("rates[0].value"),
        ),
        (
            "rate figure 1e308%",
            Box::new(|v| set_rate(v, 98.3.into(), "1e308%")),
            Refused("rates[0].figure"),
        ),
        (
            "rate figure of 400 nines",
            Box::new(|v| set_rate(v, 100.into(), &format!("{}%", "9".repeat(400)))),
            Refused("rates[0].value"),
        ),
        (
            "rate numerator above denominator",
            Box::new(|v| {
                add_count(v, "count-max", raw(U64_MAX), U64_MAX);
                v["rates"][0]["numerator"] = "count-max".into();
            }),
            Refused(
                "rates[0].numerator: numerator 18446744073709551615 is above its denominator 478",
            ),
        ),
        (
            "rate over a zero denominator",
            Box::new(|v| {
                add_count(v, "count-zero", 0.into(), "0");
                v["rates"][0]["denominator"] = "count-zero".into();
            }),
            Refused("denominator is zero"),
        ),
        // Counts: u64.
        (
            "count 0",
            Box::new(|v| add_count(v, "count-zero", 0.into(), "0")),
            Shown("0人"),
        ),
        (
            "count 零",
            Box::new(|v| add_count(v, "count-zero", 0.into(), "零")),
            Shown("“零”"),
        ),
        (
            "count u64::MAX",
            Box::new(|v| add_count(v, "count-max", raw(U64_MAX), U64_MAX)),
            Shown("18,446,744,073,709,551,615"),
        ),
        (
            "count u64::MAX and 1",
            Box::new(|v| {
                add_count(v, "count-max", raw(U64_MAX), U64_MAX);
                add_count(v, "count-one", 1.into(), "1");
            }),
            Shown("18,446,744,073,709,551,615"),
        ),
        (
            "count 10^19 in 万",
            Box::new(|v| {
                add_count(
                    v,
                    "count-big",
                    raw("10000000000000000000"),
                    "1000000000000000万",
                )
            }),
            Shown("10,000,000,000,000,000,000"),
        ),
        (
            "count -1",
            Box::new(|v| add_count(v, "count-neg", (-1).into(), "-1")),
            Refused("counts[4].value"),
        ),
        (
            "count 1.5",
            Box::new(|v| add_count(v, "count-frac", raw("1.5"), "1.5")),
            Refused("counts[4].value"),
        ),
        (
            "count 1e308",
            Box::new(|v| add_count(v, "count-huge", raw("1e308"), "1")),
            Refused("counts[4].value"),
        ),
        (
            "count u64::MAX + 1",
            Box::new(|v| {
                add_count(
                    v,
                    "count-over",
                    raw("18446744073709551616"),
                    "18446744073709551616",
                )
            }),
            Refused("counts[4].value"),
        ),
        (
            "count figure past u64",
            Box::new(|v| add_count(v, "count-fig", raw(U64_MAX), "99999999999999999999999")),
            Refused("counts[4].value"),
        ),
        (
            "count figure in 亿亿亿",
            Box::new(|v| add_count(v, "count-yi", 1.into(), "一亿亿亿亿亿")),
            Refused("counts[4]"),
        ),
        // Paragraphs: u32, 1 to the article's count.
        (
            "paragraph 0",
            Box::new(|v| v["rates"][0]["source"]["paragraph"] = 0.into()),
            Refused("paragraph 0 is outside the article's 1-3"),
        ),
        (
            "paragraph -1",
            Box::new(|v| v["rates"][0]["source"]["paragraph"] = (-1).into()),
            Refused("rates[0].source.paragraph"),
        ),
        (
            "paragraph u32::MAX",
            Box::new(|v| v["rates"][0]["source"]["paragraph"] = u32::MAX.into()),
            Refused("paragraph 4294967295 is outside"),
        ),
        (
            "paragraph u32::MAX + 1",
            Box::new(|v| v["rates"][0]["source"]["paragraph"] = (u64::from(u32::MAX) + 1).into()),
            Refused("rates[0].source.paragraph"),
        ),
        (
            "paragraphs 0",
            Box::new(|v| v["source"]["paragraphs"] = 0.into()),
            Refused("outside the article's 1-0"),
        ),
        (
            "paragraphs and paragraph u32::MAX",
            Box::new(|v| {
                v["source"]["paragraphs"] = u32::MAX.into();
                v["rates"][0]["source"]["paragraph"] = u32::MAX.into();
            }),
            Shown("4294967295 / 4294967295"),
        ),
        // The year: i32.
        (
            "year 0",
            Box::new(|v| v["year"]["value"] = 0.into()),
            Refused("not in the dataset's year 0"),
        ),
        (
            "year -1",
            Box::new(|v| v["year"]["value"] = (-1).into()),
            Refused("not in the dataset's year -1"),
        ),
        (
            "year i32::MAX",
            Box::new(|v| v["year"]["value"] = i32::MAX.into()),
            Refused("year 2147483647"),
        ),
        (
            "year i32::MIN",
            Box::new(|v| v["year"]["value"] = i32::MIN.into()),
            Refused("year -2147483648"),
        ),
        (
            "year i32::MAX + 1",
            Box::new(|v| v["year"]["value"] = (i64::from(i32::MAX) + 1).into()),
            Refused("year.value"),
        ),
        (
            "year 1e308",
            Box::new(|v| v["year"]["value"] = raw("1e308")),
            Refused("year.value"),
        ),
        // The schema version: u32.
        (
            "schema_version 0",
            Box::new(|v| v["schema_version"] = 0.into()),
            Refused("schema_version: 0 is not supported"),
        ),
        (
            "schema_version u32::MAX",
            Box::new(|v| v["schema_version"] = u32::MAX.into()),
            Refused("schema_version: 4294967295 is not supported"),
        ),
        (
            "schema_version -1",
            Box::new(|v| v["schema_version"] = (-1).into()),
            Refused("schema_version"),
        ),
        (
            "schema_version 1e308",
            Box::new(|v| v["schema_version"] = raw("1e308")),
            Refused("schema_version"),
        ),
        // Derived dates: a day number or a count of days, as large as a u64.
        (
            "day number u64::MAX",
            Box::new(|v| {
                let c = &mut v["counts"][3];
                c["value"] = raw(U64_MAX);
                c["figure"] = U64_MAX.into();
                c["source"]["quote"] = format!("第{U64_MAX}天").into();
            }),
            Refused("events[1].when.date"),
        ),
        (
            "day number 0",
            Box::new(|v| {
                let c = &mut v["counts"][3];
                c["value"] = 0.into();
                c["figure"] = "零".into();
                c["source"]["quote"] = "第零天".into();
                v["events"][1]["when"]["date"] = "2020-03-22".into();
            }),
            Shown("2020-03-22"),
        ),
        (
            "0 days before",
            Box::new(|v| days_before(v, 0.into(), "0", "2020-03-22")),
            Shown("2020-03-22"),
        ),
        (
            "2,900,000 days before: year -5920",
            Box::new(|v| {
                days_before(v, 2_900_000.into(), "2900000", &before_flight(2_900_000));
            }),
            ShownOnce("-5920"),
        ),
        (
            "5,000,000 days before: past the calendar",
            Box::new(|v| {
                days_before(v, 5_000_000.into(), "5000000", "2020-03-22");
            }),
            Refused("(no date)"),
        ),
        (
            "u64::MAX days before",
            Box::new(|v| days_before(v, raw(U64_MAX), U64_MAX, "2020-03-22")),
            Refused("(no date)"),
        ),
        // Dates and times.
        (
            "date 2020-02-30",
            Box::new(|v| v["rates"][0]["when"]["date"] = "2020-02-30".into()),
            Refused("rates[0].when.date"),
        ),
        (
            "date +10000",
            Box::new(|v| v["rates"][0]["when"]["date"] = "+10000-01-01".into()),
            Refused("rates[0].when.date"),
        ),
        (
            "date 1e308",
            Box::new(|v| v["rates"][0]["when"]["date"] = raw("1e308")),
            Refused("rates[0].when.date"),
        ),
        (
            "time 24:00",
            Box::new(|v| v["events"][0]["when"]["time"] = "24:00".into()),
            Refused("events[0].when.time"),
        ),
        (
            "time 23:59",
            Box::new(|v| v["events"][0]["when"]["time"] = "23:59".into()),
            Shown("23:59"),
        ),
    ]
}

fn load(case: &Case) -> Result<Loaded, data::Invalid> {
    let mut v = minimal();
    (case.1)(&mut v);
    data::load_str(&serde_json::to_string_pretty(&v).unwrap(), "numbers.json")
}

/// Every panel in every language at three sizes, with every row's detail
/// popup; returns the text of the popups.
fn draw_everything(loaded: &Loaded) -> String {
    let mut popups = String::new();
    for lang in [Lang::Zh, Lang::Both] {
        for (w, h) in [(60, 16), (200, 50)] {
            let mut a = app_with(loaded, lang);
            for panel in PANELS {
                a.update(Action::GoPanel(panel));
                a.update(Action::Top);
                let ctx = format!("{panel:?} {lang:?} {w}x{h}");
                assert_cells(&render_at(&mut a, w, h), &ctx);
                for _ in 0..support::row_count(&a, panel) {
                    a.update(Action::Open);
                    let buf = render_at(&mut a, w, h);
                    assert_cells(&buf, &ctx);
                    if w == 200 {
                        popups.push_str(&screen_text(&buf));
                    }
                    a.update(Action::Back);
                    a.update(Action::Down);
                    assert_cells(&render_at(&mut a, w, h), &ctx);
                }
            }
        }
    }
    popups
}

#[test]
fn limits_are_refused_or_drawn() {
    for case in cases() {
        let (name, _, expect) = &case;
        match (load(&case), expect) {
            (Ok(loaded), Shown(text)) => {
                let popups = draw_everything(&loaded);
                assert!(popups.contains(text), "{name}: {text:?} is not shown");
            }
            (Ok(loaded), ShownOnce(text)) => {
                let mut a = app_with(&loaded, Lang::Both);
                for panel in PANELS {
                    a.update(Action::GoPanel(panel));
                    let buf = render_at(&mut a, 200, 50);
                    assert_cells(&buf, &format!("{name}: {panel:?}"));
                    if panel == fugong::panel::Panel::Timeline {
                        assert!(screen_text(&buf).contains(text), "{name}: {text:?}");
                    }
                }
            }
            (Err(invalid), Refused(text)) => assert!(
                invalid.problems.iter().any(|p| p.contains(text)),
                "{name}: no problem says {text:?}: {:#?}",
                invalid.problems
            ),
            (Ok(_), Refused(text)) => panic!("{name}: loaded, but should be refused ({text})"),
            (Err(invalid), Shown(_) | ShownOnce(_)) => {
                panic!("{name}: refused: {:#?}", invalid.problems)
            }
        }
    }
}

/// The gauge and the bars stay within their cells at the ends of the range.
#[test]
fn gauges_and_bars_at_the_ends_of_their_range() {
    for (value, figure, shown) in [(0, "0%", "0%"), (100, "100%", "100%")] {
        let mut v = minimal();
        set_rate(&mut v, value.into(), figure);
        add_count(&mut v, "count-zero", 0.into(), "0");
        add_count(&mut v, "count-max", raw(U64_MAX), U64_MAX);
        let loaded = data::load_str(&v.to_string(), "gauges.json").unwrap();
        let mut a = app_with(&loaded, Lang::En);
        a.update(Action::GoPanel(fugong::panel::Panel::Rates));
        let buf = render_at(&mut a, 120, 40);
        assert_cells(&buf, figure);
        let text = screen_text(&buf);
        assert!(text.contains(shown), "{text}");
        let full = text.matches('█').count();
        if value == 0 {
            assert_eq!(full, 0, "an empty gauge at 0%:\n{text}");
        } else {
            assert!(full > 100, "full bars at 100%:\n{text}");
        }
        // The Workforce chart scales 0 and u64::MAX to the same bar width.
        a.update(Action::GoPanel(fugong::panel::Panel::Workforce));
        a.update(Action::CycleCategory);
        a.update(Action::CycleCategory);
        let buf = render_at(&mut a, 120, 40);
        assert_cells(&buf, "chart");
    }
}

/// `check` as a person runs it: one line per problem, exit 1, no panic.
#[test]
fn check_refuses_limits_with_a_line() {
    let dir = tempfile::tempdir().unwrap();
    for (i, case) in cases().iter().enumerate() {
        let Refused(text) = case.2 else { continue };
        let mut v = minimal();
        (case.1)(&mut v);
        let path = dir.path().join(format!("{i}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        let out = fugong().arg("check").arg(&path).output().unwrap();
        assert_no_panic(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", case.0);
        assert!(stderr.contains(text), "{}: {stderr}", case.0);
    }
}

/// Derived dates may lie anywhere in the calendar (-9999 to 9999). The
/// time axis is as wide as the terminal, so its ticks are bounded by the
/// width whatever the span (its cost is measured by the benchmarks): over
/// 12,000 years they fall on years, not on each of 144,000 months.
#[test]
fn a_long_time_axis_ticks_by_width_not_by_span() {
    let days = 4_380_000; // back to the year -9972
    let mut v = minimal();
    days_before(&mut v, days.into(), &days.to_string(), &before_flight(days));
    let loaded = data::load_str(&v.to_string(), "span.json").unwrap();
    let mut a = app_with(&loaded, Lang::En);
    a.update(Action::GoPanel(fugong::panel::Panel::Timeline));
    let (w, h) = (120u16, 40u16);
    let buf = draw(&mut a, w, h);
    let ticks = buf.content().iter().filter(|c| c.symbol() == "┼").count();
    assert!(ticks >= 2, "the axis has ticks");
    assert!(
        ticks <= usize::from(w) / 4 + 2,
        "{ticks} ticks on a {w}-column axis"
    );
    // Labelled by year.
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("2020") || text.contains("2016"), "{text}");
}
