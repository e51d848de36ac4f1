//! The English lexicon ingest uses to tell words from glued tokens.
//!
//! `data/words.tsv.gz` (see `data/README.md`): SCOWL words with web
//! frequencies, proper nouns flagged, plus frequent real compounds that are
//! not in SCOWL. `build.rs` compiles it into a hash table the binary carries
//! (layout in `lexicon_hash.rs`): looking a word up needs no set-up, where
//! decompressing and indexing the list took ~25 ms of every build that
//! ingested an article.

use super::lexicon_hash::{SLOTS, word_hash};

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

/// Word (lower case) -> entry, over the compiled-in table.
pub struct Lexicon {
    records: &'static [u8],
    table: &'static [u8],
}

static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_records.bin"));
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_table.bin"));

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
    static L: Lexicon = Lexicon {
        records: RECORDS,
        table: TABLE,
    };
    &L
}

impl Lexicon {
    /// The entry of `word` (any case).
    pub fn get(&self, word: &str) -> Option<Entry> {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.lookup(word.as_bytes());
        }
        // Lower-case short words on the stack: this runs for every
        // capitalised token of every source.
        let mut buf = [0u8; 64];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                self.lookup(lower)
            }
            None => self.lookup(word.to_ascii_lowercase().as_bytes()),
        }
    }

    /// Linear probing from the word's slot to it or to an empty slot.
    fn lookup(&self, word: &[u8]) -> Option<Entry> {
        let mask = SLOTS - 1;
        let mut i = (word_hash(word) as usize) & mask;
        // Bounded, though the table is never full: no input can loop forever.
        for _ in 0..SLOTS {
            let at = 4 + 4 * i;
            let slot = u32::from_le_bytes(self.table.get(at..at + 4)?.try_into().ok()?);
            if slot == 0 {
                return None;
            }
            let at = (slot - 1) as usize;
            let &[len, zipf10, flag] = self.records.get(at..at + 3)? else {
                return None;
            };
            if self.records.get(at + 3..at + 3 + len as usize)? == word {
                return Some(Entry {
                    zipf10,
                    proper: flag == b'P',
                    compound: flag == b'C',
                });
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Is `word` (any case) a common English word, not only ever a name:
    /// "News", "World", "Security", unlike "Baghdad" or "Reuters"?
    pub fn is_common(&self, word: &str) -> bool {
        self.get(word).is_some_and(|e| !e.proper && e.zipf10 >= 30)
    }

    /// Is `word` a known word (including real compounds)?
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Number of entries (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.table
            .get(..4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u32::from_le_bytes(b) as usize)
    }

    /// True when the lexicon has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

    /// The compiled table holds every word of the data, with its entry.
    #[test]
    fn table_equals_the_data() {
        use std::io::Read;
        let mut text = String::new();
        flate2::read::GzDecoder::new(&include_bytes!("data/words.tsv.gz")[..])
            .read_to_string(&mut text)
            .unwrap();
        let mut expected = std::collections::HashMap::new();
        for line in text.lines() {
            let mut parts = line.split('\t');
            let (Some(word), Some(z)) = (parts.next(), parts.next()) else {
                continue;
            };
            let flag = parts.next().unwrap_or("");
            let entry = Entry {
                zipf10: z.parse().unwrap_or(0),
                proper: flag == "P",
                compound: flag == "C",
            };
            expected.insert(word, entry);
        }
        let l = lexicon();
        assert_eq!(l.len(), expected.len());
        for (word, entry) in &expected {
            assert_eq!(l.get(word), Some(*entry), "{word}");
        }
        for absent in ["monthsof", "inseptember", "", "zzzzzzzzzz"] {
            assert_eq!(l.get(absent), None, "{absent}");
        }
    }
}
