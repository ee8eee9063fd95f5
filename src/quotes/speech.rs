//! Speech or not: quoted speech versus terms, names, titles and scare quotes; whole clauses (key)
//! versus fragments (partial).
//!
//! A quote is a term when a naming word precedes it ("so-called", 所谓, 签署了), when it is in title
//! case, when a Latin original follows it in parentheses (`“全球故事”（The Global Story）`), when it is a
//! short Han phrase ending in a naming suffix (…协议), or when it is short and no reporting verb is near.
//! Otherwise it is speech: a whole clause when it is long enough and starts a sentence (or carries
//! clause punctuation, for Han text), a fragment when it is embedded in the reporter's sentence.

use super::tunables::{self as t, Lexicon};
use crate::text::{is_han, is_kana};
use crate::words::{words, Words};

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Term,
    Partial,
    Key,
}

/// Script of a quote's text, which decides the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Han,
    Kana,
    Latin,
}

/// Mostly Han (with kana: Japanese) or not.
pub fn script(s: &str) -> Script {
    // One pass (this runs on every block and candidate; three passes were a visible share of a
    // long article's time).
    let (mut han, mut kana, mut latin) = (0usize, 0usize, 0usize);
    for c in s.chars() {
        if c.is_ascii() {
            latin += usize::from(c.is_ascii_alphabetic());
        } else if is_han(c) {
            han += 1;
        } else if is_kana(c) {
            kana += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if kana > 0 && han + kana >= latin {
        Script::Kana
    } else if han > 0 && han * 2 >= latin {
        Script::Han
    } else {
        Script::Latin
    }
}

/// Small words that stay lowercase in titles.
const TITLE_SMALL: Words = words![
    "a", "an", "the", "and", "or", "nor", "but", "so", "yet", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "into", "over", "up", "than", "that", "de", "la", "le", "der", "die", "das", "y", "et", "und", "vs",
    "is", "as",
];

/// Every significant word capitalised ("Make America Great Again", "Blue House").
pub fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let significant: Vec<&&str> = words.iter().filter(|w| !TITLE_SMALL.contains(&crate::case::lowercase(w))).collect();
    // A one-word quote is a title only when it is not a sentence ("Blue", but not "Yes.").
    !significant.is_empty()
        && significant.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        && !s.trim_end().trim_end_matches(['\'', '’', '"', '”']).ends_with(['.', '!', '?'])
        && (words.len() >= 4 || !s.trim_end().ends_with(','))
        && (words.len() >= 2 || s.chars().skip(1).any(char::is_uppercase))
}

/// Whether the words right before the quote name it ("so-called", "dubbed", "the word").
pub fn term_trigger_before(before: &str, lex: &Lexicon) -> bool {
    let b = crate::case::lowercase(before.trim_end().trim_end_matches([',', ':']).trim_end());
    lex.term_triggers.iter().any(|w| b.ends_with(w) && b[..b.len() - w.len()].chars().last().is_none_or(|c| !c.is_alphanumeric()))
}

/// Han equivalent: 所谓“…”, 被称为“…”, 签署了“…”.
pub fn han_term_trigger_before(before: &str) -> bool {
    let b = before.trim_end();
    t::ZH_TERM_TRIGGERS.any_suffix_of(b) || b.ends_with('《')
}

/// Clause punctuation inside a Han quote (an ASCII dot only before a space: "08008.HK" is a name).
fn has_clause_punct(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| "，。！？；：,!?;".contains(c) || (c == '.' && chars.get(i + 1).is_none_or(|n| n.is_whitespace())))
}

/// Facts about a quote and its surroundings that classification needs.
pub struct Context<'a> {
    pub text: &'a str,
    /// The sentence before the quote (from its start or the previous quote).
    pub before: &'a str,
    /// The text right after the closing mark.
    pub after: &'a str,
    /// A reporting verb attributes this quote (found by the attribution rules).
    pub attributed: bool,
    /// The quote starts its sentence (nothing before it, or a lead-in ending with a colon, or
    /// "X said," right before it).
    pub sentence_start: bool,
    /// A reporting verb (with its subject) ends the text right before the quote ("he said “…”").
    pub verb_before: bool,
    /// Nothing of the reporter's sentence follows the quote except an attribution.
    pub ends_sentence: bool,
}

/// Classifies one quote.
pub fn classify(cx: &Context<'_>, lex: &Lexicon) -> Class {
    let text = cx.text.trim();
    if text.is_empty() {
        return Class::Term;
    }
    match script(text) {
        Script::Han | Script::Kana => classify_han(cx),
        Script::Latin => classify_latin(cx, lex),
    }
}

fn classify_latin(cx: &Context<'_>, lex: &Lexicon) -> Class {
    let text = cx.text.trim();
    let words = super::tokens::word_count(text);
    if term_trigger_before(cx.before, lex) || is_title_case(text) {
        return Class::Term;
    }
    let first = text.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next();
    let starts_upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // A single capitalised word inside the reporter's sentence is a name (the marketplace “Evolution”).
    if words == 1 && starts_upper && !cx.sentence_start {
        return Class::Term;
    }
    // the “jobs machine” it thinks it is: a short phrase inside a noun phrase is a scare quote.
    let before_word = crate::case::lowercase(cx.before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    let after_word = cx.after.trim_start().chars().next().is_some_and(char::is_alphanumeric);
    if words < t::MIN_SPEECH_WORDS && after_word && matches!(before_word.as_str(), "the" | "a" | "an" | "its" | "their" | "this" | "that" | "these" | "those") {
        return Class::Term;
    }
    if words < t::MIN_SPEECH_WORDS {
        // “I’m not,” Mr. Dejesus said — a short sentence of speech, not a term.
        let short_sentence = starts_upper && cx.sentence_start && text.trim_end_matches(['\'', '’', '"', '”']).ends_with(['.', ',', '!', '?', '…']);
        return if short_sentence {
            Class::Key
        } else if cx.attributed {
            Class::Partial
        } else {
            Class::Term
        };
    }
    // Continuing a sentence ("…" at the start) or with a sentence break inside: a clause.
    let inner_sentence = text.trim_end_matches(|c: char| !c.is_alphanumeric()).contains(". ") || text.contains("? ") || text.contains("! ");
    let lead_in = cx.before.trim_end().ends_with(':') || cx.sentence_start;
    if starts_upper && (lead_in || !cx.before.trim().chars().last().is_some_and(char::is_alphabetic) || words >= 6) {
        return Class::Key;
    }
    if !starts_upper && (inner_sentence && words >= t::MIN_EMBEDDED_KEY_WORDS || lead_in && cx.before.trim_end().ends_with(':')) {
        return Class::Key;
    }
    if !starts_upper && (cx.sentence_start || cx.verb_before && cx.ends_sentence) && cx.attributed {
        // “we will not back down,” she said / he said “every leader has strengths” — the whole sentence.
        return Class::Key;
    }
    Class::Partial
}

fn classify_han(cx: &Context<'_>) -> Class {
    let text = cx.text.trim();
    let n = text.chars().filter(|&c| is_han(c) || c.is_alphanumeric()).count();
    let punct = has_clause_punct(text);
    if han_term_trigger_before(cx.before) {
        return Class::Term;
    }
    // “全球故事”（The Global Story）: a name with its original.
    let after = cx.after.trim_start();
    if after.starts_with(['（', '(']) {
        let inner: String = after.chars().skip(1).take_while(|&c| c != '）' && c != ')').collect();
        if inner.chars().any(|c| c.is_ascii_alphabetic()) && !punct {
            return Class::Term;
        }
    }
    if !punct && n <= 14 && t::ZH_TERM_SUFFIXES.any_suffix_of(text) {
        return Class::Term;
    }
    if n >= t::MIN_CJK_KEY_CHARS || (punct && n >= t::MIN_CJK_KEY_CHARS_PUNCT) {
        return if cx.attributed || punct { Class::Key } else { Class::Partial };
    }
    if n <= t::MAX_CJK_TERM_CHARS && !cx.attributed {
        return Class::Term;
    }
    if cx.attributed {
        Class::Partial
    } else {
        Class::Term
    }
}

/// Boilerplate non-answers and mostly-numeric quotes.
pub fn is_boilerplate(text: &str, lex: &Lexicon) -> bool {
    let lower = crate::case::lowercase(text);
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    lex.boilerplate.any_in(&lower) || t::ZH_BOILERPLATE.any_in(text) || digits > letters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx<'a>(text: &'a str, before: &'a str, after: &'a str, attributed: bool) -> Context<'a> {
        Context { text, before, after, attributed, sentence_start: before.trim().is_empty(), verb_before: false, ends_sentence: false }
    }

    #[test]
    fn scare_quotes_and_terms() {
        assert_eq!(classify(&cx("metadata", "to store so-called ", " — the who", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("Gucci Grace", "Dubbed \"DisGrace\" or ", " on account", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("Blue House", "at Mugabe's ", " compound", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("fake news", "label ", " on", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("jobs machine", "might not be the ", " it thinks it is", true), &t::EN), Class::Term);
        assert_eq!(classify(&cx("fake news", "in charge of labelling ", " alongside", true), &t::EN), Class::Term);
        assert_eq!(classify(&cx("Make America Great Again", "the ", " slogan", true), &t::EN), Class::Term);
    }

    #[test]
    fn fragments_and_clauses() {
        assert_eq!(classify(&cx("distressing", "Mr Obama said it was ", " not to", true), &t::EN), Class::Partial);
        assert_eq!(classify(&cx("politics in this town", "he admitted ", " meant", true), &t::EN), Class::Partial);
        assert_eq!(classify(&cx("For us not to be able to resolve that issue has been something that is distressing,", "", " he added.", true), &t::EN), Class::Key);
        assert_eq!(classify(&cx("Press freedom concerns would ideally be addressed in this Bill.", "Bill Shorten said in a letter: ", "", true), &t::EN), Class::Key);
    }

    #[test]
    fn chinese_terms_and_speech() {
        assert_eq!(classify(&cx("全面战略伙伴关系协议", "双方签署了新的", "。", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("全面战略合作伙伴关系协议", "报道，普京与金正恩签署了", "，但", true), &t::EN), Class::Term);
        assert_eq!(classify(&cx("全球故事", "在BBC", "（The Global Story）播客", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("完全支持", "并表示", "俄罗斯", true), &t::EN), Class::Partial);
        assert_eq!(classify(&cx("一贯坚定地支持俄罗斯的政策，包括在乌克兰问题上", "普京高度感谢朝鲜", "，又说", true), &t::EN), Class::Key);
        assert_eq!(classify(&cx("权宜婚姻", "被西方孤立之下的", "。", false), &t::EN), Class::Term);
        assert_eq!(classify(&cx("环球时报", "所谓", "", false), &t::EN), Class::Term);
    }

    #[test]
    fn boilerplate() {
        assert!(is_boilerplate("He declined to comment on the matter", &t::EN));
        assert!(is_boilerplate("对此拒绝置评", &t::EN));
        assert!(!is_boilerplate("We will win", &t::EN));
    }
}
