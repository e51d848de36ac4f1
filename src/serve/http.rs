//! The HTTP side of `serve`: each client connection's requests are answered
//! by a thread of that connection, in order, so a client that does not read
//! its answers (or pipelines thousands of requests) holds up only itself;
//! pages learn of a rebuild by a long poll that one thread holds open for
//! every page at once and answers the moment the site changes.
//!
//! A fixed pool of workers is not enough: tiny_http parses pipelined
//! requests ahead and answers them in order, so the workers that took a
//! stuck connection's later requests all wait behind its first answer.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Path the reload script waits on: `?v=N` is answered when the site's
/// version is no longer N (or after [`WAIT_LIMIT`], with the same N).
pub const WAIT_PATH: &str = "/__dossier/wait";

/// Injected before `</body>` of served pages (never into built files). The
/// first wait learns the version; the next is held until it changes.
const RELOAD_SCRIPT: &str = "<script>(function(){var v=null;function wait(){fetch('/__dossier/wait?v='+(v===null?'':v),{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();return;}v=t;wait();}).catch(function(){setTimeout(wait,1000);});}wait();})();</script>";

/// A connection's thread ends after this long without a request (a kept-
/// alive connection's next request then starts a new one).
const IDLE: Duration = Duration::from_secs(5);

/// A held wait is answered after this long even without a change, so that
/// no proxy or browser gives up on it first.
const WAIT_LIMIT: Duration = Duration::from_secs(25);

/// The served files by output path.
pub type Files = BTreeMap<String, Arc<Vec<u8>>>;

/// The site as served: output path -> bytes, and a version bumped on every change.
#[derive(Default)]
pub struct Served {
    pub files: Files,
    pub version: u64,
}

/// Waits held until the version moves: the request, the version the page
/// has, and when it came.
#[derive(Default)]
pub struct Waiting {
    held: Mutex<Vec<(tiny_http::Request, u64, Instant)>>,
    changed: Condvar,
}

impl Waiting {
    /// Wake the thread that answers held waits (the site changed).
    pub fn notify(&self) {
        self.changed.notify_all();
    }
}

/// The threads answering each open connection, by the client's address.
type Connections = Arc<Mutex<HashMap<Option<SocketAddr>, Sender<tiny_http::Request>>>>;

/// Start answering requests on `server` and the waits' thread; they run
/// until the process ends.
pub fn spawn(server: tiny_http::Server, state: Arc<RwLock<Served>>, waiting: Arc<Waiting>) {
    {
        let (state, waiting) = (Arc::clone(&state), Arc::clone(&waiting));
        std::thread::spawn(move || answer_waits(&state, &waiting));
    }
    std::thread::spawn(move || {
        let connections: Connections = Arc::default();
        while let Ok(request) = server.recv() {
            dispatch(request, &connections, &state, &waiting);
        }
    });
}

/// Hand a request to its connection's thread, starting one if it has none.
fn dispatch(
    request: tiny_http::Request,
    connections: &Connections,
    state: &Arc<RwLock<Served>>,
    waiting: &Arc<Waiting>,
) {
    let key = request.remote_addr().copied();
    let mut open = connections.lock().unwrap_or_else(|e| e.into_inner());
    let request = match open.get(&key) {
        Some(tx) => match tx.send(request) {
            Ok(()) => return,
            Err(failed) => failed.0,
        },
        None => request,
    };
    let (tx, rx) = channel();
    let _ = tx.send(request);
    open.insert(key, tx);
    let (connections, state, waiting) = (
        Arc::clone(connections),
        Arc::clone(state),
        Arc::clone(waiting),
    );
    std::thread::spawn(move || serve_connection(key, &rx, &connections, &state, &waiting));
}

/// Answer one connection's requests in order until it is idle, then leave
/// (removing itself under the lock, so no request is sent to a thread gone).
fn serve_connection(
    key: Option<SocketAddr>,
    rx: &Receiver<tiny_http::Request>,
    connections: &Connections,
    state: &RwLock<Served>,
    waiting: &Waiting,
) {
    loop {
        match rx.recv_timeout(IDLE) {
            Ok(request) => respond(request, state, waiting),
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {
                let mut open = connections.lock().unwrap_or_else(|e| e.into_inner());
                match rx.try_recv() {
                    Ok(request) => {
                        drop(open);
                        respond(request, state, waiting);
                    }
                    Err(_) => {
                        open.remove(&key);
                        return;
                    }
                }
            }
        }
    }
}

/// Answer each held wait once the version differs from its own or it has
/// been held for [`WAIT_LIMIT`].
fn answer_waits(state: &RwLock<Served>, waiting: &Waiting) {
    let mut held = waiting.held.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        held = waiting
            .changed
            .wait_timeout(held, Duration::from_secs(1))
            .unwrap_or_else(|e| e.into_inner())
            .0;
        let version = state.read().map(|s| s.version).unwrap_or_default();
        let now = Instant::now();
        let (due, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut *held)
            .into_iter()
            .partition(|(_, v, since)| *v != version || now - *since >= WAIT_LIMIT);
        *held = keep;
        for (request, _, _) in due {
            answer_version(request, version);
        }
    }
}

fn answer_version(request: tiny_http::Request, version: u64) {
    let _ = request.respond(
        tiny_http::Response::from_string(version.to_string())
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    );
}

fn respond(request: tiny_http::Request, state: &RwLock<Served>, waiting: &Waiting) {
    let (path, query) = match request.url().split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (request.url().to_string(), String::new()),
    };
    let path = path.split('#').next().unwrap_or("/").to_string();
    if path == WAIT_PATH {
        let version = state.read().map(|s| s.version).unwrap_or_default();
        match query.strip_prefix("v=").and_then(|v| v.parse::<u64>().ok()) {
            Some(seen) if seen == version => waiting
                .held
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((request, seen, Instant::now())),
            _ => answer_version(request, version),
        }
        return;
    }
    let (status, path, bytes) = {
        let s = state.read().unwrap_or_else(|e| e.into_inner());
        let Some((status, path)) = resolve(&s.files, &path) else {
            let _ = request
                .respond(tiny_http::Response::from_string("not found").with_status_code(404));
            return;
        };
        let bytes = Arc::clone(&s.files[&path]);
        (status, path, bytes)
    };
    let body = if path.ends_with(".html") {
        with_reload_script(&bytes)
    } else {
        bytes.to_vec()
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", &content_type(&path)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// The served file for a URL path: the file, the folder's index.html, or
/// the site's 404 page with status 404. `None` when there is no 404 page.
fn resolve(files: &Files, url_path: &str) -> Option<(u16, String)> {
    let mut path = percent_encoding::percent_decode_str(url_path.trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    if files.contains_key(&path) {
        return Some((200, path));
    }
    let index = format!("{path}/index.html");
    if files.contains_key(&index) {
        return Some((200, index));
    }
    files
        .contains_key("404.html")
        .then(|| (404, "404.html".to_string()))
}

fn with_reload_script(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_SCRIPT}{}", &text[..i], &text[i..]).into_bytes(),
        None => page.to_vec(),
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

/// The Content-Type of a served file, from its extension; text types say
/// their charset (every text file dossier writes or copies is read as UTF-8).
fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.type_() == mime_guess::mime::TEXT
        || mime.subtype() == mime_guess::mime::JAVASCRIPT
        || mime.subtype() == mime_guess::mime::XML
    {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_cover_what_a_theme_may_copy() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("a/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("img/x.webp"), "image/webp");
        assert_eq!(content_type("favicon.ico"), "image/x-icon");
        assert_eq!(content_type("f/font.woff2"), "font/woff2");
        assert_eq!(content_type("anim.gif"), "image/gif");
        assert_eq!(content_type("unknown.zzz"), "application/octet-stream");
    }

    #[test]
    fn paths_are_decoded_and_folders_get_their_index() {
        let mut files = Files::new();
        for p in [
            "index.html",
            "briefs/a b.html",
            "topics/index.html",
            "404.html",
        ] {
            files.insert(p.to_string(), Arc::new(Vec::new()));
        }
        assert_eq!(resolve(&files, "/"), Some((200, "index.html".into())));
        assert_eq!(
            resolve(&files, "/briefs/a%20b.html"),
            Some((200, "briefs/a b.html".into()))
        );
        assert_eq!(
            resolve(&files, "/topics"),
            Some((200, "topics/index.html".into()))
        );
        assert_eq!(
            resolve(&files, "/gone.html"),
            Some((404, "404.html".into()))
        );
        files.remove("404.html");
        assert_eq!(resolve(&files, "/gone.html"), None);
    }
}
