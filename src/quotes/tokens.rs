//! Words and punctuation of Latin and Cyrillic text, for the attribution patterns.
//!
//! A word keeps its inner apostrophes, hyphens and dots (don't, al-Assad, U.S.); a trailing dot stays
//! on known abbreviations and initials (Mr., Dr., J.) so that it is not read as a sentence end.

use crate::words::{words, Words};

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub struct Tok {
    pub text: String,
    /// The lowercase form when it differs from `text` (most tokens are lowercase already: one
    /// String per token instead of two).
    folded: Option<Box<str>>,
    pub word: bool,
}

impl Tok {
    fn new(text: String, word: bool) -> Tok {
        let folded = text.chars().any(lowercases_differently).then(|| crate::case::lowercase(&text).into_boxed_str());
        Tok { text, folded, word }
    }
    /// The lowercase form.
    pub fn lower(&self) -> &str {
        self.folded.as_deref().unwrap_or(&self.text)
    }
    /// Starts with an uppercase letter (or a digit-free capitalised form like "O'Brien").
    pub fn capitalised(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is(&self, s: &str) -> bool {
        self.lower() == s
    }
    pub fn punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }
    /// `.`, `!`, `?`, `;` and their CJK forms: the end of a sentence (or clause, for `;`).
    pub fn sentence_end(&self) -> bool {
        !self.word && matches!(self.text.chars().next(), Some('.' | '!' | '?' | '。' | '！' | '？' | '…'))
    }
}

/// `c` is not its own lowercase (uppercase letters, and titlecase ones like ǅ that are not "uppercase").
fn lowercases_differently(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    crate::case::lower_char(c) != c
}

/// Abbreviations that keep their dot (from AP style; the dots of Mr. and U.S. do not end sentences).
const ABBREVIATIONS: Words = words![
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "prof",
    "inc", "co", "corp", "ltd", "no", "vs", "rev", "maj", "adm", "cmdr", "mt", "ft", "ave", "dept", "est",
    "fig", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m", "m", "mme",
    "sr", "sra", "u.s", "u.k", "u.n", "e.u", "d.c", "ph.d",
];

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{301}'
}

/// Where one token lies in the characters, before any String is made of it.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Span {
    /// The token itself.
    pub fn tok(&self, chars: &[char]) -> Tok {
        Tok::new(chars[self.start..self.end].iter().collect(), self.word)
    }
    /// [`Tok::capitalised`] without making the token.
    pub fn capitalised(&self, chars: &[char]) -> bool {
        self.word && chars[self.start].is_uppercase()
    }
}

/// The token starting at or after `i` (white space skipped), and where the next one may start.
fn next_span(chars: &[char], mut i: usize) -> Option<Span> {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    let c = *chars.get(i)?;
    if !word_char(c) {
        return Some(Span { start: i, end: i + 1, word: false });
    }
    let start = i;
    let mut j = i + 1;
    while j < chars.len() {
        let d = chars[j];
        if word_char(d) {
            j += 1;
        } else if matches!(d, '\'' | '’' | '-' | '.' | '‐') && chars.get(j + 1).is_some_and(|&n| word_char(n)) {
            j += 2;
        } else {
            break;
        }
    }
    // Keep the dot of an abbreviation or an initial.
    if chars.get(j) == Some(&'.') {
        let lower: String = chars[start..j].iter().copied().map(crate::case::lower_char).collect();
        let initial = j - start == 1 && chars[start].is_uppercase();
        if ABBREVIATIONS.contains(&lower) || initial || lower.contains('.') {
            j += 1;
        }
    }
    Some(Span { start, end: j, word: true })
}

/// The tokens of `chars` as [`Span`]s (no String per token: for passes that read few of them).
pub fn spans(chars: &[char]) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let span = next_span(chars, at)?;
        at = span.end;
        Some(span)
    })
}

/// Splits `chars` into tokens.
pub fn tokenize(chars: &[char]) -> Vec<Tok> {
    spans(chars).map(|s| s.tok(chars)).collect()
}

/// Joins tokens back into text (a space between words, none before closing punctuation).
pub fn join(toks: &[Tok]) -> String {
    let mut s = String::new();
    for (k, t) in toks.iter().enumerate() {
        let no_space = k == 0
            || (!t.word && matches!(t.text.as_str(), "," | "." | ";" | ":" | ")" | "!" | "?" | "'" | "’"))
            || toks.get(k.wrapping_sub(1)).is_some_and(|p| matches!(p.text.as_str(), "(" | "'" | "’"))
            || (t.word && (t.lower() == "s") && toks.get(k.wrapping_sub(1)).is_some_and(|p| matches!(p.text.as_str(), "'" | "’")));
        if !no_space {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Number of words in `s` (CJK letters count one each).
pub fn word_count(s: &str) -> usize {
    crate::text::word_count(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(&s.chars().collect::<Vec<_>>()).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviations_and_inner_marks() {
        assert_eq!(words("Mr. O'Brien's U.S. plan, he said."), vec!["Mr.", "O'Brien's", "U.S.", "plan", ",", "he", "said", "."]);
        assert_eq!(words("J. K. Rowling wrote"), vec!["J.", "K.", "Rowling", "wrote"]);
    }

    #[test]
    fn joins_back() {
        let t = tokenize(&"the BBC's editor , Jon".chars().collect::<Vec<_>>());
        assert_eq!(join(&t), "the BBC's editor, Jon");
    }
}
