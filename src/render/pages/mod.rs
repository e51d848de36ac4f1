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
mod sources;
mod timeline;
mod topic;

use std::sync::Arc;

use rayon::prelude::*;

use super::context::{Lazy, PageContext, PageMeta};
use super::shared::Shared;
use super::views::*;
use super::{FRONT_PAGE_BRIEFS, RenderInput, links, plain_excerpt};
use crate::cache::Hasher;
use brief::BriefBody;

/// What one page is, before it is rendered.
pub(super) enum Job {
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

impl Job {
    /// Every page of the site.
    pub(super) fn all(input: &RenderInput<'_>) -> Vec<Job> {
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
        jobs
    }
}

/// What a page job reads.
pub(super) struct Cx<'a> {
    pub(super) input: &'a RenderInput<'a>,
    pub(super) shared: &'a Shared,
}

/// A page as its module describes it: the template, what the page is, and
/// for a brief its body (rendered only if the page key changed).
pub(super) struct PageSpec<'a> {
    pub(super) template: &'static str,
    pub(super) meta: PageMeta,
    pub(super) body: Option<BriefBody<'a>>,
}

/// The values and description of the page `job` is.
pub(super) fn spec<'a>(job: &Job, cx: &Cx<'a>, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    match *job {
        Job::Index => front::index(cx, ctx),
        Job::Topics => front::topics(cx, ctx),
        Job::Topic(t) => topic::topic(cx, t, ctx),
        Job::Briefs => briefs::briefs(cx, ctx),
        Job::Brief(b) => brief::brief(cx, b, ctx),
        Job::Sources => sources::sources(cx, ctx),
        Job::Source(s) => sources::source(cx, s, ctx),
        Job::Entities => entities::entities(cx, ctx),
        Job::Entity(e) => entities::entity(cx, e, ctx),
        Job::Figures => figures::figures(cx, ctx),
        Job::Timeline => timeline::timeline(cx, ctx),
        Job::Search => fixed::search(cx, ctx),
        Job::NotFound => fixed::not_found(cx, ctx),
    }
}
