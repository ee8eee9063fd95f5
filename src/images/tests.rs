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
