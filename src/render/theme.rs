//! Themes: Tera templates and static files.
//!
//! A theme lives in `themes/<name>/` with `templates/*.html` and `static/`
//! (copied to the output root as is). A site can override any theme template
//! by putting one of the same name in its own `templates/` folder, and add or
//! replace static files in its own `static/` folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::list_files;

/// Templates every theme must provide (or the site's `templates/` folder).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "index.html",
    "topics.html",
    "topic.html",
    "briefs.html",
    "brief.html",
    "sources.html",
    "source.html",
    "entities.html",
    "entity.html",
    "figures.html",
    "timeline.html",
    "search.html",
    "404.html",
];

/// Templates the default theme gained after sites began copying it: a
/// theme that lacks one uses the built-in default's.
pub const LATER_TEMPLATES: &[&str] = &[
    "atom.xml",
    "dates.html",
    "event.html",
    "figure.html",
    "outlets.html",
    "partials/pager.html",
    "sitemap.xml",
    "stories.html",
    "story.html",
];

/// A loaded theme: compiled templates and the static files to copy.
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Static files: output path (with `/`) -> file on disk. Site files win.
    pub static_files: BTreeMap<String, PathBuf>,
    /// Template name -> file it came from (for error messages).
    pub template_files: BTreeMap<String, PathBuf>,
    /// Hash of every template's name and text: part of every page's key.
    pub key: u128,
}

impl Theme {
    /// Load theme `name` from `root/themes/`, with overrides from `root/templates/`
    /// and `root/static/`. Every template problem is reported, not just the first.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let mut problems = Diagnostics::new();
        let theme_dir = root.join("themes").join(name);
        if !theme_dir.is_dir() {
            // At the `theme` line of site.toml, when it has one.
            let line = std::fs::read_to_string(root.join("site.toml"))
                .ok()
                .and_then(|t| {
                    t.lines().position(|l| {
                        l.trim_start()
                            .strip_prefix("theme")
                            .is_some_and(|r| r.trim_start().starts_with('='))
                    })
                });
            let mut d = Diagnostic::new(
                "site.toml",
                format!("theme {name:?} not found: no folder themes/{name}/"),
            )
            .hint("set `theme` in site.toml to a folder under themes/ (`dossier new` writes themes/default/)");
            if let Some(l) = line {
                d = d.at(l + 1, Some(1));
            }
            problems.push(d);
            return Err(problems);
        }
        // name -> (shown path, text); the site's templates replace the theme's.
        let mut sources: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        for (dir, shown_prefix) in [
            (
                theme_dir.join("templates"),
                PathBuf::from("themes").join(name).join("templates"),
            ),
            (root.join("templates"), PathBuf::from("templates")),
        ] {
            for (rel, path) in list_files(
                &dir,
                &["html", "xml", "txt", "js", "css", "json"],
                &mut problems,
            ) {
                let shown = shown_prefix.join(&rel);
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        sources.insert(rel, (shown, text));
                    }
                    Err(e) => problems.push(Diagnostic::new(&shown, format!("cannot read: {e}"))),
                }
            }
        }
        // Templates added since themes were first copied into sites: a theme
        // without them gets the built-in ones, so that an upgrade builds.
        for (path, text) in crate::starter::DEFAULT_THEME {
            if let Some(rel) = path.strip_prefix("templates/")
                && LATER_TEMPLATES.contains(&rel)
                && !sources.contains_key(rel)
            {
                let shown = PathBuf::from("(built-in default theme)").join(path);
                sources.insert(rel.to_string(), (shown, text.to_string()));
            }
        }
        for required in REQUIRED_TEMPLATES {
            if !sources.contains_key(*required) {
                problems.push(Diagnostic::new(
                    PathBuf::from("themes")
                        .join(name)
                        .join("templates")
                        .join(required),
                    format!("template {required} is missing"),
                ));
            }
        }
        let mut hasher = crate::hash::Hasher::new();
        for (name, (_, text)) in &sources {
            hasher.bytes(name.as_bytes()).bytes(text.as_bytes());
        }
        let key = hasher.finish();
        let template_files: BTreeMap<String, PathBuf> = sources
            .iter()
            .map(|(k, (p, _))| (k.clone(), p.clone()))
            .collect();

        // Parse each template alone first, so every syntax error is reported,
        // not only the first; links between templates (extends, include) are
        // checked when all are loaded together below.
        for (tpl, (_, text)) in &sources {
            let mut alone = Tera::new();
            if let Err(e) = alone.add_raw_template(tpl, text)
                && matches!(e.kind(), ErrorKind::SyntaxError(_))
            {
                problems.push(template_error(&template_files, &e));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(k, (_, t))| (k.as_str(), t.as_str())))
        {
            problems.push(template_error(&template_files, &e));
            return Err(problems);
        }

        let mut static_files = BTreeMap::new();
        for dir in [theme_dir.join("static"), root.join("static")] {
            for (rel, path) in list_files(
                &dir,
                &[
                    "css", "js", "svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "woff",
                    "woff2", "txt", "json", "xml", "pdf",
                ],
                &mut problems,
            ) {
                static_files.insert(rel, path);
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Theme {
            tera,
            static_files,
            template_files,
            key,
        })
    }
}

/// Turn a Tera error into a diagnostic naming the template file, line and column.
pub fn template_error(files: &BTreeMap<String, PathBuf>, e: &tera::Error) -> Diagnostic {
    let shown = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name))
    };
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            Diagnostic::new(shown(r.filename()), r.message().to_string())
                .at(span.start_line, Some(span.start_col + 1))
        }
        ErrorKind::MissingParent { current, parent } => Diagnostic::new(
            shown(current),
            format!("extends {parent:?}, which does not exist"),
        ),
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => Diagnostic::new(
            shown(tpl),
            format!("circular extends: {}", inheritance_chain.join(" -> ")),
        ),
        ErrorKind::CircularInclude { tpl, include_chain } => Diagnostic::new(
            shown(tpl),
            format!("circular include: {}", include_chain.join(" -> ")),
        ),
        ErrorKind::TemplateNotFound(name) => Diagnostic::new(shown(name), "template not found"),
        other => {
            let mut msg = other.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            Diagnostic::new("templates", msg)
        }
    }
}
