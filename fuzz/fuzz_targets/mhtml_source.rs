//! `dossier::fuzz::mhtml_source` under libFuzzer (see src/fuzz.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzz::mhtml_source(data));
