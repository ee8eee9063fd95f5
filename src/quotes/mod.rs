//! Key quotes: the quoted speech of the article, who said it, ranked.

use crate::article::Article;
use crate::metadata::Metadata;
use crate::snapshot::NodeId;
use serde::Serialize;

/// Whole-clause speech or a short fragment of someone's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Key,
    Partial,
}

/// One quotation.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub kind: Kind,
    pub score: f32,
    /// The block the quote is in.
    #[serde(skip)]
    pub target: NodeId,
}

/// Finds the quotes of `article`, best first.
pub fn find(_article: &Article, _meta: &Metadata) -> Vec<Quote> {
    Vec::new()
}
