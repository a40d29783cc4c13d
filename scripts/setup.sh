#!/usr/bin/env bash
# Installs, idempotently, every tool the build needs on a fresh machine that reaches only
# crates.io, npm, PyPI and Debian apt. Skips whatever is already present at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."

# Splits the app's wasm per route (scripts/build.sh); the version Leptos' wasm_split_helpers
# (in Cargo.lock) is made for.
WASM_SPLIT_VERSION=0.2.4
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# cargo may live in ~/.cargo/bin without being on PATH in a non-login shell.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then echo "cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes, once)"
  # Without --locked: its own lock pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if [ ! -x "$HOME/.cargo/bin/wasm-split-cli" ] || \
   ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# wasm-opt from npm's binaryen (Debian's older build breaks the app) and esbuild, pinned in
# package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || \
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
log "tools ready: $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version | head -n1), esbuild $(esbuild --version)"
