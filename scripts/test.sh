#!/usr/bin/env bash
# Every test: wasm component tests in headless Chromium, then native unit/property/integration tests and the
# end-to-end tests against the release dist/ in real Chromium. Ends with cargo's test summary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
t0=$(date +%s)
scripts/build.sh
echo "[test] release build ready after $(( $(date +%s) - t0 ))s"
echo "[test] wasm-bindgen-test: components in headless Chromium"
cargo test -p counterclaim-app --features studio --target wasm32-unknown-unknown --test web
echo "[test] native unit, property, integration and end-to-end tests (started after $(( $(date +%s) - t0 ))s)"
cargo test --no-fail-fast
