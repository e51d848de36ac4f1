//! Brief, topic and site.toml parsing on arbitrary text: errors, never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = dossier::brief::Brief::parse("fuzz", Path::new("content/briefs/fuzz.md"), text);
    let _ = dossier::topic::Topic::parse("fuzz", Path::new("content/topics/fuzz.md"), text);
    let _ = dossier::config::SiteConfig::parse(text);
});
