//! Stage 5, render: turn briefs, topics, sources and their analysis into
//! HTML pages with the theme's Tera templates.
//!
//! Rendering is a pure function from plain data to [`Page`]s (path + bytes);
//! writing them is the output stage's job. Pages render in parallel, and
//! Markdown is rendered once per brief or topic, not once per page using it.

mod context;
pub mod highlight;
pub mod link_check;
pub mod links;
pub mod markdown;
mod pages;
pub mod paging;
pub mod publish;
pub mod search;
mod shared;
pub mod theme;
pub mod views;

use rayon::prelude::*;

use crate::analyse::Analysis;
use crate::brief::Brief;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::hash::Hasher;
use crate::reuse::{Keep, KeepInPlace};
use crate::source::SourceText;
use crate::topic::Topic;
use context::{PageContext, PageMeta};
pub use pages::brief::{BriefBodyLinks, BriefPageValues, PackedValues, brief_page_after_text_edit};
use pages::{Job, PageSpec};
use shared::{Shared, shared_views};
pub use theme::Theme;

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
    /// What the analyst knows about each outlet.
    pub outlets: &'a crate::outlet::OutletProfiles,
    /// Ticked once per rendered page, for long builds.
    pub progress: Option<&'a indicatif::ProgressBar>,
    /// Where page keys are remembered for the next build, and read from
    /// the previous one.
    pub memo: Option<RenderReuse<'a>>,
    /// Pages whose key equals the previous build's are not rendered (the
    /// caller has that build's files).
    pub skip_unchanged: bool,
}

/// Where render finds what the previous build recorded, and records what
/// the next one needs (see [`crate::reuse::Keep`]; the cache's
/// `RenderMemo::reuse()` gives it): the keys of the previous build's pages,
/// the links each brief body looked up (by a hash of the body), so that a
/// page's key can be computed without rendering its Markdown, and, per
/// brief page, what it shows besides its body, so that an edit to a
/// brief's text alone can re-render its page without the rest of the site
/// ([`brief_page_after_text_edit`]).
#[derive(Clone, Copy)]
pub struct RenderReuse<'a> {
    /// Output path -> key of the page's inputs (template set and context).
    pub pages: &'a dyn Keep<String, u128>,
    /// Hash of a brief's Markdown -> the link targets it asked to resolve.
    pub body_links: &'a dyn Keep<u128, Vec<String>>,
    /// Brief page path -> the page's values besides the body and site-wide
    /// ones (recorded only when their key changed).
    pub brief_values: &'a dyn Keep<String, PackedValues>,
    /// Brief page path -> the key of its values in `brief_values`.
    pub brief_value_keys: &'a dyn Keep<String, u128>,
    /// Brief page path -> the key of its body and where its links led.
    pub brief_bodies: &'a dyn Keep<String, BriefBodyLinks>,
}

/// What the build after a text edit reads and changes in place.
pub struct TextEditReuse<'a> {
    pub pages: &'a mut dyn KeepInPlace<String, u128>,
    pub brief_values: &'a dyn Keep<String, PackedValues>,
    pub brief_bodies: &'a mut dyn KeepInPlace<String, BriefBodyLinks>,
}

/// Where rendered files go the moment they are made. A build hands render
/// the output stage's staging folder (`output::Staging`), so that it never
/// holds more pages than it is rendering: at 10,000 articles the site is
/// 600 MB, and memory first touched is a large part of what a build costs.
/// `check` and `serve` keep the pages in memory ([`Collect`]).
pub trait PageSink: Sync {
    /// Take one rendered file. A sink that cannot keep it remembers why and
    /// says so when the caller finishes with it.
    fn put(&self, page: Page);
}

/// A [`PageSink`] that keeps every page in memory.
#[derive(Debug, Default)]
pub struct Collect(std::sync::Mutex<Vec<Page>>);

impl PageSink for Collect {
    fn put(&self, page: Page) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(page);
    }
}

impl Collect {
    /// The pages put, sorted by path.
    pub fn into_pages(self) -> Vec<Page> {
        let mut pages = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        pages
    }
}

/// The rendered site: pages rendered now (handed to the [`PageSink`]), and
/// pages whose inputs did not change since the build that
/// `RenderInput::memo` came from.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Paths of the files rendered (pages, feeds, index files), sorted.
    pub rendered: Vec<String>,
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
    /// Rendered and handed to the sink.
    Put(String),
    Unchanged(String),
}

impl Rendered {
    /// A rendered page goes to `sink`; its path stays.
    fn into_sink(self, sink: &dyn PageSink) -> Rendered {
        match self {
            Rendered::Page(page) => {
                let path = page.path.clone();
                sink.put(page);
                Rendered::Put(path)
            }
            other => other,
        }
    }
}

/// Render every page of the site into `sink`. Errors (template failures)
/// are all collected; identical messages from many pages are reported once.
/// On an error some pages may have gone to the sink already: the caller
/// throws them away.
pub fn render_site(
    input: &RenderInput<'_>,
    theme: &Theme,
    sink: &dyn PageSink,
) -> Result<RenderedSite, Diagnostics> {
    let shared = shared_views(input);
    let lists = pages::Lists::new(input, &shared);
    let jobs = Job::all(input, &lists);

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
                .map(|job| {
                    let cx = pages::Cx {
                        input,
                        shared: &shared,
                        lists: &lists,
                    };
                    render_job(job, &cx, theme).map(|r| r.into_sink(sink))
                })
                .collect::<Vec<Result<Rendered, Diagnostic>>>()
        },
        || {
            rayon::join(
                || {
                    let files = search_files(input).into_iter();
                    files.map(|r| r.into_sink(sink)).collect::<Vec<_>>()
                },
                || analysis_file(input).into_sink(sink),
            )
        },
    );
    let mut rendered = Vec::with_capacity(results.len());
    let mut unchanged = Vec::new();
    let mut html_paths = Vec::with_capacity(results.len());
    let mut errors = Diagnostics::new();
    for r in results {
        match r {
            Ok(Rendered::Page(Page { path, .. }) | Rendered::Put(path)) => {
                html_paths.push(path.clone());
                rendered.push(path);
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
        let mut files = match publish::feeds_and_sitemap(input, theme, &html_paths) {
            Ok(feeds) => feeds.into_iter().map(Rendered::Page).collect::<Vec<_>>(),
            Err(d) => {
                errors.push(d);
                return Err(errors);
            }
        };
        files.extend(search_index);
        files.push(export);
        // GitHub Pages: serve files as they are (no Jekyll), on a custom domain if asked.
        files.push(Rendered::Page(Page {
            path: ".nojekyll".to_string(),
            bytes: Vec::new(),
        }));
        files.push(Rendered::Page(publish::robots_txt(input)));
        if let Some(cname) = input.config.cname.as_deref().filter(|c| !c.is_empty()) {
            files.push(Rendered::Page(Page {
                path: "CNAME".to_string(),
                bytes: format!("{cname}\n").into_bytes(),
            }));
        }
        for file in files {
            match file.into_sink(sink) {
                Rendered::Unchanged(path) => unchanged.push(path),
                Rendered::Page(Page { path, .. }) | Rendered::Put(path) => rendered.push(path),
            }
        }
        rendered.sort();
        unchanged.sort();
        let broken_links = check_links(input, theme, &shared, &html_paths);
        Ok(RenderedSite {
            rendered,
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
        search::MANIFEST,
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

/// The search files, each made now or standing as the previous build made
/// it (keyed by its bytes: most files of the index stay as they were).
fn search_files(input: &RenderInput<'_>) -> Vec<Rendered> {
    search::search_files(input)
        .into_iter()
        .map(|page| {
            let key = Hasher::new().bytes(&page.bytes).finish();
            if unchanged_since(input, &page.path, key) {
                Rendered::Unchanged(page.path)
            } else {
                Rendered::Page(page)
            }
        })
        .collect()
}

/// `analysis.json`, or that it stands as the previous build made it.
fn analysis_file(input: &RenderInput<'_>) -> Rendered {
    let export =
        crate::analyse::JsonExport::new(input.analysis, input.briefs, input.topics, input.sources);
    // Its key is the hash of its bytes (hashing the analysis's values costs
    // as much as writing them), written into the hasher: tens of megabytes
    // at 10,000 articles are made only when they changed, at once in a
    // buffer of their size (grown by doubling, they were a tenth of an
    // incremental build, mostly the kernel zeroing fresh memory).
    let mut hasher = Hasher::new();
    let len = export.write_json(&mut hasher);
    let key = hasher.finish();
    if unchanged_since(input, links::ANALYSIS_JSON, key) {
        Rendered::Unchanged(links::ANALYSIS_JSON.to_string())
    } else {
        let mut bytes = Vec::with_capacity(len);
        export.write_json(&mut bytes);
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
    let same = input.skip_unchanged && memo.pages.previous(&path.to_string()) == Some(key);
    memo.pages.put(path.to_string(), key);
    same
}

/// Render the page `job` is, unless its key is the previous build's.
fn render_job(job: &Job, cx: &pages::Cx<'_>, theme: &Theme) -> Result<Rendered, Diagnostic> {
    let (input, shared) = (cx.input, cx.shared);
    let mut ctx = PageContext::new(theme.key);
    let PageSpec {
        template,
        meta,
        body,
    } = pages::spec(job, cx, &mut ctx);
    let mut key = ctx.seal(&shared.site_value, shared.site_key, template, &meta);
    // A brief's body comes last: an edit to it alone changes only this.
    if let Some(b) = &body {
        key.value(&b.key);
    }
    if unchanged_since(input, &meta.path, key.finish()) {
        return Ok(Rendered::Unchanged(meta.path));
    }
    let body = body.map(|body| {
        let html = match body.html {
            Some(html) => html,
            None => body.render(&shared.links, input.memo).0,
        };
        (body.brief, html)
    });
    let path = meta.path.clone();
    let bytes = render_template(theme, template, ctx, meta, body)?;
    Ok(Rendered::Page(Page { path, bytes }))
}

/// Render `template` with the values of `ctx`, `meta` as `page` and a
/// brief's body (whose first sentence is the page description).
fn render_template(
    theme: &Theme,
    template: &str,
    ctx: PageContext<'_>,
    mut meta: PageMeta,
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
