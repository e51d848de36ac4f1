//! A failed build changes nothing: whichever write of the output fails, the
//! previous site is left exactly as it was (every file's bytes, no file or
//! folder more or less), in both ways the output is written (a few files
//! replaced in place, or the whole site staged and swapped in), and the next
//! build after the failures makes the site a clean build makes.
//!
//! Failures are injected by `dossier::output::fail_at_operation` (a process-
//! wide switch: this file holds one test, so no other build runs meanwhile).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// Every file and folder under `dir`: path -> bytes (`None` for a folder).
fn tree(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect()
}

/// Fail the build at its 1st, 2nd, ... output operation until one passes;
/// after each failure the site must be `before`. Each try starts from the
/// build cache as it was (a failed build leaves it asking for a full build,
/// which would write the whole site the other way). Returns the failures seen.
fn fail_at_every_write(root: &Path, before: &BTreeMap<String, Option<Vec<u8>>>) -> usize {
    let out = root.join("public");
    let cache = root.join(".dossier-cache");
    let kept = tempfile::tempdir().unwrap();
    copy_dir(&cache, kept.path());
    for k in 1.. {
        std::fs::remove_dir_all(&cache).unwrap();
        copy_dir(kept.path(), &cache);
        dossier::output::fail_at_operation(k);
        let result = build(root);
        dossier::output::fail_at_operation(0);
        if result.is_ok() {
            return k - 1;
        }
        let message = result.unwrap_err().to_string();
        assert!(message.contains("injected failure"), "{message}");
        assert!(
            tree(&out) == *before,
            "failing at operation {k} changed the site"
        );
        let leftovers = build_leftovers(root);
        assert!(leftovers.is_empty(), "operation {k}: {leftovers:?}");
    }
    unreachable!()
}

#[test]
fn a_build_that_fails_at_any_write_leaves_the_previous_site_as_it_was() {
    let site = fixture_site();
    let root = site.path();
    build(root).unwrap();

    // The whole site: a new title is on every page.
    let config = read(&root.join("site.toml"));
    let title = config.lines().find(|l| l.starts_with("title")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        config.replace(title, "title = \"A renamed briefing\""),
    )
    .unwrap();
    age_inputs(root);
    let before = tree(&root.join("public"));
    let whole = fail_at_every_write(root, &before);
    assert!(whole > 20, "only {whole} operations");
    assert!(read(&root.join("public/index.html")).contains("A renamed briefing"));

    // Enough hand-written briefs that one edit changes a small share of the
    // site: the few-files way of writing it.
    for n in 0..60 {
        std::fs::write(
            root.join(format!("content/briefs/harbour-log-{n}.md")),
            format!(
                "---\ntitle: Harbour log {n}\npublished: 2024-03-{:02}\n---\nThe harbour master logged {n} vessels on entry {n}.\n",
                n % 28 + 1
            ),
        )
        .unwrap();
    }
    build(root).unwrap();
    let files = tree(&root.join("public")).len();
    // One brief's text gains a word, so its page and the search shards of
    // that word change (the finding: the search index was renamed in while
    // the brief's page stayed old).
    let brief = root.join("content/briefs/harbour-log-7.md");
    let text = read(&brief);
    std::fs::write(
        &brief,
        format!("{text}\nA sentence about zanzibarite deposits.\n"),
    )
    .unwrap();
    age_inputs(root);
    let before = tree(&root.join("public"));
    let few = fail_at_every_write(root, &before);
    assert!(
        (4..files / 2).contains(&few),
        "{few} operations for {files} files: not the few-files way"
    );
    assert!(
        walkdir::WalkDir::new(root.join("public/assets/search"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .any(|e| read(e.path()).contains("zanzibarite"))
    );

    // After all that, the site is what a clean build of the same inputs makes.
    let clean = tempfile::tempdir().unwrap();
    let mut opts = dossier::build::BuildOptions::new(root);
    opts.output = Some(clean.path().join("site"));
    std::fs::remove_dir_all(root.join(".dossier-cache")).unwrap();
    dossier::build::build(&opts).unwrap();
    assert!(snapshot(&root.join("public")) == snapshot(&clean.path().join("site")));
}
