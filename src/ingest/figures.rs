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
    ("casualties", "casualties"),
    ("deaths", "deaths"),
    ("dead", "deaths"),
    ("killed", "deaths"),
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
const VAGUE: &[&str] = &[
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
            r"(?i)(?:\b(?P<q>about|around|approximately|roughly|some|nearly|almost|more than|over|at least|up to|fewer than|less than|under|an estimated|a total of|only|just)\s+)?(?:(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million|billion|thousand))?|\b(?P<w>{})\b)(?P<pct>\s*%)?",
            words.join("|")
        ))
        .unwrap()
    })
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
        let vague = c
            .name("w")
            .map(|w| w.as_str().to_lowercase())
            .filter(|w| VAGUE.contains(&w.as_str()));
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
            (None, Some(w)) => NUMBER_WORDS
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(w.as_str()))
                .map(|(_, v)| *v),
            _ => None,
        };
        // "the two countries": a number word after "the" refers, it does not count.
        let after_the = sentence[..whole.start()]
            .trim_end()
            .to_lowercase()
            .ends_with(" the")
            || sentence[..whole.start()]
                .trim_end()
                .eq_ignore_ascii_case("the");
        if after_the && c.name("w").is_some() {
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
            match unit_after(after, if is_year_like { 0 } else { 3 }) {
                Some((u, len)) => (Some(u), whole.end() + len),
                None => (None, whole.end()),
            }
        };
        let unit = match unit {
            Some(u) => u.to_string(),
            None => {
                // Ellipsis: "and 900 in neighboring Syria", "hundreds of them".
                let elided = after.trim_start().starts_with("in ")
                    || after.trim_start().starts_with("of them")
                    || after.trim_start().starts_with("of those");
                match (elided && !is_year_like, out.last()) {
                    (true, Some(prev)) => prev.counts.clone(),
                    _ => continue,
                }
            }
        };
        let rest = &sentence[unit_end..];
        let place = place_after(rest);
        let mut end = unit_end;
        if let Some((_, len)) = &place {
            end += len;
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
    out
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
fn unit_after(after: &str, max_skip: usize) -> Option<(&'static str, usize)> {
    let mut consumed = 0;
    let mut rest = after;
    // "hundreds of US-led coalition forces": skip "of".
    for skipped in 0..=max_skip + 1 {
        let trimmed = rest.trim_start();
        consumed += rest.len() - trimmed.len();
        rest = trimmed;
        let word_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '('))
            .unwrap_or(rest.len());
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
                return Some((norm, consumed + len));
            }
        }
        // Only modifiers may stand between the number and its noun.
        if skipped > max_skip || !is_modifier(&lower) {
            return None;
        }
        consumed += word_len;
        rest = &rest[word_len..];
    }
    None
}

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

/// "in Iraq", "stationed in Iraq", "in neighboring Syria": (place, bytes consumed).
fn place_after(rest: &str) -> Option<(String, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?:\s+(?:stationed|deployed|based|remaining|present|currently))?\s+in\s+(?:(?:the\s+)?(?:neighbou?ring|northern|southern|eastern|western|central)\s+)?(?P<p>(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)").unwrap()
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
    }
}
