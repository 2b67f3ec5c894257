#!/usr/bin/env python3
"""What the bytes of the app's optimised wasm are: a twiggy breakdown by function and by crate.

usage: bench/wasm_breakdown.py [--top N] [WASM]   (prints Markdown tables)

WASM is cargo's output of the last release build (default:
target/wasm32-unknown-unknown/release/counterclaim-app.wasm, written by `scripts/build.sh`), which still has
its function names. It is put through the same steps as Trunk's (wasm-bindgen --target web, then
wasm-opt -Oz), keeping the names (-g), and measured with twiggy (`cargo install twiggy`). Sizes are the code
and data of each item; the name section itself is left out of every figure, so the total is within a few
per cent of the shipped wasm (names make wasm-opt keep a few more function boundaries).
"""
import argparse
import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "target/wasm32-unknown-unknown/release/counterclaim-app.wasm"
STD = {"core", "alloc", "std"}
STRUCTURE = re.compile(r'^("|type\[|import |export |table|elem|global|code section|memory|wasm magic|start)')
HASH = re.compile(r"::h[0-9a-f]{16}$")
DISAMBIGUATOR = re.compile(r"\[[0-9a-f]{16}\]")
CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)::")


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def optimised(wasm, tmp):
    """wasm-bindgen + wasm-opt -Oz as Trunk does, names kept."""
    run("wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", str(tmp), str(wasm))
    bg = next(Path(tmp).glob("*_bg.wasm"))
    out = Path(tmp) / "named.wasm"
    run("wasm-opt", "-Oz", "-g", "--output", str(out), str(bg))
    return out


def items(wasm):
    """(name, shallow bytes) of every item twiggy sees."""
    text = run("twiggy", "top", "-n", "1000000", "--format", "csv", str(wasm))
    return [(r["Name"], int(r["ShallowSize"])) for r in csv.DictReader(io.StringIO(text))]


def clean(name):
    """The demangled name without hashes (`::h…`, `crate[…]`)."""
    return DISAMBIGUATOR.sub("", HASH.sub("", name))


def crate_of(name):
    """The crate an item's bytes are for: data, wasm structure, wasm-bindgen's glue, Yew's component machinery
    as instantiated for each of our components (their `view` bodies are inlined there), or the first crate
    named (the implementing type's for `<T as Trait>::f`; a std item generic over a type of ours counts as std)."""
    if "<COMP>" in name or "CompStateInner<" in name:
        return "yew, per component (our components' bodies)"
    if name.startswith("data segment") or name.startswith("data["):
        return "(data segments)"
    if STRUCTURE.match(name):
        return "(wasm structure)"
    if name.startswith("__wbg_") or name.startswith("__wbindgen") or "wasm_bindgen" in name.split("<")[0]:
        return "wasm_bindgen"
    bare = name.lstrip("<&*")
    if bare.startswith(("[", "str", "(", "dyn ")):  # methods of slices, str, tuples and trait objects
        return "std (core, alloc)"
    m = CRATE.search(bare)
    if not m:
        return "(unnamed)"
    c = m.group(1)
    return "std (core, alloc)" if c in STD else c


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wasm", nargs="?", default=str(DEFAULT))
    ap.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    a = ap.parse_args()
    for tool in ("twiggy", "wasm-bindgen", "wasm-opt"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (twiggy: `cargo install twiggy`; the others: `source scripts/env.sh`)")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(clean(n), s) for n, s in items(optimised(a.wasm, tmp)) if not (n.startswith('"') and "names" in n)]
    total = sum(s for _, s in rows)
    by_crate = defaultdict(lambda: [0, 0])
    for n, s in rows:
        c = by_crate[crate_of(n)]
        c[0] += s
        c[1] += 1
    print(f"wasm after wasm-opt -Oz, without the name section: {total} bytes ({total / 1024:.1f} KB), {len(rows)} items\n")
    print("| crate | bytes | % | items |\n|---|---:|---:|---:|")
    for c, (s, k) in sorted(by_crate.items(), key=lambda kv: -kv[1][0]):
        print(f"| {c} | {s} | {100 * s / total:.1f} | {k} |")
    print(f"\nTop {a.top} items:\n\n| bytes | % | item |\n|---:|---:|---|")
    for n, s in sorted(rows, key=lambda r: -r[1])[: a.top]:
        short = n.replace("|", "\\|")
        short = short if len(short) <= 150 else short[:147] + "…"
        print(f"| {s} | {100 * s / total:.1f} | `{short}` |")


if __name__ == "__main__":
    main()
