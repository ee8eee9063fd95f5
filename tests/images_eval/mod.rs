//! Scoring the image stage against the hand labels in `tests/labels/images/<page>.json`, shared by
//! the fixture test (`tests/images_labels.rs`) and the benchmark (`examples/images_bench.rs`).
//!
//! A label file names the page, the article root (a tiny selector: `tag`, `tag.class`, `tag#id`,
//! `.class`, `#id`; the first match in document order — it isolates the image stage from the
//! extraction), the pictures of the article with their `origin`, `caption` and `credit` (null when
//! the page shows none), `not_images` (URL parts that must not be listed), `ignore` (URL parts of
//! ambiguous pictures, counted neither way) and `known_gaps` (fields the fixture test does not
//! assert for this page, still measured by the benchmark).

#![allow(dead_code)]

use broadsheet::extract::Extraction;
use broadsheet::images::{self, origin::same_picture, Image};
use broadsheet::snapshot::{self, Attr, Document, NodeId, NodeSet, Tag};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One labelled picture.
#[derive(Debug, Clone)]
pub struct Label {
    pub origin: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// One label file.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub url: String,
    pub root: String,
    pub images: Vec<Label>,
    pub not_images: Vec<String>,
    pub ignore: Vec<String>,
    pub known_gaps: Vec<String>,
}

/// Counts for one page (or summed over pages).
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub labelled: usize,
    pub found: usize,
    pub matched: usize,
    pub origin_ok: usize,
    pub credit_ok: usize,
    pub caption_ok: usize,
    pub forbidden_found: usize,
    /// Human-readable mismatches, by field.
    pub misses: Vec<(String, String)>,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.labelled += o.labelled;
        self.found += o.found;
        self.matched += o.matched;
        self.origin_ok += o.origin_ok;
        self.credit_ok += o.credit_ok;
        self.caption_ok += o.caption_ok;
        self.forbidden_found += o.forbidden_found;
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.labelled)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every label file, sorted by page.
pub fn pages() -> Vec<Page> {
    let dir = repo().join("tests/labels/images");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("label dir").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    files.iter().map(|p| load(p)).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

pub fn load(path: &Path) -> Page {
    let text = std::fs::read_to_string(path).expect("label file");
    let v: Value = serde_json::from_str(&text).expect("label json");
    let images = v["images"]
        .as_array()
        .expect("images")
        .iter()
        .map(|i| Label {
            origin: i["origin"].as_str().expect("origin").to_owned(),
            caption: i["caption"].as_str().map(str::to_owned),
            credit: i["credit"].as_str().map(str::to_owned),
        })
        .collect();
    Page {
        slug: v["page"].as_str().expect("page").to_owned(),
        url: v["url"].as_str().unwrap_or("http://fakehost/test/page.html").to_owned(),
        root: v["root"].as_str().unwrap_or("body").to_owned(),
        images,
        not_images: strings(&v["not_images"]),
        ignore: strings(&v["ignore"]),
        known_gaps: strings(&v["known_gaps"]),
    }
}

/// The first element matching a tiny selector (`tag`, `tag.class`, `tag#id`, `.class`, `#id`).
pub fn select(doc: &Document, selector: &str) -> Option<NodeId> {
    let (tag, rest) = match selector.find(['.', '#']) {
        Some(i) => (&selector[..i], &selector[i..]),
        None => (selector, ""),
    };
    let tag = (!tag.is_empty()).then(|| Tag::from_name(tag));
    doc.ids().find(|id| {
        if tag.is_some_and(|t| !doc.is(*id, t)) || doc.element(*id).is_none() {
            return false;
        }
        if let Some(class) = rest.strip_prefix('.') {
            return doc.attr(*id, Attr::Class).is_some_and(|c| c.split_whitespace().any(|x| x == class));
        }
        if let Some(want) = rest.strip_prefix('#') {
            return doc.attr(*id, Attr::Id) == Some(want);
        }
        true
    })
}

/// Runs the image stage on the page's labelled article root.
pub fn run(page: &Page) -> Vec<Image> {
    let path = repo().join("tests/fixtures/readability").join(&page.slug).join("source.html");
    let html = std::fs::read_to_string(&path).expect("source.html");
    let doc = snapshot::from_html(&html, Some(&page.url));
    let meta = broadsheet::metadata::read(&doc);
    let root = select(&doc, &page.root).unwrap_or_else(|| panic!("root {:?} not found in {}", page.root, page.slug));
    let ex = Extraction { roots: vec![root], dropped: NodeSet::for_doc(&doc), readerable: true };
    images::collect(&doc, &ex, &meta).list.into_iter().filter(|i| !i.lead || doc.is(i.node, Tag::Img)).collect()
}

fn norm(s: Option<&str>) -> Option<String> {
    s.map(broadsheet::text::fold_whitespace).filter(|x| !x.is_empty())
}

fn matches(found: &Image, origin: &str) -> bool {
    found.origin == origin || same_picture(&found.origin, origin) || found.src == origin
}

/// Scores the found images of one page.
pub fn score(page: &Page, found: &[Image]) -> Score {
    let mut s = Score { labelled: page.images.len(), ..Default::default() };
    let mut used = vec![false; found.len()];
    for label in &page.images {
        let hit = found.iter().enumerate().find(|(i, f)| !used[*i] && matches(f, &label.origin));
        let Some((i, f)) = hit else {
            s.misses.push(("recall".into(), format!("missing {}", label.origin)));
            continue;
        };
        used[i] = true;
        s.matched += 1;
        if f.origin == label.origin {
            s.origin_ok += 1;
        } else {
            s.misses.push(("origin".into(), format!("{} ≠ {}", f.origin, label.origin)));
        }
        if norm(f.credit.as_deref()) == norm(label.credit.as_deref()) {
            s.credit_ok += 1;
        } else {
            s.misses.push(("credit".into(), format!("{:?} ≠ {:?} ({})", f.credit, label.credit, label.origin)));
        }
        if norm(f.caption.as_deref()) == norm(label.caption.as_deref()) {
            s.caption_ok += 1;
        } else {
            s.misses.push(("caption".into(), format!("{:?} ≠ {:?} ({})", f.caption, label.caption, label.origin)));
        }
    }
    for (i, f) in found.iter().enumerate() {
        if used[i] {
            continue;
        }
        let ignored = page.ignore.iter().any(|p| f.origin.contains(p.as_str()) || f.src.contains(p.as_str()));
        if ignored {
            continue;
        }
        s.found += 1;
        if page.not_images.iter().any(|p| f.origin.contains(p.as_str()) || f.src.contains(p.as_str())) {
            s.forbidden_found += 1;
        }
        s.misses.push(("precision".into(), format!("extra {}", f.origin)));
    }
    s.found += s.matched;
    s
}
