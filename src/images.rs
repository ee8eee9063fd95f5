//! Image sources: every picture of the article with its caption, credit and real origin.

use crate::extract::Extraction;
use crate::metadata::Metadata;
use crate::snapshot::{Document, NodeId, NodeSet};
use serde::Serialize;
use std::collections::HashMap;

/// One image of the article.
#[derive(Clone, Debug, Serialize)]
pub struct Image {
    /// What the page displays (kept as is, may be a proxy URL), resolved against the page URL.
    pub src: String,
    /// The real origin: best candidate, proxies unwrapped.
    pub origin: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// The `<img>` (or `<picture>`) node in the snapshot.
    #[serde(skip)]
    pub node: NodeId,
}

/// The images of one article, with side tables for the article builder.
#[derive(Clone, Debug, Default)]
pub struct Images {
    /// In document order.
    pub list: Vec<Image>,
    /// `<img>` node → index in `list`.
    pub by_node: HashMap<NodeId, usize>,
    /// Caption and credit nodes already used for an image: the article builder skips them.
    pub consumed: NodeSet,
}

/// Collects the article's images.
pub fn collect(_doc: &Document, _extraction: &Extraction, _meta: &Metadata) -> Images {
    Images::default()
}
