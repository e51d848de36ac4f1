//! The new site, written while it is rendered.
//!
//! A build hands its [`Staging`] to render as the page sink: each page is
//! hashed the moment it is made and written into a folder beside the site
//! only if the previous site lacks those bytes, so no page stays in memory
//! longer than it takes to write it (at 10,000 articles the site is 600 MB;
//! held whole, it was a third of the build's peak memory).
//! [`Staging::finish`] then puts the site in place as the output stage
//! always has: with few changes, the staged files are renamed into place,
//! all or nothing (`in_place.rs`); else the previous site's unchanged files
//! are hard-linked into the staging folder and it is swapped in. Until that
//! last step the previous site is untouched, and a staging dropped without
//! `finish` (a build that failed after rendering) is removed with all it
//! holds.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rayon::prelude::*;

use super::{
    IN_PLACE_MAX_SHARE, MARKER, MARKER_TEXT, Manifest, OutputError, OutputFile, check_replaceable,
    fault, io_err, move_in_staged, parent_and_name, remove_leftovers, set_readable, swap_in,
    write_file,
};
use crate::hash::hash_bytes;
use crate::render::{Page, PageSink};
use crate::stamp::FileStamp;

/// The staging folder of one build, filled while the site renders.
pub struct Staging<'a> {
    out_dir: PathBuf,
    parent: PathBuf,
    name: String,
    dir: tempfile::TempDir,
    /// The manifest of the site in `out_dir`, given only when the caller
    /// checked that every file in it is on disk as written.
    previous: Option<&'a Manifest>,
    /// The previous site's folder, when there is one.
    old_site: Option<PathBuf>,
    staged: Mutex<Staged>,
}

/// What has been put so far.
#[derive(Default)]
struct Staged {
    /// Files written into the staging folder.
    written: Vec<(String, OutputFile)>,
    /// Files whose bytes the previous site has at the same path (their
    /// hash): not written, linked or left in place.
    same: Vec<(String, u128)>,
    /// Every path put (a static file does not take a page's path).
    paths: HashSet<String>,
    /// Folders made in the staging folder.
    dirs: HashSet<PathBuf>,
    /// The first write that failed; `finish` reports it.
    failed: Option<OutputError>,
}

/// Where a file put went.
enum Placed {
    Written(FileStamp),
    Same,
}

impl<'a> Staging<'a> {
    /// A staging folder beside `out_dir`, after checking that `out_dir` may
    /// be replaced (empty, missing, or dossier's) and removing what killed
    /// builds left there. `previous` as [`Staging::previous`].
    pub fn new(out_dir: &Path, previous: Option<&'a Manifest>) -> Result<Self, OutputError> {
        check_replaceable(out_dir)?;
        let (parent, name) = parent_and_name(out_dir);
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        remove_leftovers(&parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-"))
            .tempdir_in(&parent)
            .map_err(io_err(&parent))?;
        // tempfile makes the folder 0700; a published site must be readable.
        set_readable(dir.path())?;
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            old_site: out_dir.is_dir().then(|| out_dir.to_path_buf()),
            parent,
            name,
            dir,
            previous,
            staged: Mutex::new(Staged::default()),
        })
    }

    fn staged(&self) -> MutexGuard<'_, Staged> {
        self.staged.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Write `bytes` into the staging folder, unless the previous site has
    /// them at `rel` already (by its manifest; without one, by comparing
    /// with its file): an unchanged file is not rewritten and keeps its
    /// modification time.
    fn place(&self, rel: &str, bytes: &[u8], hash: u128) -> Result<Placed, OutputError> {
        match self.previous {
            Some(m) if m.get(rel).is_some_and(|f| f.hash == hash) => return Ok(Placed::Same),
            Some(_) => {}
            None => {
                if let Some(old) = &self.old_site
                    && same_bytes(&old.join(rel), bytes)
                {
                    return Ok(Placed::Same);
                }
            }
        }
        let dest = self.dir.path().join(rel);
        self.make_parent(&dest)?;
        write_file(&dest, bytes).map_err(io_err(&dest))?;
        let stamp =
            FileStamp::read(&dest).ok_or_else(|| io_err(&dest)(io::Error::other("not written")))?;
        Ok(Placed::Written(stamp))
    }

    /// The folder `dest` goes in, made once.
    fn make_parent(&self, dest: &Path) -> Result<(), OutputError> {
        let Some(dir) = dest.parent().filter(|d| *d != self.dir.path()) else {
            return Ok(());
        };
        if self.staged().dirs.contains(dir) {
            return Ok(());
        }
        fault(dir)
            .and_then(|()| std::fs::create_dir_all(dir))
            .map_err(io_err(dir))?;
        self.staged().dirs.insert(dir.to_path_buf());
        Ok(())
    }

    /// Put the static files (those no page took), then the site in place:
    /// the manifest of what is there now. `unchanged`: pages the renderer
    /// did not render because the previous site's file is right; each must
    /// be in the previous manifest.
    pub fn finish(
        self,
        static_files: &BTreeMap<String, PathBuf>,
        unchanged: &[String],
    ) -> Result<Manifest, OutputError> {
        static_files
            .par_iter()
            .filter(|(rel, _)| !self.staged().paths.contains(*rel))
            .try_for_each(|(rel, src)| {
                let bytes = std::fs::read(src).map_err(io_err(src))?;
                self.put(Page {
                    path: rel.clone(),
                    bytes,
                });
                Ok::<_, OutputError>(())
            })?;
        self.put(Page {
            path: MARKER.to_string(),
            bytes: MARKER_TEXT.as_bytes().to_vec(),
        });
        let staged = std::mem::take(&mut *self.staged());
        if let Some(e) = staged.failed {
            return Err(e);
        }
        let previous = self.previous;
        for path in unchanged {
            if previous.is_none_or(|m| !m.contains_key(path)) {
                return Err(OutputError::Io {
                    path: self.out_dir.join(path),
                    source: io::Error::other(
                        "a page reported unchanged is not in the previous site",
                    ),
                });
            }
        }
        let kept: Vec<(String, u128)> = staged
            .same
            .into_iter()
            .chain(unchanged.iter().map(|p| {
                let hash = previous.and_then(|m| m.get(p)).map_or(0, |f| f.hash);
                (p.clone(), hash)
            }))
            .collect();
        if let Some(prev) = previous {
            let total = staged.written.len() + kept.len();
            let new: HashSet<&str> = staged
                .written
                .iter()
                .map(|(p, _)| p.as_str())
                .chain(kept.iter().map(|(p, _)| p.as_str()))
                .collect();
            let removed: Vec<&str> = prev
                .keys()
                .map(String::as_str)
                .filter(|p| !new.contains(p))
                .collect();
            if (staged.written.len() + removed.len()) * IN_PLACE_MAX_SHARE <= total {
                let (out, stage) = (&self.out_dir, self.dir.path());
                move_in_staged(
                    out,
                    &self.parent,
                    &self.name,
                    stage,
                    &staged.written,
                    &removed,
                )?;
                let mut manifest: Manifest = kept
                    .iter()
                    .filter_map(|(p, _)| prev.get(p).map(|f| (p.clone(), *f)))
                    .collect();
                manifest.extend(staged.written);
                return Ok(manifest);
            }
        }
        let linked: Vec<(String, OutputFile)> = kept
            .par_iter()
            .map(|(rel, hash)| self.link_old(rel, *hash))
            .collect::<Result<_, OutputError>>()?;
        let mut manifest: Manifest = staged.written.into_iter().collect();
        manifest.extend(linked);
        swap_in(self.dir.path(), &self.out_dir, &self.parent, &self.name)?;
        // The staging folder has been renamed away; nothing left to clean.
        let _ = self.dir.keep();
        Ok(manifest)
    }

    /// The previous site's file at `rel` (whose bytes hash to `hash`) into
    /// the staging folder: a hard link, never written through; a copy where
    /// the file system cannot link.
    fn link_old(&self, rel: &str, hash: u128) -> Result<(String, OutputFile), OutputError> {
        let dest = self.dir.path().join(rel);
        let old = self.old_site.as_deref().unwrap_or(&self.out_dir).join(rel);
        self.make_parent(&dest)?;
        fault(&dest).map_err(io_err(&dest))?;
        if std::fs::hard_link(&old, &dest).is_err() {
            std::fs::copy(&old, &dest).map_err(io_err(&dest))?;
        }
        let stamp =
            FileStamp::read(&dest).ok_or_else(|| io_err(&dest)(io::Error::other("not written")))?;
        Ok((rel.to_string(), OutputFile { stamp, hash }))
    }
}

impl PageSink for Staging<'_> {
    fn put(&self, page: Page) {
        if self.staged().failed.is_some() {
            return;
        }
        let hash = hash_bytes(&page.bytes);
        let placed = self.place(&page.path, &page.bytes, hash);
        let mut staged = self.staged();
        match placed {
            Ok(Placed::Written(stamp)) => {
                let file = OutputFile { stamp, hash };
                staged.written.push((page.path.clone(), file));
            }
            Ok(Placed::Same) => staged.same.push((page.path.clone(), hash)),
            Err(e) => {
                staged.failed.get_or_insert(e);
            }
        }
        staged.paths.insert(page.path);
    }
}

/// Does the regular file at `path` hold exactly `bytes`?
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|b| b == bytes)
}
