//! The live-DOM snapshot: the page as the browser holds it, read into the core's arena
//! [`Document`].
//!
//! The walk follows the same rules as the native html5ever builder (`src/snapshot/html.rs`), so both
//! give the same model for the same page (the browser parity test checks this on the whole corpus):
//! comments and doctypes are skipped; `<svg>` and `<math>` are kept as empty elements; elements
//! outside the HTML namespace become [`Tag::Other`](crate::snapshot::Tag) without children (the
//! walk asks only names no tag has: elsewhere the parser puts foreign elements only inside `<svg>`
//! and `<math>`, which the walk does not enter); script
//! text is kept only for JSON-LD and style text never (`keeps_text`); `<template>` contents are not
//! visited (they live in a separate fragment, not among the element's children); an open shadow
//! root's children are read first, then the host's light children; ids follow document order.
//!
//! What the native builder can only guess, the live page knows: each element's visibility comes from
//! layout (`Element.checkVisibility`, which sees `display:none`, closed `<details>` and
//! `visibility:hidden` from any stylesheet; `display:contents` counts as shown). Elements that are
//! never rendered by nature — the `<head>` and everything in it, `<script>`, `<style>`,
//! `<noscript>`, `<template>` — count as visible, as the native builder treats them, so metadata
//! and lazy-image recovery read them the same way. Inside a hidden element nothing is visible; to
//! measure few elements the walk works bottom-up and skips hidden regions (walk.js, "visibility").
//!
//! How: each call from the module into the DOM costs far more than the work on its answer, and a
//! node-by-node walk through web-sys made 8–10 of them per node. So the walk is ONE JavaScript
//! function (`walk.js`, shipped as a wasm-bindgen snippet) that reads the whole page and hands it
//! over as an array of records and one string ([`crate::snapshot::records`] has the format), which
//! is decoded into the arena through the same [`Builder`](crate::snapshot::Builder) as natively.
//! Both sides are iterative: a page nested 100,000 levels deep costs memory, never a call stack.

use crate::snapshot::records::{decode, tag_flags, walk_names};
use crate::snapshot::{limits, Document};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/walk.js")]
extern "C" {
    /// What the walk returns: `{ records, text, watchable }`.
    type Walked;

    /// Walks `document`, leaving out `skip`'s subtree; `names` and `flags` are the tag and
    /// attribute tables; it stops past `max_nodes` nodes or `max_text` UTF-16 units of text (the
    /// snapshot's limits). Throws only if the page's DOM does (then the snapshot is empty).
    /// `top_down`: measure every element's visibility (the reference the parity test compares
    /// the walk's own, cheaper way with).
    #[wasm_bindgen(catch)]
    fn walk(document: &web_sys::Document, skip: Option<&Element>, names: &str, flags: &[u8], max_nodes: u32, max_text: u32, top_down: bool) -> Result<Walked, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn records(this: &Walked) -> Vec<u32>;

    #[wasm_bindgen(method, getter)]
    fn text(this: &Walked) -> String;

    #[wasm_bindgen(method, getter)]
    fn watchable(this: &Walked) -> bool;
}

/// Snapshots `document`, leaving out the subtree of `skip` (Broadsheet's own overlay host).
pub fn snapshot(document: &web_sys::Document, skip: Option<&Element>) -> Document {
    snapshot_with(document, skip, false)
}

/// [`snapshot`], and whether watching the document's changes is enough to know when it is out of
/// date: no open shadow root read, no custom element waiting for its definition (see [`super::kept`]).
pub fn snapshot_noting_watchable(document: &web_sys::Document) -> (Document, bool) {
    decode_walk(document, None, false)
}

/// [`snapshot`], with every element's visibility measured top-down when `top_down` (for tests).
pub fn snapshot_with(document: &web_sys::Document, skip: Option<&Element>, top_down: bool) -> Document {
    decode_walk(document, skip, top_down).0
}

/// The walk decoded into the arena, and whether it is watchable.
fn decode_walk(document: &web_sys::Document, skip: Option<&Element>, top_down: bool) -> (Document, bool) {
    let (records, text, watchable) = read_with(document, skip, top_down);
    (decode(&records, &text, document.url().ok().filter(|u| !u.is_empty())), watchable)
}

/// The walk's records and text, copied into the module (empty if the page's DOM threw).
pub fn read(document: &web_sys::Document, skip: Option<&Element>) -> (Vec<u32>, String) {
    let (records, text, _) = read_with(document, skip, false);
    (records, text)
}

fn read_with(document: &web_sys::Document, skip: Option<&Element>, top_down: bool) -> (Vec<u32>, String, bool) {
    let (max_nodes, max_text) = (limits::MAX_NODES as u32, limits::MAX_TEXT_BYTES as u32);
    match walk(document, skip, &walk_names(), &tag_flags(), max_nodes, max_text, top_down) {
        Ok(walked) => (walked.records(), walked.text(), walked.watchable()),
        // Nothing read: nothing to keep either.
        Err(_) => (Vec::new(), String::new(), false),
    }
}
