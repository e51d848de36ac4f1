//! The whole pipeline, in order: load, check, analyse, render, write.
//!
//! Problems from every input file are gathered before anything is written;
//! if there is any, the build fails with the full list and the previous
//! output stays as it was.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::analyse::{self, Analysis};
use crate::brief::{self, Brief};
use crate::cache::{self, BuildCache, BuildState, InputSnapshot, Memo};
use crate::config::SiteConfig;
use crate::diagnostics::{BuildFailed, Diagnostic, Diagnostics};
use crate::ingest::IngestReport;
use crate::output;
use crate::render::{self, RenderInput, Theme};
use crate::source::SourceText;
use crate::topic::{self, Topic};

mod load;
mod text_edit;

pub use load::{load_briefs, load_sources, remember_loaded_briefs};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds site.toml).
    pub root: PathBuf,
    /// Output folder; defaults to `output_dir` of site.toml, under the root.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.toml for this build.
    pub base_url: Option<String>,
    /// Show progress bars on long runs.
    pub progress: bool,
    /// Publish although a brief links to a page the site does not have
    /// (the links are reported as warnings).
    pub allow_broken_links: bool,
}

impl BuildOptions {
    /// Build the site at `root` into its configured output folder.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            progress: false,
            allow_broken_links: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Where the site was written.
    pub output: PathBuf,
    /// Number of files the site has (pages, feeds, index files).
    pub pages: usize,
    /// Pages rendered by this build (the others were unchanged).
    pub rendered: usize,
    /// Paths (from the output root) of the files this build rendered, sorted.
    pub rendered_paths: Vec<String>,
    /// True when nothing changed since the previous build: nothing was done.
    pub up_to_date: bool,
    /// Number of static files copied.
    pub static_files: usize,
    /// Briefs ingest wrote before the build.
    pub briefs_written: Vec<String>,
    /// Briefs marked `draft: true`, checked and left off the site (empty
    /// when the build did not load the briefs).
    pub drafts: Vec<String>,
    /// Ingest was not run: nothing it reads changed since a build in which
    /// it had nothing to do.
    pub ingest_skipped: bool,
    /// Only the texts of briefs changed, and they read the same to the
    /// analysis: only their pages were made, the rest of the site not
    /// loaded (see `build/text_edit.rs`).
    pub text_edit: bool,
    /// Non-fatal problems (skipped files and the like).
    pub warnings: Vec<Diagnostic>,
    /// Wall time of the build.
    pub elapsed: std::time::Duration,
}

/// Everything loaded from a site folder and checked, ready to analyse.
pub struct LoadedSite {
    /// site.toml.
    pub config: SiteConfig,
    /// Raw articles.
    pub sources: Vec<SourceText>,
    /// Curated briefs.
    pub briefs: Vec<Brief>,
    /// Topics in menu order.
    pub topics: Vec<Topic>,
    /// The compiled theme.
    pub theme: Theme,
    /// The user's corrections to entity merging.
    pub aliases: analyse::Aliases,
    /// `content/outlets.yaml`: what the analyst knows about each outlet.
    pub outlets: crate::outlet::OutletProfiles,
    /// Non-fatal problems.
    pub warnings: Diagnostics,
    /// Files of the briefs marked `draft: true`, checked but not published.
    pub drafts: Vec<String>,
}

/// Load and check every input of the site at `root`. All errors are returned together.
pub fn load(root: &Path) -> Result<LoadedSite, BuildFailed> {
    load_with(root, &Memo::default())
}

/// [`load`], not reading again the files `memo` has from an earlier build.
pub fn load_with(root: &Path, memo: &Memo) -> Result<LoadedSite, BuildFailed> {
    let config = SiteConfig::load(root).map_err(BuildFailed)?;
    let ((src, topics), (briefs, theme)) = rayon::join(
        || {
            rayon::join(
                || load::load_sources(root, &memo.sources),
                || topic::load_topics(root),
            )
        },
        || {
            rayon::join(
                || load::load_briefs(root, memo),
                || Theme::load(root, &config.theme),
            )
        },
    );
    let (sources, warnings, mut errors) = src;
    let (topics, topic_errors) = topics;
    let (briefs, brief_errors) = briefs;
    errors.extend(topic_errors);
    errors.extend(brief_errors);
    let theme = match theme {
        Ok(t) => Some(t),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    errors.extend(brief::check_references(&briefs, &topics, &sources));
    let (briefs, sources, drafts) = without_drafts(briefs, sources);
    let aliases = analyse::Aliases::load(root).unwrap_or_else(|d| {
        errors.push(d);
        analyse::Aliases::default()
    });
    let outlets = crate::outlet::OutletProfiles::load(root).unwrap_or_else(|d| {
        errors.push(d);
        crate::outlet::OutletProfiles::default()
    });
    match theme {
        Some(theme) if errors.is_empty() => Ok(LoadedSite {
            config,
            sources,
            briefs,
            topics,
            theme,
            aliases,
            outlets,
            warnings,
            drafts,
        }),
        _ => Err(BuildFailed(errors.into_sorted())),
    }
}

/// Set the drafts aside, with the sources only drafts are made from (a
/// draft keeps its article off the site). Returns the briefs and sources to
/// publish and the drafts' files.
fn without_drafts(
    briefs: Vec<Brief>,
    sources: Vec<SourceText>,
) -> (Vec<Brief>, Vec<SourceText>, Vec<String>) {
    let (drafts, briefs): (Vec<Brief>, Vec<Brief>) = briefs.into_iter().partition(|b| b.draft);
    if drafts.is_empty() {
        return (briefs, sources, Vec::new());
    }
    let published: std::collections::HashSet<&str> =
        briefs.iter().filter_map(|b| b.source.as_deref()).collect();
    let withheld: std::collections::HashSet<&str> = drafts
        .iter()
        .filter_map(|b| b.source.as_deref())
        .filter(|s| !published.contains(s))
        .collect();
    let sources = sources
        .into_iter()
        .filter(|s| !withheld.contains(s.rel_path.as_str()))
        .collect();
    let files = drafts.into_iter().map(|b| b.file).collect();
    (briefs, sources, files)
}

/// Analyse a loaded site and render every page in memory (build, check and
/// serve all go through here).
pub fn render_pages(
    site: &LoadedSite,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<Vec<render::Page>, BuildFailed> {
    let pages = render::Collect::default();
    render_pages_with(site, progress, &Memo::default(), false, &pages)?;
    Ok(pages.into_pages())
}

/// [`render_pages`] with an earlier build's memos, into `sink`: passages of
/// unchanged briefs are reused and, when `skip_unchanged` (the earlier
/// build's pages are at hand), pages whose inputs are unchanged are not
/// rendered.
pub fn render_pages_with(
    site: &LoadedSite,
    progress: Option<&indicatif::ProgressBar>,
    memo: &Memo,
    skip_unchanged: bool,
    sink: &dyn render::PageSink,
) -> Result<render::RenderedSite, BuildFailed> {
    let mut phases = Phases::new();
    let analysis: Analysis = analyse::analyse_with(
        &site.briefs,
        &site.topics,
        &site.sources,
        &site.aliases,
        memo.analysis.reuse(),
    );
    phases.note(&format!(
        "  (stories       {:>8.1} ms, {} stories)",
        analysis.stories_took.as_secs_f64() * 1e3,
        analysis.stories.len()
    ));
    phases.done("  analyse");
    let input = RenderInput {
        config: &site.config,
        sources: &site.sources,
        briefs: &site.briefs,
        topics: &site.topics,
        analysis: &analysis,
        outlets: &site.outlets,
        progress,
        memo: Some(memo.render.reuse()),
        skip_unchanged,
    };
    render::render_site(&input, &site.theme, sink).map_err(|e| BuildFailed(e.into_sorted()))
}

/// Bodies of cached briefs are read when a stage asks for them; one that
/// could not be read (or changed since its stamp was taken) fails the build
/// here, after rendering and before anything is written or served.
pub fn check_bodies(site: &LoadedSite) -> Result<(), BuildFailed> {
    let unread: Vec<Diagnostic> = site
        .briefs
        .iter()
        .filter_map(|b| b.body.error().map(|e| Diagnostic::new(&b.file, e)))
        .collect();
    if unread.is_empty() {
        Ok(())
    } else {
        Err(BuildFailed(unread))
    }
}

/// Run ingest for the site at `root`: new and changed sources get briefs.
/// A site whose configuration or topics are broken is not ingested; the
/// build's loading step then reports those problems.
pub fn ingest(root: &Path, progress: bool) -> Result<Option<IngestReport>, BuildFailed> {
    ingest_with(root, progress, &Memo::default())
}

/// [`ingest`], not reading again the files `memo` has from an earlier build.
pub fn ingest_with(
    root: &Path,
    progress: bool,
    memo: &Memo,
) -> Result<Option<IngestReport>, BuildFailed> {
    let Ok(config) = SiteConfig::load(root) else {
        return Ok(None);
    };
    let (topics, topic_errors) = topic::load_topics(root);
    if !topic_errors.is_empty() {
        return Ok(None);
    }
    let (sources, source_warnings, source_errors) = load::load_sources(root, &memo.sources);
    if !source_errors.is_empty() {
        return Err(BuildFailed(source_errors.into_sorted()));
    }
    let reader = load::CachedBriefs::of(memo);
    let input = crate::ingest::IngestInput {
        sources,
        source_warnings,
        briefs: &reader,
    };
    let report = crate::ingest::ingest(root, &config, &topics, progress, input)
        .map_err(|e| BuildFailed(e.into_sorted()))?;
    load::remember_written(root, &memo.ingest, &report.written_briefs);
    Ok(Some(report))
}

/// The site folder must exist and be one (hold a `site.toml`), and the
/// files dossier writes there (the lock, the cache) must not be symbolic
/// links: nothing is written through a link, nothing left behind in a
/// folder that is not a site.
pub fn site_folder(root: &Path) -> Result<(), BuildFailed> {
    let fail = |file: &Path, message: String, hint: &str| {
        Err(BuildFailed(vec![Diagnostic::new(file, message).hint(hint)]))
    };
    if !root.is_dir() {
        return fail(
            root,
            format!("the site folder {} does not exist", root.display()),
            "give the folder that holds site.toml with --root, or create a site with `dossier new DIR`",
        );
    }
    if !root.join("site.toml").is_file() {
        return fail(
            &root.join("site.toml"),
            format!(
                "{} is not a dossier site: it has no site.toml",
                root.display()
            ),
            "run dossier in the site's folder (or give it with --root); `dossier new DIR` creates one",
        );
    }
    for name in [
        LOCK_FILE.to_string(),
        crate::cache::CACHE_DIR.to_string(),
        format!("{}/memo", crate::cache::CACHE_DIR),
    ] {
        let path = root.join(&name);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return fail(
                &path,
                format!("`{name}` is a symbolic link; dossier never writes through links"),
                &format!("remove it (rm {name}); dossier makes it again"),
            );
        }
    }
    Ok(())
}

/// The output folder may not be, hold or sit inside anything the build
/// reads or keeps (content, themes, templates, static files, the cache, the
/// lock, site.toml): the next build would read its own pages, publish its
/// cache, or delete its inputs. Paths are compared as they resolve, links
/// and `..` followed, however the folder was given.
pub fn output_location(root: &Path, out: &Path, from_flag: bool) -> Result<(), BuildFailed> {
    let root_abs = resolve(root);
    let out_abs = resolve(out);
    let given = if from_flag { "--output" } else { "output_dir" };
    let fail = |why: String| {
        Err(BuildFailed(vec![
            Diagnostic::new(given, format!("{} {why}", out.display()))
                .hint("build into public/ (the default) or a folder outside the site"),
        ]))
    };
    if out_abs == root_abs || root_abs.starts_with(&out_abs) {
        return fail(
            "would hold the whole site: writing it would replace the site's own files".to_string(),
        );
    }
    for input in [
        "content",
        "themes",
        "templates",
        "static",
        crate::cache::CACHE_DIR,
        LOCK_FILE,
        "site.toml",
    ] {
        let taken = resolve(&root.join(input));
        if out_abs.starts_with(&taken) || taken.starts_with(&out_abs) {
            return fail(format!(
                "is inside the site's `{input}`: the next build would read or publish it"
            ));
        }
    }
    Ok(())
}

/// `path` made absolute, with `.`/`..` and the links of its existing part resolved.
fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // The longest existing ancestor is canonicalised; the rest is appended
    // with `..` folded lexically.
    let mut existing = abs.as_path();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for part in rest.iter().rev() {
        match part.to_str() {
            Some("..") => {
                out.pop();
            }
            Some(".") => {}
            _ => out.push(part),
        }
    }
    out
}

/// File in the site folder that one running build holds locked.
pub const LOCK_FILE: &str = ".dossier-lock";

/// Hold the site's build lock, or say who holds it. Two builds at once on one
/// site would race on content/briefs and on the output folder.
pub fn lock_site(root: &Path) -> Result<std::fs::File, BuildFailed> {
    site_folder(root)?;
    let path = root.join(LOCK_FILE);
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    // Never through a link planted in its place.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let file = options.open(&path).map_err(|e| {
        BuildFailed(vec![Diagnostic::new(
            &path,
            format!("cannot create the build lock: {e}"),
        )])
    })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(BuildFailed(vec![
            Diagnostic::new(
                LOCK_FILE,
                "another dossier build or ingest is running on this site",
            )
            .hint("wait for it to finish; the lock is released when that process exits"),
        ])),
        Err(std::fs::TryLockError::Error(e)) => Err(BuildFailed(vec![Diagnostic::new(
            &path,
            format!("cannot lock: {e}"),
        )])),
    }
}

/// Where the site goes: `--output`, else `output_dir` of site.toml (a
/// broken site.toml: `public`), under the site root.
fn output_dir(opts: &BuildOptions, config: Option<&SiteConfig>) -> PathBuf {
    opts.output.clone().unwrap_or_else(|| {
        opts.root
            .join(config.map_or(Path::new("public"), |c| &c.output_dir))
    })
}

/// The quick build of an edit that changed only a brief's text, when the
/// previous site is on disk as written and the inputs changed are known;
/// `None` when it does not apply (the whole pipeline runs then).
fn try_text_edit(
    opts: &BuildOptions,
    config: Option<&SiteConfig>,
    out_dir: &Path,
    (cache, state, inputs): (&BuildCache, &BuildState, &InputSnapshot),
    (output, changed, snapshot_ns): (cache::OutputCheck, Option<&[&str]>, i128),
    (phases, start): (&mut Phases, Instant),
) -> Option<Result<BuildReport, BuildFailed>> {
    let Some(changed) = changed else {
        phases.note("  (not a text edit: an input was added or removed)");
        return None;
    };
    let config = config.filter(|_| output == cache::OutputCheck::Intact)?;
    let mut config = config.clone();
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
    }
    let previous = text_edit::Previous {
        cache,
        state,
        inputs,
        snapshot_ns,
        changed,
    };
    let done = text_edit::build(&opts.root, &config, out_dir, previous, start);
    phases.done("text edit");
    match done {
        Ok(done) => Some(done),
        Err(why) => {
            phases.note(&format!("  (not a text edit: {why})"));
            None
        }
    }
}

/// Build the site described by `opts`: ingest first, then the pipeline.
///
/// With the build cache of an earlier build (`.dossier-cache/`), only what
/// changed is redone: a build whose inputs are all as the cache saw them and
/// whose output is on disk as written does nothing; otherwise unchanged files
/// are not parsed again, unchanged pages not rendered, unchanged output files
/// not rewritten.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailed> {
    let start = Instant::now();
    let mut phases = Phases::new();
    let _lock = lock_site(&opts.root)?;
    check_base_url(opts)?;
    let root = opts.root.as_path();
    let cache = BuildCache::new(root);
    let state = cache.state();
    phases.done("read state");
    // The theme and output folder come from site.toml; if it is broken, the
    // loading step below reports it.
    let config = SiteConfig::load(root).ok();
    let out_dir = output_dir(opts, config.as_ref());
    output_location(root, &out_dir, opts.output.is_some())?;
    let key = build_key(opts, &out_dir);
    let snapshot_ns = cache::now_ns();
    // Both are stats of thousands of files; the walk of the inputs leaves a
    // core free for the outputs.
    let (inputs, output) = rayon::join(
        || {
            config
                .as_ref()
                .map(|c| InputSnapshot::take(root, &c.theme))
                .unwrap_or_default()
        },
        || state.output(key, &out_dir),
    );
    phases.done("stat in+output");
    let changed = inputs.changed_since(&state.inputs, state.snapshot_ns);
    if config.is_some() && state.up_to_date(changed.as_deref(), output) {
        let mut report = BuildReport::up_to_date(out_dir, state.outputs.len(), start);
        report.warnings = state.warnings.clone();
        report.drafts = state.drafts.clone();
        return Ok(report);
    }
    if let Some(done) = try_text_edit(
        opts,
        config.as_ref(),
        &out_dir,
        (&cache, &state, &inputs),
        (output, changed.as_deref(), snapshot_ns),
        (&mut phases, start),
    ) {
        cache::discard((state, inputs));
        return done;
    }
    let mut memo = cache.memo();
    memo.stamps = cache::Stamps::from_snapshot(&inputs);
    phases.done("read cache");
    // The previous site can stand in for unchanged pages only if it is on
    // disk exactly as the cache describes it.
    let previous = (output == cache::OutputCheck::Intact).then_some(&state.outputs);

    // Ingest decides from the configuration, topics, sources and briefs. When
    // only files it does not read changed, or briefs that still read the same
    // to it, and it did nothing last time, it would do nothing again.
    let ingest_idle = state.ingest_quiet
        && state.key == key
        && changed
            .as_deref()
            .is_some_and(|changed| load::decides_alike(root, &inputs, changed, &memo.ingest));
    let (ingested, settled) = ingest_unless_idle(
        root,
        opts.progress,
        ingest_idle.then_some(&state.ingest_warnings),
        &mut memo,
    )?;
    phases.done("ingest");
    let mut site = load_with(root, &memo)?;
    phases.done("load");
    if let Some(url) = &opts.base_url {
        site.config.base_url = url.clone();
    }
    let bar = render_bar(opts, site.briefs.len());
    // Pages go to disk as they are rendered, into a folder beside the site;
    // it is put in place (or dropped, on any failure below) at the end.
    let staging = output::Staging::new(&out_dir, previous).map_err(output_failed(&out_dir))?;
    let rendered = render_pages_with(&site, bar.as_ref(), &memo, previous.is_some(), &staging)?;
    phases.done("  render");
    if let Err(e) = check_bodies(&site) {
        // The cache described those files wrongly: the next build starts afresh.
        cache.forget();
        return Err(e);
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    // A brief linking to a page the site lacks stops the build, at the
    // brief's line, unless asked to publish anyway.
    if !rendered.broken_links.is_empty() && !opts.allow_broken_links {
        return Err(BuildFailed(rendered.broken_links.clone()));
    }
    // Beside these, the site's warnings are the sources' (read again by a
    // build that redoes part of the work).
    let quiet = rendered.broken_links.is_empty();
    for d in &rendered.broken_links {
        site.warnings.push(d.clone());
    }
    // The cache must never describe a site that is not on disk.
    cache.clear();
    let manifest = staging
        .finish(&site.theme.static_files, &rendered.unchanged)
        .map_err(output_failed(&out_dir))?;
    phases.done("write");
    let (ingest_quiet, ingest_warnings) = settled.unwrap_or_default();
    let (briefs_written, mut warnings) = match ingested {
        Some(r) => (r.written, r.warnings),
        None => (Vec::new(), Vec::new()),
    };
    // Files ingest wrote are kept in the snapshot as they are now: written
    // after it was taken, they are too new to trust, so the next build
    // compares them with the memo (their reading as written) once more.
    let inputs = inputs.with_written(root, &briefs_written);
    // Nothing below reads the sources or briefs again.
    cache::discard(std::mem::take(&mut site.sources));
    load::remember_loaded_briefs(&memo, std::mem::take(&mut site.briefs));
    warnings.extend(std::mem::take(&mut site.warnings).into_sorted());
    let report = BuildReport {
        briefs_written,
        ingest_skipped: ingest_idle,
        ..report_of(out_dir.clone(), &rendered, &site, warnings, start)
    };
    let next = memo.next(snapshot_ns);
    cache.store(
        &BuildState {
            key,
            inputs,
            snapshot_ns,
            output_dir: out_dir,
            outputs: manifest,
            ingest_quiet,
            ingest_warnings,
            warnings: report.warnings.clone(),
            drafts: report.drafts.clone(),
            quiet,
        },
        &next,
    );
    phases.done("store cache");
    cache::discard((next, site, rendered, state));
    Ok(BuildReport {
        elapsed: start.elapsed(),
        ..report
    })
}

/// The report of a whole build that wrote `rendered` (warnings sorted,
/// each once); what ingest did is the caller's to add.
fn report_of(
    output: PathBuf,
    rendered: &render::RenderedSite,
    site: &LoadedSite,
    mut warnings: Vec<Diagnostic>,
    start: Instant,
) -> BuildReport {
    warnings.sort();
    warnings.dedup();
    BuildReport {
        output,
        pages: rendered.rendered.len() + rendered.unchanged.len(),
        rendered: rendered.rendered.len(),
        rendered_paths: rendered.rendered.clone(),
        up_to_date: false,
        static_files: site.theme.static_files.len(),
        briefs_written: Vec::new(),
        drafts: site.drafts.clone(),
        ingest_skipped: false,
        text_edit: false,
        warnings,
        elapsed: start.elapsed(),
    }
}

/// What a run of ingest says of the next one on the same inputs: whether it
/// would write nothing, and the warnings it would give.
type Settled = (bool, Vec<Diagnostic>);

/// Run ingest, or when it would do nothing again (`idle`: the warnings it
/// gave then), keep what it read last time and repeat those warnings; the
/// files it wrote are to be read afresh. Also whether it is settled: a run
/// on these inputs writes nothing, and warns of what it says.
fn ingest_unless_idle(
    root: &Path,
    progress: bool,
    idle: Option<&Vec<Diagnostic>>,
    memo: &mut Memo,
) -> Result<(Option<IngestReport>, Option<Settled>), BuildFailed> {
    if let Some(warnings) = idle {
        memo.ingest.keep_unasked();
        let report = IngestReport {
            warnings: warnings.clone(),
            ..IngestReport::default()
        };
        return Ok((Some(report), Some((true, warnings.clone()))));
    }
    let Some(mut report) = ingest_with(root, progress, memo)? else {
        return Ok((None, None));
    };
    memo.stamps.forget(&report.written);
    if report.written.is_empty() {
        let warnings = report.warnings.clone();
        return Ok((Some(report), Some((true, warnings))));
    }
    // Having written briefs, ingest says nothing yet of its next run. Asked
    // again now (the briefs it wrote are in the memo, the sources too: no
    // extraction), writing nothing is the proof the next build may skip it,
    // and that an edit right after a new article takes the text-edit build.
    let Some(again) = ingest_with(root, false, memo)? else {
        return Ok((Some(report), None));
    };
    memo.stamps.forget(&again.written);
    let settled = (again.written.is_empty(), again.warnings.clone());
    report.written.extend(again.written);
    report.warnings.extend(again.warnings);
    report.written_briefs.extend(again.written_briefs);
    report.up_to_date = again.up_to_date;
    Ok((Some(report), Some(settled)))
}

/// An output error as the build reports it, at the output folder.
fn output_failed(out_dir: &Path) -> impl Fn(output::OutputError) -> BuildFailed + '_ {
    move |e| BuildFailed(vec![Diagnostic::new(out_dir, e.to_string())])
}

/// `--base-url` must be an absolute http(s) URL.
fn check_base_url(opts: &BuildOptions) -> Result<(), BuildFailed> {
    match &opts.base_url {
        Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
            Err(BuildFailed(vec![Diagnostic::new(
                "--base-url",
                format!("must be an absolute http(s) URL, got {url:?}"),
            )]))
        }
        _ => Ok(()),
    }
}

/// A progress bar for the render of long builds, on a terminal only.
fn render_bar(opts: &BuildOptions, briefs: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    (opts.progress && briefs >= 1000 && std::io::stderr().is_terminal()).then(|| {
        indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("render {bar:40} {pos}/{len} pages")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    })
}

impl BuildReport {
    /// The report of a build that found nothing changed.
    fn up_to_date(output: PathBuf, pages: usize, start: Instant) -> BuildReport {
        BuildReport {
            output,
            pages,
            rendered: 0,
            rendered_paths: Vec::new(),
            up_to_date: true,
            static_files: 0,
            briefs_written: Vec::new(),
            drafts: Vec::new(),
            ingest_skipped: true,
            text_edit: false,
            warnings: Vec::new(),
            elapsed: start.elapsed(),
        }
    }
}

/// What decides the output besides the input files: the output folder and
/// the command-line overrides (the binary is part of the cache's own check).
fn build_key(opts: &BuildOptions, out_dir: &Path) -> u128 {
    let mut h = cache::Hasher::new();
    h.value(&out_dir.to_string_lossy()).value(&opts.base_url);
    h.finish()
}

/// Phase timings on stderr when `DOSSIER_TIMINGS` is set (for BENCHMARKS.md).
struct Phases {
    on: bool,
    last: Instant,
}

impl Phases {
    fn new() -> Self {
        Phases {
            on: std::env::var_os("DOSSIER_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// A line of its own (a part of the next phase).
    fn note(&self, line: &str) {
        if self.on {
            eprintln!("timing: {line}");
        }
    }

    fn done(&mut self, phase: &str) {
        if self.on {
            eprintln!(
                "timing: {phase:<18} {:>8.1} ms  rss {:>5} MB",
                self.last.elapsed().as_secs_f64() * 1e3,
                resident_mb()
            );
        }
        self.last = Instant::now();
    }
}

/// Resident memory of this process in MB (Linux; 0 elsewhere): in a VM,
/// touching fresh memory is a large part of a build's cost.
fn resident_mb() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096 / 1_000_000)
}
