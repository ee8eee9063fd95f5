//! Scoring quotes against hand labels (`tests/labels/quotes/*.json`, the seed's `gold.json`): shared
//! by the `quotes` fixture test and the `quotes_bench` example so both measure the same way.
//!
//! A predicted quote matches a labelled one when their word overlap is at least [`MATCH_OVERLAP`]
//! (common words ÷ words of the longer of the two; Han characters count as words), each label matched
//! at most once, best overlap first. A speaker is right when, lowercased and without honorifics, its
//! words contain or are contained in one of the label's speaker forms (Han: substring either way).

use super::{Kind, Quote};
use crate::words::{words, Words};
use serde_json::Value;
use crate::hash::FxHashMap;

/// Minimum overlap for a match (the Gender Gap Tracker evaluation used 0.3; we are stricter).
pub const MATCH_OVERLAP: f32 = 0.5;

/// One labelled quote.
#[derive(Clone, Debug)]
pub struct Label {
    pub text: String,
    /// Accepted speaker forms; empty when the label says the speaker is unknown.
    pub speakers: Vec<String>,
}

/// The labels of one page.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    pub key: Vec<Label>,
    pub partial: Vec<Label>,
    pub not_quotes: Vec<String>,
}

fn labels_of(v: &Value) -> Vec<Label> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|q| Label {
                    text: q["text"].as_str().unwrap_or_default().to_string(),
                    speakers: match &q["speaker"] {
                        Value::Array(s) => s.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
                        Value::String(s) => vec![s.clone()],
                        _ => Vec::new(),
                    },
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Labels {
    /// Reads `{key, partial, not_quotes}` (either at the top level or under `quotes`, as in gold.json).
    pub fn from_json(v: &Value) -> Labels {
        let q = if v.get("quotes").is_some() { &v["quotes"] } else { v };
        Labels {
            key: labels_of(&q["key"]),
            partial: labels_of(&q["partial"]),
            not_quotes: q["not_quotes"].as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default(),
        }
    }
}

/// Words for matching: lowercase alphanumeric runs, each Han character on its own.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut w = String::new();
    for c in s.chars() {
        let han = crate::text::is_cjk_letter(c);
        if c.is_alphanumeric() && !han {
            w.push(crate::case::lower_char(c));
            continue;
        }
        if !w.is_empty() {
            out.push(std::mem::take(&mut w));
        }
        if han {
            out.push(c.to_string());
        }
    }
    if !w.is_empty() {
        out.push(w);
    }
    out
}

/// Common words ÷ words of the longer text.
pub fn overlap(a: &str, b: &str) -> f32 {
    let (wa, wb) = (words(a), words(b));
    let longer = wa.len().max(wb.len());
    if longer == 0 {
        return 0.0;
    }
    let mut counts: FxHashMap<&str, i32> = FxHashMap::default();
    for w in &wa {
        *counts.entry(w.as_str()).or_insert(0) += 1;
    }
    let mut common = 0;
    for w in &wb {
        if let Some(n) = counts.get_mut(w.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    common as f32 / longer as f32
}

const HONORIFICS: Words = words!["mr", "mrs", "ms", "dr", "miss", "sir", "prof", "president", "senator"];

fn name_words(s: &str) -> Vec<String> {
    words(s).into_iter().filter(|w| !HONORIFICS.contains(w)).collect()
}

/// Whether `predicted` names one of `accepted`.
pub fn speaker_matches(predicted: Option<&str>, accepted: &[String]) -> bool {
    let Some(p) = predicted else { return accepted.is_empty() };
    if accepted.is_empty() {
        return false;
    }
    let pw = name_words(p);
    accepted.iter().any(|a| {
        if a.chars().any(crate::text::is_cjk_letter) || p.chars().any(crate::text::is_cjk_letter) {
            return p.contains(a.as_str()) || a.contains(p.split(" (").next().unwrap_or(p));
        }
        let aw = name_words(a);
        !pw.is_empty() && !aw.is_empty() && (pw.iter().all(|w| aw.contains(w)) || aw.iter().all(|w| pw.contains(w)))
    })
}

/// Counts for one page (or a sum of pages).
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Predicted key quotes.
    pub predicted: usize,
    /// Labelled key quotes.
    pub labelled: usize,
    /// Predicted key quotes matching a labelled key quote.
    pub matched: usize,
    /// Of those, with the right speaker.
    pub speaker_right: usize,
    /// Predicted key quotes matching a labelled partial quote (counted as false positives).
    pub key_was_partial: usize,
    /// Quotes of any kind matching a not-quote.
    pub not_quotes_listed: Vec<String>,
    /// Labelled key quotes not found (text).
    pub missed: Vec<String>,
    /// Predicted key quotes matching nothing, or matching a partial label (text).
    pub spurious: Vec<String>,
    /// Matched with the wrong speaker: (quote, predicted, accepted).
    pub wrong_speaker: Vec<(String, Option<String>, Vec<String>)>,
}

impl Score {
    pub fn precision(&self) -> f32 {
        if self.predicted == 0 { 1.0 } else { self.matched as f32 / self.predicted as f32 }
    }
    pub fn recall(&self) -> f32 {
        if self.labelled == 0 { 1.0 } else { self.matched as f32 / self.labelled as f32 }
    }
    pub fn speaker_accuracy(&self) -> f32 {
        if self.matched == 0 { 1.0 } else { self.speaker_right as f32 / self.matched as f32 }
    }
    pub fn add(&mut self, o: &Score) {
        self.predicted += o.predicted;
        self.labelled += o.labelled;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.key_was_partial += o.key_was_partial;
    }
}

/// Scores the key quotes of `quotes` against `labels`.
pub fn score(quotes: &[Quote], labels: &Labels) -> Score {
    let keys: Vec<&Quote> = quotes.iter().filter(|q| q.kind == Kind::Key).collect();
    let mut s = Score { predicted: keys.len(), labelled: labels.key.len(), ..Default::default() };
    // All (overlap, predicted, label) pairs above the threshold, best first.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (i, q) in keys.iter().enumerate() {
        for (j, l) in labels.key.iter().enumerate() {
            let o = overlap(&q.text, &l.text);
            if o >= MATCH_OVERLAP {
                pairs.push((o, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_q, mut used_l) = (vec![false; keys.len()], vec![false; labels.key.len()]);
    for (_, i, j) in pairs {
        if used_q[i] || used_l[j] {
            continue;
        }
        used_q[i] = true;
        used_l[j] = true;
        s.matched += 1;
        let l = &labels.key[j];
        if speaker_matches(keys[i].speaker.as_deref(), &l.speakers) {
            s.speaker_right += 1;
        } else {
            s.wrong_speaker.push((l.text.clone(), keys[i].speaker.clone(), l.speakers.clone()));
        }
    }
    for (i, q) in keys.iter().enumerate() {
        if !used_q[i] {
            if labels.partial.iter().any(|l| overlap(&q.text, &l.text) >= MATCH_OVERLAP) {
                s.key_was_partial += 1;
            }
            s.spurious.push(q.text.clone());
        }
    }
    for (j, l) in labels.key.iter().enumerate() {
        if !used_l[j] {
            s.missed.push(l.text.clone());
        }
    }
    for nq in &labels.not_quotes {
        if quotes.iter().any(|q| overlap(&q.text, nq) >= 0.8) {
            s.not_quotes_listed.push(nq.clone());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_uses_the_longer_text() {
        assert_eq!(overlap("a b c d", "a b c d"), 1.0);
        assert_eq!(overlap("a b", "a b c d"), 0.5);
        assert!(overlap("普京不得不依靠", "普京不得不依靠世界经济排名第198位的国家") < 0.5);
    }

    #[test]
    fn speakers_match_by_words_or_substrings() {
        let acc = vec!["Barack Obama".to_string()];
        assert!(speaker_matches(Some("Mr Obama"), &acc));
        assert!(speaker_matches(Some("Barack Obama"), &acc));
        assert!(!speaker_matches(Some("Jon Sopel"), &acc));
        assert!(speaker_matches(Some("特里 (Sue Mi Terry)"), &["特里".to_string()]));
        assert!(!speaker_matches(None, &acc));
    }
}
