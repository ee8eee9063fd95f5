//! Fixture test: one named test per labelled page in `tests/labels/images/` (see
//! `tests/images_eval/mod.rs` for the label format). Each page must give every labelled picture,
//! nothing else, and the labelled origin, credit and caption — except the fields the label file
//! lists under `known_gaps`, which the benchmark (`examples/images_bench.rs`) still measures.

mod images_eval;

use libtest_mimic::{Arguments, Failed, Trial};

fn check(page: &images_eval::Page) -> Result<(), Failed> {
    let found = images_eval::run(page);
    let score = images_eval::score(page, &found);
    let failures: Vec<String> = score
        .misses
        .iter()
        .filter(|(field, _)| !page.known_gaps.iter().any(|g| g == field))
        .map(|(field, m)| format!("{field}: {m}"))
        .collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let trials = images_eval::pages()
        .into_iter()
        .map(|page| Trial::test(format!("images::{}", page.slug), move || check(&page)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
