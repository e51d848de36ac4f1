//! What the top of a news page says about the article: the masthead (the
//! publisher's name above everything), bylines, credits, the dateline that
//! opens the first paragraph, and which line is the headline.
//!
//! Each is read from how news pages are built, not from any outlet's
//! strings: a masthead is a short proper name at the very top that the page
//! confirms (an outlet word such as "Times" or "News", or the name again in a
//! credit, a dateline or the copyright line); a byline starts with "By"; a
//! dateline is a place in capitals, maybe a date and a credit in
//! parentheses, then a dash. News agencies (the gazetteer's wire services)
//! are credits of a reprinted story, never the page's outlet.

use std::sync::OnceLock;

use regex::Regex;

use super::chrome::relative_time;
use super::dates::{DateStyle, PublishedDate, parse_date_line};
use super::entities::{is_known_organisation, is_wire, known_outlet};
use super::lexicon::lexicon;
use super::lines::{Line, Shape};

/// Words that outlet names are made of ("The Karkh Times", "Gulf Morning
/// Post", "NewsPulse"): a short proper name with one of them is a publisher.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "daily",
    "weekly",
    "monthly",
    "review",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "dispatch",
    "courier",
    "ledger",
    "digest",
    "monitor",
    "observer",
    "express",
    "chronicle",
    "telegraph",
    "mail",
    "star",
    "sun",
    "globe",
    "standard",
    "guardian",
    "independent",
    "press",
    "agency",
    "wire",
    "report",
    "insider",
    "bulletin",
    "voice",
    "tv",
    "radio",
    "network",
    "media",
    "magazine",
    "online",
    "today",
    "eye",
    "desk",
    "notes",
    "blog",
    "brief",
    "briefing",
    "pulse",
    "compass",
    "sentinel",
    "beacon",
    "inquirer",
    "examiner",
    "nation",
    "mirror",
    "record",
    "register",
    "channel",
    "broadcasting",
    "affairs",
    "watch",
    "focus",
    "24",
    "english",
    "arabic",
    "international",
];

/// Think tanks publish analysis under their own name: these words make a
/// name an outlet's too, and mark the institution under a report series'
/// name ([`publisher_of_series`]).
const INSTITUTION_WORDS: &[&str] = &[
    "institute",
    "institution",
    "council",
    "center",
    "centre",
    "foundation",
    "forum",
];

/// Small words a multi-word proper name may contain in lower case.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "&", "for", "al", "el", "de", "la", "on", "in", "du", "des",
];

/// Words that name people who are not persons: desk and staff credits.
const DESK_WORDS: &[&str] = &[
    "staff",
    "desk",
    "team",
    "editor",
    "editors",
    "editorial",
    "newsroom",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "agencies",
    "bureau",
    "writer",
    "writers",
    "web",
    "online",
    "admin",
    "administrator",
    "news",
    "service",
];

/// What a byline says: who wrote the article, for whom, when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    /// Bylined persons (not desk credits such as "Staff Writer").
    pub authors: Vec<String>,
    /// An outlet the byline names ("By Jane Roe | The Evening Courier").
    pub outlet: Option<String>,
    /// News agencies it credits ("By Staff Writer | Reuters").
    pub credits: Vec<String>,
    /// A date it carries ("By Jane Roe | 16 April 2024").
    pub date: Option<PublishedDate>,
    /// A speaker line of a transcript or a statement: "Jane Roe, Department
    /// Spokesperson" (the person and the role).
    pub speaker: Option<(String, String)>,
}

/// Read a byline: "By Jane Roe and John Doe", "Posted by Frontline Desk",
/// "By Staff Writer | Reuters", "By Noor Saleh | 16 April 2024 | 00:40",
/// "Posted by admin on 22 July 2025". `marked` lines (an HTML element whose
/// class says byline, author or date) need not start with "By": "Reem
/// Haddad, Baghdad", "Layla Hadi 16 January 2024". A line that is a
/// person's name and a role ("Jane Roe, Department Spokesperson") is a
/// speaker line.
pub fn byline(line: &str, style: DateStyle, marked: bool) -> Option<Byline> {
    // (French "Par", Spanish and Portuguese "Por", Dutch "Door": the
    // English editions of other languages' outlets keep their word for "By".)
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:by|par|por|door|hosted by|written by|words by|story by|posted by|reported by|report by|text by|interview by|interviewed by|(?:an?\s+)?(?:analysis|commentary|column|essay|opinion|op-ed|review|feature|guest essay|guest post|explainer|blog post|article) by|blog posted by)\s*:?|(?:authors?|reporters?|writer|correspondent|byline)\s*:)\s+(\S.*)$",
        )
        .unwrap()
    });
    // " | By Jane Roe": the separator after a date printed on the line above.
    let t = line.trim().trim_start_matches(['|', '·', '•']).trim_start();
    // "ByJane Roe": a scraper dropped the space after "By".
    let spaced;
    let t = match t.strip_prefix("By") {
        Some(rest)
            if rest.starts_with(|c: char| c.is_uppercase())
                && rest.chars().nth(1).is_some_and(char::is_lowercase) =>
        {
            spaced = format!("By {rest}");
            spaced.as_str()
        }
        _ => t,
    };
    // "JANUARY 25, 2024 | By Noah Brandt", "Mosul | Jan 26, 2024 | By Ali
    // Hassan": the date (and the place) first, the byline's field last.
    let reordered;
    let t = match t.split_once('|') {
        Some((head, tail))
            if !re.is_match(t)
                && re.is_match(tail.trim())
                && parse_date_line(head.trim(), style, 0).is_some() =>
        {
            reordered = format!("{} | {}", tail.trim(), head.trim());
            reordered.as_str()
        }
        Some((head, tail))
            if !re.is_match(t)
                && super::people::is_place(head.trim())
                && let Some((date, by)) = tail.split_once('|')
                && re.is_match(by.trim())
                && parse_date_line(date.trim(), style, 0).is_some() =>
        {
            reordered = format!("{} | {}", by.trim(), date.trim());
            reordered.as_str()
        }
        _ => t,
    };
    // "OLJ / By Jane Roe, 28 September 2024", "AFP | By Jane Roe": the
    // outlet's short name before the byline; an outlet the gazetteer knows
    // is read as a later field (an agency is a credit), any other dropped.
    let labelled;
    let t = match t.split_once(" / ").or_else(|| t.split_once(" | ")) {
        Some((head, tail))
            if !re.is_match(t) && re.is_match(tail.trim()) && is_short_label(head.trim()) =>
        {
            labelled = match known_outlet(head.trim()) {
                Some(_) => format!("{} | {}", tail.trim(), head.trim()),
                None => tail.trim().to_string(),
            };
            labelled.as_str()
        }
        _ => t,
    };
    let rest = match re.captures(t) {
        Some(c) => c.get(1)?.as_str(),
        None if marked => t,
        // "NADIA FAROUK IN BAGHDAD": a site that sets its bylines in
        // capitals (CSS text-transform, which a copy of the page keeps).
        None => return speaker_line(t).or_else(|| speaker_line(&in_name_case(t)?)),
    };
    let rest = without_appositive(rest);
    // "newsdesk@example.com (Jane Roe)": a feed's author field, the address
    // with the name in brackets.
    let rest = match rest.split_once(" (") {
        Some((address, name)) if address.contains('@') && !address.contains(' ') => {
            name.trim_end().trim_end_matches(')')
        }
        _ => rest,
    };
    // "JANE ROE/REUTERS", "Jane Roe and Ali Hassan/AFP": the agency that
    // carried the story after a slash, read as a later field (a credit).
    let slashed;
    let rest = match rest.rsplit_once('/') {
        Some((names, agency))
            if !names.trim().is_empty()
                && !names.contains(['|', '/', '@'])
                && known_outlet(agency.trim()).is_some() =>
        {
            slashed = format!("{} | {}", names.trim(), agency.trim());
            slashed.as_str()
        }
        _ => rest,
    };
    if rest.split_whitespace().count() > 16
        || rest.ends_with('.') && rest.split_whitespace().count() > 6
    {
        return None;
    }
    let mut b = Byline::default();
    for (i, field) in rest.split(['|', '·', '•']).map(str::trim).enumerate() {
        if field.is_empty() {
            continue;
        }
        // "admin on 22 July 2025", "Layla Hadi 16 January 2024", "Layla Hadi
        // - 01/16/24": a date at the end. Looked for before a date field,
        // which would read the name before the dash as a place.
        let field = match trailing_date(field, style) {
            Some((names, d)) if !names.is_empty() => {
                b.date.get_or_insert(d);
                names
            }
            _ => {
                if let Some(d) = parse_date_line(field, style, 0) {
                    b.date.get_or_insert(d);
                    continue;
                }
                field
            }
        };
        // The names come first; a later field is an outlet, a credit or a place.
        let pieces: Vec<&str> = if i == 0 {
            // "Jane Roe; Ali Hassan": a database export's byline field.
            field
                .split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" AND "))
                .flat_map(|p| p.split(" & "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect()
        } else {
            vec![field]
        };
        for (j, piece) in pieces.iter().enumerate() {
            read_piece(piece, (i, j), &mut b);
        }
    }
    // "Hosted by Defense Media Activity - WEB.mil": a footer's credit to the
    // body that runs the site; a podcast's host is a person.
    let hosting = t
        .get(..9)
        .is_some_and(|l| l.eq_ignore_ascii_case("hosted by"));
    if hosting && b.authors.is_empty() {
        return None;
    }
    Some(b)
}

/// "OLJ", "Al-Rasheed Iraq": one to three capitalised words, no digits; a
/// name a site prints before its bylines, or a section's label over or
/// under a headline ("Analysis", "World News").
pub(super) fn is_short_label(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && text.len() <= 30
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && !w.contains(|c: char| c.is_ascii_digit())
        })
}

/// "Senior Fellow", "Defense Reporter": every word ordinary English and
/// none a given name.
fn is_role_words(text: &str) -> bool {
    !super::people::has_given_name(text) && text.split_whitespace().all(is_common_word)
}

/// Is a word of a name ("Senior", "Roe.") a common English word?
pub fn is_common_word(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    lexicon().is_common(&core.to_lowercase())
}

/// One piece of a byline's field `i` (the `j`th of its names): an author,
/// an outlet or an agency's credit, read into `b`.
fn read_piece(piece: &str, (i, j): (usize, usize), b: &mut Byline) {
    let piece = piece.trim_start_matches(['-', '–', '—']).trim();
    // "Interviewed by Jane Roe.": a sentence's stop after the last name
    // (an initial's "J." and "Jr." keep theirs).
    let piece = match piece.strip_suffix('.') {
        Some(p)
            if p.rsplit(' ').next().is_some_and(|w| {
                w.chars().count() > 2 && !matches!(w, "Jr" | "Sr" | "Inc" | "Ltd" | "Corp")
            }) =>
        {
            p
        }
        _ => piece,
    };
    // "Jane Roe Follow": the follow button printed after the name.
    let piece = piece.strip_suffix(" Follow").unwrap_or(piece).trim_end();
    // "By Harbour News with AP": the agencies that helped the desk;
    // the desk is the outlet unless it is a person ("Jane Roe with AFP").
    let piece = match (split_at_with(piece), credit_line(piece)) {
        (Some((desk, _)), Some(agencies)) => {
            for a in &agencies {
                read_credit(a, b);
            }
            if !is_plausible_person_name(desk) {
                read_credit(desk, b);
                return;
            }
            desk
        }
        _ => piece,
    };
    // "JANE ROE FOR DAILYMAIL.COM", "Jane Roe for The Harbour Times": the
    // publication the author wrote for, after the name.
    let piece = without_written_for(piece);
    let piece = without_filing_place(piece).trim();
    let piece = without_job_before(piece);
    // "Jane Roe Kirkuk Bureau": the job after the name, no comma between.
    let job_after = name_before_job(piece);
    let piece = job_after.as_deref().unwrap_or(piece);
    // "Staff Reporter - Gulf Dispatch": no one signs; the publication does.
    if let Some(outlet) = generic_credit_of(piece) {
        if let Some(o) = outlet {
            read_credit(&o, b);
        }
        return;
    }
    // "Wendy Roe - The Harbour Record": the name, a dash, the publication.
    let piece = match piece.split_once(" - ").or_else(|| piece.split_once(" – ")) {
        Some((name, publication))
            if is_person_name(name.trim())
                && (known_outlet(publication.trim()).is_some()
                    || has_outlet_word(publication.trim())
                        && is_proper_name(publication.trim())) =>
        {
            read_credit(publication.trim(), b);
            name.trim()
        }
        _ => piece,
    };
    // "ALI KHALAF Associated Press": the agency after the name.
    let (piece, agency) = split_trailing_outlet(piece);
    if let Some(a) = agency {
        read_credit(a, b);
    }
    if piece.is_empty() {
        return;
    }
    if is_wire(piece) || known_outlet(piece).is_some() || has_outlet_word(piece) && !is_desk(piece)
    {
        read_credit(piece, b);
    } else if let Some(outlet) = desk_of_outlet(piece) {
        read_credit(&outlet, b);
    } else if i == 0 && (j == 0 || !is_place_after_name(piece)) {
        // "Dr. Jane Roe": the title is not the name.
        let (untitled, _) = without_title(piece);
        let name = if set_in_capitals(&untitled) {
            name_case(&untitled)
        } else {
            untitled
        };
        // "By Jane Roe, Senior Fellow": after the first name, words
        // of ordinary English are the author's role, not a second author.
        if is_person_name(&name) && (j == 0 || !is_role_words(&name)) {
            b.authors.push(name);
        }
    }
}

/// "Middle East correspondent Allyson Horn", "political reporter Jane
/// Roe": the job title before the name (in lower case: a title in capitals
/// before a name is a rank or an office, read elsewhere).
fn without_job_before(piece: &str) -> &str {
    // The job ends at the first space after a lower-case journalist's word.
    let found = piece.match_indices(' ').find_map(|(end, _)| {
        let last = piece[..end].rsplit(' ').next()?;
        (JOURNALIST_ROLES.contains(&last) && is_journalist_role(&piece[..end])).then_some(end)
    });
    match found {
        Some(end) if is_person_name(piece[end..].trim()) => piece[end..].trim(),
        _ => piece,
    }
}

/// A wire agency is a credit, another outlet the byline's outlet.
pub fn read_credit(name: &str, b: &mut Byline) {
    if is_wire(name) {
        let canonical = known_outlet(name).map_or(name, |(n, _)| n).to_string();
        if !b.credits.contains(&canonical) {
            b.credits.push(canonical);
        }
    } else {
        b.outlet.get_or_insert_with(|| name.to_string());
    }
}

/// A person's name with nothing to say otherwise: a person's name's shape,
/// and a known given name or no common English word ("Sangar Ali", not
/// "National Security").
pub fn is_plausible_person_name(text: &str) -> bool {
    is_person_name(text)
        && (super::people::has_given_name(text) || !text.split_whitespace().any(is_common_word))
}

/// "JANE ROE, HOST: Good morning.": a broadcast transcript's speaker label,
/// the name in capitals at the start of what they say (after the time
/// stamp of a podcast's transcript: "[00:01:12] JANE ROE: ...", or before a
/// legislator's party and state: "SEN. JANE ROE (D-VT): ..."). Returns the name
/// (in name case) and the role, if the label gives one ("BYLINE", a radio
/// transcript's word for its reporter, is "correspondent").
pub fn transcript_speaker(line: &str) -> Option<(String, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?(?P<name>\p{Lu}[\p{Lu}'’.\-]+(?:\s+\p{Lu}[\p{Lu}'’.\-]+){1,9})(?:\s*\((?:[RDI]|Rep|Dem|Ind|Lab|Con|LD|SNP)\.?(?:-\s?\p{Lu}[\p{L}.]{1,5}(?:\s?\p{Lu}\.)?)?\))?(?:,\s*(?P<role>\p{Lu}[\p{Lu}\s.'’-]{1,40}?))?:(?:\s+\S|\s*$)")
            .unwrap()
    });
    let c = re.captures(line)?;
    let label = name_case(&c["name"]);
    // "PENTAGON PRESS SECRETARY AIR FORCE MAJOR GENERAL PAT RYDER:": the
    // role before the name, in the same capitals.
    // "PRESS SECRETARY PAT RYDER:": a role in words before a short name.
    let role_first = || {
        role_and_name(&label)
            .filter(|(name, role)| !role.is_empty() && name.split_whitespace().count() >= 2)
            .map(|(name, role)| (name, role.to_lowercase()))
    };
    let (name, title) = if label.split_whitespace().count() <= 4 {
        let (name, title) = without_title(&label);
        match role_first() {
            Some(split) if name == label => split,
            _ => (name, title),
        }
    } else {
        let (name, role) = role_and_name(&label)?;
        (name, role.to_lowercase())
    };
    // "LENA PARK, BYLINE:": a role after the name says a person speaks,
    // whatever the surname means as a word.
    let labelled = c.name("role").is_some_and(|r| {
        let r = r.as_str().trim().to_lowercase();
        // A broadcast's words for who speaks, beside the byline's.
        #[rustfmt::skip]
        const ON_AIR: &[&str] = &[
            "byline", "host", "co-host", "anchor", "presenter", "guest", "moderator",
            "interviewer",
        ];
        r.split_whitespace().any(|w| {
            ON_AIR.contains(&w) || JOURNALIST_ROLES.contains(&w) || super::people::is_role_word(w)
        })
    });
    if !(is_plausible_person_name(&name) || labelled && is_person_name(&name)) {
        return None;
    }
    let role = match c.name("role").map(|r| r.as_str().trim().to_lowercase()) {
        Some(r) if r == "byline" => "correspondent".to_string(),
        Some(r) => r,
        None => title,
    };
    Some((name, role))
}

/// "Sen. Jane Roe" -> ("Jane Roe", "senator"): a speaker's label without
/// the title before the name, and the title as a role ("Mr." and "Dr." are
/// no role).
pub(super) fn without_title(label: &str) -> (String, String) {
    // "Staff Sgt.", "Petty Officer 2nd Class", "Senior Airman": a military
    // rank of several words, some without a stop (a military outlet's
    // bylines all have one). Words that only qualify a rank ("Senior",
    // "Staff") are a rank's only beside one ("Senior Fellow" is no rank).
    const QUALIFIERS: &[&str] = &[
        "Staff",
        "Master",
        "Senior",
        "Chief",
        "First",
        "Command",
        "Gunnery",
        "Lance",
        "Tech.",
        "Petty",
        "Warrant",
        "Mass",
        "Communication",
        "1st",
        "2nd",
        "3rd",
        "Class",
    ];
    const RANKS: &[&str] = &[
        "Airman",
        "Seaman",
        "Specialist",
        "Sergeant",
        "Officer",
        "Corporal",
        "Private",
    ];
    let words: Vec<&str> = label.split_whitespace().collect();
    let stopped_title = |w: &str| {
        w.ends_with('.')
            && (super::people::is_role_word(w) || super::people::title_in_full(w).is_some())
    };
    let run = words
        .iter()
        .take_while(|w| stopped_title(w) || QUALIFIERS.contains(w) || RANKS.contains(w))
        .count();
    let titled = if words[..run]
        .iter()
        .any(|w| stopped_title(w) || RANKS.contains(w))
    {
        run
    } else {
        0
    };
    // "GEN. RYDER:": a rank before a surname alone is read as the surname
    // (the briefer named in full above, not a person "Gen. Ryder"); other
    // titles need a full name after them.
    let ranked_surname = words.len() == titled + 1
        && words[..titled]
            .iter()
            .all(|w| super::people::title_in_full(w).is_some());
    if titled == 0 || words.len() - titled < 2 && !ranked_surname {
        return (label.to_string(), String::new());
    }
    let role: Vec<&str> = words[..titled]
        .iter()
        .filter_map(|w| super::people::title_in_full(w))
        .collect();
    (words[titled..].join(" "), role.join(" ").to_lowercase())
}

/// "Newsdesk Daily is committed to challenging conventional wisdom ...":
/// a publication's note on itself, printed inside its articles.
pub fn outlet_notice(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?P<name>(?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})\s+(?:is|remains)\s+(?:committed|dedicated)\s+to\b.{0,250}$").unwrap()
    });
    re.captures(line.trim()).is_some_and(|c| {
        let name = &c["name"];
        has_outlet_word(name) || known_outlet(name).is_some() || is_news_compound(name)
    })
}

/// "Newsworld", "Arabnews": one word made with "news", a publication's
/// name (not "Newsroom", a section).
fn is_news_compound(name: &str) -> bool {
    let lower = name.to_lowercase();
    !name.contains(' ')
        && lower.len() >= 7
        && (lower.starts_with("news") || lower.ends_with("news"))
        && !["newsroom", "newsletter", "newsletters"].contains(&lower.as_str())
}

/// "Hamid Rasheed, Associate Professor of International Relations,
/// University of the Gulf": a person's name, then a post (a role or an
/// institution), nothing that reads as a sentence. Returns the name.
pub fn name_and_post(line: &str) -> Option<String> {
    let (name, post) = line.trim().split_once(", ")?;
    let words: Vec<&str> = post.split_whitespace().collect();
    let post_like = words.len() <= 16
        && !post.ends_with(['.', '?', '!'])
        && words.iter().any(|w| {
            super::people::is_role_word(w)
                || INSTITUTION_WORDS.contains(&w.trim_matches(',').to_lowercase().as_str())
        })
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_lowercase))
            .all(|w| CONNECTORS.contains(w));
    (post_like && is_plausible_person_name(name)).then(|| name.to_string())
}

/// "Pentagon Press Secretary Air Force Maj. Gen. Pat Ryder": a role, then
/// a person's name (a known given name and a surname, or a third name),
/// every word capitalised, nothing after. Returns the name and the role.
pub fn role_and_name(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(3..=12).contains(&words.len())
        || t.ends_with(['.', ':', '?', '!', ','])
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    [3, 2].into_iter().find_map(|n| {
        let (role, name) = words.split_at(words.len().checked_sub(n).filter(|&r| r > 0)?);
        let name = name.join(" ");
        (super::people::has_given_name(name.split_whitespace().next()?)
            && is_plausible_person_name(&name)
            && role.iter().any(|w| super::people::is_role_word(w)))
        .then(|| (name, role.join(" ")))
    })
}

/// "Jane Roe, Department Spokesperson": a name and a role, nothing else.
/// Also "Baghdad: Jane Roe", the city and author of pan-Arab dailies.
/// "Jack Detsch, a Pentagon and national security reporter at Foreign
/// Affairs Daily.": the names, without the appositive that says what the
/// author does.
fn without_appositive(rest: &str) -> &str {
    // A job the byline's own reading knows, or one a think tank gives.
    let is_job =
        |w: &str| JOURNALIST_ROLES.contains(&w) || ["analyst", "journalist", "fellow"].contains(&w);
    for article in [", a ", ", an ", ", the "] {
        if let Some(at) = rest.find(article) {
            let tail = &rest[at + article.len()..];
            let words = tail.split_whitespace().count();
            let job = tail.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
                is_job(w.trim_end_matches('s'))
            });
            if job && words <= 16 {
                return rest[..at].trim_end();
            }
        }
    }
    rest
}

/// "Andrew Englund in Dubai and Felicia Schwartz in Washington": every
/// piece a person's name, "in", a known place. Returns the names.
fn names_in_places(t: &str) -> Option<Vec<String>> {
    if t.ends_with(['.', '!', '?']) || t.split_whitespace().count() > 20 {
        return None;
    }
    let pieces: Vec<&str> = t.split(", ").flat_map(|p| p.split(" and ")).collect();
    pieces
        .iter()
        .enumerate()
        // "Farah Aziz in Baghdad, Iraq": the country after the city.
        .filter(|(i, piece)| {
            !(*i > 0 && pieces[i - 1].contains(" in ") && super::people::is_place(piece.trim()))
        })
        .map(|(_, piece)| {
            let (name, place) = piece.trim().split_once(" in ")?;
            // "Sudani Meets Austin in Washington": a headline of a list of
            // links, a verb among its capitals; a name of common words
            // ("Mark Rich") begins with its given name.
            let given_first = name
                .split_whitespace()
                .next()
                .is_some_and(super::people::has_given_name);
            let plain = given_first || !name.split_whitespace().any(is_common_word);
            (is_person_name(name) && plain && super::people::is_place(place.trim()))
                .then(|| name.trim().to_string())
        })
        .collect()
}

fn speaker_line(t: &str) -> Option<Byline> {
    if let Some(b) = dated_name_line(t).or_else(|| name_and_desk(t)) {
        return Some(b);
    }
    // "Jane Roe in Dubai and John Doe in Washington": the authors, each
    // with the place they filed from.
    if let Some(authors) = names_in_places(t) {
        return Some(Byline {
            authors,
            ..Byline::default()
        });
    }
    // "Geoff Bennett:": a transcript's speaker over what they say.
    if let Some(name) = t.strip_suffix(':')
        && name.split_whitespace().count() <= 4
        && is_plausible_person_name(name)
    {
        return Some(Byline {
            speaker: Some((name.to_string(), String::new())),
            ..Byline::default()
        });
    }
    // "Baghdad - Jane Roe": the city and author, with a dash.
    for sep in [" - ", " – ", " — "] {
        if let Some((place, name)) = t.split_once(sep)
            && super::people::is_place(place)
            && is_person_name(name)
            && !name.contains(sep)
        {
            return Some(Byline {
                authors: vec![name.trim().to_string()],
                ..Byline::default()
            });
        }
    }
    let lex = lexicon();
    if let Some((place, name)) = t.split_once(": ")
        && place.split_whitespace().count() <= 2
        && place.starts_with(char::is_uppercase)
        // A place, not a label ("Tags: ...", "Source: ...").
        && !place
            .split_whitespace()
            .any(|w| lex.is_common(w))
        && is_person_name(name)
    {
        return Some(Byline {
            authors: vec![name.to_string()],
            ..Byline::default()
        });
    }
    let (name, role) = t.split_once(", ")?;
    // "Jane Roe, Baghdad": the author and the city filed from, as Gulf
    // dailies print them under the headline.
    if super::people::is_place(role.trim()) && is_plausible_person_name(name) {
        return Some(Byline {
            authors: vec![name.to_string()],
            ..Byline::default()
        });
    }
    let role_words = role.split_whitespace().count();
    // "Drone Strike Hits Convoy, Says Police Colonel": a headline in title
    // case, the speaker after its verb, not a name and its role.
    let said = role.split_whitespace().next().is_some_and(|w| {
        ["says", "said", "tells", "warns", "claims"].contains(&w.to_lowercase().as_str())
    });
    if !(1..=6).contains(&role_words)
        || t.ends_with('.')
        || said
        || !is_plausible_person_name(name)
        || !role.split_whitespace().any(super::people::is_role_word)
    {
        return None;
    }
    Some(Byline {
        speaker: Some((name.to_string(), role.to_string())),
        ..Byline::default()
    })
}

/// "Jane Roe | 27.01.2024 - Update : 28.01.2024": a person's name, then a
/// field that starts with a date (the first is the publication's).
fn dated_name_line(t: &str) -> Option<Byline> {
    let (name, rest) = t.split_once('|')?;
    let name = name.trim();
    if !is_person_name(name) || t.split_whitespace().count() > 16 {
        return None;
    }
    let field = rest.split('|').next()?.trim();
    let first = field
        .split([' ', '-', '–', '—'])
        .find(|w| !w.is_empty())
        .unwrap_or(field);
    let date = [field, field.split(" - ").next().unwrap_or(field), first]
        .iter()
        .find_map(|f| parse_date_line(f, DateStyle::default(), 0))?;
    Some(Byline {
        authors: vec![name.to_string()],
        date: Some(date),
        ..Byline::default()
    })
}

/// Words that end a journalist's job title ("Middle East correspondent").
const JOURNALIST_ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "writer",
    "producer",
    "chief",
    "contributor",
    "bureau",
];

/// Is `text` a journalist's job title: a few words ending in one of
/// [`JOURNALIST_ROLES`] ("Senior Middle East correspondent, Baghdad")?
pub fn is_journalist_role(text: &str) -> bool {
    let head = text.split(',').next().unwrap_or(text);
    let words: Vec<&str> = head.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && !text.ends_with('.')
        && text.split_whitespace().count() <= 8
        && words.last().is_some_and(|w| {
            JOURNALIST_ROLES.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
}

/// "Jane Roe Middle East correspondent": a name and the job title after it,
/// no comma between.
fn name_and_desk(t: &str) -> Option<Byline> {
    name_before_job(t).map(|name| Byline {
        authors: vec![name],
        ..Byline::default()
    })
}

/// "Jane Roe Middle East correspondent" -> "Jane Roe": the name before a
/// job title that follows it without a comma.
fn name_before_job(t: &str) -> Option<String> {
    // Asked of every short line: the job title's last word first.
    let last = t.split(',').next()?.split_whitespace().next_back()?;
    if !JOURNALIST_ROLES.contains(&last.to_lowercase().as_str()) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).filter(|&k| k < words.len()).find_map(|k| {
        let (name, role) = (words[..k].join(" "), words[k..].join(" "));
        // The role starts where the capitalised name ends; a region
        // ("Middle East correspondent") is not a name.
        const REGION_WORDS: &[&str] = &[
            "north", "south", "east", "west", "middle", "central", "gulf",
        ];
        let name_ends = words[k - 1].starts_with(char::is_uppercase)
            && !super::people::is_place(&name)
            && !words[..k]
                .iter()
                .any(|w| REGION_WORDS.contains(&w.to_lowercase().as_str()));
        (name_ends
            && is_plausible_person_name(&name)
            && !is_desk(&name)
            && is_journalist_role(&role))
        .then_some(name)
    })
}

/// A field that ends with a date: the words before it and the date.
/// "Layla Hadi 16 January 2024": a byline's names with its date after them,
/// no label or separator between.
pub fn names_then_date(line: &str, style: DateStyle) -> Option<(&str, PublishedDate)> {
    trailing_date(line.trim(), style).filter(|(names, _)| !names.is_empty())
}

/// A blog post's categories as [`trailing_date`]'s pattern found them
/// ("Politics, Security"): at most six, each at most 31 characters.
fn is_category_list(list: &str) -> bool {
    let names: Vec<&str> = list.split(',').map(str::trim_start).collect();
    names.len() <= 6 && names.iter().all(|n| n.chars().count() <= 31)
}

fn trailing_date(field: &str, style: DateStyle) -> Option<(&str, PublishedDate)> {
    // "Editor on Sep 11, 2024 in Politics, Security": a blog post's
    // categories after its date.
    // At most six categories of at most 31 characters, counted in
    // `is_category_list`: counted in the pattern they were 54,000
    // automaton states, a fifth of the regular expressions ingest compiles.
    static CATEGORIES: OnceLock<Regex> = OnceLock::new();
    let categories = CATEGORIES.get_or_init(|| {
        Regex::new(r"^(.*?\d{4})\s+in\s+(\p{Lu}[\p{L}&' ]*(?:,\s*\p{Lu}[\p{L}&' ]*)*)$").unwrap()
    });
    let field = categories
        .captures(field)
        .filter(|c| c.get(2).is_some_and(|list| is_category_list(list.as_str())))
        .and_then(|c| c.get(1))
        .map_or(field, |m| m.as_str());
    let starts: Vec<usize> = field
        .char_indices()
        .filter(|&(i, c)| i > 0 && c.is_whitespace())
        .map(|(i, _)| i)
        .collect();
    for at in starts {
        let (names, tail) = field.split_at(at);
        // "Jane Roe - 01/25/24 4:12 PM ET": a dash may stand before it.
        let tail = tail
            .trim()
            .trim_start_matches(['-', '–', '—'])
            .trim()
            .trim_start_matches("on ")
            .trim();
        // "Rania Haddad, 28 September 2024": a surname before a comma is
        // not a dateline's place ("Haddad, 28 September" read as one left
        // "Rania", a given name alone).
        let first = tail.split_whitespace().next().unwrap_or("");
        if first.ends_with(',') && !super::dates::is_calendar_word(first.trim_end_matches(',')) {
            continue;
        }
        // Not "Rashid - 03/08/24": a name before a dash is not a place.
        let dash_next = tail
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| matches!(w, "-" | "–" | "—"));
        // ("Euronewz with AP Published on ...": the agency the desk
        // credits is no part of the date.)
        let credits_agency = names.ends_with(" with") || names.ends_with(" WITH");
        // "Jane Roe - Harbour Times - 27 September 2024": the publication
        // between dashes is no label of the date; the date starts later.
        let field_before = tail
            .split_once(" - ")
            .or_else(|| tail.split_once(" – "))
            .is_some_and(|(head, _)| parse_date_line(head, style, 0).is_none());
        if tail.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            && !dash_next
            && !credits_agency
            && !field_before
            && let Some(d) = parse_date_line(tail, style, 0)
        {
            let names = names.trim().trim_end_matches(['-', '–']).trim();
            let names = names.trim_end_matches(" on").trim();
            return Some((names, d));
        }
    }
    None
}

/// "ALI KHALAF Associated Press" -> ("ALI KHALAF", Some("Associated Press")).
fn split_trailing_outlet(piece: &str) -> (&str, Option<&str>) {
    let starts: Vec<usize> = piece
        .char_indices()
        .filter(|&(i, c)| i > 0 && c.is_whitespace())
        // After the space, however many bytes it takes (a no-break space two).
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    for at in starts {
        let tail = &piece[at..];
        if tail.split_whitespace().count() <= 4 && known_outlet(tail).is_some() {
            return (piece[..at].trim(), Some(tail));
        }
    }
    (piece, None)
}

/// "Nadia Farouk in Baghdad", "Nadia Farouk - Kirkuk", "Nadia Farouk /
/// Erbil" -> "Nadia Farouk": a reporter's name without the place they
/// filed from (a place the data knows).
pub(super) fn without_filing_place(text: &str) -> &str {
    // (Asked of most lines near a date: the dashes are looked for only
    // where the line has one.)
    let after_dash = || {
        text.contains(['-', '–', '/'])
            .then(|| {
                text.rsplit_once(" - ")
                    .or_else(|| text.rsplit_once(" – "))
                    .or_else(|| text.rsplit_once(" / "))
            })
            .flatten()
    };
    match text.rsplit_once(" in ").or_else(after_dash) {
        Some((name, place)) if super::people::is_place(place.trim()) => name,
        _ => text,
    }
}

/// "Jane Roe for MailOnline" -> "Jane Roe": a name, then "for" and the
/// publication (a known outlet, a web address, a publisher's name or one
/// word in capitals).
fn without_written_for(piece: &str) -> &str {
    let lower = piece.to_ascii_lowercase();
    let Some(at) = lower.rfind(" for ") else {
        return piece;
    };
    let (name, publication) = (piece[..at].trim(), piece[at + 5..].trim());
    let domain = |t: &str| {
        !t.contains(' ')
            && t.rsplit_once('.').is_some_and(|(host, tld)| {
                !host.is_empty()
                    && (2..=4).contains(&tld.len())
                    && tld.chars().all(|c| c.is_ascii_alphabetic())
            })
    };
    let capitals =
        |t: &str| !t.contains(' ') && t.len() >= 4 && t.chars().all(|c| c.is_ascii_uppercase());
    let names_publication = publication.split_whitespace().count() <= 4
        && (known_outlet(publication).is_some()
            || domain(publication)
            || has_outlet_word(publication)
            || capitals(publication));
    if names_publication && is_person_name(&name_case(name)) {
        name
    } else {
        piece
    }
}

/// After "Jane Roe, " a single capitalised word is where she writes from.
fn is_place_after_name(piece: &str) -> bool {
    piece.split_whitespace().count() == 1
}

/// "May 22, 2024 | Gulf Tribune Staff": a date line's field that credits an
/// outlet's desk instead of a byline; the outlet it names.
pub(super) fn desk_in_date_line(line: &str) -> Option<String> {
    line.split(['|', '·', '•'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .find_map(|f| desk_of_outlet(f.strip_prefix("By ").unwrap_or(f)))
}

/// "Al Jazeera Staff", "Reuters Staff", "Gulf Tribune Staff": the outlet
/// whose desk a credit names (one the gazetteer knows, or a proper name
/// with a publication's word before "Staff").
fn desk_of_outlet(piece: &str) -> Option<String> {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    // "Gulf Tribune Staff Published: 12 Oct 2024": the date's label and
    // the date run into the credit (fields printed side by side).
    if let Some(label) = words.iter().position(|w| {
        matches!(
            w.trim_end_matches(':').to_lowercase().as_str(),
            "published" | "updated" | "posted"
        )
    }) {
        words.truncate(label);
        // ("... Staff - Published:", "... Staff, Published:", "... Staff on")
        while words
            .last()
            .is_some_and(|w| matches!(*w, "-" | "–" | "—" | "|" | "on"))
        {
            words.pop();
        }
        if let Some(last) = words.last_mut() {
            *last = last.trim_end_matches([',', ';']);
        }
    }
    let desk = words
        .iter()
        .rposition(|w| !is_desk(w))
        .map_or(0, |last| last + 1);
    if desk == 0 || desk == words.len() {
        return None;
    }
    let name = words[..desk].join(" ");
    // An unknown name over "Desk" is a section's ("Regional Affairs Desk").
    let staff = words[desk].eq_ignore_ascii_case("staff");
    match known_outlet(&name) {
        Some((known, _)) => Some(known.to_string()),
        None => (staff && has_outlet_word(&name) && is_proper_name(&name)).then_some(name),
    }
}

/// "Harbour Times Newsroom", "Amwaj.media Iraq Desk", "Gulf Post Baghdad
/// Bureau": a line that is only a publication's desk, in the byline's place
/// with no "By" (the caller checks the place: under the headline, beside
/// the date; above the headline such a name can be a masthead's). The
/// byline it makes names no author and the outlet when the gazetteer knows
/// the desk's publication.
pub(super) fn desk_credit(line: &str) -> Option<Byline> {
    const DESKS: &[&str] = &["desk", "newsroom", "bureau", "team", "staff"];
    if let Some(outlet) = generic_credit_of(line) {
        return Some(Byline {
            outlet,
            ..Byline::default()
        });
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let names = |w: &&str| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(*w, "of" | "the" | "and" | "&")
    };
    let shaped = (2..=6).contains(&words.len())
        && DESKS.contains(&last.as_str())
        && words.iter().all(names)
        && !line.contains([',', ':', ';', '|', '"', '“', '?', '!']);
    if !shaped {
        return None;
    }
    // ("Reuters Baghdad Bureau": a known publication's desk in a city.)
    let outlet = desk_of_outlet(line.trim()).or_else(|| {
        (1..words.len() - 1)
            .rev()
            .find_map(|k| known_outlet(&words[..k].join(" ")).map(|(name, _)| name.to_string()))
    });
    Some(Byline {
        outlet,
        ..Byline::default()
    })
}

/// "Jane Roe, Tigris Mail, September 27, 2024", "Tigris Mail - 27
/// September 2024", "27/09/2024 | Tigris Mail", "Jane Roe (Tigris Mail)
/// September 27, 2024": a credit line with no "By", its fields set apart
/// by commas, dashes or brackets: the author's name first, the
/// publication's, a filing place, the date. A byline when every field is
/// one of those and one names the publication (with no date, only a name
/// that says it is one: "Jane Roe, Tigris Mail").
pub(super) fn credit_fields(line: &str, style: DateStyle) -> Option<Byline> {
    let line = line.trim();
    if line.chars().count() > 100
        || line.ends_with(['.', '!', '?', ':', ';'])
        || opens_with_by(line)
    {
        return None;
    }
    let (rest, date) = date_field_at_an_end(line, style).unwrap_or((line, None));
    let pieces: Vec<&str> = rest
        .split([',', '(', ')', '|'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(|p| p.trim().trim_matches(['-', '–', '—']).trim())
        .filter(|p| !p.is_empty())
        .collect();
    // (Fields of figures are a time's or a number's, a weekday is the
    // date's, a label's field ("Source: X", "Editor: Y") says what it is.)
    // Undated, a name alone is no credit ("Media Note", "Notes": labels).
    if pieces.len() < 1 + usize::from(date.is_none())
        || pieces.len() > 3
        || pieces.iter().any(|p| {
            !p.starts_with(|c: char| c.is_alphabetic())
                || p.contains(':')
                || super::dates::is_calendar_word(p)
        })
    {
        return None;
    }
    let mut b = Byline {
        date,
        ..Byline::default()
    };
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 && pieces.len() > 1 && is_plausible_person_name(piece) {
            b.authors.push(piece.to_string());
        } else if is_desk(piece) {
            // ("Shatt Arab Monitor Staff": a desk, its paper's name when
            // the gazetteer knows it.)
            match desk_credit(piece).and_then(|d| d.outlet) {
                Some(outlet) if b.outlet.is_none() => read_credit(&outlet, &mut b),
                _ => {}
            }
        } else if super::people::is_place(piece) {
            // ("Jane Roe, Baghdad": where she filed from.)
        } else if b.outlet.is_none()
            && b.credits.is_empty()
            && (known_outlet(piece).is_some()
                || has_outlet_word(piece) && is_proper_name(piece)
                || b.date.is_some()
                    && is_proper_name_of_at_most(piece, 5)
                    && !is_plausible_person_name(piece))
        {
            read_credit(piece, &mut b);
        } else {
            return None;
        }
    }
    // ("Jane Roe, Baghdad, September 27, 2024": the author, where she
    // filed from, the date.)
    let signed_and_dated = !b.authors.is_empty() && b.date.is_some();
    (b.outlet.is_some() || !b.credits.is_empty() || signed_and_dated).then_some(b)
}

/// "Jane Roe with Reuters, AFP", "Jane Roe and Ali Hassan with AP": the
/// correspondents, then the wire agencies their story drew on (as a
/// broadcaster's site signs a story written over agency copy), perhaps
/// with the date after them. Every name after "with" must be an agency's.
pub(super) fn signed_over_agencies(line: &str, style: DateStyle) -> Option<Byline> {
    let line = line.trim();
    // ("..., 27/09/2024": the date may close the line.)
    let (rest, date) = date_field_at_an_end(line, style).unwrap_or((line, None));
    names_with_agencies(rest).map(|b| Byline { date, ..b })
}

fn names_with_agencies(fields: &str) -> Option<Byline> {
    let (names, agencies) = split_at_with(fields)?;
    let listed = |list: &'_ str| -> Vec<String> {
        list.split([',', '&'])
            .flat_map(|a| a.split(" and "))
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (names, agencies) = (listed(names), listed(agencies));
    if agencies.is_empty()
        || names.is_empty()
        || !agencies.iter().all(|a| is_wire(a))
        || !names.iter().all(|n| is_plausible_person_name(n))
    {
        return None;
    }
    let mut b = Byline {
        authors: names,
        ..Byline::default()
    };
    for a in &agencies {
        read_credit(a, &mut b);
    }
    Some(b)
}

/// The date field at the end of `line` ("..., September 27, 2024") or at
/// its start before a separator ("27/09/2024 | ..."), and the rest of the
/// line. A field at the end starts with a figure or a calendar word (not
/// "Tigris Mail, September 27": a place's shape).
fn date_field_at_an_end(line: &str, style: DateStyle) -> Option<(&str, Option<PublishedDate>)> {
    let bounds = |seps: &[&str]| -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = seps
            .iter()
            .flat_map(|sep| line.match_indices(sep).map(|(i, m)| (i, i + m.len())))
            .collect();
        out.sort_unstable();
        out
    };
    for (head_end, tail_start) in bounds(&[", ", " - ", " – ", " — ", " | ", ") ", " · "]) {
        let tail = line[tail_start..].trim();
        let first = tail.split_whitespace().next().unwrap_or("");
        let calendar = first.starts_with(|c: char| c.is_ascii_digit())
            || super::dates::is_calendar_word(first.trim_end_matches([',', '.']));
        if calendar && let Some(d) = parse_date_line(tail, style, 0) {
            return Some((line[..head_end].trim_end_matches('(').trim(), Some(d)));
        }
    }
    for (head_end, tail_start) in bounds(&[" - ", " – ", " — ", " | ", " · "]) {
        if let Some(d) = parse_date_line(line[..head_end].trim(), style, 0) {
            return Some((line[tail_start..].trim(), Some(d)));
        }
    }
    None
}

/// The credit a paper prints where no one signs ("Staff Reporter", "Our
/// Correspondent", "Web Desk"), alone, or with its publication after a
/// separator ("Staff Reporter - Gulf Dispatch", "Web Desk | Harbour
/// Times") or before it ("Gulf Dispatch Staff Reporter"). `Some(outlet)`
/// for such a line, the outlet when it names one.
pub(super) fn generic_credit_of(line: &str) -> Option<Option<String>> {
    let line = line.trim();
    let unsigned = |piece: &str| {
        let p = piece.trim().to_lowercase();
        let p = p.strip_prefix("by ").unwrap_or(&p).trim();
        GENERIC_CREDITS.contains(&p)
    };
    let outlet = |piece: &str| {
        let piece = piece.trim();
        (is_proper_name_of_at_most(piece, 5) && !is_plausible_person_name(piece))
            .then(|| piece.to_string())
    };
    if unsigned(line) {
        return Some(None);
    }
    for sep in [" - ", " – ", " — ", " | ", ", "] {
        if let Some((head, tail)) = line.split_once(sep) {
            if unsigned(head) {
                return outlet(tail).map(Some);
            }
            return None;
        }
    }
    // "Gulf Dispatch Staff Reporter", "Gulf Dispatch Staff & Agencies":
    // the paper's name, then the credit.
    let words: Vec<&str> = line.split_whitespace().collect();
    (3..=8).contains(&words.len()).then_some(())?;
    let k = (2..=3)
        .map(|n| words.len().saturating_sub(n))
        .find(|&k| k > 0 && unsigned(&words[k..].join(" ")))?;
    outlet(&words[..k].join(" ")).map(Some)
}

/// What a paper prints in the byline's place when no one signs.
const GENERIC_CREDITS: &[&str] = &[
    "staff reporter",
    "staff writer",
    "staff correspondent",
    "our correspondent",
    "a correspondent",
    "special correspondent",
    "our staff reporter",
    "news desk",
    "web desk",
    "online desk",
    "digital desk",
    "news service",
    "staff & agencies",
    "staff and agencies",
    "staff & wires",
];

/// Does `piece` name a desk ("Staff", "Desk", "Newsroom")?
pub(super) fn is_desk(piece: &str) -> bool {
    piece.split_whitespace().any(|w| {
        DESK_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

/// Two to four capitalised name tokens (particles allowed), not a desk
/// credit, not an organisation: a person's name in a byline.
pub fn is_person_name(piece: &str) -> bool {
    let tokens: Vec<&str> = piece.split_whitespace().collect();
    if !(2..=5).contains(&tokens.len())
        || piece.contains([',', ';', ':'])
        || is_desk(piece)
        || is_known_organisation(piece)
        // "Israel Hezbollah", a trending box's tag: a group's name is no
        // one's given name or surname.
        || tokens.iter().any(|t| is_known_organisation(t))
    {
        return false;
    }
    // ("de la Cruz", "van der Berg": the second particle only as written,
    // in lower case; "La Stampa" is no one's name.)
    let particle = |t: &str| {
        matches!(
            t.to_lowercase().as_str(),
            "al" | "bin" | "ibn" | "de" | "van" | "von" | "el"
        ) || super::people::SECOND_PARTICLES.contains(&t)
            || matches!(t, "da" | "dos" | "du")
    };
    // A particle in capitals ("Nadia Al Qassimi") is counted once, as a
    // particle.
    let names = tokens
        .iter()
        .filter(|t| !particle(t))
        .filter(|t| {
            let core = t.trim_matches(|c: char| !c.is_alphabetic());
            let core = ["al-", "Al-", "el-", "El-"]
                .iter()
                .find_map(|p| core.strip_prefix(p))
                .unwrap_or(core);
            core.chars().next().is_some_and(char::is_uppercase)
                && core
                    .chars()
                    .skip(1)
                    .all(|c| c.is_alphabetic() || "'’-.".contains(c))
                && core.chars().any(char::is_lowercase)
        })
        .count();
    let particles = tokens.iter().filter(|t| particle(t)).count();
    // "Faisal Al Marri Baghdad": the place a byline box prints after the
    // name is not part of it.
    if tokens.last().is_some_and(|t| super::people::is_place(t)) {
        return false;
    }
    // "Lolita C. Baldor": a middle initial.
    let initials = tokens[1..tokens.len() - 1]
        .iter()
        .filter(|t| {
            let b = t.as_bytes();
            b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
        })
        .count();
    // "Leo Shane III": a generation after the surname, in capitals ("Jr."
    // has a name's shape already).
    let generation = usize::from(
        tokens.len() >= 3
            && tokens
                .last()
                .is_some_and(|t| matches!(*t, "II" | "III" | "IV")),
    );
    names >= 2 && initials <= 1 && names + particles + initials + generation == tokens.len()
}

/// "Le Monde with AFP" -> ("Le Monde", "AFP"), at the last "with" (in
/// capitals too: "HARBOUR DAILY WITH AFP").
fn split_at_with(t: &str) -> Option<(&str, &str)> {
    [" with ", " WITH "]
        .iter()
        .filter_map(|w| t.rfind(w).map(|i| (&t[..i], &t[i + w.len()..])))
        .max_by_key(|(desk, _)| desk.len())
}

/// "Source: Harbour Daily and news agencies": a credit line naming the
/// outlet's own desk beside agencies it does not name.
pub fn credits_own_desk(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^sources?\s*:?\s+.{2,60}\s(?:and|with|&|\+)\s+(?:other\s+)?(?:news\s+)?(?:agencies|wires)\.?$")
            .unwrap()
    })
    .is_match(line.trim())
        || desk_and_agencies(line).is_some()
        || {
            let t = line.trim();
            let bare = t.strip_prefix('(').and_then(|b| b.strip_suffix(')'));
            split_at_with(bare.unwrap_or(t)).is_some_and(|(desk, _)| own_desk_with(desk))
        }
}

/// "Le Monde" of "Le Monde with AFP": an outlet's own name before the
/// agencies that helped it, not a wire, a desk or a person.
fn own_desk_with(desk: &str) -> bool {
    // ("HARBOUR DAILY WITH AFP": in capitals, read in name case.)
    let cased = in_name_case(desk);
    let desk = cased.as_deref().unwrap_or(desk);
    !is_wire(desk) && !is_desk(desk) && !is_plausible_person_name(desk) && is_proper_name(desk)
}

/// "TRT World and Agencies" on a line of its own: the outlet's own desk
/// beside agencies it does not name, as a byline ("Staff and agencies"
/// names no desk).
fn desk_and_agencies(line: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"^(?P<desk>\S.{1,60}?)\s+(?i:and|&|\+)\s+(?i:other\s+)?(?i:news\s+)?(?i:agencies)\.?$",
        )
        .unwrap()
    });
    let desk = re.captures(line.trim())?.name("desk")?.as_str();
    let words: Vec<&str> = desk.split_whitespace().collect();
    // ("Source: Harbour Daily and agencies" is a source line, read as such.)
    ((1..=5).contains(&words.len())
        && !desk.contains(':')
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !is_desk(desk))
    .then_some(desk)
}

/// The publisher a republished piece names as where it first ran: "This
/// article was originally published by Levant Insight and is reproduced
/// here with permission", "This story first appeared in The Basra Letter.",
/// "This article is republished from The Conversation under a Creative
/// Commons license". The name is the run of capitalised words after the
/// cue (small words inside it kept: "Institute for the Study of War"); a
/// month after it is a date, not a publisher. (The cue is the "wire
/// credit" chrome pattern's, whose lines are the ones asked.)
pub fn republished_from(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?i:this (?:article|story|piece|report|essay|commentary|analysis|column) (?:(?:is|was|has been) (?:originally |first )?(?:re)?published (?:from|by|in|with permission (?:from|of))|(?:first|originally) appeared (?:in|on|at)) )(?P<name>(?:[Tt]he )?\p{Lu}[\p{L}\d&'’.-]*(?: (?:\p{Lu}[\p{L}\d&'’.-]*|of|and|for|the|on|&))*)")
            .unwrap()
    });
    let name = re.captures(line.trim())?.name("name")?.as_str();
    let mut words: Vec<&str> = name.split(' ').collect();
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "and" | "for" | "the" | "on" | "&"))
    {
        words.pop();
    }
    // "by the Euphrates Policy Forum": the article, not the name's.
    let name = words.join(" ");
    let name = name.strip_prefix("the ").unwrap_or(&name);
    let name = name.trim_end_matches(['.', ',']);
    let first = name.trim_start_matches("The ");
    let first = first.split(' ').next().unwrap_or("");
    (!name.is_empty() && words.len() <= 8 && !super::dates::is_calendar_word(first))
        .then(|| known_outlet(name).map_or(name, |(c, _)| c).to_string())
}

/// A line that only credits a source: "AFP", "(Reuters)", "— AP",
/// "Source: Reuters", "Reuters · 6 hours ago". Returns the names credited.
pub fn credit_line(line: &str) -> Option<Vec<String>> {
    static SOURCE: OnceLock<Regex> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        Regex::new(r"(?i)^(?:source|sources|via|courtesy(?: of)?|agencies)\s*:?\s+(.{2,80})$")
            .unwrap()
    });
    let t = line.trim();
    if let Some(desk) = desk_and_agencies(t) {
        return Some(vec![desk.to_string()]);
    }
    // "Le Monde with AFP", "Gulf Courier with agencies": the agencies that
    // helped the outlet's own desk.
    // "(Harbour Daily with AFP)": in brackets at the story's end.
    let bare = t.strip_prefix('(').and_then(|b| b.strip_suffix(')'));
    if let Some((desk, agencies)) = split_at_with(bare.unwrap_or(t))
        && desk.split_whitespace().count() <= 6
        && desk.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "de" | "of" | "the" | "al")
        })
    {
        let mut names: Vec<String> = agencies
            .split([',', '/', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| is_wire(n))
            .map(|n| known_outlet(n).map_or(n, |(c, _)| c).to_string())
            .collect();
        if !names.is_empty() {
            // The desk first: the outlet itself (see `credits_own_desk`).
            if own_desk_with(desk) {
                names.insert(0, known_outlet(desk).map_or(desk, |(c, _)| c).to_string());
            }
            return Some(names);
        }
    }
    if let Some(c) = source.captures(t) {
        // "Source material for the deal was drafted in Arabic.": a sentence
        // of the text, its words in lower case; a credit names names.
        let prose = c[1]
            .split_whitespace()
            .filter(|w| {
                w.starts_with(char::is_lowercase)
                    && !matches!(
                        *w,
                        "of" | "the" | "and" | "via" | "with" | "from" | "de" | "al" | "in" | "for"
                    )
            })
            .count();
        if prose > 2 {
            return None;
        }
        let names: Vec<String> = c[1]
            .split([',', '/', '&', ';', '+'])
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" AND "))
            // "Iraqi Ministry of Defense, via Reuters": the agency that
            // carried it is credited too.
            .map(|p| {
                let p = p.trim();
                let p = p.strip_prefix("via ").unwrap_or(p);
                p.trim_end_matches('.').to_string()
            })
            .filter(|p| {
                !p.is_empty()
                    && p.split_whitespace().count() <= 5
                    && p.chars().next().is_some_and(|c| c.is_uppercase())
                    // ("NEWS AGENCIES": the unnamed agencies, in capitals.)
                    && (p.contains(char::is_lowercase)
                        || !matches!(p.to_lowercase().as_str(), "agencies" | "news agencies" | "other agencies" | "wires"))
            })
            .collect();
        return (!names.is_empty() && c[1].split_whitespace().count() <= 10).then_some(names);
    }
    // Whatever is left once a relative time and separators are taken away.
    let bare = match relative_time(t) {
        Some(rel) => t.replacen(rel, "", 1),
        None => t.to_string(),
    };
    let bare = bare
        .trim_matches(|c: char| c.is_whitespace() || "()[]—–-·|•,".contains(c))
        .trim_start_matches("Updated")
        .trim();
    if bare.is_empty() {
        return None;
    }
    let names: Vec<&str> = bare.split(['/', ',']).map(str::trim).collect();
    names
        .iter()
        .all(|n| known_outlet(n).is_some() || is_wire(n))
        .then(|| {
            names
                .iter()
                .map(|n| known_outlet(n).map_or(*n, |(c, _)| c).to_string())
                .collect()
        })
}

/// The opening of a story's first paragraph: "BAGHDAD (Reuters) –",
/// "AMMAN, Jan 28 (AFP) -", "ERBIL, Kurdistan Region –".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place.
    pub place: String,
    /// Who the dateline credits, in parentheses.
    pub credit: Option<String>,
}

/// "BAGHDAD, Sept 8 (Reuters) -": a place, the day it may give, the credit
/// it may give, a dash.
fn dateline_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?P<place>\p{Lu}[\p{L}'’.-]*(?:/\p{Lu}[\p{L}'’.-]*)?(?:[ ,]+\p{Lu}[\p{L}'’.-]*){0,3}?)(?:,\s*(?P<date>\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}))?\s*(?:\((?P<credit>[^()]{2,40})\))?\s*(?:[–—]|-{1,2})\s+\S").unwrap()
    })
}

/// "Sept 8" of "BAGHDAD, Sept 8 (Reuters) - ...": the day a dateline at
/// the start of `paragraph` gives, as written (without a year).
pub fn dateline_day_text(paragraph: &str) -> Option<&str> {
    let t = paragraph.trim_start();
    let c = dateline_regex()
        .captures(t)
        .or_else(|| slashed_dateline_regex().captures(t))?;
    c.name("date").map(|m| m.as_str())
}

/// "MOSCOW, January 25. /TASS/.", "NEW YORK, Jan. 25, 2024 /PRNewswire/
/// --": the credit between slashes, after the date.
fn slashed_dateline_regex() -> &'static Regex {
    static SLASHED: OnceLock<Regex> = OnceLock::new();
    SLASHED.get_or_init(|| {
        Regex::new(r"^(?P<place>\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*){0,3}?),\s*(?P<date>\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})(?:,\s*\d{4})?\.?\s*/(?P<credit>\p{Lu}[\p{L}\d&'’ .-]{1,30}?)/\.?\s*(?:(?:[–—]|-{1,2})\s+)?\S")
            .unwrap()
    })
}

/// "Riyadh, September 28, 2024, SPA --", "ABU DHABI, 28th September, 2024
/// (WAM) --", "NEW YORK, Jan. 25, 2024 /PRNewswire/ --": the date a
/// dateline gives with its year, as written (a press agency's dateline
/// is the day the story was filed).
pub fn dated_dateline_text(paragraph: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*){0,3}?,\s*(?P<date>[\p{L}\d][\p{L}\d .,]{4,30}?\d{4})\s*[,.]?\s*(?:\([^()]{2,40}\)|/[^/]{2,30}/|\p{Lu}[\p{Lu}\p{L}&.]{1,15})?\.?\s*(?:[–—]|-{1,2})\s+\S")
            .unwrap()
    });
    let t = paragraph.trim_start();
    // Most paragraphs open with no comma in their first words.
    if !t.get(..t.len().min(40))?.contains(',') {
        return None;
    }
    re.captures(t)
        .and_then(|c| c.name("date"))
        .map(|m| m.as_str())
}

/// Read the dateline at the start of `paragraph`, if it has one.
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let re = dateline_regex();
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"^(?P<name>\p{Lu}[\p{L}\d&'’.-]*(?:\s+[\p{Lu}&][\p{L}\d&'’.-]*){0,4})\s*/\s+\S")
            .unwrap()
    });
    let credit = credit_dateline_regex();
    let slashed = slashed_dateline_regex();
    let t = paragraph.trim();
    if let Some(c) = re.captures(t).or_else(|| slashed.captures(t)) {
        return Some(Dateline {
            place: c["place"].trim_end_matches(',').to_string(),
            credit: c.name("credit").map(|m| m.as_str().trim().to_string()),
        });
    }
    if let Some(c) = credit.captures(t) {
        return Some(Dateline {
            place: String::new(),
            credit: Some(c["credit"].to_string()),
        });
    }
    // "Evening Courier/ The government said ...": the outlet opens its story.
    let c = prefix.captures(t)?;
    let name = c["name"].to_string();
    (has_outlet_word(&name) || known_outlet(&name).is_some()).then(|| Dateline {
        place: String::new(),
        credit: Some(name),
    })
}

/// "(Bloomberg) -- Iraq's government ...": the credit alone, no place.
fn credit_dateline_regex() -> &'static Regex {
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    CREDIT.get_or_init(|| {
        Regex::new(r"^\((?P<credit>\p{Lu}[\p{L}\d&'’.-]*(?:\s+[\p{Lu}&][\p{L}\d&'’.-]*){0,3})\)\s*(?:[–—]|-{1,2})\s+\S")
            .unwrap()
    })
}

/// The lead past the dateline that opens `paragraph` ("BAGHDAD, Sept 8
/// (Reuters) - ", "MOSCOW, January 25. /TASS/. ", "(Bloomberg) -- ",
/// "Kabul [Afghanistan], May 2 (ANI): "), if one does.
pub fn lead_after_dateline(paragraph: &str) -> Option<&str> {
    // A syndicated feed's: the place, its country in brackets, the day, the
    // agency, a colon.
    static BRACKETED: OnceLock<Regex> = OnceLock::new();
    let bracketed = BRACKETED.get_or_init(|| {
        Regex::new(r"^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:\s*\[[^\[\]]{2,30}\])?,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\([^()]{2,40}\)\s*:\s+\S")
            .unwrap()
    });
    let t = paragraph.trim_start();
    let m = [
        dateline_regex(),
        slashed_dateline_regex(),
        bracketed,
        credit_dateline_regex(),
    ]
    .into_iter()
    .find_map(|re| re.find(t))?;
    // Every pattern ends on the lead's first character.
    let last = t[..m.end()].chars().next_back()?;
    Some(&t[m.end() - last.len_utf8()..])
}

/// A dateline printed as a line of its own above the first paragraph:
/// "ANKARA" (a known place in capitals, alone), "Washington CNN —",
/// "BAGHDAD (Reuters) -" (a place, what follows it capitalised, a closing
/// dash). Its credit is the known outlet after the place, if any.
pub fn standalone_dateline(text: &str) -> Option<Dateline> {
    let t = text.trim();
    let letters = || t.chars().filter(|c| c.is_alphabetic());
    if letters().all(char::is_uppercase) && letters().count() >= 3 && super::people::is_place(t) {
        return Some(Dateline {
            place: t.to_string(),
            credit: None,
        });
    }
    // "Washington:": a syndicated feed's dateline on a line of its own.
    if let Some(place) = t.strip_suffix(':')
        && super::people::is_place(place.trim())
    {
        return Some(Dateline {
            place: place.trim().to_string(),
            credit: None,
        });
    }
    // "Erbil, Iraq": where the reporter filed from, under the byline.
    if let Some((place, country)) = t.split_once(", ")
        && t.split_whitespace().count() <= 5
        && super::people::is_place(place)
        && super::people::is_place(country)
    {
        return Some(Dateline {
            place: place.to_string(),
            credit: None,
        });
    }
    // "Baghdad - DNN": the place, then the agency's initials after the dash.
    if let Some((place, acronym)) = place_and_initials(t)
        && super::people::is_place(place)
    {
        return Some(Dateline {
            place: place.to_string(),
            credit: known_outlet(acronym).map(|(name, _)| name.to_string()),
        });
    }
    // "Baghdad/ Shafaq Wire": the place, a slash, the outlet's name; after
    // a comma ("Baghdad, Tigris Wire") a name a publisher's word names.
    let slashed = t.split_once('/');
    let after_comma = t
        .split_once(", ")
        .filter(|(_, name)| has_outlet_word(name.trim()) || known_outlet(name.trim()).is_some());
    if let Some((place, name)) = slashed.or(after_comma)
        && super::people::is_place(place.trim())
        && is_proper_name(name.trim())
        && name.split_whitespace().count() <= 4
    {
        return Some(Dateline {
            place: place.trim().to_string(),
            credit: Some(name.trim().to_string()),
        });
    }
    // "Kurdistan Chronicle- Erbil": the outlet's name, a dash, the place.
    let dash = t.char_indices().find(|&(i, c)| {
        matches!(c, '-' | '–' | '—')
            && (t[..i].ends_with(' ') || t[i + c.len_utf8()..].starts_with(' '))
    });
    if let Some((i, c)) = dash {
        let (name, place) = (t[..i].trim(), t[i + c.len_utf8()..].trim());
        if super::people::is_place(place)
            && name.split_whitespace().count() <= 4
            && (has_outlet_word(name) || known_outlet(name).is_some())
            && is_proper_name(name)
        {
            return Some(Dateline {
                place: place.to_string(),
                credit: Some(name.to_string()),
            });
        }
    }
    let head = t.strip_suffix(['—', '–', '-'])?.trim();
    // "CAMP TAJI, Iraq –", "FORT LIBERTY, N.C. –": a press release's
    // dateline, the town in capitals (one the gazetteer need not know)
    // and its country or state.
    if let Some((town, region)) = head.split_once(", ") {
        let letters = || town.chars().filter(|c| c.is_alphabetic());
        let region = region.trim();
        let state = region.len() <= 6
            && region.ends_with('.')
            && region.starts_with(|c: char| c.is_ascii_uppercase());
        if letters().count() >= 3
            && letters().all(char::is_uppercase)
            && town.split_whitespace().count() <= 4
            && (super::people::is_place(region) || state)
        {
            return Some(Dateline {
                place: town.to_string(),
                credit: None,
            });
        }
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    (1..=words.len().min(3))
        .find_map(|n| {
            let place = words[..n].join(" ");
            let place = place.trim_end_matches(',');
            let rest = &words[n..];
            (super::people::is_place(place)
                && rest
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '(')))
            .then(|| Dateline {
                place: place.to_string(),
                credit: known_outlet(rest.join(" ").trim_matches(['(', ')']))
                    .map(|(name, _)| name.to_string()),
            })
        })
        .or_else(|| beat_dateline(t, &words))
}

/// "Pentagon —", "State Department —", "Capitol Hill –": a broadcaster's
/// dateline naming the beat the reporter files from rather than a town.
/// Up to three capitalised words of letters and a closing dash (not a
/// hyphen, which a cut line may end with).
fn beat_dateline(t: &str, words: &[&str]) -> Option<Dateline> {
    let capitalised =
        |w: &&str| w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic);
    (t.ends_with(['—', '–']) && (1..=3).contains(&words.len()) && words.iter().all(capitalised))
        .then(|| Dateline {
            place: words.join(" "),
            credit: None,
        })
}

/// "Baghdad-INA", "Baghdad - DNN", "Baghdad – 964": one or two
/// capitalised words, a dash, then two to six capitals (or an outlet's
/// number). Returns both parts.
fn place_and_initials(t: &str) -> Option<(&str, &str)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let c = R
        .get_or_init(|| {
            Regex::new(r"^(?P<place>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*[-–—]\s*(?P<acr>\p{Lu}{2,6}|\d{2,4})$")
                .unwrap()
        })
        .captures(t)?;
    Some((c.name("place")?.as_str(), c.name("acr")?.as_str()))
}

/// "The Guardian - Back to home", "Northgate News – back to homepage": the
/// logo's link as a screen reader reads it, which names the site.
pub fn logo_link_home(line: &str) -> Option<&str> {
    static HOME: OnceLock<Regex> = OnceLock::new();
    let home = HOME.get_or_init(|| {
        Regex::new(r"(?i)^(?P<name>[\p{Lu}\d][\p{L}\d&'’. -]*?)\s*[-–—|:]\s*(?:go\s+)?back\s+to\s+(?:the\s+)?home\s*(?:page)?$").unwrap()
    });
    let name = home.captures(line.trim())?.name("name")?.as_str().trim();
    (name.chars().count() <= 60
        && name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    .then_some(name)
}

/// "Wasit Voice / Baghdad", "The Evening Courier – Baghdad": an outlet's
/// own dateline standing as a line. Returns the outlet's name.
pub fn outlet_line(line: &str) -> Option<String> {
    let t = line.trim();
    if let Some(name) = logo_link_home(t) {
        return Some(name.to_string());
    }
    // "Baghdad-INA": a place and the outlet's acronym.
    if let Some((_, acronym)) = place_and_initials(t) {
        return known_outlet(acronym)
            .filter(|(_, wire)| !wire)
            .map(|(n, _)| n.to_string());
    }
    let name = name_before_place(t)?.to_string();
    // "Radio Free Europe / Radio Liberty": a name in two halves, each a
    // publisher's by its words, is one name (the second is no place).
    let second = t[name.len()..].trim_start_matches([' ', '/', '–', '—', '-']);
    let name = if has_outlet_word(&name) && has_outlet_word(second) {
        t.to_string()
    } else {
        name
    };
    (has_outlet_word(&name) || known_outlet(&name).is_some_and(|(_, wire)| !wire)).then_some(name)
}

/// "Wasit Voice / Baghdad", "7Days Iraq – Baghdad": the capitalised name
/// (it may begin with a figure) before a dash and a place of one or two
/// capitalised words, on a line of its own. Whether the name is a
/// publisher's is the caller's to say.
pub fn name_before_place(line: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?P<name>[\p{Lu}\d][\p{L}\d&'’.-]*(?:\s+[\p{Lu}&][\p{L}&'’.-]*){0,4})\s+[/–—-]\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?$").unwrap()
    });
    Some(re.captures(line.trim())?.name("name")?.as_str())
}

/// The publication a label names: "Published in" or "Writer for" on one
/// line and the name on the next (blogging platforms print a post's
/// publication so), or a print line "Published in The Evening Courier,
/// January 28th, 2024". `next` is the line after `line`. A category label
/// ("Posted in Middle East") is not one.
pub fn labelled_publication(line: &str, next: Option<&str>) -> Option<String> {
    let t = line.trim().trim_end_matches(':').trim_end();
    let lower = t.to_ascii_lowercase();
    // A press release wire prints its issuer so: "News provided by".
    if [
        "published in",
        "writer for",
        "news provided by",
        "provided by",
    ]
    .contains(&lower.as_str())
    {
        let name = without_company_form(next?.trim());
        return (is_capitalised_name(&name) || is_proper_name(&name)).then_some(name);
    }
    if let Some(name) = feed_field(t) {
        return Some(name);
    }
    let rest = t
        .get(..13)
        .filter(|p| p.eq_ignore_ascii_case("published in "))?;
    let (name, date) = t[rest.len()..].split_once(',')?;
    let name = name.trim();
    (parse_date_line(date.trim(), DateStyle::default(), 0).is_some()
        && (is_capitalised_name(name) || is_proper_name(name)))
    .then(|| name.to_string())
}

/// A scraper's or feed reader's record names the publication in a field:
/// "Feed: Meridian Post - World", "Publisher: The Gulf Observer" (a feed's
/// title may add the section after a dash or a bar).
fn feed_field(t: &str) -> Option<String> {
    let (label, value) = t.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    // ("Site:" and "Publication:" alone may give a place or a date.)
    if !["feed", "feed title", "publisher", "site name"].contains(&label.as_str()) {
        return None;
    }
    let name = [" - ", " – ", " — ", " | ", " : "]
        .iter()
        .filter_map(|sep| value.split_once(sep).map(|(head, _)| head))
        .min_by_key(|head| head.len())
        .unwrap_or(value);
    let name = without_company_form(name.trim());
    (name.split_whitespace().count() <= 6 && (is_capitalised_name(&name) || is_proper_name(&name)))
        .then_some(name)
}

/// The site a syndication note names as its own: "This story has not been
/// edited by Deccan Wire staff and is auto-generated from a syndicated feed."
pub fn unedited_by(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"\bnot been edited by (?:the )?(?P<name>[A-Z][\w&'’.\- ]{1,50}?)(?:'s|’s)? (?:staff|team|desk|editors)\b").unwrap()
    });
    let name = re.captures(line)?.name("name")?.as_str().trim();
    let name = without_company_form(name);
    (is_capitalised_name(&name) || is_proper_name(&name)).then_some(name)
}

/// Companies' legal forms, as they end a name ("Harbor Financial, Inc.").
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "L.P.", "L.L.C.", "Inc.", "Ltd.", "Corp.", "Co.", "S.A.", "P.L.C.", "LLC", "Ltd", "Inc",
    "Limited", "Corp", "S.A", "GmbH", "Co", "plc", "PLC", "LLP", // the US and the UK
    "Pvt.", "Pvt", "Private", "Pte.", "Pte", "Pty.", "Pty", // South Asia, Singapore, Australia
    "W.L.L.", "WLL", "S.A.L.", "SAL", "FZ-LLC", "FZE", "JSC", // the Gulf, Lebanon
    "A.Ş.", "AG", "B.V.", "N.V.", "Sdn Bhd", "Bhd", // Turkey, Europe, Malaysia
];

/// A company's name without its legal form: "Harbor Financial, Inc.",
/// "The Courier LLC", "Gulf Media Co Ltd" -> the name.
pub fn without_company_form(name: &str) -> String {
    let mut name = name.trim();
    while let Some(rest) = LEGAL_FORMS.iter().find_map(|f| {
        name.strip_suffix(f)
            .filter(|r| r.ends_with([' ', ',']))
            .map(|r| r.trim_end_matches([' ', ',']))
    }) {
        name = rest;
    }
    name.to_string()
}

/// "The New York Times Company", "The Harbour Herald Company": the
/// company named after its newspaper, in a copyright line, is the paper.
/// (Only after a paper's word: "Broadcasting Company" is the name.)
pub fn paper_of_its_company(name: &str) -> &str {
    name.strip_suffix(" Company")
        .filter(|rest| {
            rest.rsplit(' ')
                .next()
                .is_some_and(|w| PAPER_WORDS.contains(&w.to_lowercase().as_str()))
        })
        .unwrap_or(name)
}

/// "Al Jazeera Media Network", "Shafaq News Media Group": the group named
/// after its outlet, in a copyright line, is the outlet, when the rest is
/// an outlet the gazetteer knows or ends in a publisher's word. ("Gulf
/// Media Group" alone is the name.)
pub fn outlet_of_its_group(name: &str) -> &str {
    const GROUP: &[&str] = &[
        " Media Network",
        " Media Group",
        " Media Holding",
        " Media Holdings",
        " Media Corporation",
        " Media Company",
        " Media Organisation",
        " Media Organization",
        " Publishing Group",
        " Publishing House",
        " Publishing Company",
        " Publishing",
        " Group",
        " Holding",
        " Holdings",
    ];
    GROUP
        .iter()
        .find_map(|g| name.strip_suffix(g))
        .map(str::trim)
        .filter(|rest| {
            known_outlet(rest).is_some_and(|(_, wire)| !wire) || ends_with_paper_word(rest)
        })
        .unwrap_or(name)
}

/// The words that end a newspaper's or broadcaster's name and never a
/// document's title ("Briefing", "Report", "Update" title pages too).
const PAPER_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "daily",
    "herald",
    "tribune",
    "gazette",
    "chronicle",
    "observer",
    "journal",
    "courier",
    "express",
    "telegraph",
    "standard",
    "guardian",
    "ledger",
    "dispatch",
    "agency",
    "wire",
    "tv",
    "radio",
    "network",
    "media",
    "online",
    "today",
    "monitor",
    "press",
    "sun",
    "star",
    "globe",
    "mail",
    "mirror",
];

/// Does `name` end with a newspaper's word ("Tehran Chronicle")?
pub fn ends_with_paper_word(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| PAPER_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Does `name` hold an outlet word, also inside a run-together name
/// ("NewsPulse", "Kurdistan24")?
pub fn has_outlet_word(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .flat_map(camel_parts)
        .any(|p| {
            let p = p.to_lowercase();
            OUTLET_WORDS.contains(&p.as_str()) || INSTITUTION_WORDS.contains(&p.as_str())
        })
}

/// "NewsPulse" -> ["News", "Pulse"]; "Kurdistan24" -> ["Kurdistan", "24"].
fn camel_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for w in chars.windows(2) {
        let (_, a) = w[0];
        let (i, b) = w[1];
        if (a.is_lowercase() && b.is_uppercase()) || (a.is_alphabetic() && b.is_ascii_digit()) {
            parts.push(&word[start..i]);
            start = i;
        }
    }
    parts.push(&word[start..]);
    parts
}

/// The publisher's name standing at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// Index of its line in the page's lines.
    pub index: usize,
    /// The name as the page spells it best (mixed case where it has one).
    pub name: String,
    /// What confirms it is a publisher's name.
    pub why: &'static str,
    /// Confirmed by more than its words (a known outlet, named again, above
    /// a menu): an outlet word alone ("... Report") may be a short headline.
    pub strong: bool,
}

/// The masthead: the first line that is not chrome, when it is a short
/// proper name the page confirms. `chrome[i]` says line `i` is chrome
/// ("Skip to main content").
pub fn masthead(
    lines: &[Line],
    shapes: &[Shape],
    chrome: &[bool],
    page_start: usize,
) -> Option<Masthead> {
    let first = (page_start..lines.len().min(page_start + 8)).find(|&i| !chrome[i])?;
    // "ANHA | Hawar News Agency" over the language links and the menu: the
    // logo's letters beside the publisher's name, read as a two-item menu.
    if first > page_start
        && logo_beside_name(&lines[page_start].text)
        && let Some(m) = masthead_at(lines, shapes, chrome, page_start, page_start)
    {
        return Some(m);
    }
    let found = masthead_at(lines, shapes, chrome, page_start, first);
    // "GNA" over "Gulf News Agency": the logo's initials over the name
    // they stand for; the name is the outlet's (unless the initials are
    // the name the gazetteer knows it by: "BBC").
    if let Some(m) = &found
        && known_outlet(&m.name).is_none()
        && let Some(next) = (m.index + 1..lines.len().min(m.index + 3)).find(|&i| !chrome[i])
        && spells_out(&m.name, &lines[next].text)
        && let Some(full) = masthead_at(lines, shapes, chrome, page_start, next)
    {
        return Some(full);
    }
    found.or_else(|| {
        // "Democracy Dies Quietly" over "The Capital Ledger": a slogan over
        // the nameplate, which a publisher's word names. "الصباح" over
        // "Al-Sabah": the name in its own script over its transliteration.
        let next = (first + 1..lines.len().min(first + 3)).find(|&i| !chrome[i])?;
        let text = lines[next].text.trim();
        let other_script = |t: &str| {
            t.chars().any(char::is_alphabetic) && !t.chars().any(|c| c.is_ascii_alphabetic())
        };
        if other_script(&lines[first].text) && shapes[first].words <= 6 {
            return masthead_at(lines, shapes, chrome, page_start, next);
        }
        // The window's title printed over the page (the headline, printed
        // again below), the nameplate under it.
        let printed_again = |t: &str| lines[next + 1..].iter().any(|l| l.text.trim() == t.trim());
        if shapes[first].words > 6 && shapes[next].words <= 5 && printed_again(&lines[first].text) {
            return masthead_at(lines, shapes, chrome, page_start, next);
        }
        // "World" / "US News" / "Politics": a name inside a run of menu
        // items is the menu's, unless the page names it again.
        let menu_run = is_menu_item(&lines[first].text, &shapes[first])
            && is_menu_item(text, &shapes[next])
            && lines
                .get(next + 1)
                .is_some_and(|l| is_menu_item(&l.text, &shapes[next + 1]));
        (shapes[first].words <= 6
            && (!menu_run
                || known_outlet(text).is_some()
                || named_on_another_line(lines, next, text))
            && !shapes[first].sentence_end
            && shapes[next].words <= 5
            && (has_outlet_word(text) || known_outlet(text).is_some()))
        .then(|| masthead_at(lines, shapes, chrome, page_start, next))
        .flatten()
        .or_else(|| masthead_under_menu(lines, shapes, chrome, page_start, first))
    })
}

/// "Iran Update, September 27, 2024", "Flash Update No. 3 - 27 September
/// 2024": a periodic report's title, its series and its date. The series
/// is capitalised words ending in what such a report is called; a
/// section's label before a date ("World News, ...") is not one.
pub fn is_series_title(line: &str) -> bool {
    const SERIES: &[&str] = &[
        "update",
        "report",
        "briefing",
        "bulletin",
        "digest",
        "roundup",
        "round-up",
        "assessment",
        "sitrep",
        "brief",
        "dispatch",
        "review",
        "newsletter",
        "monitor",
    ];
    let Some(at) = line.find([',', ':', '-', '–', '—']) else {
        return false;
    };
    let series = line[..at].trim();
    let rest = line[at..].trim_start_matches([',', ':', '-', '–', '—', ' ']);
    let words: Vec<&str> = series.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && rest.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || CONNECTORS.contains(w)
        })
        && words
            .iter()
            .any(|w| SERIES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// "ANHA | Hawar News Agency", "Hawar News Agency - ANHA": a word in
/// capitals (the logo) and a publisher's name, the two parts of a line.
pub(super) fn logo_beside_name(text: &str) -> bool {
    let parts = split_on_dashes(text.trim());
    let logo = |p: &str| (2..=6).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase());
    let name = |p: &str| has_outlet_word(p) && is_proper_name_of_at_most(p, 6);
    matches!(parts.as_slice(), [a, b] if logo(a) && name(b) || name(a) && logo(b))
}

/// Is `acronym` ("GNA", "KUNA") the initials of `name`'s capitalised words
/// ("Gulf News Agency", "Kuwait News Agency")?
pub(super) fn spells_out(acronym: &str, name: &str) -> bool {
    // Each word gives its first letter or two ("KUNA": Kuwait, News, Agency).
    fn spelt(acronym: &[u8], words: &[&[u8]]) -> bool {
        let Some((word, rest)) = words.split_first() else {
            return acronym.is_empty();
        };
        (1..=2).any(|take| {
            word.len() >= take
                && acronym.len() >= take
                && word[..take].eq_ignore_ascii_case(&acronym[..take])
                && spelt(&acronym[take..], rest)
        })
    }
    let acronym = acronym.trim();
    let words: Vec<&[u8]> = name
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(str::as_bytes)
        .collect();
    (2..=6).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && words.len() >= 2
        && spelt(acronym.as_bytes(), &words)
}

/// "Home" / "Politics" / "Economy" ... / "Persian Sky News Agency": the
/// menu printed before the logo (the page's order, not its layout), then
/// a publisher's name.
fn masthead_under_menu(
    lines: &[Line],
    shapes: &[Shape],
    chrome: &[bool],
    page_start: usize,
    first: usize,
) -> Option<Masthead> {
    let item = |j: usize| is_menu_item(&lines[j].text, &shapes[j]);
    let mut items = 0;
    let mut j = first;
    while j < lines.len().min(first + 16) && (chrome[j] || item(j)) {
        items += usize::from(!chrome[j]);
        j += 1;
    }
    let text = lines.get(j)?.text.trim();
    (items >= 3 && shapes[j].words <= 6 && !shapes[j].sentence_end && is_publication_name(text))
        .then(|| masthead_at(lines, shapes, chrome, page_start, j))
        .flatten()
}

/// "Republic of Iraq" over "Prime Minister's Media Office": the state's
/// name heads its bodies' pages; the body under it publishes. "Press
/// Statements" over "U.S. Embassy in Iraq": so does the section's label,
/// in ordinary words, over the body's name.
fn heads_a_body(lines: &[Line], shapes: &[Shape], chrome: &[bool], index: usize) -> bool {
    let Some(next) = lines.get(index + 1) else {
        return false;
    };
    if chrome[index + 1] || shapes[index + 1].words > 8 {
        return false;
    }
    let text = &lines[index].text;
    let label = shapes[index].words <= 3 && text.split_whitespace().all(is_common_word);
    is_state_name(text) && names_a_body(&next.text) || label && is_body_name(&next.text)
}

/// Does a line other than `index` name `name` (as whole words, in any case)?
fn named_on_another_line(lines: &[Line], index: usize, name: &str) -> bool {
    let needle = name.to_lowercase();
    lines
        .iter()
        .enumerate()
        .any(|(j, l)| j != index && contains_words(&l.text.to_lowercase(), &needle))
}

/// [`masthead`], read at line `index` (the first line that is not chrome,
/// or the nameplate under a slogan).
fn masthead_at(
    lines: &[Line],
    shapes: &[Shape],
    chrome: &[bool],
    page_start: usize,
    mut index: usize,
) -> Option<Masthead> {
    if heads_a_body(lines, shapes, chrome, index) {
        index += 1;
    }
    let text = lines[index].text.as_str();
    // "THE WALL STREET JOURNAL.": a nameplate in capitals may end in a
    // full stop; a sentence has lower-case letters.
    let nameplate = text.strip_suffix('.').filter(|t| {
        !t.ends_with('.') && shapes[index].words <= 5 && !t.contains(char::is_lowercase)
    });
    let text = nameplate.unwrap_or(text);
    // "BNS Homepage": the logo's link text names the site, then the link.
    let text = without_home_link(text);
    if let Some((name, why)) = named_by_itself(text) {
        return Some(Masthead {
            index,
            name: name.to_string(),
            why,
            strong: true,
        });
    }
    // "Feed: Meridian Post - World": a field of a scraper's record, read
    // as a labelled publication, not a nameplate.
    if shapes[index].words > 8
        || shapes[index].sentence_end && nameplate.is_none()
        || feed_field(text).is_some()
    {
        return None;
    }
    // "PHNA - Pars Horizon News Agency": the longest name-shaped part.
    let parts = split_on_dashes(text);
    let mentioned_again = |n: &str| named_on_another_line(lines, index, n);
    let menu_below = || site_menu_below(lines, shapes, chrome, index);
    // Named again below: anywhere when it opens the page; under chrome
    // ("Menu", "Search") only in the copyright line, as a section's label
    // ("Middle East") is named again in the page's breadcrumbs.
    let confirmed_below = |n: &str| {
        let needle = n.to_lowercase();
        index == page_start && mentioned_again(n)
            || lines.iter().enumerate().any(|(j, l)| {
                let lower = l.text.to_lowercase();
                j != index
                    && (lower.contains('©') || lower.contains("copyright"))
                    && contains_words(&lower, &needle)
            })
    };
    // "zagrosdaily.net" over "Zagros Daily": the page's address over the
    // nameplate that spells it out, which is the name.
    let spelt_below = |p: &str| {
        p.split_whitespace()
            .last()
            .is_some_and(|host| outlet_spelt_by_address(host, &lines[index + 1..]).is_some())
    };
    let name = parts
        .iter()
        .copied()
        // "Harbour Daily – Editorial Board": the desk beside the name writes
        // for it.
        .filter(|p| parts.len() == 1 || !is_desk(p) || has_outlet_word(p))
        .filter(|p| {
            is_proper_name(p)
                || has_outlet_word(p) && is_proper_name_of_at_most(p, 8)
                || names_known_organisation(p)
                || index == page_start && is_body_name(p)
                || known_outlet(p).is_some()
                || (is_capitalised_name(p) || is_rare_word(p)) && confirmed_below(p)
                // "NEWSLINE": a logo set in capitals, the prose's "Newsline".
                || in_name_case(p).is_some_and(|c| is_rare_word(&c)) && confirmed_below(p)
                || is_capitalised_name(p) && menu_below()
                || index == page_start && is_site_address_name(p) && !spelt_below(p)
        })
        .max_by_key(|p| p.len())?;
    if is_status_label(name) {
        return None;
    }
    if is_section_word(name) || is_edition_label(name) {
        return None;
    }
    let acronym = parts
        .iter()
        .copied()
        .find(|p| *p != name && p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase()));
    let why = if known_outlet(name).is_some() {
        "a known outlet"
    } else if names_known_organisation(name) {
        "a known organisation's own page"
    } else if is_body_name(name) {
        "an official body's own page"
    } else if has_outlet_word(name) {
        "a publisher's name"
    } else if index == page_start && is_site_address_name(name) && !spelt_below(name) {
        "the site's address as its name, at the top of the page"
    } else if mentioned_again(name) || acronym.is_some_and(mentioned_again) {
        "named again on the page"
    } else if lines
        .get(index + 1)
        .zip(shapes.get(index + 1))
        .is_some_and(|(l, s)| s.separators >= 2 && !l.text.ends_with('.'))
        || menu_below()
    {
        "above the site's menu"
    } else {
        return None;
    };
    // A place ("Kurdistan") at the top, named again below or over the rest
    // of the menu ("Pakistan" / "World" / "Business"), is a section's label,
    // not a publisher.
    if matches!(why, "named again on the page" | "above the site's menu")
        && (super::people::is_place(name) || is_country_short_name(name))
    {
        return None;
    }
    if is_known_organisation(name) && why == "named again on the page" {
        // A ministry's own page names the ministry, but "Islamic State" at
        // the top of a page is a topic label.
        if !mentioned_again(name) {
            return None;
        }
    }
    Some(Masthead {
        index,
        name: fuller_name(name, lines, index).unwrap_or_else(|| best_spelling(name, lines, index)),
        why,
        strong: why != "a publisher's name",
    })
}

/// "News" / "Finance" / "Sports": a menu printed one item per line right
/// under line `index` (past chrome such as a search box's label), or on
/// one line: "News | Opinion | Video | Explainers". (Items the page's
/// chrome patterns know, "Home" / "About" / "Contact", count: a menu of
/// them alone is a menu too.)
fn site_menu_below(lines: &[Line], shapes: &[Shape], chrome: &[bool], index: usize) -> bool {
    let item = |j: usize| is_menu_item(&lines[j].text, &shapes[j]);
    let items = (index + 1..lines.len().min(index + 10))
        .skip_while(|&j| chrome[j] && !item(j) || j == index + 1 && shapes[j].words > 3)
        .take_while(|&j| item(j))
        .count();
    let menu_line = lines
        .get(index + 1)
        .zip(shapes.get(index + 1))
        .is_some_and(|(l, s)| {
            s.separators >= 2 && !l.text.ends_with('.') && s.words <= 3 * (s.separators + 1)
        });
    items >= 3 || menu_line
}

/// "swissinfo.ch", "SWI swissinfo.ch", "dawn.com": a site whose logo is its
/// web address (in lower case, as addresses are written), perhaps after its
/// initials. Only the page's first line is read so: an address lower down
/// is a link.
fn is_site_address_name(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let address = R.get_or_init(|| Regex::new(r"^[a-z0-9][a-z0-9-]{2,30}\.[a-z]{2,6}$").unwrap());
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.split_last() {
        Some((last, before)) => {
            before.len() <= 2
                && address.is_match(last)
                && before
                    .iter()
                    .all(|w| w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
        }
        None => false,
    }
}

/// A nameplate the line makes whatever surrounds it: a known outlet's
/// address ("ansa.it"), or the site's name and its tagline on one line
/// ("Meridian Post - Latest news from Iraq and the region": its logo and
/// slogan, or its home page's title), however long the tagline.
fn named_by_itself(text: &str) -> Option<(&str, &'static str)> {
    outlet_of_logo_address(text)
        .map(|name| (name, "a known outlet's address"))
        .or_else(|| {
            name_beside_tagline(text).map(|name| (name, "the site's name beside its tagline"))
        })
}

/// The name in "Meridian Post | Breaking news and analysis from the
/// region", "Meridian Post: Iraq's independent news agency": a name (not
/// a place's: "Iraq: latest news of the talks" is a headline) before a
/// separator, and after it the words a news site describes itself with.
fn name_beside_tagline(text: &str) -> Option<&str> {
    static TAGLINE: OnceLock<Regex> = OnceLock::new();
    let tagline = TAGLINE.get_or_init(|| {
        Regex::new(
            r"(?xi)
            \b(?:latest|breaking|top|daily|local|regional|international|independent|trusted|leading|english|arabic|kurdish)\s+news\b
            | \bnews\s*(?:,|and|&)\s*(?:analysis|opinion|views|features|comment|politics|videos?)\b
            | \bnews\s+(?:agency|site|website|portal|network|service|outlet|and\s+analysis|in\s+english)\b
            | \b(?:daily|weekly|online|independent|leading)\s+(?:newspaper|news\s*paper|magazine|daily|media\s+outlet)\b
            | \bofficial\s+(?:website|web\s+site|site|news\s+site)\b
            | \b(?:the\s+)?(?:pulse|voice)\s+of\s+the\b
            ",
        )
        .unwrap()
    });
    // The last separator the tagline follows: "QWS - Qandil Wire Service |
    // Iraq's independent news agency" has the name and its initials
    // before it, the longer the name.
    let mut cuts: Vec<(usize, usize)> = [" | ", " - ", " – ", " — ", ": "]
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(|(at, s)| (at, s.len())))
        .collect();
    cuts.sort_unstable();
    let head = cuts.iter().rev().find_map(|&(at, len)| {
        let rest = &text[at + len..];
        // "PHNA - Pars Horizon News Agency": a name spelt out, no tagline.
        let spelt_out = !rest.contains(',') && is_proper_name_of_at_most(rest.trim(), 8);
        (!spelt_out && tagline.is_match(rest)).then_some(&text[..at])
    })?;
    let named = |p: &&str| {
        (is_proper_name_of_at_most(p, 5) || known_outlet(p).is_some())
            && !super::people::is_place(p)
            && !is_country_short_name(p)
            && !is_status_label(p)
            && !is_section_word(p)
    };
    split_on_dashes(head)
        .into_iter()
        .filter(named)
        .max_by_key(|p| p.len())
}

/// "ansa.it", "english.example.com": the logo's text is the site's
/// address; the outlet the gazetteer knows by it.
fn outlet_of_logo_address(text: &str) -> Option<&'static str> {
    let (_, tld) = text.rsplit_once('.')?;
    (!text.contains(char::is_whitespace)
        && (2..=6).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic()))
    .then(|| super::entities::outlet_of_domain(&text.to_ascii_lowercase()))
    .flatten()
}

/// A menu's item printed on its own line: one or two capitalised words,
/// or two joined by an ampersand ("News & Events").
fn is_menu_item(text: &str, shape: &Shape) -> bool {
    let joined = shape.words == 3 && text.contains(" & ");
    (shape.words <= 2 || joined) && !shape.sentence_end && text.starts_with(char::is_uppercase)
}

/// A report series' name at the top ("Iraq Security Update", "Gulf
/// Brief") over the institution that publishes it ("Tigris Policy Forum",
/// printed just below and named again on the page, as in the running header
/// of a report saved from PDF): the institution is the publisher.
pub fn publisher_of_series(lines: &[Line], chrome: &[bool], series: &Masthead) -> Option<Masthead> {
    const SERIES: &[&str] = &[
        "update", "brief", "briefing", "bulletin", "digest", "report", "roundup", "tracker",
    ];
    // Besides the think tanks' words, bodies that publish reports only.
    const PROGRAMMES: &[&str] = &[
        "initiative",
        "programme",
        "program",
        "project",
        "society",
        "association",
        "university",
    ];
    let last = series.name.rsplit(' ').next()?.to_lowercase();
    if !SERIES.contains(&last.as_str()) {
        return None;
    }
    let end = lines.len().min(series.index + 4);
    (series.index + 1..end)
        .filter(|&j| !chrome[j])
        .find(|&j| {
            let t = lines[j].text.trim();
            let named_again = lines
                .iter()
                .enumerate()
                .any(|(k, l)| k != j && contains_words(&l.text.to_lowercase(), &t.to_lowercase()));
            is_proper_name(t)
                && t.split_whitespace().any(|w| {
                    let w = w.to_lowercase();
                    INSTITUTION_WORDS.contains(&w.as_str()) || PROGRAMMES.contains(&w.as_str())
                })
                && named_again
        })
        .map(|j| Masthead {
            index: j,
            name: best_spelling(lines[j].text.trim(), lines, j),
            why: "the institution under its series' name",
            strong: true,
        })
}

/// A ticker's or a list's label at the top of a page ("Breaking News",
/// "Latest Stories"), not a publication's name ("Breaking Defense" is one);
/// or a desk's ("WORLD NEWS", "Business News") over its headline.
fn is_status_label(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    #[rustfmt::skip]
    const DESKS: &[&str] = &[
        "world", "international", "national", "local", "regional", "business", "political",
        "politics", "sports", "sport", "health", "science", "tech", "technology",
        "entertainment", "foreign", "domestic", "general", "economy", "economic", "security",
    ];
    if DESKS.contains(&first.as_str()) && rest == ["news"] {
        return true;
    }
    matches!(
        first.as_str(),
        "breaking"
            | "latest"
            | "live"
            | "top"
            | "trending"
            | "featured"
            | "most"
            | "more"
            | "related"
            | "today's"
            | "editor's"
            | "popular"
            | "recommended"
    ) && !rest.is_empty()
        && rest.iter().all(|w| {
            matches!(
                w.as_str(),
                "news"
                    | "stories"
                    | "story"
                    | "updates"
                    | "update"
                    | "headlines"
                    | "articles"
                    | "now"
                    | "today"
                    | "videos"
                    | "reads"
                    | "read"
                    | "posts"
                    | "picks"
            )
        })
}

/// One common word ("News", "World"): a section's link or label, not a
/// publication's name; a word as rare as "Slate" or "Quartz", or a known
/// outlet's, may be one.
pub(super) fn is_section_word(name: &str) -> bool {
    let name = name.trim();
    // ("NEWSLINE": a logo in capitals is as rare as its name.)
    let rare = || is_rare_word(name) || in_name_case(name).is_some_and(|c| is_rare_word(&c));
    if name.contains(char::is_whitespace) || known_outlet(name).is_some() || rare() {
        return false;
    }
    let word = name
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    lexicon().is_common(&word)
}

/// "English Edition", "International Edition", "Print Edition": the
/// switch between a site's editions at the top of its pages, not the
/// site's name (no nameplate ends in the word).
fn is_edition_label(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.last().is_some_and(|w| {
            w.eq_ignore_ascii_case("edition") || w.eq_ignore_ascii_case("editions")
        })
}

/// One capitalised word rarer than a section's label ("Slate", "Quartz";
/// not "World", "Politics", "Video", zipf 4 and up).
fn is_rare_word(text: &str) -> bool {
    text.len() >= 4
        && text.starts_with(|c: char| c.is_uppercase())
        && text.chars().all(char::is_alphabetic)
        && text.chars().any(char::is_lowercase)
        && lexicon().get(text).is_none_or(|e| e.zipf10 < 40)
}

/// Two to four capitalised words ("Gulf Insight"): a name's shape, even
/// when each word is a common one. Trusted for a masthead only at the very
/// top of a page and named again below it.
fn is_capitalised_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = words.len();
    (2..=4).contains(&n)
        && !text.ends_with(['.', ',', ':', '?', '!'])
        && words.iter().enumerate().all(|(i, w)| {
            // "Barracks and Stripes", "Voice of the Gulf": a joining word
            // inside the name.
            (i > 0 && i + 1 < n && matches!(*w, "and" | "of" | "the" | "for" | "on"))
                || w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphanumeric() || "'’&-".contains(c))
        })
}

/// "Republic of Iraq", "KINGDOM OF JORDAN", "Government of the Kurdistan
/// Region": a state's name, not a publisher's.
fn is_state_name(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    // The country's name (3 to 41 characters) is counted here, not in the
    // pattern, where `{2,40}` of a letter class was 12,000 automaton states.
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:the\s+)?(?:(?:federal|islamic|arab|democratic)\s+)?(?:republic|kingdom|state|emirate|sultanate|government) of (?:the\s+)?(\p{L}[\p{L} '’-]{2,})$").unwrap()
    })
    .captures(text.trim())
    .and_then(|c| c.get(1))
    .is_some_and(|name| name.as_str().chars().count() <= 41)
}

/// "UAE", "UK", "United States": a country by its initials or a name the
/// place list leaves out (there, "US" and "UK" would be found as places in
/// every "US forces"); Gulf and British sites' menus open with them.
fn is_country_short_name(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "uae"
            | "u.a.e."
            | "united arab emirates"
            | "emirates"
            | "ksa"
            | "us"
            | "u.s."
            | "usa"
            | "united states"
            | "uk"
            | "u.k."
            | "united kingdom"
            | "britain"
            | "great britain"
            | "gcc"
            | "eu"
    )
}

/// The head words of official bodies, which publish pages of their own.
const BODIES: &[&str] = &[
    "ministry",
    "department",
    "command",
    "council",
    "commission",
    "office",
    "presidency",
    "government",
    "embassy",
    "mission",
    "parliament",
    "cabinet",
    "house",
    "secretariat",
    "directorate",
];

/// A line that names an official body by its head word ("Prime Minister's
/// Media Office", "Ministry of Water Resources").
fn names_a_body(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        BODIES.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

/// "U.S. Embassy in Iraq", "Ministry of Water Resources", "Prime
/// Minister's Media Office", "Embassy of Japan in Iraq", "British Embassy
/// Baghdad": an official body's name, its head word last or followed only
/// by what it serves ("of ...", "in ..."; a mission by its city alone).
/// "Oil Ministry Says Exports Rose" is a headline.
pub(super) fn is_body_name(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:(?i:embassy|consulate|ministry|department|command|council|commission|office|presidency|government|mission|parliament|cabinet|secretariat|directorate)(?:\s+(?:of|in|to|for)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:of|in|to)\s+)?(?:the\s+)?\p{Lu}[\p{L}.'’-]*){0,4})?|(?i:embassy|consulate)(?:\s+\p{Lu}[\p{L}'’-]+)?)$").unwrap()
    })
    .is_match(text.trim())
}

/// "U.S. DEPARTMENT OF STATE", "Ministry of Foreign Affairs": a body the
/// gazetteer knows, whose own page this is. Any case; "U.S." and a leading
/// "The" or nationality aside.
fn names_known_organisation(text: &str) -> bool {
    // Only official bodies publish pages of their own under their name: a
    // group's name at the top of a page is a topic label.
    if text.split_whitespace().count() > 8 || text.ends_with('.') || !names_a_body(text) {
        return false;
    }
    let folded = crate::topic::fold_initialisms(text).to_string();
    let bare = folded
        .trim_start_matches("The ")
        .trim_start_matches("THE ")
        .trim_start_matches("US ")
        .trim_start_matches("Iraqi ")
        .trim_start_matches("IRAQI ");
    is_known_organisation(&folded) || is_known_organisation(bare)
}

/// "PHNA - Pars Horizon News Agency" -> ["PHNA", "Pars Horizon News Agency"].
/// Also "دجلة تايمز Dijla Times": the name in Arabic script and in Latin
/// letters side by side, each a part; and a running header laid out in
/// columns ("CENTER FOR GULF STUDIES       Issue Brief", as `pdftotext
/// -layout` and fixed-width pages print it): a gap of three spaces or a
/// tab parts them.
fn split_on_dashes(text: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = text
        .split(['\t'])
        .flat_map(|p| p.split("   "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for sep in [" - ", " – ", " — ", " | "] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .collect();
    }
    parts
        .into_iter()
        .flat_map(split_scripts)
        .flat_map(split_bracketed_acronym)
        .collect()
}

/// "National Iraqi News Agency ( NINA )", "Gulf Press Agency (GPA)": a
/// name followed by its acronym in brackets; the two parts.
fn split_bracketed_acronym(text: &str) -> Vec<&str> {
    let Some(inner) = text.strip_suffix(')') else {
        return vec![text];
    };
    let Some((name, acronym)) = inner.rsplit_once('(') else {
        return vec![text];
    };
    let (name, acronym) = (name.trim(), acronym.trim());
    let is_acronym = (2..=8).contains(&acronym.len())
        && acronym
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && acronym.starts_with(|c: char| c.is_ascii_uppercase());
    if is_acronym && name.contains(' ') {
        vec![name, acronym]
    } else {
        vec![text]
    }
}

/// A name written in Arabic script and in Latin letters: the two runs.
fn split_scripts(text: &str) -> Vec<&str> {
    let arabic = |c: char| ('\u{600}'..='\u{6ff}').contains(&c);
    let latin = |c: char| c.is_ascii_alphabetic();
    let (Some(a), Some(l)) = (text.find(arabic), text.find(latin)) else {
        return vec![text];
    };
    // Where the first script's run ends: the last word before the other
    // script begins.
    let at = a.max(l);
    let cut = text[..at].trim_end().len();
    let (first, second) = (text[..cut].trim(), text[at..].trim());
    if first.contains(if a < l { latin } else { arabic })
        || second.contains(if a < l { arabic } else { latin })
    {
        return vec![text];
    }
    vec![first, second]
}

/// Does `haystack` hold `needle` as whole words?
pub(super) fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A short proper name: one to six words, each capitalised, in capitals,
/// a number or a connector; no sentence; not a date; not one common word
/// ("Region", "TRANSCRIPT") nor only common words without an outlet word
/// ("Middle East", "Top Stories").
pub fn is_proper_name(text: &str) -> bool {
    is_proper_name_of_at_most(text, 6)
}

/// [`is_proper_name`] with room for longer names: a masthead may spell out
/// an institution's whole name ("The Washington Institute for Near East
/// Policy").
pub(super) fn is_proper_name_of_at_most(text: &str, max_words: usize) -> bool {
    if !is_name_shaped(text, max_words) {
        return false;
    }
    let lex = lexicon();
    let common = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        CONNECTORS.contains(&core.to_lowercase().as_str()) || lex.is_common(core)
    };
    !text.split_whitespace().all(common) || has_outlet_word(text)
}

/// A name's shape alone: one to `max_words` words, each capitalised, in
/// capitals, a number or a connector; no sentence, no date. Common words
/// are allowed ("Gulf Insight"): for a name the page confirms elsewhere.
pub(super) fn is_name_shaped(text: &str, max_words: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(1..=max_words).contains(&words.len())
        || text.ends_with(['.', ',', ':', '?', '!'])
        || text.contains(',')
    {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        (i > 0
            && CONNECTORS.contains(&core.to_lowercase().as_str())
            && !core.starts_with(char::is_uppercase))
            || core
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || core == "&"
    }) && parse_date_line(text, DateStyle::default(), 3).is_none()
}

/// The name as the page writes it in mixed case somewhere, else in title
/// case when the masthead is in capitals ("LEVANT LEDGER" -> "Levant Ledger").
/// "BNS Homepage", "Harbour Times home page", "Nahrain News logo": the
/// logo's link or alternative text.
fn without_home_link(text: &str) -> &str {
    // "Follow NBC News": the site's follow button names it.
    let text = text
        .strip_prefix("Follow ")
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(text);
    let lower = text.to_ascii_lowercase();
    [" homepage", " home page", " home", " logo"]
        .iter()
        .find(|s| lower.ends_with(*s) && lower.len() > s.len())
        .map_or(text, |s| text[..text.len() - s.len()].trim_end())
}

/// An acronym at the top ("BNS") that the page spells out with an outlet
/// word after it ("BNS News, Baghdad" under the author's name): the
/// fuller name is the publisher's. Not a wire's acronym, whose own name
/// is canonical.
fn fuller_name(name: &str, lines: &[Line], index: usize) -> Option<String> {
    let acronym = (2..=5).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
    if !acronym || known_outlet(name).is_some() {
        return None;
    }
    let prefix = format!("{name} ");
    lines.iter().enumerate().find_map(|(j, l)| {
        let rest = l.text.strip_prefix(&prefix).filter(|_| j != index)?;
        let word = rest.split([' ', ',', '.', ':']).next()?;
        (word.starts_with(char::is_uppercase)
            && OUTLET_WORDS.contains(&word.to_lowercase().as_str()))
        .then(|| format!("{name} {word}"))
    })
}

/// "© 2024 GULF TRIBUNE MEDIA": an outlet's name of several words printed
/// only in capitals (a copyright line, a logo) is written as the page's prose
/// spells it, or in title case; a known outlet's name and an acronym stay.
///
/// "PressTV" as a logo prints it, "Press TV's website" in the page's own
/// lines: a name run together in one word is written as the page spaces it.
pub fn outlet_in_name_case(name: String, lines: &[Line]) -> String {
    if let Some(spaced) = spaced_as_printed(&name, lines) {
        return spaced;
    }
    if !name.contains(' ') || name.contains(char::is_lowercase) || known_outlet(&name).is_some() {
        return name;
    }
    best_spelling(&name, lines, usize::MAX)
}

/// "Press TV" for "PressTV", "Gulf News" for "GulfNews": two to four
/// capitalised words in a row on one of `lines` that run together make
/// `name`, one word with a capital inside it after a small letter.
fn spaced_as_printed(name: &str, lines: &[Line]) -> Option<String> {
    let run_together = !name.contains(' ')
        && name
            .chars()
            .zip(name.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if !run_together {
        return None;
    }
    let bare = |w: &str| -> String {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
            .to_string()
    };
    lines.iter().find_map(|l| {
        let words: Vec<String> = l.text.split_whitespace().map(bare).collect();
        (2..=4).find_map(|n| {
            words.windows(n).find_map(|w| {
                (w.iter().all(|x| x.starts_with(char::is_uppercase))
                    && w.concat().eq_ignore_ascii_case(name))
                .then(|| w.join(" "))
            })
        })
    })
}

fn best_spelling(name: &str, lines: &[Line], index: usize) -> String {
    if !name.chars().any(char::is_lowercase) {
        let needle = name.to_lowercase();
        for (j, l) in lines.iter().enumerate() {
            if j == index {
                continue;
            }
            let lower = l.text.to_lowercase();
            if let Some(at) = lower.find(&needle) {
                // Byte offsets agree when lower-casing kept every length.
                if lower.len() == l.text.len()
                    && let Some(found) = l.text.get(at..at + needle.len())
                    && found.chars().any(char::is_lowercase)
                    && found
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w))
                {
                    return found.to_string();
                }
            }
        }
        // "NATO", "UNAMI": an acronym the page's prose writes in capitals
        // too stays in capitals (a logo's "ZAWYA" is named so nowhere else).
        let in_prose = |j: usize, l: &Line| {
            j != index && l.text.contains(char::is_lowercase) && contains_words(&l.text, name)
        };
        if !name.contains(' ') && lines.iter().enumerate().any(|(j, l)| in_prose(j, l)) {
            return name.to_string();
        }
        return title_case(name);
    }
    name.to_string()
}

/// "Leo Shane Iii" -> "Leo Shane III": a generation's numeral that a name
/// in capitals, read word by word with what followed it, left in name case.
pub fn generation_in_capitals(name: String) -> String {
    match name.rsplit_once(' ') {
        Some((rest, last)) if matches!(last, "Ii" | "Iii" | "Iv" | "Vi" | "Vii" | "Viii") => {
            format!("{rest} {}", last.to_uppercase())
        }
        _ => name,
    }
}

/// Does `text` open with a byline's "By " (in any case)?
pub fn opens_with_by(text: &str) -> bool {
    text.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "))
}

/// A line set in capitals ("NADIA FAROUK IN BAGHDAD", "SALMA AL HASHIMI,
/// ERBIL") read as a byline is written: each word in name case, the small
/// joining words in lower case ("Nadia Farouk in Baghdad"). None for a line
/// with any lower-case letter (most lines: the test is one pass) or with
/// more than twelve words.
pub fn in_name_case(text: &str) -> Option<String> {
    let mut upper = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return None;
        }
        upper |= c.is_uppercase();
    }
    if !upper || text.split_whitespace().nth(12).is_some() {
        return None;
    }
    let words: Vec<String> = text
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0
                && matches!(
                    lower.as_str(),
                    "in" | "and" | "of" | "for" | "at" | "with" | "the"
                )
            {
                lower
            } else {
                name_case(w)
            }
        })
        .collect();
    Some(words.join(" "))
}

/// Is `text` set in capitals: no lower-case letter but the "c" of a "Mc"
/// that some sites keep in a name printed in capitals ("PAUL McLEARY")?
fn set_in_capitals(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        let rest = w.strip_prefix("Mc").filter(|r| r.len() >= 3).unwrap_or(w);
        !rest.chars().any(char::is_lowercase)
    })
}

/// "SARAH WHITMORE" -> "Sarah Whitmore"; "AL-SAADI" -> "Al-Saadi";
/// "PAUL MCLEARY" (or "PAUL McLEARY") -> "Paul McLeary"; a
/// generation's numeral stays one ("LEO SHANE III" -> "Leo Shane III").
fn name_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    let words = name.split(' ').count();
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
            start = true;
        }
        // (The name's last word: "LEO SHANE III STARS" is no name, and reads
        // as one word of capitals after another.)
        let numeral = i > 0
            && i + 1 == words
            && matches!(
                word.trim_end_matches(['.', ',']),
                "II" | "III" | "IV" | "VI" | "VII" | "VIII"
            );
        if numeral {
            out.push_str(word);
            continue;
        }
        // "MCLEARY" -> "McLeary": the Scottish and Irish "Mc" is always set
        // apart ("Mac" is not: Macron, Mack).
        let mc = (word.starts_with("MC") || word.starts_with("Mc"))
            && word[2..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase())
                .count()
                >= 3;
        for (k, c) in word.chars().enumerate() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            // ("O'NEILL" -> "O'Neill": an apostrophe after one letter.)
            start = !c.is_alphabetic() && (!matches!(c, '\'' | '’') || k == 1) || mc && k == 1;
        }
    }
    out
}

/// "THE SERVICE DISPATCH" -> "The Service Dispatch"; short words that are
/// not English words stay in capitals ("BBC NEWS" -> "BBC News").
pub fn title_case(name: &str) -> String {
    let lex = lexicon();
    name.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && CONNECTORS.contains(&lower.as_str()) {
                lower
            } else if !w.chars().any(|c| "AEIOUY".contains(c))
                || w.chars().count() <= 3 && !lex.is_common(&lower)
            {
                w.to_string()
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Could `text` be a headline: a few words, capitalised, not a sentence
/// that ends in a full stop, no menu separators? `marked` (an HTML heading)
/// may be shorter.
pub fn headline_shaped(text: &str, shape: &Shape, marked: bool) -> bool {
    let min = if marked { 1 } else { 3 };
    (min..=30).contains(&shape.words)
        && shape.starts_like_a_sentence
        && (marked || !text.trim_end().ends_with(['.', ',', ';']) || short_sentences(text))
        // "Share or comment on this article:", "Read more:": a label.
        && !text.trim_end().ends_with(':')
        && shape.separators == 0
        && !(shape.all_caps && shape.words <= 5)
        && !is_ticker(text)
}

/// "UPDATE 2-US, Iraq to start talks", "(LEAD) U.S., Iraq to begin talks":
/// the headline without the wire's status tag (its version, "EXCLUSIVE-",
/// a Korean agency's "(LEAD)" or "(2nd LD)"), which says how the story was
/// filed, not what it says. "Exclusive: ..." with a colon is the
/// headline's own word and stays.
pub fn without_wire_tag(headline: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?:(?:UPDATE|WRAPUP|CORRECTED|REFILE|RPT)(?: \d{1,2})?-|(?:EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|EXPLAINER|BREAKINGVIEWS)(?: \d{1,2})?-|\((?:LEAD|URGENT|\d{1,2}(?:st|nd|rd|th) LD|LD)\)\s*)(?P<rest>\S.{10,})$")
            .unwrap()
    });
    re.captures(headline.trim())
        .and_then(|c| c.name("rest"))
        .map(|m| m.as_str())
}

/// "The coalition is leaving Iraq. The militias are not.": a headline of
/// two or three short sentences, each capitalised (a standfirst is a longer
/// sentence).
fn short_sentences(text: &str) -> bool {
    // Split as prose is: not at an initial's or an abbreviation's stop
    // ("Iraq Wants U.S. Troops Out. Its Kurds Want Them to Stay.").
    let sentences = crate::sentences::sentences(text);
    (2..=3).contains(&sentences.len())
        && sentences.iter().all(|s| {
            let words = s.split_whitespace().count();
            (3..=7).contains(&words) && s.starts_with(char::is_uppercase)
        })
}

/// "Breaking: ...", "LIVE: ...", "Watch: ...": a ticker or a teaser above
/// the headline, not the headline.
fn is_ticker(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:breaking(?: news)?|trending|latest|just in|watch|listen|live updates|video|photos|podcast|sponsored|advertisement|read more|related|see also|also read)\s*[:|-]").unwrap()
    })
    .is_match(text.trim())
}

/// "WATCH: Coalition hands over Taji", "Breaking news - ...", "Analysis |
/// Coalition hands over Taji": the headline after a ticker's or a format's
/// label (or a section's word before a bar), which says how the story is
/// shown, not what it says. ("Analysis: ..." with a colon, "Exclusive: ..."
/// are the headline's own words and stay; so does a live page's "Live
/// updates: ...", its title's.)
pub fn kicker_rest(text: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:breaking(?: news)?|just in|developing|watch|listen|video|photos|in pictures)\s*[:|–—-]|\p{Lu}[\p{L}-]*(?: \p{L}[\p{L}-]*)? \|)\s*(\S.{10,})$")
            .unwrap()
    });
    let rest = re.captures(text.trim())?.get(1)?.as_str();
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "'‘\"“".contains(c))
        .then_some(rest)
}

/// "Live updates: US and Iraq announce ..." -> "US and Iraq announce ...":
/// what follows a live page's label.
pub fn live_label_rest(text: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^live(?: updates| blog| coverage)?\s*[:|-]\s*(\S.*)$").unwrap()
    });
    re.captures(text.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Where the page names its outlet, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OutletSource {
    /// `og:site_name`, JSON-LD `publisher`.
    Metadata,
    /// The page's title line above it: "Headline | Outlet".
    PageTitle,
    /// The name at the top of the page.
    Masthead,
    /// "© 2024 The Evening Courier".
    Copyright,
    /// "BAGHDAD (Evening Courier) –".
    Dateline,
    /// A line that names the publication: "Evening Courier / Baghdad",
    /// "Published in Evening Courier", "Feed: Evening Courier - World", "not
    /// edited by Evening Courier staff".
    OutletLine,
    /// "By Jane Roe | Evening Courier".
    Byline,
    /// "Source: Evening Courier and news agencies".
    SourceLine,
    /// "About The Evening Courier" among the footer's links.
    FooterAbout,
    /// "Follow The Evening Courier on Telegram", "Subscribe to The Evening
    /// Courier": a call to follow the outlet.
    FollowCall,
    /// A link to the page on the outlet's own domain ("https://p.dw.com/...").
    Address,
    /// "an official told the Evening Courier": the outlet the article's
    /// sources spoke to, when nothing else names one.
    Interview,
}

impl OutletSource {
    fn describe(self) -> &'static str {
        match self {
            OutletSource::Metadata => "the page's metadata (og:site_name / JSON-LD publisher)",
            OutletSource::PageTitle => "the page's title (\"Headline | Outlet\")",
            OutletSource::Copyright => "the copyright line",
            OutletSource::Masthead => "the masthead at the top of the page",
            OutletSource::Dateline => "the credit in the dateline",
            OutletSource::OutletLine => "a line that names the publication",
            OutletSource::Byline => "the byline",
            OutletSource::SourceLine => "the source line (\"Source: Outlet and news agencies\")",
            OutletSource::FooterAbout => "the footer's \"About ...\" link",
            OutletSource::FollowCall => "a call to follow or subscribe to the outlet",
            OutletSource::Address => "a link to the page on the outlet's domain",
            OutletSource::Interview => "the outlet the article's sources spoke to",
        }
    }
}

/// "About The Evening Courier": a footer's link to the publisher's own
/// page, which names it. `near` are the lines around it: one of them must
/// be another footer link ("Contact Us", "Privacy Policy"), so that a
/// teaser or a heading ("About Iraq") is not read as one.
/// "Follow The Evening Courier on Telegram", "Join Evening Courier on
/// WhatsApp", "Subscribe to The Evening Courier's newsletter": the name a
/// page asks its readers to follow, when it is a publication's (a known
/// outlet, or a proper name with an outlet's word: "Follow Jane Roe on X"
/// is the author's).
pub fn follow_call(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        const NAME: &str = r"(?:[Tt]he\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,4}";
        Regex::new(&format!(
            r"^(?:(?:Follow|Like|Join)\s+(?P<name>{NAME})\s+on\s+(?:Twitter|X|Telegram|Facebook|Instagram|WhatsApp|YouTube|TikTok|LinkedIn|Google News|Threads|Bluesky)\b|Subscribe\s+to\s+(?P<sub>{NAME}?)(?:'s|’s)?(?:\s+(?:newsletter|for|on|and)\b|\s*[.!]?$))"
        ))
        .unwrap()
    });
    let c = re.captures(line.trim())?;
    let name = c.name("name").or_else(|| c.name("sub"))?.as_str();
    let name = match name.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => name.to_string(),
    };
    is_publication_name(&name).then_some(name)
}

/// A publication's name: a known outlet's, or a proper name of at most six
/// words with an outlet's word ("Harbour Times", "Zagros News Agency").
pub fn is_publication_name(text: &str) -> bool {
    known_outlet(text).is_some() || has_outlet_word(text) && is_proper_name_of_at_most(text, 6)
}

pub fn footer_about<'l>(line: &str, mut near: impl Iterator<Item = &'l str>) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^About\s+(?P<name>(?:[Tt]he\s+)?\p{Lu}[\p{L}\d&'’.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\d&'’.-]*){0,4})$").unwrap()
    });
    const FOOTER_LINKS: &[&str] = &[
        "contact us",
        "contact",
        "advertise",
        "advertise with us",
        "privacy policy",
        "privacy",
        "terms of use",
        "terms of service",
        "terms and conditions",
        "cookie policy",
        "careers",
        "sitemap",
        "site map",
    ];
    // ("ABOUT THE BAGHDAD POST": a footer set in capitals.)
    let cased = in_name_case(line);
    let captures = re.captures(cased.as_deref().unwrap_or(line).trim())?;
    let name = captures.name("name")?.as_str();
    let footer = |l: &str| FOOTER_LINKS.contains(&l.trim().to_lowercase().as_str());
    (!super::people::is_place(name) && !["Us", "Me"].contains(&name) && near.any(footer)).then(
        || match name.strip_prefix("the ") {
            Some(rest) => format!("The {rest}"),
            None => name.to_string(),
        },
    )
}

/// The known outlet a sentence says its source spoke to: "a senior source
/// told Asharq Al-Awsat", "in an interview with CNN".
pub fn interviewing_outlet(text: &str) -> Option<&'static str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"\b(?:told|telling|speaking to|spoke to|said to|in an interview with|in remarks to|interviewed by)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’.-]*(?:[ -]\p{Lu}[\p{L}\p{N}'’.-]*){0,3})",
        )
        .unwrap()
    });
    re.captures_iter(text).find_map(|c| {
        let words: Vec<&str> = c[1].split(' ').collect();
        // The longest run of capitalised words that is an outlet's name.
        (1..=words.len())
            .rev()
            .find_map(|n| known_outlet(words[..n].join(" ").trim_end_matches(['.', ',']).trim()))
            .map(|(name, _)| name)
    })
}

/// The known outlet whose web address a line gives ("https://p.dw.com/p/x",
/// "www.france24.com/en/..."), by the gazetteer's domains; or whose mail
/// address ("Write to Jane Roe at jane.roe@wsj.com": a staff writer's).
pub fn outlet_of_address(line: &str) -> Option<&'static str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:\b(?:https?://|www\.)|[\w.+-]@)([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#.,;)\]]|\s|$)",
        )
        .unwrap()
    });
    re.captures_iter(line)
        .find_map(|c| super::entities::outlet_of_domain(&c[1].to_lowercase()))
}

/// The host a line gives ("https://www.example.com/a", "Source:
/// example.co.uk", "desk@example.net"), lower case, without "www.".
pub fn host_in(text: &str) -> Option<String> {
    static HOST: OnceLock<Regex> = OnceLock::new();
    let host = HOST.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s(/@])(?:https?://)?(?:www\d?\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#)]|\s|$)")
            .unwrap()
    });
    Some(host.captures(text)?.get(1)?.as_str().to_ascii_lowercase())
}

/// The site's name in its own address's host (`host_in`):
/// "https://www.euphratescourier.com/..." on a page that prints "Euphrates Courier" (or "the Euphrates Courier")
/// somewhere is that outlet's page. The name must be printed: an address
/// alone does not say where its words part or how they are capitalised.
pub fn outlet_spelt_by_address(host: &str, lines: &[Line]) -> Option<(String, usize)> {
    // The label before the public suffix: "euphratescourier" in
    // "news.euphratescourier.co.uk".
    let labels: Vec<&str> = host.split('.').collect();
    let suffix = match labels.as_slice() {
        [.., second, _] if ["co", "com", "org", "net", "gov", "ac", "news"].contains(second) => 2,
        _ => 1,
    };
    let label = labels.len().checked_sub(suffix + 1).map(|i| labels[i])?;
    let key: String = label.chars().filter(char::is_ascii_alphanumeric).collect();
    if key.len() < 4 {
        return None;
    }
    let squash = |words: &[&str]| -> String {
        words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for line in lines {
        let words: Vec<&str> = line.text.split_whitespace().collect();
        for i in 0..words.len() {
            if !words[i].starts_with(char::is_uppercase) && words[i] != "the" {
                continue;
            }
            for j in i..words.len().min(i + 6) {
                let joined = squash(&words[i..=j]);
                if joined.len() > key.len() || !key.starts_with(&joined) {
                    break;
                }
                let capitalised = words[i..=j].iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || *w == "the"
                        || *w == "al"
                });
                if joined == key && capitalised {
                    let name = words[i..=j].join(" ");
                    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let name = name
                        .strip_prefix("the ")
                        .map_or(name.to_string(), |n| format!("The {n}"));
                    return Some((name, line.no));
                }
            }
        }
    }
    None
}

/// "service times media group" over the masthead "service times": the
/// company that owns the publication, whose name is the masthead's and a
/// company's words ("Newsline Digital LLC", "Gulf Post Holdings").
fn owner_of(fuller: &str, masthead: &str) -> bool {
    // A group's words, and the legal forms (their letters, as `key` leaves
    // them: "L.P." is "l p", so "lp" is listed).
    const COMPANY: &[&str] = &[
        "media",
        "group",
        "digital",
        "holding",
        "holdings",
        "company",
        "corporation",
        "publishing",
        "publications",
        "communications",
        "enterprises",
        "ventures",
        "lp",
    ];
    let company =
        |w: &str| COMPANY.contains(&w) || LEGAL_FORMS.iter().any(|f| f.eq_ignore_ascii_case(w));
    let mut rest = fuller.split(' ').collect::<Vec<_>>();
    for word in masthead.split(' ') {
        match rest.iter().position(|w| *w == word) {
            Some(i) => {
                rest.remove(i);
            }
            None => return false,
        }
    }
    // "quincy institute for responsible statecraft" over "responsible
    // statecraft": an institute, a foundation, publishes the magazine.
    // ("guardian news media" over "guardian": a news company's "news" is
    // a company's word beside another.)
    !rest.is_empty()
        && (rest.iter().all(|w| company(w) || *w == "news") && rest.iter().any(|w| company(w))
            || rest.iter().any(|w| INSTITUTION_WORDS.contains(w)))
}

/// The outlet from every place the page names one: the strongest source
/// wins, and the reason says which, and which others agree.
pub fn choose_outlet(
    mut found: Vec<(OutletSource, String, Option<usize>)>,
    on_page: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    // An agency's name is the outlet only where the page names itself (its
    // metadata, its title, its masthead: the agency's own page); credited
    // in a dateline, a byline or a copyright line it reprints a story.
    found.retain(|(_, n, _)| !n.trim().is_empty());
    let own = |(s, n, _): &(OutletSource, String, Option<usize>)| {
        !is_wire(n)
            || matches!(
                s,
                OutletSource::Metadata | OutletSource::PageTitle | OutletSource::Masthead
            )
    };
    // Unless the page names no outlet of its own: then the agency whose
    // copyright it carries published it ("Copyright © XINHUANET.com").
    if found.iter().any(own) {
        found.retain(own);
    } else {
        // An agency the sources "told", or a link to its story, is the
        // reporting a page cites, not its publisher; its copyright line, or
        // its credit in the dateline of a bylined story, names it publisher.
        found.retain(|(s, _, _)| matches!(s, OutletSource::Copyright | OutletSource::Dateline));
    }
    found.sort_by_key(|(s, _, _)| *s);
    let key = |n: &str| {
        n.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "the")
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The masthead names the publication; a copyright line may name its
    // owner instead ("The Hill" over "© Nexstar Media Inc."), so the
    // masthead wins, but where the copyright spells the masthead's name out
    // in full ("Republic of Iraq" over "© Ministry of Foreign Affairs –
    // Republic of Iraq") it is the fuller name of the same publisher.
    if let Some(first) = found.first()
        && first.0 == OutletSource::Masthead
        && let Some(fuller) = found.iter().find(|(s, n, _)| {
            *s == OutletSource::Copyright
                && key(n).len() > key(&first.1).len()
                && key(n).contains(&key(&first.1))
                && !owner_of(&key(n), &key(&first.1))
                // "© The Exchange US, Inc.": an edition, not a fuller name.
                && key(super::entities::without_edition(n)) != key(&first.1)
        })
    {
        let fuller = fuller.clone();
        found.retain(|f| f != &fuller);
        found.insert(0, fuller);
    }
    let (source, name, line) = found.first()?.clone();
    // "Cable News Network", "XINHUANET": the name the gazetteer knows it by,
    // when the page uses that name too (a page that says only "VOA" is
    // VOA's, in its own words).
    // A fuller name the page prints ("Alsumaria News" for Alsumaria) is
    // kept: it is the same outlet in the page's own words. An edition is
    // not part of the name ("IRNA English" is IRNA).
    let printed = super::entities::without_edition(&name).to_string();
    let name = match known_outlet(&name) {
        Some((known, _))
            if on_page(known)
                && !format!(" {} ", key(&printed)).contains(&format!(" {} ", key(known))) =>
        {
            known.to_string()
        }
        Some((known, _)) if key(&printed) == key(known) => known.to_string(),
        Some(_) => printed,
        None => name,
    };
    let mut agree: Vec<&str> = found[1..]
        .iter()
        .filter(|(s, n, _)| {
            *s != source && (key(n).contains(&key(&name)) || key(&name).contains(&key(n)))
        })
        .map(|(s, _, _)| s.describe())
        .collect();
    // Two lines of one kind name it once (`found` is sorted by kind).
    agree.dedup();
    let mut why = format!(
        "from {}{}",
        source.describe(),
        line.map(|l| format!(" (line {l})")).unwrap_or_default()
    );
    if !agree.is_empty() {
        why.push_str(&format!("; also named in {}", agree.join(", ")));
    }
    Some((name, why))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (text_source): a no-break space between names is
    /// two bytes, and the outlet after it was sliced from inside it.
    #[test]
    fn an_outlet_after_a_no_break_space_is_split_off_at_a_char_boundary() {
        assert_eq!(
            split_trailing_outlet("Staff\u{a0}ticle"),
            ("Staff\u{a0}ticle", None)
        );
        assert_eq!(
            split_trailing_outlet("ALI KHALAF\u{a0}Associated Press"),
            ("ALI KHALAF", Some("Associated Press"))
        );
    }

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::logical_lines(text)
    }

    #[test]
    fn a_run_together_name_as_the_page_spaces_it() {
        let page = lines(
            "HarbourTV\nTalks resume\nHarbour TV's website can also be reached at harbour.example\n",
        );
        assert_eq!(outlet_in_name_case("HarbourTV".into(), &page), "Harbour TV");
        // Not spaced anywhere, or spaced only in lower case: as printed.
        let page = lines("NewsPulse\nTalks resume on the news pulse of the region\n");
        assert_eq!(outlet_in_name_case("NewsPulse".into(), &page), "NewsPulse");
        // A name in one word with no capital inside is no run-together name.
        let page = lines("Kurdistan24\nThe Kurdistan 24 crew\n");
        assert_eq!(
            outlet_in_name_case("Kurdistan24".into(), &page),
            "Kurdistan24"
        );
    }

    fn top(text: &str) -> Option<String> {
        let ls = lines(text);
        let shapes: Vec<Shape> = ls.iter().map(|l| Shape::of(&l.text)).collect();
        let chrome: Vec<bool> = ls.iter().map(|l| l.text.starts_with("Skip")).collect();
        masthead(&ls, &shapes, &chrome, 0).map(|m| m.name)
    }

    #[test]
    fn an_edition_switch_is_no_nameplate_and_a_staff_address_names_the_outlet() {
        assert_eq!(
            top(
                "English Edition\nPrint Edition\nVideo\nAudio\nPodcasts\nWorld\nTalks resume in Baghdad"
            ),
            None
        );
        assert!(is_edition_label("International Edition") && !is_edition_label("Edition"));
        assert_eq!(
            outlet_of_address("Write to Jane Roe at jane.roe@wsj.com and John Doe at jd@wsj.com."),
            Some("The Wall Street Journal")
        );
        assert_eq!(
            outlet_of_address("Email the desk: tips@washingtonpost.com"),
            Some("The Washington Post")
        );
        assert_eq!(outlet_of_address("Write to jane@example.org"), None);
        assert_eq!(
            paper_of_its_company("The Harbour Times Company"),
            "The Harbour Times"
        );
        assert_eq!(
            paper_of_its_company("Gulf Broadcasting Company"),
            "Gulf Broadcasting Company"
        );
    }

    #[test]
    fn the_sites_name_in_its_address_printed_on_the_page() {
        let ls = lines(
            "Talks resume\nOfficials told the Harbour Ledger on Monday that talks would resume.\nThe Kurdistan24 team said so.",
        );
        assert_eq!(
            outlet_spelt_by_address(
                &host_in("https://www.harbourledger.co.uk/news/1").unwrap(),
                &ls
            ),
            Some(("Harbour Ledger".to_string(), 2))
        );
        assert_eq!(
            outlet_spelt_by_address(&host_in("Source: kurdistan24.net").unwrap(), &ls),
            Some(("Kurdistan24".to_string(), 3))
        );
        // Not printed: no name (an address does not say where its words part).
        assert_eq!(
            outlet_spelt_by_address(&host_in("https://gulfledger.com/a").unwrap(), &ls),
            None
        );
        // Lower-case prose is no name ("the harbour ledger's accounts").
        let ls = lines("The harbour ledger was closed.");
        assert_eq!(
            outlet_spelt_by_address(&host_in("https://harbourledger.com/a").unwrap(), &ls),
            None
        );
    }

    #[test]
    fn a_desk_byline_and_its_date_side_by_side() {
        for line in [
            "By Gulf Tribune Staff - Published: 12 Oct 2024, 19:05",
            "By Gulf Tribune Staff Published: 12 Oct 2024",
            "By Gulf Tribune Staff, Published: 12 Oct 2024",
        ] {
            assert_eq!(
                desk_in_date_line(line).as_deref(),
                Some("Gulf Tribune"),
                "{line}"
            );
        }
        assert_eq!(desk_in_date_line("Published: 12 Oct 2024"), None);
        // The agency a desk credits is not the date's.
        let b = byline(
            "By Euronewz with AP Published on 27/09/2024 - 17:45 GMT+2",
            DateStyle::default(),
            false,
        )
        .unwrap();
        assert_eq!(
            b.date.map(|d| d.date.to_string()).as_deref(),
            Some("2024-09-27")
        );
        assert_eq!(b.outlet.as_deref(), Some("Euronewz"));
    }

    #[test]
    fn names_in_capitals_read_in_name_case() {
        // (A generation's numeral is not a word.)
        for (capitals, name) in [
            ("SARAH WHITMORE", "Sarah Whitmore"),
            ("HAYDER AL-SAADI", "Hayder Al-Saadi"),
            ("O'NEILL", "O'Neill"),
            ("AL-SHAYEB'S", "Al-Shayeb's"),
            ("LEO SHANE III", "Leo Shane III"),
            ("JOHN DOE II,", "John Doe II,"),
            ("PAUL MCLEARY", "Paul McLeary"),
            ("PAUL McLEARY", "Paul McLeary"),
            ("EMMANUEL MACRON", "Emmanuel Macron"),
            ("MCCAIN'S", "McCain's"),
        ] {
            assert_eq!(name_case(capitals), name);
            assert!(set_in_capitals(capitals), "{capitals}");
        }
        assert!(!set_in_capitals("Paul McLeary"));
        assert!(!set_in_capitals("John McCain"));
        assert_eq!(
            generation_in_capitals("Leo Shane Iii".into()),
            "Leo Shane III"
        );
        assert_eq!(generation_in_capitals("Vi Tran".into()), "Vi Tran");
        // A byline set in capitals reads as the same byline in name case.
        assert_eq!(
            in_name_case("NADIA FAROUK IN BAGHDAD").as_deref(),
            Some("Nadia Farouk in Baghdad")
        );
        assert_eq!(in_name_case("Nadia Farouk"), None);
        let b = |s: &str| byline(s, DateStyle::default(), false).map(|b| b.authors);
        assert_eq!(
            b("NADIA FAROUK IN BAGHDAD"),
            Some(vec!["Nadia Farouk".to_string()])
        );
        assert_eq!(
            b("SALMA AL HASHIMI, ERBIL"),
            Some(vec!["Salma Al Hashimi".to_string()])
        );
        assert_eq!(
            b("BAGHDAD - HAIDAR AL-NASHWAN"),
            Some(vec!["Haidar Al-Nashwan".to_string()])
        );
        assert_eq!(b("MIDDLE EAST AND NORTH AFRICA"), None);
    }

    #[test]
    fn mastheads_are_confirmed_short_names() {
        assert_eq!(
            top(
                "Skip to content\nTHE HARBOUR GAZETTE\nHome | News\nA headline of some length here\n"
            ),
            Some("The Harbour Gazette".to_string())
        );
        assert_eq!(
            top("Qandil Wire Service\nStory text that told Qandil Wire Service about it.\n"),
            Some("Qandil Wire Service".to_string())
        );
        // Named again in a dateline: confirmed, spelt as there.
        assert_eq!(
            top("ZAWRAA GATE\nSecurity\nMOSUL (Zawraa Gate) - A blast hit the market.\n"),
            Some("Zawraa Gate".to_string())
        );
        // The logo's initials over the name they spell: the name; unless the
        // initials are the name the gazetteer knows.
        assert_eq!(
            top("GNA\nGulf News Agency\nLocal\nGulf\nWorld\nA headline of some length\n"),
            Some("Gulf News Agency".to_string())
        );
        assert_eq!(
            top(
                "BBC\nBritish Broadcasting Corporation\nHome\nNews\nSport\nA headline of some length\n"
            ),
            Some("BBC".to_string())
        );
        // A running header in columns (a PDF read as laid-out text): the
        // name, not the name and the series label with the gap between.
        assert_eq!(
            top(
                "MARSH INSTITUTE FOR POLICY STUDIES          Policy Note\n\nA Headline For A Long Report\n\nMarsh Institute for Policy Studies | Policy Note 3    Page 2\n"
            ),
            Some("Marsh Institute for Policy Studies".to_string())
        );
        // The name beside its tagline, however long the tagline.
        for line in [
            "Qandil Wire - Latest news from Iraq and the region",
            "Qandil Wire: Iraq's independent news agency",
            "Qandil Wire | Breaking News, Iraq News, Kurdistan News",
            "Qandil Wire | News, analysis and opinion from the Middle East",
        ] {
            assert_eq!(
                top(&format!("{line}\nA headline of some length here\n")),
                Some("Qandil Wire".to_string()),
                "{line}"
            );
        }
        assert_eq!(
            top(
                "QWS - Qandil Wire Service | Iraq's independent news agency\nA headline of some length\n"
            ),
            Some("Qandil Wire Service".to_string())
        );
        // A place, a live page's subject or a headline before the colon.
        for line in [
            "Iraq: latest news as the talks resume",
            "Israel-Gaza war: live news and updates",
            "Sudani: independent lawmakers back the budget",
        ] {
            assert_eq!(
                top(&format!("{line}\nA headline of some length here\n")),
                None,
                "{line}"
            );
        }
        // A section label and a headline are not mastheads.
        assert_eq!(top("MIDDLE EAST\nA headline follows here today\n"), None);
        assert_eq!(top("Region\nMore text\n"), None);
        assert_eq!(
            top("Iraq condemns strike as factions warn of escalation\nText.\n"),
            None
        );
        assert_eq!(
            top("KRN - Kirkuk Radio Network\nKIRKUK, May 2 (KRN) - Text.\n"),
            Some("Kirkuk Radio Network".to_string())
        );
        // The acronym in brackets after the name; a nameplate in capitals
        // ending in a full stop (a sentence in capitals is not one).
        assert_eq!(
            top("Gulf Press Agency ( GPA )\nHome\nDOHA / GPA / A ship docked.\n"),
            Some("Gulf Press Agency".to_string())
        );
        assert_eq!(
            top("THE HARBOUR GAZETTE.\nHome | News\nA headline of some length here\n"),
            Some("The Harbour Gazette".to_string())
        );
        assert_eq!(
            top("TALKS BEGIN IN BAGHDAD TODAY AS PLANNED.\nText.\n"),
            None
        );
        // A rare word at the very top, named again below.
        assert_eq!(
            top("Slatewise\nWorld\nA story Slatewise reported on Monday.\n"),
            Some("Slatewise".to_string())
        );
        // Two capitalised words above a menu printed one item per line; a
        // ticker's label is not a name.
        assert_eq!(
            top(
                "Finance Hub\nSearch for news, symbols or companies\nNews\nFinance\nSports\nMarkets\nA headline here\n"
            ),
            Some("Finance Hub".to_string())
        );
        assert_eq!(
            top("Breaking News\nNews\nFinance\nSports\nMarkets\nA headline here\n"),
            None
        );
        // The state's name over the body that publishes.
        assert_eq!(
            top(
                "Republic of Iraq\nPrime Minister's Media Office\nHome\nA statement on the talks\n"
            ),
            Some("Prime Minister's Media Office".to_string())
        );
        // Under chrome, a name is confirmed by the copyright line, not by a
        // breadcrumb that repeats a section's label.
        assert_eq!(
            top(
                "Skip to content\nOrbit World\nExplainer\nA headline\nOrbit World © 2024 | Privacy\n"
            ),
            Some("Orbit World".to_string())
        );
        assert_eq!(
            top("Skip to content\nMiddle East\nMiddle East|A headline here today\n"),
            None
        );
    }

    #[test]
    fn transcript_speakers_with_timestamps_titles_and_parties() {
        assert_eq!(
            transcript_speaker("[00:12:09] OMAR RASHID: Welcome back.").map(|s| s.0),
            Some("Omar Rashid".to_string())
        );
        assert_eq!(
            transcript_speaker("SEN. NADIA BRENNAN (D-VT): The hearing will come to order."),
            Some(("Nadia Brennan".to_string(), "senator".to_string()))
        );
        assert_eq!(
            transcript_speaker("GEN. SAMI RAHAL: Thank you.").map(|s| s.0),
            Some("Sami Rahal".to_string())
        );
        // A rank before a surname alone names no new speaker (the briefer
        // is named in full above), even a surname that is a given name too.
        assert_eq!(transcript_speaker("GEN. RAHAL: We will respond."), None);
        assert_eq!(transcript_speaker("GEN. RYDER: We will respond."), None);
    }

    #[test]
    fn a_byline_with_an_honorific_and_a_role() {
        let b = byline(
            "Commentary by Dr. Jane Roe, Senior Fellow",
            DateStyle::default(),
            false,
        )
        .unwrap();
        assert_eq!(b.authors, ["Jane Roe"]);
        let two = byline("By Jane Roe, Omar Rashid", DateStyle::default(), false).unwrap();
        assert_eq!(two.authors, ["Jane Roe", "Omar Rashid"]);
        // A sentence's stop after the name is no part of it; an initial's is.
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap().authors;
        assert_eq!(b("Interviewed by Jane Roe."), ["Jane Roe"]);
        assert_eq!(
            b("By Jane Roe and Omar Rashid."),
            ["Jane Roe", "Omar Rashid"]
        );
        assert_eq!(b("By John Doe Jr."), ["John Doe Jr."]);
    }

    #[test]
    fn a_byline_of_a_desk_or_a_person_with_agencies() {
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap();
        let desk = b("By Harbour Newsroom with AP");
        assert_eq!(desk.outlet.as_deref(), Some("Harbour Newsroom"));
        assert_eq!(desk.credits, ["Associated Press"]);
        assert!(desk.authors.is_empty());
        let person = b("By Jane Roe with AFP");
        assert_eq!(person.authors, ["Jane Roe"]);
        assert_eq!(person.credits, ["Agence France-Presse"]);
    }

    #[test]
    fn bylines_with_ranks_dates_after_a_comma_and_the_sites_initials() {
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap();
        assert_eq!(b("Story by Staff Sgt. Dana Roe").authors, ["Dana Roe"]);
        assert_eq!(
            b("By Petty Officer 2nd Class Omar Reyes").authors,
            ["Omar Reyes"]
        );
        assert_eq!(b("Story by Senior Airman Lee Park").authors, ["Lee Park"]);
        // A surname before a comma and a date is not a dateline's place.
        let comma = b("By Sana Mourad, 3 March 2024 18:20");
        assert_eq!(comma.authors, ["Sana Mourad"]);
        assert_eq!(comma.date.unwrap().date.to_string(), "2024-03-03");
        let placed = b("By Sana Mourad, Beirut, 3 March 2024");
        assert_eq!(placed.authors, ["Sana Mourad"]);
        // The site's short name before the byline.
        let labelled = b("HG / By Sana Mourad, 3 March 2024 18:20");
        assert_eq!(labelled.authors, ["Sana Mourad"]);
        assert!(labelled.outlet.is_none() && labelled.credits.is_empty());
        assert_eq!(b("AFP | By Sana Mourad").credits, ["Agence France-Presse"]);
        assert!(logo_beside_name("HNA | Harbour News Agency"));
        assert!(!logo_beside_name("News | Harbour"));
    }

    #[test]
    fn a_job_before_the_name_a_generation_after_it_and_a_press_releases_dateline() {
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap();
        assert_eq!(
            b("By Gulf correspondent Mara Velde").authors,
            ["Mara Velde"]
        );
        assert_eq!(
            b("By senior political reporter Tom Ashdown").authors,
            ["Tom Ashdown"]
        );
        // A rank in capitals is read elsewhere; lower-case words that are
        // no journalist's job stay out of the name.
        assert!(b("By Gulf News staff").authors.is_empty());
        assert_eq!(b("By Ray Dalton III").authors, ["Ray Dalton III"]);
        assert_eq!(b("By Ray Dalton Jr.").authors, ["Ray Dalton Jr."]);
        assert!(!is_person_name("Ray III"));
        let d = |s: &str| standalone_dateline(s).map(|d| d.place);
        assert_eq!(d("FORT HOLLIS, Texas –").as_deref(), Some("FORT HOLLIS"));
        assert_eq!(d("CAMP ARROW, N.C. -").as_deref(), Some("CAMP ARROW"));
        // A place in capitals with a name that is no place after it is not.
        assert_eq!(d("FORT HOLLIS, Jane Roe –"), None);
    }

    #[test]
    fn a_mission_named_by_its_state_and_city() {
        for name in [
            "Embassy of Japan in Iraq",
            "Embassy of the Kingdom of the Netherlands in Iraq",
            "British Embassy Baghdad",
        ] {
            assert!(is_body_name(name), "{name}");
        }
        assert!(!is_body_name("Oil Ministry Says Exports Rose"));
    }

    #[test]
    fn the_kind_of_piece_before_by() {
        // A think tank's label for the kind of piece before "by".
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap_or_default();
        assert_eq!(b("Blog posted by Jane A. Roe").authors, ["Jane A. Roe"]);
        assert_eq!(b("Article by Omar Rashid").authors, ["Omar Rashid"]);
        assert!(byline("Articles by topic", DateStyle::default(), false).is_none());
    }

    #[test]
    fn bylines() {
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap();
        assert_eq!(
            b("By Jane Holloway and Omar Rashid").authors,
            ["Jane Holloway", "Omar Rashid"]
        );
        assert_eq!(b("Interview by Soran Aziz").authors, ["Soran Aziz"]);
        let placed = b("Mosul | Jan 26, 2024 | By Ali Hassan");
        assert_eq!(placed.authors, ["Ali Hassan"]);
        assert_eq!(placed.date.unwrap().date.to_string(), "2024-01-26");
        assert!(is_body_name("U.S. Embassy in Iraq"));
        assert!(is_body_name("Ministry of Water Resources"));
        assert!(!is_body_name("Oil Ministry Says Exports Rose"));
        assert_eq!(
            b("By Jane Holloway Follow and Omar Rashid Follow").authors,
            ["Jane Holloway", "Omar Rashid"]
        );
        let staff = b("By Staff Writer | Reuters");
        assert!(staff.authors.is_empty());
        assert_eq!(staff.credits, ["Reuters"]);
        let dated = b("By Noor al-Rawi | 16 April 2024 | 00:40");
        assert_eq!(dated.authors, ["Noor al-Rawi"]);
        assert_eq!(dated.date.unwrap().date.to_string(), "2024-04-16");
        assert!(b("Posted by Frontline Desk").authors.is_empty());
        assert_eq!(
            transcript_speaker("OMAR RASHID, HOST: Good morning."),
            Some(("Omar Rashid".to_string(), "host".to_string()))
        );
        assert_eq!(
            transcript_speaker("JANE HOLLOWAY, BYLINE: Thank you.").map(|s| s.1),
            Some("correspondent".to_string())
        );
        assert_eq!(
            transcript_speaker("UNITED STATES: The talks went on."),
            None
        );
        assert!(transcript_speaker("OMAR RASHID, HOST:").is_some());
        // A post's publication, labelled; a category is not one.
        let named = |l: &str, n: Option<&str>| labelled_publication(l, n);
        assert_eq!(
            named("Published in", Some("Field Notes")).as_deref(),
            Some("Field Notes")
        );
        assert_eq!(
            named("Writer for", Some("Harbour Review")).as_deref(),
            Some("Harbour Review")
        );
        assert_eq!(
            named("Published in The Evening Courier, January 28th, 2024", None).as_deref(),
            Some("The Evening Courier")
        );
        assert_eq!(named("Posted in", Some("Middle East")), None);
        // A press release's issuer, without its legal form.
        assert_eq!(
            named("NEWS PROVIDED BY", Some("Northgate Logistics, Inc.")).as_deref(),
            Some("Northgate Logistics")
        );
        assert_eq!(without_company_form("Westco"), "Westco");
        // A briefer's full title before the name, in a label or on a line.
        assert_eq!(
            transcript_speaker(
                "PENTAGON PRESS SECRETARY AIR FORCE MAJOR GENERAL PAT RYDER: Good afternoon."
            ),
            Some((
                "Pat Ryder".to_string(),
                "pentagon press secretary air force major general".to_string()
            ))
        );
        assert_eq!(
            role_and_name("Deputy Foreign Minister Omar Rashid").map(|r| r.0),
            Some("Omar Rashid".to_string())
        );
        assert_eq!(
            role_and_name("Foreign Ministers Meet In Baghdad Today"),
            None
        );
        assert_eq!(
            name_and_post("Jane Roe, Senior Fellow, Harbour Policy Institute").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            name_and_post("Jane Roe, who said the talks had ended"),
            None
        );
        assert!(outlet_notice(
            "Harbour Daily is committed to accurate and fair reporting."
        ));
        assert!(!outlet_notice(
            "The government is committed to the agreement, he said."
        ));
        assert!(!outlet_notice("Iraq is committed to ending the mission."));
        assert_eq!(
            split_scripts("دجلة تايمز Dijla Times"),
            ["دجلة تايمز", "Dijla Times"]
        );
        assert_eq!(split_scripts("Dijla Times"), ["Dijla Times"]);
        assert!(short_sentences(
            "The coalition is leaving Iraq. The militias are not."
        ));
        assert!(!short_sentences(
            "Good morning. Here's what you need to know today."
        ));
        assert!(short_sentences(
            "Iraq Wants U.S. Troops Out. Its Kurds Want Them to Stay."
        ));
        assert!(!short_sentences(
            "The talks resumed on Monday after a pause of several weeks."
        ));
        assert_eq!(
            named("Published in", Some("the spring, officials said")),
            None
        );
        assert_eq!(
            named("Published in 2019, the report found gaps", None),
            None
        );
        assert_eq!(transcript_speaker("Omar Rashid, host: Good morning."), None);
        // Lower case, a dash before a two-digit year; the space after "By"
        // lost; an e-mail address and a handle among the fields.
        let dashed = b("by Omar Rashid - 03/08/24 4:12 PM ET");
        assert_eq!(dashed.authors, ["Omar Rashid"]);
        assert_eq!(dashed.date.unwrap().date.to_string(), "2024-03-08");
        assert_eq!(
            b("ByJane Holloway and Omar Rashid").authors,
            ["Jane Holloway", "Omar Rashid"]
        );
        let fields = b("By Jane Holloway | March 8, 2024 | jane@courier.example | @jholloway");
        assert_eq!(fields.authors, ["Jane Holloway"]);
        assert_eq!(fields.date.unwrap().date.to_string(), "2024-03-08");
        assert_eq!(
            b("By Sara Kim | The Harbour Gazette").outlet.as_deref(),
            Some("The Harbour Gazette")
        );
        let marked = byline("Reem Haddad, Baghdad", DateStyle::default(), true).unwrap();
        assert_eq!(marked.authors, ["Reem Haddad"]);
        // Unmarked too, as Gulf dailies print it under the headline.
        let unmarked = byline("Reem Haddad, Baghdad", DateStyle::default(), false).unwrap();
        assert_eq!(unmarked.authors, ["Reem Haddad"]);
        assert!(byline("Ministry spokesman, Baghdad", DateStyle::default(), false).is_none());
        assert!(
            byline(
                "By the end of the year the troops will have left the base.",
                DateStyle::default(),
                false
            )
            .is_none()
        );
    }

    #[test]
    fn feed_fields_hosting_credits_and_syndication_notes() {
        let named = |l: &str, n: Option<&str>| labelled_publication(l, n);
        let b = |s: &str| byline(s, DateStyle::default(), false).unwrap();
        // A scraper's or feed reader's field, without the feed's section.
        assert_eq!(
            named("Feed: Harbour Review - World News", None).as_deref(),
            Some("Harbour Review")
        );
        assert_eq!(
            named("Publisher: The Evening Courier", None).as_deref(),
            Some("The Evening Courier")
        );
        assert_eq!(named("Feed: the latest stories from our desk", None), None);
        // A feed's author: the address, then the name in brackets.
        assert_eq!(
            b("Author: desk@harbourreview.net (Layla Hadi)").authors,
            ["Layla Hadi"]
        );
        // A footer's hosting credit names no author and no outlet.
        assert!(
            byline(
                "Hosted by Web Services Agency - WEB.net",
                DateStyle::default(),
                false
            )
            .is_none()
        );
        assert_eq!(b("Hosted by Jane Holloway").authors, ["Jane Holloway"]);
        // The site that reprints a feed names itself in its note.
        assert_eq!(
            unedited_by("(This story has not been edited by Harbour Review staff and is auto-generated from a syndicated feed.)").as_deref(),
            Some("Harbour Review")
        );
        assert_eq!(unedited_by("It has not been edited by our staff."), None);
        // A particle in capitals is part of the name; a place after it is not.
        assert!(is_person_name("Nadia Al Qassimi"));
        assert!(!is_person_name("Nadia Al Qassimi Baghdad"));
        assert_eq!(
            names_then_date("Layla Al Hadi Sep 27, 2024", DateStyle::default())
                .map(|(n, d)| (n, d.date.to_string())),
            Some(("Layla Al Hadi", "2024-09-27".to_string()))
        );
    }

    #[test]
    fn blog_categories_after_the_date_are_counted() {
        let names = |line| {
            names_then_date(line, DateStyle::default()).map(|(n, d)| (n, d.date.to_string()))
        };
        // Up to six categories of up to 31 characters are set aside...
        assert_eq!(
            names("Rana Saleh on Sep 11, 2024 in Politics, Security"),
            Some(("Rana Saleh", "2024-09-11".to_string()))
        );
        assert!(is_category_list(
            "Politics, Security, Oil, Gas, Energy, Kurdistan Region"
        ));
        // ... more, or a longer one, are not a category list.
        assert!(!is_category_list(
            "Politics, Security, Oil, Gas, Energy, Water, Trade"
        ));
        assert!(!is_category_list(
            "Politics, Security and Defence and Foreign Affairs Desk"
        ));
        // Country names in a state's name are counted too (3 to 41 letters).
        assert!(is_state_name("Republic of Iraq"));
        assert!(is_state_name("The Kingdom of the Netherlands"));
        assert!(!is_state_name(
            "Government of the Autonomous Region of the Long Valley Kurds and Friends"
        ));
    }

    #[test]
    fn names_with_two_particles_are_names() {
        assert!(is_person_name("Luis de la Cruz"));
        assert!(is_person_name("Ana van der Berg"));
        assert!(!is_person_name("de la Cruz"));
    }

    #[test]
    fn a_republished_piece_names_where_it_first_ran() {
        for (line, name) in [
            (
                "This article was originally published by the Euphrates Policy Forum and is reproduced here with permission.",
                Some("Euphrates Policy Forum"),
            ),
            (
                "This story first appeared in The Basra Letter.",
                Some("The Basra Letter"),
            ),
            (
                "This article is republished from The Conversation under a Creative Commons license.",
                Some("The Conversation"),
            ),
            (
                "This analysis was originally published by the Institute for the Study of War.",
                Some("Institute for the Study of War"),
            ),
            ("This article was first published in October 2024.", None),
            ("This article was published by our partners.", None),
        ] {
            assert_eq!(republished_from(line).as_deref(), name, "{line}");
        }
    }

    #[test]
    fn a_desk_alone_is_a_credit_with_no_author() {
        for line in [
            "Harbour Times Newsroom",
            "Amwaj.media Iraq Desk",
            "Gulf Post Baghdad Bureau",
            "Politics Desk",
            "The Levant Review Editorial Team",
        ] {
            let b = desk_credit(line).unwrap_or_else(|| panic!("{line}"));
            assert!(b.authors.is_empty(), "{line}");
        }
        assert_eq!(
            desk_credit("Reuters Baghdad Bureau")
                .and_then(|b| b.outlet)
                .as_deref(),
            Some("Reuters")
        );
        for line in [
            "Jane Roe",
            "The desk said on Monday it would close",
            "Harbour Times, Newsroom",
            "Reporting by the Basra bureau",
            "Desk",
        ] {
            assert!(desk_credit(line).is_none(), "{line}");
        }
    }

    #[test]
    fn an_unsigned_credit_names_the_paper_beside_it() {
        for (line, outlet) in [
            ("Staff Reporter - Tigris Mail", Some("Tigris Mail")),
            (
                "By Staff Writer | The Basra Herald",
                Some("The Basra Herald"),
            ),
            ("Web Desk, Kirkuk Now", Some("Kirkuk Now")),
            ("Tigris Mail Staff Reporter", Some("Tigris Mail")),
            ("Our Correspondent", None),
        ] {
            let b = desk_credit(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(b.outlet.as_deref(), outlet, "{line}");
            assert!(b.authors.is_empty(), "{line}");
        }
        // A person who signs, or a sentence, is no unsigned credit.
        for line in [
            "Jane Roe - Tigris Mail",
            "Staff Reporter - the talks went on",
            "Jane Roe Staff Reporter",
        ] {
            assert!(generic_credit_of(line).flatten().is_none(), "{line}");
        }
        let b = byline(
            "By Staff Reporter - Tigris Mail",
            DateStyle::default(),
            false,
        )
        .unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Tigris Mail"));
        assert!(b.authors.is_empty());
    }

    #[test]
    fn credit_fields_without_by() {
        let style = DateStyle::default();
        let read = |line: &str| {
            credit_fields(line, style).map(|b| {
                (
                    b.authors.join("+"),
                    b.outlet.unwrap_or_default(),
                    b.date.map(|d| d.date.to_string()).unwrap_or_default(),
                )
            })
        };
        for (line, authors, outlet, date) in [
            (
                "Ana Vidal, Tigris Mail, March 3, 2025",
                "Ana Vidal",
                "Tigris Mail",
                "2025-03-03",
            ),
            (
                "Tigris Mail - 3 March 2025",
                "",
                "Tigris Mail",
                "2025-03-03",
            ),
            (
                "3 March 2025 | Tigris Mail",
                "",
                "Tigris Mail",
                "2025-03-03",
            ),
            (
                "Ana Vidal (Tigris Mail) March 3, 2025",
                "Ana Vidal",
                "Tigris Mail",
                "2025-03-03",
            ),
            (
                "Ana Vidal, Basra, March 3, 2025",
                "Ana Vidal",
                "",
                "2025-03-03",
            ),
            ("Ana Vidal, Tigris Mail", "Ana Vidal", "Tigris Mail", ""),
        ] {
            let want = (authors.to_string(), outlet.to_string(), date.to_string());
            assert_eq!(read(line), Some(want), "{line}");
        }
        for line in [
            "Basra, March 3, 2025",
            "Media Note",
            "Ana Vidal, Senior Fellow",
            "Source: Tigris Wire | 2025-03-03 10:00",
            "Monday, 3 March, 2025 - 10:00",
            "2025-03-03 | 09:14",
            "Talks resume in Baghdad, officials say, March 3, 2025.",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn correspondents_signed_over_agency_copy() {
        let read = |line: &str| {
            signed_over_agencies(line, DateStyle::default()).map(|b| {
                let date = b.date.map(|d| d.date.to_string()).unwrap_or_default();
                (b.authors, b.credits, date)
            })
        };
        let (authors, credits, date) = read("Ana Vidal with Reuters, AFP, 27/09/2024").unwrap();
        assert_eq!(authors, ["Ana Vidal"]);
        assert_eq!(credits, ["Reuters", "Agence France-Presse"]);
        assert_eq!(date, "2024-09-27");
        let (authors, _, date) = read("Ana Vidal and Omar Sami with AP").unwrap();
        assert_eq!(authors, ["Ana Vidal", "Omar Sami"]);
        assert_eq!(date, "");
        // An outlet's desk, or a name that is no agency's, after "with".
        assert_eq!(read("Tigris Mail with AFP"), None);
        assert_eq!(read("Ana Vidal with Tigris Mail"), None);
        assert_eq!(read("Talks with Iran"), None);
    }

    #[test]
    fn credits_and_datelines() {
        assert_eq!(
            credit_line("AFP"),
            Some(vec!["Agence France-Presse".to_string()])
        );
        assert_eq!(
            credit_line("Reuters · 6 hours ago"),
            Some(vec!["Reuters".to_string()])
        );
        assert_eq!(
            credit_line("Source: Reuters"),
            Some(vec!["Reuters".to_string()])
        );
        assert_eq!(credit_line("Security"), None);
        assert_eq!(
            credit_line("Sources: Iraqi Ministry of Defense, via Reuters"),
            Some(vec![
                "Iraqi Ministry of Defense".to_string(),
                "Reuters".to_string()
            ])
        );
        // Joined by a plus (the unnamed agencies are dropped with the rest
        // of the credits: `entities::is_unnamed_wires`).
        assert_eq!(
            credit_line("Source: Agencies + Harbour Daily English"),
            Some(vec![
                "Agencies".to_string(),
                "Harbour Daily English".to_string()
            ])
        );
        // A sentence of the text that opens with the word.
        assert_eq!(
            credit_line("Source material for the deal was drafted in Arabic and English."),
            None
        );
        // The outlet's own desk first, then the agencies that helped it.
        assert_eq!(
            credit_line("Le Quotidien International with AFP"),
            Some(vec![
                "Le Quotidien International".to_string(),
                "Agence France-Presse".to_string()
            ])
        );
        assert!(credits_own_desk("Le Quotidien International with AFP"));
        assert!(!credits_own_desk("Jane Roe with AFP"));
        assert_eq!(credit_line("Talks with Iran"), None);
        // In capitals too: the desk as printed (the outlet chosen from it is
        // written in name case, `outlet_in_name_case`).
        assert_eq!(
            credit_line("HARBOUR DAILY WITH AFP"),
            Some(vec![
                "HARBOUR DAILY".to_string(),
                "Agence France-Presse".to_string()
            ])
        );
        assert!(credits_own_desk("HARBOUR DAILY WITH AFP"));
        assert!(!credits_own_desk("JANE ROE WITH AFP"));
        assert_eq!(
            credit_line("(Harbour 24 with AFP)"),
            Some(vec![
                "Harbour 24".to_string(),
                "Agence France-Presse".to_string()
            ])
        );
        assert_eq!(credit_line("Sudani spoke with Reuters"), None);
        assert_eq!(
            dateline("KIRKUK, May 2 (KRN) - Police said"),
            Some(Dateline {
                place: "KIRKUK".into(),
                credit: Some("KRN".into())
            })
        );
        assert_eq!(
            dateline("SULAIMANI, Kurdistan Region – Officials said").map(|d| d.place),
            Some("SULAIMANI, Kurdistan Region".into())
        );
        assert_eq!(dateline("The minister - who spoke"), None);
        // A dateline standing as a line of its own.
        assert_eq!(
            standalone_dateline("Washington CNN —"),
            Some(Dateline {
                place: "Washington".into(),
                credit: Some("CNN".into())
            })
        );
        assert_eq!(
            standalone_dateline("BAGHDAD (Reuters) -").and_then(|d| d.credit),
            Some("Reuters".into())
        );
        assert_eq!(
            standalone_dateline("ANKARA").map(|d| d.place),
            Some("ANKARA".into())
        );
        assert_eq!(standalone_dateline("Ankara"), None);
        assert_eq!(
            standalone_dateline("Kirkuk, Iraq").map(|d| d.place),
            Some("Kirkuk".to_string())
        );
        assert_eq!(standalone_dateline("Officials, Iraq"), None);
        // The place, then the agency's initials.
        assert_eq!(
            standalone_dateline("Baghdad - DNN").map(|d| d.place),
            Some("Baghdad".into())
        );
        assert_eq!(standalone_dateline("Officials - DNN"), None);
        // The credit alone opening a story ("(Bloomberg) --").
        assert_eq!(
            dateline("(Harbour Financial) -- Iraq's government is seeking").and_then(|d| d.credit),
            Some("Harbour Financial".into())
        );
        assert_eq!(standalone_dateline("Officials said -"), None);
        // A beat instead of a town.
        assert_eq!(
            standalone_dateline("State Department —").map(|d| d.place),
            Some("State Department".into())
        );
        assert_eq!(standalone_dateline("State Department -"), None);
        assert_eq!(standalone_dateline("The talks, then —"), None);
        assert_eq!(
            outlet_line("Basra Voice News / Basra"),
            Some("Basra Voice News".into())
        );
        assert_eq!(outlet_line("Iraq / Syria"), None);
        assert_eq!(outlet_line("Baghdad-INA"), Some("Iraqi News Agency".into()));
        assert_eq!(
            dateline("Basra Voice News/ The governor said").and_then(|d| d.credit),
            Some("Basra Voice News".into())
        );
    }

    #[test]
    fn outlet_by_the_strongest_source() {
        let (name, why) = choose_outlet(
            vec![
                (OutletSource::Masthead, "Harbour Gazette".into(), Some(1)),
                (
                    OutletSource::Copyright,
                    "Agence France-Presse".into(),
                    Some(30),
                ),
                (OutletSource::Dateline, "Harbour Gazette".into(), Some(5)),
            ],
            |_| true,
        )
        .unwrap();
        assert_eq!(name, "Harbour Gazette");
        assert!(
            why.contains("masthead") && why.contains("dateline"),
            "{why}"
        );
        assert_eq!(title_case("BBC NEWS"), "BBC News");
        // The gazetteer's name for a known outlet, if the page uses it.
        let voa = || vec![(OutletSource::Masthead, "VOA".to_string(), Some(1))];
        assert_eq!(
            choose_outlet(voa(), |_| true).unwrap().0,
            "Voice of America"
        );
        assert_eq!(choose_outlet(voa(), |_| false).unwrap().0, "VOA");
        // The copyright of the company that owns the masthead's title.
        let owned = |owner: &str| {
            choose_outlet(
                vec![
                    (OutletSource::Masthead, "Service Times".to_string(), Some(1)),
                    (OutletSource::Copyright, owner.to_string(), Some(40)),
                ],
                |_| true,
            )
            .unwrap()
            .0
        };
        assert_eq!(owned("Service Times Media Group"), "Service Times");
        assert_eq!(owned("Service Times News & Media"), "Service Times");
        assert_eq!(
            owned("Service Times Weekly Review"),
            "Service Times Weekly Review"
        );
        assert_eq!(owned("Service Times News"), "Service Times News");
    }

    #[test]
    fn a_logo_link_and_an_acronym_spelled_out_below() {
        // "BNS Homepage": the logo's link text; "BNS News, Baghdad" under
        // the author names the outlet in full.
        let page = "BNS Homepage\nSkip to content\nHome\nNews\nSport\nIraq and US begin talks\nJane Roe\nBNS News, Baghdad\n";
        assert_eq!(top(page).as_deref(), Some("BNS News"));
        assert_eq!(
            without_home_link("Harbour Times home page"),
            "Harbour Times"
        );
        assert_eq!(without_home_link("Home"), "Home");
        assert_eq!(without_home_link("Follow Harbour News"), "Harbour News");
        assert_eq!(without_home_link("Follow us"), "Follow us");
        // The logo's link as a screen reader reads it.
        assert_eq!(
            logo_link_home("Harbour Ledger - Back to home"),
            Some("Harbour Ledger")
        );
        assert_eq!(
            logo_link_home("Northgate News – back to homepage"),
            Some("Northgate News")
        );
        assert_eq!(logo_link_home("Back to home"), None);
        assert_eq!(logo_link_home("scroll - back to home"), None);
        // Several places over one story, then the agency.
        let d = dateline("BAGHDAD/WASHINGTON, Jan 25 (Reuters) - The talks begin.").unwrap();
        assert_eq!(d.credit.as_deref(), Some("Reuters"));
        assert!(outlet_notice(
            "Newsworld is committed to challenging conventional wisdom and finding common ground."
        ));
        assert!(!outlet_notice(
            "Iraq is committed to the fight against the group."
        ));
        assert!(!is_news_compound("Newsroom"));
    }

    #[test]
    fn speakers_on_their_own_line_appositives_and_initials() {
        let b = byline("Geoff Bennett:", DateStyle::default(), false).unwrap();
        assert_eq!(
            b.speaker,
            Some(("Geoff Bennett".to_string(), String::new()))
        );
        assert!(
            byline("Related Topics:", DateStyle::default(), false)
                .is_none_or(|b| b.speaker.is_none())
        );
        let b = byline(
            "By Jane Roe, a Pentagon and national security reporter at The Harbour Weekly.",
            DateStyle::default(),
            false,
        )
        .unwrap();
        assert_eq!(b.authors, ["Jane Roe"]);
        // A sentence after a comma is not an appositive.
        assert_eq!(
            without_appositive("Jane Roe, the minister said on Monday"),
            "Jane Roe, the minister said on Monday"
        );
        assert!(is_person_name("Lolita C. Baldor"));
        assert!(!is_person_name("C. D."));
        let b = byline(
            "BY JANE ROE AND LOLITA C. BALDOR",
            DateStyle::default(),
            false,
        )
        .unwrap();
        assert_eq!(b.authors, ["Jane Roe", "Lolita C. Baldor"]);
    }

    #[test]
    fn a_wires_status_tag_is_not_the_headline() {
        assert_eq!(
            without_wire_tag("UPDATE 2-US, Iraq to start talks on the mission"),
            Some("US, Iraq to start talks on the mission")
        );
        assert_eq!(
            without_wire_tag("(LEAD) U.S., Iraq to begin talks on the coalition"),
            Some("U.S., Iraq to begin talks on the coalition")
        );
        assert_eq!(
            without_wire_tag("(2nd LD) U.S., Iraq to begin talks on the coalition"),
            Some("U.S., Iraq to begin talks on the coalition")
        );
        // The headline's own words stay.
        assert_eq!(
            without_wire_tag("Exclusive: US and Iraq reach an understanding"),
            None
        );
        assert_eq!(without_wire_tag("Update on the talks in Baghdad"), None);
    }

    #[test]
    fn a_call_to_follow_names_the_publication() {
        let f = |l: &str| follow_call(l);
        assert_eq!(
            f("Follow Harbour Times on Telegram").as_deref(),
            Some("Harbour Times")
        );
        assert_eq!(
            f("Subscribe to the Harbour Times newsletter").as_deref(),
            Some("The Harbour Times")
        );
        assert_eq!(
            f("Join Harbour Times on WhatsApp for news").as_deref(),
            Some("Harbour Times")
        );
        // Readers asked to follow the author, or "us".
        assert_eq!(f("Follow Jane Roe on X"), None);
        assert_eq!(f("Follow us on Telegram"), None);
        assert_eq!(f("Subscribe to our newsletter"), None);
    }

    #[test]
    fn a_tickers_or_sections_label_before_a_headline() {
        let rest = "Coalition hands over Taji to the army";
        for labelled in [
            format!("WATCH: {rest}"),
            format!("Breaking news - {rest}"),
            format!("Analysis | {rest}"),
            format!("Middle East | {rest}"),
        ] {
            assert_eq!(kicker_rest(&labelled), Some(rest), "{labelled}");
        }
        // The headline's own words, a live page's title, a page's title.
        for kept in [
            format!("Analysis: {rest}"),
            format!("Exclusive: {rest}"),
            format!("Live updates: {rest}"),
            format!("{rest} | Harbour Times"),
            "Watch: the video".to_string(),
        ] {
            assert_eq!(kicker_rest(&kept), None, "{kept}");
        }
    }

    #[test]
    fn legal_forms_are_not_part_of_the_name() {
        assert_eq!(without_company_form("Harbor Media Co Ltd"), "Harbor Media");
        assert_eq!(without_company_form("Co"), "Co");
        assert_eq!(
            without_company_form("The Harbour Courier Pvt Ltd"),
            "The Harbour Courier"
        );
        assert_eq!(without_company_form("Gulf Wire W.L.L."), "Gulf Wire");
        assert_eq!(
            without_company_form("Straits Ledger Sdn Bhd"),
            "Straits Ledger"
        );
        assert_eq!(without_company_form("Private"), "Private");
    }

    #[test]
    fn slashed_credits_and_speakers_named_by_role() {
        assert_eq!(
            dateline("ANKARA, March 3. /NORTHWIRE/. The ministry said"),
            Some(Dateline {
                place: "ANKARA".into(),
                credit: Some("NORTHWIRE".into())
            })
        );
        assert_eq!(
            dateline("NEW YORK, Jan. 25, 2024 /Harbour Newswire/ -- The firm said")
                .and_then(|d| d.credit),
            Some("Harbour Newswire".into())
        );
        assert_eq!(dateline("Baghdad, Basra and Erbil /all three/ said"), None);
        // A surname that is also a word ("Brook") speaks when a role says so.
        assert_eq!(
            transcript_speaker("MINA BROOK, BYLINE: The talks began.").map(|s| s.0),
            Some("Mina Brook".to_string())
        );
        assert_eq!(transcript_speaker("GREEN PARK: The talks began."), None);
    }

    #[test]
    fn a_source_line_naming_the_desk_beside_unnamed_agencies() {
        assert!(credits_own_desk("Source: Harbour Daily and news agencies"));
        assert!(credits_own_desk("Sources: Harbour Daily with agencies"));
        // Named sources are credits: the page carries their stories.
        assert!(!credits_own_desk("Source: Harbour Daily"));
        assert!(spells_out("GNA", "Gulf News Agency"));
        assert!(spells_out("KUNA", "Kuwait News Agency"));
        assert!(!spells_out("GNA", "Gulf News"));
        assert!(!spells_out("Gna", "Gulf News Agency"));
        assert!(credits_own_desk("Harbour World and Agencies"));
        assert_eq!(
            credit_line("Harbour World and Agencies"),
            Some(vec!["Harbour World".to_string()])
        );
        assert!(!credits_own_desk("Staff and agencies"));
        assert!(!credits_own_desk("Police and security agencies"));
        assert!(!credits_own_desk("Source: Reuters and AFP"));
    }

    #[test]
    fn the_footer_names_the_publisher_in_its_about_link() {
        let footer = ["Contact Us", "Advertise", "Privacy Policy"];
        assert_eq!(
            footer_about("About The Harbour Ledger", footer.into_iter()).as_deref(),
            Some("The Harbour Ledger")
        );
        // Among other links only: a teaser or a heading is no footer.
        assert_eq!(
            footer_about("About The Harbour Ledger", ["Read more"].into_iter()),
            None
        );
        // A place, or the generic link, names no publisher.
        assert_eq!(footer_about("About Iraq", footer.into_iter()), None);
        assert_eq!(footer_about("About Us", footer.into_iter()), None);
        assert_eq!(
            footer_about("About the coalition", footer.into_iter()),
            None
        );
    }

    #[test]
    fn a_place_a_slash_and_the_outlet() {
        let d = standalone_dateline("Baghdad/ Harbour Wire").unwrap();
        assert_eq!(d.place, "Baghdad");
        assert_eq!(d.credit.as_deref(), Some("Harbour Wire"));
        assert!(standalone_dateline("Politics/ Security").is_none());
        let d = standalone_dateline("Harbour Courier- Erbil").unwrap();
        assert_eq!(
            (d.place.as_str(), d.credit.as_deref()),
            ("Erbil", Some("Harbour Courier"))
        );
        assert!(standalone_dateline("Harbour Courier - the talks resume").is_none());
        let d = standalone_dateline("Baghdad, Harbour Wire").unwrap();
        assert_eq!(d.credit.as_deref(), Some("Harbour Wire"));
        assert!(standalone_dateline("Baghdad, Erbil and Basra").is_none());
    }

    #[test]
    fn authors_with_the_places_they_filed_from() {
        assert_eq!(
            names_in_places("Jane Roe in Dubai and John Doe in Washington"),
            Some(vec!["Jane Roe".to_string(), "John Doe".to_string()])
        );
        assert_eq!(
            names_in_places("Talks in Baghdad and strikes in Syria"),
            None
        );
        assert_eq!(
            names_in_places("Jane Roe in Dubai said the talks would resume."),
            None
        );
        assert_eq!(names_in_places("Kadhimi Greets Blinken in Baghdad"), None);
        assert_eq!(
            names_in_places("Mark Rich in Erbil"),
            Some(vec!["Mark Rich".to_string()])
        );
    }
}
