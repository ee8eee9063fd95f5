//! Stage 2, score: Readability's paragraph scoring, over side tables.
//!
//! Paragraph-like nodes — `p`, `pre`, `td`, `section`, `h2`–`h6`, `div`s without block children
//! (Readability turns those into `p`), and runs of loose inline content inside `div`s (Readability
//! wraps those in `p`s) — each earn `2 + commas + min(len / 100, 3)` points, shared with up to five
//! ancestors (full, half, then a third of the level each). A `div` whose only child is a `p` is
//! transparent (Readability replaces it by the `p`). Each ancestor starts from its tag's base
//! score plus its class weight, plus a **Broadsheet** bonus for semantic article containers. Final
//! scores are scaled by `1 − link density`.

use super::prepare::{bits, Facts, Flags, Prepared};
use super::tunables as t;
use crate::snapshot::{Document, NodeData, NodeId, NodeSet, Tag};

/// Scores and the structural decisions the cleaner needs.
pub struct Scores {
    /// Final candidate scores; `NaN` for nodes that are not candidates.
    pub score: Vec<f32>,
    /// Candidates in the order they were first scored (Readability's tie order).
    pub candidates: Vec<NodeId>,
    /// `div`s Readability would turn into a `p` (no block descendants).
    pub as_paragraph: NodeSet,
    /// `div`s Readability would replace by their only `p` child.
    pub transparent: NodeSet,
    /// How many loose inline runs a `div` holds (each one a paragraph for Readability).
    pub loose_runs: Vec<u16>,
    /// The attempt's flags (class weights on or off).
    pub flags: Flags,
}

impl Scores {
    /// The node's score, if it is a candidate.
    pub fn get(&self, id: NodeId) -> Option<f32> {
        let s = self.score[id.index()];
        (!s.is_nan()).then_some(s)
    }
}

/// Readability `_isPhrasingContent`, on the snapshot: text, or an inline element without block
/// descendants.
pub fn is_phrasing(doc: &Document, prep: &Prepared, id: NodeId) -> bool {
    match doc.tag(id) {
        None => true,
        Some(Tag::A | Tag::Del | Tag::Ins) => !prep.has_block.contains(id),
        Some(tag) => PHRASING.contains(&tag),
    }
}

/// Readability `PHRASING_ELEMS` (those the snapshot names).
const PHRASING: &[Tag] = &[
    Tag::Abbr, Tag::Audio, Tag::B, Tag::Bdo, Tag::Br, Tag::Button, Tag::Cite, Tag::Code, Tag::Dfn,
    Tag::Em, Tag::Embed, Tag::I, Tag::Img, Tag::Input, Tag::Kbd, Tag::Label, Tag::Mark, Tag::Math,
    Tag::Noscript, Tag::Object, Tag::Output, Tag::Q, Tag::Samp, Tag::Script, Tag::Select, Tag::Small,
    Tag::Span, Tag::Strong, Tag::Sub, Tag::Sup, Tag::Textarea, Tag::Time, Tag::Var, Tag::Wbr,
];

fn is_whitespace_text(doc: &Document, id: NodeId) -> bool {
    doc.text(id).is_some_and(|s| s.trim().is_empty())
}

/// The initial score of a candidate: tag base, class weight, semantic bonus.
fn initial(doc: &Document, facts: &Facts, flags: Flags, id: NodeId) -> f32 {
    let tag = doc.tag(id).unwrap_or(Tag::Other);
    let mut s = t::tag_base_score(tag);
    if flags.weight_classes {
        s += facts.weight[id.index()];
    }
    if facts.bits[id.index()] & bits::SEMANTIC != 0 {
        s += t::SEMANTIC_BONUS;
    }
    s
}

/// Stage 2: scores every candidate.
pub fn score(doc: &Document, facts: &Facts, prep: &Prepared, flags: Flags) -> Scores {
    let n = doc.len();
    let mut sc = Scores {
        score: vec![f32::NAN; n],
        candidates: Vec::new(),
        as_paragraph: NodeSet::for_doc(doc),
        transparent: NodeSet::for_doc(doc),
        loose_runs: vec![0; n],
        flags,
    };
    let body = doc.body();
    let end = doc.node(body).end;
    let mut i = body.0 + 1;
    while i < end {
        let id = NodeId(i);
        if prep.skip.contains(id) {
            i = doc.node(id).end;
            continue;
        }
        i += 1;
        let Some(tag) = doc.tag(id) else { continue };
        match tag {
            Tag::P | Tag::Pre | Tag::Td | Tag::Section | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let (len, commas) = (prep.text[id.index()], prep.commas[id.index()]);
                add_paragraph(doc, facts, &mut sc, doc.parent(id), len, commas);
            }
            Tag::Div => score_div(doc, facts, prep, &mut sc, id),
            _ => {}
        }
    }
    // Scale by link density.
    for &c in &sc.candidates {
        let ld = prep.link_density(c);
        sc.score[c.index()] *= 1.0 - ld;
    }
    sc
}

/// Readability's `div` handling: wrap loose inline runs in paragraphs, then replace a div holding
/// one paragraph by it, or turn a div without blocks into a paragraph.
fn score_div(doc: &Document, facts: &Facts, prep: &Prepared, sc: &mut Scores, id: NodeId) {
    // Loose runs of phrasing content among the div's kept children.
    let mut runs: Vec<(u32, u32)> = Vec::new();
    let mut open = false;
    let mut other_elements = 0usize;
    let mut p_children = 0usize;
    for c in doc.children(id) {
        if prep.skip.contains(c) {
            continue;
        }
        if is_phrasing(doc, prep, c) {
            if open {
                let last = runs.last_mut().expect("open run");
                last.0 += prep.text[c.index()];
                last.1 += prep.commas[c.index()];
            } else if !is_whitespace_text(doc, c) {
                runs.push((prep.text[c.index()], prep.commas[c.index()]));
                open = true;
            }
        } else {
            open = false;
            other_elements += 1;
            if doc.is(c, Tag::P) {
                p_children += 1;
            }
        }
    }
    let low_links = prep.link_density(id) < t::SINGLE_P_MAX_LINK_DENSITY;
    // One paragraph and nothing else: Readability replaces the div by that paragraph.
    if runs.len() == 1 && other_elements == 0 && low_links {
        sc.as_paragraph.insert(id);
        let (len, commas) = runs[0];
        add_paragraph(doc, facts, sc, doc.parent(id), len, commas);
        return;
    }
    if runs.is_empty() && other_elements == 1 && p_children == 1 && low_links {
        sc.transparent.insert(id);
        return;
    }
    // No block inside at all (say, a div holding a figcaption): the div becomes a paragraph.
    if runs.is_empty() && !prep.has_block.contains(id) {
        sc.as_paragraph.insert(id);
        add_paragraph(doc, facts, sc, doc.parent(id), prep.text[id.index()], prep.commas[id.index()]);
        return;
    }
    sc.loose_runs[id.index()] = runs.len().min(u16::MAX as usize) as u16;
    for (len, commas) in runs {
        add_paragraph(doc, facts, sc, Some(id), len, commas);
    }
}

/// Adds one paragraph's points to its ancestors, starting at `first`.
fn add_paragraph(doc: &Document, facts: &Facts, sc: &mut Scores, first: Option<NodeId>, len: u32, commas: u32) {
    if len < t::MIN_PARAGRAPH_CHARS {
        return;
    }
    let points = 2.0 + commas as f32 + (len / t::CHARS_PER_POINT).min(t::MAX_LENGTH_POINTS) as f32;
    let mut level = 0usize;
    let mut cur = first;
    while let Some(a) = cur {
        if level >= t::SCORE_ANCESTORS {
            break;
        }
        cur = doc.parent(a);
        // Readability stops at the root element: an ancestor needs an element parent.
        if !matches!(doc.data(a), NodeData::Element(_)) || cur.is_none_or(|p| doc.element(p).is_none()) {
            break;
        }
        if sc.transparent.contains(a) {
            continue;
        }
        if sc.score[a.index()].is_nan() {
            sc.score[a.index()] = initial(doc, facts, sc.flags, a);
            sc.candidates.push(a);
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f32 * 3.0,
        };
        sc.score[a.index()] += points / divider;
        level += 1;
    }
}

/// Makes `id` a candidate if it is not one yet (Readability initialises a chosen ancestor).
pub fn ensure_candidate(doc: &Document, facts: &Facts, flags: Flags, sc: &mut Scores, id: NodeId) {
    if sc.score[id.index()].is_nan() {
        sc.score[id.index()] = initial(doc, facts, flags, id);
        sc.candidates.push(id);
    }
}
