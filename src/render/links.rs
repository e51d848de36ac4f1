//! Relative URLs between pages.
//!
//! Every link the site writes is relative and names a file (never a folder),
//! so the site works from disk (file://), at a domain root and under a
//! GitHub Pages project subpath alike. Page paths are written from the output
//! root without a leading slash (`briefs/x.html`); a page at depth d reaches
//! the root through d `../`.

use rustc_hash::{FxHashMap, FxHashSet};

/// The prefix that leads from `page_path` back to the output root.
pub fn root_prefix(page_path: &str) -> String {
    "../".repeat(page_path.matches('/').count())
}

/// Output path of the front page.
pub const INDEX: &str = "index.html";
/// Output path of the topic list.
pub const TOPICS: &str = "topics/index.html";
/// Output path of the brief list.
pub const BRIEFS: &str = "briefs/index.html";
/// Output path of the source list.
pub const SOURCES: &str = "sources/index.html";
/// Output path of the people and organisations index.
pub const ENTITIES: &str = "entities/index.html";
/// Output path of the outlets page.
pub const OUTLETS: &str = "outlets.html";
/// Output path of the story list.
pub const STORIES: &str = "stories/index.html";
/// Output path of the figures table.
pub const FIGURES: &str = "figures.html";
/// Output path of the timeline.
pub const TIMELINE: &str = "timeline.html";
/// Output path of the search page.
pub const SEARCH: &str = "search.html";
/// Output path of the machine-readable analysis.
pub const ANALYSIS_JSON: &str = "analysis.json";

/// Output path of the page of one quantity of the figures (by its id).
pub fn figure_group(id: &str) -> String {
    format!("figures/{id}.html")
}

/// Output path of a story page.
pub fn story(slug: &str) -> String {
    format!("stories/{slug}.html")
}

/// Output path of an entity page.
pub fn entity(slug: &str) -> String {
    format!("entities/{slug}.html")
}

/// Output path of the not-found page.
pub const NOT_FOUND: &str = "404.html";

/// The site's own folders at the output root: a missing page's URL most
/// likely names one of them, which tells the 404 page where the root is.
pub const FOLDERS: &[&str] = &[
    "briefs", "topics", "sources", "entities", "stories", "figures", "assets",
];

/// Output path of a topic page.
pub fn topic(slug: &str) -> String {
    format!("topics/{slug}.html")
}
/// Output path of a brief page.
pub fn brief(slug: &str) -> String {
    format!("briefs/{slug}.html")
}
/// Output path of a source page.
pub fn source(slug: &str) -> String {
    format!("sources/{slug}.html")
}

/// First page of the sources index narrowed to one outlet kind or country
/// (`by` is "kind" or "country"): a folder of its own, so no source slug
/// (which holds no `/`) can take its path.
pub fn sources_by(by: &str, slug: &str) -> String {
    format!("sources/{by}/{slug}.html")
}

/// Knows every page, to rewrite links written in Markdown (`other.md`,
/// `../topics/pmf.md`, `../sources/001.txt`, `../some-brief/`) into links
/// to the pages they mean.
///
/// Looked up once per link of every brief body on every build: hashed sets.
pub struct ContentLinks {
    briefs: FxHashSet<String>,
    topics: FxHashSet<String>,
    /// Source path relative to content/sources -> slug.
    sources: FxHashMap<String, String>,
}

impl ContentLinks {
    /// Build from the slugs of briefs and topics and the sources' (path, slug).
    pub fn new(
        briefs: impl IntoIterator<Item = String>,
        topics: impl IntoIterator<Item = String>,
        sources: impl IntoIterator<Item = (String, String)>,
    ) -> Self {
        ContentLinks {
            briefs: briefs.into_iter().collect(),
            topics: topics.into_iter().collect(),
            sources: sources.into_iter().collect(),
        }
    }

    /// Rewrite `url`, written in a file of content folder `from` ("briefs" or
    /// "topics"), for a page at `page_path`. `None` keeps the URL unchanged.
    pub fn resolve(&self, url: &str, from: &str, page_path: &str) -> Option<String> {
        if url.is_empty() || url.starts_with('#') || has_scheme(url) || url.starts_with("//") {
            return None;
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        // Resolve against the content folder: content/<from>/<path>.
        let mut parts: Vec<&str> = vec![from];
        for seg in path.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s),
            }
        }
        let target = match parts.as_slice() {
            ["briefs", file] => self.page_for("briefs", file),
            ["topics", file] => self.page_for("topics", file),
            ["sources", rest @ ..] if !rest.is_empty() => {
                self.sources.get(&rest.join("/")).map(|slug| source(slug))
            }
            // "../<brief-slug>/" as written by site generators with pretty URLs.
            [file] => self.page_for(from, file),
            _ => None,
        }?;
        let mut out = format!("{}{}", root_prefix(page_path), target);
        if let Some(f) = fragment {
            out.push('#');
            out.push_str(f);
        }
        Some(out)
    }

    fn page_for(&self, folder: &str, file: &str) -> Option<String> {
        let stem = file
            .strip_suffix(".md")
            .or_else(|| file.strip_suffix(".html"))
            .unwrap_or(file);
        let (known, page): (&FxHashSet<String>, fn(&str) -> String) = match folder {
            "briefs" => (&self.briefs, brief),
            "topics" => (&self.topics, topic),
            _ => return None,
        };
        if known.contains(stem) {
            return Some(page(stem));
        }
        // A file whose name is not a slug as it stands (too long, capitals,
        // punctuation) is published under the slug made from it.
        let slug = crate::slug::slugify(stem)?;
        known.contains(&slug).then(|| page(&slug))
    }
}

/// Does `url` start with a scheme (`https:`, `mailto:`)?
pub(crate) fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !url[..i].contains('/')
        }
        None => false,
    }
}

/// The page at `url` (a path, no fragment) written on `page`, as a path
/// from the output root; `None` when it climbs out of the site.
pub fn resolve_path(page: &str, url: &str) -> Option<String> {
    let mut parts: Vec<String> = page.split('/').map(str::to_string).collect();
    parts.pop();
    for seg in url.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            // A URL names `a b.pdf` as `a%20b.pdf`; the output path has the space.
            s => parts.push(
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned(),
            ),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> ContentLinks {
        ContentLinks::new(
            ["deal".to_string(), "talks".to_string()],
            ["pmf".to_string()],
            [("001.txt".to_string(), "001".to_string())],
        )
    }

    #[test]
    fn percent_encoded_link_paths_resolve_to_the_file() {
        assert_eq!(
            resolve_path("briefs/a.html", "../files/annual%20report.pdf").as_deref(),
            Some("files/annual report.pdf")
        );
        assert_eq!(resolve_path("index.html", "../x.html"), None);
    }

    #[test]
    fn a_file_name_that_is_not_its_slug_still_resolves() {
        let long = "a".repeat(84);
        let slug = crate::slug::slugify(&long).unwrap();
        assert!(slug.len() < long.len());
        let links = ContentLinks::new([slug.clone(), "talks".to_string()], [], []);
        let want = format!("../briefs/{slug}.html");
        for url in [format!("{long}.md"), format!("../{long}/")] {
            assert_eq!(
                links.resolve(&url, "briefs", "briefs/x.html").as_deref(),
                Some(want.as_str()),
                "{url}"
            );
        }
        assert_eq!(
            links
                .resolve("Talks.md", "briefs", "briefs/x.html")
                .as_deref(),
            Some("../briefs/talks.html")
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("briefs/x.html"), "../");
    }

    #[test]
    fn rewrites_content_links() {
        let l = links();
        let p = "briefs/deal.html";
        assert_eq!(
            l.resolve("talks.md", "briefs", p).as_deref(),
            Some("../briefs/talks.html")
        );
        assert_eq!(
            l.resolve("./talks.md#x", "briefs", p).as_deref(),
            Some("../briefs/talks.html#x")
        );
        assert_eq!(
            l.resolve("../talks/", "briefs", p).as_deref(),
            Some("../briefs/talks.html")
        );
        assert_eq!(
            l.resolve("../topics/pmf.md", "briefs", p).as_deref(),
            Some("../topics/pmf.html")
        );
        assert_eq!(
            l.resolve("../sources/001.txt#L3", "briefs", p).as_deref(),
            Some("../sources/001.html#L3")
        );
        assert_eq!(l.resolve("https://example.org/a.md", "briefs", p), None);
        assert_eq!(l.resolve("mailto:x@y", "briefs", p), None);
        assert_eq!(l.resolve("missing.md", "briefs", p), None);
        assert_eq!(l.resolve("../../../etc/passwd", "briefs", p), None);
    }
}
