//! Where a story's event happened, as each source says: the places ingest
//! found in the members' sentences about the story ([`PlaceMention`]), each
//! with the sources that name it. A place only some sources name (the base
//! one government first gave, the country one report leaves out) stands
//! beside those all name; the reader sees each sentence.
//!
//! [`PlaceMention`]: crate::brief::PlaceMention

use serde::{Deserialize, Serialize};

use super::story_claims::StoryWords;
use crate::brief::Brief;

/// One source's sentence naming a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceStatement {
    /// Brief index.
    pub brief: usize,
    /// Source line.
    pub line: usize,
    /// The sentence.
    pub context: String,
}

/// A place and the sources that name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryPlace {
    /// As the first source writes it.
    pub name: String,
    /// How many members name it.
    pub sources: usize,
    /// Each member's first sentence naming it.
    pub statements: Vec<PlaceStatement>,
}

/// Places the members of one story name in their sentences about it, most
/// named first.
pub(super) fn story_places(
    briefs: &[Brief],
    members: &[usize],
    words: &StoryWords<'_>,
) -> Vec<StoryPlace> {
    let mut out: Vec<StoryPlace> = Vec::new();
    for &b in members {
        for p in briefs[b]
            .facts
            .places
            .iter()
            .filter(|p| words.about(&p.context))
        {
            let key = fold(&p.name);
            let statement = PlaceStatement {
                brief: b,
                line: p.line,
                context: p.context.clone(),
            };
            match out.iter_mut().find(|s| fold(&s.name) == key) {
                Some(s) if s.statements.iter().any(|st| st.brief == b) => {}
                Some(s) => {
                    s.sources += 1;
                    s.statements.push(statement);
                }
                None => out.push(StoryPlace {
                    name: p.name.clone(),
                    sources: 1,
                    statements: vec![statement],
                }),
            }
        }
    }
    out.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.name.cmp(&b.name)));
    out
}

/// "al-Tanf", "Al-Tanf", "Al Tanf" and "Tanf" are one place; so are
/// "Kurdistan Region" and "Kurdistan", "Anbar Province" and "Anbar".
fn fold(name: &str) -> String {
    const UNITS: &[&str] = &[" region", " province", " governorate", " district"];
    let lower = crate::words::fold(name);
    let bare = UNITS
        .iter()
        .find_map(|u| lower.strip_suffix(u))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(&lower);
    let folded = bare.replace(['-', ' '], "");
    match folded
        .strip_prefix("al")
        .or_else(|| folded.strip_prefix("el"))
    {
        Some(rest) if name.len() > 3 && name[2..].starts_with(['-', ' ']) => rest.to_string(),
        _ => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn one_place_under_its_forms() {
        assert_eq!(fold("al-Tanf"), fold("Tanf"));
        assert_eq!(fold("Al Tanf"), fold("Tanf"));
        assert_eq!(fold("Kurdistan Region"), fold("Kurdistan"));
        assert_eq!(fold("Anbar Province"), fold("Anbar"));
        assert_ne!(fold("Region"), fold(""));
        assert_ne!(fold("Erbil"), fold("Kurdistan"));
    }
}
