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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::brief::{Organisation, Person};
use aho_corasick::{AhoCorasick, MatchKind};

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

/// Arabic words for a group that open its name, as "Brigades" ends an
/// English one: "Kataib Sayyid al-Shuhada" (brigades), "Harakat al-Nujaba"
/// (movement), "Saraya al-Salam" (companies), "Jaysh al-Mahdi" (army),
/// "Hizb ut-Tahrir" (party). Transliterations vary, so each is a pattern.
pub const GROUP_OPENERS: &str = r"Kata['’]?[ie]?b|Kataeb|Saraya|Harakat|Asa['’]?ib|Liwa|Alwiya|Jaysh|Jaish|Jabhat|Hizb|Tanzim|Faylaq|Quwat";

/// Is `word` one of [`GROUP_OPENERS`]?
pub fn is_group_opener(word: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| Regex::new(&format!("^(?:{GROUP_OPENERS})$")).unwrap());
    re.is_match(word)
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
    "Institution",
    // Research institutes: "Stimson Center", "Carnegie Endowment",
    // "Chatham House".
    "Center",
    "Centre",
    "Endowment",
    "House",
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
    // Armed groups name themselves as bands of people: "Guardians of the
    // Marshes", "Companions of the Cave", "Hezbollah Brigades".
    "Guardians",
    "Battalions",
    "Battalion",
    "Companions",
    "Defenders",
    "Martyrs",
    "Resistance",
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
    /// The outlet's web domains ("dw.com"): a link to a page on one names
    /// the page's publisher.
    #[serde(default)]
    domains: Vec<String>,
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
    let attribution = attribution(sentences);
    excluded.extend(attribution.iter().cloned());
    Entities {
        people: super::people::people(sentences, &excluded),
        organisations,
        attribution,
    }
}

/// Every form of every name of a gazetteer list, found in one pass over a
/// sentence: two automata (acronyms by case, the rest case-folded), longest
/// match first, so "Kataib Hezbollah" is one name and not also "Hezbollah".
struct Finder {
    exact: Option<(AhoCorasick, Vec<(usize, usize)>)>,
    folded: Option<(AhoCorasick, Vec<(usize, usize)>)>,
    /// Per entry: its canonical name first, then its aliases.
    forms: Vec<Vec<String>>,
    /// Per entry: the nationality its canonical name opens with, lower
    /// case ("iraqi" for the Iraqi Ministry of Defense), if any.
    nationality: Vec<Option<String>>,
    /// Whether a name is found only with its capitals as the list writes
    /// them: an outlet's name is often a phrase of prose ("in Baghdad
    /// today", "the national interest", "the war zone"), a group's is
    /// printed with lower-case words too ("Popular Mobilization forces").
    cased: bool,
}

impl Finder {
    fn new(list: &[KnownName], cased: bool) -> Finder {
        let mut exact = Vec::new();
        let mut folded = Vec::new();
        let mut forms = Vec::new();
        for (entry, known) in list.iter().enumerate() {
            let all: Vec<String> = std::iter::once(known.name.clone())
                .chain(known.aliases.iter().cloned())
                .collect();
            for (form, f) in all.iter().enumerate() {
                if f.trim().is_empty() {
                    continue;
                }
                if crate::topic::is_acronym(f) {
                    exact.push((f.clone(), (entry, form)));
                } else {
                    folded.push((f.to_lowercase(), (entry, form)));
                }
            }
            forms.push(all);
        }
        let compile = |pats: Vec<(String, (usize, usize))>| {
            if pats.is_empty() {
                return None;
            }
            let (patterns, ids): (Vec<String>, Vec<(usize, usize)>) = pats.into_iter().unzip();
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .ok()
                .map(|ac| (ac, ids))
        };
        let nationality = forms
            .iter()
            .map(|f| {
                let first = f[0].split(' ').next()?.to_lowercase();
                (f[0].contains(' ') && super::lexicon::NATIONALITY_WORDS.contains(&first.as_str()))
                    .then_some(first)
            })
            .collect();
        Finder {
            exact: compile(exact),
            folded: compile(folded),
            forms,
            nationality,
            cased,
        }
    }

    /// (entry, form) of every name found in `text`, in order of entry.
    fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let lower = text.to_lowercase();
        let mut found = Vec::new();
        for (automaton, hay) in [(&self.exact, text), (&self.folded, lower.as_str())] {
            let Some((ac, ids)) = automaton else { continue };
            let same_offsets = hay.len() == text.len();
            for m in ac.find_iter(hay) {
                let (entry, form) = ids[m.pattern().as_usize()];
                let form_text = &self.forms[entry][form];
                if crate::topic::on_word_boundaries(hay, m.start(), m.end())
                    && !(self.cased
                        && same_offsets
                        && (!capitals_as_written(&text[m.start()..m.end()], form_text)
                            || opens_a_longer_name(form_text, &text[m.end()..])))
                    && !(same_offsets
                        && (crate::topic::tail_of_longer_name(
                            text,
                            m.start(),
                            &self.forms[entry][form],
                        ) || self.nationality[entry]
                            .as_deref()
                            .is_some_and(|own| another_countrys(text, m.start(), own))
                            || self.nationality[entry].is_some()
                                && form_text.starts_with("Ministry of ")
                                && goes_on_as_another_name(&text[m.end()..])))
                {
                    found.push((entry, form));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// "the National Security Advisor", "the Independent High Electoral
/// Commission": a name that opens with "The" followed by more capitalised
/// words is the start of a longer name, not the paper's.
fn opens_a_longer_name(form: &str, after: &str) -> bool {
    form.get(..4)
        .is_some_and(|t| t.eq_ignore_ascii_case("the "))
        && after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Does `found` (a name as the text prints it) capitalise every word that
/// `form` (the list's) does? A leading "The" may be lower case ("the
/// Independent").
fn capitals_as_written(found: &str, form: &str) -> bool {
    let found: Vec<&str> = found.split_whitespace().collect();
    let form: Vec<&str> = form.split_whitespace().collect();
    found.len() != form.len()
        || found.iter().zip(&form).enumerate().all(|(i, (t, f))| {
            !f.starts_with(char::is_uppercase)
                || i == 0 && f.eq_ignore_ascii_case("the")
                || !t.starts_with(char::is_lowercase)
        })
}

/// The agencies a line names ("Reuters contributed to this report", "With
/// reporting by Reuters and AFP"), by the gazetteer's main names.
pub fn wires_named_in(line: &str) -> Vec<String> {
    let finder = outlet_finder();
    let outlets = &gazetteer().outlets;
    finder
        .find(line)
        .into_iter()
        .filter(|(entry, _)| outlets[*entry].wire)
        .map(|(entry, _)| outlets[entry].name.clone())
        .collect()
}

fn organisation_finder() -> &'static Finder {
    static F: OnceLock<Finder> = OnceLock::new();
    F.get_or_init(|| Finder::new(&gazetteer().organisations, false))
}

fn outlet_finder() -> &'static Finder {
    static F: OnceLock<Finder> = OnceLock::new();
    F.get_or_init(|| Finder::new(&gazetteer().outlets, true))
}

/// Name keys and lower-case forms of every name the gazetteer knows
/// (organisations and outlets): never a person.
pub fn known_names() -> &'static (HashSet<String>, HashSet<String>) {
    static S: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    S.get_or_init(|| {
        let g = gazetteer();
        let all: Vec<&String> = g
            .organisations
            .iter()
            .chain(&g.outlets)
            .flat_map(|k| std::iter::once(&k.name).chain(&k.aliases))
            .collect();
        (
            all.iter()
                .map(|n| crate::names::name_key(n))
                .filter(|k| !k.is_empty())
                .collect(),
            all.iter().map(|n| n.to_lowercase()).collect(),
        )
    })
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
    let finder = organisation_finder();
    for s in sentences {
        // "U.S.-led coalition" is written like "US-led coalition" in the gazetteer.
        let text = s
            .text
            .replace("U.S.", "US")
            .replace("U.K.", "UK")
            .replace("U.N.", "UN");
        // (form found, the known name it is a form of)
        let mut covered: Vec<(String, String)> = Vec::new();
        for (entry, form) in finder.find(&text) {
            let forms = &finder.forms[entry];
            note(&forms[0], &forms[form], s.line);
            covered.push((forms[form].clone(), forms[0].clone()));
        }
        // In a headline written in title case every word is capitalised:
        // its capitals say nothing of names, only known names count there.
        if is_title_case(&text) {
            continue;
        }
        for (name, acronym) in pattern_organisations(&text) {
            // "Iraq's Foreign Ministry" is the Iraqi Foreign Ministry.
            let adjectival = country_adjective_form(&name);
            if let Some(adjectival) = &adjectival
                && let Some((entry, _)) = finder
                    .find(adjectival)
                    .into_iter()
                    .find(|&(e, f)| finder.forms[e][f] == *adjectival)
            {
                note(&finder.forms[entry][0], &name, s.line);
                continue;
            }
            // A known name within it, or it within a known name ("Islamic
            // Resistance" of "Islamic Resistance in Iraq"): the known one.
            let lower = name.to_lowercase();
            let known = covered.iter().find(|(c, _)| {
                let c = c.to_lowercase();
                lower.contains(&c) || c.contains(&lower)
            });
            if let Some((form, known)) = known {
                // Words put before a known name ("the Iraqi-American Higher
                // Military Commission") make a fuller form of it.
                let prefix = name.strip_suffix(form.as_str()).unwrap_or("");
                if !prefix.trim().is_empty()
                    && (nationality_words(prefix) || country_adjective_form(prefix).is_some())
                {
                    note(known, &name, s.line);
                }
                continue;
            }
            // Unknown, it is still named as the adjective names it, so that
            // briefs writing it either way share one organisation.
            let named = adjectival.as_deref().unwrap_or(&name);
            note(named, &name, s.line);
            if let Some(a) = acronym {
                note(named, &a, s.line);
            }
        }
    }
    back_references(sentences, &mut found);
    short_forms(finder, &mut found);
    let mut out: Vec<Organisation> = found.into_values().collect();
    for o in &mut out {
        o.aliases.sort();
        o.lines.sort_unstable();
    }
    out
}

/// "the Authority", "the Crowd" after "the Popular Crowd Authority": a
/// capitalised word after a lower-case "the" that is a word of exactly one
/// organisation this text names (its name or a form of it) stands for that
/// organisation. Two organisations with the word ("the Command" beside Joint
/// Operations Command and Central Command) leave it unresolved; a place, a
/// nationality or a month is never one. Only the text's own forms gain it:
/// across briefs organisations merge by name, never by such a word.
fn back_references(sentences: &[Sentence], found: &mut BTreeMap<String, Organisation>) {
    static THE: OnceLock<Regex> = OnceLock::new();
    let re = THE.get_or_init(|| Regex::new(r"\bthe ([A-Z][a-z]{3,})\b").unwrap());
    for s in sentences {
        for c in re.captures_iter(&s.text) {
            let word = &c[1];
            // "the Islamic State", "the Marsh Water Authority", "the Republic of
            // Iraq": the start of a fuller name, not a word standing for one.
            let rest = &s.text[c.get(0).map_or(0, |m| m.end())..];
            if rest
                .trim_start_matches([' ', '-'])
                .starts_with(|ch: char| ch.is_uppercase())
                || rest.starts_with(['-', '\''])
                || rest.starts_with(" of ")
                // "the Security and Defense Committee": the start of a name
                // joining two subjects.
                || rest.starts_with(" and ")
                    && found.keys().any(|k| k.strip_prefix(word).is_some_and(|r| r.starts_with(" and ")))
            {
                continue;
            }
            let lower = word.to_lowercase();
            if super::lexicon::NATIONALITY_WORDS.contains(&lower.as_str())
                || super::people::is_place(word)
                || super::dates::MONTHS.contains(&word)
            {
                continue;
            }
            let owners: Vec<&String> = (found.iter())
                .filter(|(_, o)| {
                    std::iter::once(&o.name)
                        .chain(&o.aliases)
                        .any(|form| form.split_whitespace().any(|w| w == word))
                })
                .map(|(k, _)| k)
                .collect();
            let [owner] = owners[..] else {
                continue;
            };
            let o = found
                .get_mut(&owner.clone())
                .expect("an organisation just found");
            if o.name != word && !o.aliases.iter().any(|a| a == word) {
                o.aliases.push(word.to_string());
            }
            if !o.lines.contains(&s.line) {
                o.lines.push(s.line);
            }
        }
    }
}

/// Countries whose possessive opens an organisation's name ("Iraq's
/// Foreign Ministry"), with the adjective the same name takes ("Iraqi
/// Foreign Ministry"): the countries this region's news names most.
const COUNTRY_ADJECTIVES: &[(&str, &str)] = &[
    ("Iraq", "Iraqi"),
    ("Iran", "Iranian"),
    ("Syria", "Syrian"),
    ("Turkey", "Turkish"),
    ("Israel", "Israeli"),
    ("Jordan", "Jordanian"),
    ("Lebanon", "Lebanese"),
    ("Kuwait", "Kuwaiti"),
    ("Qatar", "Qatari"),
    ("Egypt", "Egyptian"),
    ("Yemen", "Yemeni"),
    ("Bahrain", "Bahraini"),
    ("Oman", "Omani"),
    ("Russia", "Russian"),
    ("China", "Chinese"),
    ("France", "French"),
    ("Britain", "British"),
    ("Germany", "German"),
    ("America", "American"),
    ("Pakistan", "Pakistani"),
];

/// "the UAE Ministry of Foreign Affairs", "Britain's Ministry of Defence",
/// "the Iranian Ministry of Defense": a body the gazetteer knows as one
/// country's (`own`, the adjective its name opens with: "iraqi" for the
/// Iraqi Ministry of Foreign Affairs) found at `start` of `text` under its
/// bare name, right after another country's name, possessive, initials or
/// adjective. It is that country's body (the capitalised run around it
/// names it), not the known one.
fn another_countrys(text: &str, start: usize, own: &str) -> bool {
    let Some(prev) = text
        .get(..start)
        .and_then(|b| b.split_whitespace().next_back())
    else {
        return false;
    };
    // "Britain's", "Iraq": as the country's adjective.
    let stem = prev
        .strip_suffix("'s")
        .or_else(|| prev.strip_suffix("’s"))
        .unwrap_or(prev);
    let word = adjective_of(stem).unwrap_or(stem).to_lowercase();
    let initials =
        prev.len() >= 2 && prev.len() <= 4 && prev.bytes().all(|b| b.is_ascii_uppercase());
    word != own
        && (initials
            || super::lexicon::NATIONALITY_WORDS.contains(&word.as_str())
            || COUNTRY_ADJECTIVES
                .iter()
                .any(|(_, adjective)| adjective.eq_ignore_ascii_case(&word)))
}

/// "the Ministry of Foreign Affairs and Expatriates", "... and
/// International Cooperation": a ministry's bare name that goes on with
/// "and" and one or two capitalised words is a longer name, another
/// country's ministry (not "... and Prime Minister Jane Roe" or "... and
/// Interior Ministry", a list).
fn goes_on_as_another_name(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" and ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let capitalised = |w: &&&str| w.starts_with(char::is_uppercase);
    let run = words.iter().take_while(capitalised).count();
    let title = |w: &str| {
        matches!(
            w.trim_end_matches([',', '.']),
            "Prime" | "President" | "Minister" | "Foreign" | "Defence" | "Defense" | "General"
        )
    };
    let body = |w: &&str| {
        matches!(
            w.trim_end_matches([',', '.']),
            "Ministry" | "Ministries" | "Department" | "Office" | "Council" | "Forces"
        )
    };
    (1..=2).contains(&run)
        && !title(words[0])
        && !words[..run].iter().any(body)
        && words[..run]
            .iter()
            .all(|w| !super::people::has_given_name(w))
}

/// "Iraq" -> "Iraqi": the adjective of a country [`COUNTRY_ADJECTIVES`] knows.
fn adjective_of(country: &str) -> Option<&'static str> {
    COUNTRY_ADJECTIVES
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, adjective)| *adjective)
}

/// "Iraq's Foreign Ministry" -> "Iraqi Foreign Ministry"; `None` when the
/// name does not open with a known country's possessive.
fn country_adjective_form(name: &str) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    let country = first
        .strip_suffix("'s")
        .or_else(|| first.strip_suffix("’s"))?;
    Some(format!("{} {rest}", adjective_of(country)?))
}

/// "Foreign Ministry" beside the Iraqi Ministry of Foreign Affairs (known
/// also as the "Iraqi Foreign Ministry"): a name that is exactly one other
/// organisation's name or form, the text's or the gazetteer's, without its
/// nationality words is a short form of it. Two such ("Foreign Ministry"
/// beside the Iraqi and the Iranian one) leave it an organisation of its
/// own, and so do other words before it: the "Security Council" beside
/// Iran's Supreme National Security Council may be the UN's.
fn short_forms(finder: &Finder, found: &mut BTreeMap<String, Organisation>) {
    let shorts: Vec<String> = found
        .keys()
        .filter(|k| k.split_whitespace().count() >= 2)
        .cloned()
        .collect();
    for short in shorts {
        let tail = format!(" {short}");
        let owners: Vec<&String> = found
            .iter()
            .filter(|(k, o)| {
                **k != short && {
                    let known = finder.forms.iter().find(|f| f[0] == o.name);
                    std::iter::once(&o.name)
                        .chain(&o.aliases)
                        .chain(known.into_iter().flatten())
                        .any(|form| form.strip_suffix(&tail).is_some_and(nationality_words))
                }
            })
            .map(|(k, _)| k)
            .collect();
        let [owner] = owners[..] else {
            continue;
        };
        let owner = owner.clone();
        let Some(gone) = found.remove(&short) else {
            continue;
        };
        let o = found.get_mut(&owner).expect("an organisation just found");
        for form in std::iter::once(gone.name).chain(gone.aliases) {
            if form != o.name && !o.aliases.contains(&form) {
                o.aliases.push(form);
            }
        }
        for line in gone.lines {
            if !o.lines.contains(&line) {
                o.lines.push(line);
            }
        }
    }
}

/// Only nationality words ("Iraqi-American ", "US ")? Such words before a
/// known name make a fuller form of it; others ("Kurdistan Region" before
/// "Security Council") make another organisation.
fn nationality_words(prefix: &str) -> bool {
    prefix
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w == "US" || super::lexicon::NATIONALITY_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// "Iraq Wants Coalition Exit Timetable Within Months": after the first,
/// (nearly) every word of three letters or more capitalised, verbs too,
/// save the short words title case leaves low; at least four of them.
pub fn is_title_case(text: &str) -> bool {
    const LOW: &[&str] = &[
        "and", "the", "for", "nor", "but", "yet", "via", "per", "from", "with", "into", "over",
    ];
    let (mut words, mut capitalised) = (0usize, 0usize);
    for w in text
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().nth(2).is_some() && w.chars().all(char::is_alphabetic) && !LOW.contains(w)
        })
    {
        words += 1;
        capitalised += usize::from(w.starts_with(char::is_uppercase));
    }
    words >= 4 && capitalised * 10 >= words * 9
}

/// "the Iraqi Ministry of Foreign Affairs", "Popular Mobilization Forces (PMF)".
fn pattern_organisations(text: &str) -> Vec<(String, Option<String>)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        let heads = ORG_HEADS.join("|");
        Regex::new(&format!(
            r"\b((?:[A-Z][\w'’-]+\s+){{0,4}}(?:{heads})\b(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:(?:and|of)\s+)?[A-Z][\w'’-]+){{0,3}})?)(?:\s+\(([A-Z]{{2,8}})\))?"
        ))
        .unwrap()
    });
    let mut found: Vec<(String, Option<String>)> = re
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let mut name = m.as_str().trim();
            // "Hadi al-Amiri's Badr Organization", "pro-Iran Kataib
            // Hezbollah": a run that begins inside a hyphenated word begins
            // with that word's end, not with a name.
            if text[..m.start()].ends_with(|ch: char| ch == '-' || ch.is_alphanumeric()) {
                name = name.split_once(char::is_whitespace)?.1.trim();
            }
            // "Council on Foreign Relations" names a subject of two words or
            // more; "the Security Council on Tuesday" names a day.
            if let Some((head, subject)) = name.split_once(" on ") {
                let words: Vec<&str> = subject.split_whitespace().collect();
                if words.len() < 2 || super::people::is_time_word(words[0]) {
                    name = head;
                }
            }
            let mut name = name.to_string();
            // "the Security and Defense Committee", "the Foreign and
            // Expatriates Ministry": a body of two subjects, each an
            // ordinary word, after "the" ("US and Iraqi Forces", "the
            // Army and Air Force", "the Federal Police and Defense
            // Ministry" are two: a head word before "and" ends a name).
            if let Some(rest) = text[..m.start()].strip_suffix(" and ")
                && m.as_str().starts_with(name.as_str())
                // (Or at the sentence's start: a headline's "Security and
                // Defense Committee: ...".)
                && let Some((before, prev)) =
                    rest.rsplit_once(char::is_whitespace).or(Some(("the", rest)))
                && owned_or_definite(before)
                && !ORG_HEADS.contains(&prev)
            {
                let first = name.split_whitespace().next().unwrap_or("");
                let ordinary = |w: &str| {
                    w.starts_with(char::is_uppercase)
                        && w.chars().all(char::is_alphabetic)
                        && super::lexicon::lexicon().get(w).is_some_and(|e| !e.proper)
                };
                if ordinary(prev) && ordinary(first) {
                    name = format!("{prev} and {name}");
                }
            }
            // A lone head word ("Forces") or a sentence-initial "The Council" is not a name;
            // nor is a place whose name ends in a head word ("the West Bank").
            // A sentence's count before a name ("Three U.S. Army soldiers",
            // "Dozens of ...") is not part of it either.
            let counted = |t: &str| {
                super::figures::number_word(t).is_some()
                    || super::figures::VAGUE.contains(&t.to_lowercase().as_str())
                    || matches!(t, "Several" | "Both" | "All" | "Some" | "Many")
            };
            let tokens: Vec<&str> = name
                .split_whitespace()
                .skip_while(|t| counted(t))
                .filter(|t| *t != "The")
                .collect();
            (tokens.len() >= 2 && !super::people::is_place(&tokens.join(" ")))
                .then(|| (tokens.join(" "), c.get(2).map(|m| m.as_str().to_string())))
        })
        .collect();
    // "Kataib Sayyid al-Shuhada", "Asaib Ahl al-Haq": an Arabic group word,
    // then capitalised words up to the first "al-" one, which ends such
    // names ("Harakat al-Nujaba"), or to the run's end.
    static ARABIC: OnceLock<Regex> = OnceLock::new();
    let arabic = ARABIC.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:{GROUP_OPENERS})(?:\s+\p{{Lu}}[\p{{L}}'’]+){{0,2}}(?:\s+(?:[Aa]l|[Uu][tl]|[Ee]l)-\p{{Lu}}[\p{{L}}'’]+|(?:\s+\p{{Lu}}[\p{{L}}'’]+){{1}})"
        ))
        .unwrap()
    });
    // "a group calling itself 'Thuwar al-Anbar'", "an outfit known as Saraya
    // Awliya al-Dam", "a group calling itself the Revolutionaries of X": a
    // group the text introduces by its name.
    static CALLED: OnceLock<Regex> = OnceLock::new();
    let called = CALLED.get_or_init(|| {
        Regex::new(r#"\b(?:group|faction|militia|outfit|organi[sz]ation|movement)\s+(?:calling itself|that calls itself|called|named|known as)\s+(?:the\s+)?["“]?(?P<name>\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|(?:[Aa]l|[Ee]l)-\p{Lu}[\p{L}'’-]*|of|al|the)){0,5})["”]?"#).unwrap()
    });
    for c in called.captures_iter(text) {
        let name = c["name"].trim_end_matches(|ch: char| !ch.is_alphanumeric());
        let name = name
            .strip_suffix(" of")
            .or_else(|| name.strip_suffix(" the"))
            .unwrap_or(name);
        if name.split_whitespace().count() >= 2 && !found.iter().any(|(n, _)| n.contains(name)) {
            found.push((name.to_string(), None));
        }
    }
    for m in arabic.find_iter(text) {
        // "Kataib Hizbullah's commander": the group, not its possessive.
        let name = m.as_str();
        let name = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|p| name.strip_suffix(p))
            .unwrap_or(name);
        if !found.iter().any(|(n, _)| n.contains(name)) {
            found.push((name.to_string(), None));
        }
    }
    found
}

fn attribution(sentences: &[Sentence]) -> Vec<String> {
    static CITE: OnceLock<Regex> = OnceLock::new();
    let cite = CITE.get_or_init(|| {
        Regex::new(r"((?:Al[- ])?[A-Z][\w]+(?:[- ][A-Z][\w]+)?)\s+(?:television|TV|satellite|news)\s+(?:channel|station|network|agency)").unwrap()
    });
    let mut out: Vec<String> = Vec::new();
    let finder = outlet_finder();
    for s in sentences {
        for (entry, _) in finder.find(&s.text) {
            let name = &finder.forms[entry][0];
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
        for c in cite.captures_iter(&s.text) {
            let name = c[1].to_string();
            // ("the Iraqi news agency", "Iranian state television
            // channel": a nationality, in words that describe, names none.)
            if !out.contains(&name)
                && !nationality_words(&name)
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
    // Every form of every outlet, in ASCII lower case, to the first outlet
    // the gazetteer lists with it: asked of most names on a page, a scan of
    // the list was a percent of ingest.
    static FORMS: OnceLock<HashMap<String, (&'static str, bool)>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut forms = HashMap::new();
        for k in &gazetteer().outlets {
            for form in std::iter::once(&k.name).chain(&k.aliases) {
                forms
                    .entry(form.to_ascii_lowercase())
                    .or_insert((k.name.as_str(), k.wire));
            }
        }
        forms
    });
    let name = name.trim();
    let find = |name: &str| forms.get(&name.to_ascii_lowercase()).copied();
    // "Al Arabiya English", "Kurdistan24 Online": an edition of a known
    // outlet is that outlet.
    find(name).or_else(|| find(without_edition(name)))
}

/// "Al Arabiya English" -> "Al Arabiya": an outlet's name without the
/// edition its page names.
pub fn without_edition(name: &str) -> &str {
    [
        " English",
        " Online",
        " Digital",
        " in English",
        " US",
        " UK",
    ]
    .iter()
    .find_map(|edition| strip_suffix_ignore_case(name, edition))
    .map_or(name, |outlet| outlet.trim_end_matches([' ', '-', '–']))
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

/// The gazetteer's outlet whose domain `host` (lower case) is or is under.
pub fn outlet_of_domain(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.');
    gazetteer()
        .outlets
        .iter()
        .find(|k| {
            k.domains.iter().any(|d| {
                host == d
                    || host
                        .strip_suffix(d.as_str())
                        .is_some_and(|rest| rest.ends_with('.'))
            })
        })
        .map(|k| k.name.as_str())
}

/// A cited outlet or agency (`name`, canonical) as an organisation of the
/// article: every form the gazetteer knows it by ("AFP", "Agence
/// France-Presse") found as whole words in `sentences`, with their lines.
/// The agency a reprint credits is named in it, so readers find it with the
/// other organisations; the article's own outlet never is (see `article`).
pub fn cited_outlet(name: &str, sentences: &[Sentence]) -> Option<Organisation> {
    let known = gazetteer().outlets.iter().find(|k| k.name == name);
    let forms: Vec<&str> = match known {
        Some(k) => std::iter::once(k.name.as_str())
            .chain(k.aliases.iter().map(String::as_str))
            .collect(),
        None => vec![name],
    };
    let mut org = Organisation {
        name: name.to_string(),
        aliases: Vec::new(),
        lines: Vec::new(),
    };
    for s in sentences {
        for form in &forms {
            if form.is_empty() || !super::header::contains_words(&s.text, form) {
                continue;
            }
            if *form != name && !org.aliases.iter().any(|a| a == form) {
                org.aliases.push(form.to_string());
            }
            if !org.lines.contains(&s.line) {
                org.lines.push(s.line);
            }
        }
    }
    org.aliases.sort();
    org.lines.sort_unstable();
    (!org.lines.is_empty()).then_some(org)
}

/// Is `name` a news agency ("AFP", "Reuters", "The Associated Press")?
pub fn is_wire(name: &str) -> bool {
    known_outlet(name).is_some_and(|(_, wire)| wire) || is_unnamed_wires(name)
}

/// "Agencies", "Wires": a credit to wire services it does not name; no
/// outlet to attribute the story to.
pub fn is_unnamed_wires(name: &str) -> bool {
    matches!(
        name.trim().to_ascii_lowercase().as_str(),
        "agencies" | "wires" | "news agencies"
    )
}

/// Does the text before a name make it one body's: "the", perhaps with
/// an adjective or two ("the parliamentary"), or an owner ("Iraq's")?
fn owned_or_definite(before: &str) -> bool {
    let mut b = before;
    for _ in 0..2 {
        match b.rsplit_once(' ') {
            Some((head, w))
                if !w.is_empty() && w.chars().all(|c| c.is_lowercase()) && w != "the" =>
            {
                b = head
            }
            _ => break,
        }
    }
    let last = b.rsplit(' ').next().unwrap_or(b);
    matches!(last, "the" | "The") || last.ends_with("'s") || last.ends_with("’s")
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

    #[test]
    fn a_broadcasters_formal_name_is_the_name_it_is_known_by() {
        // The logo's text of a page is often the corporation's name.
        for (formal, known) in [
            ("British Broadcasting Corporation", "BBC"),
            ("Cable News Network", "CNN"),
        ] {
            assert_eq!(known_outlet(formal).map(|k| k.0), Some(known));
        }
    }

    fn extract_all(s: &[Sentence]) -> Entities {
        extract(s, &[])
    }

    use super::numbered as sents;

    #[test]
    fn a_count_before_a_name_is_not_part_of_it() {
        let e = extract_all(&sents(&[
            "Two Marine Corps pilots were hurt when the helicopter landed hard.",
            "Dozens of Border Guard Command officers were moved north.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Border Guard Command", "Marine Corps"]);
    }

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
    fn a_title_case_headline_names_only_known_organisations() {
        let e = extract_all(&sents(&[
            "Iraq Wants Coalition Exit Timetable Within Months as Talks Open",
            "Kataib Hezbollah Says Higher Military Commission Cannot Decide",
            "The Harbour Defence Council met on Sunday.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert!(names.contains(&"Higher Military Commission"), "{names:?}");
        assert!(names.contains(&"Harbour Defence Council"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Wants") || n.contains("Exit")),
            "{names:?}"
        );
        assert!(is_title_case(
            "US and Iraq Begin Talks on Ending Coalition Mission"
        ));
        assert!(!is_title_case(
            "The talks began in Baghdad on Saturday with Iraqi officials."
        ));
    }

    #[test]
    fn armed_groups_named_as_bands_of_people() {
        let e = extract_all(&sents(&[
            "The Guardians of the Orchards said its fighters fired the rockets.",
            "A statement from the Abbas Battalions denied any role.",
            "The guardians of the peace process met again.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert!(names.contains(&"Guardians of the Orchards"), "{names:?}");
        assert!(names.contains(&"Abbas Battalions"), "{names:?}");
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_country_s_possessive_names_its_organisation_as_the_adjective_does() {
        let e = extract_all(&sents(&[
            "Iraq's Foreign Ministry summoned the envoy on Monday.",
            "Turkey’s Defence Council met in Ankara the same day.",
        ]));
        let names: Vec<(&str, &[String])> = e
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.aliases.as_slice()))
            .collect();
        // Known: the gazetteer's name; unknown: the adjective's form, with
        // the written form kept as an alias.
        assert!(
            names.contains(&(
                "Iraqi Ministry of Foreign Affairs",
                &["Iraq's Foreign Ministry".to_string()][..]
            )),
            "{names:?}"
        );
        assert!(
            names.contains(&(
                "Turkish Defence Council",
                &["Turkey’s Defence Council".to_string()][..]
            )),
            "{names:?}"
        );
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_name_does_not_begin_inside_a_hyphenated_word() {
        let e = extract_all(&sents(&[
            "Hadi al-Karimi's Harbour Workers Union backed the deal.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Harbour Workers Union"]);
    }

    #[test]
    fn a_place_named_like_a_body_is_no_organisation() {
        let e = extract_all(&sents(&[
            "The crossing to the West Bank closed, and the Harbour Workers Union struck.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Harbour Workers Union"]);
    }

    #[test]
    fn a_bare_name_that_goes_on_is_another_body() {
        let e = extract_all(&sents(&[
            "In a statement, the Ministry of Foreign Affairs and Expatriates said the presence was illegal.",
            "The Ministry of Foreign Affairs and Prime Minister Jane Roe welcomed it.",
            "The Ministry of Foreign Affairs and Interior Ministry met.",
        ]));
        let found: Vec<(&str, Vec<usize>)> = e
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.lines.clone()))
            .collect();
        assert!(
            !found
                .iter()
                .any(|(n, lines)| *n == "Iraqi Ministry of Foreign Affairs" && lines.contains(&1)),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(n, lines)| *n == "Iraqi Ministry of Foreign Affairs" && lines == &[2, 3]),
            "{found:?}"
        );
    }

    #[test]
    fn another_countrys_ministry_is_not_the_known_one() {
        // The gazetteer knows Iraq's ministries under their bare names too;
        // after another country's name, initials or adjective they are that
        // country's.
        let e = extract_all(&sents(&[
            "The UAE Ministry of Foreign Affairs welcomed the talks.",
            "Britain's Ministry of Defence said its aircraft flew over Syria.",
            "The Iranian Ministry of Defense denied a role.",
            "Iraq's Ministry of Defense and the Iraqi Ministry of Foreign Affairs met.",
        ]));
        let found: Vec<(&str, usize)> = e
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.lines.len()))
            .collect();
        assert_eq!(
            found,
            [
                ("British Ministry of Defence", 1),
                ("Iranian Ministry of Defense", 1),
                ("Iraqi Ministry of Defense", 1),
                ("Iraqi Ministry of Foreign Affairs", 1),
                ("UAE Ministry of Foreign Affairs", 1),
            ]
        );
        let iraqi = e
            .organisations
            .iter()
            .find(|o| o.name == "Iraqi Ministry of Defense")
            .unwrap();
        assert_eq!(iraqi.lines, [4]);
    }

    #[test]
    fn a_short_form_joins_the_one_organisation_it_shortens() {
        let e = extract_all(&sents(&[
            "The Iranian Foreign Ministry rejected the claim.",
            "A Foreign Ministry spokesman said Tehran had no role.",
        ]));
        let ministry = (e.organisations.iter())
            .find(|o| o.name == "Iranian Foreign Ministry")
            .expect("the ministry");
        assert_eq!(ministry.aliases, ["Foreign Ministry"]);
        assert_eq!(ministry.lines, [1, 2]);
        assert_eq!(e.organisations.len(), 1, "{:?}", e.organisations);

        // Two ministries it could shorten: it stays apart; and words before
        // a name other than a nationality make another body ("Security
        // Council" beside the Supreme National Security Council).
        let e = extract_all(&sents(&[
            "The Iranian Foreign Ministry and the Syrian Foreign Ministry met.",
            "The Foreign Ministry issued a note.",
            "The Supreme National Security Council met as the Security Council debated.",
        ]));
        let names: Vec<&str> = e.organisations.iter().map(|o| o.name.as_str()).collect();
        assert!(names.contains(&"Foreign Ministry"), "{names:?}");
        assert!(names.contains(&"Security Council"), "{names:?}");
    }

    #[test]
    fn nationality_words_before_a_known_name_are_a_fuller_form_of_it() {
        let e = extract_all(&sents(&[
            "The Iraqi-American Higher Military Commission met in Baghdad.",
            "The Higher Military Commission will meet again.",
        ]));
        let hmc = (e.organisations.iter())
            .find(|o| o.name == "Higher Military Commission")
            .expect("the commission");
        assert_eq!(hmc.aliases, ["Iraqi-American Higher Military Commission"]);
        assert_eq!(e.organisations.len(), 1, "{:?}", e.organisations);
    }

    #[test]
    fn the_short_word_for_an_organisation_named_before() {
        let e = extract_all(&sents(&[
            "The head of the Marsh Water Authority toured the dams.",
            "He said the Authority would open the gates on Monday.",
            "Both the Joint Operations Command and the Central Command said the Command was ready.",
        ]));
        let authority = (e.organisations.iter())
            .find(|o| o.name == "Marsh Water Authority")
            .expect("the authority");
        assert_eq!(authority.aliases, ["Authority"]);
        assert_eq!(authority.lines, [1, 2]);
        // Two commands: "the Command" is neither.
        assert!(
            (e.organisations.iter()).all(|o| !o.aliases.contains(&"Command".to_string())),
            "{:?}",
            e.organisations
        );
    }

    #[test]
    fn a_credited_agency_is_an_organisation_of_the_article() {
        let s = sents(&[
            "BASRA, March 3 (AFP) - Port workers went on strike on Monday.",
            "The strike closed two terminals.",
            "Agence France-Presse could not reach the port authority.",
        ]);
        let afp = cited_outlet("Agence France-Presse", &s).expect("named in the text");
        assert_eq!(afp.aliases, ["AFP"]);
        assert_eq!(afp.lines, [1, 3]);
        assert!(cited_outlet("Agence France-Presse", &s[1..2]).is_none());
    }

    #[test]
    fn cited_outlets() {
        let e = extract_all(&sents(&[
            "Sources told Reuters that the plan includes the withdrawal.",
            "Al-Abassi confirmed the agreement in an interview with Saudi Arabia’s Al-Hadath television channel.",
        ]));
        assert_eq!(e.attribution, vec!["Reuters", "Al-Hadath"]);
        // An outlet's name as a phrase of prose is no outlet: "in Baghdad
        // today", "the war zone", "the national interest". A leading
        // "the" may be lower case ("the Independent").
        let e = extract_all(&sents(&[
            "A drone struck a car in Baghdad today, killing two men.",
            "Officials said the war zone had spread to the border, against the national interest.",
            "The minister told the Independent that talks would go on.",
        ]));
        assert_eq!(e.attribution, vec!["The Independent"]);
    }

    #[test]
    fn a_group_introduced_by_its_name_and_a_group_before_its_possessive() {
        let names = |t: &str| {
            pattern_organisations(t)
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(
                "Responsibility was taken by a little-known faction calling itself \"Liwa al-Thar\" on Sunday."
            ),
            ["Liwa al-Thar"]
        );
        assert_eq!(
            names("An outfit known as Saraya Awliya al-Dam said it fired the drones."),
            ["Saraya Awliya al-Dam"]
        );
        assert_eq!(
            names("A group calling itself the Guardians of Qaim said it fired the rockets."),
            ["Guardians of Qaim"]
        );
        // One word after "called" is not a group's name.
        assert!(names("The group called Monday for calm.").is_empty());
        assert!(names("The group called the Ministry for calm.").is_empty());
        assert_eq!(
            names("It confirmed Kataib Hezbollah's commander died."),
            ["Kataib Hezbollah"]
        );
        // A body of two subjects in ordinary words; two forces are two.
        assert_eq!(
            names("The Trade and Industry Ministry said the talks went on."),
            ["Trade and Industry Ministry"]
        );
        assert_eq!(
            names("Turkish and Iraqi Forces met at the border."),
            ["Iraqi Forces"]
        );
        assert_eq!(
            names(
                "It thanked the Army and Air Force and the Federal Police and Interior Ministry."
            ),
            ["Air Force", "Federal Police", "Interior Ministry"]
        );
        // After an adjective, an owner, or at a headline's start.
        assert_eq!(
            names("A member of the parliamentary Trade and Industry Committee spoke."),
            ["Trade and Industry Committee"]
        );
        assert_eq!(
            names("Iraq's Trade and Industry Committee met on Monday."),
            ["Trade and Industry Committee"]
        );
        assert_eq!(
            names("Trade and Industry Committee: talks resume"),
            ["Trade and Industry Committee"]
        );
    }
}
