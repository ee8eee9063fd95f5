//! Shared by the corpus test (`tests/corpus.rs`) and the quality benchmark
//! (`examples/quality.rs`): reading a fixture, the text of an expected page, and the word-shingle
//! F1 that compares two texts.
#![allow(dead_code)]

use broadsheet::article::Article;
use broadsheet::extract::Extraction;
use broadsheet::images::Images;
use broadsheet::metadata::Metadata;
use broadsheet::snapshot::{self, Document, NodeSet};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The URL Readability's test suite gives every page.
pub const FAKE_URL: &str = "http://fakehost/test/page.html";

/// Shingle length: 4 tokens (a token is a word, or one CJK character — so CJK text is compared by
/// 4-character shingles).
pub const SHINGLE: usize = 4;

/// The fixture root.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The Readability page folders, sorted.
pub fn readability_pages() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixtures().join("readability"))
        .map(|d| d.filter_map(|e| e.ok()).filter(|e| e.path().join("source.html").exists()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The plain text of a whole page (every block of the body), as the article builder sees it.
pub fn page_text(doc: &Document) -> String {
    let ex = Extraction { roots: vec![doc.body()], dropped: NodeSet::for_doc(doc), readerable: true };
    Article::build(doc, &ex, &Images::default(), &Metadata::default()).text()
}

/// Lower-cased tokens: runs of letters/digits, and each CJK character on its own.
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if broadsheet::text::is_cjk_letter(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(s: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(s);
    let mut m = HashMap::new();
    if t.len() < SHINGLE {
        if !t.is_empty() {
            *m.entry(t).or_insert(0) += 1;
        }
        return m;
    }
    for w in t.windows(SHINGLE) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Precision, recall and F1 of `got` against `want` over multisets of shingles.
pub fn f1(got: &str, want: &str) -> (f64, f64, f64) {
    let g = shingles(got);
    let w = shingles(want);
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if gn == 0 && wn == 0 {
        return (1.0, 1.0, 1.0);
    }
    let common: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let p = if gn == 0 { 0.0 } else { common as f64 / gn as f64 };
    let r = if wn == 0 { 0.0 } else { common as f64 / wn as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// One page's result.
pub struct PageResult {
    pub slug: String,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    /// Baseline: the whole body's text against the expected text.
    pub baseline_f1: f64,
    /// `(field, ours, expected)` for every metadata field the expected file has and we got wrong.
    pub mismatches: Vec<(String, String, String)>,
    /// Fields checked.
    pub checked: Vec<String>,
    /// Time spent in `analyze` (metadata + extraction + article), excluding parsing.
    pub micros: u128,
    pub source_bytes: usize,
}

fn fold(s: &str) -> String {
    broadsheet::text::fold_whitespace(s)
}

fn opt(v: Option<&serde_json::Value>) -> Option<String> {
    match v {
        Some(serde_json::Value::String(s)) => Some(fold(s)).filter(|s| !s.is_empty()),
        Some(serde_json::Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    }
}

/// Extracts one Readability page and compares it with its expectations.
pub fn run_page(slug: &str) -> Result<PageResult, String> {
    let dir = fixtures().join("readability").join(slug);
    let source = std::fs::read_to_string(dir.join("source.html")).map_err(|e| format!("source.html: {e}"))?;
    let expected = std::fs::read_to_string(dir.join("expected.html")).map_err(|e| format!("expected.html: {e}"))?;
    let meta_json: serde_json::Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);
    let doc = snapshot::from_html(&source, Some(FAKE_URL));
    let start = std::time::Instant::now();
    let analysis = broadsheet::analyze(&doc, &broadsheet::Options { force: true, ..Default::default() });
    let micros = start.elapsed().as_micros();
    let (text, meta) = match &analysis {
        Ok(a) => (a.article.text(), a.metadata.clone()),
        Err(_) => (String::new(), broadsheet::metadata::read(&doc)),
    };
    let want = page_text(&snapshot::from_html(&expected, Some(FAKE_URL)));
    let (precision, recall, f) = f1(&text, &want);
    let baseline_f1 = f1(&page_text(&doc), &want).2;
    let mut mismatches = Vec::new();
    let mut checked = Vec::new();
    let readerable = broadsheet::extract::readerable::is_probably_readerable(&doc);
    let ours: [(&str, Option<String>); 8] = [
        ("title", Some(fold(&meta.title))),
        ("byline", meta.byline.clone()),
        ("excerpt", meta.excerpt.clone()),
        ("siteName", meta.site_name.clone()),
        ("publishedTime", meta.published.clone()),
        ("lang", meta.lang.clone()),
        ("dir", meta.dir.clone()),
        ("readerable", Some(readerable.to_string())),
    ];
    for (field, got) in ours {
        let Some(v) = meta_json.get(field) else { continue };
        checked.push(field.to_string());
        let want = opt(Some(v));
        let got = got.map(|g| fold(&g)).filter(|g| !g.is_empty());
        if got != want {
            mismatches.push((field.to_string(), got.unwrap_or_else(|| "null".into()), want.unwrap_or_else(|| "null".into())));
        }
    }
    Ok(PageResult { slug: slug.to_string(), f1: f, precision, recall, baseline_f1, mismatches, checked, micros, source_bytes: source.len() })
}
