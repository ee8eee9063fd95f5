//! What opening the overlay changes on the page, and how closing puts it back exactly.
//!
//! The overlay itself lives in its own host element, removed on close. The only other changes are
//! the scroll lock (`overflow: hidden` on `<html>`, and on `<body>` when the page lets the body
//! scroll: [`could_scroll`]; with a classic scrollbar, `<html>` also gets the scrollbar's width as
//! padding so that the page keeps its width: [`scrollbar_compensation`]) and focus moving into the
//! overlay.
//! [`SavedPage`] records, before anything changes, the scroll position, the focused element and the
//! exact `style` attribute text of both elements (or its absence), and restores them byte for byte:
//! after close, `document.documentElement.outerHTML` is what it was before open. Typed form values
//! are never touched, so they stay.
//!
//! A page may take the overlay's host down (pages that rewrite themselves remove elements they do
//! not know from `<html>`). [`SavedPage::watch_host`] notices and closes the reader, so the page is
//! put back instead of staying scroll-locked under an overlay that is gone. It does not re-insert
//! the host: a page that removes it from a mutation observer would fight back in a loop.
//!
//! The content script keeps its own record of the same things (extension/content.js), for the
//! case where the module panics and this record is lost with it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollToOptions, Window};

/// The declaration that stops the page from scrolling (`!important` beats the page's stylesheets).
const SCROLL_LOCK: &str = "overflow: hidden !important;";
/// The declaration that keeps the page out of a print of the overlay.
const PRINT_HIDE: &str = "display: none !important;";

#[wasm_bindgen]
extern "C" {
    /// `MutationObserver`, bound here (web-sys has it behind features this crate does not enable).
    type MutationObserver;

    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> MutationObserver;

    #[wasm_bindgen(method)]
    fn observe(this: &MutationObserver, target: &web_sys::Node, options: &JsValue);

    #[wasm_bindgen(method)]
    fn disconnect(this: &MutationObserver);
}

/// Watches `<html>`'s children for the removal of the overlay's host.
struct HostWatch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut()>,
}

/// One locked element and its `style` attribute as it was.
struct Locked {
    element: HtmlElement,
    style: Option<String>,
}

/// The page state to put back on close.
pub struct SavedPage {
    window: Window,
    scroll: (f64, f64),
    focused: Option<Element>,
    locked: Vec<Locked>,
    /// The body while it is hidden for printing, with its `style` attribute before.
    printing: Option<Locked>,
    /// Whether the scroll lock goes on `<body>` too ([`could_scroll`]), read before
    /// anything changes (the page's style is clean then: the read costs no style recalculation).
    lock_body: bool,
    /// What the lock adds to `<html>` to keep the page's width when its scrollbar goes
    /// ([`scrollbar_compensation`]), read before anything changes.
    keep_width: Option<String>,
    watch: Option<HostWatch>,
}

impl SavedPage {
    /// Records the scroll position and focus; nothing on the page changes yet.
    pub fn save(window: &Window, document: &web_sys::Document) -> Self {
        SavedPage {
            window: window.clone(),
            scroll: (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0)),
            focused: document.active_element(),
            locked: Vec::new(),
            printing: None,
            lock_body: document.body().is_none_or(|body| could_scroll(window, &body)),
            keep_width: scrollbar_compensation(window, document),
            watch: None,
        }
    }

    /// Closes the reader when the page removes `host` (its parent's child list is watched, nothing
    /// deeper). The close waits for a microtask: the observer's callback must not drop itself.
    pub fn watch_host(&mut self, host: &Element) {
        let Some(parent) = host.parent_node() else { return };
        let watched = host.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            if !watched.is_connected() && !super::is_dead() {
                wasm_bindgen_futures::spawn_local(async {
                    super::overlay::close();
                });
            }
        });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"childList".into(), &JsValue::TRUE);
        observer.observe(&parent, &options);
        self.watch = Some(HostWatch { observer, _callback: callback });
    }

    /// Stops the page from scrolling under the overlay (idempotent).
    pub fn lock_scroll(&mut self, document: &web_sys::Document) {
        if !self.locked.is_empty() {
            return;
        }
        let html = document.document_element().and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let body = document.body().filter(|_| self.lock_body);
        for (element, keep_width) in [(html, self.keep_width.as_deref()), (body, None)] {
            let Some(element) = element else { continue };
            let style = element.get_attribute("style");
            let lock = match keep_width {
                Some(padding) => format!("{SCROLL_LOCK} {padding}"),
                None => SCROLL_LOCK.to_owned(),
            };
            // The attribute is written as text, not through `element.style`: Chromium serializes
            // CSSOM changes into the attribute lazily, and removing an attribute that was never
            // serialized later brings back an empty `style=""`.
            let locked = match &style {
                Some(text) => format!("{text}; {lock}"),
                None => lock,
            };
            if element.set_attribute("style", &locked).is_ok() {
                self.locked.push(Locked { element, style });
            }
        }
    }

    /// Lets the page scroll again (while the reader picks the content on the page), the `style`
    /// attributes exactly as before; [`SavedPage::lock_scroll`] locks it again.
    pub fn unlock_scroll(&mut self) {
        for Locked { element, style } in self.locked.drain(..).rev() {
            let _ = match style {
                Some(text) => element.set_attribute("style", &text),
                None => element.remove_attribute("style"),
            };
        }
    }

    /// Hides the page's body while the overlay prints (the overlay's host is outside the body), or
    /// shows it again, its `style` attribute exactly as before.
    pub fn hide_for_print(&mut self, hide: bool, document: &web_sys::Document) {
        if hide && self.printing.is_none() {
            let Some(body) = document.body() else { return };
            let style = body.get_attribute("style");
            let hidden = match &style {
                Some(text) => format!("{text}; {PRINT_HIDE}"),
                None => PRINT_HIDE.to_owned(),
            };
            if body.set_attribute("style", &hidden).is_ok() {
                self.printing = Some(Locked { element: body, style });
            }
        } else if !hide {
            if let Some(Locked { element, style }) = self.printing.take() {
                let _ = match style {
                    Some(text) => element.set_attribute("style", &text),
                    None => element.remove_attribute("style"),
                };
            }
        }
    }

    /// Puts everything back: the `style` attributes exactly, then focus, then the scroll position.
    pub fn restore(&mut self) {
        if let Some(watch) = self.watch.take() {
            watch.observer.disconnect();
        }
        if let Some(Locked { element, style }) = self.printing.take() {
            let _ = match style {
                Some(text) => element.set_attribute("style", &text),
                None => element.remove_attribute("style"),
            };
        }
        for Locked { element, style } in self.locked.drain(..).rev() {
            let _ = match style {
                Some(text) => element.set_attribute("style", &text),
                None => element.remove_attribute("style"),
            };
        }
        if let Some(focused) = self.focused.take().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            if focused.is_connected() {
                let _ = focused.focus();
            }
        }
        let options = ScrollToOptions::new();
        options.set_left(self.scroll.0);
        options.set_top(self.scroll.1);
        // Instant, whatever `scroll-behavior` the page asks for: the reader should not see a scroll.
        options.set_behavior(ScrollBehavior::Instant);
        self.window.scroll_to_with_scroll_to_options(&options);
    }
}

/// The `padding-right` that keeps `<html>`'s content as wide as it is while the lock hides the
/// page's classic scrollbar (its padding plus the scrollbar's width), or `None` when there is no
/// such scrollbar (overlay scrollbars, a page that fits, quirks mode) or it may be on the left (a
/// right-to-left page). Hiding the scrollbar otherwise widens the page and Chromium lays all of it
/// out again, on opening and again on closing.
fn scrollbar_compensation(window: &Window, document: &web_sys::Document) -> Option<String> {
    if document.compat_mode() != "CSS1Compat" {
        return None;
    }
    let html = document.document_element()?;
    // `innerWidth` is a whole number of CSS pixels, as is `clientWidth` (no float formatting or
    // parsing here: either would add ~20 KB to the wasm).
    let gutter = window.inner_width().ok()?.as_f64()? as i32 - html.client_width();
    if !(1..=64).contains(&gutter) {
        return None;
    }
    let style = window.get_computed_style(&html).ok()??;
    if style.get_property_value("direction").ok()? != "ltr" {
        return None;
    }
    let padding = style.get_property_value("padding-right").ok().filter(|p| p.ends_with("px"))?;
    Some(format!("padding-right: calc({padding} + {gutter}px) !important;"))
}

/// Whether `body` could scroll once `<html>` is locked: only when the page gives it a scrolling
/// `overflow` (with `<html>` at `visible`, that value scrolled the viewport; under the lock it
/// applies to the body itself). A body at `visible` or `clip` on both axes is no scroll
/// container, and is left untouched: putting `overflow: hidden` on it would make it one, and
/// Chromium then rebuilds the paint properties of the whole page (measured: 4.5 ms of pre-paint
/// on archive-of-our-own, 1.2 ms on nytimes-1, in the frame after open and again after close).
fn could_scroll(window: &Window, body: &HtmlElement) -> bool {
    let Ok(Some(style)) = window.get_computed_style(body) else { return true };
    let fixed = |axis: &str| matches!(style.get_property_value(axis).as_deref(), Ok("visible" | "clip"));
    !(fixed("overflow-x") && fixed("overflow-y"))
}
