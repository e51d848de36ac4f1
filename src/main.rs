//! The `dossier` binary: a thin shell over the library.

use clap::Parser;

// Builds allocate many small strings on every rayon worker; mimalloc's
// thread-local heaps cut the time glibc's malloc spent in its arenas.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's option enum (v2 and v3 alike;
/// libmimalloc-sys names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    let cli = dossier::cli::Cli::parse();
    if !matches!(cli.command, dossier::cli::Command::Serve { .. }) {
        // mimalloc gives emptied pages back to the kernel 10 ms after they
        // empty. A build frees and allocates hundreds of MB in waves (texts
        // read, pages rendered), so the kernel zeroed the same memory again
        // and again: a fifth of a 10,000-article build's CPU in
        // `clear_page`, and ~10 % of its wall time (BENCHMARKS.md, session
        // 26). A build is a short process: keep freed memory until it exits.
        // `serve` runs for hours and keeps the default.
        // SAFETY: sets an option mimalloc reads on each purge; any value is valid.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
    dossier::cli::run(cli)
}
