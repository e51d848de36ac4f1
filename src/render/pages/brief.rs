//! A brief's page: its body, and its facts each linked to its source line.

use serde::Serialize;

use super::*;
use crate::brief::Brief;
use crate::config::SiteConfig;
use crate::render::links::ContentLinks;
use crate::render::shared::site_view;
use crate::render::{Page, RenderReuse, TextEditReuse, Theme, markdown, render_template};
use crate::topic::Topic;

/// The page of brief `b`; its body is rendered after the key check when possible.
pub(super) fn brief<'a>(cx: &Cx<'a>, b: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let a = input.analysis;
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
            url: Some(shared.figure_url(&crate::analyse::figures::figure_label(
                f,
                &brief.facts.figures,
            ))),
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
    let story = Arc::new(super::stories::of_brief(input, shared, b));
    ctx.insert("story", story.clone());
    // Kept for a later edit of the text alone; made again only
    // when they changed.
    let values_key = ctx.restart_key();
    if let Some(m) = input.memo {
        if m.brief_value_keys.previous(&page) != Some(values_key) {
            let values = BriefPageValues {
                key: values_key,
                people,
                figure_facts,
                date_facts,
                brief: shared.cards[b].clone(),
                key_points,
                related: Arc::new(related_views()),
                story,
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
    // The description comes from the body, which the key covers.
    PageSpec {
        template: "brief.html",
        meta: PageMeta {
            kind: "brief",
            title: brief.title.clone(),
            path: page,
            description: String::new(),
        },
        body: Some(bb),
    }
}

/// What a brief's page shows besides its body and the site-wide values:
/// its facts with their source lines and links, its card and related
/// briefs. Made by the analysis of the whole site; kept for the next build.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct BriefPageValues {
    /// Hash of the theme and of every value below, as the page key has it.
    pub(crate) key: u128,
    pub(crate) people: Arc<Vec<FactView>>,
    pub(crate) figure_facts: Arc<Vec<FactView>>,
    pub(crate) date_facts: Arc<Vec<FactView>>,
    pub(crate) brief: Arc<BriefCard>,
    pub(crate) key_points: Arc<Vec<FactView>>,
    pub(crate) related: Arc<Vec<RelatedView>>,
    pub(crate) story: Arc<Option<BriefStoryView>>,
}

/// [`BriefPageValues`] as the memo keeps them: encoded, so that a build
/// that rewrites a shard of them copies the entries it keeps as bytes, and
/// the text-edit build decodes only the pages it renders.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PackedValues(#[serde(with = "serde_bytes")] Vec<u8>);

impl PackedValues {
    /// Encoded and compressed: every brief page's values are held until
    /// the build ends (76 MB at 10,000 articles as plain postcard, most of
    /// it the same source and entity URLs again), then written to the cache.
    fn pack(values: &BriefPageValues) -> PackedValues {
        let plain = postcard::to_allocvec(values).unwrap_or_default();
        let mut bytes = lz4_flex::compress_prepend_size(&plain);
        bytes.shrink_to_fit();
        PackedValues(bytes)
    }

    /// `None` if the bytes do not decode (the page is then made anew).
    fn unpack(&self) -> Option<BriefPageValues> {
        let plain = lz4_flex::decompress_size_prepended(&self.0).ok()?;
        postcard::from_bytes(&plain).ok()
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

/// The page of `brief` after an edit to its text alone, rendered from the
/// values the previous build kept ([`RenderReuse::brief_values`]) instead of
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
    memo: TextEditReuse<'_>,
) -> Option<Option<Page>> {
    let path = links::brief(&brief.slug);
    let values = memo.brief_values.previous(&path)?.unpack()?;
    let before = memo.brief_bodies.previous(&path)?;
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
    if memo.pages.previous(&path) != Some(page_key(before.key)) {
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
    if memo.pages.previous(&path) == Some(key) {
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
pub(crate) struct BriefBody<'a> {
    pub(crate) brief: &'a Brief,
    pub(crate) page: String,
    /// Hash of the Markdown.
    pub(crate) hash: u128,
    pub(crate) key: u128,
    /// Each link target and where it resolved.
    pub(crate) links: Vec<(String, Option<String>)>,
    pub(crate) html: Option<String>,
}

impl<'a> BriefBody<'a> {
    pub(crate) fn new(
        brief: &'a Brief,
        links: &ContentLinks,
        page: &str,
        memo: Option<RenderReuse<'_>>,
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
    pub(crate) fn render(
        &self,
        links: &ContentLinks,
        memo: Option<RenderReuse<'_>>,
    ) -> (String, Vec<String>) {
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
