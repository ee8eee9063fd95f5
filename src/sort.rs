//! Sorting through ONE instantiation of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element type and the comparison, so every call site with
//! its own closure got its own copy of std's driftsort (about 4 KB of wasm each; a dozen sites cost
//! 40 KB). Here the standard sort runs once, in a non-generic function, over the indices `0..n`
//! with the comparison behind `&dyn Fn`; the generic part left at each call site is only the loop
//! that moves the elements into that order (a few hundred bytes).
//!
//! Same results as `sort_by`: stable (equal elements keep their order), O(n log n) comparisons.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, &order);
}

/// Sorts `items` stably by the key `key` computes, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// `0..n` stably sorted by `compare` over indices: the one place std's sort is instantiated.
fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Reorders `items` so that the new `items[i]` is the old `items[order[i]]` (`order` a permutation
/// of the indices), in place: each cycle of the permutation is followed once with swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start || from >= items.len() {
                break;
            }
            // `items[from]` still holds its old element (the cycle has not reached it yet).
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        // A fixed pseudo-random sequence with many ties.
        let mut x = 12345u32;
        let items: Vec<(u32, usize)> = (0..2000)
            .map(|i| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                ((x >> 16) % 37, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut theirs = items.clone();
        theirs.sort_by_key(|p| p.0);
        assert_eq!(ours, theirs);
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut theirs = items;
        // std's `sort_by` on purpose: the test compares the two `sort_by`s, comparator and all.
        #[allow(clippy::unnecessary_sort_by)]
        theirs.sort_by(|a, b| b.0.cmp(&a.0));
        assert_eq!(ours, theirs);
    }

    #[test]
    fn handles_small_and_owned_elements() {
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        let mut one = vec!["a".to_string()];
        sort(&mut one);
        assert_eq!(one, ["a"]);
        let mut words: Vec<String> = "pear fig apple kiwi banana fig".split(' ').map(String::from).collect();
        sort(&mut words);
        assert_eq!(words, ["apple", "banana", "fig", "fig", "kiwi", "pear"]);
    }
}
