//! Read aloud: the article spoken by the browser's own speech synthesis (`speechSynthesis`), with
//! the sentence being read highlighted and kept in view.
//!
//! Only voices the machine has (`localService`) are offered or used: a network voice would send the
//! article's text away. The reader walks a queue — the article's paragraphs ([`READABLE`]) → their
//! sentences ([`crate::sentences`]) → one `SpeechSynthesisUtterance` per sentence, spoken one at a
//! time (Chromium's engines cut long utterances off, and one at a time makes skipping exact). Each
//! utterance carries the article's `lang`, the chosen voice and rate. Pausing cancels and resumes at
//! the start of the sentence (`speechSynthesis.pause()` does nothing with several Linux and Android
//! engines). Every utterance gets a generation number: the `end` and `error` events of one that was
//! cancelled are ignored.
//!
//! Lifecycle, driven by the overlay: [`build_controls`] adds the toolbar buttons (hidden),
//! [`attach`] starts a reader for a rendered article (buttons shown, voices listened for), [`act`]
//! and [`key`] take the buttons and shortcuts, [`configure`] the voice and speed settings,
//! [`detach`] (closing the overlay, any way) cancels speech. The reader lives in its own
//! thread-local, next to the overlay's, and owns its listeners (gloo `EventListener`s, removed when
//! dropped).
//!
//! Highlight: the CSS Custom Highlight API (`CSS.highlights`, a `Range` over the sentence, styled
//! by `::highlight(bs-speech)` in the overlay's stylesheet) where the browser has it; the paragraph
//! being read also gets the class `bs-reading` (the only mark where the API is missing).
//!
//! Keyboard (focus in the overlay, not in a field, no modifier): `p` play/pause, `[` previous
//! paragraph, `]` next paragraph.

use super::dom::{next_in_subtree, Dom};
use super::i18n::t;
use super::settings::Settings;
use crate::sentences;
use crate::words::{words, Words};
use gloo_events::EventListener;
use js_sys::Reflect;
use std::cell::RefCell;
use std::ops::Range;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement, KeyboardEvent, Node, ShadowRoot, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

// ---------------------------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------------------------

/// What is read, in order: the title, then the body's text blocks. Captions, tables and code are
/// left out (a caption read mid-story breaks the thread; a table or code read aloud is noise).
const READABLE: &str = ".bs-header .bs-title, .bs-body :is(p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote)";
/// The blocks [`READABLE`] holds inside `.bs-body`: a block holding one is read as those.
const READABLE_INSIDE: &str = "p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote";
/// Blocks inside these are not read.
const NOT_READ: &str = "figure, figcaption, table, pre";
/// The highlight's name in `CSS.highlights` (overlay.css styles `::highlight(bs-speech)`).
const HIGHLIGHT: &str = "bs-speech";
/// How long to wait for voices that have not loaded when play is pressed, in ms. Chromium fills
/// `getVoices()` asynchronously (`voiceschanged`), in well under a second here; a machine with no
/// speech engine never fires it.
const VOICES_WAIT_MS: i32 = 1500;
/// The sentence being read is kept between this fraction of the visible height from the top and
/// the bottom; outside it, it is scrolled to this fraction.
const VIEW_FRACTION: f64 = 0.3;
/// Keys (with no modifier; focus in the overlay, not in a field).
const KEY_PLAY: &str = "p";
const KEY_PREVIOUS: &str = "[";
const KEY_NEXT: &str = "]";
/// For a language tag without a region (or with a script), the regions whose voices suit it best,
/// in order: Simplified Chinese is read by a mainland Mandarin voice, then a Taiwanese one, before
/// a Cantonese (Hong Kong) one.
const PREFERRED_VOICES: &[(&str, Words)] = &[
    ("zh", words!["zh-cn", "zh-sg", "zh-tw", "zh-hk"]),
    ("zh-hans", words!["zh-cn", "zh-sg", "zh-tw", "zh-hk"]),
    ("zh-hant", words!["zh-tw", "zh-hk", "zh-cn"]),
    ("zh-cn", words!["zh-sg"]),
    ("zh-tw", words!["zh-hk"]),
    ("en", words!["en-us", "en-gb"]),
    ("pt", words!["pt-br", "pt-pt"]),
    ("es", words!["es-es", "es-mx", "es-us"]),
];

// ---------------------------------------------------------------------------------------------

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Where the reader is: paragraph, sentence of that paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Position {
    paragraph: usize,
    sentence: usize,
}

struct Reader {
    dom: Dom,
    root: ShadowRoot,
    shell: HtmlElement,
    synth: Option<SpeechSynthesis>,
    /// The article's language (its `lang`), else the browser's.
    lang: String,
    paragraphs: Vec<Element>,
    at: Position,
    playing: bool,
    /// Play was pressed once: a click on a paragraph then reads from it.
    started: bool,
    /// Play was pressed before the voices loaded.
    waiting_for_voices: bool,
    generation: u32,
    voices: Vec<SpeechSynthesisVoice>,
    voice: String,
    rate: u32,
    utterance: Vec<EventListener>,
    listeners: Vec<EventListener>,
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.utterance.clear();
        self.listeners.clear();
        if let Some(synth) = &self.synth {
            synth.cancel();
        }
        self.clear_highlight();
        self.show_state();
    }
}

/// The play/pause, previous and next buttons, appended to the toolbar, hidden until [`attach`].
pub fn build_controls(dom: &Dom, bar: &Element) -> Result<(), JsValue> {
    let group = dom.child(bar, "span", &[("class", "bs-speech"), ("role", "group"), ("aria-label", &t("readAloud")), ("hidden", "")])?;
    let button = |action: &str, key: &str, icon: &str, extra: &[(&str, &str)]| -> Result<(), JsValue> {
        let label = t(key);
        let mut attrs = vec![("type", "button"), ("class", "bs-button bs-icon"), ("data-action", action), ("aria-label", &label), ("title", &label)];
        attrs.extend_from_slice(extra);
        dom.text(&group, "button", &attrs, icon).map(|_| ())
    };
    button("speech-previous", "previousParagraph", "«", &[("aria-keyshortcuts", KEY_PREVIOUS)])?;
    button("speech-play", "readAloud", "▶", &[("aria-pressed", "false"), ("aria-keyshortcuts", KEY_PLAY)])?;
    button("speech-next", "nextParagraph", "»", &[("aria-keyshortcuts", KEY_NEXT)])?;
    Ok(())
}

/// Starts a reader for the article rendered in `root` (replacing any earlier one).
pub fn attach(dom: &Dom, root: &ShadowRoot, shell: &HtmlElement, settings: &Settings) {
    detach();
    let window = web_sys::window();
    let synth = window.as_ref().and_then(|w| w.speech_synthesis().ok()).filter(|s| !s.is_undefined() && !s.is_null());
    let lang = root
        .query_selector(".bs-article[lang]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("lang"))
        .or_else(|| window.as_ref().and_then(|w| w.navigator().language()))
        .unwrap_or_default();
    let mut reader = Reader {
        dom: Dom { document: dom.document.clone() },
        root: root.clone(),
        shell: shell.clone(),
        synth,
        lang,
        paragraphs: readable_blocks(root),
        at: Position::default(),
        playing: false,
        started: false,
        waiting_for_voices: false,
        generation: 0,
        voices: Vec::new(),
        voice: settings.voice.clone(),
        rate: settings.rate,
        utterance: Vec::new(),
        listeners: Vec::new(),
    };
    if let Some(synth) = &reader.synth {
        reader.listeners.push(EventListener::new(synth, "voiceschanged", |_| with_reader(Reader::voices_changed)));
    }
    if let Ok(Some(article)) = root.query_selector("[data-part=article]") {
        reader.listeners.push(EventListener::new(&article, "click", |event| {
            with_reader(|r| r.read_from_click(event));
        }));
    }
    if let Ok(Some(group)) = root.query_selector(".bs-speech") {
        let _ = group.remove_attribute("hidden");
    }
    reader.load_voices();
    reader.show_state();
    READER.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            *r = Some(reader);
        }
    });
}

/// Stops reading and drops the reader (closing the overlay, or a new render).
pub fn detach() {
    let taken = READER.with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.take()));
    drop(taken);
}

/// Takes a toolbar button's action; returns whether it was one of ours.
pub fn act(action: &str) -> bool {
    match action {
        "speech-play" => with_reader(Reader::toggle),
        "speech-previous" => with_reader(|r| r.skip(-1)),
        "speech-next" => with_reader(|r| r.skip(1)),
        _ => return false,
    }
    true
}

/// Takes a read-aloud shortcut; returns whether the key was one (the caller then stops it).
pub fn key(event: &KeyboardEvent) -> bool {
    if event.ctrl_key() || event.alt_key() || event.meta_key() {
        return false;
    }
    let action = match event.key().as_str() {
        "P" => "speech-play",
        KEY_PLAY => "speech-play",
        KEY_PREVIOUS => "speech-previous",
        KEY_NEXT => "speech-next",
        _ => return false,
    };
    let mut handled = false;
    with_reader(|r| handled = !r.typing() && r.available_controls());
    handled && act(action)
}

/// Takes new voice and speed settings (they apply from the next sentence).
pub fn configure(settings: &Settings) {
    with_reader(|r| {
        r.voice = settings.voice.clone();
        r.rate = settings.rate;
        r.fill_voice_select();
    });
}

fn with_reader(f: impl FnOnce(&mut Reader)) {
    READER.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            if let Some(reader) = r.as_mut() {
                f(reader);
            }
        }
    });
}

/// The blocks that are read, in order: [`READABLE`] without those in [`NOT_READ`], without blocks
/// that hold another readable block (a `<li>` with `<p>`s is read as its paragraphs), without
/// empty ones.
fn readable_blocks(root: &ShadowRoot) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(READABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .filter(|e| e.closest(NOT_READ).ok().flatten().is_none())
        .filter(|e| e.query_selector(READABLE_INSIDE).ok().flatten().is_none())
        .filter(|e| e.text_content().is_some_and(|t| !t.trim().is_empty()))
        .collect()
}

impl Reader {
    // --- voices ---------------------------------------------------------------------------

    /// The machine's own voices (network voices are never used), best for the article's language
    /// first.
    fn load_voices(&mut self) {
        let Some(synth) = &self.synth else { return };
        let mut voices: Vec<SpeechSynthesisVoice> =
            synth.get_voices().iter().map(|v| v.unchecked_into::<SpeechSynthesisVoice>()).filter(|v| v.local_service()).collect();
        let lang = self.lang.clone();
        // Stable: equally good voices keep the engine's order.
        crate::sort::sort_by_key(&mut voices, |v| std::cmp::Reverse(language_score(&lang, &v.lang())));
        self.voices = voices;
        self.fill_voice_select();
    }

    fn voices_changed(&mut self) {
        self.load_voices();
        if self.waiting_for_voices {
            self.waiting_for_voices = false;
            self.play();
        }
    }

    /// The voice to read with: the chosen one if the machine has it, else the best for the
    /// article's language, preferring the system's default among equals.
    fn pick_voice(&self) -> Option<SpeechSynthesisVoice> {
        if !self.voice.is_empty() {
            if let Some(v) = self.voices.iter().find(|v| v.voice_uri() == self.voice) {
                return Some(v.clone());
            }
        }
        let best = self.voices.first().map(|v| language_score(&self.lang, &v.lang()))?;
        let candidates = || self.voices.iter().filter(|v| language_score(&self.lang, &v.lang()) == best);
        candidates().find(|v| v.default()).or_else(|| candidates().next()).cloned()
    }

    /// The settings panel's voice list: "Automatic", then the voices (the article's language first).
    fn fill_voice_select(&self) {
        let Ok(Some(select)) = self.root.query_selector("select[data-setting=voice]") else { return };
        let Ok(select) = select.dyn_into::<HtmlSelectElement>() else { return };
        super::dom::clear(&select);
        let auto = t("voiceAutomatic");
        let _ = self.dom.text(&select, "option", &[("value", "")], &auto);
        for v in &self.voices {
            let uri = v.voice_uri();
            let _ = self.dom.text(&select, "option", &[("value", &uri), ("lang", &v.lang())], &format!("{} ({})", v.name(), v.lang()));
        }
        let known = self.voices.iter().any(|v| v.voice_uri() == self.voice);
        select.set_value(if known { &self.voice } else { "" });
    }

    // --- playing --------------------------------------------------------------------------

    fn toggle(&mut self) {
        if self.playing || self.waiting_for_voices {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Reads from the current position; says so when there is nothing to read with.
    fn play(&mut self) {
        if self.paragraphs.is_empty() {
            return;
        }
        if self.synth.is_none() {
            self.say_unavailable();
            return;
        }
        if self.voices.is_empty() {
            self.load_voices();
        }
        if self.voices.is_empty() {
            self.wait_for_voices();
            return;
        }
        self.started = true;
        self.playing = true;
        let _ = self.shell.remove_attribute("data-speech-unavailable");
        self.show_state();
        self.speak();
    }

    fn pause(&mut self) {
        self.waiting_for_voices = false;
        self.playing = false;
        self.stop_speaking();
        self.show_state();
    }

    /// Cancels what is being spoken; its late events are ignored.
    fn stop_speaking(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.utterance.clear();
        // Only when something is queued: a cancel right before the next sentence's speak() is
        // needless at a sentence's natural end.
        if let Some(synth) = self.synth.as_ref().filter(|s| s.speaking() || s.pending()) {
            synth.cancel();
        }
    }

    /// Play before the voices loaded: wait for `voiceschanged`, then give up and say so.
    fn wait_for_voices(&mut self) {
        self.waiting_for_voices = true;
        self.show_state();
        let generation = self.generation;
        let give_up = Closure::once_into_js(move || {
            with_reader(|r| {
                if r.waiting_for_voices && r.generation == generation {
                    r.waiting_for_voices = false;
                    r.load_voices();
                    if r.voices.is_empty() {
                        r.say_unavailable();
                    } else {
                        r.play();
                    }
                }
            })
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), VOICES_WAIT_MS);
        }
    }

    fn say_unavailable(&mut self) {
        self.playing = false;
        let _ = self.shell.set_attribute("data-speech-unavailable", "");
        self.show_state();
        self.status(&t("noVoices"));
    }

    /// Speaks the sentence at the current position (skipping paragraphs with nothing to say), or
    /// finishes after the last.
    fn speak(&mut self) {
        let Some((text, range)) = self.current_sentence() else {
            self.finish();
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text.get(range.clone()).unwrap_or_default()) else {
            self.say_unavailable();
            return;
        };
        self.stop_speaking();
        if !self.lang.is_empty() {
            utterance.set_lang(&self.lang);
        }
        if let Some(voice) = self.pick_voice() {
            utterance.set_voice(Some(&voice));
        }
        utterance.set_rate(self.rate as f32 / 100.0);
        let generation = self.generation;
        self.utterance.push(EventListener::new(&utterance, "end", move |_| {
            with_reader(|r| {
                if r.generation == generation && r.playing {
                    r.advance();
                }
            })
        }));
        self.utterance.push(EventListener::new(&utterance, "error", move |event| {
            let code = Reflect::get(event, &"error".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            with_reader(|r| r.failed(generation, &code));
        }));
        self.highlight(&text, range);
        if let Some(synth) = &self.synth {
            synth.speak(&utterance);
        }
    }

    /// The current paragraph's text and the current sentence's byte range in it, moving past
    /// paragraphs with no sentence; `None` after the last.
    fn current_sentence(&mut self) -> Option<(String, Range<usize>)> {
        while let Some(block) = self.paragraphs.get(self.at.paragraph) {
            let text = block.text_content().unwrap_or_default();
            if let Some(range) = sentences::split(&text).into_iter().nth(self.at.sentence) {
                return Some((text, range));
            }
            self.at = Position { paragraph: self.at.paragraph + 1, sentence: 0 };
        }
        None
    }

    fn advance(&mut self) {
        self.at.sentence += 1;
        self.speak();
    }

    fn finish(&mut self) {
        self.playing = false;
        self.stop_speaking();
        self.clear_highlight();
        self.at = Position::default();
        self.show_state();
        self.status(&t("speechDone"));
    }

    /// An utterance failed. Cancelled ones ("interrupted", "canceled") are ours; anything else
    /// stops reading and says why.
    fn failed(&mut self, generation: u32, code: &str) {
        if generation != self.generation || matches!(code, "interrupted" | "canceled") {
            return;
        }
        self.playing = false;
        self.show_state();
        self.status(&super::i18n::message("speechFailed", Some(code)));
    }

    /// To the previous (`-1`) or next (`1`) paragraph; reading goes on there if it was going on.
    fn skip(&mut self, by: isize) {
        if self.paragraphs.is_empty() {
            return;
        }
        let last = self.paragraphs.len() - 1;
        let target = (self.at.paragraph as isize + by).clamp(0, last as isize) as usize;
        self.go_to(target);
    }

    fn go_to(&mut self, paragraph: usize) {
        self.at = Position { paragraph, sentence: 0 };
        if self.playing {
            self.speak();
        } else {
            self.stop_speaking();
            // Paused: the highlight moves, reading starts there on play.
            if let Some((text, range)) = self.current_sentence() {
                self.highlight(&text, range);
            }
        }
    }

    /// A click on a paragraph once reading has started reads from there — not a click on a link
    /// or a control, not the end of a text selection, not with a modifier.
    fn read_from_click(&mut self, event: &web_sys::Event) {
        if !self.started {
            return;
        }
        let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
        if mouse.button() != 0 || mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key() {
            return;
        }
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if target.closest("a, button, select, input, summary, [data-action]").ok().flatten().is_some() || self.has_selection() {
            return;
        }
        let Some(index) = self.paragraphs.iter().position(|p| p.contains(Some(&target))) else { return };
        self.at = Position { paragraph: index, sentence: 0 };
        if self.playing {
            self.speak();
        } else {
            self.play();
        }
    }

    /// Whether the reader has text selected in the overlay (a click that ends a selection).
    fn has_selection(&self) -> bool {
        let source: JsValue = if Reflect::has(&self.root, &"getSelection".into()).unwrap_or(false) { self.root.clone().into() } else { self.dom.document.clone().into() };
        let selection = Reflect::get(&source, &"getSelection".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&source).ok())
            .filter(|s| s.is_object());
        selection.is_some_and(|s| !String::from(js_sys::Object::from(s).to_string()).trim().is_empty())
    }

    // --- what the reader sees -------------------------------------------------------------

    /// The play button's pressed state and the shell's `data-speech` (`playing`, `paused`,
    /// `waiting`, or none).
    fn show_state(&self) {
        let state = if self.waiting_for_voices {
            Some("waiting")
        } else if self.playing {
            Some("playing")
        } else if self.started {
            Some("paused")
        } else {
            None
        };
        match state {
            Some(s) => {
                let _ = self.shell.set_attribute("data-speech", s);
            }
            None => {
                let _ = self.shell.remove_attribute("data-speech");
            }
        }
        if let Ok(Some(button)) = self.root.query_selector("[data-action=speech-play]") {
            let pressed = self.playing || self.waiting_for_voices;
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            button.set_text_content(Some(if pressed { "❚❚" } else { "▶" }));
        }
    }

    fn available_controls(&self) -> bool {
        !self.paragraphs.is_empty()
    }

    /// Whether focus is in a field, where keys are typing.
    fn typing(&self) -> bool {
        self.root.active_element().is_some_and(|e| {
            matches!(e.local_name().as_str(), "input" | "select" | "textarea")
                || e.dyn_ref::<HtmlElement>().is_some_and(|h| h.is_content_editable())
        })
    }

    fn status(&self, text: &str) {
        if let Ok(Some(status)) = self.root.query_selector(".bs-status") {
            status.set_text_content(Some(text));
            let _ = status.remove_attribute("data-copied");
        }
    }

    /// Marks the sentence `range` (bytes of `text`, the current paragraph's text) and scrolls it
    /// into view.
    fn highlight(&self, text: &str, range: Range<usize>) {
        self.clear_highlight();
        let Some(block) = self.paragraphs.get(self.at.paragraph) else { return };
        let _ = block.class_list().add_1("bs-reading");
        let utf16 = |byte: usize| text.get(..byte).map_or(0, |s| s.encode_utf16().count()) as u32;
        let dom_range = text_range(&self.dom, block, utf16(range.start), utf16(range.end));
        if let Some(r) = &dom_range {
            set_highlight(Some(r));
        }
        self.keep_in_view(dom_range.map(|r| r.get_bounding_client_rect()).unwrap_or_else(|| block.get_bounding_client_rect()));
    }

    fn clear_highlight(&self) {
        set_highlight(None);
        if let Ok(list) = self.root.query_selector_all(".bs-reading") {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.class_list().remove_1("bs-reading");
                }
            }
        }
    }

    /// Scrolls the shell when `rect` is not between the sticky bars and the bottom of the window
    /// (instantly when the reader asked for reduced motion).
    fn keep_in_view(&self, rect: web_sys::DomRect) {
        let Some(window) = web_sys::window() else { return };
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let mut top = 0.0f64;
        for selector in [".bs-bar", ".bs-settings:not([hidden])"] {
            if let Ok(Some(bar)) = self.root.query_selector(selector) {
                top = top.max(bar.get_bounding_client_rect().bottom());
            }
        }
        let visible = (height - top).max(1.0);
        let inside = rect.top() >= top + 8.0 && rect.bottom() <= height - 8.0;
        if inside || height <= 0.0 {
            return;
        }
        let options = web_sys::ScrollToOptions::new();
        options.set_top(rect.top() - (top + visible * VIEW_FRACTION));
        let reduced = window.match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches());
        options.set_behavior(if reduced { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
        self.shell.scroll_by_with_scroll_to_options(&options);
    }
}

/// A DOM range over UTF-16 offsets `start..end` of `block`'s text (its text nodes in order, walked
/// with an explicit cursor, no recursion).
fn text_range(dom: &Dom, block: &Element, start: u32, end: u32) -> Option<web_sys::Range> {
    let range = dom.document.create_range().ok()?;
    let root: &Node = block;
    let (mut seen, mut started, mut node) = (0u32, false, root.first_child());
    while let Some(current) = node {
        if current.node_type() == Node::TEXT_NODE {
            let length = current.text_content().unwrap_or_default().encode_utf16().count() as u32;
            if !started && start <= seen + length {
                range.set_start(&current, start - seen).ok()?;
                started = true;
            }
            if started && end <= seen + length {
                range.set_end(&current, end - seen).ok()?;
                return Some(range);
            }
            seen += length;
        }
        node = next_in_subtree(root, &current);
    }
    None
}


/// Sets (or with `None` removes) the `bs-speech` highlight in `CSS.highlights`, where there is one.
fn set_highlight(range: Option<&web_sys::Range>) {
    let global = js_sys::global();
    let Some(highlights) = Reflect::get(&global, &"CSS".into()).ok().filter(|c| c.is_object()).and_then(|css| Reflect::get(&css, &"highlights".into()).ok()).filter(|h| h.is_object()) else {
        return;
    };
    let call = |method: &str, args: &js_sys::Array| {
        if let Ok(f) = Reflect::get(&highlights, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = Reflect::apply(&f, &highlights, args);
        }
    };
    match range {
        None => call("delete", &js_sys::Array::of1(&HIGHLIGHT.into())),
        Some(range) => {
            let Some(class) = Reflect::get(&global, &"Highlight".into()).ok().and_then(|c| c.dyn_into::<js_sys::Function>().ok()) else { return };
            if let Ok(highlight) = Reflect::construct(&class, &js_sys::Array::of1(range)) {
                call("set", &js_sys::Array::of2(&HIGHLIGHT.into(), &highlight));
            }
        }
    }
}

/// How well a voice of language `voice` reads text in language `article` (BCP 47 tags, any case,
/// `_` or `-`): 0 not at all (another language), then same language, a preferred region
/// ([`PREFERRED_VOICES`]), the same tag without its script, the very same tag.
pub fn language_score(article: &str, voice: &str) -> u32 {
    let norm = |s: &str| s.trim().to_ascii_lowercase().replace('_', "-");
    let (a, v) = (norm(article), norm(voice));
    let primary = |s: &str| s.split('-').next().unwrap_or("").to_owned();
    if a.is_empty() || v.is_empty() || primary(&a) != primary(&v) {
        return 0;
    }
    if a == v {
        return 100;
    }
    // zh-Hans-CN against zh-CN: the same but for the script.
    let parts: Vec<&str> = a.split('-').collect();
    if parts.len() == 3 && parts[1].len() == 4 && format!("{}-{}", parts[0], parts[2]) == v {
        return 95;
    }
    let preferred = PREFERRED_VOICES.iter().find(|(tag, _)| *tag == a).or_else(|| PREFERRED_VOICES.iter().find(|(tag, _)| *tag == primary(&a)));
    if let Some(rank) = preferred.and_then(|(_, regions)| regions.iter().position(|r| *r == v)) {
        return 90 - rank as u32;
    }
    50
}
