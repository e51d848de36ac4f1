//! The path of someone starting a briefing of their own, through the real
//! binary: `dossier new`, raw articles added, a build, a broken link that
//! stops the build at the brief's line, fixed, built again.

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

#[test]
fn from_new_to_a_published_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefing");
    let s = site.to_str().unwrap();
    assert!(dossier(&["new", s]).status.success());
    for (name, text) in ARTICLES {
        std::fs::write(site.join("content/sources").join(name), text).unwrap();
    }
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
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
