//! The English lexicon ingest uses to tell words from glued tokens.
//!
//! `data/words.tsv.gz` (see `data/README.md`): SCOWL words with web
//! frequencies, proper nouns flagged, plus frequent real compounds that are
//! not in SCOWL. Decompressed and parsed once, on first use.

use rustc_hash::FxHashMap;
use std::io::Read;
use std::sync::OnceLock;

/// What the lexicon knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Web frequency as Zipf x 10 (log10 occurrences per billion words); 0 when unattested.
    pub zipf10: u8,
    /// Only ever written capitalised (Baghdad, Reuters).
    pub proper: bool,
    /// A real compound that is not in the dictionary (airstrikes): never split, never a split part.
    pub compound: bool,
}

/// Word (lower case) -> entry. The words point into the decompressed data,
/// kept for the life of the process: one allocation instead of 180,000.
pub struct Lexicon(FxHashMap<&'static str, Entry>);

static DATA: &[u8] = include_bytes!("data/words.tsv.gz");

/// English function words: the words a scraper most often glues to a neighbour.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into",
    "onto", "over", "under", "about", "after", "before", "during", "since", "until", "upon",
    "within", "without", "between", "through", "against", "among", "and", "or", "but", "nor", "so",
    "yet", "if", "than", "that", "this", "these", "those", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "can", "could", "may", "not", "it", "its", "he",
    "she", "they", "we", "his", "her", "their", "who", "which",
];

/// Nationality and bloc adjectives ("Iraqi", "US", "NATO"), lower case: they
/// qualify roles ("Iraqi Defense Minister") and counted nouns ("2,500 American soldiers").
pub const NATIONALITY_WORDS: &[&str] = &[
    "us",
    "u.s.",
    "american",
    "iraqi",
    "iranian",
    "israeli",
    "kurdish",
    "syrian",
    "turkish",
    "saudi",
    "british",
    "french",
    "russian",
    "chinese",
    "lebanese",
    "palestinian",
    "jordanian",
    "egyptian",
    "qatari",
    "emirati",
    "yemeni",
    "german",
    "european",
    "nato",
    "un",
];

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut text = String::with_capacity(4 << 20);
        // The data is compiled in; a failure here is a build defect, and an
        // empty lexicon only means no glue repair, never a crash.
        let _ = flate2::read::GzDecoder::new(DATA).read_to_string(&mut text);
        let text: &'static str = String::leak(text);
        let mut map = FxHashMap::with_capacity_and_hasher(180_000, Default::default());
        for line in text.lines() {
            let mut parts = line.split('\t');
            let (Some(word), Some(z)) = (parts.next(), parts.next()) else {
                continue;
            };
            let flag = parts.next().unwrap_or("");
            map.insert(
                word,
                Entry {
                    zipf10: z.parse().unwrap_or(0),
                    proper: flag == "P",
                    compound: flag == "C",
                },
            );
        }
        Lexicon(map)
    })
}

impl Lexicon {
    /// The entry of `word` (any case).
    pub fn get(&self, word: &str) -> Option<Entry> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.0.get(word.to_ascii_lowercase().as_str()).copied()
        } else {
            self.0.get(word).copied()
        }
    }

    /// Is `word` a known word (including real compounds)?
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Number of entries (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the lexicon failed to load.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Is `word` (any case) an English function word?
pub fn is_function_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads() {
        let l = lexicon();
        assert!(l.len() > 150_000);
        assert!(l.contains("within") && l.contains("Another"));
        assert!(l.get("Baghdad").unwrap().proper);
        assert!(!l.contains("monthsof"));
        assert!(l.get("counterterrorism").unwrap().compound);
    }
}
