//! docs/reference.md names everything a site author can set or use: every
//! `site.toml` key, every brief front-matter field, every variable a page
//! template gets and every field of the views they hold. Read from the code,
//! so a new key, field or variable without its line in the reference fails.

use std::path::Path;

use regex::Regex;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap()
}

/// The `pub` (or private) field names of `struct name` in `source`.
fn fields_of(source: &str, name: &str) -> Vec<String> {
    let start = source
        .find(&format!("struct {name} {{"))
        .unwrap_or_else(|| panic!("struct {name} not found"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").unwrap()];
    let field = Regex::new(r"(?m)^\s+(?:pub(?:\([a-z]+\))? )?([a-z_]+):").unwrap();
    field
        .captures_iter(body)
        .map(|c| c[1].to_string())
        .collect()
}

fn missing(doc: &str, names: impl IntoIterator<Item = String>) -> Vec<String> {
    names
        .into_iter()
        .filter(|n| !doc.contains(&format!("`{n}`")))
        .collect()
}

#[test]
fn every_site_toml_key_and_brief_field_is_in_the_reference() {
    let doc = read("docs/reference.md");
    let config = read("src/config.rs");
    let keys = fields_of(&config, "SiteConfig")
        .into_iter()
        .chain(fields_of(&config, "IngestSettings"));
    assert_eq!(missing(&doc, keys), Vec::<String>::new());
    let brief = read("src/brief.rs");
    assert_eq!(
        missing(&doc, fields_of(&brief, "BriefFront")),
        Vec::<String>::new()
    );
}

#[test]
fn every_template_variable_and_view_field_is_in_the_reference() {
    let doc = read("docs/reference.md");
    let insert = Regex::new(r#"\.insert(?:_keyed|_tera|_covered)?\(\s*"([a-z_]+)""#).unwrap();
    let mut variables = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("src/render")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            variables.extend(insert.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    assert!(variables.len() > 40, "{variables:?}");
    assert_eq!(missing(&doc, variables), Vec::<String>::new());

    let view = Regex::new(r"(?m)^pub struct ([A-Za-z]+) \{").unwrap();
    for file in ["src/render/views.rs", "src/render/paging.rs"] {
        let source = read(file);
        for c in view.captures_iter(&source) {
            let name = &c[1];
            if matches!(name, "Archive" | "Chronology") {
                continue; // paging's own bookkeeping, not given to templates
            }
            let heading = format!("### `{name}`");
            let section = doc
                .split_once(&heading)
                .unwrap_or_else(|| panic!("{file}: {name} has no section in docs/reference.md"))
                .1;
            let section = section.split("\n### ").next().unwrap();
            assert_eq!(
                missing(section, fields_of(&source, name)),
                Vec::<String>::new(),
                "fields of {name} missing from its section"
            );
        }
    }
}
