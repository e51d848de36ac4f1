//! The front page and the list of topics.

use super::*;

/// The front page: topics and the newest briefs.
pub(super) fn index<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let newest = &a.newest_first[..a.newest_first.len().min(FRONT_PAGE_BRIEFS)];
    let key = shared.cards_key(newest.iter().copied());
    ctx.insert("topics", &shared.topic_cards);
    ctx.insert_tera("newest", || shared.card_list(newest), key);
    ctx.insert("brief_count", input.briefs.len());
    ctx.insert("source_count", input.sources.len());
    ctx.insert("new", super::stories::what_is_new(input, shared));
    PageSpec {
        template: "index.html",
        meta: PageMeta {
            kind: "index",
            title: shared.site.title.clone(),
            path: links::INDEX.to_string(),
            description: shared.site.description.clone(),
        },
        body: None,
    }
}

/// The list of topics.
pub(super) fn topics<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    ctx.insert("topics", &shared.topic_cards);
    PageSpec {
        template: "topics.html",
        meta: PageMeta {
            kind: "topics",
            title: "Topics".to_string(),
            path: links::TOPICS.to_string(),
            description: format!("The topics of {}", shared.site.title),
        },
        body: None,
    }
}
