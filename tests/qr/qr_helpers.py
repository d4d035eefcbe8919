"""Tools for the QR tests: find QR figures in built pages, read an SVG back into
modules, and decode QR codes with a real decoder (zxing-cpp) from Chromium
screenshots."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import zxingcpp
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

SUB_PATH_BASE = "https://www.example.gov.cn/county/xxgk/"

# The figure, its caption and the URL line printed right after it.
QR_BLOCK = re.compile(
    r'<figure class="qr"( data-pagefind-ignore)?>\s*(?P<svg><svg\b.*?</svg>)\s*'
    r"<figcaption>(?P<caption>[^<]*)</figcaption>\s*</figure>\s*"
    r'<p class="page-url">本页网址：(?P<url>[^<]*)</p>', re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


@dataclass(frozen=True)
class QrPage:
    """One built page with a QR code."""

    path: str
    """Output path, e.g. xxgk/xzfb/2025/00001.html."""
    canonical: str
    """The page's <link rel="canonical">."""
    svg: str
    """The inline SVG exactly as written in the page."""
    printed_url: str
    """The URL printed beneath the QR code."""


def qr_pages(out: Path) -> tuple[list[QrPage], list[str]]:
    """Every page of ``out`` with a QR block, and the pages with a QR figure that is
    not a well-formed block (wrong markup, two codes, no URL line beneath)."""
    found: list[QrPage] = []
    malformed: list[str] = []
    for file in sorted(out.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        rel = file.relative_to(out).as_posix()
        blocks = list(QR_BLOCK.finditer(html))
        if html.count('class="qr"') != len(blocks) or len(blocks) > 1:
            malformed.append(rel)
        for block in blocks:
            canonical = CANONICAL.search(html)
            found.append(QrPage(rel, canonical.group(1) if canonical else "", block["svg"], block["url"]))
    return found, malformed


def expected_url(base_url: str, path: str) -> str:
    """The canonical URL of an output path: folders end with a slash."""
    return base_url + (path[: -len("index.html")] if path.endswith("index.html") else path)


def model_qr_paths(model) -> set[str]:
    """Output paths that must show a QR code: items, gazette issues and articles."""
    paths = {it.url for it in model.items}
    if model.gazette:
        paths |= {issue.url for issue in model.gazette.issues}
        paths |= {art.url for art in model.gazette.articles}
    return paths


_PATH_CMD = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?")


def svg_modules(svg: str) -> tuple[tuple[bytes, ...], int]:
    """Read a QR SVG (one stroked path of horizontal runs) back into rows of
    modules (1 = dark), cropped to the symbol, and the quiet zone it had."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path stroke="#000" d="([^"]*)"/>', svg).group(1)
    assert _PATH_CMD.sub("", path) == "", "only M, m and h commands"
    grid = [bytearray(size) for _ in range(size)]
    x = y = 0.0
    for cmd, a, b in _PATH_CMD.findall(path):
        if cmd == "M":
            x, y = float(a), float(b)
        elif cmd == "m":
            x, y = x + float(a), y + float(b)
        else:
            assert x.is_integer() and y % 1 == 0.5, "strokes run along module centres"
            for col in range(int(x), int(x + float(a))):
                grid[int(y)][col] = 1
            x += float(a)
    dark = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v]
    top = min(r for r, _ in dark)
    left = min(c for _, c in dark)
    bottom = max(r for r, _ in dark)
    right = max(c for _, c in dark)
    border = min(top, left, size - 1 - bottom, size - 1 - right)
    return tuple(bytes(row[left:right + 1]) for row in grid[top:bottom + 1]), border


def launch(playwright):
    """Debian Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def chromium_browser() -> Iterator[object]:
    """Body of the test folders' ``browser`` fixtures: Playwright and one Chromium,
    closed afterwards. Scope those fixtures to a module or package, never the session:
    a sync_playwright still running breaks the next folder's own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def decode_png(png: bytes) -> list[str]:
    """Texts of every QR code zxing-cpp finds in a screenshot."""
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)), formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_svgs(page, svgs: list[str], cell: int = 200, per_row: int = 5) -> list[list[str]]:
    """Decode SVGs by drawing them in a grid in Chromium, 25 per screenshot, and
    reading the screenshot with zxing-cpp; returns the texts found in each cell."""
    results: list[list[str]] = []
    page.set_viewport_size({"width": cell * per_row, "height": cell * per_row})
    style = (f"<style>body{{margin:0;display:grid;grid-template-columns:repeat({per_row},{cell}px);"
             f"grid-auto-rows:{cell}px;background:#fff}}svg{{width:{cell - 8}px;height:{cell - 8}px;margin:4px}}</style>")
    chunk_size = per_row * per_row
    for start in range(0, len(svgs), chunk_size):
        chunk = svgs[start:start + chunk_size]
        page.set_content(style + "".join(f"<div>{svg}</div>" for svg in chunk))
        image = Image.open(io.BytesIO(page.screenshot()))
        cells: list[list[str]] = [[] for _ in chunk]
        for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
            pos = found.position
            cx = (pos.top_left.x + pos.bottom_right.x) / 2
            cy = (pos.top_left.y + pos.bottom_right.y) / 2
            index = int(cy // cell) * per_row + int(cx // cell)
            cells[index].append(found.text)
        results += cells
    return results
