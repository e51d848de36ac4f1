//! Views that many pages show (brief cards, topic and entity cards, the
//! site view), made once per build.

use std::sync::Arc;

use rayon::prelude::*;

use super::views::*;
use super::{RenderInput, links, markdown};
use crate::config::SiteConfig;
use crate::hash::Hasher;
use crate::topic::Topic;
use links::ContentLinks;

/// Views shared by many pages, computed once.
pub(crate) struct Shared {
    pub(crate) site: SiteView,
    /// `site` in Tera's form.
    pub(crate) site_value: tera::Value,
    /// Hash of `site`.
    pub(crate) site_key: u128,
    pub(crate) links: ContentLinks,
    pub(crate) cards: Vec<Arc<BriefCard>>,
    /// Hash of each card, parallel to `cards`.
    pub(crate) card_keys: Vec<u128>,
    /// Each card in Tera's form, made when a page first needs it.
    pub(crate) card_values: Vec<std::sync::OnceLock<tera::Value>>,
    /// Per brief, the entities it names: (entity, index of the brief's
    /// mention), in entity order. Built once, not searched for per page.
    pub(crate) brief_mentions: Vec<Vec<(usize, usize)>>,
    pub(crate) topic_cards: Vec<TopicCard>,
    pub(crate) topic_summaries: Vec<String>,
    pub(crate) entity_cards: Vec<EntityCard>,
    /// Sources newest first (by the date of the first brief made from
    /// each; those without a dated brief last, by file).
    pub(crate) source_order: Vec<usize>,
    /// The sources index by outlet kind and by country (empty when the site
    /// labels no outlet): each a list of its own, in `source_order`.
    pub(crate) source_filters: Vec<SourceFilter>,
    /// Per figure group, the id of its page (its label as a slug, made
    /// unique).
    pub(crate) figure_ids: Vec<String>,
    /// Figure group label -> index, for the brief pages' links.
    pub(crate) figure_by_label: std::collections::HashMap<String, usize>,
    /// Per story, the link other pages show.
    pub(crate) story_links: Vec<StoryLink>,
}

impl Shared {
    /// The page of the figure group labelled `label` (the overview if none is).
    pub(crate) fn figure_url(&self, label: &str) -> String {
        match self.figure_by_label.get(label) {
            Some(&g) => links::figure_group(&self.figure_ids[g]),
            None => links::FIGURES.to_string(),
        }
    }

    /// The card of brief `b` in Tera's form.
    pub(crate) fn card_value(&self, b: usize) -> tera::Value {
        self.card_values[b]
            .get_or_init(|| tera::Value::from_serializable(&*self.cards[b]))
            .clone()
    }

    /// The cards of `briefs` as one Tera list. Converted in parallel: the
    /// list of all briefs is made by one page job, and is most of its cost.
    pub(crate) fn card_list(&self, briefs: &[usize]) -> tera::Value {
        let values: Vec<tera::Value> = briefs
            .par_iter()
            .with_min_len(256)
            .map(|&b| self.card_value(b))
            .collect();
        tera::Value::from(values)
    }

    /// The page-key part of a list of briefs: their cards' hashes.
    pub(crate) fn cards_key(&self, briefs: impl IntoIterator<Item = usize>) -> u128 {
        let mut h = Hasher::new();
        for b in briefs {
            h.value(&self.card_keys[b]);
        }
        h.finish()
    }

    pub(crate) fn line_ref(&self, brief: usize, line: usize) -> LineRef {
        LineRef {
            line,
            url: self.cards[brief]
                .source_url
                .as_ref()
                .map(|u| format!("{u}#L{line}")),
        }
    }

    pub(crate) fn statement(
        &self,
        brief: usize,
        line: usize,
        text: &str,
        note: Option<String>,
    ) -> Statement {
        Statement {
            brief: self.cards[brief].clone(),
            text: text.to_string(),
            at: self.line_ref(brief, line),
            note,
        }
    }
}

pub(crate) fn content_links(input: &RenderInput<'_>) -> ContentLinks {
    ContentLinks::new(
        input.briefs.iter().map(|b| b.slug.clone()),
        input.topics.iter().map(|t| t.slug.clone()),
        input
            .sources
            .iter()
            .map(|s| (s.rel_path.clone(), s.slug.clone())),
    )
}

pub(crate) fn shared_views(input: &RenderInput<'_>) -> Shared {
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
                outlet_label: input.outlets.label_of(b.outlet.as_deref()),
                authors: b.facts.authors.clone(),
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
    let mut ids = crate::slug::UniqueNames::default();
    let figure_ids = input
        .analysis
        .figures
        .iter()
        .map(|g| ids.claim(&crate::slug::slugify(&g.label).unwrap_or_else(|| "figure".to_string())))
        .collect();
    let story_links = input
        .analysis
        .stories
        .iter()
        .map(|s| StoryLink {
            slug: s.slug.clone(),
            url: links::story(&s.slug),
            title: s.title.clone(),
            count: s.briefs.len(),
            first: s.first.map(DateView::new),
            last: s.last.map(DateView::new),
        })
        .collect();
    let order = source_order(input);
    Shared {
        story_links,
        figure_ids,
        figure_by_label: (input.analysis.figures.iter().enumerate())
            .map(|(i, g)| (g.label.clone(), i))
            .collect(),
        source_filters: source_filters(input, &order),
        source_order: order,
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
pub(crate) fn site_view(config: &SiteConfig, topics: &[Topic]) -> SiteView {
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
pub(crate) fn first_paragraph(html: &str) -> String {
    match (html.find("<p>"), html.find("</p>")) {
        (Some(s), Some(e)) if s < e => html[s..e + 4].to_string(),
        _ => String::new(),
    }
}

/// One way of narrowing the sources index: the sources whose outlet
/// `content/outlets.yaml` gives this kind (or this country).
pub(crate) struct SourceFilter {
    /// What it keeps, as a reader reads it ("state media", "Iraq",
    /// "unlabelled").
    pub(crate) label: String,
    /// "kind" or "country".
    pub(crate) by: &'static str,
    /// Its first page.
    pub(crate) url: String,
    /// Its sources, newest first.
    pub(crate) order: Vec<usize>,
}

/// Label for sources whose outlet has no kind (not stated, not in
/// `content/outlets.yaml`, or listed there without a kind): never guessed.
const NO_KIND: &str = "unlabelled";

/// The filters of the sources index: one per outlet kind the sources have
/// (in the kinds' order, unlabelled last), then one per country (by name).
/// None when the site labels no outlet: every source would be unlabelled.
pub(crate) fn source_filters(input: &RenderInput<'_>, order: &[usize]) -> Vec<SourceFilter> {
    use std::collections::BTreeMap;
    if input.outlets.is_empty() {
        return Vec::new();
    }
    let mut kinds: BTreeMap<Option<crate::outlet::OutletKind>, Vec<usize>> = BTreeMap::new();
    let mut countries: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &s in order {
        let outlet = (input.analysis.sources[s].briefs.first())
            .and_then(|&b| input.briefs[b].outlet.as_deref());
        let profile = outlet.and_then(|o| input.outlets.get(o));
        kinds
            .entry(profile.and_then(|p| p.kind))
            .or_default()
            .push(s);
        if let Some(country) = profile.and_then(|p| p.country.as_deref()) {
            countries.entry(country).or_default().push(s);
        }
    }
    let unlabelled = kinds.remove(&None);
    let kinds = kinds
        .into_iter()
        .map(|(k, v)| (k.map_or(NO_KIND, |k| k.label()).to_string(), v))
        .chain(unlabelled.map(|v| (NO_KIND.to_string(), v)));
    let filter = |by: &'static str, names: &mut crate::slug::UniqueNames, label: String, order| {
        let slug = crate::slug::slugify(&label).unwrap_or_else(|| by.to_string());
        SourceFilter {
            url: links::sources_by(by, &names.claim(&slug)),
            label,
            by,
            order,
        }
    };
    let mut names = crate::slug::UniqueNames::default();
    let mut out: Vec<SourceFilter> = kinds
        .map(|(label, order)| filter("kind", &mut names, label, order))
        .collect();
    let mut names = crate::slug::UniqueNames::default();
    out.extend(
        (countries.into_iter())
            .map(|(c, order)| filter("country", &mut names, c.to_string(), order)),
    );
    out
}

/// Sources newest first: by the publication date of the first brief made
/// from each, those without one last; ties by file.
pub(crate) fn source_order(input: &RenderInput<'_>) -> Vec<usize> {
    let date = |s: usize| {
        input.analysis.sources[s]
            .briefs
            .first()
            .and_then(|&b| input.briefs[b].published)
    };
    let mut order: Vec<usize> = (0..input.sources.len()).collect();
    order.sort_by(|&x, &y| {
        date(y)
            .cmp(&date(x))
            .then_with(|| input.sources[x].rel_path.cmp(&input.sources[y].rel_path))
    });
    order
}
