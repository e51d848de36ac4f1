//! People and organisations: their index and a page per entity.

use super::*;

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
