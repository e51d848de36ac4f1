//! Related briefs without comparing every pair.
//!
//! Candidates for a brief come only from the topics it shares, and within a
//! topic only from the briefs nearest to it in time (a fixed window), so the
//! cost is O(briefs x topics per brief x window), not O(briefs²).

use serde::Serialize;

use crate::brief::Brief;
use crate::topic::Topic;

/// How many related briefs each brief lists.
pub const MAX_RELATED: usize = 5;

/// Neighbours taken on each side of a brief in each of its topics.
const WINDOW: usize = 16;

/// One related brief and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// Index of the related brief.
    pub brief: usize,
    /// Human-readable reason, e.g. "both about Militia attacks and PMF".
    pub reason: String,
    /// Closeness; higher is closer.
    pub score: f64,
}

pub(super) fn related_briefs(
    briefs: &[Brief],
    topics: &[Topic],
    brief_topics: &[Vec<usize>],
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
    // Position of each brief inside each topic list, for the time window.
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
    (0..briefs.len())
        .into_par_iter()
        .map(|b| {
            let mut cands: Vec<usize> = Vec::new();
            for &(t, p) in &pos_in_topic[b] {
                let list = &members[t];
                let lo = p.saturating_sub(WINDOW);
                let hi = (p + WINDOW + 1).min(list.len());
                cands.extend(list[lo..hi].iter().copied().filter(|&c| c != b));
            }
            cands.sort_unstable();
            cands.dedup();
            let mut scored: Vec<Related> = cands
                .into_iter()
                .map(|c| {
                    let shared: Vec<usize> = brief_topics[b]
                        .iter()
                        .copied()
                        .filter(|t| brief_topics[c].contains(t))
                        .collect();
                    let mut score: f64 = shared.iter().map(|&t| idf[t]).sum();
                    if let (Some(x), Some(y)) = (briefs[b].published, briefs[c].published) {
                        let days = (x - y).num_days().unsigned_abs() as f64;
                        score += 1.0 / (1.0 + days / 30.0);
                    }
                    if briefs[b].source.is_some() && briefs[b].source == briefs[c].source {
                        score += 10.0;
                    }
                    let names: Vec<&str> =
                        shared.iter().map(|&t| topics[t].title.as_str()).collect();
                    Related {
                        brief: c,
                        reason: reason(&names),
                        score,
                    }
                })
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

fn reason(names: &[&str]) -> String {
    match names {
        [] => "published around the same time".to_string(),
        [one] => format!("both about {one}"),
        [init @ .., last] => format!("both about {} and {last}", init.join(", ")),
    }
}
