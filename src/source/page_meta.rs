//! What a saved page's markup says of it beside its text: the headline,
//! the site's name, the publication and modification dates with the field
//! each came from, the authors and the canonical address, read from the
//! `<meta>` tags, the JSON-LD and `<time>` elements.
//!
//! Content systems name the same fact many ways (`article:published_time`,
//! `pubdate`, `parsely-pub-date`, `sailthru.date`, `DC.date.issued`, ...;
//! as `name`, `property` or `itemprop`, in any case), so the tags are read
//! once into one table keyed by the lower-cased name, and each fact is
//! looked up there by every name htmldate knows for it. A page's JSON-LD
//! may describe more than its article (a list of related stories, the web
//! page, the site): the article's own node is read first, a pattern over
//! the scripts' text only when no script parses or none is an article.

use chrono::{DateTime, FixedOffset, NaiveDate};
use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;

use super::{MetaDate, SourceMeta};

/// A page's metadata: headline, site, dates, address, authors.
pub(super) fn metadata(doc: &Html, scripts: &[String]) -> SourceMeta {
    let tags = MetaTags::of(doc);
    let linked = LinkedData::parse(scripts);
    let jsonld: String = scripts.concat();
    let outlet = outlet_of(doc, &tags, &linked, &jsonld);
    let title = title_of(doc, &tags, &linked, &jsonld, outlet.as_deref());
    let dates = dates_of(doc, &tags, &linked, &jsonld);
    let address = attr(doc, "link[rel=\"canonical\"]", "href").or_else(|| tags.get("og:url"));
    // The first field that names people: `article:author` is often the
    // author's page, `author` the site's own name.
    let authors = AUTHOR_FIELDS
        .iter()
        .filter_map(|f| tags.get(f))
        .map(|a| a.strip_prefix("By ").map_or(a.clone(), str::to_string))
        .chain(linked.article_author())
        .chain(json_field(
            &jsonld,
            r#""author"\s*:\s*\[?\s*\{[^}]*?"name"\s*:\s*"((?:[^"\\]|\\.)+)""#,
        ))
        .map(|field| meta_authors(Some(field), outlet.as_deref()))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    SourceMeta {
        title,
        outlet: outlet.clone(),
        published: dates.iter().find(|d| !d.modified).map(|d| d.date),
        dates,
        marks: Vec::new(),
        address,
        authors,
        field_lines: 0,
        reading: super::Reading::SavedPage,
    }
}

/// The first element `css` selects that has attribute `a`, its value with
/// spaces collapsed.
fn attr(doc: &Html, css: &str, a: &str) -> Option<String> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel)
        .find_map(|e| e.value().attr(a).map(collapse))
        .filter(|s| !s.is_empty())
}

/// The text of the first element `css` selects, spaces collapsed.
fn text_of(doc: &Html, css: &str) -> Option<String> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel)
        .next()
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|s| !s.is_empty())
}

/// Every `<meta>` tag's value by its lower-cased name, whichever attribute
/// names it (`name`, `property`, `itemprop`, `http-equiv`): sites write
/// `<meta name="og:site_name">` and `<meta name="Author">` as often as the
/// forms the specifications give.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn of(doc: &Html) -> MetaTags {
        let sel = Selector::parse("meta").expect("static selector");
        let tags = doc
            .select(&sel)
            .filter_map(|e| {
                let v = e.value();
                let key = ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .find_map(|a| v.attr(a))?;
                let value = v.attr("content").or_else(|| v.attr("datetime"))?;
                let value = collapse(value);
                (!value.is_empty()).then(|| (key.trim().to_lowercase(), value))
            })
            .collect();
        MetaTags(tags)
    }

    /// The first non-empty value of the tag named `key` (lower case).
    fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// The names a publication date goes by in `<meta>` tags, most used first
/// (htmldate's list, less the names some systems give the time the page
/// was generated: `timestamp`, `gentime`, `created`, `release_date`).
const PUBLISHED_FIELDS: &[&str] = &[
    "article:published_time",
    "pubdate",
    "date",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "article:published_date",
    "article:publicationdate",
    "article:post_date",
    "article.published",
    "article.created",
    "article_date_original",
    "publish-date",
    "publish_date",
    "publishdate",
    "publish_time",
    "published-date",
    "published_date",
    "published_time",
    "publisheddate",
    "publication_date",
    "datepublished",
    "date_published",
    "datecreated",
    "date_created",
    "dateposted",
    "displaydate",
    "originalpublicationdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dc.date.publication",
    "dc.created",
    "dc:date",
    "dc:created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms:date",
    "dcterms:issued",
    "dcterms:created",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "dcsext.articlefirstpublished",
    "analyticsattributes.articledate",
    "content_create_date",
    "doc_date",
    "bt:pubdate",
    "og:pubdate",
    "og:publish_date",
    "og:datepublished",
    "og:article:published",
    "rbpubdate",
    "pdate",
    "ptime",
    "twt-published-at",
    "shareaholic:article_published_time",
    "vr:published_time",
    "mediator_published_time",
];

/// How many of [`PUBLISHED_FIELDS`] (`article:published_time`, `pubdate`,
/// `date`) are trusted before the itemprop, the JSON-LD and `<time>`: the
/// order the fields were read in before the rest of the names were added.
const TRUSTED_FIRST: usize = 3;

/// The names a modification date goes by.
const MODIFIED_FIELDS: &[&str] = &[
    "article:modified_time",
    "article:modified",
    "article:modified_date",
    "article:post_modified",
    "og:updated_time",
    "og:modified_time",
    "og:article:modified_time",
    "modified_time",
    "updated_time",
    "datemodified",
    "dc.modified",
    "dcterms.modified",
    "dcterms:modified",
    "last-modified",
    "lastmodified",
    "lastmod",
    "modificationdate",
    "revision_date",
    "bt:moddate",
];

/// The names an author goes by; a field of addresses or the site's own
/// name is dropped later (`meta_authors`).
const AUTHOR_FIELDS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
];

/// The names of the publisher's name, after the site's name for sharing
/// and the JSON-LD's publisher.
const PUBLISHER_FIELDS: &[&str] = &[
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
];

/// Every dated field of the page, publication dates first in the order
/// they are trusted, then modification dates; the publisher's own day
/// put before UTC's when the two name one moment (`local_date_first`).
fn dates_of(doc: &Html, tags: &MetaTags, linked: &LinkedData, jsonld: &str) -> Vec<MetaDate> {
    let first_field = |names: &[&str]| -> Vec<(String, String)> {
        names
            .iter()
            .filter_map(|n| tags.get(n).map(|v| (n.to_string(), v)))
            .collect()
    };
    let mut fields: Vec<(String, Option<String>, bool)> = Vec::new();
    let (lead, rest) = PUBLISHED_FIELDS.split_at(TRUSTED_FIRST);
    fields.extend(
        first_field(lead)
            .into_iter()
            .map(|(n, v)| (n, Some(v), false)),
    );
    fields.push((
        "itemprop datePublished".into(),
        attr(doc, "[itemprop=\"datePublished\"]", "content")
            .or_else(|| attr(doc, "[itemprop=\"datePublished\"]", "datetime")),
        false,
    ));
    fields.push((
        "JSON-LD datePublished".into(),
        linked
            .article_field("datePublished")
            .or_else(|| json_field(jsonld, r#""datePublished"\s*:\s*"((?:[^"\\]|\\.)+)""#)),
        false,
    ));
    fields.push((
        "<time datetime>".into(),
        attr(doc, "article time[datetime]", "datetime").or_else(|| {
            // Outside an `<article>`, a `<time>` only when marked as the
            // publication's (WordPress's "entry-date published", HTML 4's
            // `pubdate`): a page's other times are its clock's or related
            // stories'.
            attr(
                doc,
                "time[pubdate][datetime], time[class*=\"publish\"][datetime], [class*=\"publish\"] > time[datetime]",
                "datetime",
            )
        }),
        false,
    ));
    // `<meta itemprop="datePublished">` is read above as the itemprop.
    let itemprop_read = fields
        .iter()
        .any(|f| f.0 == "itemprop datePublished" && f.1.is_some());
    fields.extend(
        first_field(rest)
            .into_iter()
            .filter(|(n, _)| n != "datepublished" || !itemprop_read)
            .map(|(n, v)| (n, Some(v), false)),
    );
    fields.extend(
        first_field(MODIFIED_FIELDS)
            .into_iter()
            .map(|(n, v)| (n, Some(v), true)),
    );
    fields.push((
        "JSON-LD dateModified".into(),
        linked
            .article_field("dateModified")
            .or_else(|| json_field(jsonld, r#""dateModified"\s*:\s*"((?:[^"\\]|\\.)+)""#)),
        true,
    ));
    let mut dates: Vec<MetaDate> = Vec::new();
    let mut instants: Vec<Option<DateTime<FixedOffset>>> = Vec::new();
    for (field, value, modified) in fields {
        if let Some((date, instant)) = value.as_deref().and_then(meta_day) {
            dates.push(MetaDate {
                field,
                date,
                modified,
                utc_time: instant.is_some_and(|t| t.offset().local_minus_utc() == 0),
            });
            instants.push(instant);
        }
    }
    local_date_first(&mut dates, &instants);
    dates
}

/// The day a metadata value names, as written (the day in the offset it
/// gives), and the moment when it gives a time with an offset: ISO 8601
/// ("2024-09-27", "2024-09-27T14:03:00+03:00", "2024/09/27 14:03"), its
/// basic form ("20240927", "20240927T140300Z"), RFC 2822 ("Fri, 27 Sep
/// 2024 10:00:00 GMT") and the month in words ("September 27, 2024", "27
/// Sep 2024").
fn meta_day(value: &str) -> Option<(NaiveDate, Option<DateTime<FixedOffset>>)> {
    let v = value.trim();
    let plausible = |d: NaiveDate| (1990..=2100).contains(&chrono::Datelike::year(&d));
    let instant = DateTime::parse_from_rfc3339(v)
        .or_else(|_| DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok();
    let ymd = v.get(..10).and_then(|head| {
        ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(head, f).ok())
    });
    if let Some(d) = ymd.filter(|d| plausible(*d)) {
        return Some((d, instant));
    }
    let basic = v.get(..8).filter(|head| {
        head.bytes().all(|b| b.is_ascii_digit())
            && !v.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    });
    if let Some(d) = basic.and_then(|h| NaiveDate::parse_from_str(h, "%Y%m%d").ok()) {
        return plausible(d).then_some((d, None));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(v) {
        return plausible(t.date_naive()).then_some((t.date_naive(), Some(t)));
    }
    static WORDS: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        Regex::new(r"^(?:[A-Z][a-z]+,? )?(?:([A-Z][a-z]+)\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Z][a-z]+)\.? (\d{4}))\b")
            .expect("static pattern")
    });
    let c = words.captures(v)?;
    let (month, day, year) = match (c.get(1), c.get(4)) {
        (Some(m), _) => (m.as_str(), &c[2], &c[3]),
        (None, Some(d)) => (&c[5], d.as_str(), &c[6]),
        _ => return None,
    };
    let month = month.get(..3)?;
    let d = NaiveDate::parse_from_str(&format!("{day} {month} {year}"), "%d %b %Y").ok()?;
    plausible(d).then_some((d, None))
}

/// The site's name: for sharing (`og:site_name`) or as the JSON-LD's
/// publisher, the one written with spaces when they differ by them only;
/// else a publisher field, the name the header prints, the window title's
/// tail after the headline.
fn outlet_of(doc: &Html, tags: &MetaTags, linked: &LinkedData, jsonld: &str) -> Option<String> {
    let site_name = tags.get("og:site_name");
    let publisher = json_field(
        jsonld,
        r#""publisher"\s*:\s*\{[^}]*?"name"\s*:\s*"((?:[^"\\]|\\.)+)""#,
    )
    .or_else(|| linked.publisher());
    match (site_name, publisher) {
        // "GulfObserver" as the site's name for sharing, "The Gulf
        // Observer" as the publisher: the name as it is written.
        (Some(site), Some(publisher)) if squashed_alike(&site, &publisher) => Some(publisher),
        (site, publisher) => site.or(publisher),
    }
    .or_else(|| {
        PUBLISHER_FIELDS
            .iter()
            .filter_map(|f| tags.get(f))
            .find(|p| {
                !p.contains("://")
                    && !p.contains('@')
                    && (1..=8).contains(&p.split_whitespace().count())
            })
    })
    .or_else(|| site_name_printed(doc))
    .or_else(|| heading_linking_home(doc))
    .or_else(|| {
        // "Headline - Harbour Ledger" as the window's title, the headline
        // as the page prints it: the rest is the site's name.
        let window = text_of(doc, "title")?;
        let heads = [
            tags.get("og:title"),
            linked.article_field("headline"),
            json_field(jsonld, r#""headline"\s*:\s*"((?:[^"\\]|\\.)+)""#),
            // A logo set as the page's `<h1>` is the site's name.
            text_of(doc, "h1:not([class*=\"logo\"])"),
        ];
        heads
            .into_iter()
            .flatten()
            .find_map(|head| site_after_headline(&window, &head))
    })
}

/// The headline for sharing, the article's in its JSON-LD, or the
/// window's title, with " | Site" after it or "Site - " before it dropped.
fn title_of(
    doc: &Html,
    tags: &MetaTags,
    linked: &LinkedData,
    jsonld: &str,
    outlet: Option<&str>,
) -> Option<String> {
    let mut title = tags
        .get("og:title")
        .or_else(|| tags.get("twitter:title"))
        .or_else(|| linked.article_field("headline"))
        .or_else(|| json_field(jsonld, r#""headline"\s*:\s*"((?:[^"\\]|\\.)+)""#))
        .or_else(|| text_of(doc, "title"));
    // "Headline | Outlet", "Outlet - Headline": the site's name dropped.
    if let (Some(t), Some(o)) = (&title, outlet) {
        for sep in TITLE_SEPARATORS {
            let stripped = t
                .strip_suffix(&format!("{sep}{o}"))
                .or_else(|| t.strip_prefix(&format!("{o}{sep}")))
                // "Mosul Notebook: The coalition's last year", a blog's.
                .or_else(|| t.strip_prefix(&format!("{o}: ")));
            if let Some(stripped) = stripped.filter(|h| !h.trim().is_empty()) {
                title = Some(stripped.to_string());
                break;
            }
        }
    }
    title
}

/// A blog's name as its page heading, a link to the site's root ("/" or
/// "https://blog.example/"): `<h1 class="title"><a href="https://
/// notebook.example/">Mosul Notebook</a></h1>` over a post's own heading.
fn heading_linking_home(doc: &Html) -> Option<String> {
    static ROOT: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let root =
        ROOT.get_or_init(|| Regex::new(r"^(?:/|https?://[^/?#]+/?)$").expect("static pattern"));
    let sel = Selector::parse("h1 a[href]").expect("static selector");
    doc.select(&sel).find_map(|a| {
        let href = a.value().attr("href")?.trim();
        let name = collapse(&a.text().collect::<String>());
        (root.is_match(href)
            && (1..=6).contains(&name.split_whitespace().count())
            && !name.eq_ignore_ascii_case("home"))
        .then_some(name)
    })
}

/// The kinds of JSON-LD node an article is.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
];

/// A page's JSON-LD nodes: each script's top-level nodes, the members of
/// its `@graph`, and a web page's `mainEntity`. Each script is parsed on
/// its own; one that does not parse gives none.
struct LinkedData {
    nodes: Vec<Value>,
}

impl LinkedData {
    fn parse(scripts: &[String]) -> LinkedData {
        let mut nodes: Vec<Value> = Vec::new();
        for text in scripts {
            let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
                continue;
            };
            let top = match value {
                Value::Array(items) => items,
                other => vec![other],
            };
            for node in top {
                if let Some(Value::Array(graph)) = node.get("@graph") {
                    nodes.extend(graph.iter().cloned());
                }
                if let Some(main @ Value::Object(_)) = node.get("mainEntity") {
                    nodes.push(main.clone());
                }
                nodes.push(node);
            }
        }
        LinkedData { nodes }
    }

    fn is_type(node: &Value, types: &[&str]) -> bool {
        match node.get("@type") {
            Some(Value::String(s)) => types.contains(&s.as_str()),
            Some(Value::Array(ts)) => ts
                .iter()
                .any(|x| x.as_str().is_some_and(|t| types.contains(&t))),
            _ => false,
        }
    }

    /// The article's own node: the first of an article's types.
    fn article(&self) -> Option<&Value> {
        self.nodes.iter().find(|n| Self::is_type(n, ARTICLE_TYPES))
    }

    /// A string field of the article's node, as text.
    fn article_field(&self, key: &str) -> Option<String> {
        let raw = self.article()?.get(key)?.as_str()?;
        Some(as_text(raw)).filter(|s| !s.is_empty())
    }

    /// The article's authors' names, joined as a field would write them.
    fn article_author(&self) -> Option<String> {
        let names: Vec<String> = match self.article()?.get("author")? {
            Value::Array(items) => items.iter().filter_map(|a| self.name_of(a)).collect(),
            one => self.name_of(one).into_iter().collect(),
        };
        (!names.is_empty()).then(|| names.join(", "))
    }

    /// A node's name, or the name of the node its `@id` refers to.
    fn name_of(&self, v: &Value) -> Option<String> {
        let v = match v {
            Value::Array(items) => items.first()?,
            other => other,
        };
        let own = |n: &Value| {
            n.get("name")
                .and_then(Value::as_str)
                .map(as_text)
                .filter(|n| !n.is_empty())
        };
        own(v).or_else(|| {
            let id = v.get("@id")?.as_str()?;
            self.nodes
                .iter()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
                .and_then(own)
        })
    }

    /// The publisher a graph names by reference, as SEO plugins write it
    /// (`"publisher": {"@id": "https://site/#organization"}` and the
    /// organisation's node elsewhere in the `@graph`), or failing a
    /// publisher, the graph's `WebSite` node's name.
    fn publisher(&self) -> Option<String> {
        self.nodes
            .iter()
            .find_map(|n| n.get("publisher").and_then(|p| self.name_of(p)))
            .or_else(|| {
                // "Harbour Observer - news from the Gulf": a site's name
                // often carries its tagline.
                let site = self
                    .nodes
                    .iter()
                    .filter(|n| Self::is_type(n, &["WebSite"]))
                    .find_map(|n| self.name_of(n))?;
                let cut = [" - ", " | ", " – ", " — ", ": "]
                    .iter()
                    .filter_map(|sep| site.find(sep))
                    .min()
                    .unwrap_or(site.len());
                Some(site[..cut].trim().to_string()).filter(|n| !n.is_empty())
            })
    }
}

/// A JSON-LD string as the text it stands for: the HTML entities content
/// systems leave in it (`&amp;`, `&#8217;`) read, spaces collapsed.
fn as_text(raw: &str) -> String {
    if raw.contains('&') {
        collapse(
            &Html::parse_fragment(raw)
                .root_element()
                .text()
                .collect::<String>(),
        )
    } else {
        collapse(raw)
    }
}

/// `s` with every run of white space one space, none at the ends.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "2024-08-06T03:40:00Z" in `article:published_time` and
/// "2024-08-05T23:40:00-04:00" in the JSON-LD: one moment, written in UTC
/// and in the publisher's own time. The day is the one the page prints
/// (as its readers' clocks read it), so the publication field written
/// with an offset other than UTC's goes first when another, in UTC, gives
/// the same moment on another day.
fn local_date_first(
    dates: &mut Vec<MetaDate>,
    instants: &[Option<chrono::DateTime<chrono::FixedOffset>>],
) {
    let Some(first) = (0..dates.len()).find(|&i| !dates[i].modified) else {
        return;
    };
    if !dates[first].utc_time {
        return;
    }
    let same_moment = |i: usize| {
        instants[i]
            .zip(instants[first])
            .is_some_and(|(a, b)| (a.timestamp() - b.timestamp()).abs() <= 60)
    };
    if let Some(local) = (first + 1..dates.len()).find(|&i| {
        !dates[i].modified
            && !dates[i].utc_time
            && same_moment(i)
            && dates[i].date != dates[first].date
    }) {
        let kept = dates.remove(local);
        dates.insert(first, kept);
    }
}

/// The people a metadata author field names ("Jane Roe and John Doe"):
/// never an address, the site's own name or a desk ("Staff", "Reuters").
fn meta_authors(field: Option<String>, outlet: Option<&str>) -> Vec<String> {
    let Some(field) = field else {
        return Vec::new();
    };
    if field.contains("://") || field.contains('@') {
        return Vec::new();
    }
    field
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (2..=5).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                })
                && words
                    .first()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                && !outlet.is_some_and(|o| o.eq_ignore_ascii_case(name))
                && !name.to_lowercase().contains("staff")
        })
        .map(str::to_string)
        .collect()
}

/// Is `squashed` ("GulfObserver", "gulf-observer") `spaced` ("The Gulf
/// Observer") with its spaces, punctuation, case or leading "The" dropped,
/// and is `spaced` the one with the spaces?
fn squashed_alike(squashed: &str, spaced: &str) -> bool {
    let key = |s: &str| -> String {
        let s = s.trim();
        let s = s
            .get(..4)
            .filter(|the| the.eq_ignore_ascii_case("the "))
            .map_or(s, |the| &s[the.len()..]);
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    !squashed.trim().contains(' ') && spaced.trim().contains(' ') && key(squashed) == key(spaced)
}

/// What stands between a headline and the site's name in a window title.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// "Harbour Ledger" in "Talks resume - Harbour Ledger" (or "Talks resume
/// | Iraq | Harbour Ledger") when the headline is "Talks resume": one to
/// six words after the last separator.
fn site_after_headline(window: &str, headline: &str) -> Option<String> {
    let rest = window.strip_prefix(headline.trim())?;
    let rest = TITLE_SEPARATORS
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?;
    // "Headline - Middle East - Harbour Ledger": the section, then the site.
    let site = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| rest.rfind(sep).map(|at| &rest[at + sep.len()..]))
        .min_by_key(|tail| tail.len())
        .unwrap_or(rest)
        .trim();
    (1..=6)
        .contains(&site.split_whitespace().count())
        .then(|| site.to_string())
}

/// The site's name as its header prints it, for a page without metadata:
/// the logo's text alternative (`<a class="logo"><img alt="Gulf Ledger">`,
/// "Gulf Ledger logo") or a theme's site title (`<p class="site-title">`).
fn site_name_printed(doc: &Html) -> Option<String> {
    // (The selector, the attribute holding the name or `None` for the
    // element's text, the fewest words: a link home in the header may be a
    // menu's "Home" or "News", a site's name has two words or more.)
    const PLACES: &[(&str, Option<&str>, usize)] = &[
        (
            "[class*=\"logo\"] img[alt], img[class*=\"logo\"][alt], [id*=\"logo\"] img[alt]",
            Some("alt"),
            1,
        ),
        (
            "header a[href=\"/\"] img[alt], [class*=\"brand\"] img[alt]",
            Some("alt"),
            1,
        ),
        // The logo as a link home in words: `<h1 class="logo"><a
        // href="/">Kirkuk Times</a></h1>`.
        (
            "[class*=\"logo\"] a[href=\"/\"], a[href=\"/\"][class*=\"logo\"]",
            None,
            1,
        ),
        (".site-title, .site-name, [class*=\"site-title\"]", None, 1),
        // The masthead's name as a link home, in words: "<a class="brand"
        // href="/">Harbour Ledger</a>", WordPress's rel="home".
        ("a[class*=\"brand\"], a[rel=\"home\"]", None, 1),
        (
            "header a[href=\"/\"], [class*=\"masthead\"] a[href=\"/\"]",
            None,
            2,
        ),
    ];
    PLACES.iter().find_map(|(css, attr, fewest)| {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel).find_map(|e| {
            let raw = match attr {
                Some(a) => e.value().attr(a)?.to_string(),
                None => e.text().collect::<String>(),
            };
            let name = collapse(&raw);
            let name = ["logo", "Logo", "LOGO", "homepage", "Homepage", "home page"]
                .iter()
                .fold(name.as_str(), |n, w| {
                    n.strip_suffix(w)
                        .unwrap_or(n)
                        .trim_end_matches([' ', '-', '|'])
                })
                .trim();
            let words = name.split_whitespace().count();
            ((*fewest..=6).contains(&words)
                && name.chars().any(char::is_alphabetic)
                && !name.eq_ignore_ascii_case("home"))
            .then(|| name.to_string())
        })
    })
}

/// The first string `pattern` captures in a page's JSON-LD, as the text it
/// stands for: JSON's escapes read (`\u2019`, `\"`, `\/`), then the HTML
/// entities that content systems leave in it (`&amp;`, `&#8217;`,
/// `&nbsp;`), spaces collapsed.
fn json_field(json: &str, pattern: &str) -> Option<String> {
    let raw = Regex::new(pattern).ok()?.captures(json)?.get(1)?.as_str();
    let text =
        serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string());
    Some(as_text(&text)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_metadata_date_in_any_common_shape() {
        let read = |v: &str| meta_day(v).map(|(d, _)| d);
        for v in [
            "2024-09-27",
            "2024-09-27T14:03:00+03:00",
            "2024-09-27T14:03:00+0300",
            "2024/09/27 14:03",
            "20240927",
            "20240927T140300Z",
            "Fri, 27 Sep 2024 10:00:00 GMT",
            "September 27, 2024",
            "Sept. 27, 2024 2:03 PM",
            "27 September 2024",
            "Friday, 27 Sep 2024",
        ] {
            assert_eq!(read(v), Some(day(2024, 9, 27)), "{v}");
        }
        // A moment written in UTC is known as one; the day is as written.
        let (d, t) = meta_day("2024-08-06T01:12:00Z").unwrap();
        assert_eq!(d, day(2024, 8, 6));
        assert_eq!(t.unwrap().offset().local_minus_utc(), 0);
        for v in [
            "",
            "0000-00-00",
            "1404-07-05",
            "202409",
            "2024092712",
            "yesterday",
            "27/09/2024",
        ] {
            assert_eq!(read(v), None, "{v}");
        }
    }

    fn meta_of(head: &str) -> SourceMeta {
        let html = format!("<html><head>{head}</head><body><p>x</p></body></html>");
        let doc = Html::parse_document(&html);
        let sel = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
        let scripts: Vec<String> = doc.select(&sel).map(|e| e.text().collect()).collect();
        metadata(&doc, &scripts)
    }

    #[test]
    fn fields_by_any_name_attribute_and_case() {
        let m = meta_of(
            r#"<meta name="og:site_name" content="Basra Courier"><meta name="Author" content="Sara Smith"><meta name="DC.Date.Issued" content="2024-09-27">"#,
        );
        assert_eq!(m.outlet.as_deref(), Some("Basra Courier"));
        assert_eq!(m.authors, vec!["Sara Smith".to_string()]);
        assert_eq!(m.published, Some(day(2024, 9, 27)));
        assert_eq!(m.dates[0].field, "dc.date.issued");
        // A publisher's field names the site when nothing else does; an
        // author's page (a link) is no author's name.
        let m = meta_of(
            r#"<meta name="citation_publisher" content="Institute for Gulf Affairs"><meta property="article:author" content="https://example.org/staff/jroe"><meta name="sailthru.author" content="Jane Roe"><meta name="sailthru.date" content="2024-01-05 08:00:00">"#,
        );
        assert_eq!(m.outlet.as_deref(), Some("Institute for Gulf Affairs"));
        assert_eq!(m.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(m.published, Some(day(2024, 1, 5)));
        // The modification date is no publication date.
        let m = meta_of(r#"<meta property="og:updated_time" content="2024-02-01T10:00:00Z">"#);
        assert_eq!(m.published, None);
        assert!(m.dates[0].modified);
    }

    #[test]
    fn a_logo_heading_names_the_site_before_the_headline() {
        let html = "<html><head><title>Kirkuk Times - Talks resume</title></head><body><h1 class=\"logo\"><a href=\"/\">Kirkuk Times</a></h1><h2>Talks resume</h2><p>x</p></body></html>";
        let doc = Html::parse_document(html);
        let m = metadata(&doc, &[]);
        assert_eq!(m.outlet.as_deref(), Some("Kirkuk Times"));
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        assert!(Selector::parse("h1:not([class*=\"logo\"])").is_ok());
        // A blog's name: its heading links to the blog's root address, and
        // its window title is "Blog: Post".
        let html = "<html><head><title>Mosul Notebook: Talks resume</title></head><body><h1 class=\"title\"><a href=\"https://notebook.example/\">Mosul Notebook</a></h1><h3>Talks resume</h3><p>x</p></body></html>";
        let m = metadata(&Html::parse_document(html), &[]);
        assert_eq!(m.outlet.as_deref(), Some("Mosul Notebook"));
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        // A headline linking to its own page is no site's name.
        let html = "<html><body><h1><a href=\"https://notebook.example/2024/01/talks.html\">Talks resume</a></h1></body></html>";
        assert_eq!(metadata(&Html::parse_document(html), &[]).outlet, None);
    }

    #[test]
    fn the_articles_own_node_over_the_related_stories() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle","headline":"Older story","datePublished":"2023-01-05T10:00:00Z","author":{"@type":"Person","name":"Omar Farid"}}}]}</script>
<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Talks resume","datePublished":"2024-09-27T10:00:00+03:00","author":[{"@type":"Person","name":"Lina Haddad"}]}}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        assert_eq!(m.published, Some(day(2024, 9, 27)));
        assert_eq!(m.authors, vec!["Lina Haddad".to_string()]);
        // A script that does not parse is still read by pattern.
        let m = meta_of(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\",\"datePublished\":\"2024-03-02\",}</script>",
        );
        assert_eq!(m.published, Some(day(2024, 3, 2)));
    }
}
