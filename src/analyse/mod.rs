//! Stage 4, analyse: cross-link the briefs.
//!
//! Input: briefs, topics and sources (plain data from the earlier stages).
//! Output: an [`Analysis`], a plain serialisable model that the renderer only
//! displays. Everything here is deterministic (sorted, no hash-map order
//! leaks into the result) and avoids comparing every pair of briefs.

pub mod entities;
pub mod figures;
mod related;
pub mod timeline;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::brief::Brief;
use crate::sentences;
use crate::source::SourceText;
use crate::topic::Topic;

pub use entities::{Aliases, Entity, EntityKind};
pub use figures::FigureGroup;
pub use related::{MAX_RELATED, Related};
pub use timeline::Timeline;

/// Everything the analysis found. Indices refer to the slices given to [`analyse`].
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Brief indices, newest first (undated briefs last, by title).
    pub newest_first: Vec<usize>,
    /// One entry per topic, parallel to the topics slice.
    pub topics: Vec<TopicAnalysis>,
    /// One entry per brief, parallel to the briefs slice.
    pub briefs: Vec<BriefAnalysis>,
    /// One entry per source, parallel to the sources slice.
    pub sources: Vec<SourceAnalysis>,
    /// People and organisations across briefs, aliases merged.
    pub entities: Vec<Entity>,
    /// Figures grouped by quantity, with disagreements.
    pub figures: Vec<FigureGroup>,
    /// Dated events and every dated mention.
    pub timeline: Timeline,
}

/// What the briefing says about one topic.
#[derive(Debug, Clone, Serialize)]
pub struct TopicAnalysis {
    /// The briefs tagged with it, newest first.
    pub briefs: Vec<TaggedBrief>,
    /// Publication date of the newest of them.
    pub newest: Option<NaiveDate>,
    /// Other topics that share briefs with this one: (topic index, shared briefs),
    /// most shared first.
    pub co_topics: Vec<(usize, usize)>,
}

/// A brief under a topic, with the passage that justifies the tag.
#[derive(Debug, Clone, Serialize)]
pub struct TaggedBrief {
    /// Index of the brief.
    pub brief: usize,
    /// The sentence of the brief that matches the topic's rules best.
    pub passage: Option<Passage>,
}

/// A sentence that justifies a topic tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// The sentence, as plain text.
    pub text: String,
    /// The topic phrases it contains.
    pub found: Vec<String>,
    /// Its line in the raw source, when ingest recorded it.
    pub line: Option<usize>,
}

/// Cross-links of one brief.
#[derive(Debug, Clone, Serialize)]
pub struct BriefAnalysis {
    /// Index of its source, when the brief names one that exists.
    pub source: Option<usize>,
    /// The closest other briefs, best first.
    pub related: Vec<Related>,
}

/// Cross-links of one source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceAnalysis {
    /// Briefs made from this source, by index.
    pub briefs: Vec<usize>,
}

/// Analyse the briefing. Briefs must refer only to known topics (checked earlier).
pub fn analyse(
    briefs: &[Brief],
    topics: &[Topic],
    sources: &[SourceText],
    aliases: &Aliases,
) -> Analysis {
    let topic_index: BTreeMap<&str, usize> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.as_str(), i))
        .collect();
    let source_index: BTreeMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.rel_path.as_str(), i))
        .collect();

    let newest_first = newest_first(briefs);

    // Topic membership, in newest-first order.
    let brief_topics: Vec<Vec<usize>> = briefs
        .iter()
        .map(|b| {
            let mut ts: Vec<usize> = b
                .topics
                .iter()
                .filter_map(|t| topic_index.get(t.as_str()).copied())
                .collect();
            ts.sort_unstable();
            ts.dedup();
            ts
        })
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); topics.len()];
    for &b in &newest_first {
        for &t in &brief_topics[b] {
            members[t].push(b);
        }
    }

    let passages = find_passages(briefs, topics, &brief_topics);

    let mut co: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); topics.len()];
    for ts in &brief_topics {
        for &a in ts {
            for &b in ts {
                if a != b {
                    *co[a].entry(b).or_default() += 1;
                }
            }
        }
    }

    let topic_analyses = members
        .iter()
        .enumerate()
        .map(|(t, list)| {
            let mut co_topics: Vec<(usize, usize)> = co[t].iter().map(|(&k, &v)| (k, v)).collect();
            co_topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            TopicAnalysis {
                newest: list.iter().filter_map(|&b| briefs[b].published).max(),
                briefs: list
                    .iter()
                    .map(|&b| TaggedBrief {
                        brief: b,
                        passage: passages.get(&(b, t)).cloned(),
                    })
                    .collect(),
                co_topics,
            }
        })
        .collect();

    let related = related::related_briefs(briefs, topics, &brief_topics, &members, &newest_first);

    let mut source_briefs: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    let brief_analyses = briefs
        .iter()
        .zip(related)
        .enumerate()
        .map(|(i, (b, related))| {
            let source = b
                .source
                .as_deref()
                .and_then(|s| source_index.get(s).copied());
            if let Some(s) = source {
                source_briefs[s].push(i);
            }
            BriefAnalysis { source, related }
        })
        .collect();

    let mut rank = vec![0usize; briefs.len()];
    for (r, &b) in newest_first.iter().enumerate() {
        rank[b] = r;
    }
    let entities = entities::entities(briefs, aliases, &rank);
    Analysis {
        entities,
        figures: figures::figure_groups(briefs),
        timeline: timeline::timeline(briefs),
        newest_first,
        topics: topic_analyses,
        briefs: brief_analyses,
        sources: source_briefs
            .into_iter()
            .map(|briefs| SourceAnalysis { briefs })
            .collect(),
    }
}

/// The analysis as `analysis.json`: the index tables (brief slugs, topic
/// slugs, source paths) that the analysis's indices point into, then the
/// analysis itself. Deterministic: the same briefs give the same bytes.
pub fn to_json(
    analysis: &Analysis,
    briefs: &[Brief],
    topics: &[Topic],
    sources: &[SourceText],
) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        generator: &'static str,
        briefs: Vec<&'a str>,
        topics: Vec<&'a str>,
        sources: Vec<&'a str>,
        analysis: &'a Analysis,
    }
    let export = Export {
        generator: "dossier",
        briefs: briefs.iter().map(|b| b.slug.as_str()).collect(),
        topics: topics.iter().map(|t| t.slug.as_str()).collect(),
        sources: sources.iter().map(|s| s.rel_path.as_str()).collect(),
        analysis,
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// Brief indices sorted newest first; undated last; ties by title then slug.
fn newest_first(briefs: &[Brief]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..briefs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&briefs[a], &briefs[b]);
        y.published
            .cmp(&x.published)
            .then_with(|| x.title.cmp(&y.title))
            .then_with(|| x.slug.cmp(&y.slug))
    });
    order
}

/// For every (brief, topic) tag, the sentence that justifies it: the
/// evidence ingest recorded (with its source line) when there is some, else
/// the best-matching sentence of the brief's text.
fn find_passages(
    briefs: &[Brief],
    topics: &[Topic],
    brief_topics: &[Vec<usize>],
) -> BTreeMap<(usize, usize), Passage> {
    use rayon::prelude::*;
    let found: Vec<Vec<((usize, usize), Passage)>> = briefs
        .par_iter()
        .enumerate()
        .map(|(b, brief)| {
            if brief_topics[b].is_empty() {
                return Vec::new();
            }
            let recorded: Vec<((usize, usize), Passage)> = brief_topics[b]
                .iter()
                .filter_map(|&t| {
                    let ev = brief.facts.evidence.get(&topics[t].slug)?;
                    // Ingest records the strongest evidence first.
                    let best = ev.first()?;
                    Some((
                        (b, t),
                        Passage {
                            text: best.text.clone(),
                            found: best.found.clone(),
                            line: Some(best.line),
                        },
                    ))
                })
                .collect();
            if recorded.len() == brief_topics[b].len() {
                return recorded;
            }
            let text = plain_text(&brief.body);
            let sents = sentences::sentences(&text);
            brief_topics[b]
                .iter()
                .filter_map(|&t| {
                    let mut best: Option<(f64, &str, Vec<String>)> = None;
                    for s in &sents {
                        if let Some(m) = topics[t].rules.match_sentence(s)
                            && best.as_ref().is_none_or(|(score, _, _)| m.score > *score)
                        {
                            best = Some((m.score, s, m.found));
                        }
                    }
                    if let Some((k, p)) = recorded.iter().find(|(k, _)| *k == (b, t)) {
                        return Some((*k, p.clone()));
                    }
                    best.map(|(_, s, found)| {
                        (
                            (b, t),
                            Passage {
                                text: s.to_string(),
                                found,
                                line: None,
                            },
                        )
                    })
                })
                .collect()
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// The readable text of a Markdown body, one block per line, without markup.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for ev in Parser::new(markdown) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup() {
        let t = plain_text("# Head\n\nSome **bold** and [link](x.html).\n\n- item\n");
        assert_eq!(t, "Head\nSome bold and link.\nitem\n");
    }
}
