//! Pairing quotation marks: which spans of the text are inside quotes.
//!
//! One pass per block with a stack of open marks. Curly, guillemet and CJK corner marks know their
//! direction; straight `"` `'` (and their fullwidth forms) take it from what is on either side
//! ("flanking", as CommonMark does for emphasis). Apostrophes (don’t, O’Brien, ’90s, teachers’) are
//! told from single quotes by the letters around them. A closer may close any open mark of its family
//! (“…" and "…” occur on real pages), popping marks that never closed. Only the outermost span is
//! kept; nested quotes stay inside it. An unclosed double quote continues into the next block when that
//! block opens with a mark of the same family (the convention for multi-paragraph quotes), and is
//! otherwise closed at the block's end and flagged; spans longer than [`MAX_QUOTE_CHARS`] are dropped.

use super::tunables::MAX_QUOTE_CHARS;

/// A range of one block's characters (char indices, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// One quoted span, possibly over several blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The content (without the marks), one piece per block.
    pub pieces: Vec<Piece>,
    /// Index of the opening mark in the first block (`None` for an explicit quote without marks).
    pub open_at: Option<usize>,
    /// Index just after the closing mark in the last block (the block's end when unclosed).
    pub close_after: usize,
    /// The opening mark.
    pub open: char,
    /// Whether a closing mark was found.
    pub closed: bool,
}

impl Span {
    pub fn first_block(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.block)
    }
    pub fn last_block(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.block)
    }
    pub fn chars(&self) -> usize {
        self.pieces.iter().map(|p| p.end.saturating_sub(p.start)).sum()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    /// 「」
    Corner,
    /// 『』
    WhiteCorner,
}

#[derive(Debug)]
struct Open {
    mark: char,
    family: Family,
    /// Index of the mark.
    at: usize,
    /// The marks that close it exactly (others of the family close it too).
    closer: &'static [char],
    /// Spans that closed inside it: dropped when it closes, promoted when it is abandoned.
    inner: Vec<Span>,
    /// Earlier pieces when this quote continues from previous blocks.
    carried: Vec<Piece>,
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

/// Punctuation that may stand next to a quote on the outside.
fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '(' | '[' | ']' | '{' | '}' | '—' | '–' | '-' | '/' | '…' | '*')
            || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
    })
}

/// Can open: followed by text, preceded by space, punctuation or the start.
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(next) && (is_space(prev) || is_punct(prev) || is_quote_char(prev))
}

/// Can close: preceded by text, followed by space, punctuation or the end.
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(prev) && (is_space(next) || is_punct(next) || is_quote_char(next))
}

fn is_quote_char(c: Option<char>) -> bool {
    c.is_some_and(|c| "\"'“”‘’«»‹›„‚「」『』＂＇〝〞〟".contains(c))
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// What one mark does, given its neighbours and the open stack.
enum Action {
    Open(Family, &'static [char]),
    /// Close the stack entry at this index.
    Close(usize),
    Ignore,
}

fn find_family(stack: &[Open], family: Family) -> Option<usize> {
    stack.iter().rposition(|o| o.family == family)
}

fn find_exact(stack: &[Open], c: char) -> Option<usize> {
    stack.iter().rposition(|o| o.closer.contains(&c))
}

fn classify(c: char, prev: Option<char>, next: Option<char>, stack: &[Open]) -> Action {
    use Family::*;
    const DQ: &[char] = &['”', '"', '＂'];
    match c {
        '“' => {
            // German „…“ closes with U+201C; so does a straight-opened "…“.
            if let Some(i) = find_exact(stack, '“') {
                return Action::Close(i);
            }
            if let Some(i) = stack.iter().rposition(|o| o.mark == '"' || o.mark == '＂') {
                if right_flanking(prev, next) && !left_flanking(prev, next) {
                    return Action::Close(i);
                }
            }
            Action::Open(Double, DQ)
        }
        '”' | '〞' | '〟' => match find_family(stack, Double) {
            Some(i) => Action::Close(i),
            // Swedish/Finnish ”…” opens with U+201D.
            None if c == '”' && left_flanking(prev, next) && !right_flanking(prev, next) => Action::Open(Double, &['”']),
            None => Action::Ignore,
        },
        '„' => Action::Open(Double, &['“', '”']),
        '〝' => Action::Open(Double, &['〞', '〟', '”']),
        '«' => match find_exact(stack, '«') {
            Some(i) => Action::Close(i),
            None => Action::Open(Double, &['»']),
        },
        '»' => match find_exact(stack, '»') {
            Some(i) => Action::Close(i),
            // German/Danish »…«.
            None if left_flanking(prev, next) => Action::Open(Double, &['«']),
            None => Action::Ignore,
        },
        '‹' => match find_exact(stack, '‹') {
            Some(i) => Action::Close(i),
            None => Action::Open(Single, &['›']),
        },
        '›' => match find_exact(stack, '›') {
            Some(i) => Action::Close(i),
            None if left_flanking(prev, next) => Action::Open(Single, &['‹']),
            None => Action::Ignore,
        },
        '「' => Action::Open(Corner, &['」']),
        '」' => find_family(stack, Corner).map_or(Action::Ignore, Action::Close),
        '『' => Action::Open(WhiteCorner, &['』']),
        '』' => find_family(stack, WhiteCorner).map_or(Action::Ignore, Action::Close),
        '"' | '＂' => {
            let (l, r) = (left_flanking(prev, next), right_flanking(prev, next));
            let open_double = find_family(stack, Double);
            match (l, r) {
                (true, false) => Action::Open(Double, DQ),
                (false, true) => open_double.map_or(Action::Ignore, Action::Close),
                (true, true) => Action::Ignore,
                // Between two letters (CJK text without spaces): close if a quote is open.
                (false, false) if is_space(prev) && is_space(next) => Action::Ignore,
                (false, false) => open_double.map_or(Action::Open(Double, DQ), Action::Close),
            }
        }
        '‘' => {
            if let Some(i) = find_exact(stack, '‘') {
                return Action::Close(i);
            }
            // ‘90s, rock ‘n’ roll, or a mis-typed apostrophe between letters.
            if next.is_some_and(|n| n.is_ascii_digit()) || (is_word(prev) && is_word(next)) || is_space(next) {
                return Action::Ignore;
            }
            Action::Open(Single, &['’', '\''])
        }
        '‚' => {
            if is_space(prev) && next.is_some_and(char::is_alphabetic) {
                Action::Open(Single, &['‘', '’'])
            } else {
                Action::Ignore
            }
        }
        '’' | '\'' | '＇' => {
            // don’t, O’Brien: an apostrophe.
            if is_word(prev) && is_word(next) {
                return Action::Ignore;
            }
            let single = find_family(stack, Single);
            if let Some(i) = single {
                if right_flanking(prev, next) {
                    return Action::Close(i);
                }
            }
            if c == '’' {
                // ’90s, ’em: a leading elision; teachers’: a plural possessive.
                return Action::Ignore;
            }
            if left_flanking(prev, next) && next.is_some_and(char::is_alphabetic) && !next.is_some_and(|n| n.is_ascii_digit()) {
                return Action::Open(Single, &['\'', '’', '＇']);
            }
            Action::Ignore
        }
        _ => Action::Ignore,
    }
}

/// Quotation marks (a `match`, not `str::contains`: this runs on every character of the article,
/// and a string search per character was a visible share of the quotes' time).
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '‚' | '「' | '」' | '『' | '』' | '＂' | '＇' | '〝' | '〞' | '〟')
}

/// Finds the quoted spans of `blocks` (each block's text as chars). `skip[b]` blocks are not read
/// (and break continuation).
pub fn pair(blocks: &[Vec<char>], skip: &[bool]) -> Vec<Span> {
    let mut out = Vec::new();
    // An unclosed outer double quote waiting to see whether the next block continues it.
    let mut carry: Option<(Open, usize)> = None;
    for (b, chars) in blocks.iter().enumerate() {
        if skip.get(b).copied().unwrap_or(false) {
            if let Some((open, last_block)) = carry.take() {
                finish_unclosed(open, last_block, blocks, &mut out);
            }
            continue;
        }
        let mut stack: Vec<Open> = Vec::new();
        let mut i = 0;
        if let Some((mut open, last_block)) = carry.take() {
            let first = chars.iter().position(|c| !c.is_whitespace());
            let continues = first.is_some_and(|j| {
                let c = chars[j];
                last_block + 1 == b && matches!(c, '“' | '"' | '«' | '„' | '＂' | '「' | '»' | '”')
            });
            match first {
                Some(j) if continues => {
                    open.carried.push(Piece { block: last_block, start: open.at + 1, end: blocks[last_block].len() });
                    open.at = j;
                    stack.push(open);
                    i = j + 1;
                }
                _ => finish_unclosed(open, last_block, blocks, &mut out),
            }
        }
        while i < chars.len() {
            let c = chars[i];
            if is_mark(c) {
                let prev = if i > 0 { Some(chars[i - 1]) } else { None };
                let next = chars.get(i + 1).copied();
                match classify(c, prev, next, &stack) {
                    Action::Open(family, closer) => stack.push(Open { mark: c, family, at: i, closer, inner: Vec::new(), carried: Vec::new() }),
                    Action::Close(k) => {
                        // Marks above k never closed: abandon them, keeping what closed inside them.
                        while stack.len() > k + 1 {
                            if let Some(abandoned) = stack.pop() {
                                promote(abandoned.inner, &mut stack, &mut out);
                            }
                        }
                        if let Some(open) = stack.pop() {
                            let mut pieces = open.carried;
                            pieces.push(Piece { block: b, start: open.at + 1, end: i });
                            let span = Span { pieces, open_at: None, close_after: i + 1, open: open.mark, closed: true };
                            let span = Span { open_at: Some(span_open_at(&span, open.at)), ..span };
                            // rock 'n' roll: a single-quoted letter is an elision, not a quote.
                            let elision = open.family == Family::Single && span.chars() <= 1;
                            if span.chars() <= MAX_QUOTE_CHARS && !elision {
                                match stack.last_mut() {
                                    Some(outer) => outer.inner.push(span),
                                    None => out.push(span),
                                }
                            }
                        }
                    }
                    Action::Ignore => {}
                }
            }
            i += 1;
        }
        // End of block: keep the outermost double quote open for the next block; abandon the rest.
        while stack.len() > 1 {
            if let Some(abandoned) = stack.pop() {
                promote(abandoned.inner, &mut stack, &mut out);
            }
        }
        if let Some(open) = stack.pop() {
            if open.family == Family::Double && open.inner.is_empty() {
                carry = Some((open, b));
            } else {
                out.extend(open.inner);
            }
        }
    }
    if let Some((open, last_block)) = carry.take() {
        finish_unclosed(open, last_block, blocks, &mut out);
    }
    crate::sort::sort_by_key(&mut out, |s| (s.first_block(), s.open_at.unwrap_or(0)));
    out
}

/// The opening mark's index in the first block (carried quotes opened in an earlier block).
fn span_open_at(span: &Span, at: usize) -> usize {
    match span.pieces.first() {
        Some(p) if span.pieces.len() > 1 => p.start.saturating_sub(1),
        _ => at,
    }
}

fn promote(inner: Vec<Span>, stack: &mut [Open], out: &mut Vec<Span>) {
    match stack.last_mut() {
        Some(outer) => outer.inner.extend(inner),
        None => out.extend(inner),
    }
}

/// An unclosed quote ends with its last block, flagged as unclosed, if it is not too long.
fn finish_unclosed(open: Open, last_block: usize, blocks: &[Vec<char>], out: &mut Vec<Span>) {
    let end = blocks.get(last_block).map_or(0, Vec::len);
    let mut pieces = open.carried;
    pieces.push(Piece { block: last_block, start: open.at + 1, end });
    let span = Span { pieces, open_at: None, close_after: end, open: open.mark, closed: false };
    if span.chars() <= MAX_QUOTE_CHARS && span.chars() > 0 {
        let at = span_open_at(&span, open.at);
        out.push(Span { open_at: Some(at), ..span });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(texts: &[&str]) -> Vec<String> {
        let blocks: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
        let skip = vec![false; blocks.len()];
        pair(&blocks, &skip)
            .iter()
            .map(|s| s.pieces.iter().map(|p| blocks[p.block][p.start..p.end].iter().collect::<String>()).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(quotes(&["He said “hello there” and \"bye now\"."]), vec!["hello there", "bye now"]);
    }

    #[test]
    fn mismatched_curly_open_straight_close() {
        // The seed closes a “ quote with a straight ".
        assert_eq!(quotes(&["他说，朝鲜“全力支持俄罗斯\"。"]), vec!["全力支持俄罗斯"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let q = quotes(&["‘I don’t know O’Brien,’ she said of the ’90s and the teachers’ union."]);
        assert_eq!(q, vec!["I don’t know O’Brien,"]);
        assert_eq!(quotes(&["It's the teachers' union, rock 'n' roll and 'em."]), Vec::<String>::new());
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(quotes(&["“He told me ‘never again’ twice,” she said."]), vec!["He told me ‘never again’ twice,"]);
    }

    #[test]
    fn continues_across_paragraphs_when_reopened() {
        let q = quotes(&["“First paragraph of speech.", "“Second paragraph,” he said.", "Narration."]);
        assert_eq!(q, vec!["First paragraph of speech. | Second paragraph,"]);
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let q = quotes(&["He said “this never closes", "Next paragraph has “a real quote” here."]);
        assert_eq!(q, vec!["this never closes", "a real quote"]);
    }

    #[test]
    fn stray_single_opener_does_not_hide_inner_quotes() {
        assert_eq!(quotes(&["In the 'new era he said “we are ready” today."]), vec!["we are ready"]);
    }

    #[test]
    fn other_languages() {
        assert_eq!(quotes(&["Il a dit : « nous sommes prêts »."]), vec![" nous sommes prêts "]);
        assert_eq!(quotes(&["Er sagte: „Wir schaffen das“."]), vec!["Wir schaffen das"]);
        assert_eq!(quotes(&["彼は「準備はできている」と述べた。"]), vec!["準備はできている"]);
        assert_eq!(quotes(&["Er sagte: »Wir schaffen das«."]), vec!["Wir schaffen das"]);
        assert_eq!(quotes(&["他说：＂我们准备好了＂。"]), vec!["我们准备好了"]);
    }

    #[test]
    fn titles_in_double_angle_brackets_are_not_quotes() {
        assert_eq!(quotes(&["《环球时报》的文章"]), Vec::<String>::new());
    }

    #[test]
    fn caps_runaway_quotes() {
        let long = format!("He said “{}", "word ".repeat(400));
        assert!(quotes(&[&long]).is_empty());
    }
}
