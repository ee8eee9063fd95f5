//! A small, strict JSON reader for the page's JSON-LD (`<script type="application/ld+json">`).
//!
//! Broadsheet only ever reads JSON-LD: strings, objects and arrays, never numbers as numbers. A
//! general JSON library (serde_json with its `Value`, number parsing, float printing for error
//! messages, serde's machinery) cost the wasm about 30 KB; this reader is a few hundred bytes.
//!
//! It accepts exactly RFC 8259 JSON, as strictly as serde_json does, because
//! [`crate::metadata::parse_lenient`] repairs a script only when the strict parse fails:
//! no trailing commas, no raw control characters in strings, no lone surrogate escapes, nothing
//! after the value but whitespace, and at most [`MAX_DEPTH`] − 1 nested arrays and objects
//! (serde_json's recursion limit). It is iterative (an explicit stack of open containers), so
//! nesting costs memory, never the call stack. Objects keep their members sorted by key, the last
//! of duplicate keys winning (serde_json's default `BTreeMap`), so walks over them visit members in
//! the same order as before.

/// serde_json's recursion limit: a value nested this deep is an error.
const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Numbers keep their source text (nothing here computes with them).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// An object's members, sorted by key, keys unique.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// Sorts the members as they were read and keeps the last of each duplicate key.
    fn from_members(mut members: Vec<(String, Value)>) -> Object {
        // Stable: equal keys stay in source order, so the last of a run is the last written.
        crate::sort::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for member in members {
            match out.last_mut() {
                Some(last) if last.0 == member.0 => *last = member,
                _ => out.push(member),
            }
        }
        Object(out)
    }

    /// The member `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|i| &self.0[i].1)
    }

    /// The members, by key.
    pub fn iter(&self) -> std::slice::Iter<'_, (String, Value)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Object {
    type Item = &'a (String, Value);
    type IntoIter = std::slice::Iter<'a, (String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Value {
    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The member `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }
}

/// A container being read: an array's items, or an object's members and the key of the value
/// being read.
enum Open {
    Array(Vec<Value>),
    Object(Vec<(String, Value)>, String),
}

/// Parses one JSON text; `None` when it is not valid JSON.
pub fn parse(text: &str) -> Option<Value> {
    let mut r = Reader { b: text.as_bytes(), i: 0 };
    let mut open: Vec<Open> = Vec::new();
    loop {
        // 1. A value starts here: a scalar, an empty container, or the first member of one.
        r.skip_whitespace();
        let mut value = match *r.b.get(r.i)? {
            b'[' | b'{' if open.len() + 1 >= MAX_DEPTH => return None,
            b'[' => {
                r.i += 1;
                r.skip_whitespace();
                if r.eat(b']') {
                    Value::Array(Vec::new())
                } else {
                    open.push(Open::Array(Vec::new()));
                    continue;
                }
            }
            b'{' => {
                r.i += 1;
                r.skip_whitespace();
                if r.eat(b'}') {
                    Value::Object(Object::default())
                } else {
                    let key = r.key()?;
                    open.push(Open::Object(Vec::new(), key));
                    continue;
                }
            }
            b'"' => Value::String(r.string()?),
            b't' => r.literal("true", Value::Bool(true))?,
            b'f' => r.literal("false", Value::Bool(false))?,
            b'n' => r.literal("null", Value::Null)?,
            _ => Value::Number(r.number()?),
        };
        // 2. Hand the value to its container; a container it completes becomes the next value.
        loop {
            let Some(top) = open.last_mut() else {
                r.skip_whitespace();
                return (r.i == r.b.len()).then_some(value);
            };
            r.skip_whitespace();
            match top {
                Open::Array(items) => {
                    items.push(value);
                    if r.eat(b',') {
                        break;
                    }
                    if !r.eat(b']') {
                        return None;
                    }
                    let Some(Open::Array(items)) = open.pop() else { return None };
                    value = Value::Array(items);
                }
                Open::Object(members, key) => {
                    members.push((std::mem::take(key), value));
                    if r.eat(b',') {
                        r.skip_whitespace();
                        *key = r.key()?;
                        break;
                    }
                    if !r.eat(b'}') {
                        return None;
                    }
                    let Some(Open::Object(members, _)) = open.pop() else { return None };
                    value = Value::Object(Object::from_members(members));
                }
            }
        }
    }
}

/// The text being read and the position in it.
struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn skip_whitespace(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Consumes `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.b.get(self.i) == Some(&byte);
        self.i += found as usize;
        found
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let end = self.i + word.len();
        (self.b.get(self.i..end)? == word.as_bytes()).then(|| {
            self.i = end;
            value
        })
    }

    /// An object member's key and its colon.
    fn key(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let key = self.string()?;
        self.skip_whitespace();
        self.eat(b':').then_some(key)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
    fn number(&mut self) -> Option<String> {
        let start = self.i;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return None;
        }
        if self.eat(b'.') && self.digits() == 0 {
            return None;
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return None;
            }
        }
        // The bytes read are ASCII, so this slice is whole characters.
        Some(String::from_utf8_lossy(&self.b[start..self.i]).into_owned())
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    /// A string from its opening quote, escapes decoded.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while self.b.get(self.i).is_some_and(|&c| c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.b[start..self.i]);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    // Whole characters of valid UTF-8 were copied, and escapes wrote whole ones.
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    let escape = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => return None, // a raw control character
            }
        }
    }

    /// The character of a `\uXXXX` escape (after the `u`), a surrogate pair taking two escapes.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.b.get(self.i..self.i + 2)? != b"\\u" {
                    return None;
                }
                self.i += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return None,
            _ => first,
        };
        char::from_u32(code)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        digits.iter().try_fold(0, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.to_owned())
    }

    #[test]
    fn reads_nested_values_and_escapes() {
        let v = parse(r#" {"b": [1, -2.5e3, true, false, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#).unwrap();
        assert_eq!(v.get("a"), Some(&s("x\"\\/\né😀")));
        let Some(Value::Array(items)) = v.get("b") else { panic!("no array") };
        assert_eq!(items, &[Value::Number("1".into()), Value::Number("-2.5e3".into()), Value::Bool(true), Value::Bool(false), Value::Null]);
        assert_eq!(v.get("c"), Some(&Value::Object(Object::default())));
        assert_eq!(v.get("d"), None);
    }

    #[test]
    fn members_are_sorted_and_the_last_duplicate_wins() {
        let Some(Value::Object(o)) = parse(r#"{"z":1,"a":"first","m":2,"a":"second"}"#) else { panic!() };
        let keys: Vec<&str> = o.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "m", "z"]);
        assert_eq!(o.get("a"), Some(&s("second")));
    }

    #[test]
    fn rejects_what_serde_json_rejects() {
        for bad in [
            "", "[1,]", r#"{"a":1,}"#, "[1 2]", "{\"a\" 1}", "\"raw\nnewline\"", r#""\x""#, r#""\ud800""#, r#""\udc00""#,
            r#""\ud800\u0041""#, "01", "1.", "-", "1e", "[1] x", "tru", "{'a':1}", "[", "{\"a\":", "\"open",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn nesting_stops_at_serde_jsons_limit_without_recursion() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(parse(&ok).is_some());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(parse(&deep), None);
        // Far deeper than any stack could recurse: rejected quickly, without overflowing.
        assert_eq!(parse(&"[{\"a\":".repeat(100_000)), None);
    }
}

/// The reader against serde_json (still a native dependency, for the CLI's output) on every JSON-LD
/// script of the corpus and the seed page: the same verdict and the same value (scripts that are not JSON-LD are empty in a snapshot: both reject them).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod agrees_with_serde_json {
    use super::*;

    fn convert(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(_) => Value::Number(String::new()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(convert).collect()),
            serde_json::Value::Object(m) => Value::Object(Object(m.iter().map(|(k, v)| (k.clone(), convert(v))).collect())),
        }
    }

    /// Numbers compared by presence only (serde_json normalises their text).
    fn blank_numbers(v: Value) -> Value {
        match v {
            Value::Number(_) => Value::Number(String::new()),
            Value::Array(a) => Value::Array(a.into_iter().map(blank_numbers).collect()),
            Value::Object(o) => Value::Object(Object(o.0.into_iter().map(|(k, v)| (k, blank_numbers(v))).collect())),
            other => other,
        }
    }

    #[test]
    fn on_every_json_ld_script_of_the_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut pages = vec![root.join("seed/page.html")];
        for entry in std::fs::read_dir(root.join("readability")).unwrap() {
            let dir = entry.unwrap().path();
            if dir.is_dir() {
                pages.push(dir.join("source.html"));
            }
        }
        let mut scripts = 0;
        for page in pages {
            let html = std::fs::read_to_string(&page).unwrap();
            let doc = crate::snapshot::from_html(&html, None);
            for s in doc.find_all(crate::snapshot::Document::ROOT, crate::snapshot::Tag::Script) {
                let raw = doc.text_content(s);
                let ours = parse(raw.trim()).map(blank_numbers);
                let theirs = serde_json::from_str::<serde_json::Value>(raw.trim()).ok().map(|v| convert(&v));
                scripts += ours.is_some() as usize;
                assert_eq!(ours, theirs, "{}", page.display());
            }
        }
        assert!(scripts >= 5, "only {scripts} JSON-LD scripts parsed");
    }

    #[test]
    fn on_edge_cases() {
        let cases = [
            "{}", "[]", " [ ] ", "0", "-0", "-0.5E+2", "1e-7", "\"\"", "\"\\u0000\"", "\"\\uD834\\uDD1E\"", "[1,]", "[,1]", "{,}",
            "{\"a\":1,}", "{\"a\":1 \"b\":2}", "00", "+1", ".5", "1.e3", "1e+", "\"a\tb\"", "\"a\u{7f}b\"", "[true,false,null]",
            "nul", "truex", "[1]]", "{\"a\":{\"b\":[{}]}}", "\u{feff}{}", "{\"\u{e9}\":\"\u{4e2d}\"}", "\"\\ud800\\udbff\"",
        ];
        for case in cases {
            let ours = parse(case).map(blank_numbers);
            let theirs = serde_json::from_str::<serde_json::Value>(case).ok().map(|v| convert(&v));
            assert_eq!(ours, theirs, "{case:?}");
        }
    }
}
