//! From a scraped page to an article: headline, outlet, publication date,
//! authors, body blocks, and a reason for every line left out.
//!
//! The steps, each from evidence rather than from any outlet's strings:
//! 1. every logical line is measured ([`Shape`]) and given a verdict on its
//!    own: a date line, a byline, a credit, chrome (a boilerplate pattern, a
//!    menu, a call to action, a caption), or text with its jusText class;
//! 2. the masthead (the publisher's name at the top) and the headline are
//!    chosen among the lines above the first good paragraph
//!    ([`super::header`]);
//! 3. text lines are classed in context and the article ends at a
//!    terminating line ([`super::chrome`]);
//! 4. the publication date, the outlet and the credits are decided from
//!    every candidate, strongest first, each with the reason it won.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::chrome::{
    self, Density, Standing, chrome_by_shape, density, is_author_box, is_heading_shaped, smooth,
    terminates,
};
use super::dates::{DateStyle, PublishedDate, parse_date_line};
use super::entities::{is_wire, known_outlet};
use super::glue::{CorpusWords, repair_headline, repair_line};
use super::header::{
    self, Byline, Masthead, OutletSource, byline, choose_outlet, credit_line, dateline,
    headline_shaped, outlet_line,
};
use super::lines::{Line, Shape, logical_lines};
use super::people;
use crate::source::{MarkKind, SourceMeta};

pub use super::chrome::{Boilerplate, DEFAULT_BOILERPLATE};

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

/// A decision with the line it rests on and why it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided<T> {
    /// What was decided.
    pub value: T,
    /// The source line it comes from, when it comes from one.
    pub line: Option<usize>,
    /// Why, for the curator.
    pub why: String,
}

/// The article found in a scraped text.
#[derive(Debug, Clone, Default)]
pub struct CleanArticle {
    /// Headline, when the page has one.
    pub title: Option<Decided<String>>,
    /// Publication date.
    pub published: Option<Decided<PublishedDate>>,
    /// Publisher.
    pub outlet: Option<Decided<String>>,
    /// Agencies and outlets the page credits (wire reprints, "Source:" lines).
    pub attribution: Vec<(String, usize)>,
    /// Bylined persons.
    pub authors: Vec<String>,
    /// Speakers a transcript or statement names above its text: (name, role, line).
    pub speakers: Vec<(String, String, usize)>,
    /// Paragraphs and subheadings, in order.
    pub blocks: Vec<Block>,
    /// Lines left out.
    pub dropped: Vec<Dropped>,
    /// The photo captions among them: (line, text).
    pub captions: Vec<(usize, String)>,
    /// Glued words repaired: (from, to).
    pub repairs: Vec<(String, String)>,
}

/// What a line is on its own.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// The same text as an earlier line (index of the first).
    Repeat(usize),
    /// A date and little else.
    Date(PublishedDate),
    Byline(Byline),
    /// Only credits a source.
    Credit(Vec<String>),
    /// "Outlet / City".
    OutletLine(String),
    /// Chrome, and why.
    Chrome(String),
    /// Text, with its class on its own.
    Text(Density),
}

/// Chrome that interrupts an article rather than bounding it: the context
/// pass looks past these lines to the paragraphs on either side.
const INTERRUPTIONS: &[&str] = &[
    "advertisement",
    "endnote",
    "teaser",
    "photo caption",
    "photo credit",
    "embedded post",
    // A player's or a picture's stand-in ("This content is not available
    // in your region", "Toggle caption").
    "embedded media",
    "share prompt",
    "share link",
    "call to action",
    "hashtags",
    // A quote printed again in large type, an editor's note on the story:
    // inside the article, not where it ends.
    "pull quote",
    "editorial note",
    // A live page's entry stamp ("9:40 PM") between its entries.
    "timestamp",
    // A document's header or footer printed again at each page break
    // (a PDF turned to text): the article goes on past it.
    "running header",
];

/// The authors a date line names: "Posted on January 4, 2024 by Jane
/// Roe", "Jane Roe - Jan 25, 2024", "January 26, 2024 | Joe Truzman |
/// Iraq, Iran", "Jane Roe Energy Correspondent Published: ...", "Rebaz
/// Karim 29/09/2024 - 10:15"; never a place.
fn authors_of_date_line(l: &str, style: DateStyle) -> Option<Vec<String>> {
    // After "by", or before a dash; else a field of its own.
    l.rsplit_once(" by ")
        .map(|(_, name)| name)
        .or_else(|| {
            l.split_once(" - ")
                .or_else(|| l.split_once(" – "))
                .map(|(name, _)| name)
        })
        .and_then(|name| {
            // "BY JANE DOE - 09/27/24 4:15 PM ET": the byline's
            // label before the names.
            names_alone(name).or_else(|| {
                byline(name, style, false)
                    .map(|b| b.authors)
                    .filter(|a| !a.is_empty())
            })
        })
        .or_else(|| l.split(['|', '·', '•']).find_map(|f| names_alone(f.trim())))
        // "By Jane Roe, Harbour News | Published September 27, 2024": the
        // byline is the first field.
        .or_else(|| {
            let first = l.split(['|', '·', '•']).next()?.trim();
            header::opens_with_by(first)
                .then(|| byline(first, style, false))
                .flatten()
                .map(|b| b.authors)
                .filter(|a| !a.is_empty())
        })
        // "Jane Roe Energy Correspondent Published: ...": an
        // author box's name and job run into its dates.
        .or_else(|| {
            let at = super::dates::publication_label_at(l)?;
            byline(l[..at].trim(), style, false)
                .map(|b| b.authors)
                .filter(|a| !a.is_empty())
        })
        // "Rebaz Karim 29/09/2024 - 10:15", "Sara Jaff 27 September 2024 4
        // min read", "Sara Jaff September 27, 2024": run into the date.
        .or_else(|| {
            let at = l.find(|c: char| c.is_ascii_digit())?;
            let mut words = l[at..].split_whitespace();
            let first = words.next().unwrap_or("");
            let numeric = first.contains(['/', '.', '-']);
            let day_month = first.len() <= 2 && words.next().is_some_and(is_month_word);
            let head = l[..at].trim();
            // (The month before the day: "Sara Jaff September 27, 2024".)
            let (head, month_first) = match head.rsplit_once(' ') {
                Some((name, month)) if is_month_word(month) => (name.trim(), true),
                _ => (head, false),
            };
            names_alone(head).filter(|_| at > 0 && (numeric || day_month || month_first))
        })
        .filter(|names| !names.iter().any(|n| people::is_place(n)))
}

/// "September", "Sept.", "sep": a month's name in English, written out or
/// cut short (not "Marwan", which `month_number` alone would take for March).
fn is_month_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    super::dates::month_number(&w)
        .and_then(|m| chrono::Month::try_from(u8::try_from(m).ok()?).ok())
        .is_some_and(|m| m.name().to_lowercase().starts_with(&w))
}

/// A field of a date line that names an outlet ("Jane Roe | Harbour Times
/// | September 27, 2024"): a known outlet, or a proper name with an
/// outlet's word, without figures.
fn outlet_field(l: &str) -> Option<String> {
    // ("Jane Roe - Harbour Times - September 27, 2024": dashes between fields.)
    let fields = l
        .split(['|', '·', '•'])
        .flat_map(|f| f.split(" - "))
        .flat_map(|f| f.split(" – "));
    fields.map(str::trim).find_map(|f| {
        if f.is_empty() || f.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some((name, _)) = known_outlet(f) {
            return Some(name.to_string());
        }
        header::is_publication_name(f).then(|| f.to_string())
    })
}

/// A blog theme's entry meta: the account or author, "on", the date, its
/// categories, its comments ("admin on 26 July 2024", "Editor on Sep 26,
/// 2024 in Politics, Security", "Jane Roe September 26, 2024 0 Comments",
/// "September 26, 2024 Jane Roe Leave a comment"). A byline with its date
/// (an account's name is no author).
fn entry_meta(line: &str, style: DateStyle) -> Option<Byline> {
    static COMMENTS: OnceLock<Regex> = OnceLock::new();
    let comments = COMMENTS.get_or_init(|| {
        Regex::new(r"(?i)\s*[|·•–-]?\s*(?:(?:\d+|no|one)\s+comments?|leave an?\s+(?:comment|reply)|comments?\s+(?:off|closed))$").unwrap()
    });
    static ON: OnceLock<Regex> = OnceLock::new();
    let on = ON.get_or_init(|| {
        Regex::new(r"^(?P<who>\S[\w .'’-]{0,40}?)\s+on\s+(?P<date>\S.*?\d{4})(?:\s+in\s+\p{Lu}[\w &’'-]*(?:,\s*\p{Lu}[\w &’'-]*)*)?$").unwrap()
    });
    let counted = comments.find(line);
    let line = counted.map_or(line, |m| &line[..m.start()]).trim();
    let account = |who: &str| {
        matches!(
            who.to_lowercase().as_str(),
            "admin" | "administrator" | "editor" | "author" | "webmaster" | "site admin"
        )
    };
    let mut b = Byline::default();
    if let Some(c) = on.captures(line) {
        let who = c["who"].trim();
        // ("By Jane Roe on 27 September 2024": the byline's word.)
        let who = if header::opens_with_by(who) {
            who[3..].trim_start()
        } else {
            who
        };
        b.date = Some(parse_date_line(&c["date"], style, 0)?);
        if !account(who) {
            b.authors = names_alone(who)?;
        }
        return Some(b);
    }
    // Without "on", only with the comments' count to say what the line is:
    // the name and the date run together, either first.
    counted?;
    if let Some((names, d)) = header::names_then_date(line, style)
        && let Some(authors) =
            names_alone(names.trim()).or_else(|| account(names.trim()).then(Vec::new))
    {
        b.authors = authors;
        b.date = Some(d);
        return Some(b);
    }
    let d = parse_date_line(line, style, 3)?;
    // ("DATE - Jane Roe - No Comments": fields set apart by dashes.)
    let who = line
        .strip_prefix(d.text.as_str())?
        .trim_start_matches(|c: char| c.is_whitespace() || "|·•–—-".contains(c))
        .trim();
    b.authors = match who {
        "" => Vec::new(),
        w if account(w) => Vec::new(),
        w => names_alone(w)?,
    };
    b.date = Some(d);
    Some(b)
}

/// Does `line` end as a date line does: a year, or a time ("11:40",
/// "6:12 PM", "14.32 BST")?
fn ends_like_a_date(line: &str) -> bool {
    // And begins as a name does: not with a date, a weekday or a label.
    let first = line.split_whitespace().next().unwrap_or("");
    let name_like = first.starts_with(char::is_uppercase)
        // (A month's name or its abbreviation, not a name that opens like
        // one: "Jane", "Julian", "Marcus".)
        && !super::dates::is_calendar_word(first.trim_end_matches(['.', ',']))
        && !people::is_time_word(first.trim_end_matches([',', '.']))
        && (!header::is_common_word(first) || people::has_given_name(first));
    name_like
        && line
            .trim_end()
            .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
}

/// A "Read more" label between two paragraphs of the article (the link it
/// labelled was not scraped): text above it and a paragraph of prose, not a
/// teaser's headline, under it.
fn label_inside_text(i: usize, shapes: &[Shape], kinds: &[Kind]) -> bool {
    box_inside_text(i, i + 1, shapes, kinds)
}

/// Text above line `i`, and a paragraph of prose at or past line `below`
/// (past any chrome): lines `i..below` are set inside the article.
fn box_inside_text(i: usize, below: usize, shapes: &[Shape], kinds: &[Kind]) -> bool {
    let above = kinds[..i]
        .iter()
        .rposition(|k| matches!(k, Kind::Text(_) | Kind::Chrome(_)));
    let below = past_chrome(kinds, below);
    above.is_some_and(|a| matches!(kinds[a], Kind::Text(Density::Good | Density::NearGood)))
        && below.is_some_and(|b| {
            matches!(kinds[b], Kind::Text(Density::Good | Density::NearGood))
                && shapes[b].sentence_end
                && shapes[b].words >= 12
        })
}

/// "Related Articles" over a few headlines, set between two paragraphs of
/// the article (the story goes on below the box): the headlines are
/// teasers, looked past like the heading (`label_inside_text`), so the
/// paragraphs under the box stay the article's. A paragraph is a finished
/// sentence of twelve words or more; a headline has no full stop.
fn links_of_a_promo_inside_text(shapes: &[Shape], kinds: &mut [Kind]) {
    for i in 0..kinds.len() {
        if !matches!(&kinds[i], Kind::Chrome(why) if why == "promo heading") {
            continue;
        }
        // (Up to six headlines, each maybe under its rank: "1", "2".)
        let links = (i + 1..kinds.len().min(i + 13))
            .take_while(|&j| {
                matches!(kinds[j], Kind::Text(_))
                    && !shapes[j].sentence_end
                    && ((3..=20).contains(&shapes[j].words) || shapes[j].chars <= 2)
            })
            .count();
        if links > 0 && box_inside_text(i, i + links + 1, shapes, kinds) {
            for k in &mut kinds[i + 1..=i + links] {
                *k = Kind::Chrome("teaser".to_string());
            }
        }
    }
}

/// A newsletter's box set between two paragraphs: its call ("Sign up for
/// our newsletter"), then up to four short lines (its promise, "Enter your
/// email", a "Subscribe" button) before the story goes on. The box is one
/// call to action, looked past; a box at the article's end is left alone.
fn newsletter_box_inside_text(shapes: &[Shape], kinds: &mut [Kind]) {
    let paragraph = |k: &Kind, s: &Shape| {
        matches!(k, Kind::Text(Density::Good | Density::NearGood))
            && s.sentence_end
            && s.words >= 12
    };
    for i in 1..kinds.len() {
        if !matches!(&kinds[i], Kind::Chrome(why) if why == "call to action")
            || !paragraph(&kinds[i - 1], &shapes[i - 1])
        {
            continue;
        }
        let end = (i + 1..kinds.len().min(i + 6)).find(|&j| paragraph(&kinds[j], &shapes[j]));
        let Some(end) = end else { continue };
        let boxed = (i + 1..end).all(|j| match &kinds[j] {
            Kind::Text(_) => shapes[j].words <= 16,
            Kind::Chrome(why) => terminates(why).is_none(),
            _ => false,
        });
        if boxed {
            for k in &mut kinds[i + 1..end] {
                *k = Kind::Chrome("call to action".to_string());
            }
        }
    }
}

/// A subscription's pitch over the page's last call to action ("Join
/// hundreds of professionals with Harbour PRO." / "Analysts use PRO to
/// follow the region." / "Subscribe now"): up to three short lines right
/// above a closing button, from the first that asks the reader to join,
/// subscribe or sign up, are the button's box. A short last paragraph that
/// asks nothing stays.
fn pitch_over_a_closing_call(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind]) {
    static R: OnceLock<Regex> = OnceLock::new();
    let pitch = R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:join|subscrib\w*|membership|premium|free trial|unlimited access|sign up|newsletter|become a member)\b").unwrap()
    });
    let is_call =
        |k: &Kind| matches!(k, Kind::Chrome(why) if why == "navigation" || why == "call to action");
    // The last call, with nothing but chrome or a few words after it.
    let Some(call) = kinds.iter().rposition(is_call) else {
        return;
    };
    let closing = (call + 1..kinds.len())
        .all(|j| matches!(kinds[j], Kind::Chrome(_)) || shapes[j].words <= 8);
    if !closing || call == 0 {
        return;
    }
    let above = (call.saturating_sub(3)..call)
        .rev()
        .take_while(|&j| matches!(kinds[j], Kind::Text(_)) && shapes[j].words <= 25);
    let Some(first) = above.filter(|&j| pitch.is_match(&lines[j].text)).last() else {
        return;
    };
    for k in &mut kinds[first..call] {
        *k = Kind::Chrome("call to action".to_string());
    }
}

/// One line of chrome that cannot end an article, between two of its
/// paragraphs: a share bar, a button or a promo printed inside the
/// article ("Print this page", "Report an error"). Both are finished
/// sentences of twelve words or more, and the article has begun above:
/// the paragraph above is good on its own or has another before it, so a
/// standfirst over a share bar stays where the page's header leaves it.
fn inside_paragraphs(i: usize, shapes: &[Shape], kinds: &[Kind]) -> bool {
    let paragraph = |j: usize| {
        matches!(kinds[j], Kind::Text(Density::Good | Density::NearGood))
            && shapes[j].sentence_end
            && shapes[j].words >= 12
    };
    let text_above = |end: usize| {
        kinds[..end]
            .iter()
            .rposition(|k| matches!(k, Kind::Text(_) | Kind::Chrome(_)))
    };
    let Some(above) = text_above(i).filter(|&a| paragraph(a)) else {
        return false;
    };
    let begun =
        kinds[above] == Kind::Text(Density::Good) || text_above(above).is_some_and(paragraph);
    begun && past_chrome(kinds, i + 1).is_some_and(paragraph)
}

/// How each line stands for the context pass: text with its class, chrome
/// (and every `boundary`: the headline and what is above it, the masthead,
/// an author box), or an aside looked past (an advert, a teaser, a caption
/// dropped into the article).
fn standings(
    (lines, shapes, kinds): (&[Line], &[Shape], &[Kind]),
    meta: &SourceMeta,
    boundary: impl Fn(usize) -> bool,
) -> Vec<Standing> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            match k {
                _ if boundary(i) => Standing::Chrome,
                Kind::Text(class) => Standing::Text {
                    class: *class,
                    heading: is_section_heading(i, lines, shapes, kinds, meta),
                },
                // A single line dropped into the article (an advert, a
                // teaser, a caption) is looked past, not a boundary.
                Kind::Chrome(why) if INTERRUPTIONS.contains(&why.as_str()) => Standing::Aside,
                // A byline the chrome patterns know ("Reporting from
                // Baghdad", "Gulf Wire staff") is looked past as a byline
                // read as one is.
                Kind::Chrome(why) if why == "byline" => Standing::Aside,
                // One line of chrome that cannot end an article, between
                // its text and a paragraph of it: a share bar, a promo's
                // heading or a button printed inside the article.
                Kind::Chrome(why)
                    if why == "promo heading" && label_inside_text(i, shapes, kinds) =>
                {
                    Standing::Aside
                }
                // (A rule drawn across the page divides the article from
                // what is under it: not looked past.)
                Kind::Chrome(why)
                    if terminates(why).is_none()
                        && why != "separator"
                        && inside_paragraphs(i, shapes, kinds) =>
                {
                    Standing::Aside
                }
                // A live page's "Share" under each entry, over the next
                // entry's stamp.
                Kind::Chrome(why)
                    if why == "share buttons"
                        && matches!(kinds.get(i + 1), Some(Kind::Chrome(next)) if next == "timestamp") =>
                {
                    Standing::Aside
                }
                Kind::Chrome(_) => Standing::Chrome,
                _ => Standing::Aside,
            }
        })
        .collect()
}

/// Find the article in `text` (with what `meta` says of the page).
pub fn clean(
    text: &str,
    meta: &SourceMeta,
    boilerplate: &Boilerplate,
    corpus: &CorpusWords,
) -> CleanArticle {
    let style = DateStyle::of(text);
    let lines = logical_lines(text);
    let shapes = shapes_of(&lines);
    let mut kinds = verdicts(&lines, &shapes, meta, boilerplate, style);
    lines_beside_the_article(&lines, &shapes, &mut kinds);
    text_size_button(&lines, &mut kinds);
    summaries_and_briefers(&lines, &mut kinds);
    pull_quotes(&lines, &mut kinds);
    let mut page_start = unwrap_saved_page(&mut kinds);
    // The page's address copied above it (a browser's address bar): the
    // page opens under it.
    while page_start < lines.len().min(3)
        && matches!(&kinds[page_start], Kind::Chrome(why) if why == "address")
    {
        page_start += 1;
    }
    lead_previewed_above_headline(&lines, &shapes, &mut kinds);

    let (masthead, title) = masthead_and_headline(&lines, &shapes, &kinds, meta, page_start);

    // The context pass. Nothing above the headline is article; the
    // headline and the masthead are boundaries.
    let title_at = title.as_ref().map(|t| t.0);
    if let Some(h) = title_at {
        byline_under_headline(&lines, &mut kinds, h, style);
        byline_continued_past_buttons(&lines, &mut kinds, h);
        author_over_headline(&lines, &mut kinds, h);
        author_block_under_headline(&lines, &mut kinds, h);
        tags_under_the_date(&lines, &shapes, &mut kinds, h);
        headline_again_after_text(&lines, &shapes, &mut kinds, h);
        next_story_under_its_kicker(&lines, &shapes, &mut kinds, h);
    }
    // Again, now that the byline under the headline is read (a note beside
    // the others was set aside before the headline was chosen).
    author_notes(&lines, &mut kinds);
    signature_at_the_end(&lines, &mut kinds);
    links_of_a_promo_inside_text(&shapes, &mut kinds);
    newsletter_box_inside_text(&shapes, &mut kinds);
    pitch_over_a_closing_call(&lines, &shapes, &mut kinds);
    if let Some(m) = &masthead {
        masthead_datelines(&lines, &mut kinds, m);
        outlet_description(&lines, &mut kinds, m);
    }
    let author_box = closing_author_box(&lines, &kinds);
    let boundary = |i: usize| {
        title_at.is_some_and(|t| i <= t)
            || Some(i) == masthead.as_ref().map(|m| m.index)
            || Some(i) == author_box
    };
    let standing = standings((&lines, &shapes, &kinds), meta, boundary);
    let lengths: Vec<usize> = shapes.iter().map(|s| s.chars).collect();
    let mut classes = smooth(&standing, &lengths);
    short_sentences_after_text(&lines, &standing, &shapes, &mut classes);
    let ended = end_at_terminators((&kinds, &shapes), &standing, &mut classes, author_box);
    bylines_after_the_end(&mut kinds, ended);

    let mut art = CleanArticle {
        captions: captions(&lines, &kinds),
        ..CleanArticle::default()
    };
    let body = article_lines(&lines, &shapes, &kinds, &standing, &mut classes);
    let first_body = body.first().copied().unwrap_or(lines.len());
    let last_body = body.last().copied().unwrap_or(0);
    for &i in &body {
        // "The following is attributable to Spokesperson Jane Roe:" leads
        // into what follows as a sentence does ("Key points:" is a label).
        let lead_in = shapes[i].words >= 5 && lines[i].text.trim_end().ends_with(':');
        // "JANE ROE, HOST:" on its own line: who speaks next, not a section.
        let speaker = lines[i].text.trim_end().ends_with(':')
            && header::transcript_speaker(&lines[i].text).is_some();
        // (A standfirst the markup marks is the article's first paragraph.)
        let standfirst = meta.mark(lines[i].no) == Some(MarkKind::Standfirst);
        let heading = !shapes[i].sentence_end
            && !lead_in
            && !speaker
            && !standfirst
            && shapes[i].words <= 15
            && (is_heading_shaped(&lines[i].text, &shapes[i])
                || matches!(meta.mark(lines[i].no), Some(MarkKind::Heading(_))));
        push_block(&mut art, &lines[i], heading, corpus);
    }

    decide_outlet_and_authors(
        &mut art,
        &lines,
        &kinds,
        (title.as_ref(), masthead.as_ref()),
        meta,
        body.first().copied(),
    );

    let lead: String = body
        .iter()
        .take(2)
        .map(|&i| lines[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // Dates after the article has ended (a comment's) are not its own.
    let dated = &kinds[..ended.unwrap_or(kinds.len())];
    // A standfirst kept as the body's first line may stand above the byline
    // and the date: a date before the first paragraph is the page's.
    let first_paragraph = first_paragraph(&body, &classes, &shapes).unwrap_or(first_body);
    art.published = choose_date(
        &lines,
        dated,
        meta,
        style.with_lead(&lead),
        (title.as_ref().map(|t| t.0), first_body..first_paragraph),
        last_body,
    )
    .or_else(|| dated_dateline(&lines, &body, style.with_lead(&lead)))
    .or_else(|| yearless_dateline(&lines, &kinds, &body, style.with_lead(&lead)));
    if let Some(title) = title {
        art.title = Some(finish_headline(title, &lines, corpus, &mut art.repairs));
    }
    let mut left_out = dropped(
        &lines,
        &kinds,
        &classes,
        &art,
        masthead.as_ref(),
        first_body,
        ended,
    );
    left_out.append(&mut art.dropped);
    // A clipper's fields, read as the page's metadata when the file was.
    left_out.extend((1..=meta.field_lines).map(|line| Dropped {
        line,
        text: String::new(),
        reason: "the clipper's metadata fields".to_string(),
    }));
    left_out.sort_by_key(|d| d.line);
    art.dropped = left_out;
    art
}

/// The headline chosen at line `i`, finished: the site's name after it,
/// a section's label or a wire's status tag before it left off, words
/// broken by the page repaired (the repairs noted in `repairs`).
fn finish_headline(
    (i, text, mut why): (usize, String, String),
    lines: &[Line],
    corpus: &CorpusWords,
    repairs: &mut Vec<(String, String)>,
) -> Decided<String> {
    let text = match site_suffix(&text, lines, i) {
        Some((head, site)) => {
            why.push_str(&format!("; the site's name after it left off ({site:?})"));
            head.to_string()
        }
        None => text,
    };
    let text = match header::kicker_rest(&text) {
        Some(rest) if !header::headline_shaped(&text, &Shape::of(&text), false) => {
            why.push_str("; the label before it left off");
            rest.to_string()
        }
        _ => text,
    };
    let text = match header::without_wire_tag(&text) {
        Some(rest) => {
            why.push_str("; the wire's status tag before it left off");
            rest.to_string()
        }
        None => text,
    };
    let (fixed, reps) = repair_headline(&text, corpus);
    repairs.extend(reps);
    Decided {
        value: fixed,
        line: Some(lines[i].no),
        why,
    }
}

/// "Iraqi Foreign Minister Fuad Hussein welcomed the decision.": a short
/// paragraph that is a whole sentence, right after good text, goes on with
/// the article even when chrome follows it (the tags under the last
/// paragraph). jusText drops a short block between good and bad, and a
/// sentence crowded with names has too few stop words to count as text;
/// a sentence of six words or more, not in title case, is not how page
/// chrome is written (the chrome that is, a call to action, a notice, is
/// known by its words).
fn short_sentences_after_text(
    lines: &[Line],
    standing: &[Standing],
    shapes: &[Shape],
    classes: &mut [Density],
) {
    let mut prev_good = false;
    for i in 0..standing.len() {
        match standing[i] {
            Standing::Aside => {}
            // (A near-good sentence too: smoothing made it bad only because
            // the sentence above it, rescued here, was bad on its own.)
            Standing::Text {
                class: Density::Short | Density::Bad | Density::NearGood,
                heading: false,
            } if prev_good
                && classes[i] == Density::Bad
                && ends_with_full_stop(&lines[i].text)
                && shapes[i].starts_like_a_sentence
                && (6..=40).contains(&shapes[i].words)
                && (shapes[i].capitalised_share < 0.8 || says_in_lower_case(&lines[i].text)) =>
            {
                classes[i] = Density::Good;
            }
            _ => prev_good = classes[i] == Density::Good,
        }
    }
}

/// "President Abdul Latif Rashid met Kurdistan Region President Nechirvan
/// Barzani in Baghdad.": a sentence crowded with names still has its verb
/// in lower case, where a headline in title case capitalises every word
/// but the grammar words ("Iraq Says Coalition Talks to Set Timetable.").
fn says_in_lower_case(text: &str) -> bool {
    text.split_whitespace().skip(1).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.chars().count() >= 3
            && w.chars().all(char::is_lowercase)
            && !super::lines::is_stop_word(w)
    })
}

/// A statement's end: a full stop, maybe inside a closing quote (a teaser
/// asks: "Who are Iraq's armed factions?").
fn ends_with_full_stop(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with('.')
}

/// The lines of the article: good text in context; failing any, the lines
/// that are prose on their own; never a bare label above the first
/// paragraph. `classes` is updated to match.
fn article_lines(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    standing: &[Standing],
    classes: &mut [Density],
) -> Vec<usize> {
    let mut body: Vec<usize> = (0..lines.len())
        .filter(|&i| classes[i] == Density::Good && matches!(kinds[i], Kind::Text(_)))
        .collect();
    if body.is_empty() {
        // Nothing reads as article text in context (a page of one short
        // paragraph): keep the lines that are prose on their own.
        // Past a promo heading ("Related"), a teaser's headline (no full
        // stop: "What has changed?") is not prose; past a hard terminator
        // nothing is.
        let mut after_promo = false;
        for i in 0..lines.len() {
            if let Kind::Chrome(why) = &kinds[i] {
                match terminates(why) {
                    Some(true) if !body.is_empty() => break,
                    Some(false) => after_promo = true,
                    _ => {}
                }
                continue;
            }
            if matches!(kinds[i], Kind::Text(Density::Good | Density::NearGood))
                && standing[i] != Standing::Chrome
                && (!after_promo || lines[i].text.trim_end().ends_with(['.', '"', '”']))
            {
                body.push(i);
                after_promo = false;
            }
        }
        for &i in &body {
            classes[i] = Density::Good;
        }
    }
    // A label right above the first paragraph ("Brief Analysis", "Exclusive")
    // passes jusText's heading rule, but an article opens with its text. (A
    // live blog's first entry heading says something: "Biden: 'We shall
    // respond'" has punctuation, a label has words alone.)
    let label = |i: usize| {
        shapes[i].words <= 3
            && lines[i].text.chars().all(|c| c.is_alphabetic() || c == ' ')
            && is_heading_shaped(&lines[i].text, &shapes[i])
    };
    while body.len() > 1 && label(body[0]) {
        classes[body[0]] = Density::Bad;
        body.remove(0);
    }
    body
}

/// The outlet, from every candidate the page offers, and the authors the
/// bylines named, less the outlet's own name.
fn decide_outlet_and_authors(
    art: &mut CleanArticle,
    lines: &[Line],
    kinds: &[Kind],
    (title, masthead): (Option<&(usize, String, String)>, Option<&Masthead>),
    meta: &SourceMeta,
    first_body: Option<usize>,
) {
    let mut outlets = credits_and_outlets(
        art,
        lines,
        kinds,
        title.map(|t| t.0),
        masthead,
        meta,
        first_body,
    );
    outlets.extend(labelled_outlets(
        lines,
        kinds,
        meta,
        title.map(|t| t.1.as_str()),
    ));
    // Asked only of a known outlet's name (rarely): no lower-case copy of
    // every page.
    let on_page = |name: &str| {
        let name = name.to_lowercase();
        lines.iter().any(|l| l.text.to_lowercase().contains(&name))
    };
    if let Some((name, why)) = choose_outlet(outlets, on_page) {
        art.outlet = Some(Decided {
            value: header::outlet_in_name_case(name, lines),
            line: None,
            why,
        });
    }
    art.authors.dedup();
    // No byline names anyone (a byline element printing the name beside a
    // place, "Faisal Al Marri Baghdad"): the page's metadata may.
    // (A desk there, "Harbour Wire Newsroom", names no author.)
    if art.authors.is_empty() {
        art.authors = meta
            .authors
            .iter()
            .filter(|a| header::desk_credit(a).is_none())
            .cloned()
            .collect();
    }
    // "Baghdad - Al-Rafidain Daily": the outlet's own name in a byline's
    // place is its desk, not a person.
    if let Some(o) = &art.outlet {
        let outlet = normalise(&o.value);
        art.authors.retain(|a| normalise(a) != outlet);
        // "By BRIAN KOENIG MILITARY STARS", "By Chad Garland Stars and
        // Stripes • date": the outlet's name printed right after the
        // author's, read into the name up to the first joining word.
        let bylines: Vec<String> = (0..lines.len())
            .filter(|&i| matches!(kinds[i], Kind::Byline(_)))
            .map(|i| normalise(&lines[i].text))
            .collect();
        for a in &mut art.authors {
            if let Some(kept) = without_outlet_tail(a, &outlet, &bylines) {
                // ("LEO SHANE III STARS" was read in name case whole.)
                *a = header::generation_in_capitals(kept);
            }
        }
    }
}

/// `author` less the first words of `outlet` read into its end, when a
/// byline prints the rest of the name followed by the whole outlet's name
/// ("Chad Garland Stars" under "By Chad Garland Stars and Stripes"). At
/// least two words of the name are kept. `outlet` and `bylines` are
/// normalised.
fn without_outlet_tail(author: &str, outlet: &str, bylines: &[String]) -> Option<String> {
    let words: Vec<&str> = author.split_whitespace().collect();
    (2..words.len()).find_map(|keep| {
        // Whole words of the outlet's name, from its first.
        let tail = words[keep..].join(" ").to_lowercase();
        if !(outlet == tail || outlet.starts_with(&format!("{tail} "))) {
            return None;
        }
        let kept = words[..keep].join(" ");
        let printed = format!("{} {outlet}", kept.to_lowercase());
        bylines.iter().any(|b| b.contains(&printed)).then_some(kept)
    })
}

/// What a date line credits: the agency whose story it is ("AFP Published
/// DATE"), and the outlet whose desk signs it ("May 22, 2024 | Gulf Tribune
/// Staff"; a wire's desk is an agency's credit).
fn date_line_credits(text: &str) -> (Option<String>, Option<String>) {
    let mut agency = super::dates::agency_before_label(text).map(|(a, _)| canonical(a));
    let mut desk = header::desk_in_date_line(text);
    if desk.as_deref().is_some_and(is_wire) {
        agency = agency.or(desk.take().map(|d| canonical(&d)));
    }
    (agency, desk)
}

/// Credits, bylines and speakers found anywhere on the page go into `art`;
/// returns every candidate for the outlet with where it comes from: the
/// metadata, a "Headline | Outlet" page title above the headline, the
/// masthead, bylines, outlet and copyright lines, the first paragraph's
/// dateline.
/// The metadata's site name as an outlet: "shafaq.com" (the site's
/// address as its name for sharing) is the outlet the gazetteer knows by
/// that address.
fn metadata_outlet(name: &str) -> String {
    (!name.contains(' ') && name.contains('.'))
        .then(|| super::entities::outlet_of_domain(&name.to_ascii_lowercase().replace("www.", "")))
        .flatten()
        .map_or_else(|| name.to_string(), str::to_string)
}

fn credits_and_outlets(
    art: &mut CleanArticle,
    lines: &[Line],
    kinds: &[Kind],
    title_at: Option<usize>,
    masthead: Option<&Masthead>,
    meta: &SourceMeta,
    first_body: Option<usize>,
) -> Vec<(OutletSource, String, Option<usize>)> {
    let mut outlets: Vec<(OutletSource, String, Option<usize>)> = Vec::new();
    if let Some(o) = &meta.outlet {
        outlets.push((OutletSource::Metadata, metadata_outlet(o), None));
    }
    outlets.extend(outlets_by_the_headline(lines, kinds, title_at, meta));
    if let Some(m) = masthead {
        outlets.push((
            OutletSource::Masthead,
            m.name.clone(),
            Some(lines[m.index].no),
        ));
    }
    for (i, k) in kinds.iter().enumerate() {
        let no = lines[i].no;
        match k {
            Kind::Byline(b) => {
                // An author box may name the byline's authors again.
                for a in &b.authors {
                    if !art.authors.iter().any(|x| normalise(x) == normalise(a)) {
                        art.authors.push(a.clone());
                    }
                }
                if let Some((name, role)) = &b.speaker {
                    art.speakers.push((name.clone(), role.clone(), no));
                }
                art.attribution
                    .extend(b.credits.iter().map(|c| (c.clone(), no)));
                if let Some(o) = &b.outlet {
                    outlets.push((OutletSource::Byline, o.clone(), Some(no)));
                } else if let Some(o) = outlet_under_byline(lines, kinds, i) {
                    outlets.push((OutletSource::Byline, o, Some(lines[i + 1].no)));
                }
            }
            Kind::Credit(_) if masthead.is_some_and(|m| m.index == i) => {}
            // "Washington CNN —": the outlet or agency the dateline credits.
            Kind::Chrome(why) if why == "dateline" => {
                if let Some(credit) =
                    header::standalone_dateline(&lines[i].text).and_then(|d| d.credit)
                {
                    if is_wire(&credit) {
                        art.attribution.push((credit, no));
                    } else {
                        outlets.push((OutletSource::Dateline, credit, Some(no)));
                    }
                }
            }
            // "Source: Harbour Daily and news agencies": the outlet's own
            // desk, with the agencies it drew on; any other name credited
            // is a story the page carries.
            Kind::Credit(names) => {
                let own_desk = header::credits_own_desk(&lines[i].text);
                for n in names {
                    if own_desk && !is_wire(n) {
                        outlets.push((OutletSource::SourceLine, n.clone(), Some(no)));
                    } else {
                        art.attribution.push((n.clone(), no));
                    }
                }
            }
            Kind::OutletLine(name) => {
                outlets.push((OutletSource::OutletLine, name.clone(), Some(no)))
            }
            // "This story has not been edited by Deccan Wire staff": the
            // site that reprints the feed names itself.
            Kind::Chrome(why) if why == "syndication note" => {
                if let Some(name) = header::unedited_by(&lines[i].text) {
                    outlets.push((OutletSource::OutletLine, name, Some(no)));
                }
            }
            // "AFP Published DATE": the agency whose story the page carries.
            Kind::Date(_) => {
                let (agency, desk) = date_line_credits(&lines[i].text);
                art.attribution.extend(agency.map(|a| (a, no)));
                outlets.extend(desk.map(|o| (OutletSource::Byline, o, Some(no))));
            }
            // "Reuters contributed to this report": the agencies it credits;
            // "This article was originally published by X": the publisher
            // whose piece the page reprints, whichever it is.
            Kind::Chrome(why) if why == "wire credit" => {
                let mut names = super::entities::wires_named_in(&lines[i].text);
                if names.is_empty() {
                    names.extend(header::republished_from(&lines[i].text));
                }
                art.attribution.extend(names.into_iter().map(|w| (w, no)));
            }
            Kind::Chrome(why) if why == "copyright" || why == "photo caption" => {
                if let Some(o) = outlet_from_copyright(&lines[i].text) {
                    if is_wire(&o) {
                        art.attribution.push((canonical(&o), no));
                    }
                    if why == "copyright" {
                        outlets.push((OutletSource::Copyright, o, Some(no)));
                    }
                }
            }
            _ => {}
        }
    }
    outlets.extend(weak_outlet_evidence(lines, kinds, meta, first_body));
    if let Some(i) = first_body
        && let Some(d) = dateline(&lines[i].text)
        && let Some(credit) = d.credit
    {
        // "ARLINGTON, Va., Jan. 29, 2024 /PRNewswire/ --", "MOSCOW, January
        // 25. /TASS/.": the agency or distributor that carried the story,
        // which the page reprints or the issuer wrote; not its publisher.
        let slashed = lines[i].text.contains(&format!("/{credit}/"));
        if slashed || is_wire(&credit) {
            art.attribution.push((canonical(&credit), lines[i].no));
            // A bylined wire story on a page that names no publisher of its
            // own is the agency's own page (see `choose_outlet`).
            if !slashed && !art.authors.is_empty() {
                outlets.push((
                    OutletSource::Dateline,
                    canonical(&credit),
                    Some(lines[i].no),
                ));
            }
        } else if masthead.is_some_and(|m| !lines[m.index].text.contains(&credit))
            && outlets
                .iter()
                .any(|(s, o, _)| *s == OutletSource::Copyright && *o == credit)
        {
            // A story another publisher credits and owns ("(Harbor Financial)
            // -- ...", "©2024 Harbor Financial") under this site's masthead:
            // a syndicated story.
            art.attribution.push((credit, lines[i].no));
        } else if credit.chars().any(char::is_lowercase)
            || masthead.is_some_and(|m| lines[m.index].text.contains(&credit))
        {
            outlets.push((OutletSource::Dateline, credit, Some(lines[i].no)));
        }
    }
    outlets
}

/// The host of the page's own address: its metadata's, else the first
/// address the page prints outside its text ("https://www.example.com/..."
/// copied over a scrape, "Source: example.com" under it).
fn own_host(lines: &[Line], kinds: &[Kind], meta: &SourceMeta) -> Option<String> {
    meta.address
        .as_deref()
        .and_then(header::host_in)
        .or_else(|| {
            (0..lines.len())
                .filter(|&i| !matches!(kinds[i], Kind::Text(_)))
                .find_map(|i| header::host_in(&lines[i].text))
        })
}

/// "By Jane Roe" / "Harbour Herald" / "Saturday 28 September 2024": the
/// publication's name alone on the line under the byline `i`, before its
/// date or the text. Only a name with a publication's word in it (a
/// person's title or a place would be read so otherwise).
fn outlet_under_byline(lines: &[Line], kinds: &[Kind], i: usize) -> Option<String> {
    let next = lines.get(i + 1)?;
    let then = kinds.get(i + 2);
    let t = next.text.trim();
    (matches!(kinds[i + 1], Kind::Text(_) | Kind::Chrome(_))
        && matches!(then, Some(Kind::Date(_) | Kind::Text(_)) | None)
        && header::has_outlet_word(t)
        && header::is_proper_name(t)
        // ("Category: Local News": a field's label says what it is.)
        && !t.contains(':')
        && t.split_whitespace().count() <= 5)
        .then(|| t.to_string())
}

/// The outlets the headline names: the page's title over it ("Headline |
/// Outlet"), the publication's name under it, or, with no headline in the
/// text, the <title>'s site ("Headline | Sumer Today", the headline then
/// taken from it).
fn outlets_by_the_headline(
    lines: &[Line],
    kinds: &[Kind],
    title_at: Option<usize>,
    meta: &SourceMeta,
) -> Vec<(OutletSource, String, Option<usize>)> {
    let Some(t) = title_at else {
        return meta
            .title
            .as_deref()
            .and_then(title_and_site)
            .map(|(_, site)| (OutletSource::PageTitle, site.to_string(), None))
            .into_iter()
            .collect();
    };
    let mut outlets = page_title_outlets(lines, t, meta);
    if let Some(o) = outlet_under_headline(lines, kinds, t) {
        outlets.push((OutletSource::OutletLine, o, Some(lines[t + 1].no)));
    }
    outlets
}

/// "Headline" / "Harbour Herald" / "September 28, 2024": the publication's
/// name alone on the line under the headline `t`, over the date or the
/// byline (a dek or a kicker is followed by neither). Only a name with a
/// publication's word in it, or a known outlet.
fn outlet_under_headline(lines: &[Line], kinds: &[Kind], t: usize) -> Option<String> {
    let next = lines.get(t + 1)?.text.trim();
    (matches!(kinds[t + 1], Kind::Text(_) | Kind::Chrome(_))
        && matches!(kinds.get(t + 2), Some(Kind::Date(_) | Kind::Byline(_)))
        && header::is_publication_name(next)
        && !next.contains(':')
        && next.split_whitespace().count() <= 5)
        .then(|| next.to_string())
}

/// Weak evidence of the outlet, for pages that name it nowhere else: a
/// link on the outlet's domain, the footer's "About" link, and the outlet
/// the article's sources spoke to.
fn weak_outlet_evidence(
    lines: &[Line],
    kinds: &[Kind],
    meta: &SourceMeta,
    first_body: Option<usize>,
) -> Vec<(OutletSource, String, Option<usize>)> {
    let mut outlets = Vec::new();
    let address = meta
        .address
        .as_deref()
        .and_then(header::outlet_of_address)
        .map(|o| (o, None))
        .or_else(|| {
            lines
                .iter()
                .find_map(|l| Some((header::outlet_of_address(&l.text)?, Some(l.no))))
        });
    if let Some((name, no)) = address {
        outlets.push((OutletSource::Address, name.to_string(), no));
    } else if let Some((name, no)) =
        own_host(lines, kinds, meta).and_then(|h| header::outlet_spelt_by_address(&h, lines))
    {
        outlets.push((OutletSource::Address, name, Some(no)));
    }
    let footer = (first_body.unwrap_or(0)..lines.len()).find_map(|i| {
        let near = lines[i.saturating_sub(2)..(i + 3).min(lines.len())]
            .iter()
            .filter(|l| l.no != lines[i].no)
            .map(|l| l.text.as_str());
        Some((header::footer_about(&lines[i].text, near)?, lines[i].no))
    });
    if let Some((name, no)) = footer {
        outlets.push((OutletSource::FooterAbout, name, Some(no)));
    }
    let follow = (first_body.unwrap_or(0)..lines.len())
        .find_map(|i| Some((header::follow_call(&lines[i].text)?, lines[i].no)));
    if let Some((name, no)) = follow {
        outlets.push((OutletSource::FollowCall, name, Some(no)));
    }
    let interview = (0..lines.len())
        .filter(|&i| matches!(kinds[i], Kind::Text(_)))
        .find_map(|i| Some((header::interviewing_outlet(&lines[i].text)?, lines[i].no)));
    if let Some((name, no)) = interview {
        outlets.push((OutletSource::Interview, name.to_string(), Some(no)));
    }
    outlets
}

/// Outlets that a label names: a post's publication ("Published in" /
/// "Frontline Analysis"), a saved page's `<title>` that is the site's
/// name alone ("Anbar News Network", not the `headline`), printed on the
/// page too, and the paper a printed page's running header names beside
/// its date ("THE NORTHERN TIMES | WEDNESDAY, JANUARY 31, 2024 | A7").
fn labelled_outlets(
    lines: &[Line],
    kinds: &[Kind],
    meta: &SourceMeta,
    headline: Option<&str>,
) -> Vec<(OutletSource, String, Option<usize>)> {
    let mut found: Vec<(OutletSource, String, Option<usize>)> = (0..lines.len())
        .find_map(|i| {
            let next = lines.get(i + 1).map(|l| l.text.as_str());
            let name = header::labelled_publication(&lines[i].text, next)?;
            Some((OutletSource::OutletLine, name, Some(lines[i].no)))
        })
        .into_iter()
        .collect();
    let running_header = (0..lines.len().min(8))
        .filter(|&i| matches!(kinds[i], Kind::Date(_)))
        .find_map(|i| {
            let (name, _) = lines[i].text.split_once('|')?;
            // "Source: Orient News Agency| 2024-09-27 21:05:30|Editor: ...":
            // a state agency's running header labels its own name.
            let name = name.trim();
            let name = name
                .strip_prefix("Source:")
                .or_else(|| name.strip_prefix("SOURCE:"))
                .map_or(name, str::trim);
            let paper =
                header::has_outlet_word(name) || known_outlet(name).is_some_and(|(_, wire)| !wire);
            // ("By Gulf Tribune Staff | Published: ...": a byline's desk.)
            (paper
                && !header::opens_with_by(name)
                && name.split_whitespace().count() <= 6
                && header::is_proper_name(name))
            .then(|| (header::title_case(name), lines[i].no))
        });
    if let Some((name, no)) = running_header {
        found.push((OutletSource::Masthead, name, Some(no)));
    }
    if let Some(site) = meta.title.as_deref().map(str::trim)
        && headline.is_none_or(|h| normalise(h) != normalise(site))
        && (header::has_outlet_word(site) || known_outlet(site).is_some())
        && header::is_proper_name(site)
        && lines
            .iter()
            .any(|l| header::contains_words(&l.text.to_lowercase(), &site.to_lowercase()))
    {
        found.push((OutletSource::OutletLine, site.to_string(), None));
    }
    found
}

/// Could line `i` head a section of the article: an HTML heading, or a line
/// with a heading's shape right above a paragraph (looking past dates and
/// bylines). A line above another short line is a list item, not a heading.
fn is_section_heading(
    i: usize,
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    meta: &SourceMeta,
) -> bool {
    if matches!(meta.mark(lines[i].no), Some(MarkKind::Heading(_))) {
        return true;
    }
    // One word alone ("Link", "Background") heads nothing in plain text:
    // it is a menu or share item more often than a section title.
    if shapes[i].words < 2 || !is_heading_shaped(&lines[i].text, &shapes[i]) {
        return false;
    }
    // Under "Trending:" or "Read more:" a line is a teaser's headline, and
    // so is every short line of the list it opens.
    // (A teaser list is a few lines: the walk stops after twelve, so a page
    // of thousands of short lines is not read back from each of them.)
    let mut top = i;
    while top > 0
        && i - top < 12
        && matches!(kinds[top - 1], Kind::Text(_))
        && !shapes[top - 1].sentence_end
        && shapes[top - 1].words <= 15
    {
        top -= 1;
    }
    if top > 0 && matches!(&kinds[top - 1], Kind::Chrome(why) if why == "promo heading") {
        return false;
    }
    let next = kinds[i + 1..]
        .iter()
        .find(|k| matches!(k, Kind::Text(_) | Kind::Chrome(_)));
    matches!(next, Some(Kind::Text(Density::Good | Density::NearGood)))
}

/// The masthead, when its line is not already something else. An outlet's
/// name alone at the very top of the page is its masthead ("FRANCE 24"),
/// not a credit of the story below it.
fn masthead_of(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    page_start: usize,
    page_title: Option<usize>,
) -> Option<Masthead> {
    let mut chrome: Vec<bool> = kinds.iter().map(|k| matches!(k, Kind::Chrome(_))).collect();
    // The page's title printed above its nameplate is no nameplate.
    if let Some(top) = page_title {
        chrome[top] = true;
    }
    let found = header::masthead(lines, shapes, &chrome, page_start)
        .map(|m| header::publisher_of_series(lines, &chrome, &m).unwrap_or(m))
        .or_else(|| outlet_in_the_top_bar(lines, shapes, kinds, page_start));
    found.filter(|m| match &kinds[m.index] {
        Kind::Text(_) | Kind::OutletLine(_) => true,
        // "ANHA | Hawar News Agency": read as a two-item menu.
        Kind::Chrome(_) => m.index == page_start && header::logo_beside_name(&lines[m.index].text),
        // ("Skip to main content" / "Military.com": chrome above it, or
        // the buttons of a top bar: "Search jobs", "International edition".)
        Kind::Credit(names) => {
            top_bar_above(shapes, kinds, m.index)
                && names.len() == 1
                && normalise(&lines[m.index].text) == normalise(&m.name)
        }
        _ => false,
    })
}

/// Only buttons, a menu and chrome above line `index`: "Search jobs",
/// "International edition" (at most three words each, no sentence).
fn top_bar_above(shapes: &[Shape], kinds: &[Kind], index: usize) -> bool {
    kinds[..index].iter().enumerate().all(|(j, k)| match k {
        Kind::Chrome(_) => true,
        Kind::Text(_) => shapes[j].words <= 3 && !shapes[j].sentence_end,
        _ => false,
    })
}

/// The site named in the top bar among its buttons and menu ("Sign in" /
/// "International edition" / "The Guardian" / "News"): a publisher the
/// gazetteer knows (not a wire) alone on a line, which is the logo's text,
/// not a credit of the story below; or the logo's link ("Harbour Ledger -
/// Back to home").
fn outlet_in_the_top_bar(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    page_start: usize,
) -> Option<Masthead> {
    let end = lines.len().min(page_start + 16);
    let named = |i: usize| match &kinds[i] {
        Kind::Credit(n) if n.len() == 1 => {
            (!is_wire(&n[0]) && normalise(&lines[i].text) == normalise(&n[0])).then(|| {
                (
                    n[0].clone(),
                    "a known outlet named alone in the page's top bar",
                )
            })
        }
        Kind::OutletLine(_) => header::logo_link_home(&lines[i].text)
            .map(|n| (n.to_string(), "the logo's link home names the site")),
        _ => None,
    };
    let (i, (name, why)) = (page_start..end).find_map(|i| named(i).map(|n| (i, n)))?;
    top_bar_above(shapes, kinds, i).then_some(Masthead {
        index: i,
        name,
        why,
        strong: true,
    })
}

/// The masthead and the headline (its line, text and evidence).
fn masthead_and_headline(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    meta: &SourceMeta,
    page_start: usize,
) -> (Option<Masthead>, Option<(usize, String, String)>) {
    let page_title = page_title_on_top(lines, kinds, page_start);
    let mut masthead = masthead_of(lines, shapes, kinds, page_start, page_title);
    let mut title = choose_headline(lines, shapes, kinds, masthead.as_ref(), meta);
    if title.is_none()
        && let Some(m) = &masthead
    {
        let above = choose_headline(lines, shapes, kinds, None, meta);
        // The window's title printed over the nameplate and the headline
        // printed again under it: both stand.
        let printed_below = |top: usize| kinds[m.index + 1..].contains(&Kind::Repeat(top));
        if above
            .as_ref()
            .is_some_and(|t| t.0 < m.index && printed_below(t.0))
        {
            title = above;
        } else if !m.strong && above.as_ref().is_some_and(|t| t.0 == m.index) {
            // A short headline with an outlet word in it ("Coalition
            // Report"), when nothing else could be the headline. (Where
            // no line is a headline, as in a channel's post of one
            // paragraph, the name over it stays the outlet.)
            masthead = None;
            title = above;
        }
    }
    // No line below is the headline: the page's title above the nameplate
    // gives it (its site's name is left off later).
    if title.is_none()
        && let Some(top) = page_title
    {
        let why = "the page's title at the top (\"Headline | Site\"); no line below is a headline";
        title = Some((top, lines[top].text.clone(), why.to_string()));
    }
    (masthead, title)
}

/// "Iraq and US begin coalition talks | Euphrates Observer" as the first
/// line, the site's name alone on one of the next three: the page's title
/// (its `<title>`, which the scraper printed), above the nameplate.
fn page_title_on_top(lines: &[Line], kinds: &[Kind], page_start: usize) -> Option<usize> {
    let top = (page_start..lines.len().min(page_start + 3))
        .find(|&i| !matches!(kinds[i], Kind::Chrome(_)))?;
    let (_, site) = site_suffix(&lines[top].text, lines, top)?;
    let site = normalise(site);
    (top + 1..lines.len().min(top + 4))
        .any(|j| normalise(&lines[j].text) == site)
        .then_some(top)
}

/// "Shafaq News/ A member of ..." / the headline / its date / the same
/// paragraph again: the page's description (a scraper takes it from the
/// page's metadata) printed above the headline, then the article. The
/// paragraph is the article's where it is printed the second time, under
/// its headline and date.
fn lead_previewed_above_headline(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind]) {
    let exact = kinds
        .iter()
        .enumerate()
        .take(40)
        .find_map(|(j, k)| match k {
            Kind::Repeat(i) if matches!(kinds[*i], Kind::Text(_)) => Some((*i, j)),
            _ => None,
        });
    let Some((first, again)) = exact.or_else(|| preview_told_again(lines, shapes, kinds)) else {
        return;
    };
    // (A description cut short ends in an ellipsis.)
    let cut = lines[first].text.ends_with("...") || lines[first].text.ends_with('…');
    let paragraph = shapes[first].words >= 12 && (shapes[first].sentence_end || cut);
    let headline_then_date = (first + 1..again).any(|k| {
        matches!(kinds[k], Kind::Text(_))
            && header::headline_shaped(&lines[k].text, &shapes[k], false)
            && !shapes[k].sentence_end
            && (k + 1..again)
                .find(|&d| !matches!(kinds[d], Kind::Chrome(_)))
                .is_some_and(|d| matches!(kinds[d], Kind::Date(_) | Kind::Byline(_)))
    });
    if paragraph && headline_then_date {
        let why = Kind::Chrome("the page's description above the headline".to_string());
        let first_kind = std::mem::replace(&mut kinds[first], why);
        if matches!(kinds[again], Kind::Repeat(_)) {
            kinds[again] = first_kind;
        }
    }
}

/// The page's description printed above the headline in other words than
/// the article's first paragraph under it, which it opens as (a
/// description cut short, or without the paragraph's last clause): the
/// first twelve words of both are the same. The pair's lines, if any.
fn preview_told_again(lines: &[Line], shapes: &[Shape], kinds: &[Kind]) -> Option<(usize, usize)> {
    const OPENING: usize = 12;
    let opening = |i: usize| -> Vec<String> {
        lines[i]
            .text
            .split_whitespace()
            .take(OPENING)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    let text_at = |i: usize| matches!(kinds[i], Kind::Text(_)) && shapes[i].words >= OPENING;
    let openings: Vec<(usize, Vec<String>)> = (0..kinds.len().min(40))
        .filter(|&i| text_at(i))
        .map(|i| (i, opening(i)))
        .collect();
    openings.iter().enumerate().find_map(|(n, (first, words))| {
        openings[n + 1..]
            .iter()
            .find(|(j, other)| *j >= first + 2 && other == words)
            .map(|(again, _)| (*first, *again))
    })
}

/// Where the page itself begins when the tool that saved it put lines of
/// its own above it (a web archive's toolbar and capture calendar, a
/// clipper's title and "Clipped from:" note): after the last such line
/// near the top. Everything above is chrome; a line of the page that the
/// wrapper printed first (the clipper's copy of the headline) counts where
/// the page prints it.
fn unwrap_saved_page(kinds: &mut [Kind]) -> usize {
    let wrapper = |k: &Kind| matches!(k, Kind::Chrome(why) if why == "page wrapper");
    let Some(last) = kinds.iter().take(16).rposition(wrapper) else {
        return 0;
    };
    let start = last + 1;
    let mut moved: HashMap<usize, usize> = HashMap::new();
    for j in start..kinds.len() {
        if let Kind::Repeat(i) = kinds[j]
            && i < start
        {
            kinds[j] = match moved.get(&i) {
                Some(&first) => Kind::Repeat(first),
                None => {
                    moved.insert(i, j);
                    kinds[i].clone()
                }
            };
        }
    }
    for k in &mut kinds[..start] {
        if !matches!(k, Kind::Chrome(_)) {
            *k = Kind::Chrome("page wrapper".to_string());
        }
    }
    start
}

/// Lines that are chrome by what stands next to them: a journalist's job
/// title under a byline ("Middle East correspondent, Baghdad"), and a
/// dateline printed as a line of its own above the first paragraph
/// ("ANKARA", "Washington CNN —").
fn lines_beside_the_article(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind]) {
    // "Sarah Haddad" over "Jan 25, 2024" (or under "2 hours ago"): a name
    // alone beside a date line, or with her handle after it ("Sarah Haddad
    // @shaddad"); her handle or job title may stand between ("@shaddad",
    // "News reporter @shaddad").
    let start = first_good_line(kinds);
    let dated = |k: Option<&Kind>| {
        matches!(k, Some(Kind::Date(_)))
            || matches!(k, Some(Kind::Chrome(why)) if why == "relative time")
    };
    let role = |j: usize| {
        matches!(kinds[j], Kind::Text(_))
            && header::is_journalist_role(without_handles(&lines[j].text))
    };
    let name_alone = |j: usize| {
        matches!(kinds[j], Kind::Text(_)) && is_name_alone(without_handles(&lines[j].text))
    };
    // The reporter's city alone ("Sinan Mahmoud" / "Baghdad" / the date).
    let city = |j: usize| matches!(kinds[j], Kind::Text(_)) && is_city_alone(&lines[j].text);
    // Between the name and the date: chrome, a job title, the city, other
    // names ("Jane Roe" and "Omar Rashid" stacked under the date), at most
    // two.
    let between =
        |j: usize| matches!(kinds[j], Kind::Chrome(_)) || role(j) || city(j) || name_alone(j);
    let dated_below = |i: usize| {
        let mut j = i + 1;
        while j < kinds.len().min(i + 3) && !dated(kinds.get(j)) && between(j) {
            j += 1;
        }
        dated(kinds.get(j))
    };
    let dated_above = |i: usize| {
        let mut j = i;
        while j > 0 && j + 2 > i && !dated(kinds.get(j - 1)) && between(j - 1) {
            j -= 1;
        }
        j > 0 && dated(kinds.get(j - 1))
    };
    // Anywhere on the page: a standfirst long enough to count as the
    // article's first paragraph may stand above the byline, and a live
    // blog's entries carry their own.
    let bylines: Vec<(usize, Vec<String>)> = (0..lines.len())
        .filter(|&i| matches!(kinds[i], Kind::Text(_)))
        .filter(|&i| dated_below(i) || dated_above(i))
        .filter_map(|i| Some((i, names_alone(without_handles(&lines[i].text))?)))
        .collect();
    for (i, authors) in bylines {
        kinds[i] = Kind::Byline(Byline {
            authors,
            ..Byline::default()
        });
    }
    // "Contributors" over "Lahib Higel": the authors, listed under a label
    // (a think tank's page ends with them); "By" alone over the name.
    for i in 0..lines.len().saturating_sub(1) {
        if matches!(&kinds[i], Kind::Text(_) | Kind::Chrome(_))
            && is_authors_label(&lines[i].text)
            && matches!(kinds[i + 1], Kind::Text(_))
            && let Some(authors) = names_alone(&lines[i + 1].text).or_else(|| {
                matches!(label_of(&lines[i].text).as_str(), "by" | "written by")
                    .then(|| names_under_label(&lines[i + 1].text))
                    .flatten()
            })
        {
            kinds[i] = Kind::Chrome("byline".to_string());
            kinds[i + 1] = Kind::Byline(Byline {
                authors,
                ..Byline::default()
            });
        } else if matches!(&kinds[i], Kind::Text(_))
            && is_authors_label(&lines[i].text)
            && matches!(&kinds[i + 1], Kind::Byline(b) if !b.authors.is_empty())
        {
            // "Written by" over a name the date under it already made a
            // byline: the label goes with it.
            kinds[i] = Kind::Chrome("byline".to_string());
        }
    }
    // "Hassan Hassan" over "Hassan Hassan is the author of ...": an opinion
    // page's author box under the standfirst, the name over its note. The
    // name is the byline; the note goes with it below.
    for i in 0..lines.len().saturating_sub(1) {
        if matches!(kinds[i], Kind::Text(_))
            && matches!(kinds[i + 1], Kind::Text(_))
            && let Some(authors) = names_alone(&lines[i].text)
            && authors.len() == 1
            && is_author_bio(&lines[i + 1].text, &authors, false)
            && shapes[i + 1].words <= 40
        {
            kinds[i] = Kind::Byline(Byline {
                authors,
                ..Byline::default()
            });
        }
    }
    // "Jane Roe" over "By Jane Roe": the author's name printed again beside
    // the byline (the link or the picture's text of an author box), no
    // headline, however much it looks like one.
    for i in 0..lines.len() {
        let beside = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| match kinds.get(j) {
                Some(Kind::Byline(b)) => Some(b),
                _ => None,
            })
            .any(|b| {
                b.authors
                    .iter()
                    .any(|a| normalise(a) == normalise(&lines[i].text))
            });
        if beside && matches!(kinds[i], Kind::Text(_)) {
            kinds[i] = Kind::Chrome("byline".to_string());
        }
    }
    // "Video" under the byline, then the player's title and blurb: not the
    // article. (Only below a byline or a date: above them "Video" is a menu
    // item and the headline may follow it.)
    let dated_or_bylined = kinds[..start]
        .iter()
        .position(|k| matches!(k, Kind::Byline(_) | Kind::Date(_)));
    if let Some(top) = dated_or_bylined {
        let labels: Vec<usize> = (top + 1..start)
            .filter(|&i| chrome::is_media_label(&lines[i].text))
            .collect();
        for i in labels {
            let end = (i + 3).min(start);
            for kind in kinds[i + 1..end].iter_mut() {
                if !matches!(kind, Kind::Text(_)) {
                    break;
                }
                *kind = Kind::Chrome("video caption".to_string());
            }
        }
    }
    job_titles_and_cities_under_bylines(lines, kinds);
    author_notes(lines, kinds);
    standalone_datelines(lines, shapes, kinds);
    captions_between_picture_buttons(lines, shapes, kinds);
}

/// "Middle East correspondent" under a byline, or the city she files from
/// between it and its date ("Sinan Mahmoud" / "Baghdad" / "Sep 27, 2024"):
/// the byline's.
/// "AA" among the share and follow buttons ("Share" / "AA" / "Follow
/// us"): the button that sets the text's size, not Anadolu's credit (which
/// stands by the date or the byline, or as "Source: AA").
fn text_size_button(lines: &[Line], kinds: &mut [Kind]) {
    let widget = |k: Option<&Kind>| {
        matches!(k, Some(Kind::Chrome(why))
            if matches!(why.as_str(), "share buttons" | "share prompt" | "follow prompt" | "text size"))
    };
    for i in 0..kinds.len() {
        if matches!(kinds[i], Kind::Credit(_))
            && lines[i].text.trim() == "AA"
            && (widget(i.checked_sub(1).and_then(|j| kinds.get(j))) || widget(kinds.get(i + 1)))
        {
            kinds[i] = Kind::Chrome("text size".to_string());
        }
    }
}

fn job_titles_and_cities_under_bylines(lines: &[Line], kinds: &mut [Kind]) {
    for i in 1..lines.len() {
        let city_over_date = || {
            is_city_alone(&lines[i].text)
                && kinds.get(i + 1).is_some_and(|k| matches!(k, Kind::Date(_)))
        };
        if matches!(kinds[i], Kind::Text(_))
            && matches!(kinds[i - 1], Kind::Byline(_))
            && (header::is_journalist_role(without_handles(&lines[i].text))
                || city_over_date()
                || is_desk_and_city(&lines[i].text))
        {
            kinds[i] = Kind::Chrome("byline".to_string());
        }
    }
}

/// The caption between a picture's buttons ("Enlarge this image" / the
/// caption / "Toggle caption"), and the photographer's credit under them.
fn captions_between_picture_buttons(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind]) {
    for i in 0..lines.len() {
        let above = i
            .checked_sub(1)
            .and_then(|j| chrome::picture_button(&lines[j].text));
        let over = above == Some(true);
        let under = lines
            .get(i + 1)
            .is_some_and(|l| chrome::picture_button(&l.text) == Some(false));
        let credit = above == Some(false) && shapes[i].words <= 6 && !shapes[i].sentence_end;
        if matches!(kinds[i], Kind::Text(_)) && (over || under || credit) && shapes[i].words <= 40 {
            kinds[i] = Kind::Chrome("photo caption".to_string());
        }
    }
}

/// "BBC News, Baghdad", "Reuters, Erbil": the desk a reporter files for
/// and the city she files from, as a line under her name.
fn is_desk_and_city(text: &str) -> bool {
    text.trim()
        .rsplit_once(", ")
        .is_some_and(|(desk, city)| header::is_publication_name(desk) && is_city_alone(city))
}

/// "Baghdad", "Erbil, Iraq": a place's name and nothing else on the line.
fn is_city_alone(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 4
        && text.split(',').count() <= 2
        && text.split(',').all(super::people::is_place)
}

/// "BAGHDAD" on its own line over the first paragraph: its dateline.
fn standalone_datelines(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind]) {
    for i in 0..lines.len().saturating_sub(1) {
        if matches!(kinds[i], Kind::Text(_))
            && shapes[i].words <= 4
            && matches!(kinds[i + 1], Kind::Text(Density::Good | Density::NearGood))
            && header::standalone_dateline(&lines[i].text).is_some()
        {
            kinds[i] = Kind::Chrome("dateline".to_string());
        }
    }
}

/// The first line of good text (where the article's body begins at the
/// latest), or the page's end.
fn first_good_line(kinds: &[Kind]) -> usize {
    kinds
        .iter()
        .position(|k| *k == Kind::Text(Density::Good))
        .unwrap_or(kinds.len())
}

/// "Clara Wendt covers the Pentagon for The Times": the bylined author's
/// biography after the article (from its first good line), beside
/// the byline or under the author's own name: the author box.
fn author_notes(lines: &[Line], kinds: &mut [Kind]) {
    // (On a page of short paragraphs none is good on its own: the first
    // near-good one starts the article.)
    let start = match first_good_line(kinds) {
        n if n == kinds.len() => kinds
            .iter()
            .position(|k| *k == Kind::Text(Density::NearGood))
            .unwrap_or(n),
        n => n,
    };
    let authors: Vec<String> = kinds
        .iter()
        .filter_map(|k| match k {
            Kind::Byline(b) => Some(b.authors.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    // An opinion page may print the note right above or below the byline.
    // (Or under the byline's date: "By Jane Roe" / "October 5, 2024" / the
    // note.)
    let by_byline = |kinds: &[Kind], i: usize| {
        let byline = |k: Option<&Kind>| matches!(k, Some(Kind::Byline(_)));
        let dated_above =
            i >= 2 && matches!(kinds[i - 1], Kind::Date(_)) && byline(kinds.get(i - 2));
        byline(i.checked_sub(1).and_then(|j| kinds.get(j)))
            || byline(kinds.get(i + 1))
            || dated_above
    };
    // Or an "About the Authors" box above the text: each author's name
    // over the note ("Jane Roe" / "Jane Roe is a fellow at ...").
    let under_own_name = |kinds: &[Kind], i: usize| {
        i > 0
            && matches!(kinds[i - 1], Kind::Text(_) | Kind::Chrome(_))
            && authors
                .iter()
                .any(|a| normalise(a) == normalise(&lines[i - 1].text))
    };
    // "About Leo Shane III" / "Leo covers Congress ...": the box's heading
    // names her, and the note may call her by her first name.
    let under_about = |i: usize| {
        i > 0
            && lines[i - 1]
                .text
                .trim()
                .get(..6)
                .is_some_and(|h| h.eq_ignore_ascii_case("about "))
            && authors
                .iter()
                .any(|a| normalise(a) == normalise(&lines[i - 1].text.trim()[6..]))
    };
    for i in 0..lines.len() {
        let about = under_about(i);
        // Above the text, the note may stand apart from the byline too
        // ("By Jane Roe" / the headline / "Jane Roe is a fellow at ...").
        let header_note = i < start && kinds[..i].iter().any(|k| matches!(k, Kind::Byline(_)));
        if (i >= start || by_byline(kinds, i) || under_own_name(kinds, i) || header_note)
            && matches!(kinds[i], Kind::Text(_))
            && is_author_bio(&lines[i].text, &authors, about)
        {
            if about || under_own_name(kinds, i) {
                kinds[i - 1] = Kind::Chrome("author box".to_string());
            }
            kinds[i] = Kind::Chrome("author box".to_string());
            // "ABDUL-ZAHRA" over it: the box's heading, the author's surname.
            if i > 0
                && matches!(kinds[i - 1], Kind::Text(_))
                && authors.iter().any(|a| {
                    a.rsplit(' ')
                        .next()
                        .is_some_and(|s| s.eq_ignore_ascii_case(lines[i - 1].text.trim()))
                })
            {
                kinds[i - 1] = Kind::Chrome("author box".to_string());
            }
        }
    }
}

/// "25 January 2024 7:05 PM [ Last Update: 26 January 2024 ]": the date
/// line without the bracketed note of its last update.
fn without_update_note(line: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)\s*[\[(]\s*(?:last\s+)?updat(?:e|ed)\s*:?[^\[\]()]*[\])]\s*$").unwrap()
    });
    match re.find(line) {
        Some(m) if m.start() > 0 => &line[..m.start()],
        _ => line,
    }
}

/// "OPINION" / "Hana Karim" / the headline: a columnist's name right above
/// the headline is the byline when the page's note on its author names
/// her ("Hana Karim is a columnist for ..."); a name alone there may also
/// be a tag for the person the story is about.
fn author_over_headline(lines: &[Line], kinds: &mut [Kind], title_at: usize) {
    let Some(i) = title_at.checked_sub(1) else {
        return;
    };
    if !matches!(kinds[i], Kind::Text(_)) {
        return;
    }
    let Some(authors) = names_alone(&lines[i].text) else {
        return;
    };
    let notes: Vec<usize> = (title_at + 1..lines.len())
        .filter(|&j| {
            matches!(kinds[j], Kind::Text(_)) && is_author_bio(&lines[j].text, &authors, false)
        })
        .collect();
    if notes.is_empty() {
        return;
    }
    for j in notes {
        kinds[j] = Kind::Chrome("author box".to_string());
    }
    kinds[i] = Kind::Byline(Byline {
        authors,
        ..Byline::default()
    });
}

/// "Contributors", "Authors:", "Written by": a label over the authors' names.
fn is_authors_label(text: &str) -> bool {
    matches!(
        label_of(text).as_str(),
        "contributors" | "contributor" | "authors" | "author" | "written by" | "by"
    )
}

/// A label's words, lower case, without its colon.
fn label_of(text: &str) -> String {
    text.trim().trim_end_matches(':').trim_end().to_lowercase()
}

/// A person's name and nothing else (see [`names_alone`]).
fn is_name_alone(text: &str) -> bool {
    names_alone(text).is_some()
}

/// The names of a line that holds names and nothing else: one person's
/// ([`header::is_plausible_person_name`], no outlet word) or a few joined
/// by commas and "and" ("Sara Kim and Omar Rashid").
fn names_alone(text: &str) -> Option<Vec<String>> {
    // At most six names of at most five words, their joining words and a
    // filing place: a paragraph is none, and this is asked of the lines
    // around every line of a page.
    // ("By Jane Roe" is a byline, not names alone.)
    if text.split_whitespace().nth(64).is_some() || text.starts_with("By ") {
        return None;
    }
    // "TOMAS REILLY": a name set in capitals ("BY JANE DOE" is a byline).
    let cased = header::in_name_case(text).filter(|c| !c.starts_with("By "));
    let text = header::without_filing_place(cased.as_deref().unwrap_or(text));
    let one = |n: &str| {
        header::is_plausible_person_name(n)
            && !header::has_outlet_word(n)
            && known_outlet(n).is_none()
    };
    let names = listed_names(text);
    (names.len() <= 6 && names.iter().all(|n| one(n))).then_some(names)
}

/// The parts of a list of names: "Sara Kim, Omar Rashid and Jane Roe".
fn listed_names(text: &str) -> Vec<String> {
    text.split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        // "Jane Roe, John Doe, and Omar Rashid": the list's last comma.
        .map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("and ").unwrap_or(p).trim();
            // "Dr. Harith Hasan": the title is not the name. (Asked of most
            // lines of a page: only a first word with a stop can be one.)
            if p.split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with('.'))
            {
                header::without_title(p).0
            } else {
                p.to_string()
            }
        })
        .collect()
}

/// Names under an authors' label: the label says they are people, so a
/// name's words need not be known names nor differ from common words
/// ("Mara Lindqvist"); their shape must still be a name's.
fn names_under_label(text: &str) -> Option<Vec<String>> {
    let names = listed_names(text);
    (names.len() <= 6
        && names.iter().all(|n| {
            header::is_person_name(n)
                && !header::has_outlet_word(n)
                && !n.split_whitespace().all(header::is_common_word)
        }))
    .then_some(names)
}

/// The body's first paragraph: good text that ends a sentence (a
/// standfirst seldom has a stop).
fn first_paragraph(body: &[usize], classes: &[Density], shapes: &[Shape]) -> Option<usize> {
    body.iter()
        .copied()
        .find(|&i| classes[i] == Density::Good && shapes[i].sentence_end)
}

/// "7Days Iraq – Baghdad" (or "Baghdad – 7Days Iraq"): the masthead's
/// name, a dash and a place on a line of their own is the outlet's
/// dateline, whatever words the name is
/// made of ([`header::outlet_line`] knows a name by its outlet words).
fn masthead_datelines(lines: &[Line], kinds: &mut [Kind], masthead: &Masthead) {
    // "Baghdad - Al-Hadath Iraq": the place first, then the name.
    let place_then_name = |text: &str| {
        [" - ", " – ", " — "].iter().any(|dash| {
            text.split_once(dash).is_some_and(|(place, name)| {
                name.trim().eq_ignore_ascii_case(&masthead.name) && people::is_place(place.trim())
            })
        })
    };
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        if matches!(kind, Kind::Text(_))
            && (header::name_before_place(&line.text)
                .is_some_and(|name| name.eq_ignore_ascii_case(&masthead.name))
                || place_then_name(&line.text))
        {
            *kind = Kind::OutletLine(masthead.name.clone());
        }
    }
}

/// "KirkukNow is an independent media outlet.": the outlet describing
/// itself in one of the page's last lines of text (its about box), not the
/// story's.
fn outlet_description(lines: &[Line], kinds: &mut [Kind], masthead: &Masthead) {
    const OUTLET_NOUNS: &[&str] = &[
        "media",
        "news",
        "outlet",
        "agency",
        "website",
        "site",
        "publication",
        "newspaper",
        "magazine",
        "channel",
        "network",
        "platform",
        "broadcaster",
    ];
    // (Its last paragraphs: other stories' headlines listed under the
    // article are text too, but no sentences.)
    let last_texts: Vec<usize> = (0..kinds.len())
        .rev()
        .filter(|&i| {
            matches!(kinds[i], Kind::Text(_)) && lines[i].text.trim_end().ends_with(['.', '!', '?'])
        })
        .take(3)
        .collect();
    for i in last_texts {
        let text = lines[i].text.trim();
        let Some(rest) = text
            .get(..masthead.name.len())
            .filter(|head| head.eq_ignore_ascii_case(&masthead.name))
            .map(|_| &text[masthead.name.len()..])
        else {
            continue;
        };
        let describes = [" is a ", " is an ", " is the "]
            .iter()
            .any(|is| rest.starts_with(is))
            && rest.split_whitespace().count() <= 40
            && rest
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| OUTLET_NOUNS.contains(&w.to_lowercase().as_str()));
        if describes {
            kinds[i] = Kind::Chrome("the outlet's description".to_string());
        }
    }
}

/// "Colin Marsh" right under the headline (past chrome): its byline.
/// "Hamid Rasheed, Associate Professor of ..., University of X" there: a
/// contributor's name and post, the author (elsewhere such a line names a
/// speaker).
fn byline_under_headline(lines: &[Line], kinds: &mut [Kind], title_at: usize, style: DateStyle) {
    // "Reporting by Jane Roe" right under the headline signs the story (at
    // a wire story's end it is a credit among others).
    for j in title_at + 1..lines.len().min(title_at + 4) {
        if !matches!(&kinds[j], Kind::Chrome(why) if why == "wire credit") {
            break;
        }
        let rest = lines[j].text.trim();
        let names = rest
            .get(..13)
            .filter(|p| p.eq_ignore_ascii_case("reporting by "))
            .and_then(|_| names_alone(&rest[13..]));
        if let Some(authors) = names {
            kinds[j] = Kind::Byline(Byline {
                authors,
                ..Byline::default()
            });
            return;
        }
    }
    if desk_beside_date(lines, kinds, title_at)
        || credit_fields_under(lines, kinds, title_at, style)
    {
        return;
    }
    // (Past the date line: "2024-09-28 12:30" / "Jane Roe - Kirkuk".)
    let next =
        (title_at + 1..lines.len()).find(|&j| !matches!(kinds[j], Kind::Chrome(_) | Kind::Date(_)));
    let Some(j) = next else {
        return;
    };
    // Past a date line only names alone sign the story: "Jane Roe, Department
    // Spokesperson" under a briefing's date is who speaks.
    let past_date = kinds[title_at + 1..j]
        .iter()
        .any(|k| matches!(k, Kind::Date(_)));
    let authors = match &kinds[j] {
        Kind::Text(_) if past_date => names_alone(without_handles(&lines[j].text)),
        Kind::Byline(_) if past_date => None,
        // "Jane Roe @janeroe": the author's handle after her name.
        Kind::Text(_) => names_alone(without_handles(&lines[j].text)).or_else(|| {
            header::name_and_post(&lines[j].text)
                .filter(|name| !speaks_below(lines, j, name))
                .map(|name| vec![name])
        }),
        // ("Matthew Miller, Department Spokesperson" over "MR MILLER: Good
        // afternoon": the transcript's speaker, not its author.)
        Kind::Byline(b) if b.authors.is_empty() => b
            .speaker
            .as_ref()
            .filter(|s| !speaks_below(lines, j, &s.0))
            .map(|s| vec![s.0.clone()]),
        _ => None,
    };
    if let Some(authors) = authors {
        kinds[j] = Kind::Byline(Byline {
            authors,
            ..Byline::default()
        });
    }
}

/// Does a transcript's label below line `j` ("MR MILLER:", "JANE ROE:")
/// give the surname of `name`?
fn speaks_below(lines: &[Line], j: usize, name: &str) -> bool {
    let Some(surname) = name.split_whitespace().last() else {
        return false;
    };
    // The label in capitals before the colon: "MR MILLER", "MATTHEW MILLER".
    lines[j + 1..].iter().any(|l| {
        l.text.split_once(':').is_some_and(|(label, _)| {
            let words: Vec<&str> = label.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && !label.chars().any(char::is_lowercase)
                && words
                    .last()
                    .is_some_and(|w| w.trim_end_matches('.').eq_ignore_ascii_case(surname))
        })
    })
}

/// "Jane Roe, Tigris Mail, September 27, 2024" right under the headline
/// (past chrome and the date): the credit's fields, read as a byline.
fn credit_fields_under(
    lines: &[Line],
    kinds: &mut [Kind],
    title_at: usize,
    style: DateStyle,
) -> bool {
    for j in title_at + 1..lines.len().min(title_at + 5) {
        match &kinds[j] {
            Kind::Text(_) | Kind::Date(_) | Kind::Chrome(_) => {}
            _ => return false,
        }
        if let Some(b) = header::credit_fields(&lines[j].text, style) {
            let date = match &kinds[j] {
                Kind::Date(d) => Some(d.clone()),
                _ => None,
            };
            kinds[j] = Kind::Byline(Byline {
                date: date.or(b.date),
                ..b
            });
            return true;
        }
        if matches!(kinds[j], Kind::Text(_)) && !header::is_short_label(&lines[j].text) {
            return false;
        }
    }
    false
}

/// "Harbour Times Newsroom" under the headline, right above or below the
/// date line: the desk that signs the story in the byline's place (as a
/// paragraph it would open the article with a heading's words).
fn desk_beside_date(lines: &[Line], kinds: &mut [Kind], title_at: usize) -> bool {
    let is_date = |k: &Kind| matches!(k, Kind::Date(_));
    for j in title_at + 1..lines.len().min(title_at + 5) {
        let beside = is_date(&kinds[j - 1]) || kinds.get(j + 1).is_some_and(is_date);
        match &kinds[j] {
            // "Web Desk | Gulf Dispatch" (set like a menu), "Gulf Dispatch
            // Staff Reporter": a credit that names the paper.
            Kind::Chrome(_) if beside => {
                if let Some(Some(outlet)) = header::generic_credit_of(&lines[j].text) {
                    kinds[j] = Kind::Byline(Byline {
                        outlet: Some(outlet),
                        ..Byline::default()
                    });
                    return true;
                }
                continue;
            }
            Kind::Chrome(_) | Kind::Date(_) => continue,
            Kind::Text(_) => {}
            _ => return false,
        }
        match header::desk_credit(&lines[j].text) {
            Some(b) if beside => {
                kinds[j] = Kind::Byline(b);
                return true;
            }
            // ("Analysis" / "Harbour Times Newsroom": past a kicker's word.)
            None if header::is_short_label(&lines[j].text) => continue,
            // (Past the standfirst right under the headline.)
            None if j == title_at + 1 && lines[j].text.split_whitespace().count() >= 8 => continue,
            _ => return false,
        }
    }
    false
}

/// "By Jane Roe" / "Follow" / "and John Doe" / "Follow": a byline whose
/// second author a button beside the first pushed onto a line of its own
/// (a line right under it is joined to it as a wrapped line is). The
/// "and" joins the names across the chrome; the line is the byline's.
fn byline_continued_past_buttons(lines: &[Line], kinds: &mut [Kind], title_at: usize) {
    let end = lines.len().min(title_at + 12);
    for i in title_at + 1..end {
        let Kind::Byline(b) = &kinds[i] else {
            continue;
        };
        if b.authors.is_empty() {
            continue;
        }
        // Past one or two buttons, no further.
        let Some(j) = (i + 1..end.min(i + 4)).find(|&j| !matches!(kinds[j], Kind::Chrome(_)))
        else {
            return;
        };
        let more = lines[j]
            .text
            .strip_prefix("and ")
            .or_else(|| lines[j].text.strip_prefix("& "));
        if j == i + 1 || !matches!(kinds[j], Kind::Text(_)) {
            return;
        }
        if let Some(authors) = more.and_then(names_alone) {
            if let Kind::Byline(b) = &mut kinds[i] {
                b.authors.extend(authors);
            }
            kinds[j] = Kind::Chrome("byline".to_string());
        }
        return;
    }
}

/// An author's block under the headline with no "By": her photo's
/// alternative text and then her name as a link ("Avatar: Jane Roe" /
/// "Jane Roe", or "Jane Roe" / "Jane Roe"), perhaps her role and the date
/// under it. A name printed twice in a row, or after a photo's label, is
/// the byline; a name printed once there may be a tag for whom the story
/// is about. Looked for only on a page no byline signs.
fn author_block_under_headline(lines: &[Line], kinds: &mut [Kind], title_at: usize) {
    let signed = kinds
        .iter()
        .any(|k| matches!(k, Kind::Byline(b) if !b.authors.is_empty()));
    if signed {
        return;
    }
    let end = lines.len().min(title_at + 6);
    for j in title_at + 1..end.saturating_sub(1) {
        if !matches!(kinds[j], Kind::Text(_) | Kind::Chrome(_)) {
            continue;
        }
        let (label, name) = match photo_of(&lines[j].text) {
            Some(name) => (true, name),
            None => (false, lines[j].text.trim()),
        };
        let next = lines[j + 1].text.trim();
        let doubled = matches!(kinds[j + 1], Kind::Repeat(r) if r == j && !label)
            || next == name && matches!(kinds[j + 1], Kind::Text(_) | Kind::Chrome(_));
        if !doubled {
            continue;
        }
        let Some(authors) = names_alone(name) else {
            continue;
        };
        let (photo, byline) = if label { (j, j + 1) } else { (j + 1, j) };
        kinds[photo] = Kind::Chrome("author photo".to_string());
        kinds[byline] = Kind::Byline(Byline {
            authors,
            ..Byline::default()
        });
        return;
    }
}

/// "Military" / "Iraq" / "Pentagon" under the byline's date and over the
/// first paragraph: the story's topic links, one to three capitalised
/// words a line, two lines or more.
fn tags_under_the_date(lines: &[Line], shapes: &[Shape], kinds: &mut [Kind], title_at: usize) {
    let end = lines.len().min(title_at + 8);
    let signed = |j: usize| matches!(kinds[j], Kind::Date(_) | Kind::Byline(_));
    let Some(first) = (title_at + 1..end).find(|&j| signed(j)) else {
        return;
    };
    // The last line of the byline's block (its date, a separator).
    let d = (first..lines.len())
        .take_while(|&j| signed(j) || matches!(kinds[j], Kind::Chrome(_)))
        .last()
        .unwrap_or(first);
    // (A tag that is also a menu's item, "Middle East", is printed again.)
    let tag = |j: usize| {
        matches!(kinds[j], Kind::Text(_) | Kind::Repeat(_))
            && (1..=3).contains(&shapes[j].words)
            && !shapes[j].sentence_end
            && lines[j].text.trim_start().starts_with(char::is_uppercase)
    };
    let run_end = (d + 1..lines.len())
        .find(|&j| !tag(j))
        .unwrap_or(lines.len());
    let opens_text = run_end < lines.len()
        && matches!(kinds[run_end], Kind::Text(_))
        && shapes[run_end].words >= 8
        && shapes[run_end].sentence_end;
    if run_end >= d + 3 && opens_text {
        for k in &mut kinds[d + 1..run_end] {
            *k = Kind::Chrome("tag list".to_string());
        }
    }
}

/// "Avatar: Jane Roe", "Headshot of Jane Roe": a photo's alternative text
/// naming whom it shows.
fn photo_of(line: &str) -> Option<&str> {
    let t = line.trim();
    [
        "avatar:",
        "headshot of",
        "photo of",
        "picture of",
        "image of",
        "portrait of",
        "profile picture of",
    ]
    .iter()
    .find_map(|p| {
        t.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| t[p.len()..].trim())
    })
    .filter(|rest| !rest.is_empty())
}

/// A pull quote: a short line, often in quotation marks, that repeats
/// words of a paragraph of the article ("“The question is what happens to
/// the armed groups.”"), set between paragraphs for the eye.
///
/// An article has a few; the first [`MAX_PULL_QUOTES`] quoted lines are
/// looked at, each against the page's text lines normalised once, so a
/// page of a million quoted lines costs no more than one of a hundred.
fn pull_quotes(lines: &[Line], kinds: &mut [Kind]) {
    const MAX_PULL_QUOTES: usize = 32;
    let core = |t: &str| normalise(t.trim_matches(|c: char| "\"“”'‘’ .".contains(c)));
    let quoted: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            matches!(kinds[i], Kind::Text(_))
                && lines[i].text.split_whitespace().count() <= 30
                && lines[i].text.trim_start().starts_with(['"', '“'])
        })
        .take(MAX_PULL_QUOTES)
        .collect();
    if quoted.is_empty() {
        return;
    }
    let texts: Vec<(usize, String)> = (0..lines.len())
        .filter(|&j| matches!(kinds[j], Kind::Text(_)))
        .map(|j| (j, normalise(&lines[j].text)))
        .collect();
    for i in quoted {
        let needle = core(&lines[i].text);
        let repeats = needle.split_whitespace().count() >= 4
            && texts.iter().any(|(j, text)| {
                *j != i && lines[*j].text.len() > lines[i].text.len() + 20 && text.contains(&needle)
            });
        if repeats {
            kinds[i] = Kind::Chrome("pull quote".to_string());
        }
    }
}

/// A summary above the article: after its label ("Key points:",
/// "AI-generated summary"), its points, up to the byline, the date or the
/// first paragraph. And a briefer's credit beside the date ("Pentagon Press
/// Secretary Air Force Maj. Gen. Pat Ryder"): who speaks, not an author.
fn summaries_and_briefers(lines: &[Line], kinds: &mut [Kind]) {
    let start = first_good_line(kinds);
    let summary = |k: &Kind| matches!(k, Kind::Chrome(why) if why == "summary box");
    // One pass: inside a box from its label to the first line that is
    // neither a point nor the box's own chrome. After points written as
    // sentences, a line without a full stop that has a byline or a date
    // right under it (or under the author's name) is the headline the box
    // stands above.
    let mut inside = false;
    let mut after_sentence = false;
    let mut points: Vec<(usize, Kind)> = Vec::new();
    for i in 0..start {
        let sentence = lines[i].text.trim_end().ends_with(['.', '!', '?']);
        let headline = || {
            after_sentence
                && !sentence
                && kinds[i + 1..kinds.len().min(i + 3)]
                    .iter()
                    .any(|k| matches!(k, Kind::Byline(_) | Kind::Date(_)))
        };
        match &kinds[i] {
            k if summary(k) => inside = true,
            Kind::Text(_) if inside && !headline() => {
                let was = std::mem::replace(&mut kinds[i], Kind::Chrome("summary box".to_string()));
                points.push((i, was));
                after_sentence = sentence;
            }
            _ => inside = false,
        }
    }
    // A box the article's every paragraph would fall into is none: on a
    // short page whose paragraphs read as short text ("Highlights" / one
    // point / three paragraphs), the box ends at its first point.
    // (Other stories' headlines under the article, "Most Read", are text
    // of no sentence: not paragraphs left after the box.)
    let paragraph = |j: usize| {
        matches!(kinds[j], Kind::Text(_))
            && lines[j]
                .text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”'])
    };
    if let Some(&(last, _)) = points.last()
        && !(last + 1..kinds.len()).any(paragraph)
    {
        for (i, was) in points.into_iter().skip(1) {
            kinds[i] = was;
        }
    }
    for i in 0..start {
        let beside_date = i > 0 && matches!(kinds[i - 1], Kind::Date(_))
            || matches!(kinds.get(i + 1), Some(Kind::Date(_)));
        if beside_date
            && matches!(kinds[i], Kind::Text(_))
            && let Some(speaker) = header::role_and_name(&lines[i].text)
        {
            kinds[i] = Kind::Byline(Byline {
                speaker: Some(speaker),
                ..Byline::default()
            });
        }
    }
}

/// "News reporter @shaddad" -> "News reporter": a line without the social
/// media handles at its end.
fn without_handles(text: &str) -> &str {
    let mut t = text.trim_end();
    while let Some((head, last)) = t.rsplit_once(' ')
        && last.len() > 1
        && last.starts_with('@')
    {
        t = head.trim_end();
    }
    t
}

/// A line without the Markdown emphasis wrapped around all of it.
fn without_emphasis(line: &str) -> &str {
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = line.strip_prefix(mark).and_then(|l| l.strip_suffix(mark))
            && !inner.trim().is_empty()
        {
            return inner.trim();
        }
    }
    line
}

/// A line about one of the page's `authors`: their name, then what they do.
fn is_author_bio(text: &str, authors: &[String], first_names: bool) -> bool {
    // "*Jane Roe is a senior fellow ...*": in a Markdown scrape's italics.
    let text = without_emphasis(text);
    const VERBS: &[&str] = &[
        "is",
        "was",
        "covers",
        "reports",
        "writes",
        "has",
        "joined",
        "previously",
        "leads",
        // "Jane Roe can be reached at jane.roe@example.com."
        "can",
        "may",
    ];
    // "Koenig covers the Pentagon ...": the surname alone, as many papers
    // print the note (any word of the name: the byline may have run the
    // outlet's name on after it).
    // The first name only under a heading that names the author.
    let forms = authors.iter().flat_map(|a| {
        let skip = usize::from(!first_names);
        std::iter::once(a.as_str()).chain(a.split(' ').skip(skip).filter(|w| w.len() >= 3))
    });
    // "David Ashford, a former State Department official, writes about
    // ...": the verb after an appositive between commas.
    fn past_appositive(rest: &str) -> Option<&str> {
        let inner = rest.strip_prefix(", ")?;
        let (appositive, after) = inner.split_once(", ")?;
        (appositive.split_whitespace().count() <= 15).then_some(after)
    }
    // "JANE ROE is a senior fellow ...": the name in capitals, as a
    // magazine sets it at the end of an essay.
    let named = |a: &str| {
        text.strip_prefix(a).or_else(|| {
            let caps = a.to_uppercase();
            (caps != a)
                .then(|| text.strip_prefix(caps.as_str()))
                .flatten()
        })
    };
    forms.into_iter().any(|a| {
        named(a)
            .and_then(|rest| {
                past_appositive(rest).or_else(|| rest.starts_with(' ').then_some(rest))
            })
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|w| VERBS.contains(&w))
    })
}

/// Is line `i` a picture's caption by what stands beside it: under a
/// caption's label or a short credit, over a labelled credit once the
/// article has begun, or over a photographer's credit before it has.
fn is_caption_line(
    (lines, shapes): (&[Line], &[Shape]),
    i: usize,
    l: &str,
    begun_at: usize,
    style: DateStyle,
) -> bool {
    let shape = &shapes[i];
    // ("Caption. REUTERS/Jane Roe" / "1 of 3": a gallery's counter under
    // its caption closes that caption; the line under it is the article's.)
    let counter_closes_caption = i >= 2
        && chrome::is_gallery_counter(&lines[i - 1].text)
        && chrome::chrome_by_shape(&lines[i - 2].text, &shapes[i - 2]) == Some("photo caption");
    i > 0 && chrome::is_caption_label(&lines[i - 1].text) && !counter_closes_caption
        || i > 0
            && lines[i - 1].text.len() <= 60
            && chrome::is_image_credit(&lines[i - 1].text)
            && !shape.sentence_end
            && shape.words <= 30
        // Over "Image: Jane Roe/EPA", once the article has begun (a
        // headline over its picture's credit has no sentence above).
        // (A wire's caption is a sentence that dates the picture: "Iraqi
        // soldiers stand guard in Baghdad on January 5, 2024.")
        || lines
            .get(i + 1)
            .is_some_and(|next| chrome::is_labelled_credit(&next.text))
            && (!shape.sentence_end || dates_the_picture(l, style))
            && shape.words <= 30
            && shapes[i.saturating_sub(2)..i]
                .iter()
                .any(|s| s.sentence_end && s.words >= 10)
        // Over "Jane Roe/AFP via Getty Images" before the article
        // has begun: the lead picture's caption, a sentence or not.
        // (A credit with a label, "Photo: VCG", or the agency alone,
        // "Getty Images", may stand over the caption, under the
        // headline.)
        || i < begun_at
            && (3..=30).contains(&shape.words)
            && !header::is_journalist_role(l)
            && photographer_credit_below(lines, shapes, i)
            // (The date line over the picture is no caption.)
            && parse_date_line(without_update_note(l), style, 3).is_none()
            && byline(l, style, false).is_none()
}

/// Does a caption's sentence give the day its picture was taken ("... in
/// Baghdad on January 5, 2024.", "... in Erbil, Iraq, March 2, 2019.")? A
/// day, a month and a year at the end of the sentence.
fn dates_the_picture(caption: &str, style: DateStyle) -> bool {
    let t = caption.trim_end_matches(['.', ')']);
    // The last three words hold the date ("January 5, 2024", "5 January
    // 2024").
    let words: Vec<&str> = t.split_whitespace().collect();
    let tail = words[words.len().saturating_sub(3)..].join(" ");
    parse_date_line(&tail, style, 0).is_some()
}

/// Is the line under line `i` a photographer's credit: "Jane Roe/AFP via
/// Getty Images", "AHMAD AL-RUBAYE/AFP VIA GETTY IMAGES" (a name before the
/// agency, not "AFP/Baghdad", the story's credit and place)?
fn photographer_credit_below(lines: &[Line], shapes: &[Shape], i: usize) -> bool {
    lines
        .get(i + 1)
        .zip(shapes.get(i + 1))
        .is_some_and(|(l, s)| {
            let t = l.text.trim();
            let photographer = t.split_once('/').is_some_and(|(by, _)| {
                header::is_person_name(by)
                    || header::in_name_case(by).is_some_and(|n| header::is_person_name(&n))
            });
            (photographer || t.contains(" via ") || t.contains(" VIA "))
                && !t.contains([':', ','])
                && s.words <= 8
                && !s.sentence_end
                && (chrome::is_image_credit(t)
                    || chrome::chrome_by_shape(t, s) == Some("photo caption"))
        })
}

/// "|" between the author and the date, "* * *" between parts: a layout's
/// separator on a line of its own.
fn is_separator_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| "|·•/-–—*~_ ".contains(c))
}

/// Every line's verdict on its own.
fn verdicts(
    lines: &[Line],
    shapes: &[Shape],
    meta: &SourceMeta,
    boilerplate: &Boilerplate,
    style: DateStyle,
) -> Vec<Kind> {
    let mut first_of: HashMap<String, usize> = HashMap::new();
    // Above the first sentence of ten words or more the article has not
    // begun (a picture's caption over its photographer's credit is no
    // sentence of the article's).
    let begun_at = (0..shapes.len()).find(|&i| {
        shapes[i].sentence_end
            && shapes[i].words >= 10
            && !photographer_credit_below(lines, shapes, i)
    });
    let begun_at = begun_at.unwrap_or(shapes.len());
    let running = running_headers(lines, shapes);
    lines
        .iter()
        .zip(shapes)
        .enumerate()
        .map(|(i, (line, shape))| {
            // "*January 6, 2024*", "**By Jane Roe**": a Markdown scrape's
            // emphasis is not part of the line.
            let l = without_emphasis(line.text.as_str());
            let mark = meta.mark(line.no);
            if is_separator_line(l) {
                return Kind::Chrome("separator".to_string());
            }
            if running[i] {
                return Kind::Chrome("running header".to_string());
            }
            let norm = normalise(l);
            if let Some(&j) = first_of.get(&norm) {
                return Kind::Repeat(j);
            }
            first_of.insert(norm, i);
            if mark == Some(MarkKind::Caption)
                || is_caption_line((lines, shapes), i, l, begun_at, style)
            {
                return Kind::Chrome("photo caption".to_string());
            }
            // "JANUARY 25, 2024 | By Noah Brandt": a byline after its date.
            let by_field = l
                .split('|')
                .skip(1)
                .any(|f| header::opens_with_by(f.trim_start()));
            if by_field && let Some(b) = byline(l, style, false) {
                return Kind::Byline(b);
            }
            if shape.words <= 8 && super::dates::is_other_calendar_line(l) {
                return Kind::Chrome("a date in another calendar".to_string());
            }
            if shape.words <= 14
                && let Some(b) = entry_meta(l, style)
            {
                return Kind::Byline(b);
            }
            // "Nadia Al Qassimi Sep 27, 2024": the author's name and the date
            // run together (two elements of one byline box).
            // (Only a line ending in a year or a time is tried: reading a
            // date after every word is dear.)
            // ("Sara Jaff 27 September 2024 4 min read": and its reading
            // time.)
            let timed = super::dates::without_reading_time(l);
            if shape.words <= 10
                && ends_like_a_date(timed)
                && let Some((names, d)) = header::names_then_date(timed, style)
                && !names.to_lowercase().split_whitespace().any(|w| w == "by")
                && let Some(authors) = names_alone(names)
                && !authors.iter().any(|n| people::is_place(n))
            {
                return Kind::Byline(Byline {
                    authors,
                    date: Some(d),
                    ..Byline::default()
                });
            }
            // (An author box's spans run into one line with both its
            // labelled dates run longer: "Jane Roe Energy Correspondent
            // Published: ... Last updated: ...".)
            if (shape.words <= 16
                || shape.words <= 24 && super::dates::publication_label_at(l).is_some())
                && !header::is_series_title(l)
                && let Some(d) = parse_date_line(without_update_note(l), style, 3)
            {
                let named = authors_of_date_line(l, style);
                if let Some(authors) = named {
                    let mut b = Byline {
                        authors,
                        date: Some(d),
                        ..Byline::default()
                    };
                    // "Jane Roe | Harbour Times | September 27, 2024": the
                    // outlet (or an agency) in a field of its own.
                    if let Some(name) = outlet_field(l) {
                        header::read_credit(&name, &mut b);
                    }
                    return Kind::Byline(b);
                }
                // "AFP , Saturday 3 Feb 2024", "World News | AFP | Updated:
                // ...": the agency a reprint credits.
                if let Some(agency) = l
                    .split_once(',')
                    .map(|(agency, _)| agency)
                    .filter(|a| is_wire(a.trim()))
                    .or_else(|| l.split('|').find(|f| is_wire(f.trim())))
                {
                    return Kind::Byline(Byline {
                        credits: vec![canonical(agency.trim())],
                        date: Some(d),
                        ..Byline::default()
                    });
                }
                return Kind::Date(d);
            }
            let marked = matches!(mark, Some(MarkKind::Byline | MarkKind::Date));
            if let Some(b) = byline(l, style, marked) {
                return Kind::Byline(with_run_in_author(b, l, style, marked));
            }
            // ("Jane Roe with Reuters, AFP": a correspondent over agency copy.)
            if let Some(b) = header::signed_over_agencies(l, style) {
                return Kind::Byline(b);
            }
            if let Some(names) = credit_line(l) {
                return Kind::Credit(names);
            }
            if let Some(name) = outlet_line(l) {
                return Kind::OutletLine(name);
            }
            if is_author_box(l) {
                return Kind::Chrome("author box".to_string());
            }
            if header::outlet_notice(l) {
                return Kind::Chrome("outlet's notice".to_string());
            }
            if let Some(why) = boilerplate.matches(l) {
                return Kind::Chrome(why.to_string());
            }
            if let Some(why) = chrome_by_shape(l, shape) {
                return Kind::Chrome(why.to_string());
            }
            if shape.words >= 2 && l.split_whitespace().all(|w| w.starts_with('#')) {
                return Kind::Chrome("hashtags".to_string());
            }
            Kind::Text(opening_density(l, shape))
        })
        .collect()
}

/// "Sara Jaff 27 September 2024 4 min read": the markup's author and date
/// fields run together into one line it marks as the byline; the name
/// before the date is the author.
fn with_run_in_author(mut b: Byline, l: &str, style: DateStyle, marked: bool) -> Byline {
    if b.authors.is_empty() && b.credits.is_empty() && marked {
        b.authors = authors_of_date_line(l, style).unwrap_or_default();
    }
    b
}

/// A line's class on its own ([`density`]), and a whole sentence that opens
/// with a dateline ("TEHRAN, Aug. 06 (IRNA) – Rockets hit ...") is article
/// text however short: it is a story's first paragraph, which some pages
/// print above the date and the page's own lines.
fn opening_density(line: &str, shape: &Shape) -> Density {
    let own = density(shape);
    let opens_a_story = || {
        shape.sentence_end
            && shape.words >= 12
            && header::dateline(line).is_some_and(|d| !d.place.is_empty())
    };
    if own == Density::NearGood && opens_a_story() {
        Density::Good
    } else {
        own
    }
}

/// Is candidate line `i` (candidates start at `starts`, in line order; each
/// line is first printed again at `again_at`) a section's label printed
/// again: under another candidate, or, capitalised as a section's name is
/// ("Nation & World", not "The Nujaba problem"), right above one (the
/// kicker over the headline)?
fn label_printed_again(
    i: usize,
    starts: &[usize],
    again_at: &HashMap<usize, usize>,
    lines: &[Line],
    kinds: &[Kind],
) -> bool {
    let section_name = || {
        lines[i].text.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c == '&')
                || matches!(w, "and" | "of" | "the" | "in")
        })
    };
    // The first candidate after a line, by bisection.
    let next_after = |line: usize| starts.get(starts.partition_point(|&s| s <= line));
    // (A kicker of a word or two may stand between, "Nation & World" /
    // "Analysis" / the headline, and so may a byline printed over it.)
    let label = |m: usize| {
        matches!(kinds[m], Kind::Chrome(_) | Kind::Byline(_))
            || matches!(kinds[m], Kind::Text(_)) && lines[m].text.split_whitespace().count() <= 2
    };
    again_at.get(&i).is_some_and(|&j| {
        next_after(i).is_some_and(|&s| s < j)
            || section_name() && next_after(j).is_some_and(|&s| (j + 1..s).all(label))
    })
}

/// "1. Why are the two countries talking now?": an item of a numbered
/// list (an explainer's questions), never the page's headline.
fn is_numbered_item(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// "Le Monde.fr - Actualités et Infos en France et dans le monde": the
/// site's title in its own language over an English edition's story (three
/// different function words of French, Spanish, German or Italian; an
/// English headline may hold one in a name, "de Mistura").
fn in_another_language(text: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "et", "dans", "le", "la", "les", "des", "du", "au", "aux", "pour", "avec", "sur", "une",
        "und", "der", "das", "mit", "für", "ist", "del", "para", "della", "di", "che", "een",
        "het",
    ];
    let mut seen: Vec<&str> = Vec::new();
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if let Some(f) = FUNCTION_WORDS.iter().find(|f| **f == w)
            && !seen.contains(f)
        {
            seen.push(f);
        }
    }
    seen.len() >= 3
}

/// Is line `i` printed again on the page as its headline is: not as a
/// section's heading, nor among the tags.
fn printed_again((lines, shapes, kinds): (&[Line], &[Shape], &[Kind]), i: usize) -> bool {
    // Printed again, and not as the heading of a section (a live blog's key
    // moments repeat its entries' headings); printed again over its
    // standfirst and byline, it is the headline (a share box showed it first).
    let signed = |j: usize| matches!(kinds.get(j), Some(Kind::Byline(_) | Kind::Date(_)));
    let over_byline = |j: usize| {
        let mut next = (j + 1..kinds.len()).filter(|&n| !matches!(kinds[n], Kind::Chrome(_)));
        match (next.next(), next.next()) {
            (Some(a), _) if signed(a) => true,
            // A standfirst between (a live blog's entry text is a paragraph,
            // and a time stamp, not a byline, follows it).
            (Some(a), Some(b)) => {
                matches!(kinds[a], Kind::Text(d) if d != Density::Good)
                    && matches!(kinds[b], Kind::Byline(_))
            }
            _ => false,
        }
    };
    // A repeat listed under "Most Read" or "Trending": a ticker's story
    // is among the site's most read, as this page's headline may not be.
    let listed_under_promo = |j: usize| {
        let top = (0..j).rev().take(8).find(|&k| {
            !matches!(kinds[k], Kind::Text(_) | Kind::Repeat(_)) || shapes[k].sentence_end
        });
        top.is_some_and(|k| matches!(&kinds[k], Kind::Chrome(why) if why == "promo heading"))
    };
    kinds.iter().enumerate().any(|(j, k)| {
        *k == Kind::Repeat(i)
            && !in_tag_list(lines, shapes, j)
            && !listed_under_promo(j)
            && (over_byline(j)
                || !matches!(
                    kinds[j + 1..]
                        .iter()
                        .find(|k| matches!(k, Kind::Text(_) | Kind::Chrome(_))),
                    Some(Kind::Text(Density::Good | Density::NearGood))
                ))
    })
}

/// "Talks resume | Gulf Ledger" over "Talks resume": the page's title (a
/// scrape copies it from the browser's tab) printed above line `i`, the
/// same words with the site's name after a separator or before it.
fn titled_above(lines: &[Line], i: usize) -> bool {
    let headline = normalise(&lines[i].text);
    // (The headline is the longer part: the site's name alone on the next
    // line is no headline.)
    lines[..i].iter().any(|l| {
        l.text.len() > lines[i].text.len()
            && title_readings(&l.text)
                .any(|(head, site)| head.len() > site.len() && normalise(head) == headline)
    })
}

/// A page title's readings at each separator, in turn: "Headline | Site"
/// (after the last one) and "Site - Headline" (after the first), each as
/// (headline part, site part).
fn title_readings(title: &str) -> impl Iterator<Item = (&str, &str)> {
    TITLE_SEPARATORS.iter().flat_map(move |sep| {
        let site_last = title.rsplit_once(sep);
        let site_first = title.split_once(sep).map(|(site, head)| (head, site));
        site_last.into_iter().chain(site_first)
    })
}

/// The evidence of a headline over its byline.
const BYLINE_FOLLOWS: &str = "a byline follows it";

/// The evidence of a headline printed again on the page.
const PRINTED_AGAIN: &str = "the page prints it more than once";

/// "Drawdown begins" right over its byline or date: two words in sentence
/// case are a short headline (a section's label is set in title case:
/// "Middle East"; "Pentagon reporter" under its author's name is her job).
fn short_headline_over_byline(lines: &[Line], shapes: &[Shape], kinds: &[Kind], i: usize) -> bool {
    let signed = |j: usize| matches!(kinds[j], Kind::Byline(_) | Kind::Date(_));
    let unsigned_above = !chrome_passed_up(kinds, i).is_some_and(signed);
    let signed_below = (i + 1..lines.len().min(i + 3))
        .find(|&j| !matches!(kinds[j], Kind::Chrome(_)))
        .is_some_and(signed);
    shapes[i].words == 2
        && !header::is_journalist_role(&lines[i].text)
        && lines[i]
            .text
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
        && unsigned_above
        && signed_below
}

/// "Talks are a chance to reset ties. Washington should take it." right
/// over "By Jane Roe": a headline that the site ends with a full stop (a
/// commentary's argument in a sentence or two). A standfirst over a byline
/// also ends with one, but it has its headline over it: this line has only
/// the page's labels and its date.
fn stopped_headline_over_byline(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    i: usize,
) -> bool {
    lines[i].text.trim_end().ends_with('.')
        && (5..=24).contains(&shapes[i].words)
        && shapes[i].starts_like_a_sentence
        && shapes[i].separators == 0
        && crate::sentences::sentences(&lines[i].text).len() <= 2
        && signs_it(kinds, past_chrome(kinds, i + 1))
        && chrome_passed_up(kinds, i).is_none_or(|j| !matches!(kinds[j], Kind::Text(_)))
}

/// The headline: among the text lines above the first good paragraph, the
/// first with a headline's shape, unless a later one has stronger evidence
/// (an HTML heading, the page's metadata headline, printed twice). Never the
/// masthead, and never the line right under it when another candidate
/// follows (a tagline: "Baghdad's English daily since 2009").
fn choose_headline(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    masthead: Option<&Masthead>,
    meta: &SourceMeta,
) -> Option<(usize, String, String)> {
    let region_end = first_good_line(kinds);
    let meta_title = meta.title.as_deref().map(normalise);
    let site_name = meta.outlet.as_deref().map(normalise);
    let repeated = |i: usize| printed_again((lines, shapes, kinds), i);
    // "Home > Briefings > The Headline": the trail ends with the page's title.
    let crumbs: Vec<String> = (0..region_end)
        .filter(|&i| matches!(&kinds[i], Kind::Chrome(why) if why == "breadcrumb" || why == "navigation"))
        .filter_map(|i| {
            lines[i]
                .text
                .rsplit(['>', '»', '›', '|', '/'])
                .next()
                .map(normalise)
        })
        .collect();
    let mut candidates: Vec<(usize, u8, String)> = Vec::new();
    // Nothing above the masthead heads the article ("Republic of Iraq" over
    // the ministry's name).
    for i in masthead.map_or(0, |m| m.index + 1)..region_end {
        if !matches!(kinds[i], Kind::Text(_)) {
            continue;
        }
        let heading = match meta.mark(lines[i].no) {
            Some(MarkKind::Heading(level)) => Some(level),
            _ => None,
        };
        // "* Talks to set timetable": a summary point under the headline
        // is a list item, and no headline is printed as one.
        let bulleted = lines[i]
            .text
            .trim_start()
            .strip_prefix(['*', '•', '▪', '·'])
            .is_some_and(|rest| rest.starts_with(' '))
            || is_numbered_item(&lines[i].text);
        // (Nor the site's name the metadata gives, printed as a heading
        // over a page that prints no headline.)
        let short_over_byline = short_headline_over_byline(lines, shapes, kinds, i);
        let shaped = headline_shaped(
            &lines[i].text,
            &shapes[i],
            heading.is_some() || short_over_byline,
        ) || stopped_headline_over_byline(lines, shapes, kinds, i);
        // "Euphrates Front News" over "@euphratesfront": an account's name
        // over its handle heads a channel's posts, not one headline.
        let account = matches!(kinds.get(i + 1), Some(Kind::Chrome(why)) if why == "social handle");
        if bulleted
            || !shaped
            || account
            || in_another_language(&lines[i].text)
            || site_name.as_deref() == Some(normalise(&lines[i].text).as_str())
        {
            continue;
        }
        let mut evidence = Vec::new();
        let mut score = 0u8;
        if let Some(level) = heading {
            score += if level == 1 { 4 } else { 3 };
            evidence.push(format!("the page marks it up as a level-{level} heading"));
        }
        if meta_title.as_deref() == Some(normalise(&lines[i].text).as_str()) {
            score += 3;
            evidence.push("the page's metadata gives it as the headline".to_string());
        }
        // (A ticker's item is printed again in the most-read box: both
        // are lists of headlines, not this page's.)
        if repeated(i) && !in_list_of_headlines(i, lines, shapes, kinds) {
            score += 2;
            evidence.push(PRINTED_AGAIN.to_string());
        }
        if crumbs.contains(&normalise(&lines[i].text)) {
            score += 2;
            evidence.push("the breadcrumb trail ends with it".to_string());
        }
        if titled_above(lines, i) {
            score += 2;
            evidence.push("the page's title above gives it with the site's name".to_string());
        }
        if let Some(why) = signed_under((lines, shapes, kinds), i, region_end) {
            score += 1;
            evidence.push(why);
        }
        candidates.push((i, score, evidence.join("; ")));
    }
    add_scraper_title(&mut candidates, lines, kinds, region_end);
    drop_labels_menus_and_taglines(&mut candidates, (lines, shapes, kinds), masthead, meta);
    add_live_page_title(&mut candidates, lines, kinds, region_end);
    add_labelled_title(&mut candidates, (lines, kinds), masthead, region_end);
    let best = candidates
        .iter()
        .enumerate()
        .max_by_key(|(pos, c)| (c.1, std::cmp::Reverse(*pos)))
        .map(|(_, c)| c)?;
    let (i, _, evidence) = best;
    let why = if evidence.is_empty() {
        format!(
            "the first line with a headline's shape at the top of the page (line {})",
            lines[*i].no
        )
    } else {
        format!("line {}: {evidence}", lines[*i].no)
    };
    let mut why = why;
    let text = match scraper_title(&lines[*i].text, &kinds[*i]) {
        Some(title) if evidence.as_str() == SCRAPER_TITLE => title.to_string(),
        _ => lines[*i].text.clone(),
    };
    if let Some(t) = &meta.title
        && normalise(t) != normalise(&text)
    {
        why.push_str(&format!("; the page's metadata headline differs: {t:?}"));
    }
    Some((*i, text, why))
}

/// What signs headline candidate `i` from below: a byline right under it
/// (a tagline or a teaser has none), or under the standfirst that follows
/// it, its summary points, its office and date, or a byline over it with
/// the article under it. The evidence's wording, if any.
fn signed_under(
    (lines, shapes, kinds): (&[Line], &[Shape], &[Kind]),
    i: usize,
    region_end: usize,
) -> Option<String> {
    // ("Gulf Wire staff", a desk's credit the chrome patterns know,
    // signs it too.)
    let desk = |j: usize| matches!(&kinds[j], Kind::Chrome(why) if why == "byline");
    let byline_at = |from: usize| {
        (from..kinds.len()).find(|&j| desk(j) || !matches!(kinds[j], Kind::Chrome(_)))
    };
    let is_byline = |j: Option<usize>| signs_it(kinds, j) || j.is_some_and(desk);
    let next = byline_at(i + 1);
    // A standfirst that is a sentence longer than the headline, then the
    // page's first date, then the article: "Iraqi and US officials say
    // ... ." (A list of headlines over a date stamp is no headline and
    // standfirst; nor is a live page's entry, under the stamp of the entry
    // before it; nor a channel's post of one paragraph under its name,
    // which is the text itself.)
    let dated = |k: Option<usize>| {
        k.is_some_and(|k| {
            matches!(kinds[k], Kind::Date(_))
                && kinds[k + 1..]
                    .iter()
                    .any(|t| matches!(t, Kind::Text(Density::Good | Density::NearGood)))
        }) && next.is_some_and(|j| shapes[j].sentence_end && shapes[j].words > shapes[i].words)
            && !kinds[..i].iter().any(|k| matches!(k, Kind::Date(_)))
    };
    // (Or its date, then the byline: "Sep 27, 2024 - ISW Press" / the
    // authors.)
    let dated_then_signed =
        next.is_some_and(|j| matches!(kinds[j], Kind::Date(_)) && is_byline(byline_at(j + 1)));
    if is_byline(next) || dated_then_signed {
        Some(BYLINE_FOLLOWS.to_string())
    } else if let Some(j) = next
        && matches!(kinds[j], Kind::Text(_))
        && (is_byline(byline_at(j + 1))
            || place_then_date(j, shapes, kinds)
            || dated(byline_at(j + 1)))
        && could_be_standfirst(lines, shapes, i, j)
        && !ends_a_list_of_headlines(i, j, lines, shapes, kinds)
        && !dated_entry(&lines[i].text)
    {
        Some(if is_byline(byline_at(j + 1)) {
            "its standfirst and a byline follow it".to_string()
        } else if dated(byline_at(j + 1)) {
            // (The picture's caption between them is chrome.)
            "its standfirst and the date follow it".to_string()
        } else {
            "its standfirst, a place and the date follow it".to_string()
        })
    } else if summary_points_follow(i, lines, shapes, kinds) {
        Some("its summary points and a byline follow it".to_string())
    } else if let Some(j) = next
        && let Some(k) = byline_at(j + 1)
        && two_line_standfirst(lines, shapes, kinds, i, [j, k])
        && is_byline(byline_at(k + 1))
    {
        Some("its standfirst of two lines and a byline follow it".to_string())
    } else if labels_then_date(i, lines, shapes, kinds) {
        Some("its document type or office and a date follow it".to_string())
    } else if is_byline(chrome_passed_up(kinds, i))
        && next.is_some_and(|j| j >= region_end || matches!(kinds[j], Kind::Date(_)))
    {
        // The layout that prints the author over the headline: the
        // byline above, the date or the article itself under it.
        Some("a byline stands over it and the article follows".to_string())
    } else {
        None
    }
}

const SCRAPER_TITLE: &str = "the scraper's record of the page gives it as the title";

/// "Title: ..." in a scraper's record of the page: the page's own title
/// when no printed line has better evidence (it is scored below the page's
/// metadata, which names the headline element itself).
fn add_scraper_title(
    candidates: &mut Vec<(usize, u8, String)>,
    lines: &[Line],
    kinds: &[Kind],
    region_end: usize,
) {
    for i in 0..region_end {
        if let Some(title) = scraper_title(&lines[i].text, &kinds[i])
            && headline_shaped(title, &Shape::of(title), false)
        {
            candidates.push((i, 2, SCRAPER_TITLE.to_string()));
        }
    }
}

/// The value of a scraper's "Title: ..." or "Headline: ..." field.
fn scraper_title<'a>(line: &'a str, kind: &Kind) -> Option<&'a str> {
    if !matches!(kind, Kind::Chrome(why) if why == "scraper's field") {
        return None;
    }
    let (label, value) = line.split_once(':')?;
    ["title", "headline"]
        .iter()
        .any(|l| label.trim().eq_ignore_ascii_case(l))
        .then(|| value.trim())
        .filter(|v| !v.is_empty())
}

/// A press office prints the document's type and its own name between the
/// headline and the date ("Media Note", "Office of the Spokesperson"): one
/// or two short labels, then the date or a byline.
fn labels_then_date(i: usize, lines: &[Line], shapes: &[Shape], kinds: &[Kind]) -> bool {
    // "Ministry of Foreign Affairs of the Republic of Iraq" / "Press
    // Release" / the date: the issuer's name over its labels, not a headline.
    if shapes[i].words < 5 || header::is_body_name(&lines[i].text) {
        return false;
    }
    // An author's name alone over the date (a blog's byline) is no label:
    // the line above it is the standfirst, under the headline.
    // ("Press Statement" may be printed in the menu too.)
    let label = |j: usize| {
        matches!(kinds[j], Kind::Text(_) | Kind::Repeat(_))
            && shapes[j].words <= 4
            && !shapes[j].sentence_end
            && names_alone(&lines[j].text).is_none()
    };
    let mut j = past_chrome(kinds, i + 1);
    for _ in 0..2 {
        match j {
            Some(k) if label(k) => j = past_chrome(kinds, k + 1),
            _ => return false,
        }
        // (A byline over another line of the header is the byline of the
        // headline under it: the labels were the page's.)
        let signed = signs_it(kinds, j)
            && j.and_then(|k| past_chrome(kinds, k + 1))
                .is_none_or(|d| d >= first_good_line(kinds) || matches!(kinds[d], Kind::Date(_)));
        if j.is_some_and(|k| matches!(kinds[k], Kind::Date(_))) || signed {
            return true;
        }
        // "Press Statement" / "Jane Roe, Department Spokesperson" / the date.
        if let Some(k) = j
            && matches!(&kinds[k], Kind::Byline(b) if b.speaker.is_some())
            && past_chrome(kinds, k + 1).is_some_and(|d| matches!(kinds[d], Kind::Date(_)))
        {
            return true;
        }
    }
    false
}

/// "ROME" / "28 September 2024" under line `j` (a standfirst): an agency's
/// filing place, a line of at most three words, then the date.
fn place_then_date(j: usize, shapes: &[Shape], kinds: &[Kind]) -> bool {
    let Some(k) = past_chrome(kinds, j + 1) else {
        return false;
    };
    // (Or the section's label printed again from the menu: "World".)
    matches!(kinds[k], Kind::Text(_) | Kind::Repeat(_))
        && shapes[k].words <= 3
        && !shapes[k].sentence_end
        && past_chrome(kinds, k + 1).is_some_and(|d| matches!(kinds[d], Kind::Date(_)))
}

/// Can line `j`, under the headline candidate `i` and over a byline, be
/// its standfirst? A standfirst is usually longer than its headline, but
/// not always ("Pentagon says X" under a fourteen-word headline); a kicker
/// above a headline is a few words ("Analysis", "Iraq war"), so a line of
/// six words or more above text above a byline is the headline whatever
/// its length.
fn could_be_standfirst(lines: &[Line], shapes: &[Shape], i: usize, j: usize) -> bool {
    use super::entities::is_title_case;
    let (head, stand) = (&shapes[i], &shapes[j]);
    // "World", "Middle East": a section's label under a tagline, no
    // standfirst (which says something, in a phrase at least).
    if stand.words < 4 {
        return false;
    }
    if head.words >= 6 {
        return true;
    }
    // A kicker over a headline in title case ("The Quiet Contribution" /
    // "Berlin Weighs Its Role as ..."): a standfirst is written as a
    // sentence.
    let kicker_over_title_case = is_title_case(&lines[j].text);
    // A section's label in title case over a short headline without a stop
    // ("World Cup Qualifiers" / "Iraq edge Oman to keep ... alive"): a
    // standfirst under a headline of three words is longer; "Ops & Blogs" /
    // a headline of thirteen words: a menu's last item over the headline).
    // ("Defense & National Security": a section of the site joins its
    // subjects with an ampersand, a headline seldom.)
    let label_over_headline = (head.words <= 3 || head.words <= 5 && lines[i].text.contains(" & "))
        && capitalised_label(&lines[i].text)
        && stand.words <= 16
        && !stand.sentence_end;
    stand.words > head.words && !kicker_over_title_case && !label_over_headline
}

/// "US, Iraq Set to Open Talks on Ending the Mission" / "Iraq wants a
/// timeline for ..." / "Baghdad seeks to avoid ...": a headline in title
/// case over two lines in sentence case (a publisher's summary points
/// printed without their bullets, often longer than the headline), then the
/// byline. The case tells the headline from the first point; a list of
/// other stories' headlines is set all in one case.
fn two_line_standfirst(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
    i: usize,
    stand: [usize; 2],
) -> bool {
    use super::entities::is_title_case;
    shapes[i].words >= 6
        && !shapes[i].sentence_end
        && is_title_case(&lines[i].text)
        && stand.iter().all(|&s| {
            matches!(kinds[s], Kind::Text(_))
                && shapes[s].words >= 6
                && could_be_standfirst(lines, shapes, i, s)
                && !is_title_case(&lines[s].text)
        })
}

/// Is line `i` the last of a list of other stories' headlines, set apart
/// from the line `j` under it ("Most read" without its label: three
/// headlines on consecutive lines, a space, then the article's headline
/// over its byline)? Then `j` is no standfirst of `i`.
fn ends_a_list_of_headlines(
    i: usize,
    j: usize,
    lines: &[Line],
    shapes: &[Shape],
    kinds: &[Kind],
) -> bool {
    i >= 2
        && lines[j].no > lines[i].no + 1
        && (i - 2..i).all(|k| {
            matches!(kinds[k], Kind::Text(_))
                && lines[k + 1].no == lines[k].no + 1
                && !shapes[k].sentence_end
                && headline_shaped(&lines[k].text, &shapes[k], false)
        })
}

/// Line `i` and at least two lines printed right next to it (above or
/// below, line after line) are all shaped as headlines: a ticker's or a
/// box's list of other stories.
fn in_list_of_headlines(i: usize, lines: &[Line], shapes: &[Shape], kinds: &[Kind]) -> bool {
    let item = |k: usize| {
        matches!(kinds[k], Kind::Text(_) | Kind::Repeat(_))
            && !shapes[k].sentence_end
            && shapes[k].words >= 4
            && headline_shaped(&lines[k].text, &shapes[k], false)
    };
    let next_to = |k: usize, j: usize| lines[k].no.abs_diff(lines[j].no) == 1;
    let above = (0..i)
        .rev()
        .take_while(|&k| item(k) && next_to(k, k + 1))
        .count();
    let below = (i + 1..kinds.len())
        .take_while(|&k| item(k) && next_to(k, k - 1))
        .count();
    item(i) && above + below >= 2
}

/// "World Cup Qualifiers", "Middle East": every word capitalised but
/// short joining ones ("of", "and").
fn capitalised_label(text: &str) -> bool {
    text.split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()) || w.len() <= 3)
}

/// "Live updates: US and Iraq announce ...": a live page's title, which a
/// teaser above another headline also looks like, so taken when the page
/// has no other headline, or when a byline or date line is right under it
/// (a teaser has another headline under it).
fn add_live_page_title(
    candidates: &mut Vec<(usize, u8, String)>,
    lines: &[Line],
    kinds: &[Kind],
    region_end: usize,
) {
    let Some(i) = (0..region_end.min(lines.len())).find(|&i| {
        header::live_label_rest(&lines[i].text).is_some_and(|rest| {
            // "Live updates: drone attacks ...": the label's rest may begin
            // in lower case.
            let mut chars = rest.chars();
            let rest: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            matches!(kinds[i], Kind::Text(_))
                && header::headline_shaped(&rest, &Shape::of(&rest), false)
        })
    }) else {
        return;
    };
    add_uncontested(candidates, kinds, i, "a live page's title");
}

/// Line `i` as a headline that another line's shape may also take: when
/// the page has no other headline, or when a byline or date is right under
/// it (a teaser has another headline under it).
fn add_uncontested(
    candidates: &mut Vec<(usize, u8, String)>,
    kinds: &[Kind],
    i: usize,
    what: &str,
) {
    let signed = past_chrome(kinds, i + 1)
        .is_some_and(|j| matches!(kinds[j], Kind::Byline(_) | Kind::Date(_)));
    if candidates.is_empty() {
        candidates.push((i, 0, format!("{what} (no other headline)")));
    } else if signed {
        let why = format!("{what}, with a byline or date under it");
        match candidates.iter_mut().find(|c| c.0 == i) {
            // (Already a candidate on its shape alone: this is its evidence.)
            Some(c) if c.1 == 0 => *c = (i, 1, why),
            Some(_) => {}
            None => {
                let at = candidates.partition_point(|c| c.0 < i);
                candidates.insert(at, (i, 1, why));
            }
        }
    }
}

/// "WATCH: Coalition hands over Taji", "Analysis | Coalition hands over
/// Taji", "Coalition hands over Taji | Harbour Times": a headline with a
/// ticker's or section's label before it or the site's name after a bar,
/// which a teaser or a page's title over another headline also looks like
/// ([`add_uncontested`]).
fn add_labelled_title(
    candidates: &mut Vec<(usize, u8, String)>,
    (lines, kinds): (&[Line], &[Kind]),
    masthead: Option<&Masthead>,
    region_end: usize,
) {
    let headline = |text: &str| header::headline_shaped(text, &Shape::of(text), false);
    let from = masthead.map_or(0, |m| m.index + 1);
    let Some(i) = (from..region_end.min(lines.len())).find(|&i| {
        let text = &lines[i].text;
        // ("WATCH: ..." is a video's teaser inside an article.)
        (matches!(kinds[i], Kind::Text(_))
            || matches!(&kinds[i], Kind::Chrome(why) if why == "teaser"))
            && !candidates.iter().any(|c| c.0 == i)
            && (header::kicker_rest(text).is_some_and(headline)
                || site_suffix(text, lines, i).is_some_and(|(head, _)| headline(head)))
    }) else {
        return;
    };
    add_uncontested(candidates, kinds, i, "a labelled headline");
}

/// "Headline | Outlet" above the headline at line `t`, or as a saved
/// page's `<title>`, or as the headline itself: the page's own title names
/// the outlet.
fn page_title_outlets(
    lines: &[Line],
    t: usize,
    meta: &SourceMeta,
) -> Vec<(OutletSource, String, Option<usize>)> {
    let mut outlets = Vec::new();
    let headline = normalise(&lines[t].text);
    // (An institution's whole name, "The Washington Institute for Near
    // East Policy", when the page prints it alone on a line too.)
    // ("Headline | News": the section's word, not a name.)
    let named = |name: &str| {
        !header::is_section_word(name)
            && (header::is_proper_name(name)
                || known_outlet(name).is_some()
                || header::is_name_shaped(name, 10)
                    && lines.iter().any(|l| normalise(&l.text) == normalise(name)))
    };
    // "Headline | Outlet", or the site's name first: "Outlet - Headline".
    let titled = |title: &str| {
        title_readings(title)
            .find(|(head, site)| normalise(head) == headline && named(site))
            .map(|(_, site)| site.trim().to_string())
    };
    for line in lines.iter().take(t) {
        if let Some(outlet) = titled(&line.text) {
            outlets.push((OutletSource::PageTitle, outlet, Some(line.no)));
        }
    }
    // The page's title is the only headline: "Headline - Outlet".
    if let Some((_, site)) = site_suffix(&lines[t].text, lines, t) {
        outlets.push((OutletSource::PageTitle, site.to_string(), Some(lines[t].no)));
    }
    // The <title> shortens or rewords the headline ("Coalition mission to
    // end | Harbour Courier" over a longer <h1>): its site's name still
    // counts when the page prints it on a line of its own or in its
    // copyright line, and it is no person's name (an opinion piece's
    // "Why talks failed - Jane Roe").
    let reworded = || {
        let title = meta.title.as_deref()?;
        let (_, site) = site_suffix(title, lines, usize::MAX)?;
        (known_outlet(site).is_some() || !header::is_plausible_person_name(site))
            .then(|| site.to_string())
    };
    if let Some(outlet) = meta.title.as_deref().and_then(titled).or_else(reworded) {
        outlets.push((OutletSource::PageTitle, outlet, None));
    }
    outlets
}

/// "Iraq, US begin talks - The Basra Times": a page's title printed as its
/// only headline, the site's name after the last separator. The name must
/// be a known outlet's, or stand on a line of its own or in the copyright
/// line elsewhere on the page ("Talks begin - Sudani" keeps its speaker).
fn site_suffix<'a>(text: &'a str, lines: &[Line], at: usize) -> Option<(&'a str, &'a str)> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = text.rsplit_once(sep)?;
        let (head, tail) = (head.trim(), tail.trim());
        if head.split_whitespace().count() < 4 {
            return None;
        }
        if known_outlet(tail).is_some() {
            return Some((head, tail));
        }
        // Only a name's shape is looked for elsewhere on the page (an
        // institution's may be long, a site's name of common words).
        if !header::is_name_shaped(tail, 10) {
            return None;
        }
        let lower = tail.to_lowercase();
        let printed_as_name = lines.iter().enumerate().any(|(j, l)| {
            let t = l.text.trim();
            j != at
                && (t.to_lowercase() == lower
                    || (t.contains('©') || t.to_lowercase().contains("copyright"))
                        && header::contains_words(&t.to_lowercase(), &lower))
        });
        printed_as_name.then_some((head, tail))
    })
}

/// "Iraqi parliament debates coalition deal | Sumer Today": a page's
/// metadata title and, after the last separator, its site's name (a known
/// outlet, or two to five capitalised words that are no person's name; a
/// headline before it of four words or more). Asked when the text prints
/// no headline, so nothing on the page need confirm the name.
pub(super) fn title_and_site(title: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (head, site) = title.rsplit_once(sep)?;
        let (head, site) = (head.trim(), site.trim());
        let words = site.split_whitespace().count();
        let named = known_outlet(site).is_some()
            || (2..=5).contains(&words)
                && header::is_proper_name(site)
                && !header::is_plausible_person_name(site);
        (head.split_whitespace().count() >= 4 && named).then_some((head, site))
    })
}

/// What separates a page's title from its site's name ("Headline | Outlet").
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// Each line's shape. A repeated line has the shape of its first
/// occurrence: a scrape of one paragraph repeated 300,000 times is
/// measured once.
fn shapes_of(lines: &[Line]) -> Vec<Shape> {
    let mut measured: HashMap<&str, Shape> = HashMap::new();
    lines
        .iter()
        .map(|l| {
            *measured
                .entry(l.text.as_str())
                .or_insert_with(|| Shape::of(&l.text))
        })
        .collect()
}

/// The lines that are photo captions.
fn captions(lines: &[Line], kinds: &[Kind]) -> Vec<(usize, String)> {
    lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| matches!(k, Kind::Chrome(why) if why == "photo caption"))
        .map(|(l, _)| (l.no, l.text.clone()))
        .collect()
}

/// Two to five lines shaped like headlines, each shorter than line `i`,
/// then the byline (chrome between them looked past): the points a tabloid
/// prints under its headline.
fn summary_points_follow(i: usize, lines: &[Line], shapes: &[Shape], kinds: &[Kind]) -> bool {
    // "Oil exports resume - 12 September 2024": a list's entry carries its
    // story's date; a headline over its points does not.
    if dated_entry(&lines[i].text) {
        return false;
    }
    let mut j = past_chrome(kinds, i + 1);
    let mut points = 0;
    // The points are set as the headline is: a wider space before a line
    // ends them (a list of other stories' headlines, a space, then the
    // article's own headline over its byline).
    // (Chrome between, a photo's caption under the headline, is not space.)
    let gap = |a: usize, b: usize| lines[b].no - lines[a].no - (b - a - 1);
    let spacing = j.map(|k| gap(i, k));
    let mut last = i;
    while let Some(k) = j.filter(|&k| {
        matches!(kinds[k], Kind::Text(_))
            && Some(gap(last, k)) == spacing
            && shapes[k].words < shapes[i].words
            && headline_shaped(&lines[k].text, &shapes[k], false)
    }) {
        points += 1;
        last = k;
        j = past_chrome(kinds, k + 1);
    }
    (2..=5).contains(&points) && signs_it(kinds, j)
}

/// "Baghdad heatwave breaks records - 30 August 2024": words, a dash or a
/// bar, then a date: an entry of a list of stories.
fn dated_entry(text: &str) -> bool {
    [" - ", " – ", " — ", " | "].iter().any(|sep| {
        text.rsplit_once(sep).is_some_and(|(words, date)| {
            words.split_whitespace().count() >= 3
                && parse_date_line(date.trim(), DateStyle::default(), 0).is_some()
        })
    })
}

/// Is line `j` one of a list of tags ("Tags" / "Iraq" / "Office of the
/// Spokesperson"): short lines under a tag list's label. A section's name
/// printed in the menu and again among the tags is no headline printed twice.
fn in_tag_list(lines: &[Line], shapes: &[Shape], j: usize) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^(?:tags?|categor(?:y|ies)|filed under|posted in|(?:related )?topics?|keywords?|subjects?)\s*:?$")
            .unwrap()
    });
    (j.saturating_sub(12)..j)
        .rev()
        .take_while(|&k| shapes[k].words <= 5 && !shapes[k].sentence_end)
        .any(|k| re.is_match(lines[k].text.trim()))
}

/// The first line from `from` on that is not chrome.
fn past_chrome(kinds: &[Kind], from: usize) -> Option<usize> {
    kinds[from..]
        .iter()
        .position(|k| !matches!(k, Kind::Chrome(_)))
        .map(|p| from + p)
}

/// The nearest line before `before` that is not chrome.
fn chrome_passed_up(kinds: &[Kind], before: usize) -> Option<usize> {
    kinds[..before]
        .iter()
        .rposition(|k| !matches!(k, Kind::Chrome(_)))
}

/// Is line `j` a byline that signs an article (its authors, or no speaker):
/// what a headline has under it.
fn signs_it(kinds: &[Kind], j: Option<usize>) -> bool {
    j.is_some_and(
        |j| matches!(&kinds[j], Kind::Byline(b) if !b.authors.is_empty() || b.speaker.is_none()),
    )
}

/// Candidates that are not the headline though they look like one: a
/// section label a later candidate begins with, the last item of a menu, a
/// tagline under the masthead.
fn drop_labels_menus_and_taglines(
    candidates: &mut Vec<(usize, u8, String)>,
    (lines, shapes, kinds): (&[Line], &[Shape], &[Kind]),
    masthead: Option<&Masthead>,
    meta: &SourceMeta,
) {
    // A label that a later candidate begins with ("Press Briefing" above
    // "Press Briefing – 27 September") is a section, not the headline.
    let texts: Vec<String> = candidates
        .iter()
        .map(|c| normalise(&lines[c.0].text))
        .collect();
    let mut k = 0;
    candidates.retain(|_| {
        k += 1;
        let mine = &texts[k - 1];
        !texts[k..]
            .iter()
            .any(|t| t.starts_with(&format!("{mine} ")))
    });
    // The last item of a menu printed one item per line ("Home", "News",
    // "Articles & Analysis"): a few words under two or more lines as short,
    // when a headline follows it.
    // Or its first item, two such lines under it.
    // ("Russian Politics & Diplomacy": two sections' names joined are one
    // item.)
    let menu_item = |i: usize| {
        let short = |j: usize| {
            shapes.get(j).is_some_and(|s| {
                (s.words <= 3 || s.words == 4 && lines[j].text.contains(" & ")) && !s.sentence_end
            })
        };
        shapes[i].words <= 4
            && meta.mark(lines[i].no).is_none()
            && (i >= 2 && short(i - 1) && short(i - 2) || short(i + 1) && short(i + 2))
    };
    // A menu item printed again under another candidate is the section's
    // label over the article ("Office of the Spokesperson" in the menu, the
    // headline, then the label in capitals above the date), not a headline
    // printed twice (a share box's copy of the headline comes first).
    let starts: Vec<usize> = candidates.iter().map(|c| c.0).collect();
    // Where each line is first printed again (one pass, not one per candidate).
    let mut again_at: HashMap<usize, usize> = HashMap::new();
    for (j, k) in kinds.iter().enumerate() {
        if let Kind::Repeat(i) = k {
            again_at.entry(*i).or_insert(j);
        }
    }
    let label_again = |i: usize| label_printed_again(i, &starts, &again_at, lines, kinds);
    let menu_kept = |c: &(usize, u8, String)| {
        !menu_item(c.0) || c.1 > 0 && !(c.2 == PRINTED_AGAIN && label_again(c.0))
    };
    if candidates.iter().any(menu_kept) {
        candidates.retain(menu_kept);
    }
    // A label of three words or fewer ("News & Events") is not the
    // headline when a longer line further down has the date or a byline
    // right under it; printed again below that line ("Peace and Security"
    // over the headline and again under its date), it is the section's.
    let dated = |i: usize| {
        past_chrome(kinds, i + 1)
            .is_some_and(|j| matches!(kinds[j], Kind::Date(_) | Kind::Byline(_)))
    };
    // Printed between the headline and its date ("Iraq: UN envoy welcomes
    // ..." / "Peace and Security" / "8 September 2024") and again on the
    // page (its topics list), it is the section's label too.
    let mut k = 0;
    let previous: Vec<Option<usize>> = candidates
        .iter()
        .map(|c| {
            k += 1;
            (k >= 2)
                .then(|| candidates[k - 2].0)
                .filter(|&p| (p + 1..c.0).all(|j| matches!(kinds[j], Kind::Chrome(_))))
        })
        .collect();
    let mut k = 0;
    candidates.retain(|c| {
        k += 1;
        !(shapes[c.0].words <= 4
            && !shapes[c.0].sentence_end
            && again_at.contains_key(&c.0)
            && dated(c.0)
            && previous[k - 1].is_some_and(|p| shapes[p].words >= 6))
    });
    if let Some(at) = candidates
        .iter()
        .position(|c| shapes[c.0].words >= 6 && dated(c.0))
    {
        // The byline printed over that line ("By Jane Roe" / the headline
        // / the date) is no evidence for a label above it.
        let signed_above = chrome_passed_up(kinds, candidates[at].0)
            .is_some_and(|j| matches!(kinds[j], Kind::Byline(_)));
        let mut k = 0;
        candidates.retain(|c| {
            k += 1;
            k > at
                || c.1 > 0
                    && !(c.2 == PRINTED_AGAIN && label_again(c.0))
                    && !(c.2 == BYLINE_FOLLOWS && signed_above)
                || shapes[c.0].words > 3
        });
    }
    // An item of a ranked list ("Most read": "1", a headline, "2", a
    // headline, ...) is another story's teaser.
    let rank = |j: usize| {
        let t = lines.get(j)?.text.trim().trim_end_matches(['.', ')']);
        t.parse::<u8>().ok().filter(|n| (1..=20).contains(n))
    };
    let ranked_item = |i: usize| {
        i >= 1
            && rank(i - 1).is_some_and(|n| {
                rank(i + 1) == Some(n + 1) || i >= 3 && n > 1 && rank(i - 3) == Some(n - 1)
            })
    };
    if candidates.iter().any(|c| c.1 > 0 || !ranked_item(c.0)) {
        candidates.retain(|c| c.1 > 0 || !ranked_item(c.0));
    }
    drop_tagline(candidates, (lines, shapes, kinds), masthead);
}

/// Drop the first candidate when it is the site's tagline under its
/// masthead (see below).
fn drop_tagline(
    candidates: &mut Vec<(usize, u8, String)>,
    (lines, shapes, kinds): (&[Line], &[Shape], &[Kind]),
    masthead: Option<&Masthead>,
) {
    // A tagline right under the masthead, when a headline follows it: one
    // with no evidence of its own, or one whose only evidence is the longer
    // line under it and the byline under that ("A project of the Institute
    // for ..." over the headline and its byline). A standfirst longer than
    // its headline is a sentence, and a sentence is not a candidate.
    // Not when a sentence of prose stands between them: the article has
    // begun under the first ("Harbour Daily" / the headline / its date / a
    // lead of twenty words / "No one was hurt. The base hosts advisers.").
    let prose_between = |a: usize, b: usize| {
        (a + 1..b).any(|j| {
            kinds[j] == Kind::Text(Density::NearGood)
                && shapes[j].sentence_end
                && shapes[j].words >= super::chrome::LEAD_WORDS
        })
    };
    // A tagline says what the site is, a headline what the article says:
    // "IRAQ AND US AGREE TIMELINE FOR COALITION EXIT" over a lead on Iraq,
    // the US, an agreement and the coalition is the headline, in capitals
    // like its masthead.
    let region_end = first_good_line(kinds);
    let tells_the_lead = |i: usize| {
        lines
            .get(region_end)
            .is_some_and(|lead| tells_of(&lines[i].text, &lead.text))
    };
    if let Some(m) = masthead
        && candidates.len() > 1
        && candidates[0].0 == m.index + 1
        && !prose_between(candidates[0].0, candidates[1].0)
        && !tells_the_lead(candidates[0].0)
        && (candidates[0].1 == 0
            || candidates[1].1 >= candidates[0].1
                && shapes[candidates[1].0].words > shapes[candidates[0].0].words)
    {
        candidates.remove(0);
    }
}

/// Under the article's last paragraph, the headline printed again,
/// shortened, by a share or comment box ("Share or comment on this
/// article:" over "Harbour Post agrees to ..."): a line that is no
/// sentence, whose words nearly all are the headline's, with no paragraph
/// of the article after it.
fn headline_again_after_text(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &mut [Kind],
    title_at: usize,
) {
    let good = |k: &Kind| *k == Kind::Text(Density::Good);
    let Some(last_good) = kinds.iter().rposition(good) else {
        return;
    };
    if last_good <= title_at {
        return;
    }
    let title = lines[title_at].text.as_str();
    for i in last_good + 1..kinds.len() {
        if matches!(kinds[i], Kind::Text(_))
            && !shapes[i].sentence_end
            && shapes[i].words >= 5
            && echoes(&lines[i].text, title)
        {
            kinds[i] = Kind::Chrome("repeats the headline".to_string());
        }
    }
}

/// A page that scrolls on into the next story prints it as it printed
/// this one: the section's label over the headline ("Region" / "Iraq says
/// ..."), then its paragraphs. Past the article's text, the label above
/// this story's headline printed again over a line shaped as a headline
/// and a paragraph is where the next story begins.
fn next_story_under_its_kicker(
    lines: &[Line],
    shapes: &[Shape],
    kinds: &mut [Kind],
    title_at: usize,
) {
    let Some(kicker) = title_at.checked_sub(1) else {
        return;
    };
    let label = |i: usize| {
        (1..=3).contains(&shapes[i].words)
            && !shapes[i].sentence_end
            && matches!(kinds[i], Kind::Text(_) | Kind::Repeat(_))
    };
    if !label(kicker) {
        return;
    }
    let good = |k: &Kind| *k == Kind::Text(Density::Good);
    let Some(begun) = (title_at + 1..kinds.len()).find(|&i| good(&kinds[i])) else {
        return;
    };
    let same = normalise(&lines[kicker].text);
    let headline = |i: usize| {
        matches!(kinds[i], Kind::Text(_))
            && (4..=20).contains(&shapes[i].words)
            && !shapes[i].sentence_end
            && lines[i].text.starts_with(char::is_uppercase)
    };
    let at = (begun + 1..kinds.len().saturating_sub(2))
        .find(|&i| normalise(&lines[i].text) == same && headline(i + 1) && good(&kinds[i + 2]));
    if let Some(i) = at {
        kinds[i] = Kind::Chrome("next article".to_string());
    }
}

/// Are (nearly) all of `line`'s words that are not grammar words, and at
/// least four of them, the headline's (by their first five letters)?
fn echoes(line: &str, headline: &str) -> bool {
    let head = content_stems(headline);
    let words = content_stems(line);
    let shared = words
        .iter()
        .filter(|(w, _)| head.iter().any(|(h, _)| h == w))
        .count();
    shared >= 4 && 5 * shared >= 4 * words.len()
}

/// The words of `text` that are not grammar words, of three letters or
/// more, by their first five letters ("agree" / "agreed", "coalition" /
/// "coalition's"), each with whether it is printed in lower case.
fn content_stems(text: &str) -> Vec<(String, bool)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| (w.to_lowercase(), w.starts_with(char::is_lowercase)))
        .filter(|(w, _)| !crate::words::stop_words().contains(w.as_str()))
        .map(|(w, lower)| (w.chars().take(5).collect(), lower))
        .collect()
}

/// Does `line` speak of what `lead` does: at least three of its words that
/// are not grammar words, and most of them, found in the lead (by their
/// first five letters: "agree" / "agreed", "coalition" / "coalition's"),
/// one of them a word the lead prints in lower case (what happened, not
/// only the names: "Ministry of Water Resources" over "Minister of Water
/// Resources Aoun Diab received ..." is the issuer's name).
fn tells_of(line: &str, lead: &str) -> bool {
    let lead = content_stems(lead);
    let words = content_stems(line);
    let found = |w: &String, lower: bool| lead.iter().any(|(l, low)| l == w && (*low || !lower));
    let shared = words.iter().filter(|(w, _)| found(w, false)).count();
    let common = words.iter().any(|(w, _)| found(w, true));
    shared >= 3 && 2 * shared > words.len() && common
}

/// After the article has started, a hard terminating line (comments, an
/// author box, a paywall) ends it; a soft one (a promo heading) ends it
/// until the next line that is good on its own, or a sentence of ten words
/// or more (a list of links under "Related Articles" set inside the text,
/// the story going on below it in short paragraphs: a headline has no
/// full stop). Returns the index of the hard terminator, if any.
fn end_at_terminators(
    (kinds, shapes): (&[Kind], &[Shape]),
    standing: &[Standing],
    classes: &mut [Density],
    author_box: Option<usize>,
) -> Option<usize> {
    let first_good = classes.iter().position(|c| *c == Density::Good)?;
    let mut promo = false;
    for i in first_good + 1..kinds.len() {
        let reason = match &kinds[i] {
            _ if Some(i) == author_box => Some("author box"),
            // A label looked past inside the text (see `label_inside_text`).
            Kind::Chrome(_) if standing[i] == Standing::Aside => None,
            Kind::Chrome(why) => Some(why.as_str()),
            _ => None,
        };
        if let Some(why) = reason {
            match terminates(why) {
                Some(true) => {
                    for c in &mut classes[i..] {
                        *c = Density::Bad;
                    }
                    return Some(i);
                }
                Some(false) => promo = true,
                None => {}
            }
        } else if promo {
            let sentence = kinds[i] == Kind::Text(Density::NearGood)
                && shapes[i].sentence_end
                && shapes[i].words >= 10;
            if kinds[i] == Kind::Text(Density::Good) || sentence {
                promo = false;
            } else {
                classes[i] = Density::Bad;
            }
        }
    }
    None
}

/// "Written by Jane Roe" after the article has begun: the author box that
/// blogging platforms print under a story (her bio, her other posts
/// follow). A byline above the text, or a live blog's entry's "By Jane
/// Roe", is not one.
fn closing_author_box(lines: &[Line], kinds: &[Kind]) -> Option<usize> {
    let first_good = kinds.iter().position(|k| *k == Kind::Text(Density::Good))?;
    // "About Jane Roe" over her note, when a byline named her.
    let authors: Vec<&str> = kinds
        .iter()
        .filter_map(|k| match k {
            Kind::Byline(b) => Some(b.authors.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    (first_good + 1..kinds.len()).find(|&i| {
        let t = without_emphasis(lines[i].text.trim());
        matches!(kinds[i], Kind::Byline(_))
            && t.get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case("written by "))
            || t.strip_prefix("About ")
                .is_some_and(|n| authors.contains(&n))
    })
}

/// "— Jane Roe" under the last paragraph: the writer's signature (a
/// column's, a letter's), and "Jane Roe is the editor of ..." under it her
/// note. Not a quotation's speaker: the line above it is no quote, and no
/// paragraph of the article follows.
fn signature_at_the_end(lines: &[Line], kinds: &mut [Kind]) {
    let good = |k: &Kind| *k == Kind::Text(Density::Good);
    // After the last paragraph of the article's text, never between two.
    let Some(last_good) = kinds.iter().rposition(good) else {
        return;
    };
    let Some((i, name)) = (last_good + 1..kinds.len()).find_map(|i| {
        let t = lines[i].text.trim();
        let name = t.trim_start_matches(['—', '–', '-']).trim_start();
        // ("— OMAR AL-JUBOURI": signed in capitals.)
        let name = header::in_name_case(name).unwrap_or_else(|| name.to_string());
        (name.len() < t.len()
            && (2..=4).contains(&name.split_whitespace().count())
            && header::is_person_name(&name)
            && !lines[i - 1].text.trim_end().ends_with(['"', '”', '’']))
        .then_some((i, name))
    }) else {
        return;
    };
    let is = format!("{name} is ");
    kinds[i] = Kind::Byline(Byline {
        authors: vec![name],
        ..Byline::default()
    });
    if let Some(next) = lines.get(i + 1)
        && next.text.starts_with(&is)
    {
        kinds[i + 1] = Kind::Chrome("author box".to_string());
    }
}

/// A byline past the article's end (the next story's, a commenter's) is
/// not the article's.
fn bylines_after_the_end(kinds: &mut [Kind], ended: Option<usize>) {
    let from = ended.map_or(kinds.len(), |e| e + 1);
    for k in &mut kinds[from..] {
        if matches!(k, Kind::Byline(_)) {
            *k = Kind::Chrome("after the end of the article".to_string());
        }
    }
}

/// "; the page's metadata disagrees (article:published_time says ...)":
/// the publication dates of the metadata other than `d`'s, if any.
fn metadata_disagrees(meta: &SourceMeta, d: &PublishedDate) -> String {
    let others: Vec<String> = meta
        .dates
        .iter()
        .filter(|m| !m.modified && m.date != d.date)
        .map(|m| format!("{} says {}", m.field, m.date))
        .collect();
    if others.is_empty() {
        String::new()
    } else {
        format!("; the page's metadata disagrees ({})", others.join(", "))
    }
}

/// "2024-08-06T03:40:00Z" in the metadata, "August 5, 2024, 11:40 PM EDT"
/// in the byline over the article: the moment in UTC, and the day the page
/// prints a day off it. The page's own day is its readers': the byline's
/// line and date, and the metadata's field.
fn printed_day_over_utc<'k>(
    kinds: &'k [Kind],
    meta: &'k SourceMeta,
    first_paragraph: usize,
) -> Option<(usize, &'k PublishedDate, &'k str)> {
    let m = meta.dates.iter().find(|m| !m.modified)?;
    let (i, d) = kinds[..first_paragraph.min(kinds.len())]
        .iter()
        .enumerate()
        .find_map(|(i, k)| match k {
            Kind::Byline(b) => b.date.as_ref().map(|d| (i, d)),
            _ => None,
        })?;
    (m.utc_time && (d.date - m.date).num_days().abs() == 1).then_some((i, d, m.field.as_str()))
}

/// The publication date, strongest candidate first: a date line above the
/// article (labelled "Published" or not), the page's metadata, a byline's
/// date, an "Updated" line above the article, a date line after it, and
/// last a timestamp inside it (a live blog's entries). Never a date inside a
/// sentence, never a relative time.
fn choose_date(
    lines: &[Line],
    kinds: &[Kind],
    meta: &SourceMeta,
    style: DateStyle,
    (headline, opening): (Option<usize>, std::ops::Range<usize>),
    last_body: usize,
) -> Option<Decided<PublishedDate>> {
    // `opening`: from the body's first line to its first paragraph (a
    // standfirst kept as the body's first line, a byline, a date).
    let (first_body, first_paragraph) = (opening.start, opening.end);
    // Re-read with the lead's weekdays, which settle 01/04 vs 04/01.
    let reread = |i: usize| {
        parse_date_line(
            without_update_note(without_emphasis(&lines[i].text)),
            style,
            3,
        )
    };
    let date_lines: Vec<(usize, PublishedDate)> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, Kind::Date(_)))
        .filter_map(|(i, _)| reread(i).map(|d| (i, d)))
        .collect();
    let above = |updated: bool, end: usize| {
        date_lines
            .iter()
            .find(|(i, d)| *i < end && d.updated == updated)
    };
    let meta_note = |d: &PublishedDate| metadata_disagrees(meta, d);
    let from_line = |i: usize, d: &PublishedDate, what: &str| {
        let mut why = format!("{what} (line {})", lines[i].no);
        if let Some(n) = &d.note {
            why.push_str(&format!("; {n}"));
        }
        why.push_str(&meta_note(d));
        Some(Decided {
            value: d.clone(),
            line: Some(lines[i].no),
            why,
        })
    };
    // A date over the headline later than the metadata's is the day the
    // page was saved, not the article's: a top bar's "today" (htmldate
    // likewise trusts the metadata over such a header date).
    let saved_day = |i: usize, d: &PublishedDate| {
        headline.is_some_and(|h| i < h) && meta.dates.iter().any(|m| !m.modified && m.date < d.date)
    };
    if let Some((i, d)) = above(false, first_body).filter(|(i, d)| !saved_day(*i, d)) {
        return from_line(*i, d, "the date line above the article");
    }
    if let Some((i, d, field)) = printed_day_over_utc(kinds, meta, first_paragraph) {
        let mut decided = from_line(i, d, "the date in the byline")?;
        decided.why.push_str(&format!(
            "; {field} gives the moment in UTC, a day off the page's"
        ));
        return Some(decided);
    }
    if let Some(m) = meta.dates.iter().find(|m| !m.modified) {
        let agree: Vec<&str> = meta
            .dates
            .iter()
            .filter(|o| !o.modified && o.date == m.date && o.field != m.field)
            .map(|o| o.field.as_str())
            .collect();
        let mut why = format!("the page's metadata ({})", m.field);
        if !agree.is_empty() {
            why.push_str(&format!(", as {}", agree.join(", ")));
        }
        return Some(Decided {
            value: PublishedDate {
                date: m.date,
                text: m.date.to_string(),
                note: None,
                updated: false,
            },
            line: None,
            why,
        });
    }
    // Under a standfirst that opens the body, over its first paragraph; a
    // live blog's first entry may stand so too, so the metadata first.
    if let Some((i, d)) = above(false, first_paragraph) {
        return from_line(*i, d, "the date line above the article's first paragraph");
    }
    for (i, k) in kinds.iter().enumerate() {
        if let Kind::Byline(b) = k
            && let Some(d) = &b.date
        {
            return from_line(i, d, "the date in the byline");
        }
    }
    if let Some((i, d)) = above(true, first_paragraph) {
        return from_line(
            *i,
            d,
            "the update time above the article (no publication date is given)",
        );
    }
    if let Some((i, d)) = date_lines.iter().find(|(i, _)| *i > last_body) {
        return from_line(*i, d, "the date line after the article");
    }
    if let Some((i, d)) = date_lines.first() {
        return from_line(
            *i,
            d,
            "the first timestamp inside the article (no date heads it)",
        );
    }
    // Last, as trafilatura does: the date in the page's own address
    // (".../2024/01/25/slug"), given as a line above the article (a printed
    // page's "Printed from: ..."), or under it, or as its canonical address.
    let address_in = |range: std::ops::Range<usize>| {
        range
            .filter(|&i| matches!(&kinds[i], Kind::Chrome(why) if why == "address"))
            .find_map(|i| Some((date_in_address(&lines[i].text)?, Some(lines[i].no))))
    };
    let n = kinds.len().min(lines.len());
    let top_address = address_in(0..first_paragraph.min(n))
        .or_else(|| address_in(last_body.saturating_add(1).min(n)..n));
    let (date, line) = top_address.or_else(|| {
        meta.address
            .as_deref()
            .and_then(date_in_address)
            .map(|d| (d, None))
    })?;
    Some(Decided {
        value: PublishedDate {
            date,
            text: date.to_string(),
            note: None,
            updated: false,
        },
        line,
        why: "the date in the page's address (no date line or metadata gives one)".to_string(),
    })
}

/// The date a press agency's dateline gives with its year ("Riyadh,
/// September 28, 2024, SPA --"), when nothing else dates the page.
fn dated_dateline(
    lines: &[Line],
    body: &[usize],
    style: DateStyle,
) -> Option<Decided<PublishedDate>> {
    // The dateline opens the first paragraph, or the second after a
    // standfirst printed as the body's first line.
    body.iter().take(2).find_map(|&i| {
        let line = lines.get(i)?;
        let text = header::dated_dateline_text(&line.text)?;
        let value = super::dates::parse_date_line(text, style, 0)?;
        Some(Decided {
            value,
            line: Some(line.no),
            why: format!("the date in the dateline (line {})", line.no),
        })
    })
}

/// The day a wire's dateline gives ("BAGHDAD, Sept 8 (Reuters) -") in the
/// year of the page's copyright line, when nothing else dates the page.
fn yearless_dateline(
    lines: &[Line],
    kinds: &[Kind],
    body: &[usize],
    style: DateStyle,
) -> Option<Decided<PublishedDate>> {
    // The last year the copyright line gives ("© 2019-2024 ...").
    let copyright = (0..kinds.len().min(lines.len()))
        .find(|&i| matches!(&kinds[i], Kind::Chrome(why) if why == "copyright"))?;
    let year = lines[copyright]
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .filter_map(|w| w.parse::<i32>().ok())
        .next_back()?;
    // The dateline opens the first paragraph, or the second after a
    // standfirst printed as the body's first line.
    let (line, d) = body.iter().take(2).find_map(|&i| {
        let line = lines.get(i)?;
        Some((line, super::dates::dateline_day(&line.text, year, style)?))
    })?;
    let why = format!(
        "the dateline (line {}); {}",
        line.no,
        d.note.as_deref().unwrap_or_default()
    );
    Some(Decided {
        value: d,
        line: Some(line.no),
        why,
    })
}

/// "https://example.com/news/2024/01/25/slug", ".../20240125/...": the date a
/// page's address carries.
fn date_in_address(url: &str) -> Option<chrono::NaiveDate> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"/((?:19|20)\d{2})(?:[/_-](\d{1,2})[/_-](\d{1,2})|(\d{2})(\d{2}))(?:[/_.-]|$)")
            .unwrap()
    });
    let c = re.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (month, day) = match (num(2), num(3)) {
        (Some(m), Some(d)) => (m, d),
        _ => (num(4)?, num(5)?),
    };
    chrono::NaiveDate::from_ymd_opt(num(1)? as i32, month, day)
}

/// Every line that is not in the body, with the reason.
fn dropped(
    lines: &[Line],
    kinds: &[Kind],
    classes: &[Density],
    art: &CleanArticle,
    masthead: Option<&Masthead>,
    first_body: usize,
    ended: Option<usize>,
) -> Vec<Dropped> {
    let title_line = art.title.as_ref().and_then(|t| t.line);
    let date_line = art.published.as_ref().and_then(|d| d.line);
    let mut out = Vec::new();
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if classes[i] == Density::Good && matches!(kind, Kind::Text(_)) {
            continue;
        }
        let reason: String = if Some(line.no) == title_line {
            "the headline".into()
        } else if masthead.is_some_and(|m| m.index == i) {
            "the masthead (the publisher's name)".into()
        } else {
            match kind {
                Kind::Repeat(j) if Some(lines[*j].no) == title_line => {
                    "repeats the headline".into()
                }
                Kind::Repeat(_) => "repeats an earlier line".into(),
                Kind::Date(_) if Some(line.no) == date_line => "publication date".into(),
                Kind::Date(_) if i >= first_body => "timestamp".into(),
                Kind::Date(_) => "another date line".into(),
                Kind::Byline(_) => "byline".into(),
                Kind::Credit(_) => "source credit".into(),
                Kind::OutletLine(_) => "the outlet's dateline".into(),
                Kind::Chrome(why) => why.clone(),
                Kind::Text(_) if ended.is_some_and(|e| i > e) => {
                    "after the end of the article".into()
                }
                Kind::Text(_) if i < first_body => "page chrome before the article".into(),
                Kind::Text(_)
                    if i > first_body
                        && classes[first_body..i].iter().all(|c| *c != Density::Good) =>
                {
                    "page chrome before the article".into()
                }
                Kind::Text(_) => "page chrome among other chrome".into(),
            }
        };
        out.push(Dropped {
            line: line.no,
            text: line.text.clone(),
            reason,
        });
    }
    out
}

fn canonical(name: &str) -> String {
    known_outlet(name).map_or_else(|| name.to_string(), |(n, _)| n.to_string())
}

/// A line as compared with another: spacing, case and the typographer's
/// quotes and dashes aside (a page's metadata writes its headline with
/// straight quotes where the page prints curly ones).
/// The lines that are a document's running header or footer: short lines
/// that recur with only a page number changed ("Forum | Paper No. 7
/// Page 2", "Page 3", "- 4 -", "Annual Review 2024 5"), as a PDF turned
/// to text prints them at each page break. The number must be a page's:
/// after "page", in "N of M", or the first or last word of a line of
/// fields. (A line repeated word for word is an earlier line's repeat
/// already.)
fn running_headers(lines: &[Line], shapes: &[Shape]) -> Vec<bool> {
    // The line with its page number as '#', for the lines that may be one.
    let key = |l: &str, shape: &Shape| -> Option<String> {
        if shape.words > 16 || shape.sentence_end || !l.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let words: Vec<&str> = l.split_whitespace().collect();
        let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        // "2/3": a browser's print of a page numbers each sheet of all.
        let number = |w: &str| {
            let w = w.trim_matches(['-', '–', '(', ')', '.']);
            digits(w)
                || w.split_once('/')
                    .is_some_and(|(n, m)| digits(n) && digits(m))
        };
        // A number first or last is a page's only beside the header's
        // fields ("Forum | Paper No. 7   Page 2", "12 | Annual Review"):
        // "Day 2", "Phase 3" are an article's headings.
        let fields = l.contains(['|', '•', '·']) || l.contains("   ");
        let paged = words.iter().enumerate().any(|(k, w)| {
            number(w)
                && (k > 0 && ["page", "p."].contains(&words[k - 1].to_lowercase().as_str())
                    || words.get(k + 1).is_some_and(|n| *n == "of" || *n == "/")
                    || fields && (k == 0 || k + 1 == words.len()))
        });
        paged.then(|| {
            let mut key = String::with_capacity(l.len());
            for w in &words {
                if number(w) {
                    key.push('#');
                } else {
                    key.push_str(&w.to_lowercase());
                }
                key.push(' ');
            }
            key
        })
    };
    let keys: Vec<Option<String>> = lines
        .iter()
        .zip(shapes)
        .map(|(l, s)| key(&l.text, s))
        .collect();
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            seen.entry(k.as_str()).or_default().push(i);
        }
    }
    // A browser's header and footer on each sheet of a printed page.
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let mut running = super::lines::print_furniture(&texts);
    for at in seen.values() {
        // Each page its own number: the same line with two numbers or more.
        let mut texts: Vec<&str> = at.iter().map(|&i| lines[i].text.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        if texts.len() >= 2 {
            for &i in at {
                running[i] = true;
            }
        }
    }
    running
}

fn normalise(s: &str) -> String {
    // Most lines are ASCII with single spaces: lower-cased whole (this runs
    // for every line of every page, twice).
    let b = s.as_bytes();
    let single_spaced = s.is_ascii()
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b
            .iter()
            .any(|&c| matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        && !b.windows(2).any(|w| w == b"  ");
    if single_spaced {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
            continue;
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => out.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => out.push('"'),
                '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// "© 2024 Gulf Ledger. All rights reserved." -> "Gulf Ledger";
/// "© Ministry of Foreign Affairs – Republic of Iraq" keeps its dash;
/// "Copyright 2024 The Courier LLC" -> "The Courier". Also a credit inside a
/// caption: "(File photo: ... © Gulf Ledger)".
pub fn outlet_from_copyright(s: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:©|\(c\)|copyright|all rights (?:are )?reserved (?:to|for|by))\s*(?:©)?\s*(?:copyright\s+)?(?:\d{4}(?:\s*[-–—]\s*\d{4})?)?\s*,?\s*(?:by\s+)?(?P<name>\p{Lu}[\p{L}\d&'’.\- –]+?)\s*(?:[.,|)]|\ball rights reserved|$)").unwrap()
    });
    // "Harbor Financial L.P.": the company's form, whose full stops would
    // end the name.
    static FORM: OnceLock<Regex> = OnceLock::new();
    let form = FORM.get_or_init(|| {
        Regex::new(r",?\s+(?:L\.P\.|L\.L\.C\.|Inc\.|Ltd\.|Corp\.|Co\.|S\.A\.|P\.L\.C\.)").unwrap()
    });
    let s = form.replace_all(s.trim(), "");
    let name = re.captures(&s)?.name("name")?.as_str();
    // At most 61 characters: checked here, not as `{1,60}` in the pattern,
    // whose Unicode classes repeated sixty times take milliseconds to compile.
    if name.chars().count() > 61 {
        return None;
    }
    let mut name = name.trim().trim_end_matches(['-', '–']).trim().to_string();
    // "X Limited or its affiliated companies", "X and its licensors": the
    // holder, without the others it speaks for.
    if let Some(at) = [" or its ", " and its ", " and/or its "]
        .iter()
        .filter_map(|s| name.find(s))
        .min()
    {
        name.truncate(at);
    }
    // "© 2024 by the Center for Policy Studies": the holder after "by", an
    // article in lower case that is no part of its name.
    if let Some(rest) = name.strip_prefix("the ") {
        name = rest.to_string();
    }
    // "© Northern Post 2025": the year may follow the name as well as lead it.
    if let Some((head, year)) = name.rsplit_once(' ')
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
    {
        name = head.trim_end_matches([',', '-', '–']).trim().to_string();
    }
    let name = header::paper_of_its_company(&header::without_company_form(&name)).to_string();
    let name = header::outlet_of_its_group(&name).to_string();
    let w = name.split_whitespace().count();
    // "Copyright Information", "Copyright Policy": a footer's link to the
    // site's copyright page, not a copyright notice.
    const PAGE_LINKS: &[&str] = &[
        "information",
        "info",
        "notice",
        "notices",
        "policy",
        "statement",
        "agent",
        "infringement",
        "complaints",
        "terms",
        "guidelines",
        "permissions",
        "and trademarks",
        "and permissions",
        "& permissions",
    ];
    let link = PAGE_LINKS.iter().any(|l| name.eq_ignore_ascii_case(l));
    ((1..=8).contains(&w) && !link && !name.eq_ignore_ascii_case("all rights reserved"))
        .then_some(name)
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
            let whole = c.get(0).expect("group 0");
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

/// A teaser at the end of a paragraph: "... the wreck. Read more: Other
/// headline here". Returns the paragraph without it, and the teaser.
fn strip_teaser(s: &str) -> (String, Option<String>) {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[.!?”\x22]\s+)(?P<teaser>(?:read more|read also|also read|related|see also|more on this|recommended)\s*:\s*[^.!?]{3,160})$").unwrap()
    });
    match re.captures(s).and_then(|c| c.name("teaser")) {
        Some(t) if t.start() > 0 => (
            s[..t.start()].trim_end().to_string(),
            Some(t.as_str().to_string()),
        ),
        _ => (s.to_string(), None),
    }
}

/// Add a body block, its credits and teasers taken out, its glued words repaired.
fn push_block(art: &mut CleanArticle, line: &Line, heading: bool, corpus: &CorpusWords) {
    let (text, removed, agency) = strip_inline_credits(&line.text);
    if let Some(r) = removed {
        if let Some(o) = outlet_from_copyright(&r)
            && is_wire(&o)
        {
            art.attribution.push((canonical(&o), line.no));
        }
        art.dropped.push(Dropped {
            line: line.no,
            text: r,
            reason: "photo credit".to_string(),
        });
    }
    if let Some(a) = agency {
        art.attribution.push((a, line.no));
    }
    let (text, teaser) = strip_teaser(&text);
    if let Some(t) = teaser {
        art.dropped.push(Dropped {
            line: line.no,
            text: t,
            reason: "teaser for another article".to_string(),
        });
    }
    if let Some((name, role)) = header::transcript_speaker(&text) {
        art.speakers.push((name, role, line.no));
    }
    let (fixed, reps) = repair_line(&text, corpus);
    // "Jane Roe: For now, very little.": an interview's answers, named.
    if let Some((label, _)) = fixed.split_once(": ")
        && header::is_plausible_person_name(label)
        && !header::has_outlet_word(label)
        && let prefix = format!("{label}: ")
        && art.blocks.iter().any(|b| b.text.starts_with(&prefix))
    {
        art.speakers
            .push((label.to_string(), String::new(), line.no));
    }
    art.repairs.extend(reps);
    art.blocks.push(Block {
        heading,
        text: fixed,
        line: line.no,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_lines_fields_name_the_author_and_the_outlet() {
        let style = DateStyle::default();
        let authors = |l: &str| authors_of_date_line(l, style);
        let jane = Some(vec!["Jane Roe".to_string()]);
        assert_eq!(
            authors("Jane Roe | Harbour Times | September 27, 2024"),
            jane
        );
        assert_eq!(
            authors("September 27, 2024 | Jane Roe | Harbour Times"),
            jane
        );
        assert_eq!(authors("Harbour Times | September 27, 2024"), None);
        assert_eq!(authors("Mosul | September 27, 2024"), None);
        let outlet = |l: &str| outlet_field(l);
        assert_eq!(
            outlet("Jane Roe | Harbour Times | September 27, 2024").as_deref(),
            Some("Harbour Times")
        );
        assert_eq!(outlet("Jane Roe | Politics | September 27, 2024"), None);
    }

    #[test]
    fn author_notes_name_the_author_in_any_case() {
        let authors = ["Jane Roe".to_string(), "Omar Rashid".to_string()];
        let bio = |t: &str| is_author_bio(t, &authors, false);
        assert!(bio("Jane Roe is a senior fellow at the Harbour Forum."));
        assert!(bio("JANE ROE is a senior fellow at the Harbour Forum."));
        assert!(bio("RASHID covers security for the Forum."));
        assert!(bio("*Omar Rashid was an adviser to the ministry.*"));
        assert!(bio("Jane Roe can be reached at jane.roe@harbour.example."));
        // Another person, or the author's name not followed by a note's verb.
        assert!(!bio("JOHN DOE is a senior fellow at the Harbour Forum."));
        assert!(!bio("JANE ROE said the talks would resume."));
    }

    #[test]
    fn running_headers_recur_with_a_page_number() {
        let running = |text: &str| {
            let lines = logical_lines(text);
            let shapes = shapes_of(&lines);
            let flags = running_headers(&lines, &shapes);
            lines
                .iter()
                .zip(flags)
                .filter(|(_, r)| *r)
                .map(|(l, _)| l.text.clone())
                .collect::<Vec<_>>()
        };
        let para = "A paragraph of the report that goes on for a while and ends here.";
        // A header of fields with its page number, a page's "N of M".
        let doc = format!(
            "{para}\n\nMarsh Institute | Note 4        Page 2\n\n{para} Again.\n\n\
             Marsh Institute | Note 4        Page 3\n\n2 of 5\n\n{para} Once more.\n\n3 of 5\n"
        );
        assert_eq!(
            running(&doc),
            [
                "Marsh Institute | Note 4        Page 2",
                "Marsh Institute | Note 4        Page 3",
                "2 of 5",
                "3 of 5"
            ]
        );
        // An article's numbered headings, a line printed once: not.
        let doc = format!("Day 1\n\n{para}\n\nDay 2\n\n{para} Again.\n\nPage 7\n");
        assert!(running(&doc).is_empty(), "{:?}", running(&doc));
        // The same line word for word is a repeat, not a page's header.
        let doc = format!("Marsh Institute | Page 2\n\n{para}\n\nMarsh Institute | Page 2\n");
        assert!(running(&doc).is_empty());
    }

    proptest::proptest! {
        /// The single-spaced ASCII shortcut compares as the word-by-word
        /// reading does.
        #[test]
        fn normalise_reads_every_line_alike(line in "[aZ \t\x0b\r’“—é.]{0,16}") {
            let slow: Vec<String> = line
                .split_whitespace()
                .map(|w| {
                    w.chars()
                        .map(|c| match c {
                            '’' => '\'',
                            '“' => '"',
                            '—' => '-',
                            c => c,
                        })
                        .collect::<String>()
                        .to_lowercase()
                })
                .collect();
            proptest::prop_assert_eq!(normalise(&line), slow.join(" "));
        }
    }

    #[test]
    fn a_window_titles_site_after_its_separator() {
        assert_eq!(
            title_and_site("Council asks for a briefing on the exit | Baba Gurgur Post"),
            Some((
                "Council asks for a briefing on the exit",
                "Baba Gurgur Post"
            ))
        );
        assert_eq!(
            title_and_site("US and Iraq begin talks on coalition - Reuters"),
            Some(("US and Iraq begin talks on coalition", "Reuters"))
        );
        // A speaker after the dash, a headline too short, no site at all.
        assert_eq!(
            title_and_site("Talks must go on, says minister - Fuad Hussein"),
            None
        );
        assert_eq!(title_and_site("Talks begin | Baba Gurgur Post"), None);
        assert_eq!(
            title_and_site("Iraq-US talks begin on coalition future"),
            None
        );
    }

    #[test]
    fn a_site_title_in_another_language_is_no_headline() {
        assert!(in_another_language(
            "La Gazette - Actualités et analyses du Golfe et du monde"
        ));
        assert!(in_another_language("Die Zeitung für das Land und die Welt"));
        // One function word of another language in an English headline.
        assert!(!in_another_language(
            "Le Drian and de Mistura meet in Baghdad"
        ));
        assert!(!in_another_language(
            "Three die per day in Los Angeles heat"
        ));
    }

    fn run(text: &str) -> CleanArticle {
        clean(
            text,
            &SourceMeta::default(),
            &Boilerplate::new(&[]),
            &CorpusWords::default(),
        )
    }

    fn title(a: &CleanArticle) -> &str {
        a.title.as_ref().map_or("", |t| t.value.as_str())
    }

    /// A standfirst kept as the body's first line, the author alone and the
    /// date under it: that date is the page's (it was taken for a timestamp
    /// inside the article, and a later "Updated" line won); the page's
    /// metadata still comes first, as a live blog's first entry may stand
    /// the same way.
    #[test]
    fn a_date_under_a_standfirst_and_over_the_first_paragraph() {
        let text = format!(
            "HARBOUR LEDGER\nNews\nWorld\nOpinion\n\nTalks on the mission's end begin in the capital\n\nOfficials expect a timetable for the advisers within a year\n\nJane Roe\nFriday, 26th January 2024\nUpdated: Saturday, 27th January 2024\n\n{PARAGRAPHS}Updated: January 28th, 2024, 9:02 AM\n"
        );
        let published = |a: &CleanArticle| a.published.as_ref().map(|d| d.value.date);
        let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 1, d);
        assert_eq!(published(&run(&text)), day(26));
        let meta = SourceMeta {
            dates: vec![crate::source::MetaDate {
                field: "article:published_time".into(),
                date: day(25).unwrap(),
                modified: false,
                utc_time: false,
            }],
            ..SourceMeta::default()
        };
        let a = clean(
            &text,
            &meta,
            &Boilerplate::new(&[]),
            &CorpusWords::default(),
        );
        assert_eq!(published(&a), day(25));
    }

    fn body(a: &CleanArticle) -> String {
        a.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const PARAGRAPHS: &str = "Officials in the capital said on Monday that the talks on the future of the mission would resume next month after a pause of several weeks.\n\nThe delegation will be led by the defence minister, who told reporters that the two sides were close to an agreement on the timetable.\n";

    #[test]
    fn a_desk_and_city_under_a_name() {
        for line in [
            "Harbour News, Baghdad",
            "Reuters, Erbil",
            "Zagros TV, Sulaymaniyah",
        ] {
            assert!(is_desk_and_city(line), "{line}");
        }
        // A person and her city, a region and a city, a desk without one.
        for line in [
            "Fuad Hussein, Baghdad",
            "Middle East, Baghdad",
            "Harbour News",
            "Harbour News, Tuesday",
        ] {
            assert!(!is_desk_and_city(line), "{line}");
        }
    }

    #[test]
    fn a_button_between_short_paragraphs_does_not_end_the_article() {
        let a = run(
            "Harbour Daily\nHome\nLocal\nPort\n\nFerry service resumes after the harbour strike ends\nAFP , Saturday 27 Jan 2024\n\
            The ferry between the two quays sailed again on Saturday after dock workers ended a strike over pay, the port said.\n\
            Print this page\n\
            Short link:\n\
            \n\
            Workers at the northern quay are to return on Monday, the union added.\n\
            ADVERTISEMENT\n\
            \n\
            Union leader Omar Reed said the workers had won a rise of eight percent.\n\
            \n\
            Search Keywords:\n\
            Short link:\n",
        );
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(
            texts[1].starts_with("Workers at the northern quay"),
            "{texts:?}"
        );
        assert!(texts[2].starts_with("Union leader Omar Reed"), "{texts:?}");
    }

    #[test]
    fn a_menu_item_printed_again_as_the_kicker_is_not_the_headline() {
        let a = run(&format!(
            "Harbour Daily\nMenu\nLocal\nCity & Region\nSports\nOpinion\nCity & Region\nFerry service resumes after the harbour strike ends\nBy Mara Quill\nJanuary 27, 2024\n{PARAGRAPHS}"
        ));
        assert_eq!(
            title(&a),
            "Ferry service resumes after the harbour strike ends"
        );
    }

    #[test]
    fn a_datelined_lead_above_the_date_and_page_id_is_the_first_paragraph() {
        let a = run(&format!(
            "Harbour Daily\nHome > World\nDrones strike a depot near the northern border\nHARBOURTOWN, Jan. 27 (HD) - Two drones struck a fuel depot near the northern border late on Friday, local officials said.\nSaturday, 27 January 2024 - 10:15\nStory ID: 884213\n{PARAGRAPHS}"
        ));
        assert!(body(&a).starts_with("HARBOURTOWN, Jan. 27"), "{}", body(&a));
        assert!(!body(&a).contains("Story ID"), "{}", body(&a));
    }

    #[test]
    fn a_section_label_over_a_short_headline_is_not_the_headline() {
        // The label in capitals over a headline with no stop, a byline
        // under the headline.
        let a = run(&format!(
            "Harbour Sport\nNews\nFixtures\nResults\nTables\nCup Qualifiers\nHarbour edge rivals to keep cup hopes alive\nBy Mara Quill\nMarch 20, 2025\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Harbour edge rivals to keep cup hopes alive");
        // A short headline in title case over a standfirst that is a
        // sentence: the headline stays.
        let a = run(&format!(
            "Harbour Daily\nNews\nPolitics\nWorld\nTalks Resume Today\nNegotiators from both capitals meet again after a month in which the talks stalled twice.\nBy Mara Quill\nMarch 20, 2025\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Talks Resume Today");
    }

    #[test]
    fn the_page_title_above_the_nameplate_is_the_headline_when_none_stands_below() {
        let a = run(&format!(
            "Talks on the mission resume in the capital | Harbour Daily\nHarbour Daily\nHome\nPolitics\nWorld\nJanuary 27, 2024\nBy Mara Quill\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Talks on the mission resume in the capital");
        assert_eq!(a.outlet.as_ref().unwrap().value, "Harbour Daily");
        // The site's name not printed again: no page title (a headline
        // may end with a speaker's name).
        let a = run(&format!(
            "Talks on the mission resume in the capital | Mara Quill\nJanuary 27, 2024\n{PARAGRAPHS}"
        ));
        assert!(a.outlet.is_none());
    }

    #[test]
    fn a_slogan_over_the_nameplate_and_a_bio_with_an_appositive() {
        let a = run(&format!(
            "Truth Needs Witnesses\nThe Harbour Ledger\nOpinion\nThe mission should end slowly\nBy Mara Quill\nJanuary 27, 2024\n{PARAGRAPHS}\nMara Quill, a former diplomat, writes about the region.\n"
        ));
        assert_eq!(a.outlet.as_ref().unwrap().value, "The Harbour Ledger");
        assert_eq!(a.authors, ["Mara Quill"]);
        assert!(!body(&a).contains("former diplomat"), "{}", body(&a));
        // A sentence about someone else with an appositive stays.
        let a = run(&format!(
            "The Harbour Ledger\nThe mission should end slowly\nBy Mara Quill\nJanuary 27, 2024\n{PARAGRAPHS}\nOmar Reed, a former diplomat, writes that the talks will take a year.\n"
        ));
        assert!(
            body(&a).contains("Omar Reed, a former diplomat"),
            "{}",
            body(&a)
        );
    }

    #[test]
    fn a_page_title_as_the_only_headline_loses_the_site_name() {
        let a = run(&format!(
            "Talks on the mission to resume next month - Harbour Daily\nSkip to content\nHarbour Daily\nWorld\n31 January 2024\n{PARAGRAPHS}Harbour Daily © 2024\n"
        ));
        assert_eq!(title(&a), "Talks on the mission to resume next month");
        assert_eq!(a.outlet.as_ref().unwrap().value, "Harbour Daily");
        // A name after the dash that the page does not print as a site's
        // stays in the headline.
        let a = run(&format!(
            "Talks on the mission will resume next month - Jane Roe\n31 January 2024\n{PARAGRAPHS}"
        ));
        assert_eq!(
            title(&a),
            "Talks on the mission will resume next month - Jane Roe"
        );
    }

    #[test]
    fn a_saved_page_starts_below_the_tool_that_saved_it() {
        // A clipper's title and notes over the page, whose headline repeats it.
        let a = run(&format!(
            "Talks on the mission to resume next month\nClipped from: https://harbour.example/a\nClipped on: 2 February 2024 at 09:14\nHARBOUR DAILY\nWorld\nTalks on the mission to resume next month\nJane Roe\n31 January 2024\n{PARAGRAPHS}Harbour Daily © 2024\n"
        ));
        assert_eq!(title(&a), "Talks on the mission to resume next month");
        assert_eq!(a.outlet.as_ref().unwrap().value, "Harbour Daily");
        assert_eq!(
            a.published.as_ref().unwrap().value.date.to_string(),
            "2024-01-31"
        );
        assert!(
            !body(&a).contains("Clipped") && !body(&a).contains("World"),
            "{}",
            body(&a)
        );
        // A web archive's toolbar and capture calendar.
        let a = run(&format!(
            "The Wayback Machine - https://web.archive.org/web/2024/https://harbour.example/a\n12 captures\n28 Feb 2024 - 14 Nov 2024\nFEB\tMAR\tAPR\n05\nAbout this capture\nHARBOUR DAILY\nWorld\nTalks on the mission to resume next month\n28/02/2024\n{PARAGRAPHS}"
        ));
        assert_eq!(a.outlet.as_ref().unwrap().value, "Harbour Daily");
        assert_eq!(title(&a), "Talks on the mission to resume next month");
    }

    #[test]
    fn the_next_story_of_an_infinite_scroll_ends_the_article() {
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\nBy Jane Roe\n{PARAGRAPHS}Next article\nMinisters meet on water sharing\nBy John Doe\nMinisters from the two countries met on Sunday to discuss the sharing of river water during the coming summer months.\n"
        ));
        assert!(!body(&a).contains("water"), "{}", body(&a));
        assert_eq!(a.authors, ["Jane Roe"]);
    }

    #[test]
    fn a_summary_box_over_the_byline_is_not_the_headline_or_the_text() {
        let a = run(&format!(
            "HARBOUR DAILY\nDrone strike hits base near the border\nKey points:\nThree soldiers were killed at the base\nThe president promised a response to the attack\nIt is the first such loss since the autumn\nBy Jane Roe\nJanuary 29, 2024\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Drone strike hits base near the border");
        assert!(!body(&a).contains("president promised"), "{}", body(&a));
        assert_eq!(a.authors, ["Jane Roe"]);
        // Above the headline, its points written as sentences: the box ends
        // at the line with the author's name and the date under it.
        let a = run(&format!(
            "Harbour Daily\nKey takeaways\nThe ferry resumes on Monday.\nFares rise by a tenth.\nWhy the ferry strike ended the way it did\nMara Quill\nJanuary 27, 2024\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Why the ferry strike ended the way it did");
        assert!(!body(&a).contains("Fares rise"), "{}", body(&a));
    }

    #[test]
    fn a_pull_quote_and_a_gallery_are_not_the_text() {
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\nBy Jane Roe\n1 of 4\nSoldiers at the gate of the base in the desert. (Harbour Daily)\nNext image\n{PARAGRAPHS}“The two sides were close to an agreement.”\nMore text follows here about the talks and the defence minister who spoke on Monday.\n"
        ));
        let text = body(&a);
        assert!(
            !text.contains("Soldiers at the gate") && !text.contains("1 of 4"),
            "{text}"
        );
        assert!(!text.contains("“The two sides"), "{text}");
        assert!(text.contains("were close to an agreement on the timetable"));
    }

    #[test]
    fn a_report_series_names_its_institution_as_publisher() {
        let a = run(&format!(
            "IRAQ SECURITY UPDATE\nFebruary 6, 2024\nHarbour Policy Forum\nSecurity Update: Strikes and talks\nBy Jane Roe\n{PARAGRAPHS}[1] Ministry statement, February 2, 2024.\nHarbour Policy Forum | Iraq Security Update | February 6, 2024\n"
        ));
        assert_eq!(a.outlet.as_ref().unwrap().value, "Harbour Policy Forum");
        assert_eq!(title(&a), "Security Update: Strikes and talks");
        assert!(!body(&a).contains("[1]"));
    }

    #[test]
    fn header_body_tail() {
        let a = run(
            "Big Deal Reached Between Two Capitals\n\n10.09.2024 World\nBig Deal Reached Between Two Capitals\nFacebook icon\nTwitter icon\n\nThe two capitals reached a deal on Monday after long talks that both sides described as difficult but necessary for the region.\n\nIt covers troops and money, officials said.\n(LBC; File Photo: a handshake © AP)\nLatest events\nTHE ALMANAC 2024\n",
        );
        assert_eq!(title(&a), "Big Deal Reached Between Two Capitals");
        assert!(a.title.as_ref().unwrap().why.contains("more than once"));
        assert_eq!(
            a.published.as_ref().unwrap().value.date.to_string(),
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
            "Title Of The Piece Here\nThe first paragraph is a full sentence here, and it goes on for a while about the talks between the two governments and what they agreed.\nWhat Comes Next\nThe second paragraph is also a sentence, and a long one, describing what the negotiators will do when they meet again next month in the capital.\nNo comments:\nPost a Comment\n",
        );
        assert_eq!(
            a.blocks
                .iter()
                .map(|b| (b.heading, b.line))
                .collect::<Vec<_>>(),
            vec![(false, 2), (true, 3), (false, 4)]
        );
    }

    #[test]
    fn source_lines_hashtags_and_timestamps() {
        let a = run(
            "Iraq – The talks ended with a plan agreed by both sides after months of negotiation in the capital.\nSource: Reuters\n#Talks #End #Plan\n2024-09-08 08:21:10\n",
        );
        assert!(a.title.is_none());
        assert_eq!(a.attribution, vec![("Reuters".to_string(), 2)]);
        assert_eq!(a.published.unwrap().value.date.to_string(), "2024-09-08");
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn a_lead_dense_with_names_is_kept() {
        let a = run(
            "Valley Courier\nHome | Politics | Sport\nGunmen attack checkpoint near Samarra\n3 June 2025\nGunmen attacked an army checkpoint near Samarra, north of Baghdad, on Monday night, killing two soldiers, Salahuddin police sources said.\nThe attackers fled towards the desert after a gunfight that lasted for almost an hour, an officer said.\nThe army said it had sent reinforcements to the area and that a search for the attackers was under way.\n",
        );
        let body: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            body[0].starts_with("Gunmen attacked an army checkpoint"),
            "{body:?}"
        );
    }

    #[test]
    fn markdown_emphasis_around_a_line() {
        assert_eq!(without_emphasis("*January 6, 2024*"), "January 6, 2024");
        assert_eq!(without_emphasis("**By Jane Roe**"), "By Jane Roe");
        assert_eq!(without_emphasis("*"), "*");
        assert_eq!(without_emphasis("* [Home](/)"), "* [Home](/)");
    }

    #[test]
    fn dates_in_addresses() {
        let d = |s: &str| date_in_address(s).map(|d| d.to_string());
        assert_eq!(
            d("https://example.com/news/2024/01/25/talks-resume"),
            Some("2024-01-25".into())
        );
        assert_eq!(
            d("https://example.com/a/20240125/talks"),
            Some("2024-01-25".into())
        );
        assert_eq!(
            d("https://example.com/2024-1-5-talks"),
            Some("2024-01-05".into())
        );
        assert_eq!(d("https://example.com/news/2024/13/45/x"), None);
        assert_eq!(d("https://example.com/story/12345678"), None);
    }

    #[test]
    fn interview_answers_name_their_speaker_and_share_boxes_repeat_the_headline() {
        let a = run(
            "Tigris Notes\nShare this post\nTigris Notes\nThe faction problem\nCopy link\nFacebook\nThe faction problem\nWhy one faction that never paused its attacks matters more than the rest\nJane Roe\nFeb 16, 2024\nTigris Notes: What changes for the region after the agreement is signed?\nSoran Aziz: For now very little changes, and the coalition forces stay where they are until the second phase ends.\nTigris Notes: Were you consulted before the announcement was made?\nSoran Aziz: We were informed, and our prime minister raised our concerns with the other side many times.\n",
        );
        assert_eq!(title(&a), "The faction problem");
        assert_eq!(a.authors, ["Jane Roe"]);
        let speakers: Vec<&str> = a.speakers.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(speakers.contains(&"Soran Aziz"), "{speakers:?}");
        assert!(
            !speakers.iter().any(|s| s.contains("Tigris")),
            "{speakers:?}"
        );
    }

    #[test]
    fn a_sentence_crowded_with_names_says_what_happened_in_lower_case() {
        assert!(says_in_lower_case(
            "President Abdul Latif Rashid met Kurdistan Region President Nechirvan Barzani in Baghdad."
        ));
        assert!(!says_in_lower_case(
            "Iraq Says Coalition Talks to Set a Timetable for the Exit."
        ));
    }

    #[test]
    fn a_headline_tells_what_the_lead_tells_and_a_tagline_does_not() {
        let lead = "Port workers in Basra ended a four-day strike on Thursday after the ministry agreed to pay them.";
        assert!(tells_of(
            "BASRA PORT WORKERS END STRIKE AFTER PAY DEAL",
            lead
        ));
        assert!(!tells_of("BASRA'S ENGLISH DAILY SINCE 2009", lead));
        // Only the lead's names: the issuer's own name over its release.
        assert!(!tells_of(
            "Ministry of Water Resources of the Republic of Iraq",
            "Minister of Water Resources Aoun Diab received a delegation on Sunday."
        ));
    }

    #[test]
    fn a_press_offices_labels_and_a_scrapers_title_field() {
        // The government banner is chrome; the headline has the document's
        // type and the office between it and the date.
        let a = run(
            "An official website of the Harbour Government\nHere's how you know\nHarbour Ministry of Ports\nMenu\nHome\nNews\nPress\nAbout\nNew Timetable for the Reopening of the Northern Port\nMedia Note\nOffice of the Spokesperson\nMarch 3, 2024\nThe ministry said on Sunday that the northern port would reopen to cargo ships in April, after two months of repairs to its main quay.\nCopyright Information\n",
        );
        let title = a.title.unwrap();
        assert_eq!(
            title.value,
            "New Timetable for the Reopening of the Northern Port"
        );
        assert!(title.why.contains("document type"), "{}", title.why);
        assert_eq!(a.outlet.unwrap().value, "Harbour Ministry of Ports");
        // A blog's author name over the date is no label: the line above
        // it is the standfirst, not the headline.
        let a = run(
            "Open in app\nSign in\nThe port is reopening. Its debts are not going away.\nWhy the reopening of the northern port leaves its owners with a bill\nLayla Hadi\nFollow\n6 min read\nMar 3, 2024\nThe ministry said on Sunday that the northern port would reopen to cargo ships in April, after two months of repairs to its main quay.\n",
        );
        assert_eq!(
            a.title.unwrap().value,
            "The port is reopening. Its debts are not going away."
        );
        // A feed record: its Title field is the headline, its Feed field
        // the publication.
        let a = run(
            "Feed: Harbour Review - World\nTitle: Port of the north to reopen in April after repairs\nLink: https://harbourreview.net/world/port-reopens\nPublished: Sun, 03 Mar 2024 10:00:00 +0000\nAuthor: desk@harbourreview.net (Layla Hadi)\nDescription:\nThe ministry said on Sunday that the northern port would reopen to cargo ships in April, after two months of repairs to its main quay.\n",
        );
        assert_eq!(
            a.title.unwrap().value,
            "Port of the north to reopen in April after repairs"
        );
        assert_eq!(a.outlet.unwrap().value, "Harbour Review");
        assert_eq!(a.authors, ["Layla Hadi"]);
    }

    #[test]
    fn a_read_more_label_inside_the_text_and_a_masthead_under_the_menu() {
        let a = run(
            "Home\nPolitics\nEconomy\nSociety\nSports\nHarbour News Agency\nNews ID: 2178654\nMar 3, 2024, 6:31 PM\nPort of the north to reopen in April after repairs\nThe ministry said on Sunday that the northern port would reopen to cargo ships in April, after two months of repairs to its main quay and its cranes.\nThe port handled a third of the country's imports before the storm damaged it in January, according to the ministry.\nRead more\nThe ministry's spokesman, Omar Reed, said the first ships were \"already booked.\"\nJoin Harbour News Pro\nGet exclusive analysis and daily briefings.\nLearn more\n",
        );
        assert_eq!(a.outlet.unwrap().value, "Harbour News Agency");
        let text: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("The ministry's spokesman")),
            "{text:?}"
        );
        assert!(
            !text.iter().any(|t| t.starts_with("Get exclusive")),
            "{text:?}"
        );
        // An agency run into the date line is credited.
        let a = run(
            "Harbour News\nPort of the north to reopen in April after repairs\nAFP Published March 3, 2024 Updated about 3 hours ago\nThe ministry said on Sunday that the northern port would reopen to cargo ships in April, after two months of repairs to its main quay and its cranes.\n",
        );
        assert_eq!(a.published.unwrap().value.date.to_string(), "2024-03-03");
        assert!(
            a.attribution
                .iter()
                .any(|(n, _)| n == "Agence France-Presse"),
            "{:?}",
            a.attribution
        );
    }

    #[test]
    fn a_blog_themes_entry_meta_is_a_dated_byline() {
        let read = |l: &str| entry_meta(l, DateStyle::default());
        let b = read("Jane Roe September 26, 2024 0 Comments").unwrap();
        assert_eq!(b.authors, ["Jane Roe"]);
        assert_eq!(b.date.unwrap().date.to_string(), "2024-09-26");
        let b = read("September 26, 2024 Jane Roe Leave a comment").unwrap();
        assert_eq!(b.authors, ["Jane Roe"]);
        let b = read("September 26, 2024 - Jane Roe - No Comments").unwrap();
        assert_eq!(b.authors, ["Jane Roe"]);
        let b = read("Editor on Sep 26, 2024 in Politics, Security").unwrap();
        assert!(b.authors.is_empty());
        assert_eq!(b.date.unwrap().date.to_string(), "2024-09-26");
        // Without "on" or a count of comments, no entry meta; nor a
        // sentence's words before "on".
        assert!(read("Jane Roe September 26, 2024").is_none());
        assert!(read("The vote was held on September 26, 2024").is_none());
    }

    #[test]
    fn copyright_footer_names_the_outlet() {
        let a = run(
            "A Title For It Here\nThe story is told in one sentence here, and it is long enough to count as the article's text on any page.\n© 2024 Gulf Ledger. All rights reserved.\n",
        );
        assert_eq!(a.outlet.unwrap().value, "Gulf Ledger");
        assert_eq!(
            outlet_from_copyright("© Ministry of Water – Republic of Iraq. All rights reserved."),
            Some("Ministry of Water – Republic of Iraq".to_string())
        );
        // The group named after its outlet is the outlet; a group of
        // another name is itself.
        assert_eq!(
            outlet_from_copyright("© 2024 Harbour Times Media Network"),
            Some("Harbour Times".to_string())
        );
        assert_eq!(
            outlet_from_copyright("© 2024 Al Jazeera Media Group. All rights reserved."),
            Some("Al Jazeera".to_string())
        );
        assert_eq!(
            outlet_from_copyright("© 2024 Crescent Media Group"),
            Some("Crescent Media Group".to_string())
        );
        assert_eq!(
            outlet_from_copyright(
                "© 2024 Harbour Post Publishing Limited or its affiliated companies. All rights reserved."
            ),
            Some("Harbour Post".to_string())
        );
        // A footer's link to the copyright page is no notice.
        assert_eq!(outlet_from_copyright("Copyright Information"), None);
        assert_eq!(outlet_from_copyright("Copyright Policy"), None);
        assert_eq!(
            outlet_from_copyright("© Harbour Courier 2023"),
            Some("Harbour Courier".to_string())
        );
        assert_eq!(
            outlet_from_copyright("Copyright 2024 The Arab Mail LLC"),
            Some("The Arab Mail".to_string())
        );
        // The word after the sign, and a company's form with full stops.
        assert_eq!(
            outlet_from_copyright("© Copyright Harbour Courier 2024"),
            Some("Harbour Courier".to_string())
        );
        assert_eq!(
            outlet_from_copyright("©2024 Harbour Financial L.P."),
            Some("Harbour Financial".to_string())
        );
        // The holder after "by", with or without its article.
        for notice in [
            "© 2024 by the Harbour Policy Institute. All rights reserved.",
            "Copyright 2024 by Harbour Policy Institute",
        ] {
            assert_eq!(
                outlet_from_copyright(notice),
                Some("Harbour Policy Institute".to_string())
            );
        }
    }

    #[test]
    fn user_patterns_extend_the_defaults() {
        let extra = [Regex::new("(?i)^brought to you by .*$").unwrap()];
        let a = clean(
            "A Title For It Here\nThe story is one sentence long, and long enough to be the article on a page like this one.\nBrought to you by Acme\n",
            &SourceMeta::default(),
            &Boilerplate::new(&extra),
            &CorpusWords::default(),
        );
        assert!(a.dropped.iter().any(|d| d.reason == "site.toml pattern"));
    }

    #[test]
    fn teasers_leave_the_paragraph() {
        let (text, teaser) =
            strip_teaser("Crowds gathered at the wreck. Read more: Strikes hit depots in the west");
        assert_eq!(text, "Crowds gathered at the wreck.");
        assert_eq!(
            teaser.as_deref(),
            Some("Read more: Strikes hit depots in the west")
        );
        assert_eq!(strip_teaser("He said: read more: nothing.").1, None);
    }

    #[test]
    fn a_short_last_paragraph_above_the_tags_stays_a_teaser_goes() {
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\nBy Jane Roe\n{PARAGRAPHS}Foreign Minister Omar Haddad welcomed the decision.\nFiled under: Iraq, Defence\nMost Read\nWho are the armed factions in Iraq?\nHarbour Daily © 2024\n"
        ));
        assert!(body(&a).contains("welcomed the decision"), "{}", body(&a));
        // Longer, and crowded with names: still a sentence of the article.
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\nBy Jane Roe\n{PARAGRAPHS}Iraqi Prime Minister Mohammed Shia Al-Sudani visited Washington last year.\nRead: Strikes hit depots in the west\n"
        ));
        assert!(body(&a).contains("visited Washington"), "{}", body(&a));
        assert!(!body(&a).contains("armed factions"), "{}", body(&a));
    }

    #[test]
    fn every_teaser_under_a_promo_heading_is_a_teaser() {
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\nBy Web Desk\n26 January 2024\nTop Stories\nNew visa rules for remote workers\nMetro extends hours for the weekend\n{PARAGRAPHS}"
        ));
        assert!(!body(&a).contains("Metro"), "{}", body(&a));
        assert_eq!(title(&a), "Talks on the mission to resume next month");
    }

    #[test]
    fn numbered_questions_and_a_columnist_over_the_headline() {
        let a = run(&format!(
            "HARBOUR EXPLAINED\nExplainer: What the talks on the mission mean\nJane Roe\n26 January 2024\n1. Why now?\n{PARAGRAPHS}2. What next?\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Explainer: What the talks on the mission mean");
        let a = run(&format!(
            "HARBOUR REVIEW\nOPINION\nJane Roe\nThe mission's end is a test for the capital\nJanuary 26, 2024\n{PARAGRAPHS}Jane Roe is a columnist for Harbour Review.\n"
        ));
        assert_eq!(a.authors, ["Jane Roe"]);
        assert!(!body(&a).contains("columnist"), "{}", body(&a));
        // A person's name as a tag above the headline, with no note on an
        // author, stays no byline.
        let a = run(&format!(
            "HARBOUR REVIEW\nOPINION\nJane Roe\nThe mission's end is a test for the capital\nJanuary 26, 2024\n{PARAGRAPHS}"
        ));
        assert!(a.authors.is_empty());
    }

    #[test]
    fn a_wire_tag_before_the_headline_is_left_off() {
        let a = run(&format!(
            "HARBOUR MARKETS\nUPDATE 2-Talks on the mission to resume next month\nJanuary 25, 2024\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Talks on the mission to resume next month");
    }

    #[test]
    fn a_menu_item_printed_again_as_a_label_is_not_the_headline() {
        let a = run(&format!(
            "Harbour Ministry\nHome\nOffice of the Spokesperson\nPress Releases\nBriefings\n\nMinister's Call with the Prime Minister of Iraq\n\nREADOUT\nOFFICE OF THE SPOKESPERSON\nJANUARY 26, 2024\n\nThe following is attributable to Spokesperson Jane Roe:\n\n{PARAGRAPHS}"
        ));
        assert_eq!(title(&a), "Minister's Call with the Prime Minister of Iraq");
        // The line that leads into the statement is its first paragraph,
        // not a section heading.
        let lead = a
            .blocks
            .iter()
            .find(|b| b.text.starts_with("The following"));
        assert!(lead.is_some_and(|b| !b.heading), "{}", body(&a));
    }

    #[test]
    fn authors_in_boxes_notes_and_date_fields() {
        // The note by surname, under the surname in capitals; the byline
        // ran the outlet's name on after the author's.
        let a = run(&format!(
            "HARBOUR STARS\nTalks on the mission to resume next month\nBy JANE ROE HARBOUR STARS • Published: January 26, 2024\n{PARAGRAPHS}ROE\nRoe covers the Pentagon for Harbour Stars.\n"
        ));
        assert_eq!(a.authors, ["Jane Roe"]);
        assert!(!body(&a).contains("covers the Pentagon"), "{}", body(&a));
        assert!(!body(&a).lines().any(|l| l == "ROE"), "{}", body(&a));
        // "DATE | Author | Categories".
        let a = run(&format!(
            "Harbour Journal\nTalks on the mission to resume next month\nJanuary 26, 2024 | Jane Roe | Iraq, Iran, US military\n{PARAGRAPHS}"
        ));
        assert_eq!(a.authors, ["Jane Roe"]);
        assert_eq!(
            a.published.as_ref().unwrap().value.date.to_string(),
            "2024-01-26"
        );
        // A contributors box at the end.
        let a = run(&format!(
            "HARBOUR DAILY\nTalks on the mission to resume next month\n26 January 2024\n{PARAGRAPHS}Contributors\nJane Roe\nSenior Analyst, Iraq\n"
        ));
        assert_eq!(a.authors, ["Jane Roe"]);
    }
}
