//! The offline full-text search index: every word of every brief, raw
//! source, topic and entity, split into small files that the search page
//! loads only when a query needs them.
//!
//! Browsers refuse `fetch()` over `file://` but run script tags, so every
//! file is a script that hands its data to `window.dossierSearch`:
//!
//! - `assets/search/index.js`, the manifest: which term shards exist, how
//!   many documents of each kind, the chunk size and the stop words.
//! - `assets/search/t-<hex>.js`, a term shard: every indexed term that
//!   starts with one key (the first two letters of the folded term, three
//!   where two would make a large file; `<hex>` is the key's UTF-8 in hex),
//!   with its postings per kind of document.
//! - `assets/search/<kind>-<n>.js`, a chunk of [`CHUNK`] documents' titles,
//!   dates, tags and excerpts, for showing results.
//!
//! Documents are numbered per kind (`b` briefs and `s` sources, oldest
//! first; `t` topics and `e` entities in their order), so that a new
//! article changes only the shards of its words and the last chunk.
//! A posting list is the documents' numbers as base-36 deltas, each followed
//! by `*` when the term is in the title or tags (which rank first).
//!
//! Words are folded as the page folds a query (`search.js`; see
//! [`crate::words::terms`]). Stop words and one-letter words are not
//! indexed; the page drops them from queries too. A brief's words come from
//! its analysis (`Lead::terms`), read once per text and kept by the cache.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::links;
use super::{Page, RenderInput};
use crate::analyse::{LEAD_INDEX_CHARS, plain_text};
use crate::words::Terms;
use std::borrow::Cow;

/// Folder of the search files.
pub const SEARCH_DIR: &str = "assets/search";
/// The manifest every search loads first.
pub const MANIFEST: &str = "assets/search/index.js";
/// Documents per chunk file.
pub const CHUNK: usize = 500;
/// A two-letter shard larger than this is split by the third letter.
const SPLIT_BYTES: usize = 256 * 1024;

/// A document as results show it.
#[derive(Serialize)]
struct Shown<'a> {
    /// URL from the output root.
    u: String,
    /// Title.
    t: &'a str,
    /// Date (YYYY-MM-DD) or empty.
    d: String,
    /// Tags: topics, names, outlet.
    g: String,
    /// Excerpt.
    x: String,
}

/// A document to index: what results show, and its words.
struct Doc<'a> {
    shown: Shown<'a>,
    /// Title and tags: words that rank first.
    strong: String,
    /// The rest of its text.
    weak: Weak<'a>,
}

/// A document's text, or its terms when the analysis has them already.
enum Weak<'a> {
    Text(Cow<'a, str>),
    Terms(&'a Terms),
}

/// Every search file of the site.
pub fn search_files(input: &RenderInput<'_>) -> Vec<Page> {
    let kinds: [(&str, Vec<Doc<'_>>); 4] = [
        ("b", brief_docs(input)),
        ("s", source_docs(input)),
        ("t", topic_docs(input)),
        ("e", entity_docs(input)),
    ];
    // term -> kind -> (document, strong), documents ascending. Hashed
    // while gathered, sorted once: a sorted map per document and kind spent
    // a third of the index's time comparing strings.
    let per_kind: Vec<FxHashMap<String, Vec<Posting>>> =
        kinds.par_iter().map(|(_, docs)| postings(docs)).collect();
    let mut gathered: FxHashMap<&str, KindLists<'_>> = FxHashMap::default();
    for (k, map) in per_kind.iter().enumerate() {
        for (term, list) in map {
            gathered.entry(term.as_str()).or_default().push((k, list));
        }
    }
    let mut index: TermIndex<'_> = gathered.into_iter().collect();
    index.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let kind_names: Vec<&str> = kinds.iter().map(|(k, _)| *k).collect();
    let mut pages = shards(&index, &kind_names);
    let shard_keys: Vec<String> = pages.iter().map(|(key, _)| key.clone()).collect();
    let mut out: Vec<Page> = pages.drain(..).map(|(_, page)| page).collect();
    for (kind, docs) in &kinds {
        out.extend(chunks(kind, docs));
    }
    out.push(manifest(&shard_keys, &kinds));
    out
}

/// Documents whose words are gathered at once (in parallel) before they
/// go into the map.
const DOCS_PER_BATCH: usize = 512;

/// A document a term is in, and whether in its title or tags, in four
/// bytes: a posting per word and document is the index's bulk (17 million
/// at 10,000 articles with their raw sources).
#[derive(Clone, Copy)]
struct Posting(u32);

impl Posting {
    fn new(doc: usize, strong: bool) -> Posting {
        let doc = u32::try_from(doc)
            .unwrap_or(u32::MAX >> 1)
            .min(u32::MAX >> 1);
        Posting(doc << 1 | u32::from(strong))
    }

    fn doc(self) -> usize {
        (self.0 >> 1) as usize
    }

    fn strong(self) -> bool {
        self.0 & 1 == 1
    }
}

/// term -> (document, in title or tags) for the documents of one kind.
///
/// A document's words arrive sorted and once each (its [`Terms`]), so a
/// word costs a lookup, not a string: a string per word and document was
/// 17 million allocations at 10,000 articles with their raw sources. The
/// terms of a batch of documents are read at once, in parallel.
fn postings(docs: &[Doc<'_>]) -> FxHashMap<String, Vec<Posting>> {
    let mut map: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
    let mut add = |term: &str, posting: Posting| match map.get_mut(term) {
        Some(list) => list.push(posting),
        None => {
            map.insert(term.to_string(), vec![posting]);
        }
    };
    for (n, batch) in docs.chunks(DOCS_PER_BATCH).enumerate() {
        // Per document: its strong words (title, tags) and the others.
        let per_doc: Vec<(Terms, Cow<'_, Terms>)> = batch
            .par_iter()
            .map(|d| {
                let weak = match &d.weak {
                    Weak::Text(text) => Cow::Owned(Terms::of(text)),
                    Weak::Terms(terms) => Cow::Borrowed(*terms),
                };
                (Terms::of(&d.strong), weak)
            })
            .collect();
        for (j, (strong, weak)) in per_doc.iter().enumerate() {
            let doc = n * DOCS_PER_BATCH + j;
            // Both sorted: a word in the title or tags is posted once, strong.
            let mut strong = strong.iter().peekable();
            for term in weak.iter() {
                let mut posted = false;
                while let Some(s) = strong.next_if(|s| *s <= term) {
                    add(s, Posting::new(doc, true));
                    posted = s == term;
                }
                if !posted {
                    add(term, Posting::new(doc, false));
                }
            }
            for s in strong {
                add(s, Posting::new(doc, true));
            }
        }
    }
    map
}

/// A posting list: base-36 deltas, `*` after a strong one.
fn encode(list: &[Posting]) -> String {
    let mut out = String::with_capacity(list.len() * 3);
    let mut prev = 0;
    for (i, (doc, strong)) in list.iter().map(|p| (p.doc(), p.strong())).enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_base36(&mut out, doc - prev);
        if strong {
            out.push('*');
        }
        prev = doc;
    }
    out
}

fn push_base36(out: &mut String, mut n: usize) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[n % 36];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// A term's posting lists: (kind index, list of (document, strong)).
type KindLists<'a> = Vec<(usize, &'a Vec<Posting>)>;

/// Every term, sorted, with its posting list per kind.
type TermIndex<'a> = Vec<(&'a str, KindLists<'a>)>;

fn shards(index: &TermIndex<'_>, kinds: &[&str]) -> Vec<(String, Page)> {
    // Group by two letters; split a group that would be large by three.
    let mut groups: BTreeMap<String, Vec<(&str, String)>> = BTreeMap::new();
    for (term, lists) in index {
        let mut entry = String::new();
        for (k, list) in lists {
            let _ = write!(entry, "{}:{};", kinds[*k], encode(list));
        }
        groups
            .entry(prefix(term, 2))
            .or_default()
            .push((term, entry));
    }
    let mut out = Vec::new();
    for (key, terms) in groups {
        let size: usize = terms.iter().map(|(t, e)| t.len() + e.len() + 6).sum();
        if size <= SPLIT_BYTES {
            out.push(shard_page(&key, &terms));
            continue;
        }
        let mut sub: BTreeMap<String, Vec<(&str, String)>> = BTreeMap::new();
        for (term, entry) in terms {
            sub.entry(prefix(term, 3)).or_default().push((term, entry));
        }
        for (k, terms) in sub {
            out.push(shard_page(&k, &terms));
        }
    }
    out
}

/// The first `n` letters of a term.
fn prefix(term: &str, n: usize) -> String {
    term.chars().take(n).collect()
}

/// The file name part of a shard key: its UTF-8 bytes in hex.
pub fn shard_file(key: &str) -> String {
    let mut hex = String::with_capacity(key.len() * 2);
    for b in key.bytes() {
        let _ = write!(hex, "{b:02x}");
    }
    format!("{SEARCH_DIR}/t-{hex}.js")
}

fn shard_page(key: &str, terms: &[(&str, String)]) -> (String, Page) {
    let map: BTreeMap<&str, &str> = terms
        .iter()
        .map(|(t, e)| (*t, e.trim_end_matches(';')))
        .collect();
    let json = serde_json::to_string(&map).unwrap_or_else(|_| "{}".to_string());
    let key_json = serde_json::to_string(key).unwrap_or_default();
    let text = format!("dossierSearch.shard({key_json},{});\n", script_safe(&json));
    (
        key.to_string(),
        Page {
            path: shard_file(key),
            bytes: text.into_bytes(),
        },
    )
}

fn chunks<'a>(kind: &'a str, docs: &'a [Doc<'_>]) -> impl Iterator<Item = Page> + 'a {
    docs.chunks(CHUNK).enumerate().map(move |(n, chunk)| {
        let shown: Vec<&Shown<'_>> = chunk.iter().map(|d| &d.shown).collect();
        let json = serde_json::to_string(&shown).unwrap_or_else(|_| "[]".to_string());
        Page {
            path: format!("{SEARCH_DIR}/{kind}-{n}.js"),
            bytes: format!(
                "dossierSearch.chunk(\"{kind}-{n}\",{});\n",
                script_safe(&json)
            )
            .into_bytes(),
        }
    })
}

#[derive(Serialize)]
struct Manifest<'a> {
    shards: &'a [String],
    chunk: usize,
    counts: BTreeMap<&'a str, usize>,
    stop: Vec<&'a str>,
}

fn manifest(shard_keys: &[String], kinds: &[(&str, Vec<Doc<'_>>)]) -> Page {
    let mut stop: Vec<&str> = crate::words::stop_words().iter().copied().collect();
    stop.sort_unstable();
    let m = Manifest {
        shards: shard_keys,
        chunk: CHUNK,
        counts: kinds.iter().map(|(k, d)| (*k, d.len())).collect(),
        stop,
    };
    let json = serde_json::to_string(&m).unwrap_or_else(|_| "{}".to_string());
    Page {
        path: MANIFEST.to_string(),
        bytes: format!("window.DOSSIER_SEARCH_INDEX={};\n", script_safe(&json)).into_bytes(),
    }
}

/// JSON allows raw U+2028/U+2029, older JavaScript string literals do not.
fn script_safe(json: &str) -> std::borrow::Cow<'_, str> {
    if json.contains(['\u{2028}', '\u{2029}']) {
        json.replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .into()
    } else {
        json.into()
    }
}

/// An excerpt of at most the lead's length, on one line. Words are taken
/// only until it is full: a raw source is a whole page, and splitting all
/// of it for 280 characters was a sixth of the index's time.
fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars >= LEAD_INDEX_CHARS {
            break;
        }
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
    }
    out.chars().take(LEAD_INDEX_CHARS).collect()
}

/// Briefs oldest first (a new article goes last: older numbers stay).
fn brief_docs<'a>(input: &RenderInput<'a>) -> Vec<Doc<'a>> {
    let a = input.analysis;
    let mut names: Vec<Vec<&str>> = vec![Vec::new(); input.briefs.len()];
    for e in a.entities.iter() {
        for m in &e.mentions {
            names[m.brief].push(e.name.as_str());
        }
    }
    a.newest_first
        .iter()
        .rev()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|&&b| {
            let brief = &input.briefs[b];
            let topic_titles = brief.topics.iter().filter_map(|t| {
                input
                    .topics
                    .iter()
                    .find(|x| &x.slug == t)
                    .map(|x| x.title.as_str())
            });
            let tags: Vec<&str> = topic_titles
                .chain(names[b].iter().copied())
                .chain(brief.outlet.as_deref())
                .collect();
            let tags = tags.join(" · ");
            Doc {
                strong: format!("{} {tags}", brief.title),
                weak: Weak::Terms(&a.briefs[b].lead.terms),
                shown: Shown {
                    u: links::brief(&brief.slug),
                    t: &brief.title,
                    d: brief.published.map(|d| d.to_string()).unwrap_or_default(),
                    g: tags,
                    x: a.briefs[b].lead.index_text.to_string(),
                },
            }
        })
        .collect()
}

/// Raw sources, oldest first (by the date of their first brief).
fn source_docs<'a>(input: &RenderInput<'a>) -> Vec<Doc<'a>> {
    let order = super::shared::source_order(input);
    order
        .iter()
        .rev()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|&&s| {
            let source = &input.sources[s];
            let brief = input.analysis.sources[s]
                .briefs
                .first()
                .map(|&b| &input.briefs[b]);
            Doc {
                strong: source.rel_path.clone(),
                weak: Weak::Terms(&input.analysis.sources[s].terms),
                shown: Shown {
                    u: links::source(&source.slug),
                    t: &source.rel_path,
                    d: brief
                        .and_then(|b| b.published)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    g: brief.map(|b| b.title.clone()).unwrap_or_default(),
                    x: excerpt(&source.text),
                },
            }
        })
        .collect()
}

fn topic_docs<'a>(input: &RenderInput<'a>) -> Vec<Doc<'a>> {
    input
        .topics
        .iter()
        .map(|t| {
            let text = plain_text(&t.summary);
            Doc {
                strong: t.title.clone(),
                shown: Shown {
                    u: links::topic(&t.slug),
                    t: &t.title,
                    d: String::new(),
                    g: String::new(),
                    x: excerpt(&text),
                },
                weak: Weak::Text(text.into()),
            }
        })
        .collect()
}

fn entity_docs<'a>(input: &RenderInput<'a>) -> Vec<Doc<'a>> {
    input
        .analysis
        .entities
        .iter()
        .map(|e| {
            let roles = e
                .roles
                .iter()
                .map(|(r, _)| r.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let aliases = e.aliases.join(" · ");
            Doc {
                strong: format!("{} {aliases}", e.name),
                weak: Weak::Text(roles.clone().into()),
                shown: Shown {
                    u: links::entity(&e.slug),
                    t: &e.name,
                    d: String::new(),
                    g: aliases,
                    x: roles,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_deltas_marked_when_strong() {
        let list = [(3, false), (40, true), (41, false)].map(|(d, s)| Posting::new(d, s));
        assert_eq!(encode(&list), "3,11*,1");
        assert_eq!(shard_file("co"), "assets/search/t-636f.js");
    }

    #[test]
    fn a_word_in_the_title_and_the_text_is_posted_once_as_strong() {
        fn doc<'a>(strong: &str, weak: Weak<'a>) -> Doc<'a> {
            Doc {
                shown: Shown {
                    u: String::new(),
                    t: "",
                    d: String::new(),
                    g: String::new(),
                    x: String::new(),
                },
                strong: strong.to_string(),
                weak,
            }
        }
        let kept = Terms::of("Advisers leave Baghdad; the advisers' base closes.");
        let docs = [
            doc("Baghdad talks", Weak::Terms(&kept)),
            doc(
                "Zakho",
                Weak::Text("Talks in Zakho and zakho again.".into()),
            ),
        ];
        let map = postings(&docs);
        let list = |t: &str| -> Vec<(usize, bool)> {
            map[t].iter().map(|p| (p.doc(), p.strong())).collect()
        };
        assert_eq!(list("baghdad"), [(0, true)]);
        assert_eq!(list("talks"), [(0, true), (1, false)]);
        assert_eq!(list("advisers"), [(0, false)]);
        assert_eq!(list("zakho"), [(1, true)]);
        assert!(!map.contains_key("the"), "a stop word is not indexed");
    }

    #[test]
    fn an_excerpt_is_the_texts_words_on_one_line_cut_at_the_lead_length() {
        let whole = |text: &str| -> String {
            let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            line.chars().take(LEAD_INDEX_CHARS).collect()
        };
        let long = "Milliyet  reported\n\n that the talks (الحوار) ended. ".repeat(40);
        // Cut by characters: the text has Arabic letters.
        let cut: String = long.chars().take(LEAD_INDEX_CHARS + 3).collect();
        for text in ["", "  one\tword  ", long.as_str(), cut.as_str()] {
            assert_eq!(excerpt(text), whole(text), "{text:?}");
        }
        assert_eq!(excerpt(&long).chars().count(), LEAD_INDEX_CHARS);
    }
}
