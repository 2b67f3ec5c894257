#!/usr/bin/env python3
"""Post-build step for the release site (run by scripts/build.sh after `trunk build`).

What it does to what Trunk wrote into dist/ (the icons and the manifest are committed files that Trunk
copies from crates/app/assets/):
  1. CSP: hashes every inline <script> Trunk wrote into index.html and puts a Content-Security-Policy
     <meta> first in <head>;
  2. service worker: writes sw.js from scripts/sw.template.js with the list of every file in dist/ (walked,
     never typed) and a cache name derived from the names and contents of those files;
  3. single-file edition: dist-single/counterclaim.html, with the wasm and the corpus data file (base64),
     the JS glue and the CSS inlined, its own CSP, and no service worker; opens from file://.

Trunk itself has already run `counterclaim page` (its post_build hook, see Trunk.toml): the corpus data file
and the prerendered first view are in dist/ when this runs.

Usage:
  scripts/postbuild.py [--dist DIR] [--single FILE | --no-single]
  scripts/postbuild.py --sw-only DIR       # only regenerate DIR/sw.js (after changing a file in DIR)
  scripts/postbuild.py --single-only       # only (re)write the single-file edition from --dist
"""
import argparse
import base64
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# `style="…"` attribute values the app sets at run time (Yew `style=` props) would be allowed by hash with
# 'unsafe-hashes'. The app sets none (the comparison uses `cols-N` classes), so no escape hatch is emitted.
STYLE_ATTRIBUTE_VALUES: list = []  # the app sets no inline style; keep it that way

SW_FILE = "sw.js"
CACHE_PREFIX = "counterclaim-"
HASHED_NAME = re.compile(r"-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$")
SCRIPT_RE = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
CSP_META_RE = re.compile(r"\n?[ \t]*<meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>", re.I)
JS_TYPES = {"", "module", "text/javascript", "application/javascript"}


def say(msg):
    print(f"[postbuild] {msg}", flush=True)


def sha256_source(data):
    """A CSP hash source for `data` (str or bytes): 'sha256-…'."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode() + "'"


def attr(attrs, name):
    m = re.search(r"\b" + name + r"\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", attrs, re.I)
    return None if not m else next(g for g in m.groups() if g is not None)


def inline_script_hashes(html):
    """Hashes of every inline script that executes (data blocks such as the base64 wasm do not)."""
    out = []
    for m in SCRIPT_RE.finditer(html):
        attrs = m.group("attrs")
        if attr(attrs, "src") is not None:
            continue
        if (attr(attrs, "type") or "").strip().lower() not in JS_TYPES:
            continue
        out.append(sha256_source(m.group("body")))
    return out


def style_attribute_hashes():
    return [sha256_source(v) for v in STYLE_ATTRIBUTE_VALUES]


def served_csp(script_hashes):
    style = ["'self'"] + (["'unsafe-hashes'"] + style_attribute_hashes() if STYLE_ATTRIBUTE_VALUES else [])
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'"] + script_hashes),
        "style-src " + " ".join(style),
        "img-src 'self' data:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def single_csp(script_hashes, style_hashes):
    style = style_hashes + (["'unsafe-hashes'"] + style_attribute_hashes() if STYLE_ATTRIBUTE_VALUES else [])
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(["'wasm-unsafe-eval'"] + script_hashes),
        "style-src " + " ".join(style),
        "img-src data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def put_csp(html, policy):
    """Replace any CSP meta by `policy`, placed right after <meta charset> (else first in <head>)."""
    html = CSP_META_RE.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
    m = re.search(r"<meta\s+charset=[^>]*>", html, re.I) or re.search(r"<head\b[^>]*>", html, re.I)
    if not m:
        raise SystemExit("postbuild: no <head> in index.html")
    head_pos = re.search(r"<head\b[^>]*>", html, re.I)
    first_script = re.search(r"<script\b", html, re.I)
    if first_script and first_script.start() < m.end():
        m = head_pos
    indent = "\n    "
    return html[: m.end()] + indent + meta + html[m.end():]


# ------------------------------------------------------------------------------------------------ service worker

# The worker's code, with __CACHE__, __PREFIX__ and __FILES__ to fill in; lines starting "//#" are notes on
# the template, left out of sw.js.
SW_TEMPLATE = ROOT / "scripts" / "sw.template.js"
TEMPLATE_NOTE = "//#"


def build_files(dist):
    """Every file of the build (relative POSIX paths, sorted), except the worker itself and dotfiles."""
    files = []
    for p in sorted(dist.rglob("*")):
        rel = p.relative_to(dist)
        if p.is_file() and rel.as_posix() != SW_FILE and not any(part.startswith(".") for part in rel.parts):
            files.append(rel.as_posix())
    return files


def write_sw(dist):
    """Write dist/sw.js from what is in dist/; returns the cache name."""
    dist = Path(dist)
    files = build_files(dist)
    if "index.html" not in files:
        raise SystemExit(f"postbuild: {dist}/index.html is missing")
    h = hashlib.sha256()
    for f in files:
        h.update(f.encode() + b"\0")
        h.update(hashlib.sha256((dist / f).read_bytes()).digest())
    cache = CACHE_PREFIX + h.hexdigest()[:16]
    listed = ["./" + f for f in files]
    template = "".join(line for line in SW_TEMPLATE.read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith(TEMPLATE_NOTE))
    sw = (template.replace("__CACHE__", json.dumps(cache)).replace("__PREFIX__", json.dumps(CACHE_PREFIX))
          .replace("__FILES__", json.dumps(listed, indent=2)))
    (dist / SW_FILE).write_text(sw, encoding="utf-8")
    return cache, files


# ------------------------------------------------------------------------------------------------ single file

def only_file(dist, pattern):
    found = [p for p in dist.glob(pattern) if p.name != SW_FILE]
    if len(found) != 1:
        raise SystemExit(f"postbuild: expected one {pattern} in {dist}, found {[p.name for p in found]}")
    return found[0]


def build_single(dist, out):
    dist, out = Path(dist), Path(out)
    html = (dist / "index.html").read_text(encoding="utf-8")
    # The app's own files (the import worker's, counterclaim-worker-*, stay out: a file:// page cannot start a worker).
    wasm = only_file(dist, "counterclaim-app-*_bg.wasm")
    glue_path = only_file(dist, "counterclaim-app-*.js")
    glue = glue_path.read_text(encoding="utf-8")
    if "</script" in glue.lower():
        raise SystemExit("postbuild: the JS glue contains </script>; cannot inline it")
    # wasm-bindgen ends the glue with `export { initSync, __wbg_init as default };` (older: `export default X;`).
    m = (re.search(r"export\s*\{[^}]*?\b([A-Za-z_$][\w$]*)\s+as\s+default\b", glue)
         or re.search(r"export\s+default\s+([A-Za-z_$][\w$]*)\s*;", glue))
    if not m:
        raise SystemExit("postbuild: cannot find the init function the JS glue exports as default")
    init_name = m.group(1)

    html = CSP_META_RE.sub("", html)
    # The corpus data file `counterclaim page` wrote beside the app (its preload link goes with the others).
    corpus = re.search(r"<link\b[^>]*\bid=[\"']?corpus\b[^>]*>", html, re.I)
    if not corpus:
        raise SystemExit("postbuild: index.html names no corpus data file (<link id=corpus>): did `counterclaim page` run?")
    pack = dist / attr(corpus.group(0), "href").split("?")[0].removeprefix("./")
    # Drop Trunk's loader and preloads, the manifest and file icons (a file:// page has no use for them).
    html = SCRIPT_RE.sub(lambda s: "" if attr(s.group("attrs"), "src") is None else s.group(0), html)
    html = re.sub(r"[ \t]*<link\b[^>]*\brel=[\"']?(?:modulepreload|preload|manifest|apple-touch-icon)\b[^>]*>\s*\n?", "", html, flags=re.I)
    icon_svg = (dist / "icon.svg").read_bytes() if (dist / "icon.svg").exists() else None
    icon_link = ""
    if icon_svg:
        icon_link = '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,' + base64.b64encode(icon_svg).decode() + '" />'
    html = re.sub(r"[ \t]*<link\b[^>]*\brel=[\"']?icon\b[^>]*>\s*\n?", "", html, flags=re.I)
    html = re.sub(r"[ \t]*<meta\s+name=[\"']?counterclaim-worker\b[^>]*>\s*\n?", "", html, flags=re.I)
    html = re.sub(r"\n(?:[ \t]*\n)+", "\n", html)  # the blank lines left where tags were removed

    styles = []

    def inline_css(m):
        href = attr(m.group(0), "href") or ""
        path = dist / href.split("?")[0].removeprefix("./")
        css = path.read_text(encoding="utf-8")
        if "</style" in css.lower():
            raise SystemExit("postbuild: the CSS contains </style>")
        styles.append(css)
        return "<style>" + css + "</style>"

    html = re.sub(r"<link\b[^>]*\brel=[\"']?stylesheet\b[^>]*>", inline_css, html, flags=re.I)

    loader = (
        "\n{\n"
        "  const data = document.getElementById('counterclaim-wasm');\n"
        "  const b64 = data.textContent.trim();\n"
        "  data.remove();\n"
        "  const bin = atob(b64);\n"
        "  const bytes = new Uint8Array(bin.length);\n"
        "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n"
        f"  const wasm = await {init_name}({{ module_or_path: bytes }});\n"
        "  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n"
        "}\n"
    )
    module = glue.rstrip() + "\n" + loader
    blobs = ('<script type="application/octet-stream" id="counterclaim-data">'
             + base64.b64encode(pack.read_bytes()).decode() + "</script>\n"
             + '<script type="application/octet-stream" id="counterclaim-wasm">'
             + base64.b64encode(wasm.read_bytes()).decode() + "</script>\n"
             + '<script type="module">' + module + "</script>\n")
    # The wasm and the loader go at the end of <body>; the module runs once the page is parsed.
    idx = html.lower().rfind("</body>")
    html = html[:idx] + blobs + html[idx:]
    if icon_link:
        html = re.sub(r"(<title>.*?</title>)", lambda m: m.group(1) + "\n    " + icon_link, html, count=1, flags=re.S)
    policy = single_csp(inline_script_hashes(html), [sha256_source(s) for s in styles])
    html = put_csp(html, policy)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


# ------------------------------------------------------------------------------------------------ main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dist", default=str(ROOT / "dist"), help="Trunk's output directory (default dist/)")
    ap.add_argument("--single", default=str(ROOT / "dist-single" / "counterclaim.html"), help="single-file edition path")
    ap.add_argument("--no-single", action="store_true", help="do not write the single-file edition")
    ap.add_argument("--sw-only", metavar="DIR", help="only regenerate DIR/sw.js from the files in DIR")
    ap.add_argument("--single-only", action="store_true", help="only write the single-file edition from --dist")
    a = ap.parse_args(argv)

    if a.sw_only:
        cache, files = write_sw(Path(a.sw_only))
        say(f"{a.sw_only}/sw.js: {len(files)} files, cache {cache}")
        return 0
    dist = Path(a.dist)
    if not (dist / "index.html").exists():
        raise SystemExit(f"postbuild: {dist}/index.html is missing: run trunk build first")
    if not a.single_only:
        index = dist / "index.html"
        html = index.read_text(encoding="utf-8")
        hashes = inline_script_hashes(CSP_META_RE.sub("", html))
        index.write_text(put_csp(html, served_csp(hashes)), encoding="utf-8")
        say(f"CSP meta in {index}: {len(hashes)} inline script(s) hashed")
        cache, files = write_sw(dist)
        say(f"{dist}/sw.js: precaches {len(files)} files, cache {cache}")
    if not a.no_single:
        out = build_single(dist, Path(a.single))
        say(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
