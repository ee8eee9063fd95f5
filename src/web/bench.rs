//! Phase timings for the in-browser benchmark (`./build.sh bench`, `bench/browser.mjs`). Not used
//! by the extension: the benchmark page imports the module and calls [`bench_phases`] on each page.
//!
//! The stages are the ones [`crate::analyze`] runs, timed one by one with `performance.now()`:
//! 1. snapshot — the live DOM → arena [`crate::snapshot::Document`] (layout visibility included);
//! 2. extraction — metadata + extract (+ the metadata the extraction completes);
//! 3. the rest of the analysis — images, the article tree, outline, quotes;
//! 4. the overlay — [`super::overlay::open`] on this page, which snapshots and analyzes again and then
//!    renders; its render share is its total minus stages 1–3 run again (warm) just before it.

use crate::{article, images, outline, quotes, Options};
use wasm_bindgen::prelude::*;

/// Milliseconds since the page's time origin (0 where there is no `performance`).
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Times the phases on this page's document and returns `[snapshot, extraction, rest, open_total,
/// warm_snapshot, warm_extraction, warm_rest, walk, warm_walk, outline, quotes, warm_outline,
/// warm_quotes]` in milliseconds (`walk`: the JavaScript walk's share of the snapshot; `outline`,
/// `quotes`: their shares of `rest`, which `open()` leaves to later tasks). The first three are the first run on
/// this instance (what a click pays); the warm ones a second run just before `open()`, so that
/// `open_total − warm phases` is the render's share. `open_total` is 0 without `with_overlay`; the
/// overlay is closed again before returning.
#[wasm_bindgen]
pub fn bench_phases(with_overlay: bool) -> Result<Vec<f64>, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let first = phases(&document);
    let mut out = first[..3].to_vec();
    // 4. The real overlay (snapshot + analysis + render), forced so non-articles render too.
    let mut open_total = 0.0;
    let mut warm = [0.0; 6];
    if with_overlay {
        super::overlay::close();
        warm = phases(&document);
        let t = now();
        super::overlay::open(&Options { force: true, ..Default::default() })?;
        open_total = now() - t;
        super::overlay::close();
    }
    out.push(open_total);
    out.extend(&warm[..3]);
    out.extend([first[3], warm[3], first[4], first[5], warm[4], warm[5]]);
    Ok(out)
}

/// Stages 1–3 once: `[snapshot, extraction, rest, walk, outline, quotes]` in milliseconds (`walk`:
/// the JavaScript part of the snapshot; `outline` and `quotes`: parts of `rest`).
fn phases(document: &web_sys::Document) -> [f64; 6] {
    // 1. Snapshot: the JavaScript walk (records and text copied in), then the decode.
    let t0 = now();
    let (records, text) = super::snapshot::read(document, None);
    let t_walk = now();
    let doc = crate::snapshot::records::decode(&records, &text, None);
    drop((records, text));
    let t1 = now();
    // 2. Metadata and extraction.
    let (meta, extraction) = crate::metadata_and_extraction(&doc, None).expect("the whole page always has an extraction");
    let t2 = now();
    // 3. Images, article, outline, quotes.
    let imgs = images::collect(&doc, &extraction, &meta);
    let art = article::Article::build(&doc, &extraction, &imgs, &meta);
    let t_outline = now();
    let entries = outline::build(&art, &meta);
    let t_quotes = now();
    let found = quotes::find(&art, &meta);
    let t3 = now();
    drop((entries, found, art, imgs, extraction, meta, doc));
    [t1 - t0, t2 - t1, t3 - t2, t_walk - t0, t_quotes - t_outline, t3 - t_quotes]
}
