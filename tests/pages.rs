//! Ingest on pages in the layouts of other news sites (tests/fixtures/pages:
//! a wire reprint, a Kurdish dateline, a live blog, a saved HTML page with
//! metadata, a page without a headline, an Arabic-script page, state media,
//! a byline crediting a wire, a blog with comments, a press briefing, and
//! the layouts of broadcasters, agencies and papers: image labels, age
//! notices, datelines on their own line, language links, desk credits,
//! author biographies, a publisher named only in a link or an interview,
//! radio transcripts, video blocks, menus one item per line, think tanks,
//! portals reprinting a wire, microdata and WordPress pages),
//! measured against their hand labels in tests/fixtures/pages/gold.yaml.
//! Each page is written in the shape a real site gives it; each rule of
//! ingest that reads it is checked here: headline, outlet, date, people,
//! credits, authors, chrome left out, and the reason kept for each.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use dossier::brief::Brief;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    articles: Vec<Label>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Label {
    file: String,
    #[serde(default)]
    format: Option<String>,
    title: String,
    title_source: String,
    outlet: Option<String>,
    #[serde(default)]
    attribution: Vec<String>,
    published: Option<String>,
    topics: Vec<String>,
    #[serde(default)]
    topics_acceptable: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    boilerplate: Vec<String>,
    /// Lines of the article's text that must stay in the brief (fixtures'
    /// own field: text that looks like chrome to some rule).
    #[serde(default)]
    kept: Vec<String>,
    /// Outlets the page names that are no credit (fixtures' own field:
    /// "the National Security Advisor", a text-size button "AA").
    #[serde(default)]
    not_credited: Vec<String>,
    #[serde(default)]
    notes: String,
}

fn pages() -> std::path::PathBuf {
    repo().join("tests/fixtures/pages")
}

/// The repo's config, theme and topics with the fixture pages as sources,
/// ingested.
fn ingested() -> (tempfile::TempDir, BTreeMap<String, Brief>) {
    let dir = site_with_sources(&pages().join("sources"));
    dossier::build::ingest(dir.path(), false)
        .unwrap()
        .expect("site loads");
    let by_source = briefs_by_source(dir.path());
    (dir, by_source)
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The family name of a person, as the labels compare them.
fn surname(name: &str) -> String {
    let n = norm(name);
    n.split_whitespace()
        .filter(|w| *w != "al" && *w != "el")
        .map(|w| w.trim_start_matches("al-").trim_start_matches("el-"))
        .next_back()
        .unwrap_or("")
        .to_string()
}

fn labels() -> Vec<Label> {
    let gold: Gold = dossier::yaml::from_str(&read(&pages().join("gold.yaml"))).unwrap();
    gold.articles
}

#[test]
fn headlines_outlets_and_dates_match_the_labels() {
    let (_site, briefs) = ingested();
    for l in labels() {
        let b = &briefs[&l.file];
        let stamp = b.facts.ingest.as_ref().expect("ingest stamp");
        if l.title_source == "text" {
            assert_eq!(norm(&b.title), norm(&l.title), "{}: title", l.file);
            assert!(!stamp.title_derived, "{}", l.file);
        } else if l.title_source == "first_sentence" {
            // No headline: the lead's first sentence, its dateline dropped.
            assert_eq!(norm(&b.title), norm(&l.title), "{}: title", l.file);
            assert!(stamp.title_derived, "{}: a made-up title is marked", l.file);
        } else {
            assert!(stamp.title_derived, "{}: a made-up title is marked", l.file);
        }
        assert_eq!(
            b.outlet.as_deref().map(norm),
            l.outlet.as_deref().map(norm),
            "{}: outlet",
            l.file
        );
        assert_eq!(
            b.published.map(|d| d.to_string()),
            l.published,
            "{}: published",
            l.file
        );
        // Why each was decided is kept for the curator.
        for what in ["title:", "published:", "outlet:"] {
            let decided = match what {
                "published:" => b.published.is_some(),
                "outlet:" => b.outlet.is_some(),
                _ => true,
            };
            assert_eq!(
                stamp.notes.iter().any(|n| n.starts_with(what)),
                decided,
                "{}: no reason for {what} in {:?}",
                l.file,
                stamp.notes
            );
        }
    }
}

#[test]
fn credits_go_to_attribution_and_bylines_to_authors() {
    let (_site, briefs) = ingested();
    for l in labels() {
        let b = &briefs[&l.file];
        for a in &l.attribution {
            assert!(
                b.facts.attribution.iter().any(|x| norm(x) == norm(a)),
                "{}: {a} not credited in {:?}",
                l.file,
                b.facts.attribution
            );
            assert_ne!(b.outlet.as_deref().map(norm), Some(norm(a)), "{}", l.file);
        }
        for a in &l.not_credited {
            assert!(
                !b.facts.attribution.iter().any(|x| norm(x) == norm(a)),
                "{}: {a} credited in {:?}",
                l.file,
                b.facts.attribution
            );
        }
        let authors: Vec<String> = b.facts.authors.iter().map(|a| norm(a)).collect();
        let want: Vec<String> = l.authors.iter().map(|a| norm(a)).collect();
        assert_eq!(authors, want, "{}: authors", l.file);
    }
}

#[test]
fn people_are_found_and_nothing_else_is_a_person() {
    let (_site, briefs) = ingested();
    for l in labels() {
        let b = &briefs[&l.file];
        let found: Vec<String> = b
            .facts
            .people
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .map(|n| surname(n))
            .collect();
        for p in &l.people {
            assert!(
                found.contains(&surname(p)),
                "{}: {p} missed in {:?}",
                l.file,
                b.facts.people
            );
        }
        let allowed: Vec<String> = l
            .people
            .iter()
            .chain(&l.authors)
            .map(|n| surname(n))
            .collect();
        for p in &b.facts.people {
            assert!(
                allowed.contains(&surname(&p.name)),
                "{}: {:?} is not a person of the page",
                l.file,
                p.name
            );
        }
    }
}

#[test]
fn topics_match_the_labels() {
    let (_site, briefs) = ingested();
    for l in labels() {
        let b = &briefs[&l.file];
        for t in &l.topics {
            assert!(
                b.topics.contains(t),
                "{}: {t} missing, got {:?}",
                l.file,
                b.topics
            );
        }
        for t in &b.topics {
            assert!(
                l.topics.contains(t) || l.topics_acceptable.contains(t),
                "{}: {t} tagged",
                l.file
            );
        }
    }
}

/// A line of a page saved as Markdown as a reader sees it: a link is its
/// words ("[the council](https://...)" -> "the council").
fn shown(line: &str) -> String {
    let link = regex::Regex::new(r"\[([^\]]*)\]\([^)\s]*\)").unwrap();
    dossier::source::as_seen(link.replace_all(line, "$1").into_owned())
}

/// A text page's text as ingest reads it: a page decoded twice read once,
/// character references a scraper left read as characters. (An HTML
/// page's references are read by its parser.)
fn as_read(file: &str) -> String {
    let text = dossier::source::as_seen(read(&pages().join("sources").join(file)));
    if file.ends_with(".html") {
        text
    } else {
        dossier::source::references_read(text)
    }
}

#[test]
fn chrome_is_left_out_with_its_reason() {
    let (_site, briefs) = ingested();
    for l in labels() {
        let b = &briefs[&l.file];
        let body_lines: Vec<String> = b
            .body
            .text()
            .lines()
            .map(|line| norm(line.trim_start_matches('#').replace('\\', "").as_str()))
            .collect();
        let notes = b.facts.ingest.as_ref().unwrap().notes.join("\n");
        assert!(notes.contains("left out:"), "{}: {notes}", l.file);
        for chrome in l.boilerplate.iter().filter(|c| norm(c).len() >= 4) {
            // As the page shows the line: a Markdown link's words only.
            assert!(
                !body_lines.contains(&norm(&shown(chrome))),
                "{}: {chrome:?} kept in the body",
                l.file
            );
        }
        for text in &l.kept {
            assert!(
                body_lines.iter().any(|b| b.contains(&norm(text))),
                "{}: lost {text:?}",
                l.file
            );
        }
        // The article itself is there: its longest line survives (within
        // its paragraph, where the page wrapped its text at a fixed width;
        // a printout's header can be longer than any line of its text).
        // (The text as ingest reads it: a page decoded twice is read once.)
        let source = as_read(&l.file);
        if l.format.as_deref() != Some("html") {
            let longest = source
                .lines()
                .filter(|s| !l.boilerplate.iter().any(|c| c == s.trim()))
                .max_by_key(|s| s.len())
                .unwrap();
            assert!(
                body_lines
                    .iter()
                    .any(|b| b.contains(&norm(&shown(longest)))),
                "{}: lost {longest:?}",
                l.file
            );
        }
    }
}

#[test]
fn an_arabic_headline_gets_a_readable_slug() {
    let (_site, briefs) = ingested();
    let b = &briefs["p06_arabic.txt"];
    assert!(dossier::slug::is_slug(&b.slug), "{}", b.slug);
    let letters = b.slug.chars().filter(|c| c.is_ascii_alphabetic()).count();
    assert!(
        letters >= 10,
        "{}: the headline's words, transliterated",
        b.slug
    );
    assert!(b.title.starts_with("الحكومة"), "{}", b.title);
}

#[test]
fn the_labels_read_the_fixture_pages() {
    // Guards the fixture itself: every label names a page and every page has one.
    let files: Vec<String> = std::fs::read_dir(pages().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let labels = labels();
    assert_eq!(labels.len(), files.len());
    for l in &labels {
        let text = as_read(&l.file);
        assert!(text.contains(l.title.split(' ').next().unwrap()) || l.title_source != "text");
        for chrome in &l.boilerplate {
            if l.format.as_deref() != Some("html") {
                assert!(
                    text.lines()
                        .any(|line| dossier::source::as_seen(line.to_string()).trim() == chrome),
                    "{}: {chrome:?} is not a line of the page",
                    l.file
                );
            }
        }
        let _ = Path::new(&l.file);
    }
}
