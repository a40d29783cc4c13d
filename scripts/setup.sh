#!/usr/bin/env bash
# Installs, idempotently, every tool the build needs on a fresh machine that reaches only
# crates.io, npm, PyPI and Debian apt. Skips whatever is already present at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# cargo may live in ~/.cargo/bin without being on PATH in a non-login shell.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (compiles for ~14 min on 2 cores; only once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then echo "cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen must be $WBG_VERSION (the version in Cargo.lock)" >&2; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION"
  # Without --locked: its own lock pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# wasm-opt comes from npm's binaryen (pinned in package-lock.json), not Debian's older build.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1)"
