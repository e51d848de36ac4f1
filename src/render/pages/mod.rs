//! One module per kind of page. Each turns the render input and the shared
//! views into the page's template values (put into its [`PageContext`],
//! which hashes them into the page key as they are added) and says which
//! template renders it, where it goes and what it is ([`PageSpec`]).

pub(crate) mod brief;
mod briefs;
mod entities;
mod figures;
mod fixed;
mod front;
mod outlets;
pub(crate) mod sources;
mod stories;
pub(crate) mod timeline;
mod topic;

use std::sync::Arc;

use rayon::prelude::*;

use super::context::{Lazy, PageContext, PageMeta};
use super::paging::{self, Chronology, Pager};
use super::shared::Shared;
use super::views::*;
use super::{FRONT_PAGE_BRIEFS, RenderInput, links, plain_excerpt};
use crate::hash::Hasher;
use brief::BriefBody;

/// What one page is, before it is rendered. A `part` is a page of a long
/// list: 0 its first page, k its k-th archive page ([`paging`]).
pub(super) enum Job {
    Index,
    Topics,
    Topic(usize, usize),
    Briefs(usize),
    Brief(usize),
    /// A page of the sources index, or of one of its filters.
    Sources(Option<usize>, usize),
    Source(usize),
    Stories(usize),
    Story(usize),
    Entities,
    Entity(usize, usize),
    Figures(usize),
    FigureGroup(usize, usize),
    Timeline(usize),
    Event(usize, usize),
    Dates(usize),
    Search,
    NotFound,
    Outlets,
}

/// How each long list goes on pages ([`Chronology`]), worked out once per
/// build: every page of a list asked again (the list of 10,000 briefs has
/// hundreds of archive pages, each sorting all 10,000 dates by month).
pub(super) struct Lists {
    briefs: Chronology,
    sources: Chronology,
    source_filters: Vec<Chronology>,
    stories: Chronology,
    /// The timeline's rows of what was known when, and their pages.
    timeline_rows: Vec<(usize, Vec<String>)>,
    timeline: Chronology,
    entities: Vec<Chronology>,
    topics: Vec<Chronology>,
}

impl Lists {
    pub(super) fn new(input: &RenderInput<'_>, shared: &Shared) -> Lists {
        let a = input.analysis;
        let timeline_rows = timeline::known_when(a);
        Lists {
            briefs: in_time(input, a.newest_first.iter().copied()),
            sources: sources::chronology(input, &shared.source_order),
            source_filters: shared
                .source_filters
                .iter()
                .map(|f| sources::chronology(input, &f.order))
                .collect(),
            stories: stories::chronology(input),
            timeline: in_time(input, timeline_rows.iter().map(|(b, _)| *b)),
            timeline_rows,
            entities: a
                .entities
                .par_iter()
                .map(|e| in_time(input, e.mentions.iter().map(|m| m.brief)))
                .collect(),
            topics: a
                .topics
                .par_iter()
                .map(|t| in_time(input, t.briefs.iter().map(|tb| tb.brief)))
                .collect(),
        }
    }
}

impl Job {
    /// Every page of the site.
    pub(super) fn all(input: &RenderInput<'_>, lists: &Lists) -> Vec<Job> {
        let a = input.analysis;
        let parts = |c: &Chronology| 0..c.parts();
        let mut jobs = vec![
            Job::Index,
            Job::Topics,
            Job::Entities,
            Job::Search,
            Job::NotFound,
            Job::Outlets,
        ];
        jobs.extend(parts(&lists.briefs).map(Job::Briefs));
        jobs.extend(parts(&lists.sources).map(|p| Job::Sources(None, p)));
        for (f, c) in lists.source_filters.iter().enumerate() {
            jobs.extend(parts(c).map(|p| Job::Sources(Some(f), p)));
        }
        jobs.extend(parts(&lists.stories).map(Job::Stories));
        jobs.extend((0..a.stories.len()).map(Job::Story));
        jobs.extend((0..paging::ranked_pages(a.figures.len())).map(Job::Figures));
        jobs.extend(parts(&lists.timeline).map(Job::Timeline));
        for (e, ev) in a.timeline.events.iter().enumerate() {
            let statements = timeline::statements_of(ev).count();
            jobs.extend((0..paging::ranked_pages(statements)).map(|p| Job::Event(e, p)));
        }
        jobs.extend((0..paging::ranked_pages(a.timeline.dated.len())).map(Job::Dates));
        for (g, group) in a.figures.iter().enumerate() {
            let statements = figures::statements_of(group).count();
            let pages = paging::ranked_pages(statements);
            jobs.extend((0..pages).map(|p| Job::FigureGroup(g, p)));
        }
        for (e, c) in lists.entities.iter().enumerate() {
            jobs.extend(parts(c).map(|p| Job::Entity(e, p)));
        }
        for (t, c) in lists.topics.iter().enumerate() {
            jobs.extend(parts(c).map(|p| Job::Topic(t, p)));
        }
        jobs.extend((0..input.briefs.len()).map(Job::Brief));
        jobs.extend((0..input.sources.len()).map(Job::Source));
        jobs
    }
}

/// What a page job reads.
pub(super) struct Cx<'a> {
    pub(super) input: &'a RenderInput<'a>,
    pub(super) shared: &'a Shared,
    pub(super) lists: &'a Lists,
}

/// A page as its module describes it: the template, what the page is, and
/// for a brief its body (rendered only if the page key changed).
pub(super) struct PageSpec<'a> {
    pub(super) template: &'static str,
    pub(super) meta: PageMeta,
    pub(super) body: Option<BriefBody<'a>>,
}

/// How a list of briefs (newest first) goes on pages, by their dates.
fn in_time(input: &RenderInput<'_>, briefs: impl Iterator<Item = usize>) -> Chronology {
    let dates: Vec<Option<chrono::NaiveDate>> = briefs.map(|b| input.briefs[b].published).collect();
    Chronology::new(&dates)
}

/// Consecutive items with equal keys, as runs `(key, items)`: the
/// statements of one value (or date) on a page of a ranked list.
fn runs<K: PartialEq, T>(items: impl IntoIterator<Item = (K, T)>) -> Vec<(K, Vec<T>)> {
    let mut out: Vec<(K, Vec<T>)> = Vec::new();
    for (k, item) in items {
        match out.last_mut() {
            Some((last, run)) if *last == k => run.push(item),
            _ => out.push((k, vec![item])),
        }
    }
    out
}

/// The values and description of the page `job` is.
pub(super) fn spec<'a>(job: &Job, cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    match *job {
        Job::Index => front::index(cx, ctx),
        Job::Topics => front::topics(cx, ctx),
        Job::Topic(t, part) => topic::topic(cx, t, part, ctx),
        Job::Briefs(part) => briefs::briefs(cx, part, ctx),
        Job::Brief(b) => brief::brief(cx, b, ctx),
        Job::Sources(filter, part) => sources::sources(cx, filter, part, ctx),
        Job::Source(s) => sources::source(cx, s, ctx),
        Job::Stories(part) => stories::stories(cx, part, ctx),
        Job::Story(s) => stories::story(cx, s, ctx),
        Job::Entities => entities::entities(cx, ctx),
        Job::Entity(e, part) => entities::entity(cx, e, part, ctx),
        Job::Figures(part) => figures::figures(cx, part, ctx),
        Job::FigureGroup(g, part) => figures::group(cx, g, part, ctx),
        Job::Timeline(part) => timeline::timeline(cx, part, ctx),
        Job::Event(e, part) => timeline::event(cx, e, part, ctx),
        Job::Dates(part) => timeline::dates(cx, part, ctx),
        Job::Search => fixed::search(cx, ctx),
        Job::NotFound => fixed::not_found(cx, ctx),
        Job::Outlets => outlets::outlets(cx, ctx),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs_group_consecutive_keys_only() {
        let got = super::runs([(1, 'a'), (1, 'b'), (2, 'c'), (1, 'd')]);
        assert_eq!(got, [(1, vec!['a', 'b']), (2, vec!['c']), (1, vec!['d'])]);
    }
}
