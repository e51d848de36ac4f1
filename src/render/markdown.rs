//! Markdown to safe HTML.
//!
//! pulldown-cmark with tables, footnotes, strikethrough and heading ids;
//! fenced code through syntect; links to other content files rewritten to
//! their pages; then the whole fragment through ammonia, because briefs come
//! from scraped, untrusted text and may carry raw HTML.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

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
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let events: Vec<Event> = Parser::new_ext(markdown, opts).collect();
    let events = add_heading_ids(events);
    let events = highlight_code(events);
    let events = events.into_iter().map(|ev| match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = resolve(&dest_url).map(CowStr::from).unwrap_or(dest_url);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    sanitize(&out)
}

/// Give every heading an id (from its text, unique within the page) so
/// sections can be linked to.
fn add_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: BTreeSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    // Explicit ids ({#id}) are taken first so generated ones avoid them.
    for ev in &events {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = ev {
            used.insert(id.to_string());
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
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used.insert(id.clone());
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
        assert!(h.contains("<table>"), "{h}");
        assert!(h.contains("class=\"footnote-definition\""), "{h}");
    }

    #[test]
    fn reserved_ids_are_avoided() {
        assert!(md("# Main\n").contains("id=\"main-2\""));
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

    #[test]
    fn links_are_rewritten() {
        let h = render("[x](other.md)", &|u| {
            (u == "other.md").then(|| "other.html".to_string())
        });
        assert!(h.contains("href=\"other.html\""), "{h}");
    }
}
