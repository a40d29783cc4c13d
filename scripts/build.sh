#!/usr/bin/env bash
# Release build of the observatory into DIST (default dist/), deployable under BASE (default /).
# Example for a sub-folder: BASE=/observatorio/ DIST=dist-sub scripts/build.sh
#
# The steps, all offline with the tools scripts/setup.sh installs (pinned versions):
#  1. cargo builds the app for wasm32 (with the linker's relocations kept: .cargo/config.toml);
#  2. wasm-split-cli cuts it into the main module and one chunk per split point (src/chunks.rs),
#     plus chunks of code several of them share, and writes their JS loader;
#  3. wasm-bindgen writes the JS glue of the main module;
#  4. esbuild bundles and minifies the glue, the loader and the start script (public/js/: it also
#     registers the service worker) into one ES module, and minifies the stylesheet, the service
#     worker and the offline page's script; wasm-opt optimizes every wasm module;
#  5. the publishing step names every file after its content (app/), writes index.html and
#     404.html from the template, then the content's files and each page's first view.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
BASE="${BASE:-/}"
DIST="${DIST:-dist}"
scripts/setup.sh
log() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

TARGET=target/wasm32-unknown-unknown/release
WORK=target/app
log "compiling the app (wasm32, release)"
cargo build --release --target wasm32-unknown-unknown -p observatorio --features csr --bin observatorio
rm -rf "$WORK" && mkdir -p "$WORK/split" "$WORK/bindgen" "$WORK/out"
log "splitting it per route"
wasm-split-cli "$TARGET/observatorio.wasm" "$WORK/split" --out-name observatorio
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$WORK/bindgen" --out-name observatorio "$WORK/split/observatorio.wasm"
cp "$WORK/split/__wasm_split.js" "$WORK/bindgen/"
cp "$WORK/split/__wasm_split.js" "$WORK/out/__wasm_split.js"
# The page's one module script: starts the app from the main module beside it, then registers
# the service worker (public/js/).
cp public/js/start.js public/js/register.js "$WORK/bindgen/"
esbuild "$WORK/bindgen/start.js" --bundle --format=esm --minify --log-level=warning --log-override:duplicate-object-key=silent --outfile="$WORK/out/observatorio.js"
esbuild style/main.css --minify --log-level=warning --outfile="$WORK/main.css"
# The service worker and the offline page's script (public/; see README "Offline reading").
esbuild public/sw.js --minify --log-level=warning --outfile="$WORK/sw.js"
esbuild public/offline.js --minify --log-level=warning --outfile="$WORK/offline.js"
log "optimizing the wasm modules"
# -O2 rather than -Oz: after brotli it is smaller (BENCHMARKS.md). The features are those of
# every browser the site supports; names and producers are stripped.
OPT="-O2 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-producers"
# KEEP_NAMES=1 keeps the functions' names, for a browser profile that says where time goes.
if [ "${KEEP_NAMES:-}" = 1 ]; then OPT="$OPT -g"; else OPT="$OPT --strip-debug"; fi
cp "$WORK/bindgen/observatorio_bg.wasm" "$WORK/split/main_bg.wasm"
( cd "$WORK/split" && ls main_bg.wasm split_*.wasm chunk_*.wasm 2>/dev/null ) | \
  xargs -P 2 -I{} sh -c "wasm-opt $OPT '$WORK/split/{}' -o '$WORK/out/{}' 2>&1 | grep -v 'unknown name subsection' || true"
mv "$WORK/out/main_bg.wasm" "$WORK/out/observatorio_bg.wasm"
for f in "$WORK"/split/*.wasm; do
  n=$(basename "$f"); [ "$n" = observatorio.wasm ] || [ "$n" = main_bg.wasm ] || [ -s "$WORK/out/$n" ] || { echo "wasm-opt failed on $n" >&2; exit 1; }
done
log "publishing into $DIST (base $BASE)"
rm -rf "$DIST" && mkdir -p "$DIST"
cp -r public/content public/ocds public/embed.js public/icons "$WORK/offline.js" "$DIST/"
cargo run --quiet --bin publish -- public/content "$DIST" --app "$WORK/out" --template index.html --css "$WORK/main.css" --base "$BASE" --worker "$WORK/sw.js"
