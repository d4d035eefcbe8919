"""URLs between pages: relative links so output works under any sub-path."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import quote


def pretty(target: str) -> str:
    """Drop a trailing ``index.html`` so links point at the folder."""
    return target[: -len("index.html")] if target.endswith("index.html") else target


def relative_url(from_page: str, target: str) -> str:
    """Link from output path ``from_page`` to output path ``target``, relative.

    Relative links keep working wherever the folder is deployed, under any
    sub-path and even from ``file://``.
    """
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    return _relative(posixpath.dirname(from_page), pretty(target)) + anchor


@lru_cache(maxsize=65536)
def _relative(from_dir: str, target: str) -> str:
    """Relative link from folder ``from_dir`` to ``target`` (both relative to the site root)."""
    from_parts = from_dir.split("/") if from_dir else []
    is_dir = target == "" or target.endswith("/")
    to_parts = [p for p in target.split("/") if p]
    common = 0
    for a, b in zip(from_parts, to_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    rel = "/".join(parts)
    if is_dir:
        rel = rel + "/" if rel else "./"
    elif not rel:
        rel = "./"
    return _quoted(rel)


_SAFE = "/#%:@!$&'()*+,;=-._~"
_PLAIN = re.compile(f"[A-Za-z0-9{re.escape(_SAFE)}]*")
"""Paths made only of characters ``quote`` keeps (almost every output path)."""


def _quoted(path: str) -> str:
    return path if _PLAIN.fullmatch(path) else quote(path, safe=_SAFE)


def absolute_url(base_url: str, target: str) -> str:
    """Absolute URL of an output path under the site's ``base_url``."""
    return base_url + _quoted(pretty(target))


def rooted_url(base_path: str, target: str) -> str:
    """Root-relative URL (``/xxgk/...``), for pages served at any depth such as 404."""
    return base_path + _quoted(pretty(target))
