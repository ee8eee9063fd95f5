//! The reader overlay: a host element on the page with an open shadow root, rendered from an
//! [`Analysis`] with element creation and `textContent` only.
//!
//! Contract (end-to-end tests rely on it): the host is `#broadsheet-host`, appended to
//! `document.documentElement`, with `data-state` = `loading` | `open` | `no-article` | `error`.
//! Inside the shadow root: `[data-part=article]`, `[data-part=outline]`, `[data-part=quotes]`,
//! `[data-part=sources]`, `[data-action=close]`, `[data-action=copy-quotes]`, in every state.
//!
//! Lifecycle: [`open`] 1. records the page state, 2. creates the host in the `loading` state,
//! 3. snapshots the live DOM (without the host), 4. analyzes it, 5. renders the result or a message,
//! 6. locks page scrolling and moves focus in, 7. starts listening. Everything the overlay owns —
//! host, listeners (gloo `EventListener`s, removed when dropped), saved page state — lives in one
//! [`Overlay`] kept in a thread-local; [`close`] takes it out and drops it, and dropping restores the
//! page.

use super::dom::{clear, Dom};
use super::i18n::{message, t};
use super::page::SavedPage;
use super::snapshot;
use crate::article::{base_url, safe_url, Piece};
use crate::snapshot::{Document, Tag};
use crate::text::fold_whitespace;
use crate::{analyze, Analysis, Error, Options};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The overlay's stylesheet, embedded so it applies under any page CSP (a `<style>` in a shadow root
/// created by the extension is not subject to the page's `style-src`).
const STYLESHEET: &str = include_str!("../../extension/overlay.css");

/// The host element's id and tag name. A custom tag keeps page rules written for `div` off it.
pub const HOST_ID: &str = "broadsheet-host";
const HOST_TAG: &str = "broadsheet-reader";

thread_local! {
    static OVERLAY: RefCell<Option<Overlay>> = const { RefCell::new(None) };
}

/// The overlay's `data-state` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Loading,
    Open,
    NoArticle,
    Error,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Loading => "loading",
            State::Open => "open",
            State::NoArticle => "no-article",
            State::Error => "error",
        }
    }
}

/// The elements of the overlay's frame that are filled per state.
struct Parts {
    shell: HtmlElement,
    article: Element,
    outline: Element,
    quotes: Element,
    sources: Element,
    status: Element,
}

/// An open overlay and everything it changed or holds.
pub struct Overlay {
    dom: Dom,
    host: Element,
    parts: Parts,
    snapshot: Document,
    analysis: Option<Analysis>,
    page: SavedPage,
    listeners: Vec<EventListener>,
}

impl Drop for Overlay {
    fn drop(&mut self) {
        self.listeners.clear();
        self.host.remove();
        self.page.restore();
    }
}

/// Whether an overlay is open in this page.
pub fn is_open() -> bool {
    OVERLAY.with(|o| o.try_borrow().map(|o| o.is_some()).unwrap_or(true))
}

/// The current state, or `"closed"`.
pub fn state() -> String {
    OVERLAY.with(|o| match o.try_borrow().ok().as_deref() {
        Some(Some(overlay)) => overlay.host.get_attribute("data-state").unwrap_or_default(),
        _ => "closed".to_owned(),
    })
}

/// Closes the overlay, if open. Returns whether one was open.
pub fn close() -> bool {
    // Take it out first and drop it after the borrow ends: dropping runs page code (focus events).
    let taken = OVERLAY.with(|o| o.try_borrow_mut().ok().and_then(|mut o| o.take()));
    taken.is_some()
}

/// Opens the overlay (a no-op when it is open). Returns the resulting state.
pub fn open(options: &Options) -> Result<State, JsValue> {
    if is_open() {
        return Ok(State::Open);
    }
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    // 1. What closing must put back, before anything changes.
    let page = SavedPage::save(&window, &document);
    remove_stale_hosts(&document);
    // 2. The host, in the loading state.
    let dom = Dom { document: document.clone() };
    let host = dom.el(HOST_TAG, &[("id", HOST_ID), ("data-state", State::Loading.as_str())])?;
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = host.attach_shadow(&init)?;
    let parts = build_frame(&dom, &root)?;
    dom.text(&parts.article, "p", &[("class", "bs-message")], &t("loading"))?;
    document.document_element().ok_or("no root element")?.append_child(&host)?;
    // 3. The live DOM, without our host.
    let snapshot = snapshot::snapshot(&document, Some(&host));
    let mut overlay = Overlay { dom, host, parts, snapshot, analysis: None, page, listeners: Vec::new() };
    // 4–5. Analysis and rendering.
    let state = overlay.show(options);
    // 6. Scroll lock and focus.
    overlay.page.lock_scroll(&document);
    let _ = overlay.parts.shell.focus();
    // 7. Listeners, owned by the overlay.
    overlay.listen(&document, &root);
    OVERLAY.with(|o| o.replace(Some(overlay)));
    Ok(state)
}

/// Opens when closed, closes when open. Returns the state after the call.
pub fn toggle() -> Result<String, JsValue> {
    if close() {
        return Ok("closed".to_owned());
    }
    open(&Options::default()).map(|s| s.as_str().to_owned())
}

/// A host left by an earlier copy of the extension (reloaded or updated): it can no longer close.
fn remove_stale_hosts(document: &web_sys::Document) {
    while let Some(stale) = document.get_element_by_id(HOST_ID).filter(|e| e.local_name() == HOST_TAG) {
        stale.remove();
    }
}

/// The frame every state shares: toolbar, article column and side panel.
fn build_frame(dom: &Dom, root: &ShadowRoot) -> Result<Parts, JsValue> {
    dom.text(root, "style", &[], STYLESHEET)?;
    let label = t("overlayLabel");
    let shell = dom
        .child(root, "div", &[("class", "bs-shell"), ("role", "dialog"), ("aria-modal", "true"), ("aria-label", &label), ("tabindex", "-1")])?
        .unchecked_into::<HtmlElement>();
    let bar = dom.child(&shell, "div", &[("class", "bs-bar")])?;
    dom.text(&bar, "span", &[("class", "bs-brand")], "Broadsheet")?;
    let status = dom.child(&bar, "span", &[("class", "bs-status"), ("role", "status"), ("aria-live", "polite")])?;
    dom.text(&bar, "button", &[("type", "button"), ("class", "bs-button"), ("data-action", "copy-quotes")], &t("copyQuotes"))?;
    let close_label = t("closeHint");
    dom.text(&bar, "button", &[("type", "button"), ("class", "bs-button bs-close"), ("data-action", "close"), ("aria-label", &close_label), ("title", &close_label)], "×")?;

    let layout = dom.child(&shell, "div", &[("class", "bs-layout")])?;
    let article = dom.child(&layout, "article", &[("class", "bs-article"), ("data-part", "article")])?;
    let panel = dom.child(&layout, "aside", &[("class", "bs-panel")])?;
    let section = |key: &str, part: &str, tag: &str| -> Result<Element, JsValue> {
        let s = dom.child(&panel, "section", &[("class", "bs-section")])?;
        dom.text(&s, "h2", &[], &t(key))?;
        dom.child(&s, tag, &[("data-part", part)])
    };
    let outline = section("outline", "outline", "nav")?;
    let quotes = section("quotes", "quotes", "div")?;
    let sources = section("sources", "sources", "div")?;
    Ok(Parts { shell, article, outline, quotes, sources, status })
}

impl Overlay {
    /// Analyzes the snapshot and renders the result (or the message for a failure).
    fn show(&mut self, options: &Options) -> State {
        for part in [&self.parts.article, &self.parts.outline, &self.parts.quotes, &self.parts.sources] {
            clear(part);
        }
        self.analysis = None;
        let state = match analyze(&self.snapshot, options) {
            Ok(analysis) => {
                let rendered = self.render_analysis(&analysis);
                self.analysis = Some(analysis);
                match rendered {
                    Ok(()) => State::Open,
                    Err(_) => State::Error,
                }
            }
            Err(Error::NotAnArticle) => State::NoArticle,
            Err(_) => State::Error,
        };
        if state != State::Open {
            clear(&self.parts.article);
            let _ = self.render_message(state);
        }
        let _ = self.host.set_attribute("data-state", state.as_str());
        state
    }

    fn render_message(&self, state: State) -> Result<(), JsValue> {
        let (dom, article) = (&self.dom, &self.parts.article);
        let box_ = dom.child(article, "div", &[("class", "bs-notice")])?;
        if state == State::NoArticle {
            dom.text(&box_, "h1", &[("class", "bs-title")], &t("noArticle"))?;
            dom.text(&box_, "p", &[], &t("noArticleHint"))?;
            dom.text(&box_, "button", &[("type", "button"), ("class", "bs-button bs-primary"), ("data-action", "show-anyway")], &t("showAnyway"))?;
        } else {
            dom.text(&box_, "h1", &[("class", "bs-title")], &t("errorTitle"))?;
            dom.text(&box_, "p", &[], &t("errorHint"))?;
        }
        Ok(())
    }

    fn render_analysis(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let base = base_url(&self.snapshot);
        self.render_header(analysis)?;
        let body = self.dom.child(&self.parts.article, "div", &[("class", "bs-body")])?;
        let pieces = &analysis.article.pieces;
        let skip = title_heading(pieces, &self.header_title(analysis));
        render_pieces(&self.dom, &body, pieces, skip)?;
        self.render_outline(analysis)?;
        self.render_quotes(analysis)?;
        self.render_sources(analysis, base.as_deref())?;
        Ok(())
    }

    fn render_header(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let (dom, article) = (&self.dom, &self.parts.article);
        let meta = &analysis.metadata;
        if let Some(lang) = meta.lang.as_deref().filter(|l| is_language_tag(l)) {
            article.set_attribute("lang", lang)?;
        }
        if let Some(dir) = meta.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl" | "auto")) {
            article.set_attribute("dir", dir)?;
        }
        let header = dom.child(article, "header", &[("class", "bs-header")])?;
        dom.text(&header, "h1", &[("class", "bs-title")], &self.header_title(analysis))?;
        if let Some(byline) = meta.byline.as_deref().filter(|b| !b.trim().is_empty()) {
            dom.text(&header, "p", &[("class", "bs-byline")], byline.trim())?;
        }
        let mut facts: Vec<String> = Vec::new();
        facts.extend(meta.site_name.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned));
        facts.extend(meta.published.as_deref().map(|d| display_date(d, meta.lang.as_deref())).filter(|s| !s.is_empty()));
        if analysis.article.reading_minutes > 0 {
            facts.push(message("readingTime", Some(&analysis.article.reading_minutes.to_string())));
        }
        if !facts.is_empty() {
            let line = dom.child(&header, "p", &[("class", "bs-facts")])?;
            for (i, fact) in facts.iter().enumerate() {
                if i > 0 {
                    dom.text(&line, "span", &[("class", "bs-sep"), ("aria-hidden", "true")], " · ")?;
                }
                dom.text(&line, "span", &[], fact)?;
            }
        }
        Ok(())
    }

    /// The title the header shows: the page's metadata title, or its `<title>` as a last resort.
    fn header_title(&self, analysis: &Analysis) -> String {
        let title = analysis.metadata.title.trim();
        if title.is_empty() { self.dom.document.title().trim().to_owned() } else { title.to_owned() }
    }

    /// The outline as nested lists of buttons that jump to `#bs-<node>` (levels from the flat list).
    fn render_outline(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let (dom, part) = (&self.dom, &self.parts.outline);
        if analysis.outline.is_empty() {
            dom.text(part, "p", &[("class", "bs-empty")], &t("noOutline"))?;
            return Ok(());
        }
        let top_level = analysis.outline.iter().map(|e| e.level).min().unwrap_or(1);
        let top = dom.child(part, "ol", &[("class", "bs-outline")])?;
        // Open lists, innermost last: (level, list, its last item).
        let mut lists: Vec<(u8, Element, Option<Element>)> = vec![(top_level, top, None)];
        for entry in &analysis.outline {
            while lists.len() > 1 && lists.last().is_some_and(|(level, ..)| *level > entry.level) {
                lists.pop();
            }
            let deeper = lists.last().and_then(|(level, _, last)| last.clone().filter(|_| entry.level > *level));
            if let Some(parent_item) = deeper {
                let nested = dom.child(&parent_item, "ol", &[])?;
                lists.push((entry.level, nested, None));
            }
            let Some((_, list, last)) = lists.last_mut() else { break };
            let item = dom.child(list, "li", &[])?;
            let target = entry.target.0.to_string();
            let class = if entry.generated { "bs-jump bs-generated" } else { "bs-jump" };
            dom.text(&item, "button", &[("type", "button"), ("class", class), ("data-action", "jump"), ("data-target", &target)], &entry.text)?;
            *last = Some(item);
        }
        Ok(())
    }

    fn render_quotes(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let (dom, part) = (&self.dom, &self.parts.quotes);
        if analysis.quotes.is_empty() {
            dom.text(part, "p", &[("class", "bs-empty")], &t("noQuotes"))?;
            return Ok(());
        }
        let list = dom.child(part, "ul", &[("class", "bs-quotes")])?;
        for quote in &analysis.quotes {
            let item = dom.child(&list, "li", &[("class", if quote.kind == crate::quotes::Kind::Key { "bs-quote bs-key" } else { "bs-quote" })])?;
            dom.text(&item, "blockquote", &[], &format!("“{}”", quote.text.trim()))?;
            let footer = dom.child(&item, "p", &[("class", "bs-speaker")])?;
            if let Some(who) = speaker_line(quote) {
                dom.append_text(&footer, &format!("— {who} "))?;
            }
            let target = quote.target.0.to_string();
            let label = t("showInArticle");
            dom.text(&footer, "button", &[("type", "button"), ("class", "bs-link"), ("data-action", "jump"), ("data-target", &target), ("aria-label", &label), ("title", &label)], "↗")?;
        }
        Ok(())
    }

    fn render_sources(&self, analysis: &Analysis, base: Option<&str>) -> Result<(), JsValue> {
        let (dom, part) = (&self.dom, &self.parts.sources);
        if analysis.images.is_empty() {
            dom.text(part, "p", &[("class", "bs-empty")], &t("noSources"))?;
            return Ok(());
        }
        let list = dom.child(part, "ul", &[("class", "bs-sources")])?;
        for image in &analysis.images {
            let item = dom.child(&list, "li", &[("class", "bs-source")])?;
            if let Some(src) = safe_url(&image.src, base, true) {
                let alt = image.alt.as_deref().unwrap_or("");
                dom.child(&item, "img", &[("src", &src), ("alt", alt), ("loading", "lazy"), ("class", "bs-thumb")])?;
            }
            let text = dom.child(&item, "div", &[("class", "bs-source-text")])?;
            if let Some(caption) = image.caption.as_deref().filter(|c| !c.trim().is_empty()) {
                dom.text(&text, "p", &[("class", "bs-caption")], caption.trim())?;
            }
            if let Some(credit) = image.credit.as_deref().filter(|c| !c.trim().is_empty()) {
                dom.text(&text, "p", &[("class", "bs-credit")], credit.trim())?;
            }
            if let Some(origin) = safe_url(&image.origin, base, true).filter(|o| !o.starts_with("data:")) {
                let line = dom.child(&text, "p", &[("class", "bs-origin")])?;
                dom.append_text(&line, &format!("{}: ", t("origin")))?;
                let link = dom.child(&line, "a", &[("href", &origin), ("target", "_blank"), ("rel", "noopener noreferrer")])?;
                link.set_text_content(Some(host_of(&origin)));
            }
            let target = image.node.0.to_string();
            let label = t("showInArticle");
            dom.text(&text, "button", &[("type", "button"), ("class", "bs-link"), ("data-action", "jump"), ("data-target", &target), ("aria-label", &label), ("title", &label)], "↗")?;
        }
        Ok(())
    }

    /// Escape (anywhere) and clicks on the overlay's controls (one delegated listener).
    fn listen(&mut self, document: &web_sys::Document, root: &ShadowRoot) {
        let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        let host = self.host.clone();
        self.listeners.push(EventListener::new_with_options(document, "keydown", capture, move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            if key.key() == "Escape" {
                event.prevent_default();
                event.stop_immediate_propagation();
                close();
            } else if event.target().is_some_and(|t| t.dyn_ref::<Element>() == Some(&host)) {
                // Keys typed in the overlay are not the page's shortcuts.
                event.stop_propagation();
            }
        }));
        self.listeners.push(EventListener::new(root, "click", |event| {
            let Some(control) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("[data-action]").ok().flatten())
            else {
                return;
            };
            let action = control.get_attribute("data-action").unwrap_or_default();
            match action.as_str() {
                "close" => {
                    close();
                }
                "copy-quotes" => with_overlay(|o| o.copy_quotes()),
                "show-anyway" => with_overlay(|o| {
                    o.show(&Options { force: true });
                    let _ = o.parts.shell.focus();
                }),
                "jump" => with_overlay(|o| o.jump(control.get_attribute("data-target").as_deref())),
                _ => {}
            }
        }));
    }

    /// Scrolls the article to the block `#bs-<target>`.
    fn jump(&self, target: Option<&str>) {
        let Some(root) = self.host.shadow_root() else { return };
        let Some(block) = target.and_then(|t| root.get_element_by_id(&format!("bs-{t}"))) else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        let reduced = web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
            .is_some_and(|m| m.matches());
        options.set_behavior(if reduced { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
        block.scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Copies the quotes and where they come from; the status line says whether it worked.
    fn copy_quotes(&self) {
        let Some(analysis) = &self.analysis else { return };
        let text = citation_text(analysis);
        let status = self.parts.status.clone();
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            status.set_text_content(Some(&t(if ok { "copied" } else { "copyFailed" })));
            let _ = status.set_attribute("data-copied", if ok { "true" } else { "false" });
        });
    }
}

/// Runs `f` on the open overlay, if any (and if it is not already in use).
fn with_overlay(f: impl FnOnce(&mut Overlay)) {
    OVERLAY.with(|o| {
        if let Ok(mut o) = o.try_borrow_mut() {
            if let Some(overlay) = o.as_mut() {
                f(overlay);
            }
        }
    });
}

/// The range of pieces of a leading heading that repeats the title shown in the header (articles
/// often open with their own `<h1>`): the header already shows it. Only a heading before any other
/// text counts.
pub fn title_heading(pieces: &[Piece], title: &str) -> Option<std::ops::Range<usize>> {
    let title = fold_whitespace(title);
    let start = pieces.iter().position(|p| match p {
        Piece::Open { tag, .. } => matches!(tag, Tag::H1 | Tag::H2),
        Piece::Text(t) => !t.trim().is_empty(),
        Piece::Close => false,
    })?;
    if !matches!(pieces[start], Piece::Open { .. }) {
        return None;
    }
    // Find the heading's Close and gather its text.
    let (mut depth, mut text) = (0usize, String::new());
    for (i, piece) in pieces.iter().enumerate().skip(start) {
        match piece {
            Piece::Open { .. } => depth += 1,
            Piece::Text(t) => text.push_str(t),
            Piece::Close => {
                depth -= 1;
                if depth == 0 {
                    return same_title(&fold_whitespace(&text), &title).then_some(start..i + 1);
                }
            }
        }
    }
    None
}

/// Whether a heading says the same as the title: equal, or one starts with the other and the
/// shorter is at least [`TITLE_OVERLAP`] of the longer (titles carry a " - Site" suffix).
fn same_title(heading: &str, title: &str) -> bool {
    // ASCII case folding only: full Unicode case tables would add 20 KB to the wasm.
    let (h, t) = (heading.to_ascii_lowercase(), title.to_ascii_lowercase());
    if h.is_empty() || t.is_empty() {
        return false;
    }
    let (short, long) = if h.chars().count() <= t.chars().count() { (&h, &t) } else { (&t, &h) };
    h == t || (long.starts_with(short.as_str()) && short.chars().count() as f32 >= TITLE_OVERLAP * long.chars().count() as f32)
}

/// How much of the longer of heading and title the shorter must cover to count as the same
/// (Readability's `_headerDuplicatesTitle` uses a 0.75 similarity; a prefix test is stricter).
const TITLE_OVERLAP: f32 = 0.6;

/// Renders the sanitized article stream: one element per `Open`, text nodes for `Text`, leaving
/// out the pieces in `skip`. Block elements get `id="bs-<source node>"` (first one wins) so the
/// outline, quotes and sources can jump.
fn render_pieces(dom: &Dom, container: &Element, pieces: &[Piece], skip: Option<std::ops::Range<usize>>) -> Result<(), JsValue> {
    let mut open: Vec<Element> = vec![container.clone()];
    let mut anchored: HashSet<u32> = HashSet::new();
    for (i, piece) in pieces.iter().enumerate() {
        if skip.as_ref().is_some_and(|s| s.contains(&i)) {
            continue;
        }
        match piece {
            Piece::Open { tag, attrs, class, source } => {
                let element = dom.el(element_name(*tag), &[])?;
                for (attr, value) in attrs {
                    element.set_attribute(attr.as_str(), value)?;
                }
                if *tag == Tag::A && element.has_attribute("href") {
                    element.set_attribute("target", "_blank")?;
                    element.set_attribute("rel", "noopener noreferrer")?;
                }
                if let Some(class) = class {
                    element.set_attribute("class", class)?;
                }
                if (tag.is_block() || tag.heading_level().is_some()) && anchored.insert(source.0) {
                    element.set_attribute("id", &format!("bs-{}", source.0))?;
                }
                let parent: &Node = open.last().unwrap_or(container);
                parent.append_child(&element)?;
                open.push(element);
            }
            Piece::Text(text) => {
                let parent: &Node = open.last().unwrap_or(container);
                dom.append_text(parent, text)?;
            }
            Piece::Close => {
                if open.len() > 1 {
                    open.pop();
                }
            }
        }
    }
    Ok(())
}

/// The element name for a rendered tag (the catch-all becomes a `span`).
fn element_name(tag: Tag) -> &'static str {
    match tag {
        Tag::Other => "span",
        t => t.as_str(),
    }
}

/// `Speaker, role` for a quote, when known.
fn speaker_line(quote: &crate::quotes::Quote) -> Option<String> {
    let speaker = quote.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    Some(match quote.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(role) => format!("{speaker}, {role}"),
        None => speaker.to_owned(),
    })
}

/// What "copy quotes" puts on the clipboard: `“quote” — Speaker` lines, then title, site, date, URL.
fn citation_text(analysis: &Analysis) -> String {
    let mut out = String::new();
    for quote in &analysis.quotes {
        out.push('“');
        out.push_str(quote.text.trim());
        out.push('”');
        if let Some(who) = speaker_line(quote) {
            out.push_str(" — ");
            out.push_str(&who);
        }
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let meta = &analysis.metadata;
    let mut source = vec![meta.title.trim().to_owned()];
    source.extend(meta.site_name.as_deref().map(|s| s.trim().to_owned()));
    source.extend(meta.published.as_deref().map(|d| display_date(d, meta.lang.as_deref())));
    source.extend(meta.url.as_deref().map(str::to_owned));
    source.retain(|s| !s.is_empty());
    out.push_str(&source.join("\n"));
    out.push('\n');
    out
}

/// A publication date for people: ISO dates (`2024-06-19…`) as `2024年6月19日` for Chinese and
/// Japanese pages and `19 June 2024` otherwise; anything else as the page wrote it.
fn display_date(raw: &str, lang: Option<&str>) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let raw = raw.trim();
    let num = |range: std::ops::Range<usize>| raw.get(range).filter(|s| s.bytes().all(|b| b.is_ascii_digit())).and_then(|s| s.parse::<u32>().ok());
    let iso = raw.len() >= 10 && raw.as_bytes().get(4) == Some(&b'-') && raw.as_bytes().get(7) == Some(&b'-');
    match (iso, num(0..4), num(5..7), num(8..10)) {
        (true, Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => {
            let cjk = lang.is_some_and(|l| l.starts_with("zh") || l.starts_with("ja"));
            if cjk {
                format!("{y}年{m}月{d}日")
            } else {
                format!("{d} {} {y}", MONTHS[(m - 1) as usize])
            }
        }
        _ => raw.to_owned(),
    }
}

/// The host name of an http(s) URL, for link text.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// A plausible BCP 47 tag (letters, digits, hyphens; at most 35 characters).
fn is_language_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}
