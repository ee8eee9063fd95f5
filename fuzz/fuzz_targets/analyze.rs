//! HTML → snapshot → extraction → outline / quotes / images → every export format.
//! Any panic, hang or out-of-memory is a bug; crashing inputs become regression tests in
//! `tests/regressions/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = broadsheet::snapshot::from_html(&html, Some("https://example.com/a/b.html"));
    for force in [false, true] {
        if let Ok(a) = broadsheet::analyze(&doc, &broadsheet::Options { force, ..Default::default() }) {
            let _ = a.article.html();
            let _ = a.article.text();
            let _ = broadsheet::markdown::analysis_to_markdown(&a);
        }
    }
});
