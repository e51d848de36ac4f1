//! Dates: the article's own publication date, and the dates it mentions.
//!
//! The publication date only ever comes from a line that is a date and
//! little else (a dateline, a timestamp, a "Published:" label), never from a
//! date inside a sentence: "set to begin in September 2025" is an event, not
//! when the article was written. Numeric dates whose day and month could be
//! swapped are resolved from the separator's convention or the article's own
//! way of writing dates, and the reason is recorded, never guessed silently.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::brief::{DateMention, Precision};

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?";
/// A date's label in the languages whose outlets print English editions
/// with their own page furniture ("Publié le 08/09/2024 à 14h35",
/// "Veröffentlicht am", "Güncelleme:"). These languages write dates
/// day-first.
const FOREIGN_LABEL: &str = r"(?:publi[ée]e?\s+le|mis\s+[àa]\s+jour\s+le|publicado\s+(?:el|em)|actualizado(?:\s+el)?|atualizado\s+em|ver[öo]ffentlicht\s+am|aktualisiert\s+am|pubblicato\s+il|aggiornato\s+il|yay[ıi]nlanma(?:\s+tarihi)?|g[üu]ncell?e(?:n)?me)\s*:?";
const LABEL: &str = r"(?:(?:first\s+|last\s+)?(?:published|publish|publication|posted|updated|update|modified|date(?:\s+of\s+(?:publication|issue|release|posting))?|dated|release\s+date|issued|created|written\s+on)(?:\s+(?:date|time|on|at))?\s*[:\-–]?|on)";

/// Weekday names, Monday first (`num_days_from_monday` order).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Is `word` a month or weekday name, whole or cut short ("Sept.",
/// "Wed", "May")?
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() >= 3
        && MONTHS.iter().chain(WEEKDAYS.iter()).any(|name| {
            name.get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
        })
}

/// A line in capitals with a digit ("POSTED 3 DECEMBER 2024 BY SINJAR
/// VOICE STAFF", "AFP , SATURDAY 3 FEB 2024") written as a page in lower
/// case would print it: months, weekdays and common words capitalised,
/// short common words after the first in lower case ("by", "on"), other
/// words of five letters or more capitalised ("NEWSLETTER", "REUTERS"),
/// shorter ones kept in capitals (an agency's "AFP", a zone's "GMT"). None for a line
/// with a lower-case letter: most lines, found at the first one.
fn in_date_case(line: &str) -> Option<String> {
    let mut upper = false;
    for c in line.chars() {
        if c.is_lowercase() {
            return None;
        }
        upper |= c.is_ascii_uppercase();
    }
    if !upper || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lex = super::lexicon::lexicon();
    let words: Vec<String> = line
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            let known = is_calendar_word(core)
                || core.len() >= 2 && !matches!(core, "AM" | "PM") && lex.is_common(core);
            // (A short unknown word is an acronym: "AFP", "GMT", "IRNA".)
            if !known && core.len() <= 4 || !core.chars().all(|c| c.is_ascii_alphabetic()) {
                return w.to_string();
            }
            let lower = w.to_ascii_lowercase();
            if i > 0 && core.len() <= 3 && !is_calendar_word(core) {
                return lower;
            }
            // The core's first letter back in capitals.
            let at = w.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(0);
            format!("{}{}{}", &lower[..at], &w[at..at + 1], &lower[at + 1..])
        })
        .collect();
    Some(words.join(" "))
}

/// How many dates in figures ("09.30.2024", "30/09/2024") only the day
/// first, and how many only the month first, can read.
fn figures_orders(text: &str) -> (u16, u16) {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?-u:\b)(\d{1,2})([./-])(\d{1,2})([./-])(?:\d{4}|\d{2})(?-u:\b)").unwrap()
    });
    let (mut day_first, mut month_first) = (0u16, 0u16);
    // (Only where a digit is: most texts have few.)
    for c in re.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        match (a, b) {
            (13..=31, 1..=12) => day_first = day_first.saturating_add(1),
            (1..=12, 13..=31) => month_first = month_first.saturating_add(1),
            _ => {}
        }
    }
    (day_first, month_first)
}

/// A publication date and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedDate {
    /// The date.
    pub date: NaiveDate,
    /// The words it was read from.
    pub text: String,
    /// How an ambiguous day/month order was resolved, if it was ambiguous.
    pub note: Option<String>,
    /// Labelled as the time of an update ("Updated: ..."), not of publication.
    pub updated: bool,
}

/// How the article writes dates in its prose, and the weekdays its lead
/// names, to resolve 03/04/2024.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateStyle {
    /// Mentions like "8 September".
    pub day_first: usize,
    /// Mentions like "September 8".
    pub month_first: usize,
    /// Weekdays the lead names ("on Monday"), one bit per day from Monday.
    pub lead_weekdays: u8,
    /// Dates in figures only one order can read: "30.09.2024" (day first),
    /// "09.30.2024" (month first). A page prints its dates one way.
    pub figures_day_first: u16,
    pub figures_month_first: u16,
}

impl DateStyle {
    /// Count both ways of writing a day and month in `text`. (ASCII word
    /// boundaries: with Unicode ones the fast search gives up at the first
    /// curly quote and the slow one takes most of ingest's regex time.)
    pub fn of(text: &str) -> DateStyle {
        static DM: OnceLock<Regex> = OnceLock::new();
        static MD: OnceLock<Regex> = OnceLock::new();
        let dm = DM.get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?-u:\b)"
            ))
            .unwrap()
        });
        let md = MD.get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?-u:\b){MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{{4}})?"
            ))
            .unwrap()
        });
        let (figures_day_first, figures_month_first) = figures_orders(text);
        let (mut day_first, mut month_first) =
            (dm.find_iter(text).count(), md.find_iter(text).count());
        // A wire photo's caption ("... Baghdad, Iraq, March 2, 2019.
        // REUTERS/Jane Roe") is written in the agency's style, not the
        // page's: its dates do not count.
        static CREDIT: OnceLock<Regex> = OnceLock::new();
        let credit = CREDIT.get_or_init(|| {
            Regex::new(r"(?i)(?-u:\b)(?:afp|ap|reuters|epa(?:-efe)?|anadolu|xinhua)\s*(?:photo|/)|(?-u:\b)getty images(?-u:\b)|(?-u:\b)file photo(?-u:\b)").unwrap()
        });
        if credit.is_match(text) {
            for line in text.lines().filter(|l| credit.is_match(l)) {
                day_first = day_first.saturating_sub(dm.find_iter(line).count());
                month_first = month_first.saturating_sub(md.find_iter(line).count());
            }
        }
        DateStyle {
            day_first,
            month_first,
            lead_weekdays: 0,
            figures_day_first,
            figures_month_first,
        }
    }

    /// The same style, with the weekdays that `lead` (the article's first
    /// paragraphs) names: a story published on a Monday says "on Monday" or
    /// "on Sunday", rarely another day.
    pub fn with_lead(mut self, lead: &str) -> DateStyle {
        static R: OnceLock<Regex> = OnceLock::new();
        let re = R.get_or_init(|| {
            Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").unwrap()
        });
        for m in re.find_iter(lead) {
            if let Some(d) = weekday_number(m.as_str()) {
                self.lead_weekdays |= 1 << d;
            }
        }
        self
    }

    /// Does the lead name `date`'s weekday?
    pub fn names_weekday(&self, date: NaiveDate) -> bool {
        self.lead_weekdays & (1 << date.weekday().num_days_from_monday()) != 0
    }

    /// Does `date` fall on a weekday the lead names, or the day after one?
    pub fn fits_lead(&self, date: NaiveDate) -> bool {
        let today = date.weekday().num_days_from_monday();
        let yesterday = (today + 6) % 7;
        self.lead_weekdays & (1 << today | 1 << yesterday) != 0
    }
}

/// 0 for Monday .. 6 for Sunday, from a weekday name or abbreviation.
fn weekday_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches(['.', ',']).to_ascii_lowercase();
    Some(match n.get(..3)? {
        "mon" => 0,
        "tue" => 1,
        "wed" => 2,
        "thu" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    })
}

fn date_line_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let time = r"(?:\d{1,2}(?::|h)\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[a-z]{2,5})?\s*(?:[+\-]\d{1,2}(?::?\d{2})?)?)?)";
        Regex::new(&format!(
            r"(?ix)^\s*(?:(?P<fl>{FOREIGN_LABEL})\s*|{LABEL}\s*)?(?:(?P<wd>{WEEKDAY})\s*)?
            (?:
              (?P<iy>\d{{4}})(?P<is1>[-/.])(?P<im>\d{{1,2}})(?P<is2>[-/.])(?P<id>\d{{1,2}})(?:T[\d:.]+(?:Z|[+\-]\d{{2}}:?\d{{2}})?)?
            | (?P<na>\d{{1,2}})(?P<ns1>[-/.])(?P<nb>\d{{1,2}})(?P<ns2>[-/.])(?P<ny>\d{{4}}|\d{{2}}\b)
            | (?P<mm>{MONTH}),?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<my>\d{{4}})
            | (?P<dd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<dm>{MONTH})(?:\s*,\s*|\s+|-)(?P<dy>\d{{4}})
            )
            (?:\s*(?:,\s*at|,|:|at|à|a\s+las|um|alle|\||-|–)?\s*{time})?
            (?P<rest>.*)$"
        ))
        .unwrap()
    })
}

/// "BAGHDAD, Sept 8 (Reuters) - ...": a wire's dateline gives the day and
/// month without the year. With the year of the page's copyright line, the
/// day, if the lead's weekday (when it names one) falls on it: a page
/// copied years later has a later copyright, and its weekday then fails.
pub fn dateline_day(paragraph: &str, year: i32, style: DateStyle) -> Option<PublishedDate> {
    let text = super::header::dateline_day_text(paragraph)?;
    let (month, day) = text.split_once(char::is_whitespace)?;
    let date = NaiveDate::from_ymd_opt(year, month_number(month)?, day.trim().parse().ok()?)?;
    (style.lead_weekdays == 0 || style.fits_lead(date)).then(|| PublishedDate {
        date,
        text: text.to_string(),
        note: Some(format!(
            "the dateline gives no year; {year} is the copyright line's{}",
            if style.lead_weekdays == 0 {
                ""
            } else {
                ", and the lead's weekday falls on that day"
            }
        )),
        updated: false,
    })
}

/// The value of an Arabic-Indic or Persian digit.
fn eastern_digit(c: char) -> Option<u8> {
    let base = match c {
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6f0}'..='\u{6f9}' => 0x6f0,
        _ => return None,
    };
    u8::try_from(c as u32 - base).ok()
}

/// Month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A date line's Arabic month and weekday names in English ("السبت 5
/// أكتوبر 2024" -> "Saturday 5 October 2024"): the Egyptian and Gulf
/// month names and the Levantine and Iraqi ones ("تشرين الأول"). `None`
/// when the line has no Arabic letter or names no month.
fn in_english_words(line: &str) -> Option<String> {
    const NAMES: &[(&str, &str)] = &[
        ("كانون الثاني", "January"),
        ("كانون الأول", "December"),
        ("كانون الاول", "December"),
        ("تشرين الأول", "October"),
        ("تشرين الاول", "October"),
        ("تشرين الثاني", "November"),
        ("يناير", "January"),
        ("فبراير", "February"),
        ("شباط", "February"),
        ("مارس", "March"),
        ("آذار", "March"),
        ("اذار", "March"),
        ("أبريل", "April"),
        ("ابريل", "April"),
        ("إبريل", "April"),
        ("نيسان", "April"),
        ("مايو", "May"),
        ("أيار", "May"),
        ("ايار", "May"),
        ("يونيو", "June"),
        ("يونيه", "June"),
        ("حزيران", "June"),
        ("يوليو", "July"),
        ("يوليه", "July"),
        ("تموز", "July"),
        ("أغسطس", "August"),
        ("اغسطس", "August"),
        ("آب", "August"),
        ("سبتمبر", "September"),
        ("أيلول", "September"),
        ("ايلول", "September"),
        ("أكتوبر", "October"),
        ("اكتوبر", "October"),
        ("نوفمبر", "November"),
        ("ديسمبر", "December"),
        ("الأحد", "Sunday"),
        ("الاحد", "Sunday"),
        ("الاثنين", "Monday"),
        ("الإثنين", "Monday"),
        ("الثلاثاء", "Tuesday"),
        ("الأربعاء", "Wednesday"),
        ("الاربعاء", "Wednesday"),
        ("الخميس", "Thursday"),
        ("الجمعة", "Friday"),
        ("السبت", "Saturday"),
    ];
    if !line.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return None;
    }
    // Whole words only: "آب" (August) is also the start of other words.
    let arabic_letter = |c: char| ('\u{0621}'..='\u{065F}').contains(&c);
    let mut out = line.to_string();
    let mut month = false;
    for (arabic, english) in NAMES {
        let mut from = 0;
        while let Some(at) = out[from..].find(arabic).map(|i| i + from) {
            let end = at + arabic.len();
            let bounded = !out[..at].chars().next_back().is_some_and(arabic_letter)
                && !out[end..].chars().next().is_some_and(arabic_letter);
            if bounded {
                out.replace_range(at..end, english);
                month |= !english.ends_with("day");
                from = at + english.len();
            } else {
                from = end;
            }
        }
    }
    month.then_some(out)
}

/// Read a line that is a date and little else. Up to `max_rest_words`
/// words may follow (a section label such as "North America"). Fields
/// between separators are read one by one ("Politics · August 5, 2025 ·
/// 8:10 PM", "Posted 02/05/2024 9:12 AM | Updated 02/05/2024 1:40 PM"): one
/// is the date, the others may be a short label, a time or an update note.
/// A place may stand before the date ("Baghdad – 27/09/2024").
/// "27 September 2024 4 min read": the date line without the reading
/// time run on after the date with no separator.
pub fn without_reading_time(line: &str) -> &str {
    static READING: OnceLock<Regex> = OnceLock::new();
    let reading = READING.get_or_init(|| {
        Regex::new(r"(?i)\s+\d{1,3}\s*(?:min|mins|minutes?)\.?\s+(?:read|listen|watch)$").unwrap()
    });
    match reading.find(line) {
        Some(m) if m.start() > 0 => &line[..m.start()],
        _ => line,
    }
}

pub fn parse_date_line(
    line: &str,
    style: DateStyle,
    max_rest_words: usize,
) -> Option<PublishedDate> {
    // "Monday، 29 January 2024": an Arabic comma after the weekday.
    // "٢٧/٠٩/٢٠٢٤": Arabic-Indic (and Persian) digits read as ASCII ones.
    let line: std::borrow::Cow<'_, str> =
        if line.contains('،') || line.contains(|c| eastern_digit(c).is_some()) {
            line.chars()
                .map(|c| match c {
                    '،' => ',',
                    c => eastern_digit(c).map_or(c, |d| char::from(b'0' + d)),
                })
                .collect::<String>()
                .into()
        } else {
            line.into()
        };
    // "UPDATED 27 JANUARY 2024, 10:02": a date line set in capitals.
    let line = match in_date_case(&line) {
        Some(cased) => cased.into(),
        None => line,
    };
    // "السبت 5 أكتوبر 2024": the month and weekday in Arabic words.
    let line = match in_english_words(&line) {
        Some(english) => english.into(),
        None => line,
    };
    let line = without_time_ago(line.trim());
    // "- January 25, 2024": the separator after the author's name, which
    // the scraper left on the line above.
    let line = ["- ", "– ", "— ", "| ", "· ", "• "]
        .iter()
        .find_map(|sep| line.strip_prefix(sep))
        .unwrap_or(&line);
    let line = publication_note(line);
    let line = without_trailing_byline(line);
    let line = without_issue_number(line);
    let line = without_agency(line);
    let line = gregorian_in_brackets(line);
    let line = strip_leading_place(without_other_calendar(&line));
    // "27/09/2024 — 20:15": a dash of any length between the date and its
    // time is no separator of fields.
    let dashed_time;
    let line = if line.contains(['—', '–']) {
        static R: OnceLock<Regex> = OnceLock::new();
        let re = R.get_or_init(|| Regex::new(r"\s[—–]\s(\d{1,2}[:.]\d{2})").unwrap());
        dashed_time = re.replace_all(line, " - $1");
        dashed_time.as_ref()
    } else {
        line
    };
    let line = without_reading_time(line);
    let fields: Vec<&str> = split_fields(line);
    let mut dates: Vec<Option<PublishedDate>> = fields
        .iter()
        .map(|f| parse_date_field(f, style, max_rest_words))
        .collect();
    // "Commentary / Middle East & North Africa 26 January 2024": among
    // fields, a section's label with the date after it.
    // Alone, only with a time between ("All News 09:41 January 26, 2024"):
    // a headline may end with a date, not with a time and a date.
    if dates.iter().all(Option::is_none) {
        dates = fields
            .iter()
            .map(|f| date_after_label(f, style, fields.len() == 1))
            .collect();
    }
    // "Updated January 25, 2024 ...|Published January 25, 2024 ...": the
    // day of publication, wherever it stands among the fields.
    let at = (0..dates.len())
        .find(|&i| dates[i].as_ref().is_some_and(|d| !d.updated))
        .or_else(|| dates.iter().position(Option::is_some))?;
    // "By Jane Roe | February 1, 2024": a byline with its date, not a date line.
    let others_fit = fields.iter().enumerate().all(|(j, f)| {
        j == at
            || is_update_note(f)
            || is_time(f)
            || is_page_number(f)
            || is_reading_time(f)
            || dates[j].is_some()
            || {
                let w = f.split_whitespace().count();
                w <= 3 && !super::header::opens_with_by(f) && !f.ends_with('.') && !f.chars().any(|c| c.is_ascii_digit())
            }
            || is_numbered_name(f)
            // "Jane Roe and John Doe - Harbour Times - DATE": the authors'
            // field first, the publication's between it and the date.
            || j == 0 && at >= 2 && is_names_field(f)
            || is_other_calendar_in_figures(f)
            // "May 22, 2024 | Gulf Tribune Staff": a desk's credit ("By
            // Gulf Tribune Staff | DATE" stays a byline with its date).
            || !super::header::opens_with_by(f) && super::header::desk_in_date_line(f).is_some()
            || j < at && is_labelled_publication(fields[at]) && is_name_and_role(f)
            || is_issue_number(f)
            || is_category_field(f)
            || is_editor_credit(f)
    });
    others_fit.then(|| dates.swap_remove(at)).flatten()
}

/// "Middle East & North Africa 26 January 2024": a label of capitalised
/// words (and "&", "and", "of"), then a date written out with its year;
/// with a time between ("All News 09:41 January 26, 2024") when `timed`.
fn date_after_label(field: &str, style: DateStyle, timed: bool) -> Option<PublishedDate> {
    // Most fields asked are no date at all: a written-out date ends with
    // its year, and parse_date_line is asked of many lines.
    if let Some(date) = numeric_date_after_label(field, style) {
        return Some(date);
    }
    let b = field.trim_end().as_bytes();
    if b.len() < 12 || !b[b.len() - 4..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let words: Vec<&str> = field.split_whitespace().collect();
    if words.len() < 4 {
        return None;
    }
    // The date is its last three words ("26 January 2024", "January 26, 2024").
    let cut = words.len() - 3;
    let time = is_time(words[cut - 1]);
    // "Weekly newsletter, January 26, 2024": an issue's label set off by a
    // comma, alone on its line.
    let issue = {
        const ISSUE: &[&str] = &[
            "newsletter",
            "edition",
            "issue",
            "digest",
            "bulletin",
            "briefing",
            "roundup",
        ];
        let label = &words[..cut];
        label.len() <= 4
            && label[0].starts_with(char::is_uppercase)
            && label[cut - 1].ends_with(',')
            && label
                .iter()
                .any(|w| ISSUE.contains(&w.trim_end_matches(',').to_lowercase().as_str()))
    };
    if timed && !time && !issue {
        return None;
    }
    let label = &words[..cut - usize::from(time)];
    let is_label = issue
        || label.len() <= 6
            && label.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "&" | "and" | "of" | "the")
            });
    if !is_label {
        return None;
    }
    let date = words[cut..].join(" ");
    if !date.chars().any(char::is_alphabetic) {
        return None;
    }
    parse_date_field(&date, style, 0)
}

/// "Middle East 9/27/2024 8:15:00 PM": a section's label in capitalised
/// words run into a date in figures and its time (an agency's page prints
/// its section so). A time, and only times, must follow the date.
fn numeric_date_after_label(field: &str, style: DateStyle) -> Option<PublishedDate> {
    if !field.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = field.split_whitespace().collect();
    let numeric = |w: &str| {
        let parts: Vec<&str> = w.split(['/', '.', '-']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let at = words.iter().position(|w| numeric(w))?;
    // "BNA 1422 GMT 2024/09/28": an agency's stamp, the time (in four
    // figures too) between its name and the date.
    let clock = |w: &str| {
        is_time(w)
            || matches!(w, "GMT" | "UTC")
            || w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && w[..2] < *"24"
                && w[2..] < *"60"
    };
    let stamp = at >= 2 && clock(words[at - 1]) && !clock(words[0]);
    let label: Vec<&str> = words[..at]
        .iter()
        .copied()
        .filter(|w| !stamp || !clock(w))
        .collect();
    // ("BasNews 27/09/2024 - 21:05": a dash before the time.)
    let after: Vec<&str> = words[at + 1..]
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "-" | "–" | "—" | "@"))
        .collect();
    let is_label = (1..=4).contains(&label.len())
        && label
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "&" | "and" | "of" | "the"));
    // With its time, as an agency's page prints it: a name run into a
    // date ("Rebaz Karim 29/09/2024") is a byline with its date.
    let times_only = (1..=3).contains(&after.len())
        && after.iter().all(|w| {
            is_time(w) || matches!(w.to_ascii_uppercase().as_str(), "AM" | "PM" | "GMT" | "UTC")
        })
        || stamp && after.is_empty() && label.len() == 1;
    if !is_label || !times_only {
        return None;
    }
    parse_date_field(&words[at..].join(" "), style, 0)
}

/// "This commentary was published on 26 January 2024.": a note at the end
/// of the article that says when it was published; the date it gives.
/// "AFP Published September 28, 2024 Updated ...": the agency whose story
/// it is, run into the date line before its label.
fn without_agency(line: &str) -> &str {
    agency_before_label(line).map_or(line, |(_, rest)| rest)
}

/// The agency run into a date line, and the line from its label on.
/// "(Xinhua) 09:18, September 28, 2024": in brackets before the date.
pub fn agency_before_label(line: &str) -> Option<(&str, &str)> {
    if let Some(inner) = line.strip_prefix('(')
        && let Some((agency, rest)) = inner.split_once(')')
        && super::entities::is_wire(agency.trim())
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
    {
        return Some((agency.trim(), rest.trim_start()));
    }
    [" Published", " Updated", " Posted", " Last updated"]
        .iter()
        .filter_map(|label| line.find(label))
        .min()
        .filter(|&at| super::entities::is_wire(line[..at].trim()))
        .map(|at| (line[..at].trim(), line[at..].trim_start()))
}

/// "Published 2 days ago on September 27, 2024": how long ago, then the
/// date; the line read as "Published September 27, 2024". (The gap of its
/// label is kept so that the line's words still count as a label's.)
fn without_time_ago(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(" ago ") {
        return line.into();
    }
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^((?:published|posted|updated|last updated)\s*:?\s+)?(?:an?|\d{1,2})\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\s*(?:(?P<on>on\s+)|[|·•,-]\s*)(?P<date>\S.{5,60})$").unwrap()
    });
    // ("Updated 3 hours ago | Published September 27, 2024": the field
    // after the separator is a date line of its own.)
    match re.captures(line) {
        Some(c) if c.name("on").is_some() => {
            format!("{}{}", c.get(1).map_or("", |m| m.as_str()), &c["date"]).into()
        }
        Some(c) => c["date"].to_string().into(),
        None => line.into(),
    }
}

fn publication_note(line: &str) -> &str {
    if !line
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("this "))
    {
        return line;
    }
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^this (?:article|commentary|analysis|piece|story|report|post|op-ed|essay|column|content|page) (?:was|is) (?:first |originally )?published (?:on |in )?(?P<date>.{6,40}?)\.?$").unwrap()
    });
    re.captures(line)
        .and_then(|c| c.name("date"))
        .map_or(line, |m| m.as_str())
}

/// "3 min read", "38 min", "Reading time: 5 minutes": how long the
/// article or episode takes, printed beside its date.
fn is_reading_time(field: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:reading|listening)\s+time\s*:?\s*|duration\s*:?\s*)?\d{1,3}\s*(?:min|mins|minutes?)\.?(?:\s+(?:read|listen|watch))?$").unwrap()
    })
    .is_match(field.trim())
}

/// "A7", "Page 12", "p. 4": where a printed page's running header says the
/// article stands.
fn is_page_number(field: &str) -> bool {
    let f = field.trim();
    let f = ["page ", "Page ", "PAGE ", "p. ", "P. "]
        .iter()
        .find_map(|p| f.strip_prefix(p))
        .unwrap_or(f);
    let digits = f.trim_start_matches(|c: char| c.is_ascii_uppercase());
    f.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A line split at the separators that stand between metadata fields, and
/// before a date's label that follows another field with only a space
/// ("Source:Eastern Daily Published: Jan 31, 2024 09:12 PM").
fn split_fields(line: &str) -> Vec<&str> {
    let mut fields = vec![line];
    for sep in ["|", " · ", " • ", " — ", " / "] {
        fields = fields
            .into_iter()
            .flat_map(|f| f.split(sep))
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
    }
    fields
        .into_iter()
        .flat_map(split_at_dashes)
        .flat_map(split_before_label)
        .collect()
}

/// "Jane Roe - Harbour Times - September 27, 2024": short dashes between
/// fields that are words; before figures ("27/09/2024 - 14:20", "Friday -
/// 27 September") it joins a date to its time or its weekday.
fn split_at_dashes(field: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((at, len)) = [" - ", " – "]
        .iter()
        .filter_map(|d| field[from..].find(d).map(|i| (from + i, d.len())))
        .min()
    {
        let next = field[at + len..].trim_start();
        // ("Updated - January 29, 2024": a date's label before its dash.)
        let label = matches!(
            field[start..at].trim().to_lowercase().as_str(),
            "updated" | "last updated" | "published" | "posted" | "modified" | "date"
        );
        if next.starts_with(|c: char| c.is_alphabetic()) && !label {
            out.push(field[start..at].trim());
            start = at + len;
        }
        from = at + len;
    }
    out.push(field[start..].trim());
    out.retain(|f| !f.is_empty());
    // Three fields or more: "Department Press Briefing – September 27,
    // 2024" is a headline with its date, one dash no sign of fields.
    if out.len() < 3 {
        return vec![field];
    }
    out
}

/// "X Published: DATE" -> ["X", "Published: DATE"]: a label with its colon,
/// after at least one word.
fn split_before_label(field: &str) -> Vec<&str> {
    const LABELS: &[&str] = &[
        " published:",
        " posted:",
        " updated:",
        " last updated:",
        " modified:",
        " issued on:",
    ];
    let lower = field.to_ascii_lowercase();
    // "27/09/2024 - 17:45Modified: 27/09/2024": a scraper glued the label
    // to the time before it.
    let glued = |l: &str| {
        let word = &l[1..];
        lower
            .match_indices(word)
            .map(|(i, _)| i)
            .find(|&i| i > 0 && lower.as_bytes()[i - 1].is_ascii_digit())
    };
    let at = LABELS
        .iter()
        .filter_map(|l| lower.find(l).or_else(|| glued(l)))
        .min()
        .filter(|&i| i > 0 && field.is_char_boundary(i));
    match at {
        // "Published: DATE Last updated: DATE": each label its own field.
        Some(i) => {
            let mut fields = vec![field[..i].trim()];
            fields.extend(split_before_label(field[i..].trim()));
            fields
        }
        None => vec![field],
    }
}

/// Where a publication label and its colon stand after some words
/// ("Jane Roe Published: 2 Jun 2024").
pub fn publication_label_at(line: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    [" published:", " posted:"]
        .iter()
        .filter_map(|l| lower.find(l))
        .min()
        .filter(|&at| line.is_char_boundary(at))
}

/// "Posted 3 December 2024 by Harbour Voice Staff" -> "Posted 3 December
/// 2024": the byline after the date, capitalised words (a name, a desk)
/// after "by", up to six of them.
fn without_trailing_byline(line: &str) -> &str {
    match line.rsplit_once(" by ") {
        Some((date, by))
            if date.bytes().any(|b| b.is_ascii_digit())
                && (1..=6).contains(&by.split_whitespace().count())
                && by
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)) =>
        {
            date.trim_end()
        }
        _ => line,
    }
}

/// "Published: 2 Jun 2024": a field that a publication label opens.
fn is_labelled_publication(field: &str) -> bool {
    let l = field.to_ascii_lowercase();
    ["published:", "posted:", "published on", "posted on"]
        .iter()
        .any(|p| l.starts_with(p))
}

/// "Omar Haddad Energy Correspondent" before "Published: ...": the
/// names and role an author line prints before its labelled date, run
/// together by a scraper (each was a span of its own). A few capitalised
/// words, no figure, no sentence, that open with a given name or end with
/// a reporter's role: a headline run into the label ("Port Reopens
/// Published: ...") is no such line.
/// "Jane Roe and John Doe", "Jane Roe, John Doe & Ali Hassan": persons'
/// names and nothing else (two to four of them).
fn is_names_field(field: &str) -> bool {
    let names: Vec<&str> = field
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (2..=4).contains(&names.len()) && names.iter().all(|n| super::header::is_person_name(n))
}

fn is_name_and_role(field: &str) -> bool {
    let words: Vec<&str> = field.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let named = words
        .first()
        .is_some_and(|w| super::people::has_given_name(w))
        || super::header::is_journalist_role(field)
        || super::header::is_desk(field);
    (1..=8).contains(&words.len())
        && capitalised * 2 > words.len()
        && !field.ends_with(['.', '!', '?', ':'])
        && !field.chars().any(|c| c.is_ascii_digit())
        && named
}

/// The months of the Persian and Hijri calendars, as English pages spell them.
const OTHER_MONTHS: &str = "farvardin|ordibehesht|khordad|tir|mordad|shahrivar|mehr|aban|azar|dey|bahman|esfand|muharram|safar|rabi[‘'’]? al-(?:awwal|thani|akhir)|jumad[ae] al-(?:ula|awwal|akhir(?:ah)?|thani(?:yah)?)|rajab|sha[‘'’]?ban|ramadan|shawwal|dhu al-(?:qa[‘'’]?dah|hijjah)";

/// A day in the Persian or Hijri calendar ("9 Bahman 1402", "Sha'ban 26,
/// 1445 AH", "1445/07/14" year first in figures), as a pattern to build
/// the regexes below from.
fn other_calendar_date() -> String {
    let m = OTHER_MONTHS;
    format!(
        r"(?:(?:\d{{1,2}}\s+(?:{m})|(?:{m})\s+\d{{1,2}})\s*,?\s*1[34]\d\d(?:\s*(?:AH|A\.H\.|SH|H\.?\s?Sh\.?|hijri|solar hijri))?|1[34]\d\d[/.-]\d{{1,2}}[/.-]\d{{1,2}})"
    )
}

/// "Friday, 24 Rabi' al-Awwal 1446 AH": a line that is only a day in the
/// Persian or Hijri calendar (an Arab or Iranian outlet prints it under the
/// Gregorian date line). No date is read from it, but it is no headline,
/// byline or text either.
pub fn is_other_calendar_line(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        let other = other_calendar_date();
        Regex::new(&format!(r"(?i)^(?:\w+day,?\s+)?{other}\.?$")).unwrap()
    });
    line.len() < 60 && re.is_match(line.trim())
}

/// "Tehran, 9 Bahman 1402 (29 January 2024)": the Persian or Hijri date
/// first and the Gregorian in brackets; read as "Tehran, 29 January 2024".
/// Also "Friday 14 Rajab 1445 AH - 26 January 2024", the Gregorian after a
/// dash: read as "Friday 26 January 2024".
fn gregorian_in_brackets(line: &str) -> std::borrow::Cow<'_, str> {
    static R: OnceLock<[Regex; 2]> = OnceLock::new();
    let res = R.get_or_init(|| {
        let other = other_calendar_date();
        [
            format!(r"(?i)^(?P<pre>.*?){other}\s*\((?P<greg>[^()]{{6,40}})\)\.?$"),
            format!(
                r"(?i)^(?P<pre>(?:\w+day,?\s+)?){other}\s*[-–—|/,]\s*(?P<greg>[^-–—|]{{6,40}})$"
            ),
        ]
        .map(|p| Regex::new(&p).unwrap())
    });
    match res.iter().find_map(|re| re.captures(line)) {
        Some(c) => format!("{}{}", &c["pre"], &c["greg"]).into(),
        None => line.into(),
    }
}

/// "... January 28, 2024 - Bahman 08, 1402", "... - 26 Sha'ban 1445 AH":
/// the same day in the Persian or Hijri calendar, printed after the date.
fn without_other_calendar(line: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        let other = other_calendar_date();
        Regex::new(&format!(r"(?i)\s*[-–—|/,]\s*{other}\.?$")).unwrap()
    });
    match re.find(line) {
        Some(m) if m.start() > 0 => &line[..m.start()],
        _ => line,
    }
}

/// "Baghdad – 27/09/2024", "WASHINGTON - Jan. 5, 2024", "Gulf Courier -
/// Sunday, January 28, 2024": a place or the outlet's name in one to three
/// capitalised words, a dash, then the date. "AFP , Saturday 3 Feb 2024",
/// "Baghdad, 5 February 2024": a comma, after a place or a news agency (a
/// reprint's credit where the byline stands). "Baghdad (AFP) Jan 26,
/// 2024": a wire's dateline with the date in it.
fn strip_leading_place(line: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’.-]+(?:[ ,]+(?:\p{Lu}|(?:al|el|bin|ibn)-\p{Lu})[\p{L}'’.-]+){0,2})(\s+[–—-]|\s*,|\s+\([\p{L} .-]{2,24}\)\s*[–—-]?)\s+((?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*)$")
            .unwrap()
    });
    let Some(c) = re.captures(line) else {
        return place_then_month(line).unwrap_or(line);
    };
    // A written-out date after any capitalised words is a headline's
    // ("Department Press Briefing – September 27, 2024"); after a place or
    // a publication's name ("... Chronicle") it is the page's date.
    let (head, rest) = (&c[1], c.get(3).map_or(line, |m| m.as_str()));
    let comma = c[2].ends_with(',');
    // "Baghdad (AFP) Jan 26, 2024": the agency's credit between.
    let credited = c[2].contains('(');
    let place = super::people::is_place(head.trim_end_matches(','));
    // One capitalised word ("Madrid - Sep 30, 2024") is a dateline's city
    // whether or not the gazetteer knows it; a headline has more words.
    // ("Updated - Jan 29, 2024" is a label, read with the date).
    let one_word = !head.contains([' ', ',']) && !is_label(head);
    let accepted = if comma {
        place || super::entities::is_wire(head)
    } else if credited {
        place || one_word
    } else {
        rest.starts_with(|c: char| c.is_ascii_digit())
            || place
            || one_word
            || super::header::ends_with_paper_word(head)
    };
    if accepted { rest } else { line }
}

/// "ISTANBUL Sep 27, 2024 - 11:49 am GMT+3", "Baghdad 27 September 2024":
/// a dateline's city and the date with nothing between, the month written
/// out. The city is a place
/// the gazetteer knows or is printed in capitals (a dateline's style); a
/// headline's capitalised words before a date are neither.
fn place_then_month(line: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(&format!(
            r"^(\p{{Lu}}[\p{{L}}'’.-]+(?: \p{{Lu}}[\p{{L}}'’.-]+)?) ((?:(?i:{MONTH}) \d|\d{{1,2}} (?i:{MONTH}) ).*)$"
        ))
        .unwrap()
    });
    let c = re.captures(line)?;
    let head = &c[1];
    let capitals = !head.chars().any(char::is_lowercase)
        && head.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (capitals || super::people::is_place(head)).then(|| c.get(2).map_or(line, |m| m.as_str()))
}

/// "Rudaw24", "Channel4", "Z24 Live": a publisher's name with a number at
/// the end of a word, beside its date ("Zagros24 | 26-01-2024 09:41"): up
/// to three capitalised words, letters then one to three digits. Not a
/// count ("Views 1,204": a word of digits) nor a page ("A7": one letter).
fn is_numbered_name(field: &str) -> bool {
    let words: Vec<&str> = field.split_whitespace().collect();
    let numbered = |w: &str| {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        (1..=3).contains(&(w.len() - letters.len()))
    };
    let mut letters = 0;
    for w in &words {
        let head = w.trim_end_matches(|c: char| c.is_ascii_digit());
        if !head.starts_with(|c: char| c.is_uppercase()) || !head.chars().all(char::is_alphabetic) {
            return false;
        }
        letters += head.chars().count();
    }
    (1..=3).contains(&words.len()) && words.iter().any(|w| numbered(w)) && letters >= 3
}

/// "Issue #112", "Vol. 3, No. 12", "Edition 45": a newsletter's or a
/// periodical's number beside the date of the issue.
fn is_issue_number(field: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&format!("(?i)^{ISSUE_NUMBER}$")).unwrap())
        .is_match(field.trim())
}

/// An issue's number: "Issue #112", "Vol. 3, No. 12".
const ISSUE_NUMBER: &str =
    r"(?:(?:vol(?:ume)?\.?|issue|edition|no\.|number|nr\.)\s*#?\d{1,5},?\s*)+";

/// "Issue #112 - September 28, 2024" -> "September 28, 2024": an issue's
/// number before its date with a dash between (a bar between is split as
/// a field, [`is_issue_number`]).
fn without_issue_number(line: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| Regex::new(&format!(r"(?i)^{ISSUE_NUMBER}[-–—]\s+")).unwrap());
    re.find(line).map_or(line, |m| &line[m.end()..])
}

/// "Edited By: Priya Sharma", "Editor: Liu Jing": the desk editor beside
/// the date (not the author: the page names no writer). "Source: Harbour
/// Wire": the outlet the page credits, beside the date.
fn is_editor_credit(field: &str) -> bool {
    let lower = field.trim().to_lowercase();
    ["edited by", "editor:", "source:"].iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            (1..=5).contains(&rest.trim_start_matches(':').split_whitespace().count())
        })
    })
}

/// "Iraq, Iran, US military": the sections a post is filed under, printed
/// beside its date: two or more short capitalised items between commas.
fn is_category_field(field: &str) -> bool {
    let items: Vec<&str> = field.split(',').map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|i| {
            (1..=3).contains(&i.split_whitespace().count())
                && i.starts_with(char::is_uppercase)
                && !i.chars().any(|c| c.is_ascii_digit())
        })
}

/// A date's label alone ("Updated", "Published", "Date").
fn is_label(word: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&format!(r"(?i)^{LABEL}$")).unwrap())
        .is_match(word.trim())
}

/// "Updated 3 hours ago", "Last updated: 10:15", "Updated: 10 Feb 2024".
fn is_update_note(field: &str) -> bool {
    let l = field.trim_start_matches(['(', '[']).to_ascii_lowercase();
    l.starts_with("update")
        || l.starts_with("last update")
        || l.starts_with("modified")
        // Other languages' labels (see FOREIGN_LABEL).
        || ["mis à jour", "actualizado", "atualizado", "aktualisiert", "aggiornato", "güncelle"]
            .iter()
            .any(|p| l.starts_with(p))
}

/// "1445/07/14", "1402/11/06 - 16:25": a Hijri or Persian date in figures
/// (year first, before 1900), with its time or not, beside the Gregorian.
fn is_other_calendar_in_figures(field: &str) -> bool {
    let mut words = field.split_whitespace();
    words
        .next()
        .is_some_and(|date| date.starts_with('1') && is_other_calendar_line(date))
        && words.all(|w| matches!(w, "-" | "–" | "|") || is_time(w))
}

/// "16:40 GMT", "9:12 AM ET", "00:40", "Time: 16:40" (its own labelled field).
fn is_time(field: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:at\s+|time\s*:\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?\s*(?:[+\-]\d{1,2}(?::?\d{2})?)?$").unwrap()
    })
    .is_match(field.trim())
}

/// One field that is a date and little else.
fn parse_date_field(field: &str, style: DateStyle, max_rest_words: usize) -> Option<PublishedDate> {
    // "Published 4:12 PM GMT+3, March 3, 2024", "16:45 - 28/09/2024
    // Saturday", "16:25 26.01.2024", "Updated at 3:40 p.m. ET on September
    // 27, 2024": the time before the date (a date in figures may follow it
    // after a space alone).
    static LEAD_TIME: OnceLock<Regex> = OnceLock::new();
    let lead_time = LEAD_TIME.get_or_init(|| {
        Regex::new(r"(?i)^((?:first\s+|last\s+)?(?:published|posted|updated|update|modified)\s*:?\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*(?:(?:(?:,|\s[-–—]|\s\|)\s*(?:on\s+)?|\son\s+)(\S.*)|\s(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b.*))$").unwrap()
    });
    let reordered;
    let field = match lead_time.captures(field.trim()) {
        Some(c) => {
            let date = c.get(2).or_else(|| c.get(3)).map_or("", |m| m.as_str());
            reordered = format!("{}{}", c.get(1).map_or("", |m| m.as_str()), date);
            reordered.as_str()
        }
        None => field,
    };
    let caps = date_line_regex().captures(field.trim())?;
    let mut rest = caps.name("rest").map_or("", |m| m.as_str()).trim();
    // "... at 5:12 pm (Paris)": the time's zone or city in brackets.
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
        && close <= 24
    {
        rest = rest[close + 1..].trim_start();
    }
    // "8 February 2024 AD ـ 27 Rajab 1445 AH": the Hijri date beside it.
    if rest.starts_with("AD") || rest.ends_with("AH") || rest.ends_with("هـ") {
        rest = "";
    }
    // "... Updated 3 days ago" / "| Last updated 10:15": an update note, not text.
    if let Some(i) = rest.to_lowercase().find("updated")
        && rest[..i]
            .trim_matches(|c: char| c.is_whitespace() || "|·•-–,([".contains(c))
            .is_empty()
    {
        rest = "";
    }
    let rest_words = rest.split_whitespace().count();
    if rest_words > max_rest_words || rest.ends_with('.') && rest_words > 0 {
        return None;
    }
    let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let whole = field.trim();
    let text = whole[..whole.len() - rest.len()].trim().to_string();
    let updated = is_update_note(whole);
    let weekday = caps.name("wd").and_then(|m| weekday_number(m.as_str()));
    let on_weekday = |d: NaiveDate| weekday.is_none_or(|w| d.weekday().num_days_from_monday() == w);
    let plain = |date: NaiveDate| PublishedDate {
        date,
        text: text.clone(),
        note: None,
        updated,
    };
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        if caps.name("is1").map(|m| m.as_str()) != caps.name("is2").map(|m| m.as_str()) {
            return None;
        }
        // "1445/07/14", "1402/11/06": a Hijri or Persian (solar Hijri)
        // date in figures; no web page was published before 1900.
        if y < 1900 {
            return None;
        }
        return NaiveDate::from_ymd_opt(y as i32, m, d).map(plain);
    }
    if let (Some(a), Some(b), Some(y)) = (num("na"), num("nb"), num("ny")) {
        // "01/25/24": a two-digit year is this century's.
        let y = if y < 100 { 2000 + y } else { y };
        let sep = caps.name("ns1").map_or("", |m| m.as_str());
        if Some(sep) != caps.name("ns2").map(|m| m.as_str()) {
            return None;
        }
        let day_first = NaiveDate::from_ymd_opt(y as i32, b, a).filter(|d| on_weekday(*d));
        let month_first = NaiveDate::from_ymd_opt(y as i32, a, b).filter(|d| on_weekday(*d));
        let (date, note) = match (day_first, month_first) {
            (Some(d), None) | (None, Some(d)) => (d, None),
            (None, None) => return None,
            (Some(df), Some(mf)) if df == mf => (df, None),
            (Some(df), Some(mf)) => {
                let (pick, why) = if caps.name("fl").is_some() && sep != "." {
                    (
                        df,
                        "its label is in a language that writes dates day-first".to_string(),
                    )
                } else {
                    resolve_day_month(df, mf, sep, style, ClockHint::of(whole))
                };
                let other = if pick == df { mf } else { df };
                (
                    pick,
                    Some(format!(
                        "{text:?} could be {pick} or {other}; read as {pick} because {why}"
                    )),
                )
            }
        };
        return Some(PublishedDate {
            date,
            text,
            note,
            updated,
        });
    }
    let (month, day, year) = if let Some(m) = caps.name("mm") {
        (month_number(m.as_str())?, num("md")?, num("my")?)
    } else {
        (
            month_number(caps.name("dm")?.as_str())?,
            num("dd")?,
            num("dy")?,
        )
    };
    NaiveDate::from_ymd_opt(year as i32, month, day).map(plain)
}

/// What the date field's time says of its convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClockHint {
    /// "14:22": a 24-hour clock, which the US does not use.
    TwentyFour,
    /// "06:12 PM EDT", "2:12 PM ET": a US time zone.
    UsZone,
    None,
}

impl ClockHint {
    fn of(field: &str) -> ClockHint {
        static ZONE: OnceLock<Regex> = OnceLock::new();
        let zone = ZONE.get_or_init(|| {
            Regex::new(r"(?i)\b(?:e|c|m|p)(?:s|d)?t\b|\beastern(?: time)?\b|\bpacific(?: time)?\b")
                .unwrap()
        });
        if has_24_hour_time(field) {
            ClockHint::TwentyFour
        } else if zone.is_match(field) {
            ClockHint::UsZone
        } else {
            ClockHint::None
        }
    }
}

/// Which of two readings of an ambiguous numeric date, and why. In order:
/// dotted dates are day-first (the European convention); the weekday the
/// lead names; how the article writes dates in words; the clock and time
/// zone of the field; else day-first.
fn resolve_day_month(
    day_first: NaiveDate,
    month_first: NaiveDate,
    sep: &str,
    style: DateStyle,
    clock: ClockHint,
) -> (NaiveDate, String) {
    // "Date Taken: 09.30.2024" over "Date Posted: 10.01.2024": the page's
    // other dates in figures show its order.
    match (style.figures_day_first, style.figures_month_first) {
        (1.., 0) => {
            return (
                day_first,
                "the page's other dates in figures put the day first".to_string(),
            );
        }
        (0, 1..) => {
            return (
                month_first,
                "the page's other dates in figures put the month first".to_string(),
            );
        }
        _ => {}
    }
    if sep == "." {
        return (day_first, "dotted dates are written day-first".to_string());
    }
    // Both fit when one is the weekday and the other the day after it: a
    // report dated the day its lead names is the likelier.
    let fits = |d: NaiveDate| {
        let (fits, same_day) = (style.fits_lead(d), style.names_weekday(d));
        let other_same_day = style.names_weekday(if d == day_first {
            month_first
        } else {
            day_first
        });
        fits && (same_day || !other_same_day)
    };
    match (fits(day_first), fits(month_first)) {
        (true, false) => {
            return (
                day_first,
                format!(
                    "the lead speaks of a {} and {day_first} is one (or the day after)",
                    weekday_in_lead(style, day_first)
                ),
            );
        }
        (false, true) => {
            return (
                month_first,
                format!(
                    "the lead speaks of a {} and {month_first} is one (or the day after)",
                    weekday_in_lead(style, month_first)
                ),
            );
        }
        _ => {}
    }
    if style.day_first > style.month_first {
        (
            day_first,
            "the article writes dates day-first (\"8 September\")".to_string(),
        )
    } else if style.month_first > style.day_first {
        (
            month_first,
            "the article writes dates month-first (\"September 8\")".to_string(),
        )
    } else if clock == ClockHint::TwentyFour {
        (
            day_first,
            "its time is on a 24-hour clock, and the US, which writes month-first, uses a 12-hour one".to_string(),
        )
    } else if clock == ClockHint::UsZone {
        (
            month_first,
            "its time is in a US time zone, and the US writes dates month-first".to_string(),
        )
    } else {
        // A US page that prints a date in figures names its time zone
        // ("06:12 PM EDT"); the rest of the world writes the day first.
        (
            day_first,
            "nothing in the text tells; only the US writes dates month-first, and its pages name their time zone".to_string(),
        )
    }
}

/// "10/09/2024 - 14:22": a time from 13:00 on, or any "HH:MM" without
/// "am" or "pm" in the field.
fn has_24_hour_time(field: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| Regex::new(r"\b([01]?\d|2[0-3])[:h][0-5]\d\b").unwrap());
    let lower = field.to_ascii_lowercase();
    let twelve = ["am", "pm", "a.m", "p.m"].iter().any(|m| lower.contains(m));
    re.captures_iter(field).any(|c| {
        let hour: u32 = c[1].parse().unwrap_or(0);
        hour >= 13 || (!twelve && c[1].len() == 2)
    })
}

/// The name of the lead's weekday that `date` falls on or follows.
fn weekday_in_lead(style: DateStyle, date: NaiveDate) -> &'static str {
    let today = date.weekday().num_days_from_monday();
    if style.lead_weekdays & (1 << today) != 0 {
        WEEKDAYS[today as usize]
    } else {
        WEEKDAYS[((today + 6) % 7) as usize]
    }
}

/// Dates and deadlines mentioned in one sentence of prose.
///
/// `published` resolves relative phrases ("early this year"); a day or month
/// without a year keeps `year: None` with a note, rather than a guess.
pub fn mentions(sentence: &str, line: usize, published: Option<NaiveDate>) -> Vec<DateMention> {
    struct Pat {
        re: Regex,
        kind: Kind,
    }
    #[derive(Clone, Copy)]
    enum Kind {
        FullMd,
        FullDm,
        DayNoYear,
        Qualified,
        RelativeYear,
        MonthYear,
        MonthAlone,
        Year,
    }
    static PATS: OnceLock<Vec<Pat>> = OnceLock::new();
    // Month names must be capitalised in prose ("may" is a verb).
    let mon = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
    let pats = PATS.get_or_init(|| {
        let p = |re: String, kind| Pat { re: Regex::new(&re).unwrap(), kind };
        vec![
            p(format!(r"\b(?P<m>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<y>(?:19|20)\d{{2}})\b"), Kind::FullMd),
            p(format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{mon}),?\s+(?P<y>(?:19|20)\d{{2}})\b"), Kind::FullDm),
            p(format!(r"\b(?P<m>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), Kind::DayNoYear),
            p(format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{mon})\b"), Kind::DayNoYear),
            p(r"(?i)\b(?:the\s+)?(?P<q>end|close|beginning|start|middle|first\s+half|second\s+half|early|mid|late)(?:\s+of|-|\s+)\s*(?P<y>(?:19|20)\d{2})\b".to_string(), Kind::Qualified),
            p(r"(?i)\b(?:(?P<q>early|earlier|late|later|end\s+of|the\s+end\s+of|beginning\s+of|start\s+of)\s+)?(?P<rel>this|last|next)\s+year\b".to_string(), Kind::RelativeYear),
            p(format!(r"\b(?P<m>{mon})(?:\s+of)?,?\s+(?P<y>(?:19|20)\d{{2}})\b"), Kind::MonthYear),
            p(format!(r"\b(?:in|by|since|until|till|from|starting|before|after|during|early|late|mid|last|next|this)\s+(?P<m>{mon})\b"), Kind::MonthAlone),
            p(r"(?:^|[^\d,.$£€])\b(?P<y>(?:19|20)\d{2})\b(?:[^\d,%]|$)".to_string(), Kind::Year),
        ]
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<(usize, DateMention)> = Vec::new();
    for pat in pats {
        for caps in pat.re.captures_iter(sentence) {
            let whole = caps.get(0).unwrap();
            // For the bare-year pattern the match includes a neighbour character.
            let span = match pat.kind {
                Kind::Year => caps.name("y").map(|m| (m.start(), m.end())).unwrap(),
                _ => (whole.start(), whole.end()),
            };
            if taken.iter().any(|&(s, e)| span.0 < e && s < span.1) {
                continue;
            }
            let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<i64>().ok());
            let month = caps.name("m").and_then(|m| month_number(m.as_str()));
            let text = sentence[span.0..span.1].trim().to_string();
            let mut m = DateMention {
                text,
                year: num("y").map(|y| y as i32),
                month,
                day: num("d").map(|d| d as u32),
                precision: Precision::Year,
                note: None,
                line,
                context: crate::sentences::clip_around(sentence.trim(), span.0, super::MAX_EXCERPT),
            };
            match pat.kind {
                Kind::FullMd | Kind::FullDm => {
                    if NaiveDate::from_ymd_opt(
                        m.year.unwrap_or(0),
                        m.month.unwrap_or(0),
                        m.day.unwrap_or(0),
                    )
                    .is_none()
                    {
                        continue;
                    }
                    m.precision = Precision::Day;
                }
                Kind::DayNoYear => {
                    if !(1..=31).contains(&m.day.unwrap_or(0)) {
                        continue;
                    }
                    m.precision = Precision::Day;
                    m.note = Some("the text does not state the year".to_string());
                }
                Kind::Qualified => {
                    let q = caps
                        .name("q")
                        .map_or("", |q| q.as_str())
                        .to_ascii_lowercase();
                    m.precision = qualifier_precision(&q);
                }
                Kind::RelativeYear => {
                    let rel = caps
                        .name("rel")
                        .map_or("", |r| r.as_str())
                        .to_ascii_lowercase();
                    let q = caps
                        .name("q")
                        .map_or("", |q| q.as_str())
                        .to_ascii_lowercase();
                    m.precision = if q.is_empty() {
                        Precision::Year
                    } else {
                        qualifier_precision(&q)
                    };
                    let offset = match rel.as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    match published {
                        Some(p) => {
                            m.year = Some(p.year() + offset);
                            m.note = Some(format!("relative to the publication date ({p})"));
                        }
                        None => m.note = Some("relative, and the article is undated".to_string()),
                    }
                }
                Kind::MonthYear => m.precision = Precision::Month,
                Kind::MonthAlone => {
                    m.precision = Precision::Month;
                    m.note = Some("the text does not state the year".to_string());
                }
                Kind::Year => {}
            }
            taken.push(span);
            out.push((span.0, m));
        }
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, m)| m).collect()
}

/// Days a sentence names relative to the article: weekdays ("late on
/// Saturday", "last Sunday"), "today", "yesterday", "overnight", "last
/// night".
///
/// News names the days of the past week by weekday, so a weekday is
/// resolved to the latest such day on or before publication, or the next on
/// or after it when the sentence speaks of the future ("will vote on
/// Sunday"); the note says which was assumed. An undated article's weekday
/// keeps no date: which Saturday is not known. A weekday written as part of
/// a full date ("Friday, September 27") is that date's, not a mention of its
/// own.
pub fn day_mentions(sentence: &str, line: usize, published: Option<NaiveDate>) -> Vec<DateMention> {
    static DAY: OnceLock<Regex> = OnceLock::new();
    let re = DAY.get_or_init(|| {
        Regex::new(
            r"\b(?:(?:early|late|earlier|later)\s+(?:on\s+)?|(?:on|last|next|this|since|until|by)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?P<after>,?\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))?|(?i:\b(?P<r>today|yesterday|overnight|last\s+night|this\s+morning|earlier\s+today|tonight)\b)",
        )
        .unwrap()
    });
    let mut out = Vec::new();
    for caps in re.captures_iter(sentence) {
        let whole = caps.get(0).unwrap();
        if caps.name("after").is_some() {
            continue;
        }
        // "Kurdistan Today TV", "USA Today": after a capitalised word,
        // a capitalised "Today" is a name's word, not a day.
        if let Some(r) = caps.name("r")
            && r.as_str().starts_with(char::is_uppercase)
            && sentence[..r.start()]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| {
                    w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',', ':', ';'])
                })
        {
            continue;
        }
        let text = whole.as_str().trim();
        let lower = text.to_ascii_lowercase();
        let before = sentence[..whole.start()].to_ascii_lowercase();
        let future = lower.starts_with("next ")
            || lower.starts_with("until ")
            || lower == "tonight"
            || speaks_of_future(&before);
        // Days back (negative) or ahead from publication, and the note.
        let offset: Option<(i64, String)> = match (caps.name("w"), caps.name("r")) {
            (Some(w), _) => weekday_number(w.as_str()).zip(published).map(|(w, p)| {
                let today = p.weekday().num_days_from_monday() as i64;
                let w = w as i64;
                let name = weekday_name(w);
                if future {
                    let mut ahead = (w - today).rem_euclid(7);
                    if ahead == 0 && lower.starts_with("next ") {
                        ahead = 7;
                    }
                    (ahead, format!("the {name} on or after publication ({p})"))
                } else {
                    let mut back = (today - w).rem_euclid(7);
                    if back == 0 && lower.starts_with("last ") {
                        back = 7;
                    }
                    (-back, format!("the {name} on or before publication ({p})"))
                }
            }),
            (None, Some(r)) => published.map(|p| {
                let r = r.as_str().to_ascii_lowercase();
                if r == "yesterday" || r.starts_with("last") {
                    (-1, format!("the day before publication ({p})"))
                } else if r == "overnight" {
                    (0, format!("the night before publication ({p}) ended"))
                } else {
                    (0, format!("the day of publication ({p})"))
                }
            }),
            _ => None,
        };
        let date = offset.as_ref().and_then(|&(days, _)| {
            published.and_then(|p| p.checked_add_signed(chrono::Duration::days(days)))
        });
        let note = match (&offset, caps.name("w")) {
            (Some((_, note)), _) => note.clone(),
            (None, Some(w)) => format!("the article is undated: which {} is not known", w.as_str()),
            (None, None) => "the article is undated: the day is not known".to_string(),
        };
        out.push(DateMention {
            text: text.to_string(),
            year: date.map(|d| d.year()),
            month: date.map(|d| d.month()),
            day: date.map(|d| d.day()),
            precision: Precision::RelativeDay,
            note: Some(note),
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

fn weekday_name(n: i64) -> &'static str {
    WEEKDAYS[n.rem_euclid(7) as usize]
}

/// Does the clause before a day speak of what is to come ("will vote on",
/// "is due to meet on", "are expected ... on")?
fn speaks_of_future(before: &str) -> bool {
    // The clause: after the last comma or semicolon, at most eight words.
    let clause = before.rsplit([',', ';']).next().unwrap_or(before);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let tail = &words[words.len().saturating_sub(8)..];
    tail.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_ascii_alphabetic()),
            "will"
                | "would"
                | "shall"
                | "due"
                | "expected"
                | "scheduled"
                | "slated"
                | "planned"
                | "plans"
                | "upcoming"
        )
    })
}

fn qualifier_precision(q: &str) -> Precision {
    match q {
        "end" | "close" | "end of" | "the end of" => Precision::EndOfYear,
        "beginning" | "start" | "early" | "earlier" | "first half" | "beginning of"
        | "start of" => Precision::EarlyYear,
        "middle" | "mid" => Precision::MidYear,
        "late" | "later" | "second half" => Precision::LateYear,
        _ => Precision::Year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dashes_part_fields_of_words_not_a_date_from_its_time() {
        assert_eq!(
            split_fields("Jane Roe - Harbour Times - September 27, 2024"),
            ["Jane Roe", "Harbour Times", "September 27, 2024"]
        );
        assert_eq!(split_fields("27/09/2024 - 14:20"), ["27/09/2024 - 14:20"]);
        assert_eq!(
            split_fields("Friday – 27 September 2024"),
            ["Friday – 27 September 2024"]
        );
        assert_eq!(
            split_fields("Updated - January 29, 2024 10:42 pm IST"),
            ["Updated - January 29, 2024 10:42 pm IST"]
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_author_line_run_into_its_labelled_dates() {
        let date = |s: &str| {
            parse_date_line(s, DateStyle::default(), 3).map(|d| (d.date.to_string(), d.updated))
        };
        // Each span of an author box run into one line: names, role, dates.
        assert_eq!(
            date(
                "Rania Khalil Political Correspondent Published: Tue 4 Jun 2024, 9:10 AM Last updated: Tue 4 Jun 2024, 6:30 PM"
            ),
            Some(("2024-06-04".to_string(), false))
        );
        assert_eq!(
            date("Posted 12 March 2024 by Harbour Voice Staff"),
            Some(("2024-03-12".to_string(), false))
        );
        assert_eq!(
            date("Energy Desk Posted: 12 March 2024"),
            Some(("2024-03-12".to_string(), false))
        );
        // Each label is a field of its own: the publication, not the update.
        assert_eq!(
            date("Published: 3 May 2024 Updated: 5 May 2024"),
            Some(("2024-05-03".to_string(), false))
        );
        // A headline run into the label is no author line.
        assert_eq!(date("Port Reopens After Storm Published: 3 May 2024"), None);
        assert_eq!(
            date("The port reopened on Friday. Published: 3 May 2024"),
            None
        );
    }

    #[test]
    fn date_lines_set_in_capitals() {
        let date = |l: &str| {
            parse_date_line(l, DateStyle::default(), 0).map(|d| (d.date.to_string(), d.updated))
        };
        assert_eq!(
            date("PUBLISHED 13 MARCH 2024, 21:05"),
            Some(("2024-03-13".into(), false))
        );
        assert_eq!(
            date("UPDATED 14 MARCH 2024, 11:45"),
            Some(("2024-03-14".into(), true))
        );
        assert_eq!(
            date("POSTED 3 DECEMBER 2024 BY SINJAR VOICE STAFF").map(|d| d.0),
            Some("2024-12-03".into())
        );
        assert_eq!(
            in_date_case("AFP , SATURDAY 3 FEB 2024 - 10:15 PM GMT").as_deref(),
            Some("AFP , Saturday 3 Feb 2024 - 10:15 PM GMT")
        );
        // Lower-case letters, or no digit: not a date line in capitals.
        assert_eq!(in_date_case("Published 13 March 2024"), None);
        assert_eq!(in_date_case("BREAKING NEWS"), None);
    }

    #[test]
    fn an_agency_run_into_the_date_line() {
        let d = parse_date_line(
            "AFP Published March 3, 2024 Updated about 3 hours ago",
            DateStyle::default(),
            0,
        );
        assert_eq!(d.map(|d| d.date.to_string()).as_deref(), Some("2024-03-03"));
        // Only an agency: a headline may run into a label.
        assert!(
            parse_date_line(
                "Port Reopens Published March 3, 2024",
                DateStyle::default(),
                0
            )
            .is_none()
        );
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        // Published on a Monday.
        let p = Some(d(2023, 3, 13));
        let m = day_mentions("The convoy was hit late on Saturday near the bridge.", 4, p);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "late on Saturday");
        assert_eq!(
            (m[0].year, m[0].month, m[0].day),
            (Some(2023), Some(3), Some(11))
        );
        assert_eq!(m[0].precision, Precision::RelativeDay);
        assert!(m[0].note.as_deref().unwrap().contains("on or before"));
        // The same weekday as publication is that day; "last" is a week back.
        let m = day_mentions("Officials met on Monday and last Monday.", 1, p);
        assert_eq!(
            m.iter().map(|m| m.day).collect::<Vec<_>>(),
            [Some(13), Some(6)]
        );
        // The future looks ahead.
        let m = day_mentions("Parliament will vote on Thursday.", 1, p);
        assert_eq!(m[0].day, Some(16));
        let m = day_mentions("A second round is due next Monday.", 1, p);
        assert_eq!(m[0].day, Some(20));
        // Reported speech looks ahead too ("said ... would meet on").
        let m = day_mentions(
            "The spokesman said the commission would hold its first meeting on Thursday.",
            1,
            p,
        );
        assert_eq!(m[0].day, Some(16));
        let m = day_mentions("He said on Thursday that he would resign.", 1, p);
        assert_eq!(m[0].day, Some(9));
        // Relative words.
        let m = day_mentions("Two rockets landed overnight; yesterday was calm.", 1, p);
        assert_eq!(
            m.iter().map(|m| m.day).collect::<Vec<_>>(),
            [Some(13), Some(12)]
        );
    }

    #[test]
    fn weekdays_of_full_dates_and_undated_articles() {
        // The weekday of a full date is not a mention of its own.
        assert!(day_mentions("They said on Friday, March 10, that it ended.", 1, None).is_empty());
        assert!(day_mentions("Signed Friday 10 March in the capital.", 1, None).is_empty());
        // Undated: kept, without a date, saying why.
        let m = day_mentions("The vote took place on Sunday.", 2, None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].day, None);
        assert!(
            m[0].note
                .as_deref()
                .unwrap()
                .contains("which Sunday is not known")
        );
    }

    fn line(s: &str) -> Option<NaiveDate> {
        parse_date_line(s, DateStyle::default(), 3).map(|p| p.date)
    }

    /// The date a line gives, and whether it is an update's.
    fn dated(s: &str) -> Option<(NaiveDate, bool)> {
        parse_date_line(s, DateStyle::default(), 3).map(|p| (p.date, p.updated))
    }

    #[test]
    fn a_day_of_another_calendar_alone_on_its_line() {
        for l in [
            "Friday, 24 Rabi' al-Awwal 1446 AH",
            "Sha'ban 26, 1445 AH",
            "9 Bahman 1402",
            "Thursday 14 Rajab 1445",
            "1445/07/14",
        ] {
            assert!(is_other_calendar_line(l), "{l}");
            assert_eq!(line(l), None, "{l}");
        }
        // Year first in figures, beside the Gregorian date, with its time.
        for l in ["2024/01/26 | 1402/11/06 - 16:25", "1445/07/14 - 2024/01/26"] {
            assert_eq!(
                line(l).map(|d| d.to_string()),
                Some("2024-01-26".into()),
                "{l}"
            );
        }
        // A headline naming a month of the Hijri calendar is not one.
        assert!(!is_other_calendar_line(
            "Ramadan begins in Baghdad as talks resume"
        ));
        assert!(!is_other_calendar_line(
            "Tehran, 9 Bahman 1402 (29 January 2024)"
        ));
    }

    #[test]
    fn a_credit_before_the_date_with_a_comma_or_before_its_label() {
        // A reprint's agency where the byline stands; a source credit glued
        // to the "Published:" field.
        assert_eq!(line("AFP , Saturday 3 Feb 2024"), Some(d(2024, 2, 3)));
        assert_eq!(line("Baghdad, 5 February 2024"), Some(d(2024, 2, 5)));
        assert_eq!(
            line("Source:Harbour Daily Published: Jan 31, 2024 09:12 PM"),
            Some(d(2024, 1, 31))
        );
        // Capitalised words that are neither a place nor an agency: a
        // headline with a date, not a date line.
        assert_eq!(line("Talks Resume, 3 Feb 2024"), None);
        assert_eq!(
            line("Tehran, 9 Bahman 1402 (29 January 2024)"),
            Some(d(2024, 1, 29))
        );
        // A city the gazetteer does not know, one word before the dash; a
        // label word there is read with its date.
        assert_eq!(
            line("Madrid - Sep 30, 2024 - 17:42 CEST"),
            Some(d(2024, 9, 30))
        );
        // Arabic-Indic digits.
        assert_eq!(line("٢٧/٠٩/٢٠٢٤"), Some(d(2024, 9, 27)));
        // Arabic month and weekday names, Egyptian and Levantine.
        assert_eq!(line("السبت 5 أكتوبر 2024"), Some(d(2024, 10, 5)));
        assert_eq!(line("الخميس 3 تشرين الأول 2024"), Some(d(2024, 10, 3)));
        assert_eq!(line("١٢ آب ٢٠٢٤"), Some(d(2024, 8, 12)));
        // A weekday alone names no month.
        assert_eq!(line("السبت"), None);
        // The update's label glued to the time before it.
        assert_eq!(
            dated("Issued on: 27/09/2024 - 17:45Modified: 28/09/2024 - 19:10"),
            Some((d(2024, 9, 27), false))
        );
        // A city in capitals, or one the gazetteer knows, then the date
        // with nothing between; capitalised words of a headline are not.
        assert_eq!(
            line("KARACHI Sep 27, 2024 - 11:49 am GMT+3"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(line("Baghdad Oct 2, 2024"), Some(d(2024, 10, 2)));
        assert_eq!(line("Talks Resume Oct 2, 2024"), None);
        // The day before the month, as most of the world writes it.
        assert_eq!(
            line("KARACHI 27 September 2024 - 11:49 am GMT+3"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(line("Baghdad 2 Oct. 2024"), Some(d(2024, 10, 2)));
        assert_eq!(line("Talks Resume 2 October 2024"), None);
        let p = parse_date_line(
            "Updated - January 29, 2024 10:42 pm IST",
            DateStyle::default(),
            3,
        );
        assert!(p.unwrap().updated);
        assert_eq!(
            dated("Publish Date: 30.01.2024 15:10 | Update Date: 30.01.2024 16:25"),
            Some((d(2024, 1, 30), false))
        );
    }

    #[test]
    fn date_lines_with_their_neighbours() {
        // The day of publication among glued fields, the update first.
        let p = parse_date_line(
            "Updated January 26, 2024 at 7:02 p.m. EST|Published January 25, 2024 at 10:15 a.m. EST",
            DateStyle::default(),
            3,
        )
        .unwrap();
        assert_eq!((p.date, p.updated), (d(2024, 1, 25), false));
        // The same day in another calendar after it.
        assert_eq!(
            line("Gulf Chronicle - Sunday, January 28, 2024 - Bahman 08, 1402"),
            Some(d(2024, 1, 28))
        );
        assert_eq!(
            line("Thursday 07 March 2024 - 26 Sha'ban 1445 AH"),
            Some(d(2024, 3, 7))
        );
        // The time's city in brackets, the update after it.
        assert_eq!(
            line("Published on September 27, 2024, at 5:12 pm (Paris), updated at 6:40 pm"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(
            line("Sunday، 28 January 2024 - 09:12"),
            Some(d(2024, 1, 28))
        );
        // A printed page's running header: paper, date, page.
        assert_eq!(
            line("THE HARBOUR GAZETTE | FRIDAY, MAY 3, 2024 | B12"),
            Some(d(2024, 5, 3))
        );
        assert_eq!(
            line("Harbour Gazette | May 3, 2024 | Page 7"),
            Some(d(2024, 5, 3))
        );
        assert_eq!(line("May 3, 2024 | Room 12B"), None);
        // A title with its date is a headline, not a date line.
        assert_eq!(line("Department Press Briefing – September 27, 2024"), None);
    }

    #[test]
    fn publication_date_lines() {
        assert_eq!(line("10.09.2024 North America"), Some(d(2024, 9, 10)));
        assert_eq!(line("2024-09-08 08:21:10"), Some(d(2024, 9, 8)));
        assert_eq!(line("Tuesday, July 23, 2024"), Some(d(2024, 7, 23)));
        assert_eq!(line("23 July 2024"), Some(d(2024, 7, 23)));
        assert_eq!(line("Sept. 8, 2024"), Some(d(2024, 9, 8)));
        assert_eq!(
            line("Published: 8 Sep 2024, 10:15 GMT"),
            Some(d(2024, 9, 8))
        );
        assert_eq!(
            line("Posted on September 8th, 2024 at 9:30 am"),
            Some(d(2024, 9, 8))
        );
        assert_eq!(line("2024-09-08T08:21:10Z"), Some(d(2024, 9, 8)));
        assert_eq!(line("2024/09/08"), Some(d(2024, 9, 8)));
        assert_eq!(line("13/09/2024"), Some(d(2024, 9, 13)));
        assert_eq!(line("09/13/2024"), Some(d(2024, 9, 13)));
        assert_eq!(
            line("September 6, 2024 5:21 PM GMT+3 Updated 3 days ago"),
            Some(d(2024, 9, 6))
        );
        assert_eq!(line("Posted on 2024-08-13 by admin"), Some(d(2024, 8, 13)));
        assert_eq!(
            line("Published 4:12 PM GMT+3, March 3, 2024"),
            Some(d(2024, 3, 3))
        );
        assert_eq!(
            line("Updated at 3:40 p.m. ET on September 27, 2024"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(
            line("Posted at 10:15 on 27 September 2024"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(
            line("Politics · August 5, 2025 · 8:10 PM"),
            Some(d(2025, 8, 5))
        );
        assert_eq!(
            line("Posted 02/05/2024 9:12 AM ET | Updated 02/05/2024 1:40 PM ET"),
            Some(d(2024, 2, 5))
        );
        assert_eq!(line("Mosul – 27/09/2024"), Some(d(2024, 9, 27)));
        assert_eq!(
            line("8 February 2024 AD ـ 27 Rajab 1445 AH"),
            Some(d(2024, 2, 8))
        );
        assert_eq!(
            line("Published date: 7 February 2024 20:09 GMT"),
            Some(d(2024, 2, 7))
        );
        assert_eq!(
            line("February 7, 20246:18 PM GMT+3Updated 6 days ago"),
            Some(d(2024, 2, 7))
        );
        assert_eq!(line("Fri 19 Jan 2024 20:58"), Some(d(2024, 1, 19)));
        // A comma out of place, a colon before the time, fields between
        // slashes, a two-digit year.
        assert_eq!(
            line("Published: 8 March ,2024: 11:20 AM GST"),
            Some(d(2024, 3, 8))
        );
        assert_eq!(line("March, 08, 2024 - 13:25"), Some(d(2024, 3, 8)));
        assert_eq!(line("08-Mar-2024"), Some(d(2024, 3, 8)));
        assert_eq!(
            line("Updated on: March 8, 2024 / 3:14 PM EDT / Courier News"),
            Some(d(2024, 3, 8))
        );
        assert_eq!(line("03/08/24 4:12 PM ET"), Some(d(2024, 3, 8)));
        // A wire's dateline with the date in it.
        assert_eq!(line("Baghdad (AFP) Mar 8, 2024"), Some(d(2024, 3, 8)));
        assert_eq!(line("Talks on the Future (Part Two) Mar 8, 2024"), None);
        // The Hijri date first, the Gregorian after a dash.
        assert_eq!(
            line("Friday 27 Sha'ban 1445 AH - 8 March 2024"),
            Some(d(2024, 3, 8))
        );
        assert_eq!(line("3/8/245"), None);
        // A dateline without a year is not a publication date.
        assert_eq!(line("BAGHDAD, Aug 6 (Reuters) -"), None);
        assert_eq!(line("Aug 6"), None);
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_date_lines() {
        assert_eq!(
            line("Set to begin in September 2025 and end by 2026."),
            None
        );
        assert_eq!(line("September 2025"), None);
        assert_eq!(line("2024-13-45"), None);
        assert_eq!(line("10.09/2024"), None);
        assert_eq!(line("Date:"), None);
        assert_eq!(
            parse_date_line(
                "8 September 2024 the agreement was reached by both sides.",
                DateStyle::default(),
                3
            ),
            None
        );
    }

    #[test]
    fn other_languages_labels_reading_times_and_credits_beside_the_date() {
        // A French label and time: day-first, whatever the (US) default.
        let p = parse_date_line("Publié le 08/09/2024 à 14h35", DateStyle::default(), 0).unwrap();
        assert_eq!(p.date, d(2024, 9, 8));
        assert!(p.note.unwrap().contains("day-first"));
        assert!(
            parse_date_line("Mis à jour le 09/09/2024", DateStyle::default(), 0)
                .unwrap()
                .updated
        );
        assert_eq!(line("Sep 12, 2024 | 3 min read"), Some(d(2024, 9, 12)));
        assert_eq!(line("12 September 2024 4 min read"), Some(d(2024, 9, 12)));
        assert_eq!(line("Sep 13, 2024 · 38 min"), Some(d(2024, 9, 13)));
        // How long ago, then the date.
        assert_eq!(
            line("Published 2 days ago on September 12, 2024"),
            Some(d(2024, 9, 12))
        );
        assert_eq!(
            line("Updated 3 hours ago | Published September 12, 2024"),
            Some(d(2024, 9, 12))
        );
        let updated = parse_date_line(
            "Updated 5 hours ago on September 14, 2024",
            DateStyle::default(),
            0,
        );
        assert!(updated.is_some_and(|u| u.updated && u.date == d(2024, 9, 14)));
        assert_eq!(line("Published 2 days ago"), None);
        assert_eq!(
            line("Source: Harbour Wire | 2024-09-28 06:45:12 | Editor: desk"),
            Some(d(2024, 9, 28))
        );
        // A sentence's numbers beside a date are no reading time.
        assert_eq!(line("Sep 12, 2024 | 3 officers were hurt"), None);
    }

    #[test]
    fn a_wire_dateline_without_its_year() {
        let lead =
            "BAGHDAD, Sept 8 (Harbour Wire) - The ministry said on Sunday that talks resume.";
        let style = DateStyle::default().with_lead(lead);
        let day = dateline_day(lead, 2024, style).unwrap();
        assert_eq!(day.date, d(2024, 9, 8));
        // 8 September 2026 is a Tuesday: a later copyright does not fit the
        // lead's Sunday (a Monday would: the lead may speak of the day before).
        assert!(dateline_day(lead, 2026, style).is_none());
        assert!(dateline_day("The ministry said on Sunday.", 2024, style).is_none());
        // An agency's credit between slashes after the day.
        let lead = "KYIV, March 4. /Harbour Wire/. Talks resumed on Monday in the capital.";
        let style = DateStyle::default().with_lead(lead);
        let day = dateline_day(lead, 2024, style).unwrap();
        assert_eq!(day.date, d(2024, 3, 4));
    }

    #[test]
    fn a_date_labelled_as_of_publication_or_issue() {
        for line in [
            "Date of publication: 27 September 2024",
            "Date of issue: 27-09-2024",
            "Date of release: 27 September 2024",
        ] {
            let p = parse_date_line(line, DateStyle::default(), 0);
            assert_eq!(p.map(|p| p.date), Some(d(2024, 9, 27)), "{line}");
        }
    }

    #[test]
    fn ambiguous_numeric_dates_say_why() {
        let p = parse_date_line("10.09.2024", DateStyle::default(), 0).unwrap();
        assert_eq!(p.date, d(2024, 9, 10));
        assert!(
            p.note
                .unwrap()
                .contains("dotted dates are written day-first")
        );
        let us = DateStyle::of("on September 8, officials said");
        let p = parse_date_line("09/10/2024", us, 0).unwrap();
        assert_eq!(p.date, d(2024, 9, 10));
        let uk = DateStyle::of("on 8 September officials said");
        // A wire photo's caption writes the agency's way.
        let captioned = DateStyle::of(
            "Troops at a checkpoint in Baghdad, March 2, 2019. REUTERS/Jane Roe/File Photo\n\
             The talks resumed on 8 September.",
        );
        assert_eq!((captioned.day_first, captioned.month_first), (1, 0));
        let p = parse_date_line("09/10/2024", uk, 0).unwrap();
        assert_eq!(p.date, d(2024, 10, 9));
        assert!(p.note.unwrap().contains("day-first"));
        assert!(parse_date_line("13/09/2024", uk, 0).unwrap().note.is_none());
        // Nothing in the prose: a 24-hour clock beside it is not the US's.
        let none = DateStyle::default();
        assert_eq!(line_date("10/09/2024 - 14:22", none), d(2024, 9, 10));
        // A US time zone beside it is the US's; with neither, the day comes
        // first, as everywhere but the US (whose pages name their zone).
        assert_eq!(line_date("10/09/2024 - 2:22 PM EDT", none), d(2024, 10, 9));
        assert_eq!(line_date("10/09/2024 2:22 p.m. ET", none), d(2024, 10, 9));
        assert_eq!(line_date("10/09/2024 - 2:22 PM", none), d(2024, 9, 10));
        assert_eq!(line_date("10/09/2024", none), d(2024, 9, 10));
        assert_eq!(line_date("10/09/2024 02:22 PM GST", none), d(2024, 9, 10));
        // The lead's "Tuesday": 10 September 2024 is one, 9 October the day
        // after one; the day it names wins.
        let tuesday = DateStyle::default().with_lead("The minister on Tuesday welcomed the plan.");
        assert_eq!(line_date("10/09/2024 - 2:22 PM", tuesday), d(2024, 9, 10));
        // Another date in figures on the page that only one order reads.
        let dotted_us = DateStyle::of("Photo taken: 03.17.2024\nFiled: 03.04.2024");
        assert_eq!(line_date("03.04.2024", dotted_us), d(2024, 3, 4));
        let slashed_uk = DateStyle::of("Updated 17/03/2024");
        assert_eq!(
            line_date("03/04/2024 - 2:22 PM EDT", slashed_uk),
            d(2024, 4, 3)
        );
        assert_eq!(line_date("03.04.2024", DateStyle::default()), d(2024, 4, 3));
    }

    fn line_date(s: &str, style: DateStyle) -> NaiveDate {
        parse_date_line(s, style, 0).unwrap().date
    }

    #[test]
    fn the_lead_weekday_settles_day_and_month() {
        // The prose writes "April 1, 2024" (month first), the page's number
        // is day first: 1 April 2024 was a Monday, 4 January 2024 a Thursday.
        let style = DateStyle::of("A post dated April 1, 2024 was shared.")
            .with_lead("The group said early on Monday that its drone hit the port.");
        let p = parse_date_line("Published: 01/04/2024", style, 0).unwrap();
        assert_eq!(p.date, d(2024, 4, 1));
        assert!(p.note.unwrap().contains("Monday"));
        // Without the weekday, the prose's way decides.
        let p =
            parse_date_line("Published: 01/04/2024", DateStyle::of("April 1, 2024"), 0).unwrap();
        assert_eq!(p.date, d(2024, 1, 4));
        // A weekday on the line itself leaves one reading.
        let p = parse_date_line("Mon 01/04/2024", DateStyle::default(), 0).unwrap();
        assert_eq!((p.date, p.note), (d(2024, 4, 1), None));
    }

    #[test]
    fn issued_and_modified_on_one_line() {
        // A broadcaster's "Issued on: DATE - TIME Modified: DATE - TIME":
        // the issue date, whatever the modified one says.
        let p = parse_date_line(
            "Issued on: 26/01/2024 - 15:42 Modified: 27/01/2024 - 09:10",
            DateStyle::default(),
            0,
        )
        .unwrap();
        assert_eq!(p.date, d(2024, 1, 26));
        // The time after a longer dash than the hyphen.
        for line in [
            "Published on 27/09/2024 — 20:15 GMT+2•Updated 28/09/2024 — 08:40 GMT+2",
            "Issued on: 27/09/2024 – 20:15 Modified: 28/09/2024 – 08:40",
        ] {
            let p = parse_date_line(line, DateStyle::default(), 0);
            assert_eq!(p.map(|p| p.date), Some(d(2024, 9, 27)), "{line}");
        }
        // An issue's label set off by a comma, alone on its line.
        let p = parse_date_line(
            "Weekly newsletter, January 26, 2024",
            DateStyle::default(),
            0,
        );
        assert_eq!(p.map(|p| p.date), Some(d(2024, 1, 26)));
        assert!(
            parse_date_line("Talks resume, January 26, 2024", DateStyle::default(), 0).is_none()
        );
    }

    fn summary(s: &str, published: Option<NaiveDate>) -> Vec<String> {
        mentions(s, 1, published)
            .into_iter()
            .map(|m| {
                format!(
                    "{}={:?}/{:?}/{:?}/{:?}",
                    m.text, m.year, m.month, m.day, m.precision
                )
            })
            .collect()
    }

    #[test]
    fn mentioned_dates_with_precision() {
        assert_eq!(
            summary(
                "set to begin in September 2025 and to be completed by the end of 2026.",
                None
            ),
            vec![
                "September 2025=Some(2025)/Some(9)/None/Month",
                "the end of 2026=Some(2026)/None/None/EndOfYear"
            ]
        );
        assert_eq!(
            summary(
                "Attacks have increased since October 7, 2023, after the 2003 invasion.",
                None
            ),
            vec![
                "October 7, 2023=Some(2023)/Some(10)/Some(7)/Day",
                "2003=Some(2003)/None/None/Year"
            ]
        );
        let m = mentions(
            "He spoke to the channel on September 8, stating that",
            1,
            None,
        );
        assert_eq!((m[0].year, m[0].month, m[0].day), (None, Some(9), Some(8)));
        assert!(
            m[0].note
                .as_deref()
                .unwrap()
                .contains("does not state the year")
        );
        let m = mentions(
            "Several factions halted their attacks early this year.",
            1,
            Some(d(2024, 9, 10)),
        );
        assert_eq!(
            (m[0].year, m[0].precision),
            (Some(2024), Precision::EarlyYear)
        );
    }

    #[test]
    fn numbers_are_not_years() {
        assert!(
            mentions("about 2,500 troops and 2025 figures", 1, None)
                .iter()
                .all(|m| m.text == "2025")
        );
        assert!(mentions("It costs $2024 or 2024% more", 1, None).is_empty());
        assert!(mentions("They may leave soon.", 1, None).is_empty());
    }

    #[test]
    fn a_numbered_name_beside_the_date_and_a_last_update_note() {
        assert_eq!(line("Zagros24 | 26-01-2024 09:41"), Some(d(2024, 1, 26)));
        assert_eq!(
            line("26 January 2024 09:41 GMT | Last update: 10 months ago"),
            Some(d(2024, 1, 26))
        );
        // A count beside a date is not a date line's label.
        assert_eq!(line("Views 1,204 | 26-01-2024 09:41"), None);
        assert!(!is_numbered_name("A7"));
        assert!(!is_numbered_name("2024"));
        // A short brand of a letter and a number, with a word after it.
        assert_eq!(line("Z24 Live | 28-09-2024 09:30 PM"), Some(d(2024, 9, 28)));
        assert!(!is_numbered_name("Page 2"));
    }

    #[test]
    fn an_issue_number_beside_the_date() {
        assert_eq!(
            line("Issue #112 | September 28, 2024"),
            Some(d(2024, 9, 28))
        );
        assert_eq!(line("Vol. 3, No. 12 | March 2, 2024"), Some(d(2024, 3, 2)));
        assert!(is_issue_number("Edition 45"));
        // A number that counts something is not an issue's.
        assert!(!is_issue_number("Issues 3"));
        for line in [
            "Issue #112 - September 28, 2024",
            "Vol. 3, No. 12 – September 28, 2024",
        ] {
            let d = parse_date_line(line, DateStyle::default(), 3).expect(line);
            assert_eq!(
                d.date,
                NaiveDate::from_ymd_opt(2024, 9, 28).unwrap(),
                "{line}"
            );
        }
        assert_eq!(line("Killed 112 | September 28, 2024"), None);
    }

    #[test]
    fn a_section_label_run_into_the_date_and_categories_beside_it() {
        assert_eq!(
            line("Commentary / Middle East & North Africa 26 January 2024"),
            Some(d(2024, 1, 26))
        );
        // Alone, a headline that ends with a date is not a date line.
        assert_eq!(line("Talks Resume In Baghdad 26 January 2024"), None);
        assert_eq!(
            line("January 26, 2024 | Iraq, Iran, US military"),
            Some(d(2024, 1, 26))
        );
        assert!(!is_category_field("Iraq, 2024"));
    }

    #[test]
    fn an_editor_beside_the_only_date() {
        assert_eq!(
            line("Edited By: Priya Sharma | Updated: Jan 26, 2024, 09:41 AM IST"),
            Some(d(2024, 1, 26))
        );
        assert!(!is_editor_credit(
            "Edited by the ministry's press office in the capital city today"
        ));
    }

    #[test]
    fn a_section_a_time_and_the_date() {
        assert_eq!(
            line("All News 09:41 January 26, 2024"),
            Some(d(2024, 1, 26))
        );
        assert_eq!(line("Talks Resume In Baghdad 26 January 2024"), None);
        // A section run into a date in figures and its time.
        assert_eq!(line("9/27/2024 8:15:00 PM"), Some(d(2024, 9, 27)));
        assert_eq!(line("9/27/2024"), Some(d(2024, 9, 27)));
        assert_eq!(
            line("Middle East 9/27/2024 8:15:00 PM"),
            Some(d(2024, 9, 27))
        );
        assert_eq!(line("Gulf 27.09.2024 18:40"), Some(d(2024, 9, 27)));
        assert_eq!(line("Rebaz Karim 29/09/2024"), None);
        assert_eq!(
            line("Basra beat Kuwait 3-1 on 9/27/2024 in the final"),
            None
        );
        // The outlet's name, the date, a dash and the time; an agency's
        // stamp with the time in four figures before the date.
        assert_eq!(line("KurdWire 27/09/2024 - 21:05"), Some(d(2024, 9, 27)));
        assert_eq!(line("XNA 1422 GMT 2024/09/28"), Some(d(2024, 9, 28)));
        assert_eq!(line("XNA 2575 GMT 2024/09/28"), None);
        assert_eq!(line("Flight 1422 to Basra 2024/09/28"), None);
        // The time, a dash, then the date and its weekday.
        assert_eq!(line("16:45 - 28/09/2024 Saturday"), Some(d(2024, 9, 28)));
        assert_eq!(
            line("Update: 16:47 - 28/09/2024 Saturday"),
            Some(d(2024, 9, 28))
        );
    }

    #[test]
    fn a_separator_left_before_the_date_is_no_part_of_it() {
        // The byline's separator, the name on the line above.
        assert_eq!(line("- January 25, 2024"), Some(d(2024, 1, 25)));
        assert_eq!(line("| 25/01/2024 18:40"), Some(d(2024, 1, 25)));
    }

    #[test]
    fn a_closing_note_gives_the_date() {
        assert_eq!(
            line("This commentary was published on 26 January 2024."),
            Some(d(2024, 1, 26))
        );
        assert_eq!(
            line("This analysis was first published on Jan. 26, 2024."),
            Some(d(2024, 1, 26))
        );
        assert_eq!(
            line("This article was first published in January 2024 by the paper."),
            None
        );
        // A syndicating site's line over a reprint, with the time.
        assert_eq!(
            line("This content was published on January 25, 2024 - 17:20"),
            Some(d(2024, 1, 25))
        );
    }
}
