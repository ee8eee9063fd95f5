//! The article as the reader shows it: a sanitized, owned stream of [`Piece`]s plus its text
//! [`Block`]s.
//!
//! Built once from the snapshot, the extraction and the image table, in one iterative pass over the
//! article's nodes (no recursion, whatever the depth). Only allowlisted tags ([`RENDERED_TAGS`]) and
//! attributes ([`allowed_attr`]) survive, URLs are checked by [`safe_url`], and everything else is
//! unwrapped (its children kept) or dropped. Both the overlay (DOM nodes with `textContent`) and the
//! CLI (escaped HTML) render from the same stream, so what the CLI prints is what the overlay shows.
//!
//! Blocks are the article's paragraphs, headings, list items, quotes, captions and code, each with its
//! folded text and source node: outline, quotes and word counts read blocks, not the DOM.

use crate::extract::Extraction;
use crate::images::Images;
use crate::metadata::Metadata;
use crate::snapshot::{Attr, Document, NodeId, Tag};
use crate::text::fold_whitespace;
use serde::Serialize;

/// Tags the overlay renders as themselves. Anything else is unwrapped (children kept) unless it is
/// never content ([`Tag::is_never_content`]), which is dropped with its subtree — except `form` and
/// `fieldset`, unwrapped because the extractor decides about them.
pub const RENDERED_TAGS: &[Tag] = &[
    Tag::P, Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6, Tag::Ul, Tag::Ol, Tag::Li,
    Tag::Dl, Tag::Dt, Tag::Dd, Tag::Blockquote, Tag::Pre, Tag::Code, Tag::Em, Tag::Strong, Tag::B,
    Tag::I, Tag::U, Tag::S, Tag::Sub, Tag::Sup, Tag::Mark, Tag::Small, Tag::A, Tag::Br, Tag::Hr,
    Tag::Figure, Tag::Figcaption, Tag::Img, Tag::Table, Tag::Caption, Tag::Thead, Tag::Tbody,
    Tag::Tfoot, Tag::Tr, Tag::Td, Tag::Th, Tag::Q, Tag::Cite, Tag::Abbr, Tag::Time, Tag::Del,
    Tag::Ins, Tag::Kbd, Tag::Samp, Tag::Var, Tag::Div, Tag::Section, Tag::Article, Tag::Details,
    Tag::Summary, Tag::Dfn, Tag::Tt, Tag::Strike, Tag::Bdi, Tag::Bdo, Tag::Span,
];

/// Whether `attr` may be copied onto a rendered `tag` (values of URL attributes are checked by
/// [`safe_url`] as well).
pub fn allowed_attr(tag: Tag, attr: Attr) -> bool {
    match attr {
        Attr::Lang | Attr::Dir => true,
        Attr::Href => tag == Tag::A,
        Attr::Src | Attr::Alt | Attr::Width | Attr::Height => tag == Tag::Img,
        Attr::Colspan | Attr::Rowspan | Attr::Scope => matches!(tag, Tag::Td | Tag::Th),
        Attr::Start => tag == Tag::Ol,
        Attr::Datetime => matches!(tag, Tag::Time | Tag::Del | Tag::Ins),
        Attr::Title => matches!(tag, Tag::Abbr | Tag::Dfn),
        _ => false,
    }
}

/// One event of the sanitized article stream.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// An element opens. `class` is one of Broadsheet's own class names (never the page's).
    Open { tag: Tag, attrs: Vec<(Attr, String)>, class: Option<&'static str>, source: NodeId },
    /// Text, as in the page (whitespace is folded by the renderer's CSS, not here).
    Text(String),
    /// The last open element closes.
    Close,
}

/// What kind of text block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BlockKind {
    Paragraph,
    /// A heading with its original level (1–6).
    Heading(u8),
    ListItem,
    Quote,
    Caption,
    Code,
    Cell,
}

/// A paragraph-like unit of the article's text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    pub node: NodeId,
    pub kind: BlockKind,
    /// The block's text with whitespace folded.
    pub text: String,
    /// True when all of the text is inside `<b>`/`<strong>` (a pseudo-heading candidate).
    pub emphasized: bool,
}

/// The readable article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Article {
    pub word_count: usize,
    pub reading_minutes: u32,
    #[serde(skip)]
    pub pieces: Vec<Piece>,
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

/// URL policy: `http(s)` (and protocol-relative) links; images may also be `data:image/…` (not SVG,
/// which can carry script). Relative URLs are resolved against `base`. Anything else gives `None`.
pub fn safe_url(raw: &str, base: Option<&str>, image: bool) -> Option<String> {
    // As the URL parser does: strip leading/trailing C0 controls and spaces, remove tabs and newlines
    // (copied whole when there are none: an inline `data:` picture is tens of kilobytes).
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
    } else {
        trimmed.to_owned()
    };
    let url = cleaned.as_str();
    if url.is_empty() {
        return None;
    }
    let lower: String = url.chars().filter(|c| !c.is_ascii_control() && !c.is_whitespace()).take(16).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("data:") {
        let ok = image && lower.starts_with("data:image/") && !lower.starts_with("data:image/svg");
        // The scheme in lower case (schemes are case-insensitive), so that every later check of a
        // `data:` URL is a plain `starts_with("data:")`: a `DATA:` picture was otherwise taken for a
        // web address (its base64 scanned as a path, shown as an origin link).
        return ok.then(|| match url.get(..5) {
            Some(scheme) if scheme != "data:" && scheme.eq_ignore_ascii_case("data:") => format!("data:{}", &url[5..]),
            _ => url.to_owned(),
        });
    }
    let resolved = resolve_url(url, base)?;
    let l = resolved.to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")).then_some(resolved)
}

/// Resolves `url` against `base` (absolute, protocol-relative, root-relative, relative). Returns
/// `None` for a relative URL without an absolute base, and for non-hierarchical schemes it keeps
/// the URL as is (the caller filters schemes).
pub fn resolve_url(url: &str, base: Option<&str>) -> Option<String> {
    let url = url.trim();
    if let Some(colon) = url.find(':') {
        let scheme = &url[..colon];
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && !url[..colon].contains('/') {
            return Some(url.to_owned());
        }
    }
    let base = base?;
    let scheme_end = base.find("://")?;
    let scheme = &base[..scheme_end];
    if let Some(rest) = url.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let after_scheme = &base[scheme_end + 3..];
    let host_end = after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len());
    let origin = &base[..scheme_end + 3 + host_end];
    if url.starts_with('/') {
        return Some(format!("{origin}{url}"));
    }
    let path = &after_scheme[host_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if url.is_empty() {
        return Some(base.to_owned());
    }
    if url.starts_with('#') || url.starts_with('?') {
        let stem = &base[..base.find(if url.starts_with('#') { '#' } else { '?' }).unwrap_or(base.len())];
        return Some(format!("{stem}{url}"));
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (rel, suffix) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, seg) in parts.iter().enumerate() {
        match *seg {
            "." => {}
            ".." => {
                segments.pop();
            }
            s => {
                if !s.is_empty() || i == parts.len() - 1 {
                    segments.push(s)
                }
            }
        }
    }
    Some(format!("{origin}/{}{suffix}", segments.join("/")))
}

/// The page's base URL: `<base href>` resolved against the document URL, or the document URL.
pub fn base_url(doc: &Document) -> Option<String> {
    let doc_url = doc.url.as_deref();
    match doc.find(Tag::Base).and_then(|b| doc.attr(b, Attr::Href)) {
        Some(href) => resolve_url(href, doc_url).or_else(|| doc_url.map(str::to_owned)),
        None => doc_url.map(str::to_owned),
    }
}

/// An ARIA heading (`role="heading"`, issue 5: pages style `<div role=heading>` as their subheads):
/// its `aria-level` (clamped to 1–6), [`ARIA_DEFAULT_HEADING_LEVEL`] when missing or unreadable.
fn aria_heading_level(doc: &Document, id: NodeId) -> Option<u8> {
    let role = doc.attr(id, Attr::Role)?;
    // `role` is a token list; the first token a browser knows wins, and "heading" is one it knows.
    if !role.split_ascii_whitespace().next().is_some_and(|r| r.eq_ignore_ascii_case("heading")) {
        return None;
    }
    let level = doc.attr(id, Attr::AriaLevel).and_then(|v| v.trim().parse::<u32>().ok()).filter(|l| *l >= 1);
    Some(level.map_or(ARIA_DEFAULT_HEADING_LEVEL, |l| l.min(6) as u8))
}

/// WAI-ARIA: a `heading` without `aria-level` has level 2.
pub const ARIA_DEFAULT_HEADING_LEVEL: u8 = 2;

/// The `h1`–`h6` tag for a level.
fn heading_tag(level: u8) -> Tag {
    [Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6][usize::from(level.clamp(1, 6)) - 1]
}

fn block_kind(tag: Tag) -> Option<BlockKind> {
    Some(match tag {
        Tag::P | Tag::Dt | Tag::Dd | Tag::Summary => BlockKind::Paragraph,
        Tag::Li => BlockKind::ListItem,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Figcaption | Tag::Caption => BlockKind::Caption,
        Tag::Pre => BlockKind::Code,
        Tag::Td | Tag::Th => BlockKind::Cell,
        t => BlockKind::Heading(t.heading_level()?),
    })
}

/// Accumulates the text of the innermost open block.
struct OpenBlock {
    node: NodeId,
    kind: BlockKind,
    text: String,
    emphasized_chars: usize,
    chars: usize,
}

struct BuildState<'a> {
    doc: &'a Document,
    base: Option<String>,
    pieces: Vec<Piece>,
    blocks: Vec<Block>,
    open_blocks: Vec<OpenBlock>,
    /// For each open snapshot element: (its subtree end, whether it emitted an Open, whether it is a block, emphasis).
    stack: Vec<(u32, bool, bool, bool)>,
    emphasis_depth: usize,
}

impl BuildState<'_> {
    fn finish_block(&mut self) {
        if let Some(b) = self.open_blocks.pop() {
            let text = fold_whitespace(&b.text);
            if !text.is_empty() {
                let emphasized = b.chars > 0 && b.emphasized_chars * 10 >= b.chars * 9;
                self.blocks.push(Block { node: b.node, kind: b.kind, text, emphasized });
            }
        }
    }

    fn add_text(&mut self, node: NodeId, text: &str) {
        if self.open_blocks.is_empty() {
            // Loose text directly in a wrapper: an anonymous paragraph anchored at its parent.
            let anchor = self.doc.parent(node).unwrap_or(node);
            self.open_blocks.push(OpenBlock { node: anchor, kind: BlockKind::Paragraph, text: String::new(), emphasized_chars: 0, chars: 0 });
            self.stack.push((0, false, true, false)); // closed by the next block boundary
        }
        let b = self.open_blocks.last_mut().expect("pushed above");
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        b.chars += n;
        if self.emphasis_depth > 0 {
            b.emphasized_chars += n;
        }
        b.text.push_str(text);
        self.pieces.push(Piece::Text(text.to_owned()));
    }

    /// Ends an anonymous paragraph, if one is open, before a block boundary.
    fn end_anonymous(&mut self) {
        if matches!(self.stack.last(), Some((0, false, true, false))) {
            self.stack.pop();
            self.finish_block();
        }
    }

    fn close_until(&mut self, index: u32) {
        loop {
            match self.stack.last() {
                Some(&(0, false, true, false)) => {
                    // An anonymous paragraph stays open until a block boundary or its parent closes.
                    let parent_end = self.stack.iter().rev().nth(1).map(|e| e.0);
                    if parent_end.is_some_and(|e| e <= index) {
                        self.stack.pop();
                        self.finish_block();
                        continue;
                    }
                    if parent_end.is_none() {
                        return;
                    }
                    // Look past it: its parent may still be open.
                    let (end, ..) = self.stack[self.stack.len() - 2];
                    if end > index {
                        return;
                    }
                }
                Some(&(end, emitted, is_block, emph)) if end <= index => {
                    self.stack.pop();
                    if is_block {
                        self.finish_block();
                    }
                    if emph {
                        self.emphasis_depth -= 1;
                    }
                    if emitted {
                        self.pieces.push(Piece::Close);
                    }
                }
                _ => return,
            }
        }
    }
}

impl Article {
    /// Builds the article from the extraction's roots.
    pub fn build(doc: &Document, extraction: &Extraction, images: &Images, _meta: &Metadata) -> Article {
        let mut st = BuildState {
            doc,
            base: base_url(doc),
            pieces: Vec::new(),
            blocks: Vec::new(),
            open_blocks: Vec::new(),
            stack: Vec::new(),
            emphasis_depth: 0,
        };
        for &root in &extraction.roots {
            let range = doc.subtree_range(root);
            let mut i = range.start;
            while i < range.end {
                st.close_until(i);
                let id = NodeId(i);
                let node = doc.node(id);
                let skip = !node.visible || extraction.dropped.contains(id) || images.consumed.contains(id);
                if skip {
                    i = node.end;
                    continue;
                }
                match doc.data(id) {
                    crate::snapshot::NodeData::Text(t) => st.add_text(id, t),
                    crate::snapshot::NodeData::Element(e) => {
                        // A lone <noscript> fallback can be a described image (see images::collect).
                        let image_node = e.tag == Tag::Img || (e.tag == Tag::Noscript && images.by_node.contains_key(&id));
                        if e.tag == Tag::Noscript && !image_node {
                            // A lazy-loading page's only copy of an image may be its <noscript>.
                            st.end_anonymous();
                            emit_noscript_image(&mut st, id, images);
                            i = node.end;
                            continue;
                        }
                        // Forms are the extractor's call (some sites wrap the whole page in one):
                        // unwrapped here, their controls dropped as never content.
                        if e.tag.is_never_content() && !image_node && !matches!(e.tag, Tag::Form | Tag::Fieldset) {
                            i = node.end;
                            continue;
                        }
                        if image_node {
                            st.end_anonymous();
                            emit_image(&mut st, id, images);
                            i = node.end;
                            continue;
                        }
                        let aria_level = aria_heading_level(doc, id);
                        let kind = aria_level.map(BlockKind::Heading).or_else(|| block_kind(e.tag));
                        if e.tag.is_block() || kind.is_some() {
                            st.end_anonymous();
                        }
                        // A figure holding a described image is rendered by the image itself.
                        let unwrap_figure = e.tag == Tag::Figure
                            && doc.find_all(id, Tag::Img).any(|img| images.by_node.contains_key(&img));
                        // An ARIA heading is shown as the heading it is.
                        let shown_tag = aria_level.map_or(e.tag, heading_tag);
                        let rendered = (RENDERED_TAGS.contains(&e.tag) || aria_level.is_some()) && !unwrap_figure;
                        if rendered {
                            let attrs = doc
                                .attrs(id)
                                .filter(|(a, _)| allowed_attr(shown_tag, *a))
                                .filter_map(|(a, v)| match a {
                                    Attr::Href => safe_url(v, st.base.as_deref(), false).map(|u| (a, u)),
                                    Attr::Src => None,
                                    _ => Some((a, v.to_string())),
                                })
                                .collect();
                            st.pieces.push(Piece::Open { tag: shown_tag, attrs, class: None, source: id });
                        }
                        // A paragraph inside a blockquote is quoted text.
                        let kind = match kind {
                            Some(BlockKind::Paragraph) if st.open_blocks.iter().any(|b| b.kind == BlockKind::Quote) => Some(BlockKind::Quote),
                            k => k,
                        };
                        if let Some(kind) = kind {
                            st.open_blocks.push(OpenBlock { node: id, kind, text: String::new(), emphasized_chars: 0, chars: 0 });
                        }
                        let emph = matches!(e.tag, Tag::B | Tag::Strong);
                        if emph {
                            st.emphasis_depth += 1;
                        }
                        if e.tag == Tag::Br {
                            if let Some(b) = st.open_blocks.last_mut() {
                                b.text.push('\n');
                            }
                        }
                        st.stack.push((node.end, rendered, kind.is_some(), emph));
                    }
                    crate::snapshot::NodeData::Document => {}
                }
                i += 1;
            }
            st.close_until(u32::MAX);
            st.stack.clear();
            while !st.open_blocks.is_empty() {
                st.finish_block();
            }
        }
        // The blocks' text is joined by blank lines (`text()`), so the counts of the blocks add up to
        // the counts of the article's text: one pass over each block, no joined copy.
        let counts = st.blocks.iter().fold(crate::text::Counts::NONE, |sum, b| sum + crate::text::counts(&b.text));
        Article {
            word_count: counts.words,
            reading_minutes: crate::text::minutes_for(counts),
            pieces: st.pieces,
            blocks: st.blocks,
        }
    }

    /// Plain text: blocks separated by blank lines.
    pub fn text(&self) -> String {
        blocks_text(&self.blocks)
    }

    /// The sanitized article as HTML (every text and attribute value escaped).
    pub fn html(&self) -> String {
        let mut out = String::new();
        let mut open: Vec<Tag> = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Open { tag, attrs, class, .. } => {
                    out.push('<');
                    out.push_str(tag.as_str());
                    if let Some(c) = class {
                        out.push_str(" class=\"");
                        out.push_str(c);
                        out.push('"');
                    }
                    for (a, v) in attrs {
                        out.push(' ');
                        out.push_str(a.as_str());
                        out.push_str("=\"");
                        escape_into(v, true, &mut out);
                        out.push('"');
                    }
                    out.push('>');
                    open.push(*tag);
                }
                Piece::Text(t) => escape_into(t, false, &mut out),
                Piece::Close => {
                    if let Some(tag) = open.pop() {
                        if !tag.is_void() {
                            out.push_str("</");
                            out.push_str(tag.as_str());
                            out.push('>');
                        }
                    }
                }
            }
        }
        out
    }
}

fn blocks_text(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        if !s.is_empty() {
            s.push_str("\n\n");
        }
        s.push_str(&b.text);
    }
    s
}

fn escape_into(s: &str, attr: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Emits an image: a described one as `figure > img + figcaption(caption, credit)`, an undescribed
/// one as a bare `img` when its `src` is safe.
fn emit_image(st: &mut BuildState<'_>, id: NodeId, images: &Images) {
    let doc = st.doc;
    let Some(&index) = images.by_node.get(&id) else {
        if let Some(src) = lazy::best_src(doc, id).and_then(|s| safe_url(&s, st.base.as_deref(), true)) {
            let mut attrs = vec![(Attr::Src, src)];
            if let Some(alt) = doc.attr(id, Attr::Alt) {
                attrs.push((Attr::Alt, alt.to_owned()));
            }
            st.pieces.push(Piece::Open { tag: Tag::Img, attrs, class: None, source: id });
            st.pieces.push(Piece::Close);
        }
        return;
    };
    let image = &images.list[index];
    let Some(src) = safe_url(&image.src, st.base.as_deref(), true) else { return };
    st.pieces.push(Piece::Open { tag: Tag::Figure, attrs: vec![], class: Some("bs-figure"), source: id });
    let mut attrs = vec![(Attr::Src, src)];
    if let Some(alt) = &image.alt {
        attrs.push((Attr::Alt, alt.clone()));
    }
    if let Some(w) = image.width {
        attrs.push((Attr::Width, w.to_string()));
    }
    if let Some(h) = image.height {
        attrs.push((Attr::Height, h.to_string()));
    }
    st.pieces.push(Piece::Open { tag: Tag::Img, attrs, class: None, source: id });
    st.pieces.push(Piece::Close);
    if image.caption.is_some() || image.credit.is_some() {
        st.pieces.push(Piece::Open { tag: Tag::Figcaption, attrs: vec![], class: None, source: id });
        if let Some(caption) = &image.caption {
            st.pieces.push(Piece::Open { tag: Tag::Span, attrs: vec![], class: Some("bs-caption"), source: id });
            st.pieces.push(Piece::Text(caption.clone()));
            st.pieces.push(Piece::Close);
        }
        if let Some(credit) = &image.credit {
            st.pieces.push(Piece::Open { tag: Tag::Small, attrs: vec![], class: Some("bs-credit"), source: id });
            st.pieces.push(Piece::Text(credit.clone()));
            st.pieces.push(Piece::Close);
        }
        st.pieces.push(Piece::Close);
        // The caption block holds what the figcaption shows, credit included: the page's own
        // caption/credit nodes are consumed by the image, so this is the only place their text lives.
        let shown = [image.caption.as_deref(), image.credit.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        st.blocks.push(Block { node: id, kind: BlockKind::Caption, text: fold_whitespace(&shown), emphasized: false });
    }
    st.pieces.push(Piece::Close);
}

/// Renders the image inside a `<noscript>` when no `<img>` right before it already stands for it
/// (an `<img>` with a placeholder takes the noscript's URL in [`lazy::best_src`] instead).
fn emit_noscript_image(st: &mut BuildState<'_>, id: NodeId, images: &Images) {
    let doc = st.doc;
    let prev_img = doc
        .parent(id)
        .into_iter()
        .flat_map(|p| doc.element_children(p))
        .take_while(|c| *c != id)
        .last()
        .is_some_and(|c| doc.is(c, Tag::Img) || doc.find_all(c, Tag::Img).next().is_some());
    if prev_img || images.consumed.contains(id) {
        return;
    }
    let Some(raw) = doc.children(id).find_map(|c| doc.text(c)) else { return };
    let Some(img) = lazy::noscript_img(raw) else { return };
    let Some(src) = safe_url(&img.src, st.base.as_deref(), true) else { return };
    let mut attrs = vec![(Attr::Src, src)];
    if let Some(alt) = img.alt {
        attrs.push((Attr::Alt, alt));
    }
    st.pieces.push(Piece::Open { tag: Tag::Img, attrs, class: None, source: id });
    st.pieces.push(Piece::Close);
}

/// Lazy-loaded images: the real URL behind placeholders (Readability `_fixLazyImages` and
/// `_unwrapNoscriptImages`, plus `<picture>` sources).
pub mod lazy {
    use crate::snapshot::{Attr, Document, NodeId, Tag};
    use crate::words::{words, Words};

    /// Attributes lazy loaders keep the real URL in, most common first.
    pub const SRC_ATTRS: &[Attr] = &[
        Attr::DataSrc, Attr::DataOriginal, Attr::DataLazySrc, Attr::DataHiResSrc, Attr::DataFullSrc,
        Attr::DataOrigFile, Attr::DataLargeFile, Attr::DataUrl, Attr::DataImage,
    ];
    /// Attributes holding a `srcset`.
    pub const SRCSET_ATTRS: &[Attr] = &[Attr::DataSrcset, Attr::DataLazySrcset, Attr::Srcset];
    /// Words in a `src` that mark a placeholder rather than the picture.
    pub const PLACEHOLDER_WORDS: Words = words!["placeholder", "blank.", "spacer", "lazy", "loading", "1x1", "pixel.", "transparent.", "grey.gif", "gray.gif", "empty."];
    /// Readability: a base64 `data:` URL shorter than this is a placeholder.
    pub const TINY_DATA_URL: usize = 133;

    /// True when `src` is missing or a stand-in for the real picture.
    pub fn is_placeholder(src: &str) -> bool {
        let s = src.trim().to_ascii_lowercase();
        s.is_empty() || (s.starts_with("data:") && s.len() < TINY_DATA_URL) || PLACEHOLDER_WORDS.any_in(&s)
    }

    /// A URL-looking attribute value (lazy loaders sometimes store JSON there).
    fn usable(v: &str) -> bool {
        let v = v.trim();
        !v.is_empty() && !v.starts_with('{') && !v.starts_with('[') && !is_placeholder(v)
    }

    /// The largest candidate of a `srcset` (by `w`, then `x` descriptor; the last when equal).
    pub fn largest_in_srcset(srcset: &str) -> Option<String> {
        let mut best: Option<(f64, &str)> = None;
        for cand in srcset.split(',') {
            let mut parts = cand.split_whitespace();
            let Some(url) = parts.next() else { continue };
            let size = parts
                .next()
                .and_then(|d| d.get(..d.len().saturating_sub(1)).and_then(crate::text::parse_decimal))
                .unwrap_or(1.0);
            if best.is_none_or(|(s, _)| size >= s) {
                best = Some((size, url));
            }
        }
        best.map(|(_, u)| u.to_owned())
    }

    /// The best URL for the `<img>` `id`: its `src` unless that is a placeholder, then the lazy
    /// attributes, `srcset`s, a `<picture>`'s `<source>`, and a `<noscript>` next to it.
    pub fn best_src(doc: &Document, id: NodeId) -> Option<String> {
        if let Some(src) = doc.attr(id, Attr::Src).filter(|s| !is_placeholder(s)) {
            return Some(src.trim().to_owned());
        }
        if let Some(v) = SRC_ATTRS.iter().filter_map(|a| doc.attr(id, *a)).find(|v| usable(v)) {
            return Some(v.trim().to_owned());
        }
        if let Some(v) = SRCSET_ATTRS.iter().filter_map(|a| doc.attr(id, *a)).find_map(largest_in_srcset) {
            return Some(v);
        }
        let parent = doc.parent(id)?;
        if doc.is(parent, Tag::Picture) {
            let from_source = doc
                .element_children(parent)
                .filter(|c| doc.is(*c, Tag::Source))
                .find_map(|c| SRCSET_ATTRS.iter().chain([Attr::Src].iter()).filter_map(|a| doc.attr(c, *a)).find_map(largest_in_srcset));
            if from_source.is_some() {
                return from_source;
            }
        }
        // A <noscript> right after the image (or its wrapper) holding the real one.
        let holder = if doc.is(parent, Tag::Picture) { parent } else { id };
        let next = doc.node(holder).next_sibling.into_iter().chain(doc.node(holder).next_sibling.and_then(|n| doc.node(n).next_sibling)).find(|n| doc.element(*n).is_some())?;
        if doc.is(next, Tag::Noscript) {
            let raw = doc.children(next).find_map(|c| doc.text(c))?;
            return noscript_img(raw).map(|i| i.src);
        }
        None
    }

    /// An image found in `<noscript>` markup.
    pub struct NoscriptImg {
        pub src: String,
        pub alt: Option<String>,
    }

    /// Reads the first `<img>` of a `<noscript>`'s raw markup (with the image stage's tag scanner,
    /// [`crate::images::noscript`]): its `src` (or `data-src`/`srcset`) and `alt`.
    pub fn noscript_img(raw: &str) -> Option<NoscriptImg> {
        let tags = crate::images::noscript::scan_images(raw);
        let img = tags.iter().find(|t| t.name == "img")?;
        let src = img
            .attr("src")
            .filter(|s| !is_placeholder(s))
            .or_else(|| img.attr("data-src"))
            .map(str::to_owned)
            .or_else(|| img.attr("srcset").and_then(largest_in_srcset))?;
        Some(NoscriptImg { src, alt: img.attr("alt").map(str::to_owned) })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::snapshot::from_html;

    fn build(html: &str) -> Article {
        let doc = from_html(html, Some("https://example.com/news/story.html"));
        let meta = crate::metadata::read(&doc);
        let ex = crate::extract::Extraction { roots: vec![doc.body()], dropped: crate::snapshot::NodeSet::for_doc(&doc), readerable: true };
        Article::build(&doc, &ex, &Images::default(), &meta)
    }

    #[test]
    fn keeps_headings_with_their_levels_and_paragraphs() {
        let a = build("<h3>Sub</h3><p>One <b>two</b></p><ul><li>item</li></ul>");
        let kinds: Vec<_> = a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(kinds, vec![(BlockKind::Heading(3), "Sub"), (BlockKind::Paragraph, "One two"), (BlockKind::ListItem, "item")]);
    }

    #[test]
    fn drops_scripts_handlers_and_bad_urls() {
        let a = build(r#"<p onclick="x()"><a href="javascript:alert(1)">bad</a> <a href="/ok">ok</a><script>alert(1)</script><img src="data:image/svg+xml,<svg onload=alert(1)>"></p>"#);
        let html = a.html();
        assert_eq!(html, r#"<p><a>bad</a> <a href="https://example.com/ok">ok</a></p>"#);
    }

    #[test]
    fn loose_text_becomes_paragraphs() {
        let a = build("<div>first line<p>para</p>tail</div>");
        let texts: Vec<_> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["first line", "para", "tail"]);
    }

    #[test]
    fn aria_headings_are_heading_blocks() {
        let a = build(r#"<div role="heading" aria-level="3">Level three</div><p>text</p><span role="heading">Default level</span><div role="heading" aria-level="9">Deep</div><div role="headingx">Not one</div>"#);
        let kinds: Vec<_> = a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading(3), "Level three"),
                (BlockKind::Paragraph, "text"),
                (BlockKind::Heading(2), "Default level"),
                (BlockKind::Heading(6), "Deep"),
                (BlockKind::Paragraph, "Not one"),
            ]
        );
        assert!(a.html().starts_with("<h3>Level three</h3><p>text</p><h2>Default level</h2>"), "{}", a.html());
    }

    #[test]
    fn emphasized_blocks_are_marked() {
        let a = build("<p><strong>A bold line</strong></p><p>plain <b>x</b></p>");
        assert!(a.blocks[0].emphasized);
        assert!(!a.blocks[1].emphasized);
    }

    #[test]
    fn lazy_images_use_their_real_url() {
        let a = build(r#"<p>x</p><img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="A">
            <picture><source srcset="/s-320.jpg 320w, /s-800.jpg 800w"><img></picture>
            <img src="/blank.gif"><noscript><img src="/ns.jpg" alt="N"></noscript>
            <div><noscript><img src='/only.jpg'></noscript></div>"#);
        let html = a.html();
        assert!(html.contains(r#"<img src="https://example.com/real.jpg" alt="A">"#), "{html}");
        assert!(html.contains("https://example.com/s-800.jpg"), "{html}");
        assert!(html.contains("https://example.com/ns.jpg"), "{html}");
        assert!(html.contains("https://example.com/only.jpg"), "{html}");
        assert_eq!(html.matches("<img").count(), 4, "{html}");
    }

    #[test]
    fn forms_are_unwrapped_not_dropped() {
        let a = build("<form><p>Inside a page-wide form</p><input value='x'></form>");
        assert_eq!(a.text(), "Inside a page-wide form");
    }

    #[test]
    fn resolves_relative_urls() {
        let base = Some("https://ex.com/a/b/c.html?q=1");
        assert_eq!(resolve_url("d.jpg", base).unwrap(), "https://ex.com/a/b/d.jpg");
        assert_eq!(resolve_url("../d.jpg", base).unwrap(), "https://ex.com/a/d.jpg");
        assert_eq!(resolve_url("/d.jpg", base).unwrap(), "https://ex.com/d.jpg");
        assert_eq!(resolve_url("//cdn.x/d.jpg", base).unwrap(), "https://cdn.x/d.jpg");
        assert_eq!(resolve_url("#frag", base).unwrap(), "https://ex.com/a/b/c.html?q=1#frag");
        assert_eq!(safe_url("JaVaScRiPt:alert(1)", base, false), None);
        assert_eq!(safe_url(" java\tscript:alert(1)", base, false), None);
    }
}
