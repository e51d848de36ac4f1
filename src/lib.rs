//! dossier: a static site generator for briefings.
//!
//! The pipeline, one module per stage, plain data between them:
//!
//! ```text
//! sources (SourceText) -> briefs (Brief) + topics (Topic) -> analyse (Analysis)
//!                      -> render (Page) -> output (files on disk)
//! ```
//!
//! See `ARCHITECTURE.md` for the map and the invariants.

pub mod analyse;
pub mod brief;
pub mod build;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod front_matter;
#[doc(hidden)]
pub mod fuzz;
pub mod hash;
pub mod ingest;
pub mod names;
pub mod outlet;
pub mod output;
pub mod render;
pub mod reuse;
pub mod sentences;
pub mod serve;
pub mod slug;
pub mod source;
pub mod stamp;
pub mod starter;
pub mod topic;
pub mod words;
pub mod yaml;
