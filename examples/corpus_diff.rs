//! Debugging aid: `cargo run --example corpus_diff SLUG` prints the expected text's 4-shingles we
//! miss and the ones we add, as runs of words.
#[path = "../tests/support/eval.rs"]
mod eval;
use broadsheet::snapshot;
use std::collections::HashMap;

fn runs(from: &[String], other: &[String]) -> Vec<String> {
    let mut count: HashMap<&[String], usize> = HashMap::new();
    for w in other.windows(eval::SHINGLE) {
        *count.entry(w).or_insert(0) += 1;
    }
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for (i, w) in from.windows(eval::SHINGLE).enumerate() {
        let hit = count.get_mut(w).filter(|n| **n > 0).map(|n| *n -= 1).is_some();
        if !hit {
            if cur.is_empty() { cur.extend(w.iter().map(String::as_str)); } else { cur.push(&from[i + eval::SHINGLE - 1]); }
        } else if !cur.is_empty() {
            out.push(cur.join(" "));
            cur.clear();
        }
    }
    if !cur.is_empty() { out.push(cur.join(" ")); }
    out
}

fn main() {
    let slug = std::env::args().nth(1).expect("slug");
    let dir = eval::fixtures().join("readability").join(&slug);
    let src = std::fs::read_to_string(dir.join("source.html")).unwrap();
    let exp = std::fs::read_to_string(dir.join("expected.html")).unwrap();
    let doc = snapshot::from_html(&src, Some(eval::FAKE_URL));
    let got = if std::env::args().any(|a| a == "--no-images") {
        let meta = broadsheet::metadata::read(&doc);
        let ex = broadsheet::extract::extract(&doc, &meta);
        broadsheet::article::Article::build(&doc, &ex, &Default::default(), &meta).text()
    } else {
        broadsheet::analyze(&doc, &broadsheet::Options { force: true, ..Default::default() }).map(|a| a.article.text()).unwrap_or_default()
    };
    let want = eval::page_text(&snapshot::from_html(&exp, Some(eval::FAKE_URL)));
    let (g, w) = (eval::tokens(&got), eval::tokens(&want));
    println!("== missing (in expected, not ours)");
    for r in runs(&w, &g) { println!("- {r}"); }
    println!("== extra (ours, not expected)");
    for r in runs(&g, &w) { println!("+ {r}"); }
}
