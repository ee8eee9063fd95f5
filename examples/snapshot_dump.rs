//! Writes the html5ever snapshot of HTML files in the canonical dump form
//! ([`broadsheet::snapshot::Document::dump`]), for the browser parity test
//! (`tests/e2e/parity.test.mjs`), which compares each with the live-DOM snapshot of the same page.
//!
//! ```text
//! cargo run --example snapshot_dump -- OUT_DIR [NAME=]PAGE.html...
//! ```
//! Each page is written to `OUT_DIR/<NAME>.txt` (by default the name of the page's folder). The bytes are decoded as a
//! browser decodes a page served as UTF-8: invalid sequences become U+FFFD and a leading byte order
//! mark is dropped.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, pages)) = args.split_first() else {
        eprintln!("usage: snapshot_dump OUT_DIR PAGE.html...");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("snapshot_dump: cannot create {out}: {e}");
        return ExitCode::FAILURE;
    }
    for page in pages {
        let (name, page) = match page.split_once('=') {
            Some((name, page)) => (Some(name), page),
            None => (None, page.as_str()),
        };
        let path = Path::new(page);
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("snapshot_dump: cannot read {page}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let html = String::from_utf8_lossy(bytes);
        let doc = broadsheet::snapshot::from_html(&html, None);
        let folder = path.parent().and_then(|p| p.file_name()).map_or("page".into(), |n| n.to_string_lossy());
        let name = name.map_or(folder, Into::into);
        let target = Path::new(out).join(format!("{name}.txt"));
        if let Err(e) = std::fs::write(&target, doc.dump()) {
            eprintln!("snapshot_dump: cannot write {}: {e}", target.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
