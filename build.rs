//! Build step: the overlay's stylesheet, minified for embedding.
//!
//! `extension/overlay.css` is the readable source (its comments explain choices); the wasm embeds
//! it (`src/web/overlay.rs`, `include_str!` of `$OUT_DIR/overlay.css`), where comments and
//! indentation were 8 KB of the data section. The minifier only removes what CSS ignores:
//!
//! 1. comments;
//! 2. whitespace next to `{` `}` `;` `,` and after `:` (a space before `:` can be a descendant
//!    combinator, `a :is(p)`, so it stays), and at the ends;
//! 3. every other run of whitespace becomes one space;
//! 4. the `;` right before a `}`.
//!
//! Quoted strings are copied unchanged. The browser test `overlay_stylesheet_is_the_source_minified`
//! (tests/web.rs) checks with the browser's own CSS parser that the minified sheet has the same
//! rules, selectors and declarations as the source.

use std::{env, fs, path::Path};

const SOURCE: &str = "extension/overlay.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let css = fs::read_to_string(SOURCE).expect("extension/overlay.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("overlay.css");
    fs::write(out, minify_css(&css)).expect("OUT_DIR is writable");
}

/// Characters next to which whitespace means nothing (only after, for `:`).
fn drops_space_before(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',')
}
fn drops_space_after(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | ':')
}

fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        // 1. Comments.
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for c in chars.by_ref() {
                if last == '*' && c == '/' {
                    break;
                }
                last = c;
            }
            continue;
        }
        // 2–3. Whitespace: held back until the next character says whether it matters.
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            space = false;
            let after = out.chars().last();
            if after.is_some_and(|a| !drops_space_after(a)) && !drops_space_before(c) {
                out.push(' ');
            }
        }
        // 4. `;}` → `}`.
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        // Strings, copied as they are (with their escapes).
        if c == '"' || c == '\'' {
            while let Some(s) = chars.next() {
                out.push(s);
                if s == '\\' {
                    if let Some(escaped) = chars.next() {
                        out.push(escaped);
                    }
                } else if s == c {
                    break;
                }
            }
        }
    }
    out
}
