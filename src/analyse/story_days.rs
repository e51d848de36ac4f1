//! When a story's event happened, as each of its sources says.
//!
//! A report dates its event with a day named relative to itself ("late on
//! Saturday", "overnight", ingest's [`Precision::RelativeDay`]) or a date
//! ("Jan. 28"), somewhere among the other days it names: when a spokesman
//! spoke, when an earlier attack happened. Of a member's dated mentions within
//! a week of its publication, the one the story's own words surround is the
//! event's ("the attack, carried out late on Saturday"), preferred over one a
//! reporting verb governs ("said on Monday", "told reporters on Saturday"),
//! which dates a statement; a dateline ("TEHRAN, Jan. 29 -") dates the report
//! and is never the event's. Each source's day is then compared: resolved
//! days by date, an undated report's weekday by weekday, "overnight" agreeing
//! with the day before as well. A later report's own day, after the day most
//! reports give, is a later development (reactions, remarks the next day):
//! shown, but no disagreement.

use crate::words::Terms;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::brief::{Brief, DateMention, Precision};
use crate::ingest::dates::WEEKDAYS;

/// How many days before publication a report's event may lie.
const DAYS_BEFORE: i64 = 7;

/// Words either side of a day that show what it dates.
const WINDOW_WORDS: usize = 8;

/// Share of the best score at which a day is as much about the story.
const CLOSE_SCORE: f32 = 0.5;

/// Verbs that make a day the date of a statement, not of the event.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "stated",
    "added",
    "confirmed",
    "rejected",
    "denied",
    "denies",
    "claimed",
    "named",
    "reported",
    "briefed",
    "spoke",
    "speaking",
    "statement",
    "interview",
    "news",
    "conference",
    "tweeted",
    "wrote",
    "posted",
    "correction",
    "corrected",
    "updated",
    "update",
];

/// One source's day for the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayStatement {
    /// Brief index.
    pub brief: usize,
    /// Source line.
    pub line: usize,
    /// The words of the text ("late on Saturday").
    pub text: String,
    /// The sentence.
    pub context: String,
    /// How the day was resolved, or why it could not be.
    pub note: Option<String>,
    /// The day dates what was said ("said on Monday", "announced on
    /// September 27"), not the event: the report gives no other.
    #[serde(default)]
    pub said: bool,
}

/// One version of the day and who gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayVersion {
    /// The day, when it can be told.
    pub day: Option<NaiveDate>,
    /// The weekday named, 0 = Monday, when no day can be told.
    pub weekday: Option<u32>,
    /// The night before `day` ("overnight"): agrees with that day and the one before.
    pub night: bool,
    /// "Saturday 27 January 2024", "overnight into Sunday 28 January 2024",
    /// "a Saturday (the report is undated)".
    pub display: String,
    /// Who says so.
    pub statements: Vec<DayStatement>,
}

/// When the event happened, by each source that says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryDays {
    /// Versions, earliest day first, unresolved weekdays last.
    pub versions: Vec<DayVersion>,
    /// Two sources give days that cannot both be right.
    pub disagreement: bool,
}

impl StoryDays {
    /// The day most of its reports give (the earliest of equals), if any
    /// gives one.
    pub fn day(&self) -> Option<NaiveDate> {
        (self.versions.iter())
            .filter_map(|v| Some((v.day?, v.statements.len())))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(d, _)| d)
    }
}

/// Days from the story's event beyond which a dated clause is about
/// another event.
const BACKGROUND_DAYS: i64 = 2;

/// Words that open a clause about an earlier event: "two days after a
/// drone attack killed ...", "in retaliation for ...".
const RECALLING: &[&str] = &[
    "after",
    "since",
    "following",
    "retaliation",
    "response",
    "revenge",
];

/// Whether `words` in the sentence `context` (line `line` of `brief`) are
/// about another event than the story's: after a day more than two days
/// from it ("in retaliation for the January 28 attack that killed three"),
/// or after a clause that recalls an earlier event in a sentence that names
/// such a day ("announced on January 30 ..., two days after a drone attack
/// killed three US soldiers"). A day a verb of reporting governs ("reported
/// on September 6 that hundreds of troops ...") is when something was said:
/// on its own it makes nothing background. `event` is the story's day,
/// else the brief's publication date stands in (one day more slack).
pub fn recalls_another_day(
    brief: &Brief,
    line: usize,
    context: &str,
    words: &str,
    event: Option<NaiveDate>,
) -> bool {
    if context.find(words).is_some_and(|at| {
        inside_an_earlier_events_clause(&context[..at]) || running_toll(&context[..at])
    }) {
        return true;
    }
    let (Some(at), Some(reference)) = (context.find(words), event.or(brief.published)) else {
        return false;
    };
    let slack = if event.is_some() {
        BACKGROUND_DAYS
    } else {
        BACKGROUND_DAYS + 1
    };
    let lower_words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| bare(w).to_ascii_lowercase())
            .collect()
    };
    let recalled = lower_words(&context[..at])
        .iter()
        .any(|w| RECALLING.contains(&w.as_str()));
    brief.facts.dates.iter().any(|m| {
        if m.line != line || m.context != context || m.precision != Precision::Day {
            return false;
        }
        let Some(d) = context.find(m.text.as_str()) else {
            return false;
        };
        let far =
            mention_day(m, reference).is_some_and(|day| (day - reference).num_days().abs() > slack);
        let reported = lower_words(&context[..d])
            .iter()
            .rev()
            .take(3)
            .any(|w| REPORTING.contains(&w.as_str()));
        far && (recalled || (d < at && !reported))
    })
}

/// "The attack comes days after a US strike on a base killed four
/// members": what follows "days after" (or "weeks after", "a month
/// following") in the same clause is an event a day or more earlier than
/// the sentence's, dated or not. `before` is the sentence up to the words;
/// a comma or a semicolon since "after" closes the clause ("Two days after
/// the strike, officials said three were killed" is the report's news).
/// "Hours after" may still be the story's own day.
fn inside_an_earlier_events_clause(before: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = R.get_or_init(|| {
        regex::Regex::new(r"(?i)\b(?:days?|weeks?|months?|years?)\s+(?:after|following)\s[^,;:]*$")
            .expect("static pattern")
    });
    re.is_match(before)
}

/// Do the words before a figure make it a running toll of something that
/// goes on ("the war on Gaza, which has killed more than 26,000 people",
/// "attacks that have wounded 70")? Such a toll is the war's or the
/// campaign's to date, not the day's event's. `before` is the sentence up
/// to the figure.
fn running_toll(before: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = R.get_or_init(|| {
        regex::Regex::new(r"(?i)\b(?:which|that)\s+(?:has|have)\s+(?:(?:so\s+far|now|already|since)\s+)?(?:killed|wounded|injured|left|claimed)\s+(?:the\s+lives\s+of\s+)?(?:(?:more\s+than|at\s+least|over|nearly|almost|some|about|around)\s+)?$")
            .expect("static pattern")
    });
    re.is_match(before)
}

/// The day a day-precision mention names, near `reference`: a day without a
/// year is in the reference's year, or the one before when that would put it
/// past the reference.
fn mention_day(m: &DateMention, reference: NaiveDate) -> Option<NaiveDate> {
    let (month, day) = m.month.zip(m.day)?;
    let d = NaiveDate::from_ymd_opt(m.year.unwrap_or(reference.year()), month, day)?;
    match m.year {
        None if d > reference + chrono::Duration::days(BACKGROUND_DAYS) => {
            NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
        }
        _ => Some(d),
    }
}

/// The days the members of one story give for its event. `terms[b]` are
/// brief `b`'s words (the analysis's lead terms).
pub fn story_days(briefs: &[Brief], members: &[usize], terms: &[&Terms]) -> StoryDays {
    let core = core_words(members, terms);
    let mut versions: Vec<DayVersion> = Vec::new();
    for (b, (m, day, said)) in members_days(briefs, members, &core) {
        let night = m.text.eq_ignore_ascii_case("overnight");
        let weekday = match day {
            Some(_) => None,
            None => named_weekday(&m.text),
        };
        // A day without a year was placed in the year of publication (or the
        // one before, for a January report of a December day).
        let note = match (m.year, day) {
            (None, Some(d)) if m.precision == Precision::Day => {
                Some(format!("the year not stated: {}, the report's", d.year()))
            }
            _ => m.note.clone(),
        };
        let statement = DayStatement {
            brief: b,
            line: m.line,
            text: m.text.clone(),
            context: m.context.clone(),
            note,
            said,
        };
        match versions
            .iter_mut()
            .find(|v| v.day == day && v.weekday == weekday && v.night == night)
        {
            Some(v) => v.statements.push(statement),
            None => versions.push(DayVersion {
                display: display(day, weekday, night),
                day,
                weekday,
                night,
                statements: vec![statement],
            }),
        }
    }
    versions.sort_by(|a, b| {
        (a.day.is_none(), a.day, a.night, a.weekday).cmp(&(
            b.day.is_none(),
            b.day,
            b.night,
            b.weekday,
        ))
    });
    let mut days = StoryDays {
        versions,
        disagreement: false,
    };
    let later = later_developments(&days, briefs);
    let versions = &days.versions;
    days.disagreement = versions.iter().enumerate().any(|(i, a)| {
        versions[i + 1..].iter().enumerate().any(|(j, b)| {
            !later[i]
                && !later[i + 1 + j]
                && conflict(a, b)
                && !in_sequence(a, b, briefs)
                && a.statements.iter().any(|x| {
                    b.statements
                        .iter()
                        .any(|y| x.brief != y.brief && x.said == y.said)
                })
        })
    });
    days
}

/// Whether the later of two days is a development after the earlier one,
/// not another account of it: every report of the earlier day was out
/// before the later day (so it cannot tell of what happened then: "Badr's
/// chief said on Sunday" in a report of Monday, "Sadr warned on Tuesday" in
/// reports of Tuesday and Wednesday), and the later day is two or more days
/// on, or each of its reports is of that day itself. A report out a day
/// after the others that puts their event on its own eve still disagrees
/// ("announced on Saturday" against Friday's reports of Friday), as does
/// one dating the event before others gave it.
fn in_sequence(a: &DayVersion, b: &DayVersion, briefs: &[Brief]) -> bool {
    let (Some(x), Some(y)) = (a.day, b.day) else {
        return false;
    };
    let (earlier, later, first, day) = if x < y { (a, b, x, y) } else { (b, a, y, x) };
    let published = |s: &DayStatement| briefs[s.brief].published;
    let days_apart = (day - first).num_days();
    !later.night
        && (days_apart >= 2 || later.statements.iter().all(|s| published(s) == Some(day)))
        && earlier
            .statements
            .iter()
            .all(|s| published(s).is_some_and(|p| p < day))
}

/// Which versions tell of a later development, not of the event: a day
/// after the one most reports give, named by fewer reports, each published
/// that very day, after most reports of the main day were out ("armed
/// factions on Saturday gave mixed reactions to the joint statement", in a
/// report of Saturday on Friday's announcement). Such a day is shown, but
/// it is no disagreement about when the event happened. (A report of the
/// day itself that others, published later, put a day earlier does
/// disagree: "early on Sunday" against "late on Saturday".)
fn later_developments(days: &StoryDays, briefs: &[Brief]) -> Vec<bool> {
    let Some(main) = days
        .versions
        .iter()
        .find(|v| v.day.is_some() && v.day == days.day())
    else {
        return vec![false; days.versions.len()];
    };
    let published = |s: &DayStatement| briefs[s.brief].published;
    days.versions
        .iter()
        .map(|v| {
            v.day.is_some_and(|day| {
                Some(day) > main.day
                    && !v.night
                    && v.statements.len() < main.statements.len()
                    && v.statements.iter().all(|s| published(s) == Some(day))
                    && 2 * (main.statements.iter())
                        .filter(|s| published(s).is_some_and(|p| p < day))
                        .count()
                        > main.statements.len()
            })
        })
        .collect()
}

/// Words at least two members use, with their general-English weight: what
/// the story is about, as its reports tell it.
pub(super) fn core_words<'a>(members: &[usize], terms: &[&'a Terms]) -> FxHashMap<&'a str, f32> {
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    for &b in members {
        for t in terms[b].iter() {
            *seen.entry(t).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|&(w, n)| n >= 2 && w.len() >= 3)
        .map(|(w, _)| (w, super::stories::background_weight(w)))
        .collect()
}

/// The mention that dates brief `brief`'s event, with its day when known.
///
/// Each candidate is scored by the story's words near it. Of those not
/// governed by a reporting verb (else of all), the ones scoring at least
/// [`CLOSE_SCORE`] of the best are about the event, and the earliest of them
/// is taken: an event comes before what is said of it ("the toll from
/// Wednesday's attack stood at two on Thursday").
fn event_day<'a>(brief: &'a Brief, core: &FxHashMap<&str, f32>) -> Vec<Candidate<'a>> {
    // (not reported, score, the mention, its day)
    let mut scored: Vec<(bool, f32, &DateMention, Option<NaiveDate>)> = Vec::new();
    for m in &brief.facts.dates {
        let Some(day) = plausible_day(m, brief.published) else {
            continue;
        };
        let Some(at) = m.context.find(m.text.as_str()) else {
            continue;
        };
        if is_dateline(&m.context, at) || set_as_background(&m.context[..at]) {
            continue;
        }
        // Words only (no dashes, no "'s"), nearest first.
        let words = |text: &'a str| text.split_whitespace().map(bare).filter(|w| w.len() > 1);
        let before: Vec<&str> = words(&m.context[..at]).rev().take(WINDOW_WORDS).collect();
        let after: Vec<&str> = words(&m.context[at + m.text.len()..])
            .take(WINDOW_WORDS)
            .collect();
        let is_reporting = |w: &&str| REPORTING.contains(&w.to_ascii_lowercase().as_str());
        // "struck the base on Monday night, the Pentagon said on Tuesday":
        // a verb of speech after the day that dates itself leaves this day
        // to the event.
        let said_after = after
            .iter()
            .take(3)
            .position(is_reporting)
            .is_some_and(|i| {
                !after[i + 1..]
                    .iter()
                    .take(3)
                    .any(|w| named_weekday(w).is_some() || w.eq_ignore_ascii_case("yesterday"))
            });
        let reporting =
            before.iter().take(3).any(is_reporting) || said_after || governed_by_speech(&before);
        // The story's words count by how near they stand.
        let near = |words: &[&str]| -> f32 {
            words
                .iter()
                .enumerate()
                .filter_map(|(d, w)| {
                    let weight = core.get(crate::words::fold(w).as_str())?;
                    Some(weight / (d + 1) as f32)
                })
                .sum()
        };
        scored.push((!reporting, near(&before) + near(&after), m, day));
    }
    let unreported = scored.iter().any(|s| s.0);
    scored.retain(|s| s.0 == unreported);
    let best = scored.iter().map(|s| s.1).fold(0.0f32, f32::max);
    // Earliest day first; an unresolved weekday has none to compare: first
    // in the text.
    let mut close: Vec<_> = scored
        .into_iter()
        .filter(|s| s.1 >= best * CLOSE_SCORE)
        .map(|(_, _, m, day)| (m, day, !unreported))
        .collect();
    close.sort_by_key(|c| c.1);
    if unreported {
        close.truncate(1);
    }
    close
}

/// "The announcement came as Washington threatened to retaliate for the
/// killing of three soldiers on Sunday", "The strikes follow a drone attack
/// on Friday", "The strikes were a response to the attack in Jordan on
/// January 28", "the first attack since the American strikes on Friday": a
/// report sets another event beside its own as background, and the day
/// after such words (`before`: the sentence up to the day) is that other
/// event's. ("Since" counts a few words before the day only: "Since the
/// war began, rockets hit the base on Friday" dates the rockets.)
fn set_as_background(before: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(?:(?:came|comes|coming)\s+(?:[\w'’-]+\s+){0,3}?(?:as|after|amid|since)|follows|followed|(?:was|were|is|are|came|comes)\s+(?:a\s+|an\s+|in\s+)?(?:response|retaliation|reprisal|reply|answer)\s+(?:to|for))\b|\bsince\s+(?:[\w'’,-]+\s+){0,5}$",
        )
        .unwrap()
    })
    .is_match(before)
}

/// A day a report gives for the event, the mention that gives it, and
/// whether it dates only what was said.
type Candidate<'a> = (&'a DateMention, Option<NaiveDate>, bool);

/// Each member's day: its one candidate, or, for a member whose every day
/// is a statement's, the candidate most other members give ("said on
/// Thursday that the two had agreed" before the lead's "said on Friday";
/// a minister's reaction "on Monday" to the deal "announced on Friday"),
/// the earliest when none is given by another.
fn members_days<'a>(
    briefs: &'a [Brief],
    members: &[usize],
    core: &FxHashMap<&str, f32>,
) -> Vec<(usize, Candidate<'a>)> {
    let candidates: Vec<(usize, Vec<Candidate>)> = members
        .iter()
        .map(|&b| (b, event_day(&briefs[b], core)))
        .collect();
    // How many members give each day as their one candidate.
    let mut settled: FxHashMap<NaiveDate, usize> = FxHashMap::default();
    for day in candidates
        .iter()
        .filter(|(_, c)| c.len() == 1)
        .filter_map(|(_, c)| c[0].1)
    {
        *settled.entry(day).or_default() += 1;
    }
    let given_by_others =
        |day: Option<NaiveDate>| day.and_then(|d| settled.get(&d).copied()).unwrap_or(0);
    candidates
        .into_iter()
        .filter_map(|(b, c)| {
            // (max_by_key keeps the last of equals: reversed, the earliest.)
            let best = c
                .into_iter()
                .rev()
                .max_by_key(|(_, day, _)| given_by_others(*day))?;
            Some((b, best))
        })
        .collect()
}

/// Is the day after `before` (the words before it, nearest first) the
/// adjunct of a verb of speech and whom it addressed, with no other verb or
/// clause between: "Austin spoke with his Iraqi counterpart, Jane Roe, on
/// Thursday" dates the call. ("The ministry confirmed a sweep in Diyala on
/// Friday" may date the sweep: a verb with an object is left to the words
/// next to the day.)
fn governed_by_speech(before: &[&str]) -> bool {
    const CLAUSE: &[&str] = &[
        "when", "after", "which", "that", "who", "while", "as", "because", "before", "since",
        "and", "but", "where",
    ];
    for (i, w) in before.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        if REPORTING.contains(&lower.as_str()) {
            return i > 0 && matches!(before[i - 1], "with" | "to");
        }
        let other_verb = w.starts_with(char::is_lowercase) && lower.ends_with("ed");
        if other_verb || CLAUSE.contains(&lower.as_str()) {
            return false;
        }
    }
    false
}

/// The day a mention gives, if it may date an event reported on
/// `published`: `Some(None)` for a day that cannot be resolved (a weekday
/// of an undated report), `None` for a mention that is no candidate.
fn plausible_day(m: &DateMention, published: Option<NaiveDate>) -> Option<Option<NaiveDate>> {
    match m.precision {
        Precision::RelativeDay | Precision::Day => {}
        _ => return None,
    }
    let (Some(month), Some(day)) = (m.month, m.day) else {
        // Only a named weekday says anything without a date.
        return (m.precision == Precision::RelativeDay && named_weekday(&m.text).is_some())
            .then_some(None);
    };
    let Some(p) = published else {
        return m
            .year
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .map(Some);
    };
    // A day without a year is in the year that puts it nearest publication.
    let years = match m.year {
        Some(y) => vec![y],
        None => vec![p.year(), p.year() - 1],
    };
    years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| (-DAYS_BEFORE..=0).contains(&(*d - p).num_days()))
        .map(Some)
}

/// Is the mention at `at` the dateline of the report ("TEHRAN, Jan. 29
/// (PHNA) -"): a capitalised place and nothing else before it?
fn is_dateline(context: &str, at: usize) -> bool {
    let before = context[..at].trim_end();
    at < 40
        && !before.is_empty()
        && before.ends_with(',')
        && before
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == ',' || c == '.' || c == '-')
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

fn named_weekday(text: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|w| text.contains(w))
        .map(|n| n as u32)
}

fn display(day: Option<NaiveDate>, weekday: Option<u32>, night: bool) -> String {
    match (day, weekday) {
        (Some(d), _) => {
            let name = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
            let date = format!("{name} {} {}", d.day(), d.format("%B %Y"));
            if night {
                format!("overnight into {date}")
            } else {
                date
            }
        }
        (None, Some(w)) => format!("a {} (the report is undated)", WEEKDAYS[w as usize]),
        (None, None) => "a day the report does not date".to_string(),
    }
}

/// Can both versions be right?
fn conflict(a: &DayVersion, b: &DayVersion) -> bool {
    // The days a version allows: its day, and the day before for a night.
    let days = |v: &DayVersion| -> Vec<NaiveDate> {
        v.day
            .into_iter()
            .chain(v.day.filter(|_| v.night).and_then(|d| d.pred_opt()))
            .collect()
    };
    let weekdays = |v: &DayVersion| -> Vec<u32> {
        match v.weekday {
            Some(w) => vec![w],
            None => days(v)
                .iter()
                .map(|d| d.weekday().num_days_from_monday())
                .collect(),
        }
    };
    if a.day.is_some() && b.day.is_some() {
        let (x, y) = (days(a), days(b));
        return !x.iter().any(|d| y.contains(d));
    }
    let (x, y) = (weekdays(a), weekdays(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|w| y.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::BriefFacts;

    fn brief(published: Option<NaiveDate>, sentences: &[(&str, usize)]) -> Brief {
        let mut dates = Vec::new();
        for &(s, line) in sentences {
            dates.extend(crate::ingest::dates::mentions(s, line, published));
            dates.extend(crate::ingest::dates::day_mentions(s, line, published));
        }
        Brief {
            slug: "b".into(),
            file: "content/briefs/b.md".into(),
            title: "B".into(),
            source: None,
            outlet: None,
            published,
            topics: Vec::new(),
            facts: BriefFacts {
                dates,
                ..BriefFacts::default()
            },
            body: crate::brief::Body::new(String::new(), 0),
            body_line: 1,
            topic_lines: Vec::new(),
            source_line: None,
            draft: false,
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn terms(words: &str) -> Terms {
        Terms::of(words)
    }

    /// The story's days for `briefs`, each with the words that make the
    /// story (one list per brief), and each version's first line.
    fn days_of(briefs: &[Brief], words: &[&str]) -> (StoryDays, Vec<(String, usize)>) {
        let t: Vec<Terms> = words.iter().map(|w| terms(w)).collect();
        let t: Vec<&Terms> = t.iter().collect();
        let members: Vec<usize> = (0..briefs.len()).collect();
        let days = story_days(briefs, &members, &t);
        let shown = (days.versions.iter())
            .map(|v| (v.display.clone(), v.statements[0].line))
            .collect();
        (days, shown)
    }

    #[test]
    fn an_undated_clause_days_after_is_another_event() {
        let earlier = inside_an_earlier_events_clause;
        assert!(earlier(
            "The attack comes days after a US strike on a base killed "
        ));
        assert!(earlier(
            "It was the first attack in weeks, a week after a drone strike wounded "
        ));
        assert!(earlier("a month following the raid that killed "));
        // The clause closed before the count, or hours later: the news.
        assert!(!earlier("Two days after the strike, officials said "));
        assert!(!earlier("Hours after the attack the Pentagon said "));
        assert!(!earlier("Rockets struck the base on Monday, wounding "));
    }

    #[test]
    fn a_running_toll_is_the_wars_not_the_events() {
        assert!(running_toll(
            "in response to the offensive on the enclave, which has killed more than "
        ));
        assert!(running_toll(
            "a campaign of raids that have so far wounded "
        ));
        assert!(running_toll(
            "the conflict, which has claimed the lives of "
        ));
        // The event's own toll, and a toll with its verb in the past.
        assert!(!running_toll("The drone struck the barracks and killed "));
        assert!(!running_toll("a strike that killed "));
        assert!(!running_toll("Officials said the blast has killed "));
    }

    #[test]
    fn a_clause_about_an_earlier_day_is_another_event() {
        let published = d(2025, 3, 12);
        let recalls = |sentence: &str, words: &str, event: Option<NaiveDate>| {
            let b = brief(published, &[(sentence, 4)]);
            let context = &b
                .facts
                .dates
                .first()
                .expect("a date in the sentence")
                .context;
            recalls_another_day(&b, 4, context, words, event)
        };
        let tuesday = d(2025, 3, 11);
        // A day far from the event, before the count.
        assert!(recalls(
            "It came in retaliation for the 2 March strike that killed four contractors.",
            "four contractors",
            tuesday
        ));
        // Said on a far day, but the count follows "after": an earlier event.
        assert!(recalls(
            "The group said on 1 March it would stop, two days after a drone attack killed three soldiers.",
            "three soldiers",
            tuesday
        ));
        // Reported on a far day, nothing recalled: the report's own news.
        assert!(!recalls(
            "Officials reported on 6 March that hundreds of troops would leave by September.",
            "hundreds of troops",
            tuesday
        ));
        // The event's own day, or a far day after the count.
        assert!(!recalls(
            "Rockets fired on 11 March killed two contractors.",
            "two contractors",
            tuesday
        ));
        assert!(!recalls(
            "Rockets killed two contractors, the worst attack since 2 January.",
            "two contractors",
            tuesday
        ));
        // Without the story's day, the publication date stands in.
        assert!(recalls(
            "It followed the 2 March strike that killed four contractors.",
            "four contractors",
            None
        ));
    }

    #[test]
    fn the_event_day_not_the_statement_day() {
        // Published Tuesday 14 March 2023: the spokesman spoke on Monday, the
        // convoy was hit on Saturday.
        let a = brief(
            d(2023, 3, 14),
            &[
                (
                    "KIRKUK, March 14 - A spokesman on Monday rejected claims about the ambush.",
                    3,
                ),
                (
                    "The ambush on the fuel convoy near Dibis, carried out late on Saturday, killed four.",
                    5,
                ),
            ],
        );
        let b = brief(
            d(2023, 3, 12),
            &[(
                "Gunmen ambushed a fuel convoy near Dibis early on Sunday, killing four drivers.",
                7,
            )],
        );
        let (days, shown) = days_of(
            &[a, b],
            &[
                "spokesman rejected claims ambush fuel convoy Dibis carried killed four",
                "gunmen ambushed fuel convoy Dibis killing four drivers ambush",
            ],
        );
        assert_eq!(
            shown,
            [
                ("Saturday 11 March 2023".to_string(), 5),
                ("Sunday 12 March 2023".to_string(), 7)
            ]
        );
        assert!(days.disagreement);
    }

    #[test]
    fn an_announcement_is_dated_by_its_statement_not_by_a_call_on_another_day() {
        // Published Friday 17 March 2023. The first report also mentions a
        // minister's call the day before, among none of the story's words.
        let a = brief(
            d(2023, 3, 17),
            &[
                (
                    "The border crossing at Rabia will reopen to trucks in May, the two governments said Friday.",
                    3,
                ),
                (
                    "The trade minister spoke with his counterpart on Thursday, according to a readout.",
                    9,
                ),
            ],
        );
        let b = brief(
            d(2023, 3, 17),
            &[(
                "The two governments announced on Friday that the Rabia border crossing will reopen to trucks.",
                4,
            )],
        );
        // A report whose statement is named after the day.
        let c = brief(
            d(2023, 3, 17),
            &[(
                "The Rabia border crossing will reopen to trucks on Friday, the two governments said.",
                2,
            )],
        );
        let words = "governments border crossing Rabia reopen trucks";
        let (days, shown) = days_of(
            &[a, b, c],
            &[
                "border crossing Rabia reopen trucks governments trade minister counterpart readout",
                words,
                words,
            ],
        );
        assert_eq!(shown, [("Friday 17 March 2023".to_string(), 3)]);
        assert_eq!(days.versions[0].statements.len(), 3);
        assert!(!days.disagreement, "{days:?}");
    }

    #[test]
    fn a_report_whose_days_are_all_statements_takes_the_one_the_others_give() {
        // Published Friday 17 March 2023. The first report's lead says
        // Friday; a minister "said on Thursday that" the two had agreed,
        // both statements, and Thursday is the earlier.
        let a = brief(
            d(2023, 3, 17),
            &[
                (
                    "The Rabia border crossing will reopen to trucks in May, the two governments said on Friday.",
                    3,
                ),
                (
                    "The trade minister said on Thursday that the two governments had agreed to reopen the Rabia crossing.",
                    9,
                ),
            ],
        );
        let b = brief(
            d(2023, 3, 17),
            &[(
                "The two governments announced on Friday that the Rabia border crossing will reopen to trucks.",
                4,
            )],
        );
        let words = "governments border crossing Rabia reopen trucks agreed";
        let (days, shown) = days_of(&[a.clone(), b.clone()], &[words, words]);
        assert_eq!(shown, [("Friday 17 March 2023".to_string(), 3)]);
        assert!(!days.disagreement, "{days:?}");
        // Alone, it has no other report to follow: the earliest.
        let (_, shown) = days_of(&[a], &[words]);
        assert_eq!(shown, [("Thursday 16 March 2023".to_string(), 9)]);
    }

    #[test]
    fn a_later_report_of_its_own_days_reactions_is_no_disagreement() {
        // Two reports of Friday's announcement, and one of Saturday on the
        // reactions that day.
        let report = |published: Option<NaiveDate>, sentence: &str, line: usize| {
            brief(published, &[(sentence, line)])
        };
        let briefs = vec![
            report(
                d(2023, 3, 17),
                "The two governments announced on Friday that the Rabia border crossing will reopen.",
                3,
            ),
            report(
                d(2023, 3, 17),
                "The Rabia border crossing will reopen, the governments announced on Friday.",
                4,
            ),
            report(
                d(2023, 3, 18),
                "Traders on Saturday gave mixed reactions to the plan to reopen the Rabia border crossing.",
                5,
            ),
        ];
        let words = "governments Rabia border crossing reopen";
        let (days, shown) = days_of(&briefs, &[words, words, words]);
        assert_eq!(
            shown,
            [
                ("Friday 17 March 2023".to_string(), 3),
                ("Saturday 18 March 2023".to_string(), 5)
            ]
        );
        assert!(!days.disagreement, "{days:?}");
        // A report of Sunday that puts the event on the Saturday does disagree.
        let mut briefs = briefs;
        briefs[2] = report(
            d(2023, 3, 19),
            "The governments announced on Saturday that the Rabia border crossing will reopen.",
            5,
        );
        let (days, _) = days_of(&briefs, &[words, words, words]);
        assert!(days.disagreement, "{days:?}");
    }

    #[test]
    fn a_day_before_a_verb_of_speech_that_dates_itself_is_the_events() {
        // Published Wednesday 22 March 2023.
        let a = brief(
            d(2023, 3, 22),
            &[(
                "Four soldiers were hurt when a drone struck the Rabia depot on Monday night, the ministry said on Tuesday.",
                3,
            )],
        );
        // Two reports of Tuesday's condemnations, then one of the strike.
        let condemned = |line: usize| {
            brief(
                d(2023, 3, 21),
                &[(
                    "Officials on Tuesday condemned the drone strike on the Rabia depot that hurt soldiers.",
                    line,
                )],
            )
        };
        let b = brief(
            d(2023, 3, 21),
            &[(
                "A drone struck the Rabia depot late on Monday, wounding five soldiers.",
                4,
            )],
        );
        let words = "drone struck Rabia depot soldiers";
        let (days, shown) = days_of(
            &[a, condemned(5), condemned(6), b],
            &[words, words, words, words],
        );
        let monday = days
            .versions
            .iter()
            .find(|v| v.display == "Monday 20 March 2023")
            .unwrap();
        // Both date the strike: neither is only the day something was said.
        assert_eq!(
            (monday.statements.iter())
                .map(|s| (s.line, s.said))
                .collect::<Vec<_>>(),
            [(3, false), (4, false)],
            "{shown:?}"
        );
    }

    #[test]
    fn a_day_the_report_sets_as_background_is_another_events() {
        // Published Wednesday 15 March 2023: a group's halt announced on
        // Tuesday, after a drone attack on Sunday that every report recalls.
        let halt = |line: usize, background: &str| {
            brief(
                d(2023, 3, 15),
                &[
                    (
                        "The Rafidain Brigades said late on Tuesday they would halt their drone attacks on the depot.",
                        line,
                    ),
                    (background, line + 1),
                ],
            )
        };
        let words = "Rafidain Brigades halt drone attacks depot soldiers killed";
        let (_, shown) = days_of(
            &[
                halt(
                    3,
                    "The announcement came as officials vowed to answer the drone attacks on the depot that killed two soldiers on Sunday.",
                ),
                halt(
                    7,
                    "The halt follows the drone attacks on the depot, in which two soldiers were killed on Sunday.",
                ),
            ],
            &[words, words],
        );
        assert_eq!(
            shown,
            [("Tuesday 14 March 2023".to_string(), 3)],
            "the halt's day, not the attack's"
        );
        assert!(set_as_background(
            "The strikes came days after a drone attack killed three soldiers"
        ));
        assert!(!set_as_background(
            "Three soldiers were killed when a drone came down on the base"
        ));
        assert!(set_as_background(
            "The strikes were a response to the drone attack on the outpost "
        ));
        assert!(set_as_background(
            "It was the first deadly attack on allied forces since the American strikes "
        ));
        // (The report's own event, after a clause that recalls another.)
        assert!(!set_as_background(
            "Since the war began, rockets have hit the base, most recently "
        ));
        assert!(!set_as_background(
            "In retaliation for the attack, the United States struck seven sites "
        ));
    }

    #[test]
    fn a_day_that_dates_only_what_was_said_is_no_other_days_rival() {
        // Two reports of a visit on Sunday; a profile out on Monday whose
        // only day is when the plan was announced, the Friday before.
        let report = |published: Option<NaiveDate>, sentence: &str, line: usize| {
            brief(published, &[(sentence, line)])
        };
        let words = "envoy visit Rabia crossing plan";
        let mut briefs = vec![
            report(
                d(2023, 3, 19),
                "The envoy arrived in Rabia on Sunday for a visit on the crossing plan.",
                3,
            ),
            report(
                d(2023, 3, 19),
                "The envoy began a visit to Rabia on Sunday to discuss the crossing plan.",
                4,
            ),
            report(
                d(2023, 3, 20),
                "The envoy backed the Rabia crossing plan, which was announced on March 17.",
                6,
            ),
        ];
        let (days, shown) = days_of(&briefs, &[words, words, words]);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(days.versions[0].statements[0].said);
        assert!(!days.disagreement, "{days:?}");
        // A report that dates the visit itself to the Friday disagrees.
        briefs[2] = report(
            d(2023, 3, 20),
            "The envoy arrived in Rabia on March 17 for a visit on the crossing plan.",
            6,
        );
        let (days, _) = days_of(&briefs, &[words, words, words]);
        assert!(days.disagreement, "{days:?}");
    }

    #[test]
    fn reports_of_their_own_days_in_sequence_are_no_disagreement() {
        // One reaction of Sunday, then two of Tuesday (one out on Tuesday,
        // one on Wednesday): the Sunday report was out before Tuesday came.
        let report = |published: Option<NaiveDate>, sentence: &str, line: usize| {
            brief(published, &[(sentence, line)])
        };
        let briefs = vec![
            report(
                d(2023, 3, 19),
                "The militia leader said on Sunday that the Rabia crossing plan was a victory.",
                3,
            ),
            report(
                d(2023, 3, 21),
                "The cleric warned on Tuesday against delays to the Rabia crossing plan.",
                4,
            ),
            report(
                d(2023, 3, 22),
                "Factions on Tuesday weighed their response to the Rabia crossing plan.",
                5,
            ),
        ];
        let words = "Rabia crossing plan";
        let (days, shown) = days_of(&briefs, &[words, words, words]);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(!days.disagreement, "{days:?}");
        // A report of Wednesday that dates the Tuesday warning to Monday does disagree.
        let mut briefs = briefs;
        briefs[0] = report(
            d(2023, 3, 22),
            "The cleric warned on Monday against delays to the Rabia crossing plan.",
            3,
        );
        let (days, _) = days_of(&briefs, &[words, words, words]);
        assert!(days.disagreement, "{days:?}");
    }

    #[test]
    fn overnight_and_undated_weekdays_compare_as_they_can() {
        let a = brief(
            d(2023, 3, 12),
            &[("A drone hit the depot overnight, officials said.", 2)],
        );
        let b = brief(
            d(2023, 3, 12),
            &[("The depot was hit late on Saturday.", 4)],
        );
        let c = brief(None, &[("The depot was struck on Saturday.", 6)]);
        let t: Vec<Terms> = vec![terms("drone depot"), terms("depot"), terms("depot")];
        let t: Vec<&Terms> = t.iter().collect();
        let briefs = vec![a, b, c];
        let days = story_days(&briefs, &[0, 1, 2], &t);
        assert_eq!(days.versions.len(), 3);
        assert_eq!(
            days.versions[2].display,
            "a Saturday (the report is undated)"
        );
        // Overnight into Sunday 12 allows Saturday 11: no conflict anywhere.
        assert!(!days.disagreement, "{days:?}");
        let d2 = brief(None, &[("The depot was struck on Friday.", 6)]);
        let briefs = vec![briefs[1].clone(), d2];
        let days = story_days(&briefs, &[0, 1], &t);
        assert!(days.disagreement);
    }
}
