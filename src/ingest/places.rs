//! Places a sentence puts something at: where an event happened, as each
//! report says.
//!
//! A place is found by how news English places things, not by a list alone:
//! after a locative preposition ("in Nasiriyah", "near the Syrian border" is
//! not a name, "at Tower 22", "outside Camp Falcon", "across the border in
//! Syria", what an attack "hit" or "struck"), as a named site ("known as Tower 22"), or as one of the region's
//! places the data knows (`data/places.txt`). A name the article gives a
//! person or an organisation is not a place, nor is a month or a weekday.

use std::sync::OnceLock;

use regex::Regex;

use crate::brief::{Organisation, Person, PlaceMention};

/// Capitalised words that begin no place name (months and weekdays too).
const NOT_PLACES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "A",
    "An",
    "President",
    "Prime",
    "Minister",
    "General",
    "Gen",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Telegram",
    "Twitter",
    "Facebook",
    "English",
    "Arabic",
    "Q",
    "A.",
];

fn locative() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:in|near|outside|at|inside|across|around|into|(?P<named>known as|called)|hit|struck|targeted|attacked|(?P<kind>the\s+(?:town|city|village|district|province|port|governorate|suburb|neighbou?rhood)\s+of))\s+(?P<p>(?:(?:al|el|Al|El)-)?[A-Z][\p{L}'’-]*(?:\s+(?:(?:al|el|Al|El)-)?[A-Z][\p{L}'’-]*){0,2}(?:\s+\d{1,3}\b)?)",
        )
        .unwrap()
    })
}

/// "in the Green Zone", "near the Kurdistan Region", "across the Nineveh
/// Plains": a place after "the", when its last word says it is one (after
/// "the", a capitalised run is as often an organisation or a council).
fn locative_with_article() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:in|near|outside|at|inside|across|around|into|to)\s+the\s+(?P<p>[A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*){0,2}\s+(?:Zone|Region|Plains|Valley|Desert|Square|Governorate|Province|Mountains|Marshes))\b",
        )
        .unwrap()
    })
}

/// The places one sentence names.
pub fn places(
    sentence: &str,
    line: usize,
    people: &[Person],
    organisations: &[Organisation],
) -> Vec<PlaceMention> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for caps in locative().captures_iter(sentence) {
        let m = caps.name("p").unwrap();
        let name = m
            .as_str()
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’', '-']);
        // "the town of Baghdadi": a place by what the text calls it, even
        // in a people's adjective's shape.
        let called_a_place = caps.name("kind").is_some();
        // "known as", "called" name plans, laws and phases as often as
        // sites: a site only after a word for one ("the base, known as
        // Tower 22", "an outpost called ..."), not "a plan called Vision".
        if let Some(named) = caps.name("named")
            && !site_word_before(&sentence[..named.start()])
        {
            continue;
        }
        if is_place_name(name, called_a_place, people, organisations) {
            found.push((m.start(), name.to_string()));
        }
    }
    for caps in locative_with_article().captures_iter(sentence) {
        let m = caps.name("p").unwrap();
        // "the Iraqi Kurdistan Region": the place without the people's
        // adjective before it.
        let (at, name) = match m.as_str().split_once(' ') {
            Some((first, rest))
                if super::lexicon::NATIONALITY_WORDS.contains(&first.to_lowercase().as_str()) =>
            {
                (m.start() + first.len() + 1, rest)
            }
            _ => (m.start(), m.as_str()),
        };
        if is_place_name(name, true, people, organisations) {
            found.push((at, name.to_string()));
        }
    }
    for (at, place) in known_place_matches(sentence) {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let end = at + place.len();
        let rest = &sentence[end..];
        // "Iran-backed", "Iran's" and "Tigris Gate" are not the place itself.
        let compound = rest.starts_with(['-', '\'', '’'])
            || rest
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase);
        if !word(sentence[..at].chars().next_back())
            && !word(rest.chars().next())
            && !compound
            && !speaks(rest)
        {
            found.push((at, place.clone()));
        }
    }
    found.sort();
    let mut out: Vec<PlaceMention> = Vec::new();
    for (at, name) in found {
        // "Camp Falcon" found as a whole and "Falcon" within it: keep the whole.
        if out.iter().any(|p| p.name.contains(name.as_str())) {
            continue;
        }
        out.retain(|p| !name.contains(p.name.as_str()));
        out.push(PlaceMention {
            name,
            line,
            context: crate::sentences::clip_around(sentence.trim(), at, super::MAX_EXCERPT),
        });
    }
    out
}

/// Every occurrence of a known place in `sentence` (overlapping ones too:
/// "Camp Falcon" and "Falcon"), as (byte offset, name): one pass of an
/// automaton over all the names, not a search per name.
fn known_place_matches(sentence: &str) -> Vec<(usize, &'static String)> {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let places = super::people::known_places();
    let ac =
        AC.get_or_init(|| aho_corasick::AhoCorasick::new(places).expect("the place list compiles"));
    ac.find_overlapping_iter(sentence)
        .map(|m| (m.start(), &places[m.pattern().as_usize()]))
        .collect()
}

/// What follows a capital the sentence makes speak or decide: "Washington
/// said", "Baghdad and Washington agreed", "Tehran has denied". That is the
/// government (metonymy), not where anything happened; "officials in
/// Washington said" is still found by its preposition.
fn speaks(rest: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:,\s+(?:which|who|whose)\b[^,]{0,80},)?\s+(?:and\s+[A-Z][\p{L}'’-]+\s+)?(?:(?:has|have|had|will|would|could|did|does|do|also|then|now|later|quickly|publicly|repeatedly|not)\s+){0,2}(?:said|says|say|told|tells|want|wants|wanted|agree|agreed|agrees|insist|insists|insisted|reject|rejects|rejected|demand|demands|demanded|accuse|accuses|accused|warn|warns|warned|announce|announces|announced|deny|denies|denied|ask|asks|asked|urge|urges|urged|believe|believes|believed|fear|fears|feared|hope|hopes|hoped|refuse|refuses|refused|respond|responds|responded|welcome|welcomes|welcomed|condemn|condemns|condemned|blame|blames|blamed|sees|saw|considers|considered|views|viewed|signed|sign|signs)\b",
        )
        .unwrap()
    })
    .is_match(rest)
}

/// Do the last words of `before` (up to four) name a kind of site: "the
/// base,", "a desert outpost", "an area locals have"?
fn site_word_before(before: &str) -> bool {
    const SITES: &[&str] = &[
        "base",
        "camp",
        "outpost",
        "town",
        "city",
        "village",
        "area",
        "district",
        "region",
        "province",
        "site",
        "airport",
        "airbase",
        "crossing",
        "neighbourhood",
        "neighborhood",
        "island",
        "valley",
        "desert",
        "mountain",
        "facility",
        "compound",
        "zone",
        "square",
        "street",
        "bridge",
        "port",
        "station",
        "field",
        "palace",
        "building",
        "hill",
        "garrison",
        "airfield",
        "border",
        "complex",
        "quarter",
        "suburb",
        "tower",
    ];
    before
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| SITES.contains(&w.trim_end_matches([',', ';']).to_lowercase().as_str()))
}

/// Could `name` be a place? `called_a_place` when the text says it is one
/// ("the town of ..."): then a people's adjective's shape does not count.
fn is_place_name(
    name: &str,
    called_a_place: bool,
    people: &[Person],
    organisations: &[Organisation],
) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let calendar =
        |w: &str| super::dates::MONTHS.contains(&w) || super::dates::WEEKDAYS.contains(&w);
    if name.len() < 3
        || NOT_PLACES.contains(&first)
        || NOT_PLACES.contains(&name)
        || calendar(first)
    {
        return false;
    }
    // A people's adjective ("Iranian soil", "Syrian border", "in Iraqi
    // hands") is not a place.
    let one_word = !name.contains(' ');
    if one_word
        && !called_a_place
        && (["ian", "ean", "ese", "ish"]
            .iter()
            .any(|end| name.ends_with(end))
            // ("attacked American bases", "in Iraqi hands")
            || super::lexicon::NATIONALITY_WORDS.contains(&name.to_lowercase().as_str()))
    {
        return super::people::is_place(name);
    }
    // All capitals and short: an acronym (an organisation), not a place.
    if name.len() <= 5 && name.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let named = |n: &String| n == name || n.contains(name) || name.contains(n.as_str());
    let person = people
        .iter()
        .any(|p| named(&p.name) || p.aliases.iter().any(named));
    let organisation = organisations
        .iter()
        .any(|o| named(&o.name) || o.aliases.iter().any(named));
    !(person || organisation) || super::people::is_place(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        places(s, 1, &[], &[]).into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn places_by_how_sentences_place_things() {
        assert_eq!(
            names("The rockets were fired from a truck near the town of Baghdadi."),
            ["Baghdadi"]
        );
        assert!(names("He met Iraqi officials.").is_empty());
        assert_eq!(names("Rockets landed near the Green Zone."), ["Green Zone"]);
        assert!(names("He spoke in the Coordination Framework meeting.").is_empty());
        assert_eq!(
            names("Troops stay in the Iraqi Kurdistan Region."),
            ["Kurdistan Region"]
        );
        // Plans, laws and phases are called things too.
        assert!(
            names("A plan called Vision 2026 and a phase known as Phase II follow.").is_empty()
        );
        assert_eq!(
            names("They struck an outpost known as Camp Redwood."),
            ["Camp Redwood"]
        );
        assert_eq!(
            names(
                "Rockets hit Camp Falcon, a base outside Nasiriyah in Dhi Qar province, on Monday."
            ),
            ["Camp Falcon", "Nasiriyah", "Dhi Qar"]
        );
        assert_eq!(
            names("The drone hit the base, known as Tower 22, in Jordan."),
            ["Tower 22", "Jordan"]
        );
        assert_eq!(
            names("He said the attack hit al-Tanf, across the border in Syria."),
            ["al-Tanf", "Syria"]
        );
        // Compounds and possessives of a known place are not it.
        assert!(
            names("Iran-backed groups and Jordan's government met at Tigris Gate.")
                .contains(&"Tigris Gate".to_string())
        );
        assert_eq!(
            names("Iran-backed groups and Jordan's government spoke."),
            Vec::<String>::new()
        );
        // A capital that speaks or decides is its government, not a place.
        assert!(names("Baghdad and Washington agreed on a timetable.").is_empty());
        assert!(
            names("Washington, which keeps a small garrison there, blamed the militia.").is_empty()
        );
        assert!(
            names("Washington has repeatedly denied any role, and Tehran said nothing.").is_empty()
        );
        assert_eq!(
            names("Officials in Washington said the talks in Baghdad went well."),
            ["Washington", "Baghdad"]
        );
        assert_eq!(
            names("The envoy flew from Amman to Baghdad."),
            ["Amman", "Baghdad"]
        );
        // Months, weekdays, titles and known organisations are not places.
        assert!(names("Talks in March and at President Reyes's office.").is_empty());
        assert!(names("No strike hit Iranian soil.").is_empty());
        assert!(names("Militias attacked American bases again.").is_empty());
        let org = Organisation {
            name: "Central Command".into(),
            aliases: Vec::new(),
            lines: vec![1],
        };
        let p = places(
            "The statement was issued at Central Command in Tampa.",
            1,
            &[],
            &[org],
        );
        assert_eq!(
            p.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Tampa"]
        );
    }
}
