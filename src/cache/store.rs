//! [`BuildCache`]: the cache folder, its files and their format.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::memo::{FileMemo, KeyMemo, Memo, SHARDS, ShardFiles};
use super::{BuildState, CACHE_DIR, FORMAT, FileStamp};

/// Folder of the memo's shard files, in the cache folder.
pub(super) const MEMO_DIR: &str = "memo";

/// When the memo's file stamps were last vouched for (written by every build).
const TRUST_FILE: &str = "memo/trust.bin";

/// The cache of one site.
pub struct BuildCache {
    pub(super) dir: PathBuf,
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
        let mut memo = Memo::default();
        let Memo {
            sources,
            briefs,
            ingest,
            analysis,
            render,
            stamps: _,
            parsed_briefs: _,
            briefs_to_remember: _,
        } = &mut memo;
        // Each memo's shards are read in parallel too.
        rayon::scope(|s| {
            s.spawn(|_| *sources = FileMemo::load(&files("sources"), trusted));
            s.spawn(|_| *briefs = FileMemo::load(&files("briefs"), trusted));
            s.spawn(|_| *ingest = FileMemo::load(&files("ingest"), trusted));
            s.spawn(|_| analysis.passages = KeyMemo::load(&files("passages")));
            s.spawn(|_| analysis.related = KeyMemo::load(&files("related")));
            s.spawn(|_| analysis.facts = KeyMemo::load(&files("facts")));
            s.spawn(|_| analysis.source_terms = KeyMemo::load(&files("source-terms")));
            s.spawn(|_| render.pages = KeyMemo::load(&files("pages")));
            s.spawn(|_| render.body_links = KeyMemo::load(&files("body-links")));
            // Megabytes that only an edit to a brief's text reads (in part).
            render.brief_values = KeyMemo::unread();
            s.spawn(|_| render.brief_value_keys = KeyMemo::load(&files("brief-value-keys")));
            s.spawn(|_| render.brief_bodies = KeyMemo::load(&files("brief-bodies")));
        });
        memo
    }

    /// What a build that re-renders the pages of a few briefs after edits to
    /// their text needs of the memos (see `build/text_edit.rs`): the shards
    /// holding those briefs' entries, of ingest's view of the briefs and of
    /// the parsed briefs. Every other memo is empty.
    pub fn memo_of_briefs(&self, files_of_briefs: &[&str]) -> Memo {
        let files = |name| ShardFiles { cache: self, name };
        let trusted: i128 = self.read(TRUST_FILE).unwrap_or(i128::MIN);
        let (ingest, briefs) = rayon::join(
            || FileMemo::load_part(&files("ingest"), trusted, files_of_briefs),
            || FileMemo::load_part(&files("briefs"), trusted, files_of_briefs),
        );
        Memo {
            ingest,
            briefs,
            ..Memo::default()
        }
    }

    /// The shards of the sources' memo that hold `files` (paths from the
    /// site root): how the previous build read them, whatever their stamp.
    pub fn sources_of(&self, files: &[&str]) -> FileMemo<crate::source::SourceText> {
        let shards = ShardFiles {
            cache: self,
            name: "sources",
        };
        FileMemo::load_part(&shards, i128::MIN, files)
    }

    /// The shards of the analysis's passage memo that hold `keys`.
    pub fn passages_of(&self, keys: &[u128]) -> super::memo::PassageMemo {
        KeyMemo::load_part(
            &ShardFiles {
                cache: self,
                name: "passages",
            },
            keys,
        )
    }

    /// The shards of the render memos that hold the entries of `pages`
    /// (brief pages), to change those entries and store them with
    /// [`BuildCache::store_pages_of_briefs`].
    pub fn render_memo_of(&self, pages: &[String]) -> super::memo::RenderMemo {
        let files = |name| ShardFiles { cache: self, name };
        let ((pages_memo, brief_values), brief_bodies) = rayon::join(
            || {
                rayon::join(
                    || KeyMemo::load_part(&files("pages"), pages),
                    || KeyMemo::load_part(&files("brief-values"), pages),
                )
            },
            || KeyMemo::load_part(&files("brief-bodies"), pages),
        );
        super::memo::RenderMemo {
            pages: pages_memo,
            brief_values,
            brief_bodies,
            ..Default::default()
        }
    }

    /// Store the state of a build that re-rendered a few brief pages, and
    /// the changed shards of `render` (from [`BuildCache::render_memo_of`]).
    /// The other memos stand as the previous build left them.
    pub fn store_pages_of_briefs(&self, state: &BuildState, render: &super::memo::RenderMemo) {
        let files = |name| ShardFiles { cache: self, name };
        render.pages.store(&files("pages"));
        render.brief_bodies.store(&files("brief-bodies"));
        let _ = self.write("state.bin", state);
    }

    /// Forget the keys of the kept values of brief `pages`: values the
    /// text-edit build could not use (missing, or not those of the page on
    /// disk) are made again by the next whole build, which otherwise keeps
    /// values whose key did not change without reading them.
    pub fn forget_brief_values(&self, pages: &[String]) {
        let files = ShardFiles {
            cache: self,
            name: "brief-value-keys",
        };
        let mut keys: KeyMemo<String, u128> = KeyMemo::load_part(&files, pages);
        for page in pages {
            keys.remove(page);
        }
        keys.store(&files);
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
        // the shards it vouches for. A shard that could not be written
        // leaves its older file, whose keys no state may vouch for: then no
        // state is written, and the next build is a full one.
        let failed = memo.sources.store(&files("sources"))
            | memo.briefs.store(&files("briefs"))
            | memo.ingest.store(&files("ingest"))
            | memo.analysis.passages.store(&files("passages"))
            | memo.analysis.related.store(&files("related"))
            | memo.analysis.facts.store(&files("facts"))
            | memo.analysis.source_terms.store(&files("source-terms"))
            | memo.render.pages.store(&files("pages"))
            | memo.render.body_links.store(&files("body-links"))
            | memo.render.brief_bodies.store(&files("brief-bodies"));
        if failed != 0 {
            self.forget();
            return;
        }
        // The values first, then their keys: keys older than the values make
        // the next build put those values again. Where the values could not
        // be kept, no key vouches for any: the next build makes them all.
        let values = &memo.render.brief_values;
        let keys = &memo.render.brief_value_keys;
        if values.store_beside(&files("brief-values"), keys.keys()) == 0 {
            keys.store(&files("brief-value-keys"));
        } else {
            files("brief-value-keys").remove_all::<SHARDS>();
        }
        if self
            .write(TRUST_FILE, &memo.briefs.trusted_before_ns)
            .is_err()
        {
            self.forget();
            return;
        }
        // The single memo file of earlier versions.
        let _ = std::fs::remove_file(self.dir.join("memo.bin"));
        if self.write("state.bin", state).is_err() {
            self.clear();
        }
    }

    /// A cache file's value, if the file is whole: its last 16 bytes are the
    /// checksum of the rest ([`write`](Self::write)). A file damaged in any
    /// way, even one that would still decode, is not used: the work it
    /// would have saved is done again.
    pub(super) fn read<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        let (payload, sum) = bytes.split_at_checked(bytes.len().checked_sub(16)?)?;
        if xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes() != sum {
            return None;
        }
        let stored: Stored<T> = postcard::from_bytes(payload).ok()?;
        (stored.format == FORMAT && stored.version == binary_version()).then_some(stored.value)
    }

    pub(super) fn write<T: Serialize + ?Sized>(
        &self,
        name: &str,
        value: &T,
    ) -> std::io::Result<()> {
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
        let mut out = Summed {
            out: std::io::BufWriter::with_capacity(1 << 16, tmp),
            sum: xxhash_rust::xxh3::Xxh3::new(),
        };
        postcard::to_io(&stored, &mut out).map_err(std::io::Error::other)?;
        let sum = out.sum.digest128().to_le_bytes();
        std::io::Write::write_all(&mut out.out, &sum)?;
        let tmp = out.out.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A writer that hashes what passes through it (the cache file's checksum).
struct Summed<W> {
    out: W,
    sum: xxhash_rust::xxh3::Xxh3,
}

impl<W: std::io::Write> std::io::Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
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
