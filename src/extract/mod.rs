//! Finding the article: which part of the page is the story, and what inside it is not.
//!
//! Stages (see each module): 1. prepare → 2. score → 3. select → 4. clean. The result is an
//! [`Extraction`]: the article's top-level nodes and a side table of nodes to drop inside them. The
//! page snapshot itself is never changed.

use crate::metadata::Metadata;
use crate::snapshot::{Document, NodeId, NodeSet};

/// Where the article is.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The article's top-level nodes, in document order (the top candidate and merged siblings).
    pub roots: Vec<NodeId>,
    /// Nodes inside `roots` that are not part of the article (with their subtrees).
    pub dropped: NodeSet,
    /// Whether the page looks like an article.
    pub readerable: bool,
}

/// Finds the article in `doc`.
pub fn extract(doc: &Document, _meta: &Metadata) -> Extraction {
    let body = doc.body();
    let text_len = crate::text::fold_whitespace(&doc.text_content(body)).chars().count();
    Extraction { roots: vec![body], dropped: NodeSet::for_doc(doc), readerable: text_len > 200 }
}
