//! Finding the article: which part of the page is the story, and what inside it is not.
//!
//! A port of Mozilla Readability's `_grabArticle`/`_prepArticle` onto the read-only snapshot, with
//! every intermediate result in a side table keyed by [`NodeId`] (scores in a `Vec<f32>`, exclusions
//! in [`NodeSet`]s). The stages, each in its own module:
//!
//! 0. facts — class/id word matches and class weights, once per element ([`prepare::facts`]);
//! 1. [`prepare`] — exclude hidden, `aria-hidden`, never-content and unlikely nodes, and gather
//!    per-node text statistics in one bottom-up pass;
//! 2. [`score`] — score paragraphs and share their points with their ancestors;
//! 3. [`select`] — the top candidate, a common ancestor of near-equal candidates, merged siblings;
//! 4. [`clean`] — drop what inside the article is not the story (share bars, link lists, forms, ads,
//!    the heading that repeats the title, Readability's conditional cleaning);
//! 5. [`readerable`] — is it an article at all?
//!
//! Like Readability, stages 1–4 run again with fewer filters ([`prepare::Flags::ATTEMPTS`]) when
//! the article comes out shorter than [`tunables::CHAR_THRESHOLD`], keeping the longest result.
//! All weights, word lists and thresholds live in [`tunables`].

pub mod clean;
pub mod prepare;
pub mod readerable;
pub mod score;
pub mod select;
pub mod tunables;

use crate::metadata::Metadata;
use crate::snapshot::{Document, NodeId, NodeSet, Tag};

/// Where the article is.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The article's top-level nodes, in document order (the top candidate and merged siblings).
    pub roots: Vec<NodeId>,
    /// Nodes inside `roots` that are not part of the article (with their subtrees).
    pub dropped: NodeSet,
    /// Whether the page looks like an article.
    pub readerable: bool,
}

/// One attempt's outcome.
struct Attempt {
    roots: Vec<NodeId>,
    dropped: NodeSet,
    text_len: u32,
    text_weight: usize,
}

/// Finds the article in `doc`.
pub fn extract(doc: &Document, meta: &Metadata) -> Extraction {
    // 0. Class/id facts, once.
    let facts = prepare::facts(doc);
    let mut best: Option<Attempt> = None;
    for flags in prepare::Flags::ATTEMPTS {
        // 1. Prepare: exclusions and bottom-up text statistics.
        let prep = prepare::prepare(doc, &facts, flags, meta.byline_node);
        // 2. Score paragraphs into their ancestors.
        let mut scores = score::score(doc, &facts, &prep, flags);
        // 3. Select the top candidate and its siblings.
        let selection = select::select(doc, &facts, &prep, flags, &mut scores);
        // 4. Clean inside the roots.
        let title_heading = title_heading(doc, &prep.skip, &meta.title);
        let cleaned = clean::clean(&clean::Input {
            doc,
            facts: &facts,
            prep: &prep,
            scores: &scores,
            flags,
            roots: &selection.roots,
            title_heading,
        });
        let attempt = Attempt { roots: selection.roots, dropped: cleaned.dropped, text_len: cleaned.text_len, text_weight: cleaned.text_weight };
        let done = attempt.text_len >= tunables::CHAR_THRESHOLD;
        if best.as_ref().is_none_or(|b| attempt.text_len > b.text_len) {
            best = Some(attempt);
        }
        if done {
            break;
        }
    }
    let best = best.expect("at least one attempt runs");
    // 5. Readerable: the page looks like an article and the article has enough text.
    let readerable = readerable::article_is_enough(best.text_weight)
        && (readerable::is_probably_readerable(doc) || best.text_len >= tunables::CHAR_THRESHOLD);
    Extraction { roots: best.roots, dropped: best.dropped, readerable }
}

/// Readability `_headerDuplicatesTitle`: the first kept `h1`/`h2` whose text is at least
/// [`tunables::TITLE_SIMILARITY`] similar to the title.
fn title_heading(doc: &Document, skip: &NodeSet, title: &str) -> Option<NodeId> {
    if title.trim().is_empty() {
        return None;
    }
    let body = doc.body();
    let mut i = body.0;
    let end = doc.node(body).end;
    while i < end {
        let id = NodeId(i);
        if skip.contains(id) {
            i = doc.node(id).end;
            continue;
        }
        if matches!(doc.tag(id), Some(Tag::H1 | Tag::H2)) {
            let text = crate::text::fold_whitespace(&doc.text_content(id));
            if crate::metadata::text_similarity(title, &text) > tunables::TITLE_SIMILARITY {
                return Some(id);
            }
        }
        i += 1;
    }
    None
}
