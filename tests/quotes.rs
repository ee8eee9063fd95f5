//! Key-quote fixtures: the seed article and every hand-labelled page in `tests/labels/quotes/`, one
//! named test each (`cargo test --test quotes`, filter by name as usual).
//!
//! The seed must list all six `key` quotes of `gold.json` as key quotes with a right speaker, never
//! a `not_quotes` entry, and give listed partial quotes a right speaker. Labelled pages are run on
//! their clean article (`expected.html`, so that the test measures the quote stage, not the
//! extraction) and must list none of their `not_quotes` and stay above the floors below. The labels
//! are written by hand, so there is nothing to re-bless: a change of output that breaks a floor is a
//! regression or a label to re-read. Figures for the whole set: `cargo run --release --example quotes_bench`.

use broadsheet::quotes::eval::{overlap, score, speaker_matches, Labels, MATCH_OVERLAP};
use broadsheet::quotes::{Kind, Quote};
use broadsheet::{analyze, snapshot, Options};
use libtest_mimic::{Arguments, Failed, Trial};

/// Per-page floors for labelled pages (the set as a whole does much better; see the benchmark). A
/// page fails a floor only with two errors or more of that kind.
const MIN_PRECISION: f32 = 0.8;
const MIN_RECALL: f32 = 0.7;
const MIN_SPEAKER: f32 = 0.7;

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

fn quotes_of(path: &str) -> Result<Vec<Quote>, Failed> {
    let html = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let doc = snapshot::from_html(&html, None);
    Ok(analyze(&doc, &Options { force: true, ..Default::default() }).map_err(|e| format!("{path}: {e}"))?.quotes)
}

fn describe(quotes: &[Quote]) -> String {
    quotes.iter().map(|q| format!("  {:?} {:?}: {}", q.kind, q.speaker, q.text)).collect::<Vec<_>>().join("\n")
}

fn seed_labels() -> Result<Labels, Failed> {
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/seed/gold.json", root())).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    Ok(Labels::from_json(&gold))
}

fn seed_quotes() -> Result<Vec<Quote>, Failed> {
    quotes_of(&format!("{}/tests/fixtures/seed/page.html", root()))
}

fn seed_key_quotes() -> Result<(), Failed> {
    let (labels, quotes) = (seed_labels()?, seed_quotes()?);
    for l in &labels.key {
        let hit = quotes.iter().filter(|q| q.kind == Kind::Key).find(|q| overlap(&q.text, &l.text) >= MATCH_OVERLAP);
        match hit {
            None => return Err(format!("key quote not listed as key: {}\n{}", l.text, describe(&quotes)).into()),
            Some(q) if !speaker_matches(q.speaker.as_deref(), &l.speakers) => {
                return Err(format!("wrong speaker {:?} (want {:?}) for {}", q.speaker, l.speakers, l.text).into())
            }
            Some(_) => {}
        }
    }
    // Key quotes come first.
    let first_partial = quotes.iter().position(|q| q.kind == Kind::Partial).unwrap_or(quotes.len());
    if quotes[first_partial..].iter().any(|q| q.kind == Kind::Key) {
        return Err("a key quote is listed after a partial one".into());
    }
    Ok(())
}

fn seed_not_quotes() -> Result<(), Failed> {
    let (labels, quotes) = (seed_labels()?, seed_quotes()?);
    for nq in &labels.not_quotes {
        if let Some(q) = quotes.iter().find(|q| overlap(&q.text, nq) >= 0.8) {
            return Err(format!("not a quote, but listed: {}", q.text).into());
        }
    }
    Ok(())
}

fn seed_partial_speakers() -> Result<(), Failed> {
    let (labels, quotes) = (seed_labels()?, seed_quotes()?);
    for l in labels.partial.iter().filter(|l| !l.speakers.is_empty()) {
        if let Some(q) = quotes.iter().find(|q| overlap(&q.text, &l.text) >= 0.8) {
            if !speaker_matches(q.speaker.as_deref(), &l.speakers) {
                return Err(format!("partial quote {}: speaker {:?}, want {:?}", l.text, q.speaker, l.speakers).into());
            }
        }
    }
    Ok(())
}

fn labelled_page(path: std::path::PathBuf) -> Result<(), Failed> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let labels = Labels::from_json(&v);
    let source = v["source"].as_str().ok_or("label without source")?;
    let clean = format!("{}/{}", root(), source.replace("source.html", "expected.html"));
    let quotes = quotes_of(&clean)?;
    let s = score(&quotes, &labels);
    let mut problems = Vec::new();
    if !s.not_quotes_listed.is_empty() {
        problems.push(format!("not quotes listed: {:?}", s.not_quotes_listed));
    }
    // Small pages may miss one quote or add one without failing (one error is 50% of two labels).
    if s.precision() < MIN_PRECISION && s.spurious.len() > 1 {
        problems.push(format!("precision {:.2} < {MIN_PRECISION}; spurious: {:#?}", s.precision(), s.spurious));
    }
    if s.recall() < MIN_RECALL && s.missed.len() > 1 {
        problems.push(format!("recall {:.2} < {MIN_RECALL}; missed: {:#?}", s.recall(), s.missed));
    }
    if s.speaker_accuracy() < MIN_SPEAKER && s.wrong_speaker.len() > 1 {
        problems.push(format!("speaker accuracy {:.2} < {MIN_SPEAKER}; wrong: {:#?}", s.speaker_accuracy(), s.wrong_speaker));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![
        Trial::test("seed::key_quotes_with_speakers", seed_key_quotes),
        Trial::test("seed::no_not_quotes", seed_not_quotes),
        Trial::test("seed::partial_quote_speakers", seed_partial_speakers),
    ];
    let dir = format!("{}/tests/labels/quotes", root());
    let mut paths: Vec<_> = std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "json"));
    paths.sort();
    for p in paths {
        let name = format!("labels::{}", p.file_stem().unwrap_or_default().to_string_lossy());
        trials.push(Trial::test(name, move || labelled_page(p)));
    }
    libtest_mimic::run(&args, trials).exit();
}
