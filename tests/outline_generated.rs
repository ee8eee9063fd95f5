//! Stories without subheads get 3–8 generated sections that start at paragraphs (one named test
//! per page). The stories are the corpus's long expected articles with their headings taken out
//! (so every page is "heading-less" by construction), plus the ones that have none.

mod outline_support;

use broadsheet::article::BlockKind;
use broadsheet::outline::{self, tunables};
use libtest_mimic::{Arguments, Failed, Trial};

/// Long enough: more than the threshold of paragraphs of at least ten words once headings are out.
fn paragraphs(article: &broadsheet::article::Article) -> usize {
    article.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && broadsheet::text::word_count(&b.text) >= 10).count()
}

fn check(slug: &str) -> Result<(), Failed> {
    let (_, meta, mut article) = outline_support::expected_article(slug);
    article.blocks.retain(|b| !matches!(b.kind, BlockKind::Heading(_)) && !b.emphasized);
    let entries = outline::build(&article, &meta);
    let n = entries.len();
    if !(tunables::MIN_SECTIONS..=tunables::MAX_SECTIONS).contains(&n) {
        return Err(format!("{n} sections, want 3–8: {entries:?}").into());
    }
    let mut last = None;
    for e in &entries {
        if !e.generated || e.level != 2 {
            return Err(format!("entry not marked generated at level 2: {e:?}").into());
        }
        let Some(pos) = article.blocks.iter().position(|b| b.node == e.target && b.kind == BlockKind::Paragraph) else {
            return Err(format!("section does not start at a paragraph: {e:?}").into());
        };
        if last.is_some_and(|l| pos <= l) {
            return Err("sections out of order".into());
        }
        last = Some(pos);
        let cjk = broadsheet::text::cjk_ratio(&e.text) >= 0.5;
        let short = if cjk { e.text.chars().count() <= tunables::LABEL_MAX_CJK_CHARS + 1 } else { e.text.split_whitespace().count() <= tunables::LABEL_MAX_WORDS };
        if e.text.trim().is_empty() || !short {
            return Err(format!("label is not a short lead phrase: {:?}", e.text).into());
        }
        let block = &article.blocks[pos].text;
        let head: String = e.text.trim_end_matches('…').chars().take(4).collect();
        if !block.contains(head.as_str()) {
            return Err(format!("label {:?} is not the lead of its paragraph {:?}", e.text, block).into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = outline_support::slugs()
        .into_iter()
        .filter(|slug| {
            let (_, _, mut article) = outline_support::expected_article(slug);
            article.blocks.retain(|b| !matches!(b.kind, BlockKind::Heading(_)) && !b.emphasized);
            paragraphs(&article) > tunables::MIN_PARAGRAPHS_FOR_GENERATED
        })
        .map(|slug| Trial::test(format!("outline::generated::{slug}"), move || check(&slug)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
