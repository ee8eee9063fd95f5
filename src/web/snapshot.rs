//! The live-DOM snapshot: the page as the browser holds it, read through web-sys into the core's
//! arena [`Document`].
//!
//! The walk follows the same rules as the native html5ever builder (`src/snapshot/html.rs`), so both
//! give the same model for the same page (the browser parity test checks this on the whole corpus):
//! comments and doctypes are skipped; `<svg>` and `<math>` are kept as empty elements; elements
//! outside the HTML namespace become [`Tag::Other`] without children; script text is kept only for
//! JSON-LD and style text never ([`keeps_text`]); `<template>` contents are not visited (they live in
//! a separate fragment, not among the element's children); ids follow document order.
//!
//! What the native builder can only guess, the live page knows: each element's visibility comes from
//! layout (`Element.checkVisibility`, which sees `display:none`, closed `<details>` and
//! `visibility:hidden` from any stylesheet). Elements that are never rendered by nature — the
//! `<head>` and everything in it, `<script>`, `<style>`, `<noscript>`, `<template>` — count as visible,
//! as the native builder treats them, so metadata and lazy-image recovery read them the same way.
//!
//! The walk is iterative (`first_child` / `next_sibling` with an explicit stack of open elements):
//! a page nested 100,000 levels deep costs memory, never the call stack.

use crate::snapshot::{keep_attr, keeps_text, Attr, Builder, Document, Tag};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

#[wasm_bindgen]
extern "C" {
    /// An element seen through the one method web-sys does not bind yet.
    #[wasm_bindgen(extends = Element)]
    type VisibilityCheck;

    /// `Element.checkVisibility(options)` (Chromium 105+, Firefox 106+); throws where it is missing.
    #[wasm_bindgen(method, catch, js_name = checkVisibility)]
    fn check_visibility(this: &VisibilityCheck, options: &JsValue) -> Result<bool, JsValue>;
}

/// Snapshots `document`, leaving out the subtree of `skip` (Broadsheet's own overlay host).
pub fn snapshot(document: &web_sys::Document, skip: Option<&Element>) -> Document {
    let mut walk = Walk::new(document, skip);
    walk.run(document);
    walk.builder.finish()
}

/// One element whose children are being walked.
struct Frame {
    element: Element,
    /// Its effective visibility (its own and its ancestors').
    visible: bool,
    /// Visibility inside it is assumed, not measured (the `<head>`).
    assumed: bool,
    /// The walk is in its open shadow root; its light children come next.
    in_shadow: bool,
}

struct Walk<'a> {
    builder: Builder,
    stack: Vec<Frame>,
    skip: Option<&'a Element>,
    visibility_options: JsValue,
    window: Option<web_sys::Window>,
    /// `tagName` alone tells the namespace (see [`Walk::tag_of`]): true for HTML documents.
    html_document: bool,
}

impl<'a> Walk<'a> {
    fn new(document: &web_sys::Document, skip: Option<&'a Element>) -> Self {
        let options = js_sys::Object::new();
        // `visibility:hidden` hides text from readers as well; opacity is left alone (pages fade
        // their text in from opacity 0).
        let _ = js_sys::Reflect::set(&options, &"visibilityProperty".into(), &JsValue::TRUE);
        Walk {
            builder: Builder::new(Some(document.url().unwrap_or_default()).filter(|u| !u.is_empty())),
            stack: Vec::new(),
            skip,
            visibility_options: options.into(),
            window: web_sys::window(),
            html_document: document.document_element().is_some_and(|root| root.tag_name() == "HTML"),
        }
    }

    /// Pre-order walk over the document's nodes.
    fn run(&mut self, document: &web_sys::Document) {
        let mut next = document.first_child();
        loop {
            // At the snapshot's size limit the rest of the page is not walked.
            if self.builder.is_full() {
                break;
            }
            let Some(node) = next else {
                // This level is done: close the element it belongs to and go on after it.
                if let Some(frame) = self.stack.last_mut().filter(|f| f.in_shadow) {
                    // The shadow root is done: the host's light children follow.
                    frame.in_shadow = false;
                    next = frame.element.first_child();
                    continue;
                }
                match self.stack.pop() {
                    Some(frame) => {
                        self.builder.close();
                        next = frame.element.next_sibling();
                        continue;
                    }
                    None => break,
                }
            };
            next = match node.node_type() {
                // Unchecked: `instanceof Element` fails for a node of another frame's realm, and
                // the node type already says what it is.
                Node::ELEMENT_NODE => self.element(node.unchecked_into::<Element>()),
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                    if let Some(text) = node.node_value() {
                        self.builder.text(&text);
                    }
                    node.next_sibling()
                }
                // Comments, doctypes, processing instructions.
                _ => node.next_sibling(),
            };
        }
    }

    /// Opens `element`; returns the next node to visit (its first child when it is entered).
    fn element(&mut self, element: Element) -> Option<Node> {
        if self.is_skipped(&element) {
            return element.next_sibling();
        }
        let (html, tag) = self.tag_of(&element);
        // SVG and MathML are kept as empty markers: their insides are never article text.
        let (tag, descend) = match (html, tag) {
            (_, Tag::Svg) | (_, Tag::Math) => (tag, false),
            (false, _) => (Tag::Other, false),
            (true, t) => (t, true),
        };
        // Most elements have no attribute: one call answers that instead of an empty name list.
        let attrs = if element.has_attributes() { kept_attrs(&element) } else { Vec::new() };
        let script_type = attrs.iter().find(|(a, _)| *a == Attr::Type).map(|(_, v)| &**v);
        let descend = descend && keeps_text(tag, script_type);

        let (parent_visible, parent_assumed) = self.stack.last().map_or((true, false), |f| (f.visible, f.assumed));
        let assumed = parent_assumed || tag == Tag::Head;
        let visible = parent_visible && (assumed || !is_rendered(tag) || self.layout_visible(&element));
        self.builder.open(tag, attrs, visible);

        let (first, in_shadow) = if descend { children_start(&element) } else { (None, false) };
        match first {
            Some(child) => {
                self.stack.push(Frame { element, visible, assumed, in_shadow });
                Some(child)
            }
            None => {
                self.builder.close();
                element.next_sibling()
            }
        }
    }

    /// Whether `element` is in the HTML namespace, and its tag. Each call into the DOM costs more
    /// than the work on its answer, so one `tagName` read does both in HTML documents: the
    /// DOM upper-cases `tagName` exactly for HTML-namespace elements there, so a name with a
    /// lower-case letter is foreign (SVG, MathML). Other documents (XHTML) ask the namespace.
    fn tag_of(&self, element: &Element) -> (bool, Tag) {
        if self.html_document {
            let mut name = element.tag_name();
            let html = !name.bytes().any(|b| b.is_ascii_lowercase());
            name.make_ascii_lowercase();
            (html, Tag::from_name(&name))
        } else {
            (element.namespace_uri().as_deref() == Some(HTML_NAMESPACE), Tag::from_name(&element.local_name()))
        }
    }

    /// Broadsheet's own host is appended to `<html>`: only that level is compared.
    fn is_skipped(&self, element: &Element) -> bool {
        match self.skip {
            Some(skip) if self.stack.len() == 1 => skip == element,
            _ => false,
        }
    }

    /// Whether the page renders `element` (`display:contents` boxes count: their children show).
    fn layout_visible(&self, element: &Element) -> bool {
        match element.unchecked_ref::<VisibilityCheck>().check_visibility(&self.visibility_options) {
            Ok(true) | Err(_) => true,
            Ok(false) => self.is_display_contents(element),
        }
    }

    fn is_display_contents(&self, element: &Element) -> bool {
        let style = self.window.as_ref().and_then(|w| w.get_computed_style(element).ok().flatten());
        style.is_some_and(|s| {
            s.get_property_value("display").is_ok_and(|d| d == "contents")
                && s.get_property_value("visibility").is_ok_and(|v| v != "hidden")
        })
    }
}

/// Where the walk enters an element: its first light-DOM child. This is the one place that decides
/// which tree is read: an open shadow root's children first (the page's text may live there), then
/// the light children (which the shadow tree may slot). The `bool` says the walk starts in the
/// shadow root, so that [`Walk::run`] moves on to the light children when it ends. Closed shadow
/// roots cannot be read (`shadowRoot` is null), as natively.
fn children_start(element: &Element) -> (Option<Node>, bool) {
    match element.shadow_root().and_then(|root| root.first_child()) {
        Some(first) => (Some(first), true),
        None => (element.first_child(), false),
    }
}

/// Elements the browser lays out. The others (`<head>` content, scripts, styles, templates,
/// `<noscript>` with scripting on) have no box by nature, and are treated as visible, as natively.
fn is_rendered(tag: Tag) -> bool {
    !matches!(
        tag,
        Tag::Head | Tag::Title | Tag::Meta | Tag::Link | Tag::Base | Tag::Style | Tag::Script | Tag::Noscript | Tag::Template
    )
}

/// The attributes the snapshot keeps, in the element's order. All names come back in one string
/// (joined on a space, which no attribute name contains) instead of one crossing per name, and only
/// the kept ones are fetched: most attributes on real pages are not kept.
fn kept_attrs(element: &Element) -> Vec<(Attr, Box<str>)> {
    let names = String::from(element.get_attribute_names().join(" "));
    let mut kept = Vec::new();
    for name in names.split(' ') {
        if let Some(attr) = keep_attr(name) {
            if let Some(value) = element.get_attribute(name) {
                kept.push((attr, value.into_boxed_str()));
            }
        }
    }
    kept
}
