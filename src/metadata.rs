//! Page metadata: title, byline, site name, date, language, direction, excerpt and lead image.
//!
//! Sources in order of trust, as Readability reads them (`_getJSONLD`, `_getArticleMetadata`):
//! 1. JSON-LD — the first `NewsArticle`-like object (also inside `@graph` arrays and top-level
//!    arrays), parsed with [`crate::json`] after repairing what pages commonly break (raw newlines in
//!    strings, trailing commas, CDATA wrappers);
//! 2. `<meta>` — Dublin Core, OpenGraph, Twitter, Parse.ly and Weibo names and properties;
//! 3. the document — `<title>` cleaned of site-name suffixes ([`article_title`]), the byline element
//!    (`rel=author`, `itemprop=author`, `.byline`…), `<html lang>`, `<link rel=canonical>`.
//!
//! [`complete`] fills what only the extraction knows: the excerpt falls back to the article's first
//! paragraph and the direction comes from the article's container or its ancestors.

use crate::extract::prepare::find_byline;
use crate::extract::{Extraction, Facts};
use crate::snapshot::{Attr, Document, NodeId, Tag};
use crate::text::fold_whitespace;
use serde::Serialize;
use crate::json::Value;
use crate::words::{words, Words};
use crate::hash::FxHashMap;

/// What the page says about itself.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// The canonical URL (or the page's own).
    pub url: Option<String>,
    /// Parsed JSON-LD objects, kept for later stages (image credits read `ImageObject`s).
    #[serde(skip)]
    pub json_ld: Vec<Value>,
    /// The element the byline was read from, when it came from the page body (the extractor drops
    /// it from the article, as Readability does).
    #[serde(skip)]
    pub byline_node: Option<NodeId>,
}

/// JSON-LD `@type`s that describe an article (Readability `REGEXPS.jsonLdArticleTypes`).
pub const ARTICLE_TYPES: Words = words![
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
];

/// `<meta property>` prefixes and keys Readability reads (`article:author`, `og:title`…).
const PROPERTY_PREFIXES: Words = words!["article", "dc", "dcterm", "og", "twitter"];
const PROPERTY_KEYS: Words = words!["author", "creator", "description", "published_time", "title", "site_name", "image", "url"];
/// `<meta name>` prefixes and keys (`dc.creator`, `parsely-pub-date`, `weibo:article:title`…).
const NAME_PREFIXES: Words = words!["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"];
const NAME_KEYS: Words = words!["author", "creator", "pub-date", "description", "title", "site_name", "image"];

/// Title separators: Readability's ` | `, ` - `, ` \ `, ` / `, ` > `, ` » ` and, **Broadsheet**,
/// the en and em dashes, the middle dot and the fullwidth bar common on CJK sites.
const SEPARATORS: &[char] = &['|', '-', '\\', '/', '>', '»', '–', '—', '·', '｜'];
/// The separators that mark a hierarchy (`Site » Section » Title`) rather than a suffix.
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

/// Reads the metadata of `doc` (everything but what [`complete`] adds).
pub fn read(doc: &Document) -> Metadata {
    read_with_facts(doc, None)
}

/// [`read`] with the extraction's class/id facts already computed ([`crate::extract::facts`]): the
/// byline search reads them, and the extraction reads them again.
pub fn read_with(doc: &Document, facts: &Facts) -> Metadata {
    read_with_facts(doc, Some(facts))
}

fn read_with_facts(doc: &Document, facts: Option<&Facts>) -> Metadata {
    let json_ld = json_ld_objects(doc);
    let ld = json_ld.iter().find_map(|v| article_object(v)).map(|o| ld_fields(doc, o)).unwrap_or_default();
    let values = meta_values(doc);
    let get = |keys: Words| keys.iter().find_map(|k| values.get(k).filter(|v| !v.is_empty()).cloned());

    let title = ld
        .title
        .clone()
        .or_else(|| get(words!["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"]))
        .unwrap_or_else(|| article_title(doc));
    let mut byline = ld.byline.clone().or_else(|| get(words!["dc:creator", "dcterm:creator", "author", "parsely-author"])).or_else(|| {
        values.get("article:author").filter(|a| !is_url(a)).cloned()
    });
    let mut byline_node = None;
    if byline.is_none() {
        let found = match facts {
            Some(facts) => find_byline(doc, facts),
            None => find_byline(doc, &crate::extract::facts(doc)),
        };
        if let Some((node, text)) = found {
            byline = Some(text);
            byline_node = Some(node);
        }
    }
    let excerpt = ld.excerpt.clone().or_else(|| {
        get(words!["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"])
    });
    let site_name = ld.site_name.clone().or_else(|| get(words!["og:site_name"]));
    let published = ld.published.clone().or_else(|| get(words!["article:published_time", "parsely-pub-date"]));
    let lead_image = get(words!["og:image", "twitter:image"]).or(ld.image.clone());
    let html = doc.find(Tag::Html);
    let lang = html.and_then(|h| doc.attr(h, Attr::Lang)).map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
    let canonical = doc
        .find_all(Document::ROOT, Tag::Link)
        .find(|l| doc.attr(*l, Attr::Rel).is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical"))))
        .and_then(|l| doc.attr(l, Attr::Href))
        .or_else(|| values.get("og:url").map(|s| s.as_str()));
    let url = canonical
        .and_then(|c| crate::article::safe_url(c, doc.url.as_deref(), false))
        .or_else(|| doc.url.clone());
    let clean = |s: Option<String>| s.map(|s| fold_whitespace(&unescape_entities(&s))).filter(|s| !s.is_empty());
    Metadata {
        title: fold_whitespace(&unescape_entities(&title)),
        byline: clean(byline),
        site_name: clean(site_name),
        published: clean(published),
        lang,
        dir: None,
        excerpt: clean(excerpt),
        lead_image: lead_image.and_then(|i| crate::article::safe_url(&i, doc.url.as_deref(), true)),
        url,
        json_ld,
        byline_node,
    }
}

/// Fills what needs the extraction: the excerpt falls back to the first paragraph of the article,
/// the direction to the nearest `dir` on the article's container and its ancestors (Readability
/// `_articleDir`).
pub fn complete(meta: &mut Metadata, doc: &Document, extraction: &Extraction) {
    let Some(&first) = extraction.roots.first() else { return };
    if meta.excerpt.is_none() {
        meta.excerpt = extraction
            .roots
            .iter()
            .flat_map(|r| std::iter::once(*r).chain(doc.descendants(*r)))
            .filter(|id| is_paragraph_like(doc, *id) && kept(doc, extraction, *id))
            .map(|p| fold_whitespace(&kept_text(doc, extraction, p)))
            .find(|s| !s.is_empty());
    }
    let parent = doc.parent(first);
    let chain = parent.into_iter().chain(std::iter::once(first)).chain(parent.into_iter().flat_map(|p| doc.ancestors(p)));
    for a in chain {
        if let Some(dir) = doc.attr(a, Attr::Dir).map(str::trim).filter(|d| !d.is_empty()) {
            meta.dir = Some(dir.to_ascii_lowercase());
            break;
        }
    }
}

/// A `p`, or a `div` without blocks inside (Readability turns those into `p`s before it takes the
/// first one as the excerpt).
fn is_paragraph_like(doc: &Document, id: NodeId) -> bool {
    match doc.tag(id) {
        Some(Tag::P) => true,
        Some(Tag::Div) => !doc.descendants(id).any(|d| doc.tag(d).is_some_and(|t| (t.is_block() && t != Tag::Br) || t == Tag::Img)),
        _ => false,
    }
}

/// The text under `id` minus dropped subtrees.
fn kept_text(doc: &Document, extraction: &Extraction, id: NodeId) -> String {
    let mut out = String::new();
    let range = doc.subtree_range(id);
    let mut i = range.start;
    while i < range.end {
        let n = NodeId(i);
        if extraction.dropped.contains(n) {
            i = doc.node(n).end;
            continue;
        }
        if let Some(t) = doc.text(n) {
            out.push_str(t);
        }
        i += 1;
    }
    out
}

/// True when `id` and its ancestors up to its article root are not dropped.
fn kept(doc: &Document, extraction: &Extraction, id: NodeId) -> bool {
    let Some(root) = extraction.roots.iter().find(|r| doc.contains(**r, id)) else { return false };
    std::iter::once(id).chain(doc.ancestors(id)).take_while(|a| doc.contains(*root, *a)).all(|a| !extraction.dropped.contains(a))
}

// ---------------------------------------------------------------------------------------------
// <meta>
// ---------------------------------------------------------------------------------------------

/// Readability's `<meta>` table: normalised name → content (later tags win).
fn meta_values(doc: &Document) -> FxHashMap<String, String> {
    let mut values = FxHashMap::default();
    // Every `prefix:key` property name, made once (not once per `<meta>` tag and token).
    let property_names: Vec<(String, bool)> = PROPERTY_PREFIXES
        .iter()
        .flat_map(|prefix| PROPERTY_KEYS.iter().map(move |key| (format!("{prefix}:{key}"), matches!(key, "image" | "url"))))
        .collect();
    for m in doc.find_all(Document::ROOT, Tag::Meta) {
        let Some(content) = doc.attr(m, Attr::Content).map(str::trim).filter(|c| !c.is_empty()) else { continue };
        let mut matched = false;
        if let Some(prop) = doc.attr(m, Attr::Property) {
            // Readability's property regex is unanchored: `og:article:author` holds `article:author`.
            let lower = crate::case::lowercase(prop);
            for token in lower.split_whitespace() {
                for (name, exact) in &property_names {
                    // `og:image:width` must not pass for `og:image`: exact for our extra keys.
                    let found = if *exact { token == name } else { token.contains(name.as_str()) };
                    if found {
                        values.insert(name.clone(), content.to_owned());
                        matched = true;
                    }
                }
            }
        }
        if matched {
            continue;
        }
        let Some(name) = doc.attr(m, Attr::Name).or_else(|| doc.attr(m, Attr::Itemprop)) else { continue };
        let name: String = name.chars().map(crate::case::lower_char).filter(|c| !c.is_whitespace()).collect();
        if let Some(key) = NAME_KEYS.iter().find(|k| name.ends_with(*k)) {
            let prefix = &name[..name.len() - key.len()];
            let ok = prefix.is_empty()
                || prefix.strip_suffix(['-', '.', ':']).is_some_and(|p| NAME_PREFIXES.contains(p));
            if ok {
                values.insert(name.replace('.', ":"), content.to_owned());
            }
        }
    }
    values
}

fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

// ---------------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------------

/// Every JSON-LD script of the page, parsed (broken ones repaired when possible, else skipped).
pub fn json_ld_objects(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for s in doc.find_all(Document::ROOT, Tag::Script) {
        if !doc.attr(s, Attr::Type).is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw = doc.text_content(s);
        if let Some(v) = parse_lenient(&raw) {
            out.push(v);
        }
    }
    out
}

/// Parses JSON, repairing CDATA/comment wrappers, raw control characters in strings and trailing
/// commas when the strict parse fails.
pub fn parse_lenient(raw: &str) -> Option<Value> {
    let mut s = raw.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim_end().strip_suffix(close).unwrap_or(rest).trim();
        }
    }
    if let Some(v) = crate::json::parse(s) {
        return Some(v);
    }
    let mut fixed = String::with_capacity(s.len());
    let (mut in_str, mut escaped) = (false, false);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            fixed.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => in_str = true,
            ',' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if matches!(next, Some('}' | ']') | None) {
                    continue;
                }
            }
            _ => {}
        }
        fixed.push(c);
    }
    crate::json::parse(&fixed)
}

fn type_matches(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(t),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(t))),
        _ => false,
    }
}

/// The article object inside one parsed script: the value itself, an array member, or a `@graph`
/// member.
fn article_object(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(article_object),
        Value::Object(_) => {
            if type_matches(v) {
                return Some(v);
            }
            match v.get("@graph") {
                Some(Value::Array(g)) => g.iter().find(|x| type_matches(x)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[derive(Default)]
struct LdFields {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    image: Option<String>,
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn ld_fields(doc: &Document, o: &Value) -> LdFields {
    let name = str_of(o.get("name"));
    let headline = str_of(o.get("headline"));
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Readability: prefer the one resembling the document title.
            let doc_title = article_title(doc);
            let name_ok = text_similarity(&n, &doc_title) > 0.75;
            let head_ok = text_similarity(&h, &doc_title) > 0.75;
            Some(if head_ok && !name_ok { h } else { n })
        }
        (n, h) => n.or(h),
    };
    let byline = match o.get("author") {
        Some(Value::Object(a)) => str_of(a.get("name")),
        Some(Value::Array(list)) => {
            let names: Vec<String> = list.iter().filter_map(|a| str_of(a.get("name"))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    };
    let image = match o.get("image") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(i)) => str_of(i.get("url")),
        Some(Value::Array(a)) => a.first().and_then(|i| i.as_str().map(str::to_owned).or_else(|| str_of(i.get("url")))),
        _ => None,
    };
    LdFields {
        title,
        byline,
        excerpt: str_of(o.get("description")),
        site_name: o.get("publisher").and_then(|p| str_of(p.get("name"))),
        published: str_of(o.get("datePublished")),
        image,
    }
}

// ---------------------------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------------------------

/// Words in a title: whitespace-separated words, CJK characters counting one each (Readability
/// splits on whitespace only, which makes every Chinese title "one word").
fn title_words(s: &str) -> usize {
    crate::text::word_count(s).max(s.split_whitespace().count().min(1))
}

/// Byte offsets (of the leading space, or of the character) of each title separator in `s`.
fn separator_positions(s: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !set.contains(&c) {
            continue;
        }
        if c == '｜' {
            let start = if k > 0 && chars[k - 1].1 == ' ' { chars[k - 1].0 } else { at };
            out.push(start);
            continue;
        }
        let spaced = k > 0 && chars[k - 1].1 == ' ' && chars.get(k + 1).is_some_and(|n| n.1 == ' ');
        if spaced {
            out.push(chars[k - 1].0);
        }
    }
    out
}

/// Readability `_getArticleTitle`: the document `<title>` without its site-name part.
pub fn article_title(doc: &Document) -> String {
    let orig = doc.find(Tag::Title).map(|t| fold_whitespace(&doc.text_content(t))).unwrap_or_default();
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = separator_positions(&orig, SEPARATORS);
    if let Some(&last) = seps.last() {
        hierarchical = !separator_positions(&orig, HIERARCHICAL).is_empty();
        cur = orig[..last].to_owned();
        if title_words(&cur) < 3 {
            // Take what follows the first separator character instead.
            if let Some(i) = orig.find(SEPARATORS) {
                let c = orig[i..].chars().next().map_or(1, char::len_utf8);
                cur = orig[i + c..].to_owned();
            }
        }
    } else if orig.contains(": ") || orig.contains('：') {
        let matches_heading = doc
            .ids()
            .filter(|id| matches!(doc.tag(*id), Some(Tag::H1 | Tag::H2)))
            .any(|h| doc.text_content(h).trim() == orig.trim());
        if !matches_heading {
            let last = orig.rfind([':', '：']).unwrap_or(0);
            let first = orig.find([':', '：']).unwrap_or(0);
            let after = |i: usize| orig[i..].chars().skip(1).collect::<String>();
            cur = after(last);
            if title_words(&cur) < 3 {
                cur = after(first);
            } else if title_words(&orig[..first]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s: Vec<NodeId> = doc.ids().filter(|id| doc.is(*id, Tag::H1)).collect();
        if h1s.len() == 1 {
            cur = fold_whitespace(&doc.text_content(h1s[0]));
        }
    }
    let cur = fold_whitespace(&cur);
    let words = title_words(&cur);
    if words <= 4 {
        let without: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
        if !hierarchical || words + 1 != title_words(&without) {
            return orig;
        }
    }
    cur
}

/// The calendar date of a published time for people to read: `2024-06-19` for an ISO 8601
/// date-time (`2024-06-19T04:12:00.000Z`, the date as the page wrote it), anything else as is.
pub fn display_date(published: &str) -> &str {
    let p = published.trim();
    let b = p.as_bytes();
    let iso_date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (b.len() == 10 || b[10] == b'T' || b[10] == b' ');
    if iso_date { &p[..10] } else { p }
}

/// Readability `_textSimilarity`: the share of `b`'s tokens (by length) also in `a`, with CJK
/// characters as tokens of their own.
pub fn text_similarity(a: &str, b: &str) -> f32 {
    let ta = similarity_tokens(a);
    let tb = similarity_tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let total: usize = tb.iter().map(|t| t.chars().count() + 1).sum::<usize>() - 1;
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len: usize = if uniq.is_empty() { 0 } else { uniq.iter().map(|t| t.chars().count() + 1).sum::<usize>() - 1 };
    1.0 - uniq_len as f32 / total as f32
}

fn similarity_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().map(crate::case::lower_char) {
        if crate::text::is_cjk_letter(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The five XML entities: what Readability's `_unescapeHtmlEntities` decodes (it leaves `&nbsp;`).
pub const XML_ENTITIES: &[(&str, char)] = &[("quot", '"'), ("amp", '&'), ("apos", '\''), ("lt", '<'), ("gt", '>')];
/// For raw markup (the `<noscript>` text the image scanner reads): the XML five and `&nbsp;`.
pub const MARKUP_ENTITIES: &[(&str, char)] = &[("quot", '"'), ("amp", '&'), ("apos", '\''), ("lt", '<'), ("gt", '>'), ("nbsp", '\u{a0}')];

/// Readability `_unescapeHtmlEntities`: the five XML entities and numeric references.
pub fn unescape_entities(s: &str) -> String {
    unescape_entities_with(s, XML_ENTITIES)
}

/// Decodes the named entities of `named` and numeric references (invalid code points and NUL
/// become U+FFFD, as in Readability); anything else is left as written.
pub fn unescape_entities_with(s: &str, named: &[(&str, char)]) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Entities are short: look for the `;` only nearby (a page of `&`s stays linear).
        let end = rest.bytes().take(33).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match named.iter().find(|(name, _)| *name == ent) {
                Some((_, c)) => Some(*c),
                None => {
                    let num = ent.strip_prefix('#')?;
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    Some(char::from_u32(n).filter(|c| *c != '\0').unwrap_or('\u{FFFD}'))
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn display_date_keeps_the_calendar_date_of_iso_times() {
        assert_eq!(super::display_date("2024-06-19T04:12:00.000Z"), "2024-06-19");
        assert_eq!(super::display_date(" 2024-06-19 "), "2024-06-19");
        assert_eq!(super::display_date("2024-06-19 10:00"), "2024-06-19");
        assert_eq!(super::display_date("June 19, 2024"), "June 19, 2024");
        assert_eq!(super::display_date("2024-06-1"), "2024-06-1");
        assert_eq!(super::display_date("二〇二四年"), "二〇二四年");
    }

    use super::*;
    use crate::snapshot::from_html;

    fn title_of(t: &str) -> String {
        article_title(&from_html(&format!("<title>{t}</title><body><p>x</p></body>"), None))
    }

    #[test]
    fn titles_lose_their_site_suffix() {
        assert_eq!(title_of("Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault"), "Get your Frontend JavaScript Code Covered | Code");
        assert_eq!(title_of("迟到的普京与热情的金正恩——俄罗斯及朝鲜签署新的协议 - BBC News 中文"), "迟到的普京与热情的金正恩——俄罗斯及朝鲜签署新的协议");
        assert_eq!(title_of("Short - Site"), "Short - Site");
    }

    #[test]
    fn reads_json_ld_graphs_and_broken_json() {
        let html = r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},
            {"@type":"NewsArticle","headline":"Line
            break","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"Pub"},"datePublished":"2024-01-02",}]}</script></head><body></body>"#;
        let m = read(&from_html(html, None));
        assert_eq!(m.title, "Line break");
        assert_eq!(m.byline.as_deref(), Some("A, B"));
        assert_eq!(m.site_name.as_deref(), Some("Pub"));
        assert_eq!(m.published.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn reads_meta_tags() {
        let html = r#"<html lang="fr"><head><meta property="og:title twitter:title" content="T &amp;amp; U"><meta name="dc.creator" content="Ann">
            <meta property="og:site_name" content="Site"><meta name="description" content="D"></head><body></body></html>"#;
        let m = read(&from_html(html, None));
        assert_eq!((m.title.as_str(), m.byline.as_deref(), m.site_name.as_deref(), m.excerpt.as_deref(), m.lang.as_deref()), ("T & U", Some("Ann"), Some("Site"), Some("D"), Some("fr")));
    }

    #[test]
    fn similarity_counts_cjk_characters() {
        assert!(text_similarity("普京出访平壤", "普京出访平壤") > 0.99);
        assert!(text_similarity("Obama gun laws", "Something else entirely") < 0.1);
    }
}
