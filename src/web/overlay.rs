//! The reader overlay: a host element on the page with an open shadow root, rendered from an
//! [`Analysis`] with element creation and `textContent` only.
//!
//! Contract (end-to-end tests rely on it): the host is `#broadsheet-host`, appended to
//! `document.documentElement`, with `data-state` = `loading` | `open` | `no-article` | `error` |
//! `picking`. Inside the shadow root: `[data-part=article]`, `[data-part=outline]`,
//! `[data-part=quotes]`, `[data-part=sources]`, `[data-action=close]`, `[data-action=copy-quotes]`,
//! in every state. "Pick the content" ([`super::picker`]): `[data-action=pick]` (toolbar, and in
//! the `no-article` message), while picking `[data-action=pick-cancel]` in the banner; after a pick
//! or with a remembered choice `[data-part=site-choice]` (`data-choice` = `picked` | `remembered` |
//! `stale`) with `[data-action=remember-choice]` and `[data-action=reset-choice]`.
//!
//! Paint first, panels after: with `data-state="open"` the article (header, text, images) and the
//! image sources are painted; the outline and quotes are computed after the page had a frame to
//! paint, one per task, and while they are, the host carries `data-panels="pending"` (and the side
//! panel `aria-busy="true"`); `data-panels="ready"` once both are filled. Scripts and tests that read
//! the outline or quotes wait for `ready`. Closing, or showing another result, cancels the pending
//! panels (each show has a generation; a late step for an older one does nothing).
//!
//! Lifecycle: [`open`] 1. records the page state, 2. snapshots the live DOM (before the host is
//! in it), 3. creates the host in the `loading` state, detached, 4. reads the article, 5. renders
//! it or a message and inserts the host,
//! 6. locks page scrolling and moves focus in, 7. starts listening, 8. applies the stored settings
//! when storage answers; 9. the outline, then the quotes, each in a later task. Everything the overlay owns — host, listeners (gloo `EventListener`s,
//! removed when dropped), saved page state — lives in one [`Overlay`] kept in a thread-local;
//! [`close`] takes it out and drops it, and dropping restores the page.
//!
//! Layout: a sticky toolbar; `<main>` with the `<article>` column; an `<aside>` side panel with the
//! three sections ([`super::panels`]), a drawer at ≤ 700 px, hidden or shown by the toolbar's panel
//! button (`data-panel` on the shell). Settings ([`super::settings`]) live in a panel under the bar.

use super::kept;
use super::dom::{clear, Dom};
use super::i18n::{message, t};
use super::page::SavedPage;
use super::panels;
use super::picker::{self, Choice, Outcome};
use super::settings::{self, Settings};
use super::snapshot;
use super::speech;
use crate::article::{base_url, Piece};
use crate::snapshot::{Document, Tag};
use crate::text::fold_whitespace;
use crate::words::{words, Words};
use crate::{read_article, Analysis, Error, Options};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::{Cell, RefCell};
use crate::hash::FxHashSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement, KeyboardEvent, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The overlay's stylesheet, embedded so it applies under any page CSP (a `<style>` in a shadow root
/// created by the extension is not subject to the page's `style-src`): `extension/overlay.css`
/// without its comments and indentation (minified by build.rs).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/overlay.css"));

/// The host element's id and tag name. A plain `div`, never a custom tag: a page may define any
/// custom element name, and creating one would run the page's constructor and callbacks (and a
/// definition with `disabledFeatures = ['shadow']` refuses `attachShadow`). Page rules written for
/// `div` do not reach it: the host's `all: initial !important` comes from the shadow root, and for
/// `!important` the inner context wins the cascade.
pub const HOST_ID: &str = "broadsheet-host";
const HOST_TAG: &str = "div";

/// Viewports at most this wide show the side panel as a drawer, closed on open (overlay.css has the
/// same figure in its media query).
const DRAWER_MEDIA: &str = "(max-width: 700px)";

/// Languages written right to left, for pages that give a `lang` but no `dir`.
const RTL_LANGUAGES: Words = words!["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"];

/// What Tab may land on inside the overlay (the focus trap cycles through these).
const FOCUSABLE: &str = "button:not([disabled]), select, a[href], input, [tabindex]:not([tabindex='-1'])";

thread_local! {
    static OVERLAY: RefCell<Option<Overlay>> = const { RefCell::new(None) };
    /// The last show's number: panels computed later belong to the show that asked for them.
    static SHOWS: Cell<u32> = const { Cell::new(0) };
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
    root: ShadowRoot,
    shell: HtmlElement,
    article: Element,
    outline: Element,
    quotes: Element,
    sources: Element,
    status: Element,
    settings: Element,
}

/// An open overlay and everything it changed or holds.
pub struct Overlay {
    dom: Dom,
    host: Element,
    parts: Parts,
    snapshot: Document,
    analysis: Option<Analysis>,
    settings: Settings,
    page: SavedPage,
    listeners: Vec<EventListener>,
    /// "Pick the content": the note above the article, and the container the reader chose.
    note: Element,
    choice: Option<Choice>,
    /// Which show the current content is (see `SHOWS`).
    shown: u32,
    /// What the next press may reuse (kept.rs): the watch on the page since the walk (`None` when
    /// the snapshot cannot be reused: the walk met an open shadow root or an undefined custom
    /// element, or the picker read the page
    /// again), the analysis kept from the last close (taken by the first default show), whether
    /// the current analysis is the default reading and has its outline and quotes.
    since: Option<kept::Watch>,
    kept_analysis: Option<(Analysis, bool)>,
    default_reading: bool,
    panels_done: bool,
}

impl Drop for Overlay {
    fn drop(&mut self) {
        // Read aloud stops with the overlay, however it is closed.
        speech::detach();
        picker::stop();
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
    if super::is_dead() {
        // A panicked instance leaves the page to the content script (see `super::on_panic`).
        return false;
    }
    // Take it out first and drop it after the borrow ends: dropping runs page code (focus events).
    let Some(mut overlay) = OVERLAY.with(|o| o.try_borrow_mut().ok().and_then(|mut o| o.take())) else { return false };
    let kept = overlay.reading_to_keep();
    drop(overlay);
    if let Some((reading, since)) = kept {
        kept::keep(reading, since);
    }
    true
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
    // 2. The live DOM, before our host is in it: the walk's first visibility check then finds the
    //    page's style and layout clean instead of paying for the new host's. Or what the last
    //    close kept, when the page has not changed since (kept.rs); then watched again from here.
    let (snapshot, kept_analysis, watchable, reading) = match kept::take().filter(|_| options.is_default()) {
        Some(kept) => (kept.snapshot, kept.analysis.map(|a| (a, kept.panels_done)), true, "kept"),
        None => {
            let (snapshot, watchable) = snapshot::snapshot_noting_watchable(&document);
            (snapshot, None, watchable, "fresh")
        }
    };
    let since = watchable.then(|| kept::Watch::start(&document, HOST_ID));
    super::fault_point("snapshot");
    // 3. The host, in the loading state (its message fades in only after 150 ms: overlay.css),
    //    built detached.
    let dom = Dom { document: document.clone() };
    // (`data-reading`: whether this press read the page or reused the last reading, for scripts and tests.)
    let host = dom.el(HOST_TAG, &[("id", HOST_ID), ("data-state", State::Loading.as_str()), ("data-reading", reading)])?;
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = host.attach_shadow(&init)?;
    let settings = Settings::default();
    let parts = build_frame(&dom, &root, &settings)?;
    let note = picker::build_note(&dom, &parts.article)?;
    settings.apply(&parts.shell);
    let drawer = window.match_media(DRAWER_MEDIA).ok().flatten().is_some_and(|m| m.matches());
    set_panel(&parts, !drawer);
    dom.text(&parts.article, "p", &[("class", "bs-message bs-loading")], &t("loading"))?;
    let mut overlay = Overlay {
        dom, host, parts, snapshot, analysis: None, settings, page, listeners: Vec::new(), note, choice: None, shown: 0,
        since, kept_analysis, default_reading: false, panels_done: false,
    };
    // 4–5. Analysis and rendering, still detached; then the host goes in, once, so the page's
    //    style and layout are brought up to date once, for the finished overlay.
    let state = overlay.show(options);
    document.document_element().ok_or("no root element")?.append_child(&overlay.host)?;
    // 6. Scroll lock and focus.
    overlay.page.lock_scroll(&document);
    let _ = overlay.parts.shell.focus();
    super::fault_point("locked");
    // A page that takes our host down closes the reader cleanly (page.rs, `watch_host`).
    overlay.page.watch_host(&overlay.host);
    // 7. Listeners, owned by the overlay.
    overlay.listen(&window, &document, &root);
    OVERLAY.with(|o| o.replace(Some(overlay)));
    // 8. The stored settings, applied when storage answers.
    wasm_bindgen_futures::spawn_local(async {
        let stored = settings::load().await;
        with_overlay(|o| o.use_settings(stored, false));
    });
    // 9. The container remembered for this site, if any, replaces the automatic extraction.
    wasm_bindgen_futures::spawn_local(async {
        if let Some(stored) = picker::stored_for(&picker::site()).await {
            with_overlay(|o| o.use_stored_choice(stored));
        }
    });
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

/// A toolbar button: visible text, or an icon with a label and tooltip.
fn bar_button(dom: &Dom, bar: &Element, action: &str, label: &str, icon: Option<&str>, extra: &[(&str, &str)]) -> Result<Element, JsValue> {
    let class = if icon.is_some() { "bs-button bs-icon" } else { "bs-button" };
    let mut attrs = vec![("type", "button"), ("class", class), ("data-action", action)];
    if icon.is_some() {
        attrs.push(("aria-label", label));
        attrs.push(("title", label));
    }
    attrs.extend_from_slice(extra);
    dom.text(bar, "button", &attrs, icon.unwrap_or(label))
}

/// The frame every state shares: toolbar, settings, article column and side panel.
fn build_frame(dom: &Dom, root: &ShadowRoot, current: &Settings) -> Result<Parts, JsValue> {
    dom.text(root, "style", &[], STYLESHEET)?;
    let label = t("overlayLabel");
    let shell = dom
        .child(root, "div", &[("class", "bs-shell"), ("role", "dialog"), ("aria-modal", "true"), ("aria-label", &label), ("tabindex", "-1")])?
        .unchecked_into::<HtmlElement>();
    let bar = dom.child(&shell, "div", &[("class", "bs-bar"), ("role", "toolbar"), ("aria-label", &label)])?;
    dom.text(&bar, "span", &[("class", "bs-brand")], "Broadsheet")?;
    let status = dom.child(&bar, "span", &[("class", "bs-status"), ("role", "status"), ("aria-live", "polite")])?;
    speech::build_controls(dom, &bar)?;
    bar_button(dom, &bar, "copy-article", &t("copyArticle"), None, &[("class", "bs-button bs-wide-only")])?;
    bar_button(dom, &bar, "print", &t("print"), None, &[("class", "bs-button bs-wide-only")])?;
    bar_button(dom, &bar, "pick", &t("pick"), Some("◎"), &[])?;
    bar_button(dom, &bar, "toggle-settings", &t("settings"), Some("Aa"), &[("aria-expanded", "false"), ("aria-controls", "bs-settings")])?;
    bar_button(dom, &bar, "toggle-panel", &t("togglePanel"), Some("☰"), &[("aria-expanded", "true"), ("aria-controls", "bs-panel")])?;
    bar_button(dom, &bar, "close", &t("closeHint"), Some("×"), &[("class", "bs-button bs-icon bs-close")])?;
    let settings = settings::build_panel(dom, &shell, current)?;

    let layout = dom.child(&shell, "div", &[("class", "bs-layout")])?;
    let main = dom.child(&layout, "main", &[("class", "bs-main")])?;
    let article = dom.child(&main, "article", &[("class", "bs-article"), ("data-part", "article")])?;
    let panel = dom.child(&layout, "aside", &[("class", "bs-panel"), ("id", "bs-panel"), ("aria-label", &t("panel"))])?;
    let section = |key: &str, part: &str, tag: &str, action: Option<(&str, String)>| -> Result<Element, JsValue> {
        let heading_id = format!("bs-h-{part}");
        let s = dom.child(&panel, tag, &[("class", "bs-section"), ("aria-labelledby", &heading_id)])?;
        let head = dom.child(&s, "div", &[("class", "bs-section-head")])?;
        dom.text(&head, "h2", &[("id", &heading_id)], &t(key))?;
        if let Some((action, text)) = action {
            dom.text(&head, "button", &[("type", "button"), ("class", "bs-button bs-small"), ("data-action", action)], &text)?;
        }
        dom.child(&s, "div", &[("data-part", part)])
    };
    let outline = section("outline", "outline", "nav", None)?;
    let quotes = section("quotes", "quotes", "section", Some(("copy-quotes", t("copyQuotes"))))?;
    let sources = section("sources", "sources", "section", None)?;
    Ok(Parts { root: root.clone(), shell, article, outline, quotes, sources, status, settings })
}

/// Shows or hides the side panel (a drawer on narrow viewports).
fn set_panel(parts: &Parts, shown: bool) {
    let _ = parts.shell.set_attribute("data-panel", if shown { "shown" } else { "hidden" });
    if let Ok(Some(button)) = parts.root.query_selector("[data-action=toggle-panel]") {
        let _ = button.set_attribute("aria-expanded", if shown { "true" } else { "false" });
    }
}

/// The writing direction for the page's `dir`, or its language when it gives none.
fn direction(dir: Option<&str>, lang: Option<&str>) -> Option<&'static str> {
    match dir.map(str::trim) {
        Some(d) if d.eq_ignore_ascii_case("rtl") => Some("rtl"),
        Some(d) if d.eq_ignore_ascii_case("ltr") => Some("ltr"),
        _ => {
            let primary = lang?.split(['-', '_']).next()?.to_ascii_lowercase();
            RTL_LANGUAGES.contains(&primary).then_some("rtl")
        }
    }
}

impl Overlay {
    /// What the next press may reuse, taken out as the overlay closes (see kept.rs): the snapshot,
    /// and the analysis when it is the default reading and on screen.
    fn reading_to_keep(&mut self) -> Option<(kept::Reading, kept::Watch)> {
        let since = self.since.take()?;
        let shown = self.host.get_attribute("data-state").as_deref() == Some(State::Open.as_str());
        let analysis = self.analysis.take().filter(|_| self.default_reading && shown);
        let panels_done = self.panels_done && analysis.is_some();
        let snapshot = std::mem::replace(&mut self.snapshot, crate::snapshot::Builder::new(None).finish());
        Some((kept::Reading { snapshot, analysis, panels_done }, since))
    }

    /// Analyzes the snapshot and renders the result (or the message for a failure).
    fn show(&mut self, options: &Options) -> State {
        for part in [&self.parts.article, &self.parts.outline, &self.parts.quotes, &self.parts.sources] {
            clear(part);
        }
        self.analysis = None;
        let mut detail = String::new();
        let mut error_code = "render";
        self.default_reading = options.is_default();
        let kept = self.kept_analysis.take().filter(|_| self.default_reading);
        self.panels_done = kept.as_ref().is_some_and(|(_, done)| *done);
        let read = match kept {
            Some((analysis, _)) => Ok(analysis),
            None => read_article(&self.snapshot, options),
        };
        let state = match read {
            Ok(analysis) => {
                let rendered = self.render_analysis(&analysis);
                self.analysis = Some(analysis);
                match rendered {
                    Ok(()) => State::Open,
                    Err(e) => {
                        detail = e.as_string().unwrap_or_default();
                        State::Error
                    }
                }
            }
            Err(Error::NotAnArticle) => State::NoArticle,
            Err(e) => {
                detail = super::error_message(&e);
                error_code = e.code();
                State::Error
            }
        };
        if state != State::Open {
            clear(&self.parts.article);
            let _ = self.render_message(state, &detail);
        }
        let _ = self.host.set_attribute("data-state", state.as_str());
        // Which error, for scripts and tests: the core's code (`too-large`…) or `render`.
        let _ = match state {
            State::Error => self.host.set_attribute("data-error", error_code),
            _ => self.host.remove_attribute("data-error"),
        };
        // Read aloud: a reader for the rendered article, none for a message.
        if state == State::Open {
            speech::attach(&self.dom, &self.parts.root, &self.parts.shell, &self.settings);
        } else {
            speech::detach();
        }
        // The outline and quotes of this show, after the article is painted.
        self.shown = SHOWS.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        self.set_panels_pending(state == State::Open);
        if state == State::Open {
            fill_panels_later(self.shown);
        }
        state
    }

    /// `data-panels` on the host and `aria-busy` on the side panel while the outline and quotes
    /// are being computed (`data-panels` is absent for messages).
    fn set_panels_pending(&self, pending: bool) {
        let panel = self.parts.root.get_element_by_id("bs-panel");
        if pending {
            let _ = self.host.set_attribute("data-panels", "pending");
            let _ = panel.map(|p| p.set_attribute("aria-busy", "true"));
        } else {
            let _ = self.host.remove_attribute("data-panels");
            let _ = panel.map(|p| p.remove_attribute("aria-busy"));
        }
    }

    /// Computes and renders one of the later panels for show `generation`; false when that show
    /// is no longer the one on screen (nothing is done then).
    fn fill_panel(&mut self, generation: u32, panel: LaterPanel) -> bool {
        if self.shown != generation {
            return false;
        }
        let Some(analysis) = self.analysis.as_mut() else { return false };
        let rendered = match panel {
            LaterPanel::Outline => {
                if !self.panels_done {
                    analysis.outline = crate::outline_of(analysis);
                }
                clear(&self.parts.outline);
                let r = panels::render_outline(&self.dom, &self.parts.outline, analysis);
                panels::update_spy(&self.parts.root, &self.parts.shell);
                r
            }
            LaterPanel::Quotes => {
                if !self.panels_done {
                    analysis.quotes = crate::quotes_of(analysis);
                }
                clear(&self.parts.quotes);
                panels::render_quotes(&self.dom, &self.parts.quotes, analysis)
            }
        };
        if rendered.is_err() {
            let _ = self.host.set_attribute("data-panels", "error");
        }
        true
    }

    fn render_message(&self, state: State, detail: &str) -> Result<(), JsValue> {
        let (dom, article) = (&self.dom, &self.parts.article);
        let box_ = dom.child(article, "div", &[("class", "bs-notice")])?;
        if state == State::NoArticle {
            dom.text(&box_, "h1", &[("class", "bs-title")], &t("noArticle"))?;
            dom.text(&box_, "p", &[], &t("noArticleHint"))?;
            dom.text(&box_, "button", &[("type", "button"), ("class", "bs-button bs-primary"), ("data-action", "show-anyway")], &t("showAnyway"))?;
            dom.text(&box_, "button", &[("type", "button"), ("class", "bs-button"), ("data-action", "pick")], &t("pick"))?;
        } else {
            dom.text(&box_, "h1", &[("class", "bs-title")], &t("errorTitle"))?;
            if !detail.is_empty() {
                dom.text(&box_, "p", &[("class", "bs-error-detail")], detail)?;
            }
            dom.text(&box_, "p", &[], &t("errorHint"))?;
        }
        Ok(())
    }

    fn render_analysis(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let base = base_url(&self.snapshot);
        self.render_header(analysis)?;
        super::fault_point("render");
        // Built detached and attached once: one insertion into the live shadow tree instead of one
        // per node.
        let body = self.dom.el("div", &[("class", "bs-body")])?;
        let pieces = &analysis.article.pieces;
        let skip = title_heading(pieces, &self.header_title(analysis));
        render_pieces(&self.dom, &body, pieces, skip)?;
        self.parts.article.append_child(&body)?;
        // The outline and quotes come later (`fill_panels_later`).
        panels::render_sources(&self.dom, &self.parts.sources, analysis, base.as_deref())?;
        Ok(())
    }

    fn render_header(&self, analysis: &Analysis) -> Result<(), JsValue> {
        let (dom, article) = (&self.dom, &self.parts.article);
        let meta = &analysis.metadata;
        let lang = meta.lang.as_deref().filter(|l| is_language_tag(l));
        if let Some(lang) = lang {
            article.set_attribute("lang", lang)?;
        }
        // The direction goes on the shell, so the whole layout mirrors (panel on the left for RTL).
        match direction(meta.dir.as_deref(), lang) {
            Some(dir) => self.parts.shell.set_attribute("dir", dir)?,
            None => self.parts.shell.remove_attribute("dir")?,
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

    /// Takes new settings: shows them, updates the controls, and saves them when the reader chose.
    fn use_settings(&mut self, new: Settings, chosen: bool) {
        new.apply(&self.parts.shell);
        if let Ok(selects) = self.parts.settings.query_selector_all("select[data-setting]") {
            for i in 0..selects.length() {
                let Some(select) = selects.item(i).and_then(|n| n.dyn_into::<HtmlSelectElement>().ok()) else { continue };
                let Some(value) = select.get_attribute("data-setting").and_then(|name| new.value(&name)) else { continue };
                if select.value() != value {
                    select.set_value(&value);
                }
            }
        }
        speech::configure(&new);
        if chosen {
            settings::save(&new);
        }
        self.settings = new;
    }

    /// Escape, the focus trap, clicks on controls (one delegated listener), settings changes, the
    /// outline's scroll-spy, images that fail to load, and printing.
    fn listen(&mut self, window: &web_sys::Window, document: &web_sys::Document, root: &ShadowRoot) {
        let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        let host = self.host.clone();
        let trap_root = root.clone();
        let shell = self.parts.shell.clone();
        self.listeners.push(EventListener::new_with_options(document, "keydown", capture, move |event| {
            if super::is_dead() {
                return; // a panicked instance's listeners leave the page's keys alone
            }
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            if key.key() == "Escape" {
                event.prevent_default();
                event.stop_immediate_propagation();
                // Escape first closes an open settings panel, then the overlay.
                let settings_open = trap_root.get_element_by_id("bs-settings").is_some_and(|s| !s.has_attribute("hidden"));
                if settings_open {
                    with_overlay(|o| o.toggle_settings(Some(false)));
                } else {
                    close();
                }
                return;
            }
            if key.key() == "Tab" {
                trap_focus(&trap_root, &shell, key);
            }
            // Read-aloud shortcuts (p, [, ]), only for keys typed in the overlay.
            if event.target().is_some_and(|t| t.dyn_ref::<Element>() == Some(&host)) && speech::key(key) {
                event.prevent_default();
                event.stop_propagation();
                return;
            }
            if event.target().is_some_and(|t| t.dyn_ref::<Element>() == Some(&host)) {
                // Keys typed in the overlay are not the page's shortcuts.
                event.stop_propagation();
            }
        }));
        // Focus that leaves for the page (a click outside cannot happen: the overlay covers it; but
        // a script or the address bar can) is brought back.
        let host = self.host.clone();
        let shell = self.parts.shell.clone();
        self.listeners.push(EventListener::new_with_options(document, "focusin", capture, move |event| {
            if super::is_dead() {
                return;
            }
            let outside = event.target().and_then(|t| t.dyn_into::<Node>().ok()).is_some_and(|n| !host.contains(Some(&n)));
            if outside {
                let _ = shell.focus();
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
            if action == "close" {
                close();
                return;
            }
            if speech::act(&action) {
                return;
            }
            with_overlay(|o| o.act(&action, &control));
        }));
        self.listeners.push(EventListener::new(root, "change", |event| {
            let Some(select) = event.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            let Some(name) = select.get_attribute("data-setting") else { return };
            with_overlay(|o| {
                let mut next = o.settings.clone();
                next.set(&name, &select.value());
                o.use_settings(next, true);
            });
        }));
        let spy_root = root.clone();
        let scroller: Element = self.parts.shell.clone().into();
        let passive = EventListenerOptions { phase: EventListenerPhase::Bubble, passive: true };
        self.listeners.push(EventListener::new_with_options(&self.parts.shell, "scroll", passive, move |_| {
            panels::update_spy(&spy_root, &scroller);
        }));
        panels::update_spy(root, &self.parts.shell);
        // `error` does not bubble: caught on the way down. A picture that cannot load becomes a
        // small box with its description instead of an empty frame.
        let dom = Dom { document: document.clone() };
        self.listeners.push(EventListener::new_with_options(root, "error", capture, move |event| {
            let Some(img) = event.target().and_then(|t| t.dyn_into::<Element>().ok()).filter(|e| e.local_name() == "img") else { return };
            replace_broken_image(&dom, &img);
        }));
        // Printing shows the article alone: the page's body is hidden for the print only.
        self.listeners.push(EventListener::new(window, "beforeprint", |_| with_overlay(|o| o.page.hide_for_print(true, &o.dom.document))));
        self.listeners.push(EventListener::new(window, "afterprint", |_| with_overlay(|o| o.page.hide_for_print(false, &o.dom.document))));
    }

    /// What a control's `data-action` does (`close` is handled before: it drops the overlay).
    fn act(&mut self, action: &str, control: &Element) {
        if self.act_choice(action) {
            return;
        }
        let quote = || control.get_attribute("data-quote").and_then(|i| i.parse::<usize>().ok());
        let Some(analysis) = &self.analysis else {
            match action {
                "show-anyway" => {
                    self.show(&Options { force: true, ..Default::default() });
                    let _ = self.parts.shell.focus();
                }
                "toggle-panel" | "toggle-settings" | "print" => self.act_frame(action),
                _ => {}
            }
            return;
        };
        let meta = &analysis.metadata;
        match action {
            "copy-quotes" => self.copy(crate::quotes::to_clipboard_text(&analysis.quotes, meta), control),
            "copy-quotes-markdown" => self.copy(crate::quotes::to_clipboard_markdown(&analysis.quotes, meta), control),
            "copy-quote" => {
                if let Some(q) = quote().and_then(|i| analysis.quotes.get(i)) {
                    self.copy(crate::quotes::to_clipboard_text(std::slice::from_ref(q), meta), control);
                }
            }
            "copy-outline" => self.copy(crate::outline::to_markdown(&analysis.outline), control),
            "copy-credits" => self.copy(crate::images::credits_text(&analysis.images), control),
            "copy-article" => self.copy(crate::markdown::analysis_to_markdown(analysis), control),
            "jump" => self.jump(control.get_attribute("data-target").as_deref(), None),
            "jump-quote" => {
                let range = quote().and_then(|i| analysis.quotes.get(i)).map(|q| (q.start, q.end));
                self.jump(control.get_attribute("data-target").as_deref(), range);
            }
            _ => self.act_frame(action),
        }
    }

    fn act_frame(&self, action: &str) {
        match action {
            "toggle-panel" => {
                let shown = self.parts.shell.get_attribute("data-panel").as_deref() == Some("shown");
                set_panel(&self.parts, !shown);
            }
            "toggle-settings" => self.toggle_settings(None),
            "print" => {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
            _ => {}
        }
    }

    /// Opens or closes the settings panel (`None`: the other way round); focus follows.
    fn toggle_settings(&self, open: Option<bool>) {
        let panel = &self.parts.settings;
        let open = open.unwrap_or(panel.has_attribute("hidden"));
        let button = self.parts.root.query_selector("[data-action=toggle-settings]").ok().flatten();
        if open {
            let _ = panel.remove_attribute("hidden");
            if let Some(first) = panel.query_selector("select").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = first.focus();
            }
        } else {
            let _ = panel.set_attribute("hidden", "");
            if let Some(b) = button.as_ref().and_then(|b| b.dyn_ref::<HtmlElement>()) {
                let _ = b.focus();
            }
        }
        if let Some(b) = button {
            let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
    }

    /// Scrolls the article to the block `#bs-<target>` and moves focus there; for a quote, its
    /// characters `start..end` in the block are highlighted first.
    fn jump(&self, target: Option<&str>, quote: Option<(usize, usize)>) {
        let root = &self.parts.root;
        let Some(block) = target.and_then(|t| root.get_element_by_id(&format!("bs-{t}"))) else { return };
        panels::clear_highlight(root);
        let destination = match quote {
            Some((start, end)) => panels::highlight(&self.dom, &block, start, end),
            None => block,
        };
        // On a narrow viewport the drawer covers the article: close it.
        let drawer = web_sys::window().and_then(|w| w.match_media(DRAWER_MEDIA).ok().flatten()).is_some_and(|m| m.matches());
        if drawer {
            set_panel(&self.parts, false);
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(if quote.is_some() { web_sys::ScrollLogicalPosition::Center } else { web_sys::ScrollLogicalPosition::Start });
        options.set_behavior(if reduced_motion() { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
        destination.scroll_into_view_with_scroll_into_view_options(&options);
        panels::focus_quietly(&destination);
    }

    /// Copies `text`; the status line and the control itself say whether it worked.
    fn copy(&self, text: String, control: &Element) {
        let status = self.parts.status.clone();
        let control = control.clone();
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&text);
        let dom = Dom { document: self.dom.document.clone() };
        let root = self.parts.root.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if !ok {
                // A page that broke or denied the async clipboard: the older copy command.
                ok = copy_with_command(&dom, &root, &text);
            }
            status.set_text_content(Some(&t(if ok { "copied" } else { "copyFailed" })));
            let _ = status.set_attribute("data-copied", if ok { "true" } else { "false" });
            let _ = control.set_attribute("data-copied", if ok { "true" } else { "false" });
            // The feedback fades after a moment (the status line keeps its text for screen readers).
            let clear_control = Closure::once_into_js(move || {
                let _ = control.remove_attribute("data-copied");
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(clear_control.unchecked_ref(), 2000);
            }
        });
    }
}

/// Copies through a hidden textarea and `document.execCommand('copy')`.
fn copy_with_command(dom: &Dom, root: &ShadowRoot, text: &str) -> bool {
    let Ok(area) = dom.el("textarea", &[("class", "bs-copy-buffer"), ("aria-hidden", "true"), ("readonly", "")]) else { return false };
    area.set_text_content(Some(text));
    if root.append_child(&area).is_err() {
        return false;
    }
    let area = area.unchecked_into::<web_sys::HtmlTextAreaElement>();
    area.select();
    let exec = js_sys::Reflect::get(&dom.document, &"execCommand".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let ok = exec.and_then(|f| f.call1(&dom.document, &"copy".into()).ok()).is_some_and(|v| v.is_truthy());
    area.remove();
    ok
}

/// Tab and Shift+Tab cycle through the overlay's visible controls and never reach the page.
fn trap_focus(root: &ShadowRoot, shell: &HtmlElement, key: &KeyboardEvent) {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else { return };
    let visible: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()))
        .filter(|e| { let r = e.get_bounding_client_rect(); r.width() > 0.0 || r.height() > 0.0 })
        .collect();
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        key.prevent_default();
        let _ = shell.focus();
        return;
    };
    let active = root.active_element();
    let is = |e: &HtmlElement| active.as_ref().is_some_and(|a| e.is_same_node(Some(a)));
    let shift = key.shift_key();
    let wrap_to = match &active {
        // Focus is not in the overlay at all.
        None => Some(if shift { last } else { first }),
        Some(a) if shift && (is(first) || shell.is_same_node(Some(a))) => Some(last),
        Some(_) if !shift && is(last) => Some(first),
        // Anywhere else inside (a control, or a block focused by a jump), the browser's own order
        // stays within the overlay.
        _ => None,
    };
    if let Some(target) = wrap_to {
        key.prevent_default();
        let _ = target.focus();
    }
}

/// Hides an image that failed to load and puts a small box with its description in its place.
fn replace_broken_image(dom: &Dom, img: &Element) {
    if img.class_list().contains("bs-broken") {
        return;
    }
    let _ = img.class_list().add_1("bs-broken");
    let alt = img.get_attribute("alt").map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
    let text = alt.unwrap_or_else(|| t("imageUnavailable"));
    let Ok(stand_in) = dom.el("span", &[("class", "bs-missing"), ("role", "img"), ("aria-label", &text)]) else { return };
    stand_in.set_text_content(Some(&text));
    let _ = img.parent_node().map(|p| p.insert_before(&stand_in, img.next_sibling().as_ref()));
}

/// Whether the reader asked for less motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The panels computed after the article is painted, in order.
#[derive(Clone, Copy)]
enum LaterPanel {
    Outline,
    Quotes,
}

/// Fills the outline, then the quotes, for show `generation`: the first after the article had a
/// frame to paint, each in its own task so the page stays responsive in between. Stops as soon as
/// the overlay is closed, the instance died or another show replaced this one.
fn fill_panels_later(generation: u32) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut first = true;
        for panel in [LaterPanel::Outline, LaterPanel::Quotes] {
            loop {
                yield_to_page(first).await;
                first = false;
                match try_with_overlay(|o| o.fill_panel(generation, panel)) {
                    Some(true) => break,
                    Some(false) => return,
                    // Busy (a handler holds the overlay): try again in the next task.
                    None if is_open() && !super::is_dead() => continue,
                    None => return,
                }
            }
        }
        let _ = try_with_overlay(|o| {
            if o.shown == generation && o.host.get_attribute("data-panels").as_deref() == Some("pending") {
                o.panels_done = true;
                o.set_panels_pending(false);
                let _ = o.host.set_attribute("data-panels", "ready");
            }
        });
    });
}

/// Resolves in a later task: after the next frame (`after_paint`; with a timer as a fallback for
/// tabs that do not render frames), or after a zero timer.
async fn yield_to_page(after_paint: bool) {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if after_paint {
            let timer_window = window.clone();
            let on_frame = resolve.clone();
            let frame = Closure::once_into_js(move || {
                let _ = timer_window.set_timeout_with_callback_and_timeout_and_arguments_0(&on_frame, 0);
            });
            let _ = window.request_animation_frame(frame.unchecked_ref());
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, PAINT_FALLBACK_MS);
        } else {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long the panels wait for a frame before computing anyway (a hidden tab renders none).
const PAINT_FALLBACK_MS: i32 = 100;

/// Runs `f` on the open overlay: `None` when there is none, it is in use, or the instance died.
fn try_with_overlay<R>(f: impl FnOnce(&mut Overlay) -> R) -> Option<R> {
    if super::is_dead() {
        return None;
    }
    OVERLAY.with(|o| o.try_borrow_mut().ok().and_then(|mut o| o.as_mut().map(f)))
}

/// Runs `f` on the open overlay, if any (and if it is not already in use, nor the instance dead).
fn with_overlay(f: impl FnOnce(&mut Overlay)) {
    if super::is_dead() {
        return;
    }
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
/// outline, quotes and sources can jump. Links open in a new tab, without an opener.
///
/// The decisions are made here; the nodes are made by ONE call to `build` (walk.js), which takes
/// the stream as records and one string ([`BuildRecords`]): through web-sys each element cost
/// 4–8 calls out of the module, each string a UTF-8 decode of its own.
fn render_pieces(dom: &Dom, container: &Element, pieces: &[Piece], skip: Option<std::ops::Range<usize>>) -> Result<(), JsValue> {
    let mut out = BuildRecords::default();
    let mut anchored: FxHashSet<u32> = FxHashSet::default();
    let mut depth = 0usize;
    for (i, piece) in pieces.iter().enumerate() {
        if skip.as_ref().is_some_and(|s| s.contains(&i)) {
            continue;
        }
        match piece {
            Piece::Open { tag, attrs, class, source } => {
                let mut set: Vec<(&str, &str)> = attrs.iter().map(|(attr, value)| (attr.as_str(), value.as_str())).collect();
                if *tag == Tag::A && set.iter().any(|(name, _)| *name == "href") {
                    set.push(("target", "_blank"));
                    set.push(("rel", "noopener noreferrer"));
                }
                if let Some(class) = class {
                    set.push(("class", class));
                }
                let id;
                if (tag.is_block() || tag.heading_level().is_some()) && anchored.insert(source.0) {
                    id = format!("bs-{}", source.0);
                    set.push(("id", &id));
                }
                out.open(element_name(*tag), &set);
                depth += 1;
            }
            Piece::Text(text) => out.text(text),
            Piece::Close => {
                // As the element stack did: a Close with nothing open is ignored.
                if depth > 0 {
                    depth -= 1;
                    out.close();
                }
            }
        }
    }
    build(&dom.document, container, out.records, &out.text)
}

#[wasm_bindgen(module = "/src/web/walk.js")]
extern "C" {
    /// Builds the nodes `records` and `text` describe under `container` (walk.js, `build`).
    #[wasm_bindgen(catch)]
    fn build(document: &web_sys::Document, container: &Element, records: Vec<u32>, text: &str) -> Result<(), JsValue>;
}

/// The build records (walk.js, `build`, has the format): words, and every string once, in order,
/// measured in UTF-16 units (what JavaScript slices by).
#[derive(Default)]
struct BuildRecords {
    records: Vec<u32>,
    text: String,
}

impl BuildRecords {
    const CLOSE: u32 = 0;
    const OPEN: u32 = 1;
    const TEXT: u32 = 2;

    fn string(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        s.encode_utf16().count() as u32
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let length = self.string(name);
        self.records.extend([Self::OPEN, length, attrs.len() as u32]);
        for (name, value) in attrs {
            let name = self.string(name);
            let value = self.string(value);
            self.records.extend([name, value]);
        }
    }

    fn text(&mut self, text: &str) {
        let length = self.string(text);
        self.records.extend([Self::TEXT, length]);
    }

    fn close(&mut self) {
        self.records.push(Self::CLOSE);
    }
}

/// The element name for a rendered tag (the catch-all becomes a `span`).
fn element_name(tag: Tag) -> &'static str {
    match tag {
        Tag::Other => "span",
        t => t.as_str(),
    }
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

/// A plausible BCP 47 tag (letters, digits, hyphens; at most 35 characters).
fn is_language_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

// ---- Pick the content (src/web/picker.rs) ------------------------------------------------------

/// Where the picker hands its outcome back: a chosen container is read from a fresh snapshot; a
/// cancel puts the previous state back. Either way the page is locked and focus returns.
pub(super) fn finish_picking(outcome: Outcome) {
    with_overlay(|o| {
        match outcome {
            Outcome::Chosen(selector) => {
                // Read while the reader's host is in the page: no longer a reading to keep.
                o.since = None;
                o.snapshot = snapshot::snapshot(&o.dom.document, Some(&o.host));
                o.show_choice(Choice::Picked(selector));
            }
            Outcome::Cancelled { previous } => {
                let _ = o.host.set_attribute("data-state", &previous);
            }
        }
        o.page.lock_scroll(&o.dom.document);
        let _ = o.parts.shell.focus();
    });
}

impl Overlay {
    /// The note's and the picker's actions; true when `action` was one of them.
    fn act_choice(&mut self, action: &str) -> bool {
        match action {
            "pick" => self.start_picking(),
            "remember-choice" => {
                if let Some(Choice::Picked(selector)) = self.choice.clone() {
                    picker::store(picker::site(), Some(selector.clone()));
                    self.choice = Some(Choice::Remembered(selector));
                    picker::render_note(&self.dom, &self.note, self.choice.as_ref());
                    self.focus_note_button();
                }
            }
            "reset-choice" => {
                if matches!(self.choice, Some(Choice::Remembered(_) | Choice::Stale)) {
                    picker::store(picker::site(), None);
                }
                self.choice = None;
                picker::render_note(&self.dom, &self.note, None);
                self.show(&Options::default());
                let _ = self.parts.shell.focus();
            }
            _ => return false,
        }
        true
    }

    /// Hides the reader and lets the reader point at the article on the page.
    fn start_picking(&mut self) {
        let previous = self.host.get_attribute("data-state").unwrap_or_else(|| State::Open.as_str().to_owned());
        if previous == "picking" {
            return;
        }
        self.toggle_settings(Some(false));
        let _ = self.host.set_attribute("data-state", "picking");
        self.page.unlock_scroll();
        if picker::start(&self.dom, &self.parts.root, &self.host, previous.clone(), &self.settings.theme).is_err() {
            let _ = self.host.set_attribute("data-state", &previous);
            self.page.lock_scroll(&self.dom.document);
        }
    }

    /// Analyzes the current snapshot with the chosen container and shows it with its note. A
    /// container without readable text shows the error state (picking again is one click away).
    fn show_choice(&mut self, choice: Choice) {
        let selector = match &choice {
            Choice::Picked(s) | Choice::Remembered(s) => Some(s.clone()),
            Choice::Stale => None,
        };
        if let Some(selector) = selector {
            self.show(&Options { container: Some(selector), ..Default::default() });
        }
        self.choice = Some(choice);
        picker::render_note(&self.dom, &self.note, self.choice.as_ref());
    }

    /// A choice stored for this site: used when it resolves on this page (and the reader has not
    /// picked meanwhile), else the automatic extraction stays with a note offering a reset.
    fn use_stored_choice(&mut self, stored: crate::selector::Selector) {
        if self.choice.is_some() || picker::is_active() {
            return;
        }
        if crate::selector::resolve(&self.snapshot, &stored).is_some() {
            self.show_choice(Choice::Remembered(stored));
        } else {
            self.show_choice(Choice::Stale);
        }
    }

    fn focus_note_button(&self) {
        if let Some(b) = self.note.query_selector("button").ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            let _ = b.focus();
        }
    }
}
