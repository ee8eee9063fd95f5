//! The generated outline: the article's sections, from its headings or, for stories without
//! subheads, from topic shifts between paragraphs.
//!
//! [`build`] reads the article's text blocks (never the DOM), in numbered stages:
//! 1. **Headings**: every heading block, with its original level (`h2` → 2, `h3` → 3: levels are
//!    kept as on the page, not renumbered, so an outline of `h3`s under `h2`s nests as the page
//!    does), except the title repeated ([`is_title`]) and empty ones.
//! 2. **Pseudo-headings**: a short standalone line that is entirely bold, does not end like a
//!    sentence and is followed by body text; it takes the level of the shallowest real heading
//!    (2 when there is none).
//! 3. With at least [`MIN_HEADINGS`] entries, that is the outline. Otherwise, a story of more than
//!    [`MIN_PARAGRAPHS_FOR_GENERATED`] paragraphs gets 3–8 **generated** sections at topic shifts
//!    ([`segment`]), each labelled with a lead phrase of its first sentence ([`label`]), at level 2
//!    and with `generated: true`.
//!
//! The list is flat: `level` gives the nesting. [`to_markdown`] renders it as a nested list.

mod label;
mod segment;
pub mod tunables;

pub use label::lead_phrase;

use crate::article::{Article, Block, BlockKind};
use crate::metadata::Metadata;
use crate::snapshot::NodeId;
use crate::text::{cjk_ratio, fold_whitespace};
use serde::Serialize;
use tunables::*;

/// One outline entry (the list is flat; `level` gives the nesting).
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// 1–6: the heading's own level; pseudo-headings take the shallowest heading level (or 2);
    /// generated sections are 2.
    pub level: u8,
    pub text: String,
    /// True when the section was found by topic shift rather than read from a heading.
    pub generated: bool,
    /// The block the entry jumps to.
    #[serde(skip)]
    pub target: NodeId,
}

/// Builds the outline of `article`.
pub fn build(article: &Article, meta: &Metadata) -> Vec<Entry> {
    let blocks = &article.blocks;
    // 1. Headings, the title excepted.
    let headings: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(level) if !b.text.trim().is_empty() && !is_title(&b.text, &meta.title) => Some((i, level)),
            _ => None,
        })
        .collect();
    // 2. Pseudo-headings.
    let pseudo_level = headings.iter().map(|(_, l)| *l).min().unwrap_or(2);
    let mut marked: Vec<(usize, u8)> = headings;
    marked.extend((0..blocks.len()).filter(|i| is_pseudo_heading(blocks, *i, &meta.title)).map(|i| (i, pseudo_level)));
    crate::sort::sort(&mut marked);
    // 3. The page's structure, or generated sections.
    if marked.len() >= MIN_HEADINGS {
        return marked
            .into_iter()
            .map(|(i, level)| Entry { level, text: fold_whitespace(&blocks[i].text), generated: false, target: blocks[i].node })
            .collect();
    }
    generate(blocks)
}

/// True when a heading repeats the page title (the `<h1>` most articles open with): same text once
/// case, spaces and punctuation are ignored, or covering [`TITLE_OVERLAP`] of a title that carries
/// a site-name suffix ("Headline - BBC News 中文").
pub fn is_title(heading: &str, title: &str) -> bool {
    let h = normalise(heading);
    let t = normalise(title);
    if h.is_empty() || t.is_empty() {
        return false;
    }
    if h == t {
        return true;
    }
    let (hn, tn) = (h.chars().count() as f64, t.chars().count() as f64);
    (t.contains(&h) && hn >= TITLE_OVERLAP * tn) || (h.contains(&t) && tn >= TITLE_OVERLAP * hn) || (t.starts_with(&h) && hn >= 0.5 * tn && hn >= 8.0)
}

/// Lower-case letters and digits only.
fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).map(crate::case::lower_char).collect()
}

/// A short, all-bold paragraph that does not read as a sentence and is followed by body text.
fn is_pseudo_heading(blocks: &[Block], i: usize, title: &str) -> bool {
    let b = &blocks[i];
    if b.kind != BlockKind::Paragraph || !b.emphasized {
        return false;
    }
    let text = b.text.trim();
    let chars = text.chars().count();
    let max = if cjk_ratio(text) >= 0.5 { PSEUDO_HEADING_MAX_CJK_CHARS } else { PSEUDO_HEADING_MAX_CHARS };
    if text.is_empty() || chars > max || text.contains('\n') || is_title(text, title) {
        return false;
    }
    // Sentences end with a stop (a lead paragraph set in bold is not a heading); a question or a
    // colon may end a subhead.
    if text.ends_with(['.', '。', '!', '！', ',', '，', ';', '；']) || text.ends_with("...") {
        return false;
    }
    // Followed by body text that is not bold itself (a run of bold lines is a list or a lead).
    blocks
        .get(i + 1)
        .is_some_and(|next| matches!(next.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote) && !next.emphasized)
}

/// Stage 3: generated sections for a story without subheads.
fn generate(blocks: &[Block]) -> Vec<Entry> {
    // Units are the story's body blocks; only paragraphs may open a section.
    let units: Vec<&Block> = blocks.iter().filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote)).collect();
    // Paragraphs with words in them: a run of one-word lines ("link", "Images") is not a story.
    // Only these may open a section.
    let allowed: Vec<bool> = units.iter().map(|b| b.kind == BlockKind::Paragraph && has_words(&b.text)).collect();
    let paragraphs = allowed.iter().filter(|a| **a).count();
    if paragraphs <= MIN_PARAGRAPHS_FOR_GENERATED {
        return Vec::new();
    }
    let terms: Vec<segment::Terms> = units.iter().map(|b| segment::terms(&b.text)).collect();
    let sections = segment::section_count(paragraphs);
    let mut starts = segment::boundaries(&terms, &allowed, sections);
    // The first section opens at the first paragraph that can carry a label.
    if let Some(first) = allowed.iter().position(|a| *a) {
        if let Some(s) = starts.first_mut() {
            *s = (*s).max(first);
        }
    }
    starts.dedup();
    starts
        .into_iter()
        .filter_map(|i| units.get(i))
        .map(|b| Entry { level: 2, text: lead_phrase(&b.text), generated: true, target: b.node })
        .filter(|e| !e.text.is_empty())
        .collect()
}

fn has_words(text: &str) -> bool {
    crate::text::word_count(text) >= 3
}

/// "Copy outline": the entries as a nested Markdown list (two spaces per level below the
/// shallowest; a level never nests more than one step deeper than the entry before it).
pub fn to_markdown(entries: &[Entry]) -> String {
    let base = entries.iter().map(|e| e.level).min().unwrap_or(1);
    let mut out = String::new();
    let mut prev_depth: Option<usize> = None;
    for e in entries {
        let want = usize::from(e.level.saturating_sub(base));
        let depth = match prev_depth {
            Some(p) => want.min(p + 1),
            None => 0,
        };
        prev_depth = Some(depth);
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        out.push_str(&crate::markdown::escape_inline(&fold_whitespace(&e.text)));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(i: u32, kind: BlockKind, text: &str, emphasized: bool) -> Block {
        Block { node: NodeId(i), kind, text: text.to_owned(), emphasized }
    }

    fn article(blocks: Vec<Block>) -> Article {
        Article { blocks, ..Default::default() }
    }

    fn meta(title: &str) -> Metadata {
        Metadata { title: title.to_owned(), ..Default::default() }
    }

    #[test]
    fn headings_keep_their_levels_and_skip_the_title() {
        let a = article(vec![
            block(1, BlockKind::Heading(1), "Big Story Title", false),
            block(2, BlockKind::Paragraph, "Lead.", false),
            block(3, BlockKind::Heading(2), "First part", false),
            block(4, BlockKind::Heading(3), "A detail", false),
            block(5, BlockKind::Heading(2), "Second part", false),
        ]);
        let got: Vec<_> = build(&a, &meta("Big Story Title - The Paper")).into_iter().map(|e| (e.level, e.text, e.generated)).collect();
        assert_eq!(got, vec![(2, "First part".into(), false), (3, "A detail".into(), false), (2, "Second part".into(), false)]);
    }

    /// Issue 5: `[role=heading]` subheads reach the outline through the article's blocks.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn aria_role_headings_are_sections() {
        let doc = crate::snapshot::from_html(
            r#"<h1>Title</h1><p>Lead paragraph.</p><div role="heading">First part</div><p>Body.</p><div role="heading" aria-level="3">A detail</div><p>More.</p>"#,
            Some("https://example.com/a"),
        );
        let ex = crate::extract::Extraction { roots: vec![doc.body()], dropped: crate::snapshot::NodeSet::for_doc(&doc), readerable: true };
        let m = meta("Title");
        let a = Article::build(&doc, &ex, &Default::default(), &m);
        let got: Vec<_> = build(&a, &m).into_iter().map(|e| (e.level, e.text, e.generated)).collect();
        assert_eq!(got, vec![(2, "First part".into(), false), (3, "A detail".into(), false)]);
    }

    #[test]
    fn bold_standalone_lines_followed_by_text_are_pseudo_headings() {
        let a = article(vec![
            block(1, BlockKind::Paragraph, "The opening paragraph of the story, in bold.", true),
            block(2, BlockKind::Paragraph, "Body.", false),
            block(3, BlockKind::Paragraph, "What happens next", true),
            block(4, BlockKind::Paragraph, "More body text.", false),
            block(5, BlockKind::Paragraph, "Why it matters?", true),
            block(6, BlockKind::Paragraph, "Even more text.", false),
            block(7, BlockKind::Paragraph, "A bold line at the end", true),
        ]);
        let got: Vec<_> = build(&a, &meta("T")).into_iter().map(|e| (e.level, e.text)).collect();
        assert_eq!(got, vec![(2, "What happens next".into()), (2, "Why it matters?".into())]);
    }

    #[test]
    fn is_title_tolerates_site_suffixes_and_punctuation() {
        assert!(is_title("迟到的普京与热情的金正恩——俄罗斯及朝鲜签署新的“全面战略伙伴关系协议”", "迟到的普京与热情的金正恩——俄罗斯及朝鲜签署新的“全面战略伙伴关系协议” - BBC News 中文"));
        assert!(is_title("Obama admits US gun laws are his 'biggest frustration'", "Obama admits US gun laws are his 'biggest frustration' - BBC News"));
        assert!(!is_title("Analysis", "Obama admits US gun laws are his 'biggest frustration'"));
        assert!(!is_title("中国的反应", "迟到的普京与热情的金正恩"));
    }

    #[test]
    fn long_story_without_subheads_gets_generated_sections_at_paragraph_starts() {
        let texts = super::segment::tests::EN;
        let a = article(texts.iter().enumerate().map(|(i, t)| block(i as u32 + 10, BlockKind::Paragraph, t, false)).collect());
        let out = build(&a, &meta("Local news"));
        let got: Vec<_> = out.iter().map(|e| (e.target.0, e.text.as_str(), e.generated, e.level)).collect();
        assert_eq!(got, vec![
            (10, "The city council approved the new…", true, 2),
            (13, "Meanwhile, heavy rain flooded the river…", true, 2),
            (16, "In football, the home team won…", true, 2),
        ]);
    }

    #[test]
    fn short_stories_get_no_generated_outline() {
        let a = article((0..6).map(|i| block(i, BlockKind::Paragraph, "Some paragraph text here.", false)).collect());
        assert!(build(&a, &meta("T")).is_empty());
    }

    #[test]
    fn markdown_nests_by_level_and_escapes() {
        let e = |level, text: &str| Entry { level, text: text.into(), generated: false, target: NodeId(0) };
        let md = to_markdown(&[e(2, "One"), e(3, "One *a*"), e(5, "Deep"), e(2, "Two [x]")]);
        assert_eq!(md, "- One\n  - One \\*a\\*\n    - Deep\n- Two \\[x\\]\n");
        assert_eq!(to_markdown(&[]), "");
    }
}
