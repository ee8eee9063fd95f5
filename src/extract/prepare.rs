//! Stage 1, prepare: decide which nodes take no part in the article at all, and gather per-node
//! text statistics in one bottom-up pass.
//!
//! Nothing is removed from the snapshot. Excluded nodes (with their whole subtrees) go into the
//! `skip` side table: nodes the page does not show (`visible` is false — real layout in the
//! browser, markup natively), `aria-hidden="true"`, modal dialogs, never-content elements
//! (scripts, forms controls, embeds), page furniture by tag (`nav`, `aside`, `footer`), and — when
//! [`Flags::strip_unlikely`] is on — Readability's "unlikely candidates" by class, id and role.
//!
//! The statistics (folded text length, weighted link text, commas, "has a block descendant") are
//! accumulated children-into-parents by iterating the pre-order arena in reverse: a node's
//! descendants all have larger ids, so they are complete before the node is reached. No recursion,
//! and no text is collected twice.

use super::tunables as t;
use crate::snapshot::{Attr, Document, NodeData, NodeId, NodeSet, Tag};
use crate::words::Words;

/// Which of Readability's filters are on for one attempt (it retries with fewer when the article
/// comes out shorter than [`t::CHAR_THRESHOLD`]).
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    /// The attempts, strictest first (Readability's flag order).
    pub const ATTEMPTS: [Flags; 4] = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
}

/// Class/id match bits, computed once per element.
pub mod bits {
    pub const UNLIKELY: u8 = 1;
    pub const MAYBE: u8 = 2;
    pub const SHARE: u8 = 4;
    pub const BYLINE: u8 = 8;
    /// An `<article>`, `<main>`, `[role=main]` or `[itemprop~=articleBody]`.
    pub const SEMANTIC: u8 = 16;
}

/// What every stage reads about every node. Indexed by `NodeId::index()`.
pub struct Facts {
    /// Class/id match bits ([`bits`]).
    pub bits: Vec<u8>,
    /// Readability class weight: ±[`t::CLASS_WEIGHT`] for class and for id.
    pub weight: Vec<f32>,
}

/// The prepared page for one attempt.
pub struct Prepared {
    /// Every excluded node (subtrees included).
    pub skip: NodeSet,
    /// Folded text length of the kept text under each node.
    pub text: Vec<u32>,
    /// Weighted link text under each node.
    pub link: Vec<f32>,
    /// Commas under each node ([`t::COMMAS`]).
    pub commas: Vec<u32>,
    /// Nodes with a descendant among Readability's `DIV_TO_P_ELEMS`.
    pub has_block: NodeSet,
}

impl Prepared {
    /// Link text over text (0 for an empty node).
    pub fn link_density(&self, id: NodeId) -> f32 {
        let text = self.text[id.index()];
        if text == 0 { 0.0 } else { self.link[id.index()] / text as f32 }
    }
}

/// True when one of `lower`'s tokens (split on non-alphanumerics) equals one of `words`.
pub fn has_token(lower: &str, words: Words) -> bool {
    lower.split(|c: char| !c.is_alphanumeric()).any(|tok| words.contains(tok))
}

/// Which substring lists of [`t`] a class/id string matches, as bits of one byte.
pub mod lists {
    pub const UNLIKELY: u8 = 1;
    pub const UNLIKELY_EXTRA: u8 = 2;
    pub const MAYBE: u8 = 4;
    pub const POSITIVE: u8 = 8;
    pub const NEGATIVE: u8 = 16;
    pub const BYLINE: u8 = 32;
    /// A word of a *token* list ([`NEGATIVE_TOKENS`](super::t::NEGATIVE_TOKENS), [`SHARE_TOKENS`](super::t::SHARE_TOKENS)) occurs as a
    /// substring: only then can it be a whole token, so only then are tokens split.
    pub const NEGATIVE_TOKEN: u8 = 64;
    pub const SHARE_TOKEN: u8 = 128;
}

/// Each substring list of [`t`] with its [`lists`] bit.
const LISTS: [(Words, u8); 8] = [
    (t::UNLIKELY, lists::UNLIKELY),
    (t::UNLIKELY_EXTRA, lists::UNLIKELY_EXTRA),
    (t::MAYBE_CANDIDATE, lists::MAYBE),
    (t::POSITIVE, lists::POSITIVE),
    (t::NEGATIVE, lists::NEGATIVE),
    (t::BYLINE, lists::BYLINE),
    (t::NEGATIVE_TOKENS, lists::NEGATIVE_TOKEN),
    (t::SHARE_TOKENS, lists::SHARE_TOKEN),
];

/// Every substring list of [`t`] in one table, indexed by the words' first byte, so that a
/// class/id string is read once for all lists ([`ClassWords::scan`]) instead of once per word
/// (about a hundred words: the most called code of the extraction, natively and in wasm).
pub struct ClassWords {
    /// (word, list bit), grouped by first byte.
    words: Vec<(&'static [u8], u8)>,
    /// `words[start[b] as usize..start[b + 1] as usize]` begin with byte `b`.
    start: [u8; 257],
    /// For each first byte, the second bytes of its words ([`second_bit`]): most positions of a
    /// class string start no word, and this rules them out before the words are compared.
    second: [u32; 256],
}

/// The bit of a word's second byte in [`ClassWords::second`]: one per lower-case letter, one for
/// `-`, one shared by every other byte (those positions are compared word by word), and one for
/// the string's end (`None`), where only a one-byte word (all bits) could match.
fn second_bit(b: Option<u8>) -> u32 {
    match b {
        Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
        Some(b'-') => 1 << 26,
        Some(_) => 1 << 27,
        None => 1 << 28,
    }
}

impl ClassWords {
    pub fn new() -> ClassWords {
        let all = || LISTS.iter().flat_map(|(words, bit)| words.iter().map(move |w| (w.as_bytes(), *bit))).filter(|(w, _)| !w.is_empty());
        // Counting sort by first byte (the lists hold ~100 words: `u8` offsets suffice).
        let mut count = [0usize; 256];
        for (w, _) in all() {
            count[usize::from(w[0])] += 1;
        }
        let mut start = [0u8; 257];
        let mut next = [0usize; 256];
        let mut sum = 0usize;
        for b in 0..256 {
            start[b] = sum as u8;
            next[b] = sum;
            sum += count[b];
        }
        start[256] = sum as u8;
        debug_assert!(sum < 256, "the class/id word lists outgrew the u8 offsets");
        let mut words = vec![(&b""[..], 0u8); sum];
        let mut second = [0u32; 256];
        for (w, bit) in all() {
            words[next[usize::from(w[0])]] = (w, bit);
            next[usize::from(w[0])] += 1;
            // A one-byte word matches whatever follows it.
            second[usize::from(w[0])] |= if w.len() == 1 { u32::MAX } else { second_bit(w.get(1).copied()) };
        }
        ClassWords { words, start, second }
    }

    /// The [`lists`] bits of every list with a word inside `lower`.
    pub fn scan(&self, lower: &str) -> u8 {
        let hay = lower.as_bytes();
        let mut found = 0u8;
        for i in 0..hay.len() {
            let b = usize::from(hay[i]);
            if self.second[b] & second_bit(hay.get(i + 1).copied()) == 0 {
                continue;
            }
            let bucket = self.words.get(usize::from(self.start[b])..usize::from(self.start[b + 1])).unwrap_or(&[]);
            for (w, bit) in bucket {
                if found & bit == 0 && hay[i..].starts_with(w) {
                    found |= bit;
                }
            }
        }
        found
    }
}

impl Default for ClassWords {
    fn default() -> Self {
        ClassWords::new()
    }
}

/// Readability's class weight of one lower-cased class or id string with its [`lists`] bits.
fn side_weight(lower: &str, found: u8) -> f32 {
    let mut w = 0.0;
    if lower.is_empty() {
        return w;
    }
    if found & lists::NEGATIVE != 0 || (found & lists::NEGATIVE_TOKEN != 0 && has_token(lower, t::NEGATIVE_TOKENS)) {
        w -= t::CLASS_WEIGHT;
    }
    if found & lists::POSITIVE != 0 {
        w += t::CLASS_WEIGHT;
    }
    w
}

/// Computes class/id bits and weights for every element (one lower-casing and one scan per
/// class and id string).
pub fn facts(doc: &Document) -> Facts {
    let n = doc.len();
    let mut bits_v = vec![0u8; n];
    let mut weight = vec![0f32; n];
    let words = ClassWords::new();
    let (mut class, mut ident) = (String::new(), String::new());
    for id in doc.ids() {
        let Some(e) = doc.element(id) else { continue };
        let mut b = 0;
        let (class_raw, ident_raw) = (doc.attr(id, Attr::Class).unwrap_or(""), doc.attr(id, Attr::Id).unwrap_or(""));
        // Most elements have neither: no word can match then.
        if !class_raw.is_empty() || !ident_raw.is_empty() {
            crate::case::lowercase_into(class_raw, &mut class);
            crate::case::lowercase_into(ident_raw, &mut ident);
            let (in_class, in_ident) = (words.scan(&class), words.scan(&ident));
            weight[id.index()] = side_weight(&class, in_class) + side_weight(&ident, in_ident);
            // Readability tests the lists on "class id": no word holds a space, so a list
            // matches there exactly when it matches the class or the id.
            let found = in_class | in_ident;
            if found & (lists::UNLIKELY | lists::UNLIKELY_EXTRA) != 0 {
                b |= bits::UNLIKELY;
            }
            if found & lists::MAYBE != 0 {
                b |= bits::MAYBE;
            }
            if (in_class & lists::SHARE_TOKEN != 0 && has_token(&class, t::SHARE_TOKENS)) || (in_ident & lists::SHARE_TOKEN != 0 && has_token(&ident, t::SHARE_TOKENS)) {
                b |= bits::SHARE;
            }
            if found & lists::BYLINE != 0 {
                b |= bits::BYLINE;
            }
        }
        let role = doc.attr(id, Attr::Role).unwrap_or("");
        let itemprop = doc.attr(id, Attr::Itemprop).unwrap_or("");
        if matches!(e.tag, Tag::Article | Tag::Main)
            || role.eq_ignore_ascii_case("main")
            || itemprop.split_whitespace().any(|p| p.eq_ignore_ascii_case("articlebody"))
        {
            b |= bits::SEMANTIC;
        }
        bits_v[id.index()] = b;
    }
    Facts { bits: bits_v, weight }
}

/// Why a node is excluded before scoring, whatever the flags: it is not shown, or it is never
/// article text.
fn always_excluded(doc: &Document, id: NodeId, tag: Tag, furniture: bool) -> bool {
    if !doc.node(id).visible {
        return true;
    }
    if tag.is_never_content() && !matches!(tag, Tag::Form | Tag::Fieldset) {
        return true;
    }
    // Broadsheet: semantic page furniture (Readability removes aside/footer after scoring; nav it
    // only catches by class name).
    if furniture && matches!(tag, Tag::Nav | Tag::Aside | Tag::Footer) {
        return true;
    }
    if doc.attr(id, Attr::AriaHidden).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && !doc.attr(id, Attr::Class).is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    false
}

fn unlikely_role(doc: &Document, id: NodeId) -> bool {
    doc.attr(id, Attr::Role).is_some_and(|r| t::UNLIKELY_ROLES.iter().any(|u| r.trim().eq_ignore_ascii_case(u)))
}

/// Walks `body` in document order and calls `visit` for each element that survives exclusion;
/// `visit` returns true to exclude that element too. Returns the excluded set. Shared by
/// [`prepare`] and the byline search, so both see the same page.
fn walk_kept(doc: &Document, facts: &Facts, strip_unlikely: bool, furniture: bool, mut visit: impl FnMut(NodeId) -> bool) -> NodeSet {
    let mut skip = NodeSet::for_doc(doc);
    let body = doc.body();
    // Outside the body nothing is content.
    for i in 0..body.0 {
        skip.insert(NodeId(i));
    }
    for i in doc.node(body).end..doc.len() as u32 {
        skip.insert(NodeId(i));
    }
    // Open ancestors that are tables or code: unlikely-candidate removal spares their insides.
    let mut guarded: Vec<u32> = Vec::new();
    let end = doc.node(body).end;
    let mut i = body.0 + 1;
    while i < end {
        while guarded.last().is_some_and(|e| *e <= i) {
            guarded.pop();
        }
        let id = NodeId(i);
        let Some(tag) = doc.tag(id) else {
            i += 1;
            continue;
        };
        let node_end = doc.node(id).end;
        // Readability's order: invisible, then the visitor (its byline check), then unlikely.
        let mut exclude = always_excluded(doc, id, tag, furniture) || visit(id);
        if !exclude && strip_unlikely && guarded.is_empty() && tag != Tag::A {
            let b = facts.bits[id.index()];
            let unlikely = b & bits::UNLIKELY != 0 && b & (bits::MAYBE | bits::SEMANTIC) == 0;
            exclude = unlikely || (unlikely_role(doc, id) && b & bits::SEMANTIC == 0);
        }
        if exclude {
            for j in i..node_end {
                skip.insert(NodeId(j));
            }
            i = node_end;
            continue;
        }
        if matches!(tag, Tag::Table | Tag::Code) {
            guarded.push(node_end);
        }
        i += 1;
    }
    skip
}

/// Readability `_isValidByline`: a `rel=author`, `itemprop~=author` or byline-named element
/// with short text.
fn byline_candidate(doc: &Document, facts: &Facts, id: NodeId) -> Option<String> {
    let rel = doc.attr(id, Attr::Rel).is_some_and(|r| r.trim().eq_ignore_ascii_case("author"));
    let itemprop = doc.attr(id, Attr::Itemprop).is_some_and(|p| p.to_ascii_lowercase().contains("author"));
    if !(rel || itemprop || facts.bits[id.index()] & bits::BYLINE != 0) {
        return None;
    }
    // Readability: an `itemprop~=name` inside the byline element holds just the name.
    let source = doc.descendants(id).find(|d| doc.attr(*d, Attr::Itemprop).is_some_and(|p| p.contains("name"))).unwrap_or(id);
    let text = crate::text::fold_whitespace(&doc.text_content(source));
    let len = doc.text_content(id).trim().chars().count();
    (len > 0 && len < t::BYLINE_MAX_CHARS && !text.is_empty()).then_some(text)
}

/// The page's byline element and its text: the first valid byline among the nodes the strictest
/// attempt keeps (Readability checks bylines while it walks, before unlikely removal).
///
/// Like Readability's retries, a page without a byline among its likely nodes is searched again
/// with unlikely candidates kept (bylines often sit in an `entry-header`).
pub fn find_byline(doc: &Document, facts: &Facts) -> Option<(NodeId, String)> {
    let mut found = None;
    for strip_unlikely in [true, false] {
        walk_kept(doc, facts, strip_unlikely, false, |id| {
            if found.is_none() {
                if let Some(text) = byline_candidate(doc, facts, id) {
                    found = Some((id, text));
                }
            }
            false
        });
        if found.is_some() {
            break;
        }
    }
    found
}

/// Stage 1 for one attempt: the excluded set and the bottom-up statistics.
pub fn prepare(doc: &Document, facts: &Facts, flags: Flags, byline: Option<NodeId>) -> Prepared {
    let skip = walk_kept(doc, facts, flags.strip_unlikely, true, |id| Some(id) == byline);
    let n = doc.len();
    let mut text = vec![0u32; n];
    let mut link = vec![0f32; n];
    let mut commas = vec![0u32; n];
    let mut has_block = NodeSet::for_doc(doc);
    for i in (1..n).rev() {
        let id = NodeId(i as u32);
        if skip.contains(id) {
            continue;
        }
        match doc.data(id) {
            NodeData::Text(s) => {
                let (len, c) = folded_len_and_commas(s);
                text[i] = len;
                commas[i] = c;
            }
            NodeData::Element(e) => {
                if e.tag == Tag::A {
                    let coef = if doc.attr(id, Attr::Href).is_some_and(|h| h.trim_start().starts_with('#')) { t::HASH_LINK_WEIGHT } else { 1.0 };
                    link[i] = text[i] as f32 * coef;
                }
            }
            NodeData::Document => {}
        }
        if let Some(p) = doc.parent(id) {
            let p = p.index();
            text[p] += text[i];
            link[p] += link[i];
            commas[p] += commas[i];
            if has_block.contains(id) || doc.tag(id).is_some_and(is_div_to_p_elem) {
                has_block.insert(NodeId(p as u32));
            }
        }
    }
    Prepared { skip, text, link, commas, has_block }
}

/// Readability `DIV_TO_P_ELEMS`: a `div` holding one of these is not a paragraph.
pub fn is_div_to_p_elem(tag: Tag) -> bool {
    matches!(tag, Tag::Blockquote | Tag::Dl | Tag::Div | Tag::Img | Tag::Ol | Tag::P | Tag::Pre | Tag::Table | Tag::Ul)
}

/// Length of `s` with whitespace runs folded to one character, and its comma count.
pub fn folded_len_and_commas(s: &str) -> (u32, u32) {
    let (mut len, mut commas, mut in_space) = (0u32, 0u32, false);
    if s.is_ascii() {
        // The common case, byte by byte: ASCII whitespace is `char::is_whitespace`'s ASCII part.
        for b in s.bytes() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                len += u32::from(!in_space);
                in_space = true;
            } else {
                in_space = false;
                len += 1;
                commas += u32::from(b == b',');
            }
        }
        return (len, commas);
    }
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1;
                in_space = true;
            }
        } else {
            in_space = false;
            len += 1;
            if t::COMMAS.contains(&c) {
                commas += 1;
            }
        }
    }
    (len, commas)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::snapshot::from_html;

    #[test]
    fn skips_hidden_unlikely_and_furniture() {
        let d = from_html(
            r#"<body><div class="sidebar"><p>side</p></div><div aria-hidden="true"><p>aria</p></div>
            <nav><p>nav</p></nav><div class="article-sidebar"><p>kept: maybe</p></div><p>main text</p></body>"#,
            None,
        );
        let f = facts(&d);
        let p = prepare(&d, &f, Flags::ATTEMPTS[0], None);
        let kept: Vec<String> = d.find_all(d.body(), Tag::P).filter(|x| !p.skip.contains(*x)).map(|x| d.text_content(x)).collect();
        assert_eq!(kept, vec!["kept: maybe", "main text"]);
    }

    #[test]
    fn counts_text_links_and_cjk_commas_bottom_up() {
        let d = from_html("<body><div><p>a,  b</p><p>中文，逗号、句号。<a href='/x'>link</a></p></div></body>", None);
        let f = facts(&d);
        let p = prepare(&d, &f, Flags::ATTEMPTS[0], None);
        let div = d.find(Tag::Div).unwrap();
        assert_eq!(p.commas[div.index()], 4);
        assert_eq!(p.text[div.index()], 4 + 9 + 4);
        assert!((p.link_density(div) - 4.0 / 17.0).abs() < 1e-6);
        assert!(p.has_block.contains(div));
    }

    /// The definition [`ClassWords::scan`] must agree with: `lower` contains one of `words`.
    fn matches_any(lower: &str, words: Words) -> bool {
        words.any_in(lower)
    }

    #[test]
    fn one_scan_agrees_with_each_list_alone() {
        let words = ClassWords::new();
        let mut samples: Vec<String> = ["", "a", "-", "hid", "x hid", "share", "sharedaddy_bar", "post-body entry-content", "ad-break", "h-entry", "p-author", "comment", "commen", "menu2", "é-ad-ß", "sidebar-ad-", "ai2html"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Every word alone, at the end, inside, and cut short by one byte.
        for (list, _) in LISTS {
            for w in list {
                samples.extend([w.to_string(), format!("x{w}"), format!("{w}x"), format!("é {w} é"), w[..w.len() - 1].to_string()]);
            }
        }
        for s in &samples {
            let found = words.scan(s);
            for (list, bit) in LISTS {
                assert_eq!(found & bit != 0, matches_any(s, list), "{s:?} against {list:?}");
            }
        }
    }

    #[test]
    fn finds_a_byline() {
        let d = from_html(r#"<body><p class="byline">By Jane Doe</p><p>text</p></body>"#, None);
        assert_eq!(find_byline(&d, &facts(&d)).map(|b| b.1), Some("By Jane Doe".to_string()));
    }
}
