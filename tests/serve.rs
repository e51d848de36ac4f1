//! `dossier serve`: a new source dropped into content/sources/ appears as a
//! served page without a restart, open pages are told to reload the moment
//! it does, and a client that does not read its answers holds up no one.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Kills the server when the test ends, passed or failed.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (u16, String) {
    get_within(addr, path, Duration::from_secs(10))
}

fn get_within(addr: &str, path: &str, limit: Duration) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(limit)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Start `dossier serve` on `site`; the server and its address.
fn start(site: &std::path::Path) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    (server, addr)
}

#[test]
fn a_new_source_is_served_without_a_restart() {
    let site = fixture_site();
    let (server, addr) = start(site.path());

    let (status, body) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Iraq and the US-led coalition, 2024") && body.contains("/__dossier/wait")
    );
    assert_eq!(get(&addr, "/no/such/page.html").0, 404);
    // A page's first wait learns the version at once; its next is held
    // until the site changes.
    let (_, v1) = get(&addr, "/__dossier/wait");
    let held = {
        let (addr, v1) = (addr.clone(), v1.clone());
        std::thread::spawn(move || {
            let asked = Instant::now();
            let answer = get_within(
                &addr,
                &format!("/__dossier/wait?v={v1}"),
                Duration::from_secs(60),
            );
            (answer, asked.elapsed())
        })
    };
    std::thread::sleep(Duration::from_millis(500));

    std::fs::write(
        site.path().join("content/sources/new-report.txt"),
        "Coalition Advisers To Stay After Withdrawal\n\n2024-09-20\n\nThe US-led coalition will keep several hundred advisers in Iraq after the withdrawal, officials said.\n\nThe advisory mission will be part of a bilateral security partnership, the Pentagon said.\n",
    )
    .unwrap();
    let page = "/briefs/coalition-advisers-to-stay-after-withdrawal.html";
    let start = Instant::now();
    loop {
        let (status, body) = get(&addr, page);
        if status == 200 {
            assert!(body.contains("Coalition Advisers To Stay After Withdrawal"));
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the new page never appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let ((status, v2), waited) = held.join().unwrap();
    assert_eq!(status, 200);
    assert_ne!(v1, v2, "the held wait is answered with the new version");
    assert!(
        waited >= Duration::from_millis(400),
        "the wait was held until the change, not answered at once ({waited:?})"
    );
    assert!(
        get(&addr, "/sources/new-report.html")
            .1
            .contains("several hundred advisers")
    );
    drop(server);
}

#[test]
fn a_client_that_does_not_read_holds_up_no_one() {
    let site = fixture_site();
    let (server, addr) = start(site.path());
    // Pipelined requests whose answers are never read: once the socket's
    // buffers are full, the thread writing them waits on this client.
    let mut stuck = TcpStream::connect(&addr).unwrap();
    let (_, front) = get(&addr, "/");
    assert!(front.len() > 1000);
    let request = format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    for _ in 0..(64 * 1024 * 1024 / front.len()).max(1) {
        if stuck.write_all(request.as_bytes()).is_err() {
            break;
        }
    }
    // A silent client that sent half a request holds nothing either.
    let mut silent = TcpStream::connect(&addr).unwrap();
    silent.write_all(b"GET /ind").unwrap();
    for path in ["/", "/briefs/index.html", "/topics/index.html"] {
        let (status, _) = get_within(&addr, path, Duration::from_secs(5));
        assert_eq!(status, 200, "{path} answered beside the stuck client");
    }
    drop((stuck, silent, server));
}
