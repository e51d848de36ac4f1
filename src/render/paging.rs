//! Long lists on pages of bounded size, whatever the corpus.
//!
//! A list (all briefs, all sources, a topic's briefs, an entity's mentions)
//! is shown newest first. Its first page holds the newest items; the older
//! ones go to archive pages of exactly [`PER_PAGE`] items each, numbered from
//! the oldest (`archive/1.html` holds the 100 oldest). Counting from the
//! oldest keeps archive pages stable: a new article changes the first page
//! of each list it is on and, once per [`PER_PAGE`] additions, cuts one new
//! archive page; it does not shift every page by one item, as numbering from
//! the newest would (and so re-render every page of a long list).
//!
//! The first page holds the rest: from [`PER_PAGE`] to `2 * PER_PAGE - 1`
//! items once the list has archives, so that it never shows a handful.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::views::DateView;

/// Items on one archive page; the first page of a list shows at most
/// twice as many, less one.
pub const PER_PAGE: usize = 100;

/// Archive pages of a list of `total` items.
pub fn archives(total: usize) -> usize {
    if total >= 2 * PER_PAGE {
        total / PER_PAGE - 1
    } else {
        0
    }
}

/// The items (indices into the newest-first list) of part `part` of a list
/// of `total`: part 0 is the first page, part k the k-th archive page.
pub fn items(total: usize, part: usize) -> Range<usize> {
    let archives = archives(total);
    if part == 0 {
        0..total - archives * PER_PAGE
    } else {
        let part = part.min(archives.max(1));
        let end = total.saturating_sub((part - 1) * PER_PAGE);
        end.saturating_sub(PER_PAGE)..end
    }
}

/// Output path of part `part` of the list whose first page is `first`:
/// `briefs/index.html` -> `briefs/archive/3.html`, `topics/pmf.html` ->
/// `topics/pmf/archive/3.html`. Slugs hold no `/`, so no page of a brief,
/// topic, source or entity can be such a path.
pub fn path(first: &str, part: usize) -> String {
    if part == 0 {
        return first.to_string();
    }
    let stem = first
        .strip_suffix("index.html")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}/", first.strip_suffix(".html").unwrap_or(first)));
    format!("{stem}archive/{part}.html")
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
    /// Pages besides the first.
    pub archives: usize,
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
/// first and last, those in `also`, and two either side of `here`; `None`
/// where pages are left out.
fn window(count: usize, here: usize, also: &[usize]) -> Vec<Option<usize>> {
    let mut wanted: Vec<usize> = vec![0, count.saturating_sub(1)];
    wanted.extend_from_slice(also);
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
    /// The pager of part `part` of the list of `total` items whose first
    /// page is `first`.
    pub fn new(first: &str, total: usize, part: usize) -> Pager {
        let archives = archives(total);
        let url = |p: usize| path(first, p);
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
        // In the order shown: the first page, then archives downwards
        // (archive k at `archives + 1 - k`); the newest and oldest archives
        // are always linked.
        let shown_at = |p: usize| if p == 0 { 0 } else { archives + 1 - p };
        let pages = window(archives + 1, shown_at(part), &[1])
            .into_iter()
            .map(|at| {
                at.map_or_else(PagerLink::gap, |at| {
                    let p = if at == 0 { 0 } else { archives + 1 - at };
                    let label = if p == 0 {
                        "Newest".to_string()
                    } else {
                        p.to_string()
                    };
                    PagerLink::to(label, p, part, url(p))
                })
            })
            .collect();
        Pager {
            chronological: true,
            part,
            archives,
            shown: items(total, part).len(),
            oldest: None,
            newest: None,
            first_url: url(0),
            newer_url,
            older_url,
            pages,
        }
    }

    /// The pager of page `part + 1` of a ranked list of `total` items (the
    /// most stated value first, say) whose first page is `first`: pages of
    /// [`PER_PAGE`] items, `…/page/2.html` onwards.
    pub fn ranked(first: &str, total: usize, part: usize) -> Pager {
        let pages = ranked_pages(total);
        let url = |p: usize| ranked_path(first, p);
        let links = window(pages, part, &[])
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
            archives: pages - 1,
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

    /// " (archive 3 of 12)" or " (page 2 of 9)" for a page title; empty
    /// on the first page.
    pub fn title_suffix(&self) -> String {
        match (self.part, self.chronological) {
            (0, _) => String::new(),
            (p, true) => format!(" (archive {p} of {})", self.archives),
            (p, false) => format!(" (page {} of {})", p + 1, self.archives + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_on_exactly_one_page_of_bounded_size() {
        for total in [0, 1, 99, 100, 199, 200, 201, 299, 300, 1234, 10_000] {
            let mut seen = vec![0u8; total];
            for part in 0..=archives(total) {
                let r = items(total, part);
                if part == 0 {
                    assert!(r.len() < 2 * PER_PAGE, "{total}: first page {}", r.len());
                    if total >= PER_PAGE {
                        assert!(r.len() >= PER_PAGE, "{total}: first page {}", r.len());
                    }
                } else {
                    assert_eq!(r.len(), PER_PAGE, "{total}: archive {part}");
                }
                for i in r {
                    seen[i] += 1;
                }
            }
            assert!(seen.iter().all(|&n| n == 1), "{total}");
        }
    }

    #[test]
    fn archives_stay_put_when_a_newer_item_arrives() {
        // Items by age: the oldest is 0. Archive k holds the same items
        // before and after one is added at the newest end.
        let ages = |total: usize, part: usize| -> Vec<usize> {
            items(total, part).map(|i| total - 1 - i).collect()
        };
        for total in [250, 1234, 10_000] {
            for part in 1..=archives(total) {
                assert_eq!(ages(total, part), ages(total + 1, part), "{total} {part}");
            }
        }
    }

    #[test]
    fn paths_and_links() {
        assert_eq!(path("briefs/index.html", 0), "briefs/index.html");
        assert_eq!(path("briefs/index.html", 3), "briefs/archive/3.html");
        assert_eq!(path("topics/pmf.html", 2), "topics/pmf/archive/2.html");
        let p = Pager::new("briefs/index.html", 1234, 5);
        assert_eq!(p.archives, 11);
        assert_eq!(p.newer_url.as_deref(), Some("briefs/archive/6.html"));
        assert_eq!(p.older_url.as_deref(), Some("briefs/archive/4.html"));
        let labels: Vec<&str> = p.pages.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Newest", "11", "…", "7", "6", "5", "4", "3", "…", "1"]
        );
        assert!(p.pages[5].current && p.pages[5].url.is_none());
        let front = Pager::new("briefs/index.html", 1234, 0);
        assert_eq!(front.newer_url, None);
        assert_eq!(front.older_url.as_deref(), Some("briefs/archive/11.html"));
        let labels: Vec<&str> = front.pages.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["Newest", "11", "10", "…", "1"]);
        let ranked = Pager::ranked("figures/troops.html", 950, 4);
        assert_eq!(ranked.archives, 9);
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
        let single = Pager::new("briefs/index.html", 150, 0);
        assert_eq!(single.archives, 0);
        assert_eq!(single.older_url, None);
    }
}
