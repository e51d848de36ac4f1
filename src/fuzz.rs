//! The fuzz targets' bodies: one function per input-facing parser, each
//! taking arbitrary bytes and checking what must hold for any input (no
//! panic; for Markdown, no script survives). `fuzz/` runs them under
//! libFuzzer (`cargo fuzz`, nightly or `RUSTC_BOOTSTRAP=1`);
//! `tests/fuzz_corpus.rs` replays the kept corpus through them on stable
//! Rust in every `cargo test`. Not an API: hidden from the docs.

use std::path::Path;
use std::sync::OnceLock;

use crate::brief::Brief;
use crate::ingest::article::{Context, extract, render_brief};
use crate::ingest::clean::Boilerplate;
use crate::ingest::glue::CorpusWords;
use crate::source::SourceText;
use crate::topic::{Topic, TopicMatcher};

/// A target's body: any bytes in, nothing out; a panic is a finding.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/<name>.rs` and the corpus
/// folders `fuzz/corpus/<name>/` are called.
pub const TARGETS: &[(&str, Target)] = &[
    ("brief", brief),
    ("topic", topic),
    ("site_toml", site_toml),
    ("aliases", aliases),
    ("markdown", markdown),
    ("text_source", text_source),
    ("html_source", html_source),
    ("mhtml_source", mhtml_source),
];

/// A brief file: front matter and body; parsed, its body rendered.
pub fn brief(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(b) = Brief::parse("fuzz", Path::new("content/briefs/fuzz.md"), text) {
        markdown(b.body.text().as_bytes());
    }
}

/// A topic file.
pub fn topic(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Topic::parse("fuzz", Path::new("content/topics/fuzz.md"), text);
    }
}

/// site.toml.
pub fn site_toml(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = crate::config::SiteConfig::parse(text);
    }
}

/// `content/aliases.yaml`, then used to merge the entities of a brief.
pub fn aliases(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(aliases) = crate::yaml::from_str::<crate::analyse::Aliases>(text) else {
        return;
    };
    let Ok(b) = Brief::parse(
        "fuzz",
        Path::new("content/briefs/fuzz.md"),
        "---\ntitle: Talks\npeople:\n- name: Fuad Hussein\n  aliases: [Fouad Hussein]\n  roles: [foreign minister]\n  lines: [1]\n---\nFuad Hussein spoke.\n",
    ) else {
        return;
    };
    let _ = crate::analyse::analyse(&[b], topics(), &[], &aliases);
}

/// Markdown of a brief body: rendered and sanitised, no script survives.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = crate::render::markdown::render(text, &|u| Some(format!("x/{u}")));
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script survived sanitising: {html}"
    );
    let _ = crate::analyse::plain_text(text);
}

/// A raw text source through the whole extraction and the brief file.
pub fn text_source(data: &[u8]) {
    ingest("fuzz.txt", data);
}

/// A saved HTML page through the whole extraction and the brief file.
pub fn html_source(data: &[u8]) {
    ingest("fuzz.html", data);
}

/// A page saved as one file (MIME, `.mhtml`) through the whole extraction.
pub fn mhtml_source(data: &[u8]) {
    ingest("fuzz.mhtml", data);
}

fn ingest(name: &str, bytes: &[u8]) {
    let Ok(source) = SourceText::from_bytes(name, bytes) else {
        return;
    };
    static BOILERPLATE: OnceLock<Boilerplate> = OnceLock::new();
    // Compiled once: the default patterns cost more than a small page.
    let boilerplate = BOILERPLATE.get_or_init(|| Boilerplate::new(&[]));
    let corpus = CorpusWords::from_texts([&*source.text]);
    static MATCHER: OnceLock<TopicMatcher> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| TopicMatcher::new(topics().iter().map(|t| &t.rules)));
    let ctx = Context {
        topics: topics(),
        matcher,
        boilerplate,
        corpus: &corpus,
    };
    let draft = extract(&source, &ctx);
    let _ = render_brief(&draft, name, "fuzz");
}

/// One topic with phrases, so that tagging runs.
fn topics() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        let text = "---\ntitle: Talks\norder: 1\nrules:\n  threshold: 2\n  phrases:\n    - text: ceasefire\n      aliases: [truce]\n      weight: 2\n    - talks\n    - coalition\n---\nTalks.\n";
        Topic::parse("talks", Path::new("content/topics/talks.md"), text)
            .map(|t| vec![t])
            .unwrap_or_default()
    })
}
