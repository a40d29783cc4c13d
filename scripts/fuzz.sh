#!/usr/bin/env bash
# Fuzzes every parser of outside data (crates/publish/tests/fuzz.rs): 1,000,000 inputs per target by default,
# optimized, with panics caught and saved; prints each target's figures. Two targets at a time
# (the machine's cores). CI runs the short pass instead (`cargo test`, 2,000 inputs per target).
# Usage: scripts/fuzz.sh [INPUTS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "fuzz: run scripts/setup.sh first (no cargo)"; exit 1; }
export FUZZ_ITERS="${1:-1000000}"
echo "fuzz: $FUZZ_ITERS inputs per target (profile fuzz: optimized, panics unwind, overflow checked)"
start=$(date +%s)
cargo test -p observatorio-publish --profile fuzz --test fuzz -- --nocapture --test-threads 2 2>&1 | grep -E '^fuzz |panicked|FAILED|test result'
echo "fuzz: done in $(( $(date +%s) - start )) s; inputs that failed (if any) are in target/fuzz-crashes/"
