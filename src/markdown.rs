//! Markdown export: the article (with outline-ready headings, images and credits) as Markdown, for
//! the CLI's `--format markdown` and the overlay's "copy as Markdown".

use crate::article::Piece;
use crate::snapshot::{Attr, Tag};
use crate::Analysis;

/// The whole analysis as a Markdown document: title, a metadata line, then the article.
pub fn analysis_to_markdown(a: &Analysis) -> String {
    let mut out = format!("# {}\n\n", a.metadata.title.trim());
    // Byline · site · date, each once: many sites name themselves as the author (the seed's byline
    // is "BBC News 中文", its site name too).
    let m = &a.metadata;
    let date = m.published.as_deref().map(crate::metadata::display_date);
    let mut meta: Vec<&str> = Vec::new();
    for part in [m.byline.as_deref(), m.site_name.as_deref(), date].into_iter().flatten().map(str::trim) {
        if !part.is_empty() && !meta.iter().any(|seen| seen.eq_ignore_ascii_case(part)) {
            meta.push(part);
        }
    }
    if !meta.is_empty() {
        out.push_str(&format!("*{}*\n\n", meta.join(" · ")));
    }
    out.push_str(&pieces_to_markdown(&a.article.pieces));
    if let Some(url) = &a.metadata.url {
        out.push_str(&format!("\n\nSource: <{url}>\n"));
    }
    out
}

/// Escapes the characters that would start Markdown syntax inside a line of text (emphasis, links,
/// code, HTML, headings). Shared by the outline and the quote exports.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Renders the sanitized stream as Markdown (iteratively; nesting depth is tracked, not recursed).
pub fn pieces_to_markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut open: Vec<(Tag, Option<String>)> = Vec::new();
    let mut list_depth = 0usize;
    let flush = |line: &mut String, out: &mut String, prefix: &str| {
        let t = crate::text::fold_whitespace(line);
        if !t.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(prefix);
            out.push_str(&t);
        }
        line.clear();
    };
    for p in pieces {
        match p {
            Piece::Open { tag, attrs, .. } => {
                let href = attrs.iter().find(|(a, _)| *a == Attr::Href || *a == Attr::Src).map(|(_, v)| v.clone());
                match tag {
                    Tag::Ul | Tag::Ol => list_depth += 1,
                    Tag::Em | Tag::I => line.push('*'),
                    Tag::Strong | Tag::B => line.push_str("**"),
                    Tag::Code => line.push('`'),
                    Tag::A => line.push('['),
                    Tag::Img => {
                        let alt = attrs.iter().find(|(a, _)| *a == Attr::Alt).map(|(_, v)| v.as_str()).unwrap_or("");
                        if let Some(src) = &href {
                            line.push_str(&format!("![{alt}]({src})"));
                        }
                    }
                    Tag::Br => line.push(' '),
                    t if t.is_block() => flush(&mut line, &mut out, ""),
                    _ => {}
                }
                open.push((*tag, href));
            }
            Piece::Text(t) => line.push_str(t),
            Piece::Close => {
                let Some((tag, href)) = open.pop() else { continue };
                match tag {
                    Tag::Ul | Tag::Ol => list_depth = list_depth.saturating_sub(1),
                    Tag::Em | Tag::I => line.push('*'),
                    Tag::Strong | Tag::B => line.push_str("**"),
                    Tag::Code => line.push('`'),
                    Tag::A => match href {
                        Some(h) => line.push_str(&format!("]({h})")),
                        None => line.push(']'),
                    },
                    t => {
                        if let Some(level) = t.heading_level() {
                            let prefix = "#".repeat(level as usize) + " ";
                            flush(&mut line, &mut out, &prefix);
                        } else if t == Tag::Li {
                            let prefix = "  ".repeat(list_depth.saturating_sub(1)) + "- ";
                            flush(&mut line, &mut out, &prefix);
                        } else if t == Tag::Blockquote {
                            flush(&mut line, &mut out, "> ");
                        } else if t.is_block() || t == Tag::Figcaption {
                            flush(&mut line, &mut out, "");
                        }
                    }
                }
            }
        }
    }
    flush(&mut line, &mut out, "");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Metadata;

    fn analysis(byline: Option<&str>, site: Option<&str>, published: Option<&str>) -> Analysis {
        Analysis {
            metadata: Metadata {
                title: "T".into(),
                byline: byline.map(Into::into),
                site_name: site.map(Into::into),
                published: published.map(Into::into),
                ..Default::default()
            },
            readerable: true,
            article: Default::default(),
            outline: vec![],
            quotes: vec![],
            images: vec![],
        }
    }

    #[test]
    fn metadata_line_names_each_part_once_with_a_plain_date() {
        let md = analysis_to_markdown(&analysis(Some("BBC News 中文"), Some("BBC News 中文"), Some("2024-06-19T04:12:00.000Z")));
        assert!(md.starts_with("# T\n\n*BBC News 中文 · 2024-06-19*\n"), "{md}");
        let md = analysis_to_markdown(&analysis(Some("Jane Doe"), Some("The Paper"), None));
        assert!(md.starts_with("# T\n\n*Jane Doe · The Paper*\n"), "{md}");
    }
}
