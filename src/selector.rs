//! The reader's choice of the article's container, as a selector: a path of element steps from the
//! root, like `html > body:nth-child(2) > div#main.story:nth-child(3)`.
//!
//! When the extraction picks the wrong block, the reader points at the right one ("Pick the
//! content", `web::picker`), and the choice can be remembered for the site. The choice travels as
//! text — from the live page to the core, and into `chrome.storage.local` — so it is a tiny
//! selector format of our own rather than CSS: it must name the same node in the arena snapshot
//! that the reader pointed at in the live page, and it must survive the next page of the same site
//! where ids, classes and positions shift a little.
//!
//! The format, one step per element from the document root, steps joined by `>`:
//! `tag` (lower-case name), then optionally `#id`, any number of `.class`, and `:nth-child(n)` —
//! the element's 1-based position among its parent's **element children as the snapshot counts
//! them** (the overlay's host is not counted; an open shadow root's elements come before the host's
//! light children, see `web::snapshot`). Names and ids are limited to ASCII letters, digits, `-`
//! and `_`, which is all [`is_stable_name`] lets into a selector anyway.
//!
//! [`resolve`] follows the steps over a [`Document`] iteratively (no recursion). Each step takes
//! the first of these among the current node's element children (the fallback rule):
//! 1. the child with the step's tag and `#id` (ids are the most stable handle a page offers; when
//!    siblings repeat an id, the one nearest to `nth-child`);
//! 2. the `nth-child` child, when its tag matches and it has all of the step's classes;
//! 3. among the children with the step's tag and all its classes, the one nearest to `nth-child`
//!    (the earlier one on a tie; the first one for a step without a position);
//! 4. the `nth-child` child when only its tag matches (the classes changed);
//!
//! and otherwise the selector does not resolve. Tags the snapshot does not distinguish
//! ([`Tag::Other`]: custom elements) match any such element.
//!
//! [`for_node`] writes the selector for a snapshot node by the same rules the web layer uses on the
//! live page; a selector built for a node resolves to it (tested over the whole corpus).

use crate::snapshot::{Attr, Document, NodeId, Tag};
use std::fmt;

/// Limits on selector text from storage or the command line (the native parser caps nesting at
/// 1,024 levels like browsers do; a longer path cannot name a node of a snapshot).
pub mod limits {
    /// At most this many steps.
    pub const MAX_STEPS: usize = 1024;
    /// At most this many bytes of selector text.
    pub const MAX_LEN: usize = 64 * 1024;
    /// At most this many classes are written per step: enough to tell siblings apart, few enough
    /// that a class added by a script (`is-active`) rarely breaks rule 2.
    pub const MAX_CLASSES: usize = 3;
    /// Ids and classes longer than this are not written: long names are generated ones.
    pub const MAX_NAME_LEN: usize = 32;
    /// Names with more digits than this are not written: `post-4521`, `css-1x9k2a` change from
    /// page to page (a remembered choice is applied to other pages of the site).
    pub const MAX_NAME_DIGITS: usize = 2;
}

/// One element step of a path.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Step {
    /// The lower-case element name.
    pub tag: String,
    pub id: Option<String>,
    pub classes: Vec<String>,
    /// 1-based position among the parent's element children (as the snapshot counts them).
    pub nth: Option<u32>,
}

/// A path of steps from the document root.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Selector {
    pub steps: Vec<Step>,
}

/// Why selector text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad selector: {}", self.0)
    }
}

impl std::error::Error for ParseError {}

/// Whether an id or class name looks stable enough to write into a selector: ASCII letters,
/// digits, `-` and `_`, starting with a letter, at most [`limits::MAX_NAME_LEN`] long, and at most
/// [`limits::MAX_NAME_DIGITS`] digits (generated names — hashes, counters, post numbers — carry
/// more). Rejected names are simply left out: the step still has its tag and position.
pub fn is_stable_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= limits::MAX_NAME_LEN
        && bytes[0].is_ascii_alphabetic()
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        && bytes.iter().filter(|b| b.is_ascii_digit()).count() <= limits::MAX_NAME_DIGITS
}

impl Step {
    /// A step for an element: its name, its id and up to [`limits::MAX_CLASSES`] classes when
    /// they look stable, and its position.
    pub fn new(tag: &str, id: Option<&str>, class: Option<&str>, nth: u32) -> Step {
        let id = id.map(str::trim).filter(|i| is_stable_name(i)).map(str::to_owned);
        let mut classes: Vec<String> = Vec::new();
        for c in class.unwrap_or("").split_ascii_whitespace() {
            if classes.len() < limits::MAX_CLASSES && is_stable_name(c) && !classes.iter().any(|k| k == c) {
                classes.push(c.to_owned());
            }
        }
        Step { tag: tag.to_ascii_lowercase(), id, classes, nth: Some(nth) }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)?;
        if let Some(id) = &self.id {
            write!(f, "#{id}")?;
        }
        for c in &self.classes {
            write!(f, ".{c}")?;
        }
        if let Some(n) = self.nth {
            write!(f, ":nth-child({n})")?;
        }
        Ok(())
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            if i > 0 {
                f.write_str(" > ")?;
            }
            step.fmt(f)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Selector {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        parse(s)
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Reads selector text (whitespace around `>` is optional; names are case-sensitive except the
/// tag, which is lower-cased).
pub fn parse(text: &str) -> Result<Selector, ParseError> {
    let err = |m: &str| Err(ParseError(m.to_owned()));
    if text.len() > limits::MAX_LEN {
        return err("too long");
    }
    let mut steps = Vec::new();
    for part in text.split('>') {
        if steps.len() >= limits::MAX_STEPS {
            return err("too many steps");
        }
        let b = part.trim().as_bytes();
        let name_end = b.iter().position(|c| !is_name_byte(*c)).unwrap_or(b.len());
        if name_end == 0 {
            return err("a step must start with an element name");
        }
        let mut step = Step { tag: String::from_utf8_lossy(&b[..name_end]).to_ascii_lowercase(), ..Step::default() };
        let mut i = name_end;
        while i < b.len() {
            let start = i + 1;
            match b[i] {
                b'#' | b'.' => {
                    let end = start + b[start..].iter().position(|c| !is_name_byte(*c)).unwrap_or(b.len() - start);
                    if end == start {
                        return err("an empty id or class");
                    }
                    let name = String::from_utf8_lossy(&b[start..end]).into_owned();
                    if b[i] == b'#' {
                        if step.id.replace(name).is_some() {
                            return err("two ids in one step");
                        }
                    } else {
                        step.classes.push(name);
                    }
                    i = end;
                }
                b':' => {
                    const NTH: &[u8] = b"nth-child(";
                    let rest = &b[start..];
                    let close = rest.iter().position(|c| *c == b')');
                    let (true, Some(close)) = (rest.starts_with(NTH), close) else { return err("only :nth-child(n) is understood") };
                    let digits = std::str::from_utf8(&rest[NTH.len()..close]).unwrap_or("").trim();
                    match digits.parse::<u32>() {
                        Ok(n) if n >= 1 && step.nth.is_none() => step.nth = Some(n),
                        _ => return err("nth-child needs one number from 1"),
                    }
                    i = start + close + 1;
                }
                _ => return err("unexpected character"),
            }
        }
        steps.push(step);
    }
    Ok(Selector { steps })
}

/// Whether element `id` carries every class of the step.
fn has_classes(doc: &Document, id: NodeId, classes: &[String]) -> bool {
    if classes.is_empty() {
        return true;
    }
    let own = doc.attr(id, Attr::Class).unwrap_or("");
    classes.iter().all(|c| own.split_ascii_whitespace().any(|o| o == c))
}

/// One step from `parent`, by the fallback rule in the module's documentation.
fn step_from(doc: &Document, parent: NodeId, step: &Step) -> Option<NodeId> {
    let tag = Tag::from_name(&step.tag);
    let children: Vec<NodeId> = doc.element_children(parent).collect();
    let tag_matches = |c: &NodeId| doc.tag(*c) == Some(tag);
    // The matching child nearest to the step's position (pages repeat ids among siblings too).
    let want = step.nth.unwrap_or(1) as usize;
    let nearest = |keep: &dyn Fn(NodeId) -> bool| {
        children.iter().enumerate().filter(|(_, c)| keep(**c)).min_by_key(|(i, _)| (i + 1).abs_diff(want)).map(|(_, c)| *c)
    };
    // 1. The id.
    if let Some(id) = &step.id {
        let with_id = nearest(&|c| tag_matches(&c) && doc.attr(c, Attr::Id).is_some_and(|v| v.trim() == id));
        if with_id.is_some() {
            return with_id;
        }
    }
    let nth = step.nth.and_then(|n| children.get((n as usize).checked_sub(1)?).copied());
    // 2. The position, with tag and classes.
    if let Some(c) = nth.filter(|c| tag_matches(c) && has_classes(doc, *c, &step.classes)) {
        return Some(c);
    }
    // 3. The nearest child with tag and classes.
    let with_classes = nearest(&|c| tag_matches(&c) && has_classes(doc, c, &step.classes));
    if with_classes.is_some() {
        return with_classes;
    }
    // 4. The position, with the tag only.
    nth.filter(tag_matches)
}

/// The node the selector names in `doc`, if it resolves (see the module's rule).
pub fn resolve(doc: &Document, selector: &Selector) -> Option<NodeId> {
    if selector.steps.is_empty() {
        return None;
    }
    let mut at = Document::ROOT;
    for step in &selector.steps {
        at = step_from(doc, at, step)?;
    }
    Some(at)
}

/// The selector for element `node` of `doc`, written by the rules the web layer applies to the
/// live page (`None` for a node that is not an element).
pub fn for_node(doc: &Document, node: NodeId) -> Option<Selector> {
    doc.element(node)?;
    let mut steps = Vec::new();
    let mut at = node;
    while let Some(parent) = doc.parent(at) {
        let nth = doc.element_children(parent).position(|c| c == at)? as u32 + 1;
        let tag = doc.tag(at)?;
        // Custom elements are `Tag::Other` in the snapshot; any unknown name resolves the same.
        let name = if tag == Tag::Other { "x-element" } else { tag.as_str() };
        steps.push(Step::new(name, doc.attr(at, Attr::Id), doc.attr(at, Attr::Class), nth));
        at = parent;
    }
    steps.reverse();
    Some(Selector { steps })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::snapshot::from_html;

    const PAGE: &str = "<html><head><title>t</title></head><body>\
        <div id='top'>x</div><div class='story lead'><p>one</p><p>two</p></div>\
        <div class='story'><p>three</p></div><my-widget><p>four</p></my-widget></body></html>";

    fn text_at(doc: &Document, sel: &str) -> Option<String> {
        resolve(doc, &parse(sel).ok()?).map(|n| doc.text_content(n))
    }

    #[test]
    fn parse_and_print_round_trip() {
        for text in [
            "html > body:nth-child(2) > div#main.story.lead:nth-child(3)",
            "html:nth-child(1) > body:nth-child(2) > my-widget:nth-child(4)",
            "html > body",
        ] {
            assert_eq!(parse(text).expect(text).to_string(), text);
        }
        let spaced = parse("html>body :nth-child(2)");
        assert!(spaced.is_err(), "no whitespace inside a step");
        assert_eq!(parse("HTML>Body:nth-child( 2 )").unwrap().to_string(), "html > body:nth-child(2)");
    }

    #[test]
    fn parse_rejects_what_it_does_not_know() {
        for bad in ["", "html >", "> body", "div#", "div.", "div:first-child", "div:nth-child(0)", "div:nth-child(x)", "div#a#b", "div[x]", "div:nth-child(1):nth-child(2)"] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(parse(&"div > ".repeat(limits::MAX_STEPS + 1)).is_err());
    }

    #[test]
    fn resolves_by_position_id_and_class() {
        let doc = from_html(PAGE, None);
        assert_eq!(text_at(&doc, "html > body:nth-child(2) > div:nth-child(2)").as_deref(), Some("onetwo"));
        assert_eq!(text_at(&doc, "html > body > div#top").as_deref(), Some("x"));
        assert_eq!(text_at(&doc, "html > body > div.story:nth-child(3)").as_deref(), Some("three"));
        assert_eq!(text_at(&doc, "html > body > my-widget:nth-child(4) > p:nth-child(1)").as_deref(), Some("four"));
        // A position past the end: the nearest element with the tag (rule 3).
        assert_eq!(text_at(&doc, "html > body > div:nth-child(9)").as_deref(), Some("three"));
        // Nothing there: no such tag, or a path past a leaf.
        assert_eq!(text_at(&doc, "html > body > section"), None);
        assert_eq!(text_at(&doc, "html > body > div#top > p"), None);
        assert_eq!(resolve(&doc, &Selector::default()), None);
    }

    #[test]
    fn falls_back_when_the_page_shifted() {
        let doc = from_html(PAGE, None);
        // A changed id: the position still holds.
        assert_eq!(text_at(&doc, "html > body > div#gone:nth-child(1)").as_deref(), Some("x"));
        // An element inserted before it (position 2 is now the first story): the classes find the
        // nearest match.
        assert_eq!(text_at(&doc, "html > body > div.story.lead:nth-child(1)").as_deref(), Some("onetwo"));
        // Classes changed: the position with the tag.
        assert_eq!(text_at(&doc, "html > body > div.renamed:nth-child(3)").as_deref(), Some("three"));
        // The id wins over a wrong position.
        assert_eq!(text_at(&doc, "html > body > div#top:nth-child(3)").as_deref(), Some("x"));
    }

    #[test]
    fn stable_names() {
        for ok in ["main", "story-body", "article_text", "h2o", "col-12"] {
            assert!(is_stable_name(ok), "{ok}");
        }
        for bad in ["", "post-4521", "css-1x9k2a", "sc-AbC123", "1col", "a b", "ünïcode", &"x".repeat(40)] {
            assert!(!is_stable_name(bad), "{bad}");
        }
        let step = Step::new("DIV", Some("post-4521"), Some("story  story css-1x9k2a lead is-on extra"), 3);
        assert_eq!(step.to_string(), "div.story.lead.is-on:nth-child(3)");
    }

    #[test]
    fn for_node_resolves_back_to_every_element_of_the_seed() {
        let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed/page.html")).expect("seed page");
        let doc = from_html(&html, None);
        let mut checked = 0;
        for id in doc.ids().filter(|id| doc.element(*id).is_some()) {
            let sel = for_node(&doc, id).expect("an element has a selector");
            let reparsed = parse(&sel.to_string()).expect("printed selectors parse");
            assert_eq!(reparsed, sel);
            assert_eq!(resolve(&doc, &sel), Some(id), "{sel}");
            checked += 1;
        }
        assert!(checked > 200, "{checked}");
    }

    #[test]
    fn deep_paths_resolve_without_recursion() {
        let html = format!("<body>{}<p>deep</p>", "<div>".repeat(1000));
        let doc = from_html(&html, None);
        let p = doc.find(Tag::P).expect("p");
        let sel = for_node(&doc, p).expect("selector");
        assert_eq!(resolve(&doc, &sel), Some(p));
        assert_eq!(parse(&sel.to_string()).as_ref(), Ok(&sel));
    }
}
