//! The list of every brief, newest first.

use super::*;

/// Every brief, newest first.
pub(super) fn briefs<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let key = shared.cards_key(a.newest_first.iter().copied());
    ctx.insert_tera("briefs", || shared.card_list(&a.newest_first), key);
    PageSpec {
        template: "briefs.html",
        meta: PageMeta {
            kind: "briefs",
            title: "All briefs".to_string(),
            path: links::BRIEFS.to_string(),
            description: format!("Every brief of {}, newest first", shared.site.title),
        },
        body: None,
    }
}
