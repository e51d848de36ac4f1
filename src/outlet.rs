//! Outlet profiles: what the analyst knows about each publisher
//! (`content/outlets.yaml`), so that a story shows which kinds of outlets
//! give which version.
//!
//! ```yaml
//! Levant Ledger:
//!   country: Lebanon
//!   kind: independent
//!   language: English
//!   note: Beirut daily; reprints AFP.
//! Pars Horizon News Agency:
//!   country: Iran
//!   kind: state-media
//! ```
//!
//! The file is optional and nothing in it is guessed: an outlet it does not
//! list is shown as unlabelled, never given a kind from its name.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// File (relative to the site root) that labels outlets.
pub const OUTLETS_FILE: &str = "content/outlets.yaml";

/// What kind of publisher an outlet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutletKind {
    /// A news agency (AFP, Reuters, AP).
    Wire,
    /// Media a state owns or directs.
    StateMedia,
    /// A public service broadcaster with editorial independence by statute.
    PublicBroadcaster,
    /// Privately owned, not tied to a party or government.
    Independent,
    /// Owned by or aligned with a party or armed group.
    PartyAffiliated,
    /// A government body's own channel (a ministry, an embassy, an army).
    Government,
}

impl OutletKind {
    /// As a reader reads it: "state media".
    pub fn label(self) -> &'static str {
        match self {
            OutletKind::Wire => "wire",
            OutletKind::StateMedia => "state media",
            OutletKind::PublicBroadcaster => "public broadcaster",
            OutletKind::Independent => "independent",
            OutletKind::PartyAffiliated => "party-affiliated",
            OutletKind::Government => "government",
        }
    }
}

/// One outlet's profile; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletProfile {
    /// Where it is based.
    #[serde(default)]
    pub country: Option<String>,
    /// What kind of publisher it is.
    #[serde(default)]
    pub kind: Option<OutletKind>,
    /// The language of its articles.
    #[serde(default)]
    pub language: Option<String>,
    /// Anything else the analyst wants readers to know.
    #[serde(default)]
    pub note: Option<String>,
}

impl OutletProfile {
    /// "state media, Iran": kind and country, as far as they are given.
    pub fn label(&self) -> String {
        let parts: Vec<&str> = self
            .kind
            .map(OutletKind::label)
            .into_iter()
            .chain(self.country.as_deref())
            .collect();
        if parts.is_empty() {
            "profile without kind or country".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Every profile, by outlet name as briefs write it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OutletProfiles(pub BTreeMap<String, OutletProfile>);

impl OutletProfiles {
    /// Read `content/outlets.yaml` if it exists.
    pub fn load(root: &Path) -> Result<OutletProfiles, Diagnostic> {
        match std::fs::read_to_string(root.join(OUTLETS_FILE)) {
            Ok(text) if text.trim().is_empty() => Ok(OutletProfiles::default()),
            Ok(text) => crate::yaml::from_str(&text).map_err(|e| {
                let mut d = Diagnostic::new(OUTLETS_FILE, e.message).hint(
                    "each outlet is a name with optional country, kind (wire, state-media, \
                     public-broadcaster, independent, party-affiliated, government), language \
                     and note",
                );
                if let Some(l) = e.line {
                    d = d.at(l, e.column);
                }
                d
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(OutletProfiles::default()),
            Err(e) => Err(Diagnostic::new(OUTLETS_FILE, format!("cannot read: {e}"))),
        }
    }

    /// The profile of an outlet, by name (case and spacing as in the brief,
    /// else compared without case).
    pub fn get(&self, outlet: &str) -> Option<&OutletProfile> {
        self.0.get(outlet).or_else(|| {
            self.0
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(outlet.trim()))
                .map(|(_, p)| p)
        })
    }

    /// How a page labels an outlet: its profile's label, "unlabelled" when
    /// the site labels outlets but not this one, nothing when it labels none.
    pub fn label_of(&self, outlet: Option<&str>) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let outlet = outlet?;
        Some(
            self.get(outlet)
                .map_or_else(|| "unlabelled".to_string(), OutletProfile::label),
        )
    }

    /// Is there any profile?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_load_and_label() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(
            dir.path().join(OUTLETS_FILE),
            "Harbor Wire:\n  kind: wire\n  country: Oman\nRidge Radio:\n  language: English\n",
        )
        .unwrap();
        let p = OutletProfiles::load(dir.path()).unwrap();
        assert_eq!(
            p.label_of(Some("Harbor Wire")).as_deref(),
            Some("wire, Oman")
        );
        assert_eq!(
            p.label_of(Some("harbor wire")).as_deref(),
            Some("wire, Oman")
        );
        assert_eq!(
            p.label_of(Some("Ridge Radio")).as_deref(),
            Some("profile without kind or country")
        );
        assert_eq!(
            p.label_of(Some("Basin Daily")).as_deref(),
            Some("unlabelled")
        );
        assert_eq!(p.label_of(None), None);
        // Without the file, no label at all.
        assert_eq!(
            OutletProfiles::default().label_of(Some("Basin Daily")),
            None
        );
    }

    #[test]
    fn a_wrong_kind_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(
            dir.path().join(OUTLETS_FILE),
            "Harbor Wire:\n  kind: wire\nBasin Daily:\n  kind: tabloid\n",
        )
        .unwrap();
        let d = OutletProfiles::load(dir.path()).unwrap_err();
        let shown = d.to_string();
        assert!(
            shown.contains(OUTLETS_FILE) && shown.contains(":4"),
            "{shown}"
        );
        assert!(shown.contains("tabloid"), "{shown}");
    }
}
