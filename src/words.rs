//! Static word lists packed into one string each.
//!
//! A `&[&str]` list costs 8 bytes of pointer and length per word in the wasm's data section on top
//! of the word's own bytes, and those pairs (about 2,000 across the crate) compress badly: every
//! pointer is a different number. A [`Words`] list is a single `&'static str`: the number of
//! words, one byte with the length of each word, then the words one after the other. The source
//! still writes one literal per word, with [`words!`], which packs the list at compile time.
//!
//! Lengths rather than a separator between the words: [`Words::contains`] (called per token by
//! the quote finder) then compares only the words of the right length, as a search of a slice
//! does; with separators it has to read the whole string (a search for the word made the native
//! analysis of the test corpus about 40% slower, a byte loop about 25%). The lengths come first,
//! apart from the words, so that a lookup reads them one after the other instead of hopping from
//! word to word (a length byte before each word: about 4% slower than slices; this: the same).
//! Separators compress better (the gzipped wasm was about 1 KB smaller); the speed is worth more.

use std::fmt;

/// A static list of words, packed into one string: build it with [`words!`].
#[derive(Clone, Copy)]
pub struct Words(&'static str);

impl Words {
    /// The list packed by [`pack`]. Only for [`words!`].
    pub(crate) const fn from_packed(packed: &'static [u8]) -> Words {
        match std::str::from_utf8(packed) {
            Ok(s) => Words(s),
            Err(_) => panic!("a packed word list is not UTF-8"),
        }
    }

    /// The words' lengths, one byte each, and the words one after the other.
    fn parts(&self) -> (&'static [u8], &'static str) {
        let s = self.0;
        let count = usize::from(s.as_bytes()[0]) | usize::from(s.as_bytes()[1]) << 7;
        (&s.as_bytes()[2..2 + count], &s[2 + count..])
    }

    /// The words in the order they were written.
    pub fn iter(&self) -> Iter {
        let (lengths, words) = self.parts();
        Iter { lengths, words }
    }

    /// Whether `w` is one of the words (exactly: not a part of one).
    pub fn contains(&self, w: &str) -> bool {
        let (lengths, words) = self.parts();
        let (words, w) = (words.as_bytes(), w.as_bytes());
        let mut at = 0;
        for &n in lengths {
            let (start, n) = (at, usize::from(n));
            at += n;
            // The length, then the first byte, before the whole word (most words of the right
            // length differ there, and comparing the whole word is a call to `memcmp`). A scan for
            // the next length with `str::find` (memchr) was slower: 1.7× the instructions over the
            // test corpus (its setup costs more than the short scans it saves); so was skipping
            // four lengths at a time (SWAR in 32-bit words) when none is the wanted one: 1.9× (in
            // a stopword list nearly every group of four holds a common length).
            if n == w.len() && (n == 0 || words[start] == w[0] && words[start..at] == *w) {
                return true;
            }
        }
        false
    }

    /// Whether one of the words occurs anywhere in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.iter().any(|w| text.contains(w))
    }

    /// Whether `text` starts with one of the words.
    pub fn any_prefix_of(&self, text: &str) -> bool {
        self.iter().any(|w| text.starts_with(w))
    }

    /// Whether `text` ends with one of the words.
    pub fn any_suffix_of(&self, text: &str) -> bool {
        self.iter().any(|w| text.ends_with(w))
    }
}

/// The words of a [`Words`] list, in order.
#[derive(Clone, Debug)]
pub struct Iter {
    lengths: &'static [u8],
    words: &'static str,
}

impl Iterator for Iter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let (&n, lengths) = self.lengths.split_first()?;
        let (word, words) = self.words.split_at(usize::from(n));
        (self.lengths, self.words) = (lengths, words);
        Some(word)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.lengths.len(), Some(self.lengths.len()))
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The length of `list` packed by [`pack`]. Only for [`words!`] (evaluated at compile time).
pub(crate) const fn packed_len(list: &[&str]) -> usize {
    let (mut total, mut i) = (2, 0);
    while i < list.len() {
        total += 1 + list[i].len();
        i += 1;
    }
    total
}

/// `list` packed into `N` ([`packed_len`]) bytes: the number of words (two bytes of 7 bits, low
/// first), the length of each word (one byte each), then the words. Only for [`words!`]
/// (evaluated at compile time: a list too long or a word too long fails the build). Every byte
/// before the words is ASCII, so that the packed list is UTF-8 and each word starts on a char
/// boundary.
pub(crate) const fn pack<const N: usize>(list: &[&str]) -> [u8; N] {
    assert!(list.len() < 1 << 14, "a word list of 16,384 words or more");
    let mut out = [0; N];
    out[0] = (list.len() & 0x7f) as u8;
    out[1] = (list.len() >> 7) as u8;
    let (mut i, mut at) = (0, 2 + list.len());
    while i < list.len() {
        let w = list[i].as_bytes();
        assert!(w.len() < 0x80, "a word list entry is 128 bytes or longer");
        out[2 + i] = w.len() as u8;
        let mut k = 0;
        while k < w.len() {
            out[at] = w[k];
            at += 1;
            k += 1;
        }
        i += 1;
    }
    assert!(at == N, "packed word list of the wrong length");
    out
}

/// A [`Words`] list of string literals, packed at compile time: `words!["称", "说", "指", "道"]`.
/// The literals themselves (and their pointers) do not reach the binary, only the packed string.
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const LIST: &[&str] = &[$($w),*];
        const PACKED: [u8; $crate::words::packed_len(LIST)] = $crate::words::pack(LIST);
        const WORDS: $crate::words::Words = $crate::words::Words::from_packed(&PACKED);
        WORDS
    }};
}
pub(crate) use words;

#[cfg(test)]
mod tests {
    use super::*;

    const SOME: Words = words!["said", "say", "", "according to", "说", "said"];
    const LONGEST: &str = "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456";

    #[test]
    fn iterates_in_order() {
        assert_eq!(SOME.iter().collect::<Vec<_>>(), ["said", "say", "", "according to", "说", "said"]);
        assert_eq!(words![].iter().count(), 0);
        assert_eq!(words!["x"].iter().collect::<Vec<_>>(), ["x"]);
        assert_eq!(format!("{:?}", words!["a", "b"]), r#"["a", "b"]"#);
        let mut n = 0;
        for w in words!["a", "b"] {
            n += w.len();
        }
        assert_eq!(n, 2);
    }

    #[test]
    fn packs_the_count_the_lengths_and_the_words() {
        assert_eq!(SOME.0, "\u{6}\u{0}\u{4}\u{3}\u{0}\u{c}\u{3}\u{4}saidsayaccording to说said");
        assert_eq!(words![].0, "\u{0}\u{0}");
        assert_eq!(LONGEST.len(), 127);
        assert_eq!(words!["a", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456"].iter().collect::<Vec<_>>(), ["a", LONGEST]);
    }

    #[test]
    fn contains_whole_entries_only() {
        for w in ["said", "say", "", "according to", "说"] {
            assert!(SOME.contains(w), "{w:?}");
        }
        for w in ["sai", "aid", "sa", "s", "according", "to", "saidsay", "aysa", "说说", "saying", "\u{4}"] {
            assert!(!SOME.contains(w), "{w:?}");
        }
        assert!(!words![].contains(""));
        assert!(!words!["a"].contains(""));
        assert!(words!["a"].contains("a"));
        assert!(words!["aa", "a"].contains("a"));
        assert!(!words!["aaa", "aaaa"].contains("aa"));
    }

    #[test]
    fn contains_agrees_with_a_scan_of_the_words() {
        // Many words of a few lengths, so that the lookup skips runs of other lengths between the
        // words of the right one and must add their lengths up to find each offset.
        const LIST: Words = words![
            "he", "she", "they", "said", "says", "told", "added", "noted", "an", "asked", "wrote", "it",
            "我们", "表示", "spokesman", "spokeswoman", "ab", "abc", "abcd", "dcba", "cba", "ba", "x", "",
        ];
        let mut probes: Vec<String> = LIST.iter().map(str::to_owned).collect();
        for w in LIST.iter().filter(|w| !w.is_empty()) {
            let mut changed = w.to_owned();
            let last = changed.pop().unwrap();
            probes.push(changed.clone());
            changed.push(if last == 'z' { 'y' } else { 'z' });
            probes.push(changed);
            probes.push(format!("{w}s"));
        }
        for p in &probes {
            assert_eq!(LIST.contains(p), LIST.iter().any(|w| w == p), "{p:?}");
        }
    }

    #[test]
    fn prefix_suffix_and_substring() {
        let w = words!["协议", "法"];
        assert!(w.any_suffix_of("全面战略伙伴关系协议"));
        assert!(!w.any_suffix_of("协议书"));
        assert!(w.any_prefix_of("法案"));
        assert!(w.any_in("新的协议书"));
        assert!(!w.any_in("计划"));
    }
}
