//! The hash maps and sets of the crate: std's, with FxHash computed a machine word at a time.
//!
//! Every map and set is an [`FxHashMap`] / [`FxHashSet`]. std's default SipHash works in 64-bit
//! words, and so does rustc-hash 2's FxHash for strings and byte slices (a 64-bit multiply per 8
//! bytes, on wasm32 too). The shipped build is wasm translated to JavaScript (wasm2js), where a
//! 64-bit multiply is a call into a helper that multiplies 16-bit halves: a profile of the first
//! press showed about 1.2 ms of a page in that helper alone. This hasher is the classic FxHash
//! (rustc-hash 1's), which works in `usize` words: 32 bits on wasm32 (one `Math.imul` in the
//! JavaScript build), 64 bits natively. Its low bits are weak, so [`Hasher::finish`] rotates the
//! well-mixed high bits down, as rustc-hash 2 does (hashbrown takes the bucket from the low bits).
//!
//! Nothing depends on the iteration order of a map (the corpus tests compare the whole output). A
//! hostile page can make its own keys collide; the snapshot's size limit bounds what that costs.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// FxHash over `usize` words (see the module's introduction).
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: usize,
}

/// The multiplier: rustc-hash 1's for each word size.
#[cfg(target_pointer_width = "64")]
const K: usize = 0x517c_c1b7_2722_0a95;
#[cfg(not(target_pointer_width = "64"))]
const K: usize = 0x9e37_79b9;

/// How far [`Hasher::finish`] rotates (rustc-hash 2's values).
#[cfg(target_pointer_width = "64")]
const ROTATE: u32 = 26;
#[cfg(not(target_pointer_width = "64"))]
const ROTATE: u32 = 15;

const WORD: usize = std::mem::size_of::<usize>();

impl FxHasher {
    #[inline]
    fn add(&mut self, word: usize) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(WORD);
        for w in &mut words {
            let mut b = [0; WORD];
            b.copy_from_slice(w);
            self.add(usize::from_le_bytes(b));
        }
        // The last few bytes as one word, their count in its top byte (so "a" and "a\0" differ).
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut b = [0; WORD];
            b[..rest.len()].copy_from_slice(rest);
            b[WORD - 1] ^= rest.len() as u8;
            self.add(usize::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(usize::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(usize::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as usize);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i as usize);
        #[cfg(not(target_pointer_width = "64"))]
        self.add((i >> 32) as usize);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(ROTATE) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(t)
    }

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        assert_eq!(hash("Putin"), hash(&"Putin".to_string()));
        let keys = ["", "a", "a\0", "ab", "ba", "abcdefgh", "abcdefgi", "abcdefghi", "普京", "金正恩", "Kim Jong Un", "Kim Jong-un"];
        let hashes: FxHashSet<u64> = keys.iter().map(|k| hash(*k)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    #[test]
    fn maps_work_as_maps() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for i in 0..2000 {
            *m.entry(format!("name {}", i % 500)).or_default() += 1;
        }
        assert_eq!(m.len(), 500);
        assert!(m.values().all(|&n| n == 4));
    }

    #[test]
    fn buckets_spread_over_the_low_bits() {
        // Short keys differing in one character must not pile into a few buckets of a small table.
        let mut buckets = [0u32; 64];
        for i in 0..6400u32 {
            buckets[(hash(&format!("w{i}")) & 63) as usize] += 1;
        }
        assert!(buckets.iter().all(|&n| n > 40), "{buckets:?}");
    }
}
