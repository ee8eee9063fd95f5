//! Every weight, word list and threshold of the extraction engine, in one table.
//!
//! Most values are Mozilla Readability.js's (its `REGEXPS` table and `DEFAULT_*` constants, v0.5),
//! re-expressed as plain word lists: a class/id "matches" a list when its lower-cased `class id`
//! string contains one of the words as a substring (Readability's regexes are unanchored
//! alternations, so this is the same test), except for the lists marked *token*, which must equal a
//! whole token (the string split on anything that is not a letter or digit). Values marked
//! **Broadsheet** are ours; each says why it exists.

use crate::words::{words, Words};

// ---------------------------------------------------------------------------------------------
// Class / id word lists (stage 1, prepare; stage 2, score; stage 4, clean)
// ---------------------------------------------------------------------------------------------

/// Readability `REGEXPS.unlikelyCandidates`: blocks that are almost never the story.
pub const UNLIKELY: Words = words![
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies",
    "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote",
];

/// **Broadsheet**: more boxes that sit beside the story on today's news pages (newsletter sign-ups,
/// "most read", paywall and consent prompts, recommendation widgets). Treated like [`UNLIKELY`].
/// Not "read-more": sites hide the rest of the story in `#read-more-content`.
pub const UNLIKELY_EXTRA: Words = words![
    "newsletter", "subscribe", "most-read", "mostread", "most-popular", "trending", "recommend",
    "read-next", "outbrain", "taboola", "paywall", "consent", "cookie",
];

/// Readability `REGEXPS.okMaybeItsACandidate`: words that rescue an unlikely-looking block.
pub const MAYBE_CANDIDATE: Words = words!["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// Readability `REGEXPS.positive`: +[`CLASS_WEIGHT`] each for class and id.
pub const POSITIVE: Words = words![
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
    "text", "blog", "story",
];

/// Readability `REGEXPS.negative`: −[`CLASS_WEIGHT`] each for class and id (`hid` is a token there).
pub const NEGATIVE: Words = words![
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
    "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget",
];
/// *Token* part of Readability's negative regex (`^hid$| hid$| hid |^hid `).
pub const NEGATIVE_TOKENS: Words = words!["hid"];

/// Readability `REGEXPS.shareElements` (`(\b|_)(share|sharedaddy)(\b|_)`), *token*: share bars
/// shorter than [`CHAR_THRESHOLD`] inside the article are removed.
pub const SHARE_TOKENS: Words = words!["share", "sharedaddy"];

/// Readability `REGEXPS.byline` (`byline|author|dateline|writtenby|p-author`).
pub const BYLINE: Words = words!["byline", "author", "dateline", "writtenby", "p-author"];

/// Readability `UNLIKELY_ROLES`: ARIA roles of page furniture.
pub const UNLIKELY_ROLES: Words = words!["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Readability `REGEXPS.adWords` / `loadingWords`: a block whose whole text is one of these is noise.
pub const AD_WORDS: Words = words!["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio"];
/// **Broadsheet**: any block or span this short is checked against [`AD_WORDS`] and
/// [`LOADING_WORDS`] (the longest, "advertisement…", fits with surrounding spaces).
pub const AD_LABEL_MAX_CHARS: u32 = 24;
/// See [`AD_WORDS`].
pub const LOADING_WORDS: Words = words!["loading", "正在加载", "загрузка", "chargement", "cargando"];

// ---------------------------------------------------------------------------------------------
// Scoring (stage 2)
// ---------------------------------------------------------------------------------------------

/// Readability `_getClassWeight`: the weight of one positive or negative match.
pub const CLASS_WEIGHT: f32 = 25.0;

/// **Broadsheet**: semantic bonus for `<article>`, `<main>`, `[role=main]`,
/// `[itemprop=articleBody]` — the page telling us where the story is. Equal to one positive class
/// match, so a semantic container beats an anonymous `div` of equal text, not a much richer one.
pub const SEMANTIC_BONUS: f32 = 25.0;

/// Readability `_initializeNode`: starting score by tag.
pub fn tag_base_score(tag: crate::snapshot::Tag) -> f32 {
    use crate::snapshot::Tag::*;
    match tag {
        Div => 5.0,
        Pre | Td | Blockquote => 3.0,
        Address | Ol | Ul | Dl | Dd | Dt | Li | Form => -3.0,
        H1 | H2 | H3 | H4 | H5 | H6 | Th => -5.0,
        _ => 0.0,
    }
}

/// Readability: paragraphs shorter than this (characters) are not scored.
pub const MIN_PARAGRAPH_CHARS: u32 = 25;
/// Readability: one point per this many characters…
pub const CHARS_PER_POINT: u32 = 100;
/// …up to this many points.
pub const MAX_LENGTH_POINTS: u32 = 3;
/// Readability `_getNodeAncestors(node, 5)`: how far up a paragraph's score propagates.
pub const SCORE_ANCESTORS: usize = 5;

/// Commas that separate clauses, counted for the comma bonus: Readability `REGEXPS.commas`
/// (Latin, Arabic, small/vertical/fullwidth forms) plus, **Broadsheet**, the CJK enumeration
/// comma `、` and full stop `。` (Chinese prose separates clauses with them; Readability counts
/// only `，`, so Chinese paragraphs scored low).
pub const COMMAS: &[char] = &[',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}', '\u{FF0C}', '、', '。'];

/// Readability `_getLinkDensity`: links to in-page anchors (`#…`) count this much of their text.
pub const HASH_LINK_WEIGHT: f32 = 0.3;

/// Readability: a `div` whose only child is a `p` is replaced by the `p` when the div's link
/// density is below this.
pub const SINGLE_P_MAX_LINK_DENSITY: f32 = 0.25;

// ---------------------------------------------------------------------------------------------
// Selection (stage 3)
// ---------------------------------------------------------------------------------------------

/// Readability `DEFAULT_N_TOP_CANDIDATES`.
pub const TOP_CANDIDATES: usize = 5;
/// Readability: alternatives scoring at least this share of the top score vote for a common ancestor…
pub const ALTERNATIVE_RATIO: f32 = 0.75;
/// …and this many votes are needed (Readability `MINIMUM_TOPCANDIDATES`).
pub const MIN_ALTERNATIVES: usize = 3;
/// Readability: walking up from the top candidate stops below a parent scoring under
/// `score / PARENT_SCORE_DIVISOR`.
pub const PARENT_SCORE_DIVISOR: f32 = 3.0;
/// Readability: siblings join when their score reaches `max(MIN, top × RATIO)`.
pub const SIBLING_MIN_SCORE: f32 = 10.0;
/// See [`SIBLING_MIN_SCORE`].
pub const SIBLING_RATIO: f32 = 0.2;
/// Readability: bonus (× top score) for a sibling sharing the top candidate's class.
pub const SIBLING_CLASS_BONUS: f32 = 0.2;
/// Readability: a sibling `<p>` longer than this joins when its link density is under
/// [`SIBLING_P_MAX_LINK_DENSITY`]; a shorter one joins when it has no links and ends a sentence.
pub const SIBLING_P_LONG: u32 = 80;
/// See [`SIBLING_P_LONG`].
pub const SIBLING_P_MAX_LINK_DENSITY: f32 = 0.25;

// ---------------------------------------------------------------------------------------------
// Cleaning (stage 4)
// ---------------------------------------------------------------------------------------------

/// Readability `DEFAULT_CHAR_THRESHOLD`: an article shorter than this is retried with fewer
/// filters; share bars shorter than this are removed.
pub const CHAR_THRESHOLD: u32 = 500;
/// Readability `_cleanConditionally`: blocks with this many commas or more are kept outright.
pub const CLEAN_KEEP_COMMAS: u32 = 10;
/// Readability: a block that is not a list is removed when its link density exceeds this
/// (class weight under 25)…
pub const CLEAN_MAX_LINK_DENSITY: f32 = 0.2;
/// …or this (class weight 25 or more).
pub const CLEAN_MAX_LINK_DENSITY_POSITIVE: f32 = 0.5;
/// Readability: short blocks (under this many characters) with links and no headings are removed.
pub const CLEAN_SHORT_TEXT: u32 = 25;
/// Readability: heading density at or above this exempts a short linked block.
pub const CLEAN_HEADING_DENSITY: f32 = 0.9;
/// Readability: a block with one embed is removed when its text is shorter than this.
pub const CLEAN_EMBED_TEXT: u32 = 75;
/// Readability: a block is a list when list items hold more than this share of its text.
pub const LIST_TEXT_SHARE: f32 = 0.9;
/// **Broadsheet**: a list whose every item is more than this share link text is a list of links
/// ("related stories", "read more", tag clouds) and is removed (unless nested in a list item). Readability keeps such lists
/// (its link-density rule skips lists); they are the most common leftover in its output.
pub const LINK_LIST_MAX_DENSITY: f32 = 0.5;
/// **Broadsheet**: blocks up to this long that only repeat the byline, the site name or a date
/// (`<time>`) are dropped: the overlay's header shows them.
pub const ECHO_MAX_CHARS: u32 = 100;
/// Readability `_headerDuplicatesTitle`: a heading this similar to the title repeats it.
pub const TITLE_SIMILARITY: f32 = 0.75;
/// Readability `_isValidByline`: byline text is shorter than this.
pub const BYLINE_MAX_CHARS: usize = 100;

// ---------------------------------------------------------------------------------------------
// Readerable (stage 5)
// ---------------------------------------------------------------------------------------------

/// Readability `isProbablyReaderable` `minContentLength`: shorter paragraphs do not count.
pub const READERABLE_MIN_CHARS: usize = 140;
/// Readability `isProbablyReaderable` `minScore`: Σ sqrt(len − min) must exceed this.
pub const READERABLE_MIN_SCORE: f64 = 20.0;
/// **Broadsheet**: an extracted article shorter than this many characters is not shown as one
/// (a CJK character counts [`CJK_CHAR_WEIGHT`] times: it carries about a word).
pub const ARTICLE_MIN_CHARS: usize = 250;
/// See [`ARTICLE_MIN_CHARS`].
pub const CJK_CHAR_WEIGHT: usize = 3;
