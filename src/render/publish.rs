//! Files for publishing and discovery: Atom feeds, the sitemap, robots.txt
//! (the search index is `search.rs`).
//!
//! Feeds and the sitemap need absolute URLs and are written only when
//! `base_url` is set; their dates come from the briefs, never from the clock.

use rayon::prelude::*;

use serde::Serialize;

use super::links;
use super::{Page, RenderInput, Theme};
use crate::diagnostics::Diagnostic;

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

/// Atom feeds (all briefs, and one per topic) and the sitemap, when
/// `base_url` is set: the theme's `atom.xml` and `sitemap.xml` templates
/// (a site may override them, as any template) filled with [`FeedView`]s
/// and the pages' absolute URLs.
pub fn feeds_and_sitemap(
    input: &RenderInput<'_>,
    theme: &Theme,
    html_paths: &[String],
) -> Result<Vec<Page>, Diagnostic> {
    let base = input.config.base_url_slash();
    if base.is_empty() {
        return Ok(Vec::new());
    }
    let a = input.analysis;
    let all_stories: Vec<usize> = (0..a.stories.len()).collect();
    let mut feeds = vec![feed(
        input,
        &base,
        "feed.xml",
        &input.config.title,
        links::INDEX,
        &a.newest_first,
        &all_stories,
    )];
    feeds.par_extend(input.topics.par_iter().enumerate().map(|(t, topic)| {
        let briefs: Vec<usize> = a.topics[t].briefs.iter().map(|tb| tb.brief).collect();
        let title = format!("{}: {}", input.config.title, topic.title);
        feed(
            input,
            &base,
            &format!("topics/{}.xml", topic.slug),
            &title,
            &links::topic(&topic.slug),
            &briefs,
            &a.stories_of_topic(t),
        )
    }));
    let mut pages = feeds
        .into_par_iter()
        .map(|(path, view)| {
            let mut ctx = tera::Context::new();
            ctx.insert("feed", &view);
            render_file(theme, FEED_TEMPLATE, &ctx, path)
        })
        .collect::<Result<Vec<Page>, Diagnostic>>()?;
    let urls: Vec<String> = html_paths
        .iter()
        .filter(|p| p.as_str() != links::NOT_FOUND)
        .map(|p| format!("{base}{p}"))
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("urls", &urls);
    pages.push(render_file(
        theme,
        SITEMAP_TEMPLATE,
        &ctx,
        "sitemap.xml".to_string(),
    )?);
    Ok(pages)
}

/// The template of every Atom feed.
pub const FEED_TEMPLATE: &str = "atom.xml";
/// The template of the sitemap.
pub const SITEMAP_TEMPLATE: &str = "sitemap.xml";

fn render_file(
    theme: &Theme,
    template: &str,
    ctx: &tera::Context,
    path: String,
) -> Result<Page, Diagnostic> {
    let mut bytes = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(template, ctx, &mut bytes)
        .map_err(|e| super::theme::template_error(&theme.template_files, &e))?;
    Ok(Page { path, bytes })
}

/// One Atom feed as its template sees it.
#[derive(Debug, Serialize)]
pub struct FeedView {
    /// `site.toml` `language`.
    pub language: String,
    /// The feed's title (the site's, or "site: topic").
    pub title: String,
    /// `site.toml` `description` (may be empty).
    pub subtitle: String,
    /// The feed's own absolute URL (also its id).
    pub url: String,
    /// The page it follows (front page or topic page), absolute.
    pub html_url: String,
    /// The newest date of its entries, as an Atom timestamp.
    pub updated: String,
    /// The site's title: the feed's author.
    pub author: String,
    /// Briefs (newest first, at most [`FEED_ENTRIES`]), then story updates.
    pub entries: Vec<FeedEntry>,
}

/// One entry of a feed: a brief, or a story update.
#[derive(Debug, Serialize)]
pub struct FeedEntry {
    pub title: String,
    /// Unique and stable: the brief's URL; a story update's URL with
    /// `#update-<day>`.
    pub id: String,
    /// The page, absolute.
    pub url: String,
    pub updated: String,
    /// The brief's publication date (none for an undated brief or an update).
    pub published: Option<String>,
    /// Topic slugs.
    pub categories: Vec<String>,
    /// First key point, else the first sentence; what a story update added.
    pub summary: String,
}

/// The feed at `path`: its `briefs` (newest first; the newest only) and the
/// updates of `stories` the latest day added to.
fn feed(
    input: &RenderInput<'_>,
    base: &str,
    path: &str,
    title: &str,
    html_page: &str,
    briefs: &[usize],
    stories: &[usize],
) -> (String, FeedView) {
    let briefs = &briefs[..briefs.len().min(FEED_ENTRIES)];
    let updates: Vec<(&crate::analyse::Story, chrono::NaiveDate, String)> =
        match input.analysis.latest_day {
            Some(day) => (stories.iter())
                .map(|&s| &input.analysis.stories[s])
                .filter_map(|s| Some((s, day, s.update_summary()?)))
                .collect(),
            None => Vec::new(),
        };
    // The newest brief's date, not the clock: rebuilding changes nothing.
    let updated = briefs
        .iter()
        .filter_map(|&b| input.briefs[b].published)
        .chain(updates.iter().map(|u| u.1))
        .max()
        .map(stamp)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut entries: Vec<FeedEntry> = briefs
        .iter()
        .map(|&b| {
            let brief = &input.briefs[b];
            let url = format!("{base}{}", links::brief(&brief.slug));
            let summary = brief
                .facts
                .key_points
                .first()
                .map(|k| k.text.clone())
                .unwrap_or_else(|| input.analysis.briefs[b].lead.summary.clone());
            let when = brief.published.map(stamp);
            FeedEntry {
                title: brief.title.clone(),
                id: url.clone(),
                url,
                updated: when.clone().unwrap_or_else(|| updated.clone()),
                published: when,
                categories: brief.topics.clone(),
                summary,
            }
        })
        .collect();
    entries.extend(updates.iter().map(|(story, day, summary)| {
        let url = format!("{base}{}", links::story(&story.slug));
        FeedEntry {
            title: format!("Story update: {}", story.title),
            // One entry per story and day: a later update is a new entry.
            id: format!("{url}#update-{day}"),
            url,
            updated: stamp(*day),
            published: None,
            categories: Vec::new(),
            summary: summary.clone(),
        }
    }));
    let view = FeedView {
        language: input.config.language.clone(),
        title: title.to_string(),
        subtitle: input.config.description.clone(),
        url: format!("{base}{path}"),
        html_url: format!("{base}{html_page}"),
        updated,
        author: input.config.title.clone(),
        entries,
    };
    (path.to_string(), view)
}

fn stamp(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}
