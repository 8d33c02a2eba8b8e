//! `--watch`: reloading the dataset file through `App::update(FileChanged)`,
//! and the file-system notifications of `term::watch` that trigger it.

mod support;

use std::fs;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use fugong::app::{App, Effect, Overlay};
use fugong::data::{self, Lang};
use fugong::input::Action;
use fugong::panel::Panel;
use notify::Watcher as _;
use serde_json::Value;
use support::{app_with, apply, assert_cells, draw, render_at, screen_text, step};

const DATASET: &str = include_str!("../assets/dataset.json");

fn dataset() -> Value {
    serde_json::from_str(DATASET).expect("the asset is JSON")
}

/// Writes `v`, after making sure it is a dataset fugong accepts.
fn write_valid(path: &Path, v: &Value) {
    let text = serde_json::to_string_pretty(v).unwrap();
    if let Err(e) = data::load_str(&text, "fixture") {
        panic!("the test's dataset must be valid: {:?}", e.problems);
    }
    fs::write(path, text).unwrap();
}

/// The dashboard on the file at `path`, watching it.
fn watched(path: &Path, lang: Lang) -> App {
    app_with(&data::load_path(path).expect("the copy loads"), lang)
        .watching(Some(path.to_path_buf()))
}

fn rate_label(app: &App, id: &str) -> String {
    app.data()
        .dataset
        .rates
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no rate {id}"))
        .label
        .en
        .clone()
}

/// Every panel's selection points at a listed row, or there are no rows.
#[track_caller]
fn assert_selections_in_bounds(app: &App) {
    for p in Panel::ALL {
        let v = app.view(p);
        assert!(
            v.selected < v.rows.len() || (v.rows.is_empty() && v.selected == 0),
            "{p:?}: selected {} of {} rows",
            v.selected,
            v.rows.len()
        );
        if !v.rows.is_empty() {
            assert!(app.selected_id(p).is_some(), "{p:?}");
        }
    }
}

#[test]
fn file_changed_reloads_and_keeps_the_last_good_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.json");
    fs::write(&path, DATASET).unwrap();
    let shown = path.display().to_string();
    let mut app = watched(&path, Lang::En);

    // No errors yet: `e` opens nothing, and says why.
    assert!(apply(&mut app, Action::ShowErrors).redraws());
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(
        app.notice(),
        Some("no reload problems: the data on screen is current")
    );

    // Select the second rate, and the third event on the Timeline.
    step(
        &mut app,
        &[
            Action::GoPanel(Panel::Timeline),
            Action::Down,
            Action::Down,
            Action::GoPanel(Panel::Rates),
            Action::Down,
        ],
    );
    let rate = app.selected_id(Panel::Rates).expect("a rate is selected");
    let event = app
        .selected_id(Panel::Timeline)
        .expect("an event is selected");
    assert_eq!(rate, "rate-rongchang-resumption");
    assert_eq!(app.view(Panel::Rates).selected_row(), Some(1));

    // A valid change: the label is new, and the selection follows the record
    // although it moved (the rates are reversed, so it is now the third).
    let mut v = dataset();
    v["rates"][1]["label"]["en"] = "Renamed once".into();
    v["rates"].as_array_mut().unwrap().reverse();
    v["events"].as_array_mut().unwrap().reverse();
    write_valid(&path, &v);
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert_eq!(rate_label(&app, &rate), "Renamed once");
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert_eq!(app.panel(), Panel::Rates);
    assert_eq!(
        app.selected_id(Panel::Rates).as_deref(),
        Some(rate.as_str())
    );
    assert_eq!(app.data().dataset.rates[2].id, rate);
    assert_eq!(app.view(Panel::Rates).selected_row(), Some(2));
    assert_eq!(
        app.selected_id(Panel::Timeline).as_deref(),
        Some(event.as_str())
    );
    assert_eq!(app.watched(), Some(path.as_path()), "still watching");
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(screen.contains("Renamed once"), "{screen}");

    // Invalid JSON: the data stays, the problem is recorded with the path.
    fs::write(&path, "{ \"schema_version\": 1, oops").unwrap();
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert_eq!(rate_label(&app, &rate), "Renamed once");
    assert_eq!(
        app.selected_id(Panel::Rates).as_deref(),
        Some(rate.as_str())
    );
    assert!(!app.reload_errors().is_empty());
    for e in app.reload_errors() {
        assert!(e.starts_with(&format!("{shown}: ")), "{e}");
    }
    assert!(
        app.reload_errors()[0].contains("invalid JSON"),
        "{:?}",
        app.reload_errors()
    );
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(
        screen.contains("reload failed"),
        "the footer says so: {screen}"
    );
    assert!(screen.contains("Renamed once"), "{screen}");

    // `e` opens the problems; Esc closes them.
    assert!(apply(&mut app, Action::ShowErrors).redraws());
    assert_eq!(app.overlay().cloned(), Some(Overlay::Errors));
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(
        screen.contains("Reload failed; showing the last good data"),
        "{screen}"
    );
    assert_eq!(
        apply(&mut app, Action::Back),
        Effect::Redraw,
        "Esc closes, never quits"
    );
    assert_eq!(app.overlay().cloned(), None);

    // A valid file that fails a check: also kept out, every problem listed.
    let mut bad = dataset();
    bad["rates"][0]["value"] = 12.5.into();
    bad["counts"][0]["source"]["paragraph"] = 0.into();
    fs::write(&path, serde_json::to_string(&bad).unwrap()).unwrap();
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert_eq!(rate_label(&app, &rate), "Renamed once");
    assert!(app.reload_errors().len() >= 2, "{:?}", app.reload_errors());
    for e in app.reload_errors() {
        assert!(e.starts_with(&format!("{shown}: ")), "{e}");
    }

    // The file is removed: still the last good data; "no such file".
    fs::remove_file(&path).unwrap();
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert_eq!(rate_label(&app, &rate), "Renamed once");
    assert_eq!(app.reload_errors(), vec![format!("{shown}: no such file")]);
    assert_selections_in_bounds(&app);
    // The problems overlay is open when the file comes back.
    assert!(apply(&mut app, Action::ShowErrors).redraws());
    assert_eq!(app.overlay().cloned(), Some(Overlay::Errors));

    // Valid again: the errors clear and the new data shows; the overlay the
    // user opened stays (saying so) until they close it, so their Esc closes
    // it rather than quitting.
    let mut v = dataset();
    v["rates"][1]["label"]["en"] = "Renamed twice".into();
    write_valid(&path, &v);
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert_eq!(rate_label(&app, &rate), "Renamed twice");
    assert_eq!(app.overlay().cloned(), Some(Overlay::Errors));
    let screen = screen_text(&draw(&mut app, 100, 30));
    assert!(screen.contains("valid again"), "{screen}");
    assert_eq!(
        apply(&mut app, Action::Back),
        Effect::Redraw,
        "Esc closes, never quits"
    );
    assert_eq!(app.overlay().cloned(), None);
    assert_eq!(
        app.selected_id(Panel::Rates).as_deref(),
        Some(rate.as_str())
    );
    assert_eq!(app.view(Panel::Rates).selected_row(), Some(1));
    assert_eq!(
        app.selected_id(Panel::Timeline).as_deref(),
        Some(event.as_str())
    );
    apply(&mut app, Action::ShowErrors);
    assert_eq!(app.overlay().cloned(), None, "no errors to show");
    assert_eq!(
        app.notice(),
        Some("no reload problems: the data on screen is current")
    );
    let screen = screen_text(&draw(&mut app, 120, 40));
    assert!(!screen.contains("reload failed"), "{screen}");
    assert!(screen.contains("Renamed twice"), "{screen}");
}

/// Removes a rate and every reference to it.
fn without_rate(mut v: Value, id: &str) -> Value {
    v["rates"].as_array_mut().unwrap().retain(|r| r["id"] != id);
    for p in v["projects"].as_array_mut().unwrap() {
        p["figures"].as_array_mut().unwrap().retain(|f| f != id);
    }
    v
}

#[test]
fn reload_without_the_selected_record_keeps_a_valid_selection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.json");
    fs::write(&path, DATASET).unwrap();
    let mut app = watched(&path, Lang::Both);
    step(&mut app, &[Action::GoPanel(Panel::Rates), Action::Bottom]);
    let last = app.selected_id(Panel::Rates).unwrap();
    assert_eq!(app.view(Panel::Rates).selected, 3);

    // The selected (last) rate is gone.
    write_valid(&path, &without_rate(dataset(), &last));
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert_eq!(app.data().dataset.rates.len(), 3);
    assert_selections_in_bounds(&app);
    let now = app.selected_id(Panel::Rates).unwrap();
    assert_ne!(now, last);
    // Enter opens a record that exists, and it draws: its detail names it.
    assert!(apply(&mut app, Action::Open).redraws());
    for (w, h) in [(80, 24), (120, 40)] {
        let buf = render_at(&mut app, w, h);
        assert_cells(&buf, &format!("the detail of {now} at {w}x{h}"));
        let screen = screen_text(&buf);
        assert!(
            screen.contains(&now),
            "{w}x{h}: the detail of {now}\n{screen}"
        );
    }
    assert!(apply(&mut app, Action::Back).redraws());

    // Every rate is gone: no selection, nothing to open, no crash.
    let mut v = dataset();
    for id in [
        "rate-weimei-on-post",
        "rate-rongchang-resumption",
        "rate-huanghe-work-resumption",
        "rate-huanghe-production-resumption",
    ] {
        v = without_rate(v, id);
    }
    write_valid(&path, &v);
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert!(app.view(Panel::Rates).rows.is_empty());
    assert_selections_in_bounds(&app);
    assert_eq!(app.selected_id(Panel::Rates), None);
    assert!(!apply(&mut app, Action::Open).redraws());
    for panel in Panel::ALL {
        apply(&mut app, Action::GoPanel(panel));
        let buf = render_at(&mut app, 80, 24);
        assert_cells(&buf, &format!("{panel:?} without rates"));
        let screen = screen_text(&buf);
        assert!(!screen.contains("too small"), "{panel:?}\n{screen}");
        if panel == Panel::Rates {
            assert!(screen.contains("All rates (0)"), "{screen}");
        }
    }

    // And back: a selection again.
    fs::write(&path, DATASET).unwrap();
    apply(&mut app, Action::GoPanel(Panel::Rates));
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert_selections_in_bounds(&app);
    assert!(app.selected_id(Panel::Rates).is_some());
}

#[test]
fn reload_keeps_filters_and_a_scrolled_selection_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.json");
    fs::write(&path, DATASET).unwrap();
    let mut app = watched(&path, Lang::En);
    apply(&mut app, Action::Resize(80, 24));
    // Workforce, scrolled to the bottom of a list longer than the screen.
    step(
        &mut app,
        &[Action::GoPanel(Panel::Workforce), Action::Bottom],
    );
    let id = app.selected_id(Panel::Workforce).unwrap();
    // A filter on Rates.
    step(
        &mut app,
        &[Action::GoPanel(Panel::Rates), Action::StartFilter],
    );
    for c in "huanghe".chars() {
        apply(&mut app, Action::FilterChar(c));
    }
    apply(&mut app, Action::FilterDone);
    let filtered = app.view(Panel::Rates).rows.len();
    assert_eq!(filtered, 2);
    apply(&mut app, Action::GoPanel(Panel::Workforce));

    // Reverse the counts: the selected one moves to the top.
    let mut v = dataset();
    v["counts"].as_array_mut().unwrap().reverse();
    write_valid(&path, &v);
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert_eq!(
        app.selected_id(Panel::Workforce).as_deref(),
        Some(id.as_str())
    );
    let view = app.view(Panel::Workforce);
    let height = app.list_height();
    assert!(
        view.offset <= view.selected && view.selected < view.offset + height.max(1),
        "the selection is in view: offset {}, selected {}, height {height}",
        view.offset,
        view.selected
    );
    assert_eq!(app.view(Panel::Rates).filter, "huanghe");
    assert_eq!(app.view(Panel::Rates).rows.len(), filtered);
    let screen = screen_text(&draw(&mut app, 80, 24));
    let label = app.ctx().label_of(&id).unwrap().en.clone();
    let shown: String = label.chars().take(12).collect();
    assert!(screen.contains(&shown), "{shown:?} on screen:\n{screen}");
}

#[test]
fn file_changed_without_watch_does_nothing() {
    let mut app = support::app(Lang::En);
    assert_eq!(app.watched(), None);
    assert!(!apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty());
}

/// How long a change may take to be noticed: generous, for a loaded machine.
/// The tests wait for the notification, not for this long.
const NOTICE: Duration = Duration::from_secs(20);

/// `term::watch` on one file, its notifications sent to a channel.
struct Watch {
    watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<()>,
}

impl Watch {
    fn start(path: &Path) -> Watch {
        let (tx, rx) = mpsc::channel();
        let watcher = fugong::term::watch(path, move || {
            let _ = tx.send(());
        })
        .expect("the watcher starts");
        Watch { watcher, rx }
    }

    /// Waits for a notification, then counts it and every other one that
    /// the changes made so far caused, leaving the channel empty for the
    /// next step.
    ///
    /// Once the first has come, the watcher's thread has left any request of
    /// ours behind, so a `configure` sent then is answered after every
    /// file-system event already queued: that thread handles what epoll
    /// reports in the order it became ready, inotify's events (queued by the
    /// changes) before the wake-up that carries the request.
    #[track_caller]
    fn notifications(&mut self, what: &str) -> usize {
        if let Err(e) = self.rx.recv_timeout(NOTICE) {
            panic!("{what}: nothing within {NOTICE:?} ({e:?})");
        }
        self.watcher
            .configure(notify::Config::default())
            .expect("the watcher's thread answers");
        1 + self.rx.try_iter().count()
    }

    /// [`Watch::notifications`], for a change that is noticed at least once
    /// (an editor's save is several events).
    #[track_caller]
    fn noticed(&mut self, what: &str) {
        self.notifications(what);
    }

    /// Drops the watcher and waits until its thread has ended: the callback,
    /// and with it the channel's sender, is gone.
    fn stop(self) -> mpsc::Receiver<()> {
        let Watch { watcher, rx } = self;
        drop(watcher);
        let deadline = Instant::now() + NOTICE;
        loop {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(()) => {}
                Err(RecvTimeoutError::Disconnected) => return rx,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("the watcher's thread still runs {NOTICE:?} after the drop")
                }
            }
        }
    }
}

#[test]
fn watcher_notices_writes_saves_by_rename_and_removal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.json");
    fs::write(&path, "{}").unwrap();
    let mut w = Watch::start(&path);

    // A plain write.
    fs::write(&path, "{\"a\": 1}").unwrap();
    w.noticed("a write");

    // An append to the open file.
    {
        use std::io::Write as _;
        let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"\n").unwrap();
    }
    w.noticed("an append");

    // An editor's save: a temporary file in the same folder, renamed over.
    let tmp = dir.path().join(".data.json.swp");
    fs::write(&tmp, "{\"a\": 2}").unwrap();
    fs::rename(&tmp, &path).unwrap();
    w.noticed("a save by rename");
    // The watch follows the path, not the replaced inode: another write.
    fs::write(&path, "{\"a\": 3}").unwrap();
    w.noticed("a write after the rename");

    // Removed, then back.
    fs::remove_file(&path).unwrap();
    w.noticed("a removal");
    fs::write(&path, "{}").unwrap();
    w.noticed("a re-creation");

    // Another file in the folder is not ours: its change, then our file's
    // removal (one event, so one notification), are noticed once.
    fs::write(dir.path().join("other.json"), "{}").unwrap();
    fs::remove_file(&path).unwrap();
    assert_eq!(
        w.notifications("the removal after another file's change"),
        1,
        "another file's change is not reported"
    );

    // Dropping the watcher stops the notifications: its thread ends.
    let rx = w.stop();
    fs::write(&path, "{\"after\": true}").unwrap();
    assert_eq!(
        rx.try_recv(),
        Err(mpsc::TryRecvError::Disconnected),
        "no notification after the watcher is dropped"
    );
}

/// The whole chain: a notification, then `FileChanged`, shows the new data.
#[test]
fn notification_then_reload_shows_the_new_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.json");
    fs::write(&path, DATASET).unwrap();
    let mut app = watched(&path, Lang::En);
    let mut w = Watch::start(&path);
    let mut v = dataset();
    v["rates"][0]["label"]["en"] = "Saved by an editor".into();
    let tmp = dir.path().join("dataset.json.tmp");
    fs::write(&tmp, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    fs::rename(&tmp, &path).unwrap();
    w.noticed("the save");
    assert!(apply(&mut app, Action::FileChanged).redraws());
    assert!(app.reload_errors().is_empty(), "{:?}", app.reload_errors());
    assert_eq!(app.data().dataset.rates[0].label.en, "Saved by an editor");
}

#[test]
fn watching_a_file_in_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("data.json");
    let err = fugong::term::watch(&path, || {}).expect_err("no folder to watch");
    let msg = format!("{err:#}");
    assert!(msg.contains("no-such-dir"), "{msg}");
}
