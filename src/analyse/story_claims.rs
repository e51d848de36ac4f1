//! Who did it, as each source of a story tells it: the claims of
//! responsibility, blames and denials ingest found in the members' text
//! ([`crate::brief::Claim`]), grouped by stance and the entities named.
//!
//! Sources disagree when one denies a role while another claims or blames,
//! or when two name disjoint sets of people and organisations in their
//! claims and blames ("the group claimed it" against "officials saw the
//! footprints of another").

use crate::words::Terms;
use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::story_days::recalls_another_day;
use crate::brief::{Brief, Stance};

/// One source's sentence on who is responsible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimStatement {
    /// Brief index.
    pub brief: usize,
    /// Source line.
    pub line: usize,
    /// The words that make the claim ("claimed responsibility").
    pub words: String,
    /// The sentence.
    pub context: String,
}

/// One version: a stance and the entities its sentences name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimVersion {
    /// Claims, blames or denies.
    pub stance: Stance,
    /// Entities named (indices into the analysis's entities), sorted.
    pub entities: Vec<usize>,
    /// Names no entity page holds, as written.
    pub other_names: Vec<String>,
    /// "Claims responsibility: Islamic Resistance in Iraq".
    pub display: String,
    /// Who says so.
    pub statements: Vec<ClaimStatement>,
}

/// Who is responsible, by each member that says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryClaims {
    /// Claims first, then blames, then denials.
    pub versions: Vec<ClaimVersion>,
    /// The sources' versions cannot all be right.
    pub disagreement: bool,
}

/// Which entity a name of a brief is: (brief, the form it uses) -> entity,
/// made once for every story (scanning all mentions per story would cost
/// stories x mentions).
pub struct EntityForms<'a> {
    of: rustc_hash::FxHashMap<(usize, &'a str), usize>,
    entities: &'a [Entity],
}

impl<'a> EntityForms<'a> {
    /// The forms of the briefs `wanted` says are in some story.
    pub fn new(entities: &'a [Entity], wanted: &[bool]) -> EntityForms<'a> {
        let mut of = rustc_hash::FxHashMap::default();
        for (e, entity) in entities.iter().enumerate() {
            for m in &entity.mentions {
                if wanted.get(m.brief).copied().unwrap_or(false) {
                    of.insert((m.brief, m.form.as_str()), e);
                }
            }
        }
        EntityForms { of, entities }
    }
}

/// The claims the members of one story make about its event (on `event`,
/// when the reports give a day): a claim in a clause that recalls another
/// day ("the January 28 attack, which Washington blamed on ...") is about
/// another event.
pub fn story_claims(
    briefs: &[Brief],
    members: &[usize],
    forms: &EntityForms<'_>,
    terms: &[&Terms],
    event: Option<chrono::NaiveDate>,
) -> StoryClaims {
    let words = StoryWords::new(members, terms);
    let (entity_of, entities) = (&forms.of, forms.entities);
    let mut versions: Vec<ClaimVersion> = Vec::new();
    for &b in members {
        for c in briefs[b]
            .facts
            .claims
            .iter()
            .filter(|c| words.about(&c.context) || names_the_act_alone(&c.context))
            .filter(|c| !recalls_another_day(&briefs[b], c.line, &c.context, &c.words, event))
        {
            let mut ids: Vec<usize> = Vec::new();
            let mut other: Vec<String> = Vec::new();
            for name in &c.named {
                match entity_of.get(&(b, name.as_str())) {
                    Some(&e) => ids.push(e),
                    None => other.push(name.clone()),
                }
            }
            ids.sort_unstable();
            ids.dedup();
            let statement = ClaimStatement {
                brief: b,
                line: c.line,
                words: c.words.clone(),
                context: c.context.clone(),
            };
            match versions
                .iter_mut()
                .find(|v| v.stance == c.stance && v.entities == ids && v.other_names == other)
            {
                Some(v) => v.statements.push(statement),
                None => versions.push(ClaimVersion {
                    display: display(c.stance, &ids, &other, entities),
                    stance: c.stance,
                    entities: ids,
                    other_names: other,
                    statements: vec![statement],
                }),
            }
        }
    }
    let mut versions = merge_partial(versions);
    versions.sort_by(|a, b| {
        (a.stance, &a.entities, &a.other_names).cmp(&(b.stance, &b.entities, &b.other_names))
    });
    let disagreement = disagree(&versions);
    StoryClaims {
        versions,
        disagreement,
    }
}

/// The words a story's reports share, to tell whether a sentence of one of
/// them is about the story's event or about something else it also reports
/// (a live blog's paragraph on another attack).
pub(super) struct StoryWords<'a> {
    /// Words at least two reports use, with their general-English weight.
    core: rustc_hash::FxHashMap<&'a str, f32>,
    /// Uncommon words most reports use: the place, the weapon.
    marks: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> StoryWords<'a> {
    pub(super) fn new(members: &[usize], terms: &[&'a Terms]) -> StoryWords<'a> {
        let mut in_reports: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for &b in members {
            for t in terms[b].iter() {
                *in_reports.entry(t).or_default() += 1;
            }
        }
        let marks = in_reports
            .into_iter()
            .filter(|&(w, n)| 2 * n > members.len() && super::stories::is_specific(w))
            .map(|(w, _)| w)
            .collect();
        StoryWords {
            core: super::story_days::core_words(members, terms),
            marks,
        }
    }

    /// Is the sentence about the story: does it name one of the marks, or
    /// have at least [`STORY_SHARE`] of its words' weight in words two
    /// reports share, from two or more?
    pub(super) fn about(&self, sentence: &str) -> bool {
        let mut words: Vec<String> = crate::words::terms(sentence).collect();
        words.sort_unstable();
        words.dedup();
        if words.iter().any(|w| self.marks.contains(w.as_str())) {
            return true;
        }
        let (mut shared, mut total, mut count) = (0.0, 0.0, 0);
        for w in &words {
            total += super::stories::background_weight(w);
            if let Some(x) = self.core.get(w.as_str()) {
                shared += x;
                count += 1;
            }
        }
        count >= 2 && shared >= STORY_SHARE * total
    }
}

/// Does a claim name its act only as "the attack", "the strike" ("No group
/// claimed responsibility for the attack.", "... claimed the strike in a
/// statement")? In a report of the story that is the story's act: the
/// report has named it already. "The attack on Camp X", "the strike in
/// Baghdad", "the attack that killed ..." name an act of their own, and
/// an act on another day is left out by `recalls_another_day`.
fn names_the_act_alone(sentence: &str) -> bool {
    static ACT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    ACT.get_or_init(|| {
        regex::Regex::new(
            r#"(?i)\b(?:the|this)\s+(?:(?:rocket|drone|missile|mortar|deadly|latest)\s+)?(?:attack|strike|bombing|assault|blast|explosion|raid)(?:\s*[,.;:!?)"”]|\s*$|\s+(?:in|on|via|through)\s+(?:a|an|its|their)\s|\s+(?:and|but|while|as|saying)\b)"#,
        )
        .unwrap()
    })
    .is_match(sentence)
}

/// Share of a sentence's words (by weight) that the story's reports share.
const STORY_SHARE: f32 = 0.4;

/// A version that names part of what exactly one other of its stance names
/// ("the Guardians claimed it" beside "the Guardians, led by Abu Zainab,
/// claimed it") is that version told with fewer names: one version, each
/// sentence quoted under it. A version naming nobody, or that could join
/// several, stays on its own.
fn merge_partial(mut versions: Vec<ClaimVersion>) -> Vec<ClaimVersion> {
    let within = |a: &ClaimVersion, b: &ClaimVersion| {
        a.stance == b.stance
            && !a.entities.is_empty()
            && a.entities.len() < b.entities.len()
            && a.entities.iter().all(|e| b.entities.contains(e))
            && a.other_names.iter().all(|n| b.other_names.contains(n))
    };
    let mut i = 0;
    while i < versions.len() {
        let wider: Vec<usize> = (0..versions.len())
            .filter(|&j| j != i && within(&versions[i], &versions[j]))
            .collect();
        if let [j] = wider[..] {
            let merged = versions.remove(i);
            let j = if j > i { j - 1 } else { j };
            versions[j].statements.extend(merged.statements);
            i = 0;
        } else {
            i += 1;
        }
    }
    versions
}

fn display(stance: Stance, ids: &[usize], other: &[String], entities: &[Entity]) -> String {
    let what = match stance {
        Stance::Claims => "Claims responsibility",
        Stance::Blames => "Blames",
        Stance::Denies => "Denies a role",
        Stance::Unclaimed => "No one has claimed it",
    };
    let names: Vec<&str> = ids
        .iter()
        .map(|&e| entities[e].name.as_str())
        .chain(other.iter().map(String::as_str))
        .collect();
    match (stance, names.is_empty()) {
        (_, true) => what.to_string(),
        // A blame's sentence names who blames and whom alike ("Biden blamed
        // Iran-backed groups"): say which names it has, not who is blamed.
        (Stance::Blames, false) => format!("Blame, in words naming {}", names.join(", ")),
        (_, false) => format!("{what}: {}", names.join(", ")),
    }
}

/// A denial against a claim or blame from another brief, or two briefs
/// whose claims and blames name nobody in common.
fn disagree(versions: &[ClaimVersion]) -> bool {
    let briefs_of = |stances: &[Stance]| -> Vec<usize> {
        let mut out: Vec<usize> = versions
            .iter()
            .filter(|v| stances.contains(&v.stance))
            .flat_map(|v| v.statements.iter().map(|s| s.brief))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let accusing = briefs_of(&[Stance::Claims, Stance::Blames]);
    let denying = briefs_of(&[Stance::Denies]);
    let claiming = briefs_of(&[Stance::Claims]);
    let unclaimed = briefs_of(&[Stance::Unclaimed]);
    let across = |a: &[usize], b: &[usize]| a.iter().any(|x| b.iter().any(|y| x != y));
    if across(&denying, &accusing) || across(&unclaimed, &claiming) {
        return true;
    }
    // Per accusing brief, everyone its claims and blames name.
    let named: Vec<Vec<String>> = accusing
        .iter()
        .map(|&b| {
            let mut names: Vec<String> = versions
                .iter()
                .filter(|v| matches!(v.stance, Stance::Claims | Stance::Blames))
                .filter(|v| v.statements.iter().any(|s| s.brief == b))
                .flat_map(|v| {
                    v.entities
                        .iter()
                        .map(|e| format!("#{e}"))
                        .chain(v.other_names.iter().cloned())
                })
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        })
        .filter(|n| !n.is_empty())
        .collect();
    named.iter().enumerate().any(|(i, a)| {
        named[i + 1..]
            .iter()
            .any(|b| !a.iter().any(|x| b.contains(x)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(stance: Stance, entities: &[usize], briefs: &[usize]) -> ClaimVersion {
        ClaimVersion {
            stance,
            entities: entities.to_vec(),
            other_names: Vec::new(),
            display: String::new(),
            statements: briefs
                .iter()
                .map(|&brief| ClaimStatement {
                    brief,
                    line: 1,
                    words: String::new(),
                    context: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_claim_of_the_attack_alone_is_the_storys() {
        for s in [
            "No group claimed responsibility for the attack, which came amid fears of war.",
            "A group calling itself the Guardians claimed responsibility for the attack in a statement on Telegram.",
            "Nobody has claimed the strike.",
        ] {
            assert!(names_the_act_alone(s), "{s}");
        }
        for s in [
            "No group claimed the attack on Camp Taji last week.",
            "The brigade claimed the strike that killed two guards.",
            "The brigade claimed an attack in Syria.",
        ] {
            assert!(!names_the_act_alone(s), "{s}");
        }
    }

    #[test]
    fn when_versions_disagree() {
        // Two briefs claim for one group: alike.
        assert!(!disagree(&[version(Stance::Claims, &[1], &[0, 1])]));
        // One names a second group besides: they share one, alike.
        assert!(!disagree(&[
            version(Stance::Claims, &[1], &[0]),
            version(Stance::Blames, &[1, 2], &[1]),
        ]));
        // Disjoint names: they disagree.
        assert!(disagree(&[
            version(Stance::Claims, &[1], &[0]),
            version(Stance::Blames, &[2], &[1]),
        ]));
        // A denial against another brief's blame.
        assert!(disagree(&[
            version(Stance::Blames, &[2], &[0]),
            version(Stance::Denies, &[3], &[1]),
        ]));
        // A brief that blames and denies in its own text alone: not a disagreement.
        assert!(!disagree(&[
            version(Stance::Blames, &[2], &[0]),
            version(Stance::Denies, &[3], &[0]),
        ]));
    }
}
