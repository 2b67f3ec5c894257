# Sourced by the other scripts: PATH for cargo, the local wasm-opt, and Trunk's offline settings.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# The toolchain of the shipped wasm (scripts/trunk.sh; installed by setup.sh): a dated nightly, for
# `-Cpanic=immediate-abort` and a standard library rebuilt with it (and `optimize_for_size`). Everything native, and the
# tests' wasm, use stable.
export WASM_TOOLCHAIN=nightly-2026-05-20
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
cd "$ROOT"
