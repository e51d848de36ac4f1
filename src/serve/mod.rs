//! `dossier serve`: the site on 127.0.0.1, rebuilt when its inputs change.
//!
//! The site is built in memory and served from there (`http`). A watcher
//! (`watch`) wakes on file-system events in the site's inputs (sources,
//! briefs, topics, aliases, templates, theme, static files, site.toml); when
//! their stamps differ it runs ingest (a new source gets its brief) and
//! rebuilds, swaps in only the pages whose bytes changed, and bumps a version
//! number. Served HTML pages hold a request open until that number moves and
//! then reload. A failed rebuild keeps the previous site and prints the
//! problems.

mod http;
mod watch;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::build;
use crate::cache::Memo;
use crate::diagnostics::BuildFailed;
use http::{Files, Served, Waiting};

/// Build the site in memory: pages and static files by output path. With
/// the memo and files of the previous build, unchanged files are not read
/// again and unchanged pages not rendered (their bytes are taken from
/// `previous`). Returns the memo for the next build, also on failure.
fn build_in_memory(
    root: &Path,
    memo: Memo,
    previous: &Files,
) -> (Result<(Files, usize), BuildFailed>, Memo) {
    let started = crate::cache::now_ns();
    let result = (|| {
        build::ingest_with(root, false, &memo)?;
        let mut site = build::load_with(root, &memo)?;
        let pages = crate::render::Collect::default();
        let rendered = build::render_pages_with(&site, None, &memo, !previous.is_empty(), &pages)?;
        build::check_bodies(&site)?;
        build::remember_loaded_briefs(&memo, std::mem::take(&mut site.briefs));
        let mut files = BTreeMap::new();
        for (rel, path) in &site.theme.static_files {
            if let Ok(bytes) = std::fs::read(path) {
                files.insert(rel.clone(), Arc::new(bytes));
            }
        }
        for path in &rendered.unchanged {
            if let Some(bytes) = previous.get(path) {
                files.insert(path.clone(), Arc::clone(bytes));
            }
        }
        let count = rendered.rendered.len();
        for p in pages.into_pages() {
            files.insert(p.path, Arc::new(p.bytes));
        }
        Ok((files, count))
    })();
    match result {
        Ok(done) => (Ok(done), memo.next(started)),
        // A failed build may have recorded half of its keys: start afresh.
        Err(e) => (Err(e), Memo::default()),
    }
}

/// Serve the site at `root` on 127.0.0.1:`port` (0 picks a free port) until killed.
/// `ready` is called with the address once the first build is served.
pub fn serve(
    root: &Path,
    port: u16,
    quiet: bool,
    ready: impl FnOnce(&str),
) -> Result<(), BuildFailed> {
    let (first, mut memo) = build_in_memory(root, Memo::default(), &BTreeMap::new());
    let (files, _) = first?;
    let state = Arc::new(RwLock::new(Served { files, version: 1 }));
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
        BuildFailed(vec![crate::diagnostics::Diagnostic::new(
            "--port",
            format!("cannot listen on 127.0.0.1:{port}: {e}"),
        )])
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();
    ready(&format!("http://{addr}/"));
    let waiting = Arc::new(Waiting::default());
    let mut inputs = watch::InputWatch::new(root);
    http::spawn(server, Arc::clone(&state), Arc::clone(&waiting));
    loop {
        inputs.wait_for_change();
        // Unchanged pages are shared with the served site, not copied.
        let previous = state.read().map(|s| s.files.clone()).unwrap_or_default();
        let (result, next) = build_in_memory(root, memo, &previous);
        drop(previous);
        memo = next;
        match result {
            Ok((new_files, rendered)) => {
                let (changed, removed) = swap_in(&state, new_files);
                if changed + removed > 0 {
                    waiting.notify();
                }
                if !quiet {
                    eprintln!(
                        "rebuilt: {rendered} page(s) rendered, {changed} file(s) changed, {removed} removed"
                    );
                }
            }
            Err(failed) => eprintln!("{failed}\n(still serving the previous version)"),
        }
    }
}

/// Put the files of a rebuild in place of the served ones, bumping the
/// version when any changed. Returns how many changed and how many went.
fn swap_in(state: &RwLock<Served>, new_files: Files) -> (usize, usize) {
    let mut s = state.write().unwrap_or_else(|e| e.into_inner());
    let changed: Vec<String> = new_files
        .iter()
        .filter(|(k, v)| s.files.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    let removed = s
        .files
        .keys()
        .filter(|k| !new_files.contains_key(*k))
        .count();
    if !changed.is_empty() || removed > 0 {
        for k in &changed {
            s.files.insert(k.clone(), Arc::clone(&new_files[k]));
        }
        s.files.retain(|k, _| new_files.contains_key(k));
        s.version += 1;
    }
    (changed.len(), removed)
}
