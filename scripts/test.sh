#!/usr/bin/env bash
# Every test: native unit/property/integration tests, wasm component tests in headless Chromium,
# and end-to-end tests against the release dist/ in real Chromium. Ends with cargo's test summary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
t0=$(date +%s)
scripts/build.sh
echo "[test] wasm-bindgen-test components in headless Chromium"
cargo test --target wasm32-unknown-unknown --test web
echo "[test] native unit, property, integration and end-to-end tests"
cargo test --no-fail-fast 2>&1 | tee target/native-test.log
echo "[test] done in $(( $(date +%s) - t0 ))s"
grep -E '^test result:' target/native-test.log | awk '{p+=$4; f+=$6} END {printf "%d passed, %d failed\n", p, f}'
