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

/// The memos' maps: keys are paths and content hashes of the site's own
/// files, so a fast hash without flooding protection is the right one.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
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
const FORMAT: u32 = 2;

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

/// Memos are stored in this many shard files each, so that a build that
/// changed a few entries rewrites a few shards, not the whole memo.
const SHARDS: usize = 16;

/// The shard a key is stored in (stable for a given binary, which is all a
/// cache needs).
fn shard_of<K: Hash + ?Sized>(key: &K) -> usize {
    use std::hash::Hasher as _;
    let mut h = std::hash::DefaultHasher::new();
    key.hash(&mut h);
    (h.finish() % SHARDS as u64) as usize
}

/// Which shards of a memo differ from their files: set when an entry is
/// added, changed or dropped, or a shard file could not be read.
#[derive(Default)]
struct Dirty(std::sync::atomic::AtomicU32);

impl Dirty {
    fn mark(&self, shard: usize) {
        self.0
            .fetch_or(1 << shard, std::sync::atomic::Ordering::Relaxed);
    }

    fn get(&self, shard: usize) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed) & (1 << shard) != 0
    }
}

/// Results of reading files, by path and stamp: a file whose stamp did not
/// change is not read or parsed again. Safe to share between threads.
pub struct FileMemo<T> {
    entries: Mutex<HashMap<String, (FileStamp, T)>>,
    /// Stamps with a modification time from this moment on are not trusted.
    trusted_before_ns: i128,
    fresh: Mutex<HashMap<String, (FileStamp, T)>>,
    dirty: Dirty,
}

impl<T> Default for FileMemo<T> {
    fn default() -> Self {
        FileMemo {
            entries: Mutex::new(HashMap::default()),
            trusted_before_ns: i128::MIN,
            fresh: Mutex::new(HashMap::default()),
            dirty: Dirty::default(),
        }
    }
}

impl<T: Clone + Send + 'static> FileMemo<T> {
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
        self.keep(key, stamp, value.clone());
        Some(value)
    }

    /// Keep `value`, just read from the file `key` with `stamp`, for the next build.
    pub fn remember(&self, key: &str, stamp: FileStamp, value: T) {
        self.dirty.mark(shard_of(key));
        self.keep(key, stamp, value);
    }

    fn keep(&self, key: &str, stamp: FileStamp, value: T) {
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key.to_string(), (stamp, value));
        }
    }

    /// The memo for the next build: what this build used, trusted up to `now_ns`.
    fn next(self, now_ns: i128) -> FileMemo<T> {
        // Entries not asked for: files gone (or read afresh).
        let gone = self.entries.into_inner().unwrap_or_default();
        for key in gone.keys() {
            self.dirty.mark(shard_of(key.as_str()));
        }
        discard(gone);
        FileMemo {
            entries: Mutex::new(self.fresh.into_inner().unwrap_or_default()),
            // A file changed within a clock tick of the snapshot keeps its stamp.
            trusted_before_ns: now_ns - TRUST_MARGIN_NS,
            fresh: Mutex::new(HashMap::default()),
            dirty: self.dirty,
        }
    }
}

impl<T: Serialize + DeserializeOwned + Send + Sync> FileMemo<T> {
    fn load(files: &ShardFiles, trusted_before_ns: i128) -> FileMemo<T> {
        let (entries, dirty) = files.load();
        FileMemo {
            entries: Mutex::new(entries),
            trusted_before_ns,
            fresh: Mutex::new(HashMap::default()),
            dirty,
        }
    }

    fn store(&self, files: &ShardFiles) {
        if let Ok(entries) = self.entries.lock() {
            files.store(&entries, &self.dirty);
        }
    }
}

/// Small memos of the stages that are not about one file: keyed by a hash of
/// the inputs that decide the result.
pub struct KeyMemo<K, V> {
    entries: HashMap<K, V>,
    fresh: Mutex<HashMap<K, V>>,
    dirty: Dirty,
}

impl<K, V> Default for KeyMemo<K, V> {
    fn default() -> Self {
        KeyMemo {
            entries: HashMap::default(),
            fresh: Mutex::new(HashMap::default()),
            dirty: Dirty::default(),
        }
    }
}

impl<K: Eq + Hash + Clone + Send + 'static, V: Clone + Send + 'static> KeyMemo<K, V> {
    /// The remembered value for `key`, or `make()` (remembered for next time).
    pub fn get_or(&self, key: &K, make: impl FnOnce() -> V) -> V {
        let value = match self.entries.get(key) {
            Some(v) => v.clone(),
            None => {
                self.dirty.mark(shard_of(key));
                make()
            }
        };
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
    pub fn put(&self, key: K, value: V)
    where
        V: PartialEq,
    {
        if self.entries.get(&key) != Some(&value) {
            self.dirty.mark(shard_of(&key));
        }
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key, value);
        }
    }

    fn next(self) -> KeyMemo<K, V> {
        let fresh = self.fresh.into_inner().unwrap_or_default();
        // Entries not used by this build are dropped.
        for key in self.entries.keys().filter(|k| !fresh.contains_key(k)) {
            self.dirty.mark(shard_of(key));
        }
        discard(self.entries);
        KeyMemo {
            entries: fresh,
            fresh: Mutex::new(HashMap::default()),
            dirty: self.dirty,
        }
    }
}

impl<K, V> KeyMemo<K, V>
where
    K: Serialize + DeserializeOwned + Eq + Hash + Ord + Send + Sync,
    V: Serialize + DeserializeOwned + Send + Sync,
{
    fn load(files: &ShardFiles) -> KeyMemo<K, V> {
        let (entries, dirty) = files.load();
        KeyMemo {
            entries,
            fresh: Mutex::new(HashMap::default()),
            dirty,
        }
    }

    fn store(&self, files: &ShardFiles) {
        files.store(&self.entries, &self.dirty);
    }
}

/// The shard files of one memo: `memo/<name>-<shard>.bin` in the cache.
struct ShardFiles<'a> {
    cache: &'a BuildCache,
    name: &'static str,
}

impl ShardFiles<'_> {
    fn path(&self, shard: usize) -> String {
        format!("{MEMO_DIR}/{}-{shard:02}.bin", self.name)
    }

    /// Every shard's entries; a shard that cannot be read is empty and dirty
    /// (rewritten at the end of the build).
    fn load<K, V>(&self) -> (HashMap<K, V>, Dirty)
    where
        K: DeserializeOwned + Eq + Hash + Send,
        V: DeserializeOwned + Send,
    {
        use rayon::prelude::*;
        let shards: Vec<Option<Vec<(K, V)>>> = (0..SHARDS)
            .into_par_iter()
            .map(|s| self.cache.read(&self.path(s)))
            .collect();
        let dirty = Dirty::default();
        let mut entries = HashMap::with_capacity_and_hasher(
            shards.iter().flatten().map(Vec::len).sum(),
            Default::default(),
        );
        for (s, shard) in shards.into_iter().enumerate() {
            match shard {
                Some(list) => entries.extend(list),
                None => dirty.mark(s),
            }
        }
        (entries, dirty)
    }

    /// Write the dirty shards of `entries` (sorted by key: the same entries
    /// give the same bytes); an empty shard's file is removed.
    fn store<K, V>(&self, entries: &HashMap<K, V>, dirty: &Dirty)
    where
        K: Serialize + Hash + Ord + Sync,
        V: Serialize + Sync,
    {
        use rayon::prelude::*;
        let mut shards: Vec<Vec<(&K, &V)>> = vec![Vec::new(); SHARDS];
        for (k, v) in entries {
            let s = shard_of(k);
            if dirty.get(s) {
                shards[s].push((k, v));
            }
        }
        shards.par_iter_mut().enumerate().for_each(|(s, list)| {
            if !dirty.get(s) {
                return;
            }
            if list.is_empty() {
                let _ = std::fs::remove_file(self.cache.dir.join(self.path(s)));
            } else {
                list.sort_unstable_by(|a, b| a.0.cmp(b.0));
                let _ = self.cache.write(&self.path(s), list);
            }
        });
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
#[derive(Default)]
pub struct Memo {
    /// Sources by path (`content/sources/...`).
    pub sources: FileMemo<SourceText>,
    /// Briefs by path (`content/briefs/...`), without their bodies, as JSON
    /// (see [`crate::brief::load_briefs`]).
    pub briefs: FileMemo<String>,
    /// Ingest's reading of each brief file (which source, edited or not).
    pub ingest: FileMemo<Option<crate::ingest::BriefOnDisk>>,
    /// Analysis: the passage that justifies each tag, by brief and rules;
    /// related briefs, by the features they are computed from.
    pub analysis: crate::analyse::AnalysisMemo,
    /// Render: page keys and the links brief bodies looked up.
    pub render: crate::render::RenderMemo,
    /// This build's stamps of the input files (not stored).
    pub stamps: Stamps,
}

impl Memo {
    /// The memo for the next build: what this one used.
    pub fn next(self, now_ns: i128) -> Memo {
        Memo {
            sources: self.sources.next(now_ns),
            briefs: self.briefs.next(now_ns),
            ingest: self.ingest.next(now_ns),
            analysis: crate::analyse::AnalysisMemo {
                passages: self.analysis.passages.next(),
                related: self.analysis.related.next(),
            },
            render: crate::render::RenderMemo {
                pages: self.render.pages.next(),
                body_links: self.render.body_links.next(),
            },
            stamps: Stamps::default(),
        }
    }
}

/// Folder of the memo's shard files, in the cache folder.
const MEMO_DIR: &str = "memo";

/// When the memo's file stamps were last vouched for (written by every build).
const TRUST_FILE: &str = "memo/trust.bin";

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

    /// The previous build's memos; empty where they are missing or unreadable.
    pub fn memo(&self) -> Memo {
        let files = |name| ShardFiles { cache: self, name };
        // Without a trust stamp no file stamp is trusted (all are read again).
        let trusted: i128 = self.read(TRUST_FILE).unwrap_or(i128::MIN);
        let (((sources, briefs), related), (ingest, (passages, (pages, body_links)))) = rayon::join(
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || FileMemo::load(&files("sources"), trusted),
                            || FileMemo::load(&files("briefs"), trusted),
                        )
                    },
                    || KeyMemo::load(&files("related")),
                )
            },
            || {
                rayon::join(
                    || FileMemo::load(&files("ingest"), trusted),
                    || {
                        rayon::join(
                            || KeyMemo::load(&files("passages")),
                            || {
                                rayon::join(
                                    || KeyMemo::load(&files("pages")),
                                    || KeyMemo::load(&files("body-links")),
                                )
                            },
                        )
                    },
                )
            },
        );
        Memo {
            sources,
            briefs,
            ingest,
            analysis: crate::analyse::AnalysisMemo { passages, related },
            render: crate::render::RenderMemo { pages, body_links },
            stamps: Stamps::default(),
        }
    }

    /// Forget everything (before a build whose outcome the cache must not describe).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.dir.join("state.bin"));
    }

    /// Forget the memos too: the next build is a full one.
    pub fn forget(&self) {
        self.clear();
        let _ = std::fs::remove_dir_all(self.dir.join(MEMO_DIR));
    }

    /// Store the state and memos of a finished build. Failing to store is
    /// not an error of the build: the next one is simply a full one.
    ///
    /// Only the memo shards whose entries changed are written.
    pub fn store(&self, state: &BuildState, memo: &Memo) {
        if std::fs::create_dir_all(self.dir.join(MEMO_DIR)).is_err() {
            return;
        }
        let files = |name| ShardFiles { cache: self, name };
        // Shards first, then the trust stamp: a stamp is never newer than
        // the shards it vouches for.
        memo.sources.store(&files("sources"));
        memo.briefs.store(&files("briefs"));
        memo.ingest.store(&files("ingest"));
        memo.analysis.passages.store(&files("passages"));
        memo.analysis.related.store(&files("related"));
        memo.render.pages.store(&files("pages"));
        memo.render.body_links.store(&files("body-links"));
        let _ = self.write(TRUST_FILE, &memo.briefs.trusted_before_ns);
        // The single memo file of earlier versions.
        let _ = std::fs::remove_file(self.dir.join("memo.bin"));
        let _ = self.write("state.bin", state);
    }

    fn read<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        let stored: Stored<T> = postcard::from_bytes(&bytes).ok()?;
        (stored.format == FORMAT && stored.version == binary_version()).then_some(stored.value)
    }

    fn write<T: Serialize + ?Sized>(&self, name: &str, value: &T) -> std::io::Result<()> {
        let path = self.dir.join(name);
        let dir = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(dir)?;
        let stored = Stored {
            format: FORMAT,
            version: binary_version(),
            value,
        };
        let tmp = tempfile::NamedTempFile::new_in(dir)?;
        // Streamed: the memo of a large site is megabytes, not worth a copy.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
        postcard::to_io(&stored, &mut out).map_err(std::io::Error::other)?;
        let tmp = out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(path).map_err(|e| e.error)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of every memo shard file of `cache`.
    fn shard_bytes(cache: &BuildCache) -> std::collections::BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(cache.dir.join(MEMO_DIR))
            .unwrap()
            .flatten()
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    fn changed(
        a: &std::collections::BTreeMap<String, Vec<u8>>,
        b: &std::collections::BTreeMap<String, Vec<u8>>,
    ) -> Vec<String> {
        let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        names
            .into_iter()
            .filter(|n| a.get(*n) != b.get(*n))
            .filter(|n| n.as_str() != "trust.bin")
            .cloned()
            .collect()
    }

    const OLD: FileStamp = FileStamp {
        len: 1,
        mtime_ns: 0,
    };

    /// A build that changes one memo entry rewrites one shard file; what it
    /// stores reads back the same; a garbled shard is read as empty.
    #[test]
    fn memo_shards_are_rewritten_only_where_entries_changed() {
        let site = tempfile::tempdir().unwrap();
        let cache = BuildCache::new(site.path());
        let now = now_ns();
        let first = Memo::default();
        for i in 0..200u32 {
            first
                .render
                .pages
                .put(format!("briefs/{i}.html"), u128::from(i));
            first
                .briefs
                .remember(&format!("content/briefs/{i}.md"), OLD, format!("b{i}"));
        }
        cache.store(&BuildState::default(), &first.next(now));
        let before = shard_bytes(&cache);
        assert_eq!(before.len(), 2 * SHARDS + 1, "{:?}", before.keys());

        // The next build: the same entries, one page key changed.
        let second = cache.memo();
        for i in 0..200u32 {
            let page = format!("briefs/{i}.html");
            assert_eq!(second.render.pages.previous(&page), Some(&u128::from(i)));
            let key = if i == 7 { 700 } else { u128::from(i) };
            second.render.pages.put(page, key);
            let brief = format!("content/briefs/{i}.md");
            assert_eq!(second.briefs.hit(&brief, Some(OLD)), Some(format!("b{i}")));
        }
        cache.store(&BuildState::default(), &second.next(now));
        let after = shard_bytes(&cache);
        let page_shard = format!("pages-{:02}.bin", shard_of("briefs/7.html"));
        assert_eq!(changed(&before, &after), vec![page_shard.clone()]);

        // One brief file gone: only its shard changes.
        let third = cache.memo();
        for i in 0..200u32 {
            let key = if i == 7 { 700 } else { u128::from(i) };
            third.render.pages.put(format!("briefs/{i}.html"), key);
            if i > 0 {
                let brief = format!("content/briefs/{i}.md");
                assert!(third.briefs.hit(&brief, Some(OLD)).is_some());
            }
        }
        cache.store(&BuildState::default(), &third.next(now));
        let gone = format!("briefs-{:02}.bin", shard_of("content/briefs/0.md"));
        assert_eq!(changed(&after, &shard_bytes(&cache)), vec![gone]);

        // A garbled shard is empty, the others intact, and it is rewritten.
        let victim = cache.dir.join(MEMO_DIR).join(&page_shard);
        std::fs::write(&victim, b"\x00garbage").unwrap();
        let fourth = cache.memo();
        assert_eq!(
            fourth.render.pages.previous(&"briefs/7.html".to_string()),
            None
        );
        let other = (0..200u32)
            .find(|i| shard_of(format!("briefs/{i}.html").as_str()) != shard_of("briefs/7.html"))
            .unwrap();
        assert_eq!(
            fourth
                .render
                .pages
                .previous(&format!("briefs/{other}.html")),
            Some(&u128::from(other))
        );
        fourth.render.pages.put("briefs/7.html".to_string(), 700);
        cache.store(&BuildState::default(), &fourth.next(now));
        assert_ne!(std::fs::read(&victim).unwrap(), b"\x00garbage");
    }
}
