//! The browser layer (wasm32 only): reads the live page into the core's snapshot and shows the
//! reader overlay. The content script (`extension/content.js`) loads this module and calls its
//! exports; everything else is the pure core.
//!
//! - [`snapshot`] — the live DOM → [`crate::snapshot::Document`], with visibility from layout;
//! - [`overlay`] — the overlay in a shadow root, its states and listeners;
//! - [`page`] — what opening changes on the page (scroll lock, focus) and its exact restoration;
//! - [`panels`] — the side panel's sections (outline, quotes, sources), scroll-spy, quote highlight;
//! - [`picker`] — "Pick the content": the reader points at the article's container;
//! - [`settings`] — theme, type and measure, saved in `chrome.storage.local`;
//! - [`speech`] — read aloud with the browser's speech synthesis, the sentence highlighted;
//! - [`dom`], [`i18n`] — element building with `textContent` only, and the overlay's strings.

pub mod bench;
pub mod dom;
pub mod i18n;
pub mod overlay;
pub mod page;
pub mod panels;
pub mod picker;
pub mod settings;
pub mod snapshot;
pub mod speech;

use wasm_bindgen::prelude::*;

/// Opens the overlay when it is closed and closes it when it is open (the toolbar button).
/// Returns the state afterwards: `closed`, `open`, `no-article` or `error`.
#[wasm_bindgen]
pub fn toggle() -> Result<String, JsValue> {
    overlay::toggle()
}

/// Opens the overlay (`force`: show the page's main text even when it does not look like an
/// article). Returns the state.
#[wasm_bindgen]
pub fn open(force: bool) -> Result<String, JsValue> {
    overlay::open(&crate::Options { force, ..Default::default() }).map(|s| s.as_str().to_owned())
}

/// Closes the overlay; returns whether it was open.
#[wasm_bindgen]
pub fn close() -> bool {
    overlay::close()
}

/// `closed`, or the open overlay's `data-state`.
#[wasm_bindgen]
pub fn state() -> String {
    overlay::state()
}

/// The live-DOM snapshot of `document` (default: this page) in the canonical dump form
/// ([`crate::snapshot::Document::dump`]). Not used by the extension: the browser parity test
/// compares it with the html5ever snapshot of the same file, reading a page in a same-origin
/// frame so that the page's own CSP never has to allow WebAssembly.
#[wasm_bindgen]
pub fn snapshot_dump(document: Option<web_sys::Document>) -> Result<String, JsValue> {
    let document = match document {
        Some(d) => d,
        None => web_sys::window().and_then(|w| w.document()).ok_or("no document")?,
    };
    Ok(snapshot::snapshot(&document, None).dump())
}
