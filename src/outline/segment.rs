//! Topic shifts between paragraphs, TextTiling-style (Hearst 1997), for stories without subheads.
//!
//! 1. Each paragraph becomes a bag of terms: content words (lower-cased, stopwords dropped, a
//!    plural `s` folded) for spaced languages, character bigrams of CJK runs for Chinese and
//!    Japanese (no word segmenter needed: bigrams carry most of a Chinese text's lexical cohesion).
//! 2. At every gap between paragraphs, the cosine similarity of the [`WINDOW`] paragraphs before
//!    and after it.
//! 3. Each gap's depth: how far its similarity sits below the nearest peaks on both sides.
//! 4. The deepest gaps become boundaries, as many as the story's length calls for
//!    ([`section_count`]), never closer than [`MIN_SECTION_PARAGRAPHS`] to each other or to the
//!    ends; ties and flat stretches fall back to the lowest similarity, then to even spacing.

use super::tunables::*;
use crate::text::{cjk_ratio, is_cjk_letter};
use crate::hash::FxHashMap;

/// A paragraph's terms with their counts.
pub type Terms = FxHashMap<String, f64>;

/// The terms of one paragraph.
pub fn terms(text: &str) -> Terms {
    let mut out = Terms::default();
    if cjk_ratio(text) >= 0.5 {
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            if is_cjk_letter(pair[0]) && is_cjk_letter(pair[1]) {
                *out.entry(pair.iter().collect()).or_default() += 1.0;
            }
        }
        // Latin names inside Chinese text ("CSIS", "Terry") count as words.
        for w in words(text) {
            *out.entry(w).or_default() += 1.0;
        }
    } else {
        for w in words(text) {
            *out.entry(w).or_default() += 1.0;
        }
    }
    out
}

/// Content words: alphanumeric runs of 3+ characters, lower-cased, stopwords out, plural `s` off.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() || is_cjk_letter(c))
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(crate::case::lowercase)
        .filter(|w| !is_stopword(w))
        .map(|w| if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_owned() } else { w })
}

/// A lookup in [`STOPWORDS`] compares only the words of the same length (see [`crate::words`]).
fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

/// A bag of terms as (term id, count) sorted by id: windows merge and compare by a linear walk,
/// without hashing or copying the terms' text at every gap.
type Bag = Vec<(u32, f64)>;

/// The units' bags, with terms numbered in order of first appearance.
fn bags(units: &[Terms]) -> Vec<Bag> {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    units
        .iter()
        .map(|u| {
            let mut bag: Bag = u
                .iter()
                .map(|(k, v)| {
                    let next = ids.len() as u32;
                    (*ids.entry(k.as_str()).or_insert(next), *v)
                })
                .collect();
            bag.sort_unstable_by_key(|(id, _)| *id);
            bag
        })
        .collect()
}

/// Counts are whole numbers, so sums and products are exact in any order: the similarity is the
/// same as over hash maps.
fn cosine(a: &Bag, b: &Bag) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let na: f64 = a.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na * nb) }
}

fn merge(units: &[Bag]) -> Bag {
    let mut out: Bag = units.iter().flatten().copied().collect();
    out.sort_unstable_by_key(|(id, _)| *id);
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    out
}

/// How many sections a story of `paragraphs` paragraphs gets (3–8).
pub fn section_count(paragraphs: usize) -> usize {
    let by_length = (paragraphs + PARAGRAPHS_PER_SECTION / 2) / PARAGRAPHS_PER_SECTION;
    let most = (paragraphs / MIN_SECTION_PARAGRAPHS).max(1);
    by_length.clamp(MIN_SECTIONS, MAX_SECTIONS).min(most)
}

/// Similarity at each gap `g` (between unit `g-1` and unit `g`, for `g` in `1..n`); index 0 unused.
pub fn gap_similarities(units: &[Terms]) -> Vec<f64> {
    let units = bags(units);
    let n = units.len();
    let mut sims = vec![1.0; n];
    for (g, sim) in sims.iter_mut().enumerate().skip(1) {
        let before = merge(&units[g.saturating_sub(WINDOW)..g]);
        let after = merge(&units[g..(g + WINDOW).min(n)]);
        *sim = cosine(&before, &after);
    }
    sims
}

/// Depth of each gap below its surrounding peaks (TextTiling's depth score): the peak is reached by
/// climbing from the gap while the similarity does not fall, on each side. Linear: each gap's peak
/// is its neighbour's when the climb goes through the neighbour (a walk per gap was quadratic on
/// long flat stretches — 44,000 equal paragraphs took a second).
pub fn depths(sims: &[f64]) -> Vec<f64> {
    let n = sims.len();
    let mut out = vec![0.0; n];
    if n < 2 {
        return out;
    }
    // left[g]: the peak climbing left from g (index 0 is unused and never climbed into).
    let mut left = sims.to_vec();
    for g in 2..n {
        if sims[g - 1] >= sims[g] {
            left[g] = left[g - 1];
        }
    }
    let mut right = sims.to_vec();
    for g in (1..n - 1).rev() {
        if sims[g + 1] >= sims[g] {
            right[g] = right[g + 1];
        }
    }
    for g in 1..n {
        out[g] = (left[g] - sims[g]) + (right[g] - sims[g]);
    }
    out
}

/// Section starts (unit indices, the first is always 0) for units whose terms are `units`;
/// `allowed[i]` says whether a section may start at unit `i` (a paragraph, not a list item).
pub fn boundaries(units: &[Terms], allowed: &[bool], sections: usize) -> Vec<usize> {
    let n = units.len();
    let mut starts = vec![0];
    if n < 2 || sections < 2 {
        return starts;
    }
    let sims = gap_similarities(units);
    let depth = depths(&sims);
    // Deepest first; among equals, the least similar; then the earliest.
    let mut gaps: Vec<usize> = (MIN_SECTION_PARAGRAPHS.min(n - 1)..n).filter(|g| allowed.get(*g).copied().unwrap_or(false)).collect();
    crate::sort::sort_by(&mut gaps, |a, b| depth[*b].total_cmp(&depth[*a]).then(sims[*a].total_cmp(&sims[*b])).then(a.cmp(b)));
    let far_enough = |starts: &[usize], g: usize| {
        starts.iter().all(|s| s.abs_diff(g) >= MIN_SECTION_PARAGRAPHS) && n - g >= MIN_SECTION_PARAGRAPHS
    };
    for g in gaps.iter().copied() {
        if starts.len() >= sections {
            break;
        }
        if far_enough(&starts, g) {
            starts.push(g);
        }
    }
    // Flat or tiny stories: fill with evenly spaced starts.
    let mut k = 1;
    while starts.len() < sections && k < sections {
        let g = k * n / sections;
        if g < n && allowed.get(g).copied().unwrap_or(false) && !starts.contains(&g) && far_enough(&starts, g) {
            starts.push(g);
        }
        k += 1;
    }
    crate::sort::sort(&mut starts);
    starts
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn units(texts: &[&str]) -> Vec<Terms> {
        texts.iter().map(|t| terms(t)).collect()
    }

    /// Three topics, three paragraphs each (also the outline's end-to-end sample).
    pub(in crate::outline) const EN: &[&str] = &[
        "The city council approved the new budget for schools on Tuesday, raising teacher salaries.",
        "Teachers had asked the council for higher salaries and smaller classes in every school.",
        "School principals said the budget would let schools hire teachers before autumn.",
        "Meanwhile, heavy rain flooded the river valley, and farmers lost crops to the flood water.",
        "The river rose two metres overnight; farmers moved cattle away from the flooded fields.",
        "Flood defences along the river failed near the farms, officials said.",
        "In football, the home team won the cup final with a late goal from its young striker.",
        "The striker scored the goal in the final minute, and the team lifted the cup.",
        "Fans of the team celebrated the cup win in the streets until dawn.",
    ];

    #[test]
    fn finds_english_topic_shifts() {
        let u = units(EN);
        let allowed = vec![true; u.len()];
        assert_eq!(boundaries(&u, &allowed, 3), vec![0, 3, 6]);
    }

    const ZH: &[&str] = &[
        "市议会周二批准了新的学校预算，教师工资将会提高。",
        "教师们曾要求市议会提高工资，并缩小学校的班级规模。",
        "校长们表示，新预算让学校可以在秋天之前招聘教师。",
        "与此同时，暴雨导致河谷洪水泛滥，农民的庄稼被洪水淹没。",
        "河水一夜之间上涨两米，农民把牛群从被淹的田地转移。",
        "官员说，河堤的防洪设施失效，洪水淹没了农民的田地。",
        "足球方面，主队凭借年轻前锋的绝杀进球赢得杯赛决赛。",
        "前锋在最后一分钟打进进球，球队举起了奖杯。",
        "球迷们在街头庆祝球队夺杯，一直到天亮。",
    ];

    #[test]
    fn finds_chinese_topic_shifts_with_bigrams() {
        let u = units(ZH);
        assert!(u[0].contains_key("教师") || u[1].contains_key("教师"));
        let allowed = vec![true; u.len()];
        assert_eq!(boundaries(&u, &allowed, 3), vec![0, 3, 6]);
    }

    #[test]
    fn respects_allowed_starts_and_minimum_length() {
        let u = units(EN);
        let mut allowed = vec![true; u.len()];
        allowed[3] = false; // a list item cannot open a section
        let b = boundaries(&u, &allowed, 3);
        assert!(!b.contains(&3));
        assert_eq!(b.len(), 3);
        assert!(b.windows(2).all(|w| w[1] - w[0] >= MIN_SECTION_PARAGRAPHS));
    }

    #[test]
    fn flat_text_still_gets_evenly_spaced_sections() {
        let same = vec!["The same sentence about the same council budget."; 9];
        let u = units(&same);
        let b = boundaries(&u, &[true; 9], 3);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], 0);
    }

    /// The climb as TextTiling states it, one walk per gap: what [`depths`] must equal.
    fn depths_by_walking(sims: &[f64]) -> Vec<f64> {
        let n = sims.len();
        let mut out = vec![0.0; n];
        for g in 1..n {
            let (mut left, mut i) = (sims[g], g);
            while i > 1 && sims[i - 1] >= left {
                left = sims[i - 1];
                i -= 1;
            }
            let (mut right, mut j) = (sims[g], g);
            while j + 1 < n && sims[j + 1] >= right {
                right = sims[j + 1];
                j += 1;
            }
            out[g] = (left - sims[g]) + (right - sims[g]);
        }
        out
    }

    #[test]
    fn depths_match_the_walk_in_linear_time() {
        let cases: [&[f64]; 5] = [
            &[1.0, 0.5, 0.2, 0.4, 0.4, 0.9, 0.1, 0.1, 0.3],
            &[1.0, 0.3, 0.3, 0.3, 0.3],
            &[1.0, 0.1, 0.2, 0.3, 0.2, 0.1, 0.5, 0.5, 0.0],
            &[1.0],
            &[],
        ];
        for sims in cases {
            assert_eq!(depths(sims), depths_by_walking(sims), "{sims:?}");
        }
        // A long flat stretch (a hostile page of identical paragraphs) is quick.
        let flat = vec![0.5; 200_000];
        assert!(depths(&flat).iter().all(|d| *d == 0.0));
    }

    #[test]
    fn finds_stopwords() {
        assert!(is_stopword("the") && is_stopword("your") && !is_stopword("council"));
    }

    #[test]
    fn section_count_grows_with_length_within_bounds() {
        assert_eq!(section_count(7), 3);
        assert_eq!(section_count(16), 4);
        assert_eq!(section_count(60), 8);
        assert_eq!(section_count(4), 2);
    }
}
