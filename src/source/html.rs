//! Saved HTML pages as readable text, through a real HTML parser.
//!
//! The article is looked for in `<article>`, then `<main>`, then the body.
//! Scripts, styles, navigation, forms, asides, footers and elements whose
//! class or id says share/social/comment/related/newsletter/promo/ad (or a
//! top bar with today's date) are
//! dropped; every remaining block (paragraph, heading, list item, quote)
//! becomes one line, blocks separated by blank lines, so that ingest's
//! cleaning works on it like on scraped text. Metadata (title, site name,
//! publication date) comes from `<meta>` tags, JSON-LD and `<time>`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use super::page_meta::{collapse, metadata};
use super::{LineMark, MarkKind, SourceMeta};

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figcaption",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "input",
    "textarea",
    "head",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
    "figcaption",
    "address",
];

/// Class or id words of page chrome. A "top bar" over the masthead holds
/// the site's links and today's date, which is no article's date.
fn is_chrome(el: &ElementRef<'_>) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s_-])(?:share|sharing|social|comments?|related|newsletter|promo|advert|ads?|sponsor|subscribe|cookie|breadcrumbs?|sidebar|menu|navbar|nav|footer|popup|modal|banner|tags|byline-share|recirc|outbrain|taboola|top-?bar|utility-?bar|current-?date|today-?date|date-?today)(?:$|[\s_-])").unwrap()
    });
    let v = el.value();
    v.attr("class").is_some_and(|c| re.is_match(c))
        || v.attr("id").is_some_and(|c| re.is_match(c))
        || v.attr("aria-hidden") == Some("true")
        || v.attr("hidden").is_some()
}

/// The readable text of an HTML page, and its metadata.
pub fn to_text(html: &str) -> (String, SourceMeta) {
    let doc = Html::parse_document(html);
    let scripts = json_ld_scripts(&doc);
    let mut meta = metadata(&doc, &scripts);
    let sel = |s: &str| Selector::parse(s).expect("static selector");
    let (root, cards) = article_root(&doc);
    let mut page = PageLines {
        skipped: cards,
        ..PageLines::default()
    };
    // The headline often stands above the article element: it heads the text.
    let has_heading = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| matches!(e.value().name(), "h1" | "h2"));
    if !has_heading && let Some(h1) = doc.select(&sel("h1")).next() {
        let text = inline_text(h1);
        if !text.is_empty() {
            page.push(text, Some(MarkKind::Heading(1)));
        }
    }
    walk(root, &mut page);
    with_body_from_json_ld(&scripts, &mut page);
    let mut text = String::new();
    for (i, l) in page.lines.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(l);
    }
    text.push('\n');
    // The site's name in a heading (a theme's `<h1 class="site-title">`)
    // heads the site, not the article.
    if let Some(outlet) = &meta.outlet {
        let lines = &page.lines;
        page.marks.retain(|m| {
            !matches!(m.kind, MarkKind::Heading(_))
                || lines
                    .get((m.line - 1) / 2)
                    .is_none_or(|l| collapse(l).to_lowercase() != outlet.to_lowercase())
        });
    }
    meta.marks = page.marks;
    (text, meta)
}

/// The element that holds the article: the longest `<article>`, else
/// `<main>`, when it holds at least half of the paragraph text the page
/// shows; else the body. A rail of teaser cards, each an `<article>` of its
/// own beside a story that is in none, holds little of it: with the body
/// as the root, such cards (`is_teaser_card`, little of the text) are
/// returned to be left out.
fn article_root(doc: &Html) -> (ElementRef<'_>, HashSet<ego_tree::NodeId>) {
    let sel = |s: &str| Selector::parse(s).expect("static selector");
    let body = doc
        .select(&sel("body"))
        .next()
        .unwrap_or_else(|| doc.root_element());
    let (all, within) = paragraph_text(body);
    let holds_the_text = |e: &ElementRef<'_>| 2 * within.get(&e.id()).copied().unwrap_or(0) >= all;
    let root = doc
        .select(&sel("article"))
        .max_by_key(|a| a.text().map(str::len).sum::<usize>())
        .filter(holds_the_text)
        .or_else(|| {
            doc.select(&sel("main, [role=main]"))
                .next()
                .filter(holds_the_text)
        });
    let Some(root) = root else {
        let cards = body
            .select(&sel("article"))
            .filter(|a| is_teaser_card(a) && !holds_the_text(a))
            .map(|a| a.id())
            .collect();
        return (body, cards);
    };
    (root, HashSet::new())
}

/// The length of the paragraph text the walk would read (no paragraph
/// inside navigation, a footer, an aside or an element whose class says
/// chrome), in all and inside each `<article>`, `<main>` and
/// `[role=main]`: one pass over the tree, however deep it is nested.
fn paragraph_text(body: ElementRef<'_>) -> (usize, HashMap<ego_tree::NodeId, usize>) {
    use ego_tree::iter::Edge;
    let left_out = |el: &ElementRef<'_>| SKIP_TAGS.contains(&el.value().name()) || is_chrome(el);
    let container = |el: &ElementRef<'_>| {
        matches!(el.value().name(), "article" | "main") || el.value().attr("role") == Some("main")
    };
    let (mut all, mut within) = (0usize, HashMap::new());
    let mut open: Vec<ego_tree::NodeId> = Vec::new();
    let mut skipping = 0usize;
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) => {
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                if left_out(&el) {
                    skipping += 1;
                }
                if container(&el) {
                    open.push(el.id());
                    within.entry(el.id()).or_insert(0);
                }
                if skipping == 0 && el.value().name() == "p" {
                    let len: usize = el.text().map(str::len).sum();
                    all += len;
                    for id in &open {
                        *within.entry(*id).or_insert(0) += len;
                    }
                }
            }
            Edge::Close(node) => {
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                if container(&el) {
                    open.pop();
                }
                if left_out(&el) {
                    skipping -= 1;
                }
            }
        }
    }
    (all, within)
}

/// A teaser of another story: no `<h1>`, short (500 characters at most),
/// and a quarter of its text or more in links (its headline is one). The
/// entries of a live page, each an `<article>` too, are text, not links.
fn is_teaser_card(card: &ElementRef<'_>) -> bool {
    let sel = |s: &str| Selector::parse(s).expect("static selector");
    let len = |e: ElementRef<'_>| e.text().map(|t| t.trim().len()).sum::<usize>();
    let all = len(*card);
    let linked: usize = card.select(&sel("a")).map(len).sum();
    card.select(&sel("h1")).next().is_none() && all <= 500 && 4 * linked >= all
}

/// A page saved before its script drew the article ("Loading...", a
/// skeleton) still holds the text in its JSON-LD `articleBody`: when the
/// lines found do not hold the body's opening, its paragraphs are put
/// under the headline (or first, with no headline), where the page would
/// have shown them.
fn with_body_from_json_ld(scripts: &[String], page: &mut PageLines) {
    let Some(body) = json_ld_article_body(scripts) else {
        return;
    };
    let paragraphs: Vec<String> = if body.contains("<p") || body.contains("<br") {
        let fragment = Html::parse_fragment(&body);
        let mut lines = PageLines::default();
        walk(fragment.root_element(), &mut lines);
        lines.lines
    } else {
        body.split('\n')
            .map(collapse)
            .filter(|p| !p.is_empty())
            .collect()
    };
    if paragraphs.is_empty() || shows_any_paragraph(&page.lines, &paragraphs) {
        return;
    }
    let at = page
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::Heading(1)))
        .map_or(0, |m| (m.line - 1) / 2 + 1);
    let n = paragraphs.len();
    page.lines.splice(at..at, paragraphs);
    for m in &mut page.marks {
        if (m.line - 1) / 2 >= at {
            m.line += 2 * n;
        }
    }
}

/// Do the page's `lines` show any of the first paragraphs of the body, by
/// eight of its words in a row (past its first word: a dateline or quotes
/// may be printed otherwise)? A page that shows the story, or its opening
/// above a paywall, is not given it twice.
fn shows_any_paragraph(lines: &[String], paragraphs: &[String]) -> bool {
    let words = |text: &str| -> String {
        let mut out = String::from(" ");
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            out.push_str(&w.to_lowercase());
            out.push(' ');
        }
        out
    };
    let shown = words(&lines.join(" "));
    paragraphs.iter().take(5).any(|p| {
        let probe = words(p);
        let probe: Vec<&str> = probe.split_whitespace().collect();
        let from = usize::from(probe.len() > 8);
        let run = &probe[from..probe.len().min(from + 8)];
        run.len() >= 4 && shown.contains(&format!(" {} ", run.join(" ")))
    })
}

/// The text of each JSON-LD script of the page, read once for the
/// metadata, the publisher's graph and the article's body.
fn json_ld_scripts(doc: &Html) -> Vec<String> {
    let sel = Selector::parse("script[type=\"application/ld+json\"]").expect("static selector");
    doc.select(&sel).map(|e| e.text().collect()).collect()
}

/// The `articleBody` of the page's JSON-LD, its escapes read.
fn json_ld_article_body(scripts: &[String]) -> Option<String> {
    static BODY: OnceLock<Regex> = OnceLock::new();
    let re = BODY.get_or_init(|| {
        Regex::new(r#""articleBody"\s*:\s*"((?:[^"\\]|\\.)*)""#).expect("static pattern")
    });
    scripts.iter().find_map(|json| {
        let raw = re.captures(json)?.get(1)?.as_str().to_string();
        let text = serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or(raw);
        Some(text).filter(|t| !t.trim().is_empty())
    })
}

/// The lines of a page as they are found, and the marks of some of them.
#[derive(Default)]
struct PageLines {
    lines: Vec<String>,
    marks: Vec<LineMark>,
    /// Elements not to read (teaser cards beside the story).
    skipped: HashSet<ego_tree::NodeId>,
}

impl PageLines {
    /// Add a line; lines are separated by blank lines, so line `k` (from
    /// 0) is line `2k + 1` of the text.
    fn push(&mut self, text: String, mark: Option<MarkKind>) {
        if let Some(kind) = mark {
            self.marks.push(LineMark {
                line: 2 * self.lines.len() + 1,
                kind,
            });
        }
        self.lines.push(text);
    }
}

/// What to do next while walking the tree (iteratively: a page nested
/// thousands of elements deep must not overflow the stack).
enum Step<'a> {
    Enter(ElementRef<'a>),
    Text(&'a str),
    Inline(ElementRef<'a>),
    Flush,
}

fn walk<'a>(root: ElementRef<'a>, page: &mut PageLines) {
    let containers = block_containers(root);
    let mut stack: Vec<Step<'a>> = vec![Step::Flush, Step::Enter(root)];
    let mut pending = String::new();
    let mut first = true;
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(t) => pending.push_str(t),
            Step::Inline(el) => {
                pending.push_str(&inline_raw(el));
                pending.push(' ');
            }
            Step::Flush => flush(&mut pending, page),
            Step::Enter(el) => {
                let name = el.value().name();
                let is_root = std::mem::take(&mut first);
                if !is_root
                    && (SKIP_TAGS.contains(&name)
                        || is_chrome(&el)
                        || page.skipped.contains(&el.id()))
                {
                    continue;
                }
                flush(&mut pending, page);
                // A block holding other blocks (a table cell with paragraphs)
                // is walked into like a container; any element holding no
                // block (a <div> of spans) is a block of its own.
                if !containers.contains(&el.id()) {
                    let mut parts = paragraphs(&inline_raw(el));
                    if parts.len() == 1 {
                        let text = parts.remove(0);
                        let mark = mark_of(&el, &text);
                        page.push(text, mark);
                    }
                    // "First paragraph<br><br>Second": an old page's
                    // paragraphs in one element, each a line of its own.
                    for text in parts {
                        page.push(text, None);
                    }
                    continue;
                }
                // Children in order: text directly inside a container (a
                // <div> without <p>) is a block of its own.
                stack.push(Step::Flush);
                let children: Vec<_> = el.children().collect();
                for child in children.into_iter().rev() {
                    match child.value() {
                        Node::Text(t) => stack.push(Step::Text(t)),
                        Node::Element(e) => {
                            let Some(child_el) = ElementRef::wrap(child) else {
                                continue;
                            };
                            if is_inline(e.name()) {
                                stack.push(Step::Inline(child_el));
                            } else {
                                stack.push(Step::Enter(child_el));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Elements that hold a block-level element somewhere below them, found in
/// one pass over the tree (asking each element would be quadratic in depth).
fn block_containers(root: ElementRef<'_>) -> HashSet<ego_tree::NodeId> {
    use ego_tree::iter::Edge;
    const BLOCKS: &[&str] = &[
        "div", "section", "article", "header", "main", "table", "tr", "tbody", "ul", "ol", "dl",
        "figure", "center", "hr", "aside",
    ];
    let mut open: Vec<(ego_tree::NodeId, bool)> = Vec::new();
    let mut found = HashSet::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Node::Element(e) = node.value() {
                    let is_block = BLOCK_TAGS.contains(&e.name()) || BLOCKS.contains(&e.name());
                    if is_block && let Some(parent) = open.last_mut() {
                        parent.1 = true;
                    }
                    open.push((node.id(), false));
                }
            }
            Edge::Close(node) => {
                if let Node::Element(_) = node.value()
                    && let Some((id, true)) = open.pop()
                {
                    found.insert(id);
                    if let Some(parent) = open.last_mut() {
                        parent.1 = true;
                    }
                }
            }
        }
    }
    found
}

/// What an element's tag, class or itemprop says its text is.
fn mark_of(el: &ElementRef<'_>, text: &str) -> Option<MarkKind> {
    static R: OnceLock<Regex> = OnceLock::new();
    let name = el.value().name();
    if let Some(level) = name
        .strip_prefix('h')
        .and_then(|l| l.parse::<u8>().ok())
        .filter(|l| (1..=6).contains(l))
    {
        return Some(MarkKind::Heading(level));
    }
    if text.split_whitespace().count() > 16 {
        return None;
    }
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s_-])(?:(?P<by>byline|by-line|author|authors|writer|contributor)|(?P<date>date|dates|time|timestamp|published|dateline|pubdate)|(?P<cap>caption|credit)|(?P<dek>dek|standfirst|subtitle|subheadline|strapline|deck))(?:$|[\s_-])").unwrap()
    });
    let attrs = [
        el.value().attr("class"),
        el.value().attr("itemprop"),
        el.value().attr("rel"),
    ];
    for a in attrs.into_iter().flatten() {
        if let Some(c) = re.captures(a) {
            return Some(if c.name("by").is_some() {
                MarkKind::Byline
            } else if c.name("date").is_some() {
                MarkKind::Date
            } else if c.name("cap").is_some() {
                MarkKind::Caption
            } else {
                MarkKind::Standfirst
            });
        }
    }
    let has_time = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "time");
    has_time.then_some(MarkKind::Date)
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "small"
            | "sup"
            | "sub"
            | "abbr"
            | "cite"
            | "q"
            | "time"
            | "mark"
            | "code"
            | "br"
            | "s"
            | "del"
            | "ins"
            | "font"
    )
}

fn flush(pending: &mut String, page: &mut PageLines) {
    for t in paragraphs(pending) {
        page.push(t, None);
    }
    pending.clear();
}

/// Where a `<br>` was, in the text [`inline_raw`] gathers (a character of
/// Unicode's private use area: no page's text holds it).
const LINE_BREAK: char = '\u{E000}';

/// Text gathered from inline elements, split where two line breaks or more
/// follow one another (`<br><br>`, spaces between): the paragraphs of a page
/// that marks them so, each with its spaces collapsed (a single break is a
/// space, as a browser's line wrap).
fn paragraphs(raw: &str) -> Vec<String> {
    // "Sami Karim ·" once its "Follow" button is left out: a separator at
    // either end of a line stands beside nothing.
    let line = |t: &str| -> String {
        collapse(t)
            .trim_matches(|c: char| matches!(c, '·' | '•' | '|') || c.is_whitespace())
            .to_string()
    };
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut breaks = 0usize;
    for c in raw.chars() {
        if c == LINE_BREAK {
            breaks += 1;
            current.push(' ');
            continue;
        }
        if !c.is_whitespace() {
            if breaks >= 2 {
                let t = line(&current);
                if !t.is_empty() {
                    parts.push(t);
                }
                current.clear();
            }
            breaks = 0;
        }
        current.push(c);
    }
    let t = line(&current);
    if !t.is_empty() {
        parts.push(t);
    }
    parts
}

/// The text of an element, without the text of skipped elements inside it
/// (one pass over its subtree, however deep).
fn inline_text(el: ElementRef<'_>) -> String {
    collapse(&inline_raw(el).replace(LINE_BREAK, " "))
}

/// [`inline_text`] before its spaces are collapsed, each `<br>` marked
/// ([`LINE_BREAK`]).
fn inline_raw(el: ElementRef<'_>) -> String {
    use ego_tree::iter::Edge;
    let mut out = String::new();
    let mut skipping = 0usize;
    // "<span>Jane Roe</span><span>John Doe</span>": elements set side by
    // side by the page's style, not one word. A capital after a letter
    // across an element's end starts a new word ("<b>W</b>ord" does not).
    let mut after_element = false;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skipping == 0 => {
                    // "<span>5 min read</span><span>·</span><span>Sep 28,
                    // 2024</span>": a separator in an element of its own
                    // stands between words.
                    let separator = |c: char| matches!(c, '·' | '•' | '|');
                    let apart = (out.ends_with(char::is_alphanumeric)
                        && t.starts_with(char::is_uppercase))
                        || (out.ends_with(separator) && !t.starts_with(char::is_whitespace))
                        || (t.starts_with(separator) && !out.ends_with(char::is_whitespace));
                    if std::mem::take(&mut after_element) && apart && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(t);
                }
                Node::Element(e) => {
                    if SKIP_TAGS.contains(&e.name()) {
                        skipping += 1;
                    } else if e.name() == "br" && skipping == 0 {
                        out.push(LINE_BREAK);
                        // "<font size=5><b>Headline</b></font><br><font
                        // size=2>Monday ...</font>": a break between two
                        // elements sets apart what they hold (a headline and
                        // its date, the links of a list); one inside running
                        // text is the text's own line wrap.
                        if between_elements(node) {
                            out.push(LINE_BREAK);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    after_element = true;
                    if SKIP_TAGS.contains(&e.name()) {
                        skipping -= 1;
                    }
                }
            }
        }
    }
    out
}

/// Is this `<br>` set between two elements (other breaks aside), with
/// nothing but white space beside it, or after a line all in bold?
fn between_elements(br: ego_tree::NodeRef<'_, Node>) -> bool {
    let blank = |n: &ego_tree::NodeRef<'_, Node>| match n.value() {
        Node::Text(t) => t.trim().is_empty(),
        Node::Comment(_) => true,
        _ => false,
    };
    let element = |n: Option<ego_tree::NodeRef<'_, Node>>| {
        n.is_some_and(|n| matches!(n.value(), Node::Element(e) if e.name() != "br"))
    };
    let mut before = br.prev_sibling();
    while let Some(n) = before.filter(|n| blank(n)) {
        before = n.prev_sibling();
    }
    let mut after = br.next_sibling();
    while let Some(n) = after.filter(|n| blank(n)) {
        after = n.next_sibling();
    }
    if element(before) && element(after) {
        return true;
    }
    // "<b>Headline</b><br>Friday 27 September 2024": an old page's bold
    // or large line over its next one. The emphasis must open its line
    // (nothing but space or another break before it): "he said <b>no</b>
    // <br>" is running text.
    let Some(emphasis) = before.filter(|n| {
        matches!(n.value(), Node::Element(e)
            if matches!(e.name(), "b" | "strong" | "font" | "big"))
    }) else {
        return false;
    };
    let mut earlier = emphasis.prev_sibling();
    while let Some(n) = earlier.filter(|n| blank(n)) {
        earlier = n.prev_sibling();
    }
    earlier.is_none_or(|n| matches!(n.value(), Node::Element(e) if e.name() == "br"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Deal struck | Gulf Ledger</title>
<meta property="og:site_name" content="Gulf Ledger"><meta property="article:published_time" content="2024-09-08T10:00:00Z">
<script>var x = "<p>not text</p>";</script></head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Deal struck</h1><div class="share-buttons"><a>Facebook</a><a>Twitter</a></div>
<p>Baghdad and Washington <b>agreed</b> on a plan.</p><figure><img src="a.jpg"><figcaption>Photo: AFP</figcaption></figure>
<h2>What next</h2><p>Troops leave in 2025.<br>More later.</p>
<aside class="related">Related: other story</aside></article>
<footer>© 2024 Gulf Ledger</footer><div id="comments">Post a comment</div></body></html>"#;

    #[test]
    fn json_ld_strings_are_read_as_text() {
        let (_, meta) = to_text(
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"Iraq\u2019s parliament calls vote \"final\" &amp; adjourns",
"publisher":{"@type":"Organization","name":"The&nbsp;Gulf Observer"},
"author":{"@type":"Person","name":"Omar Al\/Nuaimi"}}</script></head>
<body><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("Iraq\u{2019}s parliament calls vote \"final\" & adjourns")
        );
        assert_eq!(meta.outlet.as_deref(), Some("The Gulf Observer"));
    }

    #[test]
    fn two_line_breaks_part_paragraphs_one_does_not() {
        // In an element of text alone, and in a container's loose text.
        for html in [
            "<html><body><div><b>Talks resume</b></div><div>First one here.<br><br>\n Second one<br>goes on. <br> <br>Third.</div></body></html>",
            "<html><body><div><p>Talks resume</p>First one here.<br><br>\n Second one<br>goes on. <br> <br>Third.</div></body></html>",
        ] {
            let (text, _) = to_text(html);
            let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(
                lines,
                [
                    "Talks resume",
                    "First one here.",
                    "Second one goes on.",
                    "Third."
                ],
                "{html}"
            );
        }
    }

    #[test]
    fn a_break_between_elements_sets_their_texts_apart() {
        let (text, _) = to_text(
            r#"<html><body><table><tr><td><font size="5"><b>Talks resume</b></font><br>
<font size="2">Monday 30 September 2024</font><br><br><font>Negotiators met<br>again. They agreed.</font></td>
<td><b>Most read</b><br><a href="/a">Oil exports rise</a><br><a href="/b">Port reopens</a></td></tr></table></body></html>"#,
        );
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Talks resume",
                "Monday 30 September 2024",
                "Negotiators met again. They agreed.",
                "Most read",
                "Oil exports rise",
                "Port reopens"
            ]
        );
    }

    #[test]
    fn a_page_drawn_by_script_gives_its_json_ld_body() {
        let page = |body: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Talks resume","articleBody":"Negotiators met again on Sunday.\nThey agreed on a \"timetable\"."}}</script></head><body><h1>Talks resume</h1>{body}<footer>© 2024 Gulf Ledger</footer></body></html>"#
            )
        };
        // Drawn by a script: the body goes under the headline.
        let (text, meta) = to_text(&page("<div>Loading...</div>"));
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Talks resume",
                "Negotiators met again on Sunday.",
                "They agreed on a \"timetable\".",
                "Loading..."
            ]
        );
        assert!(
            meta.marks
                .iter()
                .any(|m| m.line == 1 && matches!(m.kind, MarkKind::Heading(1)))
        );
        // Shown by the page, its quotes printed otherwise: nothing added.
        let (text, _) = to_text(&page(
            "<p>Negotiators met again on Sunday.</p><p>They agreed on a \u{201C}timetable\u{201D}.</p>",
        ));
        assert_eq!(text.matches("Negotiators").count(), 1, "{text}");
        // Its opening above a paywall, the dateline printed otherwise.
        let (text, _) = to_text(&page(
            "<p>GENEVA \u{2014} Negotiators met again on Sunday.</p><p>Subscribe to read on.</p>",
        ));
        assert_eq!(text.matches("Negotiators").count(), 1, "{text}");
    }

    #[test]
    fn a_top_bar_with_todays_date_is_chrome() {
        let (text, _) = to_text(
            r#"<html><body><div class="top-bar"><span>Tuesday, June 4, 2024</span> <a href="/epaper">E-Paper</a></div>
<h1>Talks resume</h1><p>Negotiators met again on Sunday.</p></body></html>"#,
        );
        assert!(!text.contains("June 4"), "{text}");
        assert!(
            text.contains("Talks resume") && text.contains("met again"),
            "{text}"
        );
    }

    #[test]
    fn a_publisher_named_by_reference_in_a_graph() {
        let graph = r#"{"@context":"https://schema.org","@graph":[
{"@type":"NewsArticle","headline":"Talks resume","publisher":{"@id":"https://harbour.example/#organization"}},
{"@type":"WebSite","@id":"https://harbour.example/#website","name":"Harbour Observer - news from the Gulf"},
{"@type":"Organization","@id":"https://harbour.example/#organization","name":"The Harbour Observer"}]}"#;
        let page = format!(
            r#"<html><head><script type="application/ld+json">{graph}</script></head><body><p>x</p></body></html>"#
        );
        assert_eq!(
            to_text(&page).1.outlet.as_deref(),
            Some("The Harbour Observer")
        );
        // The window's title after the headline.
        let page = r#"<html><head><title>Talks resume in Baghdad - Iraq - Harbour Ledger</title></head><body><h1>Talks resume in Baghdad</h1><p>x</p></body></html>"#;
        assert_eq!(to_text(page).1.outlet.as_deref(), Some("Harbour Ledger"));
        // No publisher: the website's name (without its tagline).
        let no_publisher = graph.replace(
            r#","publisher":{"@id":"https://harbour.example/#organization"}"#,
            "",
        );
        let page = format!(
            r#"<html><head><script type="application/ld+json">{no_publisher}</script></head><body><p>x</p></body></html>"#
        );
        assert_eq!(to_text(&page).1.outlet.as_deref(), Some("Harbour Observer"));
    }

    #[test]
    fn a_squashed_site_name_gives_way_to_the_publisher_as_written() {
        let page = |site: &str| {
            format!(
                r#"<html><head><meta property="og:site_name" content="{site}">
<script type="application/ld+json">{{"@type":"NewsArticle","publisher":{{"@type":"Organization","name":"The Harbour Observer"}}}}</script>
</head><body><p>x</p></body></html>"#
            )
        };
        let outlet = |site: &str| to_text(&page(site)).1.outlet;
        assert_eq!(
            outlet("HarbourObserver").as_deref(),
            Some("The Harbour Observer")
        );
        assert_eq!(
            outlet("harbour-observer").as_deref(),
            Some("The Harbour Observer")
        );
        // A different name, or one written with spaces, is the site's own.
        assert_eq!(outlet("Harbour Daily").as_deref(), Some("Harbour Daily"));
        assert_eq!(
            outlet("Harbour Observer").as_deref(),
            Some("Harbour Observer")
        );
    }

    #[test]
    fn elements_side_by_side_are_separate_words() {
        let (text, _) = to_text(
            "<html><body><div class=\"people\"><span>Jane Roe</span><span>John Doe</span></div><p>The <b>W</b>ord of <a>Iraq</a>'s envoy.</p></body></html>",
        );
        assert!(text.contains("Jane Roe John Doe"), "{text}");
        assert!(text.contains("The Word of Iraq's envoy."), "{text}");
        let (text, _) = to_text(
            "<html><body><div class=\"meta\"><span>5 min read</span><span>·</span><span>Sep 28, 2024</span></div></body></html>",
        );
        assert!(text.contains("5 min read · Sep 28, 2024"), "{text}");
    }

    #[test]
    fn article_text_without_chrome() {
        let (text, meta) = to_text(PAGE);
        assert_eq!(meta.title.as_deref(), Some("Deal struck"));
        assert_eq!(meta.outlet.as_deref(), Some("Gulf Ledger"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 9, 8));
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec![
                "Deal struck",
                "Baghdad and Washington agreed on a plan.",
                "What next",
                "Troops leave in 2025. More later."
            ]
        );
        // The markup's headings, by line of the text.
        assert_eq!(meta.mark(1), Some(MarkKind::Heading(1)));
        assert_eq!(meta.mark(5), Some(MarkKind::Heading(2)));
        assert_eq!(meta.mark(3), None);
    }

    #[test]
    fn a_standfirst_is_marked_by_its_class() {
        let (text, meta) = to_text(
            "<html><body><article><h1>Deal struck</h1><p class=\"article-dek\">Troops to leave in stages</p><h2 class=\"subhead\">What next</h2><p>Baghdad and Washington agreed on a plan on Monday.</p></article></body></html>",
        );
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[1], "Troops to leave in stages", "{text}");
        let line_of = |s: &str| text.lines().position(|l| l == s).unwrap() + 1;
        assert_eq!(
            meta.mark(line_of("Troops to leave in stages")),
            Some(MarkKind::Standfirst)
        );
        assert_eq!(meta.mark(line_of("What next")), Some(MarkKind::Heading(2)));
    }

    #[test]
    fn the_logo_names_the_site_when_no_metadata_does() {
        let page = |header: &str| {
            to_text(&format!(
                "<html><head><title>Deal struck</title></head><body><header>{header}</header><article><h1>Deal struck</h1><p>The talks ended on Monday with a deal on the bases.</p></article></body></html>"
            ))
            .1
            .outlet
        };
        assert_eq!(
            page(
                "<a class=\"logo\" href=\"/\"><img src=\"l.svg\" alt=\"Harbour Ledger logo\"></a>"
            )
            .as_deref(),
            Some("Harbour Ledger")
        );
        assert_eq!(
            page("<p class=\"site-title\"><a href=\"/\">Harbour Ledger</a></p>").as_deref(),
            Some("Harbour Ledger")
        );
        // The masthead's link home, in words.
        assert_eq!(
            page("<a class=\"brand\" href=\"/\">Harbour Ledger</a><a href=\"/world\">World</a>")
                .as_deref(),
            Some("Harbour Ledger")
        );
        assert_eq!(
            page("<a href=\"/\">Harbour Ledger</a> <a href=\"/\">Home</a>").as_deref(),
            Some("Harbour Ledger")
        );
        // A menu's link home is no name.
        assert_eq!(
            page("<nav><a href=\"/\">Home</a><a href=\"/\">News</a></nav>"),
            None
        );
        // A logo without a text alternative, or one saying only "logo", names nothing.
        assert_eq!(
            page("<a class=\"logo\" href=\"/\"><img src=\"l.svg\" alt=\"Logo\"></a>"),
            None
        );
    }

    #[test]
    fn a_bold_line_over_one_break_is_a_line_of_its_own() {
        let (text, _) = to_text(
            "<html><body><table><tr><td><font size=\"4\"><b>Council rejects troops</b></font><br>Monday 15 January 2024<br><br>The council voted on Monday.</td></tr></table></body></html>",
        );
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Council rejects troops",
                "Monday 15 January 2024",
                "The council voted on Monday."
            ]
        );
        // Bold inside running text, then a break: the text's own wrap.
        let (text, _) =
            to_text("<html><body><p>He said <b>no</b><br>and left the hall.</p></body></html>");
        assert_eq!(text.trim(), "He said no and left the hall.");
    }

    #[test]
    fn teaser_cards_are_not_the_article() {
        let story = "<p>The ministry said the talks on the coalition's future would resume in Baghdad next week after a pause of a month.</p><p>Officials from both sides are expected to agree on a timetable for the advisers' departure.</p>";
        let card = |i: usize| {
            format!(
                "<article class=\"card\"><h3><a href=\"/s{i}\">Other story {i}: the council's vote in the north</a></h3><p>A teaser of the other story number {i}, a line long.</p></article>"
            )
        };
        let cards: String = (1..=4).map(card).collect();
        // The story in plain divs beside a rail of cards: the story, no card.
        let (text, _) = to_text(&format!(
            "<html><body><div class=\"story\"><h1>Talks to resume</h1>{story}</div><div class=\"rail\">{cards}</div></body></html>"
        ));
        assert!(text.contains("pause of a month"), "{text}");
        assert!(!text.contains("teaser of the other story"), "{text}");
        // The story in an <article> with cards inside it: the story's
        // article, and its cards as they stand (the text's cleaning reads them).
        let (text, _) = to_text(&format!(
            "<html><body><article><h1>Talks to resume</h1>{story}{cards}</article><div><p>A long footer paragraph about the site, its owners, its history and its offices in three cities, printed on every page of the site for every reader to see.</p></div></body></html>"
        ));
        assert!(text.contains("pause of a month"), "{text}");
        assert!(!text.contains("long footer paragraph"), "{text}");
        // A live page's entries, each an <article> of text: every entry.
        let entry = |i: usize| {
            format!(
                "<article class=\"post\"><h2>Update {i}</h2><p>Officials said at the briefing that update number {i} of the day brought news from the base, where crews were still at work.</p></article>"
            )
        };
        let entries: String = (1..=4).map(entry).collect();
        let (text, _) = to_text(&format!(
            "<html><body><div class=\"live\"><h1>Live: talks resume</h1>{entries}</div></body></html>"
        ));
        for i in 1..=4 {
            assert!(text.contains(&format!("update number {i} of")), "{text}");
        }
    }

    #[test]
    fn broken_html_does_not_panic() {
        for s in [
            "",
            "<",
            "<p>unclosed",
            "<article><p>a</article></p>",
            "\u{0}<html>",
        ] {
            let _ = to_text(s);
        }
    }

    #[test]
    fn authors_from_the_metadata_but_not_desks_or_addresses() {
        let page = |head: &str| {
            let doc = Html::parse_document(&format!(
                "<html><head>{head}<meta property=\"og:site_name\" content=\"Harbour Daily\"></head><body><p>x</p></body></html>"
            ));
            metadata(&doc, &json_ld_scripts(&doc)).authors
        };
        assert_eq!(
            page(r#"<meta name="author" content="Mara Quill and Omar Reed">"#),
            ["Mara Quill", "Omar Reed"]
        );
        assert_eq!(
            page(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Lina Haddad"}]}</script>"#
            ),
            ["Lina Haddad"]
        );
        assert!(
            page(r#"<meta name="author" content="https://harbour.example/staff/">"#).is_empty()
        );
        assert!(page(r#"<meta name="author" content="Harbour Daily">"#).is_empty());
        assert!(page(r#"<meta name="author" content="Harbour Daily Staff">"#).is_empty());
    }
}
