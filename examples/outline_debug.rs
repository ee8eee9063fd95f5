//! Prints the outline of a corpus page's expected article, with its blocks (a debugging aid).
//! `cargo run --example outline_debug SLUG [--no-headings]`

#[path = "../tests/outline_support/mod.rs"]
mod outline_support;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(slug) = args.first() else {
        eprintln!("usage: outline_debug SLUG [--no-headings]");
        return;
    };
    let (_, meta, mut article) = outline_support::expected_article(slug);
    if args.iter().any(|a| a == "--no-headings") {
        article.blocks.retain(|b| !matches!(b.kind, broadsheet::article::BlockKind::Heading(_)) && !b.emphasized);
    }
    for b in &article.blocks {
        let t: String = b.text.chars().take(70).collect();
        println!("{:>6} {:<12} {} {}", b.node.0, format!("{:?}", b.kind), if b.emphasized { "B" } else { " " }, t);
    }
    println!("---");
    print!("{}", broadsheet::outline::to_markdown(&broadsheet::outline::build(&article, &meta)));
}
