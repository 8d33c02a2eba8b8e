//! `fugong draft`: what it finds in real articles, measured against
//! figures a person checked, and how it meets bad input.

mod support;

use std::collections::HashMap;

use fugong::data::draft::{self, Options};
use fugong::data::{self, Dataset, Lang};
use support::{assert_no_panic, fugong};

/// What a record says, to compare a draft with the figures a person
/// checked: a rate's percent, a count's value (and whether an ordinal), an
/// event's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Rate(i64),
    Count(u64, bool),
    /// A percentage-point change, unsigned, in hundredths.
    Points(i64),
    /// MM-DD, or "winter".
    Date(String),
    /// A time alone (下午2点半): HH:MM.
    Time(String),
}

fn keys(ds: &Dataset) -> Vec<(u32, Key)> {
    let mut out = Vec::new();
    for r in &ds.rates {
        out.push((
            r.source.paragraph,
            Key::Rate((r.value * 100.0).round() as i64),
        ));
    }
    for c in &ds.counts {
        out.push((c.source.paragraph, Key::Count(c.value, c.ordinal)));
    }
    for c in &ds.changes {
        out.push((
            c.source.paragraph,
            Key::Points((c.value.abs() * 100.0).round() as i64),
        ));
    }
    for e in &ds.events {
        let time_alone = e
            .figure
            .as_deref()
            .is_some_and(|f| !f.contains('月') && !f.contains('日') && !f.contains("入冬"))
            && e.when.time.is_some()
            && !e
                .figure
                .as_deref()
                .is_some_and(|f| f.chars().any(|c| c.is_ascii_alphabetic()));
        let key = match (e.when.date, e.when.time) {
            (_, Some(t)) if time_alone => Key::Time(format!("{:02}:{:02}", t.hour(), t.minute())),
            (Some(d), _) => Key::Date(format!("{:02}-{:02}", u8::from(d.month()), d.day())),
            (None, _) => Key::Date("winter".to_string()),
        };
        out.push((e.source.paragraph, key));
    }
    out
}

/// The days the figures of each paragraph are dated to: a date after 截至
/// is carried as their `when`, not as an event.
fn dated(ds: &Dataset) -> Vec<(u32, Key)> {
    let whens = ds
        .rates
        .iter()
        .map(|r| (r.source.paragraph, &r.when))
        .chain(ds.counts.iter().map(|c| (c.source.paragraph, &c.when)))
        .chain(ds.changes.iter().map(|c| (c.source.paragraph, &c.when)));
    let mut out: Vec<(u32, Key)> = whens
        .filter_map(|(n, w)| {
            let d = w.date?;
            Some((
                n,
                Key::Date(format!("{:02}-{:02}", u8::from(d.month()), d.day())),
            ))
        })
        .collect();
    out.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out.dedup();
    out
}

/// How many of `truth` the draft finds, and how many of the draft's are
/// in `truth` (each matched once), with what each side misses.
struct Score {
    found: usize,
    truth: usize,
    real: usize,
    drafted: usize,
    missed: Vec<(u32, Key)>,
    extra: Vec<(u32, Key)>,
}

impl Score {
    fn of(truth: &[(u32, Key)], drafted: &[(u32, Key)]) -> Score {
        Score::with_dates(truth, drafted, &[])
    }

    /// As `of`, a truth date also found when a figure of its paragraph is
    /// dated that day (`dated`).
    fn with_dates(truth: &[(u32, Key)], drafted: &[(u32, Key)], dated: &[(u32, Key)]) -> Score {
        let mut left: HashMap<&(u32, Key), usize> = HashMap::new();
        for t in truth {
            *left.entry(t).or_default() += 1;
        }
        let mut extra = Vec::new();
        for d in drafted {
            match left.get_mut(d) {
                Some(n) if *n > 0 => *n -= 1,
                _ => extra.push(d.clone()),
            }
        }
        let mut missed: Vec<(u32, Key)> = Vec::new();
        for (k, n) in left {
            if matches!(k.1, Key::Date(_)) && dated.contains(k) {
                continue;
            }
            missed.extend(std::iter::repeat_n(k.clone(), n));
        }
        missed.sort_by_key(|(p, _)| *p);
        Score {
            found: truth.len() - missed.len(),
            truth: truth.len(),
            real: drafted.len() - extra.len(),
            drafted: drafted.len(),
            missed,
            extra,
        }
    }

    fn recall(&self) -> f64 {
        self.found as f64 / self.truth as f64
    }

    fn precision(&self) -> f64 {
        self.real as f64 / self.drafted as f64
    }

    fn report(&self, name: &str) {
        println!(
            "{name}: recall {}/{} = {:.1}%, precision {}/{} = {:.1}%\n  missed: {:?}\n  not in the truth: {:?}",
            self.found,
            self.truth,
            100.0 * self.recall(),
            self.real,
            self.drafted,
            100.0 * self.precision(),
            self.missed,
            self.extra
        );
    }
}

fn seed_text() -> String {
    std::fs::read_to_string(support::path("tests/data/article.txt")).expect("the seed article")
}

fn seed_draft() -> Dataset {
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    draft::draft(&seed_text(), &opts).expect("the seed article drafts")
}

/// The curated embedded dataset is the truth for the seed article: at
/// least 95% of its figures found (same paragraph and value), at least 90%
/// of the draft's records real figures. DRAFTING.md says which it misses.
#[test]
fn the_seed_draft_finds_what_the_curated_dataset_carries() {
    let curated = keys(&support::embedded().dataset);
    let s = Score::of(&curated, &keys(&seed_draft()));
    s.report("seed");
    assert!(
        s.recall() >= 0.95,
        "recall {:.3}: missed {:?}",
        s.recall(),
        s.missed
    );
    assert!(
        s.precision() >= 0.90,
        "precision {:.3}: {:?}",
        s.precision(),
        s.extra
    );
    // The two it misses, for the reasons DRAFTING.md gives.
    assert_eq!(
        s.missed,
        [
            (9, Key::Count(1, false)),
            (20, Key::Date("11-27".to_string()))
        ],
        "一批 (a group of) is not a figure to the draft; 阔别116天 is not derived"
    );
}

#[test]
fn the_seed_draft_loads_checks_and_carries_its_text() {
    let text = seed_text();
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    let loaded = data::load_draft(&text, "article.txt", &opts).expect("the draft passes check");
    assert!(loaded.drafted);
    assert!(
        loaded.warnings.is_empty(),
        "a draft carries every figure it finds: {:?}",
        loaded.warnings
    );
    let ds = &loaded.dataset;
    assert_eq!(ds.source.text.as_ref().map(Vec::len), Some(27));
    // Labels in the article's language only.
    assert!(
        ds.counts
            .iter()
            .all(|c| !c.label.zh.is_empty() && c.label.en.is_empty())
    );
    // 470 of 478 is the 98.3%: a ratio check, passed.
    let r = ds
        .rates
        .iter()
        .find(|r| r.figure == "98.3%")
        .expect("the 98.3% rate");
    let (n, d) = loaded.fraction(r);
    assert_eq!((n, d), (Some(470), Some(478)));
    assert!(
        loaded
            .checks
            .iter()
            .any(|c| c.subject == r.id && c.kind == data::CheckKind::Ratio && c.passed)
    );
    // 第四十二天 on 3月22日: day 1 derived, agreeing with 从2月10日起.
    let derived = ds
        .events
        .iter()
        .find(|e| e.derivation.is_some())
        .expect("a derived date");
    assert_eq!(
        derived.when.date.map(fugong::fmt::iso),
        Some("2020-02-10".to_string())
    );
    assert!(derived.agrees_with.is_some());
}

#[test]
fn without_a_year_the_draft_says_so_and_check_says_what_to_add() {
    let ds = draft::draft(&seed_text(), &Options::default()).expect("drafts");
    assert_eq!(ds.year.value, None);
    assert!(ds.year.reason.en.contains("--year"), "{:?}", ds.year.reason);
    let problems = data::check::check(&ds).problems;
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("year.value:") && p.contains("--year YYYY")),
        "{problems:?}"
    );
}

#[test]
fn a_printed_year_is_the_year() {
    let ds = draft::draft("2020年3月22日，全省复工率达98.3%。", &Options::default()).unwrap();
    assert_eq!((ds.year.value, ds.year.inferred), (Some(2020), false));
}

#[test]
fn an_english_article_drafts_in_english() {
    let text = "By March 22, more than 23,000 workers had returned.\nThe resumption rate reached 98.3 percent, and nearly 300 enterprises reopened.";
    let ds = draft::draft(text, &Options::default()).unwrap();
    assert_eq!(ds.counts.len(), 2, "{:?}", ds.counts);
    assert_eq!(ds.counts[0].value, 23_000);
    assert_eq!(ds.counts[0].unit.en, "workers");
    assert_eq!(ds.rates[0].value, 98.3);
    assert!(
        ds.counts
            .iter()
            .all(|c| c.label.zh.is_empty() && !c.label.en.is_empty())
    );
    let shown = ds.counts[0].label.get(Lang::Zh);
    assert!(
        shown.starts_with("[en] "),
        "a missing language is marked: {shown}"
    );
}

#[test]
fn the_cli_drafts_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = support::path("tests/data/article.txt");
    let out = fugong()
        .args(["draft"])
        .arg(&article)
        .args(["--year", "2020"])
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert!(out.status.success());
    let ds: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(ds["counts"].as_array().map(Vec::len), Some(40));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "drafted 4 rates, 40 counts, 15 events, 0 changes from 27 paragraphs; year 2020"
        ),
        "{stderr}"
    );

    let file = dir.path().join("draft.json");
    let run = |force: bool| {
        let mut c = fugong();
        c.arg("draft")
            .arg(&article)
            .args(["--year", "2020", "-o"])
            .arg(&file);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert!(run(false).status.success());
    let again = run(false);
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is not overwritten"
    );
    assert!(run(true).status.success());
    // What was written loads and checks.
    let check = fugong().arg("check").arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // --lang says the article's language: English finds no English figures here.
    let en = fugong()
        .arg("draft")
        .arg(&article)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert!(en.status.success());
    let ds: serde_json::Value = serde_json::from_slice(&en.stdout).unwrap();
    assert_eq!(ds["counts"].as_array().map(Vec::len), Some(0));
}

#[test]
fn data_takes_an_article_and_says_it_is_a_draft() {
    let article = support::path("tests/data/article.txt");
    for (lang, mark) in [("en", "DRAFT"), ("zh", "草稿")] {
        let out = fugong()
            .arg("--data")
            .arg(&article)
            .args([
                "--year", "2020", "--lang", lang, "snapshot", "--size", "100x30",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let screen = String::from_utf8(out.stdout).unwrap();
        let header = screen.lines().next().unwrap_or_default();
        assert!(header.contains(&format!("fugong {mark} │")), "{header}");
        // A Chinese article shown in English is still read as Chinese.
        assert!(screen.contains("98.3%"), "{screen}");
    }
    // Without a year, one line says what to add.
    let out = fugong()
        .arg("--data")
        .arg(&article)
        .arg("snapshot")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--year"), "{stderr}");
}

/// Binary, invalid UTF-8, empty, a 100 MB line, hostile control
/// characters: one clear line and exit 1, or a safe draft.
#[test]
fn bad_input_is_one_line_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let long_line = "3月22日复工。".repeat(8000);
    let cases = [
        (
            write("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0"),
            "NUL bytes",
        ),
        (
            write("latin1.txt", b"caf\xe9 3\xe6\x9c\x88\n"),
            "not valid UTF-8",
        ),
        (write("empty.txt", b""), "has no paragraphs"),
        (write("blank.txt", b"\n \n\t\n"), "has no paragraphs"),
        (huge, "file is 100 MiB"),
        (
            write("long.txt", long_line.as_bytes()),
            "one paragraph a line",
        ),
    ];
    for (path, says) in &cases {
        let out = fugong().arg("draft").arg(path).output().unwrap();
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{}: {stderr}", path.display());
        assert!(out.stdout.is_empty());
    }
    // Hostile characters are marked as in any dataset, and never reach the terminal raw.
    let hostile = write(
        "hostile.txt",
        "截至3月23日，\u{1b}]0;pwned\u{7}全省复工率达98.3%\u{202e}，共有470家企业复工。\n"
            .as_bytes(),
    );
    let out = fugong()
        .arg("draft")
        .arg(&hostile)
        .args(["--year", "2020"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains("⟨U+001B⟩") && json.contains("⟨U+202E⟩"),
        "{json}"
    );
}

/// 提高5.6个百分点 is a change of the rate before it; 分别 pairs each change
/// with its rate in order; 截至3月23日 dates the figures after it.
#[test]
fn percentage_points_are_changes_of_their_rates() {
    let text = "截至3月23日，全省规模以上工业企业复工率达98.3%，较前一日提高5.6个百分点。\n其中，制造业和建筑业复工率分别为95％和八成，分别提高73个百分点、下降1个百分点。";
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    let loaded = data::load_draft(text, "points", &opts).expect("checks");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let ds = &loaded.dataset;
    let rates: Vec<(&str, f64)> = ds.rates.iter().map(|r| (r.id.as_str(), r.value)).collect();
    assert_eq!(
        rates,
        [
            ("rate-p1-1", 98.3),
            ("rate-p2-1", 95.0),
            ("rate-p2-2", 80.0)
        ]
    );
    assert_eq!(
        ds.rates[0].when.date.map(fugong::fmt::iso).as_deref(),
        Some("2020-03-23")
    );
    let changes: Vec<(f64, Option<&str>)> = ds
        .changes
        .iter()
        .map(|c| (c.value, c.of.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            (5.6, Some("rate-p1-1")),
            (73.0, Some("rate-p2-1")),
            (-1.0, Some("rate-p2-2"))
        ]
    );
    assert!(ds.changes.iter().all(|c| c.unit.en == "percentage points"));
    assert_eq!(ds.changes[2].label.zh, "八成：下降");
    // export --what changes: one row each, with the rate it is a change of.
    let rows = fugong::export::rows(&loaded, fugong::export::What::Changes);
    let of: Vec<&str> = rows.iter().filter_map(|r| r["of"].as_str()).collect();
    assert_eq!(of, ["rate-p1-1", "rate-p2-1", "rate-p2-2"]);
    assert_eq!(rows[2]["value"], serde_json::json!(-1));
}

/// The figures of a real article as a person checked them
/// (tests/data/articles/aN.figures.tsv: paragraph, figure, kind, value).
fn truth(tsv: &str) -> Vec<(u32, Key)> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let n: u32 = f[0].parse().expect("a paragraph number");
            let v = f[3].trim();
            let num = || v.parse::<f64>().unwrap_or_else(|_| panic!("a number: {l}"));
            let key = match f[2] {
                "rate" => Key::Rate((num() * 100.0).round() as i64),
                "points" => Key::Points((num().abs() * 100.0).round() as i64),
                "count" => Key::Count(num().round() as u64, false),
                "ordinal" => Key::Count(num().round() as u64, true),
                "date" if v.contains(':') && !v.contains('-') => Key::Time(v.to_string()),
                "date" => Key::Date(v.split(' ').next().unwrap_or(v).to_string()),
                other => panic!("kind {other}: {l}"),
            };
            (n, key)
        })
        .collect()
}

/// Real reports about 复工复产 (sources in tests/data/articles/aN.source.md),
/// each figure checked by a person: recall and precision as for the seed,
/// reported in DRAFTING.md, and held at what they are so that neither
/// falls unnoticed.
#[test]
fn real_articles_drafted_against_figures_a_person_checked() {
    // (article, recall floor, precision floor), from DRAFTING.md.
    let floors = [
        ("a1", 1.0, 1.0),
        ("a2", 0.90, 1.0),
        ("a3", 0.75, 1.0),
        ("a4", 1.0, 1.0),
        ("a5", 0.80, 1.0),
    ];
    let (mut found, mut all, mut real, mut drafted) = (0, 0, 0, 0);
    for (name, recall, precision) in floors {
        let dir = support::path("tests/data/articles");
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("the article");
        let tsv =
            std::fs::read_to_string(dir.join(format!("{name}.figures.tsv"))).expect("its figures");
        let opts = Options {
            year: Some(2020),
            ..Options::default()
        };
        let ds = draft::draft(&text, &opts).expect("drafts");
        assert!(
            data::check::check(&ds).problems.is_empty(),
            "{name}: {:?}",
            data::check::check(&ds).problems
        );
        let s = Score::with_dates(&truth(&tsv), &keys(&ds), &dated(&ds));
        s.report(name);
        assert!(s.recall() >= recall, "{name}: recall {:.3}", s.recall());
        assert!(
            s.precision() >= precision,
            "{name}: precision {:.3}",
            s.precision()
        );
        found += s.found;
        all += s.truth;
        real += s.real;
        drafted += s.drafted;
    }
    println!(
        "all: recall {found}/{all} = {:.1}%, precision {real}/{drafted} = {:.1}%",
        100.0 * found as f64 / all as f64,
        100.0 * real as f64 / drafted as f64
    );
}

/// A year the text's dates cannot be in is refused; a saved draft keeps
/// saying it is one.
#[test]
fn a_wrong_year_is_refused_and_a_saved_draft_stays_a_draft() {
    let err = draft::draft(
        &seed_text(),
        &Options {
            year: Some(2021),
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(
        err.starts_with("paragraph 14 dates something February 29, which 2021 does not have"),
        "{err}"
    );
    let ds = seed_draft();
    assert!(ds.source.drafted);
    let json = serde_json::to_string(&ds).unwrap();
    let loaded = data::load_str(&json, "saved draft").expect("loads");
    assert!(loaded.drafted, "the DRAFT mark survives saving");
    // Once a person has checked it, "drafted" goes and so does the mark.
    let mut checked = ds.clone();
    checked.source.drafted = false;
    let loaded = data::load_str(&serde_json::to_string(&checked).unwrap(), "checked").unwrap();
    assert!(!loaded.drafted);
}

/// A rate's detail lists its changes; a one-language label shows plainly
/// in its own language and marked in the other.
#[test]
fn a_drafted_rate_shows_its_change_in_the_detail() {
    use fugong::input::Action;
    use fugong::panel::Panel;
    let text = "截至3月23日，全省规模以上工业企业复工率达98.3%，较前一日提高5.6个百分点。";
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    let loaded = data::load_draft(text, "points", &opts).expect("checks");
    for (lang, change, label) in [
        (Lang::Zh, "+5.6个百分点", "比率: 全省规模以上工业企业复工率"),
        (
            Lang::En,
            "+5.6 percentage points",
            "rate: [zh] 全省规模以上工业企业复工率",
        ),
    ] {
        let mut app = support::app_with(&loaded, lang);
        support::step(&mut app, &[Action::GoPanel(Panel::Rates), Action::Open]);
        let screen = support::screen_text(&support::draw(&mut app, 120, 40));
        assert!(screen.contains(change), "{lang:?}: {screen}");
        assert!(screen.contains(label), "{lang:?}: {screen}");
    }
}

/// 较2月10日、2月27日分别提高73个百分点、1个百分点 is one rate against two
/// dates: both changes are of it, each from its date, and neither date is
/// an event. 较前一日 is the day before.
#[test]
fn a_change_is_measured_from_the_date_it_names() {
    let text = "截至2月28日，江苏规模以上工业企业复工面99%，较2月10日、2月27日分别提高73个百分点、1个百分点。\n截至3月23日，全省复工率达98.3%，较前一日提高5.6个百分点。";
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    let loaded = data::load_draft(text, "from", &opts).expect("checks");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let ds = &loaded.dataset;
    let changes: Vec<(f64, Option<&str>, Option<String>)> = ds
        .changes
        .iter()
        .map(|c| {
            (
                c.value,
                c.of.as_deref(),
                c.from.as_ref().and_then(|w| w.date).map(fugong::fmt::iso),
            )
        })
        .collect();
    let day = |s: &str| Some(s.to_string());
    assert_eq!(
        changes,
        [
            (73.0, Some("rate-p1-1"), day("2020-02-10")),
            (1.0, Some("rate-p1-1"), day("2020-02-27")),
            (5.6, Some("rate-p2-1"), day("2020-03-22")),
        ]
    );
    assert!(ds.events.is_empty(), "{:?}", ds.events);
    assert_eq!(
        ds.rates[0].when.date.map(fugong::fmt::iso).as_deref(),
        Some("2020-02-28"),
        "the rate keeps its 截至 date, not the date it is compared with"
    );
}

/// Two figures of one date whose words are the same would be one series
/// on one date, which check refuses: the draft tells them apart.
#[test]
fn figures_with_the_same_words_stay_apart() {
    let text =
        "截至3月25日，抽调100名党员干部。\n截至3月25日，又抽调200名党员干部，另有50名党员干部。";
    let opts = Options {
        year: Some(2020),
        ..Options::default()
    };
    let loaded = data::load_draft(text, "apart", &opts).expect("checks");
    let labels: Vec<&str> = loaded
        .dataset
        .counts
        .iter()
        .map(|c| c.label.zh.as_str())
        .collect();
    let mut unique = labels.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 3, "{labels:?}");
    assert_eq!(
        labels[0], "党员干部",
        "the first keeps its words: {labels:?}"
    );
}
