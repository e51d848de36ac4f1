//! The shipped highlight stylesheet styles the classes syntect really emits.

use std::collections::BTreeSet;

/// Scope classes produced when highlighting realistic snippets.
fn emitted_classes() -> BTreeSet<String> {
    let samples = [
        (
            "json",
            "{\"troops\": 2500, \"where\": \"Iraq\", \"ok\": true}\n",
        ),
        ("yaml", "# note\ntitle: \"Deal\"\ncount: 900\n"),
        ("rust", "// why\nfn main() { let x = \"s\"; }\n"),
        ("python", "def f(x):\n    return 'a' + str(1)  # c\n"),
    ];
    let mut out = BTreeSet::new();
    for (lang, code) in samples {
        let html = dossier::render::highlight::highlight(code, lang).unwrap();
        for part in html.split("class=\"").skip(1) {
            for class in part.split('"').next().unwrap().split_whitespace() {
                out.insert(class.to_string());
            }
        }
    }
    out
}

#[test]
fn highlight_css_covers_the_emitted_token_kinds() {
    let css = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/assets/highlight.css"
    ))
    .unwrap();
    let emitted = emitted_classes();
    for kind in [
        "hl-comment",
        "hl-string",
        "hl-constant",
        "hl-keyword",
        "hl-storage",
        "hl-entity",
    ] {
        assert!(
            emitted.contains(kind),
            "syntect no longer emits {kind}: {emitted:?}"
        );
        assert!(
            css.contains(&format!(".{kind}")),
            "highlight.css does not style {kind}"
        );
    }
    assert!(css.contains("prefers-color-scheme: dark"));
    assert!(!css.contains("url("), "no external resources");
}
