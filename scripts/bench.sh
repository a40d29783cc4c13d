#!/usr/bin/env bash
# Builds the release and runs the benchmark (see scripts/bench.mjs); record the output in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=dist BASE=/ scripts/build.sh
command -v chromium >/dev/null 2>&1 || { echo "chromium missing: run scripts/test.sh once (it installs it)" >&2; exit 1; }
node scripts/bench.mjs --dir dist "$@"
