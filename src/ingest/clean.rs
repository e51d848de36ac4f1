//! From scraped lines to an article: title, publication date, body blocks.
//!
//! A scraped page is page chrome around an article. The article is the run
//! of prose lines (sentences); what comes before it is the header (headline,
//! dateline, labels, repeated headlines), what comes after it is the tail
//! (promos, comment widgets, counters, footers). Short lines inside the
//! article are subheadings unless a boilerplate pattern says otherwise.
//! No prose line is ever dropped, except an exact repeat of an earlier line
//! or a line a boilerplate pattern names.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::dates::{DateStyle, PublishedDate, parse_date_line};
use super::glue::{CorpusWords, repair_line};
use rayon::prelude::*;

/// Default boilerplate: whole lines of page chrome (case-insensitive).
pub const DEFAULT_BOILERPLATE: &[(&str, &str)] = &[
    (
        "share buttons",
        r"^(?:(?:share|tweet|pin|email|e-mail|mail|print|copy\s+link|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|google\+?|pinterest|messenger|tumblr|flipboard|threads|bluesky)(?:\s+(?:icon|logo|button|share|this|it|on|via|us|link|article|story|page|post))*[\s|·•,/]*)+$",
    ),
    (
        "share prompt",
        r"^(?:share|tweet|send|email)\s+(?:this|on|via|to|the|article|story|it)\b.{0,50}$",
    ),
    ("follow prompt", r"^(?:follow|like)\s+(?:us|@\w+)\b.{0,60}$"),
    (
        "navigation",
        r"^(?:home|menu|search|skip to (?:main )?content|subscribe(?: now)?|sign in|sign up|log ?in|log ?out|register|newsletter|advertisement|advertising|sponsored(?: content)?|close|back to top|top|next|previous|prev|more|loading\.*|watch|listen|play|video|photos?|gallery|print this page)$",
    ),
    (
        "promo heading",
        r"^(?:latest|related|recommended|trending|popular|most (?:read|viewed|popular|shared)|more (?:from|on|stories|news)|read (?:more|also|next)|also read|see also|you (?:may|might) also like|editor'?s picks|top stories|don'?t miss|further reading|in other news)\b(?:\s+\S+){0,4}\s*:?$",
    ),
    (
        "comment widget",
        r"^(?:no comments?|\d+ comments?|comments?(?: \(\d+\))?|post a comment|leave a (?:comment|reply)|add (?:a )?comment|write a comment|be the first to comment|reply|show comments|view comments|comments are closed\.?)\s*:?$",
    ),
    (
        "view counter",
        r"^(?:views?|reads?|shares?|likes?|hits|visits)\s*:?\s*\d[\d,.]*\s*[km]?$",
    ),
    (
        "view counter",
        r"^\d[\d,.]*\s*[km]?\s+(?:views?|reads?|shares?|likes?|comments?)$",
    ),
    (
        "empty label",
        r"^(?:date|time|author|authors|by|source|sources|tags?|categor(?:y|ies)|filed under|posted in|topics?|keywords?|section|published|updated)\s*:?\s*$",
    ),
    (
        "tag list",
        r"^(?:tags?|categor(?:y|ies)|filed under|posted in|keywords?)\s*:.{1,300}$",
    ),
    ("copyright", r"^(?:©|\(c\)\s|copyright\b).{0,200}$"),
    ("copyright", r"^all rights reserved\.?$"),
    (
        "photo credit",
        r"^(?:(?:file\s+)?photo(?:graph)?|image|picture|credit|photo credit)s?\s*:.{0,200}$",
    ),
    (
        "photo credit",
        r"^\(?(?:photo|image|picture) by .{0,100}\)?$",
    ),
    ("reading time", r"^\d+\s*min(?:ute)?s?\s+read$"),
    (
        "wire credit",
        r"^(?:\(?reporting|writing|editing|additional reporting|compiled) by .{0,200}$",
    ),
    (
        "byline",
        r"^(?:by|written by|words by|story by)\s+\p{Lu}[\w.'’-]*(?:\s+(?:and|&|\p{Lu}[\w.'’-]*|,)){0,10}\s*(?:[|,·•-]\s*.{0,40})?$",
    ),
    (
        "breadcrumb",
        r"^(?:[^»›>|]{1,30}\s*[»›>]\s*){1,6}[^»›>|]{1,40}$",
    ),
    (
        "site policy",
        r"^(?:our standards|editorial standards|editorial policy|terms of (?:use|service)|privacy policy|cookie policy|contact us|about us|your email address will not be published)\b.{0,120}$",
    ),
    (
        "advertisement",
        r"^(?:advertisement|sponsored|ad)\s*[·•|:-].{0,40}$",
    ),
    (
        "cookie notice",
        r"^(?:we use cookies|this (?:web)?site uses cookies|please enable javascript|javascript is (?:disabled|required)).{0,200}$",
    ),
];

/// The line patterns that cut an article from its chrome.
pub struct Boilerplate {
    patterns: Vec<(String, Regex)>,
}

impl Boilerplate {
    /// The defaults plus the user's patterns (already validated).
    pub fn new(extra: &[Regex]) -> Boilerplate {
        static DEFAULTS: OnceLock<Vec<(String, Regex)>> = OnceLock::new();
        let defaults = DEFAULTS.get_or_init(|| {
            // Compiled in parallel: together they take milliseconds.
            DEFAULT_BOILERPLATE
                .par_iter()
                .map(|(why, re)| {
                    (
                        why.to_string(),
                        Regex::new(&format!("(?i){re}")).expect("default pattern"),
                    )
                })
                .collect()
        });
        let mut patterns = defaults.clone();
        patterns.extend(
            extra
                .iter()
                .map(|r| ("site.toml pattern".to_string(), r.clone())),
        );
        Boilerplate { patterns }
    }

    /// Why `line` is boilerplate, if it is.
    pub fn matches(&self, line: &str) -> Option<&str> {
        let t = line.trim();
        self.patterns
            .iter()
            .find(|(_, re)| re.is_match(t))
            .map(|(why, _)| why.as_str())
    }
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// A subheading rather than a paragraph.
    pub heading: bool,
    /// The cleaned text.
    pub text: String,
    /// First source line.
    pub line: usize,
}

/// A line left out of the body, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// Source line.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// Why it is not part of the article.
    pub reason: String,
}

/// The article found in a scraped text.
#[derive(Debug, Clone, Default)]
pub struct CleanArticle {
    /// Headline and its line, when the text has one.
    pub title: Option<(String, usize)>,
    /// Publication date and its line.
    pub published: Option<(PublishedDate, usize)>,
    /// Publisher, when a footer names it ("© 2024 Gulf Ledger").
    pub outlet: Option<(String, usize)>,
    /// Agencies and outlets credited by a "Source:" line or a photo credit.
    pub attribution: Vec<(String, usize)>,
    /// Paragraphs and subheadings, in order.
    pub blocks: Vec<Block>,
    /// Lines left out.
    pub dropped: Vec<Dropped>,
    /// Glued words repaired: (from, to).
    pub repairs: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Boiler(String),
    Repeat,
    Date(PublishedDate),
    Attribution(Vec<String>),
    Hashtags,
    Prose,
    Short,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A sentence-like line: ends like a sentence, or is too long to be a headline.
fn is_prose(s: &str) -> bool {
    let w = words(s);
    let ends = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    (w >= 5 && ends.ends_with(['.', '!', '?'])) || w >= 30
}

/// Could be a headline or subheading: starts with a capital or digit, no final full stop.
fn is_headline_like(s: &str) -> bool {
    let w = words(s);
    let first = s.chars().next().unwrap_or(' ');
    (2..=30).contains(&w)
        && (first.is_uppercase() || first.is_ascii_digit() || first == '"' || first == '“')
        && !s.trim_end().ends_with(['.', ','])
}

fn attribution_line(s: &str) -> Option<Vec<String>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^(?:source|sources|via|courtesy(?: of)?|agencies)\s*:?\s+(.{2,80})$")
            .unwrap()
    });
    let caps = re.captures(s.trim())?;
    let names: Vec<String> = caps[1]
        .split([',', '/', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_end_matches('.').to_string())
        .filter(|p| {
            !p.is_empty() && words(p) <= 5 && p.chars().next().is_some_and(|c| c.is_uppercase())
        })
        .collect();
    (!names.is_empty() && words(&caps[1]) <= 10).then_some(names)
}

/// "© 2024 Gulf Ledger. All rights reserved." -> "Gulf Ledger".
fn outlet_from_copyright(s: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[A-Z][\w&'.\- ]+?)\s*[.,]?\s*(?:all rights reserved\.?)?$").unwrap()
    });
    let t = s.trim();
    if !(t.starts_with('©')
        || t.to_lowercase().starts_with("copyright")
        || t.to_lowercase().starts_with("(c)"))
    {
        return None;
    }
    // At most 61 characters: checked here, not as `{1,60}` in the pattern,
    // whose Unicode classes repeated sixty times take milliseconds to compile.
    let name = re.captures(t)?.name("name")?.as_str();
    if name.chars().count() > 61 {
        return None;
    }
    let name = name.trim().to_string();
    (1..=6).contains(&words(&name)).then_some(name)
}

/// Remove photo credits inside a paragraph: "(LBC; File Photo: ... © CENTCOM)".
/// Returns the cleaned text, what was removed, and a credited agency if any.
fn strip_inline_credits(s: &str) -> (String, Option<String>, Option<String>) {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"\s*\((?:(?P<agency>[A-Z][A-Za-z.\- ]{1,30});\s*)?(?:[^()]*?\b(?:File\s+Photo|Photo|Image|Picture)\s*:|[^()]*©)[^()]*\)").unwrap()
    });
    match re.captures(s) {
        Some(c) => {
            let whole = c.get(0).unwrap();
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..whole.start()]);
            out.push_str(&s[whole.end()..]);
            let agency = c.name("agency").map(|m| m.as_str().trim().to_string());
            (
                out.trim_end().to_string(),
                Some(whole.as_str().trim().to_string()),
                agency,
            )
        }
        None => (s.to_string(), None, None),
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Find the article in `text`.
pub fn clean(text: &str, boilerplate: &Boilerplate, corpus: &CorpusWords) -> CleanArticle {
    let style = DateStyle::of(text);
    let lines = logical_lines(text);

    // 1. What each line is on its own.
    let mut seen: HashSet<String> = HashSet::new();
    let mut kinds: Vec<Kind> = Vec::with_capacity(lines.len());
    for (_, l) in &lines {
        let l = l.as_str();
        let norm = normalise(l);
        let kind = if !seen.insert(norm) {
            Kind::Repeat
        } else if let Some(why) = attribution_line(l)
            .is_none()
            .then(|| boilerplate.matches(l))
            .flatten()
        {
            Kind::Boiler(why.to_string())
        } else if let Some(d) = (words(l) <= 10)
            .then(|| parse_date_line(l, style, 3))
            .flatten()
        {
            Kind::Date(d)
        } else if let Some(names) = attribution_line(l) {
            Kind::Attribution(names)
        } else if l.split_whitespace().count() >= 2
            && l.split_whitespace().all(|w| w.starts_with('#'))
        {
            Kind::Hashtags
        } else if is_prose(l) {
            Kind::Prose
        } else {
            Kind::Short
        };
        kinds.push(kind);
    }

    // 2. Where the article runs.
    let first_prose = kinds.iter().position(|k| *k == Kind::Prose);
    let last_prose = kinds.iter().rposition(|k| *k == Kind::Prose);

    let mut art = CleanArticle::default();
    let mut title_norm: Option<String> = None;
    let mut in_promo = false;
    for (i, ((no, l), kind)) in lines.iter().zip(&kinds).enumerate() {
        let (no, l) = (*no, l.as_str());
        let zone = match (first_prose, last_prose) {
            (Some(f), _) if i < f => Zone::Header,
            (_, Some(e)) if i > e => Zone::Tail,
            (None, None) => Zone::Header,
            _ => Zone::Body,
        };
        let drop = |art: &mut CleanArticle, reason: &str| {
            art.dropped.push(Dropped {
                line: no,
                text: l.to_string(),
                reason: reason.to_string(),
            })
        };
        match kind {
            Kind::Repeat => drop(&mut art, "repeats an earlier line"),
            Kind::Boiler(why) => {
                if why == "copyright"
                    && art.outlet.is_none()
                    && let Some(o) = outlet_from_copyright(l)
                {
                    art.outlet = Some((o, no));
                }
                in_promo |= why == "promo heading";
                drop(&mut art, why)
            }
            Kind::Date(d) => {
                if art.published.is_none() && zone != Zone::Body {
                    art.published = Some((d.clone(), no));
                    drop(&mut art, "publication date");
                } else if zone == Zone::Body {
                    push_block(&mut art, no, l, false, corpus);
                } else {
                    drop(&mut art, "another date line");
                }
            }
            Kind::Attribution(names) => {
                art.attribution
                    .extend(names.iter().map(|n| (n.clone(), no)));
                drop(&mut art, "source credit")
            }
            Kind::Hashtags => drop(&mut art, "hashtags"),
            Kind::Prose => {
                in_promo = false;
                let (text, removed, agency) = strip_inline_credits(l);
                if let Some(r) = removed {
                    art.dropped.push(Dropped {
                        line: no,
                        text: r,
                        reason: "photo credit".to_string(),
                    });
                }
                if let Some(a) = agency {
                    art.attribution.push((a, no));
                }
                push_block(&mut art, no, &text, false, corpus);
            }
            Kind::Short => match zone {
                Zone::Header => {
                    let norm = normalise(l);
                    if art.title.is_none() && is_headline_like(l) && words(l) >= 3 {
                        let (fixed, reps) = repair_line(l, corpus);
                        art.repairs.extend(reps);
                        art.title = Some((fixed, no));
                        title_norm = Some(norm);
                    } else if title_norm.as_deref() == Some(norm.as_str()) {
                        drop(&mut art, "repeats the headline");
                    } else if is_headline_like(l) && words(l) >= 4 {
                        push_block(&mut art, no, l, true, corpus);
                    } else {
                        drop(&mut art, "page chrome before the article");
                    }
                }
                Zone::Body => {
                    if in_promo {
                        drop(&mut art, "promoted link")
                    } else {
                        let heading = is_headline_like(l) && words(l) <= 15;
                        push_block(&mut art, no, l, heading, corpus);
                    }
                }
                Zone::Tail => {
                    if art.outlet.is_none()
                        && let Some(o) = outlet_from_copyright(l)
                    {
                        art.outlet = Some((o, no));
                    }
                    drop(&mut art, "page chrome after the article")
                }
            },
        }
    }
    art
}

/// Non-empty lines, trimmed, with their 1-based numbers. A line that a
/// scraper wrapped (no final punctuation, the next line right below it
/// starting in lower case) is joined to its continuation and keeps the first
/// line's number.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut prev_no = 0;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        let l = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}');
        if l.is_empty() {
            continue;
        }
        if let Some((_, last)) = out.last_mut()
            && prev_no + 1 == no
            && words(last) >= 5
            && !last.ends_with(['.', '!', '?', ':', ';', '"', '”', '’'])
            && l.chars().next().is_some_and(char::is_lowercase)
        {
            last.push(' ');
            last.push_str(l);
        } else {
            out.push((no, l.to_string()));
        }
        prev_no = no;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Header,
    Body,
    Tail,
}

/// Add a body block, its glued words repaired.
fn push_block(art: &mut CleanArticle, no: usize, text: &str, heading: bool, corpus: &CorpusWords) {
    let (fixed, reps) = repair_line(text, corpus);
    art.repairs.extend(reps);
    art.blocks.push(Block {
        heading,
        text: fixed,
        line: no,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> CleanArticle {
        clean(text, &Boilerplate::new(&[]), &CorpusWords::default())
    }

    #[test]
    fn header_body_tail() {
        let a = run(
            "Big Deal Reached Between Two Capitals\n\n10.09.2024 World\nBig Deal Reached Between Two Capitals\nFacebook icon\nTwitter icon\n\nThe two capitals reached a deal on Monday after long talks.\n\nIt covers troops and money, officials said.\n(LBC; File Photo: a handshake © AP)\nLatest events\nTHE ALMANAC 2024\n",
        );
        assert_eq!(
            a.title.as_ref().unwrap().0,
            "Big Deal Reached Between Two Capitals"
        );
        assert_eq!(
            a.published.as_ref().unwrap().0.date.to_string(),
            "2024-09-10"
        );
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[1].line, 10);
        let dropped: Vec<&str> = a.dropped.iter().map(|d| d.text.as_str()).collect();
        for chrome in [
            "Facebook icon",
            "Twitter icon",
            "Latest events",
            "THE ALMANAC 2024",
        ] {
            assert!(dropped.contains(&chrome), "{chrome} kept: {dropped:?}");
        }
    }

    #[test]
    fn subheadings_inside_the_article_are_kept() {
        let a = run(
            "Title Of The Piece Here\nFirst paragraph is a full sentence here.\nWhat Comes Next\nSecond paragraph is also a sentence.\nNo comments:\nPost a Comment\n",
        );
        assert_eq!(
            a.blocks
                .iter()
                .map(|b| (b.heading, b.text.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (false, "First paragraph is a full sentence here."),
                (true, "What Comes Next"),
                (false, "Second paragraph is also a sentence."),
            ]
        );
        assert_eq!(a.dropped.len(), 2);
    }

    #[test]
    fn source_lines_hashtags_and_timestamps() {
        let a = run(
            "Iraq – The talks ended with a plan agreed by both sides.\nSource: Reuters\n#Talks #End #Plan\n2024-09-08 08:21:10\n",
        );
        assert!(a.title.is_none());
        assert_eq!(a.attribution, vec![("Reuters".to_string(), 2)]);
        assert_eq!(a.published.unwrap().0.date.to_string(), "2024-09-08");
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let a = run(
            "A Title For It\n\nThe first line of a paragraph that was\nwrapped by the scraper at some width.\n\nNext one.\n",
        );
        assert_eq!(
            a.blocks[0].text,
            "The first line of a paragraph that was wrapped by the scraper at some width."
        );
    }

    #[test]
    fn copyright_footer_names_the_outlet() {
        let a = run(
            "A Title For It\nThe story is told in one sentence here.\n© 2024 Gulf Ledger. All rights reserved.\n",
        );
        assert_eq!(a.outlet.unwrap().0, "Gulf Ledger");
    }

    #[test]
    fn wire_and_blog_chrome() {
        let a = run(
            "Home » Politics » Iraq\nPMF Chief Rejects Calls To Dissolve Forces\nBy Jane Holloway and Omar Rashid\nThe chief said on Tuesday the forces would stay.\nOur Standards: The Thomson Reuters Trust Principles.\nAdvertisement · Scroll to continue\n",
        );
        assert_eq!(
            a.title.unwrap().0,
            "PMF Chief Rejects Calls To Dissolve Forces"
        );
        assert_eq!(a.blocks.len(), 1);
        let reasons: Vec<&str> = a.dropped.iter().map(|d| d.reason.as_str()).collect();
        assert_eq!(
            reasons,
            vec!["breadcrumb", "byline", "site policy", "advertisement"]
        );
    }

    #[test]
    fn user_patterns_extend_the_defaults() {
        let extra = [Regex::new("(?i)^brought to you by .*$").unwrap()];
        let a = clean(
            "A Title For It\nThe story is one sentence long.\nBrought to you by Acme\n",
            &Boilerplate::new(&extra),
            &CorpusWords::default(),
        );
        assert_eq!(a.dropped[0].reason, "site.toml pattern");
    }
}
