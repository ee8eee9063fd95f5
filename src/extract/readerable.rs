//! Stage 5, readerable: is this page an article at all?
//!
//! Two cheap checks. [`is_probably_readerable`] is Readability's `isProbablyReaderable`: visible
//! `p`, `pre` and `article` nodes (and `div`s holding `br`s) with at least
//! [`t::READERABLE_MIN_CHARS`] characters (CJK weighted, see [`t::CJK_CHAR_WEIGHT`]) add
//! `sqrt(len − min)`; the page is readerable once the
//! sum passes [`t::READERABLE_MIN_SCORE`]. [`article_is_enough`] then asks whether what the
//! extractor kept is long enough to show; both must hold, so the overlay never shows an empty or
//! garbage article (the reader can still force it).

use super::prepare::{lists, ClassWords};
use super::tunables as t;
use crate::snapshot::{Attr, Document, NodeId, Tag};

/// Readability's `isProbablyReaderable`.
pub fn is_probably_readerable(doc: &Document) -> bool {
    let mut score = 0.0f64;
    let mut seen_br_parent: Option<NodeId> = None;
    let class_words = ClassWords::new();
    for id in doc.ids() {
        let Some(tag) = doc.tag(id) else { continue };
        let node = match tag {
            Tag::P | Tag::Pre | Tag::Article => id,
            // "div > br": the div counts (once).
            Tag::Br => match doc.parent(id) {
                Some(p) if doc.is(p, Tag::Div) && seen_br_parent != Some(p) => {
                    seen_br_parent = Some(p);
                    p
                }
                _ => continue,
            },
            _ => continue,
        };
        if !visible(doc, node) {
            continue;
        }
        let found = class_words.scan(&crate::case::lowercase(&doc.class_and_id(node)));
        if found & lists::UNLIKELY != 0 && found & lists::MAYBE == 0 {
            continue;
        }
        if tag == Tag::P && doc.ancestors(node).any(|a| doc.is(a, Tag::Li)) {
            continue;
        }
        // Broadsheet: a CJK character counts as CJK_CHAR_WEIGHT (it carries about a word, so
        // Readability's character threshold would need three times the reading for Chinese).
        let len: usize = doc
            .text_content(node)
            .trim()
            .chars()
            .map(|c| if crate::text::is_cjk_letter(c) { t::CJK_CHAR_WEIGHT } else { 1 })
            .sum();
        if len < t::READERABLE_MIN_CHARS {
            continue;
        }
        score += ((len - t::READERABLE_MIN_CHARS) as f64).sqrt();
        if score > t::READERABLE_MIN_SCORE {
            return true;
        }
    }
    false
}

fn visible(doc: &Document, id: NodeId) -> bool {
    let aria_hidden = doc.attr(id, Attr::AriaHidden).is_some_and(|v| v.trim() == "true");
    let fallback_image = doc.attr(id, Attr::Class).is_some_and(|c| c.contains("fallback-image"));
    doc.node(id).visible && (!aria_hidden || fallback_image)
}

/// Whether an extracted article of this weighted length is worth showing.
pub fn article_is_enough(weighted_len: usize) -> bool {
    weighted_len >= t::ARTICLE_MIN_CHARS
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::snapshot::from_html;

    #[test]
    fn long_paragraphs_make_a_page_readerable() {
        let p = format!("<p>{}</p>", "word ".repeat(60));
        assert!(is_probably_readerable(&from_html(&format!("<body>{}</body>", p.repeat(3)), None)));
        assert!(!is_probably_readerable(&from_html(&format!("<body>{p}</body>"), None)));
        let hidden = format!("<body><div class='comments'>{}</div></body>", p.replace("<p>", "<p class='comment'>").repeat(5));
        assert!(!is_probably_readerable(&from_html(&hidden, None)));
    }
}
