//! The seed article end to end: every hand label of `tests/fixtures/seed/gold.json` checked on the
//! output of `broadsheet::analyze` (the whole pipeline, as the overlay and the CLI run it), plus the
//! clipboard exports built from that output. One test per concern, so a failure names what broke.

use broadsheet::quotes::eval::{overlap, speaker_matches, Labels, MATCH_OVERLAP};
use broadsheet::quotes::{self as export, Kind};
use broadsheet::{analyze, snapshot, Analysis, Options};
use serde_json::Value;

const PAGE: &str = include_str!("fixtures/seed/page.html");
const GOLD: &str = include_str!("fixtures/seed/gold.json");
/// Where the page was saved from (its canonical URL says the same).
const URL: &str = "https://www.bbc.com/zhongwen/simp/world-69131209";

fn gold() -> Value {
    serde_json::from_str(GOLD).expect("gold.json parses")
}

fn analysis() -> Analysis {
    let doc = snapshot::from_html(PAGE, Some(URL));
    analyze(&doc, &Options::default()).expect("the seed is an article")
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

#[test]
fn seed_metadata() {
    let (g, a) = (gold(), analysis());
    assert!(a.readerable);
    assert_eq!(a.metadata.title, g["title"].as_str().unwrap());
    assert_eq!(a.metadata.site_name.as_deref(), g["site_name"].as_str());
    assert_eq!(a.metadata.lang.as_deref(), g["lang"].as_str());
    let published = a.metadata.published.as_deref().unwrap_or("");
    assert!(published.starts_with(g["published"].as_str().unwrap()), "published {published:?}");
}

#[test]
fn seed_article_text() {
    let (g, a) = (gold(), analysis());
    let (text, html) = (a.article.text(), a.article.html());
    for s in strings(&g["must_be_in_article"]) {
        assert!(text.contains(s), "missing from the article: {s}");
    }
    for s in strings(&g["must_not_be_in_article"]) {
        assert!(!text.contains(s) && !html.contains(s), "should not be in the article: {s}");
    }
    // The credit labels are read by the image stage; only the credits themselves are shown.
    assert!(!text.contains("图像来源") && !html.contains("图像来源"), "credit label left in the article");
}

#[test]
fn seed_outline() {
    let (g, a) = (gold(), analysis());
    let want: Vec<(u8, &str)> = g["outline"].as_array().unwrap().iter().map(|e| (e["level"].as_u64().unwrap() as u8, e["text"].as_str().unwrap())).collect();
    let got: Vec<(u8, &str)> = a.outline.iter().map(|e| (e.level, e.text.as_str())).collect();
    assert_eq!(got, want);
    assert!(a.outline.iter().all(|e| !e.generated));
}

#[test]
fn seed_images() {
    let (g, a) = (gold(), analysis());
    let want = g["images"].as_array().unwrap();
    assert_eq!(a.images.len(), want.len(), "{:#?}", a.images);
    for (got, w) in a.images.iter().zip(want) {
        assert_eq!(got.alt.as_deref(), w["alt"].as_str());
        assert_eq!(got.credit.as_deref(), w["credit"].as_str(), "credit of {}", got.src);
        assert_eq!(Some(got.origin.as_str()), w["original_src"].as_str());
    }
    // og:image is the first picture: marked, not added a second time.
    assert!(a.images[0].lead && a.images[1..].iter().all(|i| !i.lead));
    // Each credit is shown once, in its figure.
    let html = a.article.html();
    for w in want {
        let credit = w["credit"].as_str().unwrap();
        let shown = html.matches(&format!("<small class=\"bs-credit\">{credit}</small>")).count();
        let wanted = want.iter().filter(|o| o["credit"] == w["credit"]).count();
        assert_eq!(shown, wanted, "{credit} shown {shown} times\n{html}");
    }
}

#[test]
fn seed_key_quotes_with_speakers() {
    let (labels, a) = (Labels::from_json(&gold()), analysis());
    assert_eq!(labels.key.len(), 6);
    for l in &labels.key {
        let q = a.quotes.iter().filter(|q| q.kind == Kind::Key).find(|q| overlap(&q.text, &l.text) >= MATCH_OVERLAP);
        let q = q.unwrap_or_else(|| panic!("key quote not listed as key: {}", l.text));
        assert!(speaker_matches(q.speaker.as_deref(), &l.speakers), "speaker {:?} for {}, want {:?}", q.speaker, l.text, l.speakers);
    }
    let keys = a.quotes.iter().filter(|q| q.kind == Kind::Key).count();
    assert_eq!(keys, labels.key.len(), "only the six gold key quotes are key");
    for l in labels.partial.iter().filter(|l| !l.speakers.is_empty()) {
        if let Some(q) = a.quotes.iter().find(|q| overlap(&q.text, &l.text) >= 0.8) {
            assert!(speaker_matches(q.speaker.as_deref(), &l.speakers), "partial {}: speaker {:?}", l.text, q.speaker);
        }
    }
}

#[test]
fn seed_not_quotes() {
    let (labels, a) = (Labels::from_json(&gold()), analysis());
    for nq in &labels.not_quotes {
        assert!(a.quotes.iter().all(|q| overlap(&q.text, nq) < 0.8), "listed but not a quote: {nq}");
    }
}

#[test]
fn seed_quotes_clipboard() {
    let (g, a) = (gold(), analysis());
    let keys: Vec<_> = a.quotes.iter().filter(|q| q.kind == Kind::Key).cloned().collect();
    let text = export::to_clipboard_text(&keys, &a.metadata);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), keys.len() + 5, "{text}");
    for (line, q) in lines.iter().zip(&keys) {
        assert_eq!(*line, format!("“{}” — {}", q.text, q.speaker.as_deref().unwrap()));
    }
    assert_eq!(&lines[keys.len()..], ["", g["title"].as_str().unwrap(), g["site_name"].as_str().unwrap(), g["published"].as_str().unwrap(), URL]);
    let md = export::to_clipboard_markdown(&keys, &a.metadata);
    assert!(md.ends_with(&format!("— {}, {}\n", g["site_name"].as_str().unwrap(), g["published"].as_str().unwrap())), "{md}");
    assert_eq!(md.matches("\n> — **").count(), keys.len(), "{md}");
}
