//! Native snapshot builder: HTML text → [`Document`] with html5ever (not compiled into the wasm).
//!
//! html5ever builds into a scratch tree through its `TreeSink` (it needs to move nodes around while
//! it repairs broken markup); the finished scratch tree is then walked once, iteratively, and fed to
//! the same [`Builder`] the live-DOM snapshot uses, so both paths give the same model. Natively there
//! is no layout, so visibility comes from markup only: the `hidden` attribute and inline
//! `display:none` / `visibility:hidden`.

use super::{keep_attr, keeps_text, Attr, Builder, Document, Tag};
use crate::words::{words, Words};
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ns, parse_document, Attribute, QualName};
use std::borrow::Cow;
use std::cell::RefCell;

/// Parses `html` (any size, any brokenness) into a snapshot. `url` is the page's address, used later
/// to resolve relative links.
pub fn from_html(html: &str, url: Option<&str>) -> Document {
    let html = limit_depth(html, MAX_PARSE_DEPTH);
    let sink = Sink { nodes: RefCell::new(vec![Scratch::new(ScratchData::Document)]), shadow_hosts: RefCell::default() };
    let sink = parse_document(sink, Default::default()).one(StrTendril::from(&*html));
    sink.into_document(url.map(str::to_owned))
}

/// Deepest element nesting handed to html5ever. Its tree builder scans the stack of open elements
/// for every start tag, so 100,000 nested `<div>`s would take minutes; browsers cap the depth as
/// well (Chromium's parser stops nesting at 512). Tags beyond the cap are dropped, their text kept.
pub const MAX_PARSE_DEPTH: usize = 1024;

/// Elements whose content is raw text: their insides are not tags.
const RAW_TEXT: Words = words!["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"];
const VOID: Words = words!["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Returns `html` unchanged unless its (approximate) element nesting exceeds `cap`; then start and
/// end tags deeper than `cap` are removed. A cheap byte scan: quotes in tags and raw-text elements
/// are honoured, everything else is left to html5ever.
pub fn limit_depth(html: &str, cap: usize) -> std::borrow::Cow<'_, str> {
    if scan_tags(html, cap, None) <= cap {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan_tags(html, cap, Some(&mut out));
    std::borrow::Cow::Owned(out)
}

/// Walks the tags of `html`, returning the deepest nesting seen; with `out`, copies `html` minus the
/// tags deeper than `cap`.
fn scan_tags(html: &str, cap: usize, mut out: Option<&mut String>) -> usize {
    let b = html.as_bytes();
    let (mut i, mut copied, mut depth, mut max, mut suppressed) = (0usize, 0usize, 0usize, 0usize, 0usize);
    while let Some(off) = memchr(b'<', &b[i..]) {
        let start = i + off;
        i = start + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        // Find the end of the tag, skipping quoted attribute values.
        let mut quote = 0u8;
        while j < b.len() && !(quote == 0 && b[j] == b'>') {
            match (quote, b[j]) {
                (0, q @ (b'"' | b'\'')) => quote = q,
                (q, c) if q == c => quote = 0,
                _ => {}
            }
            j += 1;
        }
        let end = (j + 1).min(b.len());
        let self_closing = j > 0 && b[j - 1] == b'/';
        let mut drop_tag = false;
        if closing {
            if suppressed > 0 {
                suppressed -= 1;
                drop_tag = true;
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if !VOID.contains(&name) && !self_closing {
            if depth >= cap {
                if out.is_none() {
                    return cap + 1; // counting pass: too deep, the caller rewrites
                }
                suppressed += 1;
                drop_tag = true;
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        if drop_tag {
            if let Some(o) = out.as_deref_mut() {
                o.push_str(&html[copied..start]);
                copied = end;
            }
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name) {
            // Skip to its end tag, matched ASCII-case-insensitively in place (lower-casing the
            // rest of the page for each raw-text element made this scan quadratic).
            i = find_end_tag(b, i, name.as_bytes()).unwrap_or(b.len());
        }
    }
    if let Some(o) = out {
        o.push_str(&html[copied..]);
    }
    max
}

/// The position of the first `</name` (any ASCII case) at or after `from`.
fn find_end_tag(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(off) = memchr(b'<', hay.get(at..)?) {
        let start = at + off;
        let tail = &hay[start + 1..];
        if tail.first() == Some(&b'/') && tail.len() > name.len() && tail[1..=name.len()].eq_ignore_ascii_case(name) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|c| *c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

type Handle = usize;

enum ScratchData {
    Document,
    Element { name: QualName, attrs: Vec<Attribute>, template: Option<Handle> },
    Text(StrTendril),
    Ignored,
}

struct Scratch {
    parent: Option<Handle>,
    prev: Option<Handle>,
    next: Option<Handle>,
    first: Option<Handle>,
    last: Option<Handle>,
    data: ScratchData,
}

impl Scratch {
    fn new(data: ScratchData) -> Self {
        Scratch { parent: None, prev: None, next: None, first: None, last: None, data }
    }
}

struct Sink {
    nodes: RefCell<Vec<Scratch>>,
    /// Elements that received a declarative shadow root (`<template shadowrootmode>`), with the
    /// root's content when it is open (closed roots cannot be read in the browser either).
    shadow_hosts: RefCell<Vec<(Handle, Option<Handle>)>>,
}

impl Sink {
    fn alloc(&self, data: ScratchData) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Scratch::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Scratch], h: Handle) {
        let (parent, prev, next) = (nodes[h].parent.take(), nodes[h].prev.take(), nodes[h].next.take());
        match next {
            Some(n) => nodes[n].prev = prev,
            None => {
                if let Some(p) = parent {
                    nodes[p].last = prev
                }
            }
        }
        match prev {
            Some(p) => nodes[p].next = next,
            None => {
                if let Some(p) = parent {
                    nodes[p].first = next
                }
            }
        }
    }

    fn append_node(nodes: &mut [Scratch], parent: Handle, child: Handle) {
        Self::detach(nodes, child);
        nodes[child].parent = Some(parent);
        match nodes[parent].last {
            Some(last) => {
                nodes[last].next = Some(child);
                nodes[child].prev = Some(last);
            }
            None => nodes[parent].first = Some(child),
        }
        nodes[parent].last = Some(child);
    }

    fn insert_before(nodes: &mut [Scratch], sibling: Handle, child: Handle) {
        Self::detach(nodes, child);
        let parent = nodes[sibling].parent;
        nodes[child].parent = parent;
        nodes[child].next = Some(sibling);
        match nodes[sibling].prev {
            Some(prev) => {
                nodes[prev].next = Some(child);
                nodes[child].prev = Some(prev);
            }
            None => {
                if let Some(p) = parent {
                    nodes[p].first = Some(child)
                }
            }
        }
        nodes[sibling].prev = Some(child);
    }

    /// Appends text to `prev` if it is a text node; returns false when a new node is needed.
    fn merge_text(nodes: &mut [Scratch], prev: Option<Handle>, text: &StrTendril) -> bool {
        if let Some(p) = prev {
            if let ScratchData::Text(t) = &mut nodes[p].data {
                t.push_tendril(text);
                return true;
            }
        }
        false
    }

    fn into_document(self, url: Option<String>) -> Document {
        let nodes = self.nodes.into_inner();
        let shadow_hosts = self.shadow_hosts.into_inner();
        let mut b = Builder::new(url);
        b.reserve(nodes.len(), 0);
        // Iterative pre-order walk; `closing` marks an element whose children are done.
        let mut stack: Vec<(Handle, bool)> = Vec::new();
        let mut child = nodes[0].last;
        while let Some(c) = child {
            stack.push((c, false));
            child = nodes[c].prev;
        }
        while let Some((h, closing)) = stack.pop() {
            // At the size limit the rest of the page is not read (the document says so).
            if b.is_full() {
                break;
            }
            if closing {
                b.close();
                continue;
            }
            match &nodes[h].data {
                ScratchData::Text(t) => b.text(t),
                ScratchData::Element { name, attrs, .. } => {
                    let foreign = name.ns != ns!(html);
                    let tag = Tag::from_name(&name.local);
                    // SVG and MathML are kept as empty markers: their insides are never article text.
                    let (tag, descend) = match (foreign, tag) {
                        (_, Tag::Svg) | (_, Tag::Math) => (tag, false),
                        (true, _) => (Tag::Other, false),
                        (false, t) => (t, true),
                    };
                    let kept: Vec<(Attr, &str)> = attrs
                        .iter()
                        .filter(|a| a.name.ns == ns!())
                        .filter_map(|a| keep_attr(&a.name.local).map(|k| (k, &*a.value)))
                        .collect();
                    let visible = markup_visible(&kept);
                    let script_type = kept.iter().find(|(a, _)| *a == Attr::Type).map(|(_, v)| *v);
                    let descend = descend && keeps_text(tag, script_type);
                    b.open(tag, &kept, visible);
                    stack.push((h, true));
                    if descend {
                        // An open shadow root is read first, then the light children (which it
                        // may slot), as the live-DOM walk does (web::snapshot::children_start).
                        let shadow = shadow_hosts.iter().find(|(host, _)| *host == h).and_then(|(_, c)| *c);
                        for parent in [Some(h), shadow].into_iter().flatten() {
                            let mut child = nodes[parent].last;
                            while let Some(c) = child {
                                stack.push((c, false));
                                child = nodes[c].prev;
                            }
                        }
                    }
                }
                ScratchData::Document | ScratchData::Ignored => {}
            }
        }
        b.finish()
    }
}

/// Elements that may carry a shadow root (DOM standard, `attachShadow`): these names and valid
/// custom element names.
fn is_valid_shadow_host(name: &str) -> bool {
    const HOSTS: Words = words![
        "article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "main", "nav", "p", "section", "span",
    ];
    const RESERVED: Words =
        words!["annotation-xml", "color-profile", "font-face", "font-face-src", "font-face-uri", "font-face-format", "font-face-name", "missing-glyph"];
    let custom = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.contains('-')
        && !name.chars().any(|c| c.is_ascii_uppercase())
        && !RESERVED.contains(name);
    HOSTS.contains(name) || custom
}

/// Visibility from markup alone: `hidden`, or inline `display:none` / `visibility:hidden`.
pub(crate) fn markup_visible(attrs: &[(Attr, &str)]) -> bool {
    for (a, v) in attrs {
        match a {
            Attr::Hidden => return false,
            Attr::Style => {
                let s: String = v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                if s.contains("display:none") || s.contains("visibility:hidden") {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// An element name handed to html5ever by value (our scratch nodes sit behind a `RefCell`).
#[derive(Debug)]
pub struct OwnedName(QualName);

impl html5ever::interface::tree_builder::ElemName for OwnedName {
    fn ns(&self) -> &html5ever::Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &html5ever::LocalName {
        &self.0.local
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a> = OwnedName;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> OwnedName {
        match &self.nodes.borrow()[*target].data {
            ScratchData::Element { name, .. } => OwnedName(name.clone()),
            _ => OwnedName(QualName::new(None, ns!(html), html5ever::local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let template = flags.template.then(|| self.alloc(ScratchData::Document));
        self.alloc(ScratchData::Element { name, attrs, template })
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.alloc(ScratchData::Ignored)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.alloc(ScratchData::Ignored)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let last = nodes[*parent].last;
                if Self::merge_text(&mut nodes, last, &text) {
                    return;
                }
                nodes.push(Scratch::new(ScratchData::Text(text)));
                nodes.len() - 1
            }
        };
        Self::append_node(&mut nodes, *parent, child);
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match &self.nodes.borrow()[*target].data {
            ScratchData::Element { template: Some(t), .. } => *t,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling].prev;
                if Self::merge_text(&mut nodes, prev, &text) {
                    return;
                }
                nodes.push(Scratch::new(ScratchData::Text(text)));
                nodes.len() - 1
            }
        };
        Self::insert_before(&mut nodes, *sibling, child);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let ScratchData::Element { attrs: existing, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    /// A `<template shadowrootmode>` becomes its parent's shadow root, as in browsers: the template
    /// is then not part of the tree (and, like any template content, its content is not walked).
    /// Without this, html5ever keeps the template as an ordinary element that the live DOM lacks.
    fn attach_declarative_shadow(&self, host: &Handle, template: &Handle, attrs: &[Attribute]) -> bool {
        let can_host = match &self.nodes.borrow()[*host].data {
            ScratchData::Element { name, .. } => name.ns == ns!(html) && is_valid_shadow_host(&name.local),
            _ => false,
        };
        let mut hosts = self.shadow_hosts.borrow_mut();
        if !can_host || hosts.iter().any(|(h, _)| h == host) {
            return false;
        }
        let open = attrs.iter().any(|a| &*a.name.local == "shadowrootmode" && a.value.trim().eq_ignore_ascii_case("open"));
        let content = match &self.nodes.borrow()[*template].data {
            ScratchData::Element { template: Some(t), .. } if open => Some(*t),
            _ => None,
        };
        hosts.push((*host, content));
        true
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node].first;
        while let Some(c) = child {
            child = nodes[c].next;
            Self::append_node(&mut nodes, *new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_broken_html_into_a_tree() {
        let d = from_html("<p>one<p>two <b>bold<i>both</b> after", None);
        let ps: Vec<_> = d.find_all(Document::ROOT, Tag::P).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(d.text_content(ps[1]), "two boldboth after");
    }

    #[test]
    fn drops_styles_and_plain_scripts_but_keeps_json_ld() {
        let d = from_html(
            r#"<head><style>p{}</style><script>alert(1)</script><script type="application/ld+json">{"a":1}</script></head><body>x</body>"#,
            None,
        );
        let scripts: Vec<_> = d.find_all(Document::ROOT, Tag::Script).map(|s| d.text_content(s)).collect();
        assert_eq!(scripts, vec!["".to_string(), r#"{"a":1}"#.to_string()]);
        assert_eq!(d.text_content(d.find(Tag::Style).unwrap()), "");
    }

    #[test]
    fn markup_hidden_nodes_are_invisible() {
        let d = from_html(r#"<div style="display: none"><p>a</p></div><p hidden>b</p><p>c</p>"#, None);
        let vis: Vec<_> = d.find_all(Document::ROOT, Tag::P).map(|p| d.node(p).visible).collect();
        assert_eq!(vis, vec![false, false, true]);
    }

    #[test]
    fn svg_insides_are_not_kept() {
        let d = from_html("<p>a<svg><title>t</title><text>svgtext</text></svg>b</p>", None);
        assert_eq!(d.text_content(Document::ROOT), "ab");
    }

    #[test]
    fn declarative_shadow_templates_leave_the_tree_as_in_browsers() {
        let d = from_html(
            r#"<div><template shadowrootmode="open"><p>shadow</p></template>light<template shadowrootmode="open">2nd</template></div><ul><template shadowrootmode="open">x</template></ul>"#,
            None,
        );
        let templates: Vec<_> = d.find_all(Document::ROOT, Tag::Template).map(|t| d.parent(t).and_then(|p| d.tag(p))).collect();
        // The div takes the first shadow root; a second one, or one whose parent cannot be a
        // shadow host (<ul>), stays an ordinary, empty template.
        assert_eq!(templates, vec![Some(Tag::Div), Some(Tag::Ul)]);
        // An open shadow root is read, before the light children.
        assert_eq!(d.text_content(d.find(Tag::Div).unwrap()), "shadowlight");
    }

    #[test]
    fn closed_shadow_roots_are_not_read() {
        let d = from_html(r#"<div><template shadowrootmode="closed"><p>secret</p></template>light</div>"#, None);
        assert_eq!(d.text_content(d.find(Tag::Div).unwrap()), "light");
    }

    #[test]
    fn very_deep_html_parses_without_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000) + "<p>after</p>";
        let d = from_html(&html, None);
        let text = d.text_content(Document::ROOT);
        assert!(text.contains("deep") && text.contains("after"));
        assert!(d.ids().map(|id| d.depth(id)).max().unwrap() <= MAX_PARSE_DEPTH + 4);
    }

    #[test]
    fn depth_limit_leaves_ordinary_pages_alone() {
        let html = "<div><p class='a>b'>x</p><script>if (a<b) {}</script></div>";
        assert!(matches!(limit_depth(html, 2), std::borrow::Cow::Borrowed(_)));
    }
}
