#!/usr/bin/env bash
# One command on a fresh machine: install what the tests need (build tools, Debian's Chromium,
# npm packages from the lock file) and run the whole suite: formatting, lints, native tests,
# the content check, release builds (root and sub-path) and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# A clean clone builds once: incremental caches would only add gigabytes to the disk it runs on.
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=0
log() { printf '\n\033[1m[test]\033[0m %s\n' "$*"; }

scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian's chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt

# The view! blocks' formatter (rustfmt leaves macros alone); options in leptosfmt.toml.
LEPTOSFMT_VERSION=0.1.33
if [ "$(leptosfmt --version 2>/dev/null || true)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
  log "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes, once)"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --force
fi

log "formatting (rustfmt, and leptosfmt for view! blocks)"
cargo fmt --all -- --check
leptosfmt --quiet --check src crates/publish/src
log "clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p observatorio --features csr --lib --bin observatorio -- -D warnings
log "native tests"
cargo test
log "content check of the bundled content"
cargo run --quiet --bin check-content -- public/content
log "release builds (root and /observatorio/ sub-path)"
DIST=dist BASE=/ scripts/build.sh
DIST=dist-sub BASE=/observatorio/ scripts/build.sh
log "published files read by independent parsers (Python icalendar, feedparser, XML, HTML)"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -q python3-venv && python3 -m venv .venv; }
fi
.venv/bin/python -c "import icalendar, feedparser" 2>/dev/null || .venv/bin/pip install -q -r tests/feeds/requirements.txt
.venv/bin/python tests/feeds/check_calendars.py dist
.venv/bin/python tests/feeds/check_feeds.py dist
.venv/bin/python tests/feeds/check_pages.py dist
log "browser end-to-end tests (headless Chromium, phone viewport)"
node --test --test-concurrency=1 tests/e2e/
