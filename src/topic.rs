//! Topics: the subjects a briefing is organised by, one file each in
//! `content/topics/<slug>.md`.
//!
//! A topic file holds its title, its place in menus, the rules that decide
//! which articles are about it, and (as Markdown) its editorial summary.
//! Keeping the rules in the file lets a user tune or add a topic without
//! touching code:
//!
//! ```yaml
//! ---
//! title: Popular Mobilization Forces
//! order: 3
//! rules:
//!   threshold: 4        # total weight an article needs to be tagged
//!   min_sentences: 2    # and in at least this many distinct sentences
//!   phrases:
//!     - text: Popular Mobilization Forces
//!       aliases: [PMF, Hashd al-Shaabi]
//!       weight: 3
//!     - Faleh al-Fayyadh   # a bare string has weight 1
//!     - text: law
//!       aliases: [bill, draft law]
//!       required: true      # no article is tagged unless a required phrase is in it
//! ---
//! ```

use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::front_matter;
use crate::slug;
use crate::source::list_files;
use crate::yaml;

/// Folder of topic files, relative to the site root.
pub const TOPICS_DIR: &str = "content/topics";

/// One topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    /// From the file name: `topics/<slug>.html`.
    pub slug: String,
    /// Display title.
    pub title: String,
    /// Sort key in menus and on the front page (then title).
    pub order: i64,
    /// How articles are matched to this topic.
    pub rules: TopicRules,
    /// The editorial summary, Markdown.
    pub summary: String,
    /// 1-based line of the topic file where the summary starts.
    pub summary_line: usize,
}

/// The tagging rules of a topic.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRules {
    /// Total weight of matches an article needs to be tagged.
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// Distinct sentences that must match: one passing mention is not enough.
    #[serde(default = "default_min_sentences")]
    pub min_sentences: usize,
    /// What to look for.
    #[serde(default)]
    pub phrases: Vec<Phrase>,
}

impl Default for TopicRules {
    fn default() -> Self {
        TopicRules {
            threshold: default_threshold(),
            min_sentences: default_min_sentences(),
            phrases: Vec::new(),
        }
    }
}

fn default_threshold() -> f64 {
    3.0
}
fn default_min_sentences() -> usize {
    2
}
fn default_weight() -> f64 {
    1.0
}

/// A phrase and its aliases, all worth `weight` when found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phrase {
    /// The main form.
    pub text: String,
    /// Other spellings and names of the same thing.
    pub aliases: Vec<String>,
    /// How much one matching sentence counts.
    pub weight: f64,
    /// When some of a topic's phrases are required, an article is tagged only
    /// if one of them is found: the words that make it *this* topic ("attack"
    /// for attacks by militias), not merely its actors.
    pub required: bool,
}

impl<'de> Deserialize<'de> for Phrase {
    /// A phrase is a bare string or a map of `text`, `aliases` and `weight`;
    /// every mistake is named as such ("`weight` must be a number"), not as
    /// serde's "did not match any variant".
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PhraseVisitor;
        impl<'de> serde::de::Visitor<'de> for PhraseVisitor {
            type Value = Phrase;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a phrase: a string, or `text:` with optional `aliases:` and `weight:`")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Phrase, E> {
                Ok(Phrase {
                    text: v.to_string(),
                    aliases: Vec::new(),
                    weight: 1.0,
                    required: false,
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Phrase, A::Error> {
                use serde::de::Error;
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Weight {
                    Number(f64),
                    Other(serde::de::IgnoredAny),
                }
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Required {
                    Bool(bool),
                    Other(serde::de::IgnoredAny),
                }
                let (mut text, mut aliases, mut weight) = (None, Vec::new(), default_weight());
                let mut required = false;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value::<String>()?),
                        "aliases" => aliases = map.next_value::<Vec<String>>()?,
                        "weight" => match map.next_value::<Weight>()? {
                            Weight::Number(w) => weight = w,
                            Weight::Other(_) => {
                                return Err(A::Error::custom(
                                    "`weight` must be a number, such as 2 or 0.5 (how much one matching sentence counts)",
                                ));
                            }
                        },
                        "required" => match map.next_value::<Required>()? {
                            Required::Bool(r) => required = r,
                            Required::Other(_) => {
                                return Err(A::Error::custom(
                                    "`required` must be true or false (whether an article needs this phrase to be tagged)",
                                ));
                            }
                        },
                        other => {
                            return Err(A::Error::custom(format!(
                                "unknown key `{other}` in a phrase: a phrase takes `text`, `aliases`, `weight` and `required`"
                            )));
                        }
                    }
                }
                let text = text.ok_or_else(|| {
                    A::Error::custom("a phrase needs `text:` (the words to look for)")
                })?;
                Ok(Phrase {
                    text,
                    aliases,
                    weight,
                    required,
                })
            }
        }
        d.deserialize_any(PhraseVisitor)
    }
}

impl Phrase {
    /// The main form and the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// How a topic's rules matched one piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceMatch {
    /// Sum of the weights of the distinct phrases found.
    pub score: f64,
    /// The forms found, in phrase order.
    pub found: Vec<String>,
}

/// The phrases of several topics compiled into two automata (acronyms by
/// case, other forms case-folded), so a sentence is scanned twice in all
/// instead of once per form and topic. Matches exactly as
/// [`contains_phrase`] would, form by form.
pub struct TopicMatcher {
    exact: Option<(AhoCorasick, Vec<FormId>)>,
    folded: Option<(AhoCorasick, Vec<FormId>)>,
    /// Per topic, per phrase: weight and forms.
    phrases: Vec<Vec<(f64, Vec<String>)>>,
}

/// Which form of which phrase of which topic a pattern is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct FormId {
    topic: usize,
    phrase: usize,
    form: usize,
}

impl TopicMatcher {
    /// Compile the rules of `rules` (topic `i` of the results is `rules[i]`).
    pub fn new<'a>(rules: impl IntoIterator<Item = &'a TopicRules>) -> Self {
        let (mut exact, mut folded) = (Vec::new(), Vec::new());
        let mut phrases = Vec::new();
        for (topic, r) in rules.into_iter().enumerate() {
            let mut list = Vec::new();
            for (phrase, p) in r.phrases.iter().enumerate() {
                for (form, f) in p.forms().enumerate() {
                    if f.trim().is_empty() {
                        continue;
                    }
                    let id = FormId {
                        topic,
                        phrase,
                        form,
                    };
                    let f = fold_initialisms(f);
                    for f in apostrophe_forms(&f) {
                        if is_acronym(&f) {
                            exact.push((f, id));
                        } else {
                            folded.push((fold_case_and_hyphens(&f), id));
                        }
                    }
                }
                list.push((p.weight, p.forms().map(str::to_string).collect()));
            }
            phrases.push(list);
        }
        let compile = |forms: Vec<(String, FormId)>| {
            if forms.is_empty() {
                return None;
            }
            let (patterns, ids): (Vec<String>, Vec<FormId>) = forms.into_iter().unzip();
            // Standard semantics report every occurrence of every pattern,
            // overlapping ones included: a form whose first occurrence fails
            // the word-boundary test may match further on.
            AhoCorasick::new(&patterns).ok().map(|ac| (ac, ids))
        };
        TopicMatcher {
            exact: compile(exact),
            folded: compile(folded),
            phrases,
        }
    }

    /// The topics `sentence` matches, in topic order, each phrase counted
    /// once by its first matching form.
    pub fn match_sentence(&self, sentence: &str) -> Vec<(usize, SentenceMatch)> {
        let sentence = &*fold_initialisms(sentence);
        let lower = match self.folded {
            Some(_) => fold_case_and_hyphens(sentence),
            None => String::new(),
        };
        let mut hits: Vec<FormId> = Vec::new();
        for (automaton, hay) in [(&self.exact, sentence), (&self.folded, lower.as_str())] {
            let Some((ac, ids)) = automaton else { continue };
            for m in ac.find_overlapping_iter(hay) {
                let id = ids[m.pattern().as_usize()];
                let form = &self.phrases[id.topic][id.phrase].1[id.form];
                let same_offsets = hay.len() == sentence.len();
                if on_word_boundaries(hay, m.start(), m.end())
                    && !(same_offsets && tail_of_longer_name(sentence, m.start(), form))
                {
                    hits.push(id);
                }
            }
        }
        hits.sort_unstable();
        // First form of each phrase: after sorting, the first hit per (topic, phrase).
        hits.dedup_by_key(|h| (h.topic, h.phrase));
        let mut out: Vec<(usize, SentenceMatch)> = Vec::new();
        for h in hits {
            let (weight, forms) = &self.phrases[h.topic][h.phrase];
            if out.last().is_none_or(|(t, _)| *t != h.topic) {
                out.push((
                    h.topic,
                    SentenceMatch {
                        score: 0.0,
                        found: Vec::new(),
                    },
                ));
            }
            if let Some((_, m)) = out.last_mut() {
                m.score += weight;
                m.found.push(forms[h.form].clone());
            }
        }
        out.retain(|(_, m)| m.score > 0.0);
        out
    }
}

/// Is the match of `form` at `start` only the end of a longer proper name?
/// "Hezbollah" in "Kataib Hezbollah" names another group: a one-word name is
/// not matched right after another capitalised word of a name (not the
/// function word such as "In", not an acronym such as "US", not an adjective
/// of nationality such as "Lebanese", not "Iran-backed"). Offsets of the
/// lower-cased sentence are the sentence's own when lower-casing kept every
/// length; otherwise the test is skipped.
pub(crate) fn tail_of_longer_name(sentence: &str, start: usize, form: &str) -> bool {
    if form.contains(' ') || !form.starts_with(char::is_uppercase) {
        return false;
    }
    let Some(before) = sentence.get(..start) else {
        return false;
    };
    if !before.ends_with(' ') {
        return false;
    }
    let Some(prev) = before.split_whitespace().next_back() else {
        return false;
    };
    let letters: String = prev.chars().filter(|c| c.is_alphabetic()).collect();
    let lower = letters.to_lowercase();
    // "In Gaza", "The Hezbollah ...": a capitalised word opening a sentence.
    let opener = matches!(
        lower.as_str(),
        "the"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "and"
            | "but"
            | "as"
            | "after"
            | "before"
            | "since"
            | "during"
            | "under"
            | "of"
            | "to"
            | "a"
            | "an"
            | "this"
            | "that"
            | "while"
            | "when"
            | "if"
            | "meanwhile"
            | "however"
            | "both"
            | "against"
            | "near"
            | "across"
            | "inside"
            | "outside"
            | "like"
            | "unlike"
            | "neither"
            | "nor"
            | "so"
    );
    // "KATAIB HEZBOLLAH": in a line set in capitals, a word of four letters
    // or more before the matched word in capitals is a name's, not an
    // acronym. (The word as the sentence prints it, up to a space or a
    // hyphen: the matcher and `contains_phrase` see the same one.)
    let in_capitals = || {
        letters.chars().count() >= 4
            && sentence.get(start..).is_some_and(|rest| {
                let word = rest.split([' ', '-']).next().unwrap_or(rest);
                !word.is_empty() && !word.contains(char::is_lowercase)
            })
    };
    !opener
        && prev.starts_with(char::is_uppercase)
        && letters.chars().count() >= 2
        && (letters.chars().any(char::is_lowercase) || in_capitals())
        && !prev.ends_with([',', '.', ';', ':', ')', '"', '\'', '’'])
        && !prev.contains('-')
        && !["ese", "ian", "ean", "an", "ish", "i", "ch"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
}

/// A form written in capitals ("PMF") must match case and all.
/// "U.S.-led" is matched as "US-led": the common initialisms are read
/// without their full stops, in texts and in forms alike.
pub(crate) fn fold_initialisms(s: &str) -> std::borrow::Cow<'_, str> {
    // Every form starts "U." or "u.": most sentences have neither, and
    // are returned as they are without six passes that each allocate.
    let initial = |w: &[u8]| matches!(w, [b'U' | b'u', b'.']);
    if !s.as_bytes().windows(2).any(initial) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (from, to) in [
        ("U.S.", "US"),
        ("U.N.", "UN"),
        ("U.K.", "UK"),
        ("u.s.", "us"),
        ("u.n.", "un"),
        ("u.k.", "uk"),
    ] {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) fn is_acronym(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && form.chars().all(|c| !c.is_lowercase())
}

/// True when `hay[start..end]` is not inside a longer word.
pub(crate) fn on_word_boundaries(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Word-boundary search. A form written in capitals (an acronym such as
/// "PMF") must match case and all; other forms match case-insensitively.
/// "PMF" does not match inside "PMFX", "war" does not match "warning".
pub fn contains_phrase(text: &str, lower: &str, form: &str) -> bool {
    if form.trim().is_empty() {
        return false;
    }
    let (text, lower, form) = (
        &*fold_initialisms(text),
        &*fold_initialisms(lower),
        &*fold_initialisms(form),
    );
    let folded_lower;
    let hay = if is_acronym(form) {
        text
    } else {
        folded_lower = lower.replace('-', " ");
        folded_lower.as_str()
    };
    let same_offsets = hay.len() == text.len();
    apostrophe_forms(form).any(|f| {
        let needle = if is_acronym(form) {
            f
        } else {
            fold_case_and_hyphens(&f)
        };
        hay.match_indices(needle.as_str()).any(|(i, m)| {
            on_word_boundaries(hay, i, i + m.len())
                && !(same_offsets && tail_of_longer_name(text, i, form))
        })
    })
}

/// `form`, and when it has a straight apostrophe ("coalition's"), also with
/// the typographic one most sites print ("coalition’s"): a text is matched
/// as written, so that offsets stay its own.
pub(crate) fn apostrophe_forms(form: &str) -> impl Iterator<Item = String> {
    let curly = form.contains('\'').then(|| form.replace('\'', "’"));
    std::iter::once(form.to_string()).chain(curly)
}

/// A form or sentence as the case-folded automaton reads it: lower case,
/// and a hyphen read as a space, as outlets spell one name both ways
/// ("Ain al-Asad", "Ain Al Asad"; "Iran-backed", "Iran backed"). A hyphen
/// and a space are one byte each, so offsets stay the lower-cased text's.
pub(crate) fn fold_case_and_hyphens(text: &str) -> String {
    text.to_lowercase().replace('-', " ")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    title: String,
    #[serde(default)]
    order: i64,
    #[serde(default)]
    rules: TopicRules,
}

impl Topic {
    /// Parse a topic file's text. `shown` is the path used in messages.
    pub fn parse(slug: &str, shown: &Path, text: &str) -> Result<Topic, Diagnostic> {
        let split = front_matter::split(text).map_err(|e| front_matter_error(shown, e))?;
        let front: TopicFront =
            yaml::from_str(split.yaml).map_err(|e| yaml_diagnostic(shown, split.yaml_line, e))?;
        if front.title.trim().is_empty() {
            return Err(
                Diagnostic::new(shown, "`title` must not be empty").at(split.yaml_line, None)
            );
        }
        for p in &front.rules.phrases {
            if !(p.weight.is_finite() && p.weight > 0.0) {
                return Err(Diagnostic::new(
                    shown,
                    format!("phrase {:?}: weight must be a positive number", p.text),
                ));
            }
        }
        Ok(Topic {
            slug: slug.to_string(),
            title: front.title.trim().to_string(),
            order: front.order,
            rules: front.rules,
            summary: split.body.to_string(),
            summary_line: split.body_line,
        })
    }
}

/// A front matter splitting problem as a diagnostic.
pub fn front_matter_error(shown: &Path, e: front_matter::SplitError) -> Diagnostic {
    match e {
        front_matter::SplitError::NoOpeningFence => Diagnostic::new(shown, "missing front matter")
            .at(1, Some(1))
            .hint("start the file with a line `---`, the YAML fields, then another `---`"),
        front_matter::SplitError::Unclosed => {
            Diagnostic::new(shown, "the front matter is never closed")
                .at(1, Some(1))
                .hint("add a line `---` after the last YAML field")
        }
    }
}

/// A YAML error inside front matter, with its line in the whole file.
pub fn yaml_diagnostic(shown: &Path, yaml_line: usize, e: yaml::YamlError) -> Diagnostic {
    let mut d = Diagnostic::new(shown, format!("front matter: {}", e.message));
    if let Some(line) = e.line {
        d = d.at(yaml_line + line - 1, e.column);
    }
    if e.message.contains("unknown field") {
        d = d.hint("check the spelling of the field name");
    } else if e.message.contains("missing field") {
        d = d.hint("add the field to the front matter");
    }
    d
}

/// Every topic of the site, sorted by order then title, plus the problems met.
pub fn load_topics(root: &Path) -> (Vec<Topic>, Diagnostics) {
    let dir = root.join(TOPICS_DIR);
    let mut errors = Diagnostics::new();
    let mut topics = Vec::new();
    for (rel, path) in list_files(&dir, &["md"], &mut errors) {
        let shown = Path::new(TOPICS_DIR).join(&rel);
        let stem = rel.trim_end_matches(".md");
        if !slug::is_slug(stem) || stem == slug::LIST_PAGE || slug::is_windows_device(stem) {
            errors.push(
                Diagnostic::new(&shown, format!("{stem:?} is not a valid topic slug"))
                    .hint("use lower-case letters, digits and dashes, e.g. gaza-spillover.md; not index or a Windows device name"),
            );
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => match Topic::parse(stem, &shown, &text) {
                Ok(t) => topics.push(t),
                Err(d) => errors.push(d),
            },
            Err(e) => errors.push(Diagnostic::new(&shown, format!("cannot read: {e}"))),
        }
    }
    topics.sort_by(|a, b| {
        a.order
            .cmp(&b.order)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    (topics, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_and_acronyms() {
        let t = "The PMF and the PMFX. Warning signs of war.";
        let l = t.to_lowercase();
        assert!(contains_phrase(t, &l, "PMF"));
        assert!(!contains_phrase("PMFX only", "pmfx only", "PMF"));
        assert!(!contains_phrase("pmf lower", "pmf lower", "PMF"));
        assert!(contains_phrase(t, &l, "war"));
        assert!(!contains_phrase("warning", "warning", "war"));
        assert!(contains_phrase(
            "Hashd al-Shaabi.",
            "hashd al-shaabi.",
            "Hashd al-Shaabi"
        ));
    }

    #[test]
    fn a_hyphen_and_a_space_spell_one_name() {
        let t = "Rockets hit Camp Al Taji and Iran backed groups claimed it.";
        let l = t.to_lowercase();
        assert!(contains_phrase(t, &l, "Camp al-Taji"));
        assert!(contains_phrase(t, &l, "Iran-backed"));
        let m = TopicMatcher::new([&TopicRules {
            threshold: 1.0,
            min_sentences: 1,
            phrases: vec![Phrase {
                text: "camp al-taji".into(),
                aliases: vec![],
                weight: 1.0,
                required: false,
            }],
        }]);
        assert_eq!(m.match_sentence(t).len(), 1);
        // Still whole words: "al-Taji" is not in "Altaji".
        assert!(m.match_sentence("Camp Altaji reopened.").is_empty());
    }

    #[test]
    fn a_rule_s_apostrophe_matches_the_typographic_one() {
        let t = "Talks on the coalition’s mission began in Baghdad.";
        assert!(contains_phrase(t, &t.to_lowercase(), "coalition's mission"));
        let m = TopicMatcher::new([&TopicRules {
            threshold: 1.0,
            min_sentences: 1,
            phrases: vec![Phrase {
                text: "coalition's mission".into(),
                aliases: vec![],
                weight: 1.0,
                required: false,
            }],
        }]);
        let hits = m.match_sentence(t);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1.found, ["coalition's mission"]);
        assert!(m.match_sentence("The coalition mission began.").is_empty());
    }

    #[test]
    fn a_name_inside_a_longer_name_is_another_name() {
        let has = |t: &str, form: &str| contains_phrase(t, &t.to_lowercase(), form);
        assert!(!has("Jets struck Kataib Hezbollah sites.", "Hezbollah"));
        assert!(has("Hezbollah fired rockets.", "Hezbollah"));
        assert!(has("The Lebanese Hezbollah fired rockets.", "Hezbollah"));
        assert!(has("An Iran-backed Hezbollah unit fired.", "Hezbollah"));
        assert!(has("Talks with Hamas, Hezbollah and others.", "Hezbollah"));
        assert!(has("Strikes near Gaza City.", "Gaza"));
        assert!(has("In Gaza, strikes went on.", "Gaza"));
        assert!(!has("Kataib Hezbollah vowed revenge.", "Hezbollah"));
        // A headline set in capitals: a long word before is a name's, an
        // acronym or a nationality is not.
        assert!(!has("US JETS STRIKE KATAIB HEZBOLLAH SITES", "Hezbollah"));
        assert!(has("US AND HEZBOLLAH TRADE FIRE", "Hezbollah"));
        assert!(has("LEBANESE HEZBOLLAH FIRES ROCKETS", "Hezbollah"));
        let matcher = TopicMatcher::new(&[TopicRules {
            phrases: vec![Phrase {
                text: "Hezbollah".into(),
                aliases: vec![],
                weight: 1.0,
                required: false,
            }],
            ..TopicRules::default()
        }]);
        assert!(
            matcher
                .match_sentence("Jets struck Kataib Hezbollah sites.")
                .is_empty()
        );
        assert_eq!(matcher.match_sentence("And Hezbollah said so.").len(), 1);
    }

    /// The matcher must agree with searching form by form ([`contains_phrase`]).
    fn match_form_by_form(rules: &TopicRules, sentence: &str) -> Option<SentenceMatch> {
        let lower = sentence.to_lowercase();
        let mut score = 0.0;
        let mut found = Vec::new();
        for phrase in &rules.phrases {
            if let Some(form) = phrase
                .forms()
                .find(|f| contains_phrase(sentence, &lower, f))
            {
                score += phrase.weight;
                found.push(form.to_string());
            }
        }
        (score > 0.0).then_some(SentenceMatch { score, found })
    }

    proptest::proptest! {
        #[test]
        fn matcher_agrees_with_form_by_form_search(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "PMF", "pmf", "PMFX", "Pmf", "war", "warning", "War", "al-Shaabi", "Hashd",
                    "hashd", "US", "us", "U.S.", "İstanbul", "istanbul", "ß", "SS", "the", "of",
                    ",", ".", "-", "_", "(", "Ünal", "ünal", "e2e", "",
                ]),
                0..12,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "-", "\u{a0}"]), 12),
            topics in proptest::collection::vec(
                proptest::collection::vec(
                    (
                        proptest::collection::vec(
                            proptest::sample::select(vec![
                                "PMF", "war", "War", "Hashd al-Shaabi", "Hashd", "US", "U.S.",
                                "istanbul", "İstanbul", "SS", "ß", "pmf", " ", "e2e", "al-Shaabi",
                            ]),
                            1..3,
                        ),
                        proptest::sample::select(vec![1.0, 2.5, 0.0, -1.0]),
                    ),
                    0..4,
                ),
                1..4,
            ),
        ) {
            let mut sentence = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                sentence.push_str(w);
                sentence.push_str(sep);
            }
            let rules: Vec<TopicRules> = topics
                .iter()
                .map(|phrases| TopicRules {
                    phrases: phrases
                        .iter()
                        .map(|(forms, weight)| Phrase {
                            text: forms[0].to_string(),
                            aliases: forms[1..].iter().map(|f| f.to_string()).collect(),
                            weight: *weight,
                            required: false,
                        })
                        .collect(),
                    ..TopicRules::default()
                })
                .collect();
            let matcher = TopicMatcher::new(&rules);
            let got = matcher.match_sentence(&sentence);
            let want: Vec<(usize, SentenceMatch)> = rules
                .iter()
                .enumerate()
                .filter_map(|(i, r)| match_form_by_form(r, &sentence).map(|m| (i, m)))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn parses_rules_in_both_forms() {
        let text = "---\ntitle: PMF\norder: 3\nrules:\n  threshold: 4\n  phrases:\n    - text: Popular Mobilization Forces\n      aliases: [PMF]\n      weight: 3\n    - Hashd\n---\nSummary.\n";
        let t = Topic::parse("pmf", Path::new("pmf.md"), text).unwrap();
        assert_eq!(t.rules.phrases.len(), 2);
        assert_eq!(t.rules.phrases[1].weight, 1.0);
        assert_eq!(t.rules.min_sentences, 2);
        assert_eq!(t.summary_line, 12);
        let matches = TopicMatcher::new([&t.rules]).match_sentence("The PMF, or Hashd, grew.");
        let (_, m) = matches.first().unwrap();
        assert_eq!(m.score, 4.0);
        assert_eq!(m.found, vec!["PMF", "Hashd"]);
    }

    #[test]
    fn bad_rules_point_at_the_line() {
        let text = "---\ntitle: X\nrules:\n  treshold: 4\n---\n";
        let d = Topic::parse("x", Path::new("x.md"), text).unwrap_err();
        assert!(d.message.contains("treshold"), "{d}");
        assert_eq!(d.line, Some(4));
    }
}
