#!/usr/bin/env bash
# One command on a fresh machine: install the tools, build the release with the bundled content,
# and serve it at http://127.0.0.1:8080 (PORT and BASE can be changed).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
BASE="${BASE:-/}"
scripts/build.sh
echo "Observatory: http://127.0.0.1:$PORT$BASE  (Ctrl+C stops)"
exec node scripts/serve.mjs --dir "${DIST:-dist}" --port "$PORT" --base "$BASE"
