#!/usr/bin/env bash
# A release build whose content is the large generated sample corpus (10,000 news, 5,000
# documents, 2,000 events, all flagged sample) in place of the bundled content, for measuring
# scale. Usage: [DIST=dist-corpus] scripts/build-corpus.sh [gen-corpus options]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
DIST="${DIST:-dist-corpus}"
DIST="$DIST" BASE=/ scripts/build.sh
cargo run --quiet --release --bin gen-corpus -- "$DIST/content" "$@"
cargo run --quiet --release --bin check-content -- "$DIST/content" | tail -n 1
# The publishing step again, over the generated content (home digest, calendar files, feeds,
# sitemap, link-preview pages: capped here at 500 per language, ~21 KB each, to spare the disk).
PRERENDER_LIMIT="${PRERENDER_LIMIT:-500}" cargo run --quiet --release --bin publish -- "$DIST/content" "$DIST"
