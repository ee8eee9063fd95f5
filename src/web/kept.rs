//! What the reader read, kept after it closes for the next press on the same page.
//!
//! Reopening the reader on a page that has not changed would read it again for nothing, and the
//! walk and the analysis are most of a press. So each open starts watching the page right after
//! its walk (walk.js `watch`: a `MutationObserver` over the whole document that leaves out the
//! reader's own changes), and closing keeps the snapshot and the analysis, with its outline and
//! quotes when they were done. The next press takes them only when:
//! 1. nothing in the document changed since the walk (no node, attribute or text), the overlay's
//!    open time included (a page goes on loading and updating under the reader);
//! 2. the address and the viewport's size are the same (a resize can show or hide content through
//!    a media query, and visibility is part of the snapshot);
//! 3. the walk met no open shadow root (changes inside one are not seen from the document) and no
//!    custom element waiting for its definition (its upgrade may attach a shadow root, no change
//!    the document's observer sees either);
//! 4. the press asks for the default reading, and the kept analysis was one (not "show it anyway",
//!    nor a picked container; a remembered choice is applied again after opening either way).
//!
//! Otherwise it reads the page afresh, as a first press does. Out of reach, and left so: a change of
//! what shows without any change to the DOM (a CSS animation ending hidden, a checkbox's state that
//! a `:checked` rule reads), and the page's own changes to the `style` of `<html>` or `<body>` (the
//! watch cannot tell them from the scroll lock's); the next other change of the page, its address or
//! the window's size brings the reader up to date.

use crate::snapshot::Document;
use crate::Analysis;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/walk.js")]
extern "C" {
    /// Starts noting changes to `document` other than the reader's own (its host is `host_id`),
    /// and to its address and window size.
    fn watch(document: &web_sys::Document, host_id: &str) -> JsValue;

    /// Whether nothing changed since [`watch`]; stops watching.
    #[wasm_bindgen(js_name = unchangedSince)]
    fn unchanged_since(watcher: &JsValue) -> bool;
}

/// What an overlay read.
pub struct Reading {
    pub snapshot: Document,
    /// The analysis of `snapshot`, when it was shown (`None` for a message: it is made again).
    pub analysis: Option<Analysis>,
    /// Whether `analysis` has its outline and quotes.
    pub panels_done: bool,
}

/// The watch on the page since a walk (walk.js `watch`: its changes, address and window size).
pub struct Watch {
    watcher: JsValue,
}

impl Watch {
    /// Starts watching `document` (call it right after the walk).
    pub fn start(document: &web_sys::Document, host_id: &str) -> Watch {
        Watch { watcher: watch(document, host_id) }
    }

    /// Whether the page is as it was read (conditions 1–2); stops watching.
    fn unchanged(&self) -> bool {
        unchanged_since(&self.watcher)
    }
}

/// Dropping a watch stops it (a second stop does nothing).
impl Drop for Watch {
    fn drop(&mut self) {
        let _ = unchanged_since(&self.watcher);
    }
}

/// A reading and the watch started after its walk.
struct Kept {
    reading: Reading,
    since: Watch,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Keeps `reading` for the next press (replacing what was kept before), with the watch on the page
/// since its walk.
pub fn keep(reading: Reading, since: Watch) {
    // (What was kept before is dropped here, its watch with it.)
    KEPT.with(|k| k.borrow_mut().replace(Kept { reading, since }));
}

/// The kept reading when the page is still as it was read; forgets it either way.
pub fn take() -> Option<Reading> {
    let kept = KEPT.with(|k| k.borrow_mut().take())?;
    kept.since.unchanged().then_some(kept.reading)
}
