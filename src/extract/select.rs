//! Stage 3, select: the top candidate, a better ancestor when the best candidates agree on one,
//! and the siblings that belong with it (Readability `_grabArticle`, after scoring).

use super::prepare::{Facts, Flags, Prepared};
use super::score::{ensure_candidate, Scores};
use super::tunables as t;
use crate::snapshot::{Document, NodeId, Tag};

/// The chosen article container and the roots to render.
pub struct Selection {
    /// The top candidate (`body` when nothing scored).
    pub top: NodeId,
    /// The top candidate and the merged siblings, in document order; `[body]` when nothing scored.
    pub roots: Vec<NodeId>,
}

/// The kept element children of `id`.
fn kept_children<'a>(doc: &'a Document, prep: &'a Prepared, id: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    doc.element_children(id).filter(move |c| !prep.skip.contains(*c))
}

fn is_body_or_above(doc: &Document, id: NodeId) -> bool {
    matches!(doc.tag(id), Some(Tag::Body | Tag::Html) | None)
}

/// Stage 3: picks the article's roots.
pub fn select(doc: &Document, facts: &Facts, prep: &Prepared, flags: Flags, sc: &mut Scores) -> Selection {
    let body = doc.body();
    // 3a. The top candidates, best first (ties keep scoring order, as Readability's insertion does).
    let mut top: Vec<(NodeId, f32)> = Vec::with_capacity(t::TOP_CANDIDATES + 1);
    for &c in &sc.candidates {
        let s = sc.score[c.index()];
        let pos = top.iter().position(|(_, ts)| s > *ts).unwrap_or(top.len());
        if pos < t::TOP_CANDIDATES {
            top.insert(pos, (c, s));
            top.truncate(t::TOP_CANDIDATES);
        }
    }
    let Some(&(mut best, best_score)) = top.first() else {
        return Selection { top: body, roots: vec![body] };
    };
    if is_body_or_above(doc, best) {
        return Selection { top: body, roots: vec![body] };
    }
    // 3b. When at least three near-equal candidates share an ancestor with the best one, the
    // story is their common container (a page that splits its text into several blocks).
    let alternatives: Vec<NodeId> = top[1..].iter().filter(|(_, s)| *s / best_score >= t::ALTERNATIVE_RATIO).map(|(c, _)| *c).collect();
    if alternatives.len() >= t::MIN_ALTERNATIVES {
        let mut parent = doc.parent(best);
        while let Some(p) = parent {
            if is_body_or_above(doc, p) {
                break;
            }
            let votes = alternatives.iter().filter(|a| doc.contains(p, **a) && **a != p).count();
            if votes >= t::MIN_ALTERNATIVES {
                best = p;
                break;
            }
            parent = doc.parent(p);
        }
    }
    ensure_candidate(doc, facts, flags, sc, best);
    // 3c. Walk up while the parent scores at least a third and, if it scores more, take it.
    let mut last = sc.score[best.index()];
    let threshold = last / t::PARENT_SCORE_DIVISOR;
    let mut parent = doc.parent(best);
    while let Some(p) = parent {
        if is_body_or_above(doc, p) {
            break;
        }
        let Some(ps) = sc.get(p) else {
            parent = doc.parent(p);
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            best = p;
            break;
        }
        last = ps;
        parent = doc.parent(p);
    }
    // 3d. An only child stands for its parent.
    while let Some(p) = doc.parent(best) {
        if is_body_or_above(doc, p) || kept_children(doc, prep, p).count() != 1 {
            break;
        }
        best = p;
    }
    ensure_candidate(doc, facts, flags, sc, best);
    // 3e. Siblings that score well enough, share the class, or are good paragraphs.
    let best_score = sc.score[best.index()];
    let threshold = t::SIBLING_MIN_SCORE.max(best_score * t::SIBLING_RATIO);
    let best_class = doc.attr(best, crate::snapshot::Attr::Class).unwrap_or("");
    let Some(parent) = doc.parent(best) else {
        return Selection { top: best, roots: vec![best] };
    };
    let mut roots = Vec::new();
    for s in kept_children(doc, prep, parent) {
        if s == best {
            roots.push(s);
            continue;
        }
        let bonus = if !best_class.is_empty() && doc.attr(s, crate::snapshot::Attr::Class) == Some(best_class) { best_score * t::SIBLING_CLASS_BONUS } else { 0.0 };
        let append = match sc.get(s) {
            Some(score) if score + bonus >= threshold => true,
            _ if doc.is(s, Tag::P) || sc.as_paragraph.contains(s) || sc.transparent.contains(s) => good_paragraph(doc, prep, s),
            _ => false,
        };
        if append {
            roots.push(s);
        }
    }
    Selection { top: best, roots }
}

/// Readability's sibling-paragraph test: long with few links, or short, link-free and a sentence.
fn good_paragraph(doc: &Document, prep: &Prepared, id: NodeId) -> bool {
    let len = prep.text[id.index()];
    let ld = prep.link_density(id);
    if len > t::SIBLING_P_LONG {
        return ld < t::SIBLING_P_MAX_LINK_DENSITY;
    }
    if len == 0 || ld > 0.0 {
        return false;
    }
    let text = doc.text_content(id);
    let text = text.trim_end();
    text.contains(". ") || text.ends_with('.') || text.ends_with('。')
}
