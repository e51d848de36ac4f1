//! The build cache: what the previous build read and wrote, so that the next
//! one redoes only what changed.
//!
//! It lives in `.dossier-cache/` at the site root (never inside `content/`)
//! and is disposable: delete it and the next build is a full one. Anything
//! wrong with it (another dossier version, a truncated file, a decode error)
//! also means a full build, never a failed one.
//!
//! Two files, so that the common "nothing changed" case reads only the small
//! one:
//! - `state.bin` ([`BuildState`]): the stamps (size, modification time) of
//!   every input file and of every output file, and the key of every page.
//! - `memo.bin` ([`Memo`]): parsed sources and briefs by file stamp, and the
//!   stages' own memos (ingest's view of the briefs, analysis passages,
//!   render keys).
//!
//! Stamps are trusted the way Git trusts its index: a file whose modification
//! time is not clearly older than the moment the cache was written could have
//! changed again within the same clock tick, so it is read afresh.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::source::SourceText;

/// Folder of the cache, relative to the site root.
pub const CACHE_DIR: &str = ".dossier-cache";

/// Modification times this close to a snapshot are not trusted (coarse
/// file system clocks tick in up to two seconds).
const TRUST_MARGIN_NS: i128 = 2_000_000_000;

/// Bump when the layout of anything stored changes.
const FORMAT: u32 = 1;

/// A file's size and modification time: how a build tells, without reading
/// it, that a file is the one it saw last time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
}

impl FileStamp {
    /// The stamp of a file's metadata; `None` for something that is not a file.
    pub fn of(meta: &std::fs::Metadata) -> Option<FileStamp> {
        if !meta.is_file() {
            return None;
        }
        let mtime = meta.modified().ok()?;
        let mtime_ns = match mtime.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        Some(FileStamp {
            len: meta.len(),
            mtime_ns,
        })
    }

    /// The stamp of the file at `path` (symlinks not followed).
    pub fn read(path: &Path) -> Option<FileStamp> {
        FileStamp::of(&std::fs::symlink_metadata(path).ok()?)
    }
}

/// 128-bit content hash (xxh3): fast, for change detection only.
pub fn hash_bytes(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Streaming 128-bit hash of anything serialisable: the key of a page's inputs.
#[derive(Default)]
pub struct Hasher {
    state: xxhash_rust::xxh3::Xxh3,
    /// Small writes gathered before they reach the hash: serialising a
    /// value writes a few bytes at a time, and each update has a cost.
    pending: Vec<u8>,
}

/// Pending bytes beyond which they are hashed.
const HASHER_BUFFER: usize = 16 * 1024;

impl Hasher {
    /// A fresh hasher.
    pub fn new() -> Self {
        Hasher::default()
    }

    /// Feed raw bytes.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.pending
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        if bytes.len() >= HASHER_BUFFER {
            self.flush_pending();
            self.state.update(bytes);
        } else {
            self.pending.extend_from_slice(bytes);
            self.flush_if_full();
        }
        self
    }

    /// Feed a value by its serialised form (postcard: compact, deterministic).
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        if postcard::to_io(value, &mut self.pending).is_err() {
            // Not reachable with the types we hash (tests run with debug
            // assertions); never let a value go unhashed silently.
            debug_assert!(false, "a page value could not be serialised for its key");
            self.pending.extend_from_slice(b"\xffunserialisable");
        }
        self.flush_if_full();
        self
    }

    /// The hash of everything fed.
    pub fn finish(&self) -> u128 {
        let mut state = self.state.clone();
        state.update(&self.pending);
        state.digest128()
    }

    fn flush_if_full(&mut self) {
        if self.pending.len() >= HASHER_BUFFER {
            self.flush_pending();
        }
    }

    fn flush_pending(&mut self) {
        self.state.update(&self.pending);
        self.pending.clear();
    }
}

/// Results of reading files, by path and stamp: a file whose stamp did not
/// change is not read or parsed again. Safe to share between threads.
#[derive(Serialize, Deserialize)]
#[serde(bound = "T: Serialize + DeserializeOwned")]
pub struct FileMemo<T> {
    entries: Mutex<HashMap<String, (FileStamp, T)>>,
    /// Stamps with a modification time from this moment on are not trusted.
    trusted_before_ns: i128,
    #[serde(skip)]
    fresh: Mutex<HashMap<String, (FileStamp, T)>>,
}

impl<T> Default for FileMemo<T> {
    fn default() -> Self {
        FileMemo {
            entries: Mutex::new(HashMap::new()),
            trusted_before_ns: i128::MIN,
            fresh: Mutex::new(HashMap::new()),
        }
    }
}

impl<T: Clone> FileMemo<T> {
    /// The value for `key` if its file still has `stamp`, else `parse()` it
    /// (and remember the result when it is `Ok`).
    pub fn get_or<E>(
        &self,
        key: &str,
        stamp: Option<FileStamp>,
        parse: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        if let Some(value) = self.hit(key, stamp) {
            return Ok(value);
        }
        let value = parse()?;
        if let Some(stamp) = stamp {
            self.remember(key, stamp, value.clone());
        }
        Ok(value)
    }

    /// The value for `key` if its file still has `stamp` (kept for the next
    /// build too); `None` means the caller reads the file and
    /// [`FileMemo::remember`]s the result.
    pub fn hit(&self, key: &str, stamp: Option<FileStamp>) -> Option<T> {
        let stamp = stamp.filter(|s| s.mtime_ns < self.trusted_before_ns)?;
        // Taken out, not cloned: each file is asked for once per build.
        let (_, value) = self
            .entries
            .lock()
            .ok()
            .and_then(|mut e| e.remove(key))
            .filter(|(old, _)| *old == stamp)?;
        self.remember(key, stamp, value.clone());
        Some(value)
    }

    /// Keep `value` for the file `key` with `stamp`, for the next build.
    pub fn remember(&self, key: &str, stamp: FileStamp, value: T) {
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key.to_string(), (stamp, value));
        }
    }

    /// The memo for the next build: what this build used, trusted up to `now_ns`.
    fn next(self, now_ns: i128) -> FileMemo<T> {
        FileMemo {
            entries: Mutex::new(self.fresh.into_inner().unwrap_or_default()),
            // A file changed within a clock tick of the snapshot keeps its stamp.
            trusted_before_ns: now_ns - TRUST_MARGIN_NS,
            fresh: Mutex::new(HashMap::new()),
        }
    }
}

/// Small memos of the stages that are not about one file: keyed by a hash of
/// the inputs that decide the result.
#[derive(Serialize, Deserialize)]
#[serde(bound = "K: Serialize + DeserializeOwned + Eq + Hash, V: Serialize + DeserializeOwned")]
pub struct KeyMemo<K, V> {
    entries: HashMap<K, V>,
    #[serde(skip)]
    fresh: Mutex<HashMap<K, V>>,
}

impl<K, V> Default for KeyMemo<K, V> {
    fn default() -> Self {
        KeyMemo {
            entries: HashMap::new(),
            fresh: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> KeyMemo<K, V> {
    /// The remembered value for `key`, or `make()` (remembered for next time).
    pub fn get_or(&self, key: &K, make: impl FnOnce() -> V) -> V {
        let value = self.entries.get(key).cloned().unwrap_or_else(make);
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key.clone(), value.clone());
        }
        value
    }

    /// The value remembered for `key` by the previous build, if any.
    pub fn previous(&self, key: &K) -> Option<&V> {
        self.entries.get(key)
    }

    /// Remember `value` for the next build.
    pub fn put(&self, key: K, value: V) {
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key, value);
        }
    }

    fn next(self) -> KeyMemo<K, V> {
        KeyMemo {
            entries: self.fresh.into_inner().unwrap_or_default(),
            fresh: Mutex::new(HashMap::new()),
        }
    }
}

/// Every input file of a site with its stamp, in path order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSnapshot {
    /// Path from the site root -> stamp.
    pub files: Vec<(String, FileStamp)>,
}

impl InputSnapshot {
    /// Stat every file a build reads: site.toml, content/, the theme, the
    /// site's templates/ and static/ folders. Hidden files are skipped, as the
    /// loaders skip them; symlinks are recorded by their own stamp.
    pub fn take(root: &Path, theme: &str) -> InputSnapshot {
        use rayon::prelude::*;
        let mut paths = vec![root.join(crate::config::CONFIG_FILE)];
        let dirs = [
            PathBuf::from("content"),
            PathBuf::from("themes").join(theme),
            PathBuf::from("templates"),
            PathBuf::from("static"),
        ];
        // Walk (directory listings give file types without a stat), then
        // stat the files in parallel: at thousands of briefs the stats are
        // most of a no-change build.
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
        let mut files: Vec<(String, FileStamp)> = paths
            .par_iter()
            .filter_map(|path| {
                let meta = std::fs::symlink_metadata(path).ok()?;
                let stamp = match FileStamp::of(&meta) {
                    Some(s) => s,
                    // A symlink: its own stamp (the loaders do not follow it).
                    None if meta.file_type().is_symlink() => FileStamp {
                        len: 0,
                        mtime_ns: 0,
                    },
                    None => return None,
                };
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .replace('\\', "/");
                Some((rel, stamp))
            })
            .collect();
        files.sort();
        InputSnapshot { files }
    }

    /// Is every stamp older than `ns` (so that equal stamps mean equal files)?
    fn all_before(&self, ns: i128) -> bool {
        self.files.iter().all(|(_, s)| s.mtime_ns < ns)
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
}

impl BuildState {
    /// True when the previous build had these very inputs and its output is
    /// still on disk exactly as written: the build has nothing to do.
    pub fn up_to_date(&self, key: u128, inputs: &InputSnapshot, out_dir: &Path) -> bool {
        self.key == key
            && !self.outputs.is_empty()
            && self.output_dir == out_dir
            && self.inputs == *inputs
            && inputs.all_before(self.snapshot_ns - TRUST_MARGIN_NS)
            && self.output_intact(out_dir)
    }

    /// Is every file the previous build wrote still there, unmodified?
    pub fn output_intact(&self, out_dir: &Path) -> bool {
        use rayon::prelude::*;
        out_dir.join(crate::output::MARKER).is_file()
            && self
                .outputs
                .par_iter()
                .all(|(rel, f)| FileStamp::read(&out_dir.join(rel)) == Some(f.stamp))
    }
}

/// Parsed files and stage memos from the previous build.
#[derive(Default, Serialize, Deserialize)]
pub struct Memo {
    /// Sources by path (`content/sources/...`).
    pub sources: FileMemo<SourceText>,
    /// Briefs by path (`content/briefs/...`), without their bodies, as JSON
    /// (see [`crate::brief::load_briefs`]).
    pub briefs: FileMemo<String>,
    /// Ingest's reading of each brief file (which source, edited or not).
    pub ingest: FileMemo<Option<crate::ingest::BriefOnDisk>>,
    /// Analysis: the passage that justifies each tag, by brief and rules.
    pub passages: crate::analyse::PassageMemo,
    /// Render: page keys and the links brief bodies looked up.
    pub render: crate::render::RenderMemo,
    /// This build's stamps of the input files (not stored).
    #[serde(skip)]
    pub stamps: Stamps,
}

impl Memo {
    /// The memo for the next build: what this one used.
    pub fn next(self, now_ns: i128) -> Memo {
        Memo {
            sources: self.sources.next(now_ns),
            briefs: self.briefs.next(now_ns),
            ingest: self.ingest.next(now_ns),
            passages: self.passages.next(),
            render: crate::render::RenderMemo {
                pages: self.render.pages.next(),
                body_links: self.render.body_links.next(),
            },
            stamps: Stamps::default(),
        }
    }
}

/// The cache of one site.
pub struct BuildCache {
    dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Stored<T> {
    format: u32,
    version: String,
    value: T,
}

impl BuildCache {
    /// The cache of the site at `root`.
    pub fn new(root: &Path) -> BuildCache {
        BuildCache {
            dir: root.join(CACHE_DIR),
        }
    }

    /// The previous build's state; empty when there is none or it is unreadable.
    pub fn state(&self) -> BuildState {
        self.read("state.bin").unwrap_or_default()
    }

    /// The previous build's memos; empty when there are none or they are unreadable.
    pub fn memo(&self) -> Memo {
        self.read("memo.bin").unwrap_or_default()
    }

    /// Forget everything (before a build whose outcome the cache must not describe).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.dir.join("state.bin"));
    }

    /// Forget the memos too: the next build is a full one.
    pub fn forget(&self) {
        self.clear();
        let _ = std::fs::remove_file(self.dir.join("memo.bin"));
    }

    /// Store the state and memos of a finished build. Failing to store is
    /// not an error of the build: the next one is simply a full one.
    pub fn store(&self, state: &BuildState, memo: &Memo) {
        // The memo first: a state without its memo only costs a full build.
        let _ = self.write("memo.bin", memo);
        let _ = self.write("state.bin", state);
    }

    fn read<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        let stored: Stored<T> = postcard::from_bytes(&bytes).ok()?;
        (stored.format == FORMAT && stored.version == binary_version()).then_some(stored.value)
    }

    fn write<T: Serialize>(&self, name: &str, value: &T) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let stored = Stored {
            format: FORMAT,
            version: binary_version(),
            value,
        };
        let tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        // Streamed: the memo of a large site is megabytes, not worth a copy.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
        postcard::to_io(&stored, &mut out).map_err(std::io::Error::other)?;
        let tmp = out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(self.dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The dossier version and the running binary's own stamp: a rebuilt
/// binary may extract or render differently, so its cache is not reused.
fn binary_version() -> String {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION
        .get_or_init(|| {
            let exe = std::env::current_exe()
                .ok()
                .and_then(|p| std::fs::metadata(p).ok())
                .and_then(|m| FileStamp::of(&m));
            format!("{} {exe:?}", env!("CARGO_PKG_VERSION"))
        })
        .clone()
}

/// Now, in nanoseconds since the Unix epoch.
pub fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}
