//! `site.toml`: the site's settings.
//!
//! Unknown keys are errors (a misspelt key silently ignored is a setting the
//! user believes is in force and is not).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.toml";

/// Settings read from `site.toml`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The briefing's title, shown on every page.
    pub title: String,
    /// One or two sentences saying what the briefing covers.
    #[serde(default)]
    pub description: String,
    /// Absolute URL where the site is published. Only used where an absolute
    /// URL is required (feed, sitemap, canonical); pages link relatively.
    #[serde(default)]
    pub base_url: String,
    /// Language of the content, as a BCP 47 tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// Name of the folder under `themes/` to render with.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Where the site is written, relative to the site root.
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    /// Custom domain for GitHub Pages: written to `CNAME` in the output.
    #[serde(default)]
    pub cname: Option<String>,
    /// Settings of the ingest stage.
    #[serde(default)]
    pub ingest: IngestSettings,
}

/// `[ingest]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IngestSettings {
    /// Extra boilerplate patterns (regular expressions, matched case-insensitively
    /// against whole trimmed lines), added to the built-in ones.
    #[serde(default)]
    pub boilerplate: Vec<String>,
}

impl IngestSettings {
    /// The extra boilerplate patterns, compiled (validated at load time).
    pub fn boilerplate_patterns(&self) -> Vec<regex::Regex> {
        self.boilerplate
            .iter()
            .filter_map(|p| compile_line_pattern(p).ok())
            .collect()
    }
}

/// Compile a user's boilerplate pattern: case-insensitive, whole line.
pub fn compile_line_pattern(p: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(&format!("^(?:{p})$"))
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
}

fn default_language() -> String {
    "en".to_string()
}
fn default_theme() -> String {
    "default".to_string()
}
fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}

impl SiteConfig {
    /// Read and validate `site.toml` in `root`. Errors name the file, line and column.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![
                Diagnostic::new(
                    CONFIG_FILE,
                    format!("cannot read the site configuration: {e}"),
                )
                .hint("run dossier in a site folder, or pass --root DIR"),
            ]
        })?;
        Self::parse(&text)
    }

    /// Parse and validate the text of a `site.toml`.
    pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let mut d = Diagnostic::new(CONFIG_FILE, e.message().trim().to_string());
            if let Some(span) = e.span() {
                let (line, col) = line_col(text, span.start);
                d = d.at(line, Some(col));
            }
            // toml names the keys the table takes; the top level's are
            // listed only for a key at the top level.
            if e.message().contains("unknown field") && e.message().contains("`title`") {
                d = d.hint(
                    "known keys: title, description, base_url, language, theme, output_dir, cname, and the [ingest] table",
                );
            } else if e.message().contains("unknown field") && e.message().contains("`boilerplate`") {
                d = d.hint("[ingest] takes one key: boilerplate = [\"pattern\", ...]");
            }
            vec![d]
        })?;
        let problems = config.validate(text);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let at_key = |key: &str, msg: String| {
            let mut d = Diagnostic::new(CONFIG_FILE, msg);
            if let Some(pos) = find_key(text, key) {
                let (line, col) = line_col(text, pos);
                d = d.at(line, Some(col));
            }
            d
        };
        if self.title.trim().is_empty() {
            out.push(at_key("title", "`title` must not be empty".into()));
        }
        let absolute =
            self.base_url.starts_with("https://") || self.base_url.starts_with("http://");
        if !self.base_url.is_empty() && !absolute {
            out.push(
                at_key(
                    "base_url",
                    format!(
                        "`base_url` must be an absolute http(s) URL, got {:?}",
                        self.base_url
                    ),
                )
                .hint("for example base_url = \"https://user.github.io/repo/\""),
            );
        }
        if !is_safe_folder_name(&self.theme) {
            out.push(at_key(
                "theme",
                format!(
                    "`theme` must be a folder name under themes/, got {:?}",
                    self.theme
                ),
            ));
        }
        let out_dir = &self.output_dir;
        if out_dir.as_os_str().is_empty()
            || out_dir.is_absolute()
            || out_dir
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            out.push(
                at_key(
                    "output_dir",
                    format!(
                        "`output_dir` must be a relative folder inside the site, got {:?}",
                        out_dir.display().to_string()
                    ),
                )
                .hint("use --output DIR to build somewhere else"),
            );
        } else if let Some(std::path::Component::Normal(first)) = out_dir.components().next()
            && matches!(
                first.to_str(),
                Some(
                    "content"
                        | "themes"
                        | "templates"
                        | "static"
                        | ".dossier-cache"
                        | ".dossier-lock"
                        | "site.toml"
                )
            )
        {
            out.push(at_key(
                "output_dir",
                format!(
                    "`output_dir` {:?} would overwrite the site's own files",
                    out_dir.display().to_string()
                ),
            ));
        }
        if let Some(c) = &self.cname
            && !(c.contains('.')
                && c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-'))
        {
            out.push(at_key(
                "cname",
                format!(
                    "`cname` must be a domain name such as \"briefing.example.org\", got {c:?}"
                ),
            ));
        }
        for p in &self.ingest.boilerplate {
            if let Err(e) = compile_line_pattern(p) {
                let mut d = Diagnostic::new(
                    CONFIG_FILE,
                    format!(
                        "[ingest] boilerplate pattern {p:?} is not a valid regular expression: {e}"
                    ),
                );
                if let Some(pos) = text
                    .find(&p.replace('\\', "\\\\"))
                    .or_else(|| text.find(p.as_str()))
                {
                    let (line, col) = line_col(text, pos);
                    d = d.at(line, Some(col));
                }
                out.push(d);
            }
        }
        if self.language.trim().is_empty()
            || !self
                .language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            out.push(at_key(
                "language",
                format!(
                    "`language` must be a language tag such as \"en\", got {:?}",
                    self.language
                ),
            ));
        }
        out
    }

    /// `base_url` with exactly one trailing slash, or empty when unset.
    pub fn base_url_slash(&self) -> String {
        if self.base_url.is_empty() {
            String::new()
        } else {
            format!("{}/", self.base_url.trim_end_matches('/'))
        }
    }
}

fn is_safe_folder_name(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Byte offset of the first line that sets `key`, if any.
fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset + (line.len() - t.len()));
        }
        offset += line.len();
    }
    None
}

/// 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = SiteConfig::parse("title = \"T\"\n").unwrap();
        assert_eq!(c.language, "en");
        assert_eq!(c.theme, "default");
        assert_eq!(c.output_dir, PathBuf::from("public"));
        assert_eq!(c.base_url_slash(), "");
    }

    #[test]
    fn unknown_key_is_named_with_position() {
        let e = SiteConfig::parse("title = \"T\"\n\ntheem = \"x\"\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("theem"), "{}", e[0]);
        assert_eq!(e[0].line, Some(3));
        assert_eq!(e[0].column, Some(1));
    }

    #[test]
    fn missing_title_and_bad_values() {
        let e = SiteConfig::parse("description = \"d\"\n").unwrap_err();
        assert!(e[0].message.contains("title"), "{}", e[0]);
        let e = SiteConfig::parse("title = \"T\"\nbase_url = \"/repo/\"\noutput_dir = \"../x\"\n")
            .unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, Some(2));
        assert_eq!(e[1].line, Some(3));
    }

    #[test]
    fn ingest_patterns_are_checked() {
        let c = SiteConfig::parse(
            "title = \"T\"\n[ingest]\nboilerplate = [\"Brought to you by .*\"]\n",
        )
        .unwrap();
        assert!(c.ingest.boilerplate_patterns()[0].is_match("BROUGHT TO YOU BY ACME"));
        let e = SiteConfig::parse("title = \"T\"\n[ingest]\nboilerplate = [\"(unclosed\"]\n")
            .unwrap_err();
        assert_eq!(e[0].line, Some(3), "{}", e[0]);
    }

    #[test]
    fn base_url_gets_one_slash() {
        let c =
            SiteConfig::parse("title = \"T\"\nbase_url = \"https://u.github.io/repo\"\n").unwrap();
        assert_eq!(c.base_url_slash(), "https://u.github.io/repo/");
    }
}
