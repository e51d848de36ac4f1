//! Ingest of one raw source (text or saved HTML page) with the shipped topics.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use dossier::ingest::article::{Context, extract};
use dossier::ingest::clean::Boilerplate;
use dossier::ingest::glue::CorpusWords;
use dossier::source::SourceText;
use dossier::topic::Topic;
use libfuzzer_sys::fuzz_target;

fn topics() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        [
            ("advisory-mission", include_str!("../../content/topics/advisory-mission.md")),
            ("militia-attacks", include_str!("../../content/topics/militia-attacks.md")),
            ("pmf", include_str!("../../content/topics/pmf.md")),
            ("gaza-spillover", include_str!("../../content/topics/gaza-spillover.md")),
        ]
        .into_iter()
        .map(|(slug, text)| Topic::parse(slug, Path::new(slug), text).expect("shipped topic"))
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let name = if kind % 2 == 0 { "fuzz.txt" } else { "fuzz.html" };
    let Ok(source) = SourceText::from_bytes(name, bytes) else {
        return;
    };
    let boilerplate = Boilerplate::new(&[]);
    let corpus = CorpusWords::from_texts([source.text.as_str()]);
    let ctx = Context {
        topics: topics(),
        boilerplate: &boilerplate,
        corpus: &corpus,
    };
    let draft = extract(&source, &ctx);
    let _ = dossier::ingest::article::render_brief(&draft, name, "fuzz");
});
