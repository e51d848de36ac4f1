//! What templates see: small serialisable views built from the analysis.
//!
//! URLs in views are written from the output root (`briefs/x.html`);
//! templates prefix them with `{{ root }}`, which leads from the page being
//! rendered back to the root, so every link stays relative.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::links;

/// Site-wide settings, as `site` in every template.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteView {
    /// Title from site.toml.
    pub title: String,
    /// Description from site.toml.
    pub description: String,
    /// Language tag.
    pub language: String,
    /// Absolute base URL with a trailing slash, or empty.
    pub base_url: String,
    /// Topics in menu order, for navigation.
    pub topics: Vec<TopicLink>,
}

/// A link to a topic page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TopicLink {
    /// Topic slug.
    pub slug: String,
    /// Display title.
    pub title: String,
    /// Page URL from the output root.
    pub url: String,
}

/// A date in the two forms pages need.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateView {
    /// `2024-09-10`, for `<time datetime>`.
    pub iso: String,
    /// `10 September 2024`, for people.
    pub human: String,
}

impl DateView {
    /// Both forms of `d`.
    pub fn new(d: NaiveDate) -> DateView {
        DateView {
            iso: d.format("%Y-%m-%d").to_string(),
            human: d.format("%-d %B %Y").to_string(),
        }
    }
}

/// A brief as listed anywhere: title, link, outlet, date, topics.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BriefCard {
    /// Brief slug.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Page URL from the output root.
    pub url: String,
    /// Publisher, if known.
    pub outlet: Option<String>,
    /// What `content/outlets.yaml` says of the publisher ("state media,
    /// Iran"; "unlabelled" when the site labels outlets but not this one).
    pub outlet_label: Option<String>,
    /// The bylined authors, as the source names them.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date, if known.
    pub published: Option<DateView>,
    /// Its topics.
    pub topics: Vec<TopicLink>,
    /// The raw source's page, if the brief has a source.
    pub source_url: Option<String>,
    /// The raw source's file name.
    pub source_file: Option<String>,
}

/// A topic as shown in lists: with its lede, size and freshness.
#[derive(Debug, Clone, Serialize)]
pub struct TopicCard {
    /// Topic slug.
    pub slug: String,
    /// Display title.
    pub title: String,
    /// Page URL from the output root.
    pub url: String,
    /// First paragraph of the summary, as sanitised HTML.
    pub lede_html: String,
    /// Number of briefs tagged with it.
    pub count: usize,
    /// Newest publication date among them.
    pub newest: Option<DateView>,
}

/// A brief under a topic, with the passage that justifies the tag.
///
/// Made from the brief's card and its passage (in
/// `render`), which is what the topic page's key hashes: an entry made from
/// anything more must add it to that key.
#[derive(Debug, Clone)]
pub struct TopicEntry {
    /// The brief's card, in Tera's form (made once per build, shared).
    pub brief: tera::Value,
    /// The passage, HTML-escaped, matched phrases in `<mark>`.
    pub passage_html: Option<String>,
    /// The passage's line in the raw source page, from the output root.
    pub passage_url: Option<String>,
    /// That line's number.
    pub passage_line: Option<usize>,
}

impl TopicEntry {
    /// The entry as a template sees it: a map of its fields. Made by hand,
    /// not serialised: that would copy the shared card.
    pub fn into_tera(self) -> tera::Value {
        let mut map = tera::Map::with_capacity(4);
        map.insert("brief".into(), self.brief);
        map.insert("passage_html".into(), self.passage_html.into());
        map.insert("passage_url".into(), self.passage_url.into());
        map.insert("passage_line".into(), self.passage_line.into());
        tera::Value::from(map)
    }
}

/// A topic that shares briefs with another.
#[derive(Debug, Clone, Serialize)]
pub struct CoTopic {
    /// The other topic.
    pub topic: TopicLink,
    /// How many briefs carry both.
    pub count: usize,
}

/// A related brief and why.
///
/// Made from the related brief's card and the reason (in
/// `render`), which is what the brief page's key hashes: a view made from
/// anything more must add it to that key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RelatedView {
    /// The related brief.
    pub brief: Arc<BriefCard>,
    /// Why it is related.
    pub reason: String,
}

/// One raw source as shown on its page.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// File name relative to content/sources.
    pub file: String,
    /// Page URL from the output root.
    pub url: String,
    /// The lines, as text (templates escape them).
    pub lines: Vec<String>,
    /// How they were read from the file: "as-delivered", "saved-page" (the
    /// text an HTML or MHTML page shows) or "markup-read" (Markdown, a
    /// forwarded e-mail, a clipper's fields: the text as it reads).
    pub reading: &'static str,
}

/// A row of the source index.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// File name relative to content/sources.
    pub file: String,
    /// Source page URL from the output root.
    pub url: String,
    /// The brief made from it, if any.
    pub brief: Option<Arc<BriefCard>>,
}

/// A link of the sources index's filter bar: all sources, or those of one
/// outlet kind or country.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFilterLink {
    /// "All sources", "state media", "Iraq", "unlabelled".
    pub label: String,
    /// "all", "kind" or "country".
    pub by: &'static str,
    /// Its first page.
    pub url: String,
    /// Sources it lists; shown on first pages only (an archive page keeps
    /// no count that every new source would change).
    pub count: Option<usize>,
    /// The list this page belongs to.
    pub current: bool,
}

/// The links of the sources index's filter bar that narrow by one thing.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFilterGroup {
    /// "all", "kind" or "country".
    pub by: &'static str,
    pub links: Vec<SourceFilterLink>,
}

/// Escape `text` for HTML and wrap each occurrence of `phrases` in `<mark>`.
pub fn mark_phrases(text: &str, phrases: &[String]) -> String {
    // A hyphen reads as a space, as the topic matcher reads it ("advise and
    // assist" marks "advise-and-assist"); one byte for one.
    let lower = crate::topic::fold_case_and_hyphens(text);
    // Lower-casing can change byte lengths for some scripts; only mark when it does not.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if lower.len() == text.len() {
        for p in phrases
            .iter()
            .flat_map(|p| crate::topic::apostrophe_forms(p))
        {
            let needle = crate::topic::fold_case_and_hyphens(&p);
            if needle.is_empty() {
                continue;
            }
            for (i, _) in lower.match_indices(needle.as_str()) {
                let end = i + needle.len();
                let before_ok = !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after_ok = !lower[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if before_ok && after_ok && text.is_char_boundary(i) && text.is_char_boundary(end) {
                    ranges.push((i, end));
                }
            }
        }
    }
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for (s, e) in ranges {
        if s < at {
            continue; // overlaps a longer earlier match
        }
        out.push_str(&super::escape_html(&text[at..s]));
        out.push_str("<mark>");
        out.push_str(&super::escape_html(&text[s..e]));
        out.push_str("</mark>");
        at = e;
    }
    out.push_str(&super::escape_html(&text[at..]));
    out
}

/// Convenience: a topic link from slug and title.
pub fn topic_link(slug: &str, title: &str) -> TopicLink {
    TopicLink {
        slug: slug.to_string(),
        title: title.to_string(),
        url: links::topic(slug),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_escapes() {
        let h = mark_phrases("The PMF <b> & the pmf-led PMFX", &["PMF".to_string()]);
        assert_eq!(
            h,
            "The <mark>PMF</mark> &lt;b&gt; &amp; the <mark>pmf</mark>-led PMFX"
        );
    }

    #[test]
    fn dates() {
        let d = DateView::new(NaiveDate::from_ymd_opt(2024, 9, 8).unwrap());
        assert_eq!(
            (d.iso.as_str(), d.human.as_str()),
            ("2024-09-08", "8 September 2024")
        );
    }
}

/// A link to one line of a raw source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LineRef {
    /// Line number.
    pub line: usize,
    /// `sources/<slug>.html#L<line>` from the output root, when the brief has a source.
    pub url: Option<String>,
}

/// A statement by one brief, with its source line.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// The brief that makes it.
    pub brief: Arc<BriefCard>,
    /// The words.
    pub text: String,
    /// Where in the source.
    pub at: LineRef,
    /// A qualifier or note ("about", "the text does not state the year").
    pub note: Option<String>,
}

/// An entity as listed.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCard {
    /// Slug.
    pub slug: String,
    /// Page URL from the output root.
    pub url: String,
    /// Name shown.
    pub name: String,
    /// "person" or "organisation".
    pub kind: String,
    /// Other forms.
    pub aliases: Vec<String>,
    /// Roles as stated, most-stated first.
    pub roles: Vec<String>,
    /// Briefs naming it.
    pub brief_count: usize,
}

/// A link to an entity's page, without what changes as briefs are added
/// (counts, roles): pages that only name an entity do not change with them.
#[derive(Debug, Clone, Serialize)]
pub struct EntityLink {
    /// Slug.
    pub slug: String,
    /// Page URL from the output root.
    pub url: String,
    /// Name shown.
    pub name: String,
    /// "person" or "organisation".
    pub kind: String,
}

impl From<&EntityCard> for EntityLink {
    fn from(card: &EntityCard) -> Self {
        EntityLink {
            slug: card.slug.clone(),
            url: card.url.clone(),
            name: card.name.clone(),
            kind: card.kind.clone(),
        }
    }
}

/// How many sources named an entity in one month (or one year, when its
/// mentions span years): a bar of the summary on the entity's page.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodCount {
    /// "September 2024", "2019", "Undated".
    pub label: String,
    /// Sources naming it then.
    pub count: usize,
    /// Of the busiest period's count, 0-100: the bar's length.
    pub percent: usize,
    /// The entity's archive page of that month, when it has one.
    pub url: Option<String>,
}

/// An entity named in the same sources as the one whose page this is.
#[derive(Debug, Clone, Serialize)]
pub struct NamedWith {
    /// Its page.
    pub entity: EntityLink,
    /// Sources naming both.
    pub count: usize,
}

/// One brief's mention of an entity.
#[derive(Debug, Clone)]
pub struct EntityMention {
    /// The brief's card, in Tera's form (made once per build, shared).
    pub brief: tera::Value,
    /// The form it uses.
    pub form: String,
    /// Lines that name the entity.
    pub lines: Vec<LineRef>,
}

impl EntityMention {
    /// The mention as a template sees it: a map of its fields, made by hand
    /// as [`TopicEntry::into_tera`] is (serialising would copy the card).
    pub fn into_tera(self) -> tera::Value {
        let mut map = tera::Map::with_capacity(3);
        map.insert("brief".into(), self.brief);
        map.insert("form".into(), self.form.into());
        map.insert("lines".into(), tera::Value::from_serializable(&self.lines));
        tera::Value::from(map)
    }
}

/// One value of a figure and who states it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureValueView {
    /// "2,500".
    pub display: String,
    /// How many briefs state it.
    pub brief_count: usize,
    /// Who states it.
    pub statements: Vec<Statement>,
}

/// A quantity and its values.
#[derive(Debug, Clone, Serialize)]
pub struct FigureGroupView {
    /// "troops in Iraq".
    pub label: String,
    /// Anchor id on the figures page.
    pub id: String,
    /// Its page, from the output root.
    pub url: String,
    /// Sources state different values.
    pub disagreement: bool,
    /// Values, most-stated first.
    pub values: Vec<FigureValueView>,
    /// Statements without a number.
    pub unquantified: Vec<Statement>,
}

/// A quantity as the figures overview lists it: its most stated values.
#[derive(Debug, Clone, Serialize)]
pub struct FigureSummaryView {
    /// "troops in Iraq".
    pub label: String,
    /// Its page, from the output root.
    pub url: String,
    /// Sources state different values.
    pub disagreement: bool,
    /// The most stated values (at most [`FigureSummaryView::VALUES`]).
    pub values: Vec<ValueCount>,
    /// Values not listed here.
    pub other_values: usize,
    /// Statements of it without a number ("hundreds of troops").
    pub unquantified: usize,
    /// Statements of it, with or without a number.
    pub statements: usize,
    /// Briefs that state it.
    pub brief_count: usize,
}

impl FigureSummaryView {
    /// Values an overview lists per quantity.
    pub const VALUES: usize = 5;
}

/// A value and how many briefs state it.
#[derive(Debug, Clone, Serialize)]
pub struct ValueCount {
    /// "2,500".
    pub display: String,
    /// Briefs stating it.
    pub brief_count: usize,
}

/// One version of an event's date.
#[derive(Debug, Clone, Serialize)]
pub struct EventVersionView {
    /// "September 2025".
    pub when: String,
    /// Who states it (with their publication dates: what was known when).
    pub statements: Vec<Statement>,
}

/// An event and the dates sources give it.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// "Withdrawal begins".
    pub label: String,
    /// Anchor id.
    pub id: String,
    /// Sources disagree.
    pub disagreement: bool,
    /// The versions, earliest first.
    pub versions: Vec<EventVersionView>,
}

/// An event as the timeline overview lists it.
#[derive(Debug, Clone, Serialize)]
pub struct EventSummaryView {
    /// "Withdrawal begins".
    pub label: String,
    /// Anchor id.
    pub id: String,
    /// Its page, from the output root.
    pub url: String,
    /// Sources disagree.
    pub disagreement: bool,
    /// Its most stated dates, earliest first, with how many statements give each.
    pub versions: Vec<ValueCount>,
    /// Dates not listed here.
    pub other_versions: usize,
}

/// A row of the chronological list.
#[derive(Debug, Clone, Serialize)]
pub struct DatedView {
    /// "September 2025".
    pub when: String,
    /// The event, if recognised.
    pub event: Option<String>,
    /// The statement (text = the sentence).
    pub statement: Statement,
    /// `id` of this entry (`d-<index>`), which a later entry of the same
    /// sentence links to.
    pub id: String,
    /// Where the sentence is quoted already (this one then shows the date
    /// and the source alone): the URL of that entry and its date.
    pub quoted_at: Option<QuotedAt>,
}

/// The entry of a date list that quotes a sentence already shown.
#[derive(Debug, Clone, Serialize)]
pub struct QuotedAt {
    /// Page and anchor of the entry (`timeline/dates.html#d-12`).
    pub url: String,
    /// Its date, "6 September 2024".
    pub when: String,
}

/// A link to a section of the figures or timeline page, with its flag.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorLink {
    /// What it is.
    pub label: String,
    /// URL from the output root, with the anchor.
    pub url: String,
    /// Sources disagree there.
    pub disagreement: bool,
    /// A one-line summary ("2,500 (3 sources)", "September 2024 / September 2025").
    pub summary: String,
}

/// Something two or more sources state alike.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    /// The statement.
    pub text: String,
    /// The briefs that state it.
    pub briefs: Vec<Arc<BriefCard>>,
}

/// A row of the "what was known when" table: one brief, by publication date,
/// and the date it gives for each event.
#[derive(Debug, Clone, Serialize)]
pub struct KnownWhenRow {
    /// The brief.
    pub brief: Arc<BriefCard>,
    /// Per event (in `events` order): the dates this brief gives, joined.
    pub cells: Vec<String>,
}

/// A fact of a brief with its source line: "2,500 American soldiers in Iraq", line 18.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactView {
    /// The words.
    pub text: String,
    /// Where.
    pub at: LineRef,
    /// A link to the entity page, figure group or timeline event it belongs to.
    pub url: Option<String>,
    /// A note ("the text does not state the year").
    pub note: Option<String>,
}

/// A link to a story's page, with its span and size.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryLink {
    /// Slug.
    pub slug: String,
    /// Page URL from the output root.
    pub url: String,
    /// The title of its lead report.
    pub title: String,
    /// How many briefs report it.
    pub count: usize,
    /// Earliest report.
    pub first: Option<DateView>,
    /// Latest report.
    pub last: Option<DateView>,
}

/// The story a brief is part of, as its page shows it: the other reports.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BriefStoryView {
    /// The story.
    pub story: StoryLink,
    /// Its other briefs, oldest first: those published nearest this one,
    /// at most [`STORY_OTHERS_SHOWN`](crate::render::pages::stories::STORY_OTHERS_SHOWN).
    pub others: Vec<Arc<BriefCard>>,
    /// How many other briefs of the story are not in `others` (the story
    /// page lists every one).
    pub more: usize,
    /// Quantities the reports give different values for ("wounded").
    pub disputed: Vec<String>,
}

/// One report of a story: the brief and how it begins, at its line.
#[derive(Debug, Clone, Serialize)]
pub struct StoryReport {
    /// The brief.
    pub brief: Arc<BriefCard>,
    /// Its first key point, with its source line.
    pub says: Option<FactView>,
}

/// A story list entry: the link and the outlets that report it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryEntry {
    /// The story.
    pub story: StoryLink,
    /// Its reports' outlets, oldest report first, each once.
    pub outlets: Vec<String>,
    /// Quantities its reports disagree on.
    pub disputed: Vec<String>,
}

/// An outlet on the outlets page.
#[derive(Debug, Clone, Serialize)]
pub struct OutletView {
    /// As briefs write it.
    pub name: String,
    /// `content/outlets.yaml` has a profile for it.
    pub labelled: bool,
    /// Where it is based.
    pub country: Option<String>,
    /// The language of its articles.
    pub language: Option<String>,
    /// The analyst's note.
    pub note: Option<String>,
    /// How many briefs it published.
    pub reports: usize,
    /// Its newest brief.
    pub newest: Option<Arc<BriefCard>>,
}

/// Outlets of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct OutletGroupView {
    /// "state media", or the heading of outlets without a kind.
    pub kind: String,
    /// By country, then name.
    pub outlets: Vec<OutletView>,
}

/// An entity several reports of a story name, with the forms they write it in.
#[derive(Debug, Clone, Serialize)]
pub struct StoryNameView {
    /// Its page.
    pub entity: EntityLink,
    /// How many reports name it.
    pub count: usize,
    /// Each form the reports use and who uses it, when they use more than one.
    pub forms: Vec<NameFormView>,
}

/// One way a name is written, and by whom.
#[derive(Debug, Clone, Serialize)]
pub struct NameFormView {
    /// "Abu Baqir al-Saadi".
    pub form: String,
    /// The outlets (or, without one, the titles) of the reports that write it so.
    pub by: Vec<String>,
}

/// A place the reports of a story name, and who names it where.
#[derive(Debug, Clone, Serialize)]
pub struct StoryPlaceView {
    /// "Tower 22".
    pub name: String,
    /// Each source's sentence naming it, at its line.
    pub statements: Vec<Statement>,
}

/// What the latest day of the briefing added: new reports, and the stories
/// they changed.
#[derive(Debug, Clone, Serialize)]
pub struct WhatIsNewView {
    /// The day the new sources were first seen.
    pub day: DateView,
    /// How many reports are new.
    pub count: usize,
    /// The newest of them (at most a page's worth).
    pub briefs: Vec<Arc<BriefCard>>,
    /// Stories that gained reports, and what became disputed.
    pub stories: Vec<StoryUpdateView>,
}

/// A story the latest day changed.
#[derive(Debug, Clone, Serialize)]
pub struct StoryUpdateView {
    /// The day its new reports were first seen.
    pub day: DateView,
    /// The story.
    pub story: StoryLink,
    /// Its reports first seen that day.
    pub new_reports: Vec<Arc<BriefCard>>,
    /// What its reports disagree on since.
    pub now_disputed: Vec<String>,
    /// "2 new sources; now disputed: wounded".
    pub summary: String,
}
