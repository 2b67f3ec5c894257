#!/usr/bin/env python3
"""Transfer sizes of files: raw, gzip -9 and brotli (quality 11), as JSON on stdout (used by the browser benchmark).

usage: bench/sizes.py FILE...   ->  [{"path": ..., "raw": n, "gzip": n, "br": n or null}, ...]
brotli is null when the Python `brotli` module is missing (`pip install brotli`).
"""
import gzip
import json
import sys

try:
    import brotli
except ImportError:  # reported as null, the table says "n/a"
    brotli = None

out = []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    out.append({
        "path": path,
        "raw": len(data),
        "gzip": len(gzip.compress(data, 9, mtime=0)),
        "br": len(brotli.compress(data, quality=11)) if brotli else None,
    })
json.dump(out, sys.stdout)
