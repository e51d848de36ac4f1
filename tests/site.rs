//! The briefing site: every page, relative links, escaping, determinism and
//! safe failure, on the seed sources with hand-written briefs.

mod common;

use common::*;

#[test]
fn writes_every_page() {
    let site = fixture_site();
    let report = build(site.path()).unwrap();
    let out = site.path().join("public");
    let expected = [
        "index.html",
        "404.html",
        "topics/index.html",
        "topics/advisory-mission.html",
        "topics/militia-attacks.html",
        "topics/pmf.html",
        "topics/gaza-spillover.html",
        "briefs/index.html",
        "briefs/analyst-note-withdrawal-dates.html",
        "briefs/baghdad-washington-agree-gradual-withdrawal.html",
        "sources/index.html",
        "sources/000_ac499432f2e612ce.html",
        "sources/004_919dc5539e8e69e9.html",
        "assets/style.css",
        "assets/highlight.css",
        "entities/index.html",
        "figures.html",
        "timeline.html",
        "analysis.json",
    ];
    for p in expected {
        assert!(out.join(p).is_file(), "missing {p}");
    }
    // 5 lists/404 + entities, figures, timeline + 4 topics + 6 briefs + 5 sources,
    // and analysis.json (hand-written briefs name no entities: no entity pages).
    // + search page; + feed.xml, 4 topic feeds, sitemap.xml, .nojekyll,
    // robots.txt; + timeline/dates.html (the hand-written briefs state no
    // figure and date no event: no figure or event pages); + the search
    // files (manifest, term shards, summary chunks); + the stories list and
    // the two stories the hand-written briefs report (the agreement, and the
    // analyst's note with the undated brief on it); + the outlets page.
    let search_files = std::fs::read_dir(out.join("assets/search"))
        .unwrap()
        .count();
    assert!(search_files > 10, "{search_files} search files");
    assert_eq!(report.pages, 38 + search_files);
    let html_files = snapshot(&out)
        .keys()
        .filter(|k| k.ends_with(".html"))
        .count();
    assert_eq!(html_files, 29);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("analysis.json")).unwrap()).unwrap();
    assert_eq!(json["briefs"].as_array().unwrap().len(), 6);
}

/// Every href/src in every page is relative, points at an existing file (not
/// a folder) inside the site, and every #fragment exists on its target page.
#[test]
fn links_are_relative_files_and_anchors_exist() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let checked = assert_links_resolve(&site.path().join("public"));
    assert!(checked > 300, "only {checked} links checked");
}

#[test]
fn front_page_shows_topics_and_newest_briefs() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let doc = html(&site.path().join("public/index.html"));
    let h1 = text(&select(&doc, "h1")[0]);
    assert_eq!(h1, "Iraq and the US-led coalition, 2024");
    let cards = select(&doc, ".topic-card");
    assert_eq!(cards.len(), 4);
    // Topics in `order`: advisory mission first, tagged by all six briefs.
    let first = text(&cards[0]);
    assert!(
        first.starts_with("Coalition drawdown and advisory mission"),
        "{first}"
    );
    assert!(first.contains("6 sources"), "{first}");
    assert!(first.contains("newest 12 September 2024"), "{first}");
    // Newest brief first; undated ones last.
    let titles: Vec<String> = select(&doc, ".brief-list .brief-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(titles.len(), 6);
    assert!(titles[0].starts_with("Analyst note"), "{titles:?}");
    assert_eq!(
        titles[1],
        "Baghdad, Washington Agree on Gradual Withdrawal of US-Led Coalition Forces from Iraq"
    );
    assert!(
        titles[5].starts_with("US-Led Coalition to Withdraw"),
        "{titles:?}"
    );
    for section in [
        "topics/index.html",
        "briefs/index.html",
        "sources/index.html",
    ] {
        assert!(
            !select(&doc, &format!("a[href=\"{section}\"]")).is_empty(),
            "no link to {section}"
        );
    }
}

#[test]
fn topic_page_lists_briefs_newest_first_with_justifying_passage() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let doc = html(&site.path().join("public/topics/militia-attacks.html"));
    let entries = select(&doc, ".entry");
    assert_eq!(entries.len(), 2);
    let first = text(&entries[0]);
    assert!(first.starts_with("Baghdad, Washington Agree"), "{first}");
    // The passage is a real sentence of the brief, with the matched phrases marked.
    let passage = select(&doc, ".entry .passage");
    assert_eq!(passage.len(), 2);
    let p = text(&passage[0]);
    assert!(p.contains("attacks on US bases"), "{p}");
    let marks: Vec<String> = select(&doc, ".entry .passage mark")
        .iter()
        .map(text)
        .collect();
    assert!(marks.iter().any(|m| m == "attacks"), "{marks:?}");
    // Co-occurring topics link to the other topic pages.
    let co: Vec<String> = select(&doc, ".co-topics a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        co.contains(&"../topics/advisory-mission.html".to_string()),
        "{co:?}"
    );
    assert!(
        co.contains(&"../topics/gaza-spillover.html".to_string()),
        "{co:?}"
    );
}

#[test]
fn brief_page_has_metadata_body_source_and_related() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let doc = html(
        &site
            .path()
            .join("public/briefs/sources-reveal-details-of-agreement.html"),
    );
    let facts: Vec<String> = select(&doc, ".facts dt, .facts dd")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        facts[0..4],
        [
            "Outlet",
            "not stated in the source",
            "Published",
            "8 September 2024"
        ]
    );
    let source_link = select(&doc, ".facts a[href^=\"../sources/\"]");
    assert_eq!(
        source_link[0].value().attr("href"),
        Some("../sources/001_ba03ed52a382fcbb.html")
    );
    assert!(text(&select(&doc, ".prose")[0]).contains("900 in neighboring Syria"));
    let related = select(&doc, ".related li");
    assert!(!related.is_empty() && related.len() <= 5);
    assert!(text(&related[0]).contains("both about Coalition drawdown and advisory mission"));
}

#[test]
fn source_page_has_an_anchor_per_line_and_escapes_text() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let raw = read(&site.path().join("content/sources/000_ac499432f2e612ce.txt"));
    let doc = html(&site.path().join("public/sources/000_ac499432f2e612ce.html"));
    let lines = select(&doc, ".source-text .line");
    assert_eq!(lines.len(), raw.lines().count());
    assert_eq!(lines[11].value().attr("id"), Some("L12"));
    let l1 = select(&doc, "#L1 .lc");
    assert_eq!(text(&l1[0]), raw.lines().next().unwrap());
    // The brief made from it is linked.
    let back = select(&doc, ".source-header a[href^=\"../briefs/\"]");
    assert_eq!(
        back[0].value().attr("href"),
        Some("../briefs/baghdad-washington-agree-gradual-withdrawal.html")
    );
    let meta = text(&select(&doc, ".source-header .meta")[0]);
    assert!(meta.contains("exactly as delivered"), "{meta}");
}

#[test]
fn source_page_says_how_a_saved_page_or_markup_was_read() {
    let site = fixture_site();
    let sources = site.path().join("content/sources");
    std::fs::write(
        sources.join("saved-report.html"),
        "<html><head><title>Talks resume in Baghdad</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><h1>Talks resume in Baghdad</h1>\
         <p>Negotiators met on Tuesday to discuss the drawdown of foreign forces \
         from three bases, officials said.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        sources.join("clipped-report.md"),
        "# Talks resume in Basra\n\nNegotiators met on *Wednesday*, [officials said](https://example.org/x).\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    let meta = |page: &str| {
        let doc = html(&site.path().join("public/sources").join(page));
        text(&select(&doc, ".source-header .meta")[0])
    };
    let page = meta("saved-report.html");
    assert!(
        page.contains("The text the saved page saved-report.html shows"),
        "{page}"
    );
    assert!(!page.contains("exactly as delivered"), "{page}");
    let markdown = meta("clipped-report.html");
    assert!(
        markdown.contains("as it reads, its markup left out"),
        "{markdown}"
    );
    assert!(!markdown.contains("exactly as delivered"), "{markdown}");
}

#[test]
fn sources_index_is_a_table_of_date_outlet_title_topics() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let doc = html(&site.path().join("public/sources/index.html"));
    let rows = select(&doc, "table.sources tbody tr");
    assert_eq!(rows.len(), 5);
    let first = text(&rows[0]);
    assert!(first.starts_with("2024-09-10"), "{first}");
    assert!(
        first.contains("advisory mission, Militia attacks"),
        "{first}"
    );
    let last = text(&rows[4]);
    assert!(last.contains("undated"), "{last}");
}

#[test]
fn markdown_features_and_content_links() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let page = read(
        &site
            .path()
            .join("public/briefs/analyst-note-withdrawal-dates.html"),
    );
    let doc = scraper::Html::parse_document(&page);
    assert_eq!(select(&doc, ".prose table tbody tr").len(), 2);
    assert_eq!(select(&doc, ".prose del").len(), 1);
    assert_eq!(select(&doc, ".prose .footnote-definition").len(), 1);
    assert!(!select(&doc, ".prose pre code.language-json span[class^=\"hl-\"]").is_empty());
    let hrefs: Vec<&str> = select(&doc, ".prose a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"../briefs/coalition-to-withdraw-in-two-phases.html"),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../sources/001_ba03ed52a382fcbb.html#L2"),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"../topics/pmf.html"), "{hrefs:?}");
}

#[test]
fn hostile_content_is_inert_everywhere() {
    let site = fixture_site();
    build(site.path()).unwrap();
    for (rel, bytes) in snapshot(&site.path().join("public")) {
        if !rel.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        assert_only_theme_scripts(&rel, &doc);
        for el in select(&doc, "*") {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{rel}: event handler {name}");
                assert!(
                    !value.trim_start().to_lowercase().starts_with("javascript:"),
                    "{rel}: {value}"
                );
            }
        }
        assert!(
            select(&doc, "b").iter().all(|b| !text(b).contains("notes")),
            "{rel}: outlet markup rendered"
        );
    }
    let doc = html(
        &site
            .path()
            .join("public/briefs/analyst-note-withdrawal-dates.html"),
    );
    assert_eq!(
        text(&select(&doc, "h1")[0]),
        "Analyst note: the <withdrawal> dates & who gives them"
    );
    assert!(text(&select(&doc, "title")[0]).starts_with("Analyst note: the <withdrawal>"));
}

#[test]
fn output_is_byte_identical_between_builds() {
    let a = fixture_site();
    let b = fixture_site();
    build(a.path()).unwrap();
    build(b.path()).unwrap();
    build(b.path()).unwrap();
    let sa = snapshot(&a.path().join("public"));
    let sb = snapshot(&b.path().join("public"));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs");
    }
}

#[test]
fn site_templates_override_theme_templates() {
    let site = fixture_site();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Lost in {{ site.title }}</h1>{% endblock content %}",
    )
    .unwrap();
    build(site.path()).unwrap();
    let doc = html(&site.path().join("public/404.html"));
    assert_eq!(
        text(&select(&doc, "h1")[0]),
        "Lost in Iraq and the US-led coalition, 2024"
    );
}

#[test]
fn feeds_sitemap_and_search_index() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let out = site.path().join("public");
    // Valid Atom with absolute URLs, newest first, dated by the newest brief.
    let feed = read(&out.join("feed.xml"));
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(atom));
    let child = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.children()
            .find(|c| c.has_tag_name((atom, name)))
            .map(|c| c.text().unwrap_or("").to_string())
    };
    assert_eq!(
        child(root, "updated").as_deref(),
        Some("2024-09-12T00:00:00Z")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name((atom, "entry")))
        .collect();
    assert_eq!(entries.len(), 6);
    assert_eq!(
        child(entries[0], "title").as_deref(),
        Some("Analyst note: the <withdrawal> dates & who gives them")
    );
    assert!(
        child(entries[0], "id")
            .unwrap()
            .starts_with("https://dossier.github.io/dossier/briefs/")
    );
    for e in &entries {
        assert!(child(*e, "updated").is_some() && child(*e, "id").is_some());
    }
    roxmltree::Document::parse(&read(&out.join("topics/pmf.xml"))).unwrap();
    let sitemap = read(&out.join("sitemap.xml"));
    let sm = roxmltree::Document::parse(&sitemap).unwrap();
    let locs = sm.descendants().filter(|n| n.has_tag_name("loc")).count();
    assert_eq!(locs, 28, "every page but 404");
    assert!(out.join(".nojekyll").is_file());
    // The search index: a manifest, term shards and chunks of summaries,
    // each a script (a script tag loads it, also from file://).
    let manifest = read(&out.join("assets/search/index.js"));
    let json = manifest
        .strip_prefix("window.DOSSIER_SEARCH_INDEX=")
        .and_then(|j| j.trim_end().strip_suffix(';'))
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(manifest["counts"]["b"], 6);
    assert_eq!(manifest["counts"]["t"], 4);
    assert_eq!(manifest["counts"]["s"], 5, "raw sources are searched too");
    assert_eq!(
        manifest["counts"]["e"], 0,
        "fixture briefs name no entities"
    );
    let chunk = read(&out.join("assets/search/b-0.js"));
    assert!(chunk.contains("Analyst note: the <withdrawal> dates & who gives them"));
    // Full text: a word of a brief's body, not of its title or lead.
    let shards = manifest["shards"].as_array().unwrap();
    assert!(shards.iter().any(|k| k == "wi" || k == "wit"), "{shards:?}");
    for key in shards {
        let key = key.as_str().unwrap();
        let file = dossier::render::search::shard_file(key);
        let shard = read(&out.join(&file));
        assert!(shard.starts_with("dossierSearch.shard("), "{file}");
        assert!(shard.len() < 2 * 1024 * 1024, "{file}");
    }
    // Every page has the search box pointing at the search page.
    let page = html(&out.join("briefs/analyst-note-withdrawal-dates.html"));
    assert_eq!(
        select(&page, "form[role=search]")[0].value().attr("action"),
        Some("../search.html")
    );
}

#[test]
fn base_url_override_and_cname() {
    let site = fixture_site();
    let cfg = read(&site.path().join("site.toml"));
    std::fs::write(
        site.path().join("site.toml"),
        format!("{cfg}cname = \"briefing.example.org\"\n"),
    )
    .unwrap();
    let opts = dossier::build::BuildOptions {
        base_url: Some("https://example.org/b/".into()),
        ..dossier::build::BuildOptions::new(site.path())
    };
    dossier::build::build(&opts).unwrap();
    let out = site.path().join("public");
    assert_eq!(read(&out.join("CNAME")), "briefing.example.org\n");
    let page = html(&out.join("topics/pmf.html"));
    assert_eq!(
        select(&page, "link[rel=canonical]")[0].value().attr("href"),
        Some("https://example.org/b/topics/pmf.html")
    );
    let bad = dossier::build::BuildOptions {
        base_url: Some("/b/".into()),
        ..dossier::build::BuildOptions::new(site.path())
    };
    assert!(dossier::build::build(&bad).is_err());
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let site = fixture_site();
    build(site.path()).unwrap();
    let out = site.path().join("public");
    let mtime = |p: &str| std::fs::metadata(out.join(p)).unwrap().modified().unwrap();
    let (source_page, brief_page, css) = (
        "sources/000_ac499432f2e612ce.html",
        "briefs/iraq-plans-to-reduce-us-led-forces.html",
        "assets/style.css",
    );
    let before = (mtime(source_page), mtime(brief_page), mtime(css));
    build(site.path()).unwrap();
    assert_eq!(
        before,
        (mtime(source_page), mtime(brief_page), mtime(css)),
        "a rebuild with nothing changed rewrote files"
    );
    let brief = site
        .path()
        .join("content/briefs/iraq-plans-to-reduce-us-led-forces.md");
    std::fs::write(
        &brief,
        read(&brief).replace("three main bases", "four main bases"),
    )
    .unwrap();
    build(site.path()).unwrap();
    assert_eq!(
        mtime(source_page),
        before.0,
        "an untouched page was rewritten"
    );
    assert_ne!(
        mtime(brief_page),
        before.1,
        "the edited brief's page was not rewritten"
    );
    assert!(read(&out.join(brief_page)).contains("four main bases"));
}

#[test]
fn feeds_and_sitemap_come_from_templates_a_site_can_override() {
    let site = fixture_site();
    let root = site.path();
    // A theme copied before the feed templates existed still gets feeds.
    std::fs::remove_file(root.join("themes/default/templates/atom.xml")).unwrap();
    std::fs::remove_file(root.join("themes/default/templates/sitemap.xml")).unwrap();
    build(root).unwrap();
    let feed = read(&root.join("public/feed.xml"));
    assert!(roxmltree::Document::parse(&feed).is_ok(), "{feed}");
    assert!(read(&root.join("public/sitemap.xml")).contains("<loc>https://"));
    // The site's own template replaces the theme's, for every feed.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/atom.xml"),
        "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{{ feed.title }}</title>{% for e in feed.entries %}<entry><title>{{ e.title }}</title><rights>CC BY</rights></entry>{% endfor %}</feed>\n",
    )
    .unwrap();
    build(root).unwrap();
    let feed = read(&root.join("public/feed.xml"));
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let rights = doc
        .descendants()
        .filter(|n| n.has_tag_name("rights"))
        .count();
    assert!(rights > 0, "{feed}");
    // Titles are escaped for XML ("<withdrawal> dates & who").
    assert!(
        feed.contains("&lt;withdrawal&gt; dates &amp; who"),
        "{feed}"
    );
    assert!(read(&root.join("public/topics/pmf.xml")).contains("<rights>CC BY</rights>"));
    // A broken feed template fails the build at its file, the site standing.
    std::fs::write(
        root.join("templates/atom.xml"),
        "{% for e in feed.entries %}",
    )
    .unwrap();
    let err = build(root).unwrap_err().to_string();
    assert!(err.contains("templates/atom.xml"), "{err}");
    assert_eq!(read(&root.join("public/feed.xml")), feed);
    // The pages rendered before the feeds failed went nowhere.
    assert!(
        build_leftovers(root).is_empty(),
        "{:?}",
        build_leftovers(root)
    );
}
