//! Stage 6, output: put the rendered site on disk without ever leaving a
//! half-written one.
//!
//! The new site is written into a temporary folder next to the output
//! folder, then swapped in by renames. If anything fails before the swap,
//! the previous site is untouched. A marker file tells dossier that a folder
//! is its own output, so it never replaces a folder it did not write.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::hash::hash_bytes;
use crate::render::RenderedSite;
use crate::stamp::FileStamp;

mod fault;
mod in_place;

pub use fault::fail_at_operation;
use fault::fault;
use in_place::{rename_in, replace_in_place};

/// Marks a folder as dossier's output (safe to replace on the next build).
pub const MARKER: &str = ".dossier-output";

/// Errors from writing the site.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output path exists, is not empty and was not written by dossier.
    #[error("{0} exists and was not written by dossier (no {MARKER} file); refusing to replace it")]
    NotOurs(PathBuf),
    /// A file system operation failed.
    #[error("{path}: {source}")]
    Io {
        /// What was being written or moved.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An output file as a build left it: what the next build compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OutputFile {
    /// Its stamp right after the build.
    pub stamp: FileStamp,
    /// Hash of its bytes.
    pub hash: u128,
}

/// Every file of a written site, by path from the output root.
pub type Manifest = BTreeMap<String, OutputFile>;

/// A file of the new site: path, and its bytes and their hash (`None`:
/// unchanged, the previous site's file stands).
type NewFile<'a> = (&'a str, Option<(&'a [u8], u128)>);

/// Up to this share of the site changed, files are replaced in place (each
/// by an atomic rename) instead of the whole folder being swapped.
const IN_PLACE_MAX_SHARE: usize = 4;

/// Write `site` and copy `static_files` (output path -> source file) into
/// `out_dir`, and return what is there now.
///
/// `previous` is the manifest of the site in `out_dir`, given only when the
/// caller has checked that every file in it is on disk as written; pages the
/// renderer reported unchanged are then taken from there. When few files
/// changed, they are staged next to the site and renamed into place; else
/// the whole new site is staged (unchanged files hard-linked from the
/// previous one, never rewritten) and swapped in. Until that last step the
/// previous site is untouched.
pub fn write_site(
    out_dir: &Path,
    site: &RenderedSite,
    static_files: &BTreeMap<String, PathBuf>,
    previous: Option<&Manifest>,
) -> Result<Manifest, OutputError> {
    check_replaceable(out_dir)?;
    let (parent, name) = parent_and_name(out_dir);
    std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    remove_leftovers(&parent, &name);

    // Every file of the new site with its bytes (None: unchanged, on disk).
    let statics: Vec<(String, Vec<u8>)> = static_files
        .par_iter()
        .map(|(rel, src)| {
            std::fs::read(src)
                .map(|b| (rel.clone(), b))
                .map_err(io_err(src))
        })
        .collect::<Result<_, _>>()?;
    let mut files: BTreeMap<&str, Option<&[u8]>> = BTreeMap::new();
    for (rel, bytes) in &statics {
        files.insert(rel, Some(bytes));
    }
    // Pages come after static files: a generated page wins over a static file of the same name.
    for p in &site.pages {
        files.insert(&p.path, Some(&p.bytes));
    }
    for path in &site.unchanged {
        if previous.is_none_or(|m| !m.contains_key(path)) {
            return Err(OutputError::Io {
                path: out_dir.join(path),
                source: io::Error::other("a page reported unchanged is not in the previous site"),
            });
        }
        files.insert(path, None);
    }
    files.insert(MARKER, Some(MARKER_TEXT.as_bytes()));
    let hashed: Vec<NewFile<'_>> = files
        .par_iter()
        .map(|(&p, b)| (p, b.map(|b| (b, hash_bytes(b)))))
        .collect();

    if let Some(prev) = previous {
        let changed: Vec<(&str, &[u8], u128)> = hashed
            .iter()
            .filter_map(|&(p, b)| {
                let (bytes, hash) = b?;
                (prev.get(p).map(|f| f.hash) != Some(hash)).then_some((p, bytes, hash))
            })
            .collect();
        let removed: Vec<&str> = prev
            .keys()
            .map(String::as_str)
            .filter(|p| !files.contains_key(p))
            .collect();
        if (changed.len() + removed.len()) * IN_PLACE_MAX_SHARE <= files.len() {
            return replace_in_place(out_dir, &parent, &name, prev, &hashed, &changed, &removed);
        }
    }

    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .map_err(io_err(&parent))?;
    let stage = staging.path();
    // tempfile makes the folder 0700; a published site must be readable.
    set_readable(stage)?;
    make_dirs(stage, hashed.iter().map(|(p, _)| *p))?;
    // The previous site, when there is one: unchanged files are linked from it.
    let old_site = out_dir.is_dir().then_some(out_dir);
    let manifest: Manifest = hashed
        .par_iter()
        .map(|&(rel, b)| {
            let dest = stage.join(rel);
            let old = old_site.map(|o| o.join(rel));
            let hash = match b {
                Some((bytes, hash)) => {
                    let known_same = previous
                        .and_then(|m| m.get(rel))
                        .is_some_and(|f| f.hash == hash);
                    place(&dest, old.as_deref(), bytes, known_same).map_err(io_err(&dest))?;
                    hash
                }
                None => {
                    let old = old.unwrap_or_default();
                    fault(&dest).map_err(io_err(&dest))?;
                    std::fs::hard_link(&old, &dest).map_err(io_err(&dest))?;
                    previous.and_then(|m| m.get(rel)).map_or(0, |f| f.hash)
                }
            };
            let stamp = FileStamp::read(&dest)
                .ok_or_else(|| io_err(&dest)(io::Error::other("not written")))?;
            Ok((rel.to_string(), OutputFile { stamp, hash }))
        })
        .collect::<Result<_, OutputError>>()?;
    swap_in(stage, out_dir, &parent, &name)?;
    // The staging folder has been renamed away; nothing left to clean.
    let _ = staging.keep();
    Ok(manifest)
}

const MARKER_TEXT: &str = "This folder is generated by dossier and replaced on every build.\n";

/// Replace a few `pages` of the site in `out_dir`, whose manifest is
/// `previous` (checked by the caller to be on disk as written), and return
/// the manifest with them. Every other file stays as it is; pages whose
/// bytes did not change are not written. As [`write_site`] with few
/// changes, for a build that knows the rest of the site stands.
pub fn replace_pages(
    out_dir: &Path,
    mut previous: Manifest,
    pages: &[crate::render::Page],
) -> Result<Manifest, OutputError> {
    check_replaceable(out_dir)?;
    let (parent, name) = parent_and_name(out_dir);
    remove_leftovers(&parent, &name);
    let changed: Vec<(&str, &[u8], u128)> = pages
        .iter()
        .map(|p| (p.path.as_str(), p.bytes.as_slice(), hash_bytes(&p.bytes)))
        .filter(|&(path, _, hash)| previous.get(path).map(|f| f.hash) != Some(hash))
        .collect();
    if !changed.is_empty() {
        previous.extend(rename_in(out_dir, &parent, &name, &changed)?);
    }
    Ok(previous)
}

/// The folder that holds `out_dir`, and `out_dir`'s name in it.
fn parent_and_name(out_dir: &Path) -> (PathBuf, String) {
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    (parent, name)
}

/// Folders of a deleted page that are now empty go too.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Create the folders `files` need under `base`; returns those it created
/// (outermost first), for a caller that may have to remove them again.
fn make_dirs<'a>(
    base: &Path,
    files: impl Iterator<Item = &'a str>,
) -> Result<Vec<PathBuf>, OutputError> {
    let mut dirs: Vec<&Path> = files
        .filter_map(|p| Path::new(p).parent())
        .filter(|d| !d.as_os_str().is_empty())
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut created = Vec::new();
    for d in dirs {
        let mut missing: Vec<PathBuf> = d
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .map(|a| base.join(a))
            .take_while(|a| !a.exists())
            .collect();
        missing.reverse();
        let full = base.join(d);
        if let Err(e) = fault(&full).and_then(|()| std::fs::create_dir_all(&full)) {
            // Leave no folder of this call behind (a failed build changes nothing).
            for dir in created.iter().chain(&missing).rev() {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(io_err(&full)(e));
        }
        created.extend(missing);
    }
    Ok(created)
}

fn set_readable(dir: &Path) -> Result<(), OutputError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
            .map_err(io_err(dir))?;
    }
    let _ = dir;
    Ok(())
}

/// Staging and set-aside folders of builds that were killed: nobody else
/// uses these names, and the caller holds the site's build lock.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let (new, old) = (format!(".{name}.new-"), format!(".{name}.old-"));
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if (n.starts_with(&new) || n.starts_with(&old)) && e.path().is_dir() {
            remove_tree(&e.path());
        }
    }
}

/// Remove a folder of dossier's (a set-aside site, a staging folder) with
/// everything in it. A subfolder without write permission (someone made it
/// read-only) is made writable first: the files in it could not go else,
/// and the folder would be left behind on every build.
fn remove_tree(dir: &Path) {
    if std::fs::remove_dir_all(dir).is_ok() || !dir.exists() {
        return;
    }
    #[cfg(unix)]
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        use std::os::unix::fs::PermissionsExt;
        if entry.file_type().is_dir()
            && let Ok(meta) = entry.metadata()
        {
            let mode = meta.permissions().mode();
            if mode & 0o700 != 0o700 {
                let _ = std::fs::set_permissions(
                    entry.path(),
                    std::fs::Permissions::from_mode(mode | 0o700),
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A file written through a fresh inode, readable by all (0644 by umask).
fn write_file(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    fault(dest)?;
    std::fs::write(dest, bytes)
}

/// Put `bytes` at `dest` in the staging folder. When the previous site has
/// the same bytes at the same path, hard-link that file instead of writing:
/// an unchanged file is not rewritten and keeps its modification time. A
/// linked file is never written through (that would change the previous
/// site): anything already at `dest` is unlinked first.
/// `known_same`: the previous build's manifest already says the bytes are
/// equal, so the old file is not read to compare.
fn place(dest: &Path, previous: Option<&Path>, bytes: &[u8], known_same: bool) -> io::Result<()> {
    fault(dest)?;
    if dest.exists() {
        std::fs::remove_file(dest)?;
    }
    if let Some(old) = previous
        && std::fs::symlink_metadata(old)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && (known_same || std::fs::read(old).is_ok_and(|b| b == bytes))
        && std::fs::hard_link(old, dest).is_ok()
    {
        return Ok(());
    }
    write_file(dest, bytes)
}

fn check_replaceable(out_dir: &Path) -> Result<(), OutputError> {
    match std::fs::read_dir(out_dir) {
        Ok(mut entries) => {
            if entries.next().is_none() || out_dir.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(OutputError::NotOurs(out_dir.to_path_buf()))
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(OutputError::NotOurs(out_dir.to_path_buf()))
        }
        Err(e) => Err(OutputError::Io {
            path: out_dir.to_path_buf(),
            source: e,
        }),
    }
}

/// Move the staged site into place: old site aside, new site in, old removed.
fn swap_in(stage: &Path, out_dir: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    if out_dir.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(parent)
            .map_err(io_err(parent))?;
        let old_path = old.path().join("site");
        fault(out_dir).map_err(io_err(out_dir))?;
        std::fs::rename(out_dir, &old_path).map_err(io_err(out_dir))?;
        if let Err(e) = fault(out_dir).and_then(|()| std::fs::rename(stage, out_dir)) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old_path, out_dir);
            return Err(OutputError::Io {
                path: out_dir.to_path_buf(),
                source: e,
            });
        }
        // The previous site goes; a folder in it a person made read-only
        // must not leave it behind.
        remove_tree(&old.keep());
    } else {
        fault(out_dir).map_err(io_err(out_dir))?;
        std::fs::rename(stage, out_dir).map_err(io_err(out_dir))?;
    }
    Ok(())
}
