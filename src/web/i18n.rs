//! The overlay's own words, through `chrome.i18n` (the extension's `_locales/`), in the browser's
//! language.
//!
//! [`MESSAGES`] is the one table of message keys with their English text. The English text is used
//! where `chrome.i18n` is not there (the in-browser unit tests run the overlay in a plain page); in
//! the extension the same text comes from `_locales/en/messages.json`, and an end-to-end test checks
//! that both locale files carry every key listed here with the same English wording.

use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// Message keys and their English text. `$1` is the first substitution.
pub const MESSAGES: &[(&str, &str)] = &[
    ("overlayLabel", "Broadsheet reader"),
    ("close", "Close"),
    ("closeHint", "Close the reader (Esc)"),
    ("copyQuotes", "Copy quotes"),
    ("copied", "Copied to the clipboard"),
    ("copyFailed", "Could not copy to the clipboard"),
    ("outline", "Outline"),
    ("quotes", "Quotes"),
    ("sources", "Image sources"),
    ("noOutline", "No sections found."),
    ("noQuotes", "No quotes found."),
    ("noSources", "No images in this article."),
    ("showInArticle", "Show in the article"),
    ("origin", "Origin"),
    ("readingTime", "$1 min read"),
    ("loading", "Reading the page…"),
    ("noArticle", "This page does not look like an article."),
    ("noArticleHint", "Broadsheet found no story to show here. It can still lay out the page's main text."),
    ("showAnyway", "Show it anyway"),
    ("errorTitle", "Broadsheet could not read this page."),
    ("errorHint", "The page is untouched. Close the reader to go back to it."),
    ("tooLargeNodes", "This page is too large to read: it has more than $1 elements and text nodes. Broadsheet stops there so that the tab stays responsive."),
    ("tooLargeText", "This page is too large to read: it has more than $1 MB of text. Broadsheet stops there so that the tab stays responsive."),
    ("internalError", "An internal error stopped the reader. Press the button again to retry."),
    ("copyArticle", "Copy as Markdown"),
    ("print", "Print"),
    ("copy", "Copy"),
    ("settings", "Reading settings"),
    ("togglePanel", "Show or hide the side panel"),
    ("panel", "Outline, quotes and sources"),
    ("copyOutline", "Copy outline"),
    ("copyMarkdown", "Copy as Markdown"),
    ("copyQuote", "Copy this quote"),
    ("moreQuotes", "More quotes"),
    ("copyCredits", "Copy credits"),
    ("credit", "Credit"),
    ("generated", "auto"),
    ("generatedHint", "Section found by Broadsheet: the article has no subheading here"),
    ("imageUnavailable", "Image not available"),
    ("theme", "Theme"),
    ("themeAuto", "Automatic"),
    ("themeLight", "Light"),
    ("themeSepia", "Sepia"),
    ("themeDark", "Dark"),
    ("themeContrast", "High contrast"),
    ("font", "Typeface"),
    ("fontSerif", "Serif"),
    ("fontSans", "Sans serif"),
    ("fontSize", "Text size"),
    ("columnWidth", "Column width"),
    ("lineHeight", "Line height"),
    // Read aloud (src/web/speech.rs).
    ("readAloud", "Read aloud (P)"),
    ("previousParagraph", "Previous paragraph ([)"),
    ("nextParagraph", "Next paragraph (])"),
    ("voice", "Voice"),
    ("voiceAutomatic", "Automatic (for the article's language)"),
    ("speechRate", "Reading speed"),
    ("noVoices", "Read aloud needs a speech voice on this computer, and none is installed."),
    ("speechDone", "Finished reading the article."),
    ("speechFailed", "Reading aloud stopped ($1)."),
    // Pick the content (src/web/picker.rs).
    ("pick", "Pick the content"),
    ("pickHint", "Click the article's text · Esc to cancel"),
    ("pickKeys", "↑ ↓ widen or narrow · Enter to choose"),
    ("pickCancel", "Cancel"),
    ("choicePicked", "Showing the part of the page you picked."),
    ("rememberChoice", "Remember for this site"),
    ("undoChoice", "Back to automatic"),
    ("choiceRemembered", "Using your choice for this site."),
    ("resetChoice", "Reset"),
    ("choiceStale", "Your choice for this site does not fit this page, so Broadsheet chose by itself."),
];

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    fn get_message(key: &str, substitutions: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Set once `chrome.i18n` was found missing (the in-browser tests and the benchmark page run
    /// the overlay in a plain page): there each call throws, and an open asks for some 70 strings
    /// (measured in the benchmark page: 1.5–2 ms per open, a sixth of the render). A cache of the
    /// answers was tried instead: 1.2 KB more gzipped wasm, for the extension too.
    static MISSING: Cell<bool> = const { Cell::new(false) };
}

/// The message `key` in the browser's language, with `$1` replaced by `arg`.
pub fn message(key: &str, arg: Option<&str>) -> String {
    let localized = if MISSING.with(Cell::get) {
        None
    } else {
        let substitutions = arg.map_or(JsValue::UNDEFINED, JsValue::from_str);
        match get_message(key, &substitutions) {
            Ok(v) => v.as_string().filter(|s| !s.is_empty()),
            Err(_) => {
                MISSING.with(|m| m.set(true));
                None
            }
        }
    };
    localized.unwrap_or_else(|| {
        let english = MESSAGES.iter().find(|(k, _)| *k == key).map_or(key, |(_, text)| text);
        english.replace("$1", arg.unwrap_or(""))
    })
}

/// [`message`] without a substitution.
pub fn t(key: &str) -> String {
    message(key, None)
}
