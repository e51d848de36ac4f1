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
pub(super) fn not_found<'a>(_cx: &Cx<'a>, _ctx: &mut PageContext<'a>) -> PageSpec<'a> {
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
