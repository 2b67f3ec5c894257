#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): `counterclaim page` writes the corpus data file and the prerendered
# first view into the staging folder Trunk is about to publish. Same profile as the Trunk build, but natively on
# stable: what scripts/trunk.sh set for the wasm toolchain is not for this build.
set -euo pipefail
unset RUSTUP_TOOLCHAIN RUSTFLAGS CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
profile=()
[ "${TRUNK_PROFILE:-debug}" = release ] && profile=(--release)
exec cargo run --quiet --offline "${profile[@]}" -p counterclaim-cli --bin counterclaim -- page "${TRUNK_STAGING_DIR:?run by trunk build}"
