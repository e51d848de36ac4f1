//! A scraped page as numbered lines, and the shallow features of each line
//! that tell article text from page chrome.
//!
//! The features are the ones jusText and boilerpipe decide by: length, the
//! share of stop words (running prose is about a third grammar words, a menu
//! or a list of headlines almost none), sentence punctuation, separators
//! between short items (`|`, `·`, `»`), capitalisation. None of them looks
//! at what a line says, so they hold on pages from any outlet.

use std::borrow::Cow;

/// One logical line of a source: a paragraph of the page, with the number
/// of its first line in the file (the number every provenance link uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based number of its first line in the source.
    pub no: usize,
    /// The text, trimmed.
    pub text: String,
}

/// Non-empty lines, trimmed, with their 1-based numbers. A line that a
/// scraper wrapped (no final punctuation, the next line right below it
/// starting in lower case) is joined to its continuation and keeps the first
/// line's number; so is a full line of text wrapped at a fixed width (a
/// printed page's column, a plain-text e-mail: [`full_lines`]), and a word
/// broken at the line's end ("be-" / "tween") is mended.
pub fn logical_lines(text: &str) -> Vec<Line> {
    let cleaned: Vec<Cow<'_, str>> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'))
        .map(without_marks)
        .collect();
    let raw: Vec<&str> = cleaned.iter().map(|l| l.as_ref()).collect();
    // A printed page's sheets: the text runs on past the lines printed at
    // each sheet's foot and head (and the blank lines about them), which
    // are lines of their own and count for no column's width.
    let furniture = print_furniture(&raw);
    let in_break = page_breaks(&raw, &furniture);
    let (width, full) = if in_break.iter().any(|b| *b) {
        let kept: Vec<usize> = (0..raw.len()).filter(|&i| !in_break[i]).collect();
        let text_only: Vec<&str> = kept.iter().map(|&i| raw[i]).collect();
        let (width, full_kept) = fill_of(&text_only);
        let mut full = vec![false; raw.len()];
        for (k, &i) in kept.iter().enumerate() {
            full[i] = full_kept[k];
        }
        (width, full)
    } else {
        fill_of(&raw)
    };
    let across = |p: usize| in_break.get(p + 1).is_some_and(|b| *b);
    let mut out: Vec<Line> = Vec::new();
    let mut printed: Vec<Line> = Vec::new();
    // The line of text before this one (past a page break).
    let mut prev: Option<usize> = None;
    for (i, l) in raw.iter().enumerate() {
        let no = i + 1;
        if furniture[i] {
            printed.push(Line {
                no,
                text: l.to_string(),
            });
            continue;
        }
        if l.is_empty() {
            // (Blank lines about a page break are part of it.)
            prev = prev.filter(|&p| across(p));
            continue;
        }
        let before = prev.filter(|&p| p + 1 == i || across(p));
        prev = Some(i);
        let Some(p) = before else {
            out.push(Line {
                no,
                text: l.to_string(),
            });
            continue;
        };
        // A line filled to the width may end at a colon or semicolon
        // mid-sentence ("... Withdrawal in Iraq:" / "Government-Political
        // Agreement 2024").
        if let Some(last) = out.last_mut()
            && (!ends_a_sentence(&last.text)
                || ends_on_initials(&last.text) && l.starts_with(char::is_lowercase)
                || width.is_some() && full[p] && last.text.ends_with([':', ';']))
            && (goes_on_in_lower_case(&last.text, l)
                || (full[p] || ends_open(raw[p])) && (!starts_a_field(l) || awaits_a_date(raw[p])))
            && !is_lower_case_byline(l)
            && !is_address(l)
            && (!is_lone_control(l) || full[p])
        {
            join_wrapped(&mut last.text, l);
        } else {
            out.push(Line {
                no,
                text: l.to_string(),
            });
        }
    }
    if !printed.is_empty() {
        out.extend(printed);
        out.sort_by_key(|l| l.no);
    }
    out
}

/// The lines a browser prints on every sheet of a page it prints (Chrome's
/// and Firefox's headers and footers, kept by a PDF turned to text): the
/// time of printing ("12/3/24, 9:15 PM"), with the page's title beside it
/// or under it, at each sheet's head; the page's address and the sheet's
/// number ("2/3") at its foot. Found only where sheet numbers are: one
/// number of one count on each sheet, "1/3", "2/3", "3/3".
pub fn print_furniture(raw: &[&str]) -> Vec<bool> {
    let mut furniture = vec![false; raw.len()];
    // "https://example.com/story    2/3" or "2/3" alone.
    let sheet = |l: &str| -> Option<(u32, u32)> {
        let mut words = l.split_whitespace();
        let last = words.next_back()?;
        let (n, m) = last.split_once('/')?;
        let digits =
            |d: &str| !d.is_empty() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit());
        if !digits(n) || !digits(m) {
            return None;
        }
        let rest: Vec<&str> = words.collect();
        let address = |w: &str| w.starts_with("http://") || w.starts_with("https://");
        let (n, m) = (n.parse().ok()?, m.parse().ok()?);
        ((rest.is_empty() || rest.len() == 1 && address(rest[0])) && 1 <= n && n <= m)
            .then_some((n, m))
    };
    let sheets: Vec<(usize, (u32, u32))> = raw
        .iter()
        .enumerate()
        .filter(|(_, l)| l.len() <= 400 && l.contains('/'))
        .filter_map(|(i, l)| sheet(l).map(|s| (i, s)))
        .collect();
    let count = sheets.first().map(|(_, (_, m))| *m);
    let one_count = sheets.iter().all(|(_, (_, m))| Some(*m) == count);
    let mut numbers: Vec<u32> = sheets.iter().map(|(_, (n, _))| *n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if sheets.is_empty() || !one_count || numbers.len() != sheets.len() {
        return furniture;
    }
    for &(i, _) in &sheets {
        furniture[i] = true;
        // The address on the line above the number.
        if i > 0 && is_address(raw[i - 1]) && raw[i - 1].starts_with("http") {
            furniture[i - 1] = true;
        }
    }
    let stamps: Vec<usize> = (0..raw.len()).filter(|&i| is_print_stamp(raw[i])).collect();
    for &i in &stamps {
        furniture[i] = true;
    }
    // The title under each stamp: the same line under every one.
    let under = |i: usize| raw.get(i + 1).copied().filter(|t| !t.is_empty());
    let alone: Vec<&usize> = stamps.iter().filter(|&&i| stamp_alone(raw[i])).collect();
    if alone.len() >= 2
        && alone
            .iter()
            .all(|&&i| under(i).is_some() && under(i) == under(*alone[0]))
    {
        for &&i in &alone {
            furniture[i + 1] = true;
        }
    }
    furniture
}

/// "12/3/24, 9:15 PM", "03/12/2024, 21:15": the time a browser printed a
/// page, at the start of the line (its title may follow on the line).
fn is_print_stamp(line: &str) -> bool {
    let b = line.as_bytes();
    let mut k = 0;
    let digits = |max: usize, k: &mut usize| {
        let start = *k;
        while *k < b.len() && b[*k].is_ascii_digit() && *k - start < max {
            *k += 1;
        }
        *k > start
    };
    let sep = |c: u8, k: &mut usize| {
        let ok = b.get(*k) == Some(&c);
        *k += usize::from(ok);
        ok
    };
    digits(2, &mut k)
        && sep(b'/', &mut k)
        && digits(2, &mut k)
        && sep(b'/', &mut k)
        && digits(4, &mut k)
        && sep(b',', &mut k)
        && sep(b' ', &mut k)
        && digits(2, &mut k)
        && sep(b':', &mut k)
        && digits(2, &mut k)
        && b.get(k).is_none_or(|c| *c == b' ')
}

/// A print stamp with nothing after it but "AM" or "PM".
fn stamp_alone(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() == 2 || words.len() == 3 && matches!(words[2], "AM" | "PM" | "am" | "pm")
}

/// The lines of the page breaks of a printed page: its sheets' furniture
/// and the blank lines in a run with it.
fn page_breaks(raw: &[&str], furniture: &[bool]) -> Vec<bool> {
    let mut in_break = vec![false; raw.len()];
    if !furniture.iter().any(|f| *f) {
        return in_break;
    }
    let mut i = 0;
    while i < raw.len() {
        if !raw[i].is_empty() && !furniture[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < raw.len() && (raw[j].is_empty() || furniture[j]) {
            j += 1;
        }
        if furniture[i..j].iter().any(|f| *f) {
            in_break[i..j].iter_mut().for_each(|b| *b = true);
        }
        i = j;
    }
    in_break
}

/// The column the lines were filled to (where it shows) and which lines
/// are full ones: the greedy test where the width is known, the
/// block-by-block test elsewhere.
fn fill_of(raw: &[&str]) -> (Option<Fill>, Vec<bool>) {
    let width = wrap_width(raw).or_else(|| greedy_width(raw));
    let full = match width {
        Some(fill) => filled_lines(raw, fill),
        None => full_lines(raw),
    };
    (width, full)
}

/// A line without the icons a page's font draws before or after its words
/// ("\u{f017} 13 March 2024", "🔗 Copy link", "Share ▶"), which a copy of
/// the page keeps as characters: private-use code points (icon fonts),
/// emoji, dingbats, arrows, a play button's triangle, and the
/// "›"/"»" a menu item or a "Read more" link opens with. List bullets
/// ("•", "*", "▪") stay: a summary point is not a headline.
/// Icons between words ("Share \u{f099} Tweet 🔗 Copy link") are a space.
pub fn without_icons(line: &str) -> Cow<'_, str> {
    // Most lines are ASCII, or hold no icon: one pass each.
    if line.is_ascii() || !line.contains(|c: char| is_icon(c) || "›»".contains(c)) {
        return Cow::Borrowed(line);
    }
    let icon_or_space = |c: char| is_icon(c) || c.is_whitespace();
    let mut t = line.trim_matches(icon_or_space);
    // "» Read more", "› World": an arrow before a space.
    for arrow in ["» ", "› "] {
        t = t.strip_prefix(arrow).unwrap_or(t).trim_start();
    }
    if !t.contains(is_icon) {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split(icon_or_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// A line without what a page draws around its words: icons
/// ([`without_icons`]), then an icon's ligature name
/// ([`without_icon_ligature`]) and a menu item's bullet
/// ([`without_menu_bullet`]).
fn without_marks(line: &str) -> Cow<'_, str> {
    let rest = |l: &str| without_menu_bullet(without_icon_ligature(l)).len();
    match without_icons(line) {
        Cow::Borrowed(b) => Cow::Borrowed(&b[b.len() - rest(b)..]),
        Cow::Owned(o) => Cow::Owned(o[o.len() - rest(&o)..].to_string()),
    }
}

/// "* Home", "• Middle East": a text browser's bullet before a menu's
/// item (one to three words, no stop) is no part of it. A bullet before
/// a longer line stays (a summary point is no headline).
pub fn without_menu_bullet(line: &str) -> &str {
    let Some(rest) = line
        .strip_prefix(['*', '•', '+', '◦', '▪'])
        .and_then(|r| r.strip_prefix(' '))
    else {
        return line;
    };
    let rest = rest.trim_start();
    let words = rest.split_whitespace().count();
    if (1..=3).contains(&words) && !rest.ends_with(['.', '!', '?', ':']) {
        rest
    } else {
        line
    }
}

/// "calendar_today 13 March 2024", "access_time 5 min read": the name of
/// a ligature icon (Material Icons draw a glyph for the word, and a copy
/// of the page keeps the word) before a field. Only names written with an
/// underscore: no word of prose is.
fn without_icon_ligature(line: &str) -> &str {
    if !line.starts_with(|c: char| c.is_ascii_lowercase()) {
        return line;
    }
    match line.split_once(' ') {
        Some((name, rest))
            if name.contains('_') && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
        {
            rest.trim_start()
        }
        _ => line,
    }
}

/// A character an icon font or an emoji draws: see [`without_icons`].
fn is_icon(c: char) -> bool {
    matches!(
        u32::from(c),
        0xE000..=0xF8FF          // private use: icon fonts
            | 0xF0000..=0x10FFFF // supplementary private use
            | 0x1F000..=0x1FAFF  // emoji and pictographs
            | 0x2600..=0x27BF    // miscellaneous symbols, dingbats
            | 0x2190..=0x21FF    // arrows
            | 0x27F0..=0x27FF
            | 0x2900..=0x297F
            | 0x2B00..=0x2BFF
            | 0x25B6 | 0x25B8 | 0x25BA | 0x25C0 | 0x25C2 | 0x25C4 // play buttons
            | 0xFE0E | 0xFE0F | 0x200D // emoji variation selectors and joiner
    )
}

/// A line of five words or more that stops on a word no sentence or
/// headline ends with ("... is expected to discuss the matter with" /
/// "Iraqi Foreign Minister ..."): the rest of it is on the next line,
/// whatever that begins with. Articles, conjunctions, auxiliaries and the
/// prepositions that are never a verb's particle ("in", "on", "up", "out"
/// end headlines: "Talks drag on").
fn ends_open(line: &str) -> bool {
    const OPEN: &[&str] = &[
        "a", "an", "the", "of", "with", "and", "or", "to", "for", "from", "that", "its", "their",
        "his", "her", "our", "than", "between", "into", "whose", "which", "is", "are", "was",
        "were", "has", "have", "had", "will", "would", "could", "should", "be", "been", "as", "at",
    ];
    ends_on(line, OPEN)
}

/// A line of five words or more that stops on a preposition a date
/// follows ("... from coalition advisers by" / "September 2025."): the date
/// on the next line is the end of its sentence, not a date line.
fn awaits_a_date(line: &str) -> bool {
    const BEFORE_A_DATE: &[&str] = &[
        "by", "in", "on", "until", "till", "since", "before", "after", "from", "of", "through",
    ];
    ends_on(line, BEFORE_A_DATE)
}

/// Is `line` five words or more, its last one of `last_words`?
fn ends_on(line: &str, last_words: &[&str]) -> bool {
    line.rsplit(' ')
        .next()
        .is_some_and(|w| last_words.contains(&w))
        && words(line) >= 5
}

/// "https://...", "www.example.com/...": a page's address on a line of its
/// own (a browser's printout puts it under the page's title), which starts
/// in lower case but goes on from nothing.
fn is_address(line: &str) -> bool {
    ["https://", "http://", "www."].iter().any(|p| {
        line.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    }) && !line.contains(' ')
}

/// Does `next` go on from `last` (no final punctuation checked here): it
/// starts in lower case, under a line of five words or more, or of three
/// when it has three too and `last` is not a name in capitals ("Coalition
/// exit talks" / "stir fears in Erbil", not "THE DECCAN LEDGER" / "e-Paper").
fn goes_on_in_lower_case(last: &str, next: &str) -> bool {
    // Counted up to five: `last` grows with every line joined to it, and a
    // page of one paragraph wrapped over 60,000 lines counted them all
    // again for each (minutes).
    let n = last.split_whitespace().take(5).count();
    next.chars().next().is_some_and(char::is_lowercase)
        && (n >= 5 || n >= 3 && words(next) >= 3 && !Shape::of(last).all_caps)
}

/// Append a wrapped line's continuation: a word broken with a hyphen
/// ("coali-" / "tion") is one word again when the lexicon knows it, and
/// keeps its hyphen otherwise ("US-" / "led").
fn join_wrapped(text: &mut String, next: &str) {
    let broken = text.strip_suffix('-').filter(|t| {
        t.chars().last().is_some_and(char::is_alphabetic)
            && next.chars().next().is_some_and(char::is_lowercase)
    });
    if let Some(head) = broken {
        let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        let word = format!("{}{tail}", &head[start..]).to_lowercase();
        let known = super::lexicon::lexicon()
            .get(&word)
            .is_some_and(|e| e.zipf10 > 0);
        if known {
            text.pop();
        }
        text.push_str(next);
        return;
    }
    text.push(' ');
    text.push_str(next);
}

/// Which raw lines are full lines of text wrapped at a fixed width: in a
/// block of lines with no blank line between them, whose widest lines are
/// 30 to 110 characters and which shows its wrapping at least twice (a word
/// broken with a hyphen, a line going on in lower case), a line of five
/// words or more within 15 characters of the block's width, not in capitals
/// and with no separators (a printed page's running header is as wide).
fn full_lines(raw: &[&str]) -> Vec<bool> {
    let mut full = vec![false; raw.len()];
    let len = |l: &str| l.chars().count();
    let mut start = 0;
    while start < raw.len() {
        let end = (start..raw.len())
            .find(|&j| raw[j].is_empty())
            .unwrap_or(raw.len());
        let block = &raw[start..end];
        if block.len() >= 3 {
            let mut widths: Vec<usize> = block.iter().map(|l| len(l)).collect();
            widths.sort_unstable();
            let width = widths[widths.len() - 2];
            let shows_wrapping = block
                .windows(2)
                .filter(|w| {
                    !ends_a_sentence(w[0]) && w[1].chars().next().is_some_and(char::is_lowercase)
                })
                .count()
                >= 2;
            if (30..=110).contains(&width) && shows_wrapping {
                for (k, l) in block.iter().enumerate() {
                    let shape = Shape::of(l);
                    full[start + k] = len(l) + 15 >= width
                        && shape.words >= 5
                        && !shape.all_caps
                        && shape.separators == 0;
                }
            }
        }
        start = end + 1;
    }
    full
}

/// Which raw lines a fixed-width wrap (a `lynx -dump`, a plain-text e-mail,
/// text filled to a column) ended before the next line's first word: the
/// word would not have fitted on it. Every fill tool breaks greedily, so
/// the test is exact where [`wrap_width`] finds the page's width; it holds
/// for a headline wrapped over two lines whose second begins with a name
/// ("... at Tower 22 in" / "Jordan") or is one word ("Syrian" / "border"),
/// which the block-by-block test above needs more lines to see, and it
/// tells a headline that merely comes close to the width from one that was
/// wrapped ("... in east Baghdad" / "BAGHDAD (Tigris Gate) – ..." was not:
/// "BAGHDAD" would have fitted). A line that ends a sentence, or is in
/// capitals or has separators, is never a wrapped one.
fn filled_lines(raw: &[&str], fill: Fill) -> Vec<bool> {
    let Fill { width, slack } = fill;
    let len = |l: &str| l.chars().count();
    // The next line's first word would not have fitted on this one.
    let fits_no_more: Vec<bool> = (0..raw.len())
        .map(|i| {
            let (line, Some(next)) = (raw[i], raw.get(i + 1)) else {
                return false;
            };
            let Some(first) = next.split_whitespace().next() else {
                return false;
            };
            let n = len(line);
            // (A line wider than the column was not filled to it.)
            n + 25 >= width
                && n <= width + 2
                && n + 1 + len(first) + slack > width
                && (!ends_a_sentence(line)
                    || line.ends_with([':', ';'])
                    || ends_on_initials(line) && first.starts_with(char::is_lowercase))
                && {
                    let shape = Shape::of(line);
                    shape.words >= 4 && !shape.all_caps && shape.separators == 0
                }
                // "Reuters · 6 hours ago" under a long headline: a field of its own.
                && Shape::of(next).separators == 0
        })
        .collect();
    (0..raw.len())
        .map(|i| {
            // A paragraph's first line in the running text (after a blank
            // line, a finished sentence or a wrapped line) is as wrapped as
            // the rest. In the page's head, after a label or a menu, a
            // headline that merely comes close to the width stands over the
            // next field ("... withdrawal of coalition forces" / "Baghdad
            // says ..."): it was wrapped only when what follows is the
            // wrap's short tail ("Jordan", "Agreement 2024") or it breaks
            // after a word that ends no headline ("... at Tower 22 in").
            let in_text = i > 0
                && (raw[i - 1].is_empty() || ends_a_sentence(raw[i - 1]) || fits_no_more[i - 1]);
            // (Not a byline's name under the headline: "Shwan Zulal".) A
            // page with no blank lines has the next field right under the
            // tail: a tail in lower case ("border"), or of ordinary words
            // that are no field ("Coalition's military mission"), is one.
            // A name of ordinary words ("Military Commission") is no one's.
            let tail = raw.get(i + 1).is_some_and(|next| {
                len(next) <= 40
                    && (raw.get(i + 2).is_none_or(|after| after.is_empty())
                        && !super::header::is_person_name(next)
                        || reads_as_a_tail(raw, i)
                            && !super::header::is_plausible_person_name(next))
            });
            let open_end = raw[i]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().all(char::is_lowercase) && is_stop_word(w));
            fits_no_more[i] && (in_text || tail || open_end)
        })
        .collect()
}

/// "border", "Coalition's military mission": the short rest of a wrapped
/// headline, not the field under it (a credit, a date, a byline, a label
/// in capitals, an outlet's name).
fn reads_as_a_tail(raw: &[&str], i: usize) -> bool {
    let (line, next) = (raw[i], raw[i + 1]);
    let shape = Shape::of(next);
    // "... in Kurdistan" / "Region", "... by September" / "2025": one word
    // that goes with the line's last as the page prints them together
    // elsewhere ("the Kurdistan Region's ...").
    let last = line.rsplit(' ').next().unwrap_or(line);
    let pair = format!("{last} {next}");
    let elsewhere = |needle: &str| {
        raw.iter()
            .enumerate()
            .any(|(j, l)| j != i && j != i + 1 && l.contains(needle))
    };
    let printed_together = || shape.words == 1 && elsewhere(&pair);
    // "... does not mean leaving" / "Erbil\"": a quotation the line opens
    // and the next one closes.
    let open_quote = |t: &str| {
        t.matches('"').count() % 2 == 1 || t.matches('“').count() > t.matches('”').count()
    };
    let closes_quote = open_quote(line) && next.contains(['"', '”']) && shape.words <= 3;
    // "Harbor Financial", printed elsewhere on its own ("(Harbor
    // Financial) --") and never after the line's last word: a name of its
    // own under the headline.
    let stands_alone = || {
        next.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
            && elsewhere(next)
            && !elsewhere(&pair)
    };
    // "... in east" / "Baghdad": one place's name under a line that stops
    // on a word in lower case (a label under a headline stands under a
    // line that ends as a headline does).
    let place_after_lower =
        shape.words == 1 && super::people::is_place(next) && last.starts_with(char::is_lowercase);
    next.starts_with(char::is_lowercase) && !next.starts_with("by ")
        || place_after_lower
        || closes_quote
        || printed_together()
        || shape.words >= 2
            && shape.separators == 0
            && !next.contains(['-', '–', '—'])
            && !super::chrome::is_default_chrome(next)
            && !stands_alone()
            && !shape.all_caps
            && !shape.sentence_end
            && !starts_a_field(next)
            && !next.contains([':', '|', '·', '@'])
            && super::dates::parse_date_line(next, super::dates::DateStyle::default(), 0).is_none()
            && super::entities::known_outlet(next).is_none()
            && !next
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("by"))
}

/// The column a page's text was filled to, when its lines show one: two
/// or more lines that go on in lower case on the next line, most of them
/// within 15 characters of the widest of them, 30 to 110 characters, and few longer lines of prose than there
/// are such lines (a page of paragraphs one per line is not filled, however
/// some of its lines were split).
fn wrap_width(raw: &[&str]) -> Option<Fill> {
    let len = |l: &str| l.chars().count();
    let mut wrapped: Vec<usize> = raw
        .windows(2)
        .filter(|w| {
            len(w[0]) >= 20
                && !ends_a_sentence(w[0])
                && w[1].chars().next().is_some_and(char::is_lowercase)
        })
        .map(|w| len(w[0]))
        .collect();
    if wrapped.len() < 2 {
        return None;
    }
    wrapped.sort_unstable();
    // The widest line that most wrapped lines come close to (one line a
    // little over the column, an unbreakable address, is passed over).
    let most = wrapped.iter().rev().take(3).copied().find(|&w| {
        let near = wrapped.iter().filter(|&&l| l + 15 >= w && l <= w).count();
        near >= 2 && near * 5 >= wrapped.len() * 3
    })?;
    // The column itself: the widest line of words near it, whatever
    // follows that line (the widest wrapped line may stop a character or two
    // short, and a word that would have fitted must be counted as fitting;
    // an address is not a line of words).
    let width = raw
        .iter()
        .filter(|l| words(l) >= 3)
        .map(|l| len(l))
        .filter(|&l| l <= most + 3)
        .max()
        .unwrap_or(most);
    let longer = raw
        .iter()
        .filter(|l| len(l) > width + 5 && words(l) >= 8)
        .count();
    if !(30..=110).contains(&width) || longer * 4 > wrapped.len() {
        return None;
    }
    // A fill that is not greedy by characters (one that counts bytes, so
    // that "’" is three; `fmt`, which evens the lines out) leaves room for
    // the next word on some wrapped lines: as much room as the page shows
    // is allowed for, up to ten characters.
    let slack = raw
        .windows(2)
        .filter(|w| {
            let n = len(w[0]);
            n + 25 >= width
                && n <= width
                && !ends_a_sentence(w[0])
                && w[1].chars().next().is_some_and(char::is_lowercase)
        })
        .filter_map(|w| {
            let first = len(w[1].split_whitespace().next()?);
            (width + 1).checked_sub(len(w[0]) + 1 + first)
        })
        .max()
        .unwrap_or(0)
        .min(10);
    Some(Fill { width, slack })
}

/// The column of a page filled to a width (`html2text`, a plain-text
/// e-mail) whose wrapped lines mostly go on in capitals ("... the Senate
/// Armed" / "Services Committee", "... in" / "Baghdad"), so that
/// [`wrap_width`] sees too few going on in lower case: the widest line of
/// words, 30 to 110 characters, is the column when at least three lines
/// near it break mid-sentence where the next line's first word would not
/// have fitted, as a greedy fill breaks, and hardly any break where it
/// would have. A page of one paragraph per line has lines far wider than
/// any column; a list of headlines breaks where words would have fitted.
fn greedy_width(raw: &[&str]) -> Option<Fill> {
    let len = |l: &str| l.chars().count();
    // The first line of words wider than any column ends the search: on
    // most pages (a paragraph per line) that is a few lines in.
    let mut width = 0;
    for l in raw {
        let n = len(l);
        if n > width && words(l) >= 3 {
            if n > 110 {
                return None;
            }
            width = n;
        }
    }
    if width < 30 {
        return None;
    }
    let near = raw
        .iter()
        .filter(|l| words(l) >= 3 && len(l) + 8 >= width)
        .count();
    let (mut held, mut would_fit) = (0usize, 0usize);
    for w in raw.windows(2) {
        let (line, next) = (w[0], w[1]);
        let Some(first) = next.split_whitespace().next() else {
            continue;
        };
        if ends_a_sentence(line) || words(line) < 5 || len(line) + 25 < width {
            continue;
        }
        if len(line) + 1 + len(first) > width {
            held += 1;
        } else {
            would_fit += 1;
        }
    }
    (held >= 3 && near >= 3 && would_fit * 5 <= held).then_some(Fill { width, slack: 0 })
}

/// The column a page was filled to, and how much room its fill leaves for
/// a word that would have fitted (0 where it breaks greedily).
#[derive(Debug, Clone, Copy)]
struct Fill {
    width: usize,
    slack: usize,
}

/// Does `line` end a sentence: a full stop, "!", "?", a colon or a
/// semicolon, or a quote closed after one ('... he said: "We will stay."').
/// A quote closed mid-sentence leaves it open ('the US had "no plans"' /
/// 'for an immediate withdrawal.'; '"We will stay," he' / 'said.'), as does
/// a plural's possessive ("the Kurds’").
fn ends_a_sentence(line: &str) -> bool {
    let bare = line.trim_end_matches(['"', '”', '’', '\'', '»']);
    bare.ends_with(['.', '!', '?', ':', ';'])
}

/// "... first since U.S." over "retaliatory strikes": a line whose full
/// stop is an initialism's ("U.S.", "U.N."), which a line going on in
/// lower case shows was no sentence's end.
fn ends_on_initials(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or(line);
    last.ends_with('.')
        && last.matches('.').count() >= 2
        && last
            .trim_end_matches('.')
            .split('.')
            .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
}

/// A byline, a date or a labelled field begins `line` ("By Jane Roe",
/// "Published: June 2, 2022", "Fri 19 Jan 2024 20:58"), not the rest of a
/// sentence wrapped onto it (which, in lower case, the caller reads apart).
fn starts_a_field(line: &str) -> bool {
    let head: Vec<&str> = line.split_whitespace().take(3).collect();
    let Some(first) = head.first() else {
        return false;
    };
    let word = first.trim_end_matches([',', '.', ':']);
    matches!(
        word,
        "By" | "BY" | "Posted" | "Published" | "Updated" | "|" | "-" | "–" | "—"
    ) || (first.starts_with(char::is_uppercase) && head.iter().any(|w| w.ends_with(':')))
        || ((2..=8).contains(&words(line))
            && (first.starts_with(|c: char| c.is_ascii_digit())
                || super::dates::is_calendar_word(word))
            && line
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20"))))
}

/// "by Jane Roe - 01/25/24 4:12 PM ET", "by Jane Roe and John Doe": a
/// byline some sites print in lower case under the headline, not the
/// headline's wrapped tail. Only names then a separator or the line's end;
/// a wrapped sentence goes on in lower case or ends with punctuation ("by
/// Iraqi forces on Tuesday.").
fn is_lower_case_byline(line: &str) -> bool {
    // "by: JANE ROE, Associated Press": a byline's label with its colon.
    if line
        .strip_prefix("by:")
        .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
    {
        return true;
    }
    let Some(rest) = line.strip_prefix("by ") else {
        return false;
    };
    // "by admin | Jan 26, 2024 | Iraq": a blog's account name, then the
    // post's other fields.
    let tokens: Vec<&str> = rest.split_whitespace().take(4).collect();
    if tokens
        .iter()
        .position(|w| *w == "|")
        .is_some_and(|at| (1..=3).contains(&at))
    {
        return true;
    }
    let mut names = 0;
    let mut words = rest.split_whitespace().peekable();
    let mut cursor = 0;
    while let Some(w) = words.next() {
        let at = rest[cursor..].find(w).map_or(cursor, |i| cursor + i);
        cursor = at + w.len();
        if matches!(w, "-" | "–" | "—" | "|") {
            return names >= 2;
        }
        // "by Kenji Morita January 26, 2024": the date after the names.
        if names >= 2
            && super::dates::parse_date_line(&rest[at..], super::dates::DateStyle::default(), 0)
                .is_some()
        {
            return true;
        }
        if w == "and" && names >= 2 {
            continue;
        }
        // "by Gulf Courier with AFP", "by Jane Roe with agencies": the
        // wire or desk that helped, in capitals or as the word itself.
        if w == "with" && names >= 2 {
            let after = rest[cursor..].trim();
            return matches!(after, "agencies" | "wires" | "wire services")
                || capitalised_credit(after);
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        // "by Jane Roe, Defense Reporter | Sep 27, 2024": after the name, a
        // role or an outlet in capitalised words, to a separator or the end.
        if capital && names >= 1 && w.ends_with(',') && capitalised_credit(&rest[cursor..]) {
            return true;
        }
        if !capital || w.ends_with(['.', ',', ';', ':']) && words.peek().is_some() {
            return false;
        }
        names += 1;
        if names > 8 {
            return false;
        }
    }
    names >= 2 && !rest.ends_with(['.', '!', '?'])
}

/// "Defense Reporter | Sep 27, 2024", "Associated Press": one to five
/// capitalised words (joining words aside), then a separator or the end.
fn capitalised_credit(rest: &str) -> bool {
    let credit = rest.split(['|', '–', '—']).next().unwrap_or("").trim();
    let words: Vec<&str> = credit.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !credit.ends_with(['.', '!', '?', ','])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and" | "for" | "the" | "&")
        })
}

/// "close", "more", "share": one word in lower case without punctuation
/// is a button's label, not the last word of a wrapped paragraph (which
/// ends with its full stop).
fn is_lone_control(line: &str) -> bool {
    !line.contains(char::is_whitespace) && line.chars().all(char::is_alphabetic)
}

/// Number of whitespace-separated words.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// What a line looks like, whatever it says.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shape {
    /// Whitespace-separated words.
    pub words: usize,
    /// Characters.
    pub chars: usize,
    /// Share of words that are stop words (grammar words).
    pub stop_share: f32,
    /// Ends like a sentence: `.`, `!` or `?`, maybe inside a closing quote.
    pub sentence_end: bool,
    /// Separators standing between items: ` | `, ` · `, ` » `, ` › `, ` > `,
    /// ` / `, ` • `, `▼`.
    pub separators: usize,
    /// Share of words that start with a capital letter (of words with letters).
    pub capitalised_share: f32,
    /// Every cased letter is upper case (and there are at least two).
    pub all_caps: bool,
    /// The first letter-or-digit is a capital, a digit or a quote.
    pub starts_like_a_sentence: bool,
    /// Letters in the line.
    pub letters: usize,
    /// Letters outside the Latin script (Arabic, Persian, Kurdish ...).
    pub non_latin_letters: usize,
    /// Holds a verb of reporting in lower case ("said", "told", "according
    /// to"): the grammar of a news sentence that names its source.
    pub reporting: bool,
}

/// Verbs a news sentence names its source with. Lower case only: "Said" is
/// also a given name.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "according",
    "announced",
    "stated",
    "confirmed",
    "denied",
    "warned",
    "claimed",
    "insisted",
    "reported",
];

impl Shape {
    /// Measure `line`.
    pub fn of(line: &str) -> Shape {
        let stop = stop_words();
        let mut words = 0usize;
        let mut stops = 0usize;
        let mut cased_words = 0usize;
        let mut capitalised = 0usize;
        let mut reporting = false;
        // One buffer for every word's lower case (asked of every line).
        let mut folded = String::new();
        for w in line.split_whitespace() {
            words += 1;
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                continue;
            }
            reporting |= REPORTING_VERBS.contains(&core);
            folded.clear();
            folded.extend(core.chars().flat_map(char::to_lowercase));
            if stop.contains(folded.as_str()) {
                stops += 1;
            }
            if let Some(c) = core.chars().next()
                && c.is_alphabetic()
                && (c.is_uppercase() || c.is_lowercase())
            {
                cased_words += 1;
                capitalised += usize::from(c.is_uppercase());
            }
        }
        let mut letters = 0usize;
        let mut non_latin = 0usize;
        let mut upper = 0usize;
        let mut lower = 0usize;
        for c in line.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if !is_latin(c) {
                    non_latin += 1;
                }
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
        }
        let end = line
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
        let first = line
            .chars()
            .find(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\'' | '«'));
        Shape {
            words,
            chars: line.chars().count(),
            stop_share: if words == 0 {
                0.0
            } else {
                stops as f32 / words as f32
            },
            sentence_end: end.ends_with(['.', '!', '?', '؟', '。']) && !end.ends_with("..."),
            separators: separators(line),
            capitalised_share: if cased_words == 0 {
                0.0
            } else {
                capitalised as f32 / cased_words as f32
            },
            all_caps: upper >= 2 && lower == 0,
            starts_like_a_sentence: first.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || !c.is_alphanumeric()
                    || (c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
            }),
            letters,
            non_latin_letters: non_latin,
            reporting,
        }
    }

    /// Mostly written in a script without case (Arabic, Persian, Hebrew ...).
    pub fn mostly_non_latin(&self) -> bool {
        self.letters > 0 && self.non_latin_letters * 2 > self.letters
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Separators between menu items, breadcrumbs and metadata fields.
fn separators(line: &str) -> usize {
    let arrows = line.matches(['▼', '▲', '▶', '►']).count();
    // Most lines (every paragraph) have none of the separators' marks: one
    // pass over the characters, not ten substring searches of a copy.
    let marks = ['|', '·', '•', '»', '›', '>', '/', ':', '‹', '«'];
    if !line.contains(marks) {
        return arrows;
    }
    let padded = format!(" {line} ");
    let mut n = 0;
    for sep in [
        " | ", " · ", " • ", " » ", " › ", " > ", " / ", " :: ", " ‹ ", " « ",
    ] {
        n += padded.matches(sep).count();
    }
    n + arrows
}

pub use crate::words::stop_words;

/// Is `word` (any case) a stop word?
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printouts_sheet_furniture_stands_apart_and_the_text_runs_on() {
        let page = "3/4/25, 9:15 AM\nTroops leave the base | Harbour Times\n\nHarbour Times\n\
                    Troops leave the base\nThe last advisers left the base on Monday and handed\n\n\
                    https://harbour.example/troops 1/2\n3/4/25, 9:15 AM\n\
                    Troops leave the base | Harbour Times\n\nits keys to the army, officials said.\n\n\
                    https://harbour.example/troops 2/2\n";
        let raw: Vec<&str> = page.lines().map(str::trim).collect();
        let furniture: Vec<usize> = print_furniture(&raw)
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(furniture, [1, 2, 8, 9, 10, 14]);
        let lines = logical_lines(page);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(
            &"The last advisers left the base on Monday and handed its keys to the army, officials said."
        ));
        // Numbers of two counts, or one number twice, are no sheets' numbers.
        for (from, to) in [("1/2", "1/3"), ("2/2", "1/2")] {
            let other = page.replace(from, to);
            let raw: Vec<&str> = other.lines().map(str::trim).collect();
            assert!(!print_furniture(&raw).contains(&true), "{from} -> {to}");
        }
        assert!(is_print_stamp(
            "12/3/24, 9:15 PM Troops leave | Harbour Times"
        ));
        assert!(is_print_stamp("03/12/2024, 21:15"));
        assert!(!is_print_stamp("12/3/24 the troops left"));
    }

    #[test]
    fn icons_a_page_draws_are_not_words() {
        assert_eq!(without_icons("\u{f017} 13 March 2024"), "13 March 2024");
        assert_eq!(without_icons("🔗 Copy link"), "Copy link");
        assert_eq!(without_icons("Share \u{f1e0}"), "Share");
        assert_eq!(
            without_icons("🔴 LIVE: Talks resume ▶️"),
            "LIVE: Talks resume"
        );
        assert_eq!(without_icons("» Read more"), "Read more");
        // Bullets and words stay.
        assert_eq!(
            without_icons("• Talks to set a timetable"),
            "• Talks to set a timetable"
        );
        assert_eq!(without_icons("Home › World"), "Home › World");
        assert_eq!(without_icons("Talks resume."), "Talks resume.");
        assert_eq!(without_menu_bullet("* Middle East"), "Middle East");
        assert_eq!(without_menu_bullet("• Home"), "Home");
        assert_eq!(
            without_menu_bullet("* Talks to set a timetable for the exit"),
            "* Talks to set a timetable for the exit"
        );
        assert_eq!(without_menu_bullet("*Note"), "*Note");
        assert_eq!(without_marks("\u{f0c9} * Home"), "Home");
        assert_eq!(
            without_marks("calendar_today 13 March 2024"),
            "13 March 2024"
        );
        assert_eq!(
            without_icon_ligature("calendar_today 13 March 2024"),
            "13 March 2024"
        );
        assert_eq!(
            without_icon_ligature("access_time 5 min read"),
            "5 min read"
        );
        assert_eq!(
            without_icon_ligature("today the talks resumed"),
            "today the talks resumed"
        );
        assert_eq!(
            without_icons("Share \u{f099} Tweet 🔗 Copy link"),
            "Share Tweet Copy link"
        );
        let lines = logical_lines("\u{f007} By Jane Roe\n\u{f073} 13 March 2024\n");
        assert_eq!(lines[0].text, "By Jane Roe");
        assert_eq!((lines[1].no, lines[1].text.as_str()), (2, "13 March 2024"));
    }

    proptest::proptest! {
        /// Skipping lines without a separator's mark counts what ten
        /// searches of the padded line count.
        #[test]
        fn separators_are_counted_as_by_searching(line in "[a |·>/:▶«]{0,24}") {
            let padded = format!(" {line} ");
            let searched: usize = [
                " | ", " · ", " • ", " » ", " › ", " > ", " / ", " :: ", " ‹ ", " « ",
            ]
            .iter()
            .map(|sep| padded.matches(sep).count())
            .sum::<usize>()
                + line.matches(['▼', '▲', '▶', '►']).count();
            proptest::prop_assert_eq!(separators(&line), searched);
        }
    }

    #[test]
    fn wrapped_lines_are_joined_and_keep_their_number() {
        let lines = logical_lines(
            "Title Line Here\n\nThe first line of a paragraph that was\nwrapped by the scraper.\n\nNext.\n",
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].no, 3);
        assert_eq!(
            lines[1].text,
            "The first line of a paragraph that was wrapped by the scraper."
        );
        assert_eq!(lines[2].no, 6);
        // A lower-case byline under a headline is not its tail.
        let lines = logical_lines(
            "Pentagon says it has no plans to leave\nby Jane Roe - 01/25/24 4:12 PM ET\nText.\n",
        );
        assert_eq!(lines.len(), 3, "{lines:?}");
        // Nor is a button's label under a byline.
        let lines = logical_lines("By Jane Roe Courier News\nclose\nText.\n");
        assert_eq!(lines.len(), 3, "{lines:?}");
        // Nor a page's address under its title.
        let lines = logical_lines(
            "Salary delays spark protest in Basra | Basra Herald\nhttps://basra.example/2024/02/11/pay\n",
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        let lines = logical_lines(
            "Officials said the convoy was stopped at a checkpoint\nby Iraqi Forces on Tuesday.\n",
        );
        assert_eq!(lines.len(), 1, "{lines:?}");
    }

    #[test]
    fn text_wrapped_at_a_fixed_width_is_one_paragraph_again() {
        let page = "THE HARBOUR GAZETTE | FRIDAY, MAY 3, 2024 | B12\n\
            NATION\n\
            Port workers in Umm Qasr said on Thursday that the\n\
            new cranes had been idle for weeks, and that the US-\n\
            led consortium had not paid the crews since the coali-\n\
            tion handed over the terminal to the ministry in March.\n\
            \"We are still waiting for an answer,\" said one of them.\n\
            Continued on B14\n";
        let lines = logical_lines(page);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "THE HARBOUR GAZETTE | FRIDAY, MAY 3, 2024 | B12",
                "NATION",
                "Port workers in Umm Qasr said on Thursday that the new cranes had been idle for weeks, and that the US-led consortium had not paid the crews since the coalition handed over the terminal to the ministry in March.",
                "\"We are still waiting for an answer,\" said one of them.",
                "Continued on B14",
            ]
        );
        assert_eq!(lines[2].no, 3);
        // Teasers of similar width, none going on in lower case, stay apart.
        let teasers = "Basra port reopens after the sandstorm\n\
            Water levels in the Shatt al-Arab fall again\n\
            Farmers in Diyala count their losses today\n";
        assert_eq!(logical_lines(teasers).len(), 3);
    }

    /// Paragraphs of running text filled at 64 columns, as an e-mail or a
    /// text browser fills them, under the head of `page`.
    fn filled_page(head: &str) -> String {
        format!(
            "{head}\n\
            Crews from the ministry of construction began work on Sunday on\n\
            the old iron bridge, which has been closed to traffic since the\n\
            fighting of 2017, officials in the governorate said.\n\
            \n\
            The repairs are paid for by the reconstruction fund and are\n\
            expected to take eighteen months, according to a statement that\n\
            the governor's office published on its website late on Saturday\n\
            evening.\n"
        )
    }

    fn texts(page: &str) -> Vec<String> {
        logical_lines(page).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_headline_filled_over_two_lines_is_one_line_again() {
        // The second line begins with a name, after a word that ends no
        // headline; the byline under it stays apart.
        let page = filled_page(
            "MOSUL COURIER\n\
            Local | Iraq | Region\n\
            Engineers start repairs on Mosul's old iron bridge across the\n\
            Tigris River\n\
            By Hana Ruzgar\n",
        );
        let lines = texts(&page);
        assert_eq!(
            lines[2],
            "Engineers start repairs on Mosul's old iron bridge across the Tigris River"
        );
        assert_eq!(lines[3], "By Hana Ruzgar");
        // One word alone under it, then a blank line: the wrap's tail, not a
        // button's label.
        let page = filled_page(
            "Local\n\
            Mosul engineers begin repairs on old iron bridge after long\n\
            closure\n",
        );
        assert_eq!(
            texts(&page)[1],
            "Mosul engineers begin repairs on old iron bridge after long closure"
        );
    }

    #[test]
    fn a_headline_near_the_width_keeps_apart_from_what_follows_it() {
        // Under a label, a headline of nearly the column's width stands over
        // the standfirst: "Traders" would not have fitted, but what follows
        // is no short tail and the headline breaks after no small word.
        let page = filled_page(
            "Local\n\
            Mosul traders count the cost of the long bridge closure downtown\n\
            Traders in the old city say the detour through the new bridge\n\
            adds an hour to every delivery and has cost them customers.\n",
        );
        let lines = texts(&page);
        assert_eq!(
            lines[1],
            "Mosul traders count the cost of the long bridge closure downtown"
        );
        assert!(lines[2].starts_with("Traders in the old city"), "{lines:?}");
        // "MOSUL" would have fitted after the headline: it begins the next
        // paragraph, not the headline's second line.
        let page = filled_page(
            "Bridge to reopen by spring, the governor says\n\
            MOSUL (Courier) - The governor said the old bridge would reopen\n\
            in the spring.\n",
        );
        assert_eq!(
            texts(&page)[0],
            "Bridge to reopen by spring, the governor says"
        );
        // Nor is a date line the headline's tail.
        let page = filled_page(
            "Local\n\
            Governor promises Mosul bridge will reopen before the spring rains\n\
            Fri 19 Jan 2024 20:58\n",
        );
        assert_eq!(texts(&page)[2], "Fri 19 Jan 2024 20:58");
    }

    #[test]
    fn a_quote_closed_mid_sentence_leaves_the_line_open() {
        assert!(!ends_a_sentence("the ministry had \"no objection\""));
        assert!(!ends_a_sentence("“We will stay,” the"));
        assert!(!ends_a_sentence("the fighters’"));
        assert!(ends_a_sentence("he said: \"We will stay.\""));
        assert!(ends_a_sentence("“Why now?”"));
        let lines = texts(&filled_page(
            "Local\n\
            \n\
            The council's chairman told reporters that it had \"no objection\"\n\
            to the plan and would vote on the budget for the repairs soon.\n",
        ));
        assert_eq!(
            lines[1],
            "The council's chairman told reporters that it had \"no objection\" to the plan and would vote on the budget for the repairs soon."
        );
    }

    #[test]
    fn text_filled_with_breaks_before_names_is_one_paragraph_again() {
        // Filled at 72 columns; every line but one goes on in capitals, so
        // only the greedy breaks show the column.
        let page = "Home | Local | Region\n\
            \n\
            NINEVEH - Governor Abdul Qadir al-Dakhil met Brigadier General Omar\n\
            Saleh of the Nineveh Operations Command and Police Colonel Jamal Mahmoud\n\
            Hassan of the Federal Police on Monday in Mosul to plan the handover of\n\
            Qayyarah West Airfield from the coalition's Combined Joint Task Force by\n\
            September 2025.\n\
            \n\
            Al-Dakhil said units of the Iraqi Army would guard the airfield with\n\
            Federal Police patrols on the road to Mosul, and that Baghdad would pay\n\
            for the repairs of the runway.\n";
        let lines = texts(page);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[1].starts_with("NINEVEH - Governor") && lines[1].ends_with("by September 2025.")
        );
        assert!(
            lines[2].contains("airfield with Federal Police"),
            "{lines:?}"
        );
        // A list of headlines, however close to one width, is no filled text:
        // the next headline's first word would have fitted on each.
        let teasers = "Mosul bridge to reopen before the spring rains, governor\n\
            Basra port reopens after the sandstorm closes the shipping lane\n\
            Water levels in the Shatt al-Arab fall for a third week running\n\
            Farmers in Diyala count their losses after the late frost\n";
        assert_eq!(logical_lines(teasers).len(), 4);
    }

    #[test]
    fn prose_menus_and_mastheads_differ_in_shape() {
        let prose = Shape::of(
            "The minister said on Monday that the talks would resume in the capital after the holiday.",
        );
        let menu = Shape::of("Home | World | Middle East | Business | Opinion | Video");
        let masthead = Shape::of("THE EVENING COURIER");
        assert!(prose.stop_share > 0.3 && prose.sentence_end, "{prose:?}");
        assert!(menu.stop_share < 0.1 && menu.separators == 5, "{menu:?}");
        assert!(masthead.all_caps && !masthead.sentence_end);
        assert!(!Shape::of("Wait for it...").sentence_end);
        let arabic = Shape::of("قال الوزير إن المحادثات ستستأنف في العاصمة");
        assert!(arabic.mostly_non_latin() && arabic.starts_like_a_sentence);
        assert!(arabic.stop_share > 0.0);
    }

    #[test]
    fn a_blog_account_byline_in_lower_case_is_its_own_line() {
        let ls = logical_lines(
            "Coalition talks: what the capital wants and what it can give\nby admin | Jan 26, 2024 | Iraq, Security | 0 comments\n",
        );
        assert_eq!(ls.len(), 2);
        assert!(is_lower_case_byline("by admin | Jan 26, 2024"));
        assert!(!is_lower_case_byline("by the ministry on Tuesday."));
    }

    #[test]
    fn a_lower_case_byline_with_its_date_is_its_own_line() {
        assert!(is_lower_case_byline("by Jane Roe January 26, 2024"));
        let ls = logical_lines(
            "The coalition talks are a test of staying power\nby Jane Roe January 26, 2024\n",
        );
        assert_eq!(ls.len(), 2);
        assert!(!is_lower_case_byline(
            "by Iraqi forces on January 26, 2024."
        ));
        // A role or an outlet after the name's comma.
        assert!(is_lower_case_byline(
            "by Jane Roe, Defense Reporter | January 26, 2024 05:03 PM"
        ));
        assert!(is_lower_case_byline("by Jane Roe, Harbour Wire"));
        assert!(!is_lower_case_byline(
            "by Iraqi forces, Kurdish Peshmerga and others."
        ));
        assert!(!is_lower_case_byline("by Baghdad, which said so"));
    }

    #[test]
    fn a_lower_case_byline_crediting_a_wire_is_its_own_line() {
        let ls = logical_lines(
            "Coalition to leave the capital in two phases\nby Harbour Courier with AFP\n",
        );
        assert_eq!(ls.len(), 2);
        assert!(is_lower_case_byline("by Jane Roe with agencies"));
        assert!(!is_lower_case_byline("by Iraqi Forces with their allies"));
        assert!(!is_lower_case_byline("by Baghdad with"));
    }
}
