//! Long lists on pages of bounded size, whatever the corpus.
//!
//! A list in time (all briefs, all sources, a topic's briefs, an entity's
//! mentions, what was known when) is shown newest first. Up to
//! `2 * PER_PAGE - 1` entries it is one page. Longer, its first page shows
//! the newest [`PER_PAGE`] and every entry is also on an archive page of its
//! month (`briefs/archive/2024-03.html`), a month of more than [`PER_PAGE`]
//! entries in parts counted from its oldest (`2024-03-2.html` holds the
//! second hundred). Months keep archive pages stable: an article added
//! changes the first page and the last part of its own month (one dated in
//! the past: the parts of its month from where it falls), never the rest,
//! as numbering the whole list would.
//!
//! A ranked list (a quantity's values, an event's statements, every date)
//! goes on numbered pages of [`PER_PAGE`]: `figures/troops/page/2.html`.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::views::DateView;

/// Entries on one page (the first page of a list of fewer than twice as
/// many shows them all).
pub const PER_PAGE: usize = 100;

/// One archive page of a list in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Archive {
    /// `2024-03`, `2024-03-2`, `undated`.
    pub slug: String,
    /// `March 2024`, `March 2024, part 2`, `Undated`.
    pub label: String,
    /// Its entries: indices into the list, in list order (newest first).
    pub items: Vec<usize>,
}

/// How a list in time is split into pages: part 0 is its first page,
/// part k its k-th archive page (oldest first).
#[derive(Debug, Clone)]
pub struct Chronology {
    total: usize,
    archives: Vec<Archive>,
}

impl Chronology {
    /// The pages of a list whose entries have these dates, in list order
    /// (newest first, undated last).
    pub fn new(dates: &[Option<NaiveDate>]) -> Chronology {
        let total = dates.len();
        let mut archives = Vec::new();
        if total >= 2 * PER_PAGE {
            // Month -> entries, oldest month first; undated before them all.
            let mut months: std::collections::BTreeMap<Option<(i32, u32)>, Vec<usize>> =
                Default::default();
            for (i, d) in dates.iter().enumerate() {
                months
                    .entry(d.map(|d| (d.year(), d.month())))
                    .or_default()
                    .push(i);
            }
            for (month, items) in months {
                let (slug, label) = match month {
                    Some((y, m)) => (format!("{y:04}-{m:02}"), month_label(y, m)),
                    None => ("undated".to_string(), "Undated".to_string()),
                };
                // Parts counted from the month's oldest entry.
                let oldest_first: Vec<usize> = items.into_iter().rev().collect();
                for (n, part) in oldest_first.chunks(PER_PAGE).enumerate() {
                    let (slug, label) = if n == 0 {
                        (slug.clone(), label.clone())
                    } else {
                        (
                            format!("{slug}-{}", n + 1),
                            format!("{label}, part {}", n + 1),
                        )
                    };
                    archives.push(Archive {
                        slug,
                        label,
                        items: part.iter().rev().copied().collect(),
                    });
                }
            }
        }
        Chronology { total, archives }
    }

    /// Pages: the first and the archives.
    pub fn parts(&self) -> usize {
        1 + self.archives.len()
    }

    /// The entries of part `part`, in list order.
    pub fn items(&self, part: usize) -> Vec<usize> {
        match part {
            0 if self.archives.is_empty() => (0..self.total).collect(),
            0 => (0..PER_PAGE.min(self.total)).collect(),
            p => self
                .archives
                .get(p - 1)
                .map(|a| a.items.clone())
                .unwrap_or_default(),
        }
    }

    /// Output path of part `part` of the list whose first page is `first`:
    /// `briefs/index.html` -> `briefs/archive/2024-03.html`,
    /// `topics/pmf.html` -> `topics/pmf/archive/2024-03.html`. Slugs hold no
    /// `/`, so no page of a brief, topic, source or entity is such a path.
    pub fn path(&self, first: &str, part: usize) -> String {
        match part.checked_sub(1).and_then(|k| self.archives.get(k)) {
            None => first.to_string(),
            Some(a) => {
                let stem = first.strip_suffix("index.html").map_or_else(
                    || format!("{}/", first.strip_suffix(".html").unwrap_or(first)),
                    str::to_string,
                );
                format!("{stem}archive/{}.html", a.slug)
            }
        }
    }

    /// Output path of the first archive page of a month (`2024-03`), if the
    /// list has one.
    pub fn month_path(&self, first: &str, month: &str) -> Option<String> {
        let k = self.archives.iter().position(|a| a.slug == month)?;
        Some(self.path(first, k + 1))
    }

    /// The pager of part `part` of the list whose first page is `first`.
    pub fn pager(&self, first: &str, part: usize) -> Pager {
        let archives = self.archives.len();
        let url = |p: usize| self.path(first, p);
        let newer_url = match part {
            0 => None,
            p if p >= archives => Some(url(0)),
            p => Some(url(p + 1)),
        };
        let older_url = match part {
            0 if archives > 0 => Some(url(archives)),
            p if p > 1 => Some(url(p - 1)),
            _ => None,
        };
        // In the order shown: the first page, then archives newest first
        // (archive k at `archives + 1 - k`). Only pages near this one are
        // linked besides the first and the oldest: a new month then changes
        // the pagers of the pages next to it, not of every archive page.
        let shown_at = |p: usize| if p == 0 { 0 } else { archives + 1 - p };
        let pages = window(archives + 1, shown_at(part))
            .into_iter()
            .map(|at| {
                at.map_or_else(PagerLink::gap, |at| {
                    let p = if at == 0 { 0 } else { archives + 1 - at };
                    let label = match p {
                        0 => "Newest".to_string(),
                        p => self.archives[p - 1].label.clone(),
                    };
                    PagerLink::to(label, p, part, url(p))
                })
            })
            .collect();
        Pager {
            chronological: true,
            part,
            paged: archives > 0,
            page_count: None,
            label: part
                .checked_sub(1)
                .and_then(|k| self.archives.get(k))
                .map(|a| a.label.clone()),
            shown: self.items(part).len(),
            oldest: None,
            newest: None,
            first_url: url(0),
            newer_url,
            older_url,
            pages,
        }
    }
}

/// "March 2024".
pub fn month_label(year: i32, month: u32) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or_else(|| format!("{year}-{month:02}"))
}

/// Pages of a ranked list of `total` items (at least one).
pub fn ranked_pages(total: usize) -> usize {
    total.div_ceil(PER_PAGE).max(1)
}

/// The items of page `part + 1` of a ranked list of `total`.
pub fn ranked_items(total: usize, part: usize) -> Range<usize> {
    (part * PER_PAGE).min(total)..((part + 1) * PER_PAGE).min(total)
}

/// Output path of page `part + 1` of the ranked list whose first page is
/// `first`: `figures/troops.html` -> `figures/troops/page/2.html`.
pub fn ranked_path(first: &str, part: usize) -> String {
    if part == 0 {
        return first.to_string();
    }
    let stem = first.strip_suffix(".html").unwrap_or(first);
    format!("{stem}/page/{}.html", part + 1)
}

/// The pager a list page shows: where it is among the list's pages and
/// links to the others (paths from the output root, like every `url`).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// Newest first, with archives ([`Pager::new`]); else a ranked list on
    /// numbered pages ([`Pager::ranked`]), whose links say "Previous" and
    /// "Next" rather than "Newer" and "Older".
    pub chronological: bool,
    /// 0 on the first page, else the archive page's number (1 = oldest) or
    /// the page's index (page `part + 1`) in a ranked list.
    pub part: usize,
    /// An archive page's name ("March 2024").
    pub label: Option<String>,
    /// More than one page.
    pub paged: bool,
    /// Pages in all, for a ranked list (a list in time does not say: the
    /// number would change every archive page whenever a month is added).
    pub page_count: Option<usize>,
    /// Items on this page. (Not the list's length: every new item would
    /// change it on every archive page.)
    pub shown: usize,
    /// The first page (newest items).
    pub first_url: String,
    /// The page of the next newer items, if this is an archive page.
    pub newer_url: Option<String>,
    /// The page of the next older items, if there is one.
    pub older_url: Option<String>,
    /// Links to a window of pages around this one, with gaps.
    pub pages: Vec<PagerLink>,
    /// Publication date of the oldest and newest dated item on this page.
    pub oldest: Option<DateView>,
    pub newest: Option<DateView>,
}

/// One entry of a pager's page list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PagerLink {
    /// "Newest" for the first page, else the archive number.
    pub label: String,
    /// `None` for this page and for a gap.
    pub url: Option<String>,
    /// This page.
    pub current: bool,
    /// Pages left out here ("…").
    pub gap: bool,
}

impl PagerLink {
    /// "…": pages left out.
    fn gap() -> PagerLink {
        PagerLink {
            label: "…".to_string(),
            url: None,
            current: false,
            gap: true,
        }
    }

    /// A link to part `p` (none if it is `here`).
    fn to(label: String, p: usize, here: usize, url: String) -> PagerLink {
        PagerLink {
            label,
            url: (p != here).then_some(url),
            current: p == here,
            gap: false,
        }
    }
}

/// Which of `count` pages (positions in the order shown) a pager links: the
/// first and last and two either side of `here`; `None` where pages are
/// left out.
fn window(count: usize, here: usize) -> Vec<Option<usize>> {
    let mut wanted: Vec<usize> = vec![0, count.saturating_sub(1)];
    wanted.extend(here.saturating_sub(2)..=here + 2);
    wanted.retain(|&p| p < count);
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = Vec::new();
    for (i, &p) in wanted.iter().enumerate() {
        if i > 0 && wanted[i - 1] + 1 != p {
            out.push(None);
        }
        out.push(Some(p));
    }
    out
}

impl Pager {
    /// The pager of page `part + 1` of a ranked list of `total` items (the
    /// most stated value first, say) whose first page is `first`: pages of
    /// [`PER_PAGE`] items, `…/page/2.html` onwards.
    pub fn ranked(first: &str, total: usize, part: usize) -> Pager {
        let pages = ranked_pages(total);
        let url = |p: usize| ranked_path(first, p);
        let links = window(pages, part)
            .into_iter()
            .map(|at| {
                at.map_or_else(PagerLink::gap, |p| {
                    PagerLink::to((p + 1).to_string(), p, part, url(p))
                })
            })
            .collect();
        Pager {
            chronological: false,
            part,
            label: None,
            paged: pages > 1,
            page_count: Some(pages),
            shown: ranked_items(total, part).len(),
            first_url: url(0),
            newer_url: (part > 0).then(|| url(part - 1)),
            older_url: (part + 1 < pages).then(|| url(part + 1)),
            pages: links,
            oldest: None,
            newest: None,
        }
    }

    /// The pager with the dates its items span.
    pub fn spanning(mut self, dates: impl IntoIterator<Item = Option<NaiveDate>>) -> Pager {
        let dates: Vec<NaiveDate> = dates.into_iter().flatten().collect();
        self.oldest = dates.iter().min().copied().map(DateView::new);
        self.newest = dates.iter().max().copied().map(DateView::new);
        self
    }

    /// " (March 2024)" or " (page 2 of 9)" for a page title; empty on the
    /// first page.
    pub fn title_suffix(&self) -> String {
        match (self.part, &self.label) {
            (0, _) => String::new(),
            (_, Some(label)) => format!(" ({label})"),
            (p, None) => format!(" (page {} of {})", p + 1, self.page_count.unwrap_or(p + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates newest first: `per_day` entries a day for `days` days back from
    /// 30 June 2024, then `undated` without a date.
    fn dates(days: u64, per_day: usize, undated: usize) -> Vec<Option<NaiveDate>> {
        let last = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
        let mut out = Vec::new();
        for d in 0..days {
            out.extend(std::iter::repeat_n(
                Some(last - chrono::Days::new(d)),
                per_day,
            ));
        }
        out.extend(std::iter::repeat_n(None, undated));
        out
    }

    #[test]
    fn every_entry_is_on_one_archive_page_of_bounded_size() {
        for (days, per_day, undated) in [
            (10, 1, 0),
            (150, 1, 49),
            (199, 1, 0),
            (200, 1, 0),
            (90, 3, 5),
            (400, 25, 130),
        ] {
            let list = dates(days, per_day, undated);
            let c = Chronology::new(&list);
            let first = c.items(0);
            assert!(first.len() < 2 * PER_PAGE);
            if list.len() < 2 * PER_PAGE {
                assert_eq!(c.parts(), 1);
                assert_eq!(first.len(), list.len());
                continue;
            }
            assert_eq!(first, (0..PER_PAGE).collect::<Vec<_>>(), "the newest");
            let mut seen = vec![0u8; list.len()];
            for part in 1..c.parts() {
                let items = c.items(part);
                assert!(!items.is_empty() && items.len() <= PER_PAGE);
                // One month per archive page, newest first within it.
                let months: std::collections::BTreeSet<_> = items
                    .iter()
                    .map(|&i| list[i].map(|d| (d.year(), d.month())))
                    .collect();
                assert_eq!(months.len(), 1);
                assert!(items.windows(2).all(|w| w[0] < w[1]));
                for i in items {
                    seen[i] += 1;
                }
            }
            assert!(seen.iter().all(|&n| n == 1), "{days} {per_day} {undated}");
        }
    }

    #[test]
    fn archives_stay_put_when_an_article_is_added() {
        // 25 a day: June has 750 entries in 8 parts. One more on 30 June
        // changes June's last part only; one on 3 January only January's.
        let list = dates(200, 25, 0);
        let before = Chronology::new(&list);
        let pages =
            |c: &Chronology, l: &[Option<NaiveDate>]| -> Vec<(String, Vec<Option<NaiveDate>>)> {
                (1..c.parts())
                    .map(|p| {
                        (
                            c.path("briefs/index.html", p),
                            c.items(p).iter().map(|&i| l[i]).collect(),
                        )
                    })
                    .collect()
            };
        let was = pages(&before, &list);
        for new in [(2024, 6, 30), (2024, 1, 3)] {
            let day = NaiveDate::from_ymd_opt(new.0, new.1, new.2).unwrap();
            let mut more = list.clone();
            let at = more.iter().position(|d| *d <= Some(day)).unwrap();
            more.insert(at, Some(day));
            let after = Chronology::new(&more);
            let now = pages(&after, &more);
            let changed: Vec<&String> = now
                .iter()
                .filter(|p| !was.contains(p))
                .map(|(path, _)| path)
                .collect();
            let month = format!("{:04}-{:02}", new.0, new.1);
            assert!(!changed.is_empty());
            assert!(
                changed.iter().all(|p| p.contains(&month)),
                "{new:?}: {changed:?}"
            );
            if new.1 == 6 {
                assert_eq!(
                    changed.len(),
                    1,
                    "the newest changes June's last part: {changed:?}"
                );
            }
        }
    }

    #[test]
    fn paths_labels_and_links() {
        let list = dates(40, 10, 3);
        let c = Chronology::new(&list);
        // 3 undated, then May 2024 (10 days) and June (30 days, 300 entries).
        let labels: Vec<String> = (1..c.parts())
            .map(|p| c.pager("briefs/index.html", p).label.unwrap())
            .collect();
        assert_eq!(
            labels,
            [
                "Undated",
                "May 2024",
                "June 2024",
                "June 2024, part 2",
                "June 2024, part 3"
            ]
        );
        assert_eq!(c.path("briefs/index.html", 0), "briefs/index.html");
        assert_eq!(
            c.path("briefs/index.html", 4),
            "briefs/archive/2024-06-2.html"
        );
        assert_eq!(
            c.path("topics/pmf.html", 1),
            "topics/pmf/archive/undated.html"
        );
        let front = c.pager("briefs/index.html", 0);
        assert_eq!(front.newer_url, None);
        assert_eq!(
            front.older_url.as_deref(),
            Some("briefs/archive/2024-06-3.html")
        );
        let may = c.pager("briefs/index.html", 2);
        assert_eq!(
            may.newer_url.as_deref(),
            Some("briefs/archive/2024-06.html")
        );
        assert_eq!(
            may.older_url.as_deref(),
            Some("briefs/archive/undated.html")
        );
        assert_eq!(may.title_suffix(), " (May 2024)");
        let shown: Vec<&str> = may.pages.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            shown,
            [
                "Newest",
                "…",
                "June 2024, part 2",
                "June 2024",
                "May 2024",
                "Undated"
            ]
        );

        let ranked = Pager::ranked("figures/troops.html", 950, 4);
        assert_eq!(ranked.page_count, Some(10));
        assert_eq!(
            ranked.newer_url.as_deref(),
            Some("figures/troops/page/4.html")
        );
        assert_eq!(
            ranked.older_url.as_deref(),
            Some("figures/troops/page/6.html")
        );
        let labels: Vec<&str> = ranked.pages.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["1", "…", "3", "4", "5", "6", "7", "…", "10"]);
        assert_eq!(ranked_items(950, 9), 900..950);
        assert_eq!(ranked.title_suffix(), " (page 5 of 10)");
    }
}
