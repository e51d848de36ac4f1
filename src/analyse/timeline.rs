//! The timeline: dates the sources mention, grouped into events, and where
//! sources give different dates for the same event.
//!
//! An event is recognised from the words just before a date in its sentence
//! ("set to begin in September 2025", "completed by the end of 2026",
//! "hundreds ... by September 2025", "the second phase ... by September
//! 2026"), for sentences about a withdrawal, drawdown or exit. Other dates
//! are listed in order with what the sentence says about them. Publication
//! dates give a second axis: who said what, and when.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::brief::{Brief, DateMention, Precision};

/// A point in time as precisely as the text gives it, sortable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize, Serialize)]
pub struct When {
    /// Year, when known.
    pub year: Option<i32>,
    /// Month, when known.
    pub month: Option<u32>,
    /// Day, when known.
    pub day: Option<u32>,
    /// How precise.
    pub precision: Precision,
    /// "September 2025", "end of 2026", "September 8 (year not stated)".
    pub display: String,
}

/// A date statement by one brief.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct DateStatement {
    /// Brief index.
    pub brief: usize,
    /// Source line.
    pub line: usize,
    /// The words of the text.
    pub text: String,
    /// The sentence.
    pub context: String,
    /// What the text cannot tell.
    pub note: Option<String>,
}

/// One version of an event's date and who states it.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct EventVersion {
    /// The date.
    pub when: When,
    /// Who states it.
    pub statements: Vec<DateStatement>,
}

/// An event the sources date.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct Event {
    /// Stable key ("withdrawal-start").
    pub key: String,
    /// "Withdrawal begins".
    pub label: String,
    /// The dates given, earliest first.
    pub versions: Vec<EventVersion>,
    /// Sources give different dates.
    pub disagreement: bool,
}

/// A mentioned date in the chronological list.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct Dated {
    /// When.
    pub when: When,
    /// Who says so, and in which words.
    pub statement: DateStatement,
    /// The event it belongs to, if recognised.
    pub event: Option<String>,
    /// Index in `dated` of the first entry that quotes the same sentence (a
    /// sentence giving three dates is listed under each, quoted once).
    #[serde(default)]
    pub quoted_at: Option<usize>,
}

/// The timeline of the briefing.
#[derive(Debug, Clone, serde::Deserialize, Serialize)]
pub struct Timeline {
    /// Recognised events, in a fixed order.
    pub events: Vec<Event>,
    /// Every dated mention, chronological; undated-year ones last.
    pub dated: Vec<Dated>,
}

const EVENTS: &[(&str, &str)] = &[
    ("withdrawal-start", "Withdrawal begins"),
    ("first-phase", "First phase ends (hundreds of troops leave)"),
    ("withdrawal-end", "Withdrawal completed / mission ends"),
];

/// Which withdrawal event a date in `context` refers to, from the words before it.
fn classify(m: &DateMention) -> Option<&'static str> {
    let ctx = m.context.to_lowercase();
    let about_exit = [
        "withdraw",
        "drawdown",
        "draw down",
        "leave",
        "leaving",
        "depart",
        "exit",
        "pull out",
        "mission",
        "coalition's work",
        "presence",
    ]
    .iter()
    .any(|w| ctx.contains(w));
    // A day named relative to the article dates what happened that week, not
    // a withdrawal milestone.
    if !about_exit
        || m.year.is_none()
        || m.precision == Precision::RelativeDay
        || m.precision == Precision::Year && m.year < Some(2020)
    {
        return None;
    }
    let text = m.text.to_lowercase();
    let at = ctx.find(&text)?;
    if names_another_things_date(&ctx, at, text.len()) {
        return None;
    }
    // The clause before the date: at most 140 bytes back, and never past
    // the previous year in the sentence ("begin in September 2025 and to be
    // completed by the end of 2026": the second date's clause starts after 2025).
    let mut from = at.saturating_sub(140);
    while !ctx.is_char_boundary(from) {
        from -= 1;
    }
    let before = &ctx[from..at];
    let after_previous_year = before
        .char_indices()
        .filter(|(i, _)| {
            let b = before.as_bytes();
            b.len() >= i + 4
                && b[*i..i + 4].iter().all(u8::is_ascii_digit)
                && (b[*i] == b'1' || b[*i] == b'2')
        })
        .map(|(i, _)| i + 4)
        .next_back()
        .unwrap_or(0);
    let window = &before[after_previous_year..];
    const FIRST_PHASE: &[&str] = &[
        "first phase",
        "hundreds",
        "initial",
        "first stage",
        "phase one",
    ];
    if FIRST_PHASE.iter().any(|w| window.contains(w)) {
        return Some("first-phase");
    }
    const KINDS: &[(&str, &[&str])] = &[
        (
            "withdrawal-start",
            &["begin", "began", "start", "commenc", "initiat", "kick off"],
        ),
        (
            "withdrawal-end",
            &[
                "complet",
                "conclud",
                "end of",
                "formally end",
                "ends",
                "finish",
                "final",
                "the rest",
                "remaining",
                "second phase",
                "depart",
                "leave by",
                "withdrawal by",
                "withdraw by",
                "target date",
                // A deadline: "to end within a year, by ...", "wound up by",
                // "ending by", "leave their bases ... by".
                "to end",
                "will end",
                "would end",
                "ending",
                "wound up",
                "wind down",
                "wind up",
                "leave",
                "until",
            ],
        ),
    ];
    // Otherwise the nearest event word decides.
    KINDS
        .iter()
        .filter_map(|(kind, words)| {
            words
                .iter()
                .filter_map(|w| {
                    window
                        .rmatch_indices(w)
                        .map(|(pos, _)| pos)
                        .find(|&pos| *kind != "withdrawal-start" || begins_the_exit(window, pos))
                })
                .max()
                .map(|pos| (pos, *kind))
        })
        .max()
        .map(|(_, kind)| kind)
}

/// Is the date at `at` (of `len` bytes) in `ctx` (lower case) set before a
/// noun as that thing's date ("the 2020 parliamentary vote", "its 2014
/// campaign"): a determiner before it, a word after it, and that word no
/// milestone of the exit ("the September 2025 deadline" is one)?
fn names_another_things_date(ctx: &str, at: usize, len: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "this", "that",
    ];
    const MILESTONES: &[&str] = &[
        "deadline",
        "withdraw",
        "exit",
        "drawdown",
        "draw",
        "departure",
        "pull",
        "end",
        "target",
        "date",
        "timeline",
        "timetable",
        "handover",
        "transition",
        "phase",
        "schedule",
        "goal",
    ];
    let before = ctx[..at].split_whitespace().next_back().unwrap_or("");
    let Some(after) = ctx.get(at + len..) else {
        return false;
    };
    // The next word, when the date runs straight into it.
    let next = after
        .strip_prefix(' ')
        .and_then(|rest| rest.split_whitespace().next())
        .filter(|w| w.starts_with(|c: char| c.is_alphabetic()))
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()));
    DETERMINERS.contains(&before)
        && next.is_some_and(|w| {
            !MILESTONES.iter().any(|m| w.starts_with(m))
                && !matches!(w, "and" | "or" | "to" | "as" | "at" | "in" | "on" | "by")
        })
}

/// Does the start word at `at` in `window` (lower case) start the exit?
/// "the withdrawal will begin in", "troops began leaving", "the start of the
/// drawdown" do; "pro-Iran groups began attacking US bases after the
/// outbreak of the war in October 2023" and "began talks" start something
/// else, and the date after them is that thing's.
fn begins_the_exit(window: &str, at: usize) -> bool {
    const EXIT: &[&str] = &[
        "withdraw",
        "leav",
        "pull",
        "draw",
        "depart",
        "exit",
        "hand",
        "redeploy",
        "reduc",
        "wind",
        "mov",
        "relocat",
        "transition",
        "phase",
        "clos",
        "end",
    ];
    const TIME_OR_LINK: &[&str] = &[
        "in",
        "on",
        "by",
        "at",
        "from",
        "after",
        "before",
        "next",
        "this",
        "early",
        "late",
        "within",
        "around",
        "no",
        "as",
        "with",
        "of",
        "soon",
        "shortly",
        "immediately",
        "gradually",
        "officially",
        "formally",
        "once",
        "when",
        "until",
        "during",
        "and",
    ];
    // The rest of the word ("beginning", "started"), then the next words.
    let rest = window[at..].trim_start_matches(char::is_alphabetic);
    if rest.trim_start().starts_with([',', '.', ';', ':']) {
        return true;
    }
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let exit = |w: &str| EXIT.iter().any(|e| w.starts_with(e));
    match words.next() {
        None | Some("") => true,
        // "commencing the coalition's drawdown", "to begin the US
        // withdrawal", "begin to leave".
        Some("to" | "the" | "its" | "their" | "a") => {
            let next: Vec<&str> = words.take(3).collect();
            next.is_empty() || next.into_iter().any(exit)
        }
        Some(w) => TIME_OR_LINK.contains(&w) || exit(w) || w.bytes().all(|b| b.is_ascii_digit()),
    }
}

fn when(m: &DateMention) -> When {
    use crate::ingest::dates::MONTHS;
    let month = m
        .month
        .and_then(|mo| MONTHS.get(mo.wrapping_sub(1) as usize))
        .copied();
    let year = m.year.map(|y| y.to_string());
    let display = match (m.precision, month, year.as_deref(), m.day) {
        (Precision::Day | Precision::RelativeDay, Some(mo), Some(y), Some(d)) => {
            format!("{d} {mo} {y}")
        }
        (Precision::Day, Some(mo), None, Some(d)) => format!("{d} {mo} (year not stated)"),
        (Precision::Month, Some(mo), Some(y), _) => format!("{mo} {y}"),
        (Precision::Month, Some(mo), None, _) => format!("{mo} (year not stated)"),
        (Precision::EndOfYear, _, Some(y), _) => format!("end of {y}"),
        (Precision::EarlyYear, _, Some(y), _) => format!("early {y}"),
        (Precision::MidYear, _, Some(y), _) => format!("mid-{y}"),
        (Precision::LateYear, _, Some(y), _) => format!("late {y}"),
        (_, _, Some(y), _) => y.to_string(),
        _ => m.text.clone(),
    };
    // End of year sorts after the year's months, early before them.
    let sort_month = match m.precision {
        Precision::EndOfYear => Some(13),
        Precision::LateYear => Some(10),
        Precision::MidYear => Some(6),
        Precision::EarlyYear => Some(1),
        _ => m.month,
    };
    When {
        year: m.year,
        month: sort_month,
        day: m.day,
        precision: m.precision,
        display,
    }
}

/// Build the timeline from all briefs' date mentions.
pub fn timeline(briefs: &[Brief]) -> Timeline {
    // Sized once: grown by doubling, a third of it sat unused for the rest
    // of the build (12 MB at 10,000 articles).
    let mut dated = Vec::with_capacity(briefs.iter().map(|b| b.facts.dates.len()).sum());
    let mut events: BTreeMap<&str, BTreeMap<When, Vec<DateStatement>>> = BTreeMap::new();
    for (i, b) in briefs.iter().enumerate() {
        for m in &b.facts.dates {
            let statement = DateStatement {
                brief: i,
                line: m.line,
                text: m.text.clone(),
                context: m.context.clone(),
                note: m.note.clone(),
            };
            let w = when(m);
            let event = classify(m);
            if let Some(e) = event {
                events
                    .entry(e)
                    .or_default()
                    .entry(w.clone())
                    .or_default()
                    .push(statement.clone());
            }
            dated.push(Dated {
                when: w,
                statement,
                event: event.map(str::to_string),
                quoted_at: None,
            });
        }
    }
    dated.sort_by(|a, b| {
        a.when
            .year
            .is_none()
            .cmp(&b.when.year.is_none())
            .then_with(|| a.when.cmp(&b.when))
            .then(a.statement.brief.cmp(&b.statement.brief))
            .then(a.statement.line.cmp(&b.statement.line))
    });
    let mut first: HashMap<(usize, usize, &str), usize> = HashMap::new();
    let quoted_at: Vec<Option<usize>> = dated
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let s = &d.statement;
            let at = *first
                .entry((s.brief, s.line, s.context.as_str()))
                .or_insert(i);
            (at != i).then_some(at)
        })
        .collect();
    for (d, q) in dated.iter_mut().zip(quoted_at) {
        d.quoted_at = q;
    }
    let events = EVENTS
        .iter()
        .filter_map(|(key, label)| {
            let versions: Vec<EventVersion> = events
                .remove(key)?
                .into_iter()
                .map(|(when, mut statements)| {
                    statements.sort_by_key(|s| (s.brief, s.line));
                    statements.dedup_by_key(|s| (s.brief, s.line));
                    EventVersion { when, statements }
                })
                .collect();
            Some(Event {
                key: key.to_string(),
                label: label.to_string(),
                disagreement: versions_disagree(&versions),
                versions,
            })
        })
        .collect();
    Timeline { events, dated }
}

/// Do the versions of an event disagree: two of them that no brief gives
/// both of? A report that gives two dates for one event ("the mission ends
/// by September 2025, and advisers stay in Erbil until September 2026")
/// dates two milestones of it, and does not contradict itself; another
/// that gives only one of them does not contradict it either. Reports
/// that give "September 2025" and "the end of 2025" and never both do.
pub fn versions_disagree(versions: &[EventVersion]) -> bool {
    let briefs: Vec<std::collections::BTreeSet<usize>> = versions
        .iter()
        .map(|v| v.statements.iter().map(|s| s.brief).collect())
        .collect();
    briefs
        .iter()
        .enumerate()
        .any(|(i, a)| briefs[i + 1..].iter().any(|b| a.is_disjoint(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(context: &str, text: &str, year: i32, month: Option<u32>) -> DateMention {
        DateMention {
            text: text.to_string(),
            year: Some(year),
            month,
            day: None,
            precision: if month.is_some() {
                Precision::Month
            } else {
                Precision::Year
            },
            note: None,
            line: 1,
            context: context.to_string(),
        }
    }

    #[test]
    fn two_dates_one_report_gives_together_are_two_milestones_not_a_dispute() {
        let version = |display: &str, briefs: &[usize]| EventVersion {
            when: When {
                year: Some(2025),
                month: None,
                day: None,
                precision: Precision::Year,
                display: display.to_string(),
            },
            statements: briefs
                .iter()
                .map(|&brief| DateStatement {
                    brief,
                    line: 1,
                    text: display.to_string(),
                    context: String::new(),
                    note: None,
                })
                .collect(),
        };
        // Brief 1 gives both: the one that gives only the first and the one
        // that gives only the second do not contradict each other.
        let milestones = [
            version("September 2025", &[0, 1]),
            version("September 2026", &[1, 2]),
        ];
        assert!(!versions_disagree(&milestones));
        // Never given together: a dispute.
        let dispute = [
            version("September 2025", &[0, 1]),
            version("end of 2025", &[2]),
        ];
        assert!(versions_disagree(&dispute));
        // All three: the pair never given together is still one.
        assert!(versions_disagree(&[
            version("September 2025", &[0, 1]),
            version("September 2026", &[1, 2]),
            version("end of 2025", &[3]),
        ]));
        assert!(!versions_disagree(&[version("September 2025", &[0, 1])]));
    }

    #[test]
    fn a_start_word_dates_the_exit_only_when_it_starts_the_exit() {
        let start = Some("withdrawal-start");
        for (context, text, year, month, event) in [
            (
                "The withdrawal of the advisers will begin in March 2025, the ministry said.",
                "March 2025",
                2025,
                Some(3),
                start,
            ),
            (
                "Talks centred on commencing the coalition's drawdown in March 2025.",
                "March 2025",
                2025,
                Some(3),
                start,
            ),
            (
                "Troops began leaving the airbase in January 2025 as the mission wound down.",
                "January 2025",
                2025,
                Some(1),
                start,
            ),
            // The date of what the groups began, not of the exit.
            (
                "Baghdad has long sought a timeline for the withdrawal of foreign forces, since armed groups began attacking their bases after the outbreak of the war in October 2023.",
                "October 2023",
                2023,
                Some(10),
                None,
            ),
            (
                "The two sides began talks on the withdrawal of the advisers in August 2024.",
                "August 2024",
                2024,
                Some(8),
                None,
            ),
        ] {
            assert_eq!(
                classify(&mention(context, text, year, month)),
                event,
                "{context}"
            );
        }
    }

    #[test]
    fn a_date_set_before_another_noun_is_that_things_date() {
        let end = Some("withdrawal-end");
        for (context, text, year, month, event) in [
            (
                "He said the deal to end the coalition's mission vindicated the 2021 parliamentary vote calling for the departure of foreign troops.",
                "2021",
                2021,
                None,
                None,
            ),
            (
                "Advisers will leave Baghdad before the September 2025 deadline, officials said.",
                "September 2025",
                2025,
                Some(9),
                end,
            ),
            (
                "The coalition's mission will end by the end of 2025 in federal Iraq.",
                "2025",
                2025,
                None,
                end,
            ),
        ] {
            assert_eq!(
                classify(&mention(context, text, year, month)),
                event,
                "{context}"
            );
        }
    }
}
