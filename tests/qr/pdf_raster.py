"""Just enough of a PDF rasteriser to see the QR code Chromium prints, and the
PDF's text layer as a reader would search it.

Chromium prints the QR SVG as one stroked path of line segments. This follows
the content stream (q/Q, cm, w, line width from ExtGState, m, l, S), redraws the
stroked paths with Pillow and hands the image to zxing-cpp, so the test reads
the QR code from the PDF itself, at its printed size.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

PT_PER_CM = 72 / 2.54


def flat_text(text: str) -> str:
    """NFKC (the PDF maps some glyphs to Kangxi radicals and full-width colons) without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(pdf_path: Path) -> str:
    """The text layer of every page of a PDF, flattened with ``flat_text``."""
    return flat_text("".join(p.extract_text() for p in PdfReader(pdf_path).pages))


def has_text(text: str, expected: str) -> bool:
    """``expected`` in the flattened PDF text, where a CJK radical-supplement glyph (⺠ for 民,
    ⻚ for 页: the extracted Unicode of some Noto glyphs) stands for any character."""
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" for c in flat_text(expected))
    return re.search(pattern, text) is not None


@dataclass
class Stroke:
    """One stroked path: segments in page points (origin bottom left) and the line width."""

    segments: list[tuple[Point, Point]]
    width: float

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for seg in self.segments for p in seg]
        ys = [p[1] for seg in self.segments for p in seg]
        return min(xs), min(ys), max(xs), max(ys)


def _mul(a: Matrix, b: Matrix) -> Matrix:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _apply(m: Matrix, x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def strokes(reader: PdfReader, page_number: int) -> list[Stroke]:
    """Every stroked path of a page, in page coordinates."""
    page = reader.pages[page_number]
    states = page["/Resources"].get("/ExtGState", {})
    ctm: Matrix = (1, 0, 0, 1, 0, 0)
    width = 1.0
    stack: list[tuple[Matrix, float]] = []
    path: list[tuple[Point, Point]] = []
    current: Point = (0.0, 0.0)
    out: list[Stroke] = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append((ctm, width))
        elif op == b"Q":
            ctm, width = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op == b"w":
            width = float(operands[0])
        elif op == b"gs":
            state = states[operands[0]].get_object()
            if "/LW" in state:
                width = float(state["/LW"])
        elif op == b"m":
            current = _apply(ctm, float(operands[0]), float(operands[1]))
        elif op == b"l":
            nxt = _apply(ctm, float(operands[0]), float(operands[1]))
            path.append((current, nxt))
            current = nxt
        elif op == b"S":
            scale = abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]) ** 0.5
            out.append(Stroke(path, width * scale))
            path = []
        elif op in (b"n", b"f", b"f*", b"B", b"B*", b"b", b"b*", b"s"):
            path = []
    return out


def draw(stroke: Stroke, px_per_pt: float = 8.0, margin_pt: float = 10.0) -> Image.Image:
    """The stroke on white paper with a margin, ``px_per_pt`` pixels per point."""
    x0, y0, x1, y1 = stroke.bbox()
    w = int((x1 - x0 + 2 * margin_pt) * px_per_pt)
    h = int((y1 - y0 + 2 * margin_pt) * px_per_pt)
    image = Image.new("L", (w, h), 255)
    pen = ImageDraw.Draw(image)
    line = max(1, round(stroke.width * px_per_pt))
    for (ax, ay), (bx, by) in stroke.segments:
        pen.line([((ax - x0 + margin_pt) * px_per_pt, (y1 - ay + margin_pt) * px_per_pt),
                  ((bx - x0 + margin_pt) * px_per_pt, (y1 - by + margin_pt) * px_per_pt)], fill=0, width=line)
    return image
