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

/// The page of entity `e`: its roles, name forms and mentions.
pub(super) fn entity<'a>(cx: &Cx<'a>, e: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let entity = &a.entities[e];
    // Made only if the page renders; the key hashes the entity (its
    // mentions by brief index, form and line) and the cards of those briefs.
    let mentions = Lazy(move || {
        entity
            .mentions
            .iter()
            .map(|m| EntityMention {
                brief: shared.cards[m.brief].clone(),
                form: m.form.clone(),
                lines: m
                    .lines
                    .iter()
                    .map(|&l| shared.line_ref(m.brief, l))
                    .collect(),
            })
            .collect::<Vec<_>>()
    });
    let mut key = Hasher::new();
    key.value(entity);
    for m in &entity.mentions {
        key.value(&shared.card_keys[m.brief]);
    }
    let card = &shared.entity_cards[e];
    ctx.insert("entity", card);
    ctx.insert("roles", &entity.roles);
    ctx.insert_keyed("mentions", mentions, key.finish());
    let desc = format!(
        "{} in {}: named by {} source{}",
        card.name,
        shared.site.title,
        card.brief_count,
        if card.brief_count == 1 { "" } else { "s" }
    );
    PageSpec {
        template: "entity.html",
        meta: PageMeta {
            kind: "entity",
            title: card.name.clone(),
            path: links::entity(&entity.slug),
            description: desc,
        },
        body: None,
    }
}
