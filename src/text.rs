//! Text helpers shared by every stage: whitespace folding, script detection (CJK, RTL), and word
//! counts and reading time that are right for languages written without spaces.

/// Reading speeds. Latin-script: 230 words a minute (Brysbaert 2019 meta-analysis: 238 silent
/// non-fiction); CJK: 400 characters a minute (the rate Firefox Reader View uses for `zh`/`ja`).
pub const WORDS_PER_MINUTE: f64 = 230.0;
/// See [`WORDS_PER_MINUTE`].
pub const CJK_CHARS_PER_MINUTE: f64 = 400.0;

/// True for Han, Hiragana, Katakana, Hangul and CJK punctuation/fullwidth forms: characters that are
/// words (or parts of words) without spaces between them.
#[inline]
pub fn is_cjk(c: char) -> bool {
    // Below U+3000 nothing is CJK: one comparison for Latin text, the common case of every
    // per-character count (word counts, CJK ratios).
    let u = c as u32;
    u >= 0x3000
        && matches!(u,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // Han compatibility
        | 0xFF00..=0xFFEF // fullwidth forms
        | 0x20000..=0x2FFFF)
}

/// True for Han ideographs (unified, extension A, compatibility, and the supplementary planes).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// True for Hiragana and Katakana (what tells Japanese from Chinese).
#[inline]
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

/// True for CJK ideographs and kana (not punctuation): what counts as one "word" in a CJK text.
#[inline]
pub fn is_cjk_letter(c: char) -> bool {
    is_cjk(c) && !matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// Collapses runs of whitespace (including NBSP) into single spaces and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Byte by byte: ASCII white space is `char::is_whitespace`'s ASCII part (U+200B is not ASCII).
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && space(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !space(bytes[i]) {
                i += 1;
            }
            if start < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out;
    }
    // Runs of other characters are copied as slices, not char by char.
    let mut run_start: Option<usize> = None;
    let mut pending_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || c == '\u{200B}' {
            if let Some(start) = run_start.take() {
                out.push_str(&s[start..i]);
            }
            pending_space = !out.is_empty();
        } else if run_start.is_none() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            run_start = Some(i);
        }
    }
    if let Some(start) = run_start {
        out.push_str(&s[start..]);
    }
    out
}

/// Words in `s`: each CJK letter counts as one word, other words are runs of alphanumerics.
pub fn word_count(s: &str) -> usize {
    counts(s).words
}

/// What reading time is computed from, for one text; texts separated by white space add up
/// (from [`Counts::NONE`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counts {
    /// [`word_count`].
    pub words: usize,
    /// CJK letters (each also one of the words).
    pub cjk: usize,
    /// Whether the text is white space only.
    pub blank: bool,
}

impl Counts {
    /// The counts of no text.
    pub const NONE: Counts = Counts { words: 0, cjk: 0, blank: true };
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts { words: self.words + o.words, cjk: self.cjk + o.cjk, blank: self.blank && o.blank }
    }
}

/// [`word_count`], the CJK letters and blankness of `s`, in one pass.
pub fn counts(s: &str) -> Counts {
    let (mut words, mut cjk) = (0, 0);
    let mut blank = true;
    let mut in_word = false;
    for c in s.chars() {
        if c.is_ascii() {
            // The ASCII case of the rules below (no ASCII character is a CJK letter).
            if c.is_ascii_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else if c != '\'' && c != '-' {
                in_word = false;
            }
        } else if is_cjk_letter(c) {
            words += 1;
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
        blank &= c.is_whitespace();
    }
    Counts { words, cjk, blank }
}

/// Reading time in whole minutes (at least 1 for any text): CJK letters at
/// [`CJK_CHARS_PER_MINUTE`], other words at [`WORDS_PER_MINUTE`].
pub fn reading_minutes(s: &str) -> u32 {
    minutes_for(counts(s))
}

/// [`reading_minutes`] of a text from its [`counts`].
pub fn minutes_for(c: Counts) -> u32 {
    let minutes = c.cjk as f64 / CJK_CHARS_PER_MINUTE + (c.words - c.cjk) as f64 / WORDS_PER_MINUTE;
    if c.blank {
        0
    } else {
        minutes.round().max(1.0) as u32
    }
}

/// Share of CJK letters among all letters of `s` (0.0 when it has none).
pub fn cjk_ratio(s: &str) -> f64 {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in s.chars() {
        if is_cjk_letter(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 { 0.0 } else { cjk as f64 / letters as f64 }
}

/// `s` without every `suffix` at its end: `str::trim_end_matches` with a string pattern, without
/// building a substring searcher on each call (its setup cost more than the trimming, on the short
/// words this is called for once per capitalised word).
pub fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_texts_add_up_to_the_counts_of_their_join() {
        let texts = ["", "  ", "Hello world", "全面战略伙伴关系协议", "it's a well-known fact", "!!", "  x ", "ÉCOLE été 2024", "金正恩说：“好。”"];
        for a in texts {
            for b in texts {
                let joined = format!("{a}\n\n{b}");
                assert_eq!(counts(a) + counts(b), counts(&joined), "{a:?} + {b:?}");
                assert_eq!(counts(&joined).words, word_count(&joined));
                assert_eq!(counts(&joined).blank, joined.trim().is_empty());
            }
        }
    }

    #[test]
    fn trim_end_str_is_trim_end_matches() {
        for s in ["", "s", "'s", "Obama's", "Obama's's", "x's s", "’s’s", "ab", "'s'", "a''s"] {
            for suffix in ["'s", "’s", "s", "px", ""] {
                assert_eq!(trim_end_str(s, suffix), s.trim_end_matches(suffix), "{s:?} {suffix:?}");
            }
        }
    }

    /// The char-by-char definitions the fast paths must agree with.
    fn fold_reference(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200B}' {
                pending_space = !out.is_empty();
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    fn word_count_reference(s: &str) -> usize {
        let (mut words, mut in_word) = (0, false);
        for c in s.chars() {
            if is_cjk_letter(c) {
                words += 1;
                in_word = false;
            } else if c.is_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else if c != '\'' && c != '’' && c != '-' {
                in_word = false;
            }
        }
        words
    }

    #[test]
    fn fast_paths_agree_with_the_definitions() {
        for s in ["", " ", "a", " a ", "\x0b a\x0c\r\n b \t", "  x  y  ", "\u{a0}x\u{200B}\u{200B}y  z\n", "普京 时隔\u{3000}24年", "Don't stop-believing, 2 times", "é-è’à ß\tΣ", "a\u{200B}", "  lead and trail  ", "x-", "'a' -b- c’d"] {
            assert_eq!(fold_whitespace(s), fold_reference(s), "{s:?}");
            assert_eq!(word_count(s), word_count_reference(s), "{s:?}");
        }
    }

    #[test]
    fn counts_cjk_characters_as_words() {
        assert_eq!(word_count("普京时隔24年出访平壤。"), 10);
        assert_eq!(word_count("Don't stop-believing, 2 times"), 4);
    }

    #[test]
    fn reading_time_uses_the_right_rate() {
        assert_eq!(reading_minutes(&"字".repeat(800)), 2);
        assert_eq!(reading_minutes(&"word ".repeat(460)), 2);
        assert_eq!(reading_minutes("short"), 1);
        assert_eq!(reading_minutes("  "), 0);
        assert_eq!(reading_minutes("!!"), 1);
    }

    #[test]
    fn folds_whitespace() {
        assert_eq!(fold_whitespace("  a \n\t b\u{a0}c  "), "a b c");
    }
}

/// A plain decimal number (`"1.5"`, `"640"`, `".5"`, `"2e1"`) as HTML writes sizes and srcset
/// densities; `None` for anything else (signs, `inf`, `NaN`, junk). Written out instead of
/// `str::parse::<f64>` because std's float parser brings ~10 KB of power-of-five tables and code
/// into the wasm, for numbers that never need its last-bit exactness here.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let mut value = 0.0f64;
    for b in int.bytes().chain(frac.bytes()) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut scale = -(frac.len() as i32);
    if let Some(e) = exponent {
        let (negative, e) = match e.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, e.strip_prefix('+').unwrap_or(e)),
        };
        if e.is_empty() || e.len() > 4 || !digits(e) {
            return None;
        }
        let e: i32 = e.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
        scale += if negative { -e } else { e };
    }
    Some(value * 10f64.powi(scale))
}

#[cfg(test)]
mod parse_decimal_tests {
    use super::parse_decimal;

    #[test]
    fn reads_what_html_writes() {
        assert_eq!(parse_decimal("640"), Some(640.0));
        assert_eq!(parse_decimal("1.5"), Some(1.5));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("2."), Some(2.0));
        assert_eq!(parse_decimal("2e1"), Some(20.0));
        assert_eq!(parse_decimal("25E-1"), Some(2.5));
    }

    #[test]
    fn refuses_the_rest() {
        for s in ["", ".", "-1", "+1", "1.2.3", "inf", "NaN", "1e", "12px", "１２"] {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }
}
