//! Stage 4, clean: what inside the chosen roots is not the story (Readability `_prepArticle`).
//!
//! One reverse pass over each root's id range: when a node is reached, all of its descendants have
//! been decided and their statistics (text, link text, commas, paragraphs, images, list items,
//! inputs, embeds, heading text) have been summed into it — minus the subtrees already dropped,
//! exactly as Readability sees a block after cleaning its insides. The node is then kept (its
//! statistics flow to its parent) or dropped:
//! - share bars shorter than [`t::CHAR_THRESHOLD`] below the top level;
//! - `h1`/`h2` with a negative class weight, and the first heading that repeats the title;
//! - `form`, `fieldset`, `table`, `ul` and `div` blocks failing Readability's `_cleanConditionally`
//!   (negative weight; too many images, list items or inputs per paragraph; short and linked;
//!   link-dense; embeds; no text);
//! - **Broadsheet**: lists of links — `ul`/`ol` whose every item is more than
//!   [`t::LINK_LIST_MAX_DENSITY`] link text, not nested in another list — which Readability keeps.
//!
//! Data tables, code and figure contents are protected as Readability protects them.

use super::prepare::{Facts, Flags, Prepared};
use super::score::Scores;
use super::tunables as t;
use crate::snapshot::{Attr, Document, NodeData, NodeId, NodeSet, Tag};
use crate::words::{words, Words};

#[derive(Clone, Copy, Default)]
struct Counts {
    text: u32,
    link: f32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    heading: u32,
    list_text: u32,
    /// Some text sits in a "textish" element (Readability `_getTextDensity` is non-zero).
    textish: bool,
    /// Direct `li` children, and those of them that are mostly link text (not summed upwards).
    items: u32,
    link_items: u32,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.text += o.text;
        self.link += o.link;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.heading += o.heading;
        self.list_text += o.list_text;
        self.textish |= o.textish;
    }
}

/// Ancestor flags that protect a block from conditional cleaning.
const IN_DATA_TABLE: u8 = 1;
const IN_CODE: u8 = 2;
const IN_FIGURE: u8 = 4;
/// Inside a list item: a nested list is part of its parent list, judged with it.
const IN_LIST_ITEM: u8 = 8;

/// What the cleaner decided.
pub struct Cleaned {
    /// Stage 1's exclusions plus the nodes dropped inside the roots (subtree roots).
    pub dropped: NodeSet,
    /// Folded text length of the cleaned article.
    pub text_len: u32,
    /// The same, weighting CJK characters ([`t::CJK_CHAR_WEIGHT`]).
    pub text_weight: usize,
}

/// Readability `_isDataTable` (minus the attributes the snapshot does not keep).
pub fn is_data_table(doc: &Document, table: NodeId) -> bool {
    if doc.attr(table, Attr::Role).is_some_and(|r| r.trim().eq_ignore_ascii_case("presentation")) {
        return false;
    }
    let mut nested = false;
    let (mut rows, mut cols) = (0u32, 0u32);
    let mut cur_row_cols = 0u32;
    let mut in_row_end = 0u32;
    for d in doc.descendants(table) {
        if d.0 >= in_row_end && in_row_end != 0 {
            cols = cols.max(cur_row_cols);
            cur_row_cols = 0;
            in_row_end = 0;
        }
        match doc.tag(d) {
            Some(Tag::Caption) if doc.first_child(d).is_some() => return true,
            Some(Tag::Col | Tag::Colgroup | Tag::Tfoot | Tag::Thead | Tag::Th) => return true,
            Some(Tag::Table) => nested = true,
            Some(Tag::Tr) => {
                cols = cols.max(cur_row_cols);
                cur_row_cols = 0;
                in_row_end = doc.node(d).end;
                rows += attr_num(doc, d, Attr::Rowspan).unwrap_or(1).max(1);
            }
            Some(Tag::Td) => cur_row_cols += attr_num(doc, d, Attr::Colspan).unwrap_or(1).max(1),
            _ => {}
        }
    }
    cols = cols.max(cur_row_cols);
    if nested {
        return false;
    }
    if rows >= 10 || cols > 4 {
        return true;
    }
    rows * cols > 10
}

fn attr_num(doc: &Document, id: NodeId, attr: Attr) -> Option<u32> {
    doc.attr(id, attr)?.trim().parse().ok()
}

/// Readability `_clean` keeps embeds from these video hosts (`REGEXPS.videos`).
const VIDEO_HOSTS: Words = words![
    "dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com",
    "archive.org/embed", "upload.wikimedia.org", "player.twitch.tv",
];

fn is_video_embed(doc: &Document, id: NodeId) -> bool {
    doc.attr(id, Attr::Src).is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        VIDEO_HOSTS.any_in(&s)
    })
}

fn is_textish(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Span | Tag::Li | Tag::Td | Tag::Blockquote | Tag::Dl | Tag::Div | Tag::Img | Tag::Ol | Tag::P | Tag::Pre | Tag::Table | Tag::Ul
    )
}

/// Everything stage 4 reads.
pub struct Input<'a> {
    pub doc: &'a Document,
    pub facts: &'a Facts,
    pub prep: &'a Prepared,
    pub scores: &'a Scores,
    pub flags: Flags,
    pub roots: &'a [NodeId],
    /// The first heading repeating the title, if any (dropped).
    pub title_heading: Option<NodeId>,
    /// Metadata a block may merely repeat (byline, site name), folded.
    pub echoes: Vec<String>,
}

/// Stage 4: decides what to drop inside the roots.
pub fn clean(inp: &Input<'_>) -> Cleaned {
    let doc = inp.doc;
    let n = doc.len();
    let mut counts = vec![Counts::default(); n];
    let mut anc = vec![0u8; n];
    // Everything stage 1 excluded stays excluded.
    let mut dropped = inp.prep.skip.clone();
    let body = doc.body();
    let mut total = Counts::default();
    let mut weight_total = 0usize;
    for &root in inp.roots {
        let range = doc.subtree_range(root);
        // Ancestor flags, top-down (parents come before children in the arena).
        for i in range.clone() {
            let id = NodeId(i);
            let parent_flags = if id == root { 0 } else { doc.parent(id).map_or(0, |p| anc[p.index()]) };
            let own = match doc.tag(id) {
                Some(Tag::Table) if is_data_table(doc, id) => IN_DATA_TABLE,
                Some(Tag::Code) => IN_CODE,
                Some(Tag::Figure) => IN_FIGURE,
                Some(Tag::Li) => IN_LIST_ITEM,
                _ => 0,
            };
            anc[i as usize] = parent_flags | own;
        }
        // Bottom-up decisions.
        for i in range.clone().rev() {
            let id = NodeId(i);
            let parent = if id == root { None } else { doc.parent(id) };
            if inp.prep.skip.contains(id) {
                if let (Some(p), Some(tag)) = (parent, doc.tag(id)) {
                    if !inp.prep.skip.contains(p) {
                        match tag {
                            Tag::Input => counts[p.index()].input += 1,
                            Tag::Object | Tag::Embed | Tag::Iframe if !is_video_embed(doc, id) => counts[p.index()].embed += 1,
                            _ => {}
                        }
                    }
                }
                continue;
            }
            let mut c = counts[i as usize];
            match doc.data(id) {
                NodeData::Text(s) => {
                    // Stage 1 measured every text node it kept (the same `skip`): no second pass.
                    c.text = inp.prep.text[i as usize];
                    c.commas = inp.prep.commas[i as usize];
                    if let Some(p) = parent {
                        if doc.is(p, Tag::Div) && !s.trim().is_empty() {
                            counts[p.index()].textish = true;
                        }
                    }
                }
                NodeData::Element(e) => {
                    let tag = e.tag;
                    match tag {
                        Tag::A => {
                            let hash = doc.attr(id, Attr::Href).is_some_and(|h| h.trim_start().starts_with('#'));
                            c.link = c.text as f32 * if hash { t::HASH_LINK_WEIGHT } else { 1.0 };
                        }
                        Tag::Ul | Tag::Ol => c.list_text = c.text,
                        _ => {}
                    }
                    let top_level = id == root || (inp.roots == [body] && parent == Some(body));
                    if id != body && should_drop(inp, id, tag, &c, anc[i as usize], top_level) {
                        dropped.insert(id);
                        continue;
                    }
                    // Own contribution to the parent's counts (Readability counts descendants).
                    match tag {
                        Tag::P => c.p += 1,
                        Tag::Img => c.img += 1,
                        Tag::Li => c.li += 1,
                        Tag::Div if inp.scores.as_paragraph.contains(id) => c.p += 1,
                        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => c.heading = c.text,
                        _ => {}
                    }
                    if tag == Tag::Div {
                        c.p += inp.scores.loose_runs[i as usize] as u32;
                    }
                    if (is_textish(tag) && c.text > 0) || tag == Tag::Img {
                        c.textish = true;
                    }
                }
                NodeData::Document => {}
            }
            counts[i as usize] = c;
            if let (Some(p), Some(Tag::Li)) = (parent, doc.tag(id)) {
                counts[p.index()].items += 1;
                if c.text == 0 || c.link / c.text as f32 > t::LINK_LIST_MAX_DENSITY {
                    counts[p.index()].link_items += 1;
                }
            }
            match parent {
                Some(p) => counts[p.index()].add(&c),
                None => {
                    total.add(&c);
                }
            }
        }
        if !dropped.contains(root) {
            weight_total += weighted_len(doc, root, &dropped, inp.prep);
        }
    }
    Cleaned { dropped, text_len: total.text, text_weight: weight_total }
}

/// Text length of `root` minus dropped subtrees (whitespace runs count one, as Readability's
/// folded text), CJK characters weighted.
fn weighted_len(doc: &Document, root: NodeId, dropped: &NodeSet, prep: &Prepared) -> usize {
    let range = doc.subtree_range(root);
    let mut i = range.start;
    let mut total = 0;
    while i < range.end {
        let id = NodeId(i);
        if dropped.contains(id) || prep.skip.contains(id) {
            i = doc.node(id).end;
            continue;
        }
        if let Some(s) = doc.text(id) {
            // Stage 1 measured every text node it kept (the same `skip`): its folded length.
            let folded = prep.text[id.index()];
            let cjk = if s.is_ascii() { 0 } else { s.chars().filter(|c| crate::text::is_cjk_letter(*c)).count() };
            total += folded as usize + cjk * (t::CJK_CHAR_WEIGHT - 1);
        }
        i += 1;
    }
    total
}

fn should_drop(inp: &Input<'_>, id: NodeId, tag: Tag, c: &Counts, anc: u8, top_level: bool) -> bool {
    let facts = inp.facts;
    let weight = if inp.flags.weight_classes { facts.weight[id.index()] } else { 0.0 };
    // Share bars.
    if !top_level && facts.bits[id.index()] & super::prepare::bits::SHARE != 0 && c.text < t::CHAR_THRESHOLD {
        return true;
    }
    if matches!(tag, Tag::H1 | Tag::H2) && (weight < 0.0 || Some(id) == inp.title_heading) {
        return true;
    }
    let conditional = match tag {
        Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul => true,
        Tag::Div => !inp.scores.as_paragraph.contains(id) && !inp.scores.transparent.contains(id),
        _ => false,
    };
    if matches!(tag, Tag::Ul | Tag::Ol) && anc & (IN_CODE | IN_LIST_ITEM) == 0 && c.items > 0 && c.link_items == c.items {
        return true;
    }
    // Broadsheet: an "Advertisement" / "Loading…" label is noise whatever block holds it
    // (Readability only checks the blocks it cleans conditionally).
    if c.text > 0 && c.text <= t::AD_LABEL_MAX_CHARS && (tag.is_block() || tag == Tag::Span) && is_ad_or_loading(inp.doc, id) {
        return true;
    }
    // Broadsheet: the header's facts repeated in the body — a block that is only a <time>, or only
    // the byline or site name — are shown by the overlay's header already.
    if c.text > 0 && c.text <= t::ECHO_MAX_CHARS && (tag.is_block() || tag == Tag::Span) && echoes_metadata(inp, id) {
        return true;
    }
    if !conditional || !inp.flags.clean_conditionally {
        return false;
    }
    clean_conditionally(inp, id, tag, c, anc, weight)
}

/// Readability `_cleanConditionally` for one block.
fn clean_conditionally(inp: &Input<'_>, id: NodeId, tag: Tag, c: &Counts, anc: u8, weight: f32) -> bool {
    let doc = inp.doc;
    if anc & (IN_DATA_TABLE | IN_CODE) != 0 {
        return false;
    }
    let text = c.text as f32;
    let is_list = matches!(tag, Tag::Ul | Tag::Ol) || (c.text > 0 && c.list_text as f32 / text > t::LIST_TEXT_SHARE);
    if weight < 0.0 {
        return true;
    }
    if c.commas >= t::CLEAN_KEEP_COMMAS {
        return false;
    }
    let p = c.p as f32;
    let img = c.img as f32;
    let li = c.li as f32 - 100.0;
    let heading_density = if c.text == 0 { 0.0 } else { c.heading as f32 / text };
    let link_density = if c.text == 0 { 0.0 } else { c.link / text };
    let figure_child = anc & IN_FIGURE != 0;
    let remove = (!figure_child && c.img > 1 && p / img < 0.5)
        || (!is_list && li > p)
        || (c.input as f32 > (p / 3.0).floor())
        || (!is_list && !figure_child && heading_density < t::CLEAN_HEADING_DENSITY && c.text < t::CLEAN_SHORT_TEXT && (c.img == 0 || c.img > 2) && link_density > 0.0)
        || (!is_list && weight < t::CLASS_WEIGHT && link_density > t::CLEAN_MAX_LINK_DENSITY)
        || (weight >= t::CLASS_WEIGHT && link_density > t::CLEAN_MAX_LINK_DENSITY_POSITIVE)
        || ((c.embed == 1 && c.text < t::CLEAN_EMBED_TEXT) || c.embed > 1)
        || (c.img == 0 && !c.textish);
    if is_list && remove {
        // Simple lists of images stay: every item one child, as many images as items.
        let kept = |x: &NodeId| !inp.prep.skip.contains(*x);
        for child in doc.element_children(id).filter(kept) {
            if doc.element_children(child).filter(kept).count() > 1 {
                return true;
            }
        }
        let items = doc.find_all(id, Tag::Li).count() as u32;
        return c.img != items;
    }
    remove
}

fn is_ad_or_loading(doc: &Document, id: NodeId) -> bool {
    let text = crate::case::lowercase(&crate::text::fold_whitespace(&doc.text_content(id)));
    let stripped = crate::text::trim_end_str(text.trim_end_matches('…'), "...");
    t::AD_WORDS.contains(&text) || t::LOADING_WORDS.contains(stripped)
}

/// True when the text of `id` is just a `<time>` inside it, or the byline or site name.
fn echoes_metadata(inp: &Input<'_>, id: NodeId) -> bool {
    let doc = inp.doc;
    let has_time = doc.is(id, Tag::Time) || doc.find_all(id, Tag::Time).next().is_some();
    if !has_time && inp.echoes.is_empty() {
        return false;
    }
    let text = crate::text::fold_whitespace(&doc.text_content(id));
    if inp.echoes.contains(&text) {
        return true;
    }
    has_time
        && std::iter::once(id)
            .chain(doc.find_all(id, Tag::Time))
            .filter(|t| doc.is(*t, Tag::Time))
            .any(|t| crate::text::fold_whitespace(&doc.text_content(t)) == text)
}
