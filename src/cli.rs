//! The command line: parse arguments with clap and run the pipeline.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildOptions};

/// dossier turns a folder of news articles into a cross-linked briefing website
/// that works on GitHub Pages and opened straight from disk.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// Print only errors: no progress, warnings or summary (for scripts).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: read site.toml, content/ and the theme, write the static site.
    ///
    /// Every problem in the content or templates is listed (file, line, what is
    /// wrong) and the build stops with a non-zero exit before anything is
    /// written: the previous site stays as it was.
    Build {
        /// The site folder, holding site.toml, content/ and themes/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: output_dir of site.toml, inside the site folder).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Publish under this absolute URL for this build (overrides base_url of site.toml;
        /// used for the feed, sitemap and canonical links only: pages link relatively).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Publish even if a brief links to a page the site does not have (the
        /// links are listed as warnings instead of stopping the build).
        #[arg(long)]
        allow_broken_links: bool,
    },
    /// Check the site without writing it: configuration, front matter, topic
    /// rules, templates, and every internal link and anchor of the pages a
    /// build would write. Lists every problem; exits non-zero if there is one.
    Check {
        /// The site folder.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Serve the site on 127.0.0.1 and rebuild it when its files change.
    ///
    /// Sources, briefs, topics, templates, static files and site.toml are
    /// watched; a new article dropped into content/sources/ is ingested and its
    /// pages appear without a restart; open pages reload by themselves.
    Serve {
        /// The site folder.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Create a starter site in DIR (site.toml, one topic, one sample source,
    /// the default theme) that builds at once: `dossier build --root DIR`.
    New {
        /// The folder to create; it must not exist or be empty.
        dir: PathBuf,
    },
    /// Turn new or changed raw articles in content/sources/ into briefs in content/briefs/.
    ///
    /// Each source without an up-to-date brief is cleaned (page chrome removed,
    /// glued words repaired) and its title, outlet, date, topics, people,
    /// organisations, figures, dates and key points are written as a brief, each
    /// with the source lines it came from. A brief someone has edited is never
    /// overwritten. `dossier build` runs this first.
    Ingest {
        /// The site folder, holding site.toml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Print a completion script for SHELL (bash, zsh, fish, elvish, powershell).
    ///
    /// For bash: `dossier completions bash > ~/.local/share/bash-completion/completions/dossier`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
}

/// Run the command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let quiet = cli.quiet;
    match cli.command {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "dossier",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
        Command::Check { root } => match crate::check::check(&root) {
            Ok(report) => {
                if !quiet {
                    for w in &report.warnings {
                        eprintln!("warning: {w}");
                    }
                    eprintln!(
                        "ok: {} pages and {} internal links checked, nothing written",
                        report.pages, report.links
                    );
                }
                ExitCode::SUCCESS
            }
            Err(failed) => {
                eprintln!("{failed}");
                ExitCode::FAILURE
            }
        },
        Command::Serve { root, port } => {
            let result = crate::serve::serve(&root, port, quiet, |url| {
                println!("serving {} on {url} (Ctrl-C to stop)", root.display());
                use std::io::Write;
                let _ = std::io::stdout().flush();
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(failed) => {
                    eprintln!("{failed}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { dir } => match crate::starter::create(&dir) {
            Ok(files) => {
                if !quiet {
                    eprintln!(
                        "created {} files in {}; build it with: dossier build --root {}",
                        files.len(),
                        dir.display(),
                        dir.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("error: {d}");
                ExitCode::FAILURE
            }
        },
        Command::Ingest { root } => {
            match build::lock_site(&root).and_then(|_lock| build::ingest(&root, !quiet)) {
                Ok(Some(report)) => {
                    if !quiet {
                        for w in &report.warnings {
                            eprintln!("warning: {w}");
                        }
                        for w in &report.written {
                            eprintln!("wrote {w}");
                        }
                        eprintln!(
                            "{} brief(s) written, {} up to date",
                            report.written.len(),
                            report.up_to_date
                        );
                    }
                    ExitCode::SUCCESS
                }
                Ok(None) => match crate::build::load(&root) {
                    Err(failed) => {
                        eprintln!("{failed}");
                        ExitCode::FAILURE
                    }
                    Ok(_) => ExitCode::SUCCESS,
                },
                Err(failed) => {
                    eprintln!("{failed}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Build {
            root,
            output,
            base_url,
            allow_broken_links,
        } => match build::build(&BuildOptions {
            root,
            output,
            base_url,
            progress: !quiet,
            allow_broken_links,
        }) {
            Ok(report) => {
                if !quiet {
                    for w in &report.warnings {
                        eprintln!("warning: {w}");
                    }
                    for w in &report.briefs_written {
                        eprintln!("ingest wrote {w}");
                    }
                    for d in &report.drafts {
                        eprintln!("draft, not published: {d}");
                    }
                    if report.up_to_date {
                        eprintln!(
                            "up to date: nothing changed since the last build of {} ({} files), checked in {:.2?}",
                            report.output.display(),
                            report.pages,
                            report.elapsed
                        );
                    } else {
                        eprintln!(
                            "built {} pages ({} rendered, the rest unchanged) and {} static files into {} in {:.2?}",
                            report.pages,
                            report.rendered,
                            report.static_files,
                            report.output.display(),
                            report.elapsed
                        );
                    }
                }
                ExitCode::SUCCESS
            }
            Err(failed) => {
                eprintln!("{failed}");
                ExitCode::FAILURE
            }
        },
    }
}
