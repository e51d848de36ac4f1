//! Files for publishing and discovery: Atom feeds, the sitemap, robots.txt
//! (the search index is `search.rs`).
//!
//! Feeds and the sitemap need absolute URLs and are written only when
//! `base_url` is set; their dates come from the briefs, never from the clock.

use rayon::prelude::*;

use super::links;
use super::{Page, RenderInput, escape_html};

/// Entries per feed: the newest; feed readers want news, not the archive.
pub const FEED_ENTRIES: usize = 100;

/// `robots.txt`: every page may be read, and where the sitemap is (when
/// `base_url` says where the site lives).
pub fn robots_txt(input: &RenderInput<'_>) -> Page {
    let base = input.config.base_url_slash();
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if !base.is_empty() {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    Page {
        path: "robots.txt".to_string(),
        bytes: text.into_bytes(),
    }
}

/// Atom feeds (all briefs, and one per topic) and the sitemap, when `base_url` is set.
pub fn feeds_and_sitemap(input: &RenderInput<'_>, html_paths: &[String]) -> Vec<Page> {
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
        &(0..a.stories.len()).collect::<Vec<_>>(),
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
            &a.stories_of_topic(t),
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
    stories: &[usize],
) -> Page {
    // `briefs` is newest first; the feed carries the newest only.
    let briefs = &briefs[..briefs.len().min(FEED_ENTRIES)];
    // The newest brief's date, not the clock: rebuilding changes nothing.
    // Story updates: those of `stories` the latest day added to (a topic's
    // feed: its stories').
    let updates: Vec<(&crate::analyse::Story, chrono::NaiveDate, String)> =
        match input.analysis.latest_day {
            Some(day) => (stories.iter())
                .map(|&s| &input.analysis.stories[s])
                .filter_map(|s| Some((s, day, s.update_summary()?)))
                .collect(),
            None => Vec::new(),
        };
    let updated = briefs
        .iter()
        .filter_map(|&b| input.briefs[b].published)
        .chain(updates.iter().map(|u| u.1))
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
            .unwrap_or_else(|| input.analysis.briefs[b].lead.summary.clone());
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
    for (story, day, summary) in &updates {
        let url = format!("{base}{}", links::story(&story.slug));
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <title>{}</title>\n",
            escape_html(&format!("Story update: {}", story.title))
        ));
        // One entry per story and day: a later update is a new entry.
        x.push_str(&format!(
            "    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_html(&format!("{url}#update-{day}")),
            escape_html(&url)
        ));
        x.push_str(&format!("    <updated>{}</updated>\n", stamp(*day)));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_html(summary)
        ));
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
