#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing: idempotent and fast when all is present.
# Debian packages and npm download in the background while cargo compiles the CLI tools.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
mkdir -p target
pids=()

if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust with rustup first (https://rustup.rs)" >&2; exit 1
fi
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  say "installing Debian's chromium and chromium-driver (in the background)"
  ( $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver ) \
    > target/setup-apt.log 2>&1 &
  pids+=($!)
fi
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing wasm-opt (npm binaryen@132) into .tools/ (in the background)"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name":"counterclaim-tools","private":true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund --loglevel=error binaryen@132 > target/setup-npm.log 2>&1 &
  pids+=($!)
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown
fi
if ! rustup run "$WASM_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
   || [ ! -d "$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "installing $WASM_TOOLCHAIN with its rust-src (the shipped wasm's toolchain, scripts/trunk.sh)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src
fi
# The standard library's own dependencies, which its rebuild needs and the offline Trunk build cannot download.
rustup run "$WASM_TOOLCHAIN" cargo fetch --quiet \
  --manifest-path "$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
# The tools only need to run, not to be fast: a light release profile halves their compile time.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
       CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14"; cargo install trunk --version 0.21.14 --locked --force
fi
WBG=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG" ]; then
  # Without --locked: one of the CLI's pinned dependencies is missing from the registry.
  say "installing wasm-bindgen-cli $WBG"; cargo install wasm-bindgen-cli --version "$WBG" --force
fi
unset CARGO_PROFILE_RELEASE_LTO CARGO_PROFILE_RELEASE_CODEGEN_UNITS CARGO_PROFILE_RELEASE_OPT_LEVEL \
      CARGO_PROFILE_RELEASE_DEBUG CARGO_PROFILE_RELEASE_STRIP
for p in ${pids[@]+"${pids[@]}"}; do
  if ! wait "$p"; then
    echo "[setup] a background install failed:" >&2; cat target/setup-apt.log target/setup-npm.log 2>/dev/null >&2; exit 1
  fi
done
say "ok: $(trunk --version), $(rustup run "$WASM_TOOLCHAIN" rustc --version) for the wasm, $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $("$CHROMIUM" --version 2>/dev/null | head -1)"
