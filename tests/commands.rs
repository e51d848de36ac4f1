//! The `new`, `check` and `--quiet` commands, through the real binary.

mod common;

use std::process::Command;

use common::*;

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn new_site_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mine");
    let s = site.to_str().unwrap();
    assert!(dossier(&["new", s]).status.success());
    let built = dossier(&["build", "--root", s]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(site.join("public/topics/example-topic.html").is_file());
    let brief = std::fs::read_dir(site.join("content/briefs"))
        .unwrap()
        .count();
    assert_eq!(brief, 1, "the sample source was ingested");
    let checked = dossier(&["check", "--root", s]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    // A second `new` into the same folder refuses.
    assert_eq!(dossier(&["new", s]).status.code(), Some(1));
}

#[test]
fn the_embedded_theme_is_the_shipped_theme() {
    let on_disk = snapshot(&repo().join("themes/default"));
    let embedded: std::collections::BTreeMap<String, Vec<u8>> = dossier::starter::DEFAULT_THEME
        .iter()
        .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
        .collect();
    assert_eq!(
        on_disk, embedded,
        "src/starter.rs DEFAULT_THEME is out of date with themes/default/"
    );
}

#[test]
fn check_finds_broken_links_and_writes_nothing() {
    let site = fixture_site();
    let s = site.path().to_str().unwrap();
    let ok = dossier(&["check", "--root", s]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(!site.path().join("public").exists(), "check wrote the site");
    // A template override with a dead link and a missing anchor.
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<a href=\"{{ root }}nowhere.html\">x</a><a href=\"{{ root }}index.html#no-such-id\">y</a><img src=\"/logo.png\" alt=\"\">{% endblock content %}",
    )
    .unwrap();
    let bad = dossier(&["check", "--root", s]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("404.html: link nowhere.html: nowhere.html is not in the site"),
        "{err}"
    );
    assert!(
        err.contains("no element with id \"no-such-id\" in index.html"),
        "{err}"
    );
    assert!(err.contains("root-relative link /logo.png"), "{err}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn quiet_prints_nothing_on_success() {
    let site = fixture_site();
    let out = dossier(&["--quiet", "build", "--root", site.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty() && out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
