//! Chinese in the order a dictionary gives it: by pinyin, then tone.
//!
//! Each character reads as the `pinyin` crate's first reading, except in
//! the words below, where it reads otherwise: 重 is zhòng but 重庆 is
//! Chóngqìng, 长 is zhǎng but 长沙 is Chángshā, 厦 is shà but 厦门 is
//! Xiàmén. Place names are most of them; a word missing here sorts by its
//! characters' common readings.

use pinyin::ToPinyin;

/// Words whose characters read otherwise than alone, with their syllables
/// (tone number last).
const WORDS: &[(&str, &[&str])] = &[
    // Places.
    ("重庆", &["chong2", "qing4"]),
    ("厦门", &["xia4", "men2"]),
    ("长沙", &["chang2", "sha1"]),
    ("长春", &["chang2", "chun1"]),
    ("长江", &["chang2", "jiang1"]),
    ("长城", &["chang2", "cheng2"]),
    ("长安", &["chang2", "an1"]),
    ("长治", &["chang2", "zhi4"]),
    ("长宁", &["chang2", "ning2"]),
    ("长寿", &["chang2", "shou4"]),
    ("长兴", &["chang2", "xing1"]),
    ("长汀", &["chang2", "ting1"]),
    ("长葛", &["chang2", "ge3"]),
    ("长白", &["chang2", "bai2"]),
    ("长丰", &["chang2", "feng1"]),
    ("长乐", &["chang2", "le4"]),
    ("长阳", &["chang2", "yang2"]),
    ("长海", &["chang2", "hai3"]),
    ("长泰", &["chang2", "tai4"]),
    ("长清", &["chang2", "qing1"]),
    ("蚌埠", &["beng4", "bu4"]),
    ("六安", &["lu4", "an1"]),
    ("六合", &["lu4", "he2"]),
    ("乐清", &["yue4", "qing1"]),
    ("乐亭", &["lao4", "ting2"]),
    ("台州", &["tai1", "zhou1"]),
    ("天台", &["tian1", "tai1"]),
    ("丽水", &["li2", "shui3"]),
    ("番禺", &["pan1", "yu2"]),
    ("单县", &["shan4", "xian4"]),
    ("铅山", &["yan2", "shan1"]),
    ("东莞", &["dong1", "guan3"]),
    ("莘县", &["shen1", "xian4"]),
    ("莘庄", &["xin1", "zhuang1"]),
    ("涡阳", &["guo1", "yang2"]),
    ("蔚县", &["yu4", "xian4"]),
    ("盱眙", &["xu1", "yi2"]),
    ("洪洞", &["hong2", "tong2"]),
    ("黄陂", &["huang2", "pi2"]),
    ("百色", &["bai3", "se4"]),
    ("枞阳", &["zong1", "yang2"]),
    ("歙县", &["she4", "xian4"]),
    ("尉氏", &["wei4", "shi4"]),
    ("会稽", &["kuai4", "ji1"]),
    ("华山", &["hua4", "shan1"]),
    ("荥阳", &["xing2", "yang2"]),
    ("监利", &["jian4", "li4"]),
    ("曲阜", &["qu1", "fu4"]),
    ("朝阳", &["chao2", "yang2"]),
    ("成都", &["cheng2", "du1"]),
    ("首都", &["shou3", "du1"]),
    ("都江堰", &["du1", "jiang1", "yan4"]),
    // Words of the reports.
    ("银行", &["yin2", "hang2"]),
    ("行业", &["hang2", "ye4"]),
    ("重新", &["chong2", "xin1"]),
    ("重复", &["chong2", "fu4"]),
    ("重建", &["chong2", "jian4"]),
    ("重启", &["chong2", "qi3"]),
    ("长期", &["chang2", "qi1"]),
    ("干部", &["gan4", "bu4"]),
    ("抽调", &["chou1", "diao4"]),
    ("调度", &["diao4", "du4"]),
];

thread_local! {
    /// The first character of each word of [`WORDS`], sorted.
    static FIRSTS: Vec<char> = {
        let mut v: Vec<char> = WORDS.iter().filter_map(|(w, _)| w.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
}

/// A key that sorts Chinese text by pinyin, then tone, then the text itself
/// (so that two texts of one reading still have an order); any other
/// character sorts as its lower case. Syllables end in a space, so "xi"
/// sorts before "xian"; ü is written "v", after "u", as dictionaries have it.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        // Most characters begin no word of the table: one look at the
        // first characters, not a comparison with every word.
        let may_begin_a_word = !c.is_ascii() && FIRSTS.with(|f| f.binary_search(&c).is_ok());
        for (word, syllables) in WORDS.iter().filter(|_| may_begin_a_word) {
            if let Some(after) = rest.strip_prefix(word) {
                for s in *syllables {
                    out.push_str(s);
                    out.push(' ');
                }
                rest = after;
                continue 'outer;
            }
        }
        match c.to_pinyin() {
            Some(p) => {
                out.extend(
                    p.with_tone_num_end()
                        .chars()
                        .map(|c| if c == 'ü' { 'v' } else { c }),
                );
                out.push(' ');
            }
            None => out.extend(c.to_lowercase()),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push('\u{0}');
    out.push_str(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by_cached_key(|s| key(s));
        v
    }

    #[test]
    fn heteronyms_read_as_the_place_names_do() {
        // By code point: 厦门 重庆 长沙; by the characters' common readings
        // (shà, zhǎng, zhòng): 厦门 长沙 重庆.
        assert_eq!(
            sorted(&["重庆市", "厦门市", "长沙市"]),
            ["长沙市", "重庆市", "厦门市"]
        );
        assert!(key("长江电力").starts_with("chang2 jiang1 dian4 li4 "));
        // Alone, a character keeps its common reading: 队长 is duìzhǎng.
        assert!(key("队长").starts_with("dui4 zhang3 "));
    }

    #[test]
    fn pinyin_then_tone_then_text() {
        assert_eq!(sorted(&["马", "妈", "麻"]), ["妈", "麻", "马"]);
        assert_eq!(sorted(&["西安", "先"]), ["西安", "先"]);
        // 绿 lǜ after 路 lù and 罗 luó, before 马.
        assert_eq!(sorted(&["马", "绿", "罗", "路"]), ["路", "罗", "绿", "马"]);
        assert_eq!(
            sorted(&["荣昌高新区", "金湖县", "临翔区"]),
            ["金湖县", "临翔区", "荣昌高新区"]
        );
    }

    #[test]
    fn other_text_sorts_as_its_lower_case() {
        assert_eq!(sorted(&["b", "A", "c"]), ["A", "b", "c"]);
        assert!(key("6架C919").starts_with("6jia4 c919"));
    }
}
