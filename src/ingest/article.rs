//! One raw article in, one brief draft out: the extraction steps in order.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::claims;
use super::clean::{Boilerplate, CleanArticle, clean};
use super::dates;
use super::entities::{self, Sentence};
use super::figures;
use super::glue::CorpusWords;
use super::places;
use crate::brief::{BriefFacts, BriefFile, DateMention, Evidence, Figure, IngestStamp, KeyPoint};
use crate::sentences;
use crate::source::SourceText;
use crate::topic::{Phrase, Topic, TopicMatcher};

/// Everything ingest learned from one source, before it is written.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Headline (from the text, or derived from the first sentence).
    pub title: String,
    /// Publisher, when the source names it.
    pub outlet: Option<String>,
    /// The article's own date.
    pub published: Option<NaiveDate>,
    /// Topic slugs, in topic order.
    pub topics: Vec<String>,
    /// The extracted facts.
    pub facts: BriefFacts,
    /// The cleaned article as Markdown.
    pub body: String,
    /// A hash of the cleaned text, to spot one article saved twice.
    pub body_key: String,
}

/// What extraction needs besides the source itself.
pub struct Context<'a> {
    /// The site's topics, in order.
    pub topics: &'a [Topic],
    /// Their rules, compiled.
    pub matcher: &'a TopicMatcher,
    /// Boilerplate patterns.
    pub boilerplate: &'a Boilerplate,
    /// Words of the whole corpus (for glue repair).
    pub corpus: &'a CorpusWords,
}

/// Extract a draft brief from `source`.
/// The people read from the text, completed: the transcript's speakers,
/// forms joined to the full names they begin, those a caption names in full,
/// roles without the honorific they end in.
fn finish_people(
    people: &mut Vec<crate::brief::Person>,
    art: &CleanArticle,
    body_sentences: &[Sentence],
    own_names: &[String],
) {
    add_speakers(people, &art.speakers);
    super::people::join_leading_forms(people);
    let captions: Vec<Sentence> = art
        .captions
        .iter()
        .map(|(line, text)| Sentence {
            text: text.clone(),
            line: *line,
        })
        .collect();
    if !captions.is_empty() {
        super::people::named_in_captions(people, body_sentences, &captions, own_names);
    }
    super::people::roles_without_honorifics(people);
}

pub fn extract(source: &SourceText, ctx: &Context<'_>) -> Draft {
    let art: CleanArticle = clean(&source.text, &source.meta, ctx.boilerplate, ctx.corpus);
    let mut notes: Vec<String> = Vec::new();

    // Sentences of the body, each with its source line.
    let mut body_sentences: Vec<Sentence> = Vec::new();
    let mut block_of_sentence: Vec<usize> = Vec::new();
    for (bi, b) in art.blocks.iter().enumerate() {
        if b.heading {
            continue;
        }
        for s in sentences::sentences(&b.text) {
            body_sentences.push(Sentence {
                text: s.to_string(),
                line: b.line,
            });
            block_of_sentence.push(bi);
        }
    }

    let (title, title_line, title_derived) =
        choose_title(&art, source, &body_sentences, &mut notes);

    let published = art.published.as_ref().map(|p| {
        notes.push(format!("published: {}", p.why));
        (p.value.date, p.line)
    });
    let published_date = published.map(|(d, _)| d);

    let mut sentences_with_title = body_sentences.clone();
    if let Some(l) = title_line {
        sentences_with_title.insert(
            0,
            Sentence {
                text: title.clone(),
                line: l,
            },
        );
    }
    let (topics, evidence) = tag(
        &sentences_with_title,
        title_line.is_some(),
        ctx.topics,
        ctx.matcher,
    );

    let outlet = art.outlet.as_ref().map(|o| {
        notes.push(format!("outlet: {}", o.why));
        o.value.clone()
    });
    // The page's own names (its outlet, what it credits) are not its people.
    let mut own_names: Vec<String> = outlet.iter().cloned().collect();
    own_names.extend(art.attribution.iter().map(|(n, _)| n.clone()));
    let mut ents = entities::extract(&sentences_with_title, &own_names);
    finish_people(&mut ents.people, &art, &body_sentences, &own_names);
    let mut attribution: Vec<String> = Vec::new();
    for name in art
        .attribution
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(ents.attribution.iter().map(String::as_str))
    {
        let name = entities::canonical_outlet(name).unwrap_or_else(|| name.to_string());
        if !attribution.contains(&name) && !entities::is_unnamed_wires(&name) {
            attribution.push(name);
        }
    }
    attribution.retain(|a| outlet.as_ref().is_none_or(|o| !names_own_outlet(a, o)));
    // The agencies it cites or reprints are organisations it names.
    for a in &attribution {
        if ents.organisations.iter().any(|o| &o.name == a) {
            continue;
        }
        if let Some(org) = entities::cited_outlet(a, &body_sentences) {
            ents.organisations.push(org);
        }
    }
    if let Some(own) = &outlet {
        without_own_outlet(&mut ents.organisations, own);
    }
    ents.organisations.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(note) = dropped_note(&art) {
        notes.push(note);
    }

    let facts = sentence_facts(
        &body_sentences,
        &block_of_sentence,
        &evidence,
        published_date,
        ents.people,
        ents.organisations,
        &mut notes,
    );

    if !art.repairs.is_empty() {
        let mut reps: Vec<String> = art
            .repairs
            .iter()
            .map(|(a, b)| format!("{a} -> {b}"))
            .collect();
        reps.dedup();
        notes.push(format!("repaired glued words: {}", reps.join(", ")));
    }

    let body = markdown_body(&art);
    let body_key = body_key(&art);
    Draft {
        title,
        outlet,
        published: published_date,
        topics,
        facts: BriefFacts {
            source_sha256: Some(source.sha256.clone()),
            attribution,
            authors: art.authors.clone(),
            people: facts.people,
            organisations: facts.organisations,
            figures: facts.figures,
            dates: facts.dates,
            claims: facts.claims,
            places: facts.places,
            key_points: facts.key_points,
            evidence,
            ingest: Some(IngestStamp {
                inputs: String::new(),
                title_line,
                title_derived,
                published_line: published.and_then(|(_, l)| l),
                notes,
                first_seen: None,
                hash: String::new(),
            }),
        },
        body,
        body_key,
    }
}

/// A transcript's speakers, named above its text ("Jane Roe, Department
/// Spokesperson"), are among its people: merged into the one the text names
/// (full name and role kept), else added first.
fn add_speakers(people: &mut Vec<crate::brief::Person>, speakers: &[(String, String, usize)]) {
    for (name, role, line) in speakers {
        match people
            .iter_mut()
            .find(|p| crate::names::same_person(&p.name, name))
        {
            Some(p) => {
                if !role.is_empty() && !p.roles.contains(role) {
                    p.roles.push(role.clone());
                }
                if !p.lines.contains(line) {
                    p.lines.push(*line);
                    p.lines.sort_unstable();
                }
                if p.name != *name && !p.aliases.contains(&p.name) {
                    let short = std::mem::replace(&mut p.name, name.clone());
                    p.aliases.push(short);
                }
            }
            None => people.insert(
                0,
                crate::brief::Person {
                    name: name.clone(),
                    aliases: Vec::new(),
                    roles: if role.is_empty() {
                        Vec::new()
                    } else {
                        vec![role.clone()]
                    },
                    lines: vec![*line],
                },
            ),
        }
    }
}

/// The title: the page's headline, else its metadata's, else one made from
/// the first sentence; with its line and whether it was made.
fn choose_title(
    art: &CleanArticle,
    source: &SourceText,
    body_sentences: &[Sentence],
    notes: &mut Vec<String>,
) -> (String, Option<usize>, bool) {
    match (&art.title, &source.meta.title) {
        (Some(t), _) => {
            notes.push(format!("title: {}", t.why));
            (t.value.clone(), t.line, false)
        }
        (None, Some(t)) if !t.trim().is_empty() => {
            notes.push(
                "title: from the page's metadata (no headline stands in its text)".to_string(),
            );
            // A scraper's "Title: ..." line is where the source prints it.
            let t = t.trim();
            let t = super::clean::title_and_site(t).map_or(t, |(head, _)| head);
            let line = source
                .lines()
                .position(|l| {
                    l.trim()
                        .split_once(':')
                        .is_some_and(|(label, rest)| label.len() <= 10 && rest.trim() == t)
                })
                .map(|i| i + 1);
            (t.to_string(), line, false)
        }
        _ => {
            notes.push(
                "title: the text has no headline; the title is made from the first sentence"
                    .to_string(),
            );
            // Two sentences: a dateline ending in a stop ("BAGHDAD,
            // September 27. /TASS/.") may be a sentence of its own.
            let opening: Vec<&str> = body_sentences
                .iter()
                .take(2)
                .map(|s| s.text.as_str())
                .collect();
            (derived_title(&opening.join(" ")), None, true)
        }
    }
}

/// A hash of the article's words alone (letters and digits, lower-cased):
/// two saves of one article with other markup have the same.
fn body_key(art: &CleanArticle) -> String {
    let norm: String = art
        .blocks
        .iter()
        .flat_map(|b| b.text.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    hex(&Sha256::digest(norm.as_bytes()))
}

/// What the sentences of the text state, each fact with its line.
struct SentenceFacts {
    figures: Vec<Figure>,
    dates: Vec<DateMention>,
    key_points: Vec<KeyPoint>,
    people: Vec<crate::brief::Person>,
    organisations: Vec<crate::brief::Organisation>,
    claims: Vec<crate::brief::Claim>,
    places: Vec<crate::brief::PlaceMention>,
}

/// Figures, dates, key points, claims and places of the body's sentences,
/// each list capped at [`super::MAX_FACTS`] (a note says when one was).
fn sentence_facts(
    body_sentences: &[Sentence],
    block_of_sentence: &[usize],
    evidence: &BTreeMap<String, Vec<Evidence>>,
    published_date: Option<chrono::NaiveDate>,
    people: Vec<crate::brief::Person>,
    organisations: Vec<crate::brief::Organisation>,
    notes: &mut Vec<String>,
) -> SentenceFacts {
    let mut figures: Vec<Figure> = Vec::new();
    let mut dates_found: Vec<DateMention> = Vec::new();
    for s in body_sentences {
        figures.extend(figures::figures(&s.text, s.line));
        dates_found.extend(dates::mentions(&s.text, s.line, published_date));
    }

    let key_points = key_points(
        body_sentences,
        block_of_sentence,
        &figures,
        &dates_found,
        evidence,
    );
    // Days named relative to the article ("on Saturday") date what a story
    // reports; they are listed, but do not make a sentence a key point.
    for s in body_sentences {
        dates_found.extend(dates::day_mentions(&s.text, s.line, published_date));
    }
    dates_found.sort_by_key(|m| m.line);
    let (mut people, mut organisations) = (people, organisations);
    let mut claims: Vec<crate::brief::Claim> = body_sentences
        .iter()
        .filter_map(|s| claims::claim(&s.text, s.line, &people, &organisations))
        .collect();
    let mut places: Vec<crate::brief::PlaceMention> = body_sentences
        .iter()
        .flat_map(|s| places::places(&s.text, s.line, &people, &organisations))
        .collect();
    for (what, len) in [
        ("figures", cap(&mut figures)),
        ("dates", cap(&mut dates_found)),
        ("people", cap(&mut people)),
        ("organisations", cap(&mut organisations)),
        ("claims", cap(&mut claims)),
        ("places", cap(&mut places)),
    ] {
        if len > super::MAX_FACTS {
            notes.push(format!(
                "{what}: only the first {} of {len} are listed",
                super::MAX_FACTS
            ));
        }
    }

    SentenceFacts {
        figures,
        dates: dates_found,
        key_points,
        people,
        organisations,
        claims,
        places,
    }
}

/// Which lines of the source were left out and why, grouped by reason,
/// runs of lines written as ranges: "left out: navigation: lines 1, 3-5;
/// call to action: line 7". A reason with very many runs lists the first
/// ones and how many more (a 50 MB scrape of one repeated paragraph).
fn dropped_note(art: &CleanArticle) -> Option<String> {
    const MAX_RUNS: usize = 40;
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    for d in &art.dropped {
        match groups.iter_mut().find(|(r, _)| *r == d.reason) {
            Some((_, lines)) => lines.push(d.line),
            None => groups.push((&d.reason, vec![d.line])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(reason, mut lines)| {
            lines.sort_unstable();
            lines.dedup();
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for &l in &lines {
                match runs.last_mut() {
                    Some((_, end)) if *end + 1 == l => *end = l,
                    _ => runs.push((l, l)),
                }
            }
            let shown: Vec<String> = runs
                .iter()
                .take(MAX_RUNS)
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}-{b}")
                    }
                })
                .collect();
            let more = if runs.len() > MAX_RUNS {
                format!(" and {} more", runs.len() - MAX_RUNS)
            } else {
                String::new()
            };
            let word = if lines.len() == 1 { "line" } else { "lines" };
            format!("{reason}: {word} {}{more}", shown.join(", "))
        })
        .collect();
    Some(format!("left out: {}", parts.join("; ")))
}

/// Keep at most `MAX_FACTS` items; returns the count before.
fn cap<T>(v: &mut Vec<T>) -> usize {
    let len = v.len();
    v.truncate(super::MAX_FACTS);
    len
}

/// A title from the first sentence of `opening` (the text's first
/// sentences): dateline dropped, cut at the first attribution clause, no
/// final full stop.
pub fn derived_title(opening: &str) -> String {
    let opening = super::header::lead_after_dateline(opening).unwrap_or(opening);
    let first = crate::sentences::sentences(opening)
        .first()
        .copied()
        .unwrap_or(opening);
    let mut t = first.trim();
    // "Shafaq News/ Iraqi Prime Minister ...": the outlet's credit, a
    // slash, then the lead.
    if let Some((head, rest)) = t.split_once("/ ")
        && (1..=4).contains(&head.split_whitespace().count())
        && head
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        t = rest;
    }
    // "Breaking | ...", "URGENT: ...": a channel's alert label before its
    // post's first sentence.
    const ALERTS: &[&str] = &[
        "breaking",
        "breaking news",
        "urgent",
        "alert",
        "flash",
        "just in",
    ];
    if let Some((head, rest)) = t.split_once(" | ").or_else(|| t.split_once(": "))
        && ALERTS.contains(&head.trim().to_lowercase().as_str())
    {
        t = rest;
    }
    // "Iraq – ", "BAGHDAD (Reuters) - ", "Baghdad, Iraq – "
    for dash in [" – ", " — ", " - "] {
        if let Some((head, rest)) = t.split_once(dash)
            && head.split_whitespace().count() <= 4
            && head.chars().next().is_some_and(char::is_uppercase)
        {
            t = rest;
            break;
        }
    }
    for cut in [
        ", according to",
        ", sources said",
        ", officials said",
        ", sources say",
        ", reports said",
        " according to",
    ] {
        if let Some(i) = t.find(cut) {
            t = &t[..i];
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut title = if words.len() > 20 {
        // Cut at the first comma after the eighth word, else after 20 words.
        let upto = words
            .iter()
            .enumerate()
            .skip(8)
            .find(|(_, w)| w.ends_with(','))
            .map_or(20, |(i, _)| i + 1);
        words[..upto.min(20)].join(" ")
    } else {
        words.join(" ")
    };
    title = title.trim_end_matches([',', '.', ';', ':']).to_string();
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => "Untitled article".to_string(),
    }
}

/// Tag topics by their rules; keep up to three justifying sentences each,
/// the strongest first. `sentences[0]` is the headline when `has_title`.
fn tag(
    sentences: &[Sentence],
    has_title: bool,
    topics: &[Topic],
    matcher: &TopicMatcher,
) -> (Vec<String>, BTreeMap<String, Vec<Evidence>>) {
    let mut tagged = Vec::new();
    let mut evidence = BTreeMap::new();
    // Per topic: (score, sentence index, sentence, forms found).
    type Found<'s> = Vec<(f64, usize, &'s Sentence, Vec<String>)>;
    let mut by_topic: Vec<Found<'_>> = vec![Vec::new(); topics.len()];
    for (i, s) in sentences.iter().enumerate() {
        for (t, m) in matcher.match_sentence(&s.text) {
            by_topic[t].push((m.score, i, s, m.found));
        }
    }
    for (t, mut matches) in topics.iter().zip(by_topic) {
        let total = capped_total(t, &matches);
        if matches.len() >= t.rules.min_sentences.max(1)
            && total >= t.rules.threshold
            && has_required_phrase(t, &matches)
        {
            // Best first: body sentences before the headline, then by score, then by position.
            let is_title = |i: usize| has_title && i == 0;
            matches.sort_by(|a, b| {
                is_title(a.1)
                    .cmp(&is_title(b.1))
                    .then(b.0.total_cmp(&a.0))
                    .then(a.1.cmp(&b.1))
            });
            matches.truncate(3);
            tagged.push(t.slug.clone());
            evidence.insert(
                t.slug.clone(),
                matches
                    .into_iter()
                    .map(|(_, _, s, found)| Evidence {
                        text: crate::sentences::clip_around(&s.text, 0, super::MAX_EXCERPT),
                        line: s.line,
                        found,
                    })
                    .collect(),
            );
        }
    }
    (tagged, evidence)
}

/// Whether the article's matching sentences hold one of the topic's
/// required phrases (always, for a topic that requires none).
fn has_required_phrase(topic: &Topic, matches: &[(f64, usize, &Sentence, Vec<String>)]) -> bool {
    let required: Vec<&Phrase> = topic.rules.phrases.iter().filter(|p| p.required).collect();
    required.is_empty()
        || matches.iter().any(|(_, _, _, found)| {
            found
                .iter()
                .any(|form| required.iter().any(|p| p.forms().any(|f| f == form)))
        })
}

/// A phrase counts in at most this many sentences toward a topic's
/// threshold: one phrase said again and again ("US troops" in a story about
/// an attack) does not make an article about the topic on its own.
const MAX_SENTENCES_PER_PHRASE: usize = 2;

/// The weight an article's sentences give a topic, each phrase counted in at
/// most [`MAX_SENTENCES_PER_PHRASE`] sentences.
fn capped_total(topic: &Topic, matches: &[(f64, usize, &Sentence, Vec<String>)]) -> f64 {
    let phrases = &topic.rules.phrases;
    let mut sentences_per_phrase = vec![0usize; phrases.len()];
    for (_, _, _, found) in matches {
        for form in found {
            if let Some(p) = phrases.iter().position(|p| p.forms().any(|f| f == form)) {
                sentences_per_phrase[p] += 1;
            }
        }
    }
    phrases
        .iter()
        .zip(sentences_per_phrase)
        .map(|(p, n)| p.weight * n.min(MAX_SENTENCES_PER_PHRASE) as f64)
        .sum()
}

/// The 3 to 5 sentences that carry the article: early, factual, on-topic,
/// not near-duplicates of each other; in reading order.
/// Whether a text ends as a sentence does: a full stop, question or
/// exclamation mark or ellipsis, perhaps inside closing quotes or brackets.
/// A footnote's mark ("...militias.[2]") is not the end.
fn ends_like_a_sentence(text: &str) -> bool {
    let mut end = text.trim_end();
    while let Some(open) = end.strip_suffix(']').and_then(|s| s.rfind('[')) {
        let mark = &end[open + 1..end.len() - 1];
        if mark.is_empty() || !mark.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        end = end[..open].trim_end();
    }
    end.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}'])
        .ends_with(['.', '!', '?', '\u{2026}', '\u{61f}', '\u{6d4}'])
}

fn key_points(
    sentences: &[Sentence],
    block_of: &[usize],
    figures: &[Figure],
    dates: &[DateMention],
    evidence: &BTreeMap<String, Vec<Evidence>>,
) -> Vec<KeyPoint> {
    if sentences.is_empty() {
        return Vec::new();
    }
    let want = (sentences.len() / 4).clamp(3, 5).min(sentences.len());
    let evidence_texts: Vec<&str> = evidence
        .values()
        .flatten()
        .map(|e| e.text.as_str())
        .collect();
    let mut scored: Vec<(f64, usize)> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let words = s.text.split_whitespace().count();
            let mut score = 3.0 / (1.0 + block_of[i] as f64);
            if i == 0 {
                score += 2.0;
            }
            if figures.iter().any(|f| f.context == s.text) {
                score += 1.5;
            }
            if dates.iter().any(|d| d.context == s.text) {
                score += 1.0;
            }
            if evidence_texts.contains(&s.text.as_str()) {
                score += 1.0;
            }
            if words < 8 {
                score -= 2.0;
            }
            if words > 50 {
                score -= 1.0;
            }
            if s.text.ends_with('?') {
                score -= 1.0;
            }
            // "Good morning." greets.
            if words < 4 {
                score -= 3.0;
            }
            let lower = s.text.to_lowercase();
            if lower.starts_with("in conclusion") || lower.starts_with("in summary") {
                score -= 2.0;
            }
            (score, i)
        })
        .collect();
    // A block that does not end like a sentence (a standfirst, a kicker,
    // a caption the cleaner kept) is a point only when no sentence is left:
    // "Lawmakers vote to hold the deadline" reads as a heading, not a finding.
    scored.sort_by(|a, b| {
        let ends = |i: usize| ends_like_a_sentence(&sentences[i].text);
        ends(b.1)
            .cmp(&ends(a.1))
            .then(b.0.total_cmp(&a.0))
            .then(a.1.cmp(&b.1))
    });
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in scored {
        if chosen.len() == want {
            break;
        }
        // "The following is attributable to the Spokesperson:" leads into
        // a point; it makes none.
        if sentences[i].text.trim_end().ends_with(':') {
            continue;
        }
        if chosen
            .iter()
            .all(|&c| similarity(&sentences[c].text, &sentences[i].text) < 0.5)
        {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| KeyPoint {
            text: sentences[i].text.clone(),
            line: sentences[i].line,
        })
        .collect()
}

/// Share of words two sentences have in common (Jaccard).
fn similarity(a: &str, b: &str) -> f64 {
    let wa: std::collections::BTreeSet<String> =
        a.split_whitespace().map(|w| w.to_lowercase()).collect();
    let wb: std::collections::BTreeSet<String> =
        b.split_whitespace().map(|w| w.to_lowercase()).collect();
    let inter = wa.intersection(&wb).count() as f64;
    let union = wa.union(&wb).count().max(1) as f64;
    inter / union
}

/// The body as Markdown: paragraphs and `##` subheadings, text escaped so
/// that scraped characters are shown, not interpreted.
fn markdown_body(art: &CleanArticle) -> String {
    let mut out = String::new();
    for b in &art.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        if b.heading {
            out.push_str("## ");
        }
        out.push_str(&escape_markdown(&b.text));
        out.push('\n');
    }
    out
}

/// Backslash-escape what Markdown would read as markup.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|')
            || (i == 0 && matches!(c, '#' | '+' | '-' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. " at the start would become a list.
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// Lower-case hexadecimal of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The brief file for `draft`, stamped with its inputs hash and its own hash.
pub fn render_brief(draft: &Draft, source_path: &str, inputs: &str) -> String {
    let mut facts = draft.facts.clone();
    if let Some(stamp) = facts.ingest.as_mut() {
        stamp.inputs = inputs.to_string();
        stamp.hash = String::new();
    }
    let unstamped = brief_text(draft, source_path, &facts);
    let hash = hex(&Sha256::digest(unstamped.as_bytes()));
    // The stamp's hash is the front matter's last line: put the value in
    // place (serialising a brief is a tenth of ingest). A value of digits
    // and "e" alone could read as a number and be quoted: serialised then.
    let end = format!("\n  hash: ''\n---\n\n{}", draft.body);
    if facts.ingest.is_some()
        && hash.bytes().any(|b| matches!(b, b'a'..=b'd' | b'f'))
        && let Some(head) = unstamped.strip_suffix(&end)
    {
        return format!("{head}\n  hash: {hash}\n---\n\n{}", draft.body);
    }
    if let Some(stamp) = facts.ingest.as_mut() {
        stamp.hash = hash;
    }
    brief_text(draft, source_path, &facts)
}

fn brief_text(draft: &Draft, source_path: &str, facts: &BriefFacts) -> String {
    let file = BriefFile {
        title: &draft.title,
        source: Some(source_path),
        outlet: draft.outlet.as_deref(),
        published: draft.published.map(|d| d.format("%Y-%m-%d").to_string()),
        topics: &draft.topics,
        facts,
    };
    let yaml = crate::yaml::to_string(&file).unwrap_or_default();
    format!("---\n{yaml}---\n\n{}", draft.body)
}

/// Was this brief text written by ingest and left untouched since?
pub fn is_untouched(text: &str, stamped_hash: &str) -> bool {
    if stamped_hash.is_empty() {
        return false;
    }
    // The hash of the text with its first "hash: <hash>" read as "hash: ''",
    // in three pieces: no copy of the brief (this runs on every brief of
    // every build).
    let stamp = format!("hash: {stamped_hash}");
    let mut h = Sha256::new();
    match text.find(&stamp) {
        Some(at) => {
            h.update(&text.as_bytes()[..at]);
            h.update(b"hash: ''");
            h.update(&text.as_bytes()[at + stamp.len()..]);
        }
        None => h.update(text.as_bytes()),
    }
    hex(&h.finalize()) == stamped_hash
}

/// A news outlet is not an organisation its own story names ("told Iraq
/// News Network"); a ministry's own statement naming it still does.
fn without_own_outlet(organisations: &mut Vec<crate::brief::Organisation>, own: &str) {
    let outlet_name = (entities::known_outlet(own).is_some()
        || super::header::has_outlet_word(own))
        && !super::header::is_body_name(own);
    // Or the name the gazetteer knows it by: "Sputnik" on Sputnik
    // International's page.
    let canonical = entities::known_outlet(own).map(|(n, _)| n);
    let known_form = |name: &str| {
        entities::known_outlet(name).is_some_and(|(n, _)| {
            Some(n) == canonical
                || own
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(' '))
        })
    };
    organisations.retain(|o| !(outlet_name && o.name == own || known_form(&o.name)));
}

/// Does a credit name the page's own outlet: its name, its initials
/// ("ERBIL (IKT) -" on Iraqi Kurdistan Today's page), or its name without
/// the words that say what it is ("TEHRAN (Harbour) -" on Harbour News
/// Agency's page)?
fn names_own_outlet(credit: &str, outlet: &str) -> bool {
    credit == outlet
        || super::header::spells_out(credit, outlet)
        || outlet.strip_prefix(credit).is_some_and(|rest| {
            rest.starts_with(' ') && rest.split_whitespace().all(super::header::has_outlet_word)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_own_outlet_in_any_form_is_not_its_organisation() {
        let org = |name: &str| crate::brief::Organisation {
            name: name.to_string(),
            aliases: Vec::new(),
            lines: vec![3],
        };
        let names = |own: &str, orgs: &[&str]| {
            let mut orgs: Vec<_> = orgs.iter().map(|n| org(n)).collect();
            without_own_outlet(&mut orgs, own);
            orgs.into_iter().map(|o| o.name).collect::<Vec<_>>()
        };
        // The gazetteer's name of the outlet before the page's longer one.
        assert_eq!(
            names("Reuters International", &["Reuters", "Pentagon"]),
            ["Pentagon"]
        );
        assert_eq!(
            names("Harbour News Network", &["Harbour News Network"]),
            Vec::<String>::new()
        );
        // Another outlet the story cites stays.
        assert_eq!(
            names("Harbour News Network", &["Reuters", "Pentagon"]),
            ["Reuters", "Pentagon"]
        );
    }

    #[test]
    fn a_standfirst_without_a_full_stop_is_no_key_point() {
        let sentences = super::super::entities::numbered(&[
            "Lawmakers vote to hold the government to the September deadline",
            "The council voted 41 to 12 on Tuesday to keep the September deadline for the handover.",
            "Two members walked out before the count, saying the vote had been rushed.",
            "The governor said he would sign the measure by Friday.",
            "Opponents plan a challenge in the provincial court next month.",
            "A spokesman for the council declined to comment on the challenge.",
        ]);
        let block_of: Vec<usize> = (0..sentences.len()).collect();
        let points = key_points(&sentences, &block_of, &[], &[], &BTreeMap::new());
        let lines: Vec<usize> = points.iter().map(|p| p.line).collect();
        assert_eq!(lines.len(), 3);
        assert!(!lines.contains(&sentences[0].line), "{points:?}");
        // With nothing else to choose, the block still serves.
        let alone = &sentences[..1];
        assert_eq!(key_points(alone, &[0], &[], &[], &BTreeMap::new()).len(), 1);
    }

    #[test]
    fn sentence_ends_past_quotes_and_footnote_marks() {
        assert!(ends_like_a_sentence("He said \u{201c}no.\u{201d}"));
        assert!(ends_like_a_sentence("The strikes hit depots.[2]"));
        assert!(ends_like_a_sentence("Was it planned? (It was.)"));
        assert!(!ends_like_a_sentence("Southern fields drive the increase"));
        assert!(!ends_like_a_sentence("Strikes in Syria [update]"));
    }

    #[test]
    fn titles_from_first_sentences() {
        assert_eq!(
            derived_title(
                "Iraq – Baghdad and Washington have reached an agreement on the withdrawal of international coalition forces from Iraq, according to a plan to be implemented in stages over the next two years."
            ),
            "Baghdad and Washington have reached an agreement on the withdrawal of international coalition forces from Iraq"
        );
        assert_eq!(
            derived_title("BAGHDAD (Reuters) - Talks ended."),
            "Talks ended"
        );
        assert_eq!(
            derived_title("Harbour Wire/ Iraqi officials said talks ended."),
            "Iraqi officials said talks ended"
        );
        // The dateline a sentence of its own, then the lead.
        assert_eq!(
            derived_title("ANKARA, March 3. /NOVA/. Talks ended in Ankara. Both sides left."),
            "Talks ended in Ankara"
        );
        assert_eq!(
            derived_title("Basra [Iraq], March 3 (HNA): Talks ended. Both sides left."),
            "Talks ended"
        );
        assert_eq!(
            derived_title("Talks ended on Monday. Both sides left."),
            "Talks ended on Monday"
        );
        // A channel's alert label before the post.
        assert_eq!(
            derived_title("Urgent | Talks ended on Monday. Both sides left."),
            "Talks ended on Monday"
        );
        assert_eq!(
            derived_title("BREAKING: Talks ended on Monday."),
            "Talks ended on Monday"
        );
        // A speaker's words after a colon stay the title's.
        assert_eq!(
            derived_title("Minister: Talks ended on Monday."),
            "Minister: Talks ended on Monday"
        );
    }

    #[test]
    fn a_topic_with_required_phrases_needs_one_of_them() {
        let text = "---\ntitle: Attacks\nrules:\n  threshold: 3\n  phrases:\n    - text: militias\n      aliases: [armed groups]\n      weight: 2\n    - text: attacks\n      aliases: [attacked]\n      required: true\n---\n";
        let topic = Topic::parse("attacks", std::path::Path::new("a.md"), text).unwrap();
        assert!(topic.rules.phrases[1].required && !topic.rules.phrases[0].required);
        let matcher = TopicMatcher::new([&topic.rules]);
        let sentences = super::super::entities::numbered;
        // The actors twice, never the act: not tagged.
        let actors = sentences(&[
            "Lawmakers close to the militias want a new law.",
            "The armed groups say the bill protects them.",
        ]);
        let (tags, _) = tag(&actors, false, std::slice::from_ref(&topic), &matcher);
        assert!(tags.is_empty(), "{tags:?}");
        let acts = sentences(&[
            "The militias attacked a base on Sunday.",
            "The armed groups say the bill protects them.",
        ]);
        let (tags, _) = tag(&acts, false, std::slice::from_ref(&topic), &matcher);
        assert_eq!(tags, ["attacks"]);
        let bad = text.replace("required: true", "required: often");
        let err = Topic::parse("attacks", std::path::Path::new("a.md"), &bad).unwrap_err();
        assert!(
            err.message.contains("`required` must be true or false"),
            "{err}"
        );
    }

    #[test]
    fn the_outlets_initials_are_its_own_name() {
        assert!(names_own_outlet("HKT", "Harbour Kurdistan Today"));
        assert!(names_own_outlet(
            "Harbour Kurdistan Today",
            "Harbour Kurdistan Today"
        ));
        assert!(!names_own_outlet("AFP", "Harbour Kurdistan Today"));
        assert!(names_own_outlet("Harbour", "Harbour News Agency"));
        assert!(!names_own_outlet("Harbour", "Harbour Kurdistan Today"));
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            escape_markdown("# not a heading <b>*x*</b>"),
            "\\# not a heading \\<b\\>\\*x\\*\\</b\\>"
        );
        assert_eq!(escape_markdown("2024. A year"), "2024\\. A year");
        assert_eq!(escape_markdown("US-led, al-Sudani"), "US-led, al-Sudani");
    }
}
