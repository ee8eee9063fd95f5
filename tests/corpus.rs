//! The fixture suite: one named test per page of `tests/fixtures/readability` plus the seed.
//!
//! Each Readability page is extracted (forced, as Readability's suite does) and its plain text
//! compared with the text of `expected.html` (Readability.js's own output) by word-shingle F1
//! ([`eval::f1`]: 4-word shingles, CJK by 4-character shingles). The test passes when F1 is at
//! least the page's floor in `tests/corpus-floors.tsv` and every metadata field that
//! `expected-metadata.json` has matches, except the deliberate divergences listed with their
//! reasons in `tests/corpus-divergences.tsv`.
//!
//! `BLESS=1 cargo test --test corpus` rewrites the floors to each page's current F1 minus
//! [`MARGIN`] (never above what it achieves; reasons are kept) and appends any new metadata
//! mismatch to the divergences file marked `UNREVIEWED` — review and reword those before committing.
//!
//! The seed (`tests/fixtures/seed`) checks every `must_be_in_article` / `must_not_be_in_article`
//! string of `gold.json`, the title, site name, language and date.

#[path = "support/eval.rs"]
mod eval;

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How far below the F1 measured when blessing a page's floor is set.
const MARGIN: f64 = 0.02;

fn floors_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-floors.tsv")
}
fn divergences_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-divergences.tsv")
}

/// `slug → (floor, reason)`.
fn read_floors() -> BTreeMap<String, (f64, String)> {
    let text = std::fs::read_to_string(floors_path()).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let slug = parts.next()?.to_string();
            let floor = parts.next()?.trim().parse().ok()?;
            Some((slug, (floor, parts.next().unwrap_or("").to_string())))
        })
        .collect()
}

/// `(slug, field) → reason`.
fn read_divergences() -> BTreeMap<(String, String), String> {
    let text = std::fs::read_to_string(divergences_path()).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            Some(((parts.next()?.to_string(), parts.next()?.to_string()), parts.next().unwrap_or("").to_string()))
        })
        .collect()
}

fn bless(pages: &[String]) {
    let old = read_floors();
    let mut divergences = read_divergences();
    let mut out = String::from(
        "# Per-page F1 floors for tests/corpus.rs: slug<TAB>floor<TAB>reason (why a page sits low).\n\
         # Rewritten by `BLESS=1 cargo test --test corpus` to the measured F1 minus a margin; reasons are kept.\n",
    );
    for slug in pages {
        let Ok(r) = eval::run_page(slug) else { continue };
        let floor = ((r.f1 - MARGIN).max(0.0) * 100.0).floor() / 100.0;
        let reason = old.get(slug).map(|o| o.1.clone()).unwrap_or_default();
        out.push_str(&format!("{slug}\t{floor:.2}\t{reason}\n"));
        for (field, ours, want) in &r.mismatches {
            divergences.entry((slug.clone(), field.clone())).or_insert_with(|| format!("UNREVIEWED: ours {ours:?}, Readability {want:?}"));
        }
    }
    std::fs::write(floors_path(), out).expect("write floors");
    let mut d = String::from(
        "# Deliberate metadata divergences from Readability.js: slug<TAB>field<TAB>reason. Listed fields are not checked.\n",
    );
    for ((slug, field), reason) in divergences {
        d.push_str(&format!("{slug}\t{field}\t{reason}\n"));
    }
    std::fs::write(divergences_path(), d).expect("write divergences");
}

fn check_page(slug: &str, floor: Option<f64>, divergences: &BTreeMap<(String, String), String>) -> Result<(), Failed> {
    let r = eval::run_page(slug)?;
    let mut problems = Vec::new();
    match floor {
        Some(f) if r.f1 + 1e-9 < f => problems.push(format!("F1 {:.4} below floor {f:.2} (precision {:.3}, recall {:.3})", r.f1, r.precision, r.recall)),
        Some(_) => {}
        None => problems.push(format!("no floor recorded (F1 {:.4}); run BLESS=1", r.f1)),
    }
    for (field, ours, want) in &r.mismatches {
        if !divergences.contains_key(&(slug.to_string(), field.clone())) {
            problems.push(format!("{field}: ours {ours:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn check_seed() -> Result<(), Failed> {
    let dir = eval::fixtures().join("seed");
    let html = std::fs::read_to_string(dir.join("page.html"))?;
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json"))?)?;
    let doc = broadsheet::snapshot::from_html(&html, Some("https://www.bbc.com/zhongwen/simp/world-69131209"));
    let a = broadsheet::analyze(&doc, &broadsheet::Options::default()).map_err(|e| format!("analyze: {e}"))?;
    let text = a.article.text();
    let mut problems = Vec::new();
    let strs = |k: &str| gold[k].as_array().map(|v| v.iter().filter_map(|s| s.as_str()).map(str::to_owned).collect::<Vec<_>>()).unwrap_or_default();
    for s in strs("must_be_in_article") {
        if !text.contains(&s) {
            problems.push(format!("missing from the article: {s:?}"));
        }
    }
    for s in strs("must_not_be_in_article") {
        if text.contains(&s) {
            problems.push(format!("should not be in the article: {s:?}"));
        }
    }
    let want = |k: &str| gold[k].as_str().unwrap_or("").to_string();
    if a.metadata.title != want("title") {
        problems.push(format!("title {:?}, want {:?}", a.metadata.title, want("title")));
    }
    if a.metadata.site_name.as_deref() != Some(want("site_name").as_str()) {
        problems.push(format!("site_name {:?}, want {:?}", a.metadata.site_name, want("site_name")));
    }
    if !a.metadata.published.as_deref().unwrap_or("").starts_with(&want("published")) {
        problems.push(format!("published {:?}, want {:?}…", a.metadata.published, want("published")));
    }
    if a.metadata.lang.as_deref() != Some(want("lang").as_str()) {
        problems.push(format!("lang {:?}, want {:?}", a.metadata.lang, want("lang")));
    }
    if !a.readerable {
        problems.push("not readerable".into());
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn main() {
    let args = Arguments::from_args();
    let pages = eval::readability_pages();
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        bless(&pages);
    }
    let floors = read_floors();
    let divergences = std::sync::Arc::new(read_divergences());
    let mut trials = vec![Trial::test("seed", check_seed)];
    for slug in pages {
        let floor = floors.get(&slug).map(|f| f.0);
        let d = divergences.clone();
        trials.push(Trial::test(format!("readability::{slug}"), move || check_page(&slug, floor, &d)));
    }
    libtest_mimic::run(&args, trials).exit();
}
