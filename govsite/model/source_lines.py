"""The line of a front-matter field (字段所在行), found only when a problem is reported.

Phase 2 reports a field's line with every problem; reading a file again costs only
for the few files with problems, so the fast loader never keeps node marks.
"""
from __future__ import annotations

from pathlib import Path

from govsite.base.yamlsource import locate, split_front_matter


class SourceLines:
    """Finds the line of a front-matter field, reading the file only when asked."""

    ALIASES = {"columns": "column"}
    """Fields that have a second accepted spelling."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, source: str, *path: object) -> int | None:
        try:
            text = (self.root / source).read_text(encoding="utf-8")
        except OSError:
            return None
        offset = 0
        if source.endswith(".md"):
            split = split_front_matter(text)
            if not split:
                return None
            text, offset = split[0], 1
        found = locate(text, tuple(path), offset, exact=True)
        if found is None and path and path[0] in self.ALIASES:
            found = locate(text, (self.ALIASES[path[0]],), offset, exact=True)
        return found if found is not None else locate(text, tuple(path), offset)
