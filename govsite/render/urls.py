"""URLs between pages: relative links so output works under any sub-path."""
from __future__ import annotations

import posixpath
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
    target = pretty(target)
    from_dir = posixpath.dirname(from_page)
    if target == "" or target.endswith("/"):
        rel = posixpath.relpath(target.rstrip("/") or ".", from_dir or ".")
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = posixpath.relpath(target, from_dir or ".")
    return quote(rel, safe="/#%:@!$&'()*+,;=-._~") + anchor


def absolute_url(base_url: str, target: str) -> str:
    """Absolute URL of an output path under the site's ``base_url``."""
    return base_url + quote(pretty(target), safe="/#%:@!$&'()*+,;=-._~")


def rooted_url(base_path: str, target: str) -> str:
    """Root-relative URL (``/xxgk/...``), for pages served at any depth such as 404."""
    return base_path + quote(pretty(target), safe="/#%:@!$&'()*+,;=-._~")
