"""NUL characters in a text file govsite reads (Markdown, YAML).

A NUL (``\\x00``) is never intended in a government document: it comes from a
damaged file or a copy from another program. Markdown would show it as U+FFFD
(�) without a word, so it is an error (``E-NUL``) with the file, line and column.
A file that is mostly NULs is UTF-16 text, reported as not UTF-8 instead.
"""
from __future__ import annotations

from govsite.problems import Problem, Severity

MAX_LINES = 20
"""Lines reported per file (a binary file saved as .md would have thousands)."""


def nul_problems(rel: str, text: str) -> list[Problem]:
    """One ``E-NUL`` for each line of the file ``text`` holding a NUL (at most
    :data:`MAX_LINES`), with the column of its first NUL."""
    pos = text.find("\0")
    if pos < 0:
        return []
    if text.count("\0") * 4 > len(text):
        return [Problem("E-TYPE", Severity.ERROR, rel, None, None, "UTF-16", {"expected": "UTF-8 编码文本"})]
    found: list[Problem] = []
    while pos >= 0 and len(found) < MAX_LINES:
        start = text.rfind("\n", 0, pos) + 1
        line = 1 + text.count("\n", 0, start)
        found.append(Problem("E-NUL", Severity.ERROR, rel, line, None, None, {"column": pos - start + 1}))
        end = text.find("\n", pos)
        pos = text.find("\0", end) if end >= 0 else -1
    return found
