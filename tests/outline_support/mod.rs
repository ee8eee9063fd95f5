//! Shared by the outline corpus tests: building an article from a corpus page's `expected.html`
//! (Readability's expected output: the article alone, which isolates the outline from extraction).

#![allow(dead_code)]

use broadsheet::article::Article;
use broadsheet::extract::Extraction;
use broadsheet::images::Images;
use broadsheet::metadata::Metadata;
use broadsheet::snapshot::{self, Document, NodeSet};
use std::path::PathBuf;

pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readability")
}

/// Every corpus page slug, sorted.
pub fn slugs() -> Vec<String> {
    let mut s: Vec<String> = std::fs::read_dir(corpus()).expect("corpus").filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    s.sort();
    s
}

/// The page's expected article, its title (from expected-metadata.json) and the built article.
pub fn expected_article(slug: &str) -> (Document, Metadata, Article) {
    let dir = corpus().join(slug);
    let html = std::fs::read_to_string(dir.join("expected.html")).expect("expected.html");
    let doc = snapshot::from_html(&html, Some("http://fakehost/test/page.html"));
    let title = std::fs::read_to_string(dir.join("expected-metadata.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["title"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let meta = Metadata { title, ..Default::default() };
    let ex = Extraction { roots: vec![doc.body()], dropped: NodeSet::for_doc(&doc), readerable: true };
    let article = Article::build(&doc, &ex, &Images::default(), &meta);
    (doc, meta, article)
}
