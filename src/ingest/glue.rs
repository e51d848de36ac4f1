//! Repairing words a scraper glued together: "monthsof" -> "months of",
//! "MinisterSabit" -> "Minister Sabit", "inSeptember" -> "in September",
//! "Reuters,citing" -> "Reuters, citing".
//!
//! A token is only split when it is not a word (not in the lexicon, not a
//! real compound, not used as a whole elsewhere in the corpus) and every part
//! is a word. Names the lexicon does not know ("Alaaldin", "al-Sudani")
//! survive because a capitalised token may only lose a trailing function
//! word ("Iraqin" -> "Iraq in") or a leading capitalised function word
//! ("Thewithdrawal" -> "The withdrawal").

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::lexicon::{Lexicon, is_function_word, lexicon};

/// Tokens (exact spelling) and how often they occur across all sources.
/// A token the corpus uses more than once is taken as a real word.
#[derive(Debug, Default, Clone)]
pub struct CorpusWords(FxHashMap<String, usize>);

impl CorpusWords {
    /// Count the letter tokens of `texts` that could be asked about: the
    /// splitter asks only for tokens of at most [`MAX_TOKEN`] letters that the
    /// lexicon does not know. Leaving out the rest makes the count one lexicon
    /// lookup per token and a map of a few thousand entries, not a copy of
    /// every word of every source.
    ///
    /// Counted in parallel, a map per batch of texts, the maps then summed:
    /// one new source in a site of 10,000 has all of them counted again
    /// (~50 MB of text), and on one core that was a fifth of its ingest.
    pub fn from_texts<'a>(texts: impl IntoParallelIterator<Item = &'a str>) -> Self {
        let lex = lexicon();
        let map = texts
            .into_par_iter()
            .fold(
                FxHashMap::default,
                |mut map: FxHashMap<String, usize>, text| {
                    for tok in text
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .filter(|t| (4..=MAX_TOKEN).contains(&t.len()) && !lex.contains(t))
                    {
                        match map.get_mut(tok) {
                            Some(n) => *n += 1,
                            None => {
                                map.insert(tok.to_string(), 1);
                            }
                        }
                    }
                    map
                },
            )
            .reduce(FxHashMap::default, |a, b| {
                let (mut a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
                for (tok, n) in b {
                    *a.entry(tok).or_insert(0) += n;
                }
                a
            });
        CorpusWords(map)
    }

    fn count(&self, token: &str) -> usize {
        self.0.get(token).copied().unwrap_or(0)
    }
}

/// Camel-case words that are not glue.
const CAMEL_WORDS: &[&str] = &[
    "YouTube",
    "LinkedIn",
    "WhatsApp",
    "TikTok",
    "PayPal",
    "JavaScript",
    "PowerPoint",
    "iPhone",
    "iPad",
    "eBay",
    "McDonald",
    "McConnell",
    "MacBook",
    "DeSantis",
    "LeBron",
    "DiCaprio",
    "FedEx",
    "PlayStation",
    "BlackRock",
    "GitHub",
    "OpenAI",
    "SpaceX",
    "WikiLeaks",
    "BuzzFeed",
    "HuffPost",
    "NordVPN",
];

/// Surname prefixes written with an inner capital (McCarthy, DeLuca, MacArthur, O'Neill).
const NAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St",
];

/// Words that scrapers glue after a name ("Iraqin", "Baghdadand", "Iraqinto").
const NAME_TAILS: &[&str] = &[
    "in", "of", "and", "to", "on", "at", "for", "from", "by", "with", "as", "the", "or", "into",
    "since", "after", "over", "near",
];

/// Prefixes written closed up with the word they modify ("semiautonomous",
/// "underreported", "noncombat"), which are also words on their own.
const CLOSED_PREFIXES: &[&str] = &[
    "semi", "under", "over", "anti", "non", "multi", "counter", "inter", "post", "pre", "super",
    "sub", "mid", "out", "cross", "co", "re", "un",
];

/// Function words that open a sentence, and so may be glued to the next
/// word at its start ("Thewithdrawal").
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "and", "but", "as", "this",
    "that", "these", "those", "its", "his", "her", "their", "after", "since", "during", "under",
];

/// Repair a headline: only where every part is a word the lexicon knows
/// (words and well-known names: "inSeptember" -> "in September"). A
/// headline is quoted as the outlet printed it, so a name the lexicon does
/// not know glued to a word ("inBabil") is left as printed there; the
/// article's text is repaired as usual.
pub fn repair_headline(line: &str, corpus: &CorpusWords) -> (String, Vec<(String, String)>) {
    let lex = lexicon();
    let (mut fixed, repairs) = repair_line(line, corpus);
    let (certain, uncertain): (Vec<_>, Vec<_>) = repairs.into_iter().partition(|(_, to)| {
        to.split(|c: char| !c.is_alphabetic())
            .filter(|p| !p.is_empty())
            .all(|p| lex.contains(p))
    });
    for (from, to) in uncertain {
        fixed = fixed.replacen(&to, &from, 1);
    }
    (fixed, certain)
}

/// Repair one line. Returns the repaired text and the (from, to) repairs made.
pub fn repair_line(line: &str, corpus: &CorpusWords) -> (String, Vec<(String, String)>) {
    let lex = lexicon();
    let mut repairs = Vec::new();
    let mut out = String::with_capacity(line.len() + 8);
    let mut sentence_start = true;
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A capitalised function word ("Thewithdrawal") only opens a sentence.
        let opens = sentence_start;
        sentence_start =
            word.ends_with(['.', '!', '?', ':', '"', '”']) || word.is_empty() && sentence_start;
        if looks_like_address(word) {
            out.push_str(word);
            continue;
        }
        let word = fix_punctuation(word, &mut repairs);
        // Letter runs inside the whitespace word, with what lies between them.
        let mut rest = word.as_ref();
        while !rest.is_empty() {
            let start = rest
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let token = &rest[..end];
            // Letters attached to non-ASCII letters (Zürich) are not a token of their own.
            let glued_to_letter = rest[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic())
                || out.chars().next_back().is_some_and(|c| c.is_alphabetic());
            match (!glued_to_letter)
                .then(|| split_token(token, lex, corpus, opens && start == 0))
                .flatten()
            {
                Some(parts) => {
                    let fixed = parts.join(" ");
                    repairs.push((token.to_string(), fixed.clone()));
                    out.push_str(&fixed);
                }
                None => out.push_str(token),
            }
            rest = &rest[end..];
        }
    }
    (out, repairs)
}

fn looks_like_address(word: &str) -> bool {
    word.contains("://")
        || word.contains('@')
        || word.starts_with("www.")
        || word.contains(".com")
        || word.contains(".org")
}

/// "Reuters,citing" -> "Reuters, citing"; "forces.The" -> "forces. The".
/// Digits ("2,500"), initials ("U.S.") and decimals are left alone.
fn fix_punctuation<'w>(word: &'w str, repairs: &mut Vec<(String, String)>) -> Cow<'w, str> {
    // Most words have no punctuation inside them (asked of every word).
    let inner = word.char_indices().skip(1).map(|(i, _)| i);
    let glue_marks = inner
        .filter(|&i| i + 1 < word.len())
        .any(|i| word[i..].starts_with([',', ';', '.', '?', '!']));
    if !glue_marks {
        return Cow::Borrowed(word);
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if i == 0 || i + 1 >= chars.len() {
            continue;
        }
        let (prev, next) = (chars[i - 1], chars[i + 1]);
        let glued = match c {
            ',' | ';' => prev.is_alphabetic() && next.is_alphabetic(),
            '.' | '?' | '!' => {
                // Two lower-case letters before, an upper-case word after.
                i >= 2
                    && prev.is_lowercase()
                    && chars[i - 2].is_lowercase()
                    && next.is_uppercase()
                    && chars.get(i + 2).is_some_and(|c| c.is_lowercase())
            }
            _ => false,
        };
        if glued {
            out.push(' ');
        }
    }
    if out.len() != word.len() {
        repairs.push((word.to_string(), out.clone()));
    }
    Cow::Owned(out)
}

fn is_word(lex: &Lexicon, s: &str, min_zipf10: u8) -> bool {
    lex.get(s)
        .is_some_and(|e| !e.compound && e.zipf10 >= min_zipf10)
}

/// Longest token considered for splitting: glued pairs of real words are
/// short, and the split search is quadratic in the token's length.
const MAX_TOKEN: usize = 32;

/// How to split `token`, or `None` to keep it.
fn split_token(
    token: &str,
    lex: &Lexicon,
    corpus: &CorpusWords,
    opens_sentence: bool,
) -> Option<Vec<String>> {
    if token.len() < 4
        || token.len() > MAX_TOKEN
        || lex.contains(token)
        || corpus.count(token) > 1
        || CAMEL_WORDS.contains(&token)
    {
        return None;
    }
    if let Some(parts) = split_camel(token, lex, corpus) {
        return Some(parts);
    }
    let first_upper = token.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    // "Siamand" is a given name, not "Siam and".
    if first_upper && super::people::has_given_name(token) {
        return None;
    }
    let rest_lower = token.chars().skip(1).all(|c| c.is_ascii_lowercase());
    if !rest_lower {
        return None; // acronyms and mixed case we cannot judge
    }
    let lower = token.to_ascii_lowercase();
    best_split(&lower, lex, first_upper, opens_sentence).map(|parts| {
        let mut at = 0;
        parts
            .into_iter()
            .map(|p| {
                let piece = token[at..at + p.len()].to_string();
                at += p.len();
                piece
            })
            .collect()
    })
}

/// Split at a lower-to-upper boundary: "inSeptember", "MinisterSabit", "theUS".
fn split_camel(token: &str, lex: &Lexicon, corpus: &CorpusWords) -> Option<Vec<String>> {
    let bytes = token.as_bytes();
    let i = (1..bytes.len())
        .find(|&i| bytes[i - 1].is_ascii_lowercase() && bytes[i].is_ascii_uppercase())?;
    let (left, right) = token.split_at(i);
    // A left part of two letters is a word a scraper glued only when it is
    // a grammar word ("inSeptember", "ofIraq"): "reCAPTCHA", "eBay" and
    // "exUSSR" begin with a prefix, not a word.
    if left.len() < 2 || NAME_PREFIXES.contains(&left) || left.len() == 2 && !is_function_word(left)
    {
        return None;
    }
    let left_ok = is_word(lex, left, 20) || is_function_word(left);
    let right_is_acronym = right.len() >= 2 && right.bytes().all(|b| b.is_ascii_uppercase());
    let right_ok = right_is_acronym
        || right.len() >= 3
            && (lex.contains(right)
                || corpus.count(right) > 0
                || right[1..].bytes().all(|b| b.is_ascii_lowercase()));
    if !(left_ok && right_ok) {
        return None;
    }
    // The right part may itself be glued ("inSeptemberand"); the left is a word.
    let mut parts = vec![left.to_string()];
    match split_token(right, lex, corpus, false) {
        Some(more) => parts.extend(more),
        None => parts.push(right.to_string()),
    }
    Some(parts)
}

/// The best split of a lower-cased token into 2 or 3 words, by frequency.
fn best_split(
    lower: &str,
    lex: &Lexicon,
    capitalised: bool,
    opens_sentence: bool,
) -> Option<Vec<String>> {
    let n = lower.len();
    let mut best: Option<(i32, Vec<String>)> = None;
    let mut consider = |parts: Vec<&str>| {
        if !acceptable(&parts, lex, capitalised, opens_sentence, n) {
            return;
        }
        // Log-probability of the parts as independent words (zipf - 9 = log10 p):
        // fewer, more frequent parts win.
        let score: i32 = parts
            .iter()
            .map(|p| lex.get(p).map_or(0, |e| e.zipf10 as i32) - 90)
            .sum();
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, parts.iter().map(|p| p.to_string()).collect()));
        }
    };
    // Every part must be a word (`acceptable` asks that first): a split
    // whose first or middle part is none is not built at all, which keeps
    // the search to the few splits worth scoring (it ran for every token
    // the lexicon lacks).
    for i in 2..n.saturating_sub(1) {
        let (a, rest) = lower.split_at(i);
        if !is_word(lex, a, 20) {
            continue;
        }
        consider(vec![a, rest]);
        for j in 2..rest.len().saturating_sub(1) {
            let (b, c) = rest.split_at(j);
            if is_word(lex, b, 20) {
                consider(vec![a, b, c]);
            }
        }
    }
    best.map(|(_, p)| p)
}

fn acceptable(
    parts: &[&str],
    lex: &Lexicon,
    capitalised: bool,
    opens_sentence: bool,
    token_len: usize,
) -> bool {
    if parts.iter().any(|p| p.len() < 2 || !is_word(lex, p, 20)) {
        return false;
    }
    // "semiautonomous", "underreported": a prefix English writes closed up
    // with the word after it is no word glued to that word (a grammar word
    // after it is: "underthe" -> "under the").
    if CLOSED_PREFIXES.contains(&parts[0]) && !is_function_word(parts[1]) {
        return false;
    }
    let function: Vec<bool> = parts.iter().map(|p| is_function_word(p)).collect();
    if capitalised {
        let first = lex.get(parts[0]);
        if first.is_some_and(|e| e.proper && e.zipf10 >= 30) && parts[0].len() >= 4 {
            // "Iraqin" -> "Iraq in": a well-known name may only lose a trailing
            // preposition or conjunction (never "Sabit" -> "Sab it").
            return parts[1..].iter().all(|p| NAME_TAILS.contains(p));
        }
        // "Thewithdrawal" -> "The withdrawal", only where a sentence opens
        // and with a common word after: mid-sentence a capitalised token is a
        // name ("Anbar" is not "An bar", "Hassan" not "Has san").
        return opens_sentence
            && parts.len() == 2
            && SENTENCE_OPENERS.contains(&parts[0])
            && parts[1].len() >= 4
            && is_word(lex, parts[1], 35);
    }
    if function.iter().any(|&f| f) {
        // "monthsof", "assistin": content words must be common ones, and
        // words in lower case ("ordinated" is not "or dina ted").
        return parts.iter().zip(&function).all(|(p, &f)| {
            f || p.len() >= 3 && is_word(lex, p, 30) && lex.get(p).is_some_and(|e| !e.proper)
        });
    }
    // Two content words ("initiallyproposed"): only long, common ones.
    parts.len() == 2 && token_len >= 10 && parts.iter().all(|p| p.len() >= 4 && is_word(lex, p, 35))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        repair_line(s, &CorpusWords::default()).0
    }

    #[test]
    fn splits_glued_words() {
        assert_eq!(
            fix("After monthsof negotiations"),
            "After months of negotiations"
        );
        assert_eq!(
            fix("Defense MinisterSabit al-Abassi"),
            "Defense Minister Sabit al-Abassi"
        );
        assert_eq!(
            fix("Final Departure inSeptember 2026"),
            "Final Departure in September 2026"
        );
        assert_eq!(
            fix("Thewithdrawal of the coalition"),
            "The withdrawal of the coalition"
        );
        assert_eq!(fix("deployed in Iraqin 2014"), "deployed in Iraq in 2014");
        // A two-letter prefix is no glued word; a grammar word is.
        assert_eq!(
            fix("protected by reCAPTCHA and its terms"),
            "protected by reCAPTCHA and its terms"
        );
        assert_eq!(fix("the base ofIRGC units"), "the base of IRGC units");
        assert_eq!(fix("turn Iraqinto a corridor"), "turn Iraq into a corridor");
        assert_eq!(
            fix("killed with Qassem Soleimani near the Anbar border"),
            "killed with Qassem Soleimani near the Anbar border"
        );
        assert_eq!(
            fix("to assistin counter-terrorism"),
            "to assist in counter-terrorism"
        );
        assert_eq!(
            fix("the establishmentof a new"),
            "the establishment of a new"
        );
        assert_eq!(
            fix("Austin had initiallyproposed a"),
            "Austin had initially proposed a"
        );
        // A word the lexicon lacks is no run of names in lower case.
        assert_eq!(fix("gradual and co-ordinated"), "gradual and co-ordinated");
        assert_eq!(
            fix("central government-controlledareas by"),
            "central government-controlled areas by"
        );
        assert_eq!(
            fix("resolution to theUS military"),
            "resolution to the US military"
        );
        assert_eq!(
            fix("with SaudiArabia’s Al-Hadath"),
            "with Saudi Arabia’s Al-Hadath"
        );
        assert_eq!(fix("held underthe agreement"), "held under the agreement");
        assert_eq!(
            fix("Reuters,citing multiple sources"),
            "Reuters, citing multiple sources"
        );
    }

    #[test]
    fn never_splits_real_words_or_names() {
        for s in [
            "within",
            "another",
            "Baghdad",
            "Alaaldin",
            "al-Sudani",
            "Al-Sudani",
            "airstrikes",
            "counterterrorism",
            "Haniyeh",
            "Baghouz",
            "YouTube",
            "McDonald",
            "iPhone",
            "Daesh",
            "ISIL",
            "Kataib",
            "Hezbollah",
            "2,500",
            "U.S.",
            "e.g.",
            "reevaluation",
            "Reevaluation",
            "Fayyadh",
            "Nujaba",
            "Shiite",
            "www.example.com/newsof",
            "Thabit",
            "Abbasi",
            "Zürich",
            "Mohammed",
            "Mohammad",
            "nonetheless",
            "Hassan",
            "Hasan",
            "Soleimani",
            "Anbar",
            "Inman",
            "semiautonomous",
            "underreported",
            "Semiautonomous",
        ] {
            assert_eq!(fix(s), s, "{s} was changed");
        }
        assert_eq!(fix("It cost $2,500,000.Then"), "It cost $2,500,000.Then");
    }

    #[test]
    fn headlines_are_repaired_only_where_certain() {
        let c = CorpusWords::default();
        assert_eq!(
            repair_headline("Final Departure inSeptember 2026", &c).0,
            "Final Departure in September 2026"
        );
        // A name the dictionary does not know stays as printed in a headline.
        assert_eq!(
            repair_headline("US strike inJurfsakhar kills two", &c).0,
            "US strike inJurfsakhar kills two"
        );
        assert_eq!(
            repair_line("US strike inJurfsakhar kills two", &c).0,
            "US strike in Jurfsakhar kills two"
        );
    }

    #[test]
    fn huge_tokens_are_left_alone_quickly() {
        let line = "ab".repeat(2_000_000);
        let (out, reps) = repair_line(&line, &CorpusWords::default());
        assert_eq!(out.len(), line.len());
        assert!(reps.is_empty());
    }

    #[test]
    fn corpus_words_are_kept() {
        let corpus = CorpusWords::from_texts(["the Kurdishregion said", "Kurdishregion again"]);
        assert_eq!(
            repair_line("in Kurdishregion", &corpus).0,
            "in Kurdishregion"
        );
    }
}
