//! Waiting for a site's inputs to change: file-system events from `notify`
//! (inotify, FSEvents, ReadDirectoryChangesW), confirmed by the build cache's
//! input snapshot so that an event on a file the build does not read (an
//! editor's swap file, the cache, the output) is no rebuild.
//!
//! Only the input folders are watched, not the site root recursively: a site
//! kept beside a `target/` or a large output folder would otherwise register
//! thousands of watches. The root itself is watched without recursion, so
//! site.toml and input folders created later are seen (and watched from then).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::cache::InputSnapshot;

/// How long a burst of writes (an editor's save, a copied folder) is given
/// to settle before the inputs are compared.
const SETTLE: Duration = Duration::from_millis(150);

/// Without any event, the inputs are still compared this often: a safety net
/// for file systems that send none (network mounts, some containers).
const FALLBACK: Duration = Duration::from_secs(5);

/// With no watcher at all (the platform refused one), the inputs are
/// compared this often instead.
const POLL: Duration = Duration::from_secs(1);

/// Stamps of every input file (the build cache's own snapshot): a change of
/// any is a rebuild. A change of theme in site.toml is a change of site.toml.
fn snapshot(root: &Path) -> (InputSnapshot, String) {
    let theme = crate::config::SiteConfig::load(root)
        .map(|c| c.theme)
        .unwrap_or_else(|_| "default".to_string());
    (InputSnapshot::take(root, &theme), theme)
}

/// The site's inputs as last seen, and the events that say they may differ.
pub struct InputWatch {
    root: PathBuf,
    last: InputSnapshot,
    theme: String,
    /// `None` when the platform gave no watcher: the fallback comparison is all.
    watcher: Option<notify::RecommendedWatcher>,
    events: Receiver<()>,
    /// Input folders registered with the watcher (those that existed).
    watched: Vec<PathBuf>,
}

impl InputWatch {
    pub fn new(root: &Path) -> InputWatch {
        let (tx, events) = channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok() {
                let _ = tx.send(());
            }
        })
        .ok();
        let (last, theme) = snapshot(root);
        let mut watch = InputWatch {
            root: root.to_path_buf(),
            last,
            theme,
            watcher,
            events,
            watched: Vec::new(),
        };
        watch.register();
        watch
    }

    /// Watch the root (not recursively) and every input folder that exists
    /// and is not watched yet.
    fn register(&mut self) {
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        if self.watched.is_empty() {
            let _ = watcher.watch(&self.root, RecursiveMode::NonRecursive);
        }
        for dir in InputSnapshot::dirs(&self.theme) {
            let path = self.root.join(&dir);
            if !self.watched.contains(&path)
                && path.is_dir()
                && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.push(path);
            }
        }
    }

    /// Block until the inputs differ from the last snapshot; returns once
    /// they do, with the new snapshot recorded.
    pub fn wait_for_change(&mut self) {
        loop {
            match self.events.recv_timeout(FALLBACK) {
                Ok(()) => {
                    // Let the burst settle, then drop the events it queued.
                    std::thread::sleep(SETTLE);
                    while self.events.try_recv().is_ok() {}
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(POLL),
            }
            let (now, theme) = snapshot(&self.root);
            self.theme = theme;
            self.register();
            if now != self.last {
                self.last = now;
                return;
            }
        }
    }
}
