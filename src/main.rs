//! The `dossier` binary: a thin shell over the library.

use clap::Parser;

// Builds allocate many small strings on every rayon worker; mimalloc's
// thread-local heaps cut the time glibc's malloc spent in its arenas.
// Built without transparent huge pages (Cargo.toml: `no_thp`): the kernel
// zeroes a whole 2 MB page at the first touch of any byte of it, which was
// 40 % of the CPU of adding one source to a site of 10,000, and counted
// into peak memory (BENCHMARKS.md, session 30).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dossier::cli::run(dossier::cli::Cli::parse())
}
