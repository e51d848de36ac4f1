//! Stage 5, render: turn briefs, topics, sources and their analysis into
//! HTML pages with the theme's Tera templates.
//!
//! Rendering is a pure function from plain data to [`Page`]s (path + bytes);
//! writing them is the output stage's job. Pages render in parallel, and
//! Markdown is rendered once per brief or topic, not once per page using it.

pub mod highlight;
pub mod link_check;
pub mod links;
pub mod markdown;
pub mod publish;
pub mod theme;
pub mod views;

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::analyse::Analysis;
use crate::brief::Brief;
use crate::cache::{Hasher, KeyMemo};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::SourceText;
use crate::topic::Topic;
use links::ContentLinks;
pub use theme::Theme;
use views::*;

/// How many briefs the front page lists.
pub const FRONT_PAGE_BRIEFS: usize = 10;

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path from the output root, with `/` separators (`briefs/x.html`).
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Everything the renderer reads.
pub struct RenderInput<'a> {
    /// Site settings.
    pub config: &'a SiteConfig,
    /// Raw sources.
    pub sources: &'a [SourceText],
    /// Briefs.
    pub briefs: &'a [Brief],
    /// Topics, in menu order.
    pub topics: &'a [Topic],
    /// The cross-links.
    pub analysis: &'a Analysis,
    /// Ticked once per rendered page, for long builds.
    pub progress: Option<&'a indicatif::ProgressBar>,
    /// Where page keys are remembered for the next build, and read from
    /// the previous one.
    pub memo: Option<&'a RenderMemo>,
    /// Pages whose key equals the previous build's are not rendered (the
    /// caller has that build's files).
    pub skip_unchanged: bool,
}

/// The keys of the previous build's pages, and the links each brief body
/// looked up (by a hash of the body), so that a page's key can be computed
/// without rendering its Markdown. And, per brief page, what it shows
/// besides its body, so that an edit to a brief's text alone can re-render
/// its page without the rest of the site ([`brief_page_after_text_edit`]).
#[derive(Default)]
pub struct RenderMemo {
    /// Output path -> key of the page's inputs (template set and context).
    pub pages: KeyMemo<String, u128>,
    /// Hash of a brief's Markdown -> the link targets it asked to resolve.
    pub body_links: KeyMemo<u128, Vec<String>>,
    /// Brief page path -> the page's values besides the body and site-wide
    /// ones. Megabytes in all: kept in 64 shards, of which a text edit
    /// reads one. Other builds do not read it: they put the values that
    /// changed (see `brief_value_keys`), written beside the others.
    pub brief_values: KeyMemo<String, PackedValues, 64>,
    /// Brief page path -> the key of its values in `brief_values`.
    pub brief_value_keys: KeyMemo<String, u128>,
    /// Brief page path -> the key of its body and where its links led.
    pub brief_bodies: KeyMemo<String, BriefBodyLinks>,
}

/// What a brief's page shows besides its body and the site-wide values:
/// its facts with their source lines and links, its card and related
/// briefs. Made by the analysis of the whole site; kept for the next build.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct BriefPageValues {
    /// Hash of the theme and of every value below, as the page key has it.
    key: u128,
    people: Arc<Vec<FactView>>,
    figure_facts: Arc<Vec<FactView>>,
    date_facts: Arc<Vec<FactView>>,
    brief: Arc<BriefCard>,
    key_points: Arc<Vec<FactView>>,
    related: Arc<Vec<RelatedView>>,
}

/// [`BriefPageValues`] as the memo keeps them: encoded, so that a build
/// that rewrites a shard of them copies the entries it keeps as bytes, and
/// the text-edit build decodes only the pages it renders.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PackedValues(#[serde(with = "serde_bytes")] Vec<u8>);

impl PackedValues {
    fn pack(values: &BriefPageValues) -> PackedValues {
        PackedValues(postcard::to_allocvec(values).unwrap_or_default())
    }

    /// `None` if the bytes do not decode (the page is then made anew).
    fn unpack(&self) -> Option<BriefPageValues> {
        postcard::from_bytes(&self.0).ok()
    }
}

/// A brief page's body as the page key has it: the hash of the Markdown and
/// where each link target in it resolved.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct BriefBodyLinks {
    key: u128,
    /// Link target as written -> the URL it became (`None`: left as written).
    links: Vec<(String, Option<String>)>,
}

/// The rendered site: pages rendered now, and pages whose inputs did not
/// change since the build that `RenderInput::memo` came from.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Rendered files (pages, feeds, index files), sorted by path.
    pub pages: Vec<Page>,
    /// Paths of pages not rendered because their inputs are unchanged: the
    /// previous build's file is still right.
    pub unchanged: Vec<String>,
    /// Links in briefs that lead nowhere, at their file and line (the build
    /// fails on them unless told to publish anyway).
    pub broken_links: Vec<Diagnostic>,
}

/// A page job's result.
enum Rendered {
    Page(Page),
    Unchanged(String),
}

/// A page's template values, hashed as they are added: the page's key. They
/// become a Tera context only if the page is rendered.
struct PageContext<'a> {
    values: Vec<(&'static str, Box<dyn ContextValue + 'a>)>,
    key: Hasher,
}

/// A value that can be put into a Tera context (object-safe `Serialize`).
trait ContextValue {
    fn insert_into(&self, name: &'static str, ctx: &mut Context);
}

impl<T: Serialize> ContextValue for T {
    fn insert_into(&self, name: &'static str, ctx: &mut Context) {
        ctx.insert(name, self);
    }
}

/// A value made in Tera's own form when the page is rendered. Parts that
/// many pages show (brief cards, the site view) are converted once per
/// build; a clone of a converted list or map is a reference count, where
/// inserting the Rust value would convert it again for every page.
struct TeraValue<F>(F);

impl<F: Fn() -> tera::Value> ContextValue for TeraValue<F> {
    fn insert_into(&self, name: &'static str, ctx: &mut Context) {
        ctx.insert_value(name, (self.0)());
    }
}

impl<'a> PageContext<'a> {
    fn new(theme_key: u128) -> Self {
        let mut key = Hasher::new();
        key.value(&theme_key);
        PageContext {
            values: Vec::new(),
            key,
        }
    }

    fn insert<T: Serialize + 'a>(&mut self, name: &'static str, value: T) {
        self.key.bytes(name.as_bytes()).value(&value);
        self.values.push((name, Box::new(value)));
    }

    /// [`PageContext::insert`] with `key` standing for `value` in the page
    /// key: for values shared by many pages (brief cards, the site view),
    /// hashed once per build rather than once per page.
    fn insert_keyed<T: Serialize + 'a>(&mut self, name: &'static str, value: T, key: u128) {
        self.key.bytes(name.as_bytes()).value(&key);
        self.values.push((name, Box::new(value)));
    }

    /// [`PageContext::insert_keyed`] of a value made in Tera's form
    /// (by `make`, only if the page is rendered).
    fn insert_tera<F: Fn() -> tera::Value + 'a>(&mut self, name: &'static str, make: F, key: u128) {
        self.key.bytes(name.as_bytes()).value(&key);
        self.values.push((name, Box::new(TeraValue(make))));
    }

    /// A page whose first values are covered by `key` (made by
    /// [`PageContext::restart_key`] in an earlier build).
    fn resumed(key: u128) -> Self {
        let mut hasher = Hasher::new();
        hasher.value(&key);
        PageContext {
            values: Vec::new(),
            key: hasher,
        }
    }

    /// The key of the values added so far; the page key goes on from it.
    fn restart_key(&mut self) -> u128 {
        let key = self.key.finish();
        self.key = Hasher::new();
        self.key.value(&key);
        key
    }

    /// A value that the key already covers ([`PageContext::resumed`]).
    fn insert_covered<T: Serialize + 'a>(&mut self, name: &'static str, value: T) {
        self.values.push((name, Box::new(value)));
    }

    /// The values of [`BriefPageValues`], covered by its key.
    fn insert_brief_values(&mut self, v: &BriefPageValues) {
        self.insert_covered("people", v.people.clone());
        self.insert_covered("figure_facts", v.figure_facts.clone());
        self.insert_covered("date_facts", v.date_facts.clone());
        self.insert_covered("brief", v.brief.clone());
        self.insert_covered("key_points", v.key_points.clone());
        self.insert_covered("related", v.related.clone());
    }

    /// The site-wide values and the page's own; returns the key with
    /// everything but a brief body.
    fn seal(
        &mut self,
        site: &tera::Value,
        site_key: u128,
        template: &str,
        meta: &PageMeta<'_>,
    ) -> Hasher {
        let site = site.clone();
        self.insert_tera("site", move || site.clone(), site_key);
        self.insert("root", links::root_prefix(&meta.path));
        self.key.bytes(template.as_bytes()).value(meta);
        self.key.clone()
    }

    fn into_context(self) -> Context {
        let mut ctx = Context::new();
        for (name, value) in &self.values {
            value.insert_into(name, &mut ctx);
        }
        ctx
    }
}

/// What one page is, before it is rendered.
enum Job {
    Index,
    Topics,
    Topic(usize),
    Briefs,
    Brief(usize),
    Sources,
    Source(usize),
    Entities,
    Entity(usize),
    Figures,
    Timeline,
    Search,
    NotFound,
}

/// Views shared by many pages, computed once.
struct Shared {
    site: SiteView,
    /// `site` in Tera's form.
    site_value: tera::Value,
    /// Hash of `site`.
    site_key: u128,
    links: ContentLinks,
    cards: Vec<Arc<BriefCard>>,
    /// Hash of each card, parallel to `cards`.
    card_keys: Vec<u128>,
    /// Each card in Tera's form, made when a page first needs it.
    card_values: Vec<std::sync::OnceLock<tera::Value>>,
    /// Per brief, the entities it names: (entity, index of the brief's
    /// mention), in entity order. Built once, not searched for per page.
    brief_mentions: Vec<Vec<(usize, usize)>>,
    topic_cards: Vec<TopicCard>,
    topic_summaries: Vec<String>,
    entity_cards: Vec<EntityCard>,
}

impl Shared {
    /// The card of brief `b` in Tera's form.
    fn card_value(&self, b: usize) -> tera::Value {
        self.card_values[b]
            .get_or_init(|| tera::Value::from_serializable(&*self.cards[b]))
            .clone()
    }

    /// The cards of `briefs` as one Tera list. Converted in parallel: the
    /// list of all briefs is made by one page job, and is most of its cost.
    fn card_list(&self, briefs: &[usize]) -> tera::Value {
        let values: Vec<tera::Value> = briefs
            .par_iter()
            .with_min_len(256)
            .map(|&b| self.card_value(b))
            .collect();
        tera::Value::from(values)
    }

    /// The page-key part of a list of briefs: their cards' hashes.
    fn cards_key(&self, briefs: impl IntoIterator<Item = usize>) -> u128 {
        let mut h = Hasher::new();
        for b in briefs {
            h.value(&self.card_keys[b]);
        }
        h.finish()
    }

    fn line_ref(&self, brief: usize, line: usize) -> LineRef {
        LineRef {
            line,
            url: self.cards[brief]
                .source_url
                .as_ref()
                .map(|u| format!("{u}#L{line}")),
        }
    }

    fn statement(&self, brief: usize, line: usize, text: &str, note: Option<String>) -> Statement {
        Statement {
            brief: self.cards[brief].clone(),
            text: text.to_string(),
            at: self.line_ref(brief, line),
            note,
        }
    }
}

/// Render every page of the site. Errors (template failures) are all
/// collected; identical messages from many pages are reported once.
pub fn render_site(input: &RenderInput<'_>, theme: &Theme) -> Result<RenderedSite, Diagnostics> {
    let shared = shared_views(input);
    let mut jobs = vec![
        Job::Index,
        Job::Topics,
        Job::Briefs,
        Job::Sources,
        Job::Entities,
        Job::Figures,
        Job::Timeline,
        Job::Search,
        Job::NotFound,
    ];
    jobs.extend((0..input.analysis.entities.len()).map(Job::Entity));
    jobs.extend((0..input.topics.len()).map(Job::Topic));
    jobs.extend((0..input.briefs.len()).map(Job::Brief));
    jobs.extend((0..input.sources.len()).map(Job::Source));

    if let Some(bar) = input.progress {
        bar.set_length(jobs.len() as u64);
    }
    // The search index and analysis.json are the two largest files and each
    // is made on one core: made beside the pages, not after them, they do
    // not hold up the end of the build.
    let (results, (search_index, export)) = rayon::join(
        || {
            jobs.par_iter()
                .inspect(|_| {
                    if let Some(bar) = input.progress {
                        bar.inc(1);
                    }
                })
                .map(|job| render_job(job, input, &shared, theme))
                .collect::<Vec<Result<Rendered, Diagnostic>>>()
        },
        || rayon::join(|| search_index_file(input), || analysis_file(input)),
    );
    let mut pages = Vec::with_capacity(results.len());
    let mut unchanged = Vec::new();
    let mut html_paths = Vec::with_capacity(results.len());
    let mut errors = Diagnostics::new();
    for r in results {
        match r {
            Ok(Rendered::Page(p)) => {
                html_paths.push(p.path.clone());
                pages.push(p);
            }
            Ok(Rendered::Unchanged(path)) => {
                html_paths.push(path.clone());
                unchanged.push(path);
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        html_paths.sort();
        pages.extend(publish::feeds_and_sitemap(input, &html_paths));
        for file in [search_index, export] {
            match file {
                Rendered::Page(page) => pages.push(page),
                Rendered::Unchanged(path) => unchanged.push(path),
            }
        }
        // GitHub Pages: serve files as they are (no Jekyll), on a custom domain if asked.
        pages.push(Page {
            path: ".nojekyll".to_string(),
            bytes: Vec::new(),
        });
        pages.push(publish::robots_txt(input));
        if let Some(cname) = input.config.cname.as_deref().filter(|c| !c.is_empty()) {
            pages.push(Page {
                path: "CNAME".to_string(),
                bytes: format!("{cname}\n").into_bytes(),
            });
        }
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        unchanged.sort();
        let broken_links = check_links(input, theme, &shared, &html_paths);
        Ok(RenderedSite {
            pages,
            unchanged,
            broken_links,
        })
    } else {
        Err(errors)
    }
}

/// Every link of every brief that leads to no file of this site.
fn check_links(
    input: &RenderInput<'_>,
    theme: &Theme,
    shared: &Shared,
    html_paths: &[String],
) -> Vec<Diagnostic> {
    let mut files: std::collections::HashSet<String> = html_paths.iter().cloned().collect();
    files.extend(theme.static_files.keys().cloned());
    for extra in [
        links::ANALYSIS_JSON,
        "feed.xml",
        "sitemap.xml",
        "assets/search-index.js",
    ] {
        files.insert(extra.to_string());
    }
    let mut names: Vec<String> = input
        .briefs
        .iter()
        .map(|b| format!("{}.md", b.slug))
        .collect();
    names.extend(input.topics.iter().map(|t| format!("{}.md", t.slug)));
    names.extend(input.sources.iter().map(|s| s.rel_path.clone()));
    let site = link_check::SiteFiles {
        files,
        links: &shared.links,
        sources: input.sources,
        names,
    };
    link_check::broken_links(input.briefs, &site)
}

/// `assets/search-index.js`, or that it stands as the previous build made it.
fn search_index_file(input: &RenderInput<'_>) -> Rendered {
    match publish::search_index(input, |key| {
        unchanged_since(input, publish::SEARCH_INDEX, key)
    }) {
        Some(page) => Rendered::Page(page),
        None => Rendered::Unchanged(publish::SEARCH_INDEX.to_string()),
    }
}

/// `analysis.json`, or that it stands as the previous build made it.
fn analysis_file(input: &RenderInput<'_>) -> Rendered {
    let export =
        crate::analyse::JsonExport::new(input.analysis, input.briefs, input.topics, input.sources);
    // Its key is the hash of its bytes: hashing the analysis instead costs
    // as much as writing it.
    let bytes = export.to_json().into_bytes();
    let key = Hasher::new().bytes(&bytes).finish();
    if unchanged_since(input, links::ANALYSIS_JSON, key) {
        Rendered::Unchanged(links::ANALYSIS_JSON.to_string())
    } else {
        Rendered::Page(Page {
            path: links::ANALYSIS_JSON.to_string(),
            bytes,
        })
    }
}

/// Is the file at `path`, whose inputs hash to `key`, as the previous build
/// made it (and its file is at hand)? The key is remembered either way.
fn unchanged_since(input: &RenderInput<'_>, path: &str, key: u128) -> bool {
    let Some(memo) = input.memo else {
        return false;
    };
    let same = input.skip_unchanged && memo.pages.previous(&path.to_string()) == Some(&key);
    memo.pages.put(path.to_string(), key);
    same
}

fn content_links(input: &RenderInput<'_>) -> ContentLinks {
    ContentLinks::new(
        input.briefs.iter().map(|b| b.slug.clone()),
        input.topics.iter().map(|t| t.slug.clone()),
        input
            .sources
            .iter()
            .map(|s| (s.rel_path.clone(), s.slug.clone())),
    )
}

fn shared_views(input: &RenderInput<'_>) -> Shared {
    let site = site_view(input.config, input.topics);
    let topic_by_slug: std::collections::BTreeMap<&str, &TopicLink> =
        site.topics.iter().map(|t| (t.slug.as_str(), t)).collect();
    let cards: Vec<Arc<BriefCard>> = input
        .briefs
        .iter()
        .zip(&input.analysis.briefs)
        .map(|(b, a)| {
            let source = a.source.map(|s| &input.sources[s]);
            Arc::new(BriefCard {
                slug: b.slug.clone(),
                title: b.title.clone(),
                url: links::brief(&b.slug),
                outlet: b.outlet.clone(),
                published: b.published.map(DateView::new),
                topics: b
                    .topics
                    .iter()
                    .filter_map(|t| topic_by_slug.get(t.as_str()).map(|l| (*l).clone()))
                    .collect(),
                source_url: source.map(|s| links::source(&s.slug)),
                source_file: source.map(|s| s.rel_path.clone()),
            })
        })
        .collect();
    let content_links = content_links(input);
    let topic_summaries: Vec<String> = input
        .topics
        .par_iter()
        .map(|t| {
            let page = links::topic(&t.slug);
            markdown::render(&t.summary, &|u| content_links.resolve(u, "topics", &page))
        })
        .collect();
    let topic_cards = input
        .topics
        .iter()
        .zip(&input.analysis.topics)
        .zip(&topic_summaries)
        .map(|((t, a), summary)| TopicCard {
            slug: t.slug.clone(),
            title: t.title.clone(),
            url: links::topic(&t.slug),
            lede_html: first_paragraph(summary),
            count: a.briefs.len(),
            newest: a.newest.map(DateView::new),
        })
        .collect();
    let entity_cards = input
        .analysis
        .entities
        .iter()
        .map(|e| EntityCard {
            slug: e.slug.clone(),
            url: links::entity(&e.slug),
            name: e.name.clone(),
            kind: match e.kind {
                crate::analyse::EntityKind::Person => "person".to_string(),
                crate::analyse::EntityKind::Organisation => "organisation".to_string(),
            },
            aliases: e.aliases.clone(),
            roles: e.roles.iter().map(|(r, _)| r.clone()).collect(),
            brief_count: e.mentions.len(),
        })
        .collect();
    let card_keys = cards
        .par_iter()
        .map(|c| Hasher::new().value(c).finish())
        .collect();
    let mut brief_mentions: Vec<Vec<(usize, usize)>> = vec![Vec::new(); input.briefs.len()];
    for (e, ent) in input.analysis.entities.iter().enumerate() {
        for (i, m) in ent.mentions.iter().enumerate() {
            let list = &mut brief_mentions[m.brief];
            // The first mention of a brief counts, as a search would find.
            if list.last().is_none_or(|&(last, _)| last != e) {
                list.push((e, i));
            }
        }
    }
    Shared {
        brief_mentions,
        entity_cards,
        links: content_links,
        site_key: Hasher::new().value(&site).finish(),
        site_value: tera::Value::from_serializable(&site),
        site,
        card_values: cards.iter().map(|_| std::sync::OnceLock::new()).collect(),
        cards,
        card_keys,
        topic_cards,
        topic_summaries,
    }
}

/// `site` in every template.
fn site_view(config: &SiteConfig, topics: &[Topic]) -> SiteView {
    SiteView {
        title: config.title.clone(),
        description: config.description.clone(),
        language: config.language.clone(),
        base_url: config.base_url_slash(),
        topics: topics
            .iter()
            .map(|t| topic_link(&t.slug, &t.title))
            .collect(),
    }
}

/// The first `<p>…</p>` of an HTML fragment (the summary's lede).
fn first_paragraph(html: &str) -> String {
    match (html.find("<p>"), html.find("</p>")) {
        (Some(s), Some(e)) if s < e => html[s..e + 4].to_string(),
        _ => String::new(),
    }
}

#[derive(Serialize)]
struct PageMeta<'a> {
    kind: &'a str,
    title: String,
    path: String,
    description: String,
}

fn render_job(
    job: &Job,
    input: &RenderInput<'_>,
    shared: &Shared,
    theme: &Theme,
) -> Result<Rendered, Diagnostic> {
    let a = input.analysis;
    let mut ctx = PageContext::new(theme.key);
    // A brief page's body: rendered after the key check when possible.
    let mut body: Option<BriefBody> = None;
    let (template, path, kind, title, description) = match *job {
        Job::Index => {
            let newest = &a.newest_first[..a.newest_first.len().min(FRONT_PAGE_BRIEFS)];
            let key = shared.cards_key(newest.iter().copied());
            ctx.insert("topics", &shared.topic_cards);
            ctx.insert_tera("newest", || shared.card_list(newest), key);
            ctx.insert("brief_count", input.briefs.len());
            ctx.insert("source_count", input.sources.len());
            (
                "index.html",
                links::INDEX.to_string(),
                "index",
                shared.site.title.clone(),
                shared.site.description.clone(),
            )
        }
        Job::Topics => {
            ctx.insert("topics", &shared.topic_cards);
            (
                "topics.html",
                links::TOPICS.to_string(),
                "topics",
                "Topics".to_string(),
                format!("The topics of {}", shared.site.title),
            )
        }
        Job::Topic(t) => {
            let topic = &input.topics[t];
            let ta = &a.topics[t];
            let co: Vec<CoTopic> = ta
                .co_topics
                .iter()
                .map(|&(o, count)| CoTopic {
                    topic: topic_link(&input.topics[o].slug, &input.topics[o].title),
                    count,
                })
                .collect();
            let entities: Vec<(&EntityCard, usize)> = ta
                .entities
                .iter()
                .take(16)
                .map(|&(e, n)| (&shared.entity_cards[e], n))
                .collect();
            let figures: Vec<AnchorLink> = ta
                .figures
                .iter()
                .map(|&g| {
                    let group = &a.figures[g];
                    let summary = group
                        .values
                        .iter()
                        .map(|v| {
                            format!(
                                "{} ({} source{})",
                                v.display,
                                v.brief_count,
                                if v.brief_count == 1 { "" } else { "s" }
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    AnchorLink {
                        label: group.label.clone(),
                        url: format!(
                            "{}#fig-{}",
                            links::FIGURES,
                            crate::slug::slugify(&group.label).unwrap_or_default()
                        ),
                        disagreement: group.disagreement,
                        summary: if summary.is_empty() {
                            "no number stated".to_string()
                        } else {
                            summary
                        },
                    }
                })
                .collect();
            let events: Vec<AnchorLink> = ta
                .events
                .iter()
                .map(|&e| {
                    let ev = &a.timeline.events[e];
                    AnchorLink {
                        label: ev.label.clone(),
                        url: format!("{}#ev-{}", links::TIMELINE, ev.key),
                        disagreement: ev.disagreement,
                        summary: ev
                            .versions
                            .iter()
                            .map(|v| v.when.display.clone())
                            .collect::<Vec<_>>()
                            .join(" / "),
                    }
                })
                .collect();
            let agreements: Vec<AgreementView> = ta
                .agreements
                .iter()
                .map(|ag| AgreementView {
                    text: ag.text.clone(),
                    briefs: ag.briefs.iter().map(|&b| shared.cards[b].clone()).collect(),
                })
                .collect();
            ctx.insert("entities", entities);
            ctx.insert("figures", figures);
            ctx.insert("events", events);
            ctx.insert("agreements", agreements);
            ctx.insert("topic", &shared.topic_cards[t]);
            ctx.insert("summary_html", &shared.topic_summaries[t]);
            // An entry is made from the brief's card and its passage: the key
            // hashes those, and the entries are made only if the page renders.
            let mut key = Hasher::new();
            for tb in &ta.briefs {
                key.value(&shared.card_keys[tb.brief]).value(&tb.passage);
            }
            let entries = move || {
                let entries: Vec<tera::Value> = ta
                    .briefs
                    .par_iter()
                    .with_min_len(64)
                    .map(|tb| {
                        let card = &shared.cards[tb.brief];
                        let line = tb.passage.as_ref().and_then(|p| p.line);
                        TopicEntry {
                            brief: shared.card_value(tb.brief),
                            passage_html: tb
                                .passage
                                .as_ref()
                                .map(|p| mark_phrases(&p.text, &p.found)),
                            passage_url: line.and_then(|l| {
                                card.source_url.as_ref().map(|u| format!("{u}#L{l}"))
                            }),
                            passage_line: line,
                        }
                        .into_tera()
                    })
                    .collect();
                tera::Value::from(entries)
            };
            ctx.insert_tera("entries", entries, key.finish());
            ctx.insert("co_topics", co);
            let desc = plain_excerpt(&shared.topic_cards[t].lede_html);
            (
                "topic.html",
                links::topic(&topic.slug),
                "topic",
                topic.title.clone(),
                desc,
            )
        }
        Job::Briefs => {
            let key = shared.cards_key(a.newest_first.iter().copied());
            ctx.insert_tera("briefs", || shared.card_list(&a.newest_first), key);
            (
                "briefs.html",
                links::BRIEFS.to_string(),
                "briefs",
                "All briefs".to_string(),
                format!("Every brief of {}, newest first", shared.site.title),
            )
        }
        Job::Brief(b) => {
            let brief = &input.briefs[b];
            let page = links::brief(&brief.slug);
            let bb = BriefBody::new(brief, &shared.links, &page, input.memo);
            let key_points: Vec<FactView> = brief
                .facts
                .key_points
                .iter()
                .map(|k| FactView {
                    text: k.text.clone(),
                    at: shared.line_ref(b, k.line),
                    url: None,
                    note: None,
                })
                .collect();
            let people: Vec<FactView> = shared.brief_mentions[b]
                .iter()
                .filter_map(|&(e, i)| {
                    let ent = &a.entities[e];
                    let m = &ent.mentions[i];
                    let line = *m.lines.first()?;
                    Some(FactView {
                        text: ent.name.clone(),
                        at: shared.line_ref(b, line),
                        url: Some(shared.entity_cards[e].url.clone()),
                        note: (m.form != ent.name).then(|| format!("as “{}”", m.form)),
                    })
                })
                .collect();
            let figure_facts: Vec<FactView> = brief
                .facts
                .figures
                .iter()
                .map(|f| FactView {
                    text: f.text.clone(),
                    at: shared.line_ref(b, f.line),
                    url: Some(format!(
                        "{}#fig-{}",
                        links::FIGURES,
                        crate::slug::slugify(&crate::analyse::figures::quantity_label(
                            &f.counts,
                            f.place.as_deref()
                        ))
                        .unwrap_or_default()
                    )),
                    note: None,
                })
                .collect();
            let date_facts: Vec<FactView> = brief
                .facts
                .dates
                .iter()
                .map(|d| FactView {
                    text: d.text.clone(),
                    at: shared.line_ref(b, d.line),
                    url: None,
                    note: d.note.clone(),
                })
                .collect();
            let (people, figure_facts, date_facts, key_points) = (
                Arc::new(people),
                Arc::new(figure_facts),
                Arc::new(date_facts),
                Arc::new(key_points),
            );
            ctx.insert("people", people.clone());
            ctx.insert("figure_facts", figure_facts.clone());
            ctx.insert("date_facts", date_facts.clone());
            ctx.insert_keyed("brief", &shared.cards[b], shared.card_keys[b]);
            ctx.insert("key_points", key_points.clone());
            let mut key = Hasher::new();
            for r in &a.briefs[b].related {
                key.value(&shared.card_keys[r.brief]).value(&r.reason);
            }
            let related = &a.briefs[b].related;
            let related_views = move || {
                related
                    .iter()
                    .map(|r| RelatedView {
                        brief: shared.cards[r.brief].clone(),
                        reason: r.reason.clone(),
                    })
                    .collect::<Vec<_>>()
            };
            ctx.insert_keyed("related", Lazy(related_views), key.finish());
            // Kept for a later edit of the text alone; made again only
            // when they changed.
            let values_key = ctx.restart_key();
            if let Some(m) = input.memo {
                if m.brief_value_keys.previous(&page) != Some(&values_key) {
                    let values = BriefPageValues {
                        key: values_key,
                        people,
                        figure_facts,
                        date_facts,
                        brief: shared.cards[b].clone(),
                        key_points,
                        related: Arc::new(related_views()),
                    };
                    m.brief_values
                        .put(page.clone(), PackedValues::pack(&values));
                }
                m.brief_value_keys.put(page.clone(), values_key);
                m.brief_bodies.put(
                    page.clone(),
                    BriefBodyLinks {
                        key: bb.key,
                        links: bb.links.clone(),
                    },
                );
            }
            body = Some(bb);
            // The description comes from the body, which the key covers.
            (
                "brief.html",
                page,
                "brief",
                brief.title.clone(),
                String::new(),
            )
        }
        Job::Sources => {
            let rows: Vec<SourceRow> = input
                .sources
                .iter()
                .zip(&a.sources)
                .map(|(s, sa)| SourceRow {
                    file: s.rel_path.clone(),
                    url: links::source(&s.slug),
                    brief: sa.briefs.first().map(|&b| shared.cards[b].clone()),
                })
                .collect();
            let mut rows = rows;
            // Newest first, like every other list; sources without a dated brief last.
            rows.sort_by(|x, y| {
                let dx = x
                    .brief
                    .as_ref()
                    .and_then(|b| b.published.as_ref().map(|d| d.iso.clone()));
                let dy = y
                    .brief
                    .as_ref()
                    .and_then(|b| b.published.as_ref().map(|d| d.iso.clone()));
                dy.cmp(&dx).then_with(|| x.file.cmp(&y.file))
            });
            ctx.insert("rows", rows);
            (
                "sources.html",
                links::SOURCES.to_string(),
                "sources",
                "Sources".to_string(),
                format!("The raw articles behind {}", shared.site.title),
            )
        }
        Job::Source(s) => {
            let source = &input.sources[s];
            let view = SourceView {
                file: source.rel_path.clone(),
                url: links::source(&source.slug),
                lines: source.lines().map(str::to_string).collect(),
            };
            let citing: Vec<&Arc<BriefCard>> = a.sources[s]
                .briefs
                .iter()
                .map(|&b| &shared.cards[b])
                .collect();
            let topic_links: Vec<&TopicLink> = a.sources[s]
                .topics
                .iter()
                .map(|&t| &shared.site.topics[t])
                .collect();
            // Links, not cards: a card's counts change with every brief added.
            let entity_links: Vec<EntityLink> = a.sources[s]
                .entities
                .iter()
                .map(|&e| EntityLink::from(&shared.entity_cards[e]))
                .collect();
            ctx.insert("topics", topic_links);
            ctx.insert("entities", entity_links);
            ctx.insert("source", view);
            let title = citing.first().map_or_else(
                || source.rel_path.clone(),
                |b| format!("Source: {}", b.title),
            );
            ctx.insert("briefs", citing);
            (
                "source.html",
                links::source(&source.slug),
                "source",
                title,
                format!("Raw text of {}", source.rel_path),
            )
        }
        Job::Entities => {
            let (mut people, mut orgs): (Vec<&EntityCard>, Vec<&EntityCard>) =
                shared.entity_cards.iter().partition(|e| e.kind == "person");
            for v in [&mut people, &mut orgs] {
                v.sort_by(|a, b| b.brief_count.cmp(&a.brief_count).then(a.name.cmp(&b.name)));
            }
            ctx.insert("people", people);
            ctx.insert("organisations", orgs);
            (
                "entities.html",
                links::ENTITIES.to_string(),
                "entities",
                "People and organisations".to_string(),
                format!(
                    "Everyone and every organisation named in {}",
                    shared.site.title
                ),
            )
        }
        Job::Entity(e) => {
            let entity = &a.entities[e];
            // Made only if the page renders; the key hashes the entity (its
            // mentions by brief index, form and line) and the cards of those briefs.
            let mentions = Lazy(move || {
                entity
                    .mentions
                    .iter()
                    .map(|m| EntityMention {
                        brief: shared.cards[m.brief].clone(),
                        form: m.form.clone(),
                        lines: m
                            .lines
                            .iter()
                            .map(|&l| shared.line_ref(m.brief, l))
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            });
            let mut key = Hasher::new();
            key.value(entity);
            for m in &entity.mentions {
                key.value(&shared.card_keys[m.brief]);
            }
            let card = &shared.entity_cards[e];
            ctx.insert("entity", card);
            ctx.insert("roles", &entity.roles);
            ctx.insert_keyed("mentions", mentions, key.finish());
            let desc = format!(
                "{} in {}: named by {} source{}",
                card.name,
                shared.site.title,
                card.brief_count,
                if card.brief_count == 1 { "" } else { "s" }
            );
            (
                "entity.html",
                links::entity(&entity.slug),
                "entity",
                card.name.clone(),
                desc,
            )
        }
        Job::Figures => {
            let stmt = |s: &crate::analyse::figures::FigureStatement| {
                shared.statement(s.brief, s.line, &s.text, s.qualifier.clone())
            };
            let groups = Lazy(move || {
                a.figures
                    .iter()
                    .map(|g| FigureGroupView {
                        label: g.label.clone(),
                        id: crate::slug::slugify(&g.label).unwrap_or_else(|| "figure".to_string()),
                        disagreement: g.disagreement,
                        values: g
                            .values
                            .iter()
                            .map(|v| FigureValueView {
                                display: v.display.clone(),
                                brief_count: v.brief_count,
                                statements: v.statements.iter().map(stmt).collect(),
                            })
                            .collect(),
                        unquantified: g.unquantified.iter().map(stmt).collect(),
                    })
                    .collect::<Vec<_>>()
            });
            // The figures (statements by brief index) and the cards they show.
            let mut key = Hasher::new();
            key.value(&a.figures);
            for g in &a.figures {
                for s in g
                    .values
                    .iter()
                    .flat_map(|v| &v.statements)
                    .chain(&g.unquantified)
                {
                    key.value(&shared.card_keys[s.brief]);
                }
            }
            ctx.insert_keyed("groups", groups, key.finish());
            (
                "figures.html",
                links::FIGURES.to_string(),
                "figures",
                "Figures".to_string(),
                format!(
                    "The numbers the sources of {} state, side by side",
                    shared.site.title
                ),
            )
        }
        Job::Timeline => {
            // Made only if the page renders. The key hashes the timeline
            // (statements by brief index), the order of the briefs and the
            // cards of every brief a statement names (the rows of "known when"
            // are those briefs).
            let mut key = Hasher::new();
            key.value(&a.timeline).value(&a.newest_first);
            let statements = a
                .timeline
                .events
                .iter()
                .flat_map(|ev| ev.versions.iter().flat_map(|v| &v.statements))
                .chain(a.timeline.dated.iter().map(|d| &d.statement));
            for st in statements {
                key.value(&shared.card_keys[st.brief]);
            }
            let key = key.finish();
            let events = Lazy(move || {
                a.timeline
                    .events
                    .iter()
                    .map(|ev| EventView {
                        label: ev.label.clone(),
                        id: ev.key.clone(),
                        disagreement: ev.disagreement,
                        versions: ev
                            .versions
                            .iter()
                            .map(|v| EventVersionView {
                                when: v.when.display.clone(),
                                statements: v
                                    .statements
                                    .iter()
                                    .map(|s| {
                                        shared.statement(
                                            s.brief,
                                            s.line,
                                            &s.context,
                                            s.note.clone(),
                                        )
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect::<Vec<EventView>>()
            });
            let label_of = |key: &str| {
                a.timeline
                    .events
                    .iter()
                    .find(|e| e.key == key)
                    .map(|e| e.label.clone())
            };
            let dated = Lazy(move || {
                a.timeline
                    .dated
                    .iter()
                    .map(|d| DatedView {
                        when: d.when.display.clone(),
                        event: d.event.as_deref().and_then(label_of),
                        statement: shared.statement(
                            d.statement.brief,
                            d.statement.line,
                            &d.statement.context,
                            d.statement.note.clone(),
                        ),
                    })
                    .collect::<Vec<DatedView>>()
            });
            // What was known when: briefs by publication date, the date each gives per event.
            let rows = Lazy(move || {
                let mut rows: Vec<KnownWhenRow> = a
                    .newest_first
                    .iter()
                    .rev()
                    .filter_map(|&b| {
                        let cells: Vec<String> = a
                            .timeline
                            .events
                            .iter()
                            .map(|ev| {
                                let mut ds: Vec<&str> = ev
                                    .versions
                                    .iter()
                                    .filter(|v| v.statements.iter().any(|st| st.brief == b))
                                    .map(|v| v.when.display.as_str())
                                    .collect();
                                ds.dedup();
                                ds.join(", ")
                            })
                            .collect();
                        cells.iter().any(|c| !c.is_empty()).then(|| KnownWhenRow {
                            brief: shared.cards[b].clone(),
                            cells,
                        })
                    })
                    .collect();
                // Dated briefs in publication order, undated ones after them.
                rows.sort_by_key(|r| r.brief.published.is_none());
                rows
            });
            ctx.insert_keyed("known_when", rows, key);
            ctx.insert_keyed("events", events, key);
            ctx.insert_keyed("dated", dated, key);
            (
                "timeline.html",
                links::TIMELINE.to_string(),
                "timeline",
                "Timeline".to_string(),
                format!(
                    "The dates and deadlines the sources of {} give, and where they differ",
                    shared.site.title
                ),
            )
        }
        Job::Search => (
            "search.html",
            links::SEARCH.to_string(),
            "search",
            "Search".to_string(),
            format!("Search {}", shared.site.title),
        ),
        Job::NotFound => (
            "404.html",
            links::NOT_FOUND.to_string(),
            "404",
            "Page not found".to_string(),
            String::new(),
        ),
    };
    let meta = PageMeta {
        kind,
        title,
        path: path.clone(),
        description,
    };
    let mut key = ctx.seal(&shared.site_value, shared.site_key, template, &meta);
    // A brief's body comes last: an edit to it alone changes only this.
    if let Some(b) = &body {
        key.value(&b.key);
    }
    if unchanged_since(input, &path, key.finish()) {
        return Ok(Rendered::Unchanged(path));
    }
    let body = body.map(|body| {
        let html = match body.html {
            Some(html) => html,
            None => body.render(&shared.links, input.memo).0,
        };
        (body.brief, html)
    });
    let bytes = render_template(theme, template, ctx, meta, body)?;
    Ok(Rendered::Page(Page { path, bytes }))
}

/// Render `template` with the values of `ctx`, `meta` as `page` and a
/// brief's body (whose first sentence is the page description).
fn render_template(
    theme: &Theme,
    template: &str,
    ctx: PageContext<'_>,
    mut meta: PageMeta<'_>,
    body: Option<(&Brief, String)>,
) -> Result<Vec<u8>, Diagnostic> {
    let mut ctx = ctx.into_context();
    if let Some((brief, html)) = body {
        meta.description = first_sentence(&crate::analyse::plain_text(brief.body.text()));
        ctx.insert("body_html", &html);
    }
    ctx.insert("page", &meta);
    let mut bytes = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(template, &ctx, &mut bytes)
        .map_err(|e| theme::template_error(&theme.template_files, &e))?;
    Ok(bytes)
}

/// The page of `brief` after an edit to its text alone, rendered from the
/// values the previous build kept ([`RenderMemo::brief_values`]) instead of
/// an analysis of the whole site: `Some(None)` when the page stays as it
/// is, `Some(Some(page))` with its new bytes (the memo then has its new
/// key). `None` when the memo cannot vouch for it (values missing or not
/// those of the page on disk, a link the previous text did not have, a
/// template error): the caller builds the whole site instead.
///
/// Right only when nothing else changed that the page shows: the caller
/// checks that the brief's front matter and what the analysis reads in its
/// text are as before, and that no other input changed.
pub fn brief_page_after_text_edit(
    config: &SiteConfig,
    topics: &[Topic],
    theme: &Theme,
    brief: &Brief,
    memo: &mut RenderMemo,
) -> Option<Option<Page>> {
    let path = links::brief(&brief.slug);
    let values = memo.brief_values.previous(&path)?.unpack()?;
    let before = memo.brief_bodies.previous(&path)?.clone();
    let site = site_view(config, topics);
    let site_key = Hasher::new().value(&site).finish();
    let meta = PageMeta {
        kind: "brief",
        title: brief.title.clone(),
        path: path.clone(),
        description: String::new(),
    };
    let mut ctx = PageContext::resumed(values.key);
    ctx.insert_brief_values(&values);
    let template = "brief.html";
    let sealed = ctx.seal(
        &tera::Value::from_serializable(&site),
        site_key,
        template,
        &meta,
    );
    let page_key = |body_key: u128| sealed.clone().value(&body_key).finish();
    if memo.pages.previous(&path) != Some(&page_key(before.key)) {
        return None;
    }
    // The links of the new text must be among those of the old, whose
    // targets are known: no file was added or removed.
    let known: std::collections::HashMap<&str, &Option<String>> =
        before.links.iter().map(|(t, r)| (t.as_str(), r)).collect();
    let asked = std::sync::Mutex::new(Vec::new());
    let html = markdown::render(brief.body.text(), &|u| {
        if let Ok(mut a) = asked.lock() {
            a.push(u.to_string());
        }
        known.get(u).and_then(|r| (*r).clone())
    });
    let mut targets = asked.into_inner().ok()?;
    targets.sort();
    targets.dedup();
    let links = targets
        .into_iter()
        .map(|t| {
            let r = (*known.get(t.as_str())?).clone();
            Some((t, r))
        })
        .collect::<Option<Vec<_>>>()?;
    let body = BriefBodyLinks {
        key: body_key(brief.body.hash(), &links),
        links,
    };
    let key = page_key(body.key);
    if memo.pages.previous(&path) == Some(&key) {
        return Some(None);
    }
    let bytes = render_template(theme, template, ctx, meta, Some((brief, html))).ok()?;
    memo.pages.set(path.clone(), key);
    memo.brief_bodies.set(path.clone(), body);
    Some(Some(Page { path, bytes }))
}

/// The key of a brief body: the hash of its Markdown and where each link
/// target resolved.
fn body_key(hash: u128, links: &[(String, Option<String>)]) -> u128 {
    let mut key = Hasher::new();
    key.value(&hash);
    for (target, resolved) in links {
        key.bytes(target.as_bytes()).value(resolved);
    }
    key.finish()
}

/// A brief's Markdown body on its page: its key (the Markdown, and where
/// each link it contains resolves to now) and, when it had to be rendered to
/// learn its links, its HTML.
struct BriefBody<'a> {
    brief: &'a Brief,
    page: String,
    /// Hash of the Markdown.
    hash: u128,
    key: u128,
    /// Each link target and where it resolved.
    links: Vec<(String, Option<String>)>,
    html: Option<String>,
}

impl<'a> BriefBody<'a> {
    fn new(
        brief: &'a Brief,
        links: &ContentLinks,
        page: &str,
        memo: Option<&RenderMemo>,
    ) -> BriefBody<'a> {
        let hash = brief.body.hash();
        let mut body = BriefBody {
            brief,
            page: page.to_string(),
            hash,
            key: 0,
            links: Vec::new(),
            html: None,
        };
        let targets = match memo.and_then(|m| m.body_links.previous(&hash)) {
            Some(targets) => {
                let targets = targets.clone();
                if let Some(m) = memo {
                    m.body_links.put(hash, targets.clone());
                }
                targets
            }
            None => {
                let (html, targets) = body.render(links, memo);
                body.html = Some(html);
                targets
            }
        };
        body.links = targets
            .into_iter()
            .map(|t| {
                let resolved = links.resolve(&t, "briefs", page);
                (t, resolved)
            })
            .collect();
        body.key = body_key(hash, &body.links);
        body
    }

    /// The HTML, and the link targets the Markdown asked to resolve (remembered in `memo`).
    fn render(&self, links: &ContentLinks, memo: Option<&RenderMemo>) -> (String, Vec<String>) {
        let asked = std::sync::Mutex::new(Vec::new());
        let html = markdown::render(self.brief.body.text(), &|u| {
            if let Ok(mut a) = asked.lock() {
                a.push(u.to_string());
            }
            links.resolve(u, "briefs", &self.page)
        });
        let mut targets = asked.into_inner().unwrap_or_default();
        targets.sort();
        targets.dedup();
        if let Some(m) = memo {
            m.body_links.put(self.hash, targets.clone());
        }
        (html, targets)
    }
}

/// A template value made by `F` only when the page renders (serialised into
/// its context); the page key stands for it through `insert_keyed`.
struct Lazy<F>(F);

impl<T: Serialize, F: Fn() -> T> Serialize for Lazy<F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.0)().serialize(s)
    }
}

/// Plain text of an HTML fragment, for meta descriptions.
fn plain_excerpt(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let text = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    first_sentence(&text)
}

/// The first sentence of plain text, at most about 300 characters.
fn first_sentence(text: &str) -> String {
    let first = crate::sentences::first_sentence(text);
    if first.chars().count() > 300 {
        let cut: String = first.chars().take(297).collect();
        format!("{}…", cut.trim_end())
    } else {
        first.to_string()
    }
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
