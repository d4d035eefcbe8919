"""scripts/screenshots.py (issue 5): run on two page types into a temp folder, it
writes one PNG per page type, width and theme, at the viewport width, showing a
real page (not blank) whose heading Chromium drew entirely in a CJK font (no tofu)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PIL import Image

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "screenshots.py"
ONLY = ["item", "home"]
LINE = re.compile(r"^(?P<path>\S+\.png)\th1: (?P<chars>\d+) characters; (?P<fonts>.+)$")


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    out = tmp_path_factory.mktemp("shots")
    run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--only", ",".join(ONLY)],
                         capture_output=True, text=True, check=False, timeout=300, cwd=REPO)
    assert run.returncode == 0, run.stderr
    return out, run.stdout


def test_one_png_per_page_type_width_and_theme(shots) -> None:
    out, _stdout = shots
    expected = {f"{name}-{width}-{theme}.png" for name in ONLY for width in (360, 1280) for theme in ("normal", "care")}
    assert {p.name for p in out.iterdir()} == expected


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 800)])
def test_pngs_are_as_wide_as_the_viewport_and_at_least_one_screen_tall(shots, width, height) -> None:
    out, _stdout = shots
    for png in sorted(out.glob(f"*-{width}-*.png")):
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.width == width and height <= image.height <= 2200, (png.name, image.size)


def test_pngs_show_a_page_not_a_blank_screen(shots) -> None:
    """Many colours (text, links, header, anti-aliasing), none covering nearly everything."""
    out, _stdout = shots
    for png in sorted(out.glob("*.png")):
        with Image.open(png) as image:
            colours = image.convert("RGB").getcolors(1 << 24)
        top_share = max(count for count, _rgb in colours) / sum(count for count, _rgb in colours)
        assert len(colours) >= 16 and top_share < 0.9, (png.name, len(colours), top_share)


def test_care_theme_screenshots_differ_from_the_normal_ones(shots) -> None:
    out, _stdout = shots
    for png in sorted(out.glob("*-normal.png")):
        care = png.with_name(png.name.replace("-normal", "-care"))
        with Image.open(png) as normal, Image.open(care) as cared:
            assert normal.convert("RGB").tobytes() != cared.convert("RGB").tobytes(), png.name


def test_headings_are_drawn_in_a_cjk_font_glyph_for_glyph(shots) -> None:
    """The script reports the fonts Chromium used for each page's <h1>: only Noto CJK,
    one glyph per character (a missing glyph would be drawn by another font)."""
    out, stdout = shots
    lines = [LINE.match(line) for line in stdout.splitlines() if line.strip()]
    assert all(lines), stdout
    assert {m["path"] for m in lines} == {str(p) for p in out.glob("*.png")}
    for match in lines:
        fonts = dict(f.rsplit(" ", 1) for f in match["fonts"].split(", "))
        assert all(family.startswith("Noto Sans CJK") for family in fonts), match.group(0)
        assert sum(int(n) for n in fonts.values()) == int(match["chars"]) > 4, match.group(0)


def test_unknown_page_type_is_refused_with_the_allowed_names(tmp_path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path), "--only", "item,itme"],
                         capture_output=True, text=True, check=False, timeout=60, cwd=REPO)
    assert run.returncode != 0
    assert "itme" in run.stderr and "gazette-scan-only" in run.stderr and "home" in run.stderr
    assert list(tmp_path.iterdir()) == []
