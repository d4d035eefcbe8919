"""Screenshots of every page type of the demo site (issue 5), at phone and desktop
size, in the normal theme and in 关怀版 (care mode).

Builds the demo site in the repository root into a temporary folder, serves it on
127.0.0.1 (missing paths answer with the site's 404 page, as a host would), opens
each page in Debian Chromium and writes ``<page>-<width>-<theme>.png`` (e.g.
``item-360-normal.png``, ``home-1280-care.png``) to ``--out``.

Usage::

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only item,home]

Each PNG shows the page from the top, at most ``MAX_HEIGHT`` CSS pixels of it, and is
saved with a 128-colour palette so the set stays small in git.
"""
from __future__ import annotations

import argparse
import functools
import io
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from PIL import Image
from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from govsite.pipeline.build import build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PAGES: dict[str, str] = {
    "home": "",
    "section": "xxgk/",
    "column": "xxgk/fdzdgknr/",
    "org": "xxgk/xzfb/",
    "theme": "xxgk/theme/2/",
    "item": "xxgk/scjgj/2026/00003.html",  # an attachment and a 政策解读 (scjgj/2026/00006)
    "repealed": "xxgk/xzf/2024/00001.html",
    "catalog": "xxgk/catalog/shbz/",
    "annual-report": "xxgk/xzf/2026/00003.html",
    "gazette-home": "zfgb/",
    "gazette-coverage": "zfgb/coverage.html",
    "gazette-year": "zfgb/2025/",
    "gazette-issue": "zfgb/2025/01/",
    "gazette-article": "zfgb/2025/01/1.html",
    "gazette-scan-only": "zfgb/2024/10/",
    "search": "search/?q=%E9%80%9A%E7%9F%A5",
    "subscribe": "subscribe/",
    "404": "no-such-page.html",
}
"""Page type → path below the site root (the demo is built for base_url ``/``)."""

SIZES: tuple[tuple[int, int], ...] = ((360, 740), (1280, 800))
"""Viewport width × height in CSS pixels: a cheap phone and a desktop."""

THEMES: dict[str, str] = {"normal": "", "care": "#care"}
"""Theme → URL fragment; ``#care`` opens a page in 关怀版."""

MAX_HEIGHT = {360: 2200, 1280: 1600}
"""How much of a long page each width keeps, in CSS pixels."""

SEARCH_RESULT = "pagefind-results li.pf-result a.pf-result-link"


class _Handler(SimpleHTTPRequestHandler):
    """Static files; a missing path gets the site's own 404.html with status 404."""

    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at a free port; yields the origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def heading_fonts(page: Page) -> tuple[dict[str, int], int]:
    """The fonts Chromium drew the page's ``<h1>`` text with (family → glyphs, from
    DevTools ``CSS.getPlatformFontsForNode``) and the number of characters of that
    text. Tofu shows up here as glyphs from a font without CJK coverage."""
    text = page.evaluate("""() => [...document.querySelector("h1").childNodes]
        .filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join("")""")
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    used: dict[str, int] = {}
    for font in fonts:
        used[font["familyName"]] = used.get(font["familyName"], 0) + font["glyphCount"]
    return used, len("".join(text.split()))


def shoot(page: Page, url: str, name: str, width: int) -> bytes:
    """Open ``url`` and return a palette PNG of the top of the page."""
    page.goto(url)
    if name == "search":
        # Pagefind loads a result when it scrolls into view; at 360 px the filters come first.
        page.wait_for_function("""(selector) => {
            const results = document.querySelector("pagefind-results");
            if (results) results.scrollIntoView();
            return document.querySelectorAll(selector).length >= 5;
        }""", arg=SEARCH_RESULT, polling=250)
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("document.fonts.ready")
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT[width])
    png = page.screenshot(clip={"x": 0, "y": 0, "width": width, "height": height}, full_page=True,
                          animations="disabled", caret="hide")
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def take(out: Path, only: list[str] | None = None) -> list[Path]:
    """Build the demo, serve it and write every screenshot; returns the files written."""
    names = only or list(PAGES)
    unknown = [n for n in names if n not in PAGES]
    if unknown:
        raise SystemExit(f"未知的页面类型 unknown page type: {', '.join(unknown)}; "
                         f"可选 allowed: {', '.join(PAGES)}")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="govsite-shots-") as tmp:
        site = Path(tmp) / "site"
        result = build(REPO, out=site, base_url="https://www.example.gov.cn/")
        if not result.ok:
            errors = "\n".join(p.format() for p in result.problems.items)
            raise SystemExit(f"演示站点构建失败 demo build failed:\n{errors}")
        missing = [f"{n}: {PAGES[n]}" for n in names if n != "404"
                   and not (site / PAGES[n].split("?")[0]).joinpath("" if PAGES[n].endswith(".html") else "index.html").is_file()]
        if missing:
            raise SystemExit("演示站点中没有这些页面 the demo build has no such pages: " + "; ".join(missing))
        with serve(site) as origin, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in SIZES:
                for theme, fragment in THEMES.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                                  device_scale_factor=1)
                    page = context.new_page()
                    for name in names:
                        target = out / f"{name}-{width}-{theme}.png"
                        target.write_bytes(shoot(page, f"{origin}/{PAGES[name]}{fragment}", name, width))
                        fonts, chars = heading_fonts(page)
                        if any("CJK" not in family for family in fonts) or sum(fonts.values()) != chars:
                            raise SystemExit(f"{target}: 标题未用中文字体完整显示 the h1 is not drawn in a CJK font "
                                             f"({chars} characters; fonts used: {fonts}); install fonts-noto-cjk")
                        shown = ", ".join(f"{family} {n}" for family, n in sorted(fonts.items()))
                        print(f"{target}\th1: {chars} characters; {shown}")
                        written.append(target)
                    context.close()
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="folder for the PNG files")
    parser.add_argument("--only", help="comma-separated page types, of: " + ", ".join(PAGES))
    args = parser.parse_args(argv)
    only = [n.strip() for n in args.only.split(",") if n.strip()] if args.only else None
    take(args.out, only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
