//! People and the organisations and places the article names: each is a
//! record of the embedded dataset, named as the article writes it, and
//! people are shown where users look for them (`read`, `export --what
//! people`, the Projects filter).

mod support;

use fugong::data::{Lang, Loaded, Place};
use fugong::input::Action;
use fugong::panel::Panel;

use support::fugong;

fn loaded() -> &'static Loaded {
    support::embedded()
}

const ARTICLE: &str = include_str!("data/article.txt");

/// The people the article names: name and role, as it writes them.
const PEOPLE: [(&str, &str); 9] = [
    ("王海", "党员攻关队队长"),
    ("李海燕", "驻厂指导员"),
    ("王国润", "总经理"),
    ("黄声伟", "书坊乡副乡长"),
    ("郑国海", "驻厂党员干部"),
    ("付天红", "村民"),
    ("杨敏", "湖北青年"),
    ("黎海凡", "技术主管"),
    ("马聪", "基建管理部副主任"),
];

/// Organisations the article names that the dataset must hold.
const ORGANISATIONS: [&str; 9] = [
    "恒泽竹业",
    "党建联盟服务队",
    "中国商飞公司党委",
    "临时党委",
    "战疫情、保试飞党员攻关队",
    "县工信局",
    "祥豪实业公司",
    "临翔区驻昆山市流动党支部",
    "金湖县水务局",
];

/// Places, each by its levels (province, city, county, locality).
const PLACES: [&[&str]; 6] = [
    &["福建省", "南平市", "建阳区", "书坊乡"],
    &["四川省"],
    &["浙江省"],
    &["湖北省"],
    &["云南省", "临沧市", "临翔区", "章驮乡勐旺村"],
    &["江苏省", "金湖县", "金湖一桥加油站"],
];

fn levels(p: &Place) -> Vec<&str> {
    [
        Some(&p.province),
        p.city.as_ref(),
        p.county.as_ref(),
        p.locality.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|t| t.zh.as_str())
    .collect()
}

#[test]
fn every_person_the_article_names_is_a_record_with_their_role() {
    let ds = &loaded().dataset;
    assert_eq!(ds.people.len(), PEOPLE.len());
    for (name, role) in PEOPLE {
        let x = ds
            .people
            .iter()
            .find(|x| x.name.zh == name)
            .unwrap_or_else(|| panic!("no person {name}"));
        assert!(x.role.zh.contains(role), "{name}: role {:?}", x.role.zh);
        assert!(ARTICLE.contains(name), "{name} is not in the article");
        assert!(
            x.source.quote.contains(name),
            "{name}: {:?}",
            x.source.quote
        );
        // The English is the dataset's, and the note says so.
        assert!(!x.name.en.is_empty() && !x.role.en.is_empty(), "{name}");
        assert!(x.note.is_some(), "{name}: no note on the English");
    }
}

#[test]
fn every_organisation_and_place_the_article_names_is_a_record() {
    let ds = &loaded().dataset;
    for name in ORGANISATIONS {
        assert!(ARTICLE.contains(name), "{name} is not in the article");
        assert!(
            ds.organisations.iter().any(|o| o.name.zh == name),
            "no organisation {name}"
        );
    }
    for want in PLACES {
        assert!(
            ds.places.iter().any(|p| levels(p) == want),
            "no place {want:?}"
        );
    }
}

#[test]
fn paragraph_nine_has_its_story() {
    let data = loaded();
    let ds = &data.dataset;
    let pr = ds
        .projects
        .iter()
        .find(|p| p.organisation.as_deref() == Some("org-hengze"))
        .expect("a project of 恒泽竹业");
    assert!(pr.summary.zh.contains("四川") && pr.summary.zh.contains("浙江"));
    let batch = pr
        .figures
        .iter()
        .filter_map(|id| data.count(id))
        .find(|c| c.source.paragraph == 9)
        .expect("a figure of paragraph 9");
    assert!(batch.source.quote.contains("一批技术工人"));
    let names: Vec<&str> = fugong::content::people_of(data, pr)
        .iter()
        .map(|x| x.name.zh.as_str())
        .collect();
    assert_eq!(names, ["王国润", "黄声伟"]);
}

/// Every person is in the card of some project, so the Projects panel shows each.
#[test]
fn every_person_belongs_to_a_project() {
    let data = loaded();
    for x in &data.dataset.people {
        assert!(
            data.dataset
                .projects
                .iter()
                .any(|p| fugong::content::people_of(data, p)
                    .iter()
                    .any(|y| y.id == x.id)),
            "{} is in no project",
            x.name.zh
        );
    }
}

#[test]
fn the_check_of_the_embedded_dataset_counts_people() {
    let out = fugong().arg("check").output().expect("fugong runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("people 9"), "{stdout}");
}

#[test]
fn export_people_writes_one_row_per_person() {
    let out = fugong()
        .args(["export", "--what", "people", "--format", "csv"])
        .output()
        .expect("fugong runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,name_zh,name_en,role_zh,role_en,organisation,place,paragraph,quote")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), loaded().dataset.people.len());
    assert!(rows.contains(
        &"person-wang-guorun,王国润,Wang Guorun,总经理,General manager,org-hengze,,9,总经理王国润"
    ));
    for format in ["json", "markdown"] {
        let out = fugong()
            .args(["export", "--what", "people", "--format", format])
            .output()
            .expect("fugong runs");
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("黄声伟"),
            "{format}"
        );
    }
}

#[test]
fn read_mentions_every_person_in_both_languages() {
    let data = loaded();
    for lang in [Lang::Zh, Lang::En] {
        let r = fugong::read::panel(data, Panel::Projects, lang, None);
        let text = r.lines.join("\n");
        for x in &data.dataset.people {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("{}", x.name.get(lang))))
                .unwrap_or_else(|| panic!("{lang:?}: no line for {}", x.name.zh));
            assert!(line.contains(&x.source.quote), "{line}");
            assert!(line.contains(&x.role.get(lang).into_owned()), "{line}");
        }
    }
}

#[test]
fn the_projects_filter_finds_a_project_by_its_people() {
    let ds = &loaded().dataset;
    let at = |id: &str| {
        ds.projects
            .iter()
            .position(|p| p.id == id)
            .unwrap_or_else(|| panic!("no project {id}"))
    };
    for (needle, project) in [
        ("黄声伟", "project-hengze"),
        ("wang guorun", "project-hengze"),
        ("杨敏", "project-gongshu-returns"),
        ("Ma Cong", "project-nangang-chp"),
        ("技术主管", "project-xiangjiaba-unit7"),
    ] {
        let mut a = support::app(Lang::Both);
        a.update(Action::GoPanel(Panel::Projects));
        a.update(Action::StartFilter);
        for c in needle.chars() {
            a.update(Action::FilterChar(c));
        }
        assert_eq!(a.view(Panel::Projects).rows, vec![at(project)], "{needle}");
    }
}

/// The text of a detail popup's lines.
fn detail_text(a: &fugong::app::App, r: fugong::data::RecordRef) -> String {
    fugong::content::detail::detail_lines(&a.ctx(), fugong::content::Target::Record(r))
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_detail_lists_the_people_of_its_project_and_its_organisation() {
    let data = loaded();
    let a = support::app(Lang::Zh);
    let hengze = data.index.get("project-hengze").expect("project-hengze");
    let text = detail_text(&a, hengze);
    assert!(text.contains("人物"), "{text}");
    assert!(text.contains("王国润  总经理"), "{text}");
    assert!(text.contains("黄声伟"), "{text}");
    // A figure of the maintenance plant: its related records name 黎海凡.
    let figure = data
        .index
        .get("count-xiangjiaba-overhaul-staff")
        .expect("count-xiangjiaba-overhaul-staff");
    let text = detail_text(&a, figure);
    let related = text.split("相关记录").nth(1).unwrap_or_default();
    assert!(related.contains("黎海凡"), "{text}");
    // A person's own detail: role, organisation, source and the note.
    let person = data
        .index
        .get("person-li-haifan")
        .expect("person-li-haifan");
    let text = detail_text(&a, person);
    for want in [
        "黎海凡",
        "检修厂测试分部技术主管",
        "长江电力检修厂",
        "22 / 27",
        "拼音",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
}
