//! The `dossier` binary: a thin shell over the library.

use clap::Parser;

// Builds allocate many small strings on every rayon worker; mimalloc's
// thread-local heaps cut the time glibc's malloc spent in its arenas.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dossier::cli::run(dossier::cli::Cli::parse())
}
