//! The timeline: an overview of the events with the dates each source gives
//! and what was known when (newest sources first, older on archive pages),
//! a page per event with every statement of its date, and the list of every
//! date mentioned (on numbered pages).

use std::collections::BTreeMap;

use super::*;
use crate::analyse::Analysis;
use crate::analyse::timeline::{DateStatement, Event};

/// Output path of the page of every date mentioned.
pub(super) const DATES: &str = "timeline/dates.html";

/// Output path of the page of an event.
pub(crate) fn event_path(key: &str) -> String {
    format!("timeline/{key}.html")
}

/// The briefs that date an event, newest first, with the dates each gives
/// per event (in `events` order).
pub(super) fn known_when(a: &Analysis) -> Vec<(usize, Vec<String>)> {
    let events = &a.timeline.events;
    let mut by_brief: BTreeMap<usize, Vec<Vec<&str>>> = BTreeMap::new();
    for (e, ev) in events.iter().enumerate() {
        for v in &ev.versions {
            for st in &v.statements {
                let cells = by_brief
                    .entry(st.brief)
                    .or_insert_with(|| vec![Vec::new(); events.len()]);
                if cells[e].last() != Some(&v.when.display.as_str()) {
                    cells[e].push(v.when.display.as_str());
                }
            }
        }
    }
    a.newest_first
        .iter()
        .filter_map(|b| {
            let cells = by_brief.remove(b)?;
            Some((*b, cells.into_iter().map(|c| c.join(", ")).collect()))
        })
        .collect()
}

/// Part `part` of the timeline: the events' overview on the first page, and
/// the rows of what was known when (newest first; older on archive pages).
pub(super) fn timeline<'a>(cx: &Cx<'a>, part: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    let a = cx.input.analysis;
    let rows = &cx.lists.timeline_rows;
    let chron = &cx.lists.timeline;
    let shown: Vec<&(usize, Vec<String>)> = chron.items(part).iter().map(|&i| &rows[i]).collect();
    let pager = chron
        .pager(links::TIMELINE, part)
        .spanning(shown.iter().map(|(b, _)| cx.input.briefs[*b].published));
    let mut key = Hasher::new();
    for (b, cells) in &shown {
        key.value(&shared.card_keys[*b]).value(cells);
    }
    let known: Vec<KnownWhenRow> = shown
        .iter()
        .map(|(b, cells)| KnownWhenRow {
            brief: shared.cards[*b].clone(),
            cells: cells.clone(),
        })
        .collect();
    ctx.insert_keyed("known_when", known, key.finish());
    // Every page names the events (the table's columns); the first also
    // sums them up (counts that change with every brief added).
    let columns: Vec<&str> = a.timeline.events.iter().map(|e| e.label.as_str()).collect();
    ctx.insert("columns", columns);
    if part == 0 {
        let events: Vec<EventSummaryView> = a.timeline.events.iter().map(event_summary).collect();
        ctx.insert("events", events);
        ctx.insert("dates_url", DATES);
    }
    let title = format!("Timeline{}", pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "timeline.html",
        meta: PageMeta {
            kind: "timeline",
            title,
            path: chron.path(links::TIMELINE, part),
            description: format!(
                "The dates and deadlines the sources of {} give, and where they differ",
                shared.site.title
            ),
        },
        body: None,
    }
}

/// An event as the overview lists it: its most stated dates, in date order.
fn event_summary(ev: &Event) -> EventSummaryView {
    let mut most: Vec<usize> = (0..ev.versions.len()).collect();
    most.sort_by_key(|&v| std::cmp::Reverse(ev.versions[v].statements.len()));
    most.truncate(FigureSummaryView::VALUES);
    most.sort_unstable();
    EventSummaryView {
        label: ev.label.clone(),
        id: ev.key.clone(),
        url: event_path(&ev.key),
        disagreement: ev.disagreement,
        versions: most
            .iter()
            .map(|&v| ValueCount {
                display: ev.versions[v].when.display.clone(),
                brief_count: ev.versions[v].statements.len(),
            })
            .collect(),
        other_versions: ev.versions.len() - most.len(),
    }
}

/// Every statement of an event's date, by version (earliest date first).
pub(super) fn statements_of(ev: &Event) -> impl Iterator<Item = (usize, &DateStatement)> {
    ev.versions
        .iter()
        .enumerate()
        .flat_map(|(v, version)| version.statements.iter().map(move |s| (v, s)))
}

/// An event's view with the statements `shown` (version index, statement),
/// in order: each statement as its sentence, with its brief and line.
pub(super) fn event_view(
    shared: &Shared,
    ev: &Event,
    shown: &[(usize, &DateStatement)],
) -> EventView {
    let versions = runs(shown.iter().copied())
        .into_iter()
        .map(|(v, statements)| EventVersionView {
            when: ev.versions[v].when.display.clone(),
            statements: statements
                .into_iter()
                .map(|s| shared.statement(s.brief, s.line, &s.context, s.note.clone()))
                .collect(),
        })
        .collect();
    EventView {
        label: ev.label.clone(),
        id: ev.key.clone(),
        disagreement: ev.disagreement,
        versions,
    }
}

/// Page `part + 1` of the page of event `e`.
pub(super) fn event<'a>(
    cx: &Cx<'a>,
    e: usize,
    part: usize,
    ctx: &mut PageContext<'a>,
) -> PageSpec<'a> {
    let shared = cx.shared;
    let ev = &cx.input.analysis.timeline.events[e];
    let first = event_path(&ev.key);
    let total = statements_of(ev).count();
    let range = paging::ranked_items(total, part);
    let shown: Vec<(usize, &DateStatement)> = statements_of(ev)
        .skip(range.start)
        .take(range.len())
        .collect();
    let mut key = Hasher::new();
    key.value(&ev.label).value(&ev.disagreement);
    for (v, s) in &shown {
        key.value(&ev.versions[*v].when.display)
            .value(s)
            .value(&shared.card_keys[s.brief]);
    }
    let view = Lazy(move || event_view(shared, ev, &shown));
    ctx.insert_keyed("event", view, key.finish());
    ctx.insert("summary", event_summary(ev));
    let pager = Pager::ranked(&first, total, part);
    let title = format!("{}{}", ev.label, pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "event.html",
        meta: PageMeta {
            kind: "event",
            title,
            path: paging::ranked_path(&first, part),
            description: format!(
                "{}: the dates the sources of {} give, with who gives them",
                ev.label, shared.site.title
            ),
        },
        body: None,
    }
}

/// Page `part + 1` of every date mentioned, in date order.
pub(super) fn dates<'a>(cx: &Cx<'a>, part: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    let a = cx.input.analysis;
    let all = &a.timeline.dated;
    let range = paging::ranked_items(all.len(), part);
    let start = range.start;
    let shown = &all[range];
    let mut key = Hasher::new();
    for d in shown {
        key.value(d).value(&shared.card_keys[d.statement.brief]);
        if let Some(q) = d.quoted_at {
            key.value(&all[q].when.display);
        }
    }
    let label_of = |key: &str| {
        a.timeline
            .events
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.label.clone())
    };
    let dated = Lazy(move || {
        shown
            .iter()
            .enumerate()
            .map(|(i, d)| DatedView {
                id: format!("d-{}", start + i),
                quoted_at: d.quoted_at.map(|q| QuotedAt {
                    url: format!("{}#d-{q}", paging::ranked_path(DATES, q / paging::PER_PAGE)),
                    when: all[q].when.display.clone(),
                }),
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
    ctx.insert_keyed("dated", dated, key.finish());
    let pager = Pager::ranked(DATES, all.len(), part);
    let title = format!("Every date mentioned{}", pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "dates.html",
        meta: PageMeta {
            kind: "dates",
            title,
            path: paging::ranked_path(DATES, part),
            description: format!("Every date the sources of {} mention", shared.site.title),
        },
        body: None,
    }
}
