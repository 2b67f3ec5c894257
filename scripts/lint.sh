#!/usr/bin/env bash
# The style gate: rustfmt and clippy (warnings are errors) over every crate, natively and for the wasm app (and
# counterclaim-site, which must build for wasm32 too).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "[lint] cargo fmt --check"
cargo fmt --all --check
(cd fuzz && cargo fmt --check)
echo "[lint] cargo clippy -D warnings (native, every crate and target)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "[lint] cargo clippy -D warnings (the app and its component tests, wasm32)"
cargo clippy -p counterclaim-app --target wasm32-unknown-unknown --all-targets --all-features --quiet -- -D warnings
echo "[lint] cargo clippy -D warnings (the studio, wasm32)"
cargo clippy -p counterclaim-studio --target wasm32-unknown-unknown --quiet -- -D warnings
echo "[lint] cargo clippy -D warnings (the import worker, wasm32)"
cargo clippy -p counterclaim-worker --target wasm32-unknown-unknown --quiet -- -D warnings
echo "[lint] cargo clippy -D warnings (counterclaim-site, wasm32: the page's import worker links it)"
cargo clippy -p counterclaim-site --target wasm32-unknown-unknown --quiet -- -D warnings
