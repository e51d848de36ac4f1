//! Briefs deleted on purpose (`content/deleted-briefs.yaml`): the tombstones
//! that keep ingest from writing a brief again for a source that is still
//! there.
//!
//! A brief file that the previous run knew (ingest's reading of it is in
//! the build's memo), that is gone now while its source is still present and
//! no other brief claims that source, was deleted by a person. Ingest then
//! lists the source here instead of making the brief anew. Deleting an entry
//! (or the file) has the brief written again on the next build. Without the
//! previous run's memo (the cache folder removed in between) a deletion
//! cannot be told from a source never ingested: the entry can be written by
//! hand.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::BriefOnDisk;
use crate::diagnostics::Diagnostic;
use crate::source::SourceText;

/// The tombstones' file, from the site root.
pub const DELETED_FILE: &str = "content/deleted-briefs.yaml";

/// What the file says at its top, written again with every change.
const HEADER: &str = "\
# Briefs deleted on purpose: ingest does not write a brief again for these
# sources while they are in content/sources/. Remove an entry (or this file)
# to have the source's brief written anew on the next build.
";

/// One tombstone: the source (relative to content/sources/), the brief
/// file that was deleted, and the day ingest noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    pub source: String,
    #[serde(default)]
    pub brief: Option<String>,
    #[serde(default)]
    pub deleted: Option<chrono::NaiveDate>,
}

/// The sources whose briefs were deleted on purpose, by source path.
#[derive(Debug, Default)]
pub struct DeletedBriefs(BTreeMap<String, Tombstone>);

impl DeletedBriefs {
    /// Read the file (absent or empty: no tombstones); an error names the
    /// file and line.
    pub fn load(root: &Path) -> Result<DeletedBriefs, Diagnostic> {
        let text = match std::fs::read_to_string(root.join(DELETED_FILE)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(Diagnostic::new(DELETED_FILE, format!("cannot read: {e}"))),
        };
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Self::default());
        }
        let list: Vec<Tombstone> = crate::yaml::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::new(DELETED_FILE, e.message)
                .hint("a list of entries, each `- source: <file in content/sources/>`");
            if let Some(l) = e.line {
                d = d.at(l, e.column);
            }
            d
        })?;
        Ok(DeletedBriefs(
            list.into_iter().map(|t| (t.source.clone(), t)).collect(),
        ))
    }

    pub fn contains(&self, source: &str) -> bool {
        self.0.contains_key(source)
    }

    /// Add a tombstone; false when the source had one.
    pub fn add(&mut self, tombstone: Tombstone) -> bool {
        if self.contains(&tombstone.source) {
            return false;
        }
        self.0.insert(tombstone.source.clone(), tombstone);
        true
    }

    /// The file's text: the header, then the entries by source path.
    pub fn to_text(&self) -> String {
        let list: Vec<&Tombstone> = self.0.values().collect();
        let body = crate::yaml::to_string(&list).unwrap_or_default();
        format!("{HEADER}{body}")
    }
}

/// The briefs the previous run knew that a person deleted since: their
/// file is gone, their source is still present, and no brief on disk is
/// made from it. `previous` is the previous run's reading of brief files
/// not found in this run (the memo's unasked entries).
pub fn deleted_since(
    root: &Path,
    previous: Vec<Option<BriefOnDisk>>,
    on_disk: &std::collections::HashMap<String, BriefOnDisk>,
    sources: &[SourceText],
) -> Vec<BriefOnDisk> {
    let present: std::collections::HashSet<&str> =
        sources.iter().map(|s| s.rel_path.as_str()).collect();
    let mut gone: Vec<BriefOnDisk> = previous
        .into_iter()
        .flatten()
        .filter(|b| {
            present.contains(b.source.as_str())
                && !on_disk.contains_key(&b.source)
                && std::fs::symlink_metadata(root.join(&b.file)).is_err()
        })
        .collect();
    gone.sort_by(|a, b| a.file.cmp(&b.file));
    gone.dedup_by(|a, b| a.source == b.source);
    gone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_what_it_wrote_and_names_its_line_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut deleted = DeletedBriefs::default();
        assert!(deleted.add(Tombstone {
            source: "b: report.txt".into(),
            brief: Some("content/briefs/b.md".into()),
            deleted: chrono::NaiveDate::from_ymd_opt(2025, 3, 1),
        }));
        assert!(!deleted.add(Tombstone {
            source: "b: report.txt".into(),
            brief: None,
            deleted: None,
        }));
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join(DELETED_FILE), deleted.to_text()).unwrap();
        let again = DeletedBriefs::load(dir.path()).unwrap();
        assert!(again.contains("b: report.txt"));
        assert_eq!(again.to_text(), deleted.to_text());

        std::fs::write(
            dir.path().join(DELETED_FILE),
            "# note\n- source: a.txt\n- sauce: b.txt\n",
        )
        .unwrap();
        let e = DeletedBriefs::load(dir.path()).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().contains(DELETED_FILE), "{e}");
    }
}
