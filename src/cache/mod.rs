//! The build cache: what the previous build read and wrote, so that the next
//! one redoes only what changed.
//!
//! It lives in `.dossier-cache/` at the site root (never inside `content/`)
//! and is disposable: delete it and the next build is a full one. Anything
//! wrong with it (another dossier version, a truncated file, a decode error)
//! also means a full build, never a failed one.
//!
//! The common "nothing changed" case reads only the first of:
//! - `state.bin` ([`BuildState`]): the stamps (size, modification time) of
//!   every input file and of every output file.
//! - `memo/` ([`Memo`]): parsed sources and briefs by file stamp, and the
//!   stages' own memos (ingest's view of the briefs, analysis passages and
//!   related briefs, output keys), each in 16 files by key so that
//!   a build that changed a few entries rewrites a few files.
//!
//! Stamps are trusted the way Git trusts its index: a file whose modification
//! time is not clearly older than the moment the cache was written could have
//! changed again within the same clock tick, so it is read afresh.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod memo;
mod stat;
mod store;

pub use crate::hash::{Hasher, hash_bytes};
pub use crate::stamp::FileStamp;
pub(crate) use crate::stamp::change_of;
pub use memo::{AnalysisMemo, FileMemo, KeyMemo, Memo, ParsedBriefs, PassageMemo, RenderMemo};
pub use store::BuildCache;

/// Folder of the cache, relative to the site root.
pub const CACHE_DIR: &str = ".dossier-cache";

/// Modification times this close to a snapshot are not trusted (coarse
/// file system clocks tick in up to two seconds).
const TRUST_MARGIN_NS: i128 = 2_000_000_000;

/// Bump when the layout of anything stored changes.
const FORMAT: u32 = 10;

/// Every input file of a site with its stamp, in path order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSnapshot {
    /// Path from the site root -> stamp.
    pub files: Vec<(String, FileStamp)>,
}

impl InputSnapshot {
    /// The folders a build reads, from the site root (site.toml besides).
    /// The content folders come again on their own: one that is a symbolic
    /// link (a corpus kept elsewhere) is read through by the loaders, so its
    /// files are inputs too (a walk follows its root, not links below it).
    pub fn dirs(theme: &str) -> [PathBuf; 7] {
        [
            PathBuf::from("content"),
            PathBuf::from(crate::source::SOURCES_DIR),
            PathBuf::from(crate::brief::BRIEFS_DIR),
            PathBuf::from("content/topics"),
            PathBuf::from("themes").join(theme),
            PathBuf::from("templates"),
            PathBuf::from("static"),
        ]
    }

    /// Stat every file a build reads: site.toml, content/, the theme, the
    /// site's templates/ and static/ folders. Hidden files are skipped, as the
    /// loaders skip them; symlinks are recorded by their own stamp.
    pub fn take(root: &Path, theme: &str) -> InputSnapshot {
        let mut paths = vec![root.join(crate::config::CONFIG_FILE)];
        let dirs = InputSnapshot::dirs(theme);
        // Walk (directory listings give file types without a stat), then
        // stat the files in parallel, relative to their folders: at thousands
        // of briefs the stats are most of a no-change build.
        for dir in dirs {
            let walker = walkdir::WalkDir::new(root.join(&dir))
                .follow_links(false)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            paths.extend(
                walker
                    .flatten()
                    .filter(|e| !e.file_type().is_dir())
                    .map(walkdir::DirEntry::into_path),
            );
        }
        paths.sort();
        paths.dedup();
        // A name that is not UTF-8 (legacy bytes a Unix file system allows)
        // cannot go through the batch of relative names: it is stamped by
        // its path, under a key that keeps its bytes apart from any other.
        let (utf8, legacy): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| p.strip_prefix(root).unwrap_or(p).to_str().is_some());
        let rels: Vec<String> = utf8
            .iter()
            .map(|path| {
                path.strip_prefix(root)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        let stamps = stat::entries(root, &rels);
        let mut files: Vec<(String, FileStamp)> = rels
            .into_iter()
            .zip(stamps)
            .filter_map(|(rel, entry)| match entry {
                stat::Entry::File(stamp) => Some((rel, stamp)),
                // A symlink: its own stamp (the loaders do not follow it).
                stat::Entry::Symlink => Some((
                    rel,
                    FileStamp {
                        len: 0,
                        mtime_ns: 0,
                        change: 0,
                    },
                )),
                stat::Entry::Other => None,
            })
            .collect();
        files.extend(legacy.iter().filter_map(|path| {
            let rel = path.strip_prefix(root).unwrap_or(path);
            let bytes = rel.as_os_str().as_encoded_bytes();
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let stamp = FileStamp::read(path)?;
            Some((format!("{} (bytes {hex})", rel.to_string_lossy()), stamp))
        }));
        files.sort();
        InputSnapshot { files }
    }

    /// The snapshot with the files at `paths` (from `root`) as they are
    /// now: files this build wrote after the snapshot was taken. One that is
    /// gone again is left out.
    pub fn with_written(self, root: &Path, paths: &[String]) -> InputSnapshot {
        let mut files: Vec<(String, FileStamp)> = self
            .files
            .into_iter()
            .filter(|(p, _)| !paths.contains(p))
            .collect();
        files.extend(
            paths
                .iter()
                .filter_map(|p| Some((p.clone(), FileStamp::read(&root.join(p))?))),
        );
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        InputSnapshot { files }
    }

    /// The paths whose file may not be the one `previous` (taken at
    /// `previous_ns`) saw: another stamp, or one too close to that moment
    /// to trust. `None` when a file was added or removed.
    pub fn changed_since(&self, previous: &InputSnapshot, previous_ns: i128) -> Option<Vec<&str>> {
        if self.files.len() != previous.files.len() {
            return None;
        }
        let mut changed = Vec::new();
        for ((path, stamp), (was, old)) in self.files.iter().zip(&previous.files) {
            if path != was {
                return None;
            }
            if stamp != old || stamp.mtime_ns >= previous_ns - TRUST_MARGIN_NS {
                changed.push(path.as_str());
            }
        }
        Some(changed)
    }
}

/// Where loaders get a file's stamp: from this build's [`InputSnapshot`]
/// when there is one (a second stat of every input costs as much as the
/// first), else from the file.
#[derive(Debug, Default)]
pub struct Stamps {
    /// Path from the site root -> stamp, sorted; `None`: stat each file.
    snapshot: Option<Vec<(String, FileStamp)>>,
}

impl Stamps {
    /// The stamps of `snapshot`.
    pub fn from_snapshot(snapshot: &InputSnapshot) -> Stamps {
        Stamps {
            snapshot: Some(snapshot.files.clone()),
        }
    }

    /// Forget the stamps of files written since the snapshot (they are
    /// stat'ed again when asked for).
    pub fn forget(&mut self, written: &[String]) {
        if let Some(files) = &mut self.snapshot {
            files.retain(|(p, _)| !written.contains(p));
        }
    }

    /// The stamp of the file at `rel` (from the site root, with `/`), found
    /// at `path`; `None` when it is not a regular file.
    pub fn get(&self, rel: &str, path: &Path) -> Option<FileStamp> {
        let Some(files) = &self.snapshot else {
            return FileStamp::read(path);
        };
        match files.binary_search_by(|(p, _)| p.as_str().cmp(rel)) {
            // Symlinks are in the snapshot with a zero stamp: not memoised.
            Ok(i) => Some(files[i].1).filter(|s| s.len != 0 || s.mtime_ns != 0),
            Err(_) => FileStamp::read(path),
        }
    }
}

/// What the previous build read and wrote.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildState {
    /// Hash of everything besides the input files that decides the output:
    /// the dossier binary, the output folder, command-line overrides.
    pub key: u128,
    /// The inputs the previous build read.
    pub inputs: InputSnapshot,
    /// When the previous build took its snapshot.
    pub snapshot_ns: i128,
    /// The output folder it wrote.
    pub output_dir: PathBuf,
    /// Every file it wrote, by path from the output root.
    pub outputs: crate::output::Manifest,
    /// Its ingest wrote nothing: with the same inputs, the next one would
    /// not either, and would warn of `ingest_warnings` again.
    pub ingest_quiet: bool,
    /// What that ingest warned of (a file it cannot read, a duplicate
    /// article): a build that skips ingest repeats them.
    pub ingest_warnings: Vec<crate::diagnostics::Diagnostic>,
    /// Every warning of the build, sorted: an up-to-date build repeats them
    /// (a PDF among the sources is as unread as it was).
    pub warnings: Vec<crate::diagnostics::Diagnostic>,
    /// The files of the briefs it left off as drafts: reported again by a
    /// build that does not load the briefs.
    pub drafts: Vec<String>,
    /// Nothing warned but ingest and the reading of the sources (the same
    /// files, the same warnings): a build that redoes only part of the work
    /// has no warnings of the rest to repeat (a brief linking nowhere).
    pub quiet: bool,
}

impl BuildState {
    /// True when the previous build had these very inputs (`changed`: this
    /// build's inputs [`InputSnapshot::changed_since`] this state's) and its
    /// output is still on disk exactly as written (`output` from
    /// [`BuildState::output`]): the build has nothing to do.
    pub fn up_to_date(&self, changed: Option<&[&str]>, output: OutputCheck) -> bool {
        output == OutputCheck::Intact
            && !self.outputs.is_empty()
            && changed.is_some_and(<[&str]>::is_empty)
    }

    /// Can the previous build's output stand in for this build's unchanged
    /// files: made with the same `key`, into `out_dir`, and still on disk as
    /// written?
    pub fn output(&self, key: u128, out_dir: &Path) -> OutputCheck {
        if self.key == key && self.output_dir == out_dir && self.output_intact(out_dir) {
            OutputCheck::Intact
        } else {
            OutputCheck::Unusable
        }
    }

    /// Is every file the previous build wrote still there, unmodified?
    pub fn output_intact(&self, out_dir: &Path) -> bool {
        if !out_dir.join(crate::output::MARKER).is_file() {
            return false;
        }
        let rels: Vec<&str> = self.outputs.keys().map(String::as_str).collect();
        stat::entries(out_dir, &rels)
            .into_iter()
            .zip(self.outputs.values())
            .all(|(entry, f)| {
                matches!(entry, stat::Entry::File(s) if s.written() == f.stamp.written())
            })
    }
}

/// What [`BuildState::output`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputCheck {
    /// The previous output is there as written, by a build with the same key.
    Intact,
    /// Missing, changed, or made for other options: every file is rendered.
    Unusable,
}

/// Free `value` on another thread. A build ends holding hundreds of
/// thousands of small allocations (memos, parsed briefs, views) whose
/// freeing would otherwise be the last thing the user waits for; when the
/// process exits first, the system takes the memory back at once.
pub fn discard<T: Send + 'static>(value: T) {
    // If no thread can be spawned, the closure and the value in it are
    // dropped right here.
    let _ = std::thread::Builder::new()
        .name("discard".to_string())
        .spawn(move || drop(value));
}

/// Now, in nanoseconds since the Unix epoch.
pub fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}
