//! Every word list and threshold the image stage uses, in one table.
//!
//! Matching is case-insensitive. Class words are matched against the *tokens* of `class`, `id` and
//! `itemprop` (split on anything that is not a letter or digit, so `media-caption__text` gives
//! `media`, `caption`, `text`); a token matches when it equals the word or starts with it
//! (`credits`, `captioned`). Label words are matched at the start of a text segment or, for the
//! inline ones, anywhere in a caption. Sources: the markup of the Readability corpus pages
//! (BBC, Guardian, NYT, Washington Post, WordPress, Medium, Telegraph, Engadget …), BBC News 中文 /
//! 繁體 / 日本語 visually hidden labels, and the wire-service style guides for credit lines
//! (AP "(AP Photo/Name)", Reuters "REUTERS/Name", Getty "Name/Getty Images").

use crate::snapshot::Attr;
use crate::words::{words, Words};

/// Images whose declared `width` or `height` is at most this many CSS pixels are icons, spacers,
/// separators or tracking pixels (Readability ignores images under 100×100 when picking a lead
/// image; 48 keeps small inline thumbnails out while sparing narrow portrait crops).
pub const ICON_MAX_SIZE: u32 = 48;

/// `data:` URIs shorter than this are placeholders (a 1×1 GIF is ~70 characters; Readability uses
/// 133 base64 characters as its cut-off). Longer ones are kept as real inline images.
pub const DATA_URI_PLACEHOLDER_MAX: usize = 1024;

/// A non-figure wrapper around an image counts as the image's container only while its text stays
/// this short (a caption and credit, not the article's paragraphs).
pub const WRAPPER_MAX_TEXT_CHARS: usize = 400;

/// How many ancestors above the image are examined for a container.
pub const WRAPPER_MAX_LEVELS: usize = 5;

/// An element right after the image's wrapper is read as its caption only when this short.
pub const FOLLOWING_CAPTION_MAX_CHARS: usize = 300;

/// A trailing segment of a caption is a credit when it has an agency name and at most this many
/// words (longer tails are sentences that mention an agency).
pub const TRAILING_CREDIT_MAX_WORDS: usize = 7;

/// An image inside a link whose text is at least this long is a teaser card for another page
/// ("related" promos, sidebar lists), not a picture of the article — unless the link opens the
/// picture itself (`#anchor` lightboxes, image files).
pub const TEASER_LINK_MIN_TEXT: usize = 15;

/// A credit line written `Name/Organisation` ("Devindra Hardawar/AOL", "KREMLIN POOL/EPA") has at
/// most this many words.
pub const SLASH_CREDIT_MAX_WORDS: usize = 6;

/// Alt text counts toward the avatar/logo test only when it is this short (a real photo's alt can
/// say "the company's logo on a building").
pub const ALT_WORDS_MAX_FOR_ROLE: usize = 4;

/// Attributes holding an original, full-size file (WordPress `data-orig-file`, galleries' hi-res):
/// preferred over any `srcset` candidate.
pub const ORIGINAL_ATTRS: &[Attr] =
    &[Attr::DataOrigFile, Attr::DataFullSrc, Attr::DataHiResSrc, Attr::DataLargeFile, Attr::DataSrcRetina];

/// Attributes lazy loaders keep the real `src` in (lazysizes, lozad, jQuery lazyload, BBC's
/// `datasrc`, WordPress Jetpack `data-lazy-src`), in order of preference.
pub const LAZY_SRC_ATTRS: &[Attr] = &[
    Attr::DataSrc, Attr::DataLazySrc, Attr::DataOriginal, Attr::DataOriginalSrc, Attr::Datasrc,
    Attr::DataLazy, Attr::DataUrl, Attr::DataImage,
];

/// Attributes lazy loaders keep the real `srcset` in.
pub const LAZY_SRCSET_ATTRS: &[Attr] = &[Attr::DataSrcset, Attr::DataLazySrcset];

/// Words in a `src` file name that mark a placeholder waiting for its lazy source.
pub const PLACEHOLDER_SRC_WORDS: Words =
    words!["blank", "placeholder", "spacer", "lazy", "loading", "transparent", "pixel.gif", "1x1", "grey.gif", "gray.gif", "empty.gif"];

/// Tokens in `class`/`id`/`src` (or a short `alt`) of pictures that are not the article's: author
/// avatars, site logos, icons, sharing buttons, ad and tracking images.
pub const NOT_ARTICLE_IMAGE_WORDS: Words = words![
    "avatar", "avatars", "gravatar", "logo", "logos", "icon", "icons", "favicon", "emoji", "sprite", "badge",
    "spinner", "loader", "button", "share", "sharing", "social", "advert", "sponsor", "tracking", "tracker",
    "beacon", "headshot", "author", "authors",
];

/// Hosts and paths of tracking pixels (analytics beacons served as images).
pub const TRACKER_URL_PARTS: Words = words![
    "doubleclick.net", "scorecardresearch.com", "google-analytics.com", "facebook.com/tr", "/b/ss/",
    "quantserve.com", "chartbeat.net", "pixel.wp.com", "stats.wp.com", "bat.bing.com", "analytics.",
    "/beacon", "/pixel.gif", "/pixel?", "/pixel/", "/tracking/", "pixel.quantserve"
];

/// Class/id/itemprop words of caption elements.
pub const CAPTION_CLASS_WORDS: Words =
    words!["caption", "figcaption", "legend", "cutline", "desc", "description", "imagetext", "image-text", "wp-caption-text"];

/// Class/id/itemprop words of credit elements (`byline` only counts inside a figure).
pub const CREDIT_CLASS_WORDS: Words = words![
    "credit", "copyright", "copyrightholder", "credittext", "photographer", "attribution", "source", "courtesy",
    "rights", "provider", "author", "byline",
];

/// Class words of wrappers that hold one picture (used to trust unlabelled text next to an image
/// in a wrapper that is not a `<figure>`).
pub const MEDIA_WRAPPER_WORDS: Words =
    words!["figure", "image", "img", "photo", "picture", "media", "wp-caption", "caption", "illustration", "graphic"];

/// What a label says about the text after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// The credit follows ("Image source, ", "Photo: ", "图像来源，").
    Credit,
    /// The caption follows ("Image caption, ", "图像加注文字，"): the label itself is dropped.
    Caption,
}

/// Label words, longest first within a language so "photograph" wins over "photo". A label matches
/// at the start of a segment and must be followed by a separator (`:`, `：`, `,`, `，`, `-`, space
/// or the end of the segment) — except `©`, which may touch the name. BBC prints "Image source, "
/// and "Image caption, " (and their translations) in visually hidden spans.
pub const LABELS: &[(&str, LabelKind)] = &[
    // English
    ("image source", LabelKind::Credit),
    ("image caption", LabelKind::Caption),
    ("media caption", LabelKind::Caption),
    ("caption", LabelKind::Caption),
    ("photographs by", LabelKind::Credit),
    ("photograph by", LabelKind::Credit),
    ("photography by", LabelKind::Credit),
    ("photographs", LabelKind::Credit),
    ("photograph", LabelKind::Credit),
    ("photography", LabelKind::Credit),
    ("photo credit", LabelKind::Credit),
    ("photo illustration by", LabelKind::Credit),
    ("photo illustration", LabelKind::Credit),
    ("photos by", LabelKind::Credit),
    ("photo by", LabelKind::Credit),
    ("photos", LabelKind::Credit),
    ("photo", LabelKind::Credit),
    ("picture by", LabelKind::Credit),
    ("picture", LabelKind::Credit),
    ("pictures", LabelKind::Credit),
    ("pic", LabelKind::Credit),
    ("image by", LabelKind::Credit),
    ("image credit", LabelKind::Credit),
    ("image", LabelKind::Credit),
    ("images", LabelKind::Credit),
    ("illustration by", LabelKind::Credit),
    ("illustration", LabelKind::Credit),
    ("credits", LabelKind::Credit),
    ("credit", LabelKind::Credit),
    ("courtesy of", LabelKind::Credit),
    ("courtesy", LabelKind::Credit),
    ("copyright", LabelKind::Credit),
    ("source", LabelKind::Credit),
    ("©", LabelKind::Credit),
    ("(c)", LabelKind::Credit),
    // German, Dutch, Scandinavian
    ("bildquelle", LabelKind::Credit),
    ("bild", LabelKind::Credit),
    ("quelle", LabelKind::Credit),
    ("foto", LabelKind::Credit),
    ("fotos", LabelKind::Credit),
    ("bron", LabelKind::Credit),
    // French, Spanish, Portuguese, Italian
    ("crédits photo", LabelKind::Credit),
    ("crédit photo", LabelKind::Credit),
    ("crédits", LabelKind::Credit),
    ("crédit", LabelKind::Credit),
    ("créditos", LabelKind::Credit),
    ("crédito", LabelKind::Credit),
    ("fotografía", LabelKind::Credit),
    ("fotografia", LabelKind::Credit),
    ("fuente", LabelKind::Credit),
    ("fonte", LabelKind::Credit),
    ("légende", LabelKind::Caption),
    ("pie de foto", LabelKind::Caption),
    ("legenda", LabelKind::Caption),
    // Chinese (simplified, traditional), Japanese, Korean
    ("图像来源", LabelKind::Credit),
    ("圖像來源", LabelKind::Credit),
    ("图片来源", LabelKind::Credit),
    ("圖片來源", LabelKind::Credit),
    ("图片提供", LabelKind::Credit),
    ("圖片提供", LabelKind::Credit),
    ("图像加注文字", LabelKind::Caption),
    ("圖像加註文字", LabelKind::Caption),
    ("图片说明", LabelKind::Caption),
    ("圖片說明", LabelKind::Caption),
    ("摄影", LabelKind::Credit),
    ("攝影", LabelKind::Credit),
    ("来源", LabelKind::Credit),
    ("來源", LabelKind::Credit),
    ("图片", LabelKind::Credit),
    ("圖片", LabelKind::Credit),
    ("图源", LabelKind::Credit),
    ("图", LabelKind::Credit),
    ("圖", LabelKind::Credit),
    ("画像提供", LabelKind::Credit),
    ("写真提供", LabelKind::Credit),
    ("撮影", LabelKind::Credit),
    ("写真", LabelKind::Credit),
    ("出典", LabelKind::Credit),
    ("提供", LabelKind::Credit),
    ("画像のキャプション", LabelKind::Caption),
    ("사진 출처", LabelKind::Credit),
    ("출처", LabelKind::Credit),
    ("사진", LabelKind::Credit),
];

/// Labels that may stand inside a caption ("… Photograph: Name/Agency", "… (Photo: X)"): only the
/// unambiguous ones, never bare "image"/"source"/"图" which occur in ordinary caption text.
pub const INLINE_LABELS: Words = words![
    "photograph:", "photographs:", "photo:", "photos:", "photo by ", "photos by ", "photograph by ",
    "picture:", "pictures:", "credit:", "credits:", "image:", "images:", "illustration:", "image source:",
    "courtesy of ", "foto:", "bild:", "crédit :", "crédit:", "crédito:", "créditos:", "fotografía:",
    "©", "图像来源：", "图片来源：", "圖片來源：", "圖像來源：", "图片来源:", "摄影：", "攝影：", "来源：", "來源：",
    "图/", "圖/", "撮影：", "写真：", "出典：",
];

/// Wire services, agencies and picture libraries: a caption tail or a bare segment naming one of
/// them is a credit. Matched as whole words (ASCII) or substrings (CJK).
pub const AGENCIES: Words = words![
    "Reuters", "AP", "AP Photo", "Associated Press", "AFP", "Agence France-Presse", "EPA", "EPA-EFE", "EFE",
    "Getty Images", "Getty", "PA", "PA Media", "PA Wire", "Bloomberg", "Xinhua", "Shutterstock", "Alamy",
    "Rex Features", "REX", "ANSA", "dpa", "Anadolu", "Anadolu Agency", "SOPA Images", "NurPhoto", "Sipa",
    "Kyodo", "Yonhap", "TASS", "Sputnik", "KCNA", "ZUMA", "Zuma Press", "Corbis", "iStock", "iStockphoto",
    "Wikimedia Commons", "NASA", "UPI", "Polaris", "Redux", "Magnum", "Contributor", "Handout", "Pool",
    "新华社", "新華社", "路透社", "法新社", "美联社", "美聯社", "欧新社", "歐新社", "中新社", "视觉中国",
    "視覺中國", "东方IC", "共同社", "韩联社", "韓聯社", "盖蒂图片社", "蓋蒂圖片社", "Getty Images/iStockphoto",
];
