"""The QR SVG: draws zxing-cpp's symbol with a quiet zone, decodes to its URL, small,
accessible and deterministic."""
from __future__ import annotations

import random
import re

import pytest
import zxingcpp
from PIL import Image

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


def _decode_rows(rows: tuple[bytes, ...], border: int, scale: int = 4) -> list[zxingcpp.Barcode]:
    """Draw modules as a bitmap (light quiet zone of ``border`` modules) and read it with zxing-cpp."""
    width = len(rows) + 2 * border
    image = Image.new("L", (width, width), 255)
    image.putdata([0 if 0 <= y - border < len(rows) and 0 <= x - border < len(rows) and rows[y - border][x - border]
                   else 255 for y in range(width) for x in range(width)])
    return zxingcpp.read_barcodes(image.resize((width * scale, width * scale), Image.NEAREST),
                                  formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.mark.parametrize("url", _urls()[::53])
def test_svg_draws_the_symbol_with_a_quiet_zone(url: str) -> None:
    rows, border = svg_modules(str(qr.qr_svg(url)))
    assert rows == qr.qr_matrix(url)
    assert border == 4


def test_every_symbol_decodes_to_its_url_from_the_svg_modules() -> None:
    """The modules drawn by the SVG path, read back and decoded by a real decoder."""
    wrong = []
    for url in _urls():
        rows, border = svg_modules(str(qr.qr_svg(url)))
        found = _decode_rows(rows, border)
        if [b.text for b in found] != [url]:
            wrong.append(url)
    assert wrong == []


def test_error_correction_is_at_least_m() -> None:
    for url in _urls()[::31]:
        rows, border = svg_modules(str(qr.qr_svg(url)))
        (found,) = _decode_rows(rows, border)
        assert found.ec_level in ("M", "Q", "H")


def test_a_damaged_symbol_does_not_decode() -> None:
    """Guards the decoder check above: with its finder patterns blanked, nothing is read."""
    rows = [bytearray(r) for r in qr.qr_matrix(_urls()[0])]
    for y in range(8):
        rows[y][:8] = bytes(8)
    assert _decode_rows(qr.qr_matrix(_urls()[0]), 4) and not _decode_rows(tuple(bytes(r) for r in rows), 4)


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
