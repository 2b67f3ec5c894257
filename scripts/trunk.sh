#!/usr/bin/env bash
# Trunk, with the toolchain the shipped wasm is built with: the pinned nightly of env.sh ($WASM_TOOLCHAIN), which
# rebuilds the standard library with panics as immediate aborts and with its smaller implementations
# (`optimize_for_size`). A panic in the page was an abort already; this leaves out the panic messages, their source
# locations and the formatting behind them (app wasm 783,124 → 692,794 bytes; no slower at 10,000 or 100,000
# documents, nor the import: bench/results.md, 2026-12-04). Native builds stay on stable, Trunk's post_build hook
# (page.sh) included.
# Run from the folder whose Trunk.toml to use.
set -euo pipefail
here="$PWD"
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$here"
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
       CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk "$@"
