//! Where a picture really comes from: the best candidate of its sources, then the URL behind
//! resizing proxies and CDNs.
//!
//! 1. [`parse_srcset`] reads `srcset` (and `<source srcset>`) candidates with their `w`/`x`
//!    descriptors; [`best_candidate`] takes the widest (or densest).
//! 2. [`unwrap_proxies`] peels proxies until none is left: images.weserv.nl / wsrv.nl `?url=`
//!    (scheme-less values get `https://`, weserv's `ssl:` prefix too), Next.js `/_next/image?url=`,
//!    WordPress Photon `i0–i3.wp.com/host/path`, Cloudinary-style `…/image/fetch/<transforms>/<URL>`
//!    and any other absolute URL embedded in the path, and any query parameter holding an absolute
//!    image URL (percent-decoded).
//! 3. [`same_picture`] tells whether two URLs name the same picture at different sizes or through
//!    different proxies (by the file's distinctive path segment), for matching the lead image and
//!    JSON-LD `ImageObject`s.

use crate::article::resolve_url;
use crate::words::{words, Words};

/// One `srcset` candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub url: String,
    /// Width descriptor (`800w`).
    pub width: Option<u32>,
    /// Density descriptor (`2x`); a candidate without descriptor is `1x`.
    pub density: Option<f32>,
}

/// Parses a `srcset` value (HTML's algorithm, simplified): URLs may contain commas (Cloudinary's
/// `w_100,h_80`), a URL is ended by whitespace, descriptors by a comma.
pub fn parse_srcset(srcset: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..url_end];
        rest = &rest[url_end..];
        let mut descriptors = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let desc_end = rest.find(',').unwrap_or(rest.len());
            descriptors = &rest[..desc_end];
            rest = &rest[desc_end..];
        }
        if url.is_empty() {
            continue;
        }
        let mut c = Candidate { url: url.to_owned(), width: None, density: None };
        for d in descriptors.split_whitespace() {
            if let Some(w) = d.strip_suffix('w').and_then(|n| n.parse::<u32>().ok()) {
                c.width = Some(w);
            } else if let Some(x) = d.strip_suffix('x').and_then(|n| crate::text::parse_decimal(n).map(|x| x as f32)) {
                c.density = Some(x);
            }
        }
        out.push(c);
    }
    out
}

/// The largest candidate: the widest `w` if any candidate has one, else the highest density.
pub fn best_candidate(candidates: &[Candidate]) -> Option<&Candidate> {
    let widest = candidates.iter().filter(|c| c.width.is_some()).max_by_key(|c| c.width);
    widest.or_else(|| {
        candidates.iter().max_by(|a, b| a.density.unwrap_or(1.0).total_cmp(&b.density.unwrap_or(1.0)))
    })
}

/// Proxies nest at most this deep (a weserv URL of a Photon URL of a Next.js URL is already rare).
const MAX_UNWRAP: usize = 6;

/// Query parameter names that carry an image URL even without an image file extension.
const URL_PARAM_NAMES: Words = words![
    "url", "u", "src", "source", "image", "img", "imageurl", "image_url", "image_uri", "imageuri", "img_url", "image_src", "file",
    "original", "uri",
];

/// File extensions of pictures (for "a query parameter holding an absolute image URL").
const IMAGE_EXTENSIONS: Words = words![".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff", ".heic", ".jxl"];

/// Unwraps known proxies and CDNs until none is left, then resolves the result against `base`.
pub fn unwrap_proxies(url: &str, base: Option<&str>) -> String {
    let mut current = resolve_url(url, base).unwrap_or_else(|| url.to_owned());
    for _ in 0..MAX_UNWRAP {
        match unwrap_once(&current) {
            Some(inner) if inner != current => current = inner,
            _ => break,
        }
    }
    current
}

/// The parts of an absolute URL: (scheme, host, path, query).
fn split_url(url: &str) -> Option<(&str, &str, &str, &str)> {
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    let rest = &url[scheme_end + 3..];
    let rest = &rest[..rest.find('#').unwrap_or(rest.len())];
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let after = &rest[host_end..];
    let (path, query) = match after.find('?') {
        Some(q) => (&after[..q], &after[q + 1..]),
        None => (after, ""),
    };
    Some((scheme, host, path, query))
}

/// One layer of proxy, if `url` is a proxy URL.
fn unwrap_once(url: &str) -> Option<String> {
    let (_, host, path, query) = split_url(url)?;
    let host = host.to_ascii_lowercase();
    // images.weserv.nl / wsrv.nl: `url=` may be scheme-less (`ichef.bbci.co.uk/…`) or `ssl:host/…`.
    if host.ends_with("weserv.nl") || host == "wsrv.nl" {
        let value = query_param(query, "url")?;
        return Some(absolutize_schemeless(&value));
    }
    // Next.js image optimizer: `/_next/image?url=/relative/or/absolute&w=…`.
    if path.contains("/_next/image") || path.contains("/_vercel/image") {
        let value = query_param(query, "url")?;
        return resolve_url(&value, Some(url));
    }
    // WordPress Photon: `i0.wp.com/example.com/path.jpg?resize=…` → `https://example.com/path.jpg`.
    if is_photon_host(&host) {
        let inner = path.trim_start_matches('/');
        if inner.contains('.') && inner.contains('/') {
            return Some(format!("https://{inner}"));
        }
    }
    // An absolute URL embedded in the path (Cloudinary `image/fetch/<transforms>/<URL>`, many CDNs).
    if let Some(inner) = url_in_path(path, query) {
        return Some(inner);
    }
    // Any query parameter holding an absolute image URL (imgix-like, resizers, `?image=` proxies).
    url_in_query(query)
}

fn is_photon_host(host: &str) -> bool {
    matches!(host, "i0.wp.com" | "i1.wp.com" | "i2.wp.com" | "i3.wp.com")
}

/// `host/path` or `ssl:host/path` → `https://host/path`; absolute and protocol-relative kept.
fn absolutize_schemeless(value: &str) -> String {
    let v = value.trim();
    if v.starts_with("http://") || v.starts_with("https://") {
        return v.to_owned();
    }
    if let Some(rest) = v.strip_prefix("//") {
        return format!("https://{rest}");
    }
    let v = v.strip_prefix("ssl:").unwrap_or(v);
    format!("https://{v}")
}

/// An absolute URL starting inside `path` (after the first segment), with the query appended.
fn url_in_path(path: &str, query: &str) -> Option<String> {
    // Every marker below starts with "/http": a path without it (most) is ruled out by one scan,
    // before it is lower-cased and searched for each marker.
    if !path.as_bytes().windows(5).any(|w| w.eq_ignore_ascii_case(b"/http")) {
        return None;
    }
    let lower = path.to_ascii_lowercase();
    let start = ["/https://", "/http://", "/https:/", "/http:/", "/https%3a%2f%2f", "/http%3a%2f%2f", "/https%3a/", "/http%3a/"]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()?;
    let mut inner = percent_decode(&path[start + 1..]);
    // Collapsed slashes ("https:/host") come from CDNs that normalise paths.
    for scheme in ["https:/", "http:/"] {
        if inner.starts_with(scheme) && !inner.starts_with(&format!("{scheme}/")) {
            inner.insert(scheme.len(), '/');
        }
    }
    if !query.is_empty() {
        inner.push('?');
        inner.push_str(query);
    }
    Some(inner)
}

/// The first query parameter whose (decoded) value is an absolute image URL.
fn url_in_query(query: &str) -> Option<String> {
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_fully(value);
        let absolute = value.starts_with("http://") || value.starts_with("https://") || value.starts_with("//");
        if !absolute {
            continue;
        }
        let name = percent_decode(name).to_ascii_lowercase();
        if URL_PARAM_NAMES.contains(&name) || has_image_extension(&value) {
            return Some(absolutize_schemeless(&value));
        }
    }
    None
}

/// A query parameter's decoded value.
fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=')?;
        (n.eq_ignore_ascii_case(name) && !v.is_empty()).then(|| decode_fully(v))
    })
}

/// Percent-decodes until the value stops changing (double-encoded proxy chains), at most 3 times.
fn decode_fully(v: &str) -> String {
    let mut s = v.to_owned();
    for _ in 0..3 {
        let d = percent_decode(&s);
        if d == s {
            break;
        }
        s = d;
    }
    s
}

/// `%XX` → byte (invalid UTF-8 replaced); malformed escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// True when the URL's path ends with a picture file extension.
pub fn has_image_extension(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    IMAGE_EXTENSIONS.any_suffix_of(&path)
}

/// Path segments that name a folder or a size, not a picture.
const GENERIC_SEGMENTS: Words = words![
    "image", "images", "img", "media", "photo", "photos", "upload", "uploads", "production", "original", "master",
    "large", "medium", "small", "thumb", "thumbnail", "thumbnails", "default", "content", "assets", "static",
];

/// The last path segment that names the picture itself: extensions and `-1024x768` size suffixes
/// stripped; segments without a letter, shorter than 6 characters or generic are skipped. None for
/// an inline `data:` picture.
pub fn picture_key(url: &str) -> Option<String> {
    // An inline picture has no file name: its base64 payload holds `/`s, and scanning its
    // segments as a path cost more than the rest of a small page's analysis (data-url-image).
    if super::is_data_url(url) {
        return None;
    }
    let inner = unwrap_proxies(url, None);
    let (_, _, path, _) = split_url(&inner).unwrap_or(("", "", inner.as_str(), ""));
    path.split('/').rev().find_map(|seg| {
        let seg = crate::case::lowercase(&percent_decode(seg));
        // Keep the first extension (a .png is not its .jpg twin), drop converter suffixes (.jpg.webp).
        let mut parts = seg.split('.');
        let stem = strip_size_suffix(parts.next().unwrap_or(""));
        let ext = parts.next().unwrap_or("");
        let distinctive = stem.chars().count() >= 6
            && stem.chars().any(|c| c.is_alphabetic())
            && !GENERIC_SEGMENTS.contains(stem);
        distinctive.then(|| format!("{stem}.{ext}"))
    })
}

/// `photo-1024x768` → `photo`, `photo_800x600` → `photo`.
fn strip_size_suffix(stem: &str) -> &str {
    if let Some(i) = stem.rfind(['-', '_']) {
        let tail = &stem[i + 1..];
        if let Some((w, h)) = tail.split_once('x') {
            if !w.is_empty() && !h.is_empty() && w.chars().all(|c| c.is_ascii_digit()) && h.chars().all(|c| c.is_ascii_digit()) {
                return &stem[..i];
            }
        }
    }
    stem
}

/// True when `a` and `b` name the same picture (same distinctive file name).
pub fn same_picture(a: &str, b: &str) -> bool {
    match (picture_key(a), picture_key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_picks_the_widest_then_the_densest() {
        let c = parse_srcset("a.jpg 240w, https://x/b.jpg 800w,c.jpg 480w");
        assert_eq!(c.len(), 3);
        assert_eq!(best_candidate(&c).unwrap().url, "https://x/b.jpg");
        let c = parse_srcset("a.jpg, b.jpg 2x, c.jpg 1.5x");
        assert_eq!(best_candidate(&c).unwrap().url, "b.jpg");
        let c = parse_srcset("https://res.cloudinary.com/d/image/upload/w_100,h_80/a.jpg 100w, https://res.cloudinary.com/d/image/upload/w_200,h_160/a.jpg 200w");
        assert_eq!(best_candidate(&c).unwrap().url, "https://res.cloudinary.com/d/image/upload/w_200,h_160/a.jpg");
        assert!(parse_srcset("  ,  ").is_empty());
    }

    #[test]
    fn unwraps_weserv_with_a_schemeless_url() {
        assert_eq!(
            unwrap_proxies("https://images.weserv.nl/?url=ichef.bbci.co.uk/ace/ws/640/a.jpg.webp", None),
            "https://ichef.bbci.co.uk/ace/ws/640/a.jpg.webp"
        );
        assert_eq!(unwrap_proxies("https://wsrv.nl/?url=ssl:example.com/a.png&w=300", None), "https://example.com/a.png");
        assert_eq!(
            unwrap_proxies("https://images.weserv.nl/?url=https%3A%2F%2Fexample.com%2Fa.jpg&w=640", None),
            "https://example.com/a.jpg"
        );
    }

    #[test]
    fn unwraps_next_image_relative_and_absolute() {
        assert_eq!(
            unwrap_proxies("/_next/image?url=%2Fimages%2Fhero.jpg&w=1080&q=75", Some("https://news.example/story")),
            "https://news.example/images/hero.jpg"
        );
        assert_eq!(
            unwrap_proxies("https://site.example/_next/image?url=https%3A%2F%2Fcdn.example%2Fa.webp&w=640&q=75", None),
            "https://cdn.example/a.webp"
        );
    }

    #[test]
    fn unwraps_photon() {
        assert_eq!(
            unwrap_proxies("https://i2.wp.com/blog.example.org/wp-content/uploads/2020/01/a.jpg?resize=800%2C600&ssl=1", None),
            "https://blog.example.org/wp-content/uploads/2020/01/a.jpg"
        );
    }

    #[test]
    fn unwraps_cloudinary_fetch_and_path_embedded_urls() {
        assert_eq!(
            unwrap_proxies("https://res.cloudinary.com/demo/image/fetch/w_300,h_200,c_fill/https://upload.wikimedia.org/a/b.jpg", None),
            "https://upload.wikimedia.org/a/b.jpg"
        );
        assert_eq!(
            unwrap_proxies("https://res.cloudinary.com/demo/image/fetch/f_auto/https%3A%2F%2Fex.com%2Fp.png", None),
            "https://ex.com/p.png"
        );
        assert_eq!(unwrap_proxies("https://cdn.example/resize/800/https:/origin.example/p.jpg", None), "https://origin.example/p.jpg");
    }

    #[test]
    fn unwraps_any_query_parameter_holding_an_image_url() {
        assert_eq!(
            unwrap_proxies("https://img.example.net/fit?w=800&image=https%3A%2F%2Fa.example%2Fb%2Fc.jpeg&sig=1", None),
            "https://a.example/b/c.jpeg"
        );
        // A parameter with an unrecognised name counts only when it is a picture file.
        assert_eq!(unwrap_proxies("https://x.example/p.jpg?ref=https%3A%2F%2Fa.example%2Fpage", None), "https://x.example/p.jpg?ref=https%3A%2F%2Fa.example%2Fpage");
        assert_eq!(unwrap_proxies("https://x.example/r?foo=https%3A%2F%2Fa.example%2Fz.png", None), "https://a.example/z.png");
    }

    #[test]
    fn unwraps_nested_proxies() {
        let photon = "https://i0.wp.com/origin.example/wp-content/uploads/a.jpg";
        let weserv = format!("https://images.weserv.nl/?url={}", photon.replace(':', "%3A").replace('/', "%2F"));
        let next = format!("https://site.example/_next/image?url={}&w=640", weserv.replace('%', "%25").replace(':', "%3A").replace('/', "%2F").replace('?', "%3F").replace('=', "%3D"));
        assert_eq!(unwrap_proxies(&next, None), "https://origin.example/wp-content/uploads/a.jpg");
    }

    #[test]
    fn resolves_relative_sources_against_the_page() {
        assert_eq!(unwrap_proxies("../img/a.jpg", Some("https://ex.com/news/2024/story.html")), "https://ex.com/news/img/a.jpg");
        assert_eq!(unwrap_proxies("https://plain.example/a.jpg", None), "https://plain.example/a.jpg");
    }

    #[test]
    fn an_inline_picture_has_no_file_name() {
        // Its base64 has `/`s, and "Qm9va3NoZWxm" would otherwise pass for a distinctive name.
        assert_eq!(picture_key("data:image/png;base64,iVBORw0K/Qm9va3NoZWxm/AAAA"), None);
        assert_eq!(picture_key("DATA:image/png;base64,iVBORw0K/Qm9va3NoZWxm/AAAA"), None);
        assert_eq!(picture_key("https://a.com/u/Qm9va3NoZWxm.png").as_deref(), Some("qm9va3nozwxm.png"));
    }

    #[test]
    fn same_picture_ignores_sizes_and_proxies() {
        assert!(same_picture(
            "https://ichef.bbci.co.uk/ace/ws/1024/cpsprodpb/2D9B/production/_133457611_putin_kim_01_reuters.jpg",
            "https://images.weserv.nl/?url=ichef.bbci.co.uk/ace/ws/640/cpsprodpb/2D9B/production/_133457611_putin_kim_01_reuters.jpg.webp"
        ));
        assert!(same_picture("https://a.com/u/sunset-1024x768.jpg", "https://a.com/u/sunset.jpg"));
        assert!(!same_picture("https://a.com/u/sunset.jpg", "https://a.com/u/sunset.png"));
        assert!(!same_picture("https://a.com/m/0_0_4800_3200/master/4800.jpg", "https://a.com/n/0_0_4800_3200/master/4800.jpg"));
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%2Fb%zz%"), "a/b%zz%");
        assert_eq!(percent_decode("%E5%9B%BE"), "图");
    }
}
