//! A tiny tag scanner for the raw HTML the snapshot keeps inside `<noscript>`.
//!
//! Lazy-loading pages put the real `<img>` in a `<noscript>` fallback. Parsing that text with a full
//! HTML parser would pull html5ever into the wasm build, so this reads only what image recovery
//! needs: the attributes of `<img>` and `<source>` start tags, with the common character
//! references decoded. Anything malformed ends the tag where it stands.

use crate::metadata::{unescape_entities_with, MARKUP_ENTITIES};

/// A scanned start tag: its lower-case name and attributes (lower-case names, decoded values).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScannedTag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl ScannedTag {
    /// An attribute's value (first occurrence), if present and not blank.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
    }
}

/// The `<img>` and `<source>` start tags in `html`, in order.
pub fn scan_images(html: &str) -> Vec<ScannedTag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let name_len = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = html[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        if name != "img" && name != "source" {
            continue;
        }
        let (attrs, next) = scan_attrs(html, i);
        i = next;
        out.push(ScannedTag { name, attrs });
    }
    out
}

/// Reads attributes from `start` to the tag's `>`; returns them and the index after the tag.
fn scan_attrs(html: &str, start: usize) -> (Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = start;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, i);
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i] as char;
                let v_start = i + 1;
                let v_end = html[v_start..].find(quote).map_or(bytes.len(), |e| v_start + e);
                value = unescape_entities_with(&html[v_start..v_end], MARKUP_ENTITIES);
                i = (v_end + 1).min(bytes.len());
            } else {
                let v_start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = unescape_entities_with(&html[v_start..i], MARKUP_ENTITIES);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        } else {
            i += 1; // a stray byte: step over it
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_img_attributes_in_any_quoting() {
        let tags = scan_images(r#"<IMG class=x SRC="https://a.com/p.jpg?a=1&amp;b=2" srcset='a.jpg 1x, b.jpg 2x' alt=hi width=640 / >"#);
        assert_eq!(tags.len(), 1);
        let t = &tags[0];
        assert_eq!(t.name, "img");
        assert_eq!(t.attr("src"), Some("https://a.com/p.jpg?a=1&b=2"));
        assert_eq!(t.attr("srcset"), Some("a.jpg 1x, b.jpg 2x"));
        assert_eq!(t.attr("alt"), Some("hi"));
        assert_eq!(t.attr("width"), Some("640"));
    }

    #[test]
    fn finds_picture_sources_and_ignores_other_tags() {
        let tags = scan_images(r#"<picture><source srcset="w.webp 800w" type="image/webp"><img src="f.jpg"></picture><p>x</p><imgx>"#);
        let names: Vec<_> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["source", "img"]);
    }

    #[test]
    fn survives_truncated_markup() {
        assert_eq!(scan_images("<img src=\"a.jpg").len(), 1);
        assert_eq!(scan_images("<img").len(), 1);
        assert!(scan_images("<").is_empty());
        assert_eq!(scan_images("<img alt='a &amp b &#x56FE;&nbsp;&#22270; &bogus;'>")[0].attr("alt"), Some("a &amp b 图\u{a0}图 &bogus;"));
    }
}
