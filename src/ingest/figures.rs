//! Figures: the numbers an article states, with what they count.
//!
//! A number counts as a figure only when a countable noun follows it within
//! a few words ("2,500 American soldiers", "three main bases", "over six
//! months"), or when it repeats the previous figure's noun by ellipsis
//! ("2,500 troops in Iraq and 900 in neighboring Syria", "hundreds of them").
//! Years and days of dates are not figures: no countable noun follows them.

use std::sync::OnceLock;

use regex::Regex;

use crate::brief::Figure;

/// Countable nouns and the name a figure is grouped under.
const UNITS: &[(&str, &str)] = &[
    ("troops", "troops"),
    ("troop", "troops"),
    ("soldiers", "troops"),
    ("soldier", "troops"),
    ("forces", "troops"),
    ("personnel", "troops"),
    ("service members", "troops"),
    ("servicemembers", "troops"),
    ("marines", "troops"),
    ("military personnel", "troops"),
    ("advisers", "advisers"),
    ("advisors", "advisers"),
    ("trainers", "trainers"),
    ("fighters", "fighters"),
    ("militants", "fighters"),
    ("people", "people"),
    ("civilians", "civilians"),
    ("men", "people"),
    ("women", "people"),
    ("children", "children"),
    ("others", "others"),
    ("contractors", "contractors"),
    ("workers", "workers"),
    ("policemen", "police"),
    ("casualties", "casualties"),
    ("deaths", "killed"),
    ("dead", "killed"),
    ("killed", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("rockets", "rockets"),
    ("missiles", "missiles"),
    ("drones", "drones"),
    ("attacks", "attacks"),
    ("strikes", "strikes"),
    ("airstrikes", "strikes"),
    ("bases", "bases"),
    ("base", "bases"),
    ("years", "years"),
    ("year", "years"),
    ("months", "months"),
    ("month", "months"),
    ("weeks", "weeks"),
    ("days", "days"),
    ("hours", "hours"),
    ("phases", "phases"),
    ("phase", "phases"),
    ("stages", "phases"),
    ("countries", "countries"),
    ("nations", "countries"),
    ("members", "members"),
    ("officials", "officials"),
    // People by nationality: "seven Americans were injured".
    ("americans", "people"),
    ("iraqis", "people"),
    ("iranians", "people"),
    ("israelis", "people"),
    ("syrians", "people"),
    ("britons", "people"),
    ("dollars", "dollars"),
    ("percent", "percent"),
    ("per cent", "percent"),
    ("%", "percent"),
    ("kilometres", "kilometres"),
    ("kilometers", "kilometres"),
    ("km", "kilometres"),
    ("miles", "miles"),
    ("vehicles", "vehicles"),
    ("detainees", "detainees"),
    ("prisoners", "prisoners"),
    ("families", "families"),
    ("refugees", "refugees"),
    ("barrels", "barrels"),
    ("seats", "seats"),
    ("votes", "votes"),
    ("sites", "sites"),
    ("facilities", "sites"),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
    ("a dozen", 12.0),
];

/// Vague amounts: no value, the word is the qualifier.
pub(super) const VAGUE: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "tens of thousands",
    "millions",
    "scores",
];

fn figure_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).chain(VAGUE.iter().copied()).collect();
        Regex::new(&format!(
            r"(?i)(?:\b(?P<q>about|around|approximately|roughly|some|nearly|almost|more than|over|at least|up to|fewer than|less than|under|an estimated|a total of|only|just)\s+)?(?:(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million|billion|thousand))?|\b(?P<vague>several|a few|a couple of|many)\s+(?:hundred|thousand)\b|\b(?P<wn>one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<wscale>hundred|thousand)\b|\b(?P<w>{})\b)(?P<pct>\s*%)?",
            words.join("|")
        ))
        .unwrap()
    })
}

/// The value of a number written as a word ("three", "a dozen").
pub(super) fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// The figures of one sentence on source line `line`.
pub fn figures(sentence: &str, line: usize) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for c in figure_regex().captures_iter(sentence) {
        let whole = c.get(0).unwrap();
        let after = &sentence[whole.end()..];
        // Not part of a longer number, a date or an ordinal ("2014", "3rd", "9/11").
        let prev = sentence[..whole.start()].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '$' || p == '-')
            || after.starts_with(|ch: char| ch.is_alphanumeric() || ch == '/')
        {
            continue;
        }
        // "several hundred" is as vague as "hundreds"; "two thousand" is a number.
        let vague = c
            .name("w")
            .map(|w| w.as_str().to_lowercase())
            .filter(|w| VAGUE.contains(&w.as_str()))
            .or_else(|| c.name("vague").map(|_| whole.as_str().to_lowercase()));
        let value = match (c.name("n"), c.name("w")) {
            (Some(n), _) => n.as_str().replace(',', "").parse::<f64>().ok().map(|v| {
                v * match c
                    .name("scale")
                    .map(|s| s.as_str().to_lowercase())
                    .as_deref()
                {
                    Some("thousand") => 1e3,
                    Some("million") => 1e6,
                    Some("billion") => 1e9,
                    _ => 1.0,
                }
            }),
            (None, Some(w)) => number_word(w.as_str()),
            // "two thousand", "a hundred" ("several hundred" has no value).
            (None, None) => c.name("wscale").map(|scale| {
                let times = c.name("wn").and_then(|n| number_word(n.as_str()));
                let scale = if scale.as_str().eq_ignore_ascii_case("hundred") {
                    100.0
                } else {
                    1000.0
                };
                times.unwrap_or(1.0) * scale
            }),
        };
        // "No one was hurt": a number after "no" counts nothing.
        if before_word(&sentence[..whole.start()]).eq_ignore_ascii_case("no") {
            continue;
        }
        // "Tower 22", "Resolution 2254": a number right after a name is part of it.
        if c.name("q").is_none() && follows_name(&sentence[..whole.start()]) {
            continue;
        }
        // "the two countries": a number word after "the" refers, it does not count.
        // The word before it only: lower-casing all that comes before
        // made a sentence of 60,000 number words quadratic.
        let after_the = sentence[..whole.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if after_the && (c.name("w").is_some() || c.name("wn").is_some()) {
            continue;
        }
        // A four-digit number alone is a year unless a noun follows at once,
        // and never when it ends a date ("September 11, 2001 attacks").
        let is_year_like = c
            .name("n")
            .is_some_and(|n| n.as_str().len() == 4 && !n.as_str().contains([',', '.']));
        if is_year_like && ends_date(&sentence[..whole.start()]) {
            continue;
        }
        let (unit, unit_end) = if c.name("pct").is_some() {
            (Some("percent"), whole.end())
        } else {
            match unit_after(after, if is_year_like { 0 } else { 3 }, value != Some(1.0)) {
                Some((u, len)) => (Some(u), whole.end() + len),
                None => (None, whole.end()),
            }
        };
        let unit = match unit {
            Some(u) => u.to_string(),
            None => {
                let before = &sentence[..whole.start()];
                match unit_of_a_bare_count(before, after, vague.is_some(), is_year_like, out.last())
                {
                    Some(u) => u,
                    None => continue,
                }
            }
        };
        let rest = &sentence[unit_end..];
        let place = place_after(rest);
        let mut end = unit_end;
        if let Some((_, len)) = &place {
            end += len;
        }
        // "..., two Iraqi officials said": how many people the report
        // heard, not a fact of the story (two reports of one event citing
        // two and three officials do not disagree).
        if unit == "officials" && cites_its_sources(&sentence[end..]) {
            continue;
        }
        // People counted by what happened to them: "three soldiers were
        // killed", "killed three people", "25 others wounded". Whom a
        // number of dead or wounded were is the text's detail; what a story
        // compares is how many were killed or wounded.
        let unit = match PEOPLE.contains(&unit.as_str()) {
            true => outcome_after(&sentence[end..])
                .or_else(|| outcome_before(&sentence[..whole.start()]))
                .map_or(unit, str::to_string),
            false => unit,
        };
        if unit == "others" {
            // "two others" says nothing unless what happened to them does.
            continue;
        }
        let qualifier = c.name("q").map(|q| q.as_str().to_lowercase()).or(vague);
        out.push(Figure {
            text: sentence[whole.start()..end].trim().to_string(),
            value,
            counts: unit,
            place: place.map(|(p, _)| p),
            qualifier,
            line,
            context: crate::sentences::clip_around(
                sentence.trim(),
                whole.start(),
                super::MAX_EXCERPT,
            ),
        });
    }
    out.extend(none_harmed(sentence, line));
    out
}

/// Do the words after a count of officials make them the report's
/// sources ("said", "told Reuters", "familiar with the talks", "who spoke
/// on condition of anonymity")?
fn cites_its_sources(after: &str) -> bool {
    let mut words = after
        .trim_start_matches([',', ' '])
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    match words.next().as_deref() {
        Some(
            "said" | "say" | "says" | "told" | "confirmed" | "added" | "familiar" | "speaking",
        ) => true,
        // ("two officials who were briefed", not "who were killed": what
        // happened to them is counted.)
        Some("who") => match words.next().as_deref() {
            Some("spoke" | "asked" | "requested" | "declined") => true,
            Some("were" | "are") => words.next().is_none_or(|w| outcome_word(&w).is_none()),
            _ => false,
        },
        _ => false,
    }
}

/// "The attack caused no casualties", "no one was hurt": a count of
/// nobody, which another report's "two service members suffered
/// concussions" disputes. Casualties are the killed and the wounded, so "no
/// casualties" says none of either. "No immediate reports of casualties"
/// says nothing of how many, and "no American casualties" nothing of the
/// six fighters killed beside them (a count of whom is kept only where
/// nobody at all was harmed).
fn none_harmed(sentence: &str, line: usize) -> Vec<Figure> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:no (?:immediate )?(?P<what>casualties|injuries|deaths|fatalities)|(?:no one|nobody|no one else) (?:was|were|had been|has been) (?P<how>hurt|injured|wounded|harmed|killed))\b",
        )
        .unwrap()
    });
    let mut out = Vec::new();
    for c in re.captures_iter(sentence) {
        let whole = c.get(0).unwrap();
        let what = c
            .name("what")
            .or(c.name("how"))
            .map(|m| m.as_str().to_lowercase());
        let outcomes: &[&str] = match what.as_deref() {
            Some("casualties" | "harmed") => &["killed", "wounded"],
            Some("deaths" | "fatalities" | "killed") => &["killed"],
            _ => &["wounded"],
        };
        for outcome in outcomes {
            out.push(Figure {
                text: whole.as_str().to_string(),
                value: Some(0.0),
                counts: outcome.to_string(),
                place: None,
                qualifier: None,
                line,
                context: crate::sentences::clip_around(
                    sentence.trim(),
                    whole.start(),
                    super::MAX_EXCERPT,
                ),
            });
        }
    }
    out
}

/// Does `before` end with a capitalised word inside the sentence, right
/// before the number ("Tower 22", "Camp 5"), not ending a clause?
fn follows_name(before: &str) -> bool {
    if !before.ends_with(' ') || before.ends_with("  ") {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let Some(word) = words.next() else {
        return false;
    };
    // The first word of a sentence is capitalised anyway.
    let inside = words
        .next()
        .is_some_and(|w| !w.ends_with(['.', '!', '?', ':', '"', '“']));
    inside
        && word.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(char::is_uppercase)
        && !ends_date(word)
}

/// Units that count people, whom an outcome ("killed", "wounded") may
/// describe instead.
const PEOPLE: &[&str] = &[
    "troops",
    "people",
    "civilians",
    "fighters",
    "members",
    "officials",
    "advisers",
    "trainers",
    "children",
    "others",
    "contractors",
    "workers",
    "police",
];

/// What a count with no noun after it counts, from the words around it
/// (`before` and `after` it in its sentence), or `None` when they do not
/// say. `previous` is the sentence's figure before it.
fn unit_of_a_bare_count(
    before: &str,
    after: &str,
    vague: bool,
    is_year_like: bool,
    previous: Option<&Figure>,
) -> Option<String> {
    // "three of the wounded later died": only what happened to a part of
    // a toll counts.
    if let Some(rest) = of_a_toll(after) {
        return outcome_after(rest).map(str::to_string);
    }
    if !is_year_like {
        // "25 were injured": the outcome is what is counted. "killed 3
        // American troops and injured at least 34 on Sunday": the verb right
        // before a count with no noun says what it counts. "the death toll
        // rose to 12", "the number of wounded stood at 9".
        let stated = outcome_after(after)
            .or_else(|| outcome_before(before))
            .or_else(|| toll_before(before));
        if let Some(u) = stated {
            return Some(u.to_string());
        }
    }
    // Ellipsis: "and 900 in neighboring Syria", "hundreds of them".
    elided_unit(after, vague, is_year_like, previous)
}

/// " of the wounded later died" -> " later died": the words after a part
/// of a toll ("of the injured", "of those killed").
fn of_a_toll(after: &str) -> Option<&str> {
    let rest = after.trim_start().strip_prefix("of ")?.trim_start();
    let (determiner, rest) = rest.split_once(' ')?;
    if !matches!(determiner.to_lowercase().as_str(), "the" | "those") {
        return None;
    }
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    outcome_word(&rest[..end].to_lowercase()).map(|_| &rest[end..])
}

/// What happened to people, by the word that says it.
fn outcome_word(word: &str) -> Option<&'static str> {
    match word {
        "killed" | "dead" | "died" | "perished" => Some("killed"),
        "wounded" | "injured" | "hurt" | "injuries" | "wounds" => Some("wounded"),
        _ => None,
    }
}

/// The outcome stated right after a count, before the clause ends: "were
/// killed", "others wounded", "had now been treated for injuries".
fn outcome_after(after: &str) -> Option<&'static str> {
    const BETWEEN: &[&str] = &[
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "being",
        "are",
        "now",
        "reportedly",
        "also",
        "all",
        "later",
        "since",
        "treated",
        "for",
        "said",
        "to",
        "be",
        "initially",
    ];
    const STOPS: [char; 9] = [',', ';', '.', ':', '(', ')', '"', '“', '”'];
    // "seven Americans, five of them troops, were injured": past an aside
    // of a few words between commas.
    if let Some(aside) = after.trim_start().strip_prefix(',')
        && let Some(end) = aside.find(',')
        && aside[..end].split_whitespace().count() <= 6
        && !aside[..end].contains(STOPS)
    {
        return outcome_after(&aside[end + 1..]);
    }
    let clause = after.split(STOPS).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(14).collect();
    let mut treated = false;
    let mut i = 0;
    while i < words.len().min(9) {
        let word = words[i];
        i += 1;
        let lower = word.to_lowercase();
        if let Some(o) = outcome_word(&lower) {
            return Some(o);
        }
        // "five soldiers and two contractors were injured": the outcome
        // of a second count joined by "and" is the first's too.
        if lower == "and"
            && let Some(next) = words.get(i)
            && is_count_word(next)
            && let Some(unit) = (i + 1..(i + 5).min(words.len())).find(|&j| {
                UNITS
                    .iter()
                    .any(|(u, n)| *u == words[j].to_lowercase() && PEOPLE.contains(n))
            })
        {
            i = unit + 1;
            continue;
        }
        // "treated for burns and shrapnel wounds", "suffered minor
        // injuries": what they were treated for or suffered is an injury,
        // whatever its words.
        treated |= matches!(
            lower.as_str(),
            "treated" | "hospitalised" | "hospitalized" | "suffered" | "sustained"
        );
        if treated
            && matches!(
                lower.as_str(),
                "burns" | "shrapnel" | "fractures" | "cuts" | "concussions"
            )
        {
            return Some("wounded");
        }
        if treated {
            continue;
        }
        if !BETWEEN.contains(&lower.as_str()) {
            return None;
        }
    }
    None
}

/// What a number with no noun after it counts, from what follows it:
/// "and 900 in neighboring Syria" and "hundreds of them" count what the
/// previous figure counts; "two of them died", what happened to them. "five
/// were injured, and one of them was evacuated": a part of a count that
/// says nothing of what happened to it counts nothing.
fn elided_unit(
    after: &str,
    vague: bool,
    is_year_like: bool,
    previous: Option<&Figure>,
) -> Option<String> {
    let trimmed = after.trim_start();
    let partitive = ["of them", "of those"]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
    if let Some(rest) = partitive
        && !vague
    {
        return outcome_after(rest).map(str::to_string);
    }
    let elided = trimmed.starts_with("in ") || partitive.is_some();
    previous
        .filter(|_| elided && !is_year_like)
        .map(|p| p.counts.clone())
}

/// "two", "25", "2,500": a word that states a count.
fn is_count_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || NUMBER_WORDS.iter().any(|(n, _)| *n == lower)
}

/// The last word of `before`, without punctuation.
fn before_word(before: &str) -> &str {
    before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// A toll stated before its number: "the death toll rose to", "the number
/// of wounded stood at", "bringing the toll to".
fn toll_before(before: &str) -> Option<&'static str> {
    static KIND: OnceLock<Regex> = OnceLock::new();
    static VERB: OnceLock<Regex> = OnceLock::new();
    let kind = KIND.get_or_init(|| {
        Regex::new(r"(?i)\b(?:death toll|toll|number of (?:the )?(?:dead|killed|deaths|wounded|injured))\b").unwrap()
    });
    let verb = VERB.get_or_init(|| {
        Regex::new(r"(?i)^[^.;:,]{0,60}\b(?:rose|risen|climbed|stood|stands|reached|increased|jumped|is|was)\s+(?:to|at)?\s*$").unwrap()
    });
    static BRINGING: OnceLock<Regex> = OnceLock::new();
    let bringing = BRINGING.get_or_init(|| {
        Regex::new(r"(?i)\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|took|pushing|pushes|pushed)\s+(?:the\s+)?(?:overall\s+|total\s+)?$").unwrap()
    });
    // The nearest toll before the number is the one it states: "the toll
    // rose to", or "bringing the toll to".
    let m = kind.find_iter(before).last()?;
    let after_toll = &before[m.end()..];
    let brought = bringing.is_match(&before[..m.start()]) && after_toll.trim() == "to";
    if !brought && !verb.is_match(after_toll) {
        return None;
    }
    let words = m.as_str().to_lowercase();
    Some(if words.contains("wounded") || words.contains("injured") {
        "wounded"
    } else {
        "killed"
    })
}

/// The outcome a verb right before a count states: "killed three people",
/// "killing at least 20 fighters", "wounding 12 civilians".
fn outcome_before(before: &str) -> Option<&'static str> {
    // The count's qualifier ("at least") is part of the count's match.
    let word = before.split_whitespace().next_back()?.to_lowercase();
    match word.trim_matches(|c: char| !c.is_alphanumeric()) {
        "killed" | "killing" | "kills" | "kill" => Some("killed"),
        "wounded" | "wounding" | "wounds" | "injured" | "injuring" | "injures" => Some("wounded"),
        _ => None,
    }
}

/// Does `before` end with a month name or "Month day," (so a year follows)?
fn ends_date(before: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s*$|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$").unwrap()
    });
    re.is_match(before)
}

/// A unit within `max_skip` words after the number: (normalised unit, bytes consumed).
/// `partitive`: "two of its advisers" may count them ("one of its members"
/// names a member, it counts nothing).
fn unit_after(after: &str, max_skip: usize, partitive: bool) -> Option<(&'static str, usize)> {
    let mut consumed = 0;
    let mut rest = after;
    let mut after_of = false;
    let mut after_determiner = false;
    let mut named_type = false;
    // "hundreds of US-led coalition forces": skip "of".
    for skipped in 0..=max_skip + 1 {
        let trimmed = rest.trim_start();
        consumed += rest.len() - trimmed.len();
        rest = trimmed;
        let word_len = initialism_len(rest).unwrap_or_else(|| {
            rest.find(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '('))
                .unwrap_or(rest.len())
        });
        if word_len == 0 {
            return None;
        }
        let word = &rest[..word_len];
        let lower = word.to_lowercase();
        let two = rest
            .get(
                ..rest[word_len..]
                    .find(|c: char| c != ' ')
                    .map_or(rest.len(), |_| rest.len())
                    .min(rest.len()),
            )
            .unwrap_or("");
        for (u, norm) in UNITS {
            if lower == *u || (u.contains(' ') && two.to_lowercase().starts_with(u)) {
                let len = if u.contains(' ') { u.len() } else { word_len };
                // "two Katyusha rockets": a weapon's name may stand between.
                if named_type && !WEAPONS.contains(norm) {
                    return None;
                }
                // "Eight of the injured were flown out": a part of a toll,
                // not the toll; what happened to the part may count.
                if after_determiner && matches!(*norm, "killed" | "wounded") {
                    return None;
                }
                return Some((norm, consumed + len));
            }
        }
        // Only modifiers may stand between the number and its noun; a
        // determiner only after "of" ("two of its advisers", "three of the
        // soldiers"), never right after the number ("in 2024 the troops").
        let determiner = partitive && after_of && DETERMINERS.contains(&lower.as_str());
        // "four of the group's fighters": whose, after the determiner.
        let possessive =
            after_determiner && (lower.ends_with("'s") || lower.ends_with("\u{2019}s"));
        // One capitalised word of a type's name ("Katyusha", "Grad"), then
        // the noun must be a weapon's.
        let type_name = !named_type
            && !is_modifier(&lower)
            && word.starts_with(|c: char| c.is_uppercase())
            && word.chars().all(char::is_alphabetic);
        if skipped > max_skip || !(is_modifier(&lower) || determiner || possessive || type_name) {
            return None;
        }
        named_type |= type_name;
        after_determiner = determiner;
        after_of = lower == "of";
        consumed += word_len;
        rest = &rest[word_len..];
    }
    None
}

/// Units a type's name may qualify ("two Katyusha rockets").
const WEAPONS: &[&str] = &["rockets", "missiles", "drones"];

/// "U.S. troops": the length of an initialism with its stops ("U.S."), read
/// as one word where a stop would end any other.
fn initialism_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() && b[i].is_ascii_alphabetic() && b[i + 1] == b'.' {
        i += 2;
    }
    (i >= 4).then_some(i)
}

/// Words that may follow "of" between a number and its noun.
const DETERMINERS: &[&str] = &["its", "their", "the", "his", "her", "our", "these", "those"];

/// Words that may sit between a number and its noun: "2,500 American
/// soldiers", "three main bases", "hundreds of US-led coalition forces".
/// Only adjectives of this kind, nationality words and hyphenated compounds:
/// a verb in between ("factions halted their attacks") ends the search.
fn is_modifier(w: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "of",
        "more",
        "additional",
        "extra",
        "main",
        "major",
        "other",
        "new",
        "foreign",
        "international",
        "coalition",
        "military",
        "armed",
        "active",
        "remaining",
        "combat",
        "key",
        "separate",
        "different",
        "similar",
        "allied",
        "western",
        "local",
        "civilian",
        "senior",
        "junior",
        "regular",
        "elite",
        "special",
        "ground",
        "naval",
        "air",
        "army",
        "full",
        "whole",
        "entire",
        "consecutive",
        "straight",
        "further",
        "fewer",
        "large",
        "small",
        "military-",
        "ballistic",
        "armed-",
        "pro-iranian",
        "iran-backed",
    ];
    ADJECTIVES.contains(&w)
        || super::lexicon::NATIONALITY_WORDS.contains(&w)
        || (w.contains('-') && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// "in Iraq", "stationed in Iraq", "are currently stationed in Iraq", "in
/// neighboring Syria": (place, bytes consumed).
fn place_after(rest: &str) -> Option<(String, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        // "are currently stationed in", "remain in", "still deployed in".
        Regex::new(r"^(?:\s+(?:are|were|remain|remained|stay|stayed|still|now|currently|stationed|deployed|based|remaining|present|serving)){0,3}\s+in\s+(?:(?:the\s+)?(?:neighbou?ring|northern|southern|eastern|western|central)\s+)?(?P<p>(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)").unwrap()
    });
    let c = re.captures(rest)?;
    let p = c.name("p")?.as_str().trim_start_matches("the ").to_string();
    Some((p, c.get(0)?.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Seen = (Option<f64>, String, Option<String>, Option<String>);

    fn f(s: &str) -> Vec<Seen> {
        figures(s, 1)
            .into_iter()
            .map(|f| (f.value, f.counts, f.place, f.qualifier))
            .collect()
    }

    #[test]
    fn troops_in_places() {
        assert_eq!(
            f(
                "The United States has about 2,500 troops in Iraq and 900 in neighboring Syria, as part of a coalition formed in 2014."
            ),
            vec![
                (
                    Some(2500.0),
                    "troops".into(),
                    Some("Iraq".into()),
                    Some("about".into())
                ),
                (Some(900.0), "troops".into(), Some("Syria".into()), None),
            ]
        );
        assert_eq!(
            f(
                "Currently, there are 2,500 American soldiers in Iraq, and the agreement includes the withdrawal of hundreds of them over the next two years."
            ),
            vec![
                (Some(2500.0), "troops".into(), Some("Iraq".into()), None),
                (None, "troops".into(), None, Some("hundreds".into())),
                (Some(2.0), "years".into(), None, None),
            ]
        );
    }

    #[test]
    fn troops_placed_by_a_verb_and_spelt_hundreds() {
        assert_eq!(
            f("Some 2,000 American soldiers remain in Iraq, officials said."),
            vec![(
                Some(2000.0),
                "troops".into(),
                Some("Iraq".into()),
                Some("some".into())
            )]
        );
        assert_eq!(
            f("About 2,500 US troops are currently stationed in Iraq."),
            vec![(
                Some(2500.0),
                "troops".into(),
                Some("Iraq".into()),
                Some("about".into())
            )]
        );
        // "several hundred" is no hundred; "two thousand" is two thousand.
        assert_eq!(
            f(
                "Several hundred troops from other countries will stay, and two thousand soldiers will leave."
            ),
            vec![
                (None, "troops".into(), None, Some("several hundred".into())),
                (Some(2000.0), "troops".into(), None, None),
            ]
        );
        assert_eq!(
            f("A few hundred advisers and one hundred trainers"),
            vec![
                (None, "advisers".into(), None, Some("a few hundred".into())),
                (Some(100.0), "trainers".into(), None, None),
            ]
        );
    }

    #[test]
    fn words_and_modifiers() {
        assert_eq!(
            f("around 2,500 US troops stationed in Iraq across three main bases"),
            vec![
                (
                    Some(2500.0),
                    "troops".into(),
                    Some("Iraq".into()),
                    Some("around".into())
                ),
                (Some(3.0), "bases".into(), None, None),
            ]
        );
        assert_eq!(
            f("Complex negotiations took place for over six months."),
            vec![(Some(6.0), "months".into(), None, Some("over".into()))]
        );
        assert_eq!(
            f("The withdrawal will be completed in two phases."),
            vec![(Some(2.0), "phases".into(), None, None)]
        );
        assert_eq!(
            f("prices rose 4.5% this year"),
            vec![(Some(4.5), "percent".into(), None, None)]
        );
    }

    #[test]
    fn references_and_verbs_are_not_figures() {
        assert!(f("a new relationship between the two countries").is_empty());
        assert!(f("Several factions halted their attacks early this year.").is_empty());
        assert_eq!(f("the 2,500 troops in Iraq").len(), 1);
    }

    #[test]
    fn dates_and_years_are_not_figures() {
        assert!(f("reported on September 6 that the US and Iraq agreed, after the 2003 invasion and in 2014.").is_empty());
        assert!(f("the September 11, 2001 attacks").is_empty());
        assert!(f("in March 2019 the last stronghold fell").is_empty());
        assert!(f("by the end of 2024 the troops will have left").is_empty());
    }

    #[test]
    fn people_counted_by_what_happened_to_them() {
        let counts = |s: &str| -> Vec<(Option<f64>, String)> {
            f(s).into_iter().map(|(v, c, _, _)| (v, c)).collect()
        };
        assert_eq!(
            counts(
                "Four Marines were killed and at least 30 others wounded when a rocket hit the camp."
            ),
            vec![(Some(4.0), "killed".into()), (Some(30.0), "wounded".into())]
        );
        assert_eq!(
            counts(
                "An airstrike on a convoy near the border killed five fighters, officials said."
            ),
            vec![(Some(5.0), "killed".into())]
        );
        assert_eq!(
            counts("The group said two of its fighters were wounded in the raid."),
            vec![(Some(2.0), "wounded".into())]
        );
        assert_eq!(
            counts("Three of the soldiers were killed, the army said."),
            vec![(Some(3.0), "killed".into())]
        );
        assert_eq!(
            counts("Four U.S. soldiers suffered minor injuries when a drone struck the base."),
            vec![(Some(4.0), "wounded".into())]
        );
        assert_eq!(
            counts("Six service members sustained traumatic brain injuries in the attack."),
            vec![(Some(6.0), "wounded".into())]
        );
        assert_eq!(
            counts(
                "A strike killed four of the group's fighters late on Friday, two security officials said."
            ),
            vec![(Some(4.0), "killed".into())]
        );
        assert!(counts("One of its members, a local commander, was buried on Friday.").is_empty());
        assert_eq!(
            counts(
                "The drone killed 3 American troops and injured at least 34 on Sunday, officials said."
            ),
            vec![(Some(3.0), "killed".into()), (Some(34.0), "wounded".into())]
        );
        assert_eq!(
            counts("The blast wounded 12 near the gate and killed two."),
            vec![(Some(12.0), "wounded".into()), (Some(2.0), "killed".into())]
        );
        assert_eq!(
            counts("Two civilians were killed and 12 were injured overnight."),
            vec![(Some(2.0), "killed".into()), (Some(12.0), "wounded".into())]
        );
        assert_eq!(
            counts("More than 60 personnel had since been treated for injuries, officials said."),
            vec![(Some(60.0), "wounded".into())]
        );
        // A garrison is not a toll: the outcome must stand in the same clause.
        assert_eq!(
            counts("About 2,500 troops remain in Iraq, where one was killed last year."),
            vec![
                (Some(2500.0), "troops".into()),
                (Some(1.0), "killed".into())
            ]
        );
        assert_eq!(
            counts("A rocket hit the depot, killing two contractors and wounding a guard."),
            vec![(Some(2.0), "killed".into())]
        );
        assert_eq!(
            counts("The death toll rose to four on Friday and the number of wounded stood at 15."),
            vec![(Some(4.0), "killed".into()), (Some(15.0), "wounded".into())]
        );
        assert_eq!(
            counts("A guard died in hospital, bringing the toll to five."),
            vec![(Some(5.0), "killed".into())]
        );
        assert_eq!(
            counts("Two more were hurt, raising the number of wounded to 11."),
            vec![(Some(11.0), "wounded".into())]
        );
        assert_eq!(
            counts("Doctors said six people were being treated for burns and shrapnel cuts."),
            vec![(Some(6.0), "wounded".into())]
        );
        // "No one" is no count of one: it is none.
        assert_eq!(
            counts("No one was hurt in the blast."),
            vec![(Some(0.0), "wounded".into())]
        );
        // A number in a name counts nothing.
        assert!(counts("The drone hit the Tower 22 base in Jordan.").is_empty());
        // "others" alone counts nothing.
        assert!(counts("He met two others in Erbil.").is_empty());
    }

    fn counted(s: &str) -> Vec<(Option<f64>, String)> {
        f(s).into_iter().map(|(v, c, _, _)| (v, c)).collect()
    }

    #[test]
    fn nobody_harmed_is_a_count_of_none() {
        assert_eq!(
            counted("The rocket attack caused damage but no casualties, the officials said."),
            vec![(Some(0.0), "killed".into()), (Some(0.0), "wounded".into())]
        );
        assert_eq!(
            counted("No one was hurt in the blast."),
            vec![(Some(0.0), "wounded".into())]
        );
        assert!(counted("There were no American casualties.").is_empty());
        assert!(counted("There were no immediate reports of casualties.").is_empty());
        assert!(counted("No serious injuries were reported.").is_empty());
    }

    #[test]
    fn counts_joined_by_and_share_their_outcome() {
        assert_eq!(
            counted(
                "Four U.S. soldiers and two contractors were hurt, while three Iraqi policemen were killed."
            ),
            [
                (Some(4.0), "wounded".into()),
                (Some(2.0), "wounded".into()),
                (Some(3.0), "killed".into())
            ]
        );
        // An aside between commas: the outcome after it is the count's.
        assert_eq!(
            counted("Nine Iraqis, two of them police officers, were wounded."),
            [(Some(9.0), "wounded".into())]
        );
    }

    #[test]
    fn a_part_of_a_count_counts_only_with_its_outcome() {
        assert_eq!(
            counted("Six contractors were injured, and one of them was flown to Germany."),
            [(Some(6.0), "wounded".into())]
        );
        assert_eq!(
            counted("Six contractors were injured, and two of them later died."),
            [(Some(6.0), "wounded".into()), (Some(2.0), "killed".into())]
        );
        assert_eq!(
            counted(
                "Nine people were hurt. Four of the injured were flown to a hospital in Erbil."
            ),
            [(Some(9.0), "wounded".into())]
        );
        assert_eq!(
            counted("Nine people were hurt, and three of the wounded later died."),
            [(Some(9.0), "wounded".into()), (Some(3.0), "killed".into())]
        );
    }

    #[test]
    fn initialisms_and_weapon_names_between_number_and_noun() {
        assert_eq!(
            counted("Some 3,100 U.S. troops are deployed there."),
            [(Some(3100.0), "troops".into())]
        );
        assert_eq!(
            counted("Militants fired three Grad rockets at the airport."),
            [(Some(3.0), "rockets".into())]
        );
        // A name before a noun that is not a weapon still ends the search.
        assert!(counted("They met two Hezbollah officials.").is_empty());
        // Officials counted as the report's sources count nothing.
        assert!(
            counted("The sides disagree on the timetable, two Iraqi officials said.").is_empty()
        );
        assert!(counted("Three officials familiar with the talks described the plan.").is_empty());
        assert_eq!(
            counted("Two officials were killed in the blast."),
            [(Some(2.0), "killed".into())]
        );
        assert!(
            counted("Two officials who spoke on condition of anonymity said the raid was planned.")
                .is_empty()
        );
        assert_eq!(
            counted(
                "The blast killed five people, including two officials who were wounded earlier."
            )
            .len(),
            2
        );
    }
}
