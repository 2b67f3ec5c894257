#!/usr/bin/env python3
"""Lighthouse mobile performance over several builds in turn, N rounds: a comparison that a slow drift of the machine
touches alike (one mobile run's score spreads by ±5 points here).

usage: bench/lighthouse_ab.py ROUNDS LABEL=DIST...   (prints one line a run; JSON reports in bench/tmp/lighthouse/ab/)
"""
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lighthouse as L  # noqa: E402

OUT = L.ROOT / "bench/tmp/lighthouse/ab"


def one(label, dist, i):
    """One mobile run of DIST: its score, total blocking time and long tasks (simulated ms)."""
    url = L.serve(Path(dist).resolve())
    out = OUT / f"{label}-{i}.json"
    r = L.run(url, "mobile", out)
    a = r["audits"]
    tasks = [round(t["duration"]) for t in a["long-tasks"]["details"]["items"]]
    print(f"{label} {i}: performance {L.score(r, 'performance')}, TBT {a['total-blocking-time']['displayValue']}, "
          f"LCP {a['largest-contentful-paint']['displayValue']}, long tasks {tasks}", flush=True)


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or any("=" not in a for a in sys.argv[2:]):
        sys.exit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    builds = [a.split("=", 1) for a in sys.argv[2:]]
    for i in range(int(sys.argv[1])):
        for label, dist in builds:
            one(label, dist, i)


if __name__ == "__main__":
    main()
