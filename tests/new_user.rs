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
    let built = dossier(&["build", "--root", s]);
    assert!(built.status.success(), "{}", stderr(&built));
    let checked = dossier(&["check", "--root", s]);
    assert!(checked.status.success(), "{}", stderr(&checked));
}
