"""QR codes of page URLs (掌中看): small SVGs made at build time with segno.

``qr_svg(canonical)`` is registered as a Jinja filter and returns an inline
``<svg>`` (no XML declaration, no namespace, no width/height: a ``viewBox`` so
the stylesheet sizes it) with ``role="img"``, ``aria-label`` and ``<title>``.
Inline SVG keeps each page self-contained (no extra request, prints with the
page) and costs about 2 KB of HTML (≈ 0.5 KB gzipped).

The symbol and its path are exactly what ``segno.make_qr(url, error="m")`` and
segno's SVG writer make: error correction at least M (raised for free when the
version has room), a 4-module quiet zone, and the mask with the lowest
ISO/IEC 18004 penalty. segno picks that mask by masking and scoring eight full
matrices in pure Python (≈ 2 ms of its ≈ 3 ms a page, more than the rest of an
item page), so :func:`qr_matrix` asks segno for the mask-0 symbol only and
scores the eight masks with whole-matrix integer operations (one byte per
module, so XOR, AND, shifts and ``bit_count`` work on the matrix at once):
≈ 0.9 ms a page. The scores equal ``segno.encoder.mask_scores`` and the
symbols equal segno's (tests/qr/test_qr_svg.py), so a segno upgrade that
changes either fails loudly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import segno
from markupsafe import Markup
from segno import consts, encoder

QR_LABEL = "本页二维码"
ERROR_LEVEL = "m"
QUIET_ZONE = 4
"""Light modules around the symbol, as ISO/IEC 18004 requires."""

_DARK_RUN = re.compile(rb"\x01+")
_FINDER_LIKE = b"\x01\x00\x01\x01\x01\x00\x01"


@dataclass(frozen=True)
class _Grid:
    """Byte masks for a symbol of one width (one byte per module, row-major)."""

    width: int
    ones: int
    reserved: int
    """Format and version areas: light while masks are scored, as in segno."""
    flips: tuple[int, ...]
    """Data-region modules that differ between mask 0 and mask *k*."""
    not_first_col: int
    not_first_row: int


@lru_cache(maxsize=64)
def _grid(width: int) -> _Grid:
    """The masks for ``width``, from segno's own function-pattern and mask definitions."""
    reserved = encoder.make_matrix(width, width)
    plain = encoder.make_matrix(width, width, reserve_regions=False)
    function = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(function, width, width)
    encoder.add_alignment_patterns(function, width, width)
    function[-8][8] = 0x1  # the dark module is never masked
    masks = encoder.get_data_mask_functions(False)
    cells = [(i, j) for i in range(width) for j in range(width)]

    def bits(test) -> int:
        return _int(bytes(int(bool(test(i, j))) for i, j in cells))

    flips = tuple(bits(lambda i, j, fn=fn: function[i][j] > 0x1 and masks[0](i, j) != fn(i, j)) for fn in masks)
    return _Grid(width, bits(lambda i, j: True), bits(lambda i, j: reserved[i][j] != plain[i][j]), flips,
                 bits(lambda i, j: j > 0), bits(lambda i, j: i > 0))


@lru_cache(maxsize=256)
def _format_bits(width: int, version: int, error: str, mask: int) -> tuple[int, int]:
    """(area, bits): the format-information modules (and the dark module) and their values."""
    blank = tuple(bytearray(b"\x02" * width) for _ in range(width))
    encoder.add_format_info(blank, version, consts.ERROR_MAPPING[error], mask)
    cells = b"".join(blank)
    return _int(bytes(int(v != 2) for v in cells)), _int(bytes(int(v == 1) for v in cells))


def _int(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _finder_penalty(lines: bytes) -> int:
    """N3 exactly as segno counts it: 1:1:3:1:1 with four light modules on a side.

    ``lines`` are the rows and columns joined and surrounded by four light
    modules, which is how segno treats a pattern touching the symbol's edge."""
    score = 0
    idx = lines.find(_FINDER_LIKE)
    while idx != -1:
        end = idx + 7
        if 1 not in lines[idx - 4:idx] or 1 not in lines[end:end + 4]:
            score += 40
        else:
            end = idx + 4
        idx = lines.find(_FINDER_LIKE, end)
    return score


def _runs_penalty(v: int, step: int, keep: int, ones: int) -> int:
    """N1 along one direction (``step`` bits to the previous module): a run of
    L ≥ 5 same-coloured modules scores L − 2 = (L − 4 five-module windows) + 2."""
    same = (v ^ (v >> step) ^ ones) & keep  # equal to the previous module, same line
    five = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step)
    starts = five & ((same >> 4 * step) ^ ones)
    return five.bit_count() + 2 * starts.bit_count()


def _penalty(cells: bytes, grid: _Grid) -> int:
    """ISO/IEC 18004 7.8.3 penalty (N1 + N2 + N3 + N4) of a row-major 0/1 byte matrix."""
    width, ones = grid.width, grid.ones
    dark = _int(cells)
    score = _runs_penalty(dark, 8, grid.not_first_col, ones) + _runs_penalty(dark, 8 * width, grid.not_first_row, ones)
    n2_keep = grid.not_first_col & grid.not_first_row
    for v in (dark, dark ^ ones):  # N2: 2×2 blocks, anchored at their lower-right module
        score += 3 * (v & (v >> 8) & (v >> 8 * width) & (v >> 8 * (width + 1)) & n2_keep).bit_count()
    lines = [cells[i * width:(i + 1) * width] for i in range(width)] + [cells[j::width] for j in range(width)]
    gap = b"\x00\x00\x00\x00"
    score += _finder_penalty(gap + gap.join(lines) + gap)
    return score + 10 * int(abs(dark.bit_count() / width**2 * 100 - 50) / 5)


def qr_matrix(url: str) -> tuple[bytes, ...]:
    """Rows of modules (1 = dark) of ``segno.make_qr(url, error="m")``."""
    code = segno.make_qr(url, error=ERROR_LEVEL, mask=0)
    width = len(code.matrix)
    grid = _grid(width)
    m0 = _int(b"".join(code.matrix))
    base = m0 & (grid.ones ^ grid.reserved)
    scores = [_penalty((base ^ flip).to_bytes(width * width, "big"), grid) for flip in grid.flips]
    best = scores.index(min(scores))
    area, bits = _format_bits(width, code.version, code.error, best)
    final = ((m0 & (grid.ones ^ area)) ^ grid.flips[best]) | bits
    data = final.to_bytes(width * width, "big")
    return tuple(data[i * width:(i + 1) * width] for i in range(width))


def svg_path(rows: tuple[bytes, ...], border: int = QUIET_ZONE) -> str:
    """Path data drawing each run of dark modules as one horizontal stroke of width 1
    (the same path segno's SVG writer makes): an absolute move onto the first run's
    centre line, then relative moves from the end of one run to the next."""
    stride = len(rows) + 1
    out: list[str] = []
    cx = cy = 0
    for m in _DARK_RUN.finditer(b"\x00".join(rows)):
        y, x = divmod(m.start(), stride)
        end = m.end() - y * stride
        out.append(f"m{x - cx} {y - cy}h{end - x}" if out else f"M{x + border} {y + border}.5h{end - x}")
        cx, cy = end, y
    return "".join(out)


def qr_svg(url: str) -> Markup:
    """Inline accessible SVG of the QR code of ``url``; sized by CSS through its viewBox."""
    rows = qr_matrix(url)
    size = len(rows) + 2 * QUIET_ZONE
    return Markup(
        f'<svg role="img" aria-label="{QR_LABEL}" viewBox="0 0 {size} {size}">'
        f'<title>{QR_LABEL}</title><path stroke="#000" d="{svg_path(rows)}"/></svg>'
    )
