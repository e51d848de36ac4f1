//! A topic's page: its summary, the briefs tagged with it (with the passage
//! that justifies the tag), its people, figures, dates and what its sources agree on.

use super::*;

/// The page of topic `t`.
pub(super) fn topic<'a>(cx: &Cx<'a>, t: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
    let topic = &input.topics[t];
    let ta = &a.topics[t];
    let co: Vec<CoTopic> = ta
        .co_topics
        .iter()
        .map(|&(o, count)| CoTopic {
            topic: topic_link(&input.topics[o].slug, &input.topics[o].title),
            count,
        })
        .collect();
    let entities: Vec<(&EntityCard, usize)> = ta
        .entities
        .iter()
        .take(16)
        .map(|&(e, n)| (&shared.entity_cards[e], n))
        .collect();
    let figures: Vec<AnchorLink> = ta
        .figures
        .iter()
        .map(|&g| {
            let group = &a.figures[g];
            let summary = group
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{} ({} source{})",
                        v.display,
                        v.brief_count,
                        if v.brief_count == 1 { "" } else { "s" }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            AnchorLink {
                label: group.label.clone(),
                url: format!(
                    "{}#fig-{}",
                    links::FIGURES,
                    crate::slug::slugify(&group.label).unwrap_or_default()
                ),
                disagreement: group.disagreement,
                summary: if summary.is_empty() {
                    "no number stated".to_string()
                } else {
                    summary
                },
            }
        })
        .collect();
    let events: Vec<AnchorLink> = ta
        .events
        .iter()
        .map(|&e| {
            let ev = &a.timeline.events[e];
            AnchorLink {
                label: ev.label.clone(),
                url: format!("{}#ev-{}", links::TIMELINE, ev.key),
                disagreement: ev.disagreement,
                summary: ev
                    .versions
                    .iter()
                    .map(|v| v.when.display.clone())
                    .collect::<Vec<_>>()
                    .join(" / "),
            }
        })
        .collect();
    let agreements: Vec<AgreementView> = ta
        .agreements
        .iter()
        .map(|ag| AgreementView {
            text: ag.text.clone(),
            briefs: ag.briefs.iter().map(|&b| shared.cards[b].clone()).collect(),
        })
        .collect();
    ctx.insert("entities", entities);
    ctx.insert("figures", figures);
    ctx.insert("events", events);
    ctx.insert("agreements", agreements);
    ctx.insert("topic", &shared.topic_cards[t]);
    ctx.insert("summary_html", &shared.topic_summaries[t]);
    // An entry is made from the brief's card and its passage: the key
    // hashes those, and the entries are made only if the page renders.
    let mut key = Hasher::new();
    for tb in &ta.briefs {
        key.value(&shared.card_keys[tb.brief]).value(&tb.passage);
    }
    let entries = move || {
        let entries: Vec<tera::Value> = ta
            .briefs
            .par_iter()
            .with_min_len(64)
            .map(|tb| {
                let card = &shared.cards[tb.brief];
                let line = tb.passage.as_ref().and_then(|p| p.line);
                TopicEntry {
                    brief: shared.card_value(tb.brief),
                    passage_html: tb.passage.as_ref().map(|p| mark_phrases(&p.text, &p.found)),
                    passage_url: line
                        .and_then(|l| card.source_url.as_ref().map(|u| format!("{u}#L{l}"))),
                    passage_line: line,
                }
                .into_tera()
            })
            .collect();
        tera::Value::from(entries)
    };
    ctx.insert_tera("entries", entries, key.finish());
    ctx.insert("co_topics", co);
    let desc = plain_excerpt(&shared.topic_cards[t].lede_html);
    PageSpec {
        template: "topic.html",
        meta: PageMeta {
            kind: "topic",
            title: topic.title.clone(),
            path: links::topic(&topic.slug),
            description: desc,
        },
        body: None,
    }
}
