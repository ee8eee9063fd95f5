//! Unit tests of the image stage over small pages.

use super::*;
use crate::snapshot::from_html;

fn run(html: &str) -> Images {
    run_with(html, None)
}

fn run_with(html: &str, lead: Option<&str>) -> Images {
    let doc = from_html(html, Some("https://news.example/world/story.html"));
    let mut meta = crate::metadata::read(&doc);
    meta.lead_image = lead.map(str::to_owned);
    let ex = Extraction { roots: vec![doc.body()], dropped: NodeSet::for_doc(&doc), readerable: true };
    collect(&doc, &ex, &meta)
}

#[test]
fn placeholder_is_replaced_by_lazy_source() {
    let im = run(r#"<p>text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/real.jpg" alt="A real photo">"#);
    assert_eq!(im.list.len(), 1);
    assert_eq!(im.list[0].src, "https://news.example/img/real.jpg");
    assert_eq!(im.list[0].origin, "https://news.example/img/real.jpg");
}

#[test]
fn noscript_fallback_gives_the_real_source_and_is_not_listed_twice() {
    let im = run(r#"<figure><img class="lazy" src="/img/blank.gif" alt="Harbour"><noscript><img src="https://cdn.example/harbour.jpg" srcset="https://cdn.example/harbour-640.jpg 640w, https://cdn.example/harbour-1600.jpg 1600w"></noscript><figcaption>The harbour at dawn</figcaption></figure>"#);
    assert_eq!(im.list.len(), 1);
    let i = &im.list[0];
    assert_eq!(i.src, "https://cdn.example/harbour.jpg");
    assert_eq!(i.origin, "https://cdn.example/harbour-1600.jpg");
    assert_eq!(i.caption.as_deref(), Some("The harbour at dawn"));
}

#[test]
fn lone_noscript_in_a_lazy_wrapper_is_an_image() {
    let im = run(r#"<p>Intro text of the story.</p><div class="lazy-image" data-srcset="/a-480.jpg 480w, /a-1240.jpg 1240w"><noscript><img src="/a-480.jpg" alt="A"></noscript></div>"#);
    assert_eq!(im.list.len(), 1);
    assert_eq!(im.list[0].origin, "https://news.example/a-1240.jpg");
    assert!(im.by_node.contains_key(&im.list[0].node));
}

#[test]
fn picture_sources_give_the_widest_origin() {
    let im = run(r#"<picture><source type="image/webp" srcset="/p-800.webp 800w, /p-2000.webp 2000w"><source srcset="/p-1200.jpg 1200w"><img src="/p-400.jpg"></picture>"#);
    assert_eq!(im.list[0].src, "https://news.example/p-400.jpg");
    assert_eq!(im.list[0].origin, "https://news.example/p-2000.webp");
}

#[test]
fn icons_trackers_avatars_and_teasers_are_not_article_images() {
    let im = run(r#"
        <img src="/icons/share.png" width="24" height="24">
        <img src="https://pixel.quantserve.com/pixel/p-1.gif">
        <img class="author-avatar" src="/u/jane.jpg">
        <img src="/assets/site-logo.png" alt="Logo">
        <a href="/other-story"><img src="/teaser.jpg"> Another story you might like</a>
        <img src="/photos/real-picture.jpg" width="800" height="600">"#);
    let srcs: Vec<_> = im.list.iter().map(|i| i.src.as_str()).collect();
    assert_eq!(srcs, vec!["https://news.example/photos/real-picture.jpg"]);
    // Rejected pictures are consumed so the article does not show them either.
    let doc = from_html(r#"<img src="/icons/share.png" width="24" height="24"><img src="/photos/real-picture.jpg">"#, Some("https://news.example/"));
    let ex = Extraction { roots: vec![doc.body()], dropped: NodeSet::for_doc(&doc), readerable: true };
    let im = collect(&doc, &ex, &crate::metadata::read(&doc));
    let imgs: Vec<_> = doc.find_all(doc.body(), Tag::Img).collect();
    assert!(im.consumed.contains(imgs[0]));
    assert!(!im.consumed.contains(imgs[1]));
}

#[test]
fn bbc_hidden_labels_are_parsed_not_printed() {
    let im = run(r#"<figure><div><img src="/p.jpg" width="976" height="549"><span role="text"><span class="visually-hidden">Image source, </span>Getty Images</span></div><figcaption><span class="visually-hidden">Image caption, </span>Protesters gathered outside parliament</figcaption></figure>"#);
    let i = &im.list[0];
    assert_eq!(i.credit.as_deref(), Some("Getty Images"));
    assert_eq!(i.caption.as_deref(), Some("Protesters gathered outside parliament"));
}

#[test]
fn credit_classes_and_inline_labels_split_the_figcaption() {
    let im = run(r#"<figure><img src="/a.jpg"><figcaption><span class="caption-text">Rescuers at work.</span> <span class="credit">Jane Doe/Reuters</span></figcaption></figure>
                   <figure><img src="/b.jpg"><figcaption>Hori Parata at his farm. Photograph: Adrian Malloch/The Guardian</figcaption></figure>
                   <figure><img src="/c.jpg"><figcaption>President speaks in Delaware. (AP Photo/Evan Vucci)</figcaption></figure>"#);
    let got: Vec<_> = im.list.iter().map(|i| (i.caption.as_deref(), i.credit.as_deref())).collect();
    assert_eq!(got, vec![
        (Some("Rescuers at work."), Some("Jane Doe/Reuters")),
        (Some("Hori Parata at his farm."), Some("Adrian Malloch/The Guardian")),
        (Some("President speaks in Delaware."), Some("AP Photo/Evan Vucci")),
    ]);
}

#[test]
fn chinese_figure_credit_and_caption() {
    let im = run(r#"<figure><img src="/zh.jpg"><figcaption>普京抵达平壤机场（图片来源：视觉中国）</figcaption></figure>
                   <div class="img-wrap"><img src="/zh2.jpg"><p class="img-desc">金正恩迎接普京 摄影：张三</p></div>"#);
    let got: Vec<_> = im.list.iter().map(|i| (i.caption.as_deref(), i.credit.as_deref())).collect();
    assert_eq!(got, vec![(Some("普京抵达平壤机场"), Some("视觉中国")), (Some("金正恩迎接普京"), Some("张三"))]);
}

#[test]
fn a_plain_paragraph_after_an_image_is_not_taken_as_caption() {
    let im = run(r#"<div><img src="/x.jpg"></div><p>The minister said the plan would be announced next week.</p>"#);
    assert_eq!(im.list[0].caption, None);
    assert_eq!(im.list[0].credit, None);
}

#[test]
fn json_ld_image_object_supplies_a_missing_credit() {
    let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","image":{"@type":"ImageObject","url":"https://news.example/img/hurricane-1200x800.jpg","creditText":"Jane Doe/AFP"}}</script></head>
                  <body><figure><img src="/img/hurricane.jpg"><figcaption>The storm makes landfall</figcaption></figure></body></html>"#;
    let doc = from_html(html, Some("https://news.example/world/story.html"));
    let mut meta = crate::metadata::read(&doc);
    meta.json_ld = vec![crate::json::parse(r#"{"@type":"NewsArticle","image":{"@type":"ImageObject","url":"https://news.example/img/hurricane-1200x800.jpg","creditText":"Jane Doe/AFP"}}"#).unwrap()];
    let ex = Extraction { roots: vec![doc.body()], dropped: NodeSet::for_doc(&doc), readerable: true };
    let im = collect(&doc, &ex, &meta);
    assert_eq!(im.list[0].credit.as_deref(), Some("Jane Doe/AFP"));
    assert_eq!(im.list[0].caption.as_deref(), Some("The storm makes landfall"));
}

#[test]
fn dropped_nodes_hide_their_images() {
    let doc = from_html(r#"<div id="a"><img src="/in.jpg"></div><aside id="b"><img src="/out.jpg"></aside>"#, Some("https://news.example/"));
    let meta = crate::metadata::read(&doc);
    let mut dropped = NodeSet::for_doc(&doc);
    dropped.insert(doc.find(Tag::Aside).unwrap());
    let ex = Extraction { roots: vec![doc.body()], dropped, readerable: true };
    let im = collect(&doc, &ex, &meta);
    assert_eq!(im.list.len(), 1);
    assert_eq!(im.list[0].src, "https://news.example/in.jpg");
}

#[test]
fn credits_text_lists_caption_credit_and_origin() {
    let im = run(r#"<figure><img src="https://images.weserv.nl/?url=cdn.example/a.jpg" alt="Alt A"><figcaption>Caption A. Photo: Jane Doe</figcaption></figure><img src="/b.jpg" alt="Alt B">"#);
    assert_eq!(credits_text(&im.list), "Caption A. — Jane Doe — https://cdn.example/a.jpg\nAlt B — https://news.example/b.jpg\n");
    assert_eq!(credits_text(&[]), "");
}

#[test]
fn attribute_credit_repeated_at_the_caption_end_is_not_shown_twice() {
    let html = r#"<article><p>Some text of the article that is long enough to be read.</p>
        <figure><img src="https://example.com/a.jpg" data-credit="Lucy Akins"></figure>
        <figcaption>Dig a hole in the oasis. (Lucy Akins)</figcaption></article>"#;
    let images = run(html);
    assert_eq!(images.list[0].caption.as_deref(), Some("Dig a hole in the oasis."));
    assert_eq!(images.list[0].credit.as_deref(), Some("Lucy Akins"));
}

#[test]
fn the_same_file_shown_in_two_places_is_two_images() {
    let im = run(r#"<p><img src="/a.jpg" alt="A"></p><h2>Figure</h2><figure><img src="/a.jpg" alt="A"><figcaption>Caption of the figure</figcaption></figure>"#);
    assert_eq!(im.list.len(), 2);
    assert_eq!(im.list[1].caption.as_deref(), Some("Caption of the figure"));
}

#[test]
fn a_teaser_after_a_figure_is_not_its_caption() {
    let im = run(r#"<figure><img src="/a.jpg"><figcaption><span>Credit</span>Danielle Chenette</figcaption></figure>
        <div><h2><span class="last-byline">John Doe</span></h2><h2><a href="/other">Another story</a></h2><p>Its summary.</p></div>"#);
    assert_eq!(im.list[0].credit.as_deref(), Some("Danielle Chenette"));
    assert_eq!(im.list[0].caption, None);
}

#[test]
fn inline_data_picture_is_judged_by_its_head_not_its_payload() {
    // Base64 can spell "/pixel/" (a tracker URL part) and "logo" (a role word) by chance.
    let payload = format!("{}/pixel/AAAA+logo/{}", "A".repeat(1200), "B".repeat(64));
    let im = run(&format!(r#"<p>text</p><img src="data:image/png;base64,{payload}" alt="A chart of the vote">"#));
    assert_eq!(im.list.len(), 1, "a real inline picture is kept");
    assert!(im.list[0].src.starts_with("data:image/png;base64,"));
    // The head still decides: an SVG (any case) is a placeholder, as is a short data URL.
    let svg = format!(r#"<p>text</p><img src="DATA:IMAGE/SVG+XML;base64,{}" alt="x">"#, "A".repeat(1200));
    assert!(run(&svg).list.is_empty());
    assert!(is_placeholder("data:image/gif;base64,R0lGODlhAQABAAAAACw="));
    assert!(!is_data_url("data:") && is_data_url("Data:image/png;base64,AA") && !is_data_url("https://x/data:"));
}

#[test]
fn upper_case_data_scheme_is_an_inline_picture_not_a_web_address() {
    // The payload spells a proxy wrapper: read as a web address, it was unwrapped into a link.
    let payload = format!("{}/https://cdn.example/x.jpg{}", "A".repeat(1200), "B".repeat(64));
    let im = run(&format!(r#"<p>text</p><img src="DATA:image/png;base64,{payload}" alt="A chart of the vote">"#));
    assert_eq!(im.list.len(), 1);
    let expected = format!("data:image/png;base64,{payload}");
    assert_eq!((im.list[0].src.as_str(), im.list[0].origin.as_str()), (expected.as_str(), expected.as_str()));
}
