//! Corpus pages whose expected article has headings keep all of them, in order, with their levels
//! (one named test per page). The expected list is read straight from the DOM of `expected.html`
//! (every visible, non-empty `h1`–`h6` except the page title), independently of the article's
//! blocks the outline reads.

mod outline_support;

use broadsheet::outline;
use broadsheet::snapshot::{Document, Tag};
use libtest_mimic::{Arguments, Failed, Trial};

fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// `(level, text)` of the headings in the document, the title excepted.
fn headings_in(doc: &Document, title: &str) -> Vec<(u8, String)> {
    doc.ids()
        .filter(|id| doc.node(*id).visible)
        .filter_map(|id| Some((doc.tag(id)?.heading_level()?, broadsheet::text::fold_whitespace(&doc.text_content(id)))))
        .filter(|(_, t)| !t.is_empty() && normalise(t) != normalise(title))
        .collect()
}

fn check(slug: &str) -> Result<(), Failed> {
    let (doc, meta, article) = outline_support::expected_article(slug);
    let want = headings_in(&doc, &meta.title);
    let got: Vec<(u8, String)> = outline::build(&article, &meta)
        .into_iter()
        .filter(|e| doc.tag(e.target).and_then(Tag::heading_level).is_some())
        .map(|e| (e.level, e.text))
        .collect();
    if got == want {
        Ok(())
    } else {
        Err(format!("outline headings differ\n  got:  {got:?}\n  want: {want:?}").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let trials = outline_support::slugs()
        .into_iter()
        .filter(|slug| {
            let (doc, meta, _) = outline_support::expected_article(slug);
            headings_in(&doc, &meta.title).len() >= 2
        })
        .map(|slug| Trial::test(format!("outline::headings::{slug}"), move || check(&slug)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
