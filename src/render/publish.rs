//! Files for publishing and discovery: the offline search index, Atom
//! feeds, the sitemap, `.nojekyll` and `CNAME`.
//!
//! The search index is a JavaScript file (`assets/search-index.js`) that a
//! `<script>` tag loads: browsers refuse `fetch()` over `file://`, a script
//! tag they allow, so search works opened from disk. Feeds and the sitemap
//! need absolute URLs and are written only when `base_url` is set; their
//! dates come from the briefs, never from the clock.

use rayon::prelude::*;
use serde::Serialize;

use super::links;
use super::{Page, RenderInput, escape_html};
use crate::analyse::plain_text;

/// Entries per feed: the newest; feed readers want news, not the archive.
pub const FEED_ENTRIES: usize = 100;

/// Characters of a brief's plain text kept for the search index and feed
/// summaries (a first sentence is rarely longer).
pub const LEAD_CHARS: usize = 2000;

/// The start of every brief's plain text, whitespace collapsed, computed
/// once (in parallel, or taken from the memo) and shared by the search
/// index and the feeds.
pub fn plain_texts(input: &RenderInput<'_>) -> Vec<String> {
    let lead = |body: &str| {
        let text = plain_text(body);
        let mut out = String::with_capacity(text.len().min(LEAD_CHARS + 8));
        for (n, word) in text.split_whitespace().enumerate() {
            if out.len() >= LEAD_CHARS {
                break;
            }
            if n > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    };
    input
        .briefs
        .par_iter()
        .map(|b| match input.memo {
            Some(memo) => memo
                .leads
                .get_or(&crate::cache::hash_bytes(b.body.as_bytes()), || {
                    lead(&b.body)
                }),
            None => lead(&b.body),
        })
        .collect()
}

/// Characters of a brief's text kept in the search index (the rest is
/// reachable from the brief page; the index must stay small enough to load).
pub const INDEX_TEXT_CHARS: usize = 280;

#[derive(Serialize)]
struct SearchDoc {
    /// URL from the output root.
    u: String,
    /// Title.
    t: String,
    /// Kind: brief, topic, person, organisation, source.
    k: &'static str,
    /// Date (YYYY-MM-DD) or empty.
    d: String,
    /// Tags: topic titles, entity names, outlet.
    g: String,
    /// Text excerpt.
    x: String,
}

/// `assets/search-index.js`: every brief, topic and entity.
pub fn search_index(input: &RenderInput<'_>, plain: &[String]) -> Page {
    let a = input.analysis;
    let mut brief_entities: Vec<Vec<&str>> = vec![Vec::new(); input.briefs.len()];
    for e in &a.entities {
        for m in &e.mentions {
            brief_entities[m.brief].push(e.name.as_str());
        }
    }
    let mut docs: Vec<SearchDoc> =
        Vec::with_capacity(input.briefs.len() + input.topics.len() + a.entities.len());
    for &b in &a.newest_first {
        let brief = &input.briefs[b];
        let topic_titles = brief.topics.iter().filter_map(|t| {
            input
                .topics
                .iter()
                .find(|x| &x.slug == t)
                .map(|x| x.title.as_str())
        });
        let tags: Vec<&str> = topic_titles
            .chain(brief_entities[b].iter().copied())
            .chain(brief.outlet.as_deref())
            .collect();
        let text = &plain[b];
        docs.push(SearchDoc {
            u: links::brief(&brief.slug),
            t: brief.title.clone(),
            k: "brief",
            d: brief.published.map(|d| d.to_string()).unwrap_or_default(),
            g: tags.join(" · "),
            x: text.chars().take(INDEX_TEXT_CHARS).collect(),
        });
    }
    for t in input.topics {
        docs.push(SearchDoc {
            u: links::topic(&t.slug),
            t: t.title.clone(),
            k: "topic",
            d: String::new(),
            g: String::new(),
            x: plain_text(&t.summary)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(INDEX_TEXT_CHARS)
                .collect(),
        });
    }
    for e in &a.entities {
        docs.push(SearchDoc {
            u: links::entity(&e.slug),
            t: e.name.clone(),
            k: match e.kind {
                crate::analyse::EntityKind::Person => "person",
                crate::analyse::EntityKind::Organisation => "organisation",
            },
            d: String::new(),
            g: e.aliases.join(" · "),
            x: e.roles
                .iter()
                .map(|(r, _)| r.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    // JSON allows raw U+2028/U+2029, older JavaScript string literals do not.
    let json = serde_json::to_string(&docs)
        .unwrap_or_else(|_| "[]".to_string())
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    Page {
        path: "assets/search-index.js".to_string(),
        bytes: format!("/* Generated by dossier: the search index, loaded by a script tag so that search works from disk. */\nwindow.DOSSIER_SEARCH = {json};\n").into_bytes(),
    }
}

/// Atom feeds (all briefs, and one per topic) and the sitemap, when `base_url` is set.
pub fn feeds_and_sitemap(
    input: &RenderInput<'_>,
    html_paths: &[String],
    plain: &[String],
) -> Vec<Page> {
    let base = input.config.base_url_slash();
    if base.is_empty() {
        return Vec::new();
    }
    let a = input.analysis;
    let mut pages = vec![atom(
        input,
        &base,
        "feed.xml",
        &input.config.title,
        links::INDEX,
        &a.newest_first,
        plain,
    )];
    pages.par_extend(input.topics.par_iter().enumerate().map(|(t, topic)| {
        let briefs: Vec<usize> = a.topics[t].briefs.iter().map(|tb| tb.brief).collect();
        let title = format!("{}: {}", input.config.title, topic.title);
        atom(
            input,
            &base,
            &format!("topics/{}.xml", topic.slug),
            &title,
            &links::topic(&topic.slug),
            &briefs,
            plain,
        )
    }));
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<&String> = html_paths
        .iter()
        .filter(|p| p.as_str() != links::NOT_FOUND)
        .collect();
    paths.sort();
    for p in paths {
        sitemap.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_html(&format!("{base}{p}"))
        ));
    }
    sitemap.push_str("</urlset>\n");
    pages.push(Page {
        path: "sitemap.xml".to_string(),
        bytes: sitemap.into_bytes(),
    });
    pages
}

fn atom(
    input: &RenderInput<'_>,
    base: &str,
    path: &str,
    title: &str,
    html_page: &str,
    briefs: &[usize],
    plain: &[String],
) -> Page {
    // `briefs` is newest first; the feed carries the newest only.
    let briefs = &briefs[..briefs.len().min(FEED_ENTRIES)];
    // The newest brief's date, not the clock: rebuilding changes nothing.
    let updated = briefs
        .iter()
        .filter_map(|&b| input.briefs[b].published)
        .max()
        .map(stamp)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut x = String::new();
    x.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    x.push_str(&format!(
        " xml:lang=\"{}\">\n",
        escape_html(&input.config.language)
    ));
    x.push_str(&format!("  <title>{}</title>\n", escape_html(title)));
    if !input.config.description.is_empty() {
        x.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape_html(&input.config.description)
        ));
    }
    x.push_str(&format!(
        "  <id>{}</id>\n",
        escape_html(&format!("{base}{path}"))
    ));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_html(&format!("{base}{path}"))
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_html(&format!("{base}{html_page}"))
    ));
    x.push_str(&format!("  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n  <generator>dossier</generator>\n", escape_html(&input.config.title)));
    for &b in briefs {
        let brief = &input.briefs[b];
        let url = format!("{base}{}", links::brief(&brief.slug));
        let summary = brief
            .facts
            .key_points
            .first()
            .map(|k| k.text.clone())
            .unwrap_or_else(|| {
                crate::sentences::sentences(&plain[b])
                    .first()
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            });
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <title>{}</title>\n",
            escape_html(&brief.title)
        ));
        x.push_str(&format!(
            "    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_html(&url),
            escape_html(&url)
        ));
        let when = brief
            .published
            .map(stamp)
            .unwrap_or_else(|| updated.clone());
        x.push_str(&format!("    <updated>{when}</updated>\n"));
        if brief.published.is_some() {
            x.push_str(&format!("    <published>{when}</published>\n"));
        }
        for t in &brief.topics {
            x.push_str(&format!("    <category term=\"{}\"/>\n", escape_html(t)));
        }
        if !summary.is_empty() {
            x.push_str(&format!(
                "    <summary>{}</summary>\n",
                escape_html(&summary)
            ));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    Page {
        path: path.to_string(),
        bytes: x.into_bytes(),
    }
}

fn stamp(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}
