//! Extraction quality over the Readability corpus: `cargo run --release --example quality`.
//!
//! Prints mean and median word-shingle F1 against Readability.js's own output (`expected.html`),
//! the same for a baseline measured in this run (the whole page body as the "article"), the ten
//! worst pages, metadata accuracy per field, and extraction time (total, median, largest page).
//! `--verbose` lists every page.

#[path = "../tests/support/eval.rs"]
mod eval;

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let m = v.len() / 2;
    if v.len() % 2 == 1 { v[m] } else { (v[m - 1] + v[m]) / 2.0 }
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let mut results = Vec::new();
    for slug in eval::readability_pages() {
        match eval::run_page(&slug) {
            Ok(r) => results.push(r),
            Err(e) => eprintln!("{slug}: {e}"),
        }
    }
    let n = results.len().max(1) as f64;
    let mut f1s: Vec<f64> = results.iter().map(|r| r.f1).collect();
    let mut base: Vec<f64> = results.iter().map(|r| r.baseline_f1).collect();
    let mean = f1s.iter().sum::<f64>() / n;
    let base_mean = base.iter().sum::<f64>() / n;
    let precision = results.iter().map(|r| r.precision).sum::<f64>() / n;
    let recall = results.iter().map(|r| r.recall).sum::<f64>() / n;
    println!("pages: {}", results.len());
    println!("F1 mean {:.4}  median {:.4}  (precision {:.4}, recall {:.4})", mean, median(&mut f1s), precision, recall);
    println!("baseline (whole body) F1 mean {:.4}  median {:.4}  → extraction gains {:+.4}", base_mean, median(&mut base), mean - base_mean);
    let mut by_f1: Vec<&eval::PageResult> = results.iter().collect();
    by_f1.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!("\nten worst pages:");
    for r in by_f1.iter().take(10) {
        println!("  {:<40} F1 {:.3}  P {:.3}  R {:.3}", r.slug, r.f1, r.precision, r.recall);
    }
    if verbose {
        println!("\nall pages:");
        for r in &by_f1 {
            println!("  {:<40} F1 {:.3}  P {:.3}  R {:.3}", r.slug, r.f1, r.precision, r.recall);
        }
    }
    println!("\nmetadata accuracy (pages where expected-metadata.json has the field):");
    for field in ["title", "byline", "excerpt", "siteName", "publishedTime", "lang", "dir", "readerable"] {
        let checked = results.iter().filter(|r| r.checked.iter().any(|c| c == field)).count();
        let wrong: Vec<&eval::PageResult> = results.iter().filter(|r| r.mismatches.iter().any(|m| m.0 == field)).collect();
        println!("  {:<14} {:>3}/{:<3} {:.1}%", field, checked - wrong.len(), checked, 100.0 * (checked - wrong.len()) as f64 / checked.max(1) as f64);
        if verbose {
            for r in wrong {
                for m in r.mismatches.iter().filter(|m| m.0 == field) {
                    println!("      {}: ours {:?} expected {:?}", r.slug, m.1, m.2);
                }
            }
        }
    }
    let mut times: Vec<f64> = results.iter().map(|r| r.micros as f64 / 1000.0).collect();
    let total: f64 = times.iter().sum();
    let largest = results.iter().max_by_key(|r| r.source_bytes);
    println!("\nanalysis time (metadata + extraction + article, parse excluded): total {:.1} ms, median {:.2} ms", total, median(&mut times));
    if let Some(l) = largest {
        println!("largest page: {} ({} KB): analysis {:.2} ms", l.slug, l.source_bytes / 1024, l.micros as f64 / 1000.0);
        // The extraction stage alone (metadata read once outside the loop), best of 5 runs.
        let path = eval::fixtures().join("readability").join(&l.slug).join("source.html");
        if let Ok(html) = std::fs::read_to_string(path) {
            let doc = broadsheet::snapshot::from_html(&html, Some(eval::FAKE_URL));
            let meta = broadsheet::metadata::read(&doc);
            let best = (0..5)
                .map(|_| {
                    let t = std::time::Instant::now();
                    let ex = broadsheet::extract::extract(&doc, &meta);
                    std::hint::black_box(ex);
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .fold(f64::INFINITY, f64::min);
            println!("largest page: {} nodes, extraction stage {:.2} ms (best of 5; budget 20 ms)", doc.len(), best);
        }
    }
}
