//! Measure words and nouns after a number: the unit in both languages and
//! the category a count of them most likely belongs to.

use crate::data::model::Category;

/// A unit as the article writes it, with its English and a category guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub zh: &'static str,
    pub en: &'static str,
    /// The category a count in this unit falls in when the noun after it
    /// says nothing more.
    pub kind: Guess,
}

/// What a unit says of the thing counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// Persons: the noun after decides cadres, workers, staff or commando.
    Persons,
    Enterprises,
    Teams,
    Supplies,
    Physical,
    Duration,
    Money,
    /// 个, 项, 次: the noun after decides.
    Generic,
}

macro_rules! units {
    ($($zh:literal $en:literal $kind:ident),* $(,)?) => {
        &[$(Unit { zh: $zh, en: $en, kind: Guess::$kind }),*]
    };
}

/// Longest first, so 千瓦时 wins over 千瓦 and 批次 over 批.
pub const UNITS: &[Unit] = units![
    "千瓦时" "kWh" Physical,
    "平方米" "square metres" Physical,
    "立方米" "cubic metres" Physical,
    "千瓦" "kW" Physical,
    "公斤" "kg" Physical,
    "千克" "kg" Physical,
    "公里" "km" Physical,
    "小时" "hours" Duration,
    "分钟" "minutes" Duration,
    "个月" "months" Duration,
    "批次" "batches" Teams,
    "人次" "person-times" Persons,
    "架次" "flights" Physical,
    "名" "people" Persons,
    "人" "people" Persons,
    "位" "people" Persons,
    "家" "enterprises" Enterprises,
    "户" "households" Generic,
    "个" "" Generic,
    "個" "" Generic,
    "輛" "vehicles" Physical,
    "噸" "tonnes" Physical,
    "臺" "machines" Physical,
    "條" "lines" Physical,
    "項" "items" Generic,
    "支" "teams" Teams,
    "批" "batches" Teams,
    "组" "groups" Teams,
    "队" "teams" Teams,
    "架" "aircraft" Physical,
    "吨" "tonnes" Physical,
    "台" "machines" Physical,
    "辆" "vehicles" Physical,
    "列" "trains" Physical,
    "趟" "trips" Physical,
    "艘" "ships" Physical,
    "座" "structures" Physical,
    "条" "lines" Physical,
    "地" "sites" Physical,
    "处" "sites" Physical,
    "所" "institutions" Generic,
    "件" "items" Supplies,
    "套" "sets" Supplies,
    "只" "pieces" Supplies,
    "箱" "boxes" Supplies,
    "袋" "bags" Supplies,
    "瓶" "bottles" Supplies,
    "副" "pairs" Supplies,
    "双" "pairs" Supplies,
    "顶" "pieces" Supplies,
    "项" "items" Generic,
    "次" "times" Generic,
    "场" "sessions" Generic,
    "轮" "rounds" Generic,
    "期" "phases" Generic,
    "届" "sessions" Generic,
    "天" "days" Duration,
    "周" "weeks" Duration,
    "年" "years" Duration,
    "倍" "times" Generic,
    "元" "yuan" Money,
    "亩" "mu" Physical,
    "米" "metres" Physical,
];

/// The unit that `rest` starts with, if any.
pub fn unit_at(rest: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| rest.starts_with(u.zh))
}

/// Nouns that say what persons are, and what a 个 counts, in order.
const NOUNS: &[(&str, Category)] = &[
    ("突击队", Category::Commando),
    ("党员", Category::Cadres),
    ("干部", Category::Cadres),
    ("指导员", Category::Cadres),
    ("员工", Category::Staff),
    ("职工", Category::Staff),
    ("工人", Category::Workers),
    ("务工", Category::Workers),
    ("劳务", Category::Workers),
    ("农民工", Category::Workers),
    ("返岗", Category::Workers),
    ("岗位", Category::Jobs),
    ("企业", Category::Enterprises),
    ("公司", Category::Enterprises),
    ("厂", Category::Enterprises),
    ("工作组", Category::Teams),
    ("小组", Category::Teams),
    ("分部", Category::Teams),
    ("团队", Category::Teams),
    ("日夜", Category::Duration),
    ("口罩", Category::Supplies),
    ("防护服", Category::Supplies),
    ("消毒", Category::Supplies),
    ("物资", Category::Supplies),
    ("省", Category::Physical),
    ("城市", Category::Physical),
    ("项目", Category::Physical),
];

/// The category of a count in `unit`, followed by `noun` (the words
/// after the unit), or preceded by it (`before`: the words before the
/// number, when nothing follows). The noun nearest the number decides:
/// 为企业共筹措到口罩20万个 counts masks, not enterprises.
pub fn category(unit: &Unit, noun: &str, before: bool) -> Category {
    // After the unit the list's order decides (党员突击队队员 are commando);
    // before the number, the nearest noun.
    let at = |w: &str| {
        if before {
            noun.rfind(w).map(|i| usize::MAX - (i + w.len()))
        } else {
            noun.find(w).map(|_| 0)
        }
    };
    let by_noun = NOUNS
        .iter()
        .filter_map(|(w, c)| at(w).map(|k| (k, c)))
        .min_by_key(|&(k, _)| k)
        .map(|(_, c)| c.clone());
    match unit.kind {
        Guess::Persons => match by_noun {
            Some(
                c @ (Category::Cadres | Category::Workers | Category::Staff | Category::Commando),
            ) => c,
            _ => Category::People,
        },
        Guess::Enterprises => Category::Enterprises,
        Guess::Teams => Category::Teams,
        Guess::Supplies => by_noun.unwrap_or(Category::Supplies),
        Guess::Physical => match by_noun {
            Some(Category::Supplies) => Category::Supplies,
            _ => Category::Physical,
        },
        Guess::Duration => Category::Duration,
        Guess::Money => Category::Other("money".into()),
        Guess::Generic => by_noun.unwrap_or_else(|| Category::Other("other".into())),
    }
}

/// An English noun's category: "workers", "enterprises", "days".
pub fn english_category(noun: &str) -> Category {
    let n = noun.to_ascii_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| n.starts_with(w));
    if has(&["cadre", "official", "party member"]) {
        Category::Cadres
    } else if has(&["worker", "migrant", "labourer", "laborer"]) {
        Category::Workers
    } else if has(&["employee", "staff"]) {
        Category::Staff
    } else if has(&[
        "enterprise",
        "compan",
        "firm",
        "business",
        "factor",
        "plant",
    ]) {
        Category::Enterprises
    } else if has(&["job", "position", "post"]) {
        Category::Jobs
    } else if has(&["team", "group", "batch"]) {
        Category::Teams
    } else if has(&["day", "hour", "minute", "week", "month", "year"]) {
        Category::Duration
    } else if has(&["mask", "suit", "glove", "kit"]) {
        Category::Supplies
    } else if has(&[
        "tonne", "ton", "aircraft", "plane", "flight", "train", "bus", "vehicle", "truck", "crane",
        "site", "province", "city", "cities", "kilowatt",
    ]) {
        Category::Physical
    } else if has(&["people", "person", "resident", "villager"]) {
        Category::People
    } else if n.is_empty() {
        Category::Other("other".into())
    } else {
        Category::Other(n.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_first() {
        assert_eq!(unit_at("千瓦时的电").map(|u| u.zh), Some("千瓦时"));
        assert_eq!(unit_at("名").map(|u| u.en), Some("people"));
        assert_eq!(unit_at("千瓦级").map(|u| u.zh), Some("千瓦"));
        assert_eq!(unit_at("批次").map(|u| u.zh), Some("批次"));
        assert_eq!(unit_at("同步"), None);
    }

    #[test]
    fn nouns_decide_persons() {
        let ming = unit_at("名").unwrap();
        assert_eq!(category(ming, "党员干部", false), Category::Cadres);
        assert_eq!(category(ming, "党员突击队队员", false), Category::Commando);
        assert_eq!(category(ming, "外出务工人员", false), Category::Workers);
        assert_eq!(category(ming, "员工到岗", false), Category::Staff);
        assert_eq!(category(ming, "村民", false), Category::People);
        let ge = unit_at("个").unwrap();
        assert_eq!(category(ge, "就业岗位", false), Category::Jobs);
        assert_eq!(category(ge, "工作组", false), Category::Teams);
        assert_eq!(
            category(ge, "奇怪的东西", false),
            Category::Other("other".into())
        );
        assert_eq!(category(ge, "为企业共筹措到口罩", true), Category::Supplies);
        assert_eq!(category(ge, "就业岗位的企业", false), Category::Jobs);
        assert_eq!(english_category("workers"), Category::Workers);
        assert_eq!(english_category("buses"), Category::Physical);
        assert_eq!(
            english_category("hospitals"),
            Category::Other("hospitals".into())
        );
    }
}
