//! Stories: the list of them, and a page per story lining up what each
//! outlet reports of one event and where they disagree.

use super::*;
use crate::analyse::Story;
use crate::analyse::figures::FigureGroup;
use crate::analyse::stories::{CLAIMS_LABEL, DAY_LABEL};

/// How the stories (most recent first) go on pages: by their latest report.
pub(super) fn chronology(input: &RenderInput<'_>) -> Chronology {
    let dates: Vec<Option<chrono::NaiveDate>> =
        input.analysis.stories.iter().map(|s| s.last).collect();
    Chronology::new(&dates)
}

/// Each stated outlet once, in the order of the story's reports (reports
/// that name none are not a source of their own).
fn outlets(input: &RenderInput<'_>, story: &Story) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in story
        .briefs
        .iter()
        .filter_map(|&b| input.briefs[b].outlet.as_ref())
    {
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

/// Part `part` of the list of stories.
pub(super) fn stories<'a>(cx: &Cx<'a>, part: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let all = &input.analysis.stories;
    let chron = &cx.lists.stories;
    let shown = chron.items(part);
    let entries: Vec<StoryEntry> = shown
        .iter()
        .map(|&s| StoryEntry {
            story: shared.story_links[s].clone(),
            outlets: outlets(input, &all[s]),
            disputed: all[s].disputed(),
        })
        .collect();
    let pager = chron
        .pager(links::STORIES, part)
        .spanning(shown.iter().map(|&s| all[s].last));
    ctx.insert("stories", entries);
    if part == 0 {
        ctx.insert("story_count", all.len());
        let in_stories: usize = all.iter().map(|s| s.briefs.len()).sum();
        ctx.insert("briefs_in_stories", in_stories);
        ctx.insert("brief_count", input.briefs.len());
    }
    let title = format!("Stories{}", pager.title_suffix());
    ctx.insert("pager", pager);
    PageSpec {
        template: "stories.html",
        meta: PageMeta {
            kind: "stories",
            title,
            path: chron.path(links::STORIES, part),
            description: format!(
                "Events that several sources of {} report, and where they disagree",
                shared.site.title
            ),
        },
        body: None,
    }
}

/// The page of story `s`.
pub(super) fn story<'a>(cx: &Cx<'a>, s: usize, ctx: &mut PageContext<'a>) -> PageSpec<'a> {
    let input = cx.input;
    let shared = cx.shared;
    let story = &input.analysis.stories[s];
    let reports: Vec<StoryReport> = story
        .briefs
        .iter()
        .map(|&b| StoryReport {
            brief: shared.cards[b].clone(),
            says: input.briefs[b].facts.key_points.first().map(|k| FactView {
                text: k.text.clone(),
                at: shared.line_ref(b, k.line),
                url: None,
                note: None,
            }),
        })
        .collect();
    let (disagreements, agreements): (Vec<&FigureGroup>, Vec<&FigureGroup>) = story
        .figures
        .iter()
        .filter(|g| g.disagreement || agreed(g))
        .partition(|g| g.disagreement);
    let view = |g: &FigureGroup| figure_view(shared, g);
    ctx.insert("story", &shared.story_links[s]);
    ctx.insert("reports", reports);
    ctx.insert("outlets", outlets(input, story));
    ctx.insert(
        "disagreements",
        disagreements.into_iter().map(view).collect::<Vec<_>>(),
    );
    ctx.insert(
        "agreements",
        agreements.into_iter().map(view).collect::<Vec<_>>(),
    );
    let events: Vec<EventView> = day_view(shared, story)
        .into_iter()
        .chain(claims_view(shared, story))
        .chain(story.events.iter().map(|ev| {
            let all: Vec<_> = timeline::statements_of(ev).collect();
            timeline::event_view(shared, ev, &all)
        }))
        .collect();
    ctx.insert("events", events);
    // Places several reports name lead; one report's own (a live blog's
    // other news, a reporter's background) follow in a line of their own.
    let (mut places, mut places_once): (Vec<StoryPlaceView>, Vec<StoryPlaceView>) =
        places_view(shared, story)
            .into_iter()
            .partition(|p| p.statements.len() > 1);
    if places.is_empty() {
        std::mem::swap(&mut places, &mut places_once);
    }
    ctx.insert("places", places);
    ctx.insert("places_once", places_once);
    ctx.insert("update", update_of(input, shared, story, s));
    ctx.insert("entities", named_by_several(cx, story));
    ctx.insert("topics", topics_of(cx, story));
    PageSpec {
        template: "story.html",
        meta: PageMeta {
            kind: "story",
            title: story.title.clone(),
            path: links::story(&story.slug),
            description: format!(
                "{}: {} reports side by side, and where they disagree",
                story.title,
                story.briefs.len()
            ),
        },
        body: None,
    }
}

/// A fact of the story its sources give versions of (the day, who did it),
/// as one more event of its "Dates the sources give": each version with
/// its statements.
fn versions_view(
    label: &str,
    id: &str,
    disagreement: bool,
    versions: Vec<(String, Vec<Statement>)>,
) -> Option<EventView> {
    // "when it happened" as a heading: "When it happened".
    let mut chars = label.chars();
    let label = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    (!versions.is_empty()).then(|| EventView {
        label,
        id: id.to_string(),
        disagreement,
        versions: versions
            .into_iter()
            .map(|(when, statements)| EventVersionView { when, statements })
            .collect(),
    })
}

/// The days the reports give for the event.
fn day_view(shared: &Shared, story: &Story) -> Option<EventView> {
    // A day only of what was said is told apart where other days date the
    // event itself (in a story of an announcement every day is a statement's).
    let events_dated = (story.days.versions.iter()).any(|v| v.statements.iter().any(|st| !st.said));
    let versions = story.days.versions.iter().map(|v| {
        let only_said = events_dated && v.statements.iter().all(|st| st.said);
        let statements = v.statements.iter().map(|st| {
            let mut note = match &st.note {
                Some(n) => format!("“{}”: {n}", st.text),
                None => format!("“{}”", st.text),
            };
            // A report that dates only what was said is no rival to one
            // dating the event: the reader is told which this is.
            if only_said {
                note.push_str("; the day it was said (the report dates nothing else)");
            }
            shared.statement(st.brief, st.line, &st.context, Some(note))
        });
        (v.display.clone(), statements.collect())
    });
    versions_view(
        DAY_LABEL,
        "day",
        story.days.disagreement,
        versions.collect(),
    )
}

/// The places the reports name, each with its sources: where it happened.
fn places_view(shared: &Shared, story: &Story) -> Vec<StoryPlaceView> {
    story
        .places
        .iter()
        .map(|p| StoryPlaceView {
            name: p.name.clone(),
            statements: p
                .statements
                .iter()
                .map(|st| shared.statement(st.brief, st.line, &st.context, None))
                .collect(),
        })
        .collect()
}

/// The reports' claims of responsibility, blames and denials: the versions
/// are the stances.
fn claims_view(shared: &Shared, story: &Story) -> Option<EventView> {
    let versions = story.claims.versions.iter().map(|v| {
        let statements = v.statements.iter().map(|st| {
            let note = Some(format!("“{}”", st.words));
            shared.statement(st.brief, st.line, &st.context, note)
        });
        (v.display.clone(), statements.collect())
    });
    versions_view(
        CLAIMS_LABEL,
        "claims",
        story.claims.disagreement,
        versions.collect(),
    )
}

/// How many briefs the front page lists as new at most.
const NEW_SHOWN: usize = 20;

/// A story's update of the latest day, if it had one.
pub(crate) fn update_of(
    input: &RenderInput<'_>,
    shared: &Shared,
    story: &Story,
    s: usize,
) -> Option<StoryUpdateView> {
    let day = input.analysis.latest_day?;
    let summary = story.update_summary()?;
    Some(StoryUpdateView {
        day: DateView::new(day),
        story: shared.story_links[s].clone(),
        new_reports: story
            .new_briefs
            .iter()
            .map(|&b| shared.cards[b].clone())
            .collect(),
        now_disputed: story.newly_disputed.clone(),
        summary,
    })
}

/// What the briefing's latest day added, for the front page.
pub(crate) fn what_is_new(input: &RenderInput<'_>, shared: &Shared) -> Option<WhatIsNewView> {
    let day = input.analysis.latest_day?;
    let seen = |b: usize| {
        input.briefs[b]
            .facts
            .ingest
            .as_ref()
            .and_then(|s| s.first_seen)
    };
    let new: Vec<usize> = input
        .analysis
        .newest_first
        .iter()
        .copied()
        .filter(|&b| seen(b) == Some(day))
        .collect();
    let stories = input
        .analysis
        .stories
        .iter()
        .enumerate()
        .filter_map(|(s, story)| update_of(input, shared, story, s))
        .collect();
    Some(WhatIsNewView {
        day: DateView::new(day),
        count: new.len(),
        briefs: new
            .iter()
            .take(NEW_SHOWN)
            .map(|&b| shared.cards[b].clone())
            .collect(),
        stories,
    })
}

/// Two or more reports state one value and none another.
fn agreed(g: &FigureGroup) -> bool {
    g.values.len() == 1 && g.values[0].brief_count >= 2
}

/// A quantity of a story with every value and who states it.
fn figure_view(shared: &Shared, g: &FigureGroup) -> FigureGroupView {
    let all: Vec<_> = figures::statements_of(g).collect();
    let id = crate::slug::slugify(&g.label).unwrap_or_else(|| "figure".to_string());
    figures::group_view(shared, g, &all, &id, &shared.figure_url(&g.label))
}

/// People and organisations two or more reports name, most named first,
/// with the forms each report writes them in when those differ.
fn named_by_several(cx: &Cx<'_>, story: &Story) -> Vec<StoryNameView> {
    let shared = cx.shared;
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for &b in &story.briefs {
        for &(e, _) in &shared.brief_mentions[b] {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut named: Vec<(usize, usize)> = counts.into_iter().filter(|&(_, n)| n >= 2).collect();
    named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    named
        .into_iter()
        .map(|(e, count)| StoryNameView {
            entity: EntityLink::from(&shared.entity_cards[e]),
            count,
            forms: forms_of(cx, story, e),
        })
        .collect()
}

/// The forms the story's reports write entity `e` in, in report order,
/// each with who writes it so; empty when they all write it alike.
fn forms_of(cx: &Cx<'_>, story: &Story, e: usize) -> Vec<NameFormView> {
    let mut forms: Vec<NameFormView> = Vec::new();
    let entity = &cx.input.analysis.entities[e];
    for &b in &story.briefs {
        // The brief's own list of its mentions: no scan of the entity's.
        let mention = cx.shared.brief_mentions[b]
            .iter()
            .find(|&&(x, _)| x == e)
            .map(|&(_, i)| &entity.mentions[i]);
        let Some(m) = mention else {
            continue;
        };
        let brief = &cx.input.briefs[b];
        let who = brief.outlet.clone().unwrap_or_else(|| brief.title.clone());
        match forms.iter_mut().find(|f| f.form == m.form) {
            Some(f) if !f.by.contains(&who) => f.by.push(who),
            Some(_) => {}
            None => forms.push(NameFormView {
                form: m.form.clone(),
                by: vec![who],
            }),
        }
    }
    if forms.len() < 2 {
        forms.clear();
    }
    forms
}

/// The topics of a story's reports, in site order.
fn topics_of(cx: &Cx<'_>, story: &Story) -> Vec<TopicLink> {
    let site = &cx.shared.site;
    let mut tags: Vec<&str> = story
        .briefs
        .iter()
        .flat_map(|&b| cx.input.briefs[b].topics.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    site.topics
        .iter()
        .filter(|t| tags.binary_search(&t.slug.as_str()).is_ok())
        .cloned()
        .collect()
}

/// Other reports of its story a brief page lists at most.
pub const STORY_OTHERS_SHOWN: usize = 20;

/// The story brief `b` is part of, as its page shows it.
pub(crate) fn of_brief(
    input: &RenderInput<'_>,
    shared: &Shared,
    b: usize,
) -> Option<BriefStoryView> {
    let s = input.analysis.briefs[b].story?;
    let story = &input.analysis.stories[s];
    // Story order (oldest first) is kept; past the cap, the reports
    // published nearest this one are the ones listed. Every report of a
    // story listing every other would grow as its square.
    let mut others: Vec<(usize, usize)> = story
        .briefs
        .iter()
        .enumerate()
        .filter(|&(_, &o)| o != b)
        .map(|(at, &o)| (at, o))
        .collect();
    let more = others.len().saturating_sub(STORY_OTHERS_SHOWN);
    if more > 0 {
        let day = input.briefs[b].published;
        let gap = |o: usize| match (day, input.briefs[o].published) {
            (Some(x), Some(y)) => (x - y).num_days().unsigned_abs(),
            _ => u64::MAX,
        };
        others.sort_by_key(|&(at, o)| (gap(o), at));
        others.truncate(STORY_OTHERS_SHOWN);
        others.sort_unstable();
    }
    Some(BriefStoryView {
        story: shared.story_links[s].clone(),
        others: others
            .into_iter()
            .map(|(_, o)| shared.cards[o].clone())
            .collect(),
        more,
        disputed: story.disputed(),
    })
}

/// The newest stories some report of topic `t` is part of, at most
/// [`paging::PER_PAGE`].
pub(crate) fn of_topic(input: &RenderInput<'_>, shared: &Shared, t: usize) -> Vec<StoryLink> {
    let mut found = input.analysis.stories_of_topic(t);
    found.truncate(paging::PER_PAGE);
    found
        .into_iter()
        .map(|s| shared.story_links[s].clone())
        .collect()
}
