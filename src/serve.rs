//! `dossier serve`: the site on 127.0.0.1, rebuilt when its inputs change.
//!
//! The site is built in memory and served from there. A watcher polls the
//! site's inputs (sources, briefs, topics, aliases, templates, theme, static
//! files, site.toml) for changed sizes and modification times; on a change it
//! runs ingest (a new source gets its brief) and rebuilds, swaps in only the
//! pages whose bytes changed, and bumps a version number. Served HTML pages
//! carry a small script that polls that number and reloads the page when it
//! changes. A failed rebuild keeps the previous site and prints the problems.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::build;
use crate::cache::{InputSnapshot, Memo};
use crate::diagnostics::BuildFailed;

/// Path the reload script polls.
const VERSION_PATH: &str = "/__dossier/version";

/// Injected before `</body>` of served pages (never into built files).
const RELOAD_SCRIPT: &str = "<script>(function(){var v=null;function poll(){fetch('/__dossier/version',{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();}v=t;}).catch(function(){});}poll();setInterval(poll,700);})();</script>";

/// The site as served: output path -> bytes, and a version bumped on every change.
#[derive(Default)]
struct Served {
    files: BTreeMap<String, Arc<Vec<u8>>>,
    version: u64,
}

/// The served files by output path, shared with the server thread.
type Files = BTreeMap<String, Arc<Vec<u8>>>;

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
        let site = build::load_with(root, &memo)?;
        let rendered = build::render_pages_with(&site, None, &memo, !previous.is_empty())?;
        build::check_bodies(&site)?;
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
        let count = rendered.pages.len();
        for p in rendered.pages {
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

/// Stamps of every input file (the build cache's own snapshot): a change of
/// any is a rebuild. A change of theme in site.toml is a change of site.toml.
fn fingerprint(root: &Path) -> InputSnapshot {
    let theme = crate::config::SiteConfig::load(root)
        .map(|c| c.theme)
        .unwrap_or_else(|_| "default".to_string());
    InputSnapshot::take(root, &theme)
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
    let shared = Arc::clone(&state);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            respond(request, &shared);
        }
    });
    let mut last = fingerprint(root);
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = fingerprint(root);
        if now == last {
            continue;
        }
        // Let a burst of writes settle before rebuilding.
        std::thread::sleep(Duration::from_millis(150));
        last = fingerprint(root);
        // Unchanged pages are shared with the served site, not copied.
        let previous = state.read().map(|s| s.files.clone()).unwrap_or_default();
        let (result, next) = build_in_memory(root, memo, &previous);
        drop(previous);
        memo = next;
        match result {
            Ok((new_files, rendered)) => {
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
                if !quiet {
                    eprintln!(
                        "rebuilt: {rendered} page(s) rendered, {} file(s) changed, {removed} removed",
                        changed.len()
                    );
                }
            }
            Err(failed) => eprintln!("{failed}\n(still serving the previous version)"),
        }
    }
}

fn respond(request: tiny_http::Request, state: &RwLock<Served>) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let s = state.read().unwrap_or_else(|e| e.into_inner());
    if url == VERSION_PATH {
        let _ = request.respond(
            tiny_http::Response::from_string(s.version.to_string())
                .with_header(header("Cache-Control", "no-store")),
        );
        return;
    }
    let mut path = percent_decode(url.trim_start_matches('/'));
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    let (status, path) = if s.files.contains_key(&path) {
        (200, path)
    } else if s.files.contains_key(&format!("{path}/index.html")) {
        (200, format!("{path}/index.html"))
    } else {
        (404, "404.html".to_string())
    };
    let Some(bytes) = s.files.get(&path) else {
        let _ =
            request.respond(tiny_http::Response::from_string("not found").with_status_code(404));
        return;
    };
    let mut body = bytes.to_vec();
    if path.ends_with(".html") {
        let text = String::from_utf8_lossy(&body);
        if let Some(i) = text.rfind("</body>") {
            body = format!("{}{RELOAD_SCRIPT}{}", &text[..i], &text[i..]).into_bytes();
        }
    }
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(&path)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Some(b) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
