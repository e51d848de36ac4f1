//! Failing the output at a chosen operation, for the test that proves a
//! failed build leaves the previous site exactly as it was whichever write
//! fails (`tests/rollback.rs`). Every operation that changes the file system
//! under the output's parent folder calls [`fault`] first; it fails only
//! when a test armed it, and then once.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Operations left before the armed failure; 0 when none is armed.
static LEFT: AtomicUsize = AtomicUsize::new(0);

/// Make the `n`th output operation from now (1 = the next) fail, as an I/O
/// error would; `0` disarms. For tests: a process-wide setting.
#[doc(hidden)]
pub fn fail_at_operation(n: usize) {
    LEFT.store(n, Ordering::SeqCst);
}

/// Count one operation on `path`; the armed one fails.
pub(super) fn fault(path: &Path) -> io::Result<()> {
    let counted = LEFT.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
        left.checked_sub(1)
    });
    match counted {
        Ok(1) => Err(io::Error::other(format!(
            "injected failure at {}",
            path.display()
        ))),
        _ => Ok(()),
    }
}
