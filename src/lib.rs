//! # Broadsheet
//!
//! A reader mode that reads the page's live DOM in place and lays a calm overlay over it: the article,
//! a generated outline, the key quotes with their speakers, and where every image comes from.
//!
//! The crate is a pure core with a thin browser layer:
//!
//! - [`snapshot`] — the document model: an arena of nodes in document order, built from the live DOM
//!   (in the browser) or from HTML text with html5ever (natively).
//! - [`analyze`] runs the pipeline over a snapshot, in numbered stages:
//!   1. [`metadata`] — title, byline, site, date, language, direction from JSON-LD, OpenGraph, `<meta>`;
//!   2. [`extract`] — find the article: prepare, score, select, clean;
//!   3. [`images`] — every image of the article with its caption, credit and real origin;
//!   4. [`article`] — the cleaned, sanitized article as an owned tree, plus its text blocks;
//!   5. [`outline`] — sections from headings, or generated from topic shifts;
//!   6. [`quotes`] — quoted speech with its speaker, ranked.
//!
//!   With [`Options::container`] (the reader picked the article's container, [`selector`]),
//!   stage 2 keeps that container instead of choosing one.
//! - [`sentences`] — sentence boundaries (Chinese, Japanese and spaced languages), for reading aloud.
//! - [`words`] — the static word lists' packed form: one string per list, smaller in the wasm than `&[&str]`.
//! - `web` (wasm32 only) snapshots the live DOM and renders the overlay in a shadow root.
//! - `src/bin/broadsheet.rs` is the native CLI over the same core.
//!
//! Nothing in the core touches the page: results are plain data, keyed by [`snapshot::NodeId`].

// These docs are for the crate's developers, private modules and items included (`./build.sh test`
// checks them: `cargo doc --document-private-items` with warnings as errors), so module tours may
// link the private stages they describe.
#![allow(rustdoc::private_intra_doc_links)]

pub mod article;
pub mod case;
pub mod error;
pub mod extract;
pub mod hash;
pub mod images;
pub mod json;
pub mod markdown;
pub mod metadata;
pub mod outline;
pub mod quotes;
pub mod sentences;
pub mod selector;
pub mod snapshot;
pub mod sort;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::Error;

use serde::Serialize;
use snapshot::Document;

/// Options for one analysis.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Build an overlay even when the page does not look like an article ("show it anyway").
    pub force: bool,
    /// The article's container as the reader chose it ("Pick the content", a remembered choice,
    /// the CLI's `--container`): extraction keeps it instead of choosing, and the page counts as
    /// an article. [`Error::ContainerNotFound`] when it does not resolve.
    pub container: Option<selector::Selector>,
}

impl Options {
    /// The reading a press asks for: neither forced nor with a chosen container.
    pub fn is_default(&self) -> bool {
        !self.force && self.container.is_none()
    }
}

/// Everything the reader shows for one page.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    #[serde(flatten)]
    pub metadata: metadata::Metadata,
    /// Whether the page looked like an article (the `readerable` check).
    pub readerable: bool,
    #[serde(flatten)]
    pub article: article::Article,
    pub outline: Vec<outline::Entry>,
    pub quotes: Vec<quotes::Quote>,
    pub images: Vec<images::Image>,
}

/// Runs the whole pipeline over a snapshot.
///
/// Fails with [`Error::TooLarge`] when the snapshot stopped at its size limit, with
/// [`Error::NotAnArticle`] when the page does not look like an article and `options.force` is off,
/// and with [`Error::NoContent`] when nothing readable was found at all.
pub fn analyze(doc: &Document, options: &Options) -> Result<Analysis, Error> {
    let mut analysis = read_article(doc, options)?;
    // 5–6. Outline and quotes over the text blocks.
    analysis.outline = outline_of(&analysis);
    analysis.quotes = quotes_of(&analysis);
    Ok(analysis)
}

/// Stages 0–4 of [`analyze`]: everything the reader needs to see the article, with the outline and
/// quotes left empty. The overlay paints this first and fills the panels with [`outline_of`] and
/// [`quotes_of`] afterwards, so a long article shows before its panels are computed.
pub fn read_article(doc: &Document, options: &Options) -> Result<Analysis, Error> {
    // 0. A snapshot cut short at its size limit holds only the page's start: the article could be
    //    anywhere, so the reader says the page is too large rather than guess.
    if let Some(limit) = doc.truncated() {
        return Err(Error::TooLarge { limit });
    }
    // 1–2. Metadata and the article's container, in the one the reader chose if any.
    let container = options.container.as_ref().map(|c| selector::resolve(doc, c).ok_or(Error::ContainerNotFound)).transpose()?;
    let (metadata, extraction) = metadata_and_extraction(doc, container).ok_or(Error::ContainerNotFound)?;
    if !extraction.readerable && options.is_default() {
        return Err(Error::NotAnArticle);
    }
    // 3. Images with captions, credits and origins (a side table keyed by the <img> NodeId).
    let images = images::collect(doc, &extraction, &metadata);
    // 4. The sanitized article tree and its text blocks.
    let article = article::Article::build(doc, &extraction, &images, &metadata);
    if article.blocks.is_empty() {
        return Err(Error::NoContent);
    }
    Ok(Analysis { metadata, readerable: extraction.readerable, article, outline: Vec::new(), quotes: Vec::new(), images: images.list })
}

/// Stages 1–2 of [`read_article`], with no reader decisions (size, readerable, content): the
/// page's metadata, most trusted source first and completed with what only the extraction knows
/// (excerpt fallback, text direction), and the extraction — of the whole page, or inside
/// `container` (`None` when the container is not inside the `<body>`). Metadata's byline search and
/// the extraction read the same class/id facts of every element: they are computed once here, and
/// dropped before the later stages (peak memory on the largest pages). The benchmarks time this.
pub fn metadata_and_extraction(doc: &Document, container: Option<snapshot::NodeId>) -> Option<(metadata::Metadata, extract::Extraction)> {
    let facts = extract::facts(doc);
    let mut metadata = metadata::read_with(doc, &facts);
    let extraction = match container {
        None => extract::extract_with(doc, &metadata, &facts),
        Some(node) => extract::extract_within(doc, &metadata, &facts, node)?,
    };
    drop(facts);
    metadata::complete(&mut metadata, doc, &extraction);
    Some((metadata, extraction))
}

/// Stage 5: the outline of an article read by [`read_article`].
pub fn outline_of(analysis: &Analysis) -> Vec<outline::Entry> {
    outline::build(&analysis.article, &analysis.metadata)
}

/// Stage 6: the quotes of an article read by [`read_article`], best first.
pub fn quotes_of(analysis: &Analysis) -> Vec<quotes::Quote> {
    quotes::find(&analysis.article, &analysis.metadata)
}
