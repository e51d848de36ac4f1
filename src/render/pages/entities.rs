//! People and organisations: their index and a page per entity.

use super::*;
use std::collections::BTreeMap;

/// Everyone named, by how many briefs name them.
pub(super) fn entities<'a>(cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let shared = cx.shared;
    let (mut people, mut orgs): (Vec<&EntityCard>, Vec<&EntityCard>) =
        shared.entity_cards.iter().partition(|e| e.kind == "person");
    for v in [&mut people, &mut orgs] {
        v.sort_by(|a, b| b.brief_count.cmp(&a.brief_count).then(a.name.cmp(&b.name)));
    }
    ctx.insert("people", people);
    ctx.insert("organisations", orgs);
    PageSpec {
        template: "entities.html",
        meta: PageMeta {
            kind: "entities",
            title: "People and organisations".to_string(),
            path: links::ENTITIES.to_string(),
            description: format!(
                "Everyone and every organisation named in {}",
                shared.site.title
            ),
        },
        body: None,
    }
}

/// Part `part` of the page of entity `e`: its first page shows who or what
/// it is and the newest mentions, archive pages only older mentions.
pub(super) fn entity<'a>(
    cx: &Cx<'a>,
    e: usize,
    part: usize,
    ctx: &mut PageContext<'a>,
) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let entity = &input.analysis.entities[e];
    let card = &shared.entity_cards[e];
    let first = links::entity(&entity.slug);
    let chron = &cx.lists.entities[e];
    let shown: Vec<&crate::analyse::entities::Mention> = chron
        .items(part)
        .iter()
        .map(|&i| &entity.mentions[i])
        .collect();
    let pager = chron
        .pager(&first, part)
        .spanning(shown.iter().map(|m| input.briefs[m.brief].published));
    let title = format!("{}{}", card.name, pager.title_suffix());
    // Made only if the page renders; the key hashes the mentions shown (form
    // and lines) and the cards of their briefs, never a brief's index: an
    // article added before them in the list would change every archive
    // page's key while their bytes stay.
    let mut key = Hasher::new();
    for m in &shown {
        key.value(&m.form)
            .value(&m.lines)
            .value(&shared.card_keys[m.brief]);
    }
    let mentions = move || {
        let values: Vec<tera::Value> = shown
            .iter()
            .map(|m| {
                EntityMention {
                    brief: shared.card_value(m.brief),
                    form: m.form.clone(),
                    lines: m
                        .lines
                        .iter()
                        .map(|&l| shared.line_ref(m.brief, l))
                        .collect(),
                }
                .into_tera()
            })
            .collect();
        tera::Value::from(values)
    };
    if part == 0 {
        ctx.insert("entity", card);
        ctx.insert("roles", &entity.roles);
        let (unit, periods) = periods(cx, e, &first);
        ctx.insert("period_unit", unit);
        ctx.insert("periods", periods);
        ctx.insert("named_with", named_with(cx, e));
    } else {
        // A link, not the card: its count changes with every brief added.
        ctx.insert("entity", EntityLink::from(card));
    }
    ctx.insert("pager", pager);
    ctx.insert_tera("mentions", mentions, key.finish());
    let desc = if part == 0 {
        format!(
            "{} in {}: named by {} source{}",
            card.name,
            shared.site.title,
            card.brief_count,
            if card.brief_count == 1 { "" } else { "s" }
        )
    } else {
        format!("Older mentions of {} in {}", card.name, shared.site.title)
    };
    PageSpec {
        template: "entity.html",
        meta: PageMeta {
            kind: "entity",
            title,
            path: chron.path(&first, part),
            description: desc,
        },
        body: None,
    }
}

/// Most entities a page lists as named with another.
const NAMED_WITH: usize = 10;
/// Mentions spanning more months than this are counted by year.
const MONTHS_SHOWN: usize = 36;

/// How many sources named entity `e` in each month from its first dated
/// mention to its last (months without one included, so that a gap reads
/// as one), by year when that is more than [`MONTHS_SHOWN`] months; the
/// undated last.
fn periods(cx: &Cx<'_>, e: usize, first: &str) -> (&'static str, Vec<PeriodCount>) {
    use chrono::Datelike;
    let input = cx.input;
    let briefs = briefs_naming(cx, e);
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut undated = 0;
    for &b in &briefs {
        match input.briefs[b].published {
            Some(d) => *months.entry((d.year(), d.month())).or_default() += 1,
            None => undated += 1,
        }
    }
    let (Some(&(y0, m0)), Some(&(y1, m1))) = (months.keys().next(), months.keys().next_back())
    else {
        return ("month", Vec::new());
    };
    let span = ((y1 - y0) * 12 + m1 as i32 - m0 as i32 + 1) as usize;
    let chron = &cx.lists.entities[e];
    let mut rows: Vec<(String, usize, Option<String>)> = Vec::new();
    let by_month = span <= MONTHS_SHOWN;
    if by_month {
        let (mut y, mut m) = (y0, m0);
        while (y, m) <= (y1, m1) {
            let slug = format!("{y:04}-{m:02}");
            let count = months.get(&(y, m)).copied().unwrap_or(0);
            let url = (count > 0)
                .then(|| chron.month_path(first, &slug))
                .flatten();
            rows.push((paging::month_label(y, m), count, url));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    } else {
        // Empty years shown only within a span a table can hold (a
        // mistyped year a millennium off adds one row, not a thousand).
        let all_years = ((y1 - y0 + 1) as usize) <= MONTHS_SHOWN;
        for y in y0..=y1 {
            let count: usize = months.range((y, 1)..=(y, 12)).map(|(_, n)| n).sum();
            if count > 0 || all_years {
                rows.push((y.to_string(), count, None));
            }
        }
    }
    if undated > 0 {
        rows.push(("Undated".to_string(), undated, None));
    }
    let most = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let rows = rows
        .into_iter()
        .map(|(label, count, url)| PeriodCount {
            label,
            count,
            percent: count * 100 / most,
            url,
        })
        .collect();
    (if by_month { "month" } else { "year" }, rows)
}

/// The entities most often named in the same sources as entity `e`, with
/// how many: the most shared first, then by name.
fn named_with(cx: &Cx<'_>, e: usize) -> Vec<NamedWith> {
    let shared = cx.shared;
    let briefs = briefs_naming(cx, e);
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for b in briefs {
        let mut others: Vec<usize> = shared.brief_mentions[b]
            .iter()
            .map(|&(o, _)| o)
            .filter(|&o| o != e)
            .collect();
        others.dedup();
        for o in others {
            *counts.entry(o).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            shared.entity_cards[a.0]
                .name
                .cmp(&shared.entity_cards[b.0].name)
        })
    });
    ranked
        .into_iter()
        .take(NAMED_WITH)
        .map(|(o, count)| NamedWith {
            entity: EntityLink::from(&shared.entity_cards[o]),
            count,
        })
        .collect()
}

/// The briefs that name entity `e`, each once, in brief order.
fn briefs_naming(cx: &Cx<'_>, e: usize) -> Vec<usize> {
    let mut briefs: Vec<usize> = cx.input.analysis.entities[e]
        .mentions
        .iter()
        .map(|m| m.brief)
        .collect();
    briefs.sort_unstable();
    briefs.dedup();
    briefs
}
