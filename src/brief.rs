//! Stage 3, briefs: the curated Markdown articles in `content/briefs/`.
//!
//! A brief is YAML front matter plus a Markdown body. Ingest writes them;
//! people edit them; everything after this stage (analysis, rendering) reads
//! only [`Brief`] values, never the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::front_matter;
use crate::slug;
use crate::source::{SOURCES_DIR, SourceText, list_files};
use crate::topic::{Topic, front_matter_error, yaml_diagnostic};
use crate::yaml;

/// Folder of briefs, relative to the site root.
pub const BRIEFS_DIR: &str = "content/briefs";

/// Largest brief file we read; a brief is a curated article, not a data dump.
pub const MAX_BRIEF_BYTES: u64 = 16 * 1024 * 1024;

/// One curated article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// From the file name: `briefs/<slug>.html`.
    pub slug: String,
    /// Path relative to the site root, for messages.
    pub file: String,
    /// Headline.
    pub title: String,
    /// The raw article it was made from, relative to `content/sources/`.
    pub source: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// The article's own publication date.
    pub published: Option<NaiveDate>,
    /// Topic slugs, in the order given.
    pub topics: Vec<String>,
    /// What ingest extracted (empty for hand-written briefs).
    pub facts: BriefFacts,
    /// Markdown body.
    pub body: Body,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// 1-based line of each topic slug in the file, parallel to `topics`.
    pub topic_lines: Vec<usize>,
    /// 1-based line of the `source` field, if present.
    pub source_line: Option<usize>,
    /// `draft: true`: checked with the others, kept off the site (with its
    /// source), and never re-created by ingest while it exists.
    pub draft: bool,
}

impl Brief {
    /// Is `other` this brief with at most another text: the same file, front
    /// matter and facts, the body starting at the same place? (Each field
    /// is named: a new one must be decided on here.)
    pub fn same_but_text(&self, other: &Brief) -> bool {
        let Brief {
            slug,
            file,
            title,
            source,
            outlet,
            published,
            topics,
            facts,
            body,
            body_line,
            topic_lines,
            source_line,
            draft,
        } = self;
        *slug == other.slug
            && *file == other.file
            && *title == other.title
            && *source == other.source
            && *outlet == other.outlet
            && *published == other.published
            && *topics == other.topics
            && *draft == other.draft
            && *facts == other.facts
            && body.offset == other.body.offset
            && *body_line == other.body_line
            && *topic_lines == other.topic_lines
            && *source_line == other.source_line
    }
}

/// A brief's Markdown body.
///
/// A brief parsed in this build holds its text. A brief taken from the build
/// cache holds only the text's hash and where it starts in the file, and
/// reads it the first time a stage asks (an incremental build renders a few
/// pages, so most bodies are never read). A body that cannot be read then,
/// or no longer hashes the same (the file changed during the build), reads
/// as empty and keeps the reason: the build checks [`Body::error`] of every
/// brief before it writes anything.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Body {
    /// [`crate::hash::hash_bytes`] of the text.
    hash: u128,
    /// Byte of the file where the body starts.
    offset: usize,
    /// Every link and image target of the text, with the line of the body
    /// (0-based) it is written on: kept with a cached brief so that the link
    /// check never reads the text of a body that links nothing new.
    links: Vec<BodyLink>,
    /// The file to read the text from, when it is not loaded.
    #[serde(skip)]
    path: PathBuf,
    /// The text, or why it could not be read. Shared by clones.
    #[serde(skip)]
    text: Arc<OnceLock<Result<String, String>>>,
}

impl Body {
    /// A body whose text is at hand; `offset` is where it starts in its file.
    pub fn new(text: String, offset: usize) -> Body {
        Body {
            hash: crate::hash::hash_bytes(text.as_bytes()),
            offset,
            links: link_targets(&text),
            path: PathBuf::new(),
            text: Arc::new(OnceLock::from(Ok(text))),
        }
    }

    /// Hash of the text: stands for the text in every cache key.
    pub fn hash(&self) -> u128 {
        self.hash
    }

    /// The Markdown; read from the file on first use if it is not loaded
    /// (empty if that fails: see [`Body::error`]).
    pub fn text(&self) -> &str {
        match self.text.get_or_init(|| self.read()) {
            Ok(t) => t,
            Err(_) => "",
        }
    }

    /// The link and image targets of the text, in order.
    pub fn links(&self) -> &[BodyLink] {
        &self.links
    }

    /// Is the text in memory (false for a cached brief not asked for yet)?
    pub fn is_loaded(&self) -> bool {
        self.text.get().is_some()
    }

    /// Why the text could not be read, if a read was tried and failed.
    pub fn error(&self) -> Option<&str> {
        match self.text.get() {
            Some(Err(e)) => Some(e),
            _ => None,
        }
    }

    fn read(&self) -> Result<String, String> {
        let bytes = std::fs::read(&self.path).map_err(|e| format!("cannot read: {e}"))?;
        let text = bytes
            .get(self.offset..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .filter(|t| crate::hash::hash_bytes(t.as_bytes()) == self.hash)
            .ok_or("changed while the site was being built")?;
        Ok(text.to_string())
    }
}

/// A link or image target in a brief's Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyLink {
    /// The target as written (`other.md`, `../sources/a.txt#L3`).
    pub target: String,
    /// 0-based line of the body it starts on.
    pub line: usize,
}

/// Every link and image target of a Markdown text, with its line. Most
/// ingested bodies hold no link: those are not parsed.
fn link_targets(markdown: &str) -> Vec<BodyLink> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    if !markdown.contains("](") && !markdown.contains("]:") {
        return Vec::new();
    }
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut line = 0;
    let mut counted = 0;
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            // Offsets grow in document order, so lines are counted once
            // over the text; should one go back, it is counted afresh.
            if range.start < counted {
                (line, counted) = (0, 0);
            }
            line += markdown[counted..range.start].matches('\n').count();
            counted = range.start;
            links.push(BodyLink {
                target: dest_url.to_string(),
                line,
            });
        }
    }
    links
}

/// Deepest nesting of raw HTML a brief body may have. The HTML parser that
/// sanitises bodies (html5ever, in ammonia) checks scopes over the stack of
/// open elements at every tag, so its work grows with the square of the
/// depth: 200,000 nested `<div>` took minutes. No article nests 256 deep.
pub const MAX_HTML_DEPTH: usize = 256;

/// Refuse a body whose raw HTML nests deeper than [`MAX_HTML_DEPTH`], at the
/// line where it does. Only raw HTML counts (not text in code blocks), and
/// only bodies that have a `<` are parsed for it.
fn check_html_depth(body: &str, shown: &Path, body_line: usize) -> Result<(), Vec<Diagnostic>> {
    use pulldown_cmark::{Event, Options, Parser};
    if !body.contains('<') {
        return Ok(());
    }
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else {
            continue;
        };
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() || VOID_ELEMENTS.contains(&name.as_str()) {
                continue;
            }
            if tag.starts_with('/') {
                depth = depth.saturating_sub(1);
            } else if !tag.split('>').next().is_some_and(|t| t.ends_with('/')) {
                depth += 1;
                if depth > MAX_HTML_DEPTH {
                    let line = body_line + body[..range.start].matches('\n').count();
                    return Err(vec![
                        Diagnostic::new(
                            shown,
                            format!("raw HTML nested more than {MAX_HTML_DEPTH} elements deep"),
                        )
                        .at(line, None)
                        .hint("no article nests this deep: flatten the HTML, or put it in a code block to show it as text"),
                    ]);
                }
            }
        }
    }
    Ok(())
}

/// HTML elements that have no end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Bodies are equal when their texts are.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.hash == other.hash
    }
}

/// The facts ingest pulls out of an article, each traceable to its source
/// line. All optional: a hand-written brief may have none of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefFacts {
    /// SHA-256 of the source file's bytes when the brief was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
    /// Agencies and outlets the text cites ("Reuters", "Al-Hadath").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<String>,
    /// Bylined persons (desk credits such as "Staff Writer" are not authors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// People named, aliases merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Organisations named, aliases merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// Numbers with what they count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Event dates and deadlines mentioned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateMention>,
    /// Sentences that say who carried out an act, who blames whom, who
    /// denies a role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Places sentences put things at ("in Nasiriyah", "at Tower 22").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceMention>,
    /// The 3 to 5 sentences that carry the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<KeyPoint>,
    /// Per topic slug: the sentences that justify the tag, strongest first.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, Vec<Evidence>>,
    /// Bookkeeping of the ingest run that wrote the brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingest: Option<IngestStamp>,
}

/// A person named in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The fullest form of the name in the article.
    pub name: String,
    /// Other forms used for the same person (surname alone, other spellings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Roles as the text states them ("Iraqi Defense Minister").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Source lines that name the person.
    #[serde(default)]
    pub lines: Vec<usize>,
}

/// An organisation named in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Canonical name.
    pub name: String,
    /// Forms used in the text other than the canonical name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Source lines that name it.
    #[serde(default)]
    pub lines: Vec<usize>,
}

/// A number the article states, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The words of the text ("about 2,500 troops in Iraq").
    pub text: String,
    /// The number, when the text gives one ("hundreds" has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// What is counted, normalised ("troops", "years", "bases").
    pub counts: String,
    /// Where, when the text says ("Iraq", "Syria").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// "about", "more than", "hundreds", ... when the number is not exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Source line.
    pub line: usize,
    /// The sentence it comes from.
    pub context: String,
}

/// How precisely a mentioned date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// A day ("September 8, 2024").
    Day,
    /// A month ("September 2025").
    Month,
    /// Early in a year ("early 2024", "early this year").
    EarlyYear,
    /// The middle of a year.
    MidYear,
    /// Late in a year.
    LateYear,
    /// The end of a year ("end of 2026").
    EndOfYear,
    /// A whole year ("2014").
    Year,
    /// A day named relative to the article ("late on Saturday",
    /// "yesterday", "overnight"): resolved against the publication date when
    /// there is one (the note says how), else without a date.
    RelativeDay,
}

/// A date or deadline an article mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateMention {
    /// The words of the text ("the end of 2026").
    pub text: String,
    /// Year, when stated or derivable from a relative phrase and the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Month 1-12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// Day of month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// How precise the mention is.
    pub precision: Precision,
    /// What the text cannot tell (a year not stated, a relative date resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Source line.
    pub line: usize,
    /// The sentence it comes from.
    pub context: String,
}

/// What a sentence says about who is responsible for an act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Someone says they did it ("claimed responsibility").
    Claims,
    /// Someone says another did it ("blamed", "was behind").
    Blames,
    /// Someone denies a role ("denied any involvement").
    Denies,
    /// The text says no one has claimed it ("no group claimed the attack").
    Unclaimed,
}

/// A claim of responsibility, a blame or a denial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What the sentence does.
    pub stance: Stance,
    /// The words that say so ("claimed responsibility").
    pub words: String,
    /// People and organisations the sentence names, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<String>,
    /// Source line.
    pub line: usize,
    /// The sentence.
    pub context: String,
}

/// A place one sentence names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceMention {
    /// As written ("Tower 22", "al-Tanf").
    pub name: String,
    /// Source line.
    pub line: usize,
    /// The sentence.
    pub context: String,
}

/// A sentence that carries the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// The sentence.
    pub text: String,
    /// Source line.
    pub line: usize,
}

/// A sentence that matched a topic's rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The sentence.
    pub text: String,
    /// Source line.
    pub line: usize,
    /// The topic phrases it contains.
    pub found: Vec<String>,
}

/// What ingest records about its own run, to regenerate safely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestStamp {
    /// Hash of everything the brief was generated from (source, topic rules, ingest version).
    pub inputs: String,
    /// Source line of the title, when the text has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_line: Option<usize>,
    /// The text has no headline: the title was made from its first sentence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title_derived: bool,
    /// Source line of the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_line: Option<usize>,
    /// What ingest could not decide for certain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The day ingest first made a brief of this source (UTC, or
    /// `SOURCE_DATE_EPOCH`), kept when the brief is made again: what a
    /// briefing shows as new. Briefs from before the field have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<NaiveDate>,
    /// Hash of the brief file as ingest wrote it: if the file no longer
    /// matches, a person has edited it and ingest leaves it alone.
    pub hash: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BriefFront {
    title: String,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
    // The fields of `BriefFacts`, listed here rather than flattened: serde's
    // flatten loses the line numbers of errors inside them.
    #[serde(default)]
    source_sha256: Option<String>,
    #[serde(default)]
    attribution: Vec<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    people: Vec<Person>,
    #[serde(default)]
    organisations: Vec<Organisation>,
    #[serde(default)]
    figures: Vec<Figure>,
    #[serde(default)]
    dates: Vec<DateMention>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    places: Vec<PlaceMention>,
    #[serde(default)]
    key_points: Vec<KeyPoint>,
    #[serde(default)]
    evidence: BTreeMap<String, Vec<Evidence>>,
    #[serde(default)]
    ingest: Option<IngestStamp>,
}

impl BriefFront {
    fn take_facts(&mut self) -> BriefFacts {
        BriefFacts {
            source_sha256: self.source_sha256.take(),
            attribution: std::mem::take(&mut self.attribution),
            authors: std::mem::take(&mut self.authors),
            people: std::mem::take(&mut self.people),
            organisations: std::mem::take(&mut self.organisations),
            figures: std::mem::take(&mut self.figures),
            dates: std::mem::take(&mut self.dates),
            claims: std::mem::take(&mut self.claims),
            places: std::mem::take(&mut self.places),
            key_points: std::mem::take(&mut self.key_points),
            evidence: std::mem::take(&mut self.evidence),
            ingest: self.ingest.take(),
        }
    }
}

/// The front matter as written to a brief file: the basic fields, then the facts.
#[derive(Debug, Serialize)]
pub struct BriefFile<'a> {
    /// Headline.
    pub title: &'a str,
    /// Source path relative to content/sources.
    pub source: Option<&'a str>,
    /// Publisher (written as null when unknown, so curators see the field).
    pub outlet: Option<&'a str>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// Topic slugs.
    pub topics: &'a [String],
    /// Everything else.
    #[serde(flatten)]
    pub facts: &'a BriefFacts,
}

impl Brief {
    /// Parse a brief's text. `shown` is the path used in messages.
    pub fn parse(slug: &str, shown: &Path, text: &str) -> Result<Brief, Vec<Diagnostic>> {
        let (mut brief, body_start) = Brief::parse_front(slug, shown, text)?;
        check_html_depth(&text[body_start..], shown, brief.body_line)?;
        brief.body = Body::new(text[body_start..].to_string(), body_start);
        Ok(brief)
    }

    /// [`Brief::parse`] of a file's text read into `text`, whose buffer
    /// becomes the body (a corpus of briefs is not copied a second time).
    pub fn parse_owned(slug: &str, shown: &Path, text: String) -> Result<Brief, Vec<Diagnostic>> {
        let (mut brief, body_start) = Brief::parse_front(slug, shown, &text)?;
        check_html_depth(&text[body_start..], shown, brief.body_line)?;
        let mut body = text;
        body.drain(..body_start);
        brief.body = Body::new(body, body_start);
        Ok(brief)
    }

    /// Everything but the body, and the byte where the body starts in `text`.
    fn parse_front(
        slug: &str,
        shown: &Path,
        text: &str,
    ) -> Result<(Brief, usize), Vec<Diagnostic>> {
        let split = front_matter::split(text).map_err(|e| vec![front_matter_error(shown, e)])?;
        let mut front: BriefFront = yaml::from_front_matter(split.yaml)
            .map_err(|e| vec![yaml_diagnostic(shown, split.yaml_line, e)])?;
        let facts = front.take_facts();
        let line_of = |key: &str| key_line(split.yaml, key).map(|l| l + split.yaml_line - 1);
        let mut problems = Vec::new();
        let title = clean_inline(&front.title);
        if title.is_empty() {
            problems.push(
                Diagnostic::new(shown, "`title` must not be empty")
                    .at(line_of("title").unwrap_or(1), None),
            );
        }
        let published = match front.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(
                        Diagnostic::new(shown, format!("`published` is not a date: {s:?}"))
                            .at(line_of("published").unwrap_or(1), None)
                            .hint("write the date as YYYY-MM-DD, e.g. 2024-09-10"),
                    );
                    None
                }
            },
        };
        let source_line = line_of("source");
        if let Some(src) = &front.source
            && !is_safe_relative_path(src)
        {
            problems.push(
                Diagnostic::new(
                    shown,
                    format!("`source` must be a path inside {SOURCES_DIR}/, got {src:?}"),
                )
                .at(source_line.unwrap_or(1), None),
            );
        }
        let topics_line = line_of("topics");
        let mut topic_lines = Vec::new();
        for t in &front.topics {
            topic_lines.push(
                topics_line
                    .and_then(|from| {
                        value_line(split.yaml, t, from + 1 - split.yaml_line)
                            .map(|l| l + split.yaml_line - 1)
                    })
                    .or(topics_line)
                    .unwrap_or(1),
            );
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let body_start = text.len() - split.body.len();
        let brief = Brief {
            slug: slug.to_string(),
            file: shown.to_string_lossy().replace('\\', "/"),
            title,
            source: front.source.filter(|s| !s.trim().is_empty()),
            outlet: front
                .outlet
                .map(|o| clean_inline(&o))
                .filter(|o| !o.is_empty()),
            published,
            topics: front.topics,
            facts,
            body: Body::new(String::new(), body_start),
            body_line: split.body_line,
            topic_lines,
            source_line,
            draft: front.draft,
        };
        Ok((brief, body_start))
    }
}

/// Collapse whitespace (titles and outlets are one line of text).
fn clean_inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A relative path that stays inside its folder: no `..`, no root, no NUL.
/// A colon is an ordinary character where file systems allow it in names
/// ("Iraq: drone attack.txt"); on Windows, where it starts a drive ("x:")
/// or a stream ("a.txt:s"), no name can hold it and it is refused.
pub fn is_safe_relative_path(p: &str) -> bool {
    let refused = p.is_empty()
        || p.contains('\0')
        || p.starts_with(['/', '\\'])
        || is_windows_absolute(p)
        || cfg!(windows) && p.contains(':');
    !refused
        && p.split(['/', '\\'])
            .all(|c| !c.is_empty() && c != "." && c != "..")
        && std::path::Path::new(p)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// "C:\\x", "c:/x": a Windows drive path, refused on every system (a brief
/// must mean the same file wherever it is built).
fn is_windows_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'/' | b'\\')
}

/// 1-based line (within the YAML) of the top-level key `key`.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// 1-based line (within the YAML), at or after `from`, that mentions `value`.
fn value_line(yaml: &str, value: &str, from: usize) -> Option<usize> {
    yaml.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(value))
        .map(|(i, _)| i + 1)
}

/// Every brief of the site, sorted by slug, plus the problems met.
pub fn load_briefs(root: &Path) -> (Vec<Brief>, Diagnostics) {
    load_briefs_by(root, |_rel, slug, shown, path| {
        let size = std::fs::symlink_metadata(path).map_or(0, |m| m.len());
        read_brief(slug, shown, path, size)
    })
}

/// [`load_briefs`], each file read by `read` (given its path in
/// `content/briefs/`, its slug, its path as shown and its full path): the
/// build reads through its cache (`build::load`).
pub fn load_briefs_by(
    root: &Path,
    read: impl Fn(&str, &str, &Path, &Path) -> Result<Brief, Vec<Diagnostic>> + Sync,
) -> (Vec<Brief>, Diagnostics) {
    let mut errors = Diagnostics::new();
    let files = list_files(&root.join(BRIEFS_DIR), &["md"], &mut errors);
    let parsed: Vec<Result<Brief, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|(rel, path)| {
            let shown = Path::new(BRIEFS_DIR).join(rel);
            let slug = slug_of(rel, &shown)?;
            read(rel, &slug, &shown, path)
        })
        .collect();
    finish_loading(parsed, errors)
}

/// The briefs read, sorted by slug; the problems of the others, and two
/// briefs that publish under one slug, added to `errors`.
fn finish_loading(
    parsed: Vec<Result<Brief, Vec<Diagnostic>>>,
    mut errors: Diagnostics,
) -> (Vec<Brief>, Diagnostics) {
    let mut briefs = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(b) => briefs.push(b),
            Err(ds) => ds.into_iter().for_each(|d| errors.push(d)),
        }
    }
    briefs.sort_by(|a, b| a.slug.cmp(&b.slug).then_with(|| a.file.cmp(&b.file)));
    for pair in briefs.windows(2) {
        if pair[0].slug == pair[1].slug {
            errors.push(
                Diagnostic::new(
                    &pair[1].file,
                    format!(
                        "publishes as briefs/{}.html, like {}",
                        pair[1].slug, pair[0].file
                    ),
                )
                .hint("rename one of the two files"),
            );
        }
    }
    (briefs, errors)
}

/// The slug of the brief file `rel` (in `content/briefs/`, shown as `shown`).
fn slug_of(rel: &str, shown: &Path) -> Result<String, Vec<Diagnostic>> {
    let stem = rel.trim_end_matches(".md");
    let Some(slug) = slug::slugify(stem) else {
        return Err(vec![Diagnostic::new(
            shown,
            "the file name has no letters or digits to make a page name from",
        )]);
    };
    if slug == slug::LIST_PAGE {
        return Err(vec![
            Diagnostic::new(
                shown,
                "would publish as briefs/index.html, the list of all briefs",
            )
            .hint("rename the file"),
        ]);
    }
    Ok(slug)
}

/// Read and parse the brief at `path` (`size` bytes by its stamp).
pub fn read_brief(
    slug: &str,
    shown: &Path,
    path: &Path,
    size: u64,
) -> Result<Brief, Vec<Diagnostic>> {
    Brief::parse_owned(slug, shown, read_text(shown, path, size)?)
}

/// [`read_brief`] of `rel` in `content/briefs/`, as [`load_briefs`] reads
/// it, with the file's text: for a caller that reads more from the file
/// than the brief keeps (ingest, whether a person edited it), so that a
/// build parses each file once.
pub fn read_brief_with_text(
    rel: &str,
    path: &Path,
    size: u64,
) -> Result<(Brief, String), Vec<Diagnostic>> {
    let shown = Path::new(BRIEFS_DIR).join(rel);
    let slug = slug_of(rel, &shown)?;
    let text = read_text(&shown, path, size)?;
    let brief = Brief::parse(&slug, &shown, &text)?;
    Ok((brief, text))
}

/// The text of the brief file at `path`, within the size limit, as UTF-8.
fn read_text(shown: &Path, path: &Path, size: u64) -> Result<String, Vec<Diagnostic>> {
    if size > MAX_BRIEF_BYTES {
        return Err(vec![Diagnostic::new(
            shown,
            format!("{size} bytes is over the {MAX_BRIEF_BYTES} byte limit for a brief"),
        )]);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::new(shown, format!("cannot read: {e}"))])?;
    String::from_utf8(bytes).map_err(|e| {
        vec![
            Diagnostic::new(
                shown,
                format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            )
            .hint("save the brief as UTF-8"),
        ]
    })
}

/// One brief file, `rel` in `content/briefs/` (one that [`load_briefs`]
/// would load), read and parsed as `load_briefs` does.
pub fn load_brief(root: &Path, rel: &str) -> Result<Brief, Vec<Diagnostic>> {
    let shown = Path::new(BRIEFS_DIR).join(rel);
    let slug = slug_of(rel, &shown)?;
    let path = root.join(&shown);
    // As the folder listing: a symlink is not a brief.
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => read_brief(&slug, &shown, &path, meta.len()),
        _ => Err(vec![Diagnostic::new(&shown, "not a regular file")]),
    }
}

/// The brief of the build memo's entry `json` (a brief serialised without
/// its body's text), its body not at hand: read from `path` when a stage
/// asks for it.
pub fn from_memo(json: &str, path: &Path) -> Option<Brief> {
    let mut brief: Brief = serde_json::from_str(json).ok()?;
    brief.body.path = path.to_path_buf();
    Some(brief)
}

/// Check what briefs refer to: topic slugs must exist, `source` files must exist.
pub fn check_references(briefs: &[Brief], topics: &[Topic], sources: &[SourceText]) -> Diagnostics {
    let topic_slugs: BTreeSet<&str> = topics.iter().map(|t| t.slug.as_str()).collect();
    let source_paths: BTreeSet<&str> = sources.iter().map(|s| s.rel_path.as_str()).collect();
    let mut out = Diagnostics::new();
    for b in briefs {
        for (t, line) in b.topics.iter().zip(&b.topic_lines) {
            if !topic_slugs.contains(t.as_str()) {
                let known: Vec<&str> = topic_slugs.iter().copied().collect();
                out.push(
                    Diagnostic::new(&b.file, format!("unknown topic {t:?}"))
                        .at(*line, None)
                        .hint(format!(
                            "known topics: {}; or add content/topics/{t}.md",
                            known.join(", ")
                        )),
                );
            }
        }
        if let Some(src) = &b.source
            && !source_paths.contains(src.as_str())
        {
            out.push(
                Diagnostic::new(&b.file, format!("source {src:?} not found in {SOURCES_DIR}/"))
                    .at(b.source_line.unwrap_or(1), None)
                    .hint("the path is relative to content/sources/; if the source was deleted, delete the brief or remove its `source:` line to keep it as a hand-written brief"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter as the subset reader reads it and as the YAML
    /// library reads it, or the same error.
    fn both_readings(yaml_text: &str) -> (String, String) {
        let fast = yaml::from_front_matter::<BriefFront>(yaml_text);
        let library = yaml::from_str::<BriefFront>(yaml_text);
        let show = |r: Result<BriefFront, yaml::YamlError>| match r {
            Ok(f) => format!("{f:?}"),
            Err(e) => format!("error {} at {:?}:{:?}", e.message, e.line, e.column),
        };
        (show(fast), show(library))
    }

    #[test]
    fn front_matter_reads_as_the_yaml_library_reads_it() {
        // The shipped briefs: every kind of fact ingest writes.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/briefs");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let split = crate::front_matter::split(&text).unwrap();
            let (fast, library) = both_readings(split.yaml);
            assert!(!fast.starts_with("error"), "{fast}");
            assert_eq!(fast, library);
            read += 1;
        }
        assert!(read >= 5);
        // Hand-written shapes: plain scalars a resolver reads as numbers,
        // nulls or bools in string fields, escapes, block scalars, flow
        // lists, comments, folded lines, wrong types, unknown fields.
        for text in [
            "title: 2024\noutlet: null\npublished: ~\ntopics: [a, b]\n",
            "title: true\nsource: 1e5\noutlet: '007'\ndraft: True\n",
            "title: \"Tab\\tand \\u00e9 \\\"q\\\"\"\nauthors:\n- 'O''Brien'\n- -dash\n",
            "title: |\n  Two\n  lines\ntopics:\n  - pmf # a comment\n",
            "title: A long\n  folded title\nfigures:\n- text: 5 drones\n  value: 5\n  counts: drones\n  line: 3\n  context: c\n",
            "title: x\nfigures:\n- text: t\n  value: .5\n  counts: c\n  line: 007\n  context: c\n",
            "title: x\nfigures:\n- text: t\n  value: -1.25\n  counts: c\n  line: 4\n  context: 'a: b'\n",
            "title: x\ndates:\n- text: t\n  year: 2024\n  precision: relative-day\n  line: 2\n  context: c\n",
            "title: x\nunknown: field\n",
            "title: x\ntitle: y\n",
            "title: x\ntopics: pmf\n",
            "title: x\nevidence:\n  title:\n  - line: 3\n    text: T\n",
            "title: x\npeople:\n- name: A B\n  lines: [1, 2]\n",
            "title:\n",
            "title: x\n  bad: indent\n",
        ] {
            let (fast, library) = both_readings(text);
            assert_eq!(fast, library, "{text}");
        }
    }

    const GOOD: &str = "---\ntitle: \"Deal  reached\"\nsource: 001.txt\noutlet: Reuters\npublished: 2024-09-08\ntopics:\n  - advisory-mission\n  - pmf\n---\n\nBody **text**.\n";

    #[test]
    fn a_body_keeps_its_link_targets_and_their_lines() {
        let body = Body::new(
            "Intro.\n\nSee [a](one.md) and ![b](img.png).\n\n[c]: three.md\n\nUse [c].\n\
             Then [d](four.md#x).\n"
                .to_string(),
            0,
        );
        let got: Vec<(&str, usize)> = body
            .links()
            .iter()
            .map(|l| (l.target.as_str(), l.line))
            .collect();
        assert_eq!(
            got,
            [
                ("one.md", 2),
                ("img.png", 2),
                ("three.md", 6),
                ("four.md#x", 7)
            ]
        );
        assert!(
            Body::new("No links at all.\n".to_string(), 0)
                .links()
                .is_empty()
        );
    }

    #[test]
    fn parses_a_brief() {
        let b = Brief::parse("x", Path::new("content/briefs/x.md"), GOOD).unwrap();
        assert_eq!(b.title, "Deal reached");
        assert_eq!(b.published, NaiveDate::from_ymd_opt(2024, 9, 8));
        assert_eq!(b.topics, vec!["advisory-mission", "pmf"]);
        assert_eq!(b.topic_lines, vec![7, 8]);
        assert_eq!(b.source_line, Some(3));
        assert_eq!(b.body_line, 10);
    }

    #[test]
    fn reports_bad_fields_with_lines() {
        let bad_date = GOOD.replace("2024-09-08", "2024-13-45");
        let e = Brief::parse("x", Path::new("x.md"), &bad_date).unwrap_err();
        assert_eq!(e[0].line, Some(5));
        let wrong_type = GOOD.replace("title: \"Deal  reached\"", "title: [1, 2]");
        let e = Brief::parse("x", Path::new("x.md"), &wrong_type).unwrap_err();
        assert_eq!(e[0].line, Some(2), "{}", e[0]);
        let missing = GOOD.replace("title: \"Deal  reached\"\n", "");
        let e = Brief::parse("x", Path::new("x.md"), &missing).unwrap_err();
        assert!(e[0].message.contains("title"), "{}", e[0]);
        let escape = GOOD.replace("001.txt", "../../etc/passwd");
        assert!(Brief::parse("x", Path::new("x.md"), &escape).is_err());
    }

    #[test]
    fn unknown_and_mistyped_fields_are_errors_with_lines() {
        let typo = GOOD.replace("topics:", "topcis:");
        let e = Brief::parse("x", Path::new("x.md"), &typo).unwrap_err();
        assert!(e[0].message.contains("topcis"), "{}", e[0]);
        let bad_fact = GOOD.replace("topics:", "people: 7\ntopics:");
        let e = Brief::parse("x", Path::new("x.md"), &bad_fact).unwrap_err();
        assert_eq!(e[0].line, Some(6), "{}", e[0]);
        let bad_person = GOOD.replace("topics:", "people:\n  - nme: X\ntopics:");
        let e = Brief::parse("x", Path::new("x.md"), &bad_person).unwrap_err();
        assert!(e[0].message.contains("nme"), "{}", e[0]);
        assert_eq!(e[0].line, Some(7), "{}", e[0]);
    }

    #[test]
    fn safe_paths() {
        assert!(is_safe_relative_path("a/b.txt"));
        assert!(!is_safe_relative_path("../b.txt"));
        assert!(!is_safe_relative_path("/etc/passwd"));
        assert!(!is_safe_relative_path("C:\\x"));
        assert!(!is_safe_relative_path("c:/x"));
        assert_eq!(
            is_safe_relative_path("Iraq: drone attack.txt"),
            !cfg!(windows)
        );
        assert!(!is_safe_relative_path("a//b"));
    }
}
