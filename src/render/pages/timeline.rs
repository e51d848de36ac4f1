//! The timeline: events with the dates each source gives, dated statements,
//! and what was known when.

use super::*;

/// The timeline page.
pub(super) fn timeline<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    // Made only if the page renders. The key hashes the timeline
    // (statements by brief index), the order of the briefs and the
    // cards of every brief a statement names (the rows of "known when"
    // are those briefs).
    let mut key = Hasher::new();
    key.value(&a.timeline).value(&a.newest_first);
    let statements = a
        .timeline
        .events
        .iter()
        .flat_map(|ev| ev.versions.iter().flat_map(|v| &v.statements))
        .chain(a.timeline.dated.iter().map(|d| &d.statement));
    for st in statements {
        key.value(&shared.card_keys[st.brief]);
    }
    let key = key.finish();
    let events = Lazy(move || {
        a.timeline
            .events
            .iter()
            .map(|ev| EventView {
                label: ev.label.clone(),
                id: ev.key.clone(),
                disagreement: ev.disagreement,
                versions: ev
                    .versions
                    .iter()
                    .map(|v| EventVersionView {
                        when: v.when.display.clone(),
                        statements: v
                            .statements
                            .iter()
                            .map(|s| shared.statement(s.brief, s.line, &s.context, s.note.clone()))
                            .collect(),
                    })
                    .collect(),
            })
            .collect::<Vec<EventView>>()
    });
    let label_of = |key: &str| {
        a.timeline
            .events
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.label.clone())
    };
    let dated = Lazy(move || {
        a.timeline
            .dated
            .iter()
            .map(|d| DatedView {
                when: d.when.display.clone(),
                event: d.event.as_deref().and_then(label_of),
                statement: shared.statement(
                    d.statement.brief,
                    d.statement.line,
                    &d.statement.context,
                    d.statement.note.clone(),
                ),
            })
            .collect::<Vec<DatedView>>()
    });
    // What was known when: briefs by publication date, the date each gives per event.
    let rows = Lazy(move || {
        let mut rows: Vec<KnownWhenRow> = a
            .newest_first
            .iter()
            .rev()
            .filter_map(|&b| {
                let cells: Vec<String> = a
                    .timeline
                    .events
                    .iter()
                    .map(|ev| {
                        let mut ds: Vec<&str> = ev
                            .versions
                            .iter()
                            .filter(|v| v.statements.iter().any(|st| st.brief == b))
                            .map(|v| v.when.display.as_str())
                            .collect();
                        ds.dedup();
                        ds.join(", ")
                    })
                    .collect();
                cells.iter().any(|c| !c.is_empty()).then(|| KnownWhenRow {
                    brief: shared.cards[b].clone(),
                    cells,
                })
            })
            .collect();
        // Dated briefs in publication order, undated ones after them.
        rows.sort_by_key(|r| r.brief.published.is_none());
        rows
    });
    ctx.insert_keyed("known_when", rows, key);
    ctx.insert_keyed("events", events, key);
    ctx.insert_keyed("dated", dated, key);
    PageSpec {
        template: "timeline.html",
        meta: PageMeta {
            kind: "timeline",
            title: "Timeline".to_string(),
            path: links::TIMELINE.to_string(),
            description: format!(
                "The dates and deadlines the sources of {} give, and where they differ",
                shared.site.title
            ),
        },
        body: None,
    }
}
