//! "Pick the content": when the extraction chose the wrong block (or judged the page not to be an
//! article), the reader points at the article's container on the page itself.
//!
//! While picking, the overlay's host stays on the page in the `picking` state: the reader column
//! is hidden, the host lets the pointer through, and page scrolling is unlocked, so the reader sees
//! and scrolls the page as it is. Inside our own shadow root a banner says what to do (the pointer
//! passes through it except on its Cancel button, so text under it can still be picked) and a
//! positioned box (`pointer-events: none`) outlines the candidate block — the page's own elements
//! and styles are never touched. Listeners (gloo `EventListener`s, removed when the [`Session`]
//! drops) sit on the window in the capture phase, ahead of the page's handlers:
//! - pointer moves find the candidate from the event's real target ([`candidate_trail`]);
//! - a click chooses it; clicks, presses and hovers are stopped (`preventDefault` and
//!   `stopImmediatePropagation`) so the page never sees them — a link is not followed, a menu does
//!   not open;
//! - Escape cancels; ArrowUp / ArrowDown widen or narrow the candidate; Enter chooses it (keyboard
//!   users start from the block in the middle of the viewport).
//!
//! The choice leaves as a [`Selector`] written from the live DOM by the rules the snapshot counts
//! by ([`live_selector`]): steps from `documentElement`, `nth-child` among element children with
//! Broadsheet's host left out, an open shadow root's elements before the host's light children,
//! ids and classes only when [`selector::is_stable_name`] says they look stable. The overlay
//! re-snapshots the page and analyzes it with that container ([`crate::Options::container`]): the
//! core resolves the selector, so the snapshot's internals do not matter here. An element in a
//! closed shadow root is picked as its host (the snapshot cannot read inside); inside SVG or
//! MathML, as the nearest HTML block around it.
//!
//! The choice can be remembered for the site: `chrome.storage.local` under [`STORAGE_KEY`] holds
//! one object mapping `location.host` to the selector text, and nothing else. On open, a stored
//! selector that resolves is used at once, with a note ("Using your choice for this site —
//! Reset", `[data-part=site-choice]`); one that no longer resolves leaves the automatic extraction
//! with a small note offering to reset it.

use super::dom::Dom;
use super::i18n::t;
use crate::selector::{self, Selector, Step};
use crate::snapshot::Tag;
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, Node, ShadowRoot};

/// The `chrome.storage.local` key of the host → selector map.
pub const STORAGE_KEY: &str = "broadsheetSiteChoices";

/// Elements a candidate climbs past to reach their container: the parts a story is made of. A
/// click on a paragraph means "this article", not "this paragraph" (ArrowDown narrows again).
fn is_story_part(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Li | Tag::Ul | Tag::Ol | Tag::Dl
            | Tag::Dt | Tag::Dd | Tag::Blockquote | Tag::Pre | Tag::Figure | Tag::Figcaption | Tag::Picture | Tag::Img
            | Tag::Table | Tag::Thead | Tag::Tbody | Tag::Tfoot | Tag::Tr | Tag::Td | Tag::Th | Tag::Caption
            | Tag::Hr | Tag::Address | Tag::Details | Tag::Summary | Tag::Video | Tag::Audio
    )
}

/// Elements that hold blocks: a `div` holding none of these is a paragraph too.
fn holds_blocks(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Div | Tag::P | Tag::Section | Tag::Article | Tag::Main | Tag::Ul | Tag::Ol | Tag::Dl | Tag::Table
            | Tag::Blockquote | Tag::Pre | Tag::Figure | Tag::Header | Tag::Footer | Tag::Aside | Tag::Nav | Tag::Form
            | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
    )
}

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// What the picker hands back to the overlay.
pub enum Outcome {
    /// The reader chose this container.
    Chosen(Selector),
    /// The reader cancelled; the overlay goes back to its `previous` state.
    Cancelled { previous: String },
}

/// A picking session: the banner and box in our shadow root, the listeners, the candidate.
pub struct Session {
    host: Element,
    banner: Element,
    outline: HtmlElement,
    listeners: Vec<EventListener>,
    /// Blocks from the one under the pointer (index 0) up to the `<body>`.
    trail: Vec<Element>,
    /// Which of them is the candidate.
    level: usize,
    /// The element the trail was built from (a move over the same element changes nothing).
    from: Option<Element>,
    /// The overlay's state before picking, for a cancel.
    previous: String,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.listeners.clear();
        self.banner.remove();
        self.outline.remove();
    }
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Whether the reader is picking.
pub fn is_active() -> bool {
    SESSION.with(|s| s.try_borrow().map(|s| s.is_some()).unwrap_or(true))
}

/// Ends a session without an outcome (the overlay is closing).
pub fn stop() {
    let taken = SESSION.with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.take()));
    drop(taken);
}

/// Starts picking: the banner and the outline box go into `root`, the listeners onto the window.
/// `theme` is the reader's theme, for the banner. The overlay has set the host's `picking` state.
pub fn start(dom: &Dom, root: &ShadowRoot, host: &Element, previous: String, theme: &str) -> Result<(), JsValue> {
    stop();
    let window = web_sys::window().ok_or("no window")?;
    let banner = dom.child(root, "div", &[("class", "bs-pick-banner"), ("role", "status"), ("aria-live", "polite"), ("tabindex", "-1"), ("data-theme", theme)])?;
    dom.text(&banner, "strong", &[], &t("pickHint"))?;
    dom.text(&banner, "span", &[("class", "bs-pick-keys")], &t("pickKeys"))?;
    let cancel = dom.text(&banner, "button", &[("type", "button"), ("class", "bs-button bs-small"), ("data-action", "pick-cancel")], &t("pickCancel"))?;
    let outline = dom.child(root, "div", &[("class", "bs-pick-box"), ("data-theme", theme), ("hidden", "")])?.unchecked_into::<HtmlElement>();
    let mut session = Session { host: host.clone(), banner: banner.clone(), outline, listeners: Vec::new(), trail: Vec::new(), level: 0, from: None, previous };
    session.listen(&window, &cancel);
    if let Some(b) = banner.dyn_ref::<HtmlElement>() {
        let _ = b.focus();
    }
    SESSION.with(|s| s.replace(Some(session)));
    Ok(())
}

impl Session {
    fn listen(&mut self, window: &web_sys::Window, cancel: &Element) {
        let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        // Hover: the candidate follows the pointer; the page's own hover handlers do not run.
        for kind in ["pointermove", "mousemove", "pointerover", "pointerout", "mouseover", "mouseout", "pointerenter", "pointerleave", "mouseenter", "mouseleave"] {
            let host = self.host.clone();
            self.listeners.push(EventListener::new_with_options(window, kind, capture, move |event| {
                if is_ours(event, &host) {
                    return;
                }
                event.stop_immediate_propagation();
                if let Some(target) = page_target(event) {
                    with_session(|s| s.hover(&target));
                }
            }));
        }
        // Presses: nothing reaches the page (no focus change, no selection, no link followed).
        for kind in ["pointerdown", "pointerup", "mousedown", "mouseup", "dblclick", "auxclick"] {
            let host = self.host.clone();
            self.listeners.push(EventListener::new_with_options(window, kind, capture, move |event| {
                if !is_ours(event, &host) {
                    event.prevent_default();
                    event.stop_immediate_propagation();
                }
            }));
        }
        // A click chooses.
        let host = self.host.clone();
        self.listeners.push(EventListener::new_with_options(window, "click", capture, move |event| {
            if is_ours(event, &host) {
                return;
            }
            event.prevent_default();
            event.stop_immediate_propagation();
            if let Some(target) = page_target(event) {
                with_session(|s| s.hover(&target));
            }
            finish(true);
        }));
        // Keys: Escape cancels, arrows widen and narrow, Enter chooses; none reaches the page.
        let host = self.host.clone();
        self.listeners.push(EventListener::new_with_options(window, "keydown", capture, move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            let on_button = is_ours(event, &host)
                && host.shadow_root().and_then(|r| r.active_element()).is_some_and(|a| a.local_name() == "button");
            match key.key().as_str() {
                // Tab moves within the overlay (its focus trap, further on).
                "Tab" => return,
                "Enter" | " " if on_button => return,
                "Escape" => finish(false),
                "ArrowUp" => with_session(|s| s.widen(1)),
                "ArrowDown" => with_session(|s| s.widen(-1)),
                "Enter" => finish(true),
                _ => {}
            }
            if !key.ctrl_key() && !key.meta_key() {
                event.prevent_default();
            }
            event.stop_immediate_propagation();
        }));
        // The box follows the block when the page scrolls or the window resizes.
        let passive = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
        for kind in ["scroll", "resize"] {
            self.listeners.push(EventListener::new_with_options(window, kind, passive, |_| with_session(|s| s.draw())));
        }
        self.listeners.push(EventListener::new(cancel, "click", |_| finish(false)));
        // Keyboard users start from the block in the middle of the viewport.
        let (w, h) = (window.inner_width().ok().and_then(|v| v.as_f64()), window.inner_height().ok().and_then(|v| v.as_f64()));
        if let (Some(w), Some(h), Some(document)) = (w, h, window.document()) {
            if let Some(middle) = document.element_from_point((w / 2.0) as f32, (h / 2.0) as f32) {
                if middle != self.host {
                    self.hover(&middle);
                }
            }
        }
    }

    /// The pointer is over `target`: rebuild the trail and outline the default candidate.
    fn hover(&mut self, target: &Element) {
        if self.from.as_ref() == Some(target) {
            return;
        }
        self.from = Some(target.clone());
        self.trail = candidate_trail(target, &self.host);
        self.level = default_level(&self.trail);
        self.draw();
    }

    /// Moves the candidate up (`+1`) or down (`-1`) the trail.
    fn widen(&mut self, by: i32) {
        if self.trail.is_empty() {
            return;
        }
        let max = self.trail.len() - 1;
        self.level = if by > 0 { (self.level + 1).min(max) } else { self.level.saturating_sub(1) };
        self.draw();
    }

    fn candidate(&self) -> Option<&Element> {
        self.trail.get(self.level)
    }

    /// Places the outline box over the candidate (in viewport coordinates: the box is fixed).
    fn draw(&self) {
        let Some(candidate) = self.candidate() else {
            let _ = self.outline.set_attribute("hidden", "");
            return;
        };
        let r = candidate.get_bounding_client_rect();
        let style = self.outline.style();
        let _ = style.set_property("left", &px(r.left()));
        let _ = style.set_property("top", &px(r.top()));
        let _ = style.set_property("width", &px(r.width()));
        let _ = style.set_property("height", &px(r.height()));
        let _ = self.outline.remove_attribute("hidden");
        let _ = self.outline.set_attribute("data-tag", &candidate.local_name());
    }
}

/// A CSS length in pixels to 1/100 px, written with integers: formatting an `f64` pulls about
/// 14 KB of float printing into the wasm.
fn px(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64; // `as` saturates; NaN becomes 0
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}px", abs / 100, abs % 100)
}

/// Runs `f` on the session, if any (and if it is not already in use).
fn with_session(f: impl FnOnce(&mut Session)) {
    SESSION.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if let Some(session) = s.as_mut() {
                f(session);
            }
        }
    });
}

/// Ends the session: `choose` takes the candidate (when there is one; otherwise nothing happens).
fn finish(choose: bool) {
    let outcome = SESSION.with(|s| {
        let s = s.try_borrow().ok()?;
        let session = s.as_ref()?;
        if choose {
            let candidate = session.candidate()?;
            live_selector(candidate, &session.host).map(Outcome::Chosen)
        } else {
            Some(Outcome::Cancelled { previous: session.previous.clone() })
        }
    });
    let Some(outcome) = outcome else { return };
    stop();
    super::overlay::finish_picking(outcome);
}

/// Whether the event happened inside Broadsheet's host (its banner): the host is the target the
/// window sees for anything in our shadow root.
fn is_ours(event: &Event, host: &Element) -> bool {
    event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|e| &e == host)
}

/// The page element the event really happened on: the first element of its composed path (inside
/// a page's open shadow root too; a closed one shows only its host).
fn page_target(event: &Event) -> Option<Element> {
    let path = event.composed_path();
    (0..path.length()).find_map(|i| path.get(i).dyn_into::<Element>().ok())
}

/// The element's parent in the snapshot's tree: the parent element, or the host for the top of an
/// open shadow root.
fn tree_parent(element: &Element) -> Option<Element> {
    if let Some(parent) = element.parent_element() {
        return Some(parent);
    }
    let root = element.parent_node()?.dyn_into::<ShadowRoot>().ok()?;
    Some(root.host())
}

/// Whether the page lays `element` out as a block (not inline, not `display: contents`/`none`).
fn is_block(window: &web_sys::Window, element: &Element) -> bool {
    let display = window.get_computed_style(element).ok().flatten().and_then(|s| s.get_property_value("display").ok()).unwrap_or_default();
    !(display.is_empty() || display.starts_with("inline") || display == "contents" || display == "none")
}

fn tag_of(element: &Element) -> Tag {
    Tag::from_name(&element.local_name())
}

/// The blocks from the one holding `target` up to the `<body>`, innermost first. Anything inside
/// SVG or MathML counts from the HTML around it; the page's `<html>` and our host never count.
pub fn candidate_trail(target: &Element, host: &Element) -> Vec<Element> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let mut trail: Vec<Element> = Vec::new();
    let mut at = Some(target.clone());
    while let Some(element) = at {
        if &element == host {
            return Vec::new();
        }
        let tag = tag_of(&element);
        if tag == Tag::Html {
            break;
        }
        if element.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
            // The snapshot keeps foreign elements without their insides.
            trail.clear();
        } else if tag == Tag::Body || is_block(&window, &element) {
            trail.push(element.clone());
        }
        if tag == Tag::Body {
            break;
        }
        at = tree_parent(&element);
    }
    trail
}

/// The first block of the trail that is a container: past the story's parts and paragraph-like
/// `div`s, and holding some text.
fn default_level(trail: &[Element]) -> usize {
    let is_container = |e: &Element| {
        let tag = tag_of(e);
        if is_story_part(tag) {
            return false;
        }
        let mut child = e.first_element_child();
        let mut holds = tag == Tag::Body;
        while let (false, Some(c)) = (holds, child) {
            holds = holds_blocks(tag_of(&c));
            child = c.next_element_sibling();
        }
        holds && e.text_content().is_some_and(|t| !t.trim().is_empty())
    };
    trail.iter().position(is_container).unwrap_or(trail.len().saturating_sub(1))
}

/// The 1-based position of `element` among the element children from `first` on, leaving `skip`
/// out.
fn position_from(first: Option<Element>, element: &Element, skip: Option<&Element>) -> Option<u32> {
    let mut n = 0u32;
    let mut at = first;
    while let Some(e) = at {
        if Some(&e) != skip {
            n += 1;
            if &e == element {
                return Some(n);
            }
        }
        at = e.next_element_sibling();
    }
    None
}

/// The selector for a live element, counted as the snapshot counts (see the module's notes).
/// `None` inside a closed shadow root or a detached element.
pub fn live_selector(element: &Element, host: &Element) -> Option<Selector> {
    let mut steps: Vec<Step> = Vec::new();
    let mut at = element.clone();
    loop {
        let parent_node = at.parent_node()?;
        let (nth, next) = match parent_node.node_type() {
            Node::DOCUMENT_NODE => (1, None),
            Node::DOCUMENT_FRAGMENT_NODE => {
                let root = parent_node.dyn_into::<ShadowRoot>().ok()?;
                let shadow_host = root.host();
                // Only an open root (the one `shadowRoot` shows) is in the snapshot.
                if shadow_host.shadow_root().as_ref() != Some(&root) {
                    return None;
                }
                (position_from(root.first_element_child(), &at, None)?, Some(shadow_host))
            }
            Node::ELEMENT_NODE => {
                let parent = parent_node.unchecked_into::<Element>();
                // An open shadow root's elements come first (when it has any child at all).
                let shadow = parent.shadow_root().filter(|r| r.first_child().is_some()).map_or(0, |r| r.child_element_count());
                let top = parent.parent_node().is_some_and(|p| p.node_type() == Node::DOCUMENT_NODE);
                let skip = if top { Some(host) } else { None };
                (shadow + position_from(parent.first_element_child(), &at, skip)?, Some(parent))
            }
            _ => return None,
        };
        steps.push(Step::new(&at.local_name(), at.get_attribute("id").as_deref(), at.get_attribute("class").as_deref(), nth));
        match next {
            Some(parent) => at = parent,
            None => break,
        }
    }
    steps.reverse();
    Some(Selector { steps })
}

// ---- The site's remembered choice -------------------------------------------------------------

/// What the overlay shows: the automatic extraction, or a container the reader chose.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Picked now, not remembered (yet).
    Picked(Selector),
    /// Remembered for this site (picked now and remembered, or stored from before).
    Remembered(Selector),
    /// A stored choice that no longer resolves on this page: the extraction chose by itself.
    Stale,
}

/// `location.host` ("" for pages without one, which cannot remember a choice).
pub fn site() -> String {
    web_sys::window().and_then(|w| w.location().host().ok()).unwrap_or_default()
}

/// The stored host → selector map (an empty object when there is none).
async fn stored_map() -> Object {
    let Some(promise) = super::settings::call("get", &STORAGE_KEY.into()) else { return Object::new() };
    let Ok(items) = wasm_bindgen_futures::JsFuture::from(promise).await else { return Object::new() };
    Reflect::get(&items, &STORAGE_KEY.into()).ok().filter(|v| v.is_object() && !js_sys::Array::is_array(v)).map(|v| v.unchecked_into()).unwrap_or_default()
}

/// The stored choice for `site`, if any (text that does not parse counts as none).
pub async fn stored_for(site: &str) -> Option<Selector> {
    if site.is_empty() {
        return None;
    }
    let map: JsValue = stored_map().await.into();
    let text = Reflect::get(&map, &site.into()).ok()?.as_string()?;
    selector::parse(&text).ok()
}

/// Stores (`Some`) or removes (`None`) the choice for `site`; fire and forget.
pub fn store(site: String, choice: Option<Selector>) {
    if site.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let map = stored_map().await;
        let _ = match &choice {
            Some(s) => Reflect::set(&map, &site.as_str().into(), &s.to_string().into()),
            None => Reflect::delete_property(&map, &site.as_str().into()),
        };
        let items = Object::new();
        if Reflect::set(&items, &STORAGE_KEY.into(), &map).is_ok() {
            if let Some(promise) = super::settings::call("set", &items) {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
        }
    });
}

/// Fills the `[data-part=site-choice]` note for `choice` (hidden when there is none).
pub fn render_note(dom: &Dom, note: &Element, choice: Option<&Choice>) {
    super::dom::clear(note);
    let Some(choice) = choice else {
        let _ = note.set_attribute("hidden", "");
        let _ = note.remove_attribute("data-choice");
        return;
    };
    let _ = note.remove_attribute("hidden");
    let can_remember = !site().is_empty();
    let (kind, text, buttons): (&str, String, Vec<(&str, String)>) = match choice {
        Choice::Picked(_) => {
            let mut b = Vec::new();
            if can_remember {
                b.push(("remember-choice", t("rememberChoice")));
            }
            b.push(("reset-choice", t("undoChoice")));
            ("picked", t("choicePicked"), b)
        }
        Choice::Remembered(_) => ("remembered", t("choiceRemembered"), vec![("reset-choice", t("resetChoice"))]),
        Choice::Stale => ("stale", t("choiceStale"), vec![("reset-choice", t("resetChoice"))]),
    };
    let _ = note.set_attribute("data-choice", kind);
    let _ = dom.text(note, "span", &[], &text);
    for (action, label) in buttons {
        let _ = dom.text(note, "button", &[("type", "button"), ("class", "bs-button bs-small"), ("data-action", action)], &label);
    }
}

/// The note's element, placed before the article column (hidden until there is a choice).
pub fn build_note(dom: &Dom, article: &Element) -> Result<Element, JsValue> {
    let note = dom.el("div", &[("class", "bs-site-choice"), ("data-part", "site-choice"), ("role", "status"), ("hidden", "")])?;
    article.parent_node().ok_or("no column")?.insert_before(&note, Some(article))?;
    Ok(note)
}
