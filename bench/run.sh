#!/usr/bin/env bash
# `make bench` (issue 10): build the release app once (Trunk, over seeds/), then for each numeric size generate a
# synthetic corpus and make its site from that app (`counterclaim site … --app bench/tmp/dist-seeds --no-single`, no
# wasm rebuild), and measure every site in headless Chromium next to a minimal Yew page and MiniSearch; prints a
# table and appends it, dated, to bench/results.md, then Lighthouse's mobile and desktop scores of the seed page
# (bench/lighthouse.py). Generation and builds run under `nice -n 10` and GNU time (/usr/bin/time): wall time and
# peak RSS go to bench/tmp/builds.tsv and generated.tsv, and into the table. Not part of `make test`.
#
#   bench/run.sh [SIZE...]          SIZE: seeds (the real seed corpus) or a number of documents
#   make bench                      = bench/run.sh seeds 100 1000
#   make bench SIZES="seeds 100 1000 10000"
#   make bench SIZES="seeds 100000" the 100,000-document row: ~8 minutes on 2 cores; gen_corpus ~60-80 s and ~1.9 GB,
#                                   the site ~70-190 s and ~2.5 GB, Chromium up to ~5.5 GB with MiniSearch's index;
#                                   ~1 GB of bench/tmp (corpus-100000/, dist-100000/: delete them after). Shorter:
#                                   BENCH_COLD=1 BENCH_WARM=0 BENCH_ROUNDS=1 bench/run.sh seeds 100000
#
# Environment: BENCH_COLD (cold loads, default 3), BENCH_WARM (warm reloads, 3), BENCH_ROUNDS (interaction
# rounds, 2); a corpus whose first cold load takes over 30 s gets 1 / ≤ 1 / 1 (said under the table).
# BENCH_STEP_TIMEOUT (s, default 900): any waiting step of the driver taking longer stops the run, naming the step.
# Everything generated goes to bench/tmp/ (ignored): corpus-N/, dist-N/, dist-seeds/, dist-minimal/, the logs.
# The wasm builds share one target dir of their own, bench/tmp/target (BENCH_TARGET_DIR), reused across runs. Not
# target/: Trunk's wasm-bindgen output there is shared by every concurrent `trunk build` (a build next to `make test`
# mixed the JS glue of one build with the wasm of another).
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
: > "$TMP/generated.tsv"
# Build scripts and proc macros optimised, as the bench target dir has always been built (own target dir, so the
# default builds are unaffected; changing it would rebuild everything there).
export CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_OPT_LEVEL=3
timed() { # timed TSV LABEL LOG CMD...: CMD under nice -n 10 and GNU time, output into LOG; appends `LABEL<TAB>s<TAB>peak KB` to TSV
  local tsv=$1 label=$2 log=$3 secs kb; shift 3
  /usr/bin/time -f '%e %M' -o "$log.time" nice -n 10 "$@" > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
  read -r secs kb < "$log.time"
  printf '%s\t%s\t%s\n' "$label" "$secs" "$kb" >> "$tsv"
  say "$label: $secs s, peak $(( kb / 1024 )) MB (largest process)"
}
app_dist="$TMP/dist-seeds"
build_app() { # the release app over seeds/, by Trunk, then finished (CSP meta, service worker, icons; no single file)
  say "seeds: scripts/trunk.sh build --release --offline --dist ${app_dist#"$ROOT"/}"
  timed "$TMP/builds.tsv" seeds "$TMP/build-seeds.log" bash -c \
    'env -u COUNTERCLAIM_SEEDS CARGO_TARGET_DIR="$1" scripts/trunk.sh build --release --offline --dist "$2" && target/release/counterclaim finish "$2" --no-single' \
    _ "$WASM_TARGET" "$app_dist"
  say "seeds: app wasm $(stat -c %s "$app_dist"/counterclaim-app-*_bg.wasm) bytes"
}
build_site() { # build_site N: the site of bench/tmp/corpus-N from the seeds' app, no wasm rebuild
  say "$1: counterclaim site bench/tmp/corpus-$1 --out bench/tmp/dist-$1 --app ${app_dist#"$ROOT"/} --no-single"
  rm -rf "$TMP/dist-$1"   # a Trunk dist of an earlier run is not a site `site` replaces
  timed "$TMP/builds.tsv" "$1" "$TMP/build-$1.log" target/release/counterclaim site "$TMP/corpus-$1" --out "$TMP/dist-$1" --app "$app_dist" --no-single
}

for s in "${sizes[@]}"; do
  [ "$s" = seeds ] || [[ "$s" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: unknown size '$s' (seeds or a number)" >&2; exit 2; }
done
# The app is built once, by Trunk, whether or not the seeds are measured: every numeric size is a site from it.
build_app
targets=()
for s in "${sizes[@]}"; do
  if [ "$s" = seeds ]; then
    target/release/counterclaim export seeds > "$TMP/claims-seeds.json" 2>/dev/null
    targets+=("seeds=$app_dist:$TMP/claims-seeds.json")
  else
    say "$s: generating bench/tmp/corpus-$s"
    timed "$TMP/generated.tsv" "$s" "$TMP/gen-$s.log" target/release/examples/gen_corpus "$s" "$TMP/corpus-$s"
    build_site "$s"
    targets+=("$s=$TMP/dist-$s:$TMP/corpus-$s/claims.json")
  fi
done

say "minimal Yew page (bench/minimal)"
timed "$TMP/builds.tsv" minimal "$TMP/build-minimal.log" bash -c \
  'cd bench/minimal && CARGO_TARGET_DIR="$1" ../../scripts/trunk.sh build --release --offline --dist "$2"' _ "$WASM_TARGET" "$TMP/dist-minimal"

say "measuring in headless Chromium: ${sizes[*]} (and the minimal page)"
target/release/examples/browser_bench \
  --cold "${BENCH_COLD:-3}" --warm "${BENCH_WARM:-3}" --rounds "${BENCH_ROUNDS:-2}" \
  --minimal "$TMP/dist-minimal" \
  --minisearch bench/node_modules/minisearch/dist/umd/index.js \
  --step-timeout "${BENCH_STEP_TIMEOUT:-900}" \
  --builds "$TMP/builds.tsv" --generated "$TMP/generated.tsv" --started "$started" \
  --out bench/results.md \
  "${targets[@]}"
if [ -d "$TMP/dist-seeds" ] && [[ " ${sizes[*]} " == *" seeds "* ]]; then
  say "Lighthouse (mobile and desktop) on the seed page"
  python3 bench/lighthouse.py "$TMP/dist-seeds" --out bench/results.md
fi
say "done in $(( $(date +%s) - started )) s; results appended to bench/results.md"
