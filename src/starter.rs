//! `dossier new DIR`: a starter site that builds at once.
//!
//! The default theme is compiled into the binary (a test keeps this copy
//! identical to `themes/default/`), so a new site needs nothing but dossier.

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// The files of the default theme, relative to `themes/default/`.
pub const DEFAULT_THEME: &[(&str, &str)] = &[
    (
        "static/assets/favicon.svg",
        include_str!("../themes/default/static/assets/favicon.svg"),
    ),
    (
        "static/assets/highlight.css",
        include_str!("../themes/default/static/assets/highlight.css"),
    ),
    (
        "static/assets/search.js",
        include_str!("../themes/default/static/assets/search.js"),
    ),
    (
        "static/assets/sort.js",
        include_str!("../themes/default/static/assets/sort.js"),
    ),
    (
        "static/assets/style.css",
        include_str!("../themes/default/static/assets/style.css"),
    ),
    (
        "templates/404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
    (
        "templates/atom.xml",
        include_str!("../themes/default/templates/atom.xml"),
    ),
    (
        "templates/base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "templates/brief.html",
        include_str!("../themes/default/templates/brief.html"),
    ),
    (
        "templates/briefs.html",
        include_str!("../themes/default/templates/briefs.html"),
    ),
    (
        "templates/dates.html",
        include_str!("../themes/default/templates/dates.html"),
    ),
    (
        "templates/entities.html",
        include_str!("../themes/default/templates/entities.html"),
    ),
    (
        "templates/entity.html",
        include_str!("../themes/default/templates/entity.html"),
    ),
    (
        "templates/event.html",
        include_str!("../themes/default/templates/event.html"),
    ),
    (
        "templates/figure.html",
        include_str!("../themes/default/templates/figure.html"),
    ),
    (
        "templates/figures.html",
        include_str!("../themes/default/templates/figures.html"),
    ),
    (
        "templates/index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "templates/partials/brief_item.html",
        include_str!("../themes/default/templates/partials/brief_item.html"),
    ),
    (
        "templates/partials/brief_meta.html",
        include_str!("../themes/default/templates/partials/brief_meta.html"),
    ),
    (
        "templates/partials/pager.html",
        include_str!("../themes/default/templates/partials/pager.html"),
    ),
    (
        "templates/partials/statement.html",
        include_str!("../themes/default/templates/partials/statement.html"),
    ),
    (
        "templates/partials/topic_card.html",
        include_str!("../themes/default/templates/partials/topic_card.html"),
    ),
    (
        "templates/search.html",
        include_str!("../themes/default/templates/search.html"),
    ),
    (
        "templates/sitemap.xml",
        include_str!("../themes/default/templates/sitemap.xml"),
    ),
    (
        "templates/source.html",
        include_str!("../themes/default/templates/source.html"),
    ),
    (
        "templates/sources.html",
        include_str!("../themes/default/templates/sources.html"),
    ),
    (
        "templates/outlets.html",
        include_str!("../themes/default/templates/outlets.html"),
    ),
    (
        "templates/stories.html",
        include_str!("../themes/default/templates/stories.html"),
    ),
    (
        "templates/story.html",
        include_str!("../themes/default/templates/story.html"),
    ),
    (
        "templates/timeline.html",
        include_str!("../themes/default/templates/timeline.html"),
    ),
    (
        "templates/topic.html",
        include_str!("../themes/default/templates/topic.html"),
    ),
    (
        "templates/topics.html",
        include_str!("../themes/default/templates/topics.html"),
    ),
];

const SITE_TOML: &str = r#"# The briefing's settings. See README.md of dossier for every key.
title = "My briefing"
description = "What this briefing follows, in one or two sentences."
# Where the site will be published; used only for the feed, sitemap and canonical links.
base_url = "https://example.org/briefing/"
language = "en"
theme = "default"
output_dir = "public"

[ingest]
# Lines of page chrome your sources carry that dossier does not know yet (regular expressions).
boilerplate = []
"#;

const TOPIC: &str = r#"---
title: Example topic
order: 1
rules:
  threshold: 3
  min_sentences: 2
  phrases:
    - text: ceasefire
      aliases: [truce, cessation of hostilities]
      weight: 2
    - negotiations
    - talks
---
A topic gathers the sources about one subject. Edit the phrases above so that
articles about it are tagged, and write its summary here.
"#;

const SOURCE: &str = "Ceasefire Talks Resume in the Capital\n\nPublished: 3 March 2025\n\nShare on Facebook\nShare on X\n\nNegotiators met again on Monday to discuss a ceasefire, officials said.\n\nThe talks are expected to last three days, according to two diplomats.\n\nBoth sides said a truce could be announced by the end of March 2025.\n\nRelated articles\n";

/// The GitHub Pages workflow of a new site: it installs dossier (cached by
/// the commit it resolves, so a run installs only when dossier changed),
/// builds with the build cache of the previous run, and publishes. `{GIT}`
/// is the repository this binary was built from (`repository` in
/// Cargo.toml). Linted with actionlint in CI (`.ci/run`).
const PAGES_WORKFLOW: &str = r#"# Build this briefing with dossier and publish it on GitHub Pages on every push to main.
# Written by `dossier new`. In the repository's Settings -> Pages, choose "GitHub Actions".
#
# Commit content/briefs/ after building locally: briefs are curated text, and a
# brief ingest writes here anew each run would take the run's day as the day it
# was first seen.
name: Publish the briefing

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # Where dossier is installed from, and which branch, tag or commit of it.
  # Pin a tag (or a commit) to keep every build on one version.
  DOSSIER_GIT: {GIT}
  DOSSIER_REF: main

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - id: pages
        uses: actions/configure-pages@v6
      - name: Find the dossier commit to install
        id: dossier
        run: |
          rev="$(git ls-remote "$DOSSIER_GIT" "$DOSSIER_REF" | tail -n 1 | cut -f 1)"
          echo "rev=${rev:-$DOSSIER_REF}" >> "$GITHUB_OUTPUT"
      - id: installed
        uses: actions/cache@v5
        with:
          path: ~/.cargo/bin/dossier
          key: dossier-${{ runner.os }}-${{ steps.dossier.outputs.rev }}
      - name: Install dossier
        if: steps.installed.outputs.cache-hit != 'true'
        run: cargo install --locked --git "$DOSSIER_GIT" --rev "${{ steps.dossier.outputs.rev }}" dossier
      - uses: actions/cache@v5
        with:
          path: .dossier-cache
          key: dossier-build-${{ github.sha }}
          restore-keys: dossier-build-
      - name: Build the site
        # base_url comes from the Pages settings, so project pages (/repo/) and
        # custom domains both get the right feed, sitemap and canonical URLs.
        run: dossier build --base-url "${{ steps.pages.outputs.base_url }}/" --output _site
      - uses: actions/upload-pages-artifact@v4
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
"#;

/// Where a new site's workflow is written, from the site folder.
pub const WORKFLOW_PATH: &str = ".github/workflows/pages.yml";

/// Create a starter site in `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::new(dir, "already exists and is not empty")
            .hint("choose a new folder name"));
    }
    let workflow = PAGES_WORKFLOW.replace("{GIT}", env!("CARGO_PKG_REPOSITORY"));
    let mut files: Vec<(String, &str)> = vec![
        ("site.toml".to_string(), SITE_TOML),
        (WORKFLOW_PATH.to_string(), &workflow),
        (
            ".gitignore".to_string(),
            "/public\n.dossier-lock\n.dossier-cache/\n",
        ),
        ("content/topics/example-topic.md".to_string(), TOPIC),
        ("content/sources/ceasefire-talks.txt".to_string(), SOURCE),
    ];
    files.extend(
        DEFAULT_THEME
            .iter()
            .map(|(p, text)| (format!("themes/default/{p}"), *text)),
    );
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::new(parent, format!("cannot create: {e}")))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Diagnostic::new(&path, format!("cannot write: {e}")))?;
    }
    std::fs::create_dir_all(dir.join("content/briefs"))
        .map_err(|e| Diagnostic::new(dir, format!("cannot create content/briefs: {e}")))?;
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
