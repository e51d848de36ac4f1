//! Pages without content of their own: search and the 404 page.

use super::*;

/// The search page (the index is a separate file).
pub(super) fn search<'a>(cx: &Cx<'a>, _ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    PageSpec {
        template: "search.html",
        meta: PageMeta {
            kind: "search",
            title: "Search".to_string(),
            path: links::SEARCH.to_string(),
            description: format!("Search {}", shared.site.title),
        },
        body: None,
    }
}

/// The page served for a missing path.
pub(super) fn not_found<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let base_path = cx
        .shared
        .site
        .base_url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_default();
    // What the 404 page's script needs to find the site root from any
    // address a host serves it at (`/repo/briefs/old-name.html`): the path
    // of base_url (tried first) and the site's folders. JSON with `<`
    // escaped, so no value can close the script element.
    let config = serde_json::json!({ "base": base_path, "folders": links::FOLDERS })
        .to_string()
        .replace('<', "\\u003c");
    ctx.insert("not_found_config", config);
    PageSpec {
        template: "404.html",
        meta: PageMeta {
            kind: "404",
            title: "Page not found".to_string(),
            path: links::NOT_FOUND.to_string(),
            description: String::new(),
        },
        body: None,
    }
}
