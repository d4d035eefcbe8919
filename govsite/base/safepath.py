"""Path safety: nothing outside the site folder is ever read or linked, and no
file name that becomes part of a URL breaks that URL."""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Iterable

from govsite.problems import ProblemLog

URL_BREAKING = re.compile(r"[#?%\x00-\x1f\x7f-\x9f]")
"""Characters a file or folder name must not contain when the name becomes part of a
URL: ``#`` and ``?`` would end the path (fragment, query), ``%`` would start an
escape, and control characters (C0, DEL, C1) cannot be written in a link. Spaces,
Chinese characters and other punctuation are percent-encoded and work."""


def resolve_inside(root: Path, relative: str) -> Path | None:
    """Resolve ``relative`` under ``root``; None if it is absolute or escapes ``root``
    (through ``..`` or a symlink)."""
    if not relative or relative.startswith(("/", "\\")) or ":" in relative.split("/")[0]:
        return None
    pure = PurePosixPath(relative.replace("\\", "/"))
    if ".." in pure.parts:
        return None
    candidate = (root / pure).resolve()
    try:
        candidate.relative_to(root.resolve())
    except ValueError:
        return None
    return candidate


def url_breaking_chars(name: str) -> str:
    """The characters of ``name`` that break a URL (see :data:`URL_BREAKING`), shown
    readably (``\\x09`` for a tab); empty when the name is usable."""
    found = dict.fromkeys(URL_BREAKING.findall(name))
    return " ".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in found)


def first_url_breaking(rel: str, start: int = 0) -> tuple[str, str] | None:
    """The first segment of the path ``rel`` (from segment ``start`` on) whose name breaks
    a URL, as (path up to and including that segment, its bad characters); None if none."""
    parts = rel.split("/")
    for n in range(start, len(parts)):
        chars = url_breaking_chars(parts[n])
        if chars:
            return "/".join(parts[: n + 1]), chars
    return None


def report_url_names(rel_dir: str, paths: Iterable[str], problems: ProblemLog) -> None:
    """``E-FILENAME`` for each file or folder under ``rel_dir`` (a folder whose file
    names become URLs, e.g. ``content/items``) whose name breaks its URL; a bad folder
    is reported once, not for every file in it."""
    start = rel_dir.count("/") + 1
    reported: set[str] = set()
    for rel in paths:
        bad = first_url_breaking(rel, start)
        if bad is not None and bad[0] not in reported:
            reported.add(bad[0])
            problems.error("E-FILENAME", bad[0], None, None, bad[0], chars=bad[1])
