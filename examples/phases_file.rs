//! Times each stage of the core on the HTML files given (html5ever parse, then the analysis
//! stages), once per file: for pages outside the corpus, such as the generated huge pages the
//! snapshot limits were chosen with (`src/snapshot/mod.rs`, `limits`).
//!
//!   cargo run --release --example phases_file -- PAGE.html...

use broadsheet::{article, images, outline, quotes, snapshot};
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(html) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let doc = snapshot::from_html(&html, Some("https://example.com/article"));
        let parse = ms(t);
        let t = Instant::now();
        let (meta, extraction) = broadsheet::metadata_and_extraction(&doc, None).expect("the whole page always has an extraction");
        let extract = ms(t);
        let t = Instant::now();
        let imgs = images::collect(&doc, &extraction, &meta);
        let art = article::Article::build(&doc, &extraction, &imgs, &meta);
        let build = ms(t);
        let t = Instant::now();
        let entries = outline::build(&art, &meta);
        let outline = ms(t);
        let t = Instant::now();
        let found = quotes::find(&art, &meta);
        let quotes = ms(t);
        println!(
            "{path}: {} nodes{}, parse {parse:.1} ms, metadata+extract {extract:.1}, images+article {build:.1}, outline {outline:.1} ({} entries), quotes {quotes:.1} ({} quotes)",
            doc.len(),
            doc.truncated().map_or(String::new(), |t| format!(" (stopped at the limit: {t:?})")),
            entries.len(),
            found.len()
        );
    }
}
