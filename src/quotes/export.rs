//! Quotes for the clipboard: plain text (`“quote” — Speaker` lines, then the article's title, site,
//! date and URL) and a Markdown variant. The overlay's "Copy quotes" calls these.

use super::Quote;
use crate::markdown::escape_inline;
use crate::metadata::Metadata;

/// Opening and closing marks for a quote, by the quote's script (「」 for Japanese, “” otherwise).
fn marks(text: &str) -> (&'static str, &'static str) {
    if text.chars().any(crate::text::is_kana) {
        ("「", "」")
    } else {
        ("“", "”")
    }
}

/// One quote as a line: `“quote” — Speaker` (no dash when the speaker is unknown).
pub fn quote_line(q: &Quote) -> String {
    let (open, close) = marks(&q.text);
    match &q.speaker {
        Some(s) => format!("{open}{}{close} — {s}", q.text),
        None => format!("{open}{}{close}", q.text),
    }
}

fn source_lines(meta: &Metadata) -> Vec<String> {
    let date = meta.published.as_deref().map(crate::metadata::display_date);
    [Some(meta.title.trim()).filter(|t| !t.is_empty()), meta.site_name.as_deref(), date, meta.url.as_deref()]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Plain text: one `“quote” — Speaker` line per quote, a blank line, then title, site, date and URL
/// on their own lines (the ones that are known).
pub fn to_clipboard_text(quotes: &[Quote], meta: &Metadata) -> String {
    let mut out: Vec<String> = quotes.iter().map(quote_line).collect();
    let source = source_lines(meta);
    if !source.is_empty() {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(source);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Markdown: each quote as a block quote with its speaker (and role), then a source line
/// `[Title](URL) — Site, date`.
pub fn to_clipboard_markdown(quotes: &[Quote], meta: &Metadata) -> String {
    let mut out = String::new();
    for q in quotes {
        let (open, close) = marks(&q.text);
        out.push_str(&format!("> {open}{}{close}\n", escape_inline(&q.text)));
        if let Some(s) = &q.speaker {
            match &q.role {
                Some(r) => out.push_str(&format!(">\n> — **{}**, {}\n", escape_inline(s), escape_inline(r))),
                None => out.push_str(&format!(">\n> — **{}**\n", escape_inline(s))),
            }
        }
        out.push('\n');
    }
    let title = escape_inline(meta.title.trim());
    let mut source = match (&meta.url, title.is_empty()) {
        (Some(u), false) => format!("[{title}]({})", u.replace(' ', "%20").replace(')', "%29")),
        (Some(u), true) => format!("<{u}>"),
        (None, _) => title,
    };
    let date = meta.published.as_deref().map(crate::metadata::display_date);
    let rest: Vec<String> = [meta.site_name.as_deref(), date].into_iter().flatten().map(escape_inline).collect();
    if !rest.is_empty() {
        if !source.is_empty() {
            source.push_str(" — ");
        }
        source.push_str(&rest.join(", "));
    }
    if !source.is_empty() {
        out.push_str("Source: ");
        out.push_str(&source);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::Kind;
    use crate::snapshot::NodeId;

    fn q(text: &str, speaker: Option<&str>, role: Option<&str>) -> Quote {
        Quote { text: text.into(), speaker: speaker.map(Into::into), role: role.map(Into::into), kind: Kind::Key, score: 1.0, target: NodeId(0), start: 0, end: 0 }
    }

    fn meta() -> Metadata {
        Metadata {
            title: "Obama on guns".into(),
            site_name: Some("BBC News".into()),
            published: Some("2015-07-24T10:00:00Z".into()),
            url: Some("https://www.bbc.com/news/world-us-canada-33646875".into()),
            ..Default::default()
        }
    }

    #[test]
    fn plain_text_lists_quotes_then_source() {
        let text = to_clipboard_text(&[q("It is distressing", Some("Barack Obama"), None), q("权宜婚姻", None, None)], &meta());
        assert_eq!(
            text,
            "“It is distressing” — Barack Obama\n“权宜婚姻”\n\nObama on guns\nBBC News\n2015-07-24\nhttps://www.bbc.com/news/world-us-canada-33646875\n"
        );
    }

    #[test]
    fn markdown_escapes_and_links() {
        let md = to_clipboard_markdown(&[q("a *bold* claim", Some("Jane Doe"), Some("a lawyer"))], &meta());
        assert!(md.starts_with("> “a \\*bold\\* claim”\n>\n> — **Jane Doe**, a lawyer\n\n"), "{md}");
        assert!(md.ends_with("Source: [Obama on guns](https://www.bbc.com/news/world-us-canada-33646875) — BBC News, 2015-07-24\n"), "{md}");
    }

    #[test]
    fn json_scores_have_three_decimals() {
        let mut quote = q("x", None, None);
        quote.score = 0.755;
        let json = serde_json::to_string(&quote).unwrap();
        assert!(json.contains(r#""score":0.755"#), "{json}");
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        assert_eq!(to_clipboard_text(&[], &Metadata::default()), "\n");
        assert_eq!(to_clipboard_markdown(&[], &Metadata::default()), "");
    }
}
