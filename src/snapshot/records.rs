//! The live-DOM walk's hand-over format, decoded into a [`Document`].
//!
//! In the browser one JavaScript walk (`src/web/walk.js`) reads the whole page and returns it in
//! two values — crossing between the wasm module and the DOM once per snapshot instead of several
//! times per node, which is what the snapshot used to spend its time on:
//! - `records`, 32-bit words in document order, the [`Builder`]'s events:
//!   `CLOSE` = 0; text = `[TEXT, utf16_len]`; element = `[ELEMENT | visible << 2 | tag << 3 |
//!   kept << 11]` followed by `kept` pairs `[attr, utf16_len]`, then its children and a `CLOSE`;
//! - `text`, every text and kept attribute value in record order, each followed by U+0000, turned
//!   into UTF-8 once on its way into the module.
//!
//! Lengths are in UTF-16 code units (JavaScript's `length`), so the decoder walks the UTF-8 text
//! counting units. Tags and attributes travel as their index in [`Tag::ALL`] / [`Attr::ALL`]; the
//! walk gets the names from [`walk_names`] and the per-tag rules from [`tag_flags`], so the tables
//! exist once, here. Decoding never panics: a malformed stream yields a smaller, still valid tree.
//! This module is pure Rust (tested natively); only the walk itself needs a browser.

use super::{Attr, Builder, Document, Tag};

/// Record kinds (the low two bits of a record's first word).
const CLOSE: u32 = 0;
const ELEMENT: u32 = 1;
const TEXT: u32 = 2;

/// Per-tag flags for the walk (`walk.js` reads the same bit values).
pub mod flag {
    /// Never laid out by nature (`<head>` content, scripts, styles, `<noscript>`, `<template>`):
    /// counted as visible, as the native builder does, so metadata and lazy images read them alike.
    pub const UNRENDERED: u8 = 1;
    /// Kept as an empty element in any namespace (`<svg>`, `<math>`: never article text).
    pub const MARKER: u8 = 2;
    /// Visibility inside it is assumed, not measured (the `<head>`).
    pub const HEAD: u8 = 4;
    /// Children read only for JSON-LD (`keeps_text`).
    pub const SCRIPT: u8 = 8;
    /// Children never read (`<style>`, `keeps_text`).
    pub const NO_TEXT: u8 = 16;
    /// May have a shadow root: the DOM's valid shadow hosts (`attachShadow`, declarative shadow
    /// roots alike) are custom elements and these tags; the walk asks no other element for one.
    pub const SHADOW_HOST: u8 = 32;
}

/// The tag names, then a newline, then the attribute names, each list in index order and joined
/// by spaces (no name contains either).
pub fn walk_names() -> String {
    let tags: Vec<&str> = Tag::ALL.iter().map(|t| t.as_str()).collect();
    let attrs: Vec<&str> = Attr::ALL.iter().map(|a| a.as_str()).collect();
    format!("{}\n{}", tags.join(" "), attrs.join(" "))
}

/// One byte of [`flag`]s per tag index, [`Tag::Other`] (the last index) included.
pub fn tag_flags() -> Vec<u8> {
    Tag::ALL.iter().copied().chain([Tag::Other]).map(flags_of).collect()
}

fn flags_of(tag: Tag) -> u8 {
    let mut f = 0;
    if matches!(
        tag,
        Tag::Head | Tag::Title | Tag::Meta | Tag::Link | Tag::Base | Tag::Style | Tag::Script | Tag::Noscript | Tag::Template
    ) {
        f |= flag::UNRENDERED;
    }
    if matches!(tag, Tag::Svg | Tag::Math) {
        f |= flag::MARKER;
    }
    if tag == Tag::Head {
        f |= flag::HEAD;
    }
    if tag == Tag::Script {
        f |= flag::SCRIPT;
    }
    if tag == Tag::Style {
        f |= flag::NO_TEXT;
    }
    // (DOM standard, "valid shadow host name"; a custom element's name is no tag here: `Other`.)
    if matches!(
        tag,
        Tag::Article | Tag::Aside | Tag::Blockquote | Tag::Body | Tag::Div | Tag::Footer | Tag::H1 | Tag::H2 | Tag::H3
            | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Header | Tag::Main | Tag::Nav | Tag::P | Tag::Section | Tag::Span
            | Tag::Other
    ) {
        f |= flag::SHADOW_HOST;
    }
    f
}

/// Builds the document from the walk's `records` and `text`.
pub fn decode(records: &[u32], text: &str, url: Option<String>) -> Document {
    let mut b = Builder::new(url);
    // About two words per node on real pages; the text store takes every piece, less separators.
    b.reserve(records.len() / 2, text.len());
    let mut pieces = Pieces { text, at: 0, ascii: text.is_ascii() };
    let mut words = records.iter().copied();
    // One element's kept attributes, borrowed from `text` (reused: no allocation per element).
    let mut attrs: Vec<(Attr, &str)> = Vec::new();
    while let Some(word) = words.next() {
        // At the size limit the rest is not read (the walk stopped there too).
        if b.is_full() {
            break;
        }
        match word & 3 {
            CLOSE => b.close(),
            TEXT => {
                let units = words.next().unwrap_or(0);
                b.text(pieces.next(units));
            }
            ELEMENT => {
                let tag = Tag::ALL.get(((word >> 3) & 0xff) as usize).copied().unwrap_or(Tag::Other);
                let kept = word >> 11;
                attrs.clear();
                for _ in 0..kept {
                    let (Some(attr), Some(units)) = (words.next(), words.next()) else { break };
                    let value = pieces.next(units);
                    if let Some(attr) = Attr::ALL.get(attr as usize) {
                        attrs.push((*attr, value));
                    }
                }
                b.open(tag, &attrs, word & 4 != 0);
            }
            _ => {} // not written by the walk
        }
    }
    b.finish()
}

/// The walk's text, cut into its pieces.
struct Pieces<'a> {
    text: &'a str,
    /// Byte offset of the next piece.
    at: usize,
    /// All ASCII: UTF-16 units and UTF-8 bytes coincide.
    ascii: bool,
}

impl<'a> Pieces<'a> {
    /// The next piece, `units` UTF-16 code units long, and its separator skipped.
    fn next(&mut self, units: u32) -> &'a str {
        let bytes = self.text.as_bytes();
        let start = self.at.min(bytes.len());
        let end = if self.ascii {
            start.saturating_add(units as usize).min(bytes.len())
        } else {
            let (mut i, mut left) = (start, units);
            while left > 0 && i < bytes.len() {
                // A lead byte tells the UTF-8 length; four-byte characters are surrogate pairs.
                let (width, counted) = match bytes[i] {
                    0..=0x7f => (1, 1),
                    0xf0..=0xff => (4, 2),
                    0xe0..=0xef => (3, 1),
                    _ => (2, 1),
                };
                i += width;
                left = left.saturating_sub(counted);
            }
            i.min(bytes.len())
        };
        self.at = if bytes.get(end) == Some(&0) { end + 1 } else { end };
        self.text.get(start..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index<T: PartialEq>(all: &[T], x: T) -> u32 {
        all.iter().position(|a| *a == x).unwrap() as u32
    }

    fn element(tag: Tag, visible: bool, kept: u32) -> u32 {
        ELEMENT | (visible as u32) << 2 | index(Tag::ALL, tag) << 3 | kept << 11
    }

    /// UTF-16 length, as JavaScript counts it.
    fn units(s: &str) -> u32 {
        s.encode_utf16().count() as u32
    }

    #[test]
    fn decodes_elements_attributes_and_text_in_order() {
        let (class, words) = ("lead", "Hello 中文 𝄞 world");
        let records = [
            element(Tag::Body, true, 0),
            element(Tag::P, true, 1),
            index(Attr::ALL, Attr::Class),
            units(class),
            TEXT,
            units(words),
            CLOSE,
            element(Tag::Div, false, 0),
            TEXT,
            1,
            CLOSE,
            CLOSE,
        ];
        let text = format!("{class}\0{words}\0x\0");
        let doc = decode(&records, &text, Some("https://example.com/".into()));
        let p = doc.find(Tag::P).unwrap();
        assert_eq!(doc.attr(p, Attr::Class), Some("lead"));
        assert_eq!(doc.text_content(p), words);
        let div = doc.find(Tag::Div).unwrap();
        assert!(!doc.node(div).visible);
        assert_eq!(doc.text_content(div), "x");
        assert_eq!(doc.url.as_deref(), Some("https://example.com/"));
    }

    #[test]
    fn a_piece_holding_the_separator_is_cut_by_its_length() {
        let records = [element(Tag::P, true, 0), TEXT, 3, TEXT, 2, CLOSE];
        let doc = decode(&records, "a\0b\0é!\0", None);
        assert_eq!(doc.text_content(doc.find(Tag::P).unwrap()), "a\0bé!");
    }

    #[test]
    fn malformed_streams_never_panic() {
        let texts = ["", "abc\0", "中\0文", "𝄞\0"];
        let mut seed = 0x2545_f491_u32;
        for round in 0..2000 {
            let records: Vec<u32> = (0..(round % 40))
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    if seed.is_multiple_of(3) { seed } else { seed % 8 }
                })
                .collect();
            let doc = decode(&records, texts[round % texts.len()], None);
            // A valid tree: every subtree ends inside the document, after its node.
            assert!(doc.ids().all(|id| id.0 < doc.node(id).end && doc.node(id).end as usize <= doc.len()));
        }
    }

    #[test]
    fn tables_list_every_name_once() {
        let names = walk_names();
        let (tags, attrs) = names.split_once('\n').unwrap();
        assert_eq!(tags.split(' ').count(), Tag::ALL.len());
        assert_eq!(attrs.split(' ').count(), Attr::ALL.len());
        assert_eq!(tag_flags().len(), Tag::ALL.len() + 1);
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i, "a tag's index is its u8 value");
        }
    }
}
