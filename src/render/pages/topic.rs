//! A topic's page: its summary, the briefs tagged with it (with the passage
//! that justifies the tag), its people, figures, dates and what its sources agree on.

use super::*;
use crate::analyse::TaggedBrief;

/// Part `part` of the page of topic `t`: its first page shows what the topic
/// is and the newest briefs, archive pages only older briefs.
pub(super) fn topic<'a>(
    cx: &Cx<'a>,
    t: usize,
    part: usize,
    ctx: &mut PageContext<'a>,
) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let topic = &input.topics[t];
    let ta = &input.analysis.topics[t];
    let first = links::topic(&topic.slug);
    let chron = &cx.lists.topics[t];
    let shown: Vec<&TaggedBrief> = chron.items(part).iter().map(|&i| &ta.briefs[i]).collect();
    let pager = chron
        .pager(&first, part)
        .spanning(shown.iter().map(|tb| input.briefs[tb.brief].published));
    let title = format!("{}{}", topic.title, pager.title_suffix());
    if part == 0 {
        overview(cx, t, ctx);
    } else {
        // A link, not the card: its count changes with every brief added.
        ctx.insert("topic", topic_link(&topic.slug, &topic.title));
    }
    ctx.insert("pager", pager);
    // An entry is made from the brief's card and its passage: the key
    // hashes those, and the entries are made only if the page renders.
    let mut key = Hasher::new();
    for tb in &shown {
        key.value(&shared.card_keys[tb.brief]).value(&tb.passage);
    }
    let entries = move || {
        let entries: Vec<tera::Value> = shown
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
    PageSpec {
        template: "topic.html",
        meta: PageMeta {
            kind: "topic",
            title,
            path: chron.path(&first, part),
            description: plain_excerpt(&shared.topic_cards[t].lede_html),
        },
        body: None,
    }
}

/// What a topic's first page shows besides its briefs: the summary, people,
/// figures, dates, agreements and neighbouring topics.
fn overview<'a>(cx: &Cx<'a>, t: usize, ctx: &mut PageContext<'a>) {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
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
            let listed = group.values.len().min(FigureSummaryView::VALUES);
            let mut summary = group.values[..listed]
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
            if group.values.len() > listed {
                let more = group.values.len() - listed;
                summary.push_str(&format!(
                    " and {more} other value{}",
                    if more == 1 { "" } else { "s" }
                ));
            }
            AnchorLink {
                label: group.label.clone(),
                url: links::figure_group(&shared.figure_ids[g]),
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
                url: timeline::event_path(&ev.key),
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
    ctx.insert("stories", super::stories::of_topic(input, shared, t));
    ctx.insert("topic", &shared.topic_cards[t]);
    ctx.insert("summary_html", &shared.topic_summaries[t]);
    ctx.insert("co_topics", co);
}
