"""The QR SVG: exactly segno's symbol, small, accessible and deterministic."""
from __future__ import annotations

import io
import random
import re

import pytest
import segno
from segno import encoder

from govsite.render import qr
from govsite.render.env import make_env
from tests.qr.qr_helpers import svg_modules


def _urls() -> list[str]:
    rng = random.Random(4)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789/-._~%"
    urls = [f"https://www.example.gov.cn/xxgk/{org}/{year}/{n:05d}.html"
            for org in ("xzf", "xzfb", "czj") for year in (2019, 2026) for n in range(1, 40)]
    urls += ["https://www.example.gov.cn/county/xxgk/zfgb/2025/zk01/", "http://a.cn/", "https://x.gov.cn/" + "a" * 400]
    urls += ["https://" + "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 200))) for _ in range(150)]
    return urls


def _segno_rows(url: str) -> tuple[bytes, ...]:
    return tuple(bytes(row) for row in segno.make_qr(url, error="m").matrix)


@pytest.mark.parametrize("url", _urls()[::53])
def test_svg_draws_exactly_segnos_symbol_with_a_quiet_zone(url: str) -> None:
    rows, border = svg_modules(str(qr.qr_svg(url)))
    assert rows == _segno_rows(url)
    assert border == 4


def test_svg_path_is_segnos_svg_writer_path() -> None:
    for url in _urls()[::29]:
        buf = io.BytesIO()
        segno.make_qr(url, error="m").save(buf, kind="svg", xmldecl=False, svgns=False, omitsize=True,
                                           svgclass=None, lineclass=None, border=4)
        expected = buf.getvalue().decode().rstrip("\n")
        assert str(qr.qr_svg(url)) == expected.replace("<svg ", '<svg role="img" aria-label="本页二维码" ').replace(
            "><path", "><title>本页二维码</title><path")


def test_fast_mask_choice_equals_segnos_for_many_urls() -> None:
    """qr_matrix scores the masks itself; it must pick what segno picks."""
    mismatched = [u for u in _urls() if qr.qr_matrix(u) != _segno_rows(u)]
    assert mismatched == []


def test_penalty_equals_segnos_mask_scores_for_every_mask() -> None:
    for url in _urls()[::17]:
        code = segno.make_qr(url, error="m", mask=0)
        width = len(code.matrix)
        grid = qr._grid(width)
        base = int.from_bytes(b"".join(code.matrix), "big") & (grid.ones ^ grid.reserved)
        for flip in grid.flips:
            cells = (base ^ flip).to_bytes(width * width, "big")
            matrix = tuple(bytearray(cells[i * width:(i + 1) * width]) for i in range(width))
            assert qr._penalty(cells, grid) == sum(encoder.mask_scores(matrix, width, width))


def test_penalty_equals_segnos_on_random_matrices() -> None:
    """Runs, blocks and finder-like patterns of every length, in rows and columns."""
    rng = random.Random(18004)
    for width in (21, 25, 29, 45):
        grid = qr._grid(width)
        for density in (0.1, 0.5, 0.9):
            cells = bytes(int(rng.random() < density) for _ in range(width * width))
            matrix = tuple(bytearray(cells[i * width:(i + 1) * width]) for i in range(width))
            assert qr._penalty(cells, grid) == sum(encoder.mask_scores(matrix, width, width))


def test_svg_is_inline_accessible_and_sized_by_css() -> None:
    svg = str(qr.qr_svg("https://www.example.gov.cn/xxgk/xzf/2026/00001.html"))
    assert re.fullmatch(r'<svg role="img" aria-label="本页二维码" viewBox="0 0 41 41"><title>本页二维码</title>'
                        r'<path stroke="#000" d="M[0-9hm. -]+"/></svg>', svg)
    assert "<?xml" not in svg and "width=" not in svg and "height=" not in svg and "xmlns" not in svg
    assert len(svg.encode()) < 2500


def test_svg_is_deterministic_and_filter_output_is_not_escaped(tmp_path) -> None:
    url = "https://www.example.gov.cn/county/xxgk/xxgk/xzfb/2025/00001.html"
    assert qr.qr_svg(url) == qr.qr_svg(url)
    html = make_env(tmp_path).from_string("{{ u|qr_svg }}").render(u=url)
    assert html == str(qr.qr_svg(url)) and html.startswith("<svg ")


def test_error_correction_is_at_least_m() -> None:
    for url in _urls()[::31]:
        assert segno.make_qr(url, error="m").error in ("M", "Q", "H")
