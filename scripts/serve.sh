#!/usr/bin/env bash
# Serves the release build of dist/ on http://127.0.0.1:8080 (a static server: no backend).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "[serve] http://127.0.0.1:8080/  (Ctrl-C to stop)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
