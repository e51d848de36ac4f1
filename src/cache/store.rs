//! [`BuildCache`]: the cache folder, its files and their format.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::memo::{FileMemo, KeyMemo, Memo, ShardFiles};
use super::{BuildState, CACHE_DIR, FORMAT, FileStamp, Stamps};

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
        let (((sources, briefs), (related, facts)), (ingest, (passages, (pages, body_links)))) =
            rayon::join(
                || {
                    rayon::join(
                        || {
                            rayon::join(
                                || FileMemo::load(&files("sources"), trusted),
                                || FileMemo::load(&files("briefs"), trusted),
                            )
                        },
                        || {
                            rayon::join(
                                || KeyMemo::load(&files("related")),
                                || KeyMemo::load(&files("facts")),
                            )
                        },
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
            analysis: crate::analyse::AnalysisMemo {
                passages,
                related,
                facts,
            },
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
        memo.analysis.facts.store(&files("facts"));
        memo.render.pages.store(&files("pages"));
        memo.render.body_links.store(&files("body-links"));
        let _ = self.write(TRUST_FILE, &memo.briefs.trusted_before_ns);
        // The single memo file of earlier versions.
        let _ = std::fs::remove_file(self.dir.join("memo.bin"));
        let _ = self.write("state.bin", state);
    }

    pub(super) fn read<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        let stored: Stored<T> = postcard::from_bytes(&bytes).ok()?;
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
