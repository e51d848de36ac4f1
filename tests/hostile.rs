//! Hostile and odd input: XSS payloads in every field that reaches the site,
//! paths that try to leave their folder, odd text, builds killed midway,
//! listing order. Every output is checked with real parsers (html5ever for
//! HTML, roxmltree for XML, serde_json for JSON).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// Payloads from the usual XSS cheat sheets, plus template and JS-string
/// breakers. Each carries no quotes that YAML would choke on when put in a
/// single-quoted scalar (those are doubled where used).
const PAYLOADS: &[&str] = &[
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert('x2')>",
    "<svg onload=alert('x3')>",
    "<a href=\"javascript:alert('x4')\">x4</a>",
    "[x5](javascript:alert('x5'))",
    "[x6](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x7]( JaVaScRiPt:alert('x7'))",
    "<iframe src=\"javascript:alert('x8')\"></iframe>",
    "\"><script>alert('x9')</script>",
    "'><img src=x onerror=alert('x10')>",
    "<!-- x11 comment --><![CDATA[<script>alert('x11')</script>]]>",
    "</script><script>alert('x12')</script>",
    "]]><script>alert('x13')</script>",
    "<style>body{background:url(javascript:alert('x14'))}</style>",
    "<math><mi xlink:href=\"javascript:alert('x15')\">x15</mi></math>",
    "<form action=javascript:alert('x16')><input type=submit></form>",
    "<object data=\"data:text/html,<script>alert('x17')</script>\"></object>",
    "{{ 7*7 }} {% if true %}x18{% endif %}",
    "\u{2028}\u{2029}</textarea><script>alert('x19')</script>",
    "<a href=\"&#106;avascript:alert('x20')\">x20</a>",
    "<details open ontoggle=alert('x21')>",
    "<base href=\"javascript:/x22/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('x23')\">",
];

fn all_payloads() -> String {
    PAYLOADS.join(" ")
}

fn yaml_single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A site whose every text field carries the payloads.
fn hostile_site() -> tempfile::TempDir {
    let site = fixture_site();
    let root = site.path();
    let p = all_payloads();
    let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
    let config = read(&root.join("site.toml"));
    let config = config
        .lines()
        .map(|l| {
            if l.starts_with("title") {
                format!("title = {}", toml_str(&format!("Briefing {p}")))
            } else if l.starts_with("description") {
                format!("description = {}", toml_str(&p))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(root.join("site.toml"), config).unwrap();
    // A hand-written brief: title, outlet, body, key point-like list.
    let body = PAYLOADS
        .iter()
        .map(|x| format!("Paragraph with {x} inside.\n"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(
        root.join("content/briefs/hostile-brief.md"),
        format!(
            "---\ntitle: {}\noutlet: {}\npublished: 2024-09-30\ntopics: [advisory-mission]\n---\n\nThe coalition withdrawal is discussed. {body}\n",
            yaml_single(&format!("Hostile {p}")),
            yaml_single(&p),
        ),
    )
    .unwrap();
    // A topic whose title and summary are hostile.
    std::fs::write(
        root.join("content/topics/hostile-topic.md"),
        format!(
            "---\ntitle: {}\nrules:\n  phrases: [\"withdrawal\"]\n---\n\n{p}\n",
            yaml_single(&format!("Topic {p}"))
        ),
    )
    .unwrap();
    // Raw sources, as text and as a saved page, for ingest.
    std::fs::write(
        root.join("content/sources/hostile-source.txt"),
        format!(
            "Hostile Headline {}\n\nBy Staff\n\nThe US-led coalition withdrawal from Iraq was agreed, officials said. {body}\n",
            PAYLOADS[0]
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("content/sources/hostile-page.html"),
        format!(
            "<html><head><title>Page {x}</title><meta property=\"og:site_name\" content=\"{q}\"></head><body><article><h1>Coalition withdrawal {x}</h1><p>The US-led coalition withdrawal was agreed, officials said.</p>{raw}<p>{esc}</p></article></body></html>",
            x = "&lt;script&gt;alert('h1')&lt;/script&gt;",
            q = "&quot;&gt;&lt;script&gt;alert('h2')&lt;/script&gt;",
            raw = PAYLOADS.join("\n"),
            esc = PAYLOADS
                .iter()
                .map(|s| s.replace('&', "&amp;").replace('<', "&lt;"))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    )
    .unwrap();
    site
}

/// A URL-bearing attribute value that would run code or load a document.
fn dangerous_url(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    v.starts_with("javascript:") || v.starts_with("data:") || v.starts_with("vbscript:")
}

fn check_html(rel: &str, text: &str) {
    let doc = scraper::Html::parse_document(text);
    assert_only_theme_scripts(rel, &doc);
    for tag in [
        "iframe", "object", "embed", "style", "base", "svg", "math", "textarea",
    ] {
        assert!(select(&doc, tag).is_empty(), "{rel}: <{tag}> from content");
    }
    // The only form is the theme's search box.
    for form in select(&doc, "form") {
        let action = form.value().attr("action").unwrap_or("");
        assert!(action.ends_with("search.html"), "{rel}: form to {action:?}");
    }
    assert!(
        select(&doc, "meta[http-equiv]").is_empty(),
        "{rel}: meta refresh from content"
    );
    for el in select(&doc, "*") {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "{rel}: event handler {name}={value}"
            );
            if [
                "href",
                "src",
                "action",
                "formaction",
                "data",
                "xlink:href",
                "content",
            ]
            .contains(&name)
            {
                assert!(!dangerous_url(value), "{rel}: {name}={value:?}");
            }
        }
    }
    // No comment from content survives, and templates in content are text.
    assert!(
        !text.contains("x11 comment -->"),
        "{rel}: content comment kept"
    );
    assert!(!text.contains("x1849"), "{rel}");
    if text.contains("7*7") {
        assert!(
            !text.contains("49 {%"),
            "{rel}: content evaluated as a template"
        );
    }
}

fn text_of(el: &scraper::ElementRef<'_>) -> String {
    el.text().collect::<String>().trim().to_string()
}

#[test]
fn a_catalogue_of_xss_payloads_is_inert_in_every_output() {
    let site = hostile_site();
    let report = build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report
            .briefs_written
            .iter()
            .any(|b| b.contains("hostile") || b.contains("coalition")),
        "{:?}",
        report.briefs_written
    );
    let out = site.path().join("public");
    let files = snapshot(&out);
    let mut kinds = std::collections::BTreeSet::new();
    for (rel, bytes) in &files {
        let text = std::str::from_utf8(bytes).unwrap_or("");
        if rel.ends_with(".html") {
            kinds.insert("html");
            check_html(rel, text);
        } else if rel.ends_with(".xml") {
            kinds.insert("xml");
            let doc = roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{rel} is not well-formed XML: {e}"));
            for node in doc.descendants() {
                assert_ne!(node.tag_name().name(), "script", "{rel}");
                for attr in node.attributes() {
                    assert!(!dangerous_url(attr.value()), "{rel}: {attr:?}");
                }
                // Atom text constructs are plain text, never HTML a reader would render.
                if ["title", "summary", "content", "subtitle"].contains(&node.tag_name().name()) {
                    assert!(
                        matches!(node.attribute("type"), None | Some("text")),
                        "{rel}: {:?}",
                        node
                    );
                }
            }
        } else if rel.ends_with(".json") {
            kinds.insert("json");
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{rel} is not valid JSON: {e}"));
        } else if rel.starts_with("assets/search/b-") {
            // A chunk of brief summaries: a call with a string key and JSON.
            kinds.insert("search");
            let json = text
                .split_once(',')
                .and_then(|(_, j)| j.trim_end().strip_suffix(");"))
                .unwrap_or_else(|| panic!("unexpected shape of {rel}"));
            let docs: serde_json::Value = serde_json::from_str(json).unwrap();
            assert!(
                docs.to_string().contains("alert"),
                "payloads are indexed as text"
            );
            // A JS string literal must not be broken by line separators.
            assert!(!json.contains('\u{2028}') && !json.contains('\u{2029}'));
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["html", "json", "search", "xml"]
    );
    // The payloads are there, as text: the brief's title reads as written.
    let doc = html(&out.join("briefs/hostile-brief.html"));
    assert!(text_of(&select(&doc, "h1")[0]).contains("<script>alert('x1')</script>"));
    assert!(read(&out.join("index.html")).contains("&lt;script&gt;"));
}

#[test]
fn paths_that_leave_their_folder_are_rejected() {
    let site = fixture_site();
    let root = site.path();
    let brief = |name: &str, source: &str| {
        std::fs::write(
            root.join("content/briefs").join(name),
            format!("---\ntitle: Path test\nsource: {source}\n---\n\nText.\n"),
        )
        .unwrap();
    };
    brief("climb.md", "'../../../etc/passwd'");
    brief("absolute.md", "/etc/passwd");
    brief("nul.md", "\"a\\0b.txt\"");
    let failed = build(root).unwrap_err().to_string();
    for name in ["climb.md", "absolute.md", "nul.md"] {
        assert!(
            failed.contains(&format!("content/briefs/{name}")),
            "{name} not named in:\n{failed}"
        );
    }
    assert!(!root.join("public").exists(), "a failed build wrote output");
    for name in ["climb.md", "absolute.md", "nul.md"] {
        std::fs::remove_file(root.join("content/briefs").join(name)).unwrap();
    }

    // Two briefs that would publish under one URL: an error naming both.
    for name in ["Same Name.md", "same-name.md"] {
        std::fs::write(
            root.join("content/briefs").join(name),
            "---\ntitle: Twin\n---\n\nText.\n",
        )
        .unwrap();
    }
    let failed = build(root).unwrap_err().to_string();
    assert!(
        failed.contains("Same Name.md") && failed.contains("same-name.md"),
        "{failed}"
    );
    std::fs::remove_file(root.join("content/briefs/Same Name.md")).unwrap();

    // A brief that would overwrite a list page.
    std::fs::write(
        root.join("content/briefs/index.md"),
        "---\ntitle: Not the list\n---\n\nText.\n",
    )
    .unwrap();
    let failed = build(root).unwrap_err().to_string();
    assert!(failed.contains("content/briefs/index.md"), "{failed}");
    std::fs::remove_file(root.join("content/briefs/index.md")).unwrap();

    // Windows device names and very long names become safe file names.
    // 198 bytes: a valid file name here, too long for a URL path segment.
    let long = format!("{}.md", "very-long-name-".repeat(13));
    for name in ["CON.md", "aux.md", "com1.md", long.as_str()] {
        std::fs::write(
            root.join("content/briefs").join(name),
            "---\ntitle: Odd name\n---\n\nText.\n",
        )
        .unwrap();
    }
    build(root).unwrap_or_else(|e| panic!("{e}"));
    let mut names = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.split('.').next().unwrap_or("").to_ascii_lowercase();
        let reserved = ["con", "prn", "aux", "nul"].contains(&stem.as_str())
            || ((stem.starts_with("com") || stem.starts_with("lpt"))
                && stem.len() == 4
                && stem.as_bytes()[3].is_ascii_digit());
        assert!(!reserved, "reserved Windows name {name}");
        assert!(name.len() <= 120, "file name of {} bytes", name.len());
        names.push(name);
    }
    assert!(names.iter().any(|n| n.starts_with("con")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    let site = fixture_site();
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(
        &secret,
        "TOPSECRET-7731 The coalition withdrawal plan, officials said.\n",
    )
    .unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: TOPSECRET-7731\n---\n\nTOPSECRET-7731\n",
    )
    .unwrap();
    let link = |target: &Path, at: &str| {
        let at = root.join(at);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, at).unwrap();
    };
    link(&secret, "content/sources/linked.txt");
    link(
        &outside.path().join("secret.md"),
        "content/briefs/linked.md",
    );
    link(outside.path(), "content/sources/linked-dir");
    link(&secret, "static/linked.txt");
    link(&secret, "themes/default/static/assets/linked.css");
    build(root).unwrap_or_else(|e| panic!("{e}"));
    for (rel, bytes) in snapshot(&root.join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("TOPSECRET-7731"),
            "{rel} has the content of a file outside the site"
        );
    }
    for entry in walkdir::WalkDir::new(root.join("content/briefs"))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            assert!(!read(entry.path()).contains("TOPSECRET-7731"));
        }
    }
}

/// Odd text: each case is ingested and built in bounded time, with a clear
/// message where something is skipped.
#[test]
fn odd_text_is_handled_in_bounded_time() {
    let site = fixture_site();
    let root = site.path();
    let sources = root.join("content/sources");
    let story = "The US-led coalition will end its mission in Iraq by September 2025, officials said on Monday. Prime Minister Mohammed Shia al-Sudani welcomed the agreement.";
    // BOM + CRLF.
    std::fs::write(
        sources.join("bom-crlf.txt"),
        format!("\u{feff}Coalition Agreement Reached\r\n\r\n{story}\r\nSecond line.\r\n"),
    )
    .unwrap();
    // Mixed scripts: Arabic names beside English, and right-to-left text.
    std::fs::write(
        sources.join("arabic.txt"),
        format!("Sudani Welcomes Deal\n\n{story} Al-Sudani (محمد شياع السوداني) spoke in Baghdad (بغداد).\nالعراق والولايات المتحدة\n"),
    )
    .unwrap();
    // Zero-width characters inside words and a title.
    std::fs::write(
        sources.join("zero-width.txt"),
        format!(
            "Zero\u{200b}Width Coalition\u{200d} Report\n\n{}\n",
            story.replace("coalition", "coal\u{200b}ition")
        ),
    )
    .unwrap();
    // One line of 5 MB.
    let line: String = std::iter::repeat_n(story, 5_000_000 / story.len())
        .collect::<Vec<_>>()
        .join(" ");
    std::fs::write(
        sources.join("one-line.txt"),
        format!("One Long Line\n\n{line}"),
    )
    .unwrap();
    // 50 MB of paragraphs.
    let mut big = String::from("A Very Long Report\n\n");
    while big.len() < 50_000_000 {
        big.push_str(story);
        big.push_str("\n\n");
    }
    std::fs::write(sources.join("fifty-mb.txt"), &big).unwrap();
    drop(big);
    std::fs::write(sources.join("empty.txt"), "").unwrap();
    // One paragraph wrapped over 30,000 lines, a number word and a broken
    // word on each: the lines are joined into one sentence of 1.5 MB.
    let mut wrapped = String::from("Wrapped Report\n\nOfficials said the talks be-\n");
    for _ in 0..30_000 {
        wrapped.push_str("tween the two sides went on for hours as the talks be-\n");
    }
    wrapped.push_str("tween them ended.\n");
    std::fs::write(sources.join("wrapped.txt"), &wrapped).unwrap();

    let started = Instant::now();
    let report = build(root).unwrap_or_else(|e| panic!("{e}"));
    let took = started.elapsed();
    // Generous: a debug build on a slow machine; a hang or quadratic blow-up takes far longer.
    assert!(took < Duration::from_secs(600), "took {took:?}");
    let warned = |name: &str, what: &str| {
        report
            .warnings
            .iter()
            .any(|w| w.file.to_string_lossy().ends_with(name) && w.message.contains(what))
    };
    assert!(warned("empty.txt", "empty"), "{:?}", report.warnings);
    let out = root.join("public");
    let briefs: Vec<dossier::brief::Brief> = dossier::brief::load_briefs(root).0;
    let by_source = |s: &str| {
        briefs
            .iter()
            .find(|b| b.source.as_deref() == Some(s))
            .unwrap_or_else(|| panic!("no brief for {s}"))
    };
    let bom = by_source("bom-crlf.txt");
    assert_eq!(bom.title, "Coalition Agreement Reached");
    assert!(!bom.body.text().contains('\r') && !bom.body.text().contains('\u{feff}'));
    let page = html(&out.join("sources/bom-crlf.html"));
    let line1 = text_of(&select(&page, "#L1")[0]);
    assert!(
        line1.contains("Coalition Agreement Reached") && !line1.contains('\u{feff}'),
        "{line1:?}"
    );
    let arabic = by_source("arabic.txt");
    assert!(arabic.body.text().contains("محمد شياع السوداني"));
    assert!(read(&out.join("sources/arabic.html")).contains("العراق والولايات المتحدة"));
    let zw = by_source("zero-width.txt");
    assert!(dossier::slug::is_slug(&zw.slug));
    assert!(!zw.title.contains('\u{200b}') || zw.title.contains("Coalition"));
    let long = by_source("one-line.txt");
    assert!(long.facts.figures.len() <= 200 && long.facts.dates.len() <= 200);
    let wrapped = by_source("wrapped.txt");
    assert!(
        wrapped
            .body
            .text()
            .contains("hours as the talks between the two sides went on for hours as the talks between them ended."),
        "the wrapped lines are one paragraph, broken words mended"
    );
    let big = by_source("fifty-mb.txt");
    assert!(big.facts.key_points.len() <= 5);
    assert!(out.join("sources/fifty-mb.html").is_file());
}

#[test]
fn files_listed_in_another_order_give_the_same_site() {
    // Directory order follows creation order on most file systems: create
    // the same files forwards in one site and backwards in the other.
    let make = |reverse: bool| {
        let site = tempfile::tempdir().unwrap();
        let base = fixture_site();
        let mut files: Vec<_> = walkdir::WalkDir::new(base.path())
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(base.path()).unwrap().to_path_buf())
            .collect();
        if reverse {
            files.reverse();
        }
        for rel in files {
            let dest = site.path().join(&rel);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(base.path().join(&rel), dest).unwrap();
        }
        build(site.path()).unwrap();
        site
    };
    let (a, b) = (make(false), make(true));
    let (sa, sb) = (
        snapshot(&a.path().join("public")),
        snapshot(&b.path().join("public")),
    );
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs with another listing order");
    }
    // And the briefs ingest wrote are the same too.
    assert_eq!(
        snapshot(&a.path().join("content/briefs")),
        snapshot(&b.path().join("content/briefs"))
    );
}

/// Kill `dossier build` at many points; the output must always be the
/// previous site or the new one, whole, and the next build must finish it.
#[test]
fn a_build_killed_at_any_point_leaves_a_whole_site() {
    let site = fixture_site();
    let root = site.path();
    // Enough pages that a build takes a while.
    for i in 0..400 {
        std::fs::write(
            root.join(format!("content/briefs/filler-{i:04}.md")),
            format!(
                "---\ntitle: Filler brief {i}\npublished: 2024-0{}-1{}\ntopics: [advisory-mission]\n---\n\nThe coalition withdrawal, part {i}. {}\n",
                1 + i % 9,
                i % 10,
                "The advisory mission continues in Erbil and Baghdad. ".repeat(40)
            ),
        )
        .unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_dossier");
    let run = || {
        let s = std::process::Command::new(bin)
            .args(["-q", "build", "--root"])
            .arg(root)
            .status()
            .unwrap();
        assert!(s.success());
    };
    run();
    let out = root.join("public");
    let old = snapshot(&out);
    // Every page changes: the full staging-and-swap path.
    let tpl = root.join("themes/default/templates/base.html");
    let original = read(&tpl);
    std::fs::write(
        &tpl,
        original.replacen("</footer>", "<p>v2</p></footer>", 1),
    )
    .unwrap();
    let started = Instant::now();
    run();
    let full_time = started.elapsed();
    let new = snapshot(&out);
    assert_ne!(old, new);
    std::fs::write(&tpl, &original).unwrap();
    run();
    assert_eq!(old, snapshot(&out));

    let steps = 12;
    for k in 0..steps {
        std::fs::write(
            &tpl,
            original.replacen("</footer>", "<p>v2</p></footer>", 1),
        )
        .unwrap();
        let mut child = std::process::Command::new(bin)
            .args(["-q", "build", "--root"])
            .arg(root)
            .spawn()
            .unwrap();
        std::thread::sleep(full_time * k / steps);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&out);
        assert!(
            now == old || now == new,
            "killed after {:?}: the output is neither the old nor the new site",
            full_time * k / steps
        );
        // Every brief on disk is whole.
        dossier::build::load(root).unwrap_or_else(|e| panic!("{e}"));
        // The next build completes the site, and cleans up after the killed one.
        run();
        assert_eq!(new, snapshot(&out));
        let leftovers: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".public."))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        std::fs::write(&tpl, &original).unwrap();
        run();
        assert_eq!(old, snapshot(&out));
    }
}
