//! People, organisations and the outlets an article cites.
//!
//! No statistical model: rules that generalise over news English.
//! - A person is a run of capitalised name tokens that a role introduces
//!   ("Defense Minister Sabit al-Abassi"), that starts with a known given
//!   name ("Farhad Alaaldin"), that stands in apposition to a role ("Thabit
//!   al-Abbasi, Iraq's Defense Minister"), or that "said"/"told" something.
//!   A surname alone ("al-Sudani") is merged into the full name it shortens.
//! - Organisations come from a gazetteer with aliases (ISIS / ISIL / Daesh /
//!   Islamic State) and from capitalised runs ending in an organisation word
//!   ("Iraqi Ministry of Foreign Affairs"), with "Name (ACRONYM)" definitions.
//! - Attribution: outlets from a gazetteer or named as a channel or agency
//!   ("Saudi Arabia's Al-Hadath television channel"), when the text cites them.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use super::lexicon::NATIONALITY_WORDS;
use crate::brief::{Organisation, Person};
use crate::names;
use crate::topic::contains_phrase;

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

fn given_names() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("data/given_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Words that introduce a person: titles, offices, ranks.
const ROLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "deputy",
    "chief",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "commander",
    "ambassador",
    "envoy",
    "senator",
    "sen",
    "rep",
    "representative",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "adviser",
    "advisor",
    "king",
    "queen",
    "prince",
    "crown",
    "emir",
    "sheikh",
    "sultan",
    "ayatollah",
    "grand",
    "supreme",
    "leader",
    "chancellor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "director",
    "head",
    "chairman",
    "chair",
    "governor",
    "mayor",
    "judge",
    "justice",
    "cleric",
    "admiral",
    "adm",
    "colonel",
    "major",
    "captain",
    "lawmaker",
    "mp",
    "official",
    "analyst",
    "expert",
    "founder",
    "ceo",
    "premier",
    "pope",
    "sayyed",
    "sayyid",
    "brigadier",
    "lieutenant",
    "sergeant",
];

/// Words that qualify a role: "Iraqi Defense Minister", "US Secretary of Defense".
const ROLE_QUALIFIERS: &[&str] = &[
    "defense",
    "defence",
    "foreign",
    "interior",
    "finance",
    "oil",
    "state",
    "affairs",
    "national",
    "security",
    "political",
    "military",
    "senior",
    "former",
    "acting",
    "top",
    "army",
    "air",
    "force",
    "navy",
    "the",
    "of",
    "pentagon",
    "white",
    "house",
    "cia",
    "intelligence",
    "parliamentary",
    "foreign-affairs",
    "media",
    "press",
    "health",
    "electricity",
    "trade",
];

/// Words that make a capitalised run an organisation or a place, not a person.
const ORG_HEADS: &[&str] = &[
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
];

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "warned",
    "confirmed",
    "announced",
    "stressed",
    "explained",
    "wrote",
    "tweeted",
];

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

fn strip_punct(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .trim_end_matches("’s")
        .trim_end_matches("'s")
}

fn is_name_token(t: &str) -> bool {
    let t = strip_punct(t);
    if t.len() < 2 {
        return false;
    }
    let body = [
        "al-", "el-", "Al-", "El-", "bin-", "ibn-", "abu-", "Abu-", "Abd-",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t);
    let mut chars = body.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

fn is_role_word(t: &str) -> bool {
    ROLE_WORDS.contains(&strip_punct(t).trim_end_matches('.').to_lowercase().as_str())
}

fn is_role_or_qualifier(t: &str) -> bool {
    let w = strip_punct(t).trim_end_matches('.').to_lowercase();
    is_role_word(t)
        || ROLE_QUALIFIERS.contains(&w.as_str())
        || NATIONALITY_WORDS.contains(&w.as_str())
        || t.ends_with("'s")
        || t.ends_with("’s")
}

/// Runs of capitalised tokens, each with the token index where it starts.
fn capital_runs(tokens: &[&str]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !(is_name_token(tokens[i]) || is_role_word(tokens[i]) || is_capital_qualifier(tokens[i]))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        // A run ends after a token carrying punctuation ("Biden," or "Austin.").
        let mut closed = ends_run(tokens[i]);
        while !closed && end < tokens.len() {
            let t = tokens[end];
            let lower = t.to_lowercase();
            let particle = matches!(
                lower.as_str(),
                "al" | "bin" | "ibn" | "abu" | "de" | "van" | "von"
            ) && tokens.get(end + 1).is_some_and(|n| is_name_token(n));
            let of_role = lower == "of"
                && is_role_word(tokens[end - 1])
                && tokens.get(end + 1).is_some_and(|n| is_name_token(n));
            if is_name_token(t) || is_role_word(t) || particle || of_role {
                closed = ends_run(t);
                end += 1;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// "US", "UN", "U.S." before a role: part of the role.
fn is_capital_qualifier(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase) && {
        let w = strip_punct(t).to_lowercase();
        ROLE_QUALIFIERS.contains(&w.as_str()) || NATIONALITY_WORDS.contains(&w.as_str())
    }
}

fn ends_run(t: &str) -> bool {
    t.ends_with([',', '.', ';', ':', ')', '"', '”']) || t.ends_with("’s") || t.ends_with("'s")
}

/// Find people, organisations and cited outlets in the article's sentences.
pub fn extract(sentences: &[Sentence]) -> Entities {
    let mut people: Vec<Person> = Vec::new();
    let mut single_mentions: Vec<(String, usize)> = Vec::new();
    for s in sentences {
        let tokens: Vec<&str> = s.text.split_whitespace().collect();
        for (start, end) in capital_runs(&tokens) {
            let run = &tokens[start..end];
            // Leading role words and qualifiers are the role; the rest the name.
            let split = run
                .iter()
                .position(|t| !is_role_or_qualifier(t))
                .unwrap_or(run.len());
            let role_tokens = &run[..split];
            let name_tokens: Vec<&str> = run[split..].iter().map(|t| strip_punct(t)).collect();
            if name_tokens.is_empty() || name_tokens.iter().any(|t| ORG_HEADS.contains(t)) {
                continue;
            }
            let has_role = role_tokens.iter().any(|t| is_role_word(t));
            let before = start.checked_sub(1).map(|i| tokens[i]);
            let after = tokens.get(end).copied();
            let appositive_role = before.is_some_and(|b| b.ends_with(',') && is_role_word(b))
                || (run.last().is_some_and(|t| t.ends_with(','))
                    && after.is_some_and(|a| a.eq_ignore_ascii_case("the")));
            let speaks = after
                .is_some_and(|a| SPEECH_VERBS.contains(&strip_punct(a).to_lowercase().as_str()));
            let given = given_names().contains(name_tokens[0]);
            let n = name_tokens.len();
            let plausible = (1..=4).contains(&n) && !name_tokens.iter().all(|t| is_common_word(t));
            if n == 1 {
                if plausible && (has_role || speaks || is_particle_name(name_tokens[0])) {
                    single_mentions.push((name_tokens[0].to_string(), s.line));
                }
                continue;
            }
            if !(plausible && (has_role || given || appositive_role || speaks)) {
                continue;
            }
            let name = name_tokens.join(" ");
            let mut roles = Vec::new();
            if has_role {
                // "Iraq’s Prime Minister": a possessive just before belongs to the role.
                let owner = before.filter(|b| {
                    (b.ends_with("’s") || b.ends_with("'s"))
                        && b.chars().next().is_some_and(char::is_uppercase)
                });
                let role = owner
                    .into_iter()
                    .chain(role_tokens.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                roles.push(role.trim_end_matches([',', '.']).to_string());
            } else if let Some(r) = appositive_role_after(&tokens, end) {
                roles.push(r);
            } else if let Some(r) = appositive_role_before(&tokens, start) {
                roles.push(r);
            }
            add_person(&mut people, &name, roles, s.line);
        }
    }
    // Surnames alone join the full name they shorten.
    for (single, line) in single_mentions {
        if let Some(p) = people
            .iter_mut()
            .find(|p| names::same_person(&p.name, &single))
        {
            if !p.aliases.contains(&single) && single != p.name {
                p.aliases.push(single);
            }
            if !p.lines.contains(&line) {
                p.lines.push(line);
            }
        }
    }
    for p in &mut people {
        p.lines.sort_unstable();
        p.aliases.sort();
    }
    Entities {
        people,
        organisations: organisations(sentences),
        attribution: attribution(sentences),
    }
}

fn is_particle_name(t: &str) -> bool {
    ["al-", "Al-", "el-", "El-"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// A common English word (so "Regional Tensions" is not a name).
fn is_common_word(t: &str) -> bool {
    super::lexicon::lexicon()
        .get(t)
        .is_some_and(|e| !e.proper && e.zipf10 >= 35)
}

fn add_person(people: &mut Vec<Person>, name: &str, roles: Vec<String>, line: usize) {
    if let Some(p) = people
        .iter_mut()
        .find(|p| names::same_person(&p.name, name))
    {
        // Keep the fullest form as the name; the other spelling is an alias.
        if names::name_tokens(name).len() > names::name_tokens(&p.name).len() {
            let old = std::mem::replace(&mut p.name, name.to_string());
            p.aliases.push(old);
        } else if p.name != name && !p.aliases.iter().any(|a| a == name) {
            p.aliases.push(name.to_string());
        }
        for r in roles {
            if !p.roles.contains(&r) {
                p.roles.push(r);
            }
        }
        if !p.lines.contains(&line) {
            p.lines.push(line);
        }
    } else {
        people.push(Person {
            name: name.to_string(),
            aliases: Vec::new(),
            roles,
            lines: vec![line],
        });
    }
}

/// "Farhad Alaaldin, the Iraqi prime minister's foreign affairs adviser, said"
/// / "Faleh al-Fayyadh, head of the Popular Mobilization Forces, said"
fn appositive_role_after(tokens: &[&str], end: usize) -> Option<String> {
    let next = tokens.get(end)?;
    if !tokens.get(end - 1)?.ends_with(',')
        || !(next.eq_ignore_ascii_case("the") || is_role_word(next))
    {
        return None;
    }
    let from = if next.eq_ignore_ascii_case("the") {
        end + 1
    } else {
        end
    };
    let mut role = Vec::new();
    for t in &tokens[from..] {
        role.push(*t);
        if t.ends_with(',') || role.len() > 8 {
            break;
        }
    }
    let text = role.join(" ").trim_end_matches([',', '.']).to_string();
    role.iter().any(|t| is_role_word(t)).then_some(text)
}

/// "Iraq's Defense Minister, Thabit al-Abbasi," / "Hamas' political leader, Ismail Haniyeh,"
fn appositive_role_before(tokens: &[&str], start: usize) -> Option<String> {
    if start == 0 || !tokens[start - 1].ends_with(',') || !is_role_word(tokens[start - 1]) {
        return None;
    }
    let mut i = start - 1;
    while i > 0
        && start - i < 5
        && !tokens[i - 1].ends_with([',', '.'])
        && (is_role_or_qualifier(tokens[i - 1])
            || tokens[i - 1].ends_with('\'')
            || is_name_token(tokens[i - 1]))
    {
        i -= 1;
    }
    while i < start - 1 && matches!(tokens[i].to_lowercase().as_str(), "of" | "the" | "a" | "an") {
        i += 1;
    }
    Some(tokens[i..start].join(" ").trim_end_matches(',').to_string())
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
    gazetteer()
        .outlets
        .iter()
        .find(|k| {
            k.name.eq_ignore_ascii_case(name)
                || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .map(|k| k.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(texts: &[&str]) -> Vec<Sentence> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Sentence {
                text: t.to_string(),
                line: i + 1,
            })
            .collect()
    }

    fn people(texts: &[&str]) -> Vec<(String, Vec<String>, Vec<String>)> {
        extract(&sents(texts))
            .people
            .into_iter()
            .map(|p| (p.name, p.roles, p.aliases))
            .collect()
    }

    #[test]
    fn people_with_roles_and_short_forms() {
        let p = people(&[
            "In return, Iraq’s Prime Minister Mohammed Shia al-Sudani aimed to bolster his position.",
            "Al-Sudani said earlier that US forces have become a magnet for instability.",
            "US Defense Secretary Lloyd Austin had proposed a three-year timeframe.",
            "Farhad Alaaldin, the Iraqi prime minister’s foreign affairs adviser, said talks had ended.",
            "Iraq's Defense Minister, Thabit al-Abbasi, held discussions in Washington.",
            "in response to the killing of Hamas' political leader, Ismail Haniyeh, in Tehran",
        ]);
        assert_eq!(p.len(), 5, "{p:?}");
        assert_eq!(p[4].0, "Ismail Haniyeh");
        assert_eq!(p[4].1, vec!["Hamas' political leader"]);
        assert_eq!(p[0].0, "Mohammed Shia al-Sudani");
        assert_eq!(p[0].1, vec!["Iraq’s Prime Minister"]);
        assert_eq!(p[0].2, vec!["Al-Sudani"]);
        assert_eq!(p[1].0, "Lloyd Austin");
        assert_eq!(p[1].1, vec!["US Defense Secretary"]);
        assert_eq!(p[2].0, "Farhad Alaaldin");
        assert_eq!(
            p[2].1,
            vec!["Iraqi prime minister’s foreign affairs adviser"]
        );
        assert_eq!(p[3].0, "Thabit al-Abbasi");
        assert_eq!(p[3].1, vec!["Iraq's Defense Minister"]);
        assert_eq!(p.len(), 5);
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let p = people(&[
            "The Iraqi Ministry of Foreign Affairs has announced plans.",
            "Regional Tensions Impacting Withdrawal",
            "The United States has about 2,500 troops in Iraq.",
            "Baghdad and Washington have reached an agreement.",
        ]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn organisation_aliases_merge() {
        let e = extract(&sents(&[
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
        let e = extract(&sents(&[
            "Sources told Reuters that the plan includes the withdrawal.",
            "Al-Abassi confirmed the agreement in an interview with Saudi Arabia’s Al-Hadath television channel.",
        ]));
        assert_eq!(e.attribution, vec!["Reuters", "Al-Hadath"]);
    }
}
