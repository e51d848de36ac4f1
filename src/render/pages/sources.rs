//! The raw sources: their list and a page per source with numbered lines.

use super::*;

/// How the sources in `order` (newest first) go on pages: by the date of
/// the first brief made from each.
pub(crate) fn chronology(input: &RenderInput<'_>, order: &[usize]) -> Chronology {
    let dates: Vec<Option<chrono::NaiveDate>> = order
        .iter()
        .map(|&s| {
            let first = input.analysis.sources[s].briefs.first();
            first.and_then(|&b| input.briefs[b].published)
        })
        .collect();
    Chronology::new(&dates)
}

/// Part `part` of the list of every source (`filter` None) or of the
/// sources of one outlet kind or country, newest brief first.
pub(super) fn sources<'a>(
    cx: &Cx<'a>,
    filter: Option<usize>,
    part: usize,
    ctx: &mut PageContext<'a>,
) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let narrowed = filter.map(|f| &shared.source_filters[f]);
    let (order, first, chron) = match (narrowed, filter) {
        (Some(f), Some(n)) => (&f.order, f.url.as_str(), &cx.lists.source_filters[n]),
        _ => (&shared.source_order, links::SOURCES, &cx.lists.sources),
    };
    let shown: Vec<usize> = chron.items(part).iter().map(|&i| order[i]).collect();
    let first_brief = |s: usize| input.analysis.sources[s].briefs.first().copied();
    let rows: Vec<SourceRow> = shown
        .iter()
        .map(|&s| SourceRow {
            file: input.sources[s].rel_path.clone(),
            url: links::source(&input.sources[s].slug),
            brief: first_brief(s).map(|b| shared.cards[b].clone()),
        })
        .collect();
    let pager = chron.pager(first, part).spanning(
        shown
            .iter()
            .map(|&s| first_brief(s).and_then(|b| input.briefs[b].published)),
    );
    ctx.insert("rows", rows);
    if part == 0 {
        ctx.insert("source_count", order.len());
    }
    ctx.insert("filters", filter_links(shared, filter, part == 0));
    let title = match narrowed {
        Some(f) if f.by == "kind" => {
            format!("Sources, outlet kind: {}{}", f.label, pager.title_suffix())
        }
        Some(f) => format!("Sources, outlets in {}{}", f.label, pager.title_suffix()),
        None => format!("Sources{}", pager.title_suffix()),
    };
    if let Some(f) = narrowed {
        ctx.insert(
            "filter",
            SourceFilterLink {
                label: f.label.clone(),
                by: f.by,
                url: f.url.clone(),
                count: None,
                current: true,
            },
        );
    }
    ctx.insert("pager", pager);
    PageSpec {
        template: "sources.html",
        meta: PageMeta {
            kind: "sources",
            title,
            path: chron.path(first, part),
            description: format!("The raw articles behind {}", shared.site.title),
        },
        body: None,
    }
}

/// The filter bar: every source, then each kind, then each country (none
/// when the site labels no outlet), as groups of links.
fn filter_links(shared: &Shared, current: Option<usize>, counted: bool) -> Vec<SourceFilterGroup> {
    if shared.source_filters.is_empty() {
        return Vec::new();
    }
    let all = SourceFilterLink {
        label: "All sources".to_string(),
        by: "all",
        url: links::SOURCES.to_string(),
        count: counted.then_some(shared.source_order.len()),
        current: current.is_none(),
    };
    let mut groups = vec![SourceFilterGroup {
        by: "all",
        links: vec![all],
    }];
    for (i, f) in shared.source_filters.iter().enumerate() {
        let link = SourceFilterLink {
            label: f.label.clone(),
            by: f.by,
            url: f.url.clone(),
            count: counted.then_some(f.order.len()),
            current: current == Some(i),
        };
        match groups.last_mut() {
            Some(g) if g.by == f.by => g.links.push(link),
            _ => groups.push(SourceFilterGroup {
                by: f.by,
                links: vec![link],
            }),
        }
    }
    groups
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
        reading: source.meta.reading.name(),
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
