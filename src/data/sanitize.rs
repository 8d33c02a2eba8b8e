//! Dataset text is untrusted: nothing in it may drive the terminal.
//!
//! Every string is cleaned once, at load time. Controls, bidirectional
//! overrides and invisible format characters become a visible marker such as
//! `⟨U+202E⟩`, so the reader knows something was there; tabs and line breaks
//! become a space, so a label stays on one line.

use std::borrow::Cow;

use super::model::{Dataset, Derivation, Text};

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
    if !text.chars().any(is_hostile) {
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

fn clean_in_place(s: &mut String) {
    if let Cow::Owned(cleaned) = clean(s) {
        *s = cleaned;
    }
}

fn clean_text(t: &mut Text) {
    clean_in_place(&mut t.zh);
    clean_in_place(&mut t.en);
}

fn clean_opt(t: &mut Option<Text>) {
    if let Some(t) = t {
        clean_text(t);
    }
}

fn clean_opt_str(s: &mut Option<String>) {
    if let Some(s) = s {
        clean_in_place(s);
    }
}

/// Cleans every string of the dataset.
pub fn sanitize(ds: &mut Dataset) {
    clean_text(&mut ds.title);
    clean_text(&mut ds.source.title);
    clean_opt(&mut ds.source.note);
    clean_text(&mut ds.year.reason);
    for p in &mut ds.places {
        clean_in_place(&mut p.id);
        clean_text(&mut p.province);
        clean_opt(&mut p.city);
        clean_opt(&mut p.county);
        clean_opt(&mut p.locality);
    }
    for o in &mut ds.organisations {
        clean_in_place(&mut o.id);
        clean_text(&mut o.name);
        clean_opt_str(&mut o.place);
    }
    for r in &mut ds.rates {
        clean_in_place(&mut r.id);
        clean_text(&mut r.label);
        clean_in_place(&mut r.figure);
        clean_opt_str(&mut r.numerator);
        clean_opt_str(&mut r.denominator);
        clean_opt_str(&mut r.organisation);
        clean_opt_str(&mut r.place);
        clean_in_place(&mut r.source.quote);
    }
    for c in &mut ds.counts {
        clean_in_place(&mut c.id);
        clean_text(&mut c.label);
        clean_text(&mut c.unit);
        clean_in_place(&mut c.figure);
        clean_opt_str(&mut c.organisation);
        clean_opt_str(&mut c.place);
        clean_in_place(&mut c.source.quote);
    }
    for e in &mut ds.events {
        clean_in_place(&mut e.id);
        clean_text(&mut e.label);
        clean_opt_str(&mut e.figure);
        clean_opt_str(&mut e.agrees_with);
        clean_opt_str(&mut e.organisation);
        clean_opt_str(&mut e.place);
        clean_in_place(&mut e.source.quote);
        if let Some(d) = &mut e.derivation {
            match d {
                Derivation::DayNumber { day, on } => {
                    clean_in_place(day);
                    clean_in_place(on);
                }
                Derivation::DaysBefore { days, before } => {
                    clean_in_place(days);
                    clean_in_place(before);
                }
            }
        }
    }
    for p in &mut ds.projects {
        clean_in_place(&mut p.id);
        clean_text(&mut p.name);
        clean_text(&mut p.summary);
        clean_opt_str(&mut p.organisation);
        clean_opt_str(&mut p.place);
        p.events.iter_mut().for_each(clean_in_place);
        p.figures.iter_mut().for_each(clean_in_place);
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
}
