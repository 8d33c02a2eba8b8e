//! One number and date style per language, everywhere: Chinese as the
//! article writes it (1.5万多名, 2020年3月22日, 3月25日), English one way
//! (15,000+ people, 2020-03-22, 03-25). Every panel at three sizes, the
//! details, `read` and the export's display columns.

mod support;

use assert_cmd::Command;
use fugong::data::Lang;
use fugong::input::Action;
use fugong::panel::Panel;
use support::{app, screen_text, step_and_draw};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// The text outside quotes: a quote is the article's own words, kept as
/// they are (“253名员工到岗”), and so is a paragraph shown in full.
fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// What the English style writes and the Chinese never does: an ISO date
/// (2020-03-25), a month and day (03-25), digits grouped (23,000) or a "+"
/// after a number (23,000+).
fn english_marks(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let mut found = Vec::new();
    for i in 0..c.len() {
        let around = || {
            c[i.saturating_sub(6)..(i + 6).min(c.len())]
                .iter()
                .collect::<String>()
        };
        // dd-dd, the tail of any ISO date too.
        if c[i] == '-' && digit(i + 1) && digit(i + 2) && i >= 2 && digit(i - 1) && digit(i - 2) {
            found.push(around());
        }
        if c[i] == ',' && i >= 1 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) {
            found.push(around());
        }
        if c[i] == '+' && i >= 1 && digit(i - 1) {
            found.push(around());
        }
    }
    found
}

/// What the Chinese style writes and the English never does: a year in 年,
/// or 万 and 多 after a digit. (A month and day in Chinese is how the
/// English year reasoning cites the article's own dates, 2月29日.)
fn chinese_marks(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let mut found = Vec::new();
    for i in 1..c.len() {
        if c[i - 1].is_ascii_digit() && matches!(c[i], '年' | '万' | '多') {
            found.push(
                c[i.saturating_sub(6)..(i + 4).min(c.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

/// Every panel but the Article (its text is the article's) at three sizes,
/// and the detail of its first row.
fn screens(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for panel in Panel::ALL {
        if panel == Panel::Article {
            continue;
        }
        for (w, h) in SIZES {
            let mut a = app(lang);
            let list = step_and_draw(&mut a, &[Action::GoPanel(panel)], w, h);
            out.push((format!("{panel:?} {w}x{h}"), screen_text(&list)));
            let detail = step_and_draw(&mut a, &[Action::Open], w, h);
            out.push((format!("{panel:?} detail {w}x{h}"), screen_text(&detail)));
        }
    }
    out
}

#[test]
fn chinese_panels_write_numbers_and_dates_as_the_article_does() {
    let screens = screens(Lang::Zh);
    for (what, text) in &screens {
        let wrong = english_marks(&unquoted(text));
        assert!(wrong.is_empty(), "{what}: {wrong:?}\n{text}");
    }
    // And the article's own forms are what they show.
    let all: String = screens.iter().map(|(_, t)| t.as_str()).collect();
    for want in [
        "2.3万多个",
        "1.5万多名",
        "7000多人",
        "2020年3月25日",
        "约51天后到期",
    ] {
        assert!(all.contains(want), "no {want}");
    }
}

#[test]
fn english_panels_write_them_one_way_too() {
    for (what, text) in screens(Lang::En) {
        // An English detail shows the article's paragraph in Chinese: only
        // the lists are all English.
        if what.contains("detail") {
            continue;
        }
        let wrong = chinese_marks(&unquoted(&text));
        assert!(wrong.is_empty(), "{what}: {wrong:?}\n{text}");
    }
}

fn fugong(args: &[&str]) -> String {
    let out = Command::cargo_bin("fugong")
        .expect("the binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn read_and_copy_write_the_same_style() {
    // `read` prints the sentences `y` copies (cite::sentence), so one check
    // covers both.
    let zh = fugong(&["read", "--lang", "zh"]);
    let wrong = english_marks(&unquoted(&zh));
    assert!(wrong.is_empty(), "{wrong:?}\n{zh}");
    assert!(zh.contains("2.3万多个"), "{zh}");
    let en = fugong(&["read", "--lang", "en"]);
    // Leaving out the article's paragraphs, which the Article panel reads.
    let ours: String = en
        .lines()
        .filter(|l| !l.starts_with('¶'))
        .map(|l| format!("{l}\n"))
        .collect();
    let wrong = chinese_marks(&unquoted(&ours));
    assert!(wrong.is_empty(), "{wrong:?}\n{en}");
    assert!(en.contains("23,000+ jobs"), "{en}");
}

#[test]
fn export_display_columns_follow_their_language() {
    let csv = fugong(&["export", "--what", "counts"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let head = r.headers().expect("a header").clone();
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (zh, en, when_zh) = (col("shown_zh"), col("shown_en"), col("when_zh"));
    for rec in r.records() {
        let rec = rec.expect("a row");
        assert!(english_marks(&rec[zh]).is_empty(), "{:?}", &rec[zh]);
        assert!(
            english_marks(&rec[when_zh]).is_empty(),
            "{:?}",
            &rec[when_zh]
        );
        assert!(chinese_marks(&rec[en]).is_empty(), "{:?}", &rec[en]);
    }
}

#[test]
fn the_scanners_see_what_they_look_for() {
    // Both dashes of an ISO date.
    assert_eq!(english_marks("截至2020-03-25").len(), 2);
    assert_eq!(english_marks("03-25后无报道").len(), 1);
    assert_eq!(english_marks("23,000+ 个").len(), 2);
    assert!(english_marks("2.3万多个 截至2020年3月25日 470/478 98.3%").is_empty());
    assert_eq!(chinese_marks("2020年3月25日").len(), 1);
    assert_eq!(chinese_marks("1.5万多").len(), 1);
    assert!(chinese_marks("15,000+ people on 2020-03-25").is_empty());
    assert_eq!(unquoted("a“b”c"), "ac");
}
