//! "Pick the content": the article's container chosen by the reader, as a selector
//! (`broadsheet::selector`).
//!
//! - One named test per case in `tests/fixtures/pick/<case>/`: `page.html` is a page where the
//!   automatic extraction picks the wrong block, `container.txt` the selector the reader's pick
//!   produces, `expected.txt` the article's text with that container. The test checks that the
//!   selector resolves, that the analysis with it gives `expected.txt`, and that the automatic
//!   analysis does not (the case really needs the pick). `BLESS=1 cargo test --test pick`
//!   rewrites `expected.txt`.
//! - One named test per page of `tests/fixtures/readability/` and the seed: the selector written
//!   for every element ([`selector::for_node`]) prints, parses back and resolves to that element.

use broadsheet::{analyze, selector, snapshot, Options};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

const URL: &str = "https://example.com/news/harbour";

fn read(path: &Path) -> Result<String, Failed> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn pick_case(dir: &Path) -> Result<(), Failed> {
    let doc = snapshot::from_html(&read(&dir.join("page.html"))?, Some(URL));
    let text = read(&dir.join("container.txt"))?;
    let container = selector::parse(text.trim()).map_err(|e| e.to_string())?;
    if selector::resolve(&doc, &container).is_none() {
        return Err(format!("{container} does not resolve").into());
    }
    let picked = analyze(&doc, &Options { container: Some(container), ..Options::default() }).map_err(|e| e.to_string())?;
    let got = picked.article.text();
    let expected_path = dir.join("expected.txt");
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&expected_path, &got).map_err(|e| e.to_string())?;
    }
    let expected = read(&expected_path)?;
    if got != expected {
        return Err(format!("the picked article differs from expected.txt (BLESS=1 rewrites it):\n{got}").into());
    }
    let automatic = analyze(&doc, &Options { force: true, ..Options::default() }).map(|a| a.article.text()).unwrap_or_default();
    if automatic == expected {
        return Err("the automatic extraction already finds this article: not a case for picking".into());
    }
    Ok(())
}

fn round_trip(page: &Path) -> Result<(), Failed> {
    let doc = snapshot::from_html(&read(page)?, None);
    for id in doc.ids().filter(|id| doc.element(*id).is_some()) {
        let sel = selector::for_node(&doc, id).ok_or("no selector for an element")?;
        let printed = sel.to_string();
        let parsed = selector::parse(&printed).map_err(|e| format!("{printed}: {e}"))?;
        if parsed != sel {
            return Err(format!("{printed} parses to something else").into());
        }
        if selector::resolve(&doc, &parsed) != Some(id) {
            return Err(format!("{printed} does not resolve to node {}", id.0).into());
        }
    }
    Ok(())
}

fn dirs(path: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn main() {
    let args = Arguments::from_args();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut trials: Vec<Trial> = dirs(&fixtures.join("pick"))
        .into_iter()
        .map(|dir| Trial::test(format!("pick::{}", name_of(&dir)), move || pick_case(&dir)))
        .collect();
    let mut pages: Vec<PathBuf> = dirs(&fixtures.join("readability")).into_iter().map(|d| d.join("source.html")).collect();
    pages.push(fixtures.join("seed/page.html"));
    for page in pages {
        let name = page.parent().map(name_of).unwrap_or_default();
        trials.push(Trial::test(format!("selector_round_trip::{name}"), move || round_trip(&page)));
    }
    libtest_mimic::run(&args, trials).exit();
}
