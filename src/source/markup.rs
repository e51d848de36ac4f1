//! Light markup in a text source, read as the text the page shows, line
//! for line: what a text browser's dump adds to mark links (`lynx -dump`,
//! `w3m`), and a page saved as Markdown (a reader service's or a
//! converter's output: links, images, headings). Every line stays where it
//! was, emptied rather than removed, so that a line number still points
//! into the file; a heading's level is kept as the mark an HTML heading
//! gets ([`MarkKind::Heading`]), which ingest weighs the same way.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use super::{LineMark, MarkKind};

/// `text` as the page shows it, with the headings its Markdown marks; the
/// text unchanged and no marks when it has no such markup.
pub fn plain_text(text: &str) -> (Cow<'_, str>, Vec<LineMark>) {
    match without_quote_marks(text) {
        Cow::Borrowed(text) => unquoted_plain_text(text),
        Cow::Owned(text) => {
            let (plain, marks) = unquoted_plain_text(&text);
            (Cow::Owned(plain.into_owned()), marks)
        }
    }
}

fn unquoted_plain_text(text: &str) -> (Cow<'_, str>, Vec<LineMark>) {
    let text = match without_link_references(text) {
        Cow::Borrowed(t) => without_markdown_links(t),
        Cow::Owned(t) => Cow::Owned(without_markdown_links(&t).into_owned()),
    };
    match headings(&text) {
        Some((plain, marks)) => (Cow::Owned(plain), marks),
        None => (text, Vec::new()),
    }
}

/// A page forwarded in an e-mail, every line quoted ("> Headline", ">>
/// By Jane Roe"), as the page itself: the quote marks left off each line.
/// A page that quotes some of its lines (a Markdown blockquote) is left
/// as it is: nine lines in ten, at least, must be quoted.
fn without_quote_marks(text: &str) -> Cow<'_, str> {
    match without_forward_header(text) {
        Cow::Borrowed(text) => unquoted(text),
        Cow::Owned(text) => Cow::Owned(unquoted(&text).into_owned()),
    }
}

/// A mail client's header over a forwarded message ("---------- Forwarded
/// message ---------", "Begin forwarded message:", "-----Original
/// Message-----", then From:, Date:, Subject:, To: lines): the mail's, not
/// the page's, so emptied with what the sender wrote above it (its date is
/// the day it was sent). Text without such a marker comes back as it is.
fn without_forward_header(text: &str) -> Cow<'_, str> {
    let marker = |l: &str| {
        let l = l.trim().trim_matches('-').trim().to_ascii_lowercase();
        matches!(
            l.as_str(),
            "forwarded message" | "begin forwarded message:" | "original message"
        )
    };
    let field = |l: &str| {
        l.split_once(':').is_some_and(|(k, _)| {
            matches!(
                k.trim().to_ascii_lowercase().as_str(),
                "from" | "date" | "sent" | "subject" | "to" | "cc" | "reply-to"
            )
        })
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some(at) = lines.iter().take(20).position(|l| marker(l)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut in_header = true;
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        in_header &= i <= at || field(body);
        if !in_header {
            out.push_str(body);
        }
        out.push_str(&line[body.len()..]);
    }
    Cow::Owned(out)
}

/// `text` without its quote marks when nine lines in ten are quoted.
fn unquoted(text: &str) -> Cow<'_, str> {
    let quoted = |l: &str| l.trim_start().starts_with('>');
    let (mut lines, mut marked) = (0usize, 0usize);
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        marked += usize::from(quoted(l));
    }
    if lines < 3 || marked * 10 < lines * 9 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let unquoted = body.trim_start().trim_start_matches(['>', ' ']);
        out.push_str(if quoted(body) { unquoted } else { body });
        out.push_str(&line[body.len()..]);
    }
    Cow::Owned(out)
}

/// Markdown's headings: "# Headline" (level 1 to 6) and, on a page with
/// Markdown links or such headings, a line underlined with "===" (level 1)
/// or "---" (level 2). The text without the marks, and the marks as lines
/// of the text; `None` when there is no heading.
fn headings(text: &str) -> Option<(String, Vec<LineMark>)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let any_atx = lines.iter().any(|l| atx(l).is_some());
    let markdown = any_atx || text.contains("](");
    let underline = |line: &str| {
        let t = line.trim();
        (t.len() >= 3 && markdown)
            .then(|| {
                if t.bytes().all(|b| b == b'=') {
                    Some(1u8)
                } else if t.bytes().all(|b| b == b'-') {
                    Some(2)
                } else {
                    None
                }
            })
            .flatten()
    };
    let mut marks = Vec::new();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        if let Some((level, words)) = atx(body) {
            marks.push(LineMark {
                line: i + 1,
                kind: MarkKind::Heading(level),
            });
            out.push_str(words);
        } else if let Some(level) = underline(body)
            && i > 0
            && setext_title(lines[i - 1])
        {
            // The underline is nothing; the line above it is the heading.
            marks.push(LineMark {
                line: i,
                kind: MarkKind::Heading(level),
            });
        } else {
            out.push_str(body);
        }
        out.push_str(ending);
    }
    (!marks.is_empty()).then_some((out, marks))
}

/// "## Related" -> (2, "Related"): a Markdown heading's level and words.
fn atx(line: &str) -> Option<(u8, &str)> {
    let t = line.trim();
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = t.get(level..)?;
    ((1..=6).contains(&level) && rest.starts_with(' ') && !rest.trim().is_empty())
        .then(|| (level as u8, rest.trim().trim_end_matches('#').trim_end()))
}

/// A line that an underline makes a heading: words, not a list item, not a
/// finished sentence of prose.
fn setext_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let list_item = t.starts_with(['*', '-', '+', '>', '|']);
    let prose = t.ends_with('.') && words > 12;
    (1..=25).contains(&words) && !list_item && !prose
}

/// A text browser's dump (`lynx -dump`, `w3m`) without what it adds to mark
/// links: the number before each link's text ("[12]Home", "said in a
/// [13]statement"), the list of the links' addresses after a "References"
/// line at the end, and the page's `<link>` titles it prints at the top
/// ("#Gulf Tribune RSS feed"). Each line stays where it was (emptied, not
/// removed), so that every line number still points into the source. Any
/// other text comes back as it is: a page is a dump only when it ends in
/// such a list and the numbers it marks are in it.
fn without_link_references(text: &str) -> Cow<'_, str> {
    let Some(list_at) = text
        .rmatch_indices("References")
        .map(|(at, _)| at)
        .find(|&at| {
            let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            text[line_start..line_end].trim() == "References"
                && text[line_end..].lines().all(|l| {
                    let l = l.trim();
                    l.is_empty() || is_reference(l)
                })
                && text[line_end..].lines().any(|l| is_reference(l.trim()))
        })
    else {
        return Cow::Borrowed(text);
    };
    let list_start = text[..list_at].rfind('\n').map_or(0, |p| p + 1);
    let (page, list) = text.split_at(list_start);
    let mut out = String::with_capacity(text.len());
    let mut at_top = true;
    for line in page.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let content = body.trim();
        // The page's <link> titles come first, each after a "#".
        at_top &= content.is_empty() || content.starts_with('#');
        if at_top && content.starts_with('#') && !content.starts_with("# ") {
            out.push_str(&line[body.len()..]);
            continue;
        }
        out.push_str(&without_link_marks(body));
        out.push_str(&line[body.len()..]);
    }
    // The list itself: its lines kept, empty.
    out.extend(list.chars().filter(|&c| c == '\n'));
    Cow::Owned(out)
}

/// A page saved as Markdown (a reader service's or a converter's output)
/// as the text it shows: a link is its words ("[Mohammed Shia
/// al-Sudani](https://.../sudani)" -> "Mohammed Shia al-Sudani"), an image
/// is nothing, and a list item that is one link alone (a menu's "*
/// [Home](https://...)") is the link's words alone. Lines stay where they
/// were. A page without a Markdown link comes back as it is.
fn without_markdown_links(text: &str) -> Cow<'_, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        match markdown_line(body) {
            // An image alone on its line whose description the next line
            // repeats: that line is its caption (as a screen reader's
            // "Image caption" label says of the line after it).
            Some(plain) if plain.trim().is_empty() && image_captioned(body, &lines[i + 1..]) => {
                out.push_str("Image caption");
            }
            Some(plain) => out.push_str(&without_emphasis(&plain)),
            None => out.push_str(&without_emphasis(body)),
        }
        out.push_str(&line[body.len()..]);
    }
    Cow::Owned(out)
}

/// A Markdown line's emphasis as the page shows it: the words, without the
/// marks ("**Read also:**" -> "Read also:", "*Reporting by Jane Roe*" ->
/// "Reporting by Jane Roe"). A mark opens before a word and closes after
/// one, as Markdown reads it, so a list's bullet ("*   Iraq") and a lone
/// star stay; underscores count only in pairs ("__x__"): a single one sits
/// inside names and addresses.
fn without_emphasis(line: &str) -> Cow<'_, str> {
    if !line.contains(['*', '_']) {
        return Cow::Borrowed(line);
    }
    static MARKS: OnceLock<[Regex; 3]> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        [
            r"\*\*(\S(?:.*?\S)?)\*\*",
            r"__(\S(?:.*?\S)?)__",
            r"(^|[^\w*])\*([^\s*](?:[^*]*?[^\s*])?)\*($|[^\w*])",
        ]
        .map(|p| Regex::new(p).unwrap())
    });
    let mut text = Cow::Borrowed(line);
    for (i, re) in marks.iter().enumerate() {
        let with = if i == 2 { "$1$2$3" } else { "$1" };
        if let Cow::Owned(replaced) = re.replace_all(&text, with) {
            text = Cow::Owned(replaced);
        }
    }
    text
}

/// Does the first non-empty line of `after` repeat most of the words of
/// the description of the image on `line` ("![Image 2: Council members on
/// the quay](...)" over "Council members on the quay on Sunday.")?
fn image_captioned(line: &str, after: &[&str]) -> bool {
    let Some(alt) = line
        .trim()
        .strip_prefix("![")
        .and_then(|rest| rest.split_once("]("))
        .map(|(alt, _)| alt)
    else {
        return false;
    };
    // A reader service numbers its images: "Image 2: ...".
    let alt = alt.split_once(": ").map_or(alt, |(label, rest)| {
        if label.starts_with("Image") {
            rest
        } else {
            alt
        }
    });
    let words: Vec<String> = alt.split_whitespace().map(str::to_lowercase).collect();
    let Some(next) = after.iter().map(|l| l.trim()).find(|l| !l.is_empty()) else {
        return false;
    };
    let next = next.to_lowercase();
    let next_words: Vec<&str> = next.split_whitespace().collect();
    let shared = words
        .iter()
        .filter(|w| next_words.contains(&w.as_str()))
        .count();
    words.len() >= 3 && shared * 5 >= words.len() * 3
}

/// `line` with its Markdown links made plain, or `None` when it has none.
fn markdown_line(line: &str) -> Option<String> {
    if !line.contains("](") {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut links = 0;
    let mut found = false;
    while let Some(open) = rest.find('[') {
        let image = rest[..open].ends_with('!');
        let Some((words, after)) = link_at(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        found = true;
        out.push_str(&rest[..open - usize::from(image)]);
        if !image {
            // An image inside a link ("[![logo](a.png)](/)") shows nothing.
            let words = markdown_line(words).unwrap_or_else(|| words.to_string());
            out.push_str(&words);
            links += 1;
        }
        rest = after;
    }
    if !found {
        return None;
    }
    out.push_str(rest);
    // "*   [Home](https://...)": a menu's item, without its bullet.
    let item = out
        .trim_start()
        .strip_prefix(['*', '-', '+'])
        .map(str::trim);
    Some(match item {
        Some(words) if links == 1 && line.trim_end().ends_with(')') && !words.is_empty() => {
            let lead = line.trim_start();
            let only_link = lead[1..].trim_start().starts_with('[');
            if only_link { words.to_string() } else { out }
        }
        _ => out,
    })
}

/// At a `[`: the words of a Markdown link `[words](address)` and what
/// follows it, when the address looks like one (a URL, a path, an anchor,
/// no spaces): "[sic]" and "[1](see note)" are text.
fn link_at(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('[')?;
    // The words may hold an image's own brackets: match them.
    let mut depth = 0usize;
    let mut close = None;
    for (i, c) in inner.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => {
                close = Some(i);
                break;
            }
            ']' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    let close = close?;
    let after = inner[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    let address = after[..end].split(' ').next().unwrap_or("");
    let looks_like = address.contains("://")
        || address.starts_with(['/', '#'])
        || address.starts_with("mailto:")
        || address.starts_with("www.");
    (looks_like && !address.is_empty()).then(|| (&inner[..close], &after[end + 1..]))
}

/// "12. https://example.com/page": one entry of a dump's list of links.
fn is_reference(line: &str) -> bool {
    line.split_once(". ").is_some_and(|(n, address)| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && (address.contains("://") || address.starts_with("mailto:"))
    })
}

/// A line without its links' numbers: "said in a [13]statement" -> "said
/// in a statement". A line of links alone, as a menu prints ("[2]Home
/// [3]Region"), keeps them apart as a menu's separators do: "Home |
/// Region".
fn without_link_marks(line: &str) -> Cow<'_, str> {
    if !line.contains('[') {
        return Cow::Borrowed(line);
    }
    let mut pieces: Vec<&str> = Vec::new();
    let mut marks = 0;
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_digit()) => {
                pieces.push(&rest[..open]);
                marks += 1;
                rest = &after[close + 1..];
            }
            _ => {
                pieces.push(&rest[..=open]);
                rest = after;
            }
        }
    }
    pieces.push(rest);
    let menu = marks >= 2 && line.trim_start().starts_with('[') && pieces[0].trim().is_empty();
    if menu {
        let items: Vec<&str> = pieces
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        return Cow::Owned(items.join(" | "));
    }
    Cow::Owned(pieces.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_browsers_link_numbers_and_list_are_left_out() {
        let dump = "   #Mosul Courier RSS feed\n\
            \n\
               [1]Skip to content\n\
               [2]Home [3]Local [4]Region\n\
            \n\
            Officials said in a [5]statement that the bridge would reopen.\n\
            \n\
            References\n\
            \n\
            \x20  1. https://courier.example/#content\n\
            \x20  2. https://courier.example/\n\
            \x20  3. https://courier.example/local/\n\
            \x20  4. https://courier.example/region/\n\
            \x20  5. https://courier.example/statement.pdf\n";
        let text = without_link_references(dump);
        assert_eq!(text.lines().count(), dump.lines().count());
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        // The <link> title at the top is emptied, not removed.
        assert_eq!(lines[0], "");
        assert_eq!(lines[2], "Skip to content");
        assert_eq!(lines[3], "Home | Local | Region");
        assert_eq!(
            lines[5],
            "Officials said in a statement that the bridge would reopen."
        );
        // The list of addresses is emptied too.
        assert!(lines[7..].iter().all(|l| l.is_empty()));
        // A page that only cites sources in brackets is left as it is.
        let cited = "The law passed in 2016 [1] and was amended [2].\n\nReferences\n\n1. A book.\n";
        assert_eq!(without_link_references(cited), cited);
    }

    #[test]
    fn a_markdown_page_reads_as_the_text_it_shows() {
        let page = "[![Image 1: Basra Herald](https://herald.example/logo.svg)](https://herald.example/)\n\
            *   [Local](https://herald.example/local/)\n\
            ![Image 2: Dock workers at the quay in Umm Qasr](https://herald.example/q.jpg)\n\
            Dock workers at the quay in Umm Qasr on Sunday.\n\
            The head of the council, [Khalid Jawad al-Mansouri](https://herald.example/tag/m/), said so.\n\
            * The berths reopen in [November](/tag/november).\n\
            He said [sic] that the [1](see note) was wrong.\n";
        let plain = without_markdown_links(page);
        assert_eq!(plain.lines().count(), page.lines().count());
        let lines: Vec<&str> = plain.lines().collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "Local");
        // The image's description is the next line: that line is its caption.
        assert_eq!(lines[2], "Image caption");
        assert_eq!(
            lines[4],
            "The head of the council, Khalid Jawad al-Mansouri, said so."
        );
        assert_eq!(lines[5], "* The berths reopen in November.");
        assert_eq!(lines[6], "He said [sic] that the [1](see note) was wrong.");
        // An image whose description the next line does not repeat is
        // nothing: the line under it is the article's.
        let page = "![Image 3: Logo](https://herald.example/l.png)\nMembers of the council toured the quay.\n[a](https://x.example/)\n";
        assert_eq!(
            without_markdown_links(page),
            "\nMembers of the council toured the quay.\na\n"
        );
        assert_eq!(
            without_markdown_links("No links [here].\n"),
            "No links [here].\n"
        );
    }

    #[test]
    fn a_markdown_pages_emphasis_reads_as_its_words() {
        let page = "**See also:** [Port reopens](https://herald.example/p)\n\
            *Reporting by Mara Quill; editing by Tom Bell*\n\
            *   [Local](https://herald.example/local/)\n\
            The __harbour__ opened at 5 * 3 = 15 berths, file_name_here.\n";
        let plain = without_markdown_links(page);
        let lines: Vec<&str> = plain.lines().collect();
        assert_eq!(lines[0], "See also: Port reopens");
        assert_eq!(lines[1], "Reporting by Mara Quill; editing by Tom Bell");
        assert_eq!(lines[2], "Local");
        assert_eq!(
            lines[3],
            "The harbour opened at 5 * 3 = 15 berths, file_name_here."
        );
        // A page with no Markdown link is no Markdown page: its stars stay.
        assert_eq!(without_markdown_links("**Breaking**\n"), "**Breaking**\n");
    }

    #[test]
    fn a_page_forwarded_with_every_line_quoted_reads_as_the_page() {
        let mail = "> Harbour Daily\n>\n> Ferry service resumes\n>> By Mara Quill\n> The ferry sailed again on Saturday.\n";
        let (text, _) = plain_text(mail);
        assert_eq!(
            text,
            "Harbour Daily\n\nFerry service resumes\nBy Mara Quill\nThe ferry sailed again on Saturday.\n"
        );
        // Forwarded: the mail's own header is not the page's.
        let forwarded = format!(
            "---------- Forwarded message ---------\nFrom: Desk <d@x.example>\nDate: Fri, 6 Dec 2024 at 08:12\nSubject: Fwd: story\n\n{mail}"
        );
        let (text, _) = plain_text(&forwarded);
        assert_eq!(
            text,
            "\n\n\n\n\nHarbour Daily\n\nFerry service resumes\nBy Mara Quill\nThe ferry sailed again on Saturday.\n"
        );
        // A blockquote inside an article stays.
        let article =
            "The minister spoke.\n> We will not wait.\nHe left at noon.\nTalks resume on Monday.\n";
        assert_eq!(plain_text(article).0, article);
    }

    #[test]
    fn markdown_headings_are_marked_and_their_hashes_left_out() {
        let page = "# Basra port reopens\n\nText with a [link](https://x.example/).\n\nRelated\n-------\n## More #\n";
        let (plain, marks) = plain_text(page);
        assert_eq!(
            plain,
            "Basra port reopens\n\nText with a link.\n\nRelated\n\nMore\n"
        );
        assert_eq!(
            marks,
            [
                LineMark {
                    line: 1,
                    kind: MarkKind::Heading(1)
                },
                LineMark {
                    line: 5,
                    kind: MarkKind::Heading(2)
                },
                LineMark {
                    line: 7,
                    kind: MarkKind::Heading(2)
                },
            ]
        );
        // A hashtag is no heading, and a plain page's rule under a line is
        // no underline.
        let plain_page = "#Iraq #Basra\nThe port reopened.\n---\n";
        let (text, marks) = plain_text(plain_page);
        assert_eq!((text.as_ref(), marks.len()), (plain_page, 0));
    }
}
