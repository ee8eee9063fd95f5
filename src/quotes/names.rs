//! Names: speaker spans cleaned into a name and a role, the article's book of known people (with their
//! longest form and gender), and Chinese name boundaries.
//!
//! Chinese has no spaces, so a name's extent is guessed from how often its candidate lengths recur:
//! after a role word (总统普京时隔…), `普京` occurs twenty times and `普京时` once, so the name is `普京`.

use super::tokens::{spans, Span, Tok};
use super::tunables::{self as t, Gender, Lexicon};
use crate::text::is_han;
use crate::hash::FxHashMap;

/// Known people of one article.
#[derive(Debug, Default)]
pub struct NameBook {
    /// Full Latin names (capitalised runs of 2+ words, titles removed), with how often they occur.
    /// Only `NameBook::add_run` adds to it, keeping the two indexes below.
    latin: Vec<(Vec<String>, usize)>,
    /// Indexes into `latin` by last and by first word, in `latin`'s order: a lookup reads the few
    /// names ending (or starting) with one word instead of every name of the article (long articles
    /// know thousands, and every capitalised word is looked up).
    by_last: FxHashMap<String, Vec<usize>>,
    by_first: FxHashMap<String, Vec<usize>>,
    /// Han names known from attributions and role words, longest first.
    pub han: Vec<String>,
    /// Han name → original (Latin) name given in parentheses.
    pub han_original: FxHashMap<String, String>,
    /// Gender by lowercased last name token / Han name.
    pub gender: FxHashMap<String, Gender>,
}

/// `word` without a possessive `'s` / `’s` at its end (every one: "Obama's" → "Obama"), as names
/// are learned and looked up.
pub fn without_possessive(word: &str) -> &str {
    crate::text::trim_end_str(crate::text::trim_end_str(word, "'s"), "’s")
}

/// Key for the gender table: the last word of a Latin name, or the Han name.
pub fn gender_key(name: &str) -> String {
    let base = name.split(" (").next().unwrap_or(name);
    crate::case::lowercase(base.split_whitespace().last().unwrap_or(base))
}

impl NameBook {
    /// Records a gender for `name` unless one is known already.
    pub fn set_gender(&mut self, name: &str, g: Gender) {
        self.gender.entry(gender_key(name)).or_insert(g);
    }

    #[cfg(test)]
    pub fn gender_of(&self, name: &str) -> Option<Gender> {
        self.gender.get(&gender_key(name)).copied()
    }

    /// Adds the capitalised runs of `toks` (2–4 name words after titles are removed).
    #[cfg(test)]
    pub fn add_latin_runs(&mut self, toks: &[Tok], lex: &Lexicon) {
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].capitalised() {
                i += 1;
                continue;
            }
            let start = i;
            while i < toks.len() && (toks[i].capitalised() || (is_particle(&toks[i]) && toks.get(i + 1).is_some_and(Tok::capitalised))) {
                i += 1;
            }
            self.add_run(&toks[start..i], lex);
        }
    }

    /// `NameBook::add_latin_runs` (the tests' form) over a block's characters: tokens are made only for the
    /// capitalised runs (a block is mostly lower-case words no name needs).
    pub fn add_latin_runs_in(&mut self, chars: &[char], lex: &Lexicon) {
        let spans: Vec<Span> = spans(chars).collect();
        // A particle is a short word ("de", "van", "ibn"): longer ones are not made into tokens.
        let particle = |s: &Span| s.end - s.start <= 3 && is_particle(&s.tok(chars));
        let mut i = 0;
        while i < spans.len() {
            if !spans[i].capitalised(chars) {
                i += 1;
                continue;
            }
            let start = i;
            while i < spans.len() && (spans[i].capitalised(chars) || (particle(&spans[i]) && spans.get(i + 1).is_some_and(|n| n.capitalised(chars)))) {
                i += 1;
            }
            let run: Vec<Tok> = spans[start..i].iter().map(|s| s.tok(chars)).collect();
            self.add_run(&run, lex);
        }
    }

    /// Learns one capitalised run: its name words after honorifics and titles, and the gender an
    /// honorific gives.
    fn add_run(&mut self, run: &[Tok], lex: &Lexicon) {
        // Honorifics give the gender of the name that follows.
        let mut words: Vec<String> = Vec::new();
        let mut honorific_gender = None;
        for tok in run {
            if let Some((_, g)) = lex.honorifics.iter().find(|(h, _)| tok.is(h)) {
                honorific_gender = *g;
                words.clear();
                continue;
            }
            if words.is_empty() && (lex.titles.contains(tok.lower()) || lex.not_names.contains(tok.lower())) {
                continue;
            }
            words.push(without_possessive(&tok.text).to_string());
        }
        if let (Some(g), Some(last)) = (honorific_gender, words.last()) {
            self.gender.entry(crate::case::lowercase(last)).or_insert(g);
        }
        if (2..=4).contains(&words.len()) && words.iter().all(|w| w.chars().any(char::is_lowercase) || w.len() <= 2) {
            let last = words.last().cloned().unwrap_or_default();
            let same_last = self.by_last.get(&last).map_or(&[][..], Vec::as_slice);
            match same_last.iter().find(|&&k| self.latin[k].0 == words) {
                Some(&k) => self.latin[k].1 += 1,
                None => {
                    let k = self.latin.len();
                    self.by_first.entry(words[0].clone()).or_default().push(k);
                    self.by_last.entry(last).or_default().push(k);
                    self.latin.push((words, 1));
                }
            }
        }
    }

    /// The known full names whose last word is `word`, in the order they were learned.
    fn ending_with<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a (Vec<String>, usize)> + 'a {
        self.index(&self.by_last, word)
    }

    /// The names `index` lists under `word`, in the order they were learned.
    fn index<'a>(&'a self, index: &'a FxHashMap<String, Vec<usize>>, word: &str) -> impl Iterator<Item = &'a (Vec<String>, usize)> + 'a {
        index.get(word).map_or(&[][..], Vec::as_slice).iter().filter_map(|&k| self.latin.get(k))
    }

    /// The longest known form of a Latin name: "Johnson" or "Mr Johnson" → "Boris Johnson" when one
    /// known full name ends with the same word and contains every other word.
    pub fn longest_latin(&self, short: &str, lex: &Lexicon) -> String {
        let words: Vec<&str> = short
            .split_whitespace()
            .filter(|w| {
                let l = crate::case::lowercase(w);
                !lex.honorifics.iter().any(|(h, _)| *h == l) && !lex.titles.contains(&l)
            })
            .collect();
        let Some(last) = words.last() else { return short.to_string() };
        let best = self
            .ending_with(last)
            .filter(|(full, _)| full.len() > words.len() && full.last().is_some_and(|l| l == last) && words.iter().all(|w| full.iter().any(|f| f == w)))
            .max_by_key(|(full, n)| (*n, full.len()));
        // The fullest form that extends the commonest one ("Forrest Jones" → "Michael Forrest Jones"),
        // so that every short form of a person maps to the same display name.
        let best = best.map(|(top, n)| {
            self.ending_with(top.last().map_or("", String::as_str))
                .filter(|(full, _)| full.len() >= top.len() && full.last() == top.last() && top.iter().all(|w| full.contains(w)))
                .max_by_key(|(full, m)| (full.len(), *m))
                .map_or((top, n), |(f, m)| (f, m))
        });
        // Two different full names ending alike ("Boris Johnson", "Stanley Johnson") are ambiguous.
        let distinct: Vec<_> = self
            .ending_with(last)
            .filter(|(full, _)| full.len() > words.len() && full.last().is_some_and(|l| l == last) && words.iter().all(|w| full.iter().any(|f| f == w)))
            .collect();
        // A rival counts only if it is seen about as often ("Five Obama" from a menu does not make
        // "Barack Obama" ambiguous).
        let top = distinct.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let ambiguous = distinct.iter().any(|(a, na)| {
            distinct.iter().any(|(b, nb)| {
                !a.iter().all(|w| b.contains(w)) && !b.iter().all(|w| a.contains(w)) && (*na).min(*nb) * 2 >= top && (*na).min(*nb) >= 2
            })
        });
        // A first name alone ("her mother, Fiona") → the one full name starting with it.
        if best.is_none() && words.len() == 1 && words.len() == short.split_whitespace().count() {
            let firsts: Vec<&(Vec<String>, usize)> = self.index(&self.by_first, last).filter(|(full, _)| full.len() >= 2 && full.first().is_some_and(|f| f == last)).collect();
            if let [only] = firsts.as_slice() {
                return only.0.join(" ");
            }
        }
        match best {
            Some((full, _)) if !ambiguous => full.join(" "),
            _ if words.len() < short.split_whitespace().count() && !words.is_empty() => {
                // Keep "Mr Obama" as is: the honorific says who it is.
                short.to_string()
            }
            _ => short.to_string(),
        }
    }

    /// Learns Han names from role words (`总统普京`) and transliterations (`特里（Sue Mi Terry）`) in `text`.
    pub fn learn_han(&mut self, text: &[char]) {
        let s: String = text.iter().collect();
        for role in t::ZH_ROLE_SUFFIXES {
            let mut from = 0;
            while let Some(pos) = s[from..].find(role) {
                let after = from + pos + role.len();
                if let Some(name) = han_name_at(&s[after..], &s) {
                    if !self.han.contains(&name) && !t::ZH_NOT_SPEAKERS.contains(&name) {
                        self.han.push(name);
                    }
                }
                from = after;
            }
        }
        crate::sort::sort_by_key(&mut self.han, |n| std::cmp::Reverse(n.chars().count()));
    }

    /// Adds one Han name (from an attribution).
    pub fn add_han(&mut self, name: &str, original: Option<&str>) {
        if !self.han.iter().any(|n| n == name) {
            self.han.push(name.to_string());
            crate::sort::sort_by_key(&mut self.han, |n| std::cmp::Reverse(n.chars().count()));
        }
        if let Some(o) = original {
            self.han_original.entry(name.to_string()).or_insert_with(|| o.to_string());
        }
    }

    /// The known Han name that `s` starts with, longest first.
    pub fn han_prefix(&self, s: &str) -> Option<&str> {
        self.han.iter().find(|n| s.starts_with(n.as_str())).map(String::as_str)
    }

    /// Displayed form: "特里 (Sue Mi Terry)" when an original is known.
    pub fn han_display(&self, name: &str) -> String {
        match self.han_original.get(name) {
            Some(o) => format!("{name} ({o})"),
            None => name.to_string(),
        }
    }
}

fn is_particle(t: &Tok) -> bool {
    matches!(t.lower(), "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "la" | "du" | "da" | "dos" | "del" | "le" | "ibn" | "di")
}

/// Characters that end a Han name (function words and verbs that follow names in running text).
const HAN_STOPS: &str = "的了在是和与对向说表称指曾将已为被等及也还则又并就都时于从把让给而但要会能可这那其一二三四五六七八九十个年月日前后上下中里外等";

/// A Han name at the start of `rest`: among 2–4 characters (or a ·-joined transliteration), the
/// longest whose frequency in `whole` stays close to that of its shorter prefix.
fn han_name_at(rest: &str, whole: &str) -> Option<String> {
    let chars: Vec<char> = rest.chars().take(12).collect();
    // Transliterations joined by a middle dot: 吉恩·李.
    let dotted: usize = chars.iter().take_while(|&&c| is_han(c) || c == '·' || c == '・').count();
    if dotted >= 3 && chars[..dotted].iter().any(|&c| c == '·' || c == '・') {
        return Some(chars[..dotted].iter().collect());
    }
    let mut best: Option<(String, usize)> = None;
    for len in 2..=4 {
        if len > chars.len() || !chars[..len].iter().all(|&c| is_han(c)) {
            break;
        }
        if HAN_STOPS.contains(chars[len - 1]) || (len == 2 && HAN_STOPS.contains(chars[0])) {
            break;
        }
        let cand: String = chars[..len].iter().collect();
        let n = whole.matches(&cand).count();
        match &best {
            None => best = Some((cand, n)),
            Some((_, m)) if (n * 4 >= m * 3 || n + 1 >= *m) && n >= 2 => best = Some((cand, n)),
            Some(_) => break,
        }
    }
    best.map(|(n, _)| n)
}

/// A cleaned Chinese speaker span: name, role and the original (Latin) name if given.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HanSpeaker {
    pub name: String,
    pub role: Option<String>,
    pub original: Option<String>,
}

/// Cuts frames and adverbs off a Chinese speaker span (`中国外交部发言人林剑在例行记者会上…时` →
/// `中国外交部发言人林剑`).
pub fn clean_han_span(span: &str) -> String {
    let mut s = span.trim().to_string();
    // Quoting someone else: 《环球时报》的文章引述中国分析人士 → 中国分析人士.
    for via in ["引述", "援引", "引用", "转述"] {
        if let Some(p) = s.rfind(via) {
            s = s[p + via.len()..].to_string();
        }
    }
    // Frames: cut at the earliest frame word that leaves at least two characters of subject.
    let mut cut = s.len();
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if depth > 0 || s[..i].chars().count() < 2 {
            continue;
        }
        if t::ZH_FRAME_STARTS.any_prefix_of(&s[i..]) {
            cut = i;
            break;
        }
    }
    s.truncate(cut);
    // Leading source words (据X) and adverbs at either end.
    loop {
        let before = s.len();
        for w in t::ZH_SOURCES.iter().chain(t::ZH_ADVERBS) {
            if let Some(rest) = s.strip_prefix(w) {
                if rest.chars().count() >= 1 {
                    s = rest.to_string();
                }
            }
            if let Some(rest) = s.strip_suffix(w) {
                s = rest.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s.trim_matches(|c: char| c.is_whitespace() || "，,、：:".contains(c)).to_string()
}

/// Splits a cleaned span into role and name (`美国中情局前分析师、现任…研究员特里（Sue Mi Terry）` →
/// role `美国中情局前分析师、现任…研究员`, name `特里`, original `Sue Mi Terry`).
pub fn split_han_role(span: &str) -> Option<HanSpeaker> {
    let mut s = span.trim().to_string();
    let mut original = None;
    // A trailing parenthesis with Latin letters is the original name.
    if let Some(open) = s.rfind(['（', '(']) {
        let inner = &s[open..];
        let inner = inner.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
        if s.ends_with(['）', ')']) && inner.chars().any(|c| c.is_ascii_alphabetic()) && inner.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.' || c == '\'') {
            if inner.split_whitespace().count() >= 2 || inner.chars().any(char::is_lowercase) {
                original = Some(inner.to_string());
            }
            s.truncate(open);
        }
    }
    // Honorific after the name: 王先生.
    for (h, _) in t::ZH_HONORIFICS {
        if let Some(rest) = s.strip_suffix(h) {
            if rest.chars().count() >= 1 {
                s = rest.to_string();
            }
        }
    }
    if s.is_empty() || t::ZH_NOT_SPEAKERS.contains(&s) {
        return None;
    }
    // The name follows the last role word.
    let mut split = None;
    for role in t::ZH_ROLE_SUFFIXES {
        if let Some(p) = s.rfind(role) {
            let end = p + role.len();
            if split.is_none_or(|e| end > e) {
                split = Some(end);
            }
        }
    }
    let (role, name) = match split {
        Some(e) if e < s.len() => (Some(s[..e].to_string()), s[e..].to_string()),
        // The span is a role only ("中国分析人士"): the role is the speaker.
        Some(_) => (None, s.clone()),
        None => (None, s.clone()),
    };
    let name_chars = name.chars().count();
    let plausible = (1..=16).contains(&name_chars) && !name.contains(['，', '。', '“', '”']);
    if !plausible {
        return None;
    }
    // A long span without a role word: keep what follows the last 的 (俄罗斯官方的俄罗斯新闻社).
    let name = if split.is_none() && name_chars > 6 {
        match name.rfind('的') {
            Some(p) => name[p + '的'.len_utf8()..].to_string(),
            None => return None,
        }
    } else {
        name
    };
    if name.is_empty() {
        return None;
    }
    Some(HanSpeaker { name, role: role.filter(|r| !r.is_empty()), original })
}

/// The gender a Chinese honorific gives (`王先生` → male).
pub fn han_honorific_gender(span: &str) -> Option<Gender> {
    t::ZH_HONORIFICS.iter().find(|(h, _)| span.ends_with(h)).map(|(_, g)| *g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    #[test]
    fn role_is_split_from_name() {
        let s = split_han_role(&clean_han_span("中国外交部发言人林剑在例行记者会上回应普京访问朝鲜时")).unwrap();
        assert_eq!((s.name.as_str(), s.role.as_deref()), ("林剑", Some("中国外交部发言人")));
    }

    #[test]
    fn transliteration_is_kept() {
        let s = split_han_role(&clean_han_span("美国中情局前分析师、现任战略与国际研究中心（CSIS）研究员特里（Sue Mi Terry）对BBC")).unwrap();
        assert_eq!(s.name, "特里");
        assert_eq!(s.original.as_deref(), Some("Sue Mi Terry"));
        assert_eq!(s.role.as_deref(), Some("美国中情局前分析师、现任战略与国际研究中心（CSIS）研究员"));
    }

    #[test]
    fn adverbs_and_sources_are_trimmed() {
        assert_eq!(clean_han_span("金正恩则"), "金正恩");
        assert_eq!(clean_han_span("他当时"), "他");
        assert_eq!(clean_han_span("据外交部"), "外交部");
        assert_eq!(clean_han_span("中国官媒《环球时报》的文章引述中国分析人士"), "中国分析人士");
    }

    #[test]
    fn han_names_from_role_words_and_frequency() {
        let text: Vec<char> = "俄罗斯总统普京时隔24年出访平壤。普京说。普京来了。朝鲜最高领袖金正恩一对一会谈。金正恩笑。金正恩走。金正日".chars().collect();
        let mut book = NameBook::default();
        book.learn_han(&text);
        assert!(book.han.contains(&"普京".to_string()), "{:?}", book.han);
        assert!(book.han.contains(&"金正恩".to_string()), "{:?}", book.han);
    }

    #[test]
    fn short_names_map_to_the_longest_form() {
        let mut book = NameBook::default();
        let toks = tokenize(&"Prime Minister Boris Johnson spoke. Later Mr Johnson left.".chars().collect::<Vec<_>>());
        book.add_latin_runs(&toks, &t::EN);
        assert_eq!(book.longest_latin("Johnson", &t::EN), "Boris Johnson");
        assert_eq!(book.longest_latin("Mr Johnson", &t::EN), "Boris Johnson");
        assert_eq!(book.gender_of("Boris Johnson"), Some(Gender::Male));
        let toks = tokenize(&"Fiona Parry issued a plea.".chars().collect::<Vec<_>>());
        book.add_latin_runs(&toks, &t::EN);
        assert_eq!(book.longest_latin("Fiona", &t::EN), "Fiona Parry");
    }

    #[test]
    fn runs_from_characters_learn_what_runs_from_tokens_learn() {
        let texts = [
            "Prime Minister Boris Johnson met Mr. Juan de la Cruz and Ms Ana Van Buren, then Sen. J. K. Rowling-Smith's aide Ibn Battuta.",
            "Ludwig van Beethoven and Osama bin Laden; Dr. Mary Ann O'Brien-Lee said. MARY ANN O'BRIEN visited Ça Va Inc. Co. U.S. Army",
            "",
            "lower case only, no names at all.",
        ];
        let (mut from_toks, mut from_chars) = (NameBook::default(), NameBook::default());
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            from_toks.add_latin_runs(&tokenize(&chars), &t::EN);
            from_chars.add_latin_runs_in(&chars, &t::EN);
        }
        assert!(!from_toks.latin.is_empty());
        assert_eq!(from_toks.latin, from_chars.latin);
        assert_eq!(from_toks.gender, from_chars.gender);
    }
}
