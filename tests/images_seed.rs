//! The seed article (tests/fixtures/seed): its three pictures with the hand-labelled credits and
//! origins of gold.json, the credit lines consumed (not printed twice) and the lead image matched.

use broadsheet::{extract, images, metadata, snapshot};
use serde_json::Value;

const PAGE: &str = include_str!("fixtures/seed/page.html");
const GOLD: &str = include_str!("fixtures/seed/gold.json");
const URL: &str = "https://www.bbc.com/zhongwen/simp/world-69131209";

fn collect(lead: Option<&str>) -> (snapshot::Document, images::Images) {
    let doc = snapshot::from_html(PAGE, Some(URL));
    let mut meta = metadata::read(&doc);
    if lead.is_some() {
        meta.lead_image = lead.map(str::to_owned);
    }
    let ex = extract::extract(&doc, &meta);
    let imgs = images::collect(&doc, &ex, &meta);
    (doc, imgs)
}

#[test]
fn seed_images_match_gold() {
    let gold: Value = serde_json::from_str(GOLD).expect("gold.json parses");
    let want = gold["images"].as_array().expect("images");
    let (_, got) = collect(None);
    let article: Vec<_> = got.list.iter().filter(|i| !i.lead || got.by_node.contains_key(&i.node)).collect();
    assert_eq!(article.len(), want.len(), "{:#?}", got.list);
    for (g, w) in article.iter().zip(want) {
        assert_eq!(g.alt.as_deref(), w["alt"].as_str());
        assert_eq!(g.credit.as_deref(), w["credit"].as_str(), "credit of {}", g.src);
        assert_eq!(Some(g.origin.as_str()), w["original_src"].as_str());
        assert!(g.src.starts_with("https://images.weserv.nl/?url="), "display src stays the proxy: {}", g.src);
        assert_eq!(g.caption, None, "the seed's pictures have no caption, only a credit");
        assert_eq!((g.width, g.height), (Some(1024), Some(678)));
    }
}

#[test]
fn seed_credit_lines_are_consumed() {
    let (doc, got) = collect(None);
    for im in &got.list {
        // The credit paragraph after each picture: <p role="text"><span>图像来源，</span><span>…</span></p>.
        let wrapper = doc.parent(im.node).expect("img has a parent");
        let p = doc.element_children(wrapper).find(|c| doc.is(*c, snapshot::Tag::P)).expect("credit paragraph");
        assert!(got.consumed.contains(p), "credit paragraph of {} is consumed", im.src);
    }
    // Body paragraphs are not.
    let body_p = doc.find_all(doc.body(), snapshot::Tag::P).find(|p| doc.text_content(*p).contains("普京将访问长期盟友越南")).unwrap();
    assert!(!got.consumed.contains(body_p));
}

#[test]
fn seed_lead_image_is_the_first_picture() {
    let og = "https://ichef.bbci.co.uk/ace/ws/1024/cpsprodpb/2D9B/production/_133457611_putin_kim_01_reuters.jpg";
    let (_, got) = collect(Some(og));
    assert_eq!(got.list.len(), 3, "the og:image is shown in the article: not added again");
    assert!(got.list[0].lead);
    assert!(!got.list[1].lead && !got.list[2].lead);
    // A lead image the article does not show comes first, without an <img> node.
    let (doc, got) = collect(Some("https://ichef.bbci.co.uk/ace/ws/1024/cpsprodpb/0000/production/_999_other_picture.jpg"));
    assert_eq!(got.list.len(), 4);
    assert!(got.list[0].lead && !got.by_node.values().any(|i| *i == 0));
    assert!(!doc.is(got.list[0].node, snapshot::Tag::Img));
    assert_eq!(got.by_node.len(), 3);
}
