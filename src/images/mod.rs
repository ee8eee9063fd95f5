//! Image sources: every picture of the article with its caption, credit and real origin.
//!
//! [`collect`] runs in numbered stages over the article's nodes (the extraction's roots, minus its
//! dropped nodes), iterating over id ranges, never recursing:
//! 1. **Find** every `<img>` of the article, with what lazy loaders hide: `data-src` and friends
//!    ([`tunables::LAZY_SRC_ATTRS`]), `data-srcset`, `<picture>`/`<source>` sets, the `<noscript>`
//!    fallback next to a placeholder (read by the tiny scanner in [`noscript`]), and a lone
//!    `<noscript>` image with no `<img>` beside it.
//! 2. **Reject** what is not a picture of the article: placeholders with no real source, icons and
//!    separators ([`tunables::ICON_MAX_SIZE`]), tracking pixels, avatars, logos and buttons
//!    (class/id/src/alt words). Rejected `<img>`s go into `consumed` so the article does not show
//!    them either.
//! 3. **Origin**: the display `src` stays what the page shows (resolved to absolute); the origin is
//!    the best candidate (original-file attributes, then the widest `srcset`/`<source>` candidate,
//!    then the lazy source) with proxies and CDNs unwrapped ([`origin`]).
//! 4. **Caption and credit** from the picture's container (its `<figure>`, or the nearest wrapper
//!    holding only this picture and little text) and the element right after it, by labels, class
//!    words, agencies ([`credit`]), then `data-caption`/`data-credit` attributes and JSON-LD
//!    `ImageObject`s. The caption/credit nodes read go into `consumed`: the article renders them
//!    from the [`Image`] instead.
//! 5. **Lead image**: the page's declared lead image (`meta.lead_image`) is marked `lead: true` on
//!    the article image showing it, or, when the article does not show it, added at the front of
//!    the list with `node` = the `<meta>` element that declares it (the document root when none
//!    does). That entry is not in `by_node`: it has no `<img>` in the article.

mod credit;
pub mod noscript;
pub mod origin;
pub mod tunables;

pub use credit::{json_ld_images, looks_like_credit, split_inline_credit, strip_label, LdImage};
pub use tunables::LabelKind;

use crate::article::{base_url, safe_url};
use crate::extract::Extraction;
use crate::metadata::Metadata;
use crate::snapshot::{Attr, Document, NodeData, NodeId, NodeSet, Tag};
use crate::text::fold_whitespace;
use crate::words::Words;
use noscript::ScannedTag;
use serde::Serialize;
use crate::hash::FxHashMap;
use tunables::*;

/// One image of the article.
#[derive(Clone, Debug, Serialize)]
pub struct Image {
    /// What the page displays (kept as is, may be a proxy URL), resolved against the page URL.
    pub src: String,
    /// The real origin: best candidate, proxies unwrapped.
    pub origin: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// The page's declared lead image (`og:image`/JSON-LD). When the article does not show it, this
    /// entry comes first in the list and its `node` is the declaring `<meta>` (or the root).
    pub lead: bool,
    /// The `<img>` (or lone `<noscript>` fallback) node in the snapshot.
    #[serde(skip)]
    pub node: NodeId,
}

/// The images of one article, with side tables for the article builder.
#[derive(Clone, Debug, Default)]
pub struct Images {
    /// In document order (an added lead image first).
    pub list: Vec<Image>,
    /// `<img>` node → index in `list`.
    pub by_node: FxHashMap<NodeId, usize>,
    /// Nodes the article builder skips: caption and credit nodes already used for an image, and
    /// `<img>`s that are not pictures of the article (icons, trackers, avatars, empty placeholders).
    pub consumed: NodeSet,
}

/// Collects the article's images.
pub fn collect(doc: &Document, extraction: &Extraction, meta: &Metadata) -> Images {
    let base = base_url(doc);
    let ld = json_ld_images(&meta.json_ld);
    let mut consumed = NodeSet::for_doc(doc);
    let mut found: Vec<Image> = Vec::new();
    for &root in &extraction.roots {
        let range = doc.subtree_range(root);
        let mut i = range.start;
        while i < range.end {
            let id = NodeId(i);
            let node = doc.node(id);
            if !node.visible || extraction.dropped.contains(id) || consumed.contains(id) {
                i = node.end;
                continue;
            }
            let tag = doc.tag(id);
            // 1. Find: an <img>, or a <noscript> fallback with no <img> beside it.
            let sources = match tag {
                Some(Tag::Img) => Some(read_sources(doc, id, fallback_noscript(doc, id).map(|n| noscript_tags(doc, n)))),
                Some(Tag::Noscript) if paired_img(doc, id).is_none() => {
                    let tags = noscript_tags(doc, id);
                    tags.iter().any(|t| t.name == "img").then(|| lone_noscript_sources(doc, id, &tags))
                }
                _ => None,
            };
            if let Some(sources) = sources {
                // 2–4. Reject, resolve the origin, describe.
                match build_image(doc, id, (root, &extraction.dropped), sources, base.as_deref(), &ld, &mut consumed) {
                    Some(image) => match found.last_mut().filter(|prev| is_duplicate(doc, prev, &image)) {
                        // A low-resolution preview and the real picture in one wrapper: keep one.
                        Some(prev) => {
                            let (keep, drop) = if image.src != image.origin || prev.src == prev.origin { (image, prev.node) } else { (prev.clone(), id) };
                            consumed.insert(drop);
                            *prev = merge_duplicate(keep, prev);
                        }
                        None => found.push(image),
                    },
                    None => consumed.insert(id),
                }
                i = node.end;
                continue;
            }
            if tag.is_some_and(|t| t.is_never_content()) {
                i = node.end;
                continue;
            }
            i += 1;
        }
    }
    // 5. The lead image.
    let lead = meta.lead_image.as_deref().and_then(|u| safe_url(u, base.as_deref(), true));
    let mut list = Vec::with_capacity(found.len() + 1);
    if let Some(lead_url) = lead {
        // The lead's key once, not once per picture (`same_picture` computes both keys each call).
        let lead_key = origin::picture_key(&lead_url);
        let shows_lead = |im: &Image| lead_key.is_some() && [&im.origin, &im.src].iter().any(|u| origin::picture_key(u) == lead_key);
        match found.iter_mut().find(|im| shows_lead(im)) {
            Some(shown) => shown.lead = true,
            None => list.push(lead_entry(doc, meta, &lead_url, base.as_deref(), &ld)),
        }
    }
    list.extend(found);
    let by_node = list.iter().enumerate().filter(|(_, im)| !im.lead || doc.is(im.node, Tag::Img) || doc.is(im.node, Tag::Noscript)).map(|(i, im)| (im.node, i)).collect();
    Images { list, by_node, consumed }
}

/// Everything a picture's markup says about its file.
#[derive(Clone, Debug, Default)]
struct Sources {
    src: Option<String>,
    lazy: Option<String>,
    originals: Option<String>,
    srcsets: Vec<String>,
    fallback_src: Option<String>,
    alt: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
}

/// Reads an `<img>`, its `<picture>` sources and its `<noscript>` fallback.
fn read_sources(doc: &Document, img: NodeId, fallback: Option<Vec<ScannedTag>>) -> Sources {
    let attr = |a: Attr| doc.attr(img, a).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let mut s = Sources {
        src: attr(Attr::Src),
        lazy: LAZY_SRC_ATTRS.iter().filter_map(|a| attr(*a)).find(|v| !is_placeholder(v)),
        originals: ORIGINAL_ATTRS.iter().find_map(|a| attr(*a)),
        srcsets: [Attr::Srcset].iter().chain(LAZY_SRCSET_ATTRS).filter_map(|a| attr(*a)).collect(),
        alt: attr(Attr::Alt).map(|a| fold_whitespace(&a)),
        width: attr(Attr::Width).and_then(|v| parse_px(&v)),
        height: attr(Attr::Height).and_then(|v| parse_px(&v)),
        ..Default::default()
    };
    if let Some(picture) = doc.parent(img).filter(|p| doc.is(*p, Tag::Picture)) {
        for source in doc.element_children(picture).filter(|c| doc.is(*c, Tag::Source)) {
            for a in [Attr::Srcset, Attr::DataSrcset, Attr::DataLazySrcset] {
                if let Some(v) = doc.attr(source, a).filter(|v| !v.trim().is_empty()) {
                    s.srcsets.push(v.to_owned());
                }
            }
        }
    }
    if let Some(tags) = fallback {
        let f = read_sources_scanned(&tags);
        s.fallback_src = f.src.or(f.lazy);
        s.srcsets.extend(f.srcsets);
        s.originals = s.originals.or(f.originals);
        s.alt = s.alt.or(f.alt);
        s.width = s.width.or(f.width);
        s.height = s.height.or(f.height);
    }
    s
}

/// A lone `<noscript>` image: its tags, plus the lazy attributes of its parent (a lazy-loading
/// wrapper such as `<div class="lazy-image" data-src data-srcset><noscript><img src></noscript>`).
fn lone_noscript_sources(doc: &Document, noscript: NodeId, tags: &[ScannedTag]) -> Sources {
    let mut s = read_sources_scanned(tags);
    if let Some(parent) = doc.parent(noscript) {
        let attr = |a: Attr| doc.attr(parent, a).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        s.srcsets.extend(LAZY_SRCSET_ATTRS.iter().chain([Attr::Srcset].iter()).filter_map(|a| attr(*a)));
        if s.lazy.is_none() {
            s.lazy = LAZY_SRC_ATTRS.iter().filter_map(|a| attr(*a)).find(|v| !is_placeholder(v));
        }
        s.originals = s.originals.or_else(|| ORIGINAL_ATTRS.iter().find_map(|a| attr(*a)));
    }
    s
}

/// Two consecutive pictures of the same file in one small wrapper (Medium's blurred preview next
/// to the real image, a `<picture>` duplicated for art direction): close in the tree, in the same
/// list item / figure / paragraph, with no text between them. A page showing one file twice in
/// two places (a figure after an inline image, a list of the same picture) keeps both.
fn is_duplicate(doc: &Document, prev: &Image, next: &Image) -> bool {
    let same = origin::same_picture(&prev.origin, &next.origin) || prev.origin == next.origin;
    let near = doc.ancestors(next.node).take(4).any(|a| doc.contains(a, prev.node));
    let item = |n: NodeId| doc.ancestors(n).take(4).find(|a| doc.tag(*a).is_some_and(|t| matches!(t, Tag::Li | Tag::Figure | Tag::P | Tag::Td)));
    same && near && item(prev.node) == item(next.node) && !text_between(doc, prev.node, next.node)
}

/// Whether visible, non-blank text lies between two nodes in document order.
fn text_between(doc: &Document, first: NodeId, second: NodeId) -> bool {
    let mut i = doc.node(first).end;
    while i < second.0 {
        let node = doc.node(NodeId(i));
        if !node.visible {
            i = node.end;
            continue;
        }
        if doc.text(NodeId(i)).is_some_and(|t| !t.trim().is_empty()) {
            return true;
        }
        i += 1;
    }
    false
}

/// Keeps `keep`'s sources and fills what it lacks from the other entry.
fn merge_duplicate(mut keep: Image, other: &Image) -> Image {
    keep.alt = keep.alt.or_else(|| other.alt.clone());
    keep.caption = keep.caption.or_else(|| other.caption.clone());
    keep.credit = keep.credit.or_else(|| other.credit.clone());
    keep.width = keep.width.or(other.width);
    keep.height = keep.height.or(other.height);
    keep
}

/// Reads the first `<img>` of a scanned `<noscript>` (and the `<source>`s before it).
fn read_sources_scanned(tags: &[ScannedTag]) -> Sources {
    let mut s = Sources::default();
    for t in tags {
        for name in ["srcset", "data-srcset"] {
            if let Some(v) = t.attr(name) {
                s.srcsets.push(v.to_owned());
            }
        }
        if t.name == "img" {
            s.src = t.attr("src").map(str::to_owned);
            s.lazy = LAZY_SRC_ATTRS.iter().filter_map(|a| t.attr(a.as_str())).find(|v| !is_placeholder(v)).map(str::to_owned);
            s.originals = ORIGINAL_ATTRS.iter().find_map(|a| t.attr(a.as_str())).map(str::to_owned);
            s.alt = t.attr("alt").map(fold_whitespace);
            s.width = t.attr("width").and_then(parse_px);
            s.height = t.attr("height").and_then(parse_px);
            break;
        }
    }
    s
}

fn noscript_tags(doc: &Document, noscript: NodeId) -> Vec<ScannedTag> {
    let mut html = String::new();
    doc.push_text_content(noscript, &mut html);
    noscript::scan_images(&html)
}

/// `"640"`, `"640px"` → 640; percentages and junk → `None`.
fn parse_px(v: &str) -> Option<u32> {
    let v = v.trim();
    let digits = crate::text::trim_end_str(v, "px").trim();
    crate::text::parse_decimal(digits).filter(|n| n.is_finite() && *n >= 0.0).map(|n| n as u32)
}

/// The `<noscript>` holding this `<img>`'s fallback: its next element sibling, or the next sibling
/// of a wrapper whose only element is the image.
fn fallback_noscript(doc: &Document, img: NodeId) -> Option<NodeId> {
    let mut cur = img;
    for _ in 0..2 {
        if let Some(next) = next_element_sibling(doc, cur) {
            return doc.is(next, Tag::Noscript).then_some(next);
        }
        let parent = doc.parent(cur)?;
        if doc.element_children(parent).count() != 1 || has_own_text(doc, parent) {
            return None;
        }
        cur = parent;
    }
    None
}

/// The `<img>` a `<noscript>` is the fallback of, if any.
fn paired_img(doc: &Document, noscript: NodeId) -> Option<NodeId> {
    let parent = doc.parent(noscript)?;
    let prev = doc.element_children(parent).take_while(|c| *c != noscript).last()?;
    let img = if doc.is(prev, Tag::Img) { prev } else { doc.find_all(prev, Tag::Img).next()? };
    (fallback_noscript(doc, img) == Some(noscript)).then_some(img)
}

fn next_element_sibling(doc: &Document, id: NodeId) -> Option<NodeId> {
    let mut next = doc.node(id).next_sibling;
    while let Some(n) = next {
        if doc.element(n).is_some() {
            return Some(n);
        }
        if doc.text(n).is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        next = doc.node(n).next_sibling;
    }
    None
}

fn has_own_text(doc: &Document, id: NodeId) -> bool {
    doc.children(id).any(|c| doc.text(c).is_some_and(|t| !t.trim().is_empty()))
}

/// A `data:` URL: the picture itself, inline (often tens of kilobytes of base64, so the rules below
/// look only at its head: its payload is no path, host or word, and scanning it cost more than the
/// rest of a small page's analysis).
pub(super) fn is_data_url(url: &str) -> bool {
    url.len() > 5 && starts_with_ignore_ascii_case(url, "data:")
}

fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A `src` that only holds the place of the real picture.
fn is_placeholder(src: &str) -> bool {
    let s = src.trim();
    if s.is_empty() || s == "#" || s.starts_with("about:") || s.starts_with("javascript:") {
        return true;
    }
    if is_data_url(s) {
        return s.len() < DATA_URI_PLACEHOLDER_MAX || starts_with_ignore_ascii_case(s, "data:image/svg");
    }
    let path = s.split(['?', '#']).next().unwrap_or(s).to_ascii_lowercase();
    let file = path.rsplit('/').next().unwrap_or(&path);
    PLACEHOLDER_SRC_WORDS.any_in(file)
}

/// The article root an image sits in and what the extraction dropped: captions are read only from
/// the article, never from nodes the extractor removed (a teaser next to a figure).
type Within<'a> = (NodeId, &'a NodeSet);

/// Stages 2–4 for one picture: `None` when it is not a picture of the article.
fn build_image(
    doc: &Document,
    node: NodeId,
    within: Within<'_>,
    s: Sources,
    base: Option<&str>,
    ld: &[LdImage],
    consumed: &mut NodeSet,
) -> Option<Image> {
    // 3. Display source and origin.
    let real = |v: &Option<String>| v.as_ref().filter(|u| !is_placeholder(u)).cloned();
    let candidates: Vec<origin::Candidate> = s.srcsets.iter().flat_map(|v| origin::parse_srcset(v)).filter(|c| !is_placeholder(&c.url)).collect();
    let best = origin::best_candidate(&candidates).map(|c| c.url.clone());
    let inline_data = s.src.as_ref().filter(|u| is_data_url(u) && !is_placeholder(u)).cloned();
    let display = real(&s.src).or_else(|| s.lazy.clone()).or_else(|| real(&s.fallback_src)).or_else(|| best.clone()).or(inline_data)?;
    let src = safe_url(&display, base, true)?;
    let origin_raw = s.originals.clone().or(best).or_else(|| s.lazy.clone()).or_else(|| real(&s.fallback_src)).unwrap_or_else(|| display.clone());
    // (Often the same URL as the display one, checked once: an inline picture is tens of kilobytes.)
    let origin_checked = if origin_raw == display { Some(src.clone()) } else { safe_url(&origin_raw, base, true) };
    let origin = match origin_checked {
        Some(u) if u.starts_with("data:") => u,
        Some(u) => origin::unwrap_proxies(&u, base),
        None => src.clone(),
    };
    // 2. Reject icons, trackers, avatars and logos.
    if s.width.is_some_and(|w| w <= ICON_MAX_SIZE) || s.height.is_some_and(|h| h <= ICON_MAX_SIZE) {
        return None;
    }
    if is_tracker(&src) || is_tracker(&origin) || has_role_words(doc, node, &origin, s.alt.as_deref()) || in_teaser_link(doc, node) {
        return None;
    }
    // 4. Caption and credit.
    let described = describe(doc, node, within);
    for n in &described.consumed {
        consumed.insert(*n);
    }
    let mut caption = described.caption;
    let mut credit = described.credit;
    let attr_of = |a: Attr| -> Option<String> {
        std::iter::once(node).chain(doc.ancestors(node).take(3)).find_map(|n| doc.attr(n, a)).map(fold_whitespace).filter(|v| !v.is_empty())
    };
    caption = caption.or_else(|| attr_of(Attr::DataCaption));
    credit = credit.or_else(|| attr_of(Attr::DataCredit));
    let keys = [origin::picture_key(&origin), origin::picture_key(&src)];
    if let Some(found) = ld.iter().find(|l| l.shows(&keys)) {
        credit = credit.or_else(|| found.credit.clone());
        caption = caption.or_else(|| found.caption.clone());
    }
    // A credit from an attribute often repeats at the caption's end ("Dig a hole. (Lucy Akins)").
    if let (Some(cap), Some(cr)) = (&caption, &credit) {
        caption = without_trailing_credit(cap, cr);
    }
    Some(Image { src, origin, alt: s.alt.filter(|a| !a.is_empty()), caption, credit, width: s.width, height: s.height, lead: false, node })
}

/// `caption` without a trailing copy of `credit` (bare or in brackets); `None` when nothing is left.
fn without_trailing_credit(caption: &str, credit: &str) -> Option<String> {
    let stripped = caption.trim_end().trim_end_matches([')', '）', ']']).trim_end();
    let Some(rest) = stripped.strip_suffix(credit.trim()) else { return Some(caption.to_owned()) };
    let rest = credit::trim_edges(rest.trim_end().trim_end_matches(['(', '（', '[']));
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// The picture sits in a link with its own text to another page: a teaser card.
fn in_teaser_link(doc: &Document, img: NodeId) -> bool {
    let Some(link) = doc.ancestors(img).take(4).find(|a| doc.is(*a, Tag::A)) else { return false };
    let href = doc.attr(link, Attr::Href).unwrap_or("").trim();
    if href.is_empty() || href.starts_with('#') || origin::has_image_extension(href) {
        return false;
    }
    let text_len = doc.text_content(link).chars().filter(|c| !c.is_whitespace()).count();
    text_len >= TEASER_LINK_MIN_TEXT
}

/// A counting pixel or beacon, by its URL. Never an inline `data:` picture: it makes no request, and
/// its base64 can spell a tracker word by chance.
fn is_tracker(url: &str) -> bool {
    if is_data_url(url) {
        return false;
    }
    let l = url.to_ascii_lowercase();
    TRACKER_URL_PARTS.any_in(&l)
}

/// Splits class/id/itemprop or a URL path into lower-case tokens.
fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(crate::case::lowercase)
}

fn matches_word(token: &str, words: Words) -> bool {
    words.iter().any(|w| token == w || (w.len() >= 4 && token.starts_with(w)))
}

/// Class/id of the image and its two nearest ancestors, the file path, or a short alt naming an
/// avatar, logo, icon, button, ad or tracker.
fn has_role_words(doc: &Document, img: NodeId, origin: &str, alt: Option<&str>) -> bool {
    let exact = |t: &str| NOT_ARTICLE_IMAGE_WORDS.contains(t);
    let marked = std::iter::once(img).chain(doc.ancestors(img).take(2)).any(|n| tokens(&doc.class_and_id(n)).any(|t| exact(&t)));
    let path = origin.split(['?', '#']).next().unwrap_or("");
    let path = path.find("://").map_or(path, |i| path[i + 3..].find('/').map_or("", |p| &path[i + 3 + p..]));
    let in_path = !is_data_url(origin) && tokens(path).any(|t| exact(&t));
    let in_alt = alt.is_some_and(|a| a.split_whitespace().count() <= ALT_WORDS_MAX_FOR_ROLE && tokens(a).any(|t| exact(&t)));
    marked || in_path || in_alt
}

/// Which kind of text a class/id/itemprop marks.
fn class_hint(doc: &Document, id: NodeId, in_figure: bool) -> Option<LabelKind> {
    let mut s = doc.class_and_id(id);
    if let Some(ip) = doc.attr(id, Attr::Itemprop) {
        s.push(' ');
        s.push_str(ip);
    }
    if s.is_empty() {
        return if doc.is(id, Tag::Figcaption) { Some(LabelKind::Caption) } else { None };
    }
    let toks: Vec<String> = tokens(&s).collect();
    let credit = toks.iter().any(|t| (in_figure || t != "byline") && matches_word(t, CREDIT_CLASS_WORDS));
    if credit {
        return Some(LabelKind::Credit);
    }
    let caption = toks.iter().any(|t| matches_word(t, CAPTION_CLASS_WORDS)) || doc.is(id, Tag::Figcaption);
    caption.then_some(LabelKind::Caption)
}

fn has_media_words(doc: &Document, id: NodeId) -> bool {
    tokens(&doc.class_and_id(id)).any(|t| matches_word(&t, MEDIA_WRAPPER_WORDS)) || doc.is(id, Tag::Figure)
}

/// What [`describe`] found.
#[derive(Debug, Default)]
struct Described {
    caption: Option<String>,
    credit: Option<String>,
    consumed: Vec<NodeId>,
}

/// One text node near a picture, with what its markup says.
struct Segment {
    node: NodeId,
    text: String,
    /// The nearest caption/credit class among its ancestors inside the container, and its element.
    hint: Option<(LabelKind, NodeId)>,
    /// The nearest block, `role=text` or classed ancestor: labels apply within it.
    unit: NodeId,
    /// The highest ancestor under the container that does not hold the picture: what is consumed.
    top: NodeId,
}

/// The picture's container: its `<figure>`, or the highest wrapper (within `root`) that holds no
/// other picture and little text. Returns the container and whether unlabelled text in it may be
/// read as a caption (a figure, or a wrapper with media class words).
fn container(doc: &Document, img: NodeId, root: NodeId) -> (NodeId, bool) {
    if let Some(fig) = doc.ancestors(img).take_while(|a| doc.contains(root, *a)).find(|a| doc.is(*a, Tag::Figure)) {
        return (fig, true);
    }
    let mut cur = img;
    let mut media = false;
    for _ in 0..WRAPPER_MAX_LEVELS {
        let Some(parent) = doc.parent(cur) else { break };
        if parent == root || !doc.contains(root, parent) {
            break;
        }
        let range = doc.subtree_range(parent);
        if range.len() > 200 {
            break;
        }
        let images = doc.find_all(parent, Tag::Img).count();
        let text_len = doc.text_content(parent).chars().filter(|c| !c.is_whitespace()).count();
        if images > 1 || text_len > WRAPPER_MAX_TEXT_CHARS || doc.tag(parent).is_some_and(|t| matches!(t, Tag::P | Tag::Li | Tag::Td)) && text_len > FOLLOWING_CAPTION_MAX_CHARS / 3 {
            break;
        }
        media |= has_media_words(doc, parent);
        cur = parent;
    }
    (cur, media)
}

/// Text segments of `scope` (skipping the picture itself, scripts, buttons, hidden and dropped nodes).
fn segments(doc: &Document, scope: NodeId, container: NodeId, img: NodeId, in_figure: bool, dropped: &NodeSet, out: &mut Vec<Segment>) {
    let range = doc.subtree_range(scope);
    let mut i = range.start;
    while i < range.end {
        let id = NodeId(i);
        let node = doc.node(id);
        let skip = !node.visible
            || id == img
            || dropped.contains(id)
            || doc.tag(id).is_some_and(|t| matches!(t, Tag::Img | Tag::Picture | Tag::Noscript | Tag::Button) || t.is_never_content())
            || doc.attr(id, Attr::AriaHidden) == Some("true");
        if skip {
            i = node.end;
            continue;
        }
        if let NodeData::Text(t) = doc.data(id) {
            if !t.trim().is_empty() {
                let mut hint = None;
                let mut unit = None;
                let mut top = id;
                for a in std::iter::once(id).chain(doc.ancestors(id)) {
                    if a != id {
                        if hint.is_none() {
                            hint = class_hint(doc, a, in_figure).map(|k| (k, a));
                        }
                        if unit.is_none() {
                            let block = doc.tag(a).is_some_and(|t| t.is_block()) || doc.attr(a, Attr::Role) == Some("text") || class_hint(doc, a, in_figure).is_some();
                            if block {
                                unit = Some(a);
                            }
                        }
                    }
                    if a == container || a == scope && scope != container {
                        if a == scope && scope != container {
                            top = scope;
                        }
                        break;
                    }
                    if !doc.contains(a, img) {
                        top = a;
                    }
                }
                out.push(Segment { node: id, text: t.to_string(), hint, unit: unit.unwrap_or(container), top });
            }
        }
        i += 1;
    }
}

/// Stage 4: the caption and credit of the picture at `img`.
fn describe(doc: &Document, img: NodeId, (root, dropped): Within<'_>) -> Described {
    let (container, trusted) = container(doc, img, root);
    let in_figure = doc.is(container, Tag::Figure);
    let mut segs = Vec::new();
    if container != img {
        segments(doc, container, container, img, in_figure, dropped, &mut segs);
    }
    // The element right after the container, when it reads as a caption or credit. It is outside
    // the figure, so a `byline` class there is an article's byline (a teaser card's), not a photo
    // credit; and an element holding a heading starts something else.
    if let Some(next) = next_element_sibling(doc, container).filter(|n| doc.contains(root, *n) && !dropped.contains(*n)) {
        let text = fold_whitespace(&doc.text_content(next));
        let short = !text.is_empty() && text.chars().count() <= FOLLOWING_CAPTION_MAX_CHARS;
        let marked = class_hint(doc, next, false).is_some()
            || doc.descendants(next).take(8).any(|d| class_hint(doc, d, false).is_some())
            || strip_label(&text).is_some()
            || looks_like_credit(&text);
        let starts_something = std::iter::once(next).chain(doc.descendants(next)).any(|d| doc.tag(d).is_some_and(|t| t.heading_level().is_some()));
        if short && marked && !starts_something && !doc.find_all(next, Tag::Img).any(|_| true) {
            segments(doc, next, next, img, false, dropped, &mut segs);
        }
    }
    classify(doc, &segs, img, trusted)
}

/// Sorts segments into caption and credit (labels, class hints, agency lines), then splits a
/// credit out of the caption text when none was marked.
fn classify(doc: &Document, segs: &[Segment], img: NodeId, trusted: bool) -> Described {
    let mut caption = Vec::<(NodeId, String)>::new();
    let mut credit = Vec::<(NodeId, String)>::new();
    let mut consumed = Vec::new();
    let mut pending: Option<(LabelKind, NodeId)> = None;
    for seg in segs {
        let (kind, text) = match strip_label(&seg.text) {
            Some((kind, rest)) => {
                if rest.is_empty() {
                    // A bare label ("Image source, "): it applies to the rest of the element it
                    // labels — unless that element holds the picture itself (NYT's hidden "Image").
                    let scope = label_scope(doc, seg);
                    pending = (!doc.contains(scope, img)).then_some((kind, scope));
                    consumed.push(seg.top);
                    continue;
                }
                (Some(kind), rest.to_owned())
            }
            None => {
                // The nearer of the two signals wins: a label inside a classed element speaks for
                // its own text; a classed element inside a labelled one speaks for itself.
                let from_label = pending.filter(|(_, scope)| doc.contains(*scope, seg.node));
                let kind = match (from_label, seg.hint) {
                    (Some((lk, scope)), Some((hk, hint_node))) => Some(if doc.contains(hint_node, scope) { lk } else { hk }),
                    (Some((lk, _)), None) => Some(lk),
                    (None, h) => h.map(|(k, _)| k),
                };
                (kind, seg.text.clone())
            }
        };
        let kind = match kind {
            Some(k) => Some(k),
            None if looks_like_credit(&text) && words_alone(segs, seg) => Some(LabelKind::Credit),
            None if trusted => Some(LabelKind::Caption),
            None => None,
        };
        match kind {
            Some(LabelKind::Credit) => credit.push((seg.unit, text)),
            Some(LabelKind::Caption) => caption.push((seg.unit, text)),
            None => continue,
        }
        consumed.push(seg.top);
    }
    let mut caption_text = join_units(&caption);
    let mut credit_text = join_units(&credit);
    if credit_text.is_empty() {
        let (c, cr) = split_inline_credit(&caption_text);
        caption_text = c;
        credit_text = cr.unwrap_or_default();
    } else if let Some(stripped) = caption_text.strip_suffix(credit_text.as_str()) {
        caption_text = stripped.to_owned();
    }
    let credit_text = credit::trim_edges(&credit_text).to_owned();
    let caption_text = credit::trim_edges(&caption_text).to_owned();
    crate::sort::sort(&mut consumed);
    consumed.dedup();
    Described {
        caption: (!caption_text.is_empty()).then_some(caption_text),
        credit: (!credit_text.is_empty()).then_some(credit_text),
        consumed,
    }
}

/// True when the segment is the whole text of its unit (a credit line standing alone).
fn words_alone(segs: &[Segment], seg: &Segment) -> bool {
    segs.iter().filter(|s| s.unit == seg.unit).count() == 1
}

/// The element a bare label speaks for: the nearest ancestor of its text holding more than it.
fn label_scope(doc: &Document, seg: &Segment) -> NodeId {
    let label_len = seg.text.trim().chars().count();
    doc.ancestors(seg.node)
        .take(4)
        .find(|a| doc.text_content(*a).trim().chars().count() > label_len)
        .unwrap_or(seg.unit)
}

/// Joins segment texts: directly within a unit (text nodes carry their own spaces), with a space
/// between units.
fn join_units(parts: &[(NodeId, String)]) -> String {
    let mut out = String::new();
    let mut last_unit = None;
    for (unit, text) in parts {
        if last_unit.is_some_and(|u| u != *unit) {
            out.push(' ');
        }
        out.push_str(text);
        last_unit = Some(*unit);
    }
    fold_whitespace(&out)
}

/// The entry for a lead image the article does not show.
fn lead_entry(doc: &Document, meta: &Metadata, url: &str, base: Option<&str>, ld: &[LdImage]) -> Image {
    let declared = meta.lead_image.as_deref().unwrap_or(url);
    let node = doc
        .head()
        .and_then(|h| doc.find_all(h, Tag::Meta).find(|m| doc.attr(*m, Attr::Content).is_some_and(|c| c.trim() == declared.trim())))
        .unwrap_or(Document::ROOT);
    let origin = if url.starts_with("data:") { url.to_owned() } else { origin::unwrap_proxies(url, base) };
    let keys = [origin::picture_key(&origin)];
    let found = ld.iter().find(|l| l.shows(&keys));
    Image {
        src: url.to_owned(),
        origin,
        alt: None,
        caption: found.and_then(|f| f.caption.clone()),
        credit: found.and_then(|f| f.credit.clone()),
        width: None,
        height: None,
        lead: true,
        node,
    }
}

/// The "Copy credits" text: one line per image, `caption — credit — origin` (missing parts left
/// out; the alt text stands in for a missing caption).
pub fn credits_text(images: &[Image]) -> String {
    let mut out = String::new();
    for im in images {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(c) = im.caption.as_deref().or(im.alt.as_deref()).filter(|c| !c.trim().is_empty()) {
            parts.push(c.trim());
        }
        if let Some(c) = im.credit.as_deref().filter(|c| !c.trim().is_empty()) {
            parts.push(c.trim());
        }
        parts.push(&im.origin);
        out.push_str(&parts.join(" — "));
        out.push('\n');
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
