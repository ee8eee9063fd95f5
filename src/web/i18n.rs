//! The overlay's own words, through `chrome.i18n` (the extension's `_locales/`), in the browser's
//! language.
//!
//! [`MESSAGES`] is the one table of message keys with their English text. The English text is used
//! where `chrome.i18n` is not there (the in-browser unit tests run the overlay in a plain page); in
//! the extension the same text comes from `_locales/en/messages.json`, and an end-to-end test checks
//! that both locale files carry every key listed here with the same English wording.

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
    /// [`t`]'s answers, one slot per [`MESSAGES`] entry: each key crosses into `chrome.i18n` once
    /// per instance (an overlay asks for about 70 strings per open; where `chrome.i18n` is missing,
    /// each failed call also costs a thrown exception).
    static CACHE: std::cell::RefCell<Vec<Option<String>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The message `key` in the browser's language, with `$1` replaced by `arg`.
pub fn message(key: &str, arg: Option<&str>) -> String {
    if arg.is_none() {
        if let Some(index) = MESSAGES.iter().position(|(k, _)| *k == key) {
            let cached = CACHE.with(|c| c.borrow().get(index).cloned().flatten());
            if let Some(text) = cached {
                return text;
            }
            let text = lookup(key, None);
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() < MESSAGES.len() {
                    c.resize(MESSAGES.len(), None);
                }
                c[index] = Some(text.clone());
            });
            return text;
        }
    }
    lookup(key, arg)
}

/// [`message`] without the cache.
fn lookup(key: &str, arg: Option<&str>) -> String {
    let substitutions = arg.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let localized = get_message(key, &substitutions).ok().and_then(|v| v.as_string()).filter(|s| !s.is_empty());
    localized.unwrap_or_else(|| {
        let english = MESSAGES.iter().find(|(k, _)| *k == key).map_or(key, |(_, text)| text);
        english.replace("$1", arg.unwrap_or(""))
    })
}

/// [`message`] without a substitution.
pub fn t(key: &str) -> String {
    message(key, None)
}
