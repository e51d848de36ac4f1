//! Related briefs without comparing every pair.
//!
//! Candidates for a brief come from what it shares with others: the briefs
//! nearest to it in time within each of its topics (a fixed window), and the
//! other briefs naming the same entity, stating the same figure or citing the
//! same outlet, taken from posting lists that are skipped once they grow
//! longer than [`MAX_POSTING`] (a name every brief shares says nothing). So
//! the cost is O(briefs x features x bounded list), not O(briefs²).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::brief::Brief;
use crate::topic::Topic;

/// How many related briefs each brief lists.
pub const MAX_RELATED: usize = 5;

/// Neighbours taken on each side of a brief in each of its topics.
const WINDOW: usize = 16;

/// Longest posting list (briefs sharing one entity, figure or outlet) used.
const MAX_POSTING: usize = 64;

/// One related brief and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// Index of the related brief.
    pub brief: usize,
    /// Human-readable reason, e.g. "both state 2,500 troops in Iraq; both about PMF".
    pub reason: String,
    /// Closeness; higher is closer.
    pub score: f64,
}

/// What each brief has that others may share.
pub(super) struct Features<'a> {
    /// Topic indices per brief.
    pub topics: &'a [Vec<usize>],
    /// Entity indices per brief.
    pub entities: &'a [Vec<usize>],
    /// The entities those indices refer to.
    pub entity_list: &'a [super::Entity],
    /// Figure facts per brief: (key, label) like ("troops|Iraq|2500", "2,500 troops in Iraq").
    pub figures: Vec<Vec<(String, String)>>,
}

pub(super) fn related_briefs(
    briefs: &[Brief],
    topics: &[Topic],
    f: &Features<'_>,
    members: &[Vec<usize>],
    newest_first: &[usize],
) -> Vec<Vec<Related>> {
    use rayon::prelude::*;
    let n = briefs.len().max(1) as f64;
    // Rarer topics say more about closeness than ones every brief has.
    let idf: Vec<f64> = members
        .iter()
        .map(|m| (n / (m.len().max(1) as f64)).ln() + 1.0)
        .collect();
    let mut pos_in_topic: Vec<Vec<(usize, usize)>> = vec![Vec::new(); briefs.len()];
    for (t, list) in members.iter().enumerate() {
        for (p, &b) in list.iter().enumerate() {
            pos_in_topic[b].push((t, p));
        }
    }
    let mut rank = vec![0usize; briefs.len()];
    for (r, &b) in newest_first.iter().enumerate() {
        rank[b] = r;
    }
    // Posting lists: feature -> briefs.
    let mut by_entity: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut by_figure: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_outlet: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (b, brief) in briefs.iter().enumerate() {
        for &e in &f.entities[b] {
            by_entity.entry(e).or_default().push(b);
        }
        for (k, _) in &f.figures[b] {
            by_figure.entry(k.as_str()).or_default().push(b);
        }
        for a in &brief.facts.attribution {
            by_outlet.entry(a.as_str()).or_default().push(b);
        }
    }
    let short = |list: &Vec<usize>| list.len() <= MAX_POSTING;
    (0..briefs.len())
        .into_par_iter()
        .map(|b| {
            let mut cands: Vec<usize> = Vec::new();
            for &(t, p) in &pos_in_topic[b] {
                let list = &members[t];
                let lo = p.saturating_sub(WINDOW);
                let hi = (p + WINDOW + 1).min(list.len());
                cands.extend(&list[lo..hi]);
            }
            for e in &f.entities[b] {
                cands.extend(by_entity.get(e).filter(|l| short(l)).into_iter().flatten());
            }
            for (k, _) in &f.figures[b] {
                cands.extend(
                    by_figure
                        .get(k.as_str())
                        .filter(|l| short(l))
                        .into_iter()
                        .flatten(),
                );
            }
            for a in &briefs[b].facts.attribution {
                cands.extend(
                    by_outlet
                        .get(a.as_str())
                        .filter(|l| short(l))
                        .into_iter()
                        .flatten(),
                );
            }
            cands.retain(|&c| c != b);
            cands.sort_unstable();
            cands.dedup();
            let mut scored: Vec<(f64, usize)> = cands
                .into_iter()
                .map(|c| (closeness(b, c, briefs, f, &idf), c))
                .collect();
            scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| rank[x.1].cmp(&rank[y.1])));
            scored.truncate(MAX_RELATED);
            // Reasons are words: written for the few kept only.
            scored
                .into_iter()
                .map(|(score, c)| Related {
                    brief: c,
                    reason: reason(b, c, briefs, topics, f),
                    score,
                })
                .collect()
        })
        .collect()
}

/// How close brief `c` is to brief `b`; higher is closer.
fn closeness(b: usize, c: usize, briefs: &[Brief], f: &Features<'_>, idf: &[f64]) -> f64 {
    let shared_topics: f64 = f.topics[b]
        .iter()
        .filter(|t| f.topics[c].contains(t))
        .map(|&t| idf[t])
        .sum();
    let shared_entities = f.entities[b]
        .iter()
        .filter(|e| f.entities[c].contains(e))
        .count();
    let shared_figures = f.figures[b]
        .iter()
        .filter(|(k, _)| f.figures[c].iter().any(|(k2, _)| k2 == k))
        .count();
    let shared_outlets = briefs[b]
        .facts
        .attribution
        .iter()
        .filter(|a| briefs[c].facts.attribution.contains(a))
        .count();
    let mut score = shared_topics;
    score +=
        2.0 * shared_figures as f64 + 1.2 * shared_entities as f64 + 1.0 * shared_outlets as f64;
    if let (Some(x), Some(y)) = (briefs[b].published, briefs[c].published) {
        let days = (x - y).num_days().unsigned_abs() as f64;
        score += 1.0 / (1.0 + days / 30.0);
    }
    if briefs[b].source.is_some() && briefs[b].source == briefs[c].source {
        score += 10.0;
    }
    score
}

/// Why brief `c` is related to brief `b`: the two most telling reasons,
/// most specific first.
fn reason(b: usize, c: usize, briefs: &[Brief], topics: &[Topic], f: &Features<'_>) -> String {
    let shared_topics: Vec<usize> = f.topics[b]
        .iter()
        .copied()
        .filter(|t| f.topics[c].contains(t))
        .collect();
    let shared_entities: Vec<usize> = f.entities[b]
        .iter()
        .copied()
        .filter(|e| f.entities[c].contains(e))
        .collect();
    let shared_figures: Vec<&str> = f.figures[b]
        .iter()
        .filter(|(k, _)| f.figures[c].iter().any(|(k2, _)| k2 == k))
        .map(|(_, label)| label.as_str())
        .collect();
    let shared_outlets: Vec<&str> = briefs[b]
        .facts
        .attribution
        .iter()
        .filter(|a| briefs[c].facts.attribution.contains(a))
        .map(String::as_str)
        .collect();
    let mut reasons: Vec<String> = Vec::new();
    match (shared_outlets.first(), shared_figures.first()) {
        (Some(o), Some(fig)) => reasons.push(format!("both cite {o} on {fig}")),
        (None, Some(fig)) => reasons.push(format!("both state {fig}")),
        (Some(o), None) => reasons.push(format!("both cite {o}")),
        (None, None) => {}
    }
    if !shared_entities.is_empty() {
        let names: Vec<&str> = shared_entities
            .iter()
            .take(2)
            .map(|&e| f.entity_list[e].name.as_str())
            .collect();
        reasons.push(format!("both name {}", names.join(" and ")));
    }
    if reasons.len() < 2 && !shared_topics.is_empty() {
        let names: Vec<&str> = shared_topics
            .iter()
            .map(|&t| topics[t].title.as_str())
            .collect();
        reasons.push(about(&names));
    }
    reasons.truncate(2);
    if reasons.is_empty() {
        "published around the same time".to_string()
    } else {
        reasons.join("; ")
    }
}

fn about(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("both about {one}"),
        [init @ .., last] => format!("both about {} and {last}", init.join(", ")),
    }
}
