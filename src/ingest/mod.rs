//! Stage 2, ingest: raw articles in, curated briefs out.
//!
//! For every source without an up-to-date brief, ingest cleans the text,
//! repairs glued words, reads title, outlet and dates, tags topics with
//! evidence, pulls out people, organisations, figures, dates and key points
//! (each with its source line), and writes `content/briefs/<slug>.md`.
//!
//! Curation is safe: a brief carries a hash of its own text as ingest wrote
//! it. A brief whose text no longer matches was edited by a person and is
//! never overwritten; if its source changed, the regenerated brief is written
//! beside it as `<slug>.md.new` and a warning says so. Running ingest twice
//! changes nothing.

pub mod article;
pub mod chrome;
pub mod claims;
pub mod clean;
pub mod dates;
pub mod deleted;
pub mod entities;
pub mod figures;
pub mod glue;
pub mod header;
pub mod lexicon;
mod lexicon_hash;
pub mod lines;
pub mod people;
pub mod places;

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::brief::{BRIEFS_DIR, Brief};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::slug;
use crate::source::{self, SOURCES_DIR, SourceText};
use crate::topic::{Topic, TopicMatcher};
use article::{Context, Draft};

/// Bump when extraction changes so that untouched briefs are regenerated.
pub const INGEST_VERSION: u32 = 239;

/// Longest excerpt of a sentence kept with a fact (figure, date, key point, evidence).
pub const MAX_EXCERPT: usize = 600;

/// Most facts of one kind kept per brief; a run-on scrape can hold thousands.
pub const MAX_FACTS: usize = 200;

/// Show a progress bar from this many sources to process.
const PROGRESS_FROM: usize = 50;

/// What an ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Briefs written (new or regenerated), as paths from the site root.
    pub written: Vec<String>,
    /// Sources whose brief was already up to date.
    pub up_to_date: usize,
    /// Problems that did not stop ingest (skipped files, duplicates, kept edits).
    pub warnings: Vec<Diagnostic>,
    /// The briefs written, as ingest reads them: the build's cache keeps them
    /// as if read back, so a brief deleted before the next run is known to
    /// have been there (a tombstone, see [`deleted`], not a new brief).
    pub written_briefs: Vec<BriefOnDisk>,
}

/// How a source stands against the briefs on disk.
enum Plan {
    UpToDate,
    Generate { slug: Option<String> },
    Beside { slug: String, file: String },
    Keep,
}

/// What ingest needs to know of a brief file on disk: the source it was
/// made from and whether a person has edited it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BriefOnDisk {
    source: String,
    slug: String,
    /// The file, from the site root.
    pub file: String,
    source_sha256: Option<String>,
    /// `None` for a brief ingest did not write (no stamp).
    inputs: Option<String>,
    untouched: bool,
    /// The day its source was first seen, kept when the brief is made again.
    first_seen: Option<chrono::NaiveDate>,
}

/// Today, for the day a new source is first seen: `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention: seconds since 1970) when set, else the
/// clock's UTC date. The only clock ingest reads; the date is then part of
/// the brief, so builds from the same files stay byte-identical.
pub fn today() -> chrono::NaiveDate {
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    };
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(now);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
}

/// What ingest reads besides the site's settings: the sources (read by the
/// caller, through its cache or not) and how to read the briefs on disk.
pub struct IngestInput<'a> {
    /// Every source of the site, in path order.
    pub sources: Vec<SourceText>,
    /// Sources skipped while reading them.
    pub source_warnings: Diagnostics,
    /// Reads the briefs on disk.
    pub briefs: &'a dyn BriefReader,
}

/// How ingest reads the briefs on disk, and learns which it read last time
/// (the build's cache remembers them between runs: `build::load`).
pub trait BriefReader: Sync {
    /// The brief file `content/briefs/<rel>` at `path` as ingest reads it:
    /// `None` when it cannot be read, `Some(None)` when it names no source.
    fn read(&self, rel: &str, path: &Path) -> Option<Option<BriefOnDisk>>;
    /// What the previous run read of the brief files this run has not read
    /// (called after every file present was read: the files gone since).
    fn not_read_again(&self) -> Vec<Option<BriefOnDisk>>;
}

/// Reads every brief file; knows no previous run.
pub struct FreshRead;

impl BriefReader for FreshRead {
    fn read(&self, rel: &str, path: &Path) -> Option<Option<BriefOnDisk>> {
        read_brief_on_disk(rel, path)
    }

    fn not_read_again(&self) -> Vec<Option<BriefOnDisk>> {
        Vec::new()
    }
}

/// Ingest every source of the site at `root` that has no up-to-date brief.
pub fn ingest(
    root: &Path,
    config: &SiteConfig,
    topics: &[Topic],
    show_progress: bool,
    input: IngestInput<'_>,
) -> Result<IngestReport, Diagnostics> {
    let IngestInput {
        sources,
        source_warnings,
        briefs: reader,
    } = input;
    let mut report = IngestReport {
        warnings: source_warnings.into_sorted(),
        ..Default::default()
    };
    // Through a linked folder ingest reads, but writes and removes nothing.
    let linked = linked_folder(root);
    if linked.is_none() {
        remove_stale_temp_files(&root.join(BRIEFS_DIR));
    }
    if sources.is_empty() {
        // Nothing to plan: the briefs need not be read.
        return Ok(report);
    }
    let on_disk = briefs_on_disk(root, reader);
    let inputs = inputs_hash(config, topics);
    remove_orphans(root, &sources, &on_disk, &mut report);

    let deleted = record_deletions(root, reader, &on_disk, &sources, &mut report)?;
    // Decide for each source, in path order.
    let plans: Vec<Plan> = sources
        .iter()
        .map(|s| plan(s, on_disk.get(&s.rel_path), &inputs, &deleted))
        .collect();

    let duplicate_of = duplicates(&sources);

    let todo: Vec<usize> = (0..sources.len())
        .filter(|&i| {
            matches!(plans[i], Plan::Generate { .. } | Plan::Beside { .. })
                && duplicate_of[i].is_none()
        })
        .collect();
    if let Some(folder) = linked.filter(|_| !todo.is_empty()) {
        return Err(Diagnostics::from(
            Diagnostic::new(&folder, "is a symbolic link: ingest reads briefs through it but writes none")
                .hint("make it a folder of the site (content/sources may be a link; the briefs are the site's own)"),
        ));
    }
    let mut drafts = extract_all(&sources, &todo, config, topics, show_progress);

    // Decided in path order (slugs, first-seen days), so the result does not
    // depend on timing; the briefs are then rendered and written in parallel
    // (YAML emission was an eighth of an ingest done on one core).
    let mut outcomes: Vec<Option<Outcome>> = (0..sources.len()).map(|_| None).collect();
    let mut jobs = Vec::new();
    // The slugs in use are listed only when a new brief needs one (most
    // builds write no brief, and listing them walks every brief).
    let mut taken: Option<slug::UniqueNames> = None;
    let mut today: Option<chrono::NaiveDate> = None;
    for (i, s) in sources.iter().enumerate() {
        if let Some(j) = duplicate_of[i] {
            if !on_disk.contains_key(&s.rel_path) {
                let shown = format!("{SOURCES_DIR}/{}", s.rel_path);
                outcomes[i] = Some(Outcome::Warning(duplicate(&shown, &sources[j])));
            }
            continue;
        }
        let to = match &plans[i] {
            Plan::UpToDate | Plan::Keep => {
                outcomes[i] = Some(Outcome::UpToDate);
                continue;
            }
            Plan::Generate { .. } | Plan::Beside { .. } if !drafts.contains_key(&i) => continue,
            Plan::Generate { slug } => {
                let title = &drafts[&i].title;
                let slug = slug.clone().unwrap_or_else(|| {
                    let taken = taken.get_or_insert_with(|| {
                        slug::UniqueNames::new(
                            on_disk
                                .values()
                                .map(|b| b.slug.clone())
                                .chain(existing_slugs(root)),
                        )
                    });
                    unique_slug(title, &s.slug, taken)
                });
                WriteTo::New { slug }
            }
            Plan::Beside { slug, file } => WriteTo::Beside {
                slug: slug.clone(),
                file: file.clone(),
            },
        };
        let Some(mut draft) = drafts.remove(&i) else {
            continue;
        };
        set_first_seen(&mut draft, on_disk.get(&s.rel_path), &mut today);
        jobs.push((i, draft, to));
    }
    let written: Vec<(usize, Outcome)> = jobs
        .into_par_iter()
        .map(|(i, draft, to)| (i, write_brief(root, &sources[i], &inputs, &draft, to)))
        .collect();
    for (i, outcome) in written {
        outcomes[i] = Some(outcome);
    }

    let mut errors = Diagnostics::new();
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Outcome::UpToDate => report.up_to_date += 1,
            Outcome::Warning(w) => report.warnings.push(w),
            Outcome::Written(written) => {
                report.written.push(written.file.clone());
                report.written_briefs.push(written);
            }
            Outcome::Error(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(errors)
    }
}

/// Where a source's new brief goes.
enum WriteTo {
    /// `content/briefs/<slug>.md`, new or made again.
    New { slug: String },
    /// Beside the brief `file`, which a person edited.
    Beside { slug: String, file: String },
}

/// What ingest did for one source, reported in path order.
enum Outcome {
    UpToDate,
    Warning(Diagnostic),
    Written(BriefOnDisk),
    Error(Diagnostic),
}

/// Render `draft`, the brief of source `s`, and write it where `to` says.
fn write_brief(root: &Path, s: &SourceText, inputs: &str, draft: &Draft, to: WriteTo) -> Outcome {
    let shown = format!("{SOURCES_DIR}/{}", s.rel_path);
    let text = article::render_brief(draft, &s.rel_path, &inputs_for(inputs, s));
    match to {
        WriteTo::New { slug } => {
            if text.len() as u64 > crate::brief::MAX_BRIEF_BYTES {
                return Outcome::Warning(Diagnostic::new(
                    &shown,
                    format!(
                        "skipped: its brief would be {} bytes, over the {} byte limit",
                        text.len(),
                        crate::brief::MAX_BRIEF_BYTES
                    ),
                ));
            }
            let path = format!("{BRIEFS_DIR}/{slug}.md");
            match write_atomic(&root.join(&path), &text) {
                Ok(()) => Outcome::Written(BriefOnDisk {
                    source: s.rel_path.clone(),
                    slug,
                    file: path,
                    source_sha256: Some(s.sha256.clone()),
                    inputs: Some(inputs_for(inputs, s)),
                    untouched: true,
                    first_seen: draft.facts.ingest.as_ref().and_then(|i| i.first_seen),
                }),
                Err(e) => Outcome::Error(Diagnostic::new(
                    &path,
                    format!("cannot write the brief: {e}"),
                )),
            }
        }
        WriteTo::Beside { slug, file } => match write_beside(root, &file, &text) {
            Ok(path) => Outcome::Warning(
                Diagnostic::new(&file, format!("edited by hand, and its source {shown} has changed: the regenerated brief for {slug} is in {path}"))
                    .hint("merge the two by hand, then delete the .new file"),
            ),
            Err(e) => Outcome::Error(Diagnostic::new(format!("{file}.new"), format!("cannot write the brief: {e}"))),
        },
    }
}

/// One article saved under two names: the first (by path) keeps its brief;
/// for each source, the earlier one it repeats.
fn duplicates(sources: &[SourceText]) -> Vec<Option<usize>> {
    let mut first_by_content: HashMap<&str, usize> = HashMap::new();
    sources
        .iter()
        .enumerate()
        .map(
            |(i, s)| match first_by_content.get(s.letters_sha256.as_str()) {
                Some(&j) => Some(j),
                None => {
                    first_by_content.insert(&s.letters_sha256, i);
                    None
                }
            },
        )
        .collect()
}

/// `content/briefs` or `content` when it is a symbolic link: a folder ingest
/// must not write or remove files through (the link may lead anywhere).
fn linked_folder(root: &Path) -> Option<String> {
    ["content", BRIEFS_DIR].into_iter().find_map(|rel| {
        std::fs::symlink_metadata(root.join(rel))
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| rel.to_string())
    })
}

/// How a source stands: its brief on disk (if any) against the source and
/// the rules (`inputs`); a source whose brief was deleted on purpose is left.
fn plan(
    s: &SourceText,
    brief: Option<&BriefOnDisk>,
    inputs: &str,
    deleted: &deleted::DeletedBriefs,
) -> Plan {
    match brief {
        None if deleted.contains(&s.rel_path) => Plan::Keep,
        None => Plan::Generate { slug: None },
        // Written by a person: theirs, never regenerated.
        Some(b) if b.inputs.is_none() => Plan::Keep,
        Some(b) => {
            let source_same = b.source_sha256.as_deref() == Some(s.sha256.as_str());
            let inputs_same = b.inputs.as_deref() == Some(inputs_for(inputs, s).as_str());
            match (b.untouched, source_same, inputs_same) {
                (true, true, true) => Plan::UpToDate,
                (true, _, _) => Plan::Generate {
                    slug: Some(b.slug.clone()),
                },
                (false, false, _) => Plan::Beside {
                    slug: b.slug.clone(),
                    file: b.file.clone(),
                },
                (false, true, _) => Plan::Keep,
            }
        }
    }
}

/// Read the tombstones, and add one for each brief a person deleted since
/// the previous run (see [`deleted`]), saying so; the file is written when
/// it gained any.
fn record_deletions(
    root: &Path,
    reader: &dyn BriefReader,
    on_disk: &HashMap<String, BriefOnDisk>,
    sources: &[SourceText],
    report: &mut IngestReport,
) -> Result<deleted::DeletedBriefs, Diagnostics> {
    let mut tombstones = deleted::DeletedBriefs::load(root).map_err(Diagnostics::from)?;
    let gone = deleted::deleted_since(root, reader.not_read_again(), on_disk, sources);
    if gone.is_empty() {
        return Ok(tombstones);
    }
    let day = today();
    for b in gone {
        if tombstones.add(deleted::Tombstone {
            source: b.source.clone(),
            brief: Some(b.file.clone()),
            deleted: Some(day),
        }) {
            report.warnings.push(
                Diagnostic::new(
                    &b.file,
                    format!(
                        "deleted: its source {SOURCES_DIR}/{} gets no brief again, as {} now says",
                        b.source,
                        deleted::DELETED_FILE
                    ),
                )
                .hint("remove the entry there to have the brief written anew"),
            );
        }
    }
    write_atomic(&root.join(deleted::DELETED_FILE), &tombstones.to_text()).map_err(|e| {
        Diagnostics::from(Diagnostic::new(
            deleted::DELETED_FILE,
            format!("cannot write: {e}"),
        ))
    })?;
    Ok(tombstones)
}

/// Would ingest decide about a brief as before, reading it as `now` where it
/// read `before`? The same reading, or one edited since (an edited brief is
/// kept, as an untouched one was left alone). Not one that became
/// untouched again: had its rules changed meanwhile, it is regenerated now.
pub fn decides_alike_on(before: Option<BriefOnDisk>, now: Option<BriefOnDisk>) -> bool {
    before == now
        || match (before, now) {
            (Some(mut before), Some(now)) if !now.untouched => {
                before.untouched = false;
                before == now
            }
            _ => false,
        }
}

/// The warning for a source that is the same article as `first`.
fn duplicate(shown: &str, first: &SourceText) -> Diagnostic {
    Diagnostic::new(
        shown,
        format!(
            "same article as {SOURCES_DIR}/{}; no second brief written",
            first.rel_path
        ),
    )
    .hint("delete one of the two files")
}

/// Write the regenerated brief of an edited one beside it, as `<file>.new`:
/// its path, or why it could not be written.
fn write_beside(root: &Path, file: &str, text: &str) -> Result<String, String> {
    let path = format!("{file}.new");
    write_atomic(&root.join(&path), text)
        .map(|()| path)
        .map_err(|e| e.to_string())
}

/// The day a draft's source was first seen: its brief's, when ingest made
/// one before (even none, for a brief from before the field: that source is
/// not new), else today (read once per run).
fn set_first_seen(
    draft: &mut Draft,
    before: Option<&BriefOnDisk>,
    today: &mut Option<chrono::NaiveDate>,
) {
    let day = match before {
        Some(b) if b.inputs.is_some() => b.first_seen,
        _ => Some(*today.get_or_insert_with(self::today)),
    };
    if let Some(stamp) = draft.facts.ingest.as_mut() {
        stamp.first_seen = day;
    }
}

/// Hash of what every brief is generated from besides its source: the
/// ingest version, the topics' rules and the boilerplate patterns.
fn inputs_hash(config: &SiteConfig, topics: &[Topic]) -> String {
    let mut h = Sha256::new();
    h.update(format!("dossier-ingest-{INGEST_VERSION}\n"));
    for t in topics {
        h.update(format!("{}\n", t.slug));
        h.update(crate::yaml::to_string(&t.rules).unwrap_or_default());
    }
    for p in &config.ingest.boilerplate {
        h.update(format!("{p}\n"));
    }
    article::hex(&h.finalize())
}

fn inputs_for(inputs: &str, s: &SourceText) -> String {
    article::hex(&Sha256::digest(format!("{inputs}{}", s.sha256).as_bytes()))[..32].to_string()
}

/// Drafts of the sources `todo`, in parallel. Nothing is set up (word
/// statistics, boilerplate patterns, topic phrases) when there is nothing
/// to extract: most builds of a site ingest nothing.
fn extract_all(
    sources: &[SourceText],
    todo: &[usize],
    config: &SiteConfig,
    topics: &[Topic],
    show_progress: bool,
) -> BTreeMap<usize, Draft> {
    if todo.is_empty() {
        return BTreeMap::new();
    }
    let corpus = glue::CorpusWords::from_texts(sources.par_iter().map(|s| &*s.text));
    let boilerplate = clean::Boilerplate::new(&config.ingest.boilerplate_patterns());
    let matcher = TopicMatcher::new(topics.iter().map(|t| &t.rules));
    let ctx = Context {
        topics,
        matcher: &matcher,
        boilerplate: &boilerplate,
        corpus: &corpus,
    };
    let bar = (show_progress && todo.len() >= PROGRESS_FROM && std::io::stderr().is_terminal())
        .then(|| {
            let b = indicatif::ProgressBar::new(todo.len() as u64);
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "ingest {bar:40} {pos}/{len} sources ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b
        });
    let drafts: Vec<(usize, Draft)> = todo
        .par_iter()
        .map(|&i| {
            let d = article::extract(&sources[i], &ctx);
            if let Some(b) = &bar {
                b.inc(1);
            }
            (i, d)
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    drafts.into_iter().collect()
}

/// Temporary files a killed ingest left (`.tmpXXXXXX`, written then
/// renamed into place). The site lock is held: no other run is writing them.
fn remove_stale_temp_files(briefs: &Path) {
    let Ok(entries) = std::fs::read_dir(briefs) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let is_ours = name
            .to_str()
            .is_some_and(|n| n.starts_with(".tmp") && n.len() <= 16);
        if is_ours && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A brief ingest wrote, untouched since, whose source was deleted, is
/// removed with a warning (it said nothing but its source); one a person
/// edited is kept, and the build names it (its source is missing).
fn remove_orphans(
    root: &Path,
    sources: &[SourceText],
    on_disk: &HashMap<String, BriefOnDisk>,
    report: &mut IngestReport,
) {
    let present: std::collections::HashSet<&str> =
        sources.iter().map(|s| s.rel_path.as_str()).collect();
    let mut gone: Vec<&BriefOnDisk> = on_disk
        .values()
        .filter(|b| b.untouched && b.inputs.is_some() && !present.contains(b.source.as_str()))
        .collect();
    gone.sort_by(|a, b| a.file.cmp(&b.file));
    for b in gone {
        if std::fs::remove_file(root.join(&b.file)).is_ok() {
            report.warnings.push(
                Diagnostic::new(
                    &b.file,
                    format!(
                        "removed: its source {SOURCES_DIR}/{} was deleted, and the brief was ingest's, unedited",
                        b.source
                    ),
                )
                .hint("put the source back to have the brief again"),
            );
        }
    }
}

/// Briefs on disk, by the source they were made from, as `reader` reads them.
fn briefs_on_disk(root: &Path, reader: &dyn BriefReader) -> HashMap<String, BriefOnDisk> {
    let mut ignored = Diagnostics::new();
    let files = source::list_files(&root.join(BRIEFS_DIR), &["md"], &mut ignored);
    let found: Vec<Option<BriefOnDisk>> = files
        .par_iter()
        .map(|(rel, path)| reader.read(rel, path).flatten())
        .collect();
    let mut out = HashMap::new();
    for d in found.into_iter().flatten() {
        // Two briefs for one source: the first by path is the one ingest tracks.
        out.entry(d.source.clone()).or_insert(d);
    }
    out
}

/// `None` (outer) when the file cannot be read; `Some(None)` when it names no source.
pub fn read_brief_on_disk(rel: &str, path: &Path) -> Option<Option<BriefOnDisk>> {
    let text = std::fs::read_to_string(path).ok()?;
    let slug = slug::slugify(rel.trim_end_matches(".md"))?;
    let file = format!("{BRIEFS_DIR}/{rel}");
    let parsed = Brief::parse(&slug, Path::new(&file), &text);
    Some(brief_on_disk(&slug, &file, &text, parsed.as_ref().ok()))
}

/// What ingest reads in the brief file `file` (slug `slug`) whose text is
/// `text`, parsed as `parsed` (`None`: it does not parse). For a reader
/// that parsed the file already ([`BriefReader`]).
pub fn brief_on_disk(
    slug: &str,
    file: &str,
    text: &str,
    parsed: Option<&Brief>,
) -> Option<BriefOnDisk> {
    static SOURCE_LINE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = SOURCE_LINE
        .get_or_init(|| regex::Regex::new(r#"(?m)^source:\s*['"]?([^'"\n]+?)['"]?\s*$"#).unwrap());
    match parsed {
        Some(b) => {
            let stamp = b.facts.ingest.as_ref();
            b.source.clone().map(|source| BriefOnDisk {
                source,
                slug: slug.to_string(),
                file: file.to_string(),
                source_sha256: b.facts.source_sha256.clone(),
                inputs: stamp.map(|s| s.inputs.clone()),
                untouched: stamp.is_some_and(|s| article::is_untouched(text, &s.hash)),
                first_seen: stamp.and_then(|s| s.first_seen),
            })
        }
        // A brief that does not parse is someone's work in progress: never touch it.
        None => re.captures(text).map(|c| BriefOnDisk {
            source: c[1].trim().to_string(),
            slug: slug.to_string(),
            file: file.to_string(),
            source_sha256: None,
            inputs: None,
            untouched: false,
            first_seen: None,
        }),
    }
}

/// Slugs of every file in the briefs folder, parsed or not.
fn existing_slugs(root: &Path) -> Vec<String> {
    let mut ignored = Diagnostics::new();
    source::list_files(&root.join(BRIEFS_DIR), &["md", "new"], &mut ignored)
        .into_iter()
        .filter_map(|(rel, _)| slug::slugify(rel.trim_end_matches(".new").trim_end_matches(".md")))
        .collect()
}

/// A slug from the title's first words, unique among `taken`.
fn unique_slug(title: &str, fallback: &str, taken: &mut slug::UniqueNames) -> String {
    let base = slug::slugify(
        &title
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" "),
    )
    .map(|s| {
        s.chars()
            .take(60)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    })
    .unwrap_or_else(|| fallback.to_string());
    taken.claim(&base)
}

/// Write `text` to `path` through a temporary file in the same folder, so a
/// crash never leaves half a brief.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    // tempfile creates 0600 files; a brief is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
