//! Random input: sequences of keys, mouse events, resizes (0x0 and 1x1
//! among them) and reloads against random datasets (empty, one record, a
//! few, 10,000 records; long, wide and hostile labels). The dashboard never
//! panics, every selection stays within its list and on screen, and every
//! state renders.

mod support;

use std::sync::OnceLock;

use fugong::app::{App, Overlay};
use fugong::content::Target;
use fugong::data::{self, Lang, Loaded, RecordRef};
use fugong::input::{self, Action};
use fugong::panel::Panel;
use fugong::theme::Theme;
use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// Datasets
// ---------------------------------------------------------------------------

fn long_label() -> String {
    "中文a测试b，。c".repeat(60).chars().take(500).collect()
}

/// Labels: ASCII, Chinese, the wide glyphs, 500 characters, hostile.
fn label(i: usize) -> String {
    match i % 12 {
        0 => "复工率".into(),
        1 => "Work resumption rate".into(),
        2 => "中文测试".into(),
        3 => "a中b".into(),
        4 => "，。".into(),
        5 => "ｶﾞ".into(),
        6 => "👩\u{200d}🔬".into(),
        7 => "1\u{fe0f}\u{20e3}".into(),
        8 => "🇨🇳".into(),
        9 => long_label(),
        10 => "\u{1b}[2J\u{202e}\u{1b}]0;t\u{7}x".into(),
        _ => "x".into(),
    }
}

fn text(a: usize, b: usize) -> Value {
    json!({"zh": label(a), "en": label(b)})
}

const RATES: [(f64, &str); 6] = [
    (0.0, "0%"),
    (12.5, "12.5%"),
    (50.0, "50%"),
    (98.3, "98.3%"),
    (99.99, "99.99%"),
    (100.0, "100%"),
];
const COUNTS: [u64; 7] = [0, 1, 7, 298, 23_000, 10_000_000, u64::MAX];
const CATEGORIES: [&str; 10] = [
    "cadres",
    "workers",
    "staff",
    "commando",
    "jobs",
    "enterprises",
    "teams",
    "supplies",
    "physical",
    "duration",
];

/// The shape of a random dataset; `seeds` pick labels and values.
#[derive(Debug, Clone)]
struct Spec {
    places: usize,
    rates: usize,
    counts: usize,
    events: usize,
    projects: usize,
    seeds: Vec<usize>,
}

impl Spec {
    fn seed(&self, k: usize) -> usize {
        if self.seeds.is_empty() {
            k
        } else {
            self.seeds[k % self.seeds.len()].wrapping_add(k / self.seeds.len())
        }
    }
}

/// Records of one series (the same `key` fields) on one date are refused
/// by check: each such record but the first, and every undated one, gets
/// its index in its label, so the random datasets stay valid and keep
/// their other series.
fn apart(records: &mut [Value], key: &[&str]) {
    let mut seen = std::collections::HashSet::new();
    for (i, r) in records.iter_mut().enumerate() {
        let date = r["when"].get("date").cloned().unwrap_or(Value::Null);
        let k: Vec<String> = key
            .iter()
            .map(|f| r[*f].to_string())
            .chain([date.to_string()])
            .collect();
        // An undated record is as of the report, whichever date that is.
        if !seen.insert(k) || date.is_null() {
            let zh = format!("{} {i}", r["label"]["zh"].as_str().unwrap_or(""));
            r["label"]["zh"] = zh.into();
        }
    }
}

/// A valid dataset of the given shape, as JSON text.
fn build(spec: &Spec) -> String {
    let s = |k: usize| spec.seed(k);
    let places: Vec<Value> = (0..spec.places)
        .map(|i| {
            let mut p = json!({"id": format!("place-{i}"), "province": text(s(i), s(i + 1))});
            if i % 2 == 1 {
                p["county"] = text(s(i + 2), s(i + 3));
            }
            p
        })
        .collect();
    let place = |i: usize| (spec.places > 0).then(|| format!("place-{}", i % spec.places));
    let orgs: Vec<Value> = (0..spec.places.min(2))
        .map(|i| json!({"id": format!("org-{i}"), "name": text(s(i + 5), s(i + 6)), "place": format!("place-{i}")}))
        .collect();
    let org = |i: usize| (!orgs.is_empty()).then(|| format!("org-{}", i % orgs.len()));
    let rates: Vec<Value> = (0..spec.rates)
        .map(|i| {
            let (value, figure) = RATES[s(i * 3) % RATES.len()];
            json!({
                "id": format!("rate-{i}"), "label": text(s(i * 3 + 1), s(i * 3 + 2)),
                "value": value, "figure": figure, "place": place(i), "organisation": org(i),
                "when": {"date": format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28), "relation": "as_of"},
                "source": {"paragraph": 1, "quote": format!("{}{figure}", label(s(i)))}
            })
        })
        .collect();
    let counts: Vec<Value> = (0..spec.counts)
        .map(|i| {
            let value = COUNTS[s(i * 5) % COUNTS.len()];
            let when = if s(i * 5 + 3) % 4 == 0 {
                json!({"precision": "undated", "relation": "as_of"})
            } else {
                json!({"date": format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28)})
            };
            json!({
                "id": format!("count-{i}"), "label": text(s(i * 5 + 1), s(i * 5 + 2)),
                "category": CATEGORIES[s(i * 5 + 4) % CATEGORIES.len()],
                "value": value, "unit": text(s(i + 7), s(i + 8)), "figure": value.to_string(),
                "place": place(i + 1), "organisation": org(i + 1), "when": when,
                "source": {"paragraph": 2, "quote": format!("共{value}")}
            })
        })
        .collect();
    let (mut rates, mut counts) = (rates, counts);
    apart(&mut rates, &["label", "organisation", "place"]);
    apart(
        &mut counts,
        &["label", "organisation", "place", "unit", "category"],
    );
    let events: Vec<Value> = (0..spec.events)
        .map(|i| {
            let (m, d) = (1 + i % 12, 1 + (i * 7) % 28);
            let (when, figure) = match s(i * 4) % 5 {
                0 => (
                    json!({"precision": "winter", "relation": "before"}),
                    "入冬".to_string(),
                ),
                1 => (json!({"precision": "undated"}), "目前".to_string()),
                _ => (
                    json!({"date": format!("2020-{m:02}-{d:02}")}),
                    format!("{m}月{d}日"),
                ),
            };
            json!({
                "id": format!("event-{i}"), "label": text(s(i * 4 + 1), s(i * 4 + 2)),
                "status": if s(i * 4 + 3) % 2 == 0 { "done" } else { "planned" },
                "when": when, "figure": figure, "place": place(i), "organisation": org(i),
                "source": {"paragraph": 3, "quote": format!("于{figure}")}
            })
        })
        .collect();
    let projects: Vec<Value> = (0..spec.projects)
        .map(|i| {
            let ev: Vec<String> = (0..spec.events)
                .filter(|e| (e + i) % 3 == 0)
                .map(|e| format!("event-{e}"))
                .collect();
            let figs: Vec<String> = (0..spec.rates)
                .map(|r| format!("rate-{r}"))
                .chain((0..spec.counts).map(|c| format!("count-{c}")))
                .filter(|_| s(i) % 2 == 0)
                .take(20)
                .collect();
            json!({
                "id": format!("project-{i}"), "name": text(s(i + 9), s(i + 10)),
                "summary": text(9, s(i + 11)), "organisation": org(i), "place": place(i),
                "events": ev, "figures": figs
            })
        })
        .collect();
    let ds = json!({
        "schema_version": 1,
        "title": text(s(0), s(1)),
        "source": {"title": text(2, 3), "paragraphs": 3},
        "year": {"value": 2020, "inferred": true, "reason": text(9, 10)},
        "places": places, "organisations": orgs, "rates": rates, "counts": counts,
        "events": events, "projects": projects
    });
    // Optional references that are None are written as null, which the
    // format accepts for an optional field.
    ds.to_string()
}

fn load(spec: &Spec) -> Loaded {
    let text = build(spec);
    data::load_str(&text, "random").unwrap_or_else(|e| panic!("{spec:?}: {:#?}", e.problems))
}

/// 10,000 counts, 100 rates, 300 events and 30 projects, built and checked
/// once for every case that uses it.
fn huge() -> &'static Loaded {
    static HUGE: OnceLock<Loaded> = OnceLock::new();
    HUGE.get_or_init(|| {
        load(&Spec {
            places: 3,
            rates: 100,
            counts: 10_000,
            events: 300,
            projects: 30,
            seeds: (0..97).collect(),
        })
    })
}

#[derive(Debug, Clone)]
enum Data {
    Empty,
    One(usize),
    Random(Spec),
    Huge,
}

fn data_strategy() -> impl Strategy<Value = Data> {
    let spec = (
        0usize..4,
        0usize..7,
        0usize..14,
        0usize..9,
        0usize..4,
        prop::collection::vec(0usize..1000, 1..12),
    )
        .prop_map(|(places, rates, counts, events, projects, seeds)| Spec {
            places,
            rates,
            counts,
            events,
            projects,
            seeds,
        });
    prop_oneof![
        1 => Just(Data::Empty),
        2 => (0usize..5).prop_map(Data::One),
        6 => spec.prop_map(Data::Random),
        1 => Just(Data::Huge),
    ]
}

fn loaded(d: &Data) -> Loaded {
    let zero = Spec {
        places: 0,
        rates: 0,
        counts: 0,
        events: 0,
        projects: 0,
        seeds: vec![],
    };
    match d {
        Data::Empty => load(&zero),
        Data::One(kind) => load(&Spec {
            places: usize::from(*kind == 4),
            rates: usize::from(*kind == 0),
            counts: usize::from(*kind == 1),
            events: usize::from(*kind == 2),
            projects: usize::from(*kind == 3),
            seeds: vec![9],
        }),
        Data::Random(spec) => load(spec),
        Data::Huge => huge().clone(),
    }
}

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Input {
    Event(Event),
    /// Rewrites the watched file with one of a few versions, then reloads.
    Reload(usize),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    // Every key the keymap binds, as-of moves and copy included.
    let keys = "1234567890hjklgGsSLpcqQe/?x中 []{}ay";
    let chars: Vec<char> = keys.chars().collect();
    prop_oneof![
        6 => prop::sample::select(chars).prop_map(KeyCode::Char),
        1 => prop::sample::select(vec!['\u{1b}', '\u{202e}', '\u{0}', '\u{9b}', '\u{7f}', '\u{200b}'])
            .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
        1 => Just(KeyModifiers::CONTROL | KeyModifiers::SHIFT),
    ]
}

fn coordinate() -> impl Strategy<Value = u16> {
    prop_oneof![8 => 0u16..130, 1 => 130u16..400, 1 => Just(u16::MAX)]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => Just((0, 0)),
        1 => Just((1, 1)),
        1 => Just((59, 15)),
        1 => Just((60, 16)),
        1 => (0u16..=1, 0u16..=200),
        6 => (20u16..=180, 5u16..=60),
        1 => (180u16..=300, 60u16..=100),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    let key = (key_code(), modifiers(), 0u8..10).prop_map(|(code, modifiers, k)| {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: match k {
                0 => KeyEventKind::Release,
                1 => KeyEventKind::Repeat,
                _ => KeyEventKind::Press,
            },
            state: KeyEventState::NONE,
        })
    });
    let mouse = (
        prop::sample::select(vec![
            MouseEventKind::Down(MouseButton::Left),
            MouseEventKind::Down(MouseButton::Right),
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Drag(MouseButton::Left),
            MouseEventKind::Moved,
            MouseEventKind::ScrollUp,
            MouseEventKind::ScrollDown,
            MouseEventKind::ScrollLeft,
        ]),
        coordinate(),
        coordinate(),
    )
        .prop_map(|(kind, column, row)| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        });
    prop_oneof![
        12 => key.prop_map(Input::Event),
        5 => mouse.prop_map(Input::Event),
        3 => size().prop_map(|(w, h)| Input::Event(Event::Resize(w, h))),
        1 => Just(Input::Event(Event::Paste("\u{1b}[2J\u{202e}粘贴".into()))),
        1 => Just(Input::Event(Event::FocusLost)),
        1 => (0usize..5).prop_map(Input::Reload),
    ]
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

/// How many records a panel's list indexes.
fn collection_len(app: &App, panel: Panel) -> usize {
    let ds = &app.data().dataset;
    match panel {
        Panel::Overview | Panel::Rates => ds.rates.len(),
        Panel::Workforce => ds.counts.len(),
        Panel::Timeline => ds.events.len(),
        Panel::Projects => ds.projects.len(),
        Panel::Checks => app.data().checks.len(),
        Panel::Article => app.spots().len(),
    }
}

/// Every selection within its list, on screen, and every index valid.
fn check_state(app: &App) -> Result<(), String> {
    for panel in Panel::ALL {
        let v = app.view(panel);
        let n = collection_len(app, panel);
        let mut seen = vec![false; n];
        for &r in &v.rows {
            if r >= n {
                return Err(format!("{panel:?}: row {r} of {n} records"));
            }
            if std::mem::replace(&mut seen[r], true) {
                return Err(format!("{panel:?}: row {r} listed twice"));
            }
        }
        if v.rows.is_empty() {
            if v.selected != 0 {
                return Err(format!("{panel:?}: selected {} of no rows", v.selected));
            }
        } else if v.selected >= v.rows.len() {
            return Err(format!(
                "{panel:?}: selected {} of {} rows",
                v.selected,
                v.rows.len()
            ));
        }
        if !v.rows.is_empty() && v.offset > v.selected {
            return Err(format!(
                "{panel:?}: the first visible row {} is below the selection {}",
                v.offset, v.selected
            ));
        }
    }
    let v = app.view(app.panel());
    let h = app.list_height();
    if !fugong::layout::too_small(app.area())
        && h > 0
        && !v.rows.is_empty()
        && v.selected >= v.offset + h
    {
        return Err(format!(
            "{:?}: selection {} is off screen (rows {}..{})",
            app.panel(),
            v.selected,
            v.offset,
            v.offset + h
        ));
    }
    if let Some(p) = app.province()
        && !app.provinces().contains(p)
    {
        return Err(format!("province {p:?} is not one of the dataset's"));
    }
    if let Some(Overlay::Detail { target }) = &app.overlay().cloned() {
        let ds = &app.data().dataset;
        let ok = match *target {
            Target::Record(RecordRef::Rate(i)) => i < ds.rates.len(),
            Target::Record(RecordRef::Count(i)) => i < ds.counts.len(),
            Target::Record(RecordRef::Event(i)) => i < ds.events.len(),
            Target::Record(RecordRef::Project(i)) => i < ds.projects.len(),
            Target::Record(RecordRef::Place(i)) => i < ds.places.len(),
            Target::Record(RecordRef::Organisation(i)) => i < ds.organisations.len(),
            Target::Record(RecordRef::Change(i)) => i < ds.changes.len(),
            Target::Record(RecordRef::Person(i)) => i < ds.people.len(),
            Target::Check(i) => i < app.data().checks.len(),
        };
        if !ok {
            return Err(format!("detail of a record that is gone: {target:?}"));
        }
    }
    Ok(())
}

/// The files a `Reload` writes: valid datasets of other shapes, an invalid
/// one, and none at all.
fn reload_file(path: &std::path::Path, which: usize) {
    let text = match which {
        0 => data::EMBEDDED.to_string(),
        1 => include_str!("data/minimal.json").to_string(),
        2 => build(&Spec {
            places: 1,
            rates: 1,
            counts: 1,
            events: 1,
            projects: 0,
            seeds: vec![4, 9],
        }),
        3 => "{\"schema_version\": 1, \"title\": ".to_string(),
        _ => {
            let _ = std::fs::remove_file(path);
            return;
        }
    };
    std::fs::write(path, text).expect("write the watched file");
}

fn run(data: &Data, lang: Lang, inputs: &[Input]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watched = dir.path().join("watched.json");
    let mut app = App::new(loaded(data), lang, Theme::DARK).watching(Some(watched.clone()));
    for (i, inp) in inputs.iter().enumerate() {
        let action = match inp {
            Input::Event(e) => input::action(e, app.mode(), app.panel()),
            Input::Reload(which) => {
                reload_file(&watched, *which);
                Some(Action::FileChanged)
            }
        };
        if let Some(a) = action {
            support::apply(&mut app, a);
        }
        let buf = support::render(&app);
        prop_assert_eq!(buf.area, app.area());
        if let Err(e) = check_state(&app) {
            return Err(TestCaseError::fail(format!(
                "after input {i} ({inp:?} → {action:?}): {e}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 64, max_shrink_iters: 200, ..Config::default() })]

    /// Keys, mouse, resizes and reloads never panic, keep every selection
    /// within bounds and on screen, and always render.
    #[test]
    fn random_input_never_breaks_the_dashboard(
        data in data_strategy(),
        lang in prop::sample::select(vec![Lang::Zh, Lang::En, Lang::Both]),
        inputs in prop::collection::vec(input(), 1..48),
    ) {
        run(&data, lang, &inputs)?;
    }
}

/// The generator makes what the properties need: each shape loads, and the
/// 10,000-record dataset is there once.
#[test]
fn datasets_of_every_shape_load() {
    for kind in 0..5 {
        let ds = loaded(&Data::One(kind)).dataset;
        let sizes = [
            ds.rates.len(),
            ds.counts.len(),
            ds.events.len(),
            ds.projects.len(),
            ds.places.len(),
        ];
        let mut one = [0; 5];
        one[kind] = 1;
        assert_eq!(sizes, one, "one record of kind {kind}");
    }
    let empty = loaded(&Data::Empty).dataset;
    assert!(empty.rates.is_empty() && empty.counts.is_empty() && empty.events.is_empty());
    let h = huge();
    assert_eq!(h.dataset.counts.len(), 10_000);
    let spec = Spec {
        places: 3,
        rates: 6,
        counts: 13,
        events: 8,
        projects: 3,
        seeds: (0..12).collect(),
    };
    let ds = loaded(&Data::Random(spec)).dataset;
    assert_eq!(
        (
            ds.rates.len(),
            ds.counts.len(),
            ds.events.len(),
            ds.projects.len()
        ),
        (6, 13, 8, 3)
    );
}

/// A fixed walk over the 10,000 records: to the end and back, filters,
/// sorts, clicks and the wheel, at a large and a tiny size; then every popup.
#[test]
fn ten_thousand_records_scroll_and_filter() {
    let mut app = App::new(huge().clone(), Lang::Both, Theme::DARK);
    let step = |app: &mut App, a: Action, what: &str| {
        app.update(a);
        support::assert_cells(&support::render(app), &format!("{what} after {a:?}"));
        if let Err(e) = check_state(app) {
            panic!("{what} after {a:?}: {e}");
        }
    };
    for (w, h) in [(200, 60), (60, 16), (0, 0), (1, 1)] {
        app.update(Action::Resize(w, h));
        for panel in Panel::ALL {
            for a in [
                Action::GoPanel(panel),
                Action::Bottom,
                Action::PageUp,
                Action::CycleSort,
                Action::FlipSort,
                Action::Top,
                Action::PageDown,
                Action::StartFilter,
                Action::FilterChar('中'),
                Action::FilterDone,
                Action::Bottom,
                Action::Back,
                Action::Click(w / 2, h / 2),
                Action::Scroll(w / 2, h / 2, 1),
            ] {
                step(&mut app, a, &format!("{panel:?} {w}x{h}"));
            }
        }
    }
    app.update(Action::Resize(80, 24));
    for panel in Panel::ALL {
        for a in [
            Action::GoPanel(panel),
            Action::Bottom,
            Action::Open,
            Action::Bottom,
            Action::Back,
        ] {
            step(&mut app, a, &format!("{panel:?} popup"));
        }
    }
}

/// A detail popup over 10,000 records of one organisation lists how many
/// are related and shows the first twelve, whatever the number (its cost is
/// measured by the benchmarks), and scrolls line by line to its last line.
#[test]
fn a_detail_popup_over_ten_thousand_records_lists_twelve() {
    let mut app = App::new(huge().clone(), Lang::En, Theme::DARK);
    app.update(Action::Resize(100, 60));
    app.update(Action::GoPanel(Panel::Workforce));
    app.update(Action::Open);
    let lines = fugong::ui::popup_text(&app);
    let related = lines
        .iter()
        .find(|l| l.starts_with("Related ("))
        .unwrap_or_else(|| panic!("no Related heading: {lines:#?}"));
    let n: usize = related
        .trim_start_matches("Related (")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    assert!(n > 12, "{related}");
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with(&format!("… +{}", n - 12))),
        "{lines:#?}"
    );
    // On a shorter screen the popup scrolls: its title says where, each
    // Down moves it one line, and the last Down shows the "… +n" line.
    app.update(Action::Resize(100, 30));
    let max = app.popup_max_scroll();
    assert!(max > 0, "the popup is taller than the screen");
    let mut first = None;
    for k in 0..=max + 1 {
        if k > 0 {
            app.update(Action::Down);
        }
        let buf = support::render(&app);
        support::assert_cells(&buf, &format!("after {k} Down"));
        let rows = support::lines(&buf);
        let top = rows
            .iter()
            .position(|r| r.contains('╔'))
            .unwrap_or_else(|| panic!("no popup after {k} Down"));
        let at = k.min(max) + 1;
        let title = format!("↕ {at}/{} ", max + 1);
        assert!(rows[top].contains(&title), "{title:?} in {:?}", rows[top]);
        let line = rows[top + 1].clone();
        if k <= max {
            assert_ne!(first.as_ref(), Some(&line), "Down {k} scrolls the popup");
        } else {
            assert_eq!(first.as_ref(), Some(&line), "past the end it stays");
        }
        first = Some(line);
    }
    let screen = support::screen_text(&support::render(&app));
    assert!(screen.contains(&format!("… +{}", n - 12)), "{screen}");
}
