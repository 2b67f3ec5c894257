#!/usr/bin/env python3
"""Post-build step for the release site (run by scripts/build.sh after `trunk build`).

What it does to what Trunk wrote into dist/:
  1. icons: writes icon-192.png and icon-512.png (drawn here, the same design as assets/icon.svg);
  2. CSP: hashes every inline <script> Trunk wrote into index.html and puts a Content-Security-Policy
     <meta> first in <head>;
  3. service worker: writes sw.js with the list of every file in dist/ (walked, never typed) and a cache
     name derived from the names and contents of those files;
  4. single-file edition: dist-single/counterclaim.html, with the wasm (base64), the JS glue and the CSS
     inlined, its own CSP, and no service worker; opens from file://.

Usage:
  scripts/postbuild.py [--dist DIR] [--single FILE | --no-single]
  scripts/postbuild.py --sw-only DIR       # only regenerate DIR/sw.js (after changing a file in DIR)
  scripts/postbuild.py --single-only       # only (re)write the single-file edition from --dist
"""
import argparse
import base64
import hashlib
import json
import math
import re
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME = (0x2A, 0x56, 0xC6)  # --accent of style.css; the manifest's theme_color

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


# ------------------------------------------------------------------------------------------------ icons

def _png(w, h, rgba):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgba[y * w * 4:(y + 1) * w * 4]) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _sd_round_rect(px, py, x, y, w, h, r):
    cx, cy = x + w / 2, y + h / 2
    qx, qy = abs(px - cx) - (w / 2 - r), abs(py - cy) - (h / 2 - r)
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


def _sd_lower_half_disc(px, py, cx, cy, r):
    return max(math.hypot(px - cx, py - cy) - r, cy - py)


def icon_png(size):
    """The icon of assets/icon.svg (512-unit design), drawn with anti-aliased signed distances."""
    k = size / 512.0
    white = [  # (bbox in design units, signed distance in design units)
        ((241, 112, 271, 400), lambda x, y: _sd_round_rect(x, y, 241, 112, 30, 288, 8)),
        ((92, 133, 420, 159), lambda x, y: _sd_round_rect(x, y, 92, 133, 328, 26, 13)),
        ((160, 388, 352, 416), lambda x, y: _sd_round_rect(x, y, 160, 388, 192, 28, 14)),
        ((133, 150, 141, 262), lambda x, y: _sd_round_rect(x, y, 133, 150, 8, 112, 0)),
        ((371, 150, 379, 262), lambda x, y: _sd_round_rect(x, y, 371, 150, 8, 112, 0)),
        ((70, 262, 204, 329), lambda x, y: _sd_lower_half_disc(x, y, 137, 262, 67)),
        ((308, 262, 442, 329), lambda x, y: _sd_lower_half_disc(x, y, 375, 262, 67)),
    ]
    cover = [0.0] * (size * size)
    for (x0, y0, x1, y1), sd in white:
        for py in range(max(0, int(y0 * k) - 1), min(size, int(y1 * k) + 2)):
            for px in range(max(0, int(x0 * k) - 1), min(size, int(x1 * k) + 2)):
                d = sd((px + 0.5) / k, (py + 0.5) / k) * k  # in pixels
                c = min(1.0, max(0.0, 0.5 - d))
                i = py * size + px
                if c > cover[i]:
                    cover[i] = c
    out = bytearray(size * size * 4)
    for py in range(size):
        for px in range(size):
            a = min(1.0, max(0.0, 0.5 - _sd_round_rect((px + 0.5) / k, (py + 0.5) / k, 0, 0, 512, 512, 96) * k))
            c = cover[py * size + px]
            i = (py * size + px) * 4
            out[i:i + 4] = bytes([round(THEME[0] + (255 - THEME[0]) * c), round(THEME[1] + (255 - THEME[1]) * c),
                                  round(THEME[2] + (255 - THEME[2]) * c), round(255 * a)])
    return _png(size, size, out)


def write_icons(dist):
    for size in (192, 512):
        p = dist / f"icon-{size}.png"
        data = icon_png(size)
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)


# ------------------------------------------------------------------------------------------------ service worker

SW_TEMPLATE = r"""// Generated by scripts/postbuild.py from the files of this build: do not edit.
'use strict';
const CACHE = __CACHE__;
const FILES = __FILES__;
// Names with a content hash (Trunk's filehash) never change content: cache-first.
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$/;
const INDEX = new URL('./index.html', self.registration.scope).href;
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  // Precache every file of the build, bypassing the HTTP cache; the new worker then waits for the page
  // to accept it (SKIP_WAITING) unless no page is controlled yet.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope).href, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(__PREFIX__) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const d = event.data;
  if (d === 'SKIP_WAITING' || (d && d.type === 'SKIP_WAITING')) self.skipWaiting();
  if (d === 'VERSION' && event.source) event.source.postMessage({ version: CACHE });
});

function fromNetwork(request) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), NETWORK_TIMEOUT_MS);
    fetch(request).then((r) => { clearTimeout(timer); resolve(r); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // Network-first: a deploy is seen at once; offline, the cached page opens any link (?query included).
    event.respondWith(fromNetwork(request).catch(() => caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => {
        const path = url.pathname;
        const isApp = path.endsWith('/') || path.endsWith('/index.html');
        return (isApp ? cache.match(INDEX) : hit) || hit || cache.match(INDEX);
      }))
      .then((r) => r || Response.error())));
    return;
  }
  // Assets: cache-first (hashed names are immutable; the others are versioned by the cache name).
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request).then((hit) => {
    if (hit) return hit;
    return fetch(request).then((r) => {
      if (r.ok && HASHED.test(url.pathname)) cache.put(request, r.clone());
      return r;
    });
  })));
});
"""


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
    sw = (SW_TEMPLATE.replace("__CACHE__", json.dumps(cache)).replace("__PREFIX__", json.dumps(CACHE_PREFIX))
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
    wasm = only_file(dist, "*_bg.wasm")
    glue_path = only_file(dist, "*.js")
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
    # Drop Trunk's loader and preloads, the manifest and file icons (a file:// page has no use for them).
    html = SCRIPT_RE.sub(lambda s: "" if attr(s.group("attrs"), "src") is None else s.group(0), html)
    html = re.sub(r"[ \t]*<link\b[^>]*\brel=[\"']?(?:modulepreload|preload|manifest|apple-touch-icon)\b[^>]*>\s*\n?", "", html, flags=re.I)
    icon_svg = (dist / "icon.svg").read_bytes() if (dist / "icon.svg").exists() else None
    icon_link = ""
    if icon_svg:
        icon_link = '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,' + base64.b64encode(icon_svg).decode() + '" />'
    html = re.sub(r"[ \t]*<link\b[^>]*\brel=[\"']?icon\b[^>]*>\s*\n?", "", html, flags=re.I)
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
    blobs = ('<script type="application/octet-stream" id="counterclaim-wasm">'
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
        write_icons(dist)
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
