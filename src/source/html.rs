//! Saved HTML pages as readable text, through a real HTML parser.
//!
//! The article is looked for in `<article>`, then `<main>`, then the body.
//! Scripts, styles, navigation, forms, asides, footers and elements whose
//! class or id says share/social/comment/related/newsletter/promo/ad are
//! dropped; every remaining block (paragraph, heading, list item, quote)
//! becomes one line, blocks separated by blank lines, so that ingest's
//! cleaning works on it like on scraped text. Metadata (title, site name,
//! publication date) comes from `<meta>` tags, JSON-LD and `<time>`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use super::SourceMeta;

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

/// Class or id words of page chrome.
fn is_chrome(el: &ElementRef<'_>) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s_-])(?:share|sharing|social|comments?|related|newsletter|promo|advert|ads?|sponsor|subscribe|cookie|breadcrumbs?|sidebar|menu|navbar|nav|footer|popup|modal|banner|tags|byline-share|recirc|outbrain|taboola)(?:$|[\s_-])").unwrap()
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
    let meta = metadata(&doc);
    let sel = |s: &str| Selector::parse(s).expect("static selector");
    let root = doc
        .select(&sel("article"))
        .max_by_key(|a| a.text().map(str::len).sum::<usize>())
        .or_else(|| doc.select(&sel("main, [role=main]")).next())
        .or_else(|| doc.select(&sel("body")).next())
        .unwrap_or_else(|| doc.root_element());
    let mut lines: Vec<String> = Vec::new();
    if let Some(t) = &meta.title {
        // The headline heads the text, as on a scraped page.
        lines.push(t.clone());
    }
    walk(root, &mut lines, true);
    let mut text = String::new();
    for l in lines {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&l);
    }
    text.push('\n');
    (text, meta)
}

fn walk(el: ElementRef<'_>, lines: &mut Vec<String>, is_root: bool) {
    let name = el.value().name();
    if !is_root && (SKIP_TAGS.contains(&name) || is_chrome(&el)) {
        return;
    }
    if BLOCK_TAGS.contains(&name) {
        let text = inline_text(el);
        if !text.is_empty() {
            lines.push(text);
        }
        return;
    }
    // Text directly inside a container (a <div> without <p>) is a block too.
    let mut pending = String::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => pending.push_str(t),
            Node::Element(e) => {
                let child_el = ElementRef::wrap(child).expect("element node");
                if is_inline(e.name()) {
                    pending.push_str(&inline_text(child_el));
                    pending.push(' ');
                } else {
                    flush(&mut pending, lines);
                    walk(child_el, lines, false);
                }
            }
            _ => {}
        }
    }
    flush(&mut pending, lines);
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
    )
}

fn flush(pending: &mut String, lines: &mut Vec<String>) {
    let t = collapse(pending);
    if !t.is_empty() {
        lines.push(t);
    }
    pending.clear();
}

fn inline_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let skipped = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .any(|a| SKIP_TAGS.contains(&a.value().name()));
            if !skipped {
                out.push_str(t);
            }
        } else if let Node::Element(e) = node.value()
            && e.name() == "br"
        {
            out.push(' ');
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metadata(doc: &Html) -> SourceMeta {
    let attr = |css: &str, a: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .find_map(|e| e.value().attr(a).map(collapse))
            .filter(|s| !s.is_empty())
    };
    let text_of = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .next()
            .map(|e| collapse(&e.text().collect::<String>()))
            .filter(|s| !s.is_empty())
    };
    let jsonld: String = Selector::parse("script[type=\"application/ld+json\"]")
        .ok()
        .map(|sel| doc.select(&sel).flat_map(|e| e.text()).collect())
        .unwrap_or_default();
    let outlet = attr("meta[property=\"og:site_name\"]", "content")
        .or_else(|| attr("meta[name=\"application-name\"]", "content"))
        .or_else(|| {
            json_field(
                &jsonld,
                r#""publisher"\s*:\s*\{[^}]*?"name"\s*:\s*"([^"]+)""#,
            )
        });
    let mut title = attr("meta[property=\"og:title\"]", "content")
        .or_else(|| attr("meta[name=\"twitter:title\"]", "content"))
        .or_else(|| text_of("h1"))
        .or_else(|| text_of("title"));
    // "Headline | Outlet" or "Headline - Outlet": drop the site name.
    if let (Some(t), Some(o)) = (&title, &outlet) {
        for sep in [" | ", " - ", " – ", " — "] {
            if let Some(stripped) = t.strip_suffix(&format!("{sep}{o}")) {
                title = Some(stripped.to_string());
                break;
            }
        }
    }
    let published = attr("meta[property=\"article:published_time\"]", "content")
        .or_else(|| attr("meta[name=\"pubdate\"]", "content"))
        .or_else(|| attr("meta[name=\"date\"]", "content"))
        .or_else(|| attr("meta[itemprop=\"datePublished\"]", "content"))
        .or_else(|| json_field(&jsonld, r#""datePublished"\s*:\s*"([^"]+)""#))
        .or_else(|| attr("article time[datetime]", "datetime"))
        .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok());
    SourceMeta {
        title,
        outlet,
        published,
    }
}

fn json_field(json: &str, pattern: &str) -> Option<String> {
    Regex::new(pattern)
        .ok()?
        .captures(json)
        .map(|c| c[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
                "Deal struck",
                "Baghdad and Washington agreed on a plan.",
                "What next",
                "Troops leave in 2025. More later."
            ]
        );
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
}
