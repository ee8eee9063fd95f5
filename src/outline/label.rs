//! Labels for generated sections: a short lead phrase of the section's first sentence.
//!
//! Spaced languages: the first sentence's first [`LABEL_MAX_WORDS`] words, cut earlier at a clause
//! mark (`,` `;` `:` `—`) once [`LABEL_MIN_WORDS_BEFORE_CUT`] words are in, trailing stopwords
//! dropped ("… of the" reads badly), an ellipsis when the sentence goes on. CJK: the first clause
//! (cut at `，、；：`), at most [`LABEL_MAX_CJK_CHARS`] characters, at least
//! [`LABEL_MIN_CJK_CHARS`] before a cut.

use super::tunables::*;
use crate::text::{cjk_ratio, fold_whitespace, is_cjk};

const ELLIPSIS: char = '…';

/// The label for a section opening with `text`.
pub fn lead_phrase(text: &str) -> String {
    let text = fold_whitespace(text);
    let text = text.trim_start_matches(|c: char| matches!(c, '"' | '“' | '‘' | '\'' | '「' | '『' | '«' | '(' | '（' | '—' | '-') || c.is_whitespace());
    let text = strip_dateline(text);
    if cjk_ratio(text) >= 0.5 { cjk_phrase(text) } else { spaced_phrase(text) }
}

/// "LONDON — After…", "CAIRO (Reuters) - Gunmen…": the dateline is not the section's lead.
fn strip_dateline(text: &str) -> &str {
    for dash in [" — ", " – ", " - ", "—", " -- "] {
        if let Some(at) = text.find(dash) {
            let head = &text[..at];
            // The place, in capitals; an agency in parentheses may follow it.
            let place = head.split('(').next().unwrap_or(head);
            let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
            let shouting = !letters.is_empty() && head.chars().count() <= 40 && {
                let upper = letters.iter().filter(|c| c.is_uppercase()).count();
                upper * 10 >= letters.len() * 7
            };
            if shouting {
                return text[at + dash.len()..].trim_start();
            }
        }
    }
    text
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
}

fn spaced_phrase(text: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    let mut complete = false;
    for raw in text.split_whitespace() {
        let bare = raw.trim_end_matches(['"', '”', '’', '\'', '»', ')']);
        let ends_sentence = bare.ends_with(is_sentence_end) && !is_abbreviation(bare);
        let clause = bare.ends_with([',', ';', ':']) || raw == "—" || raw == "–";
        if raw != "—" && raw != "–" {
            words.push(raw);
        }
        if ends_sentence {
            complete = true;
            break;
        }
        if words.len() >= LABEL_MAX_WORDS || (clause && words.len() >= LABEL_MIN_WORDS_BEFORE_CUT) {
            break;
        }
    }
    let total_words = text.split_whitespace().count();
    complete |= words.len() == total_words;
    while words.len() > 1 && words.last().is_some_and(|w| is_stopword(w)) {
        words.pop();
        complete = false;
    }
    let mut label = words.join(" ");
    let trimmed = label.trim_end_matches([',', ';', ':', '.', '!', '?', '"', '”', '’']).len();
    let stripped = trimmed < label.len();
    label.truncate(trimmed);
    if !complete || (stripped && words.len() < total_words) {
        label.push(ELLIPSIS);
    }
    label
}

fn is_stopword(w: &str) -> bool {
    let w: String = w.chars().filter(|c| c.is_alphanumeric()).map(crate::case::lower_char).collect();
    STOPWORDS.contains(&w)
}

/// "Mr." "U.S." "St." end in a dot without ending the sentence.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    (w.len() <= 3 && w.chars().next().is_some_and(|c| c.is_uppercase())) || w.contains('.')
}

fn cjk_phrase(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut end = chars.len();
    let mut cut_at_mark = false;
    for (i, c) in chars.iter().enumerate() {
        if is_sentence_end(*c) || (matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':') && i >= LABEL_MIN_CJK_CHARS) {
            end = i;
            cut_at_mark = true;
            break;
        }
    }
    let sentence_goes_on = cut_at_mark && !is_sentence_end(chars[end]);
    let mut label: String;
    if end > LABEL_MAX_CJK_CHARS {
        label = chars[..LABEL_MAX_CJK_CHARS].iter().collect();
        // Do not cut a Latin word in two.
        if chars[LABEL_MAX_CJK_CHARS].is_alphanumeric() && !is_cjk(chars[LABEL_MAX_CJK_CHARS]) {
            while label.chars().last().is_some_and(|c| c.is_alphanumeric() && !is_cjk(c)) {
                label.pop();
            }
        }
        label.push(ELLIPSIS);
    } else {
        label = chars[..end].iter().collect();
        if sentence_goes_on {
            label.push(ELLIPSIS);
        }
    }
    label.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_labels_are_short_lead_phrases() {
        assert_eq!(lead_phrase("The city council approved the new budget for schools on Tuesday."), "The city council approved the new…");
        assert_eq!(lead_phrase("Meanwhile, heavy rain flooded the valley."), "Meanwhile, heavy rain flooded the valley");
        assert_eq!(lead_phrase("Flood defences failed, officials said, and farms were lost."), "Flood defences failed…");
        assert_eq!(lead_phrase("“We will rebuild,” the mayor said."), "We will rebuild…");
        assert_eq!(lead_phrase("Talks resumed."), "Talks resumed");
        assert_eq!(lead_phrase("LONDON — After nearly 20 years of sanctions, the talks resumed."), "After nearly 20 years of sanctions…");
        assert_eq!(lead_phrase("CAIRO (Reuters) - Gunmen opened fire on visitors."), "Gunmen opened fire on visitors");
        assert_eq!(lead_phrase("Mr. Obama spoke to the BBC at length about guns."), "Mr. Obama spoke to the BBC…");
        // Trailing function words are dropped.
        assert_eq!(lead_phrase("Most of the people in the town were asleep."), "Most of the people…");
    }

    #[test]
    fn chinese_labels_cut_at_punctuation_within_sixteen_characters() {
        assert_eq!(lead_phrase("与此同时，暴雨导致河谷洪水泛滥。"), "与此同时…");
        assert_eq!(lead_phrase("中国与俄罗斯和朝鲜都有密切关系，中国外交部发言人林剑回应。"), "中国与俄罗斯和朝鲜都有密切关系…");
        assert_eq!(lead_phrase("外界本来预期普京会在6月18日傍晚飞抵平壤但最终他在凌晨才到达。"), "外界本来预期普京会在6月18日傍…");
        assert_eq!(lead_phrase("球迷庆祝。"), "球迷庆祝");
        assert!(lead_phrase("在盛大的仪式背后，受到严厉制裁的朝鲜正饱受粮食短缺之苦。").chars().count() <= LABEL_MAX_CJK_CHARS + 1);
    }
}
