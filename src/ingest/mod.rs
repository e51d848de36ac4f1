//! Stage 2, ingest: raw articles in, curated briefs out.

pub mod glue;
pub mod lexicon;
