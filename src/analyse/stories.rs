//! Stories: briefs that report one event, grouped without comparing every
//! pair.
//!
//! Two reports of one event share its rare words (the place, the target,
//! the numbers) and its names, and appear within days of each other. Each
//! brief is a vector of its words and entities weighted by how rare they
//! are in the corpus (idf), those of its headline and first sentence weighed
//! more (a report opens with its event, its later paragraphs give history
//! that reports of other events share); two briefs are as close as the cosine of their
//! vectors, lowered as their publication dates move apart and zero beyond
//! [`WINDOW_DAYS`]. Candidates for a brief come from posting lists of rare
//! features ([`MAX_POSTING`]), so the cost is bounded per brief, never
//! O(briefs²).
//!
//! Groups are made by average linkage: pairs are taken closest first, and
//! two groups join only when the mean closeness over every pair across them
//! (a pair never scored counts as zero) reaches [`JOIN`]. One close pair
//! cannot chain two events together, as single linkage (union-find) would.
//! Many reports of one announcement, each in its own words, still split
//! into several groups: pair by pair, what each outlet adds (reactions,
//! background) outweighs the event they share. Groups tied by a scored
//! pair are then compared by the mean direction of their headlines and
//! first sentences, where a report states its event, and joined when those
//! agree ([`CENTROID_JOIN`]) within a day.
//! An undated brief has no date to rule it out, so it joins only the group
//! of a dated brief it is clearly close to ([`UNDATED_JOIN`]).

use crate::words::Terms;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::figures::{FigureGroup, figure_groups_where};
use super::story_claims::{EntityForms, StoryClaims, StoryWords, story_claims};
use super::story_days::{StoryDays, recalls_another_day, story_days};
use super::story_places::{StoryPlace, story_places};
use super::timeline::{Event, EventVersion};
use crate::brief::Brief;

/// Reports of one event appear within this many days of each other.
pub const WINDOW_DAYS: i64 = 3;

/// Features shared by more briefs than this do not propose candidates
/// (they still count in the closeness of a candidate).
const MAX_POSTING: usize = 64;

/// Candidates scored per brief: those sharing the most rare features.
const MAX_CANDIDATES: usize = 48;

/// Two reports of one event share at least this many specific features
/// (names, words rare in general English, each shared by few briefs): the
/// place, a name, the weapon. Reports of different events that share only
/// the words of every such report ("attack", "governor", "Thursday") are
/// never compared.
const MIN_SHARED: u32 = 2;

/// Mean closeness across two groups for them to be one story.
const JOIN: f32 = 0.15;

/// Closeness of two groups' mean directions for them to be one story
/// ([`join_by_centroids`]).
const CENTROID_JOIN: f32 = 0.4;

/// Closeness an undated brief needs to a dated member of a story.
const UNDATED_JOIN: f32 = 0.30;

/// Closeness of an undated brief to a dated one that counts as a vote for
/// the dated one's story.
const UNDATED_NEAR: f32 = 0.15;

/// Briefs that share none of a dossier's features, added to its count in
/// the idf (as if the dossier were drawn from a wider stream of news). A
/// dossier is often mostly one event: twenty reports of one announcement
/// share its words, and with the dossier's own count alone those words
/// weigh almost nothing (ln(21/20)), so each pair is scored by the few
/// words two reports happen to share and the reports split into several
/// stories. Sixteen keeps the shared words weighing about a fifth of a rare
/// one's in such a dossier and is lost in a dossier of thousands.
const BACKGROUND_BRIEFS: f32 = 16.0;

/// A name says more than a word: entity features weigh this much more.
const ENTITY_WEIGHT: f32 = 2.0;

/// A feature of a brief's headline or first sentence weighs this much
/// more in its vector: a long report's background paragraphs (the history
/// of the coalition, last month's strikes) would otherwise outweigh the
/// event it and another report of it open with.
const LEAD_BOOST: f32 = 2.0;

/// Words shorter than this (in bytes) are not features ("us", "al").
const MIN_WORD: usize = 3;

/// One event as several briefs report it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Story {
    /// Page slug: `stories/<slug>.html` (the slug of its lead brief).
    pub slug: String,
    /// The title of its lead brief.
    pub title: String,
    /// The member closest to all others: its title names the story.
    pub lead: usize,
    /// Member briefs, oldest first, undated last.
    pub briefs: Vec<usize>,
    /// Earliest publication date of a member.
    pub first: Option<NaiveDate>,
    /// Latest publication date of a member.
    pub last: Option<NaiveDate>,
    /// What the members state, grouped by quantity among them: where
    /// `disagreement` is set, they give different values.
    pub figures: Vec<FigureGroup>,
    /// The timeline's events as the members date them.
    pub events: Vec<Event>,
    /// When the event happened, by each member that says.
    pub days: StoryDays,
    /// Who did it, by each member that says.
    pub claims: StoryClaims,
    /// Where it happened: places the members name, most named first.
    pub places: Vec<StoryPlace>,
    /// Members first seen on the briefing's latest day ([`latest_day`]),
    /// when the story had reports before it.
    pub new_briefs: Vec<usize>,
    /// What its reports disagree on now and did not before those new ones
    /// ([`Story::disputed`] labels).
    pub newly_disputed: Vec<String>,
}

/// Label of the day a story's event happened, among what its reports dispute.
pub const DAY_LABEL: &str = "when it happened";

/// Label of who did it, among what its reports dispute.
pub const CLAIMS_LABEL: &str = "who did it";

impl Story {
    /// What the latest day added, in words ("2 new sources; now disputed:
    /// wounded"), when it added reports.
    pub fn update_summary(&self) -> Option<String> {
        let n = self.new_briefs.len();
        if n == 0 {
            return None;
        }
        let mut summary = format!("{n} new source{}", if n == 1 { "" } else { "s" });
        if !self.newly_disputed.is_empty() {
            summary.push_str(&format!(
                "; now disputed: {}",
                self.newly_disputed.join(", ")
            ));
        }
        Some(summary)
    }

    /// What its reports give different values, days or versions for:
    /// quantities ("wounded"), when it happened, who did it, then events.
    pub fn disputed(&self) -> Vec<String> {
        let figures = self.figures.iter().filter(|g| g.disagreement);
        let events = self.events.iter().filter(|e| e.disagreement);
        figures
            .map(|g| g.label.clone())
            .chain(self.days.disagreement.then(|| DAY_LABEL.to_string()))
            .chain(self.claims.disagreement.then(|| CLAIMS_LABEL.to_string()))
            .chain(events.map(|e| e.label.clone()))
            .collect()
    }
}

/// The latest day a source was first seen ([`crate::brief::IngestStamp::first_seen`]),
/// if some brief was seen earlier (or before the field existed): the day
/// whose additions a briefing shows as new. `None` when every brief is from
/// one day (a first ingest shows nothing as new).
pub fn latest_day(briefs: &[Brief]) -> Option<NaiveDate> {
    let seen = |b: &Brief| b.facts.ingest.as_ref().and_then(|s| s.first_seen);
    let latest = briefs.iter().filter_map(seen).max()?;
    briefs
        .iter()
        .any(|b| seen(b).is_none_or(|d| d < latest))
        .then_some(latest)
}

/// The events of `timeline` as the briefs `among` date them: other briefs'
/// statements left out, and a disagreement only between these briefs.
pub fn events_among(events: &[Event], among: &[usize]) -> Vec<Event> {
    events
        .iter()
        .filter_map(|ev| {
            let versions: Vec<EventVersion> = ev
                .versions
                .iter()
                .filter_map(|v| {
                    let statements: Vec<_> = v
                        .statements
                        .iter()
                        .filter(|s| among.contains(&s.brief))
                        .cloned()
                        .collect();
                    (!statements.is_empty()).then(|| EventVersion {
                        when: v.when.clone(),
                        statements,
                    })
                })
                .collect();
            (!versions.is_empty()).then(|| Event {
                key: ev.key.clone(),
                label: ev.label.clone(),
                disagreement: super::timeline::versions_disagree(&versions),
                versions,
            })
        })
        .collect()
}

/// A brief as the grouping sees it: its features (sorted ids) with weights
/// scaled to unit length.
struct Vector {
    features: Vec<(u32, f32)>,
}

impl Vector {
    /// The vector of these weights scaled to unit length.
    fn unit(mut features: Vec<(u32, f32)>) -> Vector {
        let norm = features.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut features {
                *w /= norm;
            }
        }
        Vector { features }
    }

    fn dot(&self, other: &Vector) -> f32 {
        let (a, b) = (&self.features, &other.features);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// Features of each brief: its words (`terms`, plus those of its title)
/// and its entities, as ids; how many briefs have each id; and per id
/// whether it is specific (a name, or a word rare in general English).
struct Features {
    per_brief: Vec<Vec<u32>>,
    /// Per brief, sorted: the features its headline and first sentence
    /// hold, where a report states its event ([`LEAD_BOOST`]).
    lead: Vec<Vec<u32>>,
    df: Vec<u32>,
    /// How much a feature says beyond the corpus's own rarity:
    /// [`ENTITY_WEIGHT`] for entities, 1 for rare words, less for words
    /// common in any English text.
    background: Vec<f32>,
    specific: Vec<bool>,
}

/// Words at least this common in general English (Zipf scale: 4 is once
/// per 100,000 words) do not on their own tie two reports together:
/// "Thursday", "security", "official" appear in reports of every event.
const COMMON_ZIPF: f32 = 4.0;

/// The weight of a word from its general frequency: the rarer, the more it
/// says (9 - Zipf is minus log10 of its share of all words), scaled to 1
/// for words rarer than the lexicon knows.
fn background(word: &str) -> (f32, bool) {
    match crate::ingest::lexicon::lexicon().get(word) {
        Some(e) => {
            let zipf = f32::from(e.zipf10) / 10.0;
            ((9.0 - zipf).clamp(0.5, 6.5) / 6.5, zipf < COMMON_ZIPF)
        }
        None => (1.0, true),
    }
}

/// Is a word rare enough in general English to tie reports together?
pub(super) fn is_specific(word: &str) -> bool {
    background(word).1
}

/// How much a word says beyond the corpus: 1 for words rarer than the
/// lexicon knows, down to 0.5/6.5 for the commonest.
pub(super) fn background_weight(word: &str) -> f32 {
    background(word).0
}

fn features(
    briefs: &[Brief],
    terms: &[&Terms],
    leads: &[&str],
    entities: &[Vec<usize>],
) -> Features {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let entity_base = u32::try_from(entities.iter().flatten().max().map_or(0, |&e| e + 1))
        .unwrap_or(u32::MAX / 2);
    let mut background_of: Vec<(f32, bool)> = vec![(ENTITY_WEIGHT, true); entity_base as usize];
    let mut per_brief: Vec<Vec<u32>> = Vec::with_capacity(briefs.len());
    let mut lead_words: Vec<Vec<String>> = Vec::with_capacity(briefs.len());
    for (b, brief) in briefs.iter().enumerate() {
        let mut fs: Vec<u32> = entities[b].iter().map(|&e| e as u32).collect();
        let title_terms: Vec<String> = crate::words::terms(&brief.title).collect();
        let mut opening = title_terms.clone();
        opening.extend(crate::words::terms(leads.get(b).copied().unwrap_or("")));
        lead_words.push(opening);
        let words = terms[b]
            .iter()
            .chain(title_terms.iter().map(String::as_str));
        for w in words.filter(|w| w.len() >= MIN_WORD) {
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = entity_base + ids.len() as u32;
                    ids.insert(w.to_string(), id);
                    background_of.push(background(w));
                    id
                }
            };
            fs.push(id);
        }
        fs.sort_unstable();
        fs.dedup();
        per_brief.push(fs);
    }
    let lead = lead_words
        .iter()
        .map(|ws| {
            let mut ids: Vec<u32> = ws
                .iter()
                .filter_map(|w| ids.get(w.as_str()).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    let mut df = vec![0u32; background_of.len()];
    for fs in &per_brief {
        for &f in fs {
            df[f as usize] += 1;
        }
    }
    Features {
        per_brief,
        lead,
        df,
        background: background_of.iter().map(|b| b.0).collect(),
        specific: background_of.iter().map(|b| b.1).collect(),
    }
}

/// Unit vectors of idf weights (times the background weight) over the
/// features at least two briefs share.
fn vectors(f: &Features) -> Vec<Vector> {
    let n = f.per_brief.len() as f32;
    f.per_brief
        .iter()
        .zip(&f.lead)
        .map(|(fs, lead)| {
            let features: Vec<(u32, f32)> = fs
                .iter()
                .filter(|&&id| f.df[id as usize] >= 2)
                .map(|&id| {
                    // Smoothed by [`BACKGROUND_BRIEFS`]: a feature every brief
                    // has still counts, so that reports of one event group in
                    // a dossier made mostly of them.
                    let idf = ((n + BACKGROUND_BRIEFS) / f.df[id as usize] as f32).ln();
                    let boost = if lead.binary_search(&id).is_ok() {
                        LEAD_BOOST
                    } else {
                        1.0
                    };
                    (id, idf * f.background[id as usize] * boost)
                })
                .collect();
            Vector::unit(features)
        })
        .collect()
}

/// Unit vectors over the features of each brief's headline and first
/// sentence alone (idf weights times the background weight): how a report
/// states its event, without what each outlet adds.
fn lead_vectors(f: &Features) -> Vec<Vector> {
    let n = f.per_brief.len() as f32;
    f.lead
        .iter()
        .map(|lead| {
            let features: Vec<(u32, f32)> = lead
                .iter()
                .filter(|&&id| f.df[id as usize] >= 2)
                .map(|&id| {
                    let idf = ((n + BACKGROUND_BRIEFS) / f.df[id as usize] as f32).ln();
                    (id, idf * f.background[id as usize])
                })
                .collect();
            Vector::unit(features)
        })
        .collect()
}

/// How much the publication dates allow two briefs to be one story:
/// 1 within a day, falling to 0 past [`WINDOW_DAYS`]; `None` if either is
/// undated.
fn time_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<f32> {
    let days = (a? - b?).num_days().abs();
    Some(if days <= 1 {
        1.0
    } else if days > WINDOW_DAYS {
        0.0
    } else {
        1.0 - (days - 1) as f32 / WINDOW_DAYS as f32
    })
}

/// Pairs `(0, a, b)` with `a < b` to score: for each brief, the briefs
/// in its time window sharing the most specific features with it, at
/// least [`MIN_SHARED`].
fn candidate_pairs(briefs: &[Brief], f: &Features) -> Vec<(f32, u32, u32)> {
    use rayon::prelude::*;
    let per_brief = &f.per_brief;
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (b, fs) in per_brief.iter().enumerate() {
        for &id in fs {
            let d = f.df[id as usize] as usize;
            if f.specific[id as usize] && (2..=MAX_POSTING).contains(&d) {
                postings.entry(id).or_default().push(b as u32);
            }
        }
    }
    let candidates: Vec<Vec<u32>> = (0..briefs.len())
        .into_par_iter()
        .map(|b| {
            let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
            for f in &per_brief[b] {
                for &c in postings.get(f).into_iter().flatten() {
                    let c_dated = time_factor(briefs[b].published, briefs[c as usize].published);
                    if c as usize != b && c_dated != Some(0.0) {
                        *shared.entry(c).or_default() += 1;
                    }
                }
            }
            let mut list: Vec<(u32, u32)> = shared
                .into_iter()
                .filter(|&(_, n)| n >= MIN_SHARED)
                .collect();
            list.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            list.truncate(MAX_CANDIDATES);
            list.into_iter().map(|(c, _)| c).collect()
        })
        .collect();
    // Each pair once, from whichever side proposed it.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (b, list) in candidates.iter().enumerate() {
        let b = b as u32;
        pairs.extend(list.iter().map(|&c| (b.min(c), b.max(c))));
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.into_iter().map(|(a, b)| (0.0, a, b)).collect()
}

/// Group `briefs` into stories. `terms[b]` are the words of brief `b`'s
/// text (the analysis's [`super::Lead::terms`]); `entities[b]` the entities
/// it names (indices into `entity_list`). Briefs that stand alone are in no story.
pub fn stories(
    briefs: &[Brief],
    terms: &[&Terms],
    leads: &[&str],
    entities: &[Vec<usize>],
    entity_list: &[Entity],
    events: &[Event],
) -> Vec<Story> {
    use rayon::prelude::*;
    if briefs.len() < 2 {
        return Vec::new();
    }
    let features = features(briefs, terms, leads, entities);
    let vecs = vectors(&features);
    let mut pairs = candidate_pairs(briefs, &features);
    pairs.par_iter_mut().for_each(|(s, a, b)| {
        let (x, y) = (*a as usize, *b as usize);
        let cos = vecs[x].dot(&vecs[y]);
        *s = match time_factor(briefs[x].published, briefs[y].published) {
            Some(t) => cos * t,
            // Undated: kept as the raw closeness, judged apart below.
            None => -cos,
        };
    });
    let dated: Vec<bool> = briefs.iter().map(|b| b.published.is_some()).collect();
    let groups = link(&dated, &pairs);
    let groups = join_by_centroids(groups, &lead_vectors(&features), &pairs, briefs);
    // How close each brief is to the rest of its group: the closest names it.
    let mut group_of = vec![usize::MAX; briefs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut closeness = vec![0.0f32; briefs.len()];
    for &(s, a, b) in &pairs {
        let (a, b) = (a as usize, b as usize);
        if group_of[a] == group_of[b] {
            closeness[a] += s.abs();
            closeness[b] += s.abs();
        }
    }
    let mut out: Vec<Story> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|g| story_of(briefs, g, &closeness))
        .collect();
    let latest = latest_day(briefs);
    let mut in_story = vec![false; briefs.len()];
    for &b in out.iter().flat_map(|s| &s.briefs) {
        in_story[b] = true;
    }
    let forms = EntityForms::new(entity_list, &in_story);
    for story in &mut out {
        story.events = events_among(events, &story.briefs);
        story.days = story_days(briefs, &story.briefs, terms);
        story.figures = story_figures(briefs, &story.briefs, &story.days);
        story.claims = story_claims(briefs, &story.briefs, &forms, terms, story.days.day());
        let words = StoryWords::new(&story.briefs, terms);
        story.places = story_places(briefs, &story.briefs, &words);
        if let Some(day) = latest {
            what_is_new(story, day, briefs, terms, &forms, events);
        }
    }
    out.sort_by(|a, b| {
        b.last
            .cmp(&a.last)
            .then(b.briefs.len().cmp(&a.briefs.len()))
            .then(a.slug.cmp(&b.slug))
    });
    out
}

/// What the members state about the story's event, grouped by quantity: a
/// figure in a clause that recalls another day ("two days after a drone
/// attack killed three US soldiers") is about another event, left out.
fn story_figures(briefs: &[Brief], members: &[usize], days: &StoryDays) -> Vec<FigureGroup> {
    let event = days.day();
    figure_groups_where(briefs, members, |b, f| {
        !recalls_another_day(&briefs[b], f.line, &f.context, &f.text, event)
    })
}

/// The story's members first seen on `day` and what their reports made
/// disputed: the story's disagreements now, less those of the members it
/// had before (recomputed among them). A story all of whose reports are new
/// is new as a whole, not an update.
fn what_is_new(
    story: &mut Story,
    day: NaiveDate,
    briefs: &[Brief],
    terms: &[&Terms],
    forms: &EntityForms<'_>,
    events: &[Event],
) {
    let seen = |b: usize| briefs[b].facts.ingest.as_ref().and_then(|s| s.first_seen);
    let (new, old): (Vec<usize>, Vec<usize>) =
        story.briefs.iter().partition(|&&b| seen(b) == Some(day));
    if new.is_empty() || old.is_empty() {
        return;
    }
    let days = story_days(briefs, &old, terms);
    let event = days.day();
    let before = Story {
        figures: story_figures(briefs, &old, &days),
        events: events_among(events, &old),
        days,
        claims: story_claims(briefs, &old, forms, terms, event),
        places: Vec::new(),
        new_briefs: Vec::new(),
        newly_disputed: Vec::new(),
        briefs: old,
        ..story.clone()
    };
    let was = before.disputed();
    story.newly_disputed = story
        .disputed()
        .into_iter()
        .filter(|d| !was.contains(d))
        .collect();
    story.new_briefs = new;
}

/// Average linkage over the scored pairs (dated pairs carry a positive
/// closeness, pairs with an undated brief its negation), then each undated
/// brief joins the group of its closest dated brief if close enough.
fn link(dated_brief: &[bool], pairs: &[(f32, u32, u32)]) -> Vec<Vec<usize>> {
    let n = dated_brief.len();
    let mut adjacent: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut dated: Vec<(f32, u32, u32)> = Vec::new();
    let mut undated: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for &(s, a, b) in pairs {
        if s > 0.0 {
            adjacent[a as usize].push((b, s));
            adjacent[b as usize].push((a, s));
            dated.push((s, a, b));
        } else if s < 0.0 {
            for (u, other) in [(a, b), (b, a)] {
                if !dated_brief[u as usize] && dated_brief[other as usize] && -s >= UNDATED_NEAR {
                    undated[u as usize].push((other, -s));
                }
            }
        }
    }
    dated.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut group: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for &(_, a, b) in &dated {
        let (ga, gb) = (group[a as usize], group[b as usize]);
        if ga == gb {
            continue;
        }
        let (small, large) = if members[ga].len() <= members[gb].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let across: f32 = members[small]
            .iter()
            .flat_map(|&m| adjacent[m].iter())
            .filter(|(o, _)| group[*o as usize] == large)
            .map(|(_, s)| s)
            .sum();
        let mean = across / (members[small].len() * members[large].len()) as f32;
        if mean >= JOIN {
            let moved = std::mem::take(&mut members[small]);
            for &m in &moved {
                group[m] = large;
            }
            members[large].extend(moved);
        }
    }
    // An undated brief joins the group its near dated briefs vote for
    // (their closeness summed), if one of them is clearly close; never
    // another undated one (nothing would hold such a group in time). An
    // aggregator page or a round-up names other events in passing: one
    // close brief of another event must not outvote three of its own.
    for u in 0..n {
        let mut votes: FxHashMap<usize, (f32, f32)> = FxHashMap::default();
        for &(other, s) in &undated[u] {
            let v = votes.entry(group[other as usize]).or_default();
            v.0 += s;
            v.1 = v.1.max(s);
        }
        let best = votes
            .into_iter()
            .filter(|(_, (_, closest))| *closest >= UNDATED_JOIN)
            .max_by(|x, y| x.1.0.total_cmp(&y.1.0).then(y.0.cmp(&x.0)));
        if let Some((g, _)) = best {
            members[group[u]].retain(|&m| m != u);
            group[u] = g;
            members[g].push(u);
        }
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

/// The sum of a group's vectors, by feature id (its direction is the
/// group's centroid).
fn vector_sum(members: &[usize], vecs: &[Vector]) -> Vec<(u32, f32)> {
    let mut sum: FxHashMap<u32, f32> = FxHashMap::default();
    for &m in members {
        for &(id, w) in &vecs[m].features {
            *sum.entry(id).or_default() += w;
        }
    }
    let mut features: Vec<(u32, f32)> = sum.into_iter().collect();
    features.sort_unstable_by_key(|f| f.0);
    features
}

/// Two sums by feature id added, in one pass over both.
fn add_sums(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Days between the nearest publication dates of two groups (`None` when
/// either has none).
fn days_apart(a: &[usize], b: &[usize], briefs: &[Brief]) -> Option<i64> {
    let span = |g: &[usize]| {
        let dates = g.iter().filter_map(|&m| briefs[m].published);
        Some((dates.clone().min()?, dates.max()?))
    };
    let ((a0, a1), (b0, b1)) = (span(a)?, span(b)?);
    Some((a0 - b1).num_days().max((b0 - a1).num_days()).max(0))
}

/// Groups that average linkage left apart although they report one event.
/// Twenty reports of one announcement, each in its own words, score low
/// pair by pair (each outlet adds its own reactions and background), so
/// they split into several groups; the mean directions of their leads
/// (`leads`: each brief's headline-and-first-sentence vector), in which
/// what each outlet adds cancels out, still point the same way. Groups
/// adjacent through a scored pair join, closest first, when their
/// centroids are [`CENTROID_JOIN`] close and their dates at most a day
/// apart.
fn join_by_centroids(
    groups: Vec<Vec<usize>>,
    leads: &[Vector],
    pairs: &[(f32, u32, u32)],
    briefs: &[Brief],
) -> Vec<Vec<usize>> {
    let mut group_of = vec![usize::MAX; briefs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut adjacent: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|p| p.0 > 0.0)
        .map(|&(_, a, b)| (group_of[a as usize], group_of[b as usize]))
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.min(y), x.max(y)))
        .collect();
    adjacent.sort_unstable();
    adjacent.dedup();
    let mut members = groups;
    // Kept as sums, so a join adds two sums rather than summing every
    // member again.
    let mut sums: Vec<Vec<(u32, f32)>> = members.iter().map(|m| vector_sum(m, leads)).collect();
    let mut centroids: Vec<Vector> = sums.iter().map(|s| Vector::unit(s.clone())).collect();
    let near = |x: &[usize], y: &[usize]| days_apart(x, y, briefs).is_some_and(|d| d <= 1);
    let mut scored: Vec<(f32, usize, usize)> = adjacent
        .into_iter()
        .filter(|&(x, y)| near(&members[x], &members[y]))
        .map(|(x, y)| (centroids[x].dot(&centroids[y]), x, y))
        .filter(|s| s.0 >= CENTROID_JOIN)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Where each group went (a group joined to another points at it).
    let mut root: Vec<usize> = (0..members.len()).collect();
    let find = |root: &[usize], mut g: usize| {
        while root[g] != g {
            g = root[g];
        }
        g
    };
    for (_, x, y) in scored {
        let (x, y) = (find(&root, x), find(&root, y));
        if x == y
            || !near(&members[x], &members[y])
            || centroids[x].dot(&centroids[y]) < CENTROID_JOIN
        {
            continue;
        }
        let moved = std::mem::take(&mut members[y]);
        members[x].extend(moved);
        root[y] = x;
        let joined = std::mem::take(&mut sums[y]);
        sums[x] = add_sums(&sums[x], &joined);
        centroids[x] = Vector::unit(sums[x].clone());
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

/// The story of a group: members in time, the lead brief (closest to the
/// others), its title and slug.
fn story_of(briefs: &[Brief], mut members: Vec<usize>, closeness: &[f32]) -> Story {
    members.sort_by(|&a, &b| {
        let (x, y) = (briefs[a].published, briefs[b].published);
        match (x, y) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(briefs[a].slug.cmp(&briefs[b].slug))
    });
    // Ties: the earlier report.
    let lead = members
        .iter()
        .rev()
        .copied()
        .max_by(|&a, &b| closeness[a].total_cmp(&closeness[b]))
        .unwrap_or(members[0]);
    let dates = members.iter().filter_map(|&m| briefs[m].published);
    Story {
        figures: Vec::new(),
        events: Vec::new(),
        days: StoryDays::default(),
        claims: StoryClaims::default(),
        places: Vec::new(),
        new_briefs: Vec::new(),
        newly_disputed: Vec::new(),
        slug: briefs[lead].slug.clone(),
        title: briefs[lead].title.clone(),
        lead,
        first: dates.clone().min(),
        last: dates.max(),
        briefs: members,
    }
}

#[cfg(test)]
mod tests {
    use super::{Vector, join_by_centroids, link};
    use crate::brief::{Brief, BriefFacts};
    use chrono::NaiveDate;

    fn brief_on(day: u32) -> Brief {
        Brief {
            slug: format!("b{day}"),
            file: "content/briefs/b.md".into(),
            title: "B".into(),
            source: None,
            outlet: None,
            published: NaiveDate::from_ymd_opt(2024, 9, day),
            topics: Vec::new(),
            facts: BriefFacts::default(),
            body: crate::brief::Body::new(String::new(), 0),
            body_line: 1,
            topic_lines: Vec::new(),
            source_line: None,
            draft: false,
        }
    }

    fn unit(features: &[(u32, f32)]) -> Vector {
        Vector::unit(features.to_vec())
    }

    #[test]
    fn groups_whose_leads_point_one_way_are_one_story() {
        // 0-1 and 2-3 open with the same event in other words (features 1,
        // 2 shared, each pair its own third); 4 opens with another event on
        // the same day; 5 with the first event, a week later.
        let leads = vec![
            unit(&[(1, 1.0), (2, 1.0), (10, 0.8)]),
            unit(&[(1, 1.0), (2, 1.0), (10, 0.8)]),
            unit(&[(1, 1.0), (2, 1.0), (11, 0.8)]),
            unit(&[(1, 1.0), (2, 0.9), (11, 0.8)]),
            unit(&[(3, 1.0), (4, 1.0), (10, 0.2)]),
            unit(&[(1, 1.0), (2, 1.0), (10, 0.8)]),
        ];
        let briefs: Vec<Brief> = [27, 27, 27, 28, 27, 20].map(brief_on).into();
        // Scored pairs tie each group to the others (a shared word or name).
        let pairs = [(0.1, 1, 2), (0.1, 3, 4), (0.1, 0, 4), (0.1, 0, 5)];
        let mut groups = join_by_centroids(
            vec![vec![0, 1], vec![2, 3], vec![4], vec![5]],
            &leads,
            &pairs,
            &briefs,
        );
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort();
        assert_eq!(groups, vec![vec![0, 1, 2, 3], vec![4], vec![5]]);
    }

    fn sorted(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort();
        groups
    }

    #[test]
    fn one_close_pair_does_not_chain_two_events() {
        // 0-1 and 2-3 are two events; 1-2 is close (a follow-up that
        // recalls the first), but the mean across the groups is not.
        let pairs = [(0.6, 0, 1), (0.5, 2, 3), (0.4, 1, 2)];
        let groups = sorted(link(&[true; 4], &pairs));
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
        // Close to both members, it joins.
        let pairs = [(0.6, 0, 1), (0.3, 1, 2), (0.3, 0, 2)];
        assert_eq!(sorted(link(&[true; 3], &pairs)), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn an_undated_brief_joins_the_story_most_of_its_neighbours_are_in() {
        // 3 is undated (closeness stored negated): as close to 4 as to 0,
        // and close to 1 and 2 as well, which are 0's story.
        let dated = [true, true, true, false, true];
        let pairs = [
            (0.5, 0, 1),
            (0.5, 0, 2),
            (0.5, 1, 2),
            (-0.32, 0, 3),
            (-0.25, 1, 3),
            (-0.2, 2, 3),
            (-0.32, 3, 4),
        ];
        assert_eq!(
            sorted(link(&dated, &pairs)),
            vec![vec![0, 1, 2, 3], vec![4]]
        );
        // Not clearly close to any: it stands alone.
        let pairs = [(0.5, 0, 1), (-0.2, 0, 3), (-0.2, 1, 3)];
        assert_eq!(
            sorted(link(&dated, &pairs)),
            vec![vec![0, 1], vec![2], vec![3], vec![4]]
        );
    }
}
