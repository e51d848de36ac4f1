//! `dossier check`: everything a build would verify, plus every internal
//! link and anchor of the site it would write, without writing anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use scraper::{Html, Selector};

use crate::build;
use crate::diagnostics::{BuildFailed, Diagnostic};

/// What a clean check looked at.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages rendered in memory.
    pub pages: usize,
    /// Internal references verified.
    pub links: usize,
    /// Things worth knowing that are not errors (sources without briefs).
    pub warnings: Vec<Diagnostic>,
}

/// Check the site at `root`. Every problem is returned together.
pub fn check(root: &Path) -> Result<CheckReport, BuildFailed> {
    let site = build::load(root)?;
    let mut warnings = site.warnings.clone().into_sorted();
    let briefed: BTreeSet<&str> = site
        .briefs
        .iter()
        .filter_map(|b| b.source.as_deref())
        .collect();
    for s in &site.sources {
        if !briefed.contains(s.rel_path.as_str()) {
            warnings.push(
                Diagnostic::new(
                    format!("{}/{}", crate::source::SOURCES_DIR, s.rel_path),
                    "has no brief yet",
                )
                .hint("`dossier ingest` (or `dossier build`) writes it"),
            );
        }
    }
    let collected = crate::render::Collect::default();
    let rendered = build::render_pages_with(&site, None, &Default::default(), false, &collected)?;
    let broken = rendered.broken_links;
    let pages = collected.into_pages();
    let mut files: BTreeSet<String> = pages.iter().map(|p| p.path.clone()).collect();
    files.extend(site.theme.static_files.keys().cloned());
    // Ids of every page, for anchors.
    let mut ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut docs: Vec<(&str, Html)> = Vec::new();
    let any_id = Selector::parse("[id]").expect("static selector");
    for p in pages.iter().filter(|p| p.path.ends_with(".html")) {
        let doc = Html::parse_document(&String::from_utf8_lossy(&p.bytes));
        ids.insert(
            &p.path,
            doc.select(&any_id)
                .filter_map(|e| e.value().attr("id").map(str::to_string))
                .collect(),
        );
        docs.push((&p.path, doc));
    }
    let refs = Selector::parse("[href], [src]").expect("static selector");
    // Links in briefs that lead nowhere, at the brief's line.
    let mut problems: Vec<Diagnostic> = broken;
    let mut links = 0;
    for (path, doc) in &docs {
        for el in doc.select(&refs) {
            let Some(url) = el.value().attr("href").or_else(|| el.value().attr("src")) else {
                continue;
            };
            let tag = el.value().name();
            if url.starts_with("http://")
                || url.starts_with("https://")
                || url.starts_with("mailto:")
            {
                if tag != "a"
                    && !(tag == "link"
                        && matches!(el.value().attr("rel"), Some("canonical" | "alternate")))
                {
                    problems.push(Diagnostic::new(
                        *path,
                        format!("<{tag}> loads {url} from another host: it fails offline"),
                    ));
                }
                continue;
            }
            links += 1;
            if url.starts_with('/') {
                problems.push(Diagnostic::new(
                    *path,
                    format!("root-relative link {url}: breaks under a subpath and from disk"),
                ));
                continue;
            }
            let (target_path, fragment) = url.split_once('#').unwrap_or((url, ""));
            let target = if target_path.is_empty() {
                Some(path.to_string())
            } else {
                crate::render::links::resolve_path(path, target_path)
            };
            let Some(target) = target else {
                problems.push(Diagnostic::new(
                    *path,
                    format!("link {url} climbs out of the site"),
                ));
                continue;
            };
            if !files.contains(&target) {
                problems.push(Diagnostic::new(
                    *path,
                    format!("link {url}: {target} is not in the site"),
                ));
                continue;
            }
            if !fragment.is_empty()
                && fragment != "top"
                && target.ends_with(".html")
                && !ids
                    .get(target.as_str())
                    .is_some_and(|s| s.contains(fragment))
            {
                problems.push(Diagnostic::new(
                    *path,
                    format!("link {url}: no element with id {fragment:?} in {target}"),
                ));
            }
        }
    }
    // A brief's broken link, named at its line, is not named again at the
    // page it renders to.
    let named: BTreeSet<String> = site
        .briefs
        .iter()
        .filter(|b| {
            problems
                .iter()
                .any(|d| d.file == b.file && d.line.is_some())
        })
        .map(|b| crate::render::links::brief(&b.slug))
        .collect();
    problems.retain(|d| !named.contains(&d.file.to_string_lossy().into_owned()));
    if problems.is_empty() {
        Ok(CheckReport {
            pages: pages.len(),
            links,
            warnings,
        })
    } else {
        problems.sort();
        problems.dedup();
        Err(BuildFailed(problems))
    }
}
