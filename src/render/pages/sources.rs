//! The raw sources: their list and a page per source with numbered lines.

use super::*;

/// Every source, newest brief first.
pub(super) fn sources<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let rows: Vec<SourceRow> = input
        .sources
        .iter()
        .zip(&a.sources)
        .map(|(s, sa)| SourceRow {
            file: s.rel_path.clone(),
            url: links::source(&s.slug),
            brief: sa.briefs.first().map(|&b| shared.cards[b].clone()),
        })
        .collect();
    let mut rows = rows;
    // Newest first, like every other list; sources without a dated brief last.
    rows.sort_by(|x, y| {
        let dx = x
            .brief
            .as_ref()
            .and_then(|b| b.published.as_ref().map(|d| d.iso.clone()));
        let dy = y
            .brief
            .as_ref()
            .and_then(|b| b.published.as_ref().map(|d| d.iso.clone()));
        dy.cmp(&dx).then_with(|| x.file.cmp(&y.file))
    });
    ctx.insert("rows", rows);
    PageSpec {
        template: "sources.html",
        meta: PageMeta {
            kind: "sources",
            title: "Sources".to_string(),
            path: links::SOURCES.to_string(),
            description: format!("The raw articles behind {}", shared.site.title),
        },
        body: None,
    }
}

/// The page of source `s`: its numbered lines and what cites it.
pub(super) fn source<'a>(cx: &Cx<'a>, s: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let source = &input.sources[s];
    let view = SourceView {
        file: source.rel_path.clone(),
        url: links::source(&source.slug),
        lines: source.lines().map(str::to_string).collect(),
    };
    let citing: Vec<&Arc<BriefCard>> = a.sources[s]
        .briefs
        .iter()
        .map(|&b| &shared.cards[b])
        .collect();
    let topic_links: Vec<&TopicLink> = a.sources[s]
        .topics
        .iter()
        .map(|&t| &shared.site.topics[t])
        .collect();
    // Links, not cards: a card's counts change with every brief added.
    let entity_links: Vec<EntityLink> = a.sources[s]
        .entities
        .iter()
        .map(|&e| EntityLink::from(&shared.entity_cards[e]))
        .collect();
    ctx.insert("topics", topic_links);
    ctx.insert("entities", entity_links);
    ctx.insert("source", view);
    let title = citing.first().map_or_else(
        || source.rel_path.clone(),
        |b| format!("Source: {}", b.title),
    );
    ctx.insert("briefs", citing);
    PageSpec {
        template: "source.html",
        meta: PageMeta {
            kind: "source",
            title,
            path: links::source(&source.slug),
            description: format!("Raw text of {}", source.rel_path),
        },
        body: None,
    }
}
