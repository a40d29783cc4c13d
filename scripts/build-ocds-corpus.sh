#!/usr/bin/env bash
# A release build whose open-contracting data is 100,000 generated processes (flagged sample;
# 25,000 per member, shaped after the bundled real samples) in place of the bundled sources,
# for measuring the indicators page at scale.
# Usage: [DIST=dist-ocds] scripts/build-ocds-corpus.sh [--processes N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
DIST="${DIST:-dist-ocds}"
DIST="$DIST" BASE=/ scripts/build.sh
cargo run --quiet --release --bin gen-ocds -- "$DIST/ocds" "$@"
# The publishing step again: digests of the generated sources and their manifest.
cargo run --quiet --release --bin publish -- public/content "$DIST" --ocds "$DIST/ocds"
