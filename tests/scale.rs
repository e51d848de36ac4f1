//! Pages stay bounded whatever the corpus (issue 17): a generated briefing
//! big enough to paginate every long list, checked by what each page holds
//! and weighs (sizes, not times).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use dossier::render::paging::PER_PAGE;

/// Briefs (and sources) in the generated corpus: more than four pages' worth.
const N: usize = 450;

/// A site of `N` sources, each with its curated brief (five a day from
/// 1 January 2023: three months, each of more than a page): one topic,
/// one person, a troop figure with a value of its own, a withdrawal date.
fn big_site() -> tempfile::TempDir {
    let no_sources = tempfile::tempdir().unwrap();
    let dir = site_with_sources(no_sources.path());
    let root = dir.path();
    for i in 0..N {
        write_brief(root, i, i as u64 / 5);
    }
    dir
}

/// Brief `i`, published `day` days after 1 January 2023.
fn write_brief(root: &Path, i: usize, day: u64) {
    let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(day);
    let troops = 1000 + i;
    std::fs::write(
        root.join(format!("content/sources/report-{i:03}.txt")),
        format!(
            "Report {i}\n\nBAGHDAD - Prime Minister Mohammed Shia al-Sudani said {troops} troops in Iraq would leave.\nThe withdrawal ends by September 2026, officials said.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        root.join(format!("content/briefs/report-{i:03}.md")),
        format!(
            "---\ntitle: Report number {i} on the drawdown\nsource: report-{i:03}.txt\noutlet: Wire {w}\npublished: {day}\ntopics:\n- advisory-mission\npeople:\n- name: Mohammed Shia al-Sudani\n  roles:\n  - Prime Minister\n  lines:\n  - 3\nfigures:\n- text: {troops} troops in Iraq\n  value: {troops}.0\n  counts: troops\n  place: Iraq\n  line: 3\n  context: Prime Minister Mohammed Shia al-Sudani said {troops} troops in Iraq would leave.\ndates:\n- text: September 2026\n  year: 2026\n  month: 9\n  precision: month\n  line: 4\n  context: The withdrawal ends by September 2026, officials said.\n---\n\nPrime Minister Mohammed Shia al-Sudani said {troops} troops in Iraq would leave. The withdrawal ends by September 2026, officials said.\n",
            w = i % 7
        ),
    )
    .unwrap();
}

/// The items a list page shows, by the selectors the theme uses for them.
fn items(doc: &scraper::Html) -> usize {
    [
        "ol.brief-list > li",
        "ol.entries > li",
        "table.sources tbody tr",
        "table.known-when tbody tr",
        ".figure-group td ul.plain > li",
        "dl.versions dd li",
    ]
    .iter()
    .map(|css| select(doc, css).len())
    .sum()
}

/// The briefs a list's archive pages link, each counted.
fn briefs_linked(out: &Path, first: &str, css: &str) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    let stem = first
        .strip_suffix("index.html")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/", first.strip_suffix(".html").unwrap()));
    let archive = out.join(format!("{stem}archive"));
    for page in std::fs::read_dir(archive).unwrap() {
        let doc = html(&page.unwrap().path());
        for a in select(&doc, css) {
            let href = a.value().attr("href").unwrap();
            let name = href.rsplit('/').next().unwrap().to_string();
            *seen.entry(name).or_insert(0) += 1;
        }
    }
    seen
}

#[test]
fn every_page_is_bounded_and_every_item_is_on_one_page() {
    let site = big_site();
    let root = site.path();
    build(root).unwrap();
    let out = root.join("public");
    // Bounded: no page shows more than a first page may, none weighs more
    // than 500 KB, whatever the corpus.
    let mut largest = (0, String::new());
    for (rel, bytes) in snapshot(&out) {
        if !rel.ends_with(".html") {
            continue;
        }
        assert!(bytes.len() <= 500 * 1024, "{rel}: {} bytes", bytes.len());
        let n = items(&scraper::Html::parse_document(
            &String::from_utf8(bytes).unwrap(),
        ));
        assert!(n < 2 * PER_PAGE, "{rel} shows {n} items");
        largest = largest.max((n, rel));
    }
    assert!(largest.0 >= PER_PAGE, "nothing paginated: {largest:?}");

    // Each list's archive pages (by month, in parts of at most a hundred)
    // hold every brief exactly once; its first page the newest hundred.
    for (first, css) in [
        ("briefs/index.html", "ol.brief-list .brief-title a"),
        ("sources/index.html", "table.sources td:nth-child(3) a"),
        ("topics/advisory-mission.html", "ol.entries h3 a"),
        ("entities/mohammed-shia-al-sudani.html", "ol.entries h3 a"),
        ("timeline.html", "table.known-when td:nth-child(2) a"),
    ] {
        let seen = briefs_linked(&out, first, css);
        assert_eq!(seen.len(), N, "{first}");
        let twice: Vec<_> = seen.iter().filter(|(_, n)| **n != 1).collect();
        assert!(twice.is_empty(), "{first}: a brief twice: {twice:?}");
    }
    let front = html(&out.join("briefs/index.html"));
    let titles: Vec<String> = select(&front, "ol.brief-list .brief-title a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(titles.len(), PER_PAGE);
    assert_eq!(
        titles[0],
        format!("Report number {} on the drawdown", N - 5),
        "the newest day's first by title"
    );
    // January has 155 briefs: its first part the oldest hundred, newest first.
    let january = html(&out.join("briefs/archive/2023-01.html"));
    let titles: Vec<String> = select(&january, "ol.brief-list .brief-title a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(titles.len(), PER_PAGE);
    // Newest day first, a day's briefs by title.
    assert_eq!(titles[0], "Report number 95 on the drawdown");
    assert_eq!(titles.last().unwrap(), "Report number 4 on the drawdown");
    assert!(titles.contains(&"Report number 0 on the drawdown".to_string()));
    let part_two = html(&out.join("briefs/archive/2023-01-2.html"));
    assert_eq!(select(&part_two, "ol.brief-list li").len(), 55);
    assert!(text(&select(&part_two, "title")[0]).contains("January 2023, part 2"));
    // A quantity stated by every brief: its page and the next ones list
    // every statement once; the overview names its most stated values only.
    let mut statements = 0;
    for page in std::iter::once(out.join("figures/troops-in-iraq.html")).chain(
        (2..=N.div_ceil(PER_PAGE))
            .map(|p| out.join(format!("figures/troops-in-iraq/page/{p}.html"))),
    ) {
        statements += select(&html(&page), ".figure-group td ul.plain > li").len();
    }
    assert_eq!(statements, N);
    let overview = html(&out.join("figures.html"));
    assert!(select(&overview, "li .num").len() <= 5);
    // An entity's first page counts its sources by month, each month
    // linking to its archive page.
    let sudani = html(&out.join("entities/mohammed-shia-al-sudani.html"));
    let rows = select(&sudani, "table.periods tbody tr");
    let january = rows
        .iter()
        .find(|tr| text(tr).starts_with("January 2023"))
        .expect("January's row");
    assert_eq!(text(january), "January 2023 155");
    assert_eq!(
        select_in(january, "a")[0].value().attr("href"),
        Some("../entities/mohammed-shia-al-sudani/archive/2023-01.html")
    );
    assert_links_resolve(&out);
}

#[test]
fn a_new_article_changes_only_the_archive_pages_of_its_month() {
    let site = big_site();
    let root = site.path();
    age_inputs(root);
    build(root).unwrap();
    // The newest: the first pages and March's last part.
    write_brief(root, N, 89);
    let report = build(root).unwrap();
    let rendered = &report.rendered_paths;
    for first in [
        "briefs/index.html",
        "sources/index.html",
        "topics/advisory-mission.html",
        "entities/mohammed-shia-al-sudani.html",
    ] {
        assert!(rendered.iter().any(|p| p == first), "{first} not rendered");
    }
    let archives = |rendered: &[String]| -> Vec<String> {
        rendered
            .iter()
            .filter(|p| p.contains("/archive/"))
            .cloned()
            .collect()
    };
    let newest = archives(rendered);
    assert!(!newest.is_empty());
    assert!(
        newest
            .iter()
            .all(|p| p.ends_with("/archive/2023-03-2.html")),
        "{newest:?}"
    );
    // One dated in January, added late: January's parts only.
    write_brief(root, N + 1, 3);
    let late = archives(&build(root).unwrap().rendered_paths);
    assert!(!late.is_empty());
    assert!(
        late.iter().all(|p| p.contains("/archive/2023-01")),
        "{late:?}"
    );
}
