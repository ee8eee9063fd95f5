//! The side panel's three sections — Outline, Quotes, Image sources — and what they do in the
//! article: jumping, the outline's scroll-spy, and highlighting a quote inside the overlay's own copy
//! of the text.
//!
//! Every control is a `<button data-action=…>`; one delegated listener in [`super::overlay`] reads
//! the action. Jump targets are the article's blocks, `id="bs-<source node>"`.

use super::dom::{next_in_subtree, Dom};
use super::i18n::t;
use crate::article::safe_url;
use crate::quotes::{Kind, Quote};
use crate::Analysis;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Node, ShadowRoot};

/// How far below the top of the overlay's scrollport a section heading may be and still count as
/// the section being read: the sticky toolbar (about 48 px) plus the headings' `scroll-margin-top`
/// (72 px in overlay.css) plus slack for rounding.
pub const SPY_LINE_PX: f64 = 96.0;

/// A small text button with an action.
fn action_button(dom: &Dom, parent: &Element, action: &str, text: &str, extra: &[(&str, &str)]) -> Result<Element, JsValue> {
    let mut attrs = vec![("type", "button"), ("class", "bs-button bs-small"), ("data-action", action)];
    attrs.extend_from_slice(extra);
    dom.text(parent, "button", &attrs, text)
}

/// The outline as nested lists of jump buttons; generated entries carry an "auto" tag.
pub fn render_outline(dom: &Dom, part: &Element, analysis: &Analysis) -> Result<(), JsValue> {
    if analysis.outline.is_empty() {
        dom.text(part, "p", &[("class", "bs-empty")], &t("noOutline"))?;
        return Ok(());
    }
    let top_level = analysis.outline.iter().map(|e| e.level).min().unwrap_or(1);
    let top = dom.child(part, "ol", &[("class", "bs-outline")])?;
    // Open lists, innermost last: (level, list, its last item).
    let mut lists: Vec<(u8, Element, Option<Element>)> = vec![(top_level, top, None)];
    let auto = t("generated");
    let auto_hint = t("generatedHint");
    for entry in &analysis.outline {
        while lists.len() > 1 && lists.last().is_some_and(|(level, ..)| *level > entry.level) {
            lists.pop();
        }
        let deeper = lists.last().and_then(|(level, _, last)| last.clone().filter(|_| entry.level > *level));
        if let Some(parent_item) = deeper {
            let nested = dom.child(&parent_item, "ol", &[])?;
            lists.push((entry.level, nested, None));
        }
        let Some((_, list, last)) = lists.last_mut() else { break };
        let item = dom.child(list, "li", &[])?;
        let target = entry.target.0.to_string();
        let class = if entry.generated { "bs-jump bs-generated" } else { "bs-jump" };
        let button = dom.child(&item, "button", &[("type", "button"), ("class", class), ("data-action", "jump"), ("data-target", &target)])?;
        dom.text(&button, "span", &[], entry.text.trim())?;
        if entry.generated {
            dom.text(&button, "span", &[("class", "bs-tag"), ("title", &auto_hint)], &auto)?;
        }
        *last = Some(item);
    }
    let actions = dom.child(part, "p", &[("class", "bs-actions")])?;
    action_button(dom, &actions, "copy-outline", &t("copyOutline"), &[])?;
    Ok(())
}

/// Key quotes (speaker, role), then "More quotes" for the partial ones; copy buttons.
pub fn render_quotes(dom: &Dom, part: &Element, analysis: &Analysis) -> Result<(), JsValue> {
    if analysis.quotes.is_empty() {
        dom.text(part, "p", &[("class", "bs-empty")], &t("noQuotes"))?;
        return Ok(());
    }
    let actions = dom.child(part, "p", &[("class", "bs-actions")])?;
    action_button(dom, &actions, "copy-quotes-markdown", &t("copyMarkdown"), &[])?;
    let key: Vec<(usize, &Quote)> = analysis.quotes.iter().enumerate().filter(|(_, q)| q.kind == Kind::Key).collect();
    let partial: Vec<(usize, &Quote)> = analysis.quotes.iter().enumerate().filter(|(_, q)| q.kind != Kind::Key).collect();
    if !key.is_empty() {
        quote_list(dom, part, &key, "bs-quote bs-key")?;
    }
    if !partial.is_empty() {
        dom.text(part, "h3", &[("class", "bs-subhead")], &t("moreQuotes"))?;
        quote_list(dom, part, &partial, "bs-quote")?;
    }
    Ok(())
}

fn quote_list(dom: &Dom, part: &Element, quotes: &[(usize, &Quote)], class: &str) -> Result<(), JsValue> {
    let list = dom.child(part, "ul", &[("class", "bs-quotes")])?;
    let show = t("showInArticle");
    let copy = t("copyQuote");
    for (index, quote) in quotes {
        let item = dom.child(&list, "li", &[("class", class)])?;
        let index = index.to_string();
        let target = quote.target.0.to_string();
        // The quote itself is the jump control: the whole text is the click target.
        let jump = dom.child(&item, "button", &[("type", "button"), ("class", "bs-quote-text"), ("data-action", "jump-quote"), ("data-quote", &index), ("data-target", &target), ("title", &show)])?;
        dom.text(&jump, "q", &[], quote.text.trim())?;
        let footer = dom.child(&item, "p", &[("class", "bs-speaker")])?;
        if let Some(speaker) = quote.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            dom.text(&footer, "span", &[("class", "bs-name")], &format!("— {speaker}"))?;
            if let Some(role) = quote.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                dom.text(&footer, "span", &[("class", "bs-role")], &format!(", {role}"))?;
            }
        }
        let label = format!("{copy}: {}", short(quote.text.trim(), 40));
        dom.text(&footer, "button", &[("type", "button"), ("class", "bs-link"), ("data-action", "copy-quote"), ("data-quote", &index), ("aria-label", &label), ("title", &copy)], &t("copy"))?;
    }
    Ok(())
}

/// The first `n` characters of `s`, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Every image: thumbnail, caption, credit, origin link; "Copy credits".
pub fn render_sources(dom: &Dom, part: &Element, analysis: &Analysis, base: Option<&str>) -> Result<(), JsValue> {
    if analysis.images.is_empty() {
        dom.text(part, "p", &[("class", "bs-empty")], &t("noSources"))?;
        return Ok(());
    }
    let actions = dom.child(part, "p", &[("class", "bs-actions")])?;
    action_button(dom, &actions, "copy-credits", &t("copyCredits"), &[])?;
    let list = dom.child(part, "ul", &[("class", "bs-sources")])?;
    let show = t("showInArticle");
    for image in &analysis.images {
        let item = dom.child(&list, "li", &[("class", "bs-source")])?;
        let alt = image.alt.as_deref().or(image.caption.as_deref()).unwrap_or("").trim();
        let target = image.node.0.to_string();
        // The thumbnail is the "show in the article" control.
        let thumb = dom.child(&item, "button", &[("type", "button"), ("class", "bs-thumb"), ("data-action", "jump"), ("data-target", &target), ("aria-label", &show), ("title", &show)])?;
        if let Some(src) = safe_url(&image.src, base, true) {
            dom.child(&thumb, "img", &[("src", &src), ("alt", alt), ("loading", "lazy"), ("decoding", "async")])?;
        }
        let text = dom.child(&item, "div", &[("class", "bs-source-text")])?;
        if let Some(caption) = image.caption.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            dom.text(&text, "p", &[("class", "bs-caption")], caption)?;
        }
        if let Some(credit) = image.credit.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            let line = dom.child(&text, "p", &[("class", "bs-credit")])?;
            dom.text(&line, "span", &[("class", "bs-label")], &format!("{}: ", t("credit")))?;
            dom.append_text(&line, credit)?;
        }
        let line = dom.child(&text, "p", &[("class", "bs-origin")])?;
        if let Some(origin) = safe_url(&image.origin, base, true).filter(|o| !o.starts_with("data:")) {
            dom.text(&line, "span", &[("class", "bs-label")], &format!("{}: ", t("origin")))?;
            let link = dom.child(&line, "a", &[("href", &origin), ("target", "_blank"), ("rel", "noopener noreferrer"), ("title", &origin)])?;
            link.set_text_content(Some(&short_url(&origin)));
        }
    }
    Ok(())
}

/// Host and the end of the file name of an http(s) URL, for link text (`host/…/kim_01_reuters.jpg`).
fn short_url(url: &str) -> String {
    /// Characters of the file name kept (its end, where the distinctive part and extension are).
    const NAME_CHARS: usize = 24;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..path_end];
    let host_end = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let name = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("");
    let count = name.chars().count();
    let tail: String = name.chars().skip(count.saturating_sub(NAME_CHARS)).collect();
    let cut = count > NAME_CHARS || path.trim_matches('/') != name;
    match (name.is_empty(), cut) {
        (true, _) => host.to_owned(),
        (false, true) => format!("{host}/…{tail}"),
        (false, false) => format!("{host}/{name}"),
    }
}

/// The outline's scroll-spy: marks with `aria-current` the entry of the section being read — the
/// last whose heading has passed [`SPY_LINE_PX`] below the scrollport's top, or the last entry
/// when the scrollport is at its end (a short last section never reaches the line).
pub fn update_spy(root: &ShadowRoot, scroller: &Element) {
    let Ok(buttons) = root.query_selector_all("[data-part=outline] [data-action=jump]") else { return };
    // No outline yet (it is computed after the article paints): reading geometry here would force
    // a synchronous layout of the whole article before its first paint, for nothing.
    if buttons.length() == 0 {
        return;
    }
    let top = scroller.get_bounding_client_rect().top();
    let at_end = scroller.scroll_top() as f64 + scroller.client_height() as f64 >= scroller.scroll_height() as f64 - 2.0;
    let mut current: Option<u32> = None;
    let mut last_with_target = None;
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let Some(block) = button.get_attribute("data-target").and_then(|id| root.get_element_by_id(&format!("bs-{id}"))) else { continue };
        last_with_target = Some(i);
        if block.get_bounding_client_rect().top() - top <= SPY_LINE_PX {
            current = Some(i);
        }
    }
    if at_end && scroller.scroll_top() > 0 {
        current = last_with_target;
    }
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let is_current = current == Some(i);
        if is_current != button.has_attribute("aria-current") {
            let _ = if is_current { button.set_attribute("aria-current", "location") } else { button.remove_attribute("aria-current") };
        }
    }
}

/// Removes the highlight of an earlier quote jump.
pub fn clear_highlight(root: &ShadowRoot) {
    let Ok(marks) = root.query_selector_all("mark.bs-highlight") else { return };
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i) else { continue };
        let Some(parent) = mark.parent_node() else { continue };
        while let Some(child) = mark.first_child() {
            let _ = parent.insert_before(&child, Some(&mark));
        }
        let _ = parent.remove_child(&mark);
        parent.normalize();
    }
    if let Ok(blocks) = root.query_selector_all(".bs-highlight-block") {
        for i in 0..blocks.length() {
            if let Some(e) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.class_list().remove_1("bs-highlight-block");
            }
        }
    }
}

/// Wraps the quote's characters `start..end` of `block`'s whitespace-folded text (the core's
/// `Block.text`) in a `<mark>`; when they cannot be found, highlights the whole block. Returns the
/// element to scroll to.
pub fn highlight(dom: &Dom, block: &Element, start: usize, end: usize) -> Element {
    if end > start {
        if let Some(mark) = wrap_range(dom, block, start, end) {
            return mark;
        }
    }
    let _ = block.class_list().add_1("bs-highlight-block");
    block.clone()
}

fn wrap_range(dom: &Dom, block: &Element, start: usize, end: usize) -> Option<Element> {
    let (from, to) = folded_positions(block, start, end)?;
    let range = dom.document.create_range().ok()?;
    range.set_start(&from.0, from.1).ok()?;
    range.set_end(&to.0, to.1).ok()?;
    let contents = range.extract_contents().ok()?;
    let mark = dom.el("mark", &[("class", "bs-highlight")]).ok()?;
    mark.append_child(&contents).ok()?;
    range.insert_node(&mark).ok()?;
    Some(mark)
}

/// The DOM positions (text node, UTF-16 offset) of folded-text characters `start` and `end` in
/// `block`, folding whitespace exactly as `text::fold_whitespace` does. Walks the text nodes in
/// order with an explicit cursor (no recursion).
fn folded_positions(block: &Element, start: usize, end: usize) -> Option<((Node, u32), (Node, u32))> {
    let mut folded = 0usize;
    let mut pending_space = false;
    let mut from: Option<(Node, u32)> = None;
    let mut last: Option<(Node, u32)> = None;
    let root: &Node = block;
    let mut node = root.first_child();
    while let Some(current) = node {
        if current.node_type() == Node::TEXT_NODE {
            let text = current.text_content().unwrap_or_default();
            let mut offset = 0u32;
            for c in text.chars() {
                if c.is_whitespace() || c == '\u{200B}' {
                    pending_space = folded > 0;
                } else {
                    if pending_space {
                        folded += 1;
                        pending_space = false;
                    }
                    if folded == start && from.is_none() {
                        from = Some((current.clone(), offset));
                    }
                    folded += 1;
                    let after = offset + c.len_utf16() as u32;
                    last = Some((current.clone(), after));
                    if folded == end {
                        return from.map(|f| (f, (current.clone(), after)));
                    }
                }
                offset += c.len_utf16() as u32;
            }
        }
        node = next_in_subtree(root, &current);
    }
    // A quote running to the block's end (its part in this block).
    match (from, last) {
        (Some(f), Some(l)) if end >= folded => Some((f, l)),
        _ => None,
    }
}


/// Makes `element` focusable by script (not by Tab) and focuses it without scrolling (the caller
/// scrolls, smoothly or not).
pub fn focus_quietly(element: &Element) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = focus.call1(element, &options);
    } else if let Some(e) = element.dyn_ref::<HtmlElement>() {
        let _ = e.focus();
    }
}
