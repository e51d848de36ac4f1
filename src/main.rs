//! The `dossier` binary: a thin shell over the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    dossier::cli::run(dossier::cli::Cli::parse())
}
