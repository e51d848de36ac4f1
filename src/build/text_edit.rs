//! The build after edits to the text of briefs, and nothing else.
//!
//! An analyst edits a brief's prose far more often than anything else. When
//! that is all that changed since the previous build, and the brief reads
//! the same to the analysis (same front matter, same passage for each tag,
//! same lead), every page but the brief's own is as it was: no topic list,
//! entity page, search entry or feed shows the text. Then loading the other
//! briefs and analysing the site is work whose result is known; this build
//! renders the edited briefs' pages from the values the previous build kept
//! for them ([`render::brief_page_after_text_edit`]) and writes those alone.
//!
//! Any doubt means the whole build runs instead (the caller's), never a
//! wrong page: each check below returns `Err` with the doubt for that.

use std::path::Path;
use std::time::Instant;

use crate::analyse;
use crate::brief::{self, BRIEFS_DIR};
use crate::cache::{BuildCache, BuildState, InputSnapshot};
use crate::config::SiteConfig;
use crate::diagnostics::{BuildFailed, Diagnostic};
use crate::output;
use crate::render::{self, Theme};
use crate::source::{self, SOURCES_DIR};
use crate::topic;

use super::BuildReport;

/// What the previous build left and this one found.
pub(super) struct Previous<'a> {
    pub cache: &'a BuildCache,
    pub state: &'a BuildState,
    /// This build's snapshot of the inputs, and when it was taken.
    pub inputs: &'a InputSnapshot,
    pub snapshot_ns: i128,
    /// The inputs that may have changed since the previous build.
    pub changed: &'a [&'a str],
}

/// Build the site at `root` after edits to brief texts alone, if that is
/// what `previous.changed` holds; `Err`: why the whole build must run (for
/// `DOSSIER_TIMINGS`). `config` has the command line's overrides applied.
pub(super) fn build(
    root: &Path,
    config: &SiteConfig,
    out_dir: &Path,
    previous: Previous<'_>,
    start: Instant,
) -> Result<Result<BuildReport, BuildFailed>, &'static str> {
    let Previous {
        cache,
        state,
        inputs,
        snapshot_ns,
        changed,
    } = previous;
    // Only brief files, each at the top of the briefs folder; and sources
    // that are only too new to trust but hold what was read.
    let (changed, others): (Vec<&str>, Vec<&str>) =
        changed.iter().partition(|p| brief_file(p).is_some());
    if !sources_read_alike(root, cache, (&state.inputs, inputs), &others) {
        return Err("an input other than a brief changed");
    }
    let changed = changed.as_slice();
    let briefs: Vec<&str> = changed.iter().filter_map(|p| brief_file(p)).collect();
    if briefs.is_empty() {
        return Err("no brief changed");
    }
    if !state.quiet || !state.ingest_quiet {
        return Err("the previous build warned of a brief or ingest was not settled");
    }
    let memo = cache.memo_of_briefs(changed);
    // As the whole build, which skips ingest on these very conditions.
    if !super::load::decides_alike(root, inputs, changed, &memo.ingest) {
        return Err("ingest would decide otherwise");
    }
    let (topics, topic_errors) = topic::load_topics(root);
    if !topic_errors.is_empty() {
        return Err("a topic has errors");
    }
    // Each brief as the previous build had it, and as it is now.
    let mut pairs = Vec::with_capacity(briefs.len());
    for (rel, path) in briefs.iter().zip(changed) {
        let unknown = "a brief the cache does not know";
        let before = brief::from_memo(
            &memo.briefs.previous(path).ok_or(unknown)?,
            &root.join(path),
        )
        .ok_or(unknown)?;
        let now = brief::load_brief(root, rel).map_err(|_| "a brief does not load")?;
        // A draft has no page to remake (and a draft's text edit takes the
        // whole build, which leaves it off the site).
        if !before.same_but_text(&now) || now.draft {
            return Err("a brief's front matter changed (or it is a draft)");
        }
        pairs.push((before, now));
    }
    let read_keys: Vec<u128> = pairs
        .iter()
        .map(|(before, _)| analyse::text_read_key(before, &topics))
        .collect();
    let passages = cache.passages_of(&read_keys);
    if !pairs
        .iter()
        .all(|(before, now)| analyse::reads_alike(before, now, &topics, &passages))
    {
        return Err("the analysis reads an edited text otherwise (passages, lead or words)");
    }
    let theme = Theme::load(root, &config.theme).map_err(|_| "the theme does not load")?;
    let paths: Vec<String> = pairs
        .iter()
        .map(|(_, now)| render::links::brief(&now.slug))
        .collect();
    let mut render_memo = cache.render_memo_of(&paths);
    let mut pages = Vec::new();
    for (_, now) in &pairs {
        let Some(page) = render::brief_page_after_text_edit(
            config,
            &topics,
            &theme,
            now,
            render_memo.text_edit(),
        ) else {
            // Whatever the reason, the whole build makes these pages'
            // values again: kept values it cannot vouch for are never reused.
            cache.forget_brief_values(&paths);
            return Err("a page's kept values cannot be vouched for");
        };
        pages.extend(page);
    }

    pages.sort_by(|a, b| a.path.cmp(&b.path));
    // The cache must never describe a site that is not on disk.
    cache.clear();
    // Every other file of the previous site stands.
    let manifest = match output::replace_pages(out_dir, state.outputs.clone(), &pages) {
        Ok(m) => m,
        Err(e) => {
            return Ok(Err(BuildFailed(vec![Diagnostic::new(
                out_dir,
                e.to_string(),
            )])));
        }
    };
    let next = BuildState {
        key: state.key,
        inputs: inputs.clone(),
        snapshot_ns,
        output_dir: out_dir.to_path_buf(),
        outputs: manifest,
        ingest_quiet: state.ingest_quiet,
        ingest_warnings: state.ingest_warnings.clone(),
        warnings: state.warnings.clone(),
        drafts: state.drafts.clone(),
        quiet: state.quiet,
    };
    cache.store_pages_of_briefs(&next, &render_memo);
    let report = BuildReport {
        output: out_dir.to_path_buf(),
        // As the whole build counts them: not the static files or the marker.
        pages: next
            .outputs
            .keys()
            .filter(|p| p.as_str() != output::MARKER && !theme.static_files.contains_key(*p))
            .count(),
        rendered: pages.len(),
        rendered_paths: pages.iter().map(|p| p.path.clone()).collect(),
        up_to_date: false,
        static_files: theme.static_files.len(),
        briefs_written: Vec::new(),
        drafts: state.drafts.clone(),
        ingest_skipped: true,
        text_edit: true,
        // Ingest's and the sources' (nothing else warned): the same files,
        // the same warnings.
        warnings: state.warnings.clone(),
        elapsed: start.elapsed(),
    };
    // Freed on another thread: the user waits for none of it.
    crate::cache::discard((next, render_memo, passages, memo, pages, theme));
    Ok(Ok(report))
}

/// A brief file at the top of the briefs folder: its name there.
fn brief_file(path: &str) -> Option<&str> {
    path.strip_prefix(BRIEFS_DIR)?
        .strip_prefix('/')
        .filter(|rel| rel.ends_with(".md") && !rel.contains('/'))
}

/// Are the files at `paths` sources that the snapshots (`before`, `now`)
/// list as changed only because their stamp is too new to trust, and that
/// hold the bytes the previous build read? A new article is usually dropped
/// in right before the build that ingests it: the build after that one
/// cannot trust its stamp, and reads it to compare the hash of its bytes
/// with the memo's reading.
fn sources_read_alike(
    root: &Path,
    cache: &BuildCache,
    (before, now): (&InputSnapshot, &InputSnapshot),
    paths: &[&str],
) -> bool {
    if paths.is_empty() {
        return true;
    }
    let stamp = |snapshot: &InputSnapshot, path: &str| {
        let files = &snapshot.files;
        files
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| files[i].1)
    };
    let sources = format!("{SOURCES_DIR}/");
    if !paths.iter().all(|p| {
        p.starts_with(&sources) && stamp(before, p).is_some() && stamp(before, p) == stamp(now, p)
    }) {
        return false;
    }
    let memo = cache.sources_of(paths);
    paths.iter().all(|p| {
        memo.previous(p).is_some_and(|read| {
            std::fs::read(root.join(p)).is_ok_and(|bytes| source::sha256_hex(&bytes) == read.sha256)
        })
    })
}
