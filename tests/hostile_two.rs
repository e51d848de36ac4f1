//! The second hostile-input catalogue: what a careful attacker or a careless
//! user tried after the first one held. Each test names the finding it
//! answers; each failed before the change that made it pass.

mod common;

use std::path::Path;

use common::*;

fn build_out(root: &Path, out: &Path) -> Result<dossier::build::BuildReport, String> {
    let mut opts = dossier::build::BuildOptions::new(root);
    opts.output = Some(out.to_path_buf());
    dossier::build::build(&opts).map_err(|e| e.to_string())
}

/// Finding: `--output` inside the site's inputs was accepted (the next build
/// ingested its own pages, copied them back as static files, or ran them as
/// templates); `output_dir = "static"` or `".dossier-cache"` too.
#[test]
fn the_output_may_not_sit_in_any_input() {
    let site = fixture_site();
    let root = site.path();
    let before = snapshot(root);
    for inside in [
        "content/sources/out",
        "content",
        "themes/default/static/out",
        "templates",
        "static",
        ".dossier-cache",
        ".",
        "..",
    ] {
        let out = root.join(inside);
        let e = build_out(root, &out).expect_err(inside);
        assert!(e.contains("--output"), "{inside}: {e}");
    }
    // Given as an absolute path through a link, the same.
    #[cfg(unix)]
    {
        let elsewhere = tempfile::tempdir().unwrap();
        let link = elsewhere.path().join("sources-link");
        std::os::unix::fs::symlink(root.join("content/sources"), &link).unwrap();
        assert!(build_out(root, &link.join("out")).is_err());
    }
    // Nothing but the build lock (which any build holds) was written.
    let mut after = snapshot(root);
    after.remove(".dossier-lock");
    assert!(after == before, "a refused build wrote {:?}", {
        let changed: Vec<&String> = after
            .keys()
            .filter(|k| after.get(*k) != before.get(*k))
            .collect();
        changed
    });
    for dir in ["static", ".dossier-cache", ".dossier-lock", "site.toml"] {
        let config = read(&root.join("site.toml"))
            .lines()
            .filter(|l| !l.starts_with("output_dir"))
            .collect::<Vec<_>>()
            .join("\n")
            + &format!("\noutput_dir = \"{dir}\"\n");
        let e = dossier::config::SiteConfig::parse(&config).expect_err(dir);
        assert!(
            e.iter().any(|d| d.message.contains("would overwrite")),
            "{dir}: {e:?}"
        );
    }
    // Outside the inputs is fine.
    build_out(root, &root.join("public-2")).unwrap();
}

/// Finding: `.dossier-cache` or `.dossier-lock` planted as symbolic links
/// made the build write (and `forget()` delete) outside the site.
#[cfg(unix)]
#[test]
fn the_cache_and_the_lock_are_never_followed_through_links() {
    for planted in [".dossier-cache", ".dossier-lock", ".dossier-cache/memo"] {
        let site = fixture_site();
        let root = site.path();
        let victim = tempfile::tempdir().unwrap();
        let target = victim.path().join("target");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("precious"), "keep me").unwrap();
        if let Some(parent) = Path::new(planted)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(root.join(parent)).unwrap();
        }
        std::os::unix::fs::symlink(&target, root.join(planted)).unwrap();
        let e = build(root).expect_err(planted).to_string();
        assert!(e.contains("symbolic link"), "{planted}: {e}");
        assert_eq!(
            std::fs::read_dir(&target).unwrap().count(),
            1,
            "{planted}: something was written through the link"
        );
        assert_eq!(read(&target.join("precious")), "keep me");
    }
}

/// Findings (issue 19, messages): `build --root /nonexistent` said "cannot
/// create the build lock"; a failed build in an empty folder left
/// `.dossier-lock` behind while saying nothing was written.
#[test]
fn a_folder_that_is_not_a_site_is_named_as_such_and_left_alone() {
    let missing = std::env::temp_dir().join("dossier-no-such-site-folder");
    let e = build(&missing).unwrap_err().to_string();
    assert!(e.contains("does not exist"), "{e}");
    let empty = tempfile::tempdir().unwrap();
    let e = build(empty.path()).unwrap_err().to_string();
    assert!(e.contains("no site.toml"), "{e}");
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0);
}

/// Findings: YAML aliases repeating one large string (1.1 MB took 1.9 GB)
/// and deeply nested YAML (minutes in the scanner) in a brief, a topic and
/// `content/aliases.yaml`: refused at once with the file and line.
#[test]
fn yaml_that_would_expand_or_nest_without_bound_is_refused_with_its_line() {
    let big = "y".repeat(100_000);
    let laughs = format!(
        "---\ntitle: &x \"{big}\"\ntopics: [{}]\n---\nText.\n",
        vec!["*x"; 10_000].join(", ")
    );
    let deep = format!(
        "---\ntitle: T\ntopics: {}{}\n---\nText.\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    for (name, text, line) in [("laughs.md", laughs, 2), ("deep.md", deep, 3)] {
        let site = fixture_site();
        let root = site.path();
        std::fs::write(root.join("content/briefs").join(name), text).unwrap();
        let e = build(root).unwrap_err().to_string();
        assert!(
            e.contains(&format!("content/briefs/{name}:{line}:")),
            "{name}: {e}"
        );
    }
    let site = fixture_site();
    let root = site.path();
    std::fs::write(
        root.join("content/aliases.yaml"),
        format!("people:\n  a: &x [\"{big}\"]\n  b: *x\n"),
    )
    .unwrap();
    let e = build(root).unwrap_err().to_string();
    assert!(e.contains("aliases.yaml:2:"), "{e}");
    let site = fixture_site();
    let root = site.path();
    let topic = root.join("content/topics/pmf.md");
    let text = read(&topic).replacen("threshold: 4", "threshold: &t 4", 1);
    std::fs::write(&topic, text).unwrap();
    let e = build(root).unwrap_err().to_string();
    assert!(e.contains("content/topics/pmf.md:"), "{e}");
}

/// Findings: 50,000 identical headings in a brief, and ingest's unique
/// slugs, took a loop per name over the names taken (quadratic).
#[test]
fn many_identical_names_are_made_unique_in_one_pass() {
    let site = fixture_site();
    let root = site.path();
    let body = "## Update\n\nText.\n\n".repeat(50_000);
    std::fs::write(
        root.join("content/briefs/many-headings.md"),
        format!("---\ntitle: Many headings\ntopics: []\n---\n{body}"),
    )
    .unwrap();
    for i in 0..300 {
        std::fs::write(
            root.join("content/sources").join(format!("same-{i:03}.txt")),
            format!("The Same Headline For Every Page\n\nStory number {i} is told in a sentence long enough to be an article on its own page.\n"),
        )
        .unwrap();
    }
    let started = std::time::Instant::now();
    build(root).unwrap();
    // A hang guard, not a timing: quadratic loops took minutes here.
    assert!(started.elapsed() < std::time::Duration::from_secs(300));
    let page = read(&root.join("public/briefs/many-headings.html"));
    assert!(page.contains("id=\"update-50000\""));
    let slugs: std::collections::BTreeSet<String> = std::fs::read_dir(root.join("content/briefs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("the-same-headline"))
        .collect();
    assert_eq!(slugs.len(), 300);
    assert!(
        slugs.contains("the-same-headline-for-every-page-300.md"),
        "{slugs:?}"
    );
}

/// Findings: a source named `x: y.txt` broke every build (`x:` read as a
/// Windows drive); a file name in Arabic script was skipped ("has no letters
/// or digits"). Any name the file system allows is ingested and built.
#[test]
fn any_file_name_the_file_system_allows_is_ingested_and_built() {
    let site = fixture_site();
    let root = site.path();
    let story = "A drone hit a base in western Iraq on Monday, officials said, wounding two soldiers and damaging a hangar near the runway.";
    let names = [
        if cfg!(windows) {
            "Iraq - drone attack.txt"
        } else {
            "Iraq: drone attack.txt"
        },
        "هجوم على القاعدة.txt",
        "Erdoğan visit (copy 2).txt",
    ];
    for (i, name) in names.iter().enumerate() {
        std::fs::write(
            root.join("content/sources").join(name),
            format!("Headline number {i} of the fixture\n\n{story} Page {i}.\n"),
        )
        .unwrap();
    }
    let report = build(root).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.briefs_written.len(), 3, "{:?}", report.warnings);
    let pages: Vec<String> = std::fs::read_dir(root.join("public/sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(pages.contains(&"hjwm-l-lqd.html".to_string()), "{pages:?}");
    assert!(
        pages.contains(&"erdogan-visit-copy-2.html".to_string()),
        "{pages:?}"
    );
}

/// Findings: deleting the source of an ingest-written brief failed every
/// build until the brief was removed by hand, and ingest said nothing; each
/// ingest killed mid-write left a hidden `.tmpXXXXXX` in content/briefs.
#[test]
fn leftovers_of_deleted_sources_and_killed_runs_are_cleared() {
    let dir = site_with_sources(&repo().join("content/sources"));
    let root = dir.path();
    let report = build(root).unwrap();
    assert_eq!(report.briefs_written.len(), 5);
    // A killed run's temporary file.
    std::fs::write(root.join("content/briefs/.tmpAbC123"), "half a brief").unwrap();
    // The source of an untouched brief is deleted; another brief is edited,
    // then its source deleted too.
    let untouched = &report.briefs_written[0];
    let edited = &report.briefs_written[1];
    let source_of = |brief: &str| {
        read(&root.join(brief))
            .lines()
            .find_map(|l| l.strip_prefix("source: ").map(str::to_string))
            .unwrap()
    };
    let (gone, also_gone) = (source_of(untouched), source_of(edited));
    let text = read(&root.join(edited));
    std::fs::write(
        root.join(edited),
        text.replacen("\n\n", "\n\nAn analyst's remark.\n\n", 1),
    )
    .unwrap();
    std::fs::remove_file(root.join("content/sources").join(&gone)).unwrap();
    let report = build(root).unwrap();
    assert!(
        !root.join(untouched).exists(),
        "the orphan brief is removed"
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("removed: its source") && w.message.contains(&gone)),
        "{:?}",
        report.warnings
    );
    assert!(!root.join("content/briefs/.tmpAbC123").exists());
    // An edited brief is never removed: the build names it, with what to do.
    std::fs::remove_file(root.join("content/sources").join(&also_gone)).unwrap();
    let e = build(root).unwrap_err().to_string();
    assert!(root.join(edited).exists());
    assert!(
        e.contains(&format!("{edited}:")) && e.contains("if the source was deleted"),
        "{e}"
    );
}

/// Finding: a cache file damaged in ways that still decode was used (19
/// pages differed from a clean build, with garbled words). Each cache file
/// in turn gets one letter changed, then a brief is edited (so that the
/// build leans on the memos); the site must be what a clean build makes.
#[test]
fn a_damaged_cache_file_is_never_used() {
    let site = fixture_site();
    let root = site.path();
    let brief = root.join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    let text = read(&brief);
    let edits = [text.clone(), format!("{text}\nA closing remark.\n")];
    // What a clean build makes of each version of the brief.
    let clean: Vec<_> = edits
        .iter()
        .map(|t| {
            std::fs::write(&brief, t).unwrap();
            let out = tempfile::tempdir().unwrap();
            build_out(root, &out.path().join("site")).unwrap();
            let _ = std::fs::remove_dir_all(root.join(".dossier-cache"));
            snapshot(&out.path().join("site"))
        })
        .collect();
    std::fs::write(&brief, &edits[0]).unwrap();
    age_inputs(root);
    build(root).unwrap();
    let cache: Vec<std::path::PathBuf> = walkdir::WalkDir::new(root.join(".dossier-cache"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    assert!(cache.len() >= 8, "{cache:?}");
    // Every file of a small cache; of a large one, a spread with the state.
    let step = cache.len().div_ceil(24);
    let victims = cache
        .iter()
        .enumerate()
        .filter(|(i, p)| i % step == 0 || p.ends_with("state.bin") || p.ends_with("trust.bin"))
        .map(|(_, p)| p);
    for (n, victim) in victims.enumerate() {
        let Ok(mut bytes) = std::fs::read(victim) else {
            continue; // removed by the build before
        };
        // A letter in the second half turned into another: the file still
        // decodes, with a word garbled.
        let Some(i) = (bytes.len() / 2..bytes.len()).find(|&i| bytes[i].is_ascii_lowercase())
        else {
            continue;
        };
        bytes[i] = if bytes[i] == b'e' { b'o' } else { b'e' };
        std::fs::write(victim, &bytes).unwrap();
        let version = (n + 1) % 2;
        std::fs::write(&brief, &edits[version]).unwrap();
        build(root).unwrap();
        assert!(
            snapshot(&root.join("public")) == clean[version],
            "{} damaged: the site differs from a clean build",
            victim.display()
        );
    }
}

/// Finding: a file rewritten with the same size and its old modification
/// time put back (`touch -r`, `rsync -t`) was never seen: the stamp was size
/// and time. Now the status-change time and inode are in it too.
#[test]
fn a_file_rewritten_with_its_old_size_and_time_is_seen() {
    let site = fixture_site();
    let root = site.path();
    age_inputs(root);
    build(root).unwrap();
    let brief = root.join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    let source = root.join("content/sources/002_e23fcb93c0a21488.txt");
    for (file, from, to) in [
        (&brief, "Currently", "Presently"),
        (&source, "Iraq", "Irak"),
    ] {
        let text = read(file);
        assert!(text.contains(from), "{}", file.display());
        let modified = std::fs::metadata(file).unwrap().modified().unwrap();
        std::fs::write(file, text.replacen(from, to, 1)).unwrap();
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert_eq!(std::fs::metadata(file).unwrap().len() as usize, text.len());
    }
    let report = build(root).unwrap();
    assert!(!report.up_to_date, "the rewrites were not seen");
    let page = read(&root.join("public/briefs/iraq-plans-to-reduce-us-led-forces.html"));
    assert!(
        page.contains("Presently"),
        "the brief's page is the old one"
    );
    let raw = read(&root.join("public/sources/002_e23fcb93c0a21488.html"));
    assert!(raw.contains("Irak"), "the source's page is the old one");
}

/// Finding: a file whose name is not UTF-8 (legacy bytes, which Unix file
/// systems allow) was invisible to an incremental build ("up to date") while
/// a clean build failed on it. Now it is ingested and built, named by its
/// Windows-1252 reading, by either build.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_unicode_is_ingested_by_any_build() {
    use std::os::unix::ffi::OsStrExt;
    let site = site_with_sources(&repo().join("content/sources"));
    let root = site.path();
    build(root).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 talks.txt");
    std::fs::write(
        root.join("content/sources").join(name),
        "Talks Resume at the Border Crossing\n\n2024-10-02\n\nNegotiators met at the border crossing on Wednesday to discuss the coalition's advisers, officials said.\n\nThe talks will continue next week, according to two diplomats.\n",
    )
    .unwrap();
    let report = build(root).unwrap();
    assert!(!report.up_to_date, "the new source was not seen");
    let written: Vec<&String> = report
        .briefs_written
        .iter()
        .filter(|b| b.contains("talks-resume-at-the-border"))
        .collect();
    assert_eq!(written.len(), 1, "{:?}", report.briefs_written);
    let brief = read(&root.join(written[0]));
    assert!(brief.contains("source: café talks.txt"), "{brief}");
    assert!(root.join("public/sources/cafe-talks.html").is_file());
    // Left alone (once the brief ingest wrote has been seen): up to date.
    // A clean build makes the same site.
    age_inputs(root);
    build(root).unwrap();
    assert!(build(root).unwrap().up_to_date);
    let before = snapshot(&root.join("public"));
    std::fs::remove_dir_all(root.join(".dossier-cache")).unwrap();
    build(root).unwrap();
    assert!(snapshot(&root.join("public")) == before);
}

/// Finding: a full rebuild beside a read-only folder in the output (a
/// person's `chmod`) left `.public.old-*` behind on every build: the files in
/// it could not be removed. Folders dossier sets aside are made writable
/// before they go. (Run as root, permissions do not bind: then this shows
/// only that nothing is left.)
#[cfg(unix)]
#[test]
fn a_read_only_folder_in_the_output_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let site = fixture_site();
    let root = site.path();
    build(root).unwrap();
    let locked = root.join("public/notes");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(locked.join("mine.txt"), "a note").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let config = read(&root.join("site.toml"));
    std::fs::write(
        root.join("site.toml"),
        config.replacen("title = ", "title = \"Renamed\"\n# was: ", 1),
    )
    .unwrap();
    build(root).unwrap();
    let left = build_leftovers(root);
    assert!(left.is_empty(), "{left:?}");
    assert!(read(&root.join("public/index.html")).contains("Renamed"));
}

/// Finding: a symbolic link in place of `content/sources` or
/// `content/briefs` was followed although SECURITY.md said links are not.
/// Decided: a linked folder is read on purpose (a corpus kept elsewhere),
/// but nothing is ever written or removed through a link: ingest that would
/// write a brief into a linked `content/briefs` stops, naming it.
#[cfg(unix)]
#[test]
fn a_linked_content_folder_is_read_but_never_written_through() {
    let elsewhere = tempfile::tempdir().unwrap();
    // Sources kept elsewhere, linked in: read, briefs written in the site.
    let site = site_with_sources(&repo().join("content/sources"));
    let root = site.path();
    let corpus = elsewhere.path().join("corpus");
    std::fs::rename(root.join("content/sources"), &corpus).unwrap();
    std::os::unix::fs::symlink(&corpus, root.join("content/sources")).unwrap();
    let report = build(root).unwrap();
    assert_eq!(report.briefs_written.len(), 5);
    assert!(root.join("public/sources/index.html").is_file());

    // Briefs linked in from elsewhere: read, but ingest writes none there.
    let shelf = elsewhere.path().join("shelf");
    std::fs::rename(root.join("content/briefs"), &shelf).unwrap();
    std::os::unix::fs::symlink(&shelf, root.join("content/briefs")).unwrap();
    build(root).unwrap();
    let on_shelf = snapshot(&shelf);
    std::fs::copy(
        repo().join("content/sources/001_ba03ed52a382fcbb.txt"),
        corpus.join("another-copy-edited.txt"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("new-report.txt"),
        "Advisers Stay On After the Drawdown\n\n2024-10-03\n\nSeveral hundred coalition advisers will stay in Iraq after the drawdown, officials said on Thursday.\n\nThe advisory mission will be reviewed next year, the ministry said.\n",
    )
    .unwrap();
    let e = build(root).unwrap_err().to_string();
    assert!(
        e.contains("content/briefs") && e.contains("is a symbolic link"),
        "{e}"
    );
    assert!(
        snapshot(&shelf) == on_shelf,
        "ingest wrote through the link"
    );
}

/// Finding: 200,000 nested `<div>` in a brief kept render busy for minutes
/// (html5ever, which sanitises bodies, checks scopes over every open element
/// at every tag). Raw HTML deeper than 256 elements is refused at its line;
/// 200 levels still build.
#[test]
fn deeply_nested_html_in_a_brief_is_refused_with_its_line() {
    let site = fixture_site();
    let root = site.path();
    let deep = root.join("content/briefs/deep.md");
    let nested = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
    std::fs::write(
        &deep,
        format!(
            "---\ntitle: Deep\n---\nA first paragraph.\n\n{}\n",
            nested(200_000)
        ),
    )
    .unwrap();
    let e = build(root).unwrap_err().to_string();
    assert!(
        e.contains("content/briefs/deep.md:6:") && e.contains("more than 256 elements deep"),
        "{e}"
    );
    std::fs::write(
        &deep,
        format!("---\ntitle: Deep\n---\nA first paragraph.\n\n{}\n\n<br><img src=\"x.png\" alt=\"\"><p>fine</p>\n", nested(200)),
    )
    .unwrap();
    build(root).unwrap();
    assert!(read(&root.join("public/briefs/deep.html")).contains("fine"));
}
