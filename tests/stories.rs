//! Stories: reports of one event by several outlets grouped, lined up and
//! compared, on fixtures written for this test (tests/fixtures/stories):
//! three outlets on one rocket attack that disagree on the wounded and
//! spell the claimant's name three ways, a budget vote the same day, a
//! drone downed in another city the next day (the same kind of event, other
//! words), and an earlier article about the same camp.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use dossier::build::{BuildOptions, build};

fn built_site() -> tempfile::TempDir {
    let site = common::site_with_sources(&common::repo().join("tests/fixtures/stories/sources"));
    build(&BuildOptions::new(site.path())).expect("the fixture site builds");
    site
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Brief slug by source file.
fn slugs(root: &Path) -> BTreeMap<String, String> {
    common::briefs_by_source(root)
        .into_iter()
        .map(|(source, brief)| (source, brief.slug))
        .collect()
}

/// The briefs a page links to.
/// The page of the fixture site's one story.
fn story_path(root: &Path) -> std::path::PathBuf {
    std::fs::read_dir(root.join("public/stories"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name() != "index.html")
        .expect("a story page")
        .path()
}

fn story_page(root: &Path) -> String {
    read(&story_path(root))
}

fn brief_links(html: &str) -> Vec<String> {
    let mut out: Vec<String> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| {
            let url = &rest[..rest.find('"')?];
            let name = url.rsplit_once("briefs/")?.1.strip_suffix(".html")?;
            Some(name.to_string())
        })
        .filter(|name| name != "index")
        .collect();
    out.sort();
    out.dedup();
    out
}

const CLUSTER: [&str; 3] = [
    "s1_harbor_wire_falcon.txt",
    "s2_basin_daily_falcon.txt",
    "s3_ridge_radio_falcon.txt",
];
const OTHERS: [&str; 3] = [
    "s4_capital_times_budget.txt",
    "s5_northern_post_kirkuk.txt",
    "s6_harbor_wire_falcon_january.txt",
];

/// A report's page lists at most twenty other reports of its story (every
/// report listing every other would grow as the story's square), and says
/// how many more the story page has.
#[test]
fn a_brief_page_lists_twenty_other_reports_and_counts_the_rest() {
    let sources = tempfile::tempdir().unwrap();
    let report =
        read(&common::repo().join("tests/fixtures/stories/sources/s1_harbor_wire_falcon.txt"));
    for n in 1..=24 {
        let copy = report
            .replace("Harbor Wire", &format!("Outlet Number {n} Wire"))
            .replace("Dana Rowe", &format!("Reporter {n}"));
        std::fs::write(sources.path().join(format!("r{n:02}.txt")), copy).unwrap();
    }
    let site = common::site_with_sources(sources.path());
    build(&BuildOptions::new(site.path())).expect("the site builds");
    let out = site.path().join("public");
    let story = read(&story_path(site.path()));
    assert_eq!(brief_links(&story).len(), 24, "the story page lists all 24");
    for (_, slug) in slugs(site.path()) {
        let page = read(&out.join(format!("briefs/{slug}.html")));
        let box_start = page.find("sec-story").expect("a story box");
        let story_box = &page[box_start..page[box_start..].find("</aside>").unwrap() + box_start];
        let links = brief_links(story_box);
        assert_eq!(links.len(), 20, "{slug}: {links:?}");
        assert!(!links.contains(&slug), "{slug} does not list itself");
        assert!(story_box.contains("3 more on the story"), "{slug}");
    }
}

#[test]
fn one_event_is_one_story_and_nothing_else_is() {
    let site = built_site();
    let root = site.path();
    let slugs = slugs(root);
    let out = root.join("public");
    let stories: Vec<_> = std::fs::read_dir(out.join("stories"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "index.html")
        .collect();
    assert_eq!(stories.len(), 1, "one story: {stories:?}");
    let story = read(&out.join("stories").join(&stories[0]));
    let linked = brief_links(&story);
    let mut want: Vec<String> = CLUSTER.iter().map(|s| slugs[*s].clone()).collect();
    want.sort();
    assert_eq!(
        linked, want,
        "the story holds its three reports and no other"
    );

    // Each report's page links the other two as its story.
    for member in CLUSTER {
        let page = read(&out.join(format!("briefs/{}.html", slugs[member])));
        let box_start = page.find("sec-story").expect("a story box");
        let story_box = &page[box_start..page[box_start..].find("</aside>").unwrap() + box_start];
        let links = brief_links(story_box);
        for other in CLUSTER.iter().filter(|o| **o != member) {
            assert!(links.contains(&slugs[*other]), "{member} links {other}");
        }
        for other in OTHERS {
            assert!(
                !links.contains(&slugs[other]),
                "{member} does not link {other}"
            );
        }
    }
    for other in OTHERS {
        let page = read(&out.join(format!("briefs/{}.html", slugs[other])));
        assert!(!page.contains("sec-story"), "{other} stands alone");
    }
    let index = read(&out.join("stories/index.html"));
    assert!(index.contains(&stories[0]) && index.contains("Ridge Radio"));
}

#[test]
fn the_story_page_shows_each_side_of_a_disagreement_with_its_line() {
    let site = built_site();
    let root = site.path();
    let html = story_page(root);
    let disagree = &html[html.find("sec-disagree").expect("a disagreement section")..];
    let wounded = &disagree[disagree
        .find(">wounded<")
        .expect("the wounded count is disputed")..];
    let table = &wounded[..wounded.find("</table>").unwrap()];
    // 7, 9 and 11: each value with its outlet and a link to its source line.
    for (value, outlet) in [
        ("7", "Harbor Wire"),
        ("9", "Ridge Radio"),
        ("11", "Basin Daily"),
    ] {
        let row_at = table
            .find(&format!("<td class=\"num\">{value}</td>"))
            .unwrap_or_else(|| panic!("value {value} in {table}"));
        let row = &table[row_at..table[row_at..].find("</tr>").unwrap() + row_at];
        assert!(row.contains(outlet), "{value} is {outlet}'s: {row}");
        assert!(row.contains("#L"), "{value} links its line: {row}");
    }
    // The dead are not disputed: all three say two. Ridge Radio's "a rocket
    // strike on 2 March killed four contractors" (line 9) recalls an earlier
    // attack: not this story's count, and not a disagreement.
    assert!(!disagree.contains(">killed<"));
    assert!(html.contains("<strong>2 killed</strong>"));
    assert!(!html.contains("s3_ridge_radio_falcon.html#L9"), "{html}");
}

#[test]
fn the_day_of_the_event_is_compared_across_sources() {
    // Harbor Wire (12 March): "early on Wednesday"; Basin Daily (13 March):
    // "Wednesday's rocket attack", beside "on Thursday" for its own figures;
    // Ridge Radio (12 March): "late on Tuesday".
    let site = built_site();
    let root = site.path();
    let html = story_page(root);
    let at = html.find("When it happened").expect("a day section");
    let end = html[at..].find("<dt").unwrap_or(html.len() - at);
    let section = &html[at..at + end];
    assert!(section.contains("sources disagree"), "{section}");
    let rows: Vec<&str> = section.split("<dd>").skip(1).collect();
    assert_eq!(rows.len(), 2, "{section}");
    assert!(rows[0].contains("Tuesday 11 March 2025") && rows[0].contains("Ridge Radio"));
    assert!(rows[0].contains("late on Tuesday") && rows[0].contains("#L5"));
    assert!(rows[1].contains("Wednesday 12 March 2025"));
    assert!(rows[1].contains("Harbor Wire") && rows[1].contains("Basin Daily"));
    // Basin Daily's day is the attack's, not the one its toll was given on.
    assert!(rows[1].contains("“Wednesday”"), "{}", rows[1]);
    assert!(!rows[1].contains("“on Thursday”"), "{}", rows[1]);
    // The list of stories names the disagreement.
    let index = read(&root.join("public/stories/index.html"));
    assert!(index.contains("when it happened"), "{index}");
}

#[test]
fn who_did_it_is_lined_up_claim_against_denial() {
    // Harbor Wire: the Guardians "claimed the attack" (line 8); Basin Daily:
    // they "said it fired the rockets" (line 7), and a rival faction "denied
    // any role" (line 9).
    let site = built_site();
    let root = site.path();
    let html = story_page(root);
    let at = html.find("Who did it").expect("a section on who did it");
    let section = &html[at..at + html[at..].find("</dl>").unwrap()];
    assert!(section.contains("sources disagree"), "{section}");
    let rows: Vec<&str> = section.split("<dd>").skip(1).collect();
    let claims: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains("Claims responsibility"))
        .collect();
    assert_eq!(claims.len(), 1, "one version of the claim: {section}");
    // Ridge Radio names the group alone ("said in a Telegram post that its
    // fighters launched"): the same version with fewer names.
    for (outlet, line) in [
        ("Harbor Wire", "s1_harbor_wire_falcon.html#L8"),
        ("Basin Daily", "s2_basin_daily_falcon.html#L7"),
        ("Ridge Radio", "s3_ridge_radio_falcon.html#L6"),
    ] {
        assert!(
            claims[0].contains(outlet) && claims[0].contains(line),
            "{outlet}: {}",
            claims[0]
        );
    }
    assert!(
        claims[0].contains("Guardians of the Marshes"),
        "{}",
        claims[0]
    );
    let denial = rows
        .iter()
        .find(|r| r.contains("Denies a role"))
        .expect("the denial");
    assert!(
        denial.contains("Basin Daily") && denial.contains("#L9"),
        "{denial}"
    );
}

#[test]
fn a_name_spelt_three_ways_is_one_entity_page() {
    let site = built_site();
    let entities = root_entities(site.path());
    let rikabi: Vec<&String> = entities.iter().filter(|e| e.contains("abu-z")).collect();
    assert_eq!(rikabi.len(), 1, "{entities:?}");
}

#[test]
fn the_story_page_shows_how_each_source_writes_a_name() {
    let site = built_site();
    let root = site.path();
    let html = story_page(root);
    let who = &html[html.find("sec-who").expect("who several sources name")..];
    let item = who
        .split("<li>")
        .find(|li| li.contains("Rikabi") || li.contains("Rukabi") || li.contains("Rakabi"))
        .expect("the commander, named by all three");
    for (form, outlet) in [
        ("Abu Zainab al-Rikabi", "Harbor Wire"),
        ("Abu Zaynab al-Rukabi", "Basin Daily"),
        ("Abu Zeinab al-Rakabi", "Ridge Radio"),
    ] {
        assert!(
            item.contains(&format!("“{form}” ({outlet})")),
            "{form}: {item}"
        );
    }
}

#[test]
fn where_it_happened_lists_each_place_with_who_names_it() {
    let site = built_site();
    let root = site.path();
    let html = story_page(root);
    let at = html.find("id=\"sec-where\"").expect("a Where section");
    let table = &html[at..at + html[at..].find("</table>").unwrap()];
    let row = |place: &str| -> &str {
        let from = table
            .find(&format!("<td>{place}</td>"))
            .unwrap_or_else(|| panic!("{place} in {table}"));
        &table[from..from + table[from..].find("</tr>").unwrap()]
    };
    // "struck Camp Falcon" (Harbor Wire, line 6), "Rockets hit Camp Falcon" (Ridge Radio, line 5).
    let camp = row("Camp Falcon");
    assert!(
        camp.contains("Harbor Wire") && camp.contains("s1_harbor_wire_falcon.html#L6"),
        "{camp}"
    );
    assert!(
        camp.contains("Ridge Radio") && camp.contains("s3_ridge_radio_falcon.html#L5"),
        "{camp}"
    );
    // All three place it near Nasiriyah.
    let city = row("Nasiriyah");
    for outlet in ["Harbor Wire", "Basin Daily", "Ridge Radio"] {
        assert!(city.contains(outlet), "{outlet}: {city}");
    }
    // Weekdays and the claimant are not places.
    assert!(
        !table.contains("<td>Wednesday") && !table.contains("<td>Guardians"),
        "{table}"
    );
}

#[test]
fn outlet_profiles_label_each_side_and_unlabelled_ones_say_so() {
    let site = common::site_with_sources(&common::repo().join("tests/fixtures/stories/sources"));
    let root = site.path();
    std::fs::write(
        root.join("content/outlets.yaml"),
        "Harbor Wire:\n  kind: wire\n  country: Oman\nBasin Daily:\n  kind: state-media\n  country: Iraq\n  note: Owned by the provincial council.\nDelta Courier:\n  kind: independent\n",
    )
    .unwrap();
    build(&BuildOptions::new(root)).expect("the fixture site builds");
    let html = story_page(root);
    let wounded = &html[html
        .find(">wounded<")
        .expect("the wounded count is disputed")..];
    let table = &wounded[..wounded.find("</table>").unwrap()];
    assert!(
        table.contains("Harbor Wire <span class=\"outlet-kind\">(wire, Oman)</span>"),
        "{table}"
    );
    assert!(
        table.contains("Basin Daily <span class=\"outlet-kind\">(state media, Iraq)</span>"),
        "{table}"
    );
    assert!(
        table.contains("Ridge Radio <span class=\"outlet-kind\">(unlabelled)</span>"),
        "{table}"
    );
    // The outlets page: by kind, the unlabelled ones last, a profile no brief uses flagged.
    let page = read(&root.join("public/outlets.html"));
    let (wire, state, rest) = (
        page.find(">Wire <").expect("a wire group"),
        page.find(">State media <").expect("a state media group"),
        page.find("Without a kind").expect("the unlabelled group"),
    );
    assert!(
        wire < state && state < rest,
        "kinds in order, unlabelled last"
    );
    assert!(page[rest..].contains("Ridge Radio"));
    assert!(page.contains("Owned by the provincial council."));
    assert!(page.contains("Delta Courier") && page.contains("no brief names this outlet"));
    sources_index_narrows_by_kind_and_country(root);
    // A kind outside the list stops the build, naming the file and line.
    std::fs::write(
        root.join("content/outlets.yaml"),
        "Harbor Wire:\n  kind: tabloid\n",
    )
    .unwrap();
    let err = build(&BuildOptions::new(root)).unwrap_err().to_string();
    assert!(err.contains("content/outlets.yaml:2"), "{err}");
    assert_eq!(
        read(&root.join("public/outlets.html")),
        page,
        "the previous site stands"
    );
}

/// The sources index links a list per outlet kind and per country, each
/// holding exactly the sources of outlets so labelled; unlabelled last.
fn sources_index_narrows_by_kind_and_country(root: &Path) {
    let index = read(&root.join("public/sources/index.html"));
    let nav = &index[index.find("class=\"filters\"").expect("a filter bar")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let order: Vec<usize> = [
        "kind/wire.html",
        "kind/state-media.html",
        "kind/unlabelled.html",
    ]
    .iter()
    .map(|p| nav.find(p).unwrap_or_else(|| panic!("{p} in {nav}")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "kinds in order: {nav}"
    );
    assert!(nav.contains("country/oman.html") && nav.contains("country/iraq.html"));
    assert!(
        !nav.contains("independent"),
        "no list for a kind no source has"
    );
    // Each list: the outlets so labelled and no other, with its kind shown per row.
    let outlets_in = |page: &str| -> Vec<String> {
        let html = read(&root.join("public/sources").join(page));
        let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
        let mut outlets: Vec<String> = body
            .split("<tr>")
            .skip(1)
            .map(|row| {
                let cell = &row[row.find("data-sort=\"").unwrap()..];
                let cell = &cell[cell[11..].find("data-sort=\"").unwrap() + 22..];
                cell[..cell.find('"').unwrap()].to_string()
            })
            .collect();
        outlets.sort();
        outlets.dedup();
        outlets
    };
    assert_eq!(outlets_in("kind/wire.html"), ["Harbor Wire"]);
    assert_eq!(outlets_in("country/oman.html"), ["Harbor Wire"]);
    assert_eq!(outlets_in("kind/state-media.html"), ["Basin Daily"]);
    let unlabelled = outlets_in("kind/unlabelled.html");
    assert!(
        unlabelled.contains(&"Ridge Radio".to_string()),
        "{unlabelled:?}"
    );
    assert!(
        !unlabelled
            .iter()
            .any(|o| o == "Harbor Wire" || o == "Basin Daily")
    );
    let wire = read(&root.join("public/sources/kind/wire.html"));
    assert!(
        wire.contains("aria-current=\"page\">wire (2)"),
        "the list says where it is"
    );
    assert!(wire.contains("<h1>Sources: wire outlets</h1>"));
}

/// `dossier build` as a user runs it, on the day `epoch` (SOURCE_DATE_EPOCH).
fn build_on(root: &Path, epoch: &str) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn what_is_new_shows_the_latest_day_and_what_it_made_disputed() {
    // Day one (12 March 2025): Harbor Wire's report and the unrelated ones.
    // Day three (14 March): Basin Daily and Ridge Radio join the story, with
    // other counts of the wounded, another day and a denial.
    let all = common::repo().join("tests/fixtures/stories/sources");
    let site = common::site_with_sources(&all);
    let root = site.path();
    let later = ["s2_basin_daily_falcon.txt", "s3_ridge_radio_falcon.txt"];
    let held = tempfile::tempdir().unwrap();
    for f in later {
        std::fs::rename(root.join("content/sources").join(f), held.path().join(f)).unwrap();
    }
    build_on(root, "1741737600");
    let front = read(&root.join("public/index.html"));
    assert!(
        !front.contains("sec-added"),
        "a first ingest shows nothing as new"
    );
    for f in later {
        std::fs::rename(held.path().join(f), root.join("content/sources").join(f)).unwrap();
    }
    build_on(root, "1741910400");
    // The day is kept in each brief: the first ones keep theirs.
    let briefs = common::briefs_by_source(root);
    let seen = |f: &str| {
        briefs[f]
            .facts
            .ingest
            .as_ref()
            .unwrap()
            .first_seen
            .map(|d| d.to_string())
    };
    assert_eq!(
        seen("s1_harbor_wire_falcon.txt").as_deref(),
        Some("2025-03-12")
    );
    assert_eq!(
        seen("s2_basin_daily_falcon.txt").as_deref(),
        Some("2025-03-14")
    );
    let front = read(&root.join("public/index.html"));
    let new = &front[front.find("sec-added").expect("a What is new section")..];
    let new = &new[..new.find("</section>").unwrap()];
    assert!(
        new.contains("14 March 2025") && new.contains("2 sources first seen"),
        "{new}"
    );
    assert!(
        new.contains("2 new sources; now disputed: wounded, when it happened, who did it"),
        "{new}"
    );
    let listed = &new[..new.find("Stories they add to").expect("the story update")];
    assert!(
        listed.contains("Basin Daily") && listed.contains("Ridge Radio"),
        "{listed}"
    );
    assert!(
        !listed.contains("Harbor Wire"),
        "old reports are not new: {listed}"
    );
    // The story page says so, and the feed carries the update as an entry of its own.
    let story_file = story_path(root);
    assert!(read(&story_file).contains("2 new sources; now disputed: wounded"));
    let feed = read(&root.join("public/feed.xml"));
    assert!(feed.contains("<title>Story update: "), "{feed}");
    assert!(feed.contains("#update-2025-03-14"), "{feed}");
    // So does the feed of each topic whose page lists the story, and no other.
    let story_url = story_file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let mut carried = 0;
    for entry in std::fs::read_dir(root.join("public/topics"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let topic_page = read(&path.with_extension("html"));
        let lists_story = topic_page.contains(&format!("stories/{story_url}"));
        let xml = read(&path);
        assert_eq!(
            xml.contains("#update-2025-03-14"),
            lists_story,
            "{}: {xml}",
            path.display()
        );
        carried += usize::from(lists_story);
    }
    assert!(carried > 0, "some topic lists the story");
    // Rebuilding on a later day with nothing new changes no byte.
    let before = read(&root.join("public/index.html"));
    build_on(root, "1742083200");
    assert_eq!(read(&root.join("public/index.html")), before);
}

fn root_entities(root: &Path) -> Vec<String> {
    std::fs::read_dir(root.join("public/entities"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn stories_are_in_the_export() {
    let site = built_site();
    let json: serde_json::Value =
        serde_json::from_str(&read(&site.path().join("public/analysis.json"))).unwrap();
    let stories = json["analysis"]["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["briefs"].as_array().unwrap().len(), 3);
    let disputed: Vec<&str> = stories[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["disagreement"] == true)
        .filter_map(|g| g["label"].as_str())
        .collect();
    assert_eq!(disputed, ["wounded"]);
}

/// A dossier made mostly of one event (tests/fixtures/one_event: sixteen
/// outlets on one announcement, each in its own words and page layout): the
/// words every report shares still tie them, so it is one story, not four
/// groups of the reports that happen to share a rare word.
#[test]
fn a_dossier_of_one_announcement_is_one_story() {
    let site = common::site_with_sources(&common::repo().join("tests/fixtures/one_event/sources"));
    build(&BuildOptions::new(site.path())).expect("the fixture site builds");
    let json: serde_json::Value =
        serde_json::from_str(&read(&site.path().join("public/analysis.json"))).unwrap();
    let sizes: Vec<usize> = json["analysis"]["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["briefs"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [16], "one story of all sixteen reports");
}
