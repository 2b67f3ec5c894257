#!/usr/bin/env python3
"""Lighthouse (npm lighthouse 12, pinned in bench/package.json) on a built site, mobile and desktop.

usage: bench/lighthouse.py [--out FILE] [--json-dir DIR] DIST

Serves DIST on 127.0.0.1 (a port of its own), runs Lighthouse against Debian's Chromium ($CHROMIUM,
headless) for the performance and accessibility categories with the mobile (default, throttled) and the
desktop preset, and prints a Markdown table: the scores, the metrics behind performance and every failing
accessibility or performance audit by id. With --out the table is appended to FILE as well. The JSON
reports are kept in --json-dir (default bench/tmp/lighthouse/).
"""
import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LH = ROOT / "bench/node_modules/lighthouse/cli/index.js"
METRICS = [("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"), ("total-blocking-time", "TBT"),
           ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"), ("interactive", "TTI")]
TARGETS = {"mobile": (95, 100), "desktop": (100, 100)}


def serve(dist):
    """A quiet static server for DIST on a free loopback port; returns its URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    handler = functools.partial(Quiet, directory=str(dist))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}/"


def run(url, preset, out):
    """One Lighthouse run; the parsed JSON report."""
    cmd = ["node", str(LH), url, "--quiet", "--output=json", f"--output-path={out}",
           "--only-categories=performance,accessibility",
           f"--chrome-path={os.environ.get('CHROMIUM', '/usr/bin/chromium')}",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(Path(out).read_text())


def score(report, cat):
    return round(100 * (report["categories"][cat]["score"] or 0))


def failing(report, cat):
    """Ids of the audits of `cat` that count and do not pass."""
    ids = [r["id"] for r in report["categories"][cat]["auditRefs"] if r["weight"] > 0]
    return [i for i in ids if (report["audits"][i].get("score") is not None and report["audits"][i]["score"] < 0.9)]


def table(reports):
    lines = ["| Lighthouse | performance | accessibility | " + " | ".join(m for _, m in METRICS) + " | target | failing audits |",
             "|---|---:|---:|" + "---:|" * len(METRICS) + "---|---|"]
    for preset, r in reports.items():
        perf, a11y = score(r, "performance"), score(r, "accessibility")
        tp, ta = TARGETS[preset]
        met = "met" if perf >= tp and a11y >= ta else "not reached"
        vals = " | ".join(r["audits"][k].get("displayValue", "–").replace("\u00a0", " ") for k, _ in METRICS)
        fails = ", ".join(failing(r, "accessibility") + failing(r, "performance")) or "none"
        lines.append(f"| {preset} | {perf} | {a11y} | {vals} | ≥ {tp} / {ta}: {met} | {fails} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dist")
    ap.add_argument("--out")
    ap.add_argument("--json-dir", default=str(ROOT / "bench/tmp/lighthouse"))
    a = ap.parse_args()
    if not LH.exists():
        sys.exit("lighthouse not installed: npm ci --prefix bench")
    Path(a.json_dir).mkdir(parents=True, exist_ok=True)
    url = serve(Path(a.dist).resolve())
    reports = {p: run(url, p, Path(a.json_dir) / f"{p}.json") for p in ("mobile", "desktop")}
    text = table(reports)
    print(text)
    if a.out:
        with open(a.out, "a") as f:
            f.write(f"\nLighthouse {reports['mobile']['lighthouseVersion']} on {reports['mobile']['finalDisplayedUrl']} "
                    f"({Path(a.dist).name}):\n\n{text}\n")


if __name__ == "__main__":
    main()
