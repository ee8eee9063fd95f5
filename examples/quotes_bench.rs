//! Quotes benchmark: precision, recall and speaker accuracy of *key* (whole-clause) quotes over the
//! hand-labelled pages in `tests/labels/quotes/`, plus the time `quotes::find` takes per page.
//!
//! ```text
//! cargo run --release --example quotes_bench [-- --verbose]
//! ```
//! Matching: a predicted key quote matches a labelled key quote when their word overlap is ≥ 0.5
//! (common words ÷ words of the longer text), one-to-one, best first; a predicted key quote that
//! matches only a labelled *partial* quote counts as a false positive. Each page is run twice: on
//! the page as served (`source.html`, through the branch's extraction) and on the clean article
//! (`expected.html`, Readability's output), so that extraction errors and quote errors can be told
//! apart. Labels are split into `dev` (rules were tuned while looking at them), `heldout` (labelled
//! at the same time, meant for totals only — but their per-page misses were seen during
//! development, so treat them as semi-held-out) and `fresh` (labelled last, measured once).

use broadsheet::quotes::eval::{score, Labels, Score};
use broadsheet::{analyze, snapshot, Options};
use std::time::Instant;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/tests/labels/quotes"))
        .expect("tests/labels/quotes")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut totals: Vec<(String, Score)> = Vec::new();
    let mut times = Vec::new();
    println!("{:<28} {:>8} {:>4} {:>4} {:>4} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>8}", "page", "split", "lab", "pred", "ok", "P", "R", "spk", "P*", "R*", "spk*", "find µs");
    for path in &paths {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read label")).expect("label json");
        let labels = Labels::from_json(&v);
        let split = v["split"].as_str().unwrap_or("dev").to_string();
        let source = format!("{root}/{}", v["source"].as_str().expect("source"));
        let clean = source.replace("source.html", "expected.html");
        let mut row = Vec::new();
        for (variant, file) in [("page", &source), ("clean", &clean)] {
            let html = std::fs::read_to_string(file).expect("read page");
            let doc = snapshot::from_html(&html, None);
            let Ok(a) = analyze(&doc, &Options { force: true, ..Default::default() }) else {
                row.push(Score { labelled: labels.key.len(), ..Default::default() });
                continue;
            };
            if variant == "page" {
                let runs = 20;
                let t = Instant::now();
                for _ in 0..runs {
                    std::hint::black_box(broadsheet::quotes::find(&a.article, &a.metadata));
                }
                times.push(t.elapsed().as_secs_f64() * 1e6 / runs as f64);
            }
            let s = score(&a.quotes, &labels);
            if verbose {
                println!("--- {} ({variant})", path.file_stem().unwrap_or_default().to_string_lossy());
                for m in &s.missed {
                    println!("  missed:   {m}");
                }
                for m in &s.spurious {
                    println!("  spurious: {m}");
                }
                for (q, p, a) in &s.wrong_speaker {
                    println!("  speaker:  {p:?} for {a:?}: {q}");
                }
                for n in &s.not_quotes_listed {
                    println!("  NOT A QUOTE listed: {n}");
                }
            }
            totals.push((format!("{split}/{variant}"), s.clone()));
            row.push(s);
        }
        let (p, c) = (&row[0], &row[1]);
        println!(
            "{:<28} {:>8} {:>4} {:>4} {:>4} | {:>5.2} {:>5.2} {:>5.2} | {:>5.2} {:>5.2} {:>5.2} | {:>8.0}",
            path.file_stem().unwrap_or_default().to_string_lossy(),
            split,
            p.labelled,
            p.predicted,
            p.matched,
            p.precision(),
            p.recall(),
            p.speaker_accuracy(),
            c.precision(),
            c.recall(),
            c.speaker_accuracy(),
            times.last().copied().unwrap_or(0.0)
        );
    }
    println!("\n(P R spk: on the page as served; P* R* spk*: on Readability's clean article)");
    for group in ["dev/page", "dev/clean", "heldout/page", "heldout/clean", "fresh/page", "fresh/clean"] {
        let mut sum = Score::default();
        let mut not_quotes = 0;
        for (g, s) in &totals {
            if g == group {
                sum.add(s);
                not_quotes += s.not_quotes_listed.len();
            }
        }
        println!(
            "{group:<14} labelled {:>3}  predicted {:>3}  matched {:>3}  P {:.3}  R {:.3}  speaker {:.3}  (key-was-partial {}, not-quotes listed {})",
            sum.labelled, sum.predicted, sum.matched, sum.precision(), sum.recall(), sum.speaker_accuracy(), sum.key_was_partial, not_quotes
        );
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    if !times.is_empty() {
        println!("quotes::find per page: median {:.0} µs, max {:.0} µs over {} pages", times[times.len() / 2], times[times.len() - 1], times.len());
    }
}
