//! Regression inputs: every file in `tests/regressions/` (crashing inputs kept by `./build.sh fuzz`,
//! and hand-written hostile pages) goes through the fuzz target's path — HTML → snapshot →
//! analysis → every export format — and must not panic. One named test per file.
//!
//! Pages too large to keep as files are generated here (`generated::…`): the snapshot's size
//! limits must stop them with [`broadsheet::Error::TooLarge`].

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

/// What the fuzz target (fuzz/fuzz_targets/analyze.rs) does with one input.
fn run(path: &Path) -> Result<(), Failed> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let html = String::from_utf8_lossy(&data);
    let doc = broadsheet::snapshot::from_html(&html, Some("https://example.com/a/b.html"));
    for force in [false, true] {
        if let Ok(a) = broadsheet::analyze(&doc, &broadsheet::Options { force, ..Default::default() }) {
            let _ = a.article.html();
            let _ = a.article.text();
            let _ = broadsheet::markdown::analysis_to_markdown(&a);
        }
    }
    Ok(())
}

/// Pages over the snapshot limits, generated: `(name, html, the limit it must hit)`.
fn generated() -> Vec<(&'static str, String, broadsheet::snapshot::Limit)> {
    use broadsheet::snapshot::{limits, Limit};
    // Each block is 4 nodes (div, p, text, and the newline between blocks), with little text so
    // that the node limit comes first.
    let block = "<div class=c><p>Words.</p></div>\n";
    let over_nodes = block.repeat(limits::MAX_NODES / 4 + 10);
    let line = "A line of a very long log, repeated.\n";
    let over_text = format!("<pre>{}</pre>", line.repeat(limits::MAX_TEXT_BYTES / line.len() + 10));
    vec![
        ("over-node-limit", format!("<html><body><article>{over_nodes}</article></body></html>"), Limit::Nodes),
        ("over-text-limit", format!("<html><body>{over_text}</body></html>"), Limit::TextBytes),
    ]
}

/// A generated page stops at its limit and every analysis says it is too large.
fn run_generated(html: &str, limit: broadsheet::snapshot::Limit) -> Result<(), Failed> {
    let doc = broadsheet::snapshot::from_html(html, None);
    if doc.truncated() != Some(limit) || doc.len() > broadsheet::snapshot::limits::MAX_NODES {
        return Err(format!("snapshot of {} nodes, truncated {:?}, expected {limit:?}", doc.len(), doc.truncated()).into());
    }
    for force in [false, true] {
        match broadsheet::analyze(&doc, &broadsheet::Options { force, ..Default::default() }) {
            Err(broadsheet::Error::TooLarge { limit: got }) if got == limit => {}
            other => return Err(format!("force={force}: expected TooLarge, got {:?}", other.map(|a| a.metadata.title)).into()),
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    let trials = files
        .into_iter()
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Trial::test(format!("regressions::{name}"), move || run(&path))
        })
        .chain(generated().into_iter().map(|(name, html, limit)| {
            Trial::test(format!("regressions::generated::{name}"), move || run_generated(&html, limit))
        }))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
