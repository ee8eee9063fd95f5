//! Attribution: who said a quote, from the reporting patterns around it.
//!
//! Rules, first match wins (notes § Attribution): after the quote (`“…,” X said` / `“…,” said X` /
//! `“…” — X`), before it (`X said: “…”`, `X told Y: “…”`, `according to X, “…”`, `X表示，“…”`), a colon
//! lead-in (`X: “…”`). Each rule returns a [`Subject`] — a name with its role, a pronoun, a description
//! ("a senior source"), or nothing when the verb has no subject of its own (`并表示“…”`) — and a
//! confidence from the table in `tunables`. Pronouns, inheritance and short names are resolved by the
//! pipeline, which knows the whole article.

use super::names::{clean_han_span, split_han_role, HanSpeaker};
use super::tokens::{join, Tok};
use super::tunables::{self as t, Gender, Lexicon};

/// Who the pattern names.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A proper name, with the role around it and the gender an honorific gives.
    Name { name: String, role: Option<String>, gender: Option<Gender>, original: Option<String> },
    /// he/she/they/他/她.
    Pronoun(Option<Gender>),
    /// A described speaker: "the spokesman", "police", "中国分析人士".
    Described(String),
    /// A reporting verb without its own subject (the sentence's subject speaks).
    Missing,
}

/// One attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub subject: Subject,
    pub confidence: f32,
    /// The name is only a guess from position (the sentence's first words before a colon): take it
    /// only if the article quotes this person elsewhere.
    pub needs_known: bool,
}

fn found(subject: Subject, confidence: f32) -> Option<Found> {
    Some(Found { subject, confidence, needs_known: false })
}

// ---------------------------------------------------------------------------------------------
// Latin and Cyrillic scripts
// ---------------------------------------------------------------------------------------------

fn is_verb(tok: &Tok, lex: &Lexicon) -> bool {
    tok.word && lex.verbs.contains(tok.lower())
}

fn is_weak_verb(tok: &Tok, lex: &Lexicon) -> bool {
    tok.word && lex.weak_verbs.contains(tok.lower())
}

fn pronoun(tok: &Tok, lex: &Lexicon) -> Option<Option<Gender>> {
    if !tok.word {
        return None;
    }
    lex.pronouns.iter().find(|(p, _)| tok.is(p)).map(|(_, g)| *g)
}

/// French inversions carry their pronoun: a-t-il, dit-elle.
fn inverted_pronoun(tok: &Tok) -> Option<Option<Gender>> {
    if tok.lower().ends_with("-il") || tok.lower().ends_with("-t-il") {
        Some(Some(Gender::Male))
    } else if tok.lower().ends_with("-elle") {
        Some(Some(Gender::Female))
    } else {
        None
    }
}

fn is_honorific(tok: &Tok, lex: &Lexicon) -> bool {
    lex.honorifics.iter().any(|(h, _)| tok.is(h))
}

fn is_name_word(tok: &Tok, lex: &Lexicon) -> bool {
    tok.capitalised() || is_honorific(tok, lex) || matches!(tok.lower(), "de" | "van" | "von" | "der" | "bin" | "al" | "la" | "du" | "da" | "dos" | "del" | "ibn")
}

/// Turns a capitalised run into a name: leading sentence words dropped, leading titles become the role.
fn name_from_run(run: &[Tok], lex: &Lexicon) -> Option<Subject> {
    let mut k = 0;
    while k < run.len() && lex.not_names.contains(run[k].lower()) {
        k += 1;
    }
    let run = &run[k..];
    let mut gender = None;
    let mut title_end = 0;
    for (i, tok) in run.iter().enumerate() {
        if let Some((_, g)) = lex.honorifics.iter().find(|(h, _)| tok.is(h)) {
            gender = *g;
        }
        if lex.titles.contains(tok.lower()) && i + 1 < run.len() {
            title_end = i + 1;
        } else {
            break;
        }
    }
    // Keep an honorific with the name ("Mr Obama"): it says who is meant and is resolved later.
    let honorific_start = run[..title_end].iter().rposition(|t| is_honorific(t, lex)).filter(|&i| i + 1 == title_end);
    let name_start = honorific_start.unwrap_or(title_end);
    let name_toks = &run[name_start..];
    if name_toks.is_empty() || name_toks.len() > 6 || !name_toks.iter().any(|t| t.capitalised() && !is_honorific(t, lex)) {
        return None;
    }
    if name_toks.len() == 1 && lex.not_names.contains(name_toks[0].lower()) {
        return None;
    }
    let role = (title_end > 0 && honorific_start.is_none()).then(|| join(&run[..title_end]));
    Some(Subject::Name { name: join(name_toks), role, gender, original: None })
}

/// The subject noun phrase that ends `s` (which ends right before the verb). Returns the subject
/// and the index where it starts.
fn np_before(s: &[Tok], lex: &Lexicon) -> Option<(Subject, usize)> {
    let mut end = s.len();
    while end > 0 && s[end - 1].word && lex.skip.contains(s[end - 1].lower()) {
        end -= 1;
    }
    let mut role: Option<String> = None;
    // X, a spokesman for Y, said — the appositive is a role; a relative clause is dropped.
    if end > 0 && s[end - 1].punct(',') {
        let p = s[..end - 1].iter().rposition(|t| t.punct(','))?;
        let appositive = &s[p + 1..end - 1];
        if appositive.is_empty() || appositive.len() > 16 {
            return None;
        }
        // "A spokesman for the agency, John Smith, said": the name is the appositive.
        if appositive.iter().all(|t| is_name_word(t, lex)) && appositive[0].capitalised() {
            if let Some(Subject::Name { name, gender, original, .. }) = name_from_run(appositive, lex) {
                let head = &s[..p];
                let d = head.iter().rposition(|t| !t.word).map_or(0, |i| i + 1);
                let desc = &head[d..];
                let role = (!desc.is_empty() && !desc.iter().all(|t| is_name_word(t, lex))).then(|| join(desc));
                if role.is_some() {
                    return Some((Subject::Name { name, role, gender, original }, d));
                }
            }
        }
        if !matches!(appositive[0].lower(), "who" | "which" | "whose" | "speaking" | "according" | "in" | "on" | "at") {
            role = Some(join(appositive));
        }
        end = p;
    }
    let s = &s[..end];
    let last = s.last()?;
    if let Some(g) = pronoun(last, lex) {
        return Some((Subject::Pronoun(g), end - 1));
    }
    if is_name_word(last, lex) && last.capitalised() {
        let mut start = end;
        while start > 0 && s[start - 1].word && is_name_word(&s[start - 1], lex) {
            start -= 1;
        }
        let mut subject = name_from_run(&s[start..end], lex)?;
        // The description before the name: "the BBC's North America editor Jon Sopel".
        let d = s[..start].iter().rposition(|t| !t.word).map_or(0, |i| i + 1);
        let desc = &s[d..start];
        let det = desc.iter().position(|t| lex.determiners.contains(t.lower()));
        if let (Some(det), Subject::Name { role: r, .. }) = (det, &mut subject) {
            if start - d - det <= 8 && desc.last().is_some_and(|t| !t.capitalised()) {
                *r = Some(join(&desc[det..]));
            }
        }
        if let (Some(a), Subject::Name { role: r, .. }) = (role, &mut subject) {
            *r = Some(a);
        }
        return Some((subject, start));
    }
    // Lowercase: "police", "the spokesman", "a senior political source".
    let from = s.iter().rposition(|t| !t.word).map_or(0, |i| i + 1);
    let det = (from..end).rev().take(7).find(|&i| lex.determiners.contains(s[i].lower()));
    if let Some(d) = det {
        let clause_word = |t: &Tok| {
            is_verb(t, lex)
                || matches!(t.lower(), "as" | "if" | "to" | "that" | "which" | "who" | "when" | "while" | "and" | "or" | "but" | "is" | "was" | "were" | "are" | "be" | "been" | "has" | "have" | "had" | "it" | "he" | "she" | "they")
        };
        if d + 1 < end && !s[d + 1..end].iter().any(clause_word) {
            return Some((Subject::Described(join(&s[d..end])), d));
        }
    }
    if lex.people.contains(last.lower()) {
        return Some((Subject::Described(last.text.clone()), end - 1));
    }
    None
}

/// The noun phrase at the start of `s` (after a verb: "said John Smith, a spokesman").
fn np_after(s: &[Tok], lex: &Lexicon) -> Option<Subject> {
    let first = s.first()?;
    if let Some(g) = pronoun(first, lex) {
        return Some(Subject::Pronoun(g));
    }
    let stop = s
        .iter()
        .position(|t| !t.word || matches!(t.lower(), "who" | "which" | "in" | "on" | "at" | "during" | "after" | "before" | "when" | "while" | "that" | "to" | "from"))
        .unwrap_or(s.len());
    let head = &s[..stop];
    let cap = head.iter().position(Tok::capitalised);
    // "le ministre des Affaires étrangères", "the head of the Agency": a described speaker.
    if let Some(c) = cap.filter(|&c| c > 0 && matches!(head[c - 1].lower(), "de" | "des" | "du" | "of" | "for" | "von" | "del" | "della")) {
        let det = head[..c].iter().position(|t| lex.determiners.contains(t.lower())).unwrap_or(0);
        return Some(Subject::Described(join(&head[det..])));
    }
    let subject = match cap {
        Some(c) if c <= 4 => {
            let mut e = c;
            while e < head.len() && is_name_word(&head[e], lex) {
                e += 1;
            }
            let mut subject = name_from_run(&head[c..e], lex)?;
            let lead = &head[..c];
            let lead_role = lead.iter().any(|t| !lex.determiners.contains(t.lower())).then(|| join(lead));
            // The appositive after a comma: "said John Smith, a spokesman for the agency".
            let appositive = s.get(stop).filter(|t| t.punct(',')).map(|_| {
                let rest = &s[stop + 1..];
                let e = rest.iter().position(|t| !t.word).unwrap_or(rest.len());
                &rest[..e]
            });
            if let Subject::Name { role, .. } = &mut subject {
                *role = lead_role.or_else(|| {
                    appositive.filter(|a| !a.is_empty() && a.len() <= 12 && !matches!(a[0].lower(), "who" | "which" | "adding" | "according")).map(join)
                });
            }
            subject
        }
        _ if !head.is_empty() && lex.determiners.contains(head[0].lower()) && head.len() <= 8 && head.len() >= 2 => Subject::Described(join(head)),
        _ if head.len() == 1 && lex.people.contains(head[0].lower()) => Subject::Described(head[0].text.clone()),
        _ => return None,
    };
    Some(subject)
}

fn starts_with_words(s: &[Tok], phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    words.len() <= s.len() && words.iter().zip(s).all(|(w, t)| t.lower() == *w)
}

/// Whether `b` ends with a reporting verb (and an optional comma or colon): "he said “…”".
pub fn ends_with_verb(b: &[Tok], lex: &Lexicon) -> bool {
    let mut end = b.len();
    while end > 0 && !b[end - 1].word && matches!(b[end - 1].text.as_str(), "," | ":") {
        end -= 1;
    }
    end > 0 && is_verb(&b[end - 1], lex)
}

/// Attribution after the quote: `“…,” X said`, `“…,” said X`, `“…” — X`, `“…,” according to X`.
pub fn latin_after(a: &[Tok], lex: &Lexicon) -> Option<Found> {
    let mut i = 0;
    let mut dash = false;
    while i < a.len() && !a[i].word && matches!(a[i].text.as_str(), "," | "—" | "–" | "-" | "…") {
        dash |= a[i].text != "," && a[i].text != "…";
        i += 1;
    }
    let a = &a[i..];
    // Auxiliaries before an inverted verb: ", a déclaré X", ", ha dicho X".
    let mut a = a;
    while a.len() > 1 && a[0].word && lex.skip.contains(a[0].lower()) && is_verb(&a[1], lex) {
        a = &a[1..];
    }
    let first = a.first()?;
    if first.sentence_end() || !first.word {
        return None;
    }
    for src in lex.sources {
        if starts_with_words(a, src) {
            let n = src.split(' ').count();
            return np_after(&a[n..], lex).and_then(|s| found(s, t::CONF_SOURCE));
        }
    }
    // V-S: said X / sagte er / a-t-il déclaré.
    if is_verb(first, lex) && !matches!(first.lower(), "told" | "tells" | "tell") {
        if let Some(g) = inverted_pronoun(first) {
            return found(Subject::Pronoun(g), t::CONF_ADJACENT);
        }
        if let Some(s) = np_after(&a[1..], lex) {
            return found(s, t::CONF_ADJACENT);
        }
        return None;
    }
    if let Some(g) = inverted_pronoun(first) {
        return found(Subject::Pronoun(g), t::CONF_ADJACENT);
    }
    // The sentence must continue with a subject, not with the reporter's own clause.
    let subject_like = first.capitalised()
        || pronoun(first, lex).is_some()
        || lex.determiners.contains(first.lower())
        || lex.people.contains(first.lower())
        || is_honorific(first, lex);
    if !subject_like {
        // “…” in that law, Azzouz said — a short tail of the reporter's clause, then the attribution.
        let comma = a.iter().take(10).position(|t| t.punct(',') || t.sentence_end())?;
        if !a[comma].punct(',') || a[..comma].iter().any(|t| is_verb(t, lex)) {
            return None;
        }
        return latin_after(&a[comma..], lex).map(|mut f| {
            f.confidence = f.confidence.min(t::CONF_NEAR);
            f
        });
    }
    for v in 1..a.len().min(t::MAX_AFTER_WORDS) {
        if a[v].sentence_end() || a[v].punct(';') || a[v].punct(':') && v > 6 {
            break;
        }
        if is_verb(&a[v], lex) || (is_weak_verb(&a[v], lex) && v <= 3) {
            if let Some((mut s, start)) = np_before(&a[..v], lex) {
                let lead = &a[..start];
                // "Seoul resident Margie Kim said": a short description before the name is its role.
                let described = lead.len() <= 6 && lead.iter().all(|t| t.word && !is_verb(t, lex) && pronoun(t, lex).is_none());
                if start == 0 || lead.iter().all(|t| lex.not_names.contains(t.lower())) || described {
                    if let (Subject::Name { role: r @ None, .. }, true) = (&mut s, described && start > 0) {
                        *r = Some(join(lead));
                    }
                    let conf = if v <= 4 { t::CONF_ADJACENT } else { t::CONF_NEAR };
                    return found(s, conf);
                }
            }
        }
    }
    // “…” — Jane Doe (epigraphs, pull quotes, tweets).
    if dash && first.capitalised() {
        let e = a.iter().position(|t| !is_name_word(t, lex)).unwrap_or(a.len());
        return name_from_run(&a[..e], lex).and_then(|s| found(s, t::CONF_COLON));
    }
    None
}

/// Attribution before the quote: `X said: “…”`, `X told Y, “…”`, `according to X, “…”`, `X: “…”`.
/// `whole` quotes allow a shorter gap between verb and quote than fragments.
pub fn latin_before(b: &[Tok], lex: &Lexicon, whole: bool) -> Option<Found> {
    let mut end = b.len();
    let mut colon = false;
    while end > 0 && !b[end - 1].word && matches!(b[end - 1].text.as_str(), "," | ":" | "—" | "–" | "-" | "(") {
        colon |= b[end - 1].text == ":";
        end -= 1;
    }
    let b = &b[..end];
    if b.is_empty() {
        return None;
    }
    // according to X, “…”
    for src in lex.sources {
        if let Some(k) = (0..b.len()).rev().find(|&k| starts_with_words(&b[k..], src)) {
            let n = src.split(' ').count();
            let rest = &b[k + n..];
            if rest.len() <= 10 {
                if let Some(s) = np_after(rest, lex) {
                    return found(s, t::CONF_SOURCE);
                }
            }
        }
    }
    // as X put it, “…”
    if b.len() >= 4 && b[b.len() - 2].is("put") && b[b.len() - 1].is("it") {
        if let Some(a) = b.iter().rposition(|t| t.is("as")) {
            if let Some((s, _)) = np_before(&b[a + 1..b.len() - 2], lex) {
                return found(s, t::CONF_ADJACENT);
            }
        }
    }
    let gap = if whole { t::MAX_VERB_GAP_KEY } else { t::MAX_VERB_GAP_PARTIAL };
    let lowest = b.len().saturating_sub(gap + 1);
    for v in (lowest..b.len()).rev() {
        let weak_ok = is_weak_verb(&b[v], lex) && (colon || v + 1 == b.len());
        if !(is_verb(&b[v], lex) || weak_ok) {
            continue;
        }
        // "as if to say", "wanted to tell": an infinitive reports nothing.
        if v > 0 && b[v - 1].is("to") {
            continue;
        }
        // "X told Y" — the speaker is before the verb, never the addressee after it.
        if let Some((s, _)) = np_before(&b[..v], lex) {
            let adjacent = colon || v + 1 == b.len() || b[v + 1..].iter().all(|t| t.word && !is_verb(t, lex)) && b.len() - v <= 4;
            return found(s, if adjacent { t::CONF_ADJACENT } else { t::CONF_NEAR });
        }
        // V-S before the quote: "Said Smith: “…”" / "— заявил Путин: «…»".
        if let Some(s) = np_after(&b[v + 1..], lex) {
            if colon {
                return found(s, t::CONF_NEAR);
            }
        }
        // "Uber stepped in and tweeted: “…”", "Emery retweeted the story, saying, “…”": the
        // sentence's subject speaks; anything else ("tough to maintain") is not a report.
        let participle = b[v].lower().ends_with("ing");
        if participle || v > 0 && matches!(b[v - 1].lower(), "and" | "but" | "then" | "also") {
            // The clause's subject: after the last comma before the verb (or the sentence start).
            let clause = if participle { 0 } else { b[..v].iter().rposition(|t| t.punct(',')).map_or(0, |i| i + 1) };
            let start = (clause..v).find(|&i| !lex.not_names.contains(b[i].lower()) && !b[i].punct(',')).unwrap_or(v);
            let e = (start..v).find(|&i| !is_name_word(&b[i], lex)).unwrap_or(v);
            if e > start && (e == v || !b[e].punct(',') || participle) {
                if let Some(s) = name_from_run(&b[start..e], lex) {
                    return found(s, t::CONF_SUBJECT);
                }
            }
            if !participle {
                return found(Subject::Missing, t::CONF_SUBJECT);
            }
        }
    }
    // X: “…”
    if colon && b.len() <= 5 && b.iter().all(|t| is_name_word(t, lex) || t.punct('.')) {
        return name_from_run(b, lex).and_then(|s| found(s, t::CONF_COLON));
    }
    // "Alverson summed up the journey …: “…”" — the sentence's subject, if the article quotes them.
    if colon {
        let e = b.iter().position(|t| !is_name_word(t, lex)).unwrap_or(b.len());
        if e > 0 && e < b.len() {
            if let Some(s) = name_from_run(&b[..e], lex) {
                return Some(Found { subject: s, confidence: t::CONF_COLON, needs_known: true });
            }
        }
    }
    None
}

/// `X zufolge` after a quote's sentence (German).
pub fn latin_source_after(a: &[Tok], lex: &Lexicon) -> Option<Found> {
    let k = a.iter().position(|t| lex.sources_after.contains(t.lower()))?;
    np_before(&a[..k], lex).and_then(|(s, _)| found(s, t::CONF_SOURCE))
}

// ---------------------------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------------------------

const ZH_CLAUSE_BOUNDARY: &str = "，,。；;：:！？!?";

fn starts_at(s: &[char], i: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(k, c)| s.get(i + k) == Some(&c))
}

/// Whether a non-verb word (称为, 据说) covers position `i`.
fn inside_not_verb(s: &[char], i: usize) -> bool {
    t::ZH_NOT_VERBS.iter().any(|w| {
        let n = w.chars().count();
        (i.saturating_sub(n - 1)..=i).any(|j| starts_at(s, j, w) && j + n > i)
    })
}

/// A reporting verb starting at `i`: its length and whether it is weak.
fn zh_verb_at(s: &[char], i: usize) -> Option<(usize, bool)> {
    if inside_not_verb(s, i) {
        return None;
    }
    for v in t::ZH_VERBS {
        if starts_at(s, i, v) {
            let n = v.chars().count();
            if t::ZH_SINGLE_VERBS.contains(v) {
                let next = s.get(i + n);
                let ok = next.is_none_or(|c| "，,：:“\"「『。；".contains(*c));
                if !ok {
                    continue;
                }
            }
            return Some((n, false));
        }
    }
    for v in t::ZH_WEAK_VERBS {
        if starts_at(s, i, v) {
            return Some((v.chars().count(), true));
        }
    }
    None
}

/// The start of the clause that ends at `end` (after the last boundary outside parentheses).
fn zh_clause_start(s: &[char], end: usize) -> usize {
    let mut depth = 0i32;
    for i in (0..end).rev() {
        match s[i] {
            '）' | ')' => depth += 1,
            '（' | '(' => depth -= 1,
            c if depth <= 0 && ZH_CLAUSE_BOUNDARY.contains(c) => return i + 1,
            _ => {}
        }
    }
    0
}

/// A subject from a Chinese speaker span (already cut at the clause start).
pub fn zh_subject(span: &str) -> Option<Subject> {
    let cleaned = clean_han_span(span);
    if cleaned.is_empty() {
        return Some(Subject::Missing);
    }
    for (p, g) in t::ZH_PRONOUNS {
        if cleaned == *p {
            return Some(Subject::Pronoun(*g));
        }
    }
    if t::ZH_NOT_SPEAKERS.contains(&cleaned) || t::ZH_NOT_SPEAKER_STARTS.any_prefix_of(&cleaned) {
        return None;
    }
    let gender = super::names::han_honorific_gender(&cleaned);
    let HanSpeaker { name, role, original } = split_han_role(&cleaned)?;
    if t::ZH_ROLE_SUFFIXES.any_suffix_of(&name) && role.is_none() {
        return Some(Subject::Described(name));
    }
    Some(Subject::Name { name, role, gender, original })
}

/// Chinese attribution before the quote: the last reporting verb of the sentence before it
/// (`林剑在记者会上…时称，…，“…”`, `金正恩则表示，“…”`, `据X介绍，“…”`).
pub fn han_before(b: &[char], intro_only: bool) -> Option<Found> {
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        let Some((n, weak)) = zh_verb_at(b, i) else { continue };
        // A verb inside a longer verb found already to its right is skipped by scanning right to left.
        if intro_only && !b.get(i + n).is_some_and(|c| "，,：:".contains(*c)) {
            continue;
        }
        let start = zh_clause_start(b, i);
        let span: String = b[start..i].iter().collect();
        let subject = zh_subject(&span)?;
        let gap = b.len() - (i + n);
        let conf = if weak {
            t::CONF_NEAR
        } else if gap <= 1 {
            t::CONF_ADJACENT
        } else {
            t::CONF_NEAR
        };
        return found(subject, conf);
    }
    None
}

/// Chinese attribution after the quote: `“…”，X说。` / `“…”外交部发言人毛宁表示。`
pub fn han_after(a: &[char]) -> Option<Found> {
    let mut i = 0;
    while i < a.len() && (a[i].is_whitespace() || "，,".contains(a[i])) {
        i += 1;
    }
    let from = i;
    while i < a.len() && i < from + 24 {
        if ZH_CLAUSE_BOUNDARY.contains(a[i]) {
            return None;
        }
        if let Some((n, _)) = zh_verb_at(a, i) {
            if i == from {
                return None;
            }
            let next = a.get(i + n);
            if !next.is_none_or(|c| "，,。；;".contains(*c)) {
                return None;
            }
            let span: String = a[from..i].iter().collect();
            return match zh_subject(&span)? {
                Subject::Missing => None,
                s => found(s, t::CONF_ADJACENT),
            };
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Japanese
// ---------------------------------------------------------------------------------------------

/// 「…」と述べた with the subject before the quote (`岸田首相は「…」と述べた`), or Xによると.
pub fn ja(before: &[char], after: &[char]) -> Option<Found> {
    let after_s: String = after.iter().take(16).collect();
    let reported = after_s.starts_with('と') && t::JA_VERBS.any_in(&after_s[3..]);
    let b: String = before[zh_clause_start(before, before.len())..].iter().collect();
    let b = b.trim();
    for src in t::JA_SOURCES {
        if let Some(p) = b.find(src) {
            let name = &b[..p];
            if !name.is_empty() {
                return found(Subject::Name { name: name.to_string(), role: None, gender: None, original: None }, t::CONF_SOURCE);
            }
        }
    }
    if !reported {
        return None;
    }
    for p in t::JA_SUBJECT_PARTICLES {
        if let Some(name) = b.strip_suffix(p) {
            let kept = if p.len() > "は".len() { format!("{name}{}", p.trim_end_matches('は')) } else { name.to_string() };
            if !kept.is_empty() && kept.chars().count() <= 16 {
                return found(Subject::Name { name: kept, role: None, gender: None, original: None }, t::CONF_ADJACENT);
            }
        }
    }
    found(Subject::Missing, t::CONF_SUBJECT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(&s.chars().collect::<Vec<_>>())
    }

    fn name(f: Option<Found>) -> String {
        match f.map(|f| f.subject) {
            Some(Subject::Name { name, .. }) => name,
            Some(Subject::Described(d)) => format!("desc:{d}"),
            Some(Subject::Pronoun(g)) => format!("pron:{g:?}"),
            Some(Subject::Missing) => "missing".into(),
            None => "none".into(),
        }
    }

    fn role(f: Option<Found>) -> Option<String> {
        match f.map(|f| f.subject) {
            Some(Subject::Name { role, .. }) => role,
            _ => None,
        }
    }

    #[test]
    fn english_after_quote() {
        assert_eq!(name(latin_after(&toks(", Mr Obama said."), &t::EN)), "Mr Obama");
        assert_eq!(name(latin_after(&toks(", he added."), &t::EN)), "pron:Some(Male)");
        assert_eq!(name(latin_after(&toks(" said Eric Biondi, MD, who runs a program."), &t::EN)), "Eric Biondi");
        assert_eq!(name(latin_after(&toks(", says president David Weisbrot."), &t::EN)), "David Weisbrot");
        assert_eq!(role(latin_after(&toks(", says president David Weisbrot."), &t::EN)).as_deref(), Some("president"));
        assert_eq!(name(latin_after(&toks(", the source, who said he had spoken to people inside, told Reuters."), &t::EN)), "desc:the source");
        assert_eq!(name(latin_after(&toks(" compound in Harare"), &t::EN)), "none");
        assert_eq!(name(latin_after(&toks(", according to Jane Doe, a lawyer."), &t::EN)), "Jane Doe");
        assert_eq!(name(latin_after(&toks(" — Maya Angelou"), &t::EN)), "Maya Angelou");
    }

    #[test]
    fn english_before_quote() {
        assert_eq!(name(latin_before(&toks("Prime Minister Boris Johnson said:"), &t::EN, true)), "Boris Johnson");
        assert_eq!(role(latin_before(&toks("Prime Minister Boris Johnson said:"), &t::EN, true)).as_deref(), Some("Prime Minister"));
        // The addressee of "told" is never the speaker.
        assert_eq!(name(latin_before(&toks("Smith told Jones,"), &t::EN, true)), "Smith");
        assert_eq!(name(latin_before(&toks("According to Jane Doe,"), &t::EN, true)), "Jane Doe");
        assert_eq!(name(latin_before(&toks("As Jane Doe put it,"), &t::EN, true)), "Jane Doe");
        assert_eq!(name(latin_before(&toks("Mr Obama said it was"), &t::EN, false)), "Mr Obama");
        assert_eq!(name(latin_before(&toks("the BBC's North America editor Jon Sopel said:"), &t::EN, true)), "Jon Sopel");
        assert_eq!(role(latin_before(&toks("the BBC's North America editor Jon Sopel said:"), &t::EN, true)).as_deref(), Some("the BBC's North America editor"));
        assert_eq!(name(latin_before(&toks("Trump:"), &t::EN, true)), "Trump");
        assert_eq!(name(latin_before(&toks("A spokesman for the agency, John Smith, said"), &t::EN, true)), "John Smith");
    }

    #[test]
    fn other_latin_languages() {
        assert_eq!(name(latin_after(&toks(", a déclaré Emmanuel Macron."), &t::FR)), "Emmanuel Macron");
        assert_eq!(name(latin_after(&toks(", a-t-il dit."), &t::FR)), "pron:Some(Male)");
        assert_eq!(name(latin_after(&toks(", a déclaré jeudi le ministre des Affaires étrangères."), &t::FR)), "desc:le ministre des Affaires étrangères");
        assert_eq!(name(latin_before(&toks("Selon Emmanuel Macron,"), &t::FR, true)), "Emmanuel Macron");
        assert_eq!(name(latin_after(&toks(", sagte Scholz."), &t::DE)), "Scholz");
        assert_eq!(name(latin_after(&toks(", sagte er."), &t::DE)), "pron:Some(Male)");
        assert_eq!(name(latin_before(&toks("Laut Scholz"), &t::DE, true)), "Scholz");
        assert_eq!(name(latin_after(&toks(", dijo Pedro Sánchez."), &t::ES)), "Pedro Sánchez");
        assert_eq!(name(latin_before(&toks("Según Pedro Sánchez,"), &t::ES, true)), "Pedro Sánchez");
        assert_eq!(name(latin_after(&toks(", — заявил Путин."), &t::RU)), "Путин");
        assert_eq!(name(latin_before(&toks("По словам Путина,"), &t::RU, true)), "Путина");
    }

    fn han_b(s: &str) -> String {
        name(han_before(&s.chars().collect::<Vec<_>>(), false))
    }

    #[test]
    fn chinese_before_quote() {
        assert_eq!(han_b("金正恩则表示，"), "金正恩");
        assert_eq!(han_b("他说，朝鲜"), "pron:Some(Male)");
        assert_eq!(han_b("她形容，两国只是"), "pron:Some(Female)");
        assert_eq!(han_b("中国与俄罗斯和朝鲜都有密切关系，中国外交部发言人林剑在例行记者会上回应普京访问朝鲜时称，朝俄作为友好近邻，"), "林剑");
        assert_eq!(han_b("美国中情局前分析师、现任战略与国际研究中心（CSIS）研究员特里（Sue Mi Terry）对BBC分析指，"), "特里");
        assert_eq!(han_b("在朝鲜饱受经济困难之际，金正恩为普京举行盛大奢华的欢迎仪式，并表示"), "missing");
        assert_eq!(han_b("分析指出，乌克兰战争改变了普京对朝鲜的看法，但预料两国关系只是被西方孤立之下的"), "none");
        assert_eq!(han_b("据外交部介绍，"), "desc:外交部".replace("desc:", ""));
        assert_eq!(han_b("中国官媒《环球时报》的文章引述中国分析人士指，美国长期以来孤立俄朝两国，莫斯科和平壤走近是"), "desc:中国分析人士");
        assert_eq!(han_b("王先生对记者说："), "王");
    }

    #[test]
    fn chinese_after_quote() {
        assert_eq!(name(han_after(&"，外交部发言人毛宁表示。".chars().collect::<Vec<_>>())), "毛宁");
        assert_eq!(name(han_after(&"他说。".chars().collect::<Vec<_>>())), "pron:Some(Male)");
        assert_eq!(name(han_after(&"时期，".chars().collect::<Vec<_>>())), "none");
    }

    #[test]
    fn japanese() {
        let f = ja(&"岸田首相は".chars().collect::<Vec<_>>(), &"と述べた。".chars().collect::<Vec<_>>());
        assert_eq!(name(f), "岸田首相");
    }
}
