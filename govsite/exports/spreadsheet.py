"""CSV cells that a spreadsheet will not run as formulas (CSV/formula injection).

The OWASP rule: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a single quote ``'`` in front, so Excel, WPS and
LibreOffice show it as text instead of evaluating ``=HYPERLINK(…)``. A text that
already begins with quotes followed by such a character gets one more quote, so
:func:`restore` (used by ``govsite import items``) gives back exactly the
published text. Numbers are not text cells and are never prefixed; JSON keeps
every text as it is.
"""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as the start of a formula."""
QUOTE = "'"


def _looks_like_formula(text: str) -> bool:
    return text.lstrip(QUOTE).startswith(FORMULA_START)


def neutralise(text: str) -> str:
    """The text as a CSV cell: ``=1+2`` → ``'=1+2``, ``'=1+2`` → ``''=1+2``, others unchanged."""
    return QUOTE + text if _looks_like_formula(text) else text


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise`: ``'=1+2`` → ``=1+2``; other cells unchanged."""
    return cell[1:] if cell.startswith(QUOTE) and _looks_like_formula(cell) else cell
