//! Markdown to safe HTML.
//!
//! pulldown-cmark with tables, footnotes, strikethrough and heading ids;
//! fenced code through syntect; links to other content files rewritten to
//! their pages; then the whole fragment through ammonia, because briefs come
//! from scraped, untrusted text and may carry raw HTML.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use super::highlight;
use crate::slug;

/// Ids the theme uses itself; headings never take them.
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "top",
    "site-nav",
    "site-header",
    "site-footer",
    "search",
];

/// Rewrites a link found in Markdown (e.g. `other-brief.md`) to a page URL
/// relative to the page being rendered. Returns `None` to keep it as written.
pub type LinkResolver<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// Render Markdown to sanitised HTML.
pub fn render(markdown: &str, resolve: LinkResolver<'_>) -> String {
    render_checked(markdown, resolve, false)
}

/// [`render`]; `always_sanitize` sends even plain Markdown through ammonia
/// (tests compare both ways).
fn render_checked(markdown: &str, resolve: LinkResolver<'_>, always_sanitize: bool) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let events: Vec<Event> = Parser::new_ext(markdown, opts).collect();
    let mut plain = !always_sanitize && events.iter().all(is_plain);
    let events = add_heading_ids(events);
    let events = highlight_code(events);
    let events: Vec<Event> = events
        .into_iter()
        .scan(0, scrolling_tables)
        .flatten()
        .map(|ev| match ev {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve(&dest_url).map(CowStr::from).unwrap_or(dest_url);
                plain &= link_type == LinkType::Email || is_plainly_safe_url(&dest_url);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => other,
        })
        .collect();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if plain {
        // Nothing ammonia would remove: only write what it would add.
        as_sanitized(&out)
    } else {
        sanitize(&out)
    }
}

/// The wrapper of the `n`th wide table: it scrolls sideways on a narrow
/// screen (shadows at its edges say there is more), and is focusable, with a
/// name of its own on the page, so that a keyboard can scroll it too.
pub fn table_scroll_open(n: usize) -> String {
    format!("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table {n}\">")
}

/// A Markdown table inside the scrolling wrapper (raw HTML events, so the
/// body takes ammonia's path, which keeps them); `tables` counts them.
fn scrolling_tables<'a>(tables: &mut usize, ev: Event<'a>) -> Option<Vec<Event<'a>>> {
    Some(match ev {
        Event::Start(Tag::Table(_)) => {
            *tables += 1;
            vec![Event::Html(table_scroll_open(*tables).into()), ev]
        }
        Event::End(TagEnd::Table) => vec![ev, Event::Html("</div>".into())],
        ev => vec![ev],
    })
}

/// Events whose HTML is safe as pulldown-cmark writes it (text escaped,
/// fixed tags): no raw HTML, and none of the constructs whose output
/// ammonia would change (images, tables with inline alignment styles,
/// footnotes, heading attributes). Link targets are checked separately.
fn is_plain(ev: &Event<'_>) -> bool {
    match ev {
        Event::Html(_) | Event::InlineHtml(_) => false,
        Event::FootnoteReference(_) | Event::TaskListMarker(_) => false,
        Event::InlineMath(_) | Event::DisplayMath(_) => false,
        Event::Start(tag) => match tag {
            Tag::Image { .. }
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_) => false,
            Tag::Heading { classes, attrs, .. } => classes.is_empty() && attrs.is_empty(),
            _ => true,
        },
        _ => true,
    }
}

/// A link target ammonia passes through unchanged: http(s), mailto, or a
/// relative reference (no scheme), with no control characters or spaces
/// that browsers strip before reading a scheme ("java\tscript:").
fn is_plainly_safe_url(url: &str) -> bool {
    if url.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return false;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        return true;
    }
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// pulldown-cmark's HTML of plain Markdown, written as ammonia (html5ever)
/// writes it: `rel` on links, `<br>` and `<hr>` without the XHTML slash,
/// text with quotes as characters and no-break spaces as `&nbsp;`.
fn as_sanitized(html: &str) -> String {
    const REL: &str = " rel=\"noopener noreferrer\"";
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        push_text(&mut out, &rest[..text_end]);
        rest = &rest[text_end..];
        if rest.is_empty() {
            break;
        }
        // Attribute values are escaped: the first '>' ends the tag.
        let tag_end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..tag_end];
        match tag {
            "<br />" => out.push_str("<br>"),
            "<hr />" => out.push_str("<hr>"),
            _ if tag.starts_with("<a ") && tag.ends_with('>') => {
                out.push_str(&tag[..tag.len() - 1]);
                out.push_str(REL);
                out.push('>');
            }
            _ => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out
}

/// Text between tags as html5ever serialises it.
fn push_text(out: &mut String, text: &str) {
    if !text.contains(['&', '\u{a0}']) {
        out.push_str(text);
        return;
    }
    out.push_str(
        &text
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace('\u{a0}', "&nbsp;"),
    );
}

/// Give every heading an id (from its text, unique within the page) so
/// sections can be linked to.
fn add_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used = slug::UniqueNames::new(RESERVED_IDS.iter().map(|s| s.to_string()));
    // Explicit ids ({#id}) are taken first so generated ones avoid them.
    for ev in &events {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = ev {
            used.take(id.to_string());
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = slug::slugify(&text).unwrap_or_else(|| "section".to_string());
            let id = used.claim(&base);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
    events
}

/// Replace fenced code blocks with syntect-highlighted HTML.
fn highlight_code(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code: Option<(String, String)> = None; // (lang, code)
    for ev in events {
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                in_code = Some((lang, String::new()));
            }
            Event::Text(t) if in_code.is_some() => {
                if let Some((_, code)) = in_code.as_mut() {
                    code.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code)) = in_code.take() {
                    let lang_class = slug::slugify(&lang);
                    let inner = highlight::highlight(&code, &lang)
                        .unwrap_or_else(|| super::escape_html(&code));
                    let html = match lang_class {
                        Some(l) => format!(
                            "<pre class=\"code\"><code class=\"language-{l}\">{inner}</code></pre>\n"
                        ),
                        None => format!("<pre class=\"code\"><code>{inner}</code></pre>\n"),
                    };
                    out.push(Event::Html(CowStr::from(html)));
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tags(["span", "div", "section", "figure", "figcaption"]);
        b.add_generic_attributes(["class"]);
        for h in [
            "h1", "h2", "h3", "h4", "h5", "h6", "div", "li", "sup", "section",
        ] {
            b.add_tag_attributes(h, ["id"]);
        }
        // The scrolling wrapper of tables (TABLE_SCROLL_OPEN).
        b.add_tag_attributes("div", ["tabindex", "role", "aria-label"]);
        b.add_tag_attributes("ol", ["start"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        b.url_relative(ammonia::UrlRelative::PassThrough);
        b.link_rel(Some("noopener noreferrer"));
        b.strip_comments(true);
        b
    })
}

/// Sanitise an HTML fragment: scripts, event handlers, `javascript:`/`data:`
/// URLs, styles and comments are removed.
pub fn sanitize(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        render(s, &|_| None)
    }

    #[test]
    fn features() {
        let h = md(
            "# Hello World\n\n## Hello World\n\n~~gone~~ | a |\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note.\n",
        );
        assert!(h.contains("<h1 id=\"hello-world\">"), "{h}");
        assert!(h.contains("<h2 id=\"hello-world-2\">"), "{h}");
        assert!(h.contains("<del>gone</del>"), "{h}");
        assert!(
            h.contains(&format!("{}<table>", table_scroll_open(1))),
            "{h}"
        );
        assert!(h.contains("</table>\n</div>"), "{h}");
        assert!(h.contains("class=\"footnote-definition\""), "{h}");
    }

    #[test]
    fn reserved_ids_are_avoided() {
        assert!(md("# Main\n").contains("id=\"main-2\""));
    }

    #[test]
    fn many_identical_headings_get_distinct_ids() {
        // Counted on per base: 50,000 claims, not 50,000 scans of the taken ids.
        let h = md(&"## Update\n\ntext\n\n".repeat(50_000));
        assert!(h.contains("id=\"update-50000\""));
        assert_eq!(h.matches("<h2 id=").count(), 50_000);
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let h = md("```json\n{\"a\": 1}\n```\n");
        assert!(h.contains("class=\"language-json\""), "{h}");
        assert!(h.contains("hl-"), "{h}");
        assert!(!h.contains("style="), "{h}");
        let h = md("```\n<b>x</b>\n```\n");
        assert!(h.contains("&lt;b&gt;"), "{h}");
    }

    #[test]
    fn hostile_html_is_inert() {
        let h = md(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](data:text/html,x) <!-- c -->\n",
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onerror"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(!h.contains("data:"), "{h}");
        assert!(!h.contains("<!--"), "{h}");
    }

    /// Plain Markdown skips ammonia; what it writes must be what ammonia
    /// would have written, byte for byte.
    #[test]
    fn plain_markdown_renders_as_ammonia_would() {
        let resolve = |u: &str| (u == "other.md").then(|| "../other/".to_string());
        let mut texts: Vec<String> = std::fs::read_dir("content/briefs")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.push(
            "# Head \"q\" & 'a'\n\nText \"quotes\" & 'apos' [link](x.html \"T\") <https://e.org/a?b=1&c=2> \
             <me@x.org> [o](other.md) [h](#sec) [q](?a=b).\\\nbreak\n\n---\n\n- a\n- b\n\n3. x\n\n\
             > q `c\"<>` ~~d~~ **b** *i*\n\n```json\n{\"a\": \"<b>\"}\n```\n\n    indented <x>\n\n## Main {#main}\n"
                .to_string(),
        );
        let mut fast = 0;
        for md in &texts {
            let quick = render_checked(md, &resolve, false);
            let full = render_checked(md, &resolve, true);
            assert_eq!(quick, full, "{md}");
            fast += usize::from(!md.contains('<') || md.contains("<https"));
        }
        assert!(fast >= 2, "the comparison must cover plain Markdown");
    }

    proptest::proptest! {
        /// Whatever mix of Markdown and HTML a brief holds, the output is
        /// what ammonia makes of it: nothing it would remove gets through.
        #[test]
        fn any_markdown_is_as_safe_as_ammonia_makes_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "text ", "\"q\" ", "& ", "'", "<b>x</b>", "<script>alert(1)</script>",
                "[a](x.html)", "[a](javascript:alert(1))", "[a](java\tscript:x)", "[a](JaVaScRiPt:x)",
                "[a](data:text/html,x)", "[a](//evil.org)", "[a](https://e.org \"t\")", "<me@x.org>",
                "<https://e.org>", "![i](x.png)", "# h {onclick=alert(1)}\n", "# h {.c}\n", "## h\n",
                "| a | b |\n|:--|--:|\n| 1 | 2 |\n", "[^1]\n\n[^1]: n\n", "\n\n", "\\\n", "---\n",
                "`c<>`", "```\n<x>\n```\n", "<!-- c -->", "&quot;", "&#106;avascript:", "\u{2028}",
                "[r](other.md)", "<img src=x onerror=alert(1)>", "> ", "- ", "1. ", "~~s~~", "**b**",
            ]), 0..14),
        ) {
            let md: String = parts.concat();
            let resolve = |u: &str| (u == "other.md").then(|| "../other/".to_string());
            let quick = render_checked(&md, &resolve, false);
            // Already as ammonia leaves it: nothing to remove, nothing to add.
            proptest::prop_assert_eq!(&sanitize(&quick), &quick);
            proptest::prop_assert_eq!(quick, render_checked(&md, &resolve, true));
        }
    }

    #[test]
    fn links_are_rewritten() {
        let h = render("[x](other.md)", &|u| {
            (u == "other.md").then(|| "other.html".to_string())
        });
        assert!(h.contains("href=\"other.html\""), "{h}");
    }
}
