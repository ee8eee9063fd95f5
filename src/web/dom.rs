//! Small helpers for building the overlay's DOM: elements, attributes and `textContent`, nothing
//! else. Page content never passes through `innerHTML`.

use wasm_bindgen::JsValue;
use web_sys::{Element, Node};

/// Creates elements in the page's document (they are only ever attached inside the shadow root).
pub struct Dom {
    pub document: web_sys::Document,
}

impl Dom {
    /// A new `<tag>` with these attributes.
    pub fn el(&self, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        for (name, value) in attrs {
            element.set_attribute(name, value)?;
        }
        Ok(element)
    }

    /// A new `<tag>` with attributes, appended to `parent`.
    pub fn child(&self, parent: &Node, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
        let element = self.el(tag, attrs)?;
        parent.append_child(&element)?;
        Ok(element)
    }

    /// A new `<tag>` with attributes and text, appended to `parent`.
    pub fn text(&self, parent: &Node, tag: &str, attrs: &[(&str, &str)], text: &str) -> Result<Element, JsValue> {
        let element = self.child(parent, tag, attrs)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// Appends a text node to `parent`.
    pub fn append_text(&self, parent: &Node, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.document.create_text_node(text))?;
        Ok(())
    }
}

/// Removes every child of `node`.
pub fn clear(node: &Node) {
    while let Some(child) = node.last_child() {
        let _ = node.remove_child(&child);
    }
}

/// The next node after `node` in document order, staying inside `root`.
pub fn next_in_subtree(root: &Node, node: &Node) -> Option<Node> {
    if let Some(child) = node.first_child() {
        return Some(child);
    }
    let mut current = node.clone();
    loop {
        if current.is_same_node(Some(root)) {
            return None;
        }
        if let Some(next) = current.next_sibling() {
            return Some(next);
        }
        current = current.parent_node()?;
    }
}
