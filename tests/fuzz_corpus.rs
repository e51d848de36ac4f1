//! The fuzzing corpus, replayed on stable Rust: every input libFuzzer kept
//! for a target (`fuzz/corpus/<target>/`) and every crash it found and we
//! fixed (`fuzz/regressions/<target>/`) goes through that target's body
//! (`dossier::fuzz`) in every `cargo test`, so CI runs what the fuzzer
//! learned without a nightly compiler.

use std::path::Path;

fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut total = 0;
    for (name, target) in dossier::fuzz::TARGETS {
        let files: Vec<_> = ["corpus", "regressions"]
            .iter()
            .flat_map(|kind| inputs(&fuzz.join(kind).join(name)))
            .collect();
        assert!(
            !files.is_empty(),
            "fuzz/corpus/{name}/ is empty: run the target and keep its corpus"
        );
        use rayon::prelude::*;
        let panicked: Vec<String> = files
            .par_iter()
            .filter(|file| {
                let data = std::fs::read(file).unwrap();
                std::panic::catch_unwind(|| target(&data)).is_err()
            })
            .map(|file| file.display().to_string())
            .collect();
        assert!(panicked.is_empty(), "{name}: panicked on {panicked:?}");
        total += files.len();
    }
    assert!(total >= dossier::fuzz::TARGETS.len());
}
