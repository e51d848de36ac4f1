//! A scraped page as numbered lines, and the shallow features of each line
//! that tell article text from page chrome.
//!
//! The features are the ones jusText and boilerpipe decide by: length, the
//! share of stop words (running prose is about a third grammar words, a menu
//! or a list of headlines almost none), sentence punctuation, separators
//! between short items (`|`, `·`, `»`), capitalisation. None of them looks
//! at what a line says, so they hold on pages from any outlet.

/// One logical line of a source: a paragraph of the page, with the number
/// of its first line in the file (the number every provenance link uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based number of its first line in the source.
    pub no: usize,
    /// The text, trimmed.
    pub text: String,
}

/// Non-empty lines, trimmed, with their 1-based numbers. A line that a
/// scraper wrapped (no final punctuation, the next line right below it
/// starting in lower case) is joined to its continuation and keeps the first
/// line's number.
pub fn logical_lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut prev_no = 0;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        let l = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}');
        if l.is_empty() {
            continue;
        }
        if let Some(last) = out.last_mut()
            && prev_no + 1 == no
            && words(&last.text) >= 5
            && !last
                .text
                .ends_with(['.', '!', '?', ':', ';', '"', '”', '’'])
            && l.chars().next().is_some_and(char::is_lowercase)
            && !is_lower_case_byline(l)
            && !is_lone_control(l)
        {
            last.text.push(' ');
            last.text.push_str(l);
        } else {
            out.push(Line {
                no,
                text: l.to_string(),
            });
        }
        prev_no = no;
    }
    out
}

/// "by Jane Roe - 01/25/24 4:12 PM ET", "by Jane Roe and John Doe": a
/// byline some sites print in lower case under the headline, not the
/// headline's wrapped tail. Only names then a separator or the line's end;
/// a wrapped sentence goes on in lower case or ends with punctuation ("by
/// Iraqi forces on Tuesday.").
fn is_lower_case_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("by ") else {
        return false;
    };
    let mut names = 0;
    let mut words = rest.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if matches!(w, "-" | "–" | "—" | "|") {
            return names >= 2;
        }
        if w == "and" && names >= 2 {
            continue;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital || w.ends_with(['.', ',', ';', ':']) && words.peek().is_some() {
            return false;
        }
        names += 1;
        if names > 8 {
            return false;
        }
    }
    names >= 2 && !rest.ends_with(['.', '!', '?'])
}

/// "close", "more", "share": one word in lower case without punctuation
/// is a button's label, not the last word of a wrapped paragraph (which
/// ends with its full stop).
fn is_lone_control(line: &str) -> bool {
    !line.contains(char::is_whitespace) && line.chars().all(char::is_alphabetic)
}

/// Number of whitespace-separated words.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// What a line looks like, whatever it says.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shape {
    /// Whitespace-separated words.
    pub words: usize,
    /// Characters.
    pub chars: usize,
    /// Share of words that are stop words (grammar words).
    pub stop_share: f32,
    /// Ends like a sentence: `.`, `!` or `?`, maybe inside a closing quote.
    pub sentence_end: bool,
    /// Separators standing between items: ` | `, ` · `, ` » `, ` › `, ` > `,
    /// ` / `, ` • `, `▼`.
    pub separators: usize,
    /// Share of words that start with a capital letter (of words with letters).
    pub capitalised_share: f32,
    /// Every cased letter is upper case (and there are at least two).
    pub all_caps: bool,
    /// The first letter-or-digit is a capital, a digit or a quote.
    pub starts_like_a_sentence: bool,
    /// Letters in the line.
    pub letters: usize,
    /// Letters outside the Latin script (Arabic, Persian, Kurdish ...).
    pub non_latin_letters: usize,
    /// Holds a verb of reporting in lower case ("said", "told", "according
    /// to"): the grammar of a news sentence that names its source.
    pub reporting: bool,
}

/// Verbs a news sentence names its source with. Lower case only: "Said" is
/// also a given name.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "according",
    "announced",
    "stated",
    "confirmed",
    "denied",
    "warned",
    "claimed",
    "insisted",
    "reported",
];

impl Shape {
    /// Measure `line`.
    pub fn of(line: &str) -> Shape {
        let stop = stop_words();
        let mut words = 0usize;
        let mut stops = 0usize;
        let mut cased_words = 0usize;
        let mut capitalised = 0usize;
        let mut reporting = false;
        for w in line.split_whitespace() {
            words += 1;
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                continue;
            }
            reporting |= REPORTING_VERBS.contains(&core);
            let lower = core.to_lowercase();
            if stop.contains(lower.as_str()) {
                stops += 1;
            }
            if let Some(c) = core.chars().next()
                && c.is_alphabetic()
                && (c.is_uppercase() || c.is_lowercase())
            {
                cased_words += 1;
                capitalised += usize::from(c.is_uppercase());
            }
        }
        let mut letters = 0usize;
        let mut non_latin = 0usize;
        let mut upper = 0usize;
        let mut lower = 0usize;
        for c in line.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if !is_latin(c) {
                    non_latin += 1;
                }
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
        }
        let end = line
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
        let first = line
            .chars()
            .find(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\'' | '«'));
        Shape {
            words,
            chars: line.chars().count(),
            stop_share: if words == 0 {
                0.0
            } else {
                stops as f32 / words as f32
            },
            sentence_end: end.ends_with(['.', '!', '?', '؟', '。']) && !end.ends_with("..."),
            separators: separators(line),
            capitalised_share: if cased_words == 0 {
                0.0
            } else {
                capitalised as f32 / cased_words as f32
            },
            all_caps: upper >= 2 && lower == 0,
            starts_like_a_sentence: first.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || !c.is_alphanumeric()
                    || (c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
            }),
            letters,
            non_latin_letters: non_latin,
            reporting,
        }
    }

    /// Mostly written in a script without case (Arabic, Persian, Hebrew ...).
    pub fn mostly_non_latin(&self) -> bool {
        self.letters > 0 && self.non_latin_letters * 2 > self.letters
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Separators between menu items, breadcrumbs and metadata fields.
fn separators(line: &str) -> usize {
    let padded = format!(" {line} ");
    let mut n = 0;
    for sep in [
        " | ", " · ", " • ", " » ", " › ", " > ", " / ", " :: ", " ‹ ", " « ",
    ] {
        n += padded.matches(sep).count();
    }
    n + line.matches(['▼', '▲', '▶', '►']).count()
}

pub use crate::words::stop_words;

/// Is `word` (any case) a stop word?
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_are_joined_and_keep_their_number() {
        let lines = logical_lines(
            "Title Line Here\n\nThe first line of a paragraph that was\nwrapped by the scraper.\n\nNext.\n",
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].no, 3);
        assert_eq!(
            lines[1].text,
            "The first line of a paragraph that was wrapped by the scraper."
        );
        assert_eq!(lines[2].no, 6);
        // A lower-case byline under a headline is not its tail.
        let lines = logical_lines(
            "Pentagon says it has no plans to leave\nby Jane Roe - 01/25/24 4:12 PM ET\nText.\n",
        );
        assert_eq!(lines.len(), 3, "{lines:?}");
        // Nor is a button's label under a byline.
        let lines = logical_lines("By Jane Roe Courier News\nclose\nText.\n");
        assert_eq!(lines.len(), 3, "{lines:?}");
        let lines = logical_lines(
            "Officials said the convoy was stopped at a checkpoint\nby Iraqi Forces on Tuesday.\n",
        );
        assert_eq!(lines.len(), 1, "{lines:?}");
    }

    #[test]
    fn prose_menus_and_mastheads_differ_in_shape() {
        let prose = Shape::of(
            "The minister said on Monday that the talks would resume in the capital after the holiday.",
        );
        let menu = Shape::of("Home | World | Middle East | Business | Opinion | Video");
        let masthead = Shape::of("THE EVENING COURIER");
        assert!(prose.stop_share > 0.3 && prose.sentence_end, "{prose:?}");
        assert!(menu.stop_share < 0.1 && menu.separators == 5, "{menu:?}");
        assert!(masthead.all_caps && !masthead.sentence_end);
        assert!(!Shape::of("Wait for it...").sentence_end);
        let arabic = Shape::of("قال الوزير إن المحادثات ستستأنف في العاصمة");
        assert!(arabic.mostly_non_latin() && arabic.starts_like_a_sentence);
        assert!(arabic.stop_share > 0.0);
    }
}
