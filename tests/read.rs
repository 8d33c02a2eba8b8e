//! `fugong read`: every panel's reading, in Chinese and in English, holds
//! every figure of that panel with its value, date and paragraph. What
//! belongs to a panel is worked out here from the dataset and the panel's
//! rules, never from a copy of the output. An as-of date leaves later
//! figures out and counts them; the binary prints plain text only.

mod support;

use std::process::Output;

use fugong::data::asof::{Chronology, is_known, reported};
use fugong::data::{EventStatus, Lang, Loaded, RecordRef, Text};
use fugong::fmt::percent;
use fugong::panel::Panel;
use fugong::read::{Reading, panel};
use time::Date;
use time::macros::date;

use support::{PANELS, assert_no_panic, assert_plain_text, fugong, panel_arg};

const HOSTILE: &str = "tests/data/hostile/corpus.json";
const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

fn loaded() -> &'static Loaded {
    support::embedded()
}

/// What one line must say about a record: its label, and after the label
/// each of `facts` (value, date, paragraph).
#[derive(Debug)]
struct Expected {
    label: String,
    facts: Vec<String>,
}

/// `needle` in `hay`, not glued to more digits: "9%" is not in "99%", nor
/// "paragraph 1" in "paragraph 10".
fn has(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

fn says(line: &str, e: &Expected) -> bool {
    line.split_once(e.label.as_str())
        .is_some_and(|(_, rest)| e.facts.iter().all(|f| has(rest, f)))
}

fn text(t: &Text, lang: Lang) -> String {
    t.get(lang).into_owned()
}

fn paragraph(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{n}段"),
        _ => format!("paragraph {n}"),
    }
}

/// A record's label, value, date and paragraph, from the dataset.
fn expected(data: &Loaded, r: RecordRef, lang: Lang) -> Expected {
    let ds = &data.dataset;
    let (label, facts) = match r {
        RecordRef::Rate(i) => {
            let r = &ds.rates[i];
            let facts = vec![
                percent(r.value),
                r.when.describe(lang),
                paragraph(r.source.paragraph, lang),
            ];
            (&r.label, facts)
        }
        RecordRef::Count(i) => {
            let c = &ds.counts[i];
            let value = c.shown(lang);
            let facts = vec![
                value,
                c.when.describe(lang),
                paragraph(c.source.paragraph, lang),
            ];
            (&c.label, facts)
        }
        RecordRef::Event(i) => {
            let e = &ds.events[i];
            let facts = vec![e.when.describe(lang), paragraph(e.source.paragraph, lang)];
            (&e.label, facts)
        }
        RecordRef::Project(i) => {
            let p = &ds.projects[i];
            (&p.name, vec![text(&p.summary, lang)])
        }
        // A person: their name, then their role and where the article names them.
        RecordRef::Person(i) => {
            let x = &ds.people[i];
            let facts = vec![
                text(&x.role, lang),
                paragraph(x.source.paragraph, lang),
                x.source.quote.clone(),
            ];
            (&x.name, facts)
        }
        other => panic!("{other:?} is in no reading"),
    };
    Expected {
        label: text(label, lang),
        facts,
    }
}

/// The records a panel's reading holds on `as_of`, in order, and those it
/// leaves out because they are reported later; by the panel's rules.
fn members(data: &Loaded, p: Panel, as_of: Option<Date>) -> (Vec<RecordRef>, Vec<RecordRef>) {
    let ds = &data.dataset;
    let chronology = Chronology::new(ds);
    let as_of = as_of.or(chronology.report);
    let known = |r: RecordRef| match r {
        RecordRef::Rate(i) => is_known(reported(&ds.rates[i].when, chronology.report), as_of),
        RecordRef::Count(i) => is_known(reported(&ds.counts[i].when, chronology.report), as_of),
        RecordRef::Event(i) => !chronology.status(&ds.events[i], as_of).is_later(),
        _ => true,
    };
    let rates = (0..ds.rates.len()).map(RecordRef::Rate);
    let counts = (0..ds.counts.len()).map(RecordRef::Count);
    let all: Vec<RecordRef> = match p {
        Panel::Overview => {
            let latest = (0..ds.rates.len())
                .filter(|&i| chronology.rate_is_latest(ds, i, as_of))
                .map(RecordRef::Rate);
            let heads = chronology.headline(ds, as_of).into_iter();
            // Rates and headline figures not yet reported are left out and
            // counted.
            let kinds = (0..ds.counts.len()).filter(|&i| ds.counts[i].is_headline());
            let unknown = rates
                .chain(kinds.map(RecordRef::Count))
                .filter(|&r| !known(r))
                .collect();
            return (latest.chain(heads.map(RecordRef::Count)).collect(), unknown);
        }
        Panel::Rates => rates.collect(),
        Panel::Workforce => counts.collect(),
        Panel::Timeline => (0..ds.events.len()).map(RecordRef::Event).collect(),
        Panel::Projects => {
            let mut v = Vec::new();
            for (i, project) in ds.projects.iter().enumerate() {
                v.push(RecordRef::Project(i));
                let ids = project.events.iter().chain(&project.figures);
                v.extend(ids.filter_map(|id| data.index.get(id)));
                // Then its people: those of its organisation, its place, its paragraphs.
                let people = fugong::content::people_of(data, project);
                v.extend(people.iter().filter_map(|x| data.index.get(&x.id)));
            }
            v
        }
        Panel::Checks | Panel::Article => vec![],
    };
    all.into_iter().partition(|&r| known(r))
}

/// The date as the reading's last line writes it.
fn day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => fugong::fmt::zh_date(d),
        _ => fugong::fmt::iso(d),
    }
}

/// Finds a distinct line for each expected record, in any order.
#[track_caller]
fn assert_holds(reading: &Reading, lines: &[String], wanted: &[Expected], what: &str) {
    let mut used = vec![false; lines.len()];
    for e in wanted {
        let found = (0..lines.len()).find(|&i| !used[i] && says(&lines[i], e));
        let Some(i) = found else {
            panic!(
                "{what}: no line says {e:?}\n{}\n{}",
                reading.heading,
                reading.lines.join("\n")
            );
        };
        used[i] = true;
    }
}

/// The reading of `p` holds exactly the panel's records, each with its
/// value, date and paragraph, none reported after `as_of`, and counts
/// those left out on its last line.
#[track_caller]
fn assert_reading(data: &Loaded, p: Panel, lang: Lang, as_of: Option<Date>) -> Reading {
    let what = format!("{p:?} in {lang:?} as of {as_of:?}");
    let reading = panel(data, p, lang, as_of);
    let chronology = Chronology::new(&data.dataset);
    let shown_date = as_of.or(chronology.report).expect("the dataset has dates");
    // Checks and the article do not depend on the date, and their heading
    // does not name it.
    let dated = !matches!(p, Panel::Checks | Panel::Article);
    assert!(
        reading.heading.contains(p.title(lang))
            && reading.heading.contains(&day(shown_date, lang)) == dated,
        "{what}: heading {:?}",
        reading.heading
    );
    if p == Panel::Checks {
        assert_checks(data, &reading, lang, &what);
        return reading;
    }
    if p == Panel::Article {
        assert_article(data, &reading, &what);
        return reading;
    }
    let (known, later) = members(data, p, as_of);
    let wanted: Vec<Expected> = known.iter().map(|&r| expected(data, r, lang)).collect();
    // The Overview ends with its events summary; any panel with figures
    // left out ends with a line that counts them.
    let extra = usize::from(p == Panel::Overview) + usize::from(!later.is_empty());
    assert_eq!(
        reading.lines.len(),
        wanted.len() + extra,
        "{what}: one line per record, plus {extra}\n{}",
        reading.lines.join("\n")
    );
    let (figures, tail) = reading.lines.split_at(wanted.len());
    assert_holds(&reading, figures, &wanted, &what);
    for r in &later {
        let e = expected(data, *r, lang);
        let shown = reading.lines.iter().find(|l| says(l, &e));
        assert!(
            shown.is_none(),
            "{what}: {r:?} is reported later: {shown:?}"
        );
    }
    if !later.is_empty() {
        let last = tail.last().expect("a last line");
        assert!(
            has(last, &later.len().to_string()) && last.contains(&day(shown_date, lang)),
            "{what}: {} left out, the last line says {last:?}",
            later.len()
        );
    }
    reading
}

/// A summary line with the number of checks, then every check's formula.
#[track_caller]
fn assert_checks(data: &Loaded, reading: &Reading, lang: Lang, what: &str) {
    let checks = &data.checks;
    assert!(!checks.is_empty());
    // The count of checks, the count of quotes (people's among them), then
    // one line per check.
    assert_eq!(reading.lines.len(), checks.len() + 2, "{what}");
    assert!(
        has(&reading.lines[0], &checks.len().to_string()),
        "{what}: {:?}",
        reading.lines[0]
    );
    let (quotes, people) = data.quote_count();
    assert!(
        has(&reading.lines[1], &quotes.to_string()) && has(&reading.lines[1], &people.to_string()),
        "{what}: {:?}",
        reading.lines[1]
    );
    let wanted: Vec<Expected> = checks
        .iter()
        .map(|c| {
            // What was checked, by its label where the subject is a record.
            let ds = &data.dataset;
            let label = match data.index.get(&c.subject) {
                Some(RecordRef::Rate(i)) => text(&ds.rates[i].label, lang),
                Some(RecordRef::Count(i)) => text(&ds.counts[i].label, lang),
                Some(RecordRef::Event(i)) => text(&ds.events[i].label, lang),
                _ => c.subject.clone(),
            };
            Expected {
                label,
                facts: vec![text(&c.formula, lang)],
            }
        })
        .collect();
    assert_holds(reading, &reading.lines[2..], &wanted, what);
}

/// The article: each paragraph on its line, "¶N " first, as written but
/// for its figures, which are in brackets.
#[track_caller]
fn assert_article(data: &Loaded, reading: &Reading, what: &str) {
    let text = data.dataset.source.text.as_ref().expect("the article");
    assert_eq!(reading.lines.len(), text.len(), "{what}");
    for (i, (line, para)) in reading.lines.iter().zip(text).enumerate() {
        let prefix = format!("¶{} ", i + 1);
        let body = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{what}: {line}"));
        assert_eq!(body.replace(['[', ']'], ""), para.trim(), "{what}: {line}");
    }
    // Rongchang: 478 enterprises, 470 back at work, 98.3%.
    let p10 = &reading.lines[9];
    for fig in ["[478]家", "复工[470]家", "复工率[98.3%]"] {
        assert!(p10.contains(fig), "{what}: {fig} in {p10}");
    }
    // Every figure found in the text is bracketed where it stands (one
    // that overlaps the figure before it shares that one's brackets).
    let spots = fugong::content::article::spots(&data.dataset);
    assert!(spots.len() > 40, "{what}: {} figures", spots.len());
    let mut end = (0, 0);
    let mut apart = 0;
    for s in &spots {
        let line = &reading.lines[s.paragraph - 1];
        let fig = &text[s.paragraph - 1][s.range.clone()];
        assert!(
            line.contains(&format!("[{fig}")) || (s.paragraph, s.range.start) < end,
            "{what}: {fig} in {line}"
        );
        if (s.paragraph, s.range.start) >= end {
            apart += 1;
            end = (s.paragraph, s.range.end);
        }
    }
    let brackets: usize = reading.lines.iter().map(|l| l.matches('[').count()).sum();
    assert_eq!(brackets, apart, "{what}");
}

#[test]
fn every_panel_holds_every_figure_of_the_panel_in_both_languages() {
    let data = loaded();
    for lang in LANGS {
        for p in PANELS {
            let reading = assert_reading(data, p, lang, None);
            assert!(reading.lines.len() > 1, "{p:?} {lang:?} is read out");
        }
    }
}

#[test]
fn an_as_of_date_leaves_later_figures_out_and_counts_them() {
    let data = loaded();
    let d = date!(2020 - 03 - 01);
    for lang in LANGS {
        for p in PANELS {
            assert_reading(data, p, lang, Some(d));
        }
        // The date leaves something out of each of these, so the count
        // line is checked.
        for p in [Panel::Rates, Panel::Workforce, Panel::Timeline] {
            let (known, later) = members(data, p, Some(d));
            assert!(!later.is_empty(), "{p:?}: nothing is reported after {d}");
            assert!(!known.is_empty() || p == Panel::Rates, "{p:?} on {d}");
        }
    }
}

#[test]
fn before_every_event_the_overview_has_no_rates() {
    let data = loaded();
    let d = date!(2019 - 11 - 01);
    let chronology = Chronology::new(&data.dataset);
    assert!(chronology.stops.iter().all(|&s| s > d));
    assert!(!data.dataset.rates.is_empty());
    for lang in LANGS {
        let reading = assert_reading(data, Panel::Overview, lang, Some(d));
        for i in 0..data.dataset.rates.len() {
            let e = expected(data, RecordRef::Rate(i), lang);
            let e = Expected { facts: vec![], ..e };
            assert!(
                !reading.lines.iter().any(|l| says(l, &e)),
                "{lang:?}: rate {i} on {d}:\n{}",
                reading.lines.join("\n")
            );
        }
    }
}

/// The Overview's events line: how many events happened by the date, how
/// many milestones are planned (announced and not past due, or due after
/// the data ends) and how many
/// are past due: its first numbers.
#[test]
fn the_events_line_counts_what_happened_by_the_date() {
    use fugong::data::asof::Status;
    let data = loaded();
    let ds = &data.dataset;
    let chronology = Chronology::new(ds);
    for as_of in [
        None,
        Some(date!(2020 - 03 - 01)),
        Some(date!(2019 - 11 - 01)),
        Some(date!(2020 - 11 - 01)),
    ] {
        let on = as_of.or(chronology.report);
        let count = |f: &dyn Fn(&fugong::data::Event, Status) -> bool| {
            ds.events
                .iter()
                .filter(|e| f(e, chronology.status(e, on)))
                .count()
        };
        let done = count(&|e, s| e.status == EventStatus::Done && !s.is_later());
        let planned = count(&|_, s| {
            matches!(
                s,
                Status::Due { .. } | Status::Planned | Status::NoReport(_)
            )
        });
        let overdue = count(&|_, s| matches!(s, Status::Overdue { .. }));
        let mut want = vec![done, planned];
        if overdue > 0 {
            want.push(overdue);
        }
        for lang in LANGS {
            let reading = panel(data, Panel::Overview, lang, as_of);
            let line = reading
                .lines
                .iter()
                .find(|l| l.starts_with("Events and milestones") || l.starts_with("事件与里程碑"))
                .expect("the events line");
            let numbers: Vec<usize> = line
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|s| s.parse().ok())
                .take(want.len())
                .collect();
            assert_eq!(numbers, want, "{lang:?} as of {on:?}: {line}");
        }
    }
}

fn fugong_read(args: &[&str]) -> Output {
    let out = fugong()
        .arg("read")
        .args(args)
        .output()
        .expect("run fugong read");
    assert_no_panic(&out);
    out
}

/// Exit 0, nothing on stderr, UTF-8 on stdout.
#[track_caller]
fn stdout_of(args: &[&str]) -> String {
    let out = fugong_read(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {}: {stderr}", out.status);
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Sentences only: no escape or other control, no box drawing or block
/// element, no alignment by runs of spaces.
#[track_caller]
fn assert_sentences(s: &str, what: &str) {
    assert_plain_text(s, false, what);
    for (n, line) in s.lines().enumerate() {
        let drawn = line.chars().find(|c| ('\u{2500}'..='\u{259F}').contains(c));
        assert!(drawn.is_none(), "{what}: line {n}: {drawn:?} in {line:?}");
        assert!(
            !line.contains("  "),
            "{what}: line {n}: two spaces in {line:?}"
        );
    }
}

#[test]
fn the_binary_reads_each_language_and_both_in_plain_sentences() {
    let data = loaded();
    let zh = stdout_of(&["--lang", "zh"]);
    let en = stdout_of(&["--lang", "en"]);
    let both = stdout_of(&[]);
    for (s, what) in [(&zh, "zh"), (&en, "en"), (&both, "both")] {
        assert_sentences(s, what);
    }
    for (s, lang) in [(&zh, Lang::Zh), (&en, Lang::En)] {
        let title = text(&data.dataset.title, lang);
        assert!(s.starts_with(&format!("{title}\n")), "{lang:?}: {s}");
        let lines: Vec<&str> = s.lines().collect();
        for p in PANELS {
            let reading = panel(data, p, lang, None);
            let at = lines.iter().position(|l| *l == reading.heading);
            let at = at.unwrap_or_else(|| panic!("{lang:?}: no {:?}", reading.heading));
            assert_eq!(lines[at + 1..=at + reading.lines.len()], reading.lines);
        }
    }
    // Both: Chinese, then English.
    assert_eq!(both, format!("{zh}\n{en}"));
}

#[test]
fn panel_picks_one_panel() {
    let data = loaded();
    let title = &data.dataset.title.en;
    for p in PANELS {
        let s = stdout_of(&["--lang", "en", "--panel", panel_arg(p)]);
        let r = panel(data, p, Lang::En, None);
        let want = format!("{title}\n\n{}\n{}\n", r.heading, r.lines.join("\n"));
        assert_eq!(s, want, "{p:?}");
    }
}

#[test]
fn a_bad_as_of_date_is_one_clear_line() {
    let out = fugong_read(&["--as-of", "2020-13-01"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert_plain_text(&stderr, false, "stderr");
    let said: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
        .collect();
    assert_eq!(said.len(), 1, "one line says what is wrong: {stderr}");
    let line = said[0];
    assert!(
        line.starts_with("error: invalid value '2020-13-01' for '--as-of <DATE>'")
            && line.contains("YYYY-MM-DD"),
        "{line}"
    );
}

#[test]
fn a_hostile_dataset_is_read_without_controls() {
    for lang in ["zh", "en", "both"] {
        for as_of in [None, Some("2020-03-01")] {
            let mut args = vec!["--data", HOSTILE, "--lang", lang];
            args.extend(as_of.iter().flat_map(|d| ["--as-of", *d]));
            let out = fugong_read(&args);
            assert!(out.status.success(), "{args:?}: {out:?}");
            let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
            assert_plain_text(&stdout, false, &format!("{args:?}"));
            // The hostile text is there, made visible, not dropped.
            assert!(stdout.contains("⟨U+001B⟩"), "{args:?}");
        }
    }
}
