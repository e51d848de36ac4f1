//! Stamps of many files at once.
//!
//! A build that finds nothing changed is mostly stats: one of every input and
//! one of every output file. Given a full path, the system looks up each of
//! its folders again for every file; given an open handle of the folder, only
//! the file's name. With 10,000 briefs those lookups were the largest part of
//! a no-change build.

use std::path::Path;

use rayon::prelude::*;

use super::FileStamp;

/// What is at a path, by its own metadata (a symlink is not followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A regular file.
    File(FileStamp),
    /// A symbolic link.
    Symlink,
    /// Nothing, a folder, or something else that is not a file.
    Other,
}

/// Files per parallel task: each task opens the folders its files are in.
const CHUNK: usize = 512;

/// The entry at `base/rel` for every `rel` (relative, `/`-separated), in order.
pub fn entries<S: AsRef<str> + Sync>(base: &Path, rels: &[S]) -> Vec<Entry> {
    rels.par_chunks(CHUNK)
        .flat_map_iter(|chunk| chunk_entries(base, chunk))
        .collect()
}

#[cfg(unix)]
fn chunk_entries<S: AsRef<str>>(base: &Path, rels: &[S]) -> Vec<Entry> {
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    // Files come grouped by folder (walk and path order): a chunk opens few.
    let mut folders: Vec<(&str, Option<rustix::fd::OwnedFd>)> = Vec::new();
    let mut out = Vec::with_capacity(rels.len());
    for rel in rels {
        let rel = rel.as_ref();
        let (parent, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let i = match folders.iter().position(|(p, _)| *p == parent) {
            Some(i) => i,
            None => {
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                folders.push((
                    parent,
                    rustix::fs::open(base.join(parent), flags, Mode::empty()).ok(),
                ));
                folders.len() - 1
            }
        };
        let stat = match (&folders[i].1, name) {
            (Some(fd), name) if !name.is_empty() => {
                rustix::fs::statat(fd, name, AtFlags::SYMLINK_NOFOLLOW).ok()
            }
            _ => None,
        };
        out.push(match stat {
            Some(st) => match FileType::from_raw_mode(st.st_mode as _) {
                FileType::RegularFile => Entry::File(FileStamp {
                    len: st.st_size as u64,
                    mtime_ns: st.st_mtime as i128 * 1_000_000_000 + st.st_mtime_nsec as i128,
                    change: change_of_stat(&st),
                }),
                FileType::Symlink => Entry::Symlink,
                _ => Entry::Other,
            },
            None => Entry::Other,
        });
    }
    out
}

/// [`super::change_of`] of a `stat`, whose field types differ across Unix
/// systems (hence casts that are no-ops on some).
#[cfg(unix)]
#[allow(clippy::unnecessary_cast)]
fn change_of_stat(st: &rustix::fs::Stat) -> u64 {
    super::change_of(
        st.st_ctime as i64,
        st.st_ctime_nsec as i64,
        st.st_ino as u64,
    )
}

#[cfg(not(unix))]
fn chunk_entries<S: AsRef<str>>(base: &Path, rels: &[S]) -> Vec<Entry> {
    rels.iter()
        .map(
            |rel| match std::fs::symlink_metadata(base.join(rel.as_ref())) {
                Ok(meta) => match FileStamp::of(&meta) {
                    Some(stamp) => Entry::File(stamp),
                    None if meta.file_type().is_symlink() => Entry::Symlink,
                    None => Entry::Other,
                },
                Err(_) => Entry::Other,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_agree_with_the_standard_library() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("top.txt"), "x").unwrap();
        std::fs::write(root.join("a/one.md"), "hello").unwrap();
        std::fs::write(root.join("a/b/two.md"), "").unwrap();
        let rels = [
            "a/b",
            "a/b/two.md",
            "a/missing.md",
            "a/one.md",
            "nowhere/x",
            "top.txt",
        ];
        let mut expected: Vec<Entry> = rels
            .iter()
            .map(|r| match FileStamp::read(&root.join(r)) {
                Some(s) => Entry::File(s),
                None => Entry::Other,
            })
            .collect();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("a/one.md"), root.join("link.md")).unwrap();
            expected.push(Entry::Symlink);
        }
        let mut all: Vec<&str> = rels.to_vec();
        #[cfg(unix)]
        all.push("link.md");
        assert_eq!(entries(root, &all), expected);
        assert!(matches!(expected[3], Entry::File(FileStamp { len: 5, .. })));
        // Many files in one folder span chunks.
        let many: Vec<String> = (0..CHUNK * 2 + 3).map(|i| format!("a/f{i}.txt")).collect();
        for (i, rel) in many.iter().enumerate() {
            std::fs::write(root.join(rel), "y".repeat(i % 7)).unwrap();
        }
        let got = entries(root, &many);
        for (i, rel) in many.iter().enumerate() {
            assert_eq!(
                got[i],
                Entry::File(FileStamp::read(&root.join(rel)).unwrap()),
                "{rel}"
            );
        }
    }
}
