//! The document model: an arena snapshot of a page.
//!
//! Every analysis in Broadsheet reads one [`Document`]: a flat `Vec` of nodes in **document order**
//! (pre-order), addressed by [`NodeId`]. Because the order is pre-order and each node records where
//! its subtree ends, "is X inside Y" is two integer comparisons and "every node under Y" is a range —
//! nothing in the crate recurses over DOM depth, so a page nested 100,000 levels deep is as safe as a
//! flat one.
//!
//! A snapshot is built once, by streaming pre-order events into a [`Builder`]:
//! - natively from an HTML string with html5ever (`from_html`, not compiled into the wasm);
//! - in the browser from the live DOM by `web::snapshot` (wasm32 only), which also records each
//!   element's real visibility from the page's layout.
//!
//! The snapshot holds tags and attributes as small enums ([`Tag`], [`Attr`]) and keeps only the
//! attributes listed there. Comments, doctypes and the bodies of `<style>` and ordinary `<script>`
//! elements are not kept; the text of JSON-LD scripts and of `<noscript>` is, because metadata and
//! lazy-image recovery read it. Analysis results never go into the snapshot: they live in side tables
//! keyed by `NodeId`.
//!
//! A snapshot has a size limit ([`limits`]): past [`limits::MAX_NODES`] nodes or
//! [`limits::MAX_TEXT_BYTES`] bytes of text the [`Builder`] takes nothing more and says so
//! ([`Builder::is_full`]), its sources stop walking at once, and the finished document carries the
//! limit it hit ([`Document::truncated`]), which [`crate::analyze`] turns into
//! [`crate::Error::TooLarge`]: the reader shows a clear "too large" message instead of hanging the
//! tab on a page of tens of megabytes.

mod tags;
pub mod records;
#[cfg(not(target_arch = "wasm32"))]
mod html;

pub use tags::{Attr, Tag};
#[cfg(not(target_arch = "wasm32"))]
pub use html::from_html;

use std::ops::Range;

/// Index of a node in its [`Document`]. Ids increase in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The id as a `usize` index.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One element's name and where its kept attributes lie in the document's attribute table
/// (read them with [`Document::attrs`] or [`Document::attr`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Element {
    pub tag: Tag,
    attrs: Span,
}

/// A half-open range of indices into one of the document's stores (its text, its attributes).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    #[inline]
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a node holds, as stored: text and attribute values are spans of the document's one text
/// store, so a snapshot makes a handful of allocations, not one or two per node.
#[derive(Clone, Copy, Debug)]
enum Stored {
    Document,
    Element(Element),
    Text(Span),
}

/// What a node is, as readers see it ([`Document::data`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NodeData<'a> {
    /// The root; always `NodeId(0)`.
    Document,
    Element(&'a Element),
    Text(&'a str),
}

/// A node and its links. `end` is one past the last node of its subtree.
#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
    pub end: u32,
    /// Rendered by the page (live DOM) or not hidden by markup (native). Inherited: a node inside a
    /// hidden element is hidden.
    pub visible: bool,
    stored: Stored,
}

/// A kept attribute: which one, and its value's span of the text store.
#[derive(Clone, Copy, Debug)]
struct AttrValue {
    attr: Attr,
    value: Span,
}

/// An arena snapshot of one page.
///
/// Three stores, each one allocation: the nodes, every kept attribute (each element owns a run of
/// them), and one string holding every text node's text and attribute value (nodes and attributes
/// hold spans of it). A page's snapshot used to allocate each text and each element's attribute
/// list apart: tens of thousands of small allocations to make and free per press.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<Node>,
    attrs: Vec<AttrValue>,
    text: String,
    /// The page's URL, when known; relative links are resolved against it (or its `<base href>`).
    pub url: Option<String>,
    /// The size limit the builder hit, if it stopped early: the snapshot is then only the start of
    /// the page.
    truncated: Option<Limit>,
}

/// How large a page the reader takes. Past either limit the snapshot stops and the reader says the
/// page is too large ([`crate::Error::TooLarge`]) instead of hanging the tab.
///
/// Chosen by measuring (`node tests/e2e/hostile-measure.mjs`: generated pages, headless Chromium 156,
/// the shipped wasm2js build, this project's 2-core machine with other builds running): the press
/// on a page far over the limit must show the message well under a second — the walk up to the
/// limit is what it costs — while the largest real pages stay under it. Re-measure when the
/// live-DOM walk changes (a faster walk allows a higher node limit).
pub mod limits {
    /// Nodes (elements and text nodes) in one snapshot. The current walk costs about 6.5 µs a node
    /// in the wasm2js build: with 100,000 the message on a 30 MB page took 970 ms on the first
    /// press in a tab (module load included) and 670 ms later; with 50,000 about half the walk.
    /// The largest page of the 130-page corpus (wikipedia-2) has 24,257 nodes.
    pub const MAX_NODES: usize = 50_000;
    /// Bytes of text (UTF-8) in one snapshot. Refusing costs little (a 30 MB `<pre>`: 230 ms
    /// first press, 160 ms later); reading does not: in the wasm2js build a generated article of
    /// 2,000 paragraphs (~580 KB of text) took 870 ms from the press to the painted article, and
    /// its outline and quotes then ~650 and ~440 ms as separate tasks (`tests/e2e/prose-measure.mjs`,
    /// 2 cores under load). 512 KiB keeps every task under a second there, and is still 2.5 times
    /// the corpus' longest article text (under 200 KB) — about 80,000 English words, or 170,000
    /// Chinese characters; longer pages (books, specifications on one page) are refused.
    pub const MAX_TEXT_BYTES: usize = 512 << 10;
}

/// Which size limit a snapshot hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// More than [`limits::MAX_NODES`] nodes.
    Nodes,
    /// More than [`limits::MAX_TEXT_BYTES`] bytes of text.
    TextBytes,
}

impl Limit {
    /// The limit's value (nodes or bytes).
    pub fn value(self) -> usize {
        match self {
            Limit::Nodes => limits::MAX_NODES,
            Limit::TextBytes => limits::MAX_TEXT_BYTES,
        }
    }
}

impl Document {
    /// The document root.
    pub const ROOT: NodeId = NodeId(0);

    /// How many nodes the snapshot holds.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True only for a document with nothing but its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The node behind an id.
    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// All ids, in document order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// What `id` is: the root, an element, or a text node with its text.
    #[inline]
    pub fn data(&self, id: NodeId) -> NodeData<'_> {
        match &self.node(id).stored {
            Stored::Document => NodeData::Document,
            Stored::Element(e) => NodeData::Element(e),
            Stored::Text(s) => NodeData::Text(&self.text[s.range()]),
        }
    }

    /// The element data of `id`, if it is an element.
    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).stored {
            Stored::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of `id`, if it is an element.
    #[inline]
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|e| e.tag)
    }

    /// True when `id` is an element with this tag.
    #[inline]
    pub fn is(&self, id: NodeId, tag: Tag) -> bool {
        self.tag(id) == Some(tag)
    }

    /// The text of a text node.
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.data(id) {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// An attribute's value.
    pub fn attr(&self, id: NodeId, attr: Attr) -> Option<&str> {
        // Not `attrs(id).find(…)`: that slices every value it passes (+0.5 % instructions natively).
        let e = self.element(id)?;
        let kept = &self.attrs[e.attrs.range()];
        kept.iter().find(|a| a.attr == attr).map(|a| &self.text[a.value.range()])
    }

    /// The kept attributes of `id` with their values, in the page's order (none for a text node).
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (Attr, &str)> + '_ {
        let run = self.element(id).map_or(Span::default(), |e| e.attrs);
        self.attrs[run.range()].iter().map(|a| (a.attr, &self.text[a.value.range()]))
    }

    /// The parent of `id` (`None` for the root).
    #[inline]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }

    /// The first child of `id`.
    #[inline]
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        let next = id.0 + 1;
        (next < self.node(id).end).then_some(NodeId(next))
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { doc: self, next: self.first_child(id) }
    }

    /// The element children of `id`.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |c| self.element(*c).is_some())
    }

    /// The ids strictly inside `id`'s subtree, as a range (document order).
    #[inline]
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + Clone {
        (id.0 + 1..self.node(id).end).map(NodeId)
    }

    /// The raw index range of `id`'s subtree, `id` included.
    #[inline]
    pub fn subtree_range(&self, id: NodeId) -> Range<u32> {
        id.0..self.node(id).end
    }

    /// True when `inner` is `outer` or lies inside it.
    #[inline]
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        outer.0 <= inner.0 && inner.0 < self.node(outer).end
    }

    /// The ancestors of `id`, nearest first (`id` excluded).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |p| self.parent(*p))
    }

    /// The first element with this tag, in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeId> {
        self.ids().find(|id| self.is(*id, tag))
    }

    /// Every element with this tag inside `root` (document order).
    pub fn find_all(&self, root: NodeId, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        self.descendants(root).filter(move |id| self.is(*id, tag))
    }

    /// The `<body>` (or the root when the page has none).
    pub fn body(&self) -> NodeId {
        self.find(Tag::Body).unwrap_or(Self::ROOT)
    }

    /// The `<head>`, if any.
    pub fn head(&self) -> Option<NodeId> {
        self.find(Tag::Head)
    }

    /// All text under `id`, concatenated as it stands (no whitespace folding, no block breaks).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.push_text_content(id, &mut out);
        out
    }

    /// Appends the text under `id` to `out`.
    pub fn push_text_content(&self, id: NodeId, out: &mut String) {
        if let Some(t) = self.text(id) {
            out.push_str(t);
            return;
        }
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
    }

    /// The `class` and `id` attributes joined by a space: what class/id heuristics match against.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(c) = self.attr(id, Attr::Class) {
            s.push_str(c);
        }
        if let Some(i) = self.attr(id, Attr::Id) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(i);
        }
        s
    }

    /// The size limit the snapshot hit, if its builder stopped early ([`limits`]).
    pub fn truncated(&self) -> Option<Limit> {
        self.truncated
    }

    /// Nesting depth of `id` (the root has depth 0). Walks parents: O(depth).
    pub fn depth(&self, id: NodeId) -> usize {
        self.ancestors(id).count()
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.node(cur).next_sibling;
        Some(cur)
    }
}

/// Builds a [`Document`] from pre-order events: `open` an element, add `text`, `close` it.
///
/// Adjacent text is merged; empty text is dropped; an unbalanced `close` is ignored and `finish`
/// closes whatever is still open, so a builder fed by a broken source still yields a valid tree.
///
/// Size limit: once a node would pass `max_nodes` or text would pass `max_text_bytes`, the builder
/// is full ([`Builder::is_full`]): it takes nothing more (opens after that are counted only so that
/// their closes pair up), and [`Builder::finish`] records the limit in [`Document::truncated`].
/// Sources check `is_full` after each event and stop walking.
#[derive(Debug)]
pub struct Builder {
    nodes: Vec<Node>,
    attrs: Vec<AttrValue>,
    text: String,
    open: Vec<NodeId>,
    last_child: Vec<Option<NodeId>>,
    url: Option<String>,
    max_nodes: usize,
    max_text_bytes: usize,
    text_bytes: usize,
    full: Option<Limit>,
    /// Elements opened after the builder was full, whose closes are to be ignored.
    ignored_open: usize,
}

impl Builder {
    /// A builder holding only the document root, with the standard [`limits`].
    pub fn new(url: Option<String>) -> Self {
        Self::with_limits(url, limits::MAX_NODES, limits::MAX_TEXT_BYTES)
    }

    /// A builder with its own limits (tests use small ones).
    pub fn with_limits(url: Option<String>, max_nodes: usize, max_text_bytes: usize) -> Self {
        let root = Node { parent: None, next_sibling: None, end: 1, visible: true, stored: Stored::Document };
        Builder {
            nodes: vec![root],
            attrs: Vec::new(),
            text: String::new(),
            open: vec![Document::ROOT],
            last_child: vec![None],
            url,
            max_nodes,
            max_text_bytes,
            text_bytes: 0,
            full: None,
            ignored_open: 0,
        }
    }

    /// True once a size limit was hit: the builder takes nothing more, the source should stop.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.full.is_some()
    }

    /// Whether one more node fits; marks the builder full when it does not.
    fn room_for_node(&mut self) -> bool {
        if self.full.is_none() && self.nodes.len() >= self.max_nodes {
            self.full = Some(Limit::Nodes);
        }
        self.full.is_none()
    }

    /// Reserve room for `nodes` more nodes and `text_bytes` more bytes of text and attribute values.
    pub fn reserve(&mut self, nodes: usize, text_bytes: usize) {
        self.nodes.reserve(nodes);
        self.text.reserve(text_bytes);
    }

    /// Appends `s` to the text store; its span there.
    fn store(&mut self, s: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Span { start, end: self.text.len() as u32 }
    }

    fn current(&self) -> NodeId {
        *self.open.last().expect("the root is never closed")
    }

    fn push(&mut self, stored: Stored, visible: bool) -> NodeId {
        let parent = self.current();
        let id = NodeId(self.nodes.len() as u32);
        let parent_visible = self.nodes[parent.index()].visible;
        self.nodes.push(Node {
            parent: Some(parent),
            next_sibling: None,
            end: id.0 + 1,
            visible: visible && parent_visible,
            stored,
        });
        if let Some(prev) = self.last_child.last_mut().expect("open stack").replace(id) {
            self.nodes[prev.index()].next_sibling = Some(id);
        }
        id
    }

    /// Opens an element; its children follow until the matching [`Builder::close`]. When the
    /// builder is full nothing is added and the current element's id comes back.
    pub fn open(&mut self, tag: Tag, attrs: &[(Attr, &str)], visible: bool) -> NodeId {
        if !self.room_for_node() {
            self.ignored_open += 1;
            return self.current();
        }
        let first = self.attrs.len() as u32;
        for &(attr, value) in attrs {
            let value = self.store(value);
            self.attrs.push(AttrValue { attr, value });
        }
        let attrs = Span { start: first, end: self.attrs.len() as u32 };
        let id = self.push(Stored::Element(Element { tag, attrs }), visible);
        self.open.push(id);
        self.last_child.push(None);
        id
    }

    /// Adds text to the current element, merging with a directly preceding text node.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() || self.is_full() {
            return;
        }
        if self.text_bytes + text.len() > self.max_text_bytes {
            self.full = Some(Limit::TextBytes);
            return;
        }
        self.text_bytes += text.len();
        if let Some(prev) = *self.last_child.last().expect("open stack") {
            if let Stored::Text(span) = self.nodes[prev.index()].stored {
                // Nothing is stored between two sibling texts, so the earlier one ends the store
                // and grows in place; the copy is only a fallback.
                let merged = if span.end as usize == self.text.len() {
                    self.text.push_str(text);
                    Span { start: span.start, end: self.text.len() as u32 }
                } else {
                    let earlier = self.text[span.range()].to_owned();
                    let start = self.store(&earlier).start;
                    Span { start, end: self.store(text).end }
                };
                self.nodes[prev.index()].stored = Stored::Text(merged);
                return;
            }
        }
        if self.room_for_node() {
            let span = self.store(text);
            self.push(Stored::Text(span), true);
        }
    }

    /// Closes the current element (ignored when only the root is open).
    pub fn close(&mut self) {
        if self.ignored_open > 0 {
            self.ignored_open -= 1;
            return;
        }
        if self.open.len() <= 1 {
            return;
        }
        let id = self.open.pop().expect("checked above");
        self.last_child.pop();
        self.nodes[id.index()].end = self.nodes.len() as u32;
    }

    /// How deep the builder currently is (the root is depth 0).
    pub fn depth(&self) -> usize {
        self.open.len() - 1
    }

    /// Closes everything still open and returns the document (with the limit it hit, if any:
    /// [`Document::truncated`]).
    pub fn finish(mut self) -> Document {
        self.ignored_open = 0;
        while self.open.len() > 1 {
            self.close();
        }
        self.nodes[0].end = self.nodes.len() as u32;
        Document { nodes: self.nodes, attrs: self.attrs, text: self.text, url: self.url, truncated: self.full }
    }
}

/// Which attributes of an element the snapshot keeps: known names, with their values trimmed of
/// nothing (values are kept verbatim; consumers trim what they read).
pub fn keep_attr(name: &str) -> Option<Attr> {
    match Attr::from_name(name) {
        Attr::Unknown => None,
        a => Some(a),
    }
}

/// Whether the text content of an element with this tag is kept. Scripts keep only JSON-LD
/// (`type="application/ld+json"`), styles nothing.
pub fn keeps_text(tag: Tag, script_type: Option<&str>) -> bool {
    match tag {
        Tag::Style => false,
        Tag::Script => script_type.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut b = Builder::new(None);
        b.open(Tag::Html, &[], true);
        b.open(Tag::Body, &[], true);
        b.open(Tag::P, &[(Attr::Class, "lead")], true);
        b.text("Hello ");
        b.text("world");
        b.close();
        b.open(Tag::Div, &[], false);
        b.open(Tag::Span, &[], true);
        b.text("hidden");
        b.finish()
    }

    #[test]
    fn builder_links_nodes_in_document_order() {
        let d = sample();
        let body = d.body();
        let kids: Vec<_> = d.children(body).collect();
        assert_eq!(kids.len(), 2);
        assert_eq!(d.text_content(kids[0]), "Hello world");
        assert_eq!(d.attr(kids[0], Attr::Class), Some("lead"));
        assert!(d.contains(body, kids[1]));
        assert!(!d.contains(kids[0], kids[1]));
        assert_eq!(d.node(Document::ROOT).end as usize, d.len());
    }

    #[test]
    fn hidden_is_inherited() {
        let d = sample();
        let span = d.find(Tag::Span).unwrap();
        assert!(!d.node(span).visible);
    }

    #[test]
    fn unbalanced_close_is_ignored() {
        let mut b = Builder::new(None);
        b.close();
        b.close();
        b.open(Tag::P, &[], true);
        b.text("x");
        let d = b.finish();
        assert_eq!(d.text_content(Document::ROOT), "x");
    }

    #[test]
    fn node_limit_stops_the_builder_and_is_reported() {
        let mut b = Builder::with_limits(None, 10, 1000);
        b.open(Tag::Body, &[], true);
        let mut opened = 0;
        while !b.is_full() {
            b.open(Tag::P, &[], true);
            b.text("x");
            b.close();
            opened += 1;
        }
        // More events after the limit change nothing and keep closes paired.
        b.open(Tag::Div, &[], true);
        b.open(Tag::Div, &[], true);
        b.text("late");
        b.close();
        b.close();
        b.text("after");
        let d = b.finish();
        assert_eq!(d.truncated(), Some(Limit::Nodes));
        assert!(d.len() <= 10, "{} nodes", d.len());
        assert_eq!(opened, 5, "root + body + 4 full paragraphs, then the 5th is cut");
        assert!(!d.text_content(Document::ROOT).contains("late"));
        assert!(!d.text_content(Document::ROOT).contains("after"));
        assert_eq!(d.node(Document::ROOT).end as usize, d.len());
    }

    #[test]
    fn text_limit_counts_bytes_also_when_merged() {
        let mut b = Builder::with_limits(None, 1000, 10);
        b.open(Tag::P, &[], true);
        b.text("héllo"); // 6 bytes
        assert!(!b.is_full());
        b.text("wörld"); // 6 more: over 10
        assert!(b.is_full());
        let d = b.finish();
        assert_eq!(d.truncated(), Some(Limit::TextBytes));
        assert_eq!(d.text_content(Document::ROOT), "héllo");
    }

    #[test]
    fn pages_under_the_limits_are_not_truncated() {
        assert_eq!(sample().truncated(), None);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut b = Builder::with_limits(None, usize::MAX, usize::MAX);
        for _ in 0..200_000 {
            b.open(Tag::Div, &[], true);
        }
        b.text("deep");
        let d = b.finish();
        assert_eq!(d.text_content(Document::ROOT), "deep");
        drop(d);
    }
}

/// A set of nodes of one document, as a bitset: the side table for "dropped", "consumed" and such.
#[derive(Clone, Debug, Default)]
pub struct NodeSet {
    bits: Vec<u64>,
}

impl NodeSet {
    /// An empty set sized for `doc`.
    pub fn for_doc(doc: &Document) -> Self {
        NodeSet { bits: vec![0; doc.len().div_ceil(64)] }
    }

    /// Adds `id`.
    #[inline]
    pub fn insert(&mut self, id: NodeId) {
        let (w, b) = (id.index() / 64, id.index() % 64);
        if w >= self.bits.len() {
            self.bits.resize(w + 1, 0);
        }
        self.bits[w] |= 1 << b;
    }

    /// True when `id` is in the set.
    #[inline]
    pub fn contains(&self, id: NodeId) -> bool {
        let (w, b) = (id.index() / 64, id.index() % 64);
        self.bits.get(w).is_some_and(|x| x & (1 << b) != 0)
    }
}

impl Document {
    /// A canonical text form of the snapshot, one line per node in document order: the depth, then
    /// the tag and kept attributes, or `#text` and the text with `\`, newlines, returns and tabs
    /// escaped. Visibility is left out. The browser parity test compares the live-DOM snapshot with
    /// the html5ever one through this form.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        let mut depth = vec![0usize; self.nodes.len()];
        for id in self.ids().skip(1) {
            let d = self.parent(id).map_or(0, |p| depth[p.index()] + 1);
            depth[id.index()] = d;
            out.push_str(&d.to_string());
            match self.data(id) {
                NodeData::Element(e) => {
                    out.push(' ');
                    out.push_str(e.tag.as_str());
                    for (a, v) in self.attrs(id) {
                        out.push(' ');
                        out.push_str(a.as_str());
                        out.push_str("=\"");
                        escape_dump(v, &mut out);
                        out.push('"');
                    }
                }
                NodeData::Text(t) => {
                    out.push_str(" #text ");
                    escape_dump(t, &mut out);
                }
                NodeData::Document => {}
            }
            out.push('\n');
        }
        out
    }
}

fn escape_dump(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
    }
}
