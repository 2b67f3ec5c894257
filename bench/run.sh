#!/usr/bin/env bash
# `make bench` (issue 10): for each corpus size, generate a synthetic corpus, build the release app over it,
# and measure it in headless Chromium next to a minimal Yew page and MiniSearch; prints a table and appends
# it, dated, to bench/results.md, then Lighthouse's mobile and desktop scores of the seed page (bench/lighthouse.py).
# Not part of `make test`.
#
#   bench/run.sh [SIZE...]          SIZE: seeds (the real seed corpus) or a number of documents
#   make bench                      = bench/run.sh seeds 100 1000
#   make bench SIZES="seeds 100 1000 10000"
#
# Environment: BENCH_COLD (cold loads, default 3), BENCH_WARM (warm reloads, 3), BENCH_ROUNDS (interaction
# rounds, 2). Everything generated goes to bench/tmp/ (ignored): corpus-N/, dist-N/, dist-minimal/.
# The wasm builds share one target dir of their own, bench/tmp/target (BENCH_TARGET_DIR), reused across sizes and
# runs: COUNTERCLAIM_SEEDS=bench/tmp/corpus-N picks the corpus (see build.rs). Not target/: Trunk's wasm-bindgen
# output there is shared by every concurrent `trunk build` (a build next to `make test` mixed the JS glue of one
# build with the wasm of another), and each corpus switch would force the others to rebuild.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"   # cd to the repository root, PATH for trunk & co.
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
started=$(date +%s)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(seeds 100 1000)
TMP="$ROOT/bench/tmp"
WASM_TARGET="${BENCH_TARGET_DIR:-$TMP/target}"
mkdir -p "$TMP"

# MiniSearch and Lighthouse 12 (npm, pinned by bench/package-lock.json) into the ignored bench/node_modules.
if [ ! -f bench/node_modules/minisearch/dist/umd/index.js ] || [ ! -f bench/node_modules/lighthouse/cli/index.js ]; then
  say "installing MiniSearch and Lighthouse into bench/node_modules"
  npm ci --prefix bench --no-audit --no-fund --loglevel=error
fi
# brotli sizes need Python's brotli module; without it the table says n/a.
if ! python3 -c 'import brotli' 2>/dev/null; then
  pip install --quiet brotli >/dev/null 2>&1 || say "note: Python brotli module unavailable: brotli sizes will be n/a"
fi

say "building the generator, the driver and the CLI (native, release)"
cargo build --release --quiet -p counterclaim-bench --example gen_corpus --example browser_bench -p counterclaim-cli --bin counterclaim

: > "$TMP/builds.tsv"
# build.rs ingests, extracts and indexes the corpus natively at build time: optimise it (and its
# dependencies) so 10,000 documents take seconds, not minutes (own target dir, so the default builds are unaffected).
export CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_OPT_LEVEL=3
build() { # build LABEL DIST [CORPUS_DIR]: release build of the app over CORPUS_DIR (default: seeds/)
  local label=$1 dist=$2 corpus=${3:-} t0
  t0=$(date +%s)
  say "$label: trunk build --release --offline --dist ${dist#"$ROOT"/}"
  if [ -n "$corpus" ]; then
    CARGO_TARGET_DIR="$WASM_TARGET" COUNTERCLAIM_SEEDS="$corpus" trunk build --release --offline --dist "$dist" > "$TMP/build-$label.log" 2>&1 \
      || { tail -30 "$TMP/build-$label.log"; exit 1; }
  else
    env -u COUNTERCLAIM_SEEDS CARGO_TARGET_DIR="$WASM_TARGET" trunk build --release --offline --dist "$dist" > "$TMP/build-$label.log" 2>&1 \
      || { tail -30 "$TMP/build-$label.log"; exit 1; }
  fi
  # The real page: CSP meta, service worker, icons (no single-file edition).
  target/release/counterclaim finish "$dist" --no-single >> "$TMP/build-$label.log" 2>&1
  printf '%s\t%s\n' "$label" "$(( $(date +%s) - t0 ))" >> "$TMP/builds.tsv"
  say "$label: built in $(( $(date +%s) - t0 )) s, wasm $(stat -c %s "$dist"/*_bg.wasm) bytes"
}

targets=()
for s in "${sizes[@]}"; do
  if [ "$s" = seeds ]; then
    target/release/counterclaim export seeds > "$TMP/claims-seeds.json" 2>/dev/null
    build seeds "$TMP/dist-seeds"
    targets+=("seeds=$TMP/dist-seeds:$TMP/claims-seeds.json")
  elif [[ "$s" =~ ^[0-9]+$ ]]; then
    say "$s: generating bench/tmp/corpus-$s"
    target/release/examples/gen_corpus "$s" "$TMP/corpus-$s"
    build "$s" "$TMP/dist-$s" "$TMP/corpus-$s"
    targets+=("$s=$TMP/dist-$s:$TMP/corpus-$s/claims.json")
  else
    echo "bench/run.sh: unknown size '$s' (seeds or a number)" >&2; exit 2
  fi
done

say "minimal Yew page (bench/minimal)"
t0=$(date +%s)
( cd bench/minimal && CARGO_TARGET_DIR="$WASM_TARGET" trunk build --release --offline --dist "$TMP/dist-minimal" ) \
  > "$TMP/build-minimal.log" 2>&1 || { tail -30 "$TMP/build-minimal.log"; exit 1; }
printf 'minimal\t%s\n' "$(( $(date +%s) - t0 ))" >> "$TMP/builds.tsv"

say "measuring in headless Chromium: ${sizes[*]} (and the minimal page)"
target/release/examples/browser_bench \
  --cold "${BENCH_COLD:-3}" --warm "${BENCH_WARM:-3}" --rounds "${BENCH_ROUNDS:-2}" \
  --minimal "$TMP/dist-minimal" \
  --minisearch bench/node_modules/minisearch/dist/umd/index.js \
  --builds "$TMP/builds.tsv" --started "$started" \
  --out bench/results.md \
  "${targets[@]}"
if [ -d "$TMP/dist-seeds" ] && [[ " ${sizes[*]} " == *" seeds "* ]]; then
  say "Lighthouse (mobile and desktop) on the seed page"
  python3 bench/lighthouse.py "$TMP/dist-seeds" --out bench/results.md
fi
say "done in $(( $(date +%s) - started )) s; results appended to bench/results.md"
