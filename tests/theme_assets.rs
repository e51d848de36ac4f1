//! The shipped highlight stylesheet matches the classes syntect emits.

#[test]
fn shipped_highlight_css_matches_syntect_classes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/assets/highlight.css"
    );
    let want = dossier::render::highlight::theme_css();
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "{path} is stale: run `DOSSIER_BLESS=1 cargo test --test theme_assets`"
    );
    assert!(want.contains(".hl-keyword") && want.contains("prefers-color-scheme: dark"));
}
