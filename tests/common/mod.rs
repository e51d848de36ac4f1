//! Shared helpers: a realistic site in a temporary folder, built from the
//! repository's own theme, topics and seed sources plus fixture briefs.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A site folder: the repo's site.toml, theme, topics and sources, and the
/// hand-written fixture briefs in content/briefs.
pub fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    copy_dir(&repo().join("themes"), &root.join("themes"));
    copy_dir(&repo().join("content/topics"), &root.join("content/topics"));
    copy_dir(
        &repo().join("content/sources"),
        &root.join("content/sources"),
    );
    copy_dir(
        &repo().join("tests/fixtures/briefs"),
        &root.join("content/briefs"),
    );
    dir
}

/// A site folder with the repo's site.toml, theme and topics, the sources
/// of the folder `sources` and no brief yet (an empty content/briefs).
pub fn site_with_sources(sources: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    copy_dir(&repo().join("themes"), &root.join("themes"));
    copy_dir(&repo().join("content/topics"), &root.join("content/topics"));
    copy_dir(sources, &root.join("content/sources"));
    std::fs::create_dir_all(root.join("content/briefs")).unwrap();
    dir
}

/// The briefs of a site by their source file, asserting that all load.
pub fn briefs_by_source(root: &Path) -> BTreeMap<String, dossier::brief::Brief> {
    let (briefs, errors) = dossier::brief::load_briefs(root);
    assert!(errors.is_empty(), "{:?}", errors.into_sorted());
    briefs
        .into_iter()
        .map(|b| (b.source.clone().unwrap(), b))
        .collect()
}

/// Move every input file's modification time an hour back, as for a site
/// whose files were written long before the build (stamps close to a build
/// are not trusted, like Git's racily-clean index entries).
pub fn age_inputs(root: &Path) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for dir in ["content", "themes", "site.toml"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if entry.file_type().is_file() {
                let f = std::fs::File::options()
                    .write(true)
                    .open(entry.path())
                    .unwrap();
                f.set_modified(old).unwrap();
            }
        }
    }
}

pub fn build(
    root: &Path,
) -> Result<dossier::build::BuildReport, dossier::diagnostics::BuildFailed> {
    dossier::build::build(&dossier::build::BuildOptions::new(root))
}

/// Every file under `dir`: relative path -> bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn html(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(&read(path))
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap())
        .collect()
}

/// Elements under `el` that `css` selects.
pub fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(css).unwrap()).collect()
}

pub fn text(el: &scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page `rel` runs only the theme's own search scripts, by reference,
/// never inline content; but for the 404 page's root finder (theme code that
/// must run before anything relative loads), whose one value from the site,
/// the path of base_url, is JSON that cannot close the element.
pub fn assert_only_theme_scripts(rel: &str, doc: &scraper::Html) {
    for script in select(doc, "script") {
        let src = script.value().attr("src").unwrap_or("");
        let inline = text(&script);
        if rel == "404.html" && src.is_empty() {
            assert!(
                inline.starts_with("/* Hosts serve this page for any missing address"),
                "{rel}: inline script {inline:?}"
            );
            let config = inline.split("var c=").nth(1).unwrap_or("");
            let config = &config[..config.find("},p=").map_or(0, |i| i + 1)];
            assert!(
                serde_json::from_str::<serde_json::Value>(config).is_ok() && !config.contains('<'),
                "{rel}: root finder's values {config:?}"
            );
            continue;
        }
        assert!(
            src.ends_with("assets/search.js")
                || src.ends_with("assets/search/index.js")
                || src.ends_with("assets/sort.js"),
            "{rel}: script element {src:?}"
        );
        assert!(inline.is_empty(), "{rel}: inline script");
    }
}

/// Check every href/src of every page under `out`: relative, pointing at an
/// existing file (not a folder) inside the site, #fragments present on the
/// target page. Returns how many references were checked.
pub fn assert_links_resolve(out: &Path) -> usize {
    let files = snapshot(out);
    let mut checked = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for el in select(&doc, "[href], [src]") {
            let attr = if el.value().attr("href").is_some() {
                "href"
            } else {
                "src"
            };
            let url = el.value().attr(attr).unwrap();
            assert!(
                !url.starts_with('/'),
                "{rel}: root-relative or protocol-relative {url}"
            );
            if url.starts_with("http://")
                || url.starts_with("https://")
                || url.starts_with("mailto:")
            {
                let is_link = el.value().name() == "a"
                    || (el.value().name() == "link"
                        && matches!(el.value().attr("rel"), Some("canonical" | "alternate")));
                assert!(is_link, "{rel}: external request {url}");
                continue;
            }
            let (path, frag) = url.split_once('#').unwrap_or((url, ""));
            let target = if path.is_empty() {
                rel.clone()
            } else {
                normalise(&Path::new(rel).parent().unwrap().join(path))
            };
            assert!(
                files.contains_key(&target),
                "{rel}: {url} -> {target} does not exist"
            );
            assert!(!out.join(&target).is_dir(), "{rel}: {url} is a folder");
            if !frag.is_empty() {
                let page = std::str::from_utf8(&files[&target]).unwrap();
                assert!(
                    page.contains(&format!("id=\"{frag}\"")),
                    "{rel}: {url}: no id {frag:?} in {target}"
                );
            }
            checked += 1;
        }
    }
    checked
}

fn normalise(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                assert!(
                    parts.pop().is_some(),
                    "{} climbs out of the site",
                    p.display()
                );
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// The staging and set-aside folders of builds left beside the site's
/// output (`.public.new-*`, `.public.old-*`): none should outlive a build.
pub fn build_leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect()
}
