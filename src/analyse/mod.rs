//! Stage 4, analyse: cross-link the briefs.
//!
//! Input: briefs, topics and sources (plain data from the earlier stages).
//! Output: an [`Analysis`], a plain serialisable model that the renderer only
//! displays. Everything here is deterministic (sorted, no hash-map order
//! leaks into the result) and avoids comparing every pair of briefs.

pub mod entities;
pub mod figures;
mod related;
pub mod stories;
pub mod story_claims;
pub mod story_days;
pub mod story_places;
pub mod timeline;

use crate::words::Terms;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::brief::Brief;
use crate::sentences;
use crate::source::SourceText;
use crate::topic::{Topic, TopicMatcher};

pub use entities::{Aliases, Entity, EntityKind};
pub use figures::FigureGroup;
pub use related::{MAX_RELATED, Related};
pub use stories::Story;
pub use timeline::Timeline;

use crate::reuse::{Fresh, Reuse};

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
    /// People and organisations across briefs, aliases merged (shared
    /// with the cache's memo, as `figures` and `timeline` are).
    pub entities: Arc<Vec<Entity>>,
    /// The latest day a source was first seen, when earlier ones exist:
    /// what the briefing shows as new ([`stories::latest_day`]).
    pub latest_day: Option<NaiveDate>,
    /// Briefs reporting one event, grouped; most recent first.
    pub stories: Vec<Story>,
    /// Figures grouped by quantity, with disagreements.
    pub figures: Arc<Vec<FigureGroup>>,
    /// Dated events and every dated mention.
    pub timeline: Arc<Timeline>,
    /// How long the story grouping took (for `DOSSIER_TIMINGS`, printed by
    /// the build; never part of any output).
    #[serde(skip)]
    pub stories_took: std::time::Duration,
}

impl Analysis {
    /// The stories (indices, most recent first) with a member tagged with
    /// topic `t`.
    pub fn stories_of_topic(&self, t: usize) -> Vec<usize> {
        let mut found: Vec<usize> = (self.topics[t].briefs.iter())
            .filter_map(|tb| self.briefs[tb.brief].story)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
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
    /// Entities named in its briefs: (entity index, briefs), most named first.
    pub entities: Vec<(usize, usize)>,
    /// Figure groups its briefs contribute to (indices into `Analysis::figures`).
    pub figures: Vec<usize>,
    /// Timeline events its briefs date (indices into `Timeline::events`).
    pub events: Vec<usize>,
    /// What two or more of its sources state alike.
    pub agreements: Vec<Agreement>,
}

/// A statement two or more sources make alike.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    /// "2,500 troops in Iraq", "Withdrawal completed: end of 2026".
    pub text: String,
    /// The briefs that state it.
    pub briefs: Vec<usize>,
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
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
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
    /// The story it is part of (index into [`Analysis::stories`]).
    pub story: Option<usize>,
    /// The closest other briefs, best first.
    pub related: Vec<Related>,
    /// How the brief's text begins (for search and feeds; not exported:
    /// the text is in the brief).
    #[serde(skip)]
    pub lead: Arc<Lead>,
}

/// How a brief's text begins, as plain text: what the search index and the
/// feeds show of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Lead {
    /// The first [`LEAD_INDEX_CHARS`] characters, whitespace collapsed.
    pub index_text: String,
    /// The first sentence (of the first [`LEAD_CHARS`] characters).
    pub summary: String,
    /// Every word the search indexes in the text ([`crate::words::terms`]),
    /// sorted, once each: read here, with the rest of what the analysis
    /// reads of a text, so that the index needs no brief's text and an edit
    /// that changes these words is not a text edit alone.
    pub terms: crate::words::Terms,
}

/// Characters of a brief's text kept for its search entry (the rest is
/// reachable from the brief page; the index must stay small enough to load).
pub const LEAD_INDEX_CHARS: usize = 280;

/// Characters of plain text a summary sentence is looked for in (a first
/// sentence is rarely longer).
pub const LEAD_CHARS: usize = 2000;

impl Lead {
    /// The lead of a plain text.
    pub fn of(plain: &str) -> Lead {
        let mut out = String::with_capacity(plain.len().min(LEAD_CHARS + 8));
        for (n, word) in plain.split_whitespace().enumerate() {
            if out.len() >= LEAD_CHARS {
                break;
            }
            if n > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        Lead {
            index_text: out.chars().take(LEAD_INDEX_CHARS).collect(),
            summary: sentences::first_sentence(&out).to_string(),
            terms: crate::words::Terms::of(plain),
        }
    }
}

/// Cross-links of one source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceAnalysis {
    /// Briefs made from this source, by index.
    pub briefs: Vec<usize>,
    /// Topics those briefs are tagged with.
    pub topics: Vec<usize>,
    /// Entities those briefs name.
    pub entities: Vec<usize>,
    /// Every word the search indexes in the source's text, sorted, once
    /// each: read here so that a build reuses them by the text's hash (the
    /// index folded and sorted every raw source's words again in each
    /// build: a sixth of an incremental build at 10,000 articles).
    #[serde(skip)]
    pub terms: Arc<Terms>,
}

/// Analyse the briefing. Briefs must refer only to known topics (checked earlier).
pub fn analyse(
    briefs: &[Brief],
    topics: &[Topic],
    sources: &[SourceText],
    aliases: &Aliases,
) -> Analysis {
    analyse_with(briefs, topics, sources, aliases, AnalysisReuse::FRESH)
}

/// What an earlier build read in each brief's text (passages by topic slug,
/// and the lead), keyed by a hash of what decides it (the brief's text and
/// evidence, its topics' rules).
///
/// The lead is shared (`Arc`) between the memo and the analysis: a corpus's
/// leads are megabytes, and fresh memory is a large part of a build's cost.
pub type TextReading = Arc<(Vec<(String, Passage)>, Arc<Lead>)>;

/// Related briefs of every brief, keyed by a hash of everything they are
/// computed from (the briefs' topics, entities, figures, outlets, dates and
/// sources; topic titles and entity names for the reasons): an edit to a
/// brief's text leaves them as they were.
pub type RelatedLists = Arc<Vec<Vec<Related>>>;

/// Entities, figure groups and the timeline, each keyed by a hash of the
/// facts it is made from (see [`facts_keys`]): an edit that leaves every
/// brief's people, figures and dates as they were reuses them.
pub type FactsValue = Arc<FactsPart>;

/// One of the analyses kept as a [`FactsValue`].
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub enum FactsPart {
    /// People and organisations across briefs.
    Entities(Arc<Vec<Entity>>),
    /// Figures grouped by what they count.
    Figures(Arc<Vec<FigureGroup>>),
    /// Dates and events.
    Timeline(Arc<Timeline>),
}

impl FactsPart {
    fn entities(&self) -> Option<&Arc<Vec<Entity>>> {
        match self {
            FactsPart::Entities(e) => Some(e),
            _ => None,
        }
    }

    fn figures(&self) -> Option<&Arc<Vec<FigureGroup>>> {
        match self {
            FactsPart::Figures(f) => Some(f),
            _ => None,
        }
    }

    fn timeline(&self) -> Option<&Arc<Timeline>> {
        match self {
            FactsPart::Timeline(t) => Some(t),
            _ => None,
        }
    }
}

/// The part kept under `key`, or `make` it (and keep it as `wrap` of it).
/// The memo and the analysis share the part: entities, figures and the
/// timeline are tens of megabytes at 10,000 briefs, and a build's peak
/// memory is a large part of its cost.
fn reuse<T>(
    memo: &dyn Reuse<FactsValue>,
    key: u128,
    wrap: fn(Arc<T>) -> FactsPart,
    part: fn(&FactsPart) -> Option<&Arc<T>>,
    make: impl Fn() -> T,
) -> Arc<T> {
    let kept = memo.get_or(key, &mut || Arc::new(wrap(Arc::new(make()))));
    // Another part under this key cannot happen (the keys are tagged); if
    // it did, the part is made afresh rather than taken wrong.
    part(&kept).cloned().unwrap_or_else(|| Arc::new(make()))
}

/// Where the analysis may find what an earlier run made (see
/// [`crate::reuse`]): the build passes its cache's memos, a plain run
/// [`AnalysisReuse::FRESH`].
#[derive(Clone, Copy)]
pub struct AnalysisReuse<'a> {
    /// What was read in each brief's text.
    pub passages: &'a dyn Reuse<TextReading>,
    /// Related briefs.
    pub related: &'a dyn Reuse<RelatedLists>,
    /// Entities, figures, timeline.
    pub facts: &'a dyn Reuse<FactsValue>,
    /// The search's words of each source, by a hash of its text.
    pub source_terms: &'a dyn Reuse<Arc<Terms>>,
}

impl AnalysisReuse<'static> {
    /// Nothing kept: everything made.
    pub const FRESH: AnalysisReuse<'static> = AnalysisReuse {
        passages: &Fresh,
        related: &Fresh,
        facts: &Fresh,
        source_terms: &Fresh,
    };
}

/// The keys of the three [`FactsPart`]s: of the entities (every brief's
/// people and organisations, the aliases, the briefs' order), the figures
/// (every brief's figures) and the timeline (every brief's dates). Those
/// functions read nothing else of a brief. The fields are hashed one by one
/// (destructured, so a new field is a compile error here): the derived
/// serialisation leaves empty fields out, which would let two different
/// lists hash alike.
fn facts_keys(briefs: &[Brief], aliases: &Aliases, rank: &[usize]) -> [u128; 3] {
    use crate::hash::Hasher;
    let mut ent = Hasher::new();
    ent.bytes(b"entities").value(aliases).value(rank);
    let mut fig = Hasher::new();
    fig.bytes(b"figures");
    let mut tl = Hasher::new();
    tl.bytes(b"timeline");
    for b in briefs {
        ent.value(&b.facts.people.len());
        for p in &b.facts.people {
            let crate::brief::Person {
                name,
                aliases,
                roles,
                lines,
            } = p;
            ent.value(name).value(aliases).value(roles).value(lines);
        }
        ent.value(&b.facts.organisations.len());
        for o in &b.facts.organisations {
            let crate::brief::Organisation {
                name,
                aliases,
                lines,
            } = o;
            ent.value(name).value(aliases).value(lines);
        }
        fig.value(&b.facts.figures.len());
        for f in &b.facts.figures {
            let crate::brief::Figure {
                text,
                value,
                counts,
                place,
                qualifier,
                line,
                context,
            } = f;
            fig.value(text)
                .value(value)
                .value(counts)
                .value(place)
                .value(qualifier)
                .value(line)
                .value(context);
        }
        tl.value(&b.facts.dates.len());
        for d in &b.facts.dates {
            let crate::brief::DateMention {
                text,
                year,
                month,
                day,
                precision,
                note,
                line,
                context,
            } = d;
            tl.value(text)
                .value(year)
                .value(month)
                .value(day)
                .value(precision)
                .value(note)
                .value(line)
                .value(context);
        }
    }
    [ent.finish(), fig.finish(), tl.finish()]
}

/// [`analyse`], reusing what an earlier build read in briefs whose text and
/// topic rules are unchanged (reading the text is most of the work), and
/// its related briefs when no brief's features changed.
pub fn analyse_with(
    briefs: &[Brief],
    topics: &[Topic],
    sources: &[SourceText],
    aliases: &Aliases,
    memo: AnalysisReuse<'_>,
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
        .map(|b| topics_of(b, |t| topic_index.get(t).copied()))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); topics.len()];
    for &b in &newest_first {
        for &t in &brief_topics[b] {
            members[t].push(b);
        }
    }

    let mut rank = vec![0usize; briefs.len()];
    for (r, &b) in newest_first.iter().enumerate() {
        rank[b] = r;
    }
    // Reading the texts runs on every core; the facts (entities above all)
    // mostly on one: side by side, the second core is not idle meanwhile.
    let ((mut passages, mut leads), (entities, figures, timeline)) = rayon::join(
        || read_texts(briefs, topics, &brief_topics, memo.passages),
        || facts(briefs, aliases, &rank, memo),
    );

    let topic_analyses = topic_analyses(briefs, &members, &brief_topics, &mut passages);

    // Entities by brief, for related briefs and source pages.
    let mut brief_entities: Vec<Vec<usize>> = vec![Vec::new(); briefs.len()];
    for (e, ent) in entities.iter().enumerate() {
        for m in &ent.mentions {
            brief_entities[m.brief].push(e);
        }
    }
    let features = related::Features {
        topics: &brief_topics,
        entities: &brief_entities,
        entity_list: &entities,
        figures: figure_features(briefs),
    };
    let related_key = related_key(briefs, topics, &members, &newest_first, &features);
    let brief_source: Vec<Option<usize>> = briefs
        .iter()
        .map(|b| {
            b.source
                .as_deref()
                .and_then(|s| source_index.get(s).copied())
        })
        .collect();
    let mut source_briefs: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    for (i, s) in brief_source.iter().enumerate() {
        if let Some(s) = s {
            source_briefs[*s].push(i);
        }
    }
    // Story grouping runs on one core; related briefs and the sources'
    // words on every core: all three at once.
    let (related, ((stories, stories_took), sources)) = rayon::join(
        || {
            memo.related.get_or(related_key, &mut || {
                Arc::new(related::related_briefs(
                    briefs,
                    topics,
                    &features,
                    &members,
                    &newest_first,
                ))
            })
        },
        || {
            rayon::join(
                || group_stories(briefs, &leads, &brief_entities, &entities, &timeline),
                || {
                    source_analyses(
                        sources,
                        source_briefs,
                        (&brief_topics, &brief_entities),
                        memo.source_terms,
                    )
                },
            )
        },
    );
    let mut story_of: Vec<Option<usize>> = vec![None; briefs.len()];
    for (s, story) in stories.iter().enumerate() {
        for &b in &story.briefs {
            story_of[b] = Some(s);
        }
    }
    let brief_analyses = brief_source
        .into_iter()
        .zip(related.iter().cloned())
        .enumerate()
        .map(|(i, (source, related))| BriefAnalysis {
            source,
            story: story_of[i],
            related,
            lead: std::mem::take(&mut leads[i]),
        })
        .collect();

    let mut topic_analyses: Vec<TopicAnalysis> = topic_analyses;
    cross_link_topics(
        &mut topic_analyses,
        &brief_topics,
        &entities,
        &figures,
        &timeline,
    );
    Analysis {
        entities,
        stories,
        stories_took,
        latest_day: stories::latest_day(briefs),
        figures,
        timeline,
        newest_first,
        topics: topic_analyses,
        briefs: brief_analyses,
        sources,
    }
}

/// What related briefs are computed from: the briefs' dates, sources,
/// credits, topics, entities and figures, the topics' and entities' names.
fn related_key(
    briefs: &[Brief],
    topics: &[Topic],
    members: &[Vec<usize>],
    newest_first: &[usize],
    features: &related::Features<'_>,
) -> u128 {
    let mut h = crate::hash::Hasher::new();
    h.value(&briefs.len()).value(members).value(newest_first);
    for (b, brief) in briefs.iter().enumerate() {
        h.value(&brief.published)
            .value(&brief.source)
            .value(&brief.facts.attribution)
            .value(&features.topics[b])
            .value(&features.entities[b])
            .value(&features.figures[b]);
    }
    for t in topics {
        h.value(&t.title);
    }
    for e in features.entity_list.iter() {
        h.value(&e.name);
    }
    h.finish()
}

/// The stories among the briefs, and how long grouping them took.
fn group_stories(
    briefs: &[Brief],
    leads: &[Arc<Lead>],
    brief_entities: &[Vec<usize>],
    entities: &[Entity],
    timeline: &Timeline,
) -> (Vec<Story>, std::time::Duration) {
    let started = std::time::Instant::now();
    let terms: Vec<&Terms> = leads.iter().map(|l| &l.terms).collect();
    let firsts: Vec<&str> = leads.iter().map(|l| l.summary.as_str()).collect();
    let stories = stories::stories(
        briefs,
        &terms,
        &firsts,
        brief_entities,
        entities,
        &timeline.events,
    );
    (stories, started.elapsed())
}

/// Each source's briefs, the topics and entities those briefs have
/// (`of_briefs`: by brief, its topics and its entities), and its words.
fn source_analyses(
    sources: &[SourceText],
    source_briefs: Vec<Vec<usize>>,
    of_briefs: (&[Vec<usize>], &[Vec<usize>]),
    memo: &dyn Reuse<Arc<Terms>>,
) -> Vec<SourceAnalysis> {
    use rayon::prelude::*;
    let (brief_topics, brief_entities) = of_briefs;
    source_briefs
        .into_par_iter()
        .zip(sources)
        .map(|(bs, source)| {
            let mut topics: Vec<usize> = bs
                .iter()
                .flat_map(|&b| brief_topics[b].iter().copied())
                .collect();
            topics.sort_unstable();
            topics.dedup();
            let mut ents: Vec<usize> = bs
                .iter()
                .flat_map(|&b| brief_entities[b].iter().copied())
                .collect();
            ents.sort_unstable();
            ents.dedup();
            let text = &*source.text;
            let terms = memo.get_or(crate::hash::hash_bytes(text.as_bytes()), &mut || {
                Arc::new(Terms::of(text))
            });
            SourceAnalysis {
                briefs: bs,
                topics,
                entities: ents,
                terms,
            }
        })
        .collect()
}

/// Each topic's briefs (newest first, with the passage that tagged each)
/// and the topics its briefs share, most shared first.
fn topic_analyses(
    briefs: &[Brief],
    members: &[Vec<usize>],
    brief_topics: &[Vec<usize>],
    passages: &mut TagPassages,
) -> Vec<TopicAnalysis> {
    let mut co: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); members.len()];
    for ts in brief_topics {
        for &a in ts {
            for &b in ts {
                if a != b {
                    *co[a].entry(b).or_default() += 1;
                }
            }
        }
    }

    members
        .iter()
        .enumerate()
        .map(|(t, list)| {
            let mut co_topics: Vec<(usize, usize)> = co[t].iter().map(|(&k, &v)| (k, v)).collect();
            co_topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            TopicAnalysis {
                entities: Vec::new(),
                figures: Vec::new(),
                events: Vec::new(),
                agreements: Vec::new(),
                newest: list.iter().filter_map(|&b| briefs[b].published).max(),
                briefs: list
                    .iter()
                    .map(|&b| TaggedBrief {
                        brief: b,
                        // Each (brief, topic) pair is listed once.
                        passage: passages.remove(&(b, t)),
                    })
                    .collect(),
                co_topics,
            }
        })
        .collect()
}

/// Entities, figures and the timeline of all briefs, each taken from the
/// memo when what it is made from is unchanged; made in parallel.
fn facts(
    briefs: &[Brief],
    aliases: &Aliases,
    rank: &[usize],
    memo: AnalysisReuse<'_>,
) -> (Arc<Vec<Entity>>, Arc<Vec<FigureGroup>>, Arc<Timeline>) {
    let [entities_key, figures_key, timeline_key] = facts_keys(briefs, aliases, rank);
    let (entities, (figures, timeline)) = rayon::join(
        || {
            reuse(
                memo.facts,
                entities_key,
                FactsPart::Entities,
                FactsPart::entities,
                || entities::entities(briefs, aliases, rank),
            )
        },
        || {
            rayon::join(
                || {
                    reuse(
                        memo.facts,
                        figures_key,
                        FactsPart::Figures,
                        FactsPart::figures,
                        || figures::figure_groups(briefs),
                    )
                },
                || {
                    reuse(
                        memo.facts,
                        timeline_key,
                        FactsPart::Timeline,
                        FactsPart::timeline,
                        || timeline::timeline(briefs),
                    )
                },
            )
        },
    );
    (entities, figures, timeline)
}

/// Each brief's stated figures as (quantity|value key, "2,500 troops in
/// Iraq"), sorted, once each: what related briefs compare.
fn figure_features(briefs: &[Brief]) -> Vec<Vec<(String, String)>> {
    briefs
        .iter()
        .map(|b| {
            let mut fs: Vec<(String, String)> = b
                .facts
                .figures
                .iter()
                .filter_map(|f| {
                    let v = f.value?;
                    let label = figures::figure_label(f, &b.facts.figures);
                    Some((
                        format!("{label}|{v}"),
                        format!("{} {label}", figures::display_number(v)),
                    ))
                })
                .collect();
            fs.sort();
            fs.dedup();
            fs
        })
        .collect()
}

/// Per topic: its entities, figures, events, and what two or more of its
/// sources state alike. Linear in the facts: every group is visited once per topic.
fn cross_link_topics(
    topics: &mut [TopicAnalysis],
    brief_topics: &[Vec<usize>],
    entities: &[Entity],
    figures: &[FigureGroup],
    timeline: &Timeline,
) {
    let in_topic = |t: usize, b: usize| brief_topics[b].contains(&t);
    for (t, ta) in topics.iter_mut().enumerate() {
        let mut ents: Vec<(usize, usize)> = entities
            .iter()
            .enumerate()
            .filter_map(|(e, ent)| {
                let n = ent.mentions.iter().filter(|m| in_topic(t, m.brief)).count();
                (n > 0).then_some((e, n))
            })
            .collect();
        ents.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ta.entities = ents;
        let mut agreements = Vec::new();
        let mut agree = |text: String, briefs: &mut dyn Iterator<Item = usize>| {
            let mut bs: Vec<usize> = briefs.filter(|&b| in_topic(t, b)).collect();
            bs.sort_unstable();
            bs.dedup();
            if bs.len() >= 2 {
                agreements.push(Agreement { text, briefs: bs });
            }
        };
        for (g, group) in figures.iter().enumerate() {
            let touches = group
                .values
                .iter()
                .flat_map(|v| &v.statements)
                .chain(&group.unquantified)
                .any(|s| in_topic(t, s.brief));
            if touches {
                ta.figures.push(g);
                // One side of a disagreement is not an agreement.
                for v in group.values.iter().filter(|_| !group.disagreement) {
                    agree(
                        format!("{} {}", v.display, group.label),
                        &mut v.statements.iter().map(|s| s.brief),
                    );
                }
            }
        }
        for (e, event) in timeline.events.iter().enumerate() {
            let touches = event
                .versions
                .iter()
                .flat_map(|v| &v.statements)
                .any(|s| in_topic(t, s.brief));
            if touches {
                ta.events.push(e);
                for v in event.versions.iter().filter(|_| !event.disagreement) {
                    agree(
                        format!("{}: {}", event.label, v.when.display),
                        &mut v.statements.iter().map(|s| s.brief),
                    );
                }
            }
        }
        agreements.sort_by(|a, b| {
            b.briefs
                .len()
                .cmp(&a.briefs.len())
                .then(a.text.cmp(&b.text))
        });
        ta.agreements = agreements;
    }
}

/// The analysis as `analysis.json`: the index tables (brief slugs, topic
/// slugs, source paths) that the analysis's indices point into, then the
/// analysis itself. Deterministic: the same briefs give the same bytes.
#[derive(Serialize)]
pub struct JsonExport<'a> {
    generator: &'static str,
    briefs: Vec<&'a str>,
    topics: Vec<&'a str>,
    sources: Vec<&'a str>,
    analysis: &'a Analysis,
}

impl<'a> JsonExport<'a> {
    /// The export of `analysis` of these inputs.
    pub fn new(
        analysis: &'a Analysis,
        briefs: &'a [Brief],
        topics: &'a [Topic],
        sources: &'a [SourceText],
    ) -> JsonExport<'a> {
        JsonExport {
            generator: "dossier",
            briefs: briefs.iter().map(|b| b.slug.as_str()).collect(),
            topics: topics.iter().map(|t| t.slug.as_str()).collect(),
            sources: sources.iter().map(|s| s.rel_path.as_str()).collect(),
            analysis,
        }
    }

    /// The file's text, written to `out`; its length. Compact, one line: at thousands of briefs the
    /// indented form doubles the file, and whoever reads it uses a JSON tool
    /// anyway.
    pub fn write_json(&self, out: &mut impl std::io::Write) -> usize {
        use std::io::Write as _;
        let mut counted = Counted { out, len: 0 };
        // Writing to memory or a hasher does not fail; nor does serialising
        // these types (string keys only).
        let _ = serde_json::to_writer(&mut counted, self);
        let _ = counted.write_all(b"\n");
        counted.len
    }
}

/// A writer that counts what goes through it.
struct Counted<'a, W> {
    out: &'a mut W,
    len: usize,
}

impl<W: std::io::Write> std::io::Write for Counted<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.len += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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

/// The passage of each (brief, topic) tag.
type TagPassages = BTreeMap<(usize, usize), Passage>;

/// The indices of `brief`'s topics, sorted (`index` finds a topic by slug).
fn topics_of(brief: &Brief, index: impl Fn(&str) -> Option<usize>) -> Vec<usize> {
    let mut ts: Vec<usize> = brief.topics.iter().filter_map(|t| index(t)).collect();
    ts.sort_unstable();
    ts.dedup();
    ts
}

/// Per topic, the hash of what decides what is read for it in a text.
fn topic_keys(topics: &[Topic]) -> Vec<u128> {
    topics
        .iter()
        .map(|t| {
            let mut h = crate::hash::Hasher::new();
            h.bytes(t.slug.as_bytes()).value(&t.rules);
            h.finish()
        })
        .collect()
}

/// The key of what is read in `brief`'s text: the text, the evidence and
/// the rules of its topics.
fn read_key(brief: &Brief, brief_topics: &[usize], topic_keys: &[u128]) -> u128 {
    let mut key = crate::hash::Hasher::new();
    key.value(&brief.body.hash()).value(&brief.facts.evidence);
    for &t in brief_topics {
        key.value(&topic_keys[t]);
    }
    key.finish()
}

/// The key under which a [`TextReading`] is kept: what was read in `brief`'s text.
pub fn text_read_key(brief: &Brief, topics: &[Topic]) -> u128 {
    let index = |slug: &str| topics.iter().position(|t| t.slug == slug);
    read_key(brief, &topics_of(brief, index), &topic_keys(topics))
}

/// Does `edited`, the brief `before` with another text, read the same to the
/// analysis: the same passage for each of its topics and the same lead?
/// Then nothing the analysis makes changes but the brief's own text. False
/// when `memo` does not have what was read in `before`'s text.
pub fn reads_alike(
    before: &Brief,
    edited: &Brief,
    topics: &[Topic],
    memo: &dyn Reuse<TextReading>,
) -> bool {
    let index = |slug: &str| topics.iter().position(|t| t.slug == slug);
    let (was, now) = (topics_of(before, index), topics_of(edited, index));
    let Some(read) = (was == now)
        .then(|| memo.previous(read_key(before, &was, &topic_keys(topics))))
        .flatten()
    else {
        return false;
    };
    let matcher = TopicMatcher::new(topics.iter().map(|t| &t.rules));
    let (passages, lead) = read_text(edited, topics, &matcher, &now);
    read.0 == passages && read.1 == lead
}

/// For every (brief, topic) tag, the sentence that justifies it: the
/// evidence ingest recorded (with its source line) when there is some, else
/// the best-matching sentence of the brief's text. And every brief's lead.
/// The text of each brief is made plain once for both.
fn read_texts(
    briefs: &[Brief],
    topics: &[Topic],
    brief_topics: &[Vec<usize>],
    memo: &dyn Reuse<TextReading>,
) -> (TagPassages, Vec<Arc<Lead>>) {
    use rayon::prelude::*;
    let matcher = TopicMatcher::new(topics.iter().map(|t| &t.rules));
    let topic_keys = topic_keys(topics);
    // Per brief: its ((brief, topic), passage) pairs and its lead.
    type Read = (Vec<((usize, usize), Passage)>, Arc<Lead>);
    let read: Vec<Read> = briefs
        .par_iter()
        .enumerate()
        .map(|(b, brief)| {
            let key = read_key(brief, &brief_topics[b], &topic_keys);
            let slug_index = |s: &str| {
                brief_topics[b]
                    .iter()
                    .copied()
                    .find(|&t| topics[t].slug == s)
            };
            // Shared with the memo: a passage is copied once, into the analysis.
            let read = memo.get_or(key, &mut || {
                Arc::new(read_text(brief, topics, &matcher, &brief_topics[b]))
            });
            let passages = read
                .0
                .iter()
                .filter_map(|(slug, p)| Some(((b, slug_index(slug)?), p.clone())))
                .collect();
            (passages, read.1.clone())
        })
        .collect();
    let mut passages = BTreeMap::new();
    let mut leads = Vec::with_capacity(read.len());
    for (p, lead) in read {
        passages.extend(p);
        leads.push(lead);
    }
    (passages, leads)
}

/// The passages of one brief, by topic slug, and its lead.
fn read_text(
    brief: &Brief,
    topics: &[Topic],
    matcher: &TopicMatcher,
    brief_topics: &[usize],
) -> (Vec<(String, Passage)>, Arc<Lead>) {
    // Ingest records the strongest evidence first; tags without any are
    // justified by the best-matching sentence of the brief's text.
    let mut out = Vec::new();
    let mut unproven = Vec::new();
    for &t in brief_topics {
        match brief
            .facts
            .evidence
            .get(&topics[t].slug)
            .and_then(|ev| ev.first())
        {
            Some(best) => out.push((
                t,
                Passage {
                    text: best.text.clone(),
                    found: best.found.clone(),
                    line: Some(best.line),
                },
            )),
            None => unproven.push(t),
        }
    }
    let text = plain_text(brief.body.text());
    if !unproven.is_empty() {
        let mut best: Vec<Option<(f64, &str, Vec<String>)>> = vec![None; unproven.len()];
        for s in sentences::sentences(&text) {
            for (t, m) in matcher.match_sentence(s) {
                let Some(i) = unproven.iter().position(|&u| u == t) else {
                    continue;
                };
                if best[i]
                    .as_ref()
                    .is_none_or(|(score, _, _)| m.score > *score)
                {
                    best[i] = Some((m.score, s, m.found));
                }
            }
        }
        for (&t, b) in unproven.iter().zip(best) {
            if let Some((_, s, found)) = b {
                let p = Passage {
                    text: s.to_string(),
                    found,
                    line: None,
                };
                out.push((t, p));
            }
        }
    }
    // In the brief's topic order, as before.
    out.sort_by_key(|(t, _)| brief_topics.iter().position(|x| x == t));
    let passages = out
        .into_iter()
        .map(|(t, p)| (topics[t].slug.clone(), p))
        .collect();
    (passages, Arc::new(Lead::of(&text)))
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
