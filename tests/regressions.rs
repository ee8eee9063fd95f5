//! Regression inputs: every file in `tests/regressions/` (crashing inputs kept by `./build.sh fuzz`,
//! and hand-written hostile pages) goes through the fuzz target's path — HTML → snapshot →
//! analysis → every export format — and must not panic. One named test per file.

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
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
