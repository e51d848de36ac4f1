//! Broken input stops the build with every problem listed (file, line) and
//! leaves the previous site untouched.

mod common;

use std::process::Command;

use common::*;

fn break_site(root: &std::path::Path) {
    let briefs = root.join("content/briefs");
    // Bad YAML (unclosed quote) at line 2.
    std::fs::write(
        briefs.join("bad-yaml.md"),
        "---\ntitle: \"unclosed\n---\nBody\n",
    )
    .unwrap();
    // Unknown topic at line 5.
    std::fs::write(
        briefs.join("unknown-topic.md"),
        "---\ntitle: Fine\npublished: 2024-01-02\ntopics:\n  - no-such-topic\n---\nBody\n",
    )
    .unwrap();
    // Missing title, unclosed front matter, wrong type.
    std::fs::write(briefs.join("no-title.md"), "---\noutlet: X\n---\nBody\n").unwrap();
    std::fs::write(briefs.join("unclosed.md"), "---\ntitle: X\nBody\n").unwrap();
    std::fs::write(
        briefs.join("wrong-type.md"),
        "---\ntitle: X\ntopics: 7\n---\n",
    )
    .unwrap();
    // A template with a syntax error at line 3.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{{ oops( }}\n{% endblock content %}\n",
    )
    .unwrap();
}

#[test]
fn every_problem_is_listed_and_previous_output_kept() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let before = snapshot(&site.path().join("public"));
    break_site(site.path());
    let failed = build(site.path()).unwrap_err();
    let shown: Vec<String> = failed.0.iter().map(|d| d.to_string()).collect();
    let all = shown.join("\n");
    let find = |file: &str| {
        failed
            .0
            .iter()
            .find(|d| d.file.to_string_lossy().ends_with(file))
            .unwrap_or_else(|| panic!("{file} not reported in:\n{all}"))
    };
    assert_eq!(find("bad-yaml.md").line, Some(2), "{all}");
    let unknown = find("unknown-topic.md");
    assert_eq!(unknown.line, Some(5), "{all}");
    assert!(unknown.message.contains("no-such-topic"));
    assert!(
        unknown
            .hint
            .as_deref()
            .unwrap()
            .contains("advisory-mission")
    );
    assert!(find("no-title.md").message.contains("title"), "{all}");
    assert!(
        find("unclosed.md").message.contains("never closed"),
        "{all}"
    );
    assert_eq!(find("wrong-type.md").line, Some(3), "{all}");
    let tpl = find("templates/404.html");
    assert_eq!(tpl.line, Some(3), "{all}");
    assert_eq!(failed.0.len(), 6, "{all}");
    assert_eq!(
        before,
        snapshot(&site.path().join("public")),
        "previous output changed"
    );
}

#[test]
fn cli_exits_non_zero_with_the_list_and_zero_when_fixed() {
    let site = fixture_site();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(&target)
            .output()
            .unwrap()
    };
    let ok = run();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(target.join("index.html").is_file());
    let before = snapshot(&target);
    break_site(site.path());
    let bad = run();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("content/briefs/bad-yaml.md:2:"), "{err}");
    assert!(err.contains("content/briefs/unknown-topic.md:5"), "{err}");
    assert!(err.contains("templates/404.html:3:"), "{err}");
    assert!(err.contains("6 problems found"), "{err}");
    assert_eq!(before, snapshot(&target));
}

#[test]
fn unknown_config_key_is_named() {
    let site = fixture_site();
    let cfg = read(&site.path().join("site.toml"));
    std::fs::write(
        site.path().join("site.toml"),
        format!("{cfg}outptu_dir = \"x\"\n"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("site.toml:7:1: unknown field `outptu_dir`"),
        "{err}"
    );
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = fixture_site();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("thesis.docx"), "precious").unwrap();
    let opts = dossier::build::BuildOptions {
        output: Some(other.path().to_path_buf()),
        ..dossier::build::BuildOptions::new(site.path())
    };
    let failed = dossier::build::build(&opts).unwrap_err();
    assert!(
        failed.0[0].message.contains("was not written by dossier"),
        "{}",
        failed.0[0]
    );
    assert_eq!(read(&other.path().join("thesis.docx")), "precious");
}

#[test]
fn help_explains_the_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--root <DIR>") && help.contains("--output <DIR>"),
        "{help}"
    );
    assert!(help.contains("previous site stays"), "{help}");
}

#[test]
fn two_builds_at_once_do_not_race() {
    let site = fixture_site();
    // Another build holds the lock.
    let held = dossier::build::lock_site(site.path()).unwrap();
    let failed = build(site.path()).unwrap_err();
    assert!(
        failed.0[0].message.contains("another dossier build"),
        "{}",
        failed.0[0]
    );
    assert!(!site.path().join("public").exists());
    drop(held);
    // Released, the site builds. (A process another test spawns at the
    // moment the lock is held keeps a copy of its descriptor until it
    // starts its program: the lock may outlive `drop` by that moment.)
    let mut tries = 0;
    while let Err(e) = build(site.path()) {
        tries += 1;
        assert!(
            tries < 50 && e.0[0].message.contains("another dossier build"),
            "{}",
            e.0[0]
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
