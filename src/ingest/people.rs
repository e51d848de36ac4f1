//! People named in an article.
//!
//! No statistical model: a capitalised run is a person when the article
//! gives evidence that it names one, and never when it gives evidence that
//! it names something else. Evidence for a person:
//! - a role or title before it ("Defense Minister Sabit al-Abassi",
//!   "Spc. Jane Roe", "UN Secretary-General Antonio Guterres");
//! - a given name first ("Farhad Alaaldin"), or the shape of an Arabic name:
//!   a kunya ("Abu Fadak al-Mohammadawi"), a theophoric name ("Abdul Aziz
//!   ...") or a given name with an `al-` surname;
//! - a verb of speech after it ("... al-Awadi said") or before it ("said
//!   Ammar Hameed, a political analyst");
//! - an apposition: "Karwan Jalal, a senior official", "Jane Roe, 46,",
//!   "Abu Mahdi al-Muhandis, who ...", "Iraq's Defense Minister, Thabit ...";
//! - a naming phrase: "known as Abu Hassan", "named the commander as ...";
//! - its surname said alone somewhere as a person's ("Kanaani told reporters").
//!
//! Evidence against, which wins: a known organisation or one the article
//! names (an acronym, a name ending in "Forces"), an apposition that makes it
//! a group or a place ("..., an Iran-backed militia", "..., a town south of
//! Baghdad"), a place, the outlet, a weekday or a month, only common words.
//! The decision is taken once per name for the whole article: a name that is
//! an organisation in one sentence is one in all.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::entities::{ORG_HEADS, Sentence};
use super::lexicon::{NATIONALITY_WORDS, lexicon};
use crate::brief::Person;
use crate::names;

/// Words that introduce a person: titles, offices, ranks, occupations.
const ROLE_WORDS: &[&str] = &[
    "president",
    // "Presidents Joe Biden and Abdel Fattah al-Sisi".
    "presidents",
    "vice",
    "prime",
    "minister",
    "secretary",
    "secretary-general",
    "undersecretary",
    "deputy",
    "chief",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "brig",
    "sgt",
    "spc",
    "pfc",
    "cpl",
    "pvt",
    "commander",
    "ambassador",
    "consul",
    "envoy",
    "senator",
    "sen",
    "sens",
    "rep",
    "reps",
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
    "princess",
    "crown",
    "emir",
    "sheikh",
    "shaikh",
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
    // British honours: "Sir John Sawers", "Dame Barbara Woodward"; a
    // form of address in official statements ("His Excellency NAME").
    "sir",
    "dame",
    "lord",
    "baroness",
    "excellency",
    "sheikha",
    // Clergy: "Cardinal Louis Sako", "Patriarch ...", "Rev. ...".
    "cardinal",
    "patriarch",
    "archbishop",
    "bishop",
    "rev",
    "reverend",
    "prof",
    "professor",
    "director",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "mayor",
    "judge",
    "justice",
    "cleric",
    "imam",
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
    "seyed",
    "hajji",
    "haji",
    "hajj",
    "brigadier",
    "lieutenant",
    "sergeant",
    "specialist",
    "private",
    "corporal",
    "marshal",
    "chargé",
    "diplomat",
    "journalist",
    "correspondent",
    "reporter",
    "researcher",
    "fellow",
    "economist",
    "activist",
    "coach",
    "manager",
    "goalkeeper",
    "striker",
    "midfielder",
    "defender",
    "captain",
    "referee",
    "archaeologist",
    "archaeologists",
    "scientist",
    "scientists",
    "farmer",
    "shopkeeper",
    // Occupations written before a name in lower case ("killing
    // businessman Jane Roe").
    "businessman",
    "businesswoman",
    "tycoon",
    "entrepreneur",
    "lawyer",
    "attorney",
    "physician",
    "surgeon",
    "engineer",
    "teacher",
    "poet",
    "novelist",
    "photographer",
    "blogger",
    "commentator",
    "scholar",
    "historian",
    "politician",
    "legislator",
    "officer",
    "soldier",
    "pilot",
    "contractor",
    "resident",
    "witness",
    "mufti",
    "hojatoleslam",
    // A person named by whom they stand beside or follow ("his Iraqi
    // counterpart, Jane Roe,", "her predecessor, John Doe").
    "counterpart",
    "predecessor",
    "successor",
    "aide",
    "negotiator",
    "secretary-general",
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
    "staff",
    "joint",
    "late",
];

/// Words that make a capitalised run a place or a publication, not a person
/// (besides the organisation heads of [`ORG_HEADS`]).
const OTHER_HEADS: &[&str] = &[
    "Resistance",
    "Stadium",
    "Airport",
    "Base",
    "Province",
    "Region",
    "Governorate",
    "Street",
    "Square",
    "Bridge",
    "Dam",
    "Field",
    // Places named after a person: "King Fahd Causeway", "Imam Ali Mosque".
    "Causeway",
    "Mosque",
    "Shrine",
    "Mausoleum",
    "Hospital",
    "Highway",
    "Road",
    "Refinery",
    "Crossing",
    "Checkpoint",
    "Cemetery",
    "Museum",
    "Palace",
    "Prison",
    "College",
    // "Imam Hussein Medical City", "Sadr City", "Umm Qasr Port".
    "City",
    "Clinic",
    "Port",
    "Terminal",
    "Times",
    "News",
    "Post",
];

/// Words that open the name of an operation or a place, not a person's
/// ("Operation Inherent Resolve", "Camp Taji", "Fort Liberty").
const OPENING_HEADS: &[&str] = &[
    "Operation",
    "Exercise",
    "Camp",
    "Fort",
    "Mount",
    "Lake",
    "Cape",
];

fn is_head(t: &str) -> bool {
    ORG_HEADS.contains(&t) || OTHER_HEADS.contains(&t)
}

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
    "argued",
    "insisted",
    "urged",
    "asked",
    "replied",
    "denied",
    "acknowledged",
    "declared",
    "recalled",
];

/// Verbs a headline puts in the present after who speaks ("Minister Warns
/// ...", "Envoy Tells ...").
const HEADLINE_VERBS: &[&str] = &[
    "tells",
    "warns",
    "urges",
    "vows",
    "calls",
    "asks",
    "claims",
    "denies",
    "hails",
    "slams",
    "rejects",
    "insists",
    "confirms",
    "announces",
    "demands",
];

/// Nouns that make an apposition a group: "Kataib Hezbollah, an Iran-backed militia".
const GROUP_NOUNS: &[&str] = &[
    "group",
    "groups",
    "faction",
    "factions",
    "militia",
    "militias",
    "alliance",
    "movement",
    "organisation",
    "organization",
    "party",
    "coalition",
    "umbrella",
    "network",
    "company",
    "agency",
    "force",
    "forces",
    "brigade",
    "brigades",
    "battalion",
    "unit",
    "council",
    "front",
    "bloc",
    "body",
    "channel",
    "newspaper",
    "outlet",
    "broadcaster",
    "monitor",
    "ministry",
    // "Hurras al-Din, an al-Qaeda affiliate in Syria"; "Al-Quds Al-Arabi,
    // the London-based daily".
    "affiliate",
    "affiliates",
    "offshoot",
    "outfit",
    "cell",
    "daily",
    "weekly",
    "paper",
    "magazine",
    "website",
    "publication",
    "tabloid",
];

/// Nouns that make an apposition a place: "Jurf al-Sakhar, a town south of Baghdad".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "district",
    "province",
    "area",
    "region",
    "base",
    "border",
    "country",
    "capital",
    "port",
    "airport",
    "site",
    "field",
    "oilfield",
    "camp",
    "neighbourhood",
    "neighborhood",
    "crossing",
    "stronghold",
    "outpost",
    "island",
    "river",
    "governorate",
];

/// Nouns of people that a place's noun may qualify ("a village elder", "a
/// camp resident", "an island fisherman"): after one, the apposition is
/// a person's.
const PERSON_NOUNS: &[&str] = &[
    "elder",
    "elders",
    "councillor",
    "councilor",
    "resident",
    "native",
    "fisherman",
    "farmer",
    "shopkeeper",
    "merchant",
    "trader",
    "vendor",
    "teacher",
    "doctor",
    "nurse",
    "driver",
    "worker",
    "labourer",
    "laborer",
    "mechanic",
    "technician",
    "shepherd",
    "owner",
    "guard",
    "chieftain",
    "mukhtar",
    "volunteer",
    "veteran",
    "student",
];

/// Nouns of places and buildings named after a person ("the Imam Hussein
/// shrine", "the Sheikh Zayed mosque"): the name before one is the place's.
const NAMED_PLACE_NOUNS: &[&str] = &[
    "shrine",
    "mosque",
    "mausoleum",
    "tomb",
    "hospital",
    "street",
    "road",
    "highway",
    "bridge",
    "airport",
    "square",
    "stadium",
    "school",
    "university",
    "college",
    "camp",
    "base",
    "complex",
    "compound",
    "market",
    "hall",
    "centre",
    "center",
    "tower",
    "district",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "park",
    "hotel",
    "palace",
    "prison",
    "station",
    "dam",
    "refinery",
    "checkpoint",
    "cemetery",
    "museum",
    "library",
];

/// "Sami Abdulrahman Park", "Imam Ali Hospital": a place named after a
/// person, its noun capitalised as part of the name. Some of those nouns
/// are surnames too ("Jane Hall", "Dave Camp"): those make a place only
/// after two names.
fn ends_with_place_noun(name: &[String]) -> bool {
    const SURNAMES_TOO: &[&str] = &[
        "hall", "camp", "park", "tower", "street", "bridge", "market", "station", "palace", "road",
        "quarter", "base", "dam", "school", "college", "centre", "center", "hotel",
    ];
    let Some(last) = name.last().map(|t| lower(t)) else {
        return false;
    };
    name.len() >= 2
        && NAMED_PLACE_NOUNS.contains(&last.as_str())
        && (name.len() >= 3 || !SURNAMES_TOO.contains(&last.as_str()))
}

/// Is the name that ends with `last` followed, with no punctuation
/// between, by one of `nouns` in lower case ("the Imam Hussein shrine",
/// "Morgan Stanley analysts")?
fn followed_by(last: &str, after: Option<&str>, nouns: &[&str]) -> bool {
    !last.ends_with(|c: char| c.is_ascii_punctuation() || c == '’')
        && after.is_some_and(|a| nouns.contains(&strip_punct(a)))
}

/// The plurals of a firm's people: a full name before one is the firm's
/// ("Morgan Stanley analysts said ..."; a person's name is not put before
/// them).
const FIRM_STAFF: &[&str] = &[
    "analysts",
    "economists",
    "strategists",
    "executives",
    "employees",
    "shareholders",
    "investors",
    "clients",
    "traders",
];

/// Phrases that introduce a name: "known as Abu Hassan", "named him as ...".
const NAMING_WORDS: &[&str] = &[
    "known as",
    "named as",
    "naming him as",
    "named him as",
    "identified as",
    "identified him as",
    "guerre",
    // "whose real name was", "his full name is"
    "name is",
    "name was",
    "also called",
    "alias",
    "dubbed",
];

/// Is a word of `name` a given name the data knows ("Sarah Haddad",
/// "Sangar Ali": a father's name second)?
pub fn has_given_name(name: &str) -> bool {
    name.split_whitespace().any(is_given_name)
}

/// Is `word` a given name the data knows, as printed: "Jean-Yves" by its
/// first part ("Jean"), "Ja'afar" or "Mu’taz" without the apostrophe that
/// transliterates an Arabic letter ("Jaafar").
fn is_given_name(word: &str) -> bool {
    let w = strip_punct(word);
    if given_names().contains(w) {
        return true;
    }
    if let Some((first, _)) = w.split_once('-')
        && first.len() >= 3
        && given_names().contains(first)
    {
        return true;
    }
    w.contains(['\'', '’', 'ʿ', 'ʾ'])
        && given_names().contains(w.replace(['\'', '’', 'ʿ', 'ʾ'], "").as_str())
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

fn places() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("data/places.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().to_lowercase())
            .collect()
    })
}

/// The places the data knows, as written (longest first, so that a longer
/// name is found before a shorter one inside it).
pub fn known_places() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut v: Vec<String> = include_str!("data/places.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().to_string())
            .collect();
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    })
}

/// Is `name` (any case) a place the data knows?
pub fn is_place(name: &str) -> bool {
    places().contains(&name.trim().to_lowercase())
}

fn strip_punct(t: &str) -> &str {
    // `strip_suffix` in loops rather than `trim_end_matches("’s")`: a
    // string pattern builds a substring searcher per call, and this runs on
    // every word of every article several times (7 % of ingest).
    fn strip_all<'t>(mut t: &'t str, suffix: &str) -> &'t str {
        while let Some(rest) = t.strip_suffix(suffix) {
            t = rest;
        }
        t
    }
    let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
    strip_all(strip_all(t, "’s"), "'s").trim_end_matches(['\'', '’'])
}

fn lower(t: &str) -> String {
    strip_punct(t).trim_end_matches('.').to_lowercase()
}

fn is_name_token(t: &str) -> bool {
    let t = strip_punct(t);
    if t.chars().count() < 2 {
        return false;
    }
    let body = [
        "al-", "el-", "Al-", "El-", "bin-", "ibn-", "abu-", "Abu-", "Abd-", "as-", "ash-", "ad-",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t);
    let mut chars = body.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// A title, office, rank or occupation ("Minister", "Spc.", "spokesperson").
pub fn is_role_word(t: &str) -> bool {
    let w = lower(t);
    role_word(&w) || (w.contains('-') && w.split('-').any(role_word))
}

/// Is `w` (lower case) one of [`ROLE_WORDS`]? A hashed set: this is asked
/// for every capitalised word of every article.
fn role_word(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ROLE_WORDS.iter().copied().collect())
        .contains(w)
}

fn is_qualifier(t: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let w = lower(t);
    SET.get_or_init(|| {
        ROLE_QUALIFIERS
            .iter()
            .chain(NATIONALITY_WORDS)
            .copied()
            .collect()
    })
    .contains(w.as_str())
}

fn is_possessive(t: &str) -> bool {
    t.ends_with("'s") || t.ends_with("’s") || t.ends_with("s'")
}

/// A weekday or a month: "On Thursday", "Since December" are times.
pub fn is_time_word(t: &str) -> bool {
    matches!(
        lower(t).as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A common English word (so "Regional Tensions" is not a name).
fn is_common_word(t: &str) -> bool {
    lexicon()
        .get(strip_punct(t))
        .is_some_and(|e| !e.proper && e.zipf10 >= 35)
}

/// Does a run end after this token? After a comma or a full stop, except
/// the full stop of a title ("Dr.", "Gen.", "Spc.").
fn ends_run(t: &str) -> bool {
    if t.ends_with('.') && is_role_word(t) && t.len() <= 6 {
        return false;
    }
    t.ends_with([',', '.', ';', ':', ')', '"', '”', '?', '!']) || is_possessive(t)
}

/// The particle that may follow "de", "van" or "von" before a surname
/// ("Luis de la Cruz", "Maria van der Berg"), only as written, in lower
/// case ("La Stampa" is no one's name).
pub const SECOND_PARTICLES: &[&str] = &["la", "las", "los", "le", "der", "den"];

/// A nickname in quotes inside a name ("Gen. Michael \"Erik\" Kurilla",
/// "Hamid ‘Abu Ali’ Khalil") left out: the name is the given name and the
/// surname around it, as the person's other mentions spell it.
fn without_nicknames(mut tokens: Vec<&str>) -> Vec<&str> {
    const OPEN: [char; 4] = ['"', '“', '‘', '\''];
    const CLOSE: [char; 4] = ['"', '”', '’', '\''];
    let mut i = 1;
    while i + 1 < tokens.len() {
        // The quoted words: one to three, the first opening the quote and
        // the last closing it, each a capitalised word.
        let quote = tokens[i].strip_prefix(OPEN).and_then(|first| {
            let mut words = vec![first];
            words.extend(tokens.iter().skip(i + 1).take(2));
            (0..words.len()).find_map(|k| {
                let closed = words[k].strip_suffix(CLOSE)?;
                let named = words[..k].iter().chain([&closed]).all(|w| is_name_token(w));
                named.then_some(i + k)
            })
        });
        match quote {
            Some(j)
                if is_name_token(tokens[i - 1])
                    && !ends_run(tokens[i - 1])
                    && tokens.get(j + 1).is_some_and(|t| is_name_token(t)) =>
            {
                tokens.drain(i..=j);
            }
            _ => i += 1,
        }
    }
    tokens
}

/// Runs of capitalised tokens (with the particles and role words they hold).
fn capital_runs(tokens: &[&str]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !(is_name_token(t) || is_role_word(t) || is_capital_qualifier(t)) || is_party_label(t) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut closed = ends_run(t);
        while !closed && end < tokens.len() {
            let t = tokens[end];
            // A bracket opens an aside, not more of the name: "Sen. Dale
            // Harmon (R-Ky.)", "Ali Hassan (Abu Zainab)".
            if t.starts_with(['(', '[']) {
                break;
            }
            let l = t.to_lowercase();
            let next_is_name = tokens.get(end + 1).is_some_and(|n| is_name_token(n));
            // "de la Cruz", "van der Berg": a second particle before the name.
            let second = tokens.get(end + 1).is_some_and(|n| {
                SECOND_PARTICLES.contains(n)
                    && tokens.get(end + 2).is_some_and(|n| is_name_token(n))
            });
            let after_particle = SECOND_PARTICLES.contains(&t)
                && matches!(tokens[end - 1], "de" | "van" | "von")
                && next_is_name;
            let particle = (matches!(
                l.as_str(),
                "al" | "bin" | "ibn" | "abu" | "de" | "van" | "von" | "bint"
            ) && (next_is_name || second))
                || after_particle;
            // "Secretary of State", "Commander of the Armed Forces".
            // Only after a capitalised title: "the secretary-general of
            // Palestinian Islamic Jihad" names an organisation after "of".
            let prev = tokens[end - 1];
            // "Under Secretary of State for Political Affairs", "Minister
            // for Foreign Affairs": "for" in a title the run opened.
            let for_role = l == "for"
                && (start..end)
                    .any(|j| is_role_word(tokens[j]) && tokens[j].starts_with(char::is_uppercase))
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase) && !is_given_name(n));
            let of_role = for_role
                || (l == "of" || l == "the")
                    && ((is_role_word(prev) && prev.starts_with(char::is_uppercase))
                        || prev.eq_ignore_ascii_case("of"))
                    && tokens
                        .get(end + 1)
                        .is_some_and(|n| is_name_token(n) || n.eq_ignore_ascii_case("the"));
            // "Minister of Martyrs and Anfal Affairs": "and" inside a
            // portfolio (after a capitalised title and "of" in this run).
            // (A portfolio is a word or two, no given name in it; nor is a
            // title after "and": "Secretary of State Marco Rubio and Prime
            // Minister ...".)
            let portfolio_and = (l == "and" || t == "&")
                && (start + 1..end).any(|of| {
                    tokens[of - 1].starts_with(char::is_uppercase)
                        && is_role_word(tokens[of - 1])
                        && tokens[of].eq_ignore_ascii_case("of")
                        && (1..=2).contains(&(end - of - 1))
                        && tokens[of + 1..end]
                            .iter()
                            .all(|w| w.starts_with(char::is_uppercase) && !is_given_name(w))
                })
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase) && !is_role_word(n));
            if is_name_token(t) || is_role_word(t) || particle || of_role || portfolio_and {
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

/// "(R-Ala.)," "(D-N.Y.)": a legislator's party and state, in brackets
/// after the name; no one's name.
fn is_party_label(t: &str) -> bool {
    // In brackets, or between commas as AP writes it ("Rep. Mike McCaul,
    // R-Texas, chairman of ..."; "D-Md.,"), with the state written out or
    // abbreviated.
    let inner = t.strip_prefix('(').unwrap_or(t);
    let inner = inner
        .trim_end_matches([',', '.', ';', ':'])
        .trim_end_matches(')');
    let mut parts = inner.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|state| {
            state.starts_with(|c: char| c.is_ascii_uppercase()) && state.len() <= 8
        })
}

/// "US", "UN", "U.S." before a role: part of the role.
fn is_capital_qualifier(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase) && is_qualifier(t)
}

/// One capitalised run read as a possible name.
#[derive(Debug, Clone)]
struct Mention {
    /// Name tokens, punctuation stripped.
    name: Vec<String>,
    /// The role before it, as written.
    role: Option<String>,
    /// Addressed by an honorific alone ("Mr. Biden", "Ms Roe"): no role,
    /// but a person all the same.
    addressed: bool,
    /// Evidence that it names a person.
    person: bool,
    /// Evidence that it names something else.
    not_person: bool,
    /// Every word of it ordinary English, one a given name, and nothing
    /// here vouching for a person ("said Ana Berg", "Grant Park"): a
    /// person only where another mention of it is vouched for.
    plain_words: bool,
    /// Read in a line in title case, where every word is capitalised: a
    /// person only when the text names them so elsewhere too.
    title_case: bool,
    line: usize,
}

/// Words that name one edition or channel of an outlet ("Rudaw English",
/// "Al Jazeera Arabic", "Kurdistan24 TV").
const EDITION_WORDS: &[&str] = &[
    "english",
    "arabic",
    "arabi",
    "kurdish",
    "kurdi",
    "persian",
    "farsi",
    "turkish",
    "french",
    "tv",
    "television",
    "radio",
    "online",
    "digital",
    "satellite",
    "channel",
];

/// The outlet's name in "Rudaw English" (`Some("Rudaw")`): a name read as a
/// person's whose last word names an edition; the caller checks that what
/// is left names an outlet (or anything else that is no person).
fn edition_of(name: &str) -> Option<&str> {
    let (head, last) = name.rsplit_once(' ')?;
    EDITION_WORDS
        .contains(&last.to_lowercase().as_str())
        .then_some(head)
}

/// The people an article names. `not_people` are names the article uses
/// for something else (its organisations, its outlet).
pub fn people(sentences: &[Sentence], not_people: &[String]) -> Vec<Person> {
    let excluded: HashSet<String> = not_people
        .iter()
        .map(|n| names::name_key(n))
        .filter(|k| !k.is_empty())
        .collect();
    let excluded_lower: HashSet<String> = not_people.iter().map(|n| n.to_lowercase()).collect();
    let (known_keys, known_lower) = super::entities::known_names();
    let is_excluded = |name: &str| {
        let lower = name.to_lowercase();
        excluded_lower.contains(&lower) || known_lower.contains(&lower) || {
            let key = names::name_key(name);
            excluded.contains(&key) || known_keys.contains(&key)
        }
    };
    let mut mentions: Vec<Mention> = Vec::new();
    let mut links: Vec<(Vec<String>, String)> = Vec::new();
    for s in sentences {
        // A headline in title case capitalises every word ("... Pat Ryder
        // Holds a Press Briefing"): a name there ends before a common word.
        // (A sentence with its full stop is prose, however many names it lists.)
        let title_case = super::entities::is_title_case(&s.text)
            && !s.text.trim_end().ends_with(['.', '"', '”']);
        // Most sentences have no initial or suffix: their words are read
        // in place.
        let words = has_initials(&s.text).then(|| without_initials(&s.text));
        let (tokens, vouched): (Vec<&str>, &[(usize, String)]) = match &words {
            Some((words, vouched)) => (words.iter().map(String::as_str).collect(), vouched),
            None => (s.text.split_whitespace().collect(), &[]),
        };
        // In title case the words that join a headline's parts are
        // capitalised too ("Statement From Ambassador Jane Roe On The
        // Attack"): read in lower case, they end a run as in prose.
        let lowered: Option<Vec<String>> = title_case.then(|| {
            tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    if i > 0 && is_joining_word(t) {
                        t.to_lowercase()
                    } else {
                        t.to_string()
                    }
                })
                .collect()
        });
        let tokens: Vec<&str> = match &lowered {
            Some(l) => l.iter().map(String::as_str).collect(),
            None => tokens,
        };
        let tokens = without_nicknames(tokens);
        // Names read so far in this sentence, and where each run ended.
        let mut earlier: Vec<String> = Vec::new();
        let mut last_end = 0;
        for (start, end) in capital_runs(&tokens) {
            let Some(mut m) = read_run(&tokens, start, end, s.line) else {
                continue;
            };
            while title_case && m.name.len() > 2 && m.name.last().is_some_and(|t| is_common_word(t))
            {
                m.name.pop();
            }
            if title_case {
                m.title_case = true;
                within_title_case(&mut m);
            }
            // "J.D. Vance", "C.Q. Brown": initials set together before it
            // make the word a person's name, and are its given name.
            let at = end.saturating_sub(m.name.len());
            if let Some((_, initials)) = vouched.iter().find(|(i, _)| *i == at) {
                m.name.insert(0, initials.clone());
                m.person = true;
                m.not_person = false;
            }
            let name = m.name.join(" ");
            // (A one-word name is its only token: the name's check is the token's.)
            // "told Kurdistan Today TV": the start of a name the article
            // uses for something else, printed in full here.
            if is_excluded(&name)
                || edition_of(&name).is_some_and(is_excluded)
                || not_people.iter().any(|n| {
                    n.strip_prefix(name.as_str())
                        .is_some_and(|r| r.starts_with(' '))
                        && s.text.contains(n.as_str())
                })
            {
                m.not_person = true;
            }
            // "Special Representative Says Iraq Has ...": a headline's verb
            // after a role begins no name.
            if m.name.first().is_some_and(|t| {
                let t = lower(t);
                SPEECH_VERBS.contains(&t.as_str()) || HEADLINE_VERBS.contains(&t.as_str())
            }) {
                m.not_person = true;
            }
            if is_member_of_party_from(&m.name) {
                m.not_person = true;
            }
            // "X, better known as Y", "Y, whose real name is X": one person,
            // the nearest earlier name of the sentence that is a person's.
            let from = last_end.min(start);
            let set_off = from > 0 && tokens[from - 1].ends_with(',');
            if !earlier.is_empty() && links_names(&tokens[from..start], set_off) {
                links.push((earlier.clone(), name.clone()));
            }
            earlier.push(name);
            last_end = end;
            mentions.push(m);
        }
    }
    let mut people = decide(mentions, links);
    with_printed_forms(&mut people, sentences);
    people
}

/// A run of capitals in a headline in title case, where every word is
/// capitalised and capitals are no evidence of a name ("Transition Talks
/// With Iraq"): a run is no one's name when every word is ordinary English
/// and none a given name.
fn within_title_case(m: &mut Mention) {
    // The headline's first word, capitalised in any case ("On The Strike").
    while m.name.len() > 1 && is_joining_word(&m.name[0]) {
        m.name.remove(0);
        m.role = None;
    }
    // (Nor is a run a verb opens: "Visits Erbil", "Meets Peshmerga".)
    let opens_with_word = m.name.first().is_some_and(|t| is_common_word(t));
    if (opens_with_word || m.name.iter().all(|t| is_common_word(t)))
        && !has_given_name(&m.name.join(" "))
    {
        m.not_person = true;
    }
}

/// A preposition, an article or "and": the words that join a headline's
/// parts, which a name does not hold ("of" in "Secretary of Defense" is
/// read by the role).
fn is_joining_word(t: &str) -> bool {
    const JOINING: &[&str] = &[
        "in", "on", "at", "over", "with", "for", "to", "from", "by", "the", "a", "an", "and", "as",
        "after", "before", "amid", "against", "into", "near", "under", "about", "of",
    ];
    JOINING.contains(&lower(t).as_str())
}

/// "Sens. Lindsey Graham and Tom Cotton": the name after "and" in a list
/// that a plural title opens has the title too.
fn after_plural_title(tokens: &[&str], at: usize) -> bool {
    const PLURAL_TITLES: &[&str] = &[
        "presidents",
        "sens",
        "senators",
        "reps",
        "representatives",
        "gens",
        "generals",
        "drs",
        "messrs",
    ];
    at >= 2
        && tokens[at - 1].eq_ignore_ascii_case("and")
        && tokens[at.saturating_sub(8)..at - 1]
            .iter()
            .any(|t| PLURAL_TITLES.contains(&lower(t).as_str()))
}

/// "Ohio Republican", "Texas Democrat" (after "Rep. Jane Roe,"): a
/// legislator's state and party, said of the name before it.
fn is_member_of_party_from(name: &[String]) -> bool {
    const PARTY: &[&str] = &["republican", "democrat", "democratic", "independent"];
    let Some((party, place)) = name.split_last() else {
        return false;
    };
    !place.is_empty()
        && PARTY.contains(&lower(strip_punct(party)).as_str())
        && is_place(&place.join(" "))
}

/// People a photo's caption names in full whose surname alone the text
/// says ("FILE - Iraqi Prime Minister Mohammed Shia al-Sudani speaks ..."
/// over "Al-Sudani has said ..."): the caption is not the article, but it
/// is how a reader knows whom the text means. Only those the text names:
/// their lines are the text's.
pub fn named_in_captions(
    people: &mut Vec<Person>,
    body: &[Sentence],
    captions: &[Sentence],
    not_people: &[String],
) {
    for found in self::people(captions, not_people) {
        if found.name.split_whitespace().count() < 2
            || people.iter().any(|p| {
                names::same_person(&p.name, &found.name) || p.aliases.contains(&found.name)
            })
        {
            continue;
        }
        let mut lines = Vec::new();
        let mut forms = Vec::new();
        for s in body {
            let said = s.text.split_whitespace().map(strip_punct).find(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.contains(' ')
                    && names::same_person(&found.name, w)
            });
            if let Some(w) = said {
                lines.push(s.line);
                let w = w.to_string();
                if !forms.contains(&w) {
                    forms.push(w);
                }
            }
        }
        if !lines.is_empty() {
            people.push(Person {
                name: found.name,
                aliases: forms,
                roles: found.roles,
                lines,
            });
        }
    }
}

/// A name read without its initials and suffix ("Lloyd Austin" from
/// "Lloyd J. Austin III") is given as the text prints it, the short form
/// kept as an alias (names::name_key treats them as one).
fn with_printed_forms(people: &mut [Person], sentences: &[Sentence]) {
    // Most articles print no initial: nothing to compile for them.
    let marked: Vec<&Sentence> = sentences.iter().filter(|s| has_initials(&s.text)).collect();
    if marked.is_empty() {
        return;
    }
    for p in people.iter_mut() {
        let tokens: Vec<&str> = p.name.split_whitespace().collect();
        if tokens.is_empty() || !marked.iter().any(|s| p.lines.contains(&s.line)) {
            continue;
        }
        // A given name alone is printed with its number ("King Abdullah
        // II"), or not at all: "Abdullah" alone stays as it is.
        let number = if tokens.len() == 1 { "" } else { "?" };
        let between = r"(?:\s+\p{Lu}\.?)*\s+";
        let name = tokens
            .iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join(between);
        let suffix = r"(?:,?\s+(?:Jr\.|Sr\.|(?:Jr|Sr|NUMERALS)\b))".replace("NUMERALS", NUMERALS);
        let pattern = format!(r"\b{name}{suffix}{number}");
        let Ok(re) = Regex::new(&pattern) else {
            continue;
        };
        let printed = marked
            .iter()
            .filter(|s| p.lines.contains(&s.line))
            .find_map(|s| re.find(&s.text).map(|m| m.as_str().to_string()))
            // "Lloyd Austin, Jr.": the comma sets the suffix off in a
            // sentence; the name is "Lloyd Austin Jr.".
            .map(|printed| printed.replace(", ", " "));
        if let Some(printed) = printed
            && printed != p.name
        {
            let short = std::mem::replace(&mut p.name, printed);
            if !p.aliases.contains(&short) {
                p.aliases.push(short);
            }
        }
    }
}

/// Does `text` hold a word that may be a middle initial ("J.") or a
/// generational suffix ("Jr.", "III")?
fn has_initials(text: &str) -> bool {
    // (A pair of capitals is looked at more closely only when one occurs:
    // most sentences have none.)
    let mut words = text.split_whitespace();
    let mut prev: Option<&str> = None;
    while let Some(t) = words.next() {
        if is_initial(t) || is_compact_initials(t) || is_suffix(suffix_core(t)) {
            return true;
        }
        if may_be_bare_initials(t) {
            let raw: Vec<&str> = prev
                .into_iter()
                .chain([t])
                .chain(words.clone().take(1))
                .collect();
            if is_bare_initials(&raw, usize::from(prev.is_some())) {
                return true;
            }
        }
        prev = Some(t);
    }
    false
}

/// Two or three capitals and nothing else, not a common acronym.
fn may_be_bare_initials(t: &str) -> bool {
    (2..=3).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(
            t,
            "US" | "UK" | "UN" | "EU" | "PM" | "MP" | "TV" | "AP" | "USA" | "UAE"
        )
}

/// "Gen. CQ Brown Jr.", "Senator JD Vance": two or three initials set
/// without stops (as some wires print them) before a surname, right after
/// a title. Such a pair alone is an acronym more often ("US", "KRG"), so
/// the title before it is what makes it a given name; the surname after
/// it is a name's word and no title ("Gen. US ..." never occurs, "KRG
/// Prime Minister" has a title after the letters).
fn is_bare_initials(raw: &[&str], i: usize) -> bool {
    let role = |w: &str| ROLE_WORDS.contains(&strip_punct(w).to_lowercase().as_str());
    may_be_bare_initials(raw[i])
        && i > 0
        && raw[i - 1].starts_with(char::is_uppercase)
        && role(raw[i - 1])
        && raw.get(i + 1).is_some_and(|n| is_name_token(n) && !role(n))
}

/// "J.D.", "C.Q.": two or three initials printed together before a
/// surname as a given name ("J.D. Vance", "Gen. C.Q. Brown Jr."); not the
/// abbreviations set the same way ("U.S.", "U.N.", "D.C.", "H.E.").
fn is_compact_initials(t: &str) -> bool {
    let b = t.as_bytes();
    b.len().is_multiple_of(2)
        && (4..=6).contains(&b.len())
        && b.chunks(2)
            .all(|g| g[0].is_ascii_uppercase() && g[1] == b'.')
        && !matches!(
            t,
            "U.S."
                | "U.K."
                | "U.N."
                | "E.U."
                | "D.C."
                | "H.E."
                | "A.M."
                | "P.M."
                | "U.A.E."
                | "U.S.A."
                | "N.Y."
                | "N.J."
                | "L.A."
                | "B.C."
                | "A.D."
                | "R.I."
        )
}

/// "J.": a capital and a full stop; or a lone capital, as British and Gulf
/// styles print it without the stop ("Lloyd J Austin III"), but not the
/// words "A", "I" and "O".
fn is_initial(t: &str) -> bool {
    let capital = t.starts_with(|c: char| c.is_ascii_uppercase());
    (t.len() == 2 && t.ends_with('.') && capital)
        || (t.len() == 1 && capital && !matches!(t, "A" | "I" | "O"))
}

/// "III," -> "III": the word without the punctuation after it.
fn suffix_core(t: &str) -> &str {
    t.trim_end_matches([',', '.', ';', ':'])
}

/// The numbers `names::is_generation` knows, as a pattern.
const NUMERALS: &str = "II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX";

/// "Jr", "III", "VI": a generational suffix or a monarch's number.
fn is_suffix(core: &str) -> bool {
    crate::names::is_generation(core)
}

/// The words of `text` with middle initials and generational suffixes
/// taken out of names ("Lloyd J. Austin III," -> "Lloyd Austin,"): the
/// name is the run of name words around them. A suffix's punctuation stays
/// on the name. Initials set together before a name ("J.D. Vance") go too;
/// the second list holds them with the position of the word they stood
/// before (a person's surname, whatever else the word may be: "C.Q. Brown").
fn without_initials(text: &str) -> (Vec<String>, Vec<(usize, String)>) {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut vouched = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let after_name = out
            .last()
            .is_some_and(|p| is_name_token(p) && !p.ends_with([',', '.', ';', ':']));
        let initial = is_initial(t) && raw.get(i + 1).is_some_and(|n| is_name_token(n));
        let core = suffix_core(t);
        if after_name && initial {
            continue;
        }
        if (is_compact_initials(t) || is_bare_initials(&raw, i))
            && raw.get(i + 1).is_some_and(|n| is_name_token(n))
        {
            vouched.push((out.len(), (*t).to_string()));
            continue;
        }
        if after_name && is_suffix(core) {
            let punct = t[core.len()..].trim_start_matches('.');
            if let Some(p) = out.last_mut() {
                p.push_str(punct);
            }
            continue;
        }
        out.push((*t).to_string());
    }
    (out, vouched)
}

/// Do the words before a name say it is another name of someone named
/// before it? ("..., better known by his nom de guerre Abu Fadak", "...,
/// whose real name is ...", "... is widely known as ...")
/// `set_off`: the earlier name ends with a comma ("X, also called Y").
fn links_names(between: &[&str], set_off: bool) -> bool {
    let text = between.join(" ").to_lowercase();
    // "X, also called Y", "X is also called Y" name one person; "Austin
    // also called King Abdullah" is a telephone call between two.
    let also_called = text.ends_with("also called")
        && (set_off && text == "also called"
            || [
                ", also called",
                "is also called",
                "was also called",
                "are also called",
            ]
            .iter()
            .any(|t| text.ends_with(t)));
    // "Ryder said the strike on the commander, whose real name was X":
    // a clause with its own verb of saying stands between; X is another's.
    let says = between
        .iter()
        .any(|t| SPEECH_VERBS.contains(&strip_punct(&t.to_lowercase())));
    between.len() <= 16
        && !says
        && (text.ends_with("known as")
            || text.contains("real name")
            || text.contains("guerre")
            || text.ends_with("alias")
            || also_called)
}

/// "Kataib Sayyid al-Shuhada leader Abu Alaa al-Walai": a group's name in
/// Arabic opens with its word for a group and ends at its first "al-" word
/// (or before a given name); a person's name may follow it. Returns where
/// the run goes on past the group's name. ("Harakat al-Nujaba Secretary
/// General Akram al-Kaabi": a role after the group keeps it, as any
/// organisation's name before a role.)
fn past_group_name(tokens: &[&str], start: usize, end: usize) -> usize {
    if start >= end || !super::entities::is_group_opener(strip_punct(tokens[start])) {
        return start;
    }
    let mut after = start + 1;
    // A group named without an "al-" word ("Kataib Hizbullah commander Abu
    // Baqir al-Saadi") ends at a role in lower case or a kunya at the
    // latest ("Sayyid" in "Kataib Sayyid al-Shuhada" is the group's).
    let ends_group = |t: &str| {
        is_given_name(t)
            || is_role_word(t) && t.starts_with(char::is_lowercase)
            || matches!(strip_punct(t), "Abu" | "Umm")
    };
    while after < end && !ends_group(tokens[after]) {
        after += 1;
        if tokens[after - 1].to_lowercase().starts_with("al-") {
            break;
        }
    }
    if tokens[after..end].iter().any(|t| is_role_word(t)) {
        start
    } else {
        after
    }
}

/// The role a run gives its person: the role words before the name (titles
/// written out), else the apposition's ("Sheikh Ali al-Hatem, a tribal
/// leader"), else a role before it.
fn role_of(
    tokens: &[&str],
    start: usize,
    role_tokens: &[&str],
    has_role: bool,
    apposition: Option<Apposition>,
    role_before: Option<String>,
) -> Option<String> {
    // "Mr Al Sudani": an honorific is evidence of a person, not a role.
    let honorific_only = role_tokens.iter().all(|t| {
        is_honour(t) || is_address(t) || matches!(lower(strip_punct(t)).as_str(), "his" | "her")
    });
    // "Sheikh Ali al-Hatem, a tribal leader": a form of address before the
    // name says less than the role the apposition gives.
    let address_only = role_tokens.iter().all(|t| is_form_of_address(t));
    if let (true, Some(Apposition::Person(r))) = (address_only, &apposition) {
        Some(r.clone())
    } else if has_role && !honorific_only {
        // "Sen.", "Lt. Gen.": a title abbreviated before the name is the
        // role written out ("Sen" alone reads as a cut word).
        Some(
            role_prefix(tokens, start, role_tokens)
                .into_iter()
                .chain(
                    role_tokens
                        .iter()
                        // ("Former spy chief Sir John Sawers": an honour, no role.)
                        .filter(|t| !is_honour(t))
                        // (Each of "Presidents X and Y" is a president.)
                        .map(|t| match *t {
                            "Presidents" => "President",
                            _ => title_in_full(t.trim_end_matches(',')).unwrap_or(t),
                        }),
                )
                .collect::<Vec<_>>()
                .join(" ")
                .trim_start_matches("the ")
                .trim_end_matches([',', '.'])
                .to_string(),
        )
    } else if let Some(Apposition::Person(r)) = apposition {
        Some(r)
    } else {
        role_before
    }
}

/// "Lord Ahmad of Wimbledon", "Baroness Goldie of Bishopton": a peer's name
/// ends before the place the title is taken from (the end of the run
/// `tokens[start..end]` without it).
fn before_peers_seat(tokens: &[&str], start: usize, end: usize) -> usize {
    let run = &tokens[start..end];
    let Some(peer) = run
        .iter()
        .position(|t| matches!(lower(t).as_str(), "lord" | "baroness" | "lady"))
    else {
        return end;
    };
    run.iter()
        .enumerate()
        .skip(peer + 2)
        .take(2)
        .find(|(i, t)| {
            t.eq_ignore_ascii_case("of")
                && run[peer + 1..*i]
                    .iter()
                    .all(|n| is_name_token(n) && !n.ends_with(','))
        })
        .map_or(end, |(i, _)| start + i)
}

/// Does the run at `start` follow "Lord Ahmad of": is it the place a
/// peer's title is taken from?
fn is_peers_seat(tokens: &[&str], start: usize) -> bool {
    start >= 3
        && tokens[start - 1].eq_ignore_ascii_case("of")
        && (2..=3).any(|back| {
            start > back && before_peers_seat(tokens, start - back - 1, start + 1) == start - 1
        })
}

/// Honours and forms of address that stand before a name and are neither
/// part of it nor a role: "Sir John Sawers", "His Excellency NAME".
fn is_honour(t: &str) -> bool {
    matches!(
        lower(t).as_str(),
        "sir" | "dame" | "lord" | "baroness" | "excellency"
    )
}

/// Does `run` open with a given name, and so is all name ("Lahur Sheikh
/// Jangi")? Not when a role in lower case stands in it: "Badr leader Hadi
/// al-Amiri" is a group named like a person before its leader's role.
fn opens_with_given_name(run: &[&str]) -> bool {
    opens_a_name(run[0])
        && !run[1..]
            .iter()
            .any(|t| t.starts_with(char::is_lowercase) && is_role_word(t))
}

/// A given name, or a kunya's or a compound name's first word ("Abu",
/// "Umm", "Abdul"): a word a person's name opens with.
fn opens_a_name(t: &str) -> bool {
    is_given_name(t) || matches!(strip_punct(t), "Abu" | "Umm" | "Abdul" | "Abdel" | "Abd")
}

/// Where the name begins in `run` after its role's words (`role_end`):
/// past qualifiers ("Secretary of State Marco Rubio") and, after "of", the
/// portfolio's words ("Minister of Water Resources Aoun Diab", "Minister of
/// Peshmerga Affairs Shorsh Ismail").
fn past_portfolio(run: &[&str], role_end: usize) -> usize {
    let mut name_start = role_end;
    // ("Minister of Martyrs and Anfal Affairs": the role's last word may
    // be the portfolio's first.)
    let of = |t: &str| t.eq_ignore_ascii_case("of") || t.eq_ignore_ascii_case("for");
    let mut after_of = run[..role_end.min(run.len())].iter().any(|t| of(t));
    // ("Minister of Migration and Displacement Ivan Fayeq Jabro": a
    // portfolio of two words joined.)
    let joins = |t: &str| t.eq_ignore_ascii_case("and") || t == "&";
    while name_start < run.len()
        && run.len() - name_start > 2
        && (is_qualifier(run[name_start])
            || of(run[name_start])
            || after_of && joins(run[name_start])
            || after_of && is_common_word(run[name_start]) && !is_given_name(run[name_start]))
    {
        after_of |= of(run[name_start]);
        name_start += 1;
    }
    // "Minister of Peshmerga Karwan Jamal Tahir": a portfolio's proper word
    // that is no given name, then a given name with a surname after it.
    if after_of
        && let Some(k) = (name_start + 1..run.len().saturating_sub(1).min(name_start + 5))
            .find(|&k| opens_a_name(run[k]))
        && !is_given_name(run[name_start])
    {
        return k;
    }
    // "Minister of Peshmerga Affairs Shorsh Ismail": a portfolio's proper
    // word before its ordinary one; the name begins after the last
    // ordinary word of the next three (two words at least left for it).
    if after_of
        && let Some(k) = (name_start..run.len().saturating_sub(2).min(name_start + 3))
            .rev()
            .find(|&k| is_common_word(run[k]) && !is_given_name(run[k]))
    {
        name_start = k + 1;
    }
    name_start
}

/// "Ambassador to Iraq Alina Romanowski", "envoy for Syria Geir Pedersen":
/// the country the role is for, then the name (a place that is nobody's
/// given name, a given name and a surname after it). Where the name
/// begins.
fn past_country_of_post(tokens: &[&str], start: usize, end: usize) -> usize {
    let after_to = tokens[start.saturating_sub(1)..start]
        .iter()
        .any(|t| matches!(*t, "to" | "for" | "in"));
    let country_then_name = end >= start + 3
        && is_place(strip_punct(tokens[start]))
        && !is_given_name(tokens[start])
        && is_given_name(tokens[start + 1]);
    start + usize::from(after_to && country_then_name)
}

/// "the USS Abraham Lincoln", "HMS Diamond": a run at `start` that a
/// navy's prefix opens or follows names a ship, even one named after a
/// person.
fn names_a_ship(tokens: &[&str], start: usize) -> bool {
    let ship = |t: &str| {
        matches!(
            strip_punct(t),
            "USS" | "USNS" | "HMS" | "HMCS" | "INS" | "FS"
        )
    };
    ship(tokens[start]) || start.checked_sub(1).is_some_and(|i| ship(tokens[i]))
}

/// Read the run `tokens[start..end]`: its role part, its name part and the
/// evidence around it.
fn read_run(tokens: &[&str], start: usize, end: usize, line: usize) -> Option<Mention> {
    let mut start = start;
    // Sentence openers and times are not names: "In Baghdad", "On Thursday".
    while start < end && (is_function_opener(tokens[start]) || is_time_word(tokens[start])) {
        start += 1;
    }
    // "Shafaq News/ Iraqi Prime Minister ...": the outlet's credit before
    // the slash is not part of the role.
    if let Some(k) = tokens[start..end].iter().rposition(|t| t.ends_with('/')) {
        start += k + 1;
    }
    let start = past_group_name(tokens, past_country_of_post(tokens, start, end), end);
    let end = before_peers_seat(tokens, start, end);
    let run = &tokens[start..end];
    if run.is_empty() {
        return None;
    }
    if names_a_ship(tokens, start) {
        return None;
    }
    let name_start = name_start_in(tokens, start, end);
    // "Lord Ahmad", "Baroness Goldie": a peer is named by the title and
    // one name, which alone would be anyone's.
    let peer = name_start >= 1
        && name_start + 1 == run.len()
        && matches!(
            lower(run[name_start - 1]).as_str(),
            "lord" | "baroness" | "lady"
        );
    let name_start = name_start - usize::from(peer);
    let role_tokens = &run[..name_start];
    let name: Vec<String> = run[name_start..]
        .iter()
        .map(|t| strip_punct(t).to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if name.iter().any(|t| {
        !is_name_token(t)
            && !matches!(
                t.as_str(),
                "al" | "bin" | "ibn" | "bint" | "de" | "van" | "von" | "abu"
            )
            && !SECOND_PARTICLES.contains(&t.as_str())
    }) {
        return None;
    }
    if name.is_empty() || name.len() > 5 {
        return None;
    }
    let has_role = role_tokens.iter().any(|t| is_role_word(t));
    let abs_start = start + name_start;
    let before = abs_start.checked_sub(1).map(|i| tokens[i]);
    let after = tokens.get(end).copied();
    let last = run.last().copied().unwrap_or("");

    let given = is_given_name(&name[0]);
    // "Senator Jack Reed": words that are common on their own ("jack",
    // "reed") make a name after a title when the first is a given name;
    // without one, such a name waits for a mention that has one.
    let all_common = name.iter().all(|t| is_common_word(t));
    let titled = (has_role || after_plural_title(tokens, abs_start)) && given && name.len() >= 2;
    let mut not_person = name.iter().any(|t| is_head(t))
        || name.len() >= 2 && OPENING_HEADS.contains(&name[0].as_str())
        || name.iter().any(|t| is_time_word(t))
        || all_common && !titled && !(given && name.len() >= 2)
        || (name.len() == 1 && is_place(&name[0]))
        || is_place(&name.join(" "))
        || name.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()))
        // "the Imam Hussein shrine", "Morgan Stanley analysts": a place's
        // or a firm's name ("Imam Hussein's shrine" is his).
        || !is_possessive(last) && followed_by(last, after, NAMED_PLACE_NOUNS)
        || name.len() >= 2 && followed_by(last, after, FIRM_STAFF)
        || ends_with_place_noun(&name);
    // "Ministry of Peshmerga Affairs": what follows an organisation's head
    // and "of" is the rest of its name.
    let of_head = |head: &str, of: &str| {
        of.eq_ignore_ascii_case("of") && ORG_HEADS.contains(&strip_punct(head))
    };
    let after_org_head = match role_tokens {
        [.., head, of] => of_head(head, of),
        _ => abs_start >= 2 && of_head(tokens[abs_start - 2], tokens[abs_start - 1]),
    };
    // "the Minister of Peshmerga Affairs on Friday": a portfolio after
    // "of" that ends in an ordinary word, no name after it.
    let portfolio_alone = role_tokens
        .last()
        .is_some_and(|t| t.eq_ignore_ascii_case("of"))
        && name.last().is_some_and(|t| is_common_word(t))
        && !given;
    if after_org_head || portfolio_alone || is_peers_seat(tokens, start) {
        not_person = true;
    }
    let apposition = apposition_after(tokens, end, last);
    match apposition {
        Some(Apposition::Group) | Some(Apposition::Place) => not_person = true,
        _ => {}
    }
    // "the X said": an organisation, not a person.
    if before.is_some_and(|b| b.eq_ignore_ascii_case("the")) && !has_role {
        not_person = true;
    }
    let arabic_shape = arabic_name_shape(&name);
    let speaks_after =
        after.is_some_and(|a| SPEECH_VERBS.contains(&lower(a).as_str())) && !is_possessive(last);
    let said_before =
        before.is_some_and(|b| SPEECH_VERBS.contains(&lower(b).as_str())) && start == abs_start;
    let role_before = appositive_role_before(tokens, abs_start);
    let named = naming_phrase_before(tokens, abs_start);
    let person = has_role
        || peer
        || given
        || arabic_shape
        || leads_a_party(&name, last, &tokens[end..])
        || speaks_after
        || said_before
        || role_before.is_some()
        || named
        || matches!(apposition, Some(Apposition::Person(_)));
    let plain_words = all_common
        && given
        && name.len() >= 2
        && !titled
        && role_before.is_none()
        && !matches!(apposition, Some(Apposition::Person(_)));
    // "his Iraqi counterpart, Jane Roe": who she stands beside, not her
    // office (the word is evidence of a person all the same).
    let addressed = !role_tokens.is_empty() && role_tokens.iter().all(|t| is_address(t));
    let role = role_of(
        tokens,
        start,
        role_tokens,
        has_role,
        apposition,
        role_before,
    )
    .filter(|r| !says_only_whom_they_match(r));
    Some(Mention {
        name,
        role,
        addressed,
        person,
        not_person,
        plain_words,
        title_case: false,
        line,
    })
}

/// "Mr", "Mrs.", "Ms", "Miss": how a person is addressed, no office.
fn is_address(t: &str) -> bool {
    matches!(lower(strip_punct(t)).as_str(), "mr" | "mrs" | "ms" | "miss")
}

/// A role that says only whom a person matches or follows ("Iraqi
/// counterpart", "predecessor").
fn says_only_whom_they_match(role: &str) -> bool {
    let last = role.rsplit(' ').next().unwrap_or(role).to_lowercase();
    matches!(last.as_str(), "counterpart" | "predecessor" | "successor")
}

/// Where the name begins in the run `tokens[start..end]` (not empty): past
/// the role and any group named after it.
fn name_start_in(tokens: &[&str], start: usize, end: usize) -> usize {
    let run = &tokens[start..end];
    // The role ends at its last role word, or at an organisation's head
    // ("Armed Forces Mohammed Shia al-Sudani"), when names follow.
    // A run that opens with a given name is all name ("Lahur Sheikh Jangi").
    let opens_with_name = opens_with_given_name(run);
    let role_end = run
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            (is_role_word(t) || is_head(strip_punct(t)))
                && !(*i > 0 && is_given_name(run[i - 1]) && is_honorific_within_name(t))
                && run[i + 1..]
                    .iter()
                    .any(|n| is_name_token(n) && !is_role_word(n))
        })
        .map(|(i, _)| i + 1)
        .next_back()
        .filter(|_| !opens_with_name)
        .unwrap_or_else(|| {
            run.iter()
                .position(|t| !is_qualifier(t))
                .unwrap_or(run.len())
        });
    let mut name_start = past_portfolio(run, role_end);
    // "Spokesman of Kataib Hezbollah Jafar al-Husseini", "Secretary-General
    // of Kataib Sayyid al-Shuhada Abu Alaa al-Walai": a group named after
    // the role belongs to the role, whatever role word its name holds; the
    // person's name begins where the group's ends.
    if let Some(g) = (1..=name_start.min(run.len() - 1))
        .find(|&g| super::entities::is_group_opener(strip_punct(run[g])))
    {
        let after = past_group_name(tokens, start + g, end) - start;
        if after > g && after < run.len() {
            name_start = name_start.max(after);
        }
    }
    name_start
}

/// "Haji", "Sheikh", "Mirza": an honorific that many names carry inside
/// them, after a given name ("Abdullah Haji Mahmoud", "Hassan Sheikh
/// Mohamud"), where it is no title over what follows.
fn is_honorific_within_name(t: &str) -> bool {
    matches!(
        strip_punct(t),
        "Haji"
            | "Hajji"
            | "Hajj"
            | "Sheikh"
            | "Shaikh"
            | "Sayyid"
            | "Sayed"
            | "Seyed"
            | "Mullah"
            | "Mulla"
            | "Mirza"
            | "Khan"
            | "Agha"
            | "Pasha"
    )
}

/// A title abbreviated before a name, written out: "Sen." -> "Senator",
/// "Lt." -> "Lieutenant". Only with its full stop ("Gen" alone may be a
/// name's part).
pub fn title_in_full(word: &str) -> Option<&'static str> {
    let abbr = word.strip_suffix('.')?;
    Some(match abbr.to_ascii_lowercase().as_str() {
        "sen" | "sens" => "Senator",
        "rep" | "reps" => "Representative",
        "gen" => "General",
        "lt" => "Lieutenant",
        "adm" => "Admiral",
        "col" => "Colonel",
        "maj" => "Major",
        "capt" => "Captain",
        "brig" => "Brigadier",
        "sgt" => "Sergeant",
        "spc" => "Specialist",
        "cpl" => "Corporal",
        "pvt" => "Private",
        "pfc" => "Private First Class",
        "cmdr" => "Commander",
        "amb" => "Ambassador",
        "gov" => "Governor",
        "sec" => "Secretary",
        "prof" => "Professor",
        _ => return None,
    })
}

/// Capitalised function words that open a sentence before a name.
/// Words before a role that belong to it: a possessive ("Iraq’s Prime
/// Minister"), or, before a role in lower case, the words that say whose
/// or what kind it is ("Pentagon press secretary", "Iraqi military
/// spokesman", "Interior Ministry spokesman"): up to three, capitalised or
/// among a few kinds of office, never across punctuation.
fn role_prefix<'a>(tokens: &[&'a str], start: usize, role: &[&str]) -> Vec<&'a str> {
    const KINDS: &[&str] = &[
        "press",
        "military",
        "defense",
        "defence",
        "foreign",
        "government",
        "security",
        "army",
        "police",
        "media",
        "senior",
        "top",
        "former",
        "interior",
        "health",
        "party",
        "ministry",
    ];
    let Some(&before) = start.checked_sub(1).and_then(|i| tokens.get(i)) else {
        return Vec::new();
    };
    if is_possessive(before) && before.starts_with(char::is_uppercase) {
        return vec![before];
    }
    // "Under Secretary of State for ...": the word that makes the post
    // another (a sentence's "Under" opens no run).
    if before.eq_ignore_ascii_case("under")
        && role
            .first()
            .is_some_and(|r| r.eq_ignore_ascii_case("secretary"))
    {
        return vec![before];
    }
    if !role
        .first()
        .is_some_and(|r| r.starts_with(char::is_lowercase))
    {
        return Vec::new();
    }
    let mut from = start;
    while from > 0 && start - from < 3 {
        let t = tokens[from - 1];
        let l = t.to_lowercase();
        let kind = KINDS.contains(&l.as_str());
        let capital = t.starts_with(char::is_uppercase)
            && t.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_function_opener(t)
            && !is_time_word(t);
        if !(kind || capital) || t.ends_with([',', '.', ';', ':']) {
            break;
        }
        from -= 1;
    }
    tokens[from..start].to_vec()
}

/// A word that opens a sentence before a name and is not part of it: a
/// function word or a connective ("Meanwhile", "Nonetheless"), or an
/// adverb in -ly that is no one's given name ("Separately Barzani said").
fn is_function_opener(t: &str) -> bool {
    // ("Meanwhile, ...", "Later, ...": with the comma that sets it off.)
    let t = t.strip_suffix(',').unwrap_or(t);
    let l = t.to_lowercase();
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| !c.is_uppercase())
        && (super::lines::is_stop_word(&l)
            || matches!(
                l.as_str(),
                "meanwhile"
                    | "however"
                    | "but"
                    | "and"
                    | "also"
                    | "then"
                    | "still"
                    | "yet"
                    | "even"
                    | "nonetheless"
                    | "nevertheless"
                    | "moreover"
                    | "furthermore"
                    | "instead"
                    | "otherwise"
                    | "therefore"
                    | "thus"
                    | "hence"
                    | "besides"
                    | "indeed"
                    | "likewise"
                    | "elsewhere"
                    | "overall"
                    | "afterwards"
                    | "regardless"
                    | "later"
                    | "earlier"
                    | "separately"
                    | "today"
                    | "yesterday"
                    | "tonight"
            )
            || l.ends_with("ly") && is_common_word(t) && !is_given_name(t))
}

/// An Arabic name by its shape: a kunya ("Abu Fadak", "Umm Ahmed"), a
/// theophoric name ("Abdul Aziz", "Abd al-Karim"), or a given name followed
/// by an `al-` surname.
/// "Muthanna al-Samarrai's Azm Alliance": a name of two words or more with
/// an "al-" surname, in the possessive before a party's name, is the
/// party's leader (a group's or a place's name is not written so).
fn leads_a_party(name: &[String], last: &str, after: &[&str]) -> bool {
    const PARTY_HEADS: &[&str] = &[
        "Alliance",
        "Party",
        "Movement",
        "Bloc",
        "Coalition",
        "Current",
        "Front",
        "Trend",
        "List",
    ];
    name.len() >= 2
        && has_al_surname(name)
        && is_possessive(last)
        && after
            .iter()
            .take(4)
            .take_while(|t| t.starts_with(char::is_uppercase))
            .any(|t| PARTY_HEADS.contains(&strip_punct(t)))
}

/// Does the name end in an "al-" family name ("al-Samarrai")?
fn has_al_surname(name: &[String]) -> bool {
    name.last()
        .is_some_and(|t| t.starts_with("al-") || t.starts_with("Al-") || t.starts_with("el-"))
}

fn arabic_name_shape(name: &[String]) -> bool {
    let first = name[0].as_str();
    let has_al_surname = has_al_surname(name);
    let kunya = names::KUNYA_WORDS.contains(&first) && name.len() >= 2;
    let theophoric =
        (first.starts_with("Abd") || first == "Abdul" || first == "Abdel") && name.len() >= 2;
    (kunya && (has_al_surname || name.len() == 2))
        || (theophoric && has_al_surname)
        || (name.len() >= 2 && has_al_surname && is_given_name(first))
}

/// What follows "Name, ...".
enum Apposition {
    /// "..., a senior official at ...", "..., 46,", "..., who ...": a person, with the role if stated.
    Person(String),
    /// "..., an Iran-backed militia".
    Group,
    /// "..., a town south of Baghdad".
    Place,
}

fn apposition_after(tokens: &[&str], end: usize, last: &str) -> Option<Apposition> {
    if !last.ends_with(',') {
        return None;
    }
    let next = *tokens.get(end)?;
    let l = lower(next);
    // "Jane Roe, 46, of Savannah"
    if next
        .trim_end_matches(',')
        .chars()
        .all(|c| c.is_ascii_digit())
        && next.ends_with(',')
    {
        return Some(Apposition::Person(String::new()));
    }
    if matches!(l.as_str(), "who" | "whose") {
        return Some(Apposition::Person(String::new()));
    }
    let determiner = matches!(
        l.as_str(),
        "a" | "an"
            | "the"
            | "another"
            | "one"
            | "his"
            | "her"
            | "its"
            | "their"
            | "himself"
            | "herself"
    );
    // "South Carolina, President Joe Biden": a title opens the next name.
    let lower_role =
        (is_role_word(next) || is_qualifier(next)) && next.starts_with(char::is_lowercase);
    if !determiner && !lower_role {
        return None;
    }
    let mut phrase = Vec::new();
    for t in &tokens[end..] {
        // "a Kurdish politician who has met ...": the role ends at its clause.
        if !phrase.is_empty() && matches!(lower(t).as_str(), "who" | "whose" | "which" | "that") {
            break;
        }
        // "Under a plan agreed with Prime Minister Jane Roe, the coalition
        // will leave": a verb after the noun makes it the sentence's main
        // clause, not a phrase about the name.
        if !phrase.is_empty() && CLAUSE_VERBS.contains(&lower(t).as_str()) {
            return None;
        }
        phrase.push(*t);
        if t.ends_with([',', '.', ';']) || phrase.len() >= 9 {
            break;
        }
    }
    let words: Vec<String> = phrase.iter().map(|t| lower(t)).collect();
    // The apposition's own noun stands before its first preposition: "a
    // member of the Democratic Party", "a senior officer at the Ministry"
    // are people; "one of the factions", "part of the coalition" are not.
    let head = words
        .iter()
        .enumerate()
        .position(|(i, w)| {
            matches!(
                w.as_str(),
                "of" | "at" | "in" | "for" | "from" | "with" | "on" | "to"
            ) && !(w == "of"
                && i > 0
                && matches!(
                    words[i - 1].as_str(),
                    "one" | "part" | "some" | "each" | "most"
                ))
        })
        .map_or(&words[..], |i| &words[..i]);
    // An owner is not the noun: "the Kurdistan Region's coordinator" is a
    // person, "the group's leader" too.
    let own = |i: usize| !is_possessive(phrase[i].trim_end_matches([',', '.', ';']));
    let in_head =
        |nouns: &[&str]| (0..head.len()).any(|i| own(i) && nouns.contains(&head[i].as_str()));
    // A place's noun before a role or a person's noun is theirs ("the base
    // commander", "the port director", "a village elder"): not a place.
    let place = (0..head.len()).any(|i| {
        own(i)
            && PLACE_NOUNS.contains(&head[i].as_str())
            && !head[i + 1..]
                .iter()
                .any(|w| role_word(w) || PERSON_NOUNS.contains(&w.as_str()))
    });
    if place {
        return Some(Apposition::Place);
    }
    if (0..words.len()).any(|i| own(i) && GROUP_NOUNS.contains(&words[i].as_str()))
        && !words.iter().any(|w| role_word(w))
        && (head.len() == words.len() || in_head(GROUP_NOUNS))
    {
        return Some(Apposition::Group);
    }
    let text = phrase
        .iter()
        .skip(usize::from(l == "the" || l == "a" || l == "an"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.', ';'])
        .to_string();
    let role = if words.iter().any(|w| role_word(w)) {
        text
    } else {
        String::new()
    };
    Some(Apposition::Person(role))
}

/// Auxiliaries and reporting verbs that follow a clause's subject.
const CLAUSE_VERBS: &[&str] = &[
    "will",
    "would",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "said",
    "says",
    "told",
    "announced",
];

/// "Iraq's Defense Minister, Thabit al-Abbasi," / "Hamas' political leader, Ismail Haniyeh,"
/// / "the UN envoy for Iraq, Jane Roe," (a role and where it serves).
fn appositive_role_before(tokens: &[&str], start: usize) -> Option<String> {
    if start == 0 || !tokens[start - 1].ends_with(',') {
        return None;
    }
    // The role word: right before the comma, or before "for/to/in/of" and
    // the one or two capitalised words of a place or body.
    let role_at = if is_role_word(tokens[start - 1]) {
        start - 1
    } else {
        (2..=3).find_map(|back| {
            let prep = start.checked_sub(back)?;
            let role = prep.checked_sub(1)?;
            let served = &tokens[prep + 1..start];
            (matches!(tokens[prep], "for" | "to" | "in" | "of")
                && is_role_word(tokens[role])
                && served.iter().all(|t| t.starts_with(char::is_uppercase))
                && served[..served.len() - 1]
                    .iter()
                    .all(|t| !t.ends_with([',', '.'])))
            .then_some(role)
        })?
    };
    let mut i = role_at;
    while i > 0
        && start - i < 5
        && !tokens[i - 1].ends_with([',', '.'])
        && (is_role_word(tokens[i - 1])
            || is_qualifier(tokens[i - 1])
            || is_possessive(tokens[i - 1])
            || tokens[i - 1].ends_with('\'')
            || is_name_token(tokens[i - 1]))
    {
        i -= 1;
    }
    // ("Our correspondent in Baghdad", "Her deputy": the role without the
    // word that points to whose.)
    while i < start - 1
        && matches!(
            tokens[i].to_lowercase().as_str(),
            "of" | "the" | "a" | "an" | "our" | "his" | "her" | "their" | "its"
        )
    {
        i += 1;
    }
    Some(tokens[i..start].join(" ").trim_end_matches(',').to_string())
}

/// "known as X", "named the commander as X", "nom de guerre X".
fn naming_phrase_before(tokens: &[&str], start: usize) -> bool {
    let from = start.saturating_sub(5);
    let before = tokens[from..start].join(" ").to_lowercase();
    NAMING_WORDS.iter().any(|w| before.ends_with(w))
        || (before.ends_with(" as") && (before.contains("named") || before.contains("naming")))
}

/// Decide once per name, merge the forms of one person, link kunyas.
fn decide(mentions: Vec<Mention>, links: Vec<(Vec<String>, String)>) -> Vec<Person> {
    // A form that is something else anywhere is never a person.
    // (Each mention's key once: a name is mentioned many times.)
    let keys: Vec<String> = mentions
        .iter()
        .map(|m| names::name_key(&m.name.join(" ")))
        .collect();
    // A name of ordinary words ("said Ana Berg") is one where another
    // mention vouches for it ("UN envoy Ana Berg").
    let vouched: HashSet<&str> = mentions
        .iter()
        .zip(&keys)
        .filter(|(m, _)| m.person && !m.not_person && !m.plain_words)
        .map(|(_, k)| k.as_str())
        .collect();
    let rejected: HashSet<&str> = mentions
        .iter()
        .zip(&keys)
        .filter(|(m, k)| m.not_person || m.plain_words && !vouched.contains(k.as_str()))
        .map(|(_, k)| k.as_str())
        .collect();
    // Surnames said alone as a person's confirm the full names they end.
    let confirmed: Vec<String> = mentions
        .iter()
        .filter(|m| m.name.len() == 1 && m.person && !m.not_person)
        .map(|m| m.name[0].clone())
        .collect();
    // A headline in title case names a person the text names too (a
    // news text restates whom its headline names), or with a title before
    // the name (a statement's "Remarks by Ambassador Jane Roe", its
    // speaker named nowhere else); capitals alone there are no evidence
    // ("Over Ain Al-Asad", "Transition Talks").
    let in_prose: Vec<String> = mentions
        .iter()
        .filter(|m| !m.title_case && !m.not_person)
        .map(|m| m.name.join(" "))
        .collect();
    let is_person = |m: &Mention, key: &str| {
        !rejected.contains(key)
            && (!m.title_case
                || m.name.len() >= 2 && m.role.as_ref().is_some_and(|r| !r.is_empty())
                || in_prose
                    .iter()
                    .any(|p| names::same_person(p, &m.name.join(" "))))
            && (m.person
                || (m.name.len() >= 2
                    && confirmed
                        .iter()
                        .any(|c| names::same_person(&m.name.join(" "), c))))
    };
    let mut people: Vec<Person> = Vec::new();
    let mut singles: Vec<(String, usize)> = Vec::new();
    for (m, key) in mentions.iter().zip(&keys) {
        if !is_person(m, key) {
            continue;
        }
        let name = m.name.join(" ");
        // "Al Hurra", "Al Qassimi": the article's "al" and one word is a
        // family or a channel named alone, no one's full name: it names a
        // person only as the short form of a full name the text gives.
        let family_alone = m.name.len() == 2
            && ["al", "el"]
                .iter()
                .any(|a| m.name[0].eq_ignore_ascii_case(a));
        if m.name.len() == 1 || family_alone {
            singles.push((name, m.line));
            continue;
        }
        add_person(&mut people, &name, m.role.clone(), m.line);
    }
    // Surnames alone join the full name they shorten; of two with the
    // surname ("Bafel Talabani", "Qubad Talabani"), the one named last
    // before it.
    for (single, line) in &singles {
        if let Some(p) = shortened_by(&mut people, single, *line) {
            if !p.aliases.contains(single) && *single != p.name {
                p.aliases.push(single.clone());
            }
            if !p.lines.contains(line) {
                p.lines.push(*line);
            }
        }
    }
    // A surname said alone with nothing around it to vouch for a person
    // ("Romanowski later said", "Later, Hussein and Romanowski visited")
    // is the one person of the article whose full name ends with it.
    for (m, key) in mentions.iter().zip(&keys) {
        let single = match &m.name[..] {
            [single] => single,
            _ => continue,
        };
        if m.not_person
            || m.title_case
            || rejected.contains(key.as_str())
            || is_person(m, key)
            // (Of two with the surname, nothing here says which.)
            || people
                .iter()
                .filter(|p| {
                    p.name.split_whitespace().count() >= 2
                        && p.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|last| bare_surname(last) == bare_surname(single))
                })
                .count()
                != 1
        {
            continue;
        }
        if let Some(p) = shortened_by(&mut people, single, m.line) {
            if !p.aliases.contains(single) && *single != p.name {
                p.aliases.push(single.clone());
            }
            if !p.lines.contains(&m.line) {
                p.lines.push(m.line);
            }
        }
    }
    // A title before a surname that no full name of the article ends
    // ("Prime Minister al-Sudani", "President Biden", "Mr. Biden") names a
    // person all the same: the surname is the name the article gives.
    for (m, key) in mentions.iter().zip(&keys) {
        if m.name.len() == 1
            && (m.role.as_ref().is_some_and(|r| !r.is_empty()) || m.addressed)
            && is_person(m, key)
            && !people
                .iter()
                .any(|p| names::same_person(&p.name, &m.name[0]) || p.aliases.contains(&m.name[0]))
        {
            add_person(&mut people, &m.name[0], m.role.clone(), m.line);
        }
    }
    let not_people: Vec<String> = mentions
        .iter()
        .filter(|m| m.not_person)
        .map(|m| m.name.join(" "))
        .collect();
    join_leading_forms(&mut people);
    link_names(&mut people, &singles, links, &not_people);
    for p in &mut people {
        p.lines.sort_unstable();
        p.lines.dedup();
        p.aliases.sort();
        p.aliases.dedup();
    }
    people
}

/// The person a single name stands for at `line`: the one full name it
/// ends, or of several, the one named last before it (none when none is);
/// else the one full name it begins when a title marks it ("Prince Faisal"
/// after "Prince Faisal bin Farhan": Arab royals and clerics are called by
/// their given names).
/// A surname as printed, for a match with no other evidence: letter for
/// letter but for case and the article ("al-Sudani" is "Sudani"; the
/// looser key that joins spellings would join "Hikma" to "Hakim").
fn bare_surname(word: &str) -> String {
    let w = strip_punct(word).to_lowercase();
    ["al-", "el-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .map_or_else(|| w.clone(), str::to_string)
}

fn shortened_by<'p>(people: &'p mut [Person], single: &str, line: usize) -> Option<&'p mut Person> {
    let ending: Vec<usize> = (0..people.len())
        .filter(|&i| names::same_person(&people[i].name, single))
        .collect();
    let chosen = match ending[..] {
        [one] => Some(one),
        [] => {
            let first = |p: &Person| {
                p.name.split_whitespace().count() >= 2
                    && p.name.split_whitespace().next() == Some(single)
            };
            let starting: Vec<usize> = (0..people.len()).filter(|&i| first(&people[i])).collect();
            match starting[..] {
                [one] if people[one].roles.iter().any(|r| ends_in_honorific(r)) => Some(one),
                _ => None,
            }
        }
        _ => ending
            .iter()
            .filter_map(|&i| {
                let last = people[i]
                    .lines
                    .iter()
                    .copied()
                    .filter(|&l| l <= line)
                    .max()?;
                Some((last, i))
            })
            .max()
            .map(|(_, i)| i),
    };
    chosen.map(move |i| &mut people[i])
}

/// "Qatar's Emir Sheikh", "Iranian Supreme Leader Ayatollah": the
/// honorific a role ends in is how the person is addressed, not the post.
/// Left off once names are joined (until then it ties "Sheikh Tamim" to the
/// full name, [`ends_in_honorific`]); a role of an honorific alone goes.
pub(super) fn roles_without_honorifics(people: &mut [Person]) {
    for p in people.iter_mut() {
        for role in p.roles.iter_mut() {
            let mut words: Vec<&str> = role.split_whitespace().collect();
            let all = words.len();
            while words.last().is_some_and(|w| is_form_of_address(w)) {
                words.pop();
                // "Grand Ayatollah"
                if words.last() == Some(&"Grand") {
                    words.pop();
                }
            }
            if words.len() != all {
                *role = words.join(" ");
            }
        }
        p.roles.retain(|r| !r.is_empty());
        let mut seen = std::collections::HashSet::new();
        p.roles.retain(|r| seen.insert(r.clone()));
    }
}

/// "Sheikh", "Sayyid", "Ayatollah", "Haji": how a person is addressed,
/// not a post they hold.
fn is_form_of_address(t: &str) -> bool {
    matches!(
        lower(strip_punct(t)).as_str(),
        "sheikh"
            | "shaikh"
            | "sheikha"
            | "sayyed"
            | "sayyid"
            | "sayed"
            | "seyed"
            | "hajji"
            | "haji"
            | "hajj"
            | "ayatollah"
            | "hojatoleslam"
            | "mullah"
    )
}

/// "Saudi Foreign Minister Prince", "Sheikh": a role that ends in a title
/// by which the person is called with the given name alone.
fn ends_in_honorific(role: &str) -> bool {
    role.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "Prince"
                | "Princess"
                | "Sheikh"
                | "Sheikha"
                | "King"
                | "Queen"
                | "Emir"
                | "Sayyid"
                | "Sayed"
        )
    })
}

/// "Hi, Mary Louise" after "Mary Louise Kelly": a name of two words or more
/// that starts exactly one longer name of the text is that person, called
/// by her given names (or an Arabic name cut after the father's). Run
/// again once a transcript's speakers are added (their full names head it).
pub(super) fn join_leading_forms(people: &mut Vec<Person>) {
    let mut i = 0;
    while i < people.len() {
        let short: Vec<String> = people[i]
            .name
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let starts = |p: &Person| {
            let words: Vec<String> = p.name.split_whitespace().map(str::to_lowercase).collect();
            words.len() > short.len() && words[..short.len()] == short[..]
        };
        let longer: Vec<usize> = (0..people.len())
            .filter(|&j| j != i && starts(&people[j]))
            .collect();
        let [j] = longer[..] else {
            i += 1;
            continue;
        };
        if short.len() < 2 {
            i += 1;
            continue;
        }
        let p = people.remove(i);
        let q = &mut people[if j > i { j - 1 } else { j }];
        q.aliases.push(p.name);
        q.aliases.extend(p.aliases);
        for r in p.roles {
            if !q.roles.contains(&r) {
                q.roles.push(r);
            }
        }
        q.lines.extend(p.lines);
        q.lines.sort_unstable();
        q.lines.dedup();
        q.aliases.sort();
        q.aliases.dedup();
    }
}

/// "Abdul Aziz al-Muhammadawi, better known as Abu Fadak": the second name
/// joins the person of the nearest earlier name that is one.
fn link_names(
    people: &mut Vec<Person>,
    singles: &[(String, usize)],
    links: Vec<(Vec<String>, String)>,
    not_people: &[String],
) {
    let find = |people: &[Person], n: &str| {
        people.iter().position(|p| {
            p.name == n || p.aliases.iter().any(|x| x == n) || names::same_person(&p.name, n)
        })
    };
    for (earlier, b) in links {
        let Some(i) = earlier.iter().rev().find_map(|a| find(people, a)) else {
            // "Mushtaq Taleb al-Saeedi, also known as Abu Taqwa": the kunya
            // is a person's, so the full name it is linked to is that
            // person's name, though nothing else showed it to be one.
            if let Some(a) = earlier.last()
                && a.split_whitespace().count() >= 2
                && !not_people.contains(a)
                && let Some(j) = find(people, &b)
            {
                let p = &mut people[j];
                let kunya = std::mem::replace(&mut p.name, a.clone());
                p.aliases.push(kunya);
            }
            continue;
        };
        match find(people, &b) {
            Some(j) if j != i => {
                let other = people.remove(j);
                let i = if j < i { i - 1 } else { i };
                let p = &mut people[i];
                p.aliases.push(other.name);
                p.aliases.extend(other.aliases);
                for r in other.roles {
                    if !p.roles.contains(&r) {
                        p.roles.push(r);
                    }
                }
                p.lines.extend(other.lines);
            }
            None if (singles.iter().any(|(s, _)| *s == b) || b.split_whitespace().count() <= 3)
                && !people[i].aliases.contains(&b)
                && people[i].name != b =>
            {
                people[i].aliases.push(b);
            }
            _ => {}
        }
    }
}

fn add_person(people: &mut Vec<Person>, name: &str, role: Option<String>, line: usize) {
    let roles: Vec<String> = role.into_iter().filter(|r| !r.is_empty()).collect();
    if let Some(p) = people
        .iter_mut()
        .find(|p| names::same_person_in_text(&p.name, name))
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

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::entities::numbered as sents;

    fn names_of(texts: &[&str], not_people: &[&str]) -> Vec<String> {
        let not: Vec<String> = not_people.iter().map(|s| s.to_string()).collect();
        people(&sents(texts), &not)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn initials_without_stops_after_a_title_are_a_given_name() {
        let names = names_of(
            &[
                "Air Force Gen. CQ Brown Jr., the chairman of the Joint Chiefs of Staff, spoke on Friday.",
                "Senator JD Vance said the drawdown was overdue.",
                "KRG Prime Minister Masrour Barzani said the plan was sound.",
                "Officials of the PMF Security Directorate said nothing.",
            ],
            &[],
        );
        assert_eq!(names, ["CQ Brown Jr.", "JD Vance", "Masrour Barzani"]);
    }

    #[test]
    fn an_outlets_edition_is_no_person() {
        let names = names_of(
            &[
                "Jabar Omar, a former Peshmerga official, told Harbour Post English that the plan was unclear.",
                "\"We were not asked,\" Omar told Al Jazeera Arabic on Sunday.",
                "Tasnim Rahimi, a lawmaker, told Harbour Post TV the deal was late.",
            ],
            &["Harbour Post"],
        );
        assert_eq!(names, ["Jabar Omar", "Tasnim Rahimi"]);
    }

    /// Each person's name with their roles.
    fn roles_of(people: &[Person]) -> Vec<(&str, &[String])> {
        people
            .iter()
            .map(|p| (p.name.as_str(), p.roles.as_slice()))
            .collect()
    }

    #[test]
    fn a_headline_in_title_case_names_only_whom_the_text_names() {
        let body = "The drone hit a car near the Baladiyat roundabout on Wednesday night, police said. Commander Abu Jawad al-Saedi was killed with his driver.";
        // Capitals alone in a headline are no one's name.
        assert_eq!(
            names_of(
                &[
                    "US Drone Strike Kills Militia Commander In East Karrada Quarter",
                    body
                ],
                &[]
            ),
            ["Abu Jawad al-Saedi"]
        );
        assert_eq!(
            names_of(
                &["Lawmakers Question Minister Over Harir Base Convoy", body],
                &[]
            ),
            ["Abu Jawad al-Saedi"]
        );
        assert_eq!(
            names_of(
                &[
                    "Drone Strike Hits Smuggling Convoy, Says Police Colonel In Tal Afar",
                    body
                ],
                &[]
            ),
            ["Abu Jawad al-Saedi"]
        );
        // A statement's speaker, with the title the headline gives, named
        // nowhere else.
        assert_eq!(
            names_of(
                &[
                    "Statement From Ambassador Karen Holloway On The Attack On The Embassy",
                    "Last night rockets struck near our compound. We condemn this attack.",
                ],
                &[]
            ),
            ["Karen Holloway"]
        );
    }

    #[test]
    fn a_nickname_in_quotes_is_left_out_of_the_name() {
        assert_eq!(
            names_of(
                &[
                    "Gen. Michael \"Erik\" Kurilla visited the base on Tuesday.",
                    "Commander Hamid ‘Abu Ali’ al-Khalil was not there.",
                ],
                &[]
            ),
            ["Michael Kurilla", "Hamid al-Khalil"]
        );
        // A quoted word after a name is what was said, not a nickname.
        assert_eq!(
            names_of(&["Fuad Hussein called the plan \"Phased\" and fair."], &[]),
            ["Fuad Hussein"]
        );
    }

    #[test]
    fn two_particles_before_a_surname_and_a_party_label_between_commas() {
        assert_eq!(
            names_of(
                &["UN official Luis de la Cruz met Dutch envoy Maria van der Berg in Baghdad."],
                &[]
            ),
            ["Luis de la Cruz", "Maria van der Berg"]
        );
        // AP's party and state between commas, the state written out: no
        // one's name, and the apposition after it is the legislator's.
        let p = people(
            &sents(&[
                "Rep. Mike McCaul, R-Texas, chairman of the House Foreign Affairs Committee, said Iran would fill any vacuum.",
            ]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Mike McCaul");
    }

    #[test]
    fn a_plural_title_covers_every_name_of_its_list() {
        assert_eq!(
            names_of(
                &["Sens. Lindsey Graham and Tom Cotton said the plan rewarded Iran."],
                &[]
            ),
            ["Lindsey Graham", "Tom Cotton"]
        );
        // Without the title, two common words after "and" are no name.
        assert_eq!(
            names_of(&["Lindsey Graham and Tom Cotton said so."], &[]),
            ["Lindsey Graham"]
        );
    }

    #[test]
    fn a_paper_an_affiliate_or_a_ship_is_no_person() {
        let names = names_of(
            &[
                "Hurras al-Din, an al-Qaeda affiliate in Syria, was targeted in August.",
                "Al-Quds Al-Arabi, the London-based daily, reported the request.",
                "Rana Haddad, a lawmaker, welcomed it.",
                "The Pentagon ordered the USS Abraham Lincoln to stay, and HMS Diamond left.",
            ],
            &[],
        );
        assert_eq!(names, ["Rana Haddad"]);
    }

    #[test]
    fn titles_with_for_and_a_plural_title_over_two_names() {
        let p = people(
            &sents(&[
                "Under Secretary of State for Political Affairs Mark Hale visited Baghdad in August.",
                "Presidents Warren Holloway and Abdel Fattah al-Sisi spoke by phone.",
            ]),
            &[],
        );
        let roles = roles_of(&p);
        let want = ["Under Secretary of State for Political Affairs".to_string()];
        assert!(roles.contains(&("Mark Hale", &want[..])), "{roles:?}");
        assert!(
            roles.contains(&("Warren Holloway", &["President".to_string()][..])),
            "{roles:?}"
        );
        assert!(
            roles.iter().any(|(n, _)| *n == "Abdel Fattah al-Sisi"),
            "{roles:?}"
        );
    }

    #[test]
    fn a_roles_closing_honorific_is_left_off() {
        let person = |roles: &[&str]| Person {
            name: "Jane Roe".into(),
            aliases: Vec::new(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            lines: vec![1],
        };
        let mut people = vec![
            person(&["Qatar's Emir Sheikh"]),
            person(&["Shiite cleric Grand Ayatollah", "Shiite cleric"]),
            person(&["Sheikh"]),
            person(&["Crown Prince"]),
        ];
        roles_without_honorifics(&mut people);
        let roles: Vec<Vec<String>> = people.into_iter().map(|p| p.roles).collect();
        assert_eq!(
            roles,
            [
                vec!["Qatar's Emir".to_string()],
                vec!["Shiite cleric".to_string()],
                vec![],
                vec!["Crown Prince".to_string()],
            ]
        );
    }

    #[test]
    fn a_pilgrim_s_honorific_is_not_part_of_the_name() {
        let p = people(
            &sents(&["Hajji Abu Zaid al-Karkhi and Haji Karim Sadiq welcomed the plan."]),
            &[],
        );
        let roles = roles_of(&p);
        assert!(
            roles.contains(&("Abu Zaid al-Karkhi", &["Hajji".to_string()][..])),
            "{roles:?}"
        );
        assert!(
            roles.contains(&("Karim Sadiq", &["Haji".to_string()][..])),
            "{roles:?}"
        );
    }

    #[test]
    fn a_connective_or_an_adverb_before_a_surname_is_not_a_given_name() {
        let names = names_of(
            &[
                "The governor, Lina Haddad, spoke to the council on Monday.",
                "Nonetheless Haddad said the port would reopen. Separately Haddad met traders.",
                "Emily Carter, an aide, agreed.",
            ],
            &[],
        );
        assert!(names.contains(&"Lina Haddad".to_string()), "{names:?}");
        // A given name in -ly stays one.
        assert!(names.contains(&"Emily Carter".to_string()), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("Nonetheless") || n.starts_with("Separately")),
            "{names:?}"
        );
    }

    #[test]
    fn a_role_keeps_the_words_that_say_whose_it_is() {
        let p = people(
            &sents(&[
                "Officials met on Sunday, and Harbour Ministry press secretary Brig. Gen. Omar Reed said talks went well.",
                "On Monday, spokesman Lina Haddad told reporters the port would reopen.",
            ]),
            &[],
        );
        let roles = roles_of(&p);
        assert!(
            roles.contains(&(
                "Omar Reed",
                &["Harbour Ministry press secretary Brigadier General".to_string()][..]
            )),
            "{roles:?}"
        );
        // Not across the comma after "Monday".
        assert!(
            roles.contains(&("Lina Haddad", &["spokesman".to_string()][..])),
            "{roles:?}"
        );
    }

    #[test]
    fn a_titled_name_before_the_main_clause_is_a_person() {
        // The comma ends an introductory phrase; what follows is the
        // sentence's subject and verb, not a phrase about the name.
        let p = people(
            &sents(&[
                "Under the deal, agreed with the government of Prime Minister Omar Reed, the coalition will leave the port.",
                "Sen. Dale Harmon, the committee's chairman, called it a mistake.",
            ]),
            &[],
        );
        let roles = roles_of(&p);
        assert!(
            roles.contains(&("Omar Reed", &["Prime Minister".to_string()][..])),
            "{roles:?}"
        );
        // An abbreviated title is written out.
        assert!(
            roles
                .iter()
                .any(|(n, r)| *n == "Dale Harmon" && r.first().is_some_and(|r| r == "Senator")),
            "{roles:?}"
        );
        assert_eq!(title_in_full("Lt."), Some("Lieutenant"));
        assert_eq!(title_in_full("Gen"), None);
        assert_eq!(title_in_full("Spc."), Some("Specialist"));
    }

    #[test]
    fn a_group_named_like_a_person_before_a_role_in_lower_case() {
        let found = names_of(
            &["Badr leader Hadi al-Amiri met Lahur Sheikh Jangi in Erbil."],
            &[],
        );
        assert_eq!(found, ["Hadi al-Amiri", "Lahur Sheikh Jangi"]);
    }

    #[test]
    fn given_names_as_printed() {
        assert!(
            is_given_name("Jean-Marc") && is_given_name("Ja'afar") && is_given_name("Ja’afar,")
        );
        assert!(!is_given_name("Al-Asad") && !is_given_name("Ain"));
    }

    #[test]
    fn a_bare_initial_a_group_before_its_commander_and_an_honorific() {
        let mut got = names_of(
            &[
                "Defence Secretary John R Smithers met his counterpart on Friday.",
                "The raid killed Saraya Hizbullah commander Abu Hadi al-Zubaidi near the border.",
            ],
            &[],
        );
        got.sort();
        assert_eq!(got, ["Abu Hadi al-Zubaidi", "John R Smithers"]);
        // "A", "I" and "O" are words, not initials.
        assert!(is_initial("R") && is_initial("R.") && !is_initial("A") && !is_initial("I"));
        let p = people(
            &sents(&["Mr Reza Karimi told reporters the talks would go on."]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].roles.is_empty(), "{:?}", p[0].roles);
    }

    #[test]
    fn a_place_named_after_a_person_is_no_person() {
        let mut got = names_of(
            &[
                "Protesters gathered in Sami Abdulrahman Park on Friday, said Karwan Omar Salih.",
                "The wounded were taken to Imam Ali Hospital, police said.",
                "Representative Dave Camp said the base would close, embassy spokeswoman Jane Hall added.",
            ],
            &[],
        );
        got.sort();
        assert_eq!(got, ["Dave Camp", "Jane Hall", "Karwan Omar Salih"]);
    }

    #[test]
    fn a_counterpart_or_predecessor_set_off_before_a_name() {
        let mut got = names_of(
            &[
                "The minister spoke with his Iraqi counterpart, Qutaiba al-Ubaidi, on Thursday.",
                "She replaced her predecessor, Osric Brannagh, in March.",
                "The counterpart talks in Baghdad went on for a week.",
            ],
            &[],
        );
        got.sort();
        assert_eq!(got, ["Osric Brannagh", "Qutaiba al-Ubaidi"]);
        // Whom one matches is no office of one's own.
        let p = people(
            &sents(&[
                "The minister spoke with his Iraqi counterpart, Qutaiba al-Ubaidi, on Thursday.",
            ]),
            &[],
        );
        assert!(p[0].roles.is_empty(), "{:?}", p[0].roles);
    }

    #[test]
    fn initials_set_together_are_a_given_name() {
        let mut got = names_of(
            &[
                "Gen. K.L. Green Jr., the commander, said the bases would close.",
                "Party nominee B.J. Tolland spoke at a rally, as U.S. Ambassador Ruth Adair listened.",
                "The U.N. Mission welcomed the plan.",
                "Tolland later met Defense Secretary Paul Carver, Jr., in Washington.",
            ],
            &[],
        );
        got.sort();
        assert_eq!(
            got,
            [
                "B.J. Tolland",
                "K.L. Green Jr.",
                "Paul Carver Jr.",
                "Ruth Adair"
            ]
        );
        assert!(is_compact_initials("J.D.") && is_compact_initials("A.B.C."));
        assert!(
            !is_compact_initials("U.S.")
                && !is_compact_initials("J.")
                && !is_compact_initials("JD")
        );
    }

    #[test]
    fn a_peer_is_named_by_the_title_not_the_seat() {
        let mut got = names_of(
            &[
                "Lord Hartley of Exmoor, the trade envoy, met Minister Ali Karim on Monday.",
                "Karim told Baroness Wells that the plan would go ahead.",
            ],
            &[],
        );
        got.sort();
        assert_eq!(got, ["Ali Karim", "Baroness Wells", "Lord Hartley"]);
    }

    #[test]
    fn a_surname_alone_is_the_one_person_it_ends() {
        let p = people(
            &sents(&[
                "Foreign Minister Omar Tahir met envoy Greta Lindqvist in Baghdad on Monday.",
                "Meanwhile, Lindqvist visited Erbil to meet Kurdish officials about the bases.",
                "Pilot Ruth Cale and her brother, Sgt. Adam Cale, were named.",
                "Cale joined the Army in 2019, the family said.",
                "The Hikma movement backed Tahir on the timetable.",
            ]),
            &[],
        );
        let lines_of = |name: &str| {
            p.iter()
                .find(|p| p.name == name)
                .map(|p| p.lines.clone())
                .unwrap_or_else(|| panic!("{name}: {p:?}"))
        };
        assert_eq!(lines_of("Greta Lindqvist"), [1, 2]);
        assert_eq!(lines_of("Omar Tahir"), [1, 5]);
        // Two of the name: "Cale" alone is neither's.
        assert_eq!(lines_of("Ruth Cale"), [3]);
        assert_eq!(lines_of("Adam Cale"), [3]);
    }

    #[test]
    fn brackets_appositions_and_occupations() {
        let got = names_of(
            &[
                "Sen. Dale Harmon (R-Ky.), a member of the committee, called them a reward.",
                // A role in apposition after the brackets: not the label's.
                "Rep. Karen Marsh (D-N.Y.), chairman of the subcommittee, objected.",
                "\"It matters,\" said Dilshad Rekani, a member of the Kurdistan Democratic Party (KDP) bloc.",
                "\"It stands,\" said Brigadier General Aziz Shwan, a senior officer at the Ministry of Peshmerga.",
                "Missiles hit Erbil in January, killing businessman Peshraw Dizayee and his family.",
                "The strike hit Kataib Hezbollah, one of the factions in the alliance, on Sunday.",
            ],
            &[],
        );
        assert_eq!(
            got,
            [
                "Dale Harmon",
                "Karen Marsh",
                "Dilshad Rekani",
                "Aziz Shwan",
                "Peshraw Dizayee"
            ]
        );
    }

    #[test]
    fn a_title_before_a_given_name_and_common_words() {
        let got = names_of(
            &["The senators, led by Senator Jack Reed and Senator Roger Wicker, wrote to him."],
            &[],
        );
        assert_eq!(got, ["Jack Reed", "Roger Wicker"]);
        // Common words after a title without a given name stay out.
        assert!(
            names_of(
                &["The letter went to Senator Foreign Relations today."],
                &[]
            )
            .is_empty()
        );
    }

    #[test]
    fn a_name_of_ordinary_words_is_one_where_a_role_vouches_for_it() {
        // "Ana" and "Berg" are both words of the lexicon: a title or a role
        // in apposition vouches for the name, and its other mentions follow.
        let text = [
            "UN envoy Ana Berg urged calm on Saturday.",
            "\"We are ready,\" said Ana Berg after the meeting.",
        ];
        assert_eq!(names_of(&text, &[]), ["Ana Berg"]);
        let people = people(
            &sents(&[
                "The UN envoy for Iraq, Ana Berg, urged calm. Our correspondent in Basra, Lena Varga, said the port was quiet.",
            ]),
            &[],
        );
        assert_eq!(
            roles_of(&people),
            [
                ("Ana Berg", &["UN envoy for Iraq".to_string()][..]),
                ("Lena Varga", &["correspondent in Basra".to_string()][..])
            ]
        );
        // Nothing vouching: ordinary words stay out, as before.
        assert!(names_of(&["\"We are ready,\" said Ana Berg."], &[]).is_empty());
    }

    #[test]
    fn an_owner_in_an_apposition_is_not_its_noun() {
        // "the ... Region's coordinator" is a person; "a town in the
        // region" and "the group's militia" are not.
        let got = names_of(
            &[
                "\"It is safe,\" said Dindar Mirani, the Kurdistan Region's coordinator for aid.",
                "Drones hit Kani Sheikh, a town in the region, on Monday.",
            ],
            &[],
        );
        assert_eq!(got, ["Dindar Mirani"]);
    }

    #[test]
    fn a_places_noun_before_a_role_is_the_roles() {
        // "the base commander", "the port director": a post, "a village
        // elder" a person; "a border town" is a place, and so is a name
        // before a building's noun ("the Imam Hussein shrine").
        let got = names_of(
            &[
                "\"We are ready,\" said Hadi Karam, the base commander, on Monday.",
                "The boats reached Umm Qasr, said Salwa Nouri, the port director.",
                "\"Nobody came,\" said Jabbar Hamad, a village elder, on Tuesday.",
                "Pilgrims gathered at the Imam Hussein shrine and the Sheikh Ahmed Kamal hospital.",
                "Traffic on the King Fahd Causeway was normal, Goldman Sachs analysts said.",
                "Drones hit Sheikh Saad, a border town, on Monday.",
            ],
            &[],
        );
        assert_eq!(got, ["Hadi Karam", "Salwa Nouri", "Jabbar Hamad"]);
    }

    #[test]
    fn an_unknown_full_name_linked_to_a_kunya_and_an_organisation_after_of() {
        let p = people(
            &sents(&[
                "The strike targeted Hadi Salman al-Kubaisi, also known as Abu Nour, on Monday.",
                "The Ministry of Marshland Affairs said the water fell again.",
            ]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Hadi Salman al-Kubaisi");
        assert_eq!(p[0].aliases, ["Abu Nour"]);
    }

    #[test]
    fn given_names_that_start_one_full_name_are_that_person() {
        let names = |texts: &[&str]| -> Vec<(String, Vec<String>)> {
            people(&sents(texts), &[])
                .into_iter()
                .map(|p| (p.name, p.aliases))
                .collect()
        };
        let got = names(&[
            "Rosa Maria Lindgren, the host, spoke to the minister, Karim Jaber Hassan, on Monday.",
            "Minister Karim Jaber said the talks would go on, and Rosa Maria asked why.",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter()
                .any(|(n, a)| n == "Rosa Maria Lindgren" && a == &["Rosa Maria"])
        );
        assert!(
            got.iter()
                .any(|(n, a)| n == "Karim Jaber Hassan" && a == &["Karim Jaber"])
        );
        // Two longer names it could start: neither is assumed.
        let got = names(&[
            "Ali Hadi Salman and Ali Hadi Mutlaq met in Najaf.",
            "Ali Hadi said nothing.",
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_titled_given_name_and_a_surname_two_people_share() {
        let p = people(
            &sents(&[
                "Omani Foreign Minister Sayyid Badr bin Hamad Al Busaidi arrived on Monday.",
                "Sayyid Badr said Muscat backed the talks.",
                "Party leader Aram Sherko Rasul spoke first. Rasul said the plan was late.",
                "Minister Kawa Sherko Rasul, his brother, spoke later. Rasul said the ministry was ready.",
            ]),
            &[],
        );
        let got: Vec<(&str, &[String], &[usize])> = p
            .iter()
            .map(|p| (p.name.as_str(), p.aliases.as_slice(), p.lines.as_slice()))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "Badr bin Hamad Al Busaidi");
        assert_eq!(got[0].1, ["Badr"]);
        // Each "Rasul" goes to the Rasul named just before it.
        assert_eq!(
            got[1],
            ("Aram Sherko Rasul", &["Rasul".to_string()][..], &[3][..])
        );
        assert_eq!(
            got[2],
            ("Kawa Sherko Rasul", &["Rasul".to_string()][..], &[4][..])
        );
    }

    #[test]
    fn an_outlets_credit_before_a_slash_is_not_the_role() {
        let p = people(
            &sents(&["Harbour Wire/ Iraqi Defence Minister Anne Morel said the talks went on."]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Anne Morel");
        assert_eq!(p[0].roles, ["Iraqi Defence Minister"]);
    }

    #[test]
    fn a_portfolio_without_a_name_and_an_operation_are_nobody() {
        let got = names_of(
            &[
                "The envoy met the Minister of Peshmerga Affairs on Friday in Erbil.",
                "France, part of Operation Sandstone, said Defence Minister Anne Morel would visit.",
                "The Minister of Defence Thabit al-Abbasi met advisers on Saturday.",
            ],
            &[],
        );
        assert_eq!(got, ["Anne Morel", "Thabit al-Abbasi"]);
    }

    #[test]
    fn ministers_of_portfolios_of_two_words_or_a_proper_word() {
        let got = names_of(
            &[
                "Minister of Martyrs and Anfal Affairs Abdullah Haji Mahmoud met the envoy.",
                "Deputy Minister of Peshmerga Karwan Jamal Tahir said talks would go on.",
                "Minister of Migration and Displacement Evan Faiq Jabro visited the camps.",
                "Secretary of State Marco Rubio and Prime Minister Mohammed Shia al-Sudani spoke.",
                "British Ambassador to Iraq Stephen Hitchen visited Erbil.",
            ],
            &[],
        );
        assert_eq!(
            got,
            [
                "Abdullah Haji Mahmoud",
                "Karwan Jamal Tahir",
                "Evan Faiq Jabro",
                "Marco Rubio",
                "Mohammed Shia al-Sudani",
                "Stephen Hitchen"
            ]
        );
    }

    #[test]
    fn people_with_roles_and_short_forms() {
        let p = people(
            &sents(&[
                "In return, Iraq’s Prime Minister Mohammed Shia al-Sudani aimed to bolster his position.",
                "Al-Sudani said earlier that US forces have become a magnet for instability.",
                "US Defense Secretary Lloyd Austin had proposed a three-year timeframe.",
                "Farhad Alaaldin, the Iraqi prime minister’s foreign affairs adviser, said talks had ended.",
                "Iraq's Defense Minister, Thabit al-Abbasi, held discussions in Washington.",
                "in response to the killing of Hamas' political leader, Ismail Haniyeh, in Tehran",
            ]),
            &[],
        );
        let got: Vec<(&str, &[String], &[String])> = p
            .iter()
            .map(|p| (p.name.as_str(), p.roles.as_slice(), p.aliases.as_slice()))
            .collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0].0, "Mohammed Shia al-Sudani");
        assert_eq!(got[0].1, ["Iraq’s Prime Minister"]);
        assert_eq!(got[0].2, ["Al-Sudani"]);
        assert_eq!(got[1].0, "Lloyd Austin");
        assert_eq!(got[1].1, ["US Defense Secretary"]);
        assert_eq!(got[2].0, "Farhad Alaaldin");
        assert_eq!(got[2].1, ["Iraqi prime minister’s foreign affairs adviser"]);
        assert_eq!(got[3].0, "Thabit al-Abbasi");
        assert_eq!(got[3].1, ["Iraq's Defense Minister"]);
        assert_eq!(got[4].0, "Ismail Haniyeh");
        assert_eq!(got[4].1, ["Hamas' political leader"]);
    }

    #[test]
    fn places_times_and_organisations_are_not_people() {
        let got = names_of(
            &[
                "The Iraqi Ministry of Foreign Affairs has announced plans.",
                "Regional Tensions Impacting Withdrawal",
                "The United States has about 2,500 troops in Iraq.",
                "Baghdad and Washington have reached an agreement.",
                "On Thursday Baghdad said nothing.",
                "Since December the reservoir has shrunk.",
                "In Baghdad, the government said it would respond.",
                "Saraya Awliya al-Dam said it had fired the rockets.",
                "Saraya Awliya al-Dam, an Iran-backed militia, has claimed several attacks.",
                "Jurf al-Nasr, a town south of Baghdad, was hit.",
                "Kataib Hezbollah announced it was halting attacks.",
                // Research institutes after a person's post: the people
                // themselves are named elsewhere in such a sentence.
                "Much depends on the militias, said a fellow at Chatham House.",
                "A report by the Stimson Center and the Brookings Institution agreed.",
            ],
            &["Kataib Hezbollah"],
        );
        assert!(got.is_empty(), "{got:?}");
        let got = names_of(
            &[
                "Sara Kline, who runs the Gulf programme at Chatham House, said the deal was fragile.",
            ],
            &[],
        );
        assert_eq!(got, ["Sara Kline"]);
    }

    #[test]
    fn person_contexts() {
        let got = names_of(
            &[
                "Iran's Foreign Ministry spokesman Nasser Kanaani rejected the claims.",
                "UN Secretary-General Antonio Guterres urged donors to give.",
                "Sgt. William Jerome Rivers, 46, of Carrollton; Spc. Kennedy Ladon Sanders, 24, of Waycross.",
                "\"It is a test,\" said Dr. Lubna Ghazi, who teaches at the university.",
                "Karwan Jalal, a senior official at the ministry, told reporters so.",
                "Government spokesman Basim al-Awadi condemned the strike.",
                "The PMF said a commander known as Abu Hassan was killed.",
                "Abu Mahdi al-Muhandis, who was killed with Qassem Soleimani, led the force.",
                "General Commander of the Armed Forces Mohammed Shia Al-Sudani gave orders.",
                "\"The windows shook,\" said Abu Mustafa al-Dulaimi, a shopkeeper.",
                "Japan goalkeeper Zion Suzuki could only push the cross away.",
                "\"We wait,\" said Lahur Sheikh Jangi, a Kurdish politician.",
            ],
            &[],
        );
        for want in [
            "Nasser Kanaani",
            "Antonio Guterres",
            "William Jerome Rivers",
            "Kennedy Ladon Sanders",
            "Lubna Ghazi",
            "Karwan Jalal",
            "Basim al-Awadi",
            "Abu Hassan",
            "Abu Mahdi al-Muhandis",
            "Qassem Soleimani",
            "Mohammed Shia Al-Sudani",
            "Abu Mustafa al-Dulaimi",
            "Zion Suzuki",
            "Lahur Sheikh Jangi",
        ] {
            assert!(
                got.contains(&want.to_string()),
                "{want} missing from {got:?}"
            );
        }
    }

    #[test]
    fn a_kunya_joins_the_full_name_the_text_ties_it_to() {
        let p = people(
            &sents(&[
                "The chief of staff, Abdul Aziz al-Muhammadawi, better known by his nom de guerre Abu Fadak, spoke.",
                "Abu Fadak told reporters the factions were waiting.",
            ]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Abdul Aziz al-Muhammadawi");
        assert!(p[0].aliases.contains(&"Abu Fadak".to_string()), "{p:?}");
        assert_eq!(p[0].lines, vec![1, 2]);
    }

    #[test]
    fn al_and_one_word_is_a_short_form_not_a_full_name() {
        let p = people(
            &sents(&[
                "Ambassador Nadia Al Qassimi spoke to the council.",
                "Al Qassimi told Al Mirqab the talks were serious.",
            ]),
            &[],
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Nadia Al Qassimi");
        assert_eq!(p[0].lines, vec![1, 2]);
    }

    #[test]
    fn also_called_names_one_person_only_as_an_apposition() {
        let p = people(
            &sents(&[
                "The commander, Hamid Kadhim al-Jazairi, also called Abu Zainab, was killed.",
                "Defense Secretary Lloyd Austin also called Foreign Minister Fuad Hussein on Friday.",
            ]),
            &[],
        );
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"Lloyd Austin"), "{p:?}");
        assert!(names.contains(&"Fuad Hussein"), "{p:?}");
        let jazairi = p
            .iter()
            .find(|p| p.name == "Hamid Kadhim al-Jazairi")
            .unwrap();
        assert!(jazairi.aliases.contains(&"Abu Zainab".to_string()), "{p:?}");
    }
}
