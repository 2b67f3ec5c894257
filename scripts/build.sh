#!/usr/bin/env bash
# Release build of the static site into dist/ (offline), then the post-build step (`counterclaim finish`: CSP,
# service worker, single-file edition in dist-single/, see crates/site); prints the wasm, page and single-file sizes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
scripts/trunk.sh build --release --offline "$@"
# The same binary Trunk's post_build hook (scripts/page.sh) has just built.
cargo run --quiet --offline --release -p counterclaim-cli --bin counterclaim -- finish dist
for f in dist/*.wasm; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  awk -v n="$(basename "$f")" -v r="$raw" -v g="$gz" 'BEGIN{printf "[build] %s: %d bytes raw (%.1f KB), %d bytes gzip (%.1f KB)\n", n, r, r/1024, g, g/1024}'
done
total=$(cat dist/* 2>/dev/null | wc -c); tgz=0
for f in dist/*; do [ -f "$f" ] && tgz=$((tgz + $(gzip -9 -c "$f" | wc -c))); done
printf '[build] whole page (dist/*): %d bytes raw, %d bytes gzip\n' "$total" "$tgz"
# What opening the page fetches: everything but the import worker and the studio (fetched only when someone imports
# or opens the settings) and sw.js.
ptotal=0; pgz=0
for f in dist/*; do
  case "$(basename "$f")" in counterclaim-worker-*|counterclaim-studio-*|sw.js) continue ;; esac
  [ -f "$f" ] && ptotal=$((ptotal + $(stat -c %s "$f"))) && pgz=$((pgz + $(gzip -9 -c "$f" | wc -c)))
done
printf '[build] page without the import worker and the studio: %d bytes raw, %d bytes gzip\n' "$ptotal" "$pgz"
f=dist-single/counterclaim.html; raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN{printf "[build] single file (dist-single/counterclaim.html): %d bytes raw (%.1f KB), %d bytes gzip (%.1f KB)\n", r, r/1024, g, g/1024}'
