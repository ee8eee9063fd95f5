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
//!
//! Panics: wasm32 aborts on a panic (the wasm traps on `unreachable`; the wasm2js build calls its
//! `abort` import, which throws), so nothing unwinds and the instance's state is left half-changed.
//! The panic hook ([`on_panic`]) therefore only records: it warns on the console, marks the module
//! dead ([`is_dead`]: listeners it left on the page stop acting) and tells the content script
//! (`__broadsheetPanicked`), which puts the page back from its own record, shows the `error` state
//! and loads a fresh instance on the next click (`extension/content.js`). [`arm_fault`] lets the
//! end-to-end tests force a panic at a named phase.

pub mod bench;
pub mod dom;
pub mod kept;
pub mod i18n;
pub mod overlay;
pub mod page;
pub mod panels;
pub mod picker;
pub mod settings;
pub mod snapshot;
pub mod speech;

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

thread_local! {
    /// Set by the panic hook: this instance aborted and must not act any more.
    static DEAD: Cell<bool> = const { Cell::new(false) };
    /// The phase at which a test asked for a panic ([`arm_fault`]).
    static FAULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(on_panic));
}

/// Records a panic: the message on the console, the instance marked dead, the content script told.
/// Nothing here touches the page: the content script restores it from its own record.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    DEAD.with(|d| d.set(true));
    let message = info.payload_as_str().unwrap_or("panic");
    let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
    let text = format!("Broadsheet: internal error: {message}{location}");
    console_warn(&text);
    let global = js_sys::global();
    if let Ok(callback) = js_sys::Reflect::get(&global, &"__broadsheetPanicked".into()) {
        if let Some(callback) = callback.dyn_ref::<js_sys::Function>() {
            let _ = callback.call1(&JsValue::UNDEFINED, &text.into());
        }
    }
}

/// True once this instance panicked: whatever it left listening on the page must do nothing.
pub fn is_dead() -> bool {
    DEAD.with(|d| d.get())
}

/// Test hook: makes this instance panic when it reaches `phase` (`snapshot`: after the live-DOM
/// snapshot; `render`: halfway through rendering the article; `locked`: after the scroll lock and
/// focus moved in). Only the content script can call it (the page cannot reach the extension's
/// world); it does so when `chrome.storage.local` holds `broadsheetFault`, which only the extension
/// can write.
#[wasm_bindgen]
pub fn arm_fault(phase: String) {
    FAULT.with(|f| *f.borrow_mut() = Some(phase).filter(|p| !p.is_empty()));
}

/// Panics when a test armed a fault at `phase`.
pub(crate) fn fault_point(phase: &str) {
    let armed = FAULT.with(|f| f.borrow().as_deref() == Some(phase));
    if armed {
        panic!("fault injected for a test");
    }
}

/// What the overlay's `error` state says for a failed analysis, in the reader's language: a
/// size limit gets its own localized explanation, other errors the core's message.
pub(crate) fn error_message(error: &crate::Error) -> String {
    use crate::snapshot::Limit;
    match error {
        crate::Error::TooLarge { limit: Limit::Nodes } => i18n::message("tooLargeNodes", Some(&group_thousands(Limit::Nodes.value()))),
        crate::Error::TooLarge { limit: Limit::TextBytes } => {
            i18n::message("tooLargeText", Some(&group_thousands(Limit::TextBytes.value() >> 20)))
        }
        other => other.to_string(),
    }
}

/// `100000` as `100,000`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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

/// Each element's visibility in the live-DOM snapshot of `document`, in document order: `1` or
/// `0` per element. `top_down`: measured element by element (the reference), else as the extension
/// measures. Not used by the extension: the browser parity test compares the two on every page.
#[wasm_bindgen]
pub fn snapshot_visibility(document: web_sys::Document, top_down: bool) -> String {
    let doc = snapshot::snapshot_with(&document, None, top_down);
    doc.ids().filter(|&id| doc.element(id).is_some()).map(|id| if doc.node(id).visible { '1' } else { '0' }).collect()
}
