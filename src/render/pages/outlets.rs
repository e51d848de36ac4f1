//! The outlets page: every outlet the briefs name, grouped by the kind
//! `content/outlets.yaml` gives it (unlabelled ones last, never guessed),
//! with country, language, note and how many reports each has.

use std::collections::BTreeMap;

use super::*;
use crate::outlet::OutletKind;

/// Each outlet once: its reports (count) and its newest report.
fn outlet_reports<'a>(input: &RenderInput<'a>) -> BTreeMap<&'a str, (usize, usize)> {
    let mut out: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // Newest first, so the first brief seen is the newest.
    for &b in &input.analysis.newest_first {
        if let Some(o) = input.briefs[b].outlet.as_deref() {
            out.entry(o).or_insert((0, b)).0 += 1;
        }
    }
    out
}

/// The page.
pub(super) fn outlets<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let reports = outlet_reports(input);
    let mut groups: BTreeMap<Option<OutletKind>, Vec<OutletView>> = BTreeMap::new();
    let mut named: Vec<&str> = reports.keys().copied().collect();
    // Profiles no brief's outlet matches: listed, so a misspelt name shows.
    for name in input.outlets.0.keys() {
        if input.outlets.get(name).is_some()
            && !reports.keys().any(|r| r.eq_ignore_ascii_case(name))
        {
            named.push(name);
        }
    }
    for name in named {
        let profile = input.outlets.get(name);
        let (count, newest) = reports.get(name).map_or((0, None), |&(n, b)| (n, Some(b)));
        groups
            .entry(profile.and_then(|p| p.kind))
            .or_default()
            .push(OutletView {
                name: name.to_string(),
                labelled: profile.is_some(),
                country: profile.and_then(|p| p.country.clone()),
                language: profile.and_then(|p| p.language.clone()),
                note: profile.and_then(|p| p.note.clone()),
                reports: count,
                newest: newest.map(|b| shared.cards[b].clone()),
            });
    }
    // Kinds in their order, outlets without a kind last.
    let mut views: Vec<OutletGroupView> = Vec::new();
    let mut unkinded = None;
    for (kind, mut outlets) in groups {
        outlets.sort_by(|a, b| (&a.country, &a.name).cmp(&(&b.country, &b.name)));
        match kind {
            Some(k) => views.push(OutletGroupView {
                kind: k.label().to_string(),
                outlets,
            }),
            None => unkinded = Some(outlets),
        }
    }
    if let Some(outlets) = unkinded {
        let kind = if input.outlets.is_empty() {
            "All outlets"
        } else {
            "Without a kind in content/outlets.yaml"
        };
        views.push(OutletGroupView {
            kind: kind.to_string(),
            outlets,
        });
    }
    ctx.insert("groups", views);
    ctx.insert("profiled", !input.outlets.is_empty());
    PageSpec {
        template: "outlets.html",
        meta: PageMeta {
            kind: "outlets",
            title: "Outlets".to_string(),
            path: links::OUTLETS.to_string(),
            description: format!(
                "The outlets {} draws on, by kind and country",
                shared.site.title
            ),
        },
        body: None,
    }
}
