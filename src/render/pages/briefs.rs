//! The list of every brief, newest first, older ones on archive pages.

use super::*;

/// Part `part` of the list of every brief.
pub(super) fn briefs<'a>(cx: &Cx<'a>, part: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    let all = &cx.input.analysis.newest_first;
    let chron = &cx.lists.briefs;
    let shown: Vec<usize> = chron.items(part).iter().map(|&i| all[i]).collect();
    let pager = chron
        .pager(links::BRIEFS, part)
        .spanning(shown.iter().map(|&b| cx.input.briefs[b].published));
    let key = shared.cards_key(shown.iter().copied());
    ctx.insert_tera("briefs", move || shared.card_list(&shown), key);
    if part == 0 {
        ctx.insert("brief_count", all.len());
    }
    let title = format!("All briefs{}", pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "briefs.html",
        meta: PageMeta {
            kind: "briefs",
            title,
            path: chron.path(links::BRIEFS, part),
            description: format!("Every brief of {}, newest first", shared.site.title),
        },
        body: None,
    }
}
