//! The figures the sources state, grouped by what they count: an overview of
//! every quantity with its most stated values, and a page per quantity with
//! every statement of it (on numbered pages when there are many).

use super::*;
use crate::analyse::figures::{FigureGroup, FigureStatement};

/// Part `part` of the overview: the quantities, most stated first as the
/// analysis orders them, each with its most stated values.
pub(super) fn figures<'a>(cx: &Cx<'a>, part: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    let groups = &cx.input.analysis.figures;
    let shown = paging::ranked_items(groups.len(), part);
    let summaries: Vec<FigureSummaryView> = shown
        .map(|g| summary(&groups[g], links::figure_group(&shared.figure_ids[g])))
        .collect();
    ctx.insert("groups", summaries);
    let pager = Pager::ranked(links::FIGURES, groups.len(), part);
    let title = format!("Figures{}", pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "figures.html",
        meta: PageMeta {
            kind: "figures",
            title,
            path: paging::ranked_path(links::FIGURES, part),
            description: format!(
                "The numbers the sources of {} state, side by side",
                shared.site.title
            ),
        },
        body: None,
    }
}

fn summary(g: &FigureGroup, url: String) -> FigureSummaryView {
    let listed = g.values.len().min(FigureSummaryView::VALUES);
    FigureSummaryView {
        label: g.label.clone(),
        url,
        disagreement: g.disagreement,
        values: g.values[..listed]
            .iter()
            .map(|v| ValueCount {
                display: v.display.clone(),
                brief_count: v.brief_count,
            })
            .collect(),
        other_values: g.values.len() - listed,
        unquantified: g.unquantified.len(),
        statements: statements_of(g).count(),
        brief_count: g.brief_count,
    }
}

/// Every statement of a group in page order: by value, most stated value
/// first, then those without a number (value `None`).
pub(super) fn statements_of(
    g: &FigureGroup,
) -> impl Iterator<Item = (Option<usize>, &FigureStatement)> {
    g.values
        .iter()
        .enumerate()
        .flat_map(|(v, value)| value.statements.iter().map(move |s| (Some(v), s)))
        .chain(g.unquantified.iter().map(|s| (None, s)))
}

/// Page `part + 1` of the page of figure group `g`.
pub(super) fn group<'a>(
    cx: &Cx<'a>,
    g: usize,
    part: usize,
    ctx: &mut PageContext<'a>,
) -> PageSpec<'a> {
    let shared = cx.shared;
    let group = &cx.input.analysis.figures[g];
    let first = links::figure_group(&shared.figure_ids[g]);
    let total = statements_of(group).count();
    let range = paging::ranked_items(total, part);
    let shown: Vec<(Option<usize>, &FigureStatement)> = statements_of(group)
        .skip(range.start)
        .take(range.len())
        .collect();
    // The key: the group's header, the statements shown and their cards.
    let mut key = Hasher::new();
    key.value(&group.label).value(&group.disagreement);
    for (v, s) in &shown {
        let value = v.map(|v| (&group.values[v].display, group.values[v].brief_count));
        // The brief by its card, not its index (which an added article shifts).
        key.value(&value)
            .value(&(s.line, &s.text, &s.qualifier))
            .value(&shared.card_keys[s.brief]);
    }
    let id = shared.figure_ids[g].clone();
    let url = first.clone();
    let view = Lazy(move || group_view(shared, group, &shown, &id, &url));
    ctx.insert_keyed("group", view, key.finish());
    let pager = Pager::ranked(&first, total, part);
    let title = format!("{}{}", group.label, pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "figure.html",
        meta: PageMeta {
            kind: "figure",
            title,
            path: paging::ranked_path(&first, part),
            description: format!(
                "{}: every value the sources of {} state, with who states it",
                group.label, shared.site.title
            ),
        },
        body: None,
    }
}

/// A group page's view: the values of the statements shown, in order.
pub(super) fn group_view(
    shared: &Shared,
    group: &FigureGroup,
    shown: &[(Option<usize>, &FigureStatement)],
    id: &str,
    url: &str,
) -> FigureGroupView {
    let stmt =
        |s: &FigureStatement| shared.statement(s.brief, s.line, &s.text, s.qualifier.clone());
    let mut values: Vec<FigureValueView> = Vec::new();
    let mut unquantified = Vec::new();
    for (v, statements) in runs(shown.iter().copied()) {
        let statements = statements.into_iter().map(stmt).collect();
        match v {
            Some(v) => values.push(FigureValueView {
                display: group.values[v].display.clone(),
                brief_count: group.values[v].brief_count,
                statements,
            }),
            None => unquantified = statements,
        }
    }
    FigureGroupView {
        label: group.label.clone(),
        id: id.to_string(),
        url: url.to_string(),
        disagreement: group.disagreement,
        values,
        unquantified,
    }
}
