//! `broadsheet` — the reader's core on the command line.
//!
//! ```text
//! broadsheet extract PAGE.html [--url URL] [--format json|text|markdown|html] [--force] [--container SELECTOR]
//! ```
//! `PAGE.html` may be `-` for standard input. `--container` names the article's container as the
//! overlay's "Pick the content" does (`html > body:nth-child(2) > div#main:nth-child(3)`, see
//! `broadsheet::selector`) instead of letting the extraction choose. Errors go to standard error
//! with a non-zero exit.

use broadsheet::{analyze, snapshot, Error, Options};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: broadsheet extract PAGE.html [--url URL] [--format json|text|markdown|html] [--force] [--container SELECTOR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("broadsheet: {msg}");
            ExitCode::from(if msg.starts_with("usage") { 2 } else { 1 })
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    if cmd != "extract" {
        return Err(USAGE.to_string());
    }
    let mut path = None;
    let mut url = None;
    let mut format = "json".to_string();
    let mut options = Options::default();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => url = Some(it.next().ok_or(USAGE)?.clone()),
            "--format" => format = it.next().ok_or(USAGE)?.clone(),
            "--force" => options.force = true,
            "--container" => {
                let text = it.next().ok_or(USAGE)?;
                options.container = Some(broadsheet::selector::parse(text).map_err(|e| e.to_string())?);
            }
            p if path.is_none() => path = Some(p.to_string()),
            _ => return Err(USAGE.to_string()),
        }
    }
    let path = path.ok_or(USAGE)?;
    let html = read_input(&path).map_err(|e| e.to_string())?;
    let doc = snapshot::from_html(&html, url.as_deref());
    let analysis = analyze(&doc, &options).map_err(|e| e.to_string())?;
    match format.as_str() {
        "json" => {
            let mut v = serde_json::to_value(&analysis).map_err(|e| e.to_string())?;
            v["text"] = analysis.article.text().into();
            v["html"] = analysis.article.html().into();
            Ok(serde_json::to_string_pretty(&v).map_err(|e| e.to_string())? + "\n")
        }
        "text" => Ok(format!("{}\n\n{}\n", analysis.metadata.title, analysis.article.text())),
        "html" => Ok(analysis.article.html() + "\n"),
        "markdown" => Ok(broadsheet::markdown::analysis_to_markdown(&analysis)),
        other => Err(format!("unknown format {other:?} (json, text, markdown or html)")),
    }
}

fn read_input(path: &str) -> Result<String, Error> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    res.map_err(|e| Error::Unreadable { path: path.to_string(), reason: e.to_string() })?;
    if bytes.is_empty() || bytes.iter().take(4096).filter(|b| **b == 0).count() > 0 {
        return Err(Error::NotHtml);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
