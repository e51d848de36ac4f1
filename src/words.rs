//! Words every stage may need: the grammar words of the languages the
//! corpus is written in (English, Arabic, Persian, French), which say that a
//! line is prose (ingest) and are not worth indexing (search).

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

/// The stop words of every language the list carries (see
/// `src/ingest/data/stopwords.txt`), lower case.
pub fn stop_words() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("ingest/data/stopwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Lower case, canonically decomposed, without the combining accents
/// U+0300..U+036F: as the search page folds a query (`search.js`:
/// `toLowerCase().normalize("NFD")` and that range removed).
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// The words of a text a search finds ([`terms`]), sorted, once each, kept
/// as one string (a word per line): what the analysis keeps of every brief
/// for the search index and story grouping. A `Vec<String>` spent an
/// allocation per word: 2.5 million at 10,000 briefs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Terms(String);

impl Terms {
    /// The terms of `text`.
    pub fn of(text: &str) -> Terms {
        // The words go into one buffer and are sorted as spans of it: a
        // `String` per word was most of the cost of reading a brief.
        let mut buf = String::new();
        let mut spans: Vec<(u32, u32)> = Vec::new();
        each_term(text, |w| {
            let start = buf.len();
            buf.push_str(w);
            spans.push((start as u32, buf.len() as u32));
        });
        // Sorted by their first eight bytes as a number, then by the whole
        // word: the same order as the words' (no word holds a zero byte,
        // which pads a shorter one), with most comparisons one of integers.
        // Comparing words was a tenth of a clean build of 10,000 articles.
        let word = |a: u32, b: u32| &buf[a as usize..b as usize];
        let mut keyed: Vec<(u64, u32, u32)> = spans
            .iter()
            .map(|&(a, b)| {
                let bytes = word(a, b).as_bytes();
                let mut head = [0u8; 8];
                let n = bytes.len().min(8);
                head[..n].copy_from_slice(&bytes[..n]);
                (u64::from_be_bytes(head), a, b)
            })
            .collect();
        keyed.sort_unstable_by(|x, y| {
            x.0.cmp(&y.0)
                .then_with(|| word(x.1, x.2).cmp(word(y.1, y.2)))
        });
        keyed.dedup_by(|x, y| x.0 == y.0 && word(x.1, x.2) == word(y.1, y.2));
        // Exactly as long as the words kept (a text repeats most of its
        // words: sized by `buf`, every brief's and source's terms held two
        // to three times their length through the build).
        let len: usize = keyed.iter().map(|&(_, a, b)| (b - a) as usize + 1).sum();
        let mut out = String::with_capacity(len.saturating_sub(1));
        for (i, &(_, a, b)) in keyed.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(word(a, b));
        }
        Terms(out)
    }

    /// Every term, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\n').filter(|w| !w.is_empty())
    }
}

/// The words of `text` a search finds: folded, split at anything not a
/// letter or digit (`[\p{L}\p{N}]+`, as the page splits), two letters or
/// more, not stop words.
pub fn terms(text: &str) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    each_term(text, |w| out.push(w.to_string()));
    out.into_iter()
}

/// [`terms`], each handed to `f` as it is found, without an allocation
/// per word.
fn each_term(text: &str, mut f: impl FnMut(&str)) {
    let stop = stop_words();
    let mut lower = String::new();
    // Candidate words: runs of letters, digits and marks. Most are ASCII,
    // where folding is lower-casing and a letter or digit is [a-z0-9]; the
    // others are folded and split exactly as the page does.
    let candidate = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric() || is_mark(c)
        }
    };
    static WORD: OnceLock<Regex> = OnceLock::new();
    let re = WORD.get_or_init(|| Regex::new(r"[\p{L}\p{N}]+").expect("valid regex"));
    // The text is walked byte by byte, a character decoded only where a
    // byte is not ASCII (splitting at a closure over `char`s was most of
    // the cost of reading a text's words).
    let bytes = text.as_bytes();
    let mut words: Vec<&str> = Vec::new();
    let (mut i, mut start) = (0, None);
    while i < bytes.len() {
        let (is_part, width) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            (candidate(c), c.len_utf8())
        };
        match (is_part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    for word in words {
        if word.is_ascii() {
            // Lower-cased into one buffer: a stop word costs no allocation.
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            if lower.len() >= 2 && !stop.contains(lower.as_str()) {
                f(&lower);
            }
            continue;
        }
        let folded = fold(word);
        for m in re.find_iter(&folded) {
            let w = m.as_str();
            if w.chars().nth(1).is_some() && !stop.contains(w) {
                f(w);
            }
        }
    }
}

/// A combining mark (General Category M): part of a word as written,
/// though the page splits at marks that folding leaves.
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_the_page_folds_them() {
        let got: Vec<String> =
            terms("Al-Sudani’s Kurdish PEACE: 2,500 troops à Bagdad — a").collect();
        assert_eq!(
            got,
            [
                "al", "sudani", "kurdish", "peace", "500", "troops", "bagdad"
            ]
        );
        assert_eq!(fold("Pérez ÉTÉ"), "perez ete");
        // Word by word as the page splits the folded text.
        let re = Regex::new(r"[\p{L}\p{N}]+").unwrap();
        for text in [
            "Sudani's PMF-led 2,500 troops; Al-Asad (2024) — Pérez’s café",
            "العراق، بغداد: قوات التحالف",
            "Ⓐ naïve coöperation ﬁnal x\u{301}y",
        ] {
            let whole: Vec<String> = re
                .find_iter(&fold(text))
                .map(|m| m.as_str().to_string())
                .filter(|w| w.chars().count() >= 2 && !stop_words().contains(w.as_str()))
                .collect();
            assert_eq!(terms(text).collect::<Vec<_>>(), whole, "{text}");
        }
        // Arabic letters are words; combining marks outside U+0300..U+036F stay.
        assert_eq!(terms("العراق").count(), 1);
    }

    #[test]
    fn a_text_s_terms_are_sorted_once_each() {
        let text = "Troops left Bagdad; the troops' convoy left BAGDAD at dawn, Pérez said.";
        let of = Terms::of(text);
        let got: Vec<&str> = of.iter().collect();
        let mut want: Vec<String> = terms(text).collect();
        want.sort();
        want.dedup();
        assert_eq!(got, want);
        assert_eq!(
            got,
            [
                "bagdad", "convoy", "dawn", "left", "perez", "said", "troops"
            ]
        );
        assert_eq!(Terms::of("a I . ,").iter().count(), 0);
    }

    proptest::proptest! {
        // Words sharing their first eight letters, shorter and longer ones,
        // letters beyond ASCII: sorted as the words themselves sort.
        #[test]
        fn terms_sort_as_their_words_do(
            words in proptest::collection::vec("(withdraw|coalitio|[a-zé]{0,3})[a-zé0-9]{0,6}", 0..40)
        ) {
            let text = words.join(" ");
            let mut want: Vec<String> = terms(&text).collect();
            want.sort();
            want.dedup();
            let of = Terms::of(&text);
            let got: Vec<&str> = of.iter().collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
