//! Ranking: key quotes first by score (attribution confidence, position, length, distinctiveness,
//! headline overlap, pull-quote bonus, boilerplate penalty), at most [`MAX_TOP_PER_SPEAKER`] per speaker
//! before anyone's third; partial quotes after them.

use super::tunables::{self as t, MAX_TOP_PER_SPEAKER};
use crate::hash::FxHashMap;

/// What the score is made of, for one quote.
pub struct Features {
    pub confidence: f32,
    /// 0 for the first block, 1 for the last.
    pub position: f32,
    /// Words (Latin) or Han characters.
    pub length: usize,
    pub han: bool,
    /// Share of the quote's words that the rest of the article does not repeat.
    pub distinct: f32,
    /// Share of the headline's words in the quote.
    pub headline: f32,
    pub pull_quote: bool,
    pub boilerplate: bool,
}

fn length_fit(n: usize, (lo, hi): (usize, usize)) -> f32 {
    if n < lo {
        n as f32 / lo as f32
    } else if n > hi {
        hi as f32 / n as f32
    } else {
        1.0
    }
}

/// The score of one quote.
pub fn score(f: &Features) -> f32 {
    let ideal = if f.han { t::IDEAL_HAN } else { t::IDEAL_WORDS };
    let mut s = t::W_CONFIDENCE * f.confidence
        + t::W_POSITION * (1.0 - f.position.clamp(0.0, 1.0))
        + t::W_LENGTH * length_fit(f.length, ideal)
        + t::W_DISTINCT * f.distinct
        + t::W_HEADLINE * f.headline;
    if f.pull_quote {
        s += t::BONUS_PULL_QUOTE;
    }
    if f.boilerplate {
        s -= t::PENALTY_BOILERPLATE;
    }
    s
}

/// Content words of `s`: lowercased Latin words of 4+ letters, or Han bigrams.
pub fn content_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_content_word(s, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of [`content_words`]`(s)` in order, from one reused buffer (no String per word).
pub fn each_content_word(s: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut bigram = String::new();
    let mut prev_han: Option<char> = None;
    for c in s.chars() {
        let han = matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF);
        if han {
            if let Some(p) = prev_han {
                bigram.clear();
                bigram.push(p);
                bigram.push(c);
                f(&bigram);
            }
            prev_han = Some(c);
        } else {
            prev_han = None;
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() && !han {
            word.push(crate::case::lower_char(c));
        } else if !word.is_empty() {
            if word.chars().count() >= 4 {
                f(&word);
            }
            word.clear();
        }
    }
    if word.chars().count() >= 4 {
        f(&word);
    }
}

/// The [`content_words`] sets of several texts, each as sorted distinct word numbers (one number
/// per distinct word of all the texts): the pull-quote check compares every pair of quotes, and
/// merging two sorted lists costs no hashing.
pub fn word_id_sets<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<Vec<usize>> {
    // `usize` numbers: the same map and vector types as the rest of the crate (no new generic copies in the wasm).
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    texts
        .map(|text| {
            let mut set: Vec<usize> = Vec::new();
            each_content_word(text, |w| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len();
                        ids.insert(w.to_string(), id);
                        id
                    }
                };
                set.push(id);
            });
            crate::sort::sort(&mut set);
            set.dedup();
            set
        })
        .collect()
}

/// Token overlap of two texts relative to the shorter one (1.0 = one contains the other), on their
/// [`word_id_sets`].
pub fn overlap_sets(wa: &[usize], wb: &[usize], a: &str, b: &str) -> f32 {
    let small = wa.len().min(wb.len());
    if small == 0 {
        return if a.trim() == b.trim() { 1.0 } else { 0.0 };
    }
    // Both sorted: one merge counts the common words.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < wa.len() && j < wb.len() {
        match wa[i].cmp(&wb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / small as f32
}

/// Orders quotes: key quotes by score with the per-speaker cap, then partial quotes by score.
/// `items` are (is_key, speaker, score); returns indices.
pub fn order(items: &[(bool, Option<String>, f32)]) -> Vec<usize> {
    let mut keys: Vec<usize> = (0..items.len()).filter(|&i| items[i].0).collect();
    let mut partials: Vec<usize> = (0..items.len()).filter(|&i| !items[i].0).collect();
    let by_score = |a: &usize, b: &usize| items[*b].2.partial_cmp(&items[*a].2).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(b));
    crate::sort::sort_by(&mut keys, by_score);
    crate::sort::sort_by(&mut partials, by_score);
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let (mut top, mut later) = (Vec::new(), Vec::new());
    for i in keys {
        let who = items[i].1.clone().unwrap_or_default();
        let n = seen.entry(who).or_insert(0);
        *n += 1;
        if *n <= MAX_TOP_PER_SPEAKER {
            top.push(i);
        } else {
            later.push(i);
        }
    }
    top.extend(later);
    top.extend(partials);
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::FxHashSet;

    fn overlap(a: &str, b: &str) -> f32 {
        let sets = word_id_sets([a, b].into_iter());
        let fast = overlap_sets(&sets[0], &sets[1], a, b);
        // The definition: shared distinct words over the smaller set's size.
        let wa: FxHashSet<String> = content_words(a).into_iter().collect();
        let wb: FxHashSet<String> = content_words(b).into_iter().collect();
        let small = wa.len().min(wb.len());
        let slow = if small == 0 { f32::from(u8::from(a.trim() == b.trim())) } else { wa.intersection(&wb).count() as f32 / small as f32 };
        assert_eq!(fast, slow, "{a:?} / {b:?}");
        fast
    }

    #[test]
    fn at_most_two_per_speaker_at_the_top() {
        let a = Some("A".to_string());
        let b = Some("B".to_string());
        let items = vec![(true, a.clone(), 0.9), (true, a.clone(), 0.8), (true, a.clone(), 0.7), (true, b.clone(), 0.5), (false, b, 0.99)];
        assert_eq!(order(&items), vec![0, 1, 3, 2, 4]);
    }

    #[test]
    fn boilerplate_is_penalised() {
        let f = |boilerplate| Features { confidence: 0.9, position: 0.2, length: 20, han: false, distinct: 0.5, headline: 0.0, pull_quote: false, boilerplate };
        assert!(score(&f(true)) < score(&f(false)) - 0.3);
    }

    #[test]
    fn overlap_of_pull_quote_and_body() {
        assert!(overlap("We will never give up on this", "“We will never give up on this,” she said") > 0.9);
        assert!(overlap("一贯坚定地支持俄罗斯的政策", "完全不同的内容") < 0.2);
    }
}
