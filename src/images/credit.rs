//! Telling a credit from a caption, on text alone.
//!
//! The DOM side (which elements of a figure are read, in [`super::describe`]) hands this module
//! text segments; here are the rules that need no DOM:
//! - [`strip_label`]: a segment that opens with a label word ("Image source, ", "Photo: ",
//!   "图像来源，", "© ") says what follows it;
//! - [`split_inline_credit`]: a caption that carries its credit inside — a trailing parenthetical
//!   ("(AP Photo/Evan Vucci)"), an inline label ("… Photograph: Name/Agency"), or a trailing
//!   agency line ("… REUTERS/Kevin Lamarque");
//! - [`looks_like_credit`]: a short unlabelled segment naming an agency ("KREMLIN POOL/EPA");
//! - [`json_ld_images`]: `ImageObject`s of the page's JSON-LD with `creditText`,
//!   `copyrightHolder`, `author`/`creator` and `caption`.
//!
//! All words come from [`super::tunables`].

use super::tunables::{LabelKind, AGENCIES, INLINE_LABELS, LABELS, SLASH_CREDIT_MAX_WORDS, TRAILING_CREDIT_MAX_WORDS};
use crate::text::{fold_whitespace, is_cjk};
use crate::json::Value;
use super::origin::picture_key;

/// Separators that may follow a label word.
fn is_label_separator(c: char) -> bool {
    matches!(c, ':' | '：' | ',' | '，' | '、' | '-' | '–' | '—' | '|' | '/' | '／') || c.is_whitespace()
}

/// Characters trimmed from both ends of a credit or caption.
fn is_edge_punct(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '：' | ',' | '，' | '、' | '-' | '–' | '—' | '|' | ';' | '；')
}

/// Trims separators and spaces from both ends.
pub fn trim_edges(s: &str) -> &str {
    s.trim_matches(is_edge_punct)
}

/// If `text` opens with a label word, its kind and the rest of the text (trimmed). A bare label
/// ("Image source, ") gives an empty rest. Labels must be followed by a separator or the end, so
/// "Photographers gathered…" is not the label "photograph"; `©` may touch the name.
pub fn strip_label(text: &str) -> Option<(LabelKind, &str)> {
    let t = text.trim_start();
    let lower = crate::case::lowercase(t);
    // Lower-casing can change byte lengths only for a few non-ASCII letters; fall back if it did.
    if lower.len() != t.len() {
        return None;
    }
    for (label, kind) in LABELS {
        if !lower.starts_with(label) {
            continue;
        }
        let rest = &t[label.len()..];
        let next = rest.chars().next();
        let label_is_cjk = label.chars().any(is_cjk);
        // A single common word ("photo", "source") needs punctuation after it: "Photo: X" is a
        // label, "Photo of the day" is not. Phrases ("photo by", "image source") may take a space.
        let phrase = label.contains(' ');
        let ok = match next {
            None => true,
            Some(c) if c.is_whitespace() => {
                phrase || label_is_cjk || *label == "©" || *label == "(c)" || rest.trim_start().starts_with([':', '：'])
            }
            Some(c) => is_label_separator(c) || *label == "©" || *label == "(c)" || (label_is_cjk && !crate::text::is_cjk_letter(c)),
        };
        // A CJK label glued to more CJK text ("图片中的…") is ordinary text, not a label.
        if ok {
            return Some((*kind, trim_edges(rest)));
        }
    }
    None
}

/// True when `text` names a known agency as a whole word (ASCII names, as written or in capitals)
/// or contains a CJK agency name.
pub fn names_agency(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    AGENCIES.iter().any(|agency| {
        if agency.chars().any(is_cjk) {
            return text.contains(agency);
        }
        // Word for word as written, or in capitals ("Reuters", "REUTERS"; not "reuters"). Latin
        // agency names are ASCII: no Unicode case tables in the wasm. No allocation: this runs for
        // every agency on every caption-like text.
        let parts = agency.split(' ').count();
        words.windows(parts).any(|w| spells(w, agency, false) || spells(w, agency, true))
    })
}

/// Whether the words `window` spell `phrase` (its words separated by single spaces), or its ASCII
/// capitals when `upper`.
fn spells(window: &[&str], phrase: &str, upper: bool) -> bool {
    let same = |word: &str, part: &str| {
        if upper {
            word.len() == part.len() && word.bytes().zip(part.bytes()).all(|(w, p)| w == p.to_ascii_uppercase())
        } else {
            word == part
        }
    };
    window.iter().zip(phrase.split(' ')).all(|(word, part)| same(word, part))
}

/// Words in `s` (CJK characters count one each).
fn words(s: &str) -> usize {
    crate::text::word_count(s)
}

/// A short unlabelled text that is a credit line: it names an agency and has at most
/// [`TRAILING_CREDIT_MAX_WORDS`] words, or it is `NAME/AGENCY`-shaped with an agency.
pub fn looks_like_credit(text: &str) -> bool {
    let t = trim_edges(text);
    let sentence = t.ends_with(['.', '。', '?', '!', '？', '！']);
    !t.is_empty() && !sentence && ((words(t) <= TRAILING_CREDIT_MAX_WORDS && names_agency(t)) || is_slash_credit(t))
}

/// `Name/Organisation`: a short line with a slash between two capitalised (or CJK) parts, the
/// wire-photo convention ("Devindra Hardawar/AOL", "Doug Mills/The New York Times").
fn is_slash_credit(t: &str) -> bool {
    let Some((left, right)) = t.split_once('/') else { return false };
    let (left, right) = (left.trim(), right.trim());
    let capitalised = |s: &str| s.chars().next().is_some_and(|c| c.is_uppercase() || is_cjk(c));
    words(t) <= SLASH_CREDIT_MAX_WORDS && capitalised(left) && capitalised(right) && !t.contains("://") && !right.contains('/')
        || (right.contains('/') && words(t) <= SLASH_CREDIT_MAX_WORDS && names_agency(t))
}

/// Splits a credit out of a caption's text. Returns the caption (possibly empty) and the credit.
pub fn split_inline_credit(caption: &str) -> (String, Option<String>) {
    let caption = fold_whitespace(caption);
    let c = caption.trim();
    // 1. A trailing parenthetical that is a credit: "(AP Photo/Evan Vucci)", "(Photo: X)", "（新华社记者 X 摄）".
    if let Some((before, inner)) = trailing_parenthetical(c) {
        let inner_t = inner.trim();
        let labelled = strip_label(inner_t);
        let is_credit = labelled.is_some_and(|(k, rest)| k == LabelKind::Credit && !rest.is_empty())
            || (names_agency(inner_t) && words(inner_t) <= TRAILING_CREDIT_MAX_WORDS + 2)
            || inner_t.ends_with('摄')
            || inner_t.ends_with('攝');
        if is_credit {
            let credit = match labelled {
                Some((LabelKind::Credit, rest)) if !rest.is_empty() => rest,
                _ => inner_t,
            };
            return (trim_edges(before).to_owned(), Some(trim_edges(credit).to_owned()));
        }
    }
    // 2. An inline label: the last one wins ("… Photograph: Name/Agency").
    let lower = crate::case::lowercase(c);
    if lower.len() == c.len() {
        let mut best: Option<(usize, usize)> = None;
        for label in INLINE_LABELS {
            let mut from = 0;
            while let Some(pos) = lower[from..].find(label) {
                let at = from + pos;
                let boundary = at == 0 || lower[..at].ends_with(|ch: char| ch.is_whitespace() || "([（.。,，;；|".contains(ch)) || label.chars().next().is_some_and(is_cjk);
                // The last label wins; of two ending together ("图片来源：" and "来源："), the longer.
                let better = best.is_none_or(|(b, l)| at + label.len() > b + l || (at + label.len() == b + l && at < b));
                if boundary && better {
                    best = Some((at, label.len()));
                }
                from = at + label.len();
            }
        }
        if let Some((at, len)) = best {
            let credit = trim_edges(c[at + len..].trim_end_matches([')', '）']));
            let before = c[..at].trim_end().trim_end_matches(['(', '（', '[']);
            if !credit.is_empty() && words(credit) <= 16 {
                return (trim_edges(before).to_owned(), Some(credit.to_owned()));
            }
        }
    }
    // 3. A trailing agency line after the last sentence end: "… in Seoul. REUTERS/Kim Hong-Ji".
    if let Some((before, tail)) = last_sentence_tail(c) {
        if looks_like_credit(tail) {
            return (trim_edges(before).to_owned(), Some(trim_edges(tail).to_owned()));
        }
    }
    if looks_like_credit(c) {
        return (String::new(), Some(trim_edges(c).to_owned()));
    }
    (c.to_owned(), None)
}

/// `"text (inner)"` → `("text ", "inner")` when the text ends with a closing parenthesis.
fn trailing_parenthetical(s: &str) -> Option<(&str, &str)> {
    let close = s.chars().last()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        ']' => '[',
        _ => return None,
    };
    let open_at = s.rfind(open)?;
    let inner = &s[open_at + open.len_utf8()..s.len() - close.len_utf8()];
    Some((&s[..open_at], inner))
}

/// Splits off what follows the last sentence end (". ", "。", " | ", " - "), if anything does.
fn last_sentence_tail(s: &str) -> Option<(&str, &str)> {
    let candidates = [". ", "。", " | ", " - ", " — ", "! ", "? "];
    let (at, len) = candidates.iter().filter_map(|p| s.rfind(p).map(|i| (i, p.len()))).max_by_key(|(i, _)| *i)?;
    let tail = &s[at + len..];
    (!tail.trim().is_empty()).then(|| (&s[..at + len.min(1)], tail))
}

/// One `ImageObject` of the page's JSON-LD.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LdImage {
    pub urls: Vec<String>,
    /// The urls' [`picture_key`]s, computed once: every picture of the page is compared with them.
    pub keys: Vec<String>,
    pub credit: Option<String>,
    pub caption: Option<String>,
}

impl LdImage {
    /// Whether this object describes the picture with one of these keys ([`picture_key`]s of its URLs).
    pub fn shows(&self, picture: &[Option<String>]) -> bool {
        picture.iter().flatten().any(|key| self.keys.contains(key))
    }
}

/// Every `ImageObject` (or object under an `image`/`associatedMedia` key with a URL) of the JSON-LD
/// values, walked with an explicit stack.
pub fn json_ld_images(values: &[Value]) -> Vec<LdImage> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Value, bool)> = values.iter().map(|v| (v, false)).collect();
    while let Some((v, under_image_key)) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, under_image_key))),
            Value::Object(map) => {
                let typed = map.get("@type").is_some_and(|t| match t {
                    Value::String(s) => s == "ImageObject",
                    Value::Array(a) => a.iter().any(|x| x.as_str() == Some("ImageObject")),
                    _ => false,
                });
                if typed || under_image_key {
                    let urls: Vec<String> = ["url", "contentUrl", "@id", "thumbnailUrl"]
                        .iter()
                        .filter_map(|k| map.get(k).and_then(Value::as_str))
                        .map(str::to_owned)
                        .collect();
                    let credit = ["creditText", "copyrightHolder", "author", "creator", "copyrightNotice"]
                        .iter()
                        .find_map(|k| map.get(k).and_then(name_of));
                    let caption = ["caption", "description"].iter().find_map(|k| map.get(k).and_then(name_of));
                    if !urls.is_empty() {
                        let keys = urls.iter().filter_map(|u| picture_key(u)).collect();
                        out.push(LdImage { urls, keys, credit, caption });
                    }
                }
                for (k, child) in map {
                    let image_key = matches!(k.as_str(), "image" | "associatedMedia" | "primaryImageOfPage" | "thumbnail");
                    stack.push((child, image_key));
                }
            }
            _ => {}
        }
    }
    out
}

/// A person/organisation's name or a plain string.
fn name_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => m.get("name").and_then(|n| n.as_str())?.to_owned(),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            if names.is_empty() {
                return None;
            }
            names.join(", ")
        }
        _ => return None,
    };
    let s = fold_whitespace(&s);
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_are_named_as_written_or_in_capitals() {
        for yes in ["Photo: Reuters", "REUTERS/Jane Doe", "Getty Images", "(GETTY IMAGES)", "AP Photo/Evan Vucci", "新华社记者 摄"] {
            assert!(names_agency(yes), "{yes}");
        }
        for no in ["reuters", "getty images", "a map", "Associated", "Rexford"] {
            assert!(!names_agency(no), "{no}");
        }
    }

    fn split(s: &str) -> (String, Option<String>) {
        split_inline_credit(s)
    }

    #[test]
    fn labels_in_english() {
        assert_eq!(strip_label("Image source, Getty Images"), Some((LabelKind::Credit, "Getty Images")));
        assert_eq!(strip_label("Image caption, The president spoke"), Some((LabelKind::Caption, "The president spoke")));
        assert_eq!(strip_label("Photograph: Tom Jamieson"), Some((LabelKind::Credit, "Tom Jamieson")));
        assert_eq!(strip_label("Credit: Doug Mills/The New York Times"), Some((LabelKind::Credit, "Doug Mills/The New York Times")));
        assert_eq!(strip_label("©Jane Doe"), Some((LabelKind::Credit, "Jane Doe")));
        assert_eq!(strip_label("Image source, "), Some((LabelKind::Credit, "")));
        assert_eq!(strip_label("Photographers gathered outside"), None);
        assert_eq!(strip_label("Sources say"), None);
    }

    #[test]
    fn labels_in_german_french_spanish() {
        assert_eq!(strip_label("Foto: dpa"), Some((LabelKind::Credit, "dpa")));
        assert_eq!(strip_label("Bild: Keystone"), Some((LabelKind::Credit, "Keystone")));
        assert_eq!(strip_label("Crédit : AFP"), Some((LabelKind::Credit, "AFP")));
        assert_eq!(strip_label("Fotografía: EFE"), Some((LabelKind::Credit, "EFE")));
        assert_eq!(strip_label("Fuente: Reuters"), Some((LabelKind::Credit, "Reuters")));
    }

    #[test]
    fn labels_in_chinese_and_japanese() {
        assert_eq!(strip_label("图像来源，"), Some((LabelKind::Credit, "")));
        assert_eq!(strip_label("圖像來源，Getty Images"), Some((LabelKind::Credit, "Getty Images")));
        assert_eq!(strip_label("图片来源：视觉中国"), Some((LabelKind::Credit, "视觉中国")));
        assert_eq!(strip_label("图像加注文字，普京抵达平壤"), Some((LabelKind::Caption, "普京抵达平壤")));
        assert_eq!(strip_label("摄影：张三"), Some((LabelKind::Credit, "张三")));
        assert_eq!(strip_label("来源：新华社"), Some((LabelKind::Credit, "新华社")));
        assert_eq!(strip_label("撮影：山田太郎"), Some((LabelKind::Credit, "山田太郎")));
        // A label glued to running text is not a label.
        assert_eq!(strip_label("图片中的人物是普京"), None);
    }

    #[test]
    fn trailing_parenthetical_credits() {
        assert_eq!(split("President Biden speaks in Delaware. (AP Photo/Evan Vucci)"), ("President Biden speaks in Delaware.".into(), Some("AP Photo/Evan Vucci".into())));
        assert_eq!(split("A crowd gathers (Photo: Jane Doe)"), ("A crowd gathers".into(), Some("Jane Doe".into())));
        assert_eq!(split("普京抵达平壤（新华社记者 李明 摄）"), ("普京抵达平壤".into(), Some("新华社记者 李明 摄".into())));
        // A parenthetical that is not a credit stays.
        assert_eq!(split("The old bridge (built in 1890)"), ("The old bridge (built in 1890)".into(), None));
    }

    #[test]
    fn inline_labels_split_the_caption() {
        assert_eq!(split("Hori Parata at his farm. Photograph: Tom Jamieson/The Guardian"), ("Hori Parata at his farm.".into(), Some("Tom Jamieson/The Guardian".into())));
        assert_eq!(split("Ein Protest in Berlin. Foto: dpa"), ("Ein Protest in Berlin.".into(), Some("dpa".into())));
        assert_eq!(split("金正恩迎接普京。图片来源：视觉中国"), ("金正恩迎接普京。".into(), Some("视觉中国".into())));
        assert_eq!(split("The skyline at dusk © Jane Doe"), ("The skyline at dusk".into(), Some("Jane Doe".into())));
    }

    #[test]
    fn trailing_agency_lines() {
        assert_eq!(split("Protesters march in Seoul. REUTERS/Kim Hong-Ji"), ("Protesters march in Seoul.".into(), Some("REUTERS/Kim Hong-Ji".into())));
        assert_eq!(split("KREMLIN POOL/EPA"), (String::new(), Some("KREMLIN POOL/EPA".into())));
        assert_eq!(split("Getty Images"), (String::new(), Some("Getty Images".into())));
        assert_eq!(split("Devindra Hardawar/AOL"), (String::new(), Some("Devindra Hardawar/AOL".into())));
        assert_eq!(split("A console on a desk. Devindra Hardawar/AOL"), ("A console on a desk.".into(), Some("Devindra Hardawar/AOL".into())));
        assert_eq!(split("either/or"), ("either/or".into(), None));
        // A sentence mentioning an agency is not a credit.
        assert_eq!(split("He told Reuters that the talks had stalled."), ("He told Reuters that the talks had stalled.".into(), None));
        // "AP" must be the word, not letters inside one.
        assert!(!names_agency("A map of the capital"));
        assert!(names_agency("REUTERS/Kim"));
        assert!(names_agency("新华社记者"));
    }

    #[test]
    fn reads_json_ld_image_objects() {
        let v = crate::json::parse(r#"{"@type":"NewsArticle","image":[{"@type":"ImageObject","url":"https://a.com/p.jpg","creditText":"Jane Doe/AFP","caption":"A scene"},{"url":"https://a.com/q.jpg","copyrightHolder":{"@type":"Organization","name":"Reuters"}}],"author":{"name":"Writer"}}"#).unwrap();
        let imgs = json_ld_images(&[v]);
        assert_eq!(imgs.len(), 2);
        let p = imgs.iter().find(|i| i.urls[0].ends_with("p.jpg")).unwrap();
        assert_eq!(p.credit.as_deref(), Some("Jane Doe/AFP"));
        assert_eq!(p.caption.as_deref(), Some("A scene"));
        let q = imgs.iter().find(|i| i.urls[0].ends_with("q.jpg")).unwrap();
        assert_eq!(q.credit.as_deref(), Some("Reuters"));
    }
}
