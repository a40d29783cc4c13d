#!/usr/bin/env bash
# Release build of the observatory into DIST (default dist/), deployable under BASE (default /).
# Example for a sub-folder: BASE=/observatorio/ DIST=dist-sub scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
BASE="${BASE:-/}"
DIST="${DIST:-dist}"
scripts/setup.sh
trunk build --release --offline --public-url "$BASE" --dist "$DIST"
