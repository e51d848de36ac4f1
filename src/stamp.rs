//! [`FileStamp`]: what the file system says of a file without reading it.
//! The cache compares input stamps with the previous build's; output
//! compares the stamps of the files it wrote (its manifest) with what is on
//! disk, so that a file changed behind its back is rewritten.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// A file's size, modification time and (on Unix) status change: how a
/// build tells, without reading it, that a file is the one it saw last time.
///
/// Size and modification time alone miss a file rewritten with the same size
/// whose old modification time was put back (`touch -r`, `rsync -t`, a tool
/// restoring times): Git has that blind spot. The status-change time cannot
/// be set back by any tool, and the inode number changes when a file is
/// replaced by another, so `change` (both, mixed) closes it. Output files
/// are compared without it ([`FileStamp::written`]): the build's own hard
/// links change their status-change time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
    /// Status-change time (ns) mixed with the inode number; 0 where the
    /// platform has neither.
    pub change: u64,
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
        #[cfg(unix)]
        let change = {
            use std::os::unix::fs::MetadataExt;
            change_of(meta.ctime(), meta.ctime_nsec(), meta.ino())
        };
        #[cfg(not(unix))]
        let change = 0;
        Some(FileStamp {
            len: meta.len(),
            mtime_ns,
            change,
        })
    }

    /// The stamp without its status change: what an output file's stamp is
    /// compared by.
    pub fn written(self) -> FileStamp {
        FileStamp { change: 0, ..self }
    }

    /// The stamp of the file at `path` (symlinks not followed).
    pub fn read(path: &Path) -> Option<FileStamp> {
        FileStamp::of(&std::fs::symlink_metadata(path).ok()?)
    }
}

/// A status-change time and inode number as one value for [`FileStamp`].
pub(crate) fn change_of(ctime_s: i64, ctime_ns: i64, ino: u64) -> u64 {
    let ctime = (ctime_s as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ctime_ns as u64);
    ctime ^ ino.rotate_left(32)
}
