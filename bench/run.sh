#!/usr/bin/env bash
# Benchmark dossier against Hugo: see BENCHMARKS.md. Needs hugo (apt-get install hugo) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/run.py "$@"
