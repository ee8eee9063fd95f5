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
//! When the reader chose the container ([`extract_within`]: "Pick the content"), stage 3 is
//! skipped and the container is the article's one root; everything else runs as usual.
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
pub use prepare::Facts;
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
    text_weight: usize,
}

/// Finds the article in `doc`.
pub fn extract(doc: &Document, meta: &Metadata) -> Extraction {
    extract_with(doc, meta, &prepare::facts(doc))
}

/// Stage 0 alone: the class/id facts of every element. [`crate::metadata::read_with`] searches the
/// byline with them, so [`crate::metadata_and_extraction`] computes them once for both (and [`extract_with`]).
pub fn facts(doc: &Document) -> Facts {
    prepare::facts(doc)
}

/// [`extract`] with stage 0's [`facts`] already computed.
pub fn extract_with(doc: &Document, meta: &Metadata, facts: &Facts) -> Extraction {
    run(doc, meta, facts, None)
}

/// The article inside a container the reader chose ("Pick the content", a remembered choice, the
/// CLI's `--container`): every stage runs except 3, select — the container is the one root, as it
/// is, so no scoring can move away from it. `None` when the container is not inside the `<body>`
/// (an ancestor of the body stands for the body). `facts`: stage 0's ([`facts`]).
pub fn extract_within(doc: &Document, meta: &Metadata, facts: &Facts, container: NodeId) -> Option<Extraction> {
    let body = doc.body();
    let root = if doc.contains(container, body) {
        body
    } else if doc.contains(body, container) && doc.element(container).is_some() {
        container
    } else {
        return None;
    };
    Some(run(doc, meta, facts, Some(root)))
}

/// The stages, with the roots either selected (stage 3) or `pinned` by the reader.
fn run(doc: &Document, meta: &Metadata, facts: &Facts, pinned: Option<NodeId>) -> Extraction {
    // 0. Class/id facts, once (the caller's).
    let mut best: Option<Attempt> = None;
    let echoes: Vec<String> = [&meta.byline, &meta.site_name].into_iter().flatten().map(|s| crate::text::fold_whitespace(s)).filter(|s| !s.is_empty()).collect();
    for flags in prepare::Flags::ATTEMPTS {
        // 1. Prepare: exclusions and bottom-up text statistics.
        let prep = prepare::prepare(doc, facts, flags, meta.byline_node);
        // 2. Score paragraphs into their ancestors.
        let mut scores = score::score(doc, facts, &prep, flags);
        // 3. Select the top candidate and its siblings — or take the reader's container as it is.
        let roots = match pinned {
            Some(container) => vec![container],
            None => select::select(doc, facts, &prep, flags, &mut scores).roots,
        };
        // 4. Clean inside the roots.
        let title_heading = title_heading(doc, &prep.skip, &meta.title);
        let cleaned = clean::clean(&clean::Input {
            doc,
            facts,
            prep: &prep,
            scores: &scores,
            flags,
            roots: &roots,
            title_heading,
            echoes: echoes.clone(),
        });
        let attempt = Attempt { roots, dropped: cleaned.dropped, text_weight: cleaned.text_weight };
        // Lengths are CJK-weighted: a 400-character Chinese story is not "too short".
        let done = attempt.text_weight >= tunables::CHAR_THRESHOLD as usize;
        if best.as_ref().is_none_or(|b| attempt.text_weight > b.text_weight) {
            best = Some(attempt);
        }
        if done {
            break;
        }
    }
    let best = best.expect("at least one attempt runs");
    // 5. Readerable: the page looks like an article and the article has enough text.
    let readerable = readerable::article_is_enough(best.text_weight)
        && (readerable::is_probably_readerable(doc) || best.text_weight >= tunables::CHAR_THRESHOLD as usize);
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::snapshot::{from_html, Attr, Builder};

    fn texts(html: &str) -> (Extraction, Document) {
        let doc = from_html(html, None);
        let meta = crate::metadata::read(&doc);
        (extract(&doc, &meta), doc)
    }

    fn article_text(html: &str) -> String {
        let doc = from_html(html, Some("https://example.com/a"));
        crate::analyze(&doc, &crate::Options { force: true, ..Default::default() }).map(|a| a.article.text()).unwrap_or_default()
    }

    const PARA: &str = "<p>The council voted on Tuesday to approve the new budget, which raises spending on schools, roads and parks, and trims the cost of city hall by a tenth.</p>";

    #[test]
    fn picks_the_story_over_furniture() {
        let html = format!(
            "<title>Budget passes - Town News</title><body><nav><a href='/'>Home</a></nav><div class='sidebar'><p>Most read: something else entirely, and more, and more, and more words here to score.</p></div>\
             <article><h1>Budget passes</h1>{p}{p}{p}<ul><li><a href='/x'>Related: another story</a></li><li><a href='/y'>Related: a third story</a></li></ul>{p}</article>\
             <div class='comments'><p>First! {p}</p></div></body>",
            p = PARA
        );
        let text = article_text(&html);
        assert!(text.contains("The council voted"), "{text}");
        assert!(!text.contains("Most read"), "{text}");
        assert!(!text.contains("Related:"), "{text}");
        assert!(!text.contains("First!"), "{text}");
        assert!(!text.starts_with("Budget passes"), "the heading repeating the title is dropped: {text}");
    }

    #[test]
    fn keeps_subheadings_with_their_levels() {
        let html = format!("<body><article>{PARA}<h3>A subhead</h3>{PARA}{PARA}<blockquote>{PARA}</blockquote></article></body>");
        let doc = from_html(&html, None);
        let a = crate::analyze(&doc, &crate::Options::default()).expect("an article");
        assert!(a.article.blocks.iter().any(|b| b.kind == crate::article::BlockKind::Heading(3) && b.text == "A subhead"));
        assert!(a.article.blocks.iter().any(|b| b.kind == crate::article::BlockKind::Quote));
    }

    #[test]
    fn a_page_without_prose_is_not_readerable() {
        let (ex, _) = texts("<body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>About</a></li></ul><p>Short.</p></body>");
        assert!(!ex.readerable);
        let (ex, _) = texts(&format!("<body><article>{}</article></body>", PARA.repeat(6)));
        assert!(ex.readerable);
    }

    #[test]
    fn chinese_prose_scores_and_is_readerable() {
        let p = "<p>俄罗斯总统普京时隔24年出访平壤，与朝鲜最高领袖金正恩一对一会谈，双方签署了新的全面战略伙伴关系协议。分析人士认为，这标志着两国关系进入新的阶段，也引起了邻国的关注和担忧，各方都在观察其后续影响。</p>";
        let html = format!("<body><div class='nav'><a href='/'>主页</a></div><main>{}</main></body>", p.repeat(4));
        let (ex, doc) = texts(&html);
        assert!(ex.readerable);
        assert!(ex.roots.iter().all(|r| doc.is(*r, Tag::Main) || doc.find_all(*r, Tag::Main).next().is_none()));
    }

    #[test]
    fn hundred_thousand_levels_deep_does_not_overflow() {
        let mut b = Builder::new(None);
        b.open(Tag::Html, &[], true);
        b.open(Tag::Body, &[], true);
        for _ in 0..100_000 {
            b.open(Tag::Div, &[(Attr::Class, "x")], true);
        }
        b.open(Tag::P, &[], true);
        b.text(&"Deep text, with commas, and enough words to be scored as a paragraph. ".repeat(10));
        let doc = b.finish();
        let meta = crate::metadata::read(&doc);
        let ex = extract(&doc, &meta);
        assert!(!ex.roots.is_empty());
        let _ = crate::analyze(&doc, &crate::Options { force: true, ..Default::default() });
    }
}
