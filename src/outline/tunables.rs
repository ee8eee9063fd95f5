//! Every threshold and word list of the outline, in one table.

use crate::words::{words, Words};

/// Generate sections only for stories longer than this many paragraphs (issue 5: "more than ~6")
/// that have fewer than [`MIN_HEADINGS`] headings.
pub const MIN_PARAGRAPHS_FOR_GENERATED: usize = 6;

/// With at least this many headings (real or pseudo) the story's own structure is used.
pub const MIN_HEADINGS: usize = 2;

/// Generated sections: at least 3, at most 8 (issue 5); one section per this many paragraphs in
/// between (a news story's "beat" is three to five paragraphs).
pub const MIN_SECTIONS: usize = 3;
/// See [`MIN_SECTIONS`].
pub const MAX_SECTIONS: usize = 8;
/// See [`MIN_SECTIONS`].
pub const PARAGRAPHS_PER_SECTION: usize = 4;

/// A generated section holds at least this many paragraphs (when the story is long enough).
pub const MIN_SECTION_PARAGRAPHS: usize = 2;

/// TextTiling window: paragraphs compared on each side of a gap (Hearst 1997 uses token-sequence
/// blocks of ~6 sentences; two news paragraphs are about that).
pub const WINDOW: usize = 2;

/// Pseudo-headings: an all-bold standalone line this short (characters; CJK counts one per
/// character) that does not end like a sentence and is followed by body text.
pub const PSEUDO_HEADING_MAX_CHARS: usize = 90;
/// See [`PSEUDO_HEADING_MAX_CHARS`], for CJK text.
pub const PSEUDO_HEADING_MAX_CJK_CHARS: usize = 30;

/// Generated labels: at most this many words for spaced languages …
pub const LABEL_MAX_WORDS: usize = 6;
/// … cut earlier at a clause mark once this many words are in …
pub const LABEL_MIN_WORDS_BEFORE_CUT: usize = 3;
/// … and at most this many characters for CJK (issue 5: "up to ~16 characters").
pub const LABEL_MAX_CJK_CHARS: usize = 16;
/// A CJK clause shorter than this is too short a label: the cut goes to the next mark.
pub const LABEL_MIN_CJK_CHARS: usize = 4;

/// A heading is the title repeated when its normalised text covers this share of the title's.
pub const TITLE_OVERLAP: f64 = 0.8;

/// English stopwords dropped before comparing paragraphs and trimmed from the end of labels
/// (the most frequent function words of English news text; a short list is enough for TextTiling,
/// which only needs content words to dominate).
pub const STOPWORDS: Words = words![
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "may", "more", "most", "mr", "ms", "much", "my", "no", "not", "now", "of", "on",
    "one", "only", "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "will", "with", "would", "you", "your",
];
