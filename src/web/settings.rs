//! The reader's settings — theme, typeface, size, column width, line height, and the read-aloud
//! voice and speed — their controls, and
//! their storage in `chrome.storage.local` (as a plain object of strings and numbers, read and written field by field: no serde in the wasm).
//!
//! The overlay opens with the defaults applied, then applies the stored settings as soon as storage
//! answers (a few milliseconds, before the first paint in practice). A change in the settings panel
//! applies at once and is saved. Where `chrome.storage` is absent (the in-browser unit tests), the
//! settings simply are not saved.

use super::dom::Dom;
use super::i18n::t;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// The `chrome.storage.local` key.
const STORAGE_KEY: &str = "broadsheetSettings";

/// The choices each setting offers: (value, message key of its label). The first is the default
/// only for the theme and typeface; numeric defaults are in [`Settings::default`].
pub const THEMES: &[(&str, &str)] =
    &[("auto", "themeAuto"), ("light", "themeLight"), ("sepia", "themeSepia"), ("dark", "themeDark"), ("contrast", "themeContrast")];
pub const FONTS: &[(&str, &str)] = &[("serif", "fontSerif"), ("sans", "fontSans")];
/// Body text sizes in px (18 is the default: the column is read at arm's length).
pub const SIZES: &[u32] = &[14, 16, 18, 20, 22, 24, 28];
/// Column widths in em of the body text (about 65–75 Latin characters at 36–40 em).
pub const WIDTHS: &[u32] = &[30, 34, 38, 42, 48];
/// Line heights in tenths (1.7 is the default: between Latin 1.5–1.6 and CJK 1.8).
pub const LEADINGS: &[u32] = &[14, 15, 17, 19, 21];
/// Read-aloud speeds in percent of the voice's normal rate (0.5× to 2×, in quarter steps: past 2×
/// most engines stop getting faster, below 0.5× words fall apart).
pub const RATES: &[u32] = &[50, 75, 100, 125, 150, 175, 200];
/// The longest voice id kept (a `voiceURI`; an id longer than this is not one).
const VOICE_MAX_CHARS: usize = 200;

/// What the reader chose. Unknown or missing fields in storage fall back to the defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub theme: String,
    pub font: String,
    pub size: u32,
    pub width: u32,
    pub leading: u32,
    /// The read-aloud voice's `voiceURI`; empty: the best voice for the article's language.
    pub voice: String,
    /// The read-aloud speed in percent ([`RATES`]).
    pub rate: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { theme: "auto".into(), font: "serif".into(), size: 18, width: 38, leading: 17, voice: String::new(), rate: 100 }
    }
}

impl Settings {
    /// Keeps every field to one of its offered values.
    pub fn sanitized(mut self) -> Self {
        let d = Settings::default();
        if !THEMES.iter().any(|(v, _)| *v == self.theme) {
            self.theme = d.theme;
        }
        if !FONTS.iter().any(|(v, _)| *v == self.font) {
            self.font = d.font;
        }
        if !SIZES.contains(&self.size) {
            self.size = d.size;
        }
        if !WIDTHS.contains(&self.width) {
            self.width = d.width;
        }
        if !LEADINGS.contains(&self.leading) {
            self.leading = d.leading;
        }
        if !RATES.contains(&self.rate) {
            self.rate = d.rate;
        }
        if self.voice.chars().count() > VOICE_MAX_CHARS {
            self.voice = d.voice;
        }
        self
    }

    /// Sets one field from a control's name and value (ignores what it does not know).
    pub fn set(&mut self, name: &str, value: &str) {
        match name {
            "theme" => self.theme = value.to_owned(),
            "font" => self.font = value.to_owned(),
            "size" => self.size = value.parse().unwrap_or(0),
            "width" => self.width = value.parse().unwrap_or(0),
            "leading" => self.leading = value.parse().unwrap_or(0),
            "voice" => self.voice = value.to_owned(),
            "rate" => self.rate = value.parse().unwrap_or(0),
            _ => {}
        }
        *self = std::mem::take(self).sanitized();
    }

    /// The value of the control `name` (`data-setting`), as its `<select>` holds it.
    pub fn value(&self, name: &str) -> Option<String> {
        Some(match name {
            "theme" => self.theme.clone(),
            "font" => self.font.clone(),
            "size" => self.size.to_string(),
            "width" => self.width.to_string(),
            "leading" => self.leading.to_string(),
            "voice" => self.voice.clone(),
            "rate" => self.rate.to_string(),
            _ => return None,
        })
    }

    /// Shows the settings on the overlay's shell: attributes for theme and typeface, custom
    /// properties (through the CSSOM, which page CSPs do not block) for the sizes.
    pub fn apply(&self, shell: &HtmlElement) {
        let _ = shell.set_attribute("data-theme", &self.theme);
        let _ = shell.set_attribute("data-font", &self.font);
        let style = shell.style();
        let _ = style.set_property("--bs-size", &format!("{}px", self.size));
        let _ = style.set_property("--bs-width", &format!("{}em", self.width));
        let _ = style.set_property("--bs-leading", &decimal(self.leading, 10));
    }
}

/// `value / scale` written as a decimal without trailing zeros (17, 10 → "1.7"; 125, 100 → "1.25";
/// 100, 100 → "1"), in integers: formatting a float pulls about 14 KB of float printing into the wasm.
fn decimal(value: u32, scale: u32) -> String {
    let mut out = (value / scale).to_string();
    let (mut rest, mut unit) = (value % scale, scale / 10);
    if rest > 0 {
        out.push('.');
    }
    while rest > 0 && unit > 0 {
        out.push(char::from(b'0' + (rest / unit) as u8));
        rest %= unit;
        unit /= 10;
    }
    out
}

/// `chrome.storage.local`, when this script can see it.
fn storage() -> Option<JsValue> {
    let chrome = Reflect::get(&js_sys::global(), &"chrome".into()).ok().filter(|v| v.is_object())?;
    let storage = Reflect::get(&chrome, &"storage".into()).ok().filter(|v| v.is_object())?;
    Reflect::get(&storage, &"local".into()).ok().filter(|v| v.is_object())
}

/// Calls `storage.<method>(arg)` and returns its promise (also for the picker's remembered choices).
pub(super) fn call(method: &str, arg: &JsValue) -> Option<Promise> {
    let local = storage()?;
    let f = Reflect::get(&local, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(&local, arg).ok()?.dyn_into::<Promise>().ok()
}

/// The stored settings (the defaults when there are none or storage is unavailable).
pub async fn load() -> Settings {
    let Some(promise) = call("get", &STORAGE_KEY.into()) else { return Settings::default() };
    let Ok(items) = wasm_bindgen_futures::JsFuture::from(promise).await else { return Settings::default() };
    let stored = Reflect::get(&items, &STORAGE_KEY.into()).unwrap_or(JsValue::UNDEFINED);
    if !stored.is_object() {
        return Settings::default();
    }
    from_object(&stored).sanitized()
}

/// The fields a stored object holds, by their names; each missing or mistyped one keeps its default
/// (a number must be a whole one in range), and [`Settings::sanitized`] then checks the values.
fn from_object(stored: &JsValue) -> Settings {
    let field = |name: &str| Reflect::get(stored, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let text = |name: &str, default: String| field(name).as_string().unwrap_or(default);
    let number = |name: &str, default: u32| {
        field(name).as_f64().filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n)).map_or(default, |n| n as u32)
    };
    let d = Settings::default();
    Settings {
        theme: text("theme", d.theme),
        font: text("font", d.font),
        size: number("size", d.size),
        width: number("width", d.width),
        leading: number("leading", d.leading),
        voice: text("voice", d.voice),
        rate: number("rate", d.rate),
    }
}

/// The settings as a plain object (the names of [`from_object`]).
fn to_object(settings: &Settings) -> Object {
    let object = Object::new();
    let texts = [("theme", &settings.theme), ("font", &settings.font), ("voice", &settings.voice)];
    for (name, value) in texts {
        let _ = Reflect::set(&object, &name.into(), &value.into());
    }
    let numbers = [("size", settings.size), ("width", settings.width), ("leading", settings.leading), ("rate", settings.rate)];
    for (name, value) in numbers {
        let _ = Reflect::set(&object, &name.into(), &value.into());
    }
    object
}

/// Saves the settings (fire and forget: a failure only means they are not remembered).
pub fn save(settings: &Settings) {
    let value = to_object(settings);
    let items = Object::new();
    if Reflect::set(&items, &STORAGE_KEY.into(), &value).is_ok() {
        if let Some(promise) = call("set", &items) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// One row of the settings panel: the setting's name, its label's message key, its options
/// (value, shown text) and the value selected now.
type PanelRow = (&'static str, &'static str, Vec<(String, String)>, String);

/// The settings panel: one labelled `<select>` per setting (`data-setting=<name>`), shown and
/// hidden by the toolbar's settings button.
pub fn build_panel(dom: &Dom, parent: &Element, current: &Settings) -> Result<Element, JsValue> {
    let label = t("settings");
    let panel = dom.child(parent, "div", &[("class", "bs-settings"), ("id", "bs-settings"), ("role", "group"), ("aria-label", &label), ("hidden", "")])?;
    let owned = |pairs: &[(&str, &str)]| pairs.iter().map(|(v, k)| (v.to_string(), t(k))).collect::<Vec<_>>();
    let numbers = |values: &[u32], show: &dyn Fn(u32) -> String| values.iter().map(|v| (v.to_string(), show(*v))).collect::<Vec<_>>();
    let rows: [PanelRow; 7] = [
        ("theme", "theme", owned(THEMES), current.theme.clone()),
        ("font", "font", owned(FONTS), current.font.clone()),
        ("size", "fontSize", numbers(SIZES, &|v| format!("{v} px")), current.size.to_string()),
        ("width", "columnWidth", numbers(WIDTHS, &|v| format!("{v} em")), current.width.to_string()),
        ("leading", "lineHeight", numbers(LEADINGS, &|v| decimal(v, 10)), current.leading.to_string()),
        // Read aloud: the voices arrive asynchronously; src/web/speech.rs fills this list.
        ("voice", "voice", vec![(String::new(), t("voiceAutomatic"))], current.voice.clone()),
        ("rate", "speechRate", numbers(RATES, &|v| decimal(v, 100) + "×"), current.rate.to_string()),
    ];
    for (name, key, options, selected) in rows {
        let row = dom.child(&panel, "label", &[("class", "bs-setting")])?;
        dom.text(&row, "span", &[], &t(key))?;
        let select = dom.child(&row, "select", &[("data-setting", name)])?;
        for (value, text) in options {
            let option = dom.text(&select, "option", &[("value", &value)], &text)?;
            if value == selected {
                option.set_attribute("selected", "")?;
            }
        }
    }
    Ok(panel)
}
