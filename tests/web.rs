//! In-browser tests of the web layer (wasm-bindgen-test in headless Chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --no-default-features --test web`
//! (`./build.sh test` runs them). They drive the live-DOM snapshot and the overlay directly on the
//! test runner's page; the end-to-end tests (tests/e2e) drive the same code through the extension.
#![cfg(target_arch = "wasm32")]

use broadsheet::snapshot::{Attr, Document, NodeId, Tag};
use broadsheet::web::{i18n, overlay, snapshot};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Puts `html` into a fresh `<div id=…>` in the body; removed when the guard drops.
struct Fixture(web_sys::Element);

impl Fixture {
    fn new(id: &str, html: &str) -> Fixture {
        let doc = document();
        let div = doc.create_element("div").unwrap();
        div.set_id(id);
        div.set_inner_html(html);
        doc.body().unwrap().append_child(&div).unwrap();
        Fixture(div)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// The snapshot node of the element with this id.
fn by_id(doc: &Document, id: &str) -> NodeId {
    doc.ids().find(|n| doc.attr(*n, Attr::Id) == Some(id)).unwrap_or_else(|| panic!("no #{id} in the snapshot"))
}

fn take() -> Document {
    snapshot::snapshot(&document(), None)
}

#[wasm_bindgen_test]
fn snapshot_keeps_tags_attributes_and_text_in_document_order() {
    let _f = Fixture::new("order", r#"<p class="lead" onclick="x()">One <b>two</b></p><!-- c --><ul><li>three</li></ul>"#);
    let doc = take();
    let root = by_id(&doc, "order");
    let tags: Vec<_> = doc.descendants(root).filter_map(|n| doc.tag(n)).collect();
    assert_eq!(tags, vec![Tag::P, Tag::B, Tag::Ul, Tag::Li]);
    assert_eq!(doc.text_content(root), "One twothree");
    let p = doc.find_all(root, Tag::P).next().unwrap();
    assert_eq!(doc.attr(p, Attr::Class), Some("lead"));
    assert_eq!(doc.attrs(p).count(), 1, "onclick is not kept");
}

#[wasm_bindgen_test]
fn snapshot_follows_the_same_rules_as_the_html_builder() {
    let _f = Fixture::new(
        "rules",
        r#"<script type="application/ld+json">{"a":1}</script><script>var secret = 1;</script>
           <style>p{}</style><svg><text>svg text</text></svg><template><p>inert</p></template>
           <my-card>custom</my-card>"#,
    );
    let doc = take();
    let root = by_id(&doc, "rules");
    let scripts: Vec<_> = doc.find_all(root, Tag::Script).map(|s| doc.text_content(s)).collect();
    assert_eq!(scripts, vec![r#"{"a":1}"#.to_string(), String::new()]);
    let text = doc.text_content(root);
    for absent in ["p{}", "svg text", "inert", "secret"] {
        assert!(!text.contains(absent), "{absent:?} should not be in {text:?}");
    }
    assert!(doc.find_all(root, Tag::Svg).next().is_some(), "svg kept as an empty marker");
    let custom = doc.find_all(root, Tag::Other).next().expect("custom element kept");
    assert_eq!(doc.text_content(custom), "custom");
}

#[wasm_bindgen_test]
fn visibility_comes_from_the_live_layout() {
    let _f = Fixture::new(
        "vis",
        r#"<style>.gone { display: none } .ghost { visibility: hidden }</style>
           <p id="shown">shown</p><div class="gone"><p id="in-gone">a</p></div>
           <p id="ghost" class="ghost">b</p><div style="display: contents"><p id="in-contents">c</p></div>
           <details><summary>s</summary><p id="in-details">d</p></details>
           <noscript><p>n</p></noscript>"#,
    );
    let doc = take();
    let visible = |id: &str| doc.node(by_id(&doc, id)).visible;
    assert!(visible("shown"));
    assert!(!visible("in-gone"), "display:none from a stylesheet (markup alone cannot tell)");
    assert!(!visible("ghost"));
    assert!(visible("in-contents"), "display:contents has no box, its children do");
    assert!(!visible("in-details"), "closed <details>");
    let noscript = doc.find_all(by_id(&doc, "vis"), Tag::Noscript).next().unwrap();
    assert!(doc.node(noscript).visible, "never-rendered elements count as visible, as natively");
    let title = doc.find(Tag::Title);
    assert!(title.is_none_or(|t| doc.node(t).visible), "the head counts as visible");
}

#[wasm_bindgen_test]
fn visibility_hidden_regions_deep_and_shallow() {
    // The walk measures bottom-up and skips hidden regions (walk.js, "visibility"): a hidden
    // element deep inside visible ones, a visible leaf after a hidden region, a script inside a
    // hidden element (never rendered: it takes its parent's visibility), and the one case where
    // it differs from measuring every element top-down: a `visibility:visible` child of a
    // `visibility:hidden` element is shown by the browser, so it and its ancestors count as shown.
    let _f = Fixture::new(
        "regions",
        r##"<div><div><div style="display: none"><ul><li><a id="deep-hidden" href="#">x</a></li></ul></div></div>
             <p id="after">after</p></div>
           <div style="display: none"><script id="hidden-script"></script><p>h</p></div>
           <div id="ghost-parent" style="visibility: hidden"><span id="override" style="visibility: visible">o</span></div>"##,
    );
    let doc = take();
    let visible = |id: &str| doc.node(by_id(&doc, id)).visible;
    assert!(!visible("deep-hidden"));
    assert!(visible("after"));
    assert!(!visible("hidden-script"), "inside a hidden element nothing is visible");
    assert!(visible("override"), "the browser shows it");
    assert!(visible("ghost-parent"), "an element with a shown child counts as shown");
}

#[wasm_bindgen_test]
fn a_very_deep_page_is_walked_without_recursion() {
    // Deep enough to overflow wasm's 1 MiB stack with one frame per level. (Chromium's parser stops
    // nesting at 512, and building a tree by script costs it quadratic time — 100,000 levels take
    // minutes — so 100,000 levels are tested natively, on the Builder this walk feeds.)
    const DEPTH: usize = 10_000;
    let doc = document();
    // Hidden, so the browser's own (recursive) layout is not what is tested here.
    let outer = doc.create_element("div").unwrap();
    outer.set_id("deep");
    outer.set_attribute("hidden", "").unwrap();
    let mut current = outer.clone();
    for _ in 0..DEPTH {
        let child = doc.create_element("div").unwrap();
        current.append_child(&child).unwrap();
        current = child;
    }
    current.set_text_content(Some("bottom"));
    doc.body().unwrap().append_child(&outer).unwrap();
    let snap = take();
    outer.remove();
    let root = by_id(&snap, "deep");
    assert_eq!(snap.descendants(root).filter(|n| snap.is(*n, Tag::Div)).count(), DEPTH);
    assert_eq!(snap.text_content(root), "bottom");
}

#[wasm_bindgen_test]
fn the_overlay_host_is_left_out_of_the_snapshot() {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    host.set_id("skip-me");
    doc.document_element().unwrap().append_child(&host).unwrap();
    let with = snapshot::snapshot(&doc, None);
    let without = snapshot::snapshot(&doc, Some(&host));
    host.remove();
    assert!(with.ids().any(|n| with.attr(n, Attr::Id) == Some("skip-me")));
    assert!(!without.ids().any(|n| without.attr(n, Attr::Id) == Some("skip-me")));
}

const ARTICLE: &str = r#"<article><h1>Harbour wall to be rebuilt</h1>
<p>The council voted on Tuesday to rebuild the old harbour wall, ending a debate that has run for a decade and divided the town.</p>
<h2>What happens next</h2>
<p>Work starts in spring. The contractor expects the job to take two years, and the harbour will stay open throughout, the council said.</p>
<p>Fishermen welcomed the decision. Boats have been damaged in storms since the wall was first breached in 2014.</p>
<p>The old wall, built of granite blocks in the 1890s, has lost more than forty metres of its length to winter storms, and temporary concrete barriers have failed twice.</p>
<h2>The objections</h2>
<p>Residents who opposed the plan had argued for a cheaper rock barrier further out to sea, which engineers said would change the currents along the beach and threaten the sand.</p>
<p>The council's report, published last month, put the cost of the rebuild at twelve million pounds, most of it paid for by a national coastal fund, with the rest borrowed over thirty years.</p>
<p>Shops along the front will stay open during the work, although parking on the harbour road will be limited, and a temporary footpath will be laid along the western side of the quay.</p></article>"#;

fn host() -> Option<web_sys::Element> {
    document().get_element_by_id(overlay::HOST_ID)
}

/// Waits (20 ms steps, at most 5 s) until the open overlay's outline and quotes are filled.
async fn panels_ready() -> Option<String> {
    for _ in 0..250 {
        let panels = host().and_then(|h| h.get_attribute("data-panels"));
        if panels.as_deref() != Some("pending") {
            return panels;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    None
}

#[wasm_bindgen_test]
async fn the_overlay_opens_renders_and_closes_leaving_the_page_as_it_was() {
    let _f = Fixture::new("story", ARTICLE);
    let before = document().document_element().unwrap().outer_html();
    let state = overlay::open(&broadsheet::Options::default()).unwrap();
    assert_eq!(state, overlay::State::Open);
    let host = host().expect("host");
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("open"));
    let root = host.shadow_root().expect("open shadow root");
    for part in ["article", "outline", "quotes", "sources"] {
        assert!(root.query_selector(&format!("[data-part={part}]")).unwrap().is_some(), "{part}");
    }
    let article = root.query_selector("[data-part=article]").unwrap().unwrap().text_content().unwrap();
    assert!(article.contains("ending a debate that has run for a decade"));
    // The article is painted first; the outline and quotes follow in later tasks.
    assert_eq!(host.get_attribute("data-panels").as_deref(), Some("pending"));
    assert_eq!(panels_ready().await.as_deref(), Some("ready"));
    let outline = root.query_selector("[data-part=outline]").unwrap().unwrap().text_content().unwrap();
    assert!(outline.contains("What happens next"));
    // Nothing of the page went through innerHTML: no script or handler attribute in the overlay.
    assert!(root.query_selector("script, [onclick]").unwrap().is_none());
    assert!(overlay::close());
    assert!(host_is_gone());
    assert_eq!(document().document_element().unwrap().outer_html(), before);
}

fn host_is_gone() -> bool {
    host().is_none() && !overlay::is_open()
}

#[wasm_bindgen_test]
fn escape_closes_and_the_listener_goes_with_the_overlay() {
    let _f = Fixture::new("escape", ARTICLE);
    overlay::open(&broadsheet::Options::default()).unwrap();
    assert!(host().is_some());
    let escape = "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))";
    js_sys::eval(escape).unwrap();
    assert!(host_is_gone());
    // With the overlay gone, Escape reaches the page: our capture listener would cancel it.
    let not_cancelled = js_sys::eval(&escape.replace("bubbles: true", "bubbles: true, cancelable: true")).unwrap();
    assert_eq!(not_cancelled.as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn a_short_page_is_not_an_article_until_forced() {
    // The runner's own page is set aside (and put back) so only this short text is there to read.
    let doc = document();
    let body = doc.body().unwrap();
    let aside = doc.create_document_fragment();
    while let Some(child) = body.first_child() {
        aside.append_child(&child).unwrap();
    }
    let _f = Fixture::new("short", "<p>Write to the desk.</p>");
    let state = overlay::open(&broadsheet::Options::default()).unwrap();
    let root = host().unwrap().shadow_root().unwrap();
    let show_anyway = root.query_selector("[data-action=show-anyway]").unwrap();
    if let Some(button) = &show_anyway {
        button.unchecked_ref::<web_sys::HtmlElement>().click();
    }
    let forced = host().unwrap().get_attribute("data-state");
    let text = root.query_selector("[data-part=article]").unwrap().unwrap().text_content().unwrap();
    let close = root.query_selector("[data-action=close]").unwrap().unwrap();
    close.unchecked_ref::<web_sys::HtmlElement>().click();
    let closed = host_is_gone();
    drop(_f);
    body.append_child(&aside).unwrap();

    assert_eq!(state, overlay::State::NoArticle);
    assert!(show_anyway.is_some(), "no-article offers \"show it anyway\"");
    assert_eq!(forced.as_deref(), Some("open"));
    assert!(text.contains("Write to the desk."), "{text}");
    assert!(closed, "the close button closes");
}

#[wasm_bindgen_test]
fn strings_fall_back_to_english_outside_the_extension() {
    assert_eq!(i18n::message("readingTime", Some("5")), "5 min read");
    assert_eq!(i18n::t("showAnyway"), "Show it anyway");
}

#[wasm_bindgen_test]
fn a_leading_heading_that_repeats_the_title_is_not_shown_twice() {
    use broadsheet::article::Piece;
    let open = |tag| Piece::Open { tag, attrs: vec![], class: None, source: NodeId(1) };
    let text = |t: &str| Piece::Text(t.to_owned());
    let pieces = vec![open(Tag::H1), text("Harbour wall "), text("to be rebuilt"), Piece::Close, open(Tag::P), text("Body"), Piece::Close];
    assert_eq!(overlay::title_heading(&pieces, "Harbour wall to be rebuilt - The Gazette"), Some(0..4));
    assert_eq!(overlay::title_heading(&pieces, "Something else entirely"), None);
    // Only a heading that comes before any text.
    let later = vec![open(Tag::P), text("Lead"), Piece::Close, open(Tag::H1), text("Harbour wall to be rebuilt"), Piece::Close];
    assert_eq!(overlay::title_heading(&later, "Harbour wall to be rebuilt"), None);
}

#[wasm_bindgen_test]
fn text_in_open_shadow_roots_is_read_and_closed_roots_are_not() {
    let f = Fixture::new("shadows", r#"<div id="open-host">light</div><div id="closed-host">visible</div>"#);
    let open_host = f.0.first_element_child().unwrap();
    let root = open_host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    root.set_inner_html("<p>from the <b>shadow</b></p><slot></slot>");
    let closed_host = open_host.next_element_sibling().unwrap();
    let closed = closed_host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Closed)).unwrap();
    closed.set_inner_html("<p>secret</p><slot></slot>");
    let doc = take();
    assert_eq!(doc.text_content(by_id(&doc, "open-host")), "from the shadowlight");
    assert_eq!(doc.text_content(by_id(&doc, "closed-host")), "visible");
}

/// build.rs minifies extension/overlay.css for embedding (comments, indentation and the spaces CSS
/// ignores go): the browser's CSS parser must read the same rules from the embedded sheet as from
/// the source. Rules are compared as the browser serializes them, with whitespace runs read as one
/// space and spaces around commas ignored (custom property values keep their source spacing).
#[wasm_bindgen_test]
fn overlay_stylesheet_is_the_source_minified() {
    let source = include_str!("../extension/overlay.css");
    let embedded = overlay::STYLESHEET;
    // The first rule that differs (`source` | `embedded`), else the number of rules (so that an
    // empty parse cannot pass).
    let compare = js_sys::Function::new_with_args(
        "source, embedded",
        "const rules = (css) => {
           const sheet = new CSSStyleSheet();
           sheet.replaceSync(css);
           return [...sheet.cssRules].map((r) => r.cssText.replace(/\\s+/g, ' ').replace(/ ?, ?/g, ','));
         };
         const [a, b] = [rules(source), rules(embedded)];
         const i = a.findIndex((rule, i) => rule !== b[i]);
         if (i >= 0 || a.length !== b.length) return `rule ${i}: ${a[i]} | ${b[i]} (${a.length} vs ${b.length} rules)`;
         return String(a.length);",
    );
    let verdict = compare.call2(&wasm_bindgen::JsValue::NULL, &source.into(), &embedded.into()).unwrap().as_string().unwrap();
    assert!(verdict.parse::<usize>().is_ok_and(|rules| rules > 100), "{verdict}");
    assert!(!embedded.contains("/*") && embedded.len() < source.len() * 4 / 5, "not minified: {} of {} bytes", embedded.len(), source.len());
}
