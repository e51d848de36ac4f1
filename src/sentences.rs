//! Splitting prose into sentences.
//!
//! Good enough for news English: a sentence ends at `.`, `!` or `?` (maybe
//! followed by a closing quote or bracket) when the next word starts a new
//! sentence, except after common abbreviations ("U.S.", "Sept.", "Mr.") and
//! initials.

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "sen", "rep",
    "gov", "pres", "jr", "sr", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "approx", "est", "fig",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "brig", "cmdr", "adm", "spc", "pfc", "cpl",
    "pvt", "amb", "sens", "reps", "gens", "drs", "messrs", "govs",
];

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    spans(text, usize::MAX)
}

/// The first sentence of `text` (empty if it has none), without splitting the rest.
pub fn first_sentence(text: &str) -> &str {
    spans(text, 1).first().map_or("", |&(s, e)| &text[s..e])
}

/// At most `max` sentence spans of `text`.
fn spans(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' || b == b'\n' {
            // Extend over closing quotes/brackets and repeated terminators.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '.' | '!' | '?') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = text[end..].trim_start_matches([' ', '\t']);
            let is_break = if b == b'\n' {
                true
            } else {
                let followed_by_space =
                    end >= bytes.len() || text[end..].starts_with([' ', '\t', '\n']);
                followed_by_space
                    && starts_sentence(next)
                    && !(b == b'.' && is_abbreviation(&text[start..i]))
            };
            if is_break {
                push_trimmed(text, start, end, &mut out);
                if out.len() >= max {
                    return out;
                }
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The sentences of `text` as string slices.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}

/// At most `max` bytes of `text` around byte `at` (on char boundaries),
/// with "…" where it was cut. Keeps excerpts of run-on "sentences" (a
/// scrape without full stops) from copying the whole text into every fact.
pub fn clip_around(text: &str, at: usize, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut start = at
        .saturating_sub(max / 2)
        .min(text.len().saturating_sub(max));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::with_capacity(max + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

fn starts_sentence(next: &str) -> bool {
    match next.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'' | '#' | '*' | '-')
        }
    }
}

/// Is the word just before a full stop an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials: "J." or "U.S" style runs of single letters.
    let letters: Vec<&str> = word.split('.').collect();
    !word.is_empty()
        && letters
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_is_the_first_of_all() {
        for t in [
            "The U.S. has troops. Gen. Smith said so.",
            "  . . Odd start! Then more.",
            "",
            "No full stop at all",
            "\n\nAfter blank lines. Second.",
        ] {
            assert_eq!(
                first_sentence(t),
                sentences(t).first().copied().unwrap_or(""),
                "{t:?}"
            );
        }
    }

    #[test]
    fn splits_news_prose() {
        let t = "The U.S. has about 2,500 troops in Iraq. Gen. Smith said so on Sept. 8, 2024. \
                 “We agree,” he said. Is it over? Yes.";
        assert_eq!(
            sentences(t),
            vec![
                "The U.S. has about 2,500 troops in Iraq.",
                "Gen. Smith said so on Sept. 8, 2024.",
                "“We agree,” he said.",
                "Is it over?",
                "Yes."
            ]
        );
    }

    #[test]
    fn plural_titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Sens. Jane Roe and John Doe spoke. Reps. Ann Lee and Bo Kim did not."),
            vec![
                "Sens. Jane Roe and John Doe spoke.",
                "Reps. Ann Lee and Bo Kim did not."
            ]
        );
    }

    #[test]
    fn clipping() {
        assert_eq!(clip_around("short", 0, 10), "short");
        let long = "a ".repeat(100) + "TARGET" + &" b".repeat(100);
        let c = clip_around(&long, 200, 20);
        assert!(
            c.contains("TARGET") && c.starts_with('…') && c.ends_with('…'),
            "{c}"
        );
        assert!(clip_around("ééééé", 3, 4).len() <= 4 + 6);
    }

    #[test]
    fn decimals_and_lines() {
        assert_eq!(
            sentences("It grew 2.5 percent.\nNext line"),
            vec!["It grew 2.5 percent.", "Next line"]
        );
        assert_eq!(
            sentences("ends with initial J. Smith went."),
            vec!["ends with initial J. Smith went."]
        );
        assert!(sentences("  \n ").is_empty());
    }
}
