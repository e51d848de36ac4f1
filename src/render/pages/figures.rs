//! The figures the sources state, grouped by what they count.

use super::*;

/// Every figure group, with who states which value.
pub(super) fn figures<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let stmt = |s: &crate::analyse::figures::FigureStatement| {
        shared.statement(s.brief, s.line, &s.text, s.qualifier.clone())
    };
    let groups = Lazy(move || {
        a.figures
            .iter()
            .map(|g| FigureGroupView {
                label: g.label.clone(),
                id: crate::slug::slugify(&g.label).unwrap_or_else(|| "figure".to_string()),
                disagreement: g.disagreement,
                values: g
                    .values
                    .iter()
                    .map(|v| FigureValueView {
                        display: v.display.clone(),
                        brief_count: v.brief_count,
                        statements: v.statements.iter().map(stmt).collect(),
                    })
                    .collect(),
                unquantified: g.unquantified.iter().map(stmt).collect(),
            })
            .collect::<Vec<_>>()
    });
    // The figures (statements by brief index) and the cards they show.
    let mut key = Hasher::new();
    key.value(&a.figures);
    for g in &a.figures {
        for s in g
            .values
            .iter()
            .flat_map(|v| &v.statements)
            .chain(&g.unquantified)
        {
            key.value(&shared.card_keys[s.brief]);
        }
    }
    ctx.insert_keyed("groups", groups, key.finish());
    PageSpec {
        template: "figures.html",
        meta: PageMeta {
            kind: "figures",
            title: "Figures".to_string(),
            path: links::FIGURES.to_string(),
            description: format!(
                "The numbers the sources of {} state, side by side",
                shared.site.title
            ),
        },
        body: None,
    }
}
