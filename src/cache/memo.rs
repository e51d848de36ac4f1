//! The stages' memos ([`FileMemo`], [`KeyMemo`], gathered in [`Memo`]) and
//! how they are kept on disk: split by key into shard files, of which a
//! build rewrites only those whose entries changed.

use std::hash::Hash;
use std::sync::Mutex;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::store::{BuildCache, MEMO_DIR};
use super::{FileStamp, Stamps, TRUST_MARGIN_NS, discard};
use crate::source::SourceText;

/// The memos' maps: keys are paths and content hashes of the site's own
/// files, so a fast hash without flooding protection is the right one.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Memos are stored in this many shard files each (unless they say
/// otherwise), so that a build that changed a few entries rewrites a few
/// shards, not the whole memo.
pub const SHARDS: usize = 16;

/// The shard of `shards` a key is stored in (stable for a given binary,
/// which is all a cache needs).
fn shard_of<K: Hash + ?Sized>(key: &K, shards: usize) -> usize {
    use std::hash::Hasher as _;
    let mut h = std::hash::DefaultHasher::new();
    key.hash(&mut h);
    (h.finish() % shards as u64) as usize
}

/// Which shards of a memo differ from their files: set when an entry is
/// added, changed or dropped, or a shard file could not be read.
#[derive(Default)]
struct Dirty(std::sync::atomic::AtomicU64);

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
    pub(super) trusted_before_ns: i128,
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
        // Taken out of the previous build's entries into this build's.
        let taken = self.entries.lock().ok()?.remove(key);
        match taken {
            Some((old, value)) if old == stamp => {
                self.keep(key, stamp, value.clone());
                Some(value)
            }
            Some(_) => None,
            // Asked for earlier in this build (ingest and the build both
            // load the sources): this build's value.
            None => self
                .fresh
                .lock()
                .ok()?
                .get(key)
                .filter(|(s, _)| *s == stamp)
                .map(|(_, v)| v.clone()),
        }
    }

    /// The previous build's value for `key`, whatever its stamp.
    pub fn previous(&self, key: &str) -> Option<T> {
        self.entries.lock().ok()?.get(key).map(|(_, v)| v.clone())
    }

    /// The previous build's values this build has not asked for (yet): after
    /// a pass over every file present, those of files that are gone, and of
    /// files too fresh to trust.
    pub fn unasked(&self) -> Vec<T> {
        self.entries
            .lock()
            .map(|e| e.values().map(|(_, v)| v.clone()).collect())
            .unwrap_or_default()
    }

    /// Keep every entry this build did not ask for as it is: the stage that
    /// reads them was skipped because nothing it reads changed.
    pub fn keep_unasked(&self) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if let Ok(mut fresh) = self.fresh.lock() {
            for (key, entry) in entries.drain() {
                fresh.entry(key).or_insert(entry);
            }
        }
    }

    /// Keep `value`, just read from the file `key` with `stamp`, for the next build.
    pub fn remember(&self, key: &str, stamp: FileStamp, value: T) {
        self.dirty.mark(shard_of(key, SHARDS));
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
            self.dirty.mark(shard_of(key.as_str(), SHARDS));
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
    pub(super) fn load(files: &ShardFiles, trusted_before_ns: i128) -> FileMemo<T> {
        let (entries, dirty) = files.load::<_, _, SHARDS>(None);
        FileMemo {
            entries: Mutex::new(entries),
            trusted_before_ns,
            fresh: Mutex::new(HashMap::default()),
            dirty,
        }
    }

    /// Write the shards this build changed; returns those that could not
    /// be written (a bit per shard; all when the memo is poisoned).
    pub(super) fn store(&self, files: &ShardFiles) -> u64 {
        match self.entries.lock() {
            Ok(entries) => files.store::<_, _, SHARDS>(&entries, None, &self.dirty),
            Err(_) => u64::MAX,
        }
    }

    /// The entries of the shards that hold `keys`, as [`FileMemo::load`]
    /// (for a build that asks for a few).
    pub(super) fn load_part(
        files: &ShardFiles,
        trusted_before_ns: i128,
        keys: &[&str],
    ) -> FileMemo<T> {
        let (entries, dirty) =
            files.load::<_, _, SHARDS>(Some(shard_mask::<_, SHARDS>(keys.iter().copied())));
        FileMemo {
            entries: Mutex::new(entries),
            trusted_before_ns,
            fresh: Mutex::new(HashMap::default()),
            dirty,
        }
    }
}

/// The shards of `N` that hold `keys`, as a bit mask.
fn shard_mask<'k, K: Hash + ?Sized + 'k, const N: usize>(
    keys: impl IntoIterator<Item = &'k K>,
) -> u64 {
    keys.into_iter().fold(0, |m, k| m | 1 << shard_of(k, N))
}

/// Memos of the stages that are not about one file: keyed by a hash of
/// the inputs that decide the result, or by output path. Stored in `N`
/// shard files (at most 64).
pub struct KeyMemo<K, V, const N: usize = SHARDS> {
    entries: HashMap<K, V>,
    fresh: Mutex<HashMap<K, V>>,
    dirty: Dirty,
    /// The shards whose entries were read (one bit each); the others'
    /// files hold entries this memo does not have ([`KeyMemo::unread`]).
    read: u64,
}

impl<K, V, const N: usize> Default for KeyMemo<K, V, N> {
    fn default() -> Self {
        KeyMemo {
            entries: HashMap::default(),
            fresh: Mutex::new(HashMap::default()),
            dirty: Dirty::default(),
            read: u64::MAX,
        }
    }
}

impl<K: Eq + Hash + Clone + Send + 'static, V: Clone + Send + 'static, const N: usize>
    KeyMemo<K, V, N>
{
    /// The remembered value for `key`, or `make()` (remembered for next time).
    pub fn get_or(&self, key: &K, make: impl FnOnce() -> V) -> V {
        let value = match self.entries.get(key) {
            Some(v) => v.clone(),
            None => {
                self.dirty.mark(shard_of(key, N));
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
            self.dirty.mark(shard_of(&key, N));
        }
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.insert(key, value);
        }
    }

    /// Change the entry for `key` in place, keeping every other entry: for a
    /// memo read in part ([`KeyMemo::load_part`]) by a build that changes
    /// a few entries and uses no others.
    pub fn set(&mut self, key: K, value: V)
    where
        V: PartialEq,
    {
        if self.entries.get(&key) != Some(&value) {
            self.dirty.mark(shard_of(&key, N));
            self.entries.insert(key, value);
        }
    }

    /// Drop the entry for `key` (of a memo read in part, like
    /// [`KeyMemo::set`]).
    pub fn remove(&mut self, key: &K) {
        if self.entries.remove(key).is_some() {
            self.dirty.mark(shard_of(key, N));
        }
    }

    /// The keys of the previous build's entries that this build has not
    /// asked for or put (so far): the ones [`KeyMemo::next`] drops.
    pub fn unused_keys(&self) -> Vec<K> {
        let Ok(fresh) = self.fresh.lock() else {
            return Vec::new();
        };
        self.entries
            .keys()
            .filter(|k| !fresh.contains_key(k))
            .cloned()
            .collect()
    }

    /// The entry for `key` is to go: its shard is rewritten without it (for
    /// a memo whose entries were not read, [`KeyMemo::unread`]).
    pub fn drop_entry(&self, key: &K) {
        self.dirty.mark(shard_of(key, N));
    }

    fn next(self) -> KeyMemo<K, V, N> {
        let fresh = self.fresh.into_inner().unwrap_or_default();
        // Entries not used by this build are dropped.
        for key in self.entries.keys().filter(|k| !fresh.contains_key(k)) {
            self.dirty.mark(shard_of(key, N));
        }
        discard(self.entries);
        KeyMemo {
            entries: fresh,
            fresh: Mutex::new(HashMap::default()),
            dirty: self.dirty,
            read: self.read,
        }
    }
}

impl<K, V, const N: usize> KeyMemo<K, V, N>
where
    K: Serialize + DeserializeOwned + Eq + Hash + Ord + Send + Sync,
    V: Serialize + DeserializeOwned + Send + Sync,
{
    pub(super) fn load(files: &ShardFiles) -> KeyMemo<K, V, N> {
        Self::load_shards(files, None)
    }

    /// The entries of the shards that hold `keys` only: enough for a build
    /// that reads and [`KeyMemo::set`]s those keys and no others.
    pub(super) fn load_part<'k>(
        files: &ShardFiles,
        keys: impl IntoIterator<Item = &'k K>,
    ) -> KeyMemo<K, V, N>
    where
        K: 'k,
    {
        Self::load_shards(files, Some(shard_mask::<_, N>(keys)))
    }

    fn load_shards(files: &ShardFiles, only: Option<u64>) -> KeyMemo<K, V, N> {
        let (entries, dirty) = files.load::<_, _, N>(only);
        KeyMemo {
            entries,
            fresh: Mutex::new(HashMap::default()),
            dirty,
            read: only.unwrap_or(u64::MAX),
        }
    }

    /// A memo whose files are not read: for one whose entries are large and
    /// that a build only adds to. What it is given is written into the
    /// shards beside the entries on disk ([`KeyMemo::store_beside`]).
    pub(super) fn unread() -> KeyMemo<K, V, N> {
        KeyMemo {
            read: 0,
            ..KeyMemo::default()
        }
    }

    /// As [`FileMemo::store`].
    pub(super) fn store(&self, files: &ShardFiles) -> u64 {
        files.store::<_, _, N>(&self.entries, None, &self.dirty)
    }

    /// [`KeyMemo::store`] for a memo not read (in part or at all): a shard
    /// it rewrites keeps, of the entries on its file, those of the `current`
    /// keys that this memo does not replace; the others go. A shard file is
    /// read only if one of its current keys is not in the memo. Returns the
    /// shards that could not be read or written: entries of the current keys
    /// may be missing from them, or older than the memo says.
    pub(super) fn store_beside<'k>(
        &self,
        files: &ShardFiles,
        current: impl IntoIterator<Item = &'k K>,
    ) -> u64
    where
        K: 'k,
    {
        let mut wanted = 0u64;
        let mut keep: rustc_hash::FxHashSet<&K> = Default::default();
        for key in current {
            let s = shard_of(key, N);
            if self.read & (1 << s) == 0 && self.dirty.get(s) && !self.entries.contains_key(key) {
                wanted |= 1 << s;
                keep.insert(key);
            }
        }
        if wanted == 0 {
            return files.store::<_, _, N>(&self.entries, None, &self.dirty);
        }
        let (mut on_disk, unreadable): (HashMap<K, V>, Dirty) = files.load::<K, V, N>(Some(wanted));
        on_disk.retain(|k, _| keep.contains(k));
        let unread = (0..N)
            .filter(|&s| wanted & (1 << s) != 0 && unreadable.get(s))
            .fold(0, |m, s| m | 1 << s);
        unread | files.store::<_, _, N>(&self.entries, Some(&on_disk), &self.dirty)
    }

    /// The keys of the memo's entries.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.keys()
    }
}

/// The shard files of one memo: `memo/<name>-<shard>.bin` in the cache.
pub(super) struct ShardFiles<'a> {
    pub(super) cache: &'a BuildCache,
    pub(super) name: &'static str,
}

impl ShardFiles<'_> {
    fn path(&self, shard: usize) -> String {
        format!("{MEMO_DIR}/{}-{shard:02}.bin", self.name)
    }

    /// Remove the `N` shard files: the memo is empty for the next build.
    pub(super) fn remove_all<const N: usize>(&self) {
        for s in 0..N {
            let _ = std::fs::remove_file(self.cache.dir.join(self.path(s)));
        }
    }

    /// Every shard's entries (of the shards in the mask `only`, if given); a
    /// shard that cannot be read is empty and dirty (rewritten at the end of
    /// the build).
    fn load<K, V, const N: usize>(&self, only: Option<u64>) -> (HashMap<K, V>, Dirty)
    where
        K: DeserializeOwned + Eq + Hash + Send,
        V: DeserializeOwned + Send,
    {
        use rayon::prelude::*;
        const { assert!(N <= 64, "a memo's dirty bits hold 64 shards") };
        let wanted = |s: usize| only.is_none_or(|m| m & (1 << s) != 0);
        let shards: Vec<Option<Vec<(K, V)>>> = (0..N)
            .into_par_iter()
            .map(|s| {
                if wanted(s) {
                    self.cache.read(&self.path(s))
                } else {
                    Some(Vec::new())
                }
            })
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

    /// Write the dirty shards of `entries` and `kept` (entries of the files
    /// to keep, no key of `entries`), sorted by key: the same entries give
    /// the same bytes. An empty shard's file is removed. Returns the shards
    /// that could not be written.
    fn store<K, V, const N: usize>(
        &self,
        entries: &HashMap<K, V>,
        kept: Option<&HashMap<K, V>>,
        dirty: &Dirty,
    ) -> u64
    where
        K: Serialize + Hash + Ord + Sync,
        V: Serialize + Sync,
    {
        use rayon::prelude::*;
        let mut shards: Vec<Vec<(&K, &V)>> = vec![Vec::new(); N];
        for (k, v) in entries.iter().chain(kept.into_iter().flatten()) {
            let s = shard_of(k, N);
            if dirty.get(s) {
                shards[s].push((k, v));
            }
        }
        shards
            .par_iter_mut()
            .enumerate()
            .map(|(s, list)| {
                if !dirty.get(s) {
                    return 0;
                }
                let failed = if list.is_empty() {
                    let path = self.cache.dir.join(self.path(s));
                    std::fs::remove_file(path)
                        .is_err_and(|e| e.kind() != std::io::ErrorKind::NotFound)
                } else {
                    list.sort_unstable_by(|a, b| a.0.cmp(b.0));
                    self.cache.write(&self.path(s), list).is_err()
                };
                u64::from(failed) << s
            })
            .reduce(|| 0, |a, b| a | b)
    }
}

/// Parsed files and stage memos from the previous build.
/// What the analysis keeps from one build to the next (see
/// [`crate::analyse::AnalysisReuse`]).
#[derive(Default)]
pub struct AnalysisMemo {
    /// What was read in each brief's text, keyed by a hash of what decides
    /// it (the brief's text and evidence, its topics' rules).
    pub passages: PassageMemo,
    /// Related briefs, keyed by a hash of every feature they use.
    pub related: KeyMemo<u128, crate::analyse::RelatedLists>,
    /// Entities, figures, timeline, each keyed by the facts it reads.
    pub facts: KeyMemo<u128, crate::analyse::FactsValue>,
    /// The search's words of each source, keyed by a hash of its text.
    pub source_terms: KeyMemo<u128, std::sync::Arc<crate::words::Terms>>,
}

/// What render records for the next build (see
/// [`crate::render::RenderReuse`]).
#[derive(Default)]
pub struct RenderMemo {
    /// Output path -> key of the page's inputs (template set and context).
    pub pages: KeyMemo<String, u128>,
    /// Hash of a brief's Markdown -> the link targets it asked to resolve.
    pub body_links: KeyMemo<u128, Vec<String>>,
    /// Brief page path -> the page's values besides the body and site-wide
    /// ones. Megabytes in all: kept in 64 shards, of which a text edit
    /// reads one. Other builds do not read it: they put the values that
    /// changed (see `brief_value_keys`), written beside the others.
    pub brief_values: KeyMemo<String, crate::render::PackedValues, 64>,
    /// Brief page path -> the key of its values in `brief_values`.
    pub brief_value_keys: KeyMemo<String, u128>,
    /// Brief page path -> the key of its body and where its links led.
    pub brief_bodies: KeyMemo<String, crate::render::BriefBodyLinks>,
}

impl RenderMemo {
    /// The memos as render reads and records them.
    pub fn reuse(&self) -> crate::render::RenderReuse<'_> {
        crate::render::RenderReuse {
            pages: &self.pages,
            body_links: &self.body_links,
            brief_values: &self.brief_values,
            brief_value_keys: &self.brief_value_keys,
            brief_bodies: &self.brief_bodies,
        }
    }

    /// The memos as the build after a text edit reads and changes them.
    pub fn text_edit(&mut self) -> crate::render::TextEditReuse<'_> {
        crate::render::TextEditReuse {
            pages: &mut self.pages,
            brief_values: &self.brief_values,
            brief_bodies: &mut self.brief_bodies,
        }
    }
}

impl<K, V, const N: usize> crate::reuse::Keep<K, V> for KeyMemo<K, V, N>
where
    K: Serialize + DeserializeOwned + Eq + Hash + Ord + Clone + Send + Sync + 'static,
    V: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    fn previous(&self, key: &K) -> Option<V> {
        KeyMemo::previous(self, key).cloned()
    }

    fn put(&self, key: K, value: V) {
        KeyMemo::put(self, key, value)
    }
}

impl<K, V, const N: usize> crate::reuse::KeepInPlace<K, V> for KeyMemo<K, V, N>
where
    K: Serialize + DeserializeOwned + Eq + Hash + Ord + Clone + Send + Sync + 'static,
    V: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    fn set(&mut self, key: K, value: V) {
        KeyMemo::set(self, key, value)
    }
}

/// The memo of what the analysis read in each brief's text.
pub type PassageMemo = KeyMemo<u128, crate::analyse::TextReading>;

impl AnalysisMemo {
    /// The memos as the analysis asks for them.
    pub fn reuse(&self) -> crate::analyse::AnalysisReuse<'_> {
        crate::analyse::AnalysisReuse {
            passages: &self.passages,
            related: &self.related,
            facts: &self.facts,
            source_terms: &self.source_terms,
        }
    }
}

impl<V, const N: usize> crate::reuse::Reuse<V> for KeyMemo<u128, V, N>
where
    V: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    fn get_or(&self, key: u128, make: &mut dyn FnMut() -> V) -> V {
        KeyMemo::get_or(self, &key, make)
    }

    fn previous(&self, key: u128) -> Option<V> {
        KeyMemo::previous(self, &key).cloned()
    }
}

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
    pub analysis: AnalysisMemo,
    /// Render: page keys and the links brief bodies looked up.
    pub render: RenderMemo,
    /// This build's stamps of the input files (not stored).
    pub stamps: Stamps,
    /// Briefs parsed in full while ingest read them (not stored).
    pub parsed_briefs: ParsedBriefs,
    /// Brief files the loader parsed this build, with the stamp they were
    /// read at, whose JSON is not in `briefs` yet (not stored).
    pub briefs_to_remember: Mutex<Vec<(String, FileStamp)>>,
}

/// Briefs that ingest's reader parsed in full this build, by path, with
/// the stamp they were read at: the loader of the same build takes them
/// instead of parsing the files a second time (in a build without a cache,
/// reading 10,000 briefs twice was a fifth of its time).
#[derive(Default)]
pub struct ParsedBriefs(Mutex<HashMap<String, (FileStamp, crate::brief::Brief)>>);

impl ParsedBriefs {
    /// Keep `brief`, read from `file` at `stamp`.
    pub fn put(&self, file: String, stamp: FileStamp, brief: crate::brief::Brief) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(file, (stamp, brief));
    }

    /// The brief read from `file`, if it was read at `stamp` (the file's
    /// stamp now; `None`, as for a file ingest wrote since: never).
    pub fn take(&self, file: &str, stamp: Option<FileStamp>) -> Option<crate::brief::Brief> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let (at, brief) = kept.remove(file)?;
        (Some(at) == stamp).then_some(brief)
    }

    /// Forget every brief kept (the loader has taken what it wanted; a
    /// map emptied by `take` still holds its table, a megabyte per
    /// thousand briefs, until the build ends).
    pub fn clear(&self) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *kept = HashMap::default();
    }
}

impl Memo {
    /// The memo for the next build: what this one used.
    pub fn next(self, now_ns: i128) -> Memo {
        Memo {
            sources: self.sources.next(now_ns),
            briefs: self.briefs.next(now_ns),
            ingest: self.ingest.next(now_ns),
            analysis: AnalysisMemo {
                passages: self.analysis.passages.next(),
                related: self.analysis.related.next(),
                facts: self.analysis.facts.next(),
                source_terms: self.analysis.source_terms.next(),
            },
            render: {
                let r = self.render;
                // Pages gone: their values go too (a memo not read does not
                // know which it holds).
                for page in r.brief_value_keys.unused_keys() {
                    r.brief_values.drop_entry(&page);
                }
                RenderMemo {
                    pages: r.pages.next(),
                    body_links: r.body_links.next(),
                    brief_values: r.brief_values.next(),
                    brief_value_keys: r.brief_value_keys.next(),
                    brief_bodies: r.brief_bodies.next(),
                }
            },
            stamps: Stamps::default(),
            parsed_briefs: ParsedBriefs::default(),
            briefs_to_remember: Mutex::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::{BuildState, now_ns};

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
        change: 0,
    };

    /// Ingest and the build both load the sources: the second ask in a
    /// build gets the value too, not a miss (which would parse every
    /// source twice); another stamp is still a miss.
    #[test]
    fn a_file_asked_for_twice_in_a_build_is_read_once() {
        let first = Memo::default();
        let text = SourceText::from_bytes("a.txt", b"Line one.\n").unwrap();
        first.sources.remember("content/sources/a.txt", OLD, text);
        let memo = first.next(now_ns());
        let a = memo.sources.hit("content/sources/a.txt", Some(OLD));
        let again = memo.sources.hit("content/sources/a.txt", Some(OLD));
        assert!(a.is_some());
        assert_eq!(a.map(|s| s.text), again.map(|s| s.text));
        let other = FileStamp {
            len: 2,
            mtime_ns: 0,
            change: 0,
        };
        assert!(
            memo.sources
                .hit("content/sources/a.txt", Some(other))
                .is_none()
        );
    }

    /// A memo a build does not read (the brief pages' values) gets only the
    /// entries that changed; stored, the shards it rewrites keep the other
    /// current entries from their files and lose the ones of keys gone. A
    /// shard whose file cannot be read is reported.
    #[test]
    fn a_memo_not_read_keeps_the_entries_on_disk_it_does_not_replace() {
        let site = tempfile::tempdir().unwrap();
        let cache = BuildCache::new(site.path());
        let files = ShardFiles {
            cache: &cache,
            name: "values",
        };
        let key = |i: u32| format!("p{i}");
        let first: KeyMemo<String, u32, 4> = KeyMemo::default();
        for i in 0..40 {
            first.put(key(i), i);
        }
        let first = first.next();
        assert_eq!(first.store_beside(&files, first.keys()), 0);

        // p1 changed, p40 new, p2 gone; the rest as on disk.
        let second: KeyMemo<String, u32, 4> = KeyMemo::unread();
        second.put(key(1), 100);
        second.put(key(40), 40);
        second.drop_entry(&key(2));
        let second = second.next();
        let current: Vec<String> = (0..41).filter(|&i| i != 2).map(key).collect();
        assert_eq!(second.store_beside(&files, current.iter()), 0);
        let back: KeyMemo<String, u32, 4> = KeyMemo::load(&files);
        assert_eq!(back.keys().count(), 40);
        for i in (0..41).filter(|&i| i != 2) {
            let want = if i == 1 { 100 } else { i };
            assert_eq!(back.previous(&key(i)), Some(&want), "{}", key(i));
        }
        assert_eq!(back.previous(&key(2)), None);

        // The file of p0's shard garbled: its other entries cannot be kept.
        let shard = shard_of(&key(0), 4);
        std::fs::write(cache.dir.join(files.path(shard)), b"garbled").unwrap();
        let third: KeyMemo<String, u32, 4> = KeyMemo::unread();
        third.put(key(0), 7);
        let third = third.next();
        assert_eq!(third.store_beside(&files, current.iter()), 1 << shard);
        // Without a change in a shard, its file is not read at all.
        let fourth: KeyMemo<String, u32, 4> = KeyMemo::unread();
        assert_eq!(fourth.next().store_beside(&files, current.iter()), 0);
    }

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
        let page_shard = format!("pages-{:02}.bin", shard_of("briefs/7.html", SHARDS));
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
        let gone = format!("briefs-{:02}.bin", shard_of("content/briefs/0.md", SHARDS));
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
            .find(|i| {
                shard_of(format!("briefs/{i}.html").as_str(), SHARDS)
                    != shard_of("briefs/7.html", SHARDS)
            })
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
