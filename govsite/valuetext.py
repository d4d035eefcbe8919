"""Values shown in messages, cut to a length and computed in bounded time and memory.

A value in a problem comes from an editor's file and may be anything YAML can hold:
a very long text, a huge list, or a nested structure that shares its parts (aliases,
a "billion laughs") and would print as gigabytes. :func:`value_text` reads
``str(value)`` only as far as it is shown, so the work is proportional to ``limit``,
never to the size of the value. (Objects other than the ones YAML makes are shown
with their own ``str``/``repr``: they come from the program, not from a file.)
"""
from __future__ import annotations

from itertools import islice
from typing import Any, Iterable, Iterator

_INT_DIGITS = 1000
"""Longer integers are described, not printed (``str`` refuses beyond 4300 digits)."""
_DEPTH = 32
"""Deeper levels of nesting are shown as "…"."""


def value_text(value: Any, limit: int) -> str:
    """``str(value)``, or when that is longer than ``limit`` characters, its first
    ``limit - 1`` characters followed by "…"."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    parts: list[str] = []
    size = 0
    for piece in islice(_pieces(value, True, limit, 0), limit + 1):  # every piece has at least one character
        parts.append(piece[: limit + 1 - size])
        size += len(parts[-1])
        if size > limit:
            break
    text = "".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scalar(value: Any, top: bool, limit: int) -> str:
    """The text of a value that is not a container (``str`` at the top, ``repr`` inside a container)."""
    if isinstance(value, str):
        return value[: limit + 1] if top else repr(value[: limit + 1])
    if isinstance(value, (bytes, bytearray)):
        return repr(value[: limit + 1])
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _INT_DIGITS * 3:
        return f"<{value.bit_length()}-bit integer>"
    text = str(value) if top else repr(value)
    return text or "''"


def _pieces(value: Any, top: bool, limit: int, depth: int) -> Iterator[str]:
    """The text of ``value`` in pieces of at least one character, lazily (a consumer stops when it has enough)."""
    if depth > _DEPTH:
        yield "…"
    elif isinstance(value, dict):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            if n:
                yield ", "
            yield from _pieces(key, False, limit, depth + 1)
            yield ": "
            yield from _pieces(item, False, limit, depth + 1)
        yield "}"
    elif isinstance(value, (list, tuple)):
        yield "[" if isinstance(value, list) else "("
        for n, item in enumerate(value):
            if n:
                yield ", "
            yield from _pieces(item, False, limit, depth + 1)
        if isinstance(value, tuple) and len(value) == 1:
            yield ","
        yield "]" if isinstance(value, list) else ")"
    elif isinstance(value, (set, frozenset)):
        if not value:
            yield f"{type(value).__name__}()"
            return
        yield "{" if isinstance(value, set) else "frozenset({"
        for n, item in enumerate(value):
            if n:
                yield ", "
            yield from _pieces(item, False, limit, depth + 1)
        yield "}" if isinstance(value, set) else "})"
    else:
        yield _scalar(value, top, limit)


CHOICE_SEPARATOR = "；"
"""Between the choices an error message lists: no column, theme or organisation name
contains it (their names contain 、 and ，: "3 国民经济管理、国有资产监管、4 财政、金融、审计"
could not be read)."""


def choice_list(choices: Iterable[tuple[str, str]]) -> str:
    """The values an error allows, each as ``code（名称）``: ``gfxwj（行政法规、规章和规范性文件）；…``."""
    return CHOICE_SEPARATOR.join(f"{code}（{name}）" if name else code for code, name in choices)
