//! People, organisations and the outlets an article cites.
//!
//! No statistical model: rules that generalise over news English.
//! - People: see [`super::people`]; the organisations found here and the
//!   page's own names are never people.
//! - Organisations come from a gazetteer with aliases (ISIS / ISIL / Daesh /
//!   Islamic State) and from capitalised runs ending in an organisation word
//!   ("Iraqi Ministry of Foreign Affairs"), with "Name (ACRONYM)" definitions.
//! - Attribution: outlets from a gazetteer or named as a channel or agency
//!   ("Saudi Arabia's Al-Hadath television channel"), when the text cites them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::brief::{Organisation, Person};
use crate::topic::contains_phrase;

/// Sentences on lines 1, 2, 3 ... (for tests).
#[cfg(test)]
pub(crate) fn numbered(texts: &[&str]) -> Vec<Sentence> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Sentence {
            text: t.to_string(),
            line: i + 1,
        })
        .collect()
}

/// Words that make a capitalised run an organisation ("Iraqi Ministry of
/// Foreign Affairs", "Popular Mobilization Forces").
pub const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Ministries",
    "Forces",
    "Force",
    "Council",
    "Commission",
    "Command",
    "Department",
    "Agency",
    "Party",
    "Movement",
    "Brigades",
    "Brigade",
    "Organization",
    "Organisation",
    "Authority",
    "Committee",
    "Parliament",
    "Army",
    "Coalition",
    "Government",
    "Group",
    "Front",
    "Alliance",
    "Union",
    "Assembly",
    "Service",
    "Bank",
    "Company",
    "Corporation",
    "Institute",
    "University",
    "Court",
    "Office",
    "Network",
    "Guard",
    "Guards",
    "Corps",
    "Mission",
    "Nations",
    "Police",
    "Association",
    "Federation",
    "Foundation",
    "Presidency",
    "Observatory",
];

/// A sentence with the source line it is on.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The text.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
}

#[derive(Debug, Deserialize)]
struct Gazetteer {
    organisations: Vec<KnownName>,
    outlets: Vec<KnownName>,
}

#[derive(Debug, Deserialize)]
struct KnownName {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// A news agency whose stories other outlets reprint.
    #[serde(default)]
    wire: bool,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        crate::yaml::from_str(include_str!("data/organisations.yaml")).unwrap_or(Gazetteer {
            organisations: Vec::new(),
            outlets: Vec::new(),
        })
    })
}

/// What the entity pass found in one article.
#[derive(Debug, Default, Clone)]
pub struct Entities {
    /// People, fullest name first-mentioned order.
    pub people: Vec<Person>,
    /// Organisations, by canonical name.
    pub organisations: Vec<Organisation>,
    /// Outlets and agencies cited.
    pub attribution: Vec<String>,
}

/// Find people, organisations and cited outlets in the article's sentences.
/// `not_people` are names the page uses for itself (its outlet, credits).
pub fn extract(sentences: &[Sentence], not_people: &[String]) -> Entities {
    let organisations = organisations(sentences);
    let mut excluded: Vec<String> = not_people.to_vec();
    for o in &organisations {
        excluded.push(o.name.clone());
        excluded.extend(o.aliases.iter().cloned());
    }
    for known in &gazetteer().organisations {
        excluded.push(known.name.clone());
        excluded.extend(known.aliases.iter().cloned());
    }
    let attribution = attribution(sentences);
    excluded.extend(attribution.iter().cloned());
    Entities {
        people: super::people::people(sentences, &excluded),
        organisations,
        attribution,
    }
}

fn organisations(sentences: &[Sentence]) -> Vec<Organisation> {
    let mut found: BTreeMap<String, Organisation> = BTreeMap::new();
    let mut note = |name: &str, form: &str, line: usize| {
        let o = found
            .entry(name.to_string())
            .or_insert_with(|| Organisation {
                name: name.to_string(),
                aliases: Vec::new(),
                lines: Vec::new(),
            });
        if form != name && !o.aliases.iter().any(|a| a == form) {
            o.aliases.push(form.to_string());
        }
        if !o.lines.contains(&line) {
            o.lines.push(line);
        }
    };
    let g = gazetteer();
    for s in sentences {
        // "U.S.-led coalition" is written like "US-led coalition" in the gazetteer.
        let text = s
            .text
            .replace("U.S.", "US")
            .replace("U.K.", "UK")
            .replace("U.N.", "UN");
        let s = &Sentence { text, line: s.line };
        let lower = s.text.to_lowercase();
        let mut covered: Vec<String> = Vec::new();
        for known in &g.organisations {
            // Longest forms first, so "Islamic State of Iraq and Syria" is one mention.
            let mut forms: Vec<&str> = std::iter::once(known.name.as_str())
                .chain(known.aliases.iter().map(String::as_str))
                .collect();
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            for form in forms {
                if contains_phrase(&s.text, &lower, form)
                    && !covered
                        .iter()
                        .any(|c| c.to_lowercase().contains(&form.to_lowercase()))
                {
                    note(&known.name, form, s.line);
                    covered.push(form.to_string());
                }
            }
        }
        for (name, acronym) in pattern_organisations(&s.text) {
            if covered.iter().any(|c| {
                c.eq_ignore_ascii_case(&name) || name.to_lowercase().contains(&c.to_lowercase())
            }) {
                continue;
            }
            note(&name, &name, s.line);
            if let Some(a) = acronym {
                note(&name, &a, s.line);
            }
        }
    }
    let mut out: Vec<Organisation> = found.into_values().collect();
    for o in &mut out {
        o.aliases.sort();
        o.lines.sort_unstable();
    }
    out
}

/// "the Iraqi Ministry of Foreign Affairs", "Popular Mobilization Forces (PMF)".
fn pattern_organisations(text: &str) -> Vec<(String, Option<String>)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let heads = ORG_HEADS.join("|");
    let re = R.get_or_init(|| {
        Regex::new(&format!(
            r"\b((?:[A-Z][\w'’-]+\s+){{0,4}}(?:{heads})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){{0,3}})?)(?:\s+\(([A-Z]{{2,8}})\))?"
        ))
        .unwrap()
    });
    re.captures_iter(text)
        .filter_map(|c| {
            let name = c.get(1)?.as_str().trim().to_string();
            // A lone head word ("Forces") or a sentence-initial "The Council" is not a name.
            let tokens: Vec<&str> = name.split_whitespace().filter(|t| *t != "The").collect();
            (tokens.len() >= 2)
                .then(|| (tokens.join(" "), c.get(2).map(|m| m.as_str().to_string())))
        })
        .collect()
}

fn attribution(sentences: &[Sentence]) -> Vec<String> {
    static CITE: OnceLock<Regex> = OnceLock::new();
    let cite = CITE.get_or_init(|| {
        Regex::new(r"((?:Al[- ])?[A-Z][\w]+(?:[- ][A-Z][\w]+)?)\s+(?:television|TV|satellite|news)\s+(?:channel|station|network|agency)").unwrap()
    });
    let mut out: Vec<String> = Vec::new();
    for s in sentences {
        let lower = s.text.to_lowercase();
        for known in &gazetteer().outlets {
            let forms = std::iter::once(known.name.as_str())
                .chain(known.aliases.iter().map(String::as_str));
            if forms
                .into_iter()
                .any(|f| contains_phrase(&s.text, &lower, f))
                && !out.contains(&known.name)
            {
                out.push(known.name.clone());
            }
        }
        for c in cite.captures_iter(&s.text) {
            let name = c[1].to_string();
            if !out.contains(&name)
                && !gazetteer()
                    .outlets
                    .iter()
                    .any(|k| k.aliases.contains(&name))
            {
                out.push(name);
            }
        }
    }
    out
}

/// The canonical outlet name for `name`, if the gazetteer knows it.
pub fn canonical_outlet(name: &str) -> Option<String> {
    known_outlet(name).map(|(n, _)| n.to_string())
}

/// The gazetteer's outlet `name` names (any case, any alias): its canonical
/// name, and whether it is a news agency.
pub fn known_outlet(name: &str) -> Option<(&'static str, bool)> {
    let name = name.trim();
    gazetteer()
        .outlets
        .iter()
        .find(|k| {
            k.name.eq_ignore_ascii_case(name)
                || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .map(|k| (k.name.as_str(), k.wire))
}

/// Is `name` a news agency ("AFP", "Reuters", "The Associated Press")?
pub fn is_wire(name: &str) -> bool {
    known_outlet(name).is_some_and(|(_, wire)| wire)
        || matches!(
            name.trim().to_ascii_lowercase().as_str(),
            "agencies" | "wires" | "news agencies"
        )
}

/// Is `name` a known organisation (any alias)? Used to tell a masthead or
/// a byline credit from the organisations an article is about.
pub fn is_known_organisation(name: &str) -> bool {
    let name = name.trim();
    gazetteer().organisations.iter().any(|k| {
        k.name.eq_ignore_ascii_case(name) || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_all(s: &[Sentence]) -> Entities {
        extract(s, &[])
    }

    use super::numbered as sents;

    #[test]
    fn organisation_aliases_merge() {
        let e = extract_all(&sents(&[
            "the campaign against ISIS ended",
            "the Islamic State (ISIL) and Daesh",
            "the Popular Mobilization Forces (PMF) grew",
            "The Iraqi Ministry of Foreign Affairs has announced plans.",
        ]));
        let names: Vec<(&str, &[String])> = e
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.aliases.as_slice()))
            .collect();
        let is = names.iter().find(|(n, _)| *n == "Islamic State").unwrap();
        assert_eq!(is.1, ["Daesh", "ISIL", "ISIS"]);
        assert!(names.iter().any(|(n, a)| *n == "Popular Mobilization Forces" && a.contains(&"PMF".to_string())));
        assert!(
            names
                .iter()
                .any(|(n, _)| *n == "Iraqi Ministry of Foreign Affairs"),
            "{names:?}"
        );
    }

    #[test]
    fn cited_outlets() {
        let e = extract_all(&sents(&[
            "Sources told Reuters that the plan includes the withdrawal.",
            "Al-Abassi confirmed the agreement in an interview with Saudi Arabia’s Al-Hadath television channel.",
        ]));
        assert_eq!(e.attribution, vec!["Reuters", "Al-Hadath"]);
    }
}
