//! Lower-casing without the standard library's case table.
//!
//! Every comparison of words in the core is case-insensitive (class names, reporting verbs, credit
//! labels, names), and `str::to_lowercase` brings std's lower-case table into the wasm: 1,400
//! single-character pairs (11.5 KB of data, 5 KB of the gzip size) and 3.8 KB of code. The same
//! mapping is 189 runs: most of Unicode's case pairs are a block shifted by a constant (A–Z, À–Þ,
//! Α–Ω, А–Я by 32, Ѐ–Џ by 80) or alternate upper/lower (Ā ā Ă ă …). [`lower_char`] looks the run up.
//!
//! It is std's `char::to_lowercase` exactly (the test checks every code point), with two
//! differences that matching wants anyway: `İ` (U+0130) lowers to `i`, not `i` + U+0307 COMBINING
//! DOT ABOVE, and [`lowercase`] lowers `Σ` to `σ` everywhere, without `str::to_lowercase`'s
//! word-final `ς` (no word list here holds a Greek capital).

/// Runs of `(first, last, delta)`: each character `c` in `first..=last` lowers to `c + delta`;
/// a run with delta 1 alternates (`first`, `first + 2`, … are the capitals, the ones between are
/// already lower case). Sorted by `first`, disjoint. Generated from std's `char::to_lowercase`
/// (Unicode 16, Rust 1.95) by `cargo test --lib case::tests::print_runs -- --ignored --nocapture`;
/// `lower_char_is_std_on_every_code_point` fails when a new Unicode version changes the mapping.
#[rustfmt::skip]
const RUNS: &[(u32, u32, i32)] = &[
    (0x0041, 0x005A, 32), (0x00C0, 0x00D6, 32), (0x00D8, 0x00DE, 32), (0x0100, 0x012E, 1),
    (0x0130, 0x0130, -199), (0x0132, 0x0136, 1), (0x0139, 0x0147, 1), (0x014A, 0x0176, 1),
    (0x0178, 0x0178, -121), (0x0179, 0x017D, 1), (0x0181, 0x0181, 210), (0x0182, 0x0184, 1),
    (0x0186, 0x0186, 206), (0x0187, 0x0187, 1), (0x0189, 0x018A, 205), (0x018B, 0x018B, 1),
    (0x018E, 0x018E, 79), (0x018F, 0x018F, 202), (0x0190, 0x0190, 203), (0x0191, 0x0191, 1),
    (0x0193, 0x0193, 205), (0x0194, 0x0194, 207), (0x0196, 0x0196, 211), (0x0197, 0x0197, 209),
    (0x0198, 0x0198, 1), (0x019C, 0x019C, 211), (0x019D, 0x019D, 213), (0x019F, 0x019F, 214),
    (0x01A0, 0x01A4, 1), (0x01A6, 0x01A6, 218), (0x01A7, 0x01A7, 1), (0x01A9, 0x01A9, 218),
    (0x01AC, 0x01AC, 1), (0x01AE, 0x01AE, 218), (0x01AF, 0x01AF, 1), (0x01B1, 0x01B2, 217),
    (0x01B3, 0x01B5, 1), (0x01B7, 0x01B7, 219), (0x01B8, 0x01B8, 1), (0x01BC, 0x01BC, 1), (0x01C4, 0x01C4, 2),
    (0x01C5, 0x01C5, 1), (0x01C7, 0x01C7, 2), (0x01C8, 0x01C8, 1), (0x01CA, 0x01CA, 2), (0x01CB, 0x01DB, 1),
    (0x01DE, 0x01EE, 1), (0x01F1, 0x01F1, 2), (0x01F2, 0x01F4, 1), (0x01F6, 0x01F6, -97),
    (0x01F7, 0x01F7, -56), (0x01F8, 0x021E, 1), (0x0220, 0x0220, -130), (0x0222, 0x0232, 1),
    (0x023A, 0x023A, 10795), (0x023B, 0x023B, 1), (0x023D, 0x023D, -163), (0x023E, 0x023E, 10792),
    (0x0241, 0x0241, 1), (0x0243, 0x0243, -195), (0x0244, 0x0244, 69), (0x0245, 0x0245, 71),
    (0x0246, 0x024E, 1), (0x0370, 0x0372, 1), (0x0376, 0x0376, 1), (0x037F, 0x037F, 116),
    (0x0386, 0x0386, 38), (0x0388, 0x038A, 37), (0x038C, 0x038C, 64), (0x038E, 0x038F, 63),
    (0x0391, 0x03A1, 32), (0x03A3, 0x03AB, 32), (0x03CF, 0x03CF, 8), (0x03D8, 0x03EE, 1),
    (0x03F4, 0x03F4, -60), (0x03F7, 0x03F7, 1), (0x03F9, 0x03F9, -7), (0x03FA, 0x03FA, 1),
    (0x03FD, 0x03FF, -130), (0x0400, 0x040F, 80), (0x0410, 0x042F, 32), (0x0460, 0x0480, 1),
    (0x048A, 0x04BE, 1), (0x04C0, 0x04C0, 15), (0x04C1, 0x04CD, 1), (0x04D0, 0x052E, 1), (0x0531, 0x0556, 48),
    (0x10A0, 0x10C5, 7264), (0x10C7, 0x10C7, 7264), (0x10CD, 0x10CD, 7264), (0x13A0, 0x13EF, 38864),
    (0x13F0, 0x13F5, 8), (0x1C89, 0x1C89, 1), (0x1C90, 0x1CBA, -3008), (0x1CBD, 0x1CBF, -3008),
    (0x1E00, 0x1E94, 1), (0x1E9E, 0x1E9E, -7615), (0x1EA0, 0x1EFE, 1), (0x1F08, 0x1F0F, -8),
    (0x1F18, 0x1F1D, -8), (0x1F28, 0x1F2F, -8), (0x1F38, 0x1F3F, -8), (0x1F48, 0x1F4D, -8),
    (0x1F59, 0x1F59, -8), (0x1F5B, 0x1F5B, -8), (0x1F5D, 0x1F5D, -8), (0x1F5F, 0x1F5F, -8),
    (0x1F68, 0x1F6F, -8), (0x1F88, 0x1F8F, -8), (0x1F98, 0x1F9F, -8), (0x1FA8, 0x1FAF, -8),
    (0x1FB8, 0x1FB9, -8), (0x1FBA, 0x1FBB, -74), (0x1FBC, 0x1FBC, -9), (0x1FC8, 0x1FCB, -86),
    (0x1FCC, 0x1FCC, -9), (0x1FD8, 0x1FD9, -8), (0x1FDA, 0x1FDB, -100), (0x1FE8, 0x1FE9, -8),
    (0x1FEA, 0x1FEB, -112), (0x1FEC, 0x1FEC, -7), (0x1FF8, 0x1FF9, -128), (0x1FFA, 0x1FFB, -126),
    (0x1FFC, 0x1FFC, -9), (0x2126, 0x2126, -7517), (0x212A, 0x212A, -8383), (0x212B, 0x212B, -8262),
    (0x2132, 0x2132, 28), (0x2160, 0x216F, 16), (0x2183, 0x2183, 1), (0x24B6, 0x24CF, 26),
    (0x2C00, 0x2C2F, 48), (0x2C60, 0x2C60, 1), (0x2C62, 0x2C62, -10743), (0x2C63, 0x2C63, -3814),
    (0x2C64, 0x2C64, -10727), (0x2C67, 0x2C6B, 1), (0x2C6D, 0x2C6D, -10780), (0x2C6E, 0x2C6E, -10749),
    (0x2C6F, 0x2C6F, -10783), (0x2C70, 0x2C70, -10782), (0x2C72, 0x2C72, 1), (0x2C75, 0x2C75, 1),
    (0x2C7E, 0x2C7F, -10815), (0x2C80, 0x2CE2, 1), (0x2CEB, 0x2CED, 1), (0x2CF2, 0x2CF2, 1),
    (0xA640, 0xA66C, 1), (0xA680, 0xA69A, 1), (0xA722, 0xA72E, 1), (0xA732, 0xA76E, 1), (0xA779, 0xA77B, 1),
    (0xA77D, 0xA77D, -35332), (0xA77E, 0xA786, 1), (0xA78B, 0xA78B, 1), (0xA78D, 0xA78D, -42280),
    (0xA790, 0xA792, 1), (0xA796, 0xA7A8, 1), (0xA7AA, 0xA7AA, -42308), (0xA7AB, 0xA7AB, -42319),
    (0xA7AC, 0xA7AC, -42315), (0xA7AD, 0xA7AD, -42305), (0xA7AE, 0xA7AE, -42308), (0xA7B0, 0xA7B0, -42258),
    (0xA7B1, 0xA7B1, -42282), (0xA7B2, 0xA7B2, -42261), (0xA7B3, 0xA7B3, 928), (0xA7B4, 0xA7C2, 1),
    (0xA7C4, 0xA7C4, -48), (0xA7C5, 0xA7C5, -42307), (0xA7C6, 0xA7C6, -35384), (0xA7C7, 0xA7C9, 1),
    (0xA7CB, 0xA7CB, -42343), (0xA7CC, 0xA7DA, 1), (0xA7DC, 0xA7DC, -42561), (0xA7F5, 0xA7F5, 1),
    (0xFF21, 0xFF3A, 32), (0x10400, 0x10427, 40), (0x104B0, 0x104D3, 40), (0x10570, 0x1057A, 39),
    (0x1057C, 0x1058A, 39), (0x1058C, 0x10592, 39), (0x10594, 0x10595, 39), (0x10C80, 0x10CB2, 64),
    (0x10D50, 0x10D65, 32), (0x118A0, 0x118BF, 32), (0x16E40, 0x16E5F, 32), (0x16EA0, 0x16EB8, 27),
    (0x1E900, 0x1E921, 34),
];

/// `c` in lower case (std's `char::to_lowercase`, one character; see the module's note on `İ`).
#[inline]
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower_non_ascii(c)
}

fn lower_non_ascii(c: char) -> char {
    let u = c as u32;
    let at = RUNS.partition_point(|&(first, _, _)| first <= u);
    let Some(&(first, last, delta)) = at.checked_sub(1).map(|i| &RUNS[i]) else { return c };
    if u > last || (delta == 1 && (u - first) % 2 == 1) {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(delta)).unwrap_or(c)
}

/// `s` in lower case, character by character with [`lower_char`].
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    lowercase_into(s, &mut out);
    out
}

/// [`lowercase`] into `out` (cleared first): one buffer reused over many strings.
pub fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(s.chars().map(lower_char));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What std maps `c` to, when that is one character other than `c`.
    fn std_lower(c: char) -> Option<char> {
        let mut lower = c.to_lowercase();
        let first = lower.next()?;
        (lower.next().is_none() && first != c).then_some(first)
    }

    #[test]
    fn lower_char_is_std_on_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = if c == '\u{130}' { 'i' } else { std_lower(c).unwrap_or(c) };
            assert_eq!(lower_char(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn runs_are_sorted_and_disjoint() {
        for pair in RUNS.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn lowercase_strings() {
        assert_eq!(lowercase("Reuters"), "reuters");
        assert_eq!(lowercase("ÉCOLE Straße ΑΘΗΝΑ Москва"), "école straße αθηνα москва");
        assert_eq!(lowercase("Āā Ǆ ǅ ǆ"), "āā ǆ ǆ ǆ");
        assert_eq!(lowercase("İstanbul"), "istanbul");
        assert_eq!(lowercase("图像来源，Reuters"), "图像来源，reuters");
    }

    /// Prints `RUNS` from std's mapping (run it when the Unicode version changes; see `RUNS`).
    #[test]
    #[ignore]
    fn print_runs() {
        let mut runs: Vec<(u32, u32, i32)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Some(l) = (if c == '\u{130}' { Some('i') } else { std_lower(c) }) else { continue };
            let (u, delta) = (c as u32, l as i32 - c as i32);
            match runs.last_mut() {
                // Alternating runs grow by 2, shifted blocks by 1.
                Some(run) if run.2 == delta && u == run.1 + if delta == 1 { 2 } else { 1 } => run.1 = u,
                _ => runs.push((u, u, delta)),
            }
        }
        let mut line = String::from("   ");
        for (first, last, delta) in runs {
            let entry = format!(" ({first:#06X}, {last:#06X}, {delta}),").replace("0X", "0x");
            if line.len() + entry.len() > 110 {
                println!("{line}");
                line = String::from("   ");
            }
            line.push_str(&entry);
        }
        println!("{line}");
    }
}
