//! Replacing a few files of a published site, all or nothing.
//!
//! The changed files are written into a staging folder beside the site
//! first (a failure there leaves the site untouched). Then each is renamed
//! over its place, after a hard link of the file it replaces was put in a
//! set-aside folder; pages the site no longer has are moved there too. Should
//! any step fail, every step before it is undone in reverse order (each old
//! file renamed back over its place, each new file and new folder removed),
//! so that a failed build leaves the previous site as it was, byte for byte.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{
    OutputError, OutputFile, fault, io_err, make_dirs, remove_empty_parents, remove_tree,
    write_file,
};
use crate::stamp::FileStamp;

/// A change made to the site, and how to take it back.
enum Undo {
    /// A file that had none before: remove it.
    Added(PathBuf),
    /// A file replaced or removed: its old version is at `.0`, put it back at `.1`.
    Replaced(PathBuf, PathBuf),
    /// A folder made for new files: remove it (once empty again).
    Folder(PathBuf),
}

/// The steps taken so far, undone in reverse on failure.
struct Journal {
    steps: Vec<Undo>,
    aside: PathBuf,
}

impl Journal {
    /// Keep the site's file `rel` in the set-aside folder (a hard link: the
    /// site's file stays in place meanwhile), to be put back on undo.
    fn keep_old(&mut self, out_dir: &Path, rel: &str) -> Result<bool, OutputError> {
        let current = out_dir.join(rel);
        if std::fs::symlink_metadata(&current).is_err() {
            return Ok(false);
        }
        let kept = self.aside.join(rel);
        if let Some(dir) = kept.parent() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        fault(&kept).map_err(io_err(&kept))?;
        if std::fs::hard_link(&current, &kept).is_err() {
            std::fs::copy(&current, &kept).map_err(io_err(&kept))?;
        }
        self.steps.push(Undo::Replaced(kept, current));
        Ok(true)
    }

    /// Take back every step, newest first. Best effort: a step that cannot
    /// be undone does not stop the others.
    fn undo(self) {
        for step in self.steps.into_iter().rev() {
            match step {
                Undo::Added(path) => {
                    let _ = std::fs::remove_file(path);
                }
                Undo::Replaced(kept, place) => {
                    let _ = std::fs::rename(kept, place);
                }
                Undo::Folder(dir) => {
                    let _ = std::fs::remove_dir(dir);
                }
            }
        }
    }
}

/// Write `changed` beside the site, then move them into place, all or
/// nothing: the new manifest entries.
pub(super) fn rename_in(
    out_dir: &Path,
    parent: &Path,
    name: &str,
    changed: &[(&str, &[u8], u128)],
) -> Result<Vec<(String, OutputFile)>, OutputError> {
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(parent)
        .map_err(io_err(parent))?;
    let stage = staging.path();
    make_dirs(stage, changed.iter().map(|c| c.0))?;
    let staged: Vec<(String, OutputFile)> = changed
        .par_iter()
        .map(|&(rel, bytes, hash)| {
            let dest = stage.join(rel);
            write_file(&dest, bytes).map_err(io_err(&dest))?;
            let stamp = FileStamp::read(&dest)
                .ok_or_else(|| io_err(&dest)(io::Error::other("not written")))?;
            Ok((rel.to_string(), OutputFile { stamp, hash }))
        })
        .collect::<Result<_, OutputError>>()?;
    move_in_staged(out_dir, parent, name, stage, &staged, &[])?;
    Ok(staged)
}

/// Move the files `staged` in the folder `stage` into the site and remove
/// the files `removed`, all or nothing: on any failure every step is undone.
pub(super) fn move_in_staged(
    out_dir: &Path,
    parent: &Path,
    name: &str,
    stage: &Path,
    staged: &[(String, OutputFile)],
    removed: &[&str],
) -> Result<(), OutputError> {
    // Everything is staged: now the quick part that changes the site.
    let aside = tempfile::Builder::new()
        .prefix(&format!(".{name}.old-"))
        .tempdir_in(parent)
        .map_err(io_err(parent))?;
    let mut journal = Journal {
        steps: Vec::new(),
        aside: aside.path().to_path_buf(),
    };
    match move_in(out_dir, stage, staged, removed, &mut journal) {
        Ok(()) => {
            for rel in removed {
                remove_empty_parents(out_dir, &out_dir.join(rel));
            }
            remove_tree(&aside.keep());
            Ok(())
        }
        Err(e) => {
            journal.undo();
            Err(e)
        }
    }
}

/// The steps that change the site, each recorded in `journal` as it is done.
fn move_in(
    out_dir: &Path,
    stage: &Path,
    staged: &[(String, OutputFile)],
    removed: &[&str],
    journal: &mut Journal,
) -> Result<(), OutputError> {
    let folders = make_dirs(out_dir, staged.iter().map(|(rel, _)| rel.as_str()))?;
    journal.steps.extend(folders.into_iter().map(Undo::Folder));
    for (rel, _) in staged {
        let had_one = journal.keep_old(out_dir, rel)?;
        let (from, to) = (stage.join(rel), out_dir.join(rel));
        fault(&to).map_err(io_err(&to))?;
        std::fs::rename(&from, &to).map_err(io_err(&to))?;
        if !had_one {
            journal.steps.push(Undo::Added(to));
        }
    }
    for rel in removed {
        let path = out_dir.join(rel);
        if journal.keep_old(out_dir, rel)? {
            fault(&path).map_err(io_err(&path))?;
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(&path)(e)),
            }
        }
    }
    Ok(())
}
