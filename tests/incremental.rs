//! Incremental builds: the build cache must make rebuilds do less, and never
//! make them wrong. Every test compares against a full build from scratch.

mod common;

use std::path::Path;
use std::time::SystemTime;

use common::*;

/// The site built from scratch (no cache, no previous output) into `out`.
fn full_build(root: &Path, out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(root, copy.path());
    let _ = std::fs::remove_dir_all(copy.path().join(".dossier-cache"));
    let _ = std::fs::remove_dir_all(copy.path().join("public"));
    dossier::build::build(&dossier::build::BuildOptions {
        output: Some(out.to_path_buf()),
        ..dossier::build::BuildOptions::new(copy.path())
    })
    .unwrap();
    snapshot(out)
}

/// Replace the first `from` in the file at `path` by `to`; `from` must be there.
fn replace_in(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} not in {path:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A new raw article dropped into the site's sources; its path.
fn add_wire_story(root: &Path) -> std::path::PathBuf {
    let source = root.join("content/sources/wire-story.txt");
    std::fs::copy(
        repo().join("tests/fixtures/extra_sources/wire-story.txt"),
        &source,
    )
    .unwrap();
    source
}

/// The site built incrementally at `root` equals one built from scratch.
fn assert_as_full_build(root: &Path, after: &str) {
    let full_out = tempfile::tempdir().unwrap();
    let full = full_build(root, &full_out.path().join("site"));
    let incremental = snapshot(&root.join("public"));
    assert_eq!(
        full.keys().collect::<Vec<_>>(),
        incremental.keys().collect::<Vec<_>>(),
        "{after}: other files than a full build"
    );
    for (path, bytes) in &full {
        assert!(
            incremental[path] == *bytes,
            "{after}: {path} differs between the incremental and the full build"
        );
    }
}

fn mtimes(out: &Path) -> std::collections::BTreeMap<String, SystemTime> {
    snapshot(out)
        .into_keys()
        .map(|p| {
            let m = std::fs::metadata(out.join(&p)).unwrap().modified().unwrap();
            (p, m)
        })
        .collect()
}

#[test]
fn a_rebuild_with_nothing_changed_does_nothing() {
    let (site, first) = settled_site();
    let root = site.path();
    assert!(!first.up_to_date);
    let out = root.join("public");
    let before = mtimes(&out);
    let again = build(root).unwrap();
    assert!(again.up_to_date, "nothing changed, yet the build ran");
    assert_eq!(again.rendered, 0);
    assert_eq!(
        again.pages,
        before.len(),
        "the report counts the site's files"
    );
    assert_eq!(before, mtimes(&out), "an up-to-date build touched files");
}

/// The fixture site, built with old stamps, and the report of its first build.
/// Ingest writes briefs during that build; the build after it reads them
/// once, and from then on the site is settled.
fn settled_site() -> (tempfile::TempDir, dossier::build::BuildReport) {
    let site = fixture_site();
    age_inputs(site.path());
    let first = build(site.path()).unwrap();
    age_inputs(site.path());
    build(site.path()).unwrap();
    (site, first)
}

#[test]
fn editing_one_brief_renders_only_its_pages_and_matches_a_full_build() {
    let (site, first) = settled_site();
    let root = site.path();
    let out = root.join("public");
    let before = mtimes(&out);

    let brief = root.join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    replace_in(&brief, "three main bases", "four main bases");
    let report = build(root).unwrap();
    assert!(!report.up_to_date);
    assert!(
        report.rendered * 3 < first.rendered,
        "{} of {} files rendered after editing one brief's body",
        report.rendered,
        first.rendered
    );

    assert_as_full_build(root, "editing one brief");

    // Files whose bytes did not change kept their modification time.
    let after = mtimes(&out);
    let mut rewritten = Vec::new();
    for (path, t) in &after {
        if before.get(path) != Some(t) {
            rewritten.push(path.as_str());
        }
    }
    assert!(rewritten.contains(&"briefs/iraq-plans-to-reduce-us-led-forces.html"));
    assert!(
        rewritten.len() * 5 < after.len(),
        "{} of {} files rewritten: {rewritten:?}",
        rewritten.len(),
        after.len()
    );
    assert!(!rewritten.contains(&"sources/index.html"));
    assert!(!rewritten.contains(&"assets/style.css"));
}

#[test]
fn a_new_title_reaches_every_page_that_lists_the_brief() {
    let (site, _) = settled_site();
    let root = site.path();
    let out = root.join("public");
    let brief = root.join("content/briefs/baghdad-washington-agree-gradual-withdrawal.md");
    replace_in(
        &brief,
        "title: Baghdad, Washington Agree on Gradual Withdrawal",
        "title: Baghdad and Washington Agree on a Slow Withdrawal",
    );
    build(root).unwrap();
    // The card shows on the lists, topic pages and other briefs' related lists.
    let showing: Vec<String> = snapshot(&out)
        .into_iter()
        .filter(|(p, b)| {
            p.ends_with(".html")
                && String::from_utf8_lossy(b)
                    .contains("Baghdad and Washington Agree on a Slow Withdrawal")
        })
        .map(|(p, _)| p)
        .collect();
    for page in [
        "index.html",
        "briefs/index.html",
        "briefs/baghdad-washington-agree-gradual-withdrawal.html",
    ] {
        assert!(
            showing.iter().any(|p| p == page),
            "{page} lacks the new title: {showing:?}"
        );
    }
    assert!(
        showing.iter().any(|p| p.starts_with("topics/")),
        "{showing:?}"
    );
    assert!(
        showing.iter().any(|p| p.starts_with("briefs/")
            && !p.contains("gradual-withdrawal")
            && p != "briefs/index.html"),
        "no other brief's related list: {showing:?}"
    );
    assert_as_full_build(root, "the change");
}

/// Related briefs are kept from the previous build while no brief's
/// topics, entities, figures, outlets or dates change; these edits change them.
#[test]
fn new_topics_and_dates_reach_related_briefs_and_topic_pages() {
    let (site, _) = settled_site();
    let root = site.path();
    let brief = root.join("content/briefs/baghdad-washington-agree-gradual-withdrawal.md");
    replace_in(
        &brief,
        "topics: [advisory-mission, militia-attacks, gaza-spillover]",
        "topics: [advisory-mission]",
    );
    build(root).unwrap();
    assert_as_full_build(root, "after a topic change");
    replace_in(&brief, "published: 2024-09-10", "published: 2023-01-02");
    build(root).unwrap();
    assert_as_full_build(root, "after a date change");
}

/// Topic pages show each brief's justifying passage; their key hashes the
/// passages, so a passage reworded in a brief's text reaches them.
#[test]
fn a_reworded_passage_reaches_the_topic_pages() {
    let (site, _) = settled_site();
    let root = site.path();
    let json: serde_json::Value =
        serde_json::from_str(&read(&root.join("public/analysis.json"))).unwrap();
    let slugs = json["briefs"].as_array().unwrap();
    // A passage found in a brief's own text (a hand-written brief: no line).
    let (slug, passage) = json["analysis"]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["briefs"].as_array().unwrap())
        .find_map(|tb| {
            let p = &tb["passage"];
            let slug = slugs[tb["brief"].as_u64()? as usize].as_str()?;
            let text = read(&root.join(format!("content/briefs/{slug}.md")));
            let passage = p["text"].as_str()?;
            (p["line"].is_null() && text.contains(passage))
                .then(|| (slug.to_string(), passage.to_string()))
        })
        .expect("a passage taken from a brief's text");
    let brief = root.join(format!("content/briefs/{slug}.md"));
    let reworded = passage.replacen(' ', " indeed ", 1);
    replace_in(&brief, &passage, &reworded);
    build(root).unwrap();
    assert_as_full_build(root, "rewording a passage");
}

#[test]
fn a_new_source_appears_and_the_site_equals_a_full_build() {
    let (site, _) = settled_site();
    let root = site.path();
    add_wire_story(root);
    let report = build(root).unwrap();
    assert_eq!(
        report.briefs_written.len(),
        1,
        "{:?}",
        report.briefs_written
    );
    let out = root.join("public");
    assert!(out.join("sources/wire-story.html").is_file());
    let slug = Path::new(&report.briefs_written[0])
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(out.join(format!("briefs/{slug}.html")).is_file());
    assert!(read(&out.join("briefs/index.html")).contains(&format!("{slug}.html")));

    assert_as_full_build(root, "the change");
}

#[test]
fn a_new_source_does_not_rerender_the_other_source_pages() {
    // The shipped site: its briefs cite their sources, whose pages name people.
    let site = shipped_site();
    let root = site.path();
    let names = "entities/mohammed-shia-al-sudani.html";
    let before = read(&root.join("public/sources/001_ba03ed52a382fcbb.html"));
    assert!(before.contains(names), "the page names al-Sudani");

    add_wire_story(root);
    let report = build(root).unwrap();
    // The wire story names him too: his entity page changes, the pages that
    // only link to it do not.
    assert!(report.rendered_paths.iter().any(|p| p == names));
    let sources: Vec<&String> = report
        .rendered_paths
        .iter()
        .filter(|p| p.starts_with("sources/") && *p != "sources/index.html")
        .collect();
    assert_eq!(sources, ["sources/wire-story.html"]);
    assert_as_full_build(root, "a new source");
}

/// The shipped site (briefs with people, figures and dates, citing their
/// sources), built twice with old stamps so that the second build is settled.
fn shipped_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    copy_dir(&repo().join("themes"), &root.join("themes"));
    copy_dir(&repo().join("content"), &root.join("content"));
    age_inputs(root);
    build(root).unwrap();
    site
}

#[test]
fn a_new_title_reaches_the_entity_figure_and_timeline_pages() {
    // Those pages are keyed by the cards of the briefs they quote, not by
    // the views (made only when the page renders): a stale card would stay.
    let site = shipped_site();
    let root = site.path();
    replace_in(
        &root.join("content/briefs/iraq-plans-to-reduce-us-led-forces-starting-september.md"),
        "title: Iraq plans to reduce US-led forces starting September, sources say",
        "title: Iraq to cut US-led forces from September, sources say",
    );
    let report = build(root).unwrap();
    for page in [
        "entities/mohammed-shia-al-sudani.html",
        "figures/troops-in-iraq.html",
        "timeline.html",
        "timeline/withdrawal-end.html",
        "timeline/dates.html",
    ] {
        assert!(
            report.rendered_paths.iter().any(|p| p == page),
            "{page} not rendered"
        );
        assert!(
            read(&root.join("public").join(page)).contains("Iraq to cut US-led forces"),
            "{page} lacks the new title"
        );
    }
    assert_as_full_build(root, "a new title");
}

#[test]
fn edited_people_figures_and_dates_reach_their_pages() {
    // Entities, figure groups and the timeline are reused while the facts
    // they are made from are unchanged: each edit below must reach them.
    let site = shipped_site();
    let root = site.path();
    let brief =
        root.join("content/briefs/iraq-plans-to-reduce-us-led-forces-starting-september.md");
    let out = root.join("public");
    replace_in(&brief, "  - Prime Minister\n", "  - Iraqi Premier\n");
    build(root).unwrap();
    assert!(read(&out.join("entities/mohammed-shia-al-sudani.html")).contains("Iraqi Premier"));
    assert_as_full_build(root, "a new role");

    replace_in(&brief, "  value: 2500.0\n", "  value: 2600.0\n");
    replace_in(
        &brief,
        "around 2,500 US troops stationed in Iraq\n",
        "around 2,600 US troops stationed in Iraq\n",
    );
    build(root).unwrap();
    assert!(read(&out.join("figures.html")).contains("2,600"));
    assert_as_full_build(root, "a new figure");

    replace_in(
        &brief,
        "  year: 2025\n  month: 9\n",
        "  year: 2025\n  month: 10\n",
    );
    build(root).unwrap();
    assert_as_full_build(root, "a new date");
}

#[test]
fn ingest_is_skipped_only_when_it_would_decide_alike() {
    let site = shipped_site();
    let root = site.path();
    let brief =
        root.join("content/briefs/iraq-plans-to-reduce-us-led-forces-starting-september.md");
    // A change to the text: ingest keeps the edited brief, writes nothing.
    replace_in(&brief, "three main bases", "four main bases");
    let report = build(root).unwrap();
    assert!(report.briefs_written.is_empty());
    assert!(
        report.ingest_skipped,
        "an edited brief is kept, as it was left"
    );
    assert_as_full_build(root, "an edited text");
    // Edited again: the same.
    replace_in(&brief, "four main bases", "five main bases");
    let report = build(root).unwrap();
    assert!(report.ingest_skipped);
    assert!(report.briefs_written.is_empty());
    assert_as_full_build(root, "a text edited again");
    // The same brief now claims another article: its own source has no
    // brief any more, and ingest must write one.
    replace_in(
        &brief,
        "source: 002_e23fcb93c0a21488.txt",
        "source: 001_ba03ed52a382fcbb.txt",
    );
    let report = build(root).unwrap();
    assert!(!report.ingest_skipped);
    assert_eq!(
        report.briefs_written.len(),
        1,
        "{:?}",
        report.briefs_written
    );
    let written = read(&root.join(&report.briefs_written[0]));
    assert!(
        written.contains("source: 002_e23fcb93c0a21488.txt"),
        "{written}"
    );
    assert_as_full_build(root, "a brief that changed sources");
}

#[test]
fn a_changed_source_or_topic_rule_is_ingested_again() {
    let site = shipped_site();
    let root = site.path();
    // The source of an untouched brief gains a paragraph: its brief is made again.
    let source = root.join("content/sources/003_1d47ece03ed7ec69.txt");
    replace_in(
        &source,
        "Views: 0",
        "Officials said the first phase would be reviewed in Baghdad.\nViews: 0",
    );
    let report = build(root).unwrap();
    assert!(!report.ingest_skipped);
    assert_eq!(
        report.briefs_written.len(),
        1,
        "{:?}",
        report.briefs_written
    );
    assert_as_full_build(root, "a changed source");
    // A topic's rules change: every untouched brief is tagged afresh.
    replace_in(
        &root.join("content/topics/pmf.md"),
        "  threshold: 4\n",
        "  threshold: 3\n",
    );
    let report = build(root).unwrap();
    assert!(!report.ingest_skipped);
    assert!(
        report.briefs_written.len() > 1,
        "{:?}",
        report.briefs_written
    );
    assert_as_full_build(root, "a changed topic rule");
}

#[test]
fn a_brief_edited_back_to_its_text_is_regenerated_if_its_rules_changed() {
    let site = shipped_site();
    let root = site.path();
    let path = "content/briefs/iraq-plans-to-reduce-us-led-forces-starting-september.md";
    let brief = root.join(path);
    let generated = std::fs::read(&brief).unwrap();
    replace_in(&brief, "three main bases", "four main bases");
    build(root).unwrap();
    // New rules: the untouched briefs are regenerated, the edited one kept.
    replace_in(
        &root.join("content/topics/pmf.md"),
        "  threshold: 4\n",
        "  threshold: 3\n",
    );
    let report = build(root).unwrap();
    assert!(!report.briefs_written.is_empty());
    assert!(!report.briefs_written.iter().any(|b| b == path));
    // Reads the regenerated briefs once; ingest has nothing to do. Then
    // every file is old enough for its stamp to be trusted, so that only the
    // brief below differs from the build before.
    build(root).unwrap();
    age_inputs(root);
    let report = build(root).unwrap();
    assert!(report.briefs_written.is_empty());
    // The person undoes the edit: the brief is ingest's again, made under the
    // old rules, so ingest must run and make it anew.
    std::fs::write(&brief, &generated).unwrap();
    let report = build(root).unwrap();
    assert!(!report.ingest_skipped);
    assert_eq!(report.briefs_written, [path]);
    assert_as_full_build(root, "an undone edit under new rules");
}

#[test]
fn editing_a_template_rerenders_every_page_using_it() {
    let (site, _) = settled_site();
    let root = site.path();
    let tpl = root.join("themes/default/templates/brief.html");
    replace_in(
        &tpl,
        "</article>",
        "<p class=\"marker\">edited</p></article>",
    );
    build(root).unwrap();
    let out = root.join("public");
    let briefs: Vec<_> = std::fs::read_dir(out.join("briefs"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name() != "index.html")
        .collect();
    assert!(!briefs.is_empty());
    for b in briefs {
        assert!(
            read(&b.path()).contains("class=\"marker\""),
            "{:?} not re-rendered",
            b.path()
        );
    }
    // The bodies of the cached briefs were read from their files for this.
    assert_as_full_build(root, "the change");
}

/// A cached brief's body is read from its file at the byte where it
/// starts: a byte-order mark and Windows line ends must not shift it.
#[test]
fn cached_bodies_of_bom_and_crlf_briefs_read_right() {
    let site = fixture_site();
    let root = site.path();
    let brief = root.join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    let text = read(&brief);
    std::fs::write(&brief, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    age_inputs(root);
    build(root).unwrap();
    age_inputs(root);
    build(root).unwrap();
    // Every brief page renders again, from bodies read out of the files.
    let tpl = root.join("themes/default/templates/brief.html");
    replace_in(&tpl, "</article>", "<hr></article>");
    build(root).unwrap();
    assert_as_full_build(root, "a template edit over BOM and CRLF briefs");
}

/// Same size and modification time, other bytes: on Unix the status-change
/// time gives the rewrite away and the brief is read afresh; where there is
/// none (Windows), the cache keeps only the body's hash, and the build that
/// reads the body finds it changed, fails, and leaves the output as it was.
#[test]
fn a_brief_changed_behind_the_caches_back_is_seen_or_fails_the_build_and_loses_nothing() {
    let (site, _) = settled_site();
    let root = site.path();
    let out = root.join("public");
    let good = snapshot(&out);
    let brief = root.join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    let meta = std::fs::metadata(&brief).unwrap();
    replace_in(&brief, "three main bases", "three main BASES");
    std::fs::File::options()
        .write(true)
        .open(&brief)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    // Every brief page must be rendered again, so the body is read.
    let tpl = root.join("themes/default/templates/brief.html");
    replace_in(&tpl, "</article>", "<hr></article>");
    let page = out.join("briefs/iraq-plans-to-reduce-us-led-forces.html");
    if cfg!(unix) {
        build(root).unwrap();
        assert!(read(&page).contains("BASES"));
        assert_as_full_build(root, "a brief rewritten with its old size and time");
        return;
    }
    let err = build(root).unwrap_err().to_string();
    assert!(
        err.contains("content/briefs/iraq-plans-to-reduce-us-led-forces.md")
            && err.contains("changed while the site was being built"),
        "{err}"
    );
    assert_eq!(good, snapshot(&out), "a failed build changed the output");
    // Built again, it reads the brief afresh.
    build(root).unwrap();
    assert!(read(&page).contains("BASES"));
}

#[test]
fn a_damaged_output_or_cache_means_a_full_build_not_a_wrong_one() {
    let (site, _) = settled_site();
    let root = site.path();
    let out = root.join("public");
    let good = snapshot(&out);

    // Someone deletes and edits files in the output.
    std::fs::remove_file(out.join("topics/pmf.html")).unwrap();
    std::fs::write(out.join("index.html"), "tampered").unwrap();
    let report = build(root).unwrap();
    assert!(!report.up_to_date);
    assert_eq!(good, snapshot(&out), "the output was not restored");

    // A garbled cache is ignored.
    let cache_files = walkdir::WalkDir::new(root.join(".dossier-cache"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect::<Vec<_>>();
    assert!(cache_files.len() > 2, "{cache_files:?}");
    for f in cache_files {
        std::fs::write(f, b"\x00garbage").unwrap();
    }
    build(root).unwrap();
    assert_eq!(good, snapshot(&out));

    // No cache at all.
    std::fs::remove_dir_all(root.join(".dossier-cache")).unwrap();
    build(root).unwrap();
    assert_eq!(good, snapshot(&out));
}

#[test]
fn a_deleted_brief_disappears_from_the_site() {
    let (site, _) = settled_site();
    let root = site.path();
    let out = root.join("public");
    let victim = std::fs::read_dir(root.join("content/briefs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| read(p).lines().all(|l| !l.starts_with("source:")))
        .expect("a hand-written fixture brief");
    let slug = victim.file_stem().unwrap().to_string_lossy().into_owned();
    assert!(out.join(format!("briefs/{slug}.html")).is_file());
    std::fs::remove_file(&victim).unwrap();
    build(root).unwrap();
    assert!(!out.join(format!("briefs/{slug}.html")).exists());
    assert!(!read(&out.join("briefs/index.html")).contains(&format!("{slug}.html")));
    assert_as_full_build(root, "deleting a brief");
}

/// The brief files of the site at `root`, sorted.
fn brief_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root.join("content/briefs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

fn page_of(brief: &Path) -> String {
    let stem = brief.file_stem().unwrap().to_string_lossy();
    format!("briefs/{stem}.html")
}

fn append(path: &Path, text: &str) {
    std::fs::write(path, read(path) + text).unwrap();
}

/// The brief at `path` with `edit` applied to its body (not its front matter).
fn edit_body(path: &Path, edit: impl Fn(&str) -> String) {
    let text = read(path);
    let end = text[4..].find("\n---\n").unwrap() + 4 + 5;
    std::fs::write(path, format!("{}{}", &text[..end], edit(&text[end..]))).unwrap();
}

#[test]
fn an_edit_to_a_brief_text_alone_renders_its_page_alone() {
    let site = shipped_site();
    let root = site.path();
    let out = root.join("public");
    let briefs = brief_files(root);
    let (brief, other) = (&briefs[0], &briefs[1]);
    let original = read(brief);
    let before = mtimes(&out);

    // A paragraph added at the end: its lead, every passage and the words
    // the search finds stay (these are all stop words).
    append(brief, "\nAnd so it is, as before, *and all the more so*.\n");
    let report = build(root).unwrap();
    assert!(report.text_edit, "an added paragraph took the whole build");
    assert_eq!(report.rendered_paths, vec![page_of(brief)]);
    assert_eq!(
        report.pages,
        before.len() - report.static_files - 1,
        "static files and marker"
    );
    assert!(report.ingest_skipped);
    assert_as_full_build(root, "a paragraph added");
    let after = mtimes(&out);
    let rewritten: Vec<&String> = after.keys().filter(|p| before[*p] != after[*p]).collect();
    assert_eq!(rewritten, vec![&page_of(brief)]);
    assert!(read(&out.join(page_of(brief))).contains("<em>and all the more so</em>"));

    // Two briefs at once, then one undone: each time as a full build (a
    // page key left as it was would keep the edited page).
    append(other, "\nAnd so it was, once more.\n");
    edit_body(brief, |b| {
        assert!(b.contains("the rest"));
        b.replace("the rest", "all the rest")
    });
    let report = build(root).unwrap();
    assert!(report.text_edit);
    assert_eq!(
        report.rendered_paths.len(),
        2,
        "{:?}",
        report.rendered_paths
    );
    assert_as_full_build(root, "two briefs edited");
    std::fs::write(brief, &original).unwrap();
    assert!(build(root).unwrap().text_edit);
    assert_as_full_build(root, "the edit undone");

    // A link the text did not have: where it leads is known to the whole build.
    let target = brief_files(root)[2]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    append(brief, &format!("\nSee [the other brief]({target}).\n"));
    let report = build(root).unwrap();
    assert!(
        !report.text_edit,
        "a new link was resolved without the site"
    );
    assert_as_full_build(root, "a link added");
    let href = format!("href=\"../{}\"", page_of(&briefs[2]));
    assert!(read(&out.join(page_of(brief))).contains(&href));

    // The next build of another kind sees the site as the edits left it.
    append(&root.join("content/topics/pmf.md"), "\nMore on the PMF.\n");
    let report = build(root).unwrap();
    assert!(!report.text_edit);
    assert_as_full_build(root, "a topic edited after text edits");
}

#[test]
fn an_edit_right_after_a_new_article_renders_its_page_alone() {
    let site = shipped_site();
    let root = site.path();
    let source = add_wire_story(root);
    let added = build(root).unwrap();
    assert_eq!(added.briefs_written.len(), 1, "{:?}", added.briefs_written);
    let written = root.join(&added.briefs_written[0]);

    // The new source and the brief ingest wrote are too new to trust by
    // their stamps; read again, they are what that build read, and ingest,
    // asked twice in it, settled: a text edit is an edit alone.
    let brief = brief_files(root)
        .into_iter()
        .find(|b| *b != written)
        .unwrap();
    append(
        &brief,
        "\nAnd so it is, as before, *and all the more so*.\n",
    );
    let report = build(root).unwrap();
    assert!(
        report.text_edit,
        "an edit after a new article took the whole build"
    );
    assert!(report.ingest_skipped);
    assert_eq!(report.rendered_paths, vec![page_of(&brief)]);
    assert_as_full_build(root, "an edit after a new article");

    // The new article's own brief, edited.
    append(&written, "\nAnd so it was, once more.\n");
    let report = build(root).unwrap();
    assert!(
        report.text_edit,
        "an edit of the new brief took the whole build"
    );
    assert_eq!(report.rendered_paths, vec![page_of(&written)]);
    assert_as_full_build(root, "the new brief edited");

    // The article itself changed: ingest decides again.
    append(&source, "\nA paragraph the wire added later.\n");
    append(&brief, "\nAnd so it is.\n");
    let report = build(root).unwrap();
    assert!(
        !report.text_edit,
        "a changed source took the text-edit path"
    );
    assert!(!report.ingest_skipped);
    assert_as_full_build(root, "the source changed beside a text edit");
}

#[test]
fn a_file_ingest_cannot_read_is_named_by_every_build_and_edits_stay_quick() {
    let site = shipped_site();
    let root = site.path();
    std::fs::write(
        root.join("content/sources/agreement.pdf"),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    )
    .unwrap();
    let names_it = |r: &dossier::build::BuildReport| {
        r.warnings
            .iter()
            .filter(|w| w.file.to_string_lossy().contains("agreement.pdf"))
            .count()
    };
    let first = build(root).unwrap();
    assert_eq!(names_it(&first), 1, "{:?}", first.warnings);
    age_inputs(root);
    build(root).unwrap();

    // Nothing changed: nothing done, and the file is as unread as it was.
    let again = build(root).unwrap();
    assert!(again.up_to_date);
    assert_eq!(
        names_it(&again),
        1,
        "an up-to-date build forgot the warning"
    );

    // A brief's text edited: the text-edit build, the warning repeated.
    let brief = &brief_files(root)[0];
    append(brief, "\nAnd so it is, as before.\n");
    let report = build(root).unwrap();
    assert!(
        report.text_edit,
        "a warning about a source barred the text-edit build"
    );
    assert_eq!(names_it(&report), 1);
    assert_as_full_build(root, "a text edit beside an unread file");

    // A new word: the whole build, ingest skipped, its warning repeated.
    append(brief, "\nAnd so it is at Zubaydiyah.\n");
    let report = build(root).unwrap();
    assert!(!report.text_edit);
    assert!(
        report.ingest_skipped,
        "ingest ran though nothing it reads changed"
    );
    assert_eq!(names_it(&report), 1, "{:?}", report.warnings);
    assert_as_full_build(root, "a new word beside an unread file");

    // The file taken away: no warning any more.
    std::fs::remove_file(root.join("content/sources/agreement.pdf")).unwrap();
    let report = build(root).unwrap();
    assert_eq!(names_it(&report), 0);
    let again = build(root).unwrap();
    assert_eq!(names_it(&again), 0, "a warning outlived its file");
}

#[test]
fn an_edit_that_other_pages_show_runs_the_whole_build() {
    let site = shipped_site();
    let root = site.path();
    let brief = &brief_files(root)[0];
    // A new first sentence: search entries and feeds show it.
    edit_body(brief, |b| {
        format!("\nA new opening sentence. {}", b.trim_start())
    });
    let report = build(root).unwrap();
    assert!(!report.text_edit, "a new lead took the text-edit path");
    assert_as_full_build(root, "a new first sentence");
    assert!(read(&root.join("public/assets/search/b-0.js")).contains("A new opening sentence."));

    // A word new to the text: the search must find it, so this is not an
    // edit of the text alone, and the word's shard has it.
    append(brief, "\nAnd so it is at Zubaydiyah.\n");
    let report = build(root).unwrap();
    assert!(!report.text_edit, "a new word took the text-edit path");
    assert_as_full_build(root, "a new word");
    let shard = dossier::render::search::shard_file("zu");
    assert!(read(&root.join("public").join(shard)).contains("\"zubaydiyah\":\"b:"));

    // A new title of the same length (front matter, the body where it
    // was): every list shows it.
    let title = read(brief)
        .lines()
        .find_map(|l| l.strip_prefix("title: ").map(str::to_string))
        .unwrap();
    let retitled = format!("Q{}", &title[1..]);
    replace_in(
        brief,
        &format!("title: {title}"),
        &format!("title: {retitled}"),
    );
    let report = build(root).unwrap();
    assert!(!report.text_edit, "a new title took the text-edit path");
    assert_as_full_build(root, "a new title");
    assert!(read(&root.join("public/briefs/index.html")).contains(&retitled));

    // A text edit beside a theme edit.
    append(brief, "\nA closing paragraph.\n");
    append(
        &root.join("themes/default/static/assets/style.css"),
        "\n/* edited */\n",
    );
    let report = build(root).unwrap();
    assert!(!report.text_edit, "a theme edit took the text-edit path");
    assert_as_full_build(root, "text and theme edited");
}

#[test]
fn a_text_edit_without_the_values_its_page_needs_runs_the_whole_build() {
    let site = shipped_site();
    let root = site.path();
    let brief = &brief_files(root)[1];
    for entry in std::fs::read_dir(root.join(".dossier-cache/memo"))
        .unwrap()
        .flatten()
    {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("brief-values-")
        {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    append(brief, "\nAnd more.\n");
    let report = build(root).unwrap();
    assert!(!report.text_edit);
    assert_as_full_build(root, "values missing");
    // That build kept them again.
    append(brief, "\nAnd so on.\n");
    assert!(build(root).unwrap().text_edit);
    assert_as_full_build(root, "values kept again");

    // Values older than the page on disk (their shards not written, as when
    // the disk was full): not used.
    let memo = root.join(".dossier-cache/memo");
    let kept = tempfile::tempdir().unwrap();
    copy_dir(&memo, kept.path());
    let title = read(brief)
        .lines()
        .find_map(|l| l.strip_prefix("title: ").map(str::to_string))
        .unwrap();
    replace_in(
        brief,
        &format!("title: {title}"),
        &format!("title: Q{}", &title[1..]),
    );
    assert!(!build(root).unwrap().text_edit);
    for entry in std::fs::read_dir(kept.path()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("brief-values-") {
            std::fs::copy(entry.path(), memo.join(&name)).unwrap();
        }
    }
    append(brief, "\nA last paragraph.\n");
    assert!(!build(root).unwrap().text_edit, "stale values were used");
    assert_as_full_build(root, "stale values");
}
