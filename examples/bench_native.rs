//! Native benchmark of the core over the corpus (tests/fixtures/readability/*/source.html and the
//! seed page): html5ever parse into the arena snapshot, then each analysis stage, timed per page
//! (median of RUNS runs, pages interleaved) and summed. For quick iteration on the core without a
//! browser; the browser figures come from `./build.sh bench`.
//!
//!   cargo run --release --example bench_native [RUNS]        (default 5 runs)
//!   PAGES=clean-links,seed cargo run --release --example bench_native 50   (those pages only, for a profiler)

use broadsheet::{article, images, outline, quotes, snapshot};
use std::time::Instant;

/// The phases, in pipeline order (matching `broadsheet::analyze` and the browser benchmark).
const PHASES: [&str; 5] = ["parse (html5ever)", "metadata + extract", "images + article", "outline + quotes", "analysis total"];

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let root = env!("CARGO_MANIFEST_DIR");
    // 1. The pages.
    let mut pages: Vec<(String, String)> = Vec::new();
    let corpus = format!("{root}/tests/fixtures/readability");
    let mut slugs: Vec<_> = std::fs::read_dir(&corpus).expect("corpus").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    slugs.sort();
    for slug in slugs {
        if let Ok(html) = std::fs::read_to_string(format!("{corpus}/{slug}/source.html")) {
            pages.push((slug, html));
        }
    }
    pages.push(("seed".into(), std::fs::read_to_string(format!("{root}/tests/fixtures/seed/page.html")).expect("seed")));
    if let Ok(only) = std::env::var("PAGES") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        pages.retain(|(slug, _)| only.contains(&slug.as_str()));
    }

    // 2. Interleaved runs: every page once per round.
    let mut samples = vec![vec![Vec::with_capacity(runs); PHASES.len()]; pages.len()];
    for _ in 0..runs {
        for (i, (_, html)) in pages.iter().enumerate() {
            let t = Instant::now();
            let doc = snapshot::from_html(html, Some("https://example.com/article"));
            let t_parse = t.elapsed();
            let t = Instant::now();
            let (meta, extraction) = broadsheet::metadata_and_extraction(&doc, None).expect("the whole page always has an extraction");
            let t_extract = t.elapsed();
            let t = Instant::now();
            let imgs = images::collect(&doc, &extraction, &meta);
            let art = article::Article::build(&doc, &extraction, &imgs, &meta);
            let t_article = t.elapsed();
            let t = Instant::now();
            let entries = outline::build(&art, &meta);
            let found = quotes::find(&art, &meta);
            let t_rest = t.elapsed();
            std::hint::black_box((entries, found));
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
            let analysis = ms(t_extract) + ms(t_article) + ms(t_rest);
            for (k, v) in [ms(t_parse), ms(t_extract), ms(t_article), ms(t_rest), analysis].into_iter().enumerate() {
                samples[i][k].push(v);
            }
        }
    }

    // 3. Per page medians, then the corpus median and total per phase.
    let medians: Vec<Vec<f64>> = samples.iter().map(|page| page.iter().map(|s| median(s.clone())).collect()).collect();
    println!("{} pages × {runs} runs (ms)", pages.len());
    println!("{:<22} {:>10} {:>10} {:>10}", "phase", "median", "total", "max");
    for (k, name) in PHASES.iter().enumerate() {
        let col: Vec<f64> = medians.iter().map(|m| m[k]).collect();
        let max = col.iter().cloned().fold(0.0, f64::max);
        println!("{:<22} {:>10.3} {:>10.1} {:>10.2}", name, median(col.clone()), col.iter().sum::<f64>(), max);
    }
    let ratio: Vec<f64> = medians.iter().map(|m| m[4] / m[0].max(1e-9)).collect();
    println!("analysis / parse: median ratio {:.2}×", median(ratio));
    let mut worst: Vec<(usize, f64)> = medians.iter().enumerate().map(|(i, m)| (i, m[4])).collect();
    worst.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("slowest analyses:");
    for (i, t) in worst.into_iter().take(5) {
        println!("  {:<36} {:>8.2} ms analysis, {:>8.2} ms parse, {:>5} KB", pages[i].0, t, medians[i][0], pages[i].1.len() / 1024);
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 { xs[m] } else { (xs[m - 1] + xs[m]) / 2.0 }
}
