//! The seed article's outline: exactly its three h2 sections of gold.json, in order.

use broadsheet::article::Article;
use broadsheet::extract::Extraction;
use broadsheet::snapshot::{self, NodeSet, Tag};
use broadsheet::{extract, images, metadata, outline};
use serde_json::Value;

const PAGE: &str = include_str!("fixtures/seed/page.html");
const GOLD: &str = include_str!("fixtures/seed/gold.json");
const URL: &str = "https://www.bbc.com/zhongwen/simp/world-69131209";

fn gold() -> Vec<(u8, String)> {
    let g: Value = serde_json::from_str(GOLD).expect("gold.json");
    g["outline"].as_array().expect("outline").iter().map(|e| (e["level"].as_u64().unwrap() as u8, e["text"].as_str().unwrap().to_owned())).collect()
}

fn outline_of(doc: &snapshot::Document, ex: &Extraction) -> Vec<(u8, String, bool)> {
    let meta = metadata::read(doc);
    let imgs = images::collect(doc, ex, &meta);
    let article = Article::build(doc, ex, &imgs, &meta);
    outline::build(&article, &meta).into_iter().map(|e| (e.level, e.text, e.generated)).collect()
}

/// Through the whole pipeline (the extraction decides what the article is).
#[test]
fn seed_outline_matches_gold() {
    let doc = snapshot::from_html(PAGE, Some(URL));
    let meta = metadata::read(&doc);
    let ex = extract::extract(&doc, &meta);
    let got: Vec<_> = outline_of(&doc, &ex).into_iter().map(|(l, t, _)| (l, t)).collect();
    assert_eq!(got, gold());
}

/// The outline stage alone, on the article's own container (<main>), isolated from extraction.
#[test]
fn seed_outline_from_the_article_container() {
    let doc = snapshot::from_html(PAGE, Some(URL));
    let main = doc.find(Tag::Main).expect("<main>");
    let ex = Extraction { roots: vec![main], dropped: NodeSet::for_doc(&doc), readerable: true };
    let got = outline_of(&doc, &ex);
    assert!(got.iter().all(|(_, _, generated)| !generated));
    let got: Vec<_> = got.into_iter().map(|(l, t, _)| (l, t)).collect();
    assert_eq!(got, gold(), "the h1 title and the bold lead paragraph are not entries");
}
