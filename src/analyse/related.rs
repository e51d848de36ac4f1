//! Related briefs without comparing every pair.
//!
//! Candidates for a brief come from what it shares with others: the briefs
//! nearest to it in time within each of its topics (a fixed window), and the
//! other briefs naming the same entity, stating the same figure or citing the
//! same outlet, taken from posting lists that are skipped once they grow
//! longer than [`MAX_POSTING`] (a name every brief shares says nothing). So
//! the cost is O(briefs x features x bounded list), not O(briefs²).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::brief::Brief;
use crate::topic::Topic;

/// How many related briefs each brief lists.
pub const MAX_RELATED: usize = 5;

/// Neighbours taken on each side of a brief in each of its topics.
const WINDOW: usize = 16;

/// Longest posting list (briefs sharing one entity, figure or outlet) used.
const MAX_POSTING: usize = 64;

/// One related brief and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            let mut scored: Vec<Related> = cands
                .into_iter()
                .map(|c| score(b, c, briefs, topics, f, &idf))
                .collect();
            scored.sort_by(|x, y| {
                y.score
                    .total_cmp(&x.score)
                    .then_with(|| rank[x.brief].cmp(&rank[y.brief]))
            });
            scored.truncate(MAX_RELATED);
            scored
        })
        .collect()
}

fn score(
    b: usize,
    c: usize,
    briefs: &[Brief],
    topics: &[Topic],
    f: &Features<'_>,
    idf: &[f64],
) -> Related {
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
    let mut score: f64 = shared_topics.iter().map(|&t| idf[t]).sum();
    score += 2.0 * shared_figures.len() as f64
        + 1.2 * shared_entities.len() as f64
        + 1.0 * shared_outlets.len() as f64;
    if let (Some(x), Some(y)) = (briefs[b].published, briefs[c].published) {
        let days = (x - y).num_days().unsigned_abs() as f64;
        score += 1.0 / (1.0 + days / 30.0);
    }
    if briefs[b].source.is_some() && briefs[b].source == briefs[c].source {
        score += 10.0;
    }
    // The two most telling reasons, most specific first.
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
    let reason = if reasons.is_empty() {
        "published around the same time".to_string()
    } else {
        reasons.join("; ")
    };
    Related {
        brief: c,
        reason,
        score,
    }
}

fn about(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("both about {one}"),
        [init @ .., last] => format!("both about {} and {last}", init.join(", ")),
    }
}
