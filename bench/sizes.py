#!/usr/bin/env python3
"""Transfer sizes of files: raw, gzip -9 and brotli (quality 11), as JSON on stdout (used by the browser benchmark).

usage: bench/sizes.py [--brotli-max BYTES] FILE...
  ->  [{"path": ..., "raw": n, "gzip": n, "br": n or null, "br_skipped": bool}, ...]
brotli is null when the Python `brotli` module is missing (`pip install brotli`), and for a file larger than
--brotli-max (default 64 MiB; br_skipped is then true): quality 11 runs at ~0.3 MB/s on the 2-core machine, so a
328 MB data file would take ~20 minutes.
"""
import gzip
import json
import sys

try:
    import brotli
except ImportError:  # reported as null, the table says "n/a"
    brotli = None

args = sys.argv[1:]
brotli_max = 64 << 20
if args[:1] == ["--brotli-max"]:
    brotli_max, args = int(args[1]), args[2:]

out = []
for path in args:
    data = open(path, "rb").read()
    skipped = len(data) > brotli_max
    out.append({
        "path": path,
        "raw": len(data),
        "gzip": len(gzip.compress(data, 9, mtime=0)),
        "br": len(brotli.compress(data, quality=11)) if brotli and not skipped else None,
        "br_skipped": skipped,
    })
json.dump(out, sys.stdout)
