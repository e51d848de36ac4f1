//! Reading the site's files through the build's cache: the one place that
//! gives a stage's loop over its files ([`source::load_sources_by`],
//! [`brief::load_briefs_by`]) a reader that asks the memo of what the
//! previous build read first. A file whose stamp is the one on record is
//! not read again.

use std::path::Path;

use rayon::prelude::*;

use crate::brief::{self, BRIEFS_DIR, Brief};
use crate::cache::{FileMemo, FileStamp, InputSnapshot, Memo, ParsedBriefs, Stamps};
use crate::diagnostics::Diagnostics;
use crate::ingest::{self, BriefOnDisk, BriefReader};
use crate::source::{self, SOURCES_DIR, SourceText};

/// Every source of the site, as [`source::load_sources`] reads them; files
/// whose stamp is in `memo` are not read again.
pub fn load_sources(
    root: &Path,
    memo: &FileMemo<SourceText>,
) -> (Vec<SourceText>, Diagnostics, Diagnostics) {
    source::load_sources_by(root, |rel, path, meta| {
        let key = format!("{SOURCES_DIR}/{rel}");
        memo.get_or(&key, FileStamp::of(meta), || {
            source::read_source(rel, path, meta)
        })
    })
}

/// Every brief of the site, as [`brief::load_briefs`] reads them; files
/// whose stamp is in `memo` are not read again. The memo keeps each brief
/// without its body, as JSON (the shape of the front matter leaves empty
/// fields out, which a compact binary encoding could not read back); such a
/// brief's body is read from its file only if a stage asks for it.
///
/// Briefs ingest's reader parsed in this build ([`CachedBriefs`],
/// `Memo::parsed_briefs`) are taken instead of parsing their files again.
/// The files parsed (not from the memo) are listed in
/// `Memo::briefs_to_remember` for [`remember_loaded_briefs`].
pub fn load_briefs(root: &Path, memo: &Memo) -> (Vec<Brief>, Diagnostics) {
    let loaded = brief::load_briefs_by(root, |rel, slug, shown, path| {
        let key = format!("{BRIEFS_DIR}/{rel}");
        let stamp = memo.stamps.get(&key, path);
        if let Some(json) = memo.briefs.hit(&key, stamp)
            && let Some(brief) = brief::from_memo(&json, path)
        {
            return Ok(brief);
        }
        let brief = match memo.parsed_briefs.take(&key, stamp) {
            Some(brief) => brief,
            None => brief::read_brief(slug, shown, path, stamp.map_or(0, |s| s.len))?,
        };
        if let Some(stamp) = stamp {
            let to_remember = &memo.briefs_to_remember;
            let mut later = to_remember.lock().unwrap_or_else(|e| e.into_inner());
            later.push((key, stamp));
        }
        Ok(brief)
    });
    memo.parsed_briefs.clear();
    loaded
}

/// Put the briefs [`load_briefs`] parsed into the memo, as JSON, each at the
/// stamp it was read at. Called once the build is done with them: made at
/// load time, 10,000 briefs' JSON (75 MB) sat in memory through analysis
/// and rendering. A brief not among `briefs` (a draft, set aside after
/// loading) is read again next time. Each brief is dropped once it is
/// written down, so that the JSON takes the briefs' place in memory rather
/// than adding to it (this is the build's last large allocation).
pub fn remember_loaded_briefs(memo: &Memo, briefs: Vec<Brief>) {
    let to_remember = &memo.briefs_to_remember;
    let pending = std::mem::take(&mut *to_remember.lock().unwrap_or_else(|e| e.into_inner()));
    if pending.is_empty() {
        crate::cache::discard(briefs);
        return;
    }
    let stamps: std::collections::HashMap<&str, FileStamp> = pending
        .iter()
        .map(|(key, stamp)| (key.as_str(), *stamp))
        .collect();
    briefs.into_par_iter().for_each(|brief| {
        if let Some(stamp) = stamps.get(brief.file.as_str())
            && let Ok(json) = serde_json::to_string(&brief)
        {
            memo.briefs.remember(&brief.file, *stamp, json);
        }
    });
}

/// Ingest's reading of the brief files through the memo: a file whose stamp
/// is on record is not read again; what the previous run read and this one
/// did not are the files gone. A file it reads is parsed in full, as the
/// loader would, and the brief kept in `parsed` for it.
pub struct CachedBriefs<'a> {
    pub memo: &'a FileMemo<Option<BriefOnDisk>>,
    pub stamps: &'a Stamps,
    pub parsed: &'a ParsedBriefs,
}

impl<'a> CachedBriefs<'a> {
    /// Ingest's reader over the build's memo.
    pub fn of(memo: &'a Memo) -> Self {
        CachedBriefs {
            memo: &memo.ingest,
            stamps: &memo.stamps,
            parsed: &memo.parsed_briefs,
        }
    }
}

impl BriefReader for CachedBriefs<'_> {
    fn read(&self, rel: &str, path: &Path) -> Option<Option<BriefOnDisk>> {
        let file = format!("{BRIEFS_DIR}/{rel}");
        let stamp = self.stamps.get(&file, path);
        self.memo
            .get_or(&file, stamp, || {
                if let Some(stamp) = stamp
                    && let Ok((brief, text)) = brief::read_brief_with_text(rel, path, stamp.len)
                {
                    let on_disk = ingest::brief_on_disk(&brief.slug, &file, &text, Some(&brief));
                    self.parsed.put(file.clone(), stamp, brief);
                    return Ok(on_disk);
                }
                // Not a brief the loader would read (it will say why).
                ingest::read_brief_on_disk(rel, path).ok_or(())
            })
            .ok()
    }

    fn not_read_again(&self) -> Vec<Option<BriefOnDisk>> {
        self.memo.unasked()
    }
}

/// Remember the briefs ingest wrote as if read back (see
/// [`ingest::IngestReport::written_briefs`]).
pub fn remember_written(
    root: &Path,
    memo: &FileMemo<Option<BriefOnDisk>>,
    written: &[BriefOnDisk],
) {
    for b in written {
        if let Some(stamp) = FileStamp::read(&root.join(&b.file)) {
            memo.remember(&b.file, stamp, Some(b.clone()));
        }
    }
}

/// Would ingest decide as it did last time (when it did nothing), given
/// that the input files at `changed` (paths from the site root) may differ?
/// Theme files it does not read. Of what it reads, only briefs may have
/// changed, and each must still read the same to it: the same source, slug
/// and stamps (`memo` has last time's reading). It may have been edited
/// since: an edited brief is kept, as an untouched one was left alone. Not
/// when it became untouched again: had its rules changed meanwhile, it is
/// regenerated now ([`ingest::decides_alike_on`]). A brief whose source
/// changes hands means no.
///
/// Without any file in the sources folder (of this build's `inputs`) ingest
/// plans nothing and reads no brief: a change to a brief is alike too.
pub fn decides_alike(
    root: &Path,
    inputs: &InputSnapshot,
    changed: &[&str],
    memo: &FileMemo<Option<BriefOnDisk>>,
) -> bool {
    let sources = format!("{}/", crate::source::SOURCES_DIR);
    let no_sources = !inputs.files.iter().any(|(p, _)| p.starts_with(&sources));
    changed.iter().all(|&path| {
        if ["themes/", "templates/", "static/"]
            .iter()
            .any(|dir| path.starts_with(dir))
        {
            return true;
        }
        let Some(rel) = path
            .strip_prefix(BRIEFS_DIR)
            .and_then(|r| r.strip_prefix('/'))
            .filter(|r| r.ends_with(".md"))
        else {
            return false;
        };
        if no_sources {
            return true;
        }
        match (
            memo.previous(path),
            ingest::read_brief_on_disk(rel, &root.join(path)),
        ) {
            (Some(before), Some(now)) => ingest::decides_alike_on(before, now),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped briefs (with all their facts) come back from the build
    /// cache equal to a fresh parse, bodies read only when asked for.
    /// A site holding a copy of the shipped briefs, written an hour ago (so
    /// that their stamps are trusted), and the files' names, sorted.
    fn site_with_shipped_briefs() -> (tempfile::TempDir, std::path::PathBuf, Vec<String>) {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join(crate::brief::BRIEFS_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let mut names = Vec::new();
        for e in std::fs::read_dir(repo.join(crate::brief::BRIEFS_DIR))
            .unwrap()
            .flatten()
        {
            let to = dir.join(e.file_name());
            std::fs::copy(e.path(), &to).unwrap();
            let f = std::fs::File::options().write(true).open(&to).unwrap();
            f.set_modified(old).unwrap();
            names.push(e.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        (site, dir, names)
    }

    #[test]
    fn briefs_come_back_from_the_cache_without_their_bodies() {
        let (site, _, _) = site_with_shipped_briefs();
        let memo = crate::cache::Memo::default();
        let (fresh, errors) = load_briefs(site.path(), &memo);
        assert!(errors.is_empty() && fresh.len() >= 5, "{errors:?}");
        assert!(fresh.iter().any(|b| !b.facts.people.is_empty()));
        // Remembered once the build is done with them, at the stamp read.
        remember_loaded_briefs(&memo, fresh.clone());
        // Through the cache's files, as the next build sees it.
        let cache = crate::cache::BuildCache::new(site.path());
        let state = crate::cache::BuildState::default();
        cache.store(&state, &memo.next(crate::cache::now_ns()));
        let memo = cache.memo();
        let (cached, errors) = load_briefs(site.path(), &memo);
        assert!(errors.is_empty());
        assert_eq!(fresh, cached);
        assert!(
            cached.iter().all(|b| !b.body.is_loaded()),
            "bodies were read"
        );
        for (f, c) in fresh.iter().zip(&cached) {
            assert_eq!(f.body.text(), c.body.text());
            assert!(c.body.is_loaded() && c.body.error().is_none());
        }
    }

    /// A brief ingest's reader parsed is the one the loader takes (not
    /// parsed again), equal to a fresh parse; one written since is read
    /// afresh.
    #[test]
    fn briefs_ingest_read_are_loaded_without_a_second_parse() {
        let (site, dir, names) = site_with_shipped_briefs();
        let memo = crate::cache::Memo::default();
        let reader = CachedBriefs::of(&memo);
        for name in &names {
            let read = reader.read(name, &dir.join(name)).unwrap();
            assert!(read.is_some(), "{name} names no source");
        }
        let (fresh, _) = crate::brief::load_briefs(site.path());
        // Mark what ingest parsed of the first brief: the loader shows the mark.
        let first = format!("{}/{}", crate::brief::BRIEFS_DIR, names[0]);
        let stamp = FileStamp::read(&dir.join(&names[0]));
        let mut marked = memo.parsed_briefs.take(&first, stamp).expect("kept");
        marked.title = format!("Marked {}", marked.title);
        memo.parsed_briefs.put(first, stamp.unwrap(), marked);
        // The second changes after ingest read it.
        let changed = dir.join(&names[1]);
        let text = std::fs::read_to_string(&changed).unwrap();
        std::fs::write(&changed, text.replacen("title: ", "title: Changed ", 1)).unwrap();
        let (loaded, errors) = load_briefs(site.path(), &memo);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(loaded.len(), fresh.len());
        for (i, (l, f)) in loaded.iter().zip(&fresh).enumerate() {
            match i {
                0 => assert_eq!(l.title, format!("Marked {}", f.title)),
                1 => assert_eq!(l.title, format!("Changed {}", f.title)),
                _ => assert_eq!(l, f),
            }
        }
    }
}
