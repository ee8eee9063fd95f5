//! Sentences: where each sentence of a text starts and ends, as byte ranges into the text, so that a
//! caller can point back at the exact characters (the read-aloud highlight does).
//!
//! One pass over the characters, in three steps:
//!
//! 1. find a run of terminators (`。！？` and `. ! ? …`, also `?!`, `……`, `...`) and take the closing
//!    quotes and brackets that follow it into the same sentence (`“好！”`, `。」`, `?"`, `.)`);
//! 2. decide whether the run ends the sentence ([`ends_sentence`]): a Chinese or Japanese
//!    terminator always does (there are no spaces to wait for, and no abbreviations); a Latin one
//!    only before white space or the end, not when the next word starts in lower case (`“Help!” she
//!    cried`, `approx. ten`), and a single dot not after an abbreviation (`Mr.`, `U.S.`, `e.g.`), an
//!    initial (`J. K. Rowling`) or a number abbreviation before a number (`No. 5`). Dots inside a
//!    token never end anything (`3.5`, `example.com/a.html`, `U.S.-led`);
//! 3. trim white space off each sentence and break one longer than [`MAX_SENTENCE_CHARS`] at its
//!    last clause mark (speech engines cut long utterances off).
//!
//! `；` and `;` do not end a sentence: they join clauses that are read with one intonation, and a
//! highlight that jumps at every semicolon reads as a stutter. `：` and `:` neither.
//!
//! [`ends_sentence`] is the one rule; the key quotes' context (`quotes`) uses it too.

use crate::words::{words, Words};
use std::ops::Range;

// ---------------------------------------------------------------------------------------------
// The table: every character class, word list and limit of sentence splitting.
// ---------------------------------------------------------------------------------------------

/// Chinese and Japanese sentence ends (full-width and the half-width Japanese `｡`): they end a
/// sentence wherever they stand.
pub const CJK_TERMINATORS: &[char] = &['。', '！', '？', '｡', '．'];
/// Latin sentence ends: they end a sentence before white space (see [`ends_sentence`]). `…` is the
/// ellipsis character; three dots are a run of `.`.
pub const LATIN_TERMINATORS: &[char] = &['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉'];
/// Closing quotes and brackets that stay with the sentence they close (`“好！”`, `。」`, `!"`, `.)`):
/// CJK corner brackets and full-width parentheses, curly and straight quotes, guillemets.
pub const CLOSERS: &[char] = &['」', '』', '”', '’', '"', '\'', '）', ')', '］', ']', '】', '〕', '》', '〉', '»', '›'];
/// Opening quotes and brackets skipped when looking at the next word's first letter.
pub const OPENERS: &[char] = &['「', '『', '“', '‘', '"', '\'', '（', '(', '［', '[', '【', '〔', '《', '〈', '«', '‹'];
/// Abbreviations whose dot does not end a sentence, lower case, without their final dot (inner
/// dots kept). From AP style titles and common Latin abbreviations; the same words the key quotes'
/// tokenizer keeps its dots on.
pub const ABBREVIATIONS: Words = words![
    // Titles and ranks.
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt",
    "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "mme", "mlle", "sra", "srta",
    // Companies and places.
    "inc", "co", "corp", "ltd", "bros", "dept", "univ", "mt", "ft", "ave", "blvd", "rd",
    // Latin and writing.
    "e.g", "i.e", "etc", "cf", "vs", "viz", "al", "approx", "est", "ca", "a.m", "p.m", "ph.d",
    // Months (AP abbreviates them before a day).
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    // Countries and bodies written with dots.
    "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a",
];
/// Abbreviations that only hold their dot before a number (`No. 5`, `p. 12`, `Vol. 3`): elsewhere
/// they are words ("The answer was no.").
pub const NUMBER_ABBREVIATIONS: Words = words!["no", "nos", "nr", "vol", "p", "pp", "fig", "art", "ch", "op", "sec"];
/// Japanese quotative particles: after a closing bracket they continue the sentence the quotation
/// sits in (「本当ですか？」と彼は聞いた。, 「行く！」って言った。).
pub const JA_QUOTATIVES: &[&[char]] = &[&['と'], &['っ', 'て']];
/// Clause marks a too-long sentence is broken after.
pub const CLAUSE_MARKS: &[char] = &['，', '、', '；', '：', ',', ';', ':', '—', '–'];
/// The longest sentence handed over in one piece, in characters. Chromium's speech engines stop an
/// utterance after about 15 seconds or a few hundred characters (crbug.com/679437); 15 s of speech
/// is about 40 English words or 60 Chinese characters at the default rate, so sentences are cut
/// well before that only when they really run long.
pub const MAX_SENTENCE_CHARS: usize = 220;

// ---------------------------------------------------------------------------------------------

/// The sentences of `text`, as byte ranges with no white space at either end, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        if is_terminator(chars[i]) {
            // 1. The run of terminators and the closing marks after it.
            let mut last = i;
            while chars.get(last + 1).is_some_and(|&c| is_terminator(c)) {
                last += 1;
            }
            let after = skip_closers(&chars, last + 1);
            // 2. Whether it ends the sentence.
            if ends_sentence(&chars, last) {
                push_trimmed(&chars, start..after, &mut sentences);
                start = after;
            }
            i = after;
        } else {
            i += 1;
        }
    }
    push_trimmed(&chars, start..chars.len(), &mut sentences);
    // 3. Back to byte ranges, long sentences broken.
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        for piece in break_long(&chars, s) {
            out.push(offsets[piece.start]..offsets[piece.end]);
        }
    }
    out
}

/// Whether the terminator at `chars[i]` ends its sentence (the sentence then runs on through any
/// closing quotes and brackets after it). Only the last terminator of a run can: in `?!` the `?`
/// does not.
pub fn ends_sentence(chars: &[char], i: usize) -> bool {
    let Some(&c) = chars.get(i) else { return false };
    if !is_terminator(c) || chars.get(i + 1).is_some_and(|&n| is_terminator(n)) {
        return false;
    }
    let run_start = (0..i).rev().take_while(|&k| is_terminator(chars[k])).last().unwrap_or(i);
    let after = skip_closers(chars, i + 1);
    if chars[run_start..=i].iter().any(|c| CJK_TERMINATORS.contains(c)) {
        // A quotation followed by the Japanese quotative particle goes on: 「本当ですか？」と聞いた。
        let quoted = after > i + 1;
        return !(quoted && JA_QUOTATIVES.iter().any(|q| chars[after.min(chars.len())..].starts_with(q)));
    }
    match chars.get(after) {
        None => return true,
        Some(n) if !n.is_whitespace() => return false,
        Some(_) => {}
    }
    let next = next_letter(chars, after);
    if next.is_some_and(char::is_lowercase) {
        return false;
    }
    let single_dot = run_start == i && c == '.';
    if single_dot {
        let word = word_before(chars, i);
        let lower = crate::case::lowercase(&word);
        if is_abbreviation(&lower) || is_initial(&word) {
            return false;
        }
        if NUMBER_ABBREVIATIONS.contains(&lower) && next.is_some_and(|n| n.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Whether `word` (lower case, without its final dot) is a known abbreviation, or letters joined by
/// dots (`n.y`, `u.s.a`) — a dotted acronym never ends a sentence here, at the price of
/// "… in the U.S. The …" read as one.
pub fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let mut parts = word.split('.');
    let dotted = word.contains('.') && parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    dotted
}

fn is_terminator(c: char) -> bool {
    // Most characters are ASCII and not terminators: answered without reading the tables (this
    // runs on every character the key quotes' context and the read-aloud split look at).
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    CJK_TERMINATORS.contains(&c) || LATIN_TERMINATORS.contains(&c)
}

/// A single capital letter: an initial ("J. K. Rowling"), also "I." (rarely a sentence end).
fn is_initial(word: &str) -> bool {
    let mut it = word.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_uppercase())
}

fn skip_closers(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| CLOSERS.contains(c)) {
        at += 1;
    }
    at
}

/// The first character after white space and opening marks from `at`.
fn next_letter(chars: &[char], at: usize) -> Option<char> {
    chars[at.min(chars.len())..].iter().copied().find(|c| !c.is_whitespace() && !OPENERS.contains(c))
}

/// The word ending just before the dot at `dot`: letters, digits and inner dots ("U.S", "e.g").
fn word_before(chars: &[char], dot: usize) -> String {
    let start = (0..dot).rev().take_while(|&k| chars[k].is_alphanumeric() || chars[k] == '.').last().unwrap_or(dot);
    chars[start..dot].iter().collect()
}

fn push_trimmed(chars: &[char], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let (mut s, mut e) = (range.start, range.end.min(chars.len()));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s < e {
        out.push(s..e);
    }
}

/// `range` in pieces of at most [`MAX_SENTENCE_CHARS`] characters, each broken after the last
/// clause mark that fits, else the last space, else at the limit.
fn break_long(chars: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut rest = range;
    while rest.end - rest.start > MAX_SENTENCE_CHARS {
        let window = rest.start..rest.start + MAX_SENTENCE_CHARS;
        let after_mark = window.clone().rev().find(|&k| CLAUSE_MARKS.contains(&chars[k])).map(|k| k + 1);
        let after_space = || window.clone().rev().find(|&k| chars[k].is_whitespace());
        let cut = after_mark.or_else(after_space).filter(|&k| k > rest.start).unwrap_or(window.end);
        push_trimmed(chars, rest.start..cut, &mut pieces);
        rest = cut..rest.end;
    }
    push_trimmed(chars, rest, &mut pieces);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences as strings.
    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Cases: (language, text, expected sentences).
    const CASES: &[(&str, &str, &[&str])] = &[
        ("en", "The council met. It voted.", &["The council met.", "It voted."]),
        ("en", "Mr. Smith went to Washington. He stayed.", &["Mr. Smith went to Washington.", "He stayed."]),
        ("en", "Dr. Jones and Mrs. Brown spoke.", &["Dr. Jones and Mrs. Brown spoke."]),
        ("en", "The U.S. and the U.K. agreed. Talks end today.", &["The U.S. and the U.K. agreed.", "Talks end today."]),
        ("en", "Bring fruit, e.g. apples. Or not.", &["Bring fruit, e.g. apples.", "Or not."]),
        ("en", "J. K. Rowling wrote it. Fans cheered.", &["J. K. Rowling wrote it.", "Fans cheered."]),
        ("en", "Growth was 3.5 per cent. Prices rose.", &["Growth was 3.5 per cent.", "Prices rose."]),
        ("en", "See example.com/a.html for more. Then go.", &["See example.com/a.html for more.", "Then go."]),
        ("en", "Really?! Yes.", &["Really?!", "Yes."]),
        ("en", "“We will rebuild,” she said. “Now!” The crowd cheered.", &["“We will rebuild,” she said.", "“Now!”", "The crowd cheered."]),
        ("en", "“Help!” she cried. Nobody came.", &["“Help!” she cried.", "Nobody came."]),
        ("en", "He paused... and went on. Then he stopped… Silence.", &["He paused... and went on.", "Then he stopped…", "Silence."]),
        ("en", "It is room No. 5 on the left. The answer was no. Fine.", &["It is room No. 5 on the left.", "The answer was no.", "Fine."]),
        ("en", "(He left.) She stayed.", &["(He left.)", "She stayed."]),
        ("en", "It ran from 9 a.m. to noon. Done.", &["It ran from 9 a.m. to noon.", "Done."]),
        ("en", "  No terminator at all  ", &["No terminator at all"]),
        ("en", "", &[]),
        // The seed article (tests/fixtures/seed/page.html).
        ("zh", "俄罗斯总统普京时隔24年出访平壤，与朝鲜最高领袖金正恩一对一会谈，双方签署了新的“全面战略伙伴关系协议”。",
            &["俄罗斯总统普京时隔24年出访平壤，与朝鲜最高领袖金正恩一对一会谈，双方签署了新的“全面战略伙伴关系协议”。"]),
        ("zh", "她指出，中国将密切关注金正恩和普京之间的发展。“朝鲜试图挑拨邻国之间的关系。他们讨好一个领导人，却让另一个领导人感到不安和焦虑”。",
            &["她指出，中国将密切关注金正恩和普京之间的发展。", "“朝鲜试图挑拨邻国之间的关系。", "他们讨好一个领导人，却让另一个领导人感到不安和焦虑”。"]),
        ("zh", "金正恩则表示，朝俄关系正进入“新的高度繁荣”时期，“当前世界形势日趋复杂，瞬息万变。在这种情况下，我们打算进一步加强与俄罗斯、与俄罗斯领导人的战略沟通”。",
            &["金正恩则表示，朝俄关系正进入“新的高度繁荣”时期，“当前世界形势日趋复杂，瞬息万变。", "在这种情况下，我们打算进一步加强与俄罗斯、与俄罗斯领导人的战略沟通”。"]),
        ("zh", "俄罗斯官方的俄罗斯新闻社（RIA）报道，普京与金正恩签署了协议。美国呢？不清楚！",
            &["俄罗斯官方的俄罗斯新闻社（RIA）报道，普京与金正恩签署了协议。", "美国呢？", "不清楚！"]),
        ("zh", "他说：“我们欢迎。”随后离开。增长3.5%；价格上涨。", &["他说：“我们欢迎。”", "随后离开。", "增长3.5%；价格上涨。"]),
        ("zh", "等等……真的吗？？是的。", &["等等……真的吗？？", "是的。"]),
        ("ja", "東京は晴れです。「本当ですか？」と彼は聞いた。はい！", &["東京は晴れです。", "「本当ですか？」と彼は聞いた。", "はい！"]),
        ("ja", "「行く！」って言った。「はい。」彼は行った。", &["「行く！」って言った。", "「はい。」", "彼は行った。"]),
        ("ja", "『吾輩は猫である』を読んだ。面白かった｡", &["『吾輩は猫である』を読んだ。", "面白かった｡"]),
        ("mixed", "BBC报道称：“Talks resumed.” 会谈将继续。", &["BBC报道称：“Talks resumed.”", "会谈将继续。"]),
    ];

    #[test]
    fn table_of_cases() {
        let mut failures = Vec::new();
        for (lang, text, expected) in CASES {
            let got = sentences(text);
            if got != *expected {
                failures.push(format!("[{lang}] {text:?}\n  expected {expected:?}\n  got      {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ranges_are_trimmed_in_order_and_on_char_boundaries() {
        for (_, text, _) in CASES {
            let ranges = split(text);
            for pair in ranges.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text:?}: {ranges:?}");
            }
            for r in &ranges {
                let s = text.get(r.clone()).expect("char boundaries");
                assert!(!s.is_empty() && s.trim() == s, "{s:?}");
            }
            // Nothing but white space is left out.
            let covered: usize = ranges.iter().map(|r| text[r.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
            assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
        }
    }

    #[test]
    fn long_sentences_break_at_clause_marks() {
        let clause = "在朝鲜饱受经济困难之际，";
        let text = clause.repeat(40) + "结束。";
        let ranges = split(&text);
        assert!(ranges.len() > 1);
        for r in &ranges {
            let s = &text[r.clone()];
            assert!(s.chars().count() <= MAX_SENTENCE_CHARS, "{}", s.chars().count());
        }
        assert!(ranges[..ranges.len() - 1].iter().all(|r| text[r.clone()].ends_with('，')));
        // A run with no clause mark and no space is cut at the limit.
        let solid = "字".repeat(MAX_SENTENCE_CHARS * 2 + 3);
        assert_eq!(split(&solid).len(), 3);
        // Spaced text breaks between words.
        let words = "word ".repeat(100);
        assert!(split(&words).iter().all(|r| !words[r.clone()].ends_with("wor")));
    }

    #[test]
    fn ends_sentence_is_the_rule_for_a_single_position() {
        let chars: Vec<char> = "Hi?! Mr. X.".chars().collect();
        assert!(!ends_sentence(&chars, 2), "? before ! does not end");
        assert!(ends_sentence(&chars, 3));
        assert!(!ends_sentence(&chars, 7), "Mr.");
        assert!(ends_sentence(&chars, 10));
        assert!(!ends_sentence(&chars, 0), "a letter");
        assert!(!ends_sentence(&chars, 99), "out of range");
    }
}
