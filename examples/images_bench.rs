//! Image-sources benchmark over the hand-labelled pages in `tests/labels/images/`.
//!
//! ```text
//! cargo run --release --example images_bench
//! ```
//! Prints, per page and overall: image recall and precision, origin, credit and caption accuracy
//! (over the matched pictures), for Broadsheet's image stage and for a baseline measured in the same
//! run — what a plain reader keeps: every `<img src>` of the article as is, the whole figcaption as
//! the caption, no credit.

#[path = "../tests/images_eval/mod.rs"]
mod images_eval;

use broadsheet::images::Image;
use broadsheet::snapshot::{self, Attr, Tag};
use images_eval::{ratio, Page, Score};

/// The baseline: `<img src>` resolved, figcaption text as caption, no credit, no origin work.
fn baseline(page: &Page) -> Vec<Image> {
    let path = images_eval::repo().join("tests/fixtures/readability").join(&page.slug).join("source.html");
    let html = std::fs::read_to_string(&path).expect("source.html");
    let doc = snapshot::from_html(&html, Some(&page.url));
    let Some(root) = images_eval::select(&doc, &page.root) else { return Vec::new() };
    doc.find_all(root, Tag::Img)
        .filter_map(|img| {
            let src = doc.attr(img, Attr::Src)?.trim();
            let src = broadsheet::article::resolve_url(src, Some(&page.url))?;
            let caption = doc
                .ancestors(img)
                .find(|a| doc.is(*a, Tag::Figure))
                .and_then(|f| doc.find_all(f, Tag::Figcaption).next())
                .map(|c| broadsheet::text::fold_whitespace(&doc.text_content(c)))
                .filter(|c| !c.is_empty());
            Some(Image { src: src.clone(), origin: src, alt: None, caption, credit: None, width: None, height: None, lead: false, node: img })
        })
        .collect()
}

fn row(name: &str, s: &Score) {
    println!(
        "{name:<14} {:>3}/{:<3} recall {:>5.1}%  precision {:>5.1}%  origin {:>5.1}%  credit {:>5.1}%  caption {:>5.1}%",
        s.matched,
        s.labelled,
        100.0 * s.recall(),
        100.0 * s.precision(),
        100.0 * ratio(s.origin_ok, s.matched),
        100.0 * ratio(s.credit_ok, s.matched),
        100.0 * ratio(s.caption_ok, s.matched),
    );
}

fn main() {
    let pages = images_eval::pages();
    let (mut ours, mut base) = (Score::default(), Score::default());
    println!("Broadsheet image stage, per page:");
    for page in &pages {
        let s = images_eval::score(page, &images_eval::run(page));
        row(&page.slug, &s);
        ours.add(&s);
        base.add(&images_eval::score(page, &baseline(page)));
    }
    println!("\nOverall ({} pages, {} labelled pictures):", pages.len(), ours.labelled);
    row("broadsheet", &ours);
    row("baseline", &base);
    let times = |a: f64, b: f64| if b > 0.0 { format!("×{:.2}", a / b) } else { "n/a (baseline 0)".to_owned() };
    println!(
        "\nratios broadsheet/baseline: recall {}, origin {}, credit {}, caption {}",
        times(ours.recall(), base.recall()),
        times(ratio(ours.origin_ok, ours.matched), ratio(base.origin_ok, base.matched)),
        times(ratio(ours.credit_ok, ours.matched), ratio(base.credit_ok, base.matched)),
        times(ratio(ours.caption_ok, ours.matched), ratio(base.caption_ok, base.matched)),
    );
    println!("not-images listed: broadsheet {}, baseline {}", ours.forbidden_found, base.forbidden_found);
}
