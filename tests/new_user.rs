//! The path of someone starting a briefing of their own, through the real
//! binary: `dossier new` (with its Pages workflow), raw articles added, a
//! build whose search finds a brief's last paragraph, a broken link that
//! stops the build at the brief's line, fixed, built again; a draft kept off
//! the site and a deleted brief that stays deleted.

mod common;

use std::process::Command;

use common::*;

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ARTICLES: [(&str, &str); 3] = [
    (
        "harbour-strike.txt",
        "Drone strike hits fuel depot at southern port\n\nBASRA - A drone struck a fuel depot at the southern port on Sunday, setting two storage tanks on fire and forcing the evacuation of nearby warehouses, port officials said.\n\nFirefighters needed six hours to bring the blaze under control. No group claimed the attack.\n\nThe last paragraph mentions the marshwater pumping station, which was not damaged.\n",
    ),
    (
        "parliament-vote.txt",
        "Parliament delays vote on security law\n\nBAGHDAD - Iraq's parliament on Monday postponed a vote on a draft security law for the third time, after Kurdish and Sunni blocs walked out of the session.\n\nThe speaker said the session would resume next week.\n",
    ),
    (
        "talks-resume.txt",
        "Coalition talks resume in Baghdad\n\nBAGHDAD - Talks between Iraq and the US-led coalition on the future of its advisers resumed on Tuesday, the foreign ministry said.\n\nBoth delegations described the meeting as constructive.\n",
    ),
];

/// `dossier new` in a temporary folder, with the three articles added.
fn new_site_with_articles() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefing");
    assert!(dossier(&["new", site.to_str().unwrap()]).status.success());
    for (name, text) in ARTICLES {
        std::fs::write(site.join("content/sources").join(name), text).unwrap();
    }
    (dir, site)
}

#[test]
fn from_new_to_a_published_briefing() {
    let (_dir, site) = new_site_with_articles();
    let s = site.to_str().unwrap();
    // The Pages workflow installs dossier (a briefing has no Cargo.toml to
    // `cargo run`), caches it, and builds with dossier itself. (`.ci/run`
    // lints this file with actionlint.)
    let workflow = read(&site.join(".github/workflows/pages.yml"));
    assert!(
        workflow.contains("cargo install --locked --git \"$DOSSIER_GIT\""),
        "{workflow}"
    );
    assert!(
        workflow.contains("path: ~/.cargo/bin/dossier"),
        "{workflow}"
    );
    assert!(
        workflow.contains("run: dossier build --base-url"),
        "{workflow}"
    );
    assert!(!workflow.contains("cargo run"), "{workflow}");
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
    // A word only the last paragraph of a brief has is in the search index.
    assert!(
        search_index_holds(&site.join("public"), "marshwater"),
        "the search index lacks a word of a brief's last paragraph"
    );
    let briefs: Vec<String> = std::fs::read_dir(site.join("content/briefs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let strike = briefs
        .iter()
        .find(|b| b.starts_with("drone-strike-hits-fuel-depot"))
        .unwrap_or_else(|| panic!("{briefs:?}"))
        .clone();
    let strike_path = site.join("content/briefs").join(&strike);

    // A link to a brief that does not exist stops the build, at its line.
    let text = read(&strike_path);
    let lines_before = text.lines().count();
    std::fs::write(
        &strike_path,
        format!("{text}\nCompare [the vote](parliament-delays-vote-on-securty-law.md).\n"),
    )
    .unwrap();
    let published = std::fs::read(site.join("public/index.html")).unwrap();
    let failed = dossier(&["build", "--root", s]);
    assert_eq!(failed.status.code(), Some(1));
    let msg = stderr(&failed);
    assert!(
        msg.contains(&format!("content/briefs/{strike}:{}:", lines_before + 2)),
        "{msg}"
    );
    assert!(
        msg.contains("did you mean parliament-delays-vote-on-security-law.md"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(site.join("public/index.html")).unwrap(),
        published
    );
    // Pages are staged as they render: the failed build took its staging
    // folder away with it.
    assert!(
        build_leftovers(&site).is_empty(),
        "{:?}",
        build_leftovers(&site)
    );
    // Published anyway when asked: a warning, not an error.
    let allowed = dossier(&["build", "--root", s, "--allow-broken-links"]);
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    assert!(
        stderr(&allowed).contains("warning: content/briefs/"),
        "{}",
        stderr(&allowed)
    );
    // Fixed: builds, and `check` agrees.
    let fixed = read(&strike_path).replace("securty", "security");
    std::fs::write(&strike_path, fixed).unwrap();
    age_inputs(&site);
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
    let checked = dossier(&["check", "--root", s]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    // The linked brief goes with its source: the linking brief, unchanged
    // and taken from the build cache, is named at its line all the same.
    std::fs::remove_file(site.join("content/sources/parliament-vote.txt")).unwrap();
    let failed = dossier(&["build", "--root", s]);
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert!(
        stderr(&failed).contains(&format!("content/briefs/{strike}:{}:", lines_before + 2)),
        "{}",
        stderr(&failed)
    );
}

/// Does any file of the site's search index hold `word`?
fn search_index_holds(public: &std::path::Path, word: &str) -> bool {
    std::fs::read_dir(public.join("assets/search"))
        .unwrap()
        .any(|e| read(&e.unwrap().path()).contains(word))
}

/// `draft: true` keeps a brief and its source off the site; a brief deleted
/// by hand is not written again while its source stays, until its tombstone
/// is removed.
#[test]
fn drafts_stay_off_the_site_and_deleted_briefs_stay_deleted() {
    let (_dir, site) = new_site_with_articles();
    let s = site.to_str().unwrap();
    assert!(dossier(&["build", "--root", s]).status.success());
    let brief_of = |start: &str| {
        std::fs::read_dir(site.join("content/briefs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(start))
    };
    let strike = brief_of("drone-strike").unwrap();
    let strike_page = site.join("public/briefs").join(
        strike
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".md", ".html"),
    );
    assert!(strike_page.is_file());
    assert!(site.join("public/sources/harbour-strike.html").is_file());

    // A draft: checked, said, not published, its source page neither.
    let text = read(&strike);
    std::fs::write(&strike, text.replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(stderr(&built).contains("draft, not published: content/briefs/drone-strike"));
    assert!(!strike_page.exists());
    assert!(!site.join("public/sources/harbour-strike.html").exists());
    assert!(!search_index_holds(&site.join("public"), "marshwater"));
    assert!(!read(&site.join("public/index.html")).contains("fuel depot"));
    std::fs::write(&strike, &text).unwrap();
    assert!(dossier(&["build", "--root", s]).status.success());
    assert!(strike_page.is_file());

    // Deleted by hand: a tombstone, not a new brief, on this build and the next.
    let vote = brief_of("parliament-delays").unwrap();
    std::fs::remove_file(&vote).unwrap();
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        stderr(&built).contains("gets no brief again, as content/deleted-briefs.yaml now says"),
        "{}",
        stderr(&built)
    );
    let tombstones = read(&site.join("content/deleted-briefs.yaml"));
    assert!(
        tombstones.contains("- source: parliament-vote.txt"),
        "{tombstones}"
    );
    assert!(dossier(&["build", "--root", s]).status.success());
    assert!(brief_of("parliament-delays").is_none());
    // The tombstone removed: written anew.
    std::fs::remove_file(site.join("content/deleted-briefs.yaml")).unwrap();
    assert!(dossier(&["build", "--root", s]).status.success());
    assert!(brief_of("parliament-delays").is_some());
}

/// The 404 page finds the site root from any address a host serves it at:
/// no asset or link of its own is relative to that address.
#[test]
fn the_404_page_finds_the_site_root_wherever_it_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefing");
    let s = site.to_str().unwrap();
    assert!(dossier(&["new", s]).status.success());
    let built = dossier(&[
        "build",
        "--root",
        s,
        "--base-url",
        "https://u.github.io/repo/",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = read(&site.join("public/404.html"));
    let head = &page[..page.find("</head>").unwrap()];
    assert!(
        head.contains(r#""base":"/repo/""#) && head.contains(r#""briefs","topics","sources""#),
        "{head}"
    );
    // The stylesheets come after the base is set: written by the script, or
    // inside <noscript>, never as plain links the browser resolves first.
    let markup = outside(
        &outside(head, "<noscript>", "</noscript>"),
        "<script>",
        "</script>",
    );
    assert!(!markup.contains("<link rel=\"stylesheet\""), "{markup}");
    assert!(head.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"));
    assert!(head.contains("document.head.appendChild(e)"), "{head}");
}

/// `text` without what stands between each `open` and its `close`.
fn outside(text: &str, open: &str, close: &str) -> String {
    text.split(open)
        .enumerate()
        .map(|(i, part)| match part.split_once(close) {
            Some((_, after)) if i > 0 => after,
            _ => part,
        })
        .collect()
}

/// The messages a new user met (issue 19), each quoted.
#[test]
fn mistakes_get_messages_that_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefing");
    let s = site.to_str().unwrap();
    assert!(dossier(&["new", s]).status.success());
    let topic = std::fs::read_dir(site.join("content/topics"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let original = read(&topic);

    // A topic phrase with `weight: high`: not "did not match any variant of untagged enum".
    let weighted = original.replacen("weight: 2", "weight: high", 1);
    assert_ne!(
        weighted, original,
        "the starter topic has a weight to spoil"
    );
    std::fs::write(&topic, &weighted).unwrap();
    let msg = stderr(&dossier(&["build", "--root", s]));
    assert!(
        msg.contains("`weight` must be a number, such as 2 or 0.5"),
        "{msg}"
    );
    assert!(!msg.contains("untagged enum"), "{msg}");
    std::fs::write(&topic, &original).unwrap();

    // A typo under [ingest]: the hint lists [ingest]'s key, not the top level's.
    let config = read(&site.join("site.toml"));
    std::fs::write(
        site.join("site.toml"),
        config.replace("boilerplate = []", "boilerplat = [\"Read more.*\"]"),
    )
    .unwrap();
    let msg = stderr(&dossier(&["build", "--root", s]));
    assert!(msg.contains("[ingest] takes one key: boilerplate"), "{msg}");
    assert!(!msg.contains("known keys: title"), "{msg}");

    // An unknown theme: at its line of site.toml.
    let themed = config
        .lines()
        .map(|l| {
            if l.starts_with("theme") {
                "theme = \"nonesuch\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(site.join("site.toml"), &themed).unwrap();
    let line = themed.lines().position(|l| l.starts_with("theme")).unwrap() + 1;
    let msg = stderr(&dossier(&["build", "--root", s]));
    assert!(
        msg.contains(&format!("site.toml:{line}:1: theme \"nonesuch\" not found")),
        "{msg}"
    );
    std::fs::write(site.join("site.toml"), &config).unwrap();

    // --root that does not exist: said so, not "cannot create the build lock".
    let missing = dir.path().join("nowhere");
    let msg = stderr(&dossier(&["build", "--root", missing.to_str().unwrap()]));
    assert!(msg.contains("does not exist"), "{msg}");
    assert!(!msg.contains("build lock"), "{msg}");
}

/// robots.txt and shell completions, as Zola and Hugo users expect.
#[test]
fn robots_txt_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefing");
    let s = site.to_str().unwrap();
    assert!(dossier(&["new", s]).status.success());
    assert!(dossier(&["build", "--root", s]).status.success());
    let robots = read(&site.join("public/robots.txt"));
    assert!(robots.starts_with("User-agent: *\nAllow: /\n"), "{robots}");
    for shell in ["bash", "zsh", "fish"] {
        let out = dossier(&["completions", shell]);
        assert!(out.status.success());
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains("allow-broken-links"), "{shell}: {script}");
    }
}
