"""Relative links agree with posixpath.relpath for every pair of output paths."""
from __future__ import annotations

import itertools
import posixpath

from govsite.base.urls import absolute_url, relative_url, rooted_url

PATHS = ["index.html", "404.html", "xxgk/index.html", "xxgk/gfxwj/index.html", "xxgk/gfxwj/index_2.html",
         "xxgk/xzf/index.html", "xxgk/xzf/2024/00001.html", "xxgk/xzf/2024/00002.html", "xxgk/xzfb/2025/00001.html",
         "assets/style.css", "files/attachments/2025/方案.pdf", "xxgk/theme/13/index.html", "a/b.html", "a/bc/index.html"]


def expected(from_page: str, target: str) -> str:
    from_dir = posixpath.dirname(from_page) or "."
    if target.endswith("index.html"):
        folder = target[: -len("index.html")].rstrip("/") or "."
        rel = posixpath.relpath(folder, from_dir)
        return "./" if rel == "." else rel + "/"
    return posixpath.relpath(target, from_dir)


def test_relative_url_matches_relpath_for_all_pairs() -> None:
    for a, b in itertools.product(PATHS, PATHS):
        got = relative_url(a, b)
        want = expected(a, b)
        assert got == (want if "方案" not in want else want.replace("方案", "%E6%96%B9%E6%A1%88")), (a, b)


def test_anchor_and_absolute_forms() -> None:
    assert relative_url("xxgk/catalog/x/index.html", "xxgk/catalog/x/index.html#entry-3") == "./#entry-3"
    assert absolute_url("https://www.example.gov.cn/sub/", "xxgk/gfxwj/index.html") == "https://www.example.gov.cn/sub/xxgk/gfxwj/"
    assert rooted_url("/sub/", "assets/style.css") == "/sub/assets/style.css"
