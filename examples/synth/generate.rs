//! A synthetic dataset in fugong's format, for benchmarks at scale.
//!
//! One generator, shared by `examples/synth.rs` (which prints it) and the
//! benchmarks (which load it in memory). The output passes `fugong check`:
//! every quote contains its figure, every figure reads as its value, every
//! rate agrees with its numerator and denominator, every date is valid and in
//! the dataset's year (derived ones follow from their inputs), and every id is
//! unique and every reference names a record of the right kind.
//!
//! The proportions follow the article's dataset: of the records, about 7 % are
//! rates, 66 % counts and 27 % events; records come in stories of a few
//! paragraphs about one organisation; one project per 50 records links a
//! story's events and figures. Labels are Chinese and English of the article's
//! lengths. The same `records` and `seed` give the same bytes.

use serde_json::{Map, Value, json};
use time::{Date, Duration, Month};

/// The year of every stated date.
pub const YEAR: i32 = 2020;

/// splitmix64: small, fast and good enough for test data; no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const PROVINCES: [(&str, &str); 31] = [
    ("北京市", "Beijing"),
    ("天津市", "Tianjin"),
    ("河北省", "Hebei"),
    ("山西省", "Shanxi"),
    ("内蒙古自治区", "Inner Mongolia"),
    ("辽宁省", "Liaoning"),
    ("吉林省", "Jilin"),
    ("黑龙江省", "Heilongjiang"),
    ("上海市", "Shanghai"),
    ("江苏省", "Jiangsu"),
    ("浙江省", "Zhejiang"),
    ("安徽省", "Anhui"),
    ("福建省", "Fujian"),
    ("江西省", "Jiangxi"),
    ("山东省", "Shandong"),
    ("河南省", "Henan"),
    ("湖北省", "Hubei"),
    ("湖南省", "Hunan"),
    ("广东省", "Guangdong"),
    ("广西壮族自治区", "Guangxi"),
    ("海南省", "Hainan"),
    ("重庆市", "Chongqing"),
    ("四川省", "Sichuan"),
    ("贵州省", "Guizhou"),
    ("云南省", "Yunnan"),
    ("西藏自治区", "Tibet"),
    ("陕西省", "Shaanxi"),
    ("甘肃省", "Gansu"),
    ("青海省", "Qinghai"),
    ("宁夏回族自治区", "Ningxia"),
    ("新疆维吾尔自治区", "Xinjiang"),
];

/// Syllables for place names: 荣 + 昌 = 荣昌 / Rongchang.
const SYLLABLES: [(&str, &str); 40] = [
    ("荣", "rong"),
    ("昌", "chang"),
    ("金", "jin"),
    ("湖", "hu"),
    ("安", "an"),
    ("平", "ping"),
    ("江", "jiang"),
    ("宁", "ning"),
    ("青", "qing"),
    ("山", "shan"),
    ("华", "hua"),
    ("阳", "yang"),
    ("永", "yong"),
    ("和", "he"),
    ("新", "xin"),
    ("丰", "feng"),
    ("东", "dong"),
    ("台", "tai"),
    ("兴", "xing"),
    ("化", "hua"),
    ("长", "chang"),
    ("乐", "le"),
    ("德", "de"),
    ("清", "qing"),
    ("海", "hai"),
    ("城", "cheng"),
    ("南", "nan"),
    ("西", "xi"),
    ("泉", "quan"),
    ("溪", "xi"),
    ("河", "he"),
    ("源", "yuan"),
    ("林", "lin"),
    ("峰", "feng"),
    ("云", "yun"),
    ("宝", "bao"),
    ("嘉", "jia"),
    ("桐", "tong"),
    ("武", "wu"),
    ("泰", "tai"),
];

const COUNTY_SUFFIX: [(&str, &str); 3] = [("县", "County"), ("区", "District"), ("市", "City")];

const LOCALITY_SUFFIX: [(&str, &str); 4] = [
    ("高新区", "High-tech Zone"),
    ("工业园", "Industrial Park"),
    ("经济开发区", "Economic Development Zone"),
    ("镇", "Town"),
];

const INDUSTRIES: [(&str, &str, &str); 14] = [
    ("陶瓷", "Ceramics", "ceramics"),
    ("机械", "Machinery", "machinery"),
    ("电子", "Electronics", "electronics"),
    ("纺织", "Textiles", "textiles"),
    ("食品", "Foods", "foods"),
    ("化工", "Chemicals", "chemicals"),
    ("汽车零部件", "Auto Parts", "auto-parts"),
    ("新能源", "New Energy", "new-energy"),
    ("医药", "Pharmaceuticals", "pharma"),
    ("建材", "Building Materials", "building-materials"),
    ("光伏", "Photovoltaics", "pv"),
    ("水电", "Hydropower", "hydropower"),
    ("钢铁", "Steel", "steel"),
    ("物流", "Logistics", "logistics"),
];

const ORG_SUFFIX: [(&str, &str); 4] = [
    ("有限公司", "Co., Ltd."),
    ("集团", "Group"),
    ("股份有限公司", "Corporation"),
    ("公司", "Company"),
];

/// A count template: category, labels ({o} is the organisation or place),
/// unit, a quote around the figure ({f}), and the range of values.
struct CountKind {
    category: &'static str,
    zh: &'static str,
    en: &'static str,
    unit: (&'static str, &'static str),
    quote: &'static str,
    lo: u64,
    hi: u64,
    /// Share of counts of this kind, in percent.
    weight: u64,
}

const COUNT_KINDS: [CountKind; 12] = [
    CountKind {
        category: "cadres",
        zh: "{o}选派驻企党员干部",
        en: "Party cadres {o} sent to stay at enterprises",
        unit: ("名", "people"),
        quote: "选派{f}名党员干部驻企服务",
        lo: 12,
        hi: 600,
        weight: 12,
    },
    CountKind {
        category: "workers",
        zh: "{o}接回返岗务工人员",
        en: "Workers {o} brought back to their jobs",
        unit: ("人", "people"),
        quote: "点对点接回务工人员{f}人",
        lo: 80,
        hi: 30000,
        weight: 10,
    },
    CountKind {
        category: "workers",
        zh: "{o}在建工地务工人员",
        en: "Workers on the building sites of {o}",
        unit: ("人", "people"),
        quote: "在建工地共有务工人员{f}人",
        lo: 50,
        hi: 9000,
        weight: 8,
    },
    CountKind {
        category: "staff",
        zh: "{o}到岗员工",
        en: "Employees of {o} back on post",
        unit: ("名", "people"),
        quote: "{f}名员工到岗",
        lo: 30,
        hi: 6000,
        weight: 15,
    },
    CountKind {
        category: "commando",
        zh: "{o}党员突击队员",
        en: "Members of the Party commando team at {o}",
        unit: ("名", "people"),
        quote: "组建党员突击队，队员{f}名",
        lo: 8,
        hi: 300,
        weight: 8,
    },
    CountKind {
        category: "jobs",
        zh: "{o}对接就业岗位",
        en: "Jobs {o} lined up for returning workers",
        unit: ("个", "jobs"),
        quote: "对接就业岗位{f}个",
        lo: 500,
        hi: 60000,
        weight: 6,
    },
    CountKind {
        category: "enterprises",
        zh: "{o}帮扶复工企业",
        en: "Enterprises {o} helped back to work",
        unit: ("家", "enterprises"),
        quote: "帮助{f}家企业复工",
        lo: 5,
        hi: 2000,
        weight: 8,
    },
    CountKind {
        category: "teams",
        zh: "{o}组建党员服务队",
        en: "Party service teams formed by {o}",
        unit: ("支", "teams"),
        quote: "组建党员服务队{f}支",
        lo: 2,
        hi: 80,
        weight: 8,
    },
    CountKind {
        category: "supplies",
        zh: "{o}筹集防疫口罩",
        en: "Face masks {o} raised for its workforce",
        unit: ("只", "masks"),
        quote: "筹集口罩{f}只",
        lo: 1000,
        hi: 300000,
        weight: 8,
    },
    CountKind {
        category: "physical",
        zh: "{o}完成吊装设备重量",
        en: "Weight of equipment {o} lifted into place",
        unit: ("吨", "tonnes"),
        quote: "完成吊装设备{f}吨",
        lo: 20,
        hi: 5000,
        weight: 6,
    },
    CountKind {
        category: "physical",
        zh: "{o}复工项目",
        en: "Projects of {o} back under construction",
        unit: ("个", "projects"),
        quote: "{f}个项目全面复工",
        lo: 2,
        hi: 400,
        weight: 4,
    },
    CountKind {
        category: "duration",
        zh: "{o}党员攻关队连续奋战",
        en: "Days and nights the Party task force of {o} worked",
        unit: ("个日夜", "days and nights"),
        quote: "连续奋战{f}个日夜",
        lo: 10,
        hi: 90,
        weight: 7,
    },
];

const RATE_PLAIN: [(&str, &str, &str); 4] = [
    (
        "{o}产能恢复率",
        "Capacity recovery rate, {o}",
        "产能恢复率达{f}",
    ),
    ("{o}复产率", "Production resumption rate, {o}", "复产率{f}"),
    (
        "{o}员工返岗率",
        "Return-to-post rate of {o} employees",
        "员工返岗率达到{f}",
    ),
    (
        "{o}项目复工率",
        "Project resumption rate, {o}",
        "项目复工率{f}",
    ),
];

/// A rate with its numerator and denominator counts.
struct RatePair {
    rate: (&'static str, &'static str),
    quote: &'static str,
    num: (&'static str, &'static str, &'static str),
    den: (&'static str, &'static str, &'static str),
    category: &'static str,
    unit: (&'static str, &'static str),
}

const RATE_PAIRS: [RatePair; 2] = [
    RatePair {
        rate: ("{o}复工率", "Work resumption rate, {o}"),
        quote: "复工率{f}",
        num: (
            "{o}已复工企业",
            "Enterprises back at work, {o}",
            "已经复工{f}家",
        ),
        den: (
            "{o}规上工业企业",
            "Industrial enterprises above designated size, {o}",
            "共有规上工业企业{f}家",
        ),
        category: "enterprises",
        unit: ("家", "enterprises"),
    },
    RatePair {
        rate: ("{o}上岗率", "On-post rate, {o}"),
        quote: "上岗率达{f}",
        num: (
            "{o}到岗员工",
            "Employees of {o} back on post",
            "{f}名员工到岗",
        ),
        den: ("{o}员工总数", "Employees of {o} in all", "员工共{f}名"),
        category: "staff",
        unit: ("名", "people"),
    },
];

const EVENTS_DONE: [(&str, &str, &str); 8] = [
    (
        "{o}首批员工返岗复工",
        "First employees of {o} return to work",
        "首批员工返岗复工",
    ),
    (
        "{o}召开复工复产推进会",
        "{o} holds a meeting to push the resumption of production",
        "召开复工复产推进会",
    ),
    (
        "{o}开通返岗直通车",
        "{o} runs direct buses for workers returning to their posts",
        "开通返岗直通车",
    ),
    (
        "{o}包机接回外地务工人员",
        "{o} charters a flight to bring workers back from other provinces",
        "包机接回外地务工人员",
    ),
    (
        "{o}生产线全面恢复运转",
        "Production lines of {o} fully running again",
        "生产线全面恢复运转",
    ),
    (
        "{o}党员突击队进驻施工现场",
        "The Party commando team of {o} moves onto the site",
        "党员突击队进驻施工现场",
    ),
    (
        "{o}完成首台机组总装",
        "{o} completes the assembly of its first unit",
        "完成首台机组总装",
    ),
    (
        "{o}驻厂指导员协调办理通行证",
        "The resident instructor at {o} arranges transport permits",
        "驻厂指导员协调办理通行证",
    ),
];

const EVENTS_PLANNED: [(&str, &str, &str); 5] = [
    (
        "{o}项目全面投产",
        "{o} project to reach full production",
        "项目全面投产",
    ),
    (
        "{o}新建厂房竣工",
        "New plant of {o} to be completed",
        "新建厂房竣工",
    ),
    (
        "{o}机组并网发电",
        "Unit of {o} to be connected to the grid",
        "机组并网发电",
    ),
    (
        "{o}主体工程完工",
        "Main works of {o} to be finished",
        "主体工程完工",
    ),
    (
        "{o}生产线改造完成",
        "Production line upgrade at {o} to be completed",
        "生产线改造完成",
    ),
];

const PROJECTS: [(&str, &str); 4] = [
    ("{o}复工复产攻坚项目", "{o} return-to-work drive"),
    ("{o}产业园建设工程", "{o} industrial park construction"),
    ("{o}扩能改造工程", "{o} capacity expansion works"),
    ("{o}重点建设项目", "{o} key construction project"),
];

const SUMMARIES: [(&str, &str); 3] = [
    (
        "{o}党组织发挥战斗堡垒作用，组织党员突击队和驻企指导员协调用工、物资和通行，推动企业有序复工复产，项目建设按期推进。",
        "The Party organisation of {o} acted as a bulwark: a commando team and resident instructors arranged staff, supplies and transport, so work resumed in order and the project kept to its schedule.",
    ),
    (
        "{o}点对点接回务工人员，党员干部驻厂帮扶，一手抓疫情防控，一手抓复工复产，生产线逐步恢复满负荷运转。",
        "{o} brought its workers back door to door and Party cadres stayed at the plant, keeping the epidemic in check while production lines returned step by step to full load.",
    ),
    (
        "{o}成立复工复产工作专班，倒排工期、挂图作战，党员带头攻坚克难，确保年内重点节点如期完成。",
        "{o} set up a task force for the return to work, planned backwards from its deadlines and had Party members lead the hardest jobs, to reach this year's milestones on time.",
    ),
];

/// One place, as the stories need it.
struct PlaceRef {
    id: String,
}

/// One organisation, as the stories need it.
struct Org {
    id: String,
    place: Option<usize>,
    /// Short name for labels: 荣昌陶瓷 / Rongchang Ceramics.
    zh: String,
    en: String,
    slug: String,
}

/// A story: records about one organisation, over a few paragraphs.
struct Story {
    org: usize,
    date: Date,
    events: Vec<String>,
    figures: Vec<String>,
}

/// What the generator has made so far.
struct Gen {
    rng: Rng,
    places: Vec<PlaceRef>,
    orgs: Vec<Org>,
    places_json: Vec<Value>,
    orgs_json: Vec<Value>,
    rates: Vec<Value>,
    counts: Vec<Value>,
    events: Vec<Value>,
    projects: Vec<Value>,
    stories: Vec<Story>,
    /// Records still to make: rates, counts, events.
    left: [usize; 3],
    paragraph: u32,
    seq: u64,
}

fn fill(template: &str, o: &str) -> String {
    template.replace("{o}", o)
}

fn with_figure(template: &str, f: &str) -> String {
    template.replace("{f}", f)
}

fn text(zh: impl Into<String>, en: impl Into<String>) -> Value {
    json!({"zh": zh.into(), "en": en.into()})
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// "3月22日".
fn zh_day(d: Date) -> String {
    format!("{}月{}日", u8::from(d.month()), d.day())
}

/// 1..=99 in Chinese numerals: 四十二, 十五, 三.
pub fn chinese(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(D[tens]);
    }
    if tens > 0 {
        s.push('十');
    }
    if ones > 0 || tens == 0 {
        s.push_str(D[ones]);
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn day(doy: u64) -> Date {
    Date::from_ordinal_date(YEAR, doy.clamp(1, 366) as u16).unwrap_or(Date::MIN)
}

fn when_day(d: Date, relation: &str) -> Value {
    json!({"date": iso(d), "precision": "day", "relation": relation})
}

fn source(paragraph: u32, quote: String) -> Value {
    json!({"paragraph": paragraph, "quote": quote})
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

impl Gen {
    fn new(records: usize, seed: u64) -> Gen {
        let rates = records * 7 / 100;
        let events = records * 27 / 100;
        Gen {
            rng: Rng::new(seed),
            places: Vec::new(),
            orgs: Vec::new(),
            places_json: Vec::new(),
            orgs_json: Vec::new(),
            rates: Vec::with_capacity(rates),
            counts: Vec::with_capacity(records - rates - events),
            events: Vec::with_capacity(events),
            projects: Vec::new(),
            stories: Vec::new(),
            left: [rates, records - rates - events, events],
            paragraph: 0,
            seq: 0,
        }
    }

    fn id(&mut self, kind: &str, slug: &str, what: &str) -> String {
        self.seq += 1;
        format!("{kind}-{slug}-{what}-{}", self.seq)
    }

    fn places(&mut self, n: usize) {
        for i in 0..n {
            let (pz, pe) = *self.rng.pick(&PROVINCES);
            let (a, b) = (*self.rng.pick(&SYLLABLES), *self.rng.pick(&SYLLABLES));
            let (zh, py) = (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1));
            let en = capitalise(&py);
            let (cz, ce) = *self.rng.pick(&COUNTY_SUFFIX);
            let id = format!("place-{py}-{}", i + 1);
            let mut v = Map::new();
            v.insert("id".into(), id.clone().into());
            v.insert("province".into(), text(pz, pe));
            if self.rng.chance(0.4) {
                let (c, d) = (*self.rng.pick(&SYLLABLES), *self.rng.pick(&SYLLABLES));
                let city = capitalise(&format!("{}{}", c.1, d.1));
                v.insert(
                    "city".into(),
                    text(format!("{}{}市", c.0, d.0), format!("{city} City")),
                );
            }
            v.insert(
                "county".into(),
                text(format!("{zh}{cz}"), format!("{en} {ce}")),
            );
            if self.rng.chance(0.4) {
                let (lz, le) = *self.rng.pick(&LOCALITY_SUFFIX);
                v.insert(
                    "locality".into(),
                    text(format!("{zh}{lz}"), format!("{en} {le}")),
                );
            }
            self.places.push(PlaceRef { id });
            self.places_json.push(Value::Object(v));
        }
    }

    fn organisations(&mut self, n: usize) {
        for i in 0..n {
            let (a, b) = (*self.rng.pick(&SYLLABLES), *self.rng.pick(&SYLLABLES));
            let (zh, py) = (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1));
            let (iz, ie, islug) = *self.rng.pick(&INDUSTRIES);
            let (sz, se) = *self.rng.pick(&ORG_SUFFIX);
            let place = self
                .rng
                .chance(0.9)
                .then(|| self.rng.below(self.places.len() as u64) as usize);
            let slug = format!("{py}-{islug}");
            let id = format!("org-{slug}-{}", i + 1);
            let short = (format!("{zh}{iz}"), format!("{} {ie}", capitalise(&py)));
            let mut v = Map::new();
            v.insert("id".into(), id.clone().into());
            v.insert(
                "name".into(),
                text(format!("{}{sz}", short.0), format!("{} {se}", short.1)),
            );
            if let Some(p) = place {
                v.insert("place".into(), self.places[p].id.clone().into());
            }
            self.orgs.push(Org {
                id,
                place,
                zh: short.0,
                en: short.1,
                slug,
            });
            self.orgs_json.push(Value::Object(v));
        }
    }

    /// Organisation and, for some records, place.
    fn whose(&mut self, st: &Story, v: &mut Map<String, Value>) {
        let org = &self.orgs[st.org];
        v.insert("organisation".into(), org.id.clone().into());
        if self.rng.chance(0.3) {
            let p = match org.place {
                Some(p) => p,
                None => self.rng.below(self.places.len() as u64) as usize,
            };
            v.insert("place".into(), self.places[p].id.clone().into());
        }
    }

    /// A value between `lo` and `hi`, spread evenly on a log scale, and how
    /// the article would write it: "298", "7000多", "2.3万多", "十二".
    fn figure(&mut self, lo: u64, hi: u64) -> (u64, String, &'static str) {
        let u = (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let v = (lo as f64 * (hi as f64 / lo as f64).powf(u)).round() as u64;
        let v = v.clamp(lo, hi);
        if v >= 10_000 && self.rng.chance(0.6) {
            let k = v / 1000;
            let f = if k.is_multiple_of(10) {
                format!("{}万", k / 10)
            } else {
                format!("{}.{}万", k / 10, k % 10)
            };
            if self.rng.chance(0.5) {
                (k * 1000, format!("{f}多"), "at_least")
            } else {
                (k * 1000, f, "exact")
            }
        } else if v >= 100 && self.rng.chance(0.25) {
            let v = v / 100 * 100;
            (v, format!("{v}多"), "at_least")
        } else if v <= 99 && self.rng.chance(0.15) {
            (v, chinese(v), "exact")
        } else {
            (v, v.to_string(), "exact")
        }
    }

    /// A count's date: mostly the day it was reported, sometimes undated.
    fn count_when(&mut self, st: &Story) -> Value {
        if self.rng.chance(0.2) {
            json!({"precision": "undated", "relation": "as_of"})
        } else {
            let d = st.date + Duration::days(self.rng.range(0, 5) as i64);
            when_day(d, "as_of")
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_count(
        &mut self,
        st: &mut Story,
        what: &str,
        label: (String, String),
        category: &str,
        (value, figure, qualifier): (u64, String, &str),
        unit: (&str, &str),
        quote: String,
        when: Value,
        ordinal: bool,
    ) -> String {
        let slug = self.orgs[st.org].slug.clone();
        let id = self.id("count", &slug, what);
        let mut v = object(json!({
            "id": id,
            "label": text(label.0, label.1),
            "category": category,
            "value": value,
        }));
        if qualifier != "exact" {
            v.insert("qualifier".into(), qualifier.into());
        }
        if ordinal {
            v.insert("ordinal".into(), true.into());
        }
        v.insert("unit".into(), text(unit.0, unit.1));
        v.insert("figure".into(), figure.into());
        self.whose(st, &mut v);
        v.insert("when".into(), when);
        v.insert("source".into(), source(self.paragraph, quote));
        self.counts.push(Value::Object(v));
        self.left[1] -= 1;
        st.figures.push(id.clone());
        id
    }

    fn count(&mut self, st: &mut Story) {
        let total: u64 = COUNT_KINDS.iter().map(|k| k.weight).sum();
        let mut r = self.rng.below(total);
        let kind = COUNT_KINDS
            .iter()
            .find(|k| {
                if r < k.weight {
                    true
                } else {
                    r -= k.weight;
                    false
                }
            })
            .unwrap_or(&COUNT_KINDS[0]);
        let (zh, en) = (self.orgs[st.org].zh.clone(), self.orgs[st.org].en.clone());
        let fig = self.figure(kind.lo, kind.hi);
        let quote = with_figure(kind.quote, &fig.1);
        let when = self.count_when(st);
        self.push_count(
            st,
            kind.category,
            (fill(kind.zh, &zh), fill(kind.en, &en)),
            kind.category,
            fig,
            kind.unit,
            quote,
            when,
            false,
        );
    }

    fn rate(&mut self, st: &mut Story) {
        let (zh, en) = (self.orgs[st.org].zh.clone(), self.orgs[st.org].en.clone());
        let slug = self.orgs[st.org].slug.clone();
        let when = when_day(
            st.date + Duration::days(self.rng.range(0, 5) as i64),
            "as_of",
        );
        let mut v = Map::new();
        let (label, value10, quote, num, den) = if self.left[1] >= 2 && self.rng.chance(0.6) {
            let pair = self.rng.pick(&RATE_PAIRS);
            let den = self.rng.range(40, 3000);
            let num = den - self.rng.range(0, den / 8);
            // Rounded half up to one decimal: within 0.05 of num / den.
            let value10 = (num * 1000 + den / 2) / den;
            let nq = with_figure(pair.num.2, &num.to_string());
            let dq = with_figure(pair.den.2, &den.to_string());
            let num_id = self.push_count(
                st,
                "resumed",
                (fill(pair.num.0, &zh), fill(pair.num.1, &en)),
                pair.category,
                (num, num.to_string(), "exact"),
                pair.unit,
                nq.clone(),
                when.clone(),
                false,
            );
            let den_id = self.push_count(
                st,
                "total",
                (fill(pair.den.0, &zh), fill(pair.den.1, &en)),
                pair.category,
                (den, den.to_string(), "exact"),
                pair.unit,
                dq,
                when.clone(),
                false,
            );
            (
                (fill(pair.rate.0, &zh), fill(pair.rate.1, &en)),
                value10,
                format!("{nq}，{}", pair.quote),
                Some(num_id),
                Some(den_id),
            )
        } else {
            let (lz, le, q) = *self.rng.pick(&RATE_PLAIN);
            (
                (fill(lz, &zh), fill(le, &en)),
                self.rng.range(600, 1000),
                q.to_string(),
                None,
                None,
            )
        };
        let figure = if value10.is_multiple_of(10) {
            format!("{}%", value10 / 10)
        } else {
            format!("{}.{}%", value10 / 10, value10 % 10)
        };
        let id = self.id("rate", &slug, "resumption");
        v.insert("id".into(), id.clone().into());
        v.insert("label".into(), text(label.0, label.1));
        v.insert("value".into(), json!(value10 as f64 / 10.0));
        v.insert("figure".into(), figure.clone().into());
        if let Some(n) = num {
            v.insert("numerator".into(), n.into());
        }
        if let Some(d) = den {
            v.insert("denominator".into(), d.into());
        }
        self.whose(st, &mut v);
        v.insert("when".into(), when);
        v.insert(
            "source".into(),
            source(self.paragraph, with_figure(&quote, &figure)),
        );
        self.rates.push(Value::Object(v));
        self.left[0] -= 1;
        st.figures.push(id);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_event(
        &mut self,
        st: &mut Story,
        what: &str,
        label: (String, String),
        status: &str,
        when: Value,
        figure: Option<String>,
        quote: String,
        extra: Map<String, Value>,
    ) -> String {
        let slug = self.orgs[st.org].slug.clone();
        let id = self.id("event", &slug, what);
        let mut v = object(json!({
            "id": id,
            "label": text(label.0, label.1),
            "status": status,
            "when": when,
        }));
        if let Some(f) = figure {
            v.insert("figure".into(), f.into());
        }
        v.extend(extra);
        self.whose(st, &mut v);
        v.insert("source".into(), source(self.paragraph, quote));
        self.events.push(Value::Object(v));
        self.left[2] -= 1;
        st.events.push(id.clone());
        id
    }

    fn event(&mut self, st: &mut Story) {
        if self.left[2] >= 2 && self.left[1] >= 1 && self.rng.chance(0.06) {
            return self.derived(st);
        }
        let (zh, en) = (self.orgs[st.org].zh.clone(), self.orgs[st.org].en.clone());
        if self.rng.chance(0.7) {
            let (lz, le, act) = *self.rng.pick(&EVENTS_DONE);
            let d = st.date + Duration::days(self.rng.range(0, 20) as i64);
            let fig = zh_day(d);
            let (when, quote) = match self.rng.below(10) {
                0 => {
                    let (h, m) = (self.rng.range(6, 20), self.rng.range(0, 59));
                    (
                        json!({"date": iso(d), "time": format!("{h:02}:{m:02}"), "precision": "day", "relation": "on"}),
                        format!("{fig}{h}时{m}分，{zh}{act}"),
                    )
                }
                1 => (
                    json!({"date": iso(d), "part_of_day": "morning", "precision": "day", "relation": "on"}),
                    format!("{fig}上午，{zh}{act}"),
                ),
                2 => (when_day(d, "since"), format!("从{fig}起，{zh}{act}")),
                _ => (when_day(d, "on"), format!("{fig}，{zh}{act}")),
            };
            self.push_event(
                st,
                "done",
                (fill(lz, &zh), fill(le, &en)),
                "done",
                when,
                Some(fig),
                quote,
                Map::new(),
            );
        } else {
            let (lz, le, act) = *self.rng.pick(&EVENTS_PLANNED);
            let month = self.rng.range(4, 12) as u8;
            let m = Month::try_from(month).unwrap_or(Month::December);
            let (when, fig) = match self.rng.below(10) {
                0..=3 => {
                    let d = Date::from_calendar_date(YEAR, m, 15).unwrap_or(Date::MIN);
                    (
                        json!({"date": iso(d), "precision": "mid_month", "relation": "before"}),
                        format!("{month}月中旬前"),
                    )
                }
                4..=6 => {
                    let d = Date::from_calendar_date(YEAR, m, m.length(YEAR)).unwrap_or(Date::MIN);
                    (
                        json!({"date": iso(d), "precision": "end_of_month", "relation": "before"}),
                        format!("{month}月底前"),
                    )
                }
                7..=8 => {
                    let d = day(self.rng.range(183, 366));
                    (when_day(d, "on"), zh_day(d))
                }
                _ => (
                    json!({"precision": "winter", "relation": "before"}),
                    "入冬前".to_string(),
                ),
            };
            let quote = format!("力争{fig}{act}");
            self.push_event(
                st,
                "planned",
                (fill(lz, &zh), fill(le, &en)),
                "planned",
                when,
                Some(fig),
                quote,
                Map::new(),
            );
        }
    }

    /// A derived date with its inputs: a stated event, a count of days, the
    /// derived event and, sometimes, a stated event it agrees with.
    fn derived(&mut self, st: &mut Story) {
        let (zh, en) = (self.orgs[st.org].zh.clone(), self.orgs[st.org].en.clone());
        let day_number = self.rng.chance(0.6);
        let n = if day_number {
            self.rng.range(20, 60)
        } else {
            self.rng.range(5, 40)
        };
        let doy = (st.date.ordinal() as u64).max(n + 30) + self.rng.range(0, 10);
        let anchor_date = day(doy);
        let fig = zh_day(anchor_date);
        let (anchor_label, anchor_quote) = if day_number {
            let (lz, le, _) = *self.rng.pick(&EVENTS_DONE);
            (
                (fill(lz, &zh), fill(le, &en)),
                format!("{fig}，{zh}安全复工复产"),
            )
        } else {
            (
                (
                    format!("{zh}主体结构封顶"),
                    format!("{en} tops out its main structure"),
                ),
                format!("{fig}，{zh}主体结构封顶"),
            )
        };
        let anchor = self.push_event(
            st,
            "anchor",
            anchor_label,
            "done",
            when_day(anchor_date, "on"),
            Some(fig),
            anchor_quote,
            Map::new(),
        );
        let (derived_date, count, derivation, label, quote) = if day_number {
            let cn = chinese(n);
            let count = self.push_count(
                st,
                "day",
                (
                    format!("{zh}安全复工复产第{cn}天"),
                    format!("Day {n} of safe resumption at {en}"),
                ),
                "duration",
                (n, cn.clone(), "exact"),
                ("天", "day"),
                format!("安全复工复产第{cn}天"),
                when_day(anchor_date, "on"),
                true,
            );
            (
                anchor_date - Duration::days(n as i64 - 1),
                count.clone(),
                json!({"kind": "day_number", "day": count, "on": anchor}),
                (
                    format!("{zh}安全复工复产首日（推算）"),
                    format!("First day of resumption at {en} (derived)"),
                ),
                format!("第{cn}天"),
            )
        } else {
            let count = self.push_count(
                st,
                "days",
                (
                    format!("{zh}设备进场至主体封顶用时"),
                    format!("Days from equipment arriving to topping out at {en}"),
                ),
                "duration",
                (n, n.to_string(), "exact"),
                ("天", "days"),
                format!("仅用{n}天完成主体封顶"),
                json!({"precision": "undated", "relation": "on"}),
                false,
            );
            (
                anchor_date - Duration::days(n as i64),
                count.clone(),
                json!({"kind": "days_before", "days": count, "before": anchor}),
                (
                    format!("{zh}设备进场（推算）"),
                    format!("Equipment arrives at {en} (derived)"),
                ),
                format!("仅用{n}天"),
            )
        };
        let _ = count;
        let mut extra = Map::new();
        extra.insert("derivation".into(), derivation);
        let agreeing = (self.left[2] >= 2 && self.rng.chance(0.5)).then(|| {
            self.seq += 1;
            format!("event-{}-stated-{}", self.orgs[st.org].slug, self.seq)
        });
        if let Some(a) = &agreeing {
            extra.insert("agrees_with".into(), a.clone().into());
        }
        self.push_event(
            st,
            "derived",
            label,
            "done",
            when_day(derived_date, "on"),
            None,
            quote,
            extra,
        );
        if let Some(id) = agreeing {
            let fig = zh_day(derived_date);
            let mut v = object(json!({
                "id": id,
                "label": text(format!("{zh}复工复产工作全面启动"), format!("{en} starts its return to work in earnest")),
                "status": "done",
                "when": when_day(derived_date, "since"),
                "figure": fig,
            }));
            self.whose(st, &mut v);
            v.insert(
                "source".into(),
                source(
                    self.paragraph,
                    format!("从{fig}起，{zh}复工复产工作全面启动"),
                ),
            );
            self.events.push(Value::Object(v));
            self.left[2] -= 1;
            st.events.push(id);
        }
    }

    fn stories(&mut self) {
        while self.left.iter().sum::<usize>() > 0 {
            self.paragraph += 1;
            let mut st = Story {
                org: self.rng.below(self.orgs.len() as u64) as usize,
                date: day(self.rng.range(25, 182)),
                events: Vec::new(),
                figures: Vec::new(),
            };
            for _ in 0..self.rng.range(3, 10) {
                let total = self.left.iter().sum::<usize>() as u64;
                if total == 0 {
                    break;
                }
                let r = self.rng.below(total) as usize;
                if r < self.left[0] {
                    self.rate(&mut st);
                } else if r < self.left[0] + self.left[1] {
                    self.count(&mut st);
                } else {
                    self.event(&mut st);
                }
                if self.rng.chance(0.45) {
                    self.paragraph += 1;
                }
            }
            self.stories.push(st);
        }
    }

    fn projects(&mut self, n: usize) {
        let n = n.min(self.stories.len());
        if n == 0 {
            return;
        }
        let step = self.stories.len() / n;
        for k in 0..n {
            let st = &self.stories[k * step];
            let org = &self.orgs[st.org];
            let (nz, ne) = PROJECTS[k % PROJECTS.len()];
            let (sz, se) = SUMMARIES[k % SUMMARIES.len()];
            let mut v = object(json!({
                "id": format!("project-{}-{}", org.slug, k + 1),
                "name": text(fill(nz, &org.zh), fill(ne, &org.en)),
                "summary": text(fill(sz, &org.zh), fill(se, &org.en)),
                "organisation": org.id,
            }));
            if let Some(p) = org.place {
                v.insert("place".into(), self.places[p].id.clone().into());
            }
            v.insert(
                "events".into(),
                st.events.iter().take(6).cloned().collect::<Vec<_>>().into(),
            );
            v.insert(
                "figures".into(),
                st.figures
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .into(),
            );
            self.projects.push(Value::Object(v));
        }
    }

    /// Records of one series (a rate's label, organisation and place; a
    /// count's, with its unit and category) known on one date would hide
    /// each other, and `fugong check` refuses them. The later of two gets
    /// its paragraph in its label, as `fugong draft` does, and then its
    /// number if it shares that too.
    fn apart(&mut self) {
        use std::collections::HashSet;
        let stated = |v: &Value| match v["when"]["relation"].as_str() {
            Some("as_of" | "on" | "before") => v["when"]["date"].as_str().map(str::to_string),
            _ => None,
        };
        let report = self
            .rates
            .iter()
            .chain(&self.counts)
            .filter_map(stated)
            .chain(
                self.events
                    .iter()
                    .filter(|e| e["status"] == "done")
                    .filter_map(|e| e["when"]["date"].as_str().map(str::to_string)),
            )
            .max()
            .unwrap_or_default();
        let key = |v: &Value, count: bool| {
            let mut k = format!(
                "{}|{}|{}|{}",
                v["label"],
                v["organisation"],
                v["place"],
                stated(v).unwrap_or_else(|| report.clone())
            );
            if count {
                k.push_str(&format!("|{}|{}", v["unit"], v["category"]));
            }
            k
        };
        for (list, count) in [(&mut self.rates, false), (&mut self.counts, true)] {
            let mut seen: HashSet<String> = HashSet::new();
            for (i, v) in list.iter_mut().enumerate() {
                if seen.insert(key(v, count)) {
                    continue;
                }
                let para = v["source"]["paragraph"].clone();
                for mark in [
                    (format!("（第{para}段）"), format!(" (¶{para})")),
                    (format!("（{}）", i + 1), format!(" ({})", i + 1)),
                ] {
                    if let (Some(zh), Some(en)) = (
                        v["label"]["zh"].as_str().map(|z| format!("{z}{}", mark.0)),
                        v["label"]["en"].as_str().map(|e| format!("{e}{}", mark.1)),
                    ) {
                        v["label"] = json!({"zh": zh, "en": en});
                    }
                    if seen.insert(key(v, count)) {
                        break;
                    }
                }
            }
        }
    }

    fn json(&self) -> String {
        let mut out = String::with_capacity(
            (self.rates.len() + self.counts.len() + self.events.len()) * 460 + 4096,
        );
        let head = json!({
            "schema_version": 1,
            "title": text("合成数据：各地复工复产", "Synthetic data: resumption of work across the country"),
            "source": {
                "title": text("合成报道（fugong 基准测试数据）", "A synthetic report (fugong benchmark data)"),
                "paragraphs": self.paragraph.max(1),
                "note": text(
                    "由 examples/synth.rs 生成，仅用于性能测试；数字、地名和单位均为虚构。",
                    "Made by examples/synth.rs for benchmarks only; its figures, places and organisations are invented.",
                ),
            },
            "year": {
                "value": YEAR,
                "inferred": false,
                "reason": text("合成数据的日期都在2020年。", "Every date of the synthetic data is in 2020."),
            },
        });
        out.push_str("{\n");
        for (k, v) in object(head) {
            out.push_str(&format!("  {}: {},\n", Value::from(k), v));
        }
        let arrays: [(&str, &[Value]); 6] = [
            ("places", &self.places_json),
            ("organisations", &self.orgs_json),
            ("rates", &self.rates),
            ("counts", &self.counts),
            ("events", &self.events),
            ("projects", &self.projects),
        ];
        for (i, (name, items)) in arrays.iter().enumerate() {
            out.push_str(&format!("  \"{name}\": ["));
            for (j, item) in items.iter().enumerate() {
                out.push_str(if j == 0 { "\n    " } else { ",\n    " });
                out.push_str(&item.to_string());
            }
            out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
            out.push_str(if i + 1 < arrays.len() { ",\n" } else { "\n" });
        }
        out.push_str("}\n");
        out
    }
}

/// A dataset of `records` rates, counts and events (and one project per 50
/// records, one place per 100 and one organisation per 40) as JSON text.
pub fn generate(records: usize, seed: u64) -> String {
    let mut g = Gen::new(records, seed);
    g.places((records / 100).max(3));
    g.organisations((records / 40).max(3));
    g.stories();
    g.projects((records / 50).max(1));
    g.apart();
    g.json()
}
