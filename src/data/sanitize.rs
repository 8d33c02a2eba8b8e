//! Dataset text is untrusted: nothing in it may drive the terminal.
//!
//! Every string is cleaned once, at load time. Controls, bidirectional
//! overrides and invisible format characters become a visible marker such as
//! `⟨U+202E⟩`, so the reader knows something was there; tabs and line breaks
//! become a space, so a label stays on one line.
//!
//! No field is listed by hand: [`Sanitizer`] wraps the JSON deserializer, and
//! every string the parse hands to the model (ids, labels, quotes, figures,
//! keys and enum names alike) goes through [`clean`] on the way, in the one
//! pass that parses the file. A field added to the model is cleaned by
//! construction. No string is exempt and every one is cleaned alike, line
//! breaks included, as the hand-written list did before. Numbers and booleans
//! pass as they are; a value that is skipped (`deserialize_ignored_any`) is
//! never kept, so it is not cleaned.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Characters that must never reach the terminal as they are.
pub fn is_hostile(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(c,
            '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}'              // byte-order mark / zero-width no-break space
            | '\u{00AD}'              // soft hyphen
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
            | '\u{061C}'              // Arabic letter mark (bidi)
            | '\u{180E}'              // Mongolian vowel separator (invisible)
            | '\u{034F}'              // combining grapheme joiner (invisible)
            | '\u{206A}'..='\u{206F}' // deprecated format controls
            | '\u{E0000}'..='\u{E007F}' // tags: invisible ASCII look-alikes
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers (blank)
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
        )
}

/// Returns `text` with hostile characters replaced; borrows when it is clean.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Printable ASCII (ids, keys, dates, names) is clean: a byte test the
    // compiler vectorises. Anything else is read char by char.
    let printable = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    if printable || !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_hostile(c) => out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A deserializer whose every string is [`clean`]ed before the model sees it.
///
/// It wraps another deserializer (serde_json's) and each visitor, seed and
/// access it is given, so that nothing deeper escapes the wrapping. Errors
/// are the inner deserializer's: serde_json still adds the line and column,
/// and `serde_path_to_error` above it still tracks the path. Only a string a
/// message quotes from a visitor is the cleaned one; serde_json's own
/// messages quote the raw text, so the loader still cleans every message.
pub struct Sanitizer<D>(pub D);

/// Parses `text` as JSON into `T`, every string cleaned, the whole text read
/// (trailing characters are an error), as `serde_json::from_str` does.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Sanitizer(&mut de))?;
    de.end()?;
    Ok(value)
}

/// Wraps a visitor: strings are cleaned, everything nested is wrapped again.
struct Clean<V>(V);

macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Clean(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Sanitizer<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Clean(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Clean(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Clean(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Clean(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_struct(name, fields, Clean(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Clean(visitor))
    }

    /// A skipped value is never kept: nothing to clean.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Clean<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    forward_visit! {
        visit_bool: bool
        visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64 visit_i128: i128
        visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64 visit_u128: u128
        visit_f32: f32 visit_f64: f64
        // Bytes are not text; JSON gives none to the model, which has no byte fields.
        visit_bytes: &[u8] visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        if is_hostile(v) {
            // A marker is not one char: a char field refuses it, as it should.
            self.0
                .visit_string(clean(v.encode_utf8(&mut [0; 4])).into_owned())
        } else {
            self.0.visit_char(v)
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        match clean(v) {
            Cow::Borrowed(v) => self.0.visit_str(v),
            Cow::Owned(v) => self.0.visit_string(v),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        match clean(v) {
            Cow::Borrowed(v) => self.0.visit_borrowed_str(v),
            Cow::Owned(v) => self.0.visit_string(v),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        if let Cow::Owned(c) = clean(&v) {
            return self.0.visit_string(c);
        }
        self.0.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Sanitizer(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Sanitizer(d))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Sanitizer(seq))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Sanitizer(map))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Sanitizer(data))
    }
}

/// Each element, key, value and variant is deserialized through a [`Sanitizer`].
impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Clean<T> {
    type Value = T::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Value, D::Error> {
        self.0.deserialize(Sanitizer(d))
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Sanitizer<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Clean(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Sanitizer<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Clean(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Clean(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Sanitizer<A> {
    type Error = A::Error;
    type Variant = Sanitizer<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Clean(seed))?;
        Ok((value, Sanitizer(variant)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Sanitizer<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Clean(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Clean(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Clean(visitor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("复工率98.3%"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_bidi_become_markers() {
        assert_eq!(clean("a\u{1b}[2Jb"), "a⟨U+001B⟩[2Jb");
        assert_eq!(clean("x\u{202E}y"), "x⟨U+202E⟩y");
        assert_eq!(clean("\u{9B}"), "⟨U+009B⟩");
        assert_eq!(
            clean("zero\u{200B}width\u{FEFF}"),
            "zero⟨U+200B⟩width⟨U+FEFF⟩"
        );
        assert_eq!(clean("soft\u{AD}"), "soft⟨U+00AD⟩");
        assert_eq!(clean("del\u{7F}"), "del⟨U+007F⟩");
    }

    #[test]
    fn other_invisible_format_characters_become_markers() {
        assert_eq!(clean("a\u{61C}b"), "a⟨U+061C⟩b");
        assert_eq!(clean("\u{180E}\u{34F}\u{206F}"), "⟨U+180E⟩⟨U+034F⟩⟨U+206F⟩");
        // Tag characters can spell hidden ASCII.
        assert_eq!(clean("x\u{E0068}\u{E0069}"), "x⟨U+E0068⟩⟨U+E0069⟩");
        // Variation selectors are not format characters: emoji keep them.
        assert!(matches!(clean("1\u{FE0F}\u{20E3}"), Cow::Borrowed(_)));
    }

    #[test]
    fn whitespace_controls_become_spaces() {
        assert_eq!(clean("a\tb\nc\rd"), "a b c d");
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(clean("x\u{3164}y"), "x⟨U+3164⟩y");
    }

    /// Every shape serde can hand a string through, as the model might
    /// grow it: each one arrives cleaned.
    #[test]
    fn every_shape_of_string_is_cleaned() {
        use std::collections::{BTreeMap, HashMap};

        use serde::{Deserialize, Serialize};

        #[derive(Debug, Serialize, Deserialize)]
        struct Newtype(String);

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum External {
            Newtype(String),
            Tuple(String, Option<String>),
            Struct { text: String },
        }

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Internal {
            One { text: String, list: Vec<String> },
        }

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(tag = "t", content = "c")]
        enum Adjacent {
            A(String),
        }

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(untagged)]
        enum Untagged {
            Number(u64),
            Text(String),
        }

        #[derive(Debug, Serialize, Deserialize)]
        struct Flat {
            flat: String,
        }

        #[derive(Debug, Serialize, Deserialize)]
        struct All<'a> {
            plain: String,
            optional: Option<String>,
            boxed: Box<str>,
            #[serde(borrow)]
            cow: Cow<'a, str>,
            list: Vec<String>,
            tuple: (String, u32),
            map: HashMap<String, String>,
            sorted: BTreeMap<String, Vec<Option<String>>>,
            newtype: Newtype,
            external: Vec<External>,
            internal: Internal,
            adjacent: Adjacent,
            untagged: Vec<Untagged>,
            #[serde(flatten)]
            flat: Flat,
            any: serde_json::Value,
        }

        // JSON has controls only as escapes: \u001b, \t.
        let h = r"a\u001b[2J\u202e\u200bz";
        let text = format!(
            r#"{{"plain": "{h}", "optional": "{h}", "boxed": "{h}", "cow": "{h}",
              "list": ["{h}", "plain"], "tuple": ["{h}", 1],
              "map": {{"{h}": "{h}"}}, "sorted": {{"{h}": [null, "{h}"]}},
              "newtype": "{h}",
              "external": [{{"newtype": "{h}"}}, {{"tuple": ["{h}", "{h}"]}},
                           {{"struct": {{"text": "{h}"}}}}],
              "internal": {{"kind": "one", "text": "{h}", "list": ["{h}"]}},
              "adjacent": {{"t": "A", "c": "{h}"}},
              "untagged": [7, "{h}"],
              "flat": "{h}\ttab",
              "any": {{"{h}": ["{h}", {{"k": "{h}"}}]}}}}"#
        );
        let all: All<'_> = from_str(&text).expect("parses");
        let back = serde_json::to_value(&all).expect("serializes");
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
                    out.push(k.clone());
                    strings(x, out)
                }),
                _ => {}
            }
        }
        let mut seen = Vec::new();
        strings(&back, &mut seen);
        let marked = seen.iter().filter(|s| s.contains("⟨U+001B⟩")).count();
        // Each hostile string of the text, key or value, once.
        assert_eq!(marked, text.matches(h).count(), "{seen:#?}");
        for s in &seen {
            assert!(!s.chars().any(is_hostile), "{s:?}");
        }
        assert_eq!(all.plain, "a⟨U+001B⟩[2J⟨U+202E⟩⟨U+200B⟩z");
        assert_eq!(all.flat.flat, "a⟨U+001B⟩[2J⟨U+202E⟩⟨U+200B⟩z tab");
        // A clean string is borrowed from the text, as without the wrapper.
        #[derive(Deserialize)]
        struct Borrows<'a> {
            #[serde(borrow)]
            c: Cow<'a, str>,
        }
        let b: Borrows<'_> = from_str(r#"{"c": "clean"}"#).expect("parses");
        assert!(matches!(b.c, Cow::Borrowed("clean")));
    }

    /// Errors are serde_json's, with their line and column: the wrapper
    /// changes no message but for the strings it cleaned.
    #[test]
    fn errors_are_serde_jsons() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            n: u32,
            s: Option<String>,
        }
        for text in [
            "{\"n\": 1,\n \"s\": 2}",
            "{\"n\": \"x\\u001b\"}",
            "{\"s\": \"x\"}",
            "{\"n\": 1, \"m\": 2}",
            "{\"n\": 1} x",
            "{\"n\": 1,",
            "{\"n\": 1e400}",
        ] {
            let ours = from_str::<T>(text).expect_err(text).to_string();
            let theirs = serde_json::from_str::<T>(text).expect_err(text).to_string();
            assert_eq!(ours, theirs, "{text}");
        }
        let err = from_str::<T>("{\"n\": 1,\n \"m\\u001b\": 2}").expect_err("unknown field");
        assert_eq!(
            err.to_string(),
            "unknown field `m⟨U+001B⟩`, expected `n` or `s` at line 2 column 10"
        );
    }
}
