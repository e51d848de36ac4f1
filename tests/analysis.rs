//! Cross-linking on the seeds: entities merged, figures grouped, the
//! withdrawal-timing disagreement flagged, provenance resolvable.

mod common;

use common::*;
use dossier::analyse::{self, EntityKind};

/// Load the site at `root` and analyse it.
fn analyse_at(root: &std::path::Path) -> (dossier::build::LoadedSite, analyse::Analysis) {
    let loaded = dossier::build::load(root).unwrap();
    let a = analyse::analyse(
        &loaded.briefs,
        &loaded.topics,
        &loaded.sources,
        &loaded.aliases,
    );
    (loaded, a)
}

fn analysed() -> (
    tempfile::TempDir,
    dossier::build::LoadedSite,
    analyse::Analysis,
) {
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), site.path().join("site.toml")).unwrap();
    for d in ["themes", "content"] {
        copy_dir(&repo().join(d), &site.path().join(d));
    }
    let (loaded, a) = analyse_at(site.path());
    (site, loaded, a)
}

#[test]
fn transliterations_and_aliases_are_one_entity() {
    let (_site, loaded, a) = analysed();
    let abassi: Vec<_> = a
        .entities
        .iter()
        .filter(|e| {
            e.kind == EntityKind::Person
                && e.aliases
                    .iter()
                    .chain([&e.name])
                    .any(|n| n.contains("Abassi") || n.contains("Abbasi"))
        })
        .collect();
    assert_eq!(abassi.len(), 1, "{abassi:#?}");
    let all: Vec<&String> = abassi[0].aliases.iter().chain([&abassi[0].name]).collect();
    assert!(
        all.iter().any(|n| n.starts_with("Sabit")) && all.iter().any(|n| n.starts_with("Thabit")),
        "{all:?}"
    );
    assert_eq!(abassi[0].mentions.len(), 2);
    let sudani: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.name.contains("Sudani"))
        .collect();
    assert_eq!(sudani.len(), 1, "{sudani:#?}");
    assert_eq!(
        sudani[0].mentions.len(),
        4,
        "every seed but 003 names the prime minister"
    );
    assert!(
        sudani[0].aliases.iter().any(|x| x.starts_with("Mohammad")),
        "{:?}",
        sudani[0].aliases
    );
    let is: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation && e.name == "Islamic State")
        .collect();
    assert_eq!(is.len(), 1);
    for form in ["ISIS", "ISIL", "Daesh", "IS"] {
        assert!(
            is[0].aliases.iter().any(|x| x == form),
            "{form} not merged: {:?}",
            is[0].aliases
        );
    }
    assert!(loaded.briefs.len() == 5);
}

#[test]
fn figures_grouped_with_their_sources() {
    let (_site, _loaded, a) = analysed();
    let iraq = a
        .figures
        .iter()
        .find(|g| g.label == "troops in Iraq")
        .expect("troops in Iraq");
    assert_eq!(iraq.values[0].display, "2,500");
    assert_eq!(
        iraq.values[0].brief_count, 3,
        "000, 001 and 002 state it: {iraq:#?}"
    );
    assert!(!iraq.disagreement);
    let syria = a
        .figures
        .iter()
        .find(|g| g.label == "troops in Syria")
        .expect("troops in Syria");
    assert_eq!(syria.values[0].display, "900");
    assert_eq!(syria.values[0].brief_count, 1);
}

#[test]
fn withdrawal_timing_disagreement_is_flagged() {
    let (_site, loaded, a) = analysed();
    let show = |key: &str| -> Vec<(String, Vec<String>)> {
        let e = a
            .timeline
            .events
            .iter()
            .find(|e| e.key == key)
            .unwrap_or_else(|| panic!("no event {key}: {:#?}", a.timeline.events));
        e.versions
            .iter()
            .map(|v| {
                (
                    v.when.display.clone(),
                    v.statements
                        .iter()
                        .map(|s| loaded.briefs[s.brief].source.clone().unwrap())
                        .collect(),
                )
            })
            .collect()
    };
    let start = show("withdrawal-start");
    println!(
        "start: {start:?}\nend: {:?}\nfirst: {:?}",
        show("withdrawal-end"),
        show("first-phase")
    );
    assert!(
        a.timeline
            .events
            .iter()
            .find(|e| e.key == "withdrawal-start")
            .unwrap()
            .disagreement
    );
    assert!(
        start
            .iter()
            .any(|(d, s)| d == "September 2024"
                && s.contains(&"004_919dc5539e8e69e9.txt".to_string())),
        "{start:?}"
    );
    assert!(
        start
            .iter()
            .any(|(d, s)| d == "September 2025"
                && s.contains(&"000_ac499432f2e612ce.txt".to_string())),
        "{start:?}"
    );
    let end = show("withdrawal-end");
    assert!(
        a.timeline
            .events
            .iter()
            .find(|e| e.key == "withdrawal-end")
            .unwrap()
            .disagreement
    );
    for d in ["September 2025", "September 2026", "end of 2026"] {
        assert!(end.iter().any(|(x, _)| x == d), "{d} missing from {end:?}");
    }
}

#[test]
fn pages_show_the_analysis_with_working_provenance() {
    let (site, _loaded, _a) = analysed();
    build(site.path()).unwrap();
    let out = site.path().join("public");
    assert_links_resolve(&out);
    let timeline = html(&out.join("timeline.html"));
    let flagged: Vec<String> = select(&timeline, "section.disagree h2")
        .iter()
        .map(text)
        .collect();
    assert!(
        flagged.iter().any(|h| h.starts_with("Withdrawal begins")),
        "{flagged:?}"
    );
    assert!(
        flagged
            .iter()
            .any(|h| h.starts_with("Withdrawal completed")),
        "{flagged:?}"
    );
    // The overview links each quantity's page, which lists every statement.
    let figures = html(&out.join("figures.html"));
    assert_eq!(
        select(&figures, "a[href='figures/troops-in-iraq.html']").len(),
        1
    );
    // Statements without a number ("hundreds of troops") are counted there too.
    let unnumbered: Vec<String> = select(&figures, "li .unknown + .count")
        .iter()
        .map(text)
        .collect();
    assert!(
        !unnumbered.is_empty(),
        "no statement without a number counted"
    );
    let troops = html(&out.join("figures/troops-in-iraq.html"));
    assert_eq!(select(&troops, "#fig-troops-in-iraq").len(), 1);
    assert!(!select(&troops, "td .line-ref").is_empty());
    // So does each event's page: every date given, with who gives it.
    let end = html(&out.join("timeline/withdrawal-end.html"));
    let versions: Vec<String> = select(&end, "dl.versions dt").iter().map(text).collect();
    assert!(versions.len() >= 3, "{versions:?}");
    assert!(!select(&end, "dd .line-ref").is_empty());
    let entity = html(&out.join("entities/thabit-al-abbasi.html"));
    let facts = text(&select(&entity, ".facts")[0]);
    assert!(facts.contains("Sabit al-Abassi"), "{facts}");
    assert_eq!(select(&entity, ".entry").len(), 2);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("analysis.json")).unwrap()).unwrap();
    assert!(
        json["analysis"]["timeline"]["events"]
            .as_array()
            .unwrap()
            .len()
            >= 2
    );
}

/// An entity's page sums up when it was named and beside whom: computed
/// here from the analysis on its own terms and compared with the page.
#[test]
fn an_entity_page_counts_its_sources_by_month_and_names_who_comes_with_it() {
    use std::collections::BTreeMap;
    let (site, loaded, a) = analysed();
    build(site.path()).unwrap();
    let out = site.path().join("public");
    // The entity most briefs name.
    let (e, entity) = a
        .entities
        .iter()
        .enumerate()
        .max_by_key(|(_, ent)| ent.mentions.len())
        .unwrap();
    let briefs_of = |ent: &analyse::entities::Entity| -> Vec<usize> {
        let mut b: Vec<usize> = ent.mentions.iter().map(|m| m.brief).collect();
        b.sort_unstable();
        b.dedup();
        b
    };
    let mine = briefs_of(entity);
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for &b in &mine {
        let when = loaded.briefs[b]
            .published
            .map_or("Undated".to_string(), |d| d.format("%B %Y").to_string());
        *months.entry(when).or_default() += 1;
    }
    let page = html(&out.join(format!("entities/{}.html", entity.slug)));
    let rows: Vec<(String, String)> = select(&page, "table.periods tbody tr")
        .iter()
        .map(|tr| {
            let th = text(&select_in(tr, "th")[0]);
            let td = text(&select_in(tr, "td")[0]);
            (th.trim().to_string(), td.trim().to_string())
        })
        .collect();
    assert!(
        rows.len() > 1,
        "the seeds' busiest entity spans months: {rows:?}"
    );
    for (when, n) in &months {
        assert!(
            rows.contains(&(when.clone(), n.to_string())),
            "{when}: {n} not in {rows:?}"
        );
    }
    // Months between two that name it are shown, with none.
    assert!(
        rows.iter()
            .all(|(w, n)| months.get(w).map_or(n == "0", |c| n == &c.to_string()))
    );

    // Named with: the entity sharing the most briefs comes first.
    let shared_with = |o: usize| {
        let theirs = briefs_of(&a.entities[o]);
        mine.iter().filter(|b| theirs.contains(b)).count()
    };
    let most = (0..a.entities.len())
        .filter(|&o| o != e)
        .map(shared_with)
        .max()
        .unwrap();
    let listed: Vec<String> = select(&page, "#sec-named-with + ul li")
        .iter()
        .map(text)
        .collect();
    assert!(!listed.is_empty() && listed.len() <= 10, "{listed:?}");
    let first_link = select(&page, "#sec-named-with + ul li a")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    let first = a
        .entities
        .iter()
        .position(|o| first_link.ends_with(&format!("entities/{}.html", o.slug)))
        .unwrap();
    assert_eq!(shared_with(first), most, "{listed:?}");
    assert!(
        listed[0].ends_with(&format!(
            "({most} source{})",
            if most == 1 { "" } else { "s" }
        )),
        "{listed:?}"
    );
}

#[test]
fn aliases_file_forces_and_forbids_merges() {
    let (site, _l, _a) = analysed();
    std::fs::write(
        site.path().join("content/aliases.yaml"),
        "people:\n  - name: Lloyd J. Austin\n    aliases: [Lloyd Austin]\ndistinct:\n  - [Sabit al-Abassi, Thabit al-Abbasi]\n",
    )
    .unwrap();
    let (_loaded, a) = analyse_at(site.path());
    assert!(
        a.entities
            .iter()
            .any(|e| e.name == "Lloyd J. Austin" && e.mentions.len() == 2)
    );
    let abassi = a
        .entities
        .iter()
        .filter(|e| e.name.contains("Abassi") || e.name.contains("Abbasi"))
        .count();
    assert_eq!(abassi, 2);
    std::fs::write(site.path().join("content/aliases.yaml"), "people: [\n").unwrap();
    let err = dossier::build::load(site.path())
        .err()
        .expect("broken aliases file is an error");
    assert!(
        err.0[0].file.ends_with("content/aliases.yaml"),
        "{}",
        err.0[0]
    );
}

#[test]
fn topic_pages_list_agreements_and_disagreements() {
    let (site, _loaded, _a) = analysed();
    build(site.path()).unwrap();
    let page = html(&site.path().join("public/topics/advisory-mission.html"));
    let agreed: Vec<String> = select(&page, ".agree li strong").iter().map(text).collect();
    assert!(
        agreed.contains(&"2,500 troops in Iraq".to_string()),
        "{agreed:?}"
    );
    assert!(
        agreed
            .iter()
            .all(|a| !a.starts_with("Withdrawal completed")),
        "a disputed date is not an agreement: {agreed:?}"
    );
    let flags = select(&page, ".facts-list .flag").len();
    assert_eq!(flags, 2, "withdrawal start and completion are disputed");
    let source = html(&site.path().join("public/sources/003_1d47ece03ed7ec69.html"));
    let names: Vec<String> = select(&source, ".source-header a[href^=\"../entities/\"]")
        .iter()
        .map(text)
        .collect();
    assert!(names.contains(&"Lloyd Austin".to_string()), "{names:?}");
}

#[test]
fn analysed_site_is_byte_identical_between_builds() {
    let (a, _, _) = analysed();
    let (b, _, _) = analysed();
    build(a.path()).unwrap();
    build(b.path()).unwrap();
    let (sa, sb) = (
        snapshot(&a.path().join("public")),
        snapshot(&b.path().join("public")),
    );
    assert_eq!(sa.len(), sb.len());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs between builds");
    }
    let page = html(&a.path().join("public/timeline.html"));
    assert_eq!(select(&page, ".known-when tbody tr").len(), 5);
    let brief = html(
        &a.path()
            .join("public/briefs/baghdad-and-washington-have-reached-an-agreement-on.html"),
    );
    let people: Vec<String> = select(&brief, ".in-source a[href^=\"../entities/\"]")
        .iter()
        .map(text)
        .collect();
    assert!(
        people.contains(&"Farhad Alaaldin".to_string()),
        "{people:?}"
    );
}
