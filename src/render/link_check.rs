//! Links in briefs that lead nowhere, found before anything is written and
//! named by the brief's file and line, with the nearest page that exists.
//!
//! A brief links other content by its file (`other-brief.md`,
//! `../topics/pmf.md`, `../sources/001.txt#L12`) or a page of the site
//! (`../search.html`, an image under `static/`). A link that resolves to no
//! file of the site, or a source line past the source's end, is broken.
//! Links to other hosts and anchors inside the page itself are not checked
//! here (`dossier check` follows every link of the rendered site).

use std::collections::HashSet;

use rayon::prelude::*;

use super::links::{self, ContentLinks};
use crate::brief::Brief;
use crate::diagnostics::Diagnostic;
use crate::source::SourceText;

/// What a link check needs to know of the site.
pub struct SiteFiles<'a> {
    /// Pages the build writes and static files it copies (paths from the output root).
    pub files: HashSet<String>,
    /// How content files resolve to pages.
    pub links: &'a ContentLinks,
    /// The sources, for line anchors.
    pub sources: &'a [SourceText],
    /// Every brief, topic and source file name, for "did you mean".
    pub names: Vec<String>,
}

/// Every broken link of every brief: one diagnostic each, at its line.
pub fn broken_links(briefs: &[Brief], site: &SiteFiles<'_>) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = briefs
        .par_iter()
        .flat_map_iter(|b| broken_in(b, site))
        .collect();
    found.sort();
    found
}

/// The broken links of one brief, from the link targets its body holds
/// (its text is never read: a cached brief keeps them).
fn broken_in(brief: &Brief, site: &SiteFiles<'_>) -> Vec<Diagnostic> {
    let page = links::brief(&brief.slug);
    let mut out = Vec::new();
    for link in brief.body.links() {
        let url = &link.target;
        let Some(problem) = problem_with(url, &page, site) else {
            continue;
        };
        let mut d = Diagnostic::new(&brief.file, format!("link {url:?} {problem}"))
            .at(brief.body_line + link.line, None);
        if problem.starts_with("points at line") {
            d = d.hint("link a line the source has (its page numbers every line)");
        } else if let Some(near) = nearest(url, &site.names) {
            d = d.hint(format!(
                "did you mean {near}? (or build with --allow-broken-links to publish anyway)"
            ));
        } else {
            d = d.hint("fix or remove the link, or build with --allow-broken-links");
        }
        out.push(d);
    }
    out
}

/// Why `url`, written on `page`, leads nowhere (or `None` when it leads somewhere).
fn problem_with(url: &str, page: &str, site: &SiteFiles<'_>) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || lower.starts_with("mailto:")
        || links::has_scheme(url)
    {
        return None;
    }
    let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
    if let Some(resolved) = site.links.resolve(url, "briefs", page) {
        // A source line past the end of the source.
        let target = resolved.trim_start_matches("../");
        if let (Some(slug), Some(n)) = (
            target
                .strip_prefix("sources/")
                .and_then(|t| t.split('#').next())
                .and_then(|t| t.strip_suffix(".html")),
            fragment
                .strip_prefix('L')
                .and_then(|n| n.parse::<usize>().ok()),
        ) && let Some(s) = site.sources.iter().find(|s| s.slug == slug)
        {
            let lines = s.text.lines().count();
            if n == 0 || n > lines {
                return Some(format!("points at line {n} of a source of {lines} lines"));
            }
        }
        return None;
    }
    let Some(target) = links::resolve_path(page, path) else {
        return Some("climbs out of the site".to_string());
    };
    if site.files.contains(&target) || site.files.contains(&format!("{target}index.html")) {
        return None;
    }
    Some(format!("leads nowhere: the site has no {target}"))
}

/// The existing name closest to the file `url` names, when one is close.
fn nearest(url: &str, names: &[String]) -> Option<String> {
    let path = url.split('#').next().unwrap_or(url);
    let file = path.rsplit('/').next().unwrap_or(path);
    if file.is_empty() {
        return None;
    }
    names
        .iter()
        .map(|n| (strsim::levenshtein(file, n), n))
        .filter(|(d, n)| *d <= (file.len().max(n.len()) / 3).max(2))
        .min()
        .map(|(_, n)| n.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site<'a>(links: &'a ContentLinks, sources: &'a [SourceText]) -> SiteFiles<'a> {
        SiteFiles {
            files: [
                "index.html",
                "search.html",
                "assets/logo.png",
                "briefs/deal.html",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            links,
            sources,
            names: vec!["deal.md".into(), "talks.md".into(), "pmf.md".into()],
        }
    }

    #[test]
    fn what_leads_somewhere_and_what_does_not() {
        let links = ContentLinks::new(
            ["deal".to_string(), "talks".to_string()],
            ["pmf".to_string()],
            [("001.txt".to_string(), "001".to_string())],
        );
        let source = SourceText::from_bytes("001.txt", b"one\ntwo\nthree\n").unwrap();
        let sources = [source];
        let s = site(&links, &sources);
        let p = "briefs/deal.html";
        for ok in [
            "talks.md",
            "../topics/pmf.md",
            "../sources/001.txt#L3",
            "../search.html",
            "../assets/logo.png",
            "https://example.org/x",
            "mailto:a@b.c",
            "#section",
            "../",
        ] {
            assert_eq!(problem_with(ok, p, &s), None, "{ok}");
        }
        assert!(
            problem_with("tlaks.md", p, &s)
                .unwrap()
                .contains("leads nowhere")
        );
        assert!(
            problem_with("../sources/001.txt#L9", p, &s)
                .unwrap()
                .contains("line 9")
        );
        assert!(problem_with("../topics/none.md", p, &s).is_some());
        assert_eq!(nearest("tlaks.md", &s.names).as_deref(), Some("talks.md"));
        assert_eq!(nearest("something-else-entirely.md", &s.names), None);
    }
}
